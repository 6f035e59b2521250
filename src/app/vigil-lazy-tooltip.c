/* vigil-lazy-tooltip.c — tooltips that cost nothing until the pointer asks for them
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is, a round trip to the X
 * server each time. The event log rebinds every visible cell for each event that arrives, and
 * the alarm badge changes with every alarm: at a few hundred events a second those round trips
 * took the whole main loop, and each alarm waited for one before the frame that shows it
 * (tests/bench/). The text is kept beside the widget instead and handed out on "query-tooltip".
 */
#define G_LOG_DOMAIN "vigil-lazy-tooltip"

#include "vigil-lazy-tooltip.h"

#define TEXT_KEY "vigil-lazy-tooltip-text"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
vigil_lazy_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

void
vigil_lazy_tooltip_set_text (GtkWidget  *widget,
                             const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
}
