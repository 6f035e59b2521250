/* vigil-alarm-queue-view.c — the "alarms" page: the open alarms and the selected one's detail
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list keeps its selection while alarms arrive above it, so a note half typed for one
 * alarm stays with that alarm; when the selected alarm is closed, the next one is selected.
 */
#define G_LOG_DOMAIN "vigil-alarm-queue-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-alarm-queue-view.h"
#include "vigil-alarm-row.h"
#include "vigil-application.h"
#include "vigil-window.h"

/* A note is a few sentences; the audit log is not a place for pages. */
#define MAX_NOTE_CHARS 2000

struct _VigilAlarmQueueView
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  GtkBox *list_pane;
  GtkLabel *summary_label;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  GtkSpinner *loading_spinner;
  GtkBox *detail_pane;
  GtkBox *detail_bar;
  VigilAlarmDetail *detail;

  GtkSingleSelection *selection;
  VigilAlarm *watched;           /* the selected alarm, whose state decides the actions */
  VigilJournal *journal;
  VigilAlarmQueue *queue;
  GCancellable *cancellable;
  guint busy;
};

G_DEFINE_FINAL_TYPE (VigilAlarmQueueView, vigil_alarm_queue_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- state ---- */

static void
update_actions (VigilAlarmQueueView *self)
{
  VigilAlarm *alarm = vigil_alarm_queue_view_get_selected (self);
  gboolean ready = alarm != NULL && !vigil_alarm_get_pending (alarm) && self->busy == 0 &&
                   gtk_widget_get_mapped (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alarms.acknowledge",
                                 ready && vigil_alarm_get_state (alarm) == VIGIL_ALARM_STATE_NEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alarms.close",
                                 ready && vigil_alarm_detail_get_resolution (self->detail) != VIGIL_RESOLUTION_NONE);
}

static void
set_busy (VigilAlarmQueueView *self,
          gboolean             busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;

  vigil_alarm_detail_set_busy (self->detail, self->busy > 0);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_list (VigilAlarmQueueView *self)
{
  guint n_open = self->queue ? vigil_alarm_queue_get_n_open (self->queue) : 0;
  guint n_new = self->queue ? vigil_alarm_queue_get_n_unacknowledged (self->queue) : 0;
  const char *error = self->journal ? vigil_journal_get_error (self->journal) : NULL;
  const char *page;
  g_autofree char *open = NULL;
  g_autofree char *summary = NULL;

  if (self->queue == NULL && error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error, -1);

      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("Alarms Are Not Being Kept"));
      /* Markup, and an error message may hold < or &. */
      adw_status_page_set_description (self->empty_page, markup);
      page = "empty";
    }
  else if (self->queue == NULL || !vigil_alarm_queue_get_loaded (self->queue))
    page = n_open > 0 ? "list" : "loading";
  else
    page = n_open > 0 ? "list" : "empty";

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->list_stack, page);

  open = g_strdup_printf (ngettext ("%u open alarm", "%u open alarms", n_open), n_open);
  if (n_new > 0)
    /* Translators: "3 open alarms · 1 not acknowledged" */
    summary = g_strdup_printf (ngettext ("%s · %u not acknowledged", "%s · %u not acknowledged", n_new),
                               open, n_new);
  else
    summary = g_steal_pointer (&open);
  gtk_label_set_label (self->summary_label, summary);
}

