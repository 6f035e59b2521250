/* test-sim.c — the simulated gateway, over real HTTP from a plain SoupSession
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client library is not used here: what these tests check is that the simulator says
 * what the guide says, so that the client's tests against it mean something.
 */
#include <string.h>

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "vigil-test-sim.h"

typedef struct
{
  VigilTestSim *sim;
  SoupSession  *session;
  const char   *user;
  const char   *password;     /* NULL: do not answer the challenge */
} Fixture;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  JsonNode           *json;
  GError             *error;  /* a transport error, when the body could not be read */
} Reply;

static void
reply_free (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_error (&reply->error);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sim = vigil_test_sim_new (NULL, NULL);
  f->session = soup_session_new ();
  f->user = vigil_test_sim_get_user (f->sim);
  f->password = vigil_test_sim_get_password (f->sim);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  g_clear_pointer (&f->sim, vigil_test_sim_free);
}

/* A new session forgets the cached Digest state: one attempt is then exactly one failure. */
static void
new_session (Fixture    *f,
             const char *password)
{
  g_clear_object (&f->session);
  f->session = soup_session_new ();
  f->password = password;
}

static gboolean
on_authenticate (SoupMessage *msg,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 Fixture     *f)
{
  /* Never answer twice: a wrong password must end in one 401, as a careful client does. */
  if (retrying || f->password == NULL)
    return FALSE;
  soup_auth_authenticate (auth, f->user, f->password);
  return TRUE;
}

static void
set_body (SoupMessage *msg)
{
  soup_message_set_request_body_from_bytes (msg, g_object_get_data (G_OBJECT (msg), "test-content-type"),
                                            g_object_get_data (G_OBJECT (msg), "test-body"));
}

