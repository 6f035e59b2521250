/* vigil-sim-gateway-events.c — subscriptions and the events the panels raise (guide §6.1, §8.2)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include <string.h>

#include "vigil-sim-alert.h"
#include "vigil-sim-gateway-private.h"
#include "vigil-sim-rng.h"

#define MAX_EVENT_LIST 16

static GDateTime *
gateway_clock (gpointer user_data)
{
  return vigil_sim_gateway_dup_now (user_data);
}

static GPtrArray *
open_streams (VigilSimGateway *self)
{
  GPtrArray *streams = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  if (self->streams == NULL)
    return streams;

  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!vigil_sim_stream_is_closed (value))
      g_ptr_array_add (streams, g_object_ref (value));
  return streams;
}

/* Sends @json (built lazily, once) to every stream that wants @event_type from @panel. */
typedef char *(*BuildFunc) (gpointer data);

static void
fan_out (VigilSimGateway *self,
         VigilSimPanel   *panel,
         const char      *event_type,
         BuildFunc        build,
         gpointer         data)
{
  g_autoptr(GPtrArray) streams = open_streams (self);
  g_autofree char *json = NULL;

  for (guint i = 0; i < streams->len; i++)
    {
      VigilSimStream *stream = g_ptr_array_index (streams, i);

      if (!vigil_sim_stream_accepts (stream, vigil_sim_panel_get_dev_index (panel), event_type))
        continue;
      if (json == NULL)
        json = build (data);
      vigil_sim_stream_push (stream, json);
    }
}

typedef struct
{
  VigilSimGateway        *self;
  VigilSimPanel          *panel;
  const VigilSimCidEvent *event;
  const char             *video_url;
  gboolean                online;
} AlertArgs;

static char *
build_cid (gpointer data)
{
  AlertArgs *args = data;

  return vigil_sim_alert_cid (args->panel, args->event, 0, args->self->quirks);
}

static char *
build_video_review (gpointer data)
{
  AlertArgs *args = data;

  return vigil_sim_alert_video_review (args->panel, args->event, args->video_url, args->self->quirks);
}

static char *
build_dev_status (gpointer data)
{
  AlertArgs *args = data;

  return vigil_sim_alert_dev_status (args->panel, args->online, args->self->quirks);
}

/* ---- Video verification ---- */

typedef struct
{
  VigilSimGateway  *self;
  VigilSimPanel    *panel;
  VigilSimCidEvent  event;
} VideoReview;

static void
video_review_free (gpointer data)
{
  VideoReview *review = data;

  g_object_unref (review->panel);
  g_free (review);
}

static gboolean
video_review_fire (gpointer data)
{
  VideoReview *review = data;
  VigilSimGateway *self = review->self;
  g_autoptr(GDateTime) now = vigil_sim_panel_dup_now (review->panel);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  AlertArgs args = { self, review->panel, &review->event, NULL, FALSE };

  /* Shaped like the guide's example: /HikGatewayStorage/pic?<32 hex>Q<8 digits>_CH02_<time>.mp4 */
  name = g_strdup_printf ("%016" G_GINT64_MODIFIER "X%016" G_GINT64_MODIFIER "XQ%08u_CH%02d_%s.mp4",
                          vigil_sim_rng_next (&self->rng), vigil_sim_rng_next (&self->rng),
                          vigil_sim_rng_range (&self->rng, 0, 100000000),
                          MAX (review->event.video_channel, 1), stamp);
  vigil_sim_gateway_register_clip (self, name);
  url = g_strdup_printf ("/HikGatewayStorage/pic?%s", name);
  args.video_url = url;

  /* Only if the panel is still known: it may have been deleted meanwhile. */
  if (vigil_sim_gateway_lookup_panel (self, vigil_sim_panel_get_dev_index (review->panel)) == review->panel)
    fan_out (self, review->panel, "videoReview", build_video_review, &args);

  return G_SOURCE_REMOVE;
}