static void
on_selected (VigilAlarmQueueView *self)
{
  VigilAlarm *alarm = vigil_alarm_queue_view_get_selected (self);

  if (self->watched != alarm)
    {
      if (self->watched != NULL)
        g_signal_handlers_disconnect_by_func (self->watched, update_actions, self);
      g_set_object (&self->watched, alarm);
      /* Pending → stored, new → acknowledged: what can be done with it changes. */
      if (alarm != NULL)
        {
          g_signal_connect_object (alarm, "notify::pending", G_CALLBACK (update_actions), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (alarm, "notify::state", G_CALLBACK (update_actions), self,
                                   G_CONNECT_SWAPPED);
        }
    }

  vigil_alarm_detail_set_alarm (self->detail, alarm);
  update_actions (self);
}

/* ---- list rows ---- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           VigilAlarmQueueView      *self)
{
  gtk_list_item_set_child (item, vigil_alarm_row_new (self->journal));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          VigilAlarmQueueView      *self)
{
  vigil_alarm_row_set_alarm (VIGIL_ALARM_ROW (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            VigilAlarmQueueView      *self)
{
  vigil_alarm_row_set_alarm (VIGIL_ALARM_ROW (gtk_list_item_get_child (item)), NULL);
}

/* ---- the queue ---- */

static void
set_queue (VigilAlarmQueueView *self,
           VigilAlarmQueue     *queue)
{
  if (self->queue == queue)
    return;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (queue));

  if (queue != NULL)
    {
      g_signal_connect_object (queue, "notify::n-open", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (queue, "notify::n-unacknowledged", G_CALLBACK (update_list), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (queue, "notify::loaded", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
    }

  update_list (self);
  on_selected (self);
}

static void
on_journal_queue (VigilAlarmQueueView *self)
{
  set_queue (self, vigil_journal_get_queue (self->journal));
}

static void
on_session (VigilAlarmQueueView *self)
{
  /* Panel and zone names come from the session's site: rows made before it knew them redo
   * their words. */
  gtk_list_view_set_factory (self->list_view, NULL);
  if (self->journal != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
      gtk_list_view_set_factory (self->list_view, factory);
    }
  vigil_alarm_detail_set_alarm (self->detail, NULL);
  on_selected (self);
}

/* ---- actions ---- */

static void
report_failure (VigilAlarmQueueView *self,
                const char          *text,
                const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *application = g_application_get_default ();

  vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);

  /* Without a name nothing can be recorded: ask for it now. */
  if (g_error_matches (error, VIGIL_EVENT_STORE_ERROR, VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT) &&
      VIGIL_IS_APPLICATION (application) && GTK_IS_WINDOW (root))
    vigil_application_ask_operator (VIGIL_APPLICATION (application), GTK_WINDOW (root), FALSE);
}

static void
on_acknowledged (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilAlarmQueueView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_journal_acknowledge_finish (VIGIL_JOURNAL (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The alarm was not acknowledged: %s"), error->message);
          report_failure (self, text, error);
        }
    }
  else
    vigil_window_toast_for (GTK_WIDGET (self), _("Alarm acknowledged"), FALSE);

  set_busy (self, FALSE);
}

static void
action_acknowledge (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  VigilAlarmQueueView *self = VIGIL_ALARM_QUEUE_VIEW (widget);
  VigilAlarm *alarm = vigil_alarm_queue_view_get_selected (self);

  if (alarm == NULL || vigil_alarm_get_pending (alarm) ||
      vigil_alarm_get_state (alarm) != VIGIL_ALARM_STATE_NEW || self->journal == NULL)
    return;

  set_busy (self, TRUE);
  vigil_journal_acknowledge_async (self->journal, vigil_alarm_get_event_id (alarm), self->cancellable,
                                   on_acknowledged, g_object_ref (self));
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(VigilAlarmQueueView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_journal_close_alarm_finish (VIGIL_JOURNAL (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The alarm was not closed: %s"), error->message);
          report_failure (self, text, error);
        }
    }
  else
    vigil_window_toast_for (GTK_WIDGET (self), _("Alarm closed"), FALSE);

  set_busy (self, FALSE);
}

static void
action_close (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  VigilAlarmQueueView *self = VIGIL_ALARM_QUEUE_VIEW (widget);
  VigilAlarm *alarm = vigil_alarm_queue_view_get_selected (self);
  VigilResolution resolution = vigil_alarm_detail_get_resolution (self->detail);
  g_autofree char *note = NULL;

  if (alarm == NULL || vigil_alarm_get_pending (alarm) || resolution == VIGIL_RESOLUTION_NONE ||
      self->journal == NULL)
    return;

  note = g_strdup (vigil_alarm_detail_get_note (self->detail));
  if (g_utf8_strlen (note, -1) > MAX_NOTE_CHARS)
    {
      g_autofree char *whole = g_steal_pointer (&note);
      note = g_utf8_substring (whole, 0, MAX_NOTE_CHARS);
    }
  g_strstrip (note);

  set_busy (self, TRUE);
  vigil_journal_close_alarm_async (self->journal, vigil_alarm_get_event_id (alarm), resolution,
                                   *note != '\0' ? note : NULL, self->cancellable, on_closed,
                                   g_object_ref (self));
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VigilAlarmQueueView *self = VIGIL_ALARM_QUEUE_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->list_pane));
}

static void
on_list_activate (VigilAlarmQueueView *self,
                  guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_pane));
}

static void
on_folded_changed (VigilAlarmQueueView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->detail_bar), adw_leaflet_get_folded (self->leaflet));
}

/* ---- public ---- */

