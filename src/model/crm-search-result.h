/* crm-search-result.h
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

#define CRM_TYPE_SEARCH_RESULT (crm_search_result_get_type ())

G_DECLARE_FINAL_TYPE (CrmSearchResult, crm_search_result, CRM, SEARCH_RESULT, GObject)

CrmSearchResult *crm_search_result_new          (const char      *kind,
                                                 gint64           id,
                                                 const char      *title,
                                                 const char      *subtitle);
const char      *crm_search_result_get_kind     (CrmSearchResult *self);
gint64           crm_search_result_get_id       (CrmSearchResult *self);
const char      *crm_search_result_get_title    (CrmSearchResult *self);
const char      *crm_search_result_get_subtitle (CrmSearchResult *self);

G_END_DECLS
