/* test-device-page.c — one device's page and the gateway's, against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window signs in to the simulator (in its own thread); the installer opens a device
 * from the device list, renames it, sets its time zone and its clock and reboots it, and
 * reboots the gateway, from which the console comes back by itself.
 */
#define G_LOG_DOMAIN "test-device-page"

#include <glib/gstdio.h>
#include <string.h>

#include "vigil-device-item.h"
#include "vigil-devices-view.h"
#include "vigil-ip-editor.h"
#include "vigil-test-gui.h"

#define N_PANELS 2
/* Long enough that the page sees the device down even on a slow (sanitized) run. */
#define REBOOT_MS (g_getenv ("VIGIL_TEST_SANITIZED") ? 15000 : 3000)
#define TZ_RULE "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00"

typedef struct
{
  VigilTestSim *sim;
  VigilWindow *window;
  VigilDevicesView *view;
  VigilDevicePage *page;
  char *dev_index;
} Fixture;

typedef struct
{
  const char *dev_index;
  char *name;
  char *time_zone;
  gboolean online;
} SimState;

static void
read_state (VigilSimGateway *gateway,
            gpointer         user_data)
{
  SimState *state = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (gateway, state->dev_index);

  g_free (state->name);
  state->name = g_strdup (vigil_sim_panel_get_name (panel));
  g_free (state->time_zone);
  state->time_zone = g_strdup (vigil_sim_panel_get_time_zone (panel));
  state->online = vigil_sim_panel_get_online (panel);
}

static void
sim_state (Fixture  *fixture,
           SimState *state)
{
  state->dev_index = fixture->dev_index;
  vigil_test_sim_invoke_sync (fixture->sim, read_state, state);
}

static gboolean
sim_name_is (Fixture    *fixture,
             const char *name)
{
  SimState state = { 0 };
  gboolean same;

  sim_state (fixture, &state);
  same = g_strcmp0 (state.name, name) == 0;
  g_free (state.name);
  g_free (state.time_zone);
  return same;
}

static char *
sim_time_zone (Fixture *fixture)
{
  SimState state = { 0 };

  sim_state (fixture, &state);
  g_free (state.name);
  return state.time_zone;
}

typedef struct
{
  const char *dev_index;
  GDateTime *set;          /* to set the panel's clock to, or NULL */
  gint64 now;              /* the panel's clock, seconds since the epoch */
} SimClock;

static void
sim_clock_cb (VigilSimGateway *gateway,
              gpointer         user_data)
{
  SimClock *clock = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (gateway, clock->dev_index);
  g_autoptr(GDateTime) now = NULL;

  if (clock->set != NULL)
    vigil_sim_panel_set_local_time (panel, clock->set);
  now = vigil_sim_panel_dup_now (panel);
  clock->now = g_date_time_to_unix (now);
}

/* The panel's clock (seconds since the epoch), after setting it to @set if not NULL. */
static gint64
sim_clock (Fixture   *fixture,
           GDateTime *set)
{
  SimClock clock = { fixture->dev_index, set, 0 };

  vigil_test_sim_invoke_sync (fixture->sim, sim_clock_cb, &clock);
  return clock.now;
}

static gboolean
sim_online (Fixture *fixture)
{
  SimState state = { 0 };

  sim_state (fixture, &state);
  g_free (state.name);
  g_free (state.time_zone);
  return state.online;
}

static void
configure (VigilSimGateway *gateway,
           gpointer         user_data)
{
  vigil_sim_gateway_set_reboot_durations (gateway, REBOOT_MS, REBOOT_MS);
}

static const char *
last_toast (Fixture *fixture)
{
  const char *text = vigil_window_get_last_toast (fixture->window);

  return text ? text : "";
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = vigil_test_gui_find (root, type, row_titled, title);

  g_assert_nonnull (row);
  return row;
}

