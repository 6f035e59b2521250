/* vigil-devices-view.c — the devices behind the gateway, for installers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-devices-view"

#include <glib/gi18n.h>

#include "vigil-add-device-dialog.h"
#include "vigil-device-csv.h"
#include "vigil-device-item.h"
#include "vigil-devices-view.h"
#include "vigil-window.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_MODEL,
  COLUMN_TYPE,
  COLUMN_PROTOCOL,
  COLUMN_ISUP_ID,
  COLUMN_STATUS,
  COLUMN_ACTIVATION,
  COLUMN_VIDEO,
  COLUMN_VERIFICATION,
} Column;

static const struct {
  const char *title;
  gboolean expand;
} columns[] = {
  [COLUMN_NAME] = { N_("Name"), TRUE },
  [COLUMN_MODEL] = { N_("Model"), FALSE },
  [COLUMN_TYPE] = { N_("Type"), FALSE },
  [COLUMN_PROTOCOL] = { N_("Protocol"), FALSE },
  [COLUMN_ISUP_ID] = { N_("ISUP ID"), FALSE },
  [COLUMN_STATUS] = { N_("Status"), FALSE },
  [COLUMN_ACTIVATION] = { N_("Activation"), FALSE },
  [COLUMN_VIDEO] = { N_("Video Channels"), FALSE },
  [COLUMN_VERIFICATION] = { N_("Visual Verification"), FALSE },
};

/* A device's status changed where the status filter decides what the page holds: the list is
 * read again this long after the last such change, once for a burst (the gateway repeats
 * every device's status at each new subscription). */
#define STATUS_RELOAD_DELAY_MS 500

/* The filters' rows, in the .ui's order (index 0: any). */
static const char * const type_values[] = { NULL, "SecurityCP", "encodingDev", "AccessControl" };
static const char * const protocol_values[] = { NULL, "ehome", "ehomeV5" };
static const char * const status_values[] = { NULL, "online", "offline" };

struct _VigilDevicesView
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSearchEntry *search_entry;
  GtkDropDown *type_filter;
  GtkDropDown *protocol_filter;
  GtkDropDown *status_filter;
  GtkLabel *count_label;
  GtkRevealer *result_revealer;
  GtkLabel *result_title;
  GtkListBox *result_list;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkMultiSelection *selection;
  GListStore *store;
  AdwStatusPage *empty_page;
  GtkLabel *page_label;
  VigilDevicePage *device_page;

  VigilSession *session;
  VigilEventStream *stream;       /* its devStatusChanged keep the rows' status true */
  GCancellable *load_cancellable;
  GCancellable *cancellable;      /* adds, deletes and refreshes */
  guint status_reload_id;
  guint page;
  guint n_matches;
  gboolean loading;
  gboolean needs_load;            /* read when first shown, not at every sign-in */
  char *read_filter;              /* the search and filters of the last read (filter_key()) */
};

G_DEFINE_FINAL_TYPE (VigilDevicesView, vigil_devices_view, GTK_TYPE_WIDGET)

/* ---- cells ---- */

static const char *
yes_no (gboolean has,
        gboolean value)
{
  if (!has)
    return "";
  return value ? _("Yes") : _("No");
}

