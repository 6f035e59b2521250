/* vigil-link-indicator.h — the event stream's state, in the header bar
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-event-stream.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_LINK_INDICATOR (vigil_link_indicator_get_type ())

G_DECLARE_FINAL_TYPE (VigilLinkIndicator, vigil_link_indicator, VIGIL, LINK_INDICATOR, GtkWidget)

VigilEventStream *vigil_link_indicator_get_stream (VigilLinkIndicator *self);
void              vigil_link_indicator_set_stream (VigilLinkIndicator *self,
                                                   VigilEventStream   *stream);
/* What it says now ("Online", "Reconnecting in 4 s", "Offline since 14:02"). */
const char       *vigil_link_indicator_get_text   (VigilLinkIndicator *self);

G_END_DECLS
