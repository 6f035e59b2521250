/* fuzz-event.c — one part's body decoded into a VigilEvent (§9.1 EventNotificationAlert)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the panel's zone (UTC or a fixed offset), so dateTime values without a
 * zone are read both ways. An event that parses must serialise to the `vigilctl events --json`
 * line. What the flat reader accepts must decode to the same event as through the tree
 * (vigil-event-private.h): any difference aborts.
 */
#include "vigil-fuzz.h"

#include <stdio.h>
#include <stdlib.h>

#include "vigil-event-private.h"

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

  {
    g_autoptr(VigilEvent) flat = vigil_event_parse_flat ((const char *) data + 1, size - 1, tz,
                                                         received);
    g_autoptr(VigilEvent) tree = vigil_event_parse_tree ((const char *) data + 1, size - 1, tz,
                                                         received, NULL);

    g_assert ((tree == NULL) == (event == NULL));
    if (flat != NULL)
      {
        g_autofree char *diff = NULL;

        g_assert (tree != NULL);
        diff = vigil_event_diff (flat, tree);
        if (diff != NULL)
          {
            fprintf (stderr, "flat and tree differ: %s\n", diff);
            abort ();
          }
      }
  }

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
