/* vigil-alert-sound.c — the sound that loops while an alarm waits for a person
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An operator may be looking at another screen, or away from the desk: the sound keeps going
 * until every alarm has been acknowledged, not just once per alarm. It plays through GtkMediaFile
 * (GStreamer), so it goes wherever the desktop sends sound.
 */
#define G_LOG_DOMAIN "vigil-alert-sound"

#include "vigil-alert-sound.h"

#define SOUND_RESOURCE "/io/github/vigilconsole/Vigil/sounds/alarm.wav"

struct _VigilAlertSound
{
  GObject parent_instance;

  GSettings *settings;
  VigilAlarmQueue *queue;
  GtkMediaStream *media;        /* made the first time it plays */
  GSimpleAction *mute_action;
  guint prepare_id;
  gboolean enabled;
  gboolean playing;
};

G_DEFINE_FINAL_TYPE (VigilAlertSound, vigil_alert_sound, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_QUEUE,
  PROP_ENABLED,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_media_error (VigilAlertSound *self,
                GParamSpec      *pspec,
                GtkMediaStream  *media)
{
  const GError *error = gtk_media_stream_get_error (media);

  /* No sound device, or no GStreamer: the header's badge and the notification still show. */
  if (error != NULL)
    g_debug ("the alert sound cannot play: %s", error->message);
}

/* Loading the media backend (GStreamer and its plugins) takes a moment: done while the
 * console starts, not when the first alarm arrives and the operator waits for the screen. */
static void
prepare_media (VigilAlertSound *self)
{
  if (self->media != NULL)
    return;

  self->media = GTK_MEDIA_STREAM (gtk_media_file_new_for_resource (SOUND_RESOURCE));
  gtk_media_stream_set_loop (self->media, TRUE);
  g_signal_connect_object (self->media, "notify::error", G_CALLBACK (on_media_error), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
prepare_idle (gpointer data)
{
  VigilAlertSound *self = data;

  self->prepare_id = 0;
  prepare_media (self);
  return G_SOURCE_REMOVE;
}

static void
update (VigilAlertSound *self)
{
  gboolean waiting = self->queue != NULL && vigil_alarm_queue_get_n_unacknowledged (self->queue) > 0;
  gboolean playing = self->enabled && waiting;

  if (playing == self->playing)
    return;
  self->playing = playing;

  if (playing)
    {
      prepare_media (self);
      /* From the start, so each new wave of alarms begins with the first tone. */
      if (gtk_media_stream_is_seekable (self->media))
        gtk_media_stream_seek (self->media, 0);
      gtk_media_stream_play (self->media);
    }
  else if (self->media != NULL)
    gtk_media_stream_pause (self->media);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
change_mute_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       user_data)
{
  vigil_alert_sound_set_enabled (VIGIL_ALERT_SOUND (user_data), !g_variant_get_boolean (state));
}

/* ---- public ---- */

VigilAlertSound *
vigil_alert_sound_new (GSettings *settings)
{
  return g_object_new (VIGIL_TYPE_ALERT_SOUND, "settings", settings, NULL);
}

VigilAlarmQueue *
vigil_alert_sound_get_queue (VigilAlertSound *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_SOUND (self), NULL);
  return self->queue;
}

void
vigil_alert_sound_set_queue (VigilAlertSound *self,
                             VigilAlarmQueue *queue)
{
  g_return_if_fail (VIGIL_IS_ALERT_SOUND (self));
  g_return_if_fail (queue == NULL || VIGIL_IS_ALARM_QUEUE (queue));

  if (self->queue == queue)
    return;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);
  if (queue != NULL)
    g_signal_connect_object (queue, "notify::n-unacknowledged", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

gboolean
vigil_alert_sound_get_enabled (VigilAlertSound *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_SOUND (self), FALSE);
  return self->enabled;
}

void
vigil_alert_sound_set_enabled (VigilAlertSound *self,
                               gboolean         enabled)
{
  g_return_if_fail (VIGIL_IS_ALERT_SOUND (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;

  g_simple_action_set_state (self->mute_action, g_variant_new_boolean (!enabled));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
vigil_alert_sound_get_playing (VigilAlertSound *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_SOUND (self), FALSE);
  return self->playing;
}

GAction *
vigil_alert_sound_get_mute_action (VigilAlertSound *self)
{
  g_return_val_if_fail (VIGIL_IS_ALERT_SOUND (self), NULL);
  return G_ACTION (self->mute_action);
}

/* ---- GObject ---- */

static void
vigil_alert_sound_constructed (GObject *object)
{
  VigilAlertSound *self = (VigilAlertSound *)object;

  G_OBJECT_CLASS (vigil_alert_sound_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "sound-enabled", self, "enabled", G_SETTINGS_BIND_DEFAULT);

  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_idle, self, NULL);
}

static void
vigil_alert_sound_dispose (GObject *object)
{
  VigilAlertSound *self = (VigilAlertSound *)object;

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->settings != NULL)
    g_settings_unbind (self, "enabled");
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->queue);
  if (self->media != NULL)
    {
      gtk_media_stream_pause (self->media);
      g_clear_object (&self->media);
    }

  G_OBJECT_CLASS (vigil_alert_sound_parent_class)->dispose (object);
}

static void
vigil_alert_sound_finalize (GObject *object)
{
  VigilAlertSound *self = (VigilAlertSound *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->mute_action);

  G_OBJECT_CLASS (vigil_alert_sound_parent_class)->finalize (object);
}

static void
vigil_alert_sound_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilAlertSound *self = VIGIL_ALERT_SOUND (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_QUEUE:    g_value_set_object (value, self->queue); break;
    case PROP_ENABLED:  g_value_set_boolean (value, self->enabled); break;
    case PROP_PLAYING:  g_value_set_boolean (value, self->playing); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alert_sound_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilAlertSound *self = VIGIL_ALERT_SOUND (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    case PROP_QUEUE:    vigil_alert_sound_set_queue (self, g_value_get_object (value)); break;
    case PROP_ENABLED:  vigil_alert_sound_set_enabled (self, g_value_get_boolean (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alert_sound_class_init (VigilAlertSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vigil_alert_sound_constructed;
  object_class->dispose = vigil_alert_sound_dispose;
  object_class->finalize = vigil_alert_sound_finalize;
  object_class->get_property = vigil_alert_sound_get_property;
  object_class->set_property = vigil_alert_sound_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUEUE] = g_param_spec_object ("queue", NULL, NULL, VIGIL_TYPE_ALARM_QUEUE, rw);
  properties[PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, TRUE, rw);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_alert_sound_init (VigilAlertSound *self)
{
  self->enabled = TRUE;
  self->mute_action = g_simple_action_new_stateful ("mute", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (self->mute_action, "change-state", G_CALLBACK (change_mute_state), self, 0);
}
