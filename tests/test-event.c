/* test-event.c — decoding the gateway's EventNotificationAlert messages
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-event.h"
#include "vigil-json.h"

/* ---- the guide's examples, verbatim ---- */

/* §6.1, the devStatusChanged part: a trailing comma (guide lines 486-498) */
static const char guide_6_1_dev_status[] =
  "{\n"
  "  \"EventNotificationAlert\":{\n"
  "    \"channelID\": \"1\",\n"
  "    \"dateTime\": \"2018-01-21T12:50:39+08:00\",\n"
  "    \"activePostCount\": 1,\n"
  "    \"eventType\": \"devStatusChanged\",\n"
  "    \"eventState\": \"active\",\n"
  "    \"eventDescription\": \"device status about online or offline changed\",\n"
  "    \"devIndex\":\"2cd6716d-767f-4756-ac55-50276a5e3b4a\",\n"
  "    \"channelName\": \"Device1\",\n"
  "    \"status\":\"online\",\n"
  "  }\n"
  "}";

/* §6.1, the heartbeat part: "dataTime" (guide lines 503-511) */
static const char guide_6_1_heartbeat[] =
  "{\n"
  "  \"EventNotificationAlert\":{\n"
  "    \"dataTime\":\"2018-12-26T19:39:21+08:00\",\n"
  "    \"activePostCount\":1,\n"
  "    \"eventType\":\"heartBeat\",\n"
  "    \"eventState\":\"active\",\n"
  "    \"eventDescription\":\"Heart Beat\"\n"
  "  }\n"
  "}";

/* §9.11 sample: eventType videoReview with a CIDAlarm, UUID "0" (guide lines 1935-1959) */
static const char guide_9_11_cid[] =
  "{\n"
  "  \"EventNotificationAlert\": {\n"
  "    \"channelID\": \"1\",\n"
  "    \"dateTime\": \"2018-01-21T12:50:39+08:00\",\n"
  "    \"activePostCount\": 1,\n"
  "    \"eventType\": \"videoReview\",\n"
  "    \"eventState\": \"active\",\n"
  "     \"eventDescription\": \"video review\",\n"
  "    \"devIndex\":\"2cd6716d-767f-4756-ac55-50276a5e3b4a\",\n"
  "    \"channelName\": \"Ipdome\",\n"
  "    \"deviceID\":\"123456\",\n"
  "    \"CIDAlarm\":{\n"
  "      \"subSys\": 0,\n"
  "      \"zoneNo\": 1,\n"
  "      \"CIDCode\":\"1103\",\n"
  "      \"CIDType\": 1,\n"
  "      \"CIDDescribe\": \"alarm\",\n"
  "      \"timeZoneIdx\": 0,\n"
  "      \"triggerTime\": \"2009-02-24 16:59:00\",\n"
  "      \"uploadTime\": \"2009-02-24 16:59:00\",\n"
  "      \"CIDParam\":\"1,2,1,1,1,1,0,admin\",\n"
  "      \"UUID\": \"0\"\n"
  "    }  \n"
  "  }\n"
  "}";

/* §9.12 sample (guide lines 1987-1999) */
static const char guide_9_12_dev_status[] =
  "{\n"
  "  \"EventNotificationAlert\": {\n"
  "    \"channelID\": \"1\",\n"
  "     \"dateTime\": \"2018-01-21T12:50:39+08:00\",\n"
  "    \"activePostCount\": 1,\n"
  "    \"eventType\": \"devStatusChanged\",\n"
  "    \"eventState\": \"active\",\n"
  "    \"eventDescription\": \"device status about online or offline changed\",\n"
  "    \"devIndex\":\"2cd6716d-767f-4756-ac55-50276a5e3b4a\",\n"
  "    \"channelName\": \"Ipdome\",\n"
  "    \"status\":\"online\"\n"
  "  }\n"
  "}";

/* §9.13 sample: "heartBeat " with a space (guide lines 2028-2037) */
static const char guide_9_13_heartbeat[] =
  "{\n"
  "  \"EventNotificationAlert\": {\n"
  "    \"channelID\":\"1\",      \n"
  "    \"dateTime\":\"2017-04-22T15:39:01+08:00\", \n"
  "    \"activePostCount\":2, \n"
  "    \"eventType\":\"heartBeat \", \n"
  "    \"eventState\":\"active\",\n"
  "    \"eventDescription\":\"Heartbeat\"\n"
  "   }\n"
  "}";

/* §9.14 template, comments and empty values and all (guide lines 2042-2107) */
static const char guide_9_14_template[] =
  "{\n"
  "  \"EventNotificationAlert\": {\n"
  "    \"VideoReview\": {\n"
  "/*required, video verification alarm information*/\n"
  "      \"HikCIDParams\": {\n"
  "        \"CIDCode\": \"\",\n"
  "/*optional, string, CID alarm code with 4-bit, the first three bits is the \n"
  "event/alarm code, and the last bit is the alarm status (1-triggered, 3-\n"
  "restored), e.g., \"1103\"-zone alarm triggered, \"3103\"-zone alarm restored, refer \n"
  "to \"Hikvision CID Code\" for details*/\n"
  "        \"CIDDescribe\": \"\",\n"
  "/*optional, string, description of CID code, the maximum description length is \n"
  "127 bytes*/\n"
  "        \"CIDParam\": \"\",\n"
  "/*optional, string, CID parameter, which contains 8 sub parameters, i.e., \n"
  "userType, userNo, zoneNo, keyboardNo, videoChanNo, dskNo, moduleAddr, and \n"
  "userName; each sub parameter should be separated by comma*/\n"
  "        \"CIDType\":  ,\n"
  "/*optional, int, CID alarm type: 1 (zone alarm), 2 (video alarm), 3 (virtual \n"
  "zone alarm), 4 (duress alarm), 5 (exception alarm), 6 (operation alarm)*/\n"
  "        \"UUID\": \"\",\n"
  "/*optional, string, alarm ID*/\n"
  "        \"ZoneNo\":  ,\n"
  "/*optional, int, zone No.*/\n"
  "        \"subSys\":  ,\n"
  "/*optional, int, No. of partition that triggers alarm, which is between 0 and \n"
  "32; 0-zone alarm*/\n"
  "        \"timeZoneIdx\":  ,\n"
  "/*optional, int, time zone index No.: 1 (GMT-12:00), 2 (GMT-11:00), 3 \n"
  "(GMT-10:00), …, 14 (GMT-01:00), 15 (GMT), 16 (GMT+01:00), …, 34 (GMT-13:00), 35 \n"
  "(GMT+14:00)*/\n"
  "        \"triggerTime\": \"\",\n"
  "/*optional, string, CID alarm time, e.g., 2009-10-09 16:59:00*/\n"
  "        \"uploadTime\": \"\",\n"
  "/*optional, string, CID alarm uploaded time, e.g., 2019-10-09 17:55:46*/\n"
  "        \"videoURL\": \"\"\n"
  "/*optional, string, video file URL, you can download video file via the URL by \n"
  "the request URL: http://<ipAddress>[:port][videoURI], e.g., \"/HikGatewayStorage/\n"
  "pic?F14EEF8D4F9A900DF3048E0F920BB7E4Q00162958_CH02_20191009175543.mp4\"*/\n"
  "      },\n"
  "      \"protocolType\": \"\"\n"
  "/*required, string type, protocol type: \"HikCIDProtocol\"*/\n"
  "    },\n"
  "     \"activePostCount\":  ,\n"
  "/*required, int, alarm/event frequency*/\n"
  "    \"channelID\": \"\",\n"
  "/*optional, string, device channel ID*/ \n"
  "    \"channelName\": \"\",\n"
  "/*required, string, camera name*/\n"
  "    \"dateTime\": \"\",\n"
  "/*required, alarm/event triggered or occurred time, it must contain time zone \n"
  "information, e.g., \"2019-10-10T10:55:43+08:00\"*/\n"
  "    \"devIndex\": \"\",\n"
  "/*optional, string, device No.*/\n"
  "    \"deviceID\": \"\",\n"
  "/*optional, string, device ID*/\n"
  "    \"eventDescription\": \"\",\n"
  "/*required, string, event description*/\n"
  "    \"eventState\": \"\",\n"
  "/*required, string, alarm/event status: \"active\"-valid, \"inactive\"-invalid, \n"
  "e.g., when a moving target is detected, the alarm/event information will be \n"
  "uploaded continuously unit the status is set to \"inactive\"*/\n"
  "    \"eventType\": \"\"\n"
  "/*required, string, alarm/event types, here it should be set to \"videoReview\"*/\n"
  "  }\n"
  "} ";


