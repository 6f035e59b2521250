/* test-event-log-view.c — the event log page of the real window, its filters and its export
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-event-log-view"

#include <string.h>

#include <glib/gstdio.h>

#include "vigil-alarm-row.h"
#include "vigil-csv-export.h"
#include "vigil-event-row-private.h"
#include "vigil-test-gui.h"

#define N_PANELS 2

#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SLOW_BUILD 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__)
# define SLOW_BUILD 1
#endif

/* Enough pages that only paging can show them; fewer where every allocation is checked. */
#ifdef SLOW_BUILD
# define N_LARGE 5000
#else
# define N_LARGE 30000
#endif
/* Events that come while the log is hidden: fewer than the model reads as rows, and more (it
 * then counts them and reads them as pages). */
#define N_HIDDEN_FEW 300
#define N_HIDDEN_MANY 1500
/* A name a spreadsheet would run as a formula, with a comma and quotes to escape. */
#define HOSTILE_NAME "=HYPERLINK(\"http://x\",\"Warehouse\")"

typedef struct
{
  guint fire_zone;
  char *fire_zone_name;
  char *fire_dev_index;
  guint tamper_zone;
  char *tamper_dev_index;
  gboolean on;
} SimZones;

static void
name_panel (VigilSimGateway *gateway,
            gpointer         user_data)
{
  vigil_sim_panel_set_name (vigil_sim_gateway_get_panel (gateway, 0), HOSTILE_NAME);
}

static void
find_zones (VigilSimGateway *gateway,
            gpointer         user_data)
{
  SimZones *zones = user_data;
  VigilSimPanel *first = vigil_sim_gateway_get_panel (gateway, 0);
  VigilSimPanel *second = vigil_sim_gateway_get_panel (gateway, 1);

  zones->fire_zone = vigil_sim_panel_find_zone (first, VIGIL_SIM_ZONE_FIRE, 0);
  zones->fire_zone_name = g_strdup (vigil_sim_panel_get_zone_name (first, zones->fire_zone));
  zones->fire_dev_index = g_strdup (vigil_sim_panel_get_dev_index (first));
  zones->tamper_zone = vigil_sim_panel_find_zone (second, VIGIL_SIM_ZONE_INSTANT, 0);
  zones->tamper_dev_index = g_strdup (vigil_sim_panel_get_dev_index (second));
}

static void
raise_events (VigilSimGateway *gateway,
              gpointer         user_data)
{
  SimZones *zones = user_data;

  vigil_sim_panel_set_zone_open (vigil_sim_gateway_get_panel (gateway, 0), zones->fire_zone, zones->on);
  vigil_sim_panel_set_zone_tamper (vigil_sim_gateway_get_panel (gateway, 1), zones->tamper_zone, zones->on);
}

typedef struct
{
  VigilTestSim *sim;
  VigilWindow *window;
  VigilEventLogView *view;
  VigilJournal *journal;
  SimZones zones;
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_settings_set_string (vigil_test_gui_settings (), "operator", "Lee Marsh");

  fixture->dir = g_dir_make_tmp ("vigil-log-view-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->sim = vigil_test_sim_new_full (GPOINTER_TO_UINT (data), N_PANELS, name_panel, NULL);
  vigil_test_sim_invoke_sync (fixture->sim, find_zones, &fixture->zones);
  g_assert_cmpuint (fixture->zones.fire_zone, >, 0);
  g_assert_cmpuint (fixture->zones.tamper_zone, >, 0);

  fixture->window = vigil_test_gui_new_window ();
  fixture->view = vigil_window_get_event_log_view (fixture->window);
  fixture->journal = vigil_window_get_journal (fixture->window);
  vigil_test_gui_connect (fixture->window, fixture->sim, N_PANELS);
  vigil_test_gui_wait (vigil_event_log_view_get_model (fixture->view) != NULL, VIGIL_TEST_GUI_TIMEOUT);

  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (fixture->window), "log");
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)), VIGIL_TEST_GUI_TIMEOUT);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  vigil_test_gui_close_window (fixture->window);
  g_clear_pointer (&fixture->sim, vigil_test_sim_free);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->zones.fire_zone_name, g_free);
  g_clear_pointer (&fixture->zones.fire_dev_index, g_free);
  g_clear_pointer (&fixture->zones.tamper_dev_index, g_free);
}

