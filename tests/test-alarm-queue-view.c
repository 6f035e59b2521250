/* test-alarm-queue-view.c — alarms from the simulated gateway in the real window's queue
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-alarm-queue-view"

#include <sqlite3.h>

#include "vigil-alarm-row.h"
#include "vigil-test-gui.h"

#define N_PANELS 2
#define OPERATOR "Dana Okafor"

#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SLOW_BUILD 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__)
# define SLOW_BUILD 1
#endif

/* The promise: an alarm is on screen within a second. A sanitizer build runs the
 * same path several times slower. */
#ifdef SLOW_BUILD
# define SHOW_WITHIN_USEC (4 * G_USEC_PER_SEC)
#else
# define SHOW_WITHIN_USEC (1 * G_USEC_PER_SEC)
#endif

typedef struct
{
  guint zone;
  char *dev_index;
  gboolean open;
} FireZone;

static void
find_fire_zone (VigilSimGateway *gateway,
                gpointer         user_data)
{
  FireZone *fire = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_get_panel (gateway, 0);

  fire->zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_FIRE, 0);
  fire->dev_index = g_strdup (vigil_sim_panel_get_dev_index (panel));
}

static void
set_fire_zone (VigilSimGateway *gateway,
               gpointer         user_data)
{
  FireZone *fire = user_data;

  vigil_sim_panel_set_zone_open (vigil_sim_gateway_get_panel (gateway, 0), fire->zone, fire->open);
}

typedef struct
{
  VigilTestSim *sim;
  VigilWindow *window;
  VigilAlarmQueueView *view;
  VigilJournal *journal;
  FireZone fire;
  gint64 started;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_settings_set_string (vigil_test_gui_settings (), "operator", OPERATOR);
  g_settings_set_boolean (vigil_test_gui_settings (), "sound-enabled", TRUE);

  fixture->sim = vigil_test_sim_new_full (GPOINTER_TO_UINT (data), N_PANELS, NULL, NULL);
  vigil_test_sim_invoke_sync (fixture->sim, find_fire_zone, &fixture->fire);
  g_assert_cmpuint (fixture->fire.zone, >, 0);

  fixture->window = vigil_test_gui_new_window ();
  fixture->view = vigil_window_get_alarm_queue_view (fixture->window);
  fixture->journal = vigil_window_get_journal (fixture->window);
  vigil_test_gui_connect (fixture->window, fixture->sim, N_PANELS);
  vigil_test_gui_wait (vigil_journal_get_queue (fixture->journal) != NULL &&
                       vigil_alarm_queue_get_loaded (vigil_journal_get_queue (fixture->journal)),
                       VIGIL_TEST_GUI_TIMEOUT);

  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (fixture->window), "alarms");
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)), VIGIL_TEST_GUI_TIMEOUT);
  fixture->started = g_get_real_time ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vigil_test_gui_close_window (fixture->window);
  g_clear_pointer (&fixture->sim, vigil_test_sim_free);
  g_clear_pointer (&fixture->fire.dev_index, g_free);
}

/* The open alarm of the fire zone raised by this test (earlier tests of the run share the
 * store, and may have left alarms of the same zone open). */
static VigilAlarm *
find_alarm (Fixture *fixture)
{
  GListModel *model = vigil_alarm_queue_view_get_model (fixture->view);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (model, i);
      VigilEvent *event = vigil_alarm_get_event (alarm);

      if (g_strcmp0 (event->dev_index, fixture->fire.dev_index) == 0 &&
          event->zone == (gint) fixture->fire.zone && event->cid_event == 110 &&
          vigil_alarm_get_received_at (alarm) >= fixture->started)
        return alarm;
    }
  return NULL;
}

static gboolean
row_shows (GtkWidget     *widget,
           gconstpointer  data)
{
  return vigil_alarm_row_get_alarm (VIGIL_ALARM_ROW (widget)) == data && gtk_widget_get_mapped (widget);
}

static VigilAlarmRow *
find_row (Fixture    *fixture,
          VigilAlarm *alarm)
{
  if (alarm == NULL)
    return NULL;
  return (VigilAlarmRow *) vigil_test_gui_find (GTK_WIDGET (fixture->view), VIGIL_TYPE_ALARM_ROW, row_shows, alarm);
}

