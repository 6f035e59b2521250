/* vigilctl-device.c — one added device (guide chapter 5, §8.1.2, §8.5)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-posix-tz.h"
#include "vigilctl-private.h"

/* Options, then exactly @min_args…@max_args arguments of which the first is the devIndex. */
static gboolean
parse_device_command (Vigilctl            *ctl,
                      const char          *parameters,
                      const char          *summary,
                      const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv,
                      int                  min_args,
                      int                  max_args,
                      int                 *exit_status)
{
  if (!vigilctl_parse_command (ctl, parameters, summary, entries, argc, argv, min_args, max_args, exit_status))
    return FALSE;
  return vigilctl_check_dev_index (ctl, (*argv)[1], exit_status);
}

static int
device_info (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  int status;

  if (!parse_device_command (ctl, "device info UUID",
                             _("Show a device’s information (GET /ISAPI/System/deviceInfo?devIndex=)."),
                             NULL, &argc, &argv, 1, 1, &status))
    return status;

  return vigilctl_show_device_info (ctl, argv[1]);
}

static int
device_set (Vigilctl  *ctl,
            int        argc,
            char     **argv)
{
  g_autofree char *name = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The device’s new name"), N_("NAME") },
    { NULL },
  };
  int status;

  if (!parse_device_command (ctl, "device set UUID --name NAME",
                             _("Rename a device (PUT /ISAPI/System/deviceInfo?devIndex=)."),
                             entries, &argc, &argv, 1, 1, &status))
    return status;
  if (name == NULL)
    return vigilctl_usage_error (ctl, "%s", _("device set needs --name NAME."));

  return vigilctl_set_device_name (ctl, argv[1], name);
}

static void
add_channel_rows (VigilctlTable *table,
                  const char    *kind,
                  GPtrArray     *channels)
{
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      VigilChannel *channel = g_ptr_array_index (channels, i);
      g_autofree char *id = vigilctl_format_int (channel->has_id, channel->id);

      vigilctl_table_add_row (table, kind, id, channel->name, channel->type, channel->status);
    }
}

static int
device_channels (Vigilctl  *ctl,
                 int        argc,
                 char     **argv)
{
  g_autoptr(VigilChannelInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  int status;

  if (!parse_device_command (ctl, "device channels UUID",
                             _("List a device’s channels (GET /ISAPI/ContentMgmt/DeviceMgmt/channelInfo)."),
                             NULL, &argc, &argv, 1, 1, &status))
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_get_channel_info_async (ctl->client, argv[1], ctl->cancellable, vigilctl_ready, ctl);
  info = vigil_client_get_channel_info_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (info == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record ("ChannelInfo", &vigil_channel_info_class, info);
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("KIND"), _("ID"), _("NAME"), _("TYPE"), _("STATUS"), NULL);
  add_channel_rows (table, _("video"), info->video);
  add_channel_rows (table, _("alarm input"), info->alarm_in);
  add_channel_rows (table, _("alarm output"), info->alarm_out);
  add_channel_rows (table, _("audio"), info->audio);

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No channels."));
  else
    vigilctl_table_print (table, stdout);

  return VIGILCTL_EXIT_OK;
}

static int
device_reboot (Vigilctl  *ctl,
               int        argc,
               char     **argv)
{
  int status;

  if (!parse_device_command (ctl, "device reboot UUID",
                             _("Reboot a device (PUT /ISAPI/System/reboot?devIndex=)."),
                             NULL, &argc, &argv, 1, 1, &status))
    return status;

  return vigilctl_reboot (ctl, argv[1]);
}

static int
device_time (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  g_autofree char *set = NULL;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Set the clock (manual mode) to this time, or “now”"), N_("ISO8601") },
    { NULL },
  };
  int status;

  if (!parse_device_command (ctl, "device time UUID [--set ISO8601]",
                             _("Show or set a device’s clock (GET/PUT /ISAPI/System/time?devIndex=)."),
                             entries, &argc, &argv, 1, 1, &status))
    return status;

  return vigilctl_show_or_set_time (ctl, argv[1], set);
}

