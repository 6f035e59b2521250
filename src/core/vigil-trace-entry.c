/* vigil-trace-entry.c — one request and its answer, as the protocol trace keeps it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-trace"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "vigil-trace-entry.h"

struct _VigilTraceEntry
{
  GObject parent_instance;

  GDateTime *time;
  char *method;
  char *uri;
  guint status;
  gint64 duration_us;
  char *request_headers;
  char *request_body;
  char *response_headers;
  char *response_body;
  char *error;
};

G_DEFINE_FINAL_TYPE (VigilTraceEntry, vigil_trace_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_URI,
  PROP_STATUS,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
contains_caseless (const char *haystack,
                   const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

VigilTraceEntry *
vigil_trace_entry_new (GDateTime  *time,
                       const char *method,
                       const char *uri,
                       guint       status,
                       gint64      duration_us,
                       const char *request_headers,
                       const char *request_body,
                       const char *response_headers,
                       const char *response_body,
                       const char *error)
{
  VigilTraceEntry *self;

  g_return_val_if_fail (time != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_TRACE_ENTRY, NULL);
  self->time = g_date_time_ref (time);
  self->method = g_strdup (method);
  self->uri = g_strdup (uri);
  self->status = status;
  self->duration_us = duration_us;
  self->request_headers = g_strdup (request_headers);
  self->request_body = g_strdup (request_body);
  self->response_headers = g_strdup (response_headers);
  self->response_body = g_strdup (response_body);
  self->error = g_strdup (error);
  return self;
}

GDateTime  *vigil_trace_entry_get_time             (VigilTraceEntry *self) { return self->time; }
const char *vigil_trace_entry_get_method           (VigilTraceEntry *self) { return self->method; }
const char *vigil_trace_entry_get_uri              (VigilTraceEntry *self) { return self->uri; }
guint       vigil_trace_entry_get_status           (VigilTraceEntry *self) { return self->status; }
gint64      vigil_trace_entry_get_duration_us      (VigilTraceEntry *self) { return self->duration_us; }
const char *vigil_trace_entry_get_request_headers  (VigilTraceEntry *self) { return self->request_headers; }
const char *vigil_trace_entry_get_request_body     (VigilTraceEntry *self) { return self->request_body; }
const char *vigil_trace_entry_get_response_headers (VigilTraceEntry *self) { return self->response_headers; }
const char *vigil_trace_entry_get_response_body    (VigilTraceEntry *self) { return self->response_body; }
const char *vigil_trace_entry_get_error            (VigilTraceEntry *self) { return self->error; }

char *
vigil_trace_entry_dup_status_text (VigilTraceEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_TRACE_ENTRY (self), NULL);

  if (self->status == 0)
    return g_strdup (_("no answer"));
  return g_strdup_printf ("%u %s", self->status, soup_status_get_phrase (self->status));
}

char *
vigil_trace_entry_dup_summary (VigilTraceEntry *self)
{
  g_autofree char *time = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (VIGIL_IS_TRACE_ENTRY (self), NULL);

  time = g_date_time_format (self->time, "%H:%M:%S.%f");
  /* Milliseconds are enough: cut the microseconds of %f. */
  if (strlen (time) > 12)
    time[12] = '\0';
  status = vigil_trace_entry_dup_status_text (self);
  return g_strdup_printf ("%s %s %s %s %" G_GINT64_FORMAT " ms", time, self->method, self->uri,
                          status, self->duration_us / 1000);
}

char *
vigil_trace_entry_to_text (VigilTraceEntry *self)
{
  GString *out;
  g_autofree char *summary = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (VIGIL_IS_TRACE_ENTRY (self), NULL);

  out = g_string_new (NULL);
  summary = vigil_trace_entry_dup_summary (self);
  date = g_date_time_format_iso8601 (self->time);
  g_string_append_printf (out, "=== %s (%s)\n", summary, date);
  g_string_append_printf (out, "> %s %s\n", self->method, self->uri);
  if (self->request_headers != NULL && *self->request_headers)
    g_string_append (out, self->request_headers);
  if (self->request_body != NULL && *self->request_body)
    g_string_append_printf (out, "\n%s\n", self->request_body);
  if (self->status != 0)
    g_string_append_printf (out, "< %u %s\n", self->status, soup_status_get_phrase (self->status));
  if (self->response_headers != NULL && *self->response_headers)
    g_string_append (out, self->response_headers);
  if (self->response_body != NULL && *self->response_body)
    g_string_append_printf (out, "\n%s\n", self->response_body);
  if (self->error != NULL)
    g_string_append_printf (out, "! %s\n", self->error);
  return g_string_free (out, FALSE);
}

gboolean
vigil_trace_entry_matches (VigilTraceEntry *self,
                           const char      *needle)
{
  g_autofree char *folded = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (VIGIL_IS_TRACE_ENTRY (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  folded = g_utf8_casefold (needle, -1);
  status = vigil_trace_entry_dup_status_text (self);
  return contains_caseless (self->method, folded) ||
         contains_caseless (self->uri, folded) ||
         contains_caseless (status, folded) ||
         contains_caseless (self->request_body, folded) ||
         contains_caseless (self->response_body, folded) ||
         contains_caseless (self->error, folded);
}

static void
vigil_trace_entry_finalize (GObject *object)
{
  VigilTraceEntry *self = (VigilTraceEntry *) object;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->method);
  g_free (self->uri);
  g_free (self->request_headers);
  g_free (self->request_body);
  g_free (self->response_headers);
  g_free (self->response_body);
  g_free (self->error);

  G_OBJECT_CLASS (vigil_trace_entry_parent_class)->finalize (object);
}

static void
vigil_trace_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilTraceEntry *self = VIGIL_TRACE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_METHOD:  g_value_set_string (value, self->method); break;
    case PROP_URI:     g_value_set_string (value, self->uri); break;
    case PROP_STATUS:  g_value_set_uint (value, self->status); break;
    case PROP_SUMMARY: g_value_take_string (value, vigil_trace_entry_dup_summary (self)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_trace_entry_class_init (VigilTraceEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_trace_entry_finalize;
  object_class->get_property = vigil_trace_entry_get_property;

  /* Read-only and fixed at construction: for expressions in list views. */
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, 999, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_trace_entry_init (VigilTraceEntry *self)
{
}
