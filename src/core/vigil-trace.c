/* vigil-trace.c — the protocol trace: the last requests to the gateway and their answers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-trace"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-trace.h"

struct _VigilTrace
{
  GObject parent_instance;

  GPtrArray *entries;      /* VigilTraceEntry, oldest first */
  guint capacity;
};

static void vigil_trace_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilTrace, vigil_trace, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vigil_trace_list_model_init))

enum {
  PROP_0,
  PROP_CAPACITY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- redaction ---- */

/* Members of a JSON body whose values are secrets: passwords, ISUP keys ("EhomeKey"), tokens. */
#define SECRET_MEMBER_PATTERN \
  "\"([^\"\\\\]*(?:password|passwd|pwd|secret|token)[^\"\\\\]*|[^\"\\\\]*key)\"" \
  "(\\s*:\\s*)" \
  "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)"

/* Digest parameters that prove or could replay a credential. */
#define DIGEST_PARAM_PATTERN \
  "\\b(response|nonce|cnonce|opaque)(\\s*=\\s*)(?:\"[^\"]*\"|[^,\\s]*)"

/* Without G_REGEX_OPTIMIZE: the interpreter is fast enough for one body per exchange, and the
 * JIT code PCRE2 would generate scans with aligned 16-byte loads that run past the end of the
 * subject, which valgrind's memcheck reports as jumps on uninitialised memory in code it cannot
 * name (so nothing in the JIT could be told from a real read of ours). */
#define REDACT_REGEX_FLAGS G_REGEX_CASELESS

static GRegex *
secret_member_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *made = g_regex_new (SECRET_MEMBER_PATTERN, REDACT_REGEX_FLAGS, 0, NULL);
      g_once_init_leave (&regex, (gsize) made);
    }
  return (GRegex *) regex;
}

static GRegex *
digest_param_regex (void)
{
  static gsize regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *made = g_regex_new (DIGEST_PARAM_PATTERN, REDACT_REGEX_FLAGS, 0, NULL);
      g_once_init_leave (&regex, (gsize) made);
    }
  return (GRegex *) regex;
}

/* A query parameter named like a secret: the names that are redacted in bodies, and what a
 * download link may carry (an "auth" value, a signature). */
static gboolean
is_secret_parameter (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return strstr (lower, "password") != NULL || strstr (lower, "passwd") != NULL ||
         strstr (lower, "pwd") != NULL || strstr (lower, "secret") != NULL ||
         strstr (lower, "token") != NULL || strstr (lower, "auth") != NULL ||
         strstr (lower, "signature") != NULL || g_str_has_suffix (lower, "key") ||
         g_str_equal (lower, "sig");
}

