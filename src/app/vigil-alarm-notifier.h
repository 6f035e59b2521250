/* vigil-alarm-notifier.h — desktop notifications for alarms nobody is looking at
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When no window of the console has the focus, each new alarm becomes a desktop notification
 * with an "Acknowledge" button (the application action "acknowledge-alarm", the event id as
 * target). The notification goes away when the alarm is acknowledged or closed, from anywhere.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-journal.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM_NOTIFIER (vigil_alarm_notifier_get_type ())

G_DECLARE_FINAL_TYPE (VigilAlarmNotifier, vigil_alarm_notifier, VIGIL, ALARM_NOTIFIER, GObject)

/* Adds "acknowledge-alarm" (x) and "show-alarm" (x) to @application. */
VigilAlarmNotifier *vigil_alarm_notifier_new           (GtkApplication     *application,
                                                        VigilJournal       *journal);

/* FALSE where no notification service runs (a bare X server, CI): nothing is sent then. */
gboolean            vigil_alarm_notifier_get_available (VigilAlarmNotifier *self);
/* How many notifications were sent, and how many are still shown. */
guint               vigil_alarm_notifier_get_n_sent    (VigilAlarmNotifier *self);
guint               vigil_alarm_notifier_get_n_shown   (VigilAlarmNotifier *self);

G_END_DECLS
