/* test-overview.c — the overview and the window around it, against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-overview"

#include <string.h>

#include "vigil-panel-card.h"
#include "vigil-test-gui.h"

#define N_PANELS 4

typedef struct
{
  guint index;
  char *dev_index;
  char *name;
} SimPanel;

static void
read_panel (VigilSimGateway *gateway,
            gpointer         user_data)
{
  SimPanel *panel = user_data;
  VigilSimPanel *sim_panel = vigil_sim_gateway_get_panel (gateway, panel->index);

  panel->dev_index = g_strdup (vigil_sim_panel_get_dev_index (sim_panel));
  panel->name = g_strdup (vigil_sim_panel_get_name (sim_panel));
}

static void
tamper_zone (VigilSimGateway *gateway,
             gpointer         user_data)
{
  SimPanel *panel = user_data;

  vigil_sim_panel_set_zone_tamper (vigil_sim_gateway_get_panel (gateway, panel->index), 1, TRUE);
}

static gboolean
model_is_only (GListModel *model,
               const char *dev_index)
{
  g_autoptr(VigilPanel) panel = NULL;

  if (g_list_model_get_n_items (model) != 1)
    return FALSE;
  panel = g_list_model_get_item (model, 0);
  return g_strcmp0 (vigil_panel_get_dev_index (panel), dev_index) == 0;
}

/* The search keeps the panels whose name matches; "only panels with problems" keeps those
 * with a problem, and follows a panel that gets one later. */
