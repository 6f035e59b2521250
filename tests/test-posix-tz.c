/* test-posix-tz.c — the time zone strings of §8.5.10
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-posix-tz.h"
#include "vigil-error.h"

#include <string.h>

static void
test_guide_examples (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPosixTz) plain = vigil_posix_tz_parse ("GST-8:00:00", &error);
  g_autoptr(VigilPosixTz) dst = NULL;
  g_autofree char *text = NULL;
  g_autofree char *meaning = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (plain->std_name, ==, "GST");
  g_assert_cmpint (plain->utc_offset_seconds, ==, 8 * 3600);
  g_assert_false (plain->has_dst);

  dst = vigil_posix_tz_parse ("CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00", &error);
  g_assert_no_error (error);
  g_assert_true (dst->has_dst);
  g_assert_cmpint (dst->dst_shift_seconds, ==, 30 * 60);
  g_assert_true (dst->has_rules);
  g_assert_cmpuint (dst->start.month, ==, 4);
  g_assert_cmpuint (dst->start.week, ==, 1);
  g_assert_cmpuint (dst->start.weekday, ==, 0);
  g_assert_cmpuint (dst->end.month, ==, 10);
  g_assert_cmpuint (dst->end.week, ==, 5);
  g_assert_cmpint (dst->end.time_seconds, ==, 2 * 3600);

  text = vigil_posix_tz_to_string (dst);
  g_assert_cmpstr (text, ==, "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00");

  meaning = vigil_posix_tz_describe (dst);
  g_assert_nonnull (strstr (meaning, "UTC+08:00"));
  g_assert_nonnull (strstr (meaning, "0:30"));
  g_assert_nonnull (strstr (meaning, "first Sunday of April"));
  g_assert_nonnull (strstr (meaning, "last Sunday of October"));
}

static void
test_round_trip (void)
{
  const char *inputs[] = {
    "EST5EDT,M3.2.0,M11.1.0", "UTC0", "<+0330>-3:30", "NZST-12NZDT,M9.5.0,M4.1.0/3",
    "CET-1CEST,M3.5.0,M10.5.0/3", "XYZ+4:30:15",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse (inputs[i], &error);
      g_autoptr(VigilPosixTz) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text2 = NULL;

      g_assert_no_error (error);
      text = vigil_posix_tz_to_string (tz);
      again = vigil_posix_tz_parse (text, &error);
      g_assert_no_error (error);
      text2 = vigil_posix_tz_to_string (again);
      g_assert_cmpstr (text, ==, text2);
      g_assert_cmpint (tz->utc_offset_seconds, ==, again->utc_offset_seconds);
    }
}

static void
test_refused (void)
{
  const char *bad[] = {
    "", "8", "CS-8", "CST", "CST-25", "CST-8DST,M13.1.0,M10.5.0", "CST-8DST,M4.6.0,M10.5.0",
    "CST-8DST,M4.1.7,M10.5.0", "CST-8DST,M4.1.0", "CST-8 junk", "CST-8:60", "<ab>-1",
    "CST-8DST05:00:00,M4.1.0,M10.5.0", "CST-8DST,J0,J10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse (bad[i], &error);

      if (tz != NULL)
        g_error ("accepted “%s”", bad[i]);
      g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/posix-tz/guide-examples", test_guide_examples);
  g_test_add_func ("/posix-tz/round-trip", test_round_trip);
  g_test_add_func ("/posix-tz/refused", test_refused);

  return g_test_run ();
}
