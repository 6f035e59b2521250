/* vigil-event-private.h — the two ways of decoding a part (for the tests and the fuzzers)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-event.h"

G_BEGIN_DECLS

/* vigil_event_parse() is the first where it accepts the bytes, else the second; both must give
 * the same event for any bytes the first accepts (tests/test-event-fast.c, fuzz-event.c). */

/* Straight off the bytes (vigil-json-flat.c): NULL, without an error, for anything it is not
 * sure to read as the tree does. */
VigilEvent *vigil_event_parse_flat (const char *data,
                                    gsize       len,
                                    GTimeZone  *panel_tz,
                                    GDateTime  *received_at);

/* Through json-glib's tree and vigil_json_parse()'s repairs: reads anything that is JSON. */
VigilEvent *vigil_event_parse_tree (const char  *data,
                                    gsize        len,
                                    GTimeZone   *panel_tz,
                                    GDateTime   *received_at,
                                    GError     **error);

/* The first field in which two events differ, as "name: a != b", or NULL when every field is
 * the same (the alert tree and the JSON line included). */
char       *vigil_event_diff       (const VigilEvent *a,
                                    const VigilEvent *b);

G_END_DECLS
