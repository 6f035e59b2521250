/* vigil-panel-card.h — one panel on the overview
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_CARD (vigil_panel_card_get_type ())

G_DECLARE_FINAL_TYPE (VigilPanelCard, vigil_panel_card, VIGIL, PANEL_CARD, GtkWidget)

VigilPanel *vigil_panel_card_get_panel (VigilPanelCard *self);
void        vigil_panel_card_set_panel (VigilPanelCard *self,
                                        VigilPanel     *panel);

/* Formatting shared with the panel page. */
char       *vigil_format_event_time    (GDateTime *time);

G_END_DECLS