void
vigil_alarm_queue_view_set_journal (VigilAlarmQueueView *self,
                                    VigilJournal        *journal)
{
  g_return_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self));
  g_return_if_fail (journal == NULL || VIGIL_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_set_object (&self->journal, journal);
  vigil_alarm_detail_set_journal (self->detail, journal);

  if (journal != NULL)
    {
      g_signal_connect_object (journal, "notify::queue", G_CALLBACK (on_journal_queue), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "notify::error", G_CALLBACK (update_list), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "notify::session", G_CALLBACK (on_session), self, G_CONNECT_SWAPPED);
    }

  on_session (self);
  set_queue (self, journal ? vigil_journal_get_queue (journal) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

VigilJournal *
vigil_alarm_queue_view_get_journal (VigilAlarmQueueView *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), NULL);
  return self->journal;
}

GListModel *
vigil_alarm_queue_view_get_model (VigilAlarmQueueView *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), NULL);
  return G_LIST_MODEL (self->queue);
}

VigilAlarm *
vigil_alarm_queue_view_get_selected (VigilAlarmQueueView *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
vigil_alarm_queue_view_select (VigilAlarmQueueView *self,
                               gint64               event_id)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), FALSE);

  if (self->queue == NULL)
    return FALSE;

  /* The queue holds the open alarms only: a screenful, not the log. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->queue)); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (G_LIST_MODEL (self->queue), i);

      if (vigil_alarm_get_event_id (alarm) == event_id)
        {
          on_list_activate (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

VigilAlarmDetail *
vigil_alarm_queue_view_get_detail (VigilAlarmQueueView *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), NULL);
  return self->detail;
}

gboolean
vigil_alarm_queue_view_get_busy (VigilAlarmQueueView *self)
{
  g_return_val_if_fail (VIGIL_IS_ALARM_QUEUE_VIEW (self), FALSE);
  return self->busy > 0;
}

/* ---- GObject and GtkWidget ---- */

static void
vigil_alarm_queue_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vigil_alarm_queue_view_parent_class)->map (widget);
  update_actions (VIGIL_ALARM_QUEUE_VIEW (widget));
}

static void
vigil_alarm_queue_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vigil_alarm_queue_view_parent_class)->unmap (widget);
  update_actions (VIGIL_ALARM_QUEUE_VIEW (widget));
}

static void
vigil_alarm_queue_view_dispose (GObject *object)
{
  VigilAlarmQueueView *self = (VigilAlarmQueueView *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_func (self->watched, update_actions, self);
  g_clear_object (&self->watched);
  g_clear_object (&self->queue);
  g_clear_object (&self->journal);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ALARM_QUEUE_VIEW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (vigil_alarm_queue_view_parent_class)->dispose (object);
}

static void
vigil_alarm_queue_view_finalize (GObject *object)
{
  VigilAlarmQueueView *self = (VigilAlarmQueueView *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vigil_alarm_queue_view_parent_class)->finalize (object);
}

static void
vigil_alarm_queue_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VigilAlarmQueueView *self = VIGIL_ALARM_QUEUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: g_value_set_object (value, self->journal); break;
    case PROP_BUSY:    g_value_set_boolean (value, self->busy > 0); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_queue_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VigilAlarmQueueView *self = VIGIL_ALARM_QUEUE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL: vigil_alarm_queue_view_set_journal (self, g_value_get_object (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_alarm_queue_view_class_init (VigilAlarmQueueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_alarm_queue_view_dispose;
  object_class->finalize = vigil_alarm_queue_view_finalize;
  object_class->get_property = vigil_alarm_queue_view_get_property;
  object_class->set_property = vigil_alarm_queue_view_set_property;

  widget_class->map = vigil_alarm_queue_view_map;
  widget_class->unmap = vigil_alarm_queue_view_unmap;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL, VIGIL_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "alarms.acknowledge", NULL, action_acknowledge);
  gtk_widget_class_install_action (widget_class, "alarms.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "alarms.back", NULL, action_back);

  g_type_ensure (VIGIL_TYPE_ALARM_DETAIL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilconsole/Vigil/ui/vigil-alarm-queue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, list_view);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, detail_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilAlarmQueueView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
}

static void
vigil_alarm_queue_view_init (VigilAlarmQueueView *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Ctrl+Enter acknowledges from anywhere in the window while this page shows (the action is
   * disabled while it is hidden, so the keys then go on to whoever else wants them). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("alarms.acknowledge")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_list (self);
}
