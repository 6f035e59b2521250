/* vigil-alarm-row.c — one open alarm in the queue
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The longer an alarm waits for a person, the deeper its colour: a glance at the queue shows
 * which one has been forgotten. The buckets are style classes, changed on the queue's one-second
 * tick (which runs only while an alarm is unacknowledged); the wait is written out too, since
 * colour is never the only cue.
 */
#define G_LOG_DOMAIN "vigil-alarm-row"

#include <glib/gi18n.h>

#include "vigil-alarm-row.h"
#include "vigil-format.h"

/* Seconds after which the colour deepens: at once, after half a minute, two and five minutes
 * (a monitoring centre's usual target for acknowledging is under a minute). */
static const gint64 wait_steps[] = { 30, 120, 300 };
static const char * const urgency_classes[] = { "wait-0", "wait-1", "wait-2", "wait-3", "acknowledged" };

struct _VigilAlarmRow
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *place_label;
  GtkLabel *state_label;
  GtkLabel *time_label;
  GtkLabel *wait_label;

  VigilJournal *journal;
  VigilAlarm *alarm;
  const char *urgency;
};

G_DEFINE_FINAL_TYPE (VigilAlarmRow, vigil_alarm_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_ALARM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
vigil_alarm_row_urgency_for (VigilAlarmState state,
                             gint64          seconds)
{
  guint step = 0;

  if (state != VIGIL_ALARM_STATE_NEW)
    return "acknowledged";
  while (step < G_N_ELEMENTS (wait_steps) && seconds >= wait_steps[step])
    step++;
  return urgency_classes[step];
}

const char *
vigil_alarm_row_icon_for (guint priority)
{
  switch (priority)
    {
    case VIGIL_PRIORITY_LIFE_SAFETY: return "dialog-error-symbolic";
    case VIGIL_PRIORITY_INTRUSION:   return "security-low-symbolic";
    case VIGIL_PRIORITY_TROUBLE:     return "dialog-warning-symbolic";
    default:                         return "dialog-information-symbolic";
    }
}

static void
set_urgency (VigilAlarmRow *self,
             const char    *urgency)
{
  if (self->urgency == urgency)
    return;
  if (self->urgency != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->urgency);
  self->urgency = urgency;
  if (urgency != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), urgency);
}

/* On every tick: only the wait and its colour. */
static void
update_wait (VigilAlarmRow *self)
{
  VigilAlarmState state;
  gint64 wait;
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;

  if (self->alarm == NULL)
    {
      set_urgency (self, NULL);
      return;
    }

  state = vigil_alarm_get_state (self->alarm);
  wait = vigil_alarm_get_wait_seconds (self->alarm);
  duration = vigil_format_duration (wait);
  if (state == VIGIL_ALARM_STATE_NEW)
    /* Translators: how long an unacknowledged alarm has waited, "waiting 2 min" */
    text = g_strdup_printf (_("waiting %s"), duration);
  else
    /* Translators: how long an alarm waited before it was acknowledged */
    text = g_strdup_printf (_("taken in %s"), duration);

  gtk_label_set_label (self->wait_label, text);
  set_urgency (self, vigil_alarm_row_urgency_for (state, wait));
}

static void
update (VigilAlarmRow *self)
{
  VigilEvent *event;
  g_autofree char *title = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *place = NULL;
  g_autofree char *time = NULL;
  g_autoptr(GString) state = NULL;

  if (self->alarm == NULL)
    {
      update_wait (self);
      return;
    }

  event = vigil_alarm_get_event (self->alarm);
  title = vigil_format_event_title (event);
  panel = vigil_format_panel (self->journal, event->dev_index);
  zone = vigil_format_zone (self->journal, event->dev_index, event->zone);
  /* Translators: where an alarm is, "Warehouse North · Zone 3 · Kitchen smoke" */
  place = zone != NULL ? g_strdup_printf (_("%s · %s"), panel, zone) : g_strdup (panel);
  time = event->date_time != NULL
           ? vigil_format_date_time (event->date_time)
           : vigil_format_usec_local (vigil_alarm_get_received_at (self->alarm));

  gtk_image_set_from_icon_name (self->icon, vigil_alarm_row_icon_for (vigil_alarm_get_priority (self->alarm)));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->place_label, place);
  gtk_label_set_label (self->time_label, time);

  state = g_string_new (NULL);
  if (vigil_alarm_get_state (self->alarm) == VIGIL_ALARM_STATE_ACKNOWLEDGED)
    g_string_append_printf (state, _("Acknowledged by %s"), vigil_alarm_get_acknowledged_by (self->alarm));
  if (vigil_alarm_get_restored (self->alarm))
    {
      g_autofree char *at = vigil_format_usec_local (vigil_alarm_get_restored_at (self->alarm));

      if (state->len > 0)
        g_string_append (state, " · ");
      g_string_append_printf (state, _("Restored at %s"), at);
    }
  gtk_label_set_label (self->state_label, state->str);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state->len > 0);

  update_wait (self);
}

static void
on_alarm_notify (VigilAlarmRow *self,
                 GParamSpec    *pspec,
                 VigilAlarm    *alarm)
{
  if (g_str_equal (pspec->name, "wait-seconds"))
    update_wait (self);
  else
    update (self);
}

/* ---- public ---- */

GtkWidget *
vigil_alarm_row_new (VigilJournal *journal)
{
  return g_object_new (VIGIL_TYPE_ALARM_ROW, "journal", journal, NULL);
}

VigilAlarm *
vigil_alarm_row_get_alarm (VigilAlarmRow *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_ROW (self), NULL);
  return self->alarm;
}

void
vigil_alarm_row_set_alarm (VigilAlarmRow *self,
                           VigilAlarm    *alarm)
{
  g_return_if_fail (VIGIL_IS_ALARM_ROW (self));
  g_return_if_fail (alarm == NULL || VIGIL_IS_ALARM (alarm));

  if (self->alarm == alarm)
    return;

  if (self->alarm != NULL)
    g_signal_handlers_disconnect_by_func (self->alarm, on_alarm_notify, self);
  g_set_object (&self->alarm, alarm);
  if (alarm != NULL)
    g_signal_connect_object (alarm, "notify", G_CALLBACK (on_alarm_notify), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALARM]);
}

const char *
vigil_alarm_row_get_urgency (VigilAlarmRow *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_ROW (self), NULL);
  return self->urgency;
}

/* ---- GObject ---- */

static void
vigil_alarm_row_dispose (GObject *object)
{
  VigilAlarmRow *self = (VigilAlarmRow *)object;

  vigil_alarm_row_set_alarm (self, NULL);
  g_clear_object (&self->journal);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ALARM_ROW);

  G_OBJECT_CLASS (vigil_alarm_row_parent_class)->dispose (object);
}

static void
vigil_alarm_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigilAlarmRow *self = VIGIL_ALARM_ROW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: g_value_set_object (value, self->journal); break;
    case PROP_ALARM:   g_value_set_object (value, self->alarm); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigilAlarmRow *self = VIGIL_ALARM_ROW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: self->journal = g_value_dup_object (value); break;
    case PROP_ALARM:   vigil_alarm_row_set_alarm (self, g_value_get_object (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_row_class_init (VigilAlarmRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_alarm_row_dispose;
  object_class->get_property = vigil_alarm_row_get_property;
  object_class->set_property = vigil_alarm_row_set_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, VIGIL_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALARM] =
    g_param_spec_object ("alarm", NULL, NULL, VIGIL_TYPE_ALARM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-alarm-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, box);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, icon);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmRow, wait_label);
}

static void
vigil_alarm_row_init (VigilAlarmRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
