/* crm-store-move-values.c
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

#define G_LOG_DOMAIN "crm-store-move-values"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-strings.h"
#include "crm-db.h"
#include "crm-email.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-limits.h"
#include "crm-stage-verdict.h"
#include "crm-store-private.h"
#include "crm-task.h"
#include "crm-user.h"

/* The values a move brings (a stage form, the command line's --set, a
 * closing's reason): which of the stage's required fields are still
 * missing, each value checked and normalised as the deal card's, and
 * written to the deal, its contact or its company inside the move's
 * transaction. */

/* The deal's own value of one required field, as the verdict's snapshot
 * holds it: the row's built-ins, else one query. */
gboolean
_crm_store_deal_has_value (CrmStore    *self,
                           gint64       deal_id,
                           DealRow     *row,
                           const char  *key,
                           gboolean    *has,
                           GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);

  *has = FALSE;

  if (g_str_equal (key, "source"))
    *has = !crm_str_is_blank (row->source);
  else if (g_str_equal (key, "amount"))
    *has = row->amount > 0;
  else if (g_str_equal (key, "loss_reason"))
    *has = !crm_str_is_blank (row->loss_reason);
  else if (g_str_equal (key, "refused_by_name"))
    *has = !crm_str_is_blank (row->refused_by_name);
  else if (g_str_equal (key, "contact.name"))
    return row->contact_id == 0 ||
           _crm_store_query_has_row (db, "SELECT 1 FROM contacts WHERE id = ?1 AND trim (name) <> ''",
                                     row->contact_id, NULL, has, error);
  else if (g_str_equal (key, "contact.position"))
    return row->contact_id == 0 ||
           _crm_store_query_has_row (db, "SELECT 1 FROM contacts WHERE id = ?1 AND trim (coalesce (position, '')) <> ''",
                                     row->contact_id, NULL, has, error);
  else if (g_str_equal (key, "contact.phone"))
    return row->contact_id == 0 ||
           _crm_store_query_has_row (db, "SELECT 1 FROM contact_phones WHERE contact_id = ?1",
                                     row->contact_id, NULL, has, error);
  else if (g_str_equal (key, "contact.email"))
    return row->contact_id == 0 ||
           _crm_store_query_has_row (db, "SELECT 1 FROM contact_emails WHERE contact_id = ?1",
                                     row->contact_id, NULL, has, error);
  else if (g_str_equal (key, "company.name"))
    *has = row->company_id != 0;
  else
    return _crm_store_query_has_row (db,
                                     "SELECT 1 FROM deal_field_values v JOIN field_defs f ON f.id = v.field_id "
                                     "WHERE v.deal_id = ?1 AND f.key = ?2 AND trim (v.value) <> ''",
                                     deal_id, key, has, error);

  return TRUE;
}

GStrv
_crm_store_missing_fields (CrmStore    *self,
                           gint64       deal_id,
                           DealRow     *row,
                           gint64       from_stage_id,
                           CrmStage    *stage,
                           CrmMoveFlags flags,
                           GHashTable  *values,
                           GError     **error)
{
  g_autoptr(GDateTime) now = crm_store_now (self);
  g_autoptr(CrmStageVerdict) verdict = NULL;

  verdict = _crm_store_judge_move (self, deal_id, row, from_stage_id, stage, flags, FALSE, values, FALSE,
                                   now, error);
  if (verdict == NULL)
    return NULL;

  return g_steal_pointer (&verdict->missing);
}

static gboolean
choice_exists (const CrmProcedureChoice *(*get) (CrmProcedure *, guint),
               guint                     (*count) (CrmProcedure *),
               CrmProcedure             *procedure,
               const char               *key)
{
  for (guint i = 0; procedure != NULL && i < count (procedure); i++)
    if (g_strcmp0 (get (procedure, i)->key, key) == 0)
      return TRUE;

  return FALSE;
}

/* What a closing records besides its reason (crm_store_close_lost()). */
static gboolean
is_closing_key (const char *key)
{
  return g_str_equal (key, "refused_by_name") ||
         g_str_equal (key, "refused_by_position") ||
         g_str_equal (key, "refused_on");
}

/* How long a value given with a move or as a call's answer may be. */
static gsize
limit_of (const char *key)
{
  if (g_str_equal (key, "contact.name") || g_str_equal (key, "refused_by_name"))
    return CRM_LIMIT_NAME;
  if (g_str_equal (key, "company.name"))
    return CRM_LIMIT_COMPANY;
  if (g_str_equal (key, "contact.phone"))
    return CRM_LIMIT_PHONE;
  if (g_str_equal (key, "contact.email"))
    return CRM_LIMIT_EMAIL;

  return CRM_LIMIT_TEXT;
}

