/* vigil-sim-gateway-private.h — the gateway's state and request plumbing, shared by its files
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "vigil-sim-digest.h"
#include "vigil-sim-gateway.h"
#include "vigil-sim-json.h"
#include "vigil-sim-net.h"
#include "vigil-sim-status.h"
#include "vigil-sim-stream.h"

G_BEGIN_DECLS

#define VIGIL_SIM_MAX_BODY       (1024 * 1024)  /* request bodies we read */
#define VIGIL_SIM_MAX_BATCH      256            /* items of one batch request */
#define VIGIL_SIM_MAX_STREAMS    64             /* open subscriptions */

struct _VigilSimGateway
{
  GObject            parent_instance;

  GMainContext      *context;
  guint32            seed;
  GRand             *rand;
  guint64            rng;

  SoupServer        *server;
  GTlsCertificate   *tls_certificate;
  guint16            port;

  VigilSimDigest    *digest;
  char              *user;
  char              *password;

  /* The gateway as a device */
  char               device_id[37];
  char              *name;
  char              *description;
  char               serial[40];
  char               mac[18];
  char              *time_zone;
  GTimeZone         *tz;
  gint64             clock_offset;
  VigilSimIpConfig   interface;

  /* Panels */
  guint              initial_n_panels;
  GPtrArray         *panels;             /* VigilSimPanel*, in order of addition */
  GHashTable        *panels_by_index;    /* dev_index → VigilSimPanel* (borrowed) */
  guint              max_devices;
  guint              device_reboot_ms;

  /* Events */
  GHashTable        *streams;            /* GUINT_TO_POINTER (id) → VigilSimStream* */
  guint              next_subscription_id;
  guint              heartbeat_ms;
  VigilSimQuirks     quirks;
  guint              video_review_delay_ms;
  GHashTable        *clips;              /* clip name (owned by clip_order) → itself */
  GQueue             clip_order;
  gsize              video_cut;
  GHashTable        *sources;            /* GSource* we must destroy on dispose */
  GBytes            *replay;             /* sent to each new subscription (vigil-sim-replay.c) */

  /* Faults */
  guint              fail_status;
  guint              fail_count;
  guint              delay_ms;
  guint              gateway_reboot_ms;
  gint64             rebooting_until;    /* monotonic µs, 0 = up */

  /* Demo activity */
  gboolean           demo;
  GSource           *demo_source;

  /* Counters */
  guint64            n_requests;
  guint64            n_authorization_headers;
};

/* One request being answered. */
typedef struct
{
  VigilSimGateway   *gateway;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  char              *request_url;      /* path and query, for requestURL */
  GHashTable        *query;            /* decoded; never NULL */
  char              *args[2];          /* the "*" segments of the route */
  char              *user;             /* the authenticated user */
  JsonNode          *body;             /* once parsed */
} VigilSimRequest;

/* Answers */
void            vigil_sim_respond_json        (VigilSimRequest *req,
                                               guint            http_status,
                                               JsonNode        *root);
void            vigil_sim_respond_builder     (VigilSimRequest *req,
                                               guint            http_status,
                                               JsonBuilder     *builder);
void            vigil_sim_respond_status      (VigilSimRequest *req,
                                               VigilSimStatus   status,
                                               const char      *error_msg);
void            vigil_sim_respond_error       (VigilSimRequest *req,
                                               const GError    *error);
void            vigil_sim_respond_ok          (VigilSimRequest *req);
void            vigil_sim_respond_text        (VigilSimRequest *req,
                                               guint            http_status,
                                               const char      *content_type,
                                               const char      *text);

/* Reading the request */
JsonObject     *vigil_sim_request_get_body    (VigilSimRequest  *req,
                                               const char       *root_member,
                                               GError          **error);
char           *vigil_sim_request_dup_text    (VigilSimRequest  *req,
                                               GError          **error);
const char     *vigil_sim_request_get_query   (VigilSimRequest  *req,
                                               const char       *name);
VigilSimPanel  *vigil_sim_request_get_panel   (VigilSimRequest  *req,
                                               gboolean          need_online,
                                               GError          **error);
gboolean        vigil_sim_request_get_id_arg  (VigilSimRequest  *req,
                                               guint             index,
                                               guint            *out,
                                               GError          **error);
void            vigil_sim_request_get_actor   (VigilSimRequest  *req,
                                               VigilSimActor    *actor);

/* Timers owned by the gateway (destroyed on dispose) */
GSource        *vigil_sim_gateway_add_timeout (VigilSimGateway *self,
                                               guint            ms,
                                               GSourceFunc      func,
                                               gpointer         data,
                                               GDestroyNotify   destroy);
void            vigil_sim_gateway_remove_source (VigilSimGateway *self,
                                                 GSource         *source);
