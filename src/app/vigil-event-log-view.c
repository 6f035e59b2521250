/* vigil-event-log-view.c — the "log" page: every event, filtered, exported, and as received
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns show VigilEventLogModel, which reads the log from SQLite a page at a time: nothing
 * here walks the items (no sorter, no filter model, no counting in the view), so a log of a
 * million events opens as fast as an empty one. Filters go to the store as a VigilEventFilter.
 */
#define G_LOG_DOMAIN "vigil-event-log-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-csv-export.h"
#include "vigil-event-log-view.h"
#include "vigil-format.h"
#include "vigil-json.h"
#include "vigil-lazy-tooltip.h"
#include "vigil-window.h"

typedef enum
{
  COLUMN_TIME,
  COLUMN_PANEL,
  COLUMN_PARTITION,
  COLUMN_ZONE,
  COLUMN_EVENT,
  COLUMN_CID,
  COLUMN_OPERATOR,
} Column;

/* A date and time is read whole or not at all: that column does not shrink. */
static const struct {
  const char *title;
  gboolean expand;
  int fixed_width;
} columns[] = {
  [COLUMN_TIME] = { N_("Time"), FALSE, 170 },
  [COLUMN_PANEL] = { N_("Panel"), TRUE, -1 },
  [COLUMN_PARTITION] = { N_("Partition"), FALSE, -1 },
  [COLUMN_ZONE] = { N_("Zone"), TRUE, -1 },
  [COLUMN_EVENT] = { N_("Event"), TRUE, -1 },
  [COLUMN_CID] = { N_("CID Code"), FALSE, -1 },
  [COLUMN_OPERATOR] = { N_("Operator"), FALSE, -1 },
};

/* The type filter's choices, in the order of the drop-down. */
static const char * const type_labels[] = {
  N_("All types"),
  N_("Contact ID events"),
  N_("Video review"),
  N_("Panel online or offline"),
  N_("Link lost or restored"),
  N_("Unrecognised"),
};

/* The time filter's choices: how far back, in seconds (0: no limit). */
static const struct {
  const char *label;
  gint64 seconds;
} time_ranges[] = {
  { N_("Any time"), 0 },
  { N_("Last hour"), 3600 },
  { N_("Last 24 hours"), 24 * 3600 },
  { N_("Last 7 days"), 7 * 24 * 3600 },
  { N_("Last 30 days"), 30 * 24 * 3600 },
};

struct _VigilEventLogView
{
  GtkWidget parent_instance;

  GtkBox *box;
  GtkSearchEntry *search_entry;
  GtkToggleButton *raw_toggle;
  GtkFlowBox *filter_box;
  GtkDropDown *panel_dropdown;
  GtkDropDown *type_dropdown;
  GtkDropDown *time_dropdown;
  GtkLabel *count_label;
  AdwFlap *flap;
  GtkStack *content_stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  GtkLabel *raw_title;
  GtkTextView *raw_view;

  GtkSingleSelection *selection;
  GtkStringList *panel_names;
  GPtrArray *panel_devices;      /* devIndex of each panel_names item; NULL for "All panels" */
  gboolean filling_panels;
  guint fill_panels_id;

