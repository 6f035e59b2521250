/* vigil-sim-stream.c — one event subscription: the multipart/mixed answer of subscribeDeviceMgmt
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body is chunked and not accumulated. Parts are written one chunk at a time: a chunk is
 * appended only when the previous one has been written ("wrote-chunk"), so a burst of 100,000
 * events never sits in memory, and a slow reader slows the writer instead of growing a buffer.
 */
#define G_LOG_DOMAIN "vigil-sim-stream"

#include <string.h>

#include "vigil-sim-alert.h"
#include "vigil-sim-stream.h"

#define BOUNDARY        "boundary"
#define CHUNK_TARGET    (32 * 1024)
#define MAX_PENDING     100000     /* parts kept for a reader that does not read */
#define REPLAY_CHUNK    (256 * 1024)

typedef enum
{
  PART_FIRST,
  PART_HEARTBEAT,
  PART_EVENT,
  PART_GARBAGE,
} PartKind;

typedef struct
{
  GBytes   *bytes;
  PartKind  kind;
} Part;

typedef struct
{
  gboolean  upload_all;
  GStrv     event_list;
} Device;

struct _VigilSimStream
{
  GObject            parent_instance;

  guint              id;
  SoupServerMessage *msg;
  GMainContext      *context;
  VigilSimQuirks     quirks;

  gboolean           mode_all;
  gboolean           defence_all;
  GStrv              event_list;
  GHashTable        *devices;          /* dev_index → Device* */
  GPtrArray         *device_order;     /* dev_index strings, insertion order */

  GQueue             pending;          /* Part* */
  guint              in_flight;        /* chunks appended and not yet written */
  gboolean           in_wrote_chunk;
  guint64            parts_framed;

  guint              heartbeat_interval;
  VigilSimQuirks     heartbeat_quirks;
  VigilSimClockFunc  clock;
  gpointer           clock_data;
  GSource           *heartbeat_source;
  guint64            heartbeat_count;

  guint64            burst_remaining;
  guint64            burst_seq;
  VigilSimBurstFunc  burst_func;
  gpointer           burst_data;
  GDestroyNotify     burst_destroy;

  GBytes            *replay;           /* recorded bytes still to send, then the stream ends */
  gsize              replay_offset;

  gboolean           stalled;
  gboolean           drop_requested;
  gboolean           drop_after_write;
  gboolean           closing;
  gboolean           complete_after_write;
  gboolean           completed;
  gboolean           closed;

  guint64            events_sent;
  guint64            heartbeats_sent;
};

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VigilSimStream, vigil_sim_stream, G_TYPE_OBJECT)

static void
part_free (gpointer data)
{
  Part *part = data;

  g_bytes_unref (part->bytes);
  g_free (part);
}

static void
device_free (gpointer data)
{
  Device *device = data;

  g_strfreev (device->event_list);
  g_free (device);
}

static void
stop_heartbeat (VigilSimStream *self)
{
  if (self->heartbeat_source != NULL)
    {
      g_source_destroy (self->heartbeat_source);
      g_clear_pointer (&self->heartbeat_source, g_source_unref);
    }
}

static void
clear_burst (VigilSimStream *self)
{
  if (self->burst_destroy != NULL)
    self->burst_destroy (self->burst_data);
  self->burst_func = NULL;
  self->burst_data = NULL;
  self->burst_destroy = NULL;
  self->burst_remaining = 0;
}

/* The message is over (written, or the client went away): never touch its I/O again. */
static void
mark_closed (VigilSimStream *self)
{
  if (self->closed)
    return;

  self->closed = TRUE;
  stop_heartbeat (self);
  clear_burst (self);
  g_queue_clear_full (&self->pending, part_free);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
vigil_sim_stream_dispose (GObject *object)
{
  VigilSimStream *self = (VigilSimStream *)object;

  stop_heartbeat (self);
  clear_burst (self);
  g_queue_clear_full (&self->pending, part_free);
  g_clear_pointer (&self->replay, g_bytes_unref);

  G_OBJECT_CLASS (vigil_sim_stream_parent_class)->dispose (object);
}

static void
vigil_sim_stream_finalize (GObject *object)
{
  VigilSimStream *self = (VigilSimStream *)object;

  g_clear_object (&self->msg);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->event_list, g_strfreev);
  g_clear_pointer (&self->devices, g_hash_table_unref);
  g_clear_pointer (&self->device_order, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_sim_stream_parent_class)->finalize (object);
}

