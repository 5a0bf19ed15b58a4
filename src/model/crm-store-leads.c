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
#include "crm-limits.h"
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
       * mailboxes that differ only by case. PostgreSQL has no NOCASE:
       * lower() on both sides. */
      stmt = crm_db_prepare_dialect (db,
                                     "SELECT contact_id FROM contact_emails WHERE address = ?1 COLLATE NOCASE "
                                     "ORDER BY contact_id LIMIT 1",
                                     "SELECT contact_id FROM contact_emails WHERE lower (address) = lower (?1) "
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

  find = crm_db_prepare_dialect (db,
                                 "SELECT id FROM companies WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
                                 "SELECT id FROM companies WHERE lower (name) = lower (?1) ORDER BY id LIMIT 1",
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
  CrmDb *db = _crm_store_get_db (store);
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

  stmt = crm_db_prepare (_crm_store_get_db (store),
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

/* Records the classification and the lifecycle stage it leads to, inside
 * the caller's transaction. */
static gboolean
write_classification (CrmStore    *store,
                      gint64       contact_id,
                      const char  *classification,
                      const char  *lifecycle,
                      const char  *now_text,
                      GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "UPDATE contacts SET classification = ?2, lifecycle = ?3 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  crm_statement_bind_text (stmt, 2, classification);
  crm_statement_bind_text (stmt, 3, lifecycle);

  return crm_statement_run (stmt, error) &&
         _crm_store_add_audit (store, "classify", "contact", contact_id, NULL, classification,
                               now_text, error) &&
         _crm_store_add_audit (store, "lifecycle", "contact", contact_id, CRM_LIFECYCLE_LEAD,
                               lifecycle, now_text, error);
}

/* HS-3: a relevant lead becomes a deal in the first stage of the first
 * pipeline ("Phone" in HS), inside the caller's transaction. */
static CrmDeal *
open_deal (CrmStore    *store,
           gint64       contact_id,
           const char  *name,
           const char  *source,
           gint64       company_id,
           GDateTime   *now,
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
      return NULL;
    }

  if (company_id > 0)
    {
      g_autoptr(CrmCompany) company = crm_store_load_company (store, company_id, error);

      if (company == NULL)
        return NULL;

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

  /* The contact is passed by id only, and the deal is written with the
   * checks and the first stage's rules of the deal card's save. */
  if (!_crm_store_insert_deal (store, deal, now, error))
    return NULL;

  return g_steal_pointer (&deal);
}

/* HS-3, HS-4 inside the caller's transaction: the classification, and for
 * a relevant lead its deal, are written together or not at all. */
static gboolean
classify_in_transaction (CrmStore    *store,
                         gint64       contact_id,
                         const char  *classification,
                         GDateTime   *now,
                         CrmDeal    **out_deal,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_autoptr(CrmDeal) deal = NULL;
  gint64 company_id = 0;

  if (!check_is_lead (store, contact_id, &name, &source, &company_id, error))
    return FALSE;

  if (!g_str_equal (classification, CRM_CLASSIFICATION_RELEVANT))
    return write_classification (store, contact_id, classification, CRM_LIFECYCLE_OTHER, now_text, error);

  deal = open_deal (store, contact_id, name, source, company_id, now, error);

  /* HS-4: opening a deal makes the contact an opportunity. */
  if (deal == NULL ||
      !write_classification (store, contact_id, classification, CRM_LIFECYCLE_OPPORTUNITY, now_text, error))
    return FALSE;

  *out_deal = g_steal_pointer (&deal);
  return TRUE;
}

/* A lead as it will be written, each value bounded, checked and clean. */
typedef struct
{
  char *name;
  char *e164;
  char *address;
  char *company;
  char *source;
  char *campaign;
} LeadInput;

static void
lead_input_clear (LeadInput *input)
{
  g_clear_pointer (&input->name, g_free);
  g_clear_pointer (&input->e164, g_free);
  g_clear_pointer (&input->address, g_free);
  g_clear_pointer (&input->company, g_free);
  g_clear_pointer (&input->source, g_free);
  g_clear_pointer (&input->campaign, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LeadInput, lead_input_clear)

/* One line of at most @max_chars characters, single spaces, controls
 * gone; NULL for blank text. */
static gboolean
dup_bounded (const char  *label,
             const char  *text,
             gsize        max_chars,
             char       **out,
             GError     **error)
{
  g_autofree char *bounded = NULL;

  if (!crm_limits_clean_text (label, text, max_chars, CRM_TEXT_LINE, &bounded, error))
    return FALSE;

  *out = _crm_store_dup_one_line (bounded);
  return TRUE;
}

/* Everything is checked before anything is written: every field is
 * bounded first, then phones and emails parsed, then the source looked up
 * in the procedure. */
static gboolean
prepare_lead (CrmStore    *store,
              const char  *name,
              const char  *phone,
              const char  *email,
              const char  *company,
              const char  *source,
              const char  *campaign,
              LeadInput   *input,
              GError     **error)
{
  g_autofree char *phone_text = NULL;
  g_autofree char *email_text = NULL;
  const char *region = _crm_store_get_region (store);

  if (!dup_bounded (_("Name"), name, CRM_LIMIT_NAME, &input->name, error) ||
      !dup_bounded (_("Phone"), phone, CRM_LIMIT_PHONE, &phone_text, error) ||
      !dup_bounded (_("Email"), email, CRM_LIMIT_EMAIL, &email_text, error) ||
      !dup_bounded (_("Company"), company, CRM_LIMIT_COMPANY, &input->company, error) ||
      !dup_bounded (_("Campaign"), campaign, CRM_LIMIT_TEXT, &input->campaign, error))
    return FALSE;

  if (phone_text != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_phone_normalize (phone_text, region, &input->e164, &local_error))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE,
                               local_error->message);
          return FALSE;
        }
    }

  if (email_text != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!crm_email_normalize (email_text, &input->address, &local_error))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL,
                               local_error->message);
          return FALSE;
        }
    }

  if (input->e164 == NULL && input->address == NULL)
    {
      g_set_error_literal (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_NO_CONTACT_DETAILS,
                           _("A lead needs a phone number or an email address"));
      return FALSE;
    }

  if (!crm_store_check_lead_source (store, source, &input->source, error))
    return FALSE;

  /* AXL-1: a missed call gives a number and nothing else. */
  if (input->name == NULL)
    input->name = input->e164 != NULL ? crm_phone_format (input->e164, region) : g_strdup (input->address);

  return TRUE;
}

