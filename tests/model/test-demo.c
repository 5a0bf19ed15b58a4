/* test-demo.c
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

#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <glib/gstdio.h>

#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * The demo data a newcomer sees with --demo and the benchmark measures:
 * one department per shipped procedure, in that department's language.
 */

#define N_DEALS 300

/* user_data: the procedure to install, or NULL for a bare store. */
typedef CrmTestFixture Fixture;

static gboolean
has_script (const char     *text,
            GUnicodeScript  script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;

  return FALSE;
}

/* Counts the contact names written in Hebrew and in Cyrillic. */
static void
count_name_scripts (CrmStore *store,
                    guint    *n_names,
                    guint    *n_hebrew,
                    guint    *n_cyrillic)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;
  CrmStep step;

  *n_names = *n_hebrew = *n_cyrillic = 0;

  stmt = crm_db_prepare (_crm_store_get_db (store), "SELECT name FROM contacts", &error);
  g_assert_no_error (error);
  while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
    {
      const char *name = crm_statement_get_text (stmt, 0);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      (*n_names)++;
      *n_hebrew += has_script (name, G_UNICODE_SCRIPT_HEBREW);
      *n_cyrillic += has_script (name, G_UNICODE_SCRIPT_CYRILLIC);
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, CRM_STEP_DONE);
}

static void
test_demo_populate (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  CrmProcedure *procedure = crm_store_get_procedure (fixture->store);
  gboolean russian = g_strcmp0 (crm_procedure_get_country (procedure), "RU") == 0;
  g_autoptr (CrmPipeline) pipeline = NULL;
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (CrmStatement) phones = NULL;
  guint n_names, n_hebrew, n_cyrillic;
  guint n_in_lists = 0;
  CrmStep step;

  g_assert_true (crm_demo_populate (fixture->store, N_DEALS, 42, &error));
  g_assert_no_error (error);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));

  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts"),
                   ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies"), >, 0);

  /* A manager and reps to own the deals; the store picked a current user. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM users WHERE role = 'manager'"),
                   >=, 1);
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM users WHERE role = 'rep'"),
                   >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_users (fixture->store)), ==,
                    crm_test_query_int (fixture->store, "SELECT count(*) FROM users"));
  g_assert_nonnull (crm_store_get_current_user (fixture->store));
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM deals WHERE owner_id IS NULL"),
                   ==, 0);

  /* Names in the department's language (with some Latin ones among them). */
  count_name_scripts (fixture->store, &n_names, &n_hebrew, &n_cyrillic);
  g_test_message ("%u names: %u Hebrew, %u Cyrillic", n_names, n_hebrew, n_cyrillic);
  if (russian)
    {
      g_assert_cmpuint (n_cyrillic, >, n_names / 2);
      g_assert_cmpuint (n_hebrew, ==, 0);
    }
  else
    {
      g_assert_cmpuint (n_hebrew, >, n_names / 2);
      g_assert_cmpuint (n_cyrillic, ==, 0);
    }

  /* Every deal sits in a stage of its own pipeline, in the procedure's
   * currency, with a contact and a company that exist. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM deals d "
                                       "JOIN stages s ON s.id = d.stage_id "
                                       "WHERE s.pipeline_id != d.pipeline_id"),
                   ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM deals d "
                                       "LEFT JOIN contacts ct ON ct.id = d.contact_id "
                                       "LEFT JOIN companies co ON co.id = d.company_id "
                                       "WHERE ct.id IS NULL OR co.id IS NULL"),
                   ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM deals WHERE currency = '%s'",
                                            crm_procedure_get_currency (procedure));

    g_assert_cmpint (crm_test_query_int (fixture->store, sql), ==, N_DEALS);
  }
  crm_test_assert_foreign_keys (_crm_store_get_db (fixture->store));

  /* Mobile numbers in E.164 of the department's country. */
  phones = crm_db_prepare (_crm_store_get_db (fixture->store), "SELECT number FROM contact_phones", &error);
  g_assert_no_error (error);
  while ((step = crm_statement_step (phones, &error)) == CRM_STEP_ROW)
    {
      const char *number = crm_statement_get_text (phones, 0);
      g_autofree char *normalized = NULL;

      g_assert_true (crm_phone_normalize (number, crm_procedure_get_country (procedure),
                                          &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, number);
      g_assert_true (crm_phone_is_mobile (number));
      g_assert_true (g_str_has_prefix (number, russian ? "+7" : "+972"));
    }
  g_assert_no_error (error);

  /* The board shows them: the first pipeline's columns add up. */
  pipeline = g_list_model_get_item (crm_store_get_pipelines (fixture->store), 0);
  stages = crm_store_get_stages (fixture->store, crm_pipeline_get_id (pipeline));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (CrmStage) stage = g_list_model_get_item (stages, i);
      g_autoptr (CrmDealList) list = crm_test_stage_deals (fixture->store, crm_stage_get_id (stage));

      n_in_lists += g_list_model_get_n_items (G_LIST_MODEL (list));
    }
  g_assert_cmpuint (n_in_lists, ==, N_DEALS);

  /* The call panel has something to show (CON-4, AXL-7): a lower bound in
   * the procedure's currency, the organisation's name for the opening
   * line, and each deal's source one the procedure knows. */
  {
    g_autofree char *organization = crm_store_dup_setting (fixture->store, "organization-name");
    gint64 floor = 0;

    g_assert_true (crm_store_get_price_floor (fixture->store, crm_procedure_get_currency (procedure), &floor));
    g_assert_cmpint (floor, >, 0);
    g_assert_nonnull (organization);
    g_assert_true (has_script (organization, russian ? G_UNICODE_SCRIPT_CYRILLIC : G_UNICODE_SCRIPT_HEBREW));
    g_assert_null (crm_store_dup_setting (fixture->store, "call-summary-cc"));
    g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM deals WHERE source IS NULL"), ==, 0);
    for (guint i = 0; i < crm_procedure_get_n_sources (procedure); i++)
      {
        g_autoptr (CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (fixture->store),
                                                        "SELECT count(*) FROM deals WHERE source = ?1",
                                                        &error);

        g_assert_no_error (error);
        crm_statement_bind_text (stmt, 1, crm_procedure_get_source (procedure, i)->key);
        g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
        n_in_lists -= (guint)crm_statement_get_int64 (stmt, 0);
      }
    g_assert_cmpuint (n_in_lists, ==, 0);
  }
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 n_users;
  gint64 n_contacts;
  gint64 n_companies;

  g_assert_true (crm_demo_populate (fixture->store, N_DEALS, 1, &error));
  g_assert_no_error (error);
  n_users = crm_test_query_int (fixture->store, "SELECT count(*) FROM users");
  n_contacts = crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts");
  n_companies = crm_test_query_int (fixture->store, "SELECT count(*) FROM companies");

  /* A database with deals in it is left alone, whatever the arguments. */
  g_assert_true (crm_demo_populate (fixture->store, N_DEALS, 1, &error));
  g_assert_no_error (error);
  g_assert_true (crm_demo_populate (fixture->store, 50, 2, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, N_DEALS);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM users"), ==, n_users);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts"),
                   ==, n_contacts);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies"),
                   ==, n_companies);
}

