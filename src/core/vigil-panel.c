/* vigil-panel.c — one security control panel: what the console knows of it now
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel"

#include <glib/gi18n-lib.h>

#include "vigil-panel.h"

struct _VigilPanel
{
  GObject parent_instance;

  char *dev_index;
  char *name;
  char *model;
  char *ehome_id;
  gboolean online;
  gboolean ac_lost;

  GListStore *partitions;
  GListStore *zones;
  GListStore *peripherals;

  guint n_alarms;
  guint n_faults;
  guint n_open;
  const char *arming_summary;

  char *last_event;
  GDateTime *last_event_time;
  char *status_error;
  GDateTime *status_time;
};

G_DEFINE_FINAL_TYPE (VigilPanel, vigil_panel, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEV_INDEX,
  PROP_NAME,
  PROP_MODEL,
  PROP_EHOME_ID,
  PROP_ONLINE,
  PROP_AC_LOST,
  PROP_N_ALARMS,
  PROP_N_FAULTS,
  PROP_N_OPEN,
  PROP_HAS_PROBLEMS,
  PROP_ARMING_SUMMARY,
  PROP_LAST_EVENT,
  PROP_LAST_EVENT_TIME,
  PROP_STATUS_ERROR,
  PROP_STATUS_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify (VigilPanel *self,
        guint       prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_string (VigilPanel  *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  notify (self, prop_id);
}

static const char *
summarize_arming (VigilPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->partitions));
  guint away = 0, stay = 0, disarmed = 0;

  if (n == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilPartition) partition = g_list_model_get_item (G_LIST_MODEL (self->partitions), i);
      const char *arming = vigil_partition_get_arming (partition);

      if (g_strcmp0 (arming, "away") == 0)
        away++;
      else if (g_strcmp0 (arming, "stay") == 0)
        stay++;
      else if (g_strcmp0 (arming, "disarm") == 0)
        disarmed++;
    }

  if (away == n)
    return _("Armed away");
  if (stay == n)
    return _("Armed stay");
  if (disarmed == n)
    return _("Disarmed");
  if (away + stay > 0)
    return _("Partly armed");
  return _("Unknown");
}

static void
recount (VigilPanel *self)
{
  guint alarms = 0, faults = 0, open = 0;
  gboolean had_problems = vigil_panel_get_has_problems (self);
  const char *summary;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->zones)); i++)
    {
      g_autoptr(VigilZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      const char *status = vigil_zone_get_status (zone);

      alarms += vigil_zone_get_alarm (zone);
      faults += vigil_zone_get_tamper (zone) || vigil_zone_get_low_battery (zone) ||
                g_strcmp0 (status, "offline") == 0 || g_strcmp0 (status, "breakDown") == 0;
      open += g_strcmp0 (status, "trigger") == 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->partitions)); i++)
    {
      g_autoptr(VigilPartition) partition = g_list_model_get_item (G_LIST_MODEL (self->partitions), i);
      alarms += vigil_partition_get_alarm (partition);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->peripherals)); i++)
    {
      g_autoptr(VigilPeripheral) peripheral = g_list_model_get_item (G_LIST_MODEL (self->peripherals), i);
      faults += vigil_peripheral_get_tamper (peripheral) || vigil_peripheral_get_low_battery (peripheral) ||
                g_strcmp0 (vigil_peripheral_get_status (peripheral), "offline") == 0;
    }

  faults += self->ac_lost;

  g_object_freeze_notify (G_OBJECT (self));
  if (alarms != self->n_alarms)
    {
      self->n_alarms = alarms;
      notify (self, PROP_N_ALARMS);
    }
  if (faults != self->n_faults)
    {
      self->n_faults = faults;
      notify (self, PROP_N_FAULTS);
    }
  if (open != self->n_open)
    {
      self->n_open = open;
      notify (self, PROP_N_OPEN);
    }
  summary = summarize_arming (self);
  if (g_strcmp0 (summary, self->arming_summary) != 0)
    {
      self->arming_summary = summary;
      notify (self, PROP_ARMING_SUMMARY);
    }
  if (had_problems != vigil_panel_get_has_problems (self))
    notify (self, PROP_HAS_PROBLEMS);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_child_notify (GObject    *child,
                 GParamSpec *pspec,
                 VigilPanel *self)
{
  recount (self);
}

typedef guint    (*RecordId)    (gconstpointer record);
typedef gpointer (*ItemNew)     (gconstpointer record);
typedef guint    (*ItemId)      (gpointer item);
typedef void     (*ItemApply)   (gpointer item, gconstpointer record);

/* Brings @store in line with @records (sorted by id): changed items are updated in place,
 * so a widget bound to them just redraws; only added and removed ones change the list. */
