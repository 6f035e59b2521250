/* vigil-alarm.h — one alarm an operator has to deal with
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-alarm-types.h"
#include "vigil-event.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM (vigil_alarm_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlarm, vigil_alarm, VIGIL, ALARM, GObject)

/* The alarm raised by @event, stored as row @event_id (0 while it is not committed yet). */
VigilAlarm      *vigil_alarm_new                  (gint64      event_id,
                                                   VigilEvent *event);

gint64           vigil_alarm_get_event_id         (VigilAlarm *self);
gboolean         vigil_alarm_get_pending          (VigilAlarm *self);  /* not committed yet */
VigilEvent      *vigil_alarm_get_event            (VigilAlarm *self);
const char      *vigil_alarm_get_dedup_key        (VigilAlarm *self);
guint            vigil_alarm_get_priority         (VigilAlarm *self);
VigilAlarmState  vigil_alarm_get_state            (VigilAlarm *self);
gint64           vigil_alarm_get_received_at      (VigilAlarm *self);  /* µs, UTC */
const char      *vigil_alarm_get_acknowledged_by  (VigilAlarm *self);
gint64           vigil_alarm_get_acknowledged_at  (VigilAlarm *self);  /* µs, UTC; 0: not yet */
double           vigil_alarm_get_ack_seconds      (VigilAlarm *self);
const char      *vigil_alarm_get_closed_by        (VigilAlarm *self);
gint64           vigil_alarm_get_closed_at        (VigilAlarm *self);
VigilResolution  vigil_alarm_get_resolution       (VigilAlarm *self);
const char      *vigil_alarm_get_note             (VigilAlarm *self);
gboolean         vigil_alarm_get_restored         (VigilAlarm *self);
gint64           vigil_alarm_get_restored_at      (VigilAlarm *self);
gint64           vigil_alarm_get_restore_event_id (VigilAlarm *self);
VigilEvent      *vigil_alarm_get_restore_event    (VigilAlarm *self);  /* NULL if not known */
/* How long it has waited for a person: until it was acknowledged, else until the last tick
 * of its queue (once a second while it waits). */
gint64           vigil_alarm_get_wait_seconds     (VigilAlarm *self);

G_END_DECLS
