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
#include "crm-product.h"
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
_crm_store_demo_add_product (CrmStore              *self,
                             const CrmProductInfo  *info,
                             const char            *now,
                             GError               **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO products (code, name, name_he, name_ru, price, floor_price, currency, "
                         "vat_rate, kind, active, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, info->code);
  crm_statement_bind_text (stmt, 2, info->name);
  crm_statement_bind_text (stmt, 3, info->name_he);
  crm_statement_bind_text (stmt, 4, info->name_ru);
  crm_statement_bind_int64 (stmt, 5, info->price);
  if (info->floor_price >= 0)
    crm_statement_bind_int64 (stmt, 6, info->floor_price);
  crm_statement_bind_text (stmt, 7, info->currency);
  crm_statement_bind_int64 (stmt, 8, info->vat_rate);
  crm_statement_bind_text (stmt, 9, crm_product_kind_to_key (info->kind));
  crm_statement_bind_text (stmt, 10, now);
  return crm_statement_run (stmt, error);
}

/* A quote template whose lines name their products by code (TW-5). */
gboolean
_crm_store_demo_add_template (CrmStore                   *self,
                              const char                 *name,
                              const CrmDemoTemplateLine  *lines,
                              guint                       n_lines,
                              const char                 *now,
                              GError                    **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 template_id;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO quote_templates (name, created_at, updated_at) VALUES (?1, ?2, ?2)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  template_id = crm_db_last_insert_id (self->db);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmStatement) line = NULL;

      line = crm_db_prepare (self->db,
                             "INSERT INTO quote_template_lines (template_id, position, variant, product_id, "
                             "quantity, discount) "
                             "SELECT ?1, ?2, ?3, id, ?5, ?6 FROM products WHERE code = ?4",
                             error);
      if (line == NULL)
        return FALSE;

      crm_statement_bind_int64 (line, 1, template_id);
      crm_statement_bind_int64 (line, 2, i);
      crm_statement_bind_text (line, 3, lines[i].variant);
      crm_statement_bind_text (line, 4, lines[i].code);
      crm_statement_bind_int64 (line, 5, lines[i].quantity);
      crm_statement_bind_int64 (line, 6, lines[i].discount);
      if (!crm_statement_run (line, error))
        return FALSE;
    }

  return TRUE;
}

