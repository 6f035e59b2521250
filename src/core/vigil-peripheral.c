/* vigil-peripheral.c — a relay, siren, repeater or output module of a panel (§9.15)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-peripheral"

#include "vigil-peripheral.h"

struct _VigilPeripheral
{
  GObject parent_instance;

  VigilPeripheralKind kind;
  guint id;
  char *name;
  char *seq;
  char *status;
  char *linkage;
  gboolean tamper;
  gboolean low_battery;
};

G_DEFINE_FINAL_TYPE (VigilPeripheral, vigil_peripheral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_NAME,
  PROP_SEQ,
  PROP_STATUS,
  PROP_LINKAGE,
  PROP_TAMPER,
  PROP_LOW_BATTERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

VigilPeripheral *
vigil_peripheral_new (VigilPeripheralKind kind,
                      guint               id)
{
  return g_object_new (VIGIL_TYPE_PERIPHERAL, "kind", kind, "id", id, NULL);
}

VigilPeripheralKind vigil_peripheral_get_kind (VigilPeripheral *self) { return self->kind; }
guint       vigil_peripheral_get_id          (VigilPeripheral *self) { return self->id; }
const char *vigil_peripheral_get_name        (VigilPeripheral *self) { return self->name; }
const char *vigil_peripheral_get_status      (VigilPeripheral *self) { return self->status; }
gboolean    vigil_peripheral_get_tamper      (VigilPeripheral *self) { return self->tamper; }
gboolean    vigil_peripheral_get_low_battery (VigilPeripheral *self) { return self->low_battery; }
const char *vigil_peripheral_get_linkage     (VigilPeripheral *self) { return self->linkage; }

static void
set_string (VigilPeripheral  *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_flag (VigilPeripheral *self,
          gboolean        *field,
          gboolean         value,
          guint            prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
vigil_peripheral_apply_status (VigilPeripheral             *self,
                               const VigilPeripheralStatus *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->name, status->name, PROP_NAME);
  set_string (self, &self->seq, status->seq, PROP_SEQ);
  set_string (self, &self->status, status->status, PROP_STATUS);
  set_string (self, &self->linkage, status->linkage, PROP_LINKAGE);
  if (status->has_tamper_evident)
    set_flag (self, &self->tamper, status->tamper_evident, PROP_TAMPER);
  if (status->charge != NULL)
    set_flag (self, &self->low_battery, g_strcmp0 (status->charge, "lowPower") == 0, PROP_LOW_BATTERY);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
vigil_peripheral_finalize (GObject *object)
{
  VigilPeripheral *self = (VigilPeripheral *) object;

  g_free (self->name);
  g_free (self->seq);
  g_free (self->status);
  g_free (self->linkage);

  G_OBJECT_CLASS (vigil_peripheral_parent_class)->finalize (object);
}

static void
vigil_peripheral_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilPeripheral *self = VIGIL_PERIPHERAL (object);

  switch (prop_id)
    {
    case PROP_KIND:        g_value_set_uint (value, self->kind); break;
    case PROP_ID:          g_value_set_uint (value, self->id); break;
    case PROP_NAME:        g_value_set_string (value, self->name); break;
    case PROP_SEQ:         g_value_set_string (value, self->seq); break;
    case PROP_STATUS:      g_value_set_string (value, self->status); break;
    case PROP_LINKAGE:     g_value_set_string (value, self->linkage); break;
    case PROP_TAMPER:      g_value_set_boolean (value, self->tamper); break;
    case PROP_LOW_BATTERY: g_value_set_boolean (value, self->low_battery); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_peripheral_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilPeripheral *self = VIGIL_PERIPHERAL (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_get_uint (value); break;
    case PROP_ID:   self->id = g_value_get_uint (value); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_peripheral_class_init (VigilPeripheralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_peripheral_finalize;
  object_class->get_property = vigil_peripheral_get_property;
  object_class->set_property = vigil_peripheral_set_property;

  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, VIGIL_PERIPHERAL_REPEATER, 0, construct);
  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_SEQ] = g_param_spec_string ("seq", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_LINKAGE] = g_param_spec_string ("linkage", NULL, NULL, NULL, ro);
  properties[PROP_TAMPER] = g_param_spec_boolean ("tamper", NULL, NULL, FALSE, ro);
  properties[PROP_LOW_BATTERY] = g_param_spec_boolean ("low-battery", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_peripheral_init (VigilPeripheral *self)
{
}
