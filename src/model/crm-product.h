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

G_END_DECLS
