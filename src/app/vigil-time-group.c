/* vigil-time-group.c — a device's or the gateway's clock and time zone, shown and set
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-time-group"

#include <glib/gi18n.h>

#include "vigil-posix-tz.h"
#include "vigil-time-group.h"
#include "vigil-window.h"

struct _VigilTimeGroup
{
  AdwPreferencesGroup parent_instance;

  AdwActionRow *time_row;
  GtkButton *sync_button;
  AdwEntryRow *tz_row;
  AdwActionRow *meaning_row;
  AdwExpanderRow *editor_row;
  GtkSpinButton *offset_spin;
  GtkSwitch *dst_switch;
  AdwActionRow *shift_row;
  GtkSpinButton *shift_spin;
  AdwActionRow *start_row;
  GtkDropDown *start_week;
  GtkDropDown *start_weekday;
  GtkDropDown *start_month;
  GtkSpinButton *start_hour;
  AdwActionRow *end_row;
  GtkDropDown *end_week;
  GtkDropDown *end_weekday;
  GtkDropDown *end_month;
  GtkSpinButton *end_hour;

  VigilSession *session;
  char *dev_index;
  GCancellable *cancellable;
  char *time_zone;          /* as the device reported it */
  char *time;
  char *std_name;           /* kept from the typed rule when the editor writes a new one */
  char *dst_name;
  gboolean syncing;         /* the editor and the text are being made to agree */
};

G_DEFINE_FINAL_TYPE (VigilTimeGroup, vigil_time_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
target_name (VigilTimeGroup *self)
{
  return self->dev_index ? self->dev_index : _("the gateway");
}

/* ---- the editor and the rule agree ---- */

static void
update_editor_sensitivity (VigilTimeGroup *self)
{
  gboolean dst = gtk_switch_get_active (self->dst_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->shift_row), dst);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_row), dst);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_row), dst);
}

static void
set_rule_widgets (GtkDropDown       *week,
                  GtkDropDown       *weekday,
                  GtkDropDown       *month,
                  GtkSpinButton     *hour,
                  const VigilTzRule *rule)
{
  if (rule->kind != VIGIL_TZ_RULE_MONTH_WEEK_DAY)
    return;
  gtk_drop_down_set_selected (week, CLAMP (rule->week, 1, 5) - 1);
  gtk_drop_down_set_selected (weekday, MIN (rule->weekday, 6));
  gtk_drop_down_set_selected (month, CLAMP (rule->month, 1, 12) - 1);
  gtk_spin_button_set_value (hour, rule->time_seconds / 3600);
}

static void
fill_editor (VigilTimeGroup     *self,
             const VigilPosixTz *tz)
{
  self->syncing = TRUE;
  g_free (self->std_name);
  self->std_name = g_strdup (tz->std_name);
  g_free (self->dst_name);
  self->dst_name = g_strdup (tz->dst_name);
  gtk_spin_button_set_value (self->offset_spin, tz->utc_offset_seconds / 3600.0);
  gtk_switch_set_active (self->dst_switch, tz->has_dst);
  if (tz->has_dst)
    gtk_spin_button_set_value (self->shift_spin, tz->dst_shift_seconds / 60);
  if (tz->has_rules)
    {
      set_rule_widgets (self->start_week, self->start_weekday, self->start_month, self->start_hour, &tz->start);
      set_rule_widgets (self->end_week, self->end_weekday, self->end_month, self->end_hour, &tz->end);
    }
  update_editor_sensitivity (self);
  self->syncing = FALSE;
}

static void
read_rule_widgets (GtkDropDown   *week,
                   GtkDropDown   *weekday,
                   GtkDropDown   *month,
                   GtkSpinButton *hour,
                   VigilTzRule   *rule)
{
  rule->kind = VIGIL_TZ_RULE_MONTH_WEEK_DAY;
  rule->week = gtk_drop_down_get_selected (week) + 1;
  rule->weekday = gtk_drop_down_get_selected (weekday);
  rule->month = gtk_drop_down_get_selected (month) + 1;
  rule->time_seconds = gtk_spin_button_get_value_as_int (hour) * 3600;
}

