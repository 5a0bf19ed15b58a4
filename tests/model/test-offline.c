/* test-offline.c
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

#include "../crm-test-common.h"
#include "../crm-test-postgresql.h"

#include "crm-db.h"
#include "crm-store-private.h"

/*
 * Issue 10, item 6: the team server out of reach. The server ends the
 * store's connections itself (pg_terminate_backend() from a connection of
 * the test's), which is what a restart or a lost network looks like to
 * libpq: the store goes offline once, refuses writes with one message,
 * keeps its lists, and comes back by itself.
 */

typedef struct
{
  CrmTestFixture base;
  guint          notified;   /* notify::online */
} Fixture;

static void
online_notified_cb (CrmStore   *store,
                    GParamSpec *pspec,
                    Fixture    *fixture)
{
  fixture->notified++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  crm_test_fixture_set_up (&fixture->base, "tw");
  g_signal_connect (fixture->base.store, "notify::online", G_CALLBACK (online_notified_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_signal_handlers_disconnect_by_data (fixture->base.store, fixture);
  crm_test_fixture_tear_down (&fixture->base, user_data);
}

/* The first column of @sql's first row, read on a connection of the
 * test's own to @uri: what the server has, whatever the store thinks. */
static gint64
server_int (const char *uri,
            const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = crm_db_open (uri, FALSE, &error);
  g_autoptr (CrmStatement) stmt = NULL;

  g_assert_no_error (error);
  stmt = crm_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  return crm_statement_get_int64 (stmt, 0);
}

/* The server ends every connection to the store's database but those of
 * @spared_pid and of the test's; how many it ended. */
static gint64
cut (const char *uri,
     gint64      spared_pid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                                          "WHERE datname = current_database () AND pid <> pg_backend_pid () "
                                          "AND pid <> %" G_GINT64_FORMAT, spared_pid);

  return server_int (uri, sql);
}

static gint64
store_backend_pid (CrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store), "SELECT pg_backend_pid ()", &error);

  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  return crm_statement_get_int64 (stmt, 0);
}

/* Runs the main loop until the store is online again, at most @seconds. */
static gboolean
wait_online (CrmStore *store,
             guint     seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!crm_store_is_online (store) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return crm_store_is_online (store);
}

/* Item 6: both connections cut; a move is refused with one message and
 * writes nothing; the columns keep their cards; the timer's first try
 * (after a second) brings the store back, the lists read again, and the
 * move then goes through. */
static void
test_offline_lost_and_back (Fixture       *fixture,
                            gconstpointer  user_data)
{
  CrmStore *store = fixture->base.store;
  const char *uri = fixture->base.path;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) again = NULL;
  g_autoptr (CrmDealList) from = NULL;
  g_autoptr (CrmDealList) to = NULL;
  g_autoptr (CrmDeal) kept = NULL;
  g_autofree char *where = NULL;
  gint64 first = crm_test_tw_stage_id (store, 0);
  gint64 second = crm_test_tw_stage_id (store, 1);
  gint64 deal_id = crm_test_save_tw_deal (store, "Fleet renewal");

  crm_test_save_tw_deal (store, "Warehouse scanners");
  from = crm_test_stage_deals (store, first);
  to = crm_test_stage_deals (store, second);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 2);
  g_assert_true (crm_store_is_online (store));

  /* The store's and the worker's. */
  g_assert_cmpint (cut (uri, 0), >=, 2);

  g_assert_false (crm_store_move_deal (store, deal_id, second, NULL, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE);
  g_assert_false (crm_store_is_online (store));
  g_assert_cmpuint (fixture->notified, ==, 1);
  g_assert_nonnull (crm_store_get_offline_error (store));
  g_assert_cmpstr (crm_store_get_offline_error (store)->message, ==, error->message);

  /* The next write is refused at once, with the same message. */
  g_assert_false (crm_store_move_deal (store, deal_id, second, NULL, &again));
  g_assert_error (again, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE);
  g_assert_cmpstr (again->message, ==, error->message);
  g_assert_cmpuint (fixture->notified, ==, 1);

  /* Nothing was written, and the board keeps what it showed. */
  where = g_strdup_printf ("SELECT stage_id FROM deals WHERE id = %" G_GINT64_FORMAT, deal_id);
  g_assert_cmpint (server_int (uri, where), ==, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 2);
  kept = g_list_model_get_item (G_LIST_MODEL (from), 0);
  g_assert_nonnull (kept);
  g_assert_cmpstr (crm_deal_get_title (kept), !=, NULL);

  g_assert_true (wait_online (store, 5));
  g_assert_cmpuint (fixture->notified, ==, 2);
  g_assert_null (crm_store_get_offline_error (store));

  g_clear_error (&error);
  g_assert_true (crm_store_move_deal (store, deal_id, second, NULL, &error));
  g_assert_no_error (error);
  crm_test_wait_for_list (from);
  crm_test_wait_for_list (to);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (to)), ==, 1);
  g_assert_cmpint (server_int (uri, where), ==, second);
  /* The worker's connection was made again too: no second loss. */
  g_assert_true (crm_store_is_online (store));
  g_assert_cmpuint (fixture->notified, ==, 2);
}

