/* crm-deal-fields-section.h
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

#include "crm-field-editor.h"
#include "crm-procedure.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_FIELDS_SECTION (crm_deal_fields_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealFieldsSection, crm_deal_fields_section,
                      CRM, DEAL_FIELDS_SECTION, AdwPreferencesGroup)

void            crm_deal_fields_section_load               (CrmDealFieldsSection *self,
                                                            CrmProcedure         *procedure,
                                                            GHashTable           *values);
guint           crm_deal_fields_section_get_n_editors      (CrmDealFieldsSection *self);
CrmFieldEditor *crm_deal_fields_section_get_editor         (CrmDealFieldsSection *self,
                                                            guint                 index);
CrmFieldEditor *crm_deal_fields_section_find_editor        (CrmDealFieldsSection *self,
                                                            const char           *key);
GtkLabel       *crm_deal_fields_section_get_problems_label (CrmDealFieldsSection *self);
GHashTable     *crm_deal_fields_section_collect_changed    (CrmDealFieldsSection *self);
void            crm_deal_fields_section_remember_saved     (CrmDealFieldsSection *self);
gboolean        crm_deal_fields_section_set_stored_value   (CrmDealFieldsSection *self,
                                                            const char           *key,
                                                            const char           *value);

G_END_DECLS