static void
on_editor_changed (VigilTimeGroup *self)
{
  VigilPosixTz tz = { 0 };
  g_autofree char *text = NULL;

  update_editor_sensitivity (self);
  if (self->syncing)
    return;

  tz.std_name = self->std_name ? self->std_name : (char *) "STD";
  /* Whole seconds: the spin button is in hours with quarter steps. */
  tz.utc_offset_seconds = (gint) (gtk_spin_button_get_value (self->offset_spin) * 3600.0 +
                                  (gtk_spin_button_get_value (self->offset_spin) < 0 ? -0.5 : 0.5));
  tz.has_dst = gtk_switch_get_active (self->dst_switch);
  tz.dst_name = self->dst_name ? self->dst_name : (char *) "DST";
  tz.dst_shift_seconds = gtk_spin_button_get_value_as_int (self->shift_spin) * 60;
  tz.has_rules = tz.has_dst;
  read_rule_widgets (self->start_week, self->start_weekday, self->start_month, self->start_hour, &tz.start);
  read_rule_widgets (self->end_week, self->end_weekday, self->end_month, self->end_hour, &tz.end);

  text = vigil_posix_tz_to_string (&tz);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->tz_row), text);
  self->syncing = FALSE;
}

static void
on_tz_changed (VigilTimeGroup *self)
{
  g_autoptr(VigilPosixTz) tz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meaning = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tz_row));

  if (*text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->tz_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->meaning_row), "error");
      adw_action_row_set_subtitle (self->meaning_row, "");
      return;
    }

  tz = vigil_posix_tz_parse (text, &error);
  if (tz == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->tz_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->meaning_row), "error");
      adw_action_row_set_subtitle (self->meaning_row, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->tz_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->meaning_row), "error");
  meaning = vigil_posix_tz_describe (tz);
  adw_action_row_set_subtitle (self->meaning_row, meaning);
  if (!self->syncing)
    fill_editor (self, tz);
}

/* ---- reading ---- */

static void
on_time_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilTimeGroup) self = user_data;
  g_autoptr(VigilTimeSettings) time = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *shown = NULL;

  time = vigil_client_get_time_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (time == NULL)
    {
      adw_action_row_set_subtitle (self->time_row, error->message);
      return;
    }

  g_free (self->time);
  self->time = g_strdup (time->local_time);
  parsed = time->local_time ? g_date_time_new_from_iso8601 (time->local_time, NULL) : NULL;
  if (parsed != NULL)
    shown = g_date_time_format (parsed, "%Y-%m-%d %H:%M:%S (UTC%:z)");
  adw_action_row_set_subtitle (self->time_row, shown ? shown : (time->local_time ? time->local_time : ""));
}

static void
on_time_zone_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilTimeGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *tz = NULL;

  tz = vigil_client_get_time_zone_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (tz == NULL)
    {
      adw_action_row_set_subtitle (self->meaning_row, error->message);
      return;
    }

  g_strstrip (tz);
  g_free (self->time_zone);
  self->time_zone = g_strdup (tz);
  gtk_editable_set_text (GTK_EDITABLE (self->tz_row), tz);
}

void
vigil_time_group_reload (VigilTimeGroup *self)
{
  VigilClient *client;

  g_return_if_fail (VIGIL_IS_TIME_GROUP (self));

  if (self->session == NULL)
    return;

  client = vigil_session_get_client (self->session);
  vigil_client_get_time_async (client, self->dev_index, self->cancellable, on_time_read,
                               g_object_ref (self));
  vigil_client_get_time_zone_async (client, self->dev_index, self->cancellable, on_time_zone_read,
                                    g_object_ref (self));
}

/* ---- writing ---- */

