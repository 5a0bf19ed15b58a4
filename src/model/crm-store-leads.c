/* crm-store-leads.c
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

#define G_LOG_DOMAIN "crm-store-leads"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-leads.h"

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-email.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-store-private.h"

/*
 * The store's lead intake (HS-1, AXL-1..6) and classification (HS-3, HS-4).
 * Imported lists go through CrmCsvImport, which writes the same rows in
 * bulk; a single lead from a web form, a missed call or an email comes
 * through crm_store_add_lead().
 */

/* The contacts a marketing coordinator still has to look at. */
#define LEAD_CONDITION "lifecycle = ?2 AND classification IS NULL AND (?1 IS NULL OR source = ?1)"

G_DEFINE_QUARK (crm-lead-error-quark, crm_lead_error)

static const char * const classifications[] = {
  CRM_CLASSIFICATION_RELEVANT,
  CRM_CLASSIFICATION_SUPPLIER,
  CRM_CLASSIFICATION_PARTNER,
  CRM_CLASSIFICATION_NOT_RELEVANT,
  CRM_CLASSIFICATION_JUNK,
  NULL
};

/* One line, single spaces, NULL when nothing is left. */
static char *
dup_clean (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static gboolean
matches_folded (const char *folded,
                const char *text)
{
  g_autofree char *other = NULL;

  if (text == NULL)
    return FALSE;

  other = g_utf8_casefold (text, -1);

  return g_str_equal (folded, other);
}

/* Returns the first contact with @e164 or @address, 0 when there is none,
 * -1 on error. */
static gint64
find_contact (CrmDb       *db,
              const char  *e164,
              const char  *address,
              GError     **error)
{
  if (e164 != NULL)
    {
      g_autoptr(CrmStatement) stmt = NULL;
      CrmStep step;

      stmt = crm_db_prepare (db,
                             "SELECT contact_id FROM contact_phones WHERE number = ?1 "
                             "ORDER BY contact_id LIMIT 1",
                             error);
      if (stmt == NULL)
        return -1;

      crm_statement_bind_text (stmt, 1, e164);
      step = crm_statement_step (stmt, error);
      if (step == CRM_STEP_ERROR)
        return -1;
      if (step == CRM_STEP_ROW)
        return crm_statement_get_int64 (stmt, 0);
    }

  if (address != NULL)
    {
      g_autoptr(CrmStatement) stmt = NULL;
      CrmStep step;

      /* The local part keeps the case it was typed in, but nobody has two
       * mailboxes that differ only by case. */
      stmt = crm_db_prepare (db,
                             "SELECT contact_id FROM contact_emails WHERE address = ?1 COLLATE NOCASE "
                             "ORDER BY contact_id LIMIT 1",
                             error);
      if (stmt == NULL)
        return -1;

      crm_statement_bind_text (stmt, 1, address);
      step = crm_statement_step (stmt, error);
      if (step == CRM_STEP_ERROR)
        return -1;
      if (step == CRM_STEP_ROW)
        return crm_statement_get_int64 (stmt, 0);
    }

  return 0;
}

static gboolean
find_or_add_company (CrmDb       *db,
                     const char  *name,
                     const char  *now,
                     gint64      *out_id,
                     GError     **error)
{
  g_autoptr(CrmStatement) find = NULL;
  g_autoptr(CrmStatement) insert = NULL;
  CrmStep step;

  *out_id = 0;
  if (name == NULL)
    return TRUE;

  find = crm_db_prepare (db,
                         "SELECT id FROM companies WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
                         error);
  if (find == NULL)
    return FALSE;

  crm_statement_bind_text (find, 1, name);
  step = crm_statement_step (find, error);
  if (step == CRM_STEP_ERROR)
    return FALSE;
  if (step == CRM_STEP_ROW)
    {
      *out_id = crm_statement_get_int64 (find, 0);
      return TRUE;
    }

  insert = crm_db_prepare (db, "INSERT INTO companies (name, created_at) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;

  crm_statement_bind_text (insert, 1, name);
  crm_statement_bind_text (insert, 2, now);
  if (!crm_statement_run (insert, error))
    return FALSE;

  *out_id = crm_db_last_insert_id (db);
  return TRUE;
}

static gboolean
insert_lead (CrmStore    *store,
             const char  *name,
             const char  *e164,
             const char  *address,
             const char  *company,
             const char  *source,
             const char  *campaign,
             const char  *now,
             gint64      *out_id,
             GError     **error)
{
  CrmDb *db = crm_store_get_db (store);
  g_autoptr(CrmStatement) contact = NULL;
  gint64 company_id;

  if (!find_or_add_company (db, company, now, &company_id, error))
    return FALSE;

  contact = crm_db_prepare (db,
                            "INSERT INTO contacts (company_id, name, lifecycle, source, campaign, created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (contact == NULL)
    return FALSE;

  crm_statement_bind_id (contact, 1, company_id);
  crm_statement_bind_text (contact, 2, name);
  crm_statement_bind_text (contact, 3, CRM_LIFECYCLE_LEAD);
  crm_statement_bind_text (contact, 4, source);
  crm_statement_bind_text (contact, 5, campaign);
  crm_statement_bind_text (contact, 6, now);
  if (!crm_statement_run (contact, error))
    return FALSE;

  *out_id = crm_db_last_insert_id (db);

  if (e164 != NULL)
    {
      g_autoptr(CrmStatement) stmt = NULL;

      stmt = crm_db_prepare (db,
                             "INSERT INTO contact_phones (contact_id, position, number) VALUES (?1, 0, ?2)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, *out_id);
      crm_statement_bind_text (stmt, 2, e164);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  if (address != NULL)
    {
      g_autoptr(CrmStatement) stmt = NULL;

      stmt = crm_db_prepare (db,
                             "INSERT INTO contact_emails (contact_id, position, address) VALUES (?1, 0, ?2)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, *out_id);
      crm_statement_bind_text (stmt, 2, address);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  return _crm_store_add_audit (store, "create", "contact", *out_id, NULL, CRM_LIFECYCLE_LEAD, now, error);
}

/* Reads what classification needs of a contact. */
static gboolean
read_contact (CrmStore    *store,
              gint64       contact_id,
              char       **out_name,
              char       **out_lifecycle,
              char       **out_classification,
              char       **out_source,
              gint64      *out_company_id,
              GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (crm_store_get_db (store),
                         "SELECT name, lifecycle, classification, source, company_id "
                         "FROM contacts WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_ERROR)
    return FALSE;
  if (step == CRM_STEP_DONE)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                   _("Contact %lld does not exist."), (long long) contact_id);
      return FALSE;
    }

  *out_name = g_strdup (crm_statement_get_text (stmt, 0));
  *out_lifecycle = g_strdup (crm_statement_get_text (stmt, 1));
  *out_classification = g_strdup (crm_statement_get_text (stmt, 2));
  *out_source = g_strdup (crm_statement_get_text (stmt, 3));
  *out_company_id = crm_statement_get_int64 (stmt, 4);

  return TRUE;
}

static gboolean
check_is_lead (CrmStore    *store,
               gint64       contact_id,
               char       **out_name,
               char       **out_source,
               gint64      *out_company_id,
               GError     **error)
{
  g_autofree char *lifecycle = NULL;
  g_autofree char *classification = NULL;

  if (!read_contact (store, contact_id, out_name, &lifecycle, &classification, out_source,
                     out_company_id, error))
    return FALSE;

  if (g_strcmp0 (lifecycle, CRM_LIFECYCLE_LEAD) != 0 || classification != NULL)
    {
      g_set_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_NOT_A_LEAD,
                   /* Translators: %s is a contact's name */
                   _("“%s” has been classified already"), *out_name);
      g_clear_pointer (out_name, g_free);
      g_clear_pointer (out_source, g_free);
      return FALSE;
    }

  return TRUE;
}

/* Records the classification and the lifecycle stage it leads to, in a
 * transaction of its own. */
static gboolean
write_classification (CrmStore    *store,
                      gint64       contact_id,
                      const char  *classification,
                      const char  *lifecycle,
                      GError     **error)
{
  CrmDb *db = crm_store_get_db (store);
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GDateTime) now = crm_store_now (store);
  g_autofree char *now_text = _crm_store_format_timestamp (now);

  if (!crm_db_begin (db, error))
    return FALSE;

  stmt = crm_db_prepare (db,
                         "UPDATE contacts SET classification = ?2, lifecycle = ?3 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    {
      crm_db_rollback (db);
      return FALSE;
    }

  crm_statement_bind_int64 (stmt, 1, contact_id);
  crm_statement_bind_text (stmt, 2, classification);
  crm_statement_bind_text (stmt, 3, lifecycle);

  if (!crm_statement_run (stmt, error) ||
      !_crm_store_add_audit (store, "classify", "contact", contact_id, NULL, classification,
                             now_text, error) ||
      !_crm_store_add_audit (store, "lifecycle", "contact", contact_id, CRM_LIFECYCLE_LEAD,
                             lifecycle, now_text, error) ||
      !crm_db_commit (db, error))
    {
      crm_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* HS-3: a relevant lead becomes a deal in the first stage of the first
 * pipeline ("Phone" in HS). */
static gint64
open_deal (CrmStore    *store,
           gint64       contact_id,
           const char  *name,
           const char  *source,
           gint64       company_id,
           GError     **error)
{
  g_autoptr(CrmPipeline) pipeline = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(CrmStage) stage = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *title = NULL;
  CrmProcedure *procedure;
  GListModel *pipelines;

  pipelines = crm_store_get_pipelines (store);
  if (g_list_model_get_n_items (pipelines) > 0)
    pipeline = g_list_model_get_item (pipelines, 0);
  if (pipeline != NULL)
    stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  if (stages != NULL && g_list_model_get_n_items (stages) > 0)
    stage = g_list_model_get_item (stages, 0);

  if (stage == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                           _("The procedure has no pipeline to open the deal in"));
      return 0;
    }

  if (company_id > 0)
    {
      g_autoptr(CrmCompany) company = crm_store_load_company (store, company_id, error);

      if (company == NULL)
        return 0;

      /* Translators: a deal's title, the contact's name and then the company's */
      title = g_strdup_printf (C_("new deal title", "%s — %s"), name, crm_company_get_name (company));
    }
  else
    title = g_strdup (name);

  deal = crm_deal_new ();
  crm_deal_set_title (deal, title);
  crm_deal_set_contact_id (deal, contact_id);
  crm_deal_set_company_id (deal, company_id);
  crm_deal_set_pipeline_id (deal, crm_pipeline_get_id (pipeline));
  crm_deal_set_stage_id (deal, crm_stage_get_id (stage));
  crm_deal_set_source (deal, source);

  procedure = crm_store_get_procedure (store);
  if (procedure != NULL && crm_procedure_get_currency (procedure) != NULL)
    crm_deal_set_currency (deal, crm_procedure_get_currency (procedure));

  /* The contact is passed by id only: the deal card's save would otherwise
   * rewrite the contact's phones and emails from the object. */
  if (!crm_store_save_deal (store, deal, NULL, NULL, NULL, error))
    return 0;

  return crm_deal_get_id (deal);
}

/**
 * crm_store_normalize_lead_source:
 * @store: a #CrmStore
 * @text: (nullable): a source as a form, a list or a person gives it
 *
 * Lead sources are stored as the keys of the procedure's sources, so that
 * "Imported lead list", "imported_list" and the Hebrew or Russian name all
 * land in the same view (HS-1). Text that is none of them is kept as it is,
 * on one line: a list may well name a source the procedure does not know.
 *
 * Returns: (transfer full) (nullable): the source to store, %NULL for none
 */
char *
crm_store_normalize_lead_source (CrmStore   *store,
                                 const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;
  CrmProcedure *procedure;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  clean = dup_clean (text);
  if (clean == NULL)
    return NULL;

  procedure = crm_store_get_procedure (store);
  if (procedure == NULL)
    return g_steal_pointer (&clean);

  folded = g_utf8_casefold (clean, -1);
  for (guint i = 0; i < crm_procedure_get_n_sources (procedure); i++)
    {
      const CrmProcedureChoice *choice = crm_procedure_get_source (procedure, i);

      if (matches_folded (folded, choice->key) ||
          matches_folded (folded, choice->name.en) ||
          matches_folded (folded, choice->name.he) ||
          matches_folded (folded, choice->name.ru))
        return g_strdup (choice->key);
    }

  return g_steal_pointer (&clean);
}

/**
 * crm_store_add_lead:
 * @store: a #CrmStore
 * @name: (nullable): the person's name
 * @phone: (nullable): a phone number as given, in the procedure's region
 *   unless written with "+" and a country code
 * @email: (nullable): an email address
 * @company: (nullable): the company, found by name or created
 * @source: (nullable): where the lead came from; see
 *   crm_store_normalize_lead_source()
 * @campaign: (nullable): the campaign that brought it
 * @out_was_duplicate: (out) (optional): set to %TRUE when a contact with
 *   this phone number or email address existed already
 * @error: return location for a #GError
 *
 * Takes in one lead without anyone at the keyboard: a web form (HS-1,
 * AXL-2), a missed call (AXL-1), a mailbox (AXL-4, AXL-5). It needs a phone
 * number or an email address, each valid when given; without a name the
 * lead is called by its number (AXL-1) or address. A lead whose number or
 * address is known already is not added again: the existing contact's id
 * is returned and nothing is written.
 *
 * Returns: the id of the new or existing contact, 0 with @error set when
 *   the input is not valid or the database failed
 */
gint64
crm_store_add_lead (CrmStore    *store,
                    const char  *name,
                    const char  *phone,
                    const char  *email,
                    const char  *company,
                    const char  *source,
                    const char  *campaign,
                    gboolean    *out_was_duplicate,
                    GError     **error)
{
  g_autofree char *e164 = NULL;
  g_autofree char *address = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_company = NULL;
  g_autofree char *clean_source = NULL;
  g_autofree char *clean_campaign = NULL;
  g_autofree char *phone_text = dup_clean (phone);
  g_autofree char *email_text = dup_clean (email);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  const char *region;
  CrmDb *db;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (out_was_duplicate != NULL)
    *out_was_duplicate = FALSE;

  region = _crm_store_get_region (store);

  if (phone_text != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_phone_normalize (phone_text, region, &e164, &local_error))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE,
                               local_error->message);
          return 0;
        }
    }

  if (email_text != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_email_normalize (email_text, &address, &local_error))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL,
                               local_error->message);
          return 0;
        }
    }

  if (e164 == NULL && address == NULL)
    {
      g_set_error_literal (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_NO_CONTACT_DETAILS,
                           _("A lead needs a phone number or an email address"));
      return 0;
    }

  /* AXL-1: a missed call gives a number and nothing else. */
  clean_name = dup_clean (name);
  if (clean_name == NULL)
    clean_name = e164 != NULL ? crm_phone_format (e164, region) : g_strdup (address);

  clean_company = dup_clean (company);
  clean_source = crm_store_normalize_lead_source (store, source);
  clean_campaign = dup_clean (campaign);

  now = crm_store_now (store);
  now_text = _crm_store_format_timestamp (now);
  db = crm_store_get_db (store);

  /* The duplicate check runs inside the transaction: two forms sent at
   * the same moment still make one lead. */
  if (!crm_db_begin (db, error))
    return 0;

  id = find_contact (db, e164, address, error);
  if (id < 0)
    {
      crm_db_rollback (db);
      return 0;
    }

  if (id > 0)
    {
      crm_db_rollback (db);
      if (out_was_duplicate != NULL)
        *out_was_duplicate = TRUE;
      return id;
    }

  if (!insert_lead (store, clean_name, e164, address, clean_company, clean_source, clean_campaign,
                    now_text, &id, error) ||
      !crm_db_commit (db, error))
    {
      crm_db_rollback (db);
      return 0;
    }

  return id;
}

