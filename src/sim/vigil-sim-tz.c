/* vigil-sim-tz.c — the POSIX time zone strings of /ISAPI/System/time/timeZone
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-tz"

#include <string.h>

#include "vigil-sim-tz.h"

#define MAX_TZ_LENGTH 128

static gboolean
parse_name (const char **p,
            GString     *out)
{
  const char *start = *p;

  if (**p == '<')
    {
      (*p)++;
      while (g_ascii_isalnum (**p) || **p == '+' || **p == '-')
        (*p)++;
      if (**p != '>' || *p - start < 4)
        return FALSE;
      (*p)++;
    }
  else
    {
      while (g_ascii_isalpha (**p))
        (*p)++;
      if (*p - start < 3)
        return FALSE;
    }

  g_string_append_len (out, start, *p - start);
  return TRUE;
}

static gboolean
parse_digits (const char **p,
              guint        max_digits,
              guint        max_value,
              guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0 && *value <= max_value;
}

/* [+-]hh[:mm[:ss]] → signed seconds (as written, POSIX sign convention). */
static gboolean
parse_offset (const char **p,
              int         *seconds)
{
  int sign = 1;
  guint h, m = 0, s = 0;

  if (**p == '+' || **p == '-')
    {
      sign = **p == '-' ? -1 : 1;
      (*p)++;
    }
  if (!parse_digits (p, 2, 24, &h))
    return FALSE;
  if (**p == ':')
    {
      (*p)++;
      if (!parse_digits (p, 2, 59, &m))
        return FALSE;
      if (**p == ':')
        {
          (*p)++;
          if (!parse_digits (p, 2, 59, &s))
            return FALSE;
        }
    }
  *seconds = sign * (int) (h * 3600 + m * 60 + s);
  return TRUE;
}

/* Mm.w.d | Jn | n, then an optional /time. */
static gboolean
parse_rule_date (const char **p)
{
  guint v;
  int t;

  if (**p == 'M')
    {
      (*p)++;
      if (!parse_digits (p, 2, 12, &v) || v < 1 || **p != '.')
        return FALSE;
      (*p)++;
      if (!parse_digits (p, 1, 5, &v) || v < 1 || **p != '.')
        return FALSE;
      (*p)++;
      if (!parse_digits (p, 1, 6, &v))
        return FALSE;
    }
  else if (**p == 'J')
    {
      (*p)++;
      if (!parse_digits (p, 3, 365, &v) || v < 1)
        return FALSE;
    }
  else if (!parse_digits (p, 3, 365, &v))
    return FALSE;

  if (**p == '/')
    {
      (*p)++;
      if (!parse_offset (p, &t))
        return FALSE;
    }
  return TRUE;
}

static void
append_posix_offset (GString *out,
                     int      seconds)
{
  guint a = (guint) ABS (seconds);

  g_string_append_printf (out, "%s%u:%02u:%02u", seconds < 0 ? "-" : "",
                          a / 3600, (a / 60) % 60, a % 60);
}

gboolean
vigil_sim_tz_parse (const char  *text,
                    GTimeZone  **tz_out,
                    int         *std_offset_out)
{
  g_autoptr(GString) posix = g_string_new (NULL);
  const char *p = text;
  const char *rules = NULL;
  int std_offset;
  int shift = 3600;
  gboolean has_dst = FALSE;

  if (text == NULL || strlen (text) > MAX_TZ_LENGTH)
    return FALSE;

  if (!parse_name (&p, posix) || !parse_offset (&p, &std_offset))
    return FALSE;
  append_posix_offset (posix, std_offset);

  if (*p != '\0')
    {
      has_dst = TRUE;
      if (!parse_name (&p, posix))
        return FALSE;
      if (*p == '+' || *p == '-' || g_ascii_isdigit (*p))
        {
          if (!parse_offset (&p, &shift) || shift <= 0 || shift > 2 * 3600)
            return FALSE;
        }
      append_posix_offset (posix, std_offset - shift);

      if (*p == ',')
        {
          rules = p;
          p++;
          if (!parse_rule_date (&p) || *p != ',')
            return FALSE;
          p++;
          if (!parse_rule_date (&p))
            return FALSE;
          g_string_append (posix, rules);
        }
      else
        return FALSE;
    }

  if (*p != '\0')
    return FALSE;

  if (std_offset_out != NULL)
    *std_offset_out = -std_offset;

  if (tz_out != NULL)
    {
      GTimeZone *tz = g_time_zone_new_identifier (posix->str);

      if (tz == NULL && has_dst)
        tz = g_time_zone_new_offset (-std_offset);
      if (tz == NULL)
        return FALSE;
      *tz_out = tz;
    }

  return TRUE;
}

/* The index list of Hikvision firmware: whole hours plus the half- and three-quarter-hour zones
 * it knows, which is how the guide's 15 = GMT and 35 = GMT+14:00 fit together. */
static const int tz_index_minutes[] = {
  -720, -660, -600, -540, -480, -420, -360, -300, -270, -240, -210, -180, -120, -60,
  0,
  60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 540, 570, 600, 660, 720,
  780, 840,
};

int
vigil_sim_tz_index (int offset_seconds)
{
  if (offset_seconds % 60 != 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (tz_index_minutes); i++)
    if (tz_index_minutes[i] == offset_seconds / 60)
      return (int) i + 1;
  return 0;
}

char *
vigil_sim_tz_format_iso8601 (GDateTime *time,
                             gboolean   short_offset,
                             gboolean   no_zone)
{
  g_autofree char *local = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  gint64 offset;
  guint a;

  if (no_zone)
    return g_steal_pointer (&local);

  offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_SECOND;
  a = (guint) ABS (offset);
  if (short_offset)
    return g_strdup_printf ("%s%s%u:%02u", local, offset < 0 ? "-" : "+", a / 3600, (a / 60) % 60);
  return g_strdup_printf ("%s%s%02u:%02u", local, offset < 0 ? "-" : "+", a / 3600, (a / 60) % 60);
}
