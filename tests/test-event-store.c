/* test-event-store.c — the SQLite event store: schema, batches, exactly once, alarms, audit
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-event-row.h"
#include "vigil-event-store.h"
#include "vigil-test-store.h"

#define PANEL_A "2cd6716d-767f-4756-ac55-50276a5e3b4a"
#define PANEL_B "9f0c1d2e-3b4a-4c5d-8e6f-708192a3b4c5"

typedef struct
{
  char *dir;
  char *path;
  VigilEventStore *store;
  /* what "committed" delivered */
  GArray *ids;          /* gint64 */
  GArray *restores;     /* gint64 */
  guint n_batches;
} Fixture;

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n_items,
              Fixture                *fixture)
{
  fixture->n_batches++;
  for (guint i = 0; i < n_items; i++)
    {
      g_array_append_val (fixture->ids, items[i].id);
      g_array_append_val (fixture->restores, items[i].restores_id);
    }
}

static void
fixture_open (Fixture *fixture)
{
  fixture->store = vigil_test_store_open (fixture->path);
  g_signal_connect (fixture->store, "committed", G_CALLBACK (on_committed), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = vigil_test_store_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "events.db", NULL);
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->restores = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture_open (fixture);
}

static void
fixture_reopen (Fixture *fixture)
{
  vigil_event_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_array_set_size (fixture->ids, 0);
  g_array_set_size (fixture->restores, 0);
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_array_unref (fixture->ids);
  g_array_unref (fixture->restores);
  vigil_test_store_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_events (VigilEventStore        *store,
              const VigilEventFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 count = vigil_event_store_count_sync (store, filter, NULL, &error);

  g_assert_no_error (error);
  return count;
}

/* Appends and drops the caller's reference. */
static void
append_owned (VigilEventStore *store,
              VigilEvent      *event)
{
  vigil_event_store_append (store, event);
  vigil_event_unref (event);
}

/* Takes @event; returns its row id once committed. */
static gint64
append_and_commit (Fixture    *fixture,
                   VigilEvent *event)
{
  guint before = fixture->ids->len;

  append_owned (fixture->store, event);
  vigil_test_store_flush (fixture->store);
  g_assert_cmpuint (fixture->ids->len, ==, before + 1);
  return g_array_index (fixture->ids, gint64, before);
}

/* ---- schema ---- */

static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilEventStore) refused = NULL;
  sqlite3 *db;
  gint64 version;

  /* An empty file was created and brought to the current schema, in WAL mode. */
  db = open_raw (fixture->path);
  version = query_int (db, "PRAGMA user_version");
  g_assert_cmpint (version, >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_fts'"),
                   ==, 1);
  sqlite3_close (db);

  /* Reopening migrates nothing and keeps what was stored. */
  append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 1, "1130", "u-1", 0));
  fixture_reopen (fixture);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, 1);
  db = open_raw (fixture->path);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, version);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* A file from a newer Vigil is refused and left as it was. */
  db = open_raw (newer);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  refused = vigil_event_store_new_sync (newer, NULL, &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NEWER_SCHEMA);
  g_assert_null (refused);
  db = open_raw (newer);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 999);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events'"),
                   ==, 0);
  sqlite3_close (db);
}

static void
new_async_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigilEventStore **store = user_data;
  g_autoptr(GError) error = NULL;

  *store = vigil_event_store_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.db", NULL);
  g_autoptr(VigilEventStore) store = NULL;
  gboolean committed = FALSE;

  vigil_event_store_new_async (path, NULL, new_async_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect_swapped (store, "committed", G_CALLBACK (set_flag), &committed);
  append_owned (store, vigil_test_store_cid_event (PANEL_A, 2, "1130", "async", 0));
  vigil_test_store_wait_flag (&committed);
  g_assert_cmpint (count_events (store, NULL), ==, 1);
}

/* ---- writing ---- */

