/* vigil-sim-panel.c — one simulated security control panel (DS-PWA32-HS over ISUP 5.0)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-panel"

#include <string.h>

#include "vigil-sim-panel-private.h"
#include "vigil-sim-rng.h"
#include "vigil-sim-status.h"
#include "vigil-sim-tz.h"

/* Arming refused because of an open zone. A.2 has no code for exactly this; "Operation
 * failed" with the zones named in errorMsg is what the operator needs to read. Change it here
 * and only here. */
#define ARMING_REFUSED_STATUS VIGIL_SIM_STATUS_INTERFACE_OPERATION_ERROR

enum {
  PROP_0,
  PROP_ONLINE,
  PROP_NAME,
  N_PROPS
};

enum {
  CID_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VigilSimPanel, vigil_sim_panel, G_TYPE_OBJECT)

/* Zone names by kind (VigilSimZoneKind order). */
static const char * const zone_names[][9] = {
  [VIGIL_SIM_ZONE_INSTANT] = { "Store room", "Loading bay", "Fire exit", "Stock room",
                               "Cash office door", "Plant room", "Archive door", "Bin store",
                               "Server room door" },
  [VIGIL_SIM_ZONE_DELAYED] = { "Front door", "Back door", "Garage door", "Patio door",
                               "Delivery door", "Side entrance", "Staff entrance", "Yard door",
                               "Office door" },
  [VIGIL_SIM_ZONE_INTERIOR] = { "Hall PIR", "Office PIR", "Stairs PIR", "Reception PIR",
                                "Warehouse PIR", "Corridor PIR", "Meeting room PIR",
                                "Basement PIR", "Workshop PIR" },
  [VIGIL_SIM_ZONE_PERIMETER] = { "Shop window", "Rear window", "Roof hatch", "Side gate",
                                 "Skylight", "Cellar window", "Kitchen window", "Fence beam",
                                 "Courtyard gate" },
  [VIGIL_SIM_ZONE_FIRE] = { "Kitchen smoke", "Server room smoke", "Attic smoke", "Archive smoke",
                            "Staff room smoke", "Stairwell smoke", "Boiler room heat",
                            "Warehouse smoke", "Office smoke" },
  [VIGIL_SIM_ZONE_GAS] = { "Boiler room gas", "Kitchen gas", "Garage CO", "Plant room gas",
                           "Basement gas", "Workshop gas", "Lab gas", "Cellar CO", "Store gas" },
  [VIGIL_SIM_ZONE_24H] = { "Safe shock sensor", "ATM shock sensor", "Vault door", "Display case",
                           "Key safe", "Cash box", "Server rack", "Gun cabinet", "Drug cabinet" },
  [VIGIL_SIM_ZONE_PANIC] = { "Panic button", "Cash desk panic", "Reception panic", "Office panic",
                             "Counter panic", "Nurse call panic", "Bar panic", "Door panic",
                             "Lift panic" },
};

/* Every partition starts with an entry door, a PIR, an instant zone and a smoke detector, so
 * each can be armed, alarmed and set on fire; the remaining zones cycle through every kind,
 * so that each panel has one of each. */
static const VigilSimZoneKind core_kinds[] = {
  VIGIL_SIM_ZONE_DELAYED, VIGIL_SIM_ZONE_INTERIOR, VIGIL_SIM_ZONE_INSTANT, VIGIL_SIM_ZONE_FIRE,
};
static const VigilSimZoneKind extra_kinds[] = {
  VIGIL_SIM_ZONE_PERIMETER, VIGIL_SIM_ZONE_24H, VIGIL_SIM_ZONE_PANIC, VIGIL_SIM_ZONE_GAS,
  VIGIL_SIM_ZONE_INTERIOR, VIGIL_SIM_ZONE_INSTANT, VIGIL_SIM_ZONE_DELAYED, VIGIL_SIM_ZONE_PERIMETER,
};

static const char *relay_names[] = {
  "Door strike", "Gate opener", "Outdoor lights", "Roller shutter", "Strobe", "Fog generator",
  "Ventilation", "Boiler cut-off",
};

