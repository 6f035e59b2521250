/* test-devices-view.c — the installer's device list, against the simulated gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window signs in to the simulator (in its own thread) and works on the "devices"
 * page the way an installer does: the Add dialog, a CSV batch, deleting a selection, paging
 * through more devices than a page holds, reading devices again; and the list follows a
 * device that goes offline and comes back, without being read again.
 */
#define G_LOG_DOMAIN "test-devices-view"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vigil-add-device-dialog.h"
#include "vigil-device-item.h"
#include "vigil-devices-view.h"
#include "vigil-test-gui.h"

#define N_PANELS 2
/* More than one page (VIGIL_DEVICES_VIEW_PAGE_SIZE) of devices. */
#define N_MANY_PANELS (VIGIL_DEVICES_VIEW_PAGE_SIZE + 11)
#define OPERATOR "Installer Ina"

typedef struct
{
  VigilTestSim *sim;
  VigilWindow *window;
  VigilDevicesView *view;
  guint n_panels;
} Fixture;

typedef struct
{
  guint n_panels;
  char *names;             /* every panel's name, joined by '\n' */
} SimState;

static void
read_state (VigilSimGateway *gateway,
            gpointer         user_data)
{
  SimState *state = user_data;
  GString *names = g_string_new (NULL);

  state->n_panels = vigil_sim_gateway_get_n_panels (gateway);
  for (guint i = 0; i < state->n_panels; i++)
    g_string_append_printf (names, "%s\n", vigil_sim_panel_get_name (vigil_sim_gateway_get_panel (gateway, i)));
  g_free (state->names);
  state->names = g_string_free (names, FALSE);
}

static guint
sim_n_panels (Fixture *fixture)
{
  SimState state = { 0 };

  vigil_test_sim_invoke_sync (fixture->sim, read_state, &state);
  g_free (state.names);
  return state.n_panels;
}

static gboolean
sim_has_name (Fixture    *fixture,
              const char *name)
{
  SimState state = { 0 };
  g_autofree char *line = g_strdup_printf ("%s\n", name);
  gboolean found;

  vigil_test_sim_invoke_sync (fixture->sim, read_state, &state);
  found = strstr (state.names, line) != NULL;
  g_free (state.names);
  return found;
}

static guint
list_length (Fixture *fixture)
{
  return g_list_model_get_n_items (vigil_devices_view_get_model (fixture->view));
}

