/* vigil-window.c — the console's main window
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-window"

#include <glib/gi18n.h>

#include "vigil-lazy-tooltip.h"
#include "vigil-settings.h"
#include "vigil-sim-thread.h"
#include "vigil-window.h"

/* The demo: always the same site, so what a new user sees matches the README. */
#define DEMO_SEED   2026
#define DEMO_PANELS 12

struct _VigilWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  VigilConnectPage *connect_page;
  AdwHeaderBar *header_bar;
  GtkButton *back_button;
  VigilLinkIndicator *link_indicator;
  AdwViewSwitcherTitle *switcher_title;
  GtkButton *alarm_button;
  GtkLabel *alarm_label;
  GtkToggleButton *mute_button;
  GtkImage *alarm_icon;
  AdwViewStack *view_stack;
  AdwLeaflet *overview_leaflet;
  VigilOverview *overview;
  VigilPanelPage *panel_page;
  AdwViewSwitcherBar *switcher_bar;
  VigilAlarmQueueView *alarm_queue_view;
  VigilEventLogView *event_log_view;
  VigilDevicesView *devices_view;
  VigilDevicePage *gateway_page;

  GSettings *settings;
  VigilTrace *trace;            /* every request of this window's sessions, redacted */
  VigilTraceView *trace_view;   /* weak: the one open trace window */
  VigilJournal *journal;        /* the application's: the store and the alarm queue */
  VigilAlertSound *alert_sound; /* the application's */
  VigilSession *session;
  VigilSimThread *demo;
  VigilStreamState stream_state;
  char *last_toast;
};

G_DEFINE_FINAL_TYPE (VigilWindow, vigil_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- toasts ---- */

static void
add_toast_text (VigilWindow *self,
                const char  *text,
                gboolean     failure,
                const char  *button_label,
                const char  *action_name)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (markup);

  /* A refusal must be read: it stays longer and goes before other toasts. */
  if (failure)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
vigil_window_add_toast (VigilWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
vigil_window_toast_for (GtkWidget  *widget,
                        const char *text,
                        gboolean    failure)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (VIGIL_IS_WINDOW (root))
    add_toast_text (VIGIL_WINDOW (root), text, failure, NULL, NULL);
  else
    g_debug ("no window for: %s", text);
}

void
vigil_window_audit_for (GtkWidget        *widget,
                        VigilAuditAction  action,
                        const char       *target,
                        const GError     *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (VIGIL_IS_WINDOW (root) && VIGIL_WINDOW (root)->journal != NULL)
    vigil_journal_audit (VIGIL_WINDOW (root)->journal, action, target, error);
}

const char *
vigil_window_get_last_toast (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/* ---- the header ---- */

static void
update_back_button (VigilWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean on_panel = adw_leaflet_get_visible_child (self->overview_leaflet) == GTK_WIDGET (self->panel_page);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_strcmp0 (page, "overview") == 0 && on_panel);
}

static void
update_alarm_badge (VigilWindow *self)
{
  VigilAlarmQueue *queue = self->journal ? vigil_journal_get_queue (self->journal) : NULL;
  guint n = queue ? vigil_alarm_queue_get_n_open (queue) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *label = g_strdup_printf (ngettext ("%u open alarm", "%u open alarms", n), n);

  gtk_label_set_label (self->alarm_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alarm_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->alarm_button), n > 0);
  /* Not gtk_widget_set_tooltip_text(): a round trip to the X server before every alarm's frame. */
  vigil_lazy_tooltip_set_text (GTK_WIDGET (self->alarm_button), label);
}

/* The mute toggle shows while the sound plays, and while it is muted so that nobody forgets it
 * is: a header that fits a narrow window has no room for it otherwise. */
static void
update_mute_button (VigilWindow     *self,
                    GParamSpec      *pspec,
                    VigilAlertSound *sound)
{
  gboolean shown = vigil_alert_sound_get_playing (sound) || !vigil_alert_sound_get_enabled (sound);

  gtk_widget_set_visible (GTK_WIDGET (self->mute_button), shown);
  gtk_button_set_icon_name (GTK_BUTTON (self->mute_button),
                            vigil_alert_sound_get_enabled (sound) ? "audio-volume-high-symbolic"
                                                                  : "audio-volume-muted-symbolic");
  /* Beside the mute toggle the red count says enough. */
  gtk_widget_set_visible (GTK_WIDGET (self->alarm_icon), !shown);
}

