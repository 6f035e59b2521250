/* vigil-test-store.h — helpers for the store, alarm queue and event log tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-event-store.h"

G_BEGIN_DECLS

/* A fresh directory under the system's temp dir; vigil_test_store_remove_dir() removes it. */
char            *vigil_test_store_make_dir    (void);
void             vigil_test_store_remove_dir  (const char *dir);

/* A CIDAlarm part as a gateway sends it, decoded by vigil_event_parse(). @received_at is µs
 * since the epoch (0: now). @uuid NULL leaves the UUID out (the key is then the content). */
VigilEvent      *vigil_test_store_cid_event   (const char *dev_index,
                                               gint        zone,
                                               const char *code,
                                               const char *uuid,
                                               gint64      received_at);
/* A heartbeat; @n makes it differ from the others (activePostCount). */
VigilEvent      *vigil_test_store_heartbeat   (guint       n,
                                               gint64      received_at);

VigilEventStore *vigil_test_store_open        (const char *path);

/* Iterates the thread-default main context until @done returns TRUE; fails the test after
 * 30 s. */
void             vigil_test_store_wait_until  (gboolean (*done) (gpointer data),
                                               gpointer   data);
/* The same, until *@flag is TRUE. */
void             vigil_test_store_wait_flag   (const gboolean *flag);
/* A GAsyncReadyCallback storing a reference to the result in *(GAsyncResult **) user_data. */
void             vigil_test_store_result_cb   (GObject      *source,
                                               GAsyncResult *result,
                                               gpointer      user_data);
/* Waits until *@slot is set and hands it over. */
GAsyncResult    *vigil_test_store_wait_result (GAsyncResult **slot);

/* Iterates the main context until everything appended before the call is committed and the
 * "committed" signals of those commits have been delivered. */
void             vigil_test_store_flush       (VigilEventStore *store);

G_END_DECLS
