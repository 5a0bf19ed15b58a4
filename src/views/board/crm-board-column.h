/* crm-board-column.h
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

#include <gtk/gtk.h>

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_BOARD_COLUMN (crm_board_column_get_type ())

G_DECLARE_FINAL_TYPE (CrmBoardColumn, crm_board_column, CRM, BOARD_COLUMN, GtkBox)

GtkWidget      *crm_board_column_new             (CrmStage       *stage,
                                                  CrmDealList    *deals);
CrmStage       *crm_board_column_get_stage       (CrmBoardColumn *self);
CrmDealList    *crm_board_column_get_deals       (CrmBoardColumn *self);
GtkListView    *crm_board_column_get_list_view   (CrmBoardColumn *self);
GtkDropTarget  *crm_board_column_get_drop_target (CrmBoardColumn *self);
CrmDeal        *crm_board_column_get_selected    (CrmBoardColumn *self);
void            crm_board_column_select          (CrmBoardColumn *self,
                                                  guint           position);

G_END_DECLS