static VigilAlarm *
raise_fire (Fixture *fixture)
{
  gint64 raised;
  gint64 shown;
  VigilAlarm *alarm;

  fixture->fire.open = TRUE;
  raised = g_get_monotonic_time ();
  vigil_test_sim_invoke_sync (fixture->sim, set_fire_zone, &fixture->fire);
  vigil_test_gui_wait (find_row (fixture, find_alarm (fixture)) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  shown = g_get_monotonic_time ();

  g_test_message ("the fire alarm was on screen after %" G_GINT64_FORMAT " ms", (shown - raised) / 1000);
  g_assert_cmpint (shown - raised, <=, SHOW_WITHIN_USEC);

  alarm = find_alarm (fixture);
  /* Stored: it has a row, which acknowledging needs. */
  vigil_test_gui_wait (!vigil_alarm_get_pending (alarm), VIGIL_TEST_GUI_TIMEOUT);
  return alarm;
}

/* ---- store helpers ---- */

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static VigilAlarm *
stored_alarm (Fixture *fixture,
              gint64   event_id)
{
  VigilEventStore *store = vigil_journal_get_store (fixture->journal);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VigilAlarm *alarm;

  vigil_event_store_get_alarm_async (store, event_id, NULL, got_result, &result);
  vigil_test_gui_wait (result != NULL, VIGIL_TEST_GUI_TIMEOUT);
  alarm = vigil_event_store_get_alarm_finish (store, result, &error);
  g_assert_no_error (error);
  return alarm;
}

/* The audit rows about one alarm, as "action:operator" lines, read from the file itself. */
static char *
audit_of (Fixture *fixture,
          gint64   event_id)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *target = g_strdup_printf ("alarm %" G_GINT64_FORMAT, event_id);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (vigil_journal_get_path (fixture->journal), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, operator FROM audit WHERE target = ?1 ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (lines, "%s:%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* ---- tests ---- */

/* A fire alarm raised on the panel is in the queue within a second, selected, and described. */
static void
test_alarm_shows (Fixture       *fixture,
                  gconstpointer  data)
{
  VigilAlarm *alarm = raise_fire (fixture);
  VigilAlarmRow *row = find_row (fixture, alarm);
  VigilAlarmDetail *detail = vigil_alarm_queue_view_get_detail (fixture->view);

  /* Fire comes before everything else, and waits unacknowledged: the calm colour first. */
  g_assert_cmpuint (vigil_alarm_get_priority (alarm), ==, VIGIL_PRIORITY_LIFE_SAFETY);
  g_assert_cmpstr (vigil_alarm_row_get_urgency (row), ==, "wait-0");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "wait-0"));

  g_assert_true (vigil_alarm_queue_view_select (fixture->view, vigil_alarm_get_event_id (alarm)));
  g_assert_true (vigil_alarm_detail_get_alarm (detail) == alarm);
  /* No video URL on a plain CID alarm: no empty video area. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vigil_alarm_detail_get_video_slot (detail))));
  /* The zone's history is read from the store and holds this alarm. */
  vigil_test_gui_wait (vigil_alarm_detail_get_n_history (detail) >= 1, VIGIL_TEST_GUI_TIMEOUT);

  /* The header counts it. */
  vigil_test_gui_wait (vigil_alarm_queue_get_n_open (vigil_journal_get_queue (fixture->journal)) >= 1,
                       VIGIL_TEST_GUI_TIMEOUT);
}

/* Acknowledging and closing from the UI are kept in SQLite and in the audit log under the
 * operator's name, with the resolution and the note. */
static void
test_acknowledge_and_close (Fixture       *fixture,
                            gconstpointer  data)
{
  VigilAlarm *alarm = raise_fire (fixture);
  gint64 event_id = vigil_alarm_get_event_id (alarm);
  VigilAlarmDetail *detail = vigil_alarm_queue_view_get_detail (fixture->view);
  VigilAlertSound *sound = vigil_application_get_alert_sound (vigil_test_gui_application ());
  g_autoptr(VigilAlarm) stored = NULL;
  g_autoptr(VigilAlarm) closed = NULL;
  g_autofree char *audit = NULL;
  GtkWidget *note_row;
  GtkWidget *close_button;

  g_object_ref (alarm);
  g_assert_true (vigil_alarm_queue_view_select (fixture->view, event_id));
  g_assert_true (vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_NEW);
  g_assert_true (vigil_alert_sound_get_playing (sound));

  /* Closing needs a resolution first. */
  close_button = vigil_test_gui_find_button (GTK_WIDGET (detail), "Close Alarm");
  g_assert_nonnull (close_button);
  g_assert_false (gtk_widget_is_sensitive (close_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alarms.acknowledge", NULL));
  vigil_test_gui_wait (vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_ACKNOWLEDGED, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (!vigil_alarm_queue_view_get_busy (fixture->view), VIGIL_TEST_GUI_TIMEOUT);

  stored = stored_alarm (fixture, event_id);
  g_assert_cmpint (vigil_alarm_get_state (stored), ==, VIGIL_ALARM_STATE_ACKNOWLEDGED);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (stored), ==, OPERATOR);

  /* Acknowledged alarms wait no more: the row calms down. */
  g_assert_cmpstr (vigil_alarm_row_get_urgency (find_row (fixture, alarm)), ==, "acknowledged");

  /* The form as an operator fills it in. */
  note_row = vigil_test_gui_find (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW, row_titled, "Note");
  g_assert_nonnull (note_row);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Toast under the kitchen detector");
  vigil_alarm_detail_set_resolution (detail, VIGIL_RESOLUTION_FALSE);
  g_assert_true (gtk_widget_is_sensitive (close_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alarms.close", NULL));
  vigil_test_gui_wait (vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_CLOSED || find_alarm (fixture) == NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (find_alarm (fixture) == NULL, VIGIL_TEST_GUI_TIMEOUT);

  closed = stored_alarm (fixture, event_id);
  g_assert_cmpint (vigil_alarm_get_state (closed), ==, VIGIL_ALARM_STATE_CLOSED);
  g_assert_cmpint (vigil_alarm_get_resolution (closed), ==, VIGIL_RESOLUTION_FALSE);
  g_assert_cmpstr (vigil_alarm_get_note (closed), ==, "Toast under the kitchen detector");
  g_assert_cmpstr (vigil_alarm_get_closed_by (closed), ==, OPERATOR);

  audit = audit_of (fixture, event_id);
  g_assert_cmpstr (audit, ==, "acknowledge:" OPERATOR "\nclose:" OPERATOR "\n");

  g_object_unref (alarm);
}

/* The buttons of the desktop notification: the application's actions, by event id. */
static void
test_notification_actions (Fixture       *fixture,
                           gconstpointer  data)
{
  VigilAlarm *alarm = raise_fire (fixture);
  gint64 event_id = vigil_alarm_get_event_id (alarm);
  GActionGroup *application = G_ACTION_GROUP (vigil_test_gui_application ());
  g_autoptr(VigilAlarm) stored = NULL;

  g_object_ref (alarm);

  /* "Show" brings the alarm up in the queue, selected. */
  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (fixture->window), "overview");
  g_action_group_activate_action (application, "show-alarm", g_variant_new_int64 (event_id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (vigil_window_get_view_stack (fixture->window)), ==, "alarms");
  g_assert_true (vigil_alarm_queue_view_get_selected (fixture->view) == alarm);

  /* "Acknowledge" acknowledges it in the operator's name, without the window. */
  g_action_group_activate_action (application, "acknowledge-alarm", g_variant_new_int64 (event_id));
  vigil_test_gui_wait (vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_ACKNOWLEDGED, VIGIL_TEST_GUI_TIMEOUT);
  stored = stored_alarm (fixture, event_id);
  g_assert_cmpstr (vigil_alarm_get_acknowledged_by (stored), ==, OPERATOR);

  g_object_unref (alarm);
}

/* A restore from the panel attaches to its alarm. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  VigilAlarm *alarm = raise_fire (fixture);

  fixture->fire.open = FALSE;
  vigil_test_sim_invoke_sync (fixture->sim, set_fire_zone, &fixture->fire);
  vigil_test_gui_wait (vigil_alarm_get_restored (alarm), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpint (vigil_alarm_get_restored_at (alarm), >=, vigil_alarm_get_received_at (alarm));
  /* Restored is not handled: it stays in the queue for a person. */
  g_assert_true (find_alarm (fixture) == alarm);
}

/* The sound loops while an alarm is not acknowledged; the header's toggle mutes it and the
 * choice is kept in the settings. */
static void
test_sound (Fixture       *fixture,
            gconstpointer  data)
{
  VigilAlertSound *sound = vigil_application_get_alert_sound (vigil_test_gui_application ());
  GSettings *settings = vigil_test_gui_settings ();

  raise_fire (fixture);
  vigil_test_gui_wait (vigil_alert_sound_get_playing (sound), VIGIL_TEST_GUI_TIMEOUT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mute", NULL));
  g_assert_false (g_settings_get_boolean (settings, "sound-enabled"));
  g_assert_false (vigil_alert_sound_get_playing (sound));

  g_settings_set_boolean (settings, "sound-enabled", TRUE);
  g_assert_true (vigil_alert_sound_get_playing (sound));
}

/* With alarms, the sound playing and the alarm count shown, the console still fits 360 px. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int minimum;

  raise_fire (fixture);
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  g_settings_set_boolean (vigil_test_gui_settings (), "sound-enabled", FALSE);
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_settings_set_boolean (vigil_test_gui_settings (), "sound-enabled", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/alarm-queue-view/shows", Fixture, GUINT_TO_POINTER (21), fixture_setup, test_alarm_shows,
              fixture_teardown);
  g_test_add ("/alarm-queue-view/acknowledge-and-close", Fixture, GUINT_TO_POINTER (22), fixture_setup,
              test_acknowledge_and_close, fixture_teardown);
  g_test_add ("/alarm-queue-view/notification-actions", Fixture, GUINT_TO_POINTER (26), fixture_setup,
              test_notification_actions, fixture_teardown);
  g_test_add ("/alarm-queue-view/restore", Fixture, GUINT_TO_POINTER (23), fixture_setup, test_restore,
              fixture_teardown);
  g_test_add ("/alarm-queue-view/sound", Fixture, GUINT_TO_POINTER (24), fixture_setup, test_sound,
              fixture_teardown);
  g_test_add ("/alarm-queue-view/narrow", Fixture, GUINT_TO_POINTER (25), fixture_setup, test_narrow,
              fixture_teardown);

  return g_test_run ();
}
