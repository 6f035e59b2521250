/* vigil-screenshots.c — the pictures in docs/screenshots/, made from the demo
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real console window against the demo gateway (in-process, as `vigil --demo`
 * does), stages a scene a new user would recognise — a fire alarm waiting, a partition armed
 * away, another armed stay, a low battery, a mains failure — and renders each view to a PNG.
 * The AppStream metainfo shows these, so they are made by this command rather than by hand:
 * build-aux/screenshots.sh runs it headless. The meson test `screenshots` runs it into a
 * temporary folder and so checks that every view still renders something.
 *
 *   vigil-screenshots OUTPUT-DIR [NAME…]   (connect overview panel alarms
 *                                             event-log video devices device trace)
 */
#define G_LOG_DOMAIN "vigil-screenshots"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "vigil-sim-gateway.h"
#include "vigil-sim-panel.h"
#include "vigil-sim-thread.h"
#include "vigil-test-gui.h"
#include "vigil-devices-view.h"
#include "vigil-device-page.h"
#include "vigil-time-group.h"
#include "vigil-trace-view.h"
#include "vigil-video-player.h"

#define WIDTH  1200
#define HEIGHT 760
/* A picture of an empty or half-drawn window has few colours; any real view has hundreds. */
#define MIN_COLOURS 64

typedef struct
{
  char *dev_index;        /* the panel the scene happens on */
  guint fire_zone;
  guint camera_zone;      /* a zone a camera watches: its alarm comes with a clip */
} Scene;

typedef struct
{
  VigilWindow *window;
  Scene scene;
  const char *output;
  GStrv only;
  guint n_written;
} Shots;

static const VigilSimActor staff = { 1, 3, 1, "Staff" };

static guint
find_zone (VigilSimPanel    *panel,
           VigilSimZoneKind  kind)
{
  for (guint zone = 1; zone <= vigil_sim_panel_get_n_zones (panel); zone++)
    if (vigil_sim_panel_get_zone_kind (panel, zone) == kind && !vigil_sim_panel_get_zone_open (panel, zone))
      return zone;
  return 0;
}

/* In the simulator's thread: a quiet demo (so every run draws the same), then a day's worth
 * of ordinary events, then the alarm the pictures are about. */
static void
stage_history (VigilSimGateway *gateway,
               gpointer         user_data)
{
  Scene *scene = user_data;
  VigilSimPanel *first = vigil_sim_gateway_get_panel (gateway, 0);
  guint n_panels = vigil_sim_gateway_get_n_panels (gateway);
  guint door = find_zone (first, VIGIL_SIM_ZONE_DELAYED);

  vigil_sim_gateway_set_demo_activity (gateway, FALSE);
  scene->dev_index = g_strdup (vigil_sim_panel_get_dev_index (first));
  scene->fire_zone = find_zone (first, VIGIL_SIM_ZONE_FIRE);

  /* Whatever the demo did before, the shop starts the scene open for business; staff come
   * and go through the entrance, then arm it away. */
  for (guint p = 1; p <= vigil_sim_panel_get_n_partitions (first); p++)
    {
      vigil_sim_panel_clear_alarm (first, p, &staff, NULL);
      vigil_sim_panel_arm (first, p, VIGIL_SIM_ARMING_DISARM, &staff, NULL);
    }
  for (guint i = 0; door != 0 && i < 3; i++)
    {
      vigil_sim_panel_set_zone_open (first, door, TRUE);
      vigil_sim_panel_set_zone_open (first, door, FALSE);
    }
  vigil_sim_panel_arm (first, 1, VIGIL_SIM_ARMING_AWAY, &staff, NULL);

  if (n_panels > 1)
    vigil_sim_panel_arm (vigil_sim_gateway_get_panel (gateway, 1), 1, VIGIL_SIM_ARMING_STAY, &staff, NULL);
  if (n_panels > 2)
    vigil_sim_panel_set_zone_low_battery (vigil_sim_gateway_get_panel (gateway, 2), 2, TRUE);
  if (n_panels > 3)
    vigil_sim_panel_set_ac_loss (vigil_sim_gateway_get_panel (gateway, 3), TRUE);
  if (n_panels > 4)
    {
      VigilSimPanel *panel = vigil_sim_gateway_get_panel (gateway, 4);

      vigil_sim_panel_set_zone_tamper (panel, 3, TRUE);
      vigil_sim_panel_set_zone_tamper (panel, 3, FALSE);
      vigil_sim_panel_arm (panel, 1, VIGIL_SIM_ARMING_AWAY, &staff, NULL);
    }
}

