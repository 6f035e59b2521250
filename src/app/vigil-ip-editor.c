/* vigil-ip-editor.c — one network interface's addresses, edited and checked before sending
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-ip-editor"

#include <glib/gi18n.h>

#include "vigil-ip-editor.h"
#include "vigil-window.h"

struct _VigilIpEditor
{
  AdwExpanderRow parent_instance;

  AdwComboRow *addressing_row;
  AdwEntryRow *ipv4_row;
  AdwEntryRow *mask_row;
  AdwEntryRow *gateway4_row;
  AdwEntryRow *dns1_row;
  AdwEntryRow *dns2_row;
  AdwEntryRow *ipv6_row;
  AdwEntryRow *prefix_row;
  AdwEntryRow *gateway6_row;
  AdwActionRow *apply_row;

  VigilSession *session;
  char *dev_index;
  char *interface_id;
  VigilIpAddress *original;
  GCancellable *cancellable;
  gboolean valid;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (VigilIpEditor, vigil_ip_editor, ADW_TYPE_EXPANDER_ROW)

static const char *
text_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? text : NULL;
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The original record with what was typed over it: members this code does not know stay. */
static VigilIpAddress *
build_address (VigilIpEditor *self)
{
  VigilIpAddress *address = self->original && self->original->raw
                            ? vigil_ip_address_from_json (self->original->raw)
                            : vigil_ip_address_new ();
  gboolean has_v4 = text_of (self->ipv4_row) != NULL;
  gboolean has_v6 = text_of (self->ipv6_row) != NULL;
  const char *prefix = text_of (self->prefix_row);
  gint64 bits;

  replace (&address->addressing_type, adw_combo_row_get_selected (self->addressing_row) == 0 ? "static" : "dynamic");
  replace (&address->ip_version, has_v6 ? (has_v4 ? "dual" : "v6") : "v4");
  replace (&address->ip_address, text_of (self->ipv4_row));
  replace (&address->subnet_mask, text_of (self->mask_row));
  replace (&address->gateway_ipv4, text_of (self->gateway4_row));
  replace (&address->primary_dns_ipv4, text_of (self->dns1_row));
  replace (&address->secondary_dns_ipv4, text_of (self->dns2_row));
  replace (&address->ipv6_address, text_of (self->ipv6_row));
  replace (&address->gateway_ipv6, text_of (self->gateway6_row));
  address->has_bit_mask = prefix != NULL && g_ascii_string_to_signed (prefix, 10, 0, 128, &bits, NULL);
  address->bit_mask = address->has_bit_mask ? bits : 0;
  return address;
}

