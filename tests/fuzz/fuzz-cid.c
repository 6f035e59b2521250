/* fuzz-cid.c — the A.3 Contact ID codes and event types as the gateway sends them
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The code arrives as a string ("1130", "E130", "3130", numbers as strings, junk); what decodes
 * must be consistent with the table, and every code gets a description.
 */
#include "vigil-fuzz.h"

#include "vigil-cid.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const VigilCidInfo *info;
  guint event = 0;
  gboolean restore = FALSE;

  info = vigil_cid_lookup_string (text);
  if (info != NULL)
    g_assert (info->description != NULL);
  if (vigil_cid_parse_code (text, &event, &restore))
    {
      g_autofree char *description = NULL;
      guint code = (restore ? 3000 : 1000) + event;

      g_assert_cmpuint (event, <, 1000);
      description = vigil_cid_describe (code);
      g_assert (description != NULL && g_utf8_validate (description, -1, NULL));
      (void) vigil_cid_category_to_string (vigil_cid_category_for_event (event));
    }
  if (size >= 2)
    {
      g_autofree char *description = vigil_cid_describe ((data[0] << 8 | data[1]));

      g_assert (description != NULL);
      (void) vigil_cid_lookup (data[0] << 8 | data[1]);
    }
  (void) vigil_event_type_label (text);
  (void) vigil_event_type_is_known (text);
  return 0;
}