/* Signs in, opens the Devices tab and activates the first device, as the installer does. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VigilDeviceItem) item = NULL;
  GtkWidget *column_view;

  fixture->sim = vigil_test_sim_new_full (11, N_PANELS, configure, NULL);
  fixture->window = vigil_test_gui_new_window ();
  vigil_test_gui_connect (fixture->window, fixture->sim, N_PANELS);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "devices");
  fixture->view = vigil_window_get_devices_view (fixture->window);
  fixture->page = vigil_devices_view_get_device_page (fixture->view);
  vigil_test_gui_wait (g_list_model_get_n_items (vigil_devices_view_get_model (fixture->view)) == N_PANELS,
                       VIGIL_TEST_GUI_TIMEOUT);

  item = g_list_model_get_item (vigil_devices_view_get_model (fixture->view), 0);
  fixture->dev_index = g_strdup (vigil_device_item_get_dev_index (item));
  column_view = vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_signal_emit_by_name (column_view, "activate", 0);

  g_assert_cmpstr (vigil_device_page_get_dev_index (fixture->page), ==, fixture->dev_index);
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)), VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_device_page_get_info (fixture->page) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_time_group_get_time_zone (vigil_device_page_get_time_group (fixture->page)) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_device_page_get_state_text (fixture->page), ==, "Online");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vigil_test_gui_close_window (fixture->window);
  g_clear_pointer (&fixture->sim, vigil_test_sim_free);
  g_clear_pointer (&fixture->dev_index, g_free);
}

/* Whether the subscription row shows the gateway's answer (the stream may still be subscribing). */
static gboolean
subscription_answered (GtkWidget *row)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  return subtitle != NULL && *subtitle != '\0' &&
         g_strcmp0 (subtitle, "The console has no subscription yet") != 0;
}