static void
test_batch_and_duplicates (Fixture       *fixture,
                           gconstpointer  data)
{
  const guint n = 10000;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_event_unref);
  gint64 start;
  gint64 elapsed;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("batch-%u", i);

      g_ptr_array_add (events, vigil_test_store_cid_event (i % 2 ? PANEL_A : PANEL_B,
                                                           1 + i % 32, "1130", uuid, 0));
    }

  /* Appending only queues: 10,000 events go in without the main loop running once, and
   * far faster than they could be committed one by one. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    vigil_event_store_append (fixture->store, g_ptr_array_index (events, i));
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("appending %u events took %.1f ms", n, elapsed / 1000.0);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);

  vigil_test_store_flush (fixture->store);
  g_assert_cmpuint (fixture->ids->len, ==, n);
  g_assert_cmpuint (fixture->n_batches, <, n);  /* batched, not one commit per event */
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (g_array_index (fixture->ids, gint64, i), >, 0);
      if (i > 0)
        g_assert_cmpint (g_array_index (fixture->ids, gint64, i), >,
                         g_array_index (fixture->ids, gint64, i - 1));
    }
  g_assert_cmpint (count_events (fixture->store, NULL), ==, n);

  /* The same events again (a replayed backlog): nothing new, each reported as a duplicate. */
  g_array_set_size (fixture->ids, 0);
  for (guint i = 0; i < n; i++)
    vigil_event_store_append (fixture->store, g_ptr_array_index (events, i));
  vigil_test_store_flush (fixture->store);
  g_assert_cmpuint (fixture->ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (fixture->ids, gint64, i), ==, 0);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, n);

  /* Without a UUID the key is the content: the same text twice is one event. */
  g_array_set_size (fixture->ids, 0);
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 7, "1302", NULL, 0));
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 7, "1302", NULL, 0));
  vigil_test_store_flush (fixture->store);
  g_assert_cmpint (g_array_index (fixture->ids, gint64, 0), >, 0);
  g_assert_cmpint (g_array_index (fixture->ids, gint64, 1), ==, 0);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, n + 1);
}

static gpointer
append_from_thread (gpointer data)
{
  VigilEventStore *store = data;

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("thread-%u", i);
      g_autoptr(VigilEvent) event = vigil_test_store_cid_event (PANEL_B, 4, "1130", uuid, 0);

      vigil_event_store_append (store, event);
    }

  return NULL;
}

static void
test_append_from_threads (Fixture       *fixture,
                          gconstpointer  data)
{
  GThread *thread = g_thread_new ("appender", append_from_thread, fixture->store);

  append_from_thread (fixture->store);
  g_thread_join (thread);
  vigil_test_store_flush (fixture->store);

  /* Both threads appended the same 500 keys: each stored once. */
  g_assert_cmpint (count_events (fixture->store, NULL), ==, 500);
  g_assert_cmpuint (fixture->ids->len, ==, 1000);
}

static void
test_close_drains (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("drain-%u", i);
      g_autoptr(VigilEvent) event = vigil_test_store_cid_event (PANEL_A, 3, "1130", uuid, 0);

      vigil_event_store_append (fixture->store, event);
    }

  /* No flush: closing commits what is queued before the writer ends. */
  vigil_event_store_close (fixture->store);
  g_assert_false (vigil_event_store_flush_sync (fixture->store, &error));
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED);

  fixture_reopen (fixture);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, 2000);
}

static void
test_flush_sync (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("sync-%u", i);
      g_autoptr(VigilEvent) event = vigil_test_store_cid_event (PANEL_A, 3, "1130", uuid, 0);

      vigil_event_store_append (fixture->store, event);
    }

  /* The CLI's way: no main loop, the call blocks until the commit. */
  g_assert_true (vigil_event_store_flush_sync (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, 300);
}

/* ---- alarms ---- */

