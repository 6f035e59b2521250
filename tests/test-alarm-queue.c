/* test-alarm-queue.c — the open alarms: order, restores, acknowledge and close, exact changes
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-alarm-queue.h"
#include "vigil-test-store.h"

#define PANEL_A "2cd6716d-767f-4756-ac55-50276a5e3b4a"
#define PANEL_B "9f0c1d2e-3b4a-4c5d-8e6f-708192a3b4c5"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  char *dir;
  char *path;
  VigilEventStore *store;
  VigilAlarmQueue *queue;
  GArray *changes;       /* Change, as items-changed reported them */
  GArray *ids;           /* what "committed" gave, in order */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *items,
              guint                   n_items,
              Fixture                *fixture)
{
  for (guint i = 0; i < n_items; i++)
    g_array_append_val (fixture->ids, items[i].id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = vigil_test_store_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "events.db", NULL);
  fixture->store = vigil_test_store_open (fixture->path);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->store, "committed", G_CALLBACK (on_committed), fixture);
}

static void
open_queue (Fixture *fixture)
{
  g_clear_object (&fixture->queue);
  fixture->queue = vigil_alarm_queue_new (fixture->store);
  g_signal_connect (fixture->queue, "items-changed", G_CALLBACK (on_items_changed), fixture);
  while (!vigil_alarm_queue_get_loaded (fixture->queue))
    g_main_context_iteration (NULL, TRUE);
  g_array_set_size (fixture->changes, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->queue);
  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);
  g_array_unref (fixture->ids);
  vigil_test_store_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Takes @event; its row id once committed. */
static gint64
store_event (Fixture    *fixture,
             VigilEvent *event)
{
  guint before = fixture->ids->len;

  vigil_event_store_append (fixture->store, event);
  vigil_event_unref (event);
  vigil_test_store_flush (fixture->store);
  g_assert_cmpuint (fixture->ids->len, ==, before + 1);
  return g_array_index (fixture->ids, gint64, before);
}

static VigilAlarm *
item (Fixture *fixture,
      guint    position)
{
  VigilAlarm *alarm = g_list_model_get_item (G_LIST_MODEL (fixture->queue), position);

  g_assert_nonnull (alarm);
  /* The queue keeps its own reference. */
  g_object_unref (alarm);
  return alarm;
}

static void
assert_change (Fixture *fixture,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, fixture->changes->len);
  change = &g_array_index (fixture->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
wait_commit (VigilEventStore *store,
             VigilEvent      *event)
{
  vigil_event_store_append (store, event);
  vigil_test_store_flush (store);
}

static void
acknowledge (Fixture    *fixture,
             gint64      id,
             const char *operator_name)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vigil_event_store_acknowledge_async (fixture->store, id, operator_name, NULL,
                                       vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  g_assert_true (vigil_event_store_acknowledge_finish (fixture->store, result, &error));
  g_assert_no_error (error);
}

static void
close_alarm (Fixture         *fixture,
             gint64           id,
             VigilResolution  resolution)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  vigil_event_store_close_alarm_async (fixture->store, id, "bob", resolution, "checked", NULL,
                                       vigil_test_store_result_cb, &slot);
  result = vigil_test_store_wait_result (&slot);
  g_assert_true (vigil_event_store_close_alarm_finish (fixture->store, result, &error));
  g_assert_no_error (error);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  gint64 burglary_old;
  gint64 burglary_new;
  gint64 fire;
  gint64 tamper;
  gint64 medical;
  gint64 panic;

  /* Stored before the queue exists: it loads them. Received in this order (oldest first). */
  burglary_new = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 1, "1130", "b-new",
                                                                   now - 10 * G_USEC_PER_SEC));
  tamper = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 2, "1137", "t",
                                                             now - 50 * G_USEC_PER_SEC));
  fire = store_event (fixture, vigil_test_store_cid_event (PANEL_B, 3, "1110", "f",
                                                           now - 5 * G_USEC_PER_SEC));
  burglary_old = store_event (fixture, vigil_test_store_cid_event (PANEL_B, 4, "1130", "b-old",
                                                                   now - 40 * G_USEC_PER_SEC));
  /* Not alarms: an arming, a heartbeat, a restore with nothing to restore. */
  store_event (fixture, vigil_test_store_cid_event (PANEL_A, 0, "3401", "arm", now));
  store_event (fixture, vigil_test_store_heartbeat (1, now));

  open_queue (fixture);

  /* Priority first (fire, then burglary, then tamper), then the oldest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 4);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 0)), ==, fire);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 1)), ==, burglary_old);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 2)), ==, burglary_new);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 3)), ==, tamper);
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 4);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 4);
  g_assert_cmpint (vigil_alarm_get_wait_seconds (item (fixture, 3)), >=, 50);

  /* A live medical alarm (life safety), newer than the fire: right after it. */
  medical = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 9, "1100", "m", now));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 1, 0, 1);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 1)), ==, medical);

  /* A panic older than everything: first. */
  panic = store_event (fixture, vigil_test_store_cid_event (PANEL_B, 0, "1129", "p",
                                                            now - 100 * G_USEC_PER_SEC));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, 0, 0, 1);
  g_assert_cmpint (vigil_alarm_get_event_id (item (fixture, 0)), ==, panic);

  /* A second tamper, newest: last. */
  store_event (fixture, vigil_test_store_cid_event (PANEL_B, 8, "1137", "t2", now));
  assert_change (fixture, 2, 6, 0, 1);

  /* The same alarm again (a replay): no change at all. */
  store_event (fixture, vigil_test_store_cid_event (PANEL_B, 0, "1129", "p",
                                                    now - 100 * G_USEC_PER_SEC));
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 7);
}