static void
fill_cell (GtkLabel        *label,
           VigilDeviceItem *item,
           Column           column)
{
  const VigilDeviceEntry *entry = vigil_device_item_get_entry (item);
  g_autofree char *number = NULL;
  const char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  switch (column)
    {
    case COLUMN_NAME:     text = vigil_device_item_get_title (item); break;
    case COLUMN_MODEL:    text = entry->dev_mode; break;
    case COLUMN_TYPE:     text = vigil_device_type_label (entry->dev_type); break;
    case COLUMN_PROTOCOL: text = vigil_device_protocol_label (entry->protocol_type); break;
    case COLUMN_ISUP_ID:  text = entry->ehome_id; break;
    case COLUMN_STATUS:
      if (g_strcmp0 (entry->dev_status, "online") == 0)
        {
          text = _("Online");
          gtk_widget_add_css_class (GTK_WIDGET (label), "success");
        }
      else if (g_strcmp0 (entry->dev_status, "offline") == 0)
        {
          text = _("Offline");
          gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
        }
      else
        text = entry->dev_status;
      break;
    case COLUMN_ACTIVATION:
      text = entry->has_active_status ? (entry->active_status ? _("Activated") : _("Not activated")) : "";
      break;
    case COLUMN_VIDEO:
      if (entry->has_video_channel_num)
        text = number = g_strdup_printf ("%" G_GINT64_FORMAT, entry->video_channel_num);
      break;
    case COLUMN_VERIFICATION:
      text = yes_no (entry->has_visual_verification, entry->visual_verification);
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text ? text : "");
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (column) == COLUMN_VIDEO)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_item_status (VigilDeviceItem *item,
                GParamSpec      *pspec,
                GtkLabel        *label)
{
  fill_cell (label, item, COLUMN_STATUS);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  fill_cell (label, gtk_list_item_get_item (item), GPOINTER_TO_INT (column));
  /* The status changes while the row is shown (devStatusChanged). */
  if (GPOINTER_TO_INT (column) == COLUMN_STATUS)
    g_signal_connect_object (gtk_list_item_get_item (item), "notify::dev-status",
                             G_CALLBACK (on_item_status), label, 0);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  column)
{
  if (GPOINTER_TO_INT (column) == COLUMN_STATUS)
    g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_item_status,
                                          gtk_list_item_get_child (item));
}

static void
add_columns (VigilDevicesView *self)
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
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* ---- the page of the list ---- */

static guint
n_pages (VigilDevicesView *self)
{
  return MAX (1, (self->n_matches + VIGIL_DEVICES_VIEW_PAGE_SIZE - 1) / VIGIL_DEVICES_VIEW_PAGE_SIZE);
}

static void
update_paging (VigilDevicesView *self)
{
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages (self));
  g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u device", "%u devices", self->n_matches),
                                            self->n_matches);

  gtk_label_set_text (self->page_label, page);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "devices.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "devices.next-page", self->page + 1 < n_pages (self));
}

