/* crm-store-quotes.c
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

#define G_LOG_DOMAIN "crm-store-quotes"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-limits.h"
#include "crm-money.h"
#include "crm-product.h"
#include "crm-quote.h"
#include "crm-quote-line.h"
#include "crm-quote-template.h"
#include "crm-quote-variant.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* Quotes (TW-5, AXL-9, TW-6): creating a draft from a deal and a
 * template, reading and saving it. Sending, the stored PDF, revisions and
 * the later states are in crm-store-quote-send.c; writing a draft's
 * content in crm-store-quote-save.c. A quote that is not a
 * draft never changes: every write reads the stored state inside its own
 * transaction before it touches a row. */

#define QUOTE_COLUMNS \
  "id, deal_id, number, revision, language, currency, valid_until, state, approval, payment_term, " \
  "installments, prepayment_percent, customer_name, customer_company, customer_details, " \
  "organization_name, organization_details, notes, created_at, sent_at"

/* The organisation's header (TW-5) */

/* The logo the settings name, at most CRM_QUOTE_MAX_LOGO bytes; a missing,
 * unreadable or oversized file is no logo, never an error here:
 * Preferences says what is wrong with it at its row. */
static GBytes *
read_logo (const char *path)
{
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length;

  if (path == NULL || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      st.st_size <= 0 || st.st_size > CRM_QUOTE_MAX_LOGO)
    return NULL;

  if (!g_file_get_contents (path, &data, &length, NULL) || length == 0 || length > CRM_QUOTE_MAX_LOGO)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A draft shows the organisation as the settings say now. */
static void
snapshot_organization (CrmStore *self,
                       CrmQuote *quote)
{
  g_autofree char *name = _crm_store_read_meta (self, "organization-name");
  g_autofree char *details = _crm_store_read_meta (self, "organization-details");
  g_autofree char *logo_path = _crm_store_read_meta (self, "organization-logo");
  g_autoptr(GBytes) logo = read_logo (logo_path);

  crm_quote_set_organization (quote, name, details, logo);
}

/* Reading */

static GDateTime *
parse_timestamp (CrmStatement *stmt,
                 int           column)
{
  if (crm_statement_is_null (stmt, column))
    return NULL;

  return g_date_time_new_from_iso8601 (crm_statement_get_text (stmt, column), NULL);
}

static CrmQuoteLine *
read_line (CrmStatement *stmt,
           int           first)
{
  CrmQuoteLine *line = crm_quote_line_new ();
  CrmProductKind kind = CRM_PRODUCT_OTHER;

  crm_quote_line_set_product_id (line, crm_statement_is_null (stmt, first) ? 0 : crm_statement_get_int64 (stmt, first));
  crm_quote_line_set_code (line, crm_statement_get_text (stmt, first + 1));
  crm_quote_line_set_description (line, crm_statement_get_text (stmt, first + 2));
  crm_quote_line_set_quantity (line, crm_statement_get_int64 (stmt, first + 3));
  crm_quote_line_set_unit_price (line, crm_statement_get_int64 (stmt, first + 4));
  crm_quote_line_set_floor_price (line, crm_statement_is_null (stmt, first + 5)
                                        ? -1 : crm_statement_get_int64 (stmt, first + 5));
  crm_quote_line_set_currency (line, crm_statement_get_text (stmt, first + 6));
  crm_quote_line_set_discount (line, (guint)crm_statement_get_int64 (stmt, first + 7));
  crm_quote_line_set_vat_rate (line, (guint)crm_statement_get_int64 (stmt, first + 8));
  crm_product_kind_from_key (crm_statement_get_text (stmt, first + 9), &kind);
  crm_quote_line_set_kind (line, kind);

  return line;
}

/* The variants and their lines in one query, in order. */
static gboolean
read_variants (CrmStore  *self,
               CrmQuote  *quote,
               gint64     quote_id,
               GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(CrmQuoteVariant) variant = NULL;
  gint64 variant_id = 0;
  CrmStep step;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT v.id, v.name, l.id, l.product_id, l.code, l.description, l.quantity, "
                         "l.unit_price, l.floor_price, l.currency, l.discount, l.vat_rate, l.kind "
                         "FROM quote_variants v LEFT JOIN quote_lines l ON l.variant_id = v.id "
                         "WHERE v.quote_id = ?1 ORDER BY v.position, l.position",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, quote_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      if (variant == NULL || crm_statement_get_int64 (stmt, 0) != variant_id)
        {
          if (variant != NULL)
            crm_quote_add_variant (quote, variant);
          g_clear_object (&variant);
          variant = crm_quote_variant_new (crm_statement_get_text (stmt, 1));
          variant_id = crm_statement_get_int64 (stmt, 0);
        }

      if (!crm_statement_is_null (stmt, 2))
        {
          g_autoptr(CrmQuoteLine) line = read_line (stmt, 3);

          crm_quote_variant_append_line (variant, line);
        }
    }

  if (variant != NULL)
    crm_quote_add_variant (quote, variant);

  return step == CRM_STEP_DONE;
}

