/* vigil-video-archive.c — the verification clips of the alarms, fetched by policy
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-archive"

#include <glib/gi18n.h>

#include "vigil-settings.h"
#include "vigil-video-archive.h"
#include "vigil-video-cache.h"
#include "vigil-video-fetch.h"

#define DEFAULT_CACHE_MB 1024
#define BYTES_PER_MB     (1024 * 1024)

struct _VigilVideoArchive
{
  GObject parent_instance;

  VigilJournal    *journal;    /* weak: the journal keeps the archive */
  GSettings       *settings;
  VigilVideoCache *cache;
  VigilAlarmQueue *queue;
  GHashTable      *jobs;       /* video URL as sent → Job */
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (VigilVideoArchive, vigil_video_archive, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  VigilVideoArchive   *archive;    /* borrowed: the archive owns the job */
  char                *url;
  VigilAlarm          *alarm;
  VigilVideoFetch     *fetch;
  GFile               *file;
  char                *sha256;
  char                *error;
  VigilVideoClipState  state;
  gboolean             recorded;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->alarm != NULL)
    g_signal_handlers_disconnect_by_data (job->alarm, job);
  if (job->fetch != NULL)
    g_signal_handlers_disconnect_by_data (job->fetch, job);
  g_clear_object (&job->alarm);
  g_clear_object (&job->fetch);
  g_clear_object (&job->file);
  g_free (job->url);
  g_free (job->sha256);
  g_free (job->error);
  g_free (job);
}

static void
emit_changed (Job *job)
{
  g_signal_emit (job->archive, signals[SIGNAL_CHANGED], 0, job->url);
}

static void
fail_job (Job        *job,
          const char *message)
{
  g_free (job->error);
  job->error = g_strdup (message);
  job->state = VIGIL_VIDEO_CLIP_FAILED;
  emit_changed (job);
}

static void
on_video_recorded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_event_store_set_video_finish (VIGIL_EVENT_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The clip was not recorded with its alarm: %s", error->message);
}

/* The store keeps the file and its hash with the event, once the event is committed. */
static void
record (Job *job)
{
  VigilEventStore *store = job->archive->journal ? vigil_journal_get_store (job->archive->journal) : NULL;
  g_autofree char *path = NULL;

  if (job->recorded || job->state != VIGIL_VIDEO_CLIP_READY || job->sha256 == NULL ||
      store == NULL || vigil_alarm_get_event_id (job->alarm) <= 0)
    return;

  job->recorded = TRUE;
  path = g_file_get_path (job->file);
  vigil_event_store_set_video_async (store, vigil_alarm_get_event_id (job->alarm), path, job->sha256,
                                     job->archive->cancellable, on_video_recorded, NULL);
}

static void
on_alarm_pending (Job *job)
{
  record (job);
}