/* Item 6: only the worker's connection cut. Its next read fails as
 * offline: the store goes offline from it, the column keeps its cards
 * (no critical), and after the store is back the column reads again. */
static void
test_offline_worker_lost (Fixture       *fixture,
                          gconstpointer  user_data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr (CrmDealList) from = NULL;
  gint64 first = crm_test_tw_stage_id (store, 0);
  gint64 deal_id = crm_test_save_tw_deal (store, "Fleet renewal");

  from = crm_test_stage_deals (store, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 1);

  g_assert_cmpint (cut (fixture->base.path, store_backend_pid (store)), ==, 1);
  crm_deal_list_reload (from);
  crm_test_wait_for_list (from);
  g_assert_false (crm_store_is_online (store));
  g_assert_cmpuint (fixture->notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 1);

  /* Try Now, rather than the timer. */
  crm_store_reconnect (store);
  g_assert_true (wait_online (store, 5));
  crm_test_save_tw_deal (store, "Warehouse scanners");
  crm_test_wait_for_list (from);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, 2);
  g_assert_cmpint (deal_id, >, 0);
}

/* Item 6: the connection cut between two statements of one write. The
 * second fails as offline, the transaction is rolled back, and the
 * server has nothing of the first. */
static void
test_offline_cut_mid_transaction (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  CrmStore *store = fixture->base.store;
  CrmDb *db = _crm_store_get_db (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) first = NULL;
  g_autoptr (CrmStatement) second = NULL;
  gint64 before = server_int (fixture->base.path, "SELECT count(*) FROM meta");

  g_assert_true (_crm_store_begin (store, &error));
  first = crm_db_prepare (db, "INSERT INTO meta (key, value) VALUES ('offline-1', 'x')", &error);
  g_assert_no_error (error);
  g_assert_true (crm_statement_run (first, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cut (fixture->base.path, 0), >=, 1);

  second = crm_db_prepare (db, "INSERT INTO meta (key, value) VALUES ('offline-2', 'y')", &error);
  if (second != NULL)
    g_assert_false (crm_statement_run (second, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE);
  g_assert_false (_crm_store_commit_or_rollback (store, FALSE, NULL));
  g_assert_false (crm_db_in_transaction (db));

  g_assert_false (crm_store_is_online (store));
  g_assert_cmpint (server_int (fixture->base.path, "SELECT count(*) FROM meta"), ==, before);
  g_assert_cmpint (server_int (fixture->base.path, "SELECT count(*) FROM meta WHERE key LIKE 'offline-%'"), ==, 0);
}

/* A file cannot be lost: always online, and Try Now does nothing. */
static void
test_offline_file_always_online (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  crm_store_reconnect (fixture->base.store);
  g_assert_true (crm_store_is_online (fixture->base.store));
  g_assert_null (crm_store_get_offline_error (fixture->base.store));
  g_assert_cmpuint (fixture->notified, ==, 0);
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/offline"))
    return g_test_run ();

  if (crm_test_on_postgresql ())
    {
      ADD ("/model/offline/postgresql/lost-and-back", test_offline_lost_and_back);
      ADD ("/model/offline/postgresql/worker-lost", test_offline_worker_lost);
      ADD ("/model/offline/postgresql/cut-mid-transaction", test_offline_cut_mid_transaction);
    }
  else
    ADD ("/model/offline/file-always-online", test_offline_file_always_online);

  return g_test_run ();
}
