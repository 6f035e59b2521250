/* vigil-accessible.c — accessible names that screen readers and AT-SPI tools can rely on
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a button or check button with a text label twice over: its label *property*, mnemonic
 * underscore included, and then the text of the label it is "labelled by" — so Orca reads
 * "Try the _Demo Gateway Try the Demo Gateway", and a tool looking for the button "Connect"
 * by name does not find it. Later GTK releases fixed the name computation. Until the oldest
 * GTK we support has the fix, every labelled button is given its visible text as its one
 * name when it is first shown and whenever its label changes. Check buttons (the radio
 * choices too) have the same fault; expanders and clickable icons get no name at all.
 */
#define G_LOG_DOMAIN "vigil-accessible"

#include "vigil-accessible.h"

#define FIXED_KEY "vigil-accessible-fixed"

char *
vigil_accessible_dup_label_name (const char *label,
                                 gboolean    use_underline)
{
  GString *name;

  if (label == NULL)
    return NULL;

  name = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the mnemonic. */
      if (*p == '_' && use_underline)
        {
          if (p[1] == '_')
            g_string_append_c (name, *++p);
          continue;
        }
      g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

static void
name_control (GtkWidget *widget)
{
  g_autofree char *name = NULL;

  if (GTK_IS_BUTTON (widget))
    name = vigil_accessible_dup_label_name (gtk_button_get_label (GTK_BUTTON (widget)),
                                            gtk_button_get_use_underline (GTK_BUTTON (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    name = vigil_accessible_dup_label_name (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                                            gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_EXPANDER (widget))
    name = vigil_accessible_dup_label_name (gtk_expander_get_label (GTK_EXPANDER (widget)),
                                            gtk_expander_get_use_underline (GTK_EXPANDER (widget)));
  else if (GTK_IS_IMAGE (widget) &&
           gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_BUTTON)
    /* An icon that acts as a button (the password row's "Show Text") is named by its tooltip. */
    name = g_strdup (gtk_widget_get_tooltip_text (widget));

  if (name != NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static gboolean
on_widget_map (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (!GTK_IS_BUTTON (object) && !GTK_IS_CHECK_BUTTON (object) && !GTK_IS_EXPANDER (object) &&
      !GTK_IS_IMAGE (object))
    return TRUE;

  /* GTK names the control again whenever its label changes (Connect turning into Cancel);
   * ours follows. Connected once per control. */
  if (g_object_get_data (object, FIXED_KEY) == NULL)
    {
      g_object_set_data (object, FIXED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect_after (object, GTK_IS_IMAGE (object) ? "notify::tooltip-text" : "notify::label",
                              G_CALLBACK (name_control), NULL);
    }
  name_control (GTK_WIDGET (object));
  return TRUE;
}

void
vigil_accessible_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* "notify" takes no emission hooks; "map" does, and a control is named before anyone
       * can see it. The signal exists once the class does. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint map_signal = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map_signal, 0, on_widget_map, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
