/* vigil-json-flat.c — a JSON object read into one flat array, without a tree
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event stream's hot path (docs/PERFORMANCE.md, "Parse"): one pass over the bytes, no
 * allocation unless a string has escapes, strings left where they are. It accepts a strict
 * subset of what vigil_json_parse() reads, so that whatever it accepts means the same both ways
 * (tests/test-event-fast.c and tests/fuzz/fuzz-event.c compare them); the rest is refused and
 * read the slow way.
 */
#define G_LOG_DOMAIN "vigil-json"

#include <errno.h>
#include <string.h>

#include "vigil-json-flat.h"

/* Shallower than vigil-json-reader.c's limit, so that a refusal here is never a difference. */
#define MAX_DEPTH 32

/* Names in one object compared pairwise for duplicates: beyond this, the tree path. */
#define MAX_MEMBERS 64

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  VigilFlatDoc *doc;
} Flat;

static gboolean read_value (Flat *f, const char *name, gsize name_len, guint depth);

static inline void
skip_space (Flat *f)
{
  while (f->p < f->end && (*f->p == ' ' || *f->p == '\n' || *f->p == '\r' || *f->p == '\t'))
    f->p++;
}

/* What read_string() must stop at: the closing quote, a backslash, a control byte (refused), a
 * byte of a multi-byte character (validated at the end). */
enum
{
  PLAIN = 0,
  QUOTE,
  BACKSLASH,
  CONTROL,
  HIGH,
};

static const guint8 string_class[256] = {
  [0x00] = CONTROL, [0x01] = CONTROL, [0x02] = CONTROL, [0x03] = CONTROL,
  [0x04] = CONTROL, [0x05] = CONTROL, [0x06] = CONTROL, [0x07] = CONTROL,
  [0x08] = CONTROL, [0x09] = CONTROL, [0x0a] = CONTROL, [0x0b] = CONTROL,
  [0x0c] = CONTROL, [0x0d] = CONTROL, [0x0e] = CONTROL, [0x0f] = CONTROL,
  [0x10] = CONTROL, [0x11] = CONTROL, [0x12] = CONTROL, [0x13] = CONTROL,
  [0x14] = CONTROL, [0x15] = CONTROL, [0x16] = CONTROL, [0x17] = CONTROL,
  [0x18] = CONTROL, [0x19] = CONTROL, [0x1a] = CONTROL, [0x1b] = CONTROL,
  [0x1c] = CONTROL, [0x1d] = CONTROL, [0x1e] = CONTROL, [0x1f] = CONTROL,
  ['"'] = QUOTE, ['\\'] = BACKSLASH,
#define HIGH16(n) [n] = HIGH, [n + 1] = HIGH, [n + 2] = HIGH, [n + 3] = HIGH, \
                  [n + 4] = HIGH, [n + 5] = HIGH, [n + 6] = HIGH, [n + 7] = HIGH, \
                  [n + 8] = HIGH, [n + 9] = HIGH, [n + 10] = HIGH, [n + 11] = HIGH, \
                  [n + 12] = HIGH, [n + 13] = HIGH, [n + 14] = HIGH, [n + 15] = HIGH
  HIGH16 (0x80), HIGH16 (0x90), HIGH16 (0xa0), HIGH16 (0xb0),
  HIGH16 (0xc0), HIGH16 (0xd0), HIGH16 (0xe0), HIGH16 (0xf0),
#undef HIGH16
};

/* After the opening quote. Without escapes the text stays in the input; with them it is
 * unescaped into the scratch buffer, which is as long as the input and so never moves. */
