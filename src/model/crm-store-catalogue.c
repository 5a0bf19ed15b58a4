/* crm-store-catalogue.c
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

#define G_LOG_DOMAIN "crm-store-catalogue"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-product.h"
#include "crm-limits.h"
#include "crm-store-private.h"
#include "crm-strings.h"
#include "crm-user.h"

/* The settings and the catalogue of the store: the organisation's own
 * settings and the products a price is quoted from (CON-4's price floor).
 * Both are a sales manager's to change. */

static const char * const setting_keys[] = { "organization-name", "call-summary-cc", NULL };

/* Settings */

/**
 * crm_store_dup_setting:
 * @self: a #CrmStore
 * @key: "organization-name" or "call-summary-cc"
 *
 * Returns: (transfer full) (nullable): the setting, or %NULL when unset
 */
char *
crm_store_dup_setting (CrmStore   *self,
                       const char *key)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL && g_strv_contains (setting_keys, key), NULL);

  return _crm_store_read_meta (self, key);
}

static gboolean
clean_setting (const char  *key,
               const char  *value,
               char       **clean,
               GError     **error)
{
  if (!g_strv_contains (setting_keys, key))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("There is no setting “%s”."), key);
      return FALSE;
    }

  /* Empty unsets. */
  if (crm_str_is_blank (value))
    return TRUE;

  /* TW-4: the summary's copy goes to one valid address. */
  if (g_str_equal (key, "call-summary-cc"))
    return _crm_store_normalize_email (value, clean, error);

  /* AXL-7's opening names the organization: bounded and cleaned like a
   * company's name. */
  return crm_limits_dup_trimmed (_("Organisation Name"), value, CRM_LIMIT_COMPANY, CRM_TEXT_LINE, clean, error);
}

/**
 * crm_store_set_setting:
 * @self: a #CrmStore
 * @key: "organization-name" (AXL-7: the company the opening line names) or
 *   "call-summary-cc" (TW-4: the call summary's second recipient)
 * @value: (nullable): the value; empty unsets it
 * @error: return location for a #GError
 *
 * The department's settings are the sales manager's: a rep is refused with
 * %CRM_STORE_ERROR_PERMISSION. The copy address is checked like a
 * contact's email.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_set_setting (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the department’s settings."), error) ||
      !clean_setting (key, value, &clean, error))
    return FALSE;

  old = _crm_store_read_meta (self, key);
  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return FALSE;

  if (clean != NULL)
    ok = _crm_store_write_meta (self, key, clean, error);
  else
    {
      g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (self),
                                                     "DELETE FROM meta WHERE key = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          crm_statement_bind_text (stmt, 1, key);
          ok = crm_statement_run (stmt, error);
        }
    }

  return _crm_store_commit_or_rollback (self,
                             ok && _crm_store_add_audit (self, "setting", key, 0, old, clean, now, error),
                             error);
}

/* The product catalogue */

static gboolean
check_product (const char  *name,
               gint64       price,
               const char  *currency,
               GError     **error)
{
  if (crm_str_is_blank (name))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("A product needs a name."));
      return FALSE;
    }

  if (price < 0 || currency == NULL || strlen (currency) != 3 ||
      !g_ascii_isalpha (currency[0]) || !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                           _("A price must not be negative and needs a three-letter currency "
                             "(ILS, RUB, USD…)."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_add_product:
 * @self: a #CrmStore
 * @name: what the product is called
 * @price: its list price in minor units
 * @currency: the ISO 4217 code of @price
 * @error: return location for a #GError
 *
 * Adds a product to the catalogue; only a sales manager may.
 *
 * Returns: the new product's id, or 0 on error
 */
gint64
crm_store_add_product (CrmStore    *self,
                       const char  *name,
                       gint64       price,
                       const char  *currency,
                       GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *now = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the product catalogue."), error) ||
      !crm_limits_dup_trimmed (_("Product"), name, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &clean_name, error) ||
      !check_product (clean_name, price, currency, error))
    return 0;

  code = g_ascii_strup (currency, -1);
  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return 0;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "INSERT INTO products (name, price, currency, active, created_at) "
                         "VALUES (?1, ?2, ?3, 1, ?4)",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_statement_bind_text (stmt, 1, clean_name);
      crm_statement_bind_int64 (stmt, 2, price);
      crm_statement_bind_text (stmt, 3, code);
      crm_statement_bind_text (stmt, 4, now);
      ok = crm_statement_run (stmt, error);
      id = crm_db_last_insert_id (_crm_store_get_db (self));
    }

  if (!_crm_store_commit_or_rollback (self,
                           ok && _crm_store_add_audit (self, "create", "product", id, NULL, clean_name,
                                                       now, error),
                           error))
    return 0;

  return id;
}

