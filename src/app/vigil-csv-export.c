/* vigil-csv-export.c — the event log as CSV, written page by page
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-csv-export"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-csv-export.h"
#include "vigil-json.h"

/* Rows read per query: large enough that the queries cost little next to the writing. */
#define PAGE_SIZE 2000

typedef struct
{
  VigilEventStore *store;
  VigilEventFilter *filter;
  GFile *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->store);
  g_clear_pointer (&export->filter, vigil_event_filter_free);
  g_clear_object (&export->file);
  g_free (export);
}

const char *
vigil_csv_header (void)
{
  return "id,received_at,panel_time,dev_index,panel_name,event_type,event_state,cid_code,"
         "restore,partition,zone,zone_name,description,priority,user_name,status,alarm_state,"
         "operator,has_video\r\n";
}

void
vigil_csv_append_cell (GString    *line,
                       const char *value,
                       gboolean    is_text)
{
  g_autofree char *clean = value != NULL ? vigil_utf8_repair (value, -1) : g_strdup ("");
  const char *cell = clean;
  g_autofree char *defused = NULL;

  /* The names and descriptions in an event come from the panels, not from the operator: a
   * cell that a spreadsheet would run as a formula is turned into text. */
  if (is_text && strchr ("=+-@\t\r", clean[0]) != NULL && clean[0] != '\0')
    cell = defused = g_strconcat ("'", clean, NULL);

  if (strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (line, cell);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
separate (GString *line)
{
  g_string_append_c (line, ',');
}

static void
append_number (GString  *line,
               gint64    value,
               gboolean  present)
{
  g_autofree char *text = present ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  vigil_csv_append_cell (line, text, FALSE);
}

void
vigil_csv_append_row (GString       *line,
                      VigilEventRow *row)
{
  g_autoptr(GDateTime) received = g_date_time_new_from_unix_utc (vigil_event_row_get_received_at (row) / G_USEC_PER_SEC);
  g_autofree char *received_text = received != NULL ? g_date_time_format_iso8601 (received) : NULL;
  GDateTime *panel_time = vigil_event_row_get_panel_time (row);
  g_autofree char *panel_text = panel_time != NULL ? g_date_time_format_iso8601 (panel_time) : NULL;
  gboolean has_cid = vigil_event_row_get_cid_code (row) != NULL;
  gboolean is_alarm = vigil_event_row_get_is_alarm (row);

  append_number (line, vigil_event_row_get_id (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, received_text, FALSE);
  separate (line);
  vigil_csv_append_cell (line, panel_text, FALSE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_dev_index (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_panel_name (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_event_type (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_event_state (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_cid_code (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, has_cid ? (vigil_event_row_get_cid_restore (row) ? "true" : "false") : NULL, FALSE);
  separate (line);
  append_number (line, vigil_event_row_get_partition (row), vigil_event_row_get_partition (row) > 0);
  separate (line);
  append_number (line, vigil_event_row_get_zone (row), vigil_event_row_get_zone (row) >= 0);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_zone_name (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_description (row), TRUE);
  separate (line);
  append_number (line, vigil_event_row_get_priority (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_user_name (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_status (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, is_alarm ? vigil_alarm_state_to_string (vigil_event_row_get_alarm_state (row)) : NULL,
                         TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_operator (row), TRUE);
  separate (line);
  vigil_csv_append_cell (line, vigil_event_row_get_has_video (row) ? "true" : "false", FALSE);
  g_string_append (line, "\r\n");
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GString) chunk = g_string_new (vigil_csv_header ());
  g_autoptr(GError) error = NULL;
  gint64 before_id = 0;
  gint64 n_rows = 0;

  /* Private: the log says what happened on customers' sites. */
  file_stream = g_file_replace (export->file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                cancellable, &error);
  if (file_stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  out = g_buffered_output_stream_new (G_OUTPUT_STREAM (file_stream));

  for (;;)
    {
      g_autoptr(GPtrArray) rows = vigil_event_store_query_before_sync (export->store, export->filter, before_id,
                                                                       PAGE_SIZE, cancellable, &error);

      if (rows == NULL)
        break;

      for (guint i = 0; i < rows->len; i++)
        vigil_csv_append_row (chunk, g_ptr_array_index (rows, i));
      n_rows += rows->len;

      if (!g_output_stream_write_all (out, chunk->str, chunk->len, NULL, cancellable, &error))
        break;
      g_string_truncate (chunk, 0);

      if (rows->len < PAGE_SIZE)
        break;
      before_id = vigil_event_row_get_id (g_ptr_array_index (rows, rows->len - 1));
    }

  if (error == NULL)
    g_output_stream_close (out, cancellable, &error);

  if (error != NULL)
    {
      /* Half a file would pass for the whole log: remove it. */
      g_output_stream_close (out, NULL, NULL);
      g_file_delete (export->file, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n_rows);
}

void
vigil_csv_export_async (VigilEventStore        *store,
                        const VigilEventFilter *filter,
                        GFile                  *file,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->store = g_object_ref (store);
  export->filter = filter != NULL ? vigil_event_filter_copy (filter) : NULL;
  export->file = g_object_ref (file);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_csv_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

gint64
vigil_csv_export_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigil_csv_export_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
