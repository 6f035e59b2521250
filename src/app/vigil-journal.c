/* vigil-journal.c — the console's record: the event store, the alarm queue, the audit log
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-journal"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vigil-journal.h"

/* Events that arrive while the store is still opening wait for it; a stream cannot deliver
 * more than this in the second or two that takes, unless something is badly wrong. */
#define MAX_WAITING_EVENTS 100000

struct _VigilJournal
{
  GObject parent_instance;

  char *path;
  VigilEventStore *store;
  VigilAlarmQueue *queue;
  char *error;
  GCancellable *cancellable;
  GPtrArray *waiting;           /* VigilEvent, arrived before the store was open */

  VigilSession *session;
  char *operator_name;
  gboolean shift_to_audit;      /* the operator changed before the store was open */

  /* What the store was last told, so it is told again only when a name changes. */
  GHashTable *told_names;       /* "dev" or "dev\nzone" → name */
};

G_DEFINE_FINAL_TYPE (VigilJournal, vigil_journal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STORE,
  PROP_QUEUE,
  PROP_ERROR,
  PROP_SESSION,
  PROP_OPERATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the audit log ---- */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* What the console does by itself on the operator's behalf (signing in, a control action
 * started before a name was given) is still recorded: under the login account, rather than
 * not at all. Acknowledging and closing insist on a name (the store refuses without one). */
static const char *
audit_operator (VigilJournal *self)
{
  return is_blank (self->operator_name) ? g_get_user_name () : self->operator_name;
}

static void
on_audited (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The store says why (a closed store at the very end of the application, a full disk); there
   * is no one to tell about a control action's record but the debug log. */
  if (vigil_event_store_audit_finish (VIGIL_EVENT_STORE (source), result, &error) <= 0)
    g_debug ("audit failed: %s", error ? error->message : "no row");
}

static void
audit (VigilJournal     *self,
       VigilAuditAction  action,
       const char       *target,
       const char       *result_text,
       const char       *gateway_answer)
{
  if (self->store == NULL)
    return;

  vigil_event_store_audit_async (self->store, audit_operator (self), action, target, result_text,
                                 gateway_answer, NULL, on_audited, NULL);
}

