/* vigil-peripheral-row.h — a relay, siren, repeater or output module of a panel
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-peripheral.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PERIPHERAL_ROW (vigil_peripheral_row_get_type ())

G_DECLARE_FINAL_TYPE (VigilPeripheralRow, vigil_peripheral_row, VIGIL, PERIPHERAL_ROW, AdwActionRow)

GtkWidget       *vigil_peripheral_row_new            (VigilPeripheral *peripheral);
VigilPeripheral *vigil_peripheral_row_get_peripheral (VigilPeripheralRow *self);

G_END_DECLS
