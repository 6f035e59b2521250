/* vigil-devices-view.h — the devices behind the gateway, for installers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway's device list (deviceList), searched, filtered and paged on the gateway so that
 * thousands of devices cost one page; adding one device or a batch from a CSV file, deleting
 * (after a confirmation) and refreshing several, each with its result per device. Activating a
 * row opens the device's page beside the list.
 */
#pragma once

#include <adwaita.h>

#include "vigil-device-page.h"
#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_DEVICES_VIEW_PAGE_SIZE 50

#define VIGIL_TYPE_DEVICES_VIEW (vigil_devices_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilDevicesView, vigil_devices_view, VIGIL, DEVICES_VIEW, GtkWidget)

void               vigil_devices_view_set_session    (VigilDevicesView *self,
                                                      VigilSession     *session);
/* Reads the current page again. */
void               vigil_devices_view_reload         (VigilDevicesView *self);
/* TRUE while a page is being read. */
gboolean           vigil_devices_view_get_loading    (VigilDevicesView *self);
/* The devices of the current page (VigilDeviceItem) and the selection over them. */
GListModel        *vigil_devices_view_get_model      (VigilDevicesView *self);
GtkSelectionModel *vigil_devices_view_get_selection  (VigilDevicesView *self);
/* How many devices match the search and filters on the gateway (all pages). */
guint              vigil_devices_view_get_n_matches  (VigilDevicesView *self);
/* Adds the devices of a CSV file (vigil-device-csv.h); the result shows per device. */
void               vigil_devices_view_add_from_file  (VigilDevicesView *self,
                                                      GFile            *file);
/* The per-device result of the last batch add, delete or refresh (rows of AdwActionRow whose
 * title is the device and subtitle the result). */
GtkListBox        *vigil_devices_view_get_result_list (VigilDevicesView *self);
/* Opens @dev_index's page beside the list (and the list again with NULL). */
void               vigil_devices_view_show_device    (VigilDevicesView *self,
                                                      const char       *dev_index);
VigilDevicePage   *vigil_devices_view_get_device_page (VigilDevicesView *self);

G_END_DECLS
