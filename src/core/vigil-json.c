/* vigil-json.c — tolerant reading and strict writing of the gateway's JSON
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-json"

#include "vigil-json.h"
#include "vigil-json-reader.h"

#include <string.h>
#include <stdlib.h>
#include <errno.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (vigil-json-error-quark, vigil_json_error)

char *
vigil_utf8_repair (const char *data,
                   gssize      length)
{
  GString *out;
  const char *p;
  const char *end;

  if (data == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (data);

  out = g_string_sized_new (length + 1);
  p = data;
  end = data + length;

  while (p < end)
    {
      const char *valid_end = NULL;

      if (g_utf8_validate (p, end - p, &valid_end))
        valid_end = end;

      /* Copy the valid run, dropping NULs (g_utf8_validate stops at them). */
      g_string_append_len (out, p, valid_end - p);
      p = valid_end;

      if (p < end)
        {
          if (*p != '\0')
            g_string_append (out, "\xEF\xBF\xBD");
          p++;
        }
    }

  return g_string_free (out, FALSE);
}

char *
vigil_json_excerpt (const char *data,
                    gsize       length,
                    gsize       max)
{
  GString *out = g_string_new (NULL);
  g_autofree char *valid = vigil_utf8_repair (data, MIN (length, max * 4));
  const char *p = valid;
  gsize n = 0;

  while (*p != '\0' && n < max)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);

      p = g_utf8_next_char (p);
      n++;
    }

  if (*p != '\0' || length > MIN (length, max * 4))
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

typedef struct
{
  gboolean comments;
  gboolean hex;
  gboolean trailing_commas;
  gboolean missing_commas;
  gboolean control_chars;
} RepairLog;

static gboolean
is_value_end (char c)
{
  return c == '"' || c == '}' || c == ']' || g_ascii_isalnum (c);
}

/* Skips white space and comments from @p; returns the first other byte position. */
static const char *
skip_blank (const char *p,
            const char *end,
            gboolean   *saw_newline,
            gboolean   *saw_comment)
{
  while (p < end)
    {
      if (*p == '\n')
        {
          if (saw_newline)
            *saw_newline = TRUE;
          p++;
        }
      else if (g_ascii_isspace (*p))
        p++;
      else if (*p == '/' && p + 1 < end && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");
          p = close ? close + 2 : end;
          if (saw_newline)
            *saw_newline = TRUE;
          if (saw_comment)
            *saw_comment = TRUE;
        }
      else if (*p == '/' && p + 1 < end && p[1] == '/')
        {
          while (p < end && *p != '\n')
            p++;
          if (saw_comment)
            *saw_comment = TRUE;
        }
      else
        break;
    }

  return p;
}

/* One pass over the text, aware of strings, that fixes what firmware and the guide's own
 * examples get wrong. The result is only ever parsed, never sent. */
static char *
repair_text (const char *text,
             gsize       length,
             RepairLog  *log)
{
  GString *out = g_string_sized_new (length + 16);
  const char *p = text;
  const char *end = text + length;
  char last_significant = '\0';

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          /* Copy a whole string, escaping raw control characters. */
          g_string_append_c (out, '"');
          p++;
          while (p < end && *p != '"')
            {
              if (*p == '\\' && p + 1 < end)
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              if ((guchar) *p < 0x20)
                {
                  g_string_append_printf (out, "\\u%04x", (guchar) *p);
                  log->control_chars = TRUE;
                }
              else
                g_string_append_c (out, *p);
              p++;
            }
          if (p < end)
            p++;
          g_string_append_c (out, '"');
          last_significant = '"';
          continue;
        }

      if (c == '/' && p + 1 < end && (p[1] == '*' || p[1] == '/'))
        {
          p = skip_blank (p, end, NULL, &log->comments);
          continue;
        }

      if (g_ascii_isspace (c))
        {
          gboolean newline = FALSE;
          const char *next = skip_blank (p, end, &newline, &log->comments);

          /* `"a":"" ⏎ "b":""` — the guide's templates lose commas between lines. */
          if (newline && next < end && *next == '"' && is_value_end (last_significant) &&
              last_significant != ',' )
            {
              g_string_append_c (out, ',');
              log->missing_commas = TRUE;
              last_significant = ',';
            }
          g_string_append_c (out, ' ');
          p = next;
          continue;
        }

      if (c == ',')
        {
          const char *next = skip_blank (p + 1, end, NULL, &log->comments);

          if (next < end && (*next == '}' || *next == ']'))
            {
              log->trailing_commas = TRUE;
              p = next;
              continue;
            }
          g_string_append_c (out, ',');
          last_significant = ',';
          p++;
          continue;
        }

      if (c == '0' && p + 2 < end && (p[1] == 'x' || p[1] == 'X') && g_ascii_isxdigit (p[2]) &&
          (last_significant == ':' || last_significant == '[' || last_significant == ','))
        {
          const char *q = p + 2;
          guint64 value = 0;

          while (q < end && g_ascii_isxdigit (*q) && value <= G_MAXUINT64 >> 4)
            value = (value << 4) | (guint64) g_ascii_xdigit_value (*q++);
          g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
          log->hex = TRUE;
          last_significant = '0';
          p = q;
          continue;
        }

      g_string_append_c (out, c);
      last_significant = c;
      p++;
    }

  return g_string_free (out, FALSE);
}