static void
set_loading (VigilDevicesView *self,
             gboolean          loading)
{
  self->loading = loading;
}

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilDevicesView) self = user_data;
  g_autoptr(VigilSearchResult) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  found = vigil_client_search_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);

  if (found == NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      g_list_store_remove_all (self->store);
      adw_status_page_set_title (self->empty_page, _("The Devices Were Not Read"));
      /* Markup, and the gateway's words may be an HTML error page. */
      adw_status_page_set_description (self->empty_page, markup);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  self->n_matches = found->has_total_matches ? (guint) found->total_matches : found->devices->len;
  /* The last page may have gone (devices deleted): step back to the new last one. */
  if (found->devices->len == 0 && self->page > 0 && self->page >= n_pages (self))
    {
      self->page = n_pages (self) - 1;
      vigil_devices_view_reload (self);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->devices->len; i++)
    g_ptr_array_add (items, vigil_device_item_new (g_steal_pointer (&found->devices->pdata[i])));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  update_paging (self);
  if (items->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Devices"));
      adw_status_page_set_description (self->empty_page,
                                       *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0' ||
                                       gtk_drop_down_get_selected (self->type_filter) != 0 ||
                                       gtk_drop_down_get_selected (self->protocol_filter) != 0 ||
                                       gtk_drop_down_get_selected (self->status_filter) != 0
                                       ? _("No device matches the search and filters.")
                                       : _("Add the panels and cameras that report to this gateway."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static const char *
filter_value (GtkDropDown        *drop_down,
              const char * const *values,
              guint               n_values)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  return selected < n_values ? values[selected] : NULL;
}

/* The search text and the three filters, as one string. */
static char *
filter_key (VigilDevicesView *self)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u\x1f%u", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                          gtk_drop_down_get_selected (self->type_filter),
                          gtk_drop_down_get_selected (self->protocol_filter),
                          gtk_drop_down_get_selected (self->status_filter));
}

void
vigil_devices_view_reload (VigilDevicesView *self)
{
  g_autoptr(VigilSearchDescription) search = NULL;
  const char *key;

  g_return_if_fail (VIGIL_IS_DEVICES_VIEW (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->status_reload_id, g_source_remove);
  if (self->session == NULL)
    return;

  self->needs_load = FALSE;
  g_free (self->read_filter);
  self->read_filter = filter_key (self);
  self->load_cancellable = g_cancellable_new ();
  search = vigil_search_description_new ();
  search->position = (gint64) self->page * VIGIL_DEVICES_VIEW_PAGE_SIZE;
  search->has_position = TRUE;
  search->max_result = VIGIL_DEVICES_VIEW_PAGE_SIZE;
  search->has_max_result = TRUE;
  key = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (*key != '\0')
    search->key = g_strdup (key);
  search->dev_type = g_strdup (filter_value (self->type_filter, type_values, G_N_ELEMENTS (type_values)));
  search->protocol_type = g_strdup (filter_value (self->protocol_filter, protocol_values, G_N_ELEMENTS (protocol_values)));
  search->dev_status = g_strdup (filter_value (self->status_filter, status_values, G_N_ELEMENTS (status_values)));

  set_loading (self, TRUE);
  vigil_client_search_devices_async (vigil_session_get_client (self->session), search, self->load_cancellable,
                                     on_page_read, g_object_ref (self));
}

/* GTK 4.8's search entry also says "search-changed" when nothing was typed (seen as a device
 * page opened, without animations): a read then would replace every row, and with them
 * the selection and what an open row was showing. */
static void
on_filter_changed (VigilDevicesView *self)
{
  g_autofree char *key = NULL;

  if (self->session == NULL)
    return;
  key = filter_key (self);
  if (g_strcmp0 (key, self->read_filter) == 0)
    return;
  self->page = 0;
  vigil_devices_view_reload (self);
}

static void
action_page (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);

  if (g_str_equal (action_name, "devices.previous-page") && self->page > 0)
    self->page--;
  else if (g_str_equal (action_name, "devices.next-page") && self->page + 1 < n_pages (self))
    self->page++;
  else
    return;
  vigil_devices_view_reload (self);
}

/* ---- results per device ---- */

static void
clear_results (VigilDevicesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_list))) != NULL)
    gtk_list_box_remove (self->result_list, child);
}

static void
add_result_row (VigilDevicesView *self,
                const char       *device,
                const char       *result,
                gboolean          ok)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (ok ? "object-select-symbolic" : "dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), device);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ok ? _("Done") : _("Not done"), -1);
  gtk_widget_add_css_class (icon, ok ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->result_list, row);
}

static void
show_results (VigilDevicesView *self,
              const char       *title)
{
  gtk_label_set_text (self->result_title, title);
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);
}

static void
action_hide_result (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_revealer_set_reveal_child (VIGIL_DEVICES_VIEW (widget)->result_revealer, FALSE);
}

static char *
add_target (const char *name,
            const char *ehome_id)
{
  if (name != NULL && *name != '\0')
    return g_strdup_printf ("%s (%s)", name, ehome_id ? ehome_id : "");
  return g_strdup (ehome_id ? ehome_id : "");
}

/* One audit row per device: what was done to which device, and the gateway's answer. */
static void
audit_add_result (VigilDevicesView           *self,
                  const VigilDeviceAddResult *result)
{
  g_autofree char *target = add_target (result->dev_name, result->ehome_id);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (result->status, "success") != 0)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                 vigil_device_result_label (result->status, result->sub_status_code, FALSE));
  vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_ADD_DEVICE, target, error);
}

/* ---- adding ---- */

