/* vigil-zone-tile.h — one zone in the panel page's grid
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-zone.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ZONE_TILE (vigil_zone_tile_get_type ())

G_DECLARE_FINAL_TYPE (VigilZoneTile, vigil_zone_tile, VIGIL, ZONE_TILE, GtkWidget)

VigilZone  *vigil_zone_tile_get_zone   (VigilZoneTile *self);
void        vigil_zone_tile_set_zone   (VigilZoneTile *self,
                                        VigilZone     *zone);

/* "Alarm", "Open", "Normal", … for a zone's status (translated). */
const char *vigil_zone_describe_status (const char *status,
                                        gboolean    alarm);

G_END_DECLS
