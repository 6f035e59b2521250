/* vigil-client.h — one gateway, spoken to over ISAPI
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call is asynchronous on the thread-default main context of the caller, cancellable,
 * bounded by the client's timeout, and reports failures as GErrors in VIGIL_CLIENT_ERROR (our
 * side of the wire) or VIGIL_ISAPI_ERROR (the gateway said no; see vigil-error.h).
 *
 * Lockout safety: a credential the gateway rejected is never sent again. After one 401 the
 * client refuses every call with VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED until
 * vigil_client_set_credentials() is called with new ones.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "vigil-error.h"
#include "vigil-messages.h"
#include "vigil-trace.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CLIENT (vigil_client_get_type ())
G_DECLARE_FINAL_TYPE (VigilClient, vigil_client, VIGIL, CLIENT, GObject)

#define VIGIL_CLIENT_DEFAULT_TIMEOUT 15

typedef enum
{
  VIGIL_ARM_STAY,
  VIGIL_ARM_AWAY,
} VigilArmMode;

/* @base_uri: "http://host[:port]" or "https://host[:port]"; a path is ignored. */
VigilClient *vigil_client_new (const char  *base_uri,
                               GError     **error);

const char  *vigil_client_get_base_uri        (VigilClient *self);   /* normalized origin */
const char  *vigil_client_get_user            (VigilClient *self);
void         vigil_client_set_credentials     (VigilClient *self,
                                               const char  *user,
                                               const char  *password);
gboolean     vigil_client_get_credentials_rejected (VigilClient *self);
guint        vigil_client_get_timeout         (VigilClient *self);
void         vigil_client_set_timeout         (VigilClient *self,
                                               guint        seconds);

/* Where every finished call is recorded, redacted (nullable: no trace). */
VigilTrace  *vigil_client_get_trace           (VigilClient *self);
void         vigil_client_set_trace           (VigilClient *self,
                                               VigilTrace  *trace);

/* Pinning: @fingerprint is the certificate's SHA-256 in hex (colons and case do not matter).
 * With a pin, the certificate must match it and nothing else is trusted; without one, the
 * system's CAs decide. */
const char  *vigil_client_get_pinned_fingerprint (VigilClient *self);
gboolean     vigil_client_set_pinned_fingerprint (VigilClient *self,
                                                  const char  *fingerprint,
                                                  GError     **error);
/* The SHA-256 of the certificate last presented by the gateway (NULL before any TLS). */
const char  *vigil_client_get_peer_fingerprint   (VigilClient *self);
char        *vigil_certificate_fingerprint       (GTlsCertificate *certificate);
char        *vigil_fingerprint_normalize         (const char *fingerprint);  /* NULL if invalid */

/* The full URI for a path or URL from a message, if it is on the gateway's own origin (same
 * scheme, host and port); otherwise NULL and VIGIL_CLIENT_ERROR_CROSS_ORIGIN. */
char        *vigil_client_resolve_same_origin (VigilClient *self,
                                               const char  *path_or_url,
                                               GError     **error);

/* The session the calls use, for other parts of the core (video download) that must share its
 * authentication, pin and origin guard. Use vigil_client_prepare_message() on every message. */
SoupSession *vigil_client_get_session         (VigilClient *self);
/* The session for long-lived streams: no I/O timeout, separate connection slots. */
SoupSession *vigil_client_get_stream_session  (VigilClient *self);
SoupMessage *vigil_client_prepare_message     (VigilClient *self,
                                               const char  *method,
                                               const char  *path_or_url,
                                               GError     **error);
/* Sets @message's request body so that it survives a restart. libsoup 3.2 re-sends an EMPTY body
 * when a message is restarted after a Digest challenge; every body must be set through this. */
void         vigil_client_set_request_body    (SoupMessage *message,
                                               const char  *content_type,
                                               GBytes      *body);
