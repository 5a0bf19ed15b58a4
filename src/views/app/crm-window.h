/* crm-window.h
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

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

typedef struct _CrmBoard CrmBoard;
typedef struct _CrmTodayView CrmTodayView;
typedef struct _CrmLeadsView CrmLeadsView;

CrmWindow    *crm_window_new                (GtkApplication *application,
                                             CrmStore       *store,
                                             const GError   *open_error);
CrmStore     *crm_window_get_store          (CrmWindow      *self);
CrmBoard     *crm_window_get_board          (CrmWindow      *self);
CrmTodayView *crm_window_get_today_view     (CrmWindow      *self);
CrmLeadsView *crm_window_get_leads_view     (CrmWindow      *self);
AdwViewStack *crm_window_get_view_stack     (CrmWindow      *self);
GtkLabel     *crm_window_get_quota_label    (CrmWindow      *self);
GtkWidget    *crm_window_open_deal          (CrmWindow      *self,
                                             gint64          deal_id);
void          crm_window_set_demo_on_setup  (CrmWindow      *self,
                                             guint           n_deals);

G_END_DECLS