/* Inside the caller's transaction, so that two forms sent at the same
 * moment still make one lead: the known contact's id, or the new one's. */
static gint64
write_lead (CrmStore    *store,
            LeadInput   *input,
            const char  *now_text,
            gboolean    *out_was_duplicate,
            GError     **error)
{
  gint64 id;

  *out_was_duplicate = FALSE;

  id = find_contact (_crm_store_get_db (store), input->e164, input->address, error);
  if (id < 0)
    return 0;

  if (id > 0)
    {
      *out_was_duplicate = TRUE;
      return id;
    }

  if (!insert_lead (store, input->name, input->e164, input->address, input->company, input->source,
                    input->campaign, now_text, &id, error))
    return 0;

  return id;
}

/**
 * crm_store_add_lead:
 * @store: a #CrmStore
 * @name: (nullable): the person's name
 * @phone: (nullable): a phone number as given, in the procedure's region
 *   unless written with "+" and a country code
 * @email: (nullable): an email address
 * @company: (nullable): the company, found by name or created
 * @source: (nullable): where the lead came from, one of the procedure's
 *   sources; see crm_store_check_lead_source()
 * @campaign: (nullable): the campaign that brought it
 * @out_was_duplicate: (out) (optional): set to %TRUE when a contact with
 *   this phone number or email address existed already
 * @error: return location for a #GError
 *
 * Takes in one lead without anyone at the keyboard: a web form (HS-1,
 * AXL-2), a missed call (AXL-1), a mailbox (AXL-4, AXL-5). It needs a phone
 * number or an email address, each valid when given; without a name the
 * lead is called by its number (AXL-1) or address. Every value is bounded
 * (docs/engine.md, "Limits") and an unknown source is refused. A lead
 * whose number or address is known already is not added again: the
 * existing contact's id is returned and nothing is written.
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
  g_auto(LeadInput) input = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gboolean duplicate = FALSE;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (out_was_duplicate != NULL)
    *out_was_duplicate = FALSE;

  if (!prepare_lead (store, name, phone, email, company, source, campaign, &input, error))
    return 0;

  now = crm_store_now (store);
  now_text = _crm_store_format_timestamp (now);

  if (!_crm_store_begin (store, error))
    return 0;

  id = write_lead (store, &input, now_text, &duplicate, error);
  if (!_crm_store_commit_or_rollback (store, id > 0, error))
    return 0;

  /* A duplicate is the contact that was there: its lead count moved only
   * when it was made again a lead to classify, which is cheaper to count
   * than to know. */
  _crm_store_note_change (store, CRM_STORE_CHANGED_LEADS);
  _crm_store_announce_changes (store);

  if (out_was_duplicate != NULL)
    *out_was_duplicate = duplicate;

  return id;
}

