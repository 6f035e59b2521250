/* vigil-device-page.c — one device behind the gateway, or the gateway itself, for installers
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-device-page"

#include <glib/gi18n.h>

#include "vigil-device-page.h"
#include "vigil-ip-editor.h"
#include "vigil-window.h"

/* After a reboot the device is asked this often whether it is back, for at most this long. */
#define REBOOT_POLL_SECONDS 2
#define REBOOT_GIVE_UP_SECONDS (5 * 60)
/* The link history keeps this many changes. */
#define MAX_HISTORY 20

struct _VigilDevicePage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkButton *back_button;
  GtkLabel *title_label;
  GtkSpinner *spinner;
  GtkLabel *state_label;
  AdwPreferencesGroup *connection_group;
  AdwActionRow *address_row;
  AdwActionRow *fingerprint_row;
  AdwActionRow *user_row;
  AdwActionRow *subscription_id_row;
  AdwExpanderRow *history_row;
  GtkButton *trace_button;
  AdwPreferencesGroup *info_group;
  AdwEntryRow *name_row;
  AdwEntryRow *description_row;
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *status_group;
  AdwActionRow *subscription_row;
  VigilTimeGroup *time_group;
  AdwPreferencesGroup *network_group;
  AdwPreferencesGroup *channels_group;
  AdwPreferencesGroup *io_group;
  GtkButton *reboot_button;

  VigilSession *session;
  VigilEventStream *stream;        /* the gateway page follows its state, a device's page
                                    * its devStatusChanged */
  char *dev_index;
  GCancellable *cancellable;
  VigilDeviceInfo *info;
  char *state_text;
  GPtrArray *added_rows;           /* rows made for the current device, to remove them */
  GPtrArray *history_rows;
  guint n_interfaces;

  gboolean needs_load;             /* read when first shown */
  gboolean unread;                 /* the device did not answer the last read */
  gboolean rebooting;
  gboolean reboot_seen_down;
  gint64 reboot_started;
  guint reboot_poll_id;
};

G_DEFINE_FINAL_TYPE (VigilDevicePage, vigil_device_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
device_title (VigilDevicePage *self)
{
  if (self->info != NULL && self->info->device_name != NULL && *self->info->device_name != '\0')
    return self->info->device_name;
  if (self->dev_index == NULL)
    return _("Gateway");
  return self->dev_index;
}

static void
set_state_text (VigilDevicePage *self,
                const char      *text)
{
  g_free (self->state_text);
  self->state_text = g_strdup (text);
  gtk_label_set_text (self->state_label, text ? text : "");
}

/* ---- rows made in code ---- */

static void
add_row (VigilDevicePage     *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, g_object_ref (row));
}

static GtkWidget *
info_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : "");
  return row;
}

static void
clear_rows (VigilDevicePage *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
  self->n_interfaces = 0;
}

static void
show_group_error (AdwPreferencesGroup *group,
                  const GError        *error)
{
  g_autofree char *text = g_strdup_printf (_("Not read: %s"), error->message);
  /* The description is markup, and the message may be the gateway's own HTML error page. */
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_preferences_group_set_description (group, markup);
}

/* ---- deviceInfo ---- */

static void
on_info_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(GError) error = NULL;
  VigilDeviceInfo *info;
  const struct { const char *title; const char *value; } details[] = {
    { N_("Model"), NULL }, { N_("Serial Number"), NULL }, { N_("Device ID"), NULL },
    { N_("MAC Address"), NULL }, { N_("Firmware"), NULL }, { N_("Hardware"), NULL },
    { N_("Device Type"), NULL },
  };
  g_autofree char *firmware = NULL;
  const char *values[G_N_ELEMENTS (details)];

  info = vigil_client_get_device_info_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info == NULL)
    {
      self->unread = TRUE;
      show_group_error (self->details_group, error);
      if (!self->rebooting)
        set_state_text (self, _("Not answering"));
      return;
    }

  g_clear_pointer (&self->info, vigil_device_info_free);
  self->info = info;
  self->unread = FALSE;
  if (!self->rebooting)
    set_state_text (self, _("Online"));

  gtk_label_set_text (self->title_label, device_title (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), info->device_name ? info->device_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         info->device_description ? info->device_description : "");

  if (info->firmware_version != NULL)
    firmware = info->firmware_released_date
               ? g_strdup_printf ("%s (%s)", info->firmware_version, info->firmware_released_date)
               : g_strdup (info->firmware_version);
  values[0] = info->model;
  values[1] = info->serial_number;
  values[2] = info->device_id;
  values[3] = info->mac_address;
  values[4] = firmware;
  values[5] = info->hardware_version;
  values[6] = info->device_type;
  adw_preferences_group_set_description (self->details_group,
                                         _("Reported by the device; they cannot be changed here."));
  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    if (values[i] != NULL && *values[i] != '\0')
      add_row (self, self->details_group, info_row (_(details[i].title), values[i]));
}

