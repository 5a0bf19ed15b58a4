/* test-demo-bulk.c
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

#define G_LOG_DOMAIN "test-demo-bulk"

#include "config.h"

#include "crm-db.h"
#include "crm-demo.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-search-result.h"
#include "crm-stage.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * The benchmarks' bulk generator: each table written by one statement, and
 * still a department the board, the engine and the search can work with.
 */

#define N_DEALS 3000

typedef CrmTestFixture Fixture;

static void
populate_bulk (CrmStore *store,
               guint     n_deals,
               guint32   seed)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crm_demo_populate_bulk (store, n_deals, seed, &error));
  g_assert_no_error (error);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (store)));
}

static gint64
query_int_text (CrmStore   *store,
                const char *sql,
                const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, text);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  g_assert_no_error (error);
  return crm_statement_get_int64 (stmt, 0);
}

static void
test_bulk_counts (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  CrmProcedure *procedure = crm_store_get_procedure (fixture->store);
  const char *currency = crm_procedure_get_currency (procedure);
  g_autoptr (CrmPipeline) pipeline = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (CrmStatement) check = NULL;
  guint n_in_lists = 0, n_first = 0, n_last = 0;
  gint64 n_open, n_tasks, n_other;

  populate_bulk (fixture->store, N_DEALS, 42);

  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts"), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_phones"), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_emails"), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies"), ==, N_DEALS / 3);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM users WHERE role = 'rep'"), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM deals WHERE owner_id IS NULL"), ==, 0);

  crm_test_assert_foreign_keys (_crm_store_get_db (fixture->store));

  /* The columns of the first pipeline add up to every deal, and early
   * stages hold more than late ones. */
  pipeline = g_list_model_get_item (crm_store_get_pipelines (fixture->store), 0);
  stages = crm_store_get_stages (fixture->store, crm_pipeline_get_id (pipeline));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (CrmStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM deals WHERE stage_id = %" G_GINT64_FORMAT,
                                              crm_stage_get_id (stage));
      guint n = (guint) crm_test_query_int (fixture->store, sql);

      g_test_message ("stage %u: %u deals", i, n);
      n_in_lists += n;
      if (i == 0)
        n_first = n;
      n_last = n;
    }
  g_assert_cmpuint (n_in_lists, ==, N_DEALS);
  g_assert_cmpuint (n_first, >, 2 * n_last);
  g_assert_cmpuint (n_last, >, 0);

  /* HS-4: the contact of a won deal is a customer, of an open one an
   * opportunity; a closed deal has no next step. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id "
                                       "JOIN contacts ct ON ct.id = d.contact_id "
                                       "WHERE ct.lifecycle <> CASE s.kind WHEN 'won' THEN 'customer' "
                                       "  WHEN 'lost' THEN 'other' ELSE 'opportunity' END "
                                       "   OR (s.kind <> 'open') <> (d.next_step IS NULL)"),
                   ==, 0);

  /* RAD-5: nineteen open deals in twenty have a task. */
  n_open = crm_test_query_int (fixture->store,
                               "SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id "
                               "WHERE s.kind = 'open'");
  n_tasks = crm_test_query_int (fixture->store, "SELECT count(DISTINCT deal_id) FROM tasks");
  g_assert_cmpint (n_tasks, >, n_open * 90 / 100);
  g_assert_cmpint (n_tasks, <, n_open);

  /* Mostly the procedure's currency, now and then another. */
  n_other = N_DEALS - query_int_text (fixture->store, "SELECT count(*) FROM deals WHERE currency = ?1", currency);
  g_assert_cmpint (n_other, >, 0);
  g_assert_cmpint (n_other, <, N_DEALS / 10);

  /* Touched within the last 60 days, created before that, round amounts. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       crm_test_dialect (_crm_store_get_db (fixture->store),
                                                         "SELECT count(*) FROM deals WHERE created_at > updated_at "
                                                         "OR updated_at < strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', "
                                                         "                          '-61 days') "
                                                         "OR amount % 100000 <> 0 OR amount <= 0",
                                                         "SELECT count(*) FROM deals WHERE created_at > updated_at "
                                                         "OR updated_at < to_char (now () AT TIME ZONE 'UTC' "
                                                         "  - INTERVAL '61 days', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                                                         "OR amount % 100000 <> 0 OR amount <= 0")),
                   ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(DISTINCT amount) FROM deals"), >, 100);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(DISTINCT substr (updated_at, 1, 10)) FROM deals"),
                   >, 50);

  /* The bulk rows came with ids of their own: a row written after them
   * takes the next id (on a server, the identities followed them). */
  g_assert_true (crm_db_exec (_crm_store_get_db (fixture->store),
                              "INSERT INTO companies (name, created_at) VALUES ('Later', '2026-12-07T09:30:00Z');"
                              "INSERT INTO contacts (name, created_at) VALUES ('Later', '2026-12-07T09:30:00Z');"
                              "INSERT INTO deals (title, pipeline_id, stage_id, currency, created_at, updated_at) "
                              "  SELECT 'Later', pipeline_id, stage_id, currency, created_at, updated_at "
                              "  FROM deals WHERE id = 1",
                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT max (id) FROM companies"), ==, N_DEALS / 3 + 1);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT max (id) FROM contacts"), ==, N_DEALS + 1);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT max (id) FROM deals"), ==, N_DEALS + 1);
}

