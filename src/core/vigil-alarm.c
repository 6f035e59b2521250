/* vigil-alarm.c — one alarm an operator has to deal with
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-alarm"

#include "vigil-alarm-private.h"

struct _VigilAlarm
{
  GObject parent_instance;

  gint64 event_id;
  gboolean pending;
  VigilEvent *event;
  gint64 received_at;
  VigilAlarmState state;
  char *acknowledged_by;
  gint64 acknowledged_at;
  double ack_seconds;
  char *closed_by;
  gint64 closed_at;
  VigilResolution resolution;
  char *note;
  gint64 restored_at;
  gint64 restore_event_id;
  VigilEvent *restore_event;
  gint64 wait_seconds;
};

G_DEFINE_FINAL_TYPE (VigilAlarm, vigil_alarm, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EVENT_ID,
  PROP_PENDING,
  PROP_EVENT,
  PROP_DEDUP_KEY,
  PROP_PRIORITY,
  PROP_STATE,
  PROP_RECEIVED_AT,
  PROP_ACKNOWLEDGED_BY,
  PROP_ACKNOWLEDGED_AT,
  PROP_ACK_SECONDS,
  PROP_CLOSED_BY,
  PROP_CLOSED_AT,
  PROP_RESOLUTION,
  PROP_NOTE,
  PROP_RESTORED,
  PROP_RESTORED_AT,
  PROP_RESTORE_EVENT_ID,
  PROP_RESTORE_EVENT,
  PROP_WAIT_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
date_time_to_usec (GDateTime *dt)
{
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static void
vigil_alarm_finalize (GObject *object)
{
  VigilAlarm *self = (VigilAlarm *) object;

  g_clear_pointer (&self->event, vigil_event_unref);
  g_clear_pointer (&self->restore_event, vigil_event_unref);
  g_clear_pointer (&self->acknowledged_by, g_free);
  g_clear_pointer (&self->closed_by, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (vigil_alarm_parent_class)->finalize (object);
}

static void
vigil_alarm_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilAlarm *self = VIGIL_ALARM (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;
    case PROP_EVENT:
      g_value_set_boxed (value, self->event);
      break;
    case PROP_DEDUP_KEY:
      g_value_set_string (value, vigil_alarm_get_dedup_key (self));
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, vigil_alarm_get_priority (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;
    case PROP_ACKNOWLEDGED_BY:
      g_value_set_string (value, self->acknowledged_by);
      break;
    case PROP_ACKNOWLEDGED_AT:
      g_value_set_int64 (value, self->acknowledged_at);
      break;
    case PROP_ACK_SECONDS:
      g_value_set_double (value, self->ack_seconds);
      break;
    case PROP_CLOSED_BY:
      g_value_set_string (value, self->closed_by);
      break;
    case PROP_CLOSED_AT:
      g_value_set_int64 (value, self->closed_at);
      break;
    case PROP_RESOLUTION:
      g_value_set_enum (value, self->resolution);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_RESTORED:
      g_value_set_boolean (value, self->restored_at != 0);
      break;
    case PROP_RESTORED_AT:
      g_value_set_int64 (value, self->restored_at);
      break;
    case PROP_RESTORE_EVENT_ID:
      g_value_set_int64 (value, self->restore_event_id);
      break;
    case PROP_RESTORE_EVENT:
      g_value_set_boxed (value, self->restore_event);
      break;
    case PROP_WAIT_SECONDS:
      g_value_set_int64 (value, self->wait_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VigilAlarm *self = VIGIL_ALARM (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      self->pending = self->event_id == 0;
      break;
    case PROP_EVENT:
      self->event = g_value_dup_boxed (value);
      if (self->event != NULL)
        self->received_at = date_time_to_usec (self->event->received_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_class_init (VigilAlarmClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_alarm_finalize;
  object_class->get_property = vigil_alarm_get_property;
  object_class->set_property = vigil_alarm_set_property;

  /* Writable only at construction: the queue sets it when the pending alarm is committed. */
  properties[PROP_EVENT_ID] = g_param_spec_int64 ("event-id", NULL, NULL,
                                                  0, G_MAXINT64, 0, construct);
  properties[PROP_PENDING] = g_param_spec_boolean ("pending", NULL, NULL, FALSE, ro);
  properties[PROP_EVENT] = g_param_spec_boxed ("event", NULL, NULL, VIGIL_TYPE_EVENT, construct);
  properties[PROP_DEDUP_KEY] = g_param_spec_string ("dedup-key", NULL, NULL, NULL, ro);
  properties[PROP_PRIORITY] = g_param_spec_uint ("priority", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, VIGIL_TYPE_ALARM_STATE,
                                              VIGIL_ALARM_STATE_NEW, ro);
  properties[PROP_RECEIVED_AT] = g_param_spec_int64 ("received-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ACKNOWLEDGED_BY] = g_param_spec_string ("acknowledged-by", NULL, NULL,
                                                          NULL, ro);
  properties[PROP_ACKNOWLEDGED_AT] = g_param_spec_int64 ("acknowledged-at", NULL, NULL,
                                                         G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ACK_SECONDS] = g_param_spec_double ("ack-seconds", NULL, NULL,
                                                      -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_CLOSED_BY] = g_param_spec_string ("closed-by", NULL, NULL, NULL, ro);
  properties[PROP_CLOSED_AT] = g_param_spec_int64 ("closed-at", NULL, NULL,
                                                   G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_RESOLUTION] = g_param_spec_enum ("resolution", NULL, NULL,
                                                   VIGIL_TYPE_RESOLUTION,
                                                   VIGIL_RESOLUTION_NONE, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_RESTORED] = g_param_spec_boolean ("restored", NULL, NULL, FALSE, ro);
  properties[PROP_RESTORED_AT] = g_param_spec_int64 ("restored-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_RESTORE_EVENT_ID] = g_param_spec_int64 ("restore-event-id", NULL, NULL,
                                                          0, G_MAXINT64, 0, ro);
  properties[PROP_RESTORE_EVENT] = g_param_spec_boxed ("restore-event", NULL, NULL,
                                                       VIGIL_TYPE_EVENT, ro);
  properties[PROP_WAIT_SECONDS] = g_param_spec_int64 ("wait-seconds", NULL, NULL,
                                                      0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alarm_init (VigilAlarm *self)
{
}

VigilAlarm *
vigil_alarm_new (gint64      event_id,
                 VigilEvent *event)
{
  g_return_val_if_fail (event_id >= 0, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  return g_object_new (VIGIL_TYPE_ALARM,
                       "event-id", event_id,
                       "event", event,
                       NULL);
}

gint64
vigil_alarm_get_event_id (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->event_id;
}

gboolean
vigil_alarm_get_pending (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), FALSE);
  return self->pending;
}

