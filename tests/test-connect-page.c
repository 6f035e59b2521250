/* test-connect-page.c — signing in from the real window, against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connect-page"

#include <string.h>

#include "vigil-settings.h"
#include "vigil-test-gui.h"

#define N_PANELS 3

static void
read_auth_counts (VigilSimGateway *gateway,
                  gpointer         user_data)
{
  guint64 *counts = user_data;

  counts[0] = vigil_sim_gateway_get_n_authorization_headers (gateway);
  counts[1] = vigil_sim_gateway_get_n_auth_failures (gateway);
}

static char *
dup_error_text (VigilWindow *window)
{
  return vigil_connect_page_dup_error_text (vigil_window_get_connect_page (window));
}

static gboolean
has_error (VigilWindow *window)
{
  g_autofree char *shown = dup_error_text (window);

  return shown != NULL;
}

static gboolean
error_contains (VigilWindow *window,
                const char  *text)
{
  g_autofree char *shown = dup_error_text (window);

  return shown != NULL && strstr (shown, text) != NULL;
}

/* The right password: the console opens and lists every panel; the gateway is remembered,
 * its password is not written into the settings. */
static void
test_right_password (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  GSettings *settings = vigil_test_gui_settings ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GVariant) known = NULL;
  const char *url;
  const char *user;

  vigil_test_gui_connect (window, sim, N_PANELS);

  /* The console, with the link state in the header. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (vigil_window_get_view_stack (window)), ==, "overview");
  vigil_test_gui_wait (g_strcmp0 (vigil_link_indicator_get_text (vigil_window_get_link_indicator (window)),
                                  "Online") == 0,
                       VIGIL_TEST_GUI_TIMEOUT);

  known = g_settings_get_value (settings, "known-gateways");
  g_assert_cmpuint (g_variant_n_children (known), >=, 1);
  g_variant_get_child (known, 0, "(&s&s)", &url, &user);
  g_assert_cmpstr (url, ==, vigil_test_sim_get_url (sim));
  g_assert_cmpstr (user, ==, vigil_test_sim_get_user (sim));

  /* No key of the settings holds the password, in any form. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);

      g_assert_null (strstr (printed, vigil_test_sim_get_password (sim)));
    }

  vigil_test_gui_close_window (window);
}

static void
set_lockout (VigilSimGateway *gateway,
             gpointer         user_data)
{
  vigil_sim_gateway_set_lockout (gateway, 5, 120);
}

/* A wrong password says how many attempts are left, and is sent exactly once. */
static void
test_wrong_password (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, set_lockout, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  guint64 counts[2];

  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim), "not-the-password");
  vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && has_error (window),
                       VIGIL_TEST_GUI_TIMEOUT);

  g_assert_true (error_contains (window, "Wrong user name or password"));
  g_assert_true (error_contains (window, "4 attempts are left"));
  g_assert_null (vigil_window_get_session (window));

  /* Nothing tries again behind the operator's back. */
  vigil_test_gui_run_for (1500);
  vigil_test_sim_invoke_sync (sim, read_auth_counts, counts);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 1);

  vigil_test_gui_close_window (window);
}

static void
set_one_attempt (VigilSimGateway *gateway,
                 gpointer         user_data)
{
  vigil_sim_gateway_set_lockout (gateway, 1, 90);
}

/* Locked: the page says so with a countdown that goes down by itself, and Connect waits. */
static void
test_locked (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, set_one_attempt, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  GtkWidget *connect;
  g_autofree char *first = NULL;

  /* The first wrong password uses the only attempt; the next one finds the user locked. */
  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim), "wrong-1");
  vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && has_error (window),
                       VIGIL_TEST_GUI_TIMEOUT);
  if (!error_contains (window, "The user is locked"))
    {
      vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim), "wrong-2");
      vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && error_contains (window, "locked"),
                           VIGIL_TEST_GUI_TIMEOUT);
    }

  g_assert_true (error_contains (window, "The user is locked"));
  g_assert_true (error_contains (window, "accepts this user again in 1:"));
  first = dup_error_text (window);

  connect = vigil_test_gui_find_button (GTK_WIDGET (page), "Connect");
  g_assert_false (gtk_widget_is_sensitive (connect));

  /* A live countdown: the text changes by itself, a second later. */
  vigil_test_gui_wait (!error_contains (window, first), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_true (error_contains (window, "accepts this user again in 1:"));

  vigil_test_gui_close_window (window);
}

/* Nobody listens there: the page says the gateway could not be reached and what to check. */
static void
test_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was free a moment ago and is closed again: connections are refused. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  vigil_test_gui_sign_in (window, url, "admin", "whatever");
  vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && has_error (window),
                       VIGIL_TEST_GUI_TIMEOUT);

  g_assert_true (error_contains (window, "The gateway could not be reached"));
  g_assert_true (error_contains (window, "Check the address and the port"));

  vigil_test_gui_close_window (window);
}

