/* crm-store-deal-save.c
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

#define G_LOG_DOMAIN "crm-store-deal-save"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-strings.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-email.h"
#include "crm-limits.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"
#include "crm-user.h"

/* Saving what the deal card, a new lead and a move write: each field
 * checked and normalised as the procedure says, then the contact, the
 * company, the deal and its custom fields in one transaction with their
 * audit rows. */

const char *
_crm_store_get_region (CrmStore *self)
{
  if (self->procedure != NULL && crm_procedure_get_country (self->procedure) != NULL)
    return crm_procedure_get_country (self->procedure);

  return "IL";
}

/**
 * crm_store_check_field_value:
 * @self: a #CrmStore
 * @key: a custom field key of the procedure
 * @value: the text typed for it
 * @normalized: (out) (optional): the value as it will be stored
 * @error: return location for a #GError
 *
 * Checks one custom field value against its definition, so that the deal
 * card can show a problem at the field as it is typed. The store runs the
 * same check again when saving.
 *
 * Returns: %TRUE when @value fits the field
 */
gboolean
crm_store_check_field_value (CrmStore    *self,
                             const char  *key,
                             const char  *value,
                             char       **normalized,
                             GError     **error)
{
  const CrmProcedureField *field = NULL;
  g_autofree char *trimmed = NULL;
  const char *name;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->procedure != NULL)
    field = crm_procedure_find_field (self->procedure, key);

  if (field == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("The procedure has no field “%s”."), key);
      return FALSE;
    }

  name = crm_text_get (&field->name);

  /* Bounded before a number or a date is parsed out of it. */
  if (!crm_limits_dup_trimmed (name, value, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &trimmed, error))
    return FALSE;

  if (trimmed != NULL)
    {
      switch (field->type)
        {
        case CRM_FIELD_NUMBER:
          {
            g_autofree char *plain = NULL;

            if (!_crm_store_check_number (self, field, trimmed, &plain, error))
              return FALSE;
            g_free (trimmed);
            trimmed = g_steal_pointer (&plain);
          }
          break;

        case CRM_FIELD_CHOICE:
          {
            gboolean found = FALSE;

            for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
              {
                const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, i);

                found |= g_strcmp0 (choice->key, trimmed) == 0;
              }

            if (!found)
              {
                g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                             _("%s: “%s” is not one of the choices."), name, trimmed);
                return FALSE;
              }
          }
          break;

        case CRM_FIELD_BOOLEAN:
          if (g_strcmp0 (trimmed, "true") != 0 && g_strcmp0 (trimmed, "false") != 0)
            {
              g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("%s: “%s” is neither yes nor no."), name, trimmed);
              return FALSE;
            }
          break;

        case CRM_FIELD_DATE:
          {
            g_autofree char *iso = g_strconcat (trimmed, "T00:00:00Z", NULL);
            g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

            if (date == NULL || strlen (trimmed) != 10)
              {
                g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                             _("%s: “%s” is not a date (YYYY-MM-DD)."), name, trimmed);
                return FALSE;
              }
          }
          break;

        case CRM_FIELD_TEXT:
        default:
          break;
        }
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&trimmed);

  return TRUE;
}

/* Everything a deal card saves, checked and normalised before the
 * transaction starts so that a bad field never leaves half a save behind. */
typedef struct
{
  char       *title;
  gint64      pipeline_id;
  gint64      stage_id;
  char       *contact_name;
  GStrv       phones;
  GStrv       emails;
  char       *company_name;
  char       *company_email;
  char       *company_phone;
  /* Bounded and cleaned (crm-limits.h), as they are written. */
  char       *position;
  char       *website;
  char       *city;
  char       *address;
  char       *next_step;
  GHashTable *fields;   /* key → normalised value, NULL value to clear */
} SaveData;

static void
save_data_clear (SaveData *data)
{
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->contact_name, g_free);
  g_clear_pointer (&data->phones, g_strfreev);
  g_clear_pointer (&data->emails, g_strfreev);
  g_clear_pointer (&data->company_name, g_free);
  g_clear_pointer (&data->company_email, g_free);
  g_clear_pointer (&data->company_phone, g_free);
  g_clear_pointer (&data->fields, g_hash_table_unref);
  g_clear_pointer (&data->position, g_free);
  g_clear_pointer (&data->website, g_free);
  g_clear_pointer (&data->city, g_free);
  g_clear_pointer (&data->address, g_free);
  g_clear_pointer (&data->next_step, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaveData, save_data_clear)

