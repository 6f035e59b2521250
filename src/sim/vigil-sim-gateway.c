/* vigil-sim-gateway.c — a simulated Hikvision IP Receiver Device Gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the server: listening, authentication, fault injection, routing and the
 * answer helpers. The URIs themselves are in vigil-sim-gateway-{devices,system,security,
 * events,media}.c, the demo activity in vigil-sim-gateway-demo.c.
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include <string.h>

#include "vigil-sim-gateway-private.h"
#include "vigil-sim-rng.h"
#include "vigil-sim-tz.h"

#define DEFAULT_MAX_DEVICES       1000
#define DEFAULT_HEARTBEAT_MS      10000
#define DEFAULT_REBOOT_MS         5000
#define DEFAULT_VIDEO_REVIEW_MS   2000
#define GATEWAY_TIME_ZONE         "CET-1:00:00DST01:00:00,M3.5.0/02:00:00,M10.5.0/03:00:00"

enum {
  PROP_0,
  PROP_SEED,
  PROP_N_PANELS,
  PROP_DEMO_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilSimGateway, vigil_sim_gateway, G_TYPE_OBJECT)

typedef enum
{
  M_GET    = 1 << 0,
  M_PUT    = 1 << 1,
  M_POST   = 1 << 2,
  M_DELETE = 1 << 3,
  M_HEAD   = 1 << 4,
} Method;

typedef struct
{
  const char      *pattern;   /* "*" stands for one segment */
  Method           method;
  VigilSimHandler  handler;
} Route;

static const Route routes[] = {
  { "/ISAPI/Security/userCheck", M_GET, vigil_sim_handle_user_check },

  { "/ISAPI/ContentMgmt/DeviceMgmt/addDevice", M_POST, vigil_sim_handle_add_device },
  { "/ISAPI/ContentMgmt/DeviceMgmt/deviceList", M_POST, vigil_sim_handle_device_list },
  { "/ISAPI/ContentMgmt/DeviceMgmt/refreshDevInfo", M_POST, vigil_sim_handle_refresh_dev_info },
  { "/ISAPI/ContentMgmt/DeviceMgmt/delDevice", M_DELETE, vigil_sim_handle_del_device },
  { "/ISAPI/ContentMgmt/DeviceMgmt/delDevice", M_POST, vigil_sim_handle_del_devices },
  { "/ISAPI/ContentMgmt/DeviceMgmt/channelInfo", M_GET, vigil_sim_handle_channel_info },

  { "/ISAPI/System/deviceInfo", M_GET, vigil_sim_handle_get_device_info },
  { "/ISAPI/System/deviceInfo", M_PUT, vigil_sim_handle_put_device_info },
  { "/ISAPI/System/reboot", M_PUT, vigil_sim_handle_reboot },
  { "/ISAPI/System/time", M_GET, vigil_sim_handle_get_time },
  { "/ISAPI/System/time", M_PUT, vigil_sim_handle_put_time },
  { "/ISAPI/System/time/timeZone", M_GET, vigil_sim_handle_get_time_zone },
  { "/ISAPI/System/time/timeZone", M_PUT, vigil_sim_handle_put_time_zone },
  { "/ISAPI/System/Network/interfaces", M_GET, vigil_sim_handle_get_interfaces },
  { "/ISAPI/System/Network/interfaces/*", M_GET, vigil_sim_handle_get_interface },
  { "/ISAPI/System/Network/interfaces/*", M_PUT, vigil_sim_handle_put_interface },
  { "/ISAPI/System/Network/interfaces/*/ipAddress", M_GET, vigil_sim_handle_get_ip_address },
  { "/ISAPI/System/Network/interfaces/*/ipAddress", M_PUT, vigil_sim_handle_put_ip_address },
  { "/ISAPI/System/IO", M_GET, vigil_sim_handle_get_io },
  { "/ISAPI/System/IO/outputs/*/trigger", M_PUT, vigil_sim_handle_io_trigger },

  { "/ISAPI/SecurityCP/control/arm/*", M_PUT, vigil_sim_handle_arm },
  { "/ISAPI/SecurityCP/control/disarm/*", M_PUT, vigil_sim_handle_disarm },
  { "/ISAPI/SecurityCP/control/clearAlarm/*", M_PUT, vigil_sim_handle_clear_alarm },
  { "/ISAPI/SecurityCP/control/bypass", M_PUT, vigil_sim_handle_bypass },
  { "/ISAPI/SecurityCP/control/bypassRecover", M_PUT, vigil_sim_handle_bypass_recover },
  { "/ISAPI/SecurityCP/control/outputs", M_POST, vigil_sim_handle_outputs },
  { "/ISAPI/SecurityCP/status/subSystems", M_GET, vigil_sim_handle_sub_systems },
  { "/ISAPI/SecurityCP/status/zones", M_GET, vigil_sim_handle_zones },
  { "/ISAPI/SecurityCP/status/exDevStatus", M_GET, vigil_sim_handle_ex_dev_status },

  { "/ISAPI/Event/notification/subscribeDeviceMgmt", M_POST, vigil_sim_handle_subscribe },
  { "/ISAPI/Event/notification/subscribeDeviceMgmt/*/devIndex/*", M_GET, vigil_sim_handle_get_subscribe_dev },
  { "/ISAPI/Event/notification/subscribeDeviceMgmt/*/devIndex/*", M_POST, vigil_sim_handle_post_subscribe_dev },
  { "/ISAPI/Event/notification/subscribeDeviceMgmt/*/queryStatus", M_GET, vigil_sim_handle_query_status },
  { "/ISAPI/Event/notification/unSubscribeDeviceMgmt/*/devIndex/*", M_DELETE, vigil_sim_handle_unsubscribe_dev },
  { "/ISAPI/Event/notification/unSubscribeDeviceMgmt/*", M_DELETE, vigil_sim_handle_unsubscribe },
};

