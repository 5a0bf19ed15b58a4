/* crm-leads-view.h
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

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_LEADS_VIEW (crm_leads_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmLeadsView, crm_leads_view, CRM, LEADS_VIEW, AdwBin)

CrmStore    *crm_leads_view_get_store         (CrmLeadsView *self);
void         crm_leads_view_set_store         (CrmLeadsView *self,
                                               CrmStore     *store);
void         crm_leads_view_reload            (CrmLeadsView *self);
guint        crm_leads_view_get_n_leads       (CrmLeadsView *self);
GtkListView *crm_leads_view_get_list_view     (CrmLeadsView *self);
GListModel  *crm_leads_view_get_model         (CrmLeadsView *self);
GtkListView *crm_leads_view_get_sources_view  (CrmLeadsView *self);
GListModel  *crm_leads_view_get_sources_model (CrmLeadsView *self);
const char  *crm_leads_view_get_source        (CrmLeadsView *self);
void         crm_leads_view_set_source        (CrmLeadsView *self,
                                               const char   *source);

G_END_DECLS