static void
test_filters (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (3, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilOverview *overview = vigil_window_get_overview (window);
  GListModel *model = vigil_overview_get_model (overview);
  SimPanel second = { 1, NULL, NULL };
  SimPanel third = { 2, NULL, NULL };

  vigil_test_sim_invoke_sync (sim, read_panel, &second);
  vigil_test_sim_invoke_sync (sim, read_panel, &third);
  vigil_test_gui_connect (window, sim, N_PANELS);

  vigil_overview_set_search (overview, second.name);
  vigil_test_gui_wait (model_is_only (model, second.dev_index), VIGIL_TEST_GUI_TIMEOUT);
  vigil_overview_set_search (overview, "no panel is called like this");
  vigil_test_gui_wait (g_list_model_get_n_items (model) == 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_overview_set_search (overview, "");
  vigil_test_gui_wait (g_list_model_get_n_items (model) == N_PANELS, VIGIL_TEST_GUI_TIMEOUT);

  vigil_overview_set_only_problems (overview, TRUE);
  vigil_test_gui_wait (g_list_model_get_n_items (model) == 0, VIGIL_TEST_GUI_TIMEOUT);

  /* A tamper on site: the panel joins the filtered list by itself. */
  vigil_test_sim_invoke_sync (sim, tamper_zone, &third);
  vigil_test_gui_wait (model_is_only (model, third.dev_index), VIGIL_TEST_GUI_TIMEOUT);

  vigil_overview_set_only_problems (overview, FALSE);
  vigil_test_gui_wait (g_list_model_get_n_items (model) == N_PANELS, VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_gui_close_window (window);
  g_free (second.dev_index);
  g_free (second.name);
  g_free (third.dev_index);
  g_free (third.name);
}

/* 256 panels: all in the model, but only a screenful of cards are widgets. */
static void
test_many_panels (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (5, 256, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  GtkWidget *overview = GTK_WIDGET (vigil_window_get_overview (window));
  guint n_cards;

  /* The cards come with the device list; the status of each panel follows in the background
   * (and the window closes while that sweep still runs). */
  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim),
                          vigil_test_sim_get_password (sim));
  vigil_test_gui_wait (g_list_model_get_n_items (vigil_overview_get_model (VIGIL_OVERVIEW (overview))) == 256,
                       VIGIL_TEST_GUI_TIMEOUT * 3);
  vigil_test_gui_wait (vigil_test_gui_count (overview, VIGIL_TYPE_PANEL_CARD) > 0, VIGIL_TEST_GUI_TIMEOUT);

  n_cards = vigil_test_gui_count (overview, VIGIL_TYPE_PANEL_CARD);
  g_test_message ("%u card widgets for 256 panels", n_cards);
  g_assert_cmpuint (n_cards, <, 256);

  vigil_test_gui_close_window (window);
}

/* Activating a card opens the panel's page; Back returns to the cards. */
static void
test_open_panel (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (3, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  GtkWidget *overview = GTK_WIDGET (vigil_window_get_overview (window));
  g_autoptr(VigilPanel) first = NULL;
  GtkWidget *grid;

  vigil_test_gui_connect (window, sim, N_PANELS);
  first = g_list_model_get_item (vigil_overview_get_model (VIGIL_OVERVIEW (overview)), 0);

  grid = vigil_test_gui_find (overview, GTK_TYPE_GRID_VIEW, NULL, NULL);
  g_signal_emit_by_name (grid, "activate", 0);
  g_assert_true (vigil_panel_page_get_panel (vigil_window_get_panel_page (window)) == first);
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (vigil_window_get_panel_page (window))),
                       VIGIL_TEST_GUI_TIMEOUT);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  vigil_test_gui_wait (gtk_widget_get_mapped (overview) &&
                       !gtk_widget_get_child_visible (GTK_WIDGET (vigil_window_get_panel_page (window))),
                       VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_gui_close_window (window);
}

/* The console fits a 360 px wide window, on the connect page and in the panel page. */
static void
test_narrow (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (3, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  g_autoptr(VigilPanel) first = NULL;
  int minimum;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  vigil_test_gui_connect (window, sim, N_PANELS);
  first = g_list_model_get_item (vigil_overview_get_model (vigil_window_get_overview (window)), 0);
  vigil_window_show_panel (window, first);
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (vigil_window_get_panel_page (window))),
                       VIGIL_TEST_GUI_TIMEOUT);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  vigil_test_gui_close_window (window);
}

static void
drop_streams (VigilSimGateway *gateway,
              gpointer         user_data)
{
  g_autoptr(GArray) ids = vigil_sim_gateway_dup_subscription_ids (gateway);

  for (guint i = 0; i < ids->len; i++)
    vigil_sim_gateway_inject_stream_fault (gateway, g_array_index (ids, guint, i),
                                           VIGIL_SIM_STREAM_FAULT_DROP_MID_PART);
}

static void
fast_heartbeat (VigilSimGateway *gateway,
                gpointer         user_data)
{
  vigil_sim_gateway_set_heartbeat_interval (gateway, 200);
}

static gboolean
indicator_says (VigilWindow *window,
                const char  *prefix)
{
  return g_str_has_prefix (vigil_link_indicator_get_text (vigil_window_get_link_indicator (window)), prefix);
}

/* The header follows the event stream: online, reconnecting when it drops, online again. */
static void
test_link_state (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (3, N_PANELS, fast_heartbeat, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();

  g_assert_true (indicator_says (window, "Not connected"));
  vigil_test_gui_connect (window, sim, N_PANELS);
  vigil_test_gui_wait (indicator_says (window, "Online"), VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_sim_invoke_sync (sim, drop_streams, NULL);
  vigil_test_gui_wait (indicator_says (window, "Reconnecting"), VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (indicator_says (window, "Online"), VIGIL_TEST_GUI_TIMEOUT * 2);

  vigil_test_gui_close_window (window);
}

/* "Try the demo gateway": the simulator starts in its own thread and the console signs in. */
static void
test_demo (void)
{
  VigilWindow *window = vigil_test_gui_new_window ();
  GtkWidget *page = GTK_WIDGET (vigil_window_get_connect_page (window));
  VigilSite *site;

  vigil_test_gui_click (vigil_test_gui_find_button (page, "Try the Demo Gateway"));
  /* The demo gateway starts with twelve panels and their history: on a loaded, sanitized
   * run signing in to it has taken over a minute. */
  vigil_test_gui_wait (vigil_window_get_session (window) != NULL, VIGIL_TEST_GUI_TIMEOUT * 3);
  g_assert_nonnull (vigil_window_get_demo (window));

  site = vigil_session_get_site (vigil_window_get_session (window));
  vigil_test_gui_wait (vigil_site_get_last_refresh (site) != NULL, VIGIL_TEST_GUI_TIMEOUT * 3);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_overview_get_model (vigil_window_get_overview (window))), ==, 12);
  vigil_test_gui_wait (indicator_says (window, "Online"), VIGIL_TEST_GUI_TIMEOUT);

  vigil_test_gui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/overview/filters", test_filters);
  g_test_add_func ("/overview/many-panels", test_many_panels);
  g_test_add_func ("/overview/open-panel", test_open_panel);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/link-state", test_link_state);
  g_test_add_func ("/window/demo", test_demo);

  return g_test_run ();
}