static void
remove_variants (CrmQuote *quote)
{
  GListModel *variants = crm_quote_get_variants (quote);

  while (g_list_model_get_n_items (variants) > 0)
    {
      g_autoptr(CrmQuoteVariant) removed = crm_quote_remove_variant (quote, 0);
    }
}

/* @sql with @quote_id bound to ?1, on its row; no row is
 * CRM_STORE_ERROR_NOT_FOUND, said of the quote or, for @document, of its
 * sent PDF. */
CrmStatement *
_crm_store_query_quote (CrmStore     *self,
                        const char   *sql,
                        gint64        quote_id,
                        gboolean      document,
                        GError      **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, error);
  CrmStep step;

  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, quote_id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_ROW)
    return g_steal_pointer (&stmt);

  if (step == CRM_STEP_DONE && document)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("Quote %lld has no sent document."), (long long)quote_id);
  else if (step == CRM_STEP_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("Quote %lld does not exist."), (long long)quote_id);
  return NULL;
}

/* A quote from a row of QUOTE_COLUMNS. */
static CrmQuote *
read_quote_row (CrmStore      *self,
                CrmStatement  *stmt,
                GError       **error)
{
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(GDateTime) created_at = parse_timestamp (stmt, 18);
  g_autoptr(GDateTime) sent_at = parse_timestamp (stmt, 19);
  CrmQuoteState state = CRM_QUOTE_DRAFT;
  CrmQuoteApproval approval = CRM_QUOTE_APPROVAL_NONE;
  gint64 id = crm_statement_get_int64 (stmt, 0);

  crm_quote_state_from_key (crm_statement_get_text (stmt, 7), &state);
  crm_quote_approval_from_key (crm_statement_get_text (stmt, 8), &approval);

  quote = crm_quote_new (self->procedure, crm_statement_get_text (stmt, 4), crm_statement_get_text (stmt, 5));
  remove_variants (quote);
  crm_quote_set_valid_until (quote, crm_statement_get_text (stmt, 6));
  crm_quote_set_payment_term (quote, crm_statement_get_text (stmt, 9), (guint)crm_statement_get_int64 (stmt, 10));
  crm_quote_set_prepayment_percent (quote, (guint)crm_statement_get_int64 (stmt, 11));
  crm_quote_set_customer (quote, crm_statement_get_text (stmt, 12), crm_statement_get_text (stmt, 13),
                          crm_statement_get_text (stmt, 14));
  crm_quote_set_notes (quote, crm_statement_get_text (stmt, 17));

  /* A draft takes the header as it is now; what was sent keeps the one it
   * went out with (its logo is in the stored PDF). */
  if (state == CRM_QUOTE_DRAFT)
    snapshot_organization (self, quote);
  else
    crm_quote_set_organization (quote, crm_statement_get_text (stmt, 15), crm_statement_get_text (stmt, 16), NULL);

  if (!read_variants (self, quote, id, error))
    return NULL;

  _crm_quote_set_stored (quote, id, crm_statement_get_int64 (stmt, 1), crm_statement_get_text (stmt, 2),
                         (guint)crm_statement_get_int64 (stmt, 3), state, approval, created_at, sent_at);
  return g_steal_pointer (&quote);
}

