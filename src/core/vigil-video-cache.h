/* vigil-video-cache.h — where verification clips are kept, within a size limit
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One folder (by default "vigil/videos" under the user's cache directory). A clip's file name
 * is derived from its URL: a hash of the URL and the gateway's name for it reduced to safe
 * characters, so nothing from the URL reaches the file system unchecked. When the folder grows
 * past its limit the oldest clips go first.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_VIDEO_CACHE (vigil_video_cache_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoCache, vigil_video_cache, VIGIL, VIDEO_CACHE, GObject)

/* @directory NULL: the default folder. @max_bytes 0: no limit. */
VigilVideoCache *vigil_video_cache_new             (const char      *directory,
                                                    guint64          max_bytes);
char            *vigil_video_cache_dup_default_dir (void);

const char      *vigil_video_cache_get_directory   (VigilVideoCache *self);
guint64          vigil_video_cache_get_max_bytes   (VigilVideoCache *self);
void             vigil_video_cache_set_max_bytes   (VigilVideoCache *self,
                                                    guint64          max_bytes);

/* The file that holds the clip of @url (resolved, absolute) in this cache. */
GFile           *vigil_video_cache_file_for_url    (VigilVideoCache *self,
                                                    const char      *url);

/* Deletes the oldest clips until the folder fits the limit, never @keep (NULL: none). In a
 * thread; the result is the number of bytes freed. */
void             vigil_video_cache_prune_async     (VigilVideoCache     *self,
                                                    GFile               *keep,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
guint64          vigil_video_cache_prune_finish    (VigilVideoCache     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The gateway's own name for a clip in @url ("…_CH02_20191009175543.mp4": the query of its
 * videoURLs, else the last path segment), when it is a plain, safe file name; else NULL. */
char            *vigil_video_name_from_url         (const char      *url);

G_END_DECLS