/* A lead from the columns id, company_id, name, position, lifecycle,
 * source and campaign. */
static CrmContact *
lead_from_row (CrmStatement *stmt)
{
  CrmContact *contact = crm_contact_new ();

  crm_contact_set_id (contact, crm_statement_get_int64 (stmt, 0));
  crm_contact_set_company_id (contact, crm_statement_get_int64 (stmt, 1));
  crm_contact_set_name (contact, crm_statement_get_text (stmt, 2));
  crm_contact_set_position (contact, crm_statement_get_text (stmt, 3));
  crm_contact_set_lifecycle (contact, crm_statement_get_text (stmt, 4));
  crm_contact_set_source (contact, crm_statement_get_text (stmt, 5));
  crm_contact_set_campaign (contact, crm_statement_get_text (stmt, 6));

  return contact;
}

/* Hands each contact of @by_id its phones (@phones) or emails from
 * @stmt's rows of (contact_id, value), ordered by contact and position. */
static gboolean
read_lead_values (CrmStatement  *stmt,
                  gboolean       phones,
                  GHashTable    *by_id,
                  GError       **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gint64 current = 0;
  CrmStep step;

  for (;;)
    {
      gint64 id = 0;

      step = crm_statement_step (stmt, error);
      if (step == CRM_STEP_ERROR)
        return FALSE;
      if (step == CRM_STEP_ROW)
        id = crm_statement_get_int64 (stmt, 0);

      /* A new contact starts, or the rows end: hand the values over. */
      if (builder != NULL && id != current)
        {
          CrmContact *contact = g_hash_table_lookup (by_id, &current);
          g_auto(GStrv) values = g_strv_builder_end (builder);

          g_clear_pointer (&builder, g_strv_builder_unref);
          if (contact != NULL && phones)
            crm_contact_set_phones (contact, (const char * const *) values);
          else if (contact != NULL)
            crm_contact_set_emails (contact, (const char * const *) values);
        }

      if (step == CRM_STEP_DONE)
        return TRUE;

      if (builder == NULL)
        builder = g_strv_builder_new ();
      current = id;
      g_strv_builder_add (builder, crm_statement_get_text (stmt, 1));
    }
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

  db = _crm_store_get_db (store);
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
      g_autoptr(CrmContact) contact = lead_from_row (stmt);

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

      stmt = crm_db_prepare (db, queries[pass], error);
      if (stmt == NULL)
        return NULL;

      crm_statement_bind_text (stmt, 1, key);
      crm_statement_bind_text (stmt, 2, CRM_LIFECYCLE_LEAD);
      if (!read_lead_values (stmt, pass == 0, by_id, error))
        return NULL;

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

  stmt = crm_db_prepare (_crm_store_get_db (store),
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
 * a deal in the first stage of the first pipeline, checked as the deal
 * card's save checks one and through the stage's rules; its contact then
 * becomes an opportunity (HS-4). Any other classification (supplier,
 * partner, not relevant, junk) moves the contact to lifecycle "other".
 * The deal and the classification are one transaction: a refused deal
 * leaves the lead as it was.
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
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GDateTime) now = NULL;

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

  now = crm_store_now (store);
  if (!_crm_store_begin (store, error) ||
      !_crm_store_commit_or_rollback (store,
                                      classify_in_transaction (store, contact_id, classification,
                                                               now, &deal, error),
                                      error))
    return FALSE;

  /* HS-3: the lead is classified, whatever became of it. */
  _crm_store_note_change (store, CRM_STORE_CHANGED_LEADS);
  if (deal != NULL)
    {
      _crm_store_announce_new_deal (store, deal);
      if (out_deal_id != NULL)
        *out_deal_id = crm_deal_get_id (deal);
    }
  _crm_store_announce_changes (store);

  return TRUE;
}