/**
 * crm_store_set_product_active:
 * @self: a #CrmStore
 * @product_id: a product
 * @active: whether it is sold
 * @error: return location for a #GError
 *
 * A product is deactivated rather than deleted, so quotes that name it
 * keep it; only active products count for the lower bound (CON-4). Only a
 * sales manager may.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_set_product_active (CrmStore  *self,
                              gint64     product_id,
                              gboolean   active,
                              GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the product catalogue."), error))
    return FALSE;

  name = _crm_store_query_text (self, "SELECT name FROM products WHERE id = ?1", product_id, NULL);
  if (name == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("Product %lld does not exist."), (long long)product_id);
      return FALSE;
    }

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return FALSE;

  stmt = crm_db_prepare (_crm_store_get_db (self), "UPDATE products SET active = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_statement_bind_int64 (stmt, 1, product_id);
      crm_statement_bind_int64 (stmt, 2, active ? 1 : 0);
      ok = crm_statement_run (stmt, error);
    }

  return _crm_store_commit_or_rollback (self,
                             ok && _crm_store_add_audit (self, active ? "activate" : "deactivate", "product",
                                                         product_id, NULL, name, now, error),
                             error);
}

static int
compare_products (gconstpointer a,
                  gconstpointer b)
{
  CrmProduct *pa = *(CrmProduct **)a;
  CrmProduct *pb = *(CrmProduct **)b;

  if (crm_product_get_active (pa) != crm_product_get_active (pb))
    return crm_product_get_active (pa) ? -1 : 1;

  /* By name as the user's language sorts it, not by code point. */
  return g_utf8_collate (crm_product_get_name (pa), crm_product_get_name (pb));
}

/**
 * crm_store_get_products:
 * @self: a #CrmStore
 *
 * The catalogue as it is now: a new list on every call, so Preferences
 * reads it again after a change.
 *
 * Returns: (transfer full): the #CrmProduct<!-- -->s, active first, by name
 */
GListModel *
crm_store_get_products (CrmStore *self)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT id, name, price, currency, active FROM products ORDER BY id",
                         NULL);
  while (stmt != NULL && crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
    g_ptr_array_add (products, crm_product_new (crm_statement_get_int64 (stmt, 0),
                                                crm_statement_get_text (stmt, 1),
                                                crm_statement_get_int64 (stmt, 2),
                                                crm_statement_get_text (stmt, 3),
                                                crm_statement_get_int64 (stmt, 4) != 0));

  g_ptr_array_sort (products, compare_products);

  list = g_list_store_new (CRM_TYPE_PRODUCT);
  g_list_store_splice (list, 0, 0, products->pdata, products->len);

  return G_LIST_MODEL (list);
}

/**
 * crm_store_get_price_floor:
 * @self: a #CrmStore
 * @currency: an ISO 4217 code, usually the deal's
 * @out_price: (out) (optional): the lower bound in minor units
 *
 * CON-4: the lower bound of the price list a rep may name, the lowest
 * price of an active product in @currency.
 *
 * Returns: %FALSE when no active product is priced in @currency
 */
gboolean
crm_store_get_price_floor (CrmStore   *self,
                           const char *currency,
                           gint64     *out_price)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT min (price) FROM products WHERE currency = ?1 AND active = 1",
                         NULL);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, currency);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW || crm_statement_is_null (stmt, 0))
    return FALSE;

  if (out_price != NULL)
    *out_price = crm_statement_get_int64 (stmt, 0);

  return TRUE;
}