static void
acknowledge (VigilEventStore  *store,
             gint64            id,
             const char       *operator_name,
             GError          **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  vigil_event_store_acknowledge_async (store, id, operator_name, NULL,
                                       vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  vigil_event_store_acknowledge_finish (store, result, error);
}

static void
close_alarm (VigilEventStore  *store,
             gint64            id,
             const char       *operator_name,
             VigilResolution   resolution,
             const char       *note,
             GError          **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  vigil_event_store_close_alarm_async (store, id, operator_name, resolution, note, NULL,
                                       vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  vigil_event_store_close_alarm_finish (store, result, error);
}

static VigilAlarm *
get_alarm (VigilEventStore *store,
           gint64           id)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VigilAlarm *alarm;

  vigil_event_store_get_alarm_async (store, id, NULL, vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  alarm = vigil_event_store_get_alarm_finish (store, result, &error);
  g_assert_no_error (error);
  return alarm;
}

static void
on_alarm_changed (VigilEventStore        *store,
                  const VigilAlarmChange *change,
                  GArray                 *states)
{
  g_array_append_val (states, change->state);
}

static void
test_alarm_lifecycle (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAlarm) alarm = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (VigilAlarmState));
  gint64 received = g_get_real_time () - 5 * G_USEC_PER_SEC;
  gint64 id;
  gint64 routine;

  g_signal_connect (fixture->store, "alarm-changed", G_CALLBACK (on_alarm_changed), states);

  id = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "life",
                                                               received));
  g_assert_cmpint (id, >, 0);
  alarm = get_alarm (fixture->store, id);
  g_assert_cmpint (vigil_alarm_get_state (alarm), ==, VIGIL_ALARM_STATE_NEW);
  g_clear_object (&alarm);

  /* An arming report is not an alarm: nothing to acknowledge. */
  routine = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 0, "3401",
                                                                    "arm", 0));
  acknowledge (fixture->store, routine, "alice", &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Without a name nothing happens: every action is someone's. */
  acknowledge (fixture->store, id, "  ", &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  acknowledge (fixture->store, id, "alice", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, VigilAlarmState, 0), ==, VIGIL_ALARM_STATE_ACKNOWLEDGED);

  /* Twice: refused, and the refusal says who was first. */
  acknowledge (fixture->store, id, "bob", &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_ALREADY_ACKNOWLEDGED);
  g_assert_nonnull (strstr (error->message, "alice"));
  g_clear_error (&error);
  g_assert_cmpuint (states->len, ==, 1);

  close_alarm (fixture->store, id, "bob", VIGIL_RESOLUTION_NONE, NULL, &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  close_alarm (fixture->store, id, "bob", VIGIL_RESOLUTION_FALSE, "The cat, again", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_cmpint (g_array_index (states, VigilAlarmState, 1), ==, VIGIL_ALARM_STATE_CLOSED);

  close_alarm (fixture->store, id, "carol", VIGIL_RESOLUTION_REAL, NULL, &error);
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_ALREADY_CLOSED);
  g_assert_nonnull (strstr (error->message, "bob"));
  g_clear_error (&error);

  /* A restart: all of it is still there. */
  fixture_reopen (fixture);
  alarm = get_alarm (fixture->store, id);
  g_assert_cmpint (vigil_alarm_get_state (alarm), ==, VIGIL_ALARM_STATE_CLOSED);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (alarm), ==, "alice");
  g_assert_cmpint (vigil_alarm_get_acknowledged_at (alarm), >, received);
  g_assert_cmpfloat (vigil_alarm_get_ack_seconds (alarm), >=, 5.0);
  g_assert_cmpfloat (vigil_alarm_get_ack_seconds (alarm), <, 60.0);
  g_assert_cmpstr (vigil_alarm_get_closed_by (alarm), ==, "bob");
  g_assert_cmpint (vigil_alarm_get_resolution (alarm), ==, VIGIL_RESOLUTION_FALSE);
  g_assert_cmpstr (vigil_alarm_get_note (alarm), ==, "The cat, again");
  g_assert_cmpstr (vigil_alarm_get_event (alarm)->cid_uuid, ==, "life");
  g_assert_cmpint (vigil_alarm_get_event (alarm)->zone, ==, 3);

  /* Both actions are in the audit log, with who did them, and the chain holds. */
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit WHERE action = 'acknowledge'"
                                    " AND operator = 'alice'"), ==, 1);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit WHERE action = 'close'"
                                    " AND operator = 'bob'"), ==, 1);
    sqlite3_close (db);
  }
  g_assert_true (vigil_event_store_verify_audit_sync (fixture->store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_close_new_alarm (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAlarm) alarm = NULL;
  gint64 id;

  id = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 5, "1110", "fire", 0));
  close_alarm (fixture->store, id, "dave", VIGIL_RESOLUTION_TEST, NULL, &error);
  g_assert_no_error (error);

  /* Closing a new alarm is also its acknowledgement. */
  alarm = get_alarm (fixture->store, id);
  g_assert_cmpint (vigil_alarm_get_state (alarm), ==, VIGIL_ALARM_STATE_CLOSED);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (alarm), ==, "dave");
  g_assert_cmpint (vigil_alarm_get_resolution (alarm), ==, VIGIL_RESOLUTION_TEST);
  g_assert_null (vigil_alarm_get_note (alarm));
}