static void
use_tls (VigilSimGateway *gateway,
         gpointer         user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = vigil_sim_builtin_certificate (0, &error);

  g_assert_no_error (error);
  vigil_sim_gateway_set_tls_certificate (gateway, certificate);
}

static void
delay_answers (VigilSimGateway *gateway,
               gpointer         user_data)
{
  vigil_sim_gateway_set_response_delay (gateway, GPOINTER_TO_UINT (user_data));
}

/* A gateway that answers slowly: with the answer timeout shorter than its delay the page says
 * it did not answer; raised in the preferences, the next sign-in waits for it, and the whole
 * connection keeps that timeout. */
static void
test_answer_timeout (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  GSettings *settings = vigil_test_gui_settings ();
  guint before = g_settings_get_uint (settings, "request-timeout");

  vigil_test_sim_invoke_sync (sim, delay_answers, GUINT_TO_POINTER (6000));
  g_settings_set_uint (settings, "request-timeout", 5);
  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim),
                          vigil_test_sim_get_password (sim));
  vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && has_error (window), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_true (error_contains (window, "did not answer in time"));
  g_assert_null (vigil_window_get_session (window));

  g_settings_set_uint (settings, "request-timeout", 40);
  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim),
                          vigil_test_sim_get_password (sim));
  vigil_test_gui_wait (vigil_window_get_session (window) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpuint (vigil_client_get_timeout (vigil_session_get_client (vigil_window_get_session (window))), ==, 40);

  vigil_test_sim_invoke_sync (sim, delay_answers, GUINT_TO_POINTER (0));
  g_settings_set_uint (settings, "request-timeout", before);
  vigil_test_gui_close_window (window);
}

/* An unknown certificate: its fingerprint is shown, and only "Trust this gateway" connects. */
static void
test_untrusted_certificate (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, use_tls, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = vigil_sim_builtin_certificate (0, &error);
  g_autofree char *fingerprint = vigil_certificate_fingerprint (certificate);
  g_autofree char *pinned = NULL;
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  GtkWidget *trust;

  g_assert_true (g_str_has_prefix (vigil_test_sim_get_url (sim), "https://"));

  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim),
                          vigil_test_sim_get_password (sim));
  vigil_test_gui_wait (!vigil_connect_page_get_busy (page) && has_error (window),
                       VIGIL_TEST_GUI_TIMEOUT);

  g_assert_true (error_contains (window, "certificate is not trusted"));
  g_assert_true (error_contains (window, fingerprint));
  g_assert_null (vigil_window_get_session (window));

  trust = vigil_test_gui_find_button (GTK_WIDGET (page), "Trust This Gateway");
  vigil_test_gui_click (trust);
  vigil_test_gui_wait (vigil_window_get_session (window) != NULL, VIGIL_TEST_GUI_TIMEOUT);

  pinned = vigil_settings_dup_pinned_fingerprint (vigil_test_gui_settings (), vigil_test_sim_get_url (sim));
  g_assert_nonnull (pinned);
  g_assert_cmpstr (vigil_client_get_pinned_fingerprint (vigil_session_get_client (vigil_window_get_session (window))),
                   !=, NULL);

  vigil_test_gui_close_window (window);
}

/* The operator on duty: asked in a dialog, kept in the settings, carried by the session. */
static void
test_operator (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (7, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  g_autofree char *operator_name = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;

  vigil_test_gui_connect (window, sim, N_PANELS);

  g_action_group_activate_action (G_ACTION_GROUP (vigil_test_gui_application ()), "change-operator", NULL);
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (window), "Operator")) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);

  row = vigil_test_gui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL, NULL);
  g_assert_nonnull (row);

  /* No name, no shift: the confirmation waits for one. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "start"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Dana Night-Shift");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "start"));
  adw_message_dialog_response (dialog, "start");

  operator_name = g_settings_get_string (vigil_test_gui_settings (), "operator");
  g_assert_cmpstr (operator_name, ==, "Dana Night-Shift");
  vigil_test_gui_wait (g_strcmp0 (vigil_session_get_operator (vigil_window_get_session (window)),
                                  "Dana Night-Shift") == 0,
                       VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_gui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/connect-page/right-password", test_right_password);
  g_test_add_func ("/connect-page/wrong-password", test_wrong_password);
  g_test_add_func ("/connect-page/locked", test_locked);
  g_test_add_func ("/connect-page/unreachable", test_unreachable);
  g_test_add_func ("/connect-page/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/connect-page/answer-timeout", test_answer_timeout);
  g_test_add_func ("/connect-page/operator", test_operator);

  return g_test_run ();
}
