/* crm-board.h
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

#define CRM_TYPE_BOARD (crm_board_get_type ())

G_DECLARE_FINAL_TYPE (CrmBoard, crm_board, CRM, BOARD, AdwBin)

typedef struct _CrmBoardColumn CrmBoardColumn;

CrmStore       *crm_board_get_store      (CrmBoard    *self);
void            crm_board_set_store      (CrmBoard    *self,
                                          CrmStore    *store);
CrmPipeline    *crm_board_get_pipeline   (CrmBoard    *self);
void            crm_board_set_pipeline   (CrmBoard    *self,
                                          CrmPipeline *pipeline);
GListModel     *crm_board_get_stages     (CrmBoard    *self);
guint           crm_board_get_n_columns  (CrmBoard    *self);
CrmBoardColumn *crm_board_get_column     (CrmBoard    *self,
                                          guint        index);
gboolean        crm_board_get_is_empty   (CrmBoard    *self);
GMenuModel     *crm_board_build_deal_menu (CrmBoard   *self,
                                          CrmDeal     *deal);

G_END_DECLS