static SoupMessage *
new_message (Fixture    *f,
             const char *method,
             const char *path,
             const char *content_type,
             const char *body)
{
  g_autofree char *uri = g_strconcat (vigil_test_sim_get_url (f->sim), path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  g_signal_connect (msg, "authenticate", G_CALLBACK (on_authenticate), f);
  if (body != NULL)
    {
      GBytes *bytes = g_bytes_new (body, strlen (body));

      g_object_set_data_full (G_OBJECT (msg), "test-body", bytes, (GDestroyNotify) g_bytes_unref);
      g_object_set_data_full (G_OBJECT (msg), "test-content-type",
                              g_strdup (content_type != NULL ? content_type : "application/json"), g_free);
      set_body (msg);
      /* libsoup 3.2 drops the request body when the Digest challenge restarts the message. */
      g_signal_connect (msg, "restarted", G_CALLBACK (set_body), NULL);
    }
  return msg;
}

static Reply *
send_message (Fixture     *f,
              SoupMessage *msg)
{
  Reply *reply = g_new0 (Reply, 1);
  gsize length = 0;
  const char *data;

  reply->body = soup_session_send_and_read (f->session, msg, NULL, &reply->error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (reply->body == NULL)
    return reply;

  data = g_bytes_get_data (reply->body, &length);
  if (length > 0 && g_str_has_prefix (soup_message_headers_get_content_type (reply->headers, NULL) ?: "",
                                      "application/json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, data, (gssize) length, &error);
      g_assert_no_error (error);
      reply->json = json_node_ref (json_parser_get_root (parser));
    }
  return reply;
}

static Reply *
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *body)
{
  g_autoptr(SoupMessage) msg = new_message (f, method, path, NULL, body);
  Reply *reply = send_message (f, msg);

  g_assert_no_error (reply->error);
  return reply;
}

static JsonObject *
root_object (Reply *reply)
{
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  return json_node_get_object (reply->json);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

/* A JSON_ResponseStatus with @sub_status (and the HTTP status for it). */
static void
assert_status (Reply      *reply,
               guint       http_status,
               int         status_code,
               const char *sub_status,
               gint64      error_code)
{
  JsonObject *object = root_object (reply);

  g_assert_cmpuint (reply->status, ==, http_status);
  g_assert_cmpint (json_object_get_int_member (object, "statusCode"), ==, status_code);
  g_assert_cmpstr (json_object_get_string_member (object, "subStatusCode"), ==, sub_status);
  g_assert_cmpint (json_object_get_int_member (object, "errorCode"), ==, error_code);
  g_assert_true (json_object_has_member (object, "statusString"));
  g_assert_true (json_object_has_member (object, "errorMsg"));
  g_assert_true (json_object_has_member (object, "requestURL"));
}

static void
assert_ok (Reply *reply)
{
  assert_status (reply, SOUP_STATUS_OK, 1, "ok", 1);
}

/* ---- Things done in the simulator's thread ---- */

typedef struct
{
  guint64 requests;
  guint64 authorization_headers;
  guint64 failures;
} Counters;

static void
read_counters (VigilSimGateway *gateway,
               gpointer         data)
{
  Counters *counters = data;

  counters->requests = vigil_sim_gateway_get_n_requests (gateway);
  counters->authorization_headers = vigil_sim_gateway_get_n_authorization_headers (gateway);
  counters->failures = vigil_sim_gateway_get_n_auth_failures (gateway);
}

static Counters
counters (Fixture *f)
{
  Counters result = { 0 };

  vigil_test_sim_invoke_sync (f->sim, read_counters, &result);
  return result;
}

typedef struct
{
  char             dev_index[40];
  char             other_dev_index[40];
  guint            zone;
  VigilSimZoneKind kind;
  guint            partition;
  gboolean         open;
  char             zone_name[64];
  VigilSimArming   arming;
  gboolean         partition_alarm;
  gboolean         zone_alarm;
  gboolean         bypassed;
  guint            last_cid;
  char             last_cid_user[32];
  guint            n_partitions;
} PanelState;

static VigilSimPanel *
first_panel (VigilSimGateway *gateway)
{
  return vigil_sim_gateway_get_panel (gateway, 0);
}

/* Fills @state with the first panel's ids and the first zone of state->kind (in partition 1
 * if there is one), and the current state of that zone and its partition. */
static void
read_panel (VigilSimGateway *gateway,
            gpointer         data)
{
  PanelState *state = data;
  VigilSimPanel *panel = first_panel (gateway);
  const VigilSimCidEvent *event = vigil_sim_panel_get_event (panel, 0);

  g_strlcpy (state->dev_index, vigil_sim_panel_get_dev_index (panel), sizeof state->dev_index);
  g_strlcpy (state->other_dev_index,
             vigil_sim_panel_get_dev_index (vigil_sim_gateway_get_panel (gateway, 1)),
             sizeof state->other_dev_index);
  if (state->zone == 0)
    state->zone = vigil_sim_panel_find_zone (panel, state->kind, 1);
  if (state->zone == 0)
    state->zone = vigil_sim_panel_find_zone (panel, state->kind, 0);
  g_assert_cmpuint (state->zone, >, 0);
  state->partition = vigil_sim_panel_get_zone_partition (panel, state->zone);
  g_strlcpy (state->zone_name, vigil_sim_panel_get_zone_name (panel, state->zone), sizeof state->zone_name);
  state->arming = vigil_sim_panel_get_partition_arming (panel, state->partition);
  state->partition_alarm = vigil_sim_panel_get_partition_alarm (panel, state->partition);
  state->zone_alarm = vigil_sim_panel_get_zone_alarm (panel, state->zone);
  state->bypassed = vigil_sim_panel_get_zone_bypassed (panel, state->zone);
  state->last_cid = event != NULL ? event->code : 0;
  g_strlcpy (state->last_cid_user, event != NULL ? event->user_name : "", sizeof state->last_cid_user);
  state->n_partitions = vigil_sim_panel_get_n_partitions (panel);
}

static void
set_zone_open (VigilSimGateway *gateway,
               gpointer         data)
{
  PanelState *state = data;

  vigil_sim_panel_set_zone_open (first_panel (gateway), state->zone, state->open);
}

static PanelState
panel_state (Fixture          *f,
             VigilSimZoneKind  kind,
             guint             zone)
{
  PanelState state = { .kind = kind, .zone = zone };

  vigil_test_sim_invoke_sync (f->sim, read_panel, &state);
  return state;
}

static void
open_zone (Fixture *f,
           guint    zone,
           gboolean open)
{
  PanelState state = { .zone = zone, .open = open };

  vigil_test_sim_invoke_sync (f->sim, set_zone_open, &state);
}

typedef struct
{
  guint                   algorithm;
  guint                   qop;
  guint                   max_attempts;
  guint                   lock_seconds;
  guint                   seconds;
  guint                   ms;
  guint                   status;
  guint                   n;
  VigilSimQuirks          quirks;
  VigilSimStreamFault     fault;
  guint                   subscription;
  gsize                   bytes;
} Setting;

static void
apply_digest_mode (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_digest_mode (gateway, s->algorithm, s->qop);
}

static void
apply_lockout (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_lockout (gateway, s->max_attempts, s->lock_seconds);
}

static void
apply_nonce_lifetime (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_nonce_lifetime (gateway, s->seconds);
}

static void
apply_heartbeat (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_heartbeat_interval (gateway, s->ms);
}

static void
apply_video_review_delay (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_video_review_delay (gateway, s->ms);
}

static void
apply_quirks (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_quirks (gateway, s->quirks);
}

static void
apply_fault (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_inject_stream_fault (gateway, s->subscription, s->fault);
}

static void
apply_burst (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_burst (gateway, s->subscription, s->n, 0);
}

static void
apply_fail_next (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_fail_next_requests (gateway, s->status, s->n);
}

static void
apply_delay (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_response_delay (gateway, s->ms);
}

static void
apply_reboot_durations (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_reboot_durations (gateway, s->ms, s->ms);
}

static void
apply_max_devices (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_max_devices (gateway, s->n);
}

static void
apply_video_cut (VigilSimGateway *gateway, gpointer data)
{
  Setting *s = data;
  vigil_sim_gateway_set_video_cut (gateway, s->bytes);
}

#define APPLY(f, func, ...) \
  G_STMT_START { Setting s_ = { __VA_ARGS__ }; vigil_test_sim_invoke_sync ((f)->sim, func, &s_); } G_STMT_END

typedef struct
{
  guint   id;
  guint64 events;
  guint64 heartbeats;
  guint   n_ids;
} StreamCounters;

static void
read_stream (VigilSimGateway *gateway,
             gpointer         data)
{
  StreamCounters *c = data;
  g_autoptr(GArray) ids = vigil_sim_gateway_dup_subscription_ids (gateway);

  c->n_ids = ids->len;
  if (c->id == 0 && ids->len > 0)
    c->id = g_array_index (ids, guint, 0);
  c->events = vigil_sim_gateway_get_events_sent (gateway, c->id);
  c->heartbeats = vigil_sim_gateway_get_heartbeats_sent (gateway, c->id);
}

static StreamCounters
stream_counters (Fixture *f,
                 guint    id)
{
  StreamCounters c = { .id = id };

  vigil_test_sim_invoke_sync (f->sim, read_stream, &c);
  return c;
}

/* ---- Digest ---- */

static void
test_digest_modes (Fixture       *f,
                   gconstpointer  data)
{
  static const struct
  {
    VigilSimDigestAlgorithm algorithm;
    VigilSimDigestQop       qop;
    const char             *algorithm_text;
  } modes[] = {
    { VIGIL_SIM_DIGEST_MD5, VIGIL_SIM_DIGEST_QOP_AUTH, "algorithm=\"MD5\"" },
    { VIGIL_SIM_DIGEST_MD5, VIGIL_SIM_DIGEST_QOP_NONE, "algorithm=\"MD5\"" },
    { VIGIL_SIM_DIGEST_MD5_SESS, VIGIL_SIM_DIGEST_QOP_AUTH, "algorithm=\"MD5-sess\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(Reply) challenge = NULL;
      g_autoptr(Reply) reply = NULL;
      const char *www;
      JsonObject *check;

      APPLY (f, apply_digest_mode, .algorithm = modes[i].algorithm, .qop = modes[i].qop);

      /* The challenge offers exactly this mode. */
      new_session (f, NULL);
      challenge = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
      g_assert_cmpuint (challenge->status, ==, SOUP_STATUS_UNAUTHORIZED);
      www = soup_message_headers_get_one (challenge->headers, "WWW-Authenticate");
      g_assert_nonnull (www);
      g_assert_true (g_str_has_prefix (www, "Digest "));
      g_assert_nonnull (strstr (www, "realm=\"DS-GWAS0101("));
      g_assert_nonnull (strstr (www, modes[i].algorithm_text));
      g_assert_true ((strstr (www, "qop=\"auth\"") != NULL) == (modes[i].qop == VIGIL_SIM_DIGEST_QOP_AUTH));

      new_session (f, vigil_test_sim_get_password (f->sim));
      reply = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
      g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
      check = member_object (root_object (reply), "userCheck");
      g_assert_cmpint (json_object_get_int_member (check, "statusValue"), ==, 200);
      g_assert_cmpstr (json_object_get_string_member (check, "statusString"), ==, "OK");
      g_assert_cmpstr (json_object_get_string_member (check, "lockStatus"), ==, "unlocked");
      g_assert_cmpint (json_object_get_int_member (check, "retryLoginTime"), ==, 5);
      g_assert_false (json_object_get_boolean_member (check, "isDefaultPassword"));
    }

  g_assert_cmpuint (counters (f).failures, ==, 0);
}

static void
assert_auth_failed (Reply      *reply,
                    const char *lock_status,
                    gint64      retry_times,
                    gint64      res_lock_time_min,
                    gint64      res_lock_time_max)
{
  JsonObject *object;

  assert_status (reply, SOUP_STATUS_UNAUTHORIZED, 4, "badAuthorization", 0x40000003);
  object = root_object (reply);
  g_assert_cmpstr (json_object_get_string_member (object, "lockStatus"), ==, lock_status);
  g_assert_cmpint (json_object_get_int_member (object, "retryTimes"), ==, retry_times);
  g_assert_cmpint (json_object_get_int_member (object, "resLockTime"), >=, res_lock_time_min);
  g_assert_cmpint (json_object_get_int_member (object, "resLockTime"), <=, res_lock_time_max);
  g_assert_nonnull (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"));
}

static void
test_digest_wrong_password_and_lockout (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(Reply) reply = NULL;
  Counters before, after;

  APPLY (f, apply_lockout, .max_attempts = 5, .lock_seconds = 1);

  /* A request without credentials is challenged but costs no attempt. */
  new_session (f, NULL);
  reply = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
  assert_auth_failed (reply, "unlock", 5, 0, 0);
  g_clear_pointer (&reply, reply_free);
  g_assert_cmpuint (counters (f).failures, ==, 0);

  before = counters (f);
  for (guint attempt = 1; attempt <= 5; attempt++)
    {
      new_session (f, "not the password");
      reply = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
      if (attempt < 5)
        assert_auth_failed (reply, "unlock", 5 - attempt, 0, 0);
      else
        assert_auth_failed (reply, "lock", 0, 1, 1);
      g_clear_pointer (&reply, reply_free);
    }
  after = counters (f);
  g_assert_cmpuint (after.failures - before.failures, ==, 5);
  /* One challenge and one signed attempt each. */
  g_assert_cmpuint (after.authorization_headers - before.authorization_headers, ==, 5);
  g_assert_cmpuint (after.requests - before.requests, ==, 10);

  /* Locked: even the right password is refused, without counting as another failure. */
  new_session (f, vigil_test_sim_get_password (f->sim));
  reply = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
  assert_auth_failed (reply, "lock", 0, 1, 1);
  g_clear_pointer (&reply, reply_free);
  g_assert_cmpuint (counters (f).failures, ==, after.failures);

  /* The lock runs out after its second. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  new_session (f, vigil_test_sim_get_password (f->sim));
  reply = request (f, "GET", "/ISAPI/Security/userCheck?format=json", NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_assert_cmpint (json_object_get_int_member (member_object (root_object (reply), "userCheck"),
                                               "retryLoginTime"), ==, 5);
}

static void
test_digest_stale_nonce (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Reply) first = NULL;
  g_autoptr(Reply) second = NULL;
  Counters before, after;

  APPLY (f, apply_nonce_lifetime, .seconds = 1);
  new_session (f, vigil_test_sim_get_password (f->sim));
  first = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpuint (first->status, ==, SOUP_STATUS_OK);

  /* libsoup signs the next request with the old nonce; stale=true lets it sign again without
   * asking for the password, and it is no failure. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  before = counters (f);
  second = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  after = counters (f);
  g_assert_cmpuint (second->status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (after.failures, ==, 0);
  g_assert_cmpuint (after.requests - before.requests, ==, 2);
}

/* ---- Security control ---- */

static void
test_arming_refused_then_bypass (Fixture       *f,
                                 gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_INSTANT, 0);
  g_autofree char *arm = g_strdup_printf ("/ISAPI/SecurityCP/control/arm/1?ways=away&format=json&devIndex=%s", state.dev_index);
  g_autofree char *bypass = g_strdup_printf ("/ISAPI/SecurityCP/control/bypass?format=json&devIndex=%s", state.dev_index);
  g_autofree char *recover = g_strdup_printf ("/ISAPI/SecurityCP/control/bypassRecover?format=json&devIndex=%s", state.dev_index);
  g_autofree char *list = g_strdup_printf ("{\"List\":[{\"id\":%u}]}", state.zone);
  g_autoptr(Reply) reply = NULL;
  const char *message;

  g_assert_cmpuint (state.partition, ==, 1);
  open_zone (f, state.zone, TRUE);

  reply = request (f, "PUT", arm, NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "interfaceOperationError", 0x40001002);
  message = json_object_get_string_member (root_object (reply), "errorMsg");
  g_assert_nonnull (strstr (message, state.zone_name));
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_cmpint (state.arming, ==, VIGIL_SIM_ARMING_DISARM);

  reply = request (f, "PUT", bypass, list);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_true (state.bypassed);
  g_assert_cmpuint (state.last_cid, ==, 1570);

  reply = request (f, "PUT", arm, NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_cmpint (state.arming, ==, VIGIL_SIM_ARMING_AWAY);
  g_assert_cmpuint (state.last_cid, ==, 3401);
  /* Network user with the ISAPI user name. */
  g_assert_cmpstr (state.last_cid_user, ==, vigil_test_sim_get_user (f->sim));

  /* A bypassed zone that moves raises nothing. */
  open_zone (f, state.zone, FALSE);
  open_zone (f, state.zone, TRUE);
  state = panel_state (f, 0, state.zone);
  g_assert_false (state.partition_alarm);

  reply = request (f, "PUT", recover, list);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_false (state.bypassed);
  g_assert_cmpuint (state.last_cid, ==, 3570);

  /* An unknown zone changes nothing. */
  reply = request (f, "PUT", bypass, "{\"List\":[{\"id\":999}]}");
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 6, "badParameters", 0x60000001);
}

static void
test_alarm_and_clear (Fixture       *f,
                      gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_DELAYED, 0);
  PanelState interior = panel_state (f, VIGIL_SIM_ZONE_INTERIOR, 0);
  g_autofree char *all = g_strdup_printf ("/ISAPI/SecurityCP/control/arm/4294967295?ways=stay&format=json&devIndex=%s", state.dev_index);
  g_autofree char *clear = g_strdup_printf ("/ISAPI/SecurityCP/control/clearAlarm/0xffffffff?format=json&devIndex=%s", state.dev_index);
  g_autofree char *disarm = g_strdup_printf ("/ISAPI/SecurityCP/control/disarm/1?format=json&devIndex=%s", state.dev_index);
  g_autofree char *status = g_strdup_printf ("/ISAPI/SecurityCP/status/subSystems?format=json&devIndex=%s", state.dev_index);
  g_autofree char *zones = g_strdup_printf ("/ISAPI/SecurityCP/status/zones?format=json&devIndex=%s", state.dev_index);
  g_autoptr(Reply) reply = NULL;
  JsonArray *list;
  JsonObject *sub_sys;
  gboolean seen = FALSE;

  /* Stay arming leaves interior zones alone: an open PIR does not stop it. */
  open_zone (f, interior.zone, TRUE);
  reply = request (f, "PUT", all, NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_cmpint (state.arming, ==, VIGIL_SIM_ARMING_STAY);
  open_zone (f, interior.zone, FALSE);
  g_assert_false (panel_state (f, 0, interior.zone).partition_alarm);

  open_zone (f, state.zone, TRUE);
  state = panel_state (f, 0, state.zone);
  g_assert_true (state.partition_alarm);
  g_assert_true (state.zone_alarm);
  g_assert_cmpuint (state.last_cid, ==, 1134);
  open_zone (f, state.zone, FALSE);
  g_assert_cmpuint (panel_state (f, 0, state.zone).last_cid, ==, 3134);

  reply = request (f, "GET", status, NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  list = json_object_get_array_member (root_object (reply), "SubSysList");
  g_assert_cmpuint (json_array_get_length (list), ==, state.n_partitions);
  sub_sys = member_object (json_array_get_object_element (list, 0), "SubSys");
  g_assert_cmpint (json_object_get_int_member (sub_sys, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (sub_sys, "arming"), ==, "stay");
  g_assert_true (json_object_get_boolean_member (sub_sys, "alarm"));
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "GET", zones, NULL);
  list = json_object_get_array_member (root_object (reply), "ZoneList");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *zone = member_object (json_array_get_object_element (list, i), "Zone");

      if (json_object_get_int_member (zone, "id") != state.zone)
        continue;
      seen = TRUE;
      g_assert_cmpstr (json_object_get_string_member (zone, "name"), ==, state.zone_name);
      g_assert_cmpstr (json_object_get_string_member (zone, "status"), ==, "online");
      g_assert_true (json_object_get_boolean_member (zone, "alarm"));
      g_assert_true (json_object_get_boolean_member (zone, "armed"));
      g_assert_false (json_object_get_boolean_member (zone, "bypassed"));
    }
  g_assert_true (seen);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", clear, NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  state = panel_state (f, 0, state.zone);
  g_assert_false (state.partition_alarm);
  g_assert_false (state.zone_alarm);

  reply = request (f, "PUT", disarm, NULL);
  assert_ok (reply);
  g_assert_cmpint (panel_state (f, 0, state.zone).arming, ==, VIGIL_SIM_ARMING_DISARM);
  g_assert_cmpuint (panel_state (f, 0, state.zone).last_cid, ==, 1401);
}

static void
test_outputs (Fixture       *f,
              gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_INSTANT, 0);
  g_autofree char *outputs = g_strdup_printf ("/ISAPI/SecurityCP/control/outputs?format=json&devIndex=%s", state.dev_index);
  g_autofree char *ex = g_strdup_printf ("/ISAPI/SecurityCP/status/exDevStatus?format=json&devIndex=%s", state.dev_index);
  g_autoptr(Reply) reply = NULL;
  JsonArray *errors;
  JsonObject *output;

  reply = request (f, "POST", outputs, "{\"OutputsCtrl\":{\"switch\":\"open\",\"List\":[{\"id\":1}]}}");
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "GET", ex, NULL);
  output = member_object (json_array_get_object_element (json_object_get_array_member (member_object (root_object (reply), "ExDevStatus"), "OutputList"), 0), "Output");
  g_assert_cmpstr (json_object_get_string_member (output, "status"), ==, "on");
  g_assert_cmpstr (json_object_get_string_member (output, "linkage"), ==, "manualCtrl");
  g_assert_true (json_object_has_member (member_object (root_object (reply), "ExDevStatus"), "SirenList"));
  g_clear_pointer (&reply, reply_free);

  /* An unknown relay: a JSON_ErrorList with each relay's result. */
  reply = request (f, "POST", outputs, "{\"OutputsCtrl\":{\"switch\":\"close\",\"List\":[{\"id\":1},{\"id\":99}]}}");
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  errors = json_object_get_array_member (root_object (reply), "ErrorList");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "id"), ==, "1");
  g_assert_false (json_object_has_member (json_array_get_object_element (errors, 0), "subStatusCode"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 1), "id"), ==, "99");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 1), "subStatusCode"), ==, "badParameters");
}