static void
vigil_sim_stream_class_init (VigilSimStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_sim_stream_dispose;
  object_class->finalize = vigil_sim_stream_finalize;

  /**
   * VigilSimStream::closed:
   *
   * The response is over: finished, or the connection is gone.
   */
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vigil_sim_stream_init (VigilSimStream *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->mode_all = TRUE;
  self->defence_all = TRUE;
  self->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, device_free);
  self->device_order = g_ptr_array_new_with_free_func (g_free);
  self->heartbeat_interval = 10000;
  g_queue_init (&self->pending);
}

VigilSimStream *
vigil_sim_stream_new (guint              id,
                      SoupServerMessage *msg)
{
  VigilSimStream *self;

  g_return_val_if_fail (SOUP_IS_SERVER_MESSAGE (msg), NULL);

  self = g_object_new (VIGIL_TYPE_SIM_STREAM, NULL);
  self->id = id;
  self->msg = g_object_ref (msg);
  return self;
}

guint
vigil_sim_stream_get_id (VigilSimStream *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), 0);
  return self->id;
}

gboolean
vigil_sim_stream_is_closed (VigilSimStream *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), TRUE);
  return self->closed;
}

void
vigil_sim_stream_set_mode_all (VigilSimStream     *self,
                               gboolean            defence_all,
                               const char * const *event_list)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));

  self->mode_all = TRUE;
  self->defence_all = defence_all;
  g_clear_pointer (&self->event_list, g_strfreev);
  if (!defence_all)
    self->event_list = g_strdupv ((char **) (event_list != NULL ? event_list : (const char * const[]) { NULL }));
}

gboolean
vigil_sim_stream_get_mode_all (VigilSimStream *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), FALSE);
  return self->mode_all;
}

void
vigil_sim_stream_set_mode_device (VigilSimStream *self)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));

  self->mode_all = FALSE;
  g_clear_pointer (&self->event_list, g_strfreev);
}

void
vigil_sim_stream_set_device (VigilSimStream     *self,
                             const char         *dev_index,
                             gboolean            upload_all,
                             const char * const *event_list)
{
  Device *device;

  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (dev_index != NULL);

  self->mode_all = FALSE;
  device = g_new0 (Device, 1);
  device->upload_all = upload_all;
  if (!upload_all)
    device->event_list = g_strdupv ((char **) (event_list != NULL ? event_list : (const char * const[]) { NULL }));

  if (!g_hash_table_contains (self->devices, dev_index))
    g_ptr_array_add (self->device_order, g_strdup (dev_index));
  g_hash_table_insert (self->devices, g_strdup (dev_index), device);
}

gboolean
vigil_sim_stream_remove_device (VigilSimStream *self,
                                const char     *dev_index)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), FALSE);

  if (!g_hash_table_remove (self->devices, dev_index))
    return FALSE;

  for (guint i = 0; i < self->device_order->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->device_order, i), dev_index) == 0)
      {
        g_ptr_array_remove_index (self->device_order, i);
        break;
      }
  return TRUE;
}

gboolean
vigil_sim_stream_lookup_device (VigilSimStream      *self,
                                const char          *dev_index,
                                gboolean            *upload_all,
                                const char * const **event_list)
{
  Device *device;

  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), FALSE);

  if (self->mode_all)
    {
      *upload_all = self->defence_all;
      *event_list = (const char * const *) self->event_list;
      return TRUE;
    }

  device = g_hash_table_lookup (self->devices, dev_index);
  if (device == NULL)
    return FALSE;
  *upload_all = device->upload_all;
  *event_list = (const char * const *) device->event_list;
  return TRUE;
}

GStrv
vigil_sim_stream_dup_devices (VigilSimStream *self)
{
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->device_order->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->device_order, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
vigil_sim_stream_accepts (VigilSimStream *self,
                          const char     *dev_index,
                          const char     *event_type)
{
  const char * const *event_list;
  gboolean upload_all;

  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), FALSE);

  if (!vigil_sim_stream_lookup_device (self, dev_index, &upload_all, &event_list))
    return FALSE;
  if (upload_all || g_strcmp0 (event_type, "devStatusChanged") == 0)
    return TRUE;
  return event_list != NULL && g_strv_contains (event_list, event_type);
}

