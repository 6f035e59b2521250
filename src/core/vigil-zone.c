/* vigil-zone.c — one zone of a panel, as the console shows it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-zone"

#include "vigil-zone.h"

struct _VigilZone
{
  GObject parent_instance;

  guint id;
  char *name;
  char *status;
  gboolean armed;
  gboolean alarm;
  gboolean bypassed;
  gboolean tamper;
  gboolean low_battery;
  gboolean problem;
};

G_DEFINE_FINAL_TYPE (VigilZone, vigil_zone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATUS,
  PROP_ARMED,
  PROP_ALARM,
  PROP_BYPASSED,
  PROP_TAMPER,
  PROP_LOW_BATTERY,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
status_is (VigilZone  *self,
           const char *status)
{
  return g_strcmp0 (self->status, status) == 0;
}

static void
update_problem (VigilZone *self)
{
  gboolean problem = status_is (self, "trigger") || status_is (self, "offline") ||
                     status_is (self, "breakDown") || self->alarm || self->tamper ||
                     self->low_battery;

  if (problem != self->problem)
    {
      self->problem = problem;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
}

static void
set_flag (VigilZone *self,
          gboolean  *field,
          gboolean   value,
          guint      prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  update_problem (self);
}

static void
set_string (VigilZone   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  update_problem (self);
}

VigilZone *
vigil_zone_new (guint id)
{
  return g_object_new (VIGIL_TYPE_ZONE, "id", id, NULL);
}

guint       vigil_zone_get_id          (VigilZone *self) { return self->id; }
const char *vigil_zone_get_name        (VigilZone *self) { return self->name; }
const char *vigil_zone_get_status      (VigilZone *self) { return self->status; }
gboolean    vigil_zone_get_armed       (VigilZone *self) { return self->armed; }
gboolean    vigil_zone_get_alarm       (VigilZone *self) { return self->alarm; }
gboolean    vigil_zone_get_bypassed    (VigilZone *self) { return self->bypassed; }
gboolean    vigil_zone_get_tamper      (VigilZone *self) { return self->tamper; }
gboolean    vigil_zone_get_low_battery (VigilZone *self) { return self->low_battery; }
gboolean    vigil_zone_get_problem     (VigilZone *self) { return self->problem; }

gboolean
vigil_zone_blocks_arming (VigilZone *self)
{
  g_return_val_if_fail (VIGIL_IS_ZONE (self), FALSE);

  if (self->bypassed || status_is (self, "notRelated"))
    return FALSE;
  return status_is (self, "trigger") || status_is (self, "offline") ||
         status_is (self, "breakDown") || self->tamper;
}

void
vigil_zone_apply_status (VigilZone             *self,
                         const VigilZoneStatus *status)
{
  g_return_if_fail (VIGIL_IS_ZONE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (status->name != NULL)
    set_string (self, &self->name, status->name, PROP_NAME);
  if (status->status != NULL)
    set_string (self, &self->status, status->status, PROP_STATUS);
  if (status->has_armed)
    set_flag (self, &self->armed, status->armed, PROP_ARMED);
  if (status->has_alarm)
    set_flag (self, &self->alarm, status->alarm, PROP_ALARM);
  if (status->has_bypassed)
    set_flag (self, &self->bypassed, status->bypassed, PROP_BYPASSED);
  if (status->has_tamper_evident)
    set_flag (self, &self->tamper, status->tamper_evident, PROP_TAMPER);
  if (status->charge != NULL)
    set_flag (self, &self->low_battery, g_strcmp0 (status->charge, "lowPower") == 0, PROP_LOW_BATTERY);
  g_object_thaw_notify (G_OBJECT (self));
}

void vigil_zone_set_alarm (VigilZone *self, gboolean v) { set_flag (self, &self->alarm, v, PROP_ALARM); }
void vigil_zone_set_bypassed (VigilZone *self, gboolean v) { set_flag (self, &self->bypassed, v, PROP_BYPASSED); }
void vigil_zone_set_tamper (VigilZone *self, gboolean v) { set_flag (self, &self->tamper, v, PROP_TAMPER); }
void vigil_zone_set_low_battery (VigilZone *self, gboolean v) { set_flag (self, &self->low_battery, v, PROP_LOW_BATTERY); }
void vigil_zone_set_status (VigilZone *self, const char *v) { set_string (self, &self->status, v, PROP_STATUS); }

static void
vigil_zone_finalize (GObject *object)
{
  VigilZone *self = (VigilZone *) object;

  g_free (self->name);
  g_free (self->status);

  G_OBJECT_CLASS (vigil_zone_parent_class)->finalize (object);
}

static void
vigil_zone_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigilZone *self = VIGIL_ZONE (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_uint (value, self->id); break;
    case PROP_NAME:        g_value_set_string (value, self->name); break;
    case PROP_STATUS:      g_value_set_string (value, self->status); break;
    case PROP_ARMED:       g_value_set_boolean (value, self->armed); break;
    case PROP_ALARM:       g_value_set_boolean (value, self->alarm); break;
    case PROP_BYPASSED:    g_value_set_boolean (value, self->bypassed); break;
    case PROP_TAMPER:      g_value_set_boolean (value, self->tamper); break;
    case PROP_LOW_BATTERY: g_value_set_boolean (value, self->low_battery); break;
    case PROP_PROBLEM:     g_value_set_boolean (value, self->problem); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_zone_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VigilZone *self = VIGIL_ZONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_zone_class_init (VigilZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_zone_finalize;
  object_class->get_property = vigil_zone_get_property;
  object_class->set_property = vigil_zone_set_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_ARMED] = g_param_spec_boolean ("armed", NULL, NULL, FALSE, ro);
  properties[PROP_ALARM] = g_param_spec_boolean ("alarm", NULL, NULL, FALSE, ro);
  properties[PROP_BYPASSED] = g_param_spec_boolean ("bypassed", NULL, NULL, FALSE, ro);
  properties[PROP_TAMPER] = g_param_spec_boolean ("tamper", NULL, NULL, FALSE, ro);
  properties[PROP_LOW_BATTERY] = g_param_spec_boolean ("low-battery", NULL, NULL, FALSE, ro);
  properties[PROP_PROBLEM] = g_param_spec_boolean ("problem", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_zone_init (VigilZone *self)
{
}