/* ---- The event stream ---- */

typedef struct
{
  GInputStream *stream;
  GByteArray   *buffer;
  gsize         offset;
} PartReader;

static void
part_reader_init (PartReader   *reader,
                  GInputStream *stream)
{
  reader->stream = g_object_ref (stream);
  reader->buffer = g_byte_array_new ();
  reader->offset = 0;
}

static void
part_reader_clear (PartReader *reader)
{
  g_clear_object (&reader->stream);
  g_clear_pointer (&reader->buffer, g_byte_array_unref);
}

/* FALSE at the end of the stream or on an error. */
static gboolean
part_reader_fill (PartReader  *reader,
                  GError     **error)
{
  guint8 chunk[65536];
  gssize n;

  if (reader->offset > 0 && reader->offset > reader->buffer->len / 2)
    {
      g_byte_array_remove_range (reader->buffer, 0, reader->offset);
      reader->offset = 0;
    }
  n = g_input_stream_read (reader->stream, chunk, sizeof chunk, NULL, error);
  if (n <= 0)
    return FALSE;
  g_byte_array_append (reader->buffer, chunk, (guint) n);
  return TRUE;
}

static const char *
find (const guint8 *data,
      gsize         length,
      const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return (const char *) data + i;
  return NULL;
}

/* The next part's body (strictly framed: boundary, headers, Content-Length, CRLF), or NULL at
 * the end of the stream. */
