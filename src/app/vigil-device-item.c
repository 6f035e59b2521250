/* vigil-device-item.c — one device of the gateway's device list, as a list model item
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-device-item"

#include <glib/gi18n.h>

#include "vigil-device-item.h"

struct _VigilDeviceItem
{
  GObject parent_instance;

  VigilDeviceEntry *entry;
};

G_DEFINE_FINAL_TYPE (VigilDeviceItem, vigil_device_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEV_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

VigilDeviceItem *
vigil_device_item_new (VigilDeviceEntry *entry)
{
  VigilDeviceItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_DEVICE_ITEM, NULL);
  self->entry = entry;
  return self;
}

const VigilDeviceEntry *
vigil_device_item_get_entry (VigilDeviceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_ITEM (self), NULL);
  return self->entry;
}

const char *
vigil_device_item_get_dev_index (VigilDeviceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_ITEM (self), NULL);
  return self->entry->dev_index;
}

const char *
vigil_device_item_get_dev_status (VigilDeviceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_ITEM (self), NULL);
  return self->entry->dev_status;
}

/* The event stream says the device went offline or came back (devStatusChanged): the row
 * follows without the list being read again. */
void
vigil_device_item_set_dev_status (VigilDeviceItem *self,
                                  const char      *dev_status)
{
  g_return_if_fail (VIGIL_IS_DEVICE_ITEM (self));

  if (g_strcmp0 (self->entry->dev_status, dev_status) == 0)
    return;
  g_free (self->entry->dev_status);
  self->entry->dev_status = g_strdup (dev_status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEV_STATUS]);
}

const char *
vigil_device_item_get_title (VigilDeviceItem *self)
{
  g_return_val_if_fail (VIGIL_IS_DEVICE_ITEM (self), NULL);

  if (self->entry->dev_name != NULL && *self->entry->dev_name != '\0')
    return self->entry->dev_name;
  if (self->entry->ehome_id != NULL && *self->entry->ehome_id != '\0')
    return self->entry->ehome_id;
  return self->entry->dev_index ? self->entry->dev_index : "";
}

const char *
vigil_device_type_label (const char *dev_type)
{
  if (g_strcmp0 (dev_type, "SecurityCP") == 0)
    return _("Security control panel");
  if (g_strcmp0 (dev_type, "encodingDev") == 0)
    return _("Video device");
  if (g_strcmp0 (dev_type, "AccessControl") == 0)
    return _("Access control");
  return dev_type ? dev_type : "";
}

const char *
vigil_device_protocol_label (const char *protocol_type)
{
  if (g_strcmp0 (protocol_type, "ehome") == 0)
    return _("ISUP");
  if (g_strcmp0 (protocol_type, "ehomeV5") == 0)
    return _("ISUP 5.0");
  return protocol_type ? protocol_type : "";
}

const char *
vigil_device_result_label (const char *status,
                           const char *sub_status_code,
                           gboolean    deleting)
{
  if (g_strcmp0 (status, "success") == 0)
    return deleting ? _("Deleted") : _("Added");
  if (g_strcmp0 (sub_status_code, "deviceExist") == 0)
    return _("Already exists");
  if (g_strcmp0 (sub_status_code, "monitorNodeOverLimit") == 0)
    return _("No more devices can be added");
  if (g_strcmp0 (sub_status_code, "noMemory") == 0)
    return _("Not enough memory on the gateway");
  if (g_strcmp0 (sub_status_code, "badParameters") == 0)
    return _("Bad parameters");
  if (g_strcmp0 (sub_status_code, "theDeviceIdDoesNotExist") == 0)
    return _("No such device");
  if (sub_status_code != NULL && *sub_status_code != '\0')
    return sub_status_code;
  return deleting ? _("Not deleted") : _("Not added");
}

static void
vigil_device_item_finalize (GObject *object)
{
  VigilDeviceItem *self = (VigilDeviceItem *) object;

  g_clear_pointer (&self->entry, vigil_device_entry_free);

  G_OBJECT_CLASS (vigil_device_item_parent_class)->finalize (object);
}

static void
vigil_device_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilDeviceItem *self = VIGIL_DEVICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_DEV_STATUS:
      g_value_set_string (value, self->entry->dev_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_device_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilDeviceItem *self = VIGIL_DEVICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_DEV_STATUS:
      vigil_device_item_set_dev_status (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_device_item_class_init (VigilDeviceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_device_item_finalize;
  object_class->get_property = vigil_device_item_get_property;
  object_class->set_property = vigil_device_item_set_property;

  /* "online" / "offline", as the gateway spells it. */
  properties[PROP_DEV_STATUS] =
    g_param_spec_string ("dev-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_device_item_init (VigilDeviceItem *self)
{
}
