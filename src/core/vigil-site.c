/* vigil-site.c — every panel behind one gateway, kept true
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-site"

#include <glib/gi18n-lib.h>

#include "vigil-site.h"

#define PAGE_SIZE 64

struct _VigilSite
{
  GObject parent_instance;

  VigilClient *client;
  VigilEventStream *stream;
  GListStore *panels;
  GHashTable *by_index;          /* dev_index → VigilPanel (borrowed from the store) */

  gboolean loading;
  GDateTime *last_refresh;
  char *refresh_error;

  guint reconcile_interval;
  guint reconcile_id;
  GCancellable *cancellable;     /* cancelled on dispose */
  gboolean refresh_queued;
};

G_DEFINE_FINAL_TYPE (VigilSite, vigil_site, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_PANELS,
  PROP_LOADING,
  PROP_LAST_REFRESH,
  PROP_REFRESH_ERROR,
  PROP_RECONCILE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_reconcile (VigilSite *self);

/* ---- one panel's status: partitions, zones, peripherals ---- */

typedef struct
{
  VigilPanel *panel;
  guint step;
} PanelRead;

static void
panel_read_free (PanelRead *read)
{
  g_clear_object (&read->panel);
  g_free (read);
}

static void panel_read_step (GTask *task);

static void
on_panel_part (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PanelRead *read = g_task_get_task_data (task);
  VigilClient *client = VIGIL_CLIENT (source);
  g_autoptr(GError) error = NULL;

  switch (read->step)
    {
    case 0:
      {
        g_autoptr(GPtrArray) partitions = vigil_client_get_partitions_finish (client, result, &error);
        if (partitions != NULL)
          vigil_panel_apply_partitions (read->panel, partitions);
      }
      break;
    case 1:
      {
        g_autoptr(GPtrArray) zones = vigil_client_get_zones_finish (client, result, &error);
        if (zones != NULL)
          vigil_panel_apply_zones (read->panel, zones);
      }
      break;
    case 2:
    default:
      {
        g_autoptr(VigilPeripherals) peripherals = vigil_client_get_peripherals_finish (client, result, &error);
        if (peripherals != NULL)
          vigil_panel_apply_peripherals (read->panel, peripherals);
      }
      break;
    }

  if (error != NULL)
    {
      /* The lists keep the last values read; the panel says they may be stale and why. */
      vigil_panel_set_status_error (read->panel, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  read->step++;
  if (read->step == 3)
    {
      vigil_panel_set_status_error (read->panel, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  panel_read_step (g_steal_pointer (&task));
}

static void
panel_read_step (GTask *task)
{
  VigilSite *self = g_task_get_source_object (task);
  PanelRead *read = g_task_get_task_data (task);
  const char *dev_index = vigil_panel_get_dev_index (read->panel);
  GCancellable *cancellable = g_task_get_cancellable (task);

  switch (read->step)
    {
    case 0:
      vigil_client_get_partitions_async (self->client, dev_index, cancellable, on_panel_part, task);
      break;
    case 1:
      vigil_client_get_zones_async (self->client, dev_index, cancellable, on_panel_part, task);
      break;
    default:
      vigil_client_get_peripherals_async (self->client, dev_index, cancellable, on_panel_part, task);
      break;
    }
}

void
vigil_site_refresh_panel_async (VigilSite           *self,
                                VigilPanel          *panel,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  PanelRead *read;

  g_return_if_fail (VIGIL_IS_SITE (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_site_refresh_panel_async);
  read = g_new0 (PanelRead, 1);
  read->panel = g_object_ref (panel);
  g_task_set_task_data (task, read, (GDestroyNotify) panel_read_free);
  panel_read_step (task);
}

gboolean
vigil_site_refresh_panel_finish (VigilSite     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the sweep: device list pages, then every panel with bounded concurrency ---- */

typedef struct
{
  GPtrArray *entries;            /* VigilDeviceEntry from every page */
  gint64 position;
  GQueue pending;                /* VigilPanel to read */
  guint in_flight;
  guint failed;
} Sweep;

static void
sweep_free (Sweep *sweep)
{
  g_clear_pointer (&sweep->entries, g_ptr_array_unref);
  g_queue_clear_full (&sweep->pending, g_object_unref);
  g_free (sweep);
}

static void
set_loading (VigilSite *self,
             gboolean   loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_refresh_error (VigilSite  *self,
                   const char *message)
{
  if (g_strcmp0 (self->refresh_error, message) == 0)
    return;
  g_free (self->refresh_error);
  self->refresh_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_ERROR]);
}

static void
finish_sweep (GTask  *task,
              GError *error)
{
  VigilSite *self = g_task_get_source_object (task);

  set_loading (self, FALSE);
  set_refresh_error (self, error ? error->message : NULL);
  if (error == NULL)
    {
      g_clear_pointer (&self->last_refresh, g_date_time_unref);
      self->last_refresh = g_date_time_new_now_utc ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REFRESH]);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);

  schedule_reconcile (self);
}

static void sweep_next (GTask *task);

static void
on_sweep_panel_read (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sweep *sweep = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  sweep->in_flight--;
  if (!vigil_site_refresh_panel_finish (VIGIL_SITE (source), result, &error))
    {
      if (g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED) ||
          g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED) ||
          g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED))
        {
          /* Stop at once: the remaining panels would only be refused too. */
          g_queue_clear_full (&sweep->pending, g_object_unref);
        }
      sweep->failed++;
    }

  sweep_next (g_steal_pointer (&task));
}

static void
sweep_next (GTask *task)
{
  VigilSite *self = g_task_get_source_object (task);
  Sweep *sweep = g_task_get_task_data (task);

  while (sweep->in_flight < VIGIL_SITE_SWEEP_CONCURRENCY && !g_queue_is_empty (&sweep->pending))
    {
      g_autoptr(VigilPanel) panel = g_queue_pop_head (&sweep->pending);

      sweep->in_flight++;
      vigil_site_refresh_panel_async (self, panel, g_task_get_cancellable (task),
                                      on_sweep_panel_read, g_object_ref (task));
    }

  if (sweep->in_flight == 0 && g_queue_is_empty (&sweep->pending))
    {
      if (sweep->failed > 0 && vigil_client_get_credentials_rejected (self->client))
        finish_sweep (task, g_error_new_literal (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED,
                                                 _("The gateway rejected the credentials.")));
      else
        finish_sweep (task, NULL);
      g_object_unref (task);
    }
  else
    g_object_unref (task);
}

static gboolean
is_panel (const VigilDeviceEntry *entry)
{
  /* The overview shows security control panels; cameras on the same gateway are the devices
   * view's business. */
  return entry->dev_index != NULL &&
         (entry->dev_type == NULL || g_ascii_strcasecmp (entry->dev_type, "SecurityCP") == 0);
}

static void
apply_device_list (VigilSite *self,
                   Sweep     *sweep)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sweep->entries->len; i++)
    {
      VigilDeviceEntry *entry = g_ptr_array_index (sweep->entries, i);
      VigilPanel *panel;

      if (!is_panel (entry) || g_hash_table_contains (seen, entry->dev_index))
        continue;
      g_hash_table_add (seen, entry->dev_index);

      panel = g_hash_table_lookup (self->by_index, entry->dev_index);
      if (panel == NULL)
        {
          g_autoptr(VigilPanel) created = vigil_panel_new (entry->dev_index);

          vigil_panel_apply_entry (created, entry);
          g_hash_table_insert (self->by_index, g_strdup (entry->dev_index), created);
          g_list_store_append (self->panels, created);
          panel = created;
        }
      else
        vigil_panel_apply_entry (panel, entry);

      if (vigil_panel_get_online (panel))
        g_queue_push_tail (&sweep->pending, g_object_ref (panel));
      else
        vigil_panel_set_status_error (panel, _("The panel is offline: the last known state is shown."));
    }

  /* Panels no longer on the gateway leave the screen. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->panels)); i > 0; i--)
    {
      g_autoptr(VigilPanel) panel = g_list_model_get_item (G_LIST_MODEL (self->panels), i - 1);

      if (!g_hash_table_contains (seen, vigil_panel_get_dev_index (panel)))
        {
          g_hash_table_remove (self->by_index, vigil_panel_get_dev_index (panel));
          g_list_store_remove (self->panels, i - 1);
        }
    }
}

static void request_page (GTask *task);

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilSite *self = g_task_get_source_object (task);
  Sweep *sweep = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSearchResult) page = NULL;
  guint n;

  page = vigil_client_search_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (page == NULL)
    {
      finish_sweep (task, g_steal_pointer (&error));
      return;
    }

  n = page->devices->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sweep->entries, g_ptr_array_index (page->devices, i));
  g_ptr_array_set_free_func (page->devices, NULL);
  sweep->position += n;

  /* Another page while the gateway says there are more (and this page was not empty). */
  if (n > 0 && page->has_total_matches && sweep->position < page->total_matches)
    {
      request_page (g_steal_pointer (&task));
      return;
    }

  apply_device_list (self, sweep);
  sweep_next (g_steal_pointer (&task));
}

