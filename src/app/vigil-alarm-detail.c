/* vigil-alarm-detail.c — everything about one alarm, and the form to close it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-alarm-detail"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-alarm-detail.h"
#include "vigil-alarm-row.h"
#include "vigil-format.h"
#include "vigil-json.h"
#include "vigil-video-archive.h"
#include "vigil-video-player.h"

/* Enough of the zone's past to see a pattern (a detector that trips every night). */
#define HISTORY_LENGTH 10

struct _VigilAlarmDetail
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *place_label;
  GtkLabel *state_label;
  GtkBox *video_slot;
  GtkToggleButton *confirms_button;
  GtkToggleButton *false_alarm_button;
  VigilVideoPlayer *player;
  GtkBox *ack_box;
  GtkSpinner *busy_spinner;
  AdwActionRow *cid_row;
  AdwActionRow *panel_row;
  AdwActionRow *partition_row;
  AdwActionRow *zone_row;
  AdwActionRow *user_row;
  AdwActionRow *time_row;
  AdwActionRow *received_row;
  AdwActionRow *handled_row;
  AdwActionRow *restore_row;
  GtkCheckButton *real_check;
  GtkCheckButton *false_check;
  GtkCheckButton *test_check;
  GtkCheckButton *technical_check;
  AdwEntryRow *note_row;
  GtkStack *history_stack;
  GtkListBox *history_list;
  GtkLabel *history_label;
  GtkTextView *raw_view;

  VigilJournal *journal;
  VigilVideoArchive *archive;
  VigilAlarm *alarm;
  GCancellable *history_cancellable;
  gint n_history;
  VigilResolution resolution;
};

