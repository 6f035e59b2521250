/* test-ingest.c — from the gateway's stream into SQLite: nothing lost, nothing twice
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "vigil-event-store.h"
#include "vigil-event-stream.h"
#include "vigil-json.h"
#include "vigil-sim-gateway.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"
/* The full 100,000 normally; a tenth under the sanitizers, which run ten times slower. */
#define BURST (g_getenv ("VIGIL_TEST_SANITIZED") ? 10000 : 100000)

typedef struct
{
  VigilSimGateway *sim;
  VigilClient *client;
  VigilEventStream *stream;
  VigilEventStore *store;
  char *dir;
  char *db_path;
  GHashTable *seqs;          /* sequence numbers of burst events received */
  GPtrArray *replay;         /* a sample of received events, to send again */
  guint link_lost;
} Fixture;

static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          Fixture          *f)
{
  gint64 seq;

  vigil_event_store_append (f->store, event);

  if (event->type == VIGIL_EVENT_LINK_LOST)
    f->link_lost++;
  if (event->type != VIGIL_EVENT_CID_ALARM || vigil_event_get_alert (event) == NULL ||
      !vigil_json_object_get_int (json_node_get_object (vigil_event_get_alert (event)), "seq", &seq))
    return;

  g_hash_table_add (f->seqs, GINT_TO_POINTER (seq + 1));
  if (seq % 100 == 0)
    g_ptr_array_add (f->replay, vigil_event_ref (event));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->dir = g_dir_make_tmp ("vigil-ingest-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "events.db", NULL);
  f->store = vigil_event_store_new_sync (f->db_path, NULL, &error);
  g_assert_no_error (error);

  f->sim = vigil_sim_gateway_new (99, 2);
  vigil_sim_gateway_set_credentials (f->sim, USER, PASSWORD);
  vigil_sim_gateway_set_heartbeat_interval (f->sim, 500);
  g_assert_true (vigil_sim_gateway_listen (f->sim, 0, &error));
  url = vigil_sim_gateway_dup_url (f->sim);
  f->client = vigil_client_new (url, &error);
  vigil_client_set_credentials (f->client, USER, PASSWORD);

  f->stream = vigil_event_stream_new (f->client);
  vigil_event_stream_set_heartbeat_timeout (f->stream, 30);
  vigil_event_stream_set_backoff (f->stream, 100, 400);
  f->seqs = g_hash_table_new (NULL, NULL);
  f->replay = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_event_unref);
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
  vigil_event_store_close (f->store);
  g_clear_object (&f->store);
  g_clear_pointer (&f->seqs, g_hash_table_unref);
  g_clear_pointer (&f->replay, g_ptr_array_unref);
  g_remove (f->db_path);
  {
    /* WAL and shared-memory files beside the database. */
    g_autofree char *wal = g_strconcat (f->db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->db_path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_until (gboolean  (*condition) (Fixture *f),
            Fixture    *f,
            guint       seconds,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (f))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

static gboolean
online (Fixture *f)
{
  return vigil_event_stream_get_state (f->stream) == VIGIL_STREAM_ONLINE &&
         vigil_event_stream_get_subscription_id (f->stream) >= 0;
}

static gboolean
burst_received (Fixture *f)
{
  return g_hash_table_size (f->seqs) >= BURST;
}

static gint64
count_cid_alarms (Fixture *f)
{
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  g_autoptr(GError) error = NULL;
  gint64 n;

  vigil_event_filter_add_type (filter, VIGIL_EVENT_CID_ALARM);
  n = vigil_event_store_count_sync (f->store, filter, NULL, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_burst_stored_once (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  vigil_event_stream_start (f->stream);
  wait_until (online, f, 10, "online");

  vigil_sim_gateway_burst (f->sim, (guint) vigil_event_stream_get_subscription_id (f->stream),
                           BURST, 1130);
  wait_until (burst_received, f, 300, "the burst");
  g_assert_cmpuint (g_hash_table_size (f->seqs), ==, (guint) BURST);
  g_assert_cmpuint (f->link_lost, ==, 0);

  g_assert_true (vigil_event_store_flush_sync (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_cid_alarms (f), ==, BURST);

  /* The backlog comes again after a reconnect: nothing is stored twice. */
  for (guint i = 0; i < f->replay->len; i++)
    vigil_event_store_append (f->store, g_ptr_array_index (f->replay, i));
  g_assert_true (vigil_event_store_flush_sync (f->store, &error));
  g_assert_cmpint (count_cid_alarms (f), ==, BURST);

  /* And everything survives a restart of the store. */
  vigil_event_store_close (f->store);
  g_clear_object (&f->store);
  f->store = vigil_event_store_new_sync (f->db_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_cid_alarms (f), ==, BURST);
}

static gboolean
three_alarms (Fixture *f)
{
  return vigil_event_stream_get_n_events (f->stream) > 0 && f->link_lost > 0 &&
         online (f);
}

static void
test_drop_keeps_complete_events (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto(GStrv) indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (f->sim, indexes[0]);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_FIRE, 0);
  g_autoptr(GError) error = NULL;
  gint64 before;

  vigil_event_stream_start (f->stream);
  wait_until (online, f, 10, "online");

  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  vigil_sim_panel_set_zone_open (panel, zone, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  vigil_sim_gateway_inject_stream_fault (f->sim, (guint) vigil_event_stream_get_subscription_id (f->stream),
                                         VIGIL_SIM_STREAM_FAULT_DROP_MID_PART);
  wait_until (three_alarms, f, 20, "the reconnect");

  g_assert_true (vigil_event_store_flush_sync (f->store, &error));
  before = count_cid_alarms (f);
  /* The fire alarm and its restore, once each. */
  g_assert_cmpint (before, ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ingest/burst-stored-once", Fixture, NULL, fixture_setup, test_burst_stored_once, fixture_teardown);
  g_test_add ("/ingest/drop-keeps-complete", Fixture, NULL, fixture_setup, test_drop_keeps_complete_events, fixture_teardown);

  return g_test_run ();
}