static void
test_acknowledge_and_close (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  gint64 first;
  gint64 second;
  gint64 third;

  open_queue (fixture);
  first = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 1, "1130", "a1",
                                                            now - 3 * G_USEC_PER_SEC));
  second = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 2, "1130", "a2",
                                                             now - 2 * G_USEC_PER_SEC));
  third = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "a3",
                                                            now - 1 * G_USEC_PER_SEC));
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  assert_change (fixture, 0, 0, 0, 1);
  assert_change (fixture, 1, 1, 0, 1);
  assert_change (fixture, 2, 2, 0, 1);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 3);

  /* Acknowledging changes the alarm, not the list. */
  acknowledge (fixture, second, "alice");
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 2);
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 3);
  g_assert_cmpint (vigil_alarm_get_state (item (fixture, 1)), ==, VIGIL_ALARM_STATE_ACKNOWLEDGED);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (item (fixture, 1)), ==, "alice");

  /* Closing removes exactly that row. */
  {
    g_autoptr(VigilAlarm) closed = g_object_ref (vigil_alarm_queue_lookup (fixture->queue,
                                                                           second));

    close_alarm (fixture, second, VIGIL_RESOLUTION_REAL);
    g_assert_cmpuint (fixture->changes->len, ==, 4);
    assert_change (fixture, 3, 1, 1, 0);
    g_assert_null (vigil_alarm_queue_lookup (fixture->queue, second));
    /* Whoever still shows it sees how it ended. */
    g_assert_cmpint (vigil_alarm_get_state (closed), ==, VIGIL_ALARM_STATE_CLOSED);
    g_assert_cmpint (vigil_alarm_get_resolution (closed), ==, VIGIL_RESOLUTION_REAL);
  }
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 2);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 2);

  /* Closing a new one: removed, and the unacknowledged count goes down too. */
  close_alarm (fixture, third, VIGIL_RESOLUTION_FALSE);
  assert_change (fixture, 4, 1, 1, 0);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 1);
  close_alarm (fixture, first, VIGIL_RESOLUTION_TEST);
  assert_change (fixture, 5, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 0);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 0);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 alarm_id;
  gint64 restore_id;
  VigilAlarm *alarm;

  open_queue (fixture);
  alarm_id = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 5, "1131", "p-1", 0));
  store_event (fixture, vigil_test_store_cid_event (PANEL_A, 6, "1131", "p-2", 0));
  g_assert_cmpuint (fixture->changes->len, ==, 2);

  alarm = vigil_alarm_queue_lookup (fixture->queue, alarm_id);
  g_assert_nonnull (alarm);
  g_assert_false (vigil_alarm_get_restored (alarm));

  /* The restore marks its alarm; the alarm stays until someone closes it. */
  restore_id = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 5, "3131", "p-3", 0));
  g_assert_true (vigil_alarm_get_restored (alarm));
  g_assert_cmpint (vigil_alarm_get_restore_event_id (alarm), ==, restore_id);
  g_assert_nonnull (vigil_alarm_get_restore_event (alarm));
  g_assert_cmpstr (vigil_alarm_get_restore_event (alarm)->cid_code, ==, "3131");
  g_assert_false (vigil_alarm_get_restored (vigil_alarm_queue_lookup (fixture->queue,
                                                                      alarm_id + 1)));
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 2);

  /* After a restart the queue knows it was restored. */
  g_clear_object (&fixture->queue);
  open_queue (fixture);
  alarm = vigil_alarm_queue_lookup (fixture->queue, alarm_id);
  g_assert_nonnull (alarm);
  g_assert_true (vigil_alarm_get_restored (alarm));
  g_assert_nonnull (vigil_alarm_get_restore_event (alarm));
}