static void
on_dialog_added (VigilDevicesView           *self,
                 const VigilDeviceAddResult *result,
                 VigilAddDeviceDialog       *dialog)
{
  g_autofree char *target = add_target (result->dev_name, result->ehome_id);

  audit_add_result (self, result);
  if (g_strcmp0 (result->status, "success") == 0)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” added"), target);
      vigil_window_toast_for (GTK_WIDGET (self), text, FALSE);
      vigil_devices_view_reload (self);
    }
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  VigilAddDeviceDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = vigil_add_device_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_dialog_added), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_batch_added (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilDevicesView) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_added = 0;

  results = vigil_client_add_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (results == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The devices were not added: %s"), error->message);
      vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
      return;
    }

  clear_results (self);
  for (guint i = 0; i < results->len; i++)
    {
      VigilDeviceAddResult *one = g_ptr_array_index (results, i);
      g_autofree char *target = add_target (one->dev_name, one->ehome_id);
      gboolean ok = g_strcmp0 (one->status, "success") == 0;

      add_result_row (self, target, vigil_device_result_label (one->status, one->sub_status_code, FALSE), ok);
      audit_add_result (self, one);
      n_added += ok;
    }

  title = g_strdup_printf (_("Added %u of %u devices"), n_added, results->len);
  show_results (self, title);
  vigil_window_toast_for (GTK_WIDGET (self), title, n_added < results->len);
  vigil_devices_view_reload (self);
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilDevicesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The file was not read: %s"), error->message);
          vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
        }
      return;
    }

  devices = vigil_device_csv_parse (contents, length, &error);
  if (devices == NULL)
    {
      vigil_window_toast_for (GTK_WIDGET (self), error->message, TRUE);
      return;
    }
  if (self->session == NULL)
    return;

  vigil_client_add_devices_async (vigil_session_get_client (self->session), devices, self->cancellable,
                                  on_batch_added, g_object_ref (self));
}

void
vigil_devices_view_add_from_file (VigilDevicesView *self,
                                  GFile            *file)
{
  g_return_if_fail (VIGIL_IS_DEVICES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, on_file_loaded, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     VigilDevicesView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        vigil_devices_view_add_from_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
action_add_batch (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->session == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Add Devices from a CSV File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files (protocol, ISUP ID, key, name, type, …)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the selection: delete and refresh ---- */

/* The selected devices (VigilDeviceItem), in list order. */
static GPtrArray *
selected_items (VigilDevicesView *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, bitset, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->store), position));
  return items;
}

static GStrv
dev_indexes_of (GPtrArray *items)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv strv;

  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, vigil_device_item_get_dev_index (g_ptr_array_index (items, i)));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static const char *
title_of (GPtrArray  *items,
          const char *dev_index)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (vigil_device_item_get_dev_index (g_ptr_array_index (items, i)), dev_index) == 0)
      return vigil_device_item_get_title (g_ptr_array_index (items, i));
  return dev_index;
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VigilDevicesView *self = g_task_get_source_object (task);
  GPtrArray *items = g_task_get_task_data (task);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_deleted = 0;

  results = vigil_client_delete_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (results == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Nothing was deleted: %s"), error->message);
      vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
      return;
    }

  clear_results (self);
  for (guint i = 0; i < results->len; i++)
    {
      VigilDeviceDeleteResult *one = g_ptr_array_index (results, i);
      const char *name = title_of (items, one->dev_index);
      gboolean ok = g_strcmp0 (one->status, "success") == 0;
      g_autoptr(GError) refused = NULL;

      add_result_row (self, name, vigil_device_result_label (one->status, one->sub_status_code, TRUE), ok);
      if (!ok)
        refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                       vigil_device_result_label (one->status, one->sub_status_code, TRUE));
      vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_DELETE_DEVICE, name, refused);
      n_deleted += ok;
    }

  title = g_strdup_printf (_("Deleted %u of %u devices"), n_deleted, results->len);
  show_results (self, title);
  vigil_window_toast_for (GTK_WIDGET (self), title, n_deleted < results->len);
  vigil_devices_view_reload (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GTask            *task)
{
  VigilDevicesView *self = g_task_get_source_object (task);
  g_auto(GStrv) indexes = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->session == NULL)
    return;

  indexes = dev_indexes_of (g_task_get_task_data (task));
  vigil_client_delete_devices_async (vigil_session_get_client (self->session), (const char * const *) indexes,
                                     self->cancellable, on_deleted, g_object_ref (task));
}

