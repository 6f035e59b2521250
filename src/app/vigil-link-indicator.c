/* vigil-link-indicator.c — the event stream's state, in the header bar
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-link-indicator"

#include <glib/gi18n.h>

#include "vigil-link-indicator.h"

struct _VigilLinkIndicator
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkImage *icon;
  GtkLabel *label;

  VigilEventStream *stream;
  guint tick_id;                 /* only while waiting to reconnect */
};

G_DEFINE_FINAL_TYPE (VigilLinkIndicator, vigil_link_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[] = { "success", "warning", "error", NULL };

static char *
format_since (GDateTime *since)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (since);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  /* Translators: a day and a time, for "Offline since …"; see g_date_time_format() */
  return g_date_time_format (local, _("%e %b %H:%M"));
}

static gboolean on_tick (gpointer user_data);

static void
set_look (VigilLinkIndicator *self,
          const char         *icon_name,
          const char         *css_class,
          const char         *text,
          const char         *tooltip)
{
  for (guint i = 0; state_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->box), state_classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->box), css_class);

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  if (g_strcmp0 (gtk_label_get_label (self->label), text) != 0)
    {
      gtk_label_set_label (self->label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
}

static void
update (VigilLinkIndicator *self)
{
  VigilStreamState state = self->stream ? vigil_event_stream_get_state (self->stream) : VIGIL_STREAM_STOPPED;
  GDateTime *offline_since = self->stream ? vigil_event_stream_get_offline_since (self->stream) : NULL;
  const GError *last_error = self->stream ? vigil_event_stream_get_last_error (self->stream) : NULL;
  g_autofree char *since = offline_since ? format_since (offline_since) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (state != VIGIL_STREAM_WAITING)
    g_clear_handle_id (&self->tick_id, g_source_remove);

  switch (state)
    {
    case VIGIL_STREAM_ONLINE:
      set_look (self, "network-transmit-receive-symbolic", "success", _("Online"),
                _("The event stream is open: alarms arrive as they happen."));
      break;

    case VIGIL_STREAM_CONNECTING:
      set_look (self, "content-loading-symbolic", NULL, _("Connecting…"), NULL);
      break;

    case VIGIL_STREAM_WAITING:
      {
        GDateTime *at = vigil_event_stream_get_reconnect_at (self->stream);
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
        gint64 seconds = at ? (g_date_time_difference (at, now) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC : 0;

        if (seconds > 0)
          text = g_strdup_printf (ngettext ("Reconnecting in %u s", "Reconnecting in %u s",
                                    (gulong) seconds), (guint) seconds);
        else
          text = g_strdup (_("Reconnecting…"));

        if (since != NULL && last_error != NULL)
          tooltip = g_strdup_printf (_("Offline since %s: %s"), since, last_error->message);
        else if (since != NULL)
          tooltip = g_strdup_printf (_("Offline since %s"), since);

        set_look (self, "network-offline-symbolic", "warning", text, tooltip);

        if (self->tick_id == 0)
          {
            self->tick_id = g_timeout_add_seconds (1, on_tick, self);
            g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->tick_id),
                                      "[vigil-link-indicator] tick");
          }
      }
      break;

    case VIGIL_STREAM_FAILED:
      text = since ? g_strdup_printf (_("Offline since %s"), since) : g_strdup (_("Offline"));
      tooltip = g_strdup_printf (_("%s Sign in again to reconnect."),
                                 last_error ? last_error->message : _("The gateway refused the credentials."));
      set_look (self, "network-offline-symbolic", "error", text, tooltip);
      break;

    case VIGIL_STREAM_STOPPED:
    default:
      if (since != NULL)
        {
          text = g_strdup_printf (_("Offline since %s"), since);
          set_look (self, "network-offline-symbolic", "error", text, NULL);
        }
      else
        set_look (self, "network-offline-symbolic", NULL, _("Not connected"), NULL);
      break;
    }
}

static gboolean
on_tick (gpointer user_data)
{
  VigilLinkIndicator *self = user_data;

  update (self);
  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

VigilEventStream *
vigil_link_indicator_get_stream (VigilLinkIndicator *self)
{
  g_return_val_if_fail (VIGIL_IS_LINK_INDICATOR (self), NULL);
  return self->stream;
}

void
vigil_link_indicator_set_stream (VigilLinkIndicator *self,
                                 VigilEventStream   *stream)
{
  g_return_if_fail (VIGIL_IS_LINK_INDICATOR (self));
  g_return_if_fail (stream == NULL || VIGIL_IS_EVENT_STREAM (stream));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    {
      g_signal_connect_object (stream, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::reconnect-at", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::offline-since", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
}

const char *
vigil_link_indicator_get_text (VigilLinkIndicator *self)
{
  g_return_val_if_fail (VIGIL_IS_LINK_INDICATOR (self), NULL);
  return gtk_label_get_label (self->label);
}

static void
vigil_link_indicator_dispose (GObject *object)
{
  VigilLinkIndicator *self = (VigilLinkIndicator *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_LINK_INDICATOR);

  G_OBJECT_CLASS (vigil_link_indicator_parent_class)->dispose (object);
}

static void
vigil_link_indicator_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilLinkIndicator *self = VIGIL_LINK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STREAM: g_value_set_object (value, self->stream); break;
    case PROP_TEXT:   g_value_set_string (value, vigil_link_indicator_get_text (self)); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_link_indicator_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilLinkIndicator *self = VIGIL_LINK_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      vigil_link_indicator_set_stream (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_link_indicator_class_init (VigilLinkIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_link_indicator_dispose;
  object_class->get_property = vigil_link_indicator_get_property;
  object_class->set_property = vigil_link_indicator_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, VIGIL_TYPE_EVENT_STREAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_css_name (widget_class, "linkindicator");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-link-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilLinkIndicator, box);
  gtk_widget_class_bind_template_child (widget_class, VigilLinkIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, VigilLinkIndicator, label);
}

static void
vigil_link_indicator_init (VigilLinkIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