/* json-glib 1.6 reads strings with GScanner, which takes "\\266" as an octal escape and puts the
 * raw byte 0xB6 into the string, and writes a lone surrogate "\\uDBBB" as the bytes of one:
 * invalid UTF-8 either way, which breaks every later g_utf8 call (both found by
 * tests/fuzz/fuzz-json.c). Only a backslash before a digit or a 'u' can do that. */
static gboolean
has_risky_escape (const char *text,
                  gsize       length)
{
  for (gsize i = 0; i + 1 < length; i++)
    if (text[i] == '\\' && (g_ascii_isdigit (text[i + 1]) || text[i + 1] == 'u'))
      return TRUE;
  return FALSE;
}

static char *
dup_valid_utf8 (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : vigil_utf8_repair (text, -1);
}

/* A copy of @node whose strings and member names are valid UTF-8 (the parser's nodes are
 * immutable). */
static JsonNode *
copy_valid_utf8 (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonNode *result = json_node_new (JSON_NODE_OBJECT);
        JsonObject *copy = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            g_autofree char *valid = dup_valid_utf8 (name);

            json_object_set_member (copy, valid, copy_valid_utf8 (member));
          }
        json_node_take_object (result, copy);
        return result;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *copy = json_array_sized_new (json_array_get_length (array));
        JsonNode *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, copy_valid_utf8 (json_array_get_element (array, i)));
        json_node_take_array (result, copy);
        return result;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *valid = dup_valid_utf8 (json_node_get_string (node));

          return json_node_init_string (json_node_alloc (), valid);
        }
      return json_node_copy (node);
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static JsonNode *
parse_strict (const char *text,
              gssize      length,
              GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *fast;

  if (length < 0)
    length = strlen (text);
  fast = vigil_json_read_strict (text, length);
  if (fast != NULL)
    return fast;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("empty document"));
      return NULL;
    }

  if (has_risky_escape (text, length))
    {
      JsonNode *valid = copy_valid_utf8 (json_parser_get_root (parser));

      json_node_seal (valid);
      return valid;
    }
  return json_node_ref (json_parser_get_root (parser));
}

JsonNode *
vigil_json_parse (const char  *data,
                  gssize       length,
                  char       **repair_note,
                  GError     **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *repaired = NULL;
  g_autoptr(GError) strict_error = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  RepairLog log = { 0 };
  const char *text;
  gsize text_len;
  JsonNode *node;

  if (repair_note)
    *repair_note = NULL;

  if (data == NULL)
    length = 0;
  else if (length < 0)
    length = strlen (data);

  if ((gsize) length > VIGIL_JSON_MAX_BODY)
    {
      g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_TOO_LARGE,
                   _("The message is %zd bytes long, more than the %d bytes accepted"),
                   length, VIGIL_JSON_MAX_BODY);
      return NULL;
    }

  text = data ? data : "";
  text_len = length;

  /* A BOM, NULs or invalid UTF-8 would make json-glib refuse the whole message. */
  if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      text_len -= 3;
      g_ptr_array_add (notes, (gpointer) "byte-order mark removed");
    }
  if (!g_utf8_validate (text, text_len, NULL))
    {
      valid = vigil_utf8_repair (text, text_len);
      text = valid;
      text_len = strlen (valid);
      g_ptr_array_add (notes, (gpointer) "invalid UTF-8 replaced");
    }

  node = parse_strict (text, text_len, &strict_error);

  if (node == NULL)
    {
      repaired = repair_text (text, text_len, &log);
      node = parse_strict (repaired, -1, NULL);

      if (node == NULL)
        {
          g_autofree char *excerpt = vigil_json_excerpt (data ? data : "", length, 80);

          g_set_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_NOT_JSON,
                       _("The answer is not JSON (%s); it starts with: %s"),
                       strict_error ? strict_error->message : _("empty"),
                       length > 0 ? excerpt : _("(nothing)"));
          return NULL;
        }

      if (log.comments)
        g_ptr_array_add (notes, (gpointer) "comments removed");
      if (log.hex)
        g_ptr_array_add (notes, (gpointer) "hexadecimal numbers converted");
      if (log.trailing_commas)
        g_ptr_array_add (notes, (gpointer) "trailing commas removed");
      if (log.missing_commas)
        g_ptr_array_add (notes, (gpointer) "missing commas inserted");
      if (log.control_chars)
        g_ptr_array_add (notes, (gpointer) "control characters escaped");
    }

  if (repair_note && notes->len > 0)
    {
      g_ptr_array_add (notes, NULL);
      *repair_note = g_strjoinv ("; ", (char **) notes->pdata);
    }

  return node;
}