static gint64
open_deal_of_contact (CrmStore  *store,
                      gint64     contact_id,
                      char     **classification,
                      GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "SELECT (SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id "
                         "        WHERE d.contact_id = c.id AND s.kind = 'open' "
                         "        ORDER BY d.updated_at DESC LIMIT 1), c.classification "
                         "FROM contacts c WHERE c.id = ?1",
                         error);
  if (stmt == NULL)
    return -1;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_ERROR)
    return -1;
  if (step != CRM_STEP_ROW)
    return 0;

  *classification = g_strdup (crm_statement_get_text (stmt, 1));
  return crm_statement_get_int64 (stmt, 0);
}

/* AXL-1 inside the caller's transaction: classifying a new caller relevant
 * opens the deal. When the first stage wants more than a number (HS needs
 * an email, CON a position), the savepoint takes the half-written deal back
 * and the lead waits, with its number, in the Leads page. */
static gboolean
open_missed_call_deal (CrmStore   *store,
                       gint64      contact_id,
                       GDateTime  *now,
                       CrmDeal   **out_deal,
                       GError    **error)
{
  CrmDb *db = _crm_store_get_db (store);
  g_autoptr(GError) local_error = NULL;

  if (!crm_db_exec (db, "SAVEPOINT missed_call_deal", error))
    return FALSE;

  if (classify_in_transaction (store, contact_id, CRM_CLASSIFICATION_RELEVANT, now, out_deal, &local_error))
    return crm_db_exec (db, "RELEASE missed_call_deal", error);

  if (!g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return crm_db_exec (db, "ROLLBACK TO missed_call_deal", error) &&
         crm_db_exec (db, "RELEASE missed_call_deal", error);
}

/* The lead, its deal and the call-back task of a missed call. */
static gint64
write_missed_call (CrmStore    *store,
                   LeadInput   *input,
                   GDateTime   *now,
                   gboolean    *out_known_caller,
                   gint64      *out_deal_id,
                   CrmDeal    **out_new_deal,
                   GError     **error)
{
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_autofree char *classification = NULL;
  gint64 contact_id, deal_id;

  contact_id = write_lead (store, input, now_text, out_known_caller, error);
  if (contact_id == 0)
    return 0;

  deal_id = open_deal_of_contact (store, contact_id, &classification, error);
  if (deal_id < 0)
    return 0;

  if (deal_id == 0 && classification == NULL)
    {
      if (!open_missed_call_deal (store, contact_id, now, out_new_deal, error))
        return 0;
      if (*out_new_deal != NULL)
        deal_id = crm_deal_get_id (*out_new_deal);
    }

  if (deal_id > 0 &&
      (!_crm_store_insert_task (store, deal_id, _("Call back: missed call"), now_text, 0, NULL,
                                now_text, NULL, error) ||
       !_crm_store_add_audit (store, "task", "deal", deal_id, NULL, _("Call back: missed call"),
                              now_text, error)))
    return 0;

  *out_deal_id = deal_id;
  return contact_id;
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
 * back. The caller becomes a lead (or is found again by the number), its
 * source the procedure's #CRM_SOURCE_MISSED_CALL (none when an older
 * template does not list it); a lead not classified yet is classified
 * relevant, which opens a deal in the first stage through the procedure
 * engine, and the deal gets a "Call back" task due now, so the missed call
 * stays on the rep's Today list until it is done. A known caller with an
 * open deal gets the task on that deal. When the first stage requires more
 * than a phone (HS needs an email, CON a position), the caller stays a lead
 * to be completed. The lead, the deal and the task are one transaction.
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
  g_auto(LeadInput) input = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(CrmDeal) new_deal = NULL;
  const char *source = NULL;
  gboolean known = FALSE;
  gint64 contact_id, deal_id = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (out_deal_id != NULL)
    *out_deal_id = 0;

  if (_crm_store_check_source_key (store, CRM_SOURCE_MISSED_CALL, NULL))
    source = CRM_SOURCE_MISSED_CALL;

  if (!prepare_lead (store, name, phone, NULL, NULL, source, NULL, &input, error))
    return 0;

  now = crm_store_now (store);
  if (!_crm_store_begin (store, error))
    return 0;

  contact_id = write_missed_call (store, &input, now, &known, &deal_id, &new_deal, error);
  if (!_crm_store_commit_or_rollback (store, contact_id > 0, error))
    return 0;

  /* A caller who was a lead may have become the deal's contact (AXL-1). */
  _crm_store_note_change (store, CRM_STORE_CHANGED_LEADS);

  /* Only what was committed is announced. */
  if (new_deal != NULL)
    _crm_store_announce_new_deal (store, new_deal);
  else if (deal_id > 0)
    _crm_store_emit_deal_changed (store, deal_id);
  _crm_store_announce_changes (store);

  if (out_known_caller != NULL)
    *out_known_caller = known;
  if (out_deal_id != NULL)
    *out_deal_id = deal_id;

  return contact_id;
}

