/* vigilctl-security.c — the panels: status and control (guide chapter 7, §8.4)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigilctl-private.h"

/* ---- status ---- */

static int
status_partitions (Vigilctl   *ctl,
                   const char *dev_index)
{
  g_autoptr(GPtrArray) partitions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;

  vigil_client_get_partitions_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  partitions = vigil_client_get_partitions_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (partitions == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record_list ("SubSysList", &vigil_partition_status_class, partitions, "SubSys");
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("PARTITION"), _("ARMING"), _("ALARM"), NULL);
  for (guint i = 0; i < partitions->len; i++)
    {
      VigilPartitionStatus *partition = g_ptr_array_index (partitions, i);
      g_autofree char *id = vigilctl_format_int (partition->has_id, partition->id);

      vigilctl_table_add_row (table, id, partition->arming,
                              vigilctl_yes_no (partition->has_alarm, partition->alarm));
    }

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No partitions."));
  else
    vigilctl_table_print (table, stdout);
  return VIGILCTL_EXIT_OK;
}

static int
status_zones (Vigilctl   *ctl,
              const char *dev_index)
{
  g_autoptr(GPtrArray) zones = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;

  vigil_client_get_zones_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  zones = vigil_client_get_zones_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (zones == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record_list ("ZoneList", &vigil_zone_status_class, zones, "Zone");
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("ZONE"), _("NAME"), _("STATUS"), _("ARMED"), _("ALARM"), _("BYPASSED"),
                              _("TAMPER"), _("SHIELDED"), _("BATTERY"), NULL);
  for (guint i = 0; i < zones->len; i++)
    {
      VigilZoneStatus *zone = g_ptr_array_index (zones, i);
      g_autofree char *id = vigilctl_format_int (zone->has_id, zone->id);

      vigilctl_table_add_row (table, id, zone->name, zone->status,
                              vigilctl_yes_no (zone->has_armed, zone->armed),
                              vigilctl_yes_no (zone->has_alarm, zone->alarm),
                              vigilctl_yes_no (zone->has_bypassed, zone->bypassed),
                              vigilctl_yes_no (zone->has_tamper_evident, zone->tamper_evident),
                              vigilctl_yes_no (zone->has_shielded, zone->shielded),
                              zone->charge);
    }

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No zones."));
  else
    vigilctl_table_print (table, stdout);
  return VIGILCTL_EXIT_OK;
}

static void
add_peripheral_rows (VigilctlTable       *table,
                     VigilPeripheralKind  kind,
                     GPtrArray           *peripherals)
{
  for (guint i = 0; peripherals != NULL && i < peripherals->len; i++)
    {
      VigilPeripheralStatus *peripheral = g_ptr_array_index (peripherals, i);
      g_autofree char *id = vigilctl_format_int (peripheral->has_id, peripheral->id);

      vigilctl_table_add_row (table, vigil_peripheral_kind_label (kind), id, peripheral->name,
                              peripheral->seq, peripheral->status,
                              vigilctl_yes_no (peripheral->has_tamper_evident, peripheral->tamper_evident),
                              peripheral->charge, peripheral->linkage);
    }
}

static int
status_peripherals (Vigilctl   *ctl,
                    const char *dev_index)
{
  g_autoptr(VigilPeripherals) peripherals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;

  vigil_client_get_peripherals_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  peripherals = vigil_client_get_peripherals_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (peripherals == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record ("ExDevStatus", &vigil_peripherals_class, peripherals);
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("KIND"), _("ID"), _("NAME"), _("SERIAL"), _("STATUS"), _("TAMPER"),
                              _("BATTERY"), _("LINKAGE"), NULL);
  add_peripheral_rows (table, VIGIL_PERIPHERAL_RELAY, peripherals->relays);
  add_peripheral_rows (table, VIGIL_PERIPHERAL_SIREN, peripherals->sirens);
  add_peripheral_rows (table, VIGIL_PERIPHERAL_REPEATER, peripherals->repeaters);
  add_peripheral_rows (table, VIGIL_PERIPHERAL_OUTPUT_MODULE, peripherals->output_modules);

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No peripherals."));
  else
    vigilctl_table_print (table, stdout);
  return VIGILCTL_EXIT_OK;
}

