/* vigil-trace-entry.h — one request and its answer, as the protocol trace keeps it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable once made. Everything in it is already redacted (vigil-trace.h): an entry can be
 * shown, copied and attached to a support case as it is.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_TRACE_ENTRY (vigil_trace_entry_get_type ())

G_DECLARE_FINAL_TYPE (VigilTraceEntry, vigil_trace_entry, VIGIL, TRACE_ENTRY, GObject)

/* The strings are taken as given: redact them first (vigil_trace_redact_*). @status is the
 * HTTP status, 0 when no answer came (then @error says why). */
VigilTraceEntry *vigil_trace_entry_new (GDateTime  *time,
                                        const char *method,
                                        const char *uri,
                                        guint       status,
                                        gint64      duration_us,
                                        const char *request_headers,
                                        const char *request_body,
                                        const char *response_headers,
                                        const char *response_body,
                                        const char *error);

GDateTime   *vigil_trace_entry_get_time             (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_method           (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_uri              (VigilTraceEntry *self);
guint        vigil_trace_entry_get_status           (VigilTraceEntry *self);
gint64       vigil_trace_entry_get_duration_us      (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_request_headers  (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_request_body     (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_response_headers (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_response_body    (VigilTraceEntry *self);
const char  *vigil_trace_entry_get_error            (VigilTraceEntry *self);

/* "200 OK", "401 Unauthorized", or "no answer". */
char        *vigil_trace_entry_dup_status_text      (VigilTraceEntry *self);
/* One line: "12:01:02.345 GET /ISAPI/… 200 OK 12 ms". */
char        *vigil_trace_entry_dup_summary          (VigilTraceEntry *self);
/* The whole exchange as text, headers and bodies, for a support case. */
char        *vigil_trace_entry_to_text              (VigilTraceEntry *self);
/* Whether @needle (case-insensitive) is in the method, URI, status or a body. */
gboolean     vigil_trace_entry_matches              (VigilTraceEntry *self,
                                                     const char      *needle);

G_END_DECLS