static const char *siren_names[] = { "Indoor siren", "Outdoor siren" };
static const char *repeater_names[] = { "Repeater hall" };
static const char *output_module_names[] = { "Output module 1", "Output module 2" };
static const char *camera_names[] = { "Entrance camera", "Rear camera" };

/* Guide-style time zone strings (§8.5.10): the DST part gives the shift, not an offset. */
static const char *time_zones[] = {
  "CET-1:00:00DST01:00:00,M3.5.0/02:00:00,M10.5.0/03:00:00",
  "GMT+0:00:00DST01:00:00,M3.5.0/01:00:00,M10.5.0/02:00:00",
  "CST-8:00:00",
  "EST+5:00:00DST01:00:00,M3.2.0/02:00:00,M11.1.0/02:00:00",
  "AST+4:00:00",
};

/* g_set_str() is GLib 2.76. */
static gboolean
set_string (char       **ptr,
            const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

static void
vigil_sim_panel_dispose (GObject *object)
{
  VigilSimPanel *self = (VigilSimPanel *)object;

  if (self->reboot_source != NULL)
    {
      g_source_destroy (self->reboot_source);
      g_clear_pointer (&self->reboot_source, g_source_unref);
    }

  G_OBJECT_CLASS (vigil_sim_panel_parent_class)->dispose (object);
}

static void
vigil_sim_panel_finalize (GObject *object)
{
  VigilSimPanel *self = (VigilSimPanel *)object;

  g_queue_clear_full (&self->backlog, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->ehome_id, g_free);
  g_clear_pointer (&self->ehome_key, g_free);
  g_clear_pointer (&self->protocol_type, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->partitions, g_free);
  g_clear_pointer (&self->zones, g_free);
  g_clear_pointer (&self->relays, g_free);
  g_clear_pointer (&self->sirens, g_free);
  g_clear_pointer (&self->repeaters, g_free);
  g_clear_pointer (&self->output_modules, g_free);
  g_clear_pointer (&self->log, g_free);

  G_OBJECT_CLASS (vigil_sim_panel_parent_class)->finalize (object);
}

static void
vigil_sim_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigilSimPanel *self = VIGIL_SIM_PANEL (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_sim_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigilSimPanel *self = VIGIL_SIM_PANEL (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      vigil_sim_panel_set_online (self, g_value_get_boolean (value));
      break;

    case PROP_NAME:
      vigil_sim_panel_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_sim_panel_class_init (VigilSimPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_sim_panel_dispose;
  object_class->finalize = vigil_sim_panel_finalize;
  object_class->get_property = vigil_sim_panel_get_property;
  object_class->set_property = vigil_sim_panel_set_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilSimPanel::cid-event:
   * @event: (type gpointer): the const VigilSimCidEvent, valid during the emission
   *
   * A CID event reaches the gateway: at once when the panel is online, else when it comes back.
   */
  signals[CID_EVENT] =
    g_signal_new ("cid-event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
vigil_sim_panel_init (VigilSimPanel *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->online = TRUE;
  self->visual_verification = TRUE;
  self->heart_interval = 10;
  self->heart_exceeded_count = 3;
  self->description = g_strdup ("");
  g_queue_init (&self->backlog);
}

/**
 * vigil_sim_panel_new:
 * @seed: everything not given derives from it: zones, names, addresses, uuid
 * @index: the panel's position at the gateway (spreads addresses)
 * @ehome_id: the ISUP ID
 * @ehome_key: (nullable): the ISUP 5.0 key
 * @protocol_type: "ehomeV5" or "ehome"
 * @name: (nullable): the device name; a believable one when %NULL
 *
 * Returns: (transfer full): a panel, online, every partition disarmed, every zone closed.
 */
VigilSimPanel *
vigil_sim_panel_new (guint64     seed,
                     guint       index,
                     const char *ehome_id,
                     const char *ehome_key,
                     const char *protocol_type,
                     const char *name)
{
  VigilSimPanel *self;
  guint64 *rng;

  g_return_val_if_fail (ehome_id != NULL, NULL);
  g_return_val_if_fail (protocol_type != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_SIM_PANEL, NULL);
  self->rng = seed;
  self->index = index;
  rng = &self->rng;

  vigil_sim_rng_uuid (rng, self->dev_index);
  self->ehome_id = g_strdup (ehome_id);
  self->ehome_key = g_strdup (ehome_key != NULL ? ehome_key : "");
  self->protocol_type = g_strdup (protocol_type);
  self->name = g_strdup (name != NULL ? name : ehome_id);
  g_snprintf (self->serial, sizeof self->serial, "DS-PWA32-HS%04u%08u",
              2020 + vigil_sim_rng_range (rng, 0, 6), vigil_sim_rng_range (rng, 0, 100000000));
  g_snprintf (self->mac, sizeof self->mac, "44:47:cc:%02x:%02x:%02x",
              vigil_sim_rng_range (rng, 0, 256), vigil_sim_rng_range (rng, 0, 256),
              vigil_sim_rng_range (rng, 0, 256));

  self->time_zone = g_strdup (time_zones[vigil_sim_rng_range (rng, 0, G_N_ELEMENTS (time_zones))]);
  if (!vigil_sim_tz_parse (self->time_zone, &self->tz, &self->utc_offset))
    g_assert_not_reached ();

  self->n_partitions = vigil_sim_rng_range (rng, 2, 5);
  self->partitions = g_new0 (SimPartition, self->n_partitions);

  self->n_cameras = vigil_sim_rng_range (rng, 1, 3);
  for (guint i = 0; i < self->n_cameras; i++)
    self->cameras[i] = camera_names[i];

  self->n_zones = vigil_sim_rng_range (rng, 4 * self->n_partitions + G_N_ELEMENTS (core_kinds), 33);
  self->zones = g_new0 (SimZone, self->n_zones);
  {
    guint kind_count[G_N_ELEMENTS (zone_names)] = { 0 };
    guint extra = 0;
    guint first = 0;

    for (guint p = 0; p < self->n_partitions; p++)
      {
        /* Contiguous blocks, as installers number them. */
        guint last = (p + 1) * self->n_zones / self->n_partitions;

        for (guint i = first; i < last; i++)
          {
            SimZone *zone = &self->zones[i];
            guint position = i - first;

            zone->kind = position < G_N_ELEMENTS (core_kinds)
                         ? core_kinds[position]
                         : extra_kinds[extra++ % G_N_ELEMENTS (extra_kinds)];
            zone->name = zone_names[zone->kind][kind_count[zone->kind]++ % G_N_ELEMENTS (zone_names[0])];
            zone->partition = p + 1;
            /* Cameras watch the doors, windows and rooms, not the smoke detectors. */
            if (zone->kind <= VIGIL_SIM_ZONE_PERIMETER || zone->kind == VIGIL_SIM_ZONE_PANIC)
              zone->camera = 1 + i % self->n_cameras;
          }
        first = last;
      }
  }

  self->n_relays = vigil_sim_rng_range (rng, 2, G_N_ELEMENTS (relay_names) + 1);
  self->relays = g_new0 (SimRelay, self->n_relays);
  for (guint i = 0; i < self->n_relays; i++)
    self->relays[i].name = relay_names[i];

#define MAKE_PERIPHERALS(array, count, names, min)                                          \
  G_STMT_START {                                                                            \
    count = vigil_sim_rng_range (rng, min, G_N_ELEMENTS (names) + 1);                       \
    array = count > 0 ? g_new0 (SimPeripheral, count) : NULL;                               \
    for (guint i = 0; i < count; i++)                                                       \
      {                                                                                     \
        array[i].name = names[i];                                                           \
        g_snprintf (array[i].seq, sizeof array[i].seq, "Q%08X",                             \
                    (guint) (vigil_sim_rng_next (rng) & 0xFFFFFFFF));                       \
      }                                                                                     \
  } G_STMT_END
  MAKE_PERIPHERALS (self->sirens, self->n_sirens, siren_names, 1);
  MAKE_PERIPHERALS (self->repeaters, self->n_repeaters, repeater_names, 0);
  MAKE_PERIPHERALS (self->output_modules, self->n_output_modules, output_module_names, 0);
#undef MAKE_PERIPHERALS

  self->n_io_inputs = 2;
  self->n_io_outputs = 2;

  self->n_interfaces = 2;
  vigil_sim_net_init_config (&self->interfaces[0], "1", 10 + index % 200, 64 + index / 200 % 150, FALSE);
  vigil_sim_net_init_config (&self->interfaces[1], "2", 10 + index % 200, 220 - index / 200 % 20, TRUE);

  return self;
}

const char *
vigil_sim_panel_get_dev_index (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->dev_index;
}

const char *
vigil_sim_panel_get_ehome_id (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->ehome_id;
}

const char *
vigil_sim_panel_get_protocol_type (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->protocol_type;
}

const char *
vigil_sim_panel_get_name (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->name;
}

void
vigil_sim_panel_set_name (VigilSimPanel *self,
                          const char    *name)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  g_return_if_fail (name != NULL);

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
vigil_sim_panel_get_description (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->description;
}

void
vigil_sim_panel_set_description (VigilSimPanel *self,
                                 const char    *description)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  g_return_if_fail (description != NULL);

  set_string (&self->description, description);
}

const char *
vigil_sim_panel_get_model (VigilSimPanel *self)
{
  return "DS-PWA32-HS";
}

gboolean
vigil_sim_panel_get_visual_verification (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);
  return self->visual_verification;
}

void
vigil_sim_panel_set_visual_verification (VigilSimPanel *self,
                                         gboolean       enabled)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  self->visual_verification = !!enabled;
}

void
vigil_sim_panel_set_heartbeat (VigilSimPanel *self,
                               guint          interval,
                               guint          exceeded_count)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  self->heart_interval = interval;
  self->heart_exceeded_count = exceeded_count;
}

gboolean
vigil_sim_panel_get_online (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);
  return self->online;
}

