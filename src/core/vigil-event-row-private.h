/* vigil-event-row-private.h — building rows (the store's reader, the log model)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-event-row.h"

G_BEGIN_DECLS

/* The columns of one row, as read from SQLite. Strings are owned. */
typedef struct
{
  gint64 id;
  VigilEventType kind;
  char *event_type;
  char *event_state;
  gint64 received_at;
  gboolean has_panel_time;
  gint64 panel_time_unix;
  gint panel_utc_offset;
  gboolean time_zone_assumed;
  char *dev_index;
  char *panel_name;
  gint partition;
  gint zone;
  char *zone_name;
  char *cid_code;
  guint cid_event;
  gboolean cid_restore;
  char *description;
  guint priority;
  char *user_name;
  char *status;
  gboolean is_alarm;
  VigilAlarmState alarm_state;
  char *operator_name;
  gboolean has_video;
  gint64 restores_id;
} VigilEventRowData;

VigilEventRow *vigil_event_row_new_placeholder (void);
/* Takes the strings out of @data (left cleared). */
VigilEventRow *vigil_event_row_new_from_data   (VigilEventRowData *data);
/* Copies @source's columns into the placeholder @self and notifies what changed. */
void           vigil_event_row_fill            (VigilEventRow     *self,
                                                VigilEventRow     *source);
void           vigil_event_row_data_clear      (VigilEventRowData *data);

/* How many rows exist right now in this process: the tests check that paging stays bounded. */
guint          vigil_event_row_get_n_instances (void);

G_END_DECLS