/**
 * crm_store_load_quote:
 * @self: a #CrmStore
 * @quote_id: a quote
 * @error: return location for a #GError
 *
 * Reads a quote with its variants and lines. A draft gets the
 * organisation's header from the settings as they are now.
 *
 * Returns: (transfer full) (nullable): the quote
 */
CrmQuote *
crm_store_load_quote (CrmStore  *self,
                      gint64     quote_id,
                      GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = _crm_store_query_quote (self, "SELECT " QUOTE_COLUMNS " FROM quotes WHERE id = ?1", quote_id, FALSE, error);
  if (stmt == NULL)
    return NULL;

  return read_quote_row (self, stmt, error);
}

/**
 * crm_store_find_quote:
 * @self: a #CrmStore
 * @number: a quote number, such as "Q-2026-0001"
 * @error: return location for a #GError
 *
 * @number may name a revision as the quote shows it ("Q-2026-0001/2").
 *
 * Returns: (transfer full) (nullable): that revision, or the newest
 *   revision of the quote of that number
 */
CrmQuote *
crm_store_find_quote (CrmStore    *self,
                      const char  *number,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  guint64 revision = 0;
  char *slash;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  /* From the command line too: bounded before it is bound. */
  if (!crm_limits_dup_trimmed (_("Quote Number"), number, CRM_LIMIT_QUOTE_NUMBER, CRM_TEXT_LINE, &clean, error))
    return NULL;

  /* "Q-2026-0001/2", as crm_quote_dup_display_number() shows a revision. */
  if (clean != NULL && (slash = strchr (clean, '/')) != NULL)
    {
      if (!g_ascii_string_to_unsigned (slash + 1, 10, 1, G_MAXUINT, &revision, NULL))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("“%s” is not a quote number: after the slash comes its revision, such as Q-2026-0001/2."),
                       clean);
          return NULL;
        }
      *slash = '\0';
    }

  if (clean != NULL)
    id = _crm_store_query_text (self,
                                "SELECT id FROM quotes WHERE number = ?2 AND (?1 = 0 OR revision = ?1) "
                                "ORDER BY revision DESC LIMIT 1",
                                (gint64)revision, clean);
  if (id == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("There is no quote “%s”."), clean != NULL ? clean : "");
      return NULL;
    }

  return crm_store_load_quote (self, g_ascii_strtoll (id, NULL, 10), error);
}

/**
 * crm_store_get_deal_quotes:
 * @self: a #CrmStore
 * @deal_id: a deal
 *
 * Every quote of the deal, every revision, newest first: a new list on
 * every call, read again on #CrmStore::quotes-changed.
 *
 * Returns: (transfer full): the #CrmQuote<!-- -->s
 */
