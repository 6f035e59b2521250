/* vigil-panel.h — one security control panel: what the console knows of it now
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one source of truth for a panel's screen. Status reads and live events both change it;
 * widgets bind to its properties and lists and never talk to the gateway themselves.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-event.h"
#include "vigil-messages.h"
#include "vigil-partition.h"
#include "vigil-peripheral.h"
#include "vigil-zone.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL (vigil_panel_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanel, vigil_panel, VIGIL, PANEL, GObject)

VigilPanel *vigil_panel_new               (const char *dev_index);

const char *vigil_panel_get_dev_index     (VigilPanel *self);
const char *vigil_panel_get_name          (VigilPanel *self);
const char *vigil_panel_get_model         (VigilPanel *self);
const char *vigil_panel_get_ehome_id      (VigilPanel *self);
gboolean    vigil_panel_get_online        (VigilPanel *self);
gboolean    vigil_panel_get_ac_lost       (VigilPanel *self);

GListModel *vigil_panel_get_partitions    (VigilPanel *self);   /* VigilPartition, by id */
GListModel *vigil_panel_get_zones         (VigilPanel *self);   /* VigilZone, by id */
GListModel *vigil_panel_get_peripherals   (VigilPanel *self);   /* VigilPeripheral */

VigilZone      *vigil_panel_lookup_zone      (VigilPanel *self, guint id);
VigilPartition *vigil_panel_lookup_partition (VigilPanel *self, guint id);

/* Derived, kept current as the lists change. */
guint       vigil_panel_get_n_alarms      (VigilPanel *self);   /* partitions and zones in alarm */
guint       vigil_panel_get_n_faults      (VigilPanel *self);   /* tamper, battery, offline, AC */
guint       vigil_panel_get_n_open        (VigilPanel *self);   /* zones open now */
gboolean    vigil_panel_get_has_problems  (VigilPanel *self);
/* "Away", "Stay", "Disarmed", "Partly armed" … translated; NULL before the first read */
const char *vigil_panel_get_arming_summary (VigilPanel *self);

/* The last event seen from this panel: its description and when it arrived. */
const char *vigil_panel_get_last_event    (VigilPanel *self);
GDateTime  *vigil_panel_get_last_event_time (VigilPanel *self);

/* Why the last status read failed, NULL when it worked: the lists then show the last values
 * read, and the UI must say so. */
const char *vigil_panel_get_status_error  (VigilPanel *self);
GDateTime  *vigil_panel_get_status_time   (VigilPanel *self);   /* last successful read */

/* Zones that would stop arming (open, tampered, offline, in fault; not bypassed). */
GPtrArray  *vigil_panel_dup_blocking_zones (VigilPanel *self);

void        vigil_panel_apply_entry       (VigilPanel *self, const VigilDeviceEntry *entry);
void        vigil_panel_set_online        (VigilPanel *self, gboolean online);
void        vigil_panel_apply_partitions  (VigilPanel *self, GPtrArray *partitions);
void        vigil_panel_apply_zones       (VigilPanel *self, GPtrArray *zones);
void        vigil_panel_apply_peripherals (VigilPanel *self, const VigilPeripherals *peripherals);
void        vigil_panel_set_status_error  (VigilPanel *self, const char *error);
/* A live event from this panel: the screen changes at once; the next read confirms it. */
void        vigil_panel_apply_event       (VigilPanel *self, VigilEvent *event);

G_END_DECLS