char *
vigil_trace_redact_uri (const char *uri)
{
  const char *query;
  g_auto(GStrv) parameters = NULL;
  GString *out;

  if (uri == NULL)
    return NULL;

  query = strchr (uri, '?');
  if (query == NULL)
    return g_strdup (uri);

  out = g_string_new_len (uri, query + 1 - uri);
  parameters = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; parameters[i] != NULL; i++)
    {
      const char *equals = strchr (parameters[i], '=');

      if (i > 0)
        g_string_append_c (out, '&');
      if (equals != NULL)
        {
          g_autofree char *raw_name = g_strndup (parameters[i], equals - parameters[i]);
          g_autofree char *name = g_uri_unescape_string (raw_name, NULL);

          if (is_secret_parameter (name != NULL ? name : raw_name))
            {
              g_string_append_len (out, parameters[i], equals + 1 - parameters[i]);
              g_string_append (out, VIGIL_TRACE_REDACTED);
              continue;
            }
        }
      g_string_append (out, parameters[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
replace_digest_uri (const GMatchInfo *match,
                    GString          *out,
                    gpointer          user_data)
{
  g_autofree char *name = g_match_info_fetch (match, 1);
  g_autofree char *separator = g_match_info_fetch (match, 2);
  g_autofree char *uri = g_match_info_fetch (match, 3);
  g_autofree char *redacted = vigil_trace_redact_uri (uri);

  g_string_append_printf (out, "%s%s\"%s\"", name, separator, redacted);
  return FALSE;
}

static char *
redact_digest_uri (const char *value)
{
  static gsize regex;
  char *redacted;

  if (g_once_init_enter (&regex))
    {
      GRegex *made = g_regex_new ("\\b(uri)(\\s*=\\s*)\"([^\"]*)\"", REDACT_REGEX_FLAGS, 0, NULL);
      g_once_init_leave (&regex, (gsize) made);
    }
  redacted = g_regex_replace_eval ((GRegex *) regex, value, -1, 0, 0, replace_digest_uri, NULL, NULL);
  return redacted != NULL ? redacted : g_strdup (VIGIL_TRACE_REDACTED);
}

char *
vigil_trace_redact_header (const char *name,
                           const char *value)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (value == NULL)
    return NULL;

  if (g_ascii_strcasecmp (name, "Cookie") == 0 || g_ascii_strcasecmp (name, "Set-Cookie") == 0)
    return g_strdup (VIGIL_TRACE_REDACTED);

  if (g_ascii_strcasecmp (name, "Authorization") == 0 ||
      g_ascii_strcasecmp (name, "Proxy-Authorization") == 0)
    {
      /* Basic is the password itself (base64); Bearer and others are tokens: keep the scheme only. */
      if (g_ascii_strncasecmp (value, "Digest", 6) != 0)
        {
          const char *space = strchr (value, ' ');
          g_autofree char *scheme = g_strndup (value, space ? (gsize) (space - value) : strlen (value));
          return g_strdup_printf ("%s %s", scheme, VIGIL_TRACE_REDACTED);
        }
    }
  else if (g_ascii_strcasecmp (name, "WWW-Authenticate") != 0 &&
           g_ascii_strcasecmp (name, "Proxy-Authenticate") != 0)
    return g_strdup (value);

  {
    g_autofree char *redacted = g_regex_replace (digest_param_regex (), value, -1, 0,
                                                 "\\1\\2\"" VIGIL_TRACE_REDACTED "\"", 0, NULL);

    /* Digest repeats the request's URI, query and all: a token there is redacted too. */
    return redacted != NULL ? redact_digest_uri (redacted) : g_strdup (VIGIL_TRACE_REDACTED);
  }
}

char *
vigil_trace_redact_body (const char *body,
                         gssize      length)
{
  g_autofree char *valid = NULL;
  char *redacted;

  if (body == NULL)
    return NULL;
  if (length < 0)
    length = strlen (body);

  /* Bodies are shown as text: invalid UTF-8 (a picture, a broken answer) becomes U+FFFD. */
  valid = g_utf8_make_valid (body, length);
  redacted = g_regex_replace (secret_member_regex (), valid, -1, 0,
                              "\"\\1\"\\2\"" VIGIL_TRACE_REDACTED "\"", 0, NULL);
  if (redacted == NULL)
    return g_strdup (VIGIL_TRACE_REDACTED);

  /* Cut only after redacting, so that no secret is ever half inside the kept part. */
  if (strlen (redacted) > VIGIL_TRACE_MAX_BODY)
    {
      const char *end = g_utf8_find_prev_char (redacted, redacted + VIGIL_TRACE_MAX_BODY);
      g_autofree char *cut = g_strndup (redacted, end ? (gsize) (end - redacted) : 0);
      g_autofree char *note = g_strdup_printf (_("… (%zu bytes in all)"), strlen (redacted));

      g_free (redacted);
      redacted = g_strconcat (cut, note, NULL);
    }

  return redacted;
}

static void
append_header (const char *name,
               const char *value,
               gpointer    user_data)
{
  GString *out = user_data;
  g_autofree char *shown = vigil_trace_redact_header (name, value);

  g_string_append_printf (out, "%s: %s\n", name, shown ? shown : "");
}

static char *
headers_to_text (SoupMessageHeaders *headers)
{
  GString *out = g_string_new (NULL);

  if (headers != NULL)
    soup_message_headers_foreach (headers, append_header, out);
  return g_string_free (out, FALSE);
}

/* ---- the ring ---- */

VigilTrace *
vigil_trace_new (guint capacity)
{
  g_return_val_if_fail (capacity > 0, NULL);

  return g_object_new (VIGIL_TYPE_TRACE, "capacity", capacity, NULL);
}

guint
vigil_trace_get_capacity (VigilTrace *self)
{
  g_return_val_if_fail (VIGIL_IS_TRACE (self), 0);
  return self->capacity;
}

void
vigil_trace_add (VigilTrace      *self,
                 VigilTraceEntry *entry)
{
  gboolean dropped = FALSE;

  g_return_if_fail (VIGIL_IS_TRACE (self));
  g_return_if_fail (VIGIL_IS_TRACE_ENTRY (entry));

  if (self->entries->len >= self->capacity)
    {
      g_ptr_array_remove_index (self->entries, 0);
      dropped = TRUE;
    }
  g_ptr_array_add (self->entries, g_object_ref (entry));

  if (dropped)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
  if (!dropped)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
vigil_trace_add_exchange (VigilTrace  *self,
                          SoupMessage *message,
                          gint64       duration_us,
                          const char  *request_body,
                          gsize        request_length,
                          const char  *response_body,
                          gsize        response_length,
                          const char  *error_message)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) started = g_date_time_add (now, -duration_us);
  g_autofree char *uri = NULL;
  g_autofree char *shown_uri = NULL;
  g_autofree char *request_headers = NULL;
  g_autofree char *response_headers = NULL;
  g_autofree char *request_text = NULL;
  g_autofree char *response_text = NULL;
  g_autoptr(VigilTraceEntry) entry = NULL;
  GUri *message_uri;
  guint status;

  g_return_if_fail (VIGIL_IS_TRACE (self));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  /* Path and query only: the origin is the same for every entry (and userinfo never shows). */
  message_uri = soup_message_get_uri (message);
  if (g_uri_get_query (message_uri) != NULL)
    uri = g_strdup_printf ("%s?%s", g_uri_get_path (message_uri), g_uri_get_query (message_uri));
  else
    uri = g_strdup (g_uri_get_path (message_uri));
  shown_uri = vigil_trace_redact_uri (uri);

  status = soup_message_get_status (message);
  request_headers = headers_to_text (soup_message_get_request_headers (message));
  if (status != 0)
    response_headers = headers_to_text (soup_message_get_response_headers (message));
  request_text = vigil_trace_redact_body (request_body, request_body ? (gssize) request_length : 0);
  response_text = vigil_trace_redact_body (response_body, response_body ? (gssize) response_length : 0);

  entry = vigil_trace_entry_new (started, soup_message_get_method (message), shown_uri, status,
                                 duration_us, request_headers, request_text,
                                 response_headers, response_text, error_message);
  vigil_trace_add (self, entry);
}

void
vigil_trace_clear (VigilTrace *self)
{
  guint removed;

  g_return_if_fail (VIGIL_IS_TRACE (self));

  removed = self->entries->len;
  if (removed == 0)
    return;

  g_ptr_array_set_size (self->entries, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

char *
vigil_trace_to_text (VigilTrace *self,
                     const char *filter)
{
  GString *out;

  g_return_val_if_fail (VIGIL_IS_TRACE (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->entries->len; i++)
    {
      VigilTraceEntry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *text = NULL;

      if (!vigil_trace_entry_matches (entry, filter))
        continue;
      text = vigil_trace_entry_to_text (entry);
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ---- GListModel ---- */

static GType
vigil_trace_get_item_type (GListModel *model)
{
  return VIGIL_TYPE_TRACE_ENTRY;
}

static guint
vigil_trace_get_n_items (GListModel *model)
{
  return VIGIL_TRACE (model)->entries->len;
}

static gpointer
vigil_trace_get_item (GListModel *model,
                      guint       position)
{
  VigilTrace *self = VIGIL_TRACE (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
vigil_trace_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vigil_trace_get_item_type;
  iface->get_n_items = vigil_trace_get_n_items;
  iface->get_item = vigil_trace_get_item;
}

/* ---- GObject ---- */

static void
vigil_trace_finalize (GObject *object)
{
  VigilTrace *self = (VigilTrace *) object;

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_trace_parent_class)->finalize (object);
}

static void
vigil_trace_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VigilTrace *self = VIGIL_TRACE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY: g_value_set_uint (value, self->capacity); break;
    case PROP_N_ITEMS:  g_value_set_uint (value, self->entries->len); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_trace_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VigilTrace *self = VIGIL_TRACE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY: self->capacity = g_value_get_uint (value); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_trace_class_init (VigilTraceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_trace_finalize;
  object_class->get_property = vigil_trace_get_property;
  object_class->set_property = vigil_trace_set_property;

  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL, 1, G_MAXUINT, VIGIL_TRACE_DEFAULT_CAPACITY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_trace_init (VigilTrace *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->capacity = VIGIL_TRACE_DEFAULT_CAPACITY;
}
