/* vigil-json-flat.h — a JSON object read into one flat array, without a tree
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_FLAT_NULL,
  VIGIL_FLAT_BOOLEAN,
  VIGIL_FLAT_INT,
  VIGIL_FLAT_DOUBLE,
  VIGIL_FLAT_STRING,
  VIGIL_FLAT_OBJECT,
  VIGIL_FLAT_ARRAY,
} VigilFlatKind;

/* One value. Nodes are in document order: a container's members follow it, and `end` is the
 * index just past its last descendant, so the next sibling of node i is node nodes[i].end. */
typedef struct
{
  VigilFlatKind kind;
  guint end;
  const char *name;          /* the member name (unescaped, not NUL-terminated), or NULL */
  gsize name_len;
  const char *str;           /* a string's text (unescaped, not NUL-terminated) */
  gsize len;
  union
  {
    gint64 integer;
    double number;
    gboolean boolean;
  } v;
} VigilFlatNode;

/* More than an EventNotificationAlert has (about 30): a bigger message takes the tree path. */
#define VIGIL_FLAT_MAX_NODES 256

typedef struct
{
  VigilFlatNode nodes[VIGIL_FLAT_MAX_NODES];
  guint n_nodes;
  gboolean trailing_commas;  /* "…,}" or "…,]" was read as if the comma were not there */
  char *scratch;             /* unescaped strings, when a string had escapes */
  gsize scratch_len;
} VigilFlatDoc;

/* Reads @text, whose top level must be an object, into @doc (node 0 is the object). It accepts
 * only what vigil_json_parse() reads to the same values with at most the repair of trailing
 * commas: valid UTF-8 without NULs or a byte-order mark, JSON white space, no \u escapes, no
 * name twice in one object, integers of at most 18 digits, not too deep or too many nodes.
 * FALSE for anything else, which the caller hands to vigil_json_parse(). Strings point into
 * @text or into @doc's scratch: @text must outlive @doc's use. vigil_json_flat_clear() after. */
gboolean vigil_json_flat_read  (VigilFlatDoc *doc,
                                const char   *text,
                                gsize         length);
void     vigil_json_flat_clear (VigilFlatDoc *doc);

G_END_DECLS