void
vigil_sim_panel_set_online (VigilSimPanel *self,
                            gboolean       online)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);

  /* What happened while the link was down arrives now, oldest first, as a real panel
   * uploads its buffer after reconnecting. */
  while (self->online && !g_queue_is_empty (&self->backlog))
    {
      g_autofree VigilSimCidEvent *event = g_queue_pop_head (&self->backlog);

      g_signal_emit (self, signals[CID_EVENT], 0, event);
    }
}

void
vigil_sim_panel_raise (VigilSimPanel    *self,
                       VigilSimCidEvent *event)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  g_return_if_fail (event != NULL);

  vigil_sim_rng_uuid (&self->rng, event->uuid);
  now = vigil_sim_panel_dup_now (self);
  event->time = g_date_time_to_unix (now);

  if (self->log == NULL)
    self->log = g_new0 (VigilSimCidEvent, VIGIL_SIM_PANEL_EVENT_LOG);
  self->log[self->n_events % VIGIL_SIM_PANEL_EVENT_LOG] = *event;
  self->n_events++;

  if (!self->online)
    {
      if (g_queue_get_length (&self->backlog) >= VIGIL_SIM_PANEL_BACKLOG)
        g_free (g_queue_pop_head (&self->backlog));
      g_queue_push_tail (&self->backlog, g_memdup2 (event, sizeof *event));
      return;
    }

  g_signal_emit (self, signals[CID_EVENT], 0, event);
}

