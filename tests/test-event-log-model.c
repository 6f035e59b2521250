/* test-event-log-model.c — the event log model: paging, filters, new events at the top
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-event-log-model.h"
#include "vigil-event-row-private.h"
#include "vigil-test-store.h"

#define PANEL_A "2cd6716d-767f-4756-ac55-50276a5e3b4a"
#define PANEL_B "9f0c1d2e-3b4a-4c5d-8e6f-708192a3b4c5"

/* The model caches at most 16 pages of 256 rows; a little more for rows in flight. */
#define ROWS_BOUND (16 * 256 + 256)

typedef struct
{
  char *dir;
  VigilEventStore *store;
  VigilEventLogModel *model;
  GArray *changes;   /* guint[3]: position, removed, added */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (fixture->changes, change, 3);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = vigil_test_store_make_dir ();
  path = g_build_filename (fixture->dir, "events.db", NULL);
  fixture->store = vigil_test_store_open (path);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);
  vigil_test_store_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  vigil_test_store_wait_until (done, data);
}

static gboolean
model_settled (gpointer data)
{
  return !vigil_event_log_model_get_loading (VIGIL_EVENT_LOG_MODEL (data));
}

static gboolean
row_loaded (gpointer data)
{
  return vigil_event_row_get_loaded (VIGIL_EVENT_ROW (data));
}

static void
open_model (Fixture                *fixture,
            const VigilEventFilter *filter)
{
  g_clear_object (&fixture->model);
  fixture->model = vigil_event_log_model_new (fixture->store);
  vigil_event_log_model_set_filter (fixture->model, filter);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed), fixture);
  wait_until (model_settled, fixture->model);
  g_array_set_size (fixture->changes, 0);
}

static guint
n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
}

/* The row at @position, waited for until its page has been read. */
static VigilEventRow *
row_at (Fixture *fixture,
        guint    position)
{
  VigilEventRow *row = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);

  g_assert_nonnull (row);
  wait_until (row_loaded, row);
  return row;
}

static gint64
id_at (Fixture *fixture,
       guint    position)
{
  g_autoptr(VigilEventRow) row = row_at (fixture, position);

  return vigil_event_row_get_id (row);
}

