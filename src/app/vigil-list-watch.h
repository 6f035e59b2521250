/* vigil-list-watch.h — notices when a property of any item of a list changes
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFilterListModel filters once, when items arrive; a panel that gets an alarm later is not
 * filtered again by itself. The overview and the panel page watch the properties their
 * filters read and tell the filter when one changed.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_LIST_WATCH (vigil_list_watch_get_type ())

G_DECLARE_FINAL_TYPE (VigilListWatch, vigil_list_watch, VIGIL, LIST_WATCH, GObject)

/* @properties: names of properties of the items, NULL-terminated. "changed" is emitted once
 * (from an idle) after one or more of them changed on any item. */
VigilListWatch *vigil_list_watch_new       (const char * const *properties);
void            vigil_list_watch_set_model (VigilListWatch *self,
                                            GListModel     *model);
GListModel     *vigil_list_watch_get_model (VigilListWatch *self);

G_END_DECLS
