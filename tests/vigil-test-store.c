/* vigil-test-store.c — helpers for the store, alarm queue and event log tests
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "vigil-test-store.h"

char *
vigil_test_store_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vigil-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vigil_test_store_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;

  handle = g_dir_open (dir, 0, NULL);
  if (handle != NULL)
    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  g_rmdir (dir);
}

static GDateTime *
usec_to_date_time (gint64 usec)
{
  g_autoptr(GDateTime) seconds = NULL;

  if (usec == 0)
    return g_date_time_new_now_utc ();

  seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

VigilEvent *
vigil_test_store_cid_event (const char *dev_index,
                            gint        zone,
                            const char *code,
                            const char *uuid,
                            gint64      received_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = usec_to_date_time (received_at);
  g_autofree char *uuid_member = NULL;
  g_autofree char *json = NULL;
  VigilEvent *event;

  uuid_member = uuid != NULL ? g_strdup_printf (",\"UUID\":\"%s\"", uuid) : g_strdup ("");
  json = g_strdup_printf ("{\"EventNotificationAlert\":{"
                          "\"channelID\":\"1\","
                          "\"dateTime\":\"2026-03-01T10:00:00+01:00\","
                          "\"activePostCount\":1,"
                          "\"eventType\":\"CIDAlarm\","
                          "\"eventState\":\"active\","
                          "\"eventDescription\":\"CID event\","
                          "\"devIndex\":\"%s\","
                          "\"CIDAlarm\":{\"subSys\":1,\"zoneNo\":%d,\"CIDCode\":\"%s\","
                          "\"CIDType\":1,\"CIDParam\":\"1,2,%d,1,1,1,0,alice\"%s}}}",
                          dev_index, zone, code, zone, uuid_member);

  event = vigil_event_parse (json, strlen (json), NULL, received, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

VigilEvent *
vigil_test_store_heartbeat (guint  n,
                            gint64 received_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) received = usec_to_date_time (received_at);
  g_autofree char *json = NULL;
  VigilEvent *event;

  json = g_strdup_printf ("{\"EventNotificationAlert\":{"
                          "\"dateTime\":\"2026-03-01T10:00:00+01:00\","
                          "\"activePostCount\":%u,"
                          "\"eventType\":\"heartBeat\","
                          "\"eventState\":\"active\","
                          "\"eventDescription\":\"Heartbeat\"}}", n);

  event = vigil_event_parse (json, strlen (json), NULL, received, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

VigilEventStore *
vigil_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  VigilEventStore *store = vigil_event_store_new_sync (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
vigil_test_store_wait_until (gboolean (*done) (gpointer data),
                             gpointer   data)
{
  /* Under the sanitizers and memcheck (VIGIL_TEST_SANITIZED) committing a 10,000-event batch
   * alone can take over 30 s on two shared cores. */
  gint64 deadline = g_get_monotonic_time () +
                    (g_getenv ("VIGIL_TEST_SANITIZED") ? 150 : 30) * G_USEC_PER_SEC;
  GMainContext *context = g_main_context_get_thread_default ();
  g_autoptr(GSource) timer = g_timeout_source_new (20);

  /* The timer makes every iteration return, so the deadline is checked even when nothing
   * else happens. */
  g_source_set_callback (timer, wake_up, NULL, NULL);
  g_source_attach (timer, context);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for a condition");
      g_main_context_iteration (context, TRUE);
    }

  g_source_destroy (timer);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(const gboolean *) data;
}

void
vigil_test_store_wait_flag (const gboolean *flag)
{
  vigil_test_store_wait_until (flag_is_set, (gpointer) flag);
}

void
vigil_test_store_result_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
slot_is_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
vigil_test_store_wait_result (GAsyncResult **slot)
{
  vigil_test_store_wait_until (slot_is_set, slot);
  return g_steal_pointer (slot);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_event_store_flush_finish (VIGIL_EVENT_STORE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

void
vigil_test_store_flush (VigilEventStore *store)
{
  gboolean done = FALSE;

  /* The flush completes in the same hand-back as the commit before it, after its signal. */
  vigil_event_store_flush_async (store, NULL, flushed_cb, &done);
  vigil_test_store_wait_flag (&done);
}