static gint64
first_stage_of (CrmStore *self,
                gint64    pipeline_id)
{
  g_autoptr(GListModel) stages = crm_store_get_stages (self, pipeline_id);
  g_autoptr(CrmStage) first = g_list_model_get_item (stages, 0);

  return first ? crm_stage_get_id (first) : 0;
}

static gboolean
normalize_list (const char * const  *input,
                gboolean           (*normalize) (const char *, char **, GError **, gpointer),
                gpointer             data,
                GStrv               *output,
                GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; input != NULL && input[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (crm_str_is_blank (input[i]))
        continue;

      if (!normalize (input[i], &value, error, data))
        return FALSE;

      g_strv_builder_add (builder, value);
    }

  *output = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * _crm_store_normalize_phone:
 * @self: a #CrmStore
 * @input: a phone number as typed
 * @out: (out): the number in E.164
 * @error: return location for a #GError
 *
 * Parses a phone number with the procedure's country, the one way every
 * save, move and call answer checks a phone.
 *
 * Returns: %TRUE when @input is a valid number
 */
gboolean
_crm_store_normalize_phone (CrmStore    *self,
                            const char  *input,
                            char       **out,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (crm_phone_normalize (input, _crm_store_get_region (self), out, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE, local_error->message);
  return FALSE;
}

gboolean
_crm_store_normalize_email (const char  *input,
                            char       **out,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (crm_email_normalize (input, out, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL, local_error->message);
  return FALSE;
}

static gboolean
normalize_phone_cb (const char  *input,
                    char       **out,
                    GError     **error,
                    gpointer     data)
{
  return _crm_store_normalize_phone (data, input, out, error);
}

static gboolean
normalize_email_cb (const char  *input,
                    char       **out,
                    GError     **error,
                    gpointer     data)
{
  return _crm_store_normalize_email (input, out, error);
}

static gboolean
prepare_save (CrmStore    *self,
              CrmDeal     *deal,
              CrmContact  *contact,
              CrmCompany  *company,
              GHashTable  *field_values,
              SaveData    *data,
              GError     **error)
{
  const char *currency = crm_deal_get_currency (deal);
  CrmStage *stage;

  /* Every text is bounded and cleaned before anything parses it
   * (docs/engine.md, "Limits"). */
  if (!crm_limits_dup_trimmed (_("Title"), crm_deal_get_title (deal), CRM_LIMIT_TITLE, CRM_TEXT_LINE,
                               &data->title, error) ||
      !crm_limits_dup_trimmed (_("Next Step"), crm_deal_get_next_step (deal), CRM_LIMIT_TEXT, CRM_TEXT_LINE,
                               &data->next_step, error))
    return FALSE;

  if (data->title == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_TITLE,
                           _("A deal needs a title."));
      return FALSE;
    }

  if (crm_deal_get_amount (deal) < 0 || currency == NULL || strlen (currency) != 3)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                           _("The amount must not be negative and needs a three-letter currency (ILS, RUB, USD…)."));
      return FALSE;
    }

  /* A new deal without a stage starts in the first stage of its pipeline. */
  data->pipeline_id = crm_deal_get_pipeline_id (deal);
  if (data->pipeline_id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)) > 0)
    {
      g_autoptr(CrmPipeline) first = g_list_model_get_item (G_LIST_MODEL (self->pipelines), 0);

      data->pipeline_id = crm_pipeline_get_id (first);
    }

  data->stage_id = crm_deal_get_stage_id (deal);
  if (data->stage_id == 0)
    data->stage_id = first_stage_of (self, data->pipeline_id);

  stage = crm_store_find_stage (self, data->stage_id);
  if (stage == NULL || crm_stage_get_pipeline_id (stage) != data->pipeline_id)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("Stage %lld is not a stage of this deal’s pipeline."),
                   (long long)data->stage_id);
      return FALSE;
    }

  if (contact != NULL)
    {
      if (!crm_limits_dup_trimmed (_("Name"), crm_contact_get_name (contact), CRM_LIMIT_NAME, CRM_TEXT_LINE,
                                   &data->contact_name, error) ||
          !crm_limits_dup_trimmed (_("Position"), crm_contact_get_position (contact), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->position, error))
        return FALSE;

      if (!normalize_list (crm_contact_get_phones (contact), normalize_phone_cb,
                           self, &data->phones, error) ||
          !normalize_list (crm_contact_get_emails (contact), normalize_email_cb,
                           NULL, &data->emails, error))
        return FALSE;

      if (data->contact_name == NULL &&
          (data->phones[0] != NULL || data->emails[0] != NULL || crm_contact_get_id (contact) > 0))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                               _("The contact needs a name."));
          return FALSE;
        }
    }

  if (company != NULL)
    {
      const char *phone = crm_company_get_phone (company);
      const char *email = crm_company_get_email (company);

      if (!crm_limits_dup_trimmed (_("Company"), crm_company_get_name (company), CRM_LIMIT_COMPANY,
                                   CRM_TEXT_LINE, &data->company_name, error) ||
          !crm_limits_dup_trimmed (_("Website"), crm_company_get_website (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->website, error) ||
          !crm_limits_dup_trimmed (_("City"), crm_company_get_city (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->city, error) ||
          !crm_limits_dup_trimmed (_("Address"), crm_company_get_address (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->address, error))
        return FALSE;

      if (!crm_str_is_blank (phone) && !_crm_store_normalize_phone (self, phone, &data->company_phone, error))
        return FALSE;
      if (!crm_str_is_blank (email) && !_crm_store_normalize_email (email, &data->company_email, error))
        return FALSE;

      if (data->company_name == NULL &&
          (data->company_phone != NULL || data->company_email != NULL || crm_company_get_id (company) > 0))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                               _("The company needs a name."));
          return FALSE;
        }
    }

  data->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (field_values != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, field_values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *normalized = NULL;

          if (!crm_store_check_field_value (self, key, value, &normalized, error))
            return FALSE;

          g_hash_table_insert (data->fields, g_strdup (key), g_steal_pointer (&normalized));
        }
    }

  return TRUE;
}

