/* vigil-alarm-notifier.c — desktop notifications for alarms nobody is looking at
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-alarm-notifier"

#include <glib/gi18n.h>

#include "vigil-alarm-notifier.h"
#include "vigil-format.h"
#include "vigil-window.h"

/* GIO's fallback backend warns when nobody answers on org.freedesktop.Notifications; with
 * none of these names on the bus a notification would reach no one anyway. */
static const char * const notification_services[] = {
  "org.freedesktop.Notifications",
  "org.gtk.Notifications",
  "org.freedesktop.portal.Desktop",
};

struct _VigilAlarmNotifier
{
  GObject parent_instance;

  GtkApplication *application;   /* weak: the application owns the notifier */
  VigilJournal *journal;
  VigilAlarmQueue *queue;
  GCancellable *cancellable;

  gboolean available;
  guint n_sent;
  GHashTable *seen;              /* dedup key of every alarm already considered */
  GHashTable *shown;             /* gint64 * event id → VigilAlarm, notifications on screen */
};

G_DEFINE_FINAL_TYPE (VigilAlarmNotifier, vigil_alarm_notifier, G_TYPE_OBJECT)

static void consider (VigilAlarmNotifier *self,
                      VigilAlarm         *alarm);

static char *
notification_id (gint64 event_id)
{
  return g_strdup_printf ("alarm-%" G_GINT64_FORMAT, event_id);
}

/* ---- is anyone listening ---- */

static void
on_names (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilAlarmNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_autofree const char **names = NULL;

  if (reply == NULL)
    {
      g_debug ("cannot list the bus names: %s", error->message);
      return;
    }

  g_variant_get (reply, "(^a&s)", &names);
  for (guint i = 0; names[i] != NULL && !self->available; i++)
    for (guint j = 0; j < G_N_ELEMENTS (notification_services); j++)
      if (g_str_equal (names[i], notification_services[j]))
        self->available = TRUE;
}

static void
find_service (VigilAlarmNotifier *self)
{
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (self->application));

  /* Inside a Flatpak the portal carries notifications and the bus is filtered. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      self->available = TRUE;
      return;
    }
  if (bus == NULL)
    return;

  /* Running now, or started on demand by the bus. */
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_names, g_object_ref (self));
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                          -1, self->cancellable, on_names, g_object_ref (self));
}

/* ---- sending and withdrawing ---- */

static gboolean
someone_is_looking (VigilAlarmNotifier *self)
{
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    if (gtk_window_is_active (l->data))
      return TRUE;
  return FALSE;
}

static void
withdraw (VigilAlarmNotifier *self,
          gint64              event_id)
{
  g_autofree char *id = notification_id (event_id);
  VigilAlarm *alarm = g_hash_table_lookup (self->shown, &event_id);

  if (alarm == NULL)
    return;
  g_signal_handlers_disconnect_by_data (alarm, self);
  g_hash_table_remove (self->shown, &event_id);
  g_application_withdraw_notification (G_APPLICATION (self->application), id);
}

static void
check_shown (VigilAlarmNotifier *self)
{
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 event_id = *(gint64 *) key;
      VigilAlarm *alarm = self->queue ? vigil_alarm_queue_lookup (self->queue, event_id) : NULL;

      if (alarm == NULL || vigil_alarm_get_state (alarm) != VIGIL_ALARM_STATE_NEW)
        g_array_append_val (gone, event_id);
    }

  for (guint i = 0; i < gone->len; i++)
    withdraw (self, g_array_index (gone, gint64, i));
}

static void
notify_alarm (VigilAlarmNotifier *self,
              VigilAlarm         *alarm)
{
  VigilEvent *event = vigil_alarm_get_event (alarm);
  gint64 event_id = vigil_alarm_get_event_id (alarm);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = notification_id (event_id);
  g_autofree char *what = vigil_format_event_title (event);
  g_autofree char *panel = vigil_format_panel (self->journal, event->dev_index);
  g_autofree char *zone = vigil_format_zone (self->journal, event->dev_index, event->zone);
  g_autofree char *when = vigil_format_usec_local (vigil_alarm_get_received_at (alarm));
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new ("dialog-warning-symbolic");

  /* Translators: notification title, "Fire alarm — Warehouse North" */
  title = g_strdup_printf (_("%s — %s"), what, panel);
  body = zone != NULL ? g_strdup_printf ("%s\n%s", zone, when) : g_strdup (when);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification,
                               vigil_alarm_get_priority (alarm) <= VIGIL_PRIORITY_INTRUSION
                                 ? G_NOTIFICATION_PRIORITY_URGENT : G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-alarm", "x", event_id);
  g_notification_add_button_with_target (notification, _("Acknowledge"), "app.acknowledge-alarm", "x",
                                         event_id);

  g_application_send_notification (G_APPLICATION (self->application), id, notification);
  self->n_sent++;

  g_hash_table_insert (self->shown, g_memdup2 (&event_id, sizeof event_id), g_object_ref (alarm));
  g_signal_connect_object (alarm, "notify::state", G_CALLBACK (check_shown), self, G_CONNECT_SWAPPED);
}

static void
on_pending_changed (VigilAlarmNotifier *self,
                    GParamSpec         *pspec,
                    VigilAlarm         *alarm)
{
  if (vigil_alarm_get_pending (alarm))
    return;
  g_signal_handlers_disconnect_by_func (alarm, on_pending_changed, self);
  consider (self, alarm);
}