/**
 * crm_store_get_leads:
 * @store: a #CrmStore
 * @source: (nullable): only the leads of this source, or %NULL for all
 * @error: return location for a #GError
 *
 * The leads still to be classified (HS-3), newest first: one view per
 * source (HS-1), "Leadometer" being the web form's.
 *
 * Returns: (transfer full) (nullable): a list of #CrmContact, with their
 *   phones, emails, source and campaign
 */
GListModel *
crm_store_get_leads (CrmStore    *store,
                     const char  *source,
                     GError     **error)
{
  g_autoptr(GListStore) leads = g_list_store_new (CRM_TYPE_CONTACT);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *key = NULL;
  CrmDb *db;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = crm_store_get_db (store);
  key = crm_store_normalize_lead_source (store, source);

  stmt = crm_db_prepare (db,
                         "SELECT id, company_id, name, position, lifecycle, source, campaign "
                         "FROM contacts WHERE " LEAD_CONDITION " ORDER BY created_at DESC, id DESC",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_text (stmt, 1, key);
  crm_statement_bind_text (stmt, 2, CRM_LIFECYCLE_LEAD);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      g_autoptr(CrmContact) contact = crm_contact_new ();

      crm_contact_set_id (contact, crm_statement_get_int64 (stmt, 0));
      crm_contact_set_company_id (contact, crm_statement_get_int64 (stmt, 1));
      crm_contact_set_name (contact, crm_statement_get_text (stmt, 2));
      crm_contact_set_position (contact, crm_statement_get_text (stmt, 3));
      crm_contact_set_lifecycle (contact, crm_statement_get_text (stmt, 4));
      crm_contact_set_source (contact, crm_statement_get_text (stmt, 5));
      crm_contact_set_campaign (contact, crm_statement_get_text (stmt, 6));

      g_list_store_append (leads, contact);
    }
  if (step == CRM_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, crm_statement_release);

  /* Phones and emails of all of them in two queries, not two per lead. The
   * contacts are owned by the list store, which outlives the table. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (leads)); i++)
    {
      g_autoptr(CrmContact) contact = g_list_model_get_item (G_LIST_MODEL (leads), i);
      gint64 *id = g_new (gint64, 1);

      *id = crm_contact_get_id (contact);
      g_hash_table_insert (by_id, id, contact);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      static const char * const queries[] = {
        "SELECT v.contact_id, v.number FROM contact_phones v JOIN contacts c ON c.id = v.contact_id "
        "WHERE c.lifecycle = ?2 AND c.classification IS NULL AND (?1 IS NULL OR c.source = ?1) "
        "ORDER BY v.contact_id, v.position",
        "SELECT v.contact_id, v.address FROM contact_emails v JOIN contacts c ON c.id = v.contact_id "
        "WHERE c.lifecycle = ?2 AND c.classification IS NULL AND (?1 IS NULL OR c.source = ?1) "
        "ORDER BY v.contact_id, v.position",
      };
      g_autoptr(GStrvBuilder) builder = NULL;
      gint64 current = 0;

      stmt = crm_db_prepare (db, queries[pass], error);
      if (stmt == NULL)
        return NULL;

      crm_statement_bind_text (stmt, 1, key);
      crm_statement_bind_text (stmt, 2, CRM_LIFECYCLE_LEAD);

      for (;;)
        {
          gint64 id = 0;

          step = crm_statement_step (stmt, error);
          if (step == CRM_STEP_ERROR)
            return NULL;
          if (step == CRM_STEP_ROW)
            id = crm_statement_get_int64 (stmt, 0);

          /* A new contact starts, or the rows end: hand the values over. */
          if (builder != NULL && id != current)
            {
              CrmContact *contact = g_hash_table_lookup (by_id, &current);
              g_auto(GStrv) values = g_strv_builder_end (builder);

              g_clear_pointer (&builder, g_strv_builder_unref);
              if (contact != NULL && pass == 0)
                crm_contact_set_phones (contact, (const char * const *) values);
              else if (contact != NULL)
                crm_contact_set_emails (contact, (const char * const *) values);
            }

          if (step == CRM_STEP_DONE)
            break;

          if (builder == NULL)
            builder = g_strv_builder_new ();
          current = id;
          g_strv_builder_add (builder, crm_statement_get_text (stmt, 1));
        }

      g_clear_pointer (&stmt, crm_statement_release);
    }

  return G_LIST_MODEL (g_steal_pointer (&leads));
}