/* The page shows what the device reported; read-only facts are not editable. */
static void
test_shows_device (Fixture       *fixture,
                   gconstpointer  data)
{
  const VigilDeviceInfo *info = vigil_device_page_get_info (fixture->page);
  GtkWidget *name_row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ENTRY_ROW, "Name");
  GtkWidget *model_row;
  GtkWidget *subscription;

  g_assert_true (sim_name_is (fixture, info->device_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, info->device_name);
  model_row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Model");
  g_assert_false (GTK_IS_EDITABLE (model_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (model_row)), ==, info->model);
  vigil_test_gui_wait (vigil_device_page_get_n_interfaces (fixture->page) > 0, VIGIL_TEST_GUI_TIMEOUT);
  /* The console's subscription, as the gateway reports it for this device (queryStatus; the
   * console subscribes to all devices, which the gateway does not itemize). */
  subscription = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, "Event Subscription");
  vigil_test_gui_wait (subscription_answered (subscription), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (subscription)), ==,
                   "Every event: the console subscribes to all devices");

  /* Back to the list. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "devices.back", NULL);
  vigil_test_gui_wait (!gtk_widget_get_child_visible (GTK_WIDGET (fixture->page)) ||
                       !gtk_widget_get_mapped (GTK_WIDGET (fixture->page)), VIGIL_TEST_GUI_TIMEOUT);
}

static gboolean
list_has (GListModel *model,
          const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilDeviceItem) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (vigil_device_item_get_title (item), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A new name goes to the device and comes back in the list. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *name_row = find_row (GTK_WIDGET (fixture->page), ADW_TYPE_ENTRY_ROW, "Name");
  GListModel *model = vigil_devices_view_get_model (fixture->view);

  /* Too long: refused here, nothing sent. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "A name far longer than thirty-two characters");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (last_toast (fixture), ==, "The name must have 1 to 32 characters.");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Warehouse East");
  g_signal_emit_by_name (name_row, "apply");
  vigil_test_gui_wait (sim_name_is (fixture, "Warehouse East"), VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), "Changes saved") == 0, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  vigil_test_gui_wait (list_has (model, "Warehouse East"), VIGIL_TEST_GUI_TIMEOUT);
}

/* The editor writes the rule, the rule is explained, an invalid one is never sent. */
static void
test_time_zone (Fixture       *fixture,
                gconstpointer  data)
{
  VigilTimeGroup *group = vigil_device_page_get_time_group (fixture->page);
  GtkWidget *tz_row = find_row (GTK_WIDGET (group), ADW_TYPE_ENTRY_ROW, "Time Zone (POSIX rule)");
  GtkWidget *meaning = find_row (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "Meaning");
  GtkWidget *dst_switch = vigil_test_gui_find (find_row (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "Daylight Saving Time"),
                                               GTK_TYPE_SWITCH, NULL, NULL);
  GtkWidget *offset = vigil_test_gui_find (find_row (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "Offset from UTC"),
                                           GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  g_autofree char *before = sim_time_zone (fixture);
  g_autofree char *after = NULL;
  const char *subtitle;

  /* Typed: explained in words, and the editor follows. */
  gtk_editable_set_text (GTK_EDITABLE (tz_row), TZ_RULE);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (meaning));
  g_assert_nonnull (strstr (subtitle, "UTC+08:00"));
  g_assert_nonnull (strstr (subtitle, "first Sunday of April"));
  g_assert_nonnull (strstr (subtitle, "last Sunday of October"));
  g_assert_nonnull (strstr (subtitle, "0:30"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (offset)), ==, 8.0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dst_switch)));

  /* The editor writes the rule: without daylight saving time the rule has none. */
  gtk_switch_set_active (GTK_SWITCH (dst_switch), FALSE);
  g_assert_null (strstr (gtk_editable_get_text (GTK_EDITABLE (tz_row)), "DST"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (meaning)), "no daylight saving"));
  gtk_switch_set_active (GTK_SWITCH (dst_switch), TRUE);

  /* Nonsense is refused before sending. */
  gtk_editable_set_text (GTK_EDITABLE (tz_row), "not a zone");
  g_assert_true (gtk_widget_has_css_class (tz_row, "error"));
  g_signal_emit_by_name (tz_row, "apply");
  vigil_test_gui_run_for (300);
  after = sim_time_zone (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  gtk_editable_set_text (GTK_EDITABLE (tz_row), TZ_RULE);
  g_signal_emit_by_name (tz_row, "apply");
  vigil_test_gui_wait (({ g_free (after); after = sim_time_zone (fixture); g_strcmp0 (after, TZ_RULE) == 0; }),
                       VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), "Time zone set") == 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (g_strcmp0 (vigil_time_group_get_time_zone (group), TZ_RULE) == 0, VIGIL_TEST_GUI_TIMEOUT);
}

static const char *
editor_ipv4 (Fixture *fixture)
{
  GtkWidget *editor = vigil_test_gui_find (GTK_WIDGET (fixture->page), VIGIL_TYPE_IP_EDITOR, NULL, NULL);

  if (editor == NULL)
    return "";
  return gtk_editable_get_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "IPv4 Address")));
}

