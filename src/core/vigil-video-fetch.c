/* vigil-video-fetch.c — downloading an alarm's verification clip from the gateway (§7.2, §8.6)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-fetch"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-error.h"
#include "vigil-json.h"
#include "vigil-video-fetch.h"

#define CHUNK_SIZE     (64 * 1024)
/* A JSON answer where a video was expected is an error report; it is never large. */
#define MAX_JSON_BODY  (64 * 1024)
/* Attempts in a row that bring no new byte before we give up. */
#define MAX_STALLS     3

struct _VigilVideoFetch
{
  GObject parent_instance;

  VigilClient *client;
  char        *uri;
  gint64       bytes_done;
  gint64       bytes_total;
  guint        n_resumes;
  char        *sha256;
  char        *content_type;
  gboolean     started;
};

G_DEFINE_FINAL_TYPE (VigilVideoFetch, vigil_video_fetch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_URI,
  PROP_BYTES_DONE,
  PROP_BYTES_TOTAL,
  PROP_N_RESUMES,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GFile         *destination;
  GFile         *part;
  GOutputStream *out;
  gboolean       own_stream;    /* ours to close (the .part file) */
  GChecksum     *checksum;
  SoupMessage   *message;
  GInputStream  *body;
  GByteArray    *json;          /* a JSON answer being read, to tell a refusal */
  gboolean       resumable;
  gint64         progress_mark; /* bytes_done when the current attempt started */
  guint          stalls;
  gint64         started_us;    /* for the trace: when the current request was sent */
  gint64         request_bytes; /* for the trace: what the current answer brought */
  gboolean       traced;        /* the current request is in the trace */
} FetchOp;

static void
fetch_op_free (gpointer data)
{
  FetchOp *op = data;

  g_clear_object (&op->destination);
  g_clear_object (&op->part);
  g_clear_object (&op->out);
  g_clear_pointer (&op->checksum, g_checksum_free);
  g_clear_object (&op->message);
  g_clear_object (&op->body);
  g_clear_pointer (&op->json, g_byte_array_unref);
  g_free (op);
}

static void start_request (GTask *task);
static void read_next     (GTask *task);

/* Each request of a download is one entry of the client's protocol trace, made when it ends:
 * the URI (the trace redacts a token in its query), status, duration and size. The clip's
 * bytes are never recorded; a JSON answer (a refusal) is. */
static void
trace_request (GTask        *task,
               GBytes       *json,
               const GError *error)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  VigilTrace *trace = vigil_client_get_trace (self->client);
  g_autofree char *note = NULL;

  if (trace == NULL || op->message == NULL || op->traced)
    return;
  op->traced = TRUE;

  if (json != NULL)
    {
      vigil_trace_add_exchange (trace, op->message, g_get_monotonic_time () - op->started_us, NULL, 0,
                                g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                error ? error->message : NULL);
      return;
    }

  if (soup_message_get_status (op->message) != 0)
    {
      const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (op->message), NULL);

      if (self->bytes_total >= 0)
        note = g_strdup_printf (_("Video clip (%s): %lld bytes in this answer, %lld of %lld in all; the clip itself is not recorded."),
                                type ? type : "?", (long long) op->request_bytes,
                                (long long) self->bytes_done, (long long) self->bytes_total);
      else
        note = g_strdup_printf (_("Video clip (%s): %lld bytes in this answer; the clip itself is not recorded."),
                                type ? type : "?", (long long) op->request_bytes);
    }
  vigil_trace_add_exchange (trace, op->message, g_get_monotonic_time () - op->started_us, NULL, 0,
                            note, note ? strlen (note) : 0, error ? error->message : NULL);
}

