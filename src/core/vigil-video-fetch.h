/* vigil-video-fetch.h — downloading an alarm's verification clip from the gateway (§7.2, §8.6)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clip's videoURL is resolved against the gateway's own origin when the fetch is made: a
 * URL naming another scheme, host or port is refused there, before any I/O, so the gateway's
 * credentials never go elsewhere. The download goes through the client's session (Digest,
 * certificate pin, lockout guard), reports its progress, resumes with an HTTP Range after a
 * dropped connection and hashes what it wrote (SHA-256), so the clip can serve as evidence.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-client.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_VIDEO_FETCH (vigil_video_fetch_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoFetch, vigil_video_fetch, VIGIL, VIDEO_FETCH, GObject)

/* NULL and VIGIL_CLIENT_ERROR_CROSS_ORIGIN (or INVALID_ARGUMENT) when @path_or_url is not on
 * the gateway of @client. */
VigilVideoFetch *vigil_video_fetch_new               (VigilClient      *client,
                                                      const char       *path_or_url,
                                                      GError          **error);

/* The absolute URL fetched. */
const char      *vigil_video_fetch_get_uri           (VigilVideoFetch  *self);
/* Progress: "bytes-done" and "bytes-total" (-1 while unknown) are notified as it goes. */
gint64           vigil_video_fetch_get_bytes_done    (VigilVideoFetch  *self);
gint64           vigil_video_fetch_get_bytes_total   (VigilVideoFetch  *self);
/* How often the download was resumed with a Range after the connection dropped. */
guint            vigil_video_fetch_get_n_resumes     (VigilVideoFetch  *self);
/* After success: the SHA-256 of the bytes written (hex) and the gateway's Content-Type. */
const char      *vigil_video_fetch_get_sha256        (VigilVideoFetch  *self);
const char      *vigil_video_fetch_get_content_type  (VigilVideoFetch  *self);

/* Downloads to @destination: into "@destination.part", renamed when complete (deleted when
 * not). Or, with @destination NULL, to @stream (a resumed download is appended to it; a
 * gateway that answers a Range with the whole file is then an error). One run per fetch. */
void             vigil_video_fetch_run_async         (VigilVideoFetch     *self,
                                                      GFile               *destination,
                                                      GOutputStream       *stream,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         vigil_video_fetch_run_finish        (VigilVideoFetch     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
