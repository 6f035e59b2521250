/* vigil-event.h — one event from the gateway's stream, decoded
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "vigil-cid.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_EVENT_UNKNOWN = 0,          /* an eventType we do not know: kept raw */
  VIGIL_EVENT_HEARTBEAT,            /* "heartBeat" (also "heartBeat " and case variants) */
  VIGIL_EVENT_DEV_STATUS_CHANGED,   /* §9.12 */
  VIGIL_EVENT_CID_ALARM,            /* §9.11 */
  VIGIL_EVENT_VIDEO_REVIEW,         /* §9.14 */
  VIGIL_EVENT_LINK_LOST,            /* made by Vigil: the stream went quiet or broke */
  VIGIL_EVENT_LINK_RESTORED,        /* made by Vigil: the stream is back; carries the gap */
  VIGIL_EVENT_STREAM_ERROR,         /* made by Vigil: a part that could not be used (too big, not JSON) */
} VigilEventType;

/* Lower is more urgent. Derived from the CID category (see vigil-cid.h). */
typedef enum
{
  VIGIL_PRIORITY_LIFE_SAFETY = 1,   /* fire, gas, duress, panic, medical */
  VIGIL_PRIORITY_INTRUSION   = 2,   /* burglary, perimeter, interior, 24h */
  VIGIL_PRIORITY_TROUBLE     = 3,   /* tamper, faults, power, device offline */
  VIGIL_PRIORITY_ROUTINE     = 4,   /* arming, disarming, bypass, tests, outputs */
  VIGIL_PRIORITY_INFO        = 5,   /* heartbeats, restores of routine things, link notes */
} VigilPriority;

typedef struct _VigilEvent VigilEvent;

/* Immutable once built; shared by reference between the stream, the store and the models. */
struct _VigilEvent
{
  /*< private >*/
  gint ref_count;

  /*< public, read only >*/
  VigilEventType type;
  char *event_type;          /* as received, trimmed: "CIDAlarm", "heartBeat", … */
  char *event_state;         /* "active" / "inactive" */
  char *event_description;
  char *dev_index;           /* uuid of the panel, or NULL (gateway-wide) */
  char *device_id;
  char *channel_id;
  char *channel_name;
  char *status;              /* devStatusChanged: "online" / "offline" */
  gint64 active_post_count;

  GDateTime *date_time;      /* the panel's time; NULL when absent or unreadable */
  char *date_time_text;      /* dateTime (or dataTime) as sent, for the store; NULL if absent */
  gboolean time_zone_assumed;/* dateTime had no zone: it was read in the panel's zone */
  GDateTime *received_at;    /* when Vigil read the part (UTC) */

  /* CID (CIDAlarm.* or VideoReview.HikCIDParams.*); has_cid says whether any was present */
  gboolean has_cid;
  char *cid_code;            /* "1130" as sent */
  guint cid_event;           /* 130 */
  gboolean cid_restore;      /* code starts with 3 */
  VigilCidCategory cid_category;
  char *cid_description;     /* from the A.3 table, else the device's CIDDescribe */
  char *cid_describe;        /* CIDDescribe as sent by the device */
  gint cid_type;             /* CIDType, 0 when absent */
  gint partition;            /* subSys; 0 = zone alarm / none */
  gint zone;                 /* zoneNo (ZoneNo in VideoReview); -1 when absent */
  char *cid_uuid;            /* UUID; NULL when absent, empty or "0" */
  char *trigger_time;        /* as sent, "2009-02-24 16:59:00" */
  char *upload_time;
  gint time_zone_idx;

  /* CIDParam: userType,userNo,zoneNo,keyboardNo,videoChanNo,dskNo,moduleAddr,userName */
  gboolean has_cid_param;
  gint user_type;            /* 1 keypad user, 2 network user, else invalid */
  gint user_no;              /* -1 invalid */
  gint keyboard_no;
  gint video_chan_no;
  gint dsk_no;
  gint module_addr;
  char *user_name;           /* NULL for "NONE" or empty */

