/* test-cid.c — the A.3 code table and the A.1 event types
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "vigil-cid.h"

typedef struct
{
  guint code;
  const char *description;
} Expected;

/* Every row of the guide's A.3 (lines 2911-3266), transcribed in the guide's order. */
static const Expected guide_rows[] = {
  { 1100, "Medical Alarm" },
  { 3100, "Medical Alarm Restored" },
  { 1103, "Instant Alarm" },
  { 3103, "Instant Alarm Restored" },
  { 1110, "Fire Alarm" },
  { 3110, "Fire Alarm Restored" },
  { 1121, "Duress" },
  { 1122, "24H Silent Alarm" },
  { 3122, "24H Silent Alarm Restored" },
  { 1123, "24H Audible Alarm" },
  { 3123, "24H Audible Alarm Restored" },
  { 1124, "24H Aux Alarm" },
  { 3124, "24H Aux Alarm Restored" },
  { 1125, "24H Shock Alarm" },
  { 3125, "24H Shock Alarm Restored" },
  { 1126, "Overtime Alarm" },
  { 3126, "Overtime Alarm Restored" },
  { 1129, "Panic Alarm" },
  { 3129, "Panic Alarm Restored" },
  { 1130, "Burglary Alarm" },
  { 3130, "Burglary Alarm Restored" },
  { 1131, "Perimeter Alarm" },
  { 3131, "Perimeter Alarm Restored" },
  { 1132, "Interior Alarm" },
  { 3132, "Interior Alarm Restored" },
  { 1134, "Delayed Alarm" },
  { 3134, "Delayed Alarm Restored" },
  { 1137, "Device Tampered" },
  { 3137, "Device Tamper Restored" },
  { 1141, "BUS Open-circuit Alarm" },
  { 3141, "BUS Open-circuit Restored" },
  { 1142, "BUS Short-circuit Alarm" },
  { 3142, "BUS Short-circuit Restored" },
  { 1148, "Device Motion Alarm" },
  { 3148, "Device Motion Alarm Restored" },
  { 1151, "Gas Leakage Alarm" },
  { 3151, "Gas Leakage Alarm Restored" },
  { 1207, "Zone Pre-Alarm" },
  { 3207, "Zone Pre-Alarm Restored" },
  { 1301, "AC Power Down" },
  { 3301, "AC Power On" },
  { 1302, "Low Battery" },
  { 3302, "Normal Battery" },
  { 1305, "Control Panel Reset" },
  { 1333, "Expander Exception" },
  { 3333, "Expander Restored" },
  { 1336, "Printer Disconnected" },
  { 3336, "Printer Connected" },
  { 1338, "Expander Low Voltage" },
  { 3338, "Normal Expander Voltage" },
  { 1341, "Expander Tampered" },
  { 3341, "Expander Restored" },
  { 1342, "Expander AC Power Down" },
  { 3342, "Expander AC Power On" },
  { 1343, "Wireless Repeater Tampered" },
  { 3343, "Wireless Repeater Restored" },
  { 1344, "Wireless Siren Tampered" },
  { 3344, "Wireless Siren Restored" },
  { 1345, "Wireless Siren Disconnected" },
  { 3345, "Wireless Siren Connected" },
  { 1354, "Telephone Line Disconnected" },
  { 3354, "Telephone Line Connected" },
  { 1382, "BUS Supervision Fault" },
  { 3382, "BUS Supervision Restored" },
  { 1383, "Detector Tampered" },
  { 3383, "Detector Tamper Restored" },
  { 1386, "Zone Open-circuit Alarm" },
  { 1387, "Zone Short-circuit Alarm" },
  { 1401, "Disarming" },
  { 3401, "Arming" },
  { 1403, "Auto Disarming" },
  { 3403, "Auto Arming" },
  { 1406, "Alarm Clearing" },
  { 3408, "Instant Arming" },
  { 1409, "Key Zone Disarming" },
  { 3409, "Key Zone Arming" },
  { 3441, "Stay Arming" },
  { 3442, "Forced Arming" },
  { 1443, "Turn On Output by Schedule" },
  { 3443, "Turn Off Output by Schedule" },
  { 1452, "Late Disarming" },
  { 1455, "Auto Arming Failed" },
  { 1460, "Turning On Output Failed" },
  { 1461, "Turning Off Output Failed" },
  { 1462, "Auto Disarming Failed" },
  { 1570, "Bypass" },
  { 3570, "Bypass Restored" },
  { 1574, "Group Bypass" },
  { 3574, "Group Bypass Restored" },
  { 1601, "Manual Report Test" },
  { 1602, "Periodic Report Test" },
  { 3602, "Device Heartbeat Event" },
  { 1617, "Telephone Connection Test" },
  { 1627, "Enter Programming" },
  { 1628, "Exit Programming" },
  { 1810, "Virtual Zone Panic Alarm" },
  { 1811, "Virtual Zone Fire Alarm" },
  { 1812, "Virtual Zone Burglary Alarm" },
  { 1847, "Virtual Zone Medical Alarm" },
  { 1862, "Keypad Locked" },
  { 3862, "Keypad Unlocked" },
  { 1863, "Absence Alarm" },
  { 1910, "Keypad Disconnected" },
  { 3910, "Keypad Connected" },
  { 1911, "KBUS Relay Disconnected" },
  { 3911, "KBUS Relay Connected" },
  { 1912, "KBUS GP/K Disconnected" },
  { 3912, "KBUS GP/K Connected" },
  { 1913, "KBUS MN/K Disconnected" },
  { 3913, "KBUS MN/K Connected" },
  { 1914, "Wireless Detector Disconnected" },
  { 3914, "Wireless Detector Connected" },
  { 1915, "Wireless Detector Low Battery" },
  { 3915, "Normal Wireless Detector Battery" },
  { 1916, "Expander Disconnected" },
  { 3916, "Expander Connected" },
  { 1917, "Wireless Repeater Disconnected" },
  { 3917, "Wireless Repeater Connected" },
  { 1918, "Radar Transmitter Fault" },
  { 3918, "Radar Transmitter Restored" },
  { 1919, "Wireless Siren Low Battery" },
  { 3919, "Normal Wireless Siren Battery" },
  { 1920, "Cellular Data Network Disconnected" },
  { 3920, "Cellular Data Network Connected" },
  { 1921, "SIM Card Exception" },
  { 3921, "SIM Card Restored" },
  { 1922, "Wi-Fi Communication Fault" },
  { 3922, "Wi-Fi Connected" },
  { 1923, "RF Signal Exception" },
  { 3923, "Normal RF Signal" },
  { 1924, "Network Flow Exceeded" },
  { 1930, "IP Address Conflicted" },
  { 3930, "Normal IP address" },
  { 1931, "Wired Network Exception" },
  { 3931, "Normal Wired Network" },
  { 1940, "Motion Detection Alarm Started" },
  { 3940, "Motion Detection Alarm Stopped" },
  { 1941, "Tampering Alarm Started" },
  { 3941, "Tampering Alarm Stopped" },
  { 1942, "Video Signal Loss" },
  { 3942, "Video Signal Restored" },
  { 1943, "Input/Output Format Unmatched" },
  { 3943, "Input/Output Format Restored" },
  { 1944, "Video Input Exception" },
  { 3944, "Video Input Restored" },
  { 1945, "Full HDD" },
  { 3945, "Free HDD" },
  { 1946, "HDD Exception" },
  { 3946, "HDD Restored" },
  { 1947, "Upload Picture Failed" },
  { 1948, "Sending Email Failed." },
  { 1949, "Network Camera Disconnected." },
  { 3949, "Network Camera Connected." },
  { 1960, "Duty Checking" },
  { 1961, "Post Response" },
  { 1970, "BUS Query" },
  { 1971, "BUS Registration" },
  { 1973, "Single-Zone Disarming" },
  { 3973, "Single-Zone Arming" },
  { 1974, "Single-Zone Alarm Cleared" },
  { 1975, "Delete Detector" },
  { 3975, "Add Detector" },
  { 1976, "Business Consulting" },
  { 3976, "Business Consulting Over" },
  { 1977, "Delete Expander" },
  { 3977, "Add Expander" },
  { 1978, "Delete Wireless Repeater" },
  { 3978, "Add Wireless Repeater" },
  { 1979, "Delete Wireless Siren" },
  { 3979, "Add Wireless Siren" },
};

