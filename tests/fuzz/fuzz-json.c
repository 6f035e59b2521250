/* fuzz-json.c — the tolerant JSON reader every gateway answer goes through
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gateways send broken UTF-8, trailing commas and bare control characters; vigil_json_parse()
 * repairs what it can and refuses the rest with an error. Either way: no crash, and what it
 * returns serialises and copies.
 */
#include "vigil-fuzz.h"

#include "vigil-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *repaired = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(JsonNode) node = NULL;

  repaired = vigil_utf8_repair ((const char *) data, size);
  g_assert (g_utf8_validate (repaired, -1, NULL));
  excerpt = vigil_json_excerpt ((const char *) data, size, 80);
  g_assert (g_utf8_validate (excerpt, -1, NULL));

  node = vigil_json_parse ((const char *) data, size, &note, &error);
  g_assert ((node == NULL) == (error != NULL));
  if (node != NULL)
    {
      g_autoptr(JsonNode) copy = vigil_json_node_deep_copy (node);
      g_autofree char *text = vigil_json_to_string (copy, FALSE);
      gint64 i;
      gboolean b;

      g_assert (g_utf8_validate (text, -1, NULL));
      (void) vigil_json_node_get_int (node, &i);
      (void) vigil_json_node_get_bool (node, &b);
      g_free (vigil_json_node_dup_string (node));
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          (void) vigil_json_object_lookup (object, "EventNotificationAlert");
          (void) vigil_json_object_get_object (object, "ResponseStatus");
          (void) vigil_json_object_get_array (object, "DeviceList");
          (void) vigil_json_object_get_int (object, "statusCode", &i);
          (void) vigil_json_object_get_bool (object, "rebootRequired", &b);
          g_free (vigil_json_object_dup_string (object, "eventType"));
          json_object_unref (vigil_json_object_deep_copy (object));
        }
    }
  return 0;
}