/**
 * crm_store_list_lead_sources:
 * @store: a #CrmStore
 *
 * The sources that have leads still to be classified, for the views of
 * HS-1. Leads without a source are only in the view of all leads.
 *
 * Returns: (transfer full): the sources, sorted; empty when there are none
 */
GStrv
crm_store_list_lead_sources (CrmStore *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  stmt = crm_db_prepare (crm_store_get_db (store),
                         "SELECT DISTINCT source FROM contacts "
                         "WHERE lifecycle = ?1 AND classification IS NULL AND source IS NOT NULL "
                         "ORDER BY source",
                         &error);
  if (stmt != NULL)
    {
      crm_statement_bind_text (stmt, 1, CRM_LIFECYCLE_LEAD);
      while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
        g_strv_builder_add (builder, crm_statement_get_text (stmt, 0));
    }

  if (error != NULL)
    g_warning ("Could not list the sources of leads: %s", error->message);

  return g_strv_builder_end (builder);
}

/**
 * crm_store_classify_lead:
 * @store: a #CrmStore
 * @contact_id: a lead
 * @classification: one of the `CRM_CLASSIFICATION_*` values
 * @out_deal_id: (out) (optional): the deal opened for a relevant lead, else 0
 * @error: return location for a #GError
 *
 * Records what marketing decided about a lead (HS-3). A relevant lead gets
 * a deal in the first stage of the first pipeline, through
 * crm_store_save_deal() and so through the stage's rules; its contact then
 * becomes an opportunity (HS-4). Any other classification (supplier,
 * partner, not relevant, junk) moves the contact to lifecycle "other".
 *
 * The deal and the classification are two transactions, since saving a
 * deal is one of its own. Should the second fail, the deal stays and the
 * classification is not recorded; the error says why. The contact is then
 * no lead any more (the deal made it an opportunity), so classifying it
 * again is refused rather than opening a second deal.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_classify_lead (CrmStore    *store,
                         gint64       contact_id,
                         const char  *classification,
                         gint64      *out_deal_id,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  gint64 company_id = 0;
  gint64 deal_id;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_deal_id != NULL)
    *out_deal_id = 0;

  if (classification == NULL || !g_strv_contains (classifications, classification))
    {
      g_set_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_CLASSIFICATION,
                   /* Translators: %s is what the program was asked to classify a
                    * lead as; keep the list of values untranslated */
                   _("“%s” is not a classification of leads; use relevant, supplier, "
                     "partner, not-relevant or junk"),
                   classification != NULL ? classification : "");
      return FALSE;
    }

  if (!check_is_lead (store, contact_id, &name, &source, &company_id, error))
    return FALSE;

  if (!g_str_equal (classification, CRM_CLASSIFICATION_RELEVANT))
    return write_classification (store, contact_id, classification, CRM_LIFECYCLE_OTHER, error);

  deal_id = open_deal (store, contact_id, name, source, company_id, error);
  if (deal_id == 0)
    return FALSE;

  if (out_deal_id != NULL)
    *out_deal_id = deal_id;

  /* HS-4: opening a deal makes the contact an opportunity. */
  return write_classification (store, contact_id, classification, CRM_LIFECYCLE_OPPORTUNITY, error);
}

