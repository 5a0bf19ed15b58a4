/* crm-deal.h
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

#include "crm-types.h"

G_BEGIN_DECLS

/**
 * CrmTaskWarning:
 * @CRM_TASK_WARNING_NONE: nothing to warn about
 * @CRM_TASK_WARNING_NO_TASK: an open deal without an open task (RAD-5)
 * @CRM_TASK_WARNING_OVERDUE: the deal's next task is overdue (RAD-6)
 *
 * What a card warns about; see crm_deal_get_task_warning().
 */
typedef enum
{
  CRM_TASK_WARNING_NONE,
  CRM_TASK_WARNING_NO_TASK,
  CRM_TASK_WARNING_OVERDUE,
} CrmTaskWarning;

#define CRM_TYPE_DEAL (crm_deal_get_type ())

G_DECLARE_FINAL_TYPE (CrmDeal, crm_deal, CRM, DEAL, GObject)

CrmDeal     *crm_deal_new                (void);
gint64       crm_deal_get_id             (CrmDeal     *self);
void         crm_deal_set_id             (CrmDeal     *self,
                                          gint64       id);
const char  *crm_deal_get_title          (CrmDeal     *self);
void         crm_deal_set_title          (CrmDeal     *self,
                                          const char  *title);
gint64       crm_deal_get_contact_id     (CrmDeal     *self);
void         crm_deal_set_contact_id     (CrmDeal     *self,
                                          gint64       contact_id);
const char  *crm_deal_get_contact_name   (CrmDeal     *self);
void         crm_deal_set_contact_name   (CrmDeal     *self,
                                          const char  *contact_name);
gint64       crm_deal_get_company_id     (CrmDeal     *self);
void         crm_deal_set_company_id     (CrmDeal     *self,
                                          gint64       company_id);
const char  *crm_deal_get_company_name   (CrmDeal     *self);
void         crm_deal_set_company_name   (CrmDeal     *self,
                                          const char  *company_name);
gint64       crm_deal_get_pipeline_id    (CrmDeal     *self);
void         crm_deal_set_pipeline_id    (CrmDeal     *self,
                                          gint64       pipeline_id);
gint64       crm_deal_get_stage_id       (CrmDeal     *self);
void         crm_deal_set_stage_id       (CrmDeal     *self,
                                          gint64       stage_id);
gint64       crm_deal_get_amount         (CrmDeal     *self);
void         crm_deal_set_amount         (CrmDeal     *self,
                                          gint64       amount);
const char  *crm_deal_get_currency       (CrmDeal     *self);
void         crm_deal_set_currency       (CrmDeal     *self,
                                          const char  *currency);
gint64       crm_deal_get_owner_id       (CrmDeal     *self);
void         crm_deal_set_owner_id       (CrmDeal     *self,
                                          gint64       owner_id);
const char  *crm_deal_get_owner_name     (CrmDeal     *self);
void         crm_deal_set_owner_name     (CrmDeal     *self,
                                          const char  *owner_name);
const char  *crm_deal_get_source         (CrmDeal     *self);
void         crm_deal_set_source         (CrmDeal     *self,
                                          const char  *source);
const char  *crm_deal_get_next_step      (CrmDeal     *self);
void         crm_deal_set_next_step      (CrmDeal     *self,
                                          const char  *next_step);
GDateTime   *crm_deal_get_created_at     (CrmDeal     *self);
void         crm_deal_set_created_at     (CrmDeal     *self,
                                          GDateTime   *created_at);
GDateTime   *crm_deal_get_updated_at     (CrmDeal     *self);
void         crm_deal_set_updated_at     (CrmDeal     *self,
                                          GDateTime   *updated_at);
const char  *crm_deal_get_expected_close (CrmDeal     *self);
void         crm_deal_set_expected_close (CrmDeal     *self,
                                          const char  *expected_close);
GDateTime   *crm_deal_get_next_task_due  (CrmDeal     *self);
void         crm_deal_set_next_task_due  (CrmDeal     *self,
                                          GDateTime   *next_task_due);
CrmStageKind crm_deal_get_stage_kind     (CrmDeal     *self);
void         crm_deal_set_stage_kind     (CrmDeal     *self,
                                          CrmStageKind stage_kind);
CrmTaskWarning crm_deal_get_task_warning (CrmDeal     *self,
                                          GDateTime   *now);
char        *crm_deal_dup_amount_label   (CrmDeal     *self);
void         crm_deal_update_from        (CrmDeal     *self,
                                          CrmDeal     *from);

char        *crm_format_amount           (gint64       amount,
                                          const char  *currency);

gint64 crm_deal_get_version (CrmDeal *self);
void   crm_deal_set_version (CrmDeal *self,
                             gint64   version);

G_END_DECLS
