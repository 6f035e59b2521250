/* vigil-event-store.h — every event, alarm and operator action, in SQLite
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-alarm.h"
#include "vigil-alarm-types.h"
#include "vigil-event.h"
#include "vigil-event-filter.h"
#include "vigil-event-row.h"

G_BEGIN_DECLS

#define VIGIL_EVENT_STORE_ERROR (vigil_event_store_error_quark ())

typedef enum
{
  VIGIL_EVENT_STORE_ERROR_FAILED,                /* SQLite failed; the message says how */
  VIGIL_EVENT_STORE_ERROR_NEWER_SCHEMA,          /* written by a newer Vigil: left untouched */
  VIGIL_EVENT_STORE_ERROR_CLOSED,                /* the store was closed */
  VIGIL_EVENT_STORE_ERROR_NOT_FOUND,             /* no such event or alarm */
  VIGIL_EVENT_STORE_ERROR_ALREADY_ACKNOWLEDGED,  /* the message says by whom and when */
  VIGIL_EVENT_STORE_ERROR_ALREADY_CLOSED,        /* the message says by whom and when */
  VIGIL_EVENT_STORE_ERROR_INVALID_ARGUMENT,
  VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED,        /* the message names the first bad row */
} VigilEventStoreError;

GQuark vigil_event_store_error_quark (void);

/* One event of a commit, as the "committed" signal hands it out. */
typedef struct
{
  VigilEvent *event;
  gint64 id;             /* its row; 0 when it was already stored (a duplicate) */
  gint64 restores_id;    /* a restore: the alarm (event id) it restored; else 0 */
} VigilStoredEvent;

/* What the "alarm-changed" signal says. Strings are valid during the emission only. */
typedef struct
{
  gint64 event_id;
  VigilAlarmState state;           /* acknowledged or closed */
  const char *acknowledged_by;
  gint64 acknowledged_at;          /* µs, UTC */
  double ack_seconds;
  const char *closed_by;           /* closed only */
  gint64 closed_at;
  VigilResolution resolution;
  const char *note;
} VigilAlarmChange;

#define VIGIL_TYPE_EVENT_STORE (vigil_event_store_get_type ())
G_DECLARE_FINAL_TYPE (VigilEventStore, vigil_event_store, VIGIL, EVENT_STORE, GObject)

/* Opens (creating and migrating) the database at @path. The store belongs to the thread-default
 * main context of the caller: its signals and async results are delivered there. */
