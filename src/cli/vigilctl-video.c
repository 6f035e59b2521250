/* vigilctl-video.c — a video file from the gateway (guide §8.6.1)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path usually comes from an alarm (videoURL): it is only ever fetched from the gateway's
 * own origin, through the client's session, so the credentials never go anywhere else.
 */
#define G_LOG_DOMAIN "vigilctl"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "vigilctl-private.h"

#define CHUNK_SIZE        (64 * 1024)
/* A JSON answer where a video was expected is an error report; it is never large. */
#define MAX_ERROR_BODY    (64 * 1024)
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

/* @text (URI-escaped) as a plain file name in the current directory, or NULL. */
static char *
plain_file_name (const char *text)
{
  g_autofree char *unescaped = NULL;

  if (text == NULL || *text == '\0' || strchr (text, '=') != NULL || strchr (text, '&') != NULL)
    return NULL;

  unescaped = g_uri_unescape_string (text, "/\\");
  if (unescaped == NULL || unescaped[0] == '\0' || unescaped[0] == '.' || strlen (unescaped) > 200 ||
      !g_utf8_validate (unescaped, -1, NULL))
    return NULL;

  for (const char *p = unescaped; *p; p++)
    if (g_ascii_iscntrl (*p))
      return NULL;

  return g_steal_pointer (&unescaped);
}

/* The name the gateway gives the clip. Its videoURLs look like
 * "/HikGatewayStorage/pic?F14E…_CH02_20191009175543.mp4" (guide §9.14): the name is the query
 * then, else the last segment of the path. NULL when neither is a plain file name (-o then). */
static char *
default_file_name (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  const char *path;
  const char *slash;
  char *name;

  if (parsed == NULL)
    return NULL;

  name = plain_file_name (g_uri_get_query (parsed));
  if (name != NULL)
    return name;

  path = g_uri_get_path (parsed);
  slash = strrchr (path, '/');
  return plain_file_name (slash ? slash + 1 : path);
}

