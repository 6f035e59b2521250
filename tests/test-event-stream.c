/* test-event-stream.c — the subscription against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-event-stream.h"
#include "vigil-site.h"
#include "vigil-sim-gateway.h"
#include "vigil-json.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"

typedef struct
{
  VigilSimGateway *sim;
  VigilClient *client;
  VigilEventStream *stream;
  GPtrArray *events;          /* VigilEvent, every one the stream emitted */
  char *dev_index;
} Fixture;

static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          Fixture          *f)
{
  g_ptr_array_add (f->events, vigil_event_ref (event));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) indexes = NULL;

  f->sim = vigil_sim_gateway_new (1234, 2);
  vigil_sim_gateway_set_credentials (f->sim, USER, PASSWORD);
  vigil_sim_gateway_set_heartbeat_interval (f->sim, 200);
  g_assert_true (vigil_sim_gateway_listen (f->sim, 0, &error));
  url = vigil_sim_gateway_dup_url (f->sim);
  indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);
  f->dev_index = g_strdup (indexes[0]);

  f->client = vigil_client_new (url, &error);
  vigil_client_set_credentials (f->client, USER, PASSWORD);
  f->stream = vigil_event_stream_new (f->client);
  vigil_event_stream_set_heartbeat_timeout (f->stream, 2);
  vigil_event_stream_set_backoff (f->stream, 100, 400);
  f->events = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_event_unref);
  g_signal_connect (f->stream, "event", G_CALLBACK (on_event), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (f->stream, f);
  g_clear_object (&f->stream);
  g_clear_object (&f->client);
  g_clear_object (&f->sim);
  g_clear_pointer (&f->events, g_ptr_array_unref);
  g_free (f->dev_index);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Condition) (Fixture *f, gpointer data);

static void
wait_for (Fixture    *f,
          Condition   condition,
          gpointer    data,
          guint       seconds,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

static guint
count_type (Fixture        *f,
            VigilEventType  type)
{
  guint n = 0;

  for (guint i = 0; i < f->events->len; i++)
    n += ((VigilEvent *) g_ptr_array_index (f->events, i))->type == type;
  return n;
}

static gboolean
is_online (Fixture *f, gpointer data)
{
  return vigil_event_stream_get_state (f->stream) == VIGIL_STREAM_ONLINE &&
         vigil_event_stream_get_subscription_id (f->stream) >= 0;
}

static gboolean
has_n_of_type (Fixture *f, gpointer data)
{
  const guint *want = data;   /* { type, n } */
  return count_type (f, want[0]) >= want[1];
}

static void
wait_type (Fixture        *f,
           VigilEventType  type,
           guint           n,
           guint           seconds)
{
  guint want[2] = { type, n };
  wait_for (f, has_n_of_type, want, seconds, vigil_event_type_to_string (type));
}

static VigilEvent *
last_of_type (Fixture        *f,
              VigilEventType  type)
{
  for (guint i = f->events->len; i > 0; i--)
    {
      VigilEvent *event = g_ptr_array_index (f->events, i - 1);
      if (event->type == type)
        return event;
    }
  return NULL;
}

static void
test_subscribe_and_heartbeat (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  wait_type (f, VIGIL_EVENT_HEARTBEAT, 2, 10);

  ids = vigil_sim_gateway_dup_subscription_ids (f->sim);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, guint, 0), ==, vigil_event_stream_get_subscription_id (f->stream));
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_STREAM_ERROR), ==, 0);
}

static gboolean
has_cid_alarm (Fixture *f, gpointer data)
{
  return count_type (f, VIGIL_EVENT_CID_ALARM) > GPOINTER_TO_UINT (data);
}

static void
test_part_delivered_before_next_boundary (Fixture       *f,
                                          gconstpointer  data)
{
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (f->sim, f->dev_index);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_FIRE, 0);
  gint64 start;
  VigilEvent *event;

  /* Heartbeats every 30 s: the next boundary is far away. */
  vigil_sim_gateway_set_heartbeat_interval (f->sim, 30000);
  vigil_event_stream_set_heartbeat_timeout (f->stream, 60);
  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");

  start = g_get_monotonic_time ();
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);  /* a fire zone is always armed */
  wait_for (f, has_cid_alarm, GUINT_TO_POINTER (0), 5, "the fire alarm");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  event = last_of_type (f, VIGIL_EVENT_CID_ALARM);
  g_assert_cmpuint (event->cid_event, ==, 110);
  g_assert_false (event->cid_restore);
  g_assert_cmpint (event->zone, ==, zone);
  g_assert_cmpstr (event->dev_index, ==, f->dev_index);
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_LIFE_SAFETY);
}

