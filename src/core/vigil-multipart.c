/* vigil-multipart.c — an incremental multipart/mixed parser for the event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-multipart"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-multipart.h"

G_DEFINE_QUARK (vigil-multipart-error-quark, vigil_multipart_error)

/* Input is appended and parsed in slices of this size, so that one huge feed cannot make the
 * buffer grow beyond the part limit before the parser has looked at it. */
#define FEED_SLICE 8192
/* A header block longer than this is not a header block. */
#define MAX_HEADER_BYTES 8192
#define MAX_HEADERS 64
/* RFC 2046 "transport-padding" after a delimiter: tolerated up to this many blanks. */
#define MAX_PADDING 64
/* What an error part keeps of the bytes it drops. */
#define EXCERPT_SIZE 1024

struct _VigilMultipartPart
{
  GError *error;
  GBytes *body;
  GPtrArray *names;
  GPtrArray *values;
  gint64 content_length;
  guint64 offset;
};

typedef enum
{
  STATE_BETWEEN,    /* preamble, between parts, epilogue */
  STATE_HEADERS,
  STATE_BODY,
  STATE_DISCARD,    /* dropping a part that is too large, until its end */
  STATE_FINISHED,
} State;

typedef enum
{
  JSON_UNDECIDED,   /* only blanks so far */
  JSON_TRACKING,    /* a JSON value whose end we watch for */
  JSON_NO,          /* not JSON, or JSON broken beyond tracking: the boundary ends it */
} JsonMode;

typedef enum
{
  STEP_NEED_MORE,
  STEP_PROGRESS,
} Step;

typedef enum
{
  MATCH_NO,
  MATCH_YES,
  MATCH_NEED_MORE,
} Match;

struct _VigilMultipart
{
  char *delimiter;          /* "--" + boundary */
  gsize delimiter_len;
  gsize max_part_size;

  GByteArray *buf;
  gsize start;              /* first byte not consumed */
  gsize scan;               /* next byte to examine */
  guint64 base;             /* stream offset of buf->data[0] */
  guint8 prev_byte;         /* the byte before buf->data[0] */

  State state;
  gboolean saw_boundary;
  gboolean saw_close;
  gboolean finishing;
  guint64 n_delivered;

  /* STATE_BETWEEN */
  gboolean garbage;
  guint64 garbage_len;
  guint64 garbage_offset;

  /* The part being read (HEADERS, BODY, DISCARD) */
  VigilMultipartPart *part;
  gsize header_bytes;
  gboolean json_allowed;
  JsonMode json;
  gint64 depth;
  gboolean in_string;
  gboolean escaped;
  guint64 body_dropped;     /* DISCARD: body bytes already dropped */
  gsize line_off;           /* BODY: where the current line starts, from the body's start */
  guint eol_run;            /* line-end bytes just before the scan position (0, 1 or 2) */
  VigilMultipartError discard_reason;

  GByteArray *excerpt;

  GQueue parts;
};

/* ---- parts ---------------------------------------------------------------------------- */

static VigilMultipartPart *
part_new (guint64 offset)
{
  VigilMultipartPart *part = g_new0 (VigilMultipartPart, 1);

  part->names = g_ptr_array_new_with_free_func (g_free);
  part->values = g_ptr_array_new_with_free_func (g_free);
  part->content_length = -1;
  part->offset = offset;
  return part;
}

void
vigil_multipart_part_free (VigilMultipartPart *part)
{
  if (part == NULL)
    return;
  g_clear_error (&part->error);
  g_clear_pointer (&part->body, g_bytes_unref);
  g_ptr_array_unref (part->names);
  g_ptr_array_unref (part->values);
  g_free (part);
}

const GError *
vigil_multipart_part_get_error (VigilMultipartPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return part->error;
}

GBytes *
vigil_multipart_part_get_body (VigilMultipartPart *part)
{
  g_return_val_if_fail (part != NULL, NULL);
  return part->body;
}

const char *
vigil_multipart_part_get_header (VigilMultipartPart *part,
                                 const char         *name)
{
  g_return_val_if_fail (part != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < part->names->len; i++)
    {
      if (g_ascii_strcasecmp (g_ptr_array_index (part->names, i), name) == 0)
        return g_ptr_array_index (part->values, i);
    }
  return NULL;
}

guint
vigil_multipart_part_get_n_headers (VigilMultipartPart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  return part->names->len;
}