/* ---- reading what the log shows ---- */

static GListModel *
model_of (Fixture *fixture)
{
  return G_LIST_MODEL (vigil_event_log_view_get_model (fixture->view));
}

static gboolean
settled (Fixture *fixture)
{
  GListModel *model = model_of (fixture);
  guint n = g_list_model_get_n_items (model);

  if (vigil_event_log_model_get_loading (VIGIL_EVENT_LOG_MODEL (model)))
    return FALSE;
  for (guint i = 0; i < MIN (n, 50); i++)
    {
      g_autoptr(VigilEventRow) row = g_list_model_get_item (model, i);

      if (!vigil_event_row_get_loaded (row))
        return FALSE;
    }
  return TRUE;
}

/* How many of the first rows have @code from @dev_index. */
static guint
count_code (Fixture    *fixture,
            const char *dev_index,
            const char *code)
{
  GListModel *model = model_of (fixture);
  guint found = 0;

  for (guint i = 0; i < MIN (g_list_model_get_n_items (model), 50); i++)
    {
      g_autoptr(VigilEventRow) row = g_list_model_get_item (model, i);

      if (vigil_event_row_get_loaded (row) &&
          g_strcmp0 (vigil_event_row_get_dev_index (row), dev_index) == 0 &&
          g_strcmp0 (vigil_event_row_get_cid_code (row), code) == 0)
        found++;
    }
  return found;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0 && gtk_widget_get_mapped (widget);
}

static GtkWidget *
column_view_of (Fixture *fixture)
{
  return vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
}

