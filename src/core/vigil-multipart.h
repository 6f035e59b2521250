/* vigil-multipart.h — an incremental multipart/mixed parser for the event stream
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VIGIL_MULTIPART_ERROR (vigil_multipart_error_quark ())

typedef enum
{
  VIGIL_MULTIPART_ERROR_TOO_LARGE,          /* a part over the limit: dropped */
  VIGIL_MULTIPART_ERROR_HEADERS_TOO_LARGE,  /* a part whose header block never ended */
  VIGIL_MULTIPART_ERROR_TRUNCATED,          /* the stream ended inside a part */
  VIGIL_MULTIPART_ERROR_GARBAGE,            /* bytes between parts that belong to no part */
  VIGIL_MULTIPART_ERROR_NO_PARTS,           /* a whole stream without a single boundary */
} VigilMultipartError;

GQuark vigil_multipart_error_quark (void);

/* What a gateway's part may weigh before it is dropped. */
#define VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE (1024 * 1024)

/* RFC 2046 allows 70 characters; a little slack for firmware that does not count. */
#define VIGIL_MULTIPART_MAX_BOUNDARY 200

typedef struct _VigilMultipart VigilMultipart;
typedef struct _VigilMultipartPart VigilMultipartPart;

/* A parser with no I/O: feed it bytes as they arrive and pull the parts that are complete.
 * Parts are delivered as early as their end can be known:
 * - a JSON body (Content-Type absent or JSON, first byte '{' or '[') the moment its top-level
 *   value closes, whatever its Content-Length says (gateways send wrong ones);
 * - any other body at the next boundary, cut to its Content-Length when that is exact.
 * @boundary is the Content-Type's boundary parameter (without the leading "--"); NULL, empty,
 * longer than VIGIL_MULTIPART_MAX_BOUNDARY or containing a line break is refused (NULL).
 * @max_part_size 0 means VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE. Internal buffering never exceeds
 * @max_part_size plus a few KiB whatever the input. */
VigilMultipart     *vigil_multipart_new             (const char     *boundary,
                                                     gsize           max_part_size);
void                vigil_multipart_free            (VigilMultipart *self);

void                vigil_multipart_feed            (VigilMultipart *self,
                                                     const guint8   *data,
                                                     gsize           len);

/* The end of the stream: a last part without a closing delimiter is delivered when it is
 * complete (its JSON closed, or its Content-Length satisfied), else reported as a truncated
 * error part. Feeding after this is a programming error. */
void                vigil_multipart_finish          (VigilMultipart *self);

/* Takes the next complete part (transfer full), FALSE when none is ready. */
gboolean            vigil_multipart_next_part       (VigilMultipart      *self,
                                                     VigilMultipartPart **part_out);

/* TRUE once the closing delimiter "--boundary--" was seen. Parts that still follow (firmware
 * that reuses the closing form) are delivered all the same. */
gboolean            vigil_multipart_saw_close       (VigilMultipart *self);

/* Bytes held inside the parser now (for tests of the memory bound). */
gsize               vigil_multipart_get_buffered    (VigilMultipart *self);

/* The boundary parameter of a Content-Type value (`multipart/mixed; boundary=boundary`,
 * quoted or not), or NULL when there is none or it is unusable. */
char               *vigil_multipart_boundary_from_content_type (const char *content_type);

/* A part: its headers as sent, and its body; or an error, whose body keeps what it can of the
 * bytes concerned so that the raw text is not lost: the first KiB of a part that was too large or
 * of garbage between parts, the whole of a part the stream ended in. */
void                vigil_multipart_part_free               (VigilMultipartPart *part);
const GError       *vigil_multipart_part_get_error          (VigilMultipartPart *part);
GBytes             *vigil_multipart_part_get_body           (VigilMultipartPart *part);
const char         *vigil_multipart_part_get_content_type   (VigilMultipartPart *part);
/* The Content-Length header, -1 when absent or unreadable. Not necessarily the body's size. */
gint64              vigil_multipart_part_get_content_length (VigilMultipartPart *part);
/* A header by name (any case), NULL if absent. */
const char         *vigil_multipart_part_get_header         (VigilMultipartPart *part,
                                                             const char         *name);
guint               vigil_multipart_part_get_n_headers      (VigilMultipartPart *part);
/* Where the body started in the stream (bytes fed before it). */
guint64             vigil_multipart_part_get_offset         (VigilMultipartPart *part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilMultipart, vigil_multipart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilMultipartPart, vigil_multipart_part_free)

G_END_DECLS