static void
on_pruned (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  vigil_video_cache_prune_finish (VIGIL_VIDEO_CACHE (source), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("The video cache could not be trimmed: %s", error->message);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  VigilVideoFetch *fetch = VIGIL_VIDEO_FETCH (source);
  g_autoptr(VigilVideoArchive) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = vigil_video_fetch_run_finish (fetch, result, &error);
  Job *job;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  {
    /* Jobs are keyed by the alarm's URL as sent; find this fetch's. */
    GHashTableIter iter;
    gpointer value;

    job = NULL;
    g_hash_table_iter_init (&iter, self->jobs);
    while (job == NULL && g_hash_table_iter_next (&iter, NULL, &value))
      if (((Job *) value)->fetch == fetch)
        job = value;
  }
  if (job == NULL)
    return;

  if (!ok)
    {
      g_message ("The clip %s was not downloaded: %s", vigil_video_fetch_get_uri (fetch), error->message);
      fail_job (job, error->message);
      return;
    }

  job->sha256 = g_strdup (vigil_video_fetch_get_sha256 (fetch));
  job->state = VIGIL_VIDEO_CLIP_READY;
  record (job);
  vigil_video_cache_prune_async (self->cache, job->file, self->cancellable, on_pruned, NULL);
  emit_changed (job);
}

static void
on_progress (Job *job)
{
  emit_changed (job);
}

static void
start (VigilVideoArchive *self,
       VigilAlarm        *alarm,
       gboolean           opening)
{
  VigilEvent *event = vigil_alarm_get_event (alarm);
  g_autofree char *mode = self->settings != NULL ? g_settings_get_string (self->settings, "video-fetch")
                                                 : g_strdup ("always");
  VigilSession *session = self->journal ? vigil_journal_get_session (self->journal) : NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  if (event == NULL || event->video_url == NULL || *event->video_url == '\0')
    return;
  if (g_str_equal (mode, "never") || (g_str_equal (mode, "on-open") && !opening))
    return;

  job = g_hash_table_lookup (self->jobs, event->video_url);
  if (job != NULL && job->state != VIGIL_VIDEO_CLIP_FAILED)
    {
      /* The same clip for a committed copy of a pending alarm: record it for that one. */
      if (job->alarm != alarm && vigil_alarm_get_event_id (alarm) > 0 && !job->recorded)
        {
          g_signal_handlers_disconnect_by_data (job->alarm, job);
          g_set_object (&job->alarm, alarm);
          record (job);
        }
      return;
    }
  if (job != NULL && !opening)
    return;

  job = g_new0 (Job, 1);
  job->archive = self;
  job->url = g_strdup (event->video_url);
  job->alarm = g_object_ref (alarm);
  job->state = VIGIL_VIDEO_CLIP_FETCHING;
  g_hash_table_replace (self->jobs, job->url, job);
  g_signal_connect_swapped (alarm, "notify::pending", G_CALLBACK (on_alarm_pending), job);

  if (session == NULL)
    {
      fail_job (job, _("Not signed in to a gateway: the video cannot be downloaded."));
      return;
    }

  /* A URL off the gateway's origin is refused here, before any I/O, and logged. */
  job->fetch = vigil_video_fetch_new (vigil_session_get_client (session), event->video_url, &error);
  if (job->fetch == NULL)
    {
      g_message ("Refused the videoURL of an alarm: %s", error->message);
      fail_job (job, error->message);
      return;
    }

  job->file = vigil_video_cache_file_for_url (self->cache, vigil_video_fetch_get_uri (job->fetch));
  g_signal_connect_swapped (job->fetch, "notify::bytes-done", G_CALLBACK (on_progress), job);
  vigil_video_fetch_run_async (job->fetch, job->file, NULL, self->cancellable, on_fetched, g_object_ref (self));
  emit_changed (job);
}

static void
on_items_changed (VigilVideoArchive *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (model, i);

      start (self, alarm, FALSE);
    }
}

static void
on_queue (VigilVideoArchive *self)
{
  VigilAlarmQueue *queue = self->journal ? vigil_journal_get_queue (self->journal) : NULL;

  if (self->queue == queue)
    return;
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);
  if (queue != NULL)
    {
      g_signal_connect_object (queue, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
      on_items_changed (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (queue)), G_LIST_MODEL (queue));
    }
}

static void
on_cache_size (VigilVideoArchive *self)
{
  vigil_video_cache_set_max_bytes (self->cache,
                                   (guint64) g_settings_get_uint (self->settings, "video-cache-size") * BYTES_PER_MB);
}

VigilVideoArchive *
vigil_video_archive_new (VigilJournal *journal,
                         GSettings    *settings,
                         const char   *cache_dir)
{
  VigilVideoArchive *self;

  g_return_val_if_fail (VIGIL_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VIGIL_TYPE_VIDEO_ARCHIVE, NULL);
  g_set_weak_pointer (&self->journal, journal);
  self->cache = vigil_video_cache_new (cache_dir, (guint64) DEFAULT_CACHE_MB * BYTES_PER_MB);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::video-cache-size", G_CALLBACK (on_cache_size), self, G_CONNECT_SWAPPED);
      on_cache_size (self);
    }
  g_signal_connect_object (journal, "notify::queue", G_CALLBACK (on_queue), self, G_CONNECT_SWAPPED);
  on_queue (self);
  return self;
}

