/* test-deal-list.c
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

#define G_LOG_DOMAIN "test-deal-list"

#include "config.h"

#include <glib/gstdio.h>

#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * A board column: a GListModel over one stage's deals that pages them out
 * of the store instead of loading the stage at once.
 */

/* The list's paging, as documented in crm-deal-list.c. */
#define PAGE_SIZE        50
#define MAX_CACHED_PAGES 40

typedef struct
{
  char      *dir;
  char      *path;
  CrmStore  *store;
  GDateTime *now;
} Fixture;

static GDateTime *
fake_clock_cb (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_ref (fixture->now);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = crm_test_make_dir ("deals-test-deal-list-XXXXXX");
  fixture->path = crm_test_db_path (fixture->dir);
  fixture->now = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);

  fixture->store = crm_test_store_new (fixture->path, NULL);
  crm_store_set_clock (fixture->store, fake_clock_cb, fixture);
  crm_test_install_procedure (fixture->store, "tw");
  crm_test_populate (fixture->store, GPOINTER_TO_UINT (user_data), 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->store);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_date_time_unref (fixture->now);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GListModel *
first_pipeline_stages (CrmStore *store)
{
  g_autoptr (CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);

  g_assert_nonnull (pipeline);
  return crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
}

static CrmDealList *
biggest_stage_list (CrmStore *store)
{
  g_autoptr (GListModel) stages = first_pipeline_stages (store);
  CrmDealList *biggest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr (CrmStage) stage = g_list_model_get_item (stages, i);
      CrmDealList *list = crm_store_get_stage_deals (store, crm_stage_get_id (stage));

      if (biggest == NULL ||
          g_list_model_get_n_items (G_LIST_MODEL (list)) > g_list_model_get_n_items (G_LIST_MODEL (biggest)))
        {
          g_clear_object (&biggest);
          biggest = list;
        }
      else
        g_object_unref (list);
    }

  return biggest;
}

/* Asserts that @a sorts before (or equal to) @b: most recently touched
 * first, newer id first among deals touched at the same second. */
static void
assert_ordered (CrmDeal *a,
                CrmDeal *b)
{
  int cmp = g_date_time_compare (crm_deal_get_updated_at (a), crm_deal_get_updated_at (b));

  g_assert_cmpint (cmp, >=, 0);
  if (cmp == 0)
    g_assert_cmpint (crm_deal_get_id (a), >, crm_deal_get_id (b));
}

static void
test_deal_list_counts (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GListModel) stages = first_pipeline_stages (fixture->store);
  guint n_stages = g_list_model_get_n_items (stages);
  guint total = 0;
  guint n_non_empty = 0;

  g_assert_cmpuint (n_stages, >, 1);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr (CrmStage) stage = g_list_model_get_item (stages, i);
      g_autoptr (CrmDealList) list = crm_store_get_stage_deals (fixture->store, crm_stage_get_id (stage));
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint property = 0;

      g_object_get (list, "n-items", &property, NULL);
      g_assert_cmpuint (property, ==, n_items);
      g_assert_cmpint (crm_deal_list_get_stage_id (list), ==, crm_stage_get_id (stage));

      /* Counting costs no deal objects. */
      g_assert_cmpuint (crm_deal_list_get_n_cached (list), ==, 0);

      if (n_items > 0)
        {
          const char *label = crm_deal_list_get_total_label (list);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_utf8_validate (label, -1, NULL));
          n_non_empty++;
        }

      total += n_items;
    }

  g_assert_cmpuint (total, ==, GPOINTER_TO_UINT (user_data));
  g_assert_cmpuint (total, ==, crm_store_count_deals (fixture->store));
  /* The demo spreads deals over the board, not into one column. */
  g_assert_cmpuint (n_non_empty, >, n_stages / 2);
}

static void
test_deal_list_get_item (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (CrmDealList) list = biggest_stage_list (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  guint n_items = g_list_model_get_n_items (model);
  const guint positions[] = { 0, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, n_items - 1 };
  gint64 seen[G_N_ELEMENTS (positions)];

  /* Page boundaries must lie inside the list for this test to mean much. */
  g_assert_cmpuint (n_items, >, 2 * PAGE_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr (CrmDeal) deal = g_list_model_get_item (model, positions[i]);
      g_autoptr (CrmDeal) again = NULL;

      g_assert_nonnull (deal);
      g_assert_true (CRM_IS_DEAL (deal));
      g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_deal_list_get_stage_id (list));
      g_assert_cmpstr (crm_deal_get_title (deal), !=, "");
      g_assert_nonnull (crm_deal_get_updated_at (deal));
      seen[i] = crm_deal_get_id (deal);

      /* Asking again gives the same deal. */
      again = g_list_model_get_item (model, positions[i]);
      g_assert_cmpint (crm_deal_get_id (again), ==, seen[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (positions); j++)
      g_assert_cmpint (seen[i], !=, seen[j]);

  /* Beyond the end there is nothing. */
  g_assert_null (g_list_model_get_item (model, n_items));
  g_assert_null (g_list_model_get_item (model, n_items + 1));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));

  /* Neighbours across a page boundary are in order. */
  {
    g_autoptr (CrmDeal) last_of_first = g_list_model_get_item (model, PAGE_SIZE - 1);
    g_autoptr (CrmDeal) first_of_second = g_list_model_get_item (model, PAGE_SIZE);

    assert_ordered (last_of_first, first_of_second);
  }
}

