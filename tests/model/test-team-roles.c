/* test-team-roles.c
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

/* Issue 10, item 4, on a team server: people sign in as PostgreSQL login
 * roles, their role is the server's (membership of deals_manager), and the
 * server itself refuses a rep what the store refuses them (migration 11's
 * grants, row-level security and triggers). Each test makes login roles
 * of its own, with passwords, on the throwaway cluster of
 * build-aux/with-postgresql, and drops them after. Every refusal is
 * checked twice: through the store, with its message, and with raw SQL
 * through CrmDb, where the server refuses. */

#include "config.h"

#include <string.h>

#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-user.h"
#include "../crm-test-common.h"
#include "../crm-test-postgresql.h"

#define PASSWORD "Team-roles-password-1"

typedef struct
{
  char     *uri;            /* the test's database, as the superuser */
  char     *owner;          /* owns the database: ran the migrations, first manager */
  char     *rep;            /* Noa, a rep */
  char     *other;          /* Avi, another rep */
  char     *stranger;       /* a login role with no Deals user */
  char     *made;           /* the role deals_add_person() makes */
  CrmStore *owner_store;
  gint64    rep_id;
  gint64    other_id;
} Fixture;

/* @fixture's database as @role, whose password the process now knows. */
static char *
uri_as (Fixture    *fixture,
        const char *role)
{
  const char *authority = strstr (fixture->uri, "://") + 3;
  const char *at = strchr (authority, '@');
  char *uri;

  g_assert_nonnull (at);
  uri = g_strdup_printf ("%.*s%s%s", (int)(authority - fixture->uri), fixture->uri, role, at);
  crm_db_remember_password (uri, PASSWORD);
  return uri;
}