VigilVideoArchive *
vigil_video_archive_get_for_journal (VigilJournal *journal)
{
  VigilVideoArchive *self;

  g_return_val_if_fail (VIGIL_IS_JOURNAL (journal), NULL);

  self = g_object_get_data (G_OBJECT (journal), "vigil-video-archive");
  if (self == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSettings) settings = vigil_settings_new (&error);

      if (settings == NULL)
        g_message ("Video settings unavailable, using the defaults: %s", error->message);
      self = vigil_video_archive_new (journal, settings, NULL);
      /* The archive holds the journal; the journal's data holds the archive: broken on dispose
       * of the journal, which drops its data. */
      g_object_set_data_full (G_OBJECT (journal), "vigil-video-archive", self, g_object_unref);
    }
  return self;
}

const char *
vigil_video_archive_get_policy (VigilVideoArchive *self)
{
  g_autofree char *mode = NULL;

  g_return_val_if_fail (VIGIL_IS_VIDEO_ARCHIVE (self), NULL);

  mode = self->settings != NULL ? g_settings_get_string (self->settings, "video-fetch") : NULL;
  if (g_strcmp0 (mode, "never") == 0)
    return "never";
  if (g_strcmp0 (mode, "on-open") == 0)
    return "on-open";
  return "always";
}

void
vigil_video_archive_open (VigilVideoArchive *self,
                          VigilAlarm        *alarm)
{
  g_return_if_fail (VIGIL_IS_VIDEO_ARCHIVE (self));
  g_return_if_fail (VIGIL_IS_ALARM (alarm));

  start (self, alarm, TRUE);
}

VigilVideoClipState
vigil_video_archive_lookup (VigilVideoArchive  *self,
                            const char         *video_url,
                            gint64             *bytes_done,
                            gint64             *bytes_total,
                            GFile             **file,
                            const char        **error_message)
{
  Job *job;

  g_return_val_if_fail (VIGIL_IS_VIDEO_ARCHIVE (self), VIGIL_VIDEO_CLIP_NONE);

  job = video_url != NULL ? g_hash_table_lookup (self->jobs, video_url) : NULL;
  if (bytes_done != NULL)
    *bytes_done = job != NULL && job->fetch != NULL ? vigil_video_fetch_get_bytes_done (job->fetch) : 0;
  if (bytes_total != NULL)
    *bytes_total = job != NULL && job->fetch != NULL ? vigil_video_fetch_get_bytes_total (job->fetch) : -1;
  if (file != NULL)
    *file = job != NULL && job->state == VIGIL_VIDEO_CLIP_READY ? job->file : NULL;
  if (error_message != NULL)
    *error_message = job != NULL ? job->error : NULL;
  return job != NULL ? job->state : VIGIL_VIDEO_CLIP_NONE;
}

static void
vigil_video_archive_dispose (GObject *object)
{
  VigilVideoArchive *self = VIGIL_VIDEO_ARCHIVE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->queue);
  g_hash_table_remove_all (self->jobs);
  g_clear_weak_pointer (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (vigil_video_archive_parent_class)->dispose (object);
}

static void
vigil_video_archive_finalize (GObject *object)
{
  VigilVideoArchive *self = VIGIL_VIDEO_ARCHIVE (object);

  g_hash_table_unref (self->jobs);
  g_object_unref (self->cancellable);

  G_OBJECT_CLASS (vigil_video_archive_parent_class)->finalize (object);
}

static void
vigil_video_archive_class_init (VigilVideoArchiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_video_archive_dispose;
  object_class->finalize = vigil_video_archive_finalize;

  /* The clip of this video URL (as the alarm sent it) moved on. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vigil_video_archive_init (VigilVideoArchive *self)
{
  self->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, job_free);
  self->cancellable = g_cancellable_new ();
}
