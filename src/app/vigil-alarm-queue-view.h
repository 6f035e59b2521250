/* vigil-alarm-queue-view.h — the "alarms" page: the open alarms and the selected one's detail
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Actions (group "alarms"): "acknowledge" (Ctrl+Enter) and "close" act on the selected alarm in
 * the operator's name; "back" returns to the list when the page is folded.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-alarm-detail.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_ALARM_QUEUE_VIEW (vigil_alarm_queue_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilAlarmQueueView, vigil_alarm_queue_view, VIGIL, ALARM_QUEUE_VIEW, GtkWidget)

void              vigil_alarm_queue_view_set_journal  (VigilAlarmQueueView *self,
                                                       VigilJournal        *journal);
VigilJournal     *vigil_alarm_queue_view_get_journal  (VigilAlarmQueueView *self);

/* What the list shows (NULL until the store is open). */
GListModel       *vigil_alarm_queue_view_get_model    (VigilAlarmQueueView *self);
VigilAlarm       *vigil_alarm_queue_view_get_selected (VigilAlarmQueueView *self);
/* Selects the open alarm stored as @event_id and shows its detail; FALSE when it is not open. */
gboolean          vigil_alarm_queue_view_select       (VigilAlarmQueueView *self,
                                                       gint64               event_id);
VigilAlarmDetail *vigil_alarm_queue_view_get_detail   (VigilAlarmQueueView *self);
/* TRUE while an acknowledgement or a closing is being written. */
gboolean          vigil_alarm_queue_view_get_busy     (VigilAlarmQueueView *self);

G_END_DECLS
