/* test-messages.c — chapter 9 messages: tolerant reads, strict writes, unknown members kept
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "vigil-messages.h"
#include "vigil-error.h"

static JsonObject *
object_from (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = vigil_json_parse (text, -1, NULL, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static void
test_zone_tolerant_and_normalized (void)
{
  /* §9.34 says booleans, but its own template shows them as strings. */
  g_autoptr(JsonObject) object =
    object_from ("{\"id\":\"3\",\"name\":\"Hall PIR\",\"status\":\"trigger\",\"bypassed\":\"false\","
                 "\"armed\":\"true\",\"alarm\":1,\"charge\":\"lowPower\",\"vendorExtra\":{\"x\":1}}");
  g_autoptr(VigilZoneStatus) zone = vigil_zone_status_from_json (object);
  g_autoptr(JsonObject) written = NULL;

  g_assert_true (zone->has_id);
  g_assert_cmpint (zone->id, ==, 3);
  g_assert_cmpstr (zone->status, ==, "trigger");
  g_assert_true (zone->has_bypassed && !zone->bypassed);
  g_assert_true (zone->has_armed && zone->armed);
  g_assert_true (zone->has_alarm && zone->alarm);
  g_assert_false (zone->has_tamper_evident);

  written = vigil_zone_status_to_json (zone);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (written, "id")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (written, "armed")), ==, G_TYPE_BOOLEAN);
  /* A member this code does not know survives. */
  g_assert_true (json_object_has_member (written, "vendorExtra"));
  /* The original stays as it came. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "armed")), ==, G_TYPE_STRING);
}

static void
test_search_result (void)
{
  g_autoptr(JsonObject) object =
    object_from ("{\"numOfMatches\":2,\"totalMatches\":\"5\",\"MatchList\":["
                 "{\"Device\":{\"devIndex\":\"a\",\"devName\":\"Shop\",\"devType\":\"SecurityCP\","
                 "\"protocolType\":\"ehomeV5\",\"EhomeParams\":{\"EhomeID\":\"shop1\",\"heartInterval\":10},"
                 "\"devStatus\":\"online\",\"activeStatus\":true,\"videoChannelNum\":0}},"
                 "{\"devIndex\":\"b\",\"devName\":\"Bare\",\"devStatus\":\"offline\"}]}");
  g_autoptr(VigilSearchResult) result = vigil_search_result_from_json (object);
  VigilDeviceEntry *first, *second;

  g_assert_cmpint (result->total_matches, ==, 5);
  g_assert_cmpuint (result->devices->len, ==, 2);
  first = g_ptr_array_index (result->devices, 0);
  second = g_ptr_array_index (result->devices, 1);
  g_assert_cmpstr (first->ehome_id, ==, "shop1");
  g_assert_true (first->has_heart_interval);
  g_assert_cmpint (first->heart_interval, ==, 10);
  g_assert_cmpstr (second->dev_name, ==, "Bare");
}

static void
test_device_add_shape (void)
{
  g_autoptr(VigilDeviceAdd) device = vigil_device_add_new ();
  g_autoptr(JsonObject) written = NULL;
  JsonObject *params;

  device->protocol_type = g_strdup ("ehomeV5");
  device->ehome_id = g_strdup ("panel01");
  device->ehome_key = g_strdup ("abcd1234");
  device->dev_name = g_strdup ("Shop");
  device->visual_verification = TRUE;
  device->has_visual_verification = TRUE;
  g_assert_true (vigil_device_add_validate (device, NULL));

  written = vigil_device_add_to_json (device);
  params = json_object_get_object_member (written, "EhomeParams");
  g_assert_cmpstr (json_object_get_string_member (params, "EhomeID"), ==, "panel01");
  g_assert_cmpstr (json_object_get_string_member (params, "EhomeKey"), ==, "abcd1234");
  g_assert_true (json_object_get_boolean_member (written, "visualVerification"));
}

static void
test_device_add_validation (void)
{
  struct { const char *protocol, *id, *key, *name; gboolean ok; } cases[] = {
    { "ehomeV5", "p1", "abcd1234", NULL, TRUE },
    { "ehomeV5", "p1", "abc1234", NULL, FALSE },                 /* 7 characters */
    { "ehomeV5", "p1", "abcd1234abcd1234abcd1234abcd12345", NULL, FALSE }, /* 33 */
    { "ehomeV5", "p1", "abcd-234", NULL, FALSE },                /* not alphanumeric */
    { "ehome", "p1", NULL, NULL, TRUE },
    { "ehome", "p1", "abcd1234", NULL, FALSE },                  /* key only for v5 */
    { "ehome", "0123456789012345678901234567890", NULL, NULL, TRUE },   /* 31 */
    { "ehome", "01234567890123456789012345678901", NULL, NULL, FALSE }, /* 32 */
    { "ehome", "", NULL, NULL, FALSE },
    { "isup", "p1", NULL, NULL, FALSE },
    { "ehome", "p1", NULL, "012345678901234567890123456789012", FALSE }, /* name 33 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilDeviceAdd) device = vigil_device_add_new ();
      g_autoptr(GError) error = NULL;

      device->protocol_type = g_strdup (cases[i].protocol);
      device->ehome_id = g_strdup (cases[i].id);
      device->ehome_key = g_strdup (cases[i].key);
      device->dev_name = g_strdup (cases[i].name);
      g_assert_cmpint (vigil_device_add_validate (device, &error), ==, cases[i].ok);
      if (!cases[i].ok)
        g_assert_error (error, VIGIL_CLIENT_ERROR, VIGIL_CLIENT_ERROR_INVALID_ARGUMENT);
    }
}

static void
test_ip_address_validation (void)
{
  struct { const char *type, *ip, *mask, *gw; gboolean ok; } cases[] = {
    { "static", "192.0.2.10", "255.255.255.0", "192.0.2.1", TRUE },
    { "static", "192.0.2.10", "255.255.255.0", "198.51.100.1", FALSE },  /* gateway outside */
    { "static", "192.0.2.10", "255.0.255.0", NULL, FALSE },              /* mask not contiguous */
    { "static", "192.0.2.0", "255.255.255.0", NULL, FALSE },             /* network address */
    { "static", "192.0.2.300", "255.255.255.0", NULL, FALSE },
    { "static", "127.0.0.5", "255.0.0.0", NULL, FALSE },
    { "dynamic", NULL, NULL, NULL, TRUE },
    { "bogus", NULL, NULL, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VigilIpAddress) address = vigil_ip_address_new ();

      address->ip_version = g_strdup ("v4");
      address->addressing_type = g_strdup (cases[i].type);
      address->ip_address = g_strdup (cases[i].ip);
      address->subnet_mask = g_strdup (cases[i].mask);
      address->gateway_ipv4 = g_strdup (cases[i].gw);
      g_assert_cmpint (vigil_ip_address_validate (address, NULL), ==, cases[i].ok);
    }
}