/* The open deals at the top of the board, for the demo's quotes. */
guint
_crm_store_demo_pick_open_deals (CrmStore *self,
                                 gint64   *deal_ids,
                                 guint     n_deals)
{
  g_autoptr(CrmStatement) stmt = NULL;
  guint n = 0;

  stmt = crm_db_prepare (self->db,
                         "SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = 'open' "
                         "ORDER BY d.updated_at DESC, d.id DESC LIMIT ?1",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, n_deals);
  while (n < n_deals && crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
    deal_ids[n++] = crm_statement_get_int64 (stmt, 0);

  return n;
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

/* The bulk writer behind crm_demo_populate_bulk(): every row of a table in
 * one INSERT … SELECT over a recursive count, so that a million deals are
 * written without a million round trips through the driver.
 *
 * Row i draws its values from five numbers, h1 … h5, that depend only on i
 * and the seed: a Weyl step then two squarings modulo the prime 2^31 - 1.
 * Every product stays below 2^63, so SQLite never turns one into a float,
 * and the same seed always gives the same rows. The lists the rows pick from
 * come in as JSON arrays (materialised once, so each pick is a lookup). */
#define BULK_P "2147483647"
#define BULK_ROWS                                                                     \
  "WITH RECURSIVE n(i) AS (SELECT CAST (1 AS BIGINT) WHERE ?1 > 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1), " \
  "y(i, y) AS (SELECT i, (i * 48271 + ?2) % " BULK_P " FROM n), "                         \
  "u(i, u1, u2, u3, u4, u5) AS (SELECT i, "                                           \
  "  (y * y + 11) % " BULK_P ", ((y + 7919) * (y + 7919) + 13) % " BULK_P ", "            \
  "  ((y + 104729) * (y + 104729) + 17) % " BULK_P ", "                                 \
  "  ((y + 1299709) * (y + 1299709) + 19) % " BULK_P ", "                               \
  "  ((y + 15485863) * (y + 15485863) + 23) % " BULK_P " FROM y), "                     \
  "r(i, h1, h2, h3, h4, h5) AS (SELECT i, "                                           \
  "  (u1 * u1 + 29) % " BULK_P ", (u2 * u2 + 31) % " BULK_P ", (u3 * u3 + 37) % " BULK_P ", " \
  "  (u4 * u4 + 41) % " BULK_P ", (u5 * u5 + 43) % " BULK_P " FROM u) "

/* A list to pick from: its entries by position, and how many there are
 * (counted once per statement, where json_array_length() would parse the
 * JSON again for every row). Each statement is written once with the
 * macros of a dialect: SQLite's JSON functions and dates (SQLITE_), or
 * PostgreSQL's (PG_), whose JSON counts from 1 and gives text. */
#define BULK_COUNT(name) "(SELECT count(*) FROM " name ")"
#define SQLITE_LIST(name, param) \
  ", " name "(k, v) AS MATERIALIZED (SELECT key, value FROM json_each (" param ")) "
#define SQLITE_INT_LIST SQLITE_LIST
#define PG_ELEMENTS(function, param) \
  " FROM " function " (CAST (" param " AS json)) WITH ORDINALITY AS e (v, k)) "
#define PG_LIST(name, param) \
  ", " name "(k, v) AS MATERIALIZED (SELECT e.k - 1, e.v" PG_ELEMENTS ("json_array_elements_text", param)
#define PG_INT_LIST(name, param) \
  ", " name "(k, v) AS MATERIALIZED (SELECT e.k - 1, CAST (e.v AS BIGINT)" \
  PG_ELEMENTS ("json_array_elements_text", param)

/* A time of the Unix clock as the store writes it, or its hour. */
#define SQLITE_TIME(seconds) "strftime ('%Y-%m-%dT%H:%M:%SZ', " seconds ", 'unixepoch')"
#define SQLITE_HOUR(seconds) "strftime ('%Y-%m-%dT%H:00:00Z', " seconds ", 'unixepoch')"
#define PG_TIME(seconds) \
  "to_char (to_timestamp (" seconds ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define PG_HOUR(seconds) \
  "to_char (to_timestamp (" seconds ") AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:00:00\"Z\"')"
#define SQLITE_MIN "min"
#define SQLITE_MAX "max"
#define PG_MIN "least"
#define PG_MAX "greatest"

/* The deal of row i is in stage min (a, b) of two draws, as in
 * crm_demo_populate(): early stages hold more deals than late ones. The
 * contact of row i reads the same draw, so its lifecycle matches its deal. */
#define SQLITE_STAGES(param)                                                           \
  ", st(k, id, final, lifecycle) AS MATERIALIZED (SELECT key, json_extract (value, '$.id'), " \
  "  json_extract (value, '$.final'), json_extract (value, '$.lifecycle') FROM json_each (" param ")) "
#define PG_STAGES(param)                                                               \
  ", st(k, id, final, lifecycle) AS MATERIALIZED (SELECT e.k - 1, CAST (e.v ->> 'id' AS BIGINT), " \
  "  CAST (e.v ->> 'final' AS BIGINT) <> 0, e.v ->> 'lifecycle'" PG_ELEMENTS ("json_array_elements", param)
#define BULK_STAGE_OF_ROW(D)                                                           \
  D##_MIN " ((r.h1 & 1023) % " BULK_COUNT ("st") ", ((r.h1 >> 10) & 1023) % " BULK_COUNT ("st") ")"

/* The statement of @what in both dialects, for crm_db_prepare_dialect(). */
#define BULK_DIALECTS(what) what (SQLITE), what (PG)

static gint64
max_id (CrmStore    *self,
        const char  *sql,
        GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, error);

  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return -1;

  return crm_statement_get_int64 (stmt, 0);
}

/* The seed of one table's draws: companies and deals draw apart. */
static gint64
bulk_seed (const CrmDemoBulk *bulk,
           guint              salt)
{
  return ((gint64) bulk->seed * 1000003 + salt * 7777) % G_GINT64_CONSTANT (2147483647);
}

static gboolean
bulk_companies (CrmStore           *self,
                const CrmDemoBulk  *bulk,
                gint64              company_base,
                GError            **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* Past the list's length, branches keep names distinct for search, as
   * crm_demo_populate() names them. */
#define BULK_COMPANIES(D)                                                               \
  BULK_ROWS                                                                             \
  D##_LIST ("names", "?3")                                                              \
  D##_LIST ("cities", "?4")                                                             \
  "INSERT INTO companies (id, name, city, created_at) "                                 \
  "SELECT ?5 + r.i, "                                                                   \
  "  CASE WHEN r.i <= " BULK_COUNT ("names") " THEN b.v ELSE b.v || ' ' || (r.i - 1) END, " \
  "  c.v, ?6 "                                                                          \
  "FROM r CROSS JOIN names b CROSS JOIN cities c "                                      \
  "WHERE b.k = (r.i - 1) % " BULK_COUNT ("names")                                       \
  "  AND c.k = r.h1 % " BULK_COUNT ("cities")

  stmt = crm_db_prepare_dialect (self->db, BULK_DIALECTS (BULK_COMPANIES), error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, bulk->n_companies);
  crm_statement_bind_int64 (stmt, 2, bulk_seed (bulk, 1));
  crm_statement_bind_text (stmt, 3, bulk->companies);
  crm_statement_bind_text (stmt, 4, bulk->cities);
  crm_statement_bind_int64 (stmt, 5, company_base);
  crm_statement_bind_text (stmt, 6, bulk->now_text);
  return crm_statement_run (stmt, error);
}

/* One contact per deal, at the deal's company, with one mobile and, HS-2,
 * one email. */
static gboolean
bulk_contacts (CrmStore           *self,
               const CrmDemoBulk  *bulk,
               gint64              company_base,
               gint64              contact_base,
               GError            **error)
{
  g_autoptr(CrmStatement) contacts = NULL;
  g_autoptr(CrmStatement) phones = NULL;
  g_autoptr(CrmStatement) emails = NULL;

#define BULK_CONTACTS(D)                                                                \
  BULK_ROWS                                                                             \
  D##_STAGES ("?3")                                                                     \
  D##_LIST ("people", "?4")                                                             \
  D##_LIST ("positions", "?5")                                                          \
  "INSERT INTO contacts (id, company_id, name, position, lifecycle, "                   \
  "                      classification, created_at) "                                  \
  "SELECT ?6 + r.i, ?7 + 1 + r.h2 % ?8, p.v, pos.v, st.lifecycle, 'relevant', ?9 "     \
  "FROM r CROSS JOIN st CROSS JOIN people p CROSS JOIN positions pos "                  \
  "WHERE st.k = " BULK_STAGE_OF_ROW (D)                                                 \
  "  AND p.k = r.h4 % " BULK_COUNT ("people")                                           \
  "  AND pos.k = (r.h4 >> 4) % " BULK_COUNT ("positions")

  contacts = crm_db_prepare_dialect (self->db, BULK_DIALECTS (BULK_CONTACTS), error);
  if (contacts == NULL)
    return FALSE;

  crm_statement_bind_int64 (contacts, 1, bulk->n_deals);
  crm_statement_bind_int64 (contacts, 2, bulk_seed (bulk, 2));
  crm_statement_bind_text (contacts, 3, bulk->stages);
  crm_statement_bind_text (contacts, 4, bulk->people);
  crm_statement_bind_text (contacts, 5, bulk->positions);
  crm_statement_bind_int64 (contacts, 6, contact_base);
  crm_statement_bind_int64 (contacts, 7, company_base);
  crm_statement_bind_int64 (contacts, 8, bulk->n_companies);
  crm_statement_bind_text (contacts, 9, bulk->now_text);
  if (!crm_statement_run (contacts, error))
    return FALSE;

  /* Seven digits after the prefix, as crm_demo_populate() draws them. */
  phones = crm_db_prepare (self->db,
                           BULK_ROWS
                           "INSERT INTO contact_phones (contact_id, position, number) "
                           "SELECT ?3 + r.i, 0, CAST (?4 AS TEXT) || (1000000 + (r.h4 >> 8) % 9000000) FROM r",
                           error);
  if (phones == NULL)
    return FALSE;

  crm_statement_bind_int64 (phones, 1, bulk->n_deals);
  crm_statement_bind_int64 (phones, 2, bulk_seed (bulk, 2));
  crm_statement_bind_int64 (phones, 3, contact_base);
  crm_statement_bind_text (phones, 4, bulk->phone_prefix);
  if (!crm_statement_run (phones, error))
    return FALSE;

  emails = crm_db_prepare (self->db,
                           "INSERT INTO contact_emails (contact_id, position, address) "
                           "SELECT id, 0, 'client' || id || '@' || ?2 FROM contacts WHERE id > ?1",
                           error);
  if (emails == NULL)
    return FALSE;

  crm_statement_bind_int64 (emails, 1, contact_base);
  crm_statement_bind_text (emails, 2, bulk->email_domain);
  return crm_statement_run (emails, error);
}

/* Deal i belongs to contact i. Amounts are round, as quotes are (1,000 to
 * 249,000 whole units), one deal in twenty is quoted in the other
 * currency, and a deal was touched up to 60 days ago and created up to 40
 * days before that. */
static gboolean
bulk_deals (CrmStore           *self,
            const CrmDemoBulk  *bulk,
            gint64              company_base,
            gint64              contact_base,
            gint64              deal_base,
            GError            **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

#define BULK_DEALS(D)                                                                   \
  BULK_ROWS                                                                             \
  D##_STAGES ("?3")                                                                     \
  D##_LIST ("subjects", "?4")                                                           \
  D##_LIST ("steps", "?5")                                                              \
  D##_LIST ("sources", "?6")                                                            \
  D##_INT_LIST ("reps", "?7")                                                           \
  ", t(i, h1, h2, h3, h5, stage, company, touched) AS (SELECT r.i, r.h1, r.h2, r.h3, r.h5, " \
  "    " BULK_STAGE_OF_ROW (D) ", ?9 + 1 + r.h2 % ?10, "                                \
  "    CAST (?13 AS BIGINT) - 300 - (r.h5 % 86395) * 60 FROM r) "                        \
  "INSERT INTO deals (id, title, contact_id, company_id, pipeline_id, stage_id, amount, " \
  "                   currency, owner_id, source, next_step, created_at, updated_at) "  \
  "SELECT ?8 + t.i, sub.v || ' — ' || co.name, ?11 + t.i, co.id, ?12, st.id, "        \
  "  (t.h3 % 249 + 1) * 100000, "                                                       \
  "  CASE WHEN (t.h1 >> 20) % 20 = 0 THEN ?15 ELSE ?14 END, rep.v, src.v, "            \
  "  CASE WHEN st.final THEN NULL ELSE step.v END, "                                    \
  "  " D##_TIME ("t.touched - ((t.h5 >> 17) % 40) * 86400") ", "                        \
  "  " D##_TIME ("t.touched") " "                                                       \
  "FROM t CROSS JOIN st CROSS JOIN companies co CROSS JOIN subjects sub "               \
  "  CROSS JOIN steps step CROSS JOIN reps rep "                                        \
  "  LEFT JOIN sources src ON src.k = (t.i - 1) % " D##_MAX " (1, " BULK_COUNT ("sources") ") " \
  "WHERE st.k = t.stage AND co.id = t.company "                                         \
  "  AND sub.k = (t.h3 >> 8) % " BULK_COUNT ("subjects")                                \
  "  AND step.k = (t.h3 >> 12) % " BULK_COUNT ("steps")                                 \
  "  AND rep.k = (t.h2 >> 8) % " BULK_COUNT ("reps")

  stmt = crm_db_prepare_dialect (self->db, BULK_DIALECTS (BULK_DEALS), error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, bulk->n_deals);
  crm_statement_bind_int64 (stmt, 2, bulk_seed (bulk, 2));
  crm_statement_bind_text (stmt, 3, bulk->stages);
  crm_statement_bind_text (stmt, 4, bulk->subjects);
  crm_statement_bind_text (stmt, 5, bulk->next_steps);
  crm_statement_bind_text (stmt, 6, bulk->sources);
  crm_statement_bind_text (stmt, 7, bulk->reps);
  crm_statement_bind_int64 (stmt, 8, deal_base);
  crm_statement_bind_int64 (stmt, 9, company_base);
  crm_statement_bind_int64 (stmt, 10, bulk->n_companies);
  crm_statement_bind_int64 (stmt, 11, contact_base);
  crm_statement_bind_int64 (stmt, 12, bulk->pipeline_id);
  crm_statement_bind_int64 (stmt, 13, bulk->now);
  crm_statement_bind_text (stmt, 14, bulk->currency);
  crm_statement_bind_text (stmt, 15, bulk->other_currency);
  return crm_statement_run (stmt, error);
}

/* RAD-5: every open deal has a current task, its next step, due from 30
 * hours ago to a week ahead; one open deal in twenty has none. */
static gboolean
bulk_tasks (CrmStore           *self,
            const CrmDemoBulk  *bulk,
            gint64              deal_base,
            GError            **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

#define BULK_TASKS(D)                                                                   \
  BULK_ROWS                                                                             \
  "INSERT INTO tasks (deal_id, title, due_at, owner_id, created_at) "                   \
  "SELECT d.id, d.next_step, "                                                          \
  "  " D##_HOUR ("?4 + ((r.h3 >> 21) % 198 - 30) * 3600") ", "                          \
  "  d.owner_id, d.created_at "                                                         \
  "FROM r CROSS JOIN deals d "                                                          \
  "WHERE d.id = ?3 + r.i AND d.next_step IS NOT NULL AND (r.h3 >> 16) % 20 <> 0"

  stmt = crm_db_prepare_dialect (self->db, BULK_DIALECTS (BULK_TASKS), error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, bulk->n_deals);
  crm_statement_bind_int64 (stmt, 2, bulk_seed (bulk, 2));
  crm_statement_bind_int64 (stmt, 3, deal_base);
  crm_statement_bind_int64 (stmt, 4, bulk->now);
  return crm_statement_run (stmt, error);
}

/* A million deals make a file of a gigabyte whose indexes are written in
 * no order of theirs: with SQLite's 2 MiB page cache, every insert would
 * read its index pages back from the file. The bulk writer borrows
 * 512 MiB while it writes; a server keeps its own cache. */
static gboolean
bulk_cache (CrmStore  *self,
            gboolean   large,
            GError   **error)
{
  if (crm_db_is_postgresql (self->db))
    return TRUE;

  return crm_db_exec (self->db, large ? "PRAGMA cache_size = -524288" : "PRAGMA cache_size = -2000", error);
}

/* Writes @bulk's companies, contacts, deals and tasks inside the caller's
 * transaction. The search index is kept by the tables' triggers
 * (migration 1), so what is written here is found at once. */
gboolean
_crm_store_demo_add_bulk (CrmStore           *self,
                          const CrmDemoBulk  *bulk,
                          GError            **error)
{
  gint64 company_base, contact_base, deal_base;
  gboolean ok;

  g_return_val_if_fail (bulk->n_companies > 0, FALSE);

  if ((company_base = max_id (self, "SELECT coalesce (max (id), 0) FROM companies", error)) < 0 ||
      (contact_base = max_id (self, "SELECT coalesce (max (id), 0) FROM contacts", error)) < 0 ||
      (deal_base = max_id (self, "SELECT coalesce (max (id), 0) FROM deals", error)) < 0)
    return FALSE;

  if (!bulk_cache (self, TRUE, error))
    return FALSE;

  /* The rows come with ids of their own, which the identities follow. */
  ok = bulk_companies (self, bulk, company_base, error) &&
       bulk_contacts (self, bulk, company_base, contact_base, error) &&
       bulk_deals (self, bulk, company_base, contact_base, deal_base, error) &&
       bulk_tasks (self, bulk, deal_base, error) &&
       _crm_store_follow_given_ids (self->db, "companies", error) &&
       _crm_store_follow_given_ids (self->db, "contacts", error) &&
       _crm_store_follow_given_ids (self->db, "deals", error);

  return bulk_cache (self, FALSE, ok ? error : NULL) && ok;
}
