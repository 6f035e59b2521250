/* vigil-messages.h — the typed messages of the guide's chapter 9
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record keeps the object it was read from (`raw`), so members this code does not know
 * survive a read–write round trip and can be shown to a person. Reading never fails: absent or
 * unreadable members are simply not present (strings NULL, has_ flags FALSE). Writing produces
 * the guide's types (numbers as numbers, booleans as booleans) over a copy of `raw`.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vigil-json.h"

G_BEGIN_DECLS

/* Partition ID that means "every partition" (§8.4.1). */
#define VIGIL_ALL_PARTITIONS G_GUINT64_CONSTANT (0xffffffff)

typedef struct _VigilRecordClass VigilRecordClass;

struct _VigilRecordClass
{
  const char       *name;        /* the message's name in the guide, e.g. "Zone" */
  gsize             size;
  const VigilField *fields;
  guint             n_fields;
  /* For members that are lists or records of their own (nullable). */
  void            (*read_extra)  (gpointer record, JsonObject *object);
  void            (*write_extra) (gconstpointer record, JsonObject *object);
  void            (*free_extra)  (gpointer record);
};

/* Every record starts with this. */
typedef struct
{
  JsonObject *raw;               /* as received; NULL when made locally */
} VigilRecord;

gpointer     vigil_record_new       (const VigilRecordClass *klass);
gpointer     vigil_record_read      (const VigilRecordClass *klass, JsonObject *object);
JsonObject  *vigil_record_write     (const VigilRecordClass *klass, gconstpointer record);
void         vigil_record_free      (const VigilRecordClass *klass, gpointer record);

/* A list as the guide shapes them: [{"Zone":{…}}, …]. Elements without the wrapper ({…}
 * straight away) are accepted too. Returns a GPtrArray that frees its records. */
GPtrArray   *vigil_record_list_read  (const VigilRecordClass *klass,
                                      JsonArray              *array,
                                      const char             *item_key);
JsonArray   *vigil_record_list_write (const VigilRecordClass *klass,
                                      GPtrArray              *records,
                                      const char             *item_key);

#define VIGIL_DECLARE_RECORD(TypeName, type_name)                                       \
  extern const VigilRecordClass type_name##_class;                                      \
  TypeName   *type_name##_new       (void);                                             \
  TypeName   *type_name##_from_json (JsonObject *object);                               \
  JsonObject *type_name##_to_json   (const TypeName *record);                           \
  void        type_name##_free      (TypeName *record);                                 \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, type_name##_free)

/* §9.23 JSON_ResponseStatus (the answer of a control request that went well). */
typedef struct
{
  JsonObject *raw;
  char *request_url;
  gint64 status_code;      gboolean has_status_code;
  char *status_string;
  char *sub_status_code;
  gint64 error_code;       gboolean has_error_code;
  char *error_msg;
  gboolean reboot_required; gboolean has_reboot_required;
} VigilResponseStatus;
VIGIL_DECLARE_RECORD (VigilResponseStatus, vigil_response_status)

/* §9.3 JSON_DeviceInfo, §9.4 the items of JSON_DeviceInfoList (with devIndex). */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *device_name;
  char *device_id;
  char *device_description;
  char *system_contact;
  char *model;
  char *serial_number;
  char *mac_address;
  char *firmware_version;
  char *firmware_released_date;
  char *boot_version;
  char *boot_released_date;
  char *hardware_version;
  char *encoder_version;
  char *encoder_released_date;
  char *decoder_version;
  char *decoder_released_date;
  char *software_version;
  char *device_type;
  gint64 telecontrol_id;   gboolean has_telecontrol_id;
  char *operation_system;
  gint64 dev_type;         gboolean has_dev_type;
} VigilDeviceInfo;
VIGIL_DECLARE_RECORD (VigilDeviceInfo, vigil_device_info)

/* The writable part of DeviceInfo for a PUT: read-only members are left out. */
JsonNode    *vigil_device_info_to_put_json (const VigilDeviceInfo *info);

/* §9.5 one Device of JSON_DeviceInList. */
typedef struct
{
  JsonObject *raw;
  char *protocol_type;     /* "ehome" or "ehomeV5" */
  char *ehome_id;
  char *ehome_key;         /* ehomeV5 only */
  gint64 heart_interval;   gboolean has_heart_interval;
  gint64 heart_exceeded_count; gboolean has_heart_exceeded_count;
  char *dev_name;
  char *dev_type;          /* "encodingDev", "SecurityCP", "AccessControl" */
  gboolean visual_verification; gboolean has_visual_verification;
} VigilDeviceAdd;
VIGIL_DECLARE_RECORD (VigilDeviceAdd, vigil_device_add)

/* Checks a device before it is sent: ISUP ID 1–31 characters, key 8–32 letters and digits
 * for ehomeV5 (none for ehome), name up to 32 characters, known protocol and type. */
gboolean     vigil_device_add_validate (const VigilDeviceAdd *device, GError **error);

