/* vigil-sim-stream.h — one event subscription: the multipart/mixed answer of subscribeDeviceMgmt
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "vigil-sim-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SIM_STREAM (vigil_sim_stream_get_type ())

G_DECLARE_FINAL_TYPE (VigilSimStream, vigil_sim_stream, VIGIL, SIM_STREAM, GObject)

/* The JSON text of the @seq-th event of a burst (1-based). */
typedef char      *(*VigilSimBurstFunc) (guint64  seq,
                                         gpointer user_data);
/* The gateway's clock, for heartbeats. */
typedef GDateTime *(*VigilSimClockFunc) (gpointer user_data);

VigilSimStream *vigil_sim_stream_new             (guint              id,
                                                  SoupServerMessage *msg);
guint           vigil_sim_stream_get_id          (VigilSimStream *self);
gboolean        vigil_sim_stream_is_closed       (VigilSimStream *self);

/* Filters (guide §9.27–9.28). eventMode "all" with defenceMode all or part: */
void            vigil_sim_stream_set_mode_all    (VigilSimStream     *self,
                                                  gboolean            defence_all,
                                                  const char * const *event_list);
gboolean        vigil_sim_stream_get_mode_all    (VigilSimStream *self);
/* eventMode "device", following no device yet. */
void            vigil_sim_stream_set_mode_device (VigilSimStream *self);
/* eventMode "device": adds or replaces one device's uploadMode and eventList. */
void            vigil_sim_stream_set_device      (VigilSimStream     *self,
                                                  const char         *dev_index,
                                                  gboolean            upload_all,
                                                  const char * const *event_list);
gboolean        vigil_sim_stream_remove_device   (VigilSimStream *self,
                                                  const char     *dev_index);
/* What the stream wants of @dev_index: FALSE when it does not follow it. @event_list is
 * NULL-terminated and owned by the stream (NULL with @upload_all). */
gboolean        vigil_sim_stream_lookup_device   (VigilSimStream      *self,
                                                  const char          *dev_index,
                                                  gboolean            *upload_all,
                                                  const char * const **event_list);
/* The devices of an eventMode "device" subscription, in the order they were added. */
GStrv           vigil_sim_stream_dup_devices     (VigilSimStream *self);
/* Whether an event of @event_type from @dev_index passes the filters. devStatusChanged is a
 * general event (A.1): every followed device's status changes pass whatever the eventList. */
gboolean        vigil_sim_stream_accepts         (VigilSimStream *self,
                                                  const char     *dev_index,
                                                  const char     *event_type);

/* Answers the request: 200, multipart/mixed, chunked, Connection: close, then @first_json
 * (SubscribeDeviceMgmtRsp) as the first part. Call from the request handler. */
void            vigil_sim_stream_start           (VigilSimStream *self,
                                                  const char     *first_json);
void            vigil_sim_stream_push            (VigilSimStream *self,
                                                  const char     *json);
void            vigil_sim_stream_set_quirks      (VigilSimStream *self,
                                                  VigilSimQuirks  quirks);
void            vigil_sim_stream_set_heartbeat   (VigilSimStream    *self,
                                                  guint              interval_ms,
                                                  VigilSimQuirks     quirks,
                                                  VigilSimClockFunc  clock,
                                                  gpointer           clock_data);
void            vigil_sim_stream_inject_fault    (VigilSimStream      *self,
                                                  VigilSimStreamFault  fault);
/* Sends @n events from @func as fast as the socket takes them, never holding more than one
 * chunk of them in memory. */
void            vigil_sim_stream_burst           (VigilSimStream    *self,
                                                  guint64            n,
                                                  VigilSimBurstFunc  func,
                                                  gpointer           data,
                                                  GDestroyNotify     destroy);
/* Sends @recording (raw multipart bytes) as fast as the socket takes them, then closes. */
void            vigil_sim_stream_replay          (VigilSimStream *self,
                                                  GBytes         *recording);
/* Ends the stream: after the parts already queued and a closing delimiter, or at once by
 * closing the connection (@abrupt, as a rebooting gateway does). */
void            vigil_sim_stream_close           (VigilSimStream *self,
                                                  gboolean        abrupt);

guint64         vigil_sim_stream_get_events_sent     (VigilSimStream *self);
guint64         vigil_sim_stream_get_heartbeats_sent (VigilSimStream *self);

G_END_DECLS