static void
request_page (GTask *task)
{
  VigilSite *self = g_task_get_source_object (task);
  Sweep *sweep = g_task_get_task_data (task);
  g_autoptr(VigilSearchDescription) search = vigil_search_description_new ();

  search->position = sweep->position;
  search->has_position = TRUE;
  search->max_result = PAGE_SIZE;
  search->has_max_result = TRUE;

  vigil_client_search_devices_async (self->client, search, g_task_get_cancellable (task),
                                     on_page, task);
}

void
vigil_site_refresh_async (VigilSite           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Sweep *sweep;

  g_return_if_fail (VIGIL_IS_SITE (self));

  g_clear_handle_id (&self->reconcile_id, g_source_remove);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_site_refresh_async);
  sweep = g_new0 (Sweep, 1);
  sweep->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_entry_free);
  g_queue_init (&sweep->pending);
  g_task_set_task_data (task, sweep, (GDestroyNotify) sweep_free);

  set_loading (self, TRUE);
  request_page (task);
}

gboolean
vigil_site_refresh_finish (VigilSite     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- live events and reconciliation ---- */

static void
on_background_refresh (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_site_refresh_finish (VIGIL_SITE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("reconciliation read failed: %s", error->message);
}

static void
refresh_in_background (VigilSite *self)
{
  if (self->loading)
    {
      /* One more when this one ends, so nothing changed meanwhile is missed. */
      self->refresh_queued = TRUE;
      return;
    }
  vigil_site_refresh_async (self, self->cancellable, on_background_refresh, NULL);
}

static gboolean
on_reconcile (gpointer user_data)
{
  VigilSite *self = user_data;

  self->reconcile_id = 0;
  refresh_in_background (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconcile (VigilSite *self)
{
  g_clear_handle_id (&self->reconcile_id, g_source_remove);

  if (self->refresh_queued)
    {
      self->refresh_queued = FALSE;
      self->reconcile_id = g_idle_add (on_reconcile, self);
      return;
    }

  if (self->reconcile_interval > 0 && !vigil_client_get_credentials_rejected (self->client))
    self->reconcile_id = g_timeout_add_seconds (self->reconcile_interval, on_reconcile, self);
}

static void
on_panel_refreshed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_site_refresh_panel_finish (VIGIL_SITE (source), result, &error))
    g_debug ("panel read failed: %s", error->message);
}

static void
on_stream_event (VigilEventStream *stream,
                 VigilEvent       *event,
                 VigilSite        *self)
{
  VigilPanel *panel;

  if (event->type == VIGIL_EVENT_LINK_RESTORED)
    {
      /* Whatever happened while the link was down, read it now. */
      refresh_in_background (self);
      return;
    }

  if (event->dev_index == NULL)
    return;

  panel = g_hash_table_lookup (self->by_index, event->dev_index);
  if (panel == NULL)
    {
      /* A panel we have not seen: the device list changed. */
      if (event->type != VIGIL_EVENT_HEARTBEAT)
        refresh_in_background (self);
      return;
    }

  vigil_panel_apply_event (panel, event);

  /* Back online: what it shows now may differ from before it left. */
  if (event->type == VIGIL_EVENT_DEV_STATUS_CHANGED && vigil_panel_get_online (panel))
    vigil_site_refresh_panel_async (self, panel, self->cancellable, on_panel_refreshed, NULL);
}

void
vigil_site_set_stream (VigilSite        *self,
                       VigilEventStream *stream)
{
  g_return_if_fail (VIGIL_IS_SITE (self));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    g_signal_connect_object (stream, "event", G_CALLBACK (on_stream_event), self, 0);
}

void
vigil_site_set_reconcile_interval (VigilSite *self,
                                   guint      seconds)
{
  g_return_if_fail (VIGIL_IS_SITE (self));

  if (self->reconcile_interval == seconds)
    return;
  self->reconcile_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONCILE_INTERVAL]);
  if (!self->loading)
    schedule_reconcile (self);
}