/* ---- channels ---- */

static void
add_channels (VigilDevicePage *self,
              GPtrArray       *channels,
              const char      *kind)
{
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      VigilChannel *channel = g_ptr_array_index (channels, i);
      g_autofree char *title = NULL;

      if (channel->name != NULL && *channel->name != '\0')
        title = g_strdup_printf ("%s %" G_GINT64_FORMAT " · %s", kind, channel->id, channel->name);
      else
        title = g_strdup_printf ("%s %" G_GINT64_FORMAT, kind, channel->id);
      add_row (self, self->channels_group, info_row (title, channel->status ? channel->status : channel->type));
    }
}

static void
on_channels_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilChannelInfo) channels = NULL;
  g_autoptr(GError) error = NULL;

  channels = vigil_client_get_channel_info_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (channels == NULL)
    {
      show_group_error (self->channels_group, error);
      return;
    }

  adw_preferences_group_set_description (self->channels_group, NULL);
  add_channels (self, channels->video, _("Video"));
  add_channels (self, channels->alarm_in, _("Alarm input"));
  add_channels (self, channels->alarm_out, _("Alarm output"));
  add_channels (self, channels->audio, _("Audio"));
}

/* ---- network ---- */

static void
on_interfaces_read (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(GPtrArray) interfaces = NULL;
  g_autoptr(GError) error = NULL;

  interfaces = vigil_client_get_network_interfaces_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (interfaces == NULL)
    {
      show_group_error (self->network_group, error);
      return;
    }

  adw_preferences_group_set_description (self->network_group,
                                         _("A wrong address can cut the device off: it may then only be reached on site."));
  for (guint i = 0; i < interfaces->len; i++)
    {
      VigilNetworkInterface *iface = g_ptr_array_index (interfaces, i);

      add_row (self, self->network_group,
               GTK_WIDGET (vigil_ip_editor_new (self->session, self->dev_index, iface)));
      self->n_interfaces++;
    }
}

/* ---- IO ports ---- */

static void
on_output_triggered (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  status = vigil_client_trigger_output_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT, device_title (self), error);
  if (error != NULL)
    text = g_strdup_printf (_("The output was not switched: %s"), error->message);
  vigil_window_toast_for (GTK_WIDGET (self), text ? text : _("Output switched"), error != NULL);
}

static void
on_output_clicked (GtkButton       *button,
                   VigilDevicePage *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "vigil-output"));
  gboolean high = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "vigil-high"));

  if (self->session == NULL)
    return;
  vigil_client_trigger_output_async (vigil_session_get_client (self->session), self->dev_index, id, high,
                                     self->cancellable, on_output_triggered, g_object_ref (self));
}

static GtkWidget *
output_button (VigilDevicePage *self,
               guint            id,
               gboolean         high,
               const char      *port_title)
{
  GtkWidget *button = gtk_button_new_with_label (high ? _("High") : _("Low"));
  g_autofree char *tooltip = high ? g_strdup_printf (_("Set %s high"), port_title)
                                  : g_strdup_printf (_("Set %s low"), port_title);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "vigil-output", GUINT_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "vigil-high", GINT_TO_POINTER (high));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_output_clicked), self, 0);
  return button;
}