/* §9.6 one Device of JSON_DeviceOutList. */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *dev_name;
  char *protocol_type;
  char *ehome_id;
  char *status;            /* "success" / "fail" */
  char *sub_status_code;
} VigilDeviceAddResult;
VIGIL_DECLARE_RECORD (VigilDeviceAddResult, vigil_device_add_result)

/* §9.2 one Dev of JSON_DelDevList. */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *status;
  char *sub_status_code;
} VigilDeviceDeleteResult;
VIGIL_DECLARE_RECORD (VigilDeviceDeleteResult, vigil_device_delete_result)

/* §9.25 JSON_SearchDescription. */
typedef struct
{
  JsonObject *raw;
  gint64 position;         gboolean has_position;
  gint64 max_result;       gboolean has_max_result;
  char *key;
  char *dev_type;
  char *protocol_type;
  char *dev_status;
  gboolean visual_verification; gboolean has_visual_verification;
  gboolean isapi_user_bound; gboolean has_isapi_user_bound;
} VigilSearchDescription;
VIGIL_DECLARE_RECORD (VigilSearchDescription, vigil_search_description)

/* §9.26 one Device of SearchResult.MatchList. */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *dev_name;
  char *dev_mode;          /* the model */
  char *dev_type;
  char *protocol_type;
  char *ehome_id;
  gint64 heart_interval;   gboolean has_heart_interval;
  gint64 heart_exceeded_count; gboolean has_heart_exceeded_count;
  char *dev_status;        /* "online" / "offline" */
  gboolean active_status;  gboolean has_active_status;
  gint64 video_channel_num; gboolean has_video_channel_num;
  gboolean visual_verification; gboolean has_visual_verification;
  gboolean isapi_user_bound; gboolean has_isapi_user_bound;
} VigilDeviceEntry;
VIGIL_DECLARE_RECORD (VigilDeviceEntry, vigil_device_entry)

typedef struct
{
  JsonObject *raw;
  gint64 num_of_matches;   gboolean has_num_of_matches;
  gint64 total_matches;    gboolean has_total_matches;
  GPtrArray *devices;      /* VigilDeviceEntry */
} VigilSearchResult;
VIGIL_DECLARE_RECORD (VigilSearchResult, vigil_search_result)

/* §9.1 one Channel of JSON_ChannelInfo. */
typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  char *name;
  char *type;
  char *status;
} VigilChannel;
VIGIL_DECLARE_RECORD (VigilChannel, vigil_channel)

typedef struct
{
  JsonObject *raw;
  GPtrArray *video;        /* VigilChannel each */
  GPtrArray *alarm_in;
  GPtrArray *alarm_out;
  GPtrArray *audio;
} VigilChannelInfo;
VIGIL_DECLARE_RECORD (VigilChannelInfo, vigil_channel_info)

/* §9.32 JSON_Time. */
typedef struct
{
  JsonObject *raw;
  char *time_mode;
  char *local_time;
} VigilTimeSettings;
VIGIL_DECLARE_RECORD (VigilTimeSettings, vigil_time_settings)

/* §9.18 JSON_IPAddress. */
typedef struct
{
  JsonObject *raw;
  char *ip_version;        /* "v4", "v6", "dual" */
  char *addressing_type;   /* "static", "dynamic", "apipa" */
  char *ip_address;
  char *subnet_mask;
  char *ipv6_address;
  gint64 bit_mask;         gboolean has_bit_mask;
  char *gateway_ipv4;
  char *gateway_ipv6;
  char *primary_dns_ipv4;
  char *primary_dns_ipv6;
  char *secondary_dns_ipv4;
  char *secondary_dns_ipv6;
} VigilIpAddress;
VIGIL_DECLARE_RECORD (VigilIpAddress, vigil_ip_address)

/* Checks an address before it is sent: versions, dotted quads, a contiguous mask, the gateway
 * in the subnet, IPv6 syntax and prefix. */
gboolean     vigil_ip_address_validate (const VigilIpAddress *address, GError **error);

/* §9.20 JSON_NetworkInterface. */
typedef struct
{
  JsonObject *raw;
  char *id;
  VigilIpAddress *ip_address;
} VigilNetworkInterface;
VIGIL_DECLARE_RECORD (VigilNetworkInterface, vigil_network_interface)

/* §9.17 one IOInputPort / IOOutputPort. */
typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  gboolean enable;         gboolean has_enable;
  char *triggering;
  char *name;
} VigilIoPort;
VIGIL_DECLARE_RECORD (VigilIoPort, vigil_io_port)

typedef struct
{
  JsonObject *raw;
  GPtrArray *inputs;       /* VigilIoPort */
  GPtrArray *outputs;
} VigilIoPorts;
VIGIL_DECLARE_RECORD (VigilIoPorts, vigil_io_ports)

/* §9.31 one SubSys. */
typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  char *arming;            /* "stay", "away", "disarm" */
  gboolean alarm;          gboolean has_alarm;
} VigilPartitionStatus;
VIGIL_DECLARE_RECORD (VigilPartitionStatus, vigil_partition_status)