/**
 * _crm_store_normalize_values:
 * @self: a #CrmStore
 * @values: (element-type utf8 utf8): values by field key, custom or
 *   built-in ("contact.phone", "amount"…), as typed
 * @error: return location for a #GError
 *
 * Checks and normalises the values given with a move (or a call's answer)
 * before anything is written, so a bad one stores nothing: phones through
 * libphonenumber, emails, choices against the template, amounts into minor
 * units. Blank values are left out.
 *
 * Returns: (transfer full) (nullable): the values as they will be stored
 */
GHashTable *
_crm_store_normalize_values (CrmStore    *self,
                             GHashTable  *values,
                             GError     **error)
{
  g_autoptr(GHashTable) normalized = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  CrmProcedure *procedure = crm_store_get_procedure (self);
  GHashTableIter iter;
  gpointer key, value;

  if (values == NULL)
    return g_steal_pointer (&normalized);

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *label = crm_store_dup_field_label (self, key);
      g_autofree char *clean = NULL;

      /* Bounded and cleaned before anything parses it (docs/engine.md,
       * "Limits"). */
      if (!crm_limits_dup_trimmed (label, value, limit_of (key), CRM_TEXT_LINE, &clean, error))
        return NULL;
      if (clean == NULL)
        continue;

      if (g_str_equal (key, "source") &&
          !choice_exists (crm_procedure_get_source, crm_procedure_get_n_sources, procedure, clean))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                       _("%s: “%s” is not one of the choices."), label, clean);
          return NULL;
        }
      else if (g_str_equal (key, "loss_reason") &&
               !choice_exists (crm_procedure_get_loss_reason, crm_procedure_get_n_loss_reasons, procedure, clean))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                       _("%s: “%s” is not one of the choices."), label, clean);
          return NULL;
        }
      else if (g_str_equal (key, "amount"))
        {
          gint64 amount = 0;

          /* The one money parser of every path: "1,500" is 1500 in English
           * and Hebrew however the amount arrives. */
          if (!_crm_store_parse_amount (self, label, clean, &amount, error))
            return NULL;
          g_free (clean);
          clean = g_strdup_printf ("%" G_GINT64_FORMAT, amount);
        }
      else if (g_str_equal (key, "contact.phone"))
        {
          g_autofree char *e164 = NULL;

          if (!_crm_store_normalize_phone (self, clean, &e164, error))
            return NULL;
          g_free (clean);
          clean = g_steal_pointer (&e164);
        }
      else if (g_str_equal (key, "contact.email"))
        {
          g_autofree char *address = NULL;

          if (!_crm_store_normalize_email (clean, &address, error))
            return NULL;
          g_free (clean);
          clean = g_steal_pointer (&address);
        }
      else if (!g_str_has_prefix (key, "contact.") && !g_str_equal (key, "company.name") &&
               !g_str_equal (key, "source") && !g_str_equal (key, "loss_reason") &&
               !is_closing_key (key))
        {
          g_autofree char *field_value = NULL;

          if (!crm_store_check_field_value (self, key, clean, &field_value, error))
            return NULL;
          g_free (clean);
          clean = g_steal_pointer (&field_value);
        }

      g_hash_table_insert (normalized, g_strdup (key), g_steal_pointer (&clean));
    }

  return g_steal_pointer (&normalized);
}

gboolean
_crm_store_run_update (CrmDb       *db,
                       const char  *sql,
                       gint64       id,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, text);

  return crm_statement_run (stmt, error);
}

static gboolean
link_deal (CrmDb       *db,
           const char  *sql,
           gint64       deal_id,
           gint64       id,
           GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_int64 (stmt, 2, id);

  return crm_statement_run (stmt, error);
}

