/* vigil-video-decoder.c — a clip decoded to RGBA frames with GStreamer, without a display
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-decoder"

#include <string.h>

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/pbutils/pbutils.h>
#include <gst/video/video.h>

#include "vigil-video-decoder.h"

#define MIN_RATE 0.25
#define MAX_RATE 4.0
/* A damaged MP4 sometimes stalls the demuxer without an error: a clip that shows no first frame
 * in this time is reported as damaged (a whole clip of seconds opens in a fraction of it). */
#define LOAD_TIMEOUT_S 10
/* When the clip does not say its frame rate (25 fps, a common camera setting). */
#define DEFAULT_FRAME_NS (GST_SECOND / 25)

struct _VigilVideoDecoder
{
  GObject parent_instance;

  GMainContext    *context;
  GstElement      *pipeline;
  guint            bus_watch;
  GSource         *load_timeout;
  guint            load_timeout_s;
  GFile           *file;
  gboolean         sync;
  gboolean         want_playing;
  VigilVideoState  state;
  GError          *error;
  char            *missing;     /* a missing decoder, from a missing-plugin message */
  double           rate;
  gboolean         loop;
  gint64           duration;

  /* Shared with the streaming thread. */
  GMutex           lock;
  GstSample       *sample;
  gint64           position;
  guint            n_frames;
  int              width;
  int              height;
  gint64           frame_ns;
  GSource         *frame_source;
};

G_DEFINE_FINAL_TYPE (VigilVideoDecoder, vigil_video_decoder, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (VigilVideoState, vigil_video_state,
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_PLAYING, "playing"),
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_ENDED, "ended"),
                    G_DEFINE_ENUM_VALUE (VIGIL_VIDEO_STATE_FAILED, "failed"))
G_DEFINE_QUARK (vigil-video-decoder-error-quark, vigil_video_decoder_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_DURATION,
  PROP_RATE,
  PROP_LOOP,
  PROP_LOAD_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_FRAME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (VigilVideoDecoder *self,
           VigilVideoState    state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_duration (VigilVideoDecoder *self,
              gint64             duration)
{
  if (self->duration == duration)
    return;
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

/* ---- frames, from the streaming thread ---- */

static gboolean
emit_frame (gpointer data)
{
  VigilVideoDecoder *self = data;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->frame_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  g_signal_emit (self, signals[SIGNAL_FRAME], 0);
  return G_SOURCE_REMOVE;
}

static void
take_sample (VigilVideoDecoder *self,
             GstSample         *sample,
             gboolean           counted)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  const GstSegment *segment = gst_sample_get_segment (sample);
  GstCaps *caps = gst_sample_get_caps (sample);
  GstVideoInfo info;

  g_mutex_lock (&self->lock);

  if (caps != NULL && gst_video_info_from_caps (&info, caps))
    {
      self->width = GST_VIDEO_INFO_WIDTH (&info);
      self->height = GST_VIDEO_INFO_HEIGHT (&info);
      self->frame_ns = GST_VIDEO_INFO_FPS_N (&info) > 0
                         ? (gint64) gst_util_uint64_scale_int (GST_SECOND, GST_VIDEO_INFO_FPS_D (&info),
                                                               GST_VIDEO_INFO_FPS_N (&info))
                         : DEFAULT_FRAME_NS;
    }
  if (buffer != NULL && segment != NULL && GST_BUFFER_PTS_IS_VALID (buffer))
    {
      guint64 stream_time = gst_segment_to_stream_time (segment, GST_FORMAT_TIME, GST_BUFFER_PTS (buffer));

      if (GST_CLOCK_TIME_IS_VALID (stream_time))
        self->position = (gint64) stream_time;
    }
  if (counted)
    self->n_frames++;

  g_clear_pointer (&self->sample, gst_sample_unref);
  self->sample = sample;

  /* One wake-up for however many frames came meanwhile: the widget draws the newest. */
  if (self->frame_source == NULL)
    {
      self->frame_source = g_idle_source_new ();
      g_source_set_priority (self->frame_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->frame_source, emit_frame, g_object_ref (self), g_object_unref);
      g_source_attach (self->frame_source, self->context);
    }

  g_mutex_unlock (&self->lock);
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  GstSample *sample = gst_app_sink_pull_sample (sink);

  if (sample == NULL)
    return GST_FLOW_EOS;
  take_sample (user_data, sample, TRUE);
  return GST_FLOW_OK;
}

static GstFlowReturn
on_new_preroll (GstAppSink *sink,
                gpointer    user_data)
{
  GstSample *sample = gst_app_sink_pull_preroll (sink);

  if (sample == NULL)
    return GST_FLOW_EOS;
  take_sample (user_data, sample, FALSE);
  return GST_FLOW_OK;
}

/* ---- errors ---- */

/* "H.264 (Main Profile) decoder", with the element that provides it when we know it. */
static char *
describe_missing (GstMessage *message)
{
  g_autofree char *description = gst_missing_plugin_message_get_description (message);
  g_autofree char *detail = gst_missing_plugin_message_get_installer_detail (message);

  if (detail != NULL && strstr (detail, "video/x-h264") != NULL)
    /* Translators: %s is GStreamer's description of the codec, "H.264 (Main Profile) decoder" */
    return g_strdup_printf (_("%s (the GStreamer element “avdec_h264” from gst-libav, or another H.264 decoder)"),
                            description);
  if (detail != NULL && strstr (detail, "video/x-h265") != NULL)
    return g_strdup_printf (_("%s (the GStreamer element “avdec_h265” from gst-libav, or another H.265 decoder)"),
                            description);
  return g_steal_pointer (&description);
}

static GError *
operator_error (VigilVideoDecoder *self,
                const GError      *gst_error,
                const char        *debug)
{
  g_debug ("GStreamer: %s (%s)", gst_error->message, debug != NULL ? debug : "");

  if (self->missing != NULL ||
      g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    return g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_MISSING_DECODER,
                        _("This clip cannot be played: a decoder is not installed: %s."),
                        self->missing != NULL ? self->missing : gst_error->message);

  if (gst_error->domain == GST_STREAM_ERROR)
    return g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_DAMAGED,
                        _("This clip is truncated or damaged and cannot be played (%s)."),
                        gst_error->message);

  if (gst_error->domain == GST_RESOURCE_ERROR)
    return g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_UNREADABLE,
                        _("The clip could not be read: %s"), gst_error->message);

  return g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_FAILED,
                      _("This clip cannot be played: %s"), gst_error->message);
}

