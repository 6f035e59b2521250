/* vigil-csv-export.h — the event log as CSV, written page by page
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns of `vigilctl log --csv`. Rows are read from the store a page at a time in a
 * worker thread and written as they come, so a million events never sit in memory.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-event-store.h"

G_BEGIN_DECLS

/* Writes the events matching @filter (NULL: all), newest first, to @file (replaced). */
void      vigil_csv_export_async  (VigilEventStore        *store,
                                   const VigilEventFilter *filter,
                                   GFile                  *file,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
/* The number of rows written (without the header), -1 on error. */
gint64    vigil_csv_export_finish (GAsyncResult           *result,
                                   GError                **error);

/* One RFC 4180 cell (without a separator): quoted when it holds a comma, a quote or a line break (quotes doubled);
 * text a spreadsheet would run as a formula (= + - @ first, or a tab or CR) gets a leading '. */
void      vigil_csv_append_cell   (GString                *line,
                                   const char             *value,
                                   gboolean                is_text);
/* The line of @row, with its CR LF. */
void      vigil_csv_append_row    (GString                *line,
                                   VigilEventRow          *row);
const char *vigil_csv_header      (void);

G_END_DECLS