static gboolean
write_company (CrmStore    *self,
               CrmCompany  *company,
               SaveData    *data,
               const char  *now,
               gint64      *company_id,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_company_get_id (company);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE companies SET name = ?2, phone = ?3, email = ?4, website = ?5, "
                           "city = ?6, address = ?7 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO companies (name, phone, email, website, city, address, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, data->company_name);
  crm_statement_bind_text (stmt, 3, data->company_phone);
  crm_statement_bind_text (stmt, 4, data->company_email);
  crm_statement_bind_text (stmt, 5, data->website);
  crm_statement_bind_text (stmt, 6, data->city);
  crm_statement_bind_text (stmt, 7, data->address);
  if (id == 0)
    crm_statement_bind_text (stmt, 8, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *company_id = id > 0 ? id : crm_db_last_insert_id (self->db);
  return TRUE;
}

static gboolean
write_strings (CrmStore            *self,
               const char          *delete_sql,
               const char          *insert_sql,
               gint64               owner_id,
               const char * const  *values,
               GError             **error)
{
  g_autoptr(CrmStatement) del = crm_db_prepare (self->db, delete_sql, error);

  if (del == NULL)
    return FALSE;

  crm_statement_bind_int64 (del, 1, owner_id);
  if (!crm_statement_run (del, error))
    return FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(CrmStatement) insert = crm_db_prepare (self->db, insert_sql, error);

      if (insert == NULL)
        return FALSE;

      crm_statement_bind_int64 (insert, 1, owner_id);
      crm_statement_bind_int64 (insert, 2, i);
      crm_statement_bind_text (insert, 3, values[i]);
      if (!crm_statement_run (insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_contact (CrmStore    *self,
               CrmContact  *contact,
               SaveData    *data,
               gint64       company_id,
               const char  *now,
               gint64      *contact_id,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_contact_get_id (contact);

  /* The card writes the contact's lifecycle and classification: a lead
   * may have become an opportunity (HS-4). */
  _crm_store_note_change (self, CRM_STORE_CHANGED_LEADS);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE contacts SET company_id = ?2, name = ?3, position = ?4, "
                           "lifecycle = ?5, classification = ?6 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO contacts (company_id, name, position, lifecycle, classification, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_id (stmt, 2, company_id);
  crm_statement_bind_text (stmt, 3, data->contact_name);
  crm_statement_bind_text (stmt, 4, data->position);
  crm_statement_bind_text (stmt, 5, crm_contact_get_lifecycle (contact));
  crm_statement_bind_text (stmt, 6, crm_contact_get_classification (contact));
  if (id == 0)
    crm_statement_bind_text (stmt, 7, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *contact_id = id > 0 ? id : crm_db_last_insert_id (self->db);

  return write_strings (self,
                        "DELETE FROM contact_phones WHERE contact_id = ?1",
                        "INSERT INTO contact_phones (contact_id, position, number) VALUES (?1, ?2, ?3)",
                        *contact_id, (const char * const *)data->phones, error) &&
         write_strings (self,
                        "DELETE FROM contact_emails WHERE contact_id = ?1",
                        "INSERT INTO contact_emails (contact_id, position, address) VALUES (?1, ?2, ?3)",
                        *contact_id, (const char * const *)data->emails, error);
}

static gboolean
write_deal (CrmStore    *self,
            CrmDeal     *deal,
            SaveData    *data,
            gint64       contact_id,
            gint64       company_id,
            const char  *now,
            gint64      *deal_id,
            GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_deal_get_id (deal);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE deals SET title = ?2, contact_id = ?3, company_id = ?4, pipeline_id = ?5, "
                           "stage_id = ?6, amount = ?7, currency = ?8, owner_id = ?9, source = ?10, "
                           "next_step = ?11, expected_close = ?12, updated_at = ?13 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO deals (title, contact_id, company_id, pipeline_id, stage_id, amount, "
                           "currency, owner_id, source, next_step, expected_close, updated_at, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, data->title);
  crm_statement_bind_id (stmt, 3, contact_id);
  crm_statement_bind_id (stmt, 4, company_id);
  crm_statement_bind_int64 (stmt, 5, data->pipeline_id);
  crm_statement_bind_int64 (stmt, 6, data->stage_id);
  crm_statement_bind_int64 (stmt, 7, crm_deal_get_amount (deal));
  crm_statement_bind_text (stmt, 8, crm_deal_get_currency (deal));
  crm_statement_bind_id (stmt, 9, crm_deal_get_owner_id (deal) > 0 ? crm_deal_get_owner_id (deal)
                                                                   : self->current_user_id);
  crm_statement_bind_text (stmt, 10, crm_deal_get_source (deal));
  crm_statement_bind_text (stmt, 11, data->next_step);
  crm_statement_bind_text (stmt, 12, crm_deal_get_expected_close (deal));
  crm_statement_bind_text (stmt, 13, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *deal_id = id > 0 ? id : crm_db_last_insert_id (self->db);
  return TRUE;
}

gboolean
_crm_store_write_fields (CrmStore    *self,
                         gint64       deal_id,
                         GHashTable  *fields,
                         GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  /* TW-6 on every path that writes fields: checked before the first
   * statement, inside the caller's transaction. */
  if (!_crm_store_check_payment_values (self, deal_id, fields, error))
    return FALSE;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(CrmStatement) stmt = NULL;

      if (value == NULL)
        stmt = crm_db_prepare (self->db,
                               "DELETE FROM deal_field_values WHERE deal_id = ?1 "
                               "AND field_id = (SELECT id FROM field_defs WHERE key = ?2)",
                               error);
      else
        stmt = crm_db_prepare (self->db,
                               "INSERT INTO deal_field_values (deal_id, field_id, value) "
                               "SELECT ?1, id, ?3 FROM field_defs WHERE key = ?2 "
                               "ON CONFLICT (deal_id, field_id) DO UPDATE SET value = excluded.value",
                               error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, deal_id);
      crm_statement_bind_text (stmt, 2, key);
      if (value != NULL)
        crm_statement_bind_text (stmt, 3, value);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Row versions (issue 10, item 5). The card sends the versions it read;
 * inside the save's transaction each is read again, and on a server the
 * row stays locked until the commit (FOR UPDATE), so nobody writes it
 * between the check and the write. A version of 0 was never read (an
 * object made by hand): nothing to compare. */
typedef struct
{
  const char *sqlite_sql;
  const char *postgresql_sql;
} VersionQuery;

static const VersionQuery deal_version = {
  "SELECT version FROM deals WHERE id = ?1",
  "SELECT version FROM deals WHERE id = ?1 FOR UPDATE",
};
static const VersionQuery contact_version = {
  "SELECT version FROM contacts WHERE id = ?1",
  "SELECT version FROM contacts WHERE id = ?1 FOR UPDATE",
};
static const VersionQuery company_version = {
  "SELECT version FROM companies WHERE id = ?1",
  "SELECT version FROM companies WHERE id = ?1 FOR UPDATE",
};

/* The row's version now; 0 when the row is not there. */
static gboolean
read_version (CrmStore            *self,
              const VersionQuery  *query,
              gint64               id,
              gint64              *version,
              GError             **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare_dialect (self->db, query->sqlite_sql,
                                                          query->postgresql_sql, error);
  CrmStep step;

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_ERROR)
    return FALSE;

  *version = step == CRM_STEP_ROW ? crm_statement_get_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Who wrote the deal last, and when, as the audit log says. */
static char *
describe_last_writer (CrmStore *self,
                      gint64    deal_id)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  const char *name;

  stmt = crm_db_prepare (self->db,
                         "SELECT u.name, a.at FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "
                         "WHERE a.entity = 'deal' AND a.entity_id = ?1 ORDER BY a.id DESC LIMIT 1",
                         NULL);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  name = crm_statement_get_text (stmt, 0);
  at = g_date_time_new_from_iso8601 (crm_statement_get_text (stmt, 1), NULL);
  if (name == NULL || at == NULL)
    return NULL;

  local = g_date_time_to_local (at);
  when = g_date_time_format (local, "%x %H:%M");

  /* Translators: someone's name, then a date and time */
  return g_strdup_printf (_("%s changed this deal on %s, after you opened it."), name, when);
}

static gboolean
check_version (CrmStore            *self,
               const VersionQuery  *query,
               gint64               id,
               gint64               expected,
               gboolean            *matches,
               GError             **error)
{
  gint64 found = 0;

  *matches = TRUE;
  if (id <= 0 || expected <= 0)
    return TRUE;

  if (!read_version (self, query, id, &found, error))
    return FALSE;

  /* A row that is gone is the NOT_FOUND of the writes that follow. */
  *matches = found == 0 || found == expected;
  return TRUE;
}

/* Whether the deal, its contact and its company are still as the caller
 * read them; a conflict says who saved in between when it is known. */
static gboolean
check_versions (CrmStore    *self,
                CrmDeal     *deal,
                CrmContact  *contact,
                CrmCompany  *company,
                SaveData    *data,
                GError     **error)
{
  gboolean matches;

  if (!check_version (self, &deal_version, crm_deal_get_id (deal), crm_deal_get_version (deal), &matches, error))
    return FALSE;
  if (!matches)
    {
      g_autofree char *who = describe_last_writer (self, crm_deal_get_id (deal));

      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT,
                           who != NULL ? who : _("Someone else changed this deal after you opened it."));
      return FALSE;
    }

  if (contact != NULL && data->contact_name != NULL)
    {
      if (!check_version (self, &contact_version, crm_contact_get_id (contact),
                          crm_contact_get_version (contact), &matches, error))
        return FALSE;
      if (!matches)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT,
                       _("Someone else changed the contact “%s” after you opened this deal."),
                       crm_contact_get_name (contact));
          return FALSE;
        }
    }

  if (company != NULL && data->company_name != NULL)
    {
      if (!check_version (self, &company_version, crm_company_get_id (company),
                          crm_company_get_version (company), &matches, error))
        return FALSE;
      if (!matches)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT,
                       _("Someone else changed the company “%s” after you opened this deal."),
                       crm_company_get_name (company));
          return FALSE;
        }
    }

  return TRUE;
}

/* The versions the save left, read before the commit: what the caller's
 * objects were written at. */
typedef struct
{
  gint64 deal;
  gint64 contact;
  gint64 company;
} SavedVersions;

static gboolean
read_saved_versions (CrmStore       *self,
                     gint64          deal_id,
                     gint64          contact_id,
                     gint64          company_id,
                     SavedVersions  *saved,
                     GError        **error)
{
  return read_version (self, &deal_version, deal_id, &saved->deal, error) &&
         (contact_id <= 0 || read_version (self, &contact_version, contact_id, &saved->contact, error)) &&
         (company_id <= 0 || read_version (self, &company_version, company_id, &saved->company, error));
}

/**
 * crm_store_save_deal:
 * @self: a #CrmStore
 * @deal: the deal; id 0 creates it
 * @contact: (nullable): its contact, created when its id is 0 and it has a name
 * @company: (nullable): its company, likewise
 * @field_values: (nullable) (element-type utf8 utf8): custom field values by
 *   key; an empty value clears the field
 * @error: return location for a #GError
 *
 * Saves what the deal card edits in one transaction. Every value is checked
 * first (title, phones and emails through libphonenumber and the email
 * rules, custom fields against their type); on any problem nothing is
 * written and @error names it. On success the objects get their new ids
 * and the versions they were written at.
 *
 * The deal, its contact and its company are saved only if they are still
 * at the versions they were read at: when someone else saved one of them
 * in between (on a team server), nothing is written and @error is
 * %CRM_STORE_ERROR_CONFLICT, naming who and when if the audit log says.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_save_deal (CrmStore    *self,
                     CrmDeal     *deal,
                     CrmContact  *contact,
                     CrmCompany  *company,
                     GHashTable  *field_values,
                     GError     **error)
{
  g_auto(SaveData) data = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gint64 old_stage_id = 0;
  gint64 final_stage_id = 0;
  g_autofree char *old_updated_at = NULL;
  g_autofree char *old_source = NULL;
  SavedVersions saved = { 0 };
  gint64 company_id;
  gint64 contact_id;
  gint64 deal_id = 0;
  gboolean creating;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_DEAL (deal), FALSE);

  if (!prepare_save (self, deal, contact, company, field_values, &data, error))
    return FALSE;

  creating = crm_deal_get_id (deal) == 0;
  if (!creating)
    {
      g_autoptr(CrmDeal) old = crm_store_load_deal (self, crm_deal_get_id (deal), error);

      /* On a server, another's deal is refused before anything is
       * written; so is giving one's own away (the new owner below). */
      if (old == NULL || !_crm_store_require_deal_owner (self, crm_deal_get_owner_id (old), error))
        return FALSE;
      old_stage_id = crm_deal_get_stage_id (old);
      old_updated_at = _crm_store_format_timestamp (crm_deal_get_updated_at (old));
      old_source = g_strdup (crm_deal_get_source (old));
    }

  if (crm_deal_get_owner_id (deal) > 0 &&
      !_crm_store_require_deal_owner (self, crm_deal_get_owner_id (deal), error))
    return FALSE;

  /* A source given or changed must be one of the procedure's; one stored
   * before sources were checked does not stop other edits. */
  if ((creating || g_strcmp0 (old_source, crm_deal_get_source (deal)) != 0) &&
      !_crm_store_check_source_key (self, crm_deal_get_source (deal), error))
    return FALSE;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  company_id = crm_deal_get_company_id (deal);
  contact_id = crm_deal_get_contact_id (deal);

  if (!crm_db_begin (self->db, error))
    return FALSE;

  if (!check_versions (self, deal, contact, company, &data, error) ||
      (data.company_name != NULL &&
       !write_company (self, company, &data, now_text, &company_id, error)) ||
      (data.contact_name != NULL &&
       !write_contact (self, contact, &data, company_id, now_text, &contact_id, error)) ||
      !write_deal (self, deal, &data, contact_id, company_id, now_text, &deal_id, error) ||
      !_crm_store_write_fields (self, deal_id, data.fields, error) ||
      ((creating || old_stage_id != data.stage_id) &&
       !_crm_store_enter_stage_checked (self, deal_id, old_stage_id, data.stage_id, creating, now,
                                        &final_stage_id, error)) ||
      !_crm_store_add_audit (self, creating ? "create" : "update", "deal", deal_id, NULL, NULL, now_text, error) ||
      (old_stage_id != 0 && old_stage_id != data.stage_id &&
       !_crm_store_add_audit (self, "move", "deal", deal_id,
                              _crm_store_stage_key (self, old_stage_id),
                              _crm_store_stage_key (self, data.stage_id), now_text, error)) ||
      !read_saved_versions (self, deal_id, contact_id, company_id, &saved, error) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  /* Only a committed save changes the caller's objects. */
  if (company != NULL && data.company_name != NULL)
    {
      crm_company_set_id (company, company_id);
      crm_company_set_version (company, saved.company);
    }
  if (contact != NULL && data.contact_name != NULL)
    {
      crm_contact_set_id (contact, contact_id);
      crm_contact_set_version (contact, saved.contact);
      crm_contact_set_company_id (contact, company_id);
      crm_contact_set_phones (contact, (const char * const *)data.phones);
      crm_contact_set_emails (contact, (const char * const *)data.emails);
    }
  crm_deal_set_id (deal, deal_id);
  crm_deal_set_version (deal, saved.deal);
  crm_deal_set_title (deal, data.title);
  crm_deal_set_pipeline_id (deal, data.pipeline_id);
  /* A stage's rule may have passed the deal on (AXL-8). */
  if (final_stage_id != 0 && final_stage_id != data.stage_id)
    {
      data.stage_id = final_stage_id;
      data.pipeline_id = crm_stage_get_pipeline_id (crm_store_find_stage (self, final_stage_id));
      crm_deal_set_pipeline_id (deal, data.pipeline_id);
    }
  crm_deal_set_stage_id (deal, data.stage_id);
  crm_deal_set_contact_id (deal, contact_id);
  crm_deal_set_company_id (deal, company_id);
  crm_deal_set_updated_at (deal, now);
  if (creating)
    crm_deal_set_created_at (deal, now);

  _crm_store_relocate_in_lists (self, deal_id, old_stage_id, old_updated_at, data.stage_id, now_text);

  _crm_store_signal_deal_changed (self, deal_id);
  return TRUE;
}

