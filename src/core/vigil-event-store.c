/* vigil-event-store.c — every event, alarm and operator action, in SQLite
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-store"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-event-store-private.h"

/* Writes go to one writer thread (vigil-event-store-writer.c) with its own connection, through
 * a queue, so that appending never waits for the disk. Reads run in GTask threads on pooled
 * connections of their own: with WAL they see the last commit and never block the writer.
 * Results and signals come back to the main context the store was created in. */
struct _VigilEventStore
{
  GObject parent_instance;

  char *path;
  GMainContext *context;

  GMutex lock;               /* guards everything below */
  gboolean closed;
  VigilStoreWriter *writer;
  GQueue idle_readers;       /* sqlite3 * */
};

static void vigil_event_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilEventStore, vigil_event_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      vigil_event_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  COMMITTED,
  ALARM_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* At most this many idle reader connections are kept; more are closed when given back. */
#define MAX_IDLE_READERS 4

static GError *
closed_error (void)
{
  return g_error_new_literal (VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED,
                              _("The event database is closed."));
}

/* ---- Commits, back in the main context ---- */

static void
return_op (VigilStoreOp *op)
{
  g_autoptr(GTask) task = g_steal_pointer (&op->task);

  if (task == NULL)
    return;

  if (op->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&op->error));
      return;
    }

  switch (op->kind)
    {
    case VIGIL_STORE_OP_AUDIT:
      g_task_return_int (task, op->id);
      break;
    case VIGIL_STORE_OP_APPEND:
    case VIGIL_STORE_OP_FLUSH:
    case VIGIL_STORE_OP_ACKNOWLEDGE:
    case VIGIL_STORE_OP_CLOSE_ALARM:
    case VIGIL_STORE_OP_SET_VIDEO:
    case VIGIL_STORE_OP_PANEL_NAME:
    case VIGIL_STORE_OP_ZONE_NAME:
    case VIGIL_STORE_OP_QUIT:
    default:
      g_task_return_boolean (task, TRUE);
      break;
    }
}

static void
on_commit (GObject   *target,
           GPtrArray *ops)
{
  VigilEventStore *self = VIGIL_EVENT_STORE (target);
  g_autoptr(GArray) stored = g_array_new (FALSE, FALSE, sizeof (VigilStoredEvent));

  for (guint i = 0; i < ops->len; i++)
    {
      VigilStoreOp *op = g_ptr_array_index (ops, i);

      if (op->kind == VIGIL_STORE_OP_APPEND && op->error == NULL)
        {
          VigilStoredEvent item = { op->event, op->id, op->restores_id };

          g_array_append_val (stored, item);
        }
    }

  /* First what was stored, then what changed, then the callers: by the time an acknowledge
   * completes, every listener has seen its change. */
  if (stored->len > 0)
    g_signal_emit (self, signals[COMMITTED], 0, stored->data, stored->len);

  for (guint i = 0; i < ops->len; i++)
    {
      VigilStoreOp *op = g_ptr_array_index (ops, i);
      VigilAlarmChange change = { 0, };

      if (!op->changed)
        continue;

      change.event_id = op->id;
      change.acknowledged_by = op->acknowledged_by;
      change.acknowledged_at = op->acknowledged_at;
      change.ack_seconds = op->ack_seconds;
      if (op->kind == VIGIL_STORE_OP_CLOSE_ALARM)
        {
          change.state = VIGIL_ALARM_STATE_CLOSED;
          change.closed_by = op->operator_name;
          change.closed_at = op->at;
          change.resolution = op->resolution;
          change.note = op->note;
        }
      else
        change.state = VIGIL_ALARM_STATE_ACKNOWLEDGED;

      g_signal_emit (self, signals[ALARM_CHANGED], 0, &change);
    }

  for (guint i = 0; i < ops->len; i++)
    return_op (g_ptr_array_index (ops, i));
}

/* ---- Life cycle ---- */

