/* vigilctl-gateway.c — login and the gateway itself (guide §4.2, §8.3, §8.5.1, §8.5.8, §8.5.11)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigilctl-private.h"

/* ---- login ---- */

int
vigilctl_cmd_login (Vigilctl  *ctl,
                    int        argc,
                    char     **argv)
{
  g_autoptr(VigilUserCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!vigilctl_parse_command (ctl, "login", _("Check the user name and password (GET /ISAPI/Security/userCheck)."),
                               NULL, &argc, &argv, 0, 0, &status))
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_login_async (ctl->client, ctl->cancellable, vigilctl_ready, ctl);
  check = vigil_client_login_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (check == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record ("userCheck", &vigil_user_check_class, check);
      return VIGILCTL_EXIT_OK;
    }

  g_print (_("Logged in to %s as %s.\n"), vigil_client_get_base_uri (ctl->client), ctl->user);
  if (check->has_is_default_password && check->is_default_password)
    g_print ("%s\n", _("Warning: the password is still the factory default. Change it."));
  if (check->has_is_risk_password && check->is_risk_password)
    g_print ("%s\n", _("Warning: the gateway considers this password risky. Change it."));
  if (check->has_is_activated && !check->is_activated)
    g_print ("%s\n", _("Warning: the gateway is not activated."));

  return VIGILCTL_EXIT_OK;
}

/* ---- shared with `device` ---- */

static void
print_device_info (const VigilDeviceInfo *info)
{
  g_autofree char *telecontrol = vigilctl_format_int (info->has_telecontrol_id, info->telecontrol_id);
  g_autofree char *dev_type = vigilctl_format_int (info->has_dev_type, info->dev_type);
  g_autofree char *firmware = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *encoder = NULL;
  g_autofree char *decoder = NULL;

  if (info->firmware_version != NULL)
    firmware = info->firmware_released_date
               ? g_strdup_printf ("%s (%s)", info->firmware_version, info->firmware_released_date)
               : g_strdup (info->firmware_version);
  if (info->boot_version != NULL)
    boot = info->boot_released_date
           ? g_strdup_printf ("%s (%s)", info->boot_version, info->boot_released_date)
           : g_strdup (info->boot_version);
  if (info->encoder_version != NULL)
    encoder = info->encoder_released_date
              ? g_strdup_printf ("%s (%s)", info->encoder_version, info->encoder_released_date)
              : g_strdup (info->encoder_version);
  if (info->decoder_version != NULL)
    decoder = info->decoder_released_date
              ? g_strdup_printf ("%s (%s)", info->decoder_version, info->decoder_released_date)
              : g_strdup (info->decoder_version);

  vigilctl_print_fields (stdout,
                         _("Name"), info->device_name,
                         _("Device index"), info->dev_index,
                         _("Device ID"), info->device_id,
                         _("Description"), info->device_description,
                         _("Model"), info->model,
                         _("Serial number"), info->serial_number,
                         _("MAC address"), info->mac_address,
                         _("Type"), info->device_type,
                         _("Type code"), dev_type,
                         _("Firmware"), firmware,
                         _("Boot"), boot,
                         _("Hardware"), info->hardware_version,
                         _("Encoder"), encoder,
                         _("Decoder"), decoder,
                         _("Software"), info->software_version,
                         _("Operating system"), info->operation_system,
                         _("Telecontrol ID"), telecontrol,
                         _("Contact"), info->system_contact,
                         NULL);
}