G_DEFINE_FINAL_TYPE (VigilAlarmDetail, vigil_alarm_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_ALARM,
  PROP_RESOLUTION,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the zone's history ---- */

static GtkWidget *
history_row_new (VigilEventRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  const char *description = vigil_event_row_get_description (row);
  const char *operator_name = vigil_event_row_get_operator (row);
  GDateTime *panel_time = vigil_event_row_get_panel_time (row);
  g_autofree char *time = panel_time != NULL
                            ? vigil_format_date_time (panel_time)
                            : vigil_format_usec_local (vigil_event_row_get_received_at (row));
  g_autofree char *subtitle = NULL;

  if (operator_name != NULL && *operator_name != '\0')
    /* Translators: when, and by whom an alarm was handled, "18:02:11 · Ann" */
    subtitle = g_strdup_printf (_("%s · %s"), time, operator_name);
  else
    subtitle = g_strdup (time);

  /* Text from the gateway is never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget),
                                 description != NULL && *description != '\0'
                                   ? description : vigil_event_row_get_event_type (row));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget),
                             gtk_image_new_from_icon_name (vigil_alarm_row_icon_for (vigil_event_row_get_priority (row))));
  return widget;
}

static void
clear_history (VigilAlarmDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
}

static void
show_history_text (VigilAlarmDetail *self,
                   const char       *text)
{
  gtk_label_set_label (self->history_label, text);
  gtk_stack_set_visible_child_name (self->history_stack, "none");
}

static void
on_history (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VigilAlarmDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = vigil_event_store_zone_history_finish (VIGIL_EVENT_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_history (self);
  if (rows == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The history could not be read: %s"), error->message);

      self->n_history = 0;
      show_history_text (self, text);
      return;
    }

  self->n_history = (gint) rows->len;
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->history_list, history_row_new (g_ptr_array_index (rows, i)));

  if (rows->len == 0)
    show_history_text (self, _("Nothing else happened in this zone yet."));
  else
    gtk_stack_set_visible_child_name (self->history_stack, "list");
}

static void
load_history (VigilAlarmDetail *self)
{
  VigilEventStore *store = self->journal ? vigil_journal_get_store (self->journal) : NULL;
  VigilEvent *event = self->alarm ? vigil_alarm_get_event (self->alarm) : NULL;

  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);

  if (event == NULL)
    return;
  if (event->zone <= 0 || event->dev_index == NULL)
    {
      clear_history (self);
      self->n_history = 0;
      show_history_text (self, _("This alarm concerns no zone."));
      return;
    }
  if (store == NULL)
    return;

  self->n_history = -1;
  self->history_cancellable = g_cancellable_new ();
  vigil_event_store_zone_history_async (store, event->dev_index, event->zone, HISTORY_LENGTH,
                                        self->history_cancellable, on_history, g_object_ref (self));
}

/* ---- showing the alarm ---- */

/* The rows show a field's value as their subtitle, "—" when the event has none. */
static void
set_value (AdwActionRow *row,
           const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
show_raw (VigilAlarmDetail *self,
          VigilEvent       *event)
{
  g_autofree char *text = NULL;

  /* The bytes as the gateway sent them (repaired only so they can be shown). */
  if (event->raw != NULL && event->raw_len > 0)
    text = vigil_utf8_repair (event->raw, (gssize) event->raw_len);
  else
    text = g_strdup (_("The gateway’s text of this event was not kept."));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->raw_view), text, -1);
}

static void
update (VigilAlarmDetail *self)
{
  VigilEvent *event;
  VigilAlarmState state;
  g_autofree char *title = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *place = NULL;
  g_autofree char *cid = NULL;
  g_autofree char *partition = NULL;
  g_autofree char *user = NULL;
  g_autofree char *panel_time = NULL;
  g_autofree char *received = NULL;
  g_autofree char *received_utc = NULL;
  g_autofree char *wait = NULL;
  g_autofree char *state_text = NULL;

  if (self->alarm == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  event = vigil_alarm_get_event (self->alarm);
  state = vigil_alarm_get_state (self->alarm);

  title = vigil_format_event_title (event);
  panel = vigil_format_panel (self->journal, event->dev_index);
  zone = vigil_format_zone (self->journal, event->dev_index, event->zone);
  place = zone != NULL ? g_strdup_printf (_("%s · %s"), panel, zone) : g_strdup (panel);

  gtk_image_set_from_icon_name (self->icon, vigil_alarm_row_icon_for (vigil_alarm_get_priority (self->alarm)));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->place_label, place);

  wait = vigil_format_duration (vigil_alarm_get_wait_seconds (self->alarm));
  if (vigil_alarm_get_pending (self->alarm))
    state_text = g_strdup (_("Being recorded…"));
  else if (state == VIGIL_ALARM_STATE_NEW)
    state_text = g_strdup_printf (_("Not acknowledged · waiting %s"), wait);
  else
    state_text = g_strdup (vigil_alarm_state_label (state));
  gtk_label_set_label (self->state_label, state_text);

  if (event->cid_code != NULL)
    {
      const char *category = vigil_cid_category_label (event->cid_category);

      /* Translators: CID code and its category, "1110 · Fire" */
      cid = category != NULL ? g_strdup_printf (_("%s · %s"), event->cid_code, category)
                             : g_strdup (event->cid_code);
    }
  set_value (self->cid_row, cid);
  set_value (self->panel_row, panel);
  partition = event->partition > 0 ? g_strdup_printf ("%d", event->partition) : NULL;
  set_value (self->partition_row, partition);
  set_value (self->zone_row, zone);
  user = vigil_format_panel_user (event);
  set_value (self->user_row, user);

  if (event->date_time != NULL)
    panel_time = g_date_time_format (event->date_time, "%Y-%m-%d %H:%M:%S %:z");
  set_value (self->time_row, panel_time);
  received = vigil_format_usec_local (vigil_alarm_get_received_at (self->alarm));
  received_utc = vigil_format_usec_utc (vigil_alarm_get_received_at (self->alarm));
  set_value (self->received_row, received);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->received_row), received_utc);

  if (state != VIGIL_ALARM_STATE_NEW && vigil_alarm_get_acknowledged_by (self->alarm) != NULL)
    {
      g_autofree char *at = vigil_format_usec_local (vigil_alarm_get_acknowledged_at (self->alarm));
      g_autofree char *after = vigil_format_duration ((gint64) vigil_alarm_get_ack_seconds (self->alarm));
      g_autofree char *text = g_strdup_printf (_("By %s at %s, after %s"),
                                               vigil_alarm_get_acknowledged_by (self->alarm), at, after);

      set_value (self->handled_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->handled_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->handled_row), FALSE);

  if (vigil_alarm_get_restored (self->alarm))
    {
      g_autofree char *at = vigil_format_usec_local (vigil_alarm_get_restored_at (self->alarm));
      g_autofree char *text = g_strdup_printf (_("Restored at %s"), at);

      set_value (self->restore_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->restore_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->restore_row), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->ack_box), state == VIGIL_ALARM_STATE_NEW);
  gtk_widget_set_visible (GTK_WIDGET (self->video_slot),
                          event->video_url != NULL && *event->video_url != '\0');

  gtk_stack_set_visible_child_name (self->stack, "alarm");
}

