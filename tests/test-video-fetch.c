/* test-video-fetch.c — verification clips: download, cache and decoding without a display
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator serves its H.264 clip behind Digest auth on 127.0.0.1, on the test's own main
 * context; the clip is decoded by the pipeline the console's player uses.
 */
#include <string.h>

#include <glib/gstdio.h>

#include "vigil-client.h"
#include "vigil-sim-gateway.h"
#include "vigil-video-cache.h"
#include "vigil-video-decoder.h"
#include "vigil-video-fetch.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"

typedef struct
{
  VigilSimGateway *sim;
  VigilClient     *client;
  char            *dir;
  char            *clip_sha256;
  gsize            clip_size;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();

  f->sim = vigil_sim_gateway_new (42, 2);
  vigil_sim_gateway_set_credentials (f->sim, USER, PASSWORD);
  g_assert_true (vigil_sim_gateway_listen (f->sim, 0, &error));
  g_assert_no_error (error);

  url = vigil_sim_gateway_dup_url (f->sim);
  f->client = vigil_client_new (url, &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (f->client, USER, PASSWORD);

  f->dir = g_dir_make_tmp ("vigil-video-XXXXXX", &error);
  g_assert_no_error (error);
  f->clip_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, clip);
  f->clip_size = g_bytes_get_size (clip);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->sim);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->clip_sha256);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
await (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
run_fetch (VigilVideoFetch  *fetch,
           GFile            *destination,
           GError          **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  vigil_video_fetch_run_async (fetch, destination, NULL, NULL, on_done, &result);
  await (&result);
  ok = vigil_video_fetch_run_finish (fetch, result, error);
  g_object_unref (result);
  return ok;
}

static char *
file_sha256 (GFile *file)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
on_progress (VigilVideoFetch *fetch,
             GParamSpec      *pspec,
             gint64          *last)
{
  gint64 done = vigil_video_fetch_get_bytes_done (fetch);

  /* Progress only grows while the download goes on. */
  g_assert_cmpint (done, >=, *last);
  *last = done;
}

/* Decodes @file headlessly to its end; the decoder is returned in its final state. */
static VigilVideoDecoder *
decode_all (GFile *file)
{
  VigilVideoDecoder *decoder = vigil_video_decoder_new ();
  gboolean sanitized = g_getenv ("VIGIL_TEST_SANITIZED") != NULL;
  gint64 deadline = g_get_monotonic_time () + (sanitized ? 240 : 60) * G_USEC_PER_SEC;

  /* Under memcheck the first frame of a good clip takes longer than the 10 s that mark a
   * damaged one. */
  if (sanitized)
    vigil_video_decoder_set_load_timeout (decoder, 120);
  vigil_video_decoder_set_sync (decoder, FALSE);
  vigil_video_decoder_set_file (decoder, file);
  vigil_video_decoder_play (decoder);
  while (vigil_video_decoder_get_state (decoder) != VIGIL_VIDEO_STATE_ENDED &&
         vigil_video_decoder_get_state (decoder) != VIGIL_VIDEO_STATE_FAILED)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return decoder;
}

static void
test_fetch_and_decode (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVideoCache) cache = vigil_video_cache_new (f->dir, 0);
  g_autofree char *path = vigil_sim_gateway_add_clip (f->sim);
  g_autoptr(VigilVideoFetch) fetch = vigil_video_fetch_new (f->client, path, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(VigilVideoDecoder) decoder = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *basename = NULL;
  gint64 last = 0;

  g_assert_no_error (error);
  file = vigil_video_cache_file_for_url (cache, vigil_video_fetch_get_uri (fetch));
  basename = g_file_get_basename (file);
  g_assert_true (g_str_has_suffix (basename, ".mp4"));
  g_assert_null (strchr (basename, '?'));

  g_signal_connect (fetch, "notify::bytes-done", G_CALLBACK (on_progress), &last);
  g_assert_true (run_fetch (fetch, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (vigil_video_fetch_get_bytes_done (fetch), ==, (gint64) f->clip_size);
  g_assert_cmpint (vigil_video_fetch_get_bytes_total (fetch), ==, (gint64) f->clip_size);
  g_assert_cmpint (last, ==, (gint64) f->clip_size);
  g_assert_cmpuint (vigil_video_fetch_get_n_resumes (fetch), ==, 0);
  g_assert_cmpstr (vigil_video_fetch_get_content_type (fetch), ==, "video/mp4");
  sha = file_sha256 (file);
  g_assert_cmpstr (sha, ==, f->clip_sha256);
  g_assert_cmpstr (vigil_video_fetch_get_sha256 (fetch), ==, f->clip_sha256);

  decoder = decode_all (file);
  g_assert_null (vigil_video_decoder_get_error (decoder));
  g_assert_cmpint (vigil_video_decoder_get_state (decoder), ==, VIGIL_VIDEO_STATE_ENDED);
  g_assert_cmpint (vigil_video_decoder_get_width (decoder), ==, 320);
  g_assert_cmpint (vigil_video_decoder_get_height (decoder), ==, 240);
  /* The simulator's clip: 3 s at 25 frames a second. */
  g_test_message ("%u frames, %" G_GINT64_FORMAT " ns", vigil_video_decoder_get_n_frames (decoder),
                  vigil_video_decoder_get_duration (decoder));
  g_assert_cmpuint (vigil_video_decoder_get_n_frames (decoder), ==, 75);
  g_assert_cmpint (vigil_video_decoder_get_duration (decoder), ==, 3 * GST_SECOND);
}

static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vigil_sim_gateway_add_clip (f->sim);
  g_autoptr(VigilVideoFetch) fetch = vigil_video_fetch_new (f->client, path, &error);
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "resumed.mp4", NULL);
  g_autoptr(GFile) part = g_file_new_build_filename (f->dir, "resumed.mp4.part", NULL);
  g_autofree char *sha = NULL;

  g_assert_no_error (error);
  /* Every response stops after 20000 bytes: the clip comes in three pieces. */
  vigil_sim_gateway_set_video_cut (f->sim, 20000);

  g_assert_true (run_fetch (fetch, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_video_fetch_get_n_resumes (fetch), ==, (f->clip_size - 1) / 20000);
  g_assert_cmpint (vigil_video_fetch_get_bytes_done (fetch), ==, (gint64) f->clip_size);
  sha = file_sha256 (file);
  g_assert_cmpstr (sha, ==, f->clip_sha256);
  g_assert_cmpstr (vigil_video_fetch_get_sha256 (fetch), ==, f->clip_sha256);
  g_assert_false (g_file_query_exists (part, NULL));
}

static void
test_cross_origin (Fixture       *f,
                   gconstpointer  data)
{
  static const char *refused[] = {
    "http://203.0.113.7/HikGatewayStorage/pic?a.mp4",
    "//203.0.113.7/HikGatewayStorage/pic?a.mp4",
    "https://127.0.0.1:1/HikGatewayStorage/pic?a.mp4",
    "ftp://127.0.0.1/a.mp4",
  };
  guint64 before = vigil_sim_gateway_get_n_requests (f->sim);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilVideoFetch) fetch = vigil_video_fetch_new (f->client, refused[i], &error);

      g_assert_null (fetch);
      g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN);
    }
  /* Refused before any I/O. */
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, before);
}

