/* vigil-event-store-read.c — the store's read API: each call a GTask on a pooled connection
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-store"

#include <glib/gi18n-lib.h>

#include "vigil-event-store-private.h"

typedef enum
{
  READ_ROWS,
  READ_COUNT,
  READ_RAW,
  READ_EVENT,
  READ_OPEN_ALARMS,
  READ_ALARM,
  READ_ZONE_HISTORY,
  READ_VERIFY_AUDIT,
} ReadKind;

typedef struct
{
  ReadKind kind;
  VigilEventFilter *filter;
  guint offset;
  guint limit;
  gint64 id;
  char *dev_index;
  gint zone;
  gint64 bad_row_id;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  vigil_event_filter_free (read->filter);
  g_free (read->dev_index);
  g_free (read);
}

static GPtrArray *
read_rows (VigilEventStore         *self,
           const VigilEventFilter  *filter,
           gint64                   before_id,
           guint                    offset,
           guint                    limit,
           GCancellable            *cancellable,
           GError                 **error)
{
  VigilStoreQuery query = { 0, };
  sqlite3 *db;
  GPtrArray *rows;

  /* Nothing is older than the first event. */
  if (before_id == 1)
    return g_ptr_array_new_with_free_func (g_object_unref);

  db = vigil_event_store_acquire_reader (self, error);
  if (db == NULL)
    return NULL;

  query.filter = filter;
  query.bound_id = before_id > 1 ? before_id - 1 : 0;
  query.offset = offset;
  query.limit = limit;
  rows = vigil_store_read_rows (db, &query, cancellable, error);
  vigil_event_store_release_reader (self, db);

  return rows;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  VigilEventStore *self = source_object;
  ReadData *read = task_data;
  GError *error = NULL;
  sqlite3 *db;

  if (read->kind == READ_ROWS)
    {
      GPtrArray *rows = read_rows (self, read->filter, 0, read->offset, read->limit,
                                   cancellable, &error);

      if (rows != NULL)
        g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, error);
      return;
    }

  db = vigil_event_store_acquire_reader (self, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (read->kind)
    {
    case READ_COUNT:
      {
        gint64 count = 0;

        if (vigil_store_read_count (db, read->filter, 0, &count, NULL, cancellable, &error))
          g_task_return_int (task, count);
        else
          g_task_return_error (task, error);
      }
      break;

    case READ_RAW:
      {
        GBytes *bytes = vigil_store_read_raw (db, read->id, &error);

        if (bytes != NULL)
          g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
        else
          g_task_return_error (task, error);
      }
      break;

    case READ_EVENT:
      {
        VigilEvent *event = vigil_store_read_event (db, read->id, &error);

        if (event != NULL)
          g_task_return_pointer (task, event, (GDestroyNotify) vigil_event_unref);
        else
          g_task_return_error (task, error);
      }
      break;

    case READ_OPEN_ALARMS:
    case READ_ALARM:
      {
        GPtrArray *alarms = vigil_store_read_alarms (db, read->kind == READ_ALARM ? read->id : 0,
                                                     cancellable, &error);

        if (alarms == NULL)
          g_task_return_error (task, error);
        else if (read->kind == READ_OPEN_ALARMS)
          g_task_return_pointer (task, alarms, (GDestroyNotify) g_ptr_array_unref);
        else if (alarms->len == 0)
          {
            g_ptr_array_unref (alarms);
            g_task_return_new_error (task, VIGIL_EVENT_STORE_ERROR,
                                     VIGIL_EVENT_STORE_ERROR_NOT_FOUND,
                                     _("There is no alarm %lld."), (long long) read->id);
          }
        else
          {
            g_task_return_pointer (task, g_object_ref (g_ptr_array_index (alarms, 0)),
                                   g_object_unref);
            g_ptr_array_unref (alarms);
          }
      }
      break;

    case READ_ZONE_HISTORY:
      {
        GPtrArray *rows = vigil_store_read_zone_history (db, read->dev_index, read->zone,
                                                         read->limit, &error);

        if (rows != NULL)
          g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
        else
          g_task_return_error (task, error);
      }
      break;

    case READ_VERIFY_AUDIT:
      if (vigil_store_read_verify_audit (db, &read->bad_row_id, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;

    case READ_ROWS:
    default:
      g_assert_not_reached ();
    }

  vigil_event_store_release_reader (self, db);
}

static ReadData *
start_read (VigilEventStore     *self,
            ReadKind             kind,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            GTask              **task)
{
  ReadData *read = g_new0 (ReadData, 1);

  read->kind = kind;
  *task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (*task, source_tag);
  g_task_set_task_data (*task, read, read_data_free);

  return read;
}

static gpointer
finish_pointer (VigilEventStore  *self,
                GAsyncResult     *result,
                gpointer          source_tag,
                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vigil_event_store_query_async (VigilEventStore        *self,
                               const VigilEventFilter *filter,
                               guint                   offset,
                               guint                   limit,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  read = start_read (self, READ_ROWS, vigil_event_store_query_async, cancellable, callback,
                     user_data, &task);
  read->filter = filter != NULL ? vigil_event_filter_copy (filter) : NULL;
  read->offset = offset;
  read->limit = limit;
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
vigil_event_store_query_finish (VigilEventStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_query_async, error);
}

GPtrArray *
vigil_event_store_query_sync (VigilEventStore         *self,
                              const VigilEventFilter  *filter,
                              guint                    offset,
                              guint                    limit,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), NULL);

  return read_rows (self, filter, 0, offset, limit, cancellable, error);
}

GPtrArray *
vigil_event_store_query_before_sync (VigilEventStore         *self,
                                     const VigilEventFilter  *filter,
                                     gint64                   before_id,
                                     guint                    limit,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), NULL);
  g_return_val_if_fail (before_id >= 0, NULL);

  return read_rows (self, filter, before_id, 0, limit, cancellable, error);
}

