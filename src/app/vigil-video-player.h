/* vigil-video-player.h — the alarm's verification clip, played inline
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A picture over VigilVideoDecoder's frames and its transport: play/pause, a seek bar with the
 * time (the alarm's moment marked on it when known), a frame back and forward, speed, loop, a
 * snapshot to PNG and "Open With…" an external player. A clip that cannot be played shows why
 * in the player; nothing else in the window depends on it.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-video-decoder.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_VIDEO_PLAYER (vigil_video_player_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoPlayer, vigil_video_player, VIGIL, VIDEO_PLAYER, GtkWidget)

GtkWidget         *vigil_video_player_new            (void);

/* Plays @file (paused on its first frame). NULL: nothing. */
void               vigil_video_player_set_file       (VigilVideoPlayer *self,
                                                      GFile            *file);
GFile             *vigil_video_player_get_file       (VigilVideoPlayer *self);
/* Instead of a clip: a download under way (@fraction < 0: unknown size). */
void               vigil_video_player_show_progress  (VigilVideoPlayer *self,
                                                      double            fraction,
                                                      const char       *text);
/* Instead of a clip: why there is none. */
void               vigil_video_player_show_message   (VigilVideoPlayer *self,
                                                      const char       *title,
                                                      const char       *text);
/* What the player says now (a message or the decoder's error), NULL while it shows video. */
const char        *vigil_video_player_get_message    (VigilVideoPlayer *self);

/* Marks @trigger on the seek bar, the clip ending at @clip_end (both NULL: no mark). */
void               vigil_video_player_set_trigger    (VigilVideoPlayer *self,
                                                      GDateTime        *trigger,
                                                      GDateTime        *clip_end);
/* Seconds from the start of the clip of the mark, -1 when none is shown. */
double             vigil_video_player_get_trigger_offset (VigilVideoPlayer *self);

VigilVideoDecoder *vigil_video_player_get_decoder    (VigilVideoPlayer *self);
/* The frame on show, NULL before the first. */
GdkTexture        *vigil_video_player_get_frame      (VigilVideoPlayer *self);
/* Writes the frame on show as PNG. */
gboolean           vigil_video_player_save_frame     (VigilVideoPlayer *self,
                                                      GFile            *file,
                                                      GError          **error);

G_END_DECLS
