/* vigil-i18n.h — the locale and the translations, for the console and vigilctl alike
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale from the environment and binds GETTEXT_PACKAGE to the translations of
 * this installation. An installation that was moved (or installed with DESTDIR and run from
 * there) finds its translations beside it; otherwise they come from LOCALEDIR. */
void   vigil_i18n_init           (void);

/* Where the translations are looked up: PREFIX/share/locale when @program lives in
 * PREFIX/bin and that folder exists, else LOCALEDIR. */
char  *vigil_i18n_dup_localedir  (const char *program);

G_END_DECLS