GListModel *
crm_store_get_deal_quotes (CrmStore *self,
                           gint64    deal_id)
{
  g_autoptr(CrmStatement) stmt = NULL;
  GListStore *list;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  list = g_list_store_new (CRM_TYPE_QUOTE);
  stmt = crm_db_prepare (self->db, "SELECT " QUOTE_COLUMNS " FROM quotes WHERE deal_id = ?1 ORDER BY id DESC",
                         NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (list);

  crm_statement_bind_int64 (stmt, 1, deal_id);
  while (crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
    {
      g_autoptr(CrmQuote) quote = read_quote_row (self, stmt, NULL);

      if (quote != NULL)
        g_list_store_append (list, quote);
    }

  return G_LIST_MODEL (list);
}

/* What a write reads */

void
_crm_quote_row_clear (CrmQuoteRow *row)
{
  g_clear_pointer (&row->number, g_free);
  g_clear_pointer (&row->payment_term, g_free);
  g_clear_pointer (&row->created_at, g_date_time_unref);
}

/* What the transaction has to know of the stored quote before it writes:
 * its state above all (a sent quote never changes). */
gboolean
_crm_store_read_quote_row (CrmStore     *self,
                           gint64        quote_id,
                           CrmQuoteRow  *row,
                           GError      **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = _crm_store_query_quote (self,
                                 "SELECT deal_id, number, revision, state, approval, payment_term, created_at "
                                 "FROM quotes WHERE id = ?1",
                                 quote_id, FALSE, error);
  if (stmt == NULL)
    return FALSE;

  row->deal_id = crm_statement_get_int64 (stmt, 0);
  row->number = g_strdup (crm_statement_get_text (stmt, 1));
  row->revision = (guint)crm_statement_get_int64 (stmt, 2);
  row->state = CRM_QUOTE_DRAFT;
  row->approval = CRM_QUOTE_APPROVAL_NONE;
  crm_quote_state_from_key (crm_statement_get_text (stmt, 3), &row->state);
  crm_quote_approval_from_key (crm_statement_get_text (stmt, 4), &row->approval);
  row->payment_term = g_strdup (crm_statement_get_text (stmt, 5));
  row->created_at = parse_timestamp (stmt, 6);
  return TRUE;
}

/* Creating */

static GDateTime *
local_now (CrmStore *self)
{
  g_autoptr(GDateTime) now = crm_store_now (self);

  return g_date_time_to_local (now);
}

/* Today, by the store's clock, plus the procedure's validity. */
char *
_crm_store_quote_valid_until (CrmStore *self)
{
  g_autoptr(GDateTime) today = local_now (self);
  g_autoptr(GDateTime) until = NULL;
  guint days = self->procedure != NULL ? crm_procedure_get_quote_validity_days (self->procedure) : 0;

  until = g_date_time_add_days (today, days > 0 ? days : 30);
  return g_date_time_format (until, "%Y-%m-%d");
}

/* The customer block from the deal's contact and company: the name, the
 * company, then a line each for the address, a phone and an email. */
static void
snapshot_customer (CrmStore *self,
                   CrmQuote *quote,
                   CrmDeal  *deal)
{
  g_autoptr(CrmContact) contact = NULL;
  g_autoptr(CrmCompany) company = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  const char *phone = NULL;
  const char *email = NULL;

  if (crm_deal_get_contact_id (deal) > 0)
    contact = crm_store_load_contact (self, crm_deal_get_contact_id (deal), NULL);
  if (crm_deal_get_company_id (deal) > 0)
    company = crm_store_load_company (self, crm_deal_get_company_id (deal), NULL);

  if (company != NULL)
    {
      const char *address = crm_company_get_address (company);
      const char *city = crm_company_get_city (company);

      if (!crm_str_is_blank (address) && !crm_str_is_blank (city))
        g_ptr_array_add (lines, g_strdup_printf ("%s, %s", address, city));
      else if (!crm_str_is_blank (address) || !crm_str_is_blank (city))
        g_ptr_array_add (lines, g_strdup (!crm_str_is_blank (address) ? address : city));
      phone = crm_company_get_phone (company);
      email = crm_company_get_email (company);
    }

  /* The person's own phone and email before the company's. */
  if (contact != NULL && crm_contact_get_phones (contact) != NULL && crm_contact_get_phones (contact)[0] != NULL)
    phone = crm_contact_get_phones (contact)[0];
  if (contact != NULL && crm_contact_get_emails (contact) != NULL && crm_contact_get_emails (contact)[0] != NULL)
    email = crm_contact_get_emails (contact)[0];
  if (!crm_str_is_blank (phone))
    g_ptr_array_add (lines, g_strdup (phone));
  if (!crm_str_is_blank (email))
    g_ptr_array_add (lines, g_strdup (email));

  g_ptr_array_add (lines, NULL);
  details = g_strjoinv ("\n", (char **)lines->pdata);

  crm_quote_set_customer (quote,
                          contact != NULL ? crm_contact_get_name (contact) : NULL,
                          company != NULL ? crm_company_get_name (company) : crm_deal_get_company_name (deal),
                          *details != '\0' ? details : NULL);
}

/* A template line as a quote line: a product's line takes its code,
 * price, lowest price, VAT, kind and currency from the product, and its
 * description from the product's name in the quote's language unless the
 * template gives one. */
static CrmQuoteLine *
line_from_template (CrmStore                    *self,
                    const CrmQuoteTemplateLine  *template_line,
                    const char                  *language,
                    const char                  *currency,
                    GError                     **error)
{
  g_autoptr(CrmQuoteLine) line = crm_quote_line_new ();

  if (template_line->product_id > 0)
    {
      g_autoptr(CrmProduct) product = crm_store_find_product (self, template_line->product_id);

      if (product == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                       _("Product %lld does not exist."), (long long)template_line->product_id);
          return NULL;
        }

      crm_quote_line_set_product_id (line, crm_product_get_id (product));
      crm_quote_line_set_code (line, crm_product_get_code (product));
      crm_quote_line_set_description (line, crm_product_get_name_for_language (product, language));
      crm_quote_line_set_unit_price (line, crm_product_get_price (product));
      crm_quote_line_set_floor_price (line, crm_product_get_floor_price (product));
      crm_quote_line_set_currency (line, crm_product_get_currency (product));
      crm_quote_line_set_vat_rate (line, crm_product_get_vat_rate (product));
      crm_quote_line_set_kind (line, crm_product_get_kind (product));
    }
  else
    {
      crm_quote_line_set_currency (line, currency);
      crm_quote_line_set_floor_price (line, -1);
      crm_quote_line_set_vat_rate (line, self->procedure != NULL ? crm_procedure_get_quote_vat_rate (self->procedure) : 0);
      crm_quote_line_set_kind (line, CRM_PRODUCT_OTHER);
    }

  if (template_line->description != NULL)
    crm_quote_line_set_description (line, template_line->description);
  crm_quote_line_set_quantity (line, template_line->quantity);
  crm_quote_line_set_discount (line, template_line->discount);

  return g_steal_pointer (&line);
}

static CrmQuoteTemplate *
find_template (CrmStore  *self,
               gint64     template_id,
               GError   **error)
{
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (self);

  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CrmQuoteTemplate) template = g_list_model_get_item (templates, i);

      if (crm_quote_template_get_id (template) == template_id)
        return g_steal_pointer (&template);
    }

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
               _("Quote template %lld does not exist."), (long long)template_id);
  return NULL;
}