static gboolean
list_has (Fixture    *fixture,
          const char *title)
{
  GListModel *model = vigil_devices_view_get_model (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilDeviceItem) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (vigil_device_item_get_title (item), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
last_toast (Fixture *fixture)
{
  const char *text = vigil_window_get_last_toast (fixture->window);

  return text ? text : "";
}

/* The audit rows about @target, as "action:operator:result" lines, read from the file itself. */
static char *
audit_of (Fixture    *fixture,
          const char *target)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (vigil_journal_get_path (vigil_window_get_journal (fixture->window)), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT action, operator, result FROM audit WHERE target = ?1 ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, target, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (lines, "%s:%s:%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static gboolean
audit_is (Fixture    *fixture,
          const char *target,
          const char *expected)
{
  g_autofree char *lines = audit_of (fixture, target);

  return g_strcmp0 (lines, expected) == 0;
}

/* @data: the number of panels, N_PANELS when NULL. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->n_panels = data != NULL ? GPOINTER_TO_UINT (data) : N_PANELS;
  g_settings_set_string (vigil_test_gui_settings (), "operator", OPERATOR);
  fixture->sim = vigil_test_sim_new_full (11, fixture->n_panels, NULL, NULL);
  fixture->window = vigil_test_gui_new_window ();
  vigil_test_gui_connect (fixture->window, fixture->sim, fixture->n_panels);

  /* The Devices tab, as the installer opens it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "devices");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (vigil_window_get_view_stack (fixture->window)), ==,
                   "devices");
  fixture->view = vigil_window_get_devices_view (fixture->window);
  vigil_test_gui_wait (list_length (fixture) == MIN (fixture->n_panels, VIGIL_DEVICES_VIEW_PAGE_SIZE) &&
                       !vigil_devices_view_get_loading (fixture->view),
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpuint (vigil_devices_view_get_n_matches (fixture->view), ==, fixture->n_panels);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  vigil_test_gui_close_window (fixture->window);
  g_clear_pointer (&fixture->sim, vigil_test_sim_free);
}

static VigilAddDeviceDialog *
find_add_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (VIGIL_IS_ADD_DEVICE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static GtkWidget *
entry_row (GtkWidget  *root,
           GType       type,
           const char *title)
{
  GtkWidget *row = vigil_test_gui_find (root, type, row_titled, title);

  g_assert_nonnull (row);
  return row;
}

/* Whether the trace holds a request to @path. */
static gboolean
trace_has (Fixture    *fixture,
           const char *path)
{
  GListModel *trace = G_LIST_MODEL (vigil_window_get_trace (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (trace); i++)
    {
      g_autoptr(VigilTraceEntry) entry = g_list_model_get_item (trace, i);
      if (strstr (vigil_trace_entry_get_uri (entry), path) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A 7-character key is refused as it is typed; nothing goes to the gateway until it is right. */
static void
test_add_validates (Fixture       *fixture,
                    gconstpointer  data)
{
  VigilAddDeviceDialog *dialog;
  GtkWidget *key_row;
  GtkWidget *add_button;
  g_autofree char *trace_text = NULL;

  vigil_test_gui_click (vigil_test_gui_find_button (GTK_WIDGET (fixture->view), "Add…"));
  vigil_test_gui_wait ((dialog = find_add_dialog ()) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  add_button = vigil_test_gui_find_button (GTK_WIDGET (dialog), "Add");
  g_assert_false (gtk_widget_is_sensitive (add_button));

  gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "ISUP ID")), "shop42");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")), "Shop 42");
  key_row = entry_row (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, "Key");
  gtk_editable_set_text (GTK_EDITABLE (key_row), "abc1234");

  /* Refused on the spot, with the reason, the field marked and the button off. */
  g_assert_false (vigil_add_device_dialog_is_valid (dialog));
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_nonnull (strstr (vigil_add_device_dialog_get_error (dialog), "8 to 32 letters and digits"));
  g_assert_false (gtk_widget_is_sensitive (add_button));
  /* Not even the action goes through. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.add", NULL);
  vigil_test_gui_run_for (300);
  g_assert_false (trace_has (fixture, "addDevice"));
  g_assert_cmpuint (sim_n_panels (fixture), ==, N_PANELS);

  /* Signs other than letters and digits are refused too. */
  gtk_editable_set_text (GTK_EDITABLE (key_row), "abc-12345");
  g_assert_false (vigil_add_device_dialog_is_valid (dialog));

  /* Eight letters and digits: accepted and added. */
  gtk_editable_set_text (GTK_EDITABLE (key_row), "abc12345");
  g_assert_true (vigil_add_device_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_has_css_class (key_row, "error"));
  g_assert_null (vigil_add_device_dialog_get_error (dialog));
  vigil_test_gui_click (add_button);

  vigil_test_gui_wait (sim_n_panels (fixture) == N_PANELS + 1, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (find_add_dialog () == NULL, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (list_has (fixture, "Shop 42"), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (last_toast (fixture), ==, "“Shop 42 (shop42)” added");
  /* In the audit log, in the installer's name. */
  vigil_test_gui_wait (audit_is (fixture, "Shop 42 (shop42)", "add-device:" OPERATOR ":done\n"),
                       VIGIL_TEST_GUI_TIMEOUT);

  /* The exchange is in the trace, without the key or the password. */
  g_assert_true (trace_has (fixture, "addDevice"));
  trace_text = vigil_trace_to_text (vigil_window_get_trace (fixture->window), NULL);
  g_assert_nonnull (strstr (trace_text, "shop42"));
  g_assert_null (strstr (trace_text, "abc12345"));
  g_assert_null (strstr (trace_text, vigil_test_sim_get_password (fixture->sim)));
}

/* A CSV batch with a duplicate: every row says what became of its device. */
static void
test_batch_with_duplicate (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char csv[] =
    "protocol,ISUP ID,key,name,type,heartbeat interval,heartbeat count,visual verification\n"
    "ehomeV5,batch01,Key0000001,Bakery,SecurityCP,10,3,yes\n"
    "ehome,batch02,,Garage,SecurityCP\n"
    "ehomeV5,batch01,Key0000001,Bakery again,SecurityCP\n";
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *results = vigil_devices_view_get_result_list (fixture->view);
  const char *expected[][2] = {
    { "Bakery (batch01)", "Added" },
    { "Garage (batch02)", "Added" },
    { "Bakery again (batch01)", "Already exists" },
  };
  int fd;

  fd = g_file_open_tmp ("vigil-devices-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  file = g_file_new_for_path (path);

  vigil_devices_view_add_from_file (fixture->view, file);
  vigil_test_gui_wait (gtk_list_box_get_row_at_index (results, 2) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_null (gtk_list_box_get_row_at_index (results, 3));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (results, i));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected[i][0]);
      g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected[i][1]);
    }
  g_assert_cmpstr (last_toast (fixture), ==, "Added 2 of 3 devices");
  vigil_test_gui_wait (audit_is (fixture, "Bakery again (batch01)", "add-device:" OPERATOR ":refused\n"),
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpuint (sim_n_panels (fixture), ==, N_PANELS + 2);
  vigil_test_gui_wait (list_length (fixture) == N_PANELS + 2, VIGIL_TEST_GUI_TIMEOUT);

  /* A bad line: nothing is sent, and the message names the line. */
  g_assert_true (g_file_set_contents (path, "ehomeV5,batch03,Key0000003,Cafe\nehomeV5,batch04,short,Bar\n", -1, &error));
  vigil_devices_view_add_from_file (fixture->view, file);
  vigil_test_gui_wait (g_str_has_prefix (last_toast (fixture), "Line 2:"), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpuint (sim_n_panels (fixture), ==, N_PANELS + 2);

  g_unlink (path);
}

/* Two selected devices, deleted after a confirmation (cancelling first deletes nothing). */
static void
test_delete_two (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkSelectionModel *selection = vigil_devices_view_get_selection (fixture->view);
  GtkListBox *results = vigil_devices_view_get_result_list (fixture->view);
  AdwMessageDialog *dialog;
  GtkWidget *delete_button = vigil_test_gui_find_button (GTK_WIDGET (fixture->view), "Delete…");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  {
    g_autoptr(VigilDeviceItem) a = g_list_model_get_item (vigil_devices_view_get_model (fixture->view), 0);
    g_autoptr(VigilDeviceItem) b = g_list_model_get_item (vigil_devices_view_get_model (fixture->view), 1);
    first = g_strdup (vigil_device_item_get_title (a));
    second = g_strdup (vigil_device_item_get_title (b));
  }
  g_assert_true (sim_has_name (fixture, first));

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);

  vigil_test_gui_click (delete_button);
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), "Delete 2 Devices?")) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), first));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), second));
  adw_message_dialog_response (dialog, "cancel");
  vigil_test_gui_run_for (300);
  g_assert_cmpuint (sim_n_panels (fixture), ==, N_PANELS);

  vigil_test_gui_click (delete_button);
  vigil_test_gui_wait ((dialog = vigil_test_gui_find_dialog (GTK_WINDOW (fixture->window), "Delete 2 Devices?")) != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  adw_message_dialog_response (dialog, "delete");

  vigil_test_gui_wait (sim_n_panels (fixture) == 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (gtk_list_box_get_row_at_index (results, 1) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (results, 0))), ==, first);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (results, 0))), ==, "Deleted");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (results, 1))), ==, "Deleted");
  g_assert_cmpstr (last_toast (fixture), ==, "Deleted 2 of 2 devices");
  vigil_test_gui_wait (audit_is (fixture, first, "delete-device:" OPERATOR ":done\n") &&
                       audit_is (fixture, second, "delete-device:" OPERATOR ":done\n"),
                       VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (list_length (fixture) == 0 && !vigil_devices_view_get_loading (fixture->view),
                       VIGIL_TEST_GUI_TIMEOUT);
}

