/* crm-money.h
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

#define CRM_NUMBER_ERROR (crm_number_error_quark ())

/**
 * CrmNumberError:
 * @CRM_NUMBER_ERROR_MALFORMED: not a number at all ("abc", "1..5")
 * @CRM_NUMBER_ERROR_GROUPING: thousands not grouped by three ("1,5,0")
 * @CRM_NUMBER_ERROR_DECIMALS: more digits after the decimal mark than allowed
 * @CRM_NUMBER_ERROR_TOO_LARGE: the value does not fit
 * @CRM_NUMBER_ERROR_NEGATIVE: a negative amount of money
 */
typedef enum
{
  CRM_NUMBER_ERROR_MALFORMED,
  CRM_NUMBER_ERROR_GROUPING,
  CRM_NUMBER_ERROR_DECIMALS,
  CRM_NUMBER_ERROR_TOO_LARGE,
  CRM_NUMBER_ERROR_NEGATIVE,
} CrmNumberError;

/* Amounts are stored in minor units: agorot, kopecks, cents. */
#define CRM_MONEY_DECIMALS 2
/* Number fields keep up to six decimals ("1.5" bar, "0.25" %); their
 * template ranges are scaled alike. */
#define CRM_NUMBER_DECIMALS 6

GQuark      crm_number_error_quark      (void);
const char *crm_number_default_language (void);
gboolean    crm_number_parse            (const char  *text,
                                         const char  *language,
                                         guint        decimals,
                                         gint64      *out_scaled,
                                         GError     **error);
char       *crm_number_format_plain     (gint64       scaled,
                                         guint        decimals);
gboolean    crm_money_parse             (const char  *text,
                                         const char  *language,
                                         gint64      *out_minor,
                                         GError     **error);
char       *crm_money_format_plain      (gint64       minor);

G_END_DECLS
