/* vigil-partition.h — one partition (subsystem) of a panel
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-messages.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PARTITION (vigil_partition_get_type ())
G_DECLARE_FINAL_TYPE (VigilPartition, vigil_partition, VIGIL, PARTITION, GObject)

VigilPartition *vigil_partition_new          (guint id);
guint           vigil_partition_get_id       (VigilPartition *self);
/* "stay", "away", "disarm", or NULL before the first read */
const char     *vigil_partition_get_arming   (VigilPartition *self);
gboolean        vigil_partition_get_armed    (VigilPartition *self);
gboolean        vigil_partition_get_alarm    (VigilPartition *self);
void            vigil_partition_set_arming   (VigilPartition *self, const char *arming);
void            vigil_partition_set_alarm    (VigilPartition *self, gboolean alarm);
void            vigil_partition_apply_status (VigilPartition *self, const VigilPartitionStatus *status);

G_END_DECLS
