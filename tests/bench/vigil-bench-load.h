/* vigil-bench-load.h — alarms among a steady background of events, raised in the simulator
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the simulator's thread (start and stop there); the client's thread asks when an
 * alarm it decoded was raised. Both use the monotonic clock, so a latency is exact.
 */
#pragma once

#include "vigil-event.h"
#include "vigil-sim-gateway.h"

G_BEGIN_DECLS

typedef struct _VigilBenchLoad VigilBenchLoad;

VigilBenchLoad *vigil_bench_load_new          (guint            n_alarms,
                                               guint            alarms_per_second,
                                               guint            background_per_second);
void            vigil_bench_load_free         (VigilBenchLoad  *self);

/* In the simulator's thread. */
void            vigil_bench_load_start        (VigilBenchLoad  *self,
                                               VigilSimGateway *gateway);
void            vigil_bench_load_stop         (VigilBenchLoad  *self);

/* Any thread: µs (monotonic) when @event's alarm was raised, 0 if it is not one of ours. */
gint64          vigil_bench_load_raised_at    (VigilBenchLoad   *self,
                                               const VigilEvent *event);

G_END_DECLS
