/* vigil-window.h — the console's main window
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connect page until a gateway is signed in, then the console: a header with the link
 * state and the count of open alarms, and an AdwViewStack whose pages are named "overview"
 * (the cards and, beside them in a leaflet, the panel page), "alarms", "log", "devices" (the
 * installer's device list and device pages) and "gateway".
 */
#pragma once

#include <adwaita.h>

#include "vigil-alarm-queue-view.h"
#include "vigil-application.h"
#include "vigil-connect-page.h"
#include "vigil-device-page.h"
#include "vigil-devices-view.h"
#include "vigil-event-log-view.h"
#include "vigil-link-indicator.h"
#include "vigil-overview.h"
#include "vigil-panel-page.h"
#include "vigil-session.h"
#include "vigil-trace-view.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_WINDOW (vigil_window_get_type ())

G_DECLARE_FINAL_TYPE (VigilWindow, vigil_window, VIGIL, WINDOW, AdwApplicationWindow)

VigilWindow        *vigil_window_new                (VigilApplication *application);

/* Signs in at start (--gateway): without @password the keyring is asked. */
void                vigil_window_connect            (VigilWindow *self,
                                                     const char  *url,
                                                     const char  *user,
                                                     const char  *password);
/* Starts the built-in simulated gateway (once) and signs in to it. */
void                vigil_window_start_demo         (VigilWindow *self);
/* Ends the session and shows the connect page again. */
void                vigil_window_disconnect         (VigilWindow *self);

VigilSession       *vigil_window_get_session        (VigilWindow *self);
/* The simulated gateway of the demo, NULL when not in demo mode (a VigilSimThread). */
GObject            *vigil_window_get_demo           (VigilWindow *self);

VigilConnectPage   *vigil_window_get_connect_page   (VigilWindow *self);
VigilOverview      *vigil_window_get_overview       (VigilWindow *self);
VigilPanelPage     *vigil_window_get_panel_page     (VigilWindow *self);
VigilLinkIndicator *vigil_window_get_link_indicator (VigilWindow *self);
AdwViewStack       *vigil_window_get_view_stack     (VigilWindow *self);
VigilAlarmQueueView *vigil_window_get_alarm_queue_view (VigilWindow *self);
VigilEventLogView  *vigil_window_get_event_log_view (VigilWindow *self);
/* The "devices" page, and the "gateway" page (a VigilDevicePage for the gateway itself). */
VigilDevicesView   *vigil_window_get_devices_view   (VigilWindow *self);
VigilDevicePage    *vigil_window_get_gateway_page   (VigilWindow *self);
/* The protocol trace of this window's sessions (sign-in included), and a new window showing
 * it (what win.show-trace opens). */
VigilTrace         *vigil_window_get_trace          (VigilWindow *self);
VigilTraceView     *vigil_window_show_trace         (VigilWindow *self);
/* The application's event store and alarm queue. */
VigilJournal       *vigil_window_get_journal        (VigilWindow *self);
/* Shows the "alarms" page with the open alarm stored as @event_id selected. */
void                vigil_window_show_alarm         (VigilWindow *self,
                                                     gint64       event_id);
/* Shows @panel's page over the overview. */
void                vigil_window_show_panel         (VigilWindow *self,
                                                     VigilPanel  *panel);

/* Results of what the operator did: a toast, longer and first for failures. */
void                vigil_window_add_toast          (VigilWindow *self,
                                                     AdwToast    *toast);
/* The toast for @widget's window (nothing when it is in none). */
void                vigil_window_toast_for          (GtkWidget   *widget,
                                                     const char  *text,
                                                     gboolean     failure);
/* Writes what the installer did from @widget to the audit log of @widget's window. */
void                vigil_window_audit_for          (GtkWidget        *widget,
                                                     VigilAuditAction  action,
                                                     const char       *target,
                                                     const GError     *error);
/* The text of the last toast, as the operator read it. */
const char         *vigil_window_get_last_toast     (VigilWindow *self);

G_END_DECLS