static void
on_stream_state (VigilWindow *self)
{
  VigilEventStream *stream = vigil_session_get_stream (self->session);
  VigilStreamState state = vigil_event_stream_get_state (stream);

  if (state == self->stream_state)
    return;
  self->stream_state = state;

  /* The gateway refused the credentials while the console ran: only a new sign-in helps. */
  if (state == VIGIL_STREAM_FAILED)
    add_toast_text (self, _("The gateway no longer accepts the credentials: alarms are not arriving."),
                    TRUE, _("Sign In Again"), "win.disconnect");
}

/* ---- the session ---- */

static void
set_session (VigilWindow  *self,
             VigilSession *session)
{
  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (vigil_session_get_stream (self->session), self);
      if (self->settings != NULL)
        {
          g_settings_unbind (self->session, "operator");
          g_settings_unbind (self->session, "reconcile-interval");
          g_settings_unbind (self->session, "heartbeat-timeout");
        }
      if (self->journal != NULL && vigil_journal_get_session (self->journal) == self->session)
        vigil_journal_set_session (self->journal, NULL);
      vigil_session_stop (self->session);
      g_clear_object (&self->session);
    }

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->stream_state = VIGIL_STREAM_STOPPED;
      if (self->settings != NULL)
        {
          g_settings_bind (self->settings, "operator", session, "operator", G_SETTINGS_BIND_GET);
          g_settings_bind (self->settings, "reconcile-interval", session, "reconcile-interval", G_SETTINGS_BIND_GET);
          g_settings_bind (self->settings, "heartbeat-timeout", session, "heartbeat-timeout", G_SETTINGS_BIND_GET);
        }
      if (self->journal != NULL)
        vigil_journal_set_session (self->journal, session);
      g_signal_connect_object (vigil_session_get_stream (session), "notify::state",
                               G_CALLBACK (on_stream_state), self, G_CONNECT_SWAPPED);
    }

  vigil_overview_set_site (self->overview, session ? vigil_session_get_site (session) : NULL);
  vigil_panel_page_set_session (self->panel_page, session);
  vigil_devices_view_set_session (self->devices_view, session);
  vigil_device_page_set_device (self->gateway_page, session, NULL);
  vigil_link_indicator_set_stream (self->link_indicator, session ? vigil_session_get_stream (session) : NULL);
  update_alarm_badge (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
on_connected (VigilWindow      *self,
              VigilClient      *client,
              VigilConnectPage *page)
{
  g_autoptr(VigilSession) session = vigil_session_new (client);

  set_session (self, session);
  vigil_session_start (session);

  adw_leaflet_set_visible_child (self->overview_leaflet, GTK_WIDGET (self->overview));
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "console");
  update_back_button (self);
}

void
vigil_window_disconnect (VigilWindow *self)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));

  set_session (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "connect");
}

void
vigil_window_connect (VigilWindow *self,
                      const char  *url,
                      const char  *user,
                      const char  *password)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

  vigil_window_disconnect (self);
  vigil_connect_page_sign_in (self->connect_page, url, user, password);
}

static void
setup_demo (VigilSimGateway *gateway,
            gpointer         user_data)
{
  vigil_sim_gateway_set_demo_activity (gateway, TRUE);
}

void
vigil_window_start_demo (VigilWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VIGIL_IS_WINDOW (self));

  vigil_window_disconnect (self);

  /* The simulator runs in a thread of its own: the GUI thread never does its work. */
  if (self->demo == NULL)
    self->demo = vigil_sim_thread_new (DEMO_SEED, DEMO_PANELS, setup_demo, NULL, &error);
  if (self->demo == NULL)
    {
      vigil_connect_page_show_error (self->connect_page, _("The demo gateway did not start"), error->message);
      return;
    }

  vigil_connect_page_sign_in_once (self->connect_page,
                                   vigil_sim_thread_get_url (self->demo),
                                   vigil_sim_thread_get_user (self->demo),
                                   vigil_sim_thread_get_password (self->demo));
}

static void
on_demo_requested (VigilWindow *self)
{
  vigil_window_start_demo (self);
}

/* ---- navigation ---- */

void
vigil_window_show_panel (VigilWindow *self,
                         VigilPanel  *panel)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  vigil_panel_page_set_panel (self->panel_page, panel);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  adw_leaflet_set_visible_child (self->overview_leaflet, GTK_WIDGET (self->panel_page));
  update_back_button (self);
}

static void
on_panel_activated (VigilWindow   *self,
                    VigilPanel    *panel,
                    VigilOverview *overview)
{
  vigil_window_show_panel (self, panel);
}

static void
show_overview (VigilWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  adw_leaflet_set_visible_child (self->overview_leaflet, GTK_WIDGET (self->overview));
  update_back_button (self);
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->overview_leaflet) == GTK_WIDGET (self->panel_page))
    show_overview (self);
}

