/* vigil-messages.c — the typed messages of the guide's chapter 9
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-messages"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "vigil-messages.h"
#include "vigil-error.h"

gpointer
vigil_record_new (const VigilRecordClass *klass)
{
  return g_malloc0 (klass->size);
}

gpointer
vigil_record_read (const VigilRecordClass *klass,
                   JsonObject             *object)
{
  VigilRecord *record = vigil_record_new (klass);

  if (object == NULL)
    return record;

  record->raw = json_object_ref (object);
  vigil_fields_read (klass->fields, klass->n_fields, object, record);
  if (klass->read_extra != NULL)
    klass->read_extra (record, object);

  return record;
}

JsonObject *
vigil_record_write (const VigilRecordClass *klass,
                    gconstpointer           record)
{
  const VigilRecord *base = record;
  JsonObject *object = vigil_json_object_deep_copy (base->raw);

  vigil_fields_write (klass->fields, klass->n_fields, record, object);
  if (klass->write_extra != NULL)
    klass->write_extra (record, object);

  return object;
}

void
vigil_record_free (const VigilRecordClass *klass,
                   gpointer                record)
{
  VigilRecord *base = record;

  if (record == NULL)
    return;

  if (klass->free_extra != NULL)
    klass->free_extra (record);
  vigil_fields_clear (klass->fields, klass->n_fields, record);
  g_clear_pointer (&base->raw, json_object_unref);
  g_free (record);
}

typedef struct
{
  const VigilRecordClass *klass;
} ListFreeData;

GPtrArray *
vigil_record_list_read (const VigilRecordClass *klass,
                        JsonArray              *array,
                        const char             *item_key)
{
  /* The free function is chosen per class by the typed wrappers below; this generic version
   * is used through them. */
  GPtrArray *records = g_ptr_array_new ();

  if (array == NULL)
    return records;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      JsonObject *inner;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      inner = item_key ? vigil_json_object_get_object (object, item_key) : NULL;
      g_ptr_array_add (records, vigil_record_read (klass, inner ? inner : object));
    }

  return records;
}

JsonArray *
vigil_record_list_write (const VigilRecordClass *klass,
                         GPtrArray              *records,
                         const char             *item_key)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      JsonObject *object = vigil_record_write (klass, g_ptr_array_index (records, i));

      if (item_key != NULL)
        {
          JsonObject *wrapper = json_object_new ();
          json_object_set_object_member (wrapper, item_key, object);
          json_array_add_object_element (array, wrapper);
        }
      else
        json_array_add_object_element (array, object);
    }

  return array;
}

JsonNode *
vigil_message_wrap (const char *key,
                    JsonObject *object)
{
  JsonObject *wrapper = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_object_member (wrapper, key, json_object_ref (object));
  json_node_take_object (node, wrapper);
  return node;
}

JsonNode *
vigil_message_wrap_array (const char *key,
                          JsonArray  *array)
{
  JsonObject *wrapper = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_array_member (wrapper, key, json_array_ref (array));
  json_node_take_object (node, wrapper);
  return node;
}