static void
sync_store (VigilPanel *self,
            GListStore *store,
            GPtrArray  *records,
            RecordId    record_id,
            ItemNew     item_new,
            ItemId      item_id,
            ItemApply   item_apply)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  guint n;

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (wanted, GUINT_TO_POINTER (record_id (g_ptr_array_index (records, i))),
                         g_ptr_array_index (records, i));

  /* Remove what is gone, update what stays. */
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
      gconstpointer record = g_hash_table_lookup (wanted, GUINT_TO_POINTER (item_id (item)));

      if (record == NULL)
        g_list_store_remove (store, i - 1);
      else
        {
          item_apply (item, record);
          g_hash_table_remove (wanted, GUINT_TO_POINTER (item_id (item)));
        }
    }

  /* Add what is new, in id order. */
  for (guint i = 0; i < records->len; i++)
    {
      gconstpointer record = g_ptr_array_index (records, i);
      guint id = record_id (record);
      g_autoptr(GObject) item = NULL;
      guint position = 0;

      if (!g_hash_table_contains (wanted, GUINT_TO_POINTER (id)))
        continue;

      item = item_new (record);
      item_apply (item, record);
      g_signal_connect_object (item, "notify", G_CALLBACK (on_child_notify), self, 0);

      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      while (position < n)
        {
          g_autoptr(GObject) other = g_list_model_get_item (G_LIST_MODEL (store), position);
          if (item_id (other) > id)
            break;
          position++;
        }
      g_list_store_insert (store, position, item);
    }
}

static guint zone_record_id (gconstpointer r) { return (guint) ((const VigilZoneStatus *) r)->id; }
static gpointer zone_item_new (gconstpointer r) { return vigil_zone_new (zone_record_id (r)); }
static guint zone_item_id (gpointer item) { return vigil_zone_get_id (item); }
static void zone_item_apply (gpointer item, gconstpointer r) { vigil_zone_apply_status (item, r); }

static guint partition_record_id (gconstpointer r) { return (guint) ((const VigilPartitionStatus *) r)->id; }
static gpointer partition_item_new (gconstpointer r) { return vigil_partition_new (partition_record_id (r)); }
static guint partition_item_id (gpointer item) { return vigil_partition_get_id (item); }
static void partition_item_apply (gpointer item, gconstpointer r) { vigil_partition_apply_status (item, r); }

/* Peripherals of all kinds share one list: the key carries the kind. */
typedef struct
{
  VigilPeripheralKind kind;
  const VigilPeripheralStatus *status;
} PeripheralRecord;

static guint peripheral_key (VigilPeripheralKind kind, guint id) { return (guint) kind << 24 | (id & 0xffffff); }
static guint peripheral_record_id (gconstpointer r)
{
  const PeripheralRecord *record = r;
  return peripheral_key (record->kind, (guint) record->status->id);
}
static gpointer peripheral_item_new (gconstpointer r)
{
  const PeripheralRecord *record = r;
  return vigil_peripheral_new (record->kind, (guint) record->status->id);
}
static guint peripheral_item_id (gpointer item)
{
  return peripheral_key (vigil_peripheral_get_kind (item), vigil_peripheral_get_id (item));
}
static void peripheral_item_apply (gpointer item, gconstpointer r)
{
  vigil_peripheral_apply_status (item, ((const PeripheralRecord *) r)->status);
}