static void
action_delete (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *heading = NULL;
  GString *body;
  AdwMessageDialog *dialog;

  if (self->session == NULL)
    return;
  if (items->len == 0)
    {
      vigil_window_toast_for (widget, _("Select the devices to delete first."), TRUE);
      return;
    }

  heading = g_strdup_printf (g_dngettext (NULL, "Delete %u Device?", "Delete %u Devices?", items->len), items->len);
  body = g_string_new (_("The gateway forgets them and their events stop arriving:"));
  for (guint i = 0; i < items->len && i < 10; i++)
    g_string_append_printf (body, "\n• %s", vigil_device_item_get_title (g_ptr_array_index (items, i)));
  if (items->len > 10)
    g_string_append_printf (body, _("\n… and %u more"), items->len - 10);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str));
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response), g_steal_pointer (&task),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilDevicesView) self = user_data;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  infos = vigil_client_refresh_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (infos == NULL)
    text = g_strdup_printf (_("The devices were not read again: %s"), error->message);
  else
    text = g_strdup_printf (g_dngettext (NULL, "Read %u device again", "Read %u devices again", infos->len),
                            infos->len);
  vigil_window_toast_for (GTK_WIDGET (self), text, infos == NULL);
  vigil_devices_view_reload (self);
}

static void
action_refresh_info (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);
  g_autoptr(GPtrArray) items = selected_items (self);
  g_auto(GStrv) indexes = NULL;

  if (self->session == NULL)
    return;

  /* Nothing selected: the page that is shown. */
  if (items->len == 0)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->store), i));
  if (items->len == 0)
    return;

  indexes = dev_indexes_of (items);
  vigil_client_refresh_devices_async (vigil_session_get_client (self->session), (const char * const *) indexes,
                                      self->cancellable, on_refreshed, g_object_ref (self));
}

/* ---- the device page ---- */

void
vigil_devices_view_show_device (VigilDevicesView *self,
                                const char       *dev_index)
{
  g_return_if_fail (VIGIL_IS_DEVICES_VIEW (self));

  if (dev_index == NULL)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
      return;
    }

  vigil_device_page_set_device (self->device_page, self->session, dev_index);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->device_page));
}

