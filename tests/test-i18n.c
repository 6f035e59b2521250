/* test-i18n.c — the core's texts reach a person in their language, and a moved install finds
 * its translations
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-i18n"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vigil-cid.h"
#include "vigil-error.h"
#include "vigil-i18n.h"

/* glibc caches each lookup; this counter tells it that LANGUAGE changed (the gettext
 * manual's way for programs that switch languages). */
extern int _nl_msg_cat_cntr;

/* The catalogue compiled in the build tree (po/de/LC_MESSAGES/vigil.mo), with LANGUAGE=de. */
static void
use_german (void)
{
  g_autofree char *po = g_build_filename (g_getenv ("VIGIL_BUILD_DIR"), "po", NULL);
  g_autofree char *mo = g_build_filename (po, "de", "LC_MESSAGES", "vigil.mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  /* gettext ignores LANGUAGE in the "C" locale, not in C.UTF-8 (all a fresh Debian has). */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "de", TRUE);
  ++_nl_msg_cat_cntr;
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static void
use_english (void)
{
  g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

/* The A.3 descriptions are N_() in the table and translated when shown. */
static void
test_cid_german (void)
{
  g_autofree char *fire = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *english = NULL;

  use_german ();
  fire = vigil_cid_describe (1110);
  unknown = vigil_cid_describe (1999);
  g_assert_cmpstr (fire, ==, "Feueralarm");
  g_assert_cmpstr (unknown, ==, "CID-Ereignis 999");
  g_assert_cmpstr (vigil_cid_category_label (VIGIL_CID_CATEGORY_FIRE), ==, "Feuer");

  use_english ();
  english = vigil_cid_describe (1110);
  g_assert_cmpstr (english, ==, "Fire Alarm");
}

/* The A.2 sentences likewise, and an error built from a gateway's answer carries them. */
static void
test_error_german (void)
{
  VigilErrorDetails details = { 0 };
  g_autoptr(GError) error = NULL;

  use_german ();
  g_assert_cmpstr (vigil_isapi_error_sentence (VIGIL_ISAPI_ERROR_NO_MEMORY), ==,
                   "Das Gateway hat keinen Speicher mehr. Versuchen Sie es später erneut "
                   "oder starten Sie das Gateway neu.");
  details.sub_status_code = (char *) "noMemory";
  error = vigil_isapi_error_from_details (&details);
  g_assert_true (g_str_has_prefix (error->message, "Das Gateway hat keinen Speicher mehr."));

  use_english ();
  g_assert_cmpstr (vigil_isapi_error_sentence (VIGIL_ISAPI_ERROR_NO_MEMORY), ==,
                   "The gateway is out of memory. Try again later, or restart the gateway.");
}

/* PREFIX/bin/vigilctl finds PREFIX/share/locale when it is there; else the configured one. */
static void
test_localedir (void)
{
  g_autofree char *prefix = g_dir_make_tmp ("vigil-i18n-XXXXXX", NULL);
  g_autofree char *program = g_build_filename (prefix, VIGIL_BINDIR, "vigilctl", NULL);
  g_autofree char *locale = g_build_filename (prefix, VIGIL_LOCALEDIR_IN_PREFIX, NULL);
  g_autofree char *found = NULL;
  g_autofree char *not_installed = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *unknown = NULL;

  g_assert_nonnull (prefix);

  /* Not installed there (yet): the configured folder. */
  not_installed = vigil_i18n_dup_localedir (program);
  g_assert_cmpstr (not_installed, ==, LOCALEDIR);

  g_assert_cmpint (g_mkdir_with_parents (locale, 0700), ==, 0);
  found = vigil_i18n_dup_localedir (program);
  g_assert_cmpstr (found, ==, locale);

  /* A program that is not in a bin folder (the build tree): the configured folder. */
  elsewhere = vigil_i18n_dup_localedir ("/work/_build/src/cli/vigilctl");
  g_assert_cmpstr (elsewhere, ==, LOCALEDIR);
  unknown = vigil_i18n_dup_localedir (NULL);
  g_assert_cmpstr (unknown, ==, LOCALEDIR);

  g_assert_cmpint (g_rmdir (locale), ==, 0);
  while (g_strcmp0 (locale, prefix) != 0)
    {
      char *parent = g_path_get_dirname (locale);

      g_free (locale);
      locale = parent;
      g_rmdir (locale);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/cid-german", test_cid_german);
  g_test_add_func ("/i18n/error-german", test_error_german);
  g_test_add_func ("/i18n/localedir", test_localedir);

  return g_test_run ();
}
