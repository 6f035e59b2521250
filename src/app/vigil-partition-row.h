/* vigil-partition-row.h — one partition (or all of them) with its controls
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons activate the panel page's actions ("panel.arm-away" …) with the partition's
 * number as target, VIGIL_ALL_PARTITIONS for the row that stands for every partition.
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PARTITION_ROW (vigil_partition_row_get_type ())

G_DECLARE_FINAL_TYPE (VigilPartitionRow, vigil_partition_row, VIGIL, PARTITION_ROW, GtkListBoxRow)

/* @partition NULL: the row for every partition of @panel. */
GtkWidget      *vigil_partition_row_new           (VigilPanel     *panel,
                                                   VigilPartition *partition);
VigilPartition *vigil_partition_row_get_partition (VigilPartitionRow *self);
void            vigil_partition_row_set_panel     (VigilPartitionRow *self,
                                                   VigilPanel        *panel);

G_END_DECLS
