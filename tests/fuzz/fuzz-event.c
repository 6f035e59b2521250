/* fuzz-event.c — one part's body decoded into a VigilEvent (§9.1 EventNotificationAlert)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the panel's zone (UTC or a fixed offset), so dateTime values without a
 * zone are read both ways. An event that parses must serialise to the `vigilctl events --json`
 * line.
 */
#include "vigil-fuzz.h"

#include "vigil-event.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) received = NULL;
  VigilEvent *event;

  if (size < 1)
    return 0;

  tz = (data[0] & 1) ? g_time_zone_new_offset (8 * 3600) : NULL;
  received = g_date_time_new_from_unix_utc (1767225600);
  event = vigil_event_parse ((const char *) data + 1, size - 1, tz, received, &error);
  g_assert ((event == NULL) == (error != NULL));
  if (event != NULL)
    {
      g_autofree char *line = vigil_event_to_json_line (event);

      g_assert (line != NULL && g_utf8_validate (line, -1, NULL));
      g_free (vigil_event_dup_restore_key (event));
      (void) vigil_event_is_alarm (event);
      vigil_event_unref (event);
    }

  {
    g_autofree char *text = g_strndup ((const char *) data + 1, MIN (size - 1, 64));
    g_autoptr(GDateTime) when = vigil_event_parse_date_time (text, tz, NULL);

    (void) when;
  }
  return 0;
}
