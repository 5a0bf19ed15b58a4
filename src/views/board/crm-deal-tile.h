/* crm-deal-tile.h
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

#define CRM_TYPE_DEAL_TILE (crm_deal_tile_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealTile, crm_deal_tile, CRM, DEAL_TILE, GtkWidget)

CrmDeal *crm_deal_tile_get_deal (CrmDealTile *self);
void     crm_deal_tile_set_deal (CrmDealTile *self,
                                 CrmDeal     *deal);
void     crm_deal_tile_set_store (CrmDealTile *self,
                                  CrmStore    *store);
char    *crm_deal_tile_get_text (CrmDealTile *self);

G_END_DECLS