static void
test_every_guide_code (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (guide_rows); i++)
    {
      const VigilCidInfo *info = vigil_cid_lookup (guide_rows[i].code);
      g_autofree char *text = g_strdup_printf ("%u", guide_rows[i].code);
      g_autofree char *described = NULL;

      g_assert_nonnull (info);
      g_assert_cmpuint (info->code, ==, guide_rows[i].code);
      g_assert_cmpstr (info->description, ==, guide_rows[i].description);
      g_assert_cmpint (info->restore, ==, guide_rows[i].code / 1000 == 3);
      g_assert_cmpuint (info->event, ==, guide_rows[i].code % 1000);
      g_assert_cmpint (info->category, !=, VIGIL_CID_CATEGORY_UNKNOWN);
      g_assert_true (vigil_cid_lookup_string (text) == info);

      described = vigil_cid_describe (guide_rows[i].code);
      g_assert_cmpstr (described, ==, guide_rows[i].description);
    }
}

static void
test_table_count (void)
{
  guint n = 0;
  const VigilCidInfo *table = vigil_cid_table (&n);

  g_assert_nonnull (table);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (guide_rows));
  g_assert_cmpuint (n, ==, 170);

  /* Each code exactly once. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_cmpuint (table[i].code, !=, table[j].code);
}

static void
test_spot_checks (void)
{
  const VigilCidInfo *info;

  info = vigil_cid_lookup (1130);
  g_assert_cmpstr (info->description, ==, "Burglary Alarm");
  g_assert_false (info->restore);
  g_assert_cmpuint (info->event, ==, 130);

  info = vigil_cid_lookup (3130);
  g_assert_cmpstr (info->description, ==, "Burglary Alarm Restored");
  g_assert_true (info->restore);

  g_assert_cmpstr (vigil_cid_lookup (1121)->description, ==, "Duress");
  g_assert_null (vigil_cid_lookup (3121));    /* the guide lists no duress restore */
  g_assert_cmpstr (vigil_cid_lookup (1401)->description, ==, "Disarming");
  g_assert_cmpstr (vigil_cid_lookup (3401)->description, ==, "Arming");

  /* The oddities of the table. */
  info = vigil_cid_lookup (3408);
  g_assert_cmpstr (info->description, ==, "Instant Arming");
  g_assert_true (info->restore);
  g_assert_null (vigil_cid_lookup (1408));

  g_assert_cmpstr (vigil_cid_lookup (3441)->description, ==, "Stay Arming");
  g_assert_cmpstr (vigil_cid_lookup (3442)->description, ==, "Forced Arming");
  g_assert_null (vigil_cid_lookup (1441));
  g_assert_null (vigil_cid_lookup (1442));

  g_assert_cmpstr (vigil_cid_lookup (1570)->description, ==, "Bypass");
  g_assert_cmpstr (vigil_cid_lookup (3570)->description, ==, "Bypass Restored");
  g_assert_cmpuint (vigil_cid_lookup (1570)->event, ==, 570);
  g_assert_null (vigil_cid_lookup (1507));
  g_assert_cmpstr (vigil_cid_lookup (1574)->description, ==, "Group Bypass");
  g_assert_cmpstr (vigil_cid_lookup (3574)->description, ==, "Group Bypass Restored");

  g_assert_cmpstr (vigil_cid_lookup (1602)->description, ==, "Periodic Report Test");
  g_assert_cmpstr (vigil_cid_lookup (3602)->description, ==, "Device Heartbeat Event");
  g_assert_cmpstr (vigil_cid_lookup (1151)->description, ==, "Gas Leakage Alarm");
  g_assert_cmpstr (vigil_cid_lookup (1948)->description, ==, "Sending Email Failed.");
  g_assert_cmpstr (vigil_cid_lookup (3979)->description, ==, "Add Wireless Siren");
  g_assert_cmpstr (vigil_cid_lookup (1305)->description, ==, "Control Panel Reset");
  g_assert_null (vigil_cid_lookup (3305));

  g_assert_null (vigil_cid_lookup (0));
  g_assert_null (vigil_cid_lookup (130));
  g_assert_null (vigil_cid_lookup (2130));
  g_assert_null (vigil_cid_lookup (11300));
  g_assert_null (vigil_cid_lookup_string ("11300"));
  g_assert_null (vigil_cid_lookup_string (NULL));
  g_assert_true (vigil_cid_lookup_string (" 1130 ") == vigil_cid_lookup (1130));
}

