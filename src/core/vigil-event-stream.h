/* vigil-event-stream.h — the one long-lived subscription that carries every alarm
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-client.h"
#include "vigil-event.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVENT_STREAM (vigil_event_stream_get_type ())
G_DECLARE_FINAL_TYPE (VigilEventStream, vigil_event_stream, VIGIL, EVENT_STREAM, GObject)

typedef enum
{
  VIGIL_STREAM_STOPPED,        /* not started, or stopped */
  VIGIL_STREAM_CONNECTING,     /* the subscription request is on its way */
  VIGIL_STREAM_ONLINE,         /* parts are arriving */
  VIGIL_STREAM_WAITING,        /* the link was lost; the next attempt is at reconnect-at */
  VIGIL_STREAM_FAILED,         /* stopped for good: the credentials were refused */
} VigilStreamState;

#define VIGIL_TYPE_STREAM_STATE (vigil_stream_state_get_type ())
GType             vigil_stream_state_get_type (void) G_GNUC_CONST;

#define VIGIL_EVENT_STREAM_DEFAULT_HEARTBEAT_TIMEOUT 30

VigilEventStream *vigil_event_stream_new              (VigilClient *client);

VigilClient      *vigil_event_stream_get_client       (VigilEventStream *self);
VigilStreamState  vigil_event_stream_get_state        (VigilEventStream *self);
/* The gateway's subscription ID, -1 while there is none. */
gint64            vigil_event_stream_get_subscription_id (VigilEventStream *self);
/* Wall-clock time (UTC) of the next attempt while WAITING, NULL otherwise. */
GDateTime        *vigil_event_stream_get_reconnect_at (VigilEventStream *self);
/* Since when the link has been down (NULL while online). */
GDateTime        *vigil_event_stream_get_offline_since (VigilEventStream *self);
/* The last failure, for the UI (NULL when none). */
const GError     *vigil_event_stream_get_last_error   (VigilEventStream *self);
guint64           vigil_event_stream_get_n_events     (VigilEventStream *self);

/* What to subscribe to (default: eventMode "all", defenceMode "all"). Takes effect on the next
 * connection. */
void              vigil_event_stream_set_request      (VigilEventStream            *self,
                                                       const VigilSubscribeRequest *request);
/* Seconds without any part (heartbeats come every 10 s) before the link counts as lost. */
void              vigil_event_stream_set_heartbeat_timeout (VigilEventStream *self,
                                                            guint             seconds);
/* Reconnection delays: from @initial_ms doubling up to @max_ms, each with ±20% jitter. */
void              vigil_event_stream_set_backoff      (VigilEventStream *self,
                                                       guint             initial_ms,
                                                       guint             max_ms);
/* A dateTime without a zone from this panel is read in @tz. */
void              vigil_event_stream_set_panel_time_zone (VigilEventStream *self,
                                                          const char       *dev_index,
                                                          GTimeZone        *tz);

void              vigil_event_stream_start            (VigilEventStream *self);
/* Stops reading and ends the subscription on the gateway (DELETE unSubscribeDeviceMgmt). */
void              vigil_event_stream_stop_async       (VigilEventStream    *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          vigil_event_stream_stop_finish      (VigilEventStream  *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);

G_END_DECLS
