/* vigil-bench-scale.c — a site of 256 panels and an event log of a million events
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sweep  VigilSite reads every panel (deviceList, then subSystems, zones and exDevStatus of
 *        each, four at a time over kept-alive connections) and builds the models
 *        vs  a bare SoupSession making the same status requests, as many at a time, with
 *        Digest, bodies thrown away: what the gateway and the loopback cost
 * log    VigilEventLogModel over 1,000,000 events: the first page shown, a page far down,
 *        the first page of a text filter
 *        vs  the same SQLite queries on a connection of their own (max id and the newest
 *        page; the page by id; the FTS match and its newest page)
 */
#define G_LOG_DOMAIN "vigil-bench-scale"

#include <libsoup/soup.h>
#include <sqlite3.h>

#include "vigil-bench.h"
#include "vigil-event-log-model.h"
#include "vigil-event-row.h"
#include "vigil-event-store.h"
#include "vigil-multipart.h"
#include "vigil-panel.h"
#include "vigil-site.h"
#include "vigil-sim-replay.h"
#include "vigil-sim-thread.h"

#define SEED        21
#define USER        "admin"
#define PASSWORD    "Vigil-bench-1"
#define TEXT        "fire"

typedef struct
{
  VigilBenchOptions options;
  guint n_panels;
  guint64 n_log_events;
  char *dir;
} Bench;

static void
sim_setup (VigilSimGateway *gateway,
           gpointer         user_data)
{
  vigil_sim_gateway_set_credentials (gateway, USER, PASSWORD);
}

static void
wait_for (gboolean   *flag,
          double      seconds,
          const char *what)
{
  double deadline = vigil_bench_now () + seconds;

  while (!*flag)
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > deadline)
        g_error ("Timed out: %s", what);
    }
}

/* ---- The sweep ---- */

typedef struct
{
  SoupSession *session;
  GQueue paths;
  guint in_flight;
  guint n_done;
  gboolean done;
} BareSweep;

static void bare_next (BareSweep *sweep);

static void
on_bare_authenticate (SoupMessage *msg,
                      SoupAuth    *auth,
                      gboolean     retrying,
                      gpointer     user_data)
{
  if (!retrying)
    soup_auth_authenticate (auth, USER, PASSWORD);
}

static void
on_bare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BareSweep *sweep = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (body == NULL)
    g_error ("Bare sweep: %s", error->message);
  sweep->in_flight--;
  sweep->n_done++;
  bare_next (sweep);
}

static void
bare_next (BareSweep *sweep)
{
  while (sweep->in_flight < VIGIL_SITE_SWEEP_CONCURRENCY && !g_queue_is_empty (&sweep->paths))
    {
      g_autofree char *uri = g_queue_pop_head (&sweep->paths);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

      g_signal_connect (msg, "authenticate", G_CALLBACK (on_bare_authenticate), NULL);
      sweep->in_flight++;
      soup_session_send_and_read_async (sweep->session, msg, G_PRIORITY_DEFAULT, NULL,
                                        on_bare_done, sweep);
    }
  if (sweep->in_flight == 0 && g_queue_is_empty (&sweep->paths))
    sweep->done = TRUE;
}

static double
bare_sweep (Bench      *bench,
            const char *base,
            GStrv       dev_indexes)
{
  static const char * const what[] = { "subSystems", "zones", "exDevStatus" };
  BareSweep sweep = { 0 };
  double t0;

  sweep.session = soup_session_new_with_options ("max-conns", 8, "max-conns-per-host",
                                                 VIGIL_SITE_SWEEP_CONCURRENCY, NULL);
  g_queue_init (&sweep.paths);
  for (guint i = 0; dev_indexes[i] != NULL; i++)
    for (guint w = 0; w < G_N_ELEMENTS (what); w++)
      g_queue_push_tail (&sweep.paths, g_strdup_printf ("%s/ISAPI/SecurityCP/status/%s?format=json&devIndex=%s",
                                                        base, what[w], dev_indexes[i]));
  t0 = vigil_bench_now ();
  bare_next (&sweep);
  wait_for (&sweep.done, 120, "the bare sweep");
  t0 = vigil_bench_now () - t0;
  g_object_unref (sweep.session);
  return t0;
}