static void
on_cid_event (VigilSimPanel          *panel,
              const VigilSimCidEvent *event,
              VigilSimGateway        *self)
{
  AlertArgs args = { self, panel, event, NULL, FALSE };

  fan_out (self, panel, "CIDAlarm", build_cid, &args);

  /* A zone alarm on a panel with visual verification brings the camera's clip a moment later. */
  if (event->cid_type == 1 && event->code / 1000 == 1 && event->video_channel > 0
      && vigil_sim_panel_get_visual_verification (panel))
    {
      VideoReview *review = g_new0 (VideoReview, 1);

      review->self = self;
      review->panel = g_object_ref (panel);
      review->event = *event;
      vigil_sim_gateway_add_timeout (self, self->video_review_delay_ms,
                                     video_review_fire, review, video_review_free);
    }
}

static void
on_online_changed (VigilSimPanel   *panel,
                   GParamSpec      *pspec,
                   VigilSimGateway *self)
{
  AlertArgs args = { self, panel, NULL, NULL, vigil_sim_panel_get_online (panel) };

  fan_out (self, panel, "devStatusChanged", build_dev_status, &args);
}

void
vigil_sim_gateway_events_attach_panel (VigilSimGateway *self,
                                       VigilSimPanel   *panel)
{
  g_signal_connect_object (panel, "cid-event", G_CALLBACK (on_cid_event), self, 0);
  g_signal_connect_object (panel, "notify::online", G_CALLBACK (on_online_changed), self, 0);
}

/* A device that appears (added) tells the subscriptions it is online. */
void
vigil_sim_gateway_events_announce (VigilSimGateway *self,
                                   VigilSimPanel   *panel)
{
  on_online_changed (panel, NULL, self);
}

void
vigil_sim_gateway_events_detach_panel (VigilSimGateway *self,
                                       VigilSimPanel   *panel)
{
  g_signal_handlers_disconnect_by_data (panel, self);
}

/* ---- Streams ---- */

static void
on_stream_closed (VigilSimStream  *stream,
                  VigilSimGateway *self)
{
  /* The subscription ends with its connection, as on a real gateway. */
  if (self->streams != NULL)
    g_hash_table_remove (self->streams, GUINT_TO_POINTER (vigil_sim_stream_get_id (stream)));
}

void
vigil_sim_gateway_close_streams (VigilSimGateway *self,
                                 gboolean         abrupt)
{
  g_autoptr(GPtrArray) streams = open_streams (self);

  for (guint i = 0; i < streams->len; i++)
    vigil_sim_stream_close (g_ptr_array_index (streams, i), abrupt);
  if (abrupt && self->streams != NULL)
    g_hash_table_remove_all (self->streams);
}

static VigilSimStream *
lookup_stream (VigilSimRequest  *req,
               GError          **error)
{
  VigilSimStream *stream = NULL;
  guint id;

  if (!vigil_sim_request_get_id_arg (req, 0, &id, error))
    return NULL;

  stream = g_hash_table_lookup (req->gateway->streams, GUINT_TO_POINTER (id));
  if (stream == NULL || vigil_sim_stream_is_closed (stream))
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_SESSION_ID_DOES_NOT_EXIST,
                   "there is no subscription %u", id);
      return NULL;
    }
  return stream;
}

/* An eventList: strings only, a few of them. NULL (with @error) when malformed. */
static GStrv
read_event_list (JsonObject  *object,
                 GError     **error)
{
  JsonArray *array = vigil_sim_json_get_array (object, "eventList");
  GStrvBuilder *builder;
  GStrv list;

  if (array == NULL || json_array_get_length (array) == 0
      || json_array_get_length (array) > MAX_EVENT_LIST)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "eventList must list 1 to %u event types when the mode is \"part\"",
                   MAX_EVENT_LIST);
      return NULL;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
          || strlen (json_node_get_string (node)) > 32)
        {
          g_strv_builder_unref (builder);
          g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                               "eventList must hold event type strings");
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  list = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return list;
}