#define VIGIL_DEFINE_RECORD_FULL(TypeName, type_name, guide_name, read_x, write_x, free_x) \
  const VigilRecordClass type_name##_class = {                                        \
    guide_name, sizeof (TypeName), type_name##_fields, G_N_ELEMENTS (type_name##_fields), \
    read_x, write_x, free_x,                                                          \
  };                                                                                  \
  TypeName *type_name##_new (void)                                                    \
  {                                                                                   \
    return vigil_record_new (&type_name##_class);                                     \
  }                                                                                   \
  TypeName *type_name##_from_json (JsonObject *object)                                \
  {                                                                                   \
    return vigil_record_read (&type_name##_class, object);                            \
  }                                                                                   \
  JsonObject *type_name##_to_json (const TypeName *record)                            \
  {                                                                                   \
    return vigil_record_write (&type_name##_class, record);                           \
  }                                                                                   \
  void type_name##_free (TypeName *record)                                            \
  {                                                                                   \
    vigil_record_free (&type_name##_class, record);                                   \
  }

#define VIGIL_DEFINE_RECORD(TypeName, type_name, guide_name) \
  VIGIL_DEFINE_RECORD_FULL (TypeName, type_name, guide_name, NULL, NULL, NULL)

/* A list of records of one class, freed with that class's free function. */
#define READ_LIST(type_name, array, item_key)                                          \
  ({                                                                                  \
    GPtrArray *_list = vigil_record_list_read (&type_name##_class, (array), (item_key)); \
    g_ptr_array_set_free_func (_list, (GDestroyNotify) type_name##_free);             \
    _list;                                                                            \
  })

/* ---- ResponseStatus ---- */

static const VigilField vigil_response_status_fields[] = {
  VIGIL_FIELD_STR  (VigilResponseStatus, request_url, "requestURL"),
  VIGIL_FIELD_INT  (VigilResponseStatus, status_code, "statusCode"),
  VIGIL_FIELD_STR  (VigilResponseStatus, status_string, "statusString"),
  VIGIL_FIELD_STR  (VigilResponseStatus, sub_status_code, "subStatusCode"),
  VIGIL_FIELD_INT  (VigilResponseStatus, error_code, "errorCode"),
  VIGIL_FIELD_STR  (VigilResponseStatus, error_msg, "errorMsg"),
  VIGIL_FIELD_BOOL (VigilResponseStatus, reboot_required, "rebootRequired"),
};
VIGIL_DEFINE_RECORD (VigilResponseStatus, vigil_response_status, "ResponseStatus")

/* ---- DeviceInfo ---- */

static const VigilField vigil_device_info_fields[] = {
  VIGIL_FIELD_STR (VigilDeviceInfo, dev_index, "devIndex"),
  VIGIL_FIELD_STR (VigilDeviceInfo, device_name, "deviceName"),
  VIGIL_FIELD_STR (VigilDeviceInfo, device_id, "deviceID"),
  VIGIL_FIELD_STR (VigilDeviceInfo, device_description, "deviceDescription"),
  VIGIL_FIELD_STR (VigilDeviceInfo, system_contact, "systemContact"),
  VIGIL_FIELD_STR (VigilDeviceInfo, model, "model"),
  VIGIL_FIELD_STR (VigilDeviceInfo, serial_number, "serialNumber"),
  VIGIL_FIELD_STR (VigilDeviceInfo, mac_address, "macAddress"),
  VIGIL_FIELD_STR (VigilDeviceInfo, firmware_version, "firmwareVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, firmware_released_date, "firmwareReleasedDate"),
  VIGIL_FIELD_STR (VigilDeviceInfo, boot_version, "bootVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, boot_released_date, "bootReleasedDate"),
  VIGIL_FIELD_STR (VigilDeviceInfo, hardware_version, "hardwareVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, encoder_version, "encoderVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, encoder_released_date, "encoderReleasedDate"),
  VIGIL_FIELD_STR (VigilDeviceInfo, decoder_version, "decoderVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, decoder_released_date, "decoderReleasedDate"),
  VIGIL_FIELD_STR (VigilDeviceInfo, software_version, "softwareVersion"),
  VIGIL_FIELD_STR (VigilDeviceInfo, device_type, "deviceType"),
  VIGIL_FIELD_INT (VigilDeviceInfo, telecontrol_id, "telecontrolID"),
  VIGIL_FIELD_STR (VigilDeviceInfo, operation_system, "operationSystem"),
  VIGIL_FIELD_INT (VigilDeviceInfo, dev_type, "devType"),
};
VIGIL_DEFINE_RECORD (VigilDeviceInfo, vigil_device_info, "DeviceInfo")

JsonNode *
vigil_device_info_to_put_json (const VigilDeviceInfo *info)
{
  /* The guide says read-only members are ignored on PUT; sending only what may change keeps
   * a strict gateway from refusing the whole message. */
  JsonObject *object = json_object_new ();
  JsonNode *node;

  if (info->device_name != NULL)
    json_object_set_string_member (object, "deviceName", info->device_name);
  if (info->device_description != NULL)
    json_object_set_string_member (object, "deviceDescription", info->device_description);

  node = vigil_message_wrap ("DeviceInfo", object);
  json_object_unref (object);
  return node;
}

/* ---- DeviceInList / DeviceOutList / DelDevList ---- */

static const VigilField vigil_device_add_fields[] = {
  VIGIL_FIELD_STR  (VigilDeviceAdd, protocol_type, "protocolType"),
  VIGIL_FIELD_STR  (VigilDeviceAdd, ehome_id, "EhomeParams.EhomeID"),
  VIGIL_FIELD_STR  (VigilDeviceAdd, ehome_key, "EhomeParams.EhomeKey"),
  VIGIL_FIELD_INT  (VigilDeviceAdd, heart_interval, "EhomeParams.heartInterval"),
  VIGIL_FIELD_INT  (VigilDeviceAdd, heart_exceeded_count, "EhomeParams.heartExceededCount"),
  VIGIL_FIELD_STR  (VigilDeviceAdd, dev_name, "devName"),
  VIGIL_FIELD_STR  (VigilDeviceAdd, dev_type, "devType"),
  VIGIL_FIELD_BOOL (VigilDeviceAdd, visual_verification, "visualVerification"),
};
VIGIL_DEFINE_RECORD (VigilDeviceAdd, vigil_device_add, "Device")

static gboolean
is_alnum_string (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isalnum (*s))
      return FALSE;
  return TRUE;
}

gboolean
vigil_device_add_validate (const VigilDeviceAdd *device,
                           GError              **error)
{
  gboolean v5;

  if (g_strcmp0 (device->protocol_type, "ehome") != 0 &&
      g_strcmp0 (device->protocol_type, "ehomeV5") != 0)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("The protocol must be “ehome” (ISUP) or “ehomeV5” (ISUP 5.0), not “%s”."),
                   device->protocol_type ? device->protocol_type : "");
      return FALSE;
    }
  v5 = g_strcmp0 (device->protocol_type, "ehomeV5") == 0;

  if (device->ehome_id == NULL || *device->ehome_id == '\0')
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The ISUP ID is required."));
      return FALSE;
    }
  if (g_utf8_strlen (device->ehome_id, -1) > 31)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("The ISUP ID may have at most 31 characters; this one has %ld."),
                   g_utf8_strlen (device->ehome_id, -1));
      return FALSE;
    }

  if (v5)
    {
      gsize len = device->ehome_key ? strlen (device->ehome_key) : 0;

      if (len < 8 || len > 32 || !is_alnum_string (device->ehome_key))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("The ISUP 5.0 key must be 8 to 32 letters and digits; this one has %zu characters."),
                       len);
          return FALSE;
        }
    }
  else if (device->ehome_key != NULL && *device->ehome_key != '\0')
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("A key is only used with ISUP 5.0 (ehomeV5)."));
      return FALSE;
    }

  if (device->dev_name != NULL && g_utf8_strlen (device->dev_name, -1) > 32)
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The name may have at most 32 characters."));
      return FALSE;
    }

  if (device->dev_type != NULL &&
      g_strcmp0 (device->dev_type, "encodingDev") != 0 &&
      g_strcmp0 (device->dev_type, "SecurityCP") != 0 &&
      g_strcmp0 (device->dev_type, "AccessControl") != 0)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                   _("The device type must be encodingDev, SecurityCP or AccessControl, not “%s”."),
                   device->dev_type);
      return FALSE;
    }

  if ((device->has_heart_interval && (device->heart_interval < 1 || device->heart_interval > 3600)) ||
      (device->has_heart_exceeded_count &&
       (device->heart_exceeded_count < 1 || device->heart_exceeded_count > 100)))
    {
      g_set_error_literal (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The heartbeat interval must be 1–3600 s and the count 1–100."));
      return FALSE;
    }

  return TRUE;
}

