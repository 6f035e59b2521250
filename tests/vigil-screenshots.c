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
 *   vigil-screenshots OUTPUT-DIR [NAME…]
 */
#define G_LOG_DOMAIN "vigil-screenshots"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "vigil-sim-gateway.h"
#include "vigil-sim-panel.h"
#include "vigil-sim-thread.h"
#include "vigil-test-gui.h"

#define WIDTH  1200
#define HEIGHT 760
/* A picture of an empty or half-drawn window has few colours; any real view has hundreds. */
#define MIN_COLOURS 64

typedef struct
{
  char *dev_index;        /* the panel the scene happens on */
  guint fire_zone;
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

/* Renders the whole window as it is on screen now, and checks the file it wrote. */
static void
shoot (Shots      *shots,
       const char *name)
{
  GtkWidget *window = GTK_WIDGET (shots->window);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (shots->output, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
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
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
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
show_view (Shots      *shots,
           const char *name)
{
  AdwViewStack *stack = vigil_window_get_view_stack (shots->window);

  adw_view_stack_set_visible_child_name (stack, name);
  vigil_test_gui_wait (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)),
                       VIGIL_TEST_GUI_TIMEOUT);
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
  if (argc < 2)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [NAME…]\n", argv[0]);
      return 2;
    }
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

  if (shots.n_written == 0)
    g_error ("no screenshot is called %s", shots.only != NULL ? shots.only[0] : "(nothing)");

  vigil_test_gui_close_window (shots.window);
  g_free (shots.scene.dev_index);
  g_strfreev (shots.only);
  return 0;
}