static void
vigil_sim_gateway_dispose (GObject *object)
{
  VigilSimGateway *self = (VigilSimGateway *)object;

  vigil_sim_gateway_demo_stop (self);

  if (self->streams != NULL)
    vigil_sim_gateway_close_streams (self, TRUE);

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  g_clear_pointer (&self->streams, g_hash_table_unref);

  if (self->sources != NULL)
    {
      GHashTableIter iter;
      gpointer source;

      g_hash_table_iter_init (&iter, self->sources);
      while (g_hash_table_iter_next (&iter, &source, NULL))
        g_source_destroy (source);
      g_clear_pointer (&self->sources, g_hash_table_unref);
    }

  if (self->panels != NULL)
    {
      for (guint i = 0; i < self->panels->len; i++)
        vigil_sim_gateway_events_detach_panel (self, g_ptr_array_index (self->panels, i));
      g_clear_pointer (&self->panels, g_ptr_array_unref);
    }
  g_clear_pointer (&self->panels_by_index, g_hash_table_unref);

  G_OBJECT_CLASS (vigil_sim_gateway_parent_class)->dispose (object);
}

static void
vigil_sim_gateway_finalize (GObject *object)
{
  VigilSimGateway *self = (VigilSimGateway *)object;

  g_clear_object (&self->tls_certificate);
  g_clear_object (&self->digest);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->clips, g_hash_table_unref);
  g_clear_pointer (&self->replay, g_bytes_unref);
  g_queue_clear_full (&self->clip_order, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (vigil_sim_gateway_parent_class)->finalize (object);
}