/**
 * crm_store_count_leads_by_source:
 * @store: a #CrmStore
 * @out_total: (out) (optional): the leads of all sources, with those of none
 * @error: return location for a #GError
 *
 * How many leads each source has still to classify (HS-1, HS-3), in one
 * grouped count. Leads without a source count only in @out_total.
 *
 * Returns: (transfer full) (nullable): source keys to counts, as
 *   GUINT_TO_POINTER()
 */
GHashTable *
crm_store_count_leads_by_source (CrmStore  *store,
                                 guint     *out_total,
                                 GError   **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(CrmStatement) stmt = NULL;
  guint total = 0;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "SELECT source, count(*) FROM contacts "
                         "WHERE lifecycle = ?1 AND classification IS NULL GROUP BY source",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_text (stmt, 1, CRM_LIFECYCLE_LEAD);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      const char *source = crm_statement_get_text (stmt, 0);
      guint n = (guint) crm_statement_get_int64 (stmt, 1);

      total += n;
      if (source != NULL)
        g_hash_table_insert (counts, g_strdup (source), GUINT_TO_POINTER (n));
    }
  if (step == CRM_STEP_ERROR)
    return NULL;

  if (out_total != NULL)
    *out_total = total;

  return g_steal_pointer (&counts);
}

void
_crm_lead_row_free (CrmLeadRow *row)
{
  if (row == NULL)
    return;

  g_free (row->created_at);
  g_clear_object (&row->contact);
  g_free (row);
}

gboolean
_crm_store_count_leads (CrmStore    *self,
                        const char  *source,
                        guint       *count,
                        GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *key = crm_store_normalize_lead_source (self, source);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count(*) FROM contacts WHERE " LEAD_CONDITION, error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, key);
  crm_statement_bind_text (stmt, 2, CRM_LIFECYCLE_LEAD);
  if (crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  *count = (guint) crm_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* The phones and emails of a page's leads, by their ids as a JSON array
 * bound to one parameter. */
static gboolean
read_page_values (CrmStore    *self,
                  GPtrArray   *rows,
                  guint        first,
                  GError     **error)
{
  static const char * const queries[] = {
    "SELECT contact_id, number FROM contact_phones "
    "WHERE contact_id IN (SELECT value FROM json_each (?1)) ORDER BY contact_id, position",
    "SELECT contact_id, address FROM contact_emails "
    "WHERE contact_id IN (SELECT value FROM json_each (?1)) ORDER BY contact_id, position",
  };
  /* The same in PostgreSQL's JSON functions. */
  static const char * const pg_queries[] = {
    "SELECT contact_id, number FROM contact_phones "
    "WHERE contact_id IN (SELECT CAST (value AS BIGINT) FROM json_array_elements_text (CAST (?1 AS json))) "
    "ORDER BY contact_id, position",
    "SELECT contact_id, address FROM contact_emails "
    "WHERE contact_id IN (SELECT CAST (value AS BIGINT) FROM json_array_elements_text (CAST (?1 AS json))) "
    "ORDER BY contact_id, position",
  };
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");

  for (guint i = first; i < rows->len; i++)
    {
      CrmLeadRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > first ? "," : "", row->id);
      g_hash_table_insert (by_id, &row->id, row->contact);
    }
  g_string_append_c (ids, ']');

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(CrmStatement) stmt = crm_db_prepare_dialect (_crm_store_get_db (self), queries[pass],
                                                             pg_queries[pass], error);

      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_text (stmt, 1, ids->str);
      if (!read_lead_values (stmt, pass == 0, by_id, error))
        return FALSE;
    }

  return TRUE;
}