static gint64
open_deal_of_contact (CrmStore *store,
                      gint64    contact_id,
                      char    **classification)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (crm_store_get_db (store),
                         "SELECT (SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id "
                         "        WHERE d.contact_id = c.id AND s.kind = 'open' "
                         "        ORDER BY d.updated_at DESC LIMIT 1), c.classification "
                         "FROM contacts c WHERE c.id = ?1",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  *classification = g_strdup (crm_statement_get_text (stmt, 1));
  return crm_statement_get_int64 (stmt, 0);
}

/**
 * crm_store_add_missed_call:
 * @store: a #CrmStore
 * @phone: the caller's number
 * @name: (nullable): the caller's name, if the telephone system knows it
 * @out_deal_id: (out) (optional): the deal that waits for the call back, or 0
 * @out_known_caller: (out) (optional): whether the number was known already
 * @error: return location for a #GError
 *
 * AXL-1: a missed call from a new number creates a deal, and the rep calls
 * back. The caller becomes a lead (or is found again by the number); a
 * lead not classified yet is classified relevant, which opens a deal in
 * the first stage through the procedure engine, and the deal gets a "Call
 * back" task due now, so the missed call stays on the rep's Today list
 * until it is done. A known caller with an open deal gets the task on that
 * deal. When the first stage requires more than a phone (HS needs an
 * email, CON a position), the caller stays a lead to be completed.
 *
 * Returns: the contact's id, or 0 on error
 */