static void
validate (VigilIpEditor *self)
{
  g_autoptr(VigilIpAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  const char *prefix = text_of (self->prefix_row);
  gboolean is_static;

  if (self->filling)
    return;

  is_static = adw_combo_row_get_selected (self->addressing_row) == 0;
  /* With DHCP the device picks its addresses: the fields are what it has now. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->ipv4_row), is_static);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mask_row), is_static);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gateway4_row), is_static);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ipv6_row), is_static);
  gtk_widget_set_sensitive (GTK_WIDGET (self->prefix_row), is_static);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gateway6_row), is_static);

  address = build_address (self);
  if (prefix != NULL && !address->has_bit_mask)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The IPv6 prefix length must be a number from 0 to 128, not “%s”."), prefix);
  else
    vigil_ip_address_validate (address, &error);

  self->valid = error == NULL;
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->apply_row), "error");
      adw_action_row_set_subtitle (self->apply_row, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->apply_row), "error");
      adw_action_row_set_subtitle (self->apply_row, _("The device takes the new settings at once."));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ip.apply", self->valid);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill (VigilIpEditor        *self,
      const VigilIpAddress *address)
{
  g_autofree char *prefix = NULL;
  g_autofree char *subtitle = NULL;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->addressing_row, g_strcmp0 (address->addressing_type, "static") == 0 ? 0 : 1);
  set_text (self->ipv4_row, address->ip_address);
  set_text (self->mask_row, address->subnet_mask);
  set_text (self->gateway4_row, address->gateway_ipv4);
  set_text (self->dns1_row, address->primary_dns_ipv4);
  set_text (self->dns2_row, address->secondary_dns_ipv4);
  set_text (self->ipv6_row, address->ipv6_address);
  if (address->has_bit_mask)
    prefix = g_strdup_printf ("%" G_GINT64_FORMAT, address->bit_mask);
  set_text (self->prefix_row, prefix);
  set_text (self->gateway6_row, address->gateway_ipv6);
  self->filling = FALSE;

  subtitle = g_strdup_printf ("%s · %s", address->ip_address ? address->ip_address : (address->ipv6_address ? address->ipv6_address : "—"),
                              g_strcmp0 (address->addressing_type, "static") == 0 ? _("static") : _("DHCP"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  validate (self);
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VigilIpEditor) self = user_data;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;

  status = vigil_client_set_ip_address_finish (VIGIL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  target = g_strdup_printf ("%s, %s", self->dev_index ? self->dev_index : _("the gateway"), self->interface_id);
  vigil_window_audit_for (GTK_WIDGET (self), VIGIL_AUDIT_ACTION_SET_NETWORK, target, error);
  if (error != NULL)
    text = g_strdup_printf (_("The network settings were not changed: %s"), error->message);
  else
    {
      g_autoptr(VigilIpAddress) sent = build_address (self);

      vigil_ip_address_free (self->original);
      self->original = g_steal_pointer (&sent);
      fill (self, self->original);
    }
  vigil_window_toast_for (GTK_WIDGET (self), text ? text : _("Network settings changed"), error != NULL);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     VigilIpEditor    *self)
{
  g_autoptr(VigilIpAddress) address = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->session == NULL)
    return;

  address = build_address (self);
  vigil_client_set_ip_address_async (vigil_session_get_client (self->session), self->dev_index,
                                     self->interface_id, address, self->cancellable, on_applied,
                                     g_object_ref (self));
}

static void
action_apply (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  VigilIpEditor *self = VIGIL_IP_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  validate (self);
  if (!self->valid)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Change the Network Settings?"),
                                                       _("If the address, mask or gateway is wrong, the device can no longer reach the gateway and may only be reached on site.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Change"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

VigilIpEditor *
vigil_ip_editor_new (VigilSession                *session,
                     const char                  *dev_index,
                     const VigilNetworkInterface *iface)
{
  VigilIpEditor *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (VIGIL_IS_SESSION (session), NULL);
  g_return_val_if_fail (iface != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_IP_EDITOR, NULL);
  self->session = g_object_ref (session);
  self->dev_index = g_strdup (dev_index);
  self->interface_id = g_strdup (iface->id ? iface->id : "1");
  self->original = iface->ip_address && iface->ip_address->raw
                   ? vigil_ip_address_from_json (iface->ip_address->raw)
                   : vigil_ip_address_new ();

  title = g_strdup_printf (_("Interface %s"), self->interface_id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  fill (self, self->original);
  return self;
}

gboolean
vigil_ip_editor_is_valid (VigilIpEditor *self)
{
  g_return_val_if_fail (VIGIL_IS_IP_EDITOR (self), FALSE);
  return self->valid;
}

static void
vigil_ip_editor_dispose (GObject *object)
{
  VigilIpEditor *self = (VigilIpEditor *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_IP_EDITOR);

  G_OBJECT_CLASS (vigil_ip_editor_parent_class)->dispose (object);
}

static void
vigil_ip_editor_finalize (GObject *object)
{
  VigilIpEditor *self = (VigilIpEditor *) object;

  g_free (self->dev_index);
  g_free (self->interface_id);
  g_clear_pointer (&self->original, vigil_ip_address_free);

  G_OBJECT_CLASS (vigil_ip_editor_parent_class)->finalize (object);
}

static void
vigil_ip_editor_class_init (VigilIpEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_ip_editor_dispose;
  object_class->finalize = vigil_ip_editor_finalize;

  gtk_widget_class_install_action (widget_class, "ip.apply", NULL, action_apply);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-ip-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, addressing_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, ipv4_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, mask_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, gateway4_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, dns1_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, dns2_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, ipv6_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, gateway6_row);
  gtk_widget_class_bind_template_child (widget_class, VigilIpEditor, apply_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
vigil_ip_editor_init (VigilIpEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