static GBytes *
read_bounded (Vigilctl      *ctl,
              GInputStream  *stream,
              gsize          limit,
              GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  while (buffer->len <= limit)
    {
      g_autoptr(GBytes) chunk = NULL;

      g_input_stream_read_bytes_async (stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, ctl->cancellable,
                                       vigilctl_ready, ctl);
      chunk = g_input_stream_read_bytes_finish (stream, vigilctl_wait (ctl), error);
      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        break;
      g_byte_array_append (buffer, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* A JSON_ResponseStatus that is not ok in @body, as the gateway's refusal; NULL otherwise. */
static GError *
response_status_error (GBytes *body,
                       guint   http_status)
{
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (body == NULL || g_bytes_get_size (body) == 0)
    return NULL;

  root = vigil_json_parse (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  if (!vigil_error_details_parse (json_node_get_object (root), http_status, &details))
    return NULL;
  if (details.status_code == 1 &&
      (details.sub_status_code == NULL || g_ascii_strcasecmp (details.sub_status_code, "ok") == 0))
    return NULL;

  return vigil_isapi_error_from_details (&details);
}

static gboolean
is_json (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  return type != NULL && (g_ascii_strcasecmp (type, "application/json") == 0 ||
                          g_ascii_strcasecmp (type, "text/json") == 0);
}

/* @out, or standard output when @out is NULL. */
static gboolean
write_bytes (Vigilctl       *ctl,
             GOutputStream  *out,
             GBytes         *bytes,
             GError        **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (out != NULL)
    return g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), size, NULL,
                                      ctl->cancellable, error);

  if (fwrite (g_bytes_get_data (bytes, NULL), 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output."));
      return FALSE;
    }
  return TRUE;
}

/* Copies @stream to @out (NULL: standard output), @prefix first. */
static gboolean
copy_body (Vigilctl       *ctl,
           GInputStream   *stream,
           GBytes         *prefix,
           GOutputStream  *out,
           Progress       *progress,
           GError        **error)
{
  if (prefix != NULL && g_bytes_get_size (prefix) > 0)
    {
      if (!write_bytes (ctl, out, prefix, error))
        return FALSE;
      progress->done += (goffset) g_bytes_get_size (prefix);
      progress_draw (progress, FALSE);
    }

  for (;;)
    {
      g_autoptr(GBytes) chunk = NULL;

      g_input_stream_read_bytes_async (stream, CHUNK_SIZE, G_PRIORITY_DEFAULT, ctl->cancellable,
                                       vigilctl_ready, ctl);
      chunk = g_input_stream_read_bytes_finish (stream, vigilctl_wait (ctl), error);
      if (chunk == NULL)
        return FALSE;
      if (g_bytes_get_size (chunk) == 0)
        return TRUE;

      if (!write_bytes (ctl, out, chunk, error))
        return FALSE;
      progress->done += (goffset) g_bytes_get_size (chunk);
      progress_draw (progress, FALSE);
    }
}

static int
video_fetch (Vigilctl  *ctl,
             int        argc,
             char     **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *part_path = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) prefix = NULL;
  g_autoptr(GFile) part = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (“-” for standard output); default: the file name of PATH"), N_("FILE") },
    { NULL },
  };
  SoupMessageHeaders *headers;
  gboolean to_stdout;
  goffset expected = -1;
  guint http_status;
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
  uri = vigil_client_resolve_same_origin (ctl->client, argv[1], &error);
  if (uri == NULL)
    return vigilctl_fail (ctl, error);

  if (output == NULL)
    {
      output = default_file_name (uri);
      if (output == NULL)
        return vigilctl_usage_error (ctl, _("No file name in “%s”: give -o FILE."), argv[1]);
    }

  if (!vigilctl_connect (ctl, &status))
    return status;

  message = vigil_client_prepare_message (ctl->client, "GET", uri, &error);
  if (message == NULL)
    return vigilctl_fail (ctl, error);

  soup_session_send_async (vigil_client_get_session (ctl->client), message, G_PRIORITY_DEFAULT,
                           ctl->cancellable, vigilctl_ready, ctl);
  stream = soup_session_send_finish (vigil_client_get_session (ctl->client), vigilctl_wait (ctl), &error);
  if (stream == NULL)
    {
      g_autoptr(GError) checked = NULL;

      vigil_client_check_message (ctl->client, message, NULL, g_steal_pointer (&error), &checked);
      return vigilctl_fail (ctl, checked);
    }

  http_status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);

  if (!SOUP_STATUS_IS_SUCCESSFUL (http_status) || is_json (message))
    {
      g_autoptr(GError) refused = NULL;

      prefix = read_bounded (ctl, stream, MAX_ERROR_BODY, &error);
      if (prefix == NULL)
        return vigilctl_fail (ctl, error);

      if (http_status != SOUP_STATUS_UNAUTHORIZED)
        refused = response_status_error (prefix, http_status);
      if (refused == NULL && !vigil_client_check_message (ctl->client, message, prefix, NULL, &refused))
        return vigilctl_fail (ctl, refused);
      if (refused != NULL)
        return vigilctl_fail (ctl, refused);
      /* JSON that is not a refusal: it is the file asked for. */
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    expected = soup_message_headers_get_content_length (headers);

  progress.enabled = !ctl->json && isatty (STDERR_FILENO);
  progress.total = expected;
  progress.label = g_path_get_basename (to_stdout ? argv[1] : output);

  if (to_stdout)
    {
      if (!copy_body (ctl, stream, prefix, NULL, &progress, &error))
        {
          progress_end (&progress);
          g_prefix_error (&error, _("The download stopped after %" G_GOFFSET_FORMAT " bytes: "), progress.done);
          return vigilctl_fail (ctl, error);
        }
    }
  else
    {
      destination = g_file_new_for_commandline_arg (output);
      part_path = g_strconcat (output, ".part", NULL);
      part = g_file_new_for_commandline_arg (part_path);

      out = G_OUTPUT_STREAM (g_file_replace (part, NULL, FALSE, G_FILE_CREATE_NONE, ctl->cancellable, &error));
      if (out == NULL)
        {
          progress_end (&progress);
          return vigilctl_fail (ctl, error);
        }

      if (!copy_body (ctl, stream, prefix, out, &progress, &error) ||
          !g_output_stream_close (out, NULL, &error))
        {
          progress_end (&progress);
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (&error, _("The download stopped after %" G_GOFFSET_FORMAT " bytes: "), progress.done);
          g_output_stream_close (out, NULL, NULL);
          g_file_delete (part, NULL, NULL);
          return vigilctl_fail (ctl, error);
        }
    }

  progress_end (&progress);

  if (expected >= 0 && progress.done != expected)
    {
      if (part != NULL)
        g_file_delete (part, NULL, NULL);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                   _("The download stopped after %" G_GOFFSET_FORMAT " of %" G_GOFFSET_FORMAT " bytes."),
                   progress.done, expected);
      return vigilctl_fail (ctl, error);
    }

  if (to_stdout)
    return VIGILCTL_EXIT_OK;

  if (!g_file_move (part, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      g_file_delete (part, NULL, NULL);
      return vigilctl_fail (ctl, error);
    }

  if (ctl->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autofree char *display = g_filename_display_name (output);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, display);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, progress.done);
      json_builder_set_member_name (builder, "contentType");
      if (type != NULL)
        json_builder_add_string_value (builder, type);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, uri);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      vigilctl_print_json (node);
    }
  else
    {
      g_autofree char *size = vigilctl_format_size ((guint64) progress.done);
      g_print (_("Saved %s to %s.\n"), size, output);
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