VigilEvent *
vigil_alarm_get_event (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->event;
}

const char *
vigil_alarm_get_dedup_key (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->event != NULL ? self->event->dedup_key : NULL;
}

guint
vigil_alarm_get_priority (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->event != NULL ? (guint) self->event->priority : (guint) VIGIL_PRIORITY_INFO;
}

VigilAlarmState
vigil_alarm_get_state (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), VIGIL_ALARM_STATE_NEW);
  return self->state;
}

gint64
vigil_alarm_get_received_at (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->received_at;
}

const char *
vigil_alarm_get_acknowledged_by (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->acknowledged_by;
}

gint64
vigil_alarm_get_acknowledged_at (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->acknowledged_at;
}

double
vigil_alarm_get_ack_seconds (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->ack_seconds;
}

const char *
vigil_alarm_get_closed_by (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->closed_by;
}

gint64
vigil_alarm_get_closed_at (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->closed_at;
}

VigilResolution
vigil_alarm_get_resolution (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), VIGIL_RESOLUTION_NONE);
  return self->resolution;
}

const char *
vigil_alarm_get_note (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->note;
}

gboolean
vigil_alarm_get_restored (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), FALSE);
  return self->restored_at != 0;
}

gint64
vigil_alarm_get_restored_at (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->restored_at;
}