const char *
vigil_multipart_part_get_content_type (VigilMultipartPart *part)
{
  return vigil_multipart_part_get_header (part, "Content-Type");
}

gint64
vigil_multipart_part_get_content_length (VigilMultipartPart *part)
{
  g_return_val_if_fail (part != NULL, -1);
  return part->content_length;
}

guint64
vigil_multipart_part_get_offset (VigilMultipartPart *part)
{
  g_return_val_if_fail (part != NULL, 0);
  return part->offset;
}

/* ---- the parser ----------------------------------------------------------------------- */

VigilMultipart *
vigil_multipart_new (const char *boundary,
                     gsize       max_part_size)
{
  VigilMultipart *self;
  gsize len;

  if (boundary == NULL)
    return NULL;
  len = strlen (boundary);
  if (len == 0 || len > VIGIL_MULTIPART_MAX_BOUNDARY || strpbrk (boundary, "\r\n") != NULL)
    return NULL;

  self = g_new0 (VigilMultipart, 1);
  self->delimiter = g_strconcat ("--", boundary, NULL);
  self->delimiter_len = len + 2;
  self->max_part_size = max_part_size > 0 ? max_part_size : VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE;
  self->buf = g_byte_array_new ();
  self->excerpt = g_byte_array_new ();
  self->prev_byte = '\n';     /* the stream starts at the start of a line */
  self->state = STATE_BETWEEN;
  g_queue_init (&self->parts);
  return self;
}

void
vigil_multipart_free (VigilMultipart *self)
{
  if (self == NULL)
    return;
  g_free (self->delimiter);
  g_byte_array_unref (self->buf);
  g_byte_array_unref (self->excerpt);
  vigil_multipart_part_free (self->part);
  g_queue_clear_full (&self->parts, (GDestroyNotify) vigil_multipart_part_free);
  g_free (self);
}

gboolean
vigil_multipart_next_part (VigilMultipart      *self,
                           VigilMultipartPart **part_out)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (part_out != NULL, FALSE);

  *part_out = g_queue_pop_head (&self->parts);
  return *part_out != NULL;
}

gboolean
vigil_multipart_saw_close (VigilMultipart *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->saw_close;
}

gsize
vigil_multipart_get_buffered (VigilMultipart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->buf->len + self->excerpt->len;
}

static inline gboolean
is_blank (guint8 c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static inline guint8
byte_before (VigilMultipart *self,
             gsize           i)
{
  return i > 0 ? self->buf->data[i - 1] : self->prev_byte;
}

/* Everything before @i is done with; the next look starts there (which may be before an earlier
 * scan position, when a body was looked at again). */
static void
consume_to (VigilMultipart *self,
            gsize           i)
{
  self->start = i;
  self->scan = i;
}

/* Drops consumed bytes from the front. Only when that is worth the move, so that the cost stays
 * linear in the input even when it is fed one byte at a time. */
static void
compact (VigilMultipart *self)
{
  gsize start = self->start;

  if (start == 0)
    return;
  if (start < 4096 && start * 2 < self->buf->len)
    return;

  self->prev_byte = self->buf->data[start - 1];
  g_byte_array_remove_range (self->buf, 0, start);
  self->base += start;
  self->scan -= start;
  self->start = 0;
}

static void
deliver (VigilMultipart     *self,
         VigilMultipartPart *part)
{
  if (part->error == NULL)
    self->n_delivered++;
  g_queue_push_tail (&self->parts, part);
}

static void
deliver_error (VigilMultipart *self,
               guint64         offset,
               GError         *error)
{
  VigilMultipartPart *part = part_new (offset);

  part->error = error;
  part->body = g_bytes_new (self->excerpt->data, self->excerpt->len);
  g_byte_array_set_size (self->excerpt, 0);
  deliver (self, part);
}

/* Keeps the first bytes of what is dropped, whatever the slices the input came in. */
static void
keep_excerpt (VigilMultipart *self,
              const guint8   *data,
              gsize           len)
{
  if (self->excerpt->len < EXCERPT_SIZE)
    g_byte_array_append (self->excerpt, data, MIN (len, EXCERPT_SIZE - self->excerpt->len));
}

static gboolean
all_blank (const guint8 *data,
           gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!is_blank (data[i]))
        return FALSE;
    }
  return TRUE;
}