static void
add_ports (VigilDevicePage *self,
           GPtrArray       *ports,
           gboolean         outputs)
{
  for (guint i = 0; ports != NULL && i < ports->len; i++)
    {
      VigilIoPort *port = g_ptr_array_index (ports, i);
      g_autofree char *title = outputs ? g_strdup_printf (_("Output %lld"), (long long) port->id)
                                       : g_strdup_printf (_("Input %lld"), (long long) port->id);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s%s%s%s", port->name ? port->name : "",
                                  port->name && port->triggering ? " · " : "",
                                  port->triggering ? _("triggers when ") : "",
                                  port->triggering ? port->triggering : "");
      row = info_row (title, subtitle);
      if (outputs && port->has_id)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), output_button (self, port->id, TRUE, title));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), output_button (self, port->id, FALSE, title));
        }
      add_row (self, self->io_group, row);
    }
}

static void
on_io_read (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilIoPorts) ports = NULL;
  g_autoptr(GError) error = NULL;

  ports = vigil_client_get_io_ports_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ports == NULL)
    {
      show_group_error (self->io_group, error);
      return;
    }
  adw_preferences_group_set_description (self->io_group, NULL);
  add_ports (self, ports->inputs, FALSE);
  add_ports (self, ports->outputs, TRUE);
}

/* ---- subscription (queryStatus) ---- */

static const char *
subscription_label (const char *status)
{
  if (g_strcmp0 (status, "continue") == 0)
    return _("Receiving events");
  if (g_strcmp0 (status, "abnormalLink") == 0)
    return _("Link abnormal: events may be late or lost");
  if (g_strcmp0 (status, "fail") == 0)
    return _("Subscription failed");
  return status;
}

static void
on_subscription_read (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = _("Not in the subscription");

  devices = vigil_client_get_subscription_status_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The gateway answers queryStatus only for per-device subscriptions; the console's own
   * subscription takes every device ("eventMode": "all"), which it refuses to itemize. */
  if (g_error_matches (error, VIGIL_ISAPI_ERROR, VIGIL_ISAPI_ERROR_NOT_SUPPORT))
    {
      adw_action_row_set_subtitle (self->subscription_row,
                                   _("Every event: the console subscribes to all devices"));
      return;
    }
  if (devices == NULL)
    {
      adw_action_row_set_subtitle (self->subscription_row, error->message);
      return;
    }

  for (guint i = 0; i < devices->len; i++)
    {
      VigilSubscriptionDevice *device = g_ptr_array_index (devices, i);

      if (g_strcmp0 (device->dev_index, self->dev_index) == 0)
        text = subscription_label (device->status);
    }
  adw_action_row_set_subtitle (self->subscription_row, text);
}

/* A device's place in the console's subscription; asked again whenever the subscription
 * changes (made, lost, made again). */
static void
query_subscription (VigilDevicePage *self)
{
  gint64 id;

  if (self->session == NULL || self->dev_index == NULL)
    return;

  id = vigil_event_stream_get_subscription_id (vigil_session_get_stream (self->session));
  if (id > 0)
    vigil_client_get_subscription_status_async (vigil_session_get_client (self->session), id, self->cancellable,
                                                on_subscription_read, g_object_ref (self));
  else
    adw_action_row_set_subtitle (self->subscription_row, _("The console has no subscription yet"));
}

/* ---- the gateway's connection ---- */

static const char *
stream_state_label (VigilStreamState state)
{
  switch (state)
    {
    case VIGIL_STREAM_STOPPED:    return _("Stopped");
    case VIGIL_STREAM_CONNECTING: return _("Connecting");
    case VIGIL_STREAM_ONLINE:     return _("Online");
    case VIGIL_STREAM_WAITING:    return _("Link lost, reconnecting");
    case VIGIL_STREAM_FAILED:     return _("Stopped: credentials refused");
    default:                      return "";
    }
}

static void
update_connection (VigilDevicePage *self)
{
  VigilClient *client;
  gint64 id;
  g_autofree char *id_text = NULL;

  if (self->session == NULL || self->dev_index != NULL)
    return;

  client = vigil_session_get_client (self->session);
  adw_action_row_set_subtitle (self->address_row, vigil_client_get_base_uri (client));
  adw_action_row_set_subtitle (self->fingerprint_row,
                               vigil_client_get_peer_fingerprint (client)
                               ? vigil_client_get_peer_fingerprint (client)
                               : _("None: plain HTTP"));
  adw_action_row_set_subtitle (self->user_row, vigil_client_get_user (client));
  id = vigil_event_stream_get_subscription_id (self->stream);
  if (id > 0)
    id_text = g_strdup_printf (_("ID %lld · %s"), (long long) id,
                               stream_state_label (vigil_event_stream_get_state (self->stream)));
  adw_action_row_set_subtitle (self->subscription_id_row,
                               id_text ? id_text : stream_state_label (vigil_event_stream_get_state (self->stream)));
}

