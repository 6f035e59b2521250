/* vigil-sim-gateway-security.c — /ISAPI/SecurityCP (guide chapter 7, §8.4)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include "vigil-sim-gateway-private.h"

typedef enum
{
  CONTROL_ARM,
  CONTROL_DISARM,
  CONTROL_CLEAR_ALARM,
} Control;

static void
partition_control (VigilSimRequest *req,
                   Control          control)
{
  g_autoptr(GError) error = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, TRUE, &error);
  VigilSimArming mode = VIGIL_SIM_ARMING_DISARM;
  VigilSimActor actor;
  guint partition;
  gboolean ok;

  if (panel == NULL || !vigil_sim_request_get_id_arg (req, 0, &partition, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (control == CONTROL_ARM)
    {
      const char *ways = vigil_sim_request_get_query (req, "ways");

      if (g_strcmp0 (ways, "stay") == 0)
        mode = VIGIL_SIM_ARMING_STAY;
      else if (g_strcmp0 (ways, "away") == 0)
        mode = VIGIL_SIM_ARMING_AWAY;
      else
        {
          vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                    "ways must be \"stay\" or \"away\"");
          return;
        }
    }

  vigil_sim_request_get_actor (req, &actor);
  if (control == CONTROL_CLEAR_ALARM)
    ok = vigil_sim_panel_clear_alarm (panel, partition, &actor, &error);
  else
    ok = vigil_sim_panel_arm (panel, partition, mode, &actor, &error);

  if (!ok)
    vigil_sim_respond_error (req, error);
  else
    vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_arm (VigilSimRequest *req)
{
  partition_control (req, CONTROL_ARM);
}

void
vigil_sim_handle_disarm (VigilSimRequest *req)
{
  partition_control (req, CONTROL_DISARM);
}

void
vigil_sim_handle_clear_alarm (VigilSimRequest *req)
{
  partition_control (req, CONTROL_CLEAR_ALARM);
}

/* The ids of a JSON_List ({"List":[{"id":1},…]}), or of OutputsCtrl's List. */
static GArray *
read_id_list (JsonArray  *list,
              GError    **error)
{
  g_autoptr(GArray) ids = NULL;

  if (list == NULL || json_array_get_length (list) == 0
      || json_array_get_length (list) > VIGIL_SIM_MAX_BATCH)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "List must hold 1 to %u {\"id\": n} items", VIGIL_SIM_MAX_BATCH);
      return NULL;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      gint64 id;
      guint value;

      if (!JSON_NODE_HOLDS_OBJECT (node)
          || !vigil_sim_json_get_int (json_node_get_object (node), "id", &id)
          || id < 0 || id > G_MAXUINT32)
        {
          g_set_error_literal (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                               "each List item must be {\"id\": an integer}");
          return NULL;
        }
      value = (guint) id;
      g_array_append_val (ids, value);
    }
  return g_steal_pointer (&ids);
}

static void
bypass (VigilSimRequest *req,
        gboolean         bypassed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) zones = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, TRUE, &error);
  VigilSimActor actor;
  JsonObject *body;

  if (panel == NULL
      || (body = vigil_sim_request_get_body (req, "List", &error)) == NULL
      || (zones = read_id_list (vigil_sim_json_get_array (body, "List"), &error)) == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  vigil_sim_request_get_actor (req, &actor);
  if (!vigil_sim_panel_bypass (panel, (const guint *) zones->data, zones->len, bypassed, &actor, &error))
    vigil_sim_respond_error (req, error);
  else
    vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_bypass (VigilSimRequest *req)
{
  bypass (req, TRUE);
}

void
vigil_sim_handle_bypass_recover (VigilSimRequest *req)
{
  bypass (req, FALSE);
}

void
vigil_sim_handle_outputs (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) relays = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, TRUE, &error);
  JsonObject *body;
  const char *state;
  guint n_failed = 0;

  if (panel == NULL || (body = vigil_sim_request_get_body (req, "OutputsCtrl", &error)) == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  state = vigil_sim_json_get_string (body, "switch");
  if (g_strcmp0 (state, "open") != 0 && g_strcmp0 (state, "close") != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "switch must be \"open\" or \"close\"");
      return;
    }

  /* Without a List the command is for every relay of the panel. */
  if (json_object_has_member (body, "List"))
    {
      relays = read_id_list (vigil_sim_json_get_array (body, "List"), &error);
      if (relays == NULL)
        {
          vigil_sim_respond_error (req, error);
          return;
        }
    }
  else
    {
      relays = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 1; i <= vigil_sim_panel_get_n_relays (panel); i++)
        g_array_append_val (relays, i);
    }

  /* Success is a JSON_ResponseStatus; any failure a JSON_ErrorList with every relay's result. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  vigil_sim_json_add_string (builder, "requestURL", req->request_url);
  json_builder_set_member_name (builder, "ErrorList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < relays->len; i++)
    {
      guint relay = g_array_index (relays, guint, i);
      g_autoptr(GError) relay_error = NULL;
      g_autofree char *id = g_strdup_printf ("%u", relay);

      json_builder_begin_object (builder);
      vigil_sim_json_add_string (builder, "id", id);
      if (vigil_sim_panel_set_relay (panel, relay, g_strcmp0 (state, "open") == 0, &relay_error))
        {
          vigil_sim_json_add_int (builder, "errorCode", vigil_sim_status_error_code (VIGIL_SIM_STATUS_OK));
          vigil_sim_json_add_string (builder, "errorMsg", "ok");
        }
      else
        {
          VigilSimStatus status = vigil_sim_status_from_error (relay_error);

          vigil_sim_json_add_int (builder, "statusCode", vigil_sim_status_code (status));
          vigil_sim_json_add_string (builder, "statusString", vigil_sim_status_string (status));
          vigil_sim_json_add_string (builder, "subStatusCode", vigil_sim_status_sub_code (status));
          vigil_sim_json_add_int (builder, "errorCode", vigil_sim_status_error_code (status));
          vigil_sim_json_add_string (builder, "errorMsg", relay_error->message);
          n_failed++;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (n_failed == 0)
    vigil_sim_respond_ok (req);
  else
    vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

typedef void (*BuildStatus) (VigilSimPanel *panel,
                             JsonBuilder   *builder);

static void
status (VigilSimRequest *req,
        BuildStatus      build)
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
  build (panel, builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_sub_systems (VigilSimRequest *req)
{
  status (req, vigil_sim_panel_build_sub_systems);
}

void
vigil_sim_handle_zones (VigilSimRequest *req)
{
  status (req, vigil_sim_panel_build_zones);
}

void
vigil_sim_handle_ex_dev_status (VigilSimRequest *req)
{
  status (req, vigil_sim_panel_build_ex_dev_status);
}
