/* vigil-video-paintable.c — the decoder's frames as a GdkPaintable
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-paintable"

#include <gst/video/video.h>

#include "vigil-video-paintable.h"

struct _VigilVideoPaintable
{
  GObject parent_instance;

  VigilVideoDecoder *decoder;
  GdkTexture        *texture;
};

static void vigil_video_paintable_iface_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilVideoPaintable, vigil_video_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, vigil_video_paintable_iface_init))

/* An RGBA frame copied into a texture: the sample's buffer goes back to GStreamer at once. */
static GdkTexture *
texture_from_sample (GstSample *sample)
{
  GstBuffer *buffer = gst_sample_get_buffer (sample);
  GstCaps *caps = gst_sample_get_caps (sample);
  GstVideoInfo info;
  GstVideoFrame frame;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  gsize stride;

  if (buffer == NULL || caps == NULL || !gst_video_info_from_caps (&info, caps) ||
      !gst_video_frame_map (&frame, &info, buffer, GST_MAP_READ))
    return NULL;

  stride = (gsize) GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0);
  bytes = g_bytes_new (GST_VIDEO_FRAME_PLANE_DATA (&frame, 0), stride * (gsize) GST_VIDEO_FRAME_HEIGHT (&frame));
  texture = gdk_memory_texture_new (GST_VIDEO_FRAME_WIDTH (&frame), GST_VIDEO_FRAME_HEIGHT (&frame),
                                    GDK_MEMORY_R8G8B8A8, bytes, stride);
  gst_video_frame_unmap (&frame);
  return texture;
}

static void
on_frame (VigilVideoPaintable *self,
          VigilVideoDecoder   *decoder)
{
  GstSample *sample = vigil_video_decoder_dup_sample (decoder);
  GdkTexture *texture = sample != NULL ? texture_from_sample (sample) : NULL;
  gboolean resized;

  if (sample != NULL)
    gst_sample_unref (sample);
  if (texture == NULL)
    return;

  resized = self->texture == NULL ||
            gdk_texture_get_width (self->texture) != gdk_texture_get_width (texture) ||
            gdk_texture_get_height (self->texture) != gdk_texture_get_height (texture);
  g_clear_object (&self->texture);
  self->texture = texture;

  if (resized)
    gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
}

static void
on_state (VigilVideoPaintable *self,
          GParamSpec          *pspec,
          VigilVideoDecoder   *decoder)
{
  /* A new clip (or none) starts blank, not with the last one's frame. */
  if (vigil_video_decoder_get_state (decoder) == VIGIL_VIDEO_STATE_EMPTY ||
      vigil_video_decoder_get_state (decoder) == VIGIL_VIDEO_STATE_LOADING)
    {
      if (self->texture == NULL)
        return;
      g_clear_object (&self->texture);
      gdk_paintable_invalidate_size (GDK_PAINTABLE (self));
      gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
    }
}

static void
paintable_snapshot (GdkPaintable *paintable,
                    GdkSnapshot  *snapshot,
                    double        width,
                    double        height)
{
  VigilVideoPaintable *self = VIGIL_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static GdkPaintable *
paintable_get_current_image (GdkPaintable *paintable)
{
  VigilVideoPaintable *self = VIGIL_VIDEO_PAINTABLE (paintable);

  if (self->texture != NULL)
    return GDK_PAINTABLE (g_object_ref (self->texture));
  return gdk_paintable_new_empty (0, 0);
}

static int
paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  VigilVideoPaintable *self = VIGIL_VIDEO_PAINTABLE (paintable);

  return self->texture != NULL ? gdk_texture_get_width (self->texture) : 0;
}

static int
paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  VigilVideoPaintable *self = VIGIL_VIDEO_PAINTABLE (paintable);

  return self->texture != NULL ? gdk_texture_get_height (self->texture) : 0;
}

static void
vigil_video_paintable_iface_init (GdkPaintableInterface *iface)
{
  iface->snapshot = paintable_snapshot;
  iface->get_current_image = paintable_get_current_image;
  iface->get_intrinsic_width = paintable_get_intrinsic_width;
  iface->get_intrinsic_height = paintable_get_intrinsic_height;
}

VigilVideoPaintable *
vigil_video_paintable_new (VigilVideoDecoder *decoder)
{
  VigilVideoPaintable *self;

  g_return_val_if_fail (VIGIL_IS_VIDEO_DECODER (decoder), NULL);

  self = g_object_new (VIGIL_TYPE_VIDEO_PAINTABLE, NULL);
  self->decoder = g_object_ref (decoder);
  g_signal_connect_object (decoder, "frame", G_CALLBACK (on_frame), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (decoder, "notify::state", G_CALLBACK (on_state), self, G_CONNECT_SWAPPED);
  return self;
}

GdkTexture *
vigil_video_paintable_get_texture (VigilVideoPaintable *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_PAINTABLE (self), NULL);
  return self->texture;
}

static void
vigil_video_paintable_dispose (GObject *object)
{
  VigilVideoPaintable *self = VIGIL_VIDEO_PAINTABLE (object);

  g_clear_object (&self->decoder);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (vigil_video_paintable_parent_class)->dispose (object);
}

static void
vigil_video_paintable_class_init (VigilVideoPaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vigil_video_paintable_dispose;
}

static void
vigil_video_paintable_init (VigilVideoPaintable *self)
{
}