guint        vigil_site_get_reconcile_interval (VigilSite *self) { return self->reconcile_interval; }
VigilClient *vigil_site_get_client (VigilSite *self) { return self->client; }
GListModel  *vigil_site_get_panels (VigilSite *self) { return G_LIST_MODEL (self->panels); }
gboolean     vigil_site_get_loading (VigilSite *self) { return self->loading; }
GDateTime   *vigil_site_get_last_refresh (VigilSite *self) { return self->last_refresh; }
const char  *vigil_site_get_refresh_error (VigilSite *self) { return self->refresh_error; }

VigilPanel *
vigil_site_lookup_panel (VigilSite  *self,
                         const char *dev_index)
{
  g_return_val_if_fail (VIGIL_IS_SITE (self), NULL);
  return dev_index ? g_hash_table_lookup (self->by_index, dev_index) : NULL;
}

VigilSite *
vigil_site_new (VigilClient *client)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (client), NULL);
  return g_object_new (VIGIL_TYPE_SITE, "client", client, NULL);
}

static void
vigil_site_dispose (GObject *object)
{
  VigilSite *self = (VigilSite *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reconcile_id, g_source_remove);
  vigil_site_set_stream (self, NULL);

  G_OBJECT_CLASS (vigil_site_parent_class)->dispose (object);
}

