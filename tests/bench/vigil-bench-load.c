/* vigil-bench-load.c — alarms among a steady background of events, raised in the simulator
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-bench-load"

#include "vigil-bench-load.h"

#define TICK_MS 5

struct _VigilBenchLoad
{
  guint n_alarms;
  guint alarms_per_second;
  guint background_per_second;

  /* Shared by both threads, under the mutex. */
  GMutex mutex;
  GHashTable *raised;            /* lower-case UUID → gint64* µs when raised */
  guint n_raised;

  /* The simulator's thread only. */
  VigilSimGateway *gateway;
  GSource *source;
  gint64 start;
  guint64 background_sent;
};

VigilBenchLoad *
vigil_bench_load_new (guint n_alarms,
                      guint alarms_per_second,
                      guint background_per_second)
{
  VigilBenchLoad *self = g_new0 (VigilBenchLoad, 1);

  self->n_alarms = n_alarms;
  self->alarms_per_second = alarms_per_second;
  self->background_per_second = background_per_second;
  g_mutex_init (&self->mutex);
  self->raised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
vigil_bench_load_free (VigilBenchLoad *self)
{
  g_assert (self->source == NULL);
  g_hash_table_unref (self->raised);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

static void
raise_event (VigilBenchLoad *self,
             VigilSimPanel  *panel,
             guint           code,
             gboolean        alarm)
{
  VigilSimCidEvent event = { 0 };
  guint n_zones = MAX (vigil_sim_panel_get_n_zones (panel), 1);
  gint64 *at;

  event.code = code;
  event.cid_type = alarm ? 1 : 6;
  event.zone = alarm ? 1 + g_random_int_range (0, n_zones) : 0;
  event.partition = alarm ? vigil_sim_panel_get_zone_partition (panel, event.zone) : 1;
  event.user_type = 0;
  event.user_no = -1;
  event.keyboard_no = -1;
  event.video_channel = -1;    /* no video review: one part per alarm */
  event.module_addr = -1;
  g_strlcpy (event.user_name, "NONE", sizeof event.user_name);

  if (!alarm)
    {
      vigil_sim_panel_raise (panel, &event);
      return;
    }

  /* The UUID is made inside raise(): take the time first, file it under the UUID after. The
   * client cannot read the part before: it is written from this thread's main loop. */
  at = g_new (gint64, 1);
  *at = g_get_monotonic_time ();
  vigil_sim_panel_raise (panel, &event);
  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->raised, g_ascii_strdown (event.uuid, -1), at);
  self->n_raised++;
  g_mutex_unlock (&self->mutex);
}

static gboolean
tick (gpointer user_data)
{
  VigilBenchLoad *self = user_data;
  guint n_panels = vigil_sim_gateway_get_n_panels (self->gateway);
  double elapsed = (g_get_monotonic_time () - self->start) / (double) G_USEC_PER_SEC;
  guint64 background_due = (guint64) (elapsed * self->background_per_second);
  guint alarms_due = MIN ((guint) (elapsed * self->alarms_per_second) + 1, self->n_alarms);
  guint n_raised;

  /* Routine reports (periodic tests): events to decode, show in the log and store. */
  while (self->background_sent < background_due)
    {
      VigilSimPanel *panel = vigil_sim_gateway_get_panel (self->gateway,
                                                          self->background_sent++ % n_panels);

      raise_event (self, panel, 1602, FALSE);
    }

  g_mutex_lock (&self->mutex);
  n_raised = self->n_raised;
  g_mutex_unlock (&self->mutex);
  for (; n_raised < alarms_due; n_raised++)
    raise_event (self, vigil_sim_gateway_get_panel (self->gateway, n_raised % n_panels), 1130, TRUE);

  return G_SOURCE_CONTINUE;
}

void
vigil_bench_load_start (VigilBenchLoad  *self,
                        VigilSimGateway *gateway)
{
  self->gateway = gateway;
  self->start = g_get_monotonic_time ();
  self->source = g_timeout_source_new (TICK_MS);
  g_source_set_callback (self->source, tick, self, NULL);
  g_source_attach (self->source, g_main_context_get_thread_default ());
}

void
vigil_bench_load_stop (VigilBenchLoad *self)
{
  if (self->source == NULL)
    return;
  g_source_destroy (self->source);
  g_clear_pointer (&self->source, g_source_unref);
  self->gateway = NULL;
}

gint64
vigil_bench_load_raised_at (VigilBenchLoad   *self,
                            const VigilEvent *event)
{
  g_autofree char *uuid = NULL;
  gint64 *at;
  gint64 value = 0;

  if (event->type != VIGIL_EVENT_CID_ALARM || event->cid_uuid == NULL || event->cid_restore)
    return 0;
  uuid = g_ascii_strdown (event->cid_uuid, -1);
  g_mutex_lock (&self->mutex);
  at = g_hash_table_lookup (self->raised, uuid);
  if (at != NULL)
    value = *at;
  g_mutex_unlock (&self->mutex);
  return value;
}
