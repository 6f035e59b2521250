/* vigil-panel-card.c — one panel on the overview
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colour is never the only cue: the state has an icon and words too (alarms, faults,
 * online), and the card's accessible name says all of it.
 */
#define G_LOG_DOMAIN "vigil-panel-card"

#include <glib/gi18n.h>

#include "vigil-panel-card.h"

struct _VigilPanelCard
{
  GtkWidget parent_instance;

  GtkBox *box;

  VigilPanel *panel;
};

G_DEFINE_FINAL_TYPE (VigilPanelCard, vigil_panel_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PANEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The local zone, read again once a minute (so that a change of the system's zone shows): a
 * card formats a time on every event of its panel, and GLib 2.74's g_time_zone_new_local()
 * without TZ set reads the zone's file again on every call (perf showed its fstatat under
 * every event). Main thread only, as are the cards. */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static gint64 read_at;
  gint64 now = g_get_monotonic_time ();

  if (zone == NULL || now - read_at > 60 * G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      read_at = now;
    }
  return zone;
}

char *
vigil_format_event_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_timezone (time, local_zone ());
  now = g_date_time_new_now (local_zone ());
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M:%S");
  /* Translators: the day and time of an event on another day; see g_date_time_format() */
  return g_date_time_format (local, _("%e %b %H:%M"));
}

/* ---- closures of the template ---- */

static char **
card_classes (gpointer  this,
              guint     n_alarms,
              gboolean  has_problems,
              gboolean  online)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "card");
  g_strv_builder_add (builder, "panel-card");
  if (n_alarms > 0)
    g_strv_builder_add (builder, "alarm");
  else if (has_problems)
    g_strv_builder_add (builder, "fault");
  if (!online)
    g_strv_builder_add (builder, "offline");

  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static char *
state_icon (gpointer    this,
            guint       n_alarms,
            gboolean    online,
            const char *arming_summary)
{
  if (n_alarms > 0)
    return g_strdup ("dialog-warning-symbolic");
  if (!online)
    return g_strdup ("network-offline-symbolic");
  /* The summary is the core's translated sentence; the same catalog translates it here. */
  if (arming_summary == NULL || g_strcmp0 (arming_summary, _("Disarmed")) == 0 ||
      g_strcmp0 (arming_summary, _("Unknown")) == 0)
    return g_strdup ("security-low-symbolic");
  if (g_strcmp0 (arming_summary, _("Armed away")) == 0)
    return g_strdup ("security-high-symbolic");
  return g_strdup ("security-medium-symbolic");
}

static char *
online_text (gpointer this,
             gboolean online)
{
  return g_strdup (online ? _("Online") : _("Offline"));
}

static char *
arming_text (gpointer    this,
             const char *arming_summary)
{
  return g_strdup (arming_summary ? arming_summary : _("State not read yet"));
}

static char *
alarms_text (gpointer this,
             guint    n_alarms)
{
  if (n_alarms == 0)
    return g_strdup (_("No alarms"));
  return g_strdup_printf (ngettext ("%u alarm", "%u alarms", n_alarms), n_alarms);
}

static char *
faults_text (gpointer this,
             guint    n_faults)
{
  if (n_faults == 0)
    return g_strdup (_("No faults"));
  return g_strdup_printf (ngettext ("%u fault", "%u faults", n_faults), n_faults);
}

static char *
last_event_text (gpointer    this,
                 const char *last_event,
                 GDateTime  *last_event_time)
{
  g_autofree char *when = vigil_format_event_time (last_event_time);

  if (last_event == NULL)
    return g_strdup (_("No events yet"));
  if (when == NULL)
    return g_strdup (last_event);
  /* Translators: when the last event arrived, and what it was: "14:02:11 · Burglary" */
  return g_strdup_printf (_("%s · %s"), when, last_event);
}

/* ---- accessibility ---- */

static void
update_accessible_label (VigilPanelCard *self)
{
  g_autofree char *alarms = NULL;
  g_autofree char *faults = NULL;
  g_autofree char *label = NULL;

  if (self->panel == NULL)
    return;

  alarms = alarms_text (self, vigil_panel_get_n_alarms (self->panel));
  faults = faults_text (self, vigil_panel_get_n_faults (self->panel));
  /* Translators: what a screen reader says for a panel card: name, online, arming, alarms, faults */
  label = g_strdup_printf (_("%s, %s, %s, %s, %s"),
                           vigil_panel_get_name (self->panel),
                           vigil_panel_get_online (self->panel) ? _("online") : _("offline"),
                           vigil_panel_get_arming_summary (self->panel)
                             ? vigil_panel_get_arming_summary (self->panel) : _("state not read yet"),
                           alarms, faults);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

VigilPanel *
vigil_panel_card_get_panel (VigilPanelCard *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_CARD (self), NULL);
  return self->panel;
}

void
vigil_panel_card_set_panel (VigilPanelCard *self,
                            VigilPanel     *panel)
{
  static const char * const watched[] = {
    "notify::name", "notify::online", "notify::arming-summary", "notify::n-alarms", "notify::n-faults",
  };

  g_return_if_fail (VIGIL_IS_PANEL_CARD (self));
  g_return_if_fail (panel == NULL || VIGIL_IS_PANEL (panel));

  if (self->panel == panel)
    return;

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_data (self->panel, self);
  g_set_object (&self->panel, panel);
  if (panel != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
      g_signal_connect_object (panel, watched[i], G_CALLBACK (update_accessible_label), self,
                               G_CONNECT_SWAPPED);

  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL]);
}

static void
vigil_panel_card_dispose (GObject *object)
{
  VigilPanelCard *self = (VigilPanelCard *)object;

  vigil_panel_card_set_panel (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_CARD);

  G_OBJECT_CLASS (vigil_panel_card_parent_class)->dispose (object);
}

static void
vigil_panel_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilPanelCard *self = VIGIL_PANEL_CARD (object);

  switch (prop_id)
    {
    case PROP_PANEL: g_value_set_object (value, self->panel); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilPanelCard *self = VIGIL_PANEL_CARD (object);

  switch (prop_id)
    {
    case PROP_PANEL: vigil_panel_card_set_panel (self, g_value_get_object (value)); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_card_class_init (VigilPanelCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_card_dispose;
  object_class->get_property = vigil_panel_card_get_property;
  object_class->set_property = vigil_panel_card_set_property;

  properties[PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, VIGIL_TYPE_PANEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-panel-card.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelCard, box);
  gtk_widget_class_bind_template_callback (widget_class, card_classes);
  gtk_widget_class_bind_template_callback (widget_class, state_icon);
  gtk_widget_class_bind_template_callback (widget_class, online_text);
  gtk_widget_class_bind_template_callback (widget_class, arming_text);
  gtk_widget_class_bind_template_callback (widget_class, alarms_text);
  gtk_widget_class_bind_template_callback (widget_class, faults_text);
  gtk_widget_class_bind_template_callback (widget_class, last_event_text);
}

static void
vigil_panel_card_init (VigilPanelCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