/* uploadMode / defenceMode: "all" or "part" (with its eventList). */
static gboolean
read_mode (JsonObject  *object,
           const char  *member,
           gboolean    *all,
           GStrv       *event_list,
           GError     **error)
{
  const char *mode = vigil_sim_json_get_string (object, member);

  *event_list = NULL;
  if (g_strcmp0 (mode, "all") == 0)
    {
      *all = TRUE;
      return TRUE;
    }
  if (g_strcmp0 (mode, "part") == 0)
    {
      *all = FALSE;
      *event_list = read_event_list (object, error);
      return *event_list != NULL;
    }

  g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
               "%s must be \"all\" or \"part\"", member);
  return FALSE;
}

static void
push_current_status (VigilSimGateway *self,
                     VigilSimStream  *stream,
                     VigilSimPanel   *panel)
{
  g_autofree char *json = vigil_sim_alert_dev_status (panel, vigil_sim_panel_get_online (panel),
                                                      self->quirks);

  vigil_sim_stream_push (stream, json);
}

void
vigil_sim_handle_subscribe (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSimStream) stream = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *first = NULL;
  JsonObject *body;
  const char *event_mode;
  guint id;
  guint n_failed = 0;

  body = vigil_sim_request_get_body (req, "SubscribeDeviceMgmt", &error);
  if (body == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (g_hash_table_size (self->streams) >= VIGIL_SIM_MAX_STREAMS)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_INTERFACE_OPERATION_ERROR,
                                "no more subscriptions can be opened");
      return;
    }

  id = self->next_subscription_id++;
  stream = vigil_sim_stream_new (id, req->msg);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "SubscribeDeviceMgmtRsp");
  json_builder_begin_object (builder);
  vigil_sim_json_add_int (builder, "id", id);

  event_mode = vigil_sim_json_get_string (body, "eventMode");
  if (g_strcmp0 (event_mode, "all") == 0)
    {
      g_auto(GStrv) event_list = NULL;
      gboolean all;

      if (!read_mode (body, "defenceMode", &all, &event_list, &error))
        {
          vigil_sim_respond_error (req, error);
          return;
        }
      vigil_sim_stream_set_mode_all (stream, all, (const char * const *) event_list);
    }
  else if (g_strcmp0 (event_mode, "device") == 0)
    {
      JsonArray *list = vigil_sim_json_get_array (body, "DevEventList");

      if (list == NULL || json_array_get_length (list) == 0
          || json_array_get_length (list) > self->max_devices + VIGIL_SIM_MAX_BATCH)
        {
          vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                    "eventMode \"device\" needs a DevEventList");
          return;
        }

      vigil_sim_stream_set_mode_device (stream);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          JsonObject *dev = JSON_NODE_HOLDS_OBJECT (node)
                            ? vigil_sim_json_get_object (json_node_get_object (node), "Dev") : NULL;
          const char *dev_index = vigil_sim_json_get_string (dev, "devIndex");
          g_auto(GStrv) event_list = NULL;
          g_autoptr(GError) dev_error = NULL;
          VigilSimStatus failure = VIGIL_SIM_STATUS_OK;
          gboolean all;

          if (dev_index == NULL || !read_mode (dev, "uploadMode", &all, &event_list, &dev_error))
            failure = VIGIL_SIM_STATUS_BAD_PARAMETERS;
          else if (vigil_sim_gateway_lookup_panel (self, dev_index) == NULL)
            failure = VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST;
          else
            vigil_sim_stream_set_device (stream, dev_index, all, (const char * const *) event_list);

          if (failure == VIGIL_SIM_STATUS_OK)
            continue;

          if (n_failed++ == 0)
            {
              json_builder_set_member_name (builder, "FailList");
              json_builder_begin_array (builder);
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "Dev");
          json_builder_begin_object (builder);
          vigil_sim_json_add_string (builder, "devIndex", dev_index != NULL ? dev_index : "");
          vigil_sim_json_add_string (builder, "subStatusCode", vigil_sim_status_sub_code (failure));
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      if (n_failed > 0)
        json_builder_end_array (builder);
    }
  else
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "eventMode must be \"all\" or \"device\"");
      return;
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  first = json_generator_to_data (generator, NULL);

  g_hash_table_insert (self->streams, GUINT_TO_POINTER (id), g_object_ref (stream));
  g_signal_connect_object (stream, "closed", G_CALLBACK (on_stream_closed), self, 0);
  vigil_sim_stream_set_quirks (stream, self->quirks);
  vigil_sim_stream_start (stream, first);
  vigil_sim_stream_set_heartbeat (stream, self->heartbeat_ms, self->quirks, gateway_clock, self);

  /* As in the guide's §6.1 example, the status of every followed device comes right after
   * the subscription's id. */
  for (guint i = 0; i < self->panels->len; i++)
    {
      VigilSimPanel *panel = g_ptr_array_index (self->panels, i);

      if (vigil_sim_stream_accepts (stream, vigil_sim_panel_get_dev_index (panel), "devStatusChanged"))
        push_current_status (self, stream, panel);
    }

  if (self->replay != NULL)
    vigil_sim_stream_replay (stream, self->replay);
}

