/* vigil-video-cache.c — where verification clips are kept, within a size limit
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-video-cache"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "vigil-video-cache.h"

/* Long enough to be unique among a gateway's clips, short enough for any file system. */
#define HASH_CHARS     16
#define MAX_NAME_CHARS 96

struct _VigilVideoCache
{
  GObject parent_instance;

  char    *directory;
  guint64  max_bytes;
};

G_DEFINE_FINAL_TYPE (VigilVideoCache, vigil_video_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_MAX_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char  *path;
  gint64 mtime;
  guint64 size;
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

static gint
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  const CacheEntry *x = *(CacheEntry * const *) a;
  const CacheEntry *y = *(CacheEntry * const *) b;

  if (x->mtime != y->mtime)
    return x->mtime < y->mtime ? -1 : 1;
  return g_strcmp0 (x->path, y->path);
}

typedef struct
{
  char    *directory;
  char    *keep;
  guint64  max_bytes;
} PruneData;

static void
prune_data_free (gpointer data)
{
  PruneData *prune = data;

  g_free (prune->directory);
  g_free (prune->keep);
  g_free (prune);
}

static void
prune_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PruneData *prune = task_data;
  g_autoptr(GFile) dir = g_file_new_for_path (prune->directory);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (cache_entry_free);
  g_autoptr(GError) error = NULL;
  guint64 total = 0, freed = 0;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &error);
  if (children == NULL)
    {
      /* No folder yet: nothing to free. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_int (task, 0);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;
      CacheEntry *entry;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      entry = g_new0 (CacheEntry, 1);
      entry->path = g_build_filename (prune->directory, g_file_info_get_name (info), NULL);
      entry->size = (guint64) g_file_info_get_size (info);
      entry->mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      total += entry->size;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_oldest_first);
  for (guint i = 0; i < entries->len && prune->max_bytes > 0 && total > prune->max_bytes; i++)
    {
      CacheEntry *entry = g_ptr_array_index (entries, i);

      if (prune->keep != NULL && g_str_equal (entry->path, prune->keep))
        continue;
      if (g_remove (entry->path) != 0)
        {
          g_warning ("Could not delete the old clip %s: %s", entry->path, g_strerror (errno));
          continue;
        }
      total -= entry->size;
      freed += entry->size;
    }

  g_task_return_int (task, (gssize) MIN (freed, (guint64) G_MAXSSIZE));
}

static gboolean
is_safe_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

/* @text (URI-escaped) if it unescapes to a plain, safe file name; else NULL. */
static char *
plain_file_name (const char *text)
{
  g_autofree char *unescaped = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  unescaped = g_uri_unescape_string (text, "/\\");
  if (unescaped == NULL || unescaped[0] == '\0' || unescaped[0] == '.' || strlen (unescaped) > MAX_NAME_CHARS)
    return NULL;
  for (const char *p = unescaped; *p; p++)
    if (!is_safe_char (*p))
      return NULL;

  return g_steal_pointer (&unescaped);
}

char *
vigil_video_name_from_url (const char *url)
{
  g_autoptr(GUri) parsed = NULL;
  const char *path;
  const char *slash;

  if (url == NULL)
    return NULL;
  parsed = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    {
      /* A bare path ("/HikGatewayStorage/pic?…"). */
      g_autofree char *full = g_strconcat ("http://gateway", url[0] == '/' ? "" : "/", url, NULL);

      parsed = g_uri_parse (full, G_URI_FLAGS_ENCODED, NULL);
      if (parsed == NULL)
        return NULL;
    }

  /* A query names the clip when there is one; an unsafe one is not replaced by the path. */
  if (g_uri_get_query (parsed) != NULL && *g_uri_get_query (parsed) != '\0')
    return plain_file_name (g_uri_get_query (parsed));

  path = g_uri_get_path (parsed);
  slash = strrchr (path, '/');
  return plain_file_name (slash ? slash + 1 : path);
}

VigilVideoCache *
vigil_video_cache_new (const char *directory,
                       guint64     max_bytes)
{
  g_autofree char *fallback = directory == NULL ? vigil_video_cache_dup_default_dir () : NULL;

  return g_object_new (VIGIL_TYPE_VIDEO_CACHE,
                       "directory", directory != NULL ? directory : fallback,
                       "max-bytes", max_bytes,
                       NULL);
}

char *
vigil_video_cache_dup_default_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "vigil", "videos", NULL);
}

const char *
vigil_video_cache_get_directory (VigilVideoCache *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_CACHE (self), NULL);
  return self->directory;
}

guint64
vigil_video_cache_get_max_bytes (VigilVideoCache *self)
{
  g_return_val_if_fail (VIGIL_IS_VIDEO_CACHE (self), 0);
  return self->max_bytes;
}

void
vigil_video_cache_set_max_bytes (VigilVideoCache *self,
                                 guint64          max_bytes)
{
  g_return_if_fail (VIGIL_IS_VIDEO_CACHE (self));

  if (self->max_bytes == max_bytes)
    return;
  self->max_bytes = max_bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BYTES]);
}

GFile *
vigil_video_cache_file_for_url (VigilVideoCache *self,
                                const char      *url)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (VIGIL_IS_VIDEO_CACHE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  /* The hash keeps two clips with the same name (two gateways) apart; the name is only there
   * for people looking into the folder, and only when it is safe. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  hash[HASH_CHARS] = '\0';
  name = vigil_video_name_from_url (url);
  file_name = name != NULL ? g_strdup_printf ("%s-%s", hash, name) : g_strdup_printf ("%s.mp4", hash);

  return g_file_new_build_filename (self->directory, file_name, NULL);
}

void
vigil_video_cache_prune_async (VigilVideoCache     *self,
                               GFile               *keep,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PruneData *prune;

  g_return_if_fail (VIGIL_IS_VIDEO_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_video_cache_prune_async);
  prune = g_new0 (PruneData, 1);
  prune->directory = g_strdup (self->directory);
  prune->keep = keep != NULL ? g_file_get_path (keep) : NULL;
  prune->max_bytes = self->max_bytes;
  g_task_set_task_data (task, prune, prune_data_free);
  g_task_run_in_thread (task, prune_thread);
}

guint64
vigil_video_cache_prune_finish (VigilVideoCache  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  gssize freed;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  freed = g_task_propagate_int (G_TASK (result), error);
  return freed > 0 ? (guint64) freed : 0;
}

static void
vigil_video_cache_finalize (GObject *object)
{
  VigilVideoCache *self = VIGIL_VIDEO_CACHE (object);

  g_free (self->directory);

  G_OBJECT_CLASS (vigil_video_cache_parent_class)->finalize (object);
}

static void
vigil_video_cache_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilVideoCache *self = VIGIL_VIDEO_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_MAX_BYTES:
      g_value_set_uint64 (value, self->max_bytes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_cache_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilVideoCache *self = VIGIL_VIDEO_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    case PROP_MAX_BYTES:
      vigil_video_cache_set_max_bytes (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_video_cache_class_init (VigilVideoCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_video_cache_finalize;
  object_class->get_property = vigil_video_cache_get_property;
  object_class->set_property = vigil_video_cache_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_BYTES] =
    g_param_spec_uint64 ("max-bytes", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_video_cache_init (VigilVideoCache *self)
{
}
