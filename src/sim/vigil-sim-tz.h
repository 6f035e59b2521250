/* vigil-sim-tz.h — the POSIX time zone strings of /ISAPI/System/time/timeZone
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a time zone string in the guide's dialect (§8.5.10): "CST-8:00:00", or
 * "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00" where the offset after the
 * daylight-saving name is the amount the clock moves (not a POSIX offset). Plain POSIX
 * strings without a DST offset ("CET-1CEST,M3.5.0,M10.5.0/3") read the same way.
 * Returns FALSE for anything else. @tz_out (nullable) receives a zone giving the same local
 * times; @std_offset_out (nullable) the standard offset east of UTC in seconds. */
gboolean  vigil_sim_tz_parse         (const char  *text,
                                      GTimeZone  **tz_out,
                                      int         *std_offset_out);

/* The CID timeZoneIdx (guide §9.11: 15 = GMT, 16 = GMT+01:00, 1 = GMT-12:00 …) of an offset,
 * 0 when the list has no such offset. */
int       vigil_sim_tz_index         (int          offset_seconds);

/* ISO 8601 with the offset as the guide writes it ("2026-03-01T10:02:11+08:00"). With
 * @short_offset the hour of the offset loses its leading zero ("-4:00"); with @no_zone there is
 * no zone designator at all. */
char     *vigil_sim_tz_format_iso8601 (GDateTime *time,
                                       gboolean   short_offset,
                                       gboolean   no_zone);

G_END_DECLS
