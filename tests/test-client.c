/* test-client.c — VigilClient against the simulated gateway over real HTTP with Digest auth
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator runs on the test's own main context: every call here is a real request on
 * 127.0.0.1, answered while the test waits for its result.
 */
#include <string.h>

#include "vigil-client.h"
#include "vigil-sim-gateway.h"

#define USER "admin"
#define PASSWORD "Vigil-test-1"

typedef struct
{
  VigilSimGateway *sim;
  VigilClient *client;
  char *dev_index;         /* the first panel */
} Fixture;

static GAsyncResult *
await (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs one async call and finishes it: CALL (args…, on_done, &r), then FINISH. */
#define RUN(result_var, async_call, finish_call)            \
  do {                                                      \
    GAsyncResult *r_ = NULL;                                \
    async_call;                                             \
    await (&r_);                                            \
    { GAsyncResult *r = r_; result_var = finish_call; }     \
    g_object_unref (r_);                                    \
  } while (0)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) indexes = NULL;

  f->sim = vigil_sim_gateway_new (42, 3);
  vigil_sim_gateway_set_credentials (f->sim, USER, PASSWORD);
  g_assert_true (vigil_sim_gateway_listen (f->sim, 0, &error));
  g_assert_no_error (error);

  url = vigil_sim_gateway_dup_url (f->sim);
  f->client = vigil_client_new (url, &error);
  g_assert_no_error (error);
  vigil_client_set_credentials (f->client, USER, PASSWORD);

  indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);
  g_assert_nonnull (indexes[0]);
  f->dev_index = g_strdup (indexes[0]);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->sim);
  g_free (f->dev_index);
  /* Let the server's and client's pending sources finish. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static VigilSimPanel *
sim_panel (Fixture *f)
{
  return vigil_sim_gateway_lookup_panel (f->sim, f->dev_index);
}

static void
test_login_digest_modes (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { VigilSimDigestAlgorithm algorithm; VigilSimDigestQop qop; } modes[] = {
    { VIGIL_SIM_DIGEST_MD5, VIGIL_SIM_DIGEST_QOP_AUTH },
    { VIGIL_SIM_DIGEST_MD5, VIGIL_SIM_DIGEST_QOP_NONE },
    { VIGIL_SIM_DIGEST_MD5_SESS, VIGIL_SIM_DIGEST_QOP_AUTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilClient) client = NULL;
      g_autoptr(VigilUserCheck) check = NULL;
      g_autofree char *url = vigil_sim_gateway_dup_url (f->sim);

      vigil_sim_gateway_set_digest_mode (f->sim, modes[i].algorithm, modes[i].qop);
      client = vigil_client_new (url, NULL);
      vigil_client_set_credentials (client, USER, PASSWORD);

      RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
           vigil_client_login_finish (client, r, &error));
      g_assert_no_error (error);
      g_assert_nonnull (check);
      g_assert_cmpint (check->status_value, ==, 200);
    }
}

static void
test_wrong_password_no_retry (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilUserCheck) check = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;
  const VigilErrorDetails *details;
  guint64 requests, with_credentials;

  vigil_client_set_credentials (f->client, USER, "wrong-password");

  RUN (check, vigil_client_login_async (f->client, NULL, on_done, &r_),
       vigil_client_login_finish (f->client, r, &error));
  g_assert_null (check);
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_AUTH_FAILED);
  details = vigil_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_true (details->has_retry_times);
  g_assert_cmpint (details->retry_times, ==, 4);
  g_assert_nonnull (strstr (error->message, "4 attempts left"));

  /* The credential went out exactly once. */
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (f->sim), ==, 1);
  g_assert_true (vigil_client_get_credentials_rejected (f->client));

  /* Any later call is refused before a byte is sent. */
  requests = vigil_sim_gateway_get_n_requests (f->sim);
  with_credentials = vigil_sim_gateway_get_n_authorization_headers (f->sim);
  g_clear_error (&error);
  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CREDENTIALS_REJECTED);
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (f->sim), ==, with_credentials);

  /* New credentials work again. */
  vigil_client_set_credentials (f->client, USER, PASSWORD);
  g_clear_error (&error);
  RUN (check, vigil_client_login_async (f->client, NULL, on_done, &r_),
       vigil_client_login_finish (f->client, r, &error));
  g_assert_no_error (error);
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = vigil_sim_gateway_dup_url (f->sim);
  g_autoptr(GError) error = NULL;
  const VigilErrorDetails *details;

  vigil_sim_gateway_set_lockout (f->sim, 2, 30);

  /* Each wrong attempt comes from a fresh client, as a person retrying would. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(VigilClient) client = vigil_client_new (url, NULL);
      g_autoptr(VigilUserCheck) check = NULL;

      g_clear_error (&error);
      vigil_client_set_credentials (client, USER, "wrong");
      RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
           vigil_client_login_finish (client, r, &error));
      g_assert_null (check);
    }

  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED);
  details = vigil_error_get_details (error);
  g_assert_true (details->has_lock_seconds);
  g_assert_cmpint (details->lock_seconds, >, 0);
  g_assert_cmpint (details->lock_seconds, <=, 30);
  g_assert_nonnull (strstr (error->message, "locked"));

  /* Even the right password is refused while locked: the lock is the gateway's. */
  {
    g_autoptr(VigilClient) client = vigil_client_new (url, NULL);
    g_autoptr(VigilUserCheck) check = NULL;

    g_clear_error (&error);
    vigil_client_set_credentials (client, USER, PASSWORD);
    RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
         vigil_client_login_finish (client, r, &error));
    g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_LOCKED);
  }
}

