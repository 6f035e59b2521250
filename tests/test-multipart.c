/* test-multipart.c — the incremental multipart/mixed parser of the event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-multipart.h"

/* The guide's §6.1 response body, verbatim (LF line ends, as printed). Its Content-Lengths are
 * wrong: 39 for a 38-byte body, 415 for a 375-byte one, 183 for a 197-byte one; and there is no
 * closing delimiter. */
static const char guide_stream[] =
  "--boundary\n"
  "Content-Type: application/json; charset=\"UTF-8\"\n"
  "Content-Length: 39\n"
  "\n"
  "{\"SubscribeDeviceMgmtRsp\":{\"id\":5939}}\n"
  "--boundary\n"
  "Content-Type: application/json; charset=\"UTF-8\"\n"
  "Content-Length: 415\n"
  "\n"
  "{\n"
  "  \"EventNotificationAlert\":{\n"
  "    \"channelID\": \"1\",\n"
  "    \"dateTime\": \"2018-01-21T12:50:39+08:00\",\n"
  "    \"activePostCount\": 1,\n"
  "    \"eventType\": \"devStatusChanged\",\n"
  "    \"eventState\": \"active\",\n"
  "    \"eventDescription\": \"device status about online or offline changed\",\n"
  "    \"devIndex\":\"2cd6716d-767f-4756-ac55-50276a5e3b4a\",\n"
  "    \"channelName\": \"Device1\",\n"
  "    \"status\":\"online\",\n"
  "  }\n"
  "}\n"
  "--boundary\n"
  "Content-Type: application/json; charset=\"UTF-8\"\n"
  "Content-Length: 183\n"
  "\n"
  "{\n"
  "  \"EventNotificationAlert\":{\n"
  "    \"dataTime\":\"2018-12-26T19:39:21+08:00\",\n"
  "    \"activePostCount\":1,\n"
  "    \"eventType\":\"heartBeat\",\n"
  "    \"eventState\":\"active\",\n"
  "    \"eventDescription\":\"Heart Beat\"\n"
  "  }\n"
  "}\n";

static const char guide_part1[] = "{\"SubscribeDeviceMgmtRsp\":{\"id\":5939}}";

/* ---- helpers ------------------------------------------------------------------------------ */

/* One line per part, comparable across runs. */
static char *
describe_part (VigilMultipartPart *part)
{
  const GError *error = vigil_multipart_part_get_error (part);
  GBytes *body = vigil_multipart_part_get_body (part);
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);
  g_autofree char *copy = len > 0 ? g_strndup (data, len) : g_strdup ("");
  g_autofree char *escaped = g_strescape (copy, NULL);

  if (error != NULL)
    return g_strdup_printf ("error %d \"%s\" @%" G_GUINT64_FORMAT " [%" G_GSIZE_FORMAT "] %s", error->code,
                            error->message, vigil_multipart_part_get_offset (part), len, escaped);

  return g_strdup_printf ("part ct=%s cl=%" G_GINT64_FORMAT " h=%u @%" G_GUINT64_FORMAT
                          " [%" G_GSIZE_FORMAT "] %s",
                          vigil_multipart_part_get_content_type (part),
                          vigil_multipart_part_get_content_length (part),
                          vigil_multipart_part_get_n_headers (part),
                          vigil_multipart_part_get_offset (part), len, escaped);
}

static void
drain (VigilMultipart *parser,
       GPtrArray      *out)
{
  VigilMultipartPart *part;

  while (vigil_multipart_next_part (parser, &part))
    {
      g_ptr_array_add (out, describe_part (part));
      vigil_multipart_part_free (part);
    }
}

/* Feeds @data in slices chosen by @rand (or whole when NULL, or @fixed bytes at a time),
 * finishes, and returns the parts in order. */
