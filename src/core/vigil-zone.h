/* vigil-zone.h — one zone of a panel, as the console shows it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-messages.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ZONE (vigil_zone_get_type ())
G_DECLARE_FINAL_TYPE (VigilZone, vigil_zone, VIGIL, ZONE, GObject)

VigilZone  *vigil_zone_new            (guint id);
guint       vigil_zone_get_id         (VigilZone *self);
const char *vigil_zone_get_name       (VigilZone *self);
/* "online", "offline", "trigger" (open), "breakDown" (fault), "notRelated" */
const char *vigil_zone_get_status     (VigilZone *self);
gboolean    vigil_zone_get_armed      (VigilZone *self);
gboolean    vigil_zone_get_alarm      (VigilZone *self);
gboolean    vigil_zone_get_bypassed   (VigilZone *self);
gboolean    vigil_zone_get_tamper     (VigilZone *self);
gboolean    vigil_zone_get_low_battery (VigilZone *self);
/* Open, offline, in fault, in alarm, tampered or on a low battery: what stops arming or needs
 * a look. */
gboolean    vigil_zone_get_problem    (VigilZone *self);
/* Would stop arming: open, tampered, offline or in fault, and not bypassed. */
gboolean    vigil_zone_blocks_arming  (VigilZone *self);

/* Takes what a status read says (absent members leave the value as it is). */
void        vigil_zone_apply_status   (VigilZone *self, const VigilZoneStatus *status);

void        vigil_zone_set_alarm      (VigilZone *self, gboolean alarm);
void        vigil_zone_set_bypassed   (VigilZone *self, gboolean bypassed);
void        vigil_zone_set_tamper     (VigilZone *self, gboolean tamper);
void        vigil_zone_set_low_battery (VigilZone *self, gboolean low);
void        vigil_zone_set_status     (VigilZone *self, const char *status);

G_END_DECLS