static void
set_bytes (VigilVideoFetch *self,
           gint64           done,
           gint64           total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->bytes_done != done)
    {
      self->bytes_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_DONE]);
    }
  if (self->bytes_total != total)
    {
      self->bytes_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES_TOTAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Fails the task; a .part file of ours goes away (a half clip is no evidence). */
static void
fail (GTask  *task,
      GError *error)
{
  FetchOp *op = g_task_get_task_data (task);

  trace_request (task, NULL, error);
  if (op->own_stream && op->out != NULL)
    g_output_stream_close (op->out, NULL, NULL);
  if (op->part != NULL)
    g_file_delete (op->part, NULL, NULL);
  g_task_return_error (task, error);
}

static gboolean
is_json (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  return type != NULL && (g_ascii_strcasecmp (type, "application/json") == 0 ||
                          g_ascii_strcasecmp (type, "text/json") == 0);
}

/* A JSON_ResponseStatus that is not ok in @body, as the gateway's refusal; NULL otherwise. */
static GError *
response_status_error (GBytes *body,
                       guint   http_status)
{
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (body == NULL || g_bytes_get_size (body) == 0)
    return NULL;

  root = vigil_json_parse (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  if (!vigil_error_details_parse (json_node_get_object (root), http_status, &details))
    return NULL;
  if (details.status_code == 1 &&
      (details.sub_status_code == NULL || g_ascii_strcasecmp (details.sub_status_code, "ok") == 0))
    return NULL;

  return vigil_isapi_error_from_details (&details);
}

static GError *
stopped_error (VigilVideoFetch *self)
{
  if (self->bytes_total >= 0)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                        _("The download stopped after %lld of %lld bytes."),
                        (long long) self->bytes_done, (long long) self->bytes_total);
  return g_error_new (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                      _("The download stopped after %lld bytes."), (long long) self->bytes_done);
}

/* The connection dropped short of the end: ask for the rest, unless it keeps failing. */
static void
resume_or_fail (GTask  *task,
                GError *error)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);

  trace_request (task, NULL, error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !op->resumable ||
      self->bytes_total < 0 || self->bytes_done >= self->bytes_total)
    {
      if (error == NULL)
        error = stopped_error (self);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("The download stopped after %lld bytes: "), (long long) self->bytes_done);
      fail (task, error);
      return;
    }

  if (self->bytes_done > op->progress_mark)
    op->stalls = 0;
  else if (++op->stalls >= MAX_STALLS)
    {
      g_clear_error (&error);
      fail (task, stopped_error (self));
      return;
    }

  g_debug ("%s dropped after %" G_GINT64_FORMAT " bytes (%s); resuming",
           self->uri, self->bytes_done, error != NULL ? error->message : "short body");
  g_clear_error (&error);
  self->n_resumes++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESUMES]);
  start_request (task);
}

