/* vigil-event-log-view.h — the "log" page: every event, filtered, exported, and as received
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions (group "log"): "export" asks for a file and writes the filtered log as CSV.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-event-log-model.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVENT_LOG_VIEW (vigil_event_log_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilEventLogView, vigil_event_log_view, VIGIL, EVENT_LOG_VIEW, GtkWidget)

void                    vigil_event_log_view_set_journal (VigilEventLogView *self,
                                                          VigilJournal      *journal);
/* The model the columns show (NULL until the store is open). */
VigilEventLogModel     *vigil_event_log_view_get_model   (VigilEventLogView *self);
/* The filter the controls make (NULL: every event). */
const VigilEventFilter *vigil_event_log_view_get_filter  (VigilEventLogView *self);

/* The free-text search, as if typed (applied at once, without the typing delay). */
void                    vigil_event_log_view_set_search  (VigilEventLogView *self,
                                                          const char        *text);

/* What the export action does once the file is chosen: writes the filtered log to @file. */
void                    vigil_event_log_view_export_async  (VigilEventLogView   *self,
                                                            GFile               *file,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
/* The number of events written, -1 on error. */
gint64                  vigil_event_log_view_export_finish (VigilEventLogView   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Selects the event at @position and shows its raw text beside the log. */
void                    vigil_event_log_view_show_raw    (VigilEventLogView *self,
                                                          guint              position);
/* The raw text shown (empty while it loads). */
char                   *vigil_event_log_view_dup_raw_text (VigilEventLogView *self);

G_END_DECLS