static const char *dev_uuid = "2cd6716d-767f-4756-ac55-50276a5e3b4a";

/* ---- helpers ---- */

static GDateTime *
fixed_received_at (void)
{
  return g_date_time_new_utc (2026, 3, 1, 10, 2, 11.5);
}

static VigilEvent *
parse_ok (const char *text,
          GTimeZone  *panel_tz)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = fixed_received_at ();
  VigilEvent *event = vigil_event_parse (text, strlen (text), panel_tz, received, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  /* The raw text is kept exactly. */
  g_assert_cmpuint (event->raw_len, ==, strlen (text));
  g_assert_cmpmem (event->raw, event->raw_len, text, strlen (text));
  g_assert_nonnull (vigil_event_get_alert (event));
  g_assert_nonnull (event->dedup_key);
  return event;
}

static void
assert_time (GDateTime  *date_time,
             const char *expected)
{
  g_autofree char *text = vigil_event_format_date_time (date_time);

  g_assert_cmpstr (text, ==, expected);
}

static char *
cid_alarm_json (const char *code,
                const char *uuid,
                const char *dev,
                int         zone)
{
  return g_strdup_printf ("{\"EventNotificationAlert\":{\"channelID\":\"1\","
                          "\"dateTime\":\"2026-03-01T10:02:11+01:00\",\"activePostCount\":1,"
                          "\"eventType\":\"CIDAlarm\",\"eventState\":\"active\","
                          "\"eventDescription\":\"CID alarm\",\"devIndex\":\"%s\","
                          "\"channelName\":\"Panel\",\"CIDAlarm\":{\"subSys\":1,\"zoneNo\":%d,"
                          "\"CIDCode\":\"%s\",\"CIDType\":1,\"CIDDescribe\":\"x\","
                          "\"timeZoneIdx\":16,\"triggerTime\":\"2026-03-01 10:02:11\","
                          "\"uploadTime\":\"2026-03-01 10:02:11\","
                          "\"CIDParam\":\"1,3,%d,-1,-1,-1,-1,NONE\",\"UUID\":\"%s\"}}}",
                          dev, zone, code, zone, uuid);
}

static VigilEvent *
parse_cid (const char *code,
           const char *uuid)
{
  g_autofree char *text = cid_alarm_json (code, uuid, dev_uuid, 3);

  return parse_ok (text, NULL);
}

/* ---- the examples ---- */

static void
test_guide_6_1_dev_status (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_6_1_dev_status, NULL);

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_DEV_STATUS_CHANGED);
  g_assert_cmpstr (event->event_type, ==, "devStatusChanged");
  g_assert_cmpstr (event->event_state, ==, "active");
  g_assert_cmpstr (event->event_description, ==, "device status about online or offline changed");
  g_assert_cmpstr (event->dev_index, ==, dev_uuid);
  g_assert_cmpstr (event->channel_id, ==, "1");
  g_assert_cmpstr (event->channel_name, ==, "Device1");
  g_assert_cmpstr (event->status, ==, "online");
  g_assert_cmpint (event->active_post_count, ==, 1);
  assert_time (event->date_time, "2018-01-21T12:50:39+08:00");
  g_assert_false (event->time_zone_assumed);
  g_assert_false (event->has_cid);
  g_assert_cmpint (event->zone, ==, -1);
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_INFO);
  g_assert_false (vigil_event_is_alarm (event));
  /* The trailing comma was repaired, and said so. */
  g_assert_nonnull (event->parse_note);
  g_assert_nonnull (strstr (event->parse_note, "trailing comma"));
  g_assert_true (g_str_has_prefix (event->dedup_key, "content:"));
  g_assert_cmpuint (strlen (event->dedup_key), ==, strlen ("content:") + 64);
}

static void
test_guide_6_1_heartbeat (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_6_1_heartbeat, NULL);

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_HEARTBEAT);
  g_assert_cmpstr (event->event_description, ==, "Heart Beat");
  /* "dataTime" read as dateTime. */
  assert_time (event->date_time, "2018-12-26T19:39:21+08:00");
  g_assert_nonnull (strstr (event->parse_note, "dataTime"));
  g_assert_null (event->dev_index);
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_INFO);
  g_assert_false (vigil_event_is_alarm (event));
}