static const VigilField vigil_device_add_result_fields[] = {
  VIGIL_FIELD_STR (VigilDeviceAddResult, dev_index, "devIndex"),
  VIGIL_FIELD_STR (VigilDeviceAddResult, dev_name, "devName"),
  VIGIL_FIELD_STR (VigilDeviceAddResult, protocol_type, "protocolType"),
  VIGIL_FIELD_STR (VigilDeviceAddResult, ehome_id, "EhomeParams.EhomeID"),
  VIGIL_FIELD_STR (VigilDeviceAddResult, status, "status"),
  VIGIL_FIELD_STR (VigilDeviceAddResult, sub_status_code, "subStatusCode"),
};
VIGIL_DEFINE_RECORD (VigilDeviceAddResult, vigil_device_add_result, "Device")

static const VigilField vigil_device_delete_result_fields[] = {
  VIGIL_FIELD_STR (VigilDeviceDeleteResult, dev_index, "devIndex"),
  VIGIL_FIELD_STR (VigilDeviceDeleteResult, status, "status"),
  VIGIL_FIELD_STR (VigilDeviceDeleteResult, sub_status_code, "subStatusCode"),
};
VIGIL_DEFINE_RECORD (VigilDeviceDeleteResult, vigil_device_delete_result, "Dev")

/* ---- SearchDescription / SearchResult ---- */

static const VigilField vigil_search_description_fields[] = {
  VIGIL_FIELD_INT  (VigilSearchDescription, position, "position"),
  VIGIL_FIELD_INT  (VigilSearchDescription, max_result, "maxResult"),
  VIGIL_FIELD_STR  (VigilSearchDescription, key, "Filter.key"),
  VIGIL_FIELD_STR  (VigilSearchDescription, dev_type, "Filter.devType"),
  VIGIL_FIELD_STR  (VigilSearchDescription, protocol_type, "Filter.protocolType"),
  VIGIL_FIELD_STR  (VigilSearchDescription, dev_status, "Filter.devStatus"),
  VIGIL_FIELD_BOOL (VigilSearchDescription, visual_verification, "Filter.visualVerification"),
  VIGIL_FIELD_BOOL (VigilSearchDescription, isapi_user_bound, "Filter.ISAPIUserBound"),
};
VIGIL_DEFINE_RECORD (VigilSearchDescription, vigil_search_description, "SearchDescription")

static const VigilField vigil_device_entry_fields[] = {
  VIGIL_FIELD_STR  (VigilDeviceEntry, dev_index, "devIndex"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, dev_name, "devName"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, dev_mode, "devMode"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, dev_type, "devType"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, protocol_type, "protocolType"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, ehome_id, "EhomeParams.EhomeID"),
  VIGIL_FIELD_INT  (VigilDeviceEntry, heart_interval, "EhomeParams.heartInterval"),
  VIGIL_FIELD_INT  (VigilDeviceEntry, heart_exceeded_count, "EhomeParams.heartExceededCount"),
  VIGIL_FIELD_STR  (VigilDeviceEntry, dev_status, "devStatus"),
  VIGIL_FIELD_BOOL (VigilDeviceEntry, active_status, "activeStatus"),
  VIGIL_FIELD_INT  (VigilDeviceEntry, video_channel_num, "videoChannelNum"),
  VIGIL_FIELD_BOOL (VigilDeviceEntry, visual_verification, "visualVerification"),
  VIGIL_FIELD_BOOL (VigilDeviceEntry, isapi_user_bound, "ISAPIUserBound"),
};
VIGIL_DEFINE_RECORD (VigilDeviceEntry, vigil_device_entry, "Device")

