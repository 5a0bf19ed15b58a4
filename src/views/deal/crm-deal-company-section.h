/* crm-deal-company-section.h
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

#include "crm-company.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_COMPANY_SECTION (crm_deal_company_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealCompanySection, crm_deal_company_section,
                      CRM, DEAL_COMPANY_SECTION, AdwPreferencesGroup)

void         crm_deal_company_section_show               (CrmDealCompanySection *self,
                                                          CrmCompany            *company);
void         crm_deal_company_section_collect            (CrmDealCompanySection *self,
                                                          CrmCompany            *company);
gboolean     crm_deal_company_section_show_value         (CrmDealCompanySection *self,
                                                          const char            *key,
                                                          const char            *value);
const char  *crm_deal_company_section_get_region         (CrmDealCompanySection *self);
void         crm_deal_company_section_set_region         (CrmDealCompanySection *self,
                                                          const char            *region);
GtkEditable *crm_deal_company_section_get_name_row       (CrmDealCompanySection *self);
GtkEditable *crm_deal_company_section_get_phone_row      (CrmDealCompanySection *self);
GtkEditable *crm_deal_company_section_get_email_row      (CrmDealCompanySection *self);
GtkLabel    *crm_deal_company_section_get_problems_label (CrmDealCompanySection *self);

G_END_DECLS