/* Is there a delimiter ("--boundary" then "--", or blanks and a line end) at @i? Only the
 * bytes are checked here; whether @i may start one is the caller's business. */
static Match
match_delimiter (VigilMultipart *self,
                 gsize           i,
                 gsize          *end,
                 gboolean       *closing)
{
  const guint8 *d = self->buf->data;
  gsize len = self->buf->len;
  gsize avail = len - i;
  gsize p;
  guint padding = 0;

  if (memcmp (d + i, self->delimiter, MIN (avail, self->delimiter_len)) != 0)
    return MATCH_NO;
  if (avail < self->delimiter_len)
    return self->finishing ? MATCH_NO : MATCH_NEED_MORE;

  p = i + self->delimiter_len;
  *closing = FALSE;

  if (p < len && d[p] == '-')
    {
      if (p + 1 == len)
        return self->finishing ? MATCH_NO : MATCH_NEED_MORE;
      if (d[p + 1] != '-')
        return MATCH_NO;
      *closing = TRUE;
      *end = p + 2;
      return MATCH_YES;
    }

  while (p < len && (d[p] == ' ' || d[p] == '\t'))
    {
      if (++padding > MAX_PADDING)
        return MATCH_NO;
      p++;
    }

  if (p == len)
    {
      if (!self->finishing)
        return MATCH_NEED_MORE;
      *end = len;
      return MATCH_YES;
    }

  if (d[p] == '\n')
    {
      *end = p + 1;
      return MATCH_YES;
    }
  if (d[p] == '\r')
    {
      if (p + 1 == len && !self->finishing)
        return MATCH_NEED_MORE;
      *end = (p + 1 < len && d[p + 1] == '\n') ? p + 2 : p + 1;
      return MATCH_YES;
    }

  return MATCH_NO;
}

static void
begin_part (VigilMultipart *self,
            gsize           at)
{
  vigil_multipart_part_free (self->part);
  self->part = part_new (self->base + at);
  self->header_bytes = 0;
}

/* A delimiter ended whatever came before it: read the next part's headers, or after the
 * closing delimiter go back to skipping. */
static void
after_delimiter (VigilMultipart *self,
                 gsize           end,
                 gboolean        closing)
{
  self->saw_boundary = TRUE;
  self->garbage = FALSE;
  self->eol_run = 0;
  consume_to (self, end);
  g_clear_pointer (&self->part, vigil_multipart_part_free);

  if (closing)
    {
      self->saw_close = TRUE;
      self->state = STATE_BETWEEN;
    }
  else
    {
      self->state = STATE_HEADERS;
      begin_part (self, end);
    }
}

static void
begin_body (VigilMultipart *self,
            gsize           at)
{
  const char *content_type = vigil_multipart_part_get_content_type (self->part);

  /* Only a body that may be JSON is tracked: a '{' at the start of an image means nothing. */
  self->json_allowed = TRUE;
  if (content_type != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (content_type, -1);

      self->json_allowed = strstr (lower, "json") != NULL || g_str_has_prefix (lower, "text/");
    }

  self->json = JSON_UNDECIDED;
  self->depth = 0;
  self->in_string = FALSE;
  self->escaped = FALSE;
  self->body_dropped = 0;
  self->line_off = 0;
  self->eol_run = 0;
  self->part->offset = self->base + at;
  g_byte_array_set_size (self->excerpt, 0);

  consume_to (self, at);
  self->scan = at;
  self->state = STATE_BODY;
}

static void
deliver_body (VigilMultipart *self,
              gsize           len)
{
  VigilMultipartPart *part = g_steal_pointer (&self->part);
  const guint8 *body = self->buf->data + self->start;

  /* A part with nothing in it carries nothing (some firmware sends them as keep-alives). */
  if (all_blank (body, len))
    {
      vigil_multipart_part_free (part);
      return;
    }

  part->body = g_bytes_new (body, len);
  deliver (self, part);
}

/* The part being dropped ends before @end (a delimiter, or its JSON closed). */
static void
deliver_too_large (VigilMultipart *self,
                   gsize           end,
                   guint           eol)
{
  guint64 offset = self->part != NULL ? self->part->offset : self->base + self->start;
  guint64 size = self->body_dropped + (end - self->start) - eol;
  GError *error;

  keep_excerpt (self, self->buf->data + self->start, end - self->start);

  if (self->discard_reason == VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE)
    error = g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE,
                         _("part headers longer than %u bytes"), (guint) MAX_HEADER_BYTES);
  else
    error = g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_TOO_LARGE,
                         _("part of %llu bytes exceeds the limit"), (unsigned long long) size);

  g_clear_pointer (&self->part, vigil_multipart_part_free);
  deliver_error (self, offset, error);
}

