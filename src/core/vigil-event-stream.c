/* vigil-event-stream.c — the one long-lived subscription that carries every alarm
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subscription answer is a multipart/mixed body that never ends. Bytes go through
 * VigilMultipart, which hands over each part the moment it is complete (libsoup's own multipart
 * stream would hold every part back until the next boundary: a heartbeat late). Any part proves
 * the link alive; silence longer than the heartbeat timeout, an error or the end of the body
 * count as a lost link: the stream notes the loss, waits with exponential backoff and jitter,
 * subscribes again and notes the gap once the new subscription answers. A refused credential
 * stops everything: retrying would lock the user out. Each connection is one entry of the
 * client's protocol trace: its answer and the time to the first part, never the endless body.
 */
#define G_LOG_DOMAIN "vigil-event-stream"

#include <glib/gi18n-lib.h>

#include "vigil-event-stream.h"
#include "vigil-multipart.h"
#include "vigil-json.h"

#include <string.h>

#define READ_CHUNK (16 * 1024)
#define MAX_ERROR_BODY (64 * 1024)
/* Content keys remembered per connection; past this many the count starts over (see
 * number_repeated_content ()). */
#define MAX_CONTENT_KEYS 4096

struct _VigilEventStream
{
  GObject parent_instance;

  VigilClient *client;
  VigilSubscribeRequest *request;
  GHashTable *panel_zones;          /* dev_index → GTimeZone */

  VigilStreamState state;
  gint64 subscription_id;
  GDateTime *reconnect_at;
  GDateTime *offline_since;
  GError *last_error;
  guint64 n_events;

  guint heartbeat_timeout;
  guint backoff_initial_ms;
  guint backoff_max_ms;
  guint attempt;

  /* The connection in progress. */
  GCancellable *cancellable;
  SoupMessage *message;
  GInputStream *input;
  VigilMultipart *parser;
  GByteArray *error_body;
  gboolean got_first_part;
  gint64 started_us;                /* for the trace: when the subscription was sent */
  char *request_text;               /* for the trace: the subscription's body */
  guint64 n_bytes;                  /* for the trace: the answer's bytes so far */
  gboolean traced;                  /* this connection is in the trace */
  GHashTable *content_seen;         /* content dedup key → times seen on this connection */
  guint watchdog_id;
  guint retry_id;
  gboolean link_was_lost;           /* a LINK_LOST went out and its LINK_RESTORED has not */
};

G_DEFINE_FINAL_TYPE (VigilEventStream, vigil_event_stream, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VigilStreamState, vigil_stream_state,
                    G_DEFINE_ENUM_VALUE (VIGIL_STREAM_STOPPED, "stopped"),
                    G_DEFINE_ENUM_VALUE (VIGIL_STREAM_CONNECTING, "connecting"),
                    G_DEFINE_ENUM_VALUE (VIGIL_STREAM_ONLINE, "online"),
                    G_DEFINE_ENUM_VALUE (VIGIL_STREAM_WAITING, "waiting"),
                    G_DEFINE_ENUM_VALUE (VIGIL_STREAM_FAILED, "failed"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_SUBSCRIPTION_ID,
  PROP_RECONNECT_AT,
  PROP_OFFLINE_SINCE,
  PROP_N_EVENTS,
  N_PROPS
};

enum {
  EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void connect_now (VigilEventStream *self);

static void
set_state (VigilEventStream *self,
           VigilStreamState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_subscription_id (VigilEventStream *self,
                     gint64            id)
{
  if (self->subscription_id == id)
    return;
  self->subscription_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSCRIPTION_ID]);
}

static void
set_reconnect_at (VigilEventStream *self,
                  GDateTime        *when)
{
  if (self->reconnect_at == when)
    return;
  g_clear_pointer (&self->reconnect_at, g_date_time_unref);
  self->reconnect_at = when ? g_date_time_ref (when) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONNECT_AT]);
}

