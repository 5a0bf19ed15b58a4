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
 * A board column: a GListModel over one stage's deals that reads them on
 * the store's worker thread, by keyset from a neighbour's sort key, and
 * holds a bounded window of them (issue 12).
 */

/* The list's reading, as documented in crm-deal-list.c. */
#define PAGE_SIZE   50
#define WINDOW_SIZE 1000

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
  fixture->path = crm_test_store_path (fixture->dir);
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
  crm_test_store_path_release (fixture->path);
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
      CrmDealList *list = crm_test_stage_deals (store, crm_stage_get_id (stage));

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
      guint n_items;
      guint property = 0;

      /* Nothing is read on the main thread: the list starts empty and
       * loading, and counts on the worker. */
      g_assert_true (crm_deal_list_is_loading (list));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
      crm_test_wait_for_list (list);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

      g_object_get (list, "n-items", &property, NULL);
      g_assert_cmpuint (property, ==, n_items);
      g_assert_cmpint (crm_deal_list_get_stage_id (list), ==, crm_stage_get_id (stage));

      /* Counting reads the first rows with it, for the first frame, and
       * no more. */
      g_assert_cmpuint (crm_deal_list_get_n_cached (list), ==, MIN (n_items, PAGE_SIZE));

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
      g_autoptr (CrmDeal) deal = crm_test_list_get (list, positions[i]);
      g_autoptr (CrmDeal) again = NULL;

      g_assert_nonnull (deal);
      g_assert_true (CRM_IS_DEAL (deal));
      g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_deal_list_get_stage_id (list));
      g_assert_cmpstr (crm_deal_get_title (deal), !=, "");
      g_assert_nonnull (crm_deal_get_updated_at (deal));
      seen[i] = crm_deal_get_id (deal);

      /* Asking again gives the same deal, the same object. */
      again = g_list_model_get_item (model, positions[i]);
      g_assert_true (again == deal);
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
    g_autoptr (CrmDeal) last_of_first = crm_test_list_get (list, PAGE_SIZE - 1);
    g_autoptr (CrmDeal) first_of_second = crm_test_list_get (list, PAGE_SIZE);

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
      g_autoptr (CrmDealList) list = crm_test_stage_deals (fixture->store, crm_stage_get_id (stage));
      GListModel *model = G_LIST_MODEL (list);
      g_autoptr (CrmDeal) previous = NULL;
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (CrmDeal) deal = crm_test_list_get (list, i);
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
          g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, WINDOW_SIZE);
        }

      g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, WINDOW_SIZE);
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
  guint extra = WINDOW_SIZE + 500;
  guint n_items;
  guint max_cached = 0;

  /* More deals in one column than the cache may hold: bulk-written around
   * the store, as an import would, then picked up by a reload. */
  insert = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                            "INSERT INTO deals (title, pipeline_id, stage_id, amount, currency, "
                            "                   created_at, updated_at) "
                            "SELECT 'Bulk ' || i, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", i * 100, 'ILS', "
                            "       '2025-01-01T00:00:00Z', %s "
                            "FROM n",
                            extra, crm_stage_get_pipeline_id (stage), crm_stage_get_id (stage),
                            /* i minutes into 2025, as the store writes a time */
                            crm_db_is_postgresql (_crm_store_get_db (fixture->store))
                            ? "to_char (TIMESTAMP '2025-01-01' + i * INTERVAL '1 minute', "
                              "         'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                            : "strftime ('%Y-%m-%dT%H:%M:%SZ', '2025-01-01', '+' || i || ' minutes')");
  g_assert_true (crm_db_exec (_crm_store_get_db (fixture->store), insert, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_reload (fixture->store, &error));
  g_assert_no_error (error);
  crm_test_wait_for_list (list);

  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >, WINDOW_SIZE);

  first = crm_test_list_get (list, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CrmDeal) deal = crm_test_list_get (list, i);

      g_assert_nonnull (deal);
      if (previous != NULL)
        assert_ordered (previous, deal);
      g_set_object (&previous, deal);
      max_cached = MAX (max_cached, crm_deal_list_get_n_cached (list));
    }

  /* Walking the whole column kept memory bounded... */
  g_test_message ("at most %u deals cached for a column of %u", max_cached, n_items);
  g_assert_cmpuint (max_cached, <=, WINDOW_SIZE);
  g_assert_cmpuint (crm_deal_list_get_n_cached (list), <=, WINDOW_SIZE);

  /* ...and the pages it dropped come back when scrolled to again. */
  first_again = crm_test_list_get (list, 0);
  g_assert_cmpint (crm_deal_get_id (first_again), ==, crm_deal_get_id (first));
  g_assert_null (g_list_model_get_item (model, n_items));
}