static void
begin_discard (VigilMultipart      *self,
               VigilMultipartError  reason)
{
  g_byte_array_set_size (self->excerpt, 0);
  self->discard_reason = reason;
  self->body_dropped = 0;
  if (reason == VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE)
    self->json = JSON_NO;
  self->state = STATE_DISCARD;
}

/* The line break before a delimiter belongs to the delimiter: count it as it passes. */
static inline void
note_eol (VigilMultipart *self,
          gsize           i,
          guint8          c)
{
  if (c == '\n')
    self->eol_run = byte_before (self, i) == '\r' ? 2 : 1;
  else
    self->eol_run = c == '\r' ? 1 : 0;
}

/* Where a delimiter may start inside a body: at the start of a line; or glued to the end of a
 * JSON value ("}--boundary"), which firmware sends; never inside a JSON string. */
static gboolean
body_candidate (VigilMultipart *self,
                gsize           i)
{
  guint8 before;

  if (self->body_dropped + (i - self->start) == 0)
    return TRUE;

  before = byte_before (self, i);
  if (before == '\n' || before == '\r')
    return TRUE;
  if (self->json == JSON_TRACKING && self->in_string)
    return FALSE;
  return before == '}' || before == ']';
}

/* Follows a JSON value byte by byte. TRUE when its top-level value just closed. */
static gboolean
track_json (VigilMultipart *self,
            guint8          c)
{
  switch (self->json)
    {
    case JSON_UNDECIDED:
      if (is_blank (c))
        return FALSE;
      if (self->json_allowed && (c == '{' || c == '['))
        {
          self->json = JSON_TRACKING;
          self->depth = 1;
        }
      else
        self->json = JSON_NO;
      return FALSE;

    case JSON_TRACKING:
      if (self->in_string)
        {
          if (self->escaped)
            self->escaped = FALSE;
          else if (c == '\\')
            self->escaped = TRUE;
          else if (c == '"')
            self->in_string = FALSE;
          else if (c == '\n' || c == '\r')
            {
              /* JSON strings cannot hold a line break: this is not the JSON we thought. Fall
               * back to the boundary, or one stray quote would swallow the stream. */
              self->json = JSON_NO;
            }
          return FALSE;
        }
      if (c == '"')
        self->in_string = TRUE;
      else if (c == '{' || c == '[')
        self->depth++;
      else if (c == '}' || c == ']')
        return --self->depth == 0;
      return FALSE;

    case JSON_NO:
    default:
      return FALSE;
    }
}

/* The body length to deliver when a delimiter starts at @i: the line break before a delimiter
 * belongs to it (RFC 2046), unless the Content-Length says the body has exactly these bytes. */
static gsize
body_length_at_delimiter (VigilMultipart *self,
                          gsize           i)
{
  const guint8 *d = self->buf->data;
  gsize raw = i - self->start;
  gsize stripped = raw;
  gint64 declared = self->part->content_length;

  if (stripped > 0 && d[self->start + stripped - 1] == '\n')
    stripped--;
  if (stripped > 0 && d[self->start + stripped - 1] == '\r')
    stripped--;

  if (declared >= 0 && (guint64) declared >= stripped && (guint64) declared <= raw)
    return (gsize) declared;
  return stripped;
}

/* The bytes of a tracked JSON body that skip_tracked_json() must look at: quotes, brackets,
 * line breaks and the '-' a delimiter starts with; inside strings only quotes, backslashes and
 * line breaks ('-' cannot start a delimiter there: a line break in a string ends the tracking).
 * All others change nothing, and most of a body is made of them. */