/* Turns a finished exchange into the client's errors (TLS, 401 with lockout details,
 * redirects, HTTP status). TRUE when the status is 2xx. */
gboolean     vigil_client_check_message       (VigilClient  *self,
                                               SoupMessage  *message,
                                               GBytes       *body,
                                               GError       *transport_error,
                                               GError      **error);

/* ---- Chapter 8.3: login ---- */
void                  vigil_client_login_async  (VigilClient *self, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
VigilUserCheck       *vigil_client_login_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* ---- Chapter 4/5/8.5: system (dev_index NULL means the gateway itself) ---- */
void                  vigil_client_get_device_info_async  (VigilClient *self, const char *dev_index,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback, gpointer user_data);
VigilDeviceInfo      *vigil_client_get_device_info_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* Sends only the writable members (deviceName, deviceDescription). */
void                  vigil_client_set_device_info_async  (VigilClient *self, const char *dev_index,
                                                           const VigilDeviceInfo *info,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_set_device_info_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_reboot_async  (VigilClient *self, const char *dev_index,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_reboot_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_get_time_async  (VigilClient *self, const char *dev_index,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback, gpointer user_data);
VigilTimeSettings    *vigil_client_get_time_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* Sets manual time to @local_time (its offset is sent as given). */
void                  vigil_client_set_time_async  (VigilClient *self, const char *dev_index,
                                                    GDateTime *local_time,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_set_time_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* The POSIX TZ string, plain text both ways (§8.5.10). */
void                  vigil_client_get_time_zone_async  (VigilClient *self, const char *dev_index,
                                                         GCancellable *cancellable,
                                                         GAsyncReadyCallback callback, gpointer user_data);
char                 *vigil_client_get_time_zone_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_set_time_zone_async  (VigilClient *self, const char *dev_index,
                                                         const char *posix_tz,
                                                         GCancellable *cancellable,
                                                         GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_set_time_zone_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* GPtrArray of VigilNetworkInterface. */
void                  vigil_client_get_network_interfaces_async  (VigilClient *self, const char *dev_index,
                                                                  GCancellable *cancellable,
                                                                  GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_get_network_interfaces_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_get_network_interface_async  (VigilClient *self, const char *dev_index,
                                                                 const char *interface_id,
                                                                 GCancellable *cancellable,
                                                                 GAsyncReadyCallback callback, gpointer user_data);
VigilNetworkInterface *vigil_client_get_network_interface_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_set_network_interface_async  (VigilClient *self, const char *dev_index,
                                                                 const VigilNetworkInterface *iface,
                                                                 GCancellable *cancellable,
                                                                 GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_set_network_interface_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_get_ip_address_async  (VigilClient *self, const char *dev_index,
                                                          const char *interface_id,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
VigilIpAddress       *vigil_client_get_ip_address_finish (VigilClient *self, GAsyncResult *result, GError **error);
/* Validated (vigil_ip_address_validate) before anything is sent. */
void                  vigil_client_set_ip_address_async  (VigilClient *self, const char *dev_index,
                                                          const char *interface_id,
                                                          const VigilIpAddress *address,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_set_ip_address_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_get_io_ports_async  (VigilClient *self, const char *dev_index,
                                                        GCancellable *cancellable,
                                                        GAsyncReadyCallback callback, gpointer user_data);
VigilIoPorts         *vigil_client_get_io_ports_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_trigger_output_async  (VigilClient *self, const char *dev_index,
                                                          guint output_id, gboolean high,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_trigger_output_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* ---- Chapter 4/8.1: device management ---- */

/* Every device is validated first; nothing is sent if one is invalid. The result is one
 * VigilDeviceAddResult per device, successes and failures alike (partial success is not an
 * error). GPtrArray of VigilDeviceAddResult. */
void                  vigil_client_add_devices_async  (VigilClient *self, GPtrArray *devices,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_add_devices_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_search_devices_async  (VigilClient *self,
                                                          const VigilSearchDescription *search,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
VigilSearchResult    *vigil_client_search_devices_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* GPtrArray of VigilDeviceInfo (with dev_index). */
void                  vigil_client_refresh_devices_async  (VigilClient *self, const char * const *dev_indexes,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_refresh_devices_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_delete_device_async  (VigilClient *self, const char *dev_index,
                                                         GCancellable *cancellable,
                                                         GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_delete_device_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* GPtrArray of VigilDeviceDeleteResult, one per device. */
void                  vigil_client_delete_devices_async  (VigilClient *self, const char * const *dev_indexes,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_delete_devices_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_get_channel_info_async  (VigilClient *self, const char *dev_index,
                                                            GCancellable *cancellable,
                                                            GAsyncReadyCallback callback, gpointer user_data);
VigilChannelInfo     *vigil_client_get_channel_info_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* ---- Chapter 7/8.4: security control (partition VIGIL_ALL_PARTITIONS for all) ---- */
void                  vigil_client_arm_async  (VigilClient *self, const char *dev_index, guint64 partition,
                                               VigilArmMode mode, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_arm_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_disarm_async  (VigilClient *self, const char *dev_index, guint64 partition,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_disarm_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_clear_alarm_async  (VigilClient *self, const char *dev_index, guint64 partition,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_clear_alarm_finish (VigilClient *self, GAsyncResult *result, GError **error);

void                  vigil_client_bypass_async  (VigilClient *self, const char *dev_index,
                                                  const guint *zones, guint n_zones, gboolean bypass,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_bypass_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* Per relay: GPtrArray of VigilErrorItem, one per relay asked for (ok ones included). */
void                  vigil_client_control_relays_async  (VigilClient *self, const char *dev_index,
                                                          const guint *relays, guint n_relays, gboolean open,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_control_relays_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* GPtrArray of VigilPartitionStatus / VigilZoneStatus. */
void                  vigil_client_get_partitions_async  (VigilClient *self, const char *dev_index,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_get_partitions_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_get_zones_async  (VigilClient *self, const char *dev_index,
                                                     GCancellable *cancellable,
                                                     GAsyncReadyCallback callback, gpointer user_data);
GPtrArray            *vigil_client_get_zones_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_get_peripherals_async  (VigilClient *self, const char *dev_index,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback, gpointer user_data);
VigilPeripherals     *vigil_client_get_peripherals_finish (VigilClient *self, GAsyncResult *result, GError **error);

/* ---- §8.2: subscriptions (the stream itself is VigilEventStream) ---- */
void                  vigil_client_get_subscription_status_async  (VigilClient *self, gint64 subscription_id,
                                                                   GCancellable *cancellable,
                                                                   GAsyncReadyCallback callback, gpointer user_data);
/* GPtrArray of VigilSubscriptionDevice. */
GPtrArray            *vigil_client_get_subscription_status_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_get_device_subscription_async  (VigilClient *self, gint64 subscription_id,
                                                                   const char *dev_index,
                                                                   GCancellable *cancellable,
                                                                   GAsyncReadyCallback callback, gpointer user_data);
VigilSubscribeDevEvent *vigil_client_get_device_subscription_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_add_device_subscription_async  (VigilClient *self, gint64 subscription_id,
                                                                   const VigilSubscribeDevEvent *events,
                                                                   GCancellable *cancellable,
                                                                   GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_add_device_subscription_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_remove_device_subscription_async  (VigilClient *self, gint64 subscription_id,
                                                                      const char *dev_index,
                                                                      GCancellable *cancellable,
                                                                      GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_remove_device_subscription_finish (VigilClient *self, GAsyncResult *result, GError **error);
void                  vigil_client_unsubscribe_async  (VigilClient *self, gint64 subscription_id,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback, gpointer user_data);
VigilResponseStatus  *vigil_client_unsubscribe_finish (VigilClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
