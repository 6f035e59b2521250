/* vigil-alarm-queue.c — the open alarms, most urgent first (a GListModel of VigilAlarm)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-alarm-queue"

#include "vigil-alarm-private.h"
#include "vigil-alarm-queue.h"
#include "vigil-event-store-private.h"

/* Latency: an alarm must be on screen within milliseconds of its arrival. The store's commit
 * (a thread hop, a transaction, a hop back) usually takes a few milliseconds, but a WAL
 * checkpoint can stretch one commit well past that. So the stream pushes each alarm straight
 * into the queue (vigil_alarm_queue_push) as it decodes it, and the "committed" signal only
 * reconciles: it gives the pending alarm its row id, or removes it when the store recognised
 * a replay. Alarms appended by anyone else arrive through "committed" alone. */

struct _VigilAlarmQueue
{
  GObject parent_instance;

  VigilEventStore *store;
  GPtrArray *alarms;          /* VigilAlarm, sorted by compare_alarms */
  GHashTable *by_id;          /* gint64 * → VigilAlarm (borrowed) */
  GHashTable *by_key;         /* dedup key → VigilAlarm (borrowed) */
  guint n_unacknowledged;

  gboolean loaded;
  GCancellable *cancellable;
  /* What happened to alarms not in the queue while it was loading, applied to what loads. */
  GHashTable *early_changes;  /* gint64 * → Change */
  GHashTable *early_restores; /* gint64 * → Restore */

  GSource *tick;
};

typedef struct
{
  VigilAlarmState state;
  char *acknowledged_by;
  gint64 acknowledged_at;
  double ack_seconds;
} Change;

typedef struct
{
  gint64 restore_id;
  VigilEvent *event;
  gint64 at;
} Restore;

static void vigil_alarm_queue_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilAlarmQueue, vigil_alarm_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vigil_alarm_queue_list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADED,
  PROP_N_OPEN,
  PROP_N_UNACKNOWLEDGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->acknowledged_by);
  g_free (change);
}

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_clear_pointer (&restore->event, vigil_event_unref);
  g_free (restore);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Priority first (lower is more urgent), then the oldest; the key makes the order total and
 * stable when a pending alarm gets its id. */
static int
compare_alarms (VigilAlarm *a,
                VigilAlarm *b)
{
  guint pa = vigil_alarm_get_priority (a);
  guint pb = vigil_alarm_get_priority (b);
  gint64 ra;
  gint64 rb;

  if (pa != pb)
    return pa < pb ? -1 : 1;

  ra = vigil_alarm_get_received_at (a);
  rb = vigil_alarm_get_received_at (b);
  if (ra != rb)
    return ra < rb ? -1 : 1;

  return g_strcmp0 (vigil_alarm_get_dedup_key (a), vigil_alarm_get_dedup_key (b));
}

static int
compare_alarm_pointers (gconstpointer a,
                        gconstpointer b)
{
  return compare_alarms (*(VigilAlarm * const *) a, *(VigilAlarm * const *) b);
}

