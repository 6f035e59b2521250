/* vigil-bench-window.c — the console's window: first frame, memory, alarms drawn
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * first frame  a new process making the console's window, from exec to its first painted
 *              frame  vs  a new process making a bare GtkWindow with a label (GTK's floor)
 * memory       resident memory of the process with the window signed in to 256 panels
 *              vs  the bare window's process
 * drawn        an alarm raised by the simulator → the first frame painted after it reached
 *              the queue model and the panel's zone, with 1,000 background events/s
 *              vs  the same alarm decoded off the stream
 * Runs under Xvfb (build-aux/bench.sh, the meson test); both children use the renderer of
 * the parent's environment (cairo unless GSK_RENDERER says otherwise, as in the GUI tests).
 */
#define G_LOG_DOMAIN "vigil-bench-window"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-bench.h"
#include "vigil-bench-load.h"
#include "vigil-journal.h"
#include "vigil-test-gui.h"

#define ALARMS_PER_SECOND 50

/* ---- The children: exec → first frame ---- */

static void
on_first_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  /* The monotonic clock is the parent's too: it subtracts its time of the spawn. */
  printf ("%" G_GINT64_FORMAT " %" G_GUINT64_FORMAT "\n", g_get_monotonic_time (), vigil_bench_rss ());
  fflush (stdout);
  exit (0);
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), NULL);
}