GDateTime      *vigil_sim_gateway_dup_now     (VigilSimGateway *self);

/* Panels: adding and removing them keeps the event wiring right. */
VigilSimPanel  *vigil_sim_gateway_create_panel (VigilSimGateway *self,
                                                const char      *ehome_id,
                                                const char      *ehome_key,
                                                const char      *protocol_type,
                                                const char      *name);
void            vigil_sim_gateway_remove_panel (VigilSimGateway *self,
                                                VigilSimPanel   *panel);
VigilSimPanel  *vigil_sim_gateway_lookup_ehome (VigilSimGateway *self,
                                                const char      *ehome_id);

/* Gateway reboot (the whole server answers 503 for a while, streams end) */
void            vigil_sim_gateway_begin_reboot (VigilSimGateway *self);
gboolean        vigil_sim_gateway_is_rebooting (VigilSimGateway *self);

/* Route handlers, by file */
typedef void  (*VigilSimHandler) (VigilSimRequest *req);

/* vigil-sim-gateway-devices.c */
void vigil_sim_handle_add_device       (VigilSimRequest *req);
void vigil_sim_handle_device_list      (VigilSimRequest *req);
void vigil_sim_handle_refresh_dev_info (VigilSimRequest *req);
void vigil_sim_handle_del_device       (VigilSimRequest *req);
void vigil_sim_handle_del_devices      (VigilSimRequest *req);
void vigil_sim_handle_channel_info     (VigilSimRequest *req);

/* vigil-sim-gateway-system.c */
void vigil_sim_handle_user_check       (VigilSimRequest *req);
void vigil_sim_handle_get_device_info  (VigilSimRequest *req);
void vigil_sim_handle_put_device_info  (VigilSimRequest *req);
void vigil_sim_handle_reboot           (VigilSimRequest *req);
void vigil_sim_handle_get_time         (VigilSimRequest *req);
void vigil_sim_handle_put_time         (VigilSimRequest *req);
void vigil_sim_handle_get_time_zone    (VigilSimRequest *req);
void vigil_sim_handle_put_time_zone    (VigilSimRequest *req);
void vigil_sim_handle_get_interfaces   (VigilSimRequest *req);
void vigil_sim_handle_get_interface    (VigilSimRequest *req);
void vigil_sim_handle_put_interface    (VigilSimRequest *req);
void vigil_sim_handle_get_ip_address   (VigilSimRequest *req);
void vigil_sim_handle_put_ip_address   (VigilSimRequest *req);
void vigil_sim_handle_get_io           (VigilSimRequest *req);
void vigil_sim_handle_io_trigger       (VigilSimRequest *req);

/* vigil-sim-gateway-security.c */
void vigil_sim_handle_arm              (VigilSimRequest *req);
void vigil_sim_handle_disarm           (VigilSimRequest *req);
void vigil_sim_handle_clear_alarm      (VigilSimRequest *req);
void vigil_sim_handle_bypass           (VigilSimRequest *req);
void vigil_sim_handle_bypass_recover   (VigilSimRequest *req);
void vigil_sim_handle_outputs          (VigilSimRequest *req);
void vigil_sim_handle_sub_systems      (VigilSimRequest *req);
void vigil_sim_handle_zones            (VigilSimRequest *req);
void vigil_sim_handle_ex_dev_status    (VigilSimRequest *req);

/* vigil-sim-gateway-events.c */
void vigil_sim_handle_subscribe           (VigilSimRequest *req);
void vigil_sim_handle_get_subscribe_dev   (VigilSimRequest *req);
void vigil_sim_handle_post_subscribe_dev  (VigilSimRequest *req);
void vigil_sim_handle_query_status        (VigilSimRequest *req);
void vigil_sim_handle_unsubscribe_dev     (VigilSimRequest *req);
void vigil_sim_handle_unsubscribe         (VigilSimRequest *req);
void vigil_sim_gateway_events_attach_panel (VigilSimGateway *self,
                                            VigilSimPanel   *panel);
void vigil_sim_gateway_events_detach_panel (VigilSimGateway *self,
                                            VigilSimPanel   *panel);
void vigil_sim_gateway_events_announce     (VigilSimGateway *self,
                                            VigilSimPanel   *panel);
void vigil_sim_gateway_close_streams       (VigilSimGateway *self,
                                            gboolean         abrupt);

/* vigil-sim-gateway-media.c */
void vigil_sim_handle_storage             (VigilSimRequest *req);
void vigil_sim_gateway_register_clip      (VigilSimGateway *self,
                                           const char      *name);

/* vigil-sim-gateway-demo.c */
void vigil_sim_gateway_demo_start         (VigilSimGateway *self);
void vigil_sim_gateway_demo_stop          (VigilSimGateway *self);

G_END_DECLS