static char *
read_part (PartReader  *reader,
           GError     **error)
{
  for (;;)
    {
      const guint8 *data = reader->buffer->data + reader->offset;
      gsize length = reader->buffer->len - reader->offset;
      const char *headers_end;
      const char *content_length;
      gsize header_size;
      guint64 body_size;

      /* The closing delimiter ends the stream. */
      if (length >= 12 && memcmp (data, "--boundary--", 12) == 0)
        return NULL;
      if (length >= 12)
        {
          g_assert_cmpmem (data, 12, "--boundary\r\n", 12);
          headers_end = find (data, length, "\r\n\r\n");
          if (headers_end != NULL)
            {
              header_size = (const guint8 *) headers_end + 4 - data;
              content_length = find (data, header_size, "Content-Length: ");
              g_assert_nonnull (content_length);
              g_assert_nonnull (find (data, header_size, "Content-Type: application/json; charset=\"UTF-8\"\r\n"));
              body_size = g_ascii_strtoull (content_length + 16, NULL, 10);
              if (length >= header_size + body_size + 2)
                {
                  char *body = g_strndup ((const char *) data + header_size, body_size);

                  g_assert_cmpmem (data + header_size + body_size, 2, "\r\n", 2);
                  reader->offset += header_size + body_size + 2;
                  return body;
                }
            }
        }
      if (!part_reader_fill (reader, error))
        return NULL;
    }
}

static JsonObject *
parse_alert (const char *text,
             JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *root = json_node_ref (json_parser_get_root (parser));
  return json_object_get_object_member (json_node_get_object (*root), "EventNotificationAlert");
}

/* Reads parts until an EventNotificationAlert of @event_type arrives. */
static JsonNode *
read_until (PartReader *reader,
            const char *event_type)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *part = read_part (reader, &error);
      JsonNode *root = NULL;
      JsonObject *alert;

      g_assert_no_error (error);
      g_assert_nonnull (part);
      alert = parse_alert (part, &root);
      g_assert_nonnull (alert);
      if (g_strcmp0 (json_object_get_string_member (alert, "eventType"), event_type) == 0)
        return root;
      json_node_unref (root);
    }
}

static JsonObject *
alert_of (JsonNode *root)
{
  return json_object_get_object_member (json_node_get_object (root), "EventNotificationAlert");
}

typedef struct
{
  SoupSession  *session;
  SoupMessage  *msg;
  GInputStream *stream;
  PartReader    reader;
  guint         id;
} Subscription;

static void
subscribe (Fixture      *f,
           const char   *body,
           Subscription *sub)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  JsonNode *root = NULL;
  JsonObject *rsp;
  const char *content_type;

  /* A session of its own: the stream holds its connection while other requests go on. */
  sub->session = soup_session_new ();
  sub->msg = new_message (f, "POST", "/ISAPI/Event/notification/subscribeDeviceMgmt?format=json", NULL, body);
  sub->stream = soup_session_send (sub->session, sub->msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (sub->msg), ==, SOUP_STATUS_OK);

  content_type = soup_message_headers_get_one (soup_message_get_response_headers (sub->msg), "Content-Type");
  g_assert_cmpstr (content_type, ==, "multipart/mixed; boundary=boundary");
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (sub->msg), "Connection"), ==, "close");
  g_assert_cmpint (soup_message_headers_get_encoding (soup_message_get_response_headers (sub->msg)), ==, SOUP_ENCODING_CHUNKED);

  part_reader_init (&sub->reader, sub->stream);
  first = read_part (&sub->reader, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    json_parser_load_from_data (parser, first, -1, &error);
    g_assert_no_error (error);
    root = json_parser_get_root (parser);
    rsp = json_object_get_object_member (json_node_get_object (root), "SubscribeDeviceMgmtRsp");
    g_assert_nonnull (rsp);
    sub->id = (guint) json_object_get_int_member (rsp, "id");
  }
  g_assert_cmpuint (sub->id, >, 0);
}

static void
unsubscribe (Subscription *sub)
{
  part_reader_clear (&sub->reader);
  if (sub->stream != NULL)
    g_input_stream_close (sub->stream, NULL, NULL);
  g_clear_object (&sub->stream);
  g_clear_object (&sub->msg);
  g_clear_object (&sub->session);
}