static void
test_quirks (Fixture       *f,
             gconstpointer  data)
{
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (f->sim, f->dev_index);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_24H, 0);
  VigilEvent *event;

  vigil_sim_gateway_set_quirks (f->sim, VIGIL_SIM_QUIRKS_GUIDE | VIGIL_SIM_QUIRK_GLUED_BOUNDARY |
                                        VIGIL_SIM_QUIRK_LF_ONLY | VIGIL_SIM_QUIRK_NO_CONTENT_LENGTH |
                                        VIGIL_SIM_QUIRK_FIRST_PART_NO_HEADERS | VIGIL_SIM_QUIRK_SHORT_OFFSET |
                                        VIGIL_SIM_QUIRK_STRING_SCALARS);
  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  wait_type (f, VIGIL_EVENT_HEARTBEAT, 2, 10);

  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  wait_for (f, has_cid_alarm, GUINT_TO_POINTER (0), 5, "the 24h alarm");
  event = last_of_type (f, VIGIL_EVENT_CID_ALARM);
  g_assert_cmpint (event->zone, ==, zone);
  g_assert_nonnull (event->date_time);
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_STREAM_ERROR), ==, 0);
  g_assert_cmpint (vigil_event_stream_get_subscription_id (f->stream), >=, 0);

  /* The wrong-length quirk too. */
  vigil_sim_gateway_set_quirks (f->sim, VIGIL_SIM_QUIRK_WRONG_CONTENT_LENGTH | VIGIL_SIM_QUIRK_NO_ZONE);
  wait_type (f, VIGIL_EVENT_HEARTBEAT, count_type (f, VIGIL_EVENT_HEARTBEAT) + 4, 10);
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_STREAM_ERROR), ==, 0);
  g_assert_true (last_of_type (f, VIGIL_EVENT_HEARTBEAT)->time_zone_assumed);
}

static gboolean
zones_read_again (Fixture *f, gpointer data)
{
  return vigil_sim_gateway_get_n_requests (f->sim) > GPOINTER_TO_SIZE (data) &&
         count_type (f, VIGIL_EVENT_LINK_RESTORED) > 0;
}

static void
test_stall_reconnect_reread_gap (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(VigilSite) site = vigil_site_new (f->client);
  g_autoptr(GArray) ids = NULL;
  gint64 first_id;
  VigilEvent *restored;
  guint64 requests;

  vigil_site_set_reconcile_interval (site, 0);
  vigil_site_set_stream (site, f->stream);
  vigil_event_stream_set_heartbeat_timeout (f->stream, 1);
  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  first_id = vigil_event_stream_get_subscription_id (f->stream);

  requests = vigil_sim_gateway_get_n_requests (f->sim);
  vigil_sim_gateway_inject_stream_fault (f->sim, (guint) first_id, VIGIL_SIM_STREAM_FAULT_STALL);
  wait_type (f, VIGIL_EVENT_LINK_LOST, 1, 10);
  g_assert_cmpint (vigil_event_stream_get_state (f->stream), !=, VIGIL_STREAM_ONLINE);
  g_assert_nonnull (vigil_event_stream_get_offline_since (f->stream));

  /* It comes back by itself on a new subscription, notes the gap and reads the panels. */
  wait_for (f, zones_read_again, GSIZE_TO_POINTER (requests), 15, "reconnect and re-read");
  wait_for (f, is_online, NULL, 10, "online again");
  g_assert_cmpint (vigil_event_stream_get_subscription_id (f->stream), !=, first_id);

  restored = last_of_type (f, VIGIL_EVENT_LINK_RESTORED);
  g_assert_nonnull (restored->gap_start);
  g_assert_nonnull (restored->gap_end);
  g_assert_cmpint (g_date_time_compare (restored->gap_start, restored->gap_end), <=, 0);
  g_assert_null (vigil_event_stream_get_offline_since (f->stream));
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_LINK_LOST), ==, 1);

  /* The site read every panel again. */
  g_assert_cmpuint (g_list_model_get_n_items (vigil_site_get_panels (site)), ==, 2);

  ids = vigil_sim_gateway_dup_subscription_ids (f->sim);
  g_assert_cmpuint (ids->len, >=, 1);
}

