/* vigil-event-log-model.h — the event log from SQLite, page by page (a GListModel)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-event-filter.h"
#include "vigil-event-row.h"
#include "vigil-event-store.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVENT_LOG_MODEL (vigil_event_log_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilEventLogModel, vigil_event_log_model, VIGIL, EVENT_LOG_MODEL, GObject)

/* The events matching a filter, newest first, as VigilEventRow. Never holds them all: rows are
 * read in pages in worker threads and a bounded number of pages is cached. get_item() answers
 * at once, with a placeholder row that fills in when its page arrives. The length grows in two
 * steps when a filter is set: the first page, then the full count. Events committed later that
 * match appear at the top, a burst of them a few times a second rather than one by one. */
VigilEventLogModel     *vigil_event_log_model_new        (VigilEventStore        *store);

VigilEventStore        *vigil_event_log_model_get_store  (VigilEventLogModel     *self);

/* NULL shows every event. Setting another filter cancels the queries of the previous one. */
void                    vigil_event_log_model_set_filter (VigilEventLogModel     *self,
                                                          const VigilEventFilter *filter);
const VigilEventFilter *vigil_event_log_model_get_filter (VigilEventLogModel     *self);

/* TRUE until the number of matching events is known. */
gboolean                vigil_event_log_model_get_loading (VigilEventLogModel    *self);

/* While paused, events committed later are not read: a list of the model that is not on
 * screen does no work for them. Resuming adds them at the top at once, in order. Pages still
 * load and the count still arrives while paused. */
void                    vigil_event_log_model_set_paused  (VigilEventLogModel    *self,
                                                           gboolean               paused);
gboolean                vigil_event_log_model_get_paused  (VigilEventLogModel    *self);

G_END_DECLS