static const VigilField vigil_search_result_fields[] = {
  VIGIL_FIELD_INT (VigilSearchResult, num_of_matches, "numOfMatches"),
  VIGIL_FIELD_INT (VigilSearchResult, total_matches, "totalMatches"),
};

static void
search_result_read (gpointer    record,
                    JsonObject *object)
{
  VigilSearchResult *self = record;

  self->devices = READ_LIST (vigil_device_entry,
                             vigil_json_object_get_array (object, "MatchList"), "Device");
}

static void
search_result_write (gconstpointer record,
                     JsonObject   *object)
{
  const VigilSearchResult *self = record;

  if (self->devices != NULL && self->devices->len > 0)
    json_object_set_array_member (object, "MatchList",
                                  vigil_record_list_write (&vigil_device_entry_class,
                                                           self->devices, "Device"));
}

static void
search_result_free (gpointer record)
{
  g_clear_pointer (&((VigilSearchResult *) record)->devices, g_ptr_array_unref);
}

VIGIL_DEFINE_RECORD_FULL (VigilSearchResult, vigil_search_result, "SearchResult",
                          search_result_read, search_result_write, search_result_free)

/* ---- ChannelInfo ---- */

static const VigilField vigil_channel_fields[] = {
  VIGIL_FIELD_INT (VigilChannel, id, "id"),
  VIGIL_FIELD_STR (VigilChannel, name, "name"),
  VIGIL_FIELD_STR (VigilChannel, type, "type"),
  VIGIL_FIELD_STR (VigilChannel, status, "status"),
};
VIGIL_DEFINE_RECORD (VigilChannel, vigil_channel, "Channel")

/* Only lists: a table with just the end marker. */
static const VigilField vigil_channel_info_fields[] = { { NULL, 0, 0, 0 } };

static void
channel_info_read (gpointer    record,
                   JsonObject *object)
{
  VigilChannelInfo *self = record;

  self->video = READ_LIST (vigil_channel, vigil_json_object_get_array (object, "VideoChannel"), "Channel");
  self->alarm_in = READ_LIST (vigil_channel, vigil_json_object_get_array (object, "AlarmInChannel"), "Channel");
  self->alarm_out = READ_LIST (vigil_channel, vigil_json_object_get_array (object, "AlarmOutChannel"), "Channel");
  self->audio = READ_LIST (vigil_channel, vigil_json_object_get_array (object, "AudioChannel"), "Channel");
}

static void
channel_info_write (gconstpointer record,
                    JsonObject   *object)
{
  const VigilChannelInfo *self = record;

  json_object_set_array_member (object, "VideoChannel",
                                vigil_record_list_write (&vigil_channel_class, self->video, "Channel"));
  json_object_set_array_member (object, "AlarmInChannel",
                                vigil_record_list_write (&vigil_channel_class, self->alarm_in, "Channel"));
  json_object_set_array_member (object, "AlarmOutChannel",
                                vigil_record_list_write (&vigil_channel_class, self->alarm_out, "Channel"));
  json_object_set_array_member (object, "AudioChannel",
                                vigil_record_list_write (&vigil_channel_class, self->audio, "Channel"));
}

static void
channel_info_free (gpointer record)
{
  VigilChannelInfo *self = record;

  g_clear_pointer (&self->video, g_ptr_array_unref);
  g_clear_pointer (&self->alarm_in, g_ptr_array_unref);
  g_clear_pointer (&self->alarm_out, g_ptr_array_unref);
  g_clear_pointer (&self->audio, g_ptr_array_unref);
}

VIGIL_DEFINE_RECORD_FULL (VigilChannelInfo, vigil_channel_info, "ChannelInfo",
                          channel_info_read, channel_info_write, channel_info_free)

/* ---- Time ---- */

static const VigilField vigil_time_settings_fields[] = {
  VIGIL_FIELD_STR (VigilTimeSettings, time_mode, "timeMode"),
  VIGIL_FIELD_STR (VigilTimeSettings, local_time, "localTime"),
};
VIGIL_DEFINE_RECORD (VigilTimeSettings, vigil_time_settings, "Time")

/* ---- IPAddress / NetworkInterface ---- */

