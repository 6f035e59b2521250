/* vigil-format.h — how the alarm queue, the log and the notifications word things
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-event.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

/* What happened, translated: the CID code's sentence ("Fire alarm"), else the event's type. */
char *vigil_format_event_title    (const VigilEvent *event);
/* The panel's name, else "Panel" and the start of its devIndex. */
char *vigil_format_panel          (VigilJournal     *journal,
                                   const char       *dev_index);
/* "Zone 3 · Kitchen smoke", "Zone 3"; NULL when the event concerns no zone. */
char *vigil_format_zone           (VigilJournal     *journal,
                                   const char       *dev_index,
                                   gint              zone);
/* The panel user of CIDParam: "Ann (keypad user 2)", "Network user 5"; NULL when none. */
char *vigil_format_panel_user     (const VigilEvent *event);
/* "45 s", "3 min", "1 h 5 min". */
char *vigil_format_duration       (gint64            seconds);
/* A time of day, with the date when it is not today (in @date_time's own zone). */
char *vigil_format_date_time      (GDateTime        *date_time);
/* The same for µs since the epoch, in the local zone. */
char *vigil_format_usec_local     (gint64            usec);
/* ISO 8601 in UTC with "UTC", for tooltips: "2026-11-26 18:02:11 UTC". */
char *vigil_format_usec_utc       (gint64            usec);

G_END_DECLS
