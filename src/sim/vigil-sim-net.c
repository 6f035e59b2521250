/* vigil-sim-net.c — network interface settings (JSON_IPAddress, guide §9.18)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-net"

#include <string.h>

#include <gio/gio.h>

#include "vigil-sim-net.h"
#include "vigil-sim-status.h"

#define IP4(a, b, c, d) (((guint32) (a) << 24) | ((guint32) (b) << 16) | ((guint32) (c) << 8) | (guint32) (d))

void
vigil_sim_net_init_config (VigilSimIpConfig *config,
                           const char       *id,
                           guint8            subnet,
                           guint8            host,
                           gboolean          dhcp)
{
  memset (config, 0, sizeof *config);
  g_strlcpy (config->id, id, sizeof config->id);
  g_strlcpy (config->ip_version, "v4", sizeof config->ip_version);
  g_strlcpy (config->addressing, dhcp ? "dynamic" : "static", sizeof config->addressing);
  config->address = IP4 (192, 168, subnet, host);
  config->mask = IP4 (255, 255, 255, 0);
  config->gateway = IP4 (192, 168, subnet, 1);
  config->dns1 = IP4 (192, 168, subnet, 1);
  config->dns2 = IP4 (9, 9, 9, 9);
  g_snprintf (config->ipv6_address, sizeof config->ipv6_address,
              "fe80::%x:%xff:fe%02x:%x", subnet, host, host, subnet * 256u + host);
  config->ipv6_prefix = 64;
  g_strlcpy (config->ipv6_mode, "ra", sizeof config->ipv6_mode);
}

static char *
ip4_to_string (guint32 address)
{
  return g_strdup_printf ("%u.%u.%u.%u", address >> 24, (address >> 16) & 0xFF,
                          (address >> 8) & 0xFF, address & 0xFF);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_ip4 (JsonBuilder *builder,
         const char  *name,
         guint32      address)
{
  g_autofree char *text = ip4_to_string (address);

  add_string (builder, name, text);
}

static void
add_pair (JsonBuilder *builder,
          const char  *name,
          guint32      address)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_ip4 (builder, "ipAddress", address);
  add_string (builder, "ipv6Address", "::");
  json_builder_end_object (builder);
}

void
vigil_sim_net_build_ip_address (JsonBuilder            *builder,
                                const VigilSimIpConfig *config,
                                gboolean                with_ipv6_mode)
{
  json_builder_set_member_name (builder, "IPAddress");
  json_builder_begin_object (builder);
  add_string (builder, "ipVersion", config->ip_version);
  add_string (builder, "addressingType", config->addressing);
  add_ip4 (builder, "ipAddress", config->address);
  add_ip4 (builder, "subnetMask", config->mask);
  add_string (builder, "ipv6Address", config->ipv6_address);
  json_builder_set_member_name (builder, "bitMask");
  json_builder_add_int_value (builder, config->ipv6_prefix);
  add_pair (builder, "DefaultGateway", config->gateway);
  add_pair (builder, "PrimaryDNS", config->dns1);
  add_pair (builder, "SecondaryDNS", config->dns2);
  if (with_ipv6_mode)
    {
      json_builder_set_member_name (builder, "Ipv6Mode");
      json_builder_begin_object (builder);
      add_string (builder, "ipV6AddressingType", config->ipv6_mode);
      json_builder_set_member_name (builder, "ipv6AddressList");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "v6Address");
      json_builder_begin_object (builder);
      add_string (builder, "id", "1");
      add_string (builder, "type", config->ipv6_mode);
      add_string (builder, "address", config->ipv6_address);
      json_builder_set_member_name (builder, "bitMask");
      json_builder_add_int_value (builder, config->ipv6_prefix);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* Strict dotted quad: four decimal numbers 0–255 without leading zeros. */
