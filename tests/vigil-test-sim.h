/* vigil-test-sim.h — a simulated gateway in its own thread, for tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The gateway runs on its own thread and GMainContext, so a test can use blocking calls (or
 * its own main loop) without starving the server. Touch the gateway only from inside
 * vigil_test_sim_invoke_sync().
 */
#pragma once

#include "vigil-sim-gateway.h"

G_BEGIN_DECLS

typedef struct _VigilTestSim VigilTestSim;

/* Runs in the simulator's thread. */
typedef void (*VigilTestSimFunc) (VigilSimGateway *gateway,
                                  gpointer         user_data);

/* Starts a gateway (seed 1, two panels), calls @configure (nullable) on it in its thread
 * before it listens on a free port of 127.0.0.1, and returns once it listens. */
VigilTestSim *vigil_test_sim_new          (VigilTestSimFunc  configure,
                                           gpointer          user_data);
VigilTestSim *vigil_test_sim_new_full     (guint32           seed,
                                           guint             n_panels,
                                           VigilTestSimFunc  configure,
                                           gpointer          user_data);

const char   *vigil_test_sim_get_url      (VigilTestSim *sim);
const char   *vigil_test_sim_get_user     (VigilTestSim *sim);
const char   *vigil_test_sim_get_password (VigilTestSim *sim);

/* Runs @func in the simulator's thread and waits for it. */
void          vigil_test_sim_invoke_sync  (VigilTestSim     *sim,
                                           VigilTestSimFunc  func,
                                           gpointer          user_data);

/* Stops the gateway and its thread. */
void          vigil_test_sim_free         (VigilTestSim *sim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilTestSim, vigil_test_sim_free)

G_END_DECLS
