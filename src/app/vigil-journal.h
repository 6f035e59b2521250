/* vigil-journal.h — the console's record: the event store, the alarm queue, the audit log
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per application, the one owner of the store. It opens the store (in a thread), keeps the
 * alarm queue over it, feeds it every event of the signed-in session's stream with the names
 * of its panels and zones, and writes every operator action to the audit log with the name of
 * the operator on duty.
 */
#pragma once

#include <gio/gio.h>

#include "vigil-alarm-queue.h"
#include "vigil-event-store.h"
#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_JOURNAL (vigil_journal_get_type ())

G_DECLARE_FINAL_TYPE (VigilJournal, vigil_journal, VIGIL, JOURNAL, GObject)

/* Opens the store at @path (NULL: $VIGIL_DB, else events.db in the user's data directory under
 * "vigil", as `vigilctl log`). */
VigilJournal    *vigil_journal_new              (const char   *path);
char            *vigil_journal_dup_default_path (void);

const char      *vigil_journal_get_path         (VigilJournal *self);
/* Both NULL until the store is open ("store" and "queue" are notified then). */
VigilEventStore *vigil_journal_get_store        (VigilJournal *self);
VigilAlarmQueue *vigil_journal_get_queue        (VigilJournal *self);
/* Why the store could not be opened, NULL while it is opening or open. */
const char      *vigil_journal_get_error        (VigilJournal *self);

/* The session whose events are recorded (NULL: none). */
VigilSession    *vigil_journal_get_session      (VigilJournal *self);
void             vigil_journal_set_session      (VigilJournal *self,
                                                 VigilSession *session);

/* The operator on duty: every audited action carries this name. */
const char      *vigil_journal_get_operator     (VigilJournal *self);
void             vigil_journal_set_operator     (VigilJournal *self,
                                                 const char   *operator_name);

/* Names for people, from the session's site: the panel's name, or NULL when it is unknown. */
const char      *vigil_journal_lookup_panel_name (VigilJournal *self,
                                                  const char   *dev_index);
/* The zone's name, or NULL. */
const char      *vigil_journal_lookup_zone_name  (VigilJournal *self,
                                                  const char   *dev_index,
                                                  gint          zone);

/* Writes an installer's action (adding, deleting, editing or rebooting a device…) to the audit
 * log in the operator's name: @target is what it was done to, @error what the gateway said
 * when it refused (NULL: done). Nothing is written while the store is not open. */
void             vigil_journal_audit            (VigilJournal     *self,
                                                 VigilAuditAction  action,
                                                 const char       *target,
                                                 const GError     *error);

/* Acknowledges or closes the alarm stored as @event_id in the operator's name. */
void             vigil_journal_acknowledge_async  (VigilJournal        *self,
                                                   gint64               event_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         vigil_journal_acknowledge_finish (VigilJournal        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void             vigil_journal_close_alarm_async  (VigilJournal        *self,
                                                   gint64               event_id,
                                                   VigilResolution      resolution,
                                                   const char          *note,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         vigil_journal_close_alarm_finish (VigilJournal        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Commits what is queued and closes the store (at the end of the application). */
void             vigil_journal_close            (VigilJournal *self);

G_END_DECLS
