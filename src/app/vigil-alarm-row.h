/* vigil-alarm-row.h — one open alarm in the queue
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-alarm.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM_ROW (vigil_alarm_row_get_type ())

G_DECLARE_FINAL_TYPE (VigilAlarmRow, vigil_alarm_row, VIGIL, ALARM_ROW, GtkWidget)

GtkWidget  *vigil_alarm_row_new            (VigilJournal  *journal);
VigilAlarm *vigil_alarm_row_get_alarm      (VigilAlarmRow *self);
void        vigil_alarm_row_set_alarm      (VigilAlarmRow *self,
                                            VigilAlarm    *alarm);
/* The style class of how long it has waited: "wait-0" … "wait-3", or "acknowledged". */
const char *vigil_alarm_row_get_urgency    (VigilAlarmRow *self);

/* The style class for an alarm that has waited @seconds in @state. */
const char *vigil_alarm_row_urgency_for    (VigilAlarmState state,
                                            gint64          seconds);
/* An icon name for a priority (VigilPriority). */
const char *vigil_alarm_row_icon_for       (guint           priority);

G_END_DECLS
