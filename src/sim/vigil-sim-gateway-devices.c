/* vigil-sim-gateway-devices.c — /ISAPI/ContentMgmt/DeviceMgmt (guide §4.1, §8.1)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-sim-gateway"

#include <string.h>

#include "vigil-sim-gateway-private.h"

#define MAX_EHOME_ID      31
#define MAX_DEV_NAME      32
#define MAX_ID_LIST       1024
#define MAX_SEARCH_RESULT 1000

/* When every item of a batch fails the guide wants "JSON_ResponseStatus and" the per-item
 * list. Both go in one object, HTTP 200, statusCode and subStatusCode from the first failure:
 * what Hikvision firmware answers, and what a client reading either part understands. */
static void
respond_batch (VigilSimRequest *req,
               const char      *list_name,
               JsonArray       *items,     /* taken */
               VigilSimStatus   first_failure,
               gboolean         all_failed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) list = json_node_new (JSON_NODE_ARRAY);

  json_builder_begin_object (builder);
  if (all_failed)
    vigil_sim_status_build_members (builder, req->request_url, first_failure,
                                    "every item of the batch failed");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_node_take_array (list, items);
  json_object_set_member (json_node_get_object (root), list_name, g_steal_pointer (&list));
  vigil_sim_respond_json (req, SOUP_STATUS_OK, root);
}

static gboolean
is_key (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length < 8 || length > 32)
    return FALSE;
  for (; *key != '\0'; key++)
    if (!g_ascii_isalnum (*key))
      return FALSE;
  return TRUE;
}

static gboolean
is_printable (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar) *text < 0x20 || *text == 0x7f)
      return FALSE;
  return TRUE;
}

/* Checks one Device of a DeviceInList; on success creates the panel. */
static VigilSimStatus
add_one (VigilSimGateway  *self,
         JsonObject       *device,
         GHashTable       *batch_ids,
         VigilSimPanel   **panel_out)
{
  JsonObject *params = vigil_sim_json_get_object (device, "EhomeParams");
  const char *protocol = vigil_sim_json_get_string (device, "protocolType");
  const char *ehome_id = vigil_sim_json_get_string (params, "EhomeID");
  const char *key = vigil_sim_json_get_string (params, "EhomeKey");
  const char *name = vigil_sim_json_get_string (device, "devName");
  const char *dev_type = vigil_sim_json_get_string (device, "devType");
  gint64 interval = 10;
  gint64 exceeded = 3;
  gboolean visual = TRUE;
  VigilSimPanel *panel;

  if (device == NULL || params == NULL)
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (g_strcmp0 (protocol, "ehome") != 0 && g_strcmp0 (protocol, "ehomeV5") != 0)
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (ehome_id == NULL || *ehome_id == '\0' || strlen (ehome_id) > MAX_EHOME_ID
      || !is_printable (ehome_id))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  /* ISUP 5.0 authenticates the panel with its key: 8 to 32 letters and digits. */
  if (g_strcmp0 (protocol, "ehomeV5") == 0 && !is_key (key))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (json_object_has_member (device, "devName")
      && (name == NULL || *name == '\0' || g_utf8_strlen (name, -1) > MAX_DEV_NAME
          || !is_printable (name)))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  /* The simulator's devices are security control panels. */
  if (json_object_has_member (device, "devType") && g_strcmp0 (dev_type, "SecurityCP") != 0)
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (json_object_has_member (params, "heartInterval")
      && (!vigil_sim_json_get_int (params, "heartInterval", &interval) || interval < 1 || interval > 3600))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (json_object_has_member (params, "heartExceededCount")
      && (!vigil_sim_json_get_int (params, "heartExceededCount", &exceeded) || exceeded < 1 || exceeded > 100))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;
  if (json_object_has_member (device, "visualVerification")
      && !vigil_sim_json_get_bool (device, "visualVerification", &visual))
    return VIGIL_SIM_STATUS_BAD_PARAMETERS;

  if (vigil_sim_gateway_lookup_ehome (self, ehome_id) != NULL
      || g_hash_table_contains (batch_ids, ehome_id))
    return VIGIL_SIM_STATUS_DEVICE_EXIST;
  if (self->panels->len >= self->max_devices)
    return VIGIL_SIM_STATUS_MONITOR_NODE_OVER_LIMIT;

  panel = vigil_sim_gateway_create_panel (self, ehome_id, key, protocol, name != NULL ? name : ehome_id);
  vigil_sim_panel_set_visual_verification (panel, visual);
  vigil_sim_panel_set_heartbeat (panel, (guint) interval, (guint) exceeded);
  g_hash_table_add (batch_ids, g_strdup (ehome_id));
  *panel_out = panel;
  return VIGIL_SIM_STATUS_OK;
}

