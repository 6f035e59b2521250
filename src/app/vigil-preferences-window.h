/* vigil-preferences-window.h — sound, timings, the operator and the remembered gateways
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_PREFERENCES_WINDOW (vigil_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window, VIGIL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every row is bound to @settings: changes apply at once. */
VigilPreferencesWindow *vigil_preferences_window_new (GtkWindow *parent,
                                                      GSettings *settings);

/* Forgets a remembered gateway: removes it from the list and its password from the keyring. */
void                    vigil_preferences_window_forget_gateway (VigilPreferencesWindow *self,
                                                                 const char             *url,
                                                                 const char             *user);

G_END_DECLS
