/* test-video-player.c — the verification clip played inline, headless
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The player on its own (play, pause, a frame forward and back, a snapshot, a damaged clip),
 * then the whole way: a camera zone trips on the simulated gateway, its videoReview alarm is
 * selected in the queue, and the clip is downloaded and shown in the alarm's detail.
 */
#define G_LOG_DOMAIN "test-video-player"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-alarm-detail.h"
#include "vigil-alarm-queue-view.h"
#include "vigil-test-gui.h"
#include "vigil-video-player.h"

#define N_PANELS 2

static char *tmpdir;

static GFile *
write_clip (const char *name,
            gsize       length)
{
  g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_new_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (clip, NULL),
                                          length > 0 ? length : g_bytes_get_size (clip),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static GtkWidget *
new_player (void)
{
  GtkWidget *widget = vigil_video_player_new ();

  /* Under memcheck the first frame of a good clip takes longer than the 10 s that mark a
   * damaged one. Only there: a truncated clip may be known only by that timeout, and the
   * tests wait for its failure no longer than VIGIL_TEST_GUI_TIMEOUT (60 s under ASan). */
  if (g_strcmp0 (g_getenv ("VIGIL_TEST_SANITIZED"), "memcheck") == 0)
    vigil_video_decoder_set_load_timeout (vigil_video_player_get_decoder (VIGIL_VIDEO_PLAYER (widget)), 120);
  return widget;
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 480, 360);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  return window;
}

static VigilVideoState
state_of (VigilVideoPlayer *player)
{
  return vigil_video_decoder_get_state (vigil_video_player_get_decoder (player));
}