static const VigilSimActor nobody = { 0, -1, -1, NULL };

static void
raise_cid (VigilSimPanel       *self,
           guint                code,
           guint                cid_type,
           guint                partition,
           guint                zone,
           const VigilSimActor *actor)
{
  VigilSimCidEvent event = { 0 };

  if (actor == NULL)
    actor = &nobody;

  event.code = code;
  event.cid_type = cid_type;
  event.partition = partition;
  event.zone = zone;
  event.user_type = actor->user_type;
  event.user_no = actor->user_no;
  event.keyboard_no = actor->keyboard_no;
  event.video_channel = zone > 0 && self->zones[zone - 1].camera > 0
                        ? self->zones[zone - 1].camera : -1;
  event.module_addr = -1;
  g_strlcpy (event.user_name, actor->name != NULL ? actor->name : "NONE", sizeof event.user_name);

  vigil_sim_panel_raise (self, &event);
}

guint64
vigil_sim_panel_get_n_events (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_events;
}

const VigilSimCidEvent *
vigil_sim_panel_get_event (VigilSimPanel *self,
                           guint          age)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);

  if (age >= VIGIL_SIM_PANEL_EVENT_LOG || age >= self->n_events)
    return NULL;
  return &self->log[(self->n_events - 1 - age) % VIGIL_SIM_PANEL_EVENT_LOG];
}