static void
test_refused_by_gateway (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVideoFetch) fetch = vigil_video_fetch_new (f->client, "/HikGatewayStorage/pic?unknown.mp4", &error);
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "unknown.mp4", NULL);
  g_autoptr(GFile) part = g_file_new_build_filename (f->dir, "unknown.mp4.part", NULL);

  g_assert_no_error (error);
  g_assert_false (run_fetch (fetch, file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_false (g_file_query_exists (part, NULL));
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "truncated.mp4", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVideoDecoder) decoder = NULL;
  const GError *decode_error;

  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (clip, NULL), f->clip_size / 2, NULL,
                                          FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  decoder = decode_all (file);
  decode_error = vigil_video_decoder_get_error (decoder);
  g_assert_cmpint (vigil_video_decoder_get_state (decoder), ==, VIGIL_VIDEO_STATE_FAILED);
  g_assert_error (decode_error, VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_DAMAGED);
  g_test_message ("%s", decode_error->message);
  g_assert_nonnull (strstr (decode_error->message, "truncated or damaged"));
}

static void
test_missing_decoder (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "clip.mp4", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVideoDecoder) decoder = NULL;
  g_autoptr(GstCaps) h264 = NULL;
  GList *features = NULL;
  GList *hidden = NULL;
  const GError *decode_error;

  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (clip, NULL), f->clip_size, NULL,
                                          FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* As on a system without gst-libav: no H.264 decoder is picked. */
  gst_init (NULL, NULL);
  h264 = gst_caps_from_string ("video/x-h264");
  features = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_NONE);
  for (GList *l = features; l != NULL; l = l->next)
    {
      GstElementFactory *factory = l->data;

      if (gst_element_factory_can_sink_any_caps (factory, h264) &&
          gst_plugin_feature_get_rank (GST_PLUGIN_FEATURE (factory)) > GST_RANK_NONE)
        {
          hidden = g_list_prepend (hidden, GUINT_TO_POINTER (gst_plugin_feature_get_rank (GST_PLUGIN_FEATURE (factory))));
          hidden = g_list_prepend (hidden, factory);
          gst_plugin_feature_set_rank (GST_PLUGIN_FEATURE (factory), GST_RANK_NONE);
        }
    }

  decoder = decode_all (file);
  decode_error = vigil_video_decoder_get_error (decoder);

  for (GList *l = hidden; l != NULL; l = l->next->next)
    gst_plugin_feature_set_rank (GST_PLUGIN_FEATURE (l->data), GPOINTER_TO_UINT (l->next->data));
  g_list_free (hidden);
  gst_plugin_feature_list_free (features);

  g_assert_cmpint (vigil_video_decoder_get_state (decoder), ==, VIGIL_VIDEO_STATE_FAILED);
  g_assert_error (decode_error, VIGIL_VIDEO_DECODER_ERROR, VIGIL_VIDEO_DECODER_ERROR_MISSING_DECODER);
  g_test_message ("%s", decode_error->message);
  g_assert_nonnull (strstr (decode_error->message, "H.264"));
  g_assert_nonnull (strstr (decode_error->message, "avdec_h264"));
}