static void
stop_load_timeout (VigilVideoDecoder *self)
{
  if (self->load_timeout != NULL)
    {
      g_source_destroy (self->load_timeout);
      g_clear_pointer (&self->load_timeout, g_source_unref);
    }
}

static void
fail (VigilVideoDecoder *self,
      GError            *error)
{
  stop_load_timeout (self);
  g_clear_error (&self->error);
  self->error = error;
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  set_state (self, VIGIL_VIDEO_STATE_FAILED);
}

/* ---- the bus ---- */

static void
query_duration (VigilVideoDecoder *self)
{
  gint64 duration = -1;

  if (self->pipeline != NULL &&
      !gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &duration))
    duration = -1;
  set_duration (self, duration);
}

static gboolean
seek_to (VigilVideoDecoder *self,
         gint64             position)
{
  return gst_element_seek (self->pipeline, self->rate, GST_FORMAT_TIME,
                           GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                           GST_SEEK_TYPE_SET, MAX (position, 0),
                           GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  VigilVideoDecoder *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        if (self->state != VIGIL_VIDEO_STATE_FAILED)
          fail (self, operator_error (self, gst_error, debug));
      }
      break;

    case GST_MESSAGE_ELEMENT:
      if (gst_is_missing_plugin_message (message) && self->missing == NULL)
        self->missing = describe_missing (message);
      break;

    case GST_MESSAGE_EOS:
      if (self->loop && self->want_playing)
        seek_to (self, 0);
      else
        {
          self->want_playing = FALSE;
          set_state (self, VIGIL_VIDEO_STATE_ENDED);
        }
      break;

    case GST_MESSAGE_DURATION_CHANGED:
      query_duration (self);
      break;

    case GST_MESSAGE_ASYNC_DONE:
      stop_load_timeout (self);
      query_duration (self);
      if (self->state == VIGIL_VIDEO_STATE_LOADING)
        set_state (self, self->want_playing ? VIGIL_VIDEO_STATE_PLAYING : VIGIL_VIDEO_STATE_PAUSED);
      break;

    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline) &&
          self->state != VIGIL_VIDEO_STATE_FAILED && self->state != VIGIL_VIDEO_STATE_LOADING &&
          self->state != VIGIL_VIDEO_STATE_ENDED)
        {
          GstState new_state;

          gst_message_parse_state_changed (message, NULL, &new_state, NULL);
          if (new_state == GST_STATE_PLAYING)
            set_state (self, VIGIL_VIDEO_STATE_PLAYING);
          else if (new_state == GST_STATE_PAUSED)
            set_state (self, VIGIL_VIDEO_STATE_PAUSED);
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

/* ---- the pipeline ---- */

static void
teardown (VigilVideoDecoder *self)
{
  stop_load_timeout (self);
  if (self->pipeline != NULL)
    {
      /* Joins the streaming threads: no frame comes after this. */
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      if (self->bus_watch != 0)
        {
          GstBus *bus = gst_element_get_bus (self->pipeline);

          gst_bus_remove_watch (bus);
          gst_object_unref (bus);
          self->bus_watch = 0;
        }
      gst_clear_object (&self->pipeline);
    }

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->sample, gst_sample_unref);
  if (self->frame_source != NULL)
    {
      g_source_destroy (self->frame_source);
      g_clear_pointer (&self->frame_source, g_source_unref);
    }
  self->position = -1;
  self->n_frames = 0;
  self->width = self->height = 0;
  self->frame_ns = DEFAULT_FRAME_NS;
  g_mutex_unlock (&self->lock);

  g_clear_error (&self->error);
  g_clear_pointer (&self->missing, g_free);
  self->want_playing = FALSE;
  set_duration (self, -1);
}

