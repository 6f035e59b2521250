/* fuzz-error.c — the A.2 error answer (ResponseStatus, userCheck) read into a GError
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first two bytes are the HTTP status; the rest is the body. Whatever the gateway says, the
 * console gets an error with a sentence for the operator.
 */
#include "vigil-fuzz.h"

#include "vigil-error.h"
#include "vigil-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(VigilErrorDetails) details = { 0 };
  g_autoptr(JsonNode) node = NULL;
  guint http_status;

  if (size < 2)
    return 0;

  http_status = 100 + ((data[0] << 8 | data[1]) % 500);
  node = vigil_json_parse ((const char *) data + 2, size - 2, NULL, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return 0;

  if (vigil_error_details_parse (json_node_get_object (node), http_status, &details))
    {
      g_autoptr(GError) error = vigil_isapi_error_from_details (&details);
      g_autoptr(VigilErrorDetails) copy = NULL;

      g_assert (error != NULL && error->message != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      copy = vigil_error_details_copy (vigil_error_get_details (error));
      (void) vigil_isapi_error_sentence (error->code);
    }
  if (details.sub_status_code != NULL)
    (void) vigil_isapi_error_from_sub_status (details.sub_status_code);
  (void) vigil_isapi_error_from_error_code (details.error_code);
  return 0;
}
