/* vigil-client-system.c — /ISAPI/System and /ISAPI/Security (guide §4.2, chapter 5, §8.3, §8.5)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-client"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-client-private.h"
#include "vigil-posix-tz.h"

static gpointer
parse_user_check (VigilResponse  *response,
                  GError        **error)
{
  VigilUserCheck *check = _vigil_response_record (response, "userCheck", &vigil_user_check_class, error);

  /* HTTP 200 with statusValue 401 is a refusal all the same. */
  if (check != NULL && check->has_status_value && check->status_value != 200)
    {
      VigilErrorDetails details = { 0 };

      details.http_status = response->status;
      details.lock_status = check->lock_status;
      details.has_retry_times = check->has_retry_login_time;
      details.retry_times = (gint) check->retry_login_time;
      details.has_lock_seconds = check->has_unlock_time;
      details.lock_seconds = (gint) check->unlock_time;
      g_propagate_error (error,
                         vigil_error_new_with_details (VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED,
                                                       &details, "%s",
                                                       _("The gateway did not accept the user name or password.")));
      vigil_user_check_free (check);
      return NULL;
    }

  return check;
}

void
vigil_client_login_async (VigilClient         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  _vigil_client_call (self, "GET", "/ISAPI/Security/userCheck?format=json", NULL, NULL,
                      VIGIL_CALL_DEFAULT, parse_user_check, (GDestroyNotify) vigil_user_check_free,
                      vigil_client_login_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilUserCheck *, login)

VIGIL_RECORD_PARSER (parse_device_info, "DeviceInfo", vigil_device_info)

void
vigil_client_get_device_info_async (VigilClient         *self,
                                    const char          *dev_index,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/deviceInfo", TRUE, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_device_info,
                      (GDestroyNotify) vigil_device_info_free, vigil_client_get_device_info_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilDeviceInfo *, get_device_info)

void
vigil_client_set_device_info_async (VigilClient           *self,
                                    const char            *dev_index,
                                    const VigilDeviceInfo *info,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/deviceInfo", TRUE, dev_index, NULL);

  _vigil_client_call_for_status (self, "PUT", path, vigil_device_info_to_put_json (info), NULL,
                   vigil_client_set_device_info_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, set_device_info)

void
vigil_client_reboot_async (VigilClient         *self,
                           const char          *dev_index,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/reboot", TRUE, dev_index, NULL);

  _vigil_client_call_for_status (self, "PUT", path, NULL, NULL, vigil_client_reboot_async,
                   cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, reboot)

VIGIL_RECORD_PARSER (parse_time, "Time", vigil_time_settings)

void
vigil_client_get_time_async (VigilClient         *self,
                             const char          *dev_index,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/time", TRUE, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_time,
                      (GDestroyNotify) vigil_time_settings_free, vigil_client_get_time_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilTimeSettings *, get_time)

void
vigil_client_set_time_async (VigilClient         *self,
                             const char          *dev_index,
                             GDateTime           *local_time,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/time", TRUE, dev_index, NULL);
  g_autoptr(VigilTimeSettings) time = vigil_time_settings_new ();
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (local_time != NULL);

  time->time_mode = g_strdup ("manual");
  time->local_time = g_date_time_format (local_time, "%Y-%m-%dT%H:%M:%S%:z");
  object = vigil_time_settings_to_json (time);

  _vigil_client_call_for_status (self, "PUT", path, vigil_message_wrap ("Time", object), NULL,
                   vigil_client_set_time_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, set_time)

static gpointer
parse_time_zone (VigilResponse  *response,
                 GError        **error)
{
  g_autofree char *text = NULL;

  if (response->root != NULL && JSON_NODE_HOLDS_VALUE (response->root))
    text = vigil_json_node_dup_string (response->root);
  else if (response->root != NULL && JSON_NODE_HOLDS_OBJECT (response->root))
    {
      /* Some firmware wraps it: {"TimeZone":{"timeZone":"CST-8:00:00"}}. */
      JsonObject *object = json_node_get_object (response->root);
      JsonObject *inner = vigil_json_object_get_object (object, "TimeZone");
      text = vigil_json_object_dup_string (inner ? inner : object, "timeZone");
    }
  else if (response->body != NULL)
    text = vigil_utf8_repair (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));

  if (text == NULL || *g_strstrip (text) == '\0' || strlen (text) > VIGIL_POSIX_TZ_MAX_LENGTH)
    {
      g_set_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_BAD_RESPONSE,
                   _("The gateway’s answer to %s is not a time zone."), response->request_path);
      return NULL;
    }

  return g_steal_pointer (&text);
}

void
vigil_client_get_time_zone_async (VigilClient         *self,
                                  const char          *dev_index,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  /* §8.5.10: plain text, no format=json. */
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/time/timeZone", FALSE, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_TEXT, parse_time_zone, g_free,
                      vigil_client_get_time_zone_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (char *, get_time_zone)

void
vigil_client_set_time_zone_async (VigilClient         *self,
                                  const char          *dev_index,
                                  const char          *posix_tz,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/time/timeZone", FALSE, dev_index, NULL);
  g_autoptr(VigilPosixTz) tz = NULL;
  g_autoptr(GError) error = NULL;

  tz = vigil_posix_tz_parse (posix_tz, &error);
  if (tz == NULL)
    {
      g_task_report_error (self, callback, user_data, vigil_client_set_time_zone_async,
                           g_steal_pointer (&error));
      return;
    }

  _vigil_client_call_for_status (self, "PUT", path, NULL, posix_tz, vigil_client_set_time_zone_async,
                   cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, set_time_zone)

VIGIL_LIST_PARSER (parse_interfaces, "NetworkInterfaceList", "NetworkInterface", vigil_network_interface)
VIGIL_RECORD_PARSER (parse_interface, "NetworkInterface", vigil_network_interface)
VIGIL_RECORD_PARSER (parse_ip_address, "IPAddress", vigil_ip_address)

void
vigil_client_get_network_interfaces_async (VigilClient         *self,
                                           const char          *dev_index,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/Network/interfaces", TRUE, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_interfaces,
                      (GDestroyNotify) g_ptr_array_unref, vigil_client_get_network_interfaces_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, get_network_interfaces)

static char *
interface_path (const char *interface_id,
                const char *suffix,
                const char *dev_index)
{
  g_autofree char *escaped = g_uri_escape_string (interface_id ? interface_id : "1", NULL, FALSE);
  g_autofree char *base = g_strconcat ("/ISAPI/System/Network/interfaces/", escaped, suffix, NULL);

  return _vigil_client_path (base, TRUE, dev_index, NULL);
}

void
vigil_client_get_network_interface_async (VigilClient         *self,
                                          const char          *dev_index,
                                          const char          *interface_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = interface_path (interface_id, "", dev_index);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_interface,
                      (GDestroyNotify) vigil_network_interface_free,
                      vigil_client_get_network_interface_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilNetworkInterface *, get_network_interface)

void
vigil_client_set_network_interface_async (VigilClient                 *self,
                                          const char                  *dev_index,
                                          const VigilNetworkInterface *iface,
                                          GCancellable                *cancellable,
                                          GAsyncReadyCallback          callback,
                                          gpointer                     user_data)
{
  g_autofree char *path = interface_path (iface->id, "", dev_index);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  if (iface->ip_address != NULL && !vigil_ip_address_validate (iface->ip_address, &error))
    {
      g_task_report_error (self, callback, user_data, vigil_client_set_network_interface_async,
                           g_steal_pointer (&error));
      return;
    }

  object = vigil_network_interface_to_json (iface);
  _vigil_client_call_for_status (self, "PUT", path, vigil_message_wrap ("NetworkInterface", object), NULL,
                   vigil_client_set_network_interface_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, set_network_interface)

void
vigil_client_get_ip_address_async (VigilClient         *self,
                                   const char          *dev_index,
                                   const char          *interface_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = interface_path (interface_id, "/ipAddress", dev_index);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_ip_address,
                      (GDestroyNotify) vigil_ip_address_free, vigil_client_get_ip_address_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilIpAddress *, get_ip_address)

void
vigil_client_set_ip_address_async (VigilClient          *self,
                                   const char           *dev_index,
                                   const char           *interface_id,
                                   const VigilIpAddress *address,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autofree char *path = interface_path (interface_id, "/ipAddress", dev_index);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  if (!vigil_ip_address_validate (address, &error))
    {
      g_task_report_error (self, callback, user_data, vigil_client_set_ip_address_async,
                           g_steal_pointer (&error));
      return;
    }

  object = vigil_ip_address_to_json (address);
  _vigil_client_call_for_status (self, "PUT", path, vigil_message_wrap ("IPAddress", object), NULL,
                   vigil_client_set_ip_address_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, set_ip_address)

VIGIL_RECORD_PARSER (parse_io_ports, "IOPortList", vigil_io_ports)

void
vigil_client_get_io_ports_async (VigilClient         *self,
                                 const char          *dev_index,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = _vigil_client_path ("/ISAPI/System/IO", TRUE, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_io_ports,
                      (GDestroyNotify) vigil_io_ports_free, vigil_client_get_io_ports_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilIoPorts *, get_io_ports)

void
vigil_client_trigger_output_async (VigilClient         *self,
                                   const char          *dev_index,
                                   guint                output_id,
                                   gboolean             high,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *base = g_strdup_printf ("/ISAPI/System/IO/outputs/%u/trigger", output_id);
  g_autofree char *path = _vigil_client_path (base, TRUE, dev_index, NULL);
  g_autoptr(JsonObject) data = json_object_new ();

  json_object_set_string_member (data, "outputState", high ? "high" : "low");
  _vigil_client_call_for_status (self, "PUT", path, vigil_message_wrap ("IOPortData", data), NULL,
                   vigil_client_trigger_output_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, trigger_output)
