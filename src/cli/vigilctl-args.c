/* vigilctl-args.c — reading the arguments: numbers, partitions, device IDs, times
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigilctl-private.h"

gboolean
vigilctl_parse_uint (const char *text,
                     guint64     min,
                     guint64     max,
                     guint64    *out)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || *text == '\0' || *text == '-' || *text == '+' || g_ascii_isspace (*text))
    return FALSE;

  errno = 0;
  if (g_str_has_prefix (text, "0x") || g_str_has_prefix (text, "0X"))
    value = g_ascii_strtoull (text + 2, &end, 16);
  else
    value = g_ascii_strtoull (text, &end, 10);

  if (errno != 0 || end == text || *end != '\0' || value < min || value > max)
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
vigilctl_parse_partition (const char *text,
                          guint64    *out)
{
  if (g_ascii_strcasecmp (text, "all") == 0)
    {
      *out = VIGIL_ALL_PARTITIONS;
      return TRUE;
    }
  return vigilctl_parse_uint (text, 1, VIGIL_ALL_PARTITIONS, out);
}

gboolean
vigilctl_check_dev_index (Vigilctl   *ctl,
                          const char *dev_index,
                          int        *exit_status)
{
  /* Tolerant of the form (the guide says a UUID; other gateways use other IDs), strict about
   * what could not be one. */
  if (*dev_index == '\0' || strlen (dev_index) > 128 || !g_utf8_validate (dev_index, -1, NULL))
    {
      *exit_status = vigilctl_usage_error (ctl, _("“%s” is not a device ID (devIndex)."), dev_index);
      return FALSE;
    }
  for (const char *p = dev_index; *p; p++)
    if (g_ascii_iscntrl (*p) || *p == ' ')
      {
        *exit_status = vigilctl_usage_error (ctl, _("“%s” is not a device ID (devIndex)."), dev_index);
        return FALSE;
      }
  return TRUE;
}

GStrv
vigilctl_strv_from_args (int    argc,
                         char **argv,
                         int    first)
{
  GStrv strv = g_new0 (char *, MAX (argc - first, 0) + 1);

  for (int i = first; i < argc; i++)
    strv[i - first] = g_strdup (argv[i]);
  return strv;
}

GDateTime *
vigilctl_parse_date_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *copy = NULL;
  char *space;

  if (g_ascii_strcasecmp (text, "now") == 0)
    return g_date_time_new_now_local ();

  /* "2026-03-01" alone means its midnight. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    copy = g_strconcat (text, "T00:00:00", NULL);
  else
    copy = g_strdup (text);
  space = strchr (copy, ' ');
  if (space != NULL && space - copy == 10)
    *space = 'T';

  return g_date_time_new_from_iso8601 (copy, local);
}
