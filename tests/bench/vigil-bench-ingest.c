/* vigil-bench-ingest.c — events in, from the socket to SQLite, against what the bytes allow
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One recording of the gateway's stream (vigil-sim-replay.c), three measures, each beside its
 * limit in the same run:
 *   parse      multipart + tolerant JSON + decode  vs  scanning the bytes for boundaries
 *   end to end the simulator replays over loopback HTTP with Digest, Vigil reads, decodes and
 *              commits to SQLite  vs  `curl --digest` draining the same replay to /dev/null
 *   store      VigilEventStore alone  vs  a prepared-statement loop inserting the same rows
 *              (same schema, same pragmas) in one transaction
 * --parse-only runs the first alone (for `perf record`).
 */
#define _GNU_SOURCE  /* memmem */
#define G_LOG_DOMAIN "vigil-bench-ingest"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "vigil-bench.h"
#include "vigil-event-store.h"
#include "vigil-event-stream.h"
#include "vigil-multipart.h"
#include "vigil-sim-replay.h"
#include "vigil-sim-thread.h"

#define SEED        8
#define N_PANELS    16
#define USER        "admin"
#define PASSWORD    "Vigil-bench-1"
#define FEED_CHUNK  (64 * 1024)
#define SUBSCRIBE   "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}"
#define STREAM_PATH "/ISAPI/Event/notification/subscribeDeviceMgmt?format=json"

typedef struct
{
  VigilBenchOptions options;
  guint64 n_events;
  VigilSimThread *sim;
  GBytes *recording;
  char *dir;
} Bench;

/* ---- The recording ---- */

static void
sim_setup (VigilSimGateway *gateway,
           gpointer         user_data)
{
  vigil_sim_gateway_set_credentials (gateway, USER, PASSWORD);
  /* No live heartbeat between the recorded parts: the recording has its own. */
  vigil_sim_gateway_set_heartbeat_interval (gateway, 3600 * 1000);
}

static void
sim_record (VigilSimGateway *gateway,
            gpointer         user_data)
{
  Bench *bench = user_data;

  bench->recording = vigil_sim_replay_record (gateway, bench->n_events, SEED);
}

static void
sim_set_replay (VigilSimGateway *gateway,
                gpointer         user_data)
{
  vigil_sim_gateway_set_replay (gateway, user_data);
}

/* ---- Parse only ---- */

static guint64
scan_boundaries (GBytes *recording)
{
  gsize size;
  const char *data = g_bytes_get_data (recording, &size);
  const char *end = data + size;
  guint64 n = 0;

  for (const char *p = data; p < end; )
    {
      const char *hit = memmem (p, end - p, "--boundary", 10);

      if (hit == NULL)
        break;
      n++;
      p = hit + 10;
    }
  return n;
}

typedef struct
{
  guint64 n_events;
  guint64 n_failed;
  GPtrArray *keep;     /* the decoded events, when wanted */
} ParseResult;

static void
drain_parts (VigilMultipart *parser,
             GDateTime      *received_at,
             ParseResult    *result)
{
  VigilMultipartPart *part;

  while (vigil_multipart_next_part (parser, &part))
    {
      g_autoptr(GError) error = NULL;
      VigilEvent *event = NULL;
      GBytes *body = vigil_multipart_part_get_body (part);

      if (vigil_multipart_part_get_error (part) == NULL && body != NULL)
        {
          gsize len;
          const char *data = g_bytes_get_data (body, &len);

          event = vigil_event_parse (data, len, NULL, received_at, &error);
        }
      if (event == NULL)
        result->n_failed++;
      else
        {
          result->n_events++;
          if (result->keep != NULL)
            g_ptr_array_add (result->keep, event);
          else
            vigil_event_unref (event);
        }
      vigil_multipart_part_free (part);
    }
}

static void
parse_recording (GBytes      *recording,
                 ParseResult *result)
{
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE);
  g_autoptr(GDateTime) received_at = g_date_time_new_now_utc ();
  gsize size;
  const guint8 *data = g_bytes_get_data (recording, &size);

  for (gsize offset = 0; offset < size; offset += FEED_CHUNK)
    {
      vigil_multipart_feed (parser, data + offset, MIN (FEED_CHUNK, size - offset));
      drain_parts (parser, received_at, result);
    }
  vigil_multipart_finish (parser);
  drain_parts (parser, received_at, result);
}