static gboolean
read_string (Flat        *f,
             const char **out,
             gsize       *out_len)
{
  const char *run = f->p;
  gboolean high = FALSE;
  gboolean escaped = FALSE;
  VigilFlatDoc *doc = f->doc;
  char *dest = NULL;

  for (;;)
    {
      const char *plain = f->p;
      guchar c;

      while (f->p < f->end && string_class[(guchar) *f->p] == PLAIN)
        f->p++;
      if (escaped)
        {
          memcpy (dest, plain, f->p - plain);
          dest += f->p - plain;
        }
      if (f->p >= f->end)
        return FALSE;
      c = (guchar) *f->p;
      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      if (c >= 0x80)
        high = TRUE;
      if (c == '\\')
        {
          if (!escaped)
            {
              escaped = TRUE;
              if (doc->scratch == NULL)
                doc->scratch = g_malloc (f->end - f->start + 1);
              dest = doc->scratch + doc->scratch_len;
              memcpy (dest, run, f->p - run);
              dest += f->p - run;
            }
          if (f->p + 1 >= f->end)
            return FALSE;
          /* \u is json-glib's and the strict reader's to judge (NUL, surrogates). */
          switch (f->p[1])
            {
            case '"': *dest++ = '"'; break;
            case '\\': *dest++ = '\\'; break;
            case '/': *dest++ = '/'; break;
            case 'b': *dest++ = '\b'; break;
            case 'f': *dest++ = '\f'; break;
            case 'n': *dest++ = '\n'; break;
            case 'r': *dest++ = '\r'; break;
            case 't': *dest++ = '\t'; break;
            default: return FALSE;
            }
          f->p += 2;
          continue;
        }
      if (escaped)
        *dest++ = (char) c;
      f->p++;
    }

  /* Escapes are ASCII: the raw span is valid UTF-8 exactly when the text is. */
  if (high && !g_utf8_validate (run, f->p - run, NULL))
    return FALSE;

  if (escaped)
    {
      *out = doc->scratch + doc->scratch_len;
      *out_len = dest - *out;
      doc->scratch_len += *out_len;
    }
  else
    {
      *out = run;
      *out_len = f->p - run;
    }
  f->p++;   /* " */
  return TRUE;
}

static gboolean
read_number (Flat          *f,
             VigilFlatNode *node)
{
  const char *start = f->p;
  gboolean integer = TRUE;
  gboolean negative = FALSE;
  guint digits = 0;
  gint64 value = 0;

  if (f->p < f->end && *f->p == '-')
    {
      negative = TRUE;
      f->p++;
    }
  if (f->p >= f->end || !g_ascii_isdigit (*f->p))
    return FALSE;
  if (*f->p == '0')
    {
      f->p++;
      digits = 1;
      if (f->p < f->end && g_ascii_isdigit (*f->p))
        return FALSE;
    }
  else
    while (f->p < f->end && g_ascii_isdigit (*f->p))
      {
        value = value * 10 + (*f->p++ - '0');
        if (++digits > 18)
          return FALSE;   /* near the range of gint64: the strict reader's rules */
      }
  if (f->p < f->end && *f->p == '.')
    {
      integer = FALSE;
      f->p++;
      if (f->p >= f->end || !g_ascii_isdigit (*f->p))
        return FALSE;
      while (f->p < f->end && g_ascii_isdigit (*f->p))
        f->p++;
    }
  if (f->p < f->end && (*f->p == 'e' || *f->p == 'E'))
    {
      integer = FALSE;
      f->p++;
      if (f->p < f->end && (*f->p == '+' || *f->p == '-'))
        f->p++;
      if (f->p >= f->end || !g_ascii_isdigit (*f->p))
        return FALSE;
      while (f->p < f->end && g_ascii_isdigit (*f->p))
        f->p++;
    }

  if (integer)
    {
      node->kind = VIGIL_FLAT_INT;
      node->v.integer = negative ? -value : value;
    }
  else
    {
      /* As vigil-json-reader.c reads it, to the bit. */
      char buffer[64];
      gsize len = f->p - start;
      char *end = NULL;

      if (len >= sizeof buffer)
        return FALSE;
      memcpy (buffer, start, len);
      buffer[len] = '\0';
      errno = 0;
      node->v.number = g_ascii_strtod (buffer, &end);
      if (errno != 0 || end != buffer + len)
        return FALSE;
      node->kind = VIGIL_FLAT_DOUBLE;
    }
  return TRUE;
}

static gboolean
read_literal (Flat       *f,
              const char *word,
              gsize       len)
{
  if ((gsize) (f->end - f->p) < len || memcmp (f->p, word, len) != 0)
    return FALSE;
  f->p += len;
  return TRUE;
}

/* json-glib keeps the last of two members of one name, in the place of the first; the strict
 * reader does the same. Rare enough to leave to them. */
