/* fuzz-multipart.c — the multipart/mixed parser of the event stream, fed in random slices
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the slice size (the network cuts a stream anywhere) and the part size
 * limit, so both the split-boundary paths and the too-large path are reached. Every part is
 * drained and its accessors called, as the event stream does.
 */
#include "vigil-fuzz.h"

#include "vigil-multipart.h"

static void
drain (VigilMultipart *parser)
{
  VigilMultipartPart *part = NULL;

  while (vigil_multipart_next_part (parser, &part))
    {
      GBytes *body = vigil_multipart_part_get_body (part);

      /* An error part keeps an excerpt of what was dropped as its body. */
      g_assert (body != NULL);
      (void) vigil_multipart_part_get_error (part);
      (void) vigil_multipart_part_get_content_type (part);
      (void) vigil_multipart_part_get_content_length (part);
      (void) vigil_multipart_part_get_header (part, "Content-Type");
      (void) vigil_multipart_part_get_n_headers (part);
      (void) vigil_multipart_part_get_offset (part);
      vigil_multipart_part_free (part);
      part = NULL;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VigilMultipart) parser = NULL;
  g_autofree char *header_boundary = NULL;
  gsize slice, max_part, offset = 0;

  if (size < 1)
    return 0;

  slice = (data[0] & 0x3f) + 1;
  max_part = (data[0] & 0x40) ? 256 : VIGIL_MULTIPART_DEFAULT_MAX_PART_SIZE;
  data++;
  size--;

  /* The Content-Type of the response is network input too. */
  {
    g_autofree char *text = g_strndup ((const char *) data, MIN (size, 120));
    header_boundary = vigil_multipart_boundary_from_content_type (text);
  }

  parser = vigil_multipart_new ("boundary", max_part);
  while (offset < size)
    {
      gsize n = MIN (slice, size - offset);

      vigil_multipart_feed (parser, data + offset, n);
      offset += n;
      drain (parser);
    }
  vigil_multipart_finish (parser);
  drain (parser);
  (void) vigil_multipart_saw_close (parser);
  (void) vigil_multipart_get_buffered (parser);
  return 0;
}
