/* vigil-operator-dialog.c — who is on duty: asked at the start of a shift
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-operator-dialog"

#include <glib/gi18n.h>

#include "vigil-operator-dialog.h"

struct _VigilOperatorDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *name_row;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (VigilOperatorDialog, vigil_operator_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_name (VigilOperatorDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
on_name_changed (VigilOperatorDialog *self)
{
  g_autofree char *name = dup_name (self);

  /* An action without a name cannot be accounted for. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "start", *name != '\0');
}

static void
on_name_activated (VigilOperatorDialog *self)
{
  g_autofree char *name = dup_name (self);

  if (*name != '\0')
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "start");
}

static void
on_start_response (VigilOperatorDialog *self)
{
  g_autofree char *name = dup_name (self);

  if (*name != '\0' && self->settings != NULL)
    g_settings_set_string (self->settings, "operator", name);
}

void
vigil_operator_dialog_set_name (VigilOperatorDialog *self,
                                const char          *name)
{
  g_return_if_fail (VIGIL_IS_OPERATOR_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  on_name_changed (self);
}

VigilOperatorDialog *
vigil_operator_dialog_new (GtkWindow *parent,
                           GSettings *settings,
                           gboolean   start_of_shift)
{
  VigilOperatorDialog *self;
  g_autofree char *current = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VIGIL_TYPE_OPERATOR_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  if (!start_of_shift)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Change Operator"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "start", _("_Change"));
    }

  /* The last name is offered: the same operator starting again confirms with Enter. */
  current = g_settings_get_string (settings, "operator");
  vigil_operator_dialog_set_name (self, current);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

static void
vigil_operator_dialog_dispose (GObject *object)
{
  VigilOperatorDialog *self = (VigilOperatorDialog *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_OPERATOR_DIALOG);

  G_OBJECT_CLASS (vigil_operator_dialog_parent_class)->dispose (object);
}

static void
vigil_operator_dialog_class_init (VigilOperatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_operator_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-operator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilOperatorDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_start_response);
}

static void
vigil_operator_dialog_init (VigilOperatorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
