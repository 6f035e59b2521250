/* vigil-posix-tz.h — the POSIX TZ strings of §8.5.10
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00": standard name, offset (POSIX sign:
 * west of Greenwich is positive, so -8 is UTC+8), an optional daylight-saving name with the
 * amount the clocks move (the guide's reading of "DST00:30:00"), and the start and end rules.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_POSIX_TZ_MAX_LENGTH 128

typedef enum
{
  VIGIL_TZ_RULE_MONTH_WEEK_DAY,   /* Mm.w.d: day d (0 = Sunday) of week w (5 = last) of month m */
  VIGIL_TZ_RULE_JULIAN_NO_LEAP,   /* Jn: day 1–365, February 29 never counted */
  VIGIL_TZ_RULE_JULIAN,           /* n: day 0–365 */
} VigilTzRuleKind;

typedef struct
{
  VigilTzRuleKind kind;
  guint month;
  guint week;
  guint weekday;
  guint day;
  gint  time_seconds;             /* local time of the change, default 02:00:00 */
} VigilTzRule;

typedef struct
{
  char *std_name;
  gint  utc_offset_seconds;       /* east of UTC positive: "CST-8" gives +28800 */
  gboolean has_dst;
  char *dst_name;
  gint  dst_shift_seconds;        /* how far clocks move in daylight saving, default 3600 */
  gboolean has_rules;
  VigilTzRule start;
  VigilTzRule end;
} VigilPosixTz;

VigilPosixTz *vigil_posix_tz_parse     (const char *text, GError **error);
VigilPosixTz *vigil_posix_tz_copy      (const VigilPosixTz *tz);
void          vigil_posix_tz_free      (VigilPosixTz *tz);
/* Back to the string the gateway takes (canonical hh:mm:ss fields). */
char         *vigil_posix_tz_to_string (const VigilPosixTz *tz);
/* A sentence a person reads: "UTC+08:00 (CST). Daylight saving (DST) moves clocks forward by
 * 0:30 at 02:00 on the first Sunday of April and back at 02:00 on the last Sunday of October." */
char         *vigil_posix_tz_describe  (const VigilPosixTz *tz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPosixTz, vigil_posix_tz_free)

G_END_DECLS
