/* crm-demo.h
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

#include "crm-types.h"

G_BEGIN_DECLS

/* One seed for every demo the application makes: a newcomer, a screenshot
 * and a script calling --demo all see the same board. */
#define CRM_DEMO_SEED 2026u

gboolean crm_demo_populate (CrmStore  *store,
                            guint      n_deals,
                            guint32    seed,
                            GError   **error);

gboolean crm_demo_populate_bulk (CrmStore  *store,
                                 guint      n_deals,
                                 guint32    seed,
                                 GError   **error);

G_END_DECLS
