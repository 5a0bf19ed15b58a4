/* crm-quote-variant-page.h
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

#include "crm-quote.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUOTE_VARIANT_PAGE (crm_quote_variant_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuoteVariantPage, crm_quote_variant_page, CRM, QUOTE_VARIANT_PAGE, GtkBox)

GtkWidget       *crm_quote_variant_page_new             (CrmStore            *store,
                                                         CrmQuote            *quote,
                                                         CrmQuoteVariant     *variant);
CrmQuoteVariant *crm_quote_variant_page_get_variant     (CrmQuoteVariantPage *self);
const char      *crm_quote_variant_page_get_title       (CrmQuoteVariantPage *self);
void             crm_quote_variant_page_set_editable    (CrmQuoteVariantPage *self,
                                                         gboolean             editable);
void             crm_quote_variant_page_show_products   (CrmQuoteVariantPage *self);
void             crm_quote_variant_page_add_free_line   (CrmQuoteVariantPage *self);
guint            crm_quote_variant_page_get_selected    (CrmQuoteVariantPage *self);
void             crm_quote_variant_page_select          (CrmQuoteVariantPage *self,
                                                         guint                position);
GtkSearchEntry  *crm_quote_variant_page_get_search_entry (CrmQuoteVariantPage *self);
GtkEntry        *crm_quote_variant_page_get_cell        (CrmQuoteVariantPage *self,
                                                         guint                position,
                                                         const char          *column);
const char      *crm_quote_variant_page_get_problems    (CrmQuoteVariantPage *self);

G_END_DECLS