static CrmStore *
open_as (Fixture    *fixture,
         const char *role)
{
  g_autofree char *uri = uri_as (fixture, role);
  g_autoptr (GError) error = NULL;
  CrmStore *store = crm_store_open (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static CrmDb *
db_as (Fixture    *fixture,
       const char *role)
{
  g_autofree char *uri = uri_as (fixture, role);
  g_autoptr (GError) error = NULL;
  CrmDb *db = crm_db_open (uri, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
make_role (const char *name,
           const char *options)
{
  g_autofree char *sql = g_strdup_printf ("CREATE ROLE %s LOGIN %s PASSWORD '%s'", name, options, PASSWORD);

  crm_test_postgresql_run (sql);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static guint counter;
  g_autofree char *owner_sql = NULL;
  g_autofree char *prefix = g_strdup_printf ("deals_r%ld_%u", (long)getpid (), ++counter);

  fixture->uri = crm_test_postgresql_database_new ();
  fixture->owner = g_strconcat (prefix, "_owner", NULL);
  fixture->rep = g_strconcat (prefix, "_noa", NULL);
  fixture->other = g_strconcat (prefix, "_avi", NULL);
  fixture->stranger = g_strconcat (prefix, "_stranger", NULL);
  fixture->made = g_strconcat (prefix, "_made", NULL);

  /* The administrator's part: the owner with CREATEROLE, and the people's
   * login roles with their passwords. */
  make_role (fixture->owner, "CREATEROLE");
  make_role (fixture->rep, "");
  make_role (fixture->other, "");
  make_role (fixture->stranger, "");
  owner_sql = g_strdup_printf ("ALTER DATABASE %s OWNER TO %s",
                               strrchr (fixture->uri, '/') + 1, fixture->owner);
  crm_test_postgresql_run (owner_sql);

  /* The owner opens it first: the migrations run as the owner, who sets
   * the department up and is its first manager. */
  fixture->owner_store = open_as (fixture, fixture->owner);
  crm_test_install_procedure (fixture->owner_store, "tw");

  g_autoptr (GError) error = NULL;
  fixture->rep_id = crm_store_add_person (fixture->owner_store, "Noa Peretz", fixture->rep, CRM_ROLE_REP, &error);
  g_assert_no_error (error);
  fixture->other_id = crm_store_add_person (fixture->owner_store, "Avi Cohen", fixture->other, CRM_ROLE_REP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->rep_id, >, 0);
  g_assert_cmpint (fixture->other_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *roles[] = { fixture->rep, fixture->other, fixture->stranger, fixture->made, fixture->owner };

  g_assert_finalize_object (fixture->owner_store);
  crm_test_postgresql_database_drop (fixture->uri);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", roles[i]);

      crm_test_postgresql_run (sql);
      g_free ((char *)roles[i]);
    }
  g_free (fixture->uri);
}

/* Runs @sql with @id bound to ?1 (when not 0) on @db; the error, if any. */
static GError *
run_sql (CrmDb      *db,
         const char *sql,
         gint64      id)
{
  g_autoptr (CrmStatement) stmt = NULL;
  GError *error = NULL;

  stmt = crm_db_prepare (db, sql, &error);
  if (stmt == NULL)
    return error;
  if (id != 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_run (stmt, &error);
  return error;
}

/* The server refused @sql for lack of privilege (SQLSTATE 42501: a grant
 * missing, a policy or one of migration 11's triggers). */
static void
assert_refused (CrmDb      *db,
                const char *sql,
                gint64      id)
{
  g_autoptr (GError) error = run_sql (db, sql, id);

  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_READ_ONLY);
}

static void
assert_runs (CrmDb      *db,
             const char *sql,
             gint64      id)
{
  g_autoptr (GError) error = run_sql (db, sql, id);

  g_assert_no_error (error);
}

static gint64
query_int (CrmDb      *db,
           const char *sql,
           gint64      id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = crm_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (id != 0)
    crm_statement_bind_int64 (stmt, 1, id);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  g_assert_no_error (error);
  return crm_statement_get_int64 (stmt, 0);
}

/* A deal saved by whoever is signed in to @store: its owner. */
static gint64
save_deal (CrmStore   *store,
           const char *title)
{
  static const char * const phones[] = { "050-123-4567", NULL };
  static const char * const emails[] = { "dana@example.co.il", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = crm_deal_new ();
  g_autoptr (CrmContact) contact = crm_contact_new ();

  crm_deal_set_title (deal, title);
  crm_contact_set_name (contact, "Dana Levi");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  return crm_deal_get_id (deal);
}

/* Item 4: the person is the users row of the connection's login role, and
 * the role is the server's: the owner (a member of deals_manager since
 * migration 11) a manager, Noa a rep. */
static void
test_sign_in (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  CrmUser *me = crm_store_get_current_user (rep_store);
  CrmUser *owner = crm_store_get_current_user (fixture->owner_store);

  g_assert_nonnull (me);
  g_assert_cmpint (crm_user_get_id (me), ==, fixture->rep_id);
  g_assert_cmpint (crm_user_get_role (me), ==, CRM_ROLE_REP);
  g_assert_null (crm_store_get_owner_error (rep_store));

  g_assert_nonnull (owner);
  g_assert_cmpint (crm_user_get_role (owner), ==, CRM_ROLE_MANAGER);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT count(*) FROM users WHERE login = session_user"),
                   ==, 1);
}

/* Item 4: a login role with no Deals user signs in as nobody. With no
 * group role it may not even read: the store does not open, and says
 * why. A member of deals_rep (granted by hand, with psql) may read: the
 * store opens read-only with a message naming the role, never as someone
 * else. */
static void
test_no_person (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *uri = uri_as (fixture, fixture->stranger);
  g_autofree char *grant = g_strdup_printf ("GRANT deals_rep TO %s", fixture->stranger);
  g_autoptr (CrmStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = crm_deal_new ();
  const GError *refusal;

  g_assert_null (crm_store_open (uri, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_PERSON);
  g_assert_nonnull (strstr (error->message, fixture->stranger));
  g_clear_error (&error);

  crm_test_postgresql_run (grant);
  store = open_as (fixture, fixture->stranger);
  refusal = crm_store_get_owner_error (store);

  g_assert_null (crm_store_get_current_user (store));
  g_assert_error (refusal, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_PERSON);
  g_assert_nonnull (strstr (refusal->message, fixture->stranger));
  g_assert_nonnull (strstr (refusal->message, "manager"));

  crm_deal_set_title (deal, "Not mine to write");
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT count(*) FROM deals"), ==, 0);
}

/* Item 4: a rep's own deal goes through every write of a save and a move
 * (the deal, its contact, the search index's trigger, the audit log, the
 * identities and lastval()). */
static void
test_rep_own_deal (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (GError) error = NULL;
  gint64 previous = 0;
  gint64 deal_id = save_deal (rep_store, "Noa's clocks");

  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT owner_id FROM deals"), ==, fixture->rep_id);
  g_assert_true (crm_store_move_deal (rep_store, deal_id, crm_test_tw_stage_id (rep_store, 1), &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store,
                                       "SELECT count(*) FROM audit_log WHERE action = 'move'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store,
                                       "SELECT count(*) FROM search_index WHERE title = 'Noa''s clocks'"), ==, 1);
}

/* Item 4: a rep may not change another rep's deal; a manager may change
 * everyone's (one team per database). */
static void
test_rep_other_deal (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (CrmStore) other_store = open_as (fixture, fixture->other);
  g_autoptr (CrmDb) rep_db = db_as (fixture, fixture->rep);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) loaded = NULL;
  gint64 previous = 0;
  gint64 avis = save_deal (other_store, "Avi's deal");

  /* Through the store: refused before anything is written, saying whose
   * it is to change; a move and a save alike. */
  g_assert_false (crm_store_move_deal (rep_store, avis, crm_test_tw_stage_id (rep_store, 1), &previous, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "owner"));
  g_clear_error (&error);
  loaded = crm_store_load_deal (rep_store, avis, &error);
  g_assert_no_error (error);
  crm_deal_set_title (loaded, "Mine now");
  g_assert_false (crm_store_save_deal (rep_store, loaded, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* With raw SQL: no UPDATE, not even taking it over; a DELETE finds no
   * row of Avi's to remove; nothing of it may be added to. */
  assert_refused (rep_db, "UPDATE deals SET title = 'Mine now' WHERE id = ?1", avis);
  g_autofree char *take = g_strdup_printf ("UPDATE deals SET owner_id = %" G_GINT64_FORMAT " WHERE id = ?1",
                                           fixture->rep_id);
  assert_refused (rep_db, take, avis);
  assert_runs (rep_db, "DELETE FROM deals WHERE id = ?1", avis);
  assert_refused (rep_db, "INSERT INTO tasks (deal_id, title, due_at, created_at) "
                          "VALUES (?1, 'Call', '2026-12-01T09:00:00Z', '2026-12-01T08:00:00Z')", avis);
  assert_refused (rep_db, "INSERT INTO deal_field_values (deal_id, field_id, value) "
                          "SELECT ?1, id, 'x' FROM field_defs LIMIT 1", avis);
  g_assert_cmpint (query_int (rep_db, "SELECT count(*) FROM deals WHERE id = ?1 AND title = 'Avi''s deal'", avis),
                   ==, 1);

  /* The manager changes anyone's. */
  g_assert_true (crm_store_move_deal (fixture->owner_store, avis, crm_test_tw_stage_id (fixture->owner_store, 1),
                                      &previous, &error));
  g_assert_no_error (error);
}

/* Item 4, TW-6 on the server: a rep writes their own quote but cannot
 * approve or reject its payment term, not even with psql; a manager can. */
static void
test_rep_cannot_approve (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (CrmDb) rep_db = db_as (fixture, fixture->rep);
  g_autoptr (CrmDb) owner_db = db_as (fixture, fixture->owner);
  gint64 deal_id = save_deal (rep_store, "Standing order");
  g_autoptr (GError) error = NULL;
  gint64 quote_id;

  assert_runs (rep_db, "INSERT INTO quotes (deal_id, number, revision, language, currency, valid_until, "
                       "approval, created_at, updated_at) VALUES (?1, 'Q-2026-0001', 1, 'en', 'ILS', "
                       "'2026-12-31', 'pending', '2026-12-01T08:00:00Z', '2026-12-01T08:00:00Z')", deal_id);
  quote_id = query_int (rep_db, "SELECT id FROM quotes WHERE deal_id = ?1", deal_id);

  error = run_sql (rep_db, "UPDATE quotes SET approval = 'approved' WHERE id = ?1", quote_id);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "approve"));
  assert_refused (rep_db, "UPDATE quotes SET approval = 'rejected' WHERE id = ?1", quote_id);
  assert_refused (rep_db, "INSERT INTO quotes (deal_id, number, revision, language, currency, valid_until, "
                          "approval, created_at, updated_at) VALUES (?1, 'Q-2026-0002', 1, 'en', 'ILS', "
                          "'2026-12-31', 'approved', '2026-12-01T08:00:00Z', '2026-12-01T08:00:00Z')", deal_id);
  /* The rep's own draft stays theirs to write. */
  assert_runs (rep_db, "UPDATE quotes SET notes = 'Monthly' WHERE id = ?1", quote_id);
  g_assert_cmpint (query_int (rep_db, "SELECT count(*) FROM quotes WHERE approval = 'pending'", 0), ==, 1);

  assert_runs (owner_db, "UPDATE quotes SET approval = 'approved' WHERE id = ?1", quote_id);
}

/* Item 4: quotas, products, settings, the procedure, people and roles are
 * a manager's, refused to a rep by the store and by the server. */
static void
test_rep_manager_only (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (CrmDb) rep_db = db_as (fixture, fixture->rep);
  g_autoptr (GError) error = NULL;
  g_autofree char *grant = g_strdup_printf ("GRANT deals_manager TO %s", fixture->rep);

  g_assert_false (crm_store_set_quota (rep_store, fixture->rep_id, 1, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_person (rep_store, "Intruder", NULL, CRM_ROLE_MANAGER, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (crm_store_set_user_role (rep_store, fixture->rep_id, CRM_ROLE_MANAGER, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  assert_refused (rep_db, "INSERT INTO quotas (user_id, per_day, set_at) VALUES (?1, 99, '2026-12-01T08:00:00Z')",
                  fixture->rep_id);
  assert_refused (rep_db, "INSERT INTO products (name, price, currency, created_at) "
                          "VALUES ('Free clock', 0, 'ILS', '2026-12-01T08:00:00Z')", 0);
  assert_refused (rep_db, "UPDATE meta SET value = 'Rep Ltd' WHERE key = 'organization-name'", 0);
  assert_refused (rep_db, "DELETE FROM stages", 0);
  assert_refused (rep_db, "INSERT INTO users (name, role) VALUES ('Intruder', 'manager')", 0);
  assert_refused (rep_db, "UPDATE users SET role = 'manager' WHERE id = ?1", fixture->rep_id);
  assert_refused (rep_db, "SELECT deals_add_person ('Intruder', NULL, 'manager')", 0);
  assert_refused (rep_db, "SELECT deals_set_role (?1, 'manager')", fixture->rep_id);
  g_assert_false (crm_db_exec (rep_db, grant, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT count(*) FROM users"), ==, 3);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT count(*) FROM quotas"), ==, 0);
}

/* Item 4: the audit log takes INSERT only, from anyone: UPDATE, DELETE and
 * TRUNCATE are granted to no group role (the trigger stays behind). */
static void
test_audit_insert_only (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (CrmDb) rep_db = db_as (fixture, fixture->rep);
  g_autoptr (CrmDb) owner_db = db_as (fixture, fixture->owner);
  g_autoptr (GError) error = NULL;
  gint64 before;

  save_deal (rep_store, "Audited");
  before = query_int (rep_db, "SELECT count(*) FROM audit_log", 0);
  g_assert_cmpint (before, >, 0);

  assert_runs (rep_db, "INSERT INTO audit_log (at, user_id, action, entity, entity_id) "
                       "VALUES ('2026-12-01T08:00:00Z', ?1, 'note', 'user', ?1)", fixture->rep_id);
  assert_refused (rep_db, "UPDATE audit_log SET action = 'nothing'", 0);
  assert_refused (rep_db, "DELETE FROM audit_log", 0);
  g_assert_false (crm_db_exec (rep_db, "TRUNCATE audit_log", &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The owner holds every privilege on its tables; the trigger refuses. */
  error = run_sql (owner_db, "UPDATE audit_log SET action = 'nothing'", 0);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_assert_cmpint (query_int (rep_db, "SELECT count(*) FROM audit_log", 0), ==, before + 1);
}

/* Item 4: a manager makes a rep a manager; the group membership follows,
 * in the same transaction, and the new manager, who owns nothing, may do
 * on the server what a manager does. */
static void
test_promoted_manager (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *member = g_strdup_printf ("SELECT pg_has_role ('%s', 'deals_manager', 'MEMBER')::int",
                                             fixture->other);
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (CrmStore) other_store = NULL;
  g_autoptr (CrmDb) other_db = NULL;
  g_autoptr (GError) error = NULL;
  gint64 previous = 0;
  gint64 noas = save_deal (rep_store, "Noa's deal");

  g_assert_cmpint (crm_test_query_int (fixture->owner_store, member), ==, 0);
  g_assert_true (crm_store_set_user_role (fixture->owner_store, fixture->other_id, CRM_ROLE_MANAGER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, member), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store,
                                       "SELECT count(*) FROM audit_log WHERE action = 'change-role'"), ==, 1);

  other_store = open_as (fixture, fixture->other);
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (other_store)), ==, CRM_ROLE_MANAGER);
  g_assert_true (crm_store_set_quota (other_store, fixture->rep_id, 12, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_move_deal (other_store, noas, crm_test_tw_stage_id (other_store, 1), &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_add_person (other_store, "Lior Ben-David", NULL, CRM_ROLE_REP, &error), >, 0);
  g_assert_no_error (error);

  other_db = db_as (fixture, fixture->other);
  assert_runs (other_db, "INSERT INTO products (name, price, currency, created_at) "
                         "VALUES ('Wall clock', 9900, 'ILS', '2026-12-01T08:00:00Z')", 0);
  assert_refused (other_db, "UPDATE audit_log SET action = 'nothing'", 0);
  assert_refused (other_db, "DELETE FROM audit_log", 0);

  /* And back: the membership goes with the role. */
  g_assert_true (crm_store_set_user_role (fixture->owner_store, fixture->other_id, CRM_ROLE_REP, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, member), ==, 0);
}

/* Item 4: adding a person with a login that has no role yet makes it, a
 * rep, in the same transaction; a login that is no plain name is refused
 * before anything reaches the server. */
static void
test_add_person_makes_role (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_roles WHERE rolname = '%s' AND rolcanlogin "
                                          "AND pg_has_role (oid, 'deals_rep', 'MEMBER') "
                                          "AND NOT pg_has_role (oid, 'deals_manager', 'MEMBER')",
                                          fixture->made);
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = crm_store_add_person (fixture->owner_store, "Maya Azulay", fixture->made, CRM_ROLE_REP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, sql), ==, 1);

  g_assert_cmpint (crm_store_add_person (fixture->owner_store, "Bobby", "x'; DROP TABLE deals; --",
                                         CRM_ROLE_REP, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME);
  g_assert_cmpint (crm_test_query_int (fixture->owner_store, "SELECT count(*) FROM users"), ==, 4);
}

/* Migrations run as the connecting role: a rep opening an older schema is
 * told that only its owner can upgrade it, and whom to ask. */
static void
test_rep_old_schema (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *uri = uri_as (fixture, fixture->rep);
  g_autoptr (CrmStore) store = NULL;
  g_autoptr (GError) error = NULL;

  crm_test_query_int (fixture->owner_store,
                      "WITH v AS (UPDATE meta SET value = '10' WHERE key = 'schema-version' RETURNING 1) "
                      "SELECT count(*) FROM v");
  store = crm_store_open (uri, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_OLD_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->owner));
}

static void
count_change_cb (CrmStore *store,
                 gint64    deal_id,
                 guint    *n_changes)
{
  (*n_changes)++;
}

/* Item 5 under item 4's roles: a rep's store hears the manager's move,
 * and a rep's save over a change made since is a conflict. */
static void
test_rep_follows_and_conflicts (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr (CrmStore) rep_store = open_as (fixture, fixture->rep);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDealList) second = NULL;
  g_autoptr (CrmDeal) rep_copy = NULL;
  gint64 deal_id = save_deal (rep_store, "Noa's fleet");
  gint64 deadline;
  guint n_changes = 0;

  rep_copy = crm_store_load_deal (rep_store, deal_id, &error);
  g_assert_no_error (error);
  second = crm_test_stage_deals (rep_store, crm_test_tw_stage_id (rep_store, 1));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 0);
  g_signal_connect (rep_store, "deal-changed::remote", G_CALLBACK (count_change_cb), &n_changes);

  g_assert_true (crm_store_move_deal (fixture->owner_store, deal_id, crm_test_tw_stage_id (fixture->owner_store, 1), NULL, &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (n_changes == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);

  crm_deal_set_title (rep_copy, "Noa's fleet, renamed");
  g_assert_false (crm_store_save_deal (rep_store, rep_copy, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT);
  g_signal_handlers_disconnect_by_data (rep_store, &n_changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (crm_test_postgresql_uri () == NULL)
    {
      g_test_add_func ("/model/team-roles/server", crm_test_postgresql_missing);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/team-roles/sign-in", test_sign_in);
  ADD ("/model/team-roles/no-person-read-only", test_no_person);
  ADD ("/model/team-roles/rep-own-deal", test_rep_own_deal);
  ADD ("/model/team-roles/rep-other-deal-refused", test_rep_other_deal);
  ADD ("/model/team-roles/rep-cannot-approve-tw-6", test_rep_cannot_approve);
  ADD ("/model/team-roles/rep-manager-only-refused", test_rep_manager_only);
  ADD ("/model/team-roles/audit-insert-only", test_audit_insert_only);
  ADD ("/model/team-roles/promoted-manager", test_promoted_manager);
  ADD ("/model/team-roles/add-person-makes-role", test_add_person_makes_role);
  ADD ("/model/team-roles/rep-old-schema", test_rep_old_schema);
  ADD ("/model/team-roles/rep-follows-and-conflicts", test_rep_follows_and_conflicts);

#undef ADD

  return g_test_run ();
}