  VigilJournal *journal;
  VigilSite *site;
  VigilEventLogModel *model;
  VigilEventFilter *filter;
  GCancellable *raw_cancellable;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (VigilEventLogView, vigil_event_log_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- cells ---- */


static void
fill_cell (GtkLabel      *label,
           VigilEventRow *row,
           Column         column)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (!vigil_event_row_get_loaded (row))
    {
      gtk_label_set_label (label, "");
      vigil_lazy_tooltip_set_text (GTK_WIDGET (label), NULL);
      return;
    }

  switch (column)
    {
    case COLUMN_TIME:
      {
        GDateTime *panel_time = vigil_event_row_get_panel_time (row);
        g_autofree char *received = vigil_format_usec_utc (vigil_event_row_get_received_at (row));

        /* The panel's own clock, as its keypad showed it; UTC beside it for comparing sites. */
        if (panel_time != NULL)
          {
            g_autoptr(GDateTime) utc = g_date_time_to_utc (panel_time);
            g_autofree char *utc_text = g_date_time_format (utc, "%Y-%m-%d %H:%M:%S UTC");

            text = g_date_time_format (panel_time, "%Y-%m-%d %H:%M:%S");
            tooltip = g_strdup_printf (vigil_event_row_get_time_zone_assumed (row)
                                         ? _("%s (the panel sent no time zone)\nReceived %s")
                                         : _("%s\nReceived %s"),
                                       utc_text, received);
          }
        else
          {
            text = vigil_format_usec_local (vigil_event_row_get_received_at (row));
            tooltip = g_strdup_printf (_("Received %s (the panel sent no time)"), received);
          }
      }
      break;

    case COLUMN_PANEL:
      if (vigil_event_row_get_panel_name (row) != NULL && *vigil_event_row_get_panel_name (row) != '\0')
        text = g_strdup (vigil_event_row_get_panel_name (row));
      else
        text = vigil_format_panel (NULL, vigil_event_row_get_dev_index (row));
      tooltip = g_strdup (vigil_event_row_get_dev_index (row));
      break;

    case COLUMN_PARTITION:
      if (vigil_event_row_get_partition (row) > 0)
        text = g_strdup_printf ("%d", vigil_event_row_get_partition (row));
      break;

    case COLUMN_ZONE:
      if (vigil_event_row_get_zone (row) > 0)
        {
          const char *name = vigil_event_row_get_zone_name (row);

          text = name != NULL && *name != '\0'
                   ? g_strdup_printf (_("%d · %s"), vigil_event_row_get_zone (row), name)
                   : g_strdup_printf ("%d", vigil_event_row_get_zone (row));
        }
      break;

    case COLUMN_EVENT:
      if (vigil_event_row_get_description (row) != NULL && *vigil_event_row_get_description (row) != '\0')
        text = g_strdup (vigil_event_row_get_description (row));
      else if (vigil_event_row_get_event_type (row) != NULL)
        text = g_strdup (vigil_event_type_label (vigil_event_row_get_event_type (row)));
      tooltip = g_strdup (text);
      break;

    case COLUMN_CID:
      text = g_strdup (vigil_event_row_get_cid_code (row));
      break;

    case COLUMN_OPERATOR:
      text = g_strdup (vigil_event_row_get_operator (row));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text != NULL ? text : "");
  vigil_lazy_tooltip_set_text (GTK_WIDGET (label), tooltip);
}

static void
on_row_loaded (VigilEventRow *row,
               GParamSpec    *pspec,
               GtkListItem   *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  fill_cell (GTK_LABEL (label), row, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "vigil-column")));
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (GPOINTER_TO_INT (column) == COLUMN_TIME || GPOINTER_TO_INT (column) == COLUMN_CID)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "vigil-column", column);
  vigil_lazy_tooltip_attach (label);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  VigilEventRow *row = gtk_list_item_get_item (item);

  fill_cell (GTK_LABEL (gtk_list_item_get_child (item)), row, GPOINTER_TO_INT (column));

  /* A placeholder fills in when its page arrives. */
  if (!vigil_event_row_get_loaded (row))
    g_signal_connect_object (row, "notify::loaded", G_CALLBACK (on_row_loaded), item, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  VigilEventRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_loaded, item);
}