static void
test_guide_9_11_cid (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_9_11_cid, NULL);

  /* The sample says videoReview yet carries a CIDAlarm: both are honoured. */
  g_assert_cmpint (event->type, ==, VIGIL_EVENT_VIDEO_REVIEW);
  g_assert_cmpstr (event->device_id, ==, "123456");
  g_assert_cmpstr (event->channel_name, ==, "Ipdome");
  g_assert_true (event->has_cid);
  g_assert_cmpstr (event->cid_code, ==, "1103");
  g_assert_cmpuint (event->cid_event, ==, 103);
  g_assert_false (event->cid_restore);
  g_assert_cmpint (event->cid_category, ==, VIGIL_CID_CATEGORY_ALARM);
  g_assert_cmpstr (event->cid_description, ==, "Instant Alarm");
  g_assert_cmpstr (event->cid_describe, ==, "alarm");
  g_assert_cmpint (event->cid_type, ==, 1);
  g_assert_cmpint (event->partition, ==, 0);
  g_assert_cmpint (event->zone, ==, 1);
  g_assert_cmpint (event->time_zone_idx, ==, 0);
  g_assert_cmpstr (event->trigger_time, ==, "2009-02-24 16:59:00");
  g_assert_cmpstr (event->upload_time, ==, "2009-02-24 16:59:00");
  /* "0" is no UUID: the key falls back to the content. */
  g_assert_null (event->cid_uuid);
  g_assert_true (g_str_has_prefix (event->dedup_key, "content:"));

  g_assert_true (event->has_cid_param);
  g_assert_cmpint (event->user_type, ==, 1);
  g_assert_cmpint (event->user_no, ==, 2);
  g_assert_cmpint (event->keyboard_no, ==, 1);
  g_assert_cmpint (event->video_chan_no, ==, 1);
  g_assert_cmpint (event->dsk_no, ==, 1);
  g_assert_cmpint (event->module_addr, ==, 0);
  g_assert_cmpstr (event->user_name, ==, "admin");

  g_assert_null (event->video_url);
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_INTRUSION);
  g_assert_true (vigil_event_is_alarm (event));
  g_assert_null (event->parse_note);
}

static void
test_guide_9_12_dev_status (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_9_12_dev_status, NULL);

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_DEV_STATUS_CHANGED);
  g_assert_cmpstr (event->status, ==, "online");
  g_assert_cmpstr (event->channel_name, ==, "Ipdome");
  assert_time (event->date_time, "2018-01-21T12:50:39+08:00");
  g_assert_null (event->parse_note);
  g_assert_false (vigil_event_is_alarm (event));
}

static void
test_guide_9_13_heartbeat (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_9_13_heartbeat, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_HEARTBEAT);
  g_assert_cmpstr (event->event_type, ==, "heartBeat");
  g_assert_cmpint (event->active_post_count, ==, 2);
  g_assert_cmpstr (event->event_description, ==, "Heartbeat");
  assert_time (event->date_time, "2017-04-22T15:39:01+08:00");
  g_assert_nonnull (strstr (event->parse_note, "trimmed"));
  g_assert_true (g_str_has_prefix (line, "{\"eventType\":\"heartBeat\","));
  /* The alert keeps what was sent. */
  g_assert_nonnull (strstr (line, "\"eventType\":\"heartBeat \""));
}

static void
test_guide_9_14_video_review (void)
{
  /* §9.14 has no sample, only a template: this is that template with its example values. */
  static const char message[] =
    "{\"EventNotificationAlert\": {\n"
    "  \"VideoReview\": {\n"
    "    \"HikCIDParams\": {\n"
    "      \"CIDCode\": \"1130\",\n"
    "      \"CIDDescribe\": \"Burglary\",\n"
    "      \"CIDParam\": \"2,-1,-1,-1,2,-1,-1,NONE\",\n"
    "      \"CIDType\": 2,\n"
    "      \"UUID\": \"F14EEF8D4F9A900DF3048E0F920BB7E4\",\n"
    "      \"ZoneNo\": 4,\n"
    "      \"subSys\": 1,\n"
    "      \"timeZoneIdx\": 23,\n"
    "      \"triggerTime\": \"2009-10-09 16:59:00\",\n"
    "      \"uploadTime\": \"2019-10-09 17:55:46\",\n"
    "      \"videoURL\": \"/HikGatewayStorage/pic?F14EEF8D4F9A900DF3048E0F920BB7E4Q00162958_CH02_20191009175543.mp4\"\n"
    "    },\n"
    "    \"protocolType\": \"HikCIDProtocol\"\n"
    "  },\n"
    "  \"activePostCount\": 1,\n"
    "  \"channelID\": \"2\",\n"
    "  \"channelName\": \"Camera 2\",\n"
    "  \"dateTime\": \"2019-10-10T10:55:43+08:00\",\n"
    "  \"devIndex\": \"2cd6716d-767f-4756-ac55-50276a5e3b4a\",\n"
    "  \"deviceID\": \"123456\",\n"
    "  \"eventDescription\": \"video review\",\n"
    "  \"eventState\": \"active\",\n"
    "  \"eventType\": \"videoReview\"\n"
    "}}";
  g_autoptr(VigilEvent) event = parse_ok (message, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilEvent) template = NULL;

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_VIDEO_REVIEW);
  g_assert_true (event->has_cid);
  g_assert_cmpstr (event->cid_code, ==, "1130");
  g_assert_cmpstr (event->cid_description, ==, "Burglary Alarm");
  g_assert_cmpint (event->zone, ==, 4);          /* "ZoneNo", capital Z */
  g_assert_cmpint (event->partition, ==, 1);
  g_assert_cmpint (event->cid_type, ==, 2);
  g_assert_cmpint (event->time_zone_idx, ==, 23);
  g_assert_cmpstr (event->cid_uuid, ==, "F14EEF8D4F9A900DF3048E0F920BB7E4");
  /* Not the key of the CID alarm with the same UUID: both are kept. */
  g_assert_cmpstr (event->dedup_key, ==,
                   "uuid-video:2cd6716d-767f-4756-ac55-50276a5e3b4a:F14EEF8D4F9A900DF3048E0F920BB7E4");
  g_assert_cmpstr (event->video_url, ==, "/HikGatewayStorage/pic?F14EEF8D4F9A900DF3048E0F920BB7E4"
                   "Q00162958_CH02_20191009175543.mp4");
  g_assert_cmpstr (event->protocol_type, ==, "HikCIDProtocol");
  g_assert_cmpint (event->user_type, ==, 2);
  g_assert_cmpint (event->user_no, ==, -1);
  g_assert_cmpint (event->video_chan_no, ==, 2);
  g_assert_null (event->user_name);             /* "NONE" */
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_INTRUSION);
  g_assert_true (vigil_event_is_alarm (event));

  /* The template itself, empty values and comments: refused or read, never a crash. */
  template = vigil_event_parse (guide_9_14_template, strlen (guide_9_14_template), NULL, NULL,
                                &error);
  if (template == NULL)
    g_assert_error (error, VIGIL_JSON_ERROR, VIGIL_JSON_ERROR_NOT_JSON);
  else
    g_assert_cmpint (template->type, ==, VIGIL_EVENT_UNKNOWN);
}

