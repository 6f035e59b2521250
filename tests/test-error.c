/* test-error.c — Appendix A.2 and the errors the client reports
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vigil-error.h"
#include "vigil-json.h"

#include <string.h>

static void
test_table_complete (void)
{
  /* Every sub status code of A.2 (59 rows), each with its class, code and a sentence. */
  static const struct { const char *sub; gint status; guint32 code; } spot[] = {
    { "ok", 1, 0x1 },
    { "riskPassword", 1, 0x10000002 },
    { "noMemory", 2, 0x20000001 },
    { "deviceError", 3, 0x30000001 },
    { "uninitialized", 3, 0x3000000C },
    { "notSupport", 4, 0x40000001 },
    { "badAuthorization", 4, 0x40000003 },
    { "methodNotAllowed", 4, 0x40000004 },
    { "deviceExist", 4, 0x40001054 },
    { "theDeviceIdDoesNotExist", 4, 0x4000113B },
    { "gettingResourceNodeInformationFailed", 4, 0x40001176 },
    { "noMoreTasksCanBeAdded", 4, 0x4000118A },
    { "badJsonFormat", 5, 0x50000002 },
    { "badURLFormat", 5, 0x50000003 },
    { "badParameters", 6, 0x60000001 },
    { "tokenTimeout", 6, 0x60000040 },
    { "diskError", 6, 0x60001009 },
    { "rebootRequired", 7, 0x70000001 },
  };

  g_assert_cmpuint (vigil_isapi_error_table_size (), ==, 59);

  for (guint i = 0; i < G_N_ELEMENTS (spot); i++)
    {
      VigilIsapiError code = vigil_isapi_error_from_sub_status (spot[i].sub);

      g_assert_cmpint (code, !=, VIGIL_ISAPI_ERROR_UNKNOWN);
      g_assert_cmpint (vigil_isapi_error_status_code (code), ==, spot[i].status);
      g_assert_cmpuint (vigil_isapi_error_code (code), ==, spot[i].code);
      g_assert_cmpint (vigil_isapi_error_from_error_code (spot[i].code), ==, code);
      g_assert_cmpstr (vigil_isapi_error_sub_status (code), ==, spot[i].sub);
    }

  for (guint i = 0; i < vigil_isapi_error_table_size (); i++)
    {
      const char *sentence = vigil_isapi_error_sentence (i);
      g_assert_nonnull (sentence);
      g_assert_cmpuint (strlen (sentence), >, 10);
    }

  g_assert_cmpint (vigil_isapi_error_from_sub_status ("somethingNew"), ==, VIGIL_ISAPI_ERROR_UNKNOWN);
  g_assert_cmpint (vigil_isapi_error_from_sub_status (NULL), ==, VIGIL_ISAPI_ERROR_UNKNOWN);
}

static void
test_auth_failed_example (void)
{
  /* §9.24, verbatim (with its unquoted hex). */
  const char *text =
    "{\n  \"requestURL\": \"/ISAPI/Streaming/channels/1\",\n  \"statusCode\": 4,\n"
    "  \"statusString\": \"Invalid Operation\",\n  \"subStatusCode\": \"badAuthorization\",\n"
    "  \"errorCode\": 0x40000003,\n  \"errorMsg\": \"authentication failed\",\n"
    "  \"lockStatus\":\"unlock\",\n  \"retryTimes\":5,\n  \"resLockTime\":30\n}";
  g_autoptr(JsonNode) node = vigil_json_parse (text, -1, NULL, NULL);
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(GError) error = NULL;
  const VigilErrorDetails *carried;

  g_assert_nonnull (node);
  g_assert_true (vigil_error_details_parse (json_node_get_object (node), 401, &details));
  g_assert_cmpint (details.status_code, ==, 4);
  g_assert_cmpuint (details.error_code, ==, 0x40000003);
  g_assert_true (details.has_retry_times);
  g_assert_cmpint (details.retry_times, ==, 5);
  g_assert_true (details.has_lock_seconds);
  g_assert_cmpint (details.lock_seconds, ==, 30);
  g_assert_cmpstr (details.lock_status, ==, "unlock");

  error = vigil_isapi_error_from_details (&details);
  g_assert_error (error, VIGIL_ISAPI_ERROR, VIGIL_ISAPI_ERROR_BAD_AUTHORIZATION);
  g_assert_nonnull (strstr (error->message, "authentication failed"));

  /* The details survive a copy of the error (extended GError private data). */
  {
    g_autoptr(GError) copy = g_error_copy (error);
    carried = vigil_error_get_details (copy);
    g_assert_nonnull (carried);
    g_assert_cmpint (carried->retry_times, ==, 5);
    g_assert_cmpstr (carried->request_url, ==, "/ISAPI/Streaming/channels/1");
  }
}

static void
test_not_a_response_status (void)
{
  g_autoptr(JsonNode) node = vigil_json_parse ("{\"ZoneList\":[]}", -1, NULL, NULL);
  g_auto(VigilErrorDetails) details = { 0 };

  g_assert_false (vigil_error_details_parse (json_node_get_object (node), 200, &details));
}

static void
test_sub_status_without_status_code (void)
{
  g_autoptr(JsonNode) node = vigil_json_parse ("{\"subStatusCode\":\"deviceExist\"}", -1, NULL, NULL);
  g_auto(VigilErrorDetails) details = { 0 };

  g_assert_true (vigil_error_details_parse (json_node_get_object (node), 200, &details));
  g_assert_cmpint (details.status_code, ==, 4);
}

static void
test_unknown_sub_status_still_an_error (void)
{
  g_autoptr(JsonNode) node =
    vigil_json_parse ("{\"statusCode\":4,\"subStatusCode\":\"brandNewError\",\"errorMsg\":\"x\"}", -1, NULL, NULL);
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(GError) error = NULL;

  vigil_error_details_parse (json_node_get_object (node), 200, &details);
  error = vigil_isapi_error_from_details (&details);
  g_assert_error (error, VIGIL_ISAPI_ERROR, VIGIL_ISAPI_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "brandNewError"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/table-complete", test_table_complete);
  g_test_add_func ("/error/auth-failed-example", test_auth_failed_example);
  g_test_add_func ("/error/not-a-response-status", test_not_a_response_status);
  g_test_add_func ("/error/sub-status-only", test_sub_status_without_status_code);
  g_test_add_func ("/error/unknown-sub-status", test_unknown_sub_status_still_an_error);

  return g_test_run ();
}
