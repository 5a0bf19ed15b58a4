/* test-agenda-list.c
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

/* The Today agenda read a page at a time (HS-5, RAD-5, RAD-6): the same
 * rows, in the same order, as the whole agenda read at once, across the
 * pages' boundaries either way; counts by section; and a change of one
 * deal told as a few rows removed and inserted. */

#include "config.h"

#include "crm-agenda-list.h"
#include "crm-user.h"
#include "../crm-test-common.h"

#define N_DEALS 150
#define N_TASKS 450   /* more than four pages of 100 */

typedef struct
{
  guint n_signals;
  guint largest;   /* the most rows one signal removed or added */
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->largest = MAX (changes->largest, MAX (removed, added));
}

static gint64
owner_of (CrmStore *store)
{
  return crm_user_get_id (crm_store_get_current_user (store));
}

/* The rep gets N_TASKS open tasks on the demo's deals, due from a week
 * ago to a week ahead, every one at its own minute. */
static void
add_tasks (CrmTestClockedFixture *fixture)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;

  crm_test_populate (store, N_DEALS, 7);
  for (guint i = 0; i < N_TASKS; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_minutes (fixture->clock.now, ((int) i - N_TASKS / 2) * 45);

      crm_store_add_task (store, 1 + i % N_DEALS, "Call back", due, owner_of (store), &error);
      g_assert_no_error (error);
    }
}

static void
assert_same_item (CrmAgendaItem *a,
                  CrmAgendaItem *b,
                  guint          position)
{
  if (crm_agenda_item_get_task_id (a) != crm_agenda_item_get_task_id (b) ||
      crm_agenda_item_get_deal_id (a) != crm_agenda_item_get_deal_id (b) ||
      crm_agenda_item_get_section (a) != crm_agenda_item_get_section (b))
    g_error ("Row %u differs: task %" G_GINT64_FORMAT " of deal %" G_GINT64_FORMAT
             ", expected task %" G_GINT64_FORMAT " of deal %" G_GINT64_FORMAT,
             position, crm_agenda_item_get_task_id (a), crm_agenda_item_get_deal_id (a),
             crm_agenda_item_get_task_id (b), crm_agenda_item_get_deal_id (b));
}

static CrmAgendaSection
section_of (GListModel *agenda,
            guint       position)
{
  g_autoptr(CrmAgendaItem) item = g_list_model_get_item (agenda, position);

  return crm_agenda_item_get_section (item);
}

/* The list against the agenda read whole; @backward reads it from the
 * end, which reads by keyset backwards and crosses sections backwards. */
static void
assert_like_whole_agenda (CrmAgendaList *list,
                          CrmStore      *store,
                          gboolean       backward)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) whole = crm_store_get_agenda (store, owner_of (store), &error);
  guint n = g_list_model_get_n_items (whole);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  for (guint k = 0; k < n; k++)
    {
      guint i = backward ? n - 1 - k : k;
      g_autoptr(CrmAgendaItem) mine = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(CrmAgendaItem) theirs = g_list_model_get_item (whole, i);

      g_assert_nonnull (mine);
      assert_same_item (mine, theirs, i);
      g_assert_cmpint (crm_agenda_list_starts_section (list, i), ==,
                       i == 0 || crm_agenda_item_get_section (theirs) != section_of (whole, i - 1));
    }
}

static void
test_order_across_pages (CrmTestClockedFixture *fixture,
                         gconstpointer          data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmAgendaList) forward = NULL;
  g_autoptr(CrmAgendaList) backward = NULL;

  add_tasks (fixture);

  forward = crm_agenda_list_new (store, owner_of (store));
  assert_like_whole_agenda (forward, store, FALSE);
  /* It never held more than its window. */
  g_assert_cmpuint (crm_agenda_list_get_n_cached (forward), <=, 1000);

  backward = crm_agenda_list_new (store, owner_of (store));
  assert_like_whole_agenda (backward, store, TRUE);
}

