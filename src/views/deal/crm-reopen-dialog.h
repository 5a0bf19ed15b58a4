/* crm-reopen-dialog.h
 *
 * Copyright 2026 The Deals authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_REOPEN_DIALOG (crm_reopen_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmReopenDialog, crm_reopen_dialog, CRM, REOPEN_DIALOG, AdwMessageDialog)

GtkWidget  *crm_reopen_dialog_new        (const char       *deal_title);
char       *crm_reopen_dialog_dup_reason (CrmReopenDialog  *self);
void        crm_reopen_dialog_set_reason (CrmReopenDialog  *self,
                                          const char       *reason);

G_END_DECLS