/* The first position whose alarm does not sort before @alarm. */
static guint
lower_bound (VigilAlarmQueue *self,
             VigilAlarm      *alarm)
{
  guint lo = 0;
  guint hi = self->alarms->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_alarms (g_ptr_array_index (self->alarms, mid), alarm) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
find_position (VigilAlarmQueue *self,
               VigilAlarm      *alarm,
               guint           *position)
{
  for (guint i = lower_bound (self, alarm); i < self->alarms->len; i++)
    {
      VigilAlarm *other = g_ptr_array_index (self->alarms, i);

      if (other == alarm)
        {
          *position = i;
          return TRUE;
        }
      if (compare_alarms (other, alarm) != 0)
        break;
    }

  return FALSE;
}

/* ---- Counts and the waiting clock ---- */

static gboolean
tick (gpointer data)
{
  VigilAlarmQueue *self = data;
  gint64 now = g_get_real_time ();

  for (guint i = 0; i < self->alarms->len; i++)
    vigil_alarm_update_wait (g_ptr_array_index (self->alarms, i), now);

  return G_SOURCE_CONTINUE;
}

/* Notifies the counts that changed since @old_n_open and @old_n_unacknowledged, and runs the
 * waiting clock while someone has to look. */
static void
counts_changed (VigilAlarmQueue *self,
                guint            old_n_open,
                guint            old_n_unacknowledged)
{
  if (old_n_open != self->alarms->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
  if (old_n_unacknowledged != self->n_unacknowledged)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNACKNOWLEDGED]);

  if (self->n_unacknowledged > 0 && self->tick == NULL)
    {
      /* In the queue's own context, like everything else it does. */
      self->tick = g_timeout_source_new_seconds (1);
      g_source_set_callback (self->tick, tick, self, NULL);
      g_source_set_static_name (self->tick, "[vigil] alarm queue wait");
      g_source_attach (self->tick, g_main_context_get_thread_default ());
    }
  else if (self->n_unacknowledged == 0 && self->tick != NULL)
    {
      g_source_destroy (self->tick);
      g_clear_pointer (&self->tick, g_source_unref);
    }
}

static gboolean
is_unacknowledged (VigilAlarm *alarm)
{
  return vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_NEW;
}

/* ---- Adding and removing ---- */

static void
index_alarm (VigilAlarmQueue *self,
             VigilAlarm      *alarm)
{
  if (vigil_alarm_get_event_id (alarm) > 0)
    g_hash_table_replace (self->by_id, id_key (vigil_alarm_get_event_id (alarm)), alarm);
  if (vigil_alarm_get_dedup_key (alarm) != NULL)
    g_hash_table_replace (self->by_key, g_strdup (vigil_alarm_get_dedup_key (alarm)), alarm);
}

static void
insert_alarm (VigilAlarmQueue *self,
              VigilAlarm      *alarm)
{
  guint old_n_open = self->alarms->len;
  guint position = lower_bound (self, alarm);

  guint old_n_unacknowledged = self->n_unacknowledged;

  vigil_alarm_update_wait (alarm, g_get_real_time ());
  g_ptr_array_insert (self->alarms, position, g_object_ref (alarm));
  index_alarm (self, alarm);
  if (is_unacknowledged (alarm))
    self->n_unacknowledged++;

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  counts_changed (self, old_n_open, old_n_unacknowledged);
}

static void
remove_alarm (VigilAlarmQueue *self,
              VigilAlarm      *alarm)
{
  /* Held while the model tells the world: @alarm may be the queue's only reference. */
  g_autoptr(VigilAlarm) removed = g_object_ref (alarm);
  guint old_n_open = self->alarms->len;
  guint old_n_unacknowledged = self->n_unacknowledged;
  guint position;
  gint64 id = vigil_alarm_get_event_id (alarm);

  if (!find_position (self, removed, &position))
    return;

  if (id > 0)
    g_hash_table_remove (self->by_id, &id);
  if (vigil_alarm_get_dedup_key (removed) != NULL)
    g_hash_table_remove (self->by_key, vigil_alarm_get_dedup_key (removed));
  if (is_unacknowledged (removed))
    self->n_unacknowledged--;
  g_ptr_array_remove_index (self->alarms, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  counts_changed (self, old_n_open, old_n_unacknowledged);
}

/* A pending alarm (pushed before its commit) takes the row id it was stored as. */
static void
adopt_id (VigilAlarmQueue *self,
          VigilAlarm      *alarm,
          gint64           id)
{
  vigil_alarm_set_event_id (alarm, id);
  vigil_alarm_set_pending (alarm, FALSE);
  g_hash_table_replace (self->by_id, id_key (id), alarm);
}

gboolean
vigil_alarm_queue_push (VigilAlarmQueue *self,
                        VigilEvent      *event)
{
  g_autoptr(VigilAlarm) alarm = NULL;

  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!vigil_event_is_alarm (event)
      || event->dedup_key == NULL
      || g_hash_table_contains (self->by_key, event->dedup_key))
    return FALSE;

  alarm = vigil_alarm_new (0, event);
  insert_alarm (self, alarm);
  return TRUE;
}

