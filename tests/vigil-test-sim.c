/* vigil-test-sim.c — a simulated gateway in its own thread, for tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of libsoup's tests/test-utils.c and GNOME Calendar's tests/gcal-simple-server.c:
 * a thread that owns a GMainContext, a mutex and a condition to hand results across.
 */
#define G_LOG_DOMAIN "vigil-test-sim"

#include "vigil-test-sim.h"

struct _VigilTestSim
{
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  GMutex            mutex;
  GCond             cond;
  gboolean          ready;

  guint32           seed;
  guint             n_panels;
  VigilTestSimFunc  configure;
  gpointer          configure_data;

  VigilSimGateway  *gateway;     /* only touched in the simulator's thread */
  char             *url;
  char             *user;
  char             *password;
};

static gpointer
sim_thread (gpointer data)
{
  VigilTestSim *sim = data;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (sim->context);

  sim->gateway = vigil_sim_gateway_new (sim->seed, sim->n_panels);
  if (sim->configure != NULL)
    sim->configure (sim->gateway, sim->configure_data);
  if (!vigil_sim_gateway_listen (sim->gateway, 0, &error))
    g_error ("The simulated gateway cannot listen: %s", error->message);

  g_mutex_lock (&sim->mutex);
  sim->url = vigil_sim_gateway_dup_url (sim->gateway);
  sim->user = g_strdup (vigil_sim_gateway_get_user (sim->gateway));
  sim->password = g_strdup (vigil_sim_gateway_get_password (sim->gateway));
  sim->ready = TRUE;
  g_cond_signal (&sim->cond);
  g_mutex_unlock (&sim->mutex);

  g_main_loop_run (sim->loop);

  /* Dispose in this thread, then let the sources it destroyed go. */
  g_clear_object (&sim->gateway);
  while (g_main_context_pending (sim->context))
    g_main_context_iteration (sim->context, FALSE);

  g_main_context_pop_thread_default (sim->context);
  return NULL;
}

VigilTestSim *
vigil_test_sim_new_full (guint32           seed,
                         guint             n_panels,
                         VigilTestSimFunc  configure,
                         gpointer          user_data)
{
  VigilTestSim *sim = g_new0 (VigilTestSim, 1);

  g_mutex_init (&sim->mutex);
  g_cond_init (&sim->cond);
  sim->seed = seed;
  sim->n_panels = n_panels;
  sim->configure = configure;
  sim->configure_data = user_data;
  sim->context = g_main_context_new ();
  sim->loop = g_main_loop_new (sim->context, FALSE);
  sim->thread = g_thread_new ("vigil-test-sim", sim_thread, sim);

  g_mutex_lock (&sim->mutex);
  while (!sim->ready)
    g_cond_wait (&sim->cond, &sim->mutex);
  g_mutex_unlock (&sim->mutex);

  return sim;
}

VigilTestSim *
vigil_test_sim_new (VigilTestSimFunc configure,
                    gpointer         user_data)
{
  return vigil_test_sim_new_full (1, 2, configure, user_data);
}

const char *
vigil_test_sim_get_url (VigilTestSim *sim)
{
  return sim->url;
}

const char *
vigil_test_sim_get_user (VigilTestSim *sim)
{
  return sim->user;
}

const char *
vigil_test_sim_get_password (VigilTestSim *sim)
{
  return sim->password;
}

typedef struct
{
  VigilTestSim     *sim;
  VigilTestSimFunc  func;
  gpointer          data;
  gboolean          done;
} Invoke;

static gboolean
invoke_in_thread (gpointer data)
{
  Invoke *invoke = data;

  invoke->func (invoke->sim->gateway, invoke->data);

  g_mutex_lock (&invoke->sim->mutex);
  invoke->done = TRUE;
  g_cond_broadcast (&invoke->sim->cond);
  g_mutex_unlock (&invoke->sim->mutex);
  return G_SOURCE_REMOVE;
}

void
vigil_test_sim_invoke_sync (VigilTestSim     *sim,
                            VigilTestSimFunc  func,
                            gpointer          user_data)
{
  Invoke invoke = { sim, func, user_data, FALSE };

  g_main_context_invoke (sim->context, invoke_in_thread, &invoke);

  g_mutex_lock (&sim->mutex);
  while (!invoke.done)
    g_cond_wait (&sim->cond, &sim->mutex);
  g_mutex_unlock (&sim->mutex);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
vigil_test_sim_free (VigilTestSim *sim)
{
  if (sim == NULL)
    return;

  /* Quit from inside the loop: a quit before it runs would be lost. */
  g_main_context_invoke (sim->context, quit_loop, sim->loop);
  g_thread_join (sim->thread);

  g_main_loop_unref (sim->loop);
  g_main_context_unref (sim->context);
  g_mutex_clear (&sim->mutex);
  g_cond_clear (&sim->cond);
  g_free (sim->url);
  g_free (sim->user);
  g_free (sim->password);
  g_free (sim);
}
