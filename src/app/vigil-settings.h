/* vigil-settings.h — the console's GSettings, and the lists kept in them
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* At most this many gateways are remembered; the oldest is forgotten first. */
#define VIGIL_SETTINGS_MAX_KNOWN_GATEWAYS 20

/* The settings of VIGIL_SCHEMA_ID. An installed schema wins; an uninstalled console (run from
 * its build directory) finds the one compiled there. NULL and an error when there is none. */
GSettings *vigil_settings_new                     (GError    **error);

/* Known gateways: pairs of address and user, most recent first. Never a password. */
void       vigil_settings_remember_gateway        (GSettings  *settings,
                                                   const char *url,
                                                   const char *user);
void       vigil_settings_forget_gateway          (GSettings  *settings,
                                                   const char *url,
                                                   const char *user);

/* The certificate fingerprint an operator chose to trust for @url (NULL when none). */
char      *vigil_settings_dup_pinned_fingerprint  (GSettings  *settings,
                                                   const char *url);
void       vigil_settings_set_pinned_fingerprint  (GSettings  *settings,
                                                   const char *url,
                                                   const char *fingerprint);

G_END_DECLS
