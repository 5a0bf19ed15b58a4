/* test-store-copy.c
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

/*
 * Issue 10, item 3: a file moved to a team server by one copy. The file is
 * a demo department (RAD, whose deals carry custom fields) with a sent
 * quote; the server is the test run's throwaway cluster, a new database
 * per test. The copy keeps every row and id, counts every table on both
 * sides, and leaves nothing on the server when it is refused or fails.
 */

#include "config.h"

#include <string.h>

#include "crm-quote.h"
#include "crm-store-copy.h"
#include "crm-user.h"

#include "../crm-test-common.h"
#include "../crm-test-postgresql.h"

typedef struct
{
  CrmTestFixture base;
  char          *uri;
} Fixture;

static const char fake_pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n\0binary\xff\x00\x01tail\n%%EOF\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static (fake_pdf, sizeof fake_pdf - 1);
  gint64 quote_id;

  crm_test_fixture_set_up (&fixture->base, "rad");
  crm_test_populate (fixture->base.store, 40, 7);

  /* A sent quote, so that its stored PDF has to cross. */
  quote_id = crm_test_query_int (fixture->base.store, "SELECT min(id) FROM quotes");
  quote = crm_store_load_quote (fixture->base.store, quote_id, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_send_quote (fixture->base.store, quote, pdf, "email", &error));
  g_assert_no_error (error);

  /* RAD's qualification fields (custom fields of the deal). */
  g_assert_true (crm_store_set_field_value (fixture->base.store, crm_quote_get_deal_id (quote),
                                            "radiator_model", "Биметалл 500 / ביטמטל", &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_set_field_value (fixture->base.store, crm_quote_get_deal_id (quote),
                                            "radiator_count", "12", &error));
  g_assert_no_error (error);

  fixture->uri = crm_test_postgresql_database_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_postgresql_database_drop (fixture->uri);
  g_free (fixture->uri);
  crm_test_fixture_tear_down (&fixture->base, data);
}

/* Every row of @sql, its columns as text joined by '|', a line each: the
 * same statement read on both sides, @n_columns of it. */
static char *
dump (CrmStore   *store,
      const char *sql,
      int         n_columns)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store), sql, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  CrmStep step;

  g_assert_no_error (error);
  while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        g_string_append_printf (text, "%s|", crm_statement_is_null (stmt, i) ? "(null)"
                                                                             : crm_statement_get_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (step, ==, CRM_STEP_DONE);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_same (CrmStore   *file,
             CrmStore   *server,
             const char *sql,
             int         n_columns)
{
  g_autofree char *expected = dump (file, sql, n_columns);
  g_autofree char *found = dump (server, sql, n_columns);

  g_assert_cmpuint (strlen (expected), >, 0);
  g_assert_cmpstr (found, ==, expected);
}

static gint64
rows_of (GPtrArray  *counts,
         const char *table)
{
  for (guint i = 0; i < counts->len; i++)
    {
      CrmStoreCopyCount *count = g_ptr_array_index (counts, i);

      if (g_str_equal (count->table, table))
        {
          g_assert_cmpint (count->source_rows, ==, count->target_rows);
          return count->target_rows;
        }
    }

  g_assert_not_reached ();
}

/* Issue 10, item 3: counts, ids, custom fields, the audit log and a
 * sent quote's PDF bytes arrive as they were; the identities go on after
 * the copied ids. */
static void
test_copy_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  CrmStore *file = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(CrmStore) server = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha = NULL;
  gint64 quote_id = crm_test_query_int (file, "SELECT min(id) FROM quotes");
  gboolean copied;

  copied = crm_store_copy_to_server (file, fixture->uri, &counts, &error);
  g_assert_no_error (error);
  g_assert_true (copied);

  g_assert_cmpint (rows_of (counts, "deals"), ==, crm_test_query_int (file, "SELECT count(*) FROM deals"));
  g_assert_cmpint (rows_of (counts, "deals"), >=, 40);
  g_assert_cmpint (rows_of (counts, "deal_field_values"), >, 0);
  g_assert_cmpint (rows_of (counts, "audit_log"), >, 0);
  g_assert_cmpint (rows_of (counts, "quote_documents"), ==, 1);
  /* The search index is the server's triggers' work, and counts the same. */
  g_assert_cmpint (rows_of (counts, "search_index"), >, 0);
  for (guint i = 0; i < counts->len; i++)
    {
      CrmStoreCopyCount *count = g_ptr_array_index (counts, i);

      g_assert_cmpint (count->source_rows, ==, count->target_rows);
    }

  server = crm_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  /* Issue 10, item 4: the file's owner is the login role that copied it,
   * signed in on the server; nobody else keeps the file's logins. */
  g_assert_nonnull (crm_store_get_current_user (server));
  g_assert_cmpint (crm_user_get_id (crm_store_get_current_user (server)), ==,
                   crm_user_get_id (crm_store_get_current_user (file)));
  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM users WHERE login IS NOT NULL"), ==, 1);
  assert_same (file, server, "SELECT id, title, stage_id, amount, currency, owner_id FROM deals ORDER BY id", 6);
  assert_same (file, server, "SELECT deal_id, field_id, value FROM deal_field_values ORDER BY deal_id, field_id", 3);
  assert_same (file, server, "SELECT id, user_id, action, at FROM audit_log ORDER BY id", 4);
  assert_same (file, server, "SELECT key, value FROM meta WHERE key NOT IN ('application', 'schema-version') ORDER BY key", 2);

  pdf = crm_store_load_quote_pdf (server, quote_id, &sha, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), fake_pdf, sizeof fake_pdf - 1);

  /* The server's store is the department, procedure and all; a new
   * person gets the id after the copied ones, not a duplicate key. */
  g_assert_nonnull (crm_store_get_procedure (server));
  g_assert_cmpint (crm_test_add_user (server, "Noa Katz", CRM_ROLE_REP), ==,
                   crm_test_query_int (file, "SELECT max(id) FROM users") + 1);
}