gint64
vigil_alarm_get_restore_event_id (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->restore_event_id;
}

VigilEvent *
vigil_alarm_get_restore_event (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), NULL);
  return self->restore_event;
}

gint64
vigil_alarm_get_wait_seconds (VigilAlarm *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM (self), 0);
  return self->wait_seconds;
}

static void
set_string (VigilAlarm  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_int64 (VigilAlarm *self,
           gint64     *field,
           gint64      value,
           guint       prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_state (VigilAlarm      *self,
           VigilAlarmState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_wait (VigilAlarm *self,
          gint64      until)
{
  set_int64 (self, &self->wait_seconds,
             MAX (0, (until - self->received_at) / G_USEC_PER_SEC), PROP_WAIT_SECONDS);
}

void
vigil_alarm_set_event_id (VigilAlarm *self,
                          gint64      event_id)
{
  g_return_if_fail (VIGIL_IS_ALARM (self));

  set_int64 (self, &self->event_id, event_id, PROP_EVENT_ID);
}

void
vigil_alarm_set_pending (VigilAlarm *self,
                         gboolean    pending)
{
  g_return_if_fail (VIGIL_IS_ALARM (self));

  pending = !!pending;
  if (self->pending == pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
vigil_alarm_set_acknowledged (VigilAlarm *self,
                              const char *operator_name,
                              gint64      at,
                              double      ack_seconds)
{
  g_return_if_fail (VIGIL_IS_ALARM (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->acknowledged_by, operator_name, PROP_ACKNOWLEDGED_BY);
  set_int64 (self, &self->acknowledged_at, at, PROP_ACKNOWLEDGED_AT);
  if (self->ack_seconds != ack_seconds)
    {
      self->ack_seconds = ack_seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACK_SECONDS]);
    }
  if (self->state == VIGIL_ALARM_STATE_NEW)
    set_state (self, VIGIL_ALARM_STATE_ACKNOWLEDGED);
  /* The wait ends when a person has seen it. */
  if (at != 0)
    set_wait (self, at);
  g_object_thaw_notify (G_OBJECT (self));
}

void
vigil_alarm_set_closed (VigilAlarm      *self,
                        const char      *operator_name,
                        gint64           at,
                        VigilResolution  resolution,
                        const char      *note)
{
  g_return_if_fail (VIGIL_IS_ALARM (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->closed_by, operator_name, PROP_CLOSED_BY);
  set_int64 (self, &self->closed_at, at, PROP_CLOSED_AT);
  if (self->resolution != resolution)
    {
      self->resolution = resolution;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
    }
  set_string (self, &self->note, note, PROP_NOTE);
  set_state (self, VIGIL_ALARM_STATE_CLOSED);
  g_object_thaw_notify (G_OBJECT (self));
}

void
vigil_alarm_set_restore (VigilAlarm *self,
                         gint64      restore_event_id,
                         VigilEvent *restore_event,
                         gint64      restored_at)
{
  gboolean was_restored;

  g_return_if_fail (VIGIL_IS_ALARM (self));

  was_restored = self->restored_at != 0;

  g_object_freeze_notify (G_OBJECT (self));
  set_int64 (self, &self->restore_event_id, restore_event_id, PROP_RESTORE_EVENT_ID);
  set_int64 (self, &self->restored_at, restored_at, PROP_RESTORED_AT);
  if (restore_event != NULL && self->restore_event != restore_event)
    {
      g_clear_pointer (&self->restore_event, vigil_event_unref);
      self->restore_event = vigil_event_ref (restore_event);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORE_EVENT]);
    }
  if (was_restored != (self->restored_at != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORED]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
vigil_alarm_update_wait (VigilAlarm *self,
                         gint64      now)
{
  g_return_if_fail (VIGIL_IS_ALARM (self));

  if (self->acknowledged_at == 0)
    set_wait (self, now);
}
