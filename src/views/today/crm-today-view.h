/* crm-today-view.h
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

#define CRM_TYPE_TODAY_VIEW (crm_today_view_get_type ())

G_DECLARE_FINAL_TYPE (CrmTodayView, crm_today_view, CRM, TODAY_VIEW, AdwBin)

CrmStore    *crm_today_view_get_store      (CrmTodayView *self);
void         crm_today_view_set_store      (CrmTodayView *self,
                                            CrmStore     *store);
void         crm_today_view_reload         (CrmTodayView *self);
GtkListView *crm_today_view_get_list_view  (CrmTodayView *self);
GListModel  *crm_today_view_get_model      (CrmTodayView *self);
guint        crm_today_view_get_n_overdue  (CrmTodayView *self);
guint        crm_today_view_get_n_due      (CrmTodayView *self);

G_END_DECLS