static void
test_restore_links (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VigilAlarm) alarm = NULL;
  g_autoptr(VigilAlarm) other = NULL;
  gint64 first;
  gint64 second;
  gint64 other_zone;
  gint64 restore;

  first = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "r-1", 0));
  second = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "r-2", 0));
  other_zone = append_and_commit (fixture,
                                  vigil_test_store_cid_event (PANEL_A, 4, "1130", "r-3", 0));

  /* The restore of zone 3 goes to the latest open alarm of zone 3. */
  restore = append_and_commit (fixture,
                               vigil_test_store_cid_event (PANEL_A, 3, "3130", "r-4", 0));
  g_assert_cmpint (restore, >, 0);
  g_assert_cmpint (g_array_index (fixture->restores, gint64, fixture->restores->len - 1), ==,
                   second);

  alarm = get_alarm (fixture->store, second);
  g_assert_true (vigil_alarm_get_restored (alarm));
  g_assert_cmpint (vigil_alarm_get_restore_event_id (alarm), ==, restore);
  g_assert_nonnull (vigil_alarm_get_restore_event (alarm));
  g_assert_true (vigil_alarm_get_restore_event (alarm)->cid_restore);
  g_clear_object (&alarm);

  other = get_alarm (fixture->store, other_zone);
  g_assert_false (vigil_alarm_get_restored (other));

  /* A second restore of zone 3 finds the older alarm still unrestored. */
  restore = append_and_commit (fixture,
                               vigil_test_store_cid_event (PANEL_A, 3, "3130", "r-5", 0));
  g_assert_cmpint (g_array_index (fixture->restores, gint64, fixture->restores->len - 1), ==,
                   first);

  /* Another panel's restore of the same zone restores nothing here. */
  append_and_commit (fixture, vigil_test_store_cid_event (PANEL_B, 4, "3130", "r-6", 0));
  g_assert_cmpint (g_array_index (fixture->restores, gint64, fixture->restores->len - 1), ==, 0);
}

/* ---- audit ---- */