/* The page statements, whole literals: one per source filter, keyset
 * side and direction, so that no SQL text is ever formatted. */
#define LEAD_PAGE_SELECT \
  "SELECT id, company_id, name, position, lifecycle, source, campaign, created_at " \
  "FROM contacts WHERE lifecycle = ?2 AND classification IS NULL AND "
#define LEAD_PAGE_NEWEST "ORDER BY created_at DESC, id DESC LIMIT ?5 OFFSET ?6"
#define LEAD_PAGE_OLDEST "ORDER BY created_at ASC, id ASC LIMIT ?5 OFFSET ?6"

static const char *
lead_page_sql (gboolean by_source,
               gboolean has_key,
               gboolean backward)
{
  static const char * const statements[2][4] = {
    {
      LEAD_PAGE_SELECT "?1 IS NULL " LEAD_PAGE_NEWEST,
      LEAD_PAGE_SELECT "?1 IS NULL " LEAD_PAGE_OLDEST,
      LEAD_PAGE_SELECT "?1 IS NULL AND (created_at, id) < (?3, ?4) " LEAD_PAGE_NEWEST,
      LEAD_PAGE_SELECT "?1 IS NULL AND (created_at, id) > (?3, ?4) " LEAD_PAGE_OLDEST,
    },
    {
      LEAD_PAGE_SELECT "source = ?1 " LEAD_PAGE_NEWEST,
      LEAD_PAGE_SELECT "source = ?1 " LEAD_PAGE_OLDEST,
      LEAD_PAGE_SELECT "source = ?1 AND (created_at, id) < (?3, ?4) " LEAD_PAGE_NEWEST,
      LEAD_PAGE_SELECT "source = ?1 AND (created_at, id) > (?3, ?4) " LEAD_PAGE_OLDEST,
    },
  };

  /* Without a key the page is found by offset, from the top or, backward,
   * from the bottom. */
  if (!has_key)
    return statements[by_source][backward ? 1 : 0];

  return statements[by_source][backward ? 3 : 2];
}

/* Reads up to @limit leads of @source into @rows, in the view's order
 * (newest first): after @after, or before it when @backward (the rows
 * still come in the view's order), else from the @offset'th. A page is a
 * walk of the index contacts_lead or contacts_lead_order. */
gboolean
_crm_store_read_leads (CrmStore          *self,
                       const char        *source,
                       const CrmLeadRow  *after,
                       gboolean           backward,
                       guint              offset,
                       guint              limit,
                       GPtrArray         *rows,
                       GError           **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *key = crm_store_normalize_lead_source (self, source);
  const char *sql;
  guint first = rows->len;
  CrmStep step;

  sql = lead_page_sql (key != NULL, after != NULL, backward);
  stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, key);
  crm_statement_bind_text (stmt, 2, CRM_LIFECYCLE_LEAD);
  if (after != NULL)
    {
      crm_statement_bind_text (stmt, 3, after->created_at);
      crm_statement_bind_int64 (stmt, 4, after->id);
    }
  crm_statement_bind_int64 (stmt, 5, limit);
  crm_statement_bind_int64 (stmt, 6, after != NULL ? 0 : offset);

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      CrmLeadRow *row = g_new0 (CrmLeadRow, 1);

      row->contact = lead_from_row (stmt);
      row->id = crm_contact_get_id (row->contact);
      row->created_at = g_strdup (crm_statement_get_text (stmt, 7));
      g_ptr_array_add (rows, row);
    }
  if (step == CRM_STEP_ERROR)
    return FALSE;

  /* Backward came nearest first: the view's order is the other way. */
  if (backward)
    for (guint i = first, j = rows->len; i + 1 < j; i++, j--)
      {
        gpointer tmp = rows->pdata[i];

        rows->pdata[i] = rows->pdata[j - 1];
        rows->pdata[j - 1] = tmp;
      }

  return rows->len == first || read_page_values (self, rows, first, error);
}