/* A wrong address is refused as typed; a right one is sent after the warning, and read back. */
static void
test_network (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *editor;
  GtkWidget *ipv4;
  GtkWidget *apply_row;
  AdwMessageDialog *dialog;
  g_autofree char *current = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  char *dot;

  vigil_test_gui_wait (vigil_device_page_get_n_interfaces (fixture->page) > 0, VIGIL_TEST_GUI_TIMEOUT);
  editor = vigil_test_gui_find (GTK_WIDGET (fixture->page), VIGIL_TYPE_IP_EDITOR, NULL, NULL);
  ipv4 = find_row (editor, ADW_TYPE_ENTRY_ROW, "IPv4 Address");
  apply_row = find_row (editor, ADW_TYPE_ACTION_ROW, "Apply These Settings");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, ADW_TYPE_COMBO_ROW, "Addressing")), 0);

  current = g_strdup (gtk_editable_get_text (GTK_EDITABLE (ipv4)));
  dot = strrchr (current, '.');
  g_assert_nonnull (dot);
  *dot = '\0';
  wrong = g_strdup_printf ("%s.300", current);
  right = g_strdup_printf ("%s.77", current);

  gtk_editable_set_text (GTK_EDITABLE (ipv4), wrong);
  g_assert_false (vigil_ip_editor_is_valid (VIGIL_IP_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (apply_row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (apply_row)), "IPv4 address"));
  gtk_widget_activate_action (editor, "ip.apply", NULL);
  g_assert_null (vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), "Network"));

  gtk_editable_set_text (GTK_EDITABLE (ipv4), right);
  g_assert_true (vigil_ip_editor_is_valid (VIGIL_IP_EDITOR (editor)));
  vigil_test_gui_click (vigil_test_gui_find_button (editor, "Apply…"));
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), "Change the Network Settings?")) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only be reached on site"));
  adw_message_dialog_response (dialog, "apply");
  vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), "Network settings changed") == 0, VIGIL_TEST_GUI_TIMEOUT);

  /* Read back from the device. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.reload", NULL);
  vigil_test_gui_wait (g_strcmp0 (editor_ipv4 (fixture), right) == 0, VIGIL_TEST_GUI_TIMEOUT);
}

/* Reboot (after a confirmation): rebooting while the device is away, online when it is back. */
static void
test_reboot (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = g_strdup_printf ("Reboot “%s”?", vigil_device_page_get_info (fixture->page)->device_name);

  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (fixture->page), "Reboot…"));
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), heading)) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  adw_message_dialog_response (dialog, "reboot");

  vigil_test_gui_wait (vigil_device_page_get_rebooting (fixture->page) ||
                       g_str_has_prefix (last_toast (fixture), "The reboot was refused"), VIGIL_TEST_GUI_TIMEOUT);
  if (!vigil_device_page_get_rebooting (fixture->page))
    g_error ("the reboot did not start: %s", last_toast (fixture));
  g_assert_cmpstr (vigil_device_page_get_state_text (fixture->page), ==, "Rebooting…");
  g_assert_false (sim_online (fixture));
  /* A second reboot cannot be started meanwhile. */
  g_assert_false (gtk_widget_is_sensitive (vigil_test_gui_find_button (GTK_WIDGET (fixture->page), "Reboot…")));

  vigil_test_gui_wait (!vigil_device_page_get_rebooting (fixture->page), VIGIL_TEST_GUI_TIMEOUT + REBOOT_MS / 1000);
  g_assert_true (sim_online (fixture));
  g_assert_cmpstr (vigil_device_page_get_state_text (fixture->page), ==, "Online");
  g_assert_nonnull (strstr (last_toast (fixture), "is back online"));
}

/* A clock far off: "Set to This Computer’s Time" brings it to this computer's, and the page
 * shows the time read back. */
static void
test_set_time (Fixture       *fixture,
               gconstpointer  data)
{
  VigilTimeGroup *group = vigil_device_page_get_time_group (fixture->page);
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2011, 3, 4, 5, 6, 7);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (today, "%Y-");
  gint64 skew;

  skew = sim_clock (fixture, long_ago) - g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (ABS (skew), >, 365 * 24 * 3600);
  /* Read again: the page shows the panel's wrong clock. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.reload", NULL);
  vigil_test_gui_wait (g_str_has_prefix (vigil_time_group_get_time (group) ? vigil_time_group_get_time (group) : "", "2011-"),
                       VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (group), "Set to This Computer’s Time"));
  vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), "Time set to this computer’s") == 0 ||
                       g_str_has_prefix (last_toast (fixture), "Not changed"), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (last_toast (fixture), ==, "Time set to this computer’s");
  skew = sim_clock (fixture, NULL) - g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (ABS (skew), <=, 60);
  /* Read back after setting. */
  vigil_test_gui_wait (g_str_has_prefix (vigil_time_group_get_time (group), year), VIGIL_TEST_GUI_TIMEOUT);
}

static gboolean
stream_back (VigilEventStream *stream,
             gint64            first_id)
{
  return vigil_event_stream_get_state (stream) == VIGIL_STREAM_ONLINE &&
         vigil_event_stream_get_subscription_id (stream) > 0 &&
         vigil_event_stream_get_subscription_id (stream) != first_id;
}

