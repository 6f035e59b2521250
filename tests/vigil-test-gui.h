/* vigil-test-gui.h — driving the real console window in widget tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window runs on the test's main context; the simulated gateway runs in its own thread
 * (vigil-test-sim.h). Waits are on conditions, with deadlines of several seconds, never
 * fixed sleeps: the tests run on a loaded two-core machine.
 */
#pragma once

#include <adwaita.h>

#include "vigil-application.h"
#include "vigil-test-sim.h"
#include "vigil-window.h"

G_BEGIN_DECLS

/* Seconds to wait for anything that involves the network and the simulator. Under valgrind's
 * memcheck (build-aux/valgrind.sh sets VIGIL_TEST_SANITIZED=memcheck) building the session's
 * pages alone takes over a minute on two shared cores. */
#define VIGIL_TEST_GUI_TIMEOUT                                                   \
  (g_strcmp0 (g_getenv ("VIGIL_TEST_SANITIZED"), "memcheck") == 0 ? 240 :      \
   g_getenv ("VIGIL_TEST_SANITIZED") ? 60 : 20)

void              vigil_test_gui_init             (int    *argc,
                                                   char ***argv);
/* The application of the test (registered, its settings in memory). */
VigilApplication *vigil_test_gui_application      (void);
GSettings        *vigil_test_gui_settings         (void);
/* A new, shown window; destroy it with vigil_test_gui_close_window(). */
VigilWindow      *vigil_test_gui_new_window       (void);
void              vigil_test_gui_close_window     (VigilWindow *window);

/* One turn of the main context, blocking at most a few milliseconds. */
void              vigil_test_gui_iterate          (void);
/* Lets the main context run for @ms milliseconds (only to show that nothing happens). */
void              vigil_test_gui_run_for          (guint ms);

#define vigil_test_gui_wait(condition, seconds)                                         \
  G_STMT_START {                                                                       \
    gint64 _vigil_deadline = g_get_monotonic_time () + (gint64) (seconds) * G_USEC_PER_SEC; \
    while (!(condition))                                                               \
      {                                                                                \
        if (g_get_monotonic_time () > _vigil_deadline)                                 \
          g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,            \
                               "timed out waiting for: " #condition);                  \
        vigil_test_gui_iterate ();                                                     \
      }                                                                                \
  } G_STMT_END

/* The first widget of @type under @root (depth first) for which @match (nullable) is TRUE. */
GtkWidget        *vigil_test_gui_find             (GtkWidget   *root,
                                                   GType        type,
                                                   gboolean   (*match) (GtkWidget *widget, gconstpointer data),
                                                   gconstpointer data);
guint             vigil_test_gui_count            (GtkWidget   *root,
                                                   GType        type);
/* A button under @root whose label (without mnemonic underscores) is @label. */
GtkWidget        *vigil_test_gui_find_button      (GtkWidget   *root,
                                                   const char  *label);
/* What a person would click: a visible, sensitive button's "clicked". */
void              vigil_test_gui_click            (GtkWidget   *button);
/* A message dialog shown over @parent whose heading contains @heading (NULL: any). */
AdwMessageDialog *vigil_test_gui_find_dialog      (GtkWindow   *parent,
                                                   const char  *heading);

/* Types the address and credentials into the connect page and presses Connect. */
void              vigil_test_gui_sign_in          (VigilWindow *window,
                                                   const char  *url,
                                                   const char  *user,
                                                   const char  *password);
/* Signs in to @sim and waits until the overview shows its @n_panels panels, all read. */
void              vigil_test_gui_connect          (VigilWindow  *window,
                                                   VigilTestSim *sim,
                                                   guint         n_panels);

G_END_DECLS