/* One part: `--boundary`, its headers, a blank line, the body, a line break. */
static Part *
frame_part (VigilSimStream *self,
            const char     *body,
            gsize           length,
            PartKind        kind)
{
  const char *nl = self->quirks & VIGIL_SIM_QUIRK_LF_ONLY ? "\n" : "\r\n";
  GString *out = g_string_sized_new (length + 128);
  Part *part;

  g_string_append_printf (out, "--" BOUNDARY "%s", nl);

  if (!(kind == PART_FIRST && (self->quirks & VIGIL_SIM_QUIRK_FIRST_PART_NO_HEADERS)))
    {
      g_string_append_printf (out, "Content-Type: application/json; charset=\"UTF-8\"%s", nl);
      if (!(self->quirks & VIGIL_SIM_QUIRK_NO_CONTENT_LENGTH))
        {
          gsize declared = length;

          if (self->quirks & VIGIL_SIM_QUIRK_WRONG_CONTENT_LENGTH)
            declared = self->parts_framed % 2 == 0 ? length - MIN (length, 3) : length + 7;
          g_string_append_printf (out, "Content-Length: %" G_GSIZE_FORMAT "%s", declared, nl);
        }
      g_string_append (out, nl);
    }

  g_string_append_len (out, body, length);
  if (!(self->quirks & VIGIL_SIM_QUIRK_GLUED_BOUNDARY))
    g_string_append (out, nl);

  self->parts_framed++;

  part = g_new0 (Part, 1);
  part->kind = kind;
  part->bytes = g_string_free_to_bytes (out);
  return part;
}

static void
enqueue (VigilSimStream *self,
         Part           *part)
{
  if (g_queue_get_length (&self->pending) >= MAX_PENDING)
    {
      g_debug ("Subscription %u: reader too slow, dropping the oldest queued part", self->id);
      part_free (g_queue_pop_head (&self->pending));
    }
  g_queue_push_tail (&self->pending, part);
}

static void
count_part (VigilSimStream *self,
            PartKind        kind)
{
  if (kind == PART_EVENT || kind == PART_GARBAGE)
    self->events_sent++;
  else if (kind == PART_HEARTBEAT)
    self->heartbeats_sent++;
}

static char *
heartbeat_json (VigilSimStream *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->clock != NULL)
    now = self->clock (self->clock_data);
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return vigil_sim_alert_heartbeat (now, ++self->heartbeat_count, self->heartbeat_quirks);
}

/* Appends the next chunk if nothing is in flight; returns whether it appended. */
static gboolean
fill (VigilSimStream *self)
{
  SoupMessageBody *body;
  GByteArray *chunk;
  GBytes *bytes;
  gboolean finishing = FALSE;

  if (self->closed || self->in_flight > 0 || self->stalled || self->complete_after_write
      || self->drop_after_write)
    return FALSE;

  chunk = g_byte_array_new ();
  while (chunk->len < CHUNK_TARGET)
    {
      Part *part;

      /* A recording goes out whole once begun (its chunks cut parts anywhere, so nothing may
       * come between them), in chunks as large as a socket buffer, and then the stream ends. */
      if (self->replay != NULL && (self->replay_offset > 0 || g_queue_is_empty (&self->pending)))
        {
          gsize size = g_bytes_get_size (self->replay);
          gsize take = MIN (size - self->replay_offset, REPLAY_CHUNK - chunk->len);

          g_byte_array_append (chunk, (const guint8 *) g_bytes_get_data (self->replay, NULL) + self->replay_offset, take);
          self->replay_offset += take;
          if (self->replay_offset == size)
            {
              g_clear_pointer (&self->replay, g_bytes_unref);
              stop_heartbeat (self);
              self->closing = TRUE;
            }
          break;
        }

      part = g_queue_pop_head (&self->pending);

      if (part == NULL && self->burst_remaining > 0 && !self->closing)
        {
          g_autofree char *json = self->burst_func (++self->burst_seq, self->burst_data);

          part = frame_part (self, json, strlen (json), PART_EVENT);
          if (--self->burst_remaining == 0)
            clear_burst (self);
        }
      if (part == NULL)
        break;

      g_byte_array_append (chunk, g_bytes_get_data (part->bytes, NULL), g_bytes_get_size (part->bytes));
      count_part (self, part->kind);
      part_free (part);
    }

  if (self->drop_requested)
    {
      g_autofree char *json = heartbeat_json (self);
      Part *part = frame_part (self, json, strlen (json), PART_HEARTBEAT);
      gsize half = g_bytes_get_size (part->bytes) / 2;

      /* Half a part, then the connection goes: what was complete before must survive. */
      g_byte_array_append (chunk, g_bytes_get_data (part->bytes, NULL), half);
      part_free (part);
      self->drop_requested = FALSE;
      self->drop_after_write = TRUE;
    }
  else if (self->closing && g_queue_is_empty (&self->pending))
    {
      const char *nl = self->quirks & VIGIL_SIM_QUIRK_LF_ONLY ? "\n" : "\r\n";
      g_autofree char *delimiter = g_strdup_printf ("--" BOUNDARY "--%s", nl);

      g_byte_array_append (chunk, (const guint8 *) delimiter, strlen (delimiter));
      finishing = TRUE;
    }

  if (chunk->len == 0)
    {
      g_byte_array_unref (chunk);
      return FALSE;
    }

  body = soup_server_message_get_response_body (self->msg);
  bytes = g_byte_array_free_to_bytes (chunk);
  soup_message_body_append_bytes (body, bytes);
  g_bytes_unref (bytes);
  self->in_flight++;
  if (finishing)
    self->complete_after_write = TRUE;
  return TRUE;
}

