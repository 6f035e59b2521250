/* vigil-test-gui.c — driving the real console window in widget tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-test-gui"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "vigil-test-gui.h"

#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define VIGIL_TEST_ASAN 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__)
# define VIGIL_TEST_ASAN 1
#endif

#ifdef VIGIL_TEST_ASAN
/* LeakSanitizer's tracer crashes on the dynamic TLS of the GnuTLS module glib-networking
 * loads for an https gateway ("Tracer caught signal 11"); without intercepting
 * __tls_get_addr it scans the threads fine. ASAN_OPTIONS from the environment still apply. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "intercept_tls_get_addr=0";
}
#endif

static VigilApplication *application;
static char *data_home;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_data_home (void)
{
  if (data_home != NULL)
    remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

void
vigil_test_gui_init (int    *argc,
                     char ***argv)
{
  /* The console keeps its event store in the user's data directory: each test run gets its own
   * (never the real one), removed when the test ends. Set before anything reads it. */
  data_home = g_dir_make_tmp ("vigil-test-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  atexit (remove_data_home);

  /* Software GL (llvmpipe) compiles shaders with LLVM's JIT, which deadlocks under
   * AddressSanitizer's slow unwinder; the cairo renderer draws the same widgets without it. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Focusing an entry selects its text, which claims the X PRIMARY selection; GDK then reads
   * the selection's targets from itself, and a read still open when the test ends is
   * reported as a leak. Nothing here depends on that selection. */
  g_object_set (gtk_settings_get_default (), "gtk-entry-select-on-focus", FALSE, NULL);

  /* GNOME's title bar has a close button only (a bare X server would add minimize and maximize,
   * 74 px that a narrow-window measurement would then count against the header). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  /* No transitions: a test asserts what the console shows, not how it slides there, and a
   * leaflet closed in the middle of a transition under AddressSanitizer lost one of GTK's
   * cached render nodes (libadwaita 1.2 draws both children itself while it slides). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

VigilApplication *
vigil_test_gui_application (void)
{
  g_autoptr(GError) error = NULL;

  if (application != NULL)
    return application;

  /* Not unique: parallel tests must not find each other on the bus. */
  application = vigil_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* Sanitized, GTK's own work on the main thread (a new window's first frames) took up to 9 s
   * at a time with two tests on two cores: enough, twice, to use up the 15 s a sign-in may
   * take before it counts as not answered. The preference an installer on a slow link raises. */
  if (g_getenv ("VIGIL_TEST_SANITIZED") != NULL)
    g_settings_set_uint (vigil_application_get_settings (application), "request-timeout",
                         g_strcmp0 (g_getenv ("VIGIL_TEST_SANITIZED"), "memcheck") == 0 ? 300 : 60);

  return application;
}

GSettings *
vigil_test_gui_settings (void)
{
  return vigil_application_get_settings (vigil_test_gui_application ());
}

VigilWindow *
vigil_test_gui_new_window (void)
{
  VigilWindow *window = vigil_window_new (vigil_test_gui_application ());

  gtk_window_present (GTK_WINDOW (window));
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (window)), VIGIL_TEST_GUI_TIMEOUT);
  return window;
}

void
vigil_test_gui_close_window (VigilWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Whatever the window started (reads, the unsubscription) lets go of it soon. */
  vigil_test_gui_wait (weak == NULL, VIGIL_TEST_GUI_TIMEOUT);
}

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
vigil_test_gui_iterate (void)
{
  gboolean fired = FALSE;
  guint id = g_timeout_add (10, wake, &fired);

  g_main_context_iteration (NULL, TRUE);
  if (!fired)
    g_source_remove (id);
}

void
vigil_test_gui_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    vigil_test_gui_iterate ();
}