void
vigil_sim_handle_get_subscribe_dev (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  VigilSimStream *stream = lookup_stream (req, &error);
  const char * const *event_list = NULL;
  gboolean all;

  if (stream == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (vigil_sim_gateway_lookup_panel (req->gateway, req->args[1]) == NULL
      || !vigil_sim_stream_lookup_device (stream, req->args[1], &all, &event_list))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,
                                "the subscription does not follow this device");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "SubscribeDevEvent");
  json_builder_begin_object (builder);
  vigil_sim_json_add_string (builder, "devIndex", req->args[1]);
  vigil_sim_json_add_string (builder, "uploadMode", all ? "all" : "part");
  if (!all)
    {
      json_builder_set_member_name (builder, "eventList");
      json_builder_begin_array (builder);
      for (guint i = 0; event_list != NULL && event_list[i] != NULL; i++)
        json_builder_add_string_value (builder, event_list[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_post_subscribe_dev (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) event_list = NULL;
  VigilSimStream *stream = lookup_stream (req, &error);
  VigilSimPanel *panel;
  JsonObject *body;
  const char *dev_index;
  gboolean all;

  if (stream == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  if (vigil_sim_stream_get_mode_all (stream))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_NOT_SUPPORT,
                                "not supported when the subscription's eventMode is \"all\"");
      return;
    }

  body = vigil_sim_request_get_body (req, "SubscribeDevEvent", &error);
  if (body == NULL || !read_mode (body, "uploadMode", &all, &event_list, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  dev_index = vigil_sim_json_get_string (body, "devIndex");
  if (dev_index != NULL && g_strcmp0 (dev_index, req->args[1]) != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "devIndex in the body differs from the one in the URL");
      return;
    }

  panel = vigil_sim_gateway_lookup_panel (req->gateway, req->args[1]);
  if (panel == NULL)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST, NULL);
      return;
    }

  vigil_sim_stream_set_device (stream, req->args[1], all, (const char * const *) event_list);
  vigil_sim_respond_ok (req);
  push_current_status (req->gateway, stream, panel);
}

