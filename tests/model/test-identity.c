/* test-identity.c
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

/* Who signs in on SQLite: the file's owner, bound once to the account
 * running Deals and audited; another account's file opens read-only; and
 * adding a person or changing a role is a manager's audited action. */

#include "config.h"

#include "crm-deal.h"
#include "crm-user.h"

#include "../crm-test-common.h"

static gint64
count (CrmStore   *store,
       const char *sql)
{
  return crm_test_query_int (store, sql);
}

static char *
query_text (CrmStore   *store,
            const char *sql)
{
  g_autoptr(CrmStatement) stmt = crm_test_query_row (store, sql);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* Runs @sql on the closed file at @path, around the store. */
static void
write_around_store (const char *path,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

static CrmStore *
reopen (CrmTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;

  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));
  store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = store;

  return store;
}

static gint64
current_id (CrmStore *store)
{
  CrmUser *me = crm_store_get_current_user (store);

  g_assert_nonnull (me);
  return crm_user_get_id (me);
}

static void
test_owner_bound_once (CrmTestFixture *fixture,
                       gconstpointer   data)
{
  g_autofree char *login = NULL;
  g_autofree char *audited = NULL;
  CrmStore *store = fixture->store;
  gint64 owner = current_id (store);

  /* Whoever set the file up is its owner, bound to this account. */
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (store)), ==, CRM_ROLE_MANAGER);
  login = query_text (store, "SELECT login FROM users WHERE id = 1");
  g_assert_cmpstr (login, ==, g_get_user_name ());
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'bind-owner' "
                                 "AND entity = 'user' AND entity_id = 1 AND user_id = 1"), ==, 1);
  audited = query_text (store, "SELECT new_value FROM audit_log WHERE action = 'bind-owner'");
  g_assert_cmpstr (audited, ==, g_get_user_name ());
  g_assert_no_error (crm_store_get_owner_error (store));

  /* More people change nothing of it, and neither does reopening. */
  crm_test_populate (store, 5, 1);
  store = reopen (fixture);
  g_assert_cmpint (current_id (store), ==, owner);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'bind-owner'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE login IS NOT NULL"), ==, 1);
}

/* A file that names no owner yet (written before logins) binds its first
 * manager, not its first user, once, in a transaction of its own. */
static void
test_unbound_file_binds_first_manager (void)
{
  g_autofree char *dir = crm_test_make_dir ("deals-test-identity-XXXXXX");
  g_autofree char *path = crm_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *login = NULL;

  crm_test_write_old_file (path, 7,
                           "INSERT INTO users (name, role) VALUES ('Noa Peretz', 'rep');"
                           "INSERT INTO users (name, role) VALUES ('Dana Levi', 'manager');");

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, _crm_store_latest_schema_version ());
  g_assert_cmpstr (crm_user_get_name (crm_store_get_current_user (store)), ==, "Dana Levi");
  login = query_text (store, "SELECT login FROM users WHERE id = 2");
  g_assert_cmpstr (login, ==, g_get_user_name ());
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE login IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'bind-owner' "
                                 "AND entity_id = 2 AND user_id = 2"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current_id (store), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'bind-owner'"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_true (crm_test_remove_dir (dir));
}

/* Another account's file opens to read, says whose it is, and writes
 * nothing: not a deal, not a person. */
