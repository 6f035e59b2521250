/* vigil-event-store-private.h — the store's parts: schema, writer thread, reader queries
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "vigil-event-store.h"
#include "vigil-event-row-private.h"

G_BEGIN_DECLS

/* ---- Connections and schema (vigil-event-store-schema.c) ---- */

/* The writer's connection: creates the file, sets WAL, migrates. */
sqlite3    *vigil_store_db_open_writer (const char    *path,
                                        GError       **error);
/* A reader's connection: query_only, never migrates. */
sqlite3    *vigil_store_db_open_reader (const char    *path,
                                        GError       **error);
void        vigil_store_db_close       (sqlite3       *db);
/* A GError in VIGIL_EVENT_STORE_ERROR from the connection's last error. */
void        vigil_store_db_set_error   (GError       **error,
                                        sqlite3       *db,
                                        const char    *what);
gboolean    vigil_store_db_exec        (sqlite3       *db,
                                        const char    *sql,
                                        GError       **error);
/* The schema version this code writes. */
gint        vigil_store_schema_version (void);

/* Stops a long query when @cancellable fires (a progress handler on @db). */
void        vigil_store_db_watch_cancellable   (sqlite3      *db,
                                                GCancellable *cancellable);
void        vigil_store_db_unwatch_cancellable (sqlite3      *db);

gint64      vigil_store_date_time_to_usec (GDateTime *date_time);
GDateTime  *vigil_store_usec_to_date_time (gint64     usec);

/* ---- The audit chain (vigil-event-store-schema.c) ---- */

#define VIGIL_STORE_AUDIT_GENESIS \
  "0000000000000000000000000000000000000000000000000000000000000000"

/* SHA-256 (hex) of the row in a fixed encoding: a version tag, then every field in the order of
 * the arguments as "N" for NULL or "S<length>:<bytes>" (numbers in decimal). Lengths make the
 * encoding unambiguous, so no two different rows share it. */
char       *vigil_store_audit_hash (gint64      id,
                                    gint64      at,
                                    const char *operator_name,
                                    const char *action,
                                    const char *target,
                                    const char *result_text,
                                    const char *gateway_answer,
                                    const char *prev_hash);

/* ---- The writer thread (vigil-event-store-writer.c) ---- */

typedef enum
{
  VIGIL_STORE_OP_APPEND,
  VIGIL_STORE_OP_FLUSH,
  VIGIL_STORE_OP_ACKNOWLEDGE,
  VIGIL_STORE_OP_CLOSE_ALARM,
  VIGIL_STORE_OP_AUDIT,
  VIGIL_STORE_OP_SET_VIDEO,
  VIGIL_STORE_OP_PANEL_NAME,
  VIGIL_STORE_OP_ZONE_NAME,
  VIGIL_STORE_OP_QUIT,
} VigilStoreOpKind;

/* One request to the writer. The writer fills in the results; the store completes it in its
 * main context after the commit. */
typedef struct
{
  VigilStoreOpKind kind;
  GTask *task;
  GError *error;
  gint64 at;                 /* when it was asked, µs UTC */

  VigilEvent *event;         /* APPEND */
  gint64 id;                 /* APPEND: the new row (0: duplicate); alarm ops, video: the event;
                              * AUDIT: the new row */
  gint64 restores_id;        /* APPEND: the alarm a restore restored */

  char *operator_name;       /* ACKNOWLEDGE, CLOSE_ALARM, AUDIT */
  char *action;              /* AUDIT */
  char *target;              /* AUDIT */
  char *result_text;         /* AUDIT */
  char *gateway_answer;      /* AUDIT */
  VigilResolution resolution;/* CLOSE_ALARM */
  char *note;                /* CLOSE_ALARM */
  char *file;                /* SET_VIDEO */
  char *sha256;              /* SET_VIDEO */
  char *dev_index;           /* names */
  gint zone;                 /* ZONE_NAME */
  char *name;                /* names */

  /* ACKNOWLEDGE / CLOSE_ALARM results for "alarm-changed" */
  gboolean changed;
  char *acknowledged_by;
  gint64 acknowledged_at;
  double ack_seconds;

  /* FLUSH from flush_sync: signalled after the commit */
  GMutex *mutex;
  GCond *cond;
  gboolean *done;
} VigilStoreOp;