/* Records without an id cannot be matched to anything: leave them out. */
static GPtrArray *
with_ids (GPtrArray *records,
          gsize      has_id_offset)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      if (*(gboolean *) ((guint8 *) record + has_id_offset))
        g_ptr_array_add (kept, record);
    }
  return kept;
}

static gint
compare_zone_records (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(VigilZoneStatus * const *) a)->id, y = (*(VigilZoneStatus * const *) b)->id;
  return x < y ? -1 : x > y;
}

static gint
compare_partition_records (gconstpointer a, gconstpointer b)
{
  gint64 x = (*(VigilPartitionStatus * const *) a)->id, y = (*(VigilPartitionStatus * const *) b)->id;
  return x < y ? -1 : x > y;
}

static gint
compare_peripheral_records (gconstpointer a, gconstpointer b)
{
  guint x = peripheral_record_id (*(gpointer const *) a), y = peripheral_record_id (*(gpointer const *) b);
  return x < y ? -1 : x > y;
}

static void
mark_read (VigilPanel *self)
{
  g_clear_pointer (&self->status_time, g_date_time_unref);
  self->status_time = g_date_time_new_now_utc ();
  notify (self, PROP_STATUS_TIME);
}

void
vigil_panel_apply_partitions (VigilPanel *self,
                              GPtrArray  *partitions)
{
  g_autoptr(GPtrArray) kept = with_ids (partitions, G_STRUCT_OFFSET (VigilPartitionStatus, has_id));

  g_return_if_fail (VIGIL_IS_PANEL (self));

  g_ptr_array_sort (kept, compare_partition_records);
  sync_store (self, self->partitions, kept, partition_record_id, partition_item_new,
              partition_item_id, partition_item_apply);
  mark_read (self);
  recount (self);
}

void
vigil_panel_apply_zones (VigilPanel *self,
                         GPtrArray  *zones)
{
  g_autoptr(GPtrArray) kept = with_ids (zones, G_STRUCT_OFFSET (VigilZoneStatus, has_id));

  g_return_if_fail (VIGIL_IS_PANEL (self));

  g_ptr_array_sort (kept, compare_zone_records);
  sync_store (self, self->zones, kept, zone_record_id, zone_item_new, zone_item_id, zone_item_apply);
  mark_read (self);
  recount (self);
}

void
vigil_panel_apply_peripherals (VigilPanel             *self,
                               const VigilPeripherals *peripherals)
{
  GPtrArray *lists[] = {
    [VIGIL_PERIPHERAL_OUTPUT_MODULE] = peripherals->output_modules,
    [VIGIL_PERIPHERAL_RELAY] = peripherals->relays,
    [VIGIL_PERIPHERAL_SIREN] = peripherals->sirens,
    [VIGIL_PERIPHERAL_REPEATER] = peripherals->repeaters,
  };
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (PeripheralRecord));
  g_autoptr(GPtrArray) pointers = g_ptr_array_new ();

  g_return_if_fail (VIGIL_IS_PANEL (self));

  for (guint kind = 0; kind < G_N_ELEMENTS (lists); kind++)
    for (guint i = 0; lists[kind] != NULL && i < lists[kind]->len; i++)
      {
        PeripheralRecord record = { kind, g_ptr_array_index (lists[kind], i) };
        if (record.status->has_id)
          g_array_append_val (records, record);
      }
  /* sync_store wants them by key: kind first, then id. */
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (pointers, &g_array_index (records, PeripheralRecord, i));
  g_ptr_array_sort (pointers, compare_peripheral_records);

  sync_store (self, self->peripherals, pointers, peripheral_record_id, peripheral_item_new,
              peripheral_item_id, peripheral_item_apply);
  mark_read (self);
  recount (self);
}

