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
vigil_device_item_class_init (VigilDeviceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vigil_device_item_finalize;
}

static void
vigil_device_item_init (VigilDeviceItem *self)
{
}