/* Writes what is pending. Outside the "wrote-chunk" handler the message is paused (it pauses
 * itself when it runs out of chunks), so a new chunk needs an unpause. */
static void
pump (VigilSimStream *self)
{
  if (fill (self) && !self->in_wrote_chunk)
    soup_server_message_unpause (self->msg);
}

static void
complete_body (VigilSimStream *self)
{
  if (self->completed)
    return;
  self->completed = TRUE;
  soup_message_body_complete (soup_server_message_get_response_body (self->msg));
}

static void
end_connection (VigilSimStream *self)
{
  GSocket *socket = soup_server_message_get_socket (self->msg);

  /* shutdown() rather than close(): the fd stays valid under libsoup, the peer sees EOF after
   * whatever is already in the socket buffer, and the next write fails, ending the message. */
  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  complete_body (self);
}

static void
on_wrote_chunk (SoupServerMessage *msg,
                VigilSimStream    *self)
{
  g_object_ref (self);

  if (self->in_flight > 0)
    self->in_flight--;

  if (self->drop_after_write)
    end_connection (self);
  else if (self->complete_after_write)
    complete_body (self);
  else
    {
      self->in_wrote_chunk = TRUE;
      fill (self);
      self->in_wrote_chunk = FALSE;
    }

  g_object_unref (self);
}

static void
on_finished (SoupServerMessage *msg,
             VigilSimStream    *self)
{
  mark_closed (self);
}

void
vigil_sim_stream_start (VigilSimStream *self,
                        const char     *first_json)
{
  SoupMessageHeaders *headers;

  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (first_json != NULL);

  g_signal_connect_object (self->msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), self, 0);
  g_signal_connect_object (self->msg, "finished", G_CALLBACK (on_finished), self, 0);
  g_signal_connect_object (self->msg, "disconnected", G_CALLBACK (on_finished), self, 0);

  soup_server_message_set_status (self->msg, SOUP_STATUS_OK, NULL);
  headers = soup_server_message_get_response_headers (self->msg);
  soup_message_headers_set_content_type (headers, "multipart/mixed; boundary=" BOUNDARY, NULL);
  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_replace (headers, "MIME-Version", "1.0");
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (self->msg), FALSE);

  enqueue (self, frame_part (self, first_json, strlen (first_json), PART_FIRST));

  /* Still inside the request handler: the message is not paused, it writes what is there. */
  self->in_wrote_chunk = TRUE;
  fill (self);
  self->in_wrote_chunk = FALSE;
}

void
vigil_sim_stream_push (VigilSimStream *self,
                       const char     *json)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (json != NULL);

  if (self->closed || self->closing)
    return;
  enqueue (self, frame_part (self, json, strlen (json), PART_EVENT));
  pump (self);
}

void
vigil_sim_stream_set_quirks (VigilSimStream *self,
                             VigilSimQuirks  quirks)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  self->quirks = quirks;
  self->heartbeat_quirks = quirks;
}