/* ---- CID details ---- */

static void
test_cid_alarm (void)
{
  g_autoptr(VigilEvent) event = parse_cid ("1110", "A1B2");

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_CID_ALARM);
  g_assert_cmpstr (event->cid_description, ==, "Fire Alarm");
  g_assert_cmpint (event->cid_category, ==, VIGIL_CID_CATEGORY_FIRE);
  g_assert_cmpint (event->partition, ==, 1);
  g_assert_cmpint (event->zone, ==, 3);
  g_assert_cmpint (event->time_zone_idx, ==, 16);
  g_assert_cmpstr (event->cid_uuid, ==, "A1B2");
  g_assert_cmpstr (event->dedup_key, ==, "uuid:2cd6716d-767f-4756-ac55-50276a5e3b4a:A1B2");
  g_assert_cmpint (event->user_type, ==, 1);
  g_assert_cmpint (event->user_no, ==, 3);
  g_assert_null (event->user_name);
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_LIFE_SAFETY);
}

static void
test_cid_unknown_code (void)
{
  g_autoptr(VigilEvent) unknown = parse_cid ("1999", "");
  g_autoptr(VigilEvent) e_form = parse_cid ("E130", "");
  g_autoptr(VigilEvent) broken = parse_cid ("13", "");
  g_autofree char *described = g_strdup_printf ("{\"EventNotificationAlert\":{"
                                                "\"eventType\":\"CIDAlarm\",\"CIDAlarm\":{"
                                                "\"CIDCode\":\"1777\",\"CIDDescribe\":\"Custom\"}}}");
  g_autoptr(VigilEvent) custom = parse_ok (described, NULL);

  /* The device's own description when the table has none, else the number. */
  g_assert_cmpstr (unknown->cid_description, ==, "x");
  g_assert_cmpstr (custom->cid_description, ==, "Custom");
  g_assert_cmpuint (custom->cid_event, ==, 777);
  g_assert_null (unknown->cid_uuid);                 /* "" is no UUID */
  g_assert_true (g_str_has_prefix (unknown->dedup_key, "content:"));
  g_assert_cmpint (unknown->cid_category, ==, VIGIL_CID_CATEGORY_UNKNOWN);
  g_assert_cmpint (unknown->priority, ==, VIGIL_PRIORITY_TROUBLE);
  g_assert_true (vigil_event_is_alarm (unknown));    /* an unknown trigger is not buried */

  g_assert_cmpuint (e_form->cid_event, ==, 130);
  g_assert_false (e_form->cid_restore);
  g_assert_cmpstr (e_form->cid_description, ==, "Burglary Alarm");
  g_assert_nonnull (strstr (e_form->parse_note, "E130"));

  g_assert_cmpstr (broken->cid_code, ==, "13");
  g_assert_cmpuint (broken->cid_event, ==, 0);
  g_assert_nonnull (strstr (broken->parse_note, "unreadable"));
}