static void
on_subscription_changed (VigilDevicePage *self)
{
  if (self->dev_index != NULL)
    query_subscription (self);
  else
    update_connection (self);
}

static void
on_stream_state (VigilDevicePage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  const GError *error = vigil_event_stream_get_last_error (self->stream);
  VigilStreamState state = vigil_event_stream_get_state (self->stream);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* A device's page follows the subscription only; the history is the gateway's. */
  if (self->dev_index != NULL)
    return;

  update_connection (self);

  /* Why the link went down is what an installer needs from the history. */
  if (state == VIGIL_STREAM_WAITING && error != NULL)
    subtitle = g_strdup_printf ("%s · %s", time, error->message);
  row = info_row (stream_state_label (state), subtitle ? subtitle : time);
  adw_expander_row_add_row (self->history_row, row);
  g_ptr_array_add (self->history_rows, g_object_ref (row));
  if (self->history_rows->len > MAX_HISTORY)
    {
      adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, 0));
      g_ptr_array_remove_index (self->history_rows, 0);
    }
  adw_expander_row_set_subtitle (self->history_row, stream_state_label (state));
}

static gboolean reboot_poll (gpointer user_data);

/* §9 devStatusChanged of this device: the page says so without being read again; back
 * online, a page that could not be read while it was away is read now. A page that was read
 * is not read again: the gateway repeats every device's status at each new subscription,
 * and a reload would cancel what the installer has under way (a reboot's answer). */
static void
on_stream_event (VigilEventStream *stream,
                 VigilEvent       *event,
                 VigilDevicePage  *self)
{
  gboolean online;

  if (event->type != VIGIL_EVENT_DEV_STATUS_CHANGED || self->dev_index == NULL ||
      g_strcmp0 (event->dev_index, self->dev_index) != 0 || event->status == NULL)
    return;

  online = g_ascii_strcasecmp (event->status, "online") == 0;
  if (self->rebooting)
    {
      /* Back from the reboot: ask now rather than at the next poll. */
      if (online)
        reboot_poll (self);
      return;
    }

  if (online)
    {
      set_state_text (self, _("Online"));
      if (!self->unread)
        return;
      /* A page left for the list is read when it is shown again. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        vigil_device_page_reload (self);
      else
        self->needs_load = TRUE;
    }
  else
    set_state_text (self, _("Offline"));
}

static void
set_stream (VigilDevicePage  *self,
            VigilEventStream *stream)
{
  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    {
      g_signal_connect_object (stream, "notify::state", G_CALLBACK (on_stream_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "notify::subscription-id", G_CALLBACK (on_subscription_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stream, "event", G_CALLBACK (on_stream_event), self, 0);
      on_stream_state (self);
    }
}

/* ---- loading ---- */

void
vigil_device_page_reload (VigilDevicePage *self)
{
  VigilClient *client;
  gboolean gateway;

  g_return_if_fail (VIGIL_IS_DEVICE_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_rows (self);
  self->needs_load = FALSE;

  gateway = self->dev_index == NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !gateway);
  gtk_widget_set_visible (GTK_WIDGET (self->connection_group), gateway);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), !gateway);
  gtk_widget_set_visible (GTK_WIDGET (self->channels_group), !gateway);
  gtk_widget_set_visible (GTK_WIDGET (self->io_group), !gateway);
  /* The gateway's description is not writable (§8.5.1); a device's is. */
  gtk_widget_set_visible (GTK_WIDGET (self->description_row), !gateway);

  if (self->session == NULL)
    return;

  client = vigil_session_get_client (self->session);
  gtk_label_set_text (self->title_label, device_title (self));
  vigil_client_get_device_info_async (client, self->dev_index, self->cancellable, on_info_read, g_object_ref (self));
  vigil_time_group_set_target (self->time_group, self->session, self->dev_index);
  vigil_client_get_network_interfaces_async (client, self->dev_index, self->cancellable, on_interfaces_read,
                                             g_object_ref (self));
  if (gateway)
    {
      update_connection (self);
      return;
    }

  vigil_client_get_channel_info_async (client, self->dev_index, self->cancellable, on_channels_read,
                                       g_object_ref (self));
  vigil_client_get_io_ports_async (client, self->dev_index, self->cancellable, on_io_read, g_object_ref (self));
  query_subscription (self);
}