static const guint8 special_outside_string[256] = {
  ['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1, ['-'] = 1, ['\n'] = 1, ['\r'] = 1,
};
static const guint8 special_in_string[256] = {
  ['"'] = 1, ['\\'] = 1, ['\n'] = 1, ['\r'] = 1,
};

/* step_body()'s loop for the bytes of a tracked JSON body that cannot end it or the part: the
 * same updates of the JSON state and the line-end bookkeeping, without the calls. Stops before
 * @limit, or at a byte the full loop must see (a possible delimiter, the closing bracket, a
 * backslash or line break in a string). */
static gsize
skip_tracked_json (VigilMultipart *self,
                   const guint8   *d,
                   gsize           i,
                   gsize           limit)
{
  gboolean in_string = self->in_string;
  gint64 depth = self->depth;
  guint eol_run = self->eol_run;
  gsize line_off = self->line_off;

  while (i < limit)
    {
      guint8 c = d[i];

      if (in_string)
        {
          if (special_in_string[c])
            {
              if (c != '"')
                break;
              in_string = FALSE;
            }
        }
      else if (special_outside_string[c])
        {
          if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            {
              if (depth <= 1)
                break;
              depth--;
            }
          else if (c == '\n' || c == '\r')
            {
              eol_run = c == '\n' && byte_before (self, i) == '\r' ? 2 : 1;
              line_off = i + 1 - self->start;
              i++;
              continue;
            }
          else
            {
              /* '-': a delimiter may start at the start of the body or of a line, or right
               * after a closing bracket (body_candidate()). */
              guint8 before = byte_before (self, i);

              if (i == self->start || before == '\n' || before == '\r' ||
                  before == '}' || before == ']')
                break;
            }
        }
      eol_run = 0;
      i++;
    }

  self->in_string = in_string;
  self->depth = depth;
  self->eol_run = eol_run;
  self->line_off = line_off;
  return i;
}

static Step
step_body (VigilMultipart *self)
{
  const guint8 *d = self->buf->data;
  gsize len = self->buf->len;
  gsize i = self->scan;

  while (i < len)
    {
      guint8 c;
      guint64 body_len;
      JsonMode was;

      /* Most bytes of a JSON body cannot end it or the part: past them in one tight loop, as
       * far as the size limit allows. */
      if (self->state == STATE_BODY && self->json == JSON_TRACKING && !self->escaped &&
          self->body_dropped == 0 && i - self->start < self->max_part_size)
        {
          gsize limit = MIN (len, self->start + self->max_part_size);
          gsize j = skip_tracked_json (self, d, i, limit);

          if (j > i)
            {
              i = j;
              continue;
            }
        }

      c = d[i];
      was = self->json;

      if (c == '-' && body_candidate (self, i))
        {
          gsize end = 0;
          gboolean closing = FALSE;
          Match m = match_delimiter (self, i, &end, &closing);

          if (m == MATCH_NEED_MORE)
            {
              self->scan = i;
              goto need_more;
            }
          if (m == MATCH_YES)
            {
              if (self->state == STATE_BODY)
                deliver_body (self, body_length_at_delimiter (self, i));
              else
                deliver_too_large (self, i, self->eol_run);
              after_delimiter (self, end, closing);
              return STEP_PROGRESS;
            }
        }

      body_len = self->body_dropped + (i - self->start) + 1;
      if (self->state == STATE_BODY && body_len > self->max_part_size)
        begin_discard (self, VIGIL_MULTIPART_ERROR_TOO_LARGE);

      if (track_json (self, c))
        {
          if (self->state == STATE_BODY)
            deliver_body (self, i + 1 - self->start);
          else
            deliver_too_large (self, i + 1, 0);
          consume_to (self, i + 1);
          self->state = STATE_BETWEEN;
          self->garbage = FALSE;
          self->eol_run = 0;
          return STEP_PROGRESS;
        }

      if (was == JSON_TRACKING && self->json == JSON_NO && self->state == STATE_BODY &&
          self->start + self->line_off < i)
        {
          /* The JSON broke on this line: what looked like a string may have been a delimiter
           * glued to a '}'. Look at the line again, now without the JSON's view of it. Once
           * per part at most, so the cost stays linear. */
          i = self->start + self->line_off;
          continue;
        }

      note_eol (self, i, c);
      if (c == '\n' || c == '\r')
        self->line_off = i + 1 - self->start;
      i++;
    }
  self->scan = len;

need_more:
  if (self->state == STATE_DISCARD)
    {
      /* Dropped as we go: a part that is too large costs no memory. */
      keep_excerpt (self, self->buf->data + self->start, self->scan - self->start);
      self->body_dropped += self->scan - self->start;
      self->start = self->scan;
    }
  return STEP_NEED_MORE;
}

static gboolean
between_candidate (VigilMultipart *self,
                   gsize           i)
{
  guint8 before;

  if (!self->garbage)
    return TRUE;
  before = byte_before (self, i);
  return before == '\n' || before == '\r' || before == '}' || before == ']';
}

static void
end_garbage (VigilMultipart *self)
{
  if (!self->garbage)
    return;

  self->garbage = FALSE;
  self->garbage_len -= MIN (self->eol_run, self->garbage_len);
  if (self->excerpt->len > self->garbage_len)
    g_byte_array_set_size (self->excerpt, self->garbage_len);

  /* Text before the first boundary is a preamble, after the closing one an epilogue: both
   * are allowed by RFC 2046 and mean nothing. */
  if ((!self->saw_boundary && self->n_delivered == 0) || self->saw_close)
    {
      g_byte_array_set_size (self->excerpt, 0);
      return;
    }

  deliver_error (self, self->garbage_offset,
                 g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_GARBAGE,
                              _("%llu bytes between parts belong to no part"),
                              (unsigned long long) self->garbage_len));
}