static void
print_time_zone (Vigilctl   *ctl,
                 const char *text)
{
  g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse (text, NULL);
  g_autofree char *description = tz != NULL ? vigil_posix_tz_describe (tz) : NULL;

  if (ctl->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "timeZone");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "utcOffsetSeconds");
      if (tz != NULL)
        json_builder_add_int_value (builder, tz->utc_offset_seconds);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      vigilctl_print_json (node);
      return;
    }

  vigilctl_print_fields (stdout,
                         _("Time zone"), text,
                         _("Meaning"), description,
                         NULL);
}

static int
device_timezone (Vigilctl  *ctl,
                 int        argc,
                 char     **argv)
{
  g_autofree char *set = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING, &set, N_("Set the POSIX time zone, e.g. CST-8:00:00 or CET-1:00:00DST01:00:00,M3.5.0/02:00:00,M10.5.0/03:00:00"), N_("TZ") },
    { NULL },
  };
  int status;

  if (!parse_device_command (ctl, "device timezone UUID [--set TZ]",
                             _("Show or set a device’s time zone (GET/PUT /ISAPI/System/time/timeZone?devIndex=)."),
                             entries, &argc, &argv, 1, 1, &status))
    return status;

  if (set != NULL)
    {
      g_autoptr(VigilPosixTz) tz = vigil_posix_tz_parse (g_strstrip (set), &error);
      g_autoptr(VigilResponseStatus) response = NULL;
      g_autofree char *canonical = NULL;
      g_autofree char *done = NULL;

      if (tz == NULL)
        return vigilctl_usage_error (ctl, _("“%s” is not a POSIX time zone: %s"), set, error->message);
      canonical = vigil_posix_tz_to_string (tz);

      if (!vigilctl_connect (ctl, &status))
        return status;

      vigil_client_set_time_zone_async (ctl->client, argv[1], canonical, ctl->cancellable, vigilctl_ready, ctl);
      response = vigil_client_set_time_zone_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (response == NULL)
        return vigilctl_fail (ctl, error);

      done = g_strdup_printf (_("Time zone of %s set to %s."), argv[1], canonical);
      return vigilctl_report_status (ctl, response, done);
    }
  else
    {
      g_autofree char *text = NULL;

      if (!vigilctl_connect (ctl, &status))
        return status;

      vigil_client_get_time_zone_async (ctl->client, argv[1], ctl->cancellable, vigilctl_ready, ctl);
      text = vigil_client_get_time_zone_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (text == NULL)
        return vigilctl_fail (ctl, error);

      print_time_zone (ctl, text);
      return VIGILCTL_EXIT_OK;
    }
}

/* ---- device net ---- */

static gboolean
ipv4_to_u32 (const char *text,
             guint32    *out)
{
  g_autoptr(GInetAddress) address = NULL;
  const guint8 *bytes;

  if (text == NULL)
    return FALSE;
  address = g_inet_address_new_from_string (text);
  if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
    return FALSE;

  bytes = g_inet_address_to_bytes (address);
  *out = ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
  return TRUE;
}

static gboolean
in_subnet (const char *address,
           const char *mask,
           const char *other)
{
  guint32 a, m, o;

  return ipv4_to_u32 (address, &a) && ipv4_to_u32 (mask, &m) && ipv4_to_u32 (other, &o) &&
         (a & m) == (o & m);
}

static void
print_interfaces (GPtrArray *interfaces)
{
  g_autoptr(VigilctlTable) table = NULL;

  table = vigilctl_table_new (_("ID"), _("ADDRESSING"), _("IPV4 ADDRESS"), _("SUBNET MASK"),
                              _("GATEWAY"), _("IPV6 ADDRESS"), _("DNS"), NULL);

  for (guint i = 0; i < interfaces->len; i++)
    {
      VigilNetworkInterface *iface = g_ptr_array_index (interfaces, i);
      VigilIpAddress *ip = iface->ip_address;
      g_autofree char *ipv6 = NULL;
      g_autofree char *dns = NULL;

      if (ip != NULL && ip->ipv6_address != NULL && *ip->ipv6_address != '\0')
        ipv6 = ip->has_bit_mask ? g_strdup_printf ("%s/%" G_GINT64_FORMAT, ip->ipv6_address, ip->bit_mask)
                                : g_strdup (ip->ipv6_address);
      if (ip != NULL && ip->primary_dns_ipv4 != NULL && *ip->primary_dns_ipv4 != '\0')
        dns = ip->secondary_dns_ipv4 != NULL && *ip->secondary_dns_ipv4 != '\0'
              ? g_strdup_printf ("%s, %s", ip->primary_dns_ipv4, ip->secondary_dns_ipv4)
              : g_strdup (ip->primary_dns_ipv4);

      vigilctl_table_add_row (table, iface->id,
                              ip ? ip->addressing_type : NULL,
                              ip ? ip->ip_address : NULL,
                              ip ? ip->subnet_mask : NULL,
                              ip ? ip->gateway_ipv4 : NULL,
                              ipv6, dns);
    }

  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No network interfaces."));
  else
    vigilctl_table_print (table, stdout);
}