static void
set_offline_since (VigilEventStream *self,
                   GDateTime        *since)
{
  if (self->offline_since == since)
    return;
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  self->offline_since = since ? g_date_time_ref (since) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
}

static void
emit_event (VigilEventStream *self,
            VigilEvent       *event)
{
  self->n_events++;
  g_signal_emit (self, signals[EVENT], 0, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
}

static void
drop_connection (VigilEventStream *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->input);
  g_clear_object (&self->message);
  g_clear_pointer (&self->parser, vigil_multipart_free);
  g_clear_pointer (&self->error_body, g_byte_array_unref);
  self->got_first_part = FALSE;
  g_clear_pointer (&self->request_text, g_free);
  self->n_bytes = 0;
  self->traced = FALSE;
}

/* One trace entry per connection, made once its outcome is known: at the first part (the
 * subscription's answer), or with the refusal or the reason the link went before any part. */
static void
trace_connection (VigilEventStream *self,
                  const char       *body,
                  gsize             length,
                  const char       *error_message)
{
  VigilTrace *trace = vigil_client_get_trace (self->client);

  if (trace == NULL || self->traced || self->message == NULL)
    return;

  self->traced = TRUE;
  vigil_trace_add_exchange (trace, self->message, g_get_monotonic_time () - self->started_us,
                            self->request_text, self->request_text ? strlen (self->request_text) : 0,
                            body, length, error_message);
}

/* The stream never ends: the entry says so, with what had arrived by the first part, and
 * keeps that part (it carries the subscription's ID); events and heartbeats are left out. */
static void
trace_first_part (VigilEventStream *self,
                  GBytes           *body)
{
  GString *text;

  if (vigil_client_get_trace (self->client) == NULL || self->traced)
    return;

  text = g_string_new (NULL);
  g_string_append_printf (text, _("Event stream: recorded up to its first part, after %llu bytes; the events and heartbeats that follow are not recorded."),
                          (unsigned long long) self->n_bytes);
  if (body != NULL && g_bytes_get_size (body) > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append_len (text, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  trace_connection (self, text->str, text->len, NULL);
  g_string_free (text, TRUE);
}

static guint
next_delay_ms (VigilEventStream *self)
{
  guint64 delay = self->backoff_initial_ms;
  gdouble jitter;

  for (guint i = 1; i < self->attempt && delay < self->backoff_max_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->backoff_max_ms);

  /* ±20%, so a room full of consoles does not reconnect in lockstep after a gateway reboot. */
  jitter = g_random_double_range (0.8, 1.2);
  return (guint) MAX (1, delay * jitter);
}

static gboolean
on_retry (gpointer user_data)
{
  VigilEventStream *self = user_data;

  self->retry_id = 0;
  set_reconnect_at (self, NULL);
  connect_now (self);
  return G_SOURCE_REMOVE;
}

/* The link is gone: note it once, then try again after a while — unless the gateway refused
 * the credentials, which would only count down to a lockout. */
static void
link_lost (VigilEventStream *self,
           GError           *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean auth_failure;
  guint delay;

  auth_failure = g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED) ||
                 g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED) ||
                 g_error_matches (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED);

  g_debug ("link lost: %s", error ? error->message : "stream ended");
  trace_connection (self, NULL, 0, error ? error->message : NULL);
  drop_connection (self);
  g_clear_error (&self->last_error);
  self->last_error = error ? g_error_copy (error) : NULL;
  set_subscription_id (self, -1);

  if (!self->link_was_lost)
    {
      g_autoptr(VigilEvent) note = vigil_event_new_link_lost (now);

      self->link_was_lost = TRUE;
      set_offline_since (self, now);
      emit_event (self, note);
    }

  if (auth_failure)
    {
      set_state (self, VIGIL_STREAM_FAILED);
      return;
    }

  self->attempt++;
  delay = next_delay_ms (self);
  {
    g_autoptr(GDateTime) when = g_date_time_add (now, (GTimeSpan) delay * 1000);
    set_reconnect_at (self, when);
  }
  set_state (self, VIGIL_STREAM_WAITING);
  self->retry_id = g_timeout_add (delay, on_retry, self);
}