/* A position asked for before its row is read gives a blank deal of the
 * stage at once, and that same object takes the row when it comes. */
static void
test_deal_list_blank_then_filled (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr (CrmDealList) list = biggest_stage_list (fixture->store);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr (CrmDeal) deal = NULL;

  g_assert_cmpuint (n_items, >, 3 * PAGE_SIZE);
  g_assert_false (crm_deal_list_is_loading (list));

  deal = g_list_model_get_item (G_LIST_MODEL (list), 2 * PAGE_SIZE + 7);
  g_assert_nonnull (deal);
  g_assert_cmpint (crm_deal_get_id (deal), ==, 0);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_deal_list_get_stage_id (list));
  g_assert_true (crm_deal_list_is_loading (list));

  crm_test_wait_for_list (list);
  g_assert_cmpint (crm_deal_get_id (deal), >, 0);
  g_assert_cmpstr (crm_deal_get_title (deal), !=, "");
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_deal_list_get_stage_id (list));
}

/* A jump to the far end reads by position from the nearer end; its
 * neighbours are then read by keyset from it, up and down, and all of it
 * is in the order of a walk from the top. */
static void
test_deal_list_jump (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (CrmDealList) list = biggest_stage_list (fixture->store);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr (GArray) walked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrmDealList) again = NULL;
  guint middle = n_items / 2;

  g_assert_cmpuint (n_items, >, 4 * PAGE_SIZE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (CrmDeal) deal = crm_test_list_get (list, i);
      gint64 id = crm_deal_get_id (deal);

      g_array_append_val (walked, id);
    }

  /* A fresh list of the same stage, asked from the bottom, then the
   * middle, then upwards and downwards from there. */
  crm_deal_list_reload (list);
  crm_test_wait_for_list (list);
  {
    const guint order[] = { n_items - 1, n_items - PAGE_SIZE - 3, middle, middle - 1, middle - PAGE_SIZE,
                            middle + PAGE_SIZE + 1, 0, 1 };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr (CrmDeal) deal = crm_test_list_get (list, order[i]);

        g_assert_cmpint (crm_deal_get_id (deal), ==, g_array_index (walked, gint64, order[i]));
      }
  }
}

static CrmStage *
stage_at (CrmStore *store,
          guint     index)
{
  g_autoptr (GListModel) stages = first_pipeline_stages (store);

  return g_list_model_get_item (stages, index);
}

static gint64
total_of (CrmDealList *list)
{
  g_autoptr (CrmDealList) fresh = NULL;
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (CrmDeal) deal = crm_test_list_get (list, i);

      sum += crm_deal_get_amount (deal);
    }

  return sum;
}

/* Issue 12: a board move changes the two lists from the move itself, with
 * no recount: one row out, one row in with the moved deal's own object,
 * the totals by its amount, and at most 8 statements with nothing left to
 * read. The totals then agree with a recount. */
static void
test_deal_list_move_in_place (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStage) from_stage = stage_at (fixture->store, 2);
  g_autoptr (CrmStage) to_stage = stage_at (fixture->store, 3);
  g_autoptr (CrmDealList) from = crm_test_stage_deals (fixture->store, crm_stage_get_id (from_stage));
  g_autoptr (CrmDealList) to = crm_test_stage_deals (fixture->store, crm_stage_get_id (to_stage));
  g_autoptr (CrmDeal) moved = crm_test_list_get (from, 3);
  g_autoptr (CrmDeal) arrived = NULL;
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;
  guint n_from = g_list_model_get_n_items (G_LIST_MODEL (from));
  guint n_to = g_list_model_get_n_items (G_LIST_MODEL (to));
  gint64 from_total = total_of (from);
  gint64 to_total = total_of (to);
  guint64 before;

  g_assert_cmpuint (n_from, >, 4);
  g_assert_false (crm_deal_list_is_loading (from));

  /* A second later than the demo data, so the deal goes to the top. */
  g_date_time_unref (fixture->now);
  fixture->now = g_date_time_new_now_utc ();

  before = crm_store_get_statement_count (fixture->store);
  g_assert_true (crm_store_move_deal (fixture->store, crm_deal_get_id (moved),
                                      crm_stage_get_id (to_stage), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_statement_count (fixture->store) - before, <=, 8);

  g_assert_false (crm_deal_list_is_loading (from));
  g_assert_false (crm_deal_list_is_loading (to));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, n_from - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (to)), ==, n_to + 1);
  arrived = g_list_model_get_item (G_LIST_MODEL (to), 0);
  g_assert_true (arrived == moved);
  g_assert_cmpint (crm_deal_get_stage_id (moved), ==, crm_stage_get_id (to_stage));

  /* The labels, kept in place, are those a recount gives. */
  from_label = g_strdup (crm_deal_list_get_total_label (from));
  to_label = g_strdup (crm_deal_list_get_total_label (to));
  g_assert_cmpint (total_of (from), ==, from_total - crm_deal_get_amount (moved));
  g_assert_cmpint (total_of (to), ==, to_total + crm_deal_get_amount (moved));
  crm_deal_list_reload (from);
  crm_deal_list_reload (to);
  crm_test_wait_for_list (from);
  crm_test_wait_for_list (to);
  g_assert_cmpstr (crm_deal_list_get_total_label (from), ==, from_label);
  g_assert_cmpstr (crm_deal_list_get_total_label (to), ==, to_label);
}

