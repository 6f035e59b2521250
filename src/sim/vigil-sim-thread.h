/* vigil-sim-thread.h — a simulated gateway running in a thread of its own
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console's demo mode and its widget tests need a gateway that answers while the GUI
 * thread is busy (or blocked in a test's wait): the gateway gets its own thread, its own
 * GMainContext and main loop, and everything that touches it runs there.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-sim-gateway.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SIM_THREAD (vigil_sim_thread_get_type ())

G_DECLARE_FINAL_TYPE (VigilSimThread, vigil_sim_thread, VIGIL, SIM_THREAD, GObject)

/* Runs in the simulator's thread, with the gateway. */
typedef void (*VigilSimThreadFunc) (VigilSimGateway *gateway,
                                    gpointer         user_data);

/* Starts the thread, creates the gateway there, runs @setup (may be NULL) before it listens
 * on 127.0.0.1 (a free port), and returns once it answers or failed to listen. */
VigilSimThread *vigil_sim_thread_new          (guint32              seed,
                                               guint                n_panels,
                                               VigilSimThreadFunc   setup,
                                               gpointer             user_data,
                                               GError             **error);

const char     *vigil_sim_thread_get_url      (VigilSimThread *self);
/* The credentials the gateway had once @setup ran. */
const char     *vigil_sim_thread_get_user     (VigilSimThread *self);
const char     *vigil_sim_thread_get_password (VigilSimThread *self);

/* Runs @func in the simulator's thread and returns when it has. */
void            vigil_sim_thread_call         (VigilSimThread      *self,
                                               VigilSimThreadFunc   func,
                                               gpointer             user_data);

/* Stops the gateway and joins the thread; also done on dispose. */
void            vigil_sim_thread_stop         (VigilSimThread *self);

G_END_DECLS
