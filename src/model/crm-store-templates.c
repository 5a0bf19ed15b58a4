/* crm-store-templates.c
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

#define G_LOG_DOMAIN "crm-store-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-limits.h"
#include "crm-quote-line.h"
#include "crm-quote-template.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* Quote templates, the "masters" of TW-5: named bundles of lines a rep
 * starts a quote from. Like the product masters they are the sales
 * manager's; the model refuses a rep. */

static void
array_unref (gpointer data)
{
  g_array_unref (data);
}

/* Every line of every template, in one query, grouped by template. The
 * lines' strings are borrowed from @texts. */
static gboolean
read_template_lines (CrmStore    *self,
                     GHashTable  *lines_by_template,
                     GPtrArray   *texts,
                     GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT template_id, variant, product_id, description, quantity, discount "
                         "FROM quote_template_lines ORDER BY template_id, position",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      gpointer key = GSIZE_TO_POINTER ((gsize)crm_statement_get_int64 (stmt, 0));
      GArray *lines = g_hash_table_lookup (lines_by_template, key);
      char *variant = g_strdup (crm_statement_get_text (stmt, 1));
      char *description = g_strdup (crm_statement_get_text (stmt, 3));
      CrmQuoteTemplateLine line = {
        .variant = variant,
        .product_id = crm_statement_is_null (stmt, 2) ? 0 : crm_statement_get_int64 (stmt, 2),
        .description = description,
        .quantity = crm_statement_get_int64 (stmt, 4),
        .discount = (guint)crm_statement_get_int64 (stmt, 5),
      };

      if (lines == NULL)
        {
          lines = g_array_new (FALSE, TRUE, sizeof (CrmQuoteTemplateLine));
          g_hash_table_insert (lines_by_template, key, lines);
        }

      g_ptr_array_add (texts, variant);
      g_ptr_array_add (texts, description);
      g_array_append_val (lines, line);
    }

  return step == CRM_STEP_DONE;
}

/**
 * crm_store_get_quote_templates:
 * @self: a #CrmStore
 *
 * The templates as they are now: a new list on every call.
 *
 * Returns: (transfer full): the #CrmQuoteTemplate<!-- -->s, by name
 */
GListModel *
crm_store_get_quote_templates (CrmStore *self)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (NULL, NULL, NULL, array_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmStatement) stmt = NULL;
  GListStore *list;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  list = g_list_store_new (CRM_TYPE_QUOTE_TEMPLATE);
  if (!read_template_lines (self, lines, texts, NULL))
    return G_LIST_MODEL (list);

  stmt = crm_db_prepare (_crm_store_get_db (self), "SELECT id, name FROM quote_templates ORDER BY name, id", NULL);
  while (stmt != NULL && crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (stmt, 0);
      GArray *found = g_hash_table_lookup (lines, GSIZE_TO_POINTER ((gsize)id));
      g_autoptr(CrmQuoteTemplate) template = NULL;

      /* The template copies the borrowed lines it is given. */
      template = crm_quote_template_new (id, crm_statement_get_text (stmt, 1),
                                         found ? (const CrmQuoteTemplateLine *)(gpointer)found->data : NULL,
                                         found ? found->len : 0);
      g_list_store_append (list, template);
    }

  return G_LIST_MODEL (list);
}

/* One template line, checked and cleaned into @out (which owns its
 * strings through @texts). */
static gboolean
clean_template_line (CrmStore                    *self,
                     guint                        index,
                     const CrmQuoteTemplateLine  *line,
                     CrmQuoteTemplateLine        *out,
                     GPtrArray                   *texts,
                     GError                     **error)
{
  g_autofree char *variant = NULL;
  g_autofree char *description = NULL;

  if (!crm_limits_dup_trimmed (_("Variant"), line->variant, CRM_LIMIT_QUOTE_VARIANT, CRM_TEXT_LINE,
                               &variant, error) ||
      !crm_limits_dup_trimmed (_("Description"), line->description, CRM_QUOTE_MAX_DESCRIPTION, CRM_TEXT_LINES,
                               &description, error))
    return FALSE;

  if (line->product_id > 0)
    {
      g_autofree char *name = _crm_store_query_text (self, "SELECT name FROM products WHERE id = ?1",
                                                     line->product_id, NULL);

      if (name == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("Line %u: product %lld does not exist."), index + 1, (long long)line->product_id);
          return FALSE;
        }
    }
  else if (description == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Line %u needs a product or a description."), index + 1);
      return FALSE;
    }

  if (line->quantity <= 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Line %u: the quantity must be more than zero."), index + 1);
      return FALSE;
    }

  if (line->discount > 10000)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Line %u: a discount lies between 0 and 100 percent."), index + 1);
      return FALSE;
    }

  *out = *line;
  out->variant = variant;
  out->description = description;
  g_ptr_array_add (texts, g_steal_pointer (&variant));
  g_ptr_array_add (texts, g_steal_pointer (&description));
  return TRUE;
}

