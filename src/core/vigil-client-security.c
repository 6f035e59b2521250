/* vigil-client-security.c — /ISAPI/SecurityCP (guide chapter 7, §8.4)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-client"

#include <glib/gi18n-lib.h>

#include "vigil-client-private.h"

/* "/ISAPI/SecurityCP/control/arm/1?ways=stay&format=json&devIndex=…". The guide writes "all
 * partitions" as ID 0xffffffff, and so does the URL. */
static char *
partition_path (const char *action,
                guint64     partition,
                const char *dev_index,
                const char *extra_query)
{
  g_autofree char *base = NULL;

  if (partition == VIGIL_ALL_PARTITIONS)
    base = g_strdup_printf ("/ISAPI/SecurityCP/control/%s/0xffffffff", action);
  else
    base = g_strdup_printf ("/ISAPI/SecurityCP/control/%s/%" G_GUINT64_FORMAT, action, partition);

  return _vigil_client_path (base, TRUE, dev_index, extra_query);
}

static gboolean
check_target (VigilClient         *self,
              const char          *dev_index,
              guint64              partition,
              gpointer             source_tag,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  if (dev_index == NULL || *dev_index == '\0')
    {
      g_task_report_new_error (self, callback, user_data, source_tag, VIGIL_CLIENT_ERROR,
                               VIGIL_CLIENT_ERROR_INVALID_ARGUMENT, _("No panel given."));
      return FALSE;
    }
  if (partition == 0 || (partition > 64 && partition != VIGIL_ALL_PARTITIONS))
    {
      g_task_report_new_error (self, callback, user_data, source_tag, VIGIL_CLIENT_ERROR,
                               VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                               _("Partitions are numbered from 1; %llu is not one."),
                               (unsigned long long) partition);
      return FALSE;
    }
  return TRUE;
}

