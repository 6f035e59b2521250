/* vigil-peripheral.h — a relay, siren, repeater or output module of a panel (§9.15)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-messages.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERIPHERAL (vigil_peripheral_get_type ())
G_DECLARE_FINAL_TYPE (VigilPeripheral, vigil_peripheral, VIGIL, PERIPHERAL, GObject)

VigilPeripheral    *vigil_peripheral_new          (VigilPeripheralKind kind, guint id);
VigilPeripheralKind vigil_peripheral_get_kind     (VigilPeripheral *self);
guint               vigil_peripheral_get_id       (VigilPeripheral *self);
const char         *vigil_peripheral_get_name     (VigilPeripheral *self);
const char         *vigil_peripheral_get_status   (VigilPeripheral *self);
gboolean            vigil_peripheral_get_tamper   (VigilPeripheral *self);
gboolean            vigil_peripheral_get_low_battery (VigilPeripheral *self);
const char         *vigil_peripheral_get_linkage  (VigilPeripheral *self);
void                vigil_peripheral_apply_status (VigilPeripheral *self, const VigilPeripheralStatus *status);

G_END_DECLS