/* Seconds of CPU this thread has used. */
static double
thread_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench_parse (Bench *bench)
{
  double mb = g_bytes_get_size (bench->recording) / 1e6;
  double scan_best = G_MAXDOUBLE;
  double parse_best = G_MAXDOUBLE;
  double cpu_best = G_MAXDOUBLE;
  guint rounds = bench->options.smoke ? 1 : 3;
  char measured[128], limit[128], ratio[32];

  /* The best of a few rounds of each: the machine is shared, the least disturbed run is the
   * one that says what the code costs. */
  for (guint r = 0; r < rounds; r++)
    {
      ParseResult result = { 0 };
      double t0 = vigil_bench_now ();
      guint64 n_boundaries = scan_boundaries (bench->recording);
      double t1 = vigil_bench_now ();
      double c1 = thread_cpu_now ();

      parse_recording (bench->recording, &result);
      scan_best = MIN (scan_best, t1 - t0);
      parse_best = MIN (parse_best, vigil_bench_now () - t1);
      cpu_best = MIN (cpu_best, thread_cpu_now () - c1);

      if (n_boundaries != bench->n_events || result.n_events != bench->n_events || result.n_failed != 0)
        g_error ("Parsed %" G_GUINT64_FORMAT " events (%" G_GUINT64_FORMAT " failed, %"
                 G_GUINT64_FORMAT " boundaries) of %" G_GUINT64_FORMAT,
                 result.n_events, result.n_failed, n_boundaries, bench->n_events);
    }

  /* The CPU time beside the wall clock: on a loaded machine the difference is the other jobs'. */
  g_snprintf (measured, sizeof measured, "%.0f events/s, %.0f MB/s (%.0f MB/s of CPU time)",
              bench->n_events / parse_best, mb / parse_best, mb / cpu_best);
  g_snprintf (limit, sizeof limit, "boundary scan %.0f MB/s", mb / scan_best);
  g_snprintf (ratio, sizeof ratio, "%.1f%%", 100 * scan_best / parse_best);
  vigil_bench_row (&bench->options, "Ingest: parse (multipart + JSON + decode)", measured, limit,
                   ratio, "≥ 100 MB/s", mb / parse_best >= 100);
}

/* ---- End to end ---- */

/* curl's own time from connect to the last byte; the bytes it read. */
static gboolean
run_curl (Bench   *bench,
          double  *seconds,
          guint64 *bytes)
{
  const char *base = vigil_sim_thread_get_url (bench->sim);
  g_autofree char *url = g_strconcat (base, STREAM_PATH, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    "curl", "--silent", "--show-error", "--digest", "--user", USER ":" PASSWORD,
    "--header", "Content-Type: application/json", "--data-binary", SUBSCRIBE,
    "--output", "/dev/null", "--write-out", "%{size_download} %{time_total}", url, NULL
  };
  int status = 0;
  unsigned long long size = 0;
  double total = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_message ("curl did not run: %s", error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error) || sscanf (out, "%llu %lf", &size, &total) != 2)
    g_error ("curl failed: %s %s", error != NULL ? error->message : out, err);

  *seconds = total;
  *bytes = size;
  return TRUE;
}

typedef struct
{
  VigilEventStore *store;
  guint64 n_received;
  guint64 n_committed;
  gboolean was_online;
  gboolean flushed;
} EndToEnd;

static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          EndToEnd         *e2e)
{
  e2e->n_received++;
  vigil_event_store_append (e2e->store, event);
}

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n_items,
              EndToEnd               *e2e)
{
  e2e->n_committed += n_items;
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  EndToEnd *e2e = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_event_store_flush_finish (VIGIL_EVENT_STORE (source), result, &error))
    g_error ("Flush failed: %s", error->message);
  e2e->flushed = TRUE;
}

static gboolean
stream_ended (VigilEventStream *stream,
              EndToEnd         *e2e)
{
  VigilStreamState state = vigil_event_stream_get_state (stream);

  if (state == VIGIL_STREAM_ONLINE)
    e2e->was_online = TRUE;
  if (state == VIGIL_STREAM_FAILED)
    g_error ("The stream failed: %s", vigil_event_stream_get_last_error (stream)->message);
  return e2e->was_online && state != VIGIL_STREAM_ONLINE && state != VIGIL_STREAM_CONNECTING;
}

