/* vigil-event-store-queries.c — the SQL of reading: log pages and counts, alarms, audit
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-alarm-private.h"
#include "vigil-event-store-private.h"

/* The columns of a VigilEventRow; the alarm's state says whether the event raised one. */
#define ROW_COLUMNS \
  "e.id, e.type, e.event_type, e.event_state, e.received_at, e.panel_time_unix," \
  " e.panel_utc_offset, e.time_zone_assumed, e.dev_index, e.panel_name, e.partition, e.zone," \
  " e.zone_name, e.cid_code, e.cid_event, e.cid_restore, e.description, e.priority," \
  " e.user_name, e.status, a.state, coalesce (a.closed_by, a.acknowledged_by)," \
  " e.video_url IS NOT NULL OR e.video_file IS NOT NULL, e.restores_id"

typedef struct
{
  gboolean is_text;
  gint64 number;
  char *text;
} Bind;

typedef struct
{
  GString *sql;
  GArray *binds;
} Query;

static void
bind_clear (gpointer data)
{
  Bind *bind = data;

  g_free (bind->text);
}

static void
query_init (Query *query)
{
  query->sql = g_string_new (NULL);
  query->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (query->binds, bind_clear);
}

static void
query_clear (Query *query)
{
  if (query->sql != NULL)
    g_string_free (query->sql, TRUE);
  g_clear_pointer (&query->binds, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

/* Appends "?N" for a new parameter. */
static void
add_number (Query  *query,
            gint64  number)
{
  Bind bind = { FALSE, number, NULL };

  g_array_append_val (query->binds, bind);
  g_string_append_printf (query->sql, "?%u", query->binds->len);
}

static void
add_text (Query      *query,
          const char *text)
{
  Bind bind = { TRUE, 0, g_strdup (text) };

  g_array_append_val (query->binds, bind);
  g_string_append_printf (query->sql, "?%u", query->binds->len);
}

/* " AND …" for every criterion of @filter except the text, on the events table "e". */
static void
add_filter (Query                  *query,
            const VigilEventFilter *filter)
{
  const char * const *devices;
  const VigilEventType *types;
  guint n_devices = 0;
  guint n_types = 0;
  gint64 since;
  gint64 until;

  if (filter == NULL)
    return;

  devices = vigil_event_filter_get_devices (filter, &n_devices);
  if (n_devices > 0)
    {
      g_string_append (query->sql, " AND e.dev_index IN (");
      for (guint i = 0; i < n_devices; i++)
        {
          if (i > 0)
            g_string_append_c (query->sql, ',');
          add_text (query, devices[i]);
        }
      g_string_append_c (query->sql, ')');
    }

  types = vigil_event_filter_get_types (filter, &n_types);
  if (n_types > 0)
    {
      g_string_append (query->sql, " AND e.type IN (");
      for (guint i = 0; i < n_types; i++)
        {
          if (i > 0)
            g_string_append_c (query->sql, ',');
          add_number (query, types[i]);
        }
      g_string_append_c (query->sql, ')');
    }

  vigil_event_filter_get_time_range (filter, &since, &until);
  if (since > 0)
    {
      g_string_append (query->sql, " AND e.received_at >= ");
      add_number (query, since);
    }
  if (until > 0)
    {
      g_string_append (query->sql, " AND e.received_at < ");
      add_number (query, until);
    }

  if (vigil_event_filter_get_max_priority (filter) > 0)
    {
      g_string_append (query->sql, " AND e.priority <= ");
      add_number (query, vigil_event_filter_get_max_priority (filter));
    }
}

static gboolean
filter_has_columns (const VigilEventFilter *filter)
{
  guint n_devices = 0;
  guint n_types = 0;
  gint64 since;
  gint64 until;

  if (filter == NULL)
    return FALSE;

  vigil_event_filter_get_devices (filter, &n_devices);
  vigil_event_filter_get_types (filter, &n_types);
  vigil_event_filter_get_time_range (filter, &since, &until);

  return n_devices > 0 || n_types > 0 || since > 0 || until > 0
         || vigil_event_filter_get_max_priority (filter) > 0;
}

/* "FROM … WHERE …" selecting the matching events; @id is set to the expression of the id to
 * order and bound by. With text, FTS5 drives: it walks its rowids in order (ascending or
 * descending, from a bound) without sorting, and the event is looked up by its key. */
static void
add_from_where (Query                  *query,
                const VigilEventFilter *filter,
                gboolean                join_events,
                const char            **id)
{
  g_autofree char *match = NULL;

  if (filter != NULL && vigil_event_filter_get_text (filter) != NULL)
    match = vigil_event_filter_build_match (vigil_event_filter_get_text (filter));

  if (match != NULL)
    {
      *id = "f.rowid";
      g_string_append (query->sql, " FROM events_fts f");
      if (join_events || filter_has_columns (filter))
        g_string_append (query->sql, " CROSS JOIN events e ON e.id = f.rowid");
      g_string_append (query->sql, " WHERE f.events_fts MATCH ");
      add_text (query, match);
    }
  else
    {
      *id = "e.id";
      g_string_append (query->sql, " FROM events e WHERE 1");
    }

  add_filter (query, filter);
}

static gboolean
prepare_query (sqlite3       *db,
               Query         *query,
               sqlite3_stmt **stmt,
               GError       **error)
{
  if (sqlite3_prepare_v2 (db, query->sql->str, -1, stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("preparing a query"));
      return FALSE;
    }

  for (guint i = 0; i < query->binds->len; i++)
    {
      const Bind *bind = &g_array_index (query->binds, Bind, i);

      if (bind->is_text)
        sqlite3_bind_text (*stmt, i + 1, bind->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (*stmt, i + 1, bind->number);
    }

  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static VigilEventRow *
row_from_statement (sqlite3_stmt *stmt)
{
  VigilEventRowData data = { 0, };

  data.id = sqlite3_column_int64 (stmt, 0);
  data.kind = sqlite3_column_int (stmt, 1);
  data.event_type = column_dup (stmt, 2);
  data.event_state = column_dup (stmt, 3);
  data.received_at = sqlite3_column_int64 (stmt, 4);
  data.has_panel_time = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  data.panel_time_unix = sqlite3_column_int64 (stmt, 5);
  data.panel_utc_offset = sqlite3_column_int (stmt, 6);
  data.time_zone_assumed = sqlite3_column_int (stmt, 7) != 0;
  data.dev_index = column_dup (stmt, 8);
  data.panel_name = column_dup (stmt, 9);
  data.partition = sqlite3_column_int (stmt, 10);
  data.zone = sqlite3_column_int (stmt, 11);
  data.zone_name = column_dup (stmt, 12);
  data.cid_code = column_dup (stmt, 13);
  data.cid_event = (guint) sqlite3_column_int64 (stmt, 14);
  data.cid_restore = sqlite3_column_int (stmt, 15) != 0;
  data.description = column_dup (stmt, 16);
  data.priority = (guint) sqlite3_column_int (stmt, 17);
  data.user_name = column_dup (stmt, 18);
  data.status = column_dup (stmt, 19);
  data.is_alarm = sqlite3_column_type (stmt, 20) != SQLITE_NULL;
  if (!data.is_alarm
      || !vigil_alarm_state_from_string ((const char *) sqlite3_column_text (stmt, 20),
                                         &data.alarm_state))
    data.alarm_state = VIGIL_ALARM_STATE_NEW;
  data.operator_name = column_dup (stmt, 21);
  data.has_video = sqlite3_column_int (stmt, 22) != 0;
  data.restores_id = sqlite3_column_int64 (stmt, 23);

  return vigil_event_row_new_from_data (&data);
}

static GPtrArray *
collect_rows (sqlite3       *db,
              sqlite3_stmt  *stmt,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  vigil_store_db_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (stmt));
  vigil_store_db_unwatch_cancellable (db);

  if (rc != SQLITE_DONE)
    {
      vigil_store_db_set_error (error, db, _("reading events"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
vigil_store_read_rows (sqlite3                *db,
                       const VigilStoreQuery  *q,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_auto(Query) query = { 0, };
  const char *id = NULL;
  const char *direction = q->ascending ? "ASC" : "DESC";
  sqlite3_stmt *stmt = NULL;
  GPtrArray *rows;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  query_init (&query);

  /* The ids of the page first (an OFFSET skips ids only), then their rows. */
  g_string_append_printf (query.sql, "SELECT " ROW_COLUMNS " FROM (SELECT %s AS id",
                          "%ID%");
  add_from_where (&query, q->filter, FALSE, &id);
  if (q->max_id > 0)
    {
      g_string_append_printf (query.sql, " AND %s <= ", id);
      add_number (&query, q->max_id);
    }
  if (q->bound_id > 0)
    {
      g_string_append_printf (query.sql, " AND %s %s ", id, q->ascending ? ">=" : "<=");
      add_number (&query, q->bound_id);
    }
  if (q->after_id > 0)
    {
      g_string_append_printf (query.sql, " AND %s > ", id);
      add_number (&query, q->after_id);
    }
  g_string_append_printf (query.sql, " ORDER BY %s %s LIMIT ", id, direction);
  add_number (&query, q->limit);
  g_string_append (query.sql, " OFFSET ");
  add_number (&query, q->offset);
  g_string_append_printf (query.sql, ") AS page CROSS JOIN events e ON e.id = page.id"
                          " LEFT JOIN alarms a ON a.event_id = e.id ORDER BY e.id %s",
                          direction);
  g_string_replace (query.sql, "%ID%", id, 1);

  if (!prepare_query (db, &query, &stmt, error))
    return NULL;

  rows = collect_rows (db, stmt, cancellable, error);
  sqlite3_finalize (stmt);
  return rows;
}

static gboolean
single_row (sqlite3       *db,
            sqlite3_stmt  *stmt,
            gint64        *first,
            gint64        *second,
            GCancellable  *cancellable,
            GError       **error)
{
  int rc;

  vigil_store_db_watch_cancellable (db, cancellable);
  rc = sqlite3_step (stmt);
  vigil_store_db_unwatch_cancellable (db);

  if (rc != SQLITE_ROW)
    {
      vigil_store_db_set_error (error, db, _("counting events"));
      return FALSE;
    }

  if (first != NULL)
    *first = sqlite3_column_int64 (stmt, 0);
  if (second != NULL)
    *second = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Without a filter: SQLite counts a whole table from its smallest index (a few MB for a million
 * events) far faster than it walks the table itself, so count all, then subtract the few rows
 * above @max_id, in one read transaction so that both see the same rows. */
static gboolean
count_all (sqlite3       *db,
           gint64         max_id,
           gint64        *count,
           gint64        *min_id,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 total = 0;
  gint64 above = 0;
  gboolean ok;

  if (!vigil_store_db_exec (db, "BEGIN", error))
    return FALSE;

  ok = sqlite3_prepare_v2 (db, "SELECT count(*), coalesce (min (id), 0) FROM events",
                           -1, &stmt, NULL) == SQLITE_OK
       && single_row (db, stmt, &total, min_id, cancellable, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (ok && max_id > 0)
    {
      ok = sqlite3_prepare_v2 (db, "SELECT count(*) FROM events WHERE id > ?1",
                               -1, &stmt, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, max_id);
          ok = single_row (db, stmt, &above, NULL, cancellable, error);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!ok && error != NULL && *error == NULL)
    vigil_store_db_set_error (error, db, _("counting events"));

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (ok)
    *count = total - above;
  return ok;
}

gboolean
vigil_store_read_count (sqlite3                *db,
                        const VigilEventFilter *filter,
                        gint64                  max_id,
                        gint64                 *count,
                        gint64                 *min_id,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_auto(Query) query = { 0, };
  const char *id = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  gint64 first = 0;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (vigil_event_filter_is_empty (filter))
    ok = count_all (db, max_id, &n, &first, cancellable, error);
  else
    {
      query_init (&query);
      g_string_append (query.sql, "SELECT count(*), coalesce (min (%ID%), 0)");
      add_from_where (&query, filter, FALSE, &id);
      if (max_id > 0)
        {
          g_string_append_printf (query.sql, " AND %s <= ", id);
          add_number (&query, max_id);
        }
      g_string_replace (query.sql, "%ID%", id, 1);

      ok = prepare_query (db, &query, &stmt, error)
           && single_row (db, stmt, &n, &first, cancellable, error);
      sqlite3_finalize (stmt);
    }

  if (!ok)
    return FALSE;

  if (count != NULL)
    *count = n;
  if (min_id != NULL)
    *min_id = first;
  return TRUE;
}

gboolean
vigil_store_read_count_range (sqlite3                *db,
                              const VigilEventFilter *filter,
                              gint64                  after_id,
                              gint64                  max_id,
                              gint64                 *count,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_auto(Query) query = { 0, };
  const char *id = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A range of ids is a range of the primary key (or of FTS5's rowids): the count walks only
   * the rows in it, however long the log. */
  query_init (&query);
  g_string_append (query.sql, "SELECT count(*), 0");
  add_from_where (&query, filter, FALSE, &id);
  g_string_append_printf (query.sql, " AND %s > ", id);
  add_number (&query, after_id);
  g_string_append_printf (query.sql, " AND %s <= ", id);
  add_number (&query, max_id);

  ok = prepare_query (db, &query, &stmt, error)
       && single_row (db, stmt, count, NULL, cancellable, error);
  sqlite3_finalize (stmt);
  return ok;
}

gint64
vigil_store_read_max_id (sqlite3  *db,
                         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = -1;

  if (sqlite3_prepare_v2 (db, "SELECT coalesce (max (id), 0) FROM events", -1, &stmt, NULL)
        == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  else
    vigil_store_db_set_error (error, db, _("reading the newest event"));

  sqlite3_finalize (stmt);
  return max_id;
}

static GError *
not_found_event (gint64 event_id)
{
  return g_error_new (VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_NOT_FOUND,
                      _("There is no event %lld."), (long long) event_id);
}

GBytes *
vigil_store_read_raw (sqlite3  *db,
                      gint64    event_id,
                      GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT raw FROM event_raw WHERE event_id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("reading an event"));
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_propagate_error (error, not_found_event (event_id));
  else
    vigil_store_db_set_error (error, db, _("reading an event"));

  sqlite3_finalize (stmt);
  return bytes;
}

/* ---- Events decoded again ---- */

#define EVENT_COLUMNS \
  "e.type, e.event_type, e.event_state, e.dev_index, e.partition, e.zone, e.status," \
  " e.cid_code, e.cid_event, e.cid_restore, e.cid_uuid, e.priority, e.description," \
  " e.user_name, e.video_url, e.panel_utc_offset, e.received_at, e.gap_start, e.gap_end," \
  " e.dedup_key, r.raw"

enum {
  EC_TYPE, EC_EVENT_TYPE, EC_EVENT_STATE, EC_DEV_INDEX, EC_PARTITION, EC_ZONE, EC_STATUS,
  EC_CID_CODE, EC_CID_EVENT, EC_CID_RESTORE, EC_CID_UUID, EC_PRIORITY, EC_DESCRIPTION,
  EC_USER_NAME, EC_VIDEO_URL, EC_OFFSET, EC_RECEIVED_AT, EC_GAP_START, EC_GAP_END,
  EC_DEDUP_KEY, EC_RAW, EC_N
};

static void
replace_string (char         **field,
                sqlite3_stmt  *stmt,
                int            column)
{
  g_free (*field);
  *field = column_dup (stmt, column);
}

static void
replace_time (GDateTime    **field,
              sqlite3_stmt  *stmt,
              int            column)
{
  g_clear_pointer (field, g_date_time_unref);
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    *field = vigil_store_usec_to_date_time (sqlite3_column_int64 (stmt, column));
}

/* The event as first decoded: the gateway's events are parsed again from their raw bytes (the
 * same decoder, every field), Vigil's own notes rebuilt by their constructors; what only the
 * store knows (arrival time, key, priority as stored) is put back from the columns. A raw text
 * the decoder no longer reads gives an event built from the columns, so an open alarm is never
 * lost from the queue. */
static VigilEvent *
event_from_statement (sqlite3_stmt *stmt)
{
  VigilEventType type = sqlite3_column_int (stmt, EC_TYPE);
  const char *raw = sqlite3_column_blob (stmt, EC_RAW);
  gsize raw_len = sqlite3_column_bytes (stmt, EC_RAW);
  g_autoptr(GDateTime) received_at = NULL;
  g_autoptr(GDateTime) gap_start = NULL;
  g_autoptr(GDateTime) gap_end = NULL;
  VigilEvent *event = NULL;
  gboolean from_columns = FALSE;

  received_at = vigil_store_usec_to_date_time (sqlite3_column_int64 (stmt, EC_RECEIVED_AT));
  if (sqlite3_column_type (stmt, EC_GAP_START) != SQLITE_NULL)
    gap_start = vigil_store_usec_to_date_time (sqlite3_column_int64 (stmt, EC_GAP_START));
  if (sqlite3_column_type (stmt, EC_GAP_END) != SQLITE_NULL)
    gap_end = vigil_store_usec_to_date_time (sqlite3_column_int64 (stmt, EC_GAP_END));

  switch (type)
    {
    case VIGIL_EVENT_LINK_LOST:
      if (gap_start != NULL)
        event = vigil_event_new_link_lost (gap_start);
      break;

    case VIGIL_EVENT_LINK_RESTORED:
      if (gap_start != NULL && gap_end != NULL)
        event = vigil_event_new_link_restored (gap_start, gap_end);
      break;

    case VIGIL_EVENT_STREAM_ERROR:
      break;

    case VIGIL_EVENT_UNKNOWN:
    case VIGIL_EVENT_HEARTBEAT:
    case VIGIL_EVENT_DEV_STATUS_CHANGED:
    case VIGIL_EVENT_CID_ALARM:
    case VIGIL_EVENT_VIDEO_REVIEW:
    default:
      if (raw != NULL && raw_len > 0)
        {
          g_autoptr(GTimeZone) tz = NULL;

          /* A time without zone was read in the panel's zone: its offset was stored. */
          if (sqlite3_column_type (stmt, EC_OFFSET) != SQLITE_NULL)
            tz = g_time_zone_new_offset (sqlite3_column_int (stmt, EC_OFFSET));
          event = vigil_event_parse (raw, raw_len, tz, received_at, NULL);
          if (event != NULL && event->type != type)
            g_clear_pointer (&event, vigil_event_unref);
        }
      break;
    }

  if (event == NULL)
    {
      event = vigil_event_new_stream_error ((const char *) sqlite3_column_text (stmt,
                                                                               EC_DESCRIPTION),
                                            raw, raw != NULL ? raw_len : 0);
      from_columns = type != VIGIL_EVENT_STREAM_ERROR;
    }

  if (from_columns)
    {
      event->type = type;
      replace_string (&event->event_type, stmt, EC_EVENT_TYPE);
      replace_string (&event->event_state, stmt, EC_EVENT_STATE);
      replace_string (&event->dev_index, stmt, EC_DEV_INDEX);
      event->partition = sqlite3_column_int (stmt, EC_PARTITION);
      event->zone = sqlite3_column_int (stmt, EC_ZONE);
      replace_string (&event->status, stmt, EC_STATUS);
      event->has_cid = sqlite3_column_type (stmt, EC_CID_CODE) != SQLITE_NULL;
      replace_string (&event->cid_code, stmt, EC_CID_CODE);
      event->cid_event = (guint) sqlite3_column_int64 (stmt, EC_CID_EVENT);
      event->cid_restore = sqlite3_column_int (stmt, EC_CID_RESTORE) != 0;
      event->cid_category = vigil_cid_category_for_event (event->cid_event);
      replace_string (&event->cid_description, stmt, EC_DESCRIPTION);
      replace_string (&event->cid_uuid, stmt, EC_CID_UUID);
      replace_string (&event->user_name, stmt, EC_USER_NAME);
      replace_string (&event->video_url, stmt, EC_VIDEO_URL);
      g_clear_pointer (&event->gap_start, g_date_time_unref);
      g_clear_pointer (&event->gap_end, g_date_time_unref);
      event->gap_start = gap_start != NULL ? g_date_time_ref (gap_start) : NULL;
      event->gap_end = gap_end != NULL ? g_date_time_ref (gap_end) : NULL;
    }

  /* Only the store knows these. */
  replace_time (&event->received_at, stmt, EC_RECEIVED_AT);
  replace_string (&event->dedup_key, stmt, EC_DEDUP_KEY);
  event->priority = sqlite3_column_int (stmt, EC_PRIORITY);
  if (type == VIGIL_EVENT_STREAM_ERROR || type == VIGIL_EVENT_LINK_LOST
      || type == VIGIL_EVENT_LINK_RESTORED)
    {
      /* The constructors wrote a note of their own for now; the stored one is the record. */
      g_free (event->raw);
      event->raw = raw != NULL ? g_strndup (raw, raw_len) : g_strdup ("");
      event->raw_len = raw != NULL ? raw_len : 0;
    }

  return event;
}

VigilEvent *
vigil_store_read_event (sqlite3  *db,
                        gint64    event_id,
                        GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  VigilEvent *event = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT " EVENT_COLUMNS " FROM events e"
                          " LEFT JOIN event_raw r ON r.event_id = e.id WHERE e.id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("reading an event"));
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = event_from_statement (stmt);
  else if (rc == SQLITE_DONE)
    g_propagate_error (error, not_found_event (event_id));
  else
    vigil_store_db_set_error (error, db, _("reading an event"));

  sqlite3_finalize (stmt);
  return event;
}

/* ---- Alarms ---- */

#define ALARM_COLUMNS \
  "a.event_id, a.state, a.acknowledged_by, a.acknowledged_at, a.ack_seconds, a.closed_by," \
  " a.closed_at, a.resolution, a.note, a.restored_at, a.restore_event_id"

static VigilAlarm *
alarm_from_statement (sqlite3_stmt *stmt)
{
  g_autoptr(VigilEvent) event = event_from_statement (stmt);
  VigilAlarm *alarm;
  VigilAlarmState state = VIGIL_ALARM_STATE_NEW;
  VigilResolution resolution = VIGIL_RESOLUTION_NONE;
  const int c = EC_N;

  alarm = vigil_alarm_new (sqlite3_column_int64 (stmt, c), event);
  vigil_alarm_state_from_string ((const char *) sqlite3_column_text (stmt, c + 1), &state);

  if (state != VIGIL_ALARM_STATE_NEW)
    vigil_alarm_set_acknowledged (alarm, (const char *) sqlite3_column_text (stmt, c + 2),
                                  sqlite3_column_int64 (stmt, c + 3),
                                  sqlite3_column_double (stmt, c + 4));
  if (state == VIGIL_ALARM_STATE_CLOSED)
    {
      vigil_resolution_from_string ((const char *) sqlite3_column_text (stmt, c + 7),
                                    &resolution);
      vigil_alarm_set_closed (alarm, (const char *) sqlite3_column_text (stmt, c + 5),
                              sqlite3_column_int64 (stmt, c + 6), resolution,
                              (const char *) sqlite3_column_text (stmt, c + 8));
    }
  if (sqlite3_column_type (stmt, c + 9) != SQLITE_NULL)
    vigil_alarm_set_restore (alarm, sqlite3_column_int64 (stmt, c + 10), NULL,
                             sqlite3_column_int64 (stmt, c + 9));

  return alarm;
}

/* The restore events of the alarms read, so the detail can show what restored them. */
static void
attach_restore_events (sqlite3   *db,
                       GPtrArray *alarms)
{
  for (guint i = 0; i < alarms->len; i++)
    {
      VigilAlarm *alarm = g_ptr_array_index (alarms, i);
      g_autoptr(VigilEvent) restore = NULL;

      if (vigil_alarm_get_restore_event_id (alarm) == 0)
        continue;

      restore = vigil_store_read_event (db, vigil_alarm_get_restore_event_id (alarm), NULL);
      if (restore != NULL)
        vigil_alarm_set_restore (alarm, vigil_alarm_get_restore_event_id (alarm), restore,
                                 vigil_alarm_get_restored_at (alarm));
    }
}

GPtrArray *
vigil_store_read_alarms (sqlite3       *db,
                         gint64         event_id,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) alarms = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  const char *sql;
  int rc;

  if (event_id > 0)
    sql = "SELECT " EVENT_COLUMNS ", " ALARM_COLUMNS " FROM alarms a"
          " CROSS JOIN events e ON e.id = a.event_id"
          " LEFT JOIN event_raw r ON r.event_id = e.id WHERE a.event_id = ?1";
  else
    sql = "SELECT " EVENT_COLUMNS ", " ALARM_COLUMNS " FROM alarms a"
          " CROSS JOIN events e ON e.id = a.event_id"
          " LEFT JOIN event_raw r ON r.event_id = e.id"
          " WHERE a.state <> 'closed' ORDER BY a.event_id";

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("reading alarms"));
      return NULL;
    }
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 1, event_id);

  vigil_store_db_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (alarms, alarm_from_statement (stmt));
  vigil_store_db_unwatch_cancellable (db);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      vigil_store_db_set_error (error, db, _("reading alarms"));
      return NULL;
    }

  attach_restore_events (db, alarms);

  return g_steal_pointer (&alarms);
}

GPtrArray *
vigil_store_read_zone_history (sqlite3     *db,
                               const char  *dev_index,
                               gint         zone,
                               guint        limit,
                               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  GPtrArray *rows;

  /* events_by_zone (dev_index, zone) carries the rowid: newest first without sorting. */
  if (sqlite3_prepare_v2 (db, "SELECT " ROW_COLUMNS " FROM events e"
                          " LEFT JOIN alarms a ON a.event_id = e.id"
                          " WHERE e.dev_index = ?1 AND e.zone = ?2"
                          " ORDER BY e.id DESC LIMIT ?3", -1, &stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("reading a zone's history"));
      return NULL;
    }

  sqlite3_bind_text (stmt, 1, dev_index, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, zone);
  sqlite3_bind_int64 (stmt, 3, limit);
  rows = collect_rows (db, stmt, NULL, error);
  sqlite3_finalize (stmt);
  return rows;
}

/* ---- The audit chain ---- */

gboolean
vigil_store_read_verify_audit (sqlite3       *db,
                               gint64        *bad_row_id,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *prev_hash = g_strdup (VIGIL_STORE_AUDIT_GENESIS);
  sqlite3_stmt *stmt = NULL;
  gint64 bad = 0;
  int rc;

  if (bad_row_id != NULL)
    *bad_row_id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT id, at, operator, action, target, result,"
                          " gateway_answer, prev_hash, hash FROM audit ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      vigil_store_db_set_error (error, db, _("reading the audit log"));
      return FALSE;
    }

  vigil_store_db_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 7);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 8);
      g_autofree char *hash = NULL;

      /* A row whose fields changed no longer gives its hash; a row removed before it, or
       * a hash rewritten to hide an edit, breaks the link to the previous row. */
      hash = vigil_store_audit_hash (id, sqlite3_column_int64 (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     (const char *) sqlite3_column_text (stmt, 3),
                                     (const char *) sqlite3_column_text (stmt, 4),
                                     (const char *) sqlite3_column_text (stmt, 5),
                                     (const char *) sqlite3_column_text (stmt, 6),
                                     stored_prev);
      if (g_strcmp0 (stored_prev, prev_hash) != 0 || g_strcmp0 (stored_hash, hash) != 0)
        {
          bad = id;
          break;
        }

      g_free (prev_hash);
      prev_hash = g_strdup (stored_hash);
    }
  vigil_store_db_unwatch_cancellable (db);
  sqlite3_finalize (stmt);

  if (bad != 0)
    {
      if (bad_row_id != NULL)
        *bad_row_id = bad;
      g_set_error (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED,
                   _("The audit log was tampered with: row %lld does not match "
                     "its hash chain (it, or the row before it, was changed or removed)."),
                   (long long) bad);
      return FALSE;
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      vigil_store_db_set_error (error, db, _("reading the audit log"));
      return FALSE;
    }

  return TRUE;
}
