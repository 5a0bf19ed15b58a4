/* crm-store-private.h
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

#include "crm-store.h"

G_BEGIN_DECLS

/* Used by CrmDealList, which pages a stage's deals out of the store. */
gboolean _crm_store_fetch_stage_page    (CrmStore   *self,
                                         gint64      stage_id,
                                         guint       offset,
                                         guint       limit,
                                         GPtrArray  *deals,
                                         GError    **error);
gboolean _crm_store_fetch_stage_summary (CrmStore   *self,
                                         gint64      stage_id,
                                         guint      *n_deals,
                                         char      **total_label,
                                         GError    **error);

/* Tests lower it to check large files the way the store does: afterwards. */
void     _crm_store_set_sync_check_limit (goffset     limit);

G_END_DECLS