/* ---- Following the store ---- */

static void
apply_acknowledged (VigilAlarmQueue *self,
                    VigilAlarm      *alarm,
                    const char      *operator_name,
                    gint64           at,
                    double           ack_seconds)
{
  guint old_n_unacknowledged = self->n_unacknowledged;

  if (is_unacknowledged (alarm))
    self->n_unacknowledged--;
  vigil_alarm_set_acknowledged (alarm, operator_name, at, ack_seconds);
  counts_changed (self, self->alarms->len, old_n_unacknowledged);
}

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n_items,
              VigilAlarmQueue        *self)
{
  for (guint i = 0; i < n_items; i++)
    {
      const VigilStoredEvent *item = &items[i];
      VigilEvent *event = item->event;

      if (vigil_event_is_alarm (event) && event->dedup_key != NULL)
        {
          VigilAlarm *existing = g_hash_table_lookup (self->by_key, event->dedup_key);

          if (item->id > 0)
            {
              if (existing == NULL)
                {
                  g_autoptr(VigilAlarm) alarm = vigil_alarm_new (item->id, event);

                  insert_alarm (self, alarm);
                }
              else if (vigil_alarm_get_pending (existing))
                adopt_id (self, existing, item->id);
            }
          else if (existing != NULL && vigil_alarm_get_pending (existing))
            {
              /* The store had it already: a replay. If that alarm is still open it is (or,
               * while loading, will be) in the queue under its own id. */
              remove_alarm (self, existing);
            }
        }

      if (item->restores_id > 0)
        {
          VigilAlarm *alarm = g_hash_table_lookup (self->by_id, &item->restores_id);
          gint64 at = vigil_store_date_time_to_usec (event->received_at);

          /* The first restore is the one the store keeps; a second one changes nothing. */
          if (alarm != NULL && !vigil_alarm_get_restored (alarm))
            vigil_alarm_set_restore (alarm, item->id, event, at);
          else if (!self->loaded)
            {
              Restore *restore = g_new0 (Restore, 1);

              restore->restore_id = item->id;
              restore->event = vigil_event_ref (event);
              restore->at = at;
              if (!g_hash_table_contains (self->early_restores, &item->restores_id))
                g_hash_table_insert (self->early_restores, id_key (item->restores_id), restore);
              else
                restore_free (restore);
            }
        }
    }
}

static void
on_alarm_changed (VigilEventStore        *store,
                  const VigilAlarmChange *change,
                  VigilAlarmQueue        *self)
{
  VigilAlarm *alarm = g_hash_table_lookup (self->by_id, &change->event_id);

  if (alarm == NULL)
    {
      if (!self->loaded)
        {
          Change *copy = g_new0 (Change, 1);

          copy->state = change->state;
          copy->acknowledged_by = g_strdup (change->acknowledged_by);
          copy->acknowledged_at = change->acknowledged_at;
          copy->ack_seconds = change->ack_seconds;
          g_hash_table_replace (self->early_changes, id_key (change->event_id), copy);
        }
      return;
    }

  if (change->state == VIGIL_ALARM_STATE_CLOSED)
    {
      g_autoptr(VigilAlarm) closed = g_object_ref (alarm);

      /* Out of the queue first (it counts as it was), then its final state for whoever still
       * holds it, such as a detail pane. */
      remove_alarm (self, closed);
      vigil_alarm_set_acknowledged (closed, change->acknowledged_by, change->acknowledged_at,
                                    change->ack_seconds);
      vigil_alarm_set_closed (closed, change->closed_by, change->closed_at, change->resolution,
                              change->note);
    }
  else
    apply_acknowledged (self, alarm, change->acknowledged_by, change->acknowledged_at,
                        change->ack_seconds);
}

