/* vigil-sim-panel-private.h — the panel's state, shared by its behaviour and its JSON
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-sim-panel.h"

G_BEGIN_DECLS

#define VIGIL_SIM_PANEL_EVENT_LOG 16   /* events kept for introspection */
#define VIGIL_SIM_PANEL_BACKLOG   64   /* events kept while offline, sent when back */

/* Kept small: a thousand panels of 32 zones must fit in a few megabytes. Names point into
 * static tables. */
typedef struct
{
  const char *name;
  guint8      kind;        /* VigilSimZoneKind */
  guint8      partition;
  guint8      camera;      /* linked video channel, 0 = none */
  guint       open : 1;
  guint       bypassed : 1;
  guint       alarm : 1;          /* alarm memory, until clearAlarm */
  guint       alarm_active : 1;   /* a trigger waiting for its restore */
  guint       tamper : 1;
  guint       low_battery : 1;
} SimZone;

typedef struct
{
  guint8   arming;         /* VigilSimArming */
  gboolean alarm;
} SimPartition;

typedef struct
{
  const char *name;
  gboolean    on;
  gboolean    manual;      /* last switched by hand: linkage "manualCtrl" */
} SimRelay;

/* Sirens, repeaters and output modules. */
typedef struct
{
  const char *name;
  char        seq[12];
} SimPeripheral;

struct _VigilSimPanel
{
  GObject           parent_instance;

  GMainContext     *context;
  guint64           rng;
  guint             index;

  char              dev_index[37];
  char             *ehome_id;
  char             *ehome_key;
  char             *protocol_type;
  char             *name;
  char             *description;
  char              serial[40];
  char              mac[18];
  gboolean          visual_verification;
  guint             heart_interval;
  guint             heart_exceeded_count;
  gboolean          online;

  char             *time_zone;
  GTimeZone        *tz;
  int               utc_offset;
  gint64            clock_offset;   /* µs added to the real clock */

  guint             n_partitions;
  SimPartition     *partitions;
  guint             n_zones;
  SimZone          *zones;
  guint             n_relays;
  SimRelay         *relays;
  guint             n_sirens;
  SimPeripheral    *sirens;
  guint             n_repeaters;
  SimPeripheral    *repeaters;
  guint             n_output_modules;
  SimPeripheral    *output_modules;
  guint             n_cameras;
  const char       *cameras[2];
  guint             n_io_inputs;
  guint             n_io_outputs;
  guint8            io_output_high;  /* bit per output */
  guint             n_interfaces;
  VigilSimIpConfig  interfaces[2];

  gboolean          panel_tamper;
  gboolean          ac_lost;
  gboolean          battery_low;

  guint64           n_events;
  VigilSimCidEvent *log;             /* ring of VIGIL_SIM_PANEL_EVENT_LOG, allocated on use */
  GQueue            backlog;         /* VigilSimCidEvent* raised while offline */
  GSource          *reboot_source;
};

G_END_DECLS
