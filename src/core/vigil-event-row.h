/* vigil-event-row.h — one line of the event log, as the log's columns show it
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-alarm-types.h"
#include "vigil-event.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVENT_ROW (vigil_event_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilEventRow, vigil_event_row, VIGIL, EVENT_ROW, GObject)

/* A row handed out by VigilEventLogModel before its page has been read is a placeholder:
 * "loaded" is FALSE and every other property is empty; when the page arrives the properties are
 * set and notified, so a list item bound to them fills in by itself. Rows never change after
 * that. */
gboolean        vigil_event_row_get_loaded            (VigilEventRow *self);
gint64          vigil_event_row_get_id                (VigilEventRow *self);
VigilEventType  vigil_event_row_get_kind              (VigilEventRow *self);
const char     *vigil_event_row_get_event_type        (VigilEventRow *self);
const char     *vigil_event_row_get_event_state       (VigilEventRow *self);
gint64          vigil_event_row_get_received_at       (VigilEventRow *self);  /* µs, UTC */
GDateTime      *vigil_event_row_get_panel_time        (VigilEventRow *self);  /* panel's offset */
gboolean        vigil_event_row_get_time_zone_assumed (VigilEventRow *self);
const char     *vigil_event_row_get_dev_index         (VigilEventRow *self);
const char     *vigil_event_row_get_panel_name        (VigilEventRow *self);
gint            vigil_event_row_get_partition         (VigilEventRow *self);
gint            vigil_event_row_get_zone              (VigilEventRow *self);  /* -1: none */
const char     *vigil_event_row_get_zone_name         (VigilEventRow *self);
const char     *vigil_event_row_get_cid_code          (VigilEventRow *self);
guint           vigil_event_row_get_cid_event         (VigilEventRow *self);
gboolean        vigil_event_row_get_cid_restore       (VigilEventRow *self);
const char     *vigil_event_row_get_description       (VigilEventRow *self);
guint           vigil_event_row_get_priority          (VigilEventRow *self);
const char     *vigil_event_row_get_user_name         (VigilEventRow *self);  /* panel user */
const char     *vigil_event_row_get_status            (VigilEventRow *self);  /* online/offline */
gboolean        vigil_event_row_get_is_alarm          (VigilEventRow *self);
VigilAlarmState vigil_event_row_get_alarm_state       (VigilEventRow *self);
const char     *vigil_event_row_get_operator          (VigilEventRow *self);  /* who handled it */
gboolean        vigil_event_row_get_has_video         (VigilEventRow *self);
gint64          vigil_event_row_get_restores_id       (VigilEventRow *self);

G_END_DECLS
