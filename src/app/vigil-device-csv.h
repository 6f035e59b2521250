/* vigil-device-csv.h — devices to add, read from a CSV file an installer prepared
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One device a line: protocol,ISUP ID,key,name,type[,heartbeat interval,heartbeat count,visual
 * verification]. The protocol is "ehome"/"ISUP" or "ehomeV5"/"ISUP 5.0"; the type "SecurityCP",
 * "encodingDev" or "AccessControl" (empty: a security control panel); visual verification
 * "yes"/"no"/"true"/"false"/"1"/"0". A first line that starts with "protocol" is a header.
 * Empty lines and lines starting with '#' are skipped. Fields may be quoted ("a, b").
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GPtrArray of VigilDeviceAdd, each valid (vigil_device_add_validate), or NULL and an error
 * that names the line: nothing is added from a file with a bad line. */
GPtrArray *vigil_device_csv_parse (const char  *text,
                                   gssize       length,
                                   GError     **error);

G_END_DECLS