static gint64
audit (VigilEventStore  *store,
       const char       *operator_name,
       VigilAuditAction  action,
       const char       *target,
       const char       *result_text,
       const char       *answer)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  vigil_event_store_audit_async (store, operator_name, action, target, result_text, answer,
                                 NULL, vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  id = vigil_event_store_audit_finish (store, result, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_audit_chain (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 bad = -1;
  sqlite3 *db;

  g_assert_cmpint (audit (fixture->store, "alice", VIGIL_AUDIT_ACTION_ARM_AWAY, "panel A / 1",
                          "ok", "{\"statusCode\":1}"), ==, 1);
  g_assert_cmpint (audit (fixture->store, "alice", VIGIL_AUDIT_ACTION_BYPASS, "panel A / zone 3",
                          "ok", NULL), ==, 2);
  g_assert_cmpint (audit (fixture->store, "bob", VIGIL_AUDIT_ACTION_DISARM, "panel A / 1",
                          "refused", "{\"subStatusCode\":\"lowPrivilege\"}"), ==, 3);
  g_assert_cmpint (audit (fixture->store, "bob", VIGIL_AUDIT_ACTION_REBOOT, "gateway",
                          "ok", NULL), ==, 4);

  g_assert_true (vigil_event_store_verify_audit_sync (fixture->store, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, 0);

  /* The chain survives a restart and goes on from where it was. */
  fixture_reopen (fixture);
  g_assert_cmpint (audit (fixture->store, "carol", VIGIL_AUDIT_ACTION_SET_TIME, "panel B",
                          "ok", NULL), ==, 5);
  g_assert_true (vigil_event_store_verify_audit_sync (fixture->store, NULL, &error));
  g_assert_no_error (error);

  db = open_raw (fixture->path);

  /* Append-only against mistakes… */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET operator = 'mallory' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  /* …and a deliberate edit shows. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                     "UPDATE audit SET operator = 'mallory' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (vigil_event_store_verify_audit_sync (fixture->store, &bad, &error));
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED);
  g_assert_cmpint (bad, ==, 2);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  /* Put back, it verifies again: the check is about the content, not a flag. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET operator = 'alice' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (vigil_event_store_verify_audit_sync (fixture->store, &bad, &error));
  g_assert_no_error (error);

  /* A row removed from the middle breaks the link of the next one. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_delete;"
                                     "DELETE FROM audit WHERE id = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (vigil_event_store_verify_audit_sync (fixture->store, &bad, &error));
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED);
  g_assert_cmpint (bad, ==, 4);
  g_clear_error (&error);

  sqlite3_close (db);
}

static void
verify_async_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gint64 *bad = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (vigil_event_store_verify_audit_finish (VIGIL_EVENT_STORE (source), result,
                                                         bad, &error));
  g_assert_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED);
}

static void
test_audit_hash_rewritten (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 bad = -1;
  sqlite3 *db;

  audit (fixture->store, "alice", VIGIL_AUDIT_ACTION_ARM_STAY, "panel A", "ok", NULL);
  audit (fixture->store, "alice", VIGIL_AUDIT_ACTION_RELAY, "relay 2", "ok", NULL);
  audit (fixture->store, "alice", VIGIL_AUDIT_ACTION_DISARM, "panel A", "ok", NULL);

  /* An editor who also rewrites the row's hash is caught by the next row's link. */
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                     "UPDATE audit SET target = 'relay 9',"
                                     " hash = '0123456789abcdef0123456789abcdef"
                                     "0123456789abcdef0123456789abcdef' WHERE id = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  vigil_event_store_verify_audit_async (fixture->store, NULL, verify_async_cb, &bad);
  while (bad == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (bad, ==, 2);
}

/* ---- reading ---- */

static GPtrArray *
query (VigilEventStore        *store,
       const VigilEventFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = vigil_event_store_query_sync (store, filter, 0, 1000, NULL, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_full_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 burglary;
  gint64 fire;

  vigil_event_store_set_panel_name (fixture->store, PANEL_A, "Bäckerei Main Street");
  vigil_event_store_set_zone_name (fixture->store, PANEL_A, 3, "Back door");
  burglary = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "t-1", 0));
  fire = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_B, 1, "1110", "t-2", 0));
  append_and_commit (fixture, vigil_test_store_heartbeat (1, 0));

  /* The description (from A.3), by a prefix, any case. */
  vigil_event_filter_set_text (filter, "BURGL");
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (vigil_event_row_get_id (g_ptr_array_index (rows, 0)), ==, burglary);
  g_assert_cmpstr (vigil_event_row_get_panel_name (g_ptr_array_index (rows, 0)), ==,
                   "Bäckerei Main Street");
  g_assert_cmpstr (vigil_event_row_get_zone_name (g_ptr_array_index (rows, 0)), ==, "Back door");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The panel's and the zone's names, accents or not, several words. */
  vigil_event_filter_set_text (filter, "backerei door");
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  vigil_event_filter_set_text (filter, "fire");
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (vigil_event_row_get_id (g_ptr_array_index (rows, 0)), ==, fire);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The note written when closing becomes searchable. */
  close_alarm (fixture->store, fire, "erin", VIGIL_RESOLUTION_TECHNICAL,
               "Smoke detector fouled by dust", &error);
  g_assert_no_error (error);
  vigil_event_filter_set_text (filter, "fouled");
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (vigil_event_row_get_id (g_ptr_array_index (rows, 0)), ==, fire);
  g_assert_cmpstr (vigil_event_row_get_operator (g_ptr_array_index (rows, 0)), ==, "erin");
  g_assert_cmpint (vigil_event_row_get_alarm_state (g_ptr_array_index (rows, 0)), ==,
                   VIGIL_ALARM_STATE_CLOSED);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* What a user types is text, never FTS5 syntax. */
  {
    const char *hostile[] = { "\"", "fire\" OR \"burglary", "NEAR(fire", "*", "fire*)",
                              "a\"b", "description:fire", "-fire", "^", "\xff\xfe" };

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        gint64 count;

        vigil_event_filter_set_text (filter, hostile[i]);
        count = vigil_event_store_count_sync (fixture->store, filter, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (count, <=, 3);
      }

    /* Had OR been obeyed, both alarms would match; as words, none has all three. */
    vigil_event_filter_set_text (filter, "fire\" OR \"burglary");
    g_assert_cmpint (count_events (fixture->store, filter), ==, 0);
    vigil_event_filter_set_text (filter, "fire OR burglary");
    g_assert_cmpint (count_events (fixture->store, filter), ==, 0);
  }
  g_assert_null (vigil_event_filter_build_match ("  \t "));
  {
    g_autofree char *match = vigil_event_filter_build_match ("fire\" OR x");

    g_assert_cmpstr (match, ==, "\"fire\"\"\" \"OR\" \"x\"*");
  }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VigilEventFilter) filter = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 t0 = g_get_real_time () - G_TIME_SPAN_HOUR;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("f-%u", i);

      append_owned (fixture->store,
                    vigil_test_store_cid_event (i < 10 ? PANEL_A : PANEL_B, i % 4,
                                                i % 3 == 0 ? "1110" : "1130", uuid,
                                                t0 + i * G_USEC_PER_SEC));
      append_owned (fixture->store, vigil_test_store_heartbeat (i, t0 + i * G_USEC_PER_SEC));
    }
  vigil_test_store_flush (fixture->store);
  g_assert_cmpint (count_events (fixture->store, NULL), ==, 60);

  filter = vigil_event_filter_new ();
  vigil_event_filter_add_device (filter, PANEL_A);
  g_assert_cmpint (count_events (fixture->store, filter), ==, 10);
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (vigil_event_row_get_dev_index (g_ptr_array_index (rows, i)), ==, PANEL_A);
      if (i > 0)
        g_assert_cmpint (vigil_event_row_get_id (g_ptr_array_index (rows, i)), <,
                         vigil_event_row_get_id (g_ptr_array_index (rows, i - 1)));
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Page by page from the last id seen: the same ten, in order, then nothing. */
  {
    g_autoptr(GError) error = NULL;
    gint64 before = 0;
    guint seen = 0;

    for (;;)
      {
        g_autoptr(GPtrArray) page = vigil_event_store_query_before_sync (fixture->store, filter,
                                                                          before, 3, NULL,
                                                                          &error);

        g_assert_no_error (error);
        if (page->len == 0)
          break;
        for (guint i = 0; i < page->len; i++)
          {
            gint64 id = vigil_event_row_get_id (g_ptr_array_index (page, i));

            g_assert_true (before == 0 || id < before);
            g_assert_cmpstr (vigil_event_row_get_dev_index (g_ptr_array_index (page, i)), ==,
                             PANEL_A);
            before = id;
            seen++;
          }
      }
    g_assert_cmpuint (seen, ==, 10);
  }
  g_clear_pointer (&filter, vigil_event_filter_free);

  filter = vigil_event_filter_new ();
  g_assert_true (vigil_event_filter_add_type_name (filter, "heartbeat"));
  g_assert_false (vigil_event_filter_add_type_name (filter, "nonsense"));
  g_assert_cmpint (count_events (fixture->store, filter), ==, 30);
  vigil_event_filter_add_type (filter, VIGIL_EVENT_CID_ALARM);
  g_assert_cmpint (count_events (fixture->store, filter), ==, 60);
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* Fire (i % 3 == 0: 10 of them) is life safety. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_set_max_priority (filter, VIGIL_PRIORITY_LIFE_SAFETY);
  g_assert_cmpint (count_events (fixture->store, filter), ==, 10);
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* [t0 + 5 s, t0 + 15 s): ten seconds, two events each; five from panel B (i = 10…14)… */
  filter = vigil_event_filter_new ();
  vigil_event_filter_set_time_range (filter, t0 + 5 * G_USEC_PER_SEC, t0 + 15 * G_USEC_PER_SEC);
  g_assert_cmpint (count_events (fixture->store, filter), ==, 20);
  vigil_event_filter_add_device (filter, PANEL_B);
  g_assert_cmpint (count_events (fixture->store, filter), ==, 5);
  /* …of which one fire (i = 12). */
  vigil_event_filter_set_text (filter, "fire");
  g_assert_cmpint (count_events (fixture->store, filter), ==, 1);
  rows = query (fixture->store, filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (vigil_event_row_get_cid_event (g_ptr_array_index (rows, 0)), ==, 110);
  g_assert_cmpstr (vigil_event_row_get_dev_index (g_ptr_array_index (rows, 0)), ==, PANEL_B);
}