static const VigilField vigil_ip_address_fields[] = {
  VIGIL_FIELD_STR (VigilIpAddress, ip_version, "ipVersion"),
  VIGIL_FIELD_STR (VigilIpAddress, addressing_type, "addressingType"),
  VIGIL_FIELD_STR (VigilIpAddress, ip_address, "ipAddress"),
  VIGIL_FIELD_STR (VigilIpAddress, subnet_mask, "subnetMask"),
  VIGIL_FIELD_STR (VigilIpAddress, ipv6_address, "ipv6Address"),
  VIGIL_FIELD_INT (VigilIpAddress, bit_mask, "bitMask"),
  VIGIL_FIELD_STR (VigilIpAddress, gateway_ipv4, "DefaultGateway.ipAddress"),
  VIGIL_FIELD_STR (VigilIpAddress, gateway_ipv6, "DefaultGateway.ipv6Address"),
  VIGIL_FIELD_STR (VigilIpAddress, primary_dns_ipv4, "PrimaryDNS.ipAddress"),
  VIGIL_FIELD_STR (VigilIpAddress, primary_dns_ipv6, "PrimaryDNS.ipv6Address"),
  VIGIL_FIELD_STR (VigilIpAddress, secondary_dns_ipv4, "SecondaryDNS.ipAddress"),
  VIGIL_FIELD_STR (VigilIpAddress, secondary_dns_ipv6, "SecondaryDNS.ipv6Address"),
};
VIGIL_DEFINE_RECORD (VigilIpAddress, vigil_ip_address, "IPAddress")

static gboolean
parse_ipv4 (const char *text,
            guint32    *out)
{
  g_autoptr(GInetAddress) address = NULL;
  const guint8 *bytes;

  if (text == NULL || *text == '\0')
    return FALSE;
  address = g_inet_address_new_from_string (text);
  if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
    return FALSE;

  bytes = g_inet_address_to_bytes (address);
  *out = ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
  return TRUE;
}

static gboolean
is_ipv6 (const char *text)
{
  g_autoptr(GInetAddress) address = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  address = g_inet_address_new_from_string (text);
  return address != NULL && g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6;
}

static gboolean
invalid_address (GError     **error,
                 const char  *what,
                 const char  *value)
{
  g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
               _("The %s “%s” is not valid."), what, value ? value : "");
  return FALSE;
}

gboolean
vigil_ip_address_validate (const VigilIpAddress *address,
                           GError              **error)
{
  const char *version = address->ip_version ? address->ip_version : "v4";
  gboolean v4 = g_str_equal (version, "v4") || g_str_equal (version, "dual");
  gboolean v6 = g_str_equal (version, "v6") || g_str_equal (version, "dual");
  guint32 ip = 0, mask = 0, gateway = 0, dns = 0;

  if (!v4 && !v6)
    return invalid_address (error, _("IP version"), version);

  if (address->addressing_type != NULL &&
      g_strcmp0 (address->addressing_type, "static") != 0 &&
      g_strcmp0 (address->addressing_type, "dynamic") != 0 &&
      g_ascii_strcasecmp (address->addressing_type, "apipa") != 0)
    return invalid_address (error, _("addressing type"), address->addressing_type);

  /* With DHCP or APIPA the device picks its own address: nothing more to check. */
  if (g_strcmp0 (address->addressing_type, "static") != 0)
    return TRUE;

  if (v4)
    {
      if (!parse_ipv4 (address->ip_address, &ip) || ip == 0 || (ip >> 24) == 127 ||
          (ip >> 28) >= 14)
        return invalid_address (error, _("IPv4 address"), address->ip_address);
      /* A mask is contiguous ones then zeros: ~mask + 1 is a power of two. */
      if (!parse_ipv4 (address->subnet_mask, &mask) || mask == 0 ||
          ((~mask + 1) & ~mask) != 0)
        return invalid_address (error, _("subnet mask"), address->subnet_mask);
      if ((ip & ~mask) == 0 || (ip & ~mask) == ~mask)
        return invalid_address (error, _("IPv4 address (network or broadcast address)"),
                                address->ip_address);
      if (address->gateway_ipv4 != NULL && *address->gateway_ipv4 != '\0')
        {
          if (!parse_ipv4 (address->gateway_ipv4, &gateway))
            return invalid_address (error, _("default gateway"), address->gateway_ipv4);
          if ((gateway & mask) != (ip & mask))
            {
              g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                           _("The default gateway %s is not in the subnet of %s/%s."),
                           address->gateway_ipv4, address->ip_address, address->subnet_mask);
              return FALSE;
            }
        }
      if (address->primary_dns_ipv4 != NULL && *address->primary_dns_ipv4 != '\0' &&
          !parse_ipv4 (address->primary_dns_ipv4, &dns))
        return invalid_address (error, _("primary DNS server"), address->primary_dns_ipv4);
      if (address->secondary_dns_ipv4 != NULL && *address->secondary_dns_ipv4 != '\0' &&
          !parse_ipv4 (address->secondary_dns_ipv4, &dns))
        return invalid_address (error, _("secondary DNS server"), address->secondary_dns_ipv4);
    }

  if (v6)
    {
      if (!is_ipv6 (address->ipv6_address))
        return invalid_address (error, _("IPv6 address"), address->ipv6_address);
      if (address->has_bit_mask && (address->bit_mask < 1 || address->bit_mask > 128))
        {
          g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                       _("The IPv6 prefix length must be 1–128, not %lld."),
                       (long long) address->bit_mask);
          return FALSE;
        }
      if (address->gateway_ipv6 != NULL && *address->gateway_ipv6 != '\0' &&
          !is_ipv6 (address->gateway_ipv6))
        return invalid_address (error, _("IPv6 default gateway"), address->gateway_ipv6);
    }

  return TRUE;
}