static void
test_push (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(VigilEvent) alarm_event = vigil_test_store_cid_event (PANEL_A, 7, "1130", "push-1", 0);
  g_autoptr(VigilEvent) routine = vigil_test_store_cid_event (PANEL_A, 0, "3401", "push-2", 0);
  g_autoptr(VigilEvent) replay = NULL;
  VigilAlarm *alarm;
  gint64 id;

  open_queue (fixture);

  /* Shown at once, before the store has seen it: no main loop iteration in between. */
  g_assert_true (vigil_alarm_queue_push (fixture->queue, alarm_event));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 0, 0, 1);
  alarm = item (fixture, 0);
  g_assert_true (vigil_alarm_get_pending (alarm));
  g_assert_cmpint (vigil_alarm_get_event_id (alarm), ==, 0);

  g_assert_false (vigil_alarm_queue_push (fixture->queue, alarm_event));  /* already there */
  g_assert_false (vigil_alarm_queue_push (fixture->queue, routine));      /* not an alarm */

  /* The commit gives it its id, without another change to the list. */
  wait_commit (fixture->store, alarm_event);
  id = g_array_index (fixture->ids, gint64, fixture->ids->len - 1);
  g_assert_cmpint (id, >, 0);
  g_assert_false (vigil_alarm_get_pending (alarm));
  g_assert_cmpint (vigil_alarm_get_event_id (alarm), ==, id);
  g_assert_true (vigil_alarm_queue_lookup (fixture->queue, id) == alarm);
  g_assert_cmpuint (fixture->changes->len, ==, 1);

  /* Once closed, a replay of it is pushed (the queue cannot know yet)… */
  close_alarm (fixture, id, VIGIL_RESOLUTION_FALSE);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  replay = vigil_test_store_cid_event (PANEL_A, 7, "1130", "push-1", 0);
  g_assert_true (vigil_alarm_queue_push (fixture->queue, replay));
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  assert_change (fixture, 2, 0, 0, 1);

  /* …and goes when the store says it had it already. */
  wait_commit (fixture->store, replay);
  g_assert_cmpint (g_array_index (fixture->ids, gint64, fixture->ids->len - 1), ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 4);
  assert_change (fixture, 3, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 0);
}

static void
test_restart (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 acknowledged;
  gint64 closed;
  gint64 waiting;

  acknowledged = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 1, "1130", "s1", 0));
  closed = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 2, "1130", "s2", 0));
  waiting = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 3, "1130", "s3", 0));
  acknowledge (fixture, acknowledged, "alice");
  close_alarm (fixture, closed, VIGIL_RESOLUTION_REAL);

  vigil_event_store_close (fixture->store);
  g_clear_object (&fixture->store);
  fixture->store = vigil_test_store_open (fixture->path);
  g_signal_connect (fixture->store, "committed", G_CALLBACK (on_committed), fixture);

  /* What was open is back, as it was left; what was closed is not. */
  open_queue (fixture);
  g_assert_cmpuint (vigil_alarm_queue_get_n_open (fixture->queue), ==, 2);
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (fixture->queue), ==, 1);
  g_assert_null (vigil_alarm_queue_lookup (fixture->queue, closed));
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (vigil_alarm_queue_lookup (fixture->queue,
                                                                              acknowledged)),
                   ==, "alice");
  g_assert_cmpint (vigil_alarm_get_state (vigil_alarm_queue_lookup (fixture->queue, waiting)),
                   ==, VIGIL_ALARM_STATE_NEW);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_live_during_load (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VigilAlarmQueue) queue = NULL;
  guint n_notify = 0;
  gint64 early;
  gint64 later;

  early = store_event (fixture, vigil_test_store_cid_event (PANEL_A, 1, "1130", "l1", 0));

  /* Created, and before its load returns: a new alarm, and the old one acknowledged. */
  queue = vigil_alarm_queue_new (fixture->store);
  g_signal_connect (queue, "notify::n-open", G_CALLBACK (count_notify), &n_notify);
  {
    g_autoptr(VigilEvent) event = vigil_test_store_cid_event (PANEL_A, 2, "1130", "l2", 0);

    vigil_event_store_append (fixture->store, event);
  }
  vigil_event_store_acknowledge_async (fixture->store, early, "alice", NULL, NULL, NULL);
  while (!vigil_alarm_queue_get_loaded (queue))
    g_main_context_iteration (NULL, TRUE);
  vigil_test_store_flush (fixture->store);

  /* Each alarm once, and up to date. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);
  g_assert_cmpint (vigil_alarm_get_state (vigil_alarm_queue_lookup (queue, early)), ==,
                   VIGIL_ALARM_STATE_ACKNOWLEDGED);
  later = g_array_index (fixture->ids, gint64, fixture->ids->len - 1);
  g_assert_nonnull (vigil_alarm_queue_lookup (queue, later));
  g_assert_cmpuint (vigil_alarm_queue_get_n_unacknowledged (queue), ==, 1);
  g_assert_cmpuint (n_notify, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/alarm-queue/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("order", test_order);
  ADD ("acknowledge-and-close", test_acknowledge_and_close);
  ADD ("restore", test_restore);
  ADD ("push", test_push);
  ADD ("restart", test_restart);
  ADD ("live-during-load", test_live_during_load);

#undef ADD

  return g_test_run ();
}
