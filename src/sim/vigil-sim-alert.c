/* vigil-sim-alert.c — the EventNotificationAlert messages of the event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-alert"

#include <string.h>

#include "vigil-sim-alert.h"
#include "vigil-sim-tz.h"

typedef struct
{
  JsonBuilder    *builder;
  VigilSimQuirks  quirks;
} Alert;

static void
add_string (Alert      *alert,
            const char *name,
            const char *value)
{
  json_builder_set_member_name (alert->builder, name);
  json_builder_add_string_value (alert->builder, value);
}

/* Numbers go out as numbers, or as strings when a quirky firmware is simulated. */
static void
add_int (Alert      *alert,
         const char *name,
         gint64      value)
{
  json_builder_set_member_name (alert->builder, name);
  if (alert->quirks & VIGIL_SIM_QUIRK_STRING_SCALARS)
    {
      char text[24];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      json_builder_add_string_value (alert->builder, text);
    }
  else
    json_builder_add_int_value (alert->builder, value);
}

static void
add_date_time (Alert      *alert,
               GDateTime  *time)
{
  g_autofree char *text = vigil_sim_tz_format_iso8601 (time,
                                                       alert->quirks & VIGIL_SIM_QUIRK_SHORT_OFFSET,
                                                       alert->quirks & VIGIL_SIM_QUIRK_NO_ZONE);

  add_string (alert, alert->quirks & VIGIL_SIM_QUIRK_DATA_TIME ? "dataTime" : "dateTime", text);
}

static void
begin (Alert          *alert,
       VigilSimQuirks  quirks)
{
  alert->builder = json_builder_new ();
  alert->quirks = quirks;
  json_builder_begin_object (alert->builder);
  json_builder_set_member_name (alert->builder, "EventNotificationAlert");
  json_builder_begin_object (alert->builder);
}

static char *
finish (Alert *alert)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_end_object (alert->builder);
  json_builder_end_object (alert->builder);
  root = json_builder_get_root (alert->builder);
  g_clear_object (&alert->builder);

  /* Pretty, like the guide's examples and the firmware that wrote them. */
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  if (alert->quirks & VIGIL_SIM_QUIRK_TRAILING_COMMA)
    {
      /* After the last member of EventNotificationAlert, as in the guide's §6.1 example. */
      char *outer = strrchr (text, '}');
      char *inner = outer;
      char *last;
      char *quirky;

      while (inner > text && *--inner != '}')
        ;
      last = inner;
      while (last > text && g_ascii_isspace (last[-1]))
        last--;
      if (inner > text && last > text)
        {
          quirky = g_strdup_printf ("%.*s,%s", (int) (last - text), text, last);
          g_free (text);
          text = quirky;
        }
    }

  return text;
}