void
vigil_sim_handle_query_status (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(GStrv) devices = NULL;
  VigilSimStream *stream = lookup_stream (req, &error);

  if (stream == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  if (vigil_sim_stream_get_mode_all (stream))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_NOT_SUPPORT,
                                "not supported when the subscription's eventMode is \"all\"");
      return;
    }

  devices = vigil_sim_stream_dup_devices (stream);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "SubscribeQueryStatusList");
  json_builder_begin_array (builder);
  for (guint i = 0; devices[i] != NULL; i++)
    {
      VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (req->gateway, devices[i]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Dev");
      json_builder_begin_object (builder);
      vigil_sim_json_add_string (builder, "devIndex", devices[i]);
      vigil_sim_json_add_string (builder, "status",
                                 panel == NULL ? "fail"
                                 : vigil_sim_panel_get_online (panel) ? "continue" : "abnormalLink");
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_unsubscribe_dev (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  VigilSimStream *stream = lookup_stream (req, &error);

  if (stream == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  if (vigil_sim_stream_get_mode_all (stream))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_NOT_SUPPORT,
                                "not supported when the subscription's eventMode is \"all\"");
      return;
    }
  if (!vigil_sim_stream_remove_device (stream, req->args[1]))
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,
                                "the subscription does not follow this device");
      return;
    }
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_unsubscribe (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  VigilSimStream *stream = lookup_stream (req, &error);

  if (stream == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  vigil_sim_stream_close (stream, FALSE);
  g_hash_table_remove (req->gateway->streams, GUINT_TO_POINTER (vigil_sim_stream_get_id (stream)));
  vigil_sim_respond_ok (req);
}

/* ---- Public controls ---- */

/**
 * vigil_sim_gateway_set_heartbeat_interval:
 *
 * Time between heartbeats on every stream (default 10000 ms, the guide's 10 s).
 */
void
vigil_sim_gateway_set_heartbeat_interval (VigilSimGateway *self,
                                          guint            interval_ms)
{
  g_autoptr(GPtrArray) streams = NULL;

  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  g_return_if_fail (interval_ms > 0);

  self->heartbeat_ms = interval_ms;
  streams = open_streams (self);
  for (guint i = 0; i < streams->len; i++)
    vigil_sim_stream_set_heartbeat (g_ptr_array_index (streams, i), interval_ms, self->quirks,
                                    gateway_clock, self);
}

/**
 * vigil_sim_gateway_set_quirks:
 *
 * Turns on the deviations of #VigilSimQuirks for every stream, open ones included.
 */
void
vigil_sim_gateway_set_quirks (VigilSimGateway *self,
                              VigilSimQuirks   quirks)
{
  g_autoptr(GPtrArray) streams = NULL;

  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));

  self->quirks = quirks;
  streams = open_streams (self);
  for (guint i = 0; i < streams->len; i++)
    vigil_sim_stream_set_quirks (g_ptr_array_index (streams, i), quirks);
}

VigilSimQuirks
vigil_sim_gateway_get_quirks (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->quirks;
}

/**
 * vigil_sim_gateway_inject_stream_fault:
 * @subscription_id: one subscription, or 0 for every open one
 */
void
vigil_sim_gateway_inject_stream_fault (VigilSimGateway     *self,
                                       guint                subscription_id,
                                       VigilSimStreamFault  fault)
{
  g_autoptr(GPtrArray) streams = NULL;

  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));

  streams = open_streams (self);
  for (guint i = 0; i < streams->len; i++)
    {
      VigilSimStream *stream = g_ptr_array_index (streams, i);

      if (subscription_id == 0 || vigil_sim_stream_get_id (stream) == subscription_id)
        vigil_sim_stream_inject_fault (stream, fault);
    }
}

typedef struct
{
  VigilSimPanel  *panel;
  VigilSimQuirks  quirks;
  guint           code;
  guint64         rng;
} Burst;

static void
burst_free (gpointer data)
{
  Burst *burst = data;

  g_object_unref (burst->panel);
  g_free (burst);
}