static void
vigil_sim_gateway_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilSimGateway *self = VIGIL_SIM_GATEWAY (object);

  switch (prop_id)
    {
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;

    case PROP_N_PANELS:
      g_value_set_uint (value, self->panels != NULL ? self->panels->len : 0);
      break;

    case PROP_DEMO_ACTIVITY:
      g_value_set_boolean (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_sim_gateway_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilSimGateway *self = VIGIL_SIM_GATEWAY (object);

  switch (prop_id)
    {
    case PROP_SEED:
      self->seed = g_value_get_uint (value);
      break;

    case PROP_N_PANELS:
      self->initial_n_panels = g_value_get_uint (value);
      break;

    case PROP_DEMO_ACTIVITY:
      vigil_sim_gateway_set_demo_activity (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A password nobody can guess from the outside, yet the same for the same seed so that a
 * script can run the simulator twice against the same stored credentials. */
static char *
make_password (guint64 *rng)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  GString *out = g_string_new ("Vigil-");

  for (guint i = 0; i < 10; i++)
    g_string_append_c (out, alphabet[vigil_sim_rng_range (rng, 0, sizeof alphabet - 1)]);
  return g_string_free (out, FALSE);
}

static void
vigil_sim_gateway_constructed (GObject *object)
{
  VigilSimGateway *self = (VigilSimGateway *)object;
  g_autofree char *realm = NULL;

  G_OBJECT_CLASS (vigil_sim_gateway_parent_class)->constructed (object);

  self->rand = g_rand_new_with_seed (self->seed);
  self->rng = ((guint64) g_rand_int (self->rand) << 32) | g_rand_int (self->rand);

  realm = g_strdup_printf ("DS-GWAS0101(%04u)", vigil_sim_rng_range (&self->rng, 1000, 10000));
  self->digest = vigil_sim_digest_new (realm, g_rand_int (self->rand));
  self->user = g_strdup ("admin");
  self->password = make_password (&self->rng);
  vigil_sim_digest_set_credentials (self->digest, self->user, self->password);

  vigil_sim_rng_uuid (&self->rng, self->device_id);
  self->name = g_strdup ("Device Gateway");
  self->description = g_strdup ("");
  g_snprintf (self->serial, sizeof self->serial, "DS-GWAS0101%04u%08u",
              2020 + vigil_sim_rng_range (&self->rng, 0, 6),
              vigil_sim_rng_range (&self->rng, 0, 100000000));
  g_snprintf (self->mac, sizeof self->mac, "bc:ad:28:%02x:%02x:%02x",
              vigil_sim_rng_range (&self->rng, 0, 256), vigil_sim_rng_range (&self->rng, 0, 256),
              vigil_sim_rng_range (&self->rng, 0, 256));
  self->time_zone = g_strdup (GATEWAY_TIME_ZONE);
  if (!vigil_sim_tz_parse (self->time_zone, &self->tz, NULL))
    g_assert_not_reached ();
  vigil_sim_net_init_config (&self->interface, "1", 1, 64, FALSE);

  self->next_subscription_id = vigil_sim_rng_range (&self->rng, 1000, 9000);

  for (guint i = 0; i < self->initial_n_panels; i++)
    vigil_sim_gateway_create_panel (self, NULL, NULL, "ehomeV5", NULL);
}

static void
vigil_sim_gateway_class_init (VigilSimGatewayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vigil_sim_gateway_constructed;
  object_class->dispose = vigil_sim_gateway_dispose;
  object_class->finalize = vigil_sim_gateway_finalize;
  object_class->get_property = vigil_sim_gateway_get_property;
  object_class->set_property = vigil_sim_gateway_set_property;

  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT32, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PANELS] =
    g_param_spec_uint ("n-panels", NULL, NULL, 0, 1000, 2,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO_ACTIVITY] =
    g_param_spec_boolean ("demo-activity", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

}

static void
vigil_sim_gateway_init (VigilSimGateway *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->panels = g_ptr_array_new_with_free_func (g_object_unref);
  self->panels_by_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->streams = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->clips = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->clip_order);
  self->sources = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_source_unref, NULL);
  self->max_devices = DEFAULT_MAX_DEVICES;
  self->heartbeat_ms = DEFAULT_HEARTBEAT_MS;
  self->gateway_reboot_ms = DEFAULT_REBOOT_MS;
  self->device_reboot_ms = DEFAULT_REBOOT_MS;
  self->video_review_delay_ms = DEFAULT_VIDEO_REVIEW_MS;
}

/**
 * vigil_sim_gateway_new:
 * @seed: everything the simulator invents (panels, names, uuids, nonces, the password)
 *   derives from it
 * @n_panels: security control panels to start with, at most 1000
 *
 * Creates a gateway for the calling thread's default main context. It does not listen yet:
 * configure it, then call vigil_sim_gateway_listen().
 *
 * The user is "admin"; the password is generated from @seed ("Vigil-" and ten letters and
 * digits); read it with vigil_sim_gateway_get_password() or set your own with
 * vigil_sim_gateway_set_credentials().
 *
 * Returns: (transfer full): a new gateway
 */
VigilSimGateway *
vigil_sim_gateway_new (guint32 seed,
                       guint   n_panels)
{
  g_return_val_if_fail (n_panels <= 1000, NULL);

  return g_object_new (VIGIL_TYPE_SIM_GATEWAY,
                       "seed", seed,
                       "n-panels", n_panels,
                       NULL);
}

guint32
vigil_sim_gateway_get_seed (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->seed;
}

/* ---- Timers ---- */

typedef struct
{
  VigilSimGateway *self;
  GSource         *source;
  GSourceFunc      func;
  gpointer         data;
  GDestroyNotify   destroy;
} Timeout;

static gboolean
timeout_dispatch (gpointer user_data)
{
  Timeout *timeout = user_data;
  gboolean again = timeout->func (timeout->data);

  if (!again)
    g_hash_table_remove (timeout->self->sources, timeout->source);
  return again;
}

static void
timeout_free (gpointer user_data)
{
  Timeout *timeout = user_data;

  if (timeout->destroy != NULL)
    timeout->destroy (timeout->data);
  g_free (timeout);
}

/* A timeout on the gateway's context that dispose() destroys if it has not run. */
GSource *
vigil_sim_gateway_add_timeout (VigilSimGateway *self,
                               guint            ms,
                               GSourceFunc      func,
                               gpointer         data,
                               GDestroyNotify   destroy)
{
  Timeout *timeout = g_new0 (Timeout, 1);
  GSource *source = g_timeout_source_new (ms);

  timeout->self = self;
  timeout->source = source;
  timeout->func = func;
  timeout->data = data;
  timeout->destroy = destroy;
  g_source_set_callback (source, timeout_dispatch, timeout, timeout_free);
  g_source_set_static_name (source, "[vigil-sim] gateway timer");
  g_hash_table_add (self->sources, source);
  g_source_attach (source, self->context);
  return source;
}

void
vigil_sim_gateway_remove_source (VigilSimGateway *self,
                                 GSource         *source)
{
  if (source == NULL)
    return;
  g_source_destroy (source);
  g_hash_table_remove (self->sources, source);
}

GDateTime *
vigil_sim_gateway_dup_now (VigilSimGateway *self)
{
  g_autoptr(GDateTime) utc = NULL;

  utc = g_date_time_new_from_unix_utc ((g_get_real_time () + self->clock_offset) / G_USEC_PER_SEC);
  return g_date_time_to_timezone (utc, self->tz);
}

/* ---- Panels ---- */

static char *
make_ehome_id (VigilSimGateway *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("AX%08u", vigil_sim_rng_range (&self->rng, 0, 100000000));

      if (vigil_sim_gateway_lookup_ehome (self, id) == NULL)
        return id;
      g_free (id);
    }
}

static char *
make_ehome_key (VigilSimGateway *self)
{
  static const char alphabet[] = "abcdefghijkmnopqrstuvwxyz0123456789";
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    g_string_append_c (out, alphabet[vigil_sim_rng_range (&self->rng, 0, sizeof alphabet - 1)]);
  return g_string_free (out, FALSE);
}