static void
test_stream_first_part_and_heartbeat (Fixture       *f,
                                      gconstpointer  data)
{
  Subscription sub = { 0 };
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  PanelState door = panel_state (f, VIGIL_SIM_ZONE_DELAYED, 0);
  g_autoptr(JsonNode) heartbeat = NULL;
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) cid = NULL;
  g_autoptr(JsonNode) review = NULL;
  g_autoptr(Reply) clip = NULL;
  g_autoptr(Reply) gone = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *arm = NULL;
  g_autofree char *unsubscribe_path = NULL;
  JsonObject *alert, *cid_alarm, *hik;
  g_autoptr(GError) error = NULL;
  char *end;

  APPLY (f, apply_heartbeat, .ms = 200);
  APPLY (f, apply_video_review_delay, .ms = 0);
  subscribe (f, "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}", &sub);
  g_assert_cmpuint (stream_counters (f, 0).id, ==, sub.id);

  /* Each device's status first, as in the guide's example. */
  status = read_until (&sub.reader, "devStatusChanged");
  alert = alert_of (status);
  g_assert_cmpstr (json_object_get_string_member (alert, "status"), ==, "online");
  g_assert_true (json_object_has_member (alert, "devIndex"));

  heartbeat = read_until (&sub.reader, "heartBeat");
  alert = alert_of (heartbeat);
  g_assert_cmpstr (json_object_get_string_member (alert, "eventState"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (alert, "activePostCount"), >=, 1);
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (json_object_get_string_member (alert, "dateTime"), NULL);

    g_assert_nonnull (when);
  }

  /* A fire zone raises its alarm at once, armed or not. */
  open_zone (f, state.zone, TRUE);
  cid = read_until (&sub.reader, "CIDAlarm");
  alert = alert_of (cid);
  g_assert_cmpstr (json_object_get_string_member (alert, "devIndex"), ==, state.dev_index);
  cid_alarm = json_object_get_object_member (alert, "CIDAlarm");
  g_assert_cmpstr (json_object_get_string_member (cid_alarm, "CIDCode"), ==, "1110");
  g_assert_cmpstr (json_object_get_string_member (cid_alarm, "CIDDescribe"), ==, "Fire Alarm");
  g_assert_cmpint (json_object_get_int_member (cid_alarm, "zoneNo"), ==, state.zone);
  g_assert_cmpint (json_object_get_int_member (cid_alarm, "CIDType"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (cid_alarm, "UUID")));
  params = g_strsplit (json_object_get_string_member (cid_alarm, "CIDParam"), ",", -1);
  g_assert_cmpuint (g_strv_length (params), ==, 8);
  g_assert_cmpint (g_ascii_strtoll (params[2], &end, 10), ==, state.zone);
  g_clear_pointer (&cid, json_node_unref);

  /* A door in an armed partition: the alarm, then its verification clip, downloadable. */
  arm = g_strdup_printf ("/ISAPI/SecurityCP/control/arm/1?ways=away&format=json&devIndex=%s", door.dev_index);
  {
    g_autoptr(Reply) armed = request (f, "PUT", arm, NULL);
    assert_ok (armed);
  }
  open_zone (f, door.zone, TRUE);
  review = read_until (&sub.reader, "videoReview");
  alert = alert_of (review);
  hik = json_object_get_object_member (json_object_get_object_member (alert, "VideoReview"), "HikCIDParams");
  g_assert_cmpstr (json_object_get_string_member (hik, "CIDCode"), ==, "1134");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (hik, "videoURL"), "/HikGatewayStorage/pic?"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (alert, "VideoReview"), "protocolType"), ==, "HikCIDProtocol");
  clip = request (f, "GET", json_object_get_string_member (hik, "videoURL"), NULL);
  g_assert_cmpuint (clip->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (soup_message_headers_get_content_type (clip->headers, NULL), ==, "video/mp4");
  g_assert_cmpuint (g_bytes_get_size (clip->body), >, 10000);

  /* Unsubscribing ends the stream with the closing delimiter. */
  unsubscribe_path = g_strdup_printf ("/ISAPI/Event/notification/unSubscribeDeviceMgmt/%u?format=json", sub.id);
  gone = request (f, "DELETE", unsubscribe_path, NULL);
  assert_ok (gone);
  for (;;)
    {
      g_autofree char *part = read_part (&sub.reader, &error);

      if (part == NULL)
        break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (find (sub.reader.buffer->data + sub.reader.offset,
                          sub.reader.buffer->len - sub.reader.offset, "--boundary--"));
  g_assert_cmpuint (stream_counters (f, 0).n_ids, ==, 0);
  unsubscribe (&sub);
}

static void
test_stream_burst (Fixture       *f,
                   gconstpointer  data)
{
  /* Smaller under the sanitizers, which run ten times slower. */
  const guint n = g_getenv ("VIGIL_TEST_SANITIZED") ? 10000 : 100000;
  Subscription sub = { 0 };
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint8 *seen = g_new0 (guint8, n + 1);
  guint received = 0;
  StreamCounters sent;

  APPLY (f, apply_heartbeat, .ms = 60000);
  subscribe (f, "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"part\",\"eventList\":[\"CIDAlarm\"]}}", &sub);
  APPLY (f, apply_burst, .subscription = sub.id, .n = n);

  /* Flow control: while nobody reads, only what the socket buffers hold (a few MB, some
   * thousand events) has been written, not the whole burst. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  sent = stream_counters (f, sub.id);
  g_assert_cmpuint (sent.events, <, n - n / 10);

  while (received < n)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *part = read_part (&sub.reader, &error);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *alert;
      gint64 seq;

      g_assert_no_error (error);
      g_assert_nonnull (part);
      alert = parse_alert (part, &root);
      if (g_strcmp0 (json_object_get_string_member (alert, "eventType"), "CIDAlarm") != 0)
        continue;
      seq = json_object_get_int_member (alert, "seq");
      g_assert_cmpint (seq, >=, 1);
      g_assert_cmpint (seq, <=, n);
      g_assert_cmpuint (seen[seq], ==, 0);
      seen[seq] = 1;
      g_assert_true (g_hash_table_add (uuids, g_strdup (json_object_get_string_member (json_object_get_object_member (alert, "CIDAlarm"), "UUID"))));
      received++;
    }

  g_assert_cmpuint (g_hash_table_size (uuids), ==, n);
  /* The burst and the two panels' status at the start. */
  g_assert_cmpuint (stream_counters (f, sub.id).events, ==, n + 2);
  unsubscribe (&sub);
}

static void
test_stream_faults (Fixture       *f,
                    gconstpointer  data)
{
  Subscription sub = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(JsonNode) heartbeat = NULL;
  g_autoptr(JsonNode) alarm = NULL;
  PanelState panic = panel_state (f, VIGIL_SIM_ZONE_PANIC, 0);
  StreamCounters before, after;
  gboolean ended = FALSE;

  APPLY (f, apply_heartbeat, .ms = 100);
  subscribe (f, "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}", &sub);
  g_clear_pointer (&heartbeat, json_node_unref);
  heartbeat = read_until (&sub.reader, "heartBeat");

  /* A part that is not JSON, framed like any other. */
  APPLY (f, apply_fault, .subscription = sub.id, .fault = VIGIL_SIM_STREAM_FAULT_GARBAGE_PART);
  for (;;)
    {
      g_autofree char *part = read_part (&sub.reader, &error);

      g_assert_no_error (error);
      g_assert_nonnull (part);
      if (part[0] != '{')
        {
          garbage = g_steal_pointer (&part);
          break;
        }
    }
  g_assert_nonnull (strstr (garbage, "not json"));

  /* Stalled: nothing more is written, heartbeats included, until it is cleared. */
  APPLY (f, apply_fault, .subscription = sub.id, .fault = VIGIL_SIM_STREAM_FAULT_STALL);
  before = stream_counters (f, sub.id);
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  after = stream_counters (f, sub.id);
  g_assert_cmpuint (after.heartbeats, ==, before.heartbeats);
  APPLY (f, apply_fault, .subscription = sub.id, .fault = VIGIL_SIM_STREAM_FAULT_NONE);
  g_clear_pointer (&heartbeat, json_node_unref);
  heartbeat = read_until (&sub.reader, "heartBeat");
  g_assert_cmpuint (stream_counters (f, sub.id).heartbeats, >, after.heartbeats);

  /* Dropped in the middle of a part: the connection ends and what is left is half a part. */
  APPLY (f, apply_fault, .subscription = sub.id, .fault = VIGIL_SIM_STREAM_FAULT_DROP_MID_PART);
  while (!ended)
    {
      g_autofree char *part = read_part (&sub.reader, &error);

      ended = part == NULL;
    }
  /* libsoup reports the missing end of the chunked body as an error, or sees the end: both
   * mean the connection is gone. */
  g_clear_error (&error);
  g_assert_cmpuint (sub.reader.buffer->len - sub.reader.offset, >, 10);
  g_assert_null (find (sub.reader.buffer->data + sub.reader.offset + 12,
                       sub.reader.buffer->len - sub.reader.offset - 12, "--boundary"));
  unsubscribe (&sub);

  /* The subscription ended with its connection. */
  for (guint i = 0; i < 100 && stream_counters (f, 0).n_ids > 0; i++)
    g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (stream_counters (f, 0).n_ids, ==, 0);

  /* A new subscription works as before. */
  subscribe (f, "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}", &sub);
  open_zone (f, panic.zone, TRUE);
  alarm = read_until (&sub.reader, "CIDAlarm");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (alert_of (alarm), "CIDAlarm"),
                                                  "CIDCode"), ==, "1129");
  unsubscribe (&sub);
}

static void
test_stream_quirks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) raw = g_string_new (NULL);

  APPLY (f, apply_heartbeat, .ms = 50);
  APPLY (f, apply_quirks, .quirks = VIGIL_SIM_QUIRKS_GUIDE | VIGIL_SIM_QUIRK_GLUED_BOUNDARY |
                                    VIGIL_SIM_QUIRK_LF_ONLY | VIGIL_SIM_QUIRK_FIRST_PART_NO_HEADERS |
                                    VIGIL_SIM_QUIRK_SHORT_OFFSET | VIGIL_SIM_QUIRK_STRING_SCALARS);

  msg = new_message (f, "POST", "/ISAPI/Event/notification/subscribeDeviceMgmt?format=json", NULL,
                     "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}");
  stream = soup_session_send (f->session, msg, NULL, &error);
  g_assert_no_error (error);

  while (strstr (raw->str, "\"heartBeat \"") == NULL || strstr (raw->str, "}--boundary") == NULL
         || raw->len < 4096)
    {
      char chunk[4096];
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (raw, chunk, n);
    }

  /* The first part straight after its boundary, no headers. */
  g_assert_true (g_str_has_prefix (raw->str, "--boundary\n{"));
  g_assert_null (strstr (raw->str, "\r\n"));
  g_assert_nonnull (strstr (raw->str, "\"dataTime\""));
  g_assert_null (strstr (raw->str, "\"dateTime\""));
  g_assert_nonnull (strstr (raw->str, "\"activePostCount\" : \""));
  g_assert_true (g_regex_match_simple ("\"dataTime\" : \"[0-9T:-]+[+-][0-9]:[0-9][0-9]\"", raw->str, 0, 0));
  /* The guide's trailing comma before the closing brace. */
  g_assert_true (g_regex_match_simple (",\\s*}\\s*}--boundary", raw->str, 0, 0));
  g_input_stream_close (stream, NULL, NULL);
}

