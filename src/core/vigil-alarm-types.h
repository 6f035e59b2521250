/* vigil-alarm-types.h — the states of an alarm, how it was resolved, and the audited actions
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* new → acknowledged → closed. Closing a new alarm acknowledges it in the same step. */
typedef enum
{
  VIGIL_ALARM_STATE_NEW = 0,
  VIGIL_ALARM_STATE_ACKNOWLEDGED,
  VIGIL_ALARM_STATE_CLOSED,
} VigilAlarmState;

/* What the operator found when closing an alarm. */
typedef enum
{
  VIGIL_RESOLUTION_NONE = 0,       /* not closed yet */
  VIGIL_RESOLUTION_REAL,           /* a real alarm */
  VIGIL_RESOLUTION_FALSE,          /* a false alarm */
  VIGIL_RESOLUTION_TEST,           /* a test */
  VIGIL_RESOLUTION_TECHNICAL,      /* a technical fault */
} VigilResolution;

/* Operator actions kept in the audit log. Stored as their text (vigil_audit_action_to_string)
 * so that the log reads without this table and new actions never renumber old rows. */
typedef enum
{
  VIGIL_AUDIT_ACTION_ARM_STAY = 0,
  VIGIL_AUDIT_ACTION_ARM_AWAY,
  VIGIL_AUDIT_ACTION_DISARM,
  VIGIL_AUDIT_ACTION_CLEAR_ALARM,
  VIGIL_AUDIT_ACTION_BYPASS,
  VIGIL_AUDIT_ACTION_UNBYPASS,
  VIGIL_AUDIT_ACTION_RELAY,
  VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT,
  VIGIL_AUDIT_ACTION_ACKNOWLEDGE,
  VIGIL_AUDIT_ACTION_CLOSE,
  VIGIL_AUDIT_ACTION_ADD_DEVICE,
  VIGIL_AUDIT_ACTION_DELETE_DEVICE,
  VIGIL_AUDIT_ACTION_REBOOT,
  VIGIL_AUDIT_ACTION_SET_TIME,
  VIGIL_AUDIT_ACTION_SET_TIMEZONE,
  VIGIL_AUDIT_ACTION_SET_NETWORK,
  VIGIL_AUDIT_ACTION_SUBSCRIBE,
  VIGIL_AUDIT_ACTION_UNSUBSCRIBE,
  VIGIL_AUDIT_ACTION_LOGIN,
  VIGIL_AUDIT_ACTION_SHIFT_START,
  VIGIL_AUDIT_ACTION_EDIT_DEVICE,
  VIGIL_AUDIT_ACTION_VIDEO_VERDICT,
} VigilAuditAction;

GType            vigil_alarm_state_get_type  (void) G_GNUC_CONST;
GType            vigil_resolution_get_type   (void) G_GNUC_CONST;
GType            vigil_audit_action_get_type (void) G_GNUC_CONST;
#define VIGIL_TYPE_ALARM_STATE  (vigil_alarm_state_get_type ())
#define VIGIL_TYPE_RESOLUTION   (vigil_resolution_get_type ())
#define VIGIL_TYPE_AUDIT_ACTION (vigil_audit_action_get_type ())

/* Stable text as stored in SQLite ("new", "false-alarm", "add-device"…); the from_string
 * functions return FALSE for text they do not know. */
const char      *vigil_alarm_state_to_string   (VigilAlarmState   state);
gboolean         vigil_alarm_state_from_string (const char       *text,
                                                VigilAlarmState  *state);
const char      *vigil_alarm_state_label       (VigilAlarmState   state);   /* translated */

const char      *vigil_resolution_to_string    (VigilResolution   resolution);
gboolean         vigil_resolution_from_string  (const char       *text,
                                                VigilResolution  *resolution);
const char      *vigil_resolution_label        (VigilResolution   resolution);  /* translated */

const char      *vigil_audit_action_to_string   (VigilAuditAction  action);
gboolean         vigil_audit_action_from_string (const char       *text,
                                                 VigilAuditAction *action);
const char      *vigil_audit_action_label       (VigilAuditAction  action);  /* translated */

G_END_DECLS
