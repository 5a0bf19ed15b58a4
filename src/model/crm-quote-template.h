/* crm-quote-template.h
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

/* A line of a quote template (a "master" of TW-5). Strings are borrowed. */
typedef struct
{
  const char *variant;      /* nullable: lines of one name go to one variant */
  gint64      product_id;   /* 0 for free text */
  const char *description;  /* nullable on a product line: the product's name is used */
  gint64      quantity;     /* thousandths */
  guint       discount;     /* basis points */
} CrmQuoteTemplateLine;

#define CRM_TYPE_QUOTE_TEMPLATE (crm_quote_template_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuoteTemplate, crm_quote_template, CRM, QUOTE_TEMPLATE, GObject)

/* A named bundle of lines a rep starts a quote from; immutable, as the
 * store read it. */
CrmQuoteTemplate           *crm_quote_template_new         (gint64                      id,
                                                            const char                 *name,
                                                            const CrmQuoteTemplateLine *lines,
                                                            guint                       n_lines);
gint64                      crm_quote_template_get_id      (CrmQuoteTemplate           *self);
const char                 *crm_quote_template_get_name    (CrmQuoteTemplate           *self);
guint                       crm_quote_template_get_n_lines (CrmQuoteTemplate           *self);
const CrmQuoteTemplateLine *crm_quote_template_get_line    (CrmQuoteTemplate           *self,
                                                            guint                       index);

G_END_DECLS