static const char *site_names[] = {
  "Bakery Rossi", "Pharmacy Lindner", "Warehouse North", "Dental Clinic Haas",
  "Garden Centre Moor", "Bistro Calder", "Print Shop Vega", "Kindergarten Sunflower",
  "Car Wash Delta", "Bookshop Amsel", "Hair Salon Iris", "Office Park B2", "Villa Marchetti",
  "Workshop Brandt", "Cafe Lumen", "Florist Tulpe", "Jeweller Okafor", "Library Annex",
  "Depot East", "Pet Shop Wagner",
};

VigilSimPanel *
vigil_sim_gateway_create_panel (VigilSimGateway *self,
                                const char      *ehome_id,
                                const char      *ehome_key,
                                const char      *protocol_type,
                                const char      *name)
{
  g_autofree char *made_id = NULL;
  g_autofree char *made_key = NULL;
  g_autofree char *made_name = NULL;
  VigilSimPanel *panel;
  guint index = self->panels->len;
  guint64 seed = vigil_sim_rng_next (&self->rng);

  if (ehome_id == NULL)
    ehome_id = made_id = make_ehome_id (self);
  if (ehome_key == NULL)
    ehome_key = made_key = make_ehome_key (self);
  if (name == NULL)
    {
      guint round = index / G_N_ELEMENTS (site_names);

      made_name = round == 0
                  ? g_strdup (site_names[index % G_N_ELEMENTS (site_names)])
                  : g_strdup_printf ("%s %u", site_names[index % G_N_ELEMENTS (site_names)], round + 1);
      name = made_name;
    }

  panel = vigil_sim_panel_new (seed, index, ehome_id, ehome_key, protocol_type, name);
  g_ptr_array_add (self->panels, panel);
  g_hash_table_insert (self->panels_by_index, (gpointer) vigil_sim_panel_get_dev_index (panel), panel);
  vigil_sim_gateway_events_attach_panel (self, panel);
  return panel;
}

void
vigil_sim_gateway_remove_panel (VigilSimGateway *self,
                                VigilSimPanel   *panel)
{
  g_hash_table_remove (self->panels_by_index, vigil_sim_panel_get_dev_index (panel));
  vigil_sim_gateway_events_detach_panel (self, panel);
  g_ptr_array_remove (self->panels, panel);
}

VigilSimPanel *
vigil_sim_gateway_lookup_ehome (VigilSimGateway *self,
                                const char      *ehome_id)
{
  for (guint i = 0; i < self->panels->len; i++)
    {
      VigilSimPanel *panel = g_ptr_array_index (self->panels, i);

      if (g_strcmp0 (vigil_sim_panel_get_ehome_id (panel), ehome_id) == 0)
        return panel;
    }
  return NULL;
}

guint
vigil_sim_gateway_get_n_panels (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->panels->len;
}

/**
 * vigil_sim_gateway_get_panel:
 * @index: from 0, in the order the panels were added
 *
 * Returns: (transfer none) (nullable): the panel
 */
VigilSimPanel *
vigil_sim_gateway_get_panel (VigilSimGateway *self,
                             guint            index)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);

  if (index >= self->panels->len)
    return NULL;
  return g_ptr_array_index (self->panels, index);
}

/**
 * vigil_sim_gateway_lookup_panel:
 *
 * Returns: (transfer none) (nullable): the panel with that devIndex
 */
VigilSimPanel *
vigil_sim_gateway_lookup_panel (VigilSimGateway *self,
                                const char      *dev_index)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);

  if (dev_index == NULL)
    return NULL;
  return g_hash_table_lookup (self->panels_by_index, dev_index);
}

/**
 * vigil_sim_gateway_dup_dev_indexes:
 *
 * Returns: (transfer full): the devIndex of every panel, in order of addition
 */
GStrv
vigil_sim_gateway_dup_dev_indexes (VigilSimGateway *self)
{
  GStrvBuilder *builder;
  GStrv result;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->panels->len; i++)
    g_strv_builder_add (builder, vigil_sim_panel_get_dev_index (g_ptr_array_index (self->panels, i)));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* ---- Answers ---- */

