/* vigil-device-item.h — one device of the gateway's device list, as a list model item
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-messages.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DEVICE_ITEM (vigil_device_item_get_type ())

G_DECLARE_FINAL_TYPE (VigilDeviceItem, vigil_device_item, VIGIL, DEVICE_ITEM, GObject)

/* Takes @entry. */
VigilDeviceItem        *vigil_device_item_new        (VigilDeviceEntry *entry);
const VigilDeviceEntry *vigil_device_item_get_entry  (VigilDeviceItem  *self);
const char             *vigil_device_item_get_dev_index (VigilDeviceItem *self);
/* "online" / "offline"; "dev-status" is notified when it changes. */
const char             *vigil_device_item_get_dev_status (VigilDeviceItem *self);
void                    vigil_device_item_set_dev_status (VigilDeviceItem *self,
                                                          const char      *dev_status);
/* The name, else the ISUP ID, else the devIndex: never empty. */
const char             *vigil_device_item_get_title  (VigilDeviceItem  *self);

/* Words for people (translated). */
const char             *vigil_device_type_label      (const char *dev_type);
const char             *vigil_device_protocol_label  (const char *protocol_type);
/* The outcome of one device of an add (DeviceOutList) or delete (DelDevList): "Added",
 * "Already exists", "No more devices can be added", "Bad parameters", … */
const char             *vigil_device_result_label    (const char *status,
                                                      const char *sub_status_code,
                                                      gboolean    deleting);

G_END_DECLS
