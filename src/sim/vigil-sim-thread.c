/* vigil-sim-thread.c — a simulated gateway running in a thread of its own
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-thread"

#include "vigil-sim-thread.h"

struct _VigilSimThread
{
  GObject parent_instance;

  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  VigilSimGateway *gateway;      /* owned and used by the thread only */

  guint32 seed;
  guint n_panels;
  VigilSimThreadFunc setup;
  gpointer setup_data;

  GMutex mutex;
  GCond cond;
  gboolean ready;
  GError *error;
  char *url;
  char *user;
  char *password;
};

G_DEFINE_FINAL_TYPE (VigilSimThread, vigil_sim_thread, G_TYPE_OBJECT)

typedef struct
{
  VigilSimThread *self;
  VigilSimThreadFunc func;
  gpointer user_data;
  gboolean done;
} Call;

static gpointer
thread_main (gpointer data)
{
  VigilSimThread *self = data;
  g_autoptr(VigilSimGateway) gateway = NULL;
  GError *error = NULL;
  gboolean listening;

  g_main_context_push_thread_default (self->context);

  gateway = vigil_sim_gateway_new (self->seed, self->n_panels);
  if (self->setup != NULL)
    self->setup (gateway, self->setup_data);
  listening = vigil_sim_gateway_listen (gateway, 0, &error);

  g_mutex_lock (&self->mutex);
  if (listening)
    {
      self->gateway = gateway;
      self->url = vigil_sim_gateway_dup_url (gateway);
      self->user = g_strdup (vigil_sim_gateway_get_user (gateway));
      self->password = g_strdup (vigil_sim_gateway_get_password (gateway));
    }
  else
    self->error = error;
  self->ready = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (listening)
    g_main_loop_run (self->loop);

  g_mutex_lock (&self->mutex);
  self->gateway = NULL;
  g_mutex_unlock (&self->mutex);

  /* The gateway's sources and connections belong to this context: let them wind down here. */
  g_object_run_dispose (G_OBJECT (gateway));
  g_clear_object (&gateway);
  while (g_main_context_pending (self->context))
    g_main_context_iteration (self->context, FALSE);

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

VigilSimThread *
vigil_sim_thread_new (guint32              seed,
                      guint                n_panels,
                      VigilSimThreadFunc   setup,
                      gpointer             user_data,
                      GError             **error)
{
  g_autoptr(VigilSimThread) self = g_object_new (VIGIL_TYPE_SIM_THREAD, NULL);

  self->seed = seed;
  self->n_panels = n_panels;
  self->setup = setup;
  self->setup_data = user_data;

  self->thread = g_thread_new ("vigil-sim", thread_main, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      vigil_sim_thread_stop (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
vigil_sim_thread_get_url (VigilSimThread *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_THREAD (self), NULL);
  return self->url;
}

const char *
vigil_sim_thread_get_user (VigilSimThread *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_THREAD (self), NULL);
  return self->user;
}

const char *
vigil_sim_thread_get_password (VigilSimThread *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_THREAD (self), NULL);
  return self->password;
}

static gboolean
run_call (gpointer data)
{
  Call *call = data;
  VigilSimThread *self = call->self;

  if (self->gateway != NULL)
    call->func (self->gateway, call->user_data);

  g_mutex_lock (&self->mutex);
  call->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  return G_SOURCE_REMOVE;
}

void
vigil_sim_thread_call (VigilSimThread     *self,
                       VigilSimThreadFunc  func,
                       gpointer            user_data)
{
  Call call = { self, func, user_data, FALSE };
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (VIGIL_IS_SIM_THREAD (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (g_thread_self () != self->thread);

  if (self->thread == NULL)
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, run_call, &call, NULL);
  g_source_set_static_name (source, "[vigil-sim-thread] call");
  g_source_attach (source, self->context);

  g_mutex_lock (&self->mutex);
  while (!call.done)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
vigil_sim_thread_stop (VigilSimThread *self)
{
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (VIGIL_IS_SIM_THREAD (self));

  if (self->thread == NULL)
    return;

  /* Quit from inside the loop: a quit that arrives before the loop runs would be lost. */
  source = g_idle_source_new ();
  g_source_set_callback (source, quit_loop, g_main_loop_ref (self->loop), (GDestroyNotify) g_main_loop_unref);
  g_source_set_static_name (source, "[vigil-sim-thread] quit");
  g_source_attach (source, self->context);
  g_thread_join (g_steal_pointer (&self->thread));
}

static void
vigil_sim_thread_dispose (GObject *object)
{
  VigilSimThread *self = (VigilSimThread *)object;

  vigil_sim_thread_stop (self);

  G_OBJECT_CLASS (vigil_sim_thread_parent_class)->dispose (object);
}

static void
vigil_sim_thread_finalize (GObject *object)
{
  VigilSimThread *self = (VigilSimThread *)object;

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password, g_free);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (vigil_sim_thread_parent_class)->finalize (object);
}

static void
vigil_sim_thread_class_init (VigilSimThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_sim_thread_dispose;
  object_class->finalize = vigil_sim_thread_finalize;
}

static void
vigil_sim_thread_init (VigilSimThread *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}