/**
 * _crm_store_save_deal_amount:
 * @self: a #CrmStore
 * @deal_id: the deal
 * @amount: its new amount, in minor units of @currency
 * @currency: the amount's ISO 4217 code
 * @now: the time of the write
 * @old_updated_at: (out): where the deal sorted before, for the lists
 * @error: return location for a #GError
 *
 * The deal card's save of the deal alone, changing its amount, inside the
 * caller's transaction: a sent quote sets the deal's amount (AXL-9) with
 * the same checks and audit as an amount typed on the card. After the
 * commit, _crm_store_announce_saved_deal() tells the board.
 *
 * Returns: %TRUE on success; the caller rolls back otherwise
 */
gboolean
_crm_store_save_deal_amount (CrmStore    *self,
                             gint64       deal_id,
                             gint64       amount,
                             const char  *currency,
                             GDateTime   *now,
                             char       **old_updated_at,
                             GError     **error)
{
  g_auto(SaveData) data = { 0 };
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  gint64 saved_id = 0;

  g_return_val_if_fail (crm_db_in_transaction (self->db), FALSE);

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return FALSE;

  *old_updated_at = _crm_store_format_timestamp (crm_deal_get_updated_at (deal));
  crm_deal_set_amount (deal, amount);
  crm_deal_set_currency (deal, currency);

  return prepare_save (self, deal, NULL, NULL, NULL, &data, error) &&
         write_deal (self, deal, &data, crm_deal_get_contact_id (deal), crm_deal_get_company_id (deal),
                     now_text, &saved_id, error) &&
         _crm_store_add_audit (self, "update", "deal", deal_id, NULL, NULL, now_text, error);
}