static gboolean
reboot_done (gpointer user_data)
{
  VigilSimPanel *self = user_data;

  g_clear_pointer (&self->reboot_source, g_source_unref);
  vigil_sim_panel_set_online (self, TRUE);
  raise_cid (self, 1305, 5, 0, 0, NULL);

  return G_SOURCE_REMOVE;
}

void
vigil_sim_panel_reboot (VigilSimPanel *self,
                        guint          offline_ms)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  if (self->reboot_source != NULL)
    {
      g_source_destroy (self->reboot_source);
      g_clear_pointer (&self->reboot_source, g_source_unref);
    }

  vigil_sim_panel_set_online (self, FALSE);

  self->reboot_source = g_timeout_source_new (offline_ms);
  g_source_set_callback (self->reboot_source, reboot_done, self, NULL);
  g_source_set_static_name (self->reboot_source, "[vigil-sim] panel reboot");
  g_source_attach (self->reboot_source, self->context);
}

GDateTime *
vigil_sim_panel_dup_now (VigilSimPanel *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);

  utc = g_date_time_new_from_unix_utc ((g_get_real_time () + self->clock_offset) / G_USEC_PER_SEC);
  return g_date_time_to_timezone (utc, self->tz);
}

GDateTime *
vigil_sim_panel_dup_local_time (VigilSimPanel *self,
                                gint64         unix_time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);

  utc = g_date_time_new_from_unix_utc (unix_time);
  return g_date_time_to_timezone (utc, self->tz);
}

void
vigil_sim_panel_set_local_time (VigilSimPanel *self,
                                GDateTime     *time)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));
  g_return_if_fail (time != NULL);

  self->clock_offset = g_date_time_to_unix (time) * G_USEC_PER_SEC - g_get_real_time ();
}

const char *
vigil_sim_panel_get_time_zone (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  return self->time_zone;
}

gboolean
vigil_sim_panel_set_time_zone (VigilSimPanel  *self,
                               const char     *posix_tz,
                               GError        **error)
{
  GTimeZone *tz = NULL;
  int offset;

  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (!vigil_sim_tz_parse (posix_tz, &tz, &offset))
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "\"%.64s\" is not a time zone string like CST-8:00:00", posix_tz);
      return FALSE;
    }

  set_string (&self->time_zone, posix_tz);
  g_time_zone_unref (self->tz);
  self->tz = tz;
  self->utc_offset = offset;
  return TRUE;
}

int
vigil_sim_panel_get_utc_offset (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->utc_offset;
}

guint
vigil_sim_panel_get_n_partitions (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_partitions;
}

guint
vigil_sim_panel_get_n_zones (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_zones;
}

guint
vigil_sim_panel_get_n_relays (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_relays;
}

guint
vigil_sim_panel_get_n_cameras (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_cameras;
}

const char *
vigil_sim_panel_get_camera_name (VigilSimPanel *self,
                                 guint          channel)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  g_return_val_if_fail (channel >= 1 && channel <= self->n_cameras, NULL);
  return self->cameras[channel - 1];
}

static SimZone *
get_zone (VigilSimPanel *self,
          guint          zone)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  g_return_val_if_fail (zone >= 1 && zone <= self->n_zones, NULL);
  return &self->zones[zone - 1];
}

static SimPartition *
get_partition (VigilSimPanel *self,
               guint          partition)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  g_return_val_if_fail (partition >= 1 && partition <= self->n_partitions, NULL);
  return &self->partitions[partition - 1];
}