static gboolean
build (VigilVideoDecoder  *self,
       GError            **error)
{
  GstAppSinkCallbacks callbacks = { NULL, on_new_preroll, on_new_sample, NULL };
  g_autoptr(GstCaps) caps = gst_caps_new_simple ("video/x-raw", "format", G_TYPE_STRING, "RGBA", NULL);
  g_autofree char *uri = g_file_get_uri (self->file);
  GstElement *sink;
  GstBus *bus;

  self->pipeline = gst_element_factory_make ("playbin", NULL);
  sink = gst_element_factory_make ("appsink", NULL);
  if (self->pipeline == NULL || sink == NULL)
    {
      gst_clear_object (&self->pipeline);
      if (sink != NULL)
        gst_object_unref (gst_object_ref_sink (sink));
      g_set_error (error, VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_MISSING_DECODER,
                   _("GStreamer’s base plugins are not installed (the elements “playbin” and “appsink”)."));
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);

  /* Enough frames queued to play smoothly, not so many that a seek shows stale ones. */
  g_object_set (sink, "caps", caps, "max-buffers", 2, "drop", FALSE, "sync", self->sync,
                "enable-last-sample", FALSE, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, self, NULL);

  /* Video only: the clip is evidence to look at, and the console has its own alert sound. */
  g_object_set (self->pipeline, "uri", uri, "video-sink", sink, NULL);
  gst_util_set_object_arg (G_OBJECT (self->pipeline), "flags", "video");

  bus = gst_element_get_bus (self->pipeline);
  g_main_context_push_thread_default (self->context);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);
  g_main_context_pop_thread_default (self->context);
  gst_object_unref (bus);
  return TRUE;
}

static gboolean
on_load_timeout (gpointer data)
{
  VigilVideoDecoder *self = data;

  g_clear_pointer (&self->load_timeout, g_source_unref);
  if (self->state == VIGIL_VIDEO_STATE_LOADING)
    fail (self, g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_DAMAGED,
                             _("This clip is truncated or damaged and cannot be played (nothing could be decoded in %d seconds)."),
                             (int) self->load_timeout_s));
  return G_SOURCE_REMOVE;
}

VigilVideoDecoder *
vigil_video_decoder_new (void)
{
  gst_init (NULL, NULL);
  return g_object_new (VIGIL_TYPE_VIDEO_DECODER, NULL);
}