static gboolean
action_from_session (const char       *name,
                     VigilAuditAction *action)
{
  static const struct {
    const char *name;
    VigilAuditAction action;
  } actions[] = {
    { "arm-stay", VIGIL_AUDIT_ACTION_ARM_STAY },
    { "arm-away", VIGIL_AUDIT_ACTION_ARM_AWAY },
    { "disarm", VIGIL_AUDIT_ACTION_DISARM },
    { "clear-alarm", VIGIL_AUDIT_ACTION_CLEAR_ALARM },
    { "bypass", VIGIL_AUDIT_ACTION_BYPASS },
    { "restore-bypass", VIGIL_AUDIT_ACTION_UNBYPASS },
    { "relay-open", VIGIL_AUDIT_ACTION_RELAY },
    { "relay-close", VIGIL_AUDIT_ACTION_RELAY },
    { "output-high", VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT },
    { "output-low", VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (name, actions[i].name) == 0)
      {
        *action = actions[i].action;
        return TRUE;
      }

  return vigil_audit_action_from_string (name, action);
}

static void
on_action_finished (VigilJournal *self,
                    VigilPanel   *panel,
                    const char   *action_name,
                    const char   *target,
                    const GError *error,
                    VigilSession *session)
{
  VigilAuditAction action;
  g_autofree char *full_target = NULL;
  const char *panel_name;

  if (!action_from_session (action_name, &action))
    {
      g_debug ("no audit action for %s", action_name);
      return;
    }

  panel_name = vigil_panel_get_name (panel);
  if (panel_name == NULL || *panel_name == '\0')
    panel_name = vigil_panel_get_dev_index (panel);

  /* Which relay or output it was, and which way, is in the target for people. */
  full_target = g_strdup_printf ("%s: %s (%s)", panel_name, target ? target : "", action_name);
  audit (self, action, full_target, error ? "refused" : "done", error ? error->message : NULL);
}

static void
audit_shift_start (VigilJournal *self)
{
  if (self->store == NULL)
    {
      self->shift_to_audit = TRUE;
      return;
    }

  self->shift_to_audit = FALSE;
  audit (self, VIGIL_AUDIT_ACTION_SHIFT_START, NULL, "started", NULL);
}

/* ---- recording events ---- */

static VigilSite *
current_site (VigilJournal *self)
{
  return self->session != NULL ? vigil_session_get_site (self->session) : NULL;
}

const char *
vigil_journal_lookup_panel_name (VigilJournal *self,
                                 const char   *dev_index)
{
  VigilSite *site;
  VigilPanel *panel;
  const char *name;

  g_return_val_if_fail (VIGIL_IS_JOURNAL (self), NULL);

  if (dev_index == NULL || (site = current_site (self)) == NULL)
    return NULL;
  panel = vigil_site_lookup_panel (site, dev_index);
  name = panel != NULL ? vigil_panel_get_name (panel) : NULL;
  return name != NULL && *name != '\0' ? name : NULL;
}

const char *
vigil_journal_lookup_zone_name (VigilJournal *self,
                                const char   *dev_index,
                                gint          zone)
{
  VigilSite *site;
  VigilPanel *panel;
  VigilZone *found;
  const char *name;

  g_return_val_if_fail (VIGIL_IS_JOURNAL (self), NULL);

  if (dev_index == NULL || zone <= 0 || (site = current_site (self)) == NULL)
    return NULL;
  panel = vigil_site_lookup_panel (site, dev_index);
  found = panel != NULL ? vigil_panel_lookup_zone (panel, (guint) zone) : NULL;
  name = found != NULL ? vigil_zone_get_name (found) : NULL;
  return name != NULL && *name != '\0' ? name : NULL;
}

/* The store writes the names it was told with each event that follows, and searches them. */
static void
tell_names (VigilJournal *self,
            VigilEvent   *event)
{
  const char *panel_name;
  const char *zone_name;

  if (event->dev_index == NULL)
    return;

  panel_name = vigil_journal_lookup_panel_name (self, event->dev_index);
  if (panel_name != NULL &&
      g_strcmp0 (g_hash_table_lookup (self->told_names, event->dev_index), panel_name) != 0)
    {
      vigil_event_store_set_panel_name (self->store, event->dev_index, panel_name);
      g_hash_table_replace (self->told_names, g_strdup (event->dev_index), g_strdup (panel_name));
    }

  zone_name = vigil_journal_lookup_zone_name (self, event->dev_index, event->zone);
  if (zone_name != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%d", event->dev_index, event->zone);

      if (g_strcmp0 (g_hash_table_lookup (self->told_names, key), zone_name) != 0)
        {
          vigil_event_store_set_zone_name (self->store, event->dev_index, event->zone, zone_name);
          g_hash_table_replace (self->told_names, g_steal_pointer (&key), g_strdup (zone_name));
        }
    }
}

static void
record (VigilJournal *self,
        VigilEvent   *event)
{
  /* The queue shows an alarm the moment it is decoded; the store catches up. */
  vigil_alarm_queue_push (self->queue, event);
  tell_names (self, event);
  vigil_event_store_append (self->store, event);
}

static void
on_stream_event (VigilJournal     *self,
                 VigilEvent       *event,
                 VigilEventStream *stream)
{
  /* A heartbeat every ten seconds says only that the link lives: the link notes say when it
   * did not. Keeping them would bury the log (as `vigilctl events --store` does not by default). */
  if (event->type == VIGIL_EVENT_HEARTBEAT)
    return;

  if (self->store != NULL)
    {
      record (self, event);
      return;
    }

  if (self->waiting->len >= MAX_WAITING_EVENTS)
    {
      g_debug ("the store is not open yet; dropping an event");
      return;
    }
  g_ptr_array_add (self->waiting, vigil_event_ref (event));
}

static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilJournal) self = user_data;
  g_autoptr(GError) error = NULL;
  VigilEventStore *store = vigil_event_store_new_finish (result, &error);

  if (store == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Alarms still show on the panels; the operator must know they are not being kept. */
      g_free (self->error);
      self->error = g_strdup_printf (_("The event log at %s could not be opened: %s"), self->path,
                                     error->message);
      g_debug ("%s", self->error);
      g_ptr_array_set_size (self->waiting, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  self->store = store;
  self->queue = vigil_alarm_queue_new (store);

  for (guint i = 0; i < self->waiting->len; i++)
    record (self, g_ptr_array_index (self->waiting, i));
  g_ptr_array_set_size (self->waiting, 0);

  if (self->shift_to_audit)
    audit_shift_start (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

static void
open_store (VigilJournal *self)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  /* The log holds what happened on the customers' sites: for this user only. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      self->error = g_strdup_printf (_("The folder %s could not be created: %s"), dir,
                                     g_strerror (saved_errno));
      g_debug ("%s", self->error);
      return;
    }

  vigil_event_store_new_async (self->path, self->cancellable, on_store_opened, g_object_ref (self));
}

/* ---- public ---- */

char *
vigil_journal_dup_default_path (void)
{
  const char *from_env = g_getenv ("VIGIL_DB");

  /* The same file `vigilctl log` reads, and the same override. */
  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);
  return g_build_filename (g_get_user_data_dir (), "vigil", "events.db", NULL);
}

VigilJournal *
vigil_journal_new (const char *path)
{
  return g_object_new (VIGIL_TYPE_JOURNAL, "path", path, NULL);
}

const char      *vigil_journal_get_path     (VigilJournal *self) { return self->path; }
VigilEventStore *vigil_journal_get_store    (VigilJournal *self) { return self->store; }
VigilAlarmQueue *vigil_journal_get_queue    (VigilJournal *self) { return self->queue; }
const char      *vigil_journal_get_error    (VigilJournal *self) { return self->error; }
VigilSession    *vigil_journal_get_session  (VigilJournal *self) { return self->session; }
const char      *vigil_journal_get_operator (VigilJournal *self) { return self->operator_name; }

void
vigil_journal_audit (VigilJournal     *self,
                     VigilAuditAction  action,
                     const char       *target,
                     const GError     *error)
{
  g_return_if_fail (VIGIL_IS_JOURNAL (self));

  audit (self, action, target, error ? "refused" : "done", error ? error->message : NULL);
}

void
vigil_journal_set_session (VigilJournal *self,
                           VigilSession *session)
{
  g_return_if_fail (VIGIL_IS_JOURNAL (self));
  g_return_if_fail (session == NULL || VIGIL_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (vigil_session_get_stream (self->session), self);
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_clear_object (&self->session);
    }

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      g_signal_connect_object (vigil_session_get_stream (session), "event",
                               G_CALLBACK (on_stream_event), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "action-finished",
                               G_CALLBACK (on_action_finished), self, G_CONNECT_SWAPPED);
      audit (self, VIGIL_AUDIT_ACTION_LOGIN,
             vigil_client_get_base_uri (vigil_session_get_client (session)), "signed in", NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
vigil_journal_set_operator (VigilJournal *self,
                            const char   *operator_name)
{
  g_return_if_fail (VIGIL_IS_JOURNAL (self));

  if (g_strcmp0 (self->operator_name, operator_name) == 0)
    return;

  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
  if (!is_blank (operator_name))
    audit_shift_start (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

static gboolean
check_open (VigilJournal *self,
            GTask        *task)
{
  if (self->store != NULL)
    return TRUE;

  g_task_return_new_error (task, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED, "%s",
                           self->error ? self->error : _("The event log is still opening."));
  return FALSE;
}

static void
on_acknowledged (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (vigil_event_store_acknowledge_finish (VIGIL_EVENT_STORE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vigil_journal_acknowledge_async (VigilJournal        *self,
                                 gint64               event_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VIGIL_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_journal_acknowledge_async);
  if (!check_open (self, task))
    return;

  vigil_event_store_acknowledge_async (self->store, event_id, self->operator_name, cancellable,
                                       on_acknowledged, g_steal_pointer (&task));
}

gboolean
vigil_journal_acknowledge_finish (VigilJournal  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_alarm_closed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (vigil_event_store_close_alarm_finish (VIGIL_EVENT_STORE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vigil_journal_close_alarm_async (VigilJournal        *self,
                                 gint64               event_id,
                                 VigilResolution      resolution,
                                 const char          *note,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VIGIL_IS_JOURNAL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_journal_close_alarm_async);
  if (!check_open (self, task))
    return;

  vigil_event_store_close_alarm_async (self->store, event_id, self->operator_name, resolution,
                                       note, cancellable, on_alarm_closed, g_steal_pointer (&task));
}

gboolean
vigil_journal_close_alarm_finish (VigilJournal  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
vigil_journal_close (VigilJournal *self)
{
  g_return_if_fail (VIGIL_IS_JOURNAL (self));

  g_cancellable_cancel (self->cancellable);
  vigil_journal_set_session (self, NULL);
  if (self->store != NULL)
    vigil_event_store_close (self->store);
}

/* ---- GObject ---- */

static void
vigil_journal_constructed (GObject *object)
{
  VigilJournal *self = (VigilJournal *)object;

  G_OBJECT_CLASS (vigil_journal_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = vigil_journal_dup_default_path ();
  open_store (self);
}

static void
vigil_journal_dispose (GObject *object)
{
  VigilJournal *self = (VigilJournal *)object;

  g_cancellable_cancel (self->cancellable);
  vigil_journal_set_session (self, NULL);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_journal_parent_class)->dispose (object);
}

static void
vigil_journal_finalize (GObject *object)
{
  VigilJournal *self = (VigilJournal *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->told_names, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (vigil_journal_parent_class)->finalize (object);
}

static void
vigil_journal_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigilJournal *self = VIGIL_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:     g_value_set_string (value, self->path); break;
    case PROP_STORE:    g_value_set_object (value, self->store); break;
    case PROP_QUEUE:    g_value_set_object (value, self->queue); break;
    case PROP_ERROR:    g_value_set_string (value, self->error); break;
    case PROP_SESSION:  g_value_set_object (value, self->session); break;
    case PROP_OPERATOR: g_value_set_string (value, self->operator_name); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_journal_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilJournal *self = VIGIL_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:     self->path = g_value_dup_string (value); break;
    case PROP_SESSION:  vigil_journal_set_session (self, g_value_get_object (value)); break;
    case PROP_OPERATOR: vigil_journal_set_operator (self, g_value_get_string (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_journal_class_init (VigilJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vigil_journal_constructed;
  object_class->dispose = vigil_journal_dispose;
  object_class->finalize = vigil_journal_finalize;
  object_class->get_property = vigil_journal_get_property;
  object_class->set_property = vigil_journal_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_EVENT_STORE, ro);
  properties[PROP_QUEUE] = g_param_spec_object ("queue", NULL, NULL, VIGIL_TYPE_ALARM_QUEUE, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, VIGIL_TYPE_SESSION, rw);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_journal_init (VigilJournal *self)
{
  self->cancellable = g_cancellable_new ();
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_event_unref);
  self->told_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
