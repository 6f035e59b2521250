/* vigil-json.h — tolerant reading and strict writing of the gateway's JSON
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VIGIL_JSON_ERROR (vigil_json_error_quark ())

typedef enum
{
  VIGIL_JSON_ERROR_NOT_JSON,      /* the body is not JSON even after repair; message quotes it */
  VIGIL_JSON_ERROR_UNEXPECTED,    /* JSON, but not the message that was expected */
  VIGIL_JSON_ERROR_TOO_LARGE,
} VigilJsonError;

GQuark      vigil_json_error_quark (void);

/* The largest body we parse: bigger answers are refused rather than buffered without bound. */
#define VIGIL_JSON_MAX_BODY (16 * 1024 * 1024)

/* Parses JSON the way real gateways send it. Tries a strict parse first; on failure repairs,
 * in this order: a UTF-8 BOM, NUL bytes, invalid UTF-8 (→ U+FFFD), C comments (the guide's
 * templates carry them), unquoted hex numbers (`0x40000003` → 1073741827), trailing commas
 * before `}` or `]`, and a missing comma between `]`/`}`/`"` and a following `"` on a new line.
 * @repair_note (nullable) receives a short English note of what was repaired (NULL if nothing).
 * A body that still is not JSON gives VIGIL_JSON_ERROR_NOT_JSON whose message quotes the start
 * of what arrived. */
JsonNode   *vigil_json_parse (const char  *data,
                              gssize       length,
                              char       **repair_note,
                              GError     **error);

/* Member lookup that forgives what firmware gets wrong in key names: the exact key first, then
 * one that differs only in case or surrounding white space. NULL when absent. */
JsonNode   *vigil_json_object_lookup (JsonObject *object,
                                      const char *key);

JsonObject *vigil_json_object_get_object (JsonObject *object, const char *key);
JsonArray  *vigil_json_object_get_array  (JsonObject *object, const char *key);

/* A string member; NULL when absent, null, or not a scalar. Numbers and booleans are given as
 * text (a channelID sent as 1 reads as "1"). Leading/trailing white space is kept. */
char       *vigil_json_object_dup_string (JsonObject *object, const char *key);

/* An integer sent as a number, a numeric string ("12", " 12 ", "0x1A"), or a boolean. FALSE when
 * absent or unreadable; *out is left untouched then. */
gboolean    vigil_json_object_get_int    (JsonObject *object, const char *key, gint64 *out);

/* A boolean sent as true/false, "true"/"false" (any case), "yes"/"no", 1/0 or "1"/"0". */
gboolean    vigil_json_object_get_bool   (JsonObject *object, const char *key, gboolean *out);

gboolean    vigil_json_node_get_int      (JsonNode *node, gint64 *out);
/* The same reading of a numeric string ("12", " 12 ", "0x1A", "12.0"): what the _get_int
 * functions do with a string member. */
gboolean    vigil_json_text_get_int      (const char *text, gint64 *out);
gboolean    vigil_json_node_get_bool     (JsonNode *node, gboolean *out);
char       *vigil_json_node_dup_string   (JsonNode *node);

/* Valid UTF-8 from any bytes: invalid sequences become U+FFFD, NULs are dropped. */
char       *vigil_utf8_repair            (const char *data, gssize length);

/* A printable excerpt of untrusted bytes for an error message: at most @max characters,
 * control bytes escaped, "…" appended when cut. */
char       *vigil_json_excerpt           (const char *data, gsize length, gsize max);

/* Copies that can be changed even when the original came sealed from the parser. */
JsonNode   *vigil_json_node_deep_copy    (JsonNode *node);
JsonObject *vigil_json_object_deep_copy  (JsonObject *object);

/* Compact (or pretty) text of a node. */
char       *vigil_json_to_string         (JsonNode *node, gboolean pretty);

/* ---- Table-driven mapping between flat JSON objects and C structs ----
 *
 * Each message type describes its scalar members once; reading and writing share the table.
 * Strings are `char *` (NULL = absent). Integers are `gint64` and booleans `gboolean`, each with a
 * `gboolean has_<member>` beside it that says whether it was present. */

typedef enum
{
  VIGIL_FIELD_STRING,
  VIGIL_FIELD_INT,
  VIGIL_FIELD_BOOL,
} VigilFieldKind;

typedef struct
{
  const char     *key;        /* the JSON member name, or a path "Outer.inner"; NULL is skipped */
  VigilFieldKind  kind;
  gsize           offset;     /* of the value in the struct */
  gsize           has_offset; /* of the has_ flag (ints and booleans), else 0 */
} VigilField;

#define VIGIL_FIELD_STR(Type, member, key) \
  { key, VIGIL_FIELD_STRING, G_STRUCT_OFFSET (Type, member), 0 }
#define VIGIL_FIELD_INT(Type, member, key) \
  { key, VIGIL_FIELD_INT, G_STRUCT_OFFSET (Type, member), G_STRUCT_OFFSET (Type, has_##member) }
#define VIGIL_FIELD_BOOL(Type, member, key) \
  { key, VIGIL_FIELD_BOOL, G_STRUCT_OFFSET (Type, member), G_STRUCT_OFFSET (Type, has_##member) }

/* Reads every field present in @object into @strct (strings are duplicated and repaired to valid
 * UTF-8). Never fails: an unreadable value is treated as absent. */
void        vigil_fields_read  (const VigilField *fields,
                                guint             n_fields,
                                JsonObject       *object,
                                gpointer          strct);

/* Writes every present field of @strct into @object (replacing members of the same name), with
 * JSON types as the guide defines them. */
void        vigil_fields_write (const VigilField *fields,
                                guint             n_fields,
                                gconstpointer     strct,
                                JsonObject       *object);

/* Frees the strings of @strct named by the table. */
void        vigil_fields_clear (const VigilField *fields,
                                guint             n_fields,
                                gpointer          strct);

G_END_DECLS
