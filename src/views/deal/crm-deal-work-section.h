/* crm-deal-work-section.h
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
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_WORK_SECTION (crm_deal_work_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealWorkSection, crm_deal_work_section, CRM, DEAL_WORK_SECTION, GtkBox)

CrmStore *crm_deal_work_section_get_store   (CrmDealWorkSection  *self);
void      crm_deal_work_section_set_store   (CrmDealWorkSection  *self,
                                             CrmStore            *store);
gint64    crm_deal_work_section_get_deal_id (CrmDealWorkSection  *self);
void      crm_deal_work_section_set_deal_id (CrmDealWorkSection  *self,
                                             gint64               deal_id);
gboolean  crm_deal_work_section_refresh     (CrmDealWorkSection  *self,
                                             gboolean             open,
                                             GError             **error);
CrmTask  *crm_deal_work_section_find_task   (CrmDealWorkSection  *self,
                                             gint64               task_id);

G_END_DECLS