VigilSimArming
vigil_sim_panel_get_partition_arming (VigilSimPanel *self,
                                      guint          partition)
{
  SimPartition *p = get_partition (self, partition);

  return p != NULL ? (VigilSimArming) p->arming : VIGIL_SIM_ARMING_DISARM;
}

gboolean
vigil_sim_panel_get_partition_alarm (VigilSimPanel *self,
                                     guint          partition)
{
  SimPartition *p = get_partition (self, partition);

  return p != NULL && p->alarm;
}

const char *
vigil_sim_panel_get_zone_name (VigilSimPanel *self,
                               guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL ? z->name : NULL;
}

VigilSimZoneKind
vigil_sim_panel_get_zone_kind (VigilSimPanel *self,
                               guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL ? (VigilSimZoneKind) z->kind : VIGIL_SIM_ZONE_INSTANT;
}

guint
vigil_sim_panel_get_zone_partition (VigilSimPanel *self,
                                    guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL ? z->partition : 0;
}

gboolean
vigil_sim_panel_get_zone_open (VigilSimPanel *self,
                               guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL && z->open;
}

gboolean
vigil_sim_panel_get_zone_bypassed (VigilSimPanel *self,
                                   guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL && z->bypassed;
}

gboolean
vigil_sim_panel_get_zone_alarm (VigilSimPanel *self,
                                guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL && z->alarm;
}

guint
vigil_sim_panel_get_zone_camera (VigilSimPanel *self,
                                 guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL ? z->camera : 0;
}

static gboolean
kind_is_24h (guint kind)
{
  return kind == VIGIL_SIM_ZONE_FIRE || kind == VIGIL_SIM_ZONE_GAS
         || kind == VIGIL_SIM_ZONE_24H || kind == VIGIL_SIM_ZONE_PANIC;
}

/* Whether @zone watches under @arming; 24-hour zones always do, interior ones not when stay
 * armed. */
static gboolean
zone_watches (const SimZone  *zone,
              VigilSimArming  arming)
{
  if (kind_is_24h (zone->kind))
    return TRUE;
  if (arming == VIGIL_SIM_ARMING_AWAY)
    return TRUE;
  if (arming == VIGIL_SIM_ARMING_STAY)
    return zone->kind != VIGIL_SIM_ZONE_INTERIOR;
  return FALSE;
}

gboolean
vigil_sim_panel_get_zone_armed (VigilSimPanel *self,
                                guint          zone)
{
  SimZone *z = get_zone (self, zone);

  return z != NULL && zone_watches (z, self->partitions[z->partition - 1].arming);
}

guint
vigil_sim_panel_find_zone (VigilSimPanel    *self,
                           VigilSimZoneKind  kind,
                           guint             partition)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);

  for (guint i = 0; i < self->n_zones; i++)
    if (self->zones[i].kind == kind && (partition == 0 || self->zones[i].partition == partition))
      return i + 1;
  return 0;
}

gboolean
vigil_sim_panel_get_relay_on (VigilSimPanel *self,
                              guint          relay)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);
  g_return_val_if_fail (relay >= 1 && relay <= self->n_relays, FALSE);
  return self->relays[relay - 1].on;
}

static guint
alarm_code (guint kind)
{
  switch (kind)
    {
    case VIGIL_SIM_ZONE_DELAYED:   return 1134;
    case VIGIL_SIM_ZONE_INTERIOR:  return 1132;
    case VIGIL_SIM_ZONE_PERIMETER: return 1131;
    case VIGIL_SIM_ZONE_FIRE:      return 1110;
    case VIGIL_SIM_ZONE_GAS:       return 1151;
    case VIGIL_SIM_ZONE_24H:       return 1123;
    case VIGIL_SIM_ZONE_PANIC:     return 1129;
    case VIGIL_SIM_ZONE_INSTANT:
    default:                       return 1130;
    }
}