static const VigilField vigil_network_interface_fields[] = {
  VIGIL_FIELD_STR (VigilNetworkInterface, id, "id"),
};

static void
network_interface_read (gpointer    record,
                        JsonObject *object)
{
  VigilNetworkInterface *self = record;
  JsonObject *ip = vigil_json_object_get_object (object, "IPAddress");

  if (ip != NULL)
    self->ip_address = vigil_ip_address_from_json (ip);
}

static void
network_interface_write (gconstpointer record,
                         JsonObject   *object)
{
  const VigilNetworkInterface *self = record;

  if (self->ip_address != NULL)
    json_object_set_object_member (object, "IPAddress", vigil_ip_address_to_json (self->ip_address));
}

static void
network_interface_free (gpointer record)
{
  g_clear_pointer (&((VigilNetworkInterface *) record)->ip_address, vigil_ip_address_free);
}

VIGIL_DEFINE_RECORD_FULL (VigilNetworkInterface, vigil_network_interface, "NetworkInterface",
                          network_interface_read, network_interface_write, network_interface_free)

/* ---- IO ---- */

static const VigilField vigil_io_port_fields[] = {
  VIGIL_FIELD_INT  (VigilIoPort, id, "id"),
  VIGIL_FIELD_BOOL (VigilIoPort, enable, "enable"),
  VIGIL_FIELD_STR  (VigilIoPort, triggering, "triggering"),
  VIGIL_FIELD_STR  (VigilIoPort, name, "name"),
};
VIGIL_DEFINE_RECORD (VigilIoPort, vigil_io_port, "IOPort")

static const VigilField vigil_io_ports_fields[] = { { NULL, 0, 0, 0 } };

static void
io_ports_read (gpointer    record,
               JsonObject *object)
{
  VigilIoPorts *self = record;

  self->inputs = READ_LIST (vigil_io_port, vigil_json_object_get_array (object, "IOInputPortList"), "IOInputPort");
  self->outputs = READ_LIST (vigil_io_port, vigil_json_object_get_array (object, "IOOutputPortList"), "IOOutputPort");
}

static void
io_ports_write (gconstpointer record,
                JsonObject   *object)
{
  const VigilIoPorts *self = record;

  json_object_set_array_member (object, "IOInputPortList",
                                vigil_record_list_write (&vigil_io_port_class, self->inputs, "IOInputPort"));
  json_object_set_array_member (object, "IOOutputPortList",
                                vigil_record_list_write (&vigil_io_port_class, self->outputs, "IOOutputPort"));
}

static void
io_ports_free (gpointer record)
{
  VigilIoPorts *self = record;

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);
}

VIGIL_DEFINE_RECORD_FULL (VigilIoPorts, vigil_io_ports, "IOPortList",
                          io_ports_read, io_ports_write, io_ports_free)

/* ---- SecurityCP status ---- */

static const VigilField vigil_partition_status_fields[] = {
  VIGIL_FIELD_INT  (VigilPartitionStatus, id, "id"),
  VIGIL_FIELD_STR  (VigilPartitionStatus, arming, "arming"),
  VIGIL_FIELD_BOOL (VigilPartitionStatus, alarm, "alarm"),
};
VIGIL_DEFINE_RECORD (VigilPartitionStatus, vigil_partition_status, "SubSys")

static const VigilField vigil_zone_status_fields[] = {
  VIGIL_FIELD_INT  (VigilZoneStatus, id, "id"),
  VIGIL_FIELD_STR  (VigilZoneStatus, name, "name"),
  VIGIL_FIELD_STR  (VigilZoneStatus, status, "status"),
  VIGIL_FIELD_BOOL (VigilZoneStatus, tamper_evident, "tamperEvident"),
  VIGIL_FIELD_BOOL (VigilZoneStatus, shielded, "shielded"),
  VIGIL_FIELD_BOOL (VigilZoneStatus, bypassed, "bypassed"),
  VIGIL_FIELD_BOOL (VigilZoneStatus, armed, "armed"),
  VIGIL_FIELD_BOOL (VigilZoneStatus, alarm, "alarm"),
  VIGIL_FIELD_STR  (VigilZoneStatus, charge, "charge"),
};
VIGIL_DEFINE_RECORD (VigilZoneStatus, vigil_zone_status, "Zone")

static const VigilField vigil_peripheral_status_fields[] = {
  VIGIL_FIELD_INT  (VigilPeripheralStatus, id, "id"),
  VIGIL_FIELD_STR  (VigilPeripheralStatus, seq, "seq"),
  VIGIL_FIELD_STR  (VigilPeripheralStatus, name, "name"),
  VIGIL_FIELD_STR  (VigilPeripheralStatus, status, "status"),
  VIGIL_FIELD_BOOL (VigilPeripheralStatus, tamper_evident, "tamperEvident"),
  VIGIL_FIELD_STR  (VigilPeripheralStatus, charge, "charge"),
  VIGIL_FIELD_STR  (VigilPeripheralStatus, linkage, "linkage"),
};
VIGIL_DEFINE_RECORD (VigilPeripheralStatus, vigil_peripheral_status, "Peripheral")