/* Lines of one variant name go to one variant, in the order the names
 * first appear (AXL-9: "Basic", then "Extended"). */
static gboolean
fill_from_template (CrmStore  *self,
                    CrmQuote  *quote,
                    gint64     template_id,
                    GError   **error)
{
  g_autoptr(CrmQuoteTemplate) template = find_template (self, template_id, error);
  g_autoptr(GHashTable) variants = NULL;

  if (template == NULL)
    return FALSE;

  variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  remove_variants (quote);

  for (guint i = 0; i < crm_quote_template_get_n_lines (template); i++)
    {
      const CrmQuoteTemplateLine *template_line = crm_quote_template_get_line (template, i);
      const char *name = template_line->variant != NULL ? template_line->variant : "";
      CrmQuoteVariant *variant = g_hash_table_lookup (variants, name);
      g_autoptr(CrmQuoteLine) line = line_from_template (self, template_line, crm_quote_get_language (quote),
                                                         crm_quote_get_currency (quote), error);

      if (line == NULL)
        return FALSE;

      if (variant == NULL)
        {
          variant = crm_quote_variant_new (name);
          g_hash_table_insert (variants, g_strdup (name), variant);
          crm_quote_add_variant (quote, variant);
        }
      crm_quote_variant_append_line (variant, line);
    }

  return TRUE;
}

