/* crm-store-quote-save.c
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

#define G_LOG_DOMAIN "crm-store-quote-save"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-limits.h"
#include "crm-product.h"
#include "crm-quote.h"
#include "crm-quote-line.h"
#include "crm-quote-variant.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* Writing a draft quote's content: the quote's row, its variants and its
 * lines, each text bounded and cleaned as it is written, inside the
 * caller's transaction, after the caller has read the stored row as a
 * draft in that same transaction. */

/* CRM_QUOTE_ERROR_IMMUTABLE for anything but a draft. */
gboolean
_crm_store_require_draft (const CrmQuoteRow  *row,
                          GError            **error)
{
  if (row->state == CRM_QUOTE_DRAFT)
    return TRUE;

  g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_IMMUTABLE,
               _("Quote %s, revision %u, has been sent and can no longer change; revise it to change it."),
               row->number, row->revision);
  return FALSE;
}

/* TW-6, by the one rule (_crm_quote_derive_approval()), from what is
 * stored rather than what the caller's object says: the approval itself
 * (issue 11) writes approved or rejected, and a save never does. */
static CrmQuoteApproval
quote_approval (CrmStore           *self,
                CrmQuote           *quote,
                const CrmQuoteRow  *row)
{
  return _crm_quote_derive_approval (self->procedure, crm_quote_get_payment_term (quote),
                                     row != NULL ? row->payment_term : NULL,
                                     row != NULL ? row->approval : CRM_QUOTE_APPROVAL_NONE);
}

gboolean
_crm_store_check_quote_language (const char  *language,
                                 GError     **error)
{
  if (crm_quote_language_is_supported (language))
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
               _("A quote is written in English (en), Hebrew (he) or Russian (ru), not “%s”."),
               language != NULL ? language : "");
  return FALSE;
}

