/* vigil-alarm-detail.h — everything about one alarm, and the form to close it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its buttons activate "alarms.acknowledge" and "alarms.close", which the alarm queue view
 * (its ancestor) provides; the resolution and the note are read from here.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-alarm.h"
#include "vigil-journal.h"
#include "vigil-video-player.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM_DETAIL (vigil_alarm_detail_get_type ())

G_DECLARE_FINAL_TYPE (VigilAlarmDetail, vigil_alarm_detail, VIGIL, ALARM_DETAIL, GtkWidget)

void             vigil_alarm_detail_set_journal    (VigilAlarmDetail *self,
                                                    VigilJournal     *journal);
VigilAlarm      *vigil_alarm_detail_get_alarm      (VigilAlarmDetail *self);
/* Another alarm clears the resolution and the note. */
void             vigil_alarm_detail_set_alarm      (VigilAlarmDetail *self,
                                                    VigilAlarm       *alarm);

/* VIGIL_RESOLUTION_NONE until the operator chose one. */
VigilResolution  vigil_alarm_detail_get_resolution (VigilAlarmDetail *self);
void             vigil_alarm_detail_set_resolution (VigilAlarmDetail *self,
                                                    VigilResolution   resolution);
const char      *vigil_alarm_detail_get_note       (VigilAlarmDetail *self);
void             vigil_alarm_detail_set_note       (VigilAlarmDetail *self,
                                                    const char       *note);

/* A spinner beside the buttons while the store writes. */
void             vigil_alarm_detail_set_busy       (VigilAlarmDetail *self,
                                                    gboolean          busy);

/* The verification clip's player, in the video slot (shown only when the alarm has a video URL). */
VigilVideoPlayer *vigil_alarm_detail_get_player    (VigilAlarmDetail *self);
/* Where the video of the alarm goes; shown only when the alarm has a video URL. */
GtkBox          *vigil_alarm_detail_get_video_slot (VigilAlarmDetail *self);
/* Rows of the zone's history shown (-1 while it loads). */
gint             vigil_alarm_detail_get_n_history  (VigilAlarmDetail *self);

G_END_DECLS