static GPtrArray *
parse_with (const char *boundary,
            gsize       max_part_size,
            const char *data,
            gsize       len,
            GRand      *rand,
            gsize       fixed)
{
  g_autoptr(VigilMultipart) parser = vigil_multipart_new (boundary, max_part_size);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gsize pos = 0;

  g_assert_nonnull (parser);

  while (pos < len)
    {
      gsize n;

      if (rand != NULL)
        n = (gsize) g_rand_int_range (rand, 1, 64);
      else if (fixed > 0)
        n = fixed;
      else
        n = len;
      n = MIN (n, len - pos);

      vigil_multipart_feed (parser, (const guint8 *) data + pos, n);
      pos += n;
      drain (parser, out);
    }
  vigil_multipart_finish (parser);
  drain (parser, out);
  return out;
}

static GPtrArray *
parse (const char *boundary,
       const char *data)
{
  return parse_with (boundary, 0, data, strlen (data), NULL, 0);
}

static void
assert_same_parts (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* Parts of a whole feed, checked against byte-by-byte and random slices. */
static GPtrArray *
parse_all_ways (const char *boundary,
                gsize       max_part_size,
                const char *data,
                gsize       len)
{
  GPtrArray *whole = parse_with (boundary, max_part_size, data, len, NULL, 0);
  g_autoptr(GPtrArray) bytewise = parse_with (boundary, max_part_size, data, len, NULL, 1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  assert_same_parts (whole, bytewise);
  for (guint k = 0; k < 20; k++)
    {
      g_autoptr(GPtrArray) split = parse_with (boundary, max_part_size, data, len, rand, 0);
      assert_same_parts (whole, split);
    }
  return whole;
}

static char *
body_of (const char *description)
{
  /* Everything after "] " is the escaped body. */
  const char *p = strstr (description, "] ");

  g_assert_nonnull (p);
  return g_strcompress (p + 2);
}

static void
assert_part_body (GPtrArray  *parts,
                  guint       index,
                  const char *expected_body)
{
  const char *description;
  g_autofree char *body = NULL;

  g_assert_cmpuint (index, <, parts->len);
  description = g_ptr_array_index (parts, index);
  g_assert_true (g_str_has_prefix (description, "part "));
  body = body_of (description);
  g_assert_cmpstr (body, ==, expected_body);
}

static void
assert_error_part (GPtrArray  *parts,
                   guint       index,
                   int         code,
                   const char *message_part)
{
  const char *description;
  g_autofree char *prefix = g_strdup_printf ("error %d ", code);

  g_assert_cmpuint (index, <, parts->len);
  description = g_ptr_array_index (parts, index);
  g_assert_true (g_str_has_prefix (description, prefix));
  if (message_part != NULL && strstr (description, message_part) == NULL)
    g_error ("\"%s\" not in %.300s", message_part, description);
}

static char *
to_crlf (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ---- the guide's stream ------------------------------------------------------------------- */

static void
check_guide_parts (GPtrArray *parts,
                   const char *source)
{
  const char *dev = strstr (source, "{\n  \"EventNotificationAlert\":{\n    \"channelID\"");
  const char *hb = strstr (source, "{\n  \"EventNotificationAlert\":{\n    \"dataTime\"");
  g_autofree char *dev_body = NULL;
  g_autofree char *hb_body = NULL;

  if (dev == NULL)
    {
      dev = strstr (source, "{\r\n  \"EventNotificationAlert\":{\r\n    \"channelID\"");
      hb = strstr (source, "{\r\n  \"EventNotificationAlert\":{\r\n    \"dataTime\"");
    }
  g_assert_nonnull (dev);
  g_assert_nonnull (hb);
  /* Each JSON body runs to its last '}'. */
  dev_body = g_strndup (dev, strstr (dev, "}\n--boundary") != NULL ?
                        (gsize) (strstr (dev, "}\n--boundary") - dev) + 1 :
                        (gsize) (strstr (dev, "}\r\n--boundary") - dev) + 1);
  hb_body = g_strndup (hb, (gsize) (strrchr (hb, '}') - hb) + 1);

  g_assert_cmpuint (parts->len, ==, 3);
  assert_part_body (parts, 0, guide_part1);
  assert_part_body (parts, 1, dev_body);
  assert_part_body (parts, 2, hb_body);
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 0),
                            "ct=application/json; charset=\"UTF-8\" cl=39 h=2"));
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 1), "cl=415"));
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 2), "cl=183"));
}

