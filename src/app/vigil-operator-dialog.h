/* vigil-operator-dialog.h — who is on duty: asked at the start of a shift
 *
 * Copyright 2026 The Vigil developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_OPERATOR_DIALOG (vigil_operator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VigilOperatorDialog, vigil_operator_dialog, VIGIL, OPERATOR_DIALOG, AdwMessageDialog)

/* Saves the name into @settings' "operator" when the operator confirms it. */
VigilOperatorDialog *vigil_operator_dialog_new      (GtkWindow *parent,
                                                     GSettings *settings,
                                                     gboolean   start_of_shift);
void                 vigil_operator_dialog_set_name (VigilOperatorDialog *self,
                                                     const char          *name);

G_END_DECLS
