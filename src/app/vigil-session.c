/* vigil-session.c — one signed-in gateway: its client, site and event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-session"

#include <glib/gi18n.h>

#include "vigil-list-watch.h"
#include "vigil-session.h"

struct _VigilSession
{
  GObject parent_instance;

  VigilClient *client;
  VigilSite *site;
  VigilEventStream *stream;
  VigilListWatch *alarm_watch;
  GCancellable *cancellable;

  char *operator_name;
  guint heartbeat_timeout;
  guint n_alarms;
  gboolean started;
};

G_DEFINE_FINAL_TYPE (VigilSession, vigil_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SITE,
  PROP_STREAM,
  PROP_OPERATOR,
  PROP_RECONCILE_INTERVAL,
  PROP_HEARTBEAT_TIMEOUT,
  PROP_N_ALARMS,
  N_PROPS
};

enum {
  ACTION_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  CONTROL_ARM,
  CONTROL_DISARM,
  CONTROL_CLEAR_ALARM,
  CONTROL_BYPASS,
  CONTROL_RELAYS,
  CONTROL_OUTPUT,
} ControlKind;

typedef struct
{
  ControlKind kind;
  VigilPanel *panel;
  const char *action;            /* a stable name for the audit log: "arm-away", … */
  char *target;                  /* what it was done to, for people */
  GError *error;                 /* the panel's answer, kept while the panel is read again */
} Control;

static void
control_free (Control *control)
{
  g_clear_object (&control->panel);
  g_clear_pointer (&control->target, g_free);
  g_clear_error (&control->error);
  g_free (control);
}

/* ---- the count of alarms in the header ---- */

static void
recount_alarms (VigilSession *self)
{
  GListModel *panels = vigil_site_get_panels (self->site);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (panels); i++)
    {
      g_autoptr(VigilPanel) panel = g_list_model_get_item (panels, i);
      n += vigil_panel_get_n_alarms (panel);
    }

  if (n == self->n_alarms)
    return;
  self->n_alarms = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALARMS]);
}

static void
on_panels_changed (GListModel   *panels,
                   guint         position,
                   guint         removed,
                   guint         added,
                   VigilSession *self)
{
  recount_alarms (self);
}

/* ---- life ---- */

static void
on_first_refresh (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The site keeps the message in its refresh-error property, which the overview shows. */
  if (!vigil_site_refresh_finish (VIGIL_SITE (source), result, &error))
    g_debug ("first read failed: %s", error->message);
}

void
vigil_session_start (VigilSession *self)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));

  if (self->started)
    return;
  self->started = TRUE;

  vigil_site_refresh_async (self->site, self->cancellable, on_first_refresh, NULL);
  vigil_event_stream_start (self->stream);
  vigil_site_set_stream (self->site, self->stream);
}

static void
on_stream_stopped (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_event_stream_stop_finish (VIGIL_EVENT_STREAM (source), result, &error))
    g_debug ("ending the subscription failed: %s", error->message);
}

void
vigil_session_stop (VigilSession *self)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));

  if (!self->started)
    return;
  self->started = FALSE;

  g_cancellable_cancel (self->cancellable);
  vigil_site_set_stream (self->site, NULL);
  vigil_site_set_reconcile_interval (self->site, 0);
  vigil_event_stream_stop_async (self->stream, NULL, on_stream_stopped, NULL);
}

/* ---- control actions ---- */

static void
on_control_reread (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilSession *self = g_task_get_source_object (task);
  Control *control = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A failed read shows on the panel (status-error); the action's own answer is what the
   * caller asked for. */
  if (!vigil_site_refresh_panel_finish (VIGIL_SITE (source), result, &error))
    g_debug ("re-read after %s failed: %s", control->action, error->message);

  g_signal_emit (self, signals[ACTION_FINISHED], 0,
                 control->panel, control->action, control->target, control->error);

  if (control->error != NULL)
    g_task_return_error (task, g_steal_pointer (&control->error));
  else
    g_task_return_boolean (task, TRUE);
}

static GError *
error_from_items (GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const VigilErrorItem *item = g_ptr_array_index (items, i);
      g_auto(VigilErrorDetails) details = { 0 };

      if (vigil_error_item_is_ok (item))
        continue;

      details.status_code = item->has_status_code ? (gint) item->status_code : 0;
      details.status_string = g_strdup (item->status_string);
      details.sub_status_code = g_strdup (item->sub_status_code);
      details.error_code = item->has_error_code ? (guint32) item->error_code : 0;
      details.error_msg = g_strdup (item->error_msg);
      return vigil_isapi_error_from_details (&details);
    }

  return NULL;
}

