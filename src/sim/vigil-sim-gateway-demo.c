/* vigil-sim-gateway-demo.c — a believable trickle of activity for the console's demo mode
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Now and then a door opens and closes, an armed site raises an alarm (and its verification
 * clip), a detector's battery runs low, the mains fail for a minute, and partitions are armed
 * after working hours and disarmed in the morning, from the keypad.
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include "vigil-sim-gateway-private.h"
#include "vigil-sim-rng.h"

typedef enum
{
  RESTORE_ZONE_CLOSE,
  RESTORE_LOW_BATTERY,
  RESTORE_TAMPER,
  RESTORE_AC,
} RestoreKind;

typedef struct
{
  VigilSimGateway *self;
  VigilSimPanel   *panel;
  RestoreKind      kind;
  guint            zone;
} Restore;

static const VigilSimActor keypad_user = { 1, 3, 1, "Staff" };

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_object_unref (restore->panel);
  g_free (restore);
}

static gboolean
restore_fire (gpointer data)
{
  Restore *restore = data;

  /* The panel may have been deleted meanwhile; then nothing happens on it any more. */
  if (vigil_sim_gateway_lookup_panel (restore->self, vigil_sim_panel_get_dev_index (restore->panel)) != restore->panel)
    return G_SOURCE_REMOVE;

  switch (restore->kind)
    {
    case RESTORE_ZONE_CLOSE:
      vigil_sim_panel_set_zone_open (restore->panel, restore->zone, FALSE);
      break;
    case RESTORE_LOW_BATTERY:
      vigil_sim_panel_set_zone_low_battery (restore->panel, restore->zone, FALSE);
      break;
    case RESTORE_TAMPER:
      vigil_sim_panel_set_zone_tamper (restore->panel, restore->zone, FALSE);
      break;
    case RESTORE_AC:
      vigil_sim_panel_set_ac_loss (restore->panel, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_restore (VigilSimGateway *self,
                  VigilSimPanel   *panel,
                  RestoreKind      kind,
                  guint            zone,
                  guint            after_s)
{
  Restore *restore = g_new0 (Restore, 1);

  restore->self = self;
  restore->panel = g_object_ref (panel);
  restore->kind = kind;
  restore->zone = zone;
  vigil_sim_gateway_add_timeout (self, after_s * 1000, restore_fire, restore, restore_free);
}

static VigilSimPanel *
pick_panel (VigilSimGateway *self)
{
  VigilSimPanel *panel;

  if (self->panels->len == 0)
    return NULL;
  panel = g_ptr_array_index (self->panels, vigil_sim_rng_range (&self->rng, 0, self->panels->len));
  return vigil_sim_panel_get_online (panel) ? panel : NULL;
}

/* A closed zone of one of @kinds, or 0. */
static guint
pick_zone (VigilSimGateway        *self,
           VigilSimPanel          *panel,
           const VigilSimZoneKind *kinds,
           guint                   n_kinds)
{
  guint n_zones = vigil_sim_panel_get_n_zones (panel);
  guint start = vigil_sim_rng_range (&self->rng, 0, n_zones);

  for (guint i = 0; i < n_zones; i++)
    {
      guint zone = 1 + (start + i) % n_zones;
      VigilSimZoneKind kind = vigil_sim_panel_get_zone_kind (panel, zone);

      if (vigil_sim_panel_get_zone_open (panel, zone))
        continue;
      for (guint k = 0; k < n_kinds; k++)
        if (kinds[k] == kind)
          return zone;
    }
  return 0;
}

static void
wander (VigilSimGateway *self,
        VigilSimPanel   *panel)
{
  static const VigilSimZoneKind kinds[] = {
    VIGIL_SIM_ZONE_DELAYED, VIGIL_SIM_ZONE_INTERIOR, VIGIL_SIM_ZONE_INSTANT, VIGIL_SIM_ZONE_PERIMETER,
  };
  guint zone = pick_zone (self, panel, kinds, G_N_ELEMENTS (kinds));

  if (zone == 0)
    return;
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  schedule_restore (self, panel, RESTORE_ZONE_CLOSE, zone, vigil_sim_rng_range (&self->rng, 3, 13));
}

static void
fire (VigilSimGateway *self,
      VigilSimPanel   *panel)
{
  static const VigilSimZoneKind kinds[] = { VIGIL_SIM_ZONE_FIRE, VIGIL_SIM_ZONE_GAS };
  guint zone = pick_zone (self, panel, kinds, G_N_ELEMENTS (kinds));

  if (zone == 0)
    return;
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  schedule_restore (self, panel, RESTORE_ZONE_CLOSE, zone, 15);
}

static void
low_battery (VigilSimGateway *self,
             VigilSimPanel   *panel)
{
  guint zone = 1 + vigil_sim_rng_range (&self->rng, 0, vigil_sim_panel_get_n_zones (panel));

  vigil_sim_panel_set_zone_low_battery (panel, zone, TRUE);
  schedule_restore (self, panel, RESTORE_LOW_BATTERY, zone, vigil_sim_rng_range (&self->rng, 60, 180));
}

static void
tamper (VigilSimGateway *self,
        VigilSimPanel   *panel)
{
  guint zone = 1 + vigil_sim_rng_range (&self->rng, 0, vigil_sim_panel_get_n_zones (panel));

  vigil_sim_panel_set_zone_tamper (panel, zone, TRUE);
  schedule_restore (self, panel, RESTORE_TAMPER, zone, 20);
}

static void
ac_loss (VigilSimGateway *self,
         VigilSimPanel   *panel)
{
  vigil_sim_panel_set_ac_loss (panel, TRUE);
  schedule_restore (self, panel, RESTORE_AC, 0, vigil_sim_rng_range (&self->rng, 30, 90));
}

/* After hours the staff arm on their way out; in the morning they disarm. */
static void
working_day (VigilSimGateway *self,
             VigilSimPanel   *panel)
{
  g_autoptr(GDateTime) now = vigil_sim_panel_dup_now (panel);
  int hour = g_date_time_get_hour (now);
  gboolean closed = hour >= 18 || hour < 7;

  for (guint p = 1; p <= vigil_sim_panel_get_n_partitions (panel); p++)
    {
      VigilSimArming arming = vigil_sim_panel_get_partition_arming (panel, p);

      if (closed && arming == VIGIL_SIM_ARMING_DISARM)
        {
          vigil_sim_panel_arm (panel, p, VIGIL_SIM_ARMING_AWAY, &keypad_user, NULL);
          return;
        }
      if (!closed && arming != VIGIL_SIM_ARMING_DISARM)
        {
          vigil_sim_panel_clear_alarm (panel, p, &keypad_user, NULL);
          vigil_sim_panel_arm (panel, p, VIGIL_SIM_ARMING_DISARM, &keypad_user, NULL);
          return;
        }
    }
}

/* A demo shows verification early: within seconds of the start a camera zone trips (a burglary
 * on an armed site, else a panic button, always armed) and its videoReview follows. */
static gboolean
first_alarm (gpointer data)
{
  static const VigilSimZoneKind kinds[] = {
    VIGIL_SIM_ZONE_INSTANT, VIGIL_SIM_ZONE_PERIMETER, VIGIL_SIM_ZONE_PANIC,
  };
  VigilSimGateway *self = data;

  /* Stopped meanwhile: nothing happens any more. */
  if (self->demo_source == NULL)
    return G_SOURCE_REMOVE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < self->panels->len; i++)
      {
        VigilSimPanel *panel = g_ptr_array_index (self->panels, i);

        if (!vigil_sim_panel_get_online (panel) || !vigil_sim_panel_get_visual_verification (panel))
          continue;
        for (guint zone = 1; zone <= vigil_sim_panel_get_n_zones (panel); zone++)
          if (vigil_sim_panel_get_zone_kind (panel, zone) == kinds[k] &&
              vigil_sim_panel_get_zone_camera (panel, zone) > 0 &&
              !vigil_sim_panel_get_zone_open (panel, zone) && vigil_sim_panel_get_zone_armed (panel, zone))
            {
              vigil_sim_panel_set_zone_open (panel, zone, TRUE);
              schedule_restore (self, panel, RESTORE_ZONE_CLOSE, zone, 10);
              return G_SOURCE_REMOVE;
            }
      }
  return G_SOURCE_REMOVE;
}

static gboolean
demo_tick (gpointer data)
{
  VigilSimGateway *self = data;
  VigilSimPanel *panel = pick_panel (self);
  guint roll = vigil_sim_rng_range (&self->rng, 0, 100);

  if (panel != NULL)
    {
      if (roll < 40)
        wander (self, panel);
      else if (roll < 48)
        low_battery (self, panel);
      else if (roll < 54)
        tamper (self, panel);
      else if (roll < 58)
        ac_loss (self, panel);
      else if (roll < 61)
        fire (self, panel);
      else if (roll < 76)
        working_day (self, panel);
    }

  /* Next tick in 3 to 10 s. */
  g_clear_pointer (&self->demo_source, g_source_unref);
  self->demo_source = g_source_ref (vigil_sim_gateway_add_timeout (self,
                                                                   vigil_sim_rng_range (&self->rng, 3000, 10000),
                                                                   demo_tick, self, NULL));
  return G_SOURCE_REMOVE;
}

void
vigil_sim_gateway_demo_start (VigilSimGateway *self)
{
  /* Half the sites start armed, so that alarms can happen at once. */
  for (guint i = 0; i < self->panels->len; i += 2)
    vigil_sim_panel_arm (g_ptr_array_index (self->panels, i), 1, VIGIL_SIM_ARMING_AWAY, &keypad_user, NULL);

  vigil_sim_gateway_demo_stop (self);
  self->demo_source = g_source_ref (vigil_sim_gateway_add_timeout (self, 2000, demo_tick, self, NULL));
  vigil_sim_gateway_add_timeout (self, 4000, first_alarm, self, NULL);
}

void
vigil_sim_gateway_demo_stop (VigilSimGateway *self)
{
  if (self->demo_source == NULL)
    return;
  if (self->sources != NULL)
    vigil_sim_gateway_remove_source (self, self->demo_source);
  g_clear_pointer (&self->demo_source, g_source_unref);
}