static void
finish (GTask *task)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  trace_request (task, NULL, NULL);
  if (op->own_stream && !g_output_stream_close (op->out, NULL, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  if (op->part != NULL &&
      !g_file_move (op->part, op->destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  g_free (self->sha256);
  self->sha256 = g_strdup (g_checksum_get_string (op->checksum));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
  if (self->bytes_total < 0)
    set_bytes (self, self->bytes_done, self->bytes_done);
  g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  read_next (task);
}

static void
write_chunk (GTask  *task,
             GBytes *chunk)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  gsize size;
  const guint8 *data = g_bytes_get_data (chunk, &size);

  /* Hashed as written: the hash is that of the file, resumed parts included. */
  g_checksum_update (op->checksum, data, (gssize) size);
  op->request_bytes += (gint64) size;
  set_bytes (self, self->bytes_done + (gint64) size, self->bytes_total);
  /* write_all_async keeps no reference to the data: the task keeps the chunk alive. */
  g_object_set_data_full (G_OBJECT (task), "chunk", g_bytes_ref (chunk), (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (op->out, data, size, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_written, g_object_ref (task));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilVideoFetch *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      resume_or_fail (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (chunk) > 0)
    {
      write_chunk (task, chunk);
      return;
    }

  /* The end of this response's body: all of it, or a connection closed early. */
  if (self->bytes_total >= 0 && self->bytes_done < self->bytes_total)
    resume_or_fail (task, NULL);
  else
    finish (task);
}

static void
read_next (GTask *task)
{
  FetchOp *op = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (op->body, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_read, g_object_ref (task));
}

static void
on_json_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  g_autoptr(GBytes) body = NULL;
  GError *refused = NULL;
  guint status;

  if (chunk == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (chunk) > 0 && op->json->len <= MAX_JSON_BODY)
    {
      g_byte_array_append (op->json, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (op->body, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                       g_task_get_cancellable (task), on_json_read, g_object_ref (task));
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&op->json));
  trace_request (task, body, NULL);
  status = soup_message_get_status (op->message);
  if (status != SOUP_STATUS_UNAUTHORIZED)
    refused = response_status_error (body, status);
  if (refused == NULL && !vigil_client_check_message (self->client, op->message, body, NULL, &refused))
    {
      fail (task, refused);
      return;
    }
  if (refused != NULL)
    {
      fail (task, refused);
      return;
    }

  /* JSON that is not a refusal: it is the file asked for. */
  if (g_bytes_get_size (body) > 0)
    write_chunk (task, body);
  else
    read_next (task);
}

/* The part of the file this response carries must start where we are. */
static gboolean
accept_response (GTask   *task,
                 GError **error)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (op->message);
  guint status = soup_message_get_status (op->message);
  const char *accept_ranges = soup_message_headers_get_one (headers, "Accept-Ranges");
  gint64 total = -1;

  if (status == SOUP_STATUS_PARTIAL_CONTENT)
    {
      goffset start = 0, end = 0, length = -1;

      if (!soup_message_headers_get_content_range (headers, &start, &end, &length) ||
          start != self->bytes_done)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The gateway sent another part of the file than the one asked for."));
          return FALSE;
        }
      total = length;
      op->resumable = TRUE;
    }
  else
    {
      if (self->bytes_done > 0)
        {
          /* The gateway ignored the Range: start over if we can. */
          if (!op->own_stream || !g_seekable_truncate (G_SEEKABLE (op->out), 0, NULL, error))
            {
              if (error != NULL && *error == NULL)
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The gateway cannot resume the download; it stopped after %lld bytes."),
                             (long long) self->bytes_done);
              return FALSE;
            }
          g_checksum_reset (op->checksum);
          set_bytes (self, 0, self->bytes_total);
        }
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
        total = soup_message_headers_get_content_length (headers);
      op->resumable = accept_ranges != NULL && g_ascii_strcasecmp (accept_ranges, "bytes") == 0;
    }

  if (self->content_type == NULL)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      self->content_type = g_strdup (type);
    }
  set_bytes (self, self->bytes_done, total);
  return TRUE;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;

  op->body = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (op->body == NULL)
    {
      GError *checked = NULL;

      /* A connection that fails while resuming is one more stall; the first is an error. */
      if (self->bytes_done > 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          resume_or_fail (task, g_steal_pointer (&error));
          return;
        }
      vigil_client_check_message (self->client, op->message, NULL, g_steal_pointer (&error), &checked);
      fail (task, checked);
      return;
    }

  status = soup_message_get_status (op->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || is_json (op->message))
    {
      op->json = g_byte_array_new ();
      g_input_stream_read_bytes_async (op->body, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                       g_task_get_cancellable (task), on_json_read, g_object_ref (task));
      return;
    }

  if (!accept_response (task, &error))
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  read_next (task);
}

static void
start_request (GTask *task)
{
  VigilVideoFetch *self = g_task_get_source_object (task);
  FetchOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  g_clear_object (&op->body);
  g_clear_object (&op->message);
  op->progress_mark = self->bytes_done;

  op->message = vigil_client_prepare_message (self->client, "GET", self->uri, &error);
  if (op->message == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }
  headers = soup_message_get_request_headers (op->message);
  soup_message_headers_replace (headers, "Accept", "video/*, application/octet-stream;q=0.9, */*;q=0.1");
  if (self->bytes_done > 0)
    soup_message_headers_set_range (headers, self->bytes_done, -1);
  op->started_us = g_get_monotonic_time ();
  op->request_bytes = 0;
  op->traced = FALSE;

  soup_session_send_async (vigil_client_get_session (self->client), op->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), on_sent, g_object_ref (task));
}

