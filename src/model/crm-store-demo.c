/* crm-store-demo.c
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

#define G_LOG_DOMAIN "crm-store-demo"

#include "config.h"

#include "crm-db.h"
#include "crm-store-private.h"

/* The bulk writer behind crm_demo_populate(): the demo data (and the
 * benchmarks' 100,000 deals) go straight into the tables inside the one
 * transaction the caller holds, without the per-deal checks and audit of
 * crm_store_save_deal(), which would make a large board take minutes to
 * generate. crm-demo.c decides what the department looks like; the SQL is
 * here, with the rest of the store's. */

static gint64
run_insert (CrmStatement  *stmt,
            CrmDb         *db,
            GError       **error)
{
  if (!crm_statement_run (stmt, error))
    return 0;

  return crm_db_last_insert_id (db);
}

gint64
_crm_store_demo_add_user (CrmStore    *self,
                          const char  *name,
                          const char  *role,
                          GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, "INSERT INTO users (name, role) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return 0;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, role);
  return run_insert (stmt, self->db, error);
}

gint64
_crm_store_demo_add_company (CrmStore    *self,
                             const char  *name,
                             const char  *city,
                             const char  *now,
                             GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO companies (name, city, created_at) VALUES (?1, ?2, ?3)",
                         error);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, city);
  crm_statement_bind_text (stmt, 3, now);
  return run_insert (stmt, self->db, error);
}

static gboolean
add_contact_detail (CrmStore    *self,
                    const char  *sql,
                    gint64       contact_id,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, contact_id);
  crm_statement_bind_text (stmt, 2, text);
  return crm_statement_run (stmt, error);
}

/* A contact with one mobile and, HS-2, one email at @contact's domain. */
gint64
_crm_store_demo_add_contact (CrmStore              *self,
                             const CrmDemoContact  *contact,
                             GError               **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *address = NULL;
  gint64 contact_id;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO contacts (company_id, name, position, lifecycle, classification, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, 'relevant', ?5)",
                         error);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, contact->company_id);
  crm_statement_bind_text (stmt, 2, contact->name);
  crm_statement_bind_text (stmt, 3, contact->position);
  crm_statement_bind_text (stmt, 4, contact->lifecycle);
  crm_statement_bind_text (stmt, 5, contact->created_at);
  contact_id = run_insert (stmt, self->db, error);
  if (contact_id == 0)
    return 0;

  address = g_strdup_printf ("client%" G_GINT64_FORMAT "@%s", contact_id, contact->email_domain);
  if (!add_contact_detail (self, "INSERT INTO contact_phones (contact_id, position, number) VALUES (?1, 0, ?2)",
                           contact_id, contact->phone, error) ||
      !add_contact_detail (self, "INSERT INTO contact_emails (contact_id, position, address) VALUES (?1, 0, ?2)",
                           contact_id, address, error))
    return 0;

  return contact_id;
}

gboolean
_crm_store_demo_add_product (CrmStore    *self,
                             const char  *name,
                             gint64       price,
                             const char  *currency,
                             const char  *now,
                             GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO products (name, price, currency, active, created_at) "
                         "VALUES (?1, ?2, ?3, 1, ?4)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_int64 (stmt, 2, price);
  crm_statement_bind_text (stmt, 3, currency);
  crm_statement_bind_text (stmt, 4, now);
  return crm_statement_run (stmt, error);
}

/* The department's name, unless one is set already. */
gboolean
_crm_store_demo_set_organization (CrmStore    *self,
                                  const char  *name,
                                  GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO meta (key, value) VALUES ('organization-name', ?1) "
                         "ON CONFLICT (key) DO NOTHING",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  return crm_statement_run (stmt, error);
}

gint64
_crm_store_demo_add_deal (CrmStore          *self,
                          const CrmDemoDeal *deal,
                          GError           **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO deals (title, contact_id, company_id, pipeline_id, stage_id, amount, "
                         "currency, owner_id, source, next_step, created_at, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                         error);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_text (stmt, 1, deal->title);
  crm_statement_bind_int64 (stmt, 2, deal->contact_id);
  crm_statement_bind_int64 (stmt, 3, deal->company_id);
  crm_statement_bind_int64 (stmt, 4, deal->pipeline_id);
  crm_statement_bind_int64 (stmt, 5, deal->stage_id);
  crm_statement_bind_int64 (stmt, 6, deal->amount);
  crm_statement_bind_text (stmt, 7, deal->currency);
  crm_statement_bind_int64 (stmt, 8, deal->owner_id);
  crm_statement_bind_text (stmt, 9, deal->source);
  crm_statement_bind_text (stmt, 10, deal->next_step);
  crm_statement_bind_text (stmt, 11, deal->created_at);
  crm_statement_bind_text (stmt, 12, deal->updated_at);
  return run_insert (stmt, self->db, error);
}

gboolean
_crm_store_demo_add_task (CrmStore    *self,
                          gint64       deal_id,
                          const char  *title,
                          const char  *due_at,
                          gint64       owner_id,
                          const char  *created_at,
                          GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO tasks (deal_id, title, due_at, owner_id, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, title);
  crm_statement_bind_text (stmt, 3, due_at);
  crm_statement_bind_int64 (stmt, 4, owner_id);
  crm_statement_bind_text (stmt, 5, created_at);
  return crm_statement_run (stmt, error);
}