static Step
step_between (VigilMultipart *self)
{
  const guint8 *d = self->buf->data;
  gsize len = self->buf->len;
  gsize i;

  for (i = self->scan; i < len; i++)
    {
      guint8 c = d[i];

      if (c == '-' && between_candidate (self, i))
        {
          gsize end = 0;
          gboolean closing = FALSE;
          Match m = match_delimiter (self, i, &end, &closing);

          if (m == MATCH_NEED_MORE)
            {
              consume_to (self, i);
              self->scan = i;
              return STEP_NEED_MORE;
            }
          if (m == MATCH_YES)
            {
              end_garbage (self);
              after_delimiter (self, end, closing);
              return STEP_PROGRESS;
            }
        }

      note_eol (self, i, c);
      if (!self->garbage)
        {
          if (is_blank (c))
            continue;
          if (c == '{' || c == '[')
            {
              /* JSON with no boundary before it: a part without headers. */
              begin_part (self, i);
              begin_body (self, i);
              return STEP_PROGRESS;
            }
          self->garbage = TRUE;
          self->garbage_len = 0;
          self->garbage_offset = self->base + i;
          g_byte_array_set_size (self->excerpt, 0);
        }

      self->garbage_len++;
      keep_excerpt (self, &c, 1);
    }

  consume_to (self, len);
  self->scan = len;
  return STEP_NEED_MORE;
}

static gboolean
is_token_char (guint8 c)
{
  return g_ascii_isalnum (c) || (c != 0 && strchr ("!#$%&'*+-.^_`|~", c) != NULL);
}

static gint64
parse_content_length (const char *value)
{
  gint64 v = 0;
  const char *p = value;
  guint digits = 0;

  while (*p == ' ' || *p == '\t')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++digits > 18)
        return -1;
      v = v * 10 + (*p - '0');
    }
  while (*p == ' ' || *p == '\t')
    p++;
  if (digits == 0 || *p != '\0')
    return -1;
  return v;
}

/* One header line (without its line end). FALSE if it is not a header at all. */
static gboolean
add_header_line (VigilMultipart *self,
                 const char     *line,
                 gsize           len)
{
  VigilMultipartPart *part = self->part;
  gsize name_len = 0;
  g_autofree char *value = NULL;

  if ((line[0] == ' ' || line[0] == '\t') && part->names->len > 0)
    {
      /* A folded continuation of the previous header. */
      guint last = part->values->len - 1;
      g_autofree char *more = g_strstrip (g_strndup (line, len));
      char *joined = g_strconcat (g_ptr_array_index (part->values, last), " ", more, NULL);

      g_free (g_ptr_array_index (part->values, last));
      g_ptr_array_index (part->values, last) = joined;
      return TRUE;
    }

  while (name_len < len && is_token_char (line[name_len]))
    name_len++;
  if (name_len == 0 || name_len == len || line[name_len] != ':')
    return FALSE;
  if (part->names->len >= MAX_HEADERS)
    return TRUE;      /* kept within bounds; the line is still a header */

  value = g_strstrip (g_strndup (line + name_len + 1, len - name_len - 1));
  if (name_len == 14 && g_ascii_strncasecmp (line, "Content-Length", 14) == 0)
    part->content_length = parse_content_length (value);

  g_ptr_array_add (part->names, g_strndup (line, name_len));
  g_ptr_array_add (part->values, g_steal_pointer (&value));
  return TRUE;
}

