/* vigil-cid.c — Appendix A.3 (Hikvision CID codes) and A.1 (event types)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cid"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "vigil-cid.h"

/* Every row of the guide's A.3, in the guide's order, which is also ascending by (event,
 * restore): that order is what the binary search relies on.
 *
 * Oddities kept as the guide lists them:
 * - 3408 "Instant Arming" has no event column (only the restore-side code exists);
 * - 441 and 442 list a 3-code as their "trigger" (arming is a closing, qualifier 3);
 * - the row "507" carries the codes 1570/3570: the event number used here is the one inside
 *   the code (570), since that is what a panel sends and what a restore is matched on;
 * - 3602 "Device Heartbeat Event" shares its event with 1602 "Periodic Report Test".
 * Descriptions are the guide's English, period and all; they are translated at lookup. */
static const VigilCidInfo cid_table[] = {
  { 100, 1100, FALSE, VIGIL_CID_CATEGORY_MEDICAL, N_("Medical Alarm") },
  { 100, 3100, TRUE, VIGIL_CID_CATEGORY_MEDICAL, N_("Medical Alarm Restored") },
  { 103, 1103, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Instant Alarm") },
  { 103, 3103, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Instant Alarm Restored") },
  { 110, 1110, FALSE, VIGIL_CID_CATEGORY_FIRE, N_("Fire Alarm") },
  { 110, 3110, TRUE, VIGIL_CID_CATEGORY_FIRE, N_("Fire Alarm Restored") },
  { 121, 1121, FALSE, VIGIL_CID_CATEGORY_PANIC, N_("Duress") },
  { 122, 1122, FALSE, VIGIL_CID_CATEGORY_PANIC, N_("24H Silent Alarm") },
  { 122, 3122, TRUE, VIGIL_CID_CATEGORY_PANIC, N_("24H Silent Alarm Restored") },
  { 123, 1123, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("24H Audible Alarm") },
  { 123, 3123, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("24H Audible Alarm Restored") },
  { 124, 1124, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("24H Aux Alarm") },
  { 124, 3124, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("24H Aux Alarm Restored") },
  { 125, 1125, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("24H Shock Alarm") },
  { 125, 3125, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("24H Shock Alarm Restored") },
  { 126, 1126, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Overtime Alarm") },
  { 126, 3126, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Overtime Alarm Restored") },
  { 129, 1129, FALSE, VIGIL_CID_CATEGORY_PANIC, N_("Panic Alarm") },
  { 129, 3129, TRUE, VIGIL_CID_CATEGORY_PANIC, N_("Panic Alarm Restored") },
  { 130, 1130, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Burglary Alarm") },
  { 130, 3130, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Burglary Alarm Restored") },
  { 131, 1131, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Perimeter Alarm") },
  { 131, 3131, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Perimeter Alarm Restored") },
  { 132, 1132, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Interior Alarm") },
  { 132, 3132, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Interior Alarm Restored") },
  { 134, 1134, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Delayed Alarm") },
  { 134, 3134, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Delayed Alarm Restored") },
  { 137, 1137, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Device Tampered") },
  { 137, 3137, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Device Tamper Restored") },
  { 141, 1141, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Open-circuit Alarm") },
  { 141, 3141, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Open-circuit Restored") },
  { 142, 1142, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Short-circuit Alarm") },
  { 142, 3142, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Short-circuit Restored") },
  { 148, 1148, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Device Motion Alarm") },
  { 148, 3148, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Device Motion Alarm Restored") },
  { 151, 1151, FALSE, VIGIL_CID_CATEGORY_FIRE, N_("Gas Leakage Alarm") },
  { 151, 3151, TRUE, VIGIL_CID_CATEGORY_FIRE, N_("Gas Leakage Alarm Restored") },
  { 207, 1207, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Zone Pre-Alarm") },
  { 207, 3207, TRUE, VIGIL_CID_CATEGORY_ALARM, N_("Zone Pre-Alarm Restored") },
  { 301, 1301, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("AC Power Down") },
  { 301, 3301, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("AC Power On") },
  { 302, 1302, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Low Battery") },
  { 302, 3302, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal Battery") },
  { 305, 1305, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Control Panel Reset") },
  { 333, 1333, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Expander Exception") },
  { 333, 3333, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Expander Restored") },
  { 336, 1336, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Printer Disconnected") },
  { 336, 3336, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Printer Connected") },
  { 338, 1338, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Expander Low Voltage") },
  { 338, 3338, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal Expander Voltage") },
  { 341, 1341, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Expander Tampered") },
  { 341, 3341, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Expander Restored") },
  { 342, 1342, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Expander AC Power Down") },
  { 342, 3342, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Expander AC Power On") },
  { 343, 1343, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Wireless Repeater Tampered") },
  { 343, 3343, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Wireless Repeater Restored") },
  { 344, 1344, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Wireless Siren Tampered") },
  { 344, 3344, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Wireless Siren Restored") },
  { 345, 1345, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Siren Disconnected") },
  { 345, 3345, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Siren Connected") },
  { 354, 1354, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Telephone Line Disconnected") },
  { 354, 3354, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Telephone Line Connected") },
  { 382, 1382, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Supervision Fault") },
  { 382, 3382, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("BUS Supervision Restored") },
  { 383, 1383, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Detector Tampered") },
  { 383, 3383, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Detector Tamper Restored") },
  { 386, 1386, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Zone Open-circuit Alarm") },
  { 387, 1387, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Zone Short-circuit Alarm") },
  { 401, 1401, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Disarming") },
  { 401, 3401, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Arming") },
  { 403, 1403, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Auto Disarming") },
  { 403, 3403, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Auto Arming") },
  { 406, 1406, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Alarm Clearing") },
  { 408, 3408, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Instant Arming") },
  { 409, 1409, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Key Zone Disarming") },
  { 409, 3409, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Key Zone Arming") },
  { 441, 3441, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Stay Arming") },
  { 442, 3442, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Forced Arming") },
  { 443, 1443, FALSE, VIGIL_CID_CATEGORY_OUTPUT, N_("Turn On Output by Schedule") },
  { 443, 3443, TRUE, VIGIL_CID_CATEGORY_OUTPUT, N_("Turn Off Output by Schedule") },
  { 452, 1452, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Late Disarming") },
  { 455, 1455, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Auto Arming Failed") },
  { 460, 1460, FALSE, VIGIL_CID_CATEGORY_OUTPUT, N_("Turning On Output Failed") },
  { 461, 1461, FALSE, VIGIL_CID_CATEGORY_OUTPUT, N_("Turning Off Output Failed") },
  { 462, 1462, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Auto Disarming Failed") },
  { 570, 1570, FALSE, VIGIL_CID_CATEGORY_BYPASS, N_("Bypass") },
  { 570, 3570, TRUE, VIGIL_CID_CATEGORY_BYPASS, N_("Bypass Restored") },
  { 574, 1574, FALSE, VIGIL_CID_CATEGORY_BYPASS, N_("Group Bypass") },
  { 574, 3574, TRUE, VIGIL_CID_CATEGORY_BYPASS, N_("Group Bypass Restored") },
  { 601, 1601, FALSE, VIGIL_CID_CATEGORY_TEST, N_("Manual Report Test") },
  { 602, 1602, FALSE, VIGIL_CID_CATEGORY_TEST, N_("Periodic Report Test") },
  { 602, 3602, TRUE, VIGIL_CID_CATEGORY_TEST, N_("Device Heartbeat Event") },
  { 617, 1617, FALSE, VIGIL_CID_CATEGORY_TEST, N_("Telephone Connection Test") },
  { 627, 1627, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Enter Programming") },
  { 628, 1628, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Exit Programming") },
  { 810, 1810, FALSE, VIGIL_CID_CATEGORY_PANIC, N_("Virtual Zone Panic Alarm") },
  { 811, 1811, FALSE, VIGIL_CID_CATEGORY_FIRE, N_("Virtual Zone Fire Alarm") },
  { 812, 1812, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Virtual Zone Burglary Alarm") },
  { 847, 1847, FALSE, VIGIL_CID_CATEGORY_MEDICAL, N_("Virtual Zone Medical Alarm") },
  { 862, 1862, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Keypad Locked") },
  { 862, 3862, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Keypad Unlocked") },
  { 863, 1863, FALSE, VIGIL_CID_CATEGORY_ALARM, N_("Absence Alarm") },
  { 910, 1910, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Keypad Disconnected") },
  { 910, 3910, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Keypad Connected") },
  { 911, 1911, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS Relay Disconnected") },
  { 911, 3911, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS Relay Connected") },
  { 912, 1912, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS GP/K Disconnected") },
  { 912, 3912, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS GP/K Connected") },
  { 913, 1913, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS MN/K Disconnected") },
  { 913, 3913, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("KBUS MN/K Connected") },
  { 914, 1914, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Detector Disconnected") },
  { 914, 3914, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Detector Connected") },
  { 915, 1915, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Detector Low Battery") },
  { 915, 3915, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal Wireless Detector Battery") },
  { 916, 1916, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Expander Disconnected") },
  { 916, 3916, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Expander Connected") },
  { 917, 1917, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Repeater Disconnected") },
  { 917, 3917, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Repeater Connected") },
  { 918, 1918, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Radar Transmitter Fault") },
  { 918, 3918, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Radar Transmitter Restored") },
  { 919, 1919, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wireless Siren Low Battery") },
  { 919, 3919, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal Wireless Siren Battery") },
  { 920, 1920, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Cellular Data Network Disconnected") },
  { 920, 3920, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Cellular Data Network Connected") },
  { 921, 1921, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("SIM Card Exception") },
  { 921, 3921, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("SIM Card Restored") },
  { 922, 1922, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wi-Fi Communication Fault") },
  { 922, 3922, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Wi-Fi Connected") },
  { 923, 1923, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("RF Signal Exception") },
  { 923, 3923, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal RF Signal") },
  { 924, 1924, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Network Flow Exceeded") },
  { 930, 1930, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("IP Address Conflicted") },
  { 930, 3930, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal IP address") },
  { 931, 1931, FALSE, VIGIL_CID_CATEGORY_FAULT, N_("Wired Network Exception") },
  { 931, 3931, TRUE, VIGIL_CID_CATEGORY_FAULT, N_("Normal Wired Network") },
  { 940, 1940, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Motion Detection Alarm Started") },
  { 940, 3940, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Motion Detection Alarm Stopped") },
  { 941, 1941, FALSE, VIGIL_CID_CATEGORY_TAMPER, N_("Tampering Alarm Started") },
  { 941, 3941, TRUE, VIGIL_CID_CATEGORY_TAMPER, N_("Tampering Alarm Stopped") },
  { 942, 1942, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Video Signal Loss") },
  { 942, 3942, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Video Signal Restored") },
  { 943, 1943, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Input/Output Format Unmatched") },
  { 943, 3943, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Input/Output Format Restored") },
  { 944, 1944, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Video Input Exception") },
  { 944, 3944, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Video Input Restored") },
  { 945, 1945, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Full HDD") },
  { 945, 3945, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Free HDD") },
  { 946, 1946, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("HDD Exception") },
  { 946, 3946, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("HDD Restored") },
  { 947, 1947, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Upload Picture Failed") },
  { 948, 1948, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Sending Email Failed.") },
  { 949, 1949, FALSE, VIGIL_CID_CATEGORY_VIDEO, N_("Network Camera Disconnected.") },
  { 949, 3949, TRUE, VIGIL_CID_CATEGORY_VIDEO, N_("Network Camera Connected.") },
  { 960, 1960, FALSE, VIGIL_CID_CATEGORY_TEST, N_("Duty Checking") },
  { 961, 1961, FALSE, VIGIL_CID_CATEGORY_TEST, N_("Post Response") },
  { 970, 1970, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("BUS Query") },
  { 971, 1971, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("BUS Registration") },
  { 973, 1973, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Single-Zone Disarming") },
  { 973, 3973, TRUE, VIGIL_CID_CATEGORY_ARMING, N_("Single-Zone Arming") },
  { 974, 1974, FALSE, VIGIL_CID_CATEGORY_ARMING, N_("Single-Zone Alarm Cleared") },
  { 975, 1975, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Delete Detector") },
  { 975, 3975, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Add Detector") },
  { 976, 1976, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Business Consulting") },
  { 976, 3976, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Business Consulting Over") },
  { 977, 1977, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Delete Expander") },
  { 977, 3977, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Add Expander") },
  { 978, 1978, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Delete Wireless Repeater") },
  { 978, 3978, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Add Wireless Repeater") },
  { 979, 1979, FALSE, VIGIL_CID_CATEGORY_SYSTEM, N_("Delete Wireless Siren") },
  { 979, 3979, TRUE, VIGIL_CID_CATEGORY_SYSTEM, N_("Add Wireless Siren") },
};

static int
compare_info (gconstpointer key,
              gconstpointer element)
{
  const VigilCidInfo *a = key;
  const VigilCidInfo *b = element;

  if (a->event != b->event)
    return a->event < b->event ? -1 : 1;
  if (a->restore != b->restore)
    return a->restore ? 1 : -1;
  return 0;
}

const VigilCidInfo *
vigil_cid_table (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (cid_table);
  return cid_table;
}

const VigilCidInfo *
vigil_cid_lookup (guint code)
{
  VigilCidInfo key = { 0, };

  if (code < 1000 || code > 3999 || (code / 1000) == 2)
    return NULL;

  key.event = code % 1000;
  key.restore = (code / 1000) == 3;

  return bsearch (&key, cid_table, G_N_ELEMENTS (cid_table), sizeof cid_table[0], compare_info);
}

/* Reads exactly four ASCII digits, white space around allowed. */
static gboolean
parse_four_digits (const char *text,
                   guint      *value)
{
  const char *p = text;
  guint v = 0;
  guint i;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;
  for (i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  p += 4;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  *value = v;
  return TRUE;
}

const VigilCidInfo *
vigil_cid_lookup_string (const char *code)
{
  guint value;

  if (!parse_four_digits (code, &value))
    return NULL;
  return vigil_cid_lookup (value);
}

gboolean
vigil_cid_parse_code (const char *code,
                      guint      *event,
                      gboolean   *restore)
{
  guint value;

  if (!parse_four_digits (code, &value))
    return FALSE;
  if (value / 1000 != 1 && value / 1000 != 3)
    return FALSE;

  if (event != NULL)
    *event = value % 1000;
  if (restore != NULL)
    *restore = (value / 1000) == 3;
  return TRUE;
}

char *
vigil_cid_describe (guint code)
{
  const VigilCidInfo *info = vigil_cid_lookup (code);

  if (info != NULL)
    return g_strdup (_(info->description));

  /* Keep the number: an operator can still look an unlisted code up in the panel's manual. */
  if (code / 1000 == 1)
    return g_strdup_printf (_("CID event %03u"), code % 1000);
  if (code / 1000 == 3)
    return g_strdup_printf (_("CID event %03u restored"), code % 1000);
  return g_strdup_printf (_("CID event %u"), code);
}

/* Ranges of the SIA Contact ID standard, for events the guide does not list: a Hikvision panel
 * may send a standard code the guide left out, and a 1xx must still look like an alarm. */
static VigilCidCategory
category_from_contact_id_range (guint event)
{
  if (event >= 100 && event <= 109)
    return VIGIL_CID_CATEGORY_MEDICAL;
  if (event >= 110 && event <= 119)
    return VIGIL_CID_CATEGORY_FIRE;
  if (event >= 120 && event <= 129)
    return VIGIL_CID_CATEGORY_PANIC;
  if (event >= 130 && event <= 199)
    return VIGIL_CID_CATEGORY_ALARM;
  if (event >= 200 && event <= 399)
    return VIGIL_CID_CATEGORY_FAULT;
  if (event >= 400 && event <= 499)
    return VIGIL_CID_CATEGORY_ARMING;
  if (event >= 500 && event <= 599)
    return VIGIL_CID_CATEGORY_BYPASS;
  if (event >= 600 && event <= 699)
    return VIGIL_CID_CATEGORY_TEST;
  return VIGIL_CID_CATEGORY_UNKNOWN;
}

VigilCidCategory
vigil_cid_category_for_event (guint event)
{
  const VigilCidInfo *info;

  if (event > 999)
    return VIGIL_CID_CATEGORY_UNKNOWN;

  info = vigil_cid_lookup (1000 + event);
  if (info == NULL)
    info = vigil_cid_lookup (3000 + event);
  if (info != NULL)
    return info->category;

  return category_from_contact_id_range (event);
}

typedef struct
{
  const char *id;
  const char *label;
} CategoryName;

static const CategoryName category_names[] = {
  [VIGIL_CID_CATEGORY_UNKNOWN] = { "unknown", N_("Unknown") },
  [VIGIL_CID_CATEGORY_FIRE]    = { "fire", N_("Fire") },
  [VIGIL_CID_CATEGORY_MEDICAL] = { "medical", N_("Medical") },
  [VIGIL_CID_CATEGORY_PANIC]   = { "panic", N_("Panic") },
  [VIGIL_CID_CATEGORY_ALARM]   = { "alarm", N_("Intrusion") },
  [VIGIL_CID_CATEGORY_TAMPER]  = { "tamper", N_("Tamper") },
  [VIGIL_CID_CATEGORY_FAULT]   = { "fault", N_("Fault") },
  [VIGIL_CID_CATEGORY_ARMING]  = { "arming", N_("Arming") },
  [VIGIL_CID_CATEGORY_BYPASS]  = { "bypass", N_("Bypass") },
  [VIGIL_CID_CATEGORY_TEST]    = { "test", N_("Test") },
  [VIGIL_CID_CATEGORY_OUTPUT]  = { "output", N_("Output") },
  [VIGIL_CID_CATEGORY_SYSTEM]  = { "system", N_("System") },
  [VIGIL_CID_CATEGORY_VIDEO]   = { "video", N_("Video") },
};

const char *
vigil_cid_category_to_string (VigilCidCategory category)
{
  if ((guint) category >= G_N_ELEMENTS (category_names))
    category = VIGIL_CID_CATEGORY_UNKNOWN;
  return category_names[category].id;
}

const char *
vigil_cid_category_label (VigilCidCategory category)
{
  if ((guint) category >= G_N_ELEMENTS (category_names))
    category = VIGIL_CID_CATEGORY_UNKNOWN;
  return _(category_names[category].label);
}

/* A.1, plus the heartbeat of §9.13 which A.1 does not list. */
typedef struct
{
  const char *event_type;
  const char *label;
} EventTypeName;

static const EventTypeName event_types[] = {
  { "devStatusChanged", N_("Device Status Changed Alarm") },
  { "videoReview", N_("Video Verification Alarm") },
  { "CIDAlarm", N_("CID (Contact ID) Alarm") },
  { "heartBeat", N_("Heartbeat") },
};

/* Firmware sends "heartBeat " and other case variants: compare trimmed and without case. */
static const EventTypeName *
find_event_type (const char *event_type)
{
  g_autofree char *trimmed = NULL;

  if (event_type == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (event_type));
  for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
    {
      if (g_ascii_strcasecmp (trimmed, event_types[i].event_type) == 0)
        return &event_types[i];
    }
  return NULL;
}

gboolean
vigil_event_type_is_known (const char *event_type)
{
  return find_event_type (event_type) != NULL;
}

const char *
vigil_event_type_label (const char *event_type)
{
  const EventTypeName *found = find_event_type (event_type);

  if (found == NULL)
    return event_type;
  return _(found->label);
}
