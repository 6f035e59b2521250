/* vigil-event-filter.c — which events the log shows: panels, types, time range, text, priority
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-event-filter"

#include <string.h>

#include "vigil-event-filter.h"

struct _VigilEventFilter
{
  GPtrArray *devices;   /* char *, NULL-terminated for get_devices */
  GArray *types;        /* VigilEventType */
  gint64 since;
  gint64 until;
  char *text;
  guint max_priority;
};

G_DEFINE_BOXED_TYPE (VigilEventFilter, vigil_event_filter,
                     vigil_event_filter_copy, vigil_event_filter_free)

VigilEventFilter *
vigil_event_filter_new (void)
{
  VigilEventFilter *filter = g_new0 (VigilEventFilter, 1);

  filter->devices = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  filter->types = g_array_new (FALSE, FALSE, sizeof (VigilEventType));

  return filter;
}

VigilEventFilter *
vigil_event_filter_copy (const VigilEventFilter *filter)
{
  VigilEventFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = vigil_event_filter_new ();
  for (guint i = 0; i < filter->devices->len; i++)
    g_ptr_array_add (copy->devices, g_strdup (g_ptr_array_index (filter->devices, i)));
  g_array_append_vals (copy->types, filter->types->data, filter->types->len);
  copy->since = filter->since;
  copy->until = filter->until;
  copy->text = g_strdup (filter->text);
  copy->max_priority = filter->max_priority;

  return copy;
}

void
vigil_event_filter_free (VigilEventFilter *filter)
{
  if (filter == NULL)
    return;

  g_ptr_array_unref (filter->devices);
  g_array_unref (filter->types);
  g_free (filter->text);
  g_free (filter);
}

static gboolean
has_device (const VigilEventFilter *filter,
            const char             *dev_index)
{
  for (guint i = 0; i < filter->devices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (filter->devices, i), dev_index) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_type (const VigilEventFilter *filter,
          VigilEventType          type)
{
  for (guint i = 0; i < filter->types->len; i++)
    if (g_array_index (filter->types, VigilEventType, i) == type)
      return TRUE;
  return FALSE;
}

gboolean
vigil_event_filter_equal (const VigilEventFilter *a,
                          const VigilEventFilter *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return vigil_event_filter_is_empty (a != NULL ? a : b);

  if (a->devices->len != b->devices->len || a->types->len != b->types->len)
    return FALSE;
  for (guint i = 0; i < a->devices->len; i++)
    if (!has_device (b, g_ptr_array_index (a->devices, i)))
      return FALSE;
  for (guint i = 0; i < a->types->len; i++)
    if (!has_type (b, g_array_index (a->types, VigilEventType, i)))
      return FALSE;

  return a->since == b->since
         && a->until == b->until
         && g_strcmp0 (a->text, b->text) == 0
         && a->max_priority == b->max_priority;
}

gboolean
vigil_event_filter_is_empty (const VigilEventFilter *filter)
{
  return filter == NULL
         || (filter->devices->len == 0
             && filter->types->len == 0
             && filter->since == 0
             && filter->until == 0
             && filter->text == NULL
             && filter->max_priority == 0);
}

void
vigil_event_filter_add_device (VigilEventFilter *filter,
                               const char       *dev_index)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (dev_index != NULL);

  if (!has_device (filter, dev_index))
    g_ptr_array_add (filter->devices, g_strdup (dev_index));
}

const char * const *
vigil_event_filter_get_devices (const VigilEventFilter *filter,
                                guint                  *n_devices)
{
  g_return_val_if_fail (filter != NULL, NULL);

  if (n_devices != NULL)
    *n_devices = filter->devices->len;

  return (const char * const *) filter->devices->pdata;
}

void
vigil_event_filter_add_type (VigilEventFilter *filter,
                             VigilEventType    type)
{
  g_return_if_fail (filter != NULL);

  if (!has_type (filter, type))
    g_array_append_val (filter->types, type);
}

gboolean
vigil_event_filter_add_type_name (VigilEventFilter *filter,
                                  const char       *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  wanted = g_strstrip (g_strdup (name));
  for (VigilEventType type = VIGIL_EVENT_UNKNOWN; type <= VIGIL_EVENT_STREAM_ERROR; type++)
    {
      const char *known = vigil_event_type_to_string (type);

      if (known != NULL && g_ascii_strcasecmp (known, wanted) == 0)
        {
          vigil_event_filter_add_type (filter, type);
          return TRUE;
        }
    }

  return FALSE;
}

const VigilEventType *
vigil_event_filter_get_types (const VigilEventFilter *filter,
                              guint                  *n_types)
{
  g_return_val_if_fail (filter != NULL, NULL);

  if (n_types != NULL)
    *n_types = filter->types->len;

  return (const VigilEventType *) (gpointer) filter->types->data;
}

void
vigil_event_filter_set_time_range (VigilEventFilter *filter,
                                   gint64            since,
                                   gint64            until)
{
  g_return_if_fail (filter != NULL);

  filter->since = MAX (since, 0);
  filter->until = MAX (until, 0);
}

void
vigil_event_filter_get_time_range (const VigilEventFilter *filter,
                                   gint64                 *since,
                                   gint64                 *until)
{
  g_return_if_fail (filter != NULL);

  if (since != NULL)
    *since = filter->since;
  if (until != NULL)
    *until = filter->until;
}

void
vigil_event_filter_set_text (VigilEventFilter *filter,
                             const char       *text)
{
  g_autofree char *match = NULL;

  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->text, g_free);

  /* Text without a single searchable word would give an FTS5 query that matches nothing:
   * treat it as no text at all. */
  match = text != NULL ? vigil_event_filter_build_match (text) : NULL;
  if (match != NULL)
    filter->text = g_strstrip (g_strdup (text));
}

const char *
vigil_event_filter_get_text (const VigilEventFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return filter->text;
}

void
vigil_event_filter_set_max_priority (VigilEventFilter *filter,
                                     guint             max_priority)
{
  g_return_if_fail (filter != NULL);

  filter->max_priority = max_priority;
}

guint
vigil_event_filter_get_max_priority (const VigilEventFilter *filter)
{
  g_return_val_if_fail (filter != NULL, 0);

  return filter->max_priority;
}

static gboolean
word_is_searchable (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
vigil_event_filter_build_match (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  /* The text comes from a person typing or from a command line: make it valid UTF-8 first,
   * since FTS5 rejects anything else. */
  valid = g_utf8_make_valid (text, -1);
  words = g_strsplit_set (valid, " \t\r\n\f\v", -1);
  query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!word_is_searchable (words[i]))
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }

  if (query->len == 0)
    return NULL;

  /* The last word as a prefix: the filter runs as the operator types. */
  g_string_append_c (query, '*');

  return g_string_free (g_steal_pointer (&query), FALSE);
}