static gboolean
has_duplicate_names (const VigilFlatDoc *doc,
                     const guint        *members,
                     guint               n)
{
  for (guint i = 1; i < n; i++)
    {
      const VigilFlatNode *a = &doc->nodes[members[i]];

      for (guint j = 0; j < i; j++)
        {
          const VigilFlatNode *b = &doc->nodes[members[j]];

          if (a->name_len == b->name_len && memcmp (a->name, b->name, a->name_len) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* After a member or an element: a comma, and a comma just before the closing bracket (the
 * guide's examples have them; vigil_json_parse() removes them and notes it). */
static gboolean
read_separator (Flat     *f,
                char      close,
                gboolean *closed)
{
  skip_space (f);
  if (f->p < f->end && *f->p == ',')
    {
      f->p++;
      skip_space (f);
      if (f->p < f->end && *f->p == close)
        {
          f->doc->trailing_commas = TRUE;
          f->p++;
          *closed = TRUE;
        }
      else
        *closed = FALSE;
      return TRUE;
    }
  if (f->p < f->end && *f->p == close)
    {
      f->p++;
      *closed = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_object (Flat  *f,
             guint  depth)
{
  guint members[MAX_MEMBERS];
  guint n = 0;
  gboolean closed = FALSE;

  f->p++;   /* { */
  skip_space (f);
  if (f->p < f->end && *f->p == '}')
    {
      f->p++;
      return TRUE;
    }

  while (!closed)
    {
      const char *name;
      gsize name_len;

      if (f->p >= f->end || *f->p != '"' || n == MAX_MEMBERS)
        return FALSE;
      f->p++;
      if (!read_string (f, &name, &name_len))
        return FALSE;
      skip_space (f);
      if (f->p >= f->end || *f->p != ':')
        return FALSE;
      f->p++;
      members[n++] = f->doc->n_nodes;
      if (!read_value (f, name, name_len, depth + 1))
        return FALSE;
      if (!read_separator (f, '}', &closed))
        return FALSE;
    }

  return !has_duplicate_names (f->doc, members, n);
}

static gboolean
read_array (Flat  *f,
            guint  depth)
{
  gboolean closed = FALSE;

  f->p++;   /* [ */
  skip_space (f);
  if (f->p < f->end && *f->p == ']')
    {
      f->p++;
      return TRUE;
    }

  while (!closed)
    {
      if (!read_value (f, NULL, 0, depth + 1))
        return FALSE;
      if (!read_separator (f, ']', &closed))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_value (Flat       *f,
            const char *name,
            gsize       name_len,
            guint       depth)
{
  VigilFlatDoc *doc = f->doc;
  VigilFlatNode *node;
  guint index;
  gboolean ok;

  if (depth > MAX_DEPTH || doc->n_nodes == VIGIL_FLAT_MAX_NODES)
    return FALSE;

  skip_space (f);
  if (f->p >= f->end)
    return FALSE;

  index = doc->n_nodes++;
  node = &doc->nodes[index];
  node->name = name;
  node->name_len = name_len;
  node->str = NULL;
  node->len = 0;

  switch (*f->p)
    {
    case '{':
      node->kind = VIGIL_FLAT_OBJECT;
      ok = read_object (f, depth);
      break;
    case '[':
      node->kind = VIGIL_FLAT_ARRAY;
      ok = read_array (f, depth);
      break;
    case '"':
      node->kind = VIGIL_FLAT_STRING;
      f->p++;
      ok = read_string (f, &node->str, &node->len);
      break;
    case 't':
      node->kind = VIGIL_FLAT_BOOLEAN;
      node->v.boolean = TRUE;
      ok = read_literal (f, "true", 4);
      break;
    case 'f':
      node->kind = VIGIL_FLAT_BOOLEAN;
      node->v.boolean = FALSE;
      ok = read_literal (f, "false", 5);
      break;
    case 'n':
      node->kind = VIGIL_FLAT_NULL;
      ok = read_literal (f, "null", 4);
      break;
    default:
      ok = read_number (f, node);
      break;
    }

  node->end = doc->n_nodes;
  return ok;
}

gboolean
vigil_json_flat_read (VigilFlatDoc *doc,
                      const char   *text,
                      gsize         length)
{
  Flat f = { text, text, text + length, doc };

  doc->n_nodes = 0;
  doc->trailing_commas = FALSE;
  doc->scratch = NULL;
  doc->scratch_len = 0;

  if (text == NULL)
    return FALSE;

  skip_space (&f);
  if (f.p >= f.end || *f.p != '{')
    return FALSE;
  if (!read_value (&f, NULL, 0, 0))
    return FALSE;
  skip_space (&f);
  return f.p == f.end;
}

void
vigil_json_flat_clear (VigilFlatDoc *doc)
{
  g_clear_pointer (&doc->scratch, g_free);
  doc->scratch_len = 0;
  doc->n_nodes = 0;
}
