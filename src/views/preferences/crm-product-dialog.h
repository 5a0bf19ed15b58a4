/* crm-product-dialog.h
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

#define CRM_TYPE_PRODUCT_DIALOG (crm_product_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmProductDialog, crm_product_dialog, CRM, PRODUCT_DIALOG, AdwWindow)

GtkWidget  *crm_product_dialog_new        (CrmStore         *store,
                                           CrmProduct       *product);
CrmProduct *crm_product_dialog_get_product (CrmProductDialog *self);
const char *crm_product_kind_get_label    (CrmProductKind    kind);

G_END_DECLS
