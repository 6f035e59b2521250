/* vigil-video-player.c — the alarm's verification clip, played inline
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-player"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-video-paintable.h"
#include "vigil-video-player.h"

static const double speeds[] = { 0.25, 0.5, 1.0, 2.0, 4.0 };
#define NORMAL_SPEED 2

struct _VigilVideoPlayer
{
  GtkWidget parent_instance;

  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkImage       *message_icon;
  GtkLabel       *message_title;
  GtkLabel       *message_label;
  GtkPicture     *picture;
  GtkBox         *controls;
  GtkButton      *play_button;
  GtkScale       *seek_scale;
  GtkAdjustment  *seek_adjustment;
  GtkLabel       *time_label;
  GtkDropDown    *speed_dropdown;

  VigilVideoDecoder   *decoder;
  VigilVideoPaintable *paintable;
  GFile               *file;
  char                *message;
  GDateTime           *trigger;
  GDateTime           *clip_end;
  double               trigger_offset;
};

G_DEFINE_FINAL_TYPE (VigilVideoPlayer, vigil_video_player, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILE,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "0:02.40": seconds with hundredths, as frames are 40 ms apart. */
static char *
format_time (gint64 ns)
{
  gint64 hundredths = MAX (ns, 0) / (GST_SECOND / 100);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                          hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
}

static void
update_mark (VigilVideoPlayer *self)
{
  gint64 duration = vigil_video_decoder_get_duration (self->decoder);
  double offset = -1;

  gtk_scale_clear_marks (self->seek_scale);
  if (self->trigger != NULL && self->clip_end != NULL && duration > 0)
    {
      double before_end = (double) g_date_time_difference (self->clip_end, self->trigger) / G_USEC_PER_SEC;
      double length = (double) duration / GST_SECOND;

      offset = length - before_end;
      if (offset >= 0 && offset <= length)
        gtk_scale_add_mark (self->seek_scale, offset, GTK_POS_BOTTOM, _("Alarm"));
      else
        offset = -1;
    }
  self->trigger_offset = offset;
}

static void
update_position (VigilVideoPlayer *self)
{
  gint64 duration = vigil_video_decoder_get_duration (self->decoder);
  gint64 position = vigil_video_decoder_get_position (self->decoder);
  g_autofree char *now = format_time (position);
  g_autofree char *total = format_time (duration);
  g_autofree char *text = g_strdup_printf ("%s / %s", now, total);

  gtk_adjustment_set_upper (self->seek_adjustment, duration > 0 ? (double) duration / GST_SECOND : 1);
  gtk_adjustment_set_value (self->seek_adjustment, position > 0 ? (double) position / GST_SECOND : 0);
  gtk_label_set_label (self->time_label, text);
}