/* RAD-6: the sections' counts come from counting, not reading. */
static void
test_counts (CrmTestClockedFixture *fixture,
             gconstpointer          data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmAgendaList) list = NULL;
  g_autoptr(GListModel) whole = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[4] = { 0 };

  add_tasks (fixture);
  whole = crm_store_get_agenda (store, owner_of (store), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (whole); i++)
    {
      g_autoptr(CrmAgendaItem) item = g_list_model_get_item (whole, i);

      counts[crm_agenda_item_get_section (item)]++;
    }

  list = crm_agenda_list_new (store, owner_of (store));
  g_assert_cmpuint (crm_agenda_list_get_n_cached (list), ==, 0);
  for (guint s = 0; s <= CRM_AGENDA_NO_TASK; s++)
    g_assert_cmpuint (crm_agenda_list_get_count (list, s), ==, counts[s]);
  g_assert_cmpuint (counts[CRM_AGENDA_OVERDUE], >, 0);
  g_assert_cmpuint (counts[CRM_AGENDA_TODAY], >, 0);
  g_assert_cmpuint (counts[CRM_AGENDA_UPCOMING], >, 0);

  /* An hour later, the tasks due in it are overdue: the list says so
   * when it is refreshed, and only then. */
  crm_test_clock_advance (&fixture->clock, G_TIME_SPAN_HOUR);
  g_assert_cmpuint (crm_agenda_list_get_count (list, CRM_AGENDA_OVERDUE), ==, counts[CRM_AGENDA_OVERDUE]);
  g_assert_true (crm_agenda_list_refresh (list));
  g_assert_cmpuint (crm_agenda_list_get_count (list, CRM_AGENDA_OVERDUE), >, counts[CRM_AGENDA_OVERDUE]);
  g_assert_false (crm_agenda_list_refresh (list));
}

/* RAD-7: a task closed and one added from the rows held move a few rows,
 * not the list; the list is then what a fresh read gives. */
static void
test_change_is_small (CrmTestClockedFixture *fixture,
                      gconstpointer          data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmAgendaList) list = NULL;
  g_autoptr(CrmAgendaItem) item = NULL;
  g_autoptr(GDateTime) due = g_date_time_add_days (fixture->clock.now, 3);
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint n;

  add_tasks (fixture);
  list = crm_agenda_list_new (store, owner_of (store));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Every row read once, so the window holds all three of the deal's
   * (its tasks are spread over the list); a deal with a row the window
   * does not hold starts the list again. */
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  item = g_list_model_get_item (G_LIST_MODEL (list), 5);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (crm_store_close_task (store, crm_agenda_item_get_task_id (item), TRUE, "Done",
                                       "Send the quote", due, &error));
  g_assert_no_error (error);

  /* The deal's three rows out, its two open ones back where they
   * belong, and the captions' rows: never the whole list. */
  g_assert_cmpuint (changes.n_signals, >, 0);
  g_assert_cmpuint (changes.largest, ==, 1);
  /* The follow-up is the deal's owner's, another rep of the demo. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  assert_like_whole_agenda (list, store, FALSE);
}

/* Nothing of the rep's changed: nothing is said. */
static void
test_other_owner_is_quiet (CrmTestClockedFixture *fixture,
                           gconstpointer          data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmAgendaList) list = crm_agenda_list_new (store, owner_of (store) + 1000);
  Changes changes = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  add_tasks (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.n_signals, ==, 0);
}

/* Issue 12: the agenda follows every deal change (a board move among
 * them) in two statements, the deal's rows and the four counts, and one
 * more for where each of the deal's rows goes back; it is then what a
 * fresh read gives. */
static void
test_deal_change_costs_two_statements (CrmTestClockedFixture *fixture,
                                       gconstpointer          data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmAgendaList) list = NULL;
  g_autoptr(CrmAgendaItem) item = NULL;
  guint64 before;
  guint n_rows = 0;

  add_tasks (fixture);
  list = crm_agenda_list_new (store, owner_of (store));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CrmAgendaItem) other = g_list_model_get_item (G_LIST_MODEL (list), i);

      n_rows += crm_agenda_item_get_deal_id (other) == crm_agenda_item_get_deal_id (item);
    }
  g_assert_cmpuint (n_rows, >, 0);

  before = crm_store_get_statement_count (store);
  g_signal_emit_by_name (store, "deal-changed", crm_agenda_item_get_deal_id (item));
  g_assert_cmpuint (crm_store_get_statement_count (store) - before, ==, 2 + n_rows);
  assert_like_whole_agenda (list, store, FALSE);
}

static void
add_test (const char *path,
          void (*func) (CrmTestClockedFixture *, gconstpointer))
{
  CRM_TEST_ADD (path, CrmTestClockedFixture, "hs", crm_test_clocked_fixture_set_up, func,
              crm_test_clocked_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/agenda-list"))
    return g_test_run ();

  add_test ("/model/agenda-list/order-across-pages", test_order_across_pages);
  add_test ("/model/agenda-list/counts", test_counts);
  add_test ("/model/agenda-list/change-is-small", test_change_is_small);
  add_test ("/model/agenda-list/other-owner-is-quiet", test_other_owner_is_quiet);
  add_test ("/model/agenda-list/deal-change-costs-two-statements", test_deal_change_costs_two_statements);

  return g_test_run ();
}