/* After the commit of _crm_store_save_deal_amount(): the deal stays in its
 * stage and sorts as touched now. */
void
_crm_store_announce_saved_deal (CrmStore   *self,
                                gint64      deal_id,
                                const char *old_updated_at,
                                GDateTime  *now)
{
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self, deal_id, NULL);
  gint64 stage_id = deal != NULL ? crm_deal_get_stage_id (deal) : 0;

  if (stage_id != 0)
    _crm_store_relocate_in_lists (self, deal_id, stage_id, old_updated_at, stage_id, now_text);
  _crm_store_signal_deal_changed (self, deal_id);
}

/**
 * _crm_store_insert_deal:
 * @self: a #CrmStore
 * @deal: a new deal, its contact and company given by id
 * @now: the time of the write
 * @error: return location for a #GError
 *
 * crm_store_save_deal() for a new deal without contact or company objects,
 * inside the caller's transaction, so that a lead and its deal (AXL-1,
 * HS-3) are written together or not at all. The same checks and the first
 * stage's rules apply. @deal gets its id and stage; once the transaction
 * is committed, _crm_store_announce_new_deal() tells the board.
 *
 * Returns: %TRUE on success; the caller rolls back otherwise
 */
gboolean
_crm_store_insert_deal (CrmStore    *self,
                        CrmDeal     *deal,
                        GDateTime   *now,
                        GError     **error)
{
  g_auto(SaveData) data = { 0 };
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  gint64 final_stage_id = 0;
  gint64 deal_id = 0;

  g_return_val_if_fail (crm_deal_get_id (deal) == 0, FALSE);
  g_return_val_if_fail (crm_db_in_transaction (self->db), FALSE);

  if (!_crm_store_check_source_key (self, crm_deal_get_source (deal), error) ||
      !prepare_save (self, deal, NULL, NULL, NULL, &data, error) ||
      !write_deal (self, deal, &data, crm_deal_get_contact_id (deal), crm_deal_get_company_id (deal),
                   now_text, &deal_id, error) ||
      !_crm_store_enter_stage_checked (self, deal_id, 0, data.stage_id, TRUE, now, &final_stage_id, error) ||
      !_crm_store_add_audit (self, "create", "deal", deal_id, NULL, NULL, now_text, error))
    return FALSE;

  if (final_stage_id != 0)
    data.stage_id = final_stage_id;

  crm_deal_set_id (deal, deal_id);
  crm_deal_set_title (deal, data.title);
  crm_deal_set_stage_id (deal, data.stage_id);
  crm_deal_set_pipeline_id (deal, crm_stage_get_pipeline_id (crm_store_find_stage (self, data.stage_id)));
  crm_deal_set_updated_at (deal, now);
  crm_deal_set_created_at (deal, now);

  return TRUE;
}

