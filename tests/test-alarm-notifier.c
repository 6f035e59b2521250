/* test-alarm-notifier.c — the desktop notification of an alarm, through D-Bus, end to end
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test owns org.freedesktop.Notifications on its private session bus, as a desktop's
 * notification daemon does, and watches what the console sends there: an alarm raised in the
 * simulator while nobody looks at the window becomes a notification with an "Acknowledge"
 * button; pressing that button (the daemon's ActionInvoked signal) acknowledges the alarm in
 * the operator's name; and a notification is withdrawn when its alarm is acknowledged in the
 * window.
 */
#define G_LOG_DOMAIN "test-alarm-notifier"

#include <string.h>

#include "vigil-test-gui.h"

#define N_PANELS 2
#define OPERATOR "Noor Haddad"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

/* What the fake daemon saw. */
typedef struct
{
  GDBusConnection *bus;
  guint owner_id;
  guint object_id;
  gboolean named;
  guint n_notify;
  guint last_id;
  char *summary;
  char *body;
  GStrv actions;            /* key, label, key, label, … */
  guchar urgency;
  GArray *closed;           /* guint32 ids */
} Daemon;

static Daemon daemon_seen;

static void
on_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Daemon *d = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      g_autoptr(GVariant) hints = NULL;
      const char *summary, *body;
      g_autofree const char **actions = NULL;
      guint32 replaces;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, &replaces, NULL, &summary, &body,
                     &actions, &hints, NULL);
      g_clear_pointer (&d->summary, g_free);
      g_clear_pointer (&d->body, g_free);
      g_clear_pointer (&d->actions, g_strfreev);
      d->summary = g_strdup (summary);
      d->body = g_strdup (body);
      d->actions = g_strdupv ((char **) actions);
      if (!g_variant_lookup (hints, "urgency", "y", &d->urgency))
        d->urgency = 1;
      d->n_notify++;
      d->last_id = replaces != 0 ? replaces : d->n_notify;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", d->last_id));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_array_append_val (d->closed, id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "vigil-test", "Vigil", "1", "1.2"));
}

static const GDBusInterfaceVTable vtable = { on_method_call, NULL, NULL, { NULL } };

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((Daemon *) user_data)->named = TRUE;
}

static void
daemon_start (Daemon *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, &error);

  g_assert_no_error (error);
  d->closed = g_array_new (FALSE, FALSE, sizeof (guint32));
  d->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  d->object_id = g_dbus_connection_register_object (d->bus, "/org/freedesktop/Notifications",
                                                    info->interfaces[0], &vtable, d, NULL, &error);
  g_assert_no_error (error);
  d->owner_id = g_bus_own_name_on_connection (d->bus, "org.freedesktop.Notifications",
                                              G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired, NULL, d, NULL);
  vigil_test_gui_wait (d->named, VIGIL_TEST_GUI_TIMEOUT);
}

