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
#include "vigil-event-stream.h"
#include "vigil-sim-gateway.h"
#include "vigil-trace.h"
#include "vigil-video-fetch.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"
#define WRONG_PASSWORD "Not-the-password-7"
#define ISUP_KEY "Isup5Key7Secret"
#define CLIP_TOKEN "Clip7Token0Secret"

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

static void
test_redact_uri (void)
{
  g_autofree char *plain = vigil_trace_redact_uri ("/ISAPI/System/deviceInfo?format=json&devIndex=A1");
  g_autofree char *clip = vigil_trace_redact_uri ("/HikGatewayStorage/pic?0A1BQ00000001_CH01.mp4");
  g_autofree char *secrets = NULL;

  g_assert_cmpstr (plain, ==, "/ISAPI/System/deviceInfo?format=json&devIndex=A1");
  /* The guide's clip query is a file name, not a parameter: kept. */
  g_assert_cmpstr (clip, ==, "/HikGatewayStorage/pic?0A1BQ00000001_CH01.mp4");

  secrets = vigil_trace_redact_uri ("/clip.mp4?name=a&token=" CLIP_TOKEN "&Password=pw1234&accessKey=k9"
                                    "&auth%5Fcode=c0de&sig=5151&size=3");
  g_assert_null (strstr (secrets, CLIP_TOKEN));
  g_assert_null (strstr (secrets, "pw1234"));
  g_assert_null (strstr (secrets, "k9"));
  g_assert_null (strstr (secrets, "c0de"));
  g_assert_null (strstr (secrets, "5151"));
  g_assert_cmpstr (secrets, ==, "/clip.mp4?name=a&token=" VIGIL_TRACE_REDACTED "&Password=" VIGIL_TRACE_REDACTED
                   "&accessKey=" VIGIL_TRACE_REDACTED "&auth%5Fcode=" VIGIL_TRACE_REDACTED
                   "&sig=" VIGIL_TRACE_REDACTED "&size=3");

  /* Digest repeats the URI: its token goes there too, the path stays. */
  {
    g_autofree char *digest = vigil_trace_redact_header ("Authorization",
                                                         "Digest username=\"admin\", uri=\"/clip.mp4?token=" CLIP_TOKEN "\", "
                                                         "response=\"0123456789abcdef0123456789abcdef\"");

    g_assert_null (strstr (digest, CLIP_TOKEN));
    g_assert_nonnull (strstr (digest, "uri=\"/clip.mp4?token=" VIGIL_TRACE_REDACTED "\""));
    g_assert_nonnull (strstr (digest, "username=\"admin\""));
  }
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

/* The first entry whose URI holds @needle, or NULL. */
static VigilTraceEntry *
find_entry (VigilTrace *trace,
            const char *needle)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(VigilTraceEntry) entry = g_list_model_get_item (G_LIST_MODEL (trace), i);

      if (strstr (vigil_trace_entry_get_uri (entry), needle) != NULL)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static void
on_stream_event (VigilEventStream *stream,
                 VigilEvent       *event,
                 guint            *n_events)
{
  (*n_events)++;
}

/* The event stream is one entry, made at its first part (status, time to it, the
 * subscription's answer), and stays one however many parts follow; a clip download is one
 * entry with its size and no bytes of the clip, its token redacted. */
static void
test_stream_and_video (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VigilEventStream) stream = NULL;
  g_autoptr(VigilTraceEntry) subscribe = NULL;
  g_autoptr(VigilTraceEntry) again = NULL;
  g_autoptr(VigilTraceEntry) clip = NULL;
  g_autoptr(VigilVideoFetch) fetch = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clip_path = NULL;
  g_autofree char *clip_uri = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *all = NULL;
  GAsyncResult *r = NULL;
  gint64 deadline;
  guint n_events = 0;
  guint n_entries;
  gsize clip_size;

  vigil_sim_gateway_set_heartbeat_interval (f->sim, 100);
  vigil_client_set_credentials (f->client, USER, PASSWORD);
  stream = vigil_event_stream_new (f->client);
  g_signal_connect (stream, "event", G_CALLBACK (on_stream_event), &n_events);
  vigil_event_stream_start (stream);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (vigil_event_stream_get_subscription_id (stream) < 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  subscribe = find_entry (f->trace, "/ISAPI/Event/notification/subscribeDeviceMgmt");
  g_assert_nonnull (subscribe);
  g_assert_cmpstr (vigil_trace_entry_get_method (subscribe), ==, "POST");
  g_assert_cmpuint (vigil_trace_entry_get_status (subscribe), ==, 200);
  g_assert_cmpint (vigil_trace_entry_get_duration_us (subscribe), >, 0);
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_body (subscribe), "SubscribeDeviceMgmt"));
  g_assert_nonnull (strstr (vigil_trace_entry_get_response_headers (subscribe), "multipart/mixed"));
  g_assert_true (g_str_has_prefix (vigil_trace_entry_get_response_body (subscribe), "Event stream:"));
  g_assert_nonnull (strstr (vigil_trace_entry_get_response_body (subscribe), "SubscribeDeviceMgmtRsp"));
  g_assert_nonnull (strstr (vigil_trace_entry_get_request_headers (subscribe), "Authorization: Digest"));

  /* Heartbeats keep coming; the stream stays one entry. */
  n_entries = g_list_model_get_n_items (G_LIST_MODEL (f->trace));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (n_events < 3)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->trace)), ==, n_entries);

  /* A clip, asked for with a download token in its query (the path form of the guide's URL). */
  clip_path = vigil_sim_gateway_add_clip (f->sim);
  clip_uri = g_strdup_printf ("/HikGatewayStorage/%s?token=" CLIP_TOKEN, strchr (clip_path, '?') + 1);
  fetch = vigil_video_fetch_new (f->client, clip_uri, &error);
  g_assert_no_error (error);
  out = g_memory_output_stream_new_resizable ();
  vigil_video_fetch_run_async (fetch, NULL, out, NULL, on_done, &r);
  g_assert_true (vigil_video_fetch_run_finish (fetch, await (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);
  clip_size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpuint (clip_size, >, 1000);

  clip = find_entry (f->trace, "/HikGatewayStorage/");
  g_assert_nonnull (clip);
  g_assert_cmpstr (vigil_trace_entry_get_method (clip), ==, "GET");
  g_assert_cmpuint (vigil_trace_entry_get_status (clip), ==, 200);
  g_assert_cmpint (vigil_trace_entry_get_duration_us (clip), >, 0);
  g_assert_nonnull (strstr (vigil_trace_entry_get_uri (clip), "token=" VIGIL_TRACE_REDACTED));
  g_assert_nonnull (strstr (vigil_trace_entry_get_response_headers (clip), "video/mp4"));
  size_text = g_strdup_printf ("%" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " in all", clip_size, clip_size);
  g_assert_nonnull (strstr (vigil_trace_entry_get_response_body (clip), size_text));
  g_assert_true (g_str_has_prefix (vigil_trace_entry_get_response_body (clip), "Video clip (video/mp4)"));
  g_assert_cmpuint (strlen (vigil_trace_entry_get_response_body (clip)), <, 200);

  /* Still one entry for the stream, and no secret anywhere. */
  {
    g_autofree char *stream_text = vigil_trace_entry_to_text (subscribe);
    g_autofree char *clip_text = vigil_trace_entry_to_text (clip);

    g_test_message ("%s\n%s", stream_text, clip_text);
  }
  again = find_entry (f->trace, "subscribeDeviceMgmt");
  g_assert_true (again == subscribe);
  all = vigil_trace_to_text (f->trace, NULL);
  g_assert_null (strstr (all, CLIP_TOKEN));
  g_assert_cmpuint (f->wire_secrets->len, >=, 2);
  assert_no_secret (f, all);

  vigil_event_stream_stop_async (stream, NULL, on_done, &r);
  g_assert_true (vigil_event_stream_stop_finish (stream, await (&r), &error));
  g_clear_object (&r);
  g_assert_no_error (error);
}

/* A refused subscription is one entry with the gateway's answer. */
static void
test_stream_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VigilEventStream) stream = NULL;
  g_autoptr(VigilTraceEntry) subscribe = NULL;
  g_autofree char *all = NULL;
  gint64 deadline;

  vigil_client_set_credentials (f->client, USER, WRONG_PASSWORD);
  stream = vigil_event_stream_new (f->client);
  vigil_event_stream_start (stream);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (vigil_event_stream_get_state (stream) != VIGIL_STREAM_FAILED)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->trace)), ==, 1);
  subscribe = find_entry (f->trace, "subscribeDeviceMgmt");
  g_assert_nonnull (subscribe);
  g_assert_cmpuint (vigil_trace_entry_get_status (subscribe), ==, 401);
  all = vigil_trace_to_text (f->trace, NULL);
  assert_no_secret (f, all);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trace/redact-headers", test_redact_headers);
  g_test_add_func ("/trace/redact-bodies", test_redact_bodies);
  g_test_add_func ("/trace/redact-uri", test_redact_uri);
  g_test_add_func ("/trace/ring", test_ring);
  g_test_add ("/trace/real-exchanges", Fixture, NULL, fixture_setup, test_real_exchanges, fixture_teardown);
  g_test_add ("/trace/no-answer", Fixture, NULL, fixture_setup, test_no_answer, fixture_teardown);
  g_test_add ("/trace/stream-and-video", Fixture, NULL, fixture_setup, test_stream_and_video, fixture_teardown);
  g_test_add ("/trace/stream-refused", Fixture, NULL, fixture_setup, test_stream_refused, fixture_teardown);

  return g_test_run ();
}
