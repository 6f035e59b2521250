/* vigil-sim-panel.h — one simulated security control panel (DS-PWA32-HS over ISUP 5.0)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vigil-sim-net.h"
#include "vigil-sim-types.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SIM_PANEL (vigil_sim_panel_get_type ())

G_DECLARE_FINAL_TYPE (VigilSimPanel, vigil_sim_panel, VIGIL, SIM_PANEL, GObject)

/**
 * VigilSimActor:
 * @user_type: CIDParam userType: 1 keypad user, 2 network user, 0 nobody (a detector)
 * @user_no: user number, -1 when none
 * @keyboard_no: keypad number, -1 when none
 * @name: user name (at most 31 bytes are kept), %NULL for "NONE"
 *
 * Who caused a change; becomes the user fields of the CID event's CIDParam.
 */
typedef struct
{
  int         user_type;
  int         user_no;
  int         keyboard_no;
  const char *name;
} VigilSimActor;

/**
 * VigilSimCidEvent:
 *
 * One Contact ID event as the panel reports it (guide §9.11, codes from A.3).
 */
typedef struct
{
  guint  code;            /* four digits: 1130 trigger, 3130 restore */
  guint  cid_type;        /* 1 zone, 2 video, 3 virtual zone, 4 duress, 5 exception, 6 operation */
  guint  partition;       /* subSys, 0 for the panel itself */
  guint  zone;            /* 0 when no zone is concerned */
  int    user_type;
  int    user_no;
  int    keyboard_no;
  int    video_channel;   /* -1 when no camera is linked */
  int    module_addr;
  char   user_name[32];
  char   uuid[37];
  gint64 time;            /* seconds since the epoch, by the panel's clock */
} VigilSimCidEvent;

/* Creation: the gateway makes the panels; everything else derives from @seed. */
VigilSimPanel  *vigil_sim_panel_new                (guint64     seed,
                                                    guint       index,
                                                    const char *ehome_id,
                                                    const char *ehome_key,
                                                    const char *protocol_type,
                                                    const char *name);

/* Identity and settings */
const char     *vigil_sim_panel_get_dev_index      (VigilSimPanel *self);
const char     *vigil_sim_panel_get_ehome_id       (VigilSimPanel *self);
const char     *vigil_sim_panel_get_protocol_type  (VigilSimPanel *self);
const char     *vigil_sim_panel_get_name           (VigilSimPanel *self);
void            vigil_sim_panel_set_name           (VigilSimPanel *self,
                                                    const char    *name);
const char     *vigil_sim_panel_get_description    (VigilSimPanel *self);
void            vigil_sim_panel_set_description    (VigilSimPanel *self,
                                                    const char    *description);
const char     *vigil_sim_panel_get_model          (VigilSimPanel *self);
gboolean        vigil_sim_panel_get_visual_verification (VigilSimPanel *self);
void            vigil_sim_panel_set_visual_verification (VigilSimPanel *self,
                                                         gboolean       enabled);
void            vigil_sim_panel_set_heartbeat      (VigilSimPanel *self,
                                                    guint          interval,
                                                    guint          exceeded_count);
gboolean        vigil_sim_panel_get_online         (VigilSimPanel *self);
void            vigil_sim_panel_set_online         (VigilSimPanel *self,
                                                    gboolean       online);

/* Reboot: offline now, online again after @offline_ms with a 1305 "Control Panel Reset". */
void            vigil_sim_panel_reboot             (VigilSimPanel *self,
                                                    guint          offline_ms);

/* Clock and zone */
GDateTime      *vigil_sim_panel_dup_now            (VigilSimPanel *self);
GDateTime      *vigil_sim_panel_dup_local_time     (VigilSimPanel *self,
                                                    gint64         unix_time);
void            vigil_sim_panel_set_local_time     (VigilSimPanel *self,
                                                    GDateTime     *time);
const char     *vigil_sim_panel_get_time_zone      (VigilSimPanel *self);
gboolean        vigil_sim_panel_set_time_zone      (VigilSimPanel  *self,
                                                    const char     *posix_tz,
                                                    GError        **error);
int             vigil_sim_panel_get_utc_offset     (VigilSimPanel *self);  /* standard, seconds east */

/* Sizes */
guint           vigil_sim_panel_get_n_partitions   (VigilSimPanel *self);
guint           vigil_sim_panel_get_n_zones        (VigilSimPanel *self);
guint           vigil_sim_panel_get_n_relays       (VigilSimPanel *self);
guint           vigil_sim_panel_get_n_cameras      (VigilSimPanel *self);

/* Partition and zone state; partitions and zones count from 1. */
VigilSimArming  vigil_sim_panel_get_partition_arming (VigilSimPanel *self,
                                                      guint          partition);
gboolean        vigil_sim_panel_get_partition_alarm  (VigilSimPanel *self,
                                                      guint          partition);
const char     *vigil_sim_panel_get_zone_name      (VigilSimPanel *self,
                                                    guint          zone);
VigilSimZoneKind vigil_sim_panel_get_zone_kind     (VigilSimPanel *self,
                                                    guint          zone);
guint           vigil_sim_panel_get_zone_partition (VigilSimPanel *self,
                                                    guint          zone);
gboolean        vigil_sim_panel_get_zone_open      (VigilSimPanel *self,
                                                    guint          zone);
