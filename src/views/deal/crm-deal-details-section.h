/* crm-deal-details-section.h
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

#include "crm-deal.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_DETAILS_SECTION (crm_deal_details_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealDetailsSection, crm_deal_details_section,
                      CRM, DEAL_DETAILS_SECTION, AdwPreferencesGroup)

CrmStore    *crm_deal_details_section_get_store          (CrmDealDetailsSection *self);
void         crm_deal_details_section_set_store          (CrmDealDetailsSection *self,
                                                          CrmStore              *store);
void         crm_deal_details_section_show               (CrmDealDetailsSection *self,
                                                          CrmDeal               *deal);
void         crm_deal_details_section_show_stages        (CrmDealDetailsSection *self,
                                                          CrmDeal               *deal);
gboolean     crm_deal_details_section_show_value         (CrmDealDetailsSection *self,
                                                          const char            *key,
                                                          const char            *value,
                                                          CrmDeal               *stored);
void         crm_deal_details_section_collect            (CrmDealDetailsSection *self,
                                                          CrmDeal               *deal);
GtkEditable *crm_deal_details_section_get_title_row      (CrmDealDetailsSection *self);
GtkEditable *crm_deal_details_section_get_amount_row     (CrmDealDetailsSection *self);
AdwComboRow *crm_deal_details_section_get_stage_row      (CrmDealDetailsSection *self);
GtkEditable *crm_deal_details_section_get_close_date_row (CrmDealDetailsSection *self);
GtkLabel    *crm_deal_details_section_get_problems_label (CrmDealDetailsSection *self);

G_END_DECLS