static void
test_unknown_description (void)
{
  g_autofree char *trigger = vigil_cid_describe (1999);
  g_autofree char *restore = vigil_cid_describe (3999);
  g_autofree char *odd = vigil_cid_describe (2130);
  g_autofree char *small = vigil_cid_describe (1005);

  g_assert_cmpstr (trigger, ==, "CID event 999");
  g_assert_cmpstr (restore, ==, "CID event 999 restored");
  g_assert_cmpstr (odd, ==, "CID event 2130");
  g_assert_cmpstr (small, ==, "CID event 005");
}

static void
test_categories (void)
{
  struct { guint code; VigilCidCategory category; } cases[] = {
    { 1110, VIGIL_CID_CATEGORY_FIRE },
    { 3110, VIGIL_CID_CATEGORY_FIRE },
    { 1151, VIGIL_CID_CATEGORY_FIRE },
    { 1811, VIGIL_CID_CATEGORY_FIRE },
    { 1100, VIGIL_CID_CATEGORY_MEDICAL },
    { 1847, VIGIL_CID_CATEGORY_MEDICAL },
    { 1121, VIGIL_CID_CATEGORY_PANIC },
    { 1122, VIGIL_CID_CATEGORY_PANIC },
    { 1129, VIGIL_CID_CATEGORY_PANIC },
    { 1810, VIGIL_CID_CATEGORY_PANIC },
    { 1130, VIGIL_CID_CATEGORY_ALARM },
    { 1103, VIGIL_CID_CATEGORY_ALARM },
    { 1123, VIGIL_CID_CATEGORY_ALARM },
    { 1125, VIGIL_CID_CATEGORY_ALARM },
    { 1134, VIGIL_CID_CATEGORY_ALARM },
    { 1148, VIGIL_CID_CATEGORY_ALARM },
    { 1812, VIGIL_CID_CATEGORY_ALARM },
    { 1137, VIGIL_CID_CATEGORY_TAMPER },
    { 1383, VIGIL_CID_CATEGORY_TAMPER },
    { 1341, VIGIL_CID_CATEGORY_TAMPER },
    { 1301, VIGIL_CID_CATEGORY_FAULT },
    { 1302, VIGIL_CID_CATEGORY_FAULT },
    { 1141, VIGIL_CID_CATEGORY_FAULT },
    { 1914, VIGIL_CID_CATEGORY_FAULT },
    { 1931, VIGIL_CID_CATEGORY_FAULT },
    { 3401, VIGIL_CID_CATEGORY_ARMING },
    { 1401, VIGIL_CID_CATEGORY_ARMING },
    { 1406, VIGIL_CID_CATEGORY_ARMING },
    { 3408, VIGIL_CID_CATEGORY_ARMING },
    { 3441, VIGIL_CID_CATEGORY_ARMING },
    { 1570, VIGIL_CID_CATEGORY_BYPASS },
    { 3574, VIGIL_CID_CATEGORY_BYPASS },
    { 1601, VIGIL_CID_CATEGORY_TEST },
    { 3602, VIGIL_CID_CATEGORY_TEST },
    { 1960, VIGIL_CID_CATEGORY_TEST },
    { 1443, VIGIL_CID_CATEGORY_OUTPUT },
    { 1460, VIGIL_CID_CATEGORY_OUTPUT },
    { 1627, VIGIL_CID_CATEGORY_SYSTEM },
    { 3975, VIGIL_CID_CATEGORY_SYSTEM },
    { 1940, VIGIL_CID_CATEGORY_VIDEO },
    { 1945, VIGIL_CID_CATEGORY_VIDEO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const VigilCidInfo *info = vigil_cid_lookup (cases[i].code);

      g_assert_nonnull (info);
      g_assert_cmpstr (vigil_cid_category_to_string (info->category), ==,
                       vigil_cid_category_to_string (cases[i].category));
      g_assert_cmpint (vigil_cid_category_for_event (cases[i].code % 1000), ==, cases[i].category);
    }

  /* Events the guide lists only one side of, and unlisted events by Contact ID ranges. */
  g_assert_cmpint (vigil_cid_category_for_event (121), ==, VIGIL_CID_CATEGORY_PANIC);
  g_assert_cmpint (vigil_cid_category_for_event (408), ==, VIGIL_CID_CATEGORY_ARMING);
  g_assert_cmpint (vigil_cid_category_for_event (120), ==, VIGIL_CID_CATEGORY_PANIC);
  g_assert_cmpint (vigil_cid_category_for_event (115), ==, VIGIL_CID_CATEGORY_FIRE);
  g_assert_cmpint (vigil_cid_category_for_event (144), ==, VIGIL_CID_CATEGORY_ALARM);
  g_assert_cmpint (vigil_cid_category_for_event (350), ==, VIGIL_CID_CATEGORY_FAULT);
  g_assert_cmpint (vigil_cid_category_for_event (999), ==, VIGIL_CID_CATEGORY_UNKNOWN);
  g_assert_cmpint (vigil_cid_category_for_event (5000), ==, VIGIL_CID_CATEGORY_UNKNOWN);

  g_assert_cmpstr (vigil_cid_category_to_string (VIGIL_CID_CATEGORY_FIRE), ==, "fire");
  g_assert_cmpstr (vigil_cid_category_to_string (VIGIL_CID_CATEGORY_ALARM), ==, "alarm");
  g_assert_cmpstr (vigil_cid_category_to_string ((VigilCidCategory) 99), ==, "unknown");
  g_assert_cmpstr (vigil_cid_category_label (VIGIL_CID_CATEGORY_TAMPER), ==, "Tamper");
}

static void
test_parse_code (void)
{
  guint event = 0;
  gboolean restore = TRUE;

  g_assert_true (vigil_cid_parse_code ("1130", &event, &restore));
  g_assert_cmpuint (event, ==, 130);
  g_assert_false (restore);

  g_assert_true (vigil_cid_parse_code (" 3130 ", &event, &restore));
  g_assert_cmpuint (event, ==, 130);
  g_assert_true (restore);

  g_assert_true (vigil_cid_parse_code ("\t1401\n", &event, &restore));
  g_assert_cmpuint (event, ==, 401);

  g_assert_true (vigil_cid_parse_code ("1999", NULL, NULL));

  event = 7;
  restore = TRUE;
  g_assert_false (vigil_cid_parse_code ("113", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("2130", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("11300", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("0130", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("1 30", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("+130", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("113a", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("", &event, &restore));
  g_assert_false (vigil_cid_parse_code ("   ", &event, &restore));
  g_assert_false (vigil_cid_parse_code (NULL, &event, &restore));
  /* A failed parse leaves the outputs alone. */
  g_assert_cmpuint (event, ==, 7);
  g_assert_true (restore);
}

static void
test_event_types (void)
{
  g_assert_true (vigil_event_type_is_known ("devStatusChanged"));
  g_assert_true (vigil_event_type_is_known ("videoReview"));
  g_assert_true (vigil_event_type_is_known ("CIDAlarm"));
  g_assert_true (vigil_event_type_is_known ("heartBeat"));
  g_assert_true (vigil_event_type_is_known ("heartBeat "));
  g_assert_true (vigil_event_type_is_known ("HeartBeat"));
  g_assert_false (vigil_event_type_is_known ("VMD"));
  g_assert_false (vigil_event_type_is_known (""));
  g_assert_false (vigil_event_type_is_known (NULL));

  g_assert_cmpstr (vigil_event_type_label ("devStatusChanged"), ==, "Device Status Changed Alarm");
  g_assert_cmpstr (vigil_event_type_label ("videoReview"), ==, "Video Verification Alarm");
  g_assert_cmpstr (vigil_event_type_label ("CIDAlarm"), ==, "CID (Contact ID) Alarm");
  g_assert_cmpstr (vigil_event_type_label ("heartBeat "), ==, "Heartbeat");
  g_assert_cmpstr (vigil_event_type_label ("VMD"), ==, "VMD");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cid/every-guide-code", test_every_guide_code);
  g_test_add_func ("/cid/table-count", test_table_count);
  g_test_add_func ("/cid/spot-checks", test_spot_checks);
  g_test_add_func ("/cid/unknown-description", test_unknown_description);
  g_test_add_func ("/cid/categories", test_categories);
  g_test_add_func ("/cid/parse-code", test_parse_code);
  g_test_add_func ("/cid/event-types", test_event_types);

  return g_test_run ();
}
