/* vigil-application.h — the console application
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-alert-sound.h"
#include "vigil-journal.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_APPLICATION (vigil_application_get_type ())

G_DECLARE_FINAL_TYPE (VigilApplication, vigil_application, VIGIL, APPLICATION, AdwApplication)

VigilApplication *vigil_application_new          (void);
/* Valid from startup on. */
GSettings        *vigil_application_get_settings (VigilApplication *self);
/* The event store and the alarm queue (one for the application), and the alert sound. */
VigilJournal     *vigil_application_get_journal     (VigilApplication *self);
VigilAlertSound  *vigil_application_get_alert_sound (VigilApplication *self);
/* The start-of-shift dialog over @parent (the active window when NULL). */
void              vigil_application_ask_operator (VigilApplication *self,
                                                  GtkWindow        *parent,
                                                  gboolean          start_of_shift);

G_END_DECLS