static void
add_columns (VigilEventLogView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      if (columns[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- the count and the empty page ---- */

static void
update_count (VigilEventLogView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean loading = self->model == NULL || vigil_event_log_model_get_loading (self->model);
  const char *error = self->journal ? vigil_journal_get_error (self->journal) : NULL;
  g_autofree char *text = NULL;

  if (self->model == NULL && error != NULL)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Event Log Is Not Available"));
      adw_status_page_set_description (self->empty_page, error);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (loading && n == 0)
    text = g_strdup (_("Reading the log…"));
  else if (loading)
    /* Translators: the first rows are shown while the matching events are counted */
    text = g_strdup (_("Counting…"));
  else
    text = g_strdup_printf (ngettext ("%'u event", "%'u events", n), n);
  gtk_label_set_label (self->count_label, text);

  if (n == 0 && !loading)
    {
      adw_status_page_set_icon_name (self->empty_page, self->filter ? "edit-find-symbolic"
                                                                    : "document-open-recent-symbolic");
      adw_status_page_set_title (self->empty_page, self->filter ? _("No Events Match") : _("No Events Yet"));
      adw_status_page_set_description (self->empty_page,
                                       self->filter ? _("Try other words, or fewer filters.")
                                                    : _("Events from the gateway are kept here as they arrive."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "log");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export", self->model != NULL);
}

/* ---- filters ---- */

static void
add_types (VigilEventFilter *filter,
           guint             choice)
{
  switch (choice)
    {
    case 1: vigil_event_filter_add_type (filter, VIGIL_EVENT_CID_ALARM); break;
    case 2: vigil_event_filter_add_type (filter, VIGIL_EVENT_VIDEO_REVIEW); break;
    case 3: vigil_event_filter_add_type (filter, VIGIL_EVENT_DEV_STATUS_CHANGED); break;
    case 4:
      vigil_event_filter_add_type (filter, VIGIL_EVENT_LINK_LOST);
      vigil_event_filter_add_type (filter, VIGIL_EVENT_LINK_RESTORED);
      break;
    case 5:
      vigil_event_filter_add_type (filter, VIGIL_EVENT_UNKNOWN);
      vigil_event_filter_add_type (filter, VIGIL_EVENT_STREAM_ERROR);
      break;
    default:
      break;
    }
}

static void
apply_filter (VigilEventLogView *self)
{
  g_autoptr(VigilEventFilter) filter = vigil_event_filter_new ();
  guint panel = gtk_drop_down_get_selected (self->panel_dropdown);
  guint time = gtk_drop_down_get_selected (self->time_dropdown);

  if (self->filling_panels)
    return;

  if (panel != GTK_INVALID_LIST_POSITION && panel < self->panel_devices->len &&
      g_ptr_array_index (self->panel_devices, panel) != NULL)
    vigil_event_filter_add_device (filter, g_ptr_array_index (self->panel_devices, panel));
  add_types (filter, gtk_drop_down_get_selected (self->type_dropdown));
  if (time != GTK_INVALID_LIST_POSITION && time < G_N_ELEMENTS (time_ranges) && time_ranges[time].seconds > 0)
    vigil_event_filter_set_time_range (filter, g_get_real_time () - time_ranges[time].seconds * G_USEC_PER_SEC, 0);
  vigil_event_filter_set_text (filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_clear_pointer (&self->filter, vigil_event_filter_free);
  if (!vigil_event_filter_is_empty (filter))
    self->filter = g_steal_pointer (&filter);

  if (self->model != NULL)
    vigil_event_log_model_set_filter (self->model, self->filter);
  update_count (self);
}

static void
fill_panels (VigilEventLogView *self)
{
  GListModel *panels = self->site ? vigil_site_get_panels (self->site) : NULL;
  guint selected = gtk_drop_down_get_selected (self->panel_dropdown);
  g_autofree char *kept = NULL;
  guint n = panels ? g_list_model_get_n_items (panels) : 0;
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->panel_devices->len)
    kept = g_strdup (g_ptr_array_index (self->panel_devices, selected));

  self->filling_panels = TRUE;

  g_ptr_array_set_size (self->panel_devices, 0);
  g_ptr_array_add (self->panel_devices, NULL);
  gtk_string_list_splice (self->panel_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->panel_names)), NULL);
  gtk_string_list_append (self->panel_names, _("All panels"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilPanel) panel = g_list_model_get_item (panels, i);
      const char *dev_index = vigil_panel_get_dev_index (panel);
      const char *name = vigil_panel_get_name (panel);
      g_autofree char *fallback = vigil_format_panel (NULL, dev_index);

      gtk_string_list_append (self->panel_names, name != NULL && *name != '\0' ? name : fallback);
      g_ptr_array_add (self->panel_devices, g_strdup (dev_index));
      if (g_strcmp0 (kept, dev_index) == 0)
        new_selected = i + 1;
    }

  gtk_drop_down_set_selected (self->panel_dropdown, new_selected);
  self->filling_panels = FALSE;

  /* The chosen panel left the site: show every panel rather than nothing. */
  if (kept != NULL && new_selected == 0)
    apply_filter (self);
}

static gboolean
fill_panels_idle (gpointer data)
{
  VigilEventLogView *self = data;

  self->fill_panels_id = 0;
  fill_panels (self);
  return G_SOURCE_REMOVE;
}

/* A site reads its panels one by one: the list is made once they stopped coming. */
static void
queue_fill_panels (VigilEventLogView *self)
{
  if (self->fill_panels_id == 0)
    self->fill_panels_id = g_idle_add_full (G_PRIORITY_LOW, fill_panels_idle, self, NULL);
}

static void
on_session (VigilEventLogView *self)
{
  VigilSession *session = self->journal ? vigil_journal_get_session (self->journal) : NULL;
  VigilSite *site = session ? vigil_session_get_site (session) : NULL;

  if (site != self->site)
    {
      if (self->site != NULL)
        g_signal_handlers_disconnect_by_data (vigil_site_get_panels (self->site), self);
      g_set_object (&self->site, site);
      if (site != NULL)
        g_signal_connect_object (vigil_site_get_panels (site), "items-changed", G_CALLBACK (queue_fill_panels),
                                 self, G_CONNECT_SWAPPED);
    }
  fill_panels (self);
}

/* ---- the raw event ---- */

static void
on_raw (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(VigilEventLogView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) raw = vigil_event_store_get_raw_finish (VIGIL_EVENT_STORE (source), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (raw == NULL)
    text = g_strdup_printf (_("The raw event could not be read: %s"), error->message);
  else
    {
      gsize len;
      const char *data = g_bytes_get_data (raw, &len);

      /* As received: shown, never interpreted (it may not even be valid UTF-8). */
      text = vigil_utf8_repair (data, (gssize) len);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->raw_view), text, -1);
}

static void
load_raw (VigilEventLogView *self)
{
  VigilEventRow *row = gtk_single_selection_get_selected_item (self->selection);
  VigilEventStore *store = self->journal ? vigil_journal_get_store (self->journal) : NULL;
  g_autofree char *title = NULL;

  g_cancellable_cancel (self->raw_cancellable);
  g_clear_object (&self->raw_cancellable);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->raw_view), "", -1);

  if (!adw_flap_get_reveal_flap (self->flap))
    return;

  if (row == NULL || store == NULL)
    {
      gtk_label_set_label (self->raw_title, _("Raw Event"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->raw_view), _("Select an event in the log."), -1);
      return;
    }
  if (!vigil_event_row_get_loaded (row))
    {
      /* Its page is on its way; the selection is read again when it arrives. */
      g_signal_handlers_disconnect_by_func (row, load_raw, self);
      g_signal_connect_object (row, "notify::loaded", G_CALLBACK (load_raw), self, G_CONNECT_SWAPPED);
      return;
    }

  /* Translators: title of the side panel, with the event's number in the log */
  title = g_strdup_printf (_("Raw Event %lld"), (long long) vigil_event_row_get_id (row));
  gtk_label_set_label (self->raw_title, title);

  self->raw_cancellable = g_cancellable_new ();
  vigil_event_store_get_raw_async (store, vigil_event_row_get_id (row), self->raw_cancellable, on_raw,
                                   g_object_ref (self));
}

static void
on_raw_toggled (VigilEventLogView *self)
{
  adw_flap_set_reveal_flap (self->flap, gtk_toggle_button_get_active (self->raw_toggle));
}

static void
on_flap_revealed (VigilEventLogView *self)
{
  gtk_toggle_button_set_active (self->raw_toggle, adw_flap_get_reveal_flap (self->flap));
  load_raw (self);
}

static void
on_raw_close (VigilEventLogView *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_row_activate (VigilEventLogView *self,
                 guint              position)
{
  vigil_event_log_view_show_raw (self, position);
}

/* ---- export ---- */

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = g_object_get_data (G_OBJECT (file), "vigil-log-view");
  gint64 n = vigil_csv_export_finish (result, &error);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *count = n >= 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, n) : NULL;
  g_autofree char *text = NULL;

  if (n < 0)
    text = g_strdup_printf (_("The log was not exported: %s"), error->message);
  else
    /* Translators: "1,204 events exported to vigil-events-20261126-1802.csv" */
    text = g_strdup_printf (ngettext ("%s event exported to %s", "%s events exported to %s", (gulong) n),
                            count, name);
  if (widget != NULL)
    vigil_window_toast_for (widget, text, n < 0);
}