static void
on_row_activate (VigilDevicesView *self,
                 guint             position)
{
  g_autoptr(VigilDeviceItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    vigil_devices_view_show_device (self, vigil_device_item_get_dev_index (item));
}

static void
on_device_changed (VigilDevicesView *self)
{
  vigil_devices_view_reload (self);
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  vigil_devices_view_show_device (VIGIL_DEVICES_VIEW (widget), NULL);
}

/* ---- live status ---- */

static gboolean
on_status_reload (gpointer user_data)
{
  VigilDevicesView *self = user_data;

  self->status_reload_id = 0;
  vigil_devices_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_status_reload (VigilDevicesView *self)
{
  if (self->status_reload_id == 0)
    self->status_reload_id = g_timeout_add (STATUS_RELOAD_DELAY_MS, on_status_reload, self);
}

/* §9 devStatusChanged: the device's row shows it at once; the list is read again only when
 * the status filter decides whether a device belongs on this page. */
static void
on_stream_event (VigilEventStream *stream,
                 VigilEvent       *event,
                 VigilDevicesView *self)
{
  g_autofree char *status = NULL;
  const char *wanted;

  if (event->type != VIGIL_EVENT_DEV_STATUS_CHANGED || event->dev_index == NULL || event->status == NULL)
    return;

  /* Some firmware shouts ("OFFLINE"); the list's own answers are lower case. */
  status = g_ascii_strdown (event->status, -1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(VigilDeviceItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (vigil_device_item_get_dev_index (item), event->dev_index) != 0)
        continue;

      vigil_device_item_set_dev_status (item, status);
      wanted = filter_value (self->status_filter, status_values, G_N_ELEMENTS (status_values));
      if (wanted != NULL && g_strcmp0 (wanted, status) != 0)
        schedule_status_reload (self);
      return;
    }

  /* Not on this page: with a status filter it may now belong here. */
  if (filter_value (self->status_filter, status_values, G_N_ELEMENTS (status_values)) != NULL &&
      !self->needs_load && self->session != NULL)
    schedule_status_reload (self);
}

static void
set_stream (VigilDevicesView *self,
            VigilEventStream *stream)
{
  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    g_signal_connect_object (stream, "event", G_CALLBACK (on_stream_event), self, 0);
}

/* ---- public ---- */

void
vigil_devices_view_set_session (VigilDevicesView *self,
                                VigilSession     *session)
{
  g_return_if_fail (VIGIL_IS_DEVICES_VIEW (self));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->session, session);
  set_stream (self, session != NULL ? vigil_session_get_stream (session) : NULL);
  self->page = 0;
  self->n_matches = 0;
  g_clear_pointer (&self->read_filter, g_free);
  g_list_store_remove_all (self->store);
  clear_results (self);
  gtk_revealer_set_reveal_child (self->result_revealer, FALSE);
  vigil_device_page_set_device (self->device_page, NULL, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  update_paging (self);
  /* An operator on shift may never open this page: the list is read when it is shown. */
  self->needs_load = session != NULL;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    vigil_devices_view_reload (self);
}

gboolean           vigil_devices_view_get_loading     (VigilDevicesView *self) { return self->loading; }
GListModel        *vigil_devices_view_get_model       (VigilDevicesView *self) { return G_LIST_MODEL (self->store); }
GtkSelectionModel *vigil_devices_view_get_selection   (VigilDevicesView *self) { return GTK_SELECTION_MODEL (self->selection); }
guint              vigil_devices_view_get_n_matches   (VigilDevicesView *self) { return self->n_matches; }
GtkListBox        *vigil_devices_view_get_result_list (VigilDevicesView *self) { return self->result_list; }
VigilDevicePage   *vigil_devices_view_get_device_page (VigilDevicesView *self) { return self->device_page; }

/* ---- GObject ---- */

static void
vigil_devices_view_map (GtkWidget *widget)
{
  VigilDevicesView *self = VIGIL_DEVICES_VIEW (widget);

  GTK_WIDGET_CLASS (vigil_devices_view_parent_class)->map (widget);

  if (self->needs_load)
    vigil_devices_view_reload (self);
}

static void
vigil_devices_view_dispose (GObject *object)
{
  VigilDevicesView *self = (VigilDevicesView *) object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->status_reload_id, g_source_remove);
  set_stream (self, NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->read_filter, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DEVICES_VIEW);

  G_OBJECT_CLASS (vigil_devices_view_parent_class)->dispose (object);
}

static void
vigil_devices_view_class_init (VigilDevicesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_devices_view_dispose;
  widget_class->map = vigil_devices_view_map;

  gtk_widget_class_install_action (widget_class, "devices.add", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "devices.add-batch", NULL, action_add_batch);
  gtk_widget_class_install_action (widget_class, "devices.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "devices.refresh-info", NULL, action_refresh_info);
  gtk_widget_class_install_action (widget_class, "devices.previous-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "devices.next-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "devices.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "devices.hide-result", NULL, action_hide_result);

  g_type_ensure (VIGIL_TYPE_DEVICE_ITEM);
  g_type_ensure (VIGIL_TYPE_DEVICE_PAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-devices-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, list_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, type_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, protocol_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, result_title);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, result_list);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, selection);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, store);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, page_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicesView, device_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_device_changed);
}

static void
vigil_devices_view_init (VigilDevicesView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  update_paging (self);
}
