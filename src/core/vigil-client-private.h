/* vigil-client-private.h — what the URI groups share with the session code
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-client.h"

G_BEGIN_DECLS

typedef struct
{
  guint        status;
  GBytes      *body;
  JsonNode    *root;         /* the body as JSON, NULL when empty or not JSON */
  const char  *request_path;
  gpointer     parser_data;  /* given to _vigil_client_call_full */
} VigilResponse;

/* Turns an answer into the typed result, or sets @error. */
typedef gpointer (*VigilResponseParser) (VigilResponse  *response,
                                         GError        **error);

typedef enum
{
  VIGIL_CALL_DEFAULT = 0,
  /* A ResponseStatus that is not ok may come with per-item results: the parser sees it. */
  VIGIL_CALL_BATCH   = 1 << 0,
  /* The answer is plain text (the time zone string), not JSON. */
  VIGIL_CALL_TEXT    = 1 << 1,
} VigilCallFlags;

/* @body: JSON to send (nullable, taken); @text_body for plain-text requests (nullable). */
void      _vigil_client_call        (VigilClient         *self,
                                     const char          *method,
                                     const char          *path,
                                     JsonNode            *body,
                                     const char          *text_body,
                                     VigilCallFlags       flags,
                                     VigilResponseParser  parser,
                                     GDestroyNotify       result_free,
                                     gpointer             source_tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
/* The same, with data the parser needs (freed with @parser_data_free). */
void      _vigil_client_call_full   (VigilClient         *self,
                                     const char          *method,
                                     const char          *path,
                                     JsonNode            *body,
                                     const char          *text_body,
                                     VigilCallFlags       flags,
                                     VigilResponseParser  parser,
                                     gpointer             parser_data,
                                     GDestroyNotify       parser_data_free,
                                     GDestroyNotify       result_free,
                                     gpointer             source_tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gpointer  _vigil_client_call_finish (VigilClient         *self,
                                     GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

/* A request answered by a JSON_ResponseStatus: the shape of most writes. */
void      _vigil_client_call_for_status (VigilClient         *self,
                                         const char          *method,
                                         const char          *path,
                                         JsonNode            *body,
                                         const char          *text_body,
                                         gpointer             source_tag,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* "/ISAPI/…?format=json[&devIndex=…]" with the devIndex escaped. */
char     *_vigil_client_path        (const char *path,
                                     gboolean    format_json,
                                     const char *dev_index,
                                     const char *extra_query);

/* The member @key of the answer's top object (tolerant of case), or a bad-response error. */
JsonNode *_vigil_response_member    (VigilResponse *response,
                                     const char    *key,
                                     GError       **error);

/* The member @key as a record of @klass. */
gpointer   _vigil_response_record   (VigilResponse          *response,
                                     const char             *key,
                                     const VigilRecordClass *klass,
                                     GError                **error);

/* The member @key as a list of @klass records (each maybe wrapped in @item_key). A single
 * object where a list was expected is taken as a list of one. */
GPtrArray *_vigil_response_list     (VigilResponse          *response,
                                     const char             *key,
                                     const char             *item_key,
                                     const VigilRecordClass *klass,
                                     GDestroyNotify          free_func,
                                     GError                **error);

/* TRUE when the answer carries no ResponseStatus, or one that is ok. */
gboolean   _vigil_response_is_ok    (VigilResponse *response);

/* Parsers shared by several calls. */
gpointer  _vigil_parse_response_status (VigilResponse *response, GError **error);

/* Declares a parser that returns the record under @key. */
#define VIGIL_RECORD_PARSER(fn, key, type_name)                                        \
  static gpointer                                                                      \
  fn (VigilResponse *response, GError **error)                                         \
  {                                                                                    \
    return _vigil_response_record (response, key, &type_name##_class, error);          \
  }

/* Declares a parser that returns the list under @key. */
#define VIGIL_LIST_PARSER(fn, key, item_key, type_name)                                \
  static gpointer                                                                      \
  fn (VigilResponse *response, GError **error)                                         \
  {                                                                                    \
    return _vigil_response_list (response, key, item_key, &type_name##_class,          \
                                 (GDestroyNotify) type_name##_free, error);            \
  }

/* A finish function that returns a pointer result. */
#define VIGIL_CLIENT_FINISH(ReturnType, name)                                              \
  ReturnType                                                                               \
  vigil_client_##name##_finish (VigilClient   *self,                                       \
                                GAsyncResult  *result,                                     \
                                GError       **error)                                      \
  {                                                                                        \
    return _vigil_client_call_finish (self, result, vigil_client_##name##_async, error);   \
  }

G_END_DECLS
