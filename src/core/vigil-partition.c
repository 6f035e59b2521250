/* vigil-partition.c — one partition (subsystem) of a panel
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-partition"

#include "vigil-partition.h"

struct _VigilPartition
{
  GObject parent_instance;

  guint id;
  char *arming;
  gboolean alarm;
};

G_DEFINE_FINAL_TYPE (VigilPartition, vigil_partition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARMING,
  PROP_ARMED,
  PROP_ALARM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

VigilPartition *
vigil_partition_new (guint id)
{
  return g_object_new (VIGIL_TYPE_PARTITION, "id", id, NULL);
}

guint       vigil_partition_get_id     (VigilPartition *self) { return self->id; }
const char *vigil_partition_get_arming (VigilPartition *self) { return self->arming; }
gboolean    vigil_partition_get_alarm  (VigilPartition *self) { return self->alarm; }

gboolean
vigil_partition_get_armed (VigilPartition *self)
{
  return g_strcmp0 (self->arming, "stay") == 0 || g_strcmp0 (self->arming, "away") == 0;
}

void
vigil_partition_set_arming (VigilPartition *self,
                            const char     *arming)
{
  gboolean was_armed;

  g_return_if_fail (VIGIL_IS_PARTITION (self));

  if (g_strcmp0 (self->arming, arming) == 0)
    return;

  was_armed = vigil_partition_get_armed (self);
  g_free (self->arming);
  self->arming = g_strdup (arming);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARMING]);
  if (was_armed != vigil_partition_get_armed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARMED]);
}

void
vigil_partition_set_alarm (VigilPartition *self,
                           gboolean        alarm)
{
  g_return_if_fail (VIGIL_IS_PARTITION (self));

  alarm = !!alarm;
  if (self->alarm == alarm)
    return;
  self->alarm = alarm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALARM]);
}

void
vigil_partition_apply_status (VigilPartition             *self,
                              const VigilPartitionStatus *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (status->arming != NULL)
    vigil_partition_set_arming (self, status->arming);
  if (status->has_alarm)
    vigil_partition_set_alarm (self, status->alarm);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
vigil_partition_finalize (GObject *object)
{
  g_free (VIGIL_PARTITION (object)->arming);
  G_OBJECT_CLASS (vigil_partition_parent_class)->finalize (object);
}

static void
vigil_partition_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigilPartition *self = VIGIL_PARTITION (object);

  switch (prop_id)
    {
    case PROP_ID:     g_value_set_uint (value, self->id); break;
    case PROP_ARMING: g_value_set_string (value, self->arming); break;
    case PROP_ARMED:  g_value_set_boolean (value, vigil_partition_get_armed (self)); break;
    case PROP_ALARM:  g_value_set_boolean (value, self->alarm); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_partition_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigilPartition *self = VIGIL_PARTITION (object);

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
vigil_partition_class_init (VigilPartitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_partition_finalize;
  object_class->get_property = vigil_partition_get_property;
  object_class->set_property = vigil_partition_set_property;

  properties[PROP_ID] = g_param_spec_uint ("id", NULL, NULL, 0, G_MAXUINT, 0,
                                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARMING] = g_param_spec_string ("arming", NULL, NULL, NULL, ro);
  properties[PROP_ARMED] = g_param_spec_boolean ("armed", NULL, NULL, FALSE, ro);
  properties[PROP_ALARM] = g_param_spec_boolean ("alarm", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_partition_init (VigilPartition *self)
{
}