void
vigil_sim_respond_text (VigilSimRequest *req,
                        guint            http_status,
                        const char      *content_type,
                        const char      *text)
{
  soup_server_message_set_status (req->msg, http_status, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

void
vigil_sim_respond_json (VigilSimRequest *req,
                        guint            http_status,
                        JsonNode        *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  vigil_sim_respond_text (req, http_status, "application/json", text);
}

void
vigil_sim_respond_builder (VigilSimRequest *req,
                           guint            http_status,
                           JsonBuilder     *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  vigil_sim_respond_json (req, http_status, root);
}

void
vigil_sim_respond_status (VigilSimRequest *req,
                          VigilSimStatus   status,
                          const char      *error_msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  vigil_sim_status_build_members (builder, req->request_url, status, error_msg);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, vigil_sim_status_http (status), builder);
}

void
vigil_sim_respond_error (VigilSimRequest *req,
                         const GError    *error)
{
  vigil_sim_respond_status (req, vigil_sim_status_from_error (error),
                            error != NULL ? error->message : NULL);
}

void
vigil_sim_respond_ok (VigilSimRequest *req)
{
  vigil_sim_respond_status (req, VIGIL_SIM_STATUS_OK, NULL);
}

/* ---- Reading the request ---- */

JsonObject *
vigil_sim_request_get_body (VigilSimRequest  *req,
                            const char       *root_member,
                            GError          **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonObject *member;

  if (req->body == NULL)
    {
      gsize length;
      const char *data;

      bytes = soup_message_body_flatten (body);
      data = g_bytes_get_data (bytes, &length);
      if (length == 0)
        {
          g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_JSON_FORMAT,
                       "the request has no body; a %s message was expected", root_member);
          return NULL;
        }

      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error)
          || json_parser_get_root (parser) == NULL)
        {
          g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_JSON_FORMAT,
                       "the body is not valid JSON: %s",
                       parse_error != NULL ? parse_error->message : "empty document");
          return NULL;
        }
      req->body = json_node_ref (json_parser_get_root (parser));
    }

  if (!JSON_NODE_HOLDS_OBJECT (req->body))
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_JSON_FORMAT,
                   "the body is JSON but not an object; a %s message was expected", root_member);
      return NULL;
    }
  object = json_node_get_object (req->body);

  /* JSON_DevIndexList, JSON_DevList and JSON_DeviceInList hold an array; the caller reads it
   * from the root object. */
  if (json_object_has_member (object, root_member)
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, root_member)))
    return object;

  member = vigil_sim_json_get_object (object, root_member);
  if (member == NULL)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "the body has no %s object", root_member);
      return NULL;
    }
  return member;
}

char *
vigil_sim_request_dup_text (VigilSimRequest  *req,
                            GError          **error)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                           "the body must be a time zone string in plain text");
      return NULL;
    }
  return g_strstrip (g_strndup (data, length));
}

const char *
vigil_sim_request_get_query (VigilSimRequest *req,
                             const char      *name)
{
  return g_hash_table_lookup (req->query, name);
}

VigilSimPanel *
vigil_sim_request_get_panel (VigilSimRequest  *req,
                             gboolean          need_online,
                             GError          **error)
{
  const char *dev_index = vigil_sim_request_get_query (req, "devIndex");
  VigilSimPanel *panel;

  if (dev_index == NULL || *dev_index == '\0')
    {
      g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_URL_FORMAT,
                           "this URI needs the devIndex of a device");
      return NULL;
    }

  panel = vigil_sim_gateway_lookup_panel (req->gateway, dev_index);
  if (panel == NULL)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,
                   "no device has devIndex %.40s", dev_index);
      return NULL;
    }

  /* The gateway forwards these requests to the panel over ISUP: an offline panel cannot
   * answer, which a gateway reports as a network error. */
  if (need_online && !vigil_sim_panel_get_online (panel))
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_NETWORK_ERROR,
                   "the device %s is offline", vigil_sim_panel_get_name (panel));
      return NULL;
    }

  return panel;
}

gboolean
vigil_sim_request_get_id_arg (VigilSimRequest  *req,
                              guint             index,
                              guint            *out,
                              GError          **error)
{
  const char *text = req->args[index];
  guint64 value;
  gboolean ok;

  /* Decimal, or hexadecimal for the guide's 0xffffffff meaning every partition. */
  if (text != NULL && (g_str_has_prefix (text, "0x") || g_str_has_prefix (text, "0X")))
    ok = g_ascii_string_to_unsigned (text + 2, 16, 0, G_MAXUINT32, &value, NULL);
  else
    ok = text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL);

  if (!ok)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_URL_FORMAT,
                   "\"%.20s\" in the URL is not a number", text != NULL ? text : "");
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

void
vigil_sim_request_get_actor (VigilSimRequest *req,
                             VigilSimActor   *actor)
{
  /* Actions over ISAPI are a network user's (CIDParam userType 2). */
  actor->user_type = 2;
  actor->user_no = 1;
  actor->keyboard_no = -1;
  actor->name = req->user != NULL ? req->user : req->gateway->user;
}

/* ---- Dispatch ---- */

static Method
method_flag (const char *method)
{
  if (g_strcmp0 (method, "GET") == 0)
    return M_GET;
  if (g_strcmp0 (method, "PUT") == 0)
    return M_PUT;
  if (g_strcmp0 (method, "POST") == 0)
    return M_POST;
  if (g_strcmp0 (method, "DELETE") == 0)
    return M_DELETE;
  if (g_strcmp0 (method, "HEAD") == 0)
    return M_HEAD;
  return 0;
}

static gboolean
route_matches (const char  *pattern,
               const char  *path,
               char       **args)
{
  guint n_args = 0;

  while (*pattern != '\0' && *path != '\0')
    {
      if (*pattern == '*')
        {
          const char *end = strchr (path, '/');
          gsize length = end != NULL ? (gsize) (end - path) : strlen (path);

          if (length == 0 || length > 64 || n_args >= 2)
            return FALSE;
          args[n_args++] = g_strndup (path, length);
          pattern++;
          path += length;
        }
      else if (*pattern++ != *path++)
        return FALSE;
    }
  return *pattern == '\0' && *path == '\0';
}

