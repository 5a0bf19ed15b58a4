/* crm-user.h
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

#define CRM_TYPE_USER (crm_user_get_type ())

G_DECLARE_FINAL_TYPE (CrmUser, crm_user, CRM, USER, GObject)

CrmUser    *crm_user_new       (gint64      id,
                                const char *name,
                                CrmRole     role);
gint64      crm_user_get_id    (CrmUser    *self);
const char *crm_user_get_name  (CrmUser    *self);
CrmRole     crm_user_get_role  (CrmUser    *self);

G_END_DECLS