static gboolean
on_watchdog (gpointer user_data)
{
  VigilEventStream *self = user_data;
  g_autoptr(GError) error = NULL;

  self->watchdog_id = 0;
  error = g_error_new (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TIMEOUT,
                       _("No heartbeat from the gateway for %u seconds."), self->heartbeat_timeout);
  link_lost (self, error);
  return G_SOURCE_REMOVE;
}

static void
arm_watchdog (VigilEventStream *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  self->watchdog_id = g_timeout_add_seconds (self->heartbeat_timeout, on_watchdog, self);
}

static GTimeZone *
zone_for (VigilEventStream *self,
          const char       *dev_index)
{
  return dev_index ? g_hash_table_lookup (self->panel_zones, dev_index) : NULL;
}

/* The first part answers the subscription: {"SubscribeDeviceMgmtRsp":{"id":N}}. */
static gboolean
handle_subscribe_response (VigilEventStream *self,
                           GBytes           *body)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *rsp;
  gint64 id;

  root = vigil_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  rsp = vigil_json_object_get_object (json_node_get_object (root), "SubscribeDeviceMgmtRsp");
  if (rsp == NULL)
    return FALSE;

  if (vigil_json_object_get_int (rsp, "id", &id))
    set_subscription_id (self, id);
  return TRUE;
}

static void
link_established (VigilEventStream *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->attempt = 0;
  g_clear_error (&self->last_error);
  set_state (self, VIGIL_STREAM_ONLINE);

  if (self->link_was_lost)
    {
      g_autoptr(VigilEvent) note = vigil_event_new_link_restored (self->offline_since, now);

      self->link_was_lost = FALSE;
      set_offline_since (self, NULL);
      emit_event (self, note);
    }
}

/* An event without a UUID (devStatusChanged, for one) is keyed by its content, and its
 * dateTime has whole seconds: a panel that goes offline and back online twice within a second
 * sends the same "online" twice, and the store would keep only the first. Numbering the
 * repeats within one connection keeps them apart, while a gateway that replays the same
 * sequence on a new connection still produces the same keys, which the store drops. */
static void
number_repeated_content (VigilEventStream *self,
                         VigilEvent       *event)
{
  guint seen;

  if (event->dedup_key == NULL || !g_str_has_prefix (event->dedup_key, "content:"))
    return;

  if (g_hash_table_size (self->content_seen) >= MAX_CONTENT_KEYS)
    g_hash_table_remove_all (self->content_seen);

  seen = GPOINTER_TO_UINT (g_hash_table_lookup (self->content_seen, event->dedup_key)) + 1;
  g_hash_table_replace (self->content_seen, g_strdup (event->dedup_key), GUINT_TO_POINTER (seen));
  if (seen > 1)
    {
      char *numbered = g_strdup_printf ("%s#%u", event->dedup_key, seen);

      g_free (event->dedup_key);
      event->dedup_key = numbered;
    }
}