static char *
burst_event (guint64  seq,
             gpointer data)
{
  Burst *burst = data;
  guint n_zones = vigil_sim_panel_get_n_zones (burst->panel);
  VigilSimCidEvent event = { 0 };
  guint zone = 1 + (guint) (seq % n_zones);

  event.code = burst->code;
  event.cid_type = burst->code / 100 % 10 == 1 ? 1 : 5;
  event.partition = vigil_sim_panel_get_zone_partition (burst->panel, zone);
  event.zone = zone;
  event.user_type = 0;
  event.user_no = -1;
  event.keyboard_no = -1;
  event.video_channel = -1;
  event.module_addr = -1;
  g_strlcpy (event.user_name, "NONE", sizeof event.user_name);
  vigil_sim_rng_uuid (&burst->rng, event.uuid);
  event.time = g_get_real_time () / G_USEC_PER_SEC;

  return vigil_sim_alert_cid (burst->panel, &event, seq, burst->quirks);
}

/**
 * vigil_sim_gateway_burst:
 * @subscription_id: one subscription, or 0 for every open one
 * @n_events: how many
 * @cid_code: the CID code of each (0: 1130 Burglary Alarm)
 *
 * Sends @n_events CIDAlarm events as fast as each stream's reader takes them. Each has its
 * own UUID and a "seq" member (1, 2, …) inside EventNotificationAlert so that a client can
 * count what it lost. They come from the first panel the subscription follows.
 */
void
vigil_sim_gateway_burst (VigilSimGateway *self,
                         guint            subscription_id,
                         guint64          n_events,
                         guint            cid_code)
{
  g_autoptr(GPtrArray) streams = NULL;

  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));

  streams = open_streams (self);
  for (guint i = 0; i < streams->len; i++)
    {
      VigilSimStream *stream = g_ptr_array_index (streams, i);
      VigilSimPanel *panel = NULL;
      Burst *burst;

      if (subscription_id != 0 && vigil_sim_stream_get_id (stream) != subscription_id)
        continue;

      for (guint p = 0; p < self->panels->len && panel == NULL; p++)
        if (vigil_sim_stream_accepts (stream,
                                      vigil_sim_panel_get_dev_index (g_ptr_array_index (self->panels, p)),
                                      "CIDAlarm"))
          panel = g_ptr_array_index (self->panels, p);
      if (panel == NULL)
        continue;

      burst = g_new0 (Burst, 1);
      burst->panel = g_object_ref (panel);
      burst->quirks = self->quirks;
      burst->code = cid_code != 0 ? cid_code : 1130;
      burst->rng = vigil_sim_rng_next (&self->rng);
      vigil_sim_stream_burst (stream, n_events, burst_event, burst, burst_free);
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * vigil_sim_gateway_dup_subscription_ids:
 *
 * Returns: (transfer full) (element-type guint): the ids of the open subscriptions, ascending
 */
GArray *
vigil_sim_gateway_dup_subscription_ids (VigilSimGateway *self)
{
  g_autoptr(GPtrArray) streams = NULL;
  GArray *ids;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);

  streams = open_streams (self);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint), streams->len);
  for (guint i = 0; i < streams->len; i++)
    {
      guint id = vigil_sim_stream_get_id (g_ptr_array_index (streams, i));

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_uint);
  return ids;
}

static VigilSimStream *
find_stream (VigilSimGateway *self,
             guint            subscription_id)
{
  VigilSimStream *stream = self->streams != NULL
                           ? g_hash_table_lookup (self->streams, GUINT_TO_POINTER (subscription_id))
                           : NULL;
  return stream;
}

/**
 * vigil_sim_gateway_get_events_sent:
 *
 * Returns: event parts (not the first part, not heartbeats) written to an open subscription;
 *   0 for an unknown one
 */
guint64
vigil_sim_gateway_get_events_sent (VigilSimGateway *self,
                                   guint            subscription_id)
{
  VigilSimStream *stream;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);

  stream = find_stream (self, subscription_id);
  return stream != NULL ? vigil_sim_stream_get_events_sent (stream) : 0;
}

guint64
vigil_sim_gateway_get_heartbeats_sent (VigilSimGateway *self,
                                       guint            subscription_id)
{
  VigilSimStream *stream;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);

  stream = find_stream (self, subscription_id);
  return stream != NULL ? vigil_sim_stream_get_heartbeats_sent (stream) : 0;
}
