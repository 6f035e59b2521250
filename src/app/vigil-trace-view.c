/* vigil-trace-view.c — the protocol trace, for a support case
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-trace-view"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-trace-view.h"

struct _VigilTraceView
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkTextView *text_view;

  VigilTrace *trace;
  char *needle;
};

G_DEFINE_FINAL_TYPE (VigilTraceView, vigil_trace_view, ADW_TYPE_WINDOW)

static gboolean
match_entry (gpointer item,
             gpointer user_data)
{
  VigilTraceView *self = user_data;

  return vigil_trace_entry_matches (item, self->needle);
}

static void
update_count (VigilTraceView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint all = self->trace ? g_list_model_get_n_items (G_LIST_MODEL (self->trace)) : 0;
  g_autofree char *text = g_strdup_printf (_("%u of %u"), shown, all);

  gtk_label_set_text (self->count_label, text);
}

void
vigil_trace_view_set_filter (VigilTraceView *self,
                             const char     *filter)
{
  g_return_if_fail (VIGIL_IS_TRACE_VIEW (self));

  g_free (self->needle);
  self->needle = g_strdup (filter);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_search_changed (VigilTraceView *self)
{
  vigil_trace_view_set_filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_selected (VigilTraceView *self)
{
  VigilTraceEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *text = entry ? vigil_trace_entry_to_text (entry) : NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

void
vigil_trace_view_select (VigilTraceView *self,
                         guint           position)
{
  g_return_if_fail (VIGIL_IS_TRACE_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

GListModel *
vigil_trace_view_get_model (VigilTraceView *self)
{
  g_return_val_if_fail (VIGIL_IS_TRACE_VIEW (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

char *
vigil_trace_view_dup_text (VigilTraceView *self)
{
  g_return_val_if_fail (VIGIL_IS_TRACE_VIEW (self), NULL);

  if (self->trace == NULL)
    return g_strdup ("");
  return vigil_trace_to_text (self->trace, self->needle);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
vigil_trace_view_save_async (VigilTraceView      *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (VIGIL_IS_TRACE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_trace_view_save_async);
  text = vigil_trace_view_dup_text (self);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable,
                                       on_saved, g_steal_pointer (&task));
}

gboolean
vigil_trace_view_save_finish (VigilTraceView  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
toast (VigilTraceView *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
action_copy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilTraceView *self = VIGIL_TRACE_VIEW (widget);
  g_autofree char *text = vigil_trace_view_dup_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Copied"));
}

static void
on_saved_by_person (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  VigilTraceView *self = VIGIL_TRACE_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!vigil_trace_view_save_finish (self, result, &error))
    text = g_strdup_printf (_("Not saved: %s"), error->message);
  toast (self, text ? text : _("Saved"));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     VigilTraceView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        vigil_trace_view_save_async (self, file, NULL, on_saved_by_person, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilTraceView *self = VIGIL_TRACE_VIEW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "vigil-trace-%Y%m%d-%H%M%S.txt");

  chooser = gtk_file_chooser_native_new (_("Save the Protocol Trace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
action_clear (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  VigilTraceView *self = VIGIL_TRACE_VIEW (widget);

  if (self->trace != NULL)
    vigil_trace_clear (self->trace);
}

VigilTraceView *
vigil_trace_view_new (GtkWindow  *parent,
                      VigilTrace *trace)
{
  VigilTraceView *self;

  g_return_val_if_fail (VIGIL_IS_TRACE (trace), NULL);

  self = g_object_new (VIGIL_TYPE_TRACE_VIEW, "transient-for", parent, NULL);
  self->trace = g_object_ref (trace);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (trace));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);
  return self;
}

static void
vigil_trace_view_dispose (GObject *object)
{
  VigilTraceView *self = (VigilTraceView *) object;

  if (self->filter_model != NULL)
    gtk_filter_list_model_set_model (self->filter_model, NULL);
  g_clear_object (&self->trace);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_TRACE_VIEW);

  G_OBJECT_CLASS (vigil_trace_view_parent_class)->dispose (object);
}

static void
vigil_trace_view_finalize (GObject *object)
{
  VigilTraceView *self = (VigilTraceView *) object;

  g_free (self->needle);

  G_OBJECT_CLASS (vigil_trace_view_parent_class)->finalize (object);
}

static void
vigil_trace_view_class_init (VigilTraceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_trace_view_dispose;
  object_class->finalize = vigil_trace_view_finalize;

  gtk_widget_class_install_action (widget_class, "trace.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "trace.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "trace.clear", NULL, action_clear);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (VIGIL_TYPE_TRACE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-trace-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, list_view);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, selection);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, filter);
  gtk_widget_class_bind_template_child (widget_class, VigilTraceView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
}

static void
vigil_trace_view_init (VigilTraceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_custom_filter_set_filter_func (self->filter, match_entry, self, NULL);
}