static void
test_guide_stream (void)
{
  g_autoptr(GPtrArray) parts = parse_all_ways ("boundary", 0, guide_stream,
                                               strlen (guide_stream));

  check_guide_parts (parts, guide_stream);
}

static void
test_guide_stream_crlf (void)
{
  g_autofree char *crlf = to_crlf (guide_stream);
  g_autoptr(GPtrArray) parts = parse_all_ways ("boundary", 0, crlf, strlen (crlf));

  check_guide_parts (parts, crlf);
}

static void
test_guide_stream_random_splits (void)
{
  g_autoptr(GPtrArray) whole = parse ("boundary", guide_stream);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint k = 0; k < 500; k++)
    {
      g_autoptr(GPtrArray) split = parse_with ("boundary", 0, guide_stream,
                                               strlen (guide_stream), rand, 0);
      assert_same_parts (whole, split);
    }
}

/* Byte by byte, each part must come out with the byte that completes it, not with the next
 * boundary (a heartbeat later on a live stream). */
static void
test_guide_stream_latency (void)
{
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", 0);
  gsize len = strlen (guide_stream);
  gsize first_close = strstr (guide_stream, guide_part1) - guide_stream + strlen (guide_part1);
  gsize available_at[3] = { 0, };
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      VigilMultipartPart *part;

      vigil_multipart_feed (parser, (const guint8 *) guide_stream + i, 1);
      while (vigil_multipart_next_part (parser, &part))
        {
          g_assert_cmpuint (n, <, 3);
          available_at[n++] = i + 1;
          vigil_multipart_part_free (part);
        }
    }

  /* All three before the end of the stream, without a closing delimiter or finish(). */
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (available_at[0], ==, first_close);
  g_assert_cmpuint (available_at[2], ==, len - 1);   /* its final '}', before the last LF */
}

static void
test_content_length_delivered_at_once (void)
{
  const char *body = "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\"}}";
  g_autofree char *head = g_strdup_printf ("\r\n--b\r\nContent-Type: application/json\r\n"
                                           "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", strlen (body));
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("b", 0);
  g_autoptr(VigilMultipartPart) part = NULL;
  GBytes *bytes;

  vigil_multipart_feed (parser, (const guint8 *) head, strlen (head));
  for (gsize i = 0; i + 1 < strlen (body); i++)
    {
      vigil_multipart_feed (parser, (const guint8 *) body + i, 1);
      g_assert_false (vigil_multipart_next_part (parser, &part));
    }
  vigil_multipart_feed (parser, (const guint8 *) body + strlen (body) - 1, 1);

  /* No further byte, no boundary: the part is there. */
  g_assert_true (vigil_multipart_next_part (parser, &part));
  g_assert_null (vigil_multipart_part_get_error (part));
  bytes = vigil_multipart_part_get_body (part);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), body, strlen (body));
  g_assert_cmpint (vigil_multipart_part_get_content_length (part), ==, strlen (body));
  g_assert_cmpstr (vigil_multipart_part_get_header (part, "content-type"), ==, "application/json");
}

/* ---- quirks ------------------------------------------------------------------------------- */

static void
test_no_content_length (void)
{
  const char *stream =
    "--b\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
    "--b\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\nworld\r\n"
    "--b\r\nContent-Type: application/json\r\n\r\n{\"c\":[1,{\"d\":\"}\"}]}\r\n"
    "--b--\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 3);
  assert_part_body (parts, 0, "{\"a\":1}");
  assert_part_body (parts, 1, "hello\r\nworld");
  assert_part_body (parts, 2, "{\"c\":[1,{\"d\":\"}\"}]}");
}