static void
set_message (VigilVideoPlayer *self,
             const char       *icon_name,
             const char       *title,
             const char       *text)
{
  g_free (self->message);
  self->message = g_strdup (text != NULL ? text : title);
  gtk_image_set_from_icon_name (self->message_icon, icon_name);
  gtk_label_set_label (self->message_title, title);
  gtk_label_set_label (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && *text != '\0');
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
update_controls (VigilVideoPlayer *self)
{
  VigilVideoState state = vigil_video_decoder_get_state (self->decoder);
  gboolean ready = state == VIGIL_VIDEO_STATE_PAUSED || state == VIGIL_VIDEO_STATE_PLAYING ||
                   state == VIGIL_VIDEO_STATE_ENDED;
  gboolean playing = state == VIGIL_VIDEO_STATE_PLAYING;

  gtk_widget_set_sensitive (GTK_WIDGET (self->controls), ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-pause", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.step-forward", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.step-back", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.snapshot", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.open-with", self->file != NULL);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
}

static void
on_decoder_state (VigilVideoPlayer  *self,
                  GParamSpec        *pspec,
                  VigilVideoDecoder *decoder)
{
  switch (vigil_video_decoder_get_state (decoder))
    {
    case VIGIL_VIDEO_STATE_FAILED:
      set_message (self, "dialog-warning-symbolic", _("The Video Cannot Be Played"),
                   vigil_video_decoder_get_error (decoder)->message);
      break;
    case VIGIL_VIDEO_STATE_LOADING:
      gtk_label_set_label (self->progress_label, _("Opening the video…"));
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_stack_set_visible_child_name (self->stack, "progress");
      break;
    case VIGIL_VIDEO_STATE_PAUSED:
    case VIGIL_VIDEO_STATE_PLAYING:
    case VIGIL_VIDEO_STATE_ENDED:
      g_clear_pointer (&self->message, g_free);
      gtk_stack_set_visible_child_name (self->stack, "video");
      break;
    case VIGIL_VIDEO_STATE_EMPTY:
    default:
      break;
    }
  update_controls (self);
}

static void
on_decoder_duration (VigilVideoPlayer *self)
{
  update_mark (self);
  update_position (self);
}

static gboolean
on_change_value (VigilVideoPlayer *self,
                 GtkScrollType     scroll,
                 double            value,
                 GtkRange         *range)
{
  vigil_video_decoder_seek (self->decoder, (gint64) (value * GST_SECOND));
  return FALSE;
}

static void
on_speed_selected (VigilVideoPlayer *self)
{
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  if (selected < G_N_ELEMENTS (speeds))
    vigil_video_decoder_set_rate (self->decoder, speeds[selected]);
}

/* ---- actions ---- */

static void
play_pause (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (widget);

  if (vigil_video_decoder_get_state (self->decoder) == VIGIL_VIDEO_STATE_PLAYING)
    vigil_video_decoder_pause (self->decoder);
  else
    vigil_video_decoder_play (self->decoder);
}

static void
step (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (widget);

  vigil_video_decoder_step (self->decoder, g_str_equal (action_name, "player.step-forward"));
}

static void
on_snapshot_response (GtkNativeDialog  *dialog,
                      int               response,
                      VigilVideoPlayer *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && !vigil_video_player_save_frame (self, file, &error))
    set_message (self, "dialog-warning-symbolic", _("The Picture Was Not Saved"), error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
snapshot_frame (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autofree char *base = self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("video");
  char *dot = strrchr (base, '.');
  g_autofree char *position = format_time (vigil_video_decoder_get_position (self->decoder));

  if (dot != NULL)
    *dot = '\0';
  g_strdelimit (position, ":.", '-');
  name = g_strdup_printf ("%s-%s.png", base, position);

  dialog = gtk_file_chooser_native_new (_("Save Frame as Picture"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_snapshot_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_app_chosen (GtkDialog        *dialog,
               int               response,
               VigilVideoPlayer *self)
{
  g_autoptr(GAppInfo) app = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_OK)
    app = gtk_app_chooser_get_app_info (GTK_APP_CHOOSER (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (app != NULL && self->file != NULL)
    {
      GList files = { self->file, NULL, NULL };
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      if (!g_app_info_launch (app, &files, G_APP_LAUNCH_CONTEXT (context), &error))
        set_message (self, "dialog-warning-symbolic", _("The Video Could Not Be Opened"), error->message);
    }
  g_object_unref (self);
}

static void
open_with (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->file == NULL)
    return;
  dialog = gtk_app_chooser_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, self->file);
  gtk_app_chooser_dialog_set_heading (GTK_APP_CHOOSER_DIALOG (dialog), _("Open the video with another application"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_app_chosen), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- public ---- */

GtkWidget *
vigil_video_player_new (void)
{
  return g_object_new (VIGIL_TYPE_VIDEO_PLAYER, NULL);
}

void
vigil_video_player_set_file (VigilVideoPlayer *self,
                             GFile            *file)
{
  g_return_if_fail (VIGIL_IS_VIDEO_PLAYER (self));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  vigil_video_decoder_set_file (self->decoder, file);
  update_position (self);
  update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

GFile *
vigil_video_player_get_file (VigilVideoPlayer *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), NULL);
  return self->file;
}

void
vigil_video_player_show_progress (VigilVideoPlayer *self,
                                  double            fraction,
                                  const char       *text)
{
  g_return_if_fail (VIGIL_IS_VIDEO_PLAYER (self));

  vigil_video_player_set_file (self, NULL);
  g_clear_pointer (&self->message, g_free);
  gtk_label_set_label (self->progress_label, text);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  else
    gtk_progress_bar_pulse (self->progress_bar);
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

void
vigil_video_player_show_message (VigilVideoPlayer *self,
                                 const char       *title,
                                 const char       *text)
{
  g_return_if_fail (VIGIL_IS_VIDEO_PLAYER (self));

  vigil_video_player_set_file (self, NULL);
  set_message (self, "camera-disabled-symbolic", title, text);
}

const char *
vigil_video_player_get_message (VigilVideoPlayer *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), NULL);
  return self->message;
}

void
vigil_video_player_set_trigger (VigilVideoPlayer *self,
                                GDateTime        *trigger,
                                GDateTime        *clip_end)
{
  g_return_if_fail (VIGIL_IS_VIDEO_PLAYER (self));

  g_clear_pointer (&self->trigger, g_date_time_unref);
  g_clear_pointer (&self->clip_end, g_date_time_unref);
  if (trigger != NULL && clip_end != NULL)
    {
      self->trigger = g_date_time_ref (trigger);
      self->clip_end = g_date_time_ref (clip_end);
    }
  update_mark (self);
}

double
vigil_video_player_get_trigger_offset (VigilVideoPlayer *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), -1);
  return self->trigger_offset;
}

VigilVideoDecoder *
vigil_video_player_get_decoder (VigilVideoPlayer *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), NULL);
  return self->decoder;
}

GdkTexture *
vigil_video_player_get_frame (VigilVideoPlayer *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), NULL);
  return vigil_video_paintable_get_texture (self->paintable);
}