VigilVideoFetch *
vigil_video_fetch_new (VigilClient  *client,
                       const char   *path_or_url,
                       GError      **error)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (VIGIL_IS_CLIENT (client), NULL);

  uri = vigil_client_resolve_same_origin (client, path_or_url, error);
  if (uri == NULL)
    return NULL;

  return g_object_new (VIGIL_TYPE_VIDEO_FETCH, "client", client, "uri", uri, NULL);
}

const char *
vigil_video_fetch_get_uri (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), NULL);
  return self->uri;
}

gint64
vigil_video_fetch_get_bytes_done (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), 0);
  return self->bytes_done;
}

gint64
vigil_video_fetch_get_bytes_total (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), -1);
  return self->bytes_total;
}

guint
vigil_video_fetch_get_n_resumes (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), 0);
  return self->n_resumes;
}

const char *
vigil_video_fetch_get_sha256 (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), NULL);
  return self->sha256;
}

const char *
vigil_video_fetch_get_content_type (VigilVideoFetch *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_FETCH (self), NULL);
  return self->content_type;
}

void
vigil_video_fetch_run_async (VigilVideoFetch     *self,
                             GFile               *destination,
                             GOutputStream       *stream,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  FetchOp *op;

  g_return_if_fail (VIGIL_IS_VIDEO_FETCH (self));
  g_return_if_fail ((destination == NULL) != (stream == NULL));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_video_fetch_run_async);
  op = g_new0 (FetchOp, 1);
  op->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_task_set_task_data (task, op, fetch_op_free);

  if (destination != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (destination);
      g_autofree char *path = g_file_get_path (destination);
      g_autofree char *part_path = NULL;

      if (path == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("Clips are saved to local files only."));
          return;
        }
      part_path = g_strconcat (path, ".part", NULL);
      op->destination = g_object_ref (destination);
      op->part = g_file_new_for_path (part_path);

      if (parent != NULL && !g_file_make_directory_with_parents (parent, cancellable, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_object (&op->part);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_clear_error (&error);

      op->out = G_OUTPUT_STREAM (g_file_replace (op->part, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                                 cancellable, &error));
      if (op->out == NULL)
        {
          g_clear_object (&op->part);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      op->own_stream = TRUE;
    }
  else
    op->out = g_object_ref (stream);

  start_request (task);
}

gboolean
vigil_video_fetch_run_finish (VigilVideoFetch  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
vigil_video_fetch_dispose (GObject *object)
{
  VigilVideoFetch *self = VIGIL_VIDEO_FETCH (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (vigil_video_fetch_parent_class)->dispose (object);
}

static void
vigil_video_fetch_finalize (GObject *object)
{
  VigilVideoFetch *self = VIGIL_VIDEO_FETCH (object);

  g_free (self->uri);
  g_free (self->sha256);
  g_free (self->content_type);

  G_OBJECT_CLASS (vigil_video_fetch_parent_class)->finalize (object);
}

static void
vigil_video_fetch_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilVideoFetch *self = VIGIL_VIDEO_FETCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_BYTES_DONE:
      g_value_set_int64 (value, self->bytes_done);
      break;
    case PROP_BYTES_TOTAL:
      g_value_set_int64 (value, self->bytes_total);
      break;
    case PROP_N_RESUMES:
      g_value_set_uint (value, self->n_resumes);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_fetch_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilVideoFetch *self = VIGIL_VIDEO_FETCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_URI:
      self->uri = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_fetch_class_init (VigilVideoFetchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_video_fetch_dispose;
  object_class->finalize = vigil_video_fetch_finalize;
  object_class->get_property = vigil_video_fetch_get_property;
  object_class->set_property = vigil_video_fetch_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, VIGIL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_DONE] =
    g_param_spec_int64 ("bytes-done", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_TOTAL] =
    g_param_spec_int64 ("bytes-total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RESUMES] =
    g_param_spec_uint ("n-resumes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_video_fetch_init (VigilVideoFetch *self)
{
  self->bytes_total = -1;
}
