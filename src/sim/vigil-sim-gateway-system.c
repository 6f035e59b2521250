/* vigil-sim-gateway-system.c — /ISAPI/System and /ISAPI/Security (guide §4.2, chapter 5, §8.3, §8.5)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include <string.h>

#include "vigil-sim-gateway-private.h"
#include "vigil-sim-tz.h"

#define MAX_DEVICE_NAME        32
#define MAX_DEVICE_DESCRIPTION 128

/* With devIndex the request is for that panel (which must be online), without it for the
 * gateway itself. Returns FALSE after answering with the error. */
static gboolean
get_target (VigilSimRequest  *req,
            VigilSimPanel   **panel)
{
  g_autoptr(GError) error = NULL;

  *panel = NULL;
  if (vigil_sim_request_get_query (req, "devIndex") == NULL)
    return TRUE;

  *panel = vigil_sim_request_get_panel (req, TRUE, &error);
  if (*panel == NULL)
    {
      vigil_sim_respond_error (req, error);
      return FALSE;
    }
  return TRUE;
}

void
vigil_sim_handle_user_check (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  VigilSimLockState lock;

  /* Only reached with valid credentials: a failure was a 401 already. */
  vigil_sim_digest_get_lock_state (req->gateway->digest, req->user, &lock);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "userCheck");
  json_builder_begin_object (builder);
  vigil_sim_json_add_int (builder, "statusValue", 200);
  vigil_sim_json_add_string (builder, "statusString", "OK");
  vigil_sim_json_add_bool (builder, "isDefaultPassword", FALSE);
  vigil_sim_json_add_bool (builder, "isRiskPassword", FALSE);
  vigil_sim_json_add_bool (builder, "isActivated", TRUE);
  vigil_sim_json_add_string (builder, "lockStatus", "unlocked");
  vigil_sim_json_add_int (builder, "unlockTime", 0);
  vigil_sim_json_add_int (builder, "retryLoginTime", lock.retry_times);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

static void
build_gateway_info (VigilSimGateway *self,
                    JsonBuilder     *builder)
{
  vigil_sim_json_add_string (builder, "deviceName", self->name);
  vigil_sim_json_add_string (builder, "deviceID", self->device_id);
  vigil_sim_json_add_string (builder, "deviceDescription", self->description);
  vigil_sim_json_add_string (builder, "systemContact", "STD");
  vigil_sim_json_add_string (builder, "model", "DS-GWAS0101");
  vigil_sim_json_add_string (builder, "serialNumber", self->serial);
  vigil_sim_json_add_string (builder, "macAddress", self->mac);
  vigil_sim_json_add_string (builder, "firmwareVersion", "V1.3.0");
  vigil_sim_json_add_string (builder, "firmwareReleasedDate", "build 200220");
  vigil_sim_json_add_string (builder, "bootVersion", "V1.0.0");
  vigil_sim_json_add_string (builder, "bootReleasedDate", "build 191015");
  vigil_sim_json_add_string (builder, "hardwareVersion", "0x0");
  vigil_sim_json_add_string (builder, "deviceType", "Gateway");
}

void
vigil_sim_handle_get_device_info (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "DeviceInfo");
  json_builder_begin_object (builder);
  if (panel != NULL)
    vigil_sim_panel_build_device_info (panel, builder, FALSE);
  else
    build_gateway_info (req->gateway, builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

/* A writable text member: absent is fine (*out NULL), present must be a sensible string. */
static gboolean
get_writable_text (JsonObject  *object,
                   const char  *name,
                   gboolean     may_be_empty,
                   glong        max_chars,
                   const char **out,
                   GError     **error)
{
  *out = NULL;
  if (!json_object_has_member (object, name))
    return TRUE;

  *out = vigil_sim_json_get_string (object, name);
  if (*out == NULL || (!may_be_empty && **out == '\0') || g_utf8_strlen (*out, -1) > max_chars)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "%s must be a string of %s%ld characters", name,
                   may_be_empty ? "up to " : "1 to ", max_chars);
      return FALSE;
    }
  for (const char *p = *out; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                     "%s must not contain control characters", name);
        return FALSE;
      }
  return TRUE;
}