static void
on_chooser_response (VigilEventLogView *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  /* The toast goes to this view's window, if it is still there when the file is written. */
  g_object_set_data_full (G_OBJECT (file), "vigil-log-view", g_object_ref (self), g_object_unref);
  vigil_event_log_view_export_async (self, file, NULL, on_exported, g_object_ref (file));
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilEventLogView *self = VIGIL_EVENT_LOG_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "vigil-events-%Y%m%d-%H%M.csv");
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  /* The portal's chooser inside a Flatpak, GTK's own elsewhere. */
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export the Event Log"),
                                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

/* ---- the store ---- */

static void
on_store (VigilEventLogView *self)
{
  VigilEventStore *store = self->journal ? vigil_journal_get_store (self->journal) : NULL;

  if (self->model != NULL && vigil_event_log_model_get_store (self->model) == store)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  if (store != NULL)
    {
      self->model = vigil_event_log_model_new (store);
      vigil_event_log_model_set_filter (self->model, self->filter);
      vigil_event_log_model_set_paused (self->model, !gtk_widget_get_mapped (GTK_WIDGET (self)));
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  update_count (self);
}

/* ---- public ---- */

void
vigil_event_log_view_set_journal (VigilEventLogView *self,
                                  VigilJournal      *journal)
{
  g_return_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self));
  g_return_if_fail (journal == NULL || VIGIL_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "notify::store", G_CALLBACK (on_store), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "notify::error", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "notify::session", G_CALLBACK (on_session), self, G_CONNECT_SWAPPED);
    }

  on_store (self);
  on_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