static void
set_events (Fixture  *fixture,
       gboolean  on)
{
  fixture->zones.on = on;
  vigil_test_sim_invoke_sync (fixture->sim, raise_events, &fixture->zones);
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* ---- tests ---- */

/* The panel's events appear in the columns, a search narrows them, the raw event is shown. */
static void
test_shows_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *search;
  g_autofree char *raw = NULL;

  set_events (fixture, TRUE);
  vigil_test_gui_wait (count_code (fixture, fixture->zones.fire_dev_index, "1110") == 1 &&
                       count_code (fixture, fixture->zones.tamper_dev_index, "1383") == 1,
                       VIGIL_TEST_GUI_TIMEOUT);

  /* In the columns themselves, as the operator reads them. */
  vigil_test_gui_wait (vigil_test_gui_find (column_view_of (fixture), GTK_TYPE_LABEL, label_is, "1110") != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (vigil_test_gui_find (column_view_of (fixture), GTK_TYPE_LABEL, label_is, "1383"));

  /* Typing the zone's name (the delay of a search entry, then the store's full-text search). */
  search = vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), fixture->zones.fire_zone_name);
  vigil_test_gui_wait (vigil_event_log_view_get_filter (fixture->view) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (settled (fixture) &&
                       count_code (fixture, fixture->zones.tamper_dev_index, "1383") == 0, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpuint (count_code (fixture, fixture->zones.fire_dev_index, "1110"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model_of (fixture)); i++)
    {
      g_autoptr(VigilEventRow) row = g_list_model_get_item (model_of (fixture), i);

      g_assert_cmpstr (vigil_event_row_get_zone_name (row), ==, fixture->zones.fire_zone_name);
    }

  /* A word nothing has: the empty page, not an empty table. */
  vigil_event_log_view_set_search (fixture->view, "zzzznothing");
  vigil_test_gui_wait (settled (fixture) && g_list_model_get_n_items (model_of (fixture)) == 0,
                       VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_test_gui_find (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, NULL, NULL) != NULL &&
                       gtk_widget_get_mapped (vigil_test_gui_find (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE,
                                                                   NULL, NULL)),
                       VIGIL_TEST_GUI_TIMEOUT);

  /* The raw event as the gateway sent it. */
  vigil_event_log_view_set_search (fixture->view, fixture->zones.fire_zone_name);
  vigil_test_gui_wait (settled (fixture) && g_list_model_get_n_items (model_of (fixture)) > 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_event_log_view_show_raw (fixture->view, 0);
  vigil_test_gui_wait ((g_free (raw), raw = vigil_event_log_view_dup_raw_text (fixture->view),
                        strstr (raw, "EventNotificationAlert") != NULL),
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (strstr (raw, "1110"));
}

static char *
export (Fixture    *fixture,
        const char *name,
        gint64     *n_rows)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  vigil_event_log_view_export_async (fixture->view, file, NULL, got_result, &result);
  vigil_test_gui_wait (result != NULL, VIGIL_TEST_GUI_TIMEOUT);
  *n_rows = vigil_event_log_view_export_finish (fixture->view, result, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* The CSV of a filtered log holds exactly the rows shown, escaped, formulas defused. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *fire_cell = NULL;
  gint64 n_rows = -1;
  guint n_lines;

  set_events (fixture, TRUE);
  set_events (fixture, FALSE);
  /* The alarm and its restore, and the tamper and its restore. */
  vigil_test_gui_wait (count_code (fixture, fixture->zones.fire_dev_index, "3110") == 1 &&
                       count_code (fixture, fixture->zones.tamper_dev_index, "3383") == 1,
                       VIGIL_TEST_GUI_TIMEOUT);

  vigil_event_log_view_set_search (fixture->view, fixture->zones.fire_zone_name);
  vigil_test_gui_wait (settled (fixture) && count_code (fixture, fixture->zones.tamper_dev_index, "1383") == 0,
                       VIGIL_TEST_GUI_TIMEOUT);

  contents = export (fixture, "fire.csv", &n_rows);
  g_assert_cmpint (n_rows, ==, g_list_model_get_n_items (model_of (fixture)));
  g_assert_cmpint (n_rows, >=, 2);

  /* RFC 4180: CR LF after every record, the header first. */
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, (guint) n_rows + 2);   /* header, rows, "" after the last CR LF */
  g_assert_cmpstr (lines[0], ==, "id,received_at,panel_time,dev_index,panel_name,event_type,event_state,cid_code,"
                                 "restore,partition,zone,zone_name,description,priority,user_name,status,"
                                 "alarm_state,operator,has_video");

  /* The fire zone's two events, newest first, nothing of the other panel. */
  g_assert_nonnull (strstr (lines[1], ",3110,true,"));
  g_assert_nonnull (strstr (lines[2], ",1110,false,"));
  for (guint i = 1; i + 1 < n_lines; i++)
    {
      g_assert_null (strstr (lines[i], fixture->zones.tamper_dev_index));
      g_assert_nonnull (strstr (lines[i], fixture->zones.fire_zone_name));
    }

  /* The panel's hostile name: quoted, its quotes doubled, and a text cell, not a formula. */
  fire_cell = g_strdup_printf (",%s,\"'=HYPERLINK(\"\"http://x\"\",\"\"Warehouse\"\")\",CIDAlarm,",
                               fixture->zones.fire_dev_index);
  g_assert_nonnull (strstr (lines[2], fire_cell));
}

/* The cell rules on their own. */
static void
test_csv_cells (void)
{
  static const struct {
    const char *value;
    gboolean text;
    const char *cell;
  } cases[] = {
    { "plain", TRUE, "plain" },
    { "a,b", TRUE, "\"a,b\"" },
    { "say \"hi\"", TRUE, "\"say \"\"hi\"\"\"" },
    { "two\nlines", TRUE, "\"two\nlines\"" },
    { "=1+2", TRUE, "'=1+2" },
    { "+41 22", TRUE, "'+41 22" },
    { "-cmd", TRUE, "'-cmd" },
    { "@SUM(A1)", TRUE, "'@SUM(A1)" },
    { "\tx", TRUE, "'\tx" },
    { "=a,b", TRUE, "\"'=a,b\"" },
    { "-1", FALSE, "-1" },
    { NULL, TRUE, "" },
    { "", TRUE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      vigil_csv_append_cell (line, cases[i].value, cases[i].text);
      g_assert_cmpstr (line->str, ==, cases[i].cell);
    }
}

/* One CID event of panel "@name-panel" straight into the store (not yet committed), its UUID
 * "@name-@serial". */
static void
append_cid (VigilEventStore *store,
            const char      *name,
            guint            zone,
            const char      *cid_code,
            guint            serial)
{
  g_autofree char *json = NULL;
  g_autoptr(VigilEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  json = g_strdup_printf ("{\"EventNotificationAlert\":{\"dateTime\":\"2026-03-01T10:00:00+01:00\","
                          "\"eventType\":\"CIDAlarm\",\"eventState\":\"active\",\"devIndex\":\"%s-panel\","
                          "\"CIDAlarm\":{\"subSys\":1,\"zoneNo\":%u,\"CIDCode\":\"%s\",\"CIDType\":1,"
                          "\"UUID\":\"%s-%u\"}}}", name, zone, cid_code, name, serial);
  event = vigil_event_parse (json, strlen (json), NULL, NULL, &error);
  g_assert_no_error (error);
  vigil_event_store_append (store, event);
}

/* A large log opens with its first page, and scrolling it never holds more than a few pages. */
static void
test_large_log (Fixture       *fixture,
                gconstpointer  data)
{
  VigilEventStore *store = vigil_journal_get_store (fixture->journal);
  const guint n = N_LARGE;
  g_autoptr(VigilEventRow) first = NULL;
  g_autoptr(VigilEventRow) last = NULL;
  guint baseline;
  gint64 start;

  for (guint i = 0; i < n; i++)
    append_cid (store, "bulk", 1 + i % 64, "1130", i);
  g_assert_true (vigil_event_store_flush_sync (store, NULL));

  /* A search that matches nothing, then none: the log is read again from the top, as when the
   * console opens. */
  vigil_event_log_view_set_search (fixture->view, "zzzznothing");
  vigil_test_gui_wait (settled (fixture) && g_list_model_get_n_items (model_of (fixture)) == 0,
                       VIGIL_TEST_GUI_TIMEOUT);
  baseline = vigil_event_row_get_n_instances ();
  start = g_get_monotonic_time ();
  vigil_event_log_view_set_search (fixture->view, NULL);
  vigil_test_gui_wait (g_list_model_get_n_items (model_of (fixture)) > 0 &&
                       vigil_test_gui_find (column_view_of (fixture), GTK_TYPE_LABEL, label_is, "1130") != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_test_message ("the first rows of %u events shown after %.0f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);
  vigil_test_gui_wait (settled (fixture) && g_list_model_get_n_items (model_of (fixture)) >= n,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_test_message ("counted after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* The columns show the top; the bottom is one jump away and read alone. */
  first = g_list_model_get_item (model_of (fixture), 0);
  last = g_list_model_get_item (model_of (fixture), g_list_model_get_n_items (model_of (fixture)) - 1);
  vigil_test_gui_wait (vigil_event_row_get_loaded (last), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpint (vigil_event_row_get_id (first), >, vigil_event_row_get_id (last));
  g_test_message ("%u rows in memory", vigil_event_row_get_n_instances () - baseline);
  g_assert_cmpuint (vigil_event_row_get_n_instances () - baseline, <=, 6000);
}

/* ---- the log hidden, and alarms meanwhile ---- */

static void
show_page (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (fixture->window), name);
}

/* Routine events of a panel of their own, straight into the store: zone first … first + n - 1,
 * the last the newest. Returns once they are committed and the commits reached the main loop. */
static void
append_numbered (Fixture *fixture,
                 guint    first,
                 guint    n)
{
  VigilEventStore *store = vigil_journal_get_store (fixture->journal);

  for (guint i = first; i < first + n; i++)
    append_cid (store, "hidden", i, "1602", i);
  g_assert_true (vigil_event_store_flush_sync (store, NULL));
  vigil_test_gui_run_for (300);
}

/* The rows of "hidden-panel" among the first @n_rows, in order, must be zone @newest down to 1,
 * each once, and loaded. */
static gboolean
hidden_rows_in_order (Fixture *fixture,
                      guint    n_rows,
                      guint    newest)
{
  GListModel *model = model_of (fixture);
  guint expected = newest;

  for (guint i = 0; i < MIN (n_rows, g_list_model_get_n_items (model)); i++)
    {
      g_autoptr(VigilEventRow) row = g_list_model_get_item (model, i);

      if (!vigil_event_row_get_loaded (row))
        return FALSE;
      if (g_strcmp0 (vigil_event_row_get_dev_index (row), "hidden-panel") != 0)
        continue;
      g_assert_cmpint (vigil_event_row_get_zone (row), ==, expected);
      expected--;
    }
  return expected == 0;
}

/* While another page shows, the log reads nothing of what arrives; shown again, every event
 * that came is there at the top, newest first, none missing and none twice — both when it
 * reads them as rows and when there were too many and it counts them and reads pages. */
static void
test_hidden_catches_up (Fixture       *fixture,
                        gconstpointer  data)
{
  VigilEventLogModel *log = vigil_event_log_view_get_model (fixture->view);
  g_autofree char *newest_label = g_strdup_printf ("%u", N_HIDDEN_FEW + N_HIDDEN_MANY);
  guint n0;

  vigil_test_gui_wait (settled (fixture), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_false (vigil_event_log_model_get_paused (log));

  for (guint round = 0; round < 2; round++)
    {
      guint first = round == 0 ? 1 : N_HIDDEN_FEW + 1;
      guint n = round == 0 ? N_HIDDEN_FEW : N_HIDDEN_MANY;

      show_page (fixture, "alarms");
      vigil_test_gui_wait (!gtk_widget_get_mapped (GTK_WIDGET (fixture->view)), VIGIL_TEST_GUI_TIMEOUT);
      g_assert_true (vigil_event_log_model_get_paused (log));
      /* A read that had started before still ends. */
      vigil_test_gui_run_for (300);
      n0 = g_list_model_get_n_items (model_of (fixture));

      append_numbered (fixture, first, n);
      /* Hidden, the list was told of nothing. */
      g_assert_cmpuint (g_list_model_get_n_items (model_of (fixture)), ==, n0);

      show_page (fixture, "log");
      vigil_test_gui_wait (g_list_model_get_n_items (model_of (fixture)) >= n0 + n, VIGIL_TEST_GUI_TIMEOUT);
      g_assert_false (vigil_event_log_model_get_paused (log));
      g_test_message ("round %u: %u rows before, %u after", round, n0, g_list_model_get_n_items (model_of (fixture)));
      /* The gateway's own events may come meanwhile; ours are all there once, in order. */
      vigil_test_gui_wait (hidden_rows_in_order (fixture, first + n - 1 + 20, first + n - 1),
                           VIGIL_TEST_GUI_TIMEOUT);
    }

  /* And in the columns, the newest on top (the columns keep the row the operator was reading
   * where it was, as for events that arrive while the log shows: scroll up, as the operator
   * would). */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view_of (fixture))), 0);
  vigil_test_gui_wait (vigil_test_gui_find (column_view_of (fixture), GTK_TYPE_LABEL, label_is, newest_label) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
}

typedef struct
{
  Fixture *fixture;
  VigilAlarmQueueView *queue_view;
  char *key;                /* the dedup key of the fire alarm of this round */
  gboolean seen;            /* the fire alarm came off the stream */
  gboolean in_queue;        /* … and was in the queue and its zone in alarm as it did */
  gboolean painted;         /* a frame was painted after it */
  gboolean row_shown;       /* … and its row was on screen in that frame */
} AlarmWatch;

static VigilAlarm *
fire_alarm_in_queue (AlarmWatch *watch)
{
  GListModel *queue = G_LIST_MODEL (vigil_journal_get_queue (watch->fixture->journal));

  for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (queue, i);

      /* Borrowed: the queue keeps it. */
      if (g_strcmp0 (vigil_alarm_get_event (alarm)->dedup_key, watch->key) == 0)
        return alarm;
    }
  return NULL;
}

/* Connected after the journal: what the console did in the same turn of the main loop. */
static void
on_alarm_event (VigilEventStream *stream,
                VigilEvent       *event,
                AlarmWatch       *watch)
{
  Fixture *fixture = watch->fixture;
  VigilSite *site = vigil_session_get_site (vigil_window_get_session (fixture->window));
  VigilPanel *panel;
  VigilZone *zone;

  if (watch->seen || g_strcmp0 (event->cid_code, "1110") != 0 ||
      g_strcmp0 (event->dev_index, fixture->zones.fire_dev_index) != 0)
    return;

  watch->seen = TRUE;
  g_free (watch->key);
  watch->key = g_strdup (event->dedup_key);
  panel = vigil_site_lookup_panel (site, fixture->zones.fire_dev_index);
  zone = panel != NULL ? vigil_panel_lookup_zone (panel, fixture->zones.fire_zone) : NULL;
  watch->in_queue = fire_alarm_in_queue (watch) != NULL && zone != NULL && vigil_zone_get_alarm (zone);
}

static gboolean
row_of (GtkWidget     *widget,
        gconstpointer  data)
{
  return vigil_alarm_row_get_alarm (VIGIL_ALARM_ROW (widget)) == data && gtk_widget_get_mapped (widget);
}

static void
on_alarm_painted (GdkFrameClock *clock,
                  AlarmWatch    *watch)
{
  VigilAlarm *alarm;

  if (!watch->seen || watch->painted)
    return;
  watch->painted = TRUE;
  alarm = fire_alarm_in_queue (watch);
  watch->row_shown = alarm != NULL &&
                     vigil_test_gui_find (GTK_WIDGET (watch->queue_view), VIGIL_TYPE_ALARM_ROW, row_of, alarm) != NULL;
}

/* Routine events are read into the log in bursts; an alarm never waits for that. Amid a stream
 * of routine events, first with the log showing (reading in bursts) and then with the queue
 * showing: the alarm is in the queue model and its zone in alarm in the same turn of the main
 * loop that decoded it, and its row is in the very next frame painted. */
static void
test_alarm_not_batched (Fixture       *fixture,
                        gconstpointer  data)
{
  VigilEventStream *stream = vigil_session_get_stream (vigil_window_get_session (fixture->window));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  AlarmWatch watch = { fixture, vigil_window_get_alarm_queue_view (fixture->window), NULL, };
  gulong painted;

  g_signal_connect (stream, "event", G_CALLBACK (on_alarm_event), &watch);
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (on_alarm_painted), &watch);

  for (guint round = 0; round < 2; round++)
    {
      memset (&watch.seen, 0, sizeof watch - G_STRUCT_OFFSET (AlarmWatch, seen));
      show_page (fixture, round == 0 ? "log" : "alarms");
      vigil_test_gui_wait (gtk_widget_get_mapped (round == 0 ? GTK_WIDGET (fixture->view)
                                                             : GTK_WIDGET (watch.queue_view)),
                           VIGIL_TEST_GUI_TIMEOUT);

      /* Routine events just read into the log: the next read of the log waits its interval. */
      append_numbered (fixture, 1 + round * 100, 50);
      append_numbered (fixture, 51 + round * 100, 50);
      set_events (fixture, TRUE);
      vigil_test_gui_wait (watch.seen && watch.painted, VIGIL_TEST_GUI_TIMEOUT);
      g_assert_true (watch.in_queue);
      if (round == 1)
        g_assert_true (watch.row_shown);
      set_events (fixture, FALSE);
    }

  g_signal_handler_disconnect (clock, painted);
  g_free (watch.key);
  g_signal_handlers_disconnect_by_data (stream, &watch);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/event-log-view/csv-cells", test_csv_cells);
  g_test_add ("/event-log-view/shows-and-filters", Fixture, GUINT_TO_POINTER (31), fixture_setup,
              test_shows_and_filters, fixture_teardown);
  g_test_add ("/event-log-view/export", Fixture, GUINT_TO_POINTER (32), fixture_setup, test_export,
              fixture_teardown);
  g_test_add ("/event-log-view/hidden-catches-up", Fixture, GUINT_TO_POINTER (34), fixture_setup,
              test_hidden_catches_up, fixture_teardown);
  g_test_add ("/event-log-view/alarm-not-batched", Fixture, GUINT_TO_POINTER (35), fixture_setup,
              test_alarm_not_batched, fixture_teardown);
  g_test_add ("/event-log-view/large-log", Fixture, GUINT_TO_POINTER (33), fixture_setup, test_large_log,
              fixture_teardown);

  return g_test_run ();
}