static void
request_free (VigilSimRequest *req)
{
  g_free (req->request_url);
  g_hash_table_unref (req->query);
  g_free (req->user);
  g_free (req->args[0]);
  g_free (req->args[1]);
  g_clear_pointer (&req->body, json_node_unref);
  g_free (req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilSimRequest, request_free)

static void
respond_unauthorized (VigilSimGateway   *self,
                      VigilSimRequest   *req,
                      const char        *user,
                      gboolean           stale)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *challenge = vigil_sim_digest_challenge (self->digest, stale);
  VigilSimLockState lock;

  vigil_sim_digest_get_lock_state (self->digest, user, &lock);

  /* JSON_ResponseStatus_AuthenticationFailed (§9.24). */
  json_builder_begin_object (builder);
  vigil_sim_status_build_members (builder, req->request_url, VIGIL_SIM_STATUS_BAD_AUTHORIZATION,
                                  lock.locked ? "the user is locked" : "authentication failed");
  vigil_sim_json_add_string (builder, "lockStatus", lock.locked ? "lock" : "unlock");
  vigil_sim_json_add_int (builder, "retryTimes", lock.retry_times);
  vigil_sim_json_add_int (builder, "resLockTime", lock.res_lock_time);
  json_builder_end_object (builder);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "WWW-Authenticate", challenge);
  vigil_sim_respond_builder (req, SOUP_STATUS_UNAUTHORIZED, builder);
}

static void
dispatch (VigilSimGateway   *self,
          SoupServerMessage *msg)
{
  g_autoptr(VigilSimRequest) req = g_new0 (VigilSimRequest, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw_query = g_uri_get_query (uri);
  g_autofree char *user = NULL;
  Method method;
  Method allowed = 0;

  req->gateway = self;
  req->msg = msg;
  req->method = soup_server_message_get_method (msg);
  req->path = g_uri_get_path (uri);
  req->request_url = raw_query != NULL
                     ? g_strdup_printf ("%s?%s", req->path, raw_query)
                     : g_strdup (req->path);
  req->query = raw_query != NULL ? soup_form_decode (raw_query)
                                 : g_hash_table_new (g_str_hash, g_str_equal);

  switch (vigil_sim_digest_verify (self->digest, req->method, req->request_url,
                                   soup_message_headers_get_one (headers, "Authorization"),
                                   &user))
    {
    case VIGIL_SIM_AUTH_OK:
      req->user = g_steal_pointer (&user);
      break;

    case VIGIL_SIM_AUTH_STALE:
      respond_unauthorized (self, req, user, TRUE);
      return;

    case VIGIL_SIM_AUTH_MISSING:
    case VIGIL_SIM_AUTH_FAILED:
    case VIGIL_SIM_AUTH_LOCKED:
    default:
      respond_unauthorized (self, req, user, FALSE);
      return;
    }

  if (g_object_get_data (G_OBJECT (msg), "vigil-sim-too-large") != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
      return;
    }

  if (g_str_has_prefix (req->path, "/HikGatewayStorage/"))
    {
      vigil_sim_handle_storage (req);
      return;
    }

  method = method_flag (req->method);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      char *args[2] = { NULL, NULL };
      gboolean matches = route_matches (routes[i].pattern, req->path, args);

      if (matches && routes[i].method == method)
        {
          req->args[0] = args[0];
          req->args[1] = args[1];
          routes[i].handler (req);
          return;
        }
      g_free (args[0]);
      g_free (args[1]);
      if (matches)
        allowed |= routes[i].method;
    }

  if (allowed != 0)
    {
      GString *allow = g_string_new (NULL);
      static const char *names[] = { "GET", "PUT", "POST", "DELETE", "HEAD" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (allowed & (1 << i))
          g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", names[i]);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_METHOD_NOT_ALLOWED, NULL);
      g_string_free (allow, TRUE);
      return;
    }

  vigil_sim_respond_status (req, VIGIL_SIM_STATUS_NOT_SUPPORT, "no such URI");
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
respond_html (SoupServerMessage *msg,
              guint              status)
{
  g_autofree char *html = NULL;
  const char *phrase = soup_status_get_phrase (status);

  /* What the nginx in front of a real gateway sends when the gateway behind it is not there:
   * not JSON, which a client has to cope with. */
  html = g_strdup_printf ("<html>\r\n<head><title>%u %s</title></head>\r\n<body>\r\n"
                          "<center><h1>%u %s</h1></center>\r\n<hr><center>nginx</center>\r\n"
                          "</body>\r\n</html>\r\n", status, phrase, status, phrase);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, html, strlen (html));
}

gboolean
vigil_sim_gateway_is_rebooting (VigilSimGateway *self)
{
  if (self->rebooting_until != 0 && self->rebooting_until <= g_get_monotonic_time ())
    self->rebooting_until = 0;
  return self->rebooting_until != 0;
}

void
vigil_sim_gateway_begin_reboot (VigilSimGateway *self)
{
  self->rebooting_until = g_get_monotonic_time () + (gint64) self->gateway_reboot_ms * 1000;
  /* A rebooting gateway drops its TCP connections: no closing delimiter. */
  vigil_sim_gateway_close_streams (self, TRUE);
}

typedef struct
{
  VigilSimGateway   *self;
  SoupServerMessage *msg;
  gboolean           gone;
} Delayed;

static void
delayed_gone (SoupServerMessage *msg,
              Delayed           *delayed)
{
  delayed->gone = TRUE;
}

static gboolean
delayed_fire (gpointer user_data)
{
  Delayed *delayed = user_data;

  if (!delayed->gone)
    {
      dispatch (delayed->self, delayed->msg);
      soup_server_message_unpause (delayed->msg);
    }
  return G_SOURCE_REMOVE;
}

static void
delayed_free (gpointer user_data)
{
  Delayed *delayed = user_data;

  g_signal_handlers_disconnect_by_data (delayed->msg, delayed);
  g_object_unref (delayed->msg);
  g_free (delayed);
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  VigilSimGateway *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  self->n_requests++;
  if (soup_message_headers_get_one (headers, "Authorization") != NULL)
    self->n_authorization_headers++;

  if (vigil_sim_gateway_is_rebooting (self))
    {
      g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                (self->rebooting_until - g_get_monotonic_time ()) / G_USEC_PER_SEC + 1);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry);
      respond_html (msg, SOUP_STATUS_SERVICE_UNAVAILABLE);
      return;
    }

  if (self->fail_count > 0)
    {
      self->fail_count--;
      respond_html (msg, self->fail_status);
      return;
    }

  if (self->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      g_signal_connect (msg, "finished", G_CALLBACK (delayed_gone), delayed);
      g_signal_connect (msg, "disconnected", G_CALLBACK (delayed_gone), delayed);
      soup_server_message_pause (msg);
      vigil_sim_gateway_add_timeout (self, self->delay_ms, delayed_fire, delayed, delayed_free);
      return;
    }

  dispatch (self, msg);
}