static gboolean
vigil_event_store_initable_init (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  VigilEventStore *self = VIGIL_EVENT_STORE (initable);
  sqlite3 *db;
  VigilStoreWriter *writer;

  if (self->path == NULL)
    {
      g_set_error_literal (error, VIGIL_EVENT_STORE_ERROR,
                           VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
                           _("No path was given for the event database."));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = vigil_store_db_open_writer (self->path, error);
  if (db == NULL)
    return FALSE;

  writer = vigil_store_writer_new (db, self->context, G_OBJECT (self), on_commit, error);
  if (writer == NULL)
    return FALSE;

  g_mutex_lock (&self->lock);
  self->writer = writer;
  g_mutex_unlock (&self->lock);

  return TRUE;
}

static void
vigil_event_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = vigil_event_store_initable_init;
}

void
vigil_event_store_close (VigilEventStore *self)
{
  VigilStoreWriter *writer;
  sqlite3 *db;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  g_mutex_lock (&self->lock);
  self->closed = TRUE;
  writer = g_steal_pointer (&self->writer);
  g_mutex_unlock (&self->lock);

  /* Outside the lock: the writer commits everything queued before it ends. */
  vigil_store_writer_stop (writer);

  g_mutex_lock (&self->lock);
  while ((db = g_queue_pop_head (&self->idle_readers)) != NULL)
    vigil_store_db_close (db);
  g_mutex_unlock (&self->lock);
}

static void
vigil_event_store_dispose (GObject *object)
{
  vigil_event_store_close (VIGIL_EVENT_STORE (object));

  G_OBJECT_CLASS (vigil_event_store_parent_class)->dispose (object);
}

static void
vigil_event_store_finalize (GObject *object)
{
  VigilEventStore *self = (VigilEventStore *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vigil_event_store_parent_class)->finalize (object);
}

static void
vigil_event_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilEventStore *self = VIGIL_EVENT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilEventStore *self = VIGIL_EVENT_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_store_class_init (VigilEventStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_event_store_dispose;
  object_class->finalize = vigil_event_store_finalize;
  object_class->get_property = vigil_event_store_get_property;
  object_class->set_property = vigil_event_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilEventStore::committed:
   * @items: (array length=n_items): const VigilStoredEvent *, valid during the emission
   * @n_items: how many
   *
   * After each commit, in the store's main context, with the events of the batch in the
   * order they were appended. A duplicate has id 0.
   */
  signals[COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);

  /**
   * VigilEventStore::alarm-changed:
   * @change: const VigilAlarmChange *, valid during the emission
   *
   * An alarm was acknowledged or closed (after the commit).
   */
  signals[ALARM_CHANGED] =
    g_signal_new ("alarm-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
vigil_event_store_init (VigilEventStore *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->idle_readers);
  /* The store belongs to the context it is created in, even when its initialisation runs in
   * a worker thread (GAsyncInitable). */
  self->context = g_main_context_ref_thread_default ();
}

void
vigil_event_store_new_async (const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  g_async_initable_new_async (VIGIL_TYPE_EVENT_STORE, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data, "path", path, NULL);
}

VigilEventStore *
vigil_event_store_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *object;

  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);
  return object != NULL ? VIGIL_EVENT_STORE (object) : NULL;
}

VigilEventStore *
vigil_event_store_new_sync (const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (VIGIL_TYPE_EVENT_STORE, cancellable, error, "path", path, NULL);
}

const char *
vigil_event_store_get_path (VigilEventStore *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), NULL);

  return self->path;
}

/* ---- Writing ---- */

/* Hands @op to the writer; FALSE (and @op freed, its task refused) when the store is closed. */
static gboolean
push_op (VigilEventStore *self,
         VigilStoreOp    *op)
{
  g_mutex_lock (&self->lock);
  if (!self->closed && self->writer != NULL)
    {
      vigil_store_writer_push (self->writer, op);
      g_mutex_unlock (&self->lock);
      return TRUE;
    }
  g_mutex_unlock (&self->lock);

  if (op->task != NULL)
    g_task_return_error (op->task, closed_error ());
  vigil_store_op_free (op);
  return FALSE;
}