static void
test_drop_mid_part_loses_nothing_complete (Fixture       *f,
                                           gconstpointer  data)
{
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (f->sim, f->dev_index);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_PANIC, 0);
  gint64 id;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  id = vigil_event_stream_get_subscription_id (f->stream);

  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  wait_for (f, has_cid_alarm, GUINT_TO_POINTER (0), 5, "the panic alarm");

  vigil_sim_gateway_inject_stream_fault (f->sim, (guint) id, VIGIL_SIM_STREAM_FAULT_DROP_MID_PART);
  wait_type (f, VIGIL_EVENT_LINK_LOST, 1, 10);
  wait_type (f, VIGIL_EVENT_LINK_RESTORED, 1, 15);

  /* The alarm that was complete is there once; the half part is not an event. */
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_CID_ALARM), ==, 1);

  vigil_sim_panel_set_zone_open (panel, zone, FALSE);
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  wait_for (f, has_cid_alarm, GUINT_TO_POINTER (1), 5, "an alarm after the reconnect");
}

static void
test_garbage_part (Fixture       *f,
                   gconstpointer  data)
{
  VigilEvent *error_event;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  vigil_sim_gateway_inject_stream_fault (f->sim, (guint) vigil_event_stream_get_subscription_id (f->stream),
                                         VIGIL_SIM_STREAM_FAULT_GARBAGE_PART);
  wait_type (f, VIGIL_EVENT_STREAM_ERROR, 1, 10);
  error_event = last_of_type (f, VIGIL_EVENT_STREAM_ERROR);
  g_assert_nonnull (error_event->raw);

  /* The stream goes on. */
  wait_type (f, VIGIL_EVENT_HEARTBEAT, count_type (f, VIGIL_EVENT_HEARTBEAT) + 2, 10);
  g_assert_cmpint (vigil_event_stream_get_state (f->stream), ==, VIGIL_STREAM_ONLINE);
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_LINK_LOST), ==, 0);
}

static guint
count_status (Fixture    *f,
              const char *status)
{
  guint n = 0;

  for (guint i = 0; i < f->events->len; i++)
    {
      VigilEvent *event = g_ptr_array_index (f->events, i);
      n += event->type == VIGIL_EVENT_DEV_STATUS_CHANGED && g_strcmp0 (event->status, status) == 0;
    }
  return n;
}

static gboolean
has_n_online (Fixture *f, gpointer data)
{
  return count_status (f, "online") >= GPOINTER_TO_UINT (data);
}

static gboolean
early_in_a_second (Fixture *f, gpointer data)
{
  return g_get_real_time () % G_USEC_PER_SEC < G_USEC_PER_SEC / 10;
}

static void
assert_status_keys_distinct (Fixture *f)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < f->events->len; i++)
    {
      VigilEvent *event = g_ptr_array_index (f->events, i);

      if (event->type != VIGIL_EVENT_DEV_STATUS_CHANGED)
        continue;
      g_assert_nonnull (event->dedup_key);
      if (!g_hash_table_add (keys, event->dedup_key))
        g_error ("two status changes share the store's key %s", event->dedup_key);
    }
}

/* A devStatusChanged has no UUID and whole-second times: a panel flapping offline and online
 * twice within one second sends the same "online" and "offline" twice. Every one must reach
 * the store, so their keys must differ. */
static void
test_status_flaps_within_a_second (Fixture       *f,
                                   gconstpointer  data)
{
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (f->sim, f->dev_index);
  VigilEvent *last;
  guint first_online;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  /* The snapshot of every panel's status follows the subscription (§6.1). */
  wait_for (f, has_n_online, GUINT_TO_POINTER (1), 10, "the status snapshot");
  first_online = count_status (f, "online");

  wait_for (f, early_in_a_second, NULL, 5, "the start of a second");
  for (guint i = 0; i < 2; i++)
    {
      vigil_sim_panel_set_online (panel, FALSE);
      vigil_sim_panel_set_online (panel, TRUE);
    }
  wait_for (f, has_n_online, GUINT_TO_POINTER (first_online + 2), 10, "both returns online");
  g_assert_cmpuint (count_status (f, "offline"), ==, 2);
  assert_status_keys_distinct (f);

  /* Only a repeat is numbered: the first of its kind keeps the key a stored database has. */
  last = last_of_type (f, VIGIL_EVENT_DEV_STATUS_CHANGED);
  g_assert_true (g_str_has_prefix (last->dedup_key, "content:"));
  g_assert_nonnull (strchr (last->dedup_key, '#'));
  for (guint i = 0; i < f->events->len; i++)
    {
      VigilEvent *event = g_ptr_array_index (f->events, i);
      if (event->type == VIGIL_EVENT_DEV_STATUS_CHANGED)
        {
          g_assert_null (strchr (event->dedup_key, '#'));
          break;
        }
    }
}