static void
request_chunk (SoupServerMessage *msg,
               GBytes            *chunk,
               gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > VIGIL_SIM_MAX_BODY)
    {
      soup_message_body_set_accumulate (body, FALSE);
      g_object_set_data (G_OBJECT (msg), "vigil-sim-too-large", GINT_TO_POINTER (TRUE));
    }
}

/* Bounds what a client can make us hold: a declared length over the limit is not stored at all,
 * a chunked body stops being stored once past it. Either is answered 413. */
static void
early_callback (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > VIGIL_SIM_MAX_BODY)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      g_object_set_data (G_OBJECT (msg), "vigil-sim-too-large", GINT_TO_POINTER (TRUE));
      return;
    }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (request_chunk), NULL);
}

/**
 * vigil_sim_gateway_listen:
 * @port: a TCP port, or 0 for a free one
 *
 * Starts answering on 127.0.0.1 (never another address), over HTTPS when a certificate was
 * set with vigil_sim_gateway_set_tls_certificate().
 *
 * Returns: %TRUE when listening
 */
gboolean
vigil_sim_gateway_listen (VigilSimGateway  *self,
                          guint16           port,
                          GError          **error)
{
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;
  GSList *uris;

  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  /* raw-paths: the path is matched (and signed by Digest) exactly as it was sent. */
  self->server = soup_server_new ("server-header", "nginx",
                                  "raw-paths", TRUE,
                                  NULL);
  if (self->tls_certificate != NULL)
    {
      g_object_set (self->server, "tls-certificate", self->tls_certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  soup_server_add_early_handler (self->server, NULL, early_callback, self, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);

  if (!soup_server_listen_local (self->server, port, options, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  self->port = uris != NULL ? (guint16) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * vigil_sim_gateway_dup_url:
 *
 * Returns: (transfer full): "http://127.0.0.1:PORT" (https with a certificate)
 */
char *
vigil_sim_gateway_dup_url (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);
  g_return_val_if_fail (self->server != NULL, NULL);

  return g_strdup_printf ("%s://127.0.0.1:%u", self->tls_certificate != NULL ? "https" : "http",
                          self->port);
}

guint16
vigil_sim_gateway_get_port (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->port;
}

/* ---- Settings ---- */

/**
 * vigil_sim_gateway_set_credentials:
 *
 * Replaces the one user the gateway knows. Resets the lockout counters.
 */
void
vigil_sim_gateway_set_credentials (VigilSimGateway *self,
                                   const char      *user,
                                   const char      *password)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  g_return_if_fail (user != NULL && *user != '\0');
  g_return_if_fail (password != NULL);

  g_free (self->user);
  self->user = g_strdup (user);
  g_free (self->password);
  self->password = g_strdup (password);
  vigil_sim_digest_set_credentials (self->digest, user, password);
}

const char *
vigil_sim_gateway_get_user (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);
  return self->user;
}

const char *
vigil_sim_gateway_get_password (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);
  return self->password;
}

const char *
vigil_sim_gateway_get_realm (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), NULL);
  return vigil_sim_digest_get_realm (self->digest);
}

/**
 * vigil_sim_gateway_set_digest_mode:
 *
 * The algorithm and qop of the Digest challenge (default MD5 with qop "auth"). MD5-sess needs
 * qop "auth": without a client nonce it cannot be verified and every attempt fails.
 */
void
vigil_sim_gateway_set_digest_mode (VigilSimGateway         *self,
                                   VigilSimDigestAlgorithm  algorithm,
                                   VigilSimDigestQop        qop)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  vigil_sim_digest_set_mode (self->digest, algorithm, qop);
}

