/* vigil-zone-tile.c — one zone in the panel page's grid
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tile's colour follows its state (style.css), and so do an icon and words: a zone in
 * alarm reads "Alarm" with a warning sign for those who do not see the red.
 */
#define G_LOG_DOMAIN "vigil-zone-tile"

#include <glib/gi18n.h>

#include "vigil-zone-tile.h"

struct _VigilZoneTile
{
  GtkWidget parent_instance;

  GtkBox *box;

  VigilZone *zone;
};

G_DEFINE_FINAL_TYPE (VigilZoneTile, vigil_zone_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
vigil_zone_describe_status (const char *status,
                            gboolean    alarm)
{
  if (alarm)
    return _("Alarm");
  if (g_strcmp0 (status, "trigger") == 0)
    return _("Open");
  if (g_strcmp0 (status, "offline") == 0)
    return _("Offline");
  if (g_strcmp0 (status, "breakDown") == 0)
    return _("Fault");
  if (g_strcmp0 (status, "notRelated") == 0)
    return _("Not used");
  if (g_strcmp0 (status, "online") == 0)
    return _("Normal");
  return _("Unknown");
}

/* ---- closures of the template ---- */

static char **
tile_classes (gpointer    this,
              const char *status,
              gboolean    alarm,
              gboolean    tamper,
              gboolean    low_battery,
              gboolean    bypassed)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  g_strv_builder_add (builder, "zone-tile");
  if (alarm)
    g_strv_builder_add (builder, "alarm");
  else if (g_strcmp0 (status, "trigger") == 0)
    g_strv_builder_add (builder, "open");
  else if (tamper || low_battery || g_strcmp0 (status, "offline") == 0 || g_strcmp0 (status, "breakDown") == 0)
    g_strv_builder_add (builder, "fault");
  else if (g_strcmp0 (status, "notRelated") == 0)
    g_strv_builder_add (builder, "unused");
  if (bypassed)
    g_strv_builder_add (builder, "bypassed");

  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

static char *
number_text (gpointer this,
             guint    id)
{
  return g_strdup_printf ("%u", id);
}

static char *
name_text (gpointer    this,
           guint       id,
           const char *name)
{
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  return g_strdup_printf (_("Zone %u"), id);
}

static char *
status_icon (gpointer    this,
             const char *status,
             gboolean    alarm)
{
  if (alarm)
    return g_strdup ("dialog-warning-symbolic");
  if (g_strcmp0 (status, "trigger") == 0)
    return g_strdup ("changes-allow-symbolic");
  if (g_strcmp0 (status, "offline") == 0)
    return g_strdup ("network-offline-symbolic");
  if (g_strcmp0 (status, "breakDown") == 0)
    return g_strdup ("dialog-error-symbolic");
  if (g_strcmp0 (status, "notRelated") == 0)
    return g_strdup ("action-unavailable-symbolic");
  return g_strdup ("emblem-ok-symbolic");
}

static char *
status_text (gpointer    this,
             const char *status,
             gboolean    alarm)
{
  return g_strdup (vigil_zone_describe_status (status, alarm));
}

static char *
flags_text (gpointer this,
            gboolean armed,
            gboolean bypassed,
            gboolean tamper,
            gboolean low_battery)
{
  g_autoptr(GString) text = g_string_new (armed ? _("Armed") : _("Disarmed"));

  if (bypassed)
    g_string_append_printf (text, " · %s", _("Bypassed"));
  if (tamper)
    g_string_append_printf (text, " · %s", _("Tampered"));
  if (low_battery)
    g_string_append_printf (text, " · %s", _("Low battery"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- accessibility ---- */

static void
update_accessible_label (VigilZoneTile *self)
{
  g_autofree char *name = NULL;
  g_autofree char *flags = NULL;
  g_autofree char *label = NULL;

  if (self->zone == NULL)
    return;

  name = name_text (self, vigil_zone_get_id (self->zone), vigil_zone_get_name (self->zone));
  flags = flags_text (self, vigil_zone_get_armed (self->zone), vigil_zone_get_bypassed (self->zone),
                      vigil_zone_get_tamper (self->zone), vigil_zone_get_low_battery (self->zone));
  /* Translators: what a screen reader says for a zone tile: number, name, status, flags */
  label = g_strdup_printf (_("Zone %u, %s, %s, %s"), vigil_zone_get_id (self->zone), name,
                           vigil_zone_describe_status (vigil_zone_get_status (self->zone),
                                                       vigil_zone_get_alarm (self->zone)),
                           flags);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

VigilZone *
vigil_zone_tile_get_zone (VigilZoneTile *self)
{
  g_return_val_if_fail (VIGIL_IS_ZONE_TILE (self), NULL);
  return self->zone;
}

void
vigil_zone_tile_set_zone (VigilZoneTile *self,
                          VigilZone     *zone)
{
  g_return_if_fail (VIGIL_IS_ZONE_TILE (self));
  g_return_if_fail (zone == NULL || VIGIL_IS_ZONE (zone));

  if (self->zone == zone)
    return;

  if (self->zone != NULL)
    g_signal_handlers_disconnect_by_data (self->zone, self);
  g_set_object (&self->zone, zone);
  if (zone != NULL)
    g_signal_connect_object (zone, "notify", G_CALLBACK (update_accessible_label), self, G_CONNECT_SWAPPED);

  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

static void
vigil_zone_tile_dispose (GObject *object)
{
  VigilZoneTile *self = (VigilZoneTile *)object;

  vigil_zone_tile_set_zone (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_ZONE_TILE);

  G_OBJECT_CLASS (vigil_zone_tile_parent_class)->dispose (object);
}

static void
vigil_zone_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VigilZoneTile *self = VIGIL_ZONE_TILE (object);

  switch (prop_id)
    {
    case PROP_ZONE: g_value_set_object (value, self->zone); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_zone_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VigilZoneTile *self = VIGIL_ZONE_TILE (object);

  switch (prop_id)
    {
    case PROP_ZONE: vigil_zone_tile_set_zone (self, g_value_get_object (value)); break;
    default:        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_zone_tile_class_init (VigilZoneTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_zone_tile_dispose;
  object_class->get_property = vigil_zone_tile_get_property;
  object_class->set_property = vigil_zone_tile_set_property;

  properties[PROP_ZONE] =
    g_param_spec_object ("zone", NULL, NULL, VIGIL_TYPE_ZONE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vigilconsole/Vigil/ui/vigil-zone-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilZoneTile, box);
  gtk_widget_class_bind_template_callback (widget_class, tile_classes);
  gtk_widget_class_bind_template_callback (widget_class, number_text);
  gtk_widget_class_bind_template_callback (widget_class, name_text);
  gtk_widget_class_bind_template_callback (widget_class, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, status_text);
  gtk_widget_class_bind_template_callback (widget_class, flags_text);
}

static void
vigil_zone_tile_init (VigilZoneTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