gboolean
vigil_video_player_save_frame (VigilVideoPlayer  *self,
                               GFile             *file,
                               GError           **error)
{
  GdkTexture *texture;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (VIGIL_IS_VIDEO_PLAYER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  texture = vigil_video_paintable_get_texture (self->paintable);
  if (texture == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No frame is shown yet."));
      return FALSE;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL,
                                  FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* ---- GObject ---- */

static void
vigil_video_player_dispose (GObject *object)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (object);
  GtkWidget *child;

  if (self->decoder != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->decoder, self);
      vigil_video_decoder_set_file (self->decoder, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_VIDEO_PLAYER);
  /* The template's top box has no id: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->paintable);
  g_clear_object (&self->decoder);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vigil_video_player_parent_class)->dispose (object);
}

static void
vigil_video_player_finalize (GObject *object)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (object);

  g_free (self->message);
  g_clear_pointer (&self->trigger, g_date_time_unref);
  g_clear_pointer (&self->clip_end, g_date_time_unref);

  G_OBJECT_CLASS (vigil_video_player_parent_class)->finalize (object);
}

static void
vigil_video_player_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, vigil_video_decoder_get_loop (self->decoder));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_player_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilVideoPlayer *self = VIGIL_VIDEO_PLAYER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      vigil_video_player_set_file (self, g_value_get_object (value));
      break;
    case PROP_LOOP:
      if (vigil_video_decoder_get_loop (self->decoder) != g_value_get_boolean (value))
        {
          vigil_video_decoder_set_loop (self->decoder, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, properties[PROP_LOOP]);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_player_class_init (VigilVideoPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_video_player_dispose;
  object_class->finalize = vigil_video_player_finalize;
  object_class->get_property = vigil_video_player_get_property;
  object_class->set_property = vigil_video_player_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause);
  gtk_widget_class_install_action (widget_class, "player.step-forward", NULL, step);
  gtk_widget_class_install_action (widget_class, "player.step-back", NULL, step);
  gtk_widget_class_install_action (widget_class, "player.snapshot", NULL, snapshot_frame);
  gtk_widget_class_install_action (widget_class, "player.open-with", NULL, open_with);
  gtk_widget_class_install_property_action (widget_class, "player.loop", "loop");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-video-player.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, message_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, message_title);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, message_label);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, picture);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, controls);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, play_button);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, seek_scale);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, seek_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, time_label);
  gtk_widget_class_bind_template_child (widget_class, VigilVideoPlayer, speed_dropdown);
}

static void
vigil_video_player_init (VigilVideoPlayer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->trigger_offset = -1;
  self->decoder = vigil_video_decoder_new ();
  self->paintable = vigil_video_paintable_new (self->decoder);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->paintable));

  g_signal_connect_object (self->decoder, "notify::state", G_CALLBACK (on_decoder_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decoder, "notify::duration", G_CALLBACK (on_decoder_duration), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decoder, "frame", G_CALLBACK (update_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seek_scale, "change-value", G_CALLBACK (on_change_value), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speed_dropdown, "notify::selected", G_CALLBACK (on_speed_selected), self, G_CONNECT_SWAPPED);

  gtk_drop_down_set_selected (self->speed_dropdown, NORMAL_SPEED);
  vigil_video_player_show_message (self, _("No Video"), NULL);
  update_controls (self);
}