static void
append_owned (VigilEventStore *store,
              VigilEvent      *event)
{
  vigil_event_store_append (store, event);
  vigil_event_unref (event);
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  /* Smaller under the sanitizers, which run ten times slower. */
  const guint n = g_getenv ("VIGIL_TEST_SANITIZED") ? 5000 : 50000;
  guint baseline;
  guint peak = 0;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "page-%u", i);
      append_owned (fixture->store, vigil_test_store_cid_event (i % 2 ? PANEL_A : PANEL_B,
                                                                i % 32, "1130", uuid, 0));
    }
  vigil_test_store_flush (fixture->store);

  baseline = vigil_event_row_get_n_instances ();
  start = g_get_monotonic_time ();
  fixture->model = vigil_event_log_model_new (fixture->store);
  /* The first page comes before the count: the model is usable at once. */
  while (n_items (fixture) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("first page of %u events after %.1f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);
  wait_until (model_settled, fixture->model);
  g_test_message ("count after %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_items (fixture), ==, n);

  /* Newest first; ids were given in order of appending, so position p is id n - p. Scroll
   * through the whole log: the rows in memory stay bounded. */
  for (guint p = 0; p < n; p += 61)
    {
      g_assert_cmpint (id_at (fixture, p), ==, (gint64) (n - p));
      peak = MAX (peak, vigil_event_row_get_n_instances () - baseline);
    }
  g_test_message ("at most %u rows in memory while scrolling", peak);
  g_assert_cmpuint (peak, <=, ROWS_BOUND);

  /* Jumps: the end (from the oldest id, not a million-row OFFSET), the middle, back. */
  g_assert_cmpint (id_at (fixture, n - 1), ==, 1);
  g_assert_cmpint (id_at (fixture, n - 300), ==, 300);
  g_assert_cmpint (id_at (fixture, n / 2 + 17), ==, (gint64) (n / 2 - 17));
  g_assert_cmpint (id_at (fixture, 3), ==, (gint64) (n - 3));
  g_assert_cmpint (id_at (fixture, n * 5 / 8 + 11), ==, (gint64) (n - (n * 5 / 8 + 11)));
  g_assert_cmpuint (vigil_event_row_get_n_instances () - baseline, <=, ROWS_BOUND);

  /* Out of range is NULL, as GListModel says. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), n));
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
test_placeholder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VigilEventRow) row = NULL;
  g_autoptr(VigilEventRow) again = NULL;
  gboolean notified = FALSE;

  for (guint i = 0; i < 1000; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "ph-%u", i);
      append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 2, "1130", uuid, 0));
    }
  vigil_test_store_flush (fixture->store);
  open_model (fixture, NULL);

  /* A row of a page not read yet answers at once, empty, and fills in by notification. */
  row = g_list_model_get_item (G_LIST_MODEL (fixture->model), 700);
  g_assert_false (vigil_event_row_get_loaded (row));
  g_assert_cmpint (vigil_event_row_get_id (row), ==, 0);
  g_signal_connect_swapped (row, "notify::loaded", G_CALLBACK (set_flag), &notified);
  wait_until (row_loaded, row);
  g_assert_true (notified);
  g_assert_cmpint (vigil_event_row_get_id (row), ==, 300);
  g_assert_cmpstr (vigil_event_row_get_cid_code (row), ==, "1130");
  g_assert_cmpstr (vigil_event_row_get_dev_index (row), ==, PANEL_A);
  g_assert_cmpuint (vigil_event_row_get_priority (row), ==, VIGIL_PRIORITY_INTRUSION);
  g_assert_true (vigil_event_row_get_is_alarm (row));
  g_assert_nonnull (vigil_event_row_get_panel_time (row));

  /* The same position gives the same object while its page is cached. */
  again = g_list_model_get_item (G_LIST_MODEL (fixture->model), 700);
  g_assert_true (again == row);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VigilEventFilter) filter = NULL;
  gint64 t0 = g_get_real_time () - G_TIME_SPAN_HOUR;

  /* 900 events: every third a fire on panel B, the rest burglaries on A, with a heartbeat
   * after each ten; one second apart. */
  for (guint i = 0; i < 900; i++)
    {
      char uuid[32];
      gint64 at = t0 + (gint64) i * G_USEC_PER_SEC;

      g_snprintf (uuid, sizeof uuid, "flt-%u", i);
      if (i % 3 == 0)
        append_owned (fixture->store, vigil_test_store_cid_event (PANEL_B, 1, "1110", uuid, at));
      else
        append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 2, "1130", uuid, at));
      if (i % 10 == 9)
        append_owned (fixture->store, vigil_test_store_heartbeat (i, at));
    }
  vigil_event_store_set_zone_name (fixture->store, PANEL_B, 1, "Boiler room");
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_B, 1, "1110", "named",
                                                            t0 + 901 * G_USEC_PER_SEC));
  vigil_test_store_flush (fixture->store);

  /* By type. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_add_type (filter, VIGIL_EVENT_HEARTBEAT);
  open_model (fixture, filter);
  g_assert_cmpuint (n_items (fixture), ==, 90);
  for (guint p = 0; p < 90; p += 7)
    {
      g_autoptr(VigilEventRow) row = row_at (fixture, p);

      g_assert_cmpint (vigil_event_row_get_kind (row), ==, VIGIL_EVENT_HEARTBEAT);
    }
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* By panel: 301 fires on B, more than one page. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_add_device (filter, PANEL_B);
  vigil_event_log_model_set_filter (fixture->model, filter);
  wait_until (model_settled, fixture->model);
  g_assert_cmpuint (n_items (fixture), ==, 301);
  for (guint p = 0; p < 301; p += 13)
    {
      g_autoptr(VigilEventRow) row = row_at (fixture, p);

      g_assert_cmpstr (vigil_event_row_get_dev_index (row), ==, PANEL_B);
    }
  {
    g_autoptr(VigilEventRow) last = row_at (fixture, 300);

    g_assert_cmpint (vigil_event_row_get_received_at (last), ==, t0);
  }
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* By text: the zone's name, given before the last event only. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_set_text (filter, "boiler");
  vigil_event_log_model_set_filter (fixture->model, filter);
  wait_until (model_settled, fixture->model);
  g_assert_cmpuint (n_items (fixture), ==, 1);
  {
    g_autoptr(VigilEventRow) row = row_at (fixture, 0);

    g_assert_cmpstr (vigil_event_row_get_zone_name (row), ==, "Boiler room");
  }

  /* Text and panel together: fires, 300 of them before the name existed plus the named one. */
  vigil_event_filter_set_text (filter, "fire");
  vigil_event_filter_add_device (filter, PANEL_B);
  vigil_event_log_model_set_filter (fixture->model, filter);
  wait_until (model_settled, fixture->model);
  g_assert_cmpuint (n_items (fixture), ==, 301);
  g_assert_cmpint (id_at (fixture, 290) , >, 0);
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* By time: [t0 + 100 s, t0 + 200 s) holds events 100…199 and 10 heartbeats. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_set_time_range (filter, t0 + 100 * G_USEC_PER_SEC, t0 + 200 * G_USEC_PER_SEC);
  vigil_event_log_model_set_filter (fixture->model, filter);
  wait_until (model_settled, fixture->model);
  g_assert_cmpuint (n_items (fixture), ==, 110);
  {
    g_autoptr(VigilEventRow) first = row_at (fixture, 0);
    g_autoptr(VigilEventRow) last = row_at (fixture, 109);

    g_assert_cmpint (vigil_event_row_get_received_at (first), ==, t0 + 199 * G_USEC_PER_SEC);
    g_assert_cmpint (vigil_event_row_get_received_at (last), ==, t0 + 100 * G_USEC_PER_SEC);
  }
  g_clear_pointer (&filter, vigil_event_filter_free);

  /* A filter replaced before its answer arrives: only the last one counts. */
  filter = vigil_event_filter_new ();
  vigil_event_filter_add_type (filter, VIGIL_EVENT_HEARTBEAT);
  vigil_event_log_model_set_filter (fixture->model, filter);
  vigil_event_log_model_set_filter (fixture->model, NULL);
  wait_until (model_settled, fixture->model);
  g_assert_cmpuint (n_items (fixture), ==, 991);
}