static void
report (VigilTimeGroup   *self,
        VigilAuditAction  action,
        const char       *done_text,
        const GError     *error)
{
  g_autofree char *text = NULL;

  vigil_window_audit_for (GTK_WIDGET (self), action, target_name (self), error);
  if (error != NULL)
    text = g_strdup_printf (_("Not changed: %s"), error->message);
  vigil_window_toast_for (GTK_WIDGET (self), text ? text : done_text, error != NULL);
}

static void
on_time_zone_set (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VigilTimeGroup) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = vigil_client_set_time_zone_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  report (self, VIGIL_AUDIT_ACTION_SET_TIMEZONE, _("Time zone set"), error);
  vigil_time_group_reload (self);
}

static void
on_tz_apply (VigilTimeGroup *self)
{
  g_autoptr(VigilPosixTz) tz = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->session == NULL)
    return;

  tz = vigil_posix_tz_parse (gtk_editable_get_text (GTK_EDITABLE (self->tz_row)), &error);
  if (tz == NULL)
    {
      vigil_window_toast_for (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  text = vigil_posix_tz_to_string (tz);
  vigil_client_set_time_zone_async (vigil_session_get_client (self->session), self->dev_index, text,
                                    self->cancellable, on_time_zone_set, g_object_ref (self));
}

static void
on_time_set (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilTimeGroup) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = vigil_client_set_time_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  report (self, VIGIL_AUDIT_ACTION_SET_TIME, _("Time set to this computer’s"), error);
  vigil_time_group_reload (self);
}

static void
action_sync (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilTimeGroup *self = VIGIL_TIME_GROUP (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->session == NULL)
    return;

  vigil_client_set_time_async (vigil_session_get_client (self->session), self->dev_index, now,
                               self->cancellable, on_time_set, g_object_ref (self));
}

/* ---- public ---- */

void
vigil_time_group_set_target (VigilTimeGroup *self,
                             VigilSession   *session,
                             const char     *dev_index)
{
  g_return_if_fail (VIGIL_IS_TIME_GROUP (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->session, session);
  g_free (self->dev_index);
  self->dev_index = g_strdup (dev_index);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->time, g_free);
  adw_action_row_set_subtitle (self->time_row, "");
  adw_action_row_set_subtitle (self->meaning_row, "");
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->tz_row), "");
  self->syncing = FALSE;

  vigil_time_group_reload (self);
}

const char *
vigil_time_group_get_time_zone (VigilTimeGroup *self)
{
  g_return_val_if_fail (VIGIL_IS_TIME_GROUP (self), NULL);
  return self->time_zone;
}

const char *
vigil_time_group_get_time (VigilTimeGroup *self)
{
  g_return_val_if_fail (VIGIL_IS_TIME_GROUP (self), NULL);
  return self->time;
}

/* ---- GObject ---- */

static void
vigil_time_group_dispose (GObject *object)
{
  VigilTimeGroup *self = (VigilTimeGroup *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_TIME_GROUP);

  G_OBJECT_CLASS (vigil_time_group_parent_class)->dispose (object);
}

static void
vigil_time_group_finalize (GObject *object)
{
  VigilTimeGroup *self = (VigilTimeGroup *) object;

  g_free (self->dev_index);
  g_free (self->time_zone);
  g_free (self->time);
  g_free (self->std_name);
  g_free (self->dst_name);

  G_OBJECT_CLASS (vigil_time_group_parent_class)->finalize (object);
}

static void
vigil_time_group_class_init (VigilTimeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_time_group_dispose;
  object_class->finalize = vigil_time_group_finalize;

  gtk_widget_class_install_action (widget_class, "time.sync", NULL, action_sync);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-time-group.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, time_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, sync_button);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, tz_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, meaning_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, editor_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, offset_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, dst_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, shift_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, shift_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, start_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, start_week);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, start_weekday);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, start_month);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, start_hour);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, end_row);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, end_week);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, end_weekday);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, end_month);
  gtk_widget_class_bind_template_child (widget_class, VigilTimeGroup, end_hour);
  gtk_widget_class_bind_template_callback (widget_class, on_tz_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tz_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed);
}

static void
vigil_time_group_init (VigilTimeGroup *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_editor_sensitivity (self);
}
