/* test-event-fast.c — decoding straight off the bytes gives the event the tree gives
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vigil_event_parse() reads most parts with the flat reader (vigil-json-flat.c) and the rest
 * through json-glib's tree. An alarm misread by one of them and not the other would be lost
 * quietly, so every part of the simulator's recording, every fuzzing seed and the cases at the
 * edges of what the flat reader accepts are decoded both ways and compared field by field.
 */
#define G_LOG_DOMAIN "test-event-fast"

#include <string.h>

#include "vigil-event-private.h"
#include "vigil-json.h"
#include "vigil-multipart.h"
#include "vigil-sim-gateway.h"
#include "vigil-sim-replay.h"

typedef struct
{
  guint n_parts;
  guint n_flat;   /* read by the flat reader */
} Count;

static GDateTime *
fixed_received_at (void)
{
  return g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
}

/* Decodes @text both ways and in the public way; asserts the three agree. TRUE when the flat
 * reader took it. */
static gboolean
check_both_ways (const char *text,
                 gsize       len,
                 GTimeZone  *tz)
{
  g_autoptr(GDateTime) received = fixed_received_at ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) public_error = NULL;
  g_autoptr(VigilEvent) flat = vigil_event_parse_flat (text, len, tz, received);
  g_autoptr(VigilEvent) tree = vigil_event_parse_tree (text, len, tz, received, &error);
  g_autoptr(VigilEvent) public = vigil_event_parse (text, len, tz, received, &public_error);

  g_assert_true ((tree == NULL) == (error != NULL));
  g_assert_true ((public == NULL) == (public_error != NULL));
  g_assert_true ((public == NULL) == (tree == NULL));
  if (tree == NULL)
    {
      /* What the tree refuses, the flat reader must refuse too. */
      g_assert_null (flat);
      g_assert_cmpint (public_error->code, ==, error->code);
      g_assert_cmpstr (public_error->message, ==, error->message);
      return FALSE;
    }

  {
    g_autofree char *diff = vigil_event_diff (public, tree);

    if (diff != NULL)
      g_error ("vigil_event_parse() differs from the tree (%s) for: %.*s", diff, (int) len, text);
  }
  if (flat != NULL)
    {
      g_autofree char *diff = vigil_event_diff (flat, tree);

      if (diff != NULL)
        g_error ("The flat reader differs from the tree (%s) for: %.*s", diff, (int) len, text);
      /* The tree of a flat event is built when asked for, from the raw bytes. */
      g_assert_nonnull (vigil_event_get_alert (flat));
      g_assert_true (vigil_event_get_alert (flat) == vigil_event_get_alert (flat));
    }
  return flat != NULL;
}

static void
check_recording (GBytes    *recording,
                 GTimeZone *tz,
                 Count     *count)
{
  g_autoptr(VigilMultipart) parser = vigil_multipart_new ("boundary", 0);
  VigilMultipartPart *part;
  gsize size;
  const guint8 *data = g_bytes_get_data (recording, &size);

  vigil_multipart_feed (parser, data, size);
  vigil_multipart_finish (parser);
  while (vigil_multipart_next_part (parser, &part))
    {
      GBytes *body = vigil_multipart_part_get_body (part);
      gsize len;
      const char *text;

      g_assert_null (vigil_multipart_part_get_error (part));
      text = g_bytes_get_data (body, &len);
      count->n_parts++;
      if (check_both_ways (text, len, tz))
        count->n_flat++;
      vigil_multipart_part_free (part);
    }
}

static void
test_replay (void)
{
  g_autoptr(GTimeZone) plus8 = g_time_zone_new_offset (8 * 3600);
  /* Fewer under the sanitizers, which make each decoding some twenty times slower. */
  guint n_parts = g_getenv ("VIGIL_TEST_SANITIZED") != NULL ? 250 : 1500;
  Count count = { 0 };

  /* Several seeds: each picks other quirks, codes and panels. */
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(VigilSimGateway) gateway = vigil_sim_gateway_new (seed, 8);
      g_autoptr(GBytes) recording = vigil_sim_replay_record (gateway, n_parts, seed);

      check_recording (recording, NULL, &count);
      check_recording (recording, plus8, &count);
    }

  g_test_message ("%u parts, %u read by the flat reader", count.n_parts, count.n_flat);
  g_assert_cmpuint (count.n_parts, ==, 4 * 2 * n_parts);
  /* The recording is what the gateway sends: all of it takes the fast path, or the benchmark's
   * figure is not what the code does. */
  g_assert_cmpuint (count.n_flat, ==, count.n_parts);
}

