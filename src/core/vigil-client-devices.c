/* vigil-client-devices.c — /ISAPI/ContentMgmt/DeviceMgmt (guide §4.1, chapter 5, §8.1)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-client"

#include <glib/gi18n-lib.h>

#include "vigil-client-private.h"

/* For batches a refusal of every item still carries the per-item list: the parser is also
 * called then (VIGIL_CALL_BATCH) and must give NULL without a list. */
static gpointer
parse_device_out_list (VigilResponse  *response,
                       GError        **error)
{
  return _vigil_response_list (response, "DeviceOutList", "Device", &vigil_device_add_result_class,
                               (GDestroyNotify) vigil_device_add_result_free, error);
}

void
vigil_client_add_devices_async (VigilClient         *self,
                                GPtrArray           *devices,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonArray) list = NULL;

  g_return_if_fail (devices != NULL);

  if (devices->len == 0)
    {
      g_task_report_new_error (self, callback, user_data, vigil_client_add_devices_async,
                               VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT,
                               _("No device to add."));
      return;
    }

  for (guint i = 0; i < devices->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!vigil_device_add_validate (g_ptr_array_index (devices, i), &error))
        {
          if (devices->len > 1)
            g_prefix_error (&error, _("Device %u: "), i + 1);
          g_task_report_error (self, callback, user_data, vigil_client_add_devices_async,
                               g_steal_pointer (&error));
          return;
        }
    }

  list = vigil_record_list_write (&vigil_device_add_class, devices, "Device");
  _vigil_client_call (self, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/addDevice?format=json",
                      vigil_message_wrap_array ("DeviceInList", list), NULL, VIGIL_CALL_BATCH,
                      parse_device_out_list, (GDestroyNotify) g_ptr_array_unref,
                      vigil_client_add_devices_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, add_devices)

static gpointer
parse_search_result (VigilResponse  *response,
                     GError        **error)
{
  VigilSearchResult *result = _vigil_response_record (response, "SearchResult",
                                                      &vigil_search_result_class, error);

  /* A page without totalMatches still says how many it holds. */
  if (result != NULL && !result->has_num_of_matches)
    {
      result->num_of_matches = result->devices->len;
      result->has_num_of_matches = TRUE;
    }
  return result;
}

void
vigil_client_search_devices_async (VigilClient                  *self,
                                   const VigilSearchDescription *search,
                                   GCancellable                 *cancellable,
                                   GAsyncReadyCallback           callback,
                                   gpointer                      user_data)
{
  g_autoptr(VigilSearchDescription) filled = NULL;
  g_autoptr(JsonObject) object = NULL;

  /* position and maxResult are required by the guide: fill them in on a copy. */
  if (search != NULL)
    {
      object = vigil_search_description_to_json (search);
      filled = vigil_search_description_from_json (object);
      g_clear_pointer (&object, json_object_unref);
    }
  else
    filled = vigil_search_description_new ();

  if (!filled->has_position)
    {
      filled->position = 0;
      filled->has_position = TRUE;
    }
  if (!filled->has_max_result)
    {
      filled->max_result = 100;
      filled->has_max_result = TRUE;
    }

  object = vigil_search_description_to_json (filled);
  _vigil_client_call (self, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/deviceList?format=json",
                      vigil_message_wrap ("SearchDescription", object), NULL, VIGIL_CALL_DEFAULT,
                      parse_search_result, (GDestroyNotify) vigil_search_result_free,
                      vigil_client_search_devices_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilSearchResult *, search_devices)

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

VIGIL_LIST_PARSER (parse_device_info_list, "DeviceInfoList", "DeviceInfo", vigil_device_info)

void
vigil_client_refresh_devices_async (VigilClient         *self,
                                    const char * const  *dev_indexes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonArray) list = string_array (dev_indexes);

  _vigil_client_call (self, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/refreshDevInfo?format=json",
                      vigil_message_wrap_array ("DevList", list), NULL, VIGIL_CALL_DEFAULT,
                      parse_device_info_list, (GDestroyNotify) g_ptr_array_unref,
                      vigil_client_refresh_devices_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, refresh_devices)

void
vigil_client_delete_device_async (VigilClient         *self,
                                  const char          *dev_index,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (dev_index != NULL);

  path = _vigil_client_path ("/ISAPI/ContentMgmt/DeviceMgmt/delDevice", TRUE, dev_index, NULL);
  _vigil_client_call_for_status (self, "DELETE", path, NULL, NULL, vigil_client_delete_device_async,
                                 cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, delete_device)

static gpointer
parse_del_dev_list (VigilResponse  *response,
                    GError        **error)
{
  return _vigil_response_list (response, "DelDevList", "Dev", &vigil_device_delete_result_class,
                               (GDestroyNotify) vigil_device_delete_result_free, error);
}

void
vigil_client_delete_devices_async (VigilClient         *self,
                                   const char * const  *dev_indexes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonArray) list = string_array (dev_indexes);

  _vigil_client_call (self, "POST", "/ISAPI/ContentMgmt/DeviceMgmt/delDevice?format=json",
                      vigil_message_wrap_array ("DevIndexList", list), NULL, VIGIL_CALL_BATCH,
                      parse_del_dev_list, (GDestroyNotify) g_ptr_array_unref,
                      vigil_client_delete_devices_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, delete_devices)

VIGIL_RECORD_PARSER (parse_channel_info, "ChannelInfo", vigil_channel_info)

void
vigil_client_get_channel_info_async (VigilClient         *self,
                                     const char          *dev_index,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/ContentMgmt/DeviceMgmt/channelInfo", TRUE,
                                              dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_channel_info,
                      (GDestroyNotify) vigil_channel_info_free, vigil_client_get_channel_info_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilChannelInfo *, get_channel_info)