static void
raw_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GBytes **bytes = user_data;
  g_autoptr(GError) error = NULL;

  *bytes = vigil_event_store_get_raw_finish (VIGIL_EVENT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
event_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  VigilEvent **event = user_data;
  g_autoptr(GError) error = NULL;

  *event = vigil_event_store_get_event_finish (VIGIL_EVENT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_raw_and_event (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char text[] = "{\"EventNotificationAlert\":{\"dateTime\":\"2026-03-01 10:00:00\","
                             "\"activePostCount\":1,\"eventType\":\"CIDAlarm\",\"eventState\":"
                             "\"active\",\"devIndex\":\"" PANEL_A "\",\"CIDAlarm\":{\"zoneNo\":9,"
                             "\"CIDCode\":\"1137\",\"UUID\":\"raw-1\",\"CIDParam\":"
                             "\"1,4,9,1,1,1,0,Mrs. K\",},}}";
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (-4 * 3600);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilEvent) original = vigil_event_parse (text, strlen (text), tz, NULL, &error);
  g_autoptr(VigilEvent) read_back = NULL;
  g_autoptr(VigilEvent) lost = NULL;
  g_autoptr(VigilEvent) lost_back = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GBytes) raw = NULL;
  gint64 id;
  gint64 lost_id;

  g_assert_no_error (error);
  g_assert_true (original->time_zone_assumed);
  id = append_and_commit (fixture, vigil_event_ref (original));

  vigil_event_store_get_raw_async (fixture->store, id, NULL, raw_cb, &raw);
  while (raw == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), text, strlen (text));

  /* Decoded again, it is the same event, its zone-less time still in the panel's zone. */
  vigil_event_store_get_event_async (fixture->store, id, NULL, event_cb, &read_back);
  while (read_back == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (read_back->dedup_key, ==, original->dedup_key);
  g_assert_cmpstr (read_back->cid_code, ==, "1137");
  g_assert_cmpint (read_back->zone, ==, 9);
  g_assert_cmpstr (read_back->user_name, ==, "Mrs. K");
  g_assert_cmpint (read_back->priority, ==, original->priority);
  g_assert_true (g_date_time_equal (read_back->received_at, original->received_at));
  g_assert_true (g_date_time_equal (read_back->date_time, original->date_time));
  g_assert_cmpint (g_date_time_get_utc_offset (read_back->date_time), ==,
                   -4 * G_TIME_SPAN_HOUR);

  /* Vigil's own notes come back too, with their gap. */
  lost = vigil_event_new_link_lost (since);
  lost_id = append_and_commit (fixture, vigil_event_ref (lost));
  vigil_event_store_get_event_async (fixture->store, lost_id, NULL, event_cb, &lost_back);
  while (lost_back == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lost_back->type, ==, VIGIL_EVENT_LINK_LOST);
  g_assert_true (g_date_time_equal (lost_back->gap_start, since));
  g_assert_cmpstr (lost_back->dedup_key, ==, lost->dedup_key);
  g_assert_cmpstr (lost_back->raw, ==, lost->raw);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} Outcome;