static void
test_tls_pinning (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilSimGateway) sim = vigil_sim_gateway_new (7, 1);
  g_autoptr(GTlsCertificate) first = vigil_sim_builtin_certificate (0, &error);
  g_autoptr(GTlsCertificate) second = vigil_sim_builtin_certificate (1, &error);
  g_autofree char *first_pin = NULL;
  g_autofree char *second_pin = NULL;
  g_autofree char *url = NULL;
  g_autoptr(VigilClient) client = NULL;
  g_autoptr(VigilUserCheck) check = NULL;
  const VigilErrorDetails *details;

  g_assert_no_error (error);
  first_pin = vigil_certificate_fingerprint (first);
  second_pin = vigil_certificate_fingerprint (second);
  g_assert_cmpstr (first_pin, !=, second_pin);

  vigil_sim_gateway_set_credentials (sim, USER, PASSWORD);
  vigil_sim_gateway_set_tls_certificate (sim, first);
  g_assert_true (vigil_sim_gateway_listen (sim, 0, &error));
  url = vigil_sim_gateway_dup_url (sim);
  g_assert_true (g_str_has_prefix (url, "https://"));

  /* Unknown certificate: refused, with its fingerprint to show. */
  client = vigil_client_new (url, NULL);
  vigil_client_set_credentials (client, USER, PASSWORD);
  RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
       vigil_client_login_finish (client, r, &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TLS_UNTRUSTED);
  details = vigil_error_get_details (error);
  g_assert_cmpstr (details->tls_fingerprint, ==, first_pin);
  /* Nothing was sent over an untrusted connection. */
  g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (sim), ==, 0);

  /* Pinned: accepted. */
  g_clear_error (&error);
  g_assert_true (vigil_client_set_pinned_fingerprint (client, first_pin, NULL));
  RUN (check, vigil_client_login_async (client, NULL, on_done, &r_),
       vigil_client_login_finish (client, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_clear_pointer (&check, vigil_user_check_free);

  /* The certificate changes under the pin: refused, both fingerprints named. */
  {
    g_autoptr(VigilSimGateway) other = vigil_sim_gateway_new (8, 1);
    g_autoptr(VigilClient) pinned = NULL;
    g_autofree char *other_url = NULL;

    vigil_sim_gateway_set_credentials (other, USER, PASSWORD);
    vigil_sim_gateway_set_tls_certificate (other, second);
    g_assert_true (vigil_sim_gateway_listen (other, 0, NULL));
    other_url = vigil_sim_gateway_dup_url (other);

    pinned = vigil_client_new (other_url, NULL);
    vigil_client_set_credentials (pinned, USER, PASSWORD);
    g_assert_true (vigil_client_set_pinned_fingerprint (pinned, first_pin, NULL));
    RUN (check, vigil_client_login_async (pinned, NULL, on_done, &r_),
         vigil_client_login_finish (pinned, r, &error));
    g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TLS_PIN_MISMATCH);
    g_assert_nonnull (strstr (error->message, first_pin));
    g_assert_nonnull (strstr (error->message, second_pin));
    g_assert_cmpuint (vigil_sim_gateway_get_n_authorization_headers (other), ==, 0);
  }

  /* A pin that is not a fingerprint is refused up front. */
  g_clear_error (&error);
  g_assert_false (vigil_client_set_pinned_fingerprint (client, "12:34", &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
}

static void
test_cross_origin_refused (Fixture       *f,
                           gconstpointer  data)
{
  const char *refused[] = {
    "http://other.example/HikGatewayStorage/x.mp4",
    "//other.example/x",
    "https://127.0.0.1:1/x",
    "ftp://127.0.0.1/x",
  };
  g_autofree char *base = vigil_sim_gateway_dup_url (f->sim);
  g_autofree char *same = g_strconcat (base, "/HikGatewayStorage/a.mp4", NULL);
  g_autofree char *resolved = NULL;
  guint64 requests = vigil_sim_gateway_get_n_requests (f->sim);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SoupMessage) message = vigil_client_prepare_message (f->client, "GET", refused[i], &error);

      g_assert_null (message);
      g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_CROSS_ORIGIN);
    }

  resolved = vigil_client_resolve_same_origin (f->client, "/HikGatewayStorage/a.mp4", NULL);
  g_assert_cmpstr (resolved, ==, same);
  g_clear_pointer (&resolved, g_free);
  resolved = vigil_client_resolve_same_origin (f->client, same, NULL);
  g_assert_cmpstr (resolved, ==, same);

  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
}

