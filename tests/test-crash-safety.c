/* test-crash-safety.c — kill -9 during ingest, many times: the store keeps its word
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process (vigil-test-ingest-child) appends alarms to a store and prints every event
 * the store reports committed. It is killed with SIGKILL at a random moment — while the
 * schema is being created, mid-transaction, between commits — fifty times over the same file.
 * After each kill, SQLite's integrity check passes and every event the child was told is
 * committed is in the file.
 */
#define G_LOG_DOMAIN "test-crash-safety"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-test-store.h"

#define N_KILLS 50

static char *child_path;

/* The keys the child printed whole: the kill may cut the last line short. */
static GPtrArray *
read_lines (GInputStream *stream)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  /* Nothing printed (killed before the first commit): no data at all. */
  if (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) == 0)
    return keys;
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* After the last newline: "" or a line the kill interrupted. */
  for (guint i = 0; i + 1 < n; i++)
    g_ptr_array_add (keys, g_strdup (lines[i]));
  return keys;
}

static guint
check_store (const char *path,
             GPtrArray  *committed)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint missing = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* Killed before the schema was made: then nothing can have been reported committed. */
  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM events WHERE dedup_key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_test_message ("no events table yet: %s", sqlite3_errmsg (db));
      sqlite3_close (db);
      return committed->len;
    }
  for (guint i = 0; i < committed->len; i++)
    {
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (committed, i), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          if (missing++ == 0)
            g_test_message ("reported committed but not in the store: %s",
                            (const char *) g_ptr_array_index (committed, i));
        }
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return missing;
}

static void
test_kill_during_ingest (void)
{
  g_autofree char *dir = vigil_test_store_make_dir ();
  g_autofree char *path = g_build_filename (dir, "events.db", NULL);
  /* Under memcheck (build-aux/valgrind.sh) the child is not traced and runs at full speed:
   * the longer windows would only grow the store this process checks, slowly, after each kill. */
  gboolean sanitized = g_getenv ("VIGIL_TEST_SANITIZED") != NULL &&
                       g_strcmp0 (g_getenv ("VIGIL_TEST_SANITIZED"), "memcheck") != 0;
  guint64 total = 0;
  guint killed_with_data = 0;

  for (guint run = 0; run < N_KILLS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *run_text = g_strdup_printf ("%u", run);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GPtrArray) committed = NULL;
      /* The first kills land while the file and its schema are being made; the rest while
       * the writer is busy. A sanitized child starts several times slower. */
      guint min_ms = run < 5 ? 1 : (sanitized ? 150 : 40);
      guint max_ms = run < 5 ? 40 : (sanitized ? 1500 : 400);

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, child_path, path, run_text, NULL);
      g_assert_no_error (error);

      g_usleep ((gulong) g_random_int_range (min_ms, max_ms + 1) * 1000);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      committed = read_lines (g_subprocess_get_stdout_pipe (child));
      total += committed->len;
      if (committed->len > 0)
        killed_with_data++;

      /* The file may not exist if the child died before SQLite created it. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_assert_cmpuint (check_store (path, committed), ==, 0);
      else
        g_assert_cmpuint (committed->len, ==, 0);
    }

  g_test_message ("%u kills, %u of them after commits; %" G_GUINT64_FORMAT " events reported committed, all stored",
                  N_KILLS, killed_with_data, total);
  /* Most kills must come while the writer is at work, or the test proves little. */
  g_assert_cmpuint (killed_with_data, >=, N_KILLS / 2);

  vigil_test_store_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  child_path = g_build_filename (g_getenv ("VIGIL_BUILD_DIR"), "tests", "vigil-test-ingest-child", NULL);
  g_test_add_func ("/crash-safety/kill-during-ingest", test_kill_during_ingest);

  return g_test_run ();
}
