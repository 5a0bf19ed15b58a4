/* crm-deal-list.h
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

#include <gio/gio.h>

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_LIST (crm_deal_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealList, crm_deal_list, CRM, DEAL_LIST, GObject)

CrmStore   *crm_deal_list_get_store       (CrmDealList *self);
gint64      crm_deal_list_get_stage_id    (CrmDealList *self);
const char *crm_deal_list_get_total_label (CrmDealList *self);
guint       crm_deal_list_get_n_cached    (CrmDealList *self);
gboolean    crm_deal_list_is_loading      (CrmDealList *self);
void        crm_deal_list_reload          (CrmDealList *self);

/* Private to the model layer. */
CrmDealList *_crm_deal_list_new           (CrmStore    *store,
                                           gint64       stage_id);
CrmDeal     *_crm_deal_list_find          (CrmDealList *self,
                                           gint64       deal_id,
                                           guint       *position);
gboolean     _crm_deal_list_locate        (CrmDealList *self,
                                           const char  *key,
                                           gint64       deal_id,
                                           guint       *position);
void         _crm_deal_list_remove        (CrmDealList *self,
                                           guint        position,
                                           CrmDeal     *deal);
void         _crm_deal_list_insert        (CrmDealList *self,
                                           guint        position,
                                           CrmDeal     *deal,
                                           const char  *key);
void         _crm_deal_list_update        (CrmDealList *self,
                                           CrmDeal     *deal,
                                           CrmDeal     *fresh);

G_END_DECLS
