/* test-json.c — the tolerant JSON reader
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-json.h"

#include <string.h>

static JsonObject *
parse_object (const char *text,
              char      **note)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = vigil_json_parse (text, -1, note, &error);
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);
  return object;
}

static void
test_strict_is_untouched (void)
{
  g_autofree char *note = NULL;
  g_autoptr(JsonObject) object = parse_object ("{\"a\":1,\"b\":[true,\"x\"]}", &note);

  g_assert_null (note);
  g_assert_cmpint (json_object_get_int_member (object, "a"), ==, 1);
}

static void
test_guide_trailing_comma (void)
{
  /* Verbatim from the guide's §6.1 example stream. */
  const char *text =
    "{\n  \"EventNotificationAlert\":{\n    \"channelID\": \"1\",\n"
    "    \"dateTime\": \"2018-01-21T12:50:39+08:00\",\n    \"activePostCount\": 1,\n"
    "    \"eventType\": \"devStatusChanged\",\n    \"status\":\"online\",\n  }\n}";
  g_autofree char *note = NULL;
  g_autoptr(JsonObject) object = parse_object (text, &note);
  JsonObject *alert = vigil_json_object_get_object (object, "EventNotificationAlert");
  g_autofree char *status = vigil_json_object_dup_string (alert, "status");

  g_assert_cmpstr (status, ==, "online");
  g_assert_nonnull (strstr (note, "trailing commas"));
}

static void
test_guide_hex_error_code (void)
{
  /* §9.24's example: errorCode as an unquoted hexadecimal number. */
  const char *text =
    "{\"requestURL\": \"/ISAPI/Streaming/channels/1\", \"statusCode\": 4,"
    " \"subStatusCode\": \"badAuthorization\", \"errorCode\": 0x40000003,"
    " \"errorMsg\": \"authentication failed\", \"lockStatus\":\"unlock\", \"retryTimes\":5}";
  g_autoptr(JsonObject) object = parse_object (text, NULL);
  gint64 code = 0;

  g_assert_true (vigil_json_object_get_int (object, "errorCode", &code));
  g_assert_cmpint (code, ==, 0x40000003);
}

static void
test_hex_inside_string_is_kept (void)
{
  g_autoptr(JsonObject) object = parse_object ("{\"a\":\"0x12, \",\"b\":0x10,}", NULL);
  g_autofree char *a = vigil_json_object_dup_string (object, "a");
  gint64 b = 0;

  g_assert_cmpstr (a, ==, "0x12, ");
  g_assert_true (vigil_json_object_get_int (object, "b", &b));
  g_assert_cmpint (b, ==, 16);
}

static void
test_comments_and_missing_commas (void)
{
  /* The guide's templates: comments between members and lost commas. */
  const char *text =
    "{\"DeviceInfo\":{\n \"deviceName\":\"GW\", \n/*required, device name*/\n"
    " \"operationSystem\":\"linux\" \n/*optional*/\n \"devType\": 3\n}}";
  g_autofree char *note = NULL;
  g_autoptr(JsonObject) object = parse_object (text, &note);
  JsonObject *info = vigil_json_object_get_object (object, "DeviceInfo");
  gint64 type = 0;

  g_assert_true (vigil_json_object_get_int (info, "devType", &type));
  g_assert_cmpint (type, ==, 3);
  g_assert_nonnull (strstr (note, "comments"));
}

static void
test_invalid_utf8_repaired (void)
{
  const char text[] = "{\"name\":\"Hall \xff\xfe PIR\"}";
  g_autofree char *note = NULL;
  g_autoptr(JsonObject) object = parse_object (text, &note);
  g_autofree char *name = vigil_json_object_dup_string (object, "name");

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_prefix (name, "Hall "));
  g_assert_true (g_str_has_suffix (name, " PIR"));
  g_assert_nonnull (strstr (note, "UTF-8"));
}

static void
test_not_json_quotes_start (void)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = vigil_json_parse ("<html><body>502 Bad Gateway</body></html>", -1, NULL, &error);

  g_assert_null (node);
  g_assert_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "<html><body>502 Bad Gateway"));
}

static void
test_empty_is_an_error (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (vigil_json_parse ("", 0, NULL, &error));
  g_assert_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_NOT_JSON);
}

static void
test_tolerant_scalars (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{\"b1\":true,\"b2\":\"true\",\"b3\":1,\"b4\":\"FALSE\",\"b5\":\"maybe\","
                  "\"i1\":\"12\",\"i2\":\" 7 \",\"i3\":\"0x1A\",\"i4\":3.0,\"i5\":\"x\",\"id\":5}", NULL);
  gboolean b = FALSE;
  gint64 i = 0;
  g_autofree char *id = vigil_json_object_dup_string (object, "id");

  g_assert_true (vigil_json_object_get_bool (object, "b1", &b) && b);
  g_assert_true (vigil_json_object_get_bool (object, "b2", &b) && b);
  g_assert_true (vigil_json_object_get_bool (object, "b3", &b) && b);
  g_assert_true (vigil_json_object_get_bool (object, "b4", &b) && !b);
  g_assert_false (vigil_json_object_get_bool (object, "b5", &b));
  g_assert_false (vigil_json_object_get_bool (object, "absent", &b));
  g_assert_true (vigil_json_object_get_int (object, "i1", &i) && i == 12);
  g_assert_true (vigil_json_object_get_int (object, "i2", &i) && i == 7);
  g_assert_true (vigil_json_object_get_int (object, "i3", &i) && i == 26);
  g_assert_true (vigil_json_object_get_int (object, "i4", &i) && i == 3);
  g_assert_false (vigil_json_object_get_int (object, "i5", &i));
  g_assert_cmpstr (id, ==, "5");
}

