/* vigil-json-reader.c — a fast reader for well-formed JSON, beside json-glib's parser
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-json"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vigil-json-reader.h"

/* Deeper than any gateway message; deeper input goes to json-glib. */
#define MAX_DEPTH 64

typedef struct
{
  const char *p;
  const char *end;
  GString *scratch;
} Reader;

static JsonNode *read_value (Reader *r, guint depth);

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader  *r,
           gunichar *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_digit (r->p[i]);

      if (digit < 0)
        return FALSE;
      value = value << 4 | (gunichar) digit;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

/* After the opening quote; leaves the text (unescaped, NUL-terminated) in r->scratch. */
static gboolean
read_string (Reader *r)
{
  g_string_truncate (r->scratch, 0);

  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (r->scratch, run, r->p - run);
      if (r->p >= r->end || (guchar) *r->p < 0x20)
        return FALSE;
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }

      /* A backslash. */
      if (++r->p >= r->end)
        return FALSE;
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->scratch, '"'); break;
        case '\\': g_string_append_c (r->scratch, '\\'); break;
        case '/': g_string_append_c (r->scratch, '/'); break;
        case 'b': g_string_append_c (r->scratch, '\b'); break;
        case 'f': g_string_append_c (r->scratch, '\f'); break;
        case 'n': g_string_append_c (r->scratch, '\n'); break;
        case 'r': g_string_append_c (r->scratch, '\r'); break;
        case 't': g_string_append_c (r->scratch, '\t'); break;
        case 'u':
          {
            gunichar c;

            if (!read_hex4 (r, &c))
              return FALSE;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low;

                if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u')
                  return FALSE;
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
                  return FALSE;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            /* NUL and lone low surrogates: json-glib decides what they become. */
            else if (c == 0 || (c >= 0xDC00 && c <= 0xDFFF))
              return FALSE;
            g_string_append_unichar (r->scratch, c);
          }
          break;
        default:
          return FALSE;
        }
    }
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean integer = TRUE;
  char buffer[64];
  char *end = NULL;
  JsonNode *node;
  gsize len;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return NULL;
  if (*r->p == '0')
    {
      r->p++;
      if (r->p < r->end && g_ascii_isdigit (*r->p))
        return NULL;
    }
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      integer = FALSE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      integer = FALSE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return NULL;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  len = r->p - start;
  if (len >= sizeof buffer)
    return NULL;
  memcpy (buffer, start, len);
  buffer[len] = '\0';

  node = json_node_new (JSON_NODE_VALUE);
  errno = 0;
  if (integer)
    {
      gint64 value = g_ascii_strtoll (buffer, &end, 10);

      /* Out of range: json-glib's own rules apply. */
      if (errno != 0 || end != buffer + len)
        {
          json_node_unref (node);
          return NULL;
        }
      json_node_set_int (node, value);
    }
  else
    {
      double value = g_ascii_strtod (buffer, &end);

      if (errno != 0 || end != buffer + len)
        {
          json_node_unref (node);
          return NULL;
        }
      json_node_set_double (node, value);
    }
  return node;
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

static JsonNode *
read_object (Reader *r,
             guint   depth)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  r->p++;   /* { */
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      goto done;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      if (r->p >= r->end || *r->p != '"')
        return NULL;
      r->p++;
      if (!read_string (r))
        return NULL;
      name = g_strndup (r->scratch->str, r->scratch->len);
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return NULL;
      r->p++;
      member = read_value (r, depth + 1);
      if (member == NULL)
        return NULL;
      /* As json-glib: members know their parent; a name given twice keeps the last value. */
      json_node_set_parent (member, node);
      json_object_set_member (object, name, member);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          skip_space (r);
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          break;
        }
      return NULL;
    }

done:
  json_node_take_object (node, g_steal_pointer (&object));
  return g_steal_pointer (&node);
}

static JsonNode *
read_array (Reader *r,
            guint   depth)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  r->p++;   /* [ */
  skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *element = read_value (r, depth + 1);

      if (element == NULL)
        return NULL;
      json_node_set_parent (element, node);
      json_array_add_element (array, element);

      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          break;
        }
      return NULL;
    }

done:
  json_node_take_array (node, g_steal_pointer (&array));
  return g_steal_pointer (&node);
}

static JsonNode *
read_value (Reader *r,
            guint   depth)
{
  JsonNode *node;

  if (depth > MAX_DEPTH)
    return NULL;

  skip_space (r);
  if (r->p >= r->end)
    return NULL;

  switch (*r->p)
    {
    case '{':
      return read_object (r, depth);
    case '[':
      return read_array (r, depth);
    case '"':
      r->p++;
      if (!read_string (r))
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, r->scratch->str);
      return node;
    case 't':
      if (!read_literal (r, "true"))
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, TRUE);
      return node;
    case 'f':
      if (!read_literal (r, "false"))
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, FALSE);
      return node;
    case 'n':
      if (!read_literal (r, "null"))
        return NULL;
      return json_node_new (JSON_NODE_NULL);
    default:
      return read_number (r);
    }
}

JsonNode *
vigil_json_read_strict (const char *text,
                        gsize       length)
{
  Reader r = { text, text + length, NULL };
  JsonNode *root;

  /* Only a document that is an object or an array: a bare scalar is json-glib's to judge. */
  skip_space (&r);
  if (r.p >= r.end || (*r.p != '{' && *r.p != '['))
    return NULL;

  r.scratch = g_string_sized_new (64);
  root = read_value (&r, 0);
  g_string_free (r.scratch, TRUE);
  if (root == NULL)
    return NULL;

  skip_space (&r);
  if (r.p != r.end)
    {
      json_node_unref (root);
      return NULL;
    }

  /* json_parser_new_immutable() hands out sealed trees; so does this. */
  json_node_seal (root);
  return root;
}
