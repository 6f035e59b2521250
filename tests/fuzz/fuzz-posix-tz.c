/* fuzz-posix-tz.c — the POSIX TZ string of the gateway's time settings (§9.10)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A string that parses must describe itself, and what it writes back must parse again to the
 * same string: the console shows and re-sends it. The written form spells every default out
 * ("/02:00:00"), so an input near VIGIL_POSIX_TZ_MAX_LENGTH can write back longer than the limit
 * the parser applies to input; the round trip is checked for what fits.
 */
#include "vigil-fuzz.h"

#include "vigil-posix-tz.h"

#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse (text, &error);

  g_assert ((tz == NULL) == (error != NULL));
  if (tz != NULL)
    {
      g_autofree char *written = vigil_posix_tz_to_string (tz);
      g_autofree char *description = vigil_posix_tz_describe (tz);
      g_autoptr(VigilPosixTz) copy = vigil_posix_tz_copy (tz);
      g_autoptr(VigilPosixTz) again = NULL;
      g_autofree char *rewritten = NULL;

      g_assert (g_utf8_validate (description, -1, NULL));
      g_assert_cmpint (copy->utc_offset_seconds, ==, tz->utc_offset_seconds);
      if (strlen (written) > VIGIL_POSIX_TZ_MAX_LENGTH)
        return 0;
      again = vigil_posix_tz_parse (written, NULL);
      g_assert (again != NULL);
      rewritten = vigil_posix_tz_to_string (again);
      g_assert_cmpstr (written, ==, rewritten);
    }
  return 0;
}
