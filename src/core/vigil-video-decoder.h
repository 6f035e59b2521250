/* vigil-video-decoder.h — a clip decoded to RGBA frames with GStreamer, without a display
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * playbin with an appsink: the console's player draws the frames it hands out, and the tests
 * decode the simulator's clip through the very same pipeline with no display at all. It owns
 * the transport (play, pause, seek, a frame forward and back, speed, loop) and turns
 * GStreamer's errors into a sentence for the operator, naming a decoder that is not installed.
 */
#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_VIDEO_STATE_EMPTY,    /* no clip */
  VIGIL_VIDEO_STATE_LOADING,  /* the first frame is being decoded */
  VIGIL_VIDEO_STATE_PAUSED,
  VIGIL_VIDEO_STATE_PLAYING,
  VIGIL_VIDEO_STATE_ENDED,
  VIGIL_VIDEO_STATE_FAILED,   /* see vigil_video_decoder_get_error() */
} VigilVideoState;

#define VIGIL_TYPE_VIDEO_STATE (vigil_video_state_get_type ())
GType vigil_video_state_get_type (void) G_GNUC_CONST;

#define VIGIL_VIDEO_DECODER_ERROR (vigil_video_decoder_error_quark ())
GQuark vigil_video_decoder_error_quark (void);

typedef enum
{
  VIGIL_VIDEO_DECODER_ERROR_MISSING_DECODER,
  VIGIL_VIDEO_DECODER_ERROR_DAMAGED,
  VIGIL_VIDEO_DECODER_ERROR_UNREADABLE,
  VIGIL_VIDEO_DECODER_ERROR_FAILED,
} VigilVideoDecoderError;

#define VIGIL_TYPE_VIDEO_DECODER (vigil_video_decoder_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoDecoder, vigil_video_decoder, VIGIL, VIDEO_DECODER, GObject)

/* Calls gst_init() once. Its signals and notifications come on the thread-default main
 * context of the thread that created it. */
VigilVideoDecoder *vigil_video_decoder_new             (void);

/* Loads @file (NULL: none) and decodes its first frame, paused. */
void               vigil_video_decoder_set_file        (VigilVideoDecoder *self,
                                                        GFile             *file);
GFile             *vigil_video_decoder_get_file        (VigilVideoDecoder *self);

/* FALSE: frames as fast as they decode, not at the clip's pace (for checks without a screen).
 * Takes effect with the next file. */
void               vigil_video_decoder_set_sync        (VigilVideoDecoder *self,
                                                        gboolean           sync);

VigilVideoState    vigil_video_decoder_get_state       (VigilVideoDecoder *self);
/* The sentence for the operator when the state is FAILED, else NULL. */
const GError      *vigil_video_decoder_get_error       (VigilVideoDecoder *self);

void               vigil_video_decoder_play            (VigilVideoDecoder *self);
void               vigil_video_decoder_pause           (VigilVideoDecoder *self);
/* @position in nanoseconds from the start of the clip. */
void               vigil_video_decoder_seek            (VigilVideoDecoder *self,
                                                        gint64             position);
/* One frame forward (@forward) or back; pauses. */
void               vigil_video_decoder_step            (VigilVideoDecoder *self,
                                                        gboolean           forward);
double             vigil_video_decoder_get_rate        (VigilVideoDecoder *self);
/* 0.25 to 4. */
void               vigil_video_decoder_set_rate        (VigilVideoDecoder *self,
                                                        double             rate);
gboolean           vigil_video_decoder_get_loop        (VigilVideoDecoder *self);
void               vigil_video_decoder_set_loop        (VigilVideoDecoder *self,
                                                        gboolean           loop);
/* Seconds a clip may take to show its first frame before it is reported as damaged (10); for
 * slow machines and the tests under valgrind. Applies to the next file set. */
guint              vigil_video_decoder_get_load_timeout (VigilVideoDecoder *self);
void               vigil_video_decoder_set_load_timeout (VigilVideoDecoder *self,
                                                         guint              seconds);

/* In nanoseconds, -1 while unknown. The position is that of the frame last handed out. */
gint64             vigil_video_decoder_get_duration    (VigilVideoDecoder *self);
gint64             vigil_video_decoder_get_position    (VigilVideoDecoder *self);
/* Frames decoded while playing since the clip was loaded (the paused preview not counted). */
guint              vigil_video_decoder_get_n_frames    (VigilVideoDecoder *self);
int                vigil_video_decoder_get_width       (VigilVideoDecoder *self);
int                vigil_video_decoder_get_height      (VigilVideoDecoder *self);

/* The frame on show (RGBA, video/x-raw caps), or NULL before the first one. "frame" is emitted
 * when it changes. */
GstSample         *vigil_video_decoder_dup_sample      (VigilVideoDecoder *self);

G_END_DECLS
