/* vigil-sim-panel-json.c — how the gateway describes a panel (guide chapter 9)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-panel"

#include <string.h>

#include "vigil-sim-panel-private.h"

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* Opens `"Name":[` … each item `{"Item":{` — the guide's list shape. */
static void
begin_item (JsonBuilder *builder,
            const char  *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, item);
  json_builder_begin_object (builder);
}

static void
end_item (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

void
vigil_sim_panel_build_device_info (VigilSimPanel *self,
                                   JsonBuilder   *builder,
                                   gboolean       with_dev_index)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  if (with_dev_index)
    add_string (builder, "devIndex", self->dev_index);
  add_string (builder, "deviceName", self->name);
  add_string (builder, "deviceID", self->dev_index);
  add_string (builder, "deviceDescription", self->description);
  add_string (builder, "systemContact", "STD");
  add_string (builder, "model", "DS-PWA32-HS");
  add_string (builder, "serialNumber", self->serial);
  add_string (builder, "macAddress", self->mac);
  add_string (builder, "firmwareVersion", "V1.0.4");
  add_string (builder, "firmwareReleasedDate", "build 200318");
  add_string (builder, "bootVersion", "V1.0.0");
  add_string (builder, "bootReleasedDate", "build 191108");
  add_string (builder, "hardwareVersion", "0x1");
  add_string (builder, "deviceType", "SecurityCP");
}

void
vigil_sim_panel_build_search_match (VigilSimPanel *self,
                                    JsonBuilder   *builder)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  add_string (builder, "devIndex", self->dev_index);
  add_string (builder, "devName", self->name);
  add_string (builder, "devMode", "DS-PWA32-HS");
  add_string (builder, "devType", "SecurityCP");
  add_string (builder, "protocolType", self->protocol_type);
  json_builder_set_member_name (builder, "EhomeParams");
  json_builder_begin_object (builder);
  add_string (builder, "EhomeID", self->ehome_id);
  add_int (builder, "heartInterval", self->heart_interval);
  add_int (builder, "heartExceededCount", self->heart_exceeded_count);
  json_builder_end_object (builder);
  add_string (builder, "devStatus", self->online ? "online" : "offline");
  if (self->online)
    add_bool (builder, "activeStatus", TRUE);
  add_int (builder, "videoChannelNum", self->n_cameras);
  add_bool (builder, "visualVerification", self->visual_verification);
  add_bool (builder, "ISAPIUserBound", TRUE);
}

void
vigil_sim_panel_build_sub_systems (VigilSimPanel *self,
                                   JsonBuilder   *builder)
{
  static const char *arming[] = { "disarm", "stay", "away" };

  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  json_builder_set_member_name (builder, "SubSysList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_partitions; i++)
    {
      begin_item (builder, "SubSys");
      add_int (builder, "id", i + 1);
      add_string (builder, "arming", arming[self->partitions[i].arming]);
      add_bool (builder, "alarm", self->partitions[i].alarm);
      end_item (builder);
    }
  json_builder_end_array (builder);
}

void
vigil_sim_panel_build_zones (VigilSimPanel *self,
                             JsonBuilder   *builder)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  json_builder_set_member_name (builder, "ZoneList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_zones; i++)
    {
      const SimZone *z = &self->zones[i];

      begin_item (builder, "Zone");
      add_int (builder, "id", i + 1);
      add_string (builder, "name", z->name);
      add_string (builder, "status", z->open ? "trigger" : "online");
      add_bool (builder, "tamperEvident", z->tamper);
      add_bool (builder, "shielded", FALSE);
      add_bool (builder, "bypassed", z->bypassed);
      add_bool (builder, "armed", vigil_sim_panel_get_zone_armed (self, i + 1));
      add_bool (builder, "alarm", z->alarm);
      add_string (builder, "charge", z->low_battery ? "lowPower" : "normal");
      end_item (builder);
    }
  json_builder_end_array (builder);
}

static void
build_peripherals (JsonBuilder         *builder,
                   const char          *list,
                   const char          *item,
                   const SimPeripheral *peripherals,
                   guint                n,
                   const char          *status)
{
  json_builder_set_member_name (builder, list);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      begin_item (builder, item);
      add_int (builder, "id", i + 1);
      add_string (builder, "seq", peripherals[i].seq);
      add_string (builder, "name", peripherals[i].name);
      add_string (builder, "status", status);
      add_bool (builder, "tamperEvident", FALSE);
      add_string (builder, "charge", "normal");
      end_item (builder);
    }
  json_builder_end_array (builder);
}