static void
bench_end_to_end (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "e2e.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilEventStream) stream = NULL;
  EndToEnd e2e = { 0 };
  double curl_seconds = 0;
  guint64 curl_bytes = 0;
  gboolean have_curl;
  double t0, seconds;
  double deadline;
  char measured[128], limit[128], ratio[32];
  double rate;

  vigil_sim_thread_call (bench->sim, sim_set_replay, bench->recording);

  /* The limit: the same replay, read by curl and thrown away. */
  have_curl = run_curl (bench, &curl_seconds, &curl_bytes);
  if (have_curl && curl_bytes < g_bytes_get_size (bench->recording))
    g_error ("curl read %" G_GUINT64_FORMAT " bytes of a %" G_GSIZE_FORMAT "-byte replay",
             curl_bytes, g_bytes_get_size (bench->recording));

  e2e.store = vigil_event_store_new_sync (path, NULL, &error);
  if (e2e.store == NULL)
    g_error ("Store: %s", error->message);
  g_signal_connect (e2e.store, "committed", G_CALLBACK (on_committed), &e2e);

  client = vigil_client_new (vigil_sim_thread_get_url (bench->sim), &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (client, USER, PASSWORD);
  stream = vigil_event_stream_new (client);
  vigil_event_stream_set_heartbeat_timeout (stream, 120);
  /* The replay ends the stream; no reconnection may start while the store catches up. */
  vigil_event_stream_set_backoff (stream, 600000, 600000);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), &e2e);

  /* From the request leaving to the last event committed: the connection, the Digest
   * round trip, reading, decoding, storing; the same span curl's time_total covers. */
  t0 = vigil_bench_now ();
  deadline = t0 + (bench->options.sanitized ? 600 : 300);
  vigil_event_stream_start (stream);
  while (!stream_ended (stream, &e2e))
    {
      g_main_context_iteration (NULL, TRUE);
      if (vigil_bench_now () > deadline)
        g_error ("The replay did not end (%" G_GUINT64_FORMAT " events)", e2e.n_received);
    }
  vigil_event_store_flush_async (e2e.store, NULL, on_flushed, &e2e);
  while (!e2e.flushed)
    g_main_context_iteration (NULL, TRUE);
  seconds = vigil_bench_now () - t0;

  vigil_sim_thread_call (bench->sim, sim_set_replay, NULL);

  if (e2e.n_received < bench->n_events || e2e.n_committed < bench->n_events)
    g_error ("Received %" G_GUINT64_FORMAT ", committed %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT,
             e2e.n_received, e2e.n_committed, bench->n_events);

  rate = bench->n_events / seconds;
  g_snprintf (measured, sizeof measured, "%.0f events/s, %.1f MB/s", rate,
              g_bytes_get_size (bench->recording) / 1e6 / seconds);
  if (have_curl)
    {
      g_snprintf (limit, sizeof limit, "curl --digest drain %.1f MB/s",
                  curl_bytes / 1e6 / curl_seconds);
      g_snprintf (ratio, sizeof ratio, "%.1f%%", 100 * curl_seconds / seconds);
    }
  else
    {
      g_strlcpy (limit, "curl not installed", sizeof limit);
      g_strlcpy (ratio, "–", sizeof ratio);
    }
  vigil_bench_row (&bench->options, "Ingest: end to end (HTTP Digest → SQLite)", measured, limit,
                   ratio, "≥ 50,000 events/s and ≥ 50% of curl",
                   have_curl && rate >= 50000 && curl_seconds / seconds >= 0.5);

  g_signal_handlers_disconnect_by_data (stream, &e2e);
  g_clear_object (&stream);
  vigil_event_store_close (e2e.store);
  g_clear_object (&e2e.store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- The store alone ---- */

/* One table's rows, read back from the store's database to be inserted again. */
typedef struct
{
  char *insert;
  int n_columns;
  GPtrArray *values;   /* sqlite3_value*, row after row */
} Rows;

static void
rows_free (Rows *rows)
{
  g_free (rows->insert);
  g_ptr_array_unref (rows->values);
  g_free (rows);
}

static Rows *
load_rows (sqlite3    *db,
           const char *select,
           const char *table)
{
  Rows *rows = g_new0 (Rows, 1);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", select, sqlite3_errmsg (db));
  rows->n_columns = sqlite3_column_count (stmt);
  rows->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

  g_string_append_printf (insert, "INSERT INTO %s (", table);
  for (int c = 0; c < rows->n_columns; c++)
    g_string_append_printf (insert, "%s%s", c > 0 ? ", " : "", sqlite3_column_name (stmt, c));
  g_string_append (insert, ") VALUES (");
  for (int c = 0; c < rows->n_columns; c++)
    g_string_append (insert, c > 0 ? ", ?" : "?");
  g_string_append (insert, ")");
  rows->insert = g_strdup (insert->str);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < rows->n_columns; c++)
      g_ptr_array_add (rows->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
  sqlite3_finalize (stmt);
  return rows;
}

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* The plain loop: the rows the store wrote, into an empty database of the same schema, with
 * the store's pragmas, one prepared statement per table, one transaction. */
static double
plain_insert_loop (Bench      *bench,
                   const char *source_path)
{
  g_autofree char *path = g_build_filename (bench->dir, "plain.db", NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) rows_free);
  g_autoptr(GError) error = NULL;
  VigilEventStore *empty;
  sqlite3 *source = NULL;
  sqlite3 *db = NULL;
  double t0;

  /* The schema exactly as the store makes it. */
  empty = vigil_event_store_new_sync (path, NULL, &error);
  if (empty == NULL)
    g_error ("Store: %s", error->message);
  vigil_event_store_close (empty);
  g_object_unref (empty);

  if (sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", source_path, sqlite3_errmsg (source));
  g_ptr_array_add (tables, load_rows (source, "SELECT * FROM events ORDER BY id", "events"));
  g_ptr_array_add (tables, load_rows (source, "SELECT * FROM event_raw ORDER BY event_id", "event_raw"));
  g_ptr_array_add (tables, load_rows (source, "SELECT * FROM alarms ORDER BY event_id", "alarms"));
  g_ptr_array_add (tables, load_rows (source,
                                      "SELECT id AS rowid, description, zone_name, panel_name"
                                      " FROM events ORDER BY id", "events_fts"));
  sqlite3_close (source);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  exec_or_die (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

  t0 = vigil_bench_now ();
  exec_or_die (db, "BEGIN");
  for (guint t = 0; t < tables->len; t++)
    {
      Rows *rows = g_ptr_array_index (tables, t);
      sqlite3_stmt *stmt = NULL;
      guint n_rows = rows->values->len / MAX (rows->n_columns, 1);

      if (sqlite3_prepare_v2 (db, rows->insert, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", rows->insert, sqlite3_errmsg (db));
      for (guint r = 0; r < n_rows; r++)
        {
          for (int c = 0; c < rows->n_columns; c++)
            sqlite3_bind_value (stmt, c + 1, g_ptr_array_index (rows->values, r * rows->n_columns + c));
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("%s: %s", rows->insert, sqlite3_errmsg (db));
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  exec_or_die (db, "COMMIT");
  t0 = vigil_bench_now () - t0;

  sqlite3_close (db);
  return t0;
}

static void
bench_store (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "store.db", NULL);
  g_autoptr(GError) error = NULL;
  ParseResult parsed = { 0 };
  VigilEventStore *store;
  double t0, store_seconds, plain_seconds;
  char measured[128], limit[128], ratio[32];

  parsed.keep = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_event_unref);
  parse_recording (bench->recording, &parsed);

  store = vigil_event_store_new_sync (path, NULL, &error);
  if (store == NULL)
    g_error ("Store: %s", error->message);

  t0 = vigil_bench_now ();
  for (guint i = 0; i < parsed.keep->len; i++)
    vigil_event_store_append (store, g_ptr_array_index (parsed.keep, i));
  if (!vigil_event_store_flush_sync (store, &error))
    g_error ("Flush: %s", error->message);
  store_seconds = vigil_bench_now () - t0;

  vigil_event_store_close (store);
  g_object_unref (store);
  g_ptr_array_unref (parsed.keep);

  plain_seconds = plain_insert_loop (bench, path);

  g_snprintf (measured, sizeof measured, "%.0f events/s", bench->n_events / store_seconds);
  g_snprintf (limit, sizeof limit, "plain insert loop %.0f events/s", bench->n_events / plain_seconds);
  g_snprintf (ratio, sizeof ratio, "%.1f%%", 100 * plain_seconds / store_seconds);
  vigil_bench_row (&bench->options, "Ingest: store alone (VigilEventStore)", measured, limit, ratio,
                   "≥ 50% of the loop", plain_seconds / store_seconds >= 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  gboolean parse_only = FALSE;

  /* --parse-only: the first row alone, for profiling the decoder (`perf record -g`) without
   * the simulator's HTTP and SQLite in the profile. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--parse-only"))
      {
        parse_only = TRUE;
        memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof *argv);
        argc--;
        break;
      }
  vigil_bench_parse_options (&argc, &argv, &bench.options);
  bench.n_events = bench.options.sanitized ? 2000 : bench.options.smoke ? 5000 : 200000;
  bench.dir = vigil_bench_make_tmp_dir ();

  bench.sim = vigil_sim_thread_new (SEED, N_PANELS, sim_setup, NULL, &error);
  if (bench.sim == NULL)
    g_error ("Simulator: %s", error->message);
  vigil_sim_thread_call (bench.sim, sim_record, &bench);
  g_message ("Recording: %" G_GUINT64_FORMAT " events, %.1f MB", bench.n_events,
             g_bytes_get_size (bench.recording) / 1e6);

  bench_parse (&bench);
  if (!parse_only)
    {
      bench_end_to_end (&bench);
      bench_store (&bench);
    }

  vigil_sim_thread_stop (bench.sim);
  g_clear_object (&bench.sim);
  g_bytes_unref (bench.recording);
  vigil_bench_remove_dir (bench.dir);
  g_free (bench.dir);
  return 0;
}
