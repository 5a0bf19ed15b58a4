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
 * What a value may be, whichever path writes it (the deal card, a move and
 * so the stage form and the command line, a call's answer): amounts and
 * numbers are read by the one parser of crm-money.c, a number field is
 * held to its template range (RAD-11), and the payment-term fields to the
 * payment terms (TW-6).
 */

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

/* @whole scaled like crm_number_parse()'s values. */
static gint64
scale (gint64 whole)
{
  gint64 value = whole;

  for (guint i = 0; i < CRM_NUMBER_DECIMALS; i++)
    value *= 10;

  return value;
}

/* The template's bounds of a number field, in the rule's words (RAD-11:
 * a prepayment of 50 to 100 %). */
static gboolean
check_range (const CrmProcedureField  *field,
             const char               *text,
             gint64                    scaled,
             GError                  **error)
{
  const CrmFieldRange *range = field->range;
  gint64 unit = scale (1);

  if ((!range->whole_numbers || scaled % unit == 0) &&
      (!range->has_min || scaled >= range->min) &&
      (!range->has_max || scaled <= range->max))
    return TRUE;

  if (range->rule != NULL)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                 /* Translators: “Prepayment, %: 5 is not allowed (rule RAD-11). An order is launched after a prepayment of 50 % to 100 %.” */
                 _("%s: %s is not allowed (rule %s). %s"),
                 crm_text_get (&field->name), text, range->rule, crm_text_get (&range->message));
  else
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                 _("%s: %s is not allowed. %s"),
                 crm_text_get (&field->name), text, crm_text_get (&range->message));
  return FALSE;
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
 * it, within the field's range when the template gives one.
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

  if (!crm_number_parse (text, NULL, CRM_NUMBER_DECIMALS, &scaled, &local_error))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   "%s: %s", crm_text_get (&field->name), local_error->message);
      return FALSE;
    }

  if (field->range != NULL && !check_range (field, text, scaled, error))
    return FALSE;

  if (out_plain != NULL)
    *out_plain = crm_number_format_plain (scaled, CRM_NUMBER_DECIMALS);

  return TRUE;
}

static char *
dup_stored_value (CrmStore   *self,
                  gint64      deal_id,
                  const char *key)
{
  return deal_id > 0 ? crm_store_dup_field_value (self, deal_id, key) : NULL;
}

/* What @fields gives @field: *@given says whether it gives anything. */
static char *
dup_given_value (GHashTable              *fields,
                 const CrmProcedureField *field,
                 gboolean                *given)
{
  gpointer value = NULL;

  *given = field != NULL && g_hash_table_lookup_extended (fields, field->key, NULL, &value);
  return g_strdup (value);
}

/**
 * _crm_store_refuse_unapproved_term:
 * @self: a #CrmStore
 * @field: the field holding the payment term
 * @term: a payment term that needs the sales manager's approval
 * @error: return location for a #GError
 *
 * TW-6: a term marked for approval is offered only after the sales manager
 * approves it. There is no approval yet, so choosing one is refused; this
 * is the one place an approval will be asked for instead (issue 11).
 *
 * Returns: %FALSE, with @error set
 */
gboolean
_crm_store_refuse_unapproved_term (CrmStore                 *self,
                                   const CrmProcedureField  *field,
                                   const CrmPaymentTerm     *term,
                                   GError                  **error)
{
  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NEEDS_APPROVAL,
               /* Translators: “Payment terms: the sales manager must approve “Credit card standing order” before it is offered (rule TW-6).” */
               _("%s: the sales manager must approve “%s” before it is offered (rule %s)."),
               crm_text_get (&field->name), crm_text_get (&term->name),
               term->rule != NULL ? term->rule : "TW-6");
  return FALSE;
}

/* At most the chosen term's instalments (TW-6: a credit card, 12 or fewer). */
static gboolean
check_installments (const CrmProcedureField  *field,
                    const CrmPaymentTerm     *term,
                    const char               *installments,
                    GError                  **error)
{
  gint64 scaled = 0;

  if (term == NULL || term->max_installments == 0 || installments == NULL ||
      !crm_number_parse (installments, "en", CRM_NUMBER_DECIMALS, &scaled, NULL) ||
      scaled <= scale (term->max_installments))
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
               /* Translators: “Number of payments: “Credit card” allows at most 12 payments, not 36 (rule TW-6).” */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s: “%s” allows at most %u payment, not %s (rule %s).",
                            "%s: “%s” allows at most %u payments, not %s (rule %s).",
                            term->max_installments),
               crm_text_get (&field->name), crm_text_get (&term->name), term->max_installments,
               installments, term->rule != NULL ? term->rule : "TW-6");
  return FALSE;
}

/**
 * _crm_store_check_payment_values:
 * @self: a #CrmStore
 * @deal_id: the deal, 0 for one being created
 * @fields: (element-type utf8 utf8): custom field values about to be
 *   written, normalised; a %NULL value clears the field
 * @error: return location for a #GError
 *
 * The payment-term rules of TW-6 for a write of custom fields, on every
 * path (deal card, moves and so the stage form and the command line, call
 * answers): a term that needs the sales manager's approval cannot be
 * chosen, and the instalments may not exceed the chosen term's maximum.
 * A term already stored is not refused again when other fields change.
 *
 * Returns: %TRUE when the write may go ahead
 */
gboolean
_crm_store_check_payment_values (CrmStore    *self,
                                 gint64       deal_id,
                                 GHashTable  *fields,
                                 GError     **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (self);
  const CrmProcedureField *term_field;
  const CrmProcedureField *count_field;
  const CrmPaymentTerm *term;
  g_autofree char *term_key = NULL;
  g_autofree char *stored_key = NULL;
  g_autofree char *installments = NULL;
  g_autofree char *stored_installments = NULL;
  gboolean term_given, count_given;
  gboolean term_changed, count_changed;

  if (procedure == NULL || fields == NULL)
    return TRUE;

  term_field = crm_procedure_find_field_holding (procedure, CRM_FIELD_HOLDS_PAYMENT_TERM);
  if (term_field == NULL)
    return TRUE;
  count_field = crm_procedure_find_field_holding (procedure, CRM_FIELD_HOLDS_INSTALLMENTS);

  term_key = dup_given_value (fields, term_field, &term_given);
  installments = dup_given_value (fields, count_field, &count_given);
  if (!term_given && !count_given)
    return TRUE;

  stored_key = dup_stored_value (self, deal_id, term_field->key);
  if (count_field != NULL)
    stored_installments = dup_stored_value (self, deal_id, count_field->key);
  term_changed = term_given && g_strcmp0 (stored_key, term_key) != 0;
  count_changed = count_given && g_strcmp0 (stored_installments, installments) != 0;
  if (!term_changed && !count_changed)
    return TRUE;

  if (!term_given)
    term_key = g_strdup (stored_key);
  if (!count_given)
    installments = g_strdup (stored_installments);

  term = crm_procedure_find_payment_term (procedure, term_key);
  if (term_changed && term != NULL && term->needs_approval)
    return _crm_store_refuse_unapproved_term (self, term_field, term, error);

  return count_field == NULL || check_installments (count_field, term, installments, error);
}