/* §9.34 one Zone. */
typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  char *name;
  char *status;            /* "notRelated", "online", "offline", "trigger", "breakDown" */
  gboolean tamper_evident; gboolean has_tamper_evident;
  gboolean shielded;       gboolean has_shielded;
  gboolean bypassed;       gboolean has_bypassed;
  gboolean armed;          gboolean has_armed;
  gboolean alarm;          gboolean has_alarm;
  char *charge;            /* "normal", "lowPower" */
} VigilZoneStatus;
VIGIL_DECLARE_RECORD (VigilZoneStatus, vigil_zone_status)

/* §9.15 one OutputMod, Output (relay), Siren or Repeater. */
typedef enum
{
  VIGIL_PERIPHERAL_OUTPUT_MODULE,
  VIGIL_PERIPHERAL_RELAY,
  VIGIL_PERIPHERAL_SIREN,
  VIGIL_PERIPHERAL_REPEATER,
} VigilPeripheralKind;

typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  char *seq;
  char *name;
  char *status;            /* "notRelated", "online"/"on", "offline"/"off" */
  gboolean tamper_evident; gboolean has_tamper_evident;
  char *charge;
  char *linkage;           /* relays: "alarm", "arming", "disarming", "manualCtrl" */
} VigilPeripheralStatus;
VIGIL_DECLARE_RECORD (VigilPeripheralStatus, vigil_peripheral_status)

typedef struct
{
  JsonObject *raw;
  GPtrArray *output_modules;  /* VigilPeripheralStatus each */
  GPtrArray *relays;
  GPtrArray *sirens;
  GPtrArray *repeaters;
} VigilPeripherals;
VIGIL_DECLARE_RECORD (VigilPeripherals, vigil_peripherals)

const char  *vigil_peripheral_kind_label (VigilPeripheralKind kind);   /* translated */

/* §9.9 one item of JSON_ErrorList. */
typedef struct
{
  JsonObject *raw;
  char *id;
  gint64 status_code;      gboolean has_status_code;
  char *status_string;
  char *sub_status_code;
  gint64 error_code;       gboolean has_error_code;
  char *error_msg;
} VigilErrorItem;
VIGIL_DECLARE_RECORD (VigilErrorItem, vigil_error_item)

gboolean     vigil_error_item_is_ok (const VigilErrorItem *item);

/* §9.33 JSON_UserCheck. */
typedef struct
{
  JsonObject *raw;
  gint64 status_value;     gboolean has_status_value;
  char *status_string;
  gboolean is_default_password; gboolean has_is_default_password;
  gboolean is_risk_password; gboolean has_is_risk_password;
  gboolean is_activated;   gboolean has_is_activated;
  char *lock_status;
  gint64 unlock_time;      gboolean has_unlock_time;
  gint64 retry_login_time; gboolean has_retry_login_time;
} VigilUserCheck;
VIGIL_DECLARE_RECORD (VigilUserCheck, vigil_user_check)

/* §9.27 JSON_SubscribeDevEvent; also one Dev of SubscribeDeviceMgmt.DevEventList. */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *upload_mode;       /* "all" / "part" */
  GStrv event_list;        /* "videoReview", "CIDAlarm" */
} VigilSubscribeDevEvent;
VIGIL_DECLARE_RECORD (VigilSubscribeDevEvent, vigil_subscribe_dev_event)

/* §9.28 JSON_SubscribeDeviceMgmt. */
typedef struct
{
  JsonObject *raw;
  char *event_mode;        /* "all" / "device" */
  GPtrArray *devices;      /* VigilSubscribeDevEvent, for eventMode "device" */
  char *defence_mode;      /* "all" / "part", for eventMode "all" */
  GStrv event_list;        /* for defenceMode "part" */
} VigilSubscribeRequest;
VIGIL_DECLARE_RECORD (VigilSubscribeRequest, vigil_subscribe_request)

/* §9.29 JSON_SubscribeDeviceMgmtRsp; §9.30 one Dev of JSON_SubscribeQueryStatusList. */
typedef struct
{
  JsonObject *raw;
  char *dev_index;
  char *status;            /* queryStatus: "continue", "abnormalLink", "fail" */
  char *sub_status_code;   /* FailList */
} VigilSubscriptionDevice;
VIGIL_DECLARE_RECORD (VigilSubscriptionDevice, vigil_subscription_device)

typedef struct
{
  JsonObject *raw;
  gint64 id;               gboolean has_id;
  GPtrArray *failed;       /* VigilSubscriptionDevice */
} VigilSubscribeResponse;
VIGIL_DECLARE_RECORD (VigilSubscribeResponse, vigil_subscribe_response)

/* Wraps @object as {"@key": object} in a new node (takes a reference). */
JsonNode    *vigil_message_wrap       (const char *key, JsonObject *object);
JsonNode    *vigil_message_wrap_array (const char *key, JsonArray *array);

G_END_DECLS