JsonNode *
vigil_json_object_lookup (JsonObject *object,
                          const char *key)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL || key == NULL)
    return NULL;

  member = json_object_get_member (object, key);
  if (member != NULL)
    return member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (name));

      if (g_ascii_strcasecmp (trimmed, key) == 0)
        return member;
    }

  return NULL;
}

JsonObject *
vigil_json_object_get_object (JsonObject *object,
                              const char *key)
{
  JsonNode *node = vigil_json_object_lookup (object, key);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
vigil_json_object_get_array (JsonObject *object,
                             const char *key)
{
  JsonNode *node = vigil_json_object_lookup (object, key);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

char *
vigil_json_node_dup_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return vigil_utf8_repair (json_node_get_string (node), -1);
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

char *
vigil_json_object_dup_string (JsonObject *object,
                              const char *key)
{
  return vigil_json_node_dup_string (vigil_json_object_lookup (object, key));
}

/* "12.0" is an integer; 1e57 and NaN are not, and converting them to gint64 would be undefined
 * behaviour (found by tests/fuzz/fuzz-json.c), so the range is checked first. */
static gboolean
double_is_int64 (double d)
{
  return d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == (double) (gint64) d;
}

gboolean
vigil_json_text_get_int (const char *text,
                         gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *s = copy;
  char *endptr = NULL;
  gint64 value;

  if (*s == '\0')
    return FALSE;

  errno = 0;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    value = (gint64) g_ascii_strtoull (s + 2, &endptr, 16);
  else
    value = g_ascii_strtoll (s, &endptr, 10);

  if (errno != 0 || endptr == s || *endptr != '\0')
    {
      /* "12.0" from a firmware that prints integers as floats. */
      double d;

      errno = 0;
      d = g_ascii_strtod (s, &endptr);
      if (errno != 0 || *endptr != '\0' || !double_is_int64 (d))
        return FALSE;
      value = (gint64) d;
    }

  *out = value;
  return TRUE;
}

gboolean
vigil_json_node_get_int (JsonNode *node,
                         gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);
        if (!double_is_int64 (d))
          return FALSE;
        *out = (gint64) d;
        return TRUE;
      }
    case G_TYPE_BOOLEAN:
      *out = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;
    case G_TYPE_STRING:
      return vigil_json_text_get_int (json_node_get_string (node), out);
    default:
      return FALSE;
    }
}

gboolean
vigil_json_object_get_int (JsonObject *object,
                           const char *key,
                           gint64     *out)
{
  return vigil_json_node_get_int (vigil_json_object_lookup (object, key), out);
}

gboolean
vigil_json_node_get_bool (JsonNode *node,
                          gboolean *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *out = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_INT64:
      *out = json_node_get_int (node) != 0;
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node) != 0.0;
      return TRUE;
    case G_TYPE_STRING:
      {
        g_autofree char *s = g_strstrip (g_strdup (json_node_get_string (node)));

        if (g_ascii_strcasecmp (s, "true") == 0 || g_ascii_strcasecmp (s, "yes") == 0 ||
            g_strcmp0 (s, "1") == 0)
          *out = TRUE;
        else if (g_ascii_strcasecmp (s, "false") == 0 || g_ascii_strcasecmp (s, "no") == 0 ||
                 g_strcmp0 (s, "0") == 0)
          *out = FALSE;
        else
          return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

gboolean
vigil_json_object_get_bool (JsonObject *object,
                            const char *key,
                            gboolean   *out)
{
  return vigil_json_node_get_bool (vigil_json_object_lookup (object, key), out);
}

char *
vigil_json_to_string (JsonNode *node,
                      gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (node == NULL)
    return g_strdup ("null");

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

#define FIELD_PTR(strct, offset) ((gpointer) ((guint8 *) (strct) + (offset)))

/* A key may be a path, "EhomeParams.EhomeID": the last part names the member, the others the
 * objects it sits in. */
static JsonNode *
lookup_path (JsonObject *object,
             const char *path)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *head = g_strndup (path, dot - path);

      object = vigil_json_object_get_object (object, head);
      if (object == NULL)
        return NULL;
      path = dot + 1;
    }

  return vigil_json_object_lookup (object, path);
}