/* Rows asked for before a move come after it: their positions moved, so
 * the list drops them and reads them again; no row is out of place. */
static void
test_deal_list_read_across_a_move (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDealList) list = biggest_stage_list (fixture->store);
  g_autoptr (CrmDeal) top = crm_test_list_get (list, 0);
  g_autoptr (CrmStage) target = NULL;
  g_autoptr (GPtrArray) asked = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr (CrmStage) stage = NULL;

  g_assert_cmpuint (n_items, >, 3 * PAGE_SIZE);
  stage = g_object_ref (crm_store_find_stage (fixture->store, crm_deal_list_get_stage_id (list)));
  for (guint i = 0; i < 5 && target == NULL; i++)
    {
      g_autoptr (CrmStage) other = stage_at (fixture->store, i);

      if (crm_stage_get_id (other) != crm_stage_get_id (stage) && !crm_stage_is_final (other))
        target = g_steal_pointer (&other);
    }
  g_assert_nonnull (target);

  for (guint i = 2 * PAGE_SIZE; i < 3 * PAGE_SIZE; i++)
    g_ptr_array_add (asked, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_true (crm_deal_list_is_loading (list));

  /* Before the reads come back. */
  g_assert_true (crm_store_move_deal (fixture->store, crm_deal_get_id (top), crm_stage_get_id (target),
                                      NULL, &error));
  g_assert_no_error (error);
  crm_test_wait_for_list (list);

  for (guint i = 0; i + 1 < asked->len; i++)
    {
      CrmDeal *deal = g_ptr_array_index (asked, i);

      g_assert_cmpint (crm_deal_get_id (deal), >, 0);
      g_assert_cmpint (crm_deal_get_stage_id (deal), ==, crm_stage_get_id (stage));
      assert_ordered (deal, g_ptr_array_index (asked, i + 1));
    }

  /* Each blank deal sits where the list says it does. */
  for (guint i = 0; i < asked->len; i++)
    {
      g_autoptr (CrmDeal) here = g_list_model_get_item (G_LIST_MODEL (list), 2 * PAGE_SIZE - 1 + i);

      g_assert_true (here == g_ptr_array_index (asked, i));
    }
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* A reload takes every row away and then adds them, in two signals: a
 * list view of GTK 4.8 looks through every row one signal adds for the
 * widgets it removed, which would read the whole stage. */
static void
test_deal_list_reload_in_two_signals (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr (CrmDealList) list = biggest_stage_list (fixture->store);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n_items, >, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  crm_deal_list_reload (list);
  crm_test_wait_for_list (list);
  g_signal_handlers_disconnect_by_func (list, record_change_cb, changes);

  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, n_items);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 3), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 4), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, n_items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_items);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/deal-list"))
    return g_test_run ();

#define ADD(path, n_deals, func) \
  CRM_TEST_ADD (path, Fixture, GUINT_TO_POINTER (n_deals), fixture_set_up, func, fixture_tear_down)

  ADD ("/model/deal-list/counts", 2000, test_deal_list_counts);
  ADD ("/model/deal-list/get-item", 2000, test_deal_list_get_item);
  ADD ("/model/deal-list/sorted-and-bounded", 2000, test_deal_list_sorted_and_bounded);
  ADD ("/model/deal-list/large-stage", 200, test_deal_list_large_stage);
  ADD ("/model/deal-list/blank-then-filled", 2000, test_deal_list_blank_then_filled);
  ADD ("/model/deal-list/jump", 1000, test_deal_list_jump);
  ADD ("/model/deal-list/move-in-place", 500, test_deal_list_move_in_place);
  ADD ("/model/deal-list/read-across-a-move", 2000, test_deal_list_read_across_a_move);
  ADD ("/model/deal-list/reload-in-two-signals", 300, test_deal_list_reload_in_two_signals);

#undef ADD

  return g_test_run ();
}