static void
on_control_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilSession *self = g_task_get_source_object (task);
  Control *control = g_task_get_task_data (task);
  VigilClient *client = VIGIL_CLIENT (source);
  g_autoptr(VigilResponseStatus) status = NULL;
  GError *error = NULL;

  switch (control->kind)
    {
    case CONTROL_ARM:
      status = vigil_client_arm_finish (client, result, &error);
      break;
    case CONTROL_DISARM:
      status = vigil_client_disarm_finish (client, result, &error);
      break;
    case CONTROL_CLEAR_ALARM:
      status = vigil_client_clear_alarm_finish (client, result, &error);
      break;
    case CONTROL_BYPASS:
      status = vigil_client_bypass_finish (client, result, &error);
      break;
    case CONTROL_OUTPUT:
      status = vigil_client_trigger_output_finish (client, result, &error);
      break;
    case CONTROL_RELAYS:
    default:
      {
        g_autoptr(GPtrArray) items = vigil_client_control_relays_finish (client, result, &error);
        if (error == NULL)
          error = error_from_items (items);
      }
      break;
    }

  control->error = error;
  vigil_site_refresh_panel_async (self->site, control->panel, NULL, on_control_reread,
                                  g_steal_pointer (&task));
}

static GTask *
control_task_new (VigilSession        *self,
                  ControlKind          kind,
                  VigilPanel          *panel,
                  const char          *action,
                  char                *target,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Control *control = g_new0 (Control, 1);

  control->kind = kind;
  control->panel = g_object_ref (panel);
  control->action = action;
  control->target = target;
  g_task_set_task_data (task, control, (GDestroyNotify) control_free);
  g_task_set_source_tag (task, control_task_new);
  return task;
}

char *
vigil_session_describe_partition (guint64 partition)
{
  if (partition == VIGIL_ALL_PARTITIONS)
    return g_strdup (_("All partitions"));
  return g_strdup_printf (_("Partition %u"), (guint) partition);
}

static char *
describe_ids (gboolean     relays,
              const guint *ids,
              guint        n_ids)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? ", " : "", ids[i]);

  if (relays)
    return g_strdup_printf (n_ids == 1 ? _("Relay %s") : _("Relays %s"), list->str);
  /* Translators: "Zone 3" or "Zones 3, 4, 7" */
  return g_strdup_printf (n_ids == 1 ? _("Zone %s") : _("Zones %s"), list->str);
}

void
vigil_session_arm_async (VigilSession        *self,
                         VigilPanel          *panel,
                         guint64              partition,
                         VigilArmMode         mode,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = control_task_new (self, CONTROL_ARM, panel, mode == VIGIL_ARM_AWAY ? "arm-away" : "arm-stay",
                           vigil_session_describe_partition (partition),
                           cancellable, callback, user_data);
  vigil_client_arm_async (self->client, vigil_panel_get_dev_index (panel), partition, mode,
                          cancellable, on_control_done, task);
}

void
vigil_session_disarm_async (VigilSession        *self,
                            VigilPanel          *panel,
                            guint64              partition,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = control_task_new (self, CONTROL_DISARM, panel, "disarm",
                           vigil_session_describe_partition (partition),
                           cancellable, callback, user_data);
  vigil_client_disarm_async (self->client, vigil_panel_get_dev_index (panel), partition,
                             cancellable, on_control_done, task);
}

void
vigil_session_clear_alarm_async (VigilSession        *self,
                                 VigilPanel          *panel,
                                 guint64              partition,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = control_task_new (self, CONTROL_CLEAR_ALARM, panel, "clear-alarm",
                           vigil_session_describe_partition (partition),
                           cancellable, callback, user_data);
  vigil_client_clear_alarm_async (self->client, vigil_panel_get_dev_index (panel), partition,
                                  cancellable, on_control_done, task);
}

