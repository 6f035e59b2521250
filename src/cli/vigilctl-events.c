/* vigilctl-events.c — `vigilctl events`: the live event stream on a terminal or in a pipe
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigilctl"

#include <glib/gi18n.h>

#include "vigilctl-private.h"
#include "vigil-event-store.h"
#include "vigil-event-stream.h"

typedef struct
{
  Vigilctl *ctl;
  gboolean follow;
  gboolean heartbeats;
  GStrv devices;
  GStrv types;
  VigilEventStore *store;
  gboolean done;
  int status;
} EventsRun;

static gboolean
wanted (EventsRun  *run,
        VigilEvent *event)
{
  /* Vigil's own notes (gaps, unreadable parts) always show: they say what may be missing. */
  if (event->type == VIGIL_EVENT_LINK_LOST || event->type == VIGIL_EVENT_LINK_RESTORED ||
      event->type == VIGIL_EVENT_STREAM_ERROR)
    return TRUE;
  if (event->type == VIGIL_EVENT_HEARTBEAT && !run->heartbeats)
    return FALSE;
  if (run->devices != NULL && event->dev_index != NULL &&
      !g_strv_contains ((const char * const *) run->devices, event->dev_index))
    return FALSE;
  if (run->types != NULL && event->type != VIGIL_EVENT_HEARTBEAT &&
      !g_strv_contains ((const char * const *) run->types, event->event_type ? event->event_type : ""))
    return FALSE;
  return TRUE;
}

static char *
format_time (GDateTime *when)
{
  return when ? g_date_time_format (when, "%Y-%m-%d %H:%M:%S%:z") : g_strdup ("-");
}

static void
print_human (VigilEvent *event)
{
  g_autofree char *when = format_time (event->date_time ? event->date_time : event->received_at);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *safe = NULL;

  g_string_append_printf (line, "%s  %-16s", when, vigil_event_type_to_string (event->type));

  switch (event->type)
    {
    case VIGIL_EVENT_LINK_LOST:
      g_string_append (line, _("link lost"));
      break;
    case VIGIL_EVENT_LINK_RESTORED:
      {
        g_autofree char *start = format_time (event->gap_start);
        g_autofree char *end = format_time (event->gap_end);
        g_string_append_printf (line, _("link restored; gap %s – %s"), start, end);
      }
      break;
    case VIGIL_EVENT_STREAM_ERROR:
      g_string_append (line, event->parse_note ? event->parse_note : _("a part could not be read"));
      break;
    default:
      if (event->has_cid)
        g_string_append_printf (line, "%s %s", event->cid_code ? event->cid_code : "?",
                                event->cid_description ? event->cid_description : "");
      else if (event->status != NULL)
        g_string_append (line, event->status);
      else if (event->event_description != NULL)
        g_string_append (line, event->event_description);
      if (event->dev_index != NULL)
        g_string_append_printf (line, "  %s %s", _("panel"), event->dev_index);
      if (event->partition > 0)
        g_string_append_printf (line, "  %s %d", _("partition"), event->partition);
      if (event->zone > 0)
        g_string_append_printf (line, "  %s %d", _("zone"), event->zone);
      if (event->user_name != NULL)
        g_string_append_printf (line, "  %s %s", _("user"), event->user_name);
      if (event->video_url != NULL)
        g_string_append_printf (line, "  %s %s", _("video"), event->video_url);
      if (event->priority < VIGIL_PRIORITY_INFO)
        g_string_append_printf (line, "  P%d", event->priority);
      break;
    }

  /* The gateway's text must not be able to steer the terminal. */
  safe = vigilctl_sanitize (line->str);
  g_print ("%s\n", safe);
}

static void
on_event (VigilEventStream *stream,
          VigilEvent       *event,
          EventsRun        *run)
{
  if (run->store != NULL && (event->type != VIGIL_EVENT_HEARTBEAT || run->heartbeats))
    vigil_event_store_append (run->store, event);

  if (!wanted (run, event))
    return;

  if (run->ctl->json)
    {
      g_autofree char *line = vigil_event_to_json_line (event);
      g_print ("%s\n", line);
    }
  else
    print_human (event);

  /* Each event reaches a pipe the moment it arrives. */
  fflush (stdout);
}

static void
on_state (VigilEventStream *stream,
          GParamSpec       *pspec,
          EventsRun        *run)
{
  VigilStreamState state = vigil_event_stream_get_state (stream);
  const GError *error = vigil_event_stream_get_last_error (stream);

  if (state == VIGIL_STREAM_FAILED || (state == VIGIL_STREAM_WAITING && !run->follow))
    {
      run->status = error ? vigilctl_fail (run->ctl, error) : VIGILCTL_EXIT_CONNECTION;
      run->done = TRUE;
    }
  else if (state == VIGIL_STREAM_WAITING && error != NULL && !run->ctl->json)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDateTime *at = vigil_event_stream_get_reconnect_at (stream);
      GTimeSpan wait = at ? g_date_time_difference (at, now) : 0;

      g_printerr (_("%s Reconnecting in %.1f s.\n"), error->message, MAX (0, wait) / (double) G_USEC_PER_SEC);
    }
}

