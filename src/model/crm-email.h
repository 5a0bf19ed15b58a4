/* crm-email.h
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

G_BEGIN_DECLS

/*
 * Validation of what people type into contact fields. The error domain is
 * shared by phone numbers (crm-phone.h) and email addresses; both serve
 * RAD-8 (no phone, no work) and HS-2 (an email and a mobile phone in a valid
 * format). Messages are translated and name what was typed, so views can
 * show them as they are.
 */

#define CRM_VALIDATION_ERROR (crm_validation_error_quark ())

/**
 * CrmValidationError:
 * @CRM_VALIDATION_ERROR_PHONE: the text is not a valid phone number
 * @CRM_VALIDATION_ERROR_EMAIL: the text is not a valid email address
 */
typedef enum
{
  CRM_VALIDATION_ERROR_PHONE,
  CRM_VALIDATION_ERROR_EMAIL,
} CrmValidationError;

GQuark   crm_validation_error_quark (void);
gboolean crm_email_normalize        (const char  *input,
                                     char       **out_normalized,
                                     GError     **error);

G_END_DECLS