void
vigil_sim_handle_add_device (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) batch_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  JsonArray *items;
  JsonArray *out;
  JsonObject *body;
  VigilSimStatus first_failure = VIGIL_SIM_STATUS_OK;
  guint n_failed = 0;

  body = vigil_sim_request_get_body (req, "DeviceInList", &error);
  if (body == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  items = vigil_sim_json_get_array (body, "DeviceInList");
  if (items == NULL || json_array_get_length (items) == 0
      || json_array_get_length (items) > VIGIL_SIM_MAX_BATCH)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "DeviceInList must be an array of 1 to 256 devices");
      return;
    }

  out = json_array_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *device = JSON_NODE_HOLDS_OBJECT (node)
                           ? vigil_sim_json_get_object (json_node_get_object (node), "Device") : NULL;
      JsonObject *params = vigil_sim_json_get_object (device, "EhomeParams");
      const char *ehome_id = vigil_sim_json_get_string (params, "EhomeID");
      const char *protocol = vigil_sim_json_get_string (device, "protocolType");
      const char *name = vigil_sim_json_get_string (device, "devName");
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      VigilSimPanel *panel = NULL;
      VigilSimStatus status = add_one (self, device, batch_ids, &panel);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Device");
      json_builder_begin_object (builder);
      if (panel != NULL)
        {
          vigil_sim_json_add_string (builder, "devIndex", vigil_sim_panel_get_dev_index (panel));
          vigil_sim_json_add_string (builder, "devName", vigil_sim_panel_get_name (panel));
        }
      else if (name != NULL)
        vigil_sim_json_add_string (builder, "devName", name);
      vigil_sim_json_add_string (builder, "protocolType", protocol != NULL ? protocol : "");
      json_builder_set_member_name (builder, "EhomeParams");
      json_builder_begin_object (builder);
      vigil_sim_json_add_string (builder, "EhomeID", ehome_id != NULL ? ehome_id : "");
      json_builder_end_object (builder);
      vigil_sim_json_add_string (builder, "status", status == VIGIL_SIM_STATUS_OK ? "success" : "fail");
      if (status != VIGIL_SIM_STATUS_OK)
        {
          vigil_sim_json_add_string (builder, "subStatusCode", vigil_sim_status_sub_code (status));
          if (n_failed++ == 0)
            first_failure = status;
        }
      else
        g_ptr_array_add (added, panel);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_array_add_element (out, json_builder_get_root (builder));
    }

  respond_batch (req, "DeviceOutList", out, first_failure, n_failed == json_array_get_length (items));

  /* The new panels dial in at once: their online status reaches the open subscriptions. */
  for (guint i = 0; i < added->len; i++)
    vigil_sim_gateway_events_announce (self, g_ptr_array_index (added, i));
}

