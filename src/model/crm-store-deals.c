/* crm-store-deals.c
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

#define G_LOG_DOMAIN "crm-store-deals"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* Reading deals: the board's pages of a stage, and a deal with its
 * contact, company and custom fields for the deal card. */

/* The columns a deal is read with, in the order deal_from_row() expects.
 * The next open task's due time and the stage's kind let a card warn about
 * RAD-5 and RAD-6 without a query of its own; the subquery is one lookup
 * in tasks_deal per deal of the page. */
#define DEAL_COLUMNS \
  "d.id, d.title, d.contact_id, ct.name, d.company_id, co.name, d.pipeline_id, " \
  "d.stage_id, d.amount, d.currency, d.owner_id, u.name, d.source, d.next_step, " \
  "d.expected_close, d.created_at, d.updated_at, " \
  "(SELECT min (t.due_at) FROM tasks t WHERE t.deal_id = d.id AND t.closed_at IS NULL), " \
  "s.kind, d.version " \
  "FROM deals d " \
  "LEFT JOIN contacts ct ON ct.id = d.contact_id " \
  "LEFT JOIN companies co ON co.id = d.company_id " \
  "LEFT JOIN users u ON u.id = d.owner_id " \
  "LEFT JOIN stages s ON s.id = d.stage_id "

static GDateTime *
parse_timestamp (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

static CrmDeal *
deal_from_row (CrmStatement *stmt)
{
  CrmDeal *deal = crm_deal_new ();
  g_autoptr(GDateTime) created_at = parse_timestamp (crm_statement_get_text (stmt, 15));
  g_autoptr(GDateTime) updated_at = parse_timestamp (crm_statement_get_text (stmt, 16));
  g_autoptr(GDateTime) next_task_due = parse_timestamp (crm_statement_get_text (stmt, 17));
  const char *stage_kind = crm_statement_get_text (stmt, 18);

  crm_deal_set_version (deal, crm_statement_get_int64 (stmt, 19));
  crm_deal_set_id (deal, crm_statement_get_int64 (stmt, 0));
  crm_deal_set_title (deal, crm_statement_get_text (stmt, 1));
  crm_deal_set_contact_id (deal, crm_statement_get_int64 (stmt, 2));
  crm_deal_set_contact_name (deal, crm_statement_get_text (stmt, 3));
  crm_deal_set_company_id (deal, crm_statement_get_int64 (stmt, 4));
  crm_deal_set_company_name (deal, crm_statement_get_text (stmt, 5));
  crm_deal_set_pipeline_id (deal, crm_statement_get_int64 (stmt, 6));
  crm_deal_set_stage_id (deal, crm_statement_get_int64 (stmt, 7));
  crm_deal_set_amount (deal, crm_statement_get_int64 (stmt, 8));
  crm_deal_set_currency (deal, crm_statement_get_text (stmt, 9));
  crm_deal_set_owner_id (deal, crm_statement_get_int64 (stmt, 10));
  crm_deal_set_owner_name (deal, crm_statement_get_text (stmt, 11));
  crm_deal_set_source (deal, crm_statement_get_text (stmt, 12));
  crm_deal_set_next_step (deal, crm_statement_get_text (stmt, 13));
  crm_deal_set_expected_close (deal, crm_statement_get_text (stmt, 14));
  crm_deal_set_created_at (deal, created_at);
  crm_deal_set_updated_at (deal, updated_at);
  crm_deal_set_next_task_due (deal, next_task_due);
  if (g_strcmp0 (stage_kind, "won") == 0)
    crm_deal_set_stage_kind (deal, CRM_STAGE_WON);
  else if (g_strcmp0 (stage_kind, "lost") == 0)
    crm_deal_set_stage_kind (deal, CRM_STAGE_LOST);

  return deal;
}

/* The list's order, and the same order read from the bottom up. The
 * deals_stage_order index serves both, and the row-value comparison
 * starts a page by seeking in it: no page costs more than its rows. */
#define STAGE_ORDER   "ORDER BY d.updated_at DESC, d.id DESC "
#define STAGE_REVERSE "ORDER BY d.updated_at ASC, d.id ASC "

static const char *
stage_rows_sql (gboolean has_key,
                gboolean backwards)
{
  /* Without a key the page is found by position, on the index alone: the
   * inner select skips index entries, not joined rows. */
  if (!has_key && !backwards)
    return "SELECT " DEAL_COLUMNS
           "WHERE d.id IN (SELECT id FROM deals WHERE stage_id = ?1 "
           "ORDER BY updated_at DESC, id DESC LIMIT ?2 OFFSET ?3) " STAGE_ORDER;
  if (!has_key)
    return "SELECT " DEAL_COLUMNS
           "WHERE d.id IN (SELECT id FROM deals WHERE stage_id = ?1 "
           "ORDER BY updated_at ASC, id ASC LIMIT ?2 OFFSET ?3) " STAGE_REVERSE;
  if (!backwards)
    return "SELECT " DEAL_COLUMNS
           "WHERE d.stage_id = ?1 AND (d.updated_at, d.id) < (?4, ?5) " STAGE_ORDER "LIMIT ?2";
  return "SELECT " DEAL_COLUMNS
         "WHERE d.stage_id = ?1 AND (d.updated_at, d.id) > (?4, ?5) " STAGE_REVERSE "LIMIT ?2";
}

/* Runs on the worker's connection: see crm-store-reader.c. @keys gets
 * each deal's updated_at as stored, the text the next page seeks from. */
gboolean
_crm_store_read_stage_rows (CrmDb       *db,
                            gint64       stage_id,
                            const char  *key,
                            gint64       key_id,
                            gboolean     backwards,
                            guint        skip,
                            guint        limit,
                            GPtrArray   *deals,
                            GPtrArray   *keys,
                            GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  guint first = deals->len;
  CrmStep step;

  stmt = crm_db_prepare (db, stage_rows_sql (key != NULL, backwards), error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, stage_id);
  crm_statement_bind_int64 (stmt, 2, limit);
  if (key == NULL)
    crm_statement_bind_int64 (stmt, 3, skip);
  else
    {
      crm_statement_bind_text (stmt, 4, key);
      crm_statement_bind_int64 (stmt, 5, key_id);
    }

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      g_ptr_array_add (deals, deal_from_row (stmt));
      g_ptr_array_add (keys, g_strdup (crm_statement_get_text (stmt, 16)));
    }

  if (step != CRM_STEP_DONE)
    return FALSE;

  if (backwards)
    {
      /* Read bottom up: put the rows in list order. */
      for (guint i = first, j = deals->len; i + 1 < j; i++, j--)
        {
          gpointer swap = deals->pdata[i];

          deals->pdata[i] = deals->pdata[j - 1];
          deals->pdata[j - 1] = swap;
          swap = keys->pdata[i];
          keys->pdata[i] = keys->pdata[j - 1];
          keys->pdata[j - 1] = swap;
        }
    }

  return TRUE;
}