void
vigil_session_bypass_async (VigilSession        *self,
                            VigilPanel          *panel,
                            const guint         *zones,
                            guint                n_zones,
                            gboolean             bypass,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));
  g_return_if_fail (zones != NULL && n_zones > 0);

  task = control_task_new (self, CONTROL_BYPASS, panel, bypass ? "bypass" : "restore-bypass",
                           describe_ids (FALSE, zones, n_zones),
                           cancellable, callback, user_data);
  vigil_client_bypass_async (self->client, vigil_panel_get_dev_index (panel), zones, n_zones,
                             bypass, cancellable, on_control_done, task);
}

void
vigil_session_control_relays_async (VigilSession        *self,
                                    VigilPanel          *panel,
                                    const guint         *relays,
                                    guint                n_relays,
                                    gboolean             open,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));
  g_return_if_fail (relays != NULL && n_relays > 0);

  task = control_task_new (self, CONTROL_RELAYS, panel, open ? "relay-open" : "relay-close",
                           describe_ids (TRUE, relays, n_relays),
                           cancellable, callback, user_data);
  vigil_client_control_relays_async (self->client, vigil_panel_get_dev_index (panel), relays,
                                     n_relays, open, cancellable, on_control_done, task);
}

void
vigil_session_trigger_output_async (VigilSession        *self,
                                    VigilPanel          *panel,
                                    guint                output,
                                    gboolean             high,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = control_task_new (self, CONTROL_OUTPUT, panel, high ? "output-high" : "output-low",
                           g_strdup_printf (_("Output %u"), output),
                           cancellable, callback, user_data);
  vigil_client_trigger_output_async (self->client, vigil_panel_get_dev_index (panel), output, high,
                                     cancellable, on_control_done, task);
}

gboolean
vigil_session_control_finish (VigilSession  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_panel_refreshed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (vigil_site_refresh_panel_finish (VIGIL_SITE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vigil_session_refresh_panel_async (VigilSession        *self,
                                   VigilPanel          *panel,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_PANEL (panel));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_session_refresh_panel_async);
  vigil_site_refresh_panel_async (self->site, panel, cancellable, on_panel_refreshed, task);
}

gboolean
vigil_session_refresh_panel_finish (VigilSession  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- properties ---- */

VigilClient      *vigil_session_get_client (VigilSession *self) { return self->client; }
VigilSite        *vigil_session_get_site   (VigilSession *self) { return self->site; }
VigilEventStream *vigil_session_get_stream (VigilSession *self) { return self->stream; }
const char       *vigil_session_get_operator (VigilSession *self) { return self->operator_name; }
guint             vigil_session_get_n_alarms (VigilSession *self) { return self->n_alarms; }
guint             vigil_session_get_heartbeat_timeout (VigilSession *self) { return self->heartbeat_timeout; }

guint
vigil_session_get_reconcile_interval (VigilSession *self)
{
  g_return_val_if_fail (VIGIL_IS_SESSION (self), 0);
  return vigil_site_get_reconcile_interval (self->site);
}

void
vigil_session_set_operator (VigilSession *self,
                            const char   *operator_name)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));

  if (g_strcmp0 (self->operator_name, operator_name) == 0)
    return;
  g_free (self->operator_name);
  self->operator_name = g_strdup (operator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERATOR]);
}

void
vigil_session_set_reconcile_interval (VigilSession *self,
                                      guint         seconds)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));

  if (vigil_site_get_reconcile_interval (self->site) == seconds)
    return;
  vigil_site_set_reconcile_interval (self->site, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONCILE_INTERVAL]);
}

void
vigil_session_set_heartbeat_timeout (VigilSession *self,
                                     guint         seconds)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));

  if (self->heartbeat_timeout == seconds)
    return;
  self->heartbeat_timeout = seconds;
  vigil_event_stream_set_heartbeat_timeout (self->stream, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEARTBEAT_TIMEOUT]);
}

VigilSession *
vigil_session_new (VigilClient *client)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (client), NULL);
  return g_object_new (VIGIL_TYPE_SESSION, "client", client, NULL);
}

static void
vigil_session_constructed (GObject *object)
{
  VigilSession *self = (VigilSession *)object;
  static const char * const watched[] = { "n-alarms", NULL };

  G_OBJECT_CLASS (vigil_session_parent_class)->constructed (object);

  self->site = vigil_site_new (self->client);
  self->stream = vigil_event_stream_new (self->client);
  vigil_event_stream_set_heartbeat_timeout (self->stream, self->heartbeat_timeout);

  self->alarm_watch = vigil_list_watch_new (watched);
  g_signal_connect_object (self->alarm_watch, "changed", G_CALLBACK (recount_alarms), self,
                           G_CONNECT_SWAPPED);
  vigil_list_watch_set_model (self->alarm_watch, vigil_site_get_panels (self->site));
  g_signal_connect_object (vigil_site_get_panels (self->site), "items-changed",
                           G_CALLBACK (on_panels_changed), self, 0);
}