VigilEventLogModel *
vigil_event_log_view_get_model (VigilEventLogView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self), NULL);
  return self->model;
}

const VigilEventFilter *
vigil_event_log_view_get_filter (VigilEventLogView *self)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self), NULL);
  return self->filter;
}

void
vigil_event_log_view_set_search (VigilEventLogView *self,
                                 const char        *text)
{
  g_return_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  apply_filter (self);
}

void
vigil_event_log_view_export_async (VigilEventLogView   *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  VigilEventStore *store;

  g_return_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  store = self->journal ? vigil_journal_get_store (self->journal) : NULL;
  if (store == NULL)
    {
      g_task_report_new_error (self, callback, user_data, vigil_event_log_view_export_async,
                               VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_CLOSED,
                               _("The event log is not open."));
      return;
    }

  /* Exactly what the operator sees: the filter of the controls, read again from the store. */
  vigil_csv_export_async (store, self->filter, file, cancellable, callback, user_data);
}

gint64
vigil_event_log_view_export_finish (VigilEventLogView  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self), -1);

  if (g_async_result_is_tagged (result, vigil_event_log_view_export_async))
    return g_task_propagate_int (G_TASK (result), error);
  return vigil_csv_export_finish (result, error);
}

void
vigil_event_log_view_show_raw (VigilEventLogView *self,
                               guint              position)
{
  g_return_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
  if (adw_flap_get_reveal_flap (self->flap))
    load_raw (self);
  else
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

char *
vigil_event_log_view_dup_raw_text (VigilEventLogView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (VIGIL_IS_EVENT_LOG_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->raw_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- GtkWidget ---- */

/* Off screen (another page of the window showing, or the window hidden) the model reads no new
 * events: the columns would create and bind rows for each of them, and at a thousand events a
 * second that work delayed the frames that show alarms. Shown again, the model reads at once
 * what came meanwhile. */
static void
vigil_event_log_view_map (GtkWidget *widget)
{
  VigilEventLogView *self = VIGIL_EVENT_LOG_VIEW (widget);

  GTK_WIDGET_CLASS (vigil_event_log_view_parent_class)->map (widget);
  if (self->model != NULL)
    vigil_event_log_model_set_paused (self->model, FALSE);
}

static void
vigil_event_log_view_unmap (GtkWidget *widget)
{
  VigilEventLogView *self = VIGIL_EVENT_LOG_VIEW (widget);

  if (self->model != NULL)
    vigil_event_log_model_set_paused (self->model, TRUE);
  GTK_WIDGET_CLASS (vigil_event_log_view_parent_class)->unmap (widget);
}

/* ---- GObject ---- */

static void
vigil_event_log_view_dispose (GObject *object)
{
  VigilEventLogView *self = (VigilEventLogView *)object;

  g_cancellable_cancel (self->raw_cancellable);
  g_clear_object (&self->raw_cancellable);
  g_clear_handle_id (&self->fill_panels_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->site != NULL)
    g_signal_handlers_disconnect_by_data (vigil_site_get_panels (self->site), self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->site);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_EVENT_LOG_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigil_event_log_view_parent_class)->dispose (object);
}

static void
vigil_event_log_view_finalize (GObject *object)
{
  VigilEventLogView *self = (VigilEventLogView *)object;

  g_clear_pointer (&self->filter, vigil_event_filter_free);
  g_clear_pointer (&self->panel_devices, g_ptr_array_unref);
  g_clear_object (&self->panel_names);

  G_OBJECT_CLASS (vigil_event_log_view_parent_class)->finalize (object);
}

static void
vigil_event_log_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilEventLogView *self = VIGIL_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: g_value_set_object (value, self->journal); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_log_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilEventLogView *self = VIGIL_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: vigil_event_log_view_set_journal (self, g_value_get_object (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_event_log_view_class_init (VigilEventLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_event_log_view_dispose;
  object_class->finalize = vigil_event_log_view_finalize;
  object_class->get_property = vigil_event_log_view_get_property;
  object_class->set_property = vigil_event_log_view_set_property;
  widget_class->map = vigil_event_log_view_map;
  widget_class->unmap = vigil_event_log_view_unmap;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, VIGIL_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "log.export", NULL, action_export);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "log.export", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilconsole/Vigil/ui/vigil-event-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, box);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, raw_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, panel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, time_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, flap);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, raw_title);
  gtk_widget_class_bind_template_child (widget_class, VigilEventLogView, raw_view);
  gtk_widget_class_bind_template_callback (widget_class, apply_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_raw_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_raw_close);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
}