static VigilSubscribeRequest *
build_request (EventsRun *run)
{
  VigilSubscribeRequest *request = vigil_subscribe_request_new ();
  /* Only these two may be named in an eventList (§9.27, §9.28). */
  gboolean partial = run->types != NULL &&
                     !g_strv_contains ((const char * const *) run->types, "devStatusChanged");

  if (run->devices != NULL)
    {
      request->event_mode = g_strdup ("device");
      request->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_subscribe_dev_event_free);
      for (guint i = 0; run->devices[i] != NULL; i++)
        {
          VigilSubscribeDevEvent *dev = vigil_subscribe_dev_event_new ();

          dev->dev_index = g_strdup (run->devices[i]);
          dev->upload_mode = g_strdup (partial ? "part" : "all");
          if (partial)
            dev->event_list = g_strdupv (run->types);
          g_ptr_array_add (request->devices, dev);
        }
    }
  else
    {
      request->event_mode = g_strdup ("all");
      request->defence_mode = g_strdup (partial ? "part" : "all");
      if (partial)
        request->event_list = g_strdupv (run->types);
    }

  return request;
}

static GStrv
split_types (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
on_stopped (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  vigil_event_stream_stop_finish (VIGIL_EVENT_STREAM (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

int
vigilctl_cmd_events (Vigilctl  *ctl,
                     int        argc,
                     char     **argv)
{
  EventsRun run = { ctl, FALSE, FALSE, NULL, NULL, NULL, FALSE, VIGILCTL_EXIT_OK };
  g_auto(GStrv) devices = NULL;
  g_autofree char *types = NULL;
  g_autofree char *db = NULL;
  gint heartbeat_timeout = VIGIL_EVENT_STREAM_DEFAULT_HEARTBEAT_TIMEOUT;
  g_autoptr(VigilEventStream) stream = NULL;
  g_autoptr(VigilSubscribeRequest) request = NULL;
  g_autoptr(VigilEventStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stopped = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "follow", 0, 0, G_OPTION_ARG_NONE, &run.follow, N_("Reconnect when the link is lost, and note the gap"), NULL },
    { "device", 0, 0, G_OPTION_ARG_STRING_ARRAY, &devices, N_("Only this panel (repeatable)"), N_("UUID") },
    { "types", 0, 0, G_OPTION_ARG_STRING, &types, N_("Only these event types, e.g. CIDAlarm,videoReview"), N_("LIST") },
    { "heartbeats", 0, 0, G_OPTION_ARG_NONE, &run.heartbeats, N_("Show heartbeats too"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Also store every event in this SQLite file"), N_("FILE") },
    { "heartbeat-timeout", 0, 0, G_OPTION_ARG_INT, &heartbeat_timeout, N_("Seconds of silence before the link counts as lost (default 30)"), N_("S") },
    { NULL },
  };

  if (!vigilctl_parse_command (ctl, NULL,
                               _("Print the gateway's events as they arrive; with --json one object a line."),
                               entries, &argc, &argv, 0, 0, &status))
    return status;

  if (heartbeat_timeout < 1 || heartbeat_timeout > 3600)
    return vigilctl_usage_error (ctl, _("--heartbeat-timeout must be 1–3600 seconds."));

  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    if (!vigilctl_check_dev_index (ctl, devices[i], &status))
      return status;
  run.devices = devices;
  if (types != NULL)
    {
      run.types = split_types (types);
      if (run.types[0] == NULL)
        return vigilctl_usage_error (ctl, _("--types needs at least one event type."));
    }

  if (db != NULL)
    {
      store = vigil_event_store_new_sync (db, NULL, &error);
      if (store == NULL)
        {
          g_printerr (_("Cannot open the event store %s: %s\n"), db, error->message);
          g_strfreev (run.types);
          return VIGILCTL_EXIT_USAGE;
        }
      run.store = store;
    }

  if (!vigilctl_connect (ctl, &status))
    {
      g_strfreev (run.types);
      return status;
    }

  stream = vigil_event_stream_new (ctl->client);
  request = build_request (&run);
  vigil_event_stream_set_request (stream, request);
  vigil_event_stream_set_heartbeat_timeout (stream, (guint) heartbeat_timeout);
  g_signal_connect (stream, "event", G_CALLBACK (on_event), &run);
  g_signal_connect (stream, "notify::state", G_CALLBACK (on_state), &run);
  vigil_event_stream_start (stream);

  while (!run.done && !ctl->interrupted)
    g_main_context_iteration (NULL, TRUE);

  /* Leave the gateway tidy: end the subscription (best effort, bounded by the timeout). */
  g_signal_handlers_disconnect_by_data (stream, &run);
  vigil_event_stream_stop_async (stream, NULL, on_stopped, &stopped);
  while (!stopped)
    g_main_context_iteration (NULL, TRUE);

  if (store != NULL && !vigil_event_store_flush_sync (store, &error))
    {
      g_printerr (_("Storing events failed: %s\n"), error->message);
      run.status = VIGILCTL_EXIT_REFUSED;
    }

  g_strfreev (run.types);
  /* Ctrl+C is how a watch ends: not an error. */
  return run.status;
}
