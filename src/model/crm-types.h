/* crm-types.h
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

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CrmCompany      CrmCompany;
typedef struct _CrmContact      CrmContact;
typedef struct _CrmDb           CrmDb;
typedef struct _CrmDeal         CrmDeal;
typedef struct _CrmDealList     CrmDealList;
typedef struct _CrmPipeline     CrmPipeline;
typedef struct _CrmProcedure    CrmProcedure;
typedef struct _CrmProduct      CrmProduct;
typedef struct _CrmQuote        CrmQuote;
typedef struct _CrmQuoteLine    CrmQuoteLine;
typedef struct _CrmQuoteTemplate CrmQuoteTemplate;
typedef struct _CrmQuoteVariant CrmQuoteVariant;
typedef struct _CrmSearchResult CrmSearchResult;
typedef struct _CrmStage        CrmStage;
typedef struct _CrmStore        CrmStore;
typedef struct _CrmUser         CrmUser;

/**
 * CrmStageKind:
 * @CRM_STAGE_OPEN: the deal is still being worked
 * @CRM_STAGE_WON: final stage, the deal was won
 * @CRM_STAGE_LOST: final stage, the deal was lost or refused
 */
typedef enum
{
  CRM_STAGE_OPEN,
  CRM_STAGE_WON,
  CRM_STAGE_LOST,
} CrmStageKind;

/**
 * CrmRole:
 * @CRM_ROLE_REP: a sales rep; works their own deals
 * @CRM_ROLE_MANAGER: head of sales; approves exceptions and sets quotas
 */
typedef enum
{
  CRM_ROLE_REP,
  CRM_ROLE_MANAGER,
} CrmRole;

/**
 * CrmProductKind:
 * @CRM_PRODUCT_HARDWARE: a device: an attendance clock, a radiator, a valve
 * @CRM_PRODUCT_SOFTWARE: a software module
 * @CRM_PRODUCT_LICENCE: a licence
 * @CRM_PRODUCT_SERVICE: work: a site, support, installation, training
 * @CRM_PRODUCT_OTHER: anything else
 *
 * What a product is. The procedure decides by kind when it is charged
 * (TW-7) and how much is paid in advance (AXL-9). Stored as the keys of
 * crm_product_kind_to_key().
 */
typedef enum
{
  CRM_PRODUCT_HARDWARE,
  CRM_PRODUCT_SOFTWARE,
  CRM_PRODUCT_LICENCE,
  CRM_PRODUCT_SERVICE,
  CRM_PRODUCT_OTHER,
} CrmProductKind;

#define CRM_N_PRODUCT_KINDS (CRM_PRODUCT_OTHER + 1)

/**
 * CrmClockFunc:
 * @user_data: closure data
 *
 * Returns the current time. The store and the procedure engine never call
 * g_date_time_new_now() themselves so that tests can drive time (AXL-10 needs
 * "three weeks since the last contact" to be testable).
 *
 * Returns: (transfer full): the current time, in UTC
 */
typedef GDateTime *(*CrmClockFunc) (gpointer user_data);

G_END_DECLS