VigilZone *
vigil_panel_lookup_zone (VigilPanel *self,
                         guint       id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->zones)); i++)
    {
      g_autoptr(VigilZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (vigil_zone_get_id (zone) == id)
        return zone;  /* the store keeps it alive */
    }
  return NULL;
}

VigilPartition *
vigil_panel_lookup_partition (VigilPanel *self,
                              guint       id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->partitions)); i++)
    {
      g_autoptr(VigilPartition) partition = g_list_model_get_item (G_LIST_MODEL (self->partitions), i);
      if (vigil_partition_get_id (partition) == id)
        return partition;
    }
  return NULL;
}

GPtrArray *
vigil_panel_dup_blocking_zones (VigilPanel *self)
{
  GPtrArray *blocking = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->zones)); i++)
    {
      g_autoptr(VigilZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (vigil_zone_blocks_arming (zone))
        g_ptr_array_add (blocking, g_steal_pointer (&zone));
    }
  return blocking;
}

void
vigil_panel_apply_entry (VigilPanel             *self,
                         const VigilDeviceEntry *entry)
{
  g_return_if_fail (VIGIL_IS_PANEL (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->name, entry->dev_name, PROP_NAME);
  set_string (self, &self->model, entry->dev_mode, PROP_MODEL);
  set_string (self, &self->ehome_id, entry->ehome_id, PROP_EHOME_ID);
  if (entry->dev_status != NULL)
    vigil_panel_set_online (self, g_strcmp0 (entry->dev_status, "online") == 0);
  g_object_thaw_notify (G_OBJECT (self));
}

void
vigil_panel_set_online (VigilPanel *self,
                        gboolean    online)
{
  online = !!online;
  if (self->online == online)
    return;
  self->online = online;
  notify (self, PROP_ONLINE);
}

void
vigil_panel_set_status_error (VigilPanel *self,
                              const char *error)
{
  if (g_strcmp0 (self->status_error, error) == 0)
    return;
  g_free (self->status_error);
  self->status_error = g_strdup (error);
  notify (self, PROP_STATUS_ERROR);
}

static void
set_ac_lost (VigilPanel *self,
             gboolean    lost)
{
  if (self->ac_lost == lost)
    return;
  self->ac_lost = lost;
  notify (self, PROP_AC_LOST);
  recount (self);
}

/* What an event says about the panel at once. The CID events the guide lists (A.3) that change
 * what the screen shows; everything else only becomes the "last event". */
static void
apply_cid (VigilPanel *self,
           VigilEvent *event)
{
  VigilZone *zone = event->zone > 0 ? vigil_panel_lookup_zone (self, (guint) event->zone) : NULL;
  VigilPartition *partition = event->partition > 0 ? vigil_panel_lookup_partition (self, (guint) event->partition) : NULL;
  gboolean restore = event->cid_restore;

  switch (event->cid_event)
    {
    case 401: case 403: case 409: case 441: case 442: case 973:
      /* Arming (restore codes) and disarming (trigger codes); 441/442 are stay and forced. */
      if (partition != NULL)
        vigil_partition_set_arming (partition,
                                    !restore ? "disarm" : event->cid_event == 441 ? "stay" : "away");
      if (partition != NULL && !restore)
        vigil_partition_set_alarm (partition, FALSE);
      return;
    case 406:
    case 974:
      if (partition != NULL)
        vigil_partition_set_alarm (partition, FALSE);
      if (zone != NULL)
        vigil_zone_set_alarm (zone, FALSE);
      return;
    case 570:
    case 574:
      if (zone != NULL)
        vigil_zone_set_bypassed (zone, !restore);
      return;
    case 137:
    case 383:
      if (zone != NULL)
        vigil_zone_set_tamper (zone, !restore);
      return;
    case 302:
    case 915:
      if (zone != NULL)
        vigil_zone_set_low_battery (zone, !restore);
      return;
    case 301:
      set_ac_lost (self, !restore);
      return;
    case 914:
      if (zone != NULL)
        vigil_zone_set_status (zone, restore ? "online" : "offline");
      return;
    default:
      break;
    }

  /* Alarms: the zone and its partition go into alarm; a restore only says the zone closed —
   * the alarm memory stays until it is cleared or the partition disarmed. */
  if (event->cid_category == VIGIL_CID_CATEGORY_ALARM || event->cid_category == VIGIL_CID_CATEGORY_FIRE ||
      event->cid_category == VIGIL_CID_CATEGORY_PANIC || event->cid_category == VIGIL_CID_CATEGORY_MEDICAL)
    {
      if (!restore)
        {
          if (zone != NULL)
            {
              vigil_zone_set_alarm (zone, TRUE);
              vigil_zone_set_status (zone, "trigger");
            }
          if (partition != NULL)
            vigil_partition_set_alarm (partition, TRUE);
        }
      else if (zone != NULL)
        vigil_zone_set_status (zone, "online");
    }
}

void
vigil_panel_apply_event (VigilPanel *self,
                         VigilEvent *event)
{
  g_return_if_fail (VIGIL_IS_PANEL (self));
  g_return_if_fail (event != NULL);

  if (event->type == VIGIL_EVENT_HEARTBEAT)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (event->type == VIGIL_EVENT_DEV_STATUS_CHANGED && event->status != NULL)
    vigil_panel_set_online (self, g_ascii_strcasecmp (event->status, "online") == 0);
  else if (event->has_cid && event->type == VIGIL_EVENT_CID_ALARM)
    apply_cid (self, event);

  {
    const char *text = vigil_event_get_summary (event);
    if (text != NULL)
      set_string (self, &self->last_event, text, PROP_LAST_EVENT);
    g_clear_pointer (&self->last_event_time, g_date_time_unref);
    self->last_event_time = g_date_time_ref (event->received_at);
    notify (self, PROP_LAST_EVENT_TIME);
  }

  g_object_thaw_notify (G_OBJECT (self));
}

VigilPanel *
vigil_panel_new (const char *dev_index)
{
  g_return_val_if_fail (dev_index != NULL, NULL);
  return g_object_new (VIGIL_TYPE_PANEL, "dev-index", dev_index, NULL);
}

const char *vigil_panel_get_dev_index (VigilPanel *self) { return self->dev_index; }
const char *vigil_panel_get_name (VigilPanel *self) { return self->name ? self->name : self->dev_index; }
const char *vigil_panel_get_model (VigilPanel *self) { return self->model; }
const char *vigil_panel_get_ehome_id (VigilPanel *self) { return self->ehome_id; }
gboolean vigil_panel_get_online (VigilPanel *self) { return self->online; }
gboolean vigil_panel_get_ac_lost (VigilPanel *self) { return self->ac_lost; }
GListModel *vigil_panel_get_partitions (VigilPanel *self) { return G_LIST_MODEL (self->partitions); }
GListModel *vigil_panel_get_zones (VigilPanel *self) { return G_LIST_MODEL (self->zones); }
GListModel *vigil_panel_get_peripherals (VigilPanel *self) { return G_LIST_MODEL (self->peripherals); }
guint vigil_panel_get_n_alarms (VigilPanel *self) { return self->n_alarms; }
guint vigil_panel_get_n_faults (VigilPanel *self) { return self->n_faults; }
guint vigil_panel_get_n_open (VigilPanel *self) { return self->n_open; }
const char *vigil_panel_get_arming_summary (VigilPanel *self) { return self->arming_summary; }
const char *vigil_panel_get_last_event (VigilPanel *self) { return self->last_event; }
GDateTime *vigil_panel_get_last_event_time (VigilPanel *self) { return self->last_event_time; }
const char *vigil_panel_get_status_error (VigilPanel *self) { return self->status_error; }
GDateTime *vigil_panel_get_status_time (VigilPanel *self) { return self->status_time; }

gboolean
vigil_panel_get_has_problems (VigilPanel *self)
{
  return self->n_alarms > 0 || self->n_faults > 0 || !self->online || self->status_error != NULL;
}

static void
vigil_panel_finalize (GObject *object)
{
  VigilPanel *self = (VigilPanel *) object;

  g_free (self->dev_index);
  g_free (self->name);
  g_free (self->model);
  g_free (self->ehome_id);
  g_clear_object (&self->partitions);
  g_clear_object (&self->zones);
  g_clear_object (&self->peripherals);
  g_free (self->last_event);
  g_clear_pointer (&self->last_event_time, g_date_time_unref);
  g_free (self->status_error);
  g_clear_pointer (&self->status_time, g_date_time_unref);

  G_OBJECT_CLASS (vigil_panel_parent_class)->finalize (object);
}

static void
vigil_panel_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilPanel *self = VIGIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_DEV_INDEX:       g_value_set_string (value, self->dev_index); break;
    case PROP_NAME:            g_value_set_string (value, vigil_panel_get_name (self)); break;
    case PROP_MODEL:           g_value_set_string (value, self->model); break;
    case PROP_EHOME_ID:        g_value_set_string (value, self->ehome_id); break;
    case PROP_ONLINE:          g_value_set_boolean (value, self->online); break;
    case PROP_AC_LOST:         g_value_set_boolean (value, self->ac_lost); break;
    case PROP_N_ALARMS:        g_value_set_uint (value, self->n_alarms); break;
    case PROP_N_FAULTS:        g_value_set_uint (value, self->n_faults); break;
    case PROP_N_OPEN:          g_value_set_uint (value, self->n_open); break;
    case PROP_HAS_PROBLEMS:    g_value_set_boolean (value, vigil_panel_get_has_problems (self)); break;
    case PROP_ARMING_SUMMARY:  g_value_set_string (value, self->arming_summary); break;
    case PROP_LAST_EVENT:      g_value_set_string (value, self->last_event); break;
    case PROP_LAST_EVENT_TIME: g_value_set_boxed (value, self->last_event_time); break;
    case PROP_STATUS_ERROR:    g_value_set_string (value, self->status_error); break;
    case PROP_STATUS_TIME:     g_value_set_boxed (value, self->status_time); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VigilPanel *self = VIGIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_DEV_INDEX:
      self->dev_index = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_class_init (VigilPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_panel_finalize;
  object_class->get_property = vigil_panel_get_property;
  object_class->set_property = vigil_panel_set_property;

  properties[PROP_DEV_INDEX] = g_param_spec_string ("dev-index", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, ro);
  properties[PROP_EHOME_ID] = g_param_spec_string ("ehome-id", NULL, NULL, NULL, ro);
  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, ro);
  properties[PROP_AC_LOST] = g_param_spec_boolean ("ac-lost", NULL, NULL, FALSE, ro);
  properties[PROP_N_ALARMS] = g_param_spec_uint ("n-alarms", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_FAULTS] = g_param_spec_uint ("n-faults", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HAS_PROBLEMS] = g_param_spec_boolean ("has-problems", NULL, NULL, FALSE, ro);
  properties[PROP_ARMING_SUMMARY] = g_param_spec_string ("arming-summary", NULL, NULL, NULL, ro);
  properties[PROP_LAST_EVENT] = g_param_spec_string ("last-event", NULL, NULL, NULL, ro);
  properties[PROP_LAST_EVENT_TIME] = g_param_spec_boxed ("last-event-time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STATUS_ERROR] = g_param_spec_string ("status-error", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_TIME] = g_param_spec_boxed ("status-time", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_panel_init (VigilPanel *self)
{
  self->partitions = g_list_store_new (VIGIL_TYPE_PARTITION);
  self->zones = g_list_store_new (VIGIL_TYPE_ZONE);
  self->peripherals = g_list_store_new (VIGIL_TYPE_PERIPHERAL);
}
