/* test-vigilctl-events.c — `vigilctl events` as a script sees it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vigilctl runs as a subprocess; the simulator runs in its own thread of this process so the
 * test can block on vigilctl's output.
 */
#include <signal.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "vigil-event-store.h"
#include "vigil-json.h"
#include "vigil-test-sim.h"

static void
configure (VigilSimGateway *gateway,
           gpointer         user_data)
{
  vigil_sim_gateway_set_heartbeat_interval (gateway, 200);
}

typedef struct
{
  char *dev_index;
  guint zone;
} ZoneRef;

static void
open_fire_zone (VigilSimGateway *gateway,
                gpointer         user_data)
{
  ZoneRef *ref = user_data;
  g_auto(GStrv) indexes = vigil_sim_gateway_dup_dev_indexes (gateway);
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (gateway, indexes[0]);

  ref->dev_index = g_strdup (indexes[0]);
  ref->zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_FIRE, 0);
  vigil_sim_panel_set_zone_open (panel, ref->zone, TRUE);
}

static void
count_subscriptions (VigilSimGateway *gateway,
                     gpointer         user_data)
{
  g_autoptr(GArray) ids = vigil_sim_gateway_dup_subscription_ids (gateway);

  *(guint *) user_data = ids->len;
}

/* The gateway streams an alarm only to whoever is subscribed when it happens. */
static void
wait_for_subscriber (VigilTestSim *sim)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint n = 0;

  for (vigil_test_sim_invoke_sync (sim, count_subscriptions, &n);
       n == 0;
       vigil_test_sim_invoke_sync (sim, count_subscriptions, &n))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("vigilctl did not subscribe");
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

static void
stall_streams (VigilSimGateway *gateway,
               gpointer         user_data)
{
  g_autoptr(GArray) ids = vigil_sim_gateway_dup_subscription_ids (gateway);

  for (guint i = 0; i < ids->len; i++)
    vigil_sim_gateway_inject_stream_fault (gateway, g_array_index (ids, guint, i),
                                           VIGIL_SIM_STREAM_FAULT_STALL);
}

static JsonObject *
read_json_line (GDataInputStream *lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (line);
  node = vigil_json_parse (line, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The next line whose eventType is @type (others, such as devStatusChanged, are skipped). */
static JsonObject *
read_until (GDataInputStream *lines,
            const char       *type)
{
  for (guint i = 0; i < 200; i++)
    {
      JsonObject *object = read_json_line (lines);

      if (g_strcmp0 (json_object_get_string_member (object, "eventType"), type) == 0)
        return object;
      json_object_unref (object);
    }
  g_error ("no %s line", type);
  return NULL;
}

static void
test_json_follow_db (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new (configure, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigilctl-events-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "events.db", NULL);
  g_autofree char *vigilctl = g_build_filename (g_getenv ("VIGIL_BUILD_DIR"), "src", "cli", "vigilctl", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(JsonObject) alarm = NULL;
  g_autoptr(JsonObject) lost = NULL;
  g_autoptr(JsonObject) restored = NULL;
  g_autoptr(VigilEventStore) store = NULL;
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  ZoneRef ref = { 0 };
  JsonObject *cid;

  g_subprocess_launcher_setenv (launcher, "VIGIL_PASSWORD", vigil_test_sim_get_password (sim), TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, vigilctl,
                                         "-g", vigil_test_sim_get_url (sim),
                                         "-u", vigil_test_sim_get_user (sim),
                                         "--json", "events", "--follow", "--db", db,
                                         "--heartbeat-timeout", "1", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  wait_for_subscriber (sim);
  vigil_test_sim_invoke_sync (sim, open_fire_zone, &ref);

  alarm = read_until (lines, "CIDAlarm");
  g_assert_cmpstr (json_object_get_string_member (alarm, "devIndex"), ==, ref.dev_index);
  g_assert_cmpint (json_object_get_int_member (alarm, "priority"), ==, 1);
  g_assert_true (json_object_has_member (alarm, "receivedAt"));
  g_assert_true (json_object_has_member (alarm, "dateTime"));
  g_assert_true (json_object_get_null_member (alarm, "videoURL"));
  g_assert_nonnull (json_object_get_object_member (alarm, "alert"));
  cid = json_object_get_object_member (alarm, "cid");
  g_assert_cmpstr (json_object_get_string_member (cid, "code"), ==, "1110");
  g_assert_cmpint (json_object_get_int_member (cid, "event"), ==, 110);
  g_assert_false (json_object_get_boolean_member (cid, "restore"));
  g_assert_cmpint (json_object_get_int_member (cid, "zone"), ==, ref.zone);
  g_assert_cmpstr (json_object_get_string_member (cid, "description"), ==, "Fire Alarm");

  /* The link stalls: vigilctl says so, comes back by itself and says when. */
  vigil_test_sim_invoke_sync (sim, stall_streams, NULL);
  lost = read_until (lines, "linkLost");
  restored = read_until (lines, "linkRestored");
  g_assert_true (json_object_has_member (restored, "gapStart"));
  g_assert_true (json_object_has_member (restored, "gapEnd"));

  /* Ctrl+C ends a watch normally, with everything stored. */
  g_subprocess_send_signal (process, SIGINT);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  store = vigil_event_store_new_sync (db, NULL, &error);
  g_assert_no_error (error);
  vigil_event_filter_add_type (filter, VIGIL_EVENT_CID_ALARM);
  g_assert_cmpint (vigil_event_store_count_sync (store, filter, NULL, &error), ==, 1);
  vigil_event_store_close (store);

  g_free (ref.dev_index);
}

static void
test_without_follow_exits_on_loss (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new (configure, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *vigilctl = g_build_filename (g_getenv ("VIGIL_BUILD_DIR"), "src", "cli", "vigilctl", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(JsonObject) heartbeat = NULL;
  g_autoptr(JsonObject) lost = NULL;

  g_subprocess_launcher_setenv (launcher, "VIGIL_PASSWORD", vigil_test_sim_get_password (sim), TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, vigilctl,
                                         "-g", vigil_test_sim_get_url (sim),
                                         "-u", vigil_test_sim_get_user (sim),
                                         "--json", "events", "--heartbeats", "--heartbeat-timeout", "1", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  heartbeat = read_until (lines, "heartBeat");
  vigil_test_sim_invoke_sync (sim, stall_streams, NULL);
  lost = read_until (lines, "linkLost");

  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigilctl-events/json-follow-db", test_json_follow_db);
  g_test_add_func ("/vigilctl-events/exit-on-loss", test_without_follow_exits_on_loss);

  return g_test_run ();
}
