/* vigil-overview.h — every panel of the site as a card
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-site.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_OVERVIEW (vigil_overview_get_type ())

G_DECLARE_FINAL_TYPE (VigilOverview, vigil_overview, VIGIL, OVERVIEW, GtkWidget)

VigilSite  *vigil_overview_get_site          (VigilOverview *self);
void        vigil_overview_set_site          (VigilOverview *self,
                                              VigilSite     *site);
/* The panels shown, after the search and the problems filter. */
GListModel *vigil_overview_get_model         (VigilOverview *self);
void        vigil_overview_set_search        (VigilOverview *self,
                                              const char    *text);
void        vigil_overview_set_only_problems (VigilOverview *self,
                                              gboolean       only_problems);
void        vigil_overview_focus_search      (VigilOverview *self);

G_END_DECLS