static const struct
{
  const char *list_key;
  const char *item_key;
  gsize offset;
} peripheral_lists[] = {
  [VIGIL_PERIPHERAL_OUTPUT_MODULE] = { "OutputModList", "OutputMod", G_STRUCT_OFFSET (VigilPeripherals, output_modules) },
  [VIGIL_PERIPHERAL_RELAY]         = { "OutputList", "Output", G_STRUCT_OFFSET (VigilPeripherals, relays) },
  [VIGIL_PERIPHERAL_SIREN]         = { "SirenList", "Siren", G_STRUCT_OFFSET (VigilPeripherals, sirens) },
  [VIGIL_PERIPHERAL_REPEATER]      = { "RepeaterList", "Repeater", G_STRUCT_OFFSET (VigilPeripherals, repeaters) },
};

#define PERIPHERAL_LIST(self, i) (*(GPtrArray **) ((guint8 *) (self) + peripheral_lists[i].offset))

static const VigilField vigil_peripherals_fields[] = { { NULL, 0, 0, 0 } };

static void
peripherals_read (gpointer    record,
                  JsonObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (peripheral_lists); i++)
    PERIPHERAL_LIST (record, i) =
      READ_LIST (vigil_peripheral_status,
                 vigil_json_object_get_array (object, peripheral_lists[i].list_key),
                 peripheral_lists[i].item_key);
}

static void
peripherals_write (gconstpointer record,
                   JsonObject   *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (peripheral_lists); i++)
    {
      GPtrArray *list = PERIPHERAL_LIST (record, i);

      if (list != NULL && list->len > 0)
        json_object_set_array_member (object, peripheral_lists[i].list_key,
                                      vigil_record_list_write (&vigil_peripheral_status_class, list,
                                                               peripheral_lists[i].item_key));
    }
}

static void
peripherals_free (gpointer record)
{
  for (guint i = 0; i < G_N_ELEMENTS (peripheral_lists); i++)
    g_clear_pointer (&PERIPHERAL_LIST (record, i), g_ptr_array_unref);
}

VIGIL_DEFINE_RECORD_FULL (VigilPeripherals, vigil_peripherals, "ExDevStatus",
                          peripherals_read, peripherals_write, peripherals_free)

const char *
vigil_peripheral_kind_label (VigilPeripheralKind kind)
{
  switch (kind)
    {
    case VIGIL_PERIPHERAL_OUTPUT_MODULE: return _("Output module");
    case VIGIL_PERIPHERAL_RELAY:         return _("Relay");
    case VIGIL_PERIPHERAL_SIREN:         return _("Siren");
    case VIGIL_PERIPHERAL_REPEATER:      return _("Repeater");
    default:                             return _("Peripheral");
    }
}

/* ---- ErrorList ---- */

static const VigilField vigil_error_item_fields[] = {
  VIGIL_FIELD_STR (VigilErrorItem, id, "id"),
  VIGIL_FIELD_INT (VigilErrorItem, status_code, "statusCode"),
  VIGIL_FIELD_STR (VigilErrorItem, status_string, "statusString"),
  VIGIL_FIELD_STR (VigilErrorItem, sub_status_code, "subStatusCode"),
  VIGIL_FIELD_INT (VigilErrorItem, error_code, "errorCode"),
  VIGIL_FIELD_STR (VigilErrorItem, error_msg, "errorMsg"),
};
VIGIL_DEFINE_RECORD (VigilErrorItem, vigil_error_item, "ErrorList")

gboolean
vigil_error_item_is_ok (const VigilErrorItem *item)
{
  /* The guide: status members are absent when the item succeeded. */
  if (item->has_status_code)
    return item->status_code == 1;
  if (item->sub_status_code != NULL)
    return g_ascii_strcasecmp (item->sub_status_code, "ok") == 0;
  return TRUE;
}

/* ---- userCheck ---- */

static const VigilField vigil_user_check_fields[] = {
  VIGIL_FIELD_INT  (VigilUserCheck, status_value, "statusValue"),
  VIGIL_FIELD_STR  (VigilUserCheck, status_string, "statusString"),
  VIGIL_FIELD_BOOL (VigilUserCheck, is_default_password, "isDefaultPassword"),
  VIGIL_FIELD_BOOL (VigilUserCheck, is_risk_password, "isRiskPassword"),
  VIGIL_FIELD_BOOL (VigilUserCheck, is_activated, "isActivated"),
  VIGIL_FIELD_STR  (VigilUserCheck, lock_status, "lockStatus"),
  VIGIL_FIELD_INT  (VigilUserCheck, unlock_time, "unlockTime"),
  VIGIL_FIELD_INT  (VigilUserCheck, retry_login_time, "retryLoginTime"),
};
VIGIL_DEFINE_RECORD (VigilUserCheck, vigil_user_check, "userCheck")