VigilStoreOp *vigil_store_op_new  (VigilStoreOpKind kind);
void          vigil_store_op_free (VigilStoreOp    *op);

typedef struct _VigilStoreWriter VigilStoreWriter;

/* Called in @context after each commit with the ops of the batch (in order, results set), when
 * the object behind @target still exists. The ops are freed afterwards. */
typedef void (*VigilStoreCommitFunc) (GObject   *target,
                                      GPtrArray *ops);

/* Takes @db (a writer connection) and starts the thread. */
VigilStoreWriter *vigil_store_writer_new  (sqlite3               *db,
                                           GMainContext          *context,
                                           GObject               *target,
                                           VigilStoreCommitFunc   func,
                                           GError               **error);
/* Never blocks. Takes @op. */
void              vigil_store_writer_push (VigilStoreWriter      *writer,
                                           VigilStoreOp          *op);
/* Commits what is queued, ends the thread, closes the connection, frees @writer. */
void              vigil_store_writer_stop (VigilStoreWriter      *writer);

/* ---- Reading (vigil-event-store-queries.c); all run on a reader connection ---- */

typedef struct
{
  const VigilEventFilter *filter;  /* NULL: all */
  gint64 max_id;        /* id <= max_id; 0: no upper bound */
  gint64 bound_id;      /* descending: id <= bound_id; ascending: id >= bound_id; 0: none */
  gint64 after_id;      /* id > after_id; 0: none */
  gboolean ascending;
  guint offset;
  guint limit;
} VigilStoreQuery;

/* A GPtrArray of loaded VigilEventRow, in the order asked for. */
GPtrArray   *vigil_store_read_rows        (sqlite3                *db,
                                           const VigilStoreQuery  *query,
                                           GCancellable           *cancellable,
                                           GError                **error);
/* How many events match @filter with id <= @max_id (0: all), and the smallest such id. */
gboolean     vigil_store_read_count       (sqlite3                *db,
                                           const VigilEventFilter *filter,
                                           gint64                  max_id,
                                           gint64                 *count,
                                           gint64                 *min_id,
                                           GCancellable           *cancellable,
                                           GError                **error);
/* How many events match @filter with @after_id < id <= @max_id. */
gboolean     vigil_store_read_count_range (sqlite3                *db,
                                           const VigilEventFilter *filter,
                                           gint64                  after_id,
                                           gint64                  max_id,
                                           gint64                 *count,
                                           GCancellable           *cancellable,
                                           GError                **error);
gint64       vigil_store_read_max_id      (sqlite3                *db,
                                           GError                **error);
GBytes      *vigil_store_read_raw         (sqlite3                *db,
                                           gint64                  event_id,
                                           GError                **error);
VigilEvent  *vigil_store_read_event       (sqlite3                *db,
                                           gint64                  event_id,
                                           GError                **error);
/* VigilAlarm objects. @event_id 0: every open alarm, oldest first; else that one alarm. */
GPtrArray   *vigil_store_read_alarms      (sqlite3                *db,
                                           gint64                  event_id,
                                           GCancellable           *cancellable,
                                           GError                **error);
GPtrArray   *vigil_store_read_zone_history (sqlite3               *db,
                                            const char            *dev_index,
                                            gint                   zone,
                                            guint                  limit,
                                            GError               **error);
gboolean     vigil_store_read_verify_audit (sqlite3               *db,
                                            gint64                *bad_row_id,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* ---- The store object (vigil-event-store.c) ---- */

/* A reader connection from the store's pool; give it back with release_reader. */
sqlite3     *vigil_event_store_acquire_reader (VigilEventStore  *self,
                                               GError          **error);
void         vigil_event_store_release_reader (VigilEventStore  *self,
                                               sqlite3          *db);

G_END_DECLS
