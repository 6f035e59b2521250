/* vigil-lazy-tooltip.h — tooltips that cost nothing until the pointer asks for them
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per widget: its tooltip is the text last given to vigil_lazy_tooltip_set_text(). */
void vigil_lazy_tooltip_attach   (GtkWidget  *widget);
/* Keeps @text (nullable: no tooltip) beside @widget, without asking the display anything. */
void vigil_lazy_tooltip_set_text (GtkWidget  *widget,
                                  const char *text);

G_END_DECLS