static gboolean
heartbeat_tick (gpointer user_data)
{
  VigilSimStream *self = user_data;
  g_autofree char *json = NULL;

  if (self->closed)
    return G_SOURCE_REMOVE;
  if (self->stalled || self->closing)
    return G_SOURCE_CONTINUE;

  json = heartbeat_json (self);
  enqueue (self, frame_part (self, json, strlen (json), PART_HEARTBEAT));
  pump (self);
  return G_SOURCE_CONTINUE;
}

void
vigil_sim_stream_set_heartbeat (VigilSimStream    *self,
                                guint              interval_ms,
                                VigilSimQuirks     quirks,
                                VigilSimClockFunc  clock,
                                gpointer           clock_data)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (interval_ms > 0);

  self->heartbeat_interval = interval_ms;
  self->heartbeat_quirks = quirks;
  self->clock = clock;
  self->clock_data = clock_data;

  stop_heartbeat (self);
  if (self->closed)
    return;
  self->heartbeat_source = g_timeout_source_new (interval_ms);
  g_source_set_callback (self->heartbeat_source, heartbeat_tick, self, NULL);
  g_source_set_static_name (self->heartbeat_source, "[vigil-sim] heartbeat");
  g_source_attach (self->heartbeat_source, self->context);
}

void
vigil_sim_stream_inject_fault (VigilSimStream      *self,
                               VigilSimStreamFault  fault)
{
  static const char garbage[] = "\x01\x02 <html>gateway exception {{{ \"not json";

  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));

  if (self->closed)
    return;

  switch (fault)
    {
    case VIGIL_SIM_STREAM_FAULT_NONE:
      self->stalled = FALSE;
      pump (self);
      break;

    case VIGIL_SIM_STREAM_FAULT_STALL:
      self->stalled = TRUE;
      break;

    case VIGIL_SIM_STREAM_FAULT_DROP_MID_PART:
      self->stalled = FALSE;
      self->drop_requested = TRUE;
      pump (self);
      break;

    case VIGIL_SIM_STREAM_FAULT_GARBAGE_PART:
      enqueue (self, frame_part (self, garbage, sizeof garbage - 1, PART_GARBAGE));
      pump (self);
      break;

    default:
      g_return_if_reached ();
    }
}

void
vigil_sim_stream_burst (VigilSimStream    *self,
                        guint64            n,
                        VigilSimBurstFunc  func,
                        gpointer           data,
                        GDestroyNotify     destroy)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (func != NULL);

  if (self->closed || n == 0)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  clear_burst (self);
  self->burst_remaining = n;
  self->burst_func = func;
  self->burst_data = data;
  self->burst_destroy = destroy;
  pump (self);
}

/**
 * vigil_sim_stream_replay:
 * @recording: the bytes of a multipart body as a gateway sends it after the first part
 *
 * Sends @recording as fast as the socket takes it, after the parts already queued, then
 * closes the stream with a closing delimiter. Parts raised meanwhile wait for the end.
 */
void
vigil_sim_stream_replay (VigilSimStream *self,
                         GBytes         *recording)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));
  g_return_if_fail (recording != NULL);

  if (self->closed || self->closing || self->replay != NULL)
    return;

  clear_burst (self);
  self->replay = g_bytes_ref (recording);
  self->replay_offset = 0;
  pump (self);
}

void
vigil_sim_stream_close (VigilSimStream *self,
                        gboolean        abrupt)
{
  g_return_if_fail (VIGIL_IS_SIM_STREAM (self));

  if (self->closed)
    return;

  stop_heartbeat (self);
  clear_burst (self);

  if (abrupt)
    {
      gboolean paused = self->in_flight == 0;

      g_queue_clear_full (&self->pending, part_free);
      self->drop_after_write = TRUE;
      end_connection (self);
      if (paused)
        soup_server_message_unpause (self->msg);
      return;
    }

  self->closing = TRUE;
  self->stalled = FALSE;
  pump (self);
}

guint64
vigil_sim_stream_get_events_sent (VigilSimStream *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), 0);
  return self->events_sent;
}

guint64
vigil_sim_stream_get_heartbeats_sent (VigilSimStream *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_STREAM (self), 0);
  return self->heartbeats_sent;
}