/* Plays, pauses, steps a frame each way and saves the frame on show. */
static void
test_controls (void)
{
  g_autoptr(GFile) clip = write_clip ("clip.mp4", 0);
  g_autoptr(GFile) png = g_file_new_build_filename (tmpdir, "frame.png", NULL);
  GtkWidget *widget = new_player ();
  VigilVideoPlayer *player = VIGIL_VIDEO_PLAYER (widget);
  VigilVideoDecoder *decoder = vigil_video_player_get_decoder (player);
  GtkWindow *window = window_with (widget);
  g_autoptr(GdkTexture) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 position, stepped;
  guint frames;

  vigil_video_player_set_file (player, clip);
  vigil_test_gui_wait (state_of (player) == VIGIL_VIDEO_STATE_PAUSED && vigil_video_player_get_frame (player) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_null (vigil_video_player_get_message (player));
  g_assert_cmpint (gdk_texture_get_width (vigil_video_player_get_frame (player)), ==, 320);
  g_assert_cmpint (gdk_texture_get_height (vigil_video_player_get_frame (player)), ==, 240);
  g_assert_cmpint (vigil_video_decoder_get_duration (decoder), ==, 3 * GST_SECOND);
  g_assert_true (gtk_widget_is_sensitive (vigil_test_gui_find (widget, GTK_TYPE_SCALE, NULL, NULL)));

  /* Play: frames come and the position moves. */
  g_assert_true (gtk_widget_activate_action (widget, "player.play-pause", NULL));
  vigil_test_gui_wait (state_of (player) == VIGIL_VIDEO_STATE_PLAYING, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_video_decoder_get_n_frames (decoder) >= 10, VIGIL_TEST_GUI_TIMEOUT);

  /* Pause: it stays where it is. */
  g_assert_true (gtk_widget_activate_action (widget, "player.play-pause", NULL));
  vigil_test_gui_wait (state_of (player) == VIGIL_VIDEO_STATE_PAUSED, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_run_for (200);
  frames = vigil_video_decoder_get_n_frames (decoder);
  position = vigil_video_decoder_get_position (decoder);
  vigil_test_gui_run_for (300);
  g_assert_cmpuint (vigil_video_decoder_get_n_frames (decoder), ==, frames);
  g_assert_cmpint (vigil_video_decoder_get_position (decoder), ==, position);
  g_assert_cmpint (position, <, 3 * GST_SECOND);

  /* One frame forward: 40 ms later (25 frames a second). */
  g_assert_true (gtk_widget_activate_action (widget, "player.step-forward", NULL));
  vigil_test_gui_wait (vigil_video_decoder_get_position (decoder) != position, VIGIL_TEST_GUI_TIMEOUT);
  stepped = vigil_video_decoder_get_position (decoder);
  g_assert_cmpint (stepped - position, ==, GST_SECOND / 25);

  /* And back. */
  g_assert_true (gtk_widget_activate_action (widget, "player.step-back", NULL));
  vigil_test_gui_wait (vigil_video_decoder_get_position (decoder) != stepped, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpint (vigil_video_decoder_get_position (decoder), ==, position);
  g_assert_cmpint (state_of (player), ==, VIGIL_VIDEO_STATE_PAUSED);

  /* Snapshot: the frame on show as a PNG of the clip's size. */
  g_assert_true (vigil_video_player_save_frame (player, png, &error));
  g_assert_no_error (error);
  saved = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (saved), ==, 320);
  g_assert_cmpint (gdk_texture_get_height (saved), ==, 240);

  /* Speed and loop reach the decoder. */
  g_object_set (widget, "loop", TRUE, NULL);
  g_assert_true (vigil_video_decoder_get_loop (decoder));

  gtk_window_destroy (window);
}

/* A truncated clip: a clear message in the player, and the player still answers. */
static void
test_truncated (void)
{
  g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();
  g_autoptr(GFile) truncated = write_clip ("truncated.mp4", g_bytes_get_size (clip) / 2);
  g_autoptr(GFile) whole = write_clip ("whole.mp4", 0);
  GtkWidget *widget = new_player ();
  VigilVideoPlayer *player = VIGIL_VIDEO_PLAYER (widget);
  GtkWindow *window = window_with (widget);

  vigil_video_player_set_file (player, truncated);
  vigil_test_gui_wait (state_of (player) == VIGIL_VIDEO_STATE_FAILED, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (vigil_video_player_get_message (player));
  g_assert_nonnull (strstr (vigil_video_player_get_message (player), "truncated or damaged"));
  /* Nothing to play: the transport is off, and pressing play changes nothing. */
  g_assert_false (gtk_widget_is_sensitive (vigil_test_gui_find (widget, GTK_TYPE_SCALE, NULL, NULL)));
  gtk_widget_activate_action (widget, "player.play-pause", NULL);
  vigil_test_gui_run_for (200);
  g_assert_cmpint (state_of (player), ==, VIGIL_VIDEO_STATE_FAILED);
  g_assert_nonnull (vigil_video_player_get_message (player));

  /* The next clip plays. */
  vigil_video_player_set_file (player, whole);
  vigil_test_gui_wait (state_of (player) == VIGIL_VIDEO_STATE_PAUSED && vigil_video_player_get_frame (player) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_null (vigil_video_player_get_message (player));

  gtk_window_destroy (window);
}

/* ---- the whole way ---- */

typedef struct
{
  char  *dev_index;
  guint  zone;
} CameraZone;

static void
trip_camera_zone (VigilSimGateway *gateway,
                  gpointer         user_data)
{
  static const VigilSimActor keypad = { 1, 3, 1, "Staff" };
  CameraZone *camera = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_get_panel (gateway, 0);

  vigil_sim_gateway_set_video_review_delay (gateway, 200);
  for (guint zone = 1; zone <= vigil_sim_panel_get_n_zones (panel) && camera->zone == 0; zone++)
    {
      VigilSimZoneKind kind = vigil_sim_panel_get_zone_kind (panel, zone);

      if (vigil_sim_panel_get_zone_camera (panel, zone) > 0 &&
          (kind == VIGIL_SIM_ZONE_INSTANT || kind == VIGIL_SIM_ZONE_PERIMETER))
        camera->zone = zone;
    }
  g_assert_cmpuint (camera->zone, >, 0);
  camera->dev_index = g_strdup (vigil_sim_panel_get_dev_index (panel));
  g_assert_true (vigil_sim_panel_arm (panel, vigil_sim_panel_get_zone_partition (panel, camera->zone),
                                      VIGIL_SIM_ARMING_AWAY, &keypad, NULL));
  vigil_sim_panel_set_zone_open (panel, camera->zone, TRUE);
}

static VigilAlarm *
find_video_alarm (VigilAlarmQueueView *view,
                  CameraZone          *camera)
{
  GListModel *model = vigil_alarm_queue_view_get_model (view);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (model, i);
      VigilEvent *event = vigil_alarm_get_event (alarm);

      if (event->video_url != NULL && g_strcmp0 (event->dev_index, camera->dev_index) == 0 &&
          vigil_alarm_get_event_id (alarm) > 0)
        return alarm;
    }
  return NULL;
}

/* One text column of the first row of @sql (?1 bound to @id), read from the file itself. */
static char *
query_text (VigilJournal *journal,
            const char   *sql,
            gint64        id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (vigil_journal_get_path (journal), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gboolean
has_text (VigilJournal *journal,
          const char   *sql,
          gint64        id,
          const char   *expected)
{
  g_autofree char *text = query_text (journal, sql, id);

  return g_strcmp0 (text, expected) == 0;
}

static void
test_alarm_video (void)
{
  g_autoptr(VigilTestSim) sim = vigil_test_sim_new_full (31, N_PANELS, NULL, NULL);
  VigilWindow *window = vigil_test_gui_new_window ();
  VigilAlarmQueueView *view = vigil_window_get_alarm_queue_view (window);
  VigilJournal *journal = vigil_window_get_journal (window);
  VigilAlarmDetail *detail = vigil_alarm_queue_view_get_detail (view);
  VigilVideoPlayer *player = vigil_alarm_detail_get_player (detail);
  CameraZone camera = { NULL, 0 };
  VigilAlarm *alarm;

  g_settings_set_string (vigil_test_gui_settings (), "video-fetch", "always");
  vigil_test_gui_connect (window, sim, N_PANELS);
  vigil_test_gui_wait (vigil_journal_get_queue (journal) != NULL &&
                       vigil_alarm_queue_get_loaded (vigil_journal_get_queue (journal)),
                       VIGIL_TEST_GUI_TIMEOUT);
  adw_view_stack_set_visible_child_name (vigil_window_get_view_stack (window), "alarms");

  vigil_test_sim_invoke_sync (sim, trip_camera_zone, &camera);
  vigil_test_gui_wait ((alarm = find_video_alarm (view, &camera)) != NULL, VIGIL_TEST_GUI_TIMEOUT);

  g_assert_true (vigil_alarm_queue_view_select (view, vigil_alarm_get_event_id (alarm)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (vigil_alarm_detail_get_video_slot (detail))));
  vigil_test_gui_wait (vigil_video_player_get_frame (player) != NULL && state_of (player) == VIGIL_VIDEO_STATE_PAUSED,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_null (vigil_video_player_get_message (player));
  /* The alarm's moment is marked on the seek bar: within the 3 s the clip lasts. */
  g_assert_cmpfloat (vigil_video_player_get_trigger_offset (player), >=, 0);
  g_assert_cmpfloat (vigil_video_player_get_trigger_offset (player), <=, 3);
  {
    /* Downloaded into the cache, under a name of safe characters. */
    g_autofree char *path = g_file_get_path (vigil_video_player_get_file (player));

    g_assert_true (g_str_has_prefix (path, tmpdir));
    g_assert_true (g_str_has_suffix (path, ".mp4"));
  }

  /* The evidence: the store has the file and its SHA-256 with the event. */
  {
    g_autoptr(GBytes) clip = vigil_sim_builtin_clip ();
    g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, clip);
    g_autofree char *path = g_file_get_path (vigil_video_player_get_file (player));
    gint64 id = vigil_alarm_get_event_id (alarm);

    vigil_test_gui_wait (has_text (journal, "SELECT video_sha256 FROM events WHERE id = ?1", id, sha256),
                         VIGIL_TEST_GUI_TIMEOUT);
    g_assert_true (has_text (journal, "SELECT video_file FROM events WHERE id = ?1", id, path));
  }

  /* The operator's verdict: the resolution the alarm will be closed with, and the audit log. */
  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (detail), "Confirms the Alarm"));
  g_assert_cmpint (vigil_alarm_detail_get_resolution (detail), ==, VIGIL_RESOLUTION_REAL);
  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (detail), "Shows a False Alarm"));
  g_assert_cmpint (vigil_alarm_detail_get_resolution (detail), ==, VIGIL_RESOLUTION_FALSE);
  {
    g_autofree char *target = g_strdup_printf ("event %" G_GINT64_FORMAT ": video shows a false alarm",
                                               vigil_alarm_get_event_id (alarm));

    vigil_test_gui_wait (has_text (journal, "SELECT target FROM audit WHERE action = 'video-verdict' ORDER BY id DESC",
                                   0, target),
                         VIGIL_TEST_GUI_TIMEOUT);
  }

  vigil_test_gui_close_window (window);
  g_free (camera.dev_index);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The clips go to a cache of this test's own. */
  tmpdir = g_dir_make_tmp ("vigil-video-player-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_setenv ("XDG_CACHE_HOME", tmpdir, TRUE);

  vigil_test_gui_init (&argc, &argv);

  g_test_add_func ("/video-player/controls", test_controls);
  g_test_add_func ("/video-player/truncated", test_truncated);
  g_test_add_func ("/video-player/alarm-video", test_alarm_video);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
