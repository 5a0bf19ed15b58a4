/* test-lead-list.c
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


#include "config.h"

#include "crm-lead-list.h"
#include "crm-leads.h"
#include "../crm-test-common.h"

/* The Leads view's paged list (HS-1, HS-3): the same leads in the same
 * order as crm_store_get_leads(), read a page at a time. */
#define N_LEADS 450

static void
add_leads (CrmStore *store)
{
  for (guint i = 0; i < N_LEADS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Lead %u", i);
      g_autofree char *email = g_strdup_printf ("lead%u@example.com", i);

      crm_store_add_lead (store, name, NULL, email, NULL, i % 3 == 0 ? "referral" : NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
assert_same_order (CrmStore   *store,
                   const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = crm_store_get_leads (store, source, &error);
  g_autoptr(CrmLeadList) list = crm_lead_list_new (store, source);
  guint n = g_list_model_get_n_items (all);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (crm_lead_list_get_n_cached (list), ==, 0);

  /* Forward across the page boundaries, then back from the end. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint i = pass == 0 ? k : n - 1 - k;
        g_autoptr(CrmContact) expected = g_list_model_get_item (all, i);
        g_autoptr(CrmContact) got = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_nonnull (got);
        g_assert_cmpint (crm_contact_get_id (got), ==, crm_contact_get_id (expected));
        g_assert_cmpstrv (crm_contact_get_emails (got), crm_contact_get_emails (expected));
        g_assert_cmpuint (crm_lead_list_get_n_cached (list), <=, 1000);
      }

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
}

static void
test_lead_list_order (CrmTestFixture *fixture,
                      gconstpointer   user_data)
{
  add_leads (fixture->store);
  assert_same_order (fixture->store, NULL);
  assert_same_order (fixture->store, "referral");
}

static void
test_lead_list_window (CrmTestFixture *fixture,
                       gconstpointer   user_data)
{
  g_autoptr(CrmLeadList) list = NULL;
  g_autoptr(CrmContact) last = NULL;
  guint64 before;

  add_leads (fixture->store);
  list = crm_lead_list_new (fixture->store, NULL);

  /* The last row alone reads a page, not the rows before it. */
  before = crm_store_get_statement_count (fixture->store);
  last = g_list_model_get_item (G_LIST_MODEL (list), N_LEADS - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (crm_lead_list_get_n_cached (list), <=, 100);
  g_assert_cmpuint (crm_store_get_statement_count (fixture->store) - before, <=, 3);

  crm_lead_list_reload (list);
  g_assert_cmpuint (crm_lead_list_get_n_cached (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_LEADS);
}

static void
test_lead_counts_by_source (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) referral = NULL;
  guint total = 0;

  add_leads (fixture->store);
  counts = crm_store_count_leads_by_source (fixture->store, &total, &error);
  g_assert_no_error (error);
  referral = crm_store_get_leads (fixture->store, "referral", &error);
  g_assert_no_error (error);

  /* Leads without a source count in the total only. */
  g_assert_cmpuint (total, ==, N_LEADS);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "referral")), ==, (N_LEADS + 2) / 3);
  g_assert_cmpuint (g_list_model_get_n_items (referral), ==, (N_LEADS + 2) / 3);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/lead-list"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, CrmTestFixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/lead-list/rule-hs-1-order-across-pages", "hs", test_lead_list_order);
  ADD ("/model/lead-list/bounded-window", "hs", test_lead_list_window);
  ADD ("/model/lead-list/rule-hs-1-counts-by-source", "hs", test_lead_counts_by_source);

#undef ADD

  return g_test_run ();
}