static void
stage_alarm (VigilSimGateway *gateway,
             gpointer         user_data)
{
  Scene *scene = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (gateway, scene->dev_index);

  vigil_sim_panel_set_zone_open (panel, scene->fire_zone, TRUE);
}

/* A burglary where a camera looks: the gateway follows the CID alarm with a videoReview. */
static void
stage_video (VigilSimGateway *gateway,
             gpointer         user_data)
{
  Scene *scene = user_data;
  VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (gateway, scene->dev_index);

  vigil_sim_gateway_set_video_review_delay (gateway, 200);
  for (guint zone = 1; zone <= vigil_sim_panel_get_n_zones (panel) && scene->camera_zone == 0; zone++)
    {
      VigilSimZoneKind kind = vigil_sim_panel_get_zone_kind (panel, zone);

      if (vigil_sim_panel_get_zone_camera (panel, zone) > 0 &&
          (kind == VIGIL_SIM_ZONE_INSTANT || kind == VIGIL_SIM_ZONE_PERIMETER) &&
          vigil_sim_panel_get_zone_armed (panel, zone))
        scene->camera_zone = zone;
    }
  if (scene->camera_zone != 0)
    vigil_sim_panel_set_zone_open (panel, scene->camera_zone, TRUE);
}

static gboolean
wanted (Shots      *shots,
        const char *name)
{
  return shots->only == NULL || g_strv_contains ((const char * const *) shots->only, name);
}

static guint
count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        const guchar *p = pixels + y * stride + x * 4;
        guint32 colour = (guint32) p[0] << 16 | (guint32) p[1] << 8 | p[2];

        g_hash_table_add (colours, GUINT_TO_POINTER (colour + 1));
        if (g_hash_table_size (colours) >= MIN_COLOURS)
          return MIN_COLOURS;
      }
  return g_hash_table_size (colours);
}

static GskRenderNode *
render_node (GdkPaintable *paintable,
             int           width,
             int           height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  return gtk_snapshot_free_to_node (snapshot);
}

/* Renders the whole window as it is on screen now, and checks the file it wrote. */
static void
shoot_window (Shots      *shots,
              GtkWidget  *window,
              const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (shots->output, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) written = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  /* Let the last changes reach the screen: layout, the list views' rows, the toasts gone. */
  vigil_test_gui_run_for (800);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  /* A window between two frames (a slow, sanitized build) may have nothing to draw yet. */
  vigil_test_gui_wait ((node = render_node (paintable, width, height)) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  written = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (written), ==, width);
  g_assert_cmpint (gdk_texture_get_height (written), ==, height);
  if (count_colours (written) < MIN_COLOURS)
    g_error ("%s looks empty: fewer than %d colours", path, MIN_COLOURS);

  g_printerr ("screenshots: %s (%dx%d)\n", path, width, height);
  shots->n_written++;
}

static void
shoot (Shots      *shots,
       const char *name)
{
  shoot_window (shots, GTK_WIDGET (shots->window), name);
}

static void
show_view (Shots      *shots,
           const char *name)
{
  AdwViewStack *stack = vigil_window_get_view_stack (shots->window);

  adw_view_stack_set_visible_child_name (stack, name);
  vigil_test_gui_wait (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)),
                       VIGIL_TEST_GUI_TIMEOUT);
}

