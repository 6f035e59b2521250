/* vigil-alarm-types.c — the states of an alarm, how it was resolved, and the audited actions
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-alarm-types"

#include <glib/gi18n-lib.h>

#include "vigil-alarm-types.h"

/* The nicks are the text stored in SQLite: never change one, only add. */
G_DEFINE_ENUM_TYPE (VigilAlarmState, vigil_alarm_state,
  G_DEFINE_ENUM_VALUE (VIGIL_ALARM_STATE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (VIGIL_ALARM_STATE_ACKNOWLEDGED, "acknowledged"),
  G_DEFINE_ENUM_VALUE (VIGIL_ALARM_STATE_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (VigilResolution, vigil_resolution,
  G_DEFINE_ENUM_VALUE (VIGIL_RESOLUTION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (VIGIL_RESOLUTION_REAL, "real-alarm"),
  G_DEFINE_ENUM_VALUE (VIGIL_RESOLUTION_FALSE, "false-alarm"),
  G_DEFINE_ENUM_VALUE (VIGIL_RESOLUTION_TEST, "test"),
  G_DEFINE_ENUM_VALUE (VIGIL_RESOLUTION_TECHNICAL, "technical-fault"))

G_DEFINE_ENUM_TYPE (VigilAuditAction, vigil_audit_action,
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_ARM_STAY, "arm-stay"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_ARM_AWAY, "arm-away"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_DISARM, "disarm"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_CLEAR_ALARM, "clear-alarm"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_BYPASS, "bypass"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_UNBYPASS, "unbypass"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_RELAY, "relay"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT, "trigger-output"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_ACKNOWLEDGE, "acknowledge"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_CLOSE, "close"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_ADD_DEVICE, "add-device"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_DELETE_DEVICE, "delete-device"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_REBOOT, "reboot"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_SET_TIME, "set-time"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_SET_TIMEZONE, "set-timezone"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_SET_NETWORK, "set-network"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_SUBSCRIBE, "subscribe"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_UNSUBSCRIBE, "unsubscribe"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_LOGIN, "login"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_SHIFT_START, "shift-start"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_EDIT_DEVICE, "edit-device"),
  G_DEFINE_ENUM_VALUE (VIGIL_AUDIT_ACTION_VIDEO_VERDICT, "video-verdict"))

static const char *
enum_to_nick (GType type,
              gint  value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* The class stays alive: static enum classes are never finalized once referenced. */
  g_type_class_unref (klass);

  return ev != NULL ? ev->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *text,
                gint       *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (text == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, text);
  if (ev != NULL)
    *value = ev->value;
  g_type_class_unref (klass);

  return ev != NULL;
}

const char *
vigil_alarm_state_to_string (VigilAlarmState state)
{
  return enum_to_nick (VIGIL_TYPE_ALARM_STATE, state);
}

gboolean
vigil_alarm_state_from_string (const char      *text,
                               VigilAlarmState *state)
{
  gint value;

  if (!enum_from_nick (VIGIL_TYPE_ALARM_STATE, text, &value))
    return FALSE;
  *state = value;
  return TRUE;
}

const char *
vigil_alarm_state_label (VigilAlarmState state)
{
  switch (state)
    {
    case VIGIL_ALARM_STATE_NEW:
      return _("New");
    case VIGIL_ALARM_STATE_ACKNOWLEDGED:
      return _("Acknowledged");
    case VIGIL_ALARM_STATE_CLOSED:
      return _("Closed");
    default:
      return _("Unknown");
    }
}

const char *
vigil_resolution_to_string (VigilResolution resolution)
{
  return enum_to_nick (VIGIL_TYPE_RESOLUTION, resolution);
}

gboolean
vigil_resolution_from_string (const char      *text,
                              VigilResolution *resolution)
{
  gint value;

  if (!enum_from_nick (VIGIL_TYPE_RESOLUTION, text, &value))
    return FALSE;
  *resolution = value;
  return TRUE;
}

const char *
vigil_resolution_label (VigilResolution resolution)
{
  switch (resolution)
    {
    case VIGIL_RESOLUTION_NONE:
      return _("Not resolved");
    case VIGIL_RESOLUTION_REAL:
      return _("Real alarm");
    case VIGIL_RESOLUTION_FALSE:
      return _("False alarm");
    case VIGIL_RESOLUTION_TEST:
      return _("Test");
    case VIGIL_RESOLUTION_TECHNICAL:
      return _("Technical fault");
    default:
      return _("Unknown");
    }
}

const char *
vigil_audit_action_to_string (VigilAuditAction action)
{
  return enum_to_nick (VIGIL_TYPE_AUDIT_ACTION, action);
}

gboolean
vigil_audit_action_from_string (const char       *text,
                                VigilAuditAction *action)
{
  gint value;

  if (!enum_from_nick (VIGIL_TYPE_AUDIT_ACTION, text, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

static const char * const audit_action_labels[] = {
  [VIGIL_AUDIT_ACTION_ARM_STAY] = N_("Arm stay"),
  [VIGIL_AUDIT_ACTION_ARM_AWAY] = N_("Arm away"),
  [VIGIL_AUDIT_ACTION_DISARM] = N_("Disarm"),
  [VIGIL_AUDIT_ACTION_CLEAR_ALARM] = N_("Clear alarm"),
  [VIGIL_AUDIT_ACTION_BYPASS] = N_("Bypass"),
  [VIGIL_AUDIT_ACTION_UNBYPASS] = N_("Restore bypass"),
  [VIGIL_AUDIT_ACTION_RELAY] = N_("Switch relay"),
  [VIGIL_AUDIT_ACTION_TRIGGER_OUTPUT] = N_("Trigger output"),
  [VIGIL_AUDIT_ACTION_ACKNOWLEDGE] = N_("Acknowledge alarm"),
  [VIGIL_AUDIT_ACTION_CLOSE] = N_("Close alarm"),
  [VIGIL_AUDIT_ACTION_ADD_DEVICE] = N_("Add device"),
  [VIGIL_AUDIT_ACTION_DELETE_DEVICE] = N_("Delete device"),
  [VIGIL_AUDIT_ACTION_REBOOT] = N_("Reboot"),
  [VIGIL_AUDIT_ACTION_SET_TIME] = N_("Set time"),
  [VIGIL_AUDIT_ACTION_SET_TIMEZONE] = N_("Set time zone"),
  [VIGIL_AUDIT_ACTION_SET_NETWORK] = N_("Change network settings"),
  [VIGIL_AUDIT_ACTION_SUBSCRIBE] = N_("Subscribe to events"),
  [VIGIL_AUDIT_ACTION_UNSUBSCRIBE] = N_("Unsubscribe from events"),
  [VIGIL_AUDIT_ACTION_LOGIN] = N_("Log in"),
  [VIGIL_AUDIT_ACTION_SHIFT_START] = N_("Start of shift"),
  [VIGIL_AUDIT_ACTION_EDIT_DEVICE] = N_("Edit device"),
  [VIGIL_AUDIT_ACTION_VIDEO_VERDICT] = N_("Judge the alarm’s video"),
};

const char *
vigil_audit_action_label (VigilAuditAction action)
{
  if ((guint) action >= G_N_ELEMENTS (audit_action_labels) || audit_action_labels[action] == NULL)
    return _("Unknown action");

  return _(audit_action_labels[action]);
}
