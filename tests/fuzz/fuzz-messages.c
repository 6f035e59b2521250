/* fuzz-messages.c — every typed message of chapter 9, read from JSON and written back
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages are table-driven (VigilRecordClass), so one target covers them all: the first
 * byte picks the message, the rest is the gateway's JSON. The record is read both bare and as the
 * guide's list ([{"Name":{…}}, …]), written back, and the written object read again.
 */
#include "vigil-fuzz.h"

#include "vigil-json.h"
#include "vigil-messages.h"

static const VigilRecordClass *classes[] = {
  &vigil_response_status_class,
  &vigil_device_info_class,
  &vigil_device_add_class,
  &vigil_device_add_result_class,
  &vigil_device_delete_result_class,
  &vigil_search_description_class,
  &vigil_device_entry_class,
  &vigil_search_result_class,
  &vigil_channel_class,
  &vigil_channel_info_class,
  &vigil_time_settings_class,
  &vigil_ip_address_class,
  &vigil_network_interface_class,
  &vigil_io_port_class,
  &vigil_io_ports_class,
  &vigil_partition_status_class,
  &vigil_zone_status_class,
  &vigil_peripheral_status_class,
  &vigil_peripherals_class,
  &vigil_error_item_class,
  &vigil_user_check_class,
  &vigil_subscribe_dev_event_class,
  &vigil_subscribe_request_class,
  &vigil_subscription_device_class,
  &vigil_subscribe_response_class,
};

static void
round_trip (const VigilRecordClass *klass,
            JsonObject             *object)
{
  gpointer record = vigil_record_read (klass, object);
  JsonObject *written = vigil_record_write (klass, record);
  gpointer again = vigil_record_read (klass, written);

  vigil_record_free (klass, again);
  json_object_unref (written);
  vigil_record_free (klass, record);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const VigilRecordClass *klass;
  g_autoptr(JsonNode) node = NULL;

  if (size < 1)
    return 0;

  klass = classes[data[0] % G_N_ELEMENTS (classes)];
  node = vigil_json_parse ((const char *) data + 1, size - 1, NULL, NULL);
  if (node == NULL)
    return 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *inner = vigil_json_object_get_object (object, klass->name);

      round_trip (klass, object);
      if (inner != NULL)
        round_trip (klass, inner);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GPtrArray) records = vigil_record_list_read (klass, json_node_get_array (node),
                                                             klass->name);
      JsonArray *written = vigil_record_list_write (klass, records, klass->name);

      json_array_unref (written);
    }
  return 0;
}