static void
test_fuzz_corpus (void)
{
  const char *source = g_getenv ("VIGIL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) plus8 = g_time_zone_new_offset (8 * 3600);
  const char *name;
  guint n = 0;

  if (source == NULL)
    {
      g_test_skip ("VIGIL_SOURCE_DIR is not set (run through meson test)");
      return;
    }
  path = g_build_filename (source, "tests", "fuzz", "corpus", "event", NULL);
  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_file_get_contents (file, &data, &len, &error);
      g_assert_no_error (error);
      if (len < 1)
        continue;
      /* As fuzz-event.c reads a seed: the first byte picks the zone. */
      check_both_ways (data + 1, len - 1, (data[0] & 1) ? plus8 : NULL);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* The edges of what the flat reader takes: each either goes the fast way and gives the same
 * event, or goes the tree's way. @flat says which is expected (-1: either). */
static const struct
{
  const char *text;
  int flat;
} edge_cases[] = {
  /* The guide's quirks, all read straight off the bytes. */
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat \",\"dataTime\":\"2026-03-01T08:00:00+08:00\",}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"CIDAlarm\":{\"CIDCode\":\"1130\",\"zoneNo\":\"3\",\"subSys\":\" 2 \",\"UUID\":\"0\",},}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"CIDAlarm\":{\"CIDCode\":\"E130\",\"zoneNo\":\"0x1A\",\"CIDType\":2.0,\"timeZoneIdx\":true}}}", 1 },
  { "{\"EventNotificationAlert\":{\" EventType \":\"devStatusChanged\",\"STATUS\":\"offline\",\"devIndex\":\" abc \"}}", 1 },
  { "{\"eventType\":\"devStatusChanged\",\"status\":\"online\"}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"videoReview\",\"VideoReview\":{\"protocolType\":\"HikCIDProtocol\",\"HikCIDParams\":{\"CIDCode\":1130,\"ZoneNo\":2,\"UUID\":\"u-1\",\"videoURL\":\"/a\\/b\"}}}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"VMD\",\"x\":[1,2,[],{},[3,],{\"b\":null,},],\"y\":-0,\"z\":1e3,\"w\":0.5,\"v\":false}}", 1 },
  { "  {\"EventNotificationAlert\" :\t{\"eventType\":\"heartBeat\",\"eventDescription\":\"line\\nbreak \\\"quoted\\\" tab\\t\\\\\"}}\r\n", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"channelName\":\"Eingang Süd ✓\",\"dateTime\":\"2026-03-01 08:00:00\"}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"EventNotificationAlert\":{\"dateTime\":\"2026-03-01T08:00:00Z\"}}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"activePostCount\":123456789012345678,\"dateTime\":\"bogus\"}}", 1 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"CIDAlarm\":{\"CIDCode\":\"1130\",\"CIDParam\":\"2,5,7,1,2,-1,3,Jane, Doe\"}}}", 1 },
  /* Left to the tree: it decides what these mean. */
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"eventType\":\"CIDAlarm\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"EventType\":\"heartBeat\",\"eventtype \":\"CIDAlarm\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heart\\u0042eat\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"activePostCount\":12345678901234567890}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"x\":1e999}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"x\":[,]}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",,}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\"}\f}", 0 },
  { "\xEF\xBB\xBF{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heart\xC3\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\" /* c */}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"x\":0x10}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\"\n\"eventState\":\"active\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heart\tBeat\"}}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"x\":01}}", 0 },
  { "[{\"EventNotificationAlert\":{}}]", 0 },
  { "{\"noAlert\":true}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\"}} trailing", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\"}", 0 },
  { "", 0 },
  { "{\"EventNotificationAlert\":[1]}", 0 },
  { "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"x\":tru}}", 0 },
};

static void
test_edges (void)
{
  g_autoptr(GTimeZone) minus4 = g_time_zone_new_offset (-4 * 3600);

  for (guint i = 0; i < G_N_ELEMENTS (edge_cases); i++)
    {
      const char *text = edge_cases[i].text;
      gboolean flat = check_both_ways (text, strlen (text), NULL);

      check_both_ways (text, strlen (text), minus4);
      if (edge_cases[i].flat >= 0 && flat != edge_cases[i].flat)
        g_error ("Case %u went the %s way: %s", i, flat ? "flat" : "tree", text);
    }
}

/* Deeper than the flat reader goes, and wider than it holds: the tree reads them. */
static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"EventNotificationAlert\":{\"eventType\":\"VMD\",\"x\":");
  g_autoptr(GString) wide = g_string_new ("{\"EventNotificationAlert\":{\"eventType\":\"VMD\",\"x\":[");
  g_autoptr(GString) many = g_string_new ("{\"EventNotificationAlert\":{\"eventType\":\"VMD\"");

  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}}");
  g_assert_false (check_both_ways (deep->str, deep->len, NULL));

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (wide, "%s%u", i > 0 ? "," : "", i);
  g_string_append (wide, "]}}");
  g_assert_false (check_both_ways (wide->str, wide->len, NULL));

  for (guint i = 0; i < 70; i++)
    g_string_append_printf (many, ",\"m%u\":%u", i, i);
  g_string_append (many, "}}");
  g_assert_false (check_both_ways (many->str, many->len, NULL));
}

typedef struct
{
  VigilEvent *event;
  JsonNode *seen;
} Reader;

static gpointer
read_alert (gpointer data)
{
  Reader *reader = data;

  reader->seen = vigil_event_get_alert (reader->event);
  return NULL;
}

/* The store's thread and the main thread may ask at once: one tree, built once. */
static void
test_alert_threads (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"seq\":7,"
    "\"CIDAlarm\":{\"CIDCode\":\"1130\",\"UUID\":\"abc\"}}}";
  g_autoptr(VigilEvent) event = vigil_event_parse_flat (text, strlen (text), NULL, NULL);
  Reader readers[4];
  GThread *threads[4];
  gint64 seq = 0;

  g_assert_nonnull (event);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      readers[i].event = event;
      readers[i].seen = NULL;
      threads[i] = g_thread_new ("alert", read_alert, &readers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (readers[i].seen == vigil_event_get_alert (event));

  g_assert_true (json_node_is_immutable (vigil_event_get_alert (event)));
  g_assert_true (vigil_json_object_get_int (json_node_get_object (vigil_event_get_alert (event)),
                                            "seq", &seq));
  g_assert_cmpint (seq, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-fast/replay", test_replay);
  g_test_add_func ("/event-fast/fuzz-corpus", test_fuzz_corpus);
  g_test_add_func ("/event-fast/edges", test_edges);
  g_test_add_func ("/event-fast/limits", test_limits);
  g_test_add_func ("/event-fast/alert-threads", test_alert_threads);

  return g_test_run ();
}
