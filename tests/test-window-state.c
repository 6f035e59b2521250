/* test-window-state.c — the window comes back as it was left, and fits a narrow screen
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window-state"

#include "vigil-test-gui.h"

/* Closing as a person does (close-request), then waiting until the window is gone. */
static void
close_like_a_person (VigilWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  vigil_test_gui_wait (weak == NULL, VIGIL_TEST_GUI_TIMEOUT);
}

/* The size of the last session is the size of the next one. */
static void
test_size_remembered (void)
{
  GSettings *settings = vigil_test_gui_settings ();
  VigilWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = vigil_test_gui_new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* The operator makes it larger, then closes it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  close_like_a_person (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = vigil_test_gui_new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  vigil_test_gui_close_window (window);
}

/* A window closed maximized opens maximized. */
static void
test_maximized_remembered (void)
{
  GSettings *settings = vigil_test_gui_settings ();
  VigilWindow *window;

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = vigil_test_gui_new_window ();
  vigil_test_gui_wait (gtk_window_is_maximized (GTK_WINDOW (window)), VIGIL_TEST_GUI_TIMEOUT);
  close_like_a_person (window);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_settings_set_boolean (settings, "window-maximized", FALSE);
}

/* 360 pixels wide is enough: the window asks for no more, and lays out in that width. */
static void
test_narrow (void)
{
  GSettings *settings = vigil_test_gui_settings ();
  VigilWindow *window;
  int minimum;
  int width_request;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  window = vigil_test_gui_new_window ();

  gtk_widget_get_size_request (GTK_WIDGET (window), &width_request, NULL);
  g_assert_cmpint (width_request, ==, 360);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  vigil_test_gui_close_window (window);
}

/* The dark style has its own additions (style-dark.css), and the window follows the style
 * manager when the operator switches to dark. */
static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GBytes) dark = NULL;
  VigilWindow *window;

  dark = g_resources_lookup_data ("/io/github/vigilconsole/Vigil/style-dark.css", 0, NULL);
  g_assert_nonnull (dark);

  window = vigil_test_gui_new_window ();
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  vigil_test_gui_wait (adw_style_manager_get_dark (manager), VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_run_for (50);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  vigil_test_gui_wait (!adw_style_manager_get_dark (manager), VIGIL_TEST_GUI_TIMEOUT);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  vigil_test_gui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/window-state/size-remembered", test_size_remembered);
  g_test_add_func ("/window-state/maximized-remembered", test_maximized_remembered);
  g_test_add_func ("/window-state/narrow", test_narrow);
  g_test_add_func ("/window-state/dark-style", test_dark_style);

  return g_test_run ();
}
