/* vigil-alert-sound.h — the sound that loops while an alarm waits for a person
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-alarm-queue.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALERT_SOUND (vigil_alert_sound_get_type ())

G_DECLARE_FINAL_TYPE (VigilAlertSound, vigil_alert_sound, VIGIL, ALERT_SOUND, GObject)

/* @settings (nullable): "sound-enabled" is followed both ways. */
VigilAlertSound *vigil_alert_sound_new         (GSettings       *settings);

void             vigil_alert_sound_set_queue   (VigilAlertSound *self,
                                                VigilAlarmQueue *queue);
VigilAlarmQueue *vigil_alert_sound_get_queue   (VigilAlertSound *self);

gboolean         vigil_alert_sound_get_enabled (VigilAlertSound *self);
void             vigil_alert_sound_set_enabled (VigilAlertSound *self,
                                                gboolean         enabled);
/* TRUE while the sound loops: enabled and an alarm is not acknowledged. */
gboolean         vigil_alert_sound_get_playing (VigilAlertSound *self);

/* "mute", a stateful boolean action (TRUE: muted) for a window's header toggle. */
GAction         *vigil_alert_sound_get_mute_action (VigilAlertSound *self);

G_END_DECLS
