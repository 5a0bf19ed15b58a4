/* crm-task.h
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

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_TASK (crm_task_get_type ())

G_DECLARE_FINAL_TYPE (CrmTask, crm_task, CRM, TASK, GObject)

CrmTask    *crm_task_new          (gint64      id,
                                   gint64      deal_id,
                                   const char *title,
                                   GDateTime  *due_at,
                                   gint64      owner_id,
                                   const char *rule);
gint64      crm_task_get_id       (CrmTask    *self);
gint64      crm_task_get_deal_id  (CrmTask    *self);
const char *crm_task_get_title    (CrmTask    *self);
GDateTime  *crm_task_get_due_at   (CrmTask    *self);
gint64      crm_task_get_owner_id (CrmTask    *self);
const char *crm_task_get_rule     (CrmTask    *self);

G_END_DECLS
