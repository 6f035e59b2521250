/* vigil-i18n.c — the locale and the translations, for the console and vigilctl alike
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-i18n"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vigil-i18n.h"

char *
vigil_i18n_dup_localedir (const char *program)
{
  g_autofree char *bindir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *candidate = NULL;

  /* Only when both folders are relative to the prefix (meson's defaults) can the prefix be
   * found from the program's own place. */
  if (program == NULL || g_path_is_absolute (VIGIL_BINDIR) || g_path_is_absolute (VIGIL_LOCALEDIR_IN_PREFIX))
    return g_strdup (LOCALEDIR);

  bindir = g_path_get_dirname (program);
  if (!g_str_has_suffix (bindir, G_DIR_SEPARATOR_S VIGIL_BINDIR))
    return g_strdup (LOCALEDIR);

  prefix = g_strndup (bindir, strlen (bindir) - strlen (G_DIR_SEPARATOR_S VIGIL_BINDIR));
  candidate = g_build_filename (prefix, VIGIL_LOCALEDIR_IN_PREFIX, NULL);
  if (!g_file_test (candidate, G_FILE_TEST_IS_DIR))
    return g_strdup (LOCALEDIR);

  return g_steal_pointer (&candidate);
}

void
vigil_i18n_init (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *localedir = vigil_i18n_dup_localedir (program);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