void
vigil_sim_handle_put_device_info (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  VigilSimPanel *panel;
  JsonObject *info;
  const char *name;
  const char *description;

  if (!get_target (req, &panel))
    return;

  /* The read-only members are ignored, as §8.5.1 says; only the name and description change. */
  info = vigil_sim_request_get_body (req, "DeviceInfo", &error);
  if (info == NULL
      || !get_writable_text (info, "deviceName", FALSE, MAX_DEVICE_NAME, &name, &error)
      || !get_writable_text (info, "deviceDescription", TRUE, MAX_DEVICE_DESCRIPTION, &description, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (panel != NULL)
    {
      if (name != NULL)
        vigil_sim_panel_set_name (panel, name);
      if (description != NULL)
        vigil_sim_panel_set_description (panel, description);
    }
  else
    {
      if (name != NULL)
        {
          g_free (self->name);
          self->name = g_strdup (name);
        }
      if (description != NULL)
        {
          g_free (self->description);
          self->description = g_strdup (description);
        }
    }
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_reboot (VigilSimRequest *req)
{
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return;

  /* The answer is set before the reboot begins, so it still goes out. */
  vigil_sim_respond_ok (req);
  if (panel != NULL)
    vigil_sim_panel_reboot (panel, req->gateway->device_reboot_ms);
  else
    vigil_sim_gateway_begin_reboot (req->gateway);
}

void
vigil_sim_handle_get_time (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return;

  now = panel != NULL ? vigil_sim_panel_dup_now (panel) : vigil_sim_gateway_dup_now (req->gateway);
  text = vigil_sim_tz_format_iso8601 (now, FALSE, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Time");
  json_builder_begin_object (builder);
  vigil_sim_json_add_string (builder, "timeMode", "manual");
  vigil_sim_json_add_string (builder, "localTime", text);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_put_time (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = NULL;
  VigilSimPanel *panel;
  JsonObject *body;
  const char *mode;
  const char *local;

  if (!get_target (req, &panel))
    return;

  body = vigil_sim_request_get_body (req, "Time", &error);
  if (body == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  mode = vigil_sim_json_get_string (body, "timeMode");
  if (g_strcmp0 (mode, "manual") != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "timeMode must be \"manual\"");
      return;
    }

  local = vigil_sim_json_get_string (body, "localTime");
  if (local != NULL && strlen (local) <= 64)
    {
      /* A time without a zone is the device's local time. */
      g_autoptr(GDateTime) now = panel != NULL ? vigil_sim_panel_dup_now (panel)
                                               : vigil_sim_gateway_dup_now (self);

      time = g_date_time_new_from_iso8601 (local, g_date_time_get_timezone (now));
    }
  if (time == NULL)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "localTime must be an ISO 8601 time like 2019-02-28T10:50:44+08:00");
      return;
    }

  if (panel != NULL)
    vigil_sim_panel_set_local_time (panel, time);
  else
    self->clock_offset = g_date_time_to_unix (time) * G_USEC_PER_SEC - g_get_real_time ();
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_get_time_zone (VigilSimRequest *req)
{
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return;

  /* A plain string, not JSON (§8.5.10). */
  vigil_sim_respond_text (req, SOUP_STATUS_OK, "text/plain",
                          panel != NULL ? vigil_sim_panel_get_time_zone (panel)
                                        : req->gateway->time_zone);
}

void
vigil_sim_handle_put_time_zone (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VigilSimPanel *panel;
  GTimeZone *tz = NULL;

  if (!get_target (req, &panel))
    return;

  text = vigil_sim_request_dup_text (req, &error);
  if (text == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (panel != NULL)
    {
      if (!vigil_sim_panel_set_time_zone (panel, text, &error))
        {
          vigil_sim_respond_error (req, error);
          return;
        }
    }
  else
    {
      if (!vigil_sim_tz_parse (text, &tz, NULL))
        {
          g_autofree char *message = g_strdup_printf ("\"%.64s\" is not a time zone string like CST-8:00:00", text);

          vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS, message);
          return;
        }
      g_time_zone_unref (self->tz);
      self->tz = tz;
      g_free (self->time_zone);
      self->time_zone = g_strdup (text);
    }
  vigil_sim_respond_ok (req);
}

/* The interface named by the URL's <ID> (or "1" of the gateway). Answers the error itself. */
static VigilSimIpConfig *
get_interface (VigilSimRequest *req,
               gboolean        *is_panel)
{
  VigilSimIpConfig *config = NULL;
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return NULL;

  *is_panel = panel != NULL;
  if (panel != NULL)
    config = vigil_sim_panel_lookup_interface (panel, req->args[0]);
  else if (g_strcmp0 (req->args[0], req->gateway->interface.id) == 0)
    config = &req->gateway->interface;

  if (config == NULL)
    {
      g_autofree char *message = g_strdup_printf ("network interface %.16s does not exist", req->args[0]);

      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS, message);
    }
  return config;
}

static void
build_interface (JsonBuilder            *builder,
                 const VigilSimIpConfig *config,
                 gboolean                is_panel)
{
  vigil_sim_json_add_string (builder, "id", config->id);
  /* The gateway has no Ipv6Mode (§9.18). */
  vigil_sim_net_build_ip_address (builder, config, is_panel);
}

void
vigil_sim_handle_get_interfaces (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  VigilSimPanel *panel;

  if (!get_target (req, &panel))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "NetworkInterfaceList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < (panel != NULL ? vigil_sim_panel_get_n_interfaces (panel) : 1); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "NetworkInterface");
      json_builder_begin_object (builder);
      build_interface (builder,
                       panel != NULL ? vigil_sim_panel_get_interface (panel, i) : &req->gateway->interface,
                       panel != NULL);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_get_interface (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean is_panel = FALSE;
  VigilSimIpConfig *config = get_interface (req, &is_panel);

  if (config == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "NetworkInterface");
  json_builder_begin_object (builder);
  build_interface (builder, config, is_panel);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_put_interface (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  gboolean is_panel = FALSE;
  VigilSimIpConfig *config = get_interface (req, &is_panel);
  JsonObject *body;
  JsonObject *ip;
  const char *id;

  if (config == NULL)
    return;

  body = vigil_sim_request_get_body (req, "NetworkInterface", &error);
  if (body == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  id = vigil_sim_json_get_string (body, "id");
  if (json_object_has_member (body, "id") && g_strcmp0 (id, config->id) != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "id in the body differs from the interface in the URL");
      return;
    }

  ip = vigil_sim_json_get_object (body, "IPAddress");
  if (ip == NULL)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "NetworkInterface needs its IPAddress");
      return;
    }
  if (!vigil_sim_net_apply_ip_address (config, ip, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_get_ip_address (VigilSimRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  gboolean is_panel = FALSE;
  VigilSimIpConfig *config = get_interface (req, &is_panel);

  if (config == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  vigil_sim_net_build_ip_address (builder, config, is_panel);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_put_ip_address (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  gboolean is_panel = FALSE;
  VigilSimIpConfig *config = get_interface (req, &is_panel);
  JsonObject *ip;

  if (config == NULL)
    return;

  ip = vigil_sim_request_get_body (req, "IPAddress", &error);
  if (ip == NULL || !vigil_sim_net_apply_ip_address (config, ip, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_get_io (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, TRUE, &error);

  if (panel == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  vigil_sim_panel_build_io_ports (panel, builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_io_trigger (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, TRUE, &error);
  JsonObject *body;
  const char *state;
  guint output;

  if (panel == NULL
      || !vigil_sim_request_get_id_arg (req, 0, &output, &error)
      || (body = vigil_sim_request_get_body (req, "IOPortData", &error)) == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  state = vigil_sim_json_get_string (body, "outputState");
  if (g_strcmp0 (state, "high") != 0 && g_strcmp0 (state, "low") != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "outputState must be \"high\" or \"low\"");
      return;
    }

  if (!vigil_sim_panel_trigger_io_output (panel, output, g_strcmp0 (state, "high") == 0, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  vigil_sim_respond_ok (req);
}