static void
test_other_account_read_only (CrmTestFixture *fixture,
                              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(CrmContact) contact = NULL;
  const GError *owner_error;
  CrmStore *store;
  gint64 audits;

  crm_test_populate (fixture->store, 3, 1);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  write_around_store (fixture->path, "UPDATE users SET login = 'someone-else' WHERE id = 1");
  store = reopen (fixture);

  g_assert_null (crm_store_get_current_user (store));
  owner_error = crm_store_get_owner_error (store);
  g_assert_error ((GError *)owner_error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_OWNER);
  g_assert_nonnull (strstr (owner_error->message, "someone-else"));
  g_assert_nonnull (strstr (owner_error->message, g_get_real_name ()));
  g_assert_nonnull (strstr (owner_error->message, "read-only"));

  /* Everything can be read. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_users (store)), ==, 5);
  deal = crm_store_load_deal (store, 1, &error);
  g_assert_no_error (error);
  audits = count (store, "SELECT count(*) FROM audit_log");

  g_assert_cmpint (crm_store_add_user (store, "Intruder", CRM_ROLE_MANAGER, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_OWNER);
  g_clear_error (&error);

  crm_deal_set_title (deal, "Renamed elsewhere");
  contact = crm_store_load_contact (store, crm_deal_get_contact_id (deal), &error);
  g_assert_no_error (error);
  g_assert_false (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_OWNER);

  g_assert_cmpint (count (store, "SELECT count(*) FROM users"), ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM deals WHERE title = 'Renamed elsewhere'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE login = 'someone-else'"), ==, 1);
}

/* A rep adds nobody and changes no role; nothing is written. */
static void
test_rep_refused (CrmTestFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = fixture->store;
  gint64 rep;
  gint64 audits;

  rep = crm_store_add_user (store, "Noa Peretz", CRM_ROLE_REP, &error);
  g_assert_no_error (error);
  _crm_store_set_current_user (store, rep);
  audits = count (store, "SELECT count(*) FROM audit_log");

  g_assert_cmpint (crm_store_add_user (store, "Avi Cohen", CRM_ROLE_REP, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "manager"));
  g_clear_error (&error);

  g_assert_false (crm_store_set_user_role (store, rep, CRM_ROLE_MANAGER, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_false (crm_store_set_user_role (store, 1, CRM_ROLE_REP, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);

  g_assert_cmpint (count (store, "SELECT count(*) FROM users"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE role = 'manager'"), ==, 1);
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (store)), ==, CRM_ROLE_REP);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log"), ==, audits);
}

static void
role_notified_cb (CrmStore   *store,
                  GParamSpec *pspec,
                  guint      *n_notified)
{
  (*n_notified)++;
}

/* A manager's additions and role changes are audited: who, when, the old
 * and the new role. */
static void
test_manager_changes_audited (CrmTestClockedFixture *fixture,
                              gconstpointer          data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) row = NULL;
  CrmStore *store = fixture->base.store;
  gint64 manager = current_id (store);
  gint64 rep;

  rep = crm_store_add_user (store, "Noa Peretz", CRM_ROLE_REP, &error);
  g_assert_no_error (error);
  row = crm_test_query_row (store, "SELECT user_id, at, entity_id, old_value, new_value FROM audit_log "
                                   "WHERE action = 'add-user'");
  g_assert_cmpint (crm_statement_get_int64 (row, 0), ==, manager);
  g_assert_cmpstr (crm_statement_get_text (row, 1), ==, "2026-03-02T09:00:00Z");
  g_assert_cmpint (crm_statement_get_int64 (row, 2), ==, rep);
  g_assert_null (crm_statement_get_text (row, 3));
  g_assert_cmpstr (crm_statement_get_text (row, 4), ==, "rep");
  g_clear_pointer (&row, crm_statement_release);

  crm_test_clock_advance (&fixture->clock, G_TIME_SPAN_HOUR);
  g_assert_true (crm_store_set_user_role (store, rep, CRM_ROLE_MANAGER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE role = 'manager'"), ==, 2);
  row = crm_test_query_row (store, "SELECT user_id, at, entity_id, old_value, new_value FROM audit_log "
                                   "WHERE action = 'change-role'");
  g_assert_cmpint (crm_statement_get_int64 (row, 0), ==, manager);
  g_assert_cmpstr (crm_statement_get_text (row, 1), ==, "2026-03-02T10:00:00Z");
  g_assert_cmpint (crm_statement_get_int64 (row, 2), ==, rep);
  g_assert_cmpstr (crm_statement_get_text (row, 3), ==, "rep");
  g_assert_cmpstr (crm_statement_get_text (row, 4), ==, "manager");

  /* The same role again writes nothing. */
  g_assert_true (crm_store_set_user_role (store, rep, CRM_ROLE_MANAGER, &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'change-role'"), ==, 1);
}

/* The last manager cannot make themselves a rep: the department would
 * have nobody to add a person or change a role. With a second manager,
 * they can, and the store says the current user changed. */
static void
test_last_manager_stays (CrmTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = fixture->store;
  gint64 me = current_id (store);
  guint n_notified = 0;
  gint64 audits = count (store, "SELECT count(*) FROM audit_log");

  g_assert_false (crm_store_set_user_role (store, me, CRM_ROLE_REP, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_LAST_MANAGER);
  g_clear_error (&error);
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (store)), ==, CRM_ROLE_MANAGER);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE role = 'manager'"), ==, 1);

  g_assert_cmpint (crm_store_add_user (store, "Dana Levi", CRM_ROLE_MANAGER, &error), >, 0);
  g_assert_no_error (error);
  g_signal_connect (store, "notify::current-user", G_CALLBACK (role_notified_cb), &n_notified);
  g_assert_true (crm_store_set_user_role (store, me, CRM_ROLE_REP, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (store)), ==, CRM_ROLE_REP);
  g_signal_handlers_disconnect_by_func (store, role_notified_cb, &n_notified);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/identity/owner-bound-once", CrmTestFixture, "hs",
              crm_test_fixture_set_up, test_owner_bound_once, crm_test_fixture_tear_down);
  g_test_add_func ("/identity/unbound-file-binds-first-manager", test_unbound_file_binds_first_manager);
  g_test_add ("/identity/other-account-read-only", CrmTestFixture, "hs",
              crm_test_fixture_set_up, test_other_account_read_only, crm_test_fixture_tear_down);
  g_test_add ("/identity/rep-refused", CrmTestFixture, "hs",
              crm_test_fixture_set_up, test_rep_refused, crm_test_fixture_tear_down);
  g_test_add ("/identity/manager-changes-audited", CrmTestClockedFixture, "hs",
              crm_test_clocked_fixture_set_up, test_manager_changes_audited, crm_test_clocked_fixture_tear_down);
  g_test_add ("/identity/last-manager-stays", CrmTestFixture, "hs",
              crm_test_fixture_set_up, test_last_manager_stays, crm_test_fixture_tear_down);

  return g_test_run ();
}
