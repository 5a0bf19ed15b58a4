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

static const char * const setting_keys[] = {
  "organization-name", "organization-details", "organization-logo", "call-summary-cc", NULL
};

/* Settings */

/**
 * crm_store_dup_setting:
 * @self: a #CrmStore
 * @key: "organization-name", "organization-details", "organization-logo"
 *   or "call-summary-cc"
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

  /* A quote's header (TW-5): the organisation's details run over lines;
   * the logo is a file's path, read when a quote is built. */
  if (g_str_equal (key, "organization-details"))
    return crm_limits_dup_trimmed (_("Organisation Details"), value, CRM_LIMIT_TEXT, CRM_TEXT_LINES, clean, error);
  if (g_str_equal (key, "organization-logo"))
    return crm_limits_dup_trimmed (_("Logo"), value, CRM_LIMIT_TEXT, CRM_TEXT_LINE, clean, error);

  /* AXL-7's opening names the organization: bounded and cleaned like a
   * company's name. */
  return crm_limits_dup_trimmed (_("Organisation Name"), value, CRM_LIMIT_COMPANY, CRM_TEXT_LINE, clean, error);
}

/**
 * crm_store_set_setting:
 * @self: a #CrmStore
 * @key: "organization-name" (AXL-7: the company the opening line names;
 *   a quote's header), "organization-details" and "organization-logo" (a
 *   quote's header: lines of text, and the path of an image), or
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

#define PRODUCT_COLUMNS \
  "id, code, name, name_he, name_ru, price, floor_price, currency, vat_rate, kind, active"

/* A product from a row of PRODUCT_COLUMNS. */
static CrmProduct *
read_product (CrmStatement *stmt)
{
  CrmProductInfo info = {
    .id = crm_statement_get_int64 (stmt, 0),
    .code = crm_statement_get_text (stmt, 1),
    .name = crm_statement_get_text (stmt, 2),
    .name_he = crm_statement_get_text (stmt, 3),
    .name_ru = crm_statement_get_text (stmt, 4),
    .price = crm_statement_get_int64 (stmt, 5),
    .floor_price = crm_statement_is_null (stmt, 6) ? -1 : crm_statement_get_int64 (stmt, 6),
    .currency = crm_statement_get_text (stmt, 7),
    .vat_rate = (guint)crm_statement_get_int64 (stmt, 8),
    .kind = CRM_PRODUCT_OTHER,
    .active = crm_statement_get_int64 (stmt, 10) != 0,
  };

  crm_product_kind_from_key (crm_statement_get_text (stmt, 9), &info.kind);
  return crm_product_new_from_info (&info);
}

/**
 * crm_store_find_product:
 * @self: a #CrmStore
 * @product_id: a product
 *
 * Returns: (transfer full) (nullable): the product as stored now, or
 *   %NULL when there is none
 */
CrmProduct *
crm_store_find_product (CrmStore *self,
                        gint64    product_id)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (_crm_store_get_db (self), "SELECT " PRODUCT_COLUMNS " FROM products WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, product_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  return read_product (stmt);
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

  stmt = crm_db_prepare (_crm_store_get_db (self), "SELECT " PRODUCT_COLUMNS " FROM products ORDER BY id", NULL);
  while (stmt != NULL && crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
    g_ptr_array_add (products, read_product (stmt));

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

/* Product masters (TW-5) */

/* A product code is what a line shows in every language, Latin in a Hebrew
 * quote too: ASCII letters, digits and a few separators. */
static gboolean
check_code (const char  *code,
            GError     **error)
{
  gsize length = code != NULL ? strlen (code) : 0;

  if (length == 0)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("A product needs a code, such as TW-CLK-200."));
      return FALSE;
    }

  if (length > CRM_PRODUCT_MAX_CODE)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("A product code takes at most %u characters."), (guint)CRM_PRODUCT_MAX_CODE);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (code[i]) && strchr ("-_./", code[i]) == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                       _("The product code “%s” may hold only Latin letters, digits and - _ . /"), code);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_product_info (const CrmProductInfo  *info,
                    const char            *name,
                    GError               **error)
{
  if (!check_product (name, info->price, info->currency, error))
    return FALSE;

  if (info->floor_price < -1 || info->floor_price > info->price)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                           _("The lowest price must not be negative or above the list price."));
      return FALSE;
    }

  if (info->vat_rate > 10000)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                           _("A VAT rate lies between 0 and 100 percent."));
      return FALSE;
    }

  if ((guint)info->kind >= CRM_N_PRODUCT_KINDS)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("A product is hardware, a software module, a licence, a service or other."));
      return FALSE;
    }

  return TRUE;
}