/* A server's database that already holds a department is refused, and
 * left as it was. */
static void
test_copy_refuses_non_empty (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStore *file = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) server = NULL;
  gboolean copied;
  gint64 deals;

  copied = crm_store_copy_to_server (file, fixture->uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (copied);
  deals = crm_test_query_int (file, "SELECT count(*) FROM deals");

  g_assert_false (crm_store_copy_to_server (file, fixture->uri, NULL, &error));
  g_assert_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_NOT_EMPTY);
  g_assert_nonnull (strstr (error->message, "not empty"));
  g_clear_error (&error);

  server = crm_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM deals"), ==, deals);
}

/* A database of another schema version is refused before anything is
 * written to it. */
static void
test_copy_refuses_other_schema (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) server = crm_store_open (fixture->uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (server);
  g_clear_object (&server);
  {
    g_autoptr(CrmDb) db = crm_db_open (fixture->uri, FALSE, &error);

    g_assert_true (crm_db_exec (db, "UPDATE meta SET value = '7' WHERE key = 'schema-version'", &error));
  }

  g_assert_false (crm_store_copy_to_server (fixture->base.store, fixture->uri, NULL, &error));
  g_assert_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "schema 7"));
}

/* A failure half-way (a value over the bound, in a table copied after
 * others) rolls the whole copy back: nothing of the file is on the
 * server. */
static void
test_copy_failure_leaves_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  CrmStore *file = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) server = NULL;
  g_autofree char *huge = g_malloc (CRM_STORE_COPY_MAX_VALUE + 2);

  memset (huge, 'x', CRM_STORE_COPY_MAX_VALUE + 1);
  huge[CRM_STORE_COPY_MAX_VALUE + 1] = '\0';
  {
    g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (file),
                                                   "UPDATE deals SET next_step = ?1 WHERE id = (SELECT max(id) FROM deals)",
                                                   &error);

    g_assert_no_error (error);
    crm_statement_bind_text (stmt, 1, huge);
    g_assert_true (crm_statement_run (stmt, &error));
  }

  g_assert_false (crm_store_copy_to_server (file, fixture->uri, NULL, &error));
  g_assert_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "deals.next_step"));
  g_clear_error (&error);

  server = crm_store_open (fixture->uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM users"), ==, 0);
  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM search_index"), ==, 0);
}

/* The copy goes from a file to a server, not from a server or to a file. */
static void
test_copy_needs_a_server (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->base.dir, "other.db", NULL);

  g_assert_false (crm_store_copy_to_server (fixture->base.store, other, NULL, &error));
  g_assert_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SOURCE);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (crm_test_postgresql_uri () == NULL)
    {
      g_test_add_func ("/model/store-copy/server", crm_test_postgresql_missing);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/model/store-copy/round-trip", test_copy_round_trip);
  ADD ("/model/store-copy/refuses-non-empty", test_copy_refuses_non_empty);
  ADD ("/model/store-copy/refuses-other-schema", test_copy_refuses_other_schema);
  ADD ("/model/store-copy/failure-leaves-nothing", test_copy_failure_leaves_nothing);
  ADD ("/model/store-copy/needs-a-server", test_copy_needs_a_server);
#undef ADD

  return g_test_run ();
}
