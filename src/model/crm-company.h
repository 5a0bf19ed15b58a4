/* crm-company.h
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

#define CRM_TYPE_COMPANY (crm_company_get_type ())

G_DECLARE_FINAL_TYPE (CrmCompany, crm_company, CRM, COMPANY, GObject)

CrmCompany *crm_company_new         (void);
gint64      crm_company_get_id      (CrmCompany *self);
void        crm_company_set_id      (CrmCompany *self,
                                     gint64      id);
const char *crm_company_get_name    (CrmCompany *self);
void        crm_company_set_name    (CrmCompany *self,
                                     const char *name);
const char *crm_company_get_phone   (CrmCompany *self);
void        crm_company_set_phone   (CrmCompany *self,
                                     const char *phone);
const char *crm_company_get_email   (CrmCompany *self);
void        crm_company_set_email   (CrmCompany *self,
                                     const char *email);
const char *crm_company_get_website (CrmCompany *self);
void        crm_company_set_website (CrmCompany *self,
                                     const char *website);
const char *crm_company_get_city    (CrmCompany *self);
void        crm_company_set_city    (CrmCompany *self,
                                     const char *city);
const char *crm_company_get_address (CrmCompany *self);
void        crm_company_set_address (CrmCompany *self,
                                     const char *address);

gint64 crm_company_get_version (CrmCompany *self);
void   crm_company_set_version (CrmCompany *self,
                                gint64      version);

G_END_DECLS