static void
test_demo_same_seed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = crm_test_store_path_named (fixture->dir, "second.db");
  g_autoptr (CrmStore) second = NULL;
  const char *sql = crm_test_dialect (_crm_store_get_db (fixture->store),
                                      "SELECT group_concat (title || '|' || stage_id || '|' || amount, ';') "
                                      "FROM (SELECT * FROM deals ORDER BY id)",
                                      "SELECT string_agg (title || '|' || stage_id || '|' || amount, ';' "
                                      "ORDER BY id) FROM deals");
  g_autoptr (CrmStatement) a = NULL;
  g_autoptr (CrmStatement) b = NULL;

  /* A benchmark run can be repeated: the same seed gives the same board. */
  g_assert_true (crm_demo_populate (fixture->store, 100, 7, &error));
  g_assert_no_error (error);

  second = crm_test_store_new (path, "tw");
  crm_test_populate (second, 100, 7);

  a = crm_db_prepare (_crm_store_get_db (fixture->store), sql, &error);
  g_assert_no_error (error);
  b = crm_db_prepare (_crm_store_get_db (second), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (a, NULL), ==, CRM_STEP_ROW);
  g_assert_cmpint (crm_statement_step (b, NULL), ==, CRM_STEP_ROW);
  g_assert_nonnull (crm_statement_get_text (a, 0));
  g_assert_cmpstr (crm_statement_get_text (a, 0), ==, crm_statement_get_text (b, 0));

  g_clear_pointer (&b, crm_statement_release);
  g_assert_finalize_object (g_steal_pointer (&second));
  crm_test_store_path_release (path);
}

static void
test_demo_without_procedure (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (crm_store_get_procedure (fixture->store));
  g_assert_false (crm_demo_populate (fixture->store, N_DEALS, 1, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM users"), ==, 0);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const procedures[] = { "tw", "hs", "rad", "con", "axl" };

  if (!crm_test_init_backends (&argc, &argv, "/model/demo"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (procedures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/demo/populate/%s", procedures[i]);

      ADD (path, procedures[i], test_demo_populate);
    }

  ADD ("/model/demo/populate-twice", "hs", test_demo_twice);
  ADD ("/model/demo/same-seed", "tw", test_demo_same_seed);
  ADD ("/model/demo/without-procedure", NULL, test_demo_without_procedure);

#undef ADD

  return g_test_run ();
}
