/* vigil-event-store-writer.c — the one thread that writes: batches, exactly once, alarms, audit
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-event-store-private.h"
#include "vigil-json.h"

/* A batch is whatever is queued, up to this many requests: large enough that a burst costs few
 * commits, small enough that one commit never holds the first alarm of a batch for long. */
#define BATCH_MAX 4096

/* WAL pages after which the checkpointer copies the WAL back into the database (4 MiB). */
#define CHECKPOINT_PAGES 1000

/* Shared between the writer and the completions it posts: the completions may outlive the
 * writer (they run in the main context after it stopped), so they hold this box, not it. */
typedef struct
{
  GWeakRef target;
  VigilStoreCommitFunc func;
} CommitTarget;

struct _VigilStoreWriter
{
  sqlite3 *db;
  GAsyncQueue *queue;
  GThread *thread;
  GMainContext *context;
  CommitTarget *target;

  sqlite3_stmt *insert_event;
  sqlite3_stmt *insert_raw;
  sqlite3_stmt *insert_text;
  sqlite3_stmt *insert_alarm;
  sqlite3_stmt *find_restored_alarm;
  sqlite3_stmt *link_restore;
  sqlite3_stmt *mark_restored;
  sqlite3_stmt *get_alarm;
  sqlite3_stmt *acknowledge;
  sqlite3_stmt *close_alarm;
  sqlite3_stmt *insert_audit;
  sqlite3_stmt *set_video;
  sqlite3_stmt *upsert_panel;
  sqlite3_stmt *upsert_zone;

  /* Checkpoints run in a thread of their own, on a connection of their own, so that the writer
   * never waits while the WAL is copied back and the database file synced: that would hold up
   * every commit behind it, alarms included. */
  GThread *checkpointer;
  sqlite3 *checkpoint_db;
  GMutex checkpoint_lock;
  GCond checkpoint_cond;
  gboolean checkpoint_wanted;
  gboolean checkpoint_quit;

  /* The writer thread's own state: names for new events, the head of the audit chain. */
  GHashTable *panel_names;
  GHashTable *zone_names;
  gint64 audit_last_id;
  char *audit_last_hash;
};

typedef struct
{
  CommitTarget *target;
  GPtrArray *ops;
} Completion;

VigilStoreOp *
vigil_store_op_new (VigilStoreOpKind kind)
{
  VigilStoreOp *op = g_new0 (VigilStoreOp, 1);

  op->kind = kind;
  op->at = g_get_real_time ();

  return op;
}

void
vigil_store_op_free (VigilStoreOp *op)
{
  if (op == NULL)
    return;

  g_clear_object (&op->task);
  g_clear_error (&op->error);
  g_clear_pointer (&op->event, vigil_event_unref);
  g_free (op->operator_name);
  g_free (op->action);
  g_free (op->target);
  g_free (op->result_text);
  g_free (op->gateway_answer);
  g_free (op->note);
  g_free (op->file);
  g_free (op->sha256);
  g_free (op->dev_index);
  g_free (op->name);
  g_free (op->acknowledged_by);
  g_free (op);
}

static void
commit_target_clear (gpointer data)
{
  CommitTarget *target = data;

  g_weak_ref_clear (&target->target);
}

static void
commit_target_release (CommitTarget *target)
{
  g_atomic_rc_box_release_full (target, commit_target_clear);
}

static char *
zone_key (const char *dev_index,
          gint        zone)
{
  return g_strdup_printf ("%s\x1f%d", dev_index, zone);
}

/* ---- Statements ---- */

