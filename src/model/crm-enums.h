/* crm-enums.h
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

#define CRM_TYPE_ROLE          (crm_role_get_type ())
#define CRM_TYPE_STAGE_KIND    (crm_stage_kind_get_type ())
#define CRM_TYPE_ACTIVITY_KIND (crm_activity_kind_get_type ())
#define CRM_TYPE_CALL_OUTCOME  (crm_call_outcome_get_type ())

GType crm_role_get_type          (void) G_GNUC_CONST;
GType crm_stage_kind_get_type    (void) G_GNUC_CONST;
GType crm_activity_kind_get_type (void) G_GNUC_CONST;
GType crm_call_outcome_get_type  (void) G_GNUC_CONST;

G_END_DECLS
