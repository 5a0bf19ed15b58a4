/* crm-procedure-quote.c
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

#include "crm-procedure-private.h"
#include "crm-product.h"

/* The "quote" section of a template: the currency, VAT and validity of a
 * new quote and the charges of its payment schedule (TW-7, AXL-9,
 * RAD-11), read as strictly as the rest. */

#define DEFAULT_VALIDITY_DAYS 30
#define MAX_VALIDITY_DAYS     3650

static const char * const quote_keys[] = {
  "currency", "vat_rate", "validity_days", "charges", NULL
};

static const char * const charge_keys[] = {
  "key", "name", "percent_by_kind", "percent_range", "rule", NULL
};

static const char * const range_keys[] = { "min", "max", "default", NULL };

/* A whole number in 0..@max; a missing optional member leaves @out_value. */
static gboolean
lookup_bounded (const Loader *loader,
                JsonObject   *object,
                const char   *path,
                const char   *member,
                gboolean      required,
                guint         max,
                guint        *out_value,
                GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = _crm_loader_member_path (path, member);

  if (node == NULL && !required)
    return TRUE;

  if (node == NULL)
    return _crm_loader_invalid (loader, error, _("missing key “%s” in %s"),
                                member, _crm_loader_describe_path (path));

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 ||
      json_node_get_int (node) > max)
    return _crm_loader_invalid (loader, error, _("“%s” must be a whole number from 0 to %u"),
                                where, max);

  *out_value = (guint) json_node_get_int (node);

  return TRUE;
}

static gboolean
parse_percent_by_kind (const Loader        *loader,
                       JsonObject          *object,
                       const char          *path,
                       CrmQuoteChargeRule  *charge,
                       GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (members == NULL)
    return _crm_loader_invalid (loader, error, _("“%s” names no product kind"), path);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      CrmProductKind kind;

      if (!crm_product_kind_from_key (l->data, &kind))
        return _crm_loader_invalid (loader, error,
                                    _("unknown product kind “%s” in %s "
                                      "(use hardware, software, licence, service or other)"),
                                    (const char *) l->data, path);

      if (!lookup_bounded (loader, object, path, l->data, TRUE, 100,
                           &charge->percent_by_kind[kind], error))
        return FALSE;
    }

  charge->by_kind = TRUE;

  return TRUE;
}

static gboolean
parse_percent_range (const Loader        *loader,
                     JsonObject          *object,
                     const char          *path,
                     CrmQuoteChargeRule  *charge,
                     GError             **error)
{
  if (!_crm_loader_check_members (loader, object, range_keys, path, error) ||
      !lookup_bounded (loader, object, path, "min", TRUE, 100, &charge->min_percent, error) ||
      !lookup_bounded (loader, object, path, "max", TRUE, 100, &charge->max_percent, error) ||
      !lookup_bounded (loader, object, path, "default", TRUE, 100, &charge->default_percent, error))
    return FALSE;

  if (charge->min_percent > charge->default_percent ||
      charge->default_percent > charge->max_percent)
    return _crm_loader_invalid (loader, error,
                                _("“%s” must have min ≤ default ≤ max"), path);

  charge->ranged = TRUE;

  return TRUE;
}

/* Only the last charge may leave out its share: it takes the rest. */
static gboolean
parse_share (const Loader        *loader,
             JsonObject          *object,
             const char          *path,
             gboolean             last,
             CrmQuoteChargeRule  *charge,
             GError             **error)
{
  g_autofree char *by_kind_path = _crm_loader_member_path (path, "percent_by_kind");
  g_autofree char *range_path = _crm_loader_member_path (path, "percent_range");
  JsonObject *by_kind;
  JsonObject *range;

  if (!_crm_loader_lookup_object (loader, object, path, "percent_by_kind", FALSE, &by_kind, error) ||
      !_crm_loader_lookup_object (loader, object, path, "percent_range", FALSE, &range, error))
    return FALSE;

  if (by_kind != NULL && range != NULL)
    return _crm_loader_invalid (loader, error,
                                _("%s has both “percent_by_kind” and “percent_range”; give one"),
                                path);

  if (last && (by_kind != NULL || range != NULL))
    return _crm_loader_invalid (loader, error,
                                _("%s is the last charge and takes the rest: "
                                  "it has no “percent_by_kind” or “percent_range”"),
                                path);

  if (!last && by_kind == NULL && range == NULL)
    return _crm_loader_invalid (loader, error,
                                _("%s needs “percent_by_kind” or “percent_range” "
                                  "(only the last charge takes the rest)"),
                                path);

  if (by_kind != NULL)
    return parse_percent_by_kind (loader, by_kind, by_kind_path, charge, error);

  if (range != NULL)
    return parse_percent_range (loader, range, range_path, charge, error);

  return TRUE;
}

