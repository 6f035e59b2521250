/* vigil-preferences-window.c — sound, timings, the operator and the remembered gateways
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is a GSettings key: the application, the window and the session are bound to
 * the same keys, so a change applies at once, in every place that uses it.
 */
#define G_LOG_DOMAIN "vigil-preferences-window"

#include <glib/gi18n.h>

#include "vigil-keyring.h"
#include "vigil-preferences-window.h"
#include "vigil-settings.h"

struct _VigilPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSwitch *sound_switch;
  AdwEntryRow *operator_row;
  GtkSpinButton *reconcile_spin;
  GtkSpinButton *heartbeat_spin;
  GtkSpinButton *request_timeout_spin;
  AdwComboRow *video_fetch_row;
  GtkSpinButton *video_cache_spin;
  GtkListBox *gateways_list;

  GSettings *settings;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- video ---- */

/* The rows of the combo, in the order of the .ui file. */
static const char * const video_fetch_policies[] = { "always", "on-open", "never" };

static gboolean
policy_to_row (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *policy = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (video_fetch_policies); i++)
    if (g_str_equal (policy, video_fetch_policies[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
row_to_policy (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  if (row >= G_N_ELEMENTS (video_fetch_policies))
    return NULL;
  return g_variant_new_string (video_fetch_policies[row]);
}

/* ---- the operator ---- */

static void
on_operator_apply (VigilPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->operator_row))));

  /* The audit log must name someone: an empty name is not taken. */
  if (*name == '\0')
    {
      g_autofree char *current = g_settings_get_string (self->settings, "operator");

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("The operator’s name cannot be empty")));
      gtk_editable_set_text (GTK_EDITABLE (self->operator_row), current);
      return;
    }

  g_settings_set_string (self->settings, "operator", name);
}

static void
on_operator_changed (VigilPreferencesWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "operator");

  if (g_strcmp0 (name, gtk_editable_get_text (GTK_EDITABLE (self->operator_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->operator_row), name);
}

/* ---- remembered gateways ---- */

static void
on_keyring_cleared (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (vigil_keyring_clear_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The gateway is forgotten either way; the operator must know a password may remain. */
  {
    g_autofree char *text = g_strdup_printf (_("The password could not be removed from the keyring: %s"),
                                             error->message);
    g_autofree char *markup = g_markup_escape_text (text, -1);
    AdwToast *toast = adw_toast_new (markup);

    adw_toast_set_timeout (toast, 10);
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  }
}

void
vigil_preferences_window_forget_gateway (VigilPreferencesWindow *self,
                                         const char             *url,
                                         const char             *user)
{
  g_return_if_fail (VIGIL_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (url != NULL);

  vigil_settings_forget_gateway (self->settings, url, user);
  vigil_keyring_clear_async (url, user, self->cancellable, on_keyring_cleared, g_object_ref (self));
}

static void
on_forget_clicked (GtkButton              *button,
                   VigilPreferencesWindow *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "vigil-url");
  const char *user = g_object_get_data (G_OBJECT (button), "vigil-user");

  vigil_preferences_window_forget_gateway (self, url, user);
}

static GtkWidget *
gateway_row_new (VigilPreferencesWindow *self,
                 const char             *url,
                 const char             *user)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: tooltip of the button that forgets a remembered gateway */
  g_autofree char *tooltip = g_strdup_printf (_("Forget %s"), url);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *user != '\0' ? user : _("No user name"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "vigil-url", g_strdup (url), g_free);
  g_object_set_data_full (G_OBJECT (button), "vigil-user", g_strdup (user), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_forget_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
fill_gateways (VigilPreferencesWindow *self)
{
  g_autoptr(GVariant) known = g_settings_get_value (self->settings, "known-gateways");
  GtkWidget *child;
  GVariantIter iter;
  const char *url;
  const char *user;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gateways_list))) != NULL)
    gtk_list_box_remove (self->gateways_list, child);

  g_variant_iter_init (&iter, known);
  while (g_variant_iter_next (&iter, "(&s&s)", &url, &user))
    gtk_list_box_append (self->gateways_list, gateway_row_new (self, url, user));
}

/* ---- public ---- */

VigilPreferencesWindow *
vigil_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (VIGIL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

/* ---- GObject ---- */

static void
vigil_preferences_window_constructed (GObject *object)
{
  VigilPreferencesWindow *self = (VigilPreferencesWindow *)object;

  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "sound-enabled", self->sound_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reconcile-interval", self->reconcile_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "heartbeat-timeout", self->heartbeat_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "request-timeout", self->request_timeout_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "video-cache-size", self->video_cache_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "video-fetch", self->video_fetch_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, policy_to_row, row_to_policy, NULL, NULL);

  g_signal_connect_object (self->settings, "changed::operator", G_CALLBACK (on_operator_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::known-gateways", G_CALLBACK (fill_gateways), self,
                           G_CONNECT_SWAPPED);
  on_operator_changed (self);
  fill_gateways (self);
}

static void
vigil_preferences_window_dispose (GObject *object)
{
  VigilPreferencesWindow *self = (VigilPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->dispose (object);
}

static void
vigil_preferences_window_finalize (GObject *object)
{
  VigilPreferencesWindow *self = (VigilPreferencesWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->finalize (object);
}

static void
vigil_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_preferences_window_class_init (VigilPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_preferences_window_constructed;
  object_class->dispose = vigil_preferences_window_dispose;
  object_class->finalize = vigil_preferences_window_finalize;
  object_class->get_property = vigil_preferences_window_get_property;
  object_class->set_property = vigil_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigilconsole/Vigil/ui/vigil-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, sound_switch);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, reconcile_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, heartbeat_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, request_timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, video_fetch_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, video_cache_spin);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, gateways_list);
  gtk_widget_class_bind_template_callback (widget_class, on_operator_apply);
}

static void
vigil_preferences_window_init (VigilPreferencesWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  placeholder = gtk_label_new (_("No gateway is remembered yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->gateways_list, placeholder);
}