static GPtrArray *
get_interfaces (Vigilctl    *ctl,
                const char  *dev_index,
                GError     **error)
{
  vigil_client_get_network_interfaces_async (ctl->client, dev_index, ctl->cancellable, vigilctl_ready, ctl);
  return vigil_client_get_network_interfaces_finish (ctl->client, vigilctl_wait (ctl), error);
}

static int
show_interfaces (Vigilctl   *ctl,
                 const char *dev_index,
                 const char *iface_id)
{
  g_autoptr(GError) error = NULL;

  if (iface_id == NULL)
    {
      g_autoptr(GPtrArray) interfaces = get_interfaces (ctl, dev_index, &error);

      if (interfaces == NULL)
        return vigilctl_fail (ctl, error);

      if (ctl->json)
        vigilctl_print_record_list ("NetworkInterfaceList", &vigil_network_interface_class, interfaces,
                                    "NetworkInterface");
      else
        print_interfaces (interfaces);
    }
  else
    {
      g_autoptr(VigilNetworkInterface) iface = NULL;

      vigil_client_get_network_interface_async (ctl->client, dev_index, iface_id, ctl->cancellable,
                                                vigilctl_ready, ctl);
      iface = vigil_client_get_network_interface_finish (ctl->client, vigilctl_wait (ctl), &error);
      if (iface == NULL)
        return vigilctl_fail (ctl, error);

      if (ctl->json)
        vigilctl_print_record ("NetworkInterface", &vigil_network_interface_class, iface);
      else
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, iface);
          print_interfaces (one);
        }
    }

  return VIGILCTL_EXIT_OK;
}