/* After the commit of _crm_store_insert_deal(). */
void
_crm_store_announce_new_deal (CrmStore *self,
                              CrmDeal  *deal)
{
  g_autofree char *now_text = _crm_store_format_timestamp (crm_deal_get_updated_at (deal));

  _crm_store_relocate_in_lists (self, crm_deal_get_id (deal), 0, NULL, crm_deal_get_stage_id (deal), now_text);
  _crm_store_signal_deal_changed (self, crm_deal_get_id (deal));
}

/**
 * crm_store_move_deal:
 * @self: a #CrmStore
 * @deal_id: the deal to move
 * @stage_id: the stage to move it to, in the deal's pipeline
 * @previous_stage_id: (out) (optional): where the deal was, for undo
 * @error: return location for a #GError
 *
 * Moves a deal to another stage through the procedure engine, with no
 * values to fill in: a stage whose rules require a field the deal lacks is
 * refused with %CRM_STORE_ERROR_MISSING_FIELDS. See
 * crm_store_move_deal_with_values().
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_move_deal (CrmStore  *self,
                     gint64     deal_id,
                     gint64     stage_id,
                     gint64    *previous_stage_id,
                     GError   **error)
{
  return crm_store_move_deal_with_values (self, deal_id, stage_id, NULL, previous_stage_id, error);
}
