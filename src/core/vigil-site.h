/* vigil-site.h — every panel behind one gateway, kept true
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The site reads the device list and each panel's status (partitions, zones, peripherals),
 * applies live events from the stream at once, and reads everything again after a reconnect
 * and every reconciliation interval, so what the screen shows is what the panels report.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-client.h"
#include "vigil-event-stream.h"
#include "vigil-panel.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SITE (vigil_site_get_type ())
G_DECLARE_FINAL_TYPE (VigilSite, vigil_site, VIGIL, SITE, GObject)

#define VIGIL_SITE_DEFAULT_RECONCILE_INTERVAL 60
/* Panels read at once during a sweep: the client keeps four connections to a gateway. */
#define VIGIL_SITE_SWEEP_CONCURRENCY 4

VigilSite   *vigil_site_new                    (VigilClient *client);
VigilClient *vigil_site_get_client             (VigilSite *self);
GListModel  *vigil_site_get_panels             (VigilSite *self);   /* VigilPanel */
VigilPanel  *vigil_site_lookup_panel           (VigilSite *self, const char *dev_index);
gboolean     vigil_site_get_loading            (VigilSite *self);
GDateTime   *vigil_site_get_last_refresh       (VigilSite *self);
const char  *vigil_site_get_refresh_error      (VigilSite *self);

/* Live events from @stream change the panels; a restored link makes a full read. */
void         vigil_site_set_stream             (VigilSite *self, VigilEventStream *stream);
/* Seconds between full reads; 0 turns them off. */
void         vigil_site_set_reconcile_interval (VigilSite *self, guint seconds);
guint        vigil_site_get_reconcile_interval (VigilSite *self);

/* The device list and the status of every online panel. */
void         vigil_site_refresh_async          (VigilSite           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     vigil_site_refresh_finish         (VigilSite     *self,
                                                GAsyncResult  *result,
                                                GError       **error);

/* One panel's status (after a control action). */
void         vigil_site_refresh_panel_async    (VigilSite           *self,
                                                VigilPanel          *panel,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean     vigil_site_refresh_panel_finish   (VigilSite     *self,
                                                GAsyncResult  *result,
                                                GError       **error);

G_END_DECLS