static void
test_wrong_content_length_json (void)
{
  const char *stream =
    "--b\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n"
    "{\"a\":\"a longer value\"}\r\n"
    "--b\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
    "{\"b\":2}\r\n"
    "--b\r\nContent-Type: application/json\r\nContent-Length: nonsense\r\n\r\n"
    "{\"c\":3}\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 3);
  assert_part_body (parts, 0, "{\"a\":\"a longer value\"}");
  assert_part_body (parts, 1, "{\"b\":2}");
  assert_part_body (parts, 2, "{\"c\":3}");
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 2), "cl=-1"));
}

static void
test_wrong_content_length_opaque (void)
{
  const char *stream =
    /* exact, line end not counted */
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 4\r\n\r\nab\r\n\r\n"
    /* exact, the line end counted in */
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 6\r\n\r\nabcd\r\n"
    /* too short: the boundary decides */
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 2\r\n\r\nabcdef\r\n"
    /* too long: runs past the boundary, cut there */
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 100\r\n\r\nxyz\r\n"
    "--b\r\nContent-Type: text/plain\r\n\r\nlast\r\n--b--";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 5);
  assert_part_body (parts, 0, "ab\r\n");
  assert_part_body (parts, 1, "abcd\r\n");
  assert_part_body (parts, 2, "abcdef");
  assert_part_body (parts, 3, "xyz");
  assert_part_body (parts, 4, "last");
}

static void
test_glued_boundary (void)
{
  const char *stream =
    "--boundary\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
    "{\"a\":1}--boundary\r\n"
    "Content-Type: application/json\r\n\r\n"
    "{\"b\":\"x--boundary\\r\\n\"}--boundary\r\n"
    /* broken JSON (a quote too many): the glued boundary is still found */
    "Content-Type: application/json\r\n\r\n"
    "{\"c\":\"x\"\"}--boundary\r\n"
    "Content-Type: application/octet-stream\r\n\r\n"
    "[1]--boundary--\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("boundary", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 4);
  assert_part_body (parts, 0, "{\"a\":1}");
  assert_part_body (parts, 1, "{\"b\":\"x--boundary\\r\\n\"}");
  assert_part_body (parts, 2, "{\"c\":\"x\"\"}");
  assert_part_body (parts, 3, "[1]");
}

/* A JSON body that breaks (a stray quote) is looked at again for a glued delimiter; what follows
 * it must still be read from the right place, however the bytes were sliced. */
static void
test_broken_json_then_part (void)
{
  const char *stream =
    "--b\r\n\r\n{ a\":1}--b--{\"next\":1}\r\n"
    "--b\r\n\r\n{\"x\":\"unterminated}\r\n--b\r\n\r\n{\"last\":2}";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 4);
  assert_part_body (parts, 0, "{ a\":1}");
  assert_part_body (parts, 1, "{\"next\":1}");
  assert_part_body (parts, 2, "{\"x\":\"unterminated}");
  assert_part_body (parts, 3, "{\"last\":2}");
}

static void
test_first_part_without_headers (void)
{
  const char *stream =
    "--boundary\r\n"
    "{\"SubscribeDeviceMgmtRsp\":{\"id\":1}}\r\n"
    "--boundary\r\n"
    "Content-Type: application/json\r\n"
    "{\"missing\":\"blank line\"}\r\n"
    "--boundary\r\n"
    "   {\"indented\":true}\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("boundary", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 3);
  assert_part_body (parts, 0, "{\"SubscribeDeviceMgmtRsp\":{\"id\":1}}");
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 0), "h=0"));
  assert_part_body (parts, 1, "{\"missing\":\"blank line\"}");
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 1), "h=1"));
  assert_part_body (parts, 2, "   {\"indented\":true}");
}