/* Brings a loaded alarm up to date with what the queue heard while loading; FALSE if it was
 * closed meanwhile. */
static gboolean
catch_up (VigilAlarmQueue *self,
          VigilAlarm      *alarm)
{
  gint64 id = vigil_alarm_get_event_id (alarm);
  Change *change = g_hash_table_lookup (self->early_changes, &id);
  Restore *restore = g_hash_table_lookup (self->early_restores, &id);

  if (change != NULL)
    {
      if (change->state == VIGIL_ALARM_STATE_CLOSED)
        return FALSE;
      vigil_alarm_set_acknowledged (alarm, change->acknowledged_by, change->acknowledged_at,
                                    change->ack_seconds);
    }

  if (restore != NULL)
    vigil_alarm_set_restore (alarm, restore->restore_id, restore->event, restore->at);

  return TRUE;
}

static void
merge_loaded (VigilAlarmQueue *self,
              VigilAlarm      *loaded)
{
  VigilAlarm *existing;
  gint64 id = vigil_alarm_get_event_id (loaded);

  if (!catch_up (self, loaded) || g_hash_table_contains (self->by_id, &id))
    return;

  existing = vigil_alarm_get_dedup_key (loaded) != NULL
             ? g_hash_table_lookup (self->by_key, vigil_alarm_get_dedup_key (loaded))
             : NULL;
  if (existing == NULL)
    {
      insert_alarm (self, loaded);
      return;
    }

  /* Pushed again by a replay while loading: the pending one is this alarm. */
  adopt_id (self, existing, id);
  if (vigil_alarm_get_state (loaded) != VIGIL_ALARM_STATE_NEW)
    apply_acknowledged (self, existing, vigil_alarm_get_acknowledged_by (loaded),
                        vigil_alarm_get_acknowledged_at (loaded),
                        vigil_alarm_get_ack_seconds (loaded));
  if (vigil_alarm_get_restored (loaded))
    vigil_alarm_set_restore (existing, vigil_alarm_get_restore_event_id (loaded),
                             vigil_alarm_get_restore_event (loaded),
                             vigil_alarm_get_restored_at (loaded));
}

static void
open_alarms_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilAlarmQueue) self = user_data;
  g_autoptr(GPtrArray) alarms = NULL;
  g_autoptr(GError) error = NULL;

  alarms = vigil_event_store_open_alarms_finish (VIGIL_EVENT_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (alarms == NULL)
    g_warning ("Could not load the open alarms: %s", error->message);

  if (alarms != NULL && self->alarms->len == 0)
    {
      /* The usual start: an empty queue filled in one change. */
      guint old_n_open = self->alarms->len;
      guint old_n_unacknowledged = self->n_unacknowledged;

      for (guint i = 0; i < alarms->len; i++)
        {
          VigilAlarm *alarm = g_ptr_array_index (alarms, i);

          if (!catch_up (self, alarm))
            continue;
          vigil_alarm_update_wait (alarm, g_get_real_time ());
          g_ptr_array_add (self->alarms, g_object_ref (alarm));
          index_alarm (self, alarm);
          if (is_unacknowledged (alarm))
            self->n_unacknowledged++;
        }
      g_ptr_array_sort (self->alarms, compare_alarm_pointers);
      if (self->alarms->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->alarms->len);
      counts_changed (self, old_n_open, old_n_unacknowledged);
    }
  else if (alarms != NULL)
    {
      for (guint i = 0; i < alarms->len; i++)
        merge_loaded (self, g_ptr_array_index (alarms, i));
    }

  g_hash_table_remove_all (self->early_changes);
  g_hash_table_remove_all (self->early_restores);
  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* ---- GListModel ---- */

static GType
vigil_alarm_queue_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_ALARM;
}

static guint
vigil_alarm_queue_get_n_items (GListModel *model)
{
  return VIGIL_ALARM_QUEUE (model)->alarms->len;
}