void
vigil_sim_panel_build_ex_dev_status (VigilSimPanel *self,
                                     JsonBuilder   *builder)
{
  gboolean sounding = FALSE;

  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  for (guint i = 0; i < self->n_partitions; i++)
    sounding |= self->partitions[i].alarm;

  json_builder_set_member_name (builder, "ExDevStatus");
  json_builder_begin_object (builder);

  build_peripherals (builder, "OutputModList", "OutputMod",
                     self->output_modules, self->n_output_modules, "online");

  json_builder_set_member_name (builder, "OutputList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_relays; i++)
    {
      begin_item (builder, "Output");
      add_int (builder, "id", i + 1);
      add_string (builder, "name", self->relays[i].name);
      add_string (builder, "status", self->relays[i].on ? "on" : "off");
      add_bool (builder, "tamperEvident", FALSE);
      add_string (builder, "charge", "normal");
      add_string (builder, "linkage", self->relays[i].manual ? "manualCtrl" : "alarm");
      end_item (builder);
    }
  json_builder_end_array (builder);

  build_peripherals (builder, "SirenList", "Siren",
                     self->sirens, self->n_sirens, sounding ? "on" : "off");
  build_peripherals (builder, "RepeaterList", "Repeater",
                     self->repeaters, self->n_repeaters, "online");

  json_builder_end_object (builder);
}

void
vigil_sim_panel_build_io_ports (VigilSimPanel *self,
                                JsonBuilder   *builder)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  json_builder_set_member_name (builder, "IOPortList");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "IOInputPortList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_io_inputs; i++)
    {
      g_autofree char *name = g_strdup_printf ("Alarm input %u", i + 1);

      begin_item (builder, "IOInputPort");
      add_int (builder, "id", i + 1);
      add_bool (builder, "enable", TRUE);
      add_string (builder, "triggering", "low");
      add_string (builder, "name", name);
      end_item (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "IOOutputPortList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_io_outputs; i++)
    {
      g_autofree char *name = g_strdup_printf ("Alarm output %u", i + 1);

      begin_item (builder, "IOOutputPort");
      add_int (builder, "id", i + 1);
      add_bool (builder, "enable", TRUE);
      add_string (builder, "name", name);
      end_item (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

void
vigil_sim_panel_build_channel_info (VigilSimPanel *self,
                                    JsonBuilder   *builder)
{
  g_return_if_fail (VIGIL_IS_SIM_PANEL (self));

  json_builder_set_member_name (builder, "ChannelInfo");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "VideoChannel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_cameras; i++)
    {
      begin_item (builder, "Channel");
      add_int (builder, "id", i + 1);
      add_string (builder, "name", self->cameras[i]);
      add_string (builder, "type", "digital");
      add_string (builder, "status", self->online ? "online" : "offline");
      end_item (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "AlarmInChannel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_zones; i++)
    {
      begin_item (builder, "Channel");
      add_int (builder, "id", i + 1);
      add_string (builder, "name", self->zones[i].name);
      add_string (builder, "type", "analog");
      end_item (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "AlarmOutChannel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_relays; i++)
    {
      begin_item (builder, "Channel");
      add_int (builder, "id", i + 1);
      add_string (builder, "name", self->relays[i].name);
      add_string (builder, "type", "analog");
      end_item (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "AudioChannel");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

gboolean
vigil_sim_panel_matches (VigilSimPanel *self,
                         const char    *key,
                         const char    *dev_type,
                         const char    *protocol_type,
                         const char    *dev_status,
                         int            visual_verification)
{
  g_return_val_if_fail (VIGIL_IS_SIM_PANEL (self), FALSE);

  if (key != NULL && *key != '\0'
      && !contains_casefold (self->dev_index, key)
      && !contains_casefold (self->name, key)
      && !contains_casefold (self->ehome_id, key)
      && !contains_casefold ("DS-PWA32-HS", key)
      && !contains_casefold (self->serial, key))
    return FALSE;
  if (dev_type != NULL && *dev_type != '\0' && g_ascii_strcasecmp (dev_type, "SecurityCP") != 0)
    return FALSE;
  if (protocol_type != NULL && *protocol_type != '\0'
      && g_ascii_strcasecmp (protocol_type, self->protocol_type) != 0)
    return FALSE;
  if (dev_status != NULL && *dev_status != '\0'
      && g_ascii_strcasecmp (dev_status, self->online ? "online" : "offline") != 0)
    return FALSE;
  if (visual_verification >= 0 && !!visual_verification != self->visual_verification)
    return FALSE;
  return TRUE;
}

/* The codes the simulator raises, with the descriptions of A.3. */
static const struct
{
  guint       code;
  const char *description;
} cid_descriptions[] = {
  { 1100, "Medical Alarm" },
  { 1110, "Fire Alarm" },
  { 3110, "Fire Alarm Restored" },
  { 1123, "24H Audible Alarm" },
  { 3123, "24H Audible Alarm Restored" },
  { 1129, "Panic Alarm" },
  { 3129, "Panic Alarm Restored" },
  { 1130, "Burglary Alarm" },
  { 3130, "Burglary Alarm Restored" },
  { 1131, "Perimeter Alarm" },
  { 3131, "Perimeter Alarm Restored" },
  { 1132, "Interior Alarm" },
  { 3132, "Interior Alarm Restored" },
  { 1134, "Delayed Alarm" },
  { 3134, "Delayed Alarm Restored" },
  { 1137, "Device Tampered" },
  { 3137, "Device Tamper Restored" },
  { 1151, "Gas Leakage Alarm" },
  { 3151, "Gas Leakage Alarm Restored" },
  { 1301, "AC Power Down" },
  { 3301, "AC Power On" },
  { 1302, "Low Battery" },
  { 3302, "Normal Battery" },
  { 1305, "Control Panel Reset" },
  { 1383, "Detector Tampered" },
  { 3383, "Detector Tamper Restored" },
  { 1401, "Disarming" },
  { 3401, "Arming" },
  { 1406, "Alarm Clearing" },
  { 3441, "Stay Arming" },
  { 1570, "Bypass" },
  { 3570, "Bypass Restored" },
  { 1601, "Manual Report Test" },
  { 1602, "Periodic Report Test" },
  { 1915, "Wireless Detector Low Battery" },
  { 3915, "Normal Wireless Detector Battery" },
};

const char *
vigil_sim_cid_describe (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (cid_descriptions); i++)
    if (cid_descriptions[i].code == code)
      return cid_descriptions[i].description;
  return "CID event";
}
