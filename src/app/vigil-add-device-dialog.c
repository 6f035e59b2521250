/* vigil-add-device-dialog.c — adding one device to the gateway, every field checked as typed
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-add-device-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "vigil-add-device-dialog.h"
#include "vigil-device-item.h"

/* The rows of the combo rows, in the .ui's order. */
static const char * const protocols[] = { "ehomeV5", "ehome" };
static const char * const types[] = { "SecurityCP", "encodingDev", "AccessControl" };

struct _VigilAddDeviceDialog
{
  AdwWindow parent_instance;

  GtkButton *add_button;
  AdwComboRow *protocol_row;
  AdwEntryRow *id_row;
  AdwPasswordEntryRow *key_row;
  AdwEntryRow *name_row;
  AdwComboRow *type_row;
  GtkSpinButton *interval_spin;
  GtkSpinButton *count_spin;
  AdwActionRow *visual_row;
  GtkSwitch *visual_switch;
  GtkLabel *error_label;

  VigilSession *session;
  GCancellable *cancellable;
  gboolean valid;
  gboolean busy;
  char *error;
};

G_DEFINE_FINAL_TYPE (VigilAddDeviceDialog, vigil_add_device_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_v5 (VigilAddDeviceDialog *self)
{
  return adw_combo_row_get_selected (self->protocol_row) == 0;
}

static VigilDeviceAdd *
build_device (VigilAddDeviceDialog *self)
{
  VigilDeviceAdd *device = vigil_device_add_new ();
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint type = adw_combo_row_get_selected (self->type_row);

  device->protocol_type = g_strdup (protocols[is_v5 (self) ? 0 : 1]);
  device->ehome_id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
  if (is_v5 (self))
    device->ehome_key = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row)));
  if (*name != '\0')
    device->dev_name = g_strdup (name);
  device->dev_type = g_strdup (types[type < G_N_ELEMENTS (types) ? type : 0]);
  device->heart_interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  device->has_heart_interval = TRUE;
  device->heart_exceeded_count = gtk_spin_button_get_value_as_int (self->count_spin);
  device->has_heart_exceeded_count = TRUE;
  /* The guide: only for ISUP 5.0 alarm devices. */
  if (is_v5 (self))
    {
      device->visual_verification = gtk_switch_get_active (self->visual_switch);
      device->has_visual_verification = TRUE;
    }
  return device;
}

static void
mark_row (GtkWidget *row,
          gboolean   wrong)
{
  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static gboolean
is_alnum (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static void
set_error (VigilAddDeviceDialog *self,
           const char           *error)
{
  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* Each field on its own (so the wrong one is marked), then the whole device as it would be
 * sent. A field still empty is not marked wrong: the installer has not reached it yet. */
static void
validate (VigilAddDeviceDialog *self)
{
  g_autoptr(VigilDeviceAdd) device = build_device (self);
  g_autoptr(GError) error = NULL;
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *problem = NULL;
  g_autofree char *owned = NULL;
  gboolean id_wrong = g_utf8_strlen (id, -1) > 31;
  gboolean key_wrong = is_v5 (self) && *key != '\0' &&
                       (strlen (key) < 8 || strlen (key) > 32 || !is_alnum (key));
  gboolean name_wrong = g_utf8_strlen (name, -1) > 32;

  gtk_widget_set_visible (GTK_WIDGET (self->key_row), is_v5 (self));
  gtk_widget_set_visible (GTK_WIDGET (self->visual_row), is_v5 (self));
  mark_row (GTK_WIDGET (self->id_row), id_wrong);
  mark_row (GTK_WIDGET (self->key_row), key_wrong);
  mark_row (GTK_WIDGET (self->name_row), name_wrong);

  if (id_wrong)
    problem = owned = g_strdup_printf (_("The ISUP ID may have at most 31 characters; this one has %ld."),
                                       g_utf8_strlen (id, -1));
  else if (key_wrong)
    problem = owned = g_strdup_printf (_("The ISUP 5.0 key must be 8 to 32 letters and digits; this one has %zu characters%s."),
                                       strlen (key), is_alnum (key) ? "" : _(" and other signs"));
  else if (name_wrong)
    problem = _("The name may have at most 32 characters.");

  self->valid = !id_wrong && !key_wrong && !name_wrong && vigil_device_add_validate (device, &error);
  set_error (self, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", self->valid && !self->busy);
}

static void
on_field_changed (VigilAddDeviceDialog *self)
{
  validate (self);
}

static void
set_busy (VigilAddDeviceDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->protocol_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->id_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", self->valid && !busy);
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilAddDeviceDialog) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  VigilDeviceAddResult *first;

  results = vigil_client_add_devices_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (results == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The gateway did not add the device: %s"), error->message);
      set_error (self, text);
      return;
    }

  first = results->len > 0 ? g_ptr_array_index (results, 0) : NULL;
  if (first == NULL || g_strcmp0 (first->status, "success") != 0)
    {
      g_autofree char *text = g_strdup_printf (_("The gateway did not add the device: %s."),
                                               first ? vigil_device_result_label (first->status, first->sub_status_code, FALSE)
                                                     : _("it gave no result"));
      set_error (self, text);
      if (first != NULL)
        g_signal_emit (self, signals[SIGNAL_ADDED], 0, first);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_ADDED], 0, first);
  gtk_window_close (GTK_WINDOW (self));
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  VigilAddDeviceDialog *self = VIGIL_ADD_DEVICE_DIALOG (widget);
  g_autoptr(GPtrArray) devices = NULL;

  validate (self);
  if (!self->valid || self->busy || self->session == NULL)
    return;

  devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
  g_ptr_array_add (devices, build_device (self));
  set_busy (self, TRUE);
  vigil_client_add_devices_async (vigil_session_get_client (self->session), devices,
                                  self->cancellable, on_added, g_object_ref (self));
}

VigilAddDeviceDialog *
vigil_add_device_dialog_new (GtkWindow    *parent,
                             VigilSession *session)
{
  VigilAddDeviceDialog *self;

  g_return_val_if_fail (VIGIL_IS_SESSION (session), NULL);

  self = g_object_new (VIGIL_TYPE_ADD_DEVICE_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  return self;
}

gboolean
vigil_add_device_dialog_is_valid (VigilAddDeviceDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_ADD_DEVICE_DIALOG (self), FALSE);
  return self->valid;
}

const char *
vigil_add_device_dialog_get_error (VigilAddDeviceDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_ADD_DEVICE_DIALOG (self), NULL);
  return self->error;
}

static void
vigil_add_device_dialog_dispose (GObject *object)
{
  VigilAddDeviceDialog *self = (VigilAddDeviceDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ADD_DEVICE_DIALOG);

  G_OBJECT_CLASS (vigil_add_device_dialog_parent_class)->dispose (object);
}

static void
vigil_add_device_dialog_finalize (GObject *object)
{
  VigilAddDeviceDialog *self = (VigilAddDeviceDialog *) object;

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (vigil_add_device_dialog_parent_class)->finalize (object);
}

static void
vigil_add_device_dialog_class_init (VigilAddDeviceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_add_device_dialog_dispose;
  object_class->finalize = vigil_add_device_dialog_finalize;

  /* The DeviceOutList result of the device (a VigilDeviceAddResult), added or refused. */
  signals[SIGNAL_ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, action_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-add-device-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, protocol_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, visual_row);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, visual_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilAddDeviceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
vigil_add_device_dialog_init (VigilAddDeviceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  validate (self);
}
