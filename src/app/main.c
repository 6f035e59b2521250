/* main.c — the vigil console
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil"

#include <locale.h>

#include <glib/gi18n.h>

#include "vigil-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VigilApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = vigil_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