/* The gateway's reboot from its page: the link goes, and the console subscribes again and
 * reads the gateway again by itself once it is back (the stream's side of it, with the event
 * log, is /faults/gateway-reboot). */
static void
test_gateway_reboot (Fixture       *fixture,
                     gconstpointer  data)
{
  VigilDevicePage *gateway = vigil_window_get_gateway_page (fixture->window);
  VigilEventStream *stream = vigil_session_get_stream (vigil_window_get_session (fixture->window));
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  gint64 first_id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "gateway");
  vigil_test_gui_wait (vigil_device_page_get_info (gateway) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_event_stream_get_state (stream) == VIGIL_STREAM_ONLINE &&
                       vigil_event_stream_get_subscription_id (stream) > 0, VIGIL_TEST_GUI_TIMEOUT);
  first_id = vigil_event_stream_get_subscription_id (stream);

  heading = g_strdup_printf ("Reboot “%s”?", vigil_device_page_get_info (gateway)->device_name);
  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (gateway), "Reboot…"));
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), heading)) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "reconnects by itself"));
  adw_message_dialog_response (dialog, "reboot");

  vigil_test_gui_wait (vigil_device_page_get_rebooting (gateway) ||
                       g_str_has_prefix (last_toast (fixture), "The reboot was refused"), VIGIL_TEST_GUI_TIMEOUT);
  if (!vigil_device_page_get_rebooting (gateway))
    g_error ("the reboot did not start: %s", last_toast (fixture));
  /* The link goes down with the gateway… */
  vigil_test_gui_wait (vigil_event_stream_get_state (stream) != VIGIL_STREAM_ONLINE,
                       VIGIL_TEST_GUI_TIMEOUT + REBOOT_MS / 1000);

  /* …and comes back without anyone touching anything: a new subscription, the page online. */
  vigil_test_gui_wait (stream_back (stream, first_id), VIGIL_TEST_GUI_TIMEOUT + 40 + REBOOT_MS / 1000);
  vigil_test_gui_wait (!vigil_device_page_get_rebooting (gateway), VIGIL_TEST_GUI_TIMEOUT + REBOOT_MS / 1000);
  g_assert_cmpstr (vigil_device_page_get_state_text (gateway), ==, "Online");
  g_assert_nonnull (vigil_device_page_get_info (gateway));
  g_assert_true (vigil_window_get_session (fixture->window) != NULL);
}

static void
fail_with_html_cb (VigilSimGateway *gateway,
                   gpointer         user_data)
{
  /* The nginx page a gateway's front sends while the gateway is away: to every request until
   * told otherwise (0), since other parts of the console may ask meanwhile. */
  vigil_sim_gateway_fail_next_requests (gateway, SOUP_STATUS_SERVICE_UNAVAILABLE,
                                        GPOINTER_TO_UINT (user_data));
}

/* The gateway's words are shown as they are: an HTML error page is text, not markup (GTK
 * warned and dropped it). */
static void
test_html_error_as_text (Fixture       *fixture,
                         gconstpointer  data)
{
  VigilTimeGroup *group = vigil_device_page_get_time_group (fixture->page);
  GtkWidget *time_row = find_row (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW, "Device Time");

  vigil_test_gui_wait (vigil_time_group_get_time (group) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_sim_invoke_sync (fixture->sim, fail_with_html_cb, GUINT_TO_POINTER (G_MAXUINT));
  vigil_time_group_reload (group);
  vigil_test_gui_wait (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (time_row)), "503") != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_sim_invoke_sync (fixture->sim, fail_with_html_cb, GUINT_TO_POINTER (0));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (time_row)), "<html>"));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (time_row)));
}