static void
handle_part (VigilEventStream   *self,
             VigilMultipartPart *part)
{
  const GError *part_error = vigil_multipart_part_get_error (part);
  GBytes *body = vigil_multipart_part_get_body (part);
  g_autoptr(VigilEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  arm_watchdog (self);

  if (!self->got_first_part)
    {
      self->got_first_part = TRUE;
      trace_first_part (self, body);
      link_established (self);
      if (part_error == NULL && handle_subscribe_response (self, body))
        return;
    }

  if (part_error != NULL)
    {
      event = vigil_event_new_stream_error (part_error->message,
                                            body ? g_bytes_get_data (body, NULL) : NULL,
                                            body ? g_bytes_get_size (body) : 0);
      emit_event (self, event);
      return;
    }

  event = vigil_event_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                             NULL, NULL, &error);
  if (event != NULL && event->time_zone_assumed && zone_for (self, event->dev_index) != NULL)
    {
      /* Read again in the panel's own zone now that we know which panel it is. */
      GTimeZone *tz = zone_for (self, event->dev_index);

      g_clear_pointer (&event, vigil_event_unref);
      event = vigil_event_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                 tz, NULL, &error);
    }

  if (event == NULL)
    {
      /* Not an event: keep what arrived, so nothing is silently dropped. */
      event = vigil_event_new_stream_error (error ? error->message : _("A part could not be read."),
                                            g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  else
    number_repeated_content (self, event);

  emit_event (self, event);
}

static void
drain_parts (VigilEventStream *self)
{
  VigilMultipartPart *part;

  while (self->parser != NULL && vigil_multipart_next_part (self->parser, &part))
    {
      g_autoptr(VigilMultipartPart) owned = part;
      handle_part (self, owned);
    }
}

static void on_read (GObject *source, GAsyncResult *result, gpointer user_data);

static void
read_next (VigilEventStream *self)
{
  g_input_stream_read_bytes_async (self->input, READ_CHUNK, G_PRIORITY_HIGH, self->cancellable,
                                   on_read, g_object_ref (self));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VigilEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  /* Dropped meanwhile (watchdog, stop): nothing more to do with this connection. */
  if (self->input != G_INPUT_STREAM (source))
    return;

  if (chunk == NULL)
    {
      drain_parts (self);
      link_lost (self, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_autoptr(GError) ended = NULL;

      vigil_multipart_finish (self->parser);
      drain_parts (self);
      if (self->input != G_INPUT_STREAM (source))
        return;
      ended = g_error_new_literal (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CONNECTION,
                                   _("The gateway closed the event stream."));
      link_lost (self, ended);
      return;
    }

  self->n_bytes += g_bytes_get_size (chunk);
  vigil_multipart_feed (self->parser, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  drain_parts (self);

  if (self->input == G_INPUT_STREAM (source))
    read_next (self);
}

/* Not a multipart answer: a refusal. Read it (bounded) and report it. */
static void
on_error_body_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (self->input != G_INPUT_STREAM (source))
    return;

  if (chunk != NULL && g_bytes_get_size (chunk) > 0 && self->error_body->len < MAX_ERROR_BODY)
    {
      g_byte_array_append (self->error_body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (self->input, READ_CHUNK, G_PRIORITY_DEFAULT, self->cancellable,
                                       on_error_body_read, g_object_ref (self));
      return;
    }

  {
    g_autoptr(GBytes) body = g_bytes_new (self->error_body->data, self->error_body->len);
    g_autoptr(GError) refusal = NULL;
    g_autoptr(JsonNode) root = NULL;

    trace_connection (self, (const char *) self->error_body->data, self->error_body->len, NULL);

    if (!vigil_client_check_message (self->client, self->message, body, NULL, &refusal))
      {
        link_lost (self, refusal);
        return;
      }

    root = vigil_json_parse ((const char *) self->error_body->data, self->error_body->len, NULL, NULL);
    if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
      {
        g_auto(VigilErrorDetails) details = { 0 };

        if (vigil_error_details_parse (json_node_get_object (root), 200, &details))
          refusal = vigil_isapi_error_from_details (&details);
      }
    if (refusal == NULL)
      refusal = g_error_new_literal (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                                     _("The gateway did not answer the subscription with an event stream."));
    link_lost (self, refusal);
  }
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VigilEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autofree char *boundary = NULL;
  const char *content_type;

  input = soup_session_send_finish (SOUP_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->state == VIGIL_STREAM_STOPPED)
    return;

  if (input == NULL)
    {
      g_autoptr(GError) mapped = NULL;

      vigil_client_check_message (self->client, self->message, NULL, error, &mapped);
      link_lost (self, mapped);
      return;
    }

  self->input = g_steal_pointer (&input);
  content_type = soup_message_headers_get_one (soup_message_get_response_headers (self->message),
                                               "Content-Type");
  boundary = content_type ? vigil_multipart_boundary_from_content_type (content_type) : NULL;

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (self->message)) || boundary == NULL)
    {
      self->error_body = g_byte_array_new ();
      g_input_stream_read_bytes_async (self->input, READ_CHUNK, G_PRIORITY_DEFAULT, self->cancellable,
                                       on_error_body_read, g_object_ref (self));
      return;
    }

  self->parser = vigil_multipart_new (boundary, 0);
  arm_watchdog (self);
  read_next (self);
}

static void
connect_now (VigilEventStream *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) wrapped = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  drop_connection (self);
  set_state (self, VIGIL_STREAM_CONNECTING);
  g_hash_table_remove_all (self->content_seen);

  self->message = vigil_client_prepare_message (self->client, "POST",
                                                "/ISAPI/Event/notification/subscribeDeviceMgmt?format=json",
                                                &error);
  if (self->message == NULL)
    {
      link_lost (self, error);
      return;
    }

  body = vigil_subscribe_request_to_json (self->request);
  wrapped = vigil_message_wrap ("SubscribeDeviceMgmt", body);
  text = vigil_json_to_string (wrapped, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  vigil_client_set_request_body (self->message, "application/json", bytes);
  self->request_text = g_steal_pointer (&text);
  self->started_us = g_get_monotonic_time ();

  self->cancellable = g_cancellable_new ();
  /* Until the headers are in, the ordinary timeout applies; then the watchdog takes over. */
  self->watchdog_id = g_timeout_add_seconds (MAX (vigil_client_get_timeout (self->client),
                                                  self->heartbeat_timeout),
                                             on_watchdog, self);

  soup_session_send_async (vigil_client_get_stream_session (self->client), self->message,
                           G_PRIORITY_HIGH, self->cancellable, on_sent, g_object_ref (self));
}

void
vigil_event_stream_start (VigilEventStream *self)
{
  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));

  if (self->state == VIGIL_STREAM_CONNECTING || self->state == VIGIL_STREAM_ONLINE)
    return;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_reconnect_at (self, NULL);
  self->attempt = 0;
  connect_now (self);
}