gboolean        vigil_sim_panel_get_zone_bypassed  (VigilSimPanel *self,
                                                    guint          zone);
gboolean        vigil_sim_panel_get_zone_alarm     (VigilSimPanel *self,
                                                    guint          zone);
gboolean        vigil_sim_panel_get_zone_armed     (VigilSimPanel *self,
                                                    guint          zone);
guint           vigil_sim_panel_get_zone_camera    (VigilSimPanel *self,
                                                    guint          zone);
/* The first zone of @kind in @partition (0 = any partition); 0 when there is none. */
guint           vigil_sim_panel_find_zone          (VigilSimPanel    *self,
                                                    VigilSimZoneKind  kind,
                                                    guint             partition);
gboolean        vigil_sim_panel_get_relay_on       (VigilSimPanel *self,
                                                    guint          relay);

/* What happens on site (tests, demo activity) */
void            vigil_sim_panel_set_zone_open      (VigilSimPanel *self,
                                                    guint          zone,
                                                    gboolean       open);
void            vigil_sim_panel_set_zone_tamper    (VigilSimPanel *self,
                                                    guint          zone,
                                                    gboolean       tampered);
void            vigil_sim_panel_set_zone_low_battery (VigilSimPanel *self,
                                                      guint          zone,
                                                      gboolean       low);
void            vigil_sim_panel_set_panel_tamper   (VigilSimPanel *self,
                                                    gboolean       tampered);
void            vigil_sim_panel_set_ac_loss        (VigilSimPanel *self,
                                                    gboolean       lost);
void            vigil_sim_panel_set_battery_low    (VigilSimPanel *self,
                                                    gboolean       low);

/* Commands (from ISAPI or a keypad). Errors are in VIGIL_SIM_STATUS_ERROR. */
gboolean        vigil_sim_panel_arm                (VigilSimPanel        *self,
                                                    guint                 partition,
                                                    VigilSimArming        mode,
                                                    const VigilSimActor  *actor,
                                                    GError              **error);
gboolean        vigil_sim_panel_clear_alarm        (VigilSimPanel        *self,
                                                    guint                 partition,
                                                    const VigilSimActor  *actor,
                                                    GError              **error);
gboolean        vigil_sim_panel_bypass             (VigilSimPanel        *self,
                                                    const guint          *zones,
                                                    guint                 n_zones,
                                                    gboolean              bypass,
                                                    const VigilSimActor  *actor,
                                                    GError              **error);
gboolean        vigil_sim_panel_set_relay          (VigilSimPanel  *self,
                                                    guint           relay,
                                                    gboolean        on,
                                                    GError        **error);
gboolean        vigil_sim_panel_trigger_io_output  (VigilSimPanel  *self,
                                                    guint           output,
                                                    gboolean        high,
                                                    GError        **error);

/* Network interfaces ("1" wired, "2" Wi-Fi); NULL for an unknown id. */
guint              vigil_sim_panel_get_n_interfaces (VigilSimPanel *self);
VigilSimIpConfig  *vigil_sim_panel_get_interface    (VigilSimPanel *self,
                                                     guint          index);
VigilSimIpConfig  *vigil_sim_panel_lookup_interface (VigilSimPanel *self,
                                                     const char    *id);

/* The CID events recorded so far: the total, and the last few (0 = the newest). */
guint64                  vigil_sim_panel_get_n_events (VigilSimPanel *self);
const VigilSimCidEvent  *vigil_sim_panel_get_event    (VigilSimPanel *self,
                                                       guint          age);
/* Fills the UUID and time of @event from the panel and emits it like its own events. */
void                     vigil_sim_panel_raise        (VigilSimPanel    *self,
                                                       VigilSimCidEvent *event);

/* The gateway's JSON (guide chapter 9). Each adds members to an object being built. */
void            vigil_sim_panel_build_device_info  (VigilSimPanel *self,
                                                    JsonBuilder   *builder,
                                                    gboolean       with_dev_index);
void            vigil_sim_panel_build_search_match (VigilSimPanel *self,
                                                    JsonBuilder   *builder);
void            vigil_sim_panel_build_sub_systems  (VigilSimPanel *self,
                                                    JsonBuilder   *builder);
void            vigil_sim_panel_build_zones        (VigilSimPanel *self,
                                                    JsonBuilder   *builder);
void            vigil_sim_panel_build_ex_dev_status (VigilSimPanel *self,
                                                     JsonBuilder   *builder);
void            vigil_sim_panel_build_io_ports     (VigilSimPanel *self,
                                                    JsonBuilder   *builder);
void            vigil_sim_panel_build_channel_info (VigilSimPanel *self,
                                                    JsonBuilder   *builder);
const char     *vigil_sim_panel_get_camera_name    (VigilSimPanel *self,
                                                    guint          channel);

/* Search filters of deviceList (guide §9.25); NULL means no condition. */
gboolean        vigil_sim_panel_matches            (VigilSimPanel *self,
                                                    const char    *key,
                                                    const char    *dev_type,
                                                    const char    *protocol_type,
                                                    const char    *dev_status,
                                                    int            visual_verification);

/* A short text for CIDDescribe (A.3), never NULL. */
const char     *vigil_sim_cid_describe             (guint code);

G_END_DECLS
