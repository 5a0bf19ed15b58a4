/* crm-quote-line.h
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

#include "crm-types.h"

G_BEGIN_DECLS

/* Quantities are kept in thousandths (1.5 pieces = 1500), discounts and
 * VAT rates in basis points (12.5 % = 1250), money in minor units of the
 * quote's currency: no floating point anywhere in money. */
#define CRM_QUANTITY_DECIMALS     3
#define CRM_QUOTE_MAX_LINES       1000   /* per variant */
#define CRM_QUOTE_MAX_DESCRIPTION 4000   /* characters */

#define CRM_TYPE_QUOTE_LINE (crm_quote_line_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuoteLine, crm_quote_line, CRM, QUOTE_LINE, GObject)

/* One row of a quote: a product of the masters or free text. Every field
 * is a property with notify, so a column view binds to it; setters do not
 * judge (the editor shows a problem at its field, see crm_quote_line_check()). */
CrmQuoteLine   *crm_quote_line_new              (void);
CrmQuoteLine   *crm_quote_line_new_for_product  (CrmProduct    *product,
                                                 const char    *language);
CrmQuoteLine   *crm_quote_line_copy             (CrmQuoteLine  *self);

gint64          crm_quote_line_get_product_id   (CrmQuoteLine  *self);
void            crm_quote_line_set_product_id   (CrmQuoteLine  *self,
                                                 gint64         product_id);
const char     *crm_quote_line_get_code         (CrmQuoteLine  *self);
void            crm_quote_line_set_code         (CrmQuoteLine  *self,
                                                 const char    *code);
const char     *crm_quote_line_get_description  (CrmQuoteLine  *self);
void            crm_quote_line_set_description  (CrmQuoteLine  *self,
                                                 const char    *description);
gint64          crm_quote_line_get_quantity     (CrmQuoteLine  *self);
void            crm_quote_line_set_quantity     (CrmQuoteLine  *self,
                                                 gint64         thousandths);
gint64          crm_quote_line_get_unit_price   (CrmQuoteLine  *self);
void            crm_quote_line_set_unit_price   (CrmQuoteLine  *self,
                                                 gint64         minor);
gint64          crm_quote_line_get_floor_price  (CrmQuoteLine  *self);
void            crm_quote_line_set_floor_price  (CrmQuoteLine  *self,
                                                 gint64         minor);
const char     *crm_quote_line_get_currency     (CrmQuoteLine  *self);
void            crm_quote_line_set_currency     (CrmQuoteLine  *self,
                                                 const char    *currency);
guint           crm_quote_line_get_discount     (CrmQuoteLine  *self);
void            crm_quote_line_set_discount     (CrmQuoteLine  *self,
                                                 guint          basis_points);
guint           crm_quote_line_get_vat_rate     (CrmQuoteLine  *self);
void            crm_quote_line_set_vat_rate     (CrmQuoteLine  *self,
                                                 guint          basis_points);
CrmProductKind  crm_quote_line_get_kind         (CrmQuoteLine  *self);
void            crm_quote_line_set_kind         (CrmQuoteLine  *self,
                                                 CrmProductKind kind);

gboolean        crm_quote_line_compute_net      (CrmQuoteLine  *self,
                                                 gint64        *out_net,
                                                 GError       **error);
gboolean        crm_quote_line_check            (CrmQuoteLine  *self,
                                                 const char    *currency,
                                                 GError       **error);

G_END_DECLS