static void
on_unsubscribed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;

  status = vigil_client_unsubscribe_finish (VIGIL_CLIENT (source), result, &error);
  if (status == NULL)
    {
      /* The gateway ends the subscription itself when the connection closes; a failure to
       * say goodbye is worth a note, not a failure. */
      g_debug ("unsubscribe: %s", error->message);
    }
  g_task_return_boolean (task, TRUE);
}

void
vigil_event_stream_stop_async (VigilEventStream    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 id;

  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_event_stream_stop_async);

  id = self->subscription_id;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_state (self, VIGIL_STREAM_STOPPED);
  drop_connection (self);
  set_reconnect_at (self, NULL);
  set_subscription_id (self, -1);

  if (id < 0 || vigil_client_get_credentials_rejected (self->client))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  vigil_client_unsubscribe_async (self->client, id, cancellable, on_unsubscribed,
                                  g_steal_pointer (&task));
}

gboolean
vigil_event_stream_stop_finish (VigilEventStream  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

VigilEventStream *
vigil_event_stream_new (VigilClient *client)
{
  g_return_val_if_fail (VIGIL_IS_CLIENT (client), NULL);
  return g_object_new (VIGIL_TYPE_EVENT_STREAM, "client", client, NULL);
}

VigilClient *
vigil_event_stream_get_client (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), NULL);
  return self->client;
}

VigilStreamState
vigil_event_stream_get_state (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), VIGIL_STREAM_STOPPED);
  return self->state;
}

gint64
vigil_event_stream_get_subscription_id (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), -1);
  return self->subscription_id;
}

GDateTime *
vigil_event_stream_get_reconnect_at (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), NULL);
  return self->reconnect_at;
}

GDateTime *
vigil_event_stream_get_offline_since (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), NULL);
  return self->offline_since;
}

const GError *
vigil_event_stream_get_last_error (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), NULL);
  return self->last_error;
}

guint64
vigil_event_stream_get_n_events (VigilEventStream *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_STREAM (self), 0);
  return self->n_events;
}