static void
vigil_site_finalize (GObject *object)
{
  VigilSite *self = (VigilSite *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->panels);
  g_clear_pointer (&self->by_index, g_hash_table_unref);
  g_clear_pointer (&self->last_refresh, g_date_time_unref);
  g_clear_pointer (&self->refresh_error, g_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vigil_site_parent_class)->finalize (object);
}

static void
vigil_site_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VigilSite *self = VIGIL_SITE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:             g_value_set_object (value, self->client); break;
    case PROP_PANELS:             g_value_set_object (value, self->panels); break;
    case PROP_LOADING:            g_value_set_boolean (value, self->loading); break;
    case PROP_LAST_REFRESH:       g_value_set_boxed (value, self->last_refresh); break;
    case PROP_REFRESH_ERROR:      g_value_set_string (value, self->refresh_error); break;
    case PROP_RECONCILE_INTERVAL: g_value_set_uint (value, self->reconcile_interval); break;
    default:                      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_site_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VigilSite *self = VIGIL_SITE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_RECONCILE_INTERVAL:
      vigil_site_set_reconcile_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_site_class_init (VigilSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vigil_site_dispose;
  object_class->finalize = vigil_site_finalize;
  object_class->get_property = vigil_site_get_property;
  object_class->set_property = vigil_site_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, VIGIL_TYPE_CLIENT,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PANELS] = g_param_spec_object ("panels", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_LAST_REFRESH] = g_param_spec_boxed ("last-refresh", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_REFRESH_ERROR] = g_param_spec_string ("refresh-error", NULL, NULL, NULL, ro);
  properties[PROP_RECONCILE_INTERVAL] =
    g_param_spec_uint ("reconcile-interval", NULL, NULL, 0, 24 * 3600, VIGIL_SITE_DEFAULT_RECONCILE_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_site_init (VigilSite *self)
{
  self->panels = g_list_store_new (VIGIL_TYPE_PANEL);
  self->by_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reconcile_interval = VIGIL_SITE_DEFAULT_RECONCILE_INTERVAL;
  self->cancellable = g_cancellable_new ();
}
