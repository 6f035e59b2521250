/* test-trace.c — the protocol trace: a ring of redacted exchanges, fed by the real client
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on the test's own main context; every exchange is real HTTP with Digest
 * on 127.0.0.1. What went over the wire is captured from libsoup's own signals, so the test
 * knows the secrets (Digest response, nonces) that must not be in the trace.
 */
#include <string.h>

#include "vigil-client.h"
#include "vigil-sim-gateway.h"
#include "vigil-trace.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"
#define WRONG_PASSWORD "Not-the-password-7"
#define ISUP_KEY "Isup5Key7Secret"

typedef struct
{
  VigilSimGateway *sim;
  VigilClient *client;
  VigilTrace *trace;
  GPtrArray *wire_secrets;     /* the values of Digest parameters seen on the wire */
} Fixture;

static GAsyncResult *
await (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Keeps the value of every response=, nonce=, cnonce= and opaque= in @value. */
static void
collect_digest_values (GPtrArray  *secrets,
                       const char *value)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (value == NULL)
    return;

  regex = g_regex_new ("\\b(?:response|nonce|cnonce|opaque)=\"?([^\",\\s]+)", 0, 0, NULL);
  g_regex_match (regex, value, 0, &match);
  while (g_match_info_matches (match))
    {
      char *secret = g_match_info_fetch (match, 1);

      if (strlen (secret) >= 8)
        g_ptr_array_add (secrets, secret);
      else
        g_free (secret);
      g_match_info_next (match, NULL);
    }
}

static void
on_wrote_headers (SoupMessage *message,
                  Fixture     *f)
{
  collect_digest_values (f->wire_secrets,
                         soup_message_headers_get_one (soup_message_get_request_headers (message),
                                                       "Authorization"));
}

