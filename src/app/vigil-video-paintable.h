/* vigil-video-paintable.h — the decoder's frames as a GdkPaintable
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GStreamer's GTK 4 sink is not packaged on Debian 12: the frames come from an appsink
 * (VigilVideoDecoder) and become memory textures here.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-video-decoder.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_VIDEO_PAINTABLE (vigil_video_paintable_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoPaintable, vigil_video_paintable, VIGIL, VIDEO_PAINTABLE, GObject)

VigilVideoPaintable *vigil_video_paintable_new         (VigilVideoDecoder   *decoder);
/* The frame on show, NULL before the first. */
GdkTexture          *vigil_video_paintable_get_texture (VigilVideoPaintable *self);

G_END_DECLS