static gboolean
prepare (VigilStoreWriter  *self,
         sqlite3_stmt     **stmt,
         const char        *sql,
         GError           **error)
{
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, self->db, sql);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_all (VigilStoreWriter  *self,
             GError           **error)
{
  return prepare (self, &self->insert_event,
                  "INSERT OR IGNORE INTO events (dedup_key, type, event_type, event_state,"
                  " dev_index, panel_name, partition, zone, zone_name, status, cid_code,"
                  " cid_event, cid_restore, cid_category, cid_uuid, priority, description,"
                  " user_type, user_no, user_name, video_url, panel_time, panel_time_unix,"
                  " panel_utc_offset, time_zone_assumed, received_at, gap_start, gap_end,"
                  " parse_note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                  " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                  " ?29)", error)
         && prepare (self, &self->insert_raw,
                     "INSERT INTO event_raw (event_id, raw) VALUES (?1, ?2)", error)
         && prepare (self, &self->insert_text,
                     "INSERT INTO events_fts (rowid, description, zone_name, panel_name)"
                     " VALUES (?1, ?2, ?3, ?4)", error)
         && prepare (self, &self->insert_alarm,
                     "INSERT OR IGNORE INTO alarms (event_id, restore_key, state)"
                     " VALUES (?1, ?2, 'new')", error)
         /* The latest open alarm of the same panel, zone and CID event; one not restored yet
          * first, so that two alarms and two restores pair up newest with newest. */
         && prepare (self, &self->find_restored_alarm,
                     "SELECT event_id FROM alarms INDEXED BY alarms_open_by_restore_key"
                     " WHERE restore_key = ?1 AND state <> 'closed'"
                     " ORDER BY restored_at IS NULL DESC, event_id DESC LIMIT 1", error)
         && prepare (self, &self->link_restore,
                     "UPDATE events SET restores_id = ?1 WHERE id = ?2", error)
         && prepare (self, &self->mark_restored,
                     "UPDATE alarms SET restored_at = ?1, restore_event_id = ?2"
                     " WHERE event_id = ?3 AND restored_at IS NULL", error)
         && prepare (self, &self->get_alarm,
                     "SELECT a.state, a.acknowledged_by, a.acknowledged_at, a.ack_seconds,"
                     " a.closed_by, a.closed_at, e.received_at"
                     " FROM alarms a JOIN events e ON e.id = a.event_id WHERE a.event_id = ?1",
                     error)
         && prepare (self, &self->acknowledge,
                     "UPDATE alarms SET state = 'acknowledged', acknowledged_by = ?1,"
                     " acknowledged_at = ?2, ack_seconds = ?3 WHERE event_id = ?4", error)
         && prepare (self, &self->close_alarm,
                     "UPDATE alarms SET state = 'closed', acknowledged_by = ?1,"
                     " acknowledged_at = ?2, ack_seconds = ?3, closed_by = ?4, closed_at = ?5,"
                     " resolution = ?6, note = ?7 WHERE event_id = ?8", error)
         && prepare (self, &self->insert_audit,
                     "INSERT INTO audit (id, at, operator, action, target, result,"
                     " gateway_answer, prev_hash, hash)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error)
         && prepare (self, &self->set_video,
                     "UPDATE events SET video_file = ?1, video_sha256 = ?2 WHERE id = ?3", error)
         && prepare (self, &self->upsert_panel,
                     "INSERT INTO panels (dev_index, name) VALUES (?1, ?2)"
                     " ON CONFLICT (dev_index) DO UPDATE SET name = excluded.name", error)
         && prepare (self, &self->upsert_zone,
                     "INSERT INTO zones (dev_index, zone, name) VALUES (?1, ?2, ?3)"
                     " ON CONFLICT (dev_index, zone) DO UPDATE SET name = excluded.name", error);
}

static void
finalize_all (VigilStoreWriter *self)
{
  sqlite3_stmt **stmts[] = {
    &self->insert_event, &self->insert_raw, &self->insert_text, &self->insert_alarm,
    &self->find_restored_alarm, &self->link_restore, &self->mark_restored, &self->get_alarm,
    &self->acknowledge, &self->close_alarm, &self->insert_audit, &self->set_video,
    &self->upsert_panel, &self->upsert_zone,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    g_clear_pointer (stmts[i], sqlite3_finalize);
}

/* SQLITE_STATIC: every statement is stepped, reset and cleared (step_done) while the strings
 * bound to it are still alive, so SQLite need not copy them. */
static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *date_time)
{
  if (date_time != NULL)
    sqlite3_bind_int64 (stmt, index, vigil_store_date_time_to_usec (date_time));
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (VigilStoreWriter  *self,
           sqlite3_stmt      *stmt,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      vigil_store_db_set_error (error, self->db, sqlite3_sql (stmt));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* ---- Caches ---- */

static gboolean
load_state (VigilStoreWriter  *self,
            GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_hash_table_remove_all (self->panel_names);
  g_hash_table_remove_all (self->zone_names);
  self->audit_last_id = 0;
  g_clear_pointer (&self->audit_last_hash, g_free);
  self->audit_last_hash = g_strdup (VIGIL_STORE_AUDIT_GENESIS);

  if (sqlite3_prepare_v2 (self->db, "SELECT dev_index, name FROM panels WHERE name IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->panel_names,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT dev_index, zone, name FROM zones WHERE name IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->zone_names,
                         zone_key ((const char *) sqlite3_column_text (stmt, 0),
                                   sqlite3_column_int (stmt, 1)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (self->db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self->audit_last_id = sqlite3_column_int64 (stmt, 0);
      g_free (self->audit_last_hash);
      self->audit_last_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return TRUE;

failed:
  vigil_store_db_set_error (error, self->db, _("reading names and the audit log"));
  sqlite3_finalize (stmt);
  return FALSE;
}

/* ---- Requests ---- */

/* The dateTime text as the panel sent it; Vigil's own reading when the part had none. */
static char *
panel_time_text (const VigilEvent *event)
{
  if (event->date_time_text != NULL)
    return g_strdup (event->date_time_text);
  if (event->date_time != NULL)
    return g_date_time_format_iso8601 (event->date_time);
  return NULL;
}

/* Events always carry a key; this covers one built without, so it is still stored once. */
static char *
fallback_dedup_key (const VigilEvent *event)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char received[32];

  g_snprintf (received, sizeof received, "%" G_GINT64_FORMAT "\n",
              vigil_store_date_time_to_usec (event->received_at));
  g_checksum_update (checksum, (const guchar *) received, -1);
  if (event->raw != NULL)
    g_checksum_update (checksum, (const guchar *) event->raw,
                       event->raw_len > 0 ? event->raw_len : strlen (event->raw));

  return g_strconcat ("content:", g_checksum_get_string (checksum), NULL);
}

static gboolean
link_restore (VigilStoreWriter  *self,
              VigilStoreOp      *op,
              GError           **error)
{
  const VigilEvent *event = op->event;
  sqlite3_stmt *stmt = self->find_restored_alarm;
  g_autofree char *key = vigil_event_dup_restore_key (event);
  gint64 alarm_id = 0;
  int rc;

  if (key == NULL)
    return TRUE;

  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    alarm_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      vigil_store_db_set_error (error, self->db, _("finding the alarm a restore restores"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (alarm_id == 0)
    return TRUE;

  sqlite3_bind_int64 (self->link_restore, 1, alarm_id);
  sqlite3_bind_int64 (self->link_restore, 2, op->id);
  if (!step_done (self, self->link_restore, error))
    return FALSE;

  bind_time (self->mark_restored, 1, event->received_at);
  if (event->received_at == NULL)
    sqlite3_bind_int64 (self->mark_restored, 1, op->at);
  sqlite3_bind_int64 (self->mark_restored, 2, op->id);
  sqlite3_bind_int64 (self->mark_restored, 3, alarm_id);
  if (!step_done (self, self->mark_restored, error))
    return FALSE;

  op->restores_id = alarm_id;
  return TRUE;
}

static gboolean
do_append (VigilStoreWriter  *self,
           VigilStoreOp      *op,
           GError           **error)
{
  const VigilEvent *event = op->event;
  sqlite3_stmt *stmt = self->insert_event;
  g_autofree char *fallback_key = NULL;
  g_autofree char *time_text = NULL;
  const char *panel_name = NULL;
  const char *zone_name = NULL;

  if (event->dev_index != NULL)
    {
      panel_name = g_hash_table_lookup (self->panel_names, event->dev_index);
      if (event->zone >= 0)
        {
          g_autofree char *key = zone_key (event->dev_index, event->zone);
          zone_name = g_hash_table_lookup (self->zone_names, key);
        }
    }

  if (event->dedup_key == NULL || event->dedup_key[0] == '\0')
    fallback_key = fallback_dedup_key (event);
  time_text = panel_time_text (event);

  bind_text (stmt, 1, fallback_key != NULL ? fallback_key : event->dedup_key);
  sqlite3_bind_int (stmt, 2, event->type);
  bind_text (stmt, 3, event->event_type);
  bind_text (stmt, 4, event->event_state);
  bind_text (stmt, 5, event->dev_index);
  bind_text (stmt, 6, panel_name);
  sqlite3_bind_int (stmt, 7, event->partition);
  sqlite3_bind_int (stmt, 8, event->zone);
  bind_text (stmt, 9, zone_name);
  bind_text (stmt, 10, event->status);
  if (event->has_cid)
    {
      bind_text (stmt, 11, event->cid_code);
      sqlite3_bind_int64 (stmt, 12, event->cid_event);
      sqlite3_bind_int (stmt, 13, event->cid_restore ? 1 : 0);
      bind_text (stmt, 14, vigil_cid_category_to_string (event->cid_category));
      bind_text (stmt, 15, event->cid_uuid);
    }
  else
    sqlite3_bind_int (stmt, 13, 0);
  sqlite3_bind_int (stmt, 16, event->priority);
  bind_text (stmt, 17, vigil_event_get_summary (event));
  if (event->has_cid_param)
    {
      sqlite3_bind_int (stmt, 18, event->user_type);
      sqlite3_bind_int (stmt, 19, event->user_no);
    }
  bind_text (stmt, 20, event->user_name);
  bind_text (stmt, 21, event->video_url);
  bind_text (stmt, 22, time_text);
  if (event->date_time != NULL)
    {
      sqlite3_bind_int64 (stmt, 23, g_date_time_to_unix (event->date_time));
      sqlite3_bind_int64 (stmt, 24, g_date_time_get_utc_offset (event->date_time) / G_USEC_PER_SEC);
    }
  sqlite3_bind_int (stmt, 25, event->time_zone_assumed ? 1 : 0);
  if (event->received_at != NULL)
    bind_time (stmt, 26, event->received_at);
  else
    sqlite3_bind_int64 (stmt, 26, op->at);
  bind_time (stmt, 27, event->gap_start);
  bind_time (stmt, 28, event->gap_end);
  bind_text (stmt, 29, event->parse_note);

  if (!step_done (self, stmt, error))
    return FALSE;

  /* Exactly once: a key already stored (a replayed backlog, the same event twice) inserts
   * nothing, and nothing else happens for it. */
  if (sqlite3_changes (self->db) == 0)
    {
      op->id = 0;
      return TRUE;
    }
  op->id = sqlite3_last_insert_rowid (self->db);

  /* A blob: the raw text may hold NULs and invalid UTF-8, and is kept byte for byte. */
  sqlite3_bind_int64 (self->insert_raw, 1, op->id);
  if (event->raw != NULL)
    sqlite3_bind_blob64 (self->insert_raw, 2, event->raw,
                         event->raw_len > 0 ? event->raw_len : strlen (event->raw),
                         SQLITE_STATIC);
  else
    sqlite3_bind_zeroblob (self->insert_raw, 2, 0);
  if (!step_done (self, self->insert_raw, error))
    return FALSE;

  /* Exactly the text the row holds: a later 'delete' must give FTS5 the same values. */
  sqlite3_bind_int64 (self->insert_text, 1, op->id);
  bind_text (self->insert_text, 2, vigil_event_get_summary (event));
  bind_text (self->insert_text, 3, zone_name);
  bind_text (self->insert_text, 4, panel_name);
  if (!step_done (self, self->insert_text, error))
    return FALSE;

  if (vigil_event_is_alarm (event))
    {
      g_autofree char *key = vigil_event_dup_restore_key (event);

      sqlite3_bind_int64 (self->insert_alarm, 1, op->id);
      bind_text (self->insert_alarm, 2, key);
      if (!step_done (self, self->insert_alarm, error))
        return FALSE;
    }

  if (event->has_cid && event->cid_restore)
    return link_restore (self, op, error);

  return TRUE;
}

static gboolean
append_audit (VigilStoreWriter  *self,
              gint64             at,
              const char        *operator_name,
              const char        *action,
              const char        *target,
              const char        *result_text,
              const char        *gateway_answer,
              gint64            *row_id,
              GError           **error)
{
  sqlite3_stmt *stmt = self->insert_audit;
  gint64 id = self->audit_last_id + 1;
  g_autofree char *hash = NULL;

  hash = vigil_store_audit_hash (id, at, operator_name, action, target, result_text,
                                 gateway_answer, self->audit_last_hash);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  bind_text (stmt, 3, operator_name);
  bind_text (stmt, 4, action);
  bind_text (stmt, 5, target);
  bind_text (stmt, 6, result_text);
  bind_text (stmt, 7, gateway_answer);
  bind_text (stmt, 8, self->audit_last_hash);
  bind_text (stmt, 9, hash);
  if (!step_done (self, stmt, error))
    return FALSE;

  self->audit_last_id = id;
  g_free (self->audit_last_hash);
  self->audit_last_hash = g_steal_pointer (&hash);
  if (row_id != NULL)
    *row_id = id;

  return TRUE;
}

static char *
format_local_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = vigil_store_usec_to_date_time (usec);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

typedef struct
{
  gboolean found;
  VigilAlarmState state;
  char *acknowledged_by;
  gint64 acknowledged_at;
  double ack_seconds;
  char *closed_by;
  gint64 closed_at;
  gint64 received_at;
} AlarmRow;

static void
alarm_row_clear (AlarmRow *row)
{
  g_free (row->acknowledged_by);
  g_free (row->closed_by);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AlarmRow, alarm_row_clear)

static gboolean
read_alarm (VigilStoreWriter  *self,
            gint64             event_id,
            AlarmRow          *row,
            GError           **error)
{
  sqlite3_stmt *stmt = self->get_alarm;
  int rc;

  memset (row, 0, sizeof *row);
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->found = TRUE;
      if (!vigil_alarm_state_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                          &row->state))
        row->state = VIGIL_ALARM_STATE_NEW;
      row->acknowledged_by = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->acknowledged_at = sqlite3_column_int64 (stmt, 2);
      row->ack_seconds = sqlite3_column_double (stmt, 3);
      row->closed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->closed_at = sqlite3_column_int64 (stmt, 5);
      row->received_at = sqlite3_column_int64 (stmt, 6);
    }
  else if (rc != SQLITE_DONE)
    {
      vigil_store_db_set_error (error, self->db, _("reading an alarm"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* A refusal the operator can act on: not found, or someone else was first. Sets op->error. */
static gboolean
check_alarm_open (VigilStoreOp   *op,
                  const AlarmRow *row,
                  gboolean        acknowledging)
{
  if (!row->found)
    {
      op->error = g_error_new (VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NOT_FOUND,
                               _("There is no alarm %lld."), (long long) op->id);
      return FALSE;
    }

  if (row->state == VIGIL_ALARM_STATE_CLOSED)
    {
      g_autofree char *when = format_local_time (row->closed_at);

      op->error = g_error_new (VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_ALREADY_CLOSED,
                               _("This alarm was already closed by %s at %s."),
                               row->closed_by != NULL ? row->closed_by : "?", when);
      return FALSE;
    }

  if (acknowledging && row->state == VIGIL_ALARM_STATE_ACKNOWLEDGED)
    {
      g_autofree char *when = format_local_time (row->acknowledged_at);

      op->error = g_error_new (VIGIL_EVENT_STORE_ERROR,
                               VIGIL_EVENT_STORE_ERROR_ALREADY_ACKNOWLEDGED,
                               _("This alarm was already acknowledged by %s at %s."),
                               row->acknowledged_by != NULL ? row->acknowledged_by : "?", when);
      return FALSE;
    }

  return TRUE;
}

static gboolean
do_acknowledge (VigilStoreWriter  *self,
                VigilStoreOp      *op,
                GError           **error)
{
  g_auto(AlarmRow) row = { 0, };
  g_autofree char *target = NULL;

  if (!read_alarm (self, op->id, &row, error))
    return FALSE;
  if (!check_alarm_open (op, &row, TRUE))
    return TRUE;

  op->acknowledged_by = g_strdup (op->operator_name);
  op->acknowledged_at = op->at;
  op->ack_seconds = (double) (op->at - row.received_at) / G_USEC_PER_SEC;

  bind_text (self->acknowledge, 1, op->acknowledged_by);
  sqlite3_bind_int64 (self->acknowledge, 2, op->acknowledged_at);
  sqlite3_bind_double (self->acknowledge, 3, op->ack_seconds);
  sqlite3_bind_int64 (self->acknowledge, 4, op->id);
  if (!step_done (self, self->acknowledge, error))
    return FALSE;

  target = g_strdup_printf ("alarm %" G_GINT64_FORMAT, op->id);
  if (!append_audit (self, op->at, op->operator_name,
                     vigil_audit_action_to_string (VIGIL_AUDIT_ACTION_ACKNOWLEDGE),
                     target, "acknowledged", NULL, NULL, error))
    return FALSE;

  op->changed = TRUE;
  return TRUE;
}

static gboolean
do_close_alarm (VigilStoreWriter  *self,
                VigilStoreOp      *op,
                GError           **error)
{
  g_auto(AlarmRow) row = { 0, };
  g_autofree char *target = NULL;
  g_autofree char *result_text = NULL;
  sqlite3_stmt *stmt = self->close_alarm;

  if (!read_alarm (self, op->id, &row, error))
    return FALSE;
  if (!check_alarm_open (op, &row, FALSE))
    return TRUE;

  /* Closing a new alarm means the closer saw it: that is its acknowledgement too. */
  if (row.state == VIGIL_ALARM_STATE_ACKNOWLEDGED)
    {
      op->acknowledged_by = g_strdup (row.acknowledged_by);
      op->acknowledged_at = row.acknowledged_at;
      op->ack_seconds = row.ack_seconds;
    }
  else
    {
      op->acknowledged_by = g_strdup (op->operator_name);
      op->acknowledged_at = op->at;
      op->ack_seconds = (double) (op->at - row.received_at) / G_USEC_PER_SEC;
    }

  bind_text (stmt, 1, op->acknowledged_by);
  sqlite3_bind_int64 (stmt, 2, op->acknowledged_at);
  sqlite3_bind_double (stmt, 3, op->ack_seconds);
  bind_text (stmt, 4, op->operator_name);
  sqlite3_bind_int64 (stmt, 5, op->at);
  bind_text (stmt, 6, vigil_resolution_to_string (op->resolution));
  bind_text (stmt, 7, op->note);
  sqlite3_bind_int64 (stmt, 8, op->id);
  if (!step_done (self, stmt, error))
    return FALSE;

  /* No gateway took part: the outcome and the operator's note are the result. */
  target = g_strdup_printf ("alarm %" G_GINT64_FORMAT, op->id);
  result_text = g_strdup_printf ("closed as %s%s%s", vigil_resolution_to_string (op->resolution),
                                 op->note != NULL ? ": " : "",
                                 op->note != NULL ? op->note : "");
  if (!append_audit (self, op->at, op->operator_name,
                     vigil_audit_action_to_string (VIGIL_AUDIT_ACTION_CLOSE),
                     target, result_text, NULL, NULL, error))
    return FALSE;

  op->changed = TRUE;
  return TRUE;
}

static gboolean
do_set_video (VigilStoreWriter  *self,
              VigilStoreOp      *op,
              GError           **error)
{
  bind_text (self->set_video, 1, op->file);
  bind_text (self->set_video, 2, op->sha256);
  sqlite3_bind_int64 (self->set_video, 3, op->id);
  if (!step_done (self, self->set_video, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    op->error = g_error_new (VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NOT_FOUND,
                             _("There is no event %lld."), (long long) op->id);
  return TRUE;
}

static gboolean
do_names (VigilStoreWriter  *self,
          VigilStoreOp      *op,
          GError           **error)
{
  if (op->kind == VIGIL_STORE_OP_PANEL_NAME)
    {
      bind_text (self->upsert_panel, 1, op->dev_index);
      bind_text (self->upsert_panel, 2, op->name);
      if (!step_done (self, self->upsert_panel, error))
        return FALSE;

      if (op->name != NULL)
        g_hash_table_replace (self->panel_names, g_strdup (op->dev_index), g_strdup (op->name));
      else
        g_hash_table_remove (self->panel_names, op->dev_index);
    }
  else
    {
      g_autofree char *key = zone_key (op->dev_index, op->zone);

      bind_text (self->upsert_zone, 1, op->dev_index);
      sqlite3_bind_int (self->upsert_zone, 2, op->zone);
      bind_text (self->upsert_zone, 3, op->name);
      if (!step_done (self, self->upsert_zone, error))
        return FALSE;

      if (op->name != NULL)
        g_hash_table_replace (self->zone_names, g_steal_pointer (&key), g_strdup (op->name));
      else
        g_hash_table_remove (self->zone_names, key);
    }

  return TRUE;
}

/* FALSE only when SQLite failed (the batch is rolled back); a refusal goes into op->error. */
static gboolean
apply (VigilStoreWriter  *self,
       VigilStoreOp      *op,
       GError           **error)
{
  switch (op->kind)
    {
    case VIGIL_STORE_OP_APPEND:
      return do_append (self, op, error);
    case VIGIL_STORE_OP_ACKNOWLEDGE:
      return do_acknowledge (self, op, error);
    case VIGIL_STORE_OP_CLOSE_ALARM:
      return do_close_alarm (self, op, error);
    case VIGIL_STORE_OP_AUDIT:
      return append_audit (self, op->at, op->operator_name, op->action, op->target,
                           op->result_text, op->gateway_answer, &op->id, error);
    case VIGIL_STORE_OP_SET_VIDEO:
      return do_set_video (self, op, error);
    case VIGIL_STORE_OP_PANEL_NAME:
    case VIGIL_STORE_OP_ZONE_NAME:
      return do_names (self, op, error);
    case VIGIL_STORE_OP_FLUSH:
    case VIGIL_STORE_OP_QUIT:
    default:
      return TRUE;
    }
}

static void
reset_results (VigilStoreOp *op)
{
  g_clear_error (&op->error);
  g_clear_pointer (&op->acknowledged_by, g_free);
  op->changed = FALSE;
  op->restores_id = 0;
  if (op->kind == VIGIL_STORE_OP_APPEND || op->kind == VIGIL_STORE_OP_AUDIT)
    op->id = 0;
}

/* One transaction over @ops[first, first + n). */
static gboolean
run_transaction (VigilStoreWriter  *self,
                 GPtrArray         *ops,
                 guint              first,
                 guint              n,
                 GError           **error)
{
  if (!vigil_store_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = first; i < first + n; i++)
    if (!apply (self, g_ptr_array_index (ops, i), error))
      goto failed;

  if (!vigil_store_db_exec (self->db, "COMMIT", error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  for (guint i = first; i < first + n; i++)
    reset_results (g_ptr_array_index (ops, i));
  /* The caches may hold what was rolled back. */
  if (!load_state (self, NULL))
    g_warning ("Could not reload the event database's state after a failed write");
  return FALSE;
}

static void
run_batch (VigilStoreWriter *self,
           GPtrArray        *ops)
{
  g_autoptr(GError) error = NULL;

  if (run_transaction (self, ops, 0, ops->len, &error))
    return;

  /* Something in the batch failed (disk full, I/O error…): retry each request on its own so
   * that one cannot take the others down with it. */
  for (guint i = 0; i < ops->len; i++)
    {
      VigilStoreOp *op = g_ptr_array_index (ops, i);
      g_autoptr(GError) op_error = NULL;

      if (ops->len > 1 && run_transaction (self, ops, i, 1, &op_error))
        continue;

      if (op_error == NULL)
        op_error = g_error_copy (error);
      if (op->kind == VIGIL_STORE_OP_APPEND)
        g_warning ("An event could not be stored: %s", op_error->message);
      g_clear_error (&op->error);
      op->error = g_steal_pointer (&op_error);
    }
}

/* ---- Checkpoints ---- */

/* Called by SQLite in the writer thread after each commit, with the WAL's size in pages. */
static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *name,
               int         n_pages)
{
  VigilStoreWriter *self = data;

  if (n_pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->checkpoint_lock);
      self->checkpoint_wanted = TRUE;
      g_cond_signal (&self->checkpoint_cond);
      g_mutex_unlock (&self->checkpoint_lock);
    }

  return SQLITE_OK;
}

static gpointer
checkpointer_thread (gpointer data)
{
  VigilStoreWriter *self = data;

  for (;;)
    {
      g_mutex_lock (&self->checkpoint_lock);
      while (!self->checkpoint_wanted && !self->checkpoint_quit)
        g_cond_wait (&self->checkpoint_cond, &self->checkpoint_lock);
      if (self->checkpoint_quit)
        {
          g_mutex_unlock (&self->checkpoint_lock);
          break;
        }
      self->checkpoint_wanted = FALSE;
      g_mutex_unlock (&self->checkpoint_lock);

      /* PASSIVE: copies what no reader still needs, never waits for the writer or readers.
       * Once all of the WAL is copied, the writer starts it over at its next commit. */
      sqlite3_wal_checkpoint_v2 (self->checkpoint_db, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                 NULL, NULL);
    }

  return NULL;
}

static gboolean
start_checkpointer (VigilStoreWriter  *self,
                    GError           **error)
{
  const char *path = sqlite3_db_filename (self->db, "main");

  /* A temporary or in-memory database has no WAL to checkpoint. */
  if (path == NULL || path[0] == '\0')
    return TRUE;

  self->checkpoint_db = vigil_store_db_open_reader (path, error);
  if (self->checkpoint_db == NULL
      || !vigil_store_db_exec (self->checkpoint_db, "SELECT count(*) FROM sqlite_schema", error))
    return FALSE;

  self->checkpointer = g_thread_try_new ("vigil-store-checkpoint", checkpointer_thread, self,
                                         error);
  if (self->checkpointer == NULL)
    return FALSE;

  sqlite3_wal_autocheckpoint (self->db, 0);
  sqlite3_wal_hook (self->db, on_wal_commit, self);
  return TRUE;
}

static void
stop_checkpointer (VigilStoreWriter *self)
{
  if (self->checkpointer != NULL)
    {
      g_mutex_lock (&self->checkpoint_lock);
      self->checkpoint_quit = TRUE;
      g_cond_signal (&self->checkpoint_cond);
      g_mutex_unlock (&self->checkpoint_lock);
      g_thread_join (g_steal_pointer (&self->checkpointer));
    }

  g_clear_pointer (&self->checkpoint_db, vigil_store_db_close);
}

/* ---- The thread and the hand-back to the main context ---- */

static gboolean
completion_dispatch (gpointer data)
{
  Completion *completion = data;
  g_autoptr(GObject) target = g_weak_ref_get (&completion->target->target);

  if (target != NULL)
    completion->target->func (target, completion->ops);

  /* Whatever the store did not complete (it is gone, or closed) is refused, never dropped. */
  for (guint i = 0; i < completion->ops->len; i++)
    {
      VigilStoreOp *op = g_ptr_array_index (completion->ops, i);

      g_autoptr(GTask) task = g_steal_pointer (&op->task);

      if (task != NULL)
        g_task_return_new_error (task, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED,
                                 _("The event database is closed."));
    }

  return G_SOURCE_REMOVE;
}

static void
completion_free (gpointer data)
{
  Completion *completion = data;

  g_ptr_array_unref (completion->ops);
  commit_target_release (completion->target);
  g_free (completion);
}

static void
post_completion (VigilStoreWriter *self,
                 GPtrArray        *ops)
{
  Completion *completion = g_new0 (Completion, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  completion->target = g_atomic_rc_box_acquire (self->target);
  completion->ops = ops;

  /* An idle source attached to the store's context, never g_main_context_invoke(): that one
   * runs the function right here when the context happens to be free, i.e. in this thread. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, completion_dispatch, completion, completion_free);
  g_source_set_static_name (source, "[vigil] event store commit");
  g_source_attach (source, self->context);
}

static void
wake_sync_waiters (GPtrArray *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      VigilStoreOp *op = g_ptr_array_index (ops, i);

      if (op->done != NULL)
        {
          g_mutex_lock (op->mutex);
          *op->done = TRUE;
          g_cond_broadcast (op->cond);
          g_mutex_unlock (op->mutex);
          /* The waiter owns these; it may return as soon as the mutex is released. */
          op->done = NULL;
          op->mutex = NULL;
          op->cond = NULL;
        }
    }
}

static gpointer
writer_thread (gpointer data)
{
  VigilStoreWriter *self = data;
  gboolean quit = FALSE;

  while (!quit)
    {
      GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_store_op_free);
      VigilStoreOp *op = g_async_queue_pop (self->queue);

      g_ptr_array_add (ops, op);
      while (op->kind != VIGIL_STORE_OP_QUIT
             && ops->len < BATCH_MAX
             && (op = g_async_queue_try_pop (self->queue)) != NULL)
        g_ptr_array_add (ops, op);

      op = g_ptr_array_index (ops, ops->len - 1);
      quit = op->kind == VIGIL_STORE_OP_QUIT;

      run_batch (self, ops);
      wake_sync_waiters (ops);
      post_completion (self, ops);
    }

  /* Keeps the planner's statistics fresh for the readers; cheap when nothing changed. */
  sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);

  return NULL;
}

VigilStoreWriter *
vigil_store_writer_new (sqlite3               *db,
                        GMainContext          *context,
                        GObject               *target,
                        VigilStoreCommitFunc   func,
                        GError               **error)
{
  VigilStoreWriter *self = g_new0 (VigilStoreWriter, 1);

  self->db = db;
  self->queue = g_async_queue_new ();
  self->context = g_main_context_ref (context);
  self->target = g_atomic_rc_box_new0 (CommitTarget);
  g_weak_ref_init (&self->target->target, target);
  self->target->func = func;
  self->panel_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->zone_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->checkpoint_lock);
  g_cond_init (&self->checkpoint_cond);

  if (!prepare_all (self, error) || !load_state (self, error) || !start_checkpointer (self, error))
    {
      vigil_store_writer_stop (self);
      return NULL;
    }

  self->thread = g_thread_try_new ("vigil-store-writer", writer_thread, self, error);
  if (self->thread == NULL)
    {
      vigil_store_writer_stop (self);
      return NULL;
    }

  return self;
}

void
vigil_store_writer_push (VigilStoreWriter *self,
                         VigilStoreOp     *op)
{
  g_async_queue_push (self->queue, op);
}

void
vigil_store_writer_stop (VigilStoreWriter *self)
{
  VigilStoreOp *op;

  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      /* Behind everything already queued: the thread commits it all, then ends. */
      g_async_queue_push (self->queue, vigil_store_op_new (VIGIL_STORE_OP_QUIT));
      g_thread_join (g_steal_pointer (&self->thread));
    }

  /* Requests that raced with the stop are refused in the main context (CLOSED). */
  if ((op = g_async_queue_try_pop (self->queue)) != NULL)
    {
      GPtrArray *late = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_store_op_free);

      do
        {
          if (op->kind == VIGIL_STORE_OP_APPEND)
            g_warning ("An event appended after the event database was closed was not stored");
          g_ptr_array_add (late, op);
        }
      while ((op = g_async_queue_try_pop (self->queue)) != NULL);

      wake_sync_waiters (late);
      post_completion (self, late);
    }

  /* The writer's connection closes last: as the last one, it checkpoints the whole WAL and
   * removes it, leaving a single file behind. */
  stop_checkpointer (self);
  finalize_all (self);
  g_clear_pointer (&self->db, vigil_store_db_close);
  g_mutex_clear (&self->checkpoint_lock);
  g_cond_clear (&self->checkpoint_cond);
  g_async_queue_unref (self->queue);
  g_main_context_unref (self->context);
  commit_target_release (self->target);
  g_hash_table_unref (self->panel_names);
  g_hash_table_unref (self->zone_names);
  g_free (self->audit_last_hash);
  g_free (self);
}