/* The code belongs to another product already: named in the message. */
static gboolean
check_code_free (CrmStore    *self,
                 const char  *code,
                 gint64       product_id,
                 GError     **error)
{
  g_autofree char *other = _crm_store_query_text (self,
                                                  "SELECT name FROM products WHERE code = ?2 AND id <> ?1",
                                                  product_id, code);

  if (other == NULL)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
               _("The code “%s” is already the code of “%s”."), code, other);
  return FALSE;
}

static gboolean
write_product (CrmStore              *self,
               const CrmProductInfo  *info,
               const char * const     texts[4],
               const char            *currency,
               const char            *now,
               gint64                *product_id,
               GError               **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  if (info->id > 0)
    stmt = crm_db_prepare (_crm_store_get_db (self),
                           "UPDATE products SET code = ?2, name = ?3, name_he = ?4, name_ru = ?5, price = ?6, "
                           "floor_price = ?7, currency = ?8, vat_rate = ?9, kind = ?10, active = ?11 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (_crm_store_get_db (self),
                           "INSERT INTO products (code, name, name_he, name_ru, price, floor_price, currency, "
                           "vat_rate, kind, active, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (info->id > 0)
    crm_statement_bind_int64 (stmt, 1, info->id);
  for (guint i = 0; i < 4; i++)
    crm_statement_bind_text (stmt, 2 + i, texts[i]);
  crm_statement_bind_int64 (stmt, 6, info->price);
  if (info->floor_price >= 0)
    crm_statement_bind_int64 (stmt, 7, info->floor_price);
  crm_statement_bind_text (stmt, 8, currency);
  crm_statement_bind_int64 (stmt, 9, info->vat_rate);
  crm_statement_bind_text (stmt, 10, crm_product_kind_to_key (info->kind));
  crm_statement_bind_int64 (stmt, 11, info->active ? 1 : 0);
  if (info->id == 0)
    crm_statement_bind_text (stmt, 12, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *product_id = info->id > 0 ? info->id : crm_db_last_insert_id (_crm_store_get_db (self));
  return TRUE;
}

/**
 * crm_store_save_product:
 * @self: a #CrmStore
 * @info: the product; id 0 adds it
 * @error: return location for a #GError
 *
 * Adds or changes a product master (TW-5); only a sales manager may. The
 * code is Latin, unique and at most %CRM_PRODUCT_MAX_CODE characters; the
 * English name is required, the Hebrew and Russian ones fall back to it;
 * the price is not negative, the lowest price (-1 for none) not above it,
 * the VAT rate within 0..10000 basis points. Quotes copy what they quote,
 * so a change here changes no quote already written.
 *
 * Returns: the product's id, or 0 on error
 */
gint64
crm_store_save_product (CrmStore              *self,
                        const CrmProductInfo  *info,
                        GError               **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_he = NULL;
  g_autofree char *name_ru = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the product catalogue."), error) ||
      !crm_limits_dup_trimmed (_("Code"), info->code, CRM_PRODUCT_MAX_CODE, CRM_TEXT_LINE, &code, error) ||
      !crm_limits_dup_trimmed (_("Product"), info->name, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &name, error) ||
      !crm_limits_dup_trimmed (_("Name in Hebrew"), info->name_he, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &name_he, error) ||
      !crm_limits_dup_trimmed (_("Name in Russian"), info->name_ru, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &name_ru, error) ||
      !check_code (code, error) ||
      !check_product_info (info, name, error))
    return 0;

  if (info->id > 0)
    {
      old = _crm_store_query_text (self, "SELECT name FROM products WHERE id = ?1", info->id, NULL);
      if (old == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("Product %lld does not exist."), (long long)info->id);
          return 0;
        }
    }

  currency = g_ascii_strup (info->currency, -1);
  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return 0;

  /* Checked inside the transaction, so two managers cannot both take it. */
  ok = check_code_free (self, code, info->id, error) &&
       write_product (self, info, (const char * const[]) { code, name, name_he, name_ru }, currency, now, &id, error);

  if (!_crm_store_commit_or_rollback (self,
                                      ok && _crm_store_add_audit (self, info->id > 0 ? "update" : "create",
                                                                  "product", id, old, name, now, error),
                                      error))
    return 0;

  return id;
}
