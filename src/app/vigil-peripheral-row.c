/* vigil-peripheral-row.c — a relay, siren, repeater or output module of a panel
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-peripheral-row"

#include <glib/gi18n.h>

#include "vigil-peripheral-row.h"

struct _VigilPeripheralRow
{
  AdwActionRow parent_instance;

  GtkImage *icon;
  GtkBox *relay_box;
  GtkButton *open_button;
  GtkButton *close_button;

  VigilPeripheral *peripheral;
};

G_DEFINE_FINAL_TYPE (VigilPeripheralRow, vigil_peripheral_row, ADW_TYPE_ACTION_ROW)

static const char *
describe_status (const char *status)
{
  if (status == NULL)
    return _("State not read yet");
  if (g_str_equal (status, "online"))
    return _("Online");
  if (g_str_equal (status, "offline"))
    return _("Offline");
  if (g_str_equal (status, "on"))
    return _("On");
  if (g_str_equal (status, "off"))
    return _("Off");
  if (g_str_equal (status, "notRelated"))
    return _("Not used");
  return status;
}

static const char *
describe_linkage (const char *linkage)
{
  if (linkage == NULL)
    return NULL;
  if (g_str_equal (linkage, "alarm"))
    return _("Follows alarms");
  if (g_str_equal (linkage, "arming"))
    return _("Follows arming");
  if (g_str_equal (linkage, "disarming"))
    return _("Follows disarming");
  if (g_str_equal (linkage, "manualCtrl"))
    return _("Manual control");
  return linkage;
}

static const char *
kind_icon (VigilPeripheralKind kind)
{
  switch (kind)
    {
    case VIGIL_PERIPHERAL_RELAY:         return "system-shutdown-symbolic";
    case VIGIL_PERIPHERAL_SIREN:         return "audio-speakers-symbolic";
    case VIGIL_PERIPHERAL_REPEATER:      return "network-wireless-symbolic";
    case VIGIL_PERIPHERAL_OUTPUT_MODULE:
    default:                             return "network-wired-symbolic";
    }
}

static void
update (VigilPeripheralRow *self)
{
  VigilPeripheralKind kind = vigil_peripheral_get_kind (self->peripheral);
  guint id = vigil_peripheral_get_id (self->peripheral);
  const char *name = vigil_peripheral_get_name (self->peripheral);
  const char *linkage = describe_linkage (vigil_peripheral_get_linkage (self->peripheral));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  gboolean relay = kind == VIGIL_PERIPHERAL_RELAY;

  if (name != NULL && *name != '\0')
    title = g_strdup (name);
  else
    /* Translators: a peripheral without a name: "Relay 3", "Siren 1" */
    title = g_strdup_printf (_("%s %u"), vigil_peripheral_kind_label (kind), id);

  g_string_append_printf (subtitle, "%s %u · %s", vigil_peripheral_kind_label (kind), id,
                          describe_status (vigil_peripheral_get_status (self->peripheral)));
  if (vigil_peripheral_get_tamper (self->peripheral))
    g_string_append_printf (subtitle, " · %s", _("Tampered"));
  if (vigil_peripheral_get_low_battery (self->peripheral))
    g_string_append_printf (subtitle, " · %s", _("Low battery"));
  if (linkage != NULL)
    g_string_append_printf (subtitle, " · %s", linkage);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  gtk_image_set_from_icon_name (self->icon, kind_icon (kind));

  gtk_widget_set_visible (GTK_WIDGET (self->relay_box), relay);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "u", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->close_button), "u", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);

  if (vigil_peripheral_get_tamper (self->peripheral) || vigil_peripheral_get_low_battery (self->peripheral) ||
      g_strcmp0 (vigil_peripheral_get_status (self->peripheral), "offline") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "fault");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "fault");
}

GtkWidget *
vigil_peripheral_row_new (VigilPeripheral *peripheral)
{
  VigilPeripheralRow *self;

  g_return_val_if_fail (VIGIL_IS_PERIPHERAL (peripheral), NULL);

  self = g_object_new (VIGIL_TYPE_PERIPHERAL_ROW, NULL);
  self->peripheral = g_object_ref (peripheral);
  g_signal_connect_object (peripheral, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

VigilPeripheral *
vigil_peripheral_row_get_peripheral (VigilPeripheralRow *self)
{
  g_return_val_if_fail (VIGIL_IS_PERIPHERAL_ROW (self), NULL);
  return self->peripheral;
}

static void
vigil_peripheral_row_dispose (GObject *object)
{
  VigilPeripheralRow *self = (VigilPeripheralRow *)object;

  if (self->peripheral != NULL)
    g_signal_handlers_disconnect_by_data (self->peripheral, self);
  g_clear_object (&self->peripheral);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PERIPHERAL_ROW);

  G_OBJECT_CLASS (vigil_peripheral_row_parent_class)->dispose (object);
}

static void
vigil_peripheral_row_class_init (VigilPeripheralRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_peripheral_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-peripheral-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPeripheralRow, icon);
  gtk_widget_class_bind_template_child (widget_class, VigilPeripheralRow, relay_box);
  gtk_widget_class_bind_template_child (widget_class, VigilPeripheralRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPeripheralRow, close_button);
}

static void
vigil_peripheral_row_init (VigilPeripheralRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