static void
on_round_trip (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Waits until the console has had the daemon's answer to its last Notify: only then does GIO
 * know the notification's id, and can withdraw it. A call through the bus queues behind that
 * answer, so its reply comes after it. */
static void
daemon_round_trip (Daemon *d)
{
  gboolean done = FALSE;

  g_dbus_connection_call (d->bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications", "GetServerInformation", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_round_trip, &done);
  vigil_test_gui_wait (done, VIGIL_TEST_GUI_TIMEOUT);
}

/* The key of the action whose label is @label, as the daemon would send it back. */
static const char *
action_key (Daemon     *d,
            const char *label)
{
  for (guint i = 0; d->actions != NULL && d->actions[i] != NULL && d->actions[i + 1] != NULL; i += 2)
    if (g_str_equal (d->actions[i + 1], label))
      return d->actions[i];
  return NULL;
}

static gboolean
closed (Daemon *d,
        guint32 id)
{
  for (guint i = 0; i < d->closed->len; i++)
    if (g_array_index (d->closed, guint32, i) == id)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint panel;
  guint zone;
  char *dev_index;
  char *panel_name;
} FireZone;

static void
open_fire_zone (VigilSimGateway *gateway,
                gpointer         user_data)
{
  FireZone *fire = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_get_panel (gateway, fire->panel);

  fire->zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_FIRE, 0);
  fire->dev_index = g_strdup (vigil_sim_panel_get_dev_index (panel));
  fire->panel_name = g_strdup (vigil_sim_panel_get_name (panel));
  vigil_sim_panel_set_zone_open (panel, fire->zone, TRUE);
}

static VigilAlarm *
find_fire (VigilWindow *window,
           FireZone    *fire)
{
  VigilAlarmQueue *queue = vigil_journal_get_queue (vigil_window_get_journal (window));

  for (guint i = 0; queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (G_LIST_MODEL (queue), i);
      VigilEvent *event = vigil_alarm_get_event (alarm);

      if (g_strcmp0 (event->dev_index, fire->dev_index) == 0 && event->zone == (gint) fire->zone &&
          !vigil_alarm_get_pending (alarm))
        return alarm;
    }
  return NULL;
}

/* A fire alarm while the window is not active: a notification, urgent, with the panel and the
 * zone, and an Acknowledge button that works from the notification. */
static void
test_notification_acknowledges (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (31, N_PANELS, NULL, NULL);
  VigilWindow *window;
  GtkWidget *other;
  FireZone fire = { 0 };
  FireZone second = { 0 };
  VigilAlarm *alarm = NULL;
  VigilAlarm *alarm2 = NULL;
  const char *key;
  guint32 id;

  g_settings_set_string (vigil_test_gui_settings (), "operator", OPERATOR);
  window = vigil_test_gui_new_window ();
  vigil_test_gui_connect (window, sim, N_PANELS);

  /* The operator is in another window (another application, as far as X knows). */
  other = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (other), "Another application");
  gtk_window_present (GTK_WINDOW (other));
  vigil_test_gui_wait (!gtk_window_is_active (GTK_WINDOW (window)), VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_sim_invoke_sync (sim, open_fire_zone, &fire);
  vigil_test_gui_wait ((alarm = find_fire (window, &fire)) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (daemon_seen.n_notify > 0 && strstr (daemon_seen.summary, "Fire") != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_object_ref (alarm);
  id = daemon_seen.last_id;
  daemon_round_trip (&daemon_seen);

  g_test_message ("notification: %s / %s", daemon_seen.summary, daemon_seen.body);
  g_assert_nonnull (strstr (daemon_seen.summary, fire.panel_name));
  g_assert_cmpuint (daemon_seen.urgency, ==, 2);       /* fire is critical */
  key = action_key (&daemon_seen, "Acknowledge");
  g_assert_nonnull (key);
  g_assert_cmpint (vigil_alarm_get_state (alarm), ==, VIGIL_ALARM_STATE_NEW);

  /* The operator presses the button on the notification. */
  g_dbus_connection_emit_signal (daemon_seen.bus, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", id, key), NULL);
  vigil_test_gui_wait (vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_ACKNOWLEDGED, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (alarm), ==, OPERATOR);

  /* A daemon closes a notification whose button was pressed; one acknowledged in the
   * window instead is withdrawn by the console. */
  second.panel = 1;
  vigil_test_sim_invoke_sync (sim, open_fire_zone, &second);
  vigil_test_gui_wait ((alarm2 = find_fire (window, &second)) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (daemon_seen.n_notify > 1 && strstr (daemon_seen.summary, second.panel_name) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  id = daemon_seen.last_id;
  g_assert_false (closed (&daemon_seen, id));
  daemon_round_trip (&daemon_seen);
  g_action_group_activate_action (G_ACTION_GROUP (vigil_test_gui_application ()), "acknowledge-alarm",
                                  g_variant_new_int64 (vigil_alarm_get_event_id (alarm2)));
  vigil_test_gui_wait (closed (&daemon_seen, id), VIGIL_TEST_GUI_TIMEOUT);

  g_object_unref (alarm);
  g_free (fire.dev_index);
  g_free (fire.panel_name);
  g_free (second.dev_index);
  g_free (second.panel_name);
  gtk_window_destroy (GTK_WINDOW (other));
  vigil_test_gui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  /* Before the application starts: it looks for a notification service once, at start-up. */
  daemon_start (&daemon_seen);
  vigil_test_gui_application ();

  g_test_add_func ("/alarm-notifier/acknowledge-from-notification", test_notification_acknowledges);

  return g_test_run ();
}
