/* vigil-sim-alert.h — the EventNotificationAlert messages of the event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-sim-panel.h"
#include "vigil-sim-types.h"

G_BEGIN_DECLS

/* Each returns the JSON text of one part body, shaped by guide §9.11–9.14, with the content
 * quirks of @quirks applied (framing quirks belong to the stream). */

/* JSON_EventNotificationAlert_HeartbeatInfo; @count is activePostCount. */
char *vigil_sim_alert_heartbeat   (GDateTime      *now,
                                   guint64         count,
                                   VigilSimQuirks  quirks);

/* JSON_EventNotificationAlert_DevStatusChangedAlarmMsg. */
char *vigil_sim_alert_dev_status  (VigilSimPanel  *panel,
                                   gboolean        online,
                                   VigilSimQuirks  quirks);

/* JSON_EventNotificationAlert_CidAlarmMsg; @seq > 0 adds a "seq" member (bursts). */
char *vigil_sim_alert_cid         (VigilSimPanel          *panel,
                                   const VigilSimCidEvent *event,
                                   guint64                 seq,
                                   VigilSimQuirks          quirks);

/* JSON_EventNotificationAlert_VideoVerificationAlarmMsg for the alarm @event. */
char *vigil_sim_alert_video_review (VigilSimPanel          *panel,
                                    const VigilSimCidEvent *event,
                                    const char             *video_url,
                                    VigilSimQuirks          quirks);

G_END_DECLS