static void
test_gateway_system (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autoptr(VigilTimeSettings) time = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);

  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (info->device_name);
  g_assert_cmpstr (info->device_type, ==, "Gateway");

  g_free (info->device_name);
  info->device_name = g_strdup ("Front office gateway");
  RUN (status, vigil_client_set_device_info_async (f->client, NULL, info, NULL, on_done, &r_),
       vigil_client_set_device_info_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status->status_code, ==, 1);
  g_clear_pointer (&info, vigil_device_info_free);
  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_cmpstr (info->device_name, ==, "Front office gateway");

  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_set_time_async (f->client, NULL, when, NULL, on_done, &r_),
       vigil_client_set_time_finish (f->client, r, &error));
  g_assert_no_error (error);
  RUN (time, vigil_client_get_time_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_time_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (time->time_mode, ==, "manual");
  g_assert_true (g_str_has_prefix (time->local_time, "2026-03-01T"));
}

static void
test_device_system (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_autofree char *tz = NULL;
  g_autoptr(GPtrArray) interfaces = NULL;
  g_autoptr(VigilIpAddress) address = NULL;
  g_autoptr(VigilIoPorts) io = NULL;
  g_autoptr(VigilChannelInfo) channels = NULL;
  guint64 requests;

  RUN (info, vigil_client_get_device_info_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info->model, ==, "DS-PWA32-HS");

  RUN (status, vigil_client_set_time_zone_async (f->client, f->dev_index,
                                                 "CST-8:00:00DST00:30:00,M4.1.0/02:00:00,M10.5.0/02:00:00",
                                                 NULL, on_done, &r_),
       vigil_client_set_time_zone_finish (f->client, r, &error));
  g_assert_no_error (error);
  RUN (tz, vigil_client_get_time_zone_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_time_zone_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tz, "CST-8"));

  /* A time zone that is not one never leaves the machine. */
  requests = vigil_sim_gateway_get_n_requests (f->sim);
  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_set_time_zone_async (f->client, f->dev_index, "nonsense", NULL, on_done, &r_),
       vigil_client_set_time_zone_finish (f->client, r, &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
  g_clear_error (&error);

  RUN (interfaces, vigil_client_get_network_interfaces_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_network_interfaces_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (interfaces->len, >=, 1);

  RUN (address, vigil_client_get_ip_address_async (f->client, f->dev_index, "1", NULL, on_done, &r_),
       vigil_client_get_ip_address_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (address->ip_version);

  /* A gateway outside the subnet is refused before sending. */
  g_free (address->addressing_type);
  address->addressing_type = g_strdup ("static");
  g_free (address->ip_version);
  address->ip_version = g_strdup ("v4");
  g_free (address->ip_address);
  address->ip_address = g_strdup ("192.0.2.50");
  g_free (address->subnet_mask);
  address->subnet_mask = g_strdup ("255.255.255.0");
  g_free (address->gateway_ipv4);
  address->gateway_ipv4 = g_strdup ("198.51.100.1");
  requests = vigil_sim_gateway_get_n_requests (f->sim);
  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_set_ip_address_async (f->client, f->dev_index, "1", address, NULL, on_done, &r_),
       vigil_client_set_ip_address_finish (f->client, r, &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
  g_clear_error (&error);

  g_free (address->gateway_ipv4);
  address->gateway_ipv4 = g_strdup ("192.0.2.1");
  RUN (status, vigil_client_set_ip_address_async (f->client, f->dev_index, "1", address, NULL, on_done, &r_),
       vigil_client_set_ip_address_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_clear_pointer (&address, vigil_ip_address_free);
  RUN (address, vigil_client_get_ip_address_async (f->client, f->dev_index, "1", NULL, on_done, &r_),
       vigil_client_get_ip_address_finish (f->client, r, &error));
  g_assert_cmpstr (address->ip_address, ==, "192.0.2.50");

  RUN (io, vigil_client_get_io_ports_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_io_ports_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (io->outputs->len, >=, 1);

  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_trigger_output_async (f->client, f->dev_index, 1, TRUE, NULL, on_done, &r_),
       vigil_client_trigger_output_finish (f->client, r, &error));
  g_assert_no_error (error);

  RUN (channels, vigil_client_get_channel_info_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_channel_info_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (channels->video);
}

static void
test_unknown_dev_index (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) zones = NULL;
  const VigilErrorDetails *details;

  RUN (zones, vigil_client_get_zones_async (f->client, "00000000-0000-0000-0000-000000000000", NULL, on_done, &r_),
       vigil_client_get_zones_finish (f->client, r, &error));
  g_assert_null (zones);
  g_assert_error (error, VIGIL_ISAPI_ERROR, VIGIL_ISAPI_ERROR_THE_DEVICE_ID_DOES_NOT_EXIST);
  details = vigil_error_get_details (error);
  g_assert_cmpstr (details->sub_status_code, ==, "theDeviceIdDoesNotExist");
  g_assert_cmpuint (details->error_code, ==, 0x4000113B);
  /* The person reads a sentence, not a number. */
  g_assert_null (strstr (error->message, "1073746235"));
}

static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_device_add_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(VigilSearchResult) found = NULL;
  g_autoptr(VigilSearchDescription) search = vigil_search_description_new ();
  VigilDeviceAddResult *first, *second;
  VigilDeviceAdd *device;
  const char *to_delete[3] = { NULL, "ffffffff-0000-0000-0000-000000000000", NULL };

  device = vigil_device_add_new ();
  device->protocol_type = g_strdup ("ehomeV5");
  device->ehome_id = g_strdup ("newpanel01");
  device->ehome_key = g_strdup ("abcd1234");
  device->dev_name = g_strdup ("Zebra Test Site");
  device->dev_type = g_strdup ("SecurityCP");
  g_ptr_array_add (devices, device);
  device = vigil_device_add_new ();
  device->protocol_type = g_strdup ("ehomeV5");
  device->ehome_id = g_strdup ("newpanel01");   /* the same again: already exists */
  device->ehome_key = g_strdup ("abcd1234");
  g_ptr_array_add (devices, device);

  RUN (results, vigil_client_add_devices_async (f->client, devices, NULL, on_done, &r_),
       vigil_client_add_devices_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  first = g_ptr_array_index (results, 0);
  second = g_ptr_array_index (results, 1);
  g_assert_cmpstr (first->status, ==, "success");
  g_assert_nonnull (first->dev_index);
  g_assert_cmpstr (second->status, ==, "fail");
  g_assert_cmpstr (second->sub_status_code, ==, "deviceExist");

  /* Search by key finds it; paging with one result per page. */
  search->key = g_strdup ("Zebra Test");
  RUN (found, vigil_client_search_devices_async (f->client, search, NULL, on_done, &r_),
       vigil_client_search_devices_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (found->total_matches, ==, 1);
  g_clear_pointer (&found, vigil_search_result_free);
  g_clear_pointer (&search->key, g_free);
  search->max_result = 1;
  search->has_max_result = TRUE;
  search->position = 1;
  search->has_position = TRUE;
  RUN (found, vigil_client_search_devices_async (f->client, search, NULL, on_done, &r_),
       vigil_client_search_devices_finish (f->client, r, &error));
  g_assert_cmpint (found->total_matches, ==, 4);
  g_assert_cmpuint (found->devices->len, ==, 1);

  /* Delete two: one exists, one does not — per item. */
  to_delete[0] = first->dev_index;
  RUN (deleted, vigil_client_delete_devices_async (f->client, to_delete, NULL, on_done, &r_),
       vigil_client_delete_devices_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  g_assert_cmpstr (((VigilDeviceDeleteResult *) g_ptr_array_index (deleted, 0))->status, ==, "success");
  g_assert_cmpstr (((VigilDeviceDeleteResult *) g_ptr_array_index (deleted, 1))->status, ==, "fail");
  g_assert_cmpstr (((VigilDeviceDeleteResult *) g_ptr_array_index (deleted, 1))->sub_status_code, ==,
                   "theDeviceIdDoesNotExist");

  /* An invalid device is refused before anything is sent. */
  {
    guint64 requests = vigil_sim_gateway_get_n_requests (f->sim);
    g_autoptr(GPtrArray) again = NULL;

    g_free (device->ehome_key);
    device->ehome_key = g_strdup ("short12");
    RUN (again, vigil_client_add_devices_async (f->client, devices, NULL, on_done, &r_),
         vigil_client_add_devices_finish (f->client, r, &error));
    g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
    g_assert_cmpuint (vigil_sim_gateway_get_n_requests (f->sim), ==, requests);
  }
}

static void
test_single_delete_and_refresh (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  g_auto(GStrv) indexes = vigil_sim_gateway_dup_dev_indexes (f->sim);

  RUN (infos, vigil_client_refresh_devices_async (f->client, (const char * const *) indexes, NULL, on_done, &r_),
       vigil_client_refresh_devices_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, g_strv_length (indexes));
  g_assert_cmpstr (((VigilDeviceInfo *) g_ptr_array_index (infos, 0))->dev_index, ==, indexes[0]);

  RUN (status, vigil_client_delete_device_async (f->client, indexes[2], NULL, on_done, &r_),
       vigil_client_delete_device_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_null (vigil_sim_gateway_lookup_panel (f->sim, indexes[2]));
}

static void
test_arming_refused_then_bypass (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  VigilSimPanel *panel = sim_panel (f);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_INSTANT, 1);
  guint zones[] = { zone };
  g_autoptr(GPtrArray) zone_list = NULL;
  g_autoptr(GPtrArray) partitions = NULL;

  g_assert_cmpuint (zone, >, 0);
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);

  RUN (status, vigil_client_arm_async (f->client, f->dev_index, 1, VIGIL_ARM_AWAY, NULL, on_done, &r_),
       vigil_client_arm_finish (f->client, r, &error));
  g_assert_null (status);
  g_assert_true (error->domain == VIGIL_ISAPI_ERROR);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (panel, 1), ==, VIGIL_SIM_ARMING_DISARM);
  g_clear_error (&error);

  /* The zone shows as open in the status read. */
  RUN (zone_list, vigil_client_get_zones_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_zones_finish (f->client, r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < zone_list->len; i++)
    {
      VigilZoneStatus *z = g_ptr_array_index (zone_list, i);
      if (z->id == zone)
        g_assert_cmpstr (z->status, ==, "trigger");
    }

  RUN (status, vigil_client_bypass_async (f->client, f->dev_index, zones, 1, TRUE, NULL, on_done, &r_),
       vigil_client_bypass_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_true (vigil_sim_panel_get_zone_bypassed (panel, zone));
  g_clear_pointer (&status, vigil_response_status_free);

  RUN (status, vigil_client_arm_async (f->client, f->dev_index, 1, VIGIL_ARM_AWAY, NULL, on_done, &r_),
       vigil_client_arm_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (panel, 1), ==, VIGIL_SIM_ARMING_AWAY);

  RUN (partitions, vigil_client_get_partitions_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_partitions_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (((VigilPartitionStatus *) g_ptr_array_index (partitions, 0))->arming, ==, "away");

  /* Disarm everything at once (ID 0xffffffff), and restore the bypass. */
  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_disarm_async (f->client, f->dev_index, VIGIL_ALL_PARTITIONS, NULL, on_done, &r_),
       vigil_client_disarm_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_sim_panel_get_partition_arming (panel, 1), ==, VIGIL_SIM_ARMING_DISARM);
  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_bypass_async (f->client, f->dev_index, zones, 1, FALSE, NULL, on_done, &r_),
       vigil_client_bypass_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_sim_panel_get_zone_bypassed (panel, zone));
}

static void
test_alarm_and_clear (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;
  VigilSimPanel *panel = sim_panel (f);
  guint zone = vigil_sim_panel_find_zone (panel, VIGIL_SIM_ZONE_INSTANT, 1);

  RUN (status, vigil_client_arm_async (f->client, f->dev_index, 1, VIGIL_ARM_AWAY, NULL, on_done, &r_),
       vigil_client_arm_finish (f->client, r, &error));
  g_assert_no_error (error);
  vigil_sim_panel_set_zone_open (panel, zone, TRUE);
  g_assert_true (vigil_sim_panel_get_partition_alarm (panel, 1));

  g_clear_pointer (&status, vigil_response_status_free);
  RUN (status, vigil_client_clear_alarm_async (f->client, f->dev_index, 1, NULL, on_done, &r_),
       vigil_client_clear_alarm_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_false (vigil_sim_panel_get_partition_alarm (panel, 1));
}

static void
test_relays_and_peripherals (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(VigilPeripherals) peripherals = NULL;
  VigilSimPanel *panel = sim_panel (f);
  guint relays[] = { 1, 999 };

  RUN (results, vigil_client_control_relays_async (f->client, f->dev_index, relays, 2, TRUE, NULL, on_done, &r_),
       vigil_client_control_relays_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_true (vigil_error_item_is_ok (g_ptr_array_index (results, 0)));
  g_assert_false (vigil_error_item_is_ok (g_ptr_array_index (results, 1)));
  g_assert_true (vigil_sim_panel_get_relay_on (panel, 1));

  RUN (peripherals, vigil_client_get_peripherals_async (f->client, f->dev_index, NULL, on_done, &r_),
       vigil_client_get_peripherals_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (peripherals->relays->len, >=, 1);
  g_assert_cmpstr (((VigilPeripheralStatus *) g_ptr_array_index (peripherals->relays, 0))->status, ==, "on");
}

static void
test_http_errors_and_timeout (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;

  vigil_sim_gateway_fail_next_requests (f->sim, 503, 1);
  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_null (info);
  g_assert_true (error->domain == VIGIL_CLIENT_ERROR || error->domain == VIGIL_ISAPI_ERROR);
  g_clear_error (&error);

  /* The next one goes through again. */
  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_no_error (error);
  g_clear_pointer (&info, vigil_device_info_free);

  /* Slower than the timeout. */
  vigil_client_set_timeout (f->client, 1);
  vigil_sim_gateway_set_response_delay (f->sim, 2500);
  RUN (info, vigil_client_get_device_info_async (f->client, NULL, NULL, on_done, &r_),
       vigil_client_get_device_info_finish (f->client, r, &error));
  g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_TIMEOUT);
  vigil_sim_gateway_set_response_delay (f->sim, 0);
}

static void
test_cancellation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDeviceInfo) info = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  vigil_sim_gateway_set_response_delay (f->sim, 1000);
  {
    GAsyncResult *r_ = NULL;
    vigil_client_get_device_info_async (f->client, NULL, cancellable, on_done, &r_);
    g_cancellable_cancel (cancellable);
    await (&r_);
    info = vigil_client_get_device_info_finish (f->client, r_, &error);
    g_object_unref (r_);
  }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  vigil_sim_gateway_set_response_delay (f->sim, 0);
}

static void
test_subscription_uris (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilResponseStatus) status = NULL;

  /* An ID the gateway never gave out is refused with a sub status code, not a crash. */
  RUN (status, vigil_client_unsubscribe_async (f->client, 987654, NULL, on_done, &r_),
       vigil_client_unsubscribe_finish (f->client, r, &error));
  g_assert_null (status);
  g_assert_true (error->domain == VIGIL_ISAPI_ERROR);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/client/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("login-digest-modes", test_login_digest_modes);
  ADD ("wrong-password-no-retry", test_wrong_password_no_retry);
  ADD ("lockout", test_lockout);
  ADD ("tls-pinning", test_tls_pinning);
  ADD ("cross-origin", test_cross_origin_refused);
  ADD ("gateway-system", test_gateway_system);
  ADD ("device-system", test_device_system);
  ADD ("unknown-dev-index", test_unknown_dev_index);
  ADD ("batches", test_batches);
  ADD ("single-delete-refresh", test_single_delete_and_refresh);
  ADD ("arming-refused-then-bypass", test_arming_refused_then_bypass);
  ADD ("alarm-and-clear", test_alarm_and_clear);
  ADD ("relays-peripherals", test_relays_and_peripherals);
  ADD ("http-errors-timeout", test_http_errors_and_timeout);
  ADD ("cancellation", test_cancellation);
  ADD ("subscription-uris", test_subscription_uris);
#undef ADD

  return g_test_run ();
}
