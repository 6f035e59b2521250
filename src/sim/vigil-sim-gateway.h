/* vigil-sim-gateway.h — a simulated Hikvision IP Receiver Device Gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real SoupServer on 127.0.0.1 that answers every URI of the guide's chapters 4, 5, 7 and 8
 * with Digest authentication, security control panels that behave like panels, the event
 * stream of §8.2, and the verification clips of §8.6. Used by the tests, by `vigilctl sim` and
 * by the console's demo mode.
 *
 * Threading: a gateway belongs to the thread that created it and runs on that thread's
 * default main context (g_main_context_get_thread_default() at creation time); call it only
 * from there.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-sim-panel.h"
#include "vigil-sim-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SIM_GATEWAY (vigil_sim_gateway_get_type ())

G_DECLARE_FINAL_TYPE (VigilSimGateway, vigil_sim_gateway, VIGIL, SIM_GATEWAY, GObject)

/* ---- Life ---- */

VigilSimGateway *vigil_sim_gateway_new              (guint32           seed,
                                                     guint             n_panels);
gboolean         vigil_sim_gateway_listen           (VigilSimGateway  *self,
                                                     guint16           port,
                                                     GError          **error);
char            *vigil_sim_gateway_dup_url          (VigilSimGateway  *self);
guint16          vigil_sim_gateway_get_port         (VigilSimGateway  *self);
guint32          vigil_sim_gateway_get_seed         (VigilSimGateway  *self);

/* ---- Credentials and TLS ---- */

void             vigil_sim_gateway_set_credentials  (VigilSimGateway  *self,
                                                     const char       *user,
                                                     const char       *password);
const char      *vigil_sim_gateway_get_user         (VigilSimGateway  *self);
const char      *vigil_sim_gateway_get_password     (VigilSimGateway  *self);
const char      *vigil_sim_gateway_get_realm        (VigilSimGateway  *self);
void             vigil_sim_gateway_set_digest_mode  (VigilSimGateway         *self,
                                                     VigilSimDigestAlgorithm  algorithm,
                                                     VigilSimDigestQop        qop);
void             vigil_sim_gateway_set_lockout      (VigilSimGateway  *self,
                                                     guint             max_attempts,
                                                     guint             lock_seconds);
void             vigil_sim_gateway_set_nonce_lifetime (VigilSimGateway *self,
                                                       guint            seconds);
void             vigil_sim_gateway_set_tls_certificate (VigilSimGateway *self,
                                                        GTlsCertificate *certificate);
GTlsCertificate *vigil_sim_builtin_certificate      (guint             which,
                                                     GError          **error);
GBytes          *vigil_sim_builtin_clip             (void);

/* ---- Behaviour ---- */

void             vigil_sim_gateway_set_demo_activity (VigilSimGateway *self,
                                                      gboolean         enabled);
gboolean         vigil_sim_gateway_get_demo_activity (VigilSimGateway *self);
void             vigil_sim_gateway_set_reboot_durations (VigilSimGateway *self,
                                                         guint            gateway_ms,
                                                         guint            device_ms);
void             vigil_sim_gateway_set_max_devices  (VigilSimGateway  *self,
                                                     guint             max_devices);
void             vigil_sim_gateway_set_video_review_delay (VigilSimGateway *self,
                                                           guint            delay_ms);

/* ---- Fault injection ---- */

void             vigil_sim_gateway_fail_next_requests (VigilSimGateway *self,
                                                       guint            http_status,
                                                       guint            n_requests);
void             vigil_sim_gateway_set_response_delay (VigilSimGateway *self,
                                                       guint            delay_ms);
void             vigil_sim_gateway_set_video_cut    (VigilSimGateway  *self,
                                                     gsize             after_bytes);

/* ---- Event stream ---- */

void             vigil_sim_gateway_set_heartbeat_interval (VigilSimGateway *self,
                                                           guint            interval_ms);
void             vigil_sim_gateway_set_quirks       (VigilSimGateway  *self,
                                                     VigilSimQuirks    quirks);
VigilSimQuirks   vigil_sim_gateway_get_quirks       (VigilSimGateway  *self);
void             vigil_sim_gateway_inject_stream_fault (VigilSimGateway     *self,
                                                        guint                subscription_id,
                                                        VigilSimStreamFault  fault);
void             vigil_sim_gateway_burst            (VigilSimGateway  *self,
                                                     guint             subscription_id,
                                                     guint64           n_events,
                                                     guint             cid_code);
char            *vigil_sim_gateway_add_clip         (VigilSimGateway  *self);

/* ---- Panels ---- */

guint            vigil_sim_gateway_get_n_panels     (VigilSimGateway  *self);
VigilSimPanel   *vigil_sim_gateway_get_panel        (VigilSimGateway  *self,
                                                     guint             index);
VigilSimPanel   *vigil_sim_gateway_lookup_panel     (VigilSimGateway  *self,
                                                     const char       *dev_index);
GStrv            vigil_sim_gateway_dup_dev_indexes  (VigilSimGateway  *self);

/* ---- Introspection ---- */

guint64          vigil_sim_gateway_get_n_requests            (VigilSimGateway *self);
guint64          vigil_sim_gateway_get_n_authorization_headers (VigilSimGateway *self);
guint64          vigil_sim_gateway_get_n_auth_failures       (VigilSimGateway *self);
GArray          *vigil_sim_gateway_dup_subscription_ids      (VigilSimGateway *self);
guint64          vigil_sim_gateway_get_events_sent           (VigilSimGateway *self,
                                                              guint            subscription_id);
guint64          vigil_sim_gateway_get_heartbeats_sent       (VigilSimGateway *self,
                                                              guint            subscription_id);

G_END_DECLS
