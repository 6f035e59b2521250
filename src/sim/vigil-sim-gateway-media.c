/* vigil-sim-gateway-media.c — verification clips (guide §7.2, §8.6) and the built-in test files
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include <string.h>

#include "vigil-sim-gateway-private.h"
#include "vigil-sim-resources.h"
#include "vigil-sim-rng.h"

#define RESOURCE_PREFIX "/io/github/vigilconsole/Vigil/sim/"
#define MAX_CLIPS       4096
#define MAX_CLIP_NAME   128

/* Looked up in our own GResource rather than the global registry: referencing
 * vigil_sim_get_resource() keeps the resource in the link of a static library, and nothing
 * depends on constructor-time registration. */
static GBytes *
lookup_resource (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);

  return g_resource_lookup_data (vigil_sim_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * vigil_sim_builtin_clip:
 *
 * Returns: (transfer full): the H.264 MP4 every verification clip serves (2–3 s, 320×240)
 */
GBytes *
vigil_sim_builtin_clip (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = lookup_resource ("verification-clip.mp4", &error);

  if (bytes == NULL)
    g_error ("The simulator's resources are missing: %s", error->message);
  return bytes;
}

/**
 * vigil_sim_builtin_certificate:
 * @which: 0 or 1: two different self-signed certificates for CN and IP 127.0.0.1
 *
 * For tests of certificate pinning: serve one, pin it, then serve the other.
 *
 * Returns: (transfer full): the certificate with its private key
 */
GTlsCertificate *
vigil_sim_builtin_certificate (guint    which,
                               GError **error)
{
  g_autofree char *cert_name = NULL;
  g_autofree char *key_name = NULL;
  g_autoptr(GBytes) cert = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(GString) pem = NULL;

  g_return_val_if_fail (which <= 1, NULL);

  cert_name = g_strdup_printf ("test-cert-%u.pem", which + 1);
  key_name = g_strdup_printf ("test-key-%u.pem", which + 1);
  cert = lookup_resource (cert_name, error);
  if (cert == NULL)
    return NULL;
  key = lookup_resource (key_name, error);
  if (key == NULL)
    return NULL;

  pem = g_string_new_len (g_bytes_get_data (cert, NULL), (gssize) g_bytes_get_size (cert));
  g_string_append_len (pem, g_bytes_get_data (key, NULL), (gssize) g_bytes_get_size (key));
  return g_tls_certificate_new_from_pem (pem->str, (gssize) pem->len, error);
}

void
vigil_sim_gateway_register_clip (VigilSimGateway *self,
                                 const char      *name)
{
  char *copy;

  if (g_hash_table_contains (self->clips, name))
    return;
  if (g_queue_get_length (&self->clip_order) >= MAX_CLIPS)
    {
      char *oldest = g_queue_pop_head (&self->clip_order);

      g_hash_table_remove (self->clips, oldest);
      g_free (oldest);
    }
  copy = g_strdup (name);
  g_queue_push_tail (&self->clip_order, copy);
  g_hash_table_add (self->clips, copy);
}

/**
 * vigil_sim_gateway_add_clip:
 *
 * Registers a new verification clip, as an alarm would.
 *
 * Returns: (transfer full): its path and query, "/HikGatewayStorage/pic?…mp4"
 */
char *
vigil_sim_gateway_add_clip (VigilSimGateway *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);

  now = vigil_sim_gateway_dup_now (self);
  stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  name = g_strdup_printf ("%016" G_GINT64_MODIFIER "X%016" G_GINT64_MODIFIER "XQ%08u_CH01_%s.mp4",
                          vigil_sim_rng_next (&self->rng), vigil_sim_rng_next (&self->rng),
                          vigil_sim_rng_range (&self->rng, 0, 100000000), stamp);
  vigil_sim_gateway_register_clip (self, name);
  return g_strdup_printf ("/HikGatewayStorage/pic?%s", name);
}

static gboolean
is_clip_name (const char *name)
{
  gsize length = name != NULL ? strlen (name) : 0;

  if (length == 0 || length > MAX_CLIP_NAME || name[0] == '.')
    return FALSE;
  for (; *name != '\0'; name++)
    if (!g_ascii_isalnum (*name) && *name != '_' && *name != '-' && *name != '.')
      return FALSE;
  return TRUE;
}