/* ---- paging ---- */

static GPtrArray *
page_indexes (Fixture *fixture)
{
  GListModel *model = vigil_devices_view_get_model (fixture->view);
  GPtrArray *indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilDeviceItem) item = g_list_model_get_item (model, i);
      g_ptr_array_add (indexes, g_strdup (vigil_device_item_get_dev_index (item)));
    }
  return indexes;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* More devices than a page holds: the first page is full, the next one holds the rest and
 * none of the first, and the buttons follow the page. */
static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  guint rest = N_MANY_PANELS - VIGIL_DEVICES_VIEW_PAGE_SIZE;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *count = g_strdup_printf ("%u devices", N_MANY_PANELS);

  g_assert_cmpuint (list_length (fixture), ==, VIGIL_DEVICES_VIEW_PAGE_SIZE);
  g_assert_nonnull (vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, label_is, "Page 1 of 2"));
  g_assert_nonnull (vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, label_is, count));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.previous-page", NULL) &&
                  vigil_devices_view_get_loading (fixture->view));
  first = page_indexes (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.next-page", NULL);
  vigil_test_gui_wait (list_length (fixture) == rest && !vigil_devices_view_get_loading (fixture->view),
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, label_is, "Page 2 of 2"));
  g_assert_cmpuint (vigil_devices_view_get_n_matches (fixture->view), ==, N_MANY_PANELS);
  second = page_indexes (fixture);
  for (guint i = 0; i < second->len; i++)
    g_assert_false (g_ptr_array_find_with_equal_func (first, second->pdata[i], g_str_equal, NULL));

  /* The last page: no next one. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.next-page", NULL) &&
                  vigil_devices_view_get_loading (fixture->view));
  vigil_test_gui_run_for (200);
  g_assert_cmpuint (list_length (fixture), ==, rest);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.previous-page", NULL);
  vigil_test_gui_wait (list_length (fixture) == VIGIL_DEVICES_VIEW_PAGE_SIZE &&
                       !vigil_devices_view_get_loading (fixture->view), VIGIL_TEST_GUI_TIMEOUT);
  g_assert_nonnull (vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, label_is, "Page 1 of 2"));
  {
    g_autoptr(GPtrArray) again = page_indexes (fixture);

    for (guint i = 0; i < again->len; i++)
      g_assert_cmpstr (again->pdata[i], ==, first->pdata[i]);
  }
}

/* ---- Refresh Info ---- */