static void
on_got_headers (SoupMessage *message,
                Fixture     *f)
{
  collect_digest_values (f->wire_secrets,
                         soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "WWW-Authenticate"));
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   Fixture     *f)
{
  g_signal_connect (message, "wrote-headers", G_CALLBACK (on_wrote_headers), f);
  g_signal_connect (message, "got-headers", G_CALLBACK (on_got_headers), f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->sim = vigil_sim_gateway_new (7, 1);
  vigil_sim_gateway_set_credentials (f->sim, USER, PASSWORD);
  g_assert_true (vigil_sim_gateway_listen (f->sim, 0, &error));
  g_assert_no_error (error);

  url = vigil_sim_gateway_dup_url (f->sim);
  f->client = vigil_client_new (url, &error);
  g_assert_no_error (error);
  f->trace = vigil_trace_new (VIGIL_TRACE_DEFAULT_CAPACITY);
  vigil_client_set_trace (f->client, f->trace);
  f->wire_secrets = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (vigil_client_get_session (f->client), "request-queued",
                    G_CALLBACK (on_request_queued), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (vigil_client_get_session (f->client), f);
  g_clear_object (&f->client);
  g_clear_object (&f->trace);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->wire_secrets, g_ptr_array_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_redact_headers (void)
{
  g_autofree char *digest = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *cookie = NULL;

  digest = vigil_trace_redact_header ("Authorization",
                                      "Digest username=\"admin\", realm=\"gw\", nonce=\"abcdef0123456789\", "
                                      "uri=\"/ISAPI/System/deviceInfo\", response=\"0123456789abcdef0123456789abcdef\", "
                                      "qop=auth, nc=00000001, cnonce=\"feedface1234\", algorithm=MD5");
  g_assert_null (strstr (digest, "abcdef0123456789"));
  g_assert_null (strstr (digest, "0123456789abcdef0123456789abcdef"));
  g_assert_null (strstr (digest, "feedface1234"));
  /* What helps a support case stays: who, where, which algorithm. */
  g_assert_nonnull (strstr (digest, "username=\"admin\""));
  g_assert_nonnull (strstr (digest, "uri=\"/ISAPI/System/deviceInfo\""));
  g_assert_nonnull (strstr (digest, "algorithm=MD5"));
  g_assert_nonnull (strstr (digest, "response=\"" VIGIL_TRACE_REDACTED "\""));

  /* Basic is the password in base64 ("admin:Vigil-test-1"). */
  basic = vigil_trace_redact_header ("authorization", "Basic YWRtaW46VmlnaWwtdGVzdC0x");
  g_assert_cmpstr (basic, ==, "Basic " VIGIL_TRACE_REDACTED);

  challenge = vigil_trace_redact_header ("WWW-Authenticate",
                                         "Digest realm=\"gw\", nonce=\"c2VjcmV0bm9uY2U=\", qop=\"auth\"");
  g_assert_null (strstr (challenge, "c2VjcmV0bm9uY2U="));
  g_assert_nonnull (strstr (challenge, "realm=\"gw\""));

  cookie = vigil_trace_redact_header ("Cookie", "session=1234567890");
  g_assert_cmpstr (cookie, ==, VIGIL_TRACE_REDACTED);

  plain = vigil_trace_redact_header ("Content-Type", "application/json");
  g_assert_cmpstr (plain, ==, "application/json");
}

static void
test_redact_bodies (void)
{
  static const char body[] =
    "{\"DeviceInList\":[{\"Device\":{\"protocolType\":\"ehomeV5\","
    "\"EhomeParams\":{\"EhomeID\":\"panel7\",\"EhomeKey\":\"" ISUP_KEY "\"},"
    "\"devName\":\"Shop \\\"key\\\" holder\"}}],"
    "\"User\":{\"userName\":\"installer\",\"password\" : \"p\\\"ss\\\\w0rd\",\"loginPassword\":12345678,"
    "\"secretAnswer\":\"blue\"}}";
  g_autofree char *redacted = vigil_trace_redact_body (body, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *long_body = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *binary = NULL;
  GString *big;

  g_assert_null (strstr (redacted, ISUP_KEY));
  g_assert_null (strstr (redacted, "ss\\\\w0rd"));
  g_assert_null (strstr (redacted, "12345678"));
  g_assert_null (strstr (redacted, "blue"));
  /* The rest is untouched and still JSON. */
  g_assert_nonnull (strstr (redacted, "\"EhomeID\":\"panel7\""));
  g_assert_nonnull (strstr (redacted, "\"userName\":\"installer\""));
  g_assert_nonnull (strstr (redacted, "Shop \\\"key\\\" holder"));
  g_assert_true (json_parser_load_from_data (parser, redacted, -1, NULL));

  /* A secret near the end of a long body is redacted before the body is cut. */
  big = g_string_new ("{\"pad\":\"");
  for (guint i = 0; i < VIGIL_TRACE_MAX_BODY; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\",\"password\":\"tail-secret\"}");
  long_body = g_string_free (big, FALSE);
  cut = vigil_trace_redact_body (long_body, -1);
  g_assert_null (strstr (cut, "tail-secret"));
  g_assert_cmpuint (strlen (cut), <, VIGIL_TRACE_MAX_BODY + 64);

  binary = vigil_trace_redact_body ("\xff\xfe{}", 4);
  g_assert_true (g_utf8_validate (binary, -1, NULL));
}

static VigilTraceEntry *
make_entry (guint n)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *uri = g_strdup_printf ("/ISAPI/test/%u", n);

  return vigil_trace_entry_new (now, "GET", uri, 200, 1000, "", NULL, "", "{}", NULL);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  (*n_signals)++;
}

static void
test_ring (void)
{
  g_autoptr(VigilTrace) trace = vigil_trace_new (3);
  g_autoptr(VigilTraceEntry) first = NULL;
  g_autoptr(VigilTraceEntry) last = NULL;
  guint n_signals = 0;

  g_signal_connect (trace, "items-changed", G_CALLBACK (on_items_changed), &n_signals);
  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(VigilTraceEntry) entry = make_entry (i);
      vigil_trace_add (trace, entry);
    }

  /* Only the newest three, oldest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (trace), 0);
  last = g_list_model_get_item (G_LIST_MODEL (trace), 2);
  g_assert_cmpstr (vigil_trace_entry_get_uri (first), ==, "/ISAPI/test/3");
  g_assert_cmpstr (vigil_trace_entry_get_uri (last), ==, "/ISAPI/test/5");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (trace), 3));
  /* One signal per add, one more per drop. */
  g_assert_cmpuint (n_signals, ==, 5 + 2);

  vigil_trace_clear (trace);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 0);
}

static void
assert_no_secret (Fixture    *f,
                  const char *text)
{
  g_assert_null (strstr (text, PASSWORD));
  g_assert_null (strstr (text, WRONG_PASSWORD));
  g_assert_null (strstr (text, ISUP_KEY));
  for (guint i = 0; i < f->wire_secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (f->wire_secrets, i);
      if (strstr (text, secret) != NULL)
        g_error ("the trace shows the Digest value %s", secret);
    }
}

static void
test_real_exchanges (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilUserCheck) check = NULL;
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(VigilTraceEntry) failed = NULL;
  g_autoptr(VigilTraceEntry) added = NULL;
  g_autofree char *all = NULL;
  g_autofree char *only_add = NULL;
  VigilDeviceAdd *device;
  GAsyncResult *r = NULL;
  guint n;

  /* A wrong password first: one 401, kept in the trace with its challenge. */
  vigil_client_set_credentials (f->client, USER, WRONG_PASSWORD);
  vigil_client_login_async (f->client, NULL, on_done, &r);
  check = vigil_client_login_finish (f->client, await (&r), &error);
  g_clear_object (&r);
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->trace)), ==, 1);
  failed = g_list_model_get_item (G_LIST_MODEL (f->trace), 0);
  g_assert_cmpuint (vigil_trace_entry_get_status (failed), ==, 401);
  g_assert_cmpstr (vigil_trace_entry_get_method (failed), ==, "GET");
  g_assert_true (g_str_has_prefix (vigil_trace_entry_get_uri (failed), "/ISAPI/"));
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_headers (failed), "Authorization: Digest"));
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_headers (failed), "username=\"" USER "\""));
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_headers (failed), VIGIL_TRACE_REDACTED));

  /* Then the right one, and a device with an ISUP key. */
  vigil_client_set_credentials (f->client, USER, PASSWORD);
  vigil_client_login_async (f->client, NULL, on_done, &r);
  check = vigil_client_login_finish (f->client, await (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);

  device = vigil_device_add_new ();
  device->protocol_type = g_strdup ("ehomeV5");
  device->ehome_id = g_strdup ("tracepanel1");
  device->ehome_key = g_strdup (ISUP_KEY);
  device->dev_name = g_strdup ("Trace Test");
  device->dev_type = g_strdup ("SecurityCP");
  g_ptr_array_add (devices, device);
  vigil_client_add_devices_async (f->client, devices, NULL, on_done, &r);
  results = vigil_client_add_devices_finish (f->client, await (&r), &error);
  g_clear_object (&r);
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilDeviceAddResult *) g_ptr_array_index (results, 0))->status, ==, "success");

  /* The wire really carried Digest secrets, and none of them is in the trace. */
  g_assert_cmpuint (f->wire_secrets->len, >=, 3);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->trace));
  g_assert_cmpuint (n, ==, 3);
  added = g_list_model_get_item (G_LIST_MODEL (f->trace), n - 1);
  g_assert_cmpstr (vigil_trace_entry_get_method (added), ==, "POST");
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_body (added), "\"EhomeID\":\"tracepanel1\""));
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_body (added), "\"EhomeKey\":\"" VIGIL_TRACE_REDACTED "\""));
  g_assert_nonnull (strstr (vigil_trace_entry_get_response_body (added), "success"));
  g_assert_cmpint (vigil_trace_entry_get_duration_us (added), >, 0);

  all = vigil_trace_to_text (f->trace, NULL);
  assert_no_secret (f, all);
  g_assert_nonnull (strstr (all, "401 Unauthorized"));

  /* The filter keeps only what matches. */
  only_add = vigil_trace_to_text (f->trace, "tracepanel1");
  g_assert_nonnull (strstr (only_add, "POST"));
  g_assert_null (strstr (only_add, "401 Unauthorized"));
  g_assert_null (strstr (only_add, "userCheck"));
}

