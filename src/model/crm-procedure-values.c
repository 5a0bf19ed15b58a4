/* crm-procedure-values.c
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

#define G_LOG_DOMAIN "crm-procedure"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-procedure-private.h"

/*
 * The parts of a template that bound values: a number field's "range"
 * (RAD-11: a prepayment of 50 to 100 %) and the fields that hold the
 * payment term and its number of instalments (TW-6). The store enforces
 * them on every write (crm-store-values.c).
 */

static const char * const range_keys[] = { "min", "max", "whole_numbers", "message", "rule", NULL };
/* In the order of CrmFieldHolds, after CRM_FIELD_HOLDS_NOTHING. */
static const char * const field_holds[] = { "payment_term", "installments", NULL };

/* A bound as an integer scaled like crm_number_parse()'s values. JSON
 * decimals go through their shortest text, so 0.1 is exactly 100000 and
 * 1e-7 (too many decimals) is refused rather than rounded. */
static gboolean
read_bound (const Loader  *loader,
            JsonObject    *object,
            const char    *path,
            const char    *member,
            gboolean      *has,
            gint64        *out,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = _crm_loader_member_path (path, member);
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  GType type;

  *has = FALSE;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    g_ascii_formatd (text, sizeof text, "%.15g", json_node_get_double (node));
  else
    return _crm_loader_invalid (loader, error, _("“%s” must be a number"), where);

  if (!crm_number_parse (text, "en", CRM_NUMBER_DECIMALS, out, NULL))
    return _crm_loader_invalid (loader, error, _("“%s” must be a number with at most %d decimals"),
                                where, CRM_NUMBER_DECIMALS);

  *has = TRUE;
  return TRUE;
}

static gboolean
parse_range (const Loader       *loader,
             JsonObject         *object,
             const char         *path,
             CrmProcedureField  *field,
             GError            **error)
{
  CrmFieldRange *range;
  const char *rule;

  if (field->type != CRM_FIELD_NUMBER)
    return _crm_loader_invalid (loader, error, _("“%s” is only allowed in fields of type “number”"), path);

  range = field->range = g_new0 (CrmFieldRange, 1);
  if (!_crm_loader_check_members (loader, object, range_keys, path, error) ||
      !read_bound (loader, object, path, "min", &range->has_min, &range->min, error) ||
      !read_bound (loader, object, path, "max", &range->has_max, &range->max, error) ||
      !_crm_loader_lookup_boolean (loader, object, path, "whole_numbers", &range->whole_numbers, error) ||
      !_crm_loader_parse_text (loader, object, path, "message", TRUE, &range->message, error) ||
      !_crm_loader_lookup_rule_id (loader, object, path, &rule, error))
    return FALSE;

  range->rule = g_strdup (rule);

  if (!range->has_min && !range->has_max && !range->whole_numbers)
    return _crm_loader_invalid (loader, error, _("“%s” needs “min”, “max” or “whole_numbers”"), path);

  if (range->has_min && range->has_max && range->min > range->max)
    return _crm_loader_invalid (loader, error, _("“%s.min” is greater than “%s.max”"), path, path);

  return TRUE;
}

/**
 * _crm_loader_parse_field_values:
 * @loader: the loader
 * @object: a field of the template, whose key and type are read
 * @path: its JSON path
 * @field: the field
 * @error: return location for a #GError
 *
 * Reads a field's "range" and "holds".
 *
 * Returns: %TRUE when they are well-formed
 */
gboolean
_crm_loader_parse_field_values (const Loader       *loader,
                                JsonObject         *object,
                                const char         *path,
                                CrmProcedureField  *field,
                                GError            **error)
{
  g_autofree char *where = _crm_loader_member_path (path, "range");
  JsonObject *range;
  int holds;

  if (!_crm_loader_lookup_object (loader, object, path, "range", FALSE, &range, error) ||
      !_crm_loader_lookup_enum (loader, object, path, "holds", FALSE, field_holds, &holds, error))
    return FALSE;

  field->holds = (CrmFieldHolds) (holds + 1);

  return range == NULL || parse_range (loader, range, where, field, error);
}