static gboolean
has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (G_LIST_MODEL (args[0])) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_n_items (Fixture *fixture,
              guint    n)
{
  gpointer args[2] = { fixture->model, GUINT_TO_POINTER (n) };

  wait_until (has_n_items, args);
}

static void
test_new_at_top (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  guint added = 0;

  for (guint i = 0; i < 600; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "top-%u", i);
      append_owned (fixture->store, vigil_test_store_cid_event (i % 2 ? PANEL_A : PANEL_B, 3,
                                                                "1130", uuid, 0));
    }
  vigil_test_store_flush (fixture->store);

  vigil_event_filter_add_device (filter, PANEL_A);
  open_model (fixture, filter);
  g_assert_cmpuint (n_items (fixture), ==, 300);
  g_assert_cmpint (id_at (fixture, 0), ==, 600);

  /* Two for A, one for B: the two appear at the top, newest first; B does not. */
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 3, "1130", "new-1", 0));
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_B, 3, "1130", "new-2", 0));
  append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 3, "1110", "new-3", 0));
  vigil_test_store_flush (fixture->store);
  wait_n_items (fixture, 302);

  for (guint i = 0; i < fixture->changes->len; i += 3)
    {
      guint *change = &g_array_index (fixture->changes, guint, i);

      g_assert_cmpuint (change[0], ==, 0);
      g_assert_cmpuint (change[1], ==, 0);
      added += change[2];
    }
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpint (id_at (fixture, 0), ==, 603);
  g_assert_cmpint (id_at (fixture, 1), ==, 601);
  g_assert_cmpint (id_at (fixture, 2), ==, 600);
  g_assert_cmpint (id_at (fixture, 301), ==, 2);
}

static void
test_many_new (Fixture       *fixture,
               gconstpointer  data)
{
  const guint before = 700;
  const guint after = 2600;

  for (guint i = 0; i < before; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "old-%u", i);
      append_owned (fixture->store, vigil_test_store_cid_event (PANEL_A, 3, "1130", uuid, 0));
    }
  vigil_test_store_flush (fixture->store);
  open_model (fixture, NULL);
  g_assert_cmpint (id_at (fixture, 650), ==, before - 650);

  /* More than the model keeps above its snapshot: it moves the snapshot up on the way, and
   * every position still holds the right row. */
  for (guint i = 0; i < after; i++)
    {
      char uuid[32];

      g_snprintf (uuid, sizeof uuid, "new-%u", i);
      append_owned (fixture->store, vigil_test_store_cid_event (PANEL_B, 4, "1130", uuid, 0));
      if (i % 500 == 499)
        vigil_test_store_flush (fixture->store);
    }
  vigil_test_store_flush (fixture->store);
  wait_n_items (fixture, before + after);

  for (guint p = 0; p < before + after; p += 37)
    g_assert_cmpint (id_at (fixture, p), ==, (gint64) (before + after - p));
  g_assert_cmpint (id_at (fixture, before + after - 1), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/event-log-model/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("paging", test_paging);
  ADD ("placeholder", test_placeholder);
  ADD ("filters", test_filters);
  ADD ("new-at-top", test_new_at_top);
  ADD ("many-new", test_many_new);

#undef ADD

  return g_test_run ();
}