static void
video_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = vigil_event_store_set_video_finish (VIGIL_EVENT_STORE (source), result,
                                                    &outcome->error);
  outcome->done = TRUE;
}

static void
set_video (VigilEventStore *store,
           gint64           id,
           const char      *file,
           const char      *sha256,
           Outcome         *outcome)
{
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  vigil_event_store_set_video_async (store, id, file, sha256, NULL, video_cb, outcome);
  vigil_test_store_wait_flag (&outcome->done);
}

#define A_SHA256 "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"

static void
test_video (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  Outcome outcome = { 0, };
  gint64 id;

  id = append_and_commit (fixture, vigil_test_store_cid_event (PANEL_A, 2, "1130", "v-1", 0));

  /* A path that is not absolute, or a hash that is not one, is refused. */
  set_video (fixture->store, id, "clip.mp4", A_SHA256, &outcome);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT);

  set_video (fixture->store, id, "/var/lib/vigil/clip.mp4", "xyz", &outcome);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT);

  set_video (fixture->store, id + 100, "/var/lib/vigil/clip.mp4", A_SHA256, &outcome);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NOT_FOUND);

  set_video (fixture->store, id, "/var/lib/vigil/clip.mp4", A_SHA256, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);

  rows = query (fixture->store, NULL);
  g_assert_true (vigil_event_row_get_has_video (g_ptr_array_index (rows, 0)));
  {
    sqlite3 *db = open_raw (fixture->path);

    g_assert_cmpint (query_int (db, "SELECT count(*) FROM events WHERE video_file ="
                                    " '/var/lib/vigil/clip.mp4' AND video_sha256 ="
                                    " '0123456789abcdef0123456789abcdef"
                                    "0123456789abcdef0123456789abcdef'"), ==, 1);
    sqlite3_close (db);
  }
}

static void
zone_history_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GPtrArray **rows = user_data;
  g_autoptr(GError) error = NULL;

  *rows = vigil_event_store_zone_history_finish (VIGIL_EVENT_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_zone_history (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("z-%u", i);

      append_owned (fixture->store,
                    vigil_test_store_cid_event (i % 2 ? PANEL_A : PANEL_B, 6,
                                                i % 4 < 2 ? "1130" : "3130", uuid, 0));
    }
  vigil_test_store_flush (fixture->store);

  vigil_event_store_zone_history_async (fixture->store, PANEL_A, 6, 4, NULL, zone_history_cb,
                                        &rows);
  while (rows == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      VigilEventRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (vigil_event_row_get_dev_index (row), ==, PANEL_A);
      g_assert_cmpint (vigil_event_row_get_zone (row), ==, 6);
      if (i > 0)
        g_assert_cmpint (vigil_event_row_get_id (row), <,
                         vigil_event_row_get_id (g_ptr_array_index (rows, i - 1)));
    }
}

