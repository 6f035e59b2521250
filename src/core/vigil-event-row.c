/* vigil-event-row.c — one line of the event log, as the log's columns show it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-row"

#include <string.h>

#include "vigil-event-row-private.h"

struct _VigilEventRow
{
  GObject parent_instance;

  gboolean loaded;
  VigilEventRowData data;
  GDateTime *panel_time;
};

G_DEFINE_FINAL_TYPE (VigilEventRow, vigil_event_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADED,
  PROP_ID,
  PROP_KIND,
  PROP_EVENT_TYPE,
  PROP_EVENT_STATE,
  PROP_RECEIVED_AT,
  PROP_PANEL_TIME,
  PROP_TIME_ZONE_ASSUMED,
  PROP_DEV_INDEX,
  PROP_PANEL_NAME,
  PROP_PARTITION,
  PROP_ZONE,
  PROP_ZONE_NAME,
  PROP_CID_CODE,
  PROP_CID_EVENT,
  PROP_CID_RESTORE,
  PROP_DESCRIPTION,
  PROP_PRIORITY,
  PROP_USER_NAME,
  PROP_STATUS,
  PROP_IS_ALARM,
  PROP_ALARM_STATE,
  PROP_OPERATOR,
  PROP_HAS_VIDEO,
  PROP_RESTORES_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static gint n_instances;

void
vigil_event_row_data_clear (VigilEventRowData *data)
{
  g_clear_pointer (&data->event_type, g_free);
  g_clear_pointer (&data->event_state, g_free);
  g_clear_pointer (&data->dev_index, g_free);
  g_clear_pointer (&data->panel_name, g_free);
  g_clear_pointer (&data->zone_name, g_free);
  g_clear_pointer (&data->cid_code, g_free);
  g_clear_pointer (&data->description, g_free);
  g_clear_pointer (&data->user_name, g_free);
  g_clear_pointer (&data->status, g_free);
  g_clear_pointer (&data->operator_name, g_free);
}

static void
vigil_event_row_finalize (GObject *object)
{
  VigilEventRow *self = (VigilEventRow *) object;

  vigil_event_row_data_clear (&self->data);
  g_clear_pointer (&self->panel_time, g_date_time_unref);
  g_atomic_int_add (&n_instances, -1);

  G_OBJECT_CLASS (vigil_event_row_parent_class)->finalize (object);
}

static void
vigil_event_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigilEventRow *self = VIGIL_EVENT_ROW (object);
  const VigilEventRowData *d = &self->data;

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_ID:
      g_value_set_int64 (value, d->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, d->kind);
      break;
    case PROP_EVENT_TYPE:
      g_value_set_string (value, d->event_type);
      break;
    case PROP_EVENT_STATE:
      g_value_set_string (value, d->event_state);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, d->received_at);
      break;
    case PROP_PANEL_TIME:
      g_value_set_boxed (value, self->panel_time);
      break;
    case PROP_TIME_ZONE_ASSUMED:
      g_value_set_boolean (value, d->time_zone_assumed);
      break;
    case PROP_DEV_INDEX:
      g_value_set_string (value, d->dev_index);
      break;
    case PROP_PANEL_NAME:
      g_value_set_string (value, d->panel_name);
      break;
    case PROP_PARTITION:
      g_value_set_int (value, d->partition);
      break;
    case PROP_ZONE:
      g_value_set_int (value, d->zone);
      break;
    case PROP_ZONE_NAME:
      g_value_set_string (value, d->zone_name);
      break;
    case PROP_CID_CODE:
      g_value_set_string (value, d->cid_code);
      break;
    case PROP_CID_EVENT:
      g_value_set_uint (value, d->cid_event);
      break;
    case PROP_CID_RESTORE:
      g_value_set_boolean (value, d->cid_restore);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, d->description);
      break;
    case PROP_PRIORITY:
      g_value_set_uint (value, d->priority);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, d->user_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, d->status);
      break;
    case PROP_IS_ALARM:
      g_value_set_boolean (value, d->is_alarm);
      break;
    case PROP_ALARM_STATE:
      g_value_set_enum (value, d->alarm_state);
      break;
    case PROP_OPERATOR:
      g_value_set_string (value, d->operator_name);
      break;
    case PROP_HAS_VIDEO:
      g_value_set_boolean (value, d->has_video);
      break;
    case PROP_RESTORES_ID:
      g_value_set_int64 (value, d->restores_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_row_class_init (VigilEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vigil_event_row_finalize;
  object_class->get_property = vigil_event_row_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            VIGIL_EVENT_UNKNOWN, VIGIL_EVENT_STREAM_ERROR,
                                            VIGIL_EVENT_UNKNOWN, flags);
  properties[PROP_EVENT_TYPE] = g_param_spec_string ("event-type", NULL, NULL, NULL, flags);
  properties[PROP_EVENT_STATE] = g_param_spec_string ("event-state", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_AT] = g_param_spec_int64 ("received-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PANEL_TIME] = g_param_spec_boxed ("panel-time", NULL, NULL,
                                                    G_TYPE_DATE_TIME, flags);
  properties[PROP_TIME_ZONE_ASSUMED] = g_param_spec_boolean ("time-zone-assumed", NULL, NULL,
                                                             FALSE, flags);
  properties[PROP_DEV_INDEX] = g_param_spec_string ("dev-index", NULL, NULL, NULL, flags);
  properties[PROP_PANEL_NAME] = g_param_spec_string ("panel-name", NULL, NULL, NULL, flags);
  properties[PROP_PARTITION] = g_param_spec_int ("partition", NULL, NULL,
                                                 G_MININT, G_MAXINT, 0, flags);
  properties[PROP_ZONE] = g_param_spec_int ("zone", NULL, NULL, G_MININT, G_MAXINT, -1, flags);
  properties[PROP_ZONE_NAME] = g_param_spec_string ("zone-name", NULL, NULL, NULL, flags);
  properties[PROP_CID_CODE] = g_param_spec_string ("cid-code", NULL, NULL, NULL, flags);
  properties[PROP_CID_EVENT] = g_param_spec_uint ("cid-event", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CID_RESTORE] = g_param_spec_boolean ("cid-restore", NULL, NULL, FALSE, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY] = g_param_spec_uint ("priority", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_IS_ALARM] = g_param_spec_boolean ("is-alarm", NULL, NULL, FALSE, flags);
  properties[PROP_ALARM_STATE] = g_param_spec_enum ("alarm-state", NULL, NULL,
                                                    VIGIL_TYPE_ALARM_STATE,
                                                    VIGIL_ALARM_STATE_NEW, flags);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, flags);
  properties[PROP_HAS_VIDEO] = g_param_spec_boolean ("has-video", NULL, NULL, FALSE, flags);
  properties[PROP_RESTORES_ID] = g_param_spec_int64 ("restores-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_event_row_init (VigilEventRow *self)
{
  self->data.zone = -1;
  g_atomic_int_inc (&n_instances);
}

guint
vigil_event_row_get_n_instances (void)
{
  return (guint) g_atomic_int_get (&n_instances);
}

VigilEventRow *
vigil_event_row_new_placeholder (void)
{
  return g_object_new (VIGIL_TYPE_EVENT_ROW, NULL);
}

static GDateTime *
make_panel_time (const VigilEventRowData *data)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (!data->has_panel_time)
    return NULL;

  tz = g_time_zone_new_offset (data->panel_utc_offset);
  utc = g_date_time_new_from_unix_utc (data->panel_time_unix);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, tz);
}

VigilEventRow *
vigil_event_row_new_from_data (VigilEventRowData *data)
{
  VigilEventRow *self = g_object_new (VIGIL_TYPE_EVENT_ROW, NULL);

  self->loaded = TRUE;
  self->data = *data;
  memset (data, 0, sizeof *data);
  self->panel_time = make_panel_time (&self->data);

  return self;
}

#define NOTIFY_IF(cond, prop) \
  G_STMT_START { \
    if (cond) \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
  } G_STMT_END

void
vigil_event_row_fill (VigilEventRow *self,
                      VigilEventRow *source)
{
  VigilEventRowData old;
  const VigilEventRowData *d;
  gboolean was_loaded;
  gboolean time_changed;

  g_return_if_fail (VIGIL_IS_EVENT_ROW (self));
  g_return_if_fail (VIGIL_IS_EVENT_ROW (source));

  if (self == source)
    return;

  old = self->data;
  was_loaded = self->loaded;
  d = &source->data;

  self->loaded = source->loaded;
  self->data = *d;
  self->data.event_type = g_strdup (d->event_type);
  self->data.event_state = g_strdup (d->event_state);
  self->data.dev_index = g_strdup (d->dev_index);
  self->data.panel_name = g_strdup (d->panel_name);
  self->data.zone_name = g_strdup (d->zone_name);
  self->data.cid_code = g_strdup (d->cid_code);
  self->data.description = g_strdup (d->description);
  self->data.user_name = g_strdup (d->user_name);
  self->data.status = g_strdup (d->status);
  self->data.operator_name = g_strdup (d->operator_name);

  time_changed = !((self->panel_time == NULL && source->panel_time == NULL)
                   || (self->panel_time != NULL && source->panel_time != NULL
                       && g_date_time_equal (self->panel_time, source->panel_time)
                       && g_date_time_get_utc_offset (self->panel_time)
                          == g_date_time_get_utc_offset (source->panel_time)));
  g_clear_pointer (&self->panel_time, g_date_time_unref);
  if (source->panel_time != NULL)
    self->panel_time = g_date_time_ref (source->panel_time);

  g_object_freeze_notify (G_OBJECT (self));
  NOTIFY_IF (old.id != d->id, PROP_ID);
  NOTIFY_IF (old.kind != d->kind, PROP_KIND);
  NOTIFY_IF (g_strcmp0 (old.event_type, d->event_type) != 0, PROP_EVENT_TYPE);
  NOTIFY_IF (g_strcmp0 (old.event_state, d->event_state) != 0, PROP_EVENT_STATE);
  NOTIFY_IF (old.received_at != d->received_at, PROP_RECEIVED_AT);
  NOTIFY_IF (time_changed, PROP_PANEL_TIME);
  NOTIFY_IF (old.time_zone_assumed != d->time_zone_assumed, PROP_TIME_ZONE_ASSUMED);
  NOTIFY_IF (g_strcmp0 (old.dev_index, d->dev_index) != 0, PROP_DEV_INDEX);
  NOTIFY_IF (g_strcmp0 (old.panel_name, d->panel_name) != 0, PROP_PANEL_NAME);
  NOTIFY_IF (old.partition != d->partition, PROP_PARTITION);
  NOTIFY_IF (old.zone != d->zone, PROP_ZONE);
  NOTIFY_IF (g_strcmp0 (old.zone_name, d->zone_name) != 0, PROP_ZONE_NAME);
  NOTIFY_IF (g_strcmp0 (old.cid_code, d->cid_code) != 0, PROP_CID_CODE);
  NOTIFY_IF (old.cid_event != d->cid_event, PROP_CID_EVENT);
  NOTIFY_IF (old.cid_restore != d->cid_restore, PROP_CID_RESTORE);
  NOTIFY_IF (g_strcmp0 (old.description, d->description) != 0, PROP_DESCRIPTION);
  NOTIFY_IF (old.priority != d->priority, PROP_PRIORITY);
  NOTIFY_IF (g_strcmp0 (old.user_name, d->user_name) != 0, PROP_USER_NAME);
  NOTIFY_IF (g_strcmp0 (old.status, d->status) != 0, PROP_STATUS);
  NOTIFY_IF (old.is_alarm != d->is_alarm, PROP_IS_ALARM);
  NOTIFY_IF (old.alarm_state != d->alarm_state, PROP_ALARM_STATE);
  NOTIFY_IF (g_strcmp0 (old.operator_name, d->operator_name) != 0, PROP_OPERATOR);
  NOTIFY_IF (old.has_video != d->has_video, PROP_HAS_VIDEO);
  NOTIFY_IF (old.restores_id != d->restores_id, PROP_RESTORES_ID);
  /* Last, so that a handler on "loaded" sees every column already set. */
  NOTIFY_IF (was_loaded != self->loaded, PROP_LOADED);
  g_object_thaw_notify (G_OBJECT (self));

  vigil_event_row_data_clear (&old);
}