static gboolean
parse_ip4 (const char *text,
           guint32    *out)
{
  guint32 value = 0;

  for (guint part = 0; part < 4; part++)
    {
      guint octet = 0;
      guint digits = 0;

      while (g_ascii_isdigit (*text) && digits < 4)
        {
          if (digits == 1 && octet == 0)
            return FALSE;
          octet = octet * 10 + (guint) (*text - '0');
          text++;
          digits++;
        }
      if (digits == 0 || octet > 255)
        return FALSE;
      value = (value << 8) | octet;
      if (part < 3)
        {
          if (*text != '.')
            return FALSE;
          text++;
        }
    }
  if (*text != '\0')
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
is_usable_host (guint32 address)
{
  guint8 first = address >> 24;

  return address != 0
         && address != 0xFFFFFFFFu
         && first != 127
         && first < 224;
}

static gboolean
is_mask (guint32 mask)
{
  guint32 inverted = ~mask;

  /* Contiguous ones from the top, at least /1 and at most /30 so that a host fits. */
  return mask != 0 && (inverted & (inverted + 1)) == 0 && inverted >= 3;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
bad (GError     **error,
     const char  *format,
     ...) G_GNUC_PRINTF (2, 3);

static gboolean
bad (GError     **error,
     const char  *format,
     ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS, message);
  g_free (message);
  return FALSE;
}

/* An optional address inside DefaultGateway/PrimaryDNS/SecondaryDNS; empty or absent keeps 0. */
static gboolean
parse_optional_pair (JsonObject  *ip,
                     const char  *name,
                     guint32     *out,
                     GError     **error)
{
  const char *text = get_string (get_object (ip, name), "ipAddress");

  *out = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (!parse_ip4 (text, out))
    return bad (error, "%s.ipAddress \"%.40s\" is not an IPv4 address", name, text);
  return TRUE;
}

gboolean
vigil_sim_net_apply_ip_address (VigilSimIpConfig  *config,
                                JsonObject        *ip,
                                GError           **error)
{
  VigilSimIpConfig next = *config;
  const char *version = get_string (ip, "ipVersion");
  const char *addressing = get_string (ip, "addressingType");
  gboolean v4, v6;

  if (version == NULL || !g_strv_contains ((const char *[]) { "v4", "v6", "dual", NULL }, version))
    return bad (error, "ipVersion must be \"v4\", \"v6\" or \"dual\"");
  if (addressing == NULL
      || !g_strv_contains ((const char *[]) { "static", "dynamic", "apipa", NULL }, addressing))
    return bad (error, "addressingType must be \"static\", \"dynamic\" or \"apipa\"");

  g_strlcpy (next.ip_version, version, sizeof next.ip_version);
  g_strlcpy (next.addressing, addressing, sizeof next.addressing);
  v4 = g_strcmp0 (version, "v6") != 0;
  v6 = g_strcmp0 (version, "v4") != 0;

  /* A dynamic address keeps what the (simulated) DHCP server gave. */
  if (g_strcmp0 (addressing, "static") == 0 && v4)
    {
      const char *address = get_string (ip, "ipAddress");
      const char *mask = get_string (ip, "subnetMask");

      if (address == NULL || !parse_ip4 (address, &next.address) || !is_usable_host (next.address))
        return bad (error, "ipAddress \"%.40s\" is not a usable IPv4 address",
                    address != NULL ? address : "");
      if (mask == NULL || !parse_ip4 (mask, &next.mask) || !is_mask (next.mask))
        return bad (error, "subnetMask \"%.40s\" is not a valid subnet mask",
                    mask != NULL ? mask : "");
      if ((next.address & ~next.mask) == 0 || (next.address & ~next.mask) == ~next.mask)
        return bad (error, "ipAddress %s is the network or broadcast address of its subnet", address);

      if (!parse_optional_pair (ip, "DefaultGateway", &next.gateway, error)
          || !parse_optional_pair (ip, "PrimaryDNS", &next.dns1, error)
          || !parse_optional_pair (ip, "SecondaryDNS", &next.dns2, error))
        return FALSE;
      if (next.gateway != 0
          && ((next.gateway & next.mask) != (next.address & next.mask)
              || next.gateway == next.address))
        return bad (error, "DefaultGateway.ipAddress is not another address of the subnet");
    }

  if (g_strcmp0 (addressing, "static") == 0 && v6)
    {
      const char *address = get_string (ip, "ipv6Address");
      JsonNode *prefix = json_object_get_member (ip, "bitMask");
      g_autoptr(GInetAddress) inet = NULL;
      gint64 bits = -1;

      if (address != NULL)
        inet = g_inet_address_new_from_string (address);
      if (inet == NULL || g_inet_address_get_family (inet) != G_SOCKET_FAMILY_IPV6
          || g_inet_address_get_is_any (inet) || g_inet_address_get_is_multicast (inet))
        return bad (error, "ipv6Address \"%.60s\" is not a usable IPv6 address",
                    address != NULL ? address : "");
      /* The guide calls bitMask a string but shows a number: take either. */
      if (prefix != NULL && JSON_NODE_HOLDS_VALUE (prefix)
          && json_node_get_value_type (prefix) == G_TYPE_INT64)
        bits = json_node_get_int (prefix);
      else if (prefix != NULL && JSON_NODE_HOLDS_VALUE (prefix)
               && json_node_get_value_type (prefix) == G_TYPE_STRING
               && !g_ascii_string_to_signed (json_node_get_string (prefix), 10, 1, 128, &bits, NULL))
        bits = -1;
      if (bits < 1 || bits > 128)
        return bad (error, "bitMask must be a prefix length from 1 to 128");
      g_strlcpy (next.ipv6_address, address, sizeof next.ipv6_address);
      next.ipv6_prefix = (guint) bits;
      g_strlcpy (next.ipv6_mode, "manual", sizeof next.ipv6_mode);
    }

  *config = next;
  return TRUE;
}
