/* crm-store-values.c
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

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-store-private.h"

/*
 * What a value may be, whichever path writes it: amounts and numbers are
 * read by the one parser of crm-money.c.
 */

/* Number fields keep up to six decimals ("1.5" bar, "0.25" %). */
#define FIELD_DECIMALS 6

/**
 * _crm_store_parse_amount:
 * @self: a #CrmStore
 * @label: the field's name, for the message
 * @text: the amount as typed
 * @out_minor: (out): the amount in minor units, above zero
 * @error: return location for a #GError
 *
 * Reads a deal's amount given with a move or as a call's answer, as the
 * deal card reads it.
 *
 * Returns: %TRUE when @text is an amount above zero
 */
gboolean
_crm_store_parse_amount (CrmStore    *self,
                         const char  *label,
                         const char  *text,
                         gint64      *out_minor,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 minor = 0;

  if (!crm_money_parse (text, NULL, &minor, &local_error))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                   "%s: %s", label, local_error->message);
      return FALSE;
    }

  /* A required amount is one above zero (crm-store-rules.c). */
  if (minor == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                   _("%s: “%s” is not an amount."), label, text);
      return FALSE;
    }

  *out_minor = minor;
  return TRUE;
}

/**
 * _crm_store_check_number:
 * @self: a #CrmStore
 * @field: a number field of the procedure
 * @text: the value as typed, trimmed
 * @out_plain: (out) (optional): the value as stored: a point for decimals,
 *   no grouping ("1500", "1.5")
 * @error: return location for a #GError
 *
 * Checks a number field's value: a number as the user's language writes
 * it.
 *
 * Returns: %TRUE when @text fits the field
 */
gboolean
_crm_store_check_number (CrmStore                 *self,
                         const CrmProcedureField  *field,
                         const char               *text,
                         char                    **out_plain,
                         GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 scaled = 0;

  if (!crm_number_parse (text, NULL, FIELD_DECIMALS, &scaled, &local_error))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   "%s: %s", crm_text_get (&field->name), local_error->message);
      return FALSE;
    }

  if (out_plain != NULL)
    *out_plain = crm_number_format_plain (scaled, FIELD_DECIMALS);

  return TRUE;
}