/* ---- Subscriptions ---- */

static GStrv
read_string_list (JsonObject *object,
                  const char *key)
{
  JsonArray *array = vigil_json_object_get_array (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (array == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = vigil_json_node_dup_string (json_array_get_element (array, i));
      if (item != NULL)
        g_strv_builder_add (builder, g_strstrip (item));
    }

  return g_strv_builder_end (builder);
}

static void
write_string_list (JsonObject         *object,
                   const char         *key,
                   const char * const *list)
{
  JsonArray *array;

  if (list == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; list[i] != NULL; i++)
    json_array_add_string_element (array, list[i]);
  json_object_set_array_member (object, key, array);
}

static const VigilField vigil_subscribe_dev_event_fields[] = {
  VIGIL_FIELD_STR (VigilSubscribeDevEvent, dev_index, "devIndex"),
  VIGIL_FIELD_STR (VigilSubscribeDevEvent, upload_mode, "uploadMode"),
};

static void
subscribe_dev_event_read (gpointer    record,
                          JsonObject *object)
{
  ((VigilSubscribeDevEvent *) record)->event_list = read_string_list (object, "eventList");
}

static void
subscribe_dev_event_write (gconstpointer record,
                           JsonObject   *object)
{
  write_string_list (object, "eventList",
                     (const char * const *) ((const VigilSubscribeDevEvent *) record)->event_list);
}

static void
subscribe_dev_event_free (gpointer record)
{
  g_clear_pointer (&((VigilSubscribeDevEvent *) record)->event_list, g_strfreev);
}

VIGIL_DEFINE_RECORD_FULL (VigilSubscribeDevEvent, vigil_subscribe_dev_event, "SubscribeDevEvent",
                          subscribe_dev_event_read, subscribe_dev_event_write,
                          subscribe_dev_event_free)

static const VigilField vigil_subscribe_request_fields[] = {
  VIGIL_FIELD_STR (VigilSubscribeRequest, event_mode, "eventMode"),
  VIGIL_FIELD_STR (VigilSubscribeRequest, defence_mode, "defenceMode"),
};

static void
subscribe_request_read (gpointer    record,
                        JsonObject *object)
{
  VigilSubscribeRequest *self = record;

  self->devices = READ_LIST (vigil_subscribe_dev_event,
                             vigil_json_object_get_array (object, "DevEventList"), "Dev");
  self->event_list = read_string_list (object, "eventList");
}

static void
subscribe_request_write (gconstpointer record,
                         JsonObject   *object)
{
  const VigilSubscribeRequest *self = record;

  if (self->devices != NULL && self->devices->len > 0)
    json_object_set_array_member (object, "DevEventList",
                                  vigil_record_list_write (&vigil_subscribe_dev_event_class,
                                                           self->devices, "Dev"));
  write_string_list (object, "eventList", (const char * const *) self->event_list);
}

static void
subscribe_request_free (gpointer record)
{
  VigilSubscribeRequest *self = record;

  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->event_list, g_strfreev);
}

VIGIL_DEFINE_RECORD_FULL (VigilSubscribeRequest, vigil_subscribe_request, "SubscribeDeviceMgmt",
                          subscribe_request_read, subscribe_request_write, subscribe_request_free)

static const VigilField vigil_subscription_device_fields[] = {
  VIGIL_FIELD_STR (VigilSubscriptionDevice, dev_index, "devIndex"),
  VIGIL_FIELD_STR (VigilSubscriptionDevice, status, "status"),
  VIGIL_FIELD_STR (VigilSubscriptionDevice, sub_status_code, "subStatusCode"),
};
VIGIL_DEFINE_RECORD (VigilSubscriptionDevice, vigil_subscription_device, "Dev")

static const VigilField vigil_subscribe_response_fields[] = {
  VIGIL_FIELD_INT (VigilSubscribeResponse, id, "id"),
};

static void
subscribe_response_read (gpointer    record,
                         JsonObject *object)
{
  ((VigilSubscribeResponse *) record)->failed =
    READ_LIST (vigil_subscription_device, vigil_json_object_get_array (object, "FailList"), "Dev");
}

static void
subscribe_response_write (gconstpointer record,
                          JsonObject   *object)
{
  const VigilSubscribeResponse *self = record;

  if (self->failed != NULL && self->failed->len > 0)
    json_object_set_array_member (object, "FailList",
                                  vigil_record_list_write (&vigil_subscription_device_class,
                                                           self->failed, "Dev"));
}

static void
subscribe_response_free (gpointer record)
{
  g_clear_pointer (&((VigilSubscribeResponse *) record)->failed, g_ptr_array_unref);
}

VIGIL_DEFINE_RECORD_FULL (VigilSubscribeResponse, vigil_subscribe_response, "SubscribeDeviceMgmtRsp",
                          subscribe_response_read, subscribe_response_write, subscribe_response_free)
