/* vigil-test-ingest-child.c — the process test-crash-safety kills
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the event store at PATH and appends alarms as fast as the writer takes them, forever;
 * every event the store reports committed is printed (its dedup key, one a line) the moment
 * the "committed" signal says so. The test kills this process with SIGKILL at a random moment
 * and then holds the store to what was printed.
 *
 *   vigil-test-ingest-child PATH RUN
 */
#define G_LOG_DOMAIN "vigil-test-ingest-child"

#include <stdio.h>
#include <stdlib.h>

#include "vigil-event-store.h"
#include "vigil-test-store.h"

#define BATCH 64

typedef struct
{
  VigilEventStore *store;
  const char *run;
  guint64 n;
} Child;

static void
on_committed (VigilEventStore        *store,
              const VigilStoredEvent *events,
              guint                   n_events,
              gpointer                user_data)
{
  /* Printed and flushed before anything else happens: a line on the pipe is a promise. */
  for (guint i = 0; i < n_events; i++)
    fprintf (stdout, "%s\n", events[i].event->dedup_key);
  fflush (stdout);
}

static gboolean
append_batch (gpointer user_data)
{
  Child *child = user_data;

  for (guint i = 0; i < BATCH; i++, child->n++)
    {
      g_autofree char *uuid = g_strdup_printf ("crash-%s-%" G_GUINT64_FORMAT, child->run, child->n);
      g_autoptr(VigilEvent) event = vigil_test_store_cid_event ("panel-1", 1 + child->n % 32,
                                                                child->n % 2 ? "1130" : "3130", uuid, 0);

      vigil_event_store_append (child->store, event);
    }
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Child child = { 0 };

  if (argc != 3)
    {
      g_printerr ("Usage: %s PATH RUN\n", argv[0]);
      return 2;
    }

  child.run = argv[2];
  child.store = vigil_event_store_new_sync (argv[1], NULL, &error);
  if (child.store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_signal_connect (child.store, "committed", G_CALLBACK (on_committed), &child);
  g_timeout_add (2, append_batch, &child);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