void
vigil_video_decoder_set_file (VigilVideoDecoder *self,
                              GFile             *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  teardown (self);
  g_set_object (&self->file, file);
  if (file == NULL)
    {
      set_state (self, VIGIL_VIDEO_STATE_EMPTY);
      return;
    }

  if (!build (self, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  set_state (self, VIGIL_VIDEO_STATE_LOADING);
  self->load_timeout = g_timeout_source_new_seconds (self->load_timeout_s);
  /* Removed in teardown (dispose), so the decoder outlives it. */
  g_source_set_callback (self->load_timeout, on_load_timeout, self, NULL);
  g_source_attach (self->load_timeout, self->context);
  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE &&
      self->state != VIGIL_VIDEO_STATE_FAILED)
    /* The error message on the bus says why; this is for when there is none. */
    fail (self, g_error_new (VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_FAILED,
                             _("This clip cannot be played.")));
}

GFile *
vigil_video_decoder_get_file (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), NULL);
  return self->file;
}

void
vigil_video_decoder_set_sync (VigilVideoDecoder *self,
                              gboolean           sync)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));
  self->sync = !!sync;
}

VigilVideoState
vigil_video_decoder_get_state (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), VIGIL_VIDEO_STATE_EMPTY);
  return self->state;
}

const GError *
vigil_video_decoder_get_error (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), NULL);
  return self->error;
}

static gboolean
can_control (VigilVideoDecoder *self)
{
  return self->pipeline != NULL && self->state != VIGIL_VIDEO_STATE_FAILED &&
         self->state != VIGIL_VIDEO_STATE_EMPTY;
}

void
vigil_video_decoder_play (VigilVideoDecoder *self)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  if (!can_control (self))
    return;
  self->want_playing = TRUE;
  if (self->state == VIGIL_VIDEO_STATE_ENDED)
    {
      /* From the start again; the state follows the pipeline's. */
      set_state (self, VIGIL_VIDEO_STATE_PAUSED);
      seek_to (self, 0);
    }
  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
}

void
vigil_video_decoder_pause (VigilVideoDecoder *self)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  if (!can_control (self))
    return;
  self->want_playing = FALSE;
  if (self->state != VIGIL_VIDEO_STATE_ENDED)
    gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
}

void
vigil_video_decoder_seek (VigilVideoDecoder *self,
                          gint64             position)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  if (!can_control (self))
    return;
  if (self->state == VIGIL_VIDEO_STATE_ENDED)
    {
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
      set_state (self, VIGIL_VIDEO_STATE_PAUSED);
    }
  if (self->duration > 0)
    position = MIN (position, self->duration);
  seek_to (self, position);
}

void
vigil_video_decoder_step (VigilVideoDecoder *self,
                          gboolean           forward)
{
  gint64 position, frame_ns;

  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  if (!can_control (self))
    return;

  self->want_playing = FALSE;
  if (self->state == VIGIL_VIDEO_STATE_PLAYING || self->state == VIGIL_VIDEO_STATE_ENDED)
    {
      gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
      gst_element_get_state (self->pipeline, NULL, NULL, GST_CLOCK_TIME_NONE);
      set_state (self, VIGIL_VIDEO_STATE_PAUSED);
    }

  if (forward)
    {
      /* Renders the next buffer into the paused sink: a new preroll frame. */
      gst_element_send_event (self->pipeline,
                              gst_event_new_step (GST_FORMAT_BUFFERS, 1, 1.0, TRUE, FALSE));
      return;
    }

  g_mutex_lock (&self->lock);
  position = self->position;
  frame_ns = self->frame_ns;
  g_mutex_unlock (&self->lock);

  /* Back: an accurate seek to the frame before, which decodes from the keyframe before it. */
  if (position > 0)
    seek_to (self, MAX (position - frame_ns, 0));
}

double
vigil_video_decoder_get_rate (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), 1.0);
  return self->rate;
}

void
vigil_video_decoder_set_rate (VigilVideoDecoder *self,
                              double             rate)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  rate = CLAMP (rate, MIN_RATE, MAX_RATE);
  if (G_APPROX_VALUE (self->rate, rate, 1e-6))
    return;
  self->rate = rate;
  if (can_control (self) && self->state != VIGIL_VIDEO_STATE_LOADING)
    seek_to (self, MAX (vigil_video_decoder_get_position (self), 0));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