static void
on_alarm_notify (VigilAlarmDetail *self,
                 GParamSpec       *pspec,
                 VigilAlarm       *alarm)
{
  update (self);

  /* The alarm is now in the history it shows; a restore is too. */
  if (g_str_equal (pspec->name, "pending") || g_str_equal (pspec->name, "restored"))
    load_history (self);
}

/* ---- the form ---- */

static void
on_resolution_toggled (VigilAlarmDetail *self)
{
  VigilResolution resolution = VIGIL_RESOLUTION_NONE;

  if (gtk_check_button_get_active (self->real_check))
    resolution = VIGIL_RESOLUTION_REAL;
  else if (gtk_check_button_get_active (self->false_check))
    resolution = VIGIL_RESOLUTION_FALSE;
  else if (gtk_check_button_get_active (self->test_check))
    resolution = VIGIL_RESOLUTION_TEST;
  else if (gtk_check_button_get_active (self->technical_check))
    resolution = VIGIL_RESOLUTION_TECHNICAL;

  if (resolution == self->resolution)
    return;
  self->resolution = resolution;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTION]);
}

static void
on_note_changed (VigilAlarmDetail *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

VigilResolution
vigil_alarm_detail_get_resolution (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), VIGIL_RESOLUTION_NONE);
  return self->resolution;
}

void
vigil_alarm_detail_set_resolution (VigilAlarmDetail *self,
                                   VigilResolution   resolution)
{
  g_return_if_fail (VIGIL_IS_ALARM_DETAIL (self));

  switch (resolution)
    {
    case VIGIL_RESOLUTION_REAL:      gtk_check_button_set_active (self->real_check, TRUE); break;
    case VIGIL_RESOLUTION_FALSE:     gtk_check_button_set_active (self->false_check, TRUE); break;
    case VIGIL_RESOLUTION_TEST:      gtk_check_button_set_active (self->test_check, TRUE); break;
    case VIGIL_RESOLUTION_TECHNICAL: gtk_check_button_set_active (self->technical_check, TRUE); break;
    case VIGIL_RESOLUTION_NONE:
    default:
      /* In a group, unsetting the active button leaves none active. */
      gtk_check_button_set_active (self->real_check, FALSE);
      gtk_check_button_set_active (self->false_check, FALSE);
      gtk_check_button_set_active (self->test_check, FALSE);
      gtk_check_button_set_active (self->technical_check, FALSE);
      break;
    }
  on_resolution_toggled (self);
}