void
vigil_event_store_append (VigilEventStore *self,
                          VigilEvent      *event)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));
  g_return_if_fail (event != NULL);

  op = vigil_store_op_new (VIGIL_STORE_OP_APPEND);
  op->event = vigil_event_ref (event);
  if (!push_op (self, op))
    g_warning ("An event appended after the event database was closed was not stored");
}

void
vigil_event_store_set_panel_name (VigilEventStore *self,
                                  const char      *dev_index,
                                  const char      *name)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));
  g_return_if_fail (dev_index != NULL);

  op = vigil_store_op_new (VIGIL_STORE_OP_PANEL_NAME);
  op->dev_index = g_strdup (dev_index);
  op->name = g_strdup (name);
  push_op (self, op);
}

void
vigil_event_store_set_zone_name (VigilEventStore *self,
                                 const char      *dev_index,
                                 gint             zone,
                                 const char      *name)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));
  g_return_if_fail (dev_index != NULL);

  op = vigil_store_op_new (VIGIL_STORE_OP_ZONE_NAME);
  op->dev_index = g_strdup (dev_index);
  op->zone = zone;
  op->name = g_strdup (name);
  push_op (self, op);
}

static VigilStoreOp *
op_with_task (VigilEventStore     *self,
              VigilStoreOpKind     kind,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  VigilStoreOp *op = vigil_store_op_new (kind);

  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, source_tag);

  return op;
}

void
vigil_event_store_flush_async (VigilEventStore     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  push_op (self, op_with_task (self, VIGIL_STORE_OP_FLUSH, vigil_event_store_flush_async,
                               cancellable, callback, user_data));
}

gboolean
vigil_event_store_flush_finish (VigilEventStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
vigil_event_store_flush_sync (VigilEventStore  *self,
                              GError          **error)
{
  VigilStoreOp *op;
  GMutex mutex;
  GCond cond;
  gboolean done = FALSE;

  g_return_val_if_fail (VIGIL_IS_EVENT_STORE (self), FALSE);

  g_mutex_init (&mutex);
  g_cond_init (&cond);

  op = vigil_store_op_new (VIGIL_STORE_OP_FLUSH);
  op->mutex = &mutex;
  op->cond = &cond;
  op->done = &done;

  if (!push_op (self, op))
    {
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);
      g_propagate_error (error, closed_error ());
      return FALSE;
    }

  g_mutex_lock (&mutex);
  while (!done)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);

  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The audit log must say who did it: a name, as valid text. */
static gboolean
check_operator (GTask      *task,
                const char *operator_name)
{
  if (operator_name != NULL && g_utf8_validate (operator_name, -1, NULL)
      && !is_blank (operator_name))
    return TRUE;

  g_task_return_new_error (task, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
                           _("Every action needs the operator’s name."));
  return FALSE;
}

void
vigil_event_store_acknowledge_async (VigilEventStore     *self,
                                     gint64               alarm_event_id,
                                     const char          *operator_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  op = op_with_task (self, VIGIL_STORE_OP_ACKNOWLEDGE, vigil_event_store_acknowledge_async,
                     cancellable, callback, user_data);
  if (!check_operator (op->task, operator_name))
    {
      vigil_store_op_free (op);
      return;
    }

  op->id = alarm_event_id;
  op->operator_name = g_strdup (operator_name);
  push_op (self, op);
}