/* Mobile numbers in E.164, as the duplicate check expects them. */
static void
test_bulk_phones (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  CrmProcedure *procedure = crm_store_get_procedure (fixture->store);
  g_autoptr (CrmStatement) phones = NULL;
  CrmStep step;

  populate_bulk (fixture->store, 300, 42);

  phones = crm_db_prepare (_crm_store_get_db (fixture->store), "SELECT number FROM contact_phones", &error);
  g_assert_no_error (error);
  while ((step = crm_statement_step (phones, &error)) == CRM_STEP_ROW)
    {
      const char *number = crm_statement_get_text (phones, 0);
      g_autofree char *normalized = NULL;

      g_assert_true (crm_phone_normalize (number, crm_procedure_get_country (procedure), &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, number);
      g_assert_true (crm_phone_is_mobile (number));
    }
  g_assert_cmpint (step, ==, CRM_STEP_DONE);
}

static gboolean
results_hold (GListModel *results,
              const char *kind,
              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CrmSearchResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (crm_search_result_get_kind (result), kind) == 0 && crm_search_result_get_id (result) == id)
        return TRUE;
    }

  return FALSE;
}

/* The search index is written with the rows: a branch, a deal's title and
 * a contact are found by what they are called. */
static void
test_bulk_search (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) company = NULL;
  g_autoptr (GListModel) results = NULL;
  g_autoptr (GListModel) by_title = NULL;
  gint64 company_id, deal_id;

  populate_bulk (fixture->store, N_DEALS, 42);

  company = crm_test_query_row (fixture->store, "SELECT id, name FROM companies WHERE id = 700");
  company_id = crm_statement_get_int64 (company, 0);
  results = crm_store_search (fixture->store, crm_statement_get_text (company, 1), 50, &error);
  g_assert_no_error (error);
  g_assert_true (results_hold (results, "company", company_id));

  /* The newest deal of that company, by the words of its title. */
  deal_id = crm_test_query_int (fixture->store, "SELECT max (id) FROM deals WHERE company_id = 700");
  {
    g_autoptr (CrmStatement) title = crm_test_query_row (fixture->store,
                                                         "SELECT title FROM deals WHERE id = "
                                                         "(SELECT max (id) FROM deals WHERE company_id = 700)");

    by_title = crm_store_search (fixture->store, crm_statement_get_text (title, 0), 50, &error);
    g_assert_no_error (error);
  }
  g_assert_true (results_hold (by_title, "deal", deal_id));
  g_assert_cmpint (query_int_text (fixture->store,
                                   crm_test_dialect (_crm_store_get_db (fixture->store),
                                                     "SELECT count(*) FROM search_index WHERE search_index MATCH ?1",
                                                     "SELECT count(*) FROM search_index "
                                                     "WHERE document @@ to_tsquery ('simple', ?1)"),
                                   crm_test_dialect (_crm_store_get_db (fixture->store), "\"Orbit\"", "'orbit'")),
                   >, 0);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM search_index"),
                   ==, N_DEALS * 2 + N_DEALS / 3);
}

