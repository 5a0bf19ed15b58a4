/* crm-deal-contact-section.h
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

#include "crm-contact.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_CONTACT_SECTION (crm_deal_contact_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealContactSection, crm_deal_contact_section,
                      CRM, DEAL_CONTACT_SECTION, AdwPreferencesGroup)

void         crm_deal_contact_section_show               (CrmDealContactSection *self,
                                                          CrmContact            *contact);
void         crm_deal_contact_section_collect            (CrmDealContactSection *self,
                                                          CrmContact            *contact);
gboolean     crm_deal_contact_section_show_value         (CrmDealContactSection *self,
                                                          const char            *key,
                                                          const char            *value);
gboolean     crm_deal_contact_section_has_reachable_data (CrmDealContactSection *self);
const char  *crm_deal_contact_section_get_region         (CrmDealContactSection *self);
void         crm_deal_contact_section_set_region         (CrmDealContactSection *self,
                                                          const char            *region);
GtkEditable *crm_deal_contact_section_get_name_row       (CrmDealContactSection *self);
GtkEditable *crm_deal_contact_section_get_phone_row      (CrmDealContactSection *self);
GtkEditable *crm_deal_contact_section_get_phone2_row     (CrmDealContactSection *self);
GtkEditable *crm_deal_contact_section_get_email_row      (CrmDealContactSection *self);
GtkLabel    *crm_deal_contact_section_get_problems_label (CrmDealContactSection *self);

G_END_DECLS
