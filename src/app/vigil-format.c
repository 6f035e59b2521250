/* vigil-format.c — how the alarm queue, the log and the notifications word things
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-format"

#include <glib/gi18n.h>

#include "vigil-format.h"

/* The start of a devIndex tells panels apart well enough while their names are not known. */
#define SHORT_DEV_INDEX 8

char *
vigil_format_event_title (const VigilEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  if (event->has_cid && event->cid_code != NULL)
    {
      g_autofree char *code = g_strstrip (g_strdup (event->cid_code));
      guint64 number;

      if (g_ascii_string_to_unsigned (code, 10, 1000, 3999, &number, NULL))
        return vigil_cid_describe ((guint) number);
    }
  if (event->cid_description != NULL && *event->cid_description != '\0')
    return g_strdup (event->cid_description);
  if (event->event_description != NULL && *event->event_description != '\0')
    return g_strdup (event->event_description);
  if (event->event_type != NULL)
    return g_strdup (vigil_event_type_label (event->event_type));
  return g_strdup (vigil_event_type_to_string (event->type));
}

char *
vigil_format_panel (VigilJournal *journal,
                    const char   *dev_index)
{
  const char *name = journal != NULL ? vigil_journal_lookup_panel_name (journal, dev_index) : NULL;
  g_autofree char *start = NULL;

  if (name != NULL)
    return g_strdup (name);
  if (dev_index == NULL || *dev_index == '\0')
    return g_strdup (_("Gateway"));

  start = g_utf8_substring (dev_index, 0, MIN (g_utf8_strlen (dev_index, -1), SHORT_DEV_INDEX));
  /* Translators: a panel whose name is not known yet, by the start of its device id */
  return g_strdup_printf (_("Panel %s"), start);
}

char *
vigil_format_zone (VigilJournal *journal,
                   const char   *dev_index,
                   gint          zone)
{
  const char *name;

  if (zone <= 0)
    return NULL;

  name = journal != NULL ? vigil_journal_lookup_zone_name (journal, dev_index, zone) : NULL;
  if (name != NULL)
    /* Translators: zone number and zone name, "Zone 3 · Kitchen smoke" */
    return g_strdup_printf (_("Zone %d · %s"), zone, name);
  return g_strdup_printf (_("Zone %d"), zone);
}

char *
vigil_format_panel_user (const VigilEvent *event)
{
  gboolean has_name;
  gboolean has_number;

  g_return_val_if_fail (event != NULL, NULL);

  if (!event->has_cid_param)
    return NULL;

  has_name = event->user_name != NULL && *event->user_name != '\0';
  has_number = event->user_no >= 0 && (event->user_type == 1 || event->user_type == 2);

  if (has_name && has_number)
    return g_strdup_printf (event->user_type == 1
                              /* Translators: "Ann (keypad user 2)" */
                              ? _("%s (keypad user %d)")
                              : _("%s (network user %d)"),
                            event->user_name, event->user_no);
  if (has_name)
    return g_strdup (event->user_name);
  if (has_number)
    return g_strdup_printf (event->user_type == 1 ? _("Keypad user %d") : _("Network user %d"),
                            event->user_no);
  return NULL;
}

char *
vigil_format_duration (gint64 seconds)
{
  if (seconds < 0)
    seconds = 0;
  if (seconds < 60)
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min"), (int) (seconds / 60));
  if (seconds < 24 * 3600)
    return g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600), (int) (seconds % 3600 / 60));
  return g_strdup_printf (ngettext ("%d day", "%d days", (gulong) (seconds / 86400)), (int) (seconds / 86400));
}

char *
vigil_format_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) now = NULL;

  if (date_time == NULL)
    return g_strdup ("—");

  now = g_date_time_new_now (g_date_time_get_timezone (date_time));
  if (g_date_time_get_year (now) == g_date_time_get_year (date_time) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (date_time))
    return g_date_time_format (date_time, "%H:%M:%S");
  /* Translators: a date and time for the log, see g_date_time_format() */
  return g_date_time_format (date_time, _("%Y-%m-%d %H:%M:%S"));
}

char *
vigil_format_usec_local (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("—");
  local = g_date_time_to_local (utc);
  return vigil_format_date_time (local);
}

char *
vigil_format_usec_utc (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (utc == NULL)
    return g_strdup ("—");
  return g_date_time_format (utc, "%Y-%m-%d %H:%M:%S UTC");
}
