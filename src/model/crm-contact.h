/* crm-contact.h
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

#define CRM_TYPE_CONTACT (crm_contact_get_type ())

G_DECLARE_FINAL_TYPE (CrmContact, crm_contact, CRM, CONTACT, GObject)

/* Lifecycle stages of a contact (HS-4): lead → opportunity → customer / other. */
#define CRM_LIFECYCLE_LEAD        "lead"
#define CRM_LIFECYCLE_OPPORTUNITY "opportunity"
#define CRM_LIFECYCLE_CUSTOMER    "customer"
#define CRM_LIFECYCLE_OTHER       "other"

CrmContact         *crm_contact_new                (void);
gint64              crm_contact_get_id             (CrmContact         *self);
void                crm_contact_set_id             (CrmContact         *self,
                                                    gint64              id);
gint64              crm_contact_get_company_id     (CrmContact         *self);
void                crm_contact_set_company_id     (CrmContact         *self,
                                                    gint64              company_id);
const char         *crm_contact_get_name           (CrmContact         *self);
void                crm_contact_set_name           (CrmContact         *self,
                                                    const char         *name);
const char         *crm_contact_get_position       (CrmContact         *self);
void                crm_contact_set_position       (CrmContact         *self,
                                                    const char         *position);
const char         *crm_contact_get_lifecycle      (CrmContact         *self);
void                crm_contact_set_lifecycle      (CrmContact         *self,
                                                    const char         *lifecycle);
const char         *crm_contact_get_classification (CrmContact         *self);
void                crm_contact_set_classification (CrmContact         *self,
                                                    const char         *classification);
const char * const *crm_contact_get_phones         (CrmContact         *self);
void                crm_contact_set_phones         (CrmContact         *self,
                                                    const char * const *phones);
const char * const *crm_contact_get_emails         (CrmContact         *self);
void                crm_contact_set_emails         (CrmContact         *self,
                                                    const char * const *emails);
const char         *crm_contact_get_source         (CrmContact         *self);
void                crm_contact_set_source         (CrmContact         *self,
                                                    const char         *source);
const char         *crm_contact_get_campaign       (CrmContact         *self);
void                crm_contact_set_campaign       (CrmContact         *self,
                                                    const char         *campaign);

gint64 crm_contact_get_version (CrmContact *self);
void   crm_contact_set_version (CrmContact *self,
                                gint64      version);

G_END_DECLS