/* The charges before the last may not ask for more than the whole of a
 * product: what is left for the last must never be negative. */
static gboolean
check_shares (const Loader  *loader,
              GPtrArray     *charges,
              GError       **error)
{
  for (guint kind = 0; kind < CRM_N_PRODUCT_KINDS; kind++)
    {
      guint sum = 0;

      for (guint i = 0; i < charges->len; i++)
        {
          const CrmQuoteChargeRule *charge = g_ptr_array_index (charges, i);

          sum += charge->by_kind ? charge->percent_by_kind[kind] : charge->max_percent;
        }

      if (sum > 100)
        return _crm_loader_invalid (loader, error,
                                    _("the charges in quote.charges ask for more than 100 %% "
                                      "of a product of kind “%s”"),
                                    crm_product_kind_to_key (kind));
    }

  return TRUE;
}

static gboolean
parse_charges (const Loader  *loader,
               JsonArray     *array,
               GPtrArray     *out_charges,
               GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_charges = json_array_get_length (array);

  if (n_charges == 0)
    return _crm_loader_invalid (loader, error, _("“%s” needs at least one charge"), "quote.charges");

  for (guint i = 0; i < n_charges; i++)
    {
      g_autofree char *element = _crm_loader_element_path ("quote.charges", i);
      g_autoptr(CrmQuoteChargeRule) charge = g_new0 (CrmQuoteChargeRule, 1);
      JsonObject *object;
      const char *key;
      const char *rule;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_check_members (loader, object, charge_keys, element, error) ||
          !_crm_loader_lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !_crm_loader_check_unique (loader, seen, key, element, error) ||
          !_crm_loader_parse_text (loader, object, element, "name", TRUE, &charge->name, error) ||
          !parse_share (loader, object, element, i + 1 == n_charges, charge, error) ||
          !_crm_loader_lookup_rule_id (loader, object, element, &rule, error))
        return FALSE;

      charge->key = g_strdup (key);
      charge->rule = g_strdup (rule);
      g_ptr_array_add (out_charges, g_steal_pointer (&charge));
    }

  return check_shares (loader, out_charges, error);
}

static gboolean
parse_currency (const Loader  *loader,
                JsonObject    *quote,
                char         **out_currency,
                GError       **error)
{
  const char *value;

  if (!_crm_loader_lookup_string (loader, quote, "quote", "currency", FALSE, &value, error))
    return FALSE;

  if (value == NULL)
    return TRUE;

  for (guint i = 0; i <= 3; i++)
    {
      if ((i < 3 && !g_ascii_isupper (value[i])) || (i == 3 && value[i] != '\0'))
        return _crm_loader_invalid (loader, error,
                                    _("“%s” in %s must be %u upper-case letters"),
                                    value, "quote.currency", 3);
    }

  *out_currency = g_strdup (value);

  return TRUE;
}

/* What an older template, edited before quotes existed, quotes with: the
 * deal currency, no VAT, 30 days and one payment of the whole. The name is
 * in the template's three languages, like a name the template gives. */
static void
add_default_charge (GPtrArray *charges)
{
  CrmQuoteChargeRule *charge = g_new0 (CrmQuoteChargeRule, 1);

  charge->key = g_strdup ("payment");
  charge->name.en = g_strdup ("Payment");
  charge->name.he = g_strdup ("תשלום");
  charge->name.ru = g_strdup ("Оплата");
  g_ptr_array_add (charges, charge);
}

gboolean
_crm_loader_parse_quote (const Loader  *loader,
                         JsonObject    *quote,
                         GError       **error)
{
  CrmProcedure *self = loader->procedure;
  JsonArray *charges;

  self->quote_vat_rate = 0;
  self->quote_validity_days = DEFAULT_VALIDITY_DAYS;

  if (quote == NULL)
    {
      add_default_charge (self->quote_charges);
      return TRUE;
    }

  if (!_crm_loader_check_members (loader, quote, quote_keys, "quote", error) ||
      !parse_currency (loader, quote, &self->quote_currency, error) ||
      !lookup_bounded (loader, quote, "quote", "vat_rate", FALSE, 10000, &self->quote_vat_rate, error) ||
      !lookup_bounded (loader, quote, "quote", "validity_days", FALSE, MAX_VALIDITY_DAYS,
                       &self->quote_validity_days, error) ||
      !_crm_loader_lookup_array (loader, quote, "quote", "charges", TRUE, &charges, error))
    return FALSE;

  if (self->quote_validity_days == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must be a whole number greater than zero"),
                                "quote.validity_days");

  return parse_charges (loader, charges, self->quote_charges, error);
}