static GListModel *
string_list_of (const char * const *labels,
                gsize               n_labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (gsize i = 0; i < n_labels; i++)
    gtk_string_list_append (list, _(labels[i]));
  return G_LIST_MODEL (list);
}

static void
vigil_event_log_view_init (VigilEventLogView *self)
{
  const char *range_labels[G_N_ELEMENTS (time_ranges)];
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GListModel) ranges = NULL;

  self->panel_names = gtk_string_list_new (NULL);
  self->panel_devices = g_ptr_array_new_with_free_func (g_free);

  /* Filled before the template connects the drop-downs' signals: no filter runs yet. */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling_panels = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (time_ranges); i++)
    range_labels[i] = time_ranges[i].label;
  types = string_list_of (type_labels, G_N_ELEMENTS (type_labels));
  ranges = string_list_of (range_labels, G_N_ELEMENTS (range_labels));
  gtk_drop_down_set_model (self->type_dropdown, types);
  gtk_drop_down_set_model (self->time_dropdown, ranges);
  gtk_drop_down_set_model (self->panel_dropdown, G_LIST_MODEL (self->panel_names));
  self->filling_panels = FALSE;

  /* The drop-downs are the stops for the keyboard, not the flow box's cells around them. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (load_raw), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);

  fill_panels (self);
  update_count (self);
}