/* The body of the last request to @path in the trace (NULL when none). */
static char *
last_request_body (Fixture    *fixture,
                   const char *path)
{
  GListModel *trace = G_LIST_MODEL (vigil_window_get_trace (fixture->window));

  for (guint i = g_list_model_get_n_items (trace); i > 0; i--)
    {
      g_autoptr(VigilTraceEntry) entry = g_list_model_get_item (trace, i - 1);
      if (strstr (vigil_trace_entry_get_uri (entry), path) != NULL)
        return g_strdup (vigil_trace_entry_get_request_body (entry));
    }
  return NULL;
}

/* Several selected devices are read again in one refreshDevInfo; with none selected, the page. */
static void
test_refresh_info (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSelectionModel *selection = vigil_devices_view_get_selection (fixture->view);
  g_autoptr(GPtrArray) indexes = page_indexes (fixture);
  g_autofree char *body = NULL;

  g_assert_cmpuint (indexes->len, >=, 3);
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.refresh-info", NULL);
  vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), "Read 2 devices again") == 0, VIGIL_TEST_GUI_TIMEOUT);
  body = last_request_body (fixture, "refreshDevInfo");
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, indexes->pdata[0]));
  g_assert_nonnull (strstr (body, indexes->pdata[2]));
  g_assert_null (strstr (body, indexes->pdata[1]));
  /* The list is read again afterwards and keeps every device. */
  vigil_test_gui_wait (!vigil_devices_view_get_loading (fixture->view) && list_length (fixture) == indexes->len,
                       VIGIL_TEST_GUI_TIMEOUT);

  gtk_selection_model_unselect_all (selection);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "devices.refresh-info", NULL);
  {
    g_autofree char *expected = g_strdup_printf ("Read %u devices again", indexes->len);
    vigil_test_gui_wait (g_strcmp0 (last_toast (fixture), expected) == 0, VIGIL_TEST_GUI_TIMEOUT);
  }
  g_clear_pointer (&body, g_free);
  body = last_request_body (fixture, "refreshDevInfo");
  for (guint i = 0; i < indexes->len; i++)
    g_assert_nonnull (strstr (body, indexes->pdata[i]));
}

/* ---- live status ---- */

typedef struct
{
  const char *dev_index;
  gboolean online;
} SetOnline;

static void
set_online (VigilSimGateway *gateway,
            gpointer         user_data)
{
  SetOnline *change = user_data;

  vigil_sim_panel_set_online (vigil_sim_gateway_lookup_panel (gateway, change->dev_index), change->online);
}