void
vigil_sim_panel_set_zone_open (VigilSimPanel *self,
                               guint          zone,
                               gboolean       open)
{
  SimZone *z = get_zone (self, zone);
  SimPartition *p;

  if (z == NULL || z->open == !!open)
    return;

  z->open = !!open;
  p = &self->partitions[z->partition - 1];

  if (z->open && !z->bypassed && zone_watches (z, p->arming))
    {
      z->alarm = TRUE;
      z->alarm_active = TRUE;
      p->alarm = TRUE;
      raise_cid (self, alarm_code (z->kind), 1, z->partition, zone, NULL);
    }
  else if (!z->open && z->alarm_active)
    {
      z->alarm_active = FALSE;
      raise_cid (self, alarm_code (z->kind) + 2000, 1, z->partition, zone, NULL);
    }
}

void
vigil_sim_panel_set_zone_tamper (VigilSimPanel *self,
                                 guint          zone,
                                 gboolean       tampered)
{
  SimZone *z = get_zone (self, zone);

  if (z == NULL || z->tamper == !!tampered)
    return;
  z->tamper = !!tampered;
  raise_cid (self, tampered ? 1383 : 3383, 5, z->partition, zone, NULL);
}

void
vigil_sim_panel_set_zone_low_battery (VigilSimPanel *self,
                                      guint          zone,
                                      gboolean       low)
{
  SimZone *z = get_zone (self, zone);

  if (z == NULL || z->low_battery == !!low)
    return;
  z->low_battery = !!low;
  raise_cid (self, low ? 1915 : 3915, 5, z->partition, zone, NULL);
}

void
vigil_sim_panel_set_panel_tamper (VigilSimPanel *self,
                                  gboolean       tampered)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  if (self->panel_tamper == !!tampered)
    return;
  self->panel_tamper = !!tampered;
  raise_cid (self, tampered ? 1137 : 3137, 5, 0, 0, NULL);
}

void
vigil_sim_panel_set_ac_loss (VigilSimPanel *self,
                             gboolean       lost)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  if (self->ac_lost == !!lost)
    return;
  self->ac_lost = !!lost;
  raise_cid (self, lost ? 1301 : 3301, 5, 0, 0, NULL);
}

void
vigil_sim_panel_set_battery_low (VigilSimPanel *self,
                                 gboolean       low)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  if (self->battery_low == !!low)
    return;
  self->battery_low = !!low;
  raise_cid (self, low ? 1302 : 3302, 5, 0, 0, NULL);
}

static gboolean
check_partition (VigilSimPanel  *self,
                 guint           partition,
                 GError        **error)
{
  if (partition == VIGIL_SIM_ALL_PARTITIONS || (partition >= 1 && partition <= self->n_partitions))
    return TRUE;

  g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
               "partition %u does not exist (this panel has partitions 1 to %u)",
               partition, self->n_partitions);
  return FALSE;
}

static gboolean
in_scope (guint partition,
          guint candidate)
{
  return partition == VIGIL_SIM_ALL_PARTITIONS || partition == candidate;
}

gboolean
vigil_sim_panel_arm (VigilSimPanel        *self,
                     guint                 partition,
                     VigilSimArming        mode,
                     const VigilSimActor  *actor,
                     GError              **error)
{
  g_autoptr(GString) open_zones = NULL;
  guint n_open = 0;

  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (!check_partition (self, partition, error))
    return FALSE;

  if (mode != VIGIL_SIM_ARMING_DISARM)
    {
      /* All or nothing: one open zone keeps every requested partition disarmed. */
      for (guint i = 0; i < self->n_zones; i++)
        {
          const SimZone *z = &self->zones[i];

          if (!in_scope (partition, z->partition) || !z->open || z->bypassed
              || kind_is_24h (z->kind) || !zone_watches (z, mode))
            continue;

          if (open_zones == NULL)
            open_zones = g_string_new (NULL);
          if (n_open < 5)
            g_string_append_printf (open_zones, "%s%u (%s)", n_open > 0 ? ", " : "", i + 1, z->name);
          n_open++;
        }

      if (n_open > 0)
        {
          g_set_error (error, VIGIL_SIM_STATUS_ERROR, ARMING_REFUSED_STATUS,
                       "arming refused: %s %s%s %s open",
                       n_open == 1 ? "zone" : "zones", open_zones->str,
                       n_open > 5 ? " and more" : "", n_open == 1 ? "is" : "are");
          return FALSE;
        }
    }

  for (guint i = 1; i <= self->n_partitions; i++)
    {
      SimPartition *p = &self->partitions[i - 1];

      if (!in_scope (partition, i) || p->arming == mode)
        continue;

      p->arming = mode;
      raise_cid (self,
                 mode == VIGIL_SIM_ARMING_DISARM ? 1401
                 : mode == VIGIL_SIM_ARMING_STAY ? 3441 : 3401,
                 6, i, 0, actor);
    }

  return TRUE;
}