static gboolean
write_line (CrmStore      *self,
            gint64         variant_id,
            guint          position,
            CrmQuoteLine  *line,
            GError       **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  gint64 floor_price = crm_quote_line_get_floor_price (line);

  if (!crm_limits_dup_trimmed (_("Code"), crm_quote_line_get_code (line), CRM_PRODUCT_MAX_CODE, CRM_TEXT_LINE,
                               &code, error) ||
      !crm_limits_clean_text (_("Description"), crm_quote_line_get_description (line), CRM_QUOTE_MAX_DESCRIPTION,
                              CRM_TEXT_LINES, &description, error))
    return FALSE;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO quote_lines (variant_id, position, product_id, code, description, quantity, "
                         "unit_price, floor_price, currency, discount, vat_rate, kind) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, variant_id);
  crm_statement_bind_int64 (stmt, 2, position);
  crm_statement_bind_id (stmt, 3, crm_quote_line_get_product_id (line));
  crm_statement_bind_text (stmt, 4, code);
  crm_statement_bind_text (stmt, 5, description != NULL ? description : "");
  crm_statement_bind_int64 (stmt, 6, crm_quote_line_get_quantity (line));
  crm_statement_bind_int64 (stmt, 7, crm_quote_line_get_unit_price (line));
  if (floor_price >= 0)
    crm_statement_bind_int64 (stmt, 8, floor_price);
  crm_statement_bind_text (stmt, 9, crm_quote_line_get_currency (line));
  crm_statement_bind_int64 (stmt, 10, crm_quote_line_get_discount (line));
  crm_statement_bind_int64 (stmt, 11, crm_quote_line_get_vat_rate (line));
  crm_statement_bind_text (stmt, 12, crm_product_kind_to_key (crm_quote_line_get_kind (line)));
  return crm_statement_run (stmt, error);
}

/* The variants and lines replace the stored ones whole; the lines go
 * with their variants (ON DELETE CASCADE). */
static gboolean
write_variants (CrmStore  *self,
                gint64     quote_id,
                CrmQuote  *quote,
                GError   **error)
{
  GListModel *variants = crm_quote_get_variants (quote);

  if (!_crm_store_run_update (self->db, "DELETE FROM quote_variants WHERE quote_id = ?1", quote_id, NULL, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, i);
      GListModel *lines = crm_quote_variant_get_lines (variant);
      g_autoptr(CrmStatement) stmt = NULL;
      g_autofree char *name = NULL;
      gint64 variant_id;

      if (!crm_limits_dup_trimmed (_("Variant"), crm_quote_variant_get_name (variant), CRM_LIMIT_QUOTE_VARIANT,
                                   CRM_TEXT_LINE, &name, error))
        return FALSE;

      stmt = crm_db_prepare (self->db, "INSERT INTO quote_variants (quote_id, position, name) VALUES (?1, ?2, ?3)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, quote_id);
      crm_statement_bind_int64 (stmt, 2, i);
      crm_statement_bind_text (stmt, 3, name != NULL ? name : "");
      if (!crm_statement_run (stmt, error))
        return FALSE;

      variant_id = crm_db_last_insert_id (self->db);
      for (guint j = 0; j < g_list_model_get_n_items (lines); j++)
        {
          g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, j);

          if (!write_line (self, variant_id, j, line, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Everything of a draft a rep edits, inside the caller's transaction:
 * each text bounded and cleaned as it is written. The row must still be a
 * draft; the caller read it so in the same transaction. */
gboolean
_crm_store_write_quote (CrmStore          *self,
                        gint64             quote_id,
                        CrmQuote          *quote,
                        CrmQuoteApproval   approval,
                        const char        *now,
                        GError           **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  const char *limits_labels[] = {
    _("Customer"), _("Company"), _("Customer Details"), _("Organisation Name"), _("Organisation Details"), _("Notes"),
  };
  const char *texts[] = {
    crm_quote_get_customer_name (quote), crm_quote_get_customer_company (quote),
    crm_quote_get_customer_details (quote), crm_quote_get_organization_name (quote),
    crm_quote_get_organization_details (quote), crm_quote_get_notes (quote),
  };
  const gsize limits[] = {
    CRM_LIMIT_NAME, CRM_LIMIT_COMPANY, CRM_LIMIT_TEXT, CRM_LIMIT_COMPANY, CRM_LIMIT_TEXT, CRM_LIMIT_NOTE,
  };
  g_autoptr(GPtrArray) clean = g_ptr_array_new_with_free_func (g_free);
  const char *valid_until = crm_quote_get_valid_until (quote);

  if (!_crm_store_check_quote_language (crm_quote_get_language (quote), error))
    return FALSE;

  if (valid_until == NULL || strlen (valid_until) != 10)
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_VALIDITY,
                           _("A quote needs the date it is valid until."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      char *text = NULL;

      if (!crm_limits_dup_trimmed (limits_labels[i], texts[i], limits[i],
                                   i == 0 || i == 1 || i == 3 ? CRM_TEXT_LINE : CRM_TEXT_LINES,
                                   &text, error))
        return FALSE;
      g_ptr_array_add (clean, text);
    }

  stmt = crm_db_prepare (self->db,
                         "UPDATE quotes SET language = ?2, currency = ?3, valid_until = ?4, approval = ?5, "
                         "payment_term = ?6, installments = ?7, prepayment_percent = ?8, customer_name = ?9, "
                         "customer_company = ?10, customer_details = ?11, organization_name = ?12, "
                         "organization_details = ?13, notes = ?14, updated_at = ?15 "
                         "WHERE id = ?1 AND state = 'draft'",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, quote_id);
  crm_statement_bind_text (stmt, 2, crm_quote_get_language (quote));
  crm_statement_bind_text (stmt, 3, crm_quote_get_currency (quote));
  crm_statement_bind_text (stmt, 4, valid_until);
  crm_statement_bind_text (stmt, 5, crm_quote_approval_to_key (approval));
  crm_statement_bind_text (stmt, 6, crm_quote_get_payment_term (quote));
  crm_statement_bind_int64 (stmt, 7, MAX (1, crm_quote_get_installments (quote)));
  crm_statement_bind_int64 (stmt, 8, crm_quote_get_prepayment_percent (quote));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    crm_statement_bind_text (stmt, 9 + i, g_ptr_array_index (clean, i));
  crm_statement_bind_text (stmt, 15, now);

  return crm_statement_run (stmt, error) && write_variants (self, quote_id, quote, error);
}

/* A new row for @quote's content, inside the caller's transaction. */
gint64
_crm_store_insert_quote (CrmStore    *self,
                         gint64       deal_id,
                         const char  *number,
                         guint        revision,
                         CrmQuote    *quote,
                         const char  *now,
                         GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmQuoteApproval approval = quote_approval (self, quote, NULL);
  gint64 id;

  if (!_crm_store_check_quote_language (crm_quote_get_language (quote), error))
    return 0;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO quotes (deal_id, number, revision, language, currency, valid_until, "
                         "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                         error);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, number);
  crm_statement_bind_int64 (stmt, 3, revision);
  crm_statement_bind_text (stmt, 4, crm_quote_get_language (quote));
  crm_statement_bind_text (stmt, 5, crm_quote_get_currency (quote));
  crm_statement_bind_text (stmt, 6, crm_quote_get_valid_until (quote));
  crm_statement_bind_text (stmt, 7, now);
  if (!crm_statement_run (stmt, error))
    return 0;

  id = crm_db_last_insert_id (self->db);
  if (!_crm_store_write_quote (self, id, quote, approval, now, error))
    return 0;

  return id;
}

/* Saving */

/* The id of a quote the store wrote, or 0 with @error set. */
gint64
_crm_store_quote_stored_id (CrmQuote  *quote,
                            GError   **error)
{
  gint64 id = crm_quote_get_id (quote);

  if (id > 0)
    return id;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("The quote has not been created in the store yet."));
  return 0;
}

/* Replaces a stored draft's content with @quote's, inside the caller's
 * transaction, after reading the row into @row: anything but a draft is
 * refused. @approval is what the draft is left in. */
gboolean
_crm_store_rewrite_draft (CrmStore          *self,
                          gint64             quote_id,
                          CrmQuote          *quote,
                          CrmQuoteRow       *row,
                          CrmQuoteApproval  *approval,
                          const char        *now,
                          GError           **error)
{
  if (!_crm_store_read_quote_row (self, quote_id, row, error) ||
      !_crm_store_require_draft (row, error))
    return FALSE;

  *approval = quote_approval (self, quote, row);
  return _crm_store_write_quote (self, quote_id, quote, *approval, now, error);
}

/**
 * crm_store_save_quote:
 * @self: a #CrmStore
 * @quote: a stored draft
 * @error: return location for a #GError
 *
 * Saves a draft as it stands, after crm_quote_check(): its variants and
 * lines replace the stored ones in one transaction. A quote that has been
 * sent is refused with %CRM_QUOTE_ERROR_IMMUTABLE (the state is read
 * inside the transaction); crm_store_revise_quote() makes a new revision.
 * A payment term that needs approval (TW-6) leaves the quote pending.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_save_quote (CrmStore  *self,
                      CrmQuote  *quote,
                      GError   **error)
{
  g_auto(CrmQuoteRow) row = { 0 };
  g_autofree char *now = NULL;
  CrmQuoteApproval approval = CRM_QUOTE_APPROVAL_NONE;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUOTE (quote), FALSE);

  if ((id = _crm_store_quote_stored_id (quote, error)) == 0 ||
      !crm_quote_check (quote, error))
    return FALSE;

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return FALSE;

  if (!_crm_store_commit_or_rollback (self,
                                      _crm_store_rewrite_draft (self, id, quote, &row, &approval, now, error) &&
                                      _crm_store_add_audit (self, "update", "quote", id, NULL, row.number, now, error),
                                      error))
    return FALSE;

  _crm_quote_set_stored (quote, id, row.deal_id, row.number, row.revision, CRM_QUOTE_DRAFT, approval,
                         row.created_at, NULL);
  _crm_store_emit_quotes_changed (self, row.deal_id);
  return TRUE;
}
