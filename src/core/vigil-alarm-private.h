/* vigil-alarm-private.h — changing an alarm (the store's reader and the alarm queue only)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-alarm.h"

G_BEGIN_DECLS

/* Each setter notifies only the properties whose value changes. */
void vigil_alarm_set_event_id     (VigilAlarm      *self,
                                   gint64           event_id);
void vigil_alarm_set_pending      (VigilAlarm      *self,
                                   gboolean         pending);
void vigil_alarm_set_acknowledged (VigilAlarm      *self,
                                   const char      *operator_name,
                                   gint64           at,
                                   double           ack_seconds);
void vigil_alarm_set_closed       (VigilAlarm      *self,
                                   const char      *operator_name,
                                   gint64           at,
                                   VigilResolution  resolution,
                                   const char      *note);
/* @restore_event may be NULL when only the link is known (read back from the store). */
void vigil_alarm_set_restore      (VigilAlarm      *self,
                                   gint64           restore_event_id,
                                   VigilEvent      *restore_event,
                                   gint64           restored_at);
/* Recomputes wait-seconds for the time @now (µs, UTC). */
void vigil_alarm_update_wait      (VigilAlarm      *self,
                                   gint64           now);

G_END_DECLS