static void
action_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (self->session == NULL)
    return;
  show_overview (self);
  vigil_overview_focus_search (self->overview);
}

static void
action_show_alarms (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (self->session == NULL)
    return;

  /* The alarm queue when there is one; until then, the panels that have a problem. */
  if (adw_view_stack_get_child_by_name (self->view_stack, "alarms") != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "alarms");
      return;
    }
  show_overview (self);
  vigil_overview_set_only_problems (self->overview, TRUE);
}

static void
action_show_page (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (self->session != NULL && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
on_site_refreshed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_site_refresh_finish (VIGIL_SITE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The panels were not read: %s"), error->message);
      add_toast_text (self, text, TRUE, NULL, NULL);
    }
}

static void
action_refresh (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (self->session == NULL)
    return;

  if (adw_leaflet_get_visible_child (self->overview_leaflet) == GTK_WIDGET (self->panel_page) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "overview") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->panel_page), "panel.refresh", NULL);
  else
    vigil_site_refresh_async (vigil_session_get_site (self->session), NULL, on_site_refreshed,
                              g_object_ref (self));
}

VigilTraceView *
vigil_window_show_trace (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);

  /* One trace window: asking again brings it forward. */
  if (self->trace_view == NULL)
    {
      self->trace_view = vigil_trace_view_new (GTK_WINDOW (self), self->trace);
      g_object_add_weak_pointer (G_OBJECT (self->trace_view), (gpointer *) &self->trace_view);
    }
  gtk_window_present (GTK_WINDOW (self->trace_view));
  return self->trace_view;
}

static void
action_show_trace (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  vigil_window_show_trace (VIGIL_WINDOW (widget));
}

static void
action_disconnect (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  vigil_window_disconnect (VIGIL_WINDOW (widget));
}

void
vigil_window_show_alarm (VigilWindow *self,
                         gint64       event_id)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));

  if (self->session != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "alarms");
  vigil_alarm_queue_view_select (self->alarm_queue_view, event_id);
}

static void
on_journal_queue (VigilWindow *self)
{
  VigilAlarmQueue *queue = vigil_journal_get_queue (self->journal);

  if (queue != NULL)
    g_signal_connect_object (queue, "notify::n-open", G_CALLBACK (update_alarm_badge), self,
                             G_CONNECT_SWAPPED);
  update_alarm_badge (self);
}

