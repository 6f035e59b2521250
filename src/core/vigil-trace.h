/* vigil-trace.h — the protocol trace: the last requests to the gateway and their answers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ring of VigilTraceEntry (oldest first) as a GListModel, for a support case. Nothing secret
 * goes in: credentials in Authorization headers (Digest response, nonce, cnonce; all of Basic),
 * the server's nonce and opaque, cookies, and JSON members that carry secrets (any name with
 * "password", "passwd", "secret", "token" or ending in "key", e.g. the ISUP key "EhomeKey"),
 * and such query parameters of a URI (a clip's download token) are replaced by
 * VIGIL_TRACE_REDACTED before an entry is made.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "vigil-trace-entry.h"

G_BEGIN_DECLS

#define VIGIL_TRACE_DEFAULT_CAPACITY 500
#define VIGIL_TRACE_REDACTED "[redacted]"
/* Bodies longer than this are cut (with a note) to keep 500 entries small. */
#define VIGIL_TRACE_MAX_BODY (16 * 1024)

#define VIGIL_TYPE_TRACE (vigil_trace_get_type ())

G_DECLARE_FINAL_TYPE (VigilTrace, vigil_trace, VIGIL, TRACE, GObject)

VigilTrace  *vigil_trace_new          (guint capacity);
guint        vigil_trace_get_capacity (VigilTrace *self);

/* Appends @entry (the oldest goes when the ring is full). On the main context of the model. */
void         vigil_trace_add          (VigilTrace      *self,
                                       VigilTraceEntry *entry);
/* Makes a redacted entry of a finished exchange and adds it. @request_body and
 * @response_body are the bytes sent and received (nullable); @error_message when no answer. */
void         vigil_trace_add_exchange (VigilTrace  *self,
                                       SoupMessage *message,
                                       gint64       duration_us,
                                       const char  *request_body,
                                       gsize        request_length,
                                       const char  *response_body,
                                       gsize        response_length,
                                       const char  *error_message);
void         vigil_trace_clear        (VigilTrace *self);

/* Every entry for which vigil_trace_entry_matches (@filter), as text (see
 * vigil_trace_entry_to_text), oldest first. */
char        *vigil_trace_to_text      (VigilTrace *self,
                                       const char *filter);

/* The redactions, public so that they can be tested on their own. */
char        *vigil_trace_redact_header (const char *name,
                                        const char *value);
char        *vigil_trace_redact_body   (const char *body,
                                        gssize      length);
/* A path with its query: the value of every parameter named like a secret (a token, a key, a
 * password, a signature) is replaced. */
char        *vigil_trace_redact_uri    (const char *uri);

G_END_DECLS
