/* vigil-partition-row.c — one partition (or all of them) with its controls
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-partition-row"

#include <glib/gi18n.h>

#include "vigil-partition-row.h"

struct _VigilPartitionRow
{
  GtkListBoxRow parent_instance;

  GtkImage *state_icon;
  GtkLabel *title_label;
  GtkLabel *state_label;
  GtkButton *stay_button;
  GtkButton *away_button;
  GtkButton *disarm_button;
  GtkButton *clear_button;

  VigilPanel *panel;
  VigilPartition *partition;     /* NULL: every partition */
};

G_DEFINE_FINAL_TYPE (VigilPartitionRow, vigil_partition_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
describe_arming (const char *arming)
{
  if (g_strcmp0 (arming, "away") == 0)
    return _("Armed away");
  if (g_strcmp0 (arming, "stay") == 0)
    return _("Armed stay");
  if (g_strcmp0 (arming, "disarm") == 0)
    return _("Disarmed");
  return _("State not read yet");
}

static const char *
arming_icon (const char *arming,
             gboolean    alarm)
{
  if (alarm)
    return "dialog-warning-symbolic";
  if (g_strcmp0 (arming, "away") == 0)
    return "security-high-symbolic";
  if (g_strcmp0 (arming, "stay") == 0)
    return "security-medium-symbolic";
  return "security-low-symbolic";
}

static void
update (VigilPartitionRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  GtkButton *buttons[] = { self->stay_button, self->away_button, self->disarm_button, self->clear_button };
  guint32 target;
  gboolean alarm;

  if (self->partition != NULL)
    {
      const char *arming = vigil_partition_get_arming (self->partition);

      alarm = vigil_partition_get_alarm (self->partition);
      target = vigil_partition_get_id (self->partition);
      title = g_strdup_printf (_("Partition %u"), target);
      state = alarm ? g_strdup_printf (_("In alarm · %s"), describe_arming (arming))
                    : g_strdup (describe_arming (arming));
      gtk_image_set_from_icon_name (self->state_icon, arming_icon (arming, alarm));
    }
  else
    {
      const char *summary = self->panel ? vigil_panel_get_arming_summary (self->panel) : NULL;
      guint n_alarms = self->panel ? vigil_panel_get_n_alarms (self->panel) : 0;

      alarm = n_alarms > 0;
      target = (guint32) VIGIL_ALL_PARTITIONS;
      title = g_strdup (_("All Partitions"));
      if (summary == NULL)
        summary = _("State not read yet");
      state = alarm ? g_strdup_printf (ngettext ("%s · %u alarm", "%s · %u alarms", n_alarms), summary, n_alarms)
                    : g_strdup (summary);
      gtk_image_set_from_icon_name (self->state_icon, alarm ? "dialog-warning-symbolic" : "security-medium-symbolic");
    }

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->state_label, state);
  if (alarm)
    gtk_widget_add_css_class (GTK_WIDGET (self), "alarm");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "alarm");

  /* Several rows have an "Arm Away": the description says which partition each one arms. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "u", target);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                      -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, state,
                                  -1);
}

VigilPartition *
vigil_partition_row_get_partition (VigilPartitionRow *self)
{
  g_return_val_if_fail (VIGIL_IS_PARTITION_ROW (self), NULL);
  return self->partition;
}

void
vigil_partition_row_set_panel (VigilPartitionRow *self,
                               VigilPanel        *panel)
{
  g_return_if_fail (VIGIL_IS_PARTITION_ROW (self));

  if (self->panel == panel)
    return;

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_data (self->panel, self);
  g_set_object (&self->panel, panel);
  if (panel != NULL && self->partition == NULL)
    {
      g_signal_connect_object (panel, "notify::arming-summary", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (panel, "notify::n-alarms", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

GtkWidget *
vigil_partition_row_new (VigilPanel     *panel,
                         VigilPartition *partition)
{
  VigilPartitionRow *self = g_object_new (VIGIL_TYPE_PARTITION_ROW, NULL);

  if (partition != NULL)
    {
      self->partition = g_object_ref (partition);
      g_signal_connect_object (partition, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  vigil_partition_row_set_panel (self, panel);
  update (self);

  return GTK_WIDGET (self);
}

static void
vigil_partition_row_dispose (GObject *object)
{
  VigilPartitionRow *self = (VigilPartitionRow *)object;

  if (self->panel != NULL)
    g_signal_handlers_disconnect_by_data (self->panel, self);
  if (self->partition != NULL)
    g_signal_handlers_disconnect_by_data (self->partition, self);
  g_clear_object (&self->panel);
  g_clear_object (&self->partition);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PARTITION_ROW);

  G_OBJECT_CLASS (vigil_partition_row_parent_class)->dispose (object);
}

static void
vigil_partition_row_class_init (VigilPartitionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_partition_row_dispose;

  /* The row's child is not bound: GtkListBoxRow unparents it itself, and
   * gtk_widget_dispose_template() would unparent it a second time. */
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-partition-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, stay_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, away_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, disarm_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPartitionRow, clear_button);
}

static void
vigil_partition_row_init (VigilPartitionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