static void
touch (const char *dir,
       const char *name,
       gsize       size,
       gint64      age_s)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = g_malloc0 (size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize) size, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) (g_get_real_time () / G_USEC_PER_SEC - age_s),
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VigilVideoCache) cache = vigil_video_cache_new (f->dir, 2500);
  g_autoptr(GFile) a = NULL, b = NULL, evil = NULL, keep = NULL;
  g_autofree char *evil_name = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint64 freed;

  /* Safe names only; the hash tells two gateways' clips of the same name apart. */
  a = vigil_video_cache_file_for_url (cache, "http://10.0.0.1/HikGatewayStorage/pic?AB_CH01_20260101.mp4");
  b = vigil_video_cache_file_for_url (cache, "http://10.0.0.2/HikGatewayStorage/pic?AB_CH01_20260101.mp4");
  g_assert_false (g_file_equal (a, b));
  evil = vigil_video_cache_file_for_url (cache, "http://10.0.0.1/x/..%2F..%2F..%2Fetc%2Fpasswd");
  evil_name = g_file_get_basename (evil);
  g_assert_null (strstr (evil_name, ".."));
  g_assert_null (strchr (evil_name, '/'));
  {
    g_autoptr(GFile) parent = g_file_get_parent (evil);
    g_autofree char *parent_path = g_file_get_path (parent);

    g_assert_cmpstr (parent_path, ==, f->dir);
  }
  g_assert_null (vigil_video_name_from_url ("/HikGatewayStorage/pic?a%2F..%2Fb.mp4"));
  g_assert_null (vigil_video_name_from_url ("/HikGatewayStorage/pic?.hidden"));
  {
    g_autofree char *name = vigil_video_name_from_url ("/HikGatewayStorage/pic?F14E_CH02_20191009175543.mp4");

    g_assert_cmpstr (name, ==, "F14E_CH02_20191009175543.mp4");
  }

  /* Oldest first out, down to the limit; the clip just fetched stays. */
  touch (f->dir, "oldest.mp4", 1000, 300);
  touch (f->dir, "older.mp4", 1000, 200);
  touch (f->dir, "new.mp4", 1000, 100);
  touch (f->dir, "kept.mp4", 1000, 400);
  keep = g_file_new_build_filename (f->dir, "kept.mp4", NULL);

  vigil_video_cache_prune_async (cache, keep, NULL, on_done, &result);
  await (&result);
  freed = vigil_video_cache_prune_finish (cache, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, 2000);
  g_assert_false (exists_in (f->dir, "oldest.mp4"));
  g_assert_false (exists_in (f->dir, "older.mp4"));
  g_assert_true (exists_in (f->dir, "new.mp4"));
  g_assert_true (exists_in (f->dir, "kept.mp4"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/video/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("fetch-and-decode", test_fetch_and_decode);
  ADD ("resume", test_resume);
  ADD ("cross-origin", test_cross_origin);
  ADD ("refused-by-gateway", test_refused_by_gateway);
  ADD ("truncated", test_truncated);
  ADD ("missing-decoder", test_missing_decoder);
  ADD ("cache", test_cache);
#undef ADD

  return g_test_run ();
}