static void
test_preamble_and_epilogue (void)
{
  const char *stream =
    "This is a multi-part message in MIME format.\r\n"
    "--boundary-not-quite\r\n"
    "\r\n"
    "--boundary   \r\n"       /* transport padding */
    "Content-Type: application/json\r\n\r\n"
    "{\"a\":1}\r\n"
    "--boundary--\r\n"
    "an epilogue, which means nothing\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("boundary", 0, stream, strlen (stream));
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", 0);

  g_assert_cmpuint (parts->len, ==, 1);
  assert_part_body (parts, 0, "{\"a\":1}");

  vigil_multipart_feed (parser, (const guint8 *) stream, strlen (stream));
  g_assert_true (vigil_multipart_saw_close (parser));
}

static void
test_after_closing_delimiter (void)
{
  /* Firmware that sends the closing form and goes on: nothing after it is lost. */
  const char *stream =
    "--b\r\n\r\n{\"a\":1}\r\n--b--\r\n"
    "--b\r\n\r\n{\"b\":2}\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 2);
  assert_part_body (parts, 1, "{\"b\":2}");
}

static void
test_no_closing_delimiter (void)
{
  const char *complete =
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 5\r\n\r\nhello";
  const char *truncated_json =
    "--b\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"eventType\":\"CIDA";
  const char *truncated_opaque =
    "--b\r\nContent-Type: application/octet-stream\r\nContent-Length: 9\r\n\r\nhello";
  const char *in_headers = "--b\r\nContent-Type: applic";
  const char *no_length = "--b\r\nContent-Type: text/plain\r\n\r\nsome text\r\n";
  g_autoptr(GPtrArray) a = parse_all_ways ("b", 0, complete, strlen (complete));
  g_autoptr(GPtrArray) b = parse_all_ways ("b", 0, truncated_json, strlen (truncated_json));
  g_autoptr(GPtrArray) c = parse_all_ways ("b", 0, truncated_opaque, strlen (truncated_opaque));
  g_autoptr(GPtrArray) d = parse_all_ways ("b", 0, in_headers, strlen (in_headers));
  g_autoptr(GPtrArray) e = parse_all_ways ("b", 0, no_length, strlen (no_length));
  g_autofree char *body = NULL;

  g_assert_cmpuint (a->len, ==, 1);
  assert_part_body (a, 0, "hello");

  /* A truncated part keeps its bytes in the error, so nothing is silently dropped. */
  g_assert_cmpuint (b->len, ==, 1);
  assert_error_part (b, 0, VIGIL_MULTIPART_ERROR_TRUNCATED, "after 18 bytes");
  body = body_of (g_ptr_array_index (b, 0));
  g_assert_cmpstr (body, ==, "{\"eventType\":\"CIDA");
  g_assert_cmpuint (c->len, ==, 1);
  assert_error_part (c, 0, VIGIL_MULTIPART_ERROR_TRUNCATED, "hello");
  g_assert_cmpuint (d->len, ==, 1);
  assert_error_part (d, 0, VIGIL_MULTIPART_ERROR_TRUNCATED, "headers");

  g_assert_cmpuint (e->len, ==, 1);
  assert_part_body (e, 0, "some text");
}

static void
test_empty_parts_skipped (void)
{
  const char *stream = "--b\r\n--b\r\nContent-Length: 0\r\n\r\n\r\n--b\r\n\r\n{}\r\n--b\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 1);
  assert_part_body (parts, 0, "{}");
}

static GString *
big_json (gsize size)
{
  GString *s = g_string_new ("{\"EventNotificationAlert\":{\"eventDescription\":\"");

  while (s->len < size - 3)
    g_string_append_c (s, 'x');
  g_string_append (s, "\"}}");
  return s;
}