#undef NOTIFY_IF

gboolean
vigil_event_row_get_loaded (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), FALSE);
  return self->loaded;
}

gint64
vigil_event_row_get_id (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.id;
}

VigilEventType
vigil_event_row_get_kind (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), VIGIL_EVENT_UNKNOWN);
  return self->data.kind;
}

const char *
vigil_event_row_get_event_type (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.event_type;
}

const char *
vigil_event_row_get_event_state (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.event_state;
}

gint64
vigil_event_row_get_received_at (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.received_at;
}

GDateTime *
vigil_event_row_get_panel_time (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->panel_time;
}

gboolean
vigil_event_row_get_time_zone_assumed (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), FALSE);
  return self->data.time_zone_assumed;
}

const char *
vigil_event_row_get_dev_index (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.dev_index;
}

const char *
vigil_event_row_get_panel_name (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.panel_name;
}

gint
vigil_event_row_get_partition (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.partition;
}

gint
vigil_event_row_get_zone (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), -1);
  return self->data.zone;
}

const char *
vigil_event_row_get_zone_name (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.zone_name;
}

const char *
vigil_event_row_get_cid_code (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.cid_code;
}

guint
vigil_event_row_get_cid_event (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.cid_event;
}

gboolean
vigil_event_row_get_cid_restore (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), FALSE);
  return self->data.cid_restore;
}

const char *
vigil_event_row_get_description (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.description;
}

guint
vigil_event_row_get_priority (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.priority;
}

const char *
vigil_event_row_get_user_name (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.user_name;
}

const char *
vigil_event_row_get_status (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.status;
}

gboolean
vigil_event_row_get_is_alarm (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), FALSE);
  return self->data.is_alarm;
}

VigilAlarmState
vigil_event_row_get_alarm_state (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), VIGIL_ALARM_STATE_NEW);
  return self->data.alarm_state;
}

const char *
vigil_event_row_get_operator (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), NULL);
  return self->data.operator_name;
}

gboolean
vigil_event_row_get_has_video (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), FALSE);
  return self->data.has_video;
}

gint64
vigil_event_row_get_restores_id (VigilEventRow *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_ROW (self), 0);
  return self->data.restores_id;
}