gboolean
vigil_video_decoder_get_loop (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), FALSE);
  return self->loop;
}

void
vigil_video_decoder_set_loop (VigilVideoDecoder *self,
                              gboolean           loop)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));

  loop = !!loop;
  if (self->loop == loop)
    return;
  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

guint
vigil_video_decoder_get_load_timeout (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), LOAD_TIMEOUT_S);
  return self->load_timeout_s;
}

void
vigil_video_decoder_set_load_timeout (VigilVideoDecoder *self,
                                      guint              seconds)
{
  g_return_if_fail (VIGIL_IS_VIDEO_DECODER (self));
  g_return_if_fail (seconds > 0);

  if (self->load_timeout_s == seconds)
    return;
  self->load_timeout_s = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_TIMEOUT]);
}

gint64
vigil_video_decoder_get_duration (VigilVideoDecoder *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), -1);
  return self->duration;
}

gint64
vigil_video_decoder_get_position (VigilVideoDecoder *self)
{
  gint64 position;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), -1);

  g_mutex_lock (&self->lock);
  position = self->position;
  g_mutex_unlock (&self->lock);
  return position;
}

guint
vigil_video_decoder_get_n_frames (VigilVideoDecoder *self)
{
  guint n;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_frames;
  g_mutex_unlock (&self->lock);
  return n;
}

int
vigil_video_decoder_get_width (VigilVideoDecoder *self)
{
  int width;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), 0);

  g_mutex_lock (&self->lock);
  width = self->width;
  g_mutex_unlock (&self->lock);
  return width;
}

int
vigil_video_decoder_get_height (VigilVideoDecoder *self)
{
  int height;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), 0);

  g_mutex_lock (&self->lock);
  height = self->height;
  g_mutex_unlock (&self->lock);
  return height;
}

GstSample *
vigil_video_decoder_dup_sample (VigilVideoDecoder *self)
{
  GstSample *sample;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (self), NULL);

  g_mutex_lock (&self->lock);
  sample = self->sample != NULL ? gst_sample_ref (self->sample) : NULL;
  g_mutex_unlock (&self->lock);
  return sample;
}

static void
vigil_video_decoder_dispose (GObject *object)
{
  VigilVideoDecoder *self = VIGIL_VIDEO_DECODER (object);

  teardown (self);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vigil_video_decoder_parent_class)->dispose (object);
}

static void
vigil_video_decoder_finalize (GObject *object)
{
  VigilVideoDecoder *self = VIGIL_VIDEO_DECODER (object);

  g_clear_error (&self->error);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vigil_video_decoder_parent_class)->finalize (object);
}

static void
vigil_video_decoder_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilVideoDecoder *self = VIGIL_VIDEO_DECODER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    case PROP_LOAD_TIMEOUT:
      g_value_set_uint (value, self->load_timeout_s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_decoder_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigilVideoDecoder *self = VIGIL_VIDEO_DECODER (object);

  switch (prop_id)
    {
    case PROP_RATE:
      vigil_video_decoder_set_rate (self, g_value_get_double (value));
      break;
    case PROP_LOOP:
      vigil_video_decoder_set_loop (self, g_value_get_boolean (value));
      break;
    case PROP_LOAD_TIMEOUT:
      vigil_video_decoder_set_load_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_decoder_class_init (VigilVideoDecoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_video_decoder_dispose;
  object_class->finalize = vigil_video_decoder_finalize;
  object_class->get_property = vigil_video_decoder_get_property;
  object_class->set_property = vigil_video_decoder_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, VIGIL_TYPE_VIDEO_STATE, VIGIL_VIDEO_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, MIN_RATE, MAX_RATE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_TIMEOUT] =
    g_param_spec_uint ("load-timeout", NULL, NULL, 1, G_MAXUINT, LOAD_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A new frame to draw (vigil_video_decoder_dup_sample()). */
  signals[SIGNAL_FRAME] =
    g_signal_new ("frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vigil_video_decoder_init (VigilVideoDecoder *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->sync = TRUE;
  self->rate = 1.0;
  self->load_timeout_s = LOAD_TIMEOUT_S;
  self->duration = -1;
  self->position = -1;
  self->frame_ns = DEFAULT_FRAME_NS;
}