gboolean
vigil_sim_panel_clear_alarm (VigilSimPanel        *self,
                             guint                 partition,
                             const VigilSimActor  *actor,
                             GError              **error)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (!check_partition (self, partition, error))
    return FALSE;

  for (guint i = 1; i <= self->n_partitions; i++)
    {
      SimPartition *p = &self->partitions[i - 1];

      if (!in_scope (partition, i) || !p->alarm)
        continue;

      p->alarm = FALSE;
      for (guint z = 0; z < self->n_zones; z++)
        if (self->zones[z].partition == i)
          self->zones[z].alarm = FALSE;
      raise_cid (self, 1406, 6, i, 0, actor);
    }

  return TRUE;
}

gboolean
vigil_sim_panel_bypass (VigilSimPanel        *self,
                        const guint          *zones,
                        guint                 n_zones,
                        gboolean              bypass,
                        const VigilSimActor  *actor,
                        GError              **error)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);
  g_return_val_if_fail (zones != NULL || n_zones == 0, FALSE);

  if (n_zones == 0)
    {
      g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                           "the List names no zone");
      return FALSE;
    }

  /* Checked first, so that a bad id changes nothing. */
  for (guint i = 0; i < n_zones; i++)
    if (zones[i] < 1 || zones[i] > self->n_zones)
      {
        g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                     "zone %u does not exist (this panel has zones 1 to %u)",
                     zones[i], self->n_zones);
        return FALSE;
      }

  for (guint i = 0; i < n_zones; i++)
    {
      SimZone *z = &self->zones[zones[i] - 1];

      if (z->bypassed == !!bypass)
        continue;
      z->bypassed = !!bypass;
      raise_cid (self, bypass ? 1570 : 3570, 6, z->partition, zones[i], actor);
    }

  return TRUE;
}

gboolean
vigil_sim_panel_set_relay (VigilSimPanel  *self,
                           guint           relay,
                           gboolean        on,
                           GError        **error)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (relay < 1 || relay > self->n_relays)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "relay %u does not exist (this panel has relays 1 to %u)",
                   relay, self->n_relays);
      return FALSE;
    }

  self->relays[relay - 1].on = !!on;
  self->relays[relay - 1].manual = TRUE;
  return TRUE;
}

gboolean
vigil_sim_panel_trigger_io_output (VigilSimPanel  *self,
                                   guint           output,
                                   gboolean        high,
                                   GError        **error)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (output < 1 || output > self->n_io_outputs)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "alarm output %u does not exist (this panel has outputs 1 to %u)",
                   output, self->n_io_outputs);
      return FALSE;
    }

  if (high)
    self->io_output_high |= 1u << (output - 1);
  else
    self->io_output_high &= ~(1u << (output - 1));
  return TRUE;
}

guint
vigil_sim_panel_get_n_interfaces (VigilSimPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), 0);
  return self->n_interfaces;
}

VigilSimIpConfig *
vigil_sim_panel_get_interface (VigilSimPanel *self,
                               guint          index)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);
  g_return_val_if_fail (index < self->n_interfaces, NULL);
  return &self->interfaces[index];
}

VigilSimIpConfig *
vigil_sim_panel_lookup_interface (VigilSimPanel *self,
                                  const char    *id)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), NULL);

  for (guint i = 0; i < self->n_interfaces; i++)
    if (g_strcmp0 (self->interfaces[i].id, id) == 0)
      return &self->interfaces[i];
  return NULL;
}
