/* vigil-session.h — one signed-in gateway: its client, site and event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Made once the login worked. It keeps the site true (event stream, reconciliation reads) and
 * is the one way the console acts on panels: every control action goes through it, is
 * followed by a re-read of the panel, and is announced with "action-finished" together with
 * the operator on duty, so the audit log has one place to listen to.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-client.h"
#include "vigil-event-stream.h"
#include "vigil-site.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SESSION (vigil_session_get_type ())

G_DECLARE_FINAL_TYPE (VigilSession, vigil_session, VIGIL, SESSION, GObject)

VigilSession     *vigil_session_new                   (VigilClient *client);

VigilClient      *vigil_session_get_client            (VigilSession *self);
VigilSite        *vigil_session_get_site              (VigilSession *self);
VigilEventStream *vigil_session_get_stream            (VigilSession *self);

const char       *vigil_session_get_operator          (VigilSession *self);
void              vigil_session_set_operator          (VigilSession *self,
                                                       const char   *operator_name);
guint             vigil_session_get_reconcile_interval (VigilSession *self);
void              vigil_session_set_reconcile_interval (VigilSession *self,
                                                        guint         seconds);
guint             vigil_session_get_heartbeat_timeout (VigilSession *self);
void              vigil_session_set_heartbeat_timeout (VigilSession *self,
                                                       guint         seconds);
/* Partitions and zones in alarm, over every panel. */
guint             vigil_session_get_n_alarms          (VigilSession *self);

/* Reads every panel, opens the event stream and lets it change the site. */
void              vigil_session_start                 (VigilSession *self);
/* Ends the subscription on the gateway and stops every read. */
void              vigil_session_stop                  (VigilSession *self);

/* Control actions. Each finishes once the panel was read again after it, and reports the
 * panel's answer: FALSE with the gateway's error (its A.2 sentence) when it refused. */
void              vigil_session_arm_async             (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       guint64              partition,
                                                       VigilArmMode         mode,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void              vigil_session_disarm_async          (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       guint64              partition,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void              vigil_session_clear_alarm_async     (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       guint64              partition,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void              vigil_session_bypass_async          (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       const guint         *zones,
                                                       guint                n_zones,
                                                       gboolean             bypass,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void              vigil_session_control_relays_async  (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       const guint         *relays,
                                                       guint                n_relays,
                                                       gboolean             open,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
void              vigil_session_trigger_output_async  (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       guint                output,
                                                       gboolean             high,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          vigil_session_control_finish        (VigilSession  *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* Reads one panel again (the "Refresh" of the panel page). */
void              vigil_session_refresh_panel_async   (VigilSession        *self,
                                                       VigilPanel          *panel,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          vigil_session_refresh_panel_finish  (VigilSession  *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* A readable name for a partition number ("Partition 2", "All partitions"). */
char             *vigil_session_describe_partition    (guint64 partition);

G_END_DECLS
