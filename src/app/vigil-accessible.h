/* vigil-accessible.h — accessible names that screen readers and AT-SPI tools can rely on
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per process, before the first window: every labelled button and check button is
 * named by its visible label, once (see the .c file for why GTK 4.8 needs this). */
void vigil_accessible_install (void);

/* The name a control with the text @label gets: the label without mnemonic underscores. */
char *vigil_accessible_dup_label_name (const char *label,
                                       gboolean    use_underline);

G_END_DECLS