/* A deal without a contact gets one when the move supplies its name. */
static gboolean
ensure_contact (CrmStore    *self,
                gint64       deal_id,
                DealRow     *row,
                GHashTable  *values,
                const char  *now,
                GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  const char *name = g_hash_table_lookup (values, "contact.name");
  g_autoptr(CrmStatement) stmt = NULL;

  if (row->contact_id != 0)
    return TRUE;

  if (name == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("The contact needs a name."));
      return FALSE;
    }

  stmt = crm_db_prepare (db,
                         "INSERT INTO contacts (company_id, name, created_at) VALUES (?1, ?2, ?3)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_id (stmt, 1, row->company_id);
  crm_statement_bind_text (stmt, 2, name);
  crm_statement_bind_text (stmt, 3, now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  row->contact_id = crm_db_last_insert_id (db);
  return link_deal (db, "UPDATE deals SET contact_id = ?2 WHERE id = ?1", deal_id, row->contact_id, error);
}

static gboolean
add_company (CrmStore    *self,
             gint64       deal_id,
             DealRow     *row,
             const char  *name,
             const char  *now,
             GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(CrmStatement) stmt = NULL;

  if (row->company_id != 0)
    return _crm_store_run_update (db, "UPDATE companies SET name = ?2 WHERE id = ?1", row->company_id, name, error);

  stmt = crm_db_prepare (db, "INSERT INTO companies (name, created_at) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  row->company_id = crm_db_last_insert_id (db);

  /* The deal's contact works there, as the deal card would save it. */
  return link_deal (db, "UPDATE deals SET company_id = ?2 WHERE id = ?1", deal_id, row->company_id, error) &&
         (row->contact_id == 0 ||
          link_deal (db, "UPDATE contacts SET company_id = ?2 WHERE id = ?1 AND company_id IS NULL",
                     row->contact_id, row->company_id, error));
}

/* A phone or an email brought by a move or answered on a call becomes the
 * contact's first: the one the deal card shows and the next call dials.
 * Given again, it moves to the front instead of being stored twice. */
static gboolean
put_first (CrmDb       *db,
           const char  *delete_sql,
           const char  *shift_sql,
           const char  *insert_sql,
           gint64       contact_id,
           const char  *value,
           GError     **error)
{
  return _crm_store_run_update (db, delete_sql, contact_id, value, error) &&
         _crm_store_run_update (db, shift_sql, contact_id, value, error) &&
         _crm_store_run_update (db, insert_sql, contact_id, value, error);
}

static gboolean
apply_contact_value (CrmStore    *self,
                     gint64       deal_id,
                     DealRow     *row,
                     GHashTable  *values,
                     const char  *key,
                     const char  *value,
                     const char  *now,
                     GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);

  /* Clearing a detail of a contact the deal does not have changes nothing. */
  if (value == NULL && row->contact_id == 0)
    return TRUE;

  if (!ensure_contact (self, deal_id, row, values, now, error))
    return FALSE;

  if (g_str_equal (key, "contact.name"))
    return _crm_store_run_update (db, "UPDATE contacts SET name = ?2 WHERE id = ?1", row->contact_id, value, error);
  if (g_str_equal (key, "contact.position"))
    return _crm_store_run_update (db, "UPDATE contacts SET position = ?2 WHERE id = ?1", row->contact_id, value, error);
  if (g_str_equal (key, "contact.phone"))
    return put_first (db,
                      "DELETE FROM contact_phones WHERE contact_id = ?1 AND number = ?2",
                      "UPDATE contact_phones SET position = position + 1 WHERE contact_id = ?1 AND number <> ?2",
                      "INSERT INTO contact_phones (contact_id, position, number) VALUES (?1, 0, ?2)",
                      row->contact_id, value, error);
  if (g_str_equal (key, "contact.email"))
    return put_first (db,
                      "DELETE FROM contact_emails WHERE contact_id = ?1 AND address = ?2",
                      "UPDATE contact_emails SET position = position + 1 WHERE contact_id = ?1 AND address <> ?2",
                      "INSERT INTO contact_emails (contact_id, position, address) VALUES (?1, 0, ?2)",
                      row->contact_id, value, error);

  return TRUE;
}

gboolean
_crm_store_apply_row_values (CrmStore    *self,
                             gint64       deal_id,
                             DealRow     *row,
                             GHashTable  *values,
                             const char  *now,
                             GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean ok = TRUE;

      if (g_str_equal (key, "source"))
        ok = _crm_store_run_update (db, "UPDATE deals SET source = ?2 WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "loss_reason"))
        ok = _crm_store_run_update (db, "UPDATE deals SET loss_reason = ?2 WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "refused_by_name"))
        ok = _crm_store_run_update (db, "UPDATE deals SET refused_by_name = ?2 WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "refused_by_position"))
        ok = _crm_store_run_update (db, "UPDATE deals SET refused_by_position = ?2 WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "refused_on"))
        ok = _crm_store_run_update (db, "UPDATE deals SET closed_at = ?2 WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "amount"))
        ok = _crm_store_run_update (db, "UPDATE deals SET amount = CAST (?2 AS INTEGER) WHERE id = ?1", deal_id, value, error);
      else if (g_str_equal (key, "company.name"))
        ok = add_company (self, deal_id, row, value, now, error);
      else if (g_str_has_prefix (key, "contact."))
        ok = apply_contact_value (self, deal_id, row, values, key, value, now, error);
      else
        g_hash_table_insert (fields, g_strdup (key), g_strdup (value));

      if (!ok)
        return FALSE;
    }

  return _crm_store_write_fields (self, deal_id, fields, error);
}

/**
 * _crm_store_apply_values:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @values: (element-type utf8 utf8): values from
 *   _crm_store_normalize_values(); a %NULL value clears a custom field, the
 *   source or the contact's position
 * @now: the store's time, formatted
 * @error: return location for a #GError
 *
 * Stores values of a deal's custom and built-in fields inside the caller's
 * transaction, the way a move stores the values it brings: a contact or a
 * company is created when the deal has none.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_apply_values (CrmStore    *self,
                         gint64       deal_id,
                         GHashTable  *values,
                         const char  *now,
                         GError     **error)
{
  g_auto(DealRow) row = { 0 };

  return _crm_store_read_deal_row (_crm_store_get_db (self), deal_id, &row, error) &&
         _crm_store_apply_row_values (self, deal_id, &row, values, now, error);
}