  char *video_url;           /* VideoReview.HikCIDParams.videoURL, as sent */
  char *protocol_type;       /* VideoReview.protocolType ("HikCIDProtocol"), or NULL */

  VigilPriority priority;

  /* Link notes (LINK_LOST / LINK_RESTORED): the gap */
  GDateTime *gap_start;
  GDateTime *gap_end;

  char *dedup_key;           /* "uuid:<dev>:<UUID>", "uuid-video:<dev>:<UUID>" or
                              * "content:<sha256>" (the stream adds "#<n>" to the n-th repeat on
                              * one connection): stored exactly once */
  char *raw;                 /* the part's text exactly as received (or Vigil's own note);
                              * NUL-terminated, but may hold NULs and invalid UTF-8: see raw_len */
  gsize raw_len;
  char *parse_note;          /* what was repaired or assumed, for the log; NULL if clean */

  /*< private >*/
  /* The parsed EventNotificationAlert object: read it with vigil_event_get_alert(). Most events
   * are decoded straight off their bytes and never need the tree, so it is built from @raw the
   * first time it is asked for. */
  JsonNode *lazy_alert;
  gboolean alert_from_raw;
};

GType        vigil_event_get_type (void) G_GNUC_CONST;
#define VIGIL_TYPE_EVENT (vigil_event_get_type ())

VigilEvent  *vigil_event_ref   (VigilEvent *event);
void         vigil_event_unref (VigilEvent *event);

/* Decodes one part's body. Never fails for JSON that parses (after repair): unknown types become
 * VIGIL_EVENT_UNKNOWN with the raw text kept. Returns NULL with @error only when the text is not
 * JSON at all, or is not an EventNotificationAlert. @panel_tz (nullable) is the zone in which a
 * dateTime without a zone is read; NULL means UTC. @received_at (nullable) defaults to now. */
VigilEvent  *vigil_event_parse (const char  *data,
                                gsize        len,
                                GTimeZone   *panel_tz,
                                GDateTime   *received_at,
                                GError     **error);

/* The EventNotificationAlert object as received (repaired, sealed: it may be shared between
 * threads), NULL for Vigil's own notes. Built on first use for a decoded event; safe to call
 * from any thread. */
JsonNode    *vigil_event_get_alert (const VigilEvent *event);

/* Vigil's own notes in the event history. */
VigilEvent  *vigil_event_new_link_lost     (GDateTime *since);
VigilEvent  *vigil_event_new_link_restored (GDateTime *gap_start, GDateTime *gap_end);
VigilEvent  *vigil_event_new_stream_error  (const char *message, const char *raw, gsize raw_len);

/* The one-line JSON of `vigilctl events --json` (see issue 3). */
JsonNode    *vigil_event_to_json      (const VigilEvent *event);
char        *vigil_event_to_json_line (const VigilEvent *event);

const char  *vigil_event_type_to_string (VigilEventType type);
gboolean     vigil_event_is_alarm       (const VigilEvent *event);  /* goes on the alarm queue */
/* What happened, in the words an operator reads (English; translated where shown): the CID
 * description, "Panel online"/"Panel offline", the gateway's own text, or the event type. */
const char  *vigil_event_get_summary    (const VigilEvent *event);

/* What links a restore to the alarm it restores: the same key for a CID trigger and its
 * restore ("<devIndex>:<zone>:<event>"); NULL for an event without a CID code. */
char        *vigil_event_dup_restore_key (const VigilEvent *event);

/* The gateway's dateTime forms: "2018-01-21T12:50:39+08:00", "-4:00", "+0800", "Z", fractional
 * seconds, a space for the T. Without a zone the time is read in @default_tz (NULL: UTC) and
 * *zone_assumed (nullable) is set. NULL when unreadable. */
GDateTime   *vigil_event_parse_date_time (const char *text,
                                          GTimeZone  *default_tz,
                                          gboolean   *zone_assumed);

/* ISO 8601 with its offset ("2018-01-21T12:50:39+08:00", "Z" for UTC), as in the JSON lines. */
char        *vigil_event_format_date_time (GDateTime *date_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilEvent, vigil_event_unref)

G_END_DECLS