static void
test_ip_address_nested (void)
{
  g_autoptr(JsonObject) object =
    object_from ("{\"ipVersion\":\"dual\",\"addressingType\":\"static\",\"ipAddress\":\"10.0.0.5\","
                 "\"subnetMask\":\"255.255.255.0\",\"ipv6Address\":\"2001:db8::5\",\"bitMask\":\"64\","
                 "\"DefaultGateway\":{\"ipAddress\":\"10.0.0.1\",\"ipv6Address\":\"2001:db8::1\"},"
                 "\"PrimaryDNS\":{\"ipAddress\":\"10.0.0.2\"}}");
  g_autoptr(VigilIpAddress) address = vigil_ip_address_from_json (object);

  g_assert_cmpstr (address->gateway_ipv4, ==, "10.0.0.1");
  g_assert_cmpstr (address->gateway_ipv6, ==, "2001:db8::1");
  g_assert_cmpstr (address->primary_dns_ipv4, ==, "10.0.0.2");
  g_assert_cmpint (address->bit_mask, ==, 64);
  g_assert_true (vigil_ip_address_validate (address, NULL));
}

static void
test_peripherals (void)
{
  g_autoptr(JsonObject) object =
    object_from ("{\"OutputList\":[{\"Output\":{\"id\":1,\"name\":\"Gate\",\"status\":\"off\",\"linkage\":\"manualCtrl\"}}],"
                 "\"SirenList\":[{\"Siren\":{\"id\":1,\"seq\":\"S1\",\"status\":\"online\",\"charge\":\"lowPower\"}}]}");
  g_autoptr(VigilPeripherals) peripherals = vigil_peripherals_from_json (object);
  VigilPeripheralStatus *relay;

  g_assert_cmpuint (peripherals->relays->len, ==, 1);
  g_assert_cmpuint (peripherals->sirens->len, ==, 1);
  g_assert_cmpuint (peripherals->repeaters->len, ==, 0);
  relay = g_ptr_array_index (peripherals->relays, 0);
  g_assert_cmpstr (relay->linkage, ==, "manualCtrl");
}

static void
test_subscribe_request (void)
{
  g_autoptr(VigilSubscribeRequest) request = vigil_subscribe_request_new ();
  g_autoptr(JsonObject) written = NULL;
  const char *events[] = { "CIDAlarm", "videoReview", NULL };

  request->event_mode = g_strdup ("all");
  request->defence_mode = g_strdup ("part");
  request->event_list = g_strdupv ((char **) events);
  written = vigil_subscribe_request_to_json (request);
  g_assert_cmpstr (json_object_get_string_member (written, "eventMode"), ==, "all");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (written, "eventList")), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/messages/zone", test_zone_tolerant_and_normalized);
  g_test_add_func ("/messages/search-result", test_search_result);
  g_test_add_func ("/messages/device-add-shape", test_device_add_shape);
  g_test_add_func ("/messages/device-add-validation", test_device_add_validation);
  g_test_add_func ("/messages/ip-address-validation", test_ip_address_validation);
  g_test_add_func ("/messages/ip-address-nested", test_ip_address_nested);
  g_test_add_func ("/messages/peripherals", test_peripherals);
  g_test_add_func ("/messages/subscribe-request", test_subscribe_request);

  return g_test_run ();
}
