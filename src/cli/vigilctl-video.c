/* vigilctl-video.c — a video file from the gateway (guide §8.6.1)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path usually comes from an alarm (videoURL). The download is VigilVideoFetch's, as in the
 * console: only from the gateway's own origin, resumed with a Range when the connection drops.
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "vigil-video-cache.h"
#include "vigil-video-fetch.h"
#include "vigilctl-private.h"

#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gboolean  enabled;
  gint64    last_update;
  goffset   total;       /* -1 when unknown */
  goffset   done;
  char     *label;
} Progress;

static void
progress_draw (Progress *progress,
               gboolean  force)
{
  g_autofree char *done = NULL;
  gint64 now;

  if (!progress->enabled)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last_update < PROGRESS_INTERVAL)
    return;
  progress->last_update = now;

  done = vigilctl_format_size ((guint64) progress->done);
  if (progress->total > 0)
    {
      g_autofree char *total = vigilctl_format_size ((guint64) progress->total);
      int percent = (int) MIN (100, progress->done * 100 / progress->total);
      int filled = percent * 30 / 100;
      char bar[31];

      memset (bar, '#', (gsize) filled);
      memset (bar + filled, '-', (gsize) (30 - filled));
      bar[30] = '\0';
      g_printerr ("\r%s [%s] %3d%% %s / %s", progress->label, bar, percent, done, total);
    }
  else
    g_printerr ("\r%s %s", progress->label, done);
}

static void
progress_end (Progress *progress)
{
  if (progress->enabled)
    {
      progress_draw (progress, TRUE);
      g_printerr ("\n");
    }
  g_free (progress->label);
}

static void
on_bytes_done (VigilVideoFetch *fetch,
               GParamSpec      *pspec,
               Progress        *progress)
{
  progress->done = vigil_video_fetch_get_bytes_done (fetch);
  progress->total = vigil_video_fetch_get_bytes_total (fetch);
  progress_draw (progress, FALSE);
}

/* Standard output as a stream: the clip goes there as it arrives. */
static GOutputStream *
stdout_stream (void)
{
  return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
}

static int
video_fetch (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(VigilVideoFetch) fetch = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (“-” for standard output); default: the file name of PATH"), N_("FILE") },
    { NULL },
  };
  gboolean to_stdout;
  gboolean ok;
  int status;

  if (!vigilctl_parse_command (ctl, "video fetch PATH [-o FILE]",
                               _("Download a video file from the gateway (a videoURL of an alarm, or a path on the gateway)."),
                               entries, &argc, &argv, 1, 1, &status))
    return status;

  to_stdout = output != NULL && g_str_equal (output, "-");
  if (to_stdout && ctl->json)
    return vigilctl_usage_error (ctl, "%s", _("-o - writes the video to standard output, where --json would write too."));

  /* The origin check comes first, before any I/O (and before a password is asked for). */
  if (!vigilctl_make_client (ctl, &status))
    return status;
  fetch = vigil_video_fetch_new (ctl->client, argv[1], &error);
  if (fetch == NULL)
    return vigilctl_fail (ctl, error);

  if (output == NULL)
    {
      output = vigil_video_name_from_url (vigil_video_fetch_get_uri (fetch));
      if (output == NULL)
        return vigilctl_usage_error (ctl, _("No file name in “%s”: give -o FILE."), argv[1]);
    }

  if (!vigilctl_connect (ctl, &status))
    return status;

  progress.enabled = !ctl->json && isatty (STDERR_FILENO);
  progress.total = -1;
  progress.label = g_path_get_basename (to_stdout ? argv[1] : output);
  g_signal_connect (fetch, "notify::bytes-done", G_CALLBACK (on_bytes_done), &progress);

  if (to_stdout)
    out = stdout_stream ();
  else
    destination = g_file_new_for_commandline_arg (output);

  vigil_video_fetch_run_async (fetch, destination, out, ctl->cancellable, vigilctl_ready, ctl);
  ok = vigil_video_fetch_run_finish (fetch, vigilctl_wait (ctl), &error);
  g_signal_handlers_disconnect_by_func (fetch, on_bytes_done, &progress);
  progress_end (&progress);
  if (!ok)
    return vigilctl_fail (ctl, error);

  if (to_stdout)
    return VIGILCTL_EXIT_OK;

  if (ctl->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      const char *type = vigil_video_fetch_get_content_type (fetch);
      g_autofree char *display = g_filename_display_name (output);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, display);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, vigil_video_fetch_get_bytes_done (fetch));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, vigil_video_fetch_get_sha256 (fetch));
      json_builder_set_member_name (builder, "contentType");
      if (type != NULL)
        json_builder_add_string_value (builder, type);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, vigil_video_fetch_get_uri (fetch));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      vigilctl_print_json (node);
    }
  else
    {
      g_autofree char *size = vigilctl_format_size ((guint64) vigil_video_fetch_get_bytes_done (fetch));
      g_print (_("Saved %s to %s (SHA-256 %s).\n"), size, output, vigil_video_fetch_get_sha256 (fetch));
    }

  return VIGILCTL_EXIT_OK;
}

int
vigilctl_cmd_video (Vigilctl  *ctl,
                    int        argc,
                    char     **argv)
{
  static const VigilctlCommand subcommands[] = {
    { "fetch", video_fetch, "fetch PATH [-o FILE]" },
    { NULL, NULL, NULL },
  };

  return vigilctl_dispatch (ctl, "video", subcommands, argc, argv);
}
