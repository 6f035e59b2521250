/* vigil-sim-json.h — small JSON helpers of the simulator (strict reading, plain writing)
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The simulator reads requests the way a gateway does: a member of the wrong JSON type is a
 * bad parameter, not something to guess at. (The client's tolerant reader is deliberately not
 * used here: the simulator is an independent implementation of the guide.)
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

static inline void
vigil_sim_json_add_string (JsonBuilder *builder,
                           const char  *name,
                           const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static inline void
vigil_sim_json_add_int (JsonBuilder *builder,
                        const char  *name,
                        gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static inline void
vigil_sim_json_add_bool (JsonBuilder *builder,
                         const char  *name,
                         gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static inline JsonNode *
vigil_sim_json_get_value (JsonObject *object,
                          const char *name,
                          GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/* NULL when absent or not a string. */
static inline const char *
vigil_sim_json_get_string (JsonObject *object,
                           const char *name)
{
  JsonNode *node = vigil_sim_json_get_value (object, name, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

/* FALSE when absent or not an integer. */
static inline gboolean
vigil_sim_json_get_int (JsonObject *object,
                        const char *name,
                        gint64     *out)
{
  JsonNode *node = vigil_sim_json_get_value (object, name, G_TYPE_INT64);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* FALSE when absent or not a boolean. */
static inline gboolean
vigil_sim_json_get_bool (JsonObject *object,
                         const char *name,
                         gboolean   *out)
{
  JsonNode *node = vigil_sim_json_get_value (object, name, G_TYPE_BOOLEAN);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static inline JsonObject *
vigil_sim_json_get_object (JsonObject *object,
                           const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static inline JsonArray *
vigil_sim_json_get_array (JsonObject *object,
                          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

G_END_DECLS
