/* vigil-bench-latency.c — from the simulator raising an alarm to the queue and the database
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator (its own thread) raises alarms among a steady background of routine events;
 * the client side does what the console's journal does with each event (vigil-journal.c):
 * the alarm queue's fast path, then the store. Both sides share one monotonic clock, so an
 * alarm's latency is exact: raised → in the queue model (a), → committed in SQLite (b).
 * The limit beside each figure is the moment the alarm came off the stream, decoded: the
 * loopback transport, libsoup and the parser, before which nothing can show it.
 */
#define G_LOG_DOMAIN "vigil-bench-latency"

#include <stdio.h>

#include "vigil-alarm-queue.h"
#include "vigil-bench.h"
#include "vigil-bench-load.h"
#include "vigil-event-store.h"
#include "vigil-event-stream.h"
#include "vigil-sim-thread.h"

#define SEED      11
#define N_PANELS  8
#define USER      "admin"
#define PASSWORD  "Vigil-bench-1"
#define ALARMS_PER_SECOND 50

typedef struct
{
  VigilBenchOptions options;
  guint n_alarms;
  guint background_per_second;
  VigilBenchLoad *load;

  GArray *to_stream;             /* seconds: raised → decoded off the stream */
  GArray *to_queue;              /* raised → in the alarm queue model */
  GArray *to_commit;             /* raised → committed */
  VigilAlarmQueue *queue;
  VigilEventStore *store;
  guint n_committed;
} Bench;

static void
sim_setup (VigilSimGateway *gateway,
           gpointer         user_data)
{
  vigil_sim_gateway_set_credentials (gateway, USER, PASSWORD);
}

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

/* As VigilJournal does it: the queue first (what the operator sees), then the store. */
static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          Bench            *bench)
{
  gint64 at = vigil_bench_load_raised_at (bench->load, event);

  if (at != 0)
    add_sample (bench->to_stream, at);
  vigil_alarm_queue_push (bench->queue, event);
  if (at != 0)
    add_sample (bench->to_queue, at);
  vigil_event_store_append (bench->store, event);
}

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n_items,
              Bench                  *bench)
{
  for (guint i = 0; i < n_items; i++)
    {
      gint64 at = vigil_bench_load_raised_at (bench->load, items[i].event);

      if (at != 0)
        {
          add_sample (bench->to_commit, at);
          bench->n_committed++;
        }
    }
}

static void
print_row (Bench      *bench,
           const char *figure,
           GArray     *samples,
           GArray     *limit,
           double      target_p99)
{
  double p50 = vigil_bench_percentile (samples, 50);
  double p99 = vigil_bench_percentile (samples, 99);
  double max = vigil_bench_percentile (samples, 100);
  double limit_p99 = vigil_bench_percentile (limit, 99);
  char measured[128], limit_text[128], ratio[32], target[32];

  g_snprintf (measured, sizeof measured, "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
              p50 * 1000, p99 * 1000, max * 1000);
  g_snprintf (limit_text, sizeof limit_text, "on the stream (decoded): p50 %.2f ms, p99 %.2f ms",
              vigil_bench_percentile (limit, 50) * 1000, limit_p99 * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f× at p99", p99 / MAX (limit_p99, 1e-6));
  g_snprintf (target, sizeof target, "p99 ≤ %.0f ms", target_p99 * 1000);
  vigil_bench_row (&bench->options, figure, measured, limit_text, ratio, target, p99 <= target_p99);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSimThread) sim = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilEventStream) stream = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Bench bench = { 0 };
  double deadline;

  vigil_bench_parse_options (&argc, &argv, &bench.options);
  bench.n_alarms = bench.options.smoke ? 50 : 1000;
  bench.background_per_second = bench.options.sanitized ? 100 : bench.options.smoke ? 300 : 1000;
  bench.load = vigil_bench_load_new (bench.n_alarms, ALARMS_PER_SECOND, bench.background_per_second);
  bench.to_stream = g_array_new (FALSE, FALSE, sizeof (double));
  bench.to_queue = g_array_new (FALSE, FALSE, sizeof (double));
  bench.to_commit = g_array_new (FALSE, FALSE, sizeof (double));

  dir = vigil_bench_make_tmp_dir ();
  path = g_build_filename (dir, "latency.db", NULL);
  bench.store = vigil_event_store_new_sync (path, NULL, &error);
  if (bench.store == NULL)
    g_error ("Store: %s", error->message);
  bench.queue = vigil_alarm_queue_new (bench.store);
  g_signal_connect (bench.store, "committed", G_CALLBACK (on_committed), &bench);

  sim = vigil_sim_thread_new (SEED, N_PANELS, sim_setup, NULL, &error);
  if (sim == NULL)
    g_error ("Simulator: %s", error->message);
  client = vigil_client_new (vigil_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (client, USER, PASSWORD);
  stream = vigil_event_stream_new (client);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), &bench);
  vigil_event_stream_start (stream);

  deadline = vigil_bench_now () + 30;
  while (vigil_event_stream_get_state (stream) != VIGIL_STREAM_ONLINE
         || vigil_event_stream_get_subscription_id (stream) < 0
         || !vigil_alarm_queue_get_loaded (bench.queue))
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > deadline)
        g_error ("The stream did not come online");
    }

  vigil_sim_thread_call (sim, sim_start_load, bench.load);
  deadline = vigil_bench_now () + bench.n_alarms / (double) ALARMS_PER_SECOND
             + (bench.options.sanitized ? 300 : 60);
  while (bench.n_committed < bench.n_alarms)
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > deadline)
        g_error ("%u of %u alarms committed", bench.n_committed, bench.n_alarms);
    }
  vigil_sim_thread_call (sim, sim_stop_load, bench.load);

  if (bench.to_queue->len != bench.n_alarms || vigil_alarm_queue_get_n_open (bench.queue) < bench.n_alarms)
    g_error ("%u alarms reached the queue, %u open, of %u", bench.to_queue->len,
             vigil_alarm_queue_get_n_open (bench.queue), bench.n_alarms);

  {
    char figure[128];

    g_snprintf (figure, sizeof figure, "Alarm → queue model (%u alarms, %u background events/s)",
                bench.n_alarms, bench.background_per_second);
    print_row (&bench, figure, bench.to_queue, bench.to_stream, 0.020);
    g_snprintf (figure, sizeof figure, "Alarm → committed in SQLite (%u alarms)", bench.n_alarms);
    print_row (&bench, figure, bench.to_commit, bench.to_stream, 0.250);
  }

  g_signal_handlers_disconnect_by_data (stream, &bench);
  g_clear_object (&stream);
  g_clear_object (&client);
  vigil_sim_thread_stop (sim);
  g_clear_object (&bench.queue);
  vigil_event_store_close (bench.store);
  g_clear_object (&bench.store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  vigil_bench_remove_dir (dir);
  vigil_bench_load_free (bench.load);
  g_array_unref (bench.to_stream);
  g_array_unref (bench.to_queue);
  g_array_unref (bench.to_commit);
  return 0;
}