/* A filter member that must be a string when present. */
static gboolean
filter_string (JsonObject  *filter,
               const char  *name,
               const char **out,
               GError     **error)
{
  *out = NULL;
  if (filter == NULL || !json_object_has_member (filter, name))
    return TRUE;
  *out = vigil_sim_json_get_string (filter, name);
  if (*out == NULL)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "Filter.%s must be a string", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
filter_bool (JsonObject  *filter,
             const char  *name,
             int         *out,
             GError     **error)
{
  gboolean value;

  *out = -1;
  if (filter == NULL || !json_object_has_member (filter, name))
    return TRUE;
  if (!vigil_sim_json_get_bool (filter, name, &value))
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "Filter.%s must be true or false", name);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

void
vigil_sim_handle_device_list (VigilSimRequest *req)
{
  VigilSimGateway *self = req->gateway;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  JsonObject *search;
  JsonObject *filter;
  const char *key, *dev_type, *protocol, *status;
  int visual, bound;
  gint64 position, max_result;
  guint total = 0;

  search = vigil_sim_request_get_body (req, "SearchDescription", &error);
  if (search == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  if (!vigil_sim_json_get_int (search, "position", &position) || position < 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "position must be an integer from 0");
      return;
    }
  if (!vigil_sim_json_get_int (search, "maxResult", &max_result) || max_result < 1)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "maxResult must be a positive integer");
      return;
    }
  max_result = MIN (max_result, MAX_SEARCH_RESULT);

  filter = vigil_sim_json_get_object (search, "Filter");
  if (search != NULL && json_object_has_member (search, "Filter") && filter == NULL)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS, "Filter must be an object");
      return;
    }
  if (!filter_string (filter, "key", &key, &error)
      || !filter_string (filter, "devType", &dev_type, &error)
      || !filter_string (filter, "protocolType", &protocol, &error)
      || !filter_string (filter, "devStatus", &status, &error)
      || !filter_bool (filter, "visualVerification", &visual, &error)
      || !filter_bool (filter, "ISAPIUserBound", &bound, &error))
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  if (status != NULL && *status != '\0'
      && g_strcmp0 (status, "online") != 0 && g_strcmp0 (status, "offline") != 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                                "Filter.devStatus must be \"online\" or \"offline\"");
      return;
    }

  for (guint i = 0; i < self->panels->len; i++)
    {
      VigilSimPanel *panel = g_ptr_array_index (self->panels, i);

      /* Every simulated device is bound to the ISAPI user. */
      if (bound == 0 || !vigil_sim_panel_matches (panel, key, dev_type, protocol, status, visual))
        continue;
      if (total >= position && page->len < max_result)
        g_ptr_array_add (page, panel);
      total++;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "SearchResult");
  json_builder_begin_object (builder);
  vigil_sim_json_add_int (builder, "numOfMatches", page->len);
  vigil_sim_json_add_int (builder, "totalMatches", total);
  /* "MatchList is returned when totalMatches is larger than 0" (§9.26). */
  if (total > 0)
    {
      json_builder_set_member_name (builder, "MatchList");
      json_builder_begin_array (builder);
      for (guint i = 0; i < page->len; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "Device");
          json_builder_begin_object (builder);
          vigil_sim_panel_build_search_match (g_ptr_array_index (page, i), builder);
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

/* A JSON array of devIndex strings, as in JSON_DevList and JSON_DevIndexList. */
static JsonArray *
get_id_list (VigilSimRequest  *req,
             const char       *name,
             GError          **error)
{
  JsonObject *body = vigil_sim_request_get_body (req, name, error);
  JsonArray *list;

  if (body == NULL)
    return NULL;
  list = vigil_sim_json_get_array (body, name);
  if (list == NULL || json_array_get_length (list) == 0 || json_array_get_length (list) > MAX_ID_LIST)
    {
      g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                   "%s must be an array of 1 to %u devIndex strings", name, MAX_ID_LIST);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, VIGIL_SIM_STATUS_ERROR, VIGIL_SIM_STATUS_BAD_PARAMETERS,
                       "%s must hold devIndex strings", name);
          return NULL;
        }
    }
  return list;
}

void
vigil_sim_handle_refresh_dev_info (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  JsonArray *list = get_id_list (req, "DevList", &error);
  guint found = 0;

  if (list == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  /* The guide's template shows one DeviceInfoList object; with several devices asked for,
   * the same objects come as an array, in the order asked, unknown ones left out. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "DeviceInfoList");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (req->gateway,
                                                             json_array_get_string_element (list, i));

      if (panel == NULL)
        continue;
      json_builder_begin_object (builder);
      vigil_sim_panel_build_device_info (panel, builder, TRUE);
      json_builder_end_object (builder);
      found++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (found == 0)
    {
      vigil_sim_respond_status (req, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,
                                "none of the devices exists");
      return;
    }
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}

void
vigil_sim_handle_del_device (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, FALSE, &error);

  if (panel == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }
  vigil_sim_gateway_remove_panel (req->gateway, panel);
  vigil_sim_respond_ok (req);
}

void
vigil_sim_handle_del_devices (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  JsonArray *list = get_id_list (req, "DevIndexList", &error);
  JsonArray *out;
  guint n_failed = 0;

  if (list == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  out = json_array_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *dev_index = json_array_get_string_element (list, i);
      VigilSimPanel *panel = vigil_sim_gateway_lookup_panel (req->gateway, dev_index);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (panel != NULL)
        vigil_sim_gateway_remove_panel (req->gateway, panel);
      else
        n_failed++;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Dev");
      json_builder_begin_object (builder);
      vigil_sim_json_add_string (builder, "devIndex", dev_index);
      vigil_sim_json_add_string (builder, "status", panel != NULL ? "success" : "fail");
      if (panel == NULL)
        vigil_sim_json_add_string (builder, "subStatusCode",
                                   vigil_sim_status_sub_code (VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_array_add_element (out, json_builder_get_root (builder));
    }

  respond_batch (req, "DelDevList", out, VIGIL_SIM_STATUS_DEVICE_ID_DOES_NOT_EXIST,
                 n_failed == json_array_get_length (list));
}

void
vigil_sim_handle_channel_info (VigilSimRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  VigilSimPanel *panel = vigil_sim_request_get_panel (req, FALSE, &error);

  if (panel == NULL)
    {
      vigil_sim_respond_error (req, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  vigil_sim_panel_build_channel_info (panel, builder);
  json_builder_end_object (builder);
  vigil_sim_respond_builder (req, SOUP_STATUS_OK, builder);
}