static int
set_address (Vigilctl   *ctl,
             const char *dev_index,
             const char *iface_arg,
             const char *address,
             const char *mask,
             const char *gateway,
             gboolean    dhcp)
{
  g_autoptr(VigilIpAddress) current = NULL;
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iface_id = g_strdup (iface_arg);
  g_autofree char *done = NULL;
  int status;

  /* Check what can be checked before the password is asked for. */
  if (!dhcp)
    {
      g_autoptr(VigilIpAddress) wanted = vigil_ip_address_new ();

      wanted->ip_version = g_strdup ("v4");
      wanted->addressing_type = g_strdup ("static");
      wanted->ip_address = g_strdup (address);
      wanted->subnet_mask = g_strdup (mask);
      wanted->gateway_ipv4 = g_strdup (gateway);
      if (!vigil_ip_address_validate (wanted, &error))
        return vigilctl_usage_error (ctl, "%s", error->message);
    }

  if (!vigilctl_connect (ctl, &status))
    return status;

  /* Without IFACE, a device with a single interface is unambiguous. */
  if (iface_id == NULL)
    {
      g_autoptr(GPtrArray) interfaces = get_interfaces (ctl, dev_index, &error);

      if (interfaces == NULL)
        return vigilctl_fail (ctl, error);
      if (interfaces->len != 1 || ((VigilNetworkInterface *) g_ptr_array_index (interfaces, 0))->id == NULL)
        return vigilctl_usage_error (ctl, _("Device %s has %u network interfaces: name the one to change (device net UUID IFACE …)."),
                                     dev_index, interfaces->len);
      iface_id = g_strdup (((VigilNetworkInterface *) g_ptr_array_index (interfaces, 0))->id);
    }

  /* Change the current settings rather than send a bare address: IPv6, DNS and whatever
   * else the device keeps there stay as they are. */
  vigil_client_get_ip_address_async (ctl->client, dev_index, iface_id, ctl->cancellable, vigilctl_ready, ctl);
  current = vigil_client_get_ip_address_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (current == NULL)
    return vigilctl_fail (ctl, error);

  if (current->ip_version == NULL)
    current->ip_version = g_strdup ("v4");

  g_free (current->addressing_type);
  if (dhcp)
    current->addressing_type = g_strdup ("dynamic");
  else
    {
      current->addressing_type = g_strdup ("static");
      g_free (current->ip_address);
      current->ip_address = g_strdup (address);
      g_free (current->subnet_mask);
      current->subnet_mask = g_strdup (mask);
      if (gateway != NULL)
        {
          g_free (current->gateway_ipv4);
          current->gateway_ipv4 = g_strdup (gateway);
        }
      else if (current->gateway_ipv4 != NULL && !in_subnet (address, mask, current->gateway_ipv4))
        {
          g_printerr (_("vigilctl: the old default gateway %s is outside the new subnet and is removed; give --gateway to set one.\n"),
                      current->gateway_ipv4);
          g_clear_pointer (&current->gateway_ipv4, g_free);
        }
    }

  vigil_client_set_ip_address_async (ctl->client, dev_index, iface_id, current, ctl->cancellable,
                                     vigilctl_ready, ctl);
  response = vigil_client_set_ip_address_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (response == NULL)
    return vigilctl_fail (ctl, error);

  if (dhcp)
    done = g_strdup_printf (_("Interface %s of %s now takes its address from DHCP."), iface_id, dev_index);
  else
    done = g_strdup_printf (_("Interface %s of %s set to %s/%s."), iface_id, dev_index, address, mask);
  return vigilctl_report_status (ctl, response, done);
}

static int
device_net (Vigilctl  *ctl,
            int        argc,
            char     **argv)
{
  g_autofree char *address = NULL;
  g_autofree char *mask = NULL;
  g_autofree char *gateway = NULL;
  gboolean dhcp = FALSE;
  const GOptionEntry entries[] = {
    { "set-ip", 0, 0, G_OPTION_ARG_STRING, &address, N_("Give the interface this static IPv4 address"), N_("ADDR") },
    { "mask", 0, 0, G_OPTION_ARG_STRING, &mask, N_("The subnet mask for --set-ip"), N_("MASK") },
    { "gateway", 0, 0, G_OPTION_ARG_STRING, &gateway, N_("The default gateway for --set-ip"), N_("ADDR") },
    { "dhcp", 0, 0, G_OPTION_ARG_NONE, &dhcp, N_("Take the address from DHCP"), NULL },
    { NULL },
  };
  int status;

  /* --gateway belongs to this command here, not to the global -g/--gateway: GOption looks at
   * the main entries first. */
  if (!parse_device_command (ctl, "device net UUID [IFACE] [--set-ip ADDR --mask MASK [--gateway ADDR] | --dhcp]",
                             _("Show or set a device’s network interfaces (/ISAPI/System/Network/interfaces)."),
                             entries, &argc, &argv, 1, 2, &status))
    return status;

  if (dhcp && (address != NULL || mask != NULL || gateway != NULL))
    return vigilctl_usage_error (ctl, "%s", _("--dhcp cannot be combined with --set-ip, --mask or --gateway."));
  if ((address != NULL) != (mask != NULL))
    return vigilctl_usage_error (ctl, "%s", _("--set-ip ADDR and --mask MASK go together."));
  if (gateway != NULL && address == NULL)
    return vigilctl_usage_error (ctl, "%s", _("--gateway goes with --set-ip ADDR --mask MASK."));

  if (dhcp || address != NULL)
    return set_address (ctl, argv[1], argc > 2 ? argv[2] : NULL, address, mask, gateway, dhcp);

  if (!vigilctl_connect (ctl, &status))
    return status;
  return show_interfaces (ctl, argv[1], argc > 2 ? argv[2] : NULL);
}

/* ---- device io / trigger ---- */

