/* vigil-list-watch.c — notices when a property of any item of a list changes
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-list-watch"

#include "vigil-list-watch.h"

struct _VigilListWatch
{
  GObject parent_instance;

  GStrv properties;
  GListModel *model;
  GPtrArray *items;              /* mirrors the model: the items we are connected to */
  guint idle_id;
};

G_DEFINE_FINAL_TYPE (VigilListWatch, vigil_list_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_changed (gpointer user_data)
{
  VigilListWatch *self = user_data;

  self->idle_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_item_notify (GObject        *item,
                GParamSpec     *pspec,
                VigilListWatch *self)
{
  if (self->idle_id == 0)
    {
      self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, emit_changed, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->idle_id),
                                "[vigil-list-watch] changed");
    }
}

static void
unwatch_item (gpointer data,
              gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, on_item_notify, user_data);
  g_object_unref (data);
}

static void
on_items_changed (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  VigilListWatch *self)
{
  for (guint i = 0; i < removed; i++)
    unwatch_item (g_ptr_array_index (self->items, position + i), self);
  g_ptr_array_remove_range (self->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      for (guint p = 0; self->properties[p] != NULL; p++)
        {
          g_autofree char *detailed = g_strconcat ("notify::", self->properties[p], NULL);
          g_signal_connect (item, detailed, G_CALLBACK (on_item_notify), self);
        }
      g_ptr_array_insert (self->items, position + i, item);
    }
}

static void
clear_items (VigilListWatch *self)
{
  for (guint i = 0; i < self->items->len; i++)
    unwatch_item (g_ptr_array_index (self->items, i), self);
  g_ptr_array_set_size (self->items, 0);
}

void
vigil_list_watch_set_model (VigilListWatch *self,
                            GListModel     *model)
{
  g_return_if_fail (VIGIL_IS_LIST_WATCH (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
      clear_items (self);
      g_clear_object (&self->model);
    }

  if (model != NULL)
    {
      self->model = g_object_ref (model);
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
      on_items_changed (model, 0, 0, g_list_model_get_n_items (model), self);
    }
}

GListModel *
vigil_list_watch_get_model (VigilListWatch *self)
{
  g_return_val_if_fail (VIGIL_IS_LIST_WATCH (self), NULL);
  return self->model;
}

VigilListWatch *
vigil_list_watch_new (const char * const *properties)
{
  VigilListWatch *self;

  g_return_val_if_fail (properties != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_LIST_WATCH, NULL);
  self->properties = g_strdupv ((char **) properties);
  return self;
}

static void
vigil_list_watch_dispose (GObject *object)
{
  VigilListWatch *self = (VigilListWatch *)object;

  vigil_list_watch_set_model (self, NULL);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  G_OBJECT_CLASS (vigil_list_watch_parent_class)->dispose (object);
}

static void
vigil_list_watch_finalize (GObject *object)
{
  VigilListWatch *self = (VigilListWatch *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->properties, g_strfreev);

  G_OBJECT_CLASS (vigil_list_watch_parent_class)->finalize (object);
}

static void
vigil_list_watch_class_init (VigilListWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_list_watch_dispose;
  object_class->finalize = vigil_list_watch_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vigil_list_watch_init (VigilListWatch *self)
{
  self->items = g_ptr_array_new ();
}