static void
test_oversize_part (void)
{
  g_autoptr(GString) big = big_json (3 * 1024 * 1024 / 2);
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", 0);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = g_strdup_printf ("part of %" G_GSIZE_FORMAT " bytes exceeds the limit", big->len);
  gsize max_buffered = 0;

  g_string_append_printf (stream, "--boundary\r\nContent-Type: application/json\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", big->len);
  g_string_append_len (stream, big->str, big->len);
  g_string_append (stream, "\r\n--boundary\r\nContent-Type: application/json\r\n\r\n"
                   "{\"after\":true}\r\n");
  /* The same without Content-Length and not JSON: the boundary ends it. */
  g_string_append (stream, "--boundary\r\nContent-Type: application/octet-stream\r\n\r\n");
  for (guint i = 0; i < 1200 * 1024 / 64; i++)
    g_string_append (stream, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (stream, "\r\n--boundary\r\n\r\n{\"last\":true}\r\n");

  for (gsize pos = 0; pos < stream->len; pos += 1000)
    {
      vigil_multipart_feed (parser, (const guint8 *) stream->str + pos,
                            MIN (1000, stream->len - pos));
      max_buffered = MAX (max_buffered, vigil_multipart_get_buffered (parser));
      drain (parser, parts);
    }
  vigil_multipart_finish (parser);
  drain (parser, parts);

  g_assert_cmpuint (parts->len, ==, 4);
  assert_error_part (parts, 0, VIGIL_MULTIPART_ERROR_TOO_LARGE, expected);
  /* The error keeps the start of what it dropped. */
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 0), "[1024] {\\\"EventNotificationAlert"));
  assert_part_body (parts, 1, "{\"after\":true}");
  assert_error_part (parts, 2, VIGIL_MULTIPART_ERROR_TOO_LARGE, "1228800 bytes exceeds the limit");
  assert_part_body (parts, 3, "{\"last\":true}");

  /* Bounded memory: the limit plus a few KiB, never the part. */
  g_assert_cmpuint (max_buffered, <=, VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE + 16 * 1024);
}

static void
test_oversize_small_limit (void)
{
  const char *stream =
    "--b\r\nContent-Type: application/json\r\n\r\n{\"a\":\"0123456789012345678901234567890\"}\r\n"
    "--b\r\nContent-Type: application/json\r\n\r\n{\"b\":1}\r\n"
    "--b\r\nContent-Type: application/json\r\n\r\n{\"c\":\"012345678901234567890123\"}\r\n";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 32, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 3);
  assert_error_part (parts, 0, VIGIL_MULTIPART_ERROR_TOO_LARGE, "part of 39 bytes");
  assert_part_body (parts, 1, "{\"b\":1}");
  /* Exactly at the limit is still a part. */
  assert_part_body (parts, 2, "{\"c\":\"012345678901234567890123\"}");
}

static void
test_garbage_between_parts (void)
{
  const char *stream =
    "--b\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"
    "\r\nthis is not part of anything\r\nnor this\r\n"
    "--b\r\nContent-Type: application/json\r\n\r\n{\"b\":2}\r\n"
    "{\"second\":\"object in the same part\"}\r\n"
    "--b\r\n\r\n{\"c\":3}";
  g_autoptr(GPtrArray) parts = parse_all_ways ("b", 0, stream, strlen (stream));

  g_assert_cmpuint (parts->len, ==, 5);
  assert_part_body (parts, 0, "{\"a\":1}");
  assert_error_part (parts, 1, VIGIL_MULTIPART_ERROR_GARBAGE, "38 bytes between parts");
  g_assert_nonnull (strstr (g_ptr_array_index (parts, 1), "this is not part of anything"));
  assert_part_body (parts, 2, "{\"b\":2}");
  assert_part_body (parts, 3, "{\"second\":\"object in the same part\"}");
  assert_part_body (parts, 4, "{\"c\":3}");
}

static void
test_headers_too_large (void)
{
  g_autoptr(GString) stream = g_string_new ("--b\r\nContent-Type: application/json\r\n");
  g_autoptr(GPtrArray) parts = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (stream, "X-Header-%u: value\r\n", i);
  g_string_append (stream, "\r\n{\"dropped\":1}\r\n--b\r\n\r\n{\"kept\":2}\r\n");

  parts = parse_all_ways ("b", 0, stream->str, stream->len);
  g_assert_cmpuint (parts->len, ==, 2);
  assert_error_part (parts, 0, VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE, NULL);
  assert_part_body (parts, 1, "{\"kept\":2}");
}