void
vigil_event_stream_set_request (VigilEventStream            *self,
                                const VigilSubscribeRequest *request)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));
  g_return_if_fail (request != NULL);

  object = vigil_subscribe_request_to_json (request);
  g_clear_pointer (&self->request, vigil_subscribe_request_free);
  self->request = vigil_subscribe_request_from_json (object);
}

void
vigil_event_stream_set_heartbeat_timeout (VigilEventStream *self,
                                          guint             seconds)
{
  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));
  g_return_if_fail (seconds > 0);
  self->heartbeat_timeout = seconds;
}

void
vigil_event_stream_set_backoff (VigilEventStream *self,
                                guint             initial_ms,
                                guint             max_ms)
{
  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);
  self->backoff_initial_ms = initial_ms;
  self->backoff_max_ms = max_ms;
}

void
vigil_event_stream_set_panel_time_zone (VigilEventStream *self,
                                        const char       *dev_index,
                                        GTimeZone        *tz)
{
  g_return_if_fail (VIGIL_IS_EVENT_STREAM (self));
  g_return_if_fail (dev_index != NULL);

  if (tz != NULL)
    g_hash_table_replace (self->panel_zones, g_strdup (dev_index), g_time_zone_ref (tz));
  else
    g_hash_table_remove (self->panel_zones, dev_index);
}

static void
vigil_event_stream_dispose (GObject *object)
{
  VigilEventStream *self = (VigilEventStream *) object;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  drop_connection (self);

  G_OBJECT_CLASS (vigil_event_stream_parent_class)->dispose (object);
}

static void
vigil_event_stream_finalize (GObject *object)
{
  VigilEventStream *self = (VigilEventStream *) object;

  g_clear_object (&self->client);
  g_clear_pointer (&self->request, vigil_subscribe_request_free);
  g_clear_pointer (&self->panel_zones, g_hash_table_unref);
  g_clear_pointer (&self->content_seen, g_hash_table_unref);
  g_clear_pointer (&self->reconnect_at, g_date_time_unref);
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (vigil_event_stream_parent_class)->finalize (object);
}

static void
vigil_event_stream_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilEventStream *self = VIGIL_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SUBSCRIPTION_ID:
      g_value_set_int64 (value, self->subscription_id);
      break;
    case PROP_RECONNECT_AT:
      g_value_set_boxed (value, self->reconnect_at);
      break;
    case PROP_OFFLINE_SINCE:
      g_value_set_boxed (value, self->offline_since);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint64 (value, self->n_events);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_stream_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilEventStream *self = VIGIL_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_stream_class_init (VigilEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_event_stream_dispose;
  object_class->finalize = vigil_event_stream_finalize;
  object_class->get_property = vigil_event_stream_get_property;
  object_class->set_property = vigil_event_stream_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, VIGIL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VIGIL_TYPE_STREAM_STATE, VIGIL_STREAM_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBSCRIPTION_ID] =
    g_param_spec_int64 ("subscription-id", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECONNECT_AT] =
    g_param_spec_boxed ("reconnect-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE_SINCE] =
    g_param_spec_boxed ("offline-since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_EVENTS] =
    g_param_spec_uint64 ("n-events", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilEventStream::event:
   * @event: a #VigilEvent: from the gateway, or Vigil's own note (link lost, link restored
   *   with the gap, a part that could not be read)
   *
   * Emitted for every part the moment it is complete.
   */
  signals[EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VIGIL_TYPE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
vigil_event_stream_init (VigilEventStream *self)
{
  self->subscription_id = -1;
  self->heartbeat_timeout = VIGIL_EVENT_STREAM_DEFAULT_HEARTBEAT_TIMEOUT;
  self->backoff_initial_ms = 1000;
  self->backoff_max_ms = 60000;
  self->panel_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_time_zone_unref);
  self->content_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->request = vigil_subscribe_request_new ();
  self->request->event_mode = g_strdup ("all");
  self->request->defence_mode = g_strdup ("all");
}