/* Runs on the worker's connection. Amounts of different currencies are
 * never added up: a column with shekels and dollars shows both totals.
 * The deals_stage_amount index holds all three columns, so this reads
 * the index and not the rows; it runs when a column first shows and after
 * writes the list cannot follow (a moves' amounts are applied in place). */
gboolean
_crm_store_read_stage_totals (CrmDb       *db,
                              gint64       stage_id,
                              GArray      *totals,
                              GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (db,
                         "SELECT currency, count(*), sum(amount) FROM deals "
                         "WHERE stage_id = ?1 GROUP BY currency",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, stage_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      CrmStageTotal total = { { 0 }, 0, 0 };

      g_strlcpy (total.currency, crm_statement_get_text (stmt, 0), sizeof total.currency);
      total.n_deals = (guint)crm_statement_get_int64 (stmt, 1);
      total.amount = crm_statement_get_int64 (stmt, 2);
      g_array_append_val (totals, total);
    }

  return step == CRM_STEP_DONE;
}

/* The row a card shows, on the main connection, with its sort key: what a
 * list's copy of the deal becomes after a committed change. */
CrmDeal *
_crm_store_read_card_row (CrmStore  *self,
                          gint64     deal_id,
                          char     **key)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db, "SELECT " DEAL_COLUMNS "WHERE d.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  *key = g_strdup (crm_statement_get_text (stmt, 16));
  return deal_from_row (stmt);
}

/**
 * crm_store_count_deals:
 * @self: a #CrmStore
 *
 * Returns: the number of deals in the database
 */
guint
crm_store_count_deals (CrmStore *self)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_db_prepare (self->db, "SELECT count(*) FROM deals", NULL);
  if (stmt == NULL || crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}

typedef enum
{
  MISSING_DEAL,
  MISSING_CONTACT,
  MISSING_COMPANY,
} Missing;

/* One whole sentence per kind: the noun's gender changes the verb in Hebrew
 * and Russian, so the sentence is not assembled from a label. */
static void
set_not_found (GError  **error,
               Missing   what,
               gint64    id)
{
  static const char * const messages[] = {
    N_("Deal %lld does not exist."),
    N_("Contact %lld does not exist."),
    N_("Company %lld does not exist."),
  };

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
               _(messages[what]), (long long)id);
}

/**
 * crm_store_load_deal:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the deal
 */