const char *
vigil_alarm_detail_get_note (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

void
vigil_alarm_detail_set_note (VigilAlarmDetail *self,
                             const char       *note)
{
  g_return_if_fail (VIGIL_IS_ALARM_DETAIL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
}

void
vigil_alarm_detail_set_busy (VigilAlarmDetail *self,
                             gboolean          busy)
{
  g_return_if_fail (VIGIL_IS_ALARM_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
}

/* ---- the video ---- */

/* The gateway names a clip after the moment it was stored ("…_CH01_20191009175543.mp4"), at
 * the end of the recording; in the panel's time zone like the alarm's dateTime. */
static GDateTime *
clip_end_time (const char *video_url,
               GDateTime  *alarm_time)
{
  const char *end = video_url != NULL ? strrchr (video_url, '_') : NULL;
  int year, month, day, hour, minute, second;

  if (end == NULL || alarm_time == NULL ||
      sscanf (end + 1, "%4d%2d%2d%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;
  return g_date_time_new (g_date_time_get_timezone (alarm_time), year, month, day, hour, minute, second);
}

static void
show_clip (VigilAlarmDetail *self)
{
  VigilEvent *event = self->alarm != NULL ? vigil_alarm_get_event (self->alarm) : NULL;
  const char *url = event != NULL ? event->video_url : NULL;
  gint64 done = 0, total = -1;
  GFile *file = NULL;
  const char *error = NULL;
  VigilVideoClipState state;

  if (url == NULL || *url == '\0' || self->archive == NULL)
    {
      vigil_video_player_set_file (self->player, NULL);
      return;
    }

  state = vigil_video_archive_lookup (self->archive, url, &done, &total, &file, &error);
  switch (state)
    {
    case VIGIL_VIDEO_CLIP_FETCHING:
      {
        g_autofree char *done_text = g_format_size ((guint64) done);
        g_autofree char *total_text = total >= 0 ? g_format_size ((guint64) total) : NULL;
        g_autofree char *text = total_text != NULL
                                  /* Translators: download progress, "12.3 kB of 48.4 kB" */
                                  ? g_strdup_printf (_("Downloading the video… %s of %s"), done_text, total_text)
                                  : g_strdup_printf (_("Downloading the video… %s"), done_text);

        vigil_video_player_show_progress (self->player, total > 0 ? (double) done / (double) total : -1, text);
      }
      break;
    case VIGIL_VIDEO_CLIP_READY:
      {
        g_autoptr(GDateTime) clip_end = clip_end_time (url, event->date_time);

        vigil_video_player_set_trigger (self->player, event->date_time, clip_end);
        vigil_video_player_set_file (self->player, file);
      }
      break;
    case VIGIL_VIDEO_CLIP_FAILED:
      vigil_video_player_show_message (self->player, _("The Video Could Not Be Downloaded"), error);
      break;
    case VIGIL_VIDEO_CLIP_NONE:
    default:
      if (g_str_equal (vigil_video_archive_get_policy (self->archive), "never"))
        vigil_video_player_show_message (self->player, _("Videos Are Not Downloaded"),
                                         _("Downloading verification videos is turned off in Preferences."));
      else
        vigil_video_player_show_message (self->player, _("No Video Yet"), NULL);
      break;
    }
}

static void
on_archive_changed (VigilAlarmDetail  *self,
                    const char        *video_url,
                    VigilVideoArchive *archive)
{
  VigilEvent *event = self->alarm != NULL ? vigil_alarm_get_event (self->alarm) : NULL;

  if (event != NULL && g_strcmp0 (event->video_url, video_url) == 0)
    show_clip (self);
}

/* The operator's verdict on the clip: into the audit log at once, and the close form's
 * resolution, which goes into the alarm's handling record when it is closed. */
static void
on_verdict_toggled (VigilAlarmDetail *self,
                    GtkToggleButton  *button)
{
  gboolean confirms = button == self->confirms_button;
  g_autofree char *target = NULL;

  if (!gtk_toggle_button_get_active (button) || self->alarm == NULL)
    return;

  vigil_alarm_detail_set_resolution (self, confirms ? VIGIL_RESOLUTION_REAL : VIGIL_RESOLUTION_FALSE);
  if (self->journal == NULL)
    return;
  /* Stable text for the audit log, like its other targets. */
  target = g_strdup_printf ("event %" G_GINT64_FORMAT ": %s", vigil_alarm_get_event_id (self->alarm),
                            confirms ? "video confirms the alarm" : "video shows a false alarm");
  vigil_journal_audit (self->journal, VIGIL_AUDIT_ACTION_VIDEO_VERDICT, target, NULL);
}

/* ---- public ---- */

void
vigil_alarm_detail_set_journal (VigilAlarmDetail *self,
                                VigilJournal     *journal)
{
  g_return_if_fail (VIGIL_IS_ALARM_DETAIL (self));

  if (!g_set_object (&self->journal, journal))
    return;

  if (self->archive != NULL)
    g_signal_handlers_disconnect_by_data (self->archive, self);
  g_clear_object (&self->archive);
  if (journal != NULL)
    {
      self->archive = g_object_ref (vigil_video_archive_get_for_journal (journal));
      g_signal_connect_object (self->archive, "changed", G_CALLBACK (on_archive_changed), self, G_CONNECT_SWAPPED);
    }
  show_clip (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

VigilAlarm *
vigil_alarm_detail_get_alarm (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), NULL);
  return self->alarm;
}

void
vigil_alarm_detail_set_alarm (VigilAlarmDetail *self,
                              VigilAlarm       *alarm)
{
  g_return_if_fail (VIGIL_IS_ALARM_DETAIL (self));
  g_return_if_fail (alarm == NULL || VIGIL_IS_ALARM (alarm));

  if (self->alarm == alarm)
    return;

  if (self->alarm != NULL)
    g_signal_handlers_disconnect_by_func (self->alarm, on_alarm_notify, self);
  g_set_object (&self->alarm, alarm);

  /* A resolution or note typed for one alarm must never close another. */
  vigil_alarm_detail_set_resolution (self, VIGIL_RESOLUTION_NONE);
  vigil_alarm_detail_set_note (self, NULL);
  vigil_alarm_detail_set_busy (self, FALSE);
  clear_history (self);
  show_history_text (self, _("Loading…"));

  /* Untoggling the active one of a group leaves none active; no verdict is audited. */
  gtk_toggle_button_set_active (self->confirms_button, FALSE);
  gtk_toggle_button_set_active (self->false_alarm_button, FALSE);

  if (alarm != NULL)
    {
      g_signal_connect_object (alarm, "notify", G_CALLBACK (on_alarm_notify), self, G_CONNECT_SWAPPED);
      show_raw (self, vigil_alarm_get_event (alarm));
      load_history (self);
      if (self->archive != NULL)
        vigil_video_archive_open (self->archive, alarm);
    }
  show_clip (self);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALARM]);
}

VigilVideoPlayer *
vigil_alarm_detail_get_player (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), NULL);
  return self->player;
}

GtkBox *
vigil_alarm_detail_get_video_slot (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), NULL);
  return self->video_slot;
}