/* ---- the main context ---- */

typedef struct
{
  GMainContext *context;
  GThread *thread;
  char *path;
  GThread *signalled_in;
  gboolean owner_iterating;
  gboolean done;
} ContextCheck;

static void
on_committed_in_thread (VigilEventStore        *store,
                        const VigilStoredEvent *items,
                        guint                   n_items,
                        ContextCheck           *check)
{
  check->signalled_in = g_thread_self ();
  check->owner_iterating = g_main_context_is_owner (check->context);
  check->done = TRUE;
}

static gpointer
store_owner_thread (gpointer data)
{
  ContextCheck *check = data;
  g_autoptr(VigilEventStore) store = NULL;

  check->thread = g_thread_self ();
  g_main_context_push_thread_default (check->context);
  store = vigil_test_store_open (check->path);
  g_signal_connect (store, "committed", G_CALLBACK (on_committed_in_thread), check);

  /* Appended from this thread, but "committed" must come through this thread's context, and
   * not the global default one the main thread is iterating. */
  {
    g_autoptr(VigilEvent) event = vigil_test_store_heartbeat (1, 0);

    vigil_event_store_append (store, event);
  }
  vigil_test_store_wait_flag (&check->done);

  vigil_event_store_close (store);
  g_main_context_pop_thread_default (check->context);
  return NULL;
}

static void
test_committed_context (Fixture       *fixture,
                        gconstpointer  data)
{
  ContextCheck check = { 0, };

  check.context = g_main_context_new ();
  check.path = g_build_filename (fixture->dir, "context.db", NULL);

  g_thread_join (g_thread_new ("store-owner", store_owner_thread, &check));

  g_assert_true (check.done);
  g_assert_true (check.signalled_in == check.thread);
  g_assert_true (check.owner_iterating);

  g_main_context_unref (check.context);
  g_free (check.path);
}

/* ---- durability ---- */

static void
test_survives_kill (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VigilEventStore) store = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      store = vigil_test_store_open (g_getenv ("VIGIL_TEST_KILLED_DB"));
      for (guint i = 0; i < 100; i++)
        {
          g_autofree char *uuid = g_strdup_printf ("kill-%u", i);
          g_autoptr(VigilEvent) event = vigil_test_store_cid_event (PANEL_A, 1, "1130", uuid, 0);

          vigil_event_store_append (store, event);
        }
      g_assert_true (vigil_event_store_flush_sync (store, &error));

      /* No clean shutdown, no atexit, no close: as if the process crashed. */
      raise (SIGKILL);
      return;
    }

  dir = vigil_test_store_make_dir ();
  path = g_build_filename (dir, "killed.db", NULL);
  g_setenv ("VIGIL_TEST_KILLED_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_false (g_test_trap_has_passed ());
  g_unsetenv ("VIGIL_TEST_KILLED_DB");

  /* What the killed process had committed is all there. */
  store = vigil_test_store_open (path);
  g_assert_cmpint (count_events (store, NULL), ==, 100);
  vigil_event_store_close (store);
  vigil_test_store_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/event-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migration", test_migration);
  ADD ("open-async", test_open_async);
  ADD ("batch-and-duplicates", test_batch_and_duplicates);
  ADD ("append-from-threads", test_append_from_threads);
  ADD ("close-drains", test_close_drains);
  ADD ("flush-sync", test_flush_sync);
  ADD ("alarm-lifecycle", test_alarm_lifecycle);
  ADD ("close-new-alarm", test_close_new_alarm);
  ADD ("restore-links", test_restore_links);
  ADD ("audit-chain", test_audit_chain);
  ADD ("audit-hash-rewritten", test_audit_hash_rewritten);
  ADD ("full-text", test_full_text);
  ADD ("filters", test_filters);
  ADD ("raw-and-event", test_raw_and_event);
  ADD ("video", test_video);
  ADD ("zone-history", test_zone_history);
  ADD ("committed-context", test_committed_context);
  g_test_add_func ("/event-store/survives-kill", test_survives_kill);

#undef ADD

  return g_test_run ();
}