CrmDeal *
crm_store_load_deal (CrmStore  *self,
                     gint64     deal_id,
                     GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (self->db, "SELECT " DEAL_COLUMNS "WHERE d.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_ROW)
    return deal_from_row (stmt);

  if (step == CRM_STEP_DONE)
    set_not_found (error, MISSING_DEAL, deal_id);

  return NULL;
}

static GStrv
load_strings (CrmStore    *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  CrmStep step;

  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    g_strv_builder_add (builder, crm_statement_get_text (stmt, 0));

  if (step == CRM_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * crm_store_load_contact:
 * @self: a #CrmStore
 * @contact_id: a contact
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the contact with phones and emails
 */
CrmContact *
crm_store_load_contact (CrmStore  *self,
                        gint64     contact_id,
                        GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(CrmContact) contact = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) emails = NULL;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (self->db,
                         "SELECT id, company_id, name, position, lifecycle, classification, version "
                         "FROM contacts WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  step = crm_statement_step (stmt, error);
  if (step != CRM_STEP_ROW)
    {
      if (step == CRM_STEP_DONE)
        set_not_found (error, MISSING_CONTACT, contact_id);
      return NULL;
    }

  contact = crm_contact_new ();
  crm_contact_set_id (contact, crm_statement_get_int64 (stmt, 0));
  crm_contact_set_company_id (contact, crm_statement_get_int64 (stmt, 1));
  crm_contact_set_name (contact, crm_statement_get_text (stmt, 2));
  crm_contact_set_position (contact, crm_statement_get_text (stmt, 3));
  crm_contact_set_lifecycle (contact, crm_statement_get_text (stmt, 4));
  crm_contact_set_classification (contact, crm_statement_get_text (stmt, 5));
  crm_contact_set_version (contact, crm_statement_get_int64 (stmt, 6));

  phones = load_strings (self, "SELECT number FROM contact_phones WHERE contact_id = ?1 ORDER BY position",
                         contact_id, error);
  if (phones == NULL)
    return NULL;
  emails = load_strings (self, "SELECT address FROM contact_emails WHERE contact_id = ?1 ORDER BY position",
                         contact_id, error);
  if (emails == NULL)
    return NULL;

  crm_contact_set_phones (contact, (const char * const *)phones);
  crm_contact_set_emails (contact, (const char * const *)emails);

  return g_steal_pointer (&contact);
}

/**
 * crm_store_load_company:
 * @self: a #CrmStore
 * @company_id: a company
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the company
 */
CrmCompany *
crm_store_load_company (CrmStore  *self,
                        gint64     company_id,
                        GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmCompany *company;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (self->db,
                         "SELECT id, name, phone, email, website, city, address, version FROM companies WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, company_id);
  step = crm_statement_step (stmt, error);
  if (step != CRM_STEP_ROW)
    {
      if (step == CRM_STEP_DONE)
        set_not_found (error, MISSING_COMPANY, company_id);
      return NULL;
    }

  company = crm_company_new ();
  crm_company_set_id (company, crm_statement_get_int64 (stmt, 0));
  crm_company_set_name (company, crm_statement_get_text (stmt, 1));
  crm_company_set_phone (company, crm_statement_get_text (stmt, 2));
  crm_company_set_email (company, crm_statement_get_text (stmt, 3));
  crm_company_set_website (company, crm_statement_get_text (stmt, 4));
  crm_company_set_city (company, crm_statement_get_text (stmt, 5));
  crm_company_set_address (company, crm_statement_get_text (stmt, 6));
  crm_company_set_version (company, crm_statement_get_int64 (stmt, 7));

  return company;
}

/**
 * crm_store_load_field_values:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the deal's custom field values, by field key
 */
GHashTable *
crm_store_load_field_values (CrmStore  *self,
                             gint64     deal_id,
                             GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (self->db,
                         "SELECT f.key, v.value FROM deal_field_values v "
                         "JOIN field_defs f ON f.id = v.field_id WHERE v.deal_id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    g_hash_table_insert (values,
                         g_strdup (crm_statement_get_text (stmt, 0)),
                         g_strdup (crm_statement_get_text (stmt, 1)));

  if (step == CRM_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&values);
}

/**
 * crm_store_find_latest_deal:
 * @self: a #CrmStore
 * @kind: "deal", "contact" or "company"
 * @id: the row's id
 *
 * Finds the deal to open for a search result: the deal itself, or the most
 * recently touched deal of a contact or company.
 *
 * Returns: the deal id, or 0 when none is linked
 */
gint64
crm_store_find_latest_deal (CrmStore   *self,
                            const char *kind,
                            gint64      id)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (g_strcmp0 (kind, "deal") == 0)
    return id;

  if (g_strcmp0 (kind, "contact") == 0)
    stmt = crm_db_prepare (self->db,
                           "SELECT id FROM deals WHERE contact_id = ?1 ORDER BY updated_at DESC LIMIT 1",
                           NULL);
  else if (g_strcmp0 (kind, "company") == 0)
    stmt = crm_db_prepare (self->db,
                           "SELECT id FROM deals WHERE company_id = ?1 ORDER BY updated_at DESC LIMIT 1",
                           NULL);

  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return crm_statement_get_int64 (stmt, 0);
}