gint
vigil_alarm_detail_get_n_history (VigilAlarmDetail *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_DETAIL (self), -1);
  return self->n_history;
}

/* ---- GObject ---- */

static void
vigil_alarm_detail_dispose (GObject *object)
{
  VigilAlarmDetail *self = (VigilAlarmDetail *)object;

  g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  if (self->alarm != NULL)
    g_signal_handlers_disconnect_by_func (self->alarm, on_alarm_notify, self);
  g_clear_object (&self->alarm);
  if (self->archive != NULL)
    g_signal_handlers_disconnect_by_data (self->archive, self);
  g_clear_object (&self->archive);
  g_clear_object (&self->journal);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ALARM_DETAIL);

  G_OBJECT_CLASS (vigil_alarm_detail_parent_class)->dispose (object);
}

static void
vigil_alarm_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilAlarmDetail *self = VIGIL_ALARM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:    g_value_set_object (value, self->journal); break;
    case PROP_ALARM:      g_value_set_object (value, self->alarm); break;
    case PROP_RESOLUTION: g_value_set_enum (value, self->resolution); break;
    case PROP_NOTE:       g_value_set_string (value, vigil_alarm_detail_get_note (self)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilAlarmDetail *self = VIGIL_ALARM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:    vigil_alarm_detail_set_journal (self, g_value_get_object (value)); break;
    case PROP_ALARM:      vigil_alarm_detail_set_alarm (self, g_value_get_object (value)); break;
    case PROP_RESOLUTION: vigil_alarm_detail_set_resolution (self, g_value_get_enum (value)); break;
    case PROP_NOTE:       vigil_alarm_detail_set_note (self, g_value_get_string (value)); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_detail_class_init (VigilAlarmDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vigil_alarm_detail_dispose;
  object_class->get_property = vigil_alarm_detail_get_property;
  object_class->set_property = vigil_alarm_detail_set_property;

  properties[PROP_JOURNAL] = g_param_spec_object ("journal", NULL, NULL, VIGIL_TYPE_JOURNAL, rw);
  properties[PROP_ALARM] = g_param_spec_object ("alarm", NULL, NULL, VIGIL_TYPE_ALARM, rw);
  properties[PROP_RESOLUTION] = g_param_spec_enum ("resolution", NULL, NULL, VIGIL_TYPE_RESOLUTION,
                                                   VIGIL_RESOLUTION_NONE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-alarm-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, icon);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, place_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, video_slot);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, confirms_button);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, false_alarm_button);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, ack_box);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, cid_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, panel_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, partition_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, zone_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, user_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, time_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, received_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, handled_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, restore_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, real_check);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, false_check);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, test_check);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, technical_check);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, note_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, history_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, history_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmDetail, raw_view);
  gtk_widget_class_bind_template_callback (widget_class, on_resolution_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
}

static void
vigil_alarm_detail_init (VigilAlarmDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");

  self->player = VIGIL_VIDEO_PLAYER (vigil_video_player_new ());
  gtk_box_prepend (self->video_slot, GTK_WIDGET (self->player));
  g_signal_connect_object (self->confirms_button, "toggled", G_CALLBACK (on_verdict_toggled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->false_alarm_button, "toggled", G_CALLBACK (on_verdict_toggled), self, G_CONNECT_SWAPPED);
}
