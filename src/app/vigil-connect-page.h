/* vigil-connect-page.h — signing in to a gateway
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Address, user, password, "remember", the known gateways and the demo. Every failure says
 * what happened and what to do next; nothing is retried by itself.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-client.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CONNECT_PAGE (vigil_connect_page_get_type ())

G_DECLARE_FINAL_TYPE (VigilConnectPage, vigil_connect_page, VIGIL, CONNECT_PAGE, GtkWidget)

void        vigil_connect_page_set_settings   (VigilConnectPage *self,
                                               GSettings        *settings);
/* Fills the form and signs in. Without @password, a remembered one is used if the keyring
 * has it; otherwise the page waits for the operator to type it. */
void        vigil_connect_page_sign_in        (VigilConnectPage *self,
                                               const char       *url,
                                               const char       *user,
                                               const char       *password);
/* Signs in without remembering anything (the demo gateway changes port each run). */
void        vigil_connect_page_sign_in_once   (VigilConnectPage *self,
                                               const char       *url,
                                               const char       *user,
                                               const char       *password);
/* What the Connect button does. */
void        vigil_connect_page_connect        (VigilConnectPage *self);
gboolean    vigil_connect_page_get_busy       (VigilConnectPage *self);
/* The failure shown, as title and explanation on two lines; NULL when none. */
char       *vigil_connect_page_dup_error_text (VigilConnectPage *self);
/* Shows a failure that happened elsewhere (the demo gateway did not start). */
void        vigil_connect_page_show_error     (VigilConnectPage *self,
                                               const char       *title,
                                               const char       *detail);

G_END_DECLS