gint64
crm_store_add_missed_call (CrmStore    *store,
                           const char  *phone,
                           const char  *name,
                           gint64      *out_deal_id,
                           gboolean    *out_known_caller,
                           GError     **error)
{
  g_autofree char *classification = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean duplicate = FALSE;
  gint64 contact_id, deal_id;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);

  if (out_deal_id != NULL)
    *out_deal_id = 0;

  contact_id = crm_store_add_lead (store, name, phone, NULL, NULL, "missed-call", NULL, &duplicate, error);
  if (contact_id == 0)
    return 0;

  if (out_known_caller != NULL)
    *out_known_caller = duplicate;

  deal_id = open_deal_of_contact (store, contact_id, &classification);

  if (deal_id == 0 && classification == NULL &&
      !crm_store_classify_lead (store, contact_id, CRM_CLASSIFICATION_RELEVANT, &deal_id, &local_error))
    {
      /* The first stage wants more than a number: the lead waits, with its
       * number, in the Leads page. Anything else is a real error. */
      if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return 0;
        }
      return contact_id;
    }

  if (deal_id == 0)
    return contact_id;

  now = crm_store_now (store);
  if (crm_store_add_task (store, deal_id, _("Call back: missed call"), now, 0, error) == 0)
    return 0;

  if (out_deal_id != NULL)
    *out_deal_id = deal_id;

  return contact_id;
}