static VigilTraceView *
find_trace_view (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (VIGIL_IS_TRACE_VIEW (l->data))
      return l->data;
  return NULL;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The gateway's page: the connection, no per-device parts. */
static void
test_gateway (Fixture       *fixture,
              gconstpointer  data)
{
  VigilDevicePage *gateway = vigil_window_get_gateway_page (fixture->window);
  GtkWidget *address;
  GtkWidget *trace_button;
  VigilTraceView *view;
  GListModel *model;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *saved = NULL;
  int fd;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "gateway");
  vigil_test_gui_wait (vigil_device_page_get_info (gateway) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_null (vigil_device_page_get_dev_index (gateway));
  address = find_row (GTK_WIDGET (gateway), ADW_TYPE_ACTION_ROW, "Address");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (address)), ==, vigil_test_sim_get_url (fixture->sim));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (gateway), ADW_TYPE_ACTION_ROW, "User"))),
                   ==, vigil_test_sim_get_user (fixture->sim));
  /* Per-device parts are not shown for the gateway. */
  g_assert_false (gtk_widget_is_visible (find_row (GTK_WIDGET (gateway), ADW_TYPE_ACTION_ROW, "Event Subscription")));
  g_assert_true (gtk_widget_is_visible (address));

  /* The trace opens from here and shows what the console sent, sign-in included. */
  trace_button = vigil_test_gui_find_button (GTK_WIDGET (gateway), "Show");
  vigil_test_gui_click (trace_button);
  vigil_test_gui_wait ((view = find_trace_view ()) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  text = vigil_trace_view_dup_text (view);
  g_assert_nonnull (strstr (text, "/ISAPI/Security/userCheck"));
  g_assert_nonnull (strstr (text, "/ISAPI/System/deviceInfo"));
  g_assert_null (strstr (text, vigil_test_sim_get_password (fixture->sim)));
  /* A second request for the trace brings the same window forward. */
  g_assert_true (vigil_window_show_trace (fixture->window) == view);

  /* Filtered: only what matches is shown, copied and saved. */
  vigil_trace_view_set_filter (view, "timeZone");
  model = vigil_trace_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilTraceEntry) entry = g_list_model_get_item (model, i);
      g_assert_nonnull (strstr (vigil_trace_entry_get_uri (entry), "timeZone"));
    }
  g_clear_pointer (&text, g_free);
  text = vigil_trace_view_dup_text (view);
  g_assert_null (strstr (text, "userCheck"));
  /* The selected exchange is shown whole, body included. */
  vigil_trace_view_select (view, 0);
  {
    GtkWidget *text_view = vigil_test_gui_find (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW, NULL, NULL);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (shown, "GET /ISAPI/System/time/timeZone"));
    g_assert_nonnull (strstr (shown, "< 200 OK"));
  }

  fd = g_file_open_tmp ("vigil-trace-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  vigil_trace_view_save_async (view, file, NULL, on_saved, &saved);
  vigil_test_gui_wait (saved != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_true (vigil_trace_view_save_finish (view, saved, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, text);
  g_unlink (path);
  g_object_unref (saved);
  gtk_window_destroy (GTK_WINDOW (view));
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/device-page/shows-device", Fixture, NULL, fixture_setup, test_shows_device, fixture_teardown);
  g_test_add ("/device-page/rename", Fixture, NULL, fixture_setup, test_rename, fixture_teardown);
  g_test_add ("/device-page/time-zone", Fixture, NULL, fixture_setup, test_time_zone, fixture_teardown);
  g_test_add ("/device-page/network", Fixture, NULL, fixture_setup, test_network, fixture_teardown);
  g_test_add ("/device-page/reboot", Fixture, NULL, fixture_setup, test_reboot, fixture_teardown);
  g_test_add ("/device-page/gateway", Fixture, NULL, fixture_setup, test_gateway, fixture_teardown);
  g_test_add ("/device-page/set-time", Fixture, NULL, fixture_setup, test_set_time, fixture_teardown);
  g_test_add ("/device-page/html-error-as-text", Fixture, NULL, fixture_setup, test_html_error_as_text, fixture_teardown);
  g_test_add ("/device-page/gateway-reboot", Fixture, NULL, fixture_setup, test_gateway_reboot, fixture_teardown);

  return g_test_run ();
}