static void
test_no_answer (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilTraceEntry) entry = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autofree char *url = NULL;
  GAsyncResult *r = NULL;
  guint16 port = vigil_sim_gateway_get_port (f->sim);

  /* The simulator stops listening: the call fails and the trace says why, status 0. */
  g_clear_object (&f->sim);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = vigil_client_new (url, &error);
  g_assert_no_error (error);
  vigil_client_set_trace (client, f->trace);
  vigil_client_set_credentials (client, USER, PASSWORD);
  vigil_client_get_device_info_async (client, NULL, NULL, on_done, &r);
  info = vigil_client_get_device_info_finish (client, await (&r), &error);
  g_clear_object (&r);
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CONNECTION);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->trace)), ==, 1);
  entry = g_list_model_get_item (G_LIST_MODEL (f->trace), 0);
  g_assert_cmpuint (vigil_trace_entry_get_status (entry), ==, 0);
  g_assert_nonnull (vigil_trace_entry_get_error (entry));
  g_assert_true (vigil_trace_entry_matches (entry, "no answer"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trace/redact-headers", test_redact_headers);
  g_test_add_func ("/trace/redact-bodies", test_redact_bodies);
  g_test_add_func ("/trace/ring", test_ring);
  g_test_add ("/trace/real-exchanges", Fixture, NULL, fixture_setup, test_real_exchanges, fixture_teardown);
  g_test_add ("/trace/no-answer", Fixture, NULL, fixture_setup, test_no_answer, fixture_teardown);

  return g_test_run ();
}