static void
test_stream_device_mode (Fixture       *f,
                         gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  Subscription sub = { 0 };
  Subscription all = { 0 };
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(Reply) reply = NULL;
  g_autoptr(JsonNode) cid = NULL;
  JsonArray *list;
  JsonObject *dev;

  APPLY (f, apply_heartbeat, .ms = 100);
  body = g_strdup_printf ("{\"SubscribeDeviceMgmt\":{\"eventMode\":\"device\",\"DevEventList\":["
                          "{\"Dev\":{\"devIndex\":\"%s\",\"uploadMode\":\"part\",\"eventList\":[\"CIDAlarm\"]}},"
                          "{\"Dev\":{\"devIndex\":\"00000000-0000-4000-8000-000000000000\",\"uploadMode\":\"all\"}}]}}",
                          state.dev_index);
  subscribe (f, body, &sub);

  /* queryStatus: the followed device goes on. */
  path = g_strdup_printf ("/ISAPI/Event/notification/subscribeDeviceMgmt/%u/queryStatus?format=json", sub.id);
  reply = request (f, "GET", path, NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  list = json_object_get_array_member (root_object (reply), "SubscribeQueryStatusList");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  dev = member_object (json_array_get_object_element (list, 0), "Dev");
  g_assert_cmpstr (json_object_get_string_member (dev, "devIndex"), ==, state.dev_index);
  g_assert_cmpstr (json_object_get_string_member (dev, "status"), ==, "continue");
  g_clear_pointer (&reply, reply_free);
  g_clear_pointer (&path, g_free);

  path = g_strdup_printf ("/ISAPI/Event/notification/subscribeDeviceMgmt/%u/devIndex/%s?format=json",
                          sub.id, state.dev_index);
  reply = request (f, "GET", path, NULL);
  dev = member_object (root_object (reply), "SubscribeDevEvent");
  g_assert_cmpstr (json_object_get_string_member (dev, "uploadMode"), ==, "part");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (dev, "eventList"), 0), ==, "CIDAlarm");
  g_clear_pointer (&reply, reply_free);
  g_clear_pointer (&path, g_free);

  open_zone (f, state.zone, TRUE);
  cid = read_until (&sub.reader, "CIDAlarm");
  g_assert_cmpstr (json_object_get_string_member (alert_of (cid), "devIndex"), ==, state.dev_index);

  /* An eventMode "all" subscription cannot be asked about its devices. */
  subscribe (f, "{\"SubscribeDeviceMgmt\":{\"eventMode\":\"all\",\"defenceMode\":\"all\"}}", &all);
  path = g_strdup_printf ("/ISAPI/Event/notification/subscribeDeviceMgmt/%u/queryStatus?format=json", all.id);
  reply = request (f, "GET", path, NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "notSupport", 0x40000001);
  g_clear_pointer (&reply, reply_free);
  g_clear_pointer (&path, g_free);

  path = g_strdup_printf ("/ISAPI/Event/notification/unSubscribeDeviceMgmt/%u/devIndex/%s?format=json",
                          sub.id, state.dev_index);
  reply = request (f, "DELETE", path, NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  g_clear_pointer (&path, g_free);

  path = g_strdup_printf ("/ISAPI/Event/notification/unSubscribeDeviceMgmt/%u?format=json", 1u);
  reply = request (f, "DELETE", path, NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "theSessionIdDoesNotExist", 0x40001135);

  unsubscribe (&all);
  unsubscribe (&sub);
}

/* ---- Video ---- */

typedef struct
{
  char *path;
} Clip;

static void
add_clip (VigilSimGateway *gateway,
          gpointer         data)
{
  Clip *clip = data;

  clip->path = vigil_sim_gateway_add_clip (gateway);
}

static Reply *
get_range (Fixture    *f,
           const char *path,
           const char *range)
{
  g_autoptr(SoupMessage) msg = new_message (f, "GET", path, NULL, NULL);

  if (range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Range", range);
  return send_message (f, msg);
}

static void
test_video_range (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) expected = vigil_sim_builtin_clip ();
  gsize total = g_bytes_get_size (expected);
  g_autofree char *content_range = NULL;
  g_autofree char *unsatisfiable = NULL;
  g_autofree char *from_end = NULL;
  g_autoptr(Reply) reply = NULL;
  g_autoptr(GByteArray) resumed = g_byte_array_new ();
  Clip clip = { NULL };

  vigil_test_sim_invoke_sync (f->sim, add_clip, &clip);
  g_assert_true (g_str_has_prefix (clip.path, "/HikGatewayStorage/pic?"));

  reply = get_range (f, clip.path, NULL);
  g_assert_no_error (reply->error);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (reply->body, expected));
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Accept-Ranges"), ==, "bytes");
  g_clear_pointer (&reply, reply_free);

  reply = get_range (f, clip.path, "bytes=100-199");
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_PARTIAL_CONTENT);
  content_range = g_strdup_printf ("bytes 100-199/%" G_GSIZE_FORMAT, total);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"), ==, content_range);
  g_assert_cmpmem (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body),
                   (const guint8 *) g_bytes_get_data (expected, NULL) + 100, 100);
  g_clear_pointer (&reply, reply_free);

  reply = get_range (f, clip.path, "bytes=-10");
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_PARTIAL_CONTENT);
  from_end = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                              total - 10, total - 1, total);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"), ==, from_end);
  g_assert_cmpuint (g_bytes_get_size (reply->body), ==, 10);
  g_clear_pointer (&reply, reply_free);

  {
    g_autofree char *beyond = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", total);

    reply = get_range (f, clip.path, beyond);
  }
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE);
  unsatisfiable = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, total);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"), ==, unsatisfiable);
  g_clear_pointer (&reply, reply_free);

  /* Cut after 1000 bytes, then resumed with a Range. */
  APPLY (f, apply_video_cut, .bytes = 1000);
  reply = get_range (f, clip.path, NULL);
  g_assert_true (reply->error != NULL || g_bytes_get_size (reply->body) < total);
  g_clear_pointer (&reply, reply_free);
  APPLY (f, apply_video_cut, .bytes = 0);
  g_byte_array_append (resumed, g_bytes_get_data (expected, NULL), 1000);
  reply = get_range (f, clip.path, "bytes=1000-");
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_PARTIAL_CONTENT);
  g_byte_array_append (resumed, g_bytes_get_data (reply->body, NULL), (guint) g_bytes_get_size (reply->body));
  g_assert_cmpmem (resumed->data, resumed->len, g_bytes_get_data (expected, NULL), total);
  g_clear_pointer (&reply, reply_free);

  /* Unknown clips, and the clips are Digest-protected like the rest. */
  reply = get_range (f, "/HikGatewayStorage/pic?0000Q1_CH01_20200101000000.mp4", NULL);
  assert_status (reply, SOUP_STATUS_NOT_FOUND, 4, "taskNoRecFile", 0x40001039);
  g_clear_pointer (&reply, reply_free);
  new_session (f, NULL);
  reply = get_range (f, clip.path, NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_UNAUTHORIZED);

  g_free (clip.path);
}

/* ---- Device management ---- */

