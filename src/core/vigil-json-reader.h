/* vigil-json-reader.h — a fast reader for well-formed JSON, beside json-glib's parser
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's parser (a GScanner) took three quarters of the time of decoding an event
 * (tests/bench/vigil-bench-ingest.c). This reader builds the same sealed JsonNode tree in
 * one pass for what it accepts: a strict RFC 8259 object or array, valid UTF-8. For anything
 * else it returns NULL and the caller asks json-glib, which then gives the error or accepts
 * the text exactly as before (vigil-json.c): the fast path changes no result, only the time.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* @text must be valid UTF-8 (not necessarily NUL-terminated). Transfer full, or NULL. */
JsonNode *vigil_json_read_strict (const char *text,
                                  gsize       length);

G_END_DECLS