static VigilAlarm *
find_video_alarm (Shots *shots)
{
  VigilJournal *journal = vigil_window_get_journal (shots->window);
  VigilAlarmQueue *queue = journal != NULL ? vigil_journal_get_queue (journal) : NULL;

  for (guint i = 0; queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (G_LIST_MODEL (queue), i);
      VigilEvent *event = vigil_alarm_get_event (alarm);

      if (event->video_url != NULL && g_strcmp0 (event->dev_index, shots->scene.dev_index) == 0 &&
          vigil_alarm_get_event_id (alarm) > 0)
        return alarm;
    }
  return NULL;
}

static VigilAlarm *
find_fire_alarm (Shots *shots)
{
  VigilJournal *journal = vigil_window_get_journal (shots->window);
  VigilAlarmQueue *queue = journal != NULL ? vigil_journal_get_queue (journal) : NULL;

  for (guint i = 0; queue != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (G_LIST_MODEL (queue), i);
      VigilEvent *event = vigil_alarm_get_event (alarm);

      if (g_strcmp0 (event->dev_index, shots->scene.dev_index) == 0 &&
          event->zone == (gint) shots->scene.fire_zone && !vigil_alarm_get_pending (alarm))
        return alarm;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  Shots shots = { 0 };
  VigilSimThread *demo;
  VigilSite *site;
  VigilAlarm *alarm;

  vigil_test_gui_init (&argc, &argv);
  /* Downloaded clips go with the rest of the run's data (removed at exit). */
  {
    g_autofree char *cache = g_build_filename (g_getenv ("XDG_DATA_HOME"), "cache", NULL);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [NAME…]\n", argv[0]);
      return 2;
    }
  /* As a test under the sanitizers (VIGIL_TEST_SANITIZED) it is skipped: LeakSanitizer
   * reports render nodes of libadwaita's snapshot that GTK 4.8 keeps, and the views drawn
   * here are drawn sanitized by the widget tests anyway. 77: meson's "skipped". */
  if (g_getenv ("VIGIL_TEST_SANITIZED") != NULL)
    return 77;

  shots.output = argv[1];
  if (argc > 2)
    shots.only = g_strdupv (argv + 2);
  if (g_mkdir_with_parents (shots.output, 0755) != 0)
    g_error ("cannot create %s: %s", shots.output, g_strerror (errno));

  /* An operator on shift, and no sound: the pictures are silent. */
  g_settings_set_string (vigil_test_gui_settings (), "operator", "Dana Whitfield");
  g_settings_set_boolean (vigil_test_gui_settings (), "sound-enabled", FALSE);

  shots.window = vigil_window_new (vigil_test_gui_application ());
  gtk_window_set_default_size (GTK_WINDOW (shots.window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (shots.window));
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (shots.window)), VIGIL_TEST_GUI_TIMEOUT);

  if (wanted (&shots, "connect"))
    shoot (&shots, "connect");

  vigil_window_start_demo (shots.window);
  vigil_test_gui_wait (vigil_window_get_session (shots.window) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  site = vigil_session_get_site (vigil_window_get_session (shots.window));
  vigil_test_gui_wait (vigil_site_get_last_refresh (site) != NULL && !vigil_site_get_loading (site),
                       VIGIL_TEST_GUI_TIMEOUT * 3);

  demo = VIGIL_SIM_THREAD (vigil_window_get_demo (shots.window));
  vigil_sim_thread_call (demo, stage_history, &shots.scene);
  g_assert_cmpuint (shots.scene.fire_zone, >, 0);
  vigil_test_gui_run_for (1500);
  vigil_sim_thread_call (demo, stage_alarm, &shots.scene);
  vigil_test_gui_wait ((alarm = find_fire_alarm (&shots)) != NULL, VIGIL_TEST_GUI_TIMEOUT);

  if (wanted (&shots, "overview"))
    {
      show_view (&shots, "overview");
      shoot (&shots, "overview");
    }

  if (wanted (&shots, "panel"))
    {
      VigilPanel *panel = vigil_site_lookup_panel (site, shots.scene.dev_index);

      g_assert_nonnull (panel);
      vigil_window_show_panel (shots.window, panel);
      vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (vigil_window_get_panel_page (shots.window))),
                           VIGIL_TEST_GUI_TIMEOUT);
      shoot (&shots, "panel");
    }

  if (wanted (&shots, "alarms"))
    {
      vigil_window_show_alarm (shots.window, vigil_alarm_get_event_id (alarm));
      vigil_test_gui_wait (vigil_alarm_queue_view_get_selected (vigil_window_get_alarm_queue_view (shots.window))
                             == alarm,
                           VIGIL_TEST_GUI_TIMEOUT);
      shoot (&shots, "alarms");
    }

  if (wanted (&shots, "event-log"))
    {
      show_view (&shots, "log");
      vigil_test_gui_wait (g_list_model_get_n_items (G_LIST_MODEL (vigil_event_log_view_get_model (
                             vigil_window_get_event_log_view (shots.window)))) > 0,
                           VIGIL_TEST_GUI_TIMEOUT);
      shoot (&shots, "event-log");
    }

  if (wanted (&shots, "video"))
    {
      VigilAlarmDetail *detail = vigil_alarm_queue_view_get_detail (vigil_window_get_alarm_queue_view (shots.window));
      VigilVideoPlayer *player = vigil_alarm_detail_get_player (detail);
      VigilAlarm *video;

      vigil_sim_thread_call (demo, stage_video, &shots.scene);
      g_assert_cmpuint (shots.scene.camera_zone, >, 0);
      vigil_test_gui_wait ((video = find_video_alarm (&shots)) != NULL, VIGIL_TEST_GUI_TIMEOUT);
      vigil_window_show_alarm (shots.window, vigil_alarm_get_event_id (video));
      vigil_test_gui_wait (vigil_video_player_get_frame (player) != NULL &&
                           vigil_video_decoder_get_state (vigil_video_player_get_decoder (player))
                             == VIGIL_VIDEO_STATE_PAUSED,
                           VIGIL_TEST_GUI_TIMEOUT);
      /* The player is what this picture is about: bring it into view. */
      gtk_widget_grab_focus (GTK_WIDGET (player));
      shoot (&shots, "video");
    }

  if (wanted (&shots, "devices") || wanted (&shots, "device"))
    {
      VigilDevicesView *devices = vigil_window_get_devices_view (shots.window);

      gtk_widget_activate_action (GTK_WIDGET (shots.window), "win.show-page", "s", "devices");
      vigil_test_gui_wait (g_list_model_get_n_items (vigil_devices_view_get_model (devices)) > 0 &&
                           !vigil_devices_view_get_loading (devices),
                           VIGIL_TEST_GUI_TIMEOUT);
      if (wanted (&shots, "devices"))
        shoot (&shots, "devices");

      if (wanted (&shots, "device"))
        {
          VigilDevicePage *page;

          vigil_devices_view_show_device (devices, shots.scene.dev_index);
          page = vigil_devices_view_get_device_page (devices);
          vigil_test_gui_wait (vigil_device_page_get_info (page) != NULL &&
                               vigil_time_group_get_time_zone (vigil_device_page_get_time_group (page)) != NULL &&
                               vigil_device_page_get_n_interfaces (page) > 0,
                               VIGIL_TEST_GUI_TIMEOUT);
          shoot (&shots, "device");
        }
    }

  if (wanted (&shots, "trace"))
    {
      VigilTraceView *trace = vigil_window_show_trace (shots.window);
      guint n;

      vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (trace)), VIGIL_TEST_GUI_TIMEOUT);
      n = g_list_model_get_n_items (vigil_trace_view_get_model (trace));
      g_assert_cmpuint (n, >, 0);
      /* The device list the console read on signing in. */
      vigil_trace_view_select (trace, MIN (n - 1, 1));
      shoot_window (&shots, GTK_WIDGET (trace), "trace");
      gtk_window_destroy (GTK_WINDOW (trace));
    }

  if (shots.n_written == 0)
    g_error ("no screenshot is called %s", shots.only != NULL ? shots.only[0] : "(nothing)");

  vigil_test_gui_close_window (shots.window);
  g_free (shots.scene.dev_index);
  g_strfreev (shots.only);
  return 0;
}