/* One "bytes=a-b", "bytes=a-" or "bytes=-n". Returns FALSE for anything else (several ranges
 * included: those get the whole file, which RFC 9110 allows). *satisfiable tells 416 apart. */
static gboolean
parse_range (const char *header,
             gsize       total,
             gsize      *start,
             gsize      *end,
             gboolean   *satisfiable)
{
  guint64 a = 0, b = 0;
  const char *p;
  char *rest;

  if (header == NULL || !g_str_has_prefix (header, "bytes=") || strchr (header, ',') != NULL)
    return FALSE;
  p = header + 6;

  if (*p == '-')
    {
      if (!g_ascii_isdigit (p[1]))
        return FALSE;
      b = g_ascii_strtoull (p + 1, &rest, 10);
      if (*rest != '\0')
        return FALSE;
      *satisfiable = b > 0 && total > 0;
      *start = b >= total ? 0 : total - (gsize) b;
      *end = total - 1;
      return TRUE;
    }

  if (!g_ascii_isdigit (*p))
    return FALSE;
  a = g_ascii_strtoull (p, &rest, 10);
  if (*rest != '-')
    return FALSE;
  p = rest + 1;
  if (*p == '\0')
    b = G_MAXUINT64;
  else
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      b = g_ascii_strtoull (p, &rest, 10);
      if (*rest != '\0' || b < a)
        return FALSE;
    }

  *satisfiable = a < total;
  *start = (gsize) MIN (a, total);
  *end = total == 0 ? 0 : (gsize) MIN (b, (guint64) total - 1);
  return TRUE;
}

static void
on_cut_written (SoupServerMessage *msg,
                gpointer           user_data)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  /* The download stops here: the client sees the connection close short of Content-Length. */
  g_signal_handlers_disconnect_by_func (msg, on_cut_written, user_data);
  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  soup_message_body_complete (soup_server_message_get_response_body (msg));
}

void
vigil_sim_handle_storage (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  SoupMessageBody *body = soup_server_message_get_response_body (req->msg);
  g_autoptr(GBytes) clip = NULL;
  g_autoptr(GBytes) part = NULL;
  const char *name;
  gboolean head = g_strcmp0 (req->method, "HEAD") == 0;
  gboolean satisfiable = TRUE;
  gsize total, start = 0, end = 0;
  gboolean ranged;

  if (!head && g_strcmp0 (req->method, "GET") != 0)
    {
      soup_message_headers_replace (headers, "Allow", "GET, HEAD");
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  /* "/HikGatewayStorage/pic?<name>" as in the guide's videoURL, or "/HikGatewayStorage/<name>". */
  if (g_strcmp0 (req->path, "/HikGatewayStorage/pic") == 0)
    name = g_uri_get_query (soup_server_message_get_uri (req->msg));
  else
    name = req->path + strlen ("/HikGatewayStorage/");

  if (!is_clip_name (name) || !g_hash_table_contains (self->clips, name))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_TASK_NO_REC_FILE, NULL);
      return;
    }

  clip = vigil_sim_builtin_clip ();
  total = g_bytes_get_size (clip);
  ranged = parse_range (soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "Range"),
                        total, &start, &end, &satisfiable);

  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
  soup_message_headers_set_content_type (headers, "video/mp4", NULL);

  if (ranged && !satisfiable)
    {
      g_autofree char *value = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, total);

      soup_message_headers_replace (headers, "Content-Range", value);
      soup_server_message_set_status (req->msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
      return;
    }

  if (ranged)
    {
      soup_server_message_set_status (req->msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
      soup_message_headers_set_content_range (headers, (goffset) start, (goffset) end, (goffset) total);
      part = g_bytes_new_from_bytes (clip, start, end - start + 1);
    }
  else
    {
      soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
      part = g_bytes_ref (clip);
    }

  if (self->video_cut > 0 && self->video_cut < g_bytes_get_size (part) && !head)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (part, 0, self->video_cut);

      soup_message_headers_set_content_length (headers, (goffset) g_bytes_get_size (part));
      soup_message_body_set_accumulate (body, FALSE);
      soup_message_body_append_bytes (body, cut);
      g_signal_connect (req->msg, "wrote-chunk", G_CALLBACK (on_cut_written), NULL);
      return;
    }

  soup_message_body_append_bytes (body, part);
  soup_message_body_complete (body);
}
