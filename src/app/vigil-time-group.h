/* vigil-time-group.h — a device's or the gateway's clock and time zone, shown and set
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The device's time with a button that sets it to this computer's, and its POSIX time zone
 * (§8.5.10): the rule as text, its meaning spelled out as it is typed, and an editor for the
 * offset and the daylight-saving dates that writes the rule. An invalid rule is never sent.
 */
#pragma once

#include <adwaita.h>

#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_TIME_GROUP (vigil_time_group_get_type ())

G_DECLARE_FINAL_TYPE (VigilTimeGroup, vigil_time_group, VIGIL, TIME_GROUP, AdwPreferencesGroup)

/* @dev_index NULL: the gateway itself. Reads the time and the time zone. */
void        vigil_time_group_set_target    (VigilTimeGroup *self,
                                            VigilSession   *session,
                                            const char     *dev_index);
void        vigil_time_group_reload        (VigilTimeGroup *self);
/* The rule as the device last reported it (NULL before it is read). */
const char *vigil_time_group_get_time_zone (VigilTimeGroup *self);
/* The device's time as last read (NULL before). */
const char *vigil_time_group_get_time      (VigilTimeGroup *self);

G_END_DECLS