typedef struct
{
  guint64 expected;
  GHashTable *seen;
  guint64 duplicates;
} Burst;

static void
on_burst_event (VigilEventStream *stream,
                VigilEvent       *event,
                Burst            *burst)
{
  gint64 seq;

  if (event->type != VIGIL_EVENT_CID_ALARM || vigil_event_get_alert (event) == NULL)
    return;
  if (!vigil_json_object_get_int (json_node_get_object (vigil_event_get_alert (event)), "seq", &seq))
    return;
  if (g_hash_table_contains (burst->seen, GINT_TO_POINTER (seq + 1)))
    burst->duplicates++;
  g_hash_table_add (burst->seen, GINT_TO_POINTER (seq + 1));
}

static gboolean
burst_complete (Fixture *f, gpointer data)
{
  Burst *burst = data;
  return g_hash_table_size (burst->seen) >= burst->expected;
}

static void
test_burst_none_lost (Fixture       *f,
                      gconstpointer  data)
{
  /* The full 100,000 normally; a tenth under the sanitizers, which run ten times slower. */
  Burst burst = { g_getenv ("VIGIL_TEST_SANITIZED") ? 10000 : 100000, g_hash_table_new (NULL, NULL), 0 };
  gulong handler;

  vigil_event_stream_set_heartbeat_timeout (f->stream, 30);
  handler = g_signal_connect (f->stream, "event", G_CALLBACK (on_burst_event), &burst);
  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");

  vigil_sim_gateway_burst (f->sim, (guint) vigil_event_stream_get_subscription_id (f->stream),
                           burst.expected, 1130);
  wait_for (f, burst_complete, &burst, 240, "the whole burst");

  g_assert_cmpuint (g_hash_table_size (burst.seen), ==, burst.expected);
  g_assert_cmpuint (burst.duplicates, ==, 0);
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_STREAM_ERROR), ==, 0);
  g_assert_cmpuint (count_type (f, VIGIL_EVENT_LINK_LOST), ==, 0);

  g_signal_handler_disconnect (f->stream, handler);
  g_hash_table_unref (burst.seen);
}

static gboolean
has_failed (Fixture *f, gpointer data)
{
  return vigil_event_stream_get_state (f->stream) == VIGIL_STREAM_FAILED;
}

static void
test_password_changed_stops_retries (Fixture       *f,
                                     gconstpointer  data)
{
  guint64 attempts;
  gint64 until;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");

  /* The password changes on the gateway, then the link drops. */
  vigil_sim_gateway_set_credentials (f->sim, USER, "changed-on-the-gateway");
  vigil_sim_gateway_inject_stream_fault (f->sim, (guint) vigil_event_stream_get_subscription_id (f->stream),
                                         VIGIL_SIM_STREAM_FAULT_DROP_MID_PART);
  wait_for (f, has_failed, NULL, 15, "the stream to give up");
  g_assert_true (vigil_client_get_credentials_rejected (f->client));
  g_assert_error ((GError *) vigil_event_stream_get_last_error (f->stream), VIGIL_CLIENT_ERROR,
                  VIGIL_CLIENT_ERROR_AUTH_FAILED);

  /* No retry storm: nothing more reaches the gateway. */
  attempts = vigil_sim_gateway_get_n_auth_failures (f->sim);
  g_assert_cmpuint (attempts, ==, 1);
  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_cmpuint (vigil_sim_gateway_get_n_auth_failures (f->sim), ==, attempts);
}

