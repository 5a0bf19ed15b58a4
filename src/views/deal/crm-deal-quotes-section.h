/* crm-deal-quotes-section.h
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

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_QUOTES_SECTION (crm_deal_quotes_section_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealQuotesSection, crm_deal_quotes_section, CRM, DEAL_QUOTES_SECTION, GtkBox)

void        crm_deal_quotes_section_set_store   (CrmDealQuotesSection *self,
                                                 CrmStore             *store);
void        crm_deal_quotes_section_set_deal_id (CrmDealQuotesSection *self,
                                                 gint64                deal_id);
void        crm_deal_quotes_section_refresh     (CrmDealQuotesSection *self);
GListModel *crm_deal_quotes_section_get_quotes  (CrmDealQuotesSection *self);
GtkWidget  *crm_deal_quotes_section_open_quote  (CrmDealQuotesSection *self,
                                                 gint64                quote_id);
GtkWidget  *crm_deal_quotes_section_new_quote   (CrmDealQuotesSection *self,
                                                 gint64                template_id);

G_END_DECLS