static char *
board_fingerprint (CrmStore *store)
{
  g_autoptr (CrmStatement) stmt = NULL;

  stmt = crm_test_query_row (store,
                             crm_test_dialect (_crm_store_get_db (store),
                                               "SELECT group_concat (title || '|' || stage_id || '|' || amount "
                                               "  || '|' || currency || '|' || owner_id || '|' || updated_at, ';') "
                                               "FROM (SELECT * FROM deals ORDER BY id)",
                                               "SELECT string_agg (title || '|' || stage_id || '|' || amount "
                                               "  || '|' || currency || '|' || owner_id || '|' || updated_at, ';' "
                                               "  ORDER BY id) FROM deals"));
  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* A benchmark run can be repeated: the same seed gives the same board, and
 * another seed another one. The dates count back from the store's clock,
 * so both stores read the same one. */
static void
test_bulk_same_seed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *second_path = crm_test_store_path_named (fixture->dir, "second.db");
  g_autofree char *third_path = crm_test_store_path_named (fixture->dir, "third.db");
  g_autoptr (CrmStore) second = crm_test_store_new (second_path, "tw");
  g_autoptr (CrmStore) third = crm_test_store_new (third_path, "tw");
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 12, 7, 9, 30, 0);
  CrmTestClock clock = { now };
  g_autofree char *first_print = NULL;
  g_autofree char *second_print = NULL;
  g_autofree char *third_print = NULL;

  crm_store_set_clock (fixture->store, crm_test_clock_now, &clock);
  crm_store_set_clock (second, crm_test_clock_now, &clock);
  crm_store_set_clock (third, crm_test_clock_now, &clock);
  populate_bulk (fixture->store, 500, 7);
  populate_bulk (second, 500, 7);
  populate_bulk (third, 500, 8);

  first_print = board_fingerprint (fixture->store);
  second_print = board_fingerprint (second);
  third_print = board_fingerprint (third);
  g_assert_nonnull (first_print);
  g_assert_cmpstr (first_print, ==, second_print);
  g_assert_cmpstr (first_print, !=, third_print);

  g_assert_finalize_object (g_steal_pointer (&second));
  g_assert_finalize_object (g_steal_pointer (&third));
  crm_test_store_path_release (second_path);
  crm_test_store_path_release (third_path);
}

/* A database with deals in it is left alone. */
static void
test_bulk_not_twice (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 n_users;

  populate_bulk (fixture->store, 100, 1);
  n_users = crm_test_query_int (fixture->store, "SELECT count(*) FROM users");
  populate_bulk (fixture->store, 200, 2);

  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 100);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM users"), ==, n_users);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/demo-bulk"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/demo-bulk/counts/tw", "tw", test_bulk_counts);
  ADD ("/model/demo-bulk/counts/rad", "rad", test_bulk_counts);
  ADD ("/model/demo-bulk/phones/tw", "tw", test_bulk_phones);
  ADD ("/model/demo-bulk/phones/con", "con", test_bulk_phones);
  ADD ("/model/demo-bulk/search", "tw", test_bulk_search);
  ADD ("/model/demo-bulk/same-seed", "tw", test_bulk_same_seed);
  ADD ("/model/demo-bulk/not-twice", "hs", test_bulk_not_twice);

#undef ADD

  return g_test_run ();
}
