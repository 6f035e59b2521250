/* vigil-event-filter.h — which events the log shows: panels, types, time range, text, priority
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-event.h"

G_BEGIN_DECLS

/* A plain value (boxed, copied when stored). Criteria of different kinds are ANDed; several
 * devices or several types are ORed. An empty filter matches every event. */
typedef struct _VigilEventFilter VigilEventFilter;

GType              vigil_event_filter_get_type (void) G_GNUC_CONST;
#define VIGIL_TYPE_EVENT_FILTER (vigil_event_filter_get_type ())

VigilEventFilter  *vigil_event_filter_new   (void);
VigilEventFilter  *vigil_event_filter_copy  (const VigilEventFilter *filter);
void               vigil_event_filter_free  (VigilEventFilter       *filter);
gboolean           vigil_event_filter_equal (const VigilEventFilter *a,
                                             const VigilEventFilter *b);
gboolean           vigil_event_filter_is_empty (const VigilEventFilter *filter);

/* Panels by devIndex. */
void               vigil_event_filter_add_device (VigilEventFilter *filter,
                                                  const char       *dev_index);
const char * const *vigil_event_filter_get_devices (const VigilEventFilter *filter,
                                                    guint                  *n_devices);

void               vigil_event_filter_add_type      (VigilEventFilter *filter,
                                                     VigilEventType    type);
/* "CIDAlarm", "videoReview", "devStatusChanged", "heartBeat", "linkLost", … as printed by
 * vigil_event_type_to_string(), any case. FALSE (and nothing added) for a name it does not know. */
gboolean           vigil_event_filter_add_type_name (VigilEventFilter *filter,
                                                     const char       *name);
const VigilEventType *vigil_event_filter_get_types  (const VigilEventFilter *filter,
                                                     guint                  *n_types);

/* The time the event reached Vigil (µs since the epoch, UTC): a panel's clock can be wrong or
 * unset, Vigil's is the one the log is ordered by. 0 leaves that end open; @until is exclusive. */
void               vigil_event_filter_set_time_range (VigilEventFilter *filter,
                                                      gint64            since,
                                                      gint64            until);
void               vigil_event_filter_get_time_range (const VigilEventFilter *filter,
                                                      gint64                 *since,
                                                      gint64                 *until);

/* Free text, matched word by word (the last word as a prefix) against the description, the zone
 * and panel names and the operator's notes. NULL or blank clears it. */
void               vigil_event_filter_set_text (VigilEventFilter *filter,
                                                const char       *text);
const char        *vigil_event_filter_get_text (const VigilEventFilter *filter);

/* Only events at least this urgent (VIGIL_PRIORITY_LIFE_SAFETY … VIGIL_PRIORITY_INFO);
 * 0 = all. */
void               vigil_event_filter_set_max_priority (VigilEventFilter *filter,
                                                        guint             max_priority);
guint              vigil_event_filter_get_max_priority (const VigilEventFilter *filter);

/* The FTS5 query for user text: every word a quoted string (quotes doubled), the last one a
 * prefix, so nothing the user types is read as FTS5 syntax. NULL when @text has no words. */
char              *vigil_event_filter_build_match (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilEventFilter, vigil_event_filter_free)

G_END_DECLS