/* The next number of @year, inside the caller's transaction: a create
 * that rolls back gives it back, so numbers have no gaps. */
static char *
next_number (CrmStore  *self,
             gint       year,
             GError   **error)
{
  g_autoptr(CrmStatement) bump = NULL;
  g_autoptr(CrmStatement) read = NULL;

  bump = crm_db_prepare (self->db,
                         "INSERT INTO quote_numbers (year, last) VALUES (?1, 1) "
                         "ON CONFLICT (year) DO UPDATE SET last = quote_numbers.last + 1",
                         error);
  if (bump == NULL)
    return NULL;

  crm_statement_bind_int64 (bump, 1, year);
  if (!crm_statement_run (bump, error))
    return NULL;

  read = crm_db_prepare (self->db, "SELECT last FROM quote_numbers WHERE year = ?1", error);
  if (read == NULL)
    return NULL;

  crm_statement_bind_int64 (read, 1, year);
  if (crm_statement_step (read, error) != CRM_STEP_ROW)
    return NULL;

  return g_strdup_printf ("Q-%04d-%04" G_GINT64_FORMAT, year, crm_statement_get_int64 (read, 0));
}

/**
 * crm_store_create_quote:
 * @self: a #CrmStore
 * @deal_id: the deal the quote is for
 * @template_id: a quote template to start from, or 0 for one empty variant
 * @language: (nullable): "en", "he" or "ru"; %NULL for the interface's
 * @error: return location for a #GError
 *
 * Creates a draft quote (TW-5) and gives it the next number of the year,
 * gap-free ("Q-2026-0001"), in the same transaction. Its currency is the
 * procedure's quote currency, else the deal's; it is valid for the
 * procedure's days from today; the customer block comes from the deal's
 * contact and company, the header from the organisation's settings, the
 * payment term from the procedure's first (TW-6). Any user may.
 *
 * Returns: (transfer full) (nullable): the stored draft
 */
CrmQuote *
crm_store_create_quote (CrmStore    *self,
                        gint64       deal_id,
                        gint64       template_id,
                        const char  *language,
                        GError     **error)
{
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *valid_until = NULL;
  g_autofree char *number = NULL;
  g_autofree char *now = NULL;
  const char *currency;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (self->procedure == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                           _("Pick a procedure before writing quotes."));
      return NULL;
    }

  if (language == NULL)
    language = crm_number_default_language ();
  if (!_crm_store_check_quote_language (language, error))
    return NULL;

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return NULL;

  currency = crm_procedure_get_quote_currency (self->procedure);
  if (currency == NULL)
    currency = crm_deal_get_currency (deal);

  quote = crm_quote_new (self->procedure, language, currency);
  valid_until = _crm_store_quote_valid_until (self);
  crm_quote_set_valid_until (quote, valid_until);
  snapshot_customer (self, quote, deal);
  snapshot_organization (self, quote);

  if (template_id > 0 && !fill_from_template (self, quote, template_id, error))
    return NULL;
  if (g_list_model_get_n_items (crm_quote_get_variants (quote)) == 0)
    {
      g_autoptr(CrmQuoteVariant) variant = crm_quote_variant_new ("");

      crm_quote_add_variant (quote, variant);
    }

  today = local_now (self);
  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return NULL;

  if (!_crm_store_commit_or_rollback (self,
                                      (number = next_number (self, g_date_time_get_year (today), error)) != NULL &&
                                      (id = _crm_store_insert_quote (self, deal_id, number, 1, quote, now, error)) != 0 &&
                                      _crm_store_add_audit (self, "create", "quote", id, NULL, number, now, error),
                                      error))
    return NULL;

  _crm_store_emit_quotes_changed (self, deal_id);
  return crm_store_load_quote (self, id, error);
}