static void
test_cid_param (void)
{
  struct {
    const char *param;
    gint user_type, user_no, zone, keyboard, video, dsk, module;
    const char *name;
  } cases[] = {
    { "1,2,1,1,1,1,0,admin", 1, 2, 1, 1, 1, 1, 0, "admin" },
    { "2,-1,-1,-1,-1,-1,-1,NONE", 2, -1, -1, -1, -1, -1, -1, NULL },
    { " 1 , 7 , 9 , 2 , -1 , -1 , 5 , Smith, John ", 1, 7, 9, 2, -1, -1, 5, "Smith, John" },
    { "1,2", 1, 2, -1, -1, -1, -1, -1, NULL },
    { "a,b,c,d,e,f,g,", 0, -1, -1, -1, -1, -1, -1, NULL },
    { "1,2,3,4,5,6,7,none", 1, 2, 3, 4, 5, 6, 7, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *param = g_strescape (cases[i].param, NULL);
      g_autofree char *text = g_strdup_printf ("{\"EventNotificationAlert\":{\"eventType\":"
                                               "\"CIDAlarm\",\"CIDAlarm\":{\"CIDCode\":\"1401\","
                                               "\"CIDParam\":\"%s\"}}}", param);
      g_autoptr(VigilEvent) event = parse_ok (text, NULL);

      g_assert_true (event->has_cid_param);
      g_assert_cmpint (event->user_type, ==, cases[i].user_type);
      g_assert_cmpint (event->user_no, ==, cases[i].user_no);
      /* No zoneNo member: the CIDParam's zone stands in. */
      g_assert_cmpint (event->zone, ==, cases[i].zone);
      g_assert_cmpint (event->keyboard_no, ==, cases[i].keyboard);
      g_assert_cmpint (event->video_chan_no, ==, cases[i].video);
      g_assert_cmpint (event->dsk_no, ==, cases[i].dsk);
      g_assert_cmpint (event->module_addr, ==, cases[i].module);
      g_assert_cmpstr (event->user_name, ==, cases[i].name);
    }
}

/* ---- quirks ---- */

static void
test_values_as_strings (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"activePostCount\":\"7\","
    "\"channelID\":3,\"CIDAlarm\":{\"subSys\":\"2\",\"zoneNo\":\" 12 \",\"CIDCode\":3130,"
    "\"CIDType\":\"1\",\"timeZoneIdx\":true,\"UUID\":42}}}";
  g_autoptr(VigilEvent) event = parse_ok (text, NULL);

  g_assert_cmpint (event->active_post_count, ==, 7);
  g_assert_cmpstr (event->channel_id, ==, "3");
  g_assert_cmpint (event->partition, ==, 2);
  g_assert_cmpint (event->zone, ==, 12);
  g_assert_cmpstr (event->cid_code, ==, "3130");
  g_assert_true (event->cid_restore);
  g_assert_cmpint (event->cid_type, ==, 1);
  g_assert_cmpint (event->time_zone_idx, ==, 1);
  g_assert_cmpstr (event->cid_uuid, ==, "42");
}

static void
test_date_times (void)
{
  struct { const char *text; const char *expected; gboolean assumed; } cases[] = {
    { "2018-01-21T12:50:39+08:00", "2018-01-21T12:50:39+08:00", FALSE },
    { "2018-01-21T12:50:39-4:00", "2018-01-21T12:50:39-04:00", FALSE },
    { "2018-01-21T12:50:39+0800", "2018-01-21T12:50:39+08:00", FALSE },
    { "2018-01-21T12:50:39-0330", "2018-01-21T12:50:39-03:30", FALSE },
    { "2018-01-21T12:50:39+08", "2018-01-21T12:50:39+08:00", FALSE },
    { "2018-01-21T12:50:39Z", "2018-01-21T12:50:39Z", FALSE },
    { "2018-01-21T12:50:39.250+01:00", "2018-01-21T12:50:39.250000+01:00", FALSE },
    { "2018-01-21T12:50:39.1234567Z", "2018-01-21T12:50:39.123456Z", FALSE },
    { " 2018-01-21 12:50:39 +01:00 ", "2018-01-21T12:50:39+01:00", FALSE },
    { "2018-1-2T3:04:05Z", "2018-01-02T03:04:05Z", FALSE },
    { "2018-01-21T12:50Z", "2018-01-21T12:50:00Z", FALSE },
    { "2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999999Z", FALSE },
    { "2018-01-21T12:50:39", "2018-01-21T12:50:39Z", TRUE },
    { "2018-01-21T12:50:39+25:00", NULL, FALSE },
    { "2018-13-21T12:50:39Z", NULL, FALSE },
    { "2018-02-30T12:50:39Z", NULL, FALSE },
    { "2018-01-21T24:50:39Z", NULL, FALSE },
    { "2018-01-21", NULL, FALSE },
    { "2018-01-21T12:50:39+08:00 junk", NULL, FALSE },
    { "yesterday", NULL, FALSE },
    { "", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean assumed = !cases[i].assumed;
      g_autoptr(GDateTime) parsed = vigil_event_parse_date_time (cases[i].text, NULL, &assumed);
      g_autofree char *text = vigil_event_format_date_time (parsed);

      g_assert_cmpstr (text, ==, cases[i].expected);
      if (parsed != NULL)
        g_assert_cmpint (assumed, ==, cases[i].assumed);
    }
  g_assert_null (vigil_event_parse_date_time (NULL, NULL, NULL));
}

static void
test_date_time_without_zone (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"dateTime\":\"2026-03-01 10:02:11\"}}";
  g_autoptr(GTimeZone) panel_tz = g_time_zone_new_offset (2 * 3600);
  g_autoptr(VigilEvent) in_panel_zone = parse_ok (text, panel_tz);
  g_autoptr(VigilEvent) in_utc = parse_ok (text, NULL);

  assert_time (in_panel_zone->date_time, "2026-03-01T10:02:11+02:00");
  g_assert_true (in_panel_zone->time_zone_assumed);
  g_assert_nonnull (strstr (in_panel_zone->parse_note, "no zone"));
  assert_time (in_utc->date_time, "2026-03-01T10:02:11Z");
  g_assert_true (in_utc->time_zone_assumed);
}

static void
test_unreadable_date_time (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"heartBeat\",\"dateTime\":\"soon\"}}";
  g_autoptr(VigilEvent) event = parse_ok (text, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_null (event->date_time);
  g_assert_nonnull (strstr (event->parse_note, "unreadable"));
  g_assert_nonnull (strstr (line, "\"dateTime\":null"));
}

static void
test_event_type_variants (void)
{
  const char *variants[] = { "heartBeat", "heartBeat ", " HEARTBEAT", "Heartbeat", "heartbeat\t" };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *escaped = g_strescape (variants[i], NULL);
      g_autofree char *text = g_strdup_printf ("{\"EventNotificationAlert\":{\"eventType\":\"%s\"}}",
                                               escaped);
      g_autoptr(VigilEvent) event = parse_ok (text, NULL);

      g_assert_cmpint (event->type, ==, VIGIL_EVENT_HEARTBEAT);
    }
}

static void
test_unknown_members_and_types (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"VMD\",\"eventState\":\"active\","
    "\"vendorExtension\":{\"a\":[1,2,{\"b\":null}]},\"targetCount\":3}}";
  g_autoptr(VigilEvent) event = parse_ok (text, NULL);
  JsonObject *alert = json_node_get_object (vigil_event_get_alert (event));
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_cmpint (event->type, ==, VIGIL_EVENT_UNKNOWN);
  g_assert_cmpstr (event->event_type, ==, "VMD");
  g_assert_true (json_object_has_member (alert, "vendorExtension"));
  g_assert_true (json_object_has_member (alert, "targetCount"));
  g_assert_cmpint (event->priority, ==, VIGIL_PRIORITY_ROUTINE);
  g_assert_false (vigil_event_is_alarm (event));
  g_assert_true (g_str_has_prefix (line, "{\"eventType\":\"VMD\","));
  g_assert_nonnull (strstr (line, "\"vendorExtension\":{\"a\":[1,2,{\"b\":null}]}"));
}

static void
test_missing_wrapper_and_inferred_type (void)
{
  static const char bare[] =
    "{\"eventType\":\"devStatusChanged\",\"status\":\"offline\",\"devIndex\":\"abc\"}";
  static const char untyped[] =
    "{\"EventNotificationAlert\":{\"CIDAlarm\":{\"CIDCode\":\"1121\"}}}";
  g_autoptr(VigilEvent) a = parse_ok (bare, NULL);
  g_autoptr(VigilEvent) b = parse_ok (untyped, NULL);

  g_assert_cmpint (a->type, ==, VIGIL_EVENT_DEV_STATUS_CHANGED);
  g_assert_nonnull (strstr (a->parse_note, "wrapper"));
  g_assert_cmpint (a->priority, ==, VIGIL_PRIORITY_TROUBLE);
  g_assert_true (vigil_event_is_alarm (a));

  g_assert_cmpint (b->type, ==, VIGIL_EVENT_CID_ALARM);
  g_assert_null (b->event_type);
  g_assert_cmpstr (b->cid_description, ==, "Duress");
  g_assert_true (vigil_event_is_alarm (b));
}

static void
test_invalid_utf8 (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"CIDAlarm\",\"channelName\":\"Caf\xe9 \xff\","
    "\"CIDAlarm\":{\"CIDCode\":\"1130\",\"CIDParam\":\"1,2,3,4,5,6,7,J\xf6rg\"}}}";
  g_autoptr(VigilEvent) event = parse_ok (text, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_true (g_utf8_validate (event->channel_name, -1, NULL));
  g_assert_nonnull (strstr (event->channel_name, "\xEF\xBF\xBD"));
  g_assert_true (g_utf8_validate (event->user_name, -1, NULL));
  g_assert_true (g_utf8_validate (line, -1, NULL));
  g_assert_nonnull (strstr (event->parse_note, "UTF-8"));
  /* The raw bytes, invalid as they are, were checked by parse_ok. */
}

static void
test_not_an_event (void)
{
  const char *texts[] = {
    "not json at all",
    "",
    "[1,2,3]",
    "\"a string\"",
    "{\"SubscribeDeviceMgmtRsp\":{\"id\":5939}}",
    "{\"EventNotificationAlert\":\"flat\"}",
  };
  int codes[] = {
    VIGIL_JSON_ERROR_NOT_JSON, VIGIL_JSON_ERROR_NOT_JSON, VIGIL_JSON_ERROR_UNEXPECTED,
    VIGIL_JSON_ERROR_UNEXPECTED, VIGIL_JSON_ERROR_UNEXPECTED, VIGIL_JSON_ERROR_UNEXPECTED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      VigilEvent *event = vigil_event_parse (texts[i], strlen (texts[i]), NULL, NULL, &error);

      g_assert_null (event);
      g_assert_error (error, VIGIL_JSON_ERROR, codes[i]);
    }
}

/* Every prefix of every example: an event or an error, never a crash or a warning. */
static void
test_truncations (void)
{
  const char *texts[] = {
    guide_6_1_dev_status, guide_6_1_heartbeat, guide_9_11_cid, guide_9_12_dev_status,
    guide_9_13_heartbeat, guide_9_14_template,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    /* Every prefix of the samples; every fifth of the long template (sanitizer runs are slow). */
    for (gsize len = 0; len <= strlen (texts[i]); len += strlen (texts[i]) > 1000 ? 5 : 1)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(VigilEvent) event = vigil_event_parse (texts[i], len, NULL, NULL, &error);

        g_assert_true ((event == NULL) != (error == NULL));
        if (event != NULL)
          {
            g_autofree char *line = vigil_event_to_json_line (event);

            g_assert_nonnull (line);
            g_assert_cmpmem (event->raw, event->raw_len, texts[i], len);
          }
      }
}

/* ---- keys, priorities ---- */

static void
test_dedup_keys (void)
{
  static const char reordered[] =
    "{ \"EventNotificationAlert\" : { \"status\":\"online\", \"channelName\":\"Device1\", "
    "\"devIndex\":\"2cd6716d-767f-4756-ac55-50276a5e3b4a\", \"eventDescription\":"
    "\"device status about online or offline changed\", \"eventState\":\"active\", "
    "\"eventType\":\"devStatusChanged\", \"activePostCount\":1, "
    "\"dateTime\":\"2018-01-21T12:50:39+08:00\", \"channelID\":\"1\" } }";
  g_autoptr(VigilEvent) a = parse_ok (guide_6_1_dev_status, NULL);
  g_autoptr(VigilEvent) b = parse_ok (guide_6_1_dev_status, NULL);
  g_autoptr(VigilEvent) c = parse_ok (reordered, NULL);
  g_autofree char *count_text = g_strdup (reordered);
  g_autofree char *time_text = g_strdup (reordered);
  g_autoptr(VigilEvent) d = NULL;
  g_autoptr(VigilEvent) e = NULL;
  g_autoptr(VigilEvent) u1 = parse_cid ("1130", "UUID-1");
  g_autoptr(VigilEvent) u2 = parse_cid ("3130", "UUID-1");
  g_autoptr(VigilEvent) u3 = parse_cid ("1130", "UUID-2");
  g_autofree char *other_dev = cid_alarm_json ("1130", "UUID-1", "another-panel", 3);
  g_autoptr(VigilEvent) u4 = parse_ok (other_dev, NULL);
  g_autoptr(VigilEvent) hb1 = parse_ok (guide_9_13_heartbeat, NULL);
  g_autoptr(VigilEvent) hb2 = parse_ok (guide_6_1_heartbeat, NULL);

  /* A replay after a reconnect: same key, however it is laid out. */
  g_assert_cmpstr (a->dedup_key, ==, b->dedup_key);
  g_assert_cmpstr (a->dedup_key, ==, c->dedup_key);

  /* What distinguishes two real events stays in the key. */
  memcpy (strstr (count_text, "\"activePostCount\":1") + 18, "2", 1);
  d = parse_ok (count_text, NULL);
  g_assert_cmpstr (a->dedup_key, !=, d->dedup_key);

  memcpy (strstr (time_text, "12:50:39"), "12:50:40", 8);
  e = parse_ok (time_text, NULL);
  g_assert_cmpstr (a->dedup_key, !=, e->dedup_key);

  /* With a UUID, the UUID and the panel decide. */
  g_assert_cmpstr (u1->dedup_key, ==, "uuid:2cd6716d-767f-4756-ac55-50276a5e3b4a:UUID-1");
  g_assert_cmpstr (u1->dedup_key, ==, u2->dedup_key);
  g_assert_cmpstr (u1->dedup_key, !=, u3->dedup_key);
  g_assert_cmpstr (u1->dedup_key, !=, u4->dedup_key);

  g_assert_cmpstr (hb1->dedup_key, !=, hb2->dedup_key);
}

static void
test_priorities (void)
{
  struct { const char *code; VigilPriority priority; gboolean alarm; } cases[] = {
    { "1110", VIGIL_PRIORITY_LIFE_SAFETY, TRUE },   /* fire */
    { "1151", VIGIL_PRIORITY_LIFE_SAFETY, TRUE },   /* gas */
    { "1100", VIGIL_PRIORITY_LIFE_SAFETY, TRUE },   /* medical */
    { "1121", VIGIL_PRIORITY_LIFE_SAFETY, TRUE },   /* duress */
    { "1129", VIGIL_PRIORITY_LIFE_SAFETY, TRUE },   /* panic */
    { "3110", VIGIL_PRIORITY_INTRUSION, FALSE },    /* a restore: one level down */
    { "1130", VIGIL_PRIORITY_INTRUSION, TRUE },
    { "1131", VIGIL_PRIORITY_INTRUSION, TRUE },
    { "1812", VIGIL_PRIORITY_INTRUSION, TRUE },
    { "3130", VIGIL_PRIORITY_TROUBLE, FALSE },
    { "1137", VIGIL_PRIORITY_TROUBLE, TRUE },
    { "1301", VIGIL_PRIORITY_TROUBLE, TRUE },
    { "1914", VIGIL_PRIORITY_TROUBLE, TRUE },
    { "3137", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "1401", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "1570", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "1601", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "1443", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "1627", VIGIL_PRIORITY_ROUTINE, FALSE },
    { "3401", VIGIL_PRIORITY_INFO, FALSE },
    { "3602", VIGIL_PRIORITY_INFO, FALSE },
    { "1940", VIGIL_PRIORITY_TROUBLE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilEvent) event = parse_cid (cases[i].code, "");

      g_assert_cmpint (event->priority, ==, cases[i].priority);
      g_assert_cmpint (vigil_event_is_alarm (event), ==, cases[i].alarm);
    }
}

static void
test_priority_of_other_types (void)
{
  static const char offline[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"devStatusChanged\",\"status\":\"OFFLINE\"}}";
  static const char video_restore[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"videoReview\",\"VideoReview\":{"
    "\"HikCIDParams\":{\"CIDCode\":\"3130\"}}}}";
  static const char video_fire[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"videoReview\",\"VideoReview\":{"
    "\"HikCIDParams\":{\"CIDCode\":\"1110\"}}}}";
  g_autoptr(VigilEvent) a = parse_ok (offline, NULL);
  g_autoptr(VigilEvent) b = parse_ok (video_restore, NULL);
  g_autoptr(VigilEvent) c = parse_ok (video_fire, NULL);
  g_autoptr(VigilEvent) hb = parse_ok (guide_9_13_heartbeat, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(VigilEvent) lost = vigil_event_new_link_lost (now);
  g_autoptr(VigilEvent) error = vigil_event_new_stream_error ("part of 2000000 bytes exceeds the limit",
                                                              "{\"x\"", 4);

  g_assert_cmpint (a->priority, ==, VIGIL_PRIORITY_TROUBLE);
  g_assert_true (vigil_event_is_alarm (a));
  g_assert_cmpint (b->priority, ==, VIGIL_PRIORITY_TROUBLE);
  g_assert_false (vigil_event_is_alarm (b));
  g_assert_cmpint (c->priority, ==, VIGIL_PRIORITY_LIFE_SAFETY);
  g_assert_true (vigil_event_is_alarm (c));
  g_assert_cmpint (hb->priority, ==, VIGIL_PRIORITY_INFO);
  g_assert_cmpint (lost->priority, ==, VIGIL_PRIORITY_INFO);
  g_assert_false (vigil_event_is_alarm (lost));
  g_assert_cmpint (error->priority, ==, VIGIL_PRIORITY_TROUBLE);
  g_assert_false (vigil_event_is_alarm (error));

  /* The order an operator sees. */
  g_assert_cmpint (c->priority, <, a->priority);
  g_assert_cmpint (a->priority, <, hb->priority);
}

static void
test_restore_key (void)
{
  g_autoptr(VigilEvent) trigger = parse_cid ("1130", "u1");
  g_autoptr(VigilEvent) restore = parse_cid ("3130", "u2");
  g_autofree char *other_zone_text = cid_alarm_json ("3130", "u3", dev_uuid, 4);
  g_autoptr(VigilEvent) other_zone = parse_ok (other_zone_text, NULL);
  g_autoptr(VigilEvent) hb = parse_ok (guide_6_1_heartbeat, NULL);
  g_autofree char *k1 = vigil_event_dup_restore_key (trigger);
  g_autofree char *k2 = vigil_event_dup_restore_key (restore);
  g_autofree char *k3 = vigil_event_dup_restore_key (other_zone);

  g_assert_cmpstr (k1, ==, "2cd6716d-767f-4756-ac55-50276a5e3b4a:3:130");
  g_assert_cmpstr (k1, ==, k2);
  g_assert_cmpstr (k1, !=, k3);
  g_assert_null (vigil_event_dup_restore_key (hb));
}

/* ---- the JSON line ---- */

static GStrv
member_names (JsonObject *object)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autoptr(GList) members = json_object_get_members (object);
  GStrv result;

  /* json-glib keeps members in the order they were added. */
  for (GList *l = members; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static JsonObject *
parse_line (const char *line,
            JsonNode  **root_out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (strchr (line, '\n'));
  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  *root_out = json_node_ref (json_parser_get_root (parser));
  return json_node_get_object (*root_out);
}

static void
test_json_line (void)
{
  const char *expected_members[] = {
    "eventType", "dateTime", "devIndex", "eventState", "priority", "cid", "videoURL",
    "receivedAt", "alert", NULL,
  };
  const char *expected_cid[] = {
    "code", "event", "restore", "description", "partition", "zone", "uuid", NULL,
  };
  g_autoptr(VigilEvent) event = parse_ok (guide_9_11_cid, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_line (line, &root);
  JsonObject *cid = json_object_get_object_member (object, "cid");
  JsonObject *alert = json_object_get_object_member (object, "alert");
  g_auto(GStrv) names = member_names (object);
  g_auto(GStrv) cid_names = member_names (cid);

  g_assert_cmpstrv (names, expected_members);
  g_assert_cmpstrv (cid_names, expected_cid);
  g_assert_cmpstr (json_object_get_string_member (object, "eventType"), ==, "videoReview");
  g_assert_cmpstr (json_object_get_string_member (object, "dateTime"), ==,
                   "2018-01-21T12:50:39+08:00");
  g_assert_cmpstr (json_object_get_string_member (object, "devIndex"), ==, dev_uuid);
  g_assert_cmpstr (json_object_get_string_member (object, "eventState"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (object, "priority"), ==, 2);
  g_assert_true (json_object_get_null_member (object, "videoURL"));
  g_assert_cmpstr (json_object_get_string_member (object, "receivedAt"), ==,
                   "2026-03-01T10:02:11.500000Z");

  g_assert_cmpstr (json_object_get_string_member (cid, "code"), ==, "1103");
  g_assert_cmpint (json_object_get_int_member (cid, "event"), ==, 103);
  g_assert_false (json_object_get_boolean_member (cid, "restore"));
  g_assert_cmpstr (json_object_get_string_member (cid, "description"), ==, "Instant Alarm");
  g_assert_cmpint (json_object_get_int_member (cid, "partition"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (cid, "zone"), ==, 1);
  g_assert_true (json_object_get_null_member (cid, "uuid"));

  /* The original object, whole. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (alert, "CIDAlarm"),
                                                  "CIDParam"), ==, "1,2,1,1,1,1,0,admin");
  g_assert_cmpuint (json_object_get_size (alert), ==, 10);
}

static void
test_json_line_heartbeat (void)
{
  g_autoptr(VigilEvent) event = parse_ok (guide_6_1_heartbeat, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_true (g_str_has_prefix (line, "{\"eventType\":\"heartBeat\","
                                   "\"dateTime\":\"2018-12-26T19:39:21+08:00\","
                                   "\"devIndex\":null,\"eventState\":\"active\",\"priority\":5,"
                                   "\"cid\":null,\"videoURL\":null,"
                                   "\"receivedAt\":\"2026-03-01T10:02:11.500000Z\","
                                   "\"alert\":{\"dataTime\":\"2018-12-26T19:39:21+08:00\","));
}

static void
test_json_line_video_url (void)
{
  static const char text[] =
    "{\"EventNotificationAlert\":{\"eventType\":\"videoReview\",\"VideoReview\":{"
    "\"HikCIDParams\":{\"CIDCode\":\"1130\",\"videoURL\":\"/HikGatewayStorage/pic?a.mp4\"},"
    "\"protocolType\":\"HikCIDProtocol\"}}}";
  g_autoptr(VigilEvent) event = parse_ok (text, NULL);
  g_autofree char *line = vigil_event_to_json_line (event);

  g_assert_nonnull (strstr (line, "\"videoURL\":\"/HikGatewayStorage/pic?a.mp4\",\"receivedAt\""));
  g_assert_nonnull (strstr (line, "\"zone\":null"));
}

static void
test_notes (void)
{
  g_autoptr(GDateTime) since = g_date_time_new_utc (2026, 3, 1, 10, 2, 11);
  g_autoptr(GDateTime) back = g_date_time_new_utc (2026, 3, 1, 10, 2, 40);
  g_autoptr(VigilEvent) lost = vigil_event_new_link_lost (since);
  g_autoptr(VigilEvent) lost_again = vigil_event_new_link_lost (since);
  g_autoptr(VigilEvent) restored = vigil_event_new_link_restored (since, back);
  g_autoptr(VigilEvent) error = vigil_event_new_stream_error ("part of 2000000 bytes exceeds the limit",
                                                              "{\"trunc", 7);
  g_autoptr(VigilEvent) error2 = vigil_event_new_stream_error ("not JSON", NULL, 0);
  g_autofree char *lost_line = vigil_event_to_json_line (lost);
  g_autofree char *restored_line = vigil_event_to_json_line (restored);
  g_autofree char *error_line = vigil_event_to_json_line (error);

  g_assert_cmpstr (lost_line, ==, "{\"eventType\":\"linkLost\",\"since\":\"2026-03-01T10:02:11Z\"}");
  g_assert_cmpstr (restored_line, ==, "{\"eventType\":\"linkRestored\","
                   "\"gapStart\":\"2026-03-01T10:02:11Z\",\"gapEnd\":\"2026-03-01T10:02:40Z\"}");
  g_assert_cmpstr (error_line, ==, "{\"eventType\":\"streamError\","
                   "\"message\":\"part of 2000000 bytes exceeds the limit\"}");

  g_assert_cmpint (lost->type, ==, VIGIL_EVENT_LINK_LOST);
  g_assert_cmpstr (lost->event_type, ==, "linkLost");
  g_assert_cmpstr (lost->raw, ==, lost_line);
  g_assert_cmpstr (lost->dedup_key, ==, lost_again->dedup_key);
  g_assert_cmpstr (lost->dedup_key, !=, restored->dedup_key);
  g_assert_true (restored->gap_end == back);
  g_assert_cmpmem (error->raw, error->raw_len, "{\"trunc", 7);
  g_assert_cmpstr (error2->raw, ==, "{\"eventType\":\"streamError\",\"message\":\"not JSON\"}");
  g_assert_cmpstr (error->dedup_key, !=, error2->dedup_key);
  g_assert_cmpstr (vigil_event_type_to_string (VIGIL_EVENT_STREAM_ERROR), ==, "streamError");
}

static void
test_boxed (void)
{
  VigilEvent *event = parse_ok (guide_9_12_dev_status, NULL);
  VigilEvent *copy;

  g_assert_true (G_TYPE_IS_BOXED (VIGIL_TYPE_EVENT));
  copy = g_boxed_copy (VIGIL_TYPE_EVENT, event);
  g_assert_true (copy == event);
  g_assert_cmpint (event->ref_count, ==, 2);
  g_boxed_free (VIGIL_TYPE_EVENT, copy);
  g_assert_cmpint (event->ref_count, ==, 1);
  vigil_event_unref (event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/guide/6.1-dev-status", test_guide_6_1_dev_status);
  g_test_add_func ("/event/guide/6.1-heartbeat", test_guide_6_1_heartbeat);
  g_test_add_func ("/event/guide/9.11-cid", test_guide_9_11_cid);
  g_test_add_func ("/event/guide/9.12-dev-status", test_guide_9_12_dev_status);
  g_test_add_func ("/event/guide/9.13-heartbeat", test_guide_9_13_heartbeat);
  g_test_add_func ("/event/guide/9.14-video-review", test_guide_9_14_video_review);
  g_test_add_func ("/event/cid/alarm", test_cid_alarm);
  g_test_add_func ("/event/cid/unknown-code", test_cid_unknown_code);
  g_test_add_func ("/event/cid/param", test_cid_param);
  g_test_add_func ("/event/quirks/values-as-strings", test_values_as_strings);
  g_test_add_func ("/event/quirks/date-times", test_date_times);
  g_test_add_func ("/event/quirks/date-time-without-zone", test_date_time_without_zone);
  g_test_add_func ("/event/quirks/unreadable-date-time", test_unreadable_date_time);
  g_test_add_func ("/event/quirks/event-type-variants", test_event_type_variants);
  g_test_add_func ("/event/quirks/unknown-members-and-types", test_unknown_members_and_types);
  g_test_add_func ("/event/quirks/missing-wrapper", test_missing_wrapper_and_inferred_type);
  g_test_add_func ("/event/quirks/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/event/not-an-event", test_not_an_event);
  g_test_add_func ("/event/truncations", test_truncations);
  g_test_add_func ("/event/dedup-keys", test_dedup_keys);
  g_test_add_func ("/event/priorities", test_priorities);
  g_test_add_func ("/event/priority-of-other-types", test_priority_of_other_types);
  g_test_add_func ("/event/restore-key", test_restore_key);
  g_test_add_func ("/event/json-line", test_json_line);
  g_test_add_func ("/event/json-line/heartbeat", test_json_line_heartbeat);
  g_test_add_func ("/event/json-line/video-url", test_json_line_video_url);
  g_test_add_func ("/event/notes", test_notes);
  g_test_add_func ("/event/boxed", test_boxed);

  return g_test_run ();
}
