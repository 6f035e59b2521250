/* test-json-reader.c — the fast JSON reader gives json-glib's tree, or leaves the text to it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-json-reader.h"
#include "vigil-json.h"

static JsonNode *
read_with_json_glib (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("json-glib refused %s: %s", text, error->message);
  return json_node_ref (json_parser_get_root (parser));
}

/* The same tree as json-glib, with the same value types (int stays int, double double). */
static void
assert_same_tree (JsonNode *a,
                  JsonNode *b)
{
  g_assert_cmpint (json_node_get_node_type (a), ==, json_node_get_node_type (b));
  g_assert_true (json_node_is_immutable (a));

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a);
        JsonObject *ob = json_node_get_object (b);
        g_autoptr(GList) members = json_object_get_members (oa);

        g_assert_cmpuint (json_object_get_size (oa), ==, json_object_get_size (ob));
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_assert_true (json_object_has_member (ob, l->data));
            g_assert_true (json_node_get_parent (json_object_get_member (oa, l->data)) == a);
            assert_same_tree (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data));
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a);
        JsonArray *ab = json_node_get_array (b);

        g_assert_cmpuint (json_array_get_length (aa), ==, json_array_get_length (ab));
        for (guint i = 0; i < json_array_get_length (aa); i++)
          assert_same_tree (json_array_get_element (aa, i), json_array_get_element (ab, i));
      }
      break;

    case JSON_NODE_VALUE:
      g_assert_true (json_node_get_value_type (a) == json_node_get_value_type (b));
      g_assert_true (json_node_equal (a, b));
      break;

    case JSON_NODE_NULL:
      break;
    }
}

static void
test_same_as_json_glib (void)
{
  static const char * const documents[] = {
    "{}",
    "[]",
    " \r\n\t{ \"a\" : 1 , \"b\":[true,false,null] }\n",
    "{\"EventNotificationAlert\":{\"dateTime\":\"2018-01-21T12:50:39+08:00\",\"activePostCount\":1,"
    "\"eventType\":\"CIDAlarm\",\"CIDAlarm\":{\"code\":\"1130\",\"subSys\":1,\"zoneNo\":3}}}",
    "{\"n\":-0,\"i\":9223372036854775807,\"m\":-9223372036854775808,\"d\":1.5,\"e\":-2.5e-3,\"E\":1E+2}",
    "{\"s\":\"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t\"}",
    "{\"u\":\"\\u00e9\\u20AC \\ud83d\\ude00 é€😀\"}",
    "{\"twice\":1,\"twice\":\"second\"}",
    "[[[[[[1]]]]],{\"x\":[{}]}]",
    "{\"\":\"empty name\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonNode) fast = vigil_json_read_strict (documents[i], strlen (documents[i]));
      g_autoptr(JsonNode) slow = read_with_json_glib (documents[i]);

      g_test_message ("%s", documents[i]);
      g_assert_nonnull (fast);
      assert_same_tree (fast, slow);
    }
}

/* What the fast reader leaves to json-glib (and the tolerant repairs behind it). */
static void
test_leaves_the_rest (void)
{
  static const char * const documents[] = {
    "",
    "   ",
    "42",
    "\"a string\"",
    "{\"a\":1,}",
    "[1,2,]",
    "{\"a\":1 \"b\":2}",
    "{a:1}",
    "{'a':1}",
    "{\"a\":01}",
    "{\"a\":1.}",
    "{\"a\":.5}",
    "{\"a\":0x10}",
    "{\"a\":99999999999999999999}",
    "{\"a\":\"tab\there\"}",
    "{\"a\":\"\\u0000\"}",
    "{\"a\":\"\\ud83d alone\"}",
    "{\"a\":\"\\ude00\"}",
    "{\"a\":\"\\x41\"}",
    "{\"a\":tru}",
    "{\"a\":1} trailing",
    "{\"a\":1}{\"b\":2}",
    "{\"a\":1 /* comment */}",
    "{\"a\":\"unterminated}",
    "{\"a\":",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(JsonNode) fast = vigil_json_read_strict (documents[i], strlen (documents[i]));

      g_test_message ("%s", documents[i]);
      g_assert_null (fast);
    }
}

/* Through vigil_json_parse: a trailing comma still gets repaired and noted. */
static void
test_repair_still_noted (void)
{
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vigil_json_parse ("{\"a\":1,}", -1, &note, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "trailing commas removed"));
}

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) fast = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (deep, ']');
  /* Too deep for the fast path: no stack overflow, just NULL. */
  fast = vigil_json_read_strict (deep->str, deep->len);
  g_assert_null (fast);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json-reader/leaves-the-rest", test_leaves_the_rest);
  g_test_add_func ("/json-reader/repair-still-noted", test_repair_still_noted);
  g_test_add_func ("/json-reader/depth", test_depth);

  return g_test_run ();
}