static void
add_port_rows (VigilctlTable *table,
               const char    *direction,
               GPtrArray     *ports)
{
  for (guint i = 0; ports != NULL && i < ports->len; i++)
    {
      VigilIoPort *port = g_ptr_array_index (ports, i);
      g_autofree char *id = vigilctl_format_int (port->has_id, port->id);

      vigilctl_table_add_row (table, direction, id, port->name,
                              vigilctl_yes_no (port->has_enable, port->enable), port->triggering);
    }
}

static int
device_io (Vigilctl  *ctl,
           int        argc,
           char     **argv)
{
  g_autoptr(VigilIoPorts) ports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilctlTable) table = NULL;
  int status;

  if (!parse_device_command (ctl, "device io UUID",
                             _("List a device’s alarm inputs and outputs (GET /ISAPI/System/IO)."),
                             NULL, &argc, &argv, 1, 1, &status))
    return status;
  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_get_io_ports_async (ctl->client, argv[1], ctl->cancellable, vigilctl_ready, ctl);
  ports = vigil_client_get_io_ports_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (ports == NULL)
    return vigilctl_fail (ctl, error);

  if (ctl->json)
    {
      vigilctl_print_record ("IOPortList", &vigil_io_ports_class, ports);
      return VIGILCTL_EXIT_OK;
    }

  table = vigilctl_table_new (_("DIRECTION"), _("ID"), _("NAME"), _("ENABLED"), _("TRIGGERING"), NULL);
  add_port_rows (table, _("input"), ports->inputs);
  add_port_rows (table, _("output"), ports->outputs);
  if (vigilctl_table_get_n_rows (table) == 0)
    g_print ("%s\n", _("No alarm inputs or outputs."));
  else
    vigilctl_table_print (table, stdout);

  return VIGILCTL_EXIT_OK;
}

static int
device_trigger (Vigilctl  *ctl,
                int        argc,
                char     **argv)
{
  g_autoptr(VigilResponseStatus) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint64 output;
  gboolean high;
  int status;

  if (!parse_device_command (ctl, "device trigger UUID OUTPUT high|low",
                             _("Set an alarm output high or low (PUT /ISAPI/System/IO/outputs/<ID>/trigger)."),
                             NULL, &argc, &argv, 3, 3, &status))
    return status;

  if (!vigilctl_parse_uint (argv[2], 0, G_MAXUINT32, &output))
    return vigilctl_usage_error (ctl, _("“%s” is not an output number."), argv[2]);
  if (g_ascii_strcasecmp (argv[3], "high") == 0)
    high = TRUE;
  else if (g_ascii_strcasecmp (argv[3], "low") == 0)
    high = FALSE;
  else
    return vigilctl_usage_error (ctl, _("The output state is “high” or “low”, not “%s”."), argv[3]);

  if (!vigilctl_connect (ctl, &status))
    return status;

  vigil_client_trigger_output_async (ctl->client, argv[1], (guint) output, high, ctl->cancellable,
                                     vigilctl_ready, ctl);
  response = vigil_client_trigger_output_finish (ctl->client, vigilctl_wait (ctl), &error);
  if (response == NULL)
    return vigilctl_fail (ctl, error);

  done = g_strdup_printf (high ? _("Output %u of %s set high.") : _("Output %u of %s set low."),
                          (guint) output, argv[1]);
  return vigilctl_report_status (ctl, response, done);
}

int
vigilctl_cmd_device (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  static const VigilctlCommand subcommands[] = {
    { "info",     device_info,     "info UUID" },
    { "set",      device_set,      "set UUID --name NAME" },
    { "channels", device_channels, "channels UUID" },
    { "reboot",   device_reboot,   "reboot UUID" },
    { "time",     device_time,     "time UUID [--set ISO8601]" },
    { "timezone", device_timezone, "timezone UUID [--set TZ]" },
    { "net",      device_net,      "net UUID [IFACE] [--set-ip ADDR --mask MASK [--gateway ADDR] | --dhcp]" },
    { "io",       device_io,       "io UUID" },
    { "trigger",  device_trigger,  "trigger UUID OUTPUT high|low" },
    { NULL, NULL, NULL },
  };

  return vigilctl_dispatch (ctl, "device", subcommands, argc, argv);
}