int
vigilctl_show_device_info (Vigilctl   *ctl,
                           const char *dev_index)
{
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_get_device_info_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  info = vigil_client_get_device_info_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (info == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    vigilctl_print_record ("DeviceInfo", &vigil_device_info_class, info);
  else
    print_device_info (info);

  return VIGILCTL_EXIT_OK;
}

int
vigilctl_set_device_name (Vigilctl   *ctl,
                          const char *dev_index,
                          const char *name)
{
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  int status;

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    return vigilctl_usage_error (ctl, "%s", _("The name must be non-empty UTF-8 text."));
  if (!vigilctl_connect (ctl, &status))
    return status;

  /* Read first so the PUT carries the current description: a PUT replaces what it names. */
  vigil_client_get_device_info_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  info = vigil_client_get_device_info_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (info == NULL)
    return vigilctl_fail (ctl, error);

  g_free (info->device_name);
  info->device_name = g_strdup (name);

  vigil_client_set_device_info_async (ctl->client, dev_index, info, ctl->cancellable, vigilctl_ready, ctl);
  response = vigil_client_set_device_info_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (response == NULL)
    return vigilctl_fail (ctl, error);

  if (dev_index != NULL)
    done = g_strdup_printf (_("Device %s renamed to “%s”."), dev_index, name);
  else
    done = g_strdup_printf (_("Gateway renamed to “%s”."), name);
  return vigilctl_report_status (ctl, response, done);
}

int
vigilctl_show_or_set_time (Vigilctl   *ctl,
                           const char *dev_index,
                           const char *set)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (set != NULL)
    {
      g_autoptr(GDateTime) when = vigilctl_parse_date_time (set);
      g_autoptr(VigilResponseStatus) response = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *done = NULL;

      if (when == NULL)
        return vigilctl_usage_error (ctl, _("“%s” is not a time: use ISO 8601, e.g. 2026-03-01T10:50:44+01:00, or “now”."),
                                     set);
      if (!vigilctl_connect (ctl, &status))
        return status;

      vigil_client_set_time_async (ctl->client, dev_index, when, ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_set_time_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (response == NULL)
        return vigilctl_fail (ctl, error);

      shown = g_date_time_format_iso8601 (when);
      done = g_strdup_printf (_("Clock set to %s."), shown);
      return vigilctl_report_status (ctl, response, done);
    }
  else
    {
      g_autoptr(VigilTimeSettings) time_settings = NULL;

      if (!vigilctl_connect (ctl, &status))
        return status;

      vigil_client_get_time_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
      time_settings = vigil_client_get_time_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (time_settings == NULL)
        return vigilctl_fail (ctl, error);

      if (ctl->json)
        vigilctl_print_record ("Time", &vigil_time_settings_class, time_settings);
      else
        vigilctl_print_fields (stdout,
                               _("Local time"), time_settings->local_time,
                               _("Mode"), time_settings->time_mode,
                               NULL);
      return VIGILCTL_EXIT_OK;
    }
}

int
vigilctl_reboot (Vigilctl   *ctl,
                 const char *dev_index)
{
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  int status;

  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_reboot_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  response = vigil_client_reboot_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (response == NULL)
    return vigilctl_fail (ctl, error);

  if (dev_index != NULL)
    done = g_strdup_printf (_("Device %s is rebooting."), dev_index);
  else
    done = g_strdup (_("The gateway is rebooting."));
  return vigilctl_report_status (ctl, response, done);
}

/* ---- gateway … ---- */

static int
gateway_info (Vigilctl  *ctl,
              int        argc,
              char     **argv)
{
  int status;

  if (!vigilctl_parse_command (ctl, "gateway info", _("Show the gateway’s information (GET /ISAPI/System/deviceInfo)."),
                               NULL, &argc, &argv, 0, 0, &status))
    return status;

  return vigilctl_show_device_info (ctl, NULL);
}

static int
gateway_set (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The gateway’s new name"), N_("NAME") },
    { NULL },
  };
  int status;

  if (!vigilctl_parse_command (ctl, "gateway set --name NAME", _("Rename the gateway (PUT /ISAPI/System/deviceInfo)."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;
  if (name == NULL)
    return vigilctl_usage_error (ctl, "%s", _("gateway set needs --name NAME."));

  return vigilctl_set_device_name (ctl, NULL, name);
}

static int
gateway_time (Vigilctl  *ctl,
              int        argc,
              char     **argv)
{
  g_autofree char *set = NULL;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Set the clock (manual mode) to this time, or “now”"), N_("ISO8601") },
    { NULL },
  };
  int status;

  if (!vigilctl_parse_command (ctl, "gateway time [--set ISO8601]",
                               _("Show or set the gateway’s clock (GET/PUT /ISAPI/System/time)."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;

  return vigilctl_show_or_set_time (ctl, NULL, set);
}

static int
gateway_reboot (Vigilctl  *ctl,
                int        argc,
                char     **argv)
{
  int status;

  if (!vigilctl_parse_command (ctl, "gateway reboot", _("Reboot the gateway (PUT /ISAPI/System/reboot)."),
                               NULL, &argc, &argv, 0, 0, &status))
    return status;

  return vigilctl_reboot (ctl, NULL);
}

int
vigilctl_cmd_gateway (Vigilctl  *ctl,
                      int        argc,
                      char     **argv)
{
  static const VigilctlCommand subcommands[] = {
    { "info",   gateway_info,   "info" },
    { "set",    gateway_set,    "set --name NAME" },
    { "time",   gateway_time,   "time [--set ISO8601]" },
    { "reboot", gateway_reboot, "reboot" },
    { NULL, NULL, NULL },
  };

  return vigilctl_dispatch (ctl, "gateway", subcommands, argc, argv);
}