static void
test_not_multipart (void)
{
  const char *html = "<html><body>502 Bad Gateway</body></html>\r\n";
  const char *json = "{\"statusCode\":4,\"statusString\":\"Invalid Operation\"}";
  g_autoptr(GPtrArray) a = parse_all_ways ("b", 0, html, strlen (html));
  g_autoptr(GPtrArray) b = parse_all_ways ("b", 0, json, strlen (json));
  g_autoptr(GPtrArray) c = parse_all_ways ("b", 0, "", 0);

  g_assert_cmpuint (a->len, ==, 1);
  assert_error_part (a, 0, VIGIL_MULTIPART_ERROR_NO_PARTS, "502 Bad Gateway");
  /* A JSON answer where a stream was expected is still delivered, to be read as JSON. */
  g_assert_cmpuint (b->len, ==, 1);
  assert_part_body (b, 0, json);
  g_assert_cmpuint (c->len, ==, 0);
}

/* Random streams over an alphabet that makes every rule fire: whatever the slicing, the parts
 * are the same, nothing aborts, memory stays bounded. */
static void
test_random_streams (void)
{
  static const char *tokens[] = {
    "--b", "--b--", "\r\n", "\n", "\r", "{", "}", "[", "]", "\"", "\\", ":", ",", "a", " ",
    "Content-Length: 5", "Content-Length: 50", "Content-Type: application/json",
    "Content-Type: image/jpeg", "-", "--", "x",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint iteration = 0; iteration < 300; iteration++)
    {
      g_autoptr(GString) stream = g_string_new (NULL);
      guint n_tokens = g_rand_int_range (rand, 1, 200);
      g_autoptr(GPtrArray) whole = NULL;
      g_autoptr(GPtrArray) bytewise = NULL;
      g_autoptr(GPtrArray) split = NULL;

      for (guint t = 0; t < n_tokens; t++)
        g_string_append (stream, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);

      whole = parse_with ("b", 64, stream->str, stream->len, NULL, 0);
      bytewise = parse_with ("b", 64, stream->str, stream->len, NULL, 1);
      split = parse_with ("b", 64, stream->str, stream->len, rand, 0);
      assert_same_parts (whole, bytewise);
      assert_same_parts (whole, split);
    }
}

/* Input built to make a naive parser rescan: many near-delimiters, fed a byte at a time. It
 * must finish quickly (the test's timeout catches a quadratic parser). */
static void
test_pathological_input (void)
{
  const char *boundary = "a-rather-long-boundary-string-of-seventy-characters-more-or-less-xxxx";
  g_autoptr(VigilMultipart) parser = vigil_multipart_new (boundary, 0);
  g_autoptr(GString) stream = g_string_new ("--");
  VigilMultipartPart *part;
  guint n_parts = 0;

  g_string_append (stream, boundary);
  g_string_append (stream, "\r\n\r\n");
  while (stream->len < 2 * 1024 * 1024)
    {
      g_string_append (stream, "\n--");
      g_string_append_len (stream, boundary, strlen (boundary) - 1);
      g_string_append (stream, "}--a-rather");
    }

  for (gsize i = 0; i < stream->len; i++)
    {
      vigil_multipart_feed (parser, (const guint8 *) stream->str + i, 1);
      g_assert_cmpuint (vigil_multipart_get_buffered (parser), <=,
                        VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE + 16 * 1024);
    }
  vigil_multipart_finish (parser);
  while (vigil_multipart_next_part (parser, &part))
    {
      n_parts++;
      vigil_multipart_part_free (part);
    }
  /* One part over the limit, reported. */
  g_assert_cmpuint (n_parts, ==, 1);
}

