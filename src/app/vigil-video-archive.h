/* vigil-video-archive.h — the verification clips of the alarms, fetched by policy
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per application. Following the "video-fetch" setting it downloads a videoReview alarm's
 * clip as soon as the alarm is in the queue ("always"), when the operator opens it
 * ("on-open"), or not at all ("never"), through the signed-in session's client into the video
 * cache ("video-cache-size" megabytes, oldest out first). The store records the file and its
 * SHA-256 with the event, as evidence.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-alarm.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_VIDEO_CLIP_NONE,         /* not asked for (or the policy is "never") */
  VIGIL_VIDEO_CLIP_FETCHING,
  VIGIL_VIDEO_CLIP_READY,
  VIGIL_VIDEO_CLIP_FAILED,
} VigilVideoClipState;

#define VIGIL_TYPE_VIDEO_ARCHIVE (vigil_video_archive_get_type ())

G_DECLARE_FINAL_TYPE (VigilVideoArchive, vigil_video_archive, VIGIL, VIDEO_ARCHIVE, GObject)

/* @settings nullable: "always", and a 1 GiB cache. @cache_dir NULL: the user cache dir.
 * @journal is not referenced (it usually owns the archive, see below). */
VigilVideoArchive   *vigil_video_archive_new    (VigilJournal      *journal,
                                                 GSettings         *settings,
                                                 const char        *cache_dir);

/* The archive of @journal's alarms, made on first use with the console's settings (kept with
 * the journal: there is one per store). */
VigilVideoArchive   *vigil_video_archive_get_for_journal (VigilJournal *journal);

/* "always", "on-open" or "never". */
const char          *vigil_video_archive_get_policy (VigilVideoArchive *self);

/* The operator opened @alarm: fetches its clip unless the policy is "never" or it is under
 * way or there. */
void                 vigil_video_archive_open   (VigilVideoArchive *self,
                                                 VigilAlarm        *alarm);

/* Where the clip of @video_url stands; the out arguments are borrowed and nullable. "changed"
 * (with the video URL) is emitted whenever it moves. */
VigilVideoClipState  vigil_video_archive_lookup (VigilVideoArchive *self,
                                                 const char        *video_url,
                                                 gint64            *bytes_done,
                                                 gint64            *bytes_total,
                                                 GFile            **file,
                                                 const char       **error_message);

G_END_DECLS
