/* vigil-client-events.c — the subscription URIs of §8.2 (the stream is VigilEventStream)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-client"

#include "vigil-client-private.h"

VIGIL_LIST_PARSER (parse_query_status, "SubscribeQueryStatusList", "Dev", vigil_subscription_device)
VIGIL_RECORD_PARSER (parse_dev_event, "SubscribeDevEvent", vigil_subscribe_dev_event)

static char *
subscription_path (const char *verb,
                   gint64      subscription_id,
                   const char *dev_index,
                   const char *suffix)
{
  g_autofree char *base = NULL;

  if (dev_index != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (dev_index, NULL, FALSE);
      base = g_strdup_printf ("/ISAPI/Event/notification/%s/%" G_GINT64_FORMAT "/devIndex/%s",
                              verb, subscription_id, escaped);
    }
  else
    base = g_strdup_printf ("/ISAPI/Event/notification/%s/%" G_GINT64_FORMAT "%s",
                            verb, subscription_id, suffix ? suffix : "");

  return _vigil_client_path (base, TRUE, NULL, NULL);
}

void
vigil_client_get_subscription_status_async (VigilClient         *self,
                                            gint64               subscription_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = subscription_path ("subscribeDeviceMgmt", subscription_id, NULL, "/queryStatus");

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_query_status,
                      (GDestroyNotify) g_ptr_array_unref, vigil_client_get_subscription_status_async,
                      cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (GPtrArray *, get_subscription_status)

void
vigil_client_get_device_subscription_async (VigilClient         *self,
                                            gint64               subscription_id,
                                            const char          *dev_index,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = subscription_path ("subscribeDeviceMgmt", subscription_id, dev_index, NULL);

  _vigil_client_call (self, "GET", path, NULL, NULL, VIGIL_CALL_DEFAULT, parse_dev_event,
                      (GDestroyNotify) vigil_subscribe_dev_event_free,
                      vigil_client_get_device_subscription_async, cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilSubscribeDevEvent *, get_device_subscription)

void
vigil_client_add_device_subscription_async (VigilClient                  *self,
                                            gint64                        subscription_id,
                                            const VigilSubscribeDevEvent *events,
                                            GCancellable                 *cancellable,
                                            GAsyncReadyCallback           callback,
                                            gpointer                      user_data)
{
  g_autofree char *path = subscription_path ("subscribeDeviceMgmt", subscription_id, events->dev_index, NULL);
  g_autoptr(JsonObject) object = vigil_subscribe_dev_event_to_json (events);

  _vigil_client_call_for_status (self, "POST", path, vigil_message_wrap ("SubscribeDevEvent", object),
                                 NULL, vigil_client_add_device_subscription_async, cancellable,
                                 callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, add_device_subscription)

void
vigil_client_remove_device_subscription_async (VigilClient         *self,
                                               gint64               subscription_id,
                                               const char          *dev_index,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *path = subscription_path ("unSubscribeDeviceMgmt", subscription_id, dev_index, NULL);

  _vigil_client_call_for_status (self, "DELETE", path, NULL, NULL,
                                 vigil_client_remove_device_subscription_async, cancellable,
                                 callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, remove_device_subscription)

void
vigil_client_unsubscribe_async (VigilClient         *self,
                                gint64               subscription_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = subscription_path ("unSubscribeDeviceMgmt", subscription_id, NULL, NULL);

  _vigil_client_call_for_status (self, "DELETE", path, NULL, NULL, vigil_client_unsubscribe_async,
                                 cancellable, callback, user_data);
}

VIGIL_CLIENT_FINISH (VigilResponseStatus *, unsubscribe)