typedef struct
{
  gboolean done;
} Done;

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Done *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_site_refresh_finish (VIGIL_SITE (source), result, &error))
    g_error ("Sweep: %s", error->message);
  done->done = TRUE;
}

static void
sim_dup_indexes (VigilSimGateway *gateway,
                 gpointer         user_data)
{
  *(GStrv *) user_data = vigil_sim_gateway_dup_dev_indexes (gateway);
}

static void
bench_sweep (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSimThread) sim = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilSite) site = NULL;
  g_auto(GStrv) dev_indexes = NULL;
  GListModel *panels;
  Done done = { 0 };
  guint n_zones = 0;
  double best = G_MAXDOUBLE;
  double bare_best = G_MAXDOUBLE;
  guint rounds = bench->options.smoke ? 1 : 3;
  char figure[128], measured[128], limit[128], ratio[32];

  sim = vigil_sim_thread_new (SEED, bench->n_panels, sim_setup, NULL, &error);
  if (sim == NULL)
    g_error ("Simulator: %s", error->message);
  vigil_sim_thread_call (sim, sim_dup_indexes, &dev_indexes);

  client = vigil_client_new (vigil_sim_thread_get_url (sim), &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (client, USER, PASSWORD);
  site = vigil_site_new (client);
  vigil_site_set_reconcile_interval (site, 0);

  /* Round 0 is the first sweep after connecting (models built from nothing); the best of
   * the rounds is the figure, as the sweep repeats every reconcile interval. */
  for (guint r = 0; r < rounds; r++)
    {
      double t0 = vigil_bench_now ();

      done.done = FALSE;
      vigil_site_refresh_async (site, NULL, on_refreshed, &done);
      wait_for (&done.done, 120, "the sweep");
      best = MIN (best, vigil_bench_now () - t0);

      bare_best = MIN (bare_best, bare_sweep (bench, vigil_sim_thread_get_url (sim), dev_indexes));
    }

  panels = vigil_site_get_panels (site);
  if (g_list_model_get_n_items (panels) != bench->n_panels)
    g_error ("The sweep found %u panels of %u", g_list_model_get_n_items (panels), bench->n_panels);
  for (guint i = 0; i < bench->n_panels; i++)
    {
      g_autoptr(VigilPanel) panel = g_list_model_get_item (panels, i);

      n_zones += g_list_model_get_n_items (vigil_panel_get_zones (panel));
    }
  if (n_zones < bench->n_panels * 4)
    g_error ("The sweep read %u zones", n_zones);

  g_snprintf (figure, sizeof figure, "Sweep: %u panels, %u zones (%u requests)",
              bench->n_panels, n_zones, 1 + 3 * bench->n_panels);
  g_snprintf (measured, sizeof measured, "%.0f ms", best * 1000);
  g_snprintf (limit, sizeof limit, "bare SoupSession, same requests: %.0f ms", bare_best * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f%%", 100 * bare_best / best);
  vigil_bench_row (&bench->options, figure, measured, limit, ratio, "≤ 1 s", best <= 1.0);

  g_clear_object (&site);
  g_clear_object (&client);
  vigil_sim_thread_stop (sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- The log ---- */

static void
sim_record (VigilSimGateway *gateway,
            gpointer         user_data)
{
  gpointer *args = user_data;

  args[1] = vigil_sim_replay_record (gateway, GPOINTER_TO_UINT (args[0]),
                                     SEED + GPOINTER_TO_UINT (args[2]));
}

/* A million events through the store, made from recordings a part at a time. */
static void
fill_log (Bench      *bench,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSimThread) sim = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  VigilEventStore *store;
  guint64 n = 0;
  guint chunk = 0;

  sim = vigil_sim_thread_new (SEED, 32, sim_setup, NULL, &error);
  if (sim == NULL)
    g_error ("Simulator: %s", error->message);
  store = vigil_event_store_new_sync (path, NULL, &error);
  if (store == NULL)
    g_error ("Store: %s", error->message);

  while (n < bench->n_log_events)
    {
      guint size = (guint) MIN (bench->n_log_events - n, 50000);
      gpointer args[3] = { GUINT_TO_POINTER (size), NULL, GUINT_TO_POINTER (chunk++) };
      g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE);
      g_autoptr(GBytes) recording = NULL;
      VigilMultipartPart *part;
      gsize len;
      const guint8 *data;

      vigil_sim_thread_call (sim, sim_record, args);
      recording = args[1];
      data = g_bytes_get_data (recording, &len);
      vigil_multipart_feed (parser, data, len);
      vigil_multipart_finish (parser);
      while (vigil_multipart_next_part (parser, &part))
        {
          GBytes *body = vigil_multipart_part_get_body (part);
          const char *text = g_bytes_get_data (body, &len);
          VigilEvent *event = vigil_event_parse (text, len, NULL, now, &error);

          if (event == NULL)
            g_error ("Recording: %s", error->message);
          vigil_event_store_append (store, event);
          vigil_event_unref (event);
          vigil_multipart_part_free (part);
          n++;
        }
      if (!vigil_event_store_flush_sync (store, &error))
        g_error ("Flush: %s", error->message);
    }

  vigil_event_store_close (store);
  g_object_unref (store);
  vigil_sim_thread_stop (sim);
  /* The writer's completions (a reference to each event) wait on this thread's context: let
   * them go now rather than inside the timings that follow. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The same reads on a plain connection: the limit for the model's. */
static double
time_sql (sqlite3    *db,
          const char *sql)
{
  double t0 = vigil_bench_now ();
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  if (n == 0)
    g_error ("No rows: %s", sql);
  return vigil_bench_now () - t0;
}

static gboolean
first_row_loaded (GListModel *model)
{
  g_autoptr(VigilEventRow) row = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;
  row = g_list_model_get_item (model, 0);
  return vigil_event_row_get_loaded (row);
}

/* From now until @position is a loaded row; the row is asked for as a list view would. */
static double
time_row (GListModel *model,
          guint       position,
          double      t0)
{
  double deadline = t0 + 60;

  for (;;)
    {
      g_autoptr(VigilEventRow) row = NULL;

      if (position < g_list_model_get_n_items (model))
        row = g_list_model_get_item (model, position);
      if (row != NULL && vigil_event_row_get_loaded (row))
        return vigil_bench_now () - t0;
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > deadline)
        g_error ("Row %u did not load", position);
    }
}

static void
bench_log (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "log.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilEventFilter) filter = NULL;
  g_autoptr(VigilEventLogModel) model = NULL;
  VigilEventStore *store;
  sqlite3 *db = NULL;
  double t0, open_s, scroll_s, filter_s, fill_s;
  double open_limit, scroll_limit, filter_limit;
  guint n_items, far;
  char figure[128], measured[128], limit[160], ratio[32];

  t0 = vigil_bench_now ();
  fill_log (bench, path);
  fill_s = vigil_bench_now () - t0;
  g_message ("Log of %" G_GUINT64_FORMAT " events written in %.1f s", bench->n_log_events, fill_s);

  store = vigil_event_store_new_sync (path, NULL, &error);
  if (store == NULL)
    g_error ("Store: %s", error->message);

  /* Open: the model made, its first page on screen. */
  t0 = vigil_bench_now ();
  model = vigil_event_log_model_new (store);
  while (!first_row_loaded (G_LIST_MODEL (model)))
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > t0 + 60)
        g_error ("The log did not open");
    }
  open_s = vigil_bench_now () - t0;
  while (vigil_event_log_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
  /* A few recorded devStatusChanged parts are the same bytes twice: stored once. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  if (n_items != vigil_event_store_count_sync (store, NULL, NULL, NULL) || n_items < bench->n_log_events * 95 / 100)
    g_error ("The log shows %u of %" G_GUINT64_FORMAT " events", n_items, (guint64) bench->n_log_events);

  /* Scroll: dragging the scrollbar to two thirds down, then to the end. */
  far = n_items / 3 * 2;
  scroll_s = time_row (G_LIST_MODEL (model), far, vigil_bench_now ());
  scroll_s = MAX (scroll_s, time_row (G_LIST_MODEL (model), n_items - 1, vigil_bench_now ()));

  /* Filter by text: the first page of matches on screen. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_set_text (filter, TEXT);
  t0 = vigil_bench_now ();
  vigil_event_log_model_set_filter (model, filter);
  while (!first_row_loaded (G_LIST_MODEL (model)))
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > t0 + 60)
        g_error ("The filter showed nothing");
    }
  filter_s = vigil_bench_now () - t0;
  while (vigil_event_log_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);

  /* The limits, on a connection of their own to the same file (warm, as the model's are). */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  open_limit = time_sql (db, "SELECT max(id) FROM events")
               + time_sql (db, "SELECT * FROM events ORDER BY id DESC LIMIT 256");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT * FROM events WHERE id <= (SELECT max(id) FROM events) - %u"
                                            " ORDER BY id DESC LIMIT 256", far);
    scroll_limit = time_sql (db, sql);
  }
  filter_limit = time_sql (db, "SELECT e.* FROM events e WHERE e.id IN"
                               " (SELECT rowid FROM events_fts WHERE events_fts MATCH '\"" TEXT "\"*')"
                               " ORDER BY e.id DESC LIMIT 256");
  sqlite3_close (db);

  g_snprintf (figure, sizeof figure, "Event log of %u events: open (first page shown)", n_items);
  g_snprintf (measured, sizeof measured, "%.1f ms", open_s * 1000);
  g_snprintf (limit, sizeof limit, "plain SQLite max(id) + newest page: %.1f ms", open_limit * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f×", open_s / MAX (open_limit, 1e-6));
  vigil_bench_row (&bench->options, figure, measured, limit, ratio, "≤ 200 ms", open_s <= 0.2);

  g_snprintf (measured, sizeof measured, "%.1f ms (worst of ⅔ down and the end)", scroll_s * 1000);
  g_snprintf (limit, sizeof limit, "plain SQLite page by id: %.1f ms", scroll_limit * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f×", scroll_s / MAX (scroll_limit, 1e-6));
  vigil_bench_row (&bench->options, "Event log: scroll (page far down shown)", measured, limit, ratio,
                   "–", TRUE);

  g_snprintf (measured, sizeof measured, "%.1f ms", filter_s * 1000);
  g_snprintf (limit, sizeof limit, "plain SQLite FTS match, newest page: %.1f ms", filter_limit * 1000);
  g_snprintf (ratio, sizeof ratio, "%.1f×", filter_s / MAX (filter_limit, 1e-6));
  vigil_bench_row (&bench->options, "Event log: text filter “" TEXT "” (first page shown)", measured, limit,
                   ratio, "≤ 100 ms", filter_s <= 0.1);

  g_clear_object (&model);
  vigil_event_store_close (store);
  g_object_unref (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };

  vigil_bench_parse_options (&argc, &argv, &bench.options);
  bench.n_panels = bench.options.sanitized ? 16 : bench.options.smoke ? 32 : 256;
  bench.n_log_events = bench.options.sanitized ? 2000 : bench.options.smoke ? 5000 : 1000000;
  /* Another size for profiling the log (docs/PERFORMANCE.md). */
  if (g_getenv ("VIGIL_BENCH_LOG_EVENTS") != NULL)
    bench.n_log_events = MAX (g_ascii_strtoull (g_getenv ("VIGIL_BENCH_LOG_EVENTS"), NULL, 10), 1000);
  bench.dir = vigil_bench_make_tmp_dir ();

  bench_sweep (&bench);
  bench_log (&bench);

  vigil_bench_remove_dir (bench.dir);
  g_free (bench.dir);
  return 0;
}
