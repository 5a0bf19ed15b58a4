/* crm-phone.h
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

#include <glib.h>

#include "crm-email.h"

G_BEGIN_DECLS

/*
 * Phone numbers are stored in E.164 form ("+972501234567") and shown in the
 * national format of the user's region, or in international format when the
 * number belongs to another country. Regions are ISO 3166-1 alpha-2 codes
 * ("IL", "RU"). Errors are in the CRM_VALIDATION_ERROR domain of
 * crm-email.h, with code CRM_VALIDATION_ERROR_PHONE.
 */

gboolean  crm_phone_normalize (const char  *input,
                               const char  *default_region,
                               char       **out_e164,
                               GError     **error);
char     *crm_phone_format    (const char  *e164,
                               const char  *region);
gboolean  crm_phone_is_mobile (const char  *e164);

G_END_DECLS