/**
 * crm_procedure_find_payment_term:
 * @self: a #CrmProcedure
 * @key: (nullable): a payment term's key
 *
 * Returns: (transfer none) (nullable): the payment term with @key
 */
const CrmPaymentTerm *
crm_procedure_find_payment_term (CrmProcedure *self,
                                 const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  for (guint i = 0; key != NULL && i < crm_procedure_get_n_payment_terms (self); i++)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (self, i);

      if (g_str_equal (term->key, key))
        return term;
    }

  return NULL;
}

/**
 * crm_procedure_find_field_holding:
 * @self: a #CrmProcedure
 * @holds: what the field holds
 *
 * The field that holds the deal's payment term or its number of
 * instalments (TW-6); a template has at most one of each.
 *
 * Returns: (transfer none) (nullable): the field
 */
const CrmProcedureField *
crm_procedure_find_field_holding (CrmProcedure  *self,
                                  CrmFieldHolds  holds)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (holds != CRM_FIELD_HOLDS_NOTHING, NULL);

  for (guint i = 0; i < crm_procedure_get_n_fields (self); i++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (self, i);

      if (field->holds == holds)
        return field;
    }

  return NULL;
}

/* The payment-term field offers the payment terms and nothing else. */
static gboolean
check_term_field (const Loader             *loader,
                  const CrmProcedureField  *field,
                  const char               *where,
                  GError                  **error)
{
  CrmProcedure *procedure = loader->procedure;

  if (field->type != CRM_FIELD_CHOICE || crm_procedure_get_n_payment_terms (procedure) == 0)
    return _crm_loader_invalid (loader, error,
                                _("a field holding the payment term must be a choice field, "
                                  "in a template with “payment_terms” (%s)"),
                                where);

  for (guint i = 0; i < field->choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, i);

      if (crm_procedure_find_payment_term (procedure, choice->key) == NULL)
        return _crm_loader_invalid (loader, error,
                                    _("the choice “%s” of the field in %s is not one of the payment terms"),
                                    choice->key, where);
    }

  return TRUE;
}

/**
 * _crm_loader_check_payment_fields:
 * @loader: the loader, whose fields and payment terms are read
 * @error: return location for a #GError
 *
 * Checks the "holds" of the fields: at most one field each, the payment
 * term a choice among the payment terms, the instalments a number field
 * beside a payment-term field.
 *
 * Returns: %TRUE when they fit
 */
gboolean
_crm_loader_check_payment_fields (const Loader  *loader,
                                  GError       **error)
{
  CrmProcedure *procedure = loader->procedure;
  const CrmProcedureField *seen[3] = { NULL, NULL, NULL };

  for (guint i = 0; i < crm_procedure_get_n_fields (procedure); i++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (procedure, i);
      g_autofree char *where = g_strdup_printf ("fields[%u].holds", i);

      if (field->holds == CRM_FIELD_HOLDS_NOTHING)
        continue;

      if (seen[field->holds] != NULL)
        return _crm_loader_invalid (loader, error, _("the field “%s” already holds what %s names"),
                                    seen[field->holds]->key, where);
      seen[field->holds] = field;

      if (field->holds == CRM_FIELD_HOLDS_PAYMENT_TERM && !check_term_field (loader, field, where, error))
        return FALSE;

      if (field->holds == CRM_FIELD_HOLDS_INSTALLMENTS && field->type != CRM_FIELD_NUMBER)
        return _crm_loader_invalid (loader, error,
                                    _("a field holding the instalments must be a number field (%s)"), where);
    }

  if (seen[CRM_FIELD_HOLDS_INSTALLMENTS] != NULL && seen[CRM_FIELD_HOLDS_PAYMENT_TERM] == NULL)
    return _crm_loader_invalid (loader, error,
                                _("the field “%s” holds the instalments, but no field holds the payment term"),
                                seen[CRM_FIELD_HOLDS_INSTALLMENTS]->key);

  return TRUE;
}