static gpointer
vigil_alarm_queue_get_item (GListModel *model,
                            guint       position)
{
  VigilAlarmQueue *self = VIGIL_ALARM_QUEUE (model);

  if (position >= self->alarms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->alarms, position));
}

static void
vigil_alarm_queue_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_alarm_queue_get_item_type;
  iface->get_n_items = vigil_alarm_queue_get_n_items;
  iface->get_item = vigil_alarm_queue_get_item;
}

/* ---- GObject ---- */

static void
vigil_alarm_queue_constructed (GObject *object)
{
  VigilAlarmQueue *self = VIGIL_ALARM_QUEUE (object);

  G_OBJECT_CLASS (vigil_alarm_queue_parent_class)->constructed (object);

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self->store));

  /* Connected before the load starts: nothing that happens meanwhile is missed. */
  g_signal_connect_object (self->store, "committed", G_CALLBACK (on_committed), self, 0);
  g_signal_connect_object (self->store, "alarm-changed", G_CALLBACK (on_alarm_changed), self, 0);

  vigil_event_store_open_alarms_async (self->store, self->cancellable, open_alarms_cb,
                                       g_object_ref (self));
}

static void
vigil_alarm_queue_dispose (GObject *object)
{
  VigilAlarmQueue *self = (VigilAlarmQueue *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->tick != NULL)
    {
      g_source_destroy (self->tick);
      g_clear_pointer (&self->tick, g_source_unref);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_alarm_queue_parent_class)->dispose (object);
}

static void
vigil_alarm_queue_finalize (GObject *object)
{
  VigilAlarmQueue *self = (VigilAlarmQueue *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->alarms, g_ptr_array_unref);
  g_clear_pointer (&self->early_changes, g_hash_table_unref);
  g_clear_pointer (&self->early_restores, g_hash_table_unref);

  G_OBJECT_CLASS (vigil_alarm_queue_parent_class)->finalize (object);
}

static void
vigil_alarm_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilAlarmQueue *self = VIGIL_ALARM_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_N_OPEN:
      g_value_set_uint (value, self->alarms->len);
      break;
    case PROP_N_UNACKNOWLEDGED:
      g_value_set_uint (value, self->n_unacknowledged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_queue_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilAlarmQueue *self = VIGIL_ALARM_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_queue_class_init (VigilAlarmQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vigil_alarm_queue_constructed;
  object_class->dispose = vigil_alarm_queue_dispose;
  object_class->finalize = vigil_alarm_queue_finalize;
  object_class->get_property = vigil_alarm_queue_get_property;
  object_class->set_property = vigil_alarm_queue_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_EVENT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_UNACKNOWLEDGED] = g_param_spec_uint ("n-unacknowledged", NULL, NULL,
                                                         0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alarm_queue_init (VigilAlarmQueue *self)
{
  self->alarms = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->early_changes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, change_free);
  self->early_restores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                restore_free);
  self->cancellable = g_cancellable_new ();
}

VigilAlarmQueue *
vigil_alarm_queue_new (VigilEventStore *store)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_ALARM_QUEUE, "store", store, NULL);
}

VigilAlarm *
vigil_alarm_queue_lookup (VigilAlarmQueue *self,
                          gint64           event_id)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), NULL);

  return g_hash_table_lookup (self->by_id, &event_id);
}

VigilEventStore *
vigil_alarm_queue_get_store (VigilAlarmQueue *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), NULL);

  return self->store;
}

gboolean
vigil_alarm_queue_get_loaded (VigilAlarmQueue *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), FALSE);

  return self->loaded;
}

guint
vigil_alarm_queue_get_n_open (VigilAlarmQueue *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), 0);

  return self->alarms->len;
}

guint
vigil_alarm_queue_get_n_unacknowledged (VigilAlarmQueue *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE (self), 0);

  return self->n_unacknowledged;
}