static void
sim_set_online (Fixture    *fixture,
                const char *dev_index,
                gboolean    online)
{
  SetOnline change = { dev_index, online };

  vigil_test_sim_invoke_sync (fixture->sim, set_online, &change);
}

/* Whether @item is still the list's row at @position: a list read again has new rows. */
static gboolean
same_row (Fixture         *fixture,
          guint            position,
          VigilDeviceItem *item)
{
  g_autoptr(VigilDeviceItem) now = g_list_model_get_item (vigil_devices_view_get_model (fixture->view), position);

  return now == item;
}

/* A device goes offline and comes back (devStatusChanged on the event stream): its row and
 * its open page follow, and the list is not read again for it. */
static void
test_live_status (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *model = vigil_devices_view_get_model (fixture->view);
  VigilDevicePage *page = vigil_devices_view_get_device_page (fixture->view);
  g_autoptr(VigilDeviceItem) item = g_list_model_get_item (model, 1);
  g_autoptr(VigilDeviceItem) other = g_list_model_get_item (model, 0);
  g_autofree char *dev_index = g_strdup (vigil_device_item_get_dev_index (item));
  VigilEventStream *stream = vigil_session_get_stream (vigil_window_get_session (fixture->window));
  GtkWidget *column_view = vigil_test_gui_find (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, NULL, NULL);

  vigil_test_gui_wait (vigil_event_stream_get_state (stream) == VIGIL_STREAM_ONLINE, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_device_item_get_dev_status (item), ==, "online");
  g_assert_nonnull (vigil_test_gui_find (column_view, GTK_TYPE_LABEL, label_is, "Online"));
  g_assert_null (vigil_test_gui_find (column_view, GTK_TYPE_LABEL, label_is, "Offline"));

  /* Offline: the row says so, the other device's does not. */
  sim_set_online (fixture, dev_index, FALSE);
  vigil_test_gui_wait (g_strcmp0 (vigil_device_item_get_dev_status (item), "offline") == 0, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_device_item_get_dev_status (other), ==, "online");
  vigil_test_gui_wait (vigil_test_gui_find (column_view, GTK_TYPE_LABEL, label_is, "Offline") != NULL,
                       VIGIL_TEST_GUI_TIMEOUT);
  g_assert_true (same_row (fixture, 1, item));

  /* Back online, with its page open: the page and the row follow. */
  vigil_devices_view_show_device (fixture->view, dev_index);
  vigil_test_gui_wait (gtk_widget_get_mapped (GTK_WIDGET (page)) &&
                       vigil_device_page_get_state_text (page) != NULL, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_device_page_get_state_text (page), !=, "Online");
  sim_set_online (fixture, dev_index, TRUE);
  vigil_test_gui_wait (g_strcmp0 (vigil_device_item_get_dev_status (item), "online") == 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (g_strcmp0 (vigil_device_page_get_state_text (page), "Online") == 0, VIGIL_TEST_GUI_TIMEOUT);
  vigil_test_gui_wait (vigil_device_page_get_info (page) != NULL, VIGIL_TEST_GUI_TIMEOUT);

  /* Offline again while the page is shown: the page says so at once. */
  sim_set_online (fixture, dev_index, FALSE);
  vigil_test_gui_wait (g_strcmp0 (vigil_device_page_get_state_text (page), "Offline") == 0, VIGIL_TEST_GUI_TIMEOUT);
  g_assert_cmpstr (vigil_device_item_get_dev_status (item), ==, "offline");
  g_assert_true (same_row (fixture, 1, item));
}

int
main (int   argc,
      char *argv[])
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/devices-view/add-validates", Fixture, NULL, fixture_setup, test_add_validates, fixture_teardown);
  g_test_add ("/devices-view/batch-with-duplicate", Fixture, NULL, fixture_setup, test_batch_with_duplicate,
              fixture_teardown);
  g_test_add ("/devices-view/delete-two", Fixture, NULL, fixture_setup, test_delete_two, fixture_teardown);
  g_test_add ("/devices-view/paging", Fixture, GUINT_TO_POINTER (N_MANY_PANELS), fixture_setup, test_paging,
              fixture_teardown);
  g_test_add ("/devices-view/refresh-info", Fixture, GUINT_TO_POINTER (3), fixture_setup, test_refresh_info,
              fixture_teardown);
  g_test_add ("/devices-view/live-status", Fixture, NULL, fixture_setup, test_live_status, fixture_teardown);

  return g_test_run ();
}