void              vigil_event_store_new_async  (const char           *path,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
VigilEventStore  *vigil_event_store_new_finish (GAsyncResult         *result,
                                                GError              **error);
VigilEventStore  *vigil_event_store_new_sync   (const char           *path,
                                                GCancellable         *cancellable,
                                                GError              **error);

const char       *vigil_event_store_get_path   (VigilEventStore      *self);

/* ---- Writing: one writer thread, batched transactions ---- */

/* Queues @event for storing and returns at once; safe from any thread. Stored exactly once
 * (by its dedup key); an alarm (vigil_event_is_alarm) gets an alarm record, a CID restore is
 * linked to the latest open alarm of the same panel, zone and CID event. */
void              vigil_event_store_append     (VigilEventStore      *self,
                                                VigilEvent           *event);

/* Names shown with, and searched in, the events that arrive after the call. */
void              vigil_event_store_set_panel_name (VigilEventStore *self,
                                                    const char      *dev_index,
                                                    const char      *name);
void              vigil_event_store_set_zone_name  (VigilEventStore *self,
                                                    const char      *dev_index,
                                                    gint             zone,
                                                    const char      *name);

/* Completes when everything queued before the call is committed. */
void              vigil_event_store_flush_async  (VigilEventStore      *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          vigil_event_store_flush_finish (VigilEventStore      *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* Blocks the calling thread until then (the CLI, tests; never the GUI's main loop). */
gboolean          vigil_event_store_flush_sync   (VigilEventStore      *self,
                                                  GError              **error);

/* Commits everything queued, stops the writer and closes the database. Called by dispose too;
 * afterwards every call fails with VIGIL_EVENT_STORE_ERROR_CLOSED. */
void              vigil_event_store_close        (VigilEventStore      *self);

/* new → acknowledged. Acknowledging again fails with ALREADY_ACKNOWLEDGED naming who did. */
void              vigil_event_store_acknowledge_async  (VigilEventStore     *self,
                                                        gint64               alarm_event_id,
                                                        const char          *operator_name,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          vigil_event_store_acknowledge_finish (VigilEventStore     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* new or acknowledged → closed (closing a new alarm acknowledges it too). */
void              vigil_event_store_close_alarm_async  (VigilEventStore     *self,
                                                        gint64               alarm_event_id,
                                                        const char          *operator_name,
                                                        VigilResolution      resolution,
                                                        const char          *note,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean          vigil_event_store_close_alarm_finish (VigilEventStore     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Appends to the audit log; the result is the new row's id. */
void              vigil_event_store_audit_async  (VigilEventStore     *self,
                                                  const char          *operator_name,
                                                  VigilAuditAction     action,
                                                  const char          *target,
                                                  const char          *result_text,
                                                  const char          *gateway_answer,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gint64            vigil_event_store_audit_finish (VigilEventStore     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Records the video evidence fetched for an event: a local file and its SHA-256 (hex). */
void              vigil_event_store_set_video_async  (VigilEventStore     *self,
                                                      gint64               event_id,
                                                      const char          *local_file,
                                                      const char          *sha256_hex,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          vigil_event_store_set_video_finish (VigilEventStore     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* ---- Reading: own connections, worker threads ---- */

/* Events matching @filter (NULL: all), newest first. A GPtrArray of VigilEventRow. */
void              vigil_event_store_query_async  (VigilEventStore        *self,
                                                  const VigilEventFilter *filter,
                                                  guint                   offset,
                                                  guint                   limit,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
GPtrArray        *vigil_event_store_query_finish (VigilEventStore        *self,
                                                  GAsyncResult           *result,
                                                  GError                **error);
GPtrArray        *vigil_event_store_query_sync   (VigilEventStore        *self,
                                                  const VigilEventFilter *filter,
                                                  guint                   offset,
                                                  guint                   limit,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

/* The next page when reading the whole log: events older than @before_id (the last id of the
 * previous page; 0 starts at the newest), newest first. Unlike an OFFSET, the cost does not grow
 * with the depth, so a CSV export of a million events stays linear. */
GPtrArray        *vigil_event_store_query_before_sync (VigilEventStore        *self,
                                                       const VigilEventFilter *filter,
                                                       gint64                  before_id,
                                                       guint                   limit,
                                                       GCancellable           *cancellable,
                                                       GError                **error);

/* The number of events matching @filter; -1 on error. */
void              vigil_event_store_count_async  (VigilEventStore        *self,
                                                  const VigilEventFilter *filter,
                                                  GCancellable           *cancellable,
                                                  GAsyncReadyCallback     callback,
                                                  gpointer                user_data);
gint64            vigil_event_store_count_finish (VigilEventStore        *self,
                                                  GAsyncResult           *result,
                                                  GError                **error);
gint64            vigil_event_store_count_sync   (VigilEventStore        *self,
                                                  const VigilEventFilter *filter,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

/* The bytes of the event exactly as received (they may not be valid UTF-8: show them through
 * vigil_utf8_repair()). */
void              vigil_event_store_get_raw_async  (VigilEventStore     *self,
                                                    gint64               event_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GBytes           *vigil_event_store_get_raw_finish (VigilEventStore     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The event decoded again from what was stored. */
void              vigil_event_store_get_event_async  (VigilEventStore     *self,
                                                      gint64               event_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
VigilEvent       *vigil_event_store_get_event_finish (VigilEventStore     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The alarms not closed yet: a GPtrArray of VigilAlarm, oldest first. */
void              vigil_event_store_open_alarms_async  (VigilEventStore     *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray        *vigil_event_store_open_alarms_finish (VigilEventStore     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* One alarm's record (any state). */
void              vigil_event_store_get_alarm_async  (VigilEventStore     *self,
                                                      gint64               alarm_event_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
VigilAlarm       *vigil_event_store_get_alarm_finish (VigilEventStore     *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The last @limit events of one zone of one panel, newest first (VigilEventRow). */
void              vigil_event_store_zone_history_async  (VigilEventStore     *self,
                                                         const char          *dev_index,
                                                         gint                 zone,
                                                         guint                limit,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray        *vigil_event_store_zone_history_finish (VigilEventStore     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* Walks the audit chain. FALSE with VIGIL_EVENT_STORE_ERROR_AUDIT_TAMPERED naming the first row
 * that does not match (@bad_row_id receives its id) when a row was changed or removed. */
gboolean          vigil_event_store_verify_audit_sync   (VigilEventStore     *self,
                                                         gint64              *bad_row_id,
                                                         GError             **error);
void              vigil_event_store_verify_audit_async  (VigilEventStore     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          vigil_event_store_verify_audit_finish (VigilEventStore     *self,
                                                         GAsyncResult        *result,
                                                         gint64              *bad_row_id,
                                                         GError             **error);

G_END_DECLS