static JsonObject *
ensure_path (JsonObject  *object,
             const char  *path,
             const char **leaf)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *head = g_strndup (path, dot - path);
      JsonObject *child = vigil_json_object_get_object (object, head);

      if (child == NULL)
        {
          child = json_object_new ();
          json_object_set_object_member (object, head, child);
        }
      object = child;
      path = dot + 1;
    }

  *leaf = path;
  return object;
}

void
vigil_fields_read (const VigilField *fields,
                   guint             n_fields,
                   JsonObject       *object,
                   gpointer          strct)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const VigilField *f = &fields[i];
      JsonNode *node;

      if (f->key == NULL)
        continue;

      node = lookup_path (object, f->key);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      switch (f->kind)
        {
        case VIGIL_FIELD_STRING:
          {
            char **slot = FIELD_PTR (strct, f->offset);
            g_free (*slot);
            *slot = vigil_json_node_dup_string (node);
          }
          break;
        case VIGIL_FIELD_INT:
          if (vigil_json_node_get_int (node, FIELD_PTR (strct, f->offset)))
            *(gboolean *) FIELD_PTR (strct, f->has_offset) = TRUE;
          break;
        case VIGIL_FIELD_BOOL:
          if (vigil_json_node_get_bool (node, FIELD_PTR (strct, f->offset)))
            *(gboolean *) FIELD_PTR (strct, f->has_offset) = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
vigil_fields_write (const VigilField *fields,
                    guint             n_fields,
                    gconstpointer     strct,
                    JsonObject       *object)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const VigilField *f = &fields[i];
      gboolean present;
      JsonObject *target;
      const char *leaf;

      if (f->key == NULL)
        continue;

      if (f->kind == VIGIL_FIELD_STRING)
        present = *(char * const *) FIELD_PTR (strct, f->offset) != NULL;
      else
        present = *(const gboolean *) FIELD_PTR (strct, f->has_offset);
      if (!present)
        continue;

      target = ensure_path (object, f->key, &leaf);

      /* A tolerant read may have matched "heartbeat " for "heartBeat": write the proper name
       * only. */
      if (!json_object_has_member (target, leaf))
        {
          JsonNode *old = vigil_json_object_lookup (target, leaf);
          if (old != NULL)
            {
              JsonObjectIter iter;
              const char *name;
              JsonNode *member;

              json_object_iter_init (&iter, target);
              while (json_object_iter_next (&iter, &name, &member))
                if (member == old)
                  {
                    json_object_remove_member (target, name);
                    break;
                  }
            }
        }

      switch (f->kind)
        {
        case VIGIL_FIELD_STRING:
          json_object_set_string_member (target, leaf, *(char * const *) FIELD_PTR (strct, f->offset));
          break;
        case VIGIL_FIELD_INT:
          json_object_set_int_member (target, leaf, *(const gint64 *) FIELD_PTR (strct, f->offset));
          break;
        case VIGIL_FIELD_BOOL:
          json_object_set_boolean_member (target, leaf, *(const gboolean *) FIELD_PTR (strct, f->offset));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
vigil_fields_clear (const VigilField *fields,
                    guint             n_fields,
                    gpointer          strct)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].key != NULL && fields[i].kind == VIGIL_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (strct, fields[i].offset), g_free);
}

JsonNode *
vigil_json_node_deep_copy (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *copy = json_object_new ();
        JsonNode *result = json_node_new (JSON_NODE_OBJECT);
        /* The member list keeps the order they came in (the iterator walks a hash). */
        g_autoptr(GList) names = json_object_get_members (object);

        for (GList *l = names; l != NULL; l = l->next)
          json_object_set_member (copy, l->data,
                                  vigil_json_node_deep_copy (json_object_get_member (object, l->data)));
        json_node_take_object (result, copy);
        return result;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        JsonArray *copy = json_array_sized_new (json_array_get_length (array));
        JsonNode *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, vigil_json_node_deep_copy (json_array_get_element (array, i)));
        json_node_take_array (result, copy);
        return result;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      {
        JsonNode *copy = json_node_copy (node);
        /* A copy of a sealed value is still sealed: harmless for scalars. */
        return copy;
      }
    }
}

JsonObject *
vigil_json_object_deep_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  JsonNode *copy;
  JsonObject *result;

  if (object == NULL)
    return json_object_new ();

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  copy = vigil_json_node_deep_copy (node);
  result = json_object_ref (json_node_get_object (copy));
  json_node_unref (copy);
  return result;
}