static void
on_stopped (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_assert_true (vigil_event_stream_stop_finish (VIGIL_EVENT_STREAM (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (Fixture *f, gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
no_subscriptions (Fixture *f, gpointer data)
{
  g_autoptr(GArray) ids = vigil_sim_gateway_dup_subscription_ids (f->sim);
  return ids->len == 0;
}

static void
test_stop_unsubscribes (Fixture       *f,
                        gconstpointer  data)
{
  gboolean stopped = FALSE;

  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  vigil_event_stream_stop_async (f->stream, NULL, on_stopped, &stopped);
  wait_for (f, flag_set, &stopped, 10, "stop");
  wait_for (f, no_subscriptions, NULL, 10, "the gateway to drop the subscription");
  g_assert_cmpint (vigil_event_stream_get_state (f->stream), ==, VIGIL_STREAM_STOPPED);
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ((Waiter *) user_data)->result = g_object_ref (result);
}

static gboolean
waiter_done (Fixture *f, gpointer data)
{
  return ((Waiter *) data)->result != NULL;
}

static void
test_per_device_subscription (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(GStrv) indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);
  g_autoptr(VigilSubscribeRequest) request = vigil_subscribe_request_new ();
  g_autoptr(VigilSubscribeDevEvent) first = vigil_subscribe_dev_event_new ();
  g_autoptr(VigilSubscribeDevEvent) second = vigil_subscribe_dev_event_new ();
  g_autoptr(VigilSubscribeDevEvent) read = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GError) error = NULL;
  const char *cid_only[] = { "CIDAlarm", NULL };
  gint64 id;
  Waiter w = { 0 };

  /* Subscribe by device: the first panel, CID alarms only. */
  first->dev_index = g_strdup (indexes[0]);
  first->upload_mode = g_strdup ("part");
  first->event_list = g_strdupv ((char **) cid_only);
  request->event_mode = g_strdup ("device");
  request->devices = g_ptr_array_new ();
  g_ptr_array_add (request->devices, first);
  vigil_event_stream_set_request (f->stream, request);
  g_ptr_array_set_size (request->devices, 0);
  vigil_event_stream_start (f->stream);
  wait_for (f, is_online, NULL, 10, "online");
  id = vigil_event_stream_get_subscription_id (f->stream);

  /* Read what the gateway holds for that panel. */
  vigil_client_get_device_subscription_async (f->client, id, indexes[0], NULL, on_call_done, &w);
  wait_for (f, waiter_done, &w, 10, "the device subscription");
  read = vigil_client_get_device_subscription_finish (f->client, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_cmpstr (read->dev_index, ==, indexes[0]);
  g_assert_cmpstr (read->upload_mode, ==, "part");

  /* Add the second panel, then query the status of both. */
  second->dev_index = g_strdup (indexes[1]);
  second->upload_mode = g_strdup ("all");
  vigil_client_add_device_subscription_async (f->client, id, second, NULL, on_call_done, &w);
  wait_for (f, waiter_done, &w, 10, "adding a device");
  status = vigil_client_add_device_subscription_finish (f->client, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);

  vigil_client_get_subscription_status_async (f->client, id, NULL, on_call_done, &w);
  wait_for (f, waiter_done, &w, 10, "the subscription status");
  states = vigil_client_get_subscription_status_finish (f->client, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_cmpstr (((VigilSubscriptionDevice *) g_ptr_array_index (states, 0))->status, ==, "continue");

  /* Remove the second again. */
  g_clear_pointer (&status, vigil_response_status_free);
  vigil_client_remove_device_subscription_async (f->client, id, indexes[1], NULL, on_call_done, &w);
  wait_for (f, waiter_done, &w, 10, "removing a device");
  status = vigil_client_remove_device_subscription_finish (f->client, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);

  g_clear_pointer (&states, g_ptr_array_unref);
  vigil_client_get_subscription_status_async (f->client, id, NULL, on_call_done, &w);
  wait_for (f, waiter_done, &w, 10, "the subscription status");
  states = vigil_client_get_subscription_status_finish (f->client, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/event-stream/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("subscribe-heartbeat", test_subscribe_and_heartbeat);
  ADD ("part-before-next-boundary", test_part_delivered_before_next_boundary);
  ADD ("quirks", test_quirks);
  ADD ("stall-reconnect-reread-gap", test_stall_reconnect_reread_gap);
  ADD ("drop-mid-part", test_drop_mid_part_loses_nothing_complete);
  ADD ("garbage-part", test_garbage_part);
  ADD ("burst-none-lost", test_burst_none_lost);
  ADD ("status-flaps-within-a-second", test_status_flaps_within_a_second);
  ADD ("password-changed", test_password_changed_stops_retries);
  ADD ("stop-unsubscribes", test_stop_unsubscribes);
  ADD ("per-device-subscription", test_per_device_subscription);
#undef ADD

  return g_test_run ();
}