/* The application's store, alarm queue and alert sound, shared by its windows. */
static void
attach_application (VigilWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  VigilAlertSound *sound;

  if (self->journal != NULL || !VIGIL_IS_APPLICATION (application))
    return;

  sound = vigil_application_get_alert_sound (VIGIL_APPLICATION (application));
  self->alert_sound = g_object_ref (sound);
  self->journal = g_object_ref (vigil_application_get_journal (VIGIL_APPLICATION (application)));

  g_action_map_add_action (G_ACTION_MAP (self), vigil_alert_sound_get_mute_action (sound));
  g_signal_connect_object (sound, "notify::playing", G_CALLBACK (update_mute_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sound, "notify::enabled", G_CALLBACK (update_mute_button), self, G_CONNECT_SWAPPED);
  update_mute_button (self, NULL, sound);

  g_signal_connect_object (self->journal, "notify::queue", G_CALLBACK (on_journal_queue), self,
                           G_CONNECT_SWAPPED);
  on_journal_queue (self);
  vigil_alarm_queue_view_set_journal (self->alarm_queue_view, self->journal);
  vigil_event_log_view_set_journal (self->event_log_view, self->journal);
  if (self->session != NULL)
    vigil_journal_set_session (self->journal, self->session);
}

/* ---- accessors ---- */

VigilSession       *vigil_window_get_session        (VigilWindow *self) { return self->session; }
GObject            *vigil_window_get_demo           (VigilWindow *self) { return G_OBJECT (self->demo); }
VigilConnectPage   *vigil_window_get_connect_page   (VigilWindow *self) { return self->connect_page; }
VigilOverview      *vigil_window_get_overview       (VigilWindow *self) { return self->overview; }
VigilPanelPage     *vigil_window_get_panel_page     (VigilWindow *self) { return self->panel_page; }
VigilLinkIndicator *vigil_window_get_link_indicator (VigilWindow *self) { return self->link_indicator; }
AdwViewStack       *vigil_window_get_view_stack     (VigilWindow *self) { return self->view_stack; }
VigilAlarmQueueView *vigil_window_get_alarm_queue_view (VigilWindow *self) { return self->alarm_queue_view; }
VigilEventLogView  *vigil_window_get_event_log_view (VigilWindow *self) { return self->event_log_view; }
VigilJournal       *vigil_window_get_journal        (VigilWindow *self) { return self->journal; }
VigilDevicesView   *vigil_window_get_devices_view   (VigilWindow *self) { return self->devices_view; }
VigilDevicePage    *vigil_window_get_gateway_page   (VigilWindow *self) { return self->gateway_page; }
VigilTrace         *vigil_window_get_trace          (VigilWindow *self) { return self->trace; }

VigilWindow *
vigil_window_new (VigilApplication *application)
{
  return g_object_new (VIGIL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* ---- GObject and GtkWindow ---- */

static gboolean
vigil_window_close_request (GtkWindow *window)
{
  VigilWindow *self = VIGIL_WINDOW (window);

  if (self->settings != NULL)
    {
      int width;
      int height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (vigil_window_parent_class)->close_request (window);
}

static void
vigil_window_constructed (GObject *object)
{
  VigilWindow *self = (VigilWindow *)object;
  GtkApplication *application;

  G_OBJECT_CLASS (vigil_window_parent_class)->constructed (object);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (VIGIL_IS_APPLICATION (application))
    self->settings = g_object_ref (vigil_application_get_settings (VIGIL_APPLICATION (application)));
  else
    self->settings = vigil_settings_new (NULL);

  /* "application" is set after construction (it is not a construct property). */
  g_signal_connect (self, "notify::application", G_CALLBACK (attach_application), NULL);
  attach_application (self);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  vigil_connect_page_set_settings (self->connect_page, self->settings);

  /* A development build (-Dprofile=development) looks different, as GNOME's do. */
  if (g_str_has_suffix (VIGIL_APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
vigil_window_dispose (GObject *object)
{
  VigilWindow *self = (VigilWindow *)object;

  /* The session first: it ends its subscription while the demo gateway still answers. */
  if (self->overview != NULL)
    set_session (self, NULL);
  if (self->trace_view != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->trace_view), (gpointer *) &self->trace_view);
      gtk_window_destroy (GTK_WINDOW (self->trace_view));
      self->trace_view = NULL;
    }
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);
  if (self->alert_sound != NULL)
    g_signal_handlers_disconnect_by_data (self->alert_sound, self);
  g_clear_object (&self->alert_sound);
  if (self->journal != NULL)
    {
      if (vigil_journal_get_queue (self->journal) != NULL)
        g_signal_handlers_disconnect_by_data (vigil_journal_get_queue (self->journal), self);
      g_signal_handlers_disconnect_by_data (self->journal, self);
      g_clear_object (&self->journal);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_WINDOW);

  G_OBJECT_CLASS (vigil_window_parent_class)->dispose (object);
}

static void
vigil_window_finalize (GObject *object)
{
  VigilWindow *self = (VigilWindow *)object;

  g_clear_pointer (&self->last_toast, g_free);
  g_clear_object (&self->trace);

  G_OBJECT_CLASS (vigil_window_parent_class)->finalize (object);
}

static void
vigil_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_class_init (VigilWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vigil_window_constructed;
  object_class->dispose = vigil_window_dispose;
  object_class->finalize = vigil_window_finalize;
  object_class->get_property = vigil_window_get_property;

  window_class->close_request = vigil_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, VIGIL_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.show-alarms", NULL, action_show_alarms);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, action_refresh);
  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, action_disconnect);
  gtk_widget_class_install_action (widget_class, "win.show-trace", NULL, action_show_trace);

  g_type_ensure (VIGIL_TYPE_CONNECT_PAGE);
  g_type_ensure (VIGIL_TYPE_LINK_INDICATOR);
  g_type_ensure (VIGIL_TYPE_OVERVIEW);
  g_type_ensure (VIGIL_TYPE_PANEL_PAGE);
  g_type_ensure (VIGIL_TYPE_ALARM_QUEUE_VIEW);
  g_type_ensure (VIGIL_TYPE_EVENT_LOG_VIEW);
  g_type_ensure (VIGIL_TYPE_DEVICES_VIEW);
  g_type_ensure (VIGIL_TYPE_DEVICE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, connect_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, link_indicator);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, alarm_button);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, alarm_label);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, mute_button);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, alarm_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, overview_leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, panel_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, alarm_queue_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, event_log_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, devices_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, gateway_page);
  gtk_widget_class_bind_template_callback (widget_class, on_connected);
  gtk_widget_class_bind_template_callback (widget_class, on_demo_requested);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_activated);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
}

static void
vigil_window_init (VigilWindow *self)
{
  self->trace = vigil_trace_new (VIGIL_TRACE_DEFAULT_CAPACITY);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->main_stack, "connect");
  vigil_lazy_tooltip_attach (GTK_WIDGET (self->alarm_button));
}