int
vigilctl_cmd_status (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  int status;

  if (!vigilctl_parse_command (ctl, "status partitions|zones|peripherals UUID",
                               _("Show a panel’s partitions (subSystems), zones, or peripherals (exDevStatus: relays, sirens, repeaters, output modules)."),
                               NULL, &argc, &argv, 2, 2, &status))
    return status;

  if (!g_str_equal (argv[1], "partitions") && !g_str_equal (argv[1], "zones") &&
      !g_str_equal (argv[1], "peripherals"))
    return vigilctl_usage_error (ctl, _("status shows “partitions”, “zones” or “peripherals”, not “%s”."), argv[1]);
  if (!vigilctl_check_dev_index (ctl, argv[2], &status))
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  if (g_str_equal (argv[1], "partitions"))
    return status_partitions (ctl, argv[2]);
  if (g_str_equal (argv[1], "zones"))
    return status_zones (ctl, argv[2]);
  return status_peripherals (ctl, argv[2]);
}

/* ---- arm / disarm / clear-alarm ---- */


typedef enum
{
  PARTITION_ARM,
  PARTITION_DISARM,
  PARTITION_CLEAR_ALARM,
} PartitionAction;

static int
partition_command (Vigilctl         *ctl,
                   PartitionAction   action,
                   const char       *dev_index,
                   guint64           partition,
                   VigilArmMode      mode)
{
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  gboolean all = partition == VIGIL_ALL_PARTITIONS;
  int status;

  if (!vigilctl_connect (ctl, &status))
    return status;

  switch (action)
    {
    case PARTITION_ARM:
      vigil_client_arm_async (ctl->client, dev_index, partition, mode, ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_arm_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (all)
        done = g_strdup_printf (mode == VIGIL_ARM_STAY ? _("All partitions of %s armed (stay).")
                                                       : _("All partitions of %s armed (away)."), dev_index);
      else
        done = g_strdup_printf (mode == VIGIL_ARM_STAY ? _("Partition %llu of %s armed (stay).")
                                                       : _("Partition %llu of %s armed (away)."),
                                (unsigned long long) partition, dev_index);
      break;

    case PARTITION_DISARM:
      vigil_client_disarm_async (ctl->client, dev_index, partition, ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_disarm_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (all)
        done = g_strdup_printf (_("All partitions of %s disarmed."), dev_index);
      else
        done = g_strdup_printf (_("Partition %llu of %s disarmed."), (unsigned long long) partition, dev_index);
      break;

    case PARTITION_CLEAR_ALARM:
    default:
      vigil_client_clear_alarm_async (ctl->client, dev_index, partition, ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_clear_alarm_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (all)
        done = g_strdup_printf (_("Alarms cleared on all partitions of %s."), dev_index);
      else
        done = g_strdup_printf (_("Alarms cleared on partition %llu of %s."), (unsigned long long) partition, dev_index);
      break;
    }

  if (response == NULL)
    return vigilctl_fail (ctl, error);

  return vigilctl_report_status (ctl, response, done);
}

static gboolean
parse_target (Vigilctl   *ctl,
              char      **argv,
              guint64    *partition,
              int        *exit_status)
{
  if (!vigilctl_check_dev_index (ctl, argv[1], exit_status))
    return FALSE;
  if (!vigilctl_parse_partition (argv[2], partition))
    {
      *exit_status = vigilctl_usage_error (ctl, _("“%s” is not a partition: give its number (from 1) or “all”."), argv[2]);
      return FALSE;
    }
  return TRUE;
}

int
vigilctl_cmd_arm (Vigilctl  *ctl,
                  int        argc,
                  char     **argv)
{
  gboolean stay = FALSE;
  gboolean away = FALSE;
  const GOptionEntry entries[] = {
    { "stay", 0, 0, G_OPTION_ARG_NONE, &stay, N_("Stay arming: people are inside, the perimeter is armed"), NULL },
    { "away", 0, 0, G_OPTION_ARG_NONE, &away, N_("Away arming: every zone is armed"), NULL },
    { NULL },
  };
  guint64 partition;
  int status;

  if (!vigilctl_parse_command (ctl, "arm UUID PARTITION|all --stay|--away",
                               _("Arm a partition, or all of them (PUT /ISAPI/SecurityCP/control/arm/<ID>)."),
                               entries, &argc, &argv, 2, 2, &status))
    return status;
  if (stay == away)
    return vigilctl_usage_error (ctl, "%s", _("arm needs exactly one of --stay and --away."));
  if (!parse_target (ctl, argv, &partition, &status))
    return status;

  return partition_command (ctl, PARTITION_ARM, argv[1], partition, stay ? VIGIL_ARM_STAY : VIGIL_ARM_AWAY);
}

int
vigilctl_cmd_disarm (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  guint64 partition;
  int status;

  if (!vigilctl_parse_command (ctl, "disarm UUID PARTITION|all",
                               _("Disarm a partition, or all of them (PUT /ISAPI/SecurityCP/control/disarm/<ID>)."),
                               NULL, &argc, &argv, 2, 2, &status))
    return status;
  if (!parse_target (ctl, argv, &partition, &status))
    return status;

  return partition_command (ctl, PARTITION_DISARM, argv[1], partition, VIGIL_ARM_AWAY);
}

int
vigilctl_cmd_clear_alarm (Vigilctl  *ctl,
                          int        argc,
                          char     **argv)
{
  guint64 partition;
  int status;

  if (!vigilctl_parse_command (ctl, "clear-alarm UUID PARTITION|all",
                               _("Clear the alarms of a partition, or of all (PUT /ISAPI/SecurityCP/control/clearAlarm/<ID>)."),
                               NULL, &argc, &argv, 2, 2, &status))
    return status;
  if (!parse_target (ctl, argv, &partition, &status))
    return status;

  return partition_command (ctl, PARTITION_CLEAR_ALARM, argv[1], partition, VIGIL_ARM_AWAY);
}

/* ---- bypass / unbypass ---- */

/* Numbers from @argv[first…]: zones or relays. NULL after a usage error. */
static guint *
parse_numbers (Vigilctl    *ctl,
               int          argc,
               char       **argv,
               int          first,
               const char  *what,
               int         *exit_status)
{
  g_autofree guint *numbers = g_new0 (guint, MAX (argc - first, 1));

  for (int i = first; i < argc; i++)
    {
      guint64 value;

      if (!vigilctl_parse_uint (argv[i], 1, G_MAXUINT32, &value))
        {
          *exit_status = vigilctl_usage_error (ctl, _("“%s” is not a %s number (they start at 1)."), argv[i], what);
          return NULL;
        }
      numbers[i - first] = (guint) value;
    }

  return g_steal_pointer (&numbers);
}

static int
bypass_command (Vigilctl  *ctl,
                int        argc,
                char     **argv,
                gboolean   bypass)
{
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *zones = NULL;
  g_autofree char *done = NULL;
  g_autofree char *list = NULL;
  int status;

  if (!vigilctl_parse_command (ctl, bypass ? "bypass UUID ZONE..." : "unbypass UUID ZONE...",
                               bypass ? _("Bypass zones (PUT /ISAPI/SecurityCP/control/bypass).")
                                      : _("Take zones out of bypass (PUT /ISAPI/SecurityCP/control/bypassRecover)."),
                               NULL, &argc, &argv, 2, -1, &status))
    return status;
  if (!vigilctl_check_dev_index (ctl, argv[1], &status))
    return status;
  zones = parse_numbers (ctl, argc, argv, 2, _("zone"), &status);
  if (zones == NULL)
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_bypass_async (ctl->client, argv[1], zones, (guint) (argc - 2), bypass, ctl->cancellable,
                             vigilctl_ready, ctl);
  response = vigil_client_bypass_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (response == NULL)
    return vigilctl_fail (ctl, error);

  {
    g_auto(GStrv) ids = vigilctl_strv_from_args (argc, argv, 2);
    list = g_strjoinv (", ", ids);
  }
  done = g_strdup_printf (bypass ? _("Zones %s of %s bypassed.") : _("Zones %s of %s no longer bypassed."),
                          list, argv[1]);
  return vigilctl_report_status (ctl, response, done);
}

int
vigilctl_cmd_bypass (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  return bypass_command (ctl, argc, argv, TRUE);
}

int
vigilctl_cmd_unbypass (Vigilctl  *ctl,
                       int        argc,
                       char     **argv)
{
  return bypass_command (ctl, argc, argv, FALSE);
}

/* ---- relay ---- */

int
vigilctl_cmd_relay (Vigilctl  *ctl,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *relays = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  guint n_failed = 0;
  gboolean open;
  int status;

  if (!vigilctl_parse_command (ctl, "relay UUID open|close RELAY...",
                               _("Open or close relays (POST /ISAPI/SecurityCP/control/outputs)."),
                               NULL, &argc, &argv, 3, -1, &status))
    return status;
  if (!vigilctl_check_dev_index (ctl, argv[1], &status))
    return status;
  if (g_ascii_strcasecmp (argv[2], "open") == 0)
    open = TRUE;
  else if (g_ascii_strcasecmp (argv[2], "close") == 0)
    open = FALSE;
  else
    return vigilctl_usage_error (ctl, _("A relay is “open”ed or “close”d, not “%s”."), argv[2]);
  relays = parse_numbers (ctl, argc, argv, 3, _("relay"), &status);
  if (relays == NULL)
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_control_relays_async (ctl->client, argv[1], relays, (guint) (argc - 3), open,
                                     ctl->cancellable, vigilctl_ready, ctl);
  results = vigil_client_control_relays_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (results == NULL)
    return vigilctl_fail (ctl, error);

  for (guint i = 0; i < results->len; i++)
    {
      VigilErrorItem *item = g_ptr_array_index (results, i);

      if (!vigil_error_item_is_ok (item))
        {
          g_autofree char *id = vigilctl_sanitize (item->id ? item->id : "?");
          g_autofree char *code = vigilctl_sanitize (item->sub_status_code ? item->sub_status_code
                                                     : item->status_string);
          g_autofree char *sentence = vigilctl_describe_sub_status (item->sub_status_code);
          g_autofree char *detail = vigilctl_sanitize (item->error_msg);

          /* The gateway's errorMsg often says what exactly was wrong ("relay 9 does not exist"). */
          g_printerr (_("vigilctl: relay %s: %s%s%s%s%s%s\n"), id, code ? code : _("failed"),
                      sentence ? ": " : "", sentence ? sentence : "",
                      detail ? " (" : "", detail ? detail : "", detail ? ")" : "");
          n_failed++;
        }
    }

  if (ctl->json)
    vigilctl_print_record_list ("ErrorList", &vigil_error_item_class, results, NULL);
  else
    {
      table = vigilctl_table_new (_("RELAY"), _("RESULT"), _("REASON"), NULL);
      for (guint i = 0; i < results->len; i++)
        {
          VigilErrorItem *item = g_ptr_array_index (results, i);
          gboolean ok = vigil_error_item_is_ok (item);

          vigilctl_table_add_row (table, item->id,
                                  ok ? (open ? _("opened") : _("closed")) : _("failed"),
                                  ok ? NULL : item->sub_status_code);
        }
      vigilctl_table_print (table, stdout);
    }

  return n_failed > 0 ? VIGILCTL_EXIT_PARTIAL : VIGILCTL_EXIT_OK;
}
