/* vigil-event-store-schema.c — connections, the schema and its migrations, the audit hash
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-event-store-private.h"

/* Each entry brings the schema from version i to i + 1, in its own transaction together with
 * the new user_version, so a crash in the middle leaves the previous version intact. Never edit
 * an entry that has shipped: add one.
 *
 * Layout choices:
 * - events holds what the log shows and filters on; the raw text (often a kilobyte) lives in
 *   event_raw so that scans and counts over a million rows read small rows.
 * - Secondary indices carry the rowid, so (type), (dev_index), (dev_index, zone) and
 *   (received_at) are covering for counts and give "ORDER BY id DESC" within one value without
 *   sorting: the log's first page for one panel, the recent history of one zone.
 * - Full-text search is an FTS5 table with external content: the view events_fts_content
 *   (event columns plus the alarm's note). The writer adds each new event's text with a
 *   statement of its own, not a trigger: a trigger makes every INSERT run in a statement
 *   savepoint, and FTS5 flushes its pending index at each savepoint, one tiny segment per
 *   event, which made storing four times slower. A changed note (rare) is handled by a
 *   trigger: 'delete' with the old values, then insert.
 * - alarms_open is a partial index: only open alarms are in it, so the queue's query stays
 *   small however many closed alarms pile up. A restore finds its alarm through
 *   alarms_open_by_restore_key (the key vigil_event_dup_restore_key() gives both a trigger
 *   and its restore), in the order the lookup wants (unrestored first, then newest): one index
 *   probe, even with a hundred thousand alarms left open on the same zone.
 * - The audit table refuses UPDATE and DELETE through triggers (against mistakes); the hash
 *   chain is what shows a deliberate edit made after dropping them. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  dedup_key TEXT NOT NULL UNIQUE,"
  "  type INTEGER NOT NULL,"
  "  event_type TEXT,"
  "  event_state TEXT,"
  "  dev_index TEXT,"
  "  panel_name TEXT,"
  "  partition INTEGER NOT NULL DEFAULT 0,"
  "  zone INTEGER NOT NULL DEFAULT -1,"
  "  zone_name TEXT,"
  "  status TEXT,"
  "  cid_code TEXT,"
  "  cid_event INTEGER,"
  "  cid_restore INTEGER NOT NULL DEFAULT 0,"
  "  cid_category TEXT,"
  "  cid_uuid TEXT,"
  "  priority INTEGER NOT NULL,"
  "  description TEXT,"
  "  user_type INTEGER,"
  "  user_no INTEGER,"
  "  user_name TEXT,"
  "  video_url TEXT,"
  "  video_file TEXT,"
  "  video_sha256 TEXT,"
  "  panel_time TEXT,"
  "  panel_time_unix INTEGER,"
  "  panel_utc_offset INTEGER,"
  "  time_zone_assumed INTEGER NOT NULL DEFAULT 0,"
  "  received_at INTEGER NOT NULL,"
  "  restores_id INTEGER,"
  "  gap_start INTEGER,"
  "  gap_end INTEGER,"
  "  parse_note TEXT"
  ");"
  "CREATE TABLE event_raw ("
  "  event_id INTEGER PRIMARY KEY,"
  "  raw TEXT NOT NULL"
  ");"
  "CREATE INDEX events_by_time ON events (received_at);"
  "CREATE INDEX events_by_panel ON events (dev_index);"
  "CREATE INDEX events_by_zone ON events (dev_index, zone);"
  "CREATE INDEX events_by_type ON events (type);"
  "CREATE TABLE alarms ("
  "  event_id INTEGER PRIMARY KEY,"
  "  restore_key TEXT,"
  "  state TEXT NOT NULL DEFAULT 'new',"
  "  acknowledged_by TEXT,"
  "  acknowledged_at INTEGER,"
  "  ack_seconds REAL,"
  "  closed_by TEXT,"
  "  closed_at INTEGER,"
  "  resolution TEXT,"
  "  note TEXT,"
  "  restored_at INTEGER,"
  "  restore_event_id INTEGER"
  ");"
  "CREATE INDEX alarms_open ON alarms (event_id) WHERE state <> 'closed';"
  "CREATE INDEX alarms_open_by_restore_key"
  "  ON alarms (restore_key, restored_at IS NULL, event_id) WHERE state <> 'closed';"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  operator TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  target TEXT,"
  "  result TEXT,"
  "  gateway_answer TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ");"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
  "  SELECT RAISE (ABORT, 'the audit log is append-only');"
  "END;"
  "CREATE TABLE panels ("
  "  dev_index TEXT PRIMARY KEY,"
  "  name TEXT"
  ");"
  "CREATE TABLE zones ("
  "  dev_index TEXT NOT NULL,"
  "  zone INTEGER NOT NULL,"
  "  name TEXT,"
  "  PRIMARY KEY (dev_index, zone)"
  ");"
  "CREATE VIEW events_fts_content AS"
  "  SELECT e.id AS id, e.description AS description, e.zone_name AS zone_name,"
  "         e.panel_name AS panel_name, a.note AS note"
  "  FROM events e LEFT JOIN alarms a ON a.event_id = e.id;"
  "CREATE VIRTUAL TABLE events_fts USING fts5 ("
  "  description, zone_name, panel_name, note,"
  "  content = 'events_fts_content', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER alarms_fts_note AFTER UPDATE OF note ON alarms"
  "  WHEN old.note IS NOT new.note BEGIN"
  "  INSERT INTO events_fts (events_fts, rowid, description, zone_name, panel_name, note)"
  "    SELECT 'delete', e.id, e.description, e.zone_name, e.panel_name, old.note"
  "    FROM events e WHERE e.id = old.event_id;"
  "  INSERT INTO events_fts (rowid, description, zone_name, panel_name, note)"
  "    SELECT e.id, e.description, e.zone_name, e.panel_name, new.note"
  "    FROM events e WHERE e.id = new.event_id;"
  "END;",
};

G_DEFINE_QUARK (vigil-event-store-error-quark, vigil_event_store_error)

gint
vigil_store_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

void
vigil_store_db_set_error (GError     **error,
                          sqlite3     *db,
                          const char  *what)
{
  int code = db != NULL ? sqlite3_errcode (db) : SQLITE_ERROR;

  if (code == SQLITE_INTERRUPT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
  else
    g_set_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_FAILED,
                 _("Event database: %s: %s"), what,
                 db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code));
}

gboolean
vigil_store_db_exec (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, sql);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_user_version (sqlite3  *db,
                  gint     *version,
                  GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  else
    vigil_store_db_set_error (error, db, "PRAGMA user_version");

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gint version;

  if (!get_user_version (db, &version, error))
    return FALSE;

  if (version > vigil_store_schema_version ())
    {
      g_set_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NEWER_SCHEMA,
                   _("The event database was written by a newer version of Vigil "
                     "(schema %d; this version knows up to %d). It was left untouched."),
                   version, vigil_store_schema_version ());
      return FALSE;
    }

  for (; version < vigil_store_schema_version (); version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!vigil_store_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!vigil_store_db_exec (db, migrations[version], error)
          || !vigil_store_db_exec (db, set_version, error)
          || !vigil_store_db_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("Event database migrated to schema %d", version + 1);
    }

  return TRUE;
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;

  /* Each connection is used by one thread at a time (the writer, or a reader taken from the
   * pool), so SQLite's own mutexes are not needed. */
  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_FAILED,
                   _("Could not open the event database “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : _("out of memory"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 0);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

sqlite3 *
vigil_store_db_open_writer (const char  *path,
                            GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;

  /* Durability: WAL with synchronous=NORMAL. A COMMIT writes the transaction into the WAL file
   * before it returns, so once committed an event survives the process being killed (kill -9,
   * a crash): the operating system still holds the write. Only a power cut or a kernel crash
   * can lose the last transactions since the previous checkpoint, and even then the database
   * stays consistent. synchronous=FULL would fsync every commit to close that window too, at
   * a cost of milliseconds per batch; the gateway's own buffering and a reconnect's backlog
   * cover that case, so the alarm latency is spent on the operator instead. */
  if (!vigil_store_db_exec (db,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = NORMAL;"
                            "PRAGMA temp_store = MEMORY;"
                            "PRAGMA cache_size = -32768;"
                            "PRAGMA mmap_size = 268435456;",
                            error)
      || !migrate (db, error))
    {
      vigil_store_db_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
vigil_store_db_open_reader (const char  *path,
                            GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  /* Read-write at the file level because a WAL reader updates the -shm index; query_only
   * makes sure no reader ever writes. */
  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  if (!vigil_store_db_exec (db,
                            "PRAGMA query_only = 1;"
                            "PRAGMA temp_store = MEMORY;"
                            "PRAGMA cache_size = -8192;"
                            "PRAGMA mmap_size = 268435456;",
                            error))
    {
      vigil_store_db_close (db);
      return NULL;
    }

  return db;
}

void
vigil_store_db_close (sqlite3 *db)
{
  if (db != NULL)
    sqlite3_close_v2 (db);
}

static int
progress_cancelled (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

void
vigil_store_db_watch_cancellable (sqlite3      *db,
                                  GCancellable *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 4096, progress_cancelled, cancellable);
}

void
vigil_store_db_unwatch_cancellable (sqlite3 *db)
{
  sqlite3_progress_handler (db, 0, NULL, NULL);
}

gint64
vigil_store_date_time_to_usec (GDateTime *date_time)
{
  if (date_time == NULL)
    return 0;

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC
         + g_date_time_get_microsecond (date_time);
}

GDateTime *
vigil_store_usec_to_date_time (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;
  gint64 whole = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;

  if (rest < 0)
    {
      whole--;
      rest += G_USEC_PER_SEC;
    }

  seconds = g_date_time_new_from_unix_utc (whole);
  if (seconds == NULL)
    return NULL;

  return g_date_time_add (seconds, rest);
}

static void
hash_field (GChecksum  *checksum,
            const char *value)
{
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "N", 1);
      return;
    }

  g_snprintf (prefix, sizeof prefix, "S%" G_GSIZE_FORMAT ":", strlen (value));
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  g_checksum_update (checksum, (const guchar *) value, strlen (value));
}

char *
vigil_store_audit_hash (gint64      id,
                        gint64      at,
                        const char *operator_name,
                        const char *action,
                        const char *target,
                        const char *result_text,
                        const char *gateway_answer,
                        const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[32];

  g_checksum_update (checksum, (const guchar *) "vigil-audit-1\n", -1);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);
  hash_field (checksum, number);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, at);
  hash_field (checksum, number);
  hash_field (checksum, operator_name);
  hash_field (checksum, action);
  hash_field (checksum, target);
  hash_field (checksum, result_text);
  hash_field (checksum, gateway_answer);
  hash_field (checksum, prev_hash);

  return g_strdup (g_checksum_get_string (checksum));
}