static Step
step_headers (VigilMultipart *self)
{
  const guint8 *d = self->buf->data;
  gsize len = self->buf->len;

  for (;;)
    {
      const guint8 *nl;
      gsize line_len;
      gsize j;

      if (self->scan == self->start)
        {
          /* At the start of a line: JSON here means the part has no (more) headers, and is
           * taken at once rather than after its line end. */
          for (j = self->start; j < len && (d[j] == ' ' || d[j] == '\t'); j++)
            ;
          if (j == len)
            return STEP_NEED_MORE;
          if (d[j] == '{' || d[j] == '[')
            {
              begin_body (self, self->start);
              return STEP_PROGRESS;
            }
          if (d[j] == '-' && j == self->start)
            {
              gsize end = 0;
              gboolean closing = FALSE;
              Match m = match_delimiter (self, j, &end, &closing);

              if (m == MATCH_NEED_MORE)
                return STEP_NEED_MORE;
              if (m == MATCH_YES)
                {
                  /* Two delimiters in a row: an empty part, nothing to deliver. */
                  after_delimiter (self, end, closing);
                  return STEP_PROGRESS;
                }
            }
        }

      /* The budget is checked before a line is looked at, at the same byte whether the line
       * came whole or in pieces. */
      nl = memchr (d + self->scan, '\n', len - self->scan);
      if ((nl == NULL ? len : (gsize) (nl - d) + 1) - self->start >
          MAX_HEADER_BYTES - self->header_bytes)
        {
          self->scan = self->start;
          begin_discard (self, VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE);
          return STEP_PROGRESS;
        }
      if (nl == NULL)
        {
          self->scan = len;
          return STEP_NEED_MORE;
        }

      line_len = (gsize) (nl - (d + self->start));
      if (line_len > 0 && d[self->start + line_len - 1] == '\r')
        line_len--;

      if (all_blank (d + self->start, line_len))
        {
          begin_body (self, (gsize) (nl - d) + 1);
          return STEP_PROGRESS;
        }

      if (!add_header_line (self, (const char *) d + self->start, line_len))
        {
          /* Not a header: the body started without the blank line. */
          begin_body (self, self->start);
          return STEP_PROGRESS;
        }

      self->header_bytes += (gsize) (nl - (d + self->start)) + 1;
      consume_to (self, (gsize) (nl - d) + 1);
      self->scan = self->start;
    }
}

static void
process (VigilMultipart *self)
{
  Step step = STEP_PROGRESS;

  while (step == STEP_PROGRESS)
    {
      switch (self->state)
        {
        case STATE_BETWEEN:
          step = step_between (self);
          break;
        case STATE_HEADERS:
          step = step_headers (self);
          break;
        case STATE_BODY:
        case STATE_DISCARD:
          step = step_body (self);
          break;
        case STATE_FINISHED:
        default:
          step = STEP_NEED_MORE;
          break;
        }
    }
}

void
vigil_multipart_feed (VigilMultipart *self,
                      const guint8   *data,
                      gsize           len)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || len == 0);
  g_return_if_fail (self->state != STATE_FINISHED);

  while (len > 0)
    {
      gsize n = MIN (len, FEED_SLICE);

      compact (self);
      g_byte_array_append (self->buf, data, n);
      data += n;
      len -= n;
      process (self);
    }
}

static void
finish_body (VigilMultipart *self)
{
  const guint8 *body = self->buf->data + self->start;
  gsize have = self->buf->len - self->start;
  gint64 declared = self->part->content_length;
  guint64 offset = self->part->offset;

  if (all_blank (body, have))
    {
      g_clear_pointer (&self->part, vigil_multipart_part_free);
      return;
    }

  if (self->json == JSON_TRACKING)
    {
      /* Its JSON never closed: the stream broke inside it. */
    }
  else if (declared >= 0 && (guint64) declared <= have)
    {
      deliver_body (self, (gsize) declared);
      if (!all_blank (body + declared, have - declared))
        {
          g_byte_array_set_size (self->excerpt, 0);
          g_byte_array_append (self->excerpt, body + declared, MIN (have - declared, EXCERPT_SIZE));
          deliver_error (self, self->base + self->start + declared,
                         g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_GARBAGE,
                                      _("%zu bytes after the part's Content-Length "
                                        "belong to no part"), have - (gsize) declared));
        }
      return;
    }
  else if (declared < 0)
    {
      /* Nothing says how long it should be: the end of the stream ends it. */
      gsize len = have;

      while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == '\r'))
        len--;
      deliver_body (self, len);
      return;
    }

  g_clear_pointer (&self->part, vigil_multipart_part_free);
  /* The whole body, not an excerpt: it is within the limit and is all there is of an event. */
  g_byte_array_set_size (self->excerpt, 0);
  g_byte_array_append (self->excerpt, body, have);
  deliver_error (self, offset,
                 g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_TRUNCATED,
                              _("the stream ended inside a part, after %zu bytes"),
                              have));
}