static void
action_reload (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  vigil_device_page_reload (VIGIL_DEVICE_PAGE (widget));
}

/* ---- editing ---- */

static void
on_info_set (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  status = vigil_client_set_device_info_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_EDIT_DEVICE,
                          gtk_editable_get_text (GTK_EDITABLE (self->name_row)), error);
  if (error != NULL)
    {
      text = g_strdup_printf (_("Not changed: %s"), error->message);
      vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
      return;
    }

  vigil_window_toast_for (GTK_WIDGET (self), _("Changes saved"), FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  vigil_device_page_reload (self);
}

static void
on_info_apply (VigilDevicePage *self)
{
  g_autoptr(VigilDeviceInfo) info = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  if (self->session == NULL)
    return;

  /* The same limit as when adding: the gateway would cut or refuse a longer one. */
  if (g_utf8_strlen (name, -1) > 32 || *name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      vigil_window_toast_for (GTK_WIDGET (self), _("The name must have 1 to 32 characters."), TRUE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  info = self->info && self->info->raw ? vigil_device_info_from_json (self->info->raw) : vigil_device_info_new ();
  g_free (info->device_name);
  info->device_name = g_strdup (name);
  if (self->dev_index != NULL)
    {
      g_free (info->device_description);
      info->device_description = g_strdup (description);
    }
  vigil_client_set_device_info_async (vigil_session_get_client (self->session), self->dev_index, info,
                                      self->cancellable, on_info_set, g_object_ref (self));
}

/* ---- reboot ---- */

static void set_rebooting (VigilDevicePage *self, gboolean rebooting);

static void
on_reboot_poll (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = vigil_client_get_device_info_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->rebooting)
    return;

  if (info != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is back online"), device_title (self));

      set_rebooting (self, FALSE);
      set_state_text (self, _("Online"));
      vigil_window_toast_for (GTK_WIDGET (self), text, FALSE);
      vigil_device_page_reload (self);
      return;
    }

  self->reboot_seen_down = TRUE;
  if (g_get_monotonic_time () - self->reboot_started > (gint64) REBOOT_GIVE_UP_SECONDS * G_USEC_PER_SEC)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” has not come back after a reboot: %s"),
                                               device_title (self), error->message);
      set_rebooting (self, FALSE);
      set_state_text (self, _("Not answering"));
      vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
    }
}

static gboolean
reboot_poll (gpointer user_data)
{
  VigilDevicePage *self = user_data;

  if (self->session != NULL)
    vigil_client_get_device_info_async (vigil_session_get_client (self->session), self->dev_index,
                                        self->cancellable, on_reboot_poll, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static void
set_rebooting (VigilDevicePage *self,
               gboolean         rebooting)
{
  self->rebooting = rebooting;
  gtk_spinner_set_spinning (self->spinner, rebooting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reboot", !rebooting);
  g_clear_handle_id (&self->reboot_poll_id, g_source_remove);
  if (rebooting)
    {
      self->reboot_started = g_get_monotonic_time ();
      self->reboot_seen_down = FALSE;
      set_state_text (self, _("Rebooting…"));
      self->reboot_poll_id = g_timeout_add_seconds (REBOOT_POLL_SECONDS, reboot_poll, self);
    }
}

static void
on_rebooted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilDevicePage) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  status = vigil_client_reboot_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_REBOOT, device_title (self), error);
  if (error != NULL)
    {
      text = g_strdup_printf (_("The reboot was refused: %s"), error->message);
      vigil_window_toast_for (GTK_WIDGET (self), text, TRUE);
      return;
    }

  set_rebooting (self, TRUE);
}