static void
consider (VigilAlarmNotifier *self,
          VigilAlarm         *alarm)
{
  if (vigil_alarm_get_state (alarm) != VIGIL_ALARM_STATE_NEW)
    return;

  /* The button needs the alarm's row: wait for the store to commit it (milliseconds). */
  if (vigil_alarm_get_pending (alarm))
    {
      g_signal_connect_object (alarm, "notify::pending", G_CALLBACK (on_pending_changed), self,
                               G_CONNECT_SWAPPED);
      return;
    }

  if (!self->available || someone_is_looking (self))
    return;
  notify_alarm (self, alarm);
}

static void
mark_all_seen (VigilAlarmNotifier *self)
{
  GListModel *model = G_LIST_MODEL (self->queue);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (model, i);

      g_hash_table_add (self->seen, g_strdup (vigil_alarm_get_dedup_key (alarm)));
    }
}

static void
on_items_changed (VigilAlarmNotifier *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  /* The alarms of an earlier shift, loaded at start, are on the screen already. */
  if (!vigil_alarm_queue_get_loaded (self->queue))
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(VigilAlarm) alarm = g_list_model_get_item (model, i);
      const char *key = vigil_alarm_get_dedup_key (alarm);

      /* A re-sort moves alarms (removed, then added again): each is announced once. */
      if (key == NULL || g_hash_table_contains (self->seen, key))
        continue;
      g_hash_table_add (self->seen, g_strdup (key));
      consider (self, alarm);
    }

  if (removed > 0)
    check_shown (self);
  if (g_list_model_get_n_items (model) == 0)
    g_hash_table_remove_all (self->seen);
}

static void
on_loaded (VigilAlarmNotifier *self)
{
  if (vigil_alarm_queue_get_loaded (self->queue))
    mark_all_seen (self);
}

static void
on_queue (VigilAlarmNotifier *self)
{
  VigilAlarmQueue *queue = vigil_journal_get_queue (self->journal);

  if (queue == self->queue)
    return;

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_set_object (&self->queue, queue);
  if (queue == NULL)
    return;

  g_signal_connect_object (queue, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "notify::loaded", G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  on_loaded (self);
}

/* ---- the application's actions ---- */

static void
toast (VigilAlarmNotifier *self,
       const char         *text)
{
  GtkWindow *window = gtk_application_get_active_window (self->application);

  if (VIGIL_IS_WINDOW (window))
    vigil_window_toast_for (GTK_WIDGET (window), text, TRUE);
  else
    g_debug ("%s", text);
}

static void
on_acknowledged (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilAlarmNotifier) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_journal_acknowledge_finish (VIGIL_JOURNAL (source), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The alarm was not acknowledged: %s"), error->message);
      toast (self, text);
    }
}

static void
acknowledge_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VigilAlarmNotifier *self = user_data;

  vigil_journal_acknowledge_async (self->journal, g_variant_get_int64 (parameter), self->cancellable,
                                   on_acknowledged, g_object_ref (self));
}

static void
show_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  VigilAlarmNotifier *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (self->application);

  if (!VIGIL_IS_WINDOW (window))
    return;
  gtk_window_present (window);
  vigil_window_show_alarm (VIGIL_WINDOW (window), g_variant_get_int64 (parameter));
}

static const GActionEntry actions[] = {
  { "acknowledge-alarm", acknowledge_activated, "x" },
  { "show-alarm", show_activated, "x" },
};

/* ---- public ---- */

VigilAlarmNotifier *
vigil_alarm_notifier_new (GtkApplication *application,
                          VigilJournal   *journal)
{
  VigilAlarmNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VIGIL_IS_JOURNAL (journal), NULL);

  self = g_object_new (VIGIL_TYPE_ALARM_NOTIFIER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &self->application);
  self->journal = g_object_ref (journal);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (journal, "notify::queue", G_CALLBACK (on_queue), self, G_CONNECT_SWAPPED);
  on_queue (self);
  find_service (self);

  return self;
}

gboolean vigil_alarm_notifier_get_available (VigilAlarmNotifier *self) { return self->available; }
guint    vigil_alarm_notifier_get_n_sent    (VigilAlarmNotifier *self) { return self->n_sent; }
guint    vigil_alarm_notifier_get_n_shown   (VigilAlarmNotifier *self) { return g_hash_table_size (self->shown); }

/* ---- GObject ---- */

static void
vigil_alarm_notifier_dispose (GObject *object)
{
  VigilAlarmNotifier *self = (VigilAlarmNotifier *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->application != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        g_action_map_remove_action (G_ACTION_MAP (self->application), actions[i].name);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *) &self->application);
      self->application = NULL;
    }
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->queue);
  g_clear_object (&self->journal);
  if (self->shown != NULL)
    g_hash_table_remove_all (self->shown);

  G_OBJECT_CLASS (vigil_alarm_notifier_parent_class)->dispose (object);
}

static void
vigil_alarm_notifier_finalize (GObject *object)
{
  VigilAlarmNotifier *self = (VigilAlarmNotifier *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (vigil_alarm_notifier_parent_class)->finalize (object);
}

static void
vigil_alarm_notifier_class_init (VigilAlarmNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_alarm_notifier_dispose;
  object_class->finalize = vigil_alarm_notifier_finalize;
}

static void
vigil_alarm_notifier_init (VigilAlarmNotifier *self)
{
  self->cancellable = g_cancellable_new ();
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}
