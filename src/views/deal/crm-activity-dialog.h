/* crm-activity-dialog.h
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

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_ACTIVITY_DIALOG (crm_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmActivityDialog, crm_activity_dialog, CRM, ACTIVITY_DIALOG, AdwWindow)

GtkWidget       *crm_activity_dialog_new           (CrmStore          *store,
                                                    gint64             deal_id,
                                                    CrmActivityKind    kind);
CrmStore        *crm_activity_dialog_get_store     (CrmActivityDialog *self);
gint64           crm_activity_dialog_get_deal_id   (CrmActivityDialog *self);
CrmActivityKind  crm_activity_dialog_get_kind      (CrmActivityDialog *self);
void             crm_activity_dialog_set_kind      (CrmActivityDialog *self,
                                                    CrmActivityKind    kind);
gboolean         crm_activity_dialog_get_can_apply (CrmActivityDialog *self);
gint64           crm_activity_dialog_apply         (CrmActivityDialog *self,
                                                    GError           **error);

G_END_DECLS