static void
on_reboot_response (AdwMessageDialog *dialog,
                    const char       *response,
                    VigilDevicePage  *self)
{
  if (g_strcmp0 (response, "reboot") != 0 || self->session == NULL)
    return;

  vigil_client_reboot_async (vigil_session_get_client (self->session), self->dev_index, self->cancellable,
                             on_rebooted, g_object_ref (self));
}

static void
action_reboot (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VigilDevicePage *self = VIGIL_DEVICE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = g_strdup_printf (_("Reboot “%s”?"), device_title (self));
  AdwMessageDialog *dialog;

  if (self->session == NULL || self->rebooting)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       self->dev_index == NULL
                                                       ? _("Every panel behind the gateway is out of reach until it is back. The console reconnects by itself.")
                                                       : _("The device is offline and reports no events until it is back.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reboot", _("_Reboot"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reboot", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reboot_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- public ---- */

void
vigil_device_page_set_device (VigilDevicePage *self,
                              VigilSession    *session,
                              const char      *dev_index)
{
  g_return_if_fail (VIGIL_IS_DEVICE_PAGE (self));

  if (self->rebooting)
    set_rebooting (self, FALSE);
  /* Nothing read for the previous device may land on this one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_rows (self);
  g_set_object (&self->session, session);
  g_free (self->dev_index);
  self->dev_index = g_strdup (dev_index);
  g_clear_pointer (&self->info, vigil_device_info_free);
  self->unread = FALSE;
  set_state_text (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");

  set_stream (self, session != NULL ? vigil_session_get_stream (session) : NULL);
  vigil_time_group_set_target (self->time_group, NULL, NULL);
  /* The gateway's page is set at every sign-in: it is read when it is shown. */
  self->needs_load = session != NULL;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || dev_index != NULL)
    vigil_device_page_reload (self);
}

const char *
vigil_device_page_get_dev_index (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), NULL);
  return self->dev_index;
}

const VigilDeviceInfo *
vigil_device_page_get_info (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), NULL);
  return self->info;
}

gboolean
vigil_device_page_get_rebooting (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), FALSE);
  return self->rebooting;
}

const char *
vigil_device_page_get_state_text (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), NULL);
  return self->state_text;
}

VigilTimeGroup *
vigil_device_page_get_time_group (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), NULL);
  return self->time_group;
}

guint
vigil_device_page_get_n_interfaces (VigilDevicePage *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_PAGE (self), 0);
  return self->n_interfaces;
}

/* ---- GObject ---- */

static void
vigil_device_page_map (GtkWidget *widget)
{
  VigilDevicePage *self = VIGIL_DEVICE_PAGE (widget);

  GTK_WIDGET_CLASS (vigil_device_page_parent_class)->map (widget);

  if (self->needs_load)
    vigil_device_page_reload (self);
}

static void
vigil_device_page_dispose (GObject *object)
{
  VigilDevicePage *self = (VigilDevicePage *) object;

  g_clear_handle_id (&self->reboot_poll_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_stream (self, NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DEVICE_PAGE);

  G_OBJECT_CLASS (vigil_device_page_parent_class)->dispose (object);
}

static void
vigil_device_page_finalize (GObject *object)
{
  VigilDevicePage *self = (VigilDevicePage *) object;

  g_free (self->dev_index);
  g_free (self->state_text);
  g_clear_pointer (&self->info, vigil_device_info_free);

  G_OBJECT_CLASS (vigil_device_page_parent_class)->finalize (object);
}

static void
vigil_device_page_class_init (VigilDevicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_device_page_dispose;
  object_class->finalize = vigil_device_page_finalize;
  widget_class->map = vigil_device_page_map;

  /* The name or description was changed on the device. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "page.reload", NULL, action_reload);
  gtk_widget_class_install_action (widget_class, "page.reboot", NULL, action_reboot);

  g_type_ensure (VIGIL_TYPE_TIME_GROUP);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-device-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, box);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, state_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, connection_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, user_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, subscription_id_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, history_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, trace_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, info_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, description_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, status_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, subscription_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, time_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, network_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, channels_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, io_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDevicePage, reboot_button);
  gtk_widget_class_bind_template_callback (widget_class, on_info_apply);
}

static void
vigil_device_page_init (VigilDevicePage *self)
{
  self->cancellable = g_cancellable_new ();
  self->added_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->history_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}
