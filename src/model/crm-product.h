/* crm-product.h
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

/* What a product master holds (TW-5). Strings are borrowed. Prices are in
 * minor units of @currency; the VAT rate in basis points (1800 = 18 %). */
typedef struct
{
  gint64          id;            /* 0 for a product not stored yet */
  const char     *code;          /* "TW-CLK-200": Latin, unique, at most 32 characters */
  const char     *name;          /* English, the name every language falls back to */
  const char     *name_he;       /* nullable */
  const char     *name_ru;       /* nullable */
  gint64          price;         /* list price, >= 0 */
  gint64          floor_price;   /* the lowest price a rep may quote; -1 for none */
  const char     *currency;      /* ISO 4217 */
  guint           vat_rate;      /* basis points */
  CrmProductKind  kind;
  gboolean        active;
} CrmProductInfo;

#define CRM_PRODUCT_MAX_CODE 32

const char *crm_product_kind_to_key    (CrmProductKind  kind);
gboolean    crm_product_kind_from_key  (const char     *key,
                                        CrmProductKind *out_kind);

#define CRM_TYPE_PRODUCT (crm_product_get_type ())

G_DECLARE_FINAL_TYPE (CrmProduct, crm_product, CRM, PRODUCT, GObject)

CrmProduct *crm_product_new          (gint64      id,
                                      const char *name,
                                      gint64      price,
                                      const char *currency,
                                      gboolean    active);
gint64      crm_product_get_id       (CrmProduct *self);
const char *crm_product_get_name     (CrmProduct *self);
gint64      crm_product_get_price    (CrmProduct *self);
const char *crm_product_get_currency (CrmProduct *self);
gboolean    crm_product_get_active   (CrmProduct *self);

CrmProduct    *crm_product_new_from_info          (const CrmProductInfo *info);
void           crm_product_get_info               (CrmProduct           *self,
                                                   CrmProductInfo       *out_info);
const char    *crm_product_get_code               (CrmProduct           *self);
const char    *crm_product_get_name_for_language  (CrmProduct           *self,
                                                   const char           *language);
gint64         crm_product_get_floor_price        (CrmProduct           *self);
guint          crm_product_get_vat_rate           (CrmProduct           *self);
CrmProductKind crm_product_get_kind               (CrmProduct           *self);

G_END_DECLS
