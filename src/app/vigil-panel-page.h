/* vigil-panel-page.h — one panel: partitions, zones and peripherals, and their controls
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions (group "panel", parameter the partition, relay or output number):
 *   arm-stay(u) arm-away(u) disarm(u) clear-alarm(u)  — VIGIL_ALL_PARTITIONS for all
 *   bypass-selected restore-selected                  — the zones selected in the grid
 *   relay-open(u) relay-close(u) output-high(u) output-low(u) refresh
 * Arming first reads the panel again and lists the zones that would stop it (the pre-arm
 * check); disarming a partition in alarm asks first. Results are toasts.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel.h"
#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_PAGE (vigil_panel_page_get_type ())

G_DECLARE_FINAL_TYPE (VigilPanelPage, vigil_panel_page, VIGIL, PANEL_PAGE, GtkWidget)

VigilPanel        *vigil_panel_page_get_panel          (VigilPanelPage *self);
void               vigil_panel_page_set_panel          (VigilPanelPage *self,
                                                        VigilPanel     *panel);
VigilSession      *vigil_panel_page_get_session        (VigilPanelPage *self);
void               vigil_panel_page_set_session        (VigilPanelPage *self,
                                                        VigilSession   *session);
/* The zones shown in the grid and which of them are selected. */
GtkSelectionModel *vigil_panel_page_get_zone_selection (VigilPanelPage *self);
void               vigil_panel_page_set_only_problems  (VigilPanelPage *self,
                                                        gboolean        only_problems);
/* TRUE while a control action or a read it started is on its way. */
gboolean           vigil_panel_page_get_busy           (VigilPanelPage *self);

G_END_DECLS