static void
test_key_lookup_forgives_case_and_space (void)
{
  g_autoptr(JsonObject) object = parse_object ("{\"EventType \":\"x\",\"eventState\":\"y\"}", NULL);
  g_autofree char *type = vigil_json_object_dup_string (object, "eventType");
  g_autofree char *state = vigil_json_object_dup_string (object, "eventState");

  g_assert_cmpstr (type, ==, "x");
  g_assert_cmpstr (state, ==, "y");
}

typedef struct
{
  JsonObject *raw;
  char *name;
  gint64 count;  gboolean has_count;
  gboolean on;   gboolean has_on;
  char *inner;
} Sample;

static const VigilField sample_fields[] = {
  VIGIL_FIELD_STR  (Sample, name, "name"),
  VIGIL_FIELD_INT  (Sample, count, "count"),
  VIGIL_FIELD_BOOL (Sample, on, "on"),
  VIGIL_FIELD_STR  (Sample, inner, "Outer.inner"),
};

static void
test_field_tables (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{\"name\":\"a\",\"count\":\"4\",\"on\":\"true\",\"Outer\":{\"inner\":\"deep\"},\"other\":1}", NULL);
  g_autoptr(JsonObject) written = json_object_new ();
  Sample sample = { 0 };
  JsonObject *outer;

  vigil_fields_read (sample_fields, G_N_ELEMENTS (sample_fields), object, &sample);
  g_assert_cmpstr (sample.name, ==, "a");
  g_assert_true (sample.has_count);
  g_assert_cmpint (sample.count, ==, 4);
  g_assert_true (sample.has_on && sample.on);
  g_assert_cmpstr (sample.inner, ==, "deep");

  /* Written back with the guide's types: numbers and booleans, not strings. */
  vigil_fields_write (sample_fields, G_N_ELEMENTS (sample_fields), &sample, written);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (written, "count")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (written, "on")), ==, G_TYPE_BOOLEAN);
  outer = json_object_get_object_member (written, "Outer");
  g_assert_cmpstr (json_object_get_string_member (outer, "inner"), ==, "deep");

  vigil_fields_clear (sample_fields, G_N_ELEMENTS (sample_fields), &sample);
  g_assert_null (sample.name);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (vigil_json_parse ("{}", VIGIL_JSON_MAX_BODY + 1, NULL, &error));
  g_assert_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_TOO_LARGE);
}

/* Found by tests/fuzz/fuzz-json.c: json-glib reads "\\266" in a string as an octal escape and
 * stores the raw byte 0xB6, and a lone surrogate "\\uDBBB" as its bytes; the strings must come
 * out as valid UTF-8 all the same. */
static void
test_fuzz_octal_escape (void)
{
  const char text[] = "{\"eventType\": \"a\\266b\", \"k\\301\": [\"\\377\", \"pi/\\uDBBBx\"]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vigil_json_parse (text, -1, NULL, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (node);
  out = vigil_json_to_string (node, FALSE);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_nonnull (strstr (out, "\"a\357\277\275b\""));
}

/* Found by tests/fuzz/fuzz-json.c (UBSan): an integer written as a float far outside gint64
 * ("1e57") is not an integer; converting it was undefined behaviour. */
static void
test_fuzz_huge_float_is_not_int (void)
{
  const char *texts[] = { "\"1e57\"", "1e57", "-1e300", "\"9223372036854775808.0\"" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) node = vigil_json_parse (texts[i], -1, NULL, NULL);
      gint64 value = 7;

      g_assert_nonnull (node);
      g_assert_false (vigil_json_node_get_int (node, &value));
      g_assert_cmpint (value, ==, 7);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/strict-untouched", test_strict_is_untouched);
  g_test_add_func ("/json/guide-trailing-comma", test_guide_trailing_comma);
  g_test_add_func ("/json/guide-hex-error-code", test_guide_hex_error_code);
  g_test_add_func ("/json/hex-inside-string", test_hex_inside_string_is_kept);
  g_test_add_func ("/json/comments-missing-commas", test_comments_and_missing_commas);
  g_test_add_func ("/json/invalid-utf8", test_invalid_utf8_repaired);
  g_test_add_func ("/json/not-json", test_not_json_quotes_start);
  g_test_add_func ("/json/empty", test_empty_is_an_error);
  g_test_add_func ("/json/tolerant-scalars", test_tolerant_scalars);
  g_test_add_func ("/json/key-lookup", test_key_lookup_forgives_case_and_space);
  g_test_add_func ("/json/field-tables", test_field_tables);
  g_test_add_func ("/json/too-large", test_too_large);
  g_test_add_func ("/json/fuzz-octal-escape", test_fuzz_octal_escape);
  g_test_add_func ("/json/fuzz-huge-float", test_fuzz_huge_float_is_not_int);

  return g_test_run ();
}
