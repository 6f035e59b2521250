/* main.c — the vigil console
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil"

#include <glib/gi18n.h>

#include "vigil-application.h"
#include "vigil-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VigilApplication) application = NULL;

  vigil_i18n_init ();

  application = vigil_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
