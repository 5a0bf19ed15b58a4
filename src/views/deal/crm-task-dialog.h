/* crm-task-dialog.h
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

#include "crm-task.h"

G_BEGIN_DECLS

#define CRM_TYPE_TASK_DIALOG (crm_task_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmTaskDialog, crm_task_dialog, CRM, TASK_DIALOG, AdwWindow)

GtkWidget *crm_task_dialog_new_add       (CrmStore       *store,
                                          gint64          deal_id);
GtkWidget *crm_task_dialog_new_close     (CrmStore       *store,
                                          CrmTask        *task);
CrmStore  *crm_task_dialog_get_store     (CrmTaskDialog  *self);
gint64     crm_task_dialog_get_deal_id   (CrmTaskDialog  *self);
CrmTask   *crm_task_dialog_get_task      (CrmTaskDialog  *self);
GDateTime *crm_task_dialog_dup_due       (CrmTaskDialog  *self);
void       crm_task_dialog_set_due       (CrmTaskDialog  *self,
                                          GDateTime      *due);
gboolean   crm_task_dialog_get_can_apply (CrmTaskDialog  *self);
gint64     crm_task_dialog_apply         (CrmTaskDialog  *self,
                                          GError        **error);

G_END_DECLS