static gboolean
write_template (CrmStore                    *self,
                gint64                       template_id,
                const char                  *name,
                const CrmQuoteTemplateLine  *lines,
                guint                        n_lines,
                const char                  *now,
                gint64                      *out_id,
                GError                     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(CrmStatement) stmt = NULL;

  if (template_id > 0)
    stmt = crm_db_prepare (db, "UPDATE quote_templates SET name = ?2, updated_at = ?3 WHERE id = ?1", error);
  else
    stmt = crm_db_prepare (db, "INSERT INTO quote_templates (name, created_at, updated_at) VALUES (?2, ?3, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (template_id > 0)
    crm_statement_bind_int64 (stmt, 1, template_id);
  crm_statement_bind_text (stmt, 2, name);
  crm_statement_bind_text (stmt, 3, now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  *out_id = template_id > 0 ? template_id : crm_db_last_insert_id (db);

  if (!_crm_store_run_update (db, "DELETE FROM quote_template_lines WHERE template_id = ?1", *out_id, NULL, error))
    return FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmStatement) insert = NULL;

      insert = crm_db_prepare (db,
                               "INSERT INTO quote_template_lines (template_id, position, variant, product_id, "
                               "description, quantity, discount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
      if (insert == NULL)
        return FALSE;

      crm_statement_bind_int64 (insert, 1, *out_id);
      crm_statement_bind_int64 (insert, 2, i);
      crm_statement_bind_text (insert, 3, lines[i].variant);
      crm_statement_bind_id (insert, 4, lines[i].product_id);
      crm_statement_bind_text (insert, 5, lines[i].description);
      crm_statement_bind_int64 (insert, 6, lines[i].quantity);
      crm_statement_bind_int64 (insert, 7, lines[i].discount);
      if (!crm_statement_run (insert, error))
        return FALSE;
    }

  return TRUE;
}

/* The name belongs to another template already: said so, not as a
 * constraint's failure. */
static gboolean
check_name_free (CrmStore    *self,
                 const char  *name,
                 gint64       template_id,
                 GError     **error)
{
  g_autofree char *other = _crm_store_query_text (self,
                                                  "SELECT name FROM quote_templates WHERE name = ?2 AND id <> ?1",
                                                  template_id, name);

  if (other == NULL)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
               _("There is a quote template named “%s” already."), name);
  return FALSE;
}

/**
 * crm_store_save_quote_template:
 * @self: a #CrmStore
 * @template_id: the template to change, or 0 to add one
 * @name: its name, unique
 * @lines: (array length=n_lines): its lines, in order
 * @n_lines: how many; at most %CRM_QUOTE_MAX_LINES
 * @error: return location for a #GError
 *
 * Adds or replaces a quote template (TW-5) in one transaction; only a
 * sales manager may. A line names an existing product or has a
 * description; its quantity is above zero and its discount at most 100 %.
 *
 * Returns: the template's id, or 0 on error
 */
gint64
crm_store_save_quote_template (CrmStore                    *self,
                               gint64                       template_id,
                               const char                  *name,
                               const CrmQuoteTemplateLine  *lines,
                               guint                        n_lines,
                               GError                     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) clean = g_array_new (FALSE, TRUE, sizeof (CrmQuoteTemplateLine));
  g_autofree char *clean_name = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (lines != NULL || n_lines == 0, 0);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the quote templates."), error) ||
      !crm_limits_dup_trimmed (_("Name"), name, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &clean_name, error))
    return 0;

  if (clean_name == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("A quote template needs a name."));
      return 0;
    }

  if (n_lines > CRM_QUOTE_MAX_LINES)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("A quote template takes at most %u lines."), (guint)CRM_QUOTE_MAX_LINES);
      return 0;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      CrmQuoteTemplateLine line;

      if (!clean_template_line (self, i, &lines[i], &line, texts, error))
        return 0;
      g_array_append_val (clean, line);
    }

  if (template_id > 0)
    {
      old = _crm_store_query_text (self, "SELECT name FROM quote_templates WHERE id = ?1", template_id, NULL);
      if (old == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("Quote template %lld does not exist."), (long long)template_id);
          return 0;
        }
    }

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return 0;

  ok = check_name_free (self, clean_name, template_id, error) &&
       write_template (self, template_id, clean_name, (const CrmQuoteTemplateLine *)(gpointer)clean->data,
                       clean->len, now, &id, error);

  if (!_crm_store_commit_or_rollback (self,
                                      ok && _crm_store_add_audit (self, template_id > 0 ? "update" : "create",
                                                                  "quote-template", id, old, clean_name, now,
                                                                  error),
                                      error))
    return 0;

  return id;
}

/**
 * crm_store_delete_quote_template:
 * @self: a #CrmStore
 * @template_id: a template
 * @error: return location for a #GError
 *
 * Deletes a template and its lines; quotes started from it keep their
 * lines. Only a sales manager may.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_delete_quote_template (CrmStore  *self,
                                 gint64     template_id,
                                 GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!_crm_store_require_manager (self, _("Only a sales manager can change the quote templates."), error))
    return FALSE;

  name = _crm_store_query_text (self, "SELECT name FROM quote_templates WHERE id = ?1", template_id, NULL);
  if (name == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("Quote template %lld does not exist."), (long long)template_id);
      return FALSE;
    }

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return FALSE;

  return _crm_store_commit_or_rollback (self,
                                        _crm_store_run_update (_crm_store_get_db (self),
                                                               "DELETE FROM quote_templates WHERE id = ?1",
                                                               template_id, NULL, error) &&
                                        _crm_store_add_audit (self, "delete", "quote-template", template_id,
                                                              name, NULL, now, error),
                                        error);
}
