/* crm-quote-variant.h
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

#include <gio/gio.h>

#include "crm-types.h"

G_BEGIN_DECLS

/* The VAT of one rate: computed once on the sum of the nets at that rate,
 * not line by line, the way Israeli and Russian invoices show it. */
typedef struct
{
  guint  vat_rate;   /* basis points */
  gint64 net;
  gint64 vat;
} CrmVatTotal;

typedef struct
{
  gint64  net;
  gint64  vat;
  gint64  total;     /* net + vat */
  GArray *rates;     /* (element-type CrmVatTotal), ascending by rate */
} CrmQuoteTotals;

void crm_quote_totals_clear (CrmQuoteTotals *totals);

#define CRM_TYPE_QUOTE_VARIANT (crm_quote_variant_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuoteVariant, crm_quote_variant, CRM, QUOTE_VARIANT, GObject)

/* One variant of a quote (AXL-9: one quote, several variants). Emits
 * "changed" when a line is added, removed or moved, or a line changes. */
CrmQuoteVariant *crm_quote_variant_new            (const char      *name);
CrmQuoteVariant *crm_quote_variant_copy           (CrmQuoteVariant *self);
const char      *crm_quote_variant_get_name       (CrmQuoteVariant *self);
void             crm_quote_variant_set_name       (CrmQuoteVariant *self,
                                                   const char      *name);
GListModel      *crm_quote_variant_get_lines      (CrmQuoteVariant *self);
void             crm_quote_variant_insert_line    (CrmQuoteVariant *self,
                                                   guint            position,
                                                   CrmQuoteLine    *line);
void             crm_quote_variant_append_line    (CrmQuoteVariant *self,
                                                   CrmQuoteLine    *line);
CrmQuoteLine    *crm_quote_variant_remove_line    (CrmQuoteVariant *self,
                                                   guint            position);
void             crm_quote_variant_move_line      (CrmQuoteVariant *self,
                                                   guint            from,
                                                   guint            to);
gboolean         crm_quote_variant_compute_totals (CrmQuoteVariant *self,
                                                   CrmQuoteTotals  *out_totals,
                                                   GError         **error);

G_END_DECLS
