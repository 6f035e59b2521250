/* vigil-device-page.h — one device behind the gateway, or the gateway itself, for installers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its deviceInfo (name and description editable, the rest read-only), event subscription
 * status, time and time zone, network interfaces, channels, IO ports and reboot. With no
 * devIndex it is the gateway's page: the connection (address, TLS fingerprint, user,
 * subscription and link history) shows, the per-device parts do not.
 */
#pragma once

#include <adwaita.h>

#include "vigil-messages.h"
#include "vigil-session.h"
#include "vigil-time-group.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DEVICE_PAGE (vigil_device_page_get_type ())

G_DECLARE_FINAL_TYPE (VigilDevicePage, vigil_device_page, VIGIL, DEVICE_PAGE, GtkWidget)

/* Shows @dev_index (NULL: the gateway) of @session and reads everything. */
void                   vigil_device_page_set_device    (VigilDevicePage *self,
                                                        VigilSession    *session,
                                                        const char      *dev_index);
const char            *vigil_device_page_get_dev_index (VigilDevicePage *self);
void                   vigil_device_page_reload        (VigilDevicePage *self);
/* The deviceInfo last read (NULL before, or when it could not be read). */
const VigilDeviceInfo *vigil_device_page_get_info      (VigilDevicePage *self);
/* TRUE from a reboot the device accepted until it answers again. */
gboolean               vigil_device_page_get_rebooting (VigilDevicePage *self);
/* What the state label says: "Online", "Rebooting…", … */
const char            *vigil_device_page_get_state_text (VigilDevicePage *self);
VigilTimeGroup        *vigil_device_page_get_time_group (VigilDevicePage *self);
/* How many network interfaces, channels and IO ports are shown. */
guint                  vigil_device_page_get_n_interfaces (VigilDevicePage *self);

G_END_DECLS