GtkWidget *
vigil_test_gui_find (GtkWidget     *root,
                     GType          type,
                     gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                     gconstpointer  data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vigil_test_gui_find (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint
vigil_test_gui_count (GtkWidget *root,
                      GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += vigil_test_gui_count (child, type);

  return n;
}

static char *
without_underlines (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  g_autofree char *plain = without_underlines (gtk_label_get_label (GTK_LABEL (widget)));

  return g_strcmp0 (plain, data) == 0;
}

static gboolean
button_is (GtkWidget     *widget,
           gconstpointer  data)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (widget));

  if (label != NULL)
    {
      g_autofree char *plain = without_underlines (label);
      return g_strcmp0 (plain, data) == 0;
    }

  /* A button with a box of its own (a spinner and a label) is named by that label. */
  return vigil_test_gui_find (widget, GTK_TYPE_LABEL, label_is, data) != NULL;
}

GtkWidget *
vigil_test_gui_find_button (GtkWidget  *root,
                            const char *label)
{
  return vigil_test_gui_find (root, GTK_TYPE_BUTTON, button_is, label);
}

void
vigil_test_gui_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  /* gtk_widget_activate() would fire "clicked" a quarter of a second later. */
  g_signal_emit_by_name (button, "clicked");
}

AdwMessageDialog *
vigil_test_gui_find_dialog (GtkWindow  *parent,
                            const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (!ADW_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (parent != NULL && gtk_window_get_transient_for (window) != parent)
        continue;
      if (heading != NULL &&
          strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == NULL)
        continue;
      return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

void
vigil_test_gui_sign_in (VigilWindow *window,
                        const char  *url,
                        const char  *user,
                        const char  *password)
{
  GtkWidget *page = GTK_WIDGET (vigil_window_get_connect_page (window));
  GtkWidget *url_row = vigil_test_gui_find (page, ADW_TYPE_ENTRY_ROW, row_titled, "Gateway Address");
  GtkWidget *user_row = vigil_test_gui_find (page, ADW_TYPE_ENTRY_ROW, row_titled, "User");
  GtkWidget *password_row = vigil_test_gui_find (page, ADW_TYPE_PASSWORD_ENTRY_ROW, row_titled, "Password");

  g_assert_nonnull (url_row);
  g_assert_nonnull (user_row);
  g_assert_nonnull (password_row);

  gtk_editable_set_text (GTK_EDITABLE (url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (password_row), password);
  vigil_test_gui_click (vigil_test_gui_find_button (page, "Connect"));
}

/* The sign-in ended without a session: the page shows why. */
static gboolean
sign_in_refused (VigilWindow *window)
{
  VigilConnectPage *page = vigil_window_get_connect_page (window);
  g_autofree char *error = NULL;

  if (vigil_connect_page_get_busy (page))
    return FALSE;
  error = vigil_connect_page_dup_error_text (page);
  return error != NULL && *error != '\0';
}

void
vigil_test_gui_connect (VigilWindow  *window,
                        VigilTestSim *sim,
                        guint         n_panels)
{
  VigilSite *site;

  vigil_test_gui_sign_in (window, vigil_test_sim_get_url (sim), vigil_test_sim_get_user (sim),
                          vigil_test_sim_get_password (sim));

  vigil_test_gui_wait (vigil_window_get_session (window) != NULL || sign_in_refused (window),
                       VIGIL_TEST_GUI_TIMEOUT);
  if (vigil_window_get_session (window) == NULL)
    {
      g_autofree char *error = vigil_connect_page_dup_error_text (vigil_window_get_connect_page (window));
      g_autofree char *message = g_strdup_printf ("the sign-in failed: %s", error);

      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
    }
  site = vigil_session_get_site (vigil_window_get_session (window));
  vigil_test_gui_wait (vigil_site_get_last_refresh (site) != NULL && !vigil_site_get_loading (site),
                       VIGIL_TEST_GUI_TIMEOUT * 3);
  vigil_test_gui_wait (g_list_model_get_n_items (vigil_overview_get_model (vigil_window_get_overview (window)))
                         == n_panels,
                       VIGIL_TEST_GUI_TIMEOUT);
}
