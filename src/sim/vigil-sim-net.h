/* vigil-sim-net.h — network interface settings (JSON_IPAddress, guide §9.18)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     id[4];               /* "1", "2" */
  char     ip_version[5];       /* "v4", "v6", "dual" */
  char     addressing[8];       /* "static", "dynamic", "apipa" */
  guint32  address;             /* IPv4 values in host byte order */
  guint32  mask;
  guint32  gateway;
  guint32  dns1;
  guint32  dns2;
  char     ipv6_address[46];
  guint    ipv6_prefix;
  char     ipv6_mode[8];        /* "ra", "manual", "dhcp" */
} VigilSimIpConfig;

/* A believable private LAN address set; @host is the last octet. */
void      vigil_sim_net_init_config  (VigilSimIpConfig *config,
                                      const char       *id,
                                      guint8            subnet,
                                      guint8            host,
                                      gboolean          dhcp);

/* Adds an "IPAddress" member (the object of §9.18) to the object being built. @with_ipv6_mode
 * adds Ipv6Mode, which the gateway itself does not have. */
void      vigil_sim_net_build_ip_address (JsonBuilder            *builder,
                                          const VigilSimIpConfig *config,
                                          gboolean                with_ipv6_mode);

/* Validates an IPAddress object and, when it is valid, applies it to @config. Refuses bad
 * values with VIGIL_SIM_STATUS_BAD_PARAMETERS naming the field; @config is untouched then. */
gboolean  vigil_sim_net_apply_ip_address (VigilSimIpConfig  *config,
                                          JsonObject        *ip_address,
                                          GError           **error);

G_END_DECLS