static void
test_boundary_from_content_type (void)
{
  struct { const char *header; const char *boundary; } cases[] = {
    { "multipart/mixed; boundary=boundary", "boundary" },
    { "multipart/mixed;boundary=MIME_boundary", "MIME_boundary" },
    { "multipart/mixed; boundary=\"quoted boundary\"", "quoted boundary" },
    { "multipart/mixed; boundary=\"with;semicolon\"; charset=UTF-8", "with;semicolon" },
    { "multipart/mixed; charset=\"UTF-8\"; BOUNDARY = spaced ", "spaced" },
    { "multipart/mixed; foo=\"boundary=wrong\"; boundary=right", "right" },
    { "multipart/mixed; boundary=\"esc\\\"aped\"", "esc\"aped" },
    { "multipart/mixed", NULL },
    { "multipart/mixed; boundary=", NULL },
    { "multipart/mixed; boundary=\"\"", NULL },
    { "multipart/mixed; boundary=\"unterminated", "unterminated" },
    { "application/json", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *boundary = vigil_multipart_boundary_from_content_type (cases[i].header);

      g_assert_cmpstr (boundary, ==, cases[i].boundary);
    }
  g_assert_null (vigil_multipart_boundary_from_content_type (NULL));
}

static void
test_new_refuses_bad_boundary (void)
{
  g_autofree char *long_boundary = g_strnfill (VIGIL_MULTIPART_MAX_BOUNDARY + 1, 'x');
  VigilMultipart *parser;

  g_assert_null (vigil_multipart_new (NULL, 0));
  g_assert_null (vigil_multipart_new ("", 0));
  g_assert_null (vigil_multipart_new ("a\r\nb", 0));
  g_assert_null (vigil_multipart_new (long_boundary, 0));

  parser = vigil_multipart_new ("ok", 0);
  g_assert_nonnull (parser);
  vigil_multipart_free (parser);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/multipart/guide-stream", test_guide_stream);
  g_test_add_func ("/multipart/guide-stream/crlf", test_guide_stream_crlf);
  g_test_add_func ("/multipart/guide-stream/random-splits", test_guide_stream_random_splits);
  g_test_add_func ("/multipart/guide-stream/latency", test_guide_stream_latency);
  g_test_add_func ("/multipart/content-length-delivered-at-once",
                   test_content_length_delivered_at_once);
  g_test_add_func ("/multipart/no-content-length", test_no_content_length);
  g_test_add_func ("/multipart/wrong-content-length/json", test_wrong_content_length_json);
  g_test_add_func ("/multipart/wrong-content-length/opaque", test_wrong_content_length_opaque);
  g_test_add_func ("/multipart/glued-boundary", test_glued_boundary);
  g_test_add_func ("/multipart/broken-json-then-part", test_broken_json_then_part);
  g_test_add_func ("/multipart/first-part-without-headers", test_first_part_without_headers);
  g_test_add_func ("/multipart/preamble-and-epilogue", test_preamble_and_epilogue);
  g_test_add_func ("/multipart/after-closing-delimiter", test_after_closing_delimiter);
  g_test_add_func ("/multipart/no-closing-delimiter", test_no_closing_delimiter);
  g_test_add_func ("/multipart/empty-parts-skipped", test_empty_parts_skipped);
  g_test_add_func ("/multipart/oversize", test_oversize_part);
  g_test_add_func ("/multipart/oversize-small-limit", test_oversize_small_limit);
  g_test_add_func ("/multipart/garbage-between-parts", test_garbage_between_parts);
  g_test_add_func ("/multipart/headers-too-large", test_headers_too_large);
  g_test_add_func ("/multipart/not-multipart", test_not_multipart);
  g_test_add_func ("/multipart/random-streams", test_random_streams);
  g_test_add_func ("/multipart/pathological-input", test_pathological_input);
  g_test_add_func ("/multipart/boundary-from-content-type", test_boundary_from_content_type);
  g_test_add_func ("/multipart/new-refuses-bad-boundary", test_new_refuses_bad_boundary);

  return g_test_run ();
}
