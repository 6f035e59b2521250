/* test-preferences-window.c — the preferences, bound to the settings the console runs on
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-preferences-window"

#include "vigil-preferences-window.h"
#include "vigil-settings.h"
#include "vigil-test-gui.h"

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

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static guint
n_known_gateways (GSettings *settings)
{
  g_autoptr(GVariant) known = g_settings_get_value (settings, "known-gateways");

  return (guint) g_variant_n_children (known);
}

static void
close_preferences (VigilPreferencesWindow *preferences)
{
  gpointer weak = preferences;

  g_object_add_weak_pointer (G_OBJECT (preferences), &weak);
  gtk_window_destroy (GTK_WINDOW (preferences));
  vigil_test_gui_wait (weak == NULL, VIGIL_TEST_GUI_TIMEOUT);
}

/* Every row changes its key at once, and follows the key when something else changes it. */
static void
test_bound (void)
{
  GSettings *settings = vigil_test_gui_settings ();
  VigilPreferencesWindow *preferences = vigil_preferences_window_new (NULL, settings);
  GtkWidget *root = GTK_WIDGET (preferences);
  GtkWidget *sound = vigil_test_gui_find (find_row (root, ADW_TYPE_ACTION_ROW, "_Alert Sound"), GTK_TYPE_SWITCH,
                                          NULL, NULL);
  GtkWidget *reconcile = vigil_test_gui_find (find_row (root, ADW_TYPE_ACTION_ROW, "_Reconciliation Interval"),
                                              GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  GtkWidget *heartbeat = vigil_test_gui_find (find_row (root, ADW_TYPE_ACTION_ROW, "_Heartbeat Timeout"),
                                              GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  GtkWidget *answer = vigil_test_gui_find (find_row (root, ADW_TYPE_ACTION_ROW, "A_nswer Timeout"),
                                           GTK_TYPE_SPIN_BUTTON, NULL, NULL);
  GtkWidget *operator_row = find_row (root, ADW_TYPE_ENTRY_ROW, "Operator on Duty");

  gtk_window_present (GTK_WINDOW (preferences));

  g_settings_set_boolean (settings, "sound-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sound)));
  gtk_switch_set_active (GTK_SWITCH (sound), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "sound-enabled"));
  g_settings_set_boolean (settings, "sound-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sound)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (reconcile), 120);
  g_assert_cmpuint (g_settings_get_uint (settings, "reconcile-interval"), ==, 120);
  g_settings_set_uint (settings, "reconcile-interval", 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (reconcile)), ==, 0);
  g_settings_set_uint (settings, "reconcile-interval", 60);

  /* The schema's range holds: no timeout shorter than a heartbeat and a half. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (heartbeat), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "heartbeat-timeout"), ==, 15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (heartbeat), 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "heartbeat-timeout"), ==, 45);
  g_settings_reset (settings, "heartbeat-timeout");

  /* The answer timeout: never under 5 s, and the key follows the row. */
  {
    guint before = g_settings_get_uint (settings, "request-timeout");

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (answer), 1);
    g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 5);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (answer), 90);
    g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 90);
    g_settings_set_uint (settings, "request-timeout", before);
  }

  /* The video download policy and the cache size. */
  {
    AdwComboRow *fetch = ADW_COMBO_ROW (find_row (root, ADW_TYPE_COMBO_ROW, "_Download Videos"));
    GtkWidget *cache = vigil_test_gui_find (find_row (root, ADW_TYPE_ACTION_ROW, "Video _Cache Size"),
                                            GTK_TYPE_SPIN_BUTTON, NULL, NULL);
    g_autofree char *policy = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (fetch), ==, 0);
    adw_combo_row_set_selected (fetch, 1);
    policy = g_settings_get_string (settings, "video-fetch");
    g_assert_cmpstr (policy, ==, "on-open");
    g_settings_set_string (settings, "video-fetch", "never");
    g_assert_cmpuint (adw_combo_row_get_selected (fetch), ==, 2);
    g_settings_reset (settings, "video-fetch");

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (cache), 256);
    g_assert_cmpuint (g_settings_get_uint (settings, "video-cache-size"), ==, 256);
    g_settings_reset (settings, "video-cache-size");
  }

  /* The operator's name applies when confirmed, trimmed; an empty name is refused. */
  g_settings_set_string (settings, "operator", "Ann Lee");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (operator_row)), ==, "Ann Lee");
  gtk_editable_set_text (GTK_EDITABLE (operator_row), "  Bo Nyberg ");
  g_signal_emit_by_name (operator_row, "apply");
  {
    g_autofree char *name = g_settings_get_string (settings, "operator");
    g_assert_cmpstr (name, ==, "Bo Nyberg");
  }
  gtk_editable_set_text (GTK_EDITABLE (operator_row), "   ");
  g_signal_emit_by_name (operator_row, "apply");
  {
    g_autofree char *name = g_settings_get_string (settings, "operator");
    g_assert_cmpstr (name, ==, "Bo Nyberg");
  }

  close_preferences (preferences);
}

/* A remembered gateway is listed, and forgetting it removes it (and asks the keyring to drop
 * its password: without a keyring on the test bus that only shows a toast). */
static void
test_gateways (void)
{
  GSettings *settings = vigil_test_gui_settings ();
  VigilPreferencesWindow *preferences;
  GtkWidget *forget;

  g_settings_reset (settings, "known-gateways");
  vigil_settings_remember_gateway (settings, "https://gw-a.example:8443", "admin");
  vigil_settings_remember_gateway (settings, "https://gw-b.example", "operator&co");

  preferences = vigil_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (preferences));
  find_row (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "https://gw-a.example:8443");
  find_row (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "https://gw-b.example");

  forget = vigil_test_gui_find (GTK_WIDGET (preferences), GTK_TYPE_BUTTON, has_tooltip,
                                "Forget https://gw-a.example:8443");
  vigil_test_gui_click (forget);
  g_assert_cmpuint (n_known_gateways (settings), ==, 1);
  g_assert_null (vigil_test_gui_find (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, row_titled,
                                      "https://gw-a.example:8443"));
  find_row (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "https://gw-b.example");

  /* Let the keyring's answer arrive while the window lives. */
  vigil_test_gui_run_for (200);
  close_preferences (preferences);
  g_settings_reset (settings, "known-gateways");
}

/* The reconciliation interval reaches the site of a signed-in console. */
static void
test_applies (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (41, 1, NULL, NULL);
  GSettings *settings = vigil_test_gui_settings ();
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilSite *site;

  vigil_test_gui_connect (window, sim, 1);
  site = vigil_session_get_site (vigil_window_get_session (window));

  g_settings_set_uint (settings, "reconcile-interval", 300);
  g_assert_cmpuint (vigil_site_get_reconcile_interval (site), ==, 300);
  g_settings_set_uint (settings, "reconcile-interval", 60);
  g_assert_cmpuint (vigil_site_get_reconcile_interval (site), ==, 60);

  /* And the application's preferences open over the window. */
  g_action_group_activate_action (G_ACTION_GROUP (vigil_test_gui_application ()), "preferences", NULL);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    VigilPreferencesWindow *preferences = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (VIGIL_IS_PREFERENCES_WINDOW (l->data))
        preferences = l->data;
    g_assert_nonnull (preferences);
    close_preferences (preferences);
  }

  vigil_test_gui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/preferences-window/bound", test_bound);
  g_test_add_func ("/preferences-window/gateways", test_gateways);
  g_test_add_func ("/preferences-window/applies", test_applies);

  return g_test_run ();
}
