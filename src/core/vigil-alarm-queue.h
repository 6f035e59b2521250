/* vigil-alarm-queue.h — the open alarms, most urgent first (a GListModel of VigilAlarm)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-alarm.h"
#include "vigil-event-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM_QUEUE (vigil_alarm_queue_get_type ())
G_DECLARE_FINAL_TYPE (VigilAlarmQueue, vigil_alarm_queue, VIGIL, ALARM_QUEUE, GObject)

/* The alarms not closed yet (new or acknowledged), by priority, then oldest first. Loads the
 * open alarms from @store at once (in a thread; "loaded" turns TRUE), then follows the store:
 * committed alarms are added, closed ones removed, restores marked. */
VigilAlarmQueue *vigil_alarm_queue_new                (VigilEventStore *store);

/* The fast path for the stream: shows an alarm the moment it is decoded, before the store has
 * committed it (the alarm is "pending", event id 0). Call it right before
 * vigil_event_store_append(); when the commit arrives the alarm gets its id, or disappears if
 * the store found it was a replay of an alarm already stored. Events that are not alarms, and
 * alarms already in the queue, are ignored: FALSE. */
gboolean         vigil_alarm_queue_push               (VigilAlarmQueue *self,
                                                       VigilEvent      *event);

/* The open alarm stored as @event_id, or NULL. */
VigilAlarm      *vigil_alarm_queue_lookup             (VigilAlarmQueue *self,
                                                       gint64           event_id);

VigilEventStore *vigil_alarm_queue_get_store          (VigilAlarmQueue *self);
gboolean         vigil_alarm_queue_get_loaded         (VigilAlarmQueue *self);
guint            vigil_alarm_queue_get_n_open         (VigilAlarmQueue *self);
guint            vigil_alarm_queue_get_n_unacknowledged (VigilAlarmQueue *self);

G_END_DECLS
