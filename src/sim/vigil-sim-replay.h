/* vigil-sim-replay.h — a recorded event stream, and a gateway that plays it back
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmarks measure a client against the limit of the socket it reads: for that the
 * gateway must send bytes fixed in advance as fast as they are taken, not build events while
 * it sends them. A recording is the multipart body of a subscription after its first part.
 */
#pragma once

#include "vigil-sim-gateway.h"

G_BEGIN_DECLS

/* @n_events parts in the guide's shape, from the gateway's panels: CID alarms and restores,
 * operations, devStatusChanged, videoReview and heartbeats, with the guide's quirks on some.
 * The same @seed gives the same mix (times and UUIDs aside). */
GBytes *vigil_sim_replay_record           (VigilSimGateway *gateway,
                                           guint64          n_events,
                                           guint32          seed);

/* Every subscription opened while a recording is set sends it after its first part, then
 * ends with a closing delimiter. NULL goes back to live events. */
void    vigil_sim_gateway_set_replay      (VigilSimGateway *self,
                                           GBytes          *recording);

G_END_DECLS