static void
test_add_device_batch (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Reply) reply = NULL;
  JsonArray *out;
  JsonObject *device;
  JsonObject *result;

  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/addDevice?format=json",
                   "{\"DeviceInList\":["
                   "{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"shop42\",\"EhomeKey\":\"abcd1234\"},\"devName\":\"Shop 42\",\"devType\":\"SecurityCP\"}},"
                   "{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"shop42\",\"EhomeKey\":\"abcd1234\"}}},"
                   "{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"shop43\",\"EhomeKey\":\"short\"}}},"
                   "{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"0123456789012345678901234567890123\",\"EhomeKey\":\"abcd1234\"}}}"
                   "]}");
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  result = root_object (reply);
  g_assert_false (json_object_has_member (result, "statusCode"));
  out = json_object_get_array_member (result, "DeviceOutList");
  g_assert_cmpuint (json_array_get_length (out), ==, 4);

  device = member_object (json_array_get_object_element (out, 0), "Device");
  g_assert_cmpstr (json_object_get_string_member (device, "status"), ==, "success");
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (device, "devIndex")));
  g_assert_cmpstr (json_object_get_string_member (member_object (device, "EhomeParams"), "EhomeID"), ==, "shop42");

  device = member_object (json_array_get_object_element (out, 1), "Device");
  g_assert_cmpstr (json_object_get_string_member (device, "status"), ==, "fail");
  g_assert_cmpstr (json_object_get_string_member (device, "subStatusCode"), ==, "deviceExist");
  device = member_object (json_array_get_object_element (out, 2), "Device");
  g_assert_cmpstr (json_object_get_string_member (device, "subStatusCode"), ==, "badParameters");
  device = member_object (json_array_get_object_element (out, 3), "Device");
  g_assert_cmpstr (json_object_get_string_member (device, "subStatusCode"), ==, "badParameters");
  g_clear_pointer (&reply, reply_free);

  /* Every item failing: the ResponseStatus beside the per-item list. */
  APPLY (f, apply_max_devices, .n = 3);
  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/addDevice?format=json",
                   "{\"DeviceInList\":[{\"Device\":{\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"shop44\",\"EhomeKey\":\"abcd1234\"}}}]}");
  assert_status (reply, SOUP_STATUS_OK, 4, "monitorNodeOverLimit", 0x4000104D);
  out = json_object_get_array_member (root_object (reply), "DeviceOutList");
  g_assert_cmpstr (json_object_get_string_member (member_object (json_array_get_object_element (out, 0), "Device"),
                                                  "subStatusCode"), ==, "monitorNodeOverLimit");
}

static void
test_device_list_and_delete (Fixture       *f,
                             gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  g_autoptr(Reply) reply = NULL;
  g_autofree char *body = NULL;
  g_autofree char *delete_one = NULL;
  JsonObject *result;
  JsonObject *device;
  JsonArray *list;

  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/deviceList?format=json",
                   "{\"SearchDescription\":{\"position\":1,\"maxResult\":10}}");
  result = member_object (root_object (reply), "SearchResult");
  g_assert_cmpint (json_object_get_int_member (result, "totalMatches"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (result, "numOfMatches"), ==, 1);
  device = member_object (json_array_get_object_element (json_object_get_array_member (result, "MatchList"), 0), "Device");
  g_assert_cmpstr (json_object_get_string_member (device, "devIndex"), ==, state.other_dev_index);
  g_assert_cmpstr (json_object_get_string_member (device, "devType"), ==, "SecurityCP");
  g_assert_cmpstr (json_object_get_string_member (device, "protocolType"), ==, "ehomeV5");
  g_assert_cmpstr (json_object_get_string_member (device, "devStatus"), ==, "online");
  g_clear_pointer (&reply, reply_free);

  /* No match: no MatchList at all. */
  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/deviceList?format=json",
                   "{\"SearchDescription\":{\"position\":0,\"maxResult\":10,\"Filter\":{\"key\":\"no such site\",\"devStatus\":\"online\"}}}");
  result = member_object (root_object (reply), "SearchResult");
  g_assert_cmpint (json_object_get_int_member (result, "totalMatches"), ==, 0);
  g_assert_false (json_object_has_member (result, "MatchList"));
  g_clear_pointer (&reply, reply_free);

  body = g_strdup_printf ("{\"DevList\":[\"%s\"]}", state.dev_index);
  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/refreshDevInfo?format=json", body);
  list = json_object_get_array_member (root_object (reply), "DeviceInfoList");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "model"), ==, "DS-PWA32-HS");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "deviceType"), ==, "SecurityCP");
  g_clear_pointer (&reply, reply_free);
  g_clear_pointer (&body, g_free);

  /* Batch delete: the known one goes, the unknown one fails by itself. */
  body = g_strdup_printf ("{\"DevIndexList\":[\"%s\",\"ffffffff-0000-4000-8000-000000000000\"]}", state.other_dev_index);
  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/delDevice?format=json", body);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  list = json_object_get_array_member (root_object (reply), "DelDevList");
  g_assert_cmpstr (json_object_get_string_member (member_object (json_array_get_object_element (list, 0), "Dev"), "status"), ==, "success");
  g_assert_cmpstr (json_object_get_string_member (member_object (json_array_get_object_element (list, 1), "Dev"), "subStatusCode"), ==, "theDeviceIdDoesNotExist");
  g_clear_pointer (&reply, reply_free);

  delete_one = g_strdup_printf ("/ISAPI/ContentMgmt/DeviceMgmt/delDevice?format=json&devIndex=%s", state.other_dev_index);
  reply = request (f, "DELETE", delete_one, NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "theDeviceIdDoesNotExist", 0x4000113B);
}

static void
test_system (Fixture       *f,
             gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  g_autofree char *info = g_strdup_printf ("/ISAPI/System/deviceInfo?format=json&devIndex=%s", state.dev_index);
  g_autofree char *tz = g_strdup_printf ("/ISAPI/System/time/timeZone?devIndex=%s", state.dev_index);
  g_autofree char *time = g_strdup_printf ("/ISAPI/System/time?format=json&devIndex=%s", state.dev_index);
  g_autofree char *ip = g_strdup_printf ("/ISAPI/System/Network/interfaces/1/ipAddress?format=json&devIndex=%s", state.dev_index);
  g_autofree char *io = g_strdup_printf ("/ISAPI/System/IO/outputs/1/trigger?format=json&devIndex=%s", state.dev_index);
  g_autoptr(Reply) reply = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  JsonObject *object;

  reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpstr (json_object_get_string_member (member_object (root_object (reply), "DeviceInfo"), "deviceType"), ==, "Gateway");
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", info, "{\"DeviceInfo\":{\"deviceName\":\"Renamed\",\"model\":\"ignored\"}}");
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", info, NULL);
  object = member_object (root_object (reply), "DeviceInfo");
  g_assert_cmpstr (json_object_get_string_member (object, "deviceName"), ==, "Renamed");
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "DS-PWA32-HS");
  g_clear_pointer (&reply, reply_free);

  /* Time zones are plain text, and validated. */
  msg = new_message (f, "PUT", tz, "text/plain", "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00");
  reply = send_message (f, msg);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  g_clear_object (&msg);
  reply = request (f, "GET", tz, NULL);
  g_assert_cmpmem (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body),
                   "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00", 55);
  g_clear_pointer (&reply, reply_free);
  msg = new_message (f, "PUT", tz, "text/plain", "Europe/../../etc/passwd");
  reply = send_message (f, msg);
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 6, "badParameters", 0x60000001);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", time, "{\"Time\":{\"timeMode\":\"manual\",\"localTime\":\"2030-01-02T03:04:05+08:00\"}}");
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", time, NULL);
  object = member_object (root_object (reply), "Time");
  g_assert_cmpstr (json_object_get_string_member (object, "timeMode"), ==, "manual");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "localTime"), "2030-01-02T03:0"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "localTime"), "+08:00"));
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", ip, "{\"IPAddress\":{\"ipVersion\":\"v4\",\"addressingType\":\"static\",\"ipAddress\":\"10.1.2.3\",\"subnetMask\":\"255.255.255.0\",\"DefaultGateway\":{\"ipAddress\":\"10.1.2.1\"}}}");
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", ip, NULL);
  g_assert_cmpstr (json_object_get_string_member (member_object (root_object (reply), "IPAddress"), "ipAddress"), ==, "10.1.2.3");
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "PUT", ip, "{\"IPAddress\":{\"ipVersion\":\"v4\",\"addressingType\":\"static\",\"ipAddress\":\"300.1.2.3\",\"subnetMask\":\"255.255.255.0\"}}");
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 6, "badParameters", 0x60000001);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", io, "{\"IOPortData\":{\"outputState\":\"high\"}}");
  assert_ok (reply);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  g_autofree char *bad_id = g_strdup_printf ("/ISAPI/SecurityCP/control/arm/one?ways=away&format=json&devIndex=%s", state.dev_index);
  g_autofree char *bad_ways = g_strdup_printf ("/ISAPI/SecurityCP/control/arm/1?ways=sideways&format=json&devIndex=%s", state.dev_index);
  g_autoptr(Reply) reply = NULL;

  reply = request (f, "GET", "/ISAPI/SecurityCP/status/zones?format=json&devIndex=12345678-1234-4234-8234-123456789012", NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "theDeviceIdDoesNotExist", 0x4000113B);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "GET", "/ISAPI/ContentMgmt/DeviceMgmt/addDevice?format=json", NULL);
  assert_status (reply, SOUP_STATUS_METHOD_NOT_ALLOWED, 4, "methodNotAllowed", 0x40000004);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Allow"), ==, "POST");
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "GET", "/ISAPI/Nothing/here?format=json", NULL);
  assert_status (reply, SOUP_STATUS_NOT_FOUND, 4, "notSupport", 0x40000001);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/deviceList?format=json", "{\"SearchDescription\": {");
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 5, "badJsonFormat", 0x50000002);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", bad_id, NULL);
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 5, "badURLFormat", 0x50000003);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", bad_ways, NULL);
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 6, "badParameters", 0x60000001);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "PUT", "/ISAPI/SecurityCP/control/arm/1?ways=away&format=json&devIndex=nope", NULL);
  assert_status (reply, SOUP_STATUS_FORBIDDEN, 4, "theDeviceIdDoesNotExist", 0x4000113B);
  g_clear_pointer (&reply, reply_free);

  reply = request (f, "GET", "/ISAPI/SecurityCP/status/zones?format=json", NULL);
  assert_status (reply, SOUP_STATUS_BAD_REQUEST, 5, "badURLFormat", 0x50000003);
}

