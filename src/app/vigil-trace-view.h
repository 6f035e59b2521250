/* vigil-trace-view.h — the protocol trace, for a support case
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window over a VigilTrace: one line per request (time, method, URI, status, duration), the
 * selected exchange in full below, a filter, and what is shown copied or saved to a file. The
 * trace is redacted when it is recorded (vigil-trace.h): nothing here can show a secret.
 */
#pragma once

#include <adwaita.h>

#include "vigil-trace.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_TRACE_VIEW (vigil_trace_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilTraceView, vigil_trace_view, VIGIL, TRACE_VIEW, AdwWindow)

VigilTraceView *vigil_trace_view_new         (GtkWindow  *parent,
                                              VigilTrace *trace);
void            vigil_trace_view_set_filter  (VigilTraceView *self,
                                              const char     *filter);
/* Selects the entry at @position of the filtered list and shows it in full below. */
void            vigil_trace_view_select      (VigilTraceView *self,
                                              guint           position);
/* The entries that pass the filter (in order), and their text as copied or saved. */
GListModel     *vigil_trace_view_get_model   (VigilTraceView *self);
char           *vigil_trace_view_dup_text    (VigilTraceView *self);
/* Writes vigil_trace_view_dup_text() to @file. */
void            vigil_trace_view_save_async  (VigilTraceView      *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        vigil_trace_view_save_finish (VigilTraceView  *self,
                                              GAsyncResult    *result,
                                              GError         **error);

G_END_DECLS