static void
vigil_session_dispose (GObject *object)
{
  VigilSession *self = (VigilSession *)object;

  vigil_session_stop (self);
  g_cancellable_cancel (self->cancellable);
  if (self->alarm_watch != NULL)
    vigil_list_watch_set_model (self->alarm_watch, NULL);
  g_clear_object (&self->alarm_watch);
  if (self->site != NULL)
    g_object_run_dispose (G_OBJECT (self->site));

  G_OBJECT_CLASS (vigil_session_parent_class)->dispose (object);
}

static void
vigil_session_finalize (GObject *object)
{
  VigilSession *self = (VigilSession *)object;

  g_clear_object (&self->site);
  g_clear_object (&self->stream);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (vigil_session_parent_class)->finalize (object);
}

static void
vigil_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigilSession *self = VIGIL_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:             g_value_set_object (value, self->client); break;
    case PROP_SITE:               g_value_set_object (value, self->site); break;
    case PROP_STREAM:             g_value_set_object (value, self->stream); break;
    case PROP_OPERATOR:           g_value_set_string (value, self->operator_name); break;
    case PROP_RECONCILE_INTERVAL: g_value_set_uint (value, vigil_session_get_reconcile_interval (self)); break;
    case PROP_HEARTBEAT_TIMEOUT:  g_value_set_uint (value, self->heartbeat_timeout); break;
    case PROP_N_ALARMS:           g_value_set_uint (value, self->n_alarms); break;
    default:                      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilSession *self = VIGIL_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_OPERATOR:
      vigil_session_set_operator (self, g_value_get_string (value));
      break;
    case PROP_RECONCILE_INTERVAL:
      vigil_session_set_reconcile_interval (self, g_value_get_uint (value));
      break;
    case PROP_HEARTBEAT_TIMEOUT:
      vigil_session_set_heartbeat_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_session_class_init (VigilSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vigil_session_constructed;
  object_class->dispose = vigil_session_dispose;
  object_class->finalize = vigil_session_finalize;
  object_class->get_property = vigil_session_get_property;
  object_class->set_property = vigil_session_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, VIGIL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SITE] = g_param_spec_object ("site", NULL, NULL, VIGIL_TYPE_SITE, ro);
  properties[PROP_STREAM] = g_param_spec_object ("stream", NULL, NULL, VIGIL_TYPE_EVENT_STREAM, ro);
  properties[PROP_OPERATOR] = g_param_spec_string ("operator", NULL, NULL, NULL, rw);
  properties[PROP_RECONCILE_INTERVAL] =
    g_param_spec_uint ("reconcile-interval", NULL, NULL, 0, 24 * 3600,
                       VIGIL_SITE_DEFAULT_RECONCILE_INTERVAL, rw);
  properties[PROP_HEARTBEAT_TIMEOUT] =
    g_param_spec_uint ("heartbeat-timeout", NULL, NULL, 1, 3600,
                       VIGIL_EVENT_STREAM_DEFAULT_HEARTBEAT_TIMEOUT, rw);
  properties[PROP_N_ALARMS] = g_param_spec_uint ("n-alarms", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilSession::action-finished:
   * @panel: the panel acted on
   * @action: "arm-stay", "arm-away", "disarm", "clear-alarm", "bypass", "restore-bypass",
   *   "relay-open", "relay-close", "output-high" or "output-low"
   * @target: what it was done to, for people ("Partition 1", "Zones 3, 4")
   * @error: (nullable): the panel's refusal, NULL when it did it
   *
   * After every control action, once the panel was read again. The operator on duty is the
   * session's "operator".
   */
  signals[ACTION_FINISHED] =
    g_signal_new ("action-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  VIGIL_TYPE_PANEL, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
vigil_session_init (VigilSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->heartbeat_timeout = VIGIL_EVENT_STREAM_DEFAULT_HEARTBEAT_TIMEOUT;
}