static void
test_deal_list_sorted_and_bounded (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr (GListModel) stages = first_pipeline_stages (fixture->store);
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      g_autoptr (CrmStage) stage = g_list_model_get_item (stages, s);
      g_autoptr (CrmDealList) list = crm_store_get_stage_deals (fixture->store, crm_stage_get_id (stage));
      GListModel *model = G_LIST_MODEL (list);
      g_autoptr (CrmDeal) previous = NULL;
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (CrmDeal) deal = g_list_model_get_item (model, i);
          gint64 id;

          g_assert_nonnull (deal);
          g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_stage_get_id (stage));
          if (previous != NULL)
            assert_ordered (previous, deal);

          /* Every deal is listed once, in one column only. */
          id = crm_deal_get_id (deal);
          g_assert_false (g_hash_table_contains (ids, &id));
          g_hash_table_add (ids, g_memdup2 (&id, sizeof id));

          g_set_object (&previous, deal);
          g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, MAX_CACHED_PAGES * PAGE_SIZE);
        }

      g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, MAX_CACHED_PAGES * PAGE_SIZE);
      if (n_items > 0)
        g_assert_cmpuint (crm_deal_list_get_n_cached (list), >, 0);
    }

  g_assert_cmpuint (g_hash_table_size (ids), ==, GPOINTER_TO_UINT (user_data));
}

static void
test_deal_list_large_stage (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) stages = first_pipeline_stages (fixture->store);
  g_autoptr (CrmStage) stage = g_list_model_get_item (stages, 0);
  g_autoptr (CrmDealList) list = crm_store_get_stage_deals (fixture->store, crm_stage_get_id (stage));
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr (CrmDeal) first = NULL;
  g_autoptr (CrmDeal) first_again = NULL;
  g_autoptr (CrmDeal) previous = NULL;
  g_autofree char *insert = NULL;
  guint extra = (MAX_CACHED_PAGES + 10) * PAGE_SIZE;
  guint n_items;
  guint max_cached = 0;

  /* More deals in one column than the cache may hold: bulk-written around
   * the store, as an import would, then picked up by a reload. */
  insert = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                            "INSERT INTO deals (title, pipeline_id, stage_id, amount, currency, "
                            "                   created_at, updated_at) "
                            "SELECT 'Bulk ' || i, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", i * 100, 'ILS', "
                            "       '2025-01-01T00:00:00Z', strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', "
                            "                                         '2025-01-01', '+' || i || ' minutes') "
                            "FROM n",
                            extra, crm_stage_get_pipeline_id (stage), crm_stage_get_id (stage));
  g_assert_true (crm_db_exec (_crm_store_get_db (fixture->store), insert, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_reload (fixture->store, &error));
  g_assert_no_error (error);

  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, MAX_CACHED_PAGES * PAGE_SIZE);

  first = g_list_model_get_item (model, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CrmDeal) deal = g_list_model_get_item (model, i);

      g_assert_nonnull (deal);
      if (previous != NULL)
        assert_ordered (previous, deal);
      g_set_object (&previous, deal);
      max_cached = MAX (max_cached, crm_deal_list_get_n_cached (list));
    }

  /* Walking the whole column kept memory bounded... */
  g_test_message ("at most %u deals cached for a column of %u", max_cached, n_items);
  g_assert_cmpuint (max_cached, <=, MAX_CACHED_PAGES * PAGE_SIZE);
  g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, MAX_CACHED_PAGES * PAGE_SIZE);

  /* ...and the pages it dropped come back when scrolled to again. */
  first_again = g_list_model_get_item (model, 0);
  g_assert_cmpint (crm_deal_get_id (first_again), ==, crm_deal_get_id (first));
  g_assert_null (g_list_model_get_item (model, n_items));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n_deals, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_deals), fixture_set_up, func, fixture_tear_down)

  ADD ("/model/deal-list/counts", 2000, test_deal_list_counts);
  ADD ("/model/deal-list/get-item", 2000, test_deal_list_get_item);
  ADD ("/model/deal-list/sorted-and-bounded", 2000, test_deal_list_sorted_and_bounded);
  ADD ("/model/deal-list/large-stage", 200, test_deal_list_large_stage);

#undef ADD

  return g_test_run ();
}