static int
run_child (const char *what,
           int         argc,
           char      **argv)
{
  GtkWidget *window;

  if (g_str_equal (what, "bare"))
    {
      gtk_init ();
      adw_init ();
      window = gtk_window_new ();
      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Vigil"));
    }
  else
    {
      vigil_test_gui_init (&argc, &argv);
      window = GTK_WIDGET (vigil_window_new (vigil_test_gui_application ()));
    }
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  /* on_first_paint() ends the process. */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

typedef struct
{
  double seconds;
  guint64 rss;
} FirstFrame;

static FirstFrame
spawn_child (const char *self_path,
             const char *what)
{
  const char *argv[] = { self_path, "--child", what, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  long long painted = 0;
  unsigned long long rss = 0;
  FirstFrame frame;
  int status;

  const char *last;

  /* gtk_test_init() writes lines of its own first: the figures are the last line. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("The %s window's process: %s", what, error->message);
  g_strchomp (out);
  last = strrchr (out, '\n');
  last = last != NULL ? last + 1 : out;
  if (sscanf (last, "%lld %llu", &painted, &rss) != 2)
    g_error ("The %s window's process said: %s", what, out);

  frame.seconds = (painted - t0) / (double) G_USEC_PER_SEC;
  frame.rss = rss;
  return frame;
}

/* ---- The parent ---- */

typedef struct
{
  VigilBenchLoad *load;
  GArray *to_stream;
  GArray *to_drawn;
  GArray *pending;     /* gint64: when each alarm not drawn yet was raised */
  guint n_alarms;
} Drawn;

static void
sim_start_load (VigilSimGateway *gateway,
                gpointer         user_data)
{
  vigil_bench_load_start (user_data, gateway);
}

static void
sim_stop_load (VigilSimGateway *gateway,
               gpointer         user_data)
{
  vigil_bench_load_stop (user_data);
}

static void
add_sample (GArray *samples,
            gint64  since)
{
  double seconds = (g_get_monotonic_time () - since) / (double) G_USEC_PER_SEC;

  g_array_append_val (samples, seconds);
}

/* Connected after the journal's handler: by now the alarm is in the queue model and the
 * panel's zone is in alarm; the frame that follows is the first that can show it. */
static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          Drawn            *drawn)
{
  gint64 at = vigil_bench_load_raised_at (drawn->load, event);

  if (at == 0)
    return;
  add_sample (drawn->to_stream, at);
  g_array_append_val (drawn->pending, at);
}

static void
on_after_paint (GdkFrameClock *clock,
                Drawn         *drawn)
{
  for (guint i = 0; i < drawn->pending->len; i++)
    add_sample (drawn->to_drawn, g_array_index (drawn->pending, gint64, i));
  g_array_set_size (drawn->pending, 0);
}

static gboolean
all_drawn (Drawn *drawn)
{
  return drawn->to_drawn->len >= drawn->n_alarms;
}

static guint
count_cards (VigilWindow *window)
{
  return g_list_model_get_n_items (vigil_overview_get_model (vigil_window_get_overview (window)));
}

int
main (int   argc,
      char *argv[])
{
  VigilBenchOptions options;
  g_autoptr(VigilTestSim) sim = NULL;
  VigilWindow *window;
  FirstFrame bare = { G_MAXDOUBLE, 0 };
  FirstFrame vigil = { G_MAXDOUBLE, 0 };
  Drawn drawn = { 0 };
  guint n_panels, background;
  guint64 rss;
  gulong after_paint;
  char figure[160], measured[160], limit[160], ratio[32];

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argc - 2, argv + 2);

  vigil_bench_parse_options (&argc, &argv, &options);
  n_panels = options.sanitized ? 16 : options.smoke ? 32 : 256;
  /* Under the sanitizers the main loop is ten times slower: a load it can still keep up with. */
  drawn.n_alarms = options.sanitized ? 10 : options.smoke ? 30 : 1000;
  background = options.sanitized ? 20 : options.smoke ? 300 : 1000;

  /* First frames: the best of three of each, alternated so that both see the same machine. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* Connected to the display before the children come and go: an X server that resets when
   * its last client leaves (Xvfb without -noreset) refuses connections while it resets. */
  vigil_test_gui_init (&argc, &argv);
  for (guint r = 0; r < (options.smoke ? 1 : 3); r++)
    {
      FirstFrame frame = spawn_child (argv[0], "bare");

      if (frame.seconds < bare.seconds)
        bare = frame;
      frame = spawn_child (argv[0], "vigil");
      if (frame.seconds < vigil.seconds)
        vigil = frame;
    }
  g_snprintf (measured, sizeof measured, "%.0f ms", vigil.seconds * 1000);
  g_snprintf (limit, sizeof limit, "bare GtkWindow process: %.0f ms", bare.seconds * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f×", vigil.seconds / bare.seconds);
  vigil_bench_row (&options, "Start-up: exec → first frame of the window", measured, limit, ratio,
                   "≤ 500 ms", vigil.seconds <= 0.5);

  /* The window signed in to the site. */
  sim = vigil_test_sim_new_full (31, n_panels, NULL, NULL);
  window = vigil_test_gui_new_window ();
  vigil_test_gui_connect (window, sim, n_panels);
  vigil_test_gui_wait (count_cards (window) == n_panels, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_run_for (1000);
  rss = vigil_bench_rss ();
  g_snprintf (figure, sizeof figure, "Window resident memory, %u panels", n_panels);
  g_snprintf (measured, sizeof measured, "%.0f MB (whole process, simulator thread included)", rss / 1e6);
  g_snprintf (limit, sizeof limit, "bare GtkWindow process: %.0f MB", bare.rss / 1e6);
  g_snprintf (ratio, sizeof ratio, "%.1f×", rss / (double) MAX (bare.rss, 1));
  vigil_bench_row (&options, figure, measured, limit, ratio, "≤ 200 MB", rss <= 200 * 1000 * 1000);

  /* Alarms drawn, the alarm queue on screen. */
  drawn.load = vigil_bench_load_new (drawn.n_alarms, ALARMS_PER_SECOND, background);
  drawn.to_stream = g_array_new (FALSE, FALSE, sizeof (double));
  drawn.to_drawn = g_array_new (FALSE, FALSE, sizeof (double));
  drawn.pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (window), "alarms");
  g_signal_connect (vigil_session_get_stream (vigil_window_get_session (window)), "event",
                    G_CALLBACK (on_event), &drawn);
  after_paint = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                                  G_CALLBACK (on_after_paint), &drawn);
  vigil_test_sim_invoke_sync (sim, sim_start_load, drawn.load);
  vigil_test_gui_wait (all_drawn (&drawn),
                       drawn.n_alarms / ALARMS_PER_SECOND + VIGIL_TEST_GUI_TIMEOUT * 3);
  vigil_test_sim_invoke_sync (sim, sim_stop_load, drawn.load);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), after_paint);
  g_signal_handlers_disconnect_by_data (vigil_session_get_stream (vigil_window_get_session (window)), &drawn);

  {
    double p99 = vigil_bench_percentile (drawn.to_drawn, 99);
    double limit_p99 = vigil_bench_percentile (drawn.to_stream, 99);

    g_snprintf (figure, sizeof figure, "Alarm → drawn in the window (%u alarms, %u background events/s, %u panels)",
                drawn.n_alarms, background, n_panels);
    g_snprintf (measured, sizeof measured, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                vigil_bench_percentile (drawn.to_drawn, 50) * 1000, p99 * 1000,
                vigil_bench_percentile (drawn.to_drawn, 100) * 1000);
    g_snprintf (limit, sizeof limit, "on the stream (decoded): p50 %.2f ms, p99 %.2f ms",
                vigil_bench_percentile (drawn.to_stream, 50) * 1000, limit_p99 * 1000);
    g_snprintf (ratio, sizeof ratio, "%.1f× at p99", p99 / MAX (limit_p99, 1e-6));
    vigil_bench_row (&options, figure, measured, limit, ratio, "p99 ≤ 50 ms", p99 <= 0.050);
  }

  /* Whatever the last events started settles before the window goes. */
  vigil_test_gui_run_for (1000);
  vigil_test_gui_close_window (window);
  vigil_bench_load_free (drawn.load);
  g_array_unref (drawn.to_stream);
  g_array_unref (drawn.to_drawn);
  g_array_unref (drawn.pending);
  return 0;
}