void
vigil_multipart_finish (VigilMultipart *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->state != STATE_FINISHED);

  /* Lookahead that was waiting for more bytes now knows there are none. */
  self->finishing = TRUE;
  process (self);

  switch (self->state)
    {
    case STATE_BODY:
      finish_body (self);
      break;

    case STATE_DISCARD:
      deliver_too_large (self, self->buf->len, 0);
      break;

    case STATE_HEADERS:
      if (self->part->names->len > 0 ||
          !all_blank (self->buf->data + self->start, self->buf->len - self->start))
        {
          guint64 offset = self->part->offset;

          g_byte_array_set_size (self->excerpt, 0);
          deliver_error (self, offset,
                         g_error_new_literal (VIGIL_MULTIPART_ERROR,
                                              VIGIL_MULTIPART_ERROR_TRUNCATED,
                                              _("the stream ended inside a part's headers")));
        }
      break;

    case STATE_BETWEEN:
      if (self->garbage && !self->saw_boundary && self->n_delivered == 0)
        {
          guint64 n = self->garbage_len;

          self->garbage = FALSE;
          deliver_error (self, self->garbage_offset,
                         g_error_new (VIGIL_MULTIPART_ERROR, VIGIL_MULTIPART_ERROR_NO_PARTS,
                                      _("no multipart boundary in %llu bytes"), (unsigned long long) n));
        }
      else
        end_garbage (self);
      break;

    case STATE_FINISHED:
    default:
      break;
    }

  g_clear_pointer (&self->part, vigil_multipart_part_free);
  g_byte_array_set_size (self->buf, 0);
  g_byte_array_set_size (self->excerpt, 0);
  self->start = self->scan = 0;
  self->state = STATE_FINISHED;
}

/* ---- Content-Type ----------------------------------------------------------------------- */

char *
vigil_multipart_boundary_from_content_type (const char *content_type)
{
  const char *p;

  if (content_type == NULL)
    return NULL;

  /* Skip the media type; then walk the parameters, honouring quotes. */
  p = strchr (content_type, ';');
  while (p != NULL && *p == ';')
    {
      const char *name;
      gsize name_len;
      GString *value = g_string_new (NULL);
      gboolean is_boundary;

      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      name = p;
      while (*p != '\0' && *p != '=' && *p != ';')
        p++;
      name_len = (gsize) (p - name);
      while (name_len > 0 && (name[name_len - 1] == ' ' || name[name_len - 1] == '\t'))
        name_len--;
      is_boundary = name_len == 8 && g_ascii_strncasecmp (name, "boundary", 8) == 0;

      if (*p == '=')
        {
          p++;
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '"')
            {
              p++;
              while (*p != '\0' && *p != '"')
                {
                  if (*p == '\\' && p[1] != '\0')
                    p++;
                  g_string_append_c (value, *p);
                  p++;
                }
              if (*p == '"')
                p++;
              while (*p != '\0' && *p != ';')
                p++;
            }
          else
            {
              while (*p != '\0' && *p != ';' && *p != ' ' && *p != '\t')
                g_string_append_c (value, *p++);
              while (*p != '\0' && *p != ';')
                p++;
            }
        }

      if (is_boundary)
        {
          if (value->len == 0 || value->len > VIGIL_MULTIPART_MAX_BOUNDARY ||
              strpbrk (value->str, "\r\n") != NULL)
            {
              g_string_free (value, TRUE);
              return NULL;
            }
          return g_string_free (value, FALSE);
        }
      g_string_free (value, TRUE);
    }

  return NULL;
}