static void
test_http_faults_and_reboot (Fixture       *f,
                             gconstpointer  data)
{
  PanelState state = panel_state (f, VIGIL_SIM_ZONE_FIRE, 0);
  g_autofree char *zones = g_strdup_printf ("/ISAPI/SecurityCP/status/zones?format=json&devIndex=%s", state.dev_index);
  g_autofree char *reboot = g_strdup_printf ("/ISAPI/System/reboot?format=json&devIndex=%s", state.dev_index);
  g_autoptr(Reply) reply = NULL;
  gint64 start;
  guint tries;

  APPLY (f, apply_fail_next, .status = 503, .n = 1);
  reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_assert_null (reply->json);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_clear_pointer (&reply, reply_free);

  APPLY (f, apply_delay, .ms = 300);
  start = g_get_monotonic_time ();
  reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * G_TIME_SPAN_MILLISECOND);
  g_clear_pointer (&reply, reply_free);
  APPLY (f, apply_delay, .ms = 0);

  /* A rebooting panel is offline for a while: the gateway cannot reach it. */
  APPLY (f, apply_reboot_durations, .ms = 300);
  reply = request (f, "PUT", reboot, NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", zones, NULL);
  assert_status (reply, SOUP_STATUS_SERVICE_UNAVAILABLE, 2, "networkError", 0x20000009);
  g_clear_pointer (&reply, reply_free);
  for (tries = 0; tries < 100; tries++)
    {
      reply = request (f, "GET", zones, NULL);
      if (reply->status == SOUP_STATUS_OK)
        break;
      g_clear_pointer (&reply, reply_free);
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (panel_state (f, 0, state.zone).last_cid, ==, 1305);
  g_clear_pointer (&reply, reply_free);

  /* A rebooting gateway answers 503 to everything for a while. */
  reply = request (f, "PUT", "/ISAPI/System/reboot?format=json", NULL);
  assert_ok (reply);
  g_clear_pointer (&reply, reply_free);
  reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_clear_pointer (&reply, reply_free);
  for (tries = 0; tries < 100; tries++)
    {
      reply = request (f, "GET", "/ISAPI/System/deviceInfo?format=json", NULL);
      if (reply->status == SOUP_STATUS_OK)
        break;
      g_clear_pointer (&reply, reply_free);
      g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
}

/* ---- Without the fixture ---- */

static void
test_deterministic (void)
{
  g_autoptr(VigilSimGateway) a = vigil_sim_gateway_new (5, 3);
  g_autoptr(VigilSimGateway) b = vigil_sim_gateway_new (5, 3);
  g_autoptr(VigilSimGateway) c = vigil_sim_gateway_new (6, 3);
  g_auto(GStrv) ia = vigil_sim_gateway_dup_dev_indexes (a);
  g_auto(GStrv) ib = vigil_sim_gateway_dup_dev_indexes (b);
  g_auto(GStrv) ic = vigil_sim_gateway_dup_dev_indexes (c);

  g_assert_cmpuint (g_strv_length (ia), ==, 3);
  g_assert_true (g_strv_equal ((const char * const *) ia, (const char * const *) ib));
  g_assert_false (g_strv_equal ((const char * const *) ia, (const char * const *) ic));
  g_assert_cmpstr (vigil_sim_gateway_get_password (a), ==, vigil_sim_gateway_get_password (b));
  g_assert_cmpstr (vigil_sim_gateway_get_password (a), !=, vigil_sim_gateway_get_password (c));
  g_assert_cmpstr (vigil_sim_gateway_get_realm (a), ==, vigil_sim_gateway_get_realm (b));
  for (guint i = 0; i < 3; i++)
    {
      VigilSimPanel *pa = vigil_sim_gateway_get_panel (a, i);
      VigilSimPanel *pb = vigil_sim_gateway_get_panel (b, i);

      g_assert_cmpuint (vigil_sim_panel_get_n_zones (pa), ==, vigil_sim_panel_get_n_zones (pb));
      g_assert_cmpstr (vigil_sim_panel_get_name (pa), ==, vigil_sim_panel_get_name (pb));
      /* Every panel can be armed, alarmed and set on fire in its first partition, and has a
       * zone of every kind somewhere. */
      for (VigilSimZoneKind kind = VIGIL_SIM_ZONE_INSTANT; kind <= VIGIL_SIM_ZONE_PANIC; kind++)
        g_assert_cmpuint (vigil_sim_panel_find_zone (pa, kind, 0), >, 0);
      g_assert_cmpuint (vigil_sim_panel_find_zone (pa, VIGIL_SIM_ZONE_INSTANT, 1), >, 0);
      g_assert_cmpuint (vigil_sim_panel_find_zone (pa, VIGIL_SIM_ZONE_FIRE, 1), >, 0);
    }
}

static void
configure_tls (VigilSimGateway *gateway,
               gpointer         data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = vigil_sim_builtin_certificate (0, &error);

  g_assert_no_error (error);
  vigil_sim_gateway_set_tls_certificate (gateway, certificate);
}

static gboolean
accept_certificate (SoupMessage          *msg,
                    GTlsCertificate      *certificate,
                    GTlsCertificateFlags  errors,
                    GTlsCertificate     **seen)
{
  g_set_object (seen, certificate);
  return TRUE;
}

static void
test_tls (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new (configure_tls, NULL);
  g_autoptr(GTlsCertificate) expected = vigil_sim_builtin_certificate (0, NULL);
  g_autoptr(GTlsCertificate) other = vigil_sim_builtin_certificate (1, NULL);
  g_autoptr(GTlsCertificate) seen = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (vigil_test_sim_get_url (sim), "/ISAPI/Security/userCheck?format=json", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (vigil_test_sim_get_url (sim), "https://127.0.0.1:"));
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate), &seen);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_nonnull (seen);
  g_assert_true (g_tls_certificate_is_same (seen, expected));
  g_assert_false (g_tls_certificate_is_same (seen, other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sim/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("digest/modes", test_digest_modes);
  ADD ("digest/wrong-password-lockout", test_digest_wrong_password_and_lockout);
  ADD ("digest/stale-nonce", test_digest_stale_nonce);
  ADD ("security/arming-refused-then-bypass", test_arming_refused_then_bypass);
  ADD ("security/alarm-and-clear", test_alarm_and_clear);
  ADD ("security/outputs", test_outputs);
  ADD ("stream/first-part-heartbeat-alarm-clip", test_stream_first_part_and_heartbeat);
  ADD ("stream/burst", test_stream_burst);
  ADD ("stream/faults", test_stream_faults);
  ADD ("stream/quirks", test_stream_quirks);
  ADD ("stream/device-mode", test_stream_device_mode);
  ADD ("video/range", test_video_range);
  ADD ("devices/add-batch", test_add_device_batch);
  ADD ("devices/list-and-delete", test_device_list_and_delete);
  ADD ("system", test_system);
  ADD ("errors", test_errors);
  ADD ("faults-and-reboot", test_http_faults_and_reboot);
#undef ADD
  g_test_add_func ("/sim/deterministic", test_deterministic);
  g_test_add_func ("/sim/tls", test_tls);

  return g_test_run ();
}
