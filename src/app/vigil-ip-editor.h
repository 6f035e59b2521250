/* vigil-ip-editor.h — one network interface's addresses, edited and checked before sending
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expander row: static or DHCP, IPv4 address, mask, gateway and DNS, IPv6 address, prefix
 * and gateway. Every change is checked (vigil_ip_address_validate) and the reason shown; the
 * settings go to the device only when valid, after a warning that a wrong address can cut the
 * device off.
 */
#pragma once

#include <adwaita.h>

#include "vigil-messages.h"
#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_IP_EDITOR (vigil_ip_editor_get_type ())

G_DECLARE_FINAL_TYPE (VigilIpEditor, vigil_ip_editor, VIGIL, IP_EDITOR, AdwExpanderRow)

/* @dev_index NULL: the gateway. @iface is copied. */
VigilIpEditor *vigil_ip_editor_new      (VigilSession                *session,
                                         const char                  *dev_index,
                                         const VigilNetworkInterface *iface);
gboolean       vigil_ip_editor_is_valid (VigilIpEditor *self);

G_END_DECLS