void
vigil_event_store_count_async (VigilEventStore        *self,
                               const VigilEventFilter *filter,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  read = start_read (self, READ_COUNT, vigil_event_store_count_async, cancellable, callback,
                     user_data, &task);
  read->filter = filter != NULL ? vigil_event_filter_copy (filter) : NULL;
  g_task_run_in_thread (task, read_thread);
}

gint64
vigil_event_store_count_finish (VigilEventStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

gint64
vigil_event_store_count_sync (VigilEventStore         *self,
                              const VigilEventFilter  *filter,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  sqlite3 *db;
  gint64 count = -1;

  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), -1);

  db = vigil_event_store_acquire_reader (self, error);
  if (db == NULL)
    return -1;

  if (!vigil_store_read_count (db, filter, 0, &count, NULL, cancellable, error))
    count = -1;
  vigil_event_store_release_reader (self, db);

  return count;
}

void
vigil_event_store_get_raw_async (VigilEventStore     *self,
                                 gint64               event_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  read = start_read (self, READ_RAW, vigil_event_store_get_raw_async, cancellable, callback,
                     user_data, &task);
  read->id = event_id;
  g_task_run_in_thread (task, read_thread);
}

GBytes *
vigil_event_store_get_raw_finish (VigilEventStore  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_get_raw_async, error);
}

void
vigil_event_store_get_event_async (VigilEventStore     *self,
                                   gint64               event_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  read = start_read (self, READ_EVENT, vigil_event_store_get_event_async, cancellable,
                     callback, user_data, &task);
  read->id = event_id;
  g_task_run_in_thread (task, read_thread);
}

VigilEvent *
vigil_event_store_get_event_finish (VigilEventStore  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_get_event_async, error);
}

void
vigil_event_store_open_alarms_async (VigilEventStore     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  start_read (self, READ_OPEN_ALARMS, vigil_event_store_open_alarms_async, cancellable,
              callback, user_data, &task);
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
vigil_event_store_open_alarms_finish (VigilEventStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_open_alarms_async, error);
}

void
vigil_event_store_get_alarm_async (VigilEventStore     *self,
                                   gint64               alarm_event_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  read = start_read (self, READ_ALARM, vigil_event_store_get_alarm_async, cancellable,
                     callback, user_data, &task);
  read->id = alarm_event_id;
  g_task_run_in_thread (task, read_thread);
}

VigilAlarm *
vigil_event_store_get_alarm_finish (VigilEventStore  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_get_alarm_async, error);
}

void
vigil_event_store_zone_history_async (VigilEventStore     *self,
                                      const char          *dev_index,
                                      gint                 zone,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));
  g_return_if_fail (dev_index != NULL);

  read = start_read (self, READ_ZONE_HISTORY, vigil_event_store_zone_history_async,
                     cancellable, callback, user_data, &task);
  read->dev_index = g_strdup (dev_index);
  read->zone = zone;
  read->limit = limit;
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
vigil_event_store_zone_history_finish (VigilEventStore  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return finish_pointer (self, result, vigil_event_store_zone_history_async, error);
}

gboolean
vigil_event_store_verify_audit_sync (VigilEventStore  *self,
                                     gint64           *bad_row_id,
                                     GError          **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), FALSE);

  if (bad_row_id != NULL)
    *bad_row_id = 0;

  db = vigil_event_store_acquire_reader (self, error);
  if (db == NULL)
    return FALSE;

  ok = vigil_store_read_verify_audit (db, bad_row_id, NULL, error);
  vigil_event_store_release_reader (self, db);

  return ok;
}

void
vigil_event_store_verify_audit_async (VigilEventStore     *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  start_read (self, READ_VERIFY_AUDIT, vigil_event_store_verify_audit_async, cancellable,
              callback, user_data, &task);
  g_task_run_in_thread (task, read_thread);
}

gboolean
vigil_event_store_verify_audit_finish (VigilEventStore  *self,
                                       GAsyncResult     *result,
                                       gint64           *bad_row_id,
                                       GError          **error)
{
  ReadData *read;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  read = g_task_get_task_data (G_TASK (result));
  if (bad_row_id != NULL)
    *bad_row_id = read->bad_row_id;

  return g_task_propagate_boolean (G_TASK (result), error);
}
