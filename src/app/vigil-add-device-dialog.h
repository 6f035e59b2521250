/* vigil-add-device-dialog.h — adding one device to the gateway, every field checked as typed
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is sent while a field is invalid (the "dialog.add" action is disabled). When the
 * gateway adds the device, "added" is emitted with the DeviceOutList result and the dialog
 * closes; when it refuses, the reason is shown and everything typed stays.
 */
#pragma once

#include <adwaita.h>

#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ADD_DEVICE_DIALOG (vigil_add_device_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigilAddDeviceDialog, vigil_add_device_dialog, VIGIL, ADD_DEVICE_DIALOG, AdwWindow)

VigilAddDeviceDialog *vigil_add_device_dialog_new (GtkWindow    *parent,
                                                   VigilSession *session);
/* Whether everything typed is valid (the Add button is enabled). */
gboolean              vigil_add_device_dialog_is_valid  (VigilAddDeviceDialog *self);
/* The problem shown to the installer, NULL when there is none. */
const char           *vigil_add_device_dialog_get_error (VigilAddDeviceDialog *self);

G_END_DECLS