static char *
format_cid_time (VigilSimPanel *panel,
                 gint64         unix_time)
{
  g_autoptr(GDateTime) local = vigil_sim_panel_dup_local_time (panel, unix_time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static char *
format_cid_param (const VigilSimCidEvent *event)
{
  return g_strdup_printf ("%d,%d,%d,%d,%d,-1,%d,%s",
                          event->user_type, event->user_no,
                          event->zone > 0 ? (int) event->zone : -1,
                          event->keyboard_no, event->video_channel, event->module_addr,
                          event->user_name[0] != '\0' ? event->user_name : "NONE");
}

char *
vigil_sim_alert_heartbeat (GDateTime      *now,
                           guint64         count,
                           VigilSimQuirks  quirks)
{
  Alert alert;

  begin (&alert, quirks);
  add_string (&alert, "channelID", "1");
  add_date_time (&alert, now);
  add_int (&alert, "activePostCount", (gint64) count);
  add_string (&alert, "eventType",
              quirks & VIGIL_SIM_QUIRK_HEARTBEAT_SPACE ? "heartBeat " : "heartBeat");
  add_string (&alert, "eventState", "active");
  add_string (&alert, "eventDescription", "Heart Beat");
  return finish (&alert);
}

char *
vigil_sim_alert_dev_status (VigilSimPanel  *panel,
                            gboolean        online,
                            VigilSimQuirks  quirks)
{
  g_autoptr(GDateTime) now = vigil_sim_panel_dup_now (panel);
  Alert alert;

  begin (&alert, quirks);
  add_string (&alert, "channelID", "1");
  add_date_time (&alert, now);
  add_int (&alert, "activePostCount", 1);
  add_string (&alert, "eventType", "devStatusChanged");
  add_string (&alert, "eventState", "active");
  add_string (&alert, "eventDescription", "device status about online or offline changed");
  add_string (&alert, "devIndex", vigil_sim_panel_get_dev_index (panel));
  add_string (&alert, "channelName", vigil_sim_panel_get_name (panel));
  add_string (&alert, "status", online ? "online" : "offline");
  return finish (&alert);
}

char *
vigil_sim_alert_cid (VigilSimPanel          *panel,
                     const VigilSimCidEvent *event,
                     guint64                 seq,
                     VigilSimQuirks          quirks)
{
  g_autoptr(GDateTime) when = vigil_sim_panel_dup_local_time (panel, event->time);
  g_autoptr(GDateTime) now = vigil_sim_panel_dup_now (panel);
  g_autofree char *trigger_time = format_cid_time (panel, event->time);
  g_autofree char *upload_time = format_cid_time (panel, g_date_time_to_unix (now));
  g_autofree char *param = format_cid_param (event);
  char code[8];
  char channel[12];
  Alert alert;

  g_snprintf (code, sizeof code, "%04u", event->code);
  g_snprintf (channel, sizeof channel, "%d", event->video_channel > 0 ? event->video_channel : 1);

  begin (&alert, quirks);
  add_string (&alert, "channelID", channel);
  add_date_time (&alert, when);
  add_int (&alert, "activePostCount", 1);
  add_string (&alert, "eventType", "CIDAlarm");
  add_string (&alert, "eventState", "active");
  add_string (&alert, "eventDescription", "CID event");
  add_string (&alert, "devIndex", vigil_sim_panel_get_dev_index (panel));
  add_string (&alert, "channelName", vigil_sim_panel_get_name (panel));
  add_string (&alert, "deviceID", vigil_sim_panel_get_ehome_id (panel));
  json_builder_set_member_name (alert.builder, "CIDAlarm");
  json_builder_begin_object (alert.builder);
  add_int (&alert, "subSys", event->partition);
  add_int (&alert, "zoneNo", event->zone);
  add_string (&alert, "CIDCode", code);
  add_int (&alert, "CIDType", event->cid_type);
  add_string (&alert, "CIDDescribe", vigil_sim_cid_describe (event->code));
  add_int (&alert, "timeZoneIdx", vigil_sim_tz_index (vigil_sim_panel_get_utc_offset (panel)));
  add_string (&alert, "triggerTime", trigger_time);
  add_string (&alert, "uploadTime", upload_time);
  add_string (&alert, "CIDParam", param);
  add_string (&alert, "UUID", event->uuid);
  json_builder_end_object (alert.builder);
  if (seq > 0)
    add_int (&alert, "seq", (gint64) seq);
  return finish (&alert);
}

char *
vigil_sim_alert_video_review (VigilSimPanel          *panel,
                              const VigilSimCidEvent *event,
                              const char             *video_url,
                              VigilSimQuirks          quirks)
{
  g_autoptr(GDateTime) when = vigil_sim_panel_dup_local_time (panel, event->time);
  g_autoptr(GDateTime) now = vigil_sim_panel_dup_now (panel);
  g_autofree char *trigger_time = format_cid_time (panel, event->time);
  g_autofree char *upload_time = format_cid_time (panel, g_date_time_to_unix (now));
  g_autofree char *param = format_cid_param (event);
  int channel = event->video_channel > 0 ? event->video_channel : 1;
  char code[8];
  char channel_id[12];
  Alert alert;

  g_snprintf (code, sizeof code, "%04u", event->code);
  g_snprintf (channel_id, sizeof channel_id, "%d", channel);

  /* Members in the order of the guide's §9.14 template. */
  begin (&alert, quirks);
  json_builder_set_member_name (alert.builder, "VideoReview");
  json_builder_begin_object (alert.builder);
  json_builder_set_member_name (alert.builder, "HikCIDParams");
  json_builder_begin_object (alert.builder);
  add_string (&alert, "CIDCode", code);
  add_string (&alert, "CIDDescribe", vigil_sim_cid_describe (event->code));
  add_string (&alert, "CIDParam", param);
  add_int (&alert, "CIDType", event->cid_type);
  add_string (&alert, "UUID", event->uuid);
  add_int (&alert, "ZoneNo", event->zone);
  add_int (&alert, "subSys", event->partition);
  add_int (&alert, "timeZoneIdx", vigil_sim_tz_index (vigil_sim_panel_get_utc_offset (panel)));
  add_string (&alert, "triggerTime", trigger_time);
  add_string (&alert, "uploadTime", upload_time);
  add_string (&alert, "videoURL", video_url);
  json_builder_end_object (alert.builder);
  add_string (&alert, "protocolType", "HikCIDProtocol");
  json_builder_end_object (alert.builder);
  add_int (&alert, "activePostCount", 1);
  add_string (&alert, "channelID", channel_id);
  add_string (&alert, "channelName",
              (guint) channel <= vigil_sim_panel_get_n_cameras (panel)
              ? vigil_sim_panel_get_camera_name (panel, channel)
              : vigil_sim_panel_get_name (panel));
  add_date_time (&alert, when);
  add_string (&alert, "devIndex", vigil_sim_panel_get_dev_index (panel));
  add_string (&alert, "deviceID", vigil_sim_panel_get_ehome_id (panel));
  add_string (&alert, "eventDescription", "video review");
  add_string (&alert, "eventState", "active");
  add_string (&alert, "eventType", "videoReview");
  return finish (&alert);
}