/**
 * vigil_sim_gateway_set_lockout:
 * @max_attempts: failed attempts that lock the user (default 5)
 * @lock_seconds: how long the lock lasts (default 30)
 */
void
vigil_sim_gateway_set_lockout (VigilSimGateway *self,
                               guint            max_attempts,
                               guint            lock_seconds)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  vigil_sim_digest_set_lockout (self->digest, max_attempts, lock_seconds);
}

/**
 * vigil_sim_gateway_set_nonce_lifetime:
 *
 * Seconds a nonce stays valid (default 300); an older one gets a stale=true challenge.
 */
void
vigil_sim_gateway_set_nonce_lifetime (VigilSimGateway *self,
                                      guint            seconds)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  vigil_sim_digest_set_nonce_lifetime (self->digest, seconds);
}

/**
 * vigil_sim_gateway_set_tls_certificate:
 * @certificate: (nullable): a certificate with its private key
 *
 * Serves HTTPS with @certificate. Only before vigil_sim_gateway_listen().
 */
void
vigil_sim_gateway_set_tls_certificate (VigilSimGateway *self,
                                       GTlsCertificate *certificate)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  g_return_if_fail (self->server == NULL);

  g_set_object (&self->tls_certificate, certificate);
}

/**
 * vigil_sim_gateway_set_reboot_durations:
 * @gateway_ms: how long a rebooting gateway answers 503 (default 5000)
 * @device_ms: how long a rebooting panel stays offline (default 5000)
 */
void
vigil_sim_gateway_set_reboot_durations (VigilSimGateway *self,
                                        guint            gateway_ms,
                                        guint            device_ms)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  self->gateway_reboot_ms = gateway_ms;
  self->device_reboot_ms = device_ms;
}

/**
 * vigil_sim_gateway_set_max_devices:
 *
 * Past this many devices addDevice answers monitorNodeOverLimit (default 1000).
 */
void
vigil_sim_gateway_set_max_devices (VigilSimGateway *self,
                                   guint            max_devices)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  self->max_devices = max_devices;
}

/**
 * vigil_sim_gateway_set_video_review_delay:
 *
 * Time between a zone alarm and its videoReview event (default 2000 ms).
 */
void
vigil_sim_gateway_set_video_review_delay (VigilSimGateway *self,
                                          guint            delay_ms)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  self->video_review_delay_ms = delay_ms;
}

/**
 * vigil_sim_gateway_fail_next_requests:
 * @http_status: e.g. 500 or 503
 * @n_requests: how many of the next requests get it, before any authentication
 *
 * The answer is an HTML error page, as the web server in front of a real gateway sends.
 */
void
vigil_sim_gateway_fail_next_requests (VigilSimGateway *self,
                                      guint            http_status,
                                      guint            n_requests)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  g_return_if_fail (http_status >= 400 && http_status < 600);

  self->fail_status = http_status;
  self->fail_count = n_requests;
}

/**
 * vigil_sim_gateway_set_response_delay:
 *
 * Holds every answer back for @delay_ms (0: answer at once).
 */
void
vigil_sim_gateway_set_response_delay (VigilSimGateway *self,
                                      guint            delay_ms)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  self->delay_ms = delay_ms;
}

/**
 * vigil_sim_gateway_set_video_cut:
 * @after_bytes: 0 to serve clips whole
 *
 * Every clip download stops after @after_bytes of its body: the connection closes, for tests of
 * resuming with Range.
 */
void
vigil_sim_gateway_set_video_cut (VigilSimGateway *self,
                                 gsize            after_bytes)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));
  self->video_cut = after_bytes;
}

/**
 * vigil_sim_gateway_set_demo_activity:
 *
 * A believable trickle of activity on the panels (zones opening, alarms, faults, arming at
 * the end of the day), for the console's demo mode. Off by default.
 */
void
vigil_sim_gateway_set_demo_activity (VigilSimGateway *self,
                                     gboolean         enabled)
{
  g_return_if_fail (VIGIL_IS_SIM_GATEWAY (self));

  enabled = !!enabled;
  if (self->demo == enabled)
    return;

  self->demo = enabled;
  if (enabled)
    vigil_sim_gateway_demo_start (self);
  else
    vigil_sim_gateway_demo_stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_ACTIVITY]);
}

gboolean
vigil_sim_gateway_get_demo_activity (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), FALSE);
  return self->demo;
}

/* ---- Introspection ---- */

/**
 * vigil_sim_gateway_get_n_requests:
 *
 * Returns: every request received, answered or not
 */
guint64
vigil_sim_gateway_get_n_requests (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->n_requests;
}

/**
 * vigil_sim_gateway_get_n_authorization_headers:
 *
 * Returns: requests that carried an Authorization header (right or wrong)
 */
guint64
vigil_sim_gateway_get_n_authorization_headers (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return self->n_authorization_headers;
}

/**
 * vigil_sim_gateway_get_n_auth_failures:
 *
 * Returns: failed authentication attempts (those that count towards the lockout)
 */
guint64
vigil_sim_gateway_get_n_auth_failures (VigilSimGateway *self)
{
  g_return_val_if_fail (VIGIL_IS_SIM_GATEWAY (self), 0);
  return vigil_sim_digest_get_n_failures (self->digest);
}