void
vigil_client_arm_async (VigilClient         *self,
                        const char          *dev_index,
                        guint64              partition,
                        VigilArmMode         mode,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autofree char *path = NULL;

  if (!check_target (self, dev_index, partition, vigil_client_arm_async, callback, user_data))
    return;

  path = partition_path ("arm", partition, dev_index, mode == VIGIL_ARM_STAY ? "ways=stay" : "ways=away");
  _vigil_client_call_for_status (self, "PUT", path, NULL, NULL, vigil_client_arm_async,
                                 cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, arm)

void
vigil_client_disarm_async (VigilClient         *self,
                           const char          *dev_index,
                           guint64              partition,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *path = NULL;

  if (!check_target (self, dev_index, partition, vigil_client_disarm_async, callback, user_data))
    return;

  path = partition_path ("disarm", partition, dev_index, NULL);
  _vigil_client_call_for_status (self, "PUT", path, NULL, NULL, vigil_client_disarm_async,
                                 cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, disarm)

void
vigil_client_clear_alarm_async (VigilClient         *self,
                                const char          *dev_index,
                                guint64              partition,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  if (!check_target (self, dev_index, partition, vigil_client_clear_alarm_async, callback, user_data))
    return;

  path = partition_path ("clearAlarm", partition, dev_index, NULL);
  _vigil_client_call_for_status (self, "PUT", path, NULL, NULL, vigil_client_clear_alarm_async,
                                 cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, clear_alarm)

/* {"List":[{"id":1},…]} (JSON_List, §9.19). */
static JsonArray *
id_list (const guint *ids,
         guint        n_ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n_ids; i++)
    {
      JsonObject *item = json_object_new ();
      json_object_set_int_member (item, "id", ids[i]);
      json_array_add_object_element (array, item);
    }
  return array;
}

void
vigil_client_bypass_async (VigilClient         *self,
                           const char          *dev_index,
                           const guint         *zones,
                           guint                n_zones,
                           gboolean             bypass,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonArray) list = NULL;

  if (!check_target (self, dev_index, 1, vigil_client_bypass_async, callback, user_data))
    return;
  if (n_zones == 0)
    {
      g_task_report_new_error (self, callback, user_data, vigil_client_bypass_async,
                               VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                               _("No zone given."));
      return;
    }

  path = _vigil_client_path (bypass ? "/ISAPI/SecurityCP/control/bypass"
                                    : "/ISAPI/SecurityCP/control/bypassRecover",
                             TRUE, dev_index, NULL);
  list = id_list (zones, n_zones);
  _vigil_client_call_for_status (self, "PUT", path, vigil_message_wrap_array ("List", list), NULL,
                                 vigil_client_bypass_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, bypass)

typedef struct
{
  guint *relays;
  guint n_relays;
} RelayRequest;

static void
relay_request_free (RelayRequest *request)
{
  g_free (request->relays);
  g_free (request);
}

/* One result per relay asked for: the ErrorList names the failures (and maybe the successes);
 * a plain ok ResponseStatus means all went through. */
static gpointer
parse_relay_results (VigilResponse  *response,
                     GError        **error)
{
  RelayRequest *request = response->parser_data;
  g_autoptr(GPtrArray) listed = NULL;
  GPtrArray *results;
  JsonObject *root = response->root && JSON_NODE_HOLDS_OBJECT (response->root)
                     ? json_node_get_object (response->root) : NULL;

  if (root != NULL && vigil_json_object_get_array (root, "ErrorList") != NULL)
    listed = _vigil_response_list (response, "ErrorList", NULL, &vigil_error_item_class,
                                   (GDestroyNotify) vigil_error_item_free, NULL);
  else if (!_vigil_response_is_ok (response))
    return NULL;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_error_item_free);
  for (guint i = 0; i < request->n_relays; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", request->relays[i]);
      VigilErrorItem *found = NULL;

      for (guint j = 0; listed != NULL && j < listed->len; j++)
        {
          VigilErrorItem *item = g_ptr_array_index (listed, j);
          g_autofree char *item_id = g_strstrip (g_strdup (item->id ? item->id : ""));

          if (g_strcmp0 (item_id, id) == 0)
            {
              found = g_ptr_array_steal_index (listed, j);
              break;
            }
        }

      if (found == NULL)
        {
          found = vigil_error_item_new ();
          found->id = g_strdup (id);
          found->status_code = 1;
          found->has_status_code = TRUE;
          found->sub_status_code = g_strdup ("ok");
        }
      g_ptr_array_add (results, found);
    }

  return results;
}

void
vigil_client_control_relays_async (VigilClient         *self,
                                   const char          *dev_index,
                                   const guint         *relays,
                                   guint                n_relays,
                                   gboolean             open,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonObject) ctrl = NULL;
  RelayRequest *request;

  if (!check_target (self, dev_index, 1, vigil_client_control_relays_async, callback, user_data))
    return;
  if (n_relays == 0)
    {
      g_task_report_new_error (self, callback, user_data, vigil_client_control_relays_async,
                               VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                               _("No relay given."));
      return;
    }

  ctrl = json_object_new ();
  json_object_set_string_member (ctrl, "switch", open ? "open" : "close");
  json_object_set_array_member (ctrl, "List", id_list (relays, n_relays));

  request = g_new0 (RelayRequest, 1);
  request->relays = g_memdup2 (relays, n_relays * sizeof (guint));
  request->n_relays = n_relays;

  path = _vigil_client_path ("/ISAPI/SecurityCP/control/outputs", TRUE, dev_index, NULL);
  _vigil_client_call_full (self, "POST", path, vigil_message_wrap ("OutputsCtrl", ctrl), NULL,
                           VIGIL_CALL_BATCH, parse_relay_results, request,
                           (GDestroyNotify) relay_request_free, (GDestroyNotify) g_ptr_array_unref,
                           vigil_client_control_relays_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, control_relays)

VIGIL_LIST_PARSER (parse_partitions, "SubSysList", "SubSys", vigil_partition_status)
VIGIL_LIST_PARSER (parse_zones, "ZoneList", "Zone", vigil_zone_status)
VIGIL_RECORD_PARSER (parse_peripherals, "ExDevStatus", vigil_peripherals)

static void
get_status (VigilClient         *self,
            const char          *what,
            const char          *dev_index,
            VigilResponseParser  parser,
            GDestroyNotify       result_free,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autofree char *base = g_strconcat ("/ISAPI/SecurityCP/status/", what, NULL);
  g_autofree char *path = NULL;

  if (!check_target (self, dev_index, 1, source_tag, callback, user_data))
    return;

  path = _vigil_client_path (base, TRUE, dev_index, NULL);
  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parser, result_free,
                      source_tag, cancellable, callback, user_data);
}

void
vigil_client_get_partitions_async (VigilClient         *self,
                                   const char          *dev_index,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  get_status (self, "subSystems", dev_index, parse_partitions, (GDestroyNotify) g_ptr_array_unref,
              vigil_client_get_partitions_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, get_partitions)

void
vigil_client_get_zones_async (VigilClient         *self,
                              const char          *dev_index,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  get_status (self, "zones", dev_index, parse_zones, (GDestroyNotify) g_ptr_array_unref,
              vigil_client_get_zones_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, get_zones)

void
vigil_client_get_peripherals_async (VigilClient         *self,
                                    const char          *dev_index,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  get_status (self, "exDevStatus", dev_index, parse_peripherals,
              (GDestroyNotify) vigil_peripherals_free, vigil_client_get_peripherals_async,
              cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilPeripherals *, get_peripherals)