gboolean
vigil_event_store_acknowledge_finish (VigilEventStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
vigil_event_store_close_alarm_async (VigilEventStore     *self,
                                     gint64               alarm_event_id,
                                     const char          *operator_name,
                                     VigilResolution      resolution,
                                     const char          *note,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  op = op_with_task (self, VIGIL_STORE_OP_CLOSE_ALARM, vigil_event_store_close_alarm_async,
                     cancellable, callback, user_data);
  if (!check_operator (op->task, operator_name))
    {
      vigil_store_op_free (op);
      return;
    }

  if (vigil_resolution_to_string (resolution) == NULL || resolution == VIGIL_RESOLUTION_NONE)
    {
      g_task_return_new_error (op->task, VIGIL_EVENT_STORE_ERROR,
                               VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
                               _("Say how the alarm was resolved before closing it."));
      vigil_store_op_free (op);
      return;
    }

  op->id = alarm_event_id;
  op->operator_name = g_strdup (operator_name);
  op->resolution = resolution;
  op->note = note != NULL && *note != '\0' ? g_utf8_make_valid (note, -1) : NULL;
  push_op (self, op);
}

gboolean
vigil_event_store_close_alarm_finish (VigilEventStore  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
dup_valid (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

void
vigil_event_store_audit_async (VigilEventStore     *self,
                               const char          *operator_name,
                               VigilAuditAction     action,
                               const char          *target,
                               const char          *result_text,
                               const char          *gateway_answer,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  VigilStoreOp *op;
  const char *action_text;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  op = op_with_task (self, VIGIL_STORE_OP_AUDIT, vigil_event_store_audit_async,
                     cancellable, callback, user_data);
  if (!check_operator (op->task, operator_name))
    {
      vigil_store_op_free (op);
      return;
    }

  action_text = vigil_audit_action_to_string (action);
  if (action_text == NULL)
    {
      g_task_return_new_error (op->task, VIGIL_EVENT_STORE_ERROR,
                               VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
                               _("Unknown audit action %d."), action);
      vigil_store_op_free (op);
      return;
    }

  /* The gateway's answer is text from the network: kept as valid UTF-8 so that the hash
   * (computed over the stored text) reads back the same. */
  op->operator_name = g_strdup (operator_name);
  op->action = g_strdup (action_text);
  op->target = dup_valid (target);
  op->result_text = dup_valid (result_text);
  op->gateway_answer = dup_valid (gateway_answer);
  push_op (self, op);
}

gint64
vigil_event_store_audit_finish (VigilEventStore  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

static gboolean
is_sha256_hex (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

void
vigil_event_store_set_video_async (VigilEventStore     *self,
                                   gint64               event_id,
                                   const char          *local_file,
                                   const char          *sha256_hex,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  VigilStoreOp *op;

  g_return_if_fail (VIGIL_IS_EVENT_STORE (self));

  op = op_with_task (self, VIGIL_STORE_OP_SET_VIDEO, vigil_event_store_set_video_async,
                     cancellable, callback, user_data);
  if (local_file == NULL || !g_path_is_absolute (local_file) || !is_sha256_hex (sha256_hex))
    {
      g_task_return_new_error (op->task, VIGIL_EVENT_STORE_ERROR,
                               VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
                               _("A video needs an absolute file path and its SHA-256 in hex."));
      vigil_store_op_free (op);
      return;
    }

  op->id = event_id;
  op->file = g_strdup (local_file);
  op->sha256 = g_ascii_strdown (sha256_hex, -1);
  push_op (self, op);
}

gboolean
vigil_event_store_set_video_finish (VigilEventStore  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Reading ---- */

sqlite3 *
vigil_event_store_acquire_reader (VigilEventStore  *self,
                                  GError          **error)
{
  sqlite3 *db;
  gboolean closed;

  g_mutex_lock (&self->lock);
  closed = self->closed;
  db = closed ? NULL : g_queue_pop_head (&self->idle_readers);
  g_mutex_unlock (&self->lock);

  if (closed)
    {
      g_propagate_error (error, closed_error ());
      return NULL;
    }

  if (db == NULL)
    db = vigil_store_db_open_reader (self->path, error);

  return db;
}

void
vigil_event_store_release_reader (VigilEventStore *self,
                                  sqlite3         *db)
{
  gboolean keep;

  if (db == NULL)
    return;

  g_mutex_lock (&self->lock);
  keep = !self->closed && self->idle_readers.length < MAX_IDLE_READERS;
  if (keep)
    g_queue_push_head (&self->idle_readers, db);
  g_mutex_unlock (&self->lock);

  if (!keep)
    vigil_store_db_close (db);
}
