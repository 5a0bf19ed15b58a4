/* crm-test-postgresql.h
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

#pragma once

#include <gio/gio.h>
#include <string.h>
#include <unistd.h>

#include "crm-db.h"
#include "crm-server.h"

/*
 * The PostgreSQL variants of the model tests run against the throwaway
 * cluster build-aux/with-postgresql starts (deals-dev test does, once for
 * the whole run), which names it in CRM_TEST_POSTGRESQL_URI. Each test gets
 * a database of its own, dropped after it.
 */

/* Whether the server is there. Without it the variant is skipped with the
 * reason, or fails when CRM_TEST_POSTGRESQL_REQUIRED says this run must
 * have one (deals-dev test, so CI never passes with it unrun). Registers
 * the one test that says so when it is missing. */
static inline void
crm_test_postgresql_missing (void)
{
  if (g_getenv ("CRM_TEST_POSTGRESQL_REQUIRED") != NULL)
    g_test_fail_printf ("CRM_TEST_POSTGRESQL_URI is not set, and this run requires a PostgreSQL server");
  else
    g_test_skip ("CRM_TEST_POSTGRESQL_URI is not set: run the tests through build-aux/with-postgresql");
}

static inline const char *
crm_test_postgresql_uri (void)
{
  const char *uri = g_getenv ("CRM_TEST_POSTGRESQL_URI");

  return uri != NULL && *uri != '\0' ? uri : NULL;
}

/* @uri with its database replaced by @name. */
static inline char *
crm_test_postgresql_with_database (const char *uri,
                                   const char *name)
{
  const char *authority = strstr (uri, "://");
  const char *path;
  const char *query;

  g_assert_nonnull (authority);
  path = strchr (authority + 3, '/');
  if (path == NULL)
    path = authority + strlen (authority);
  query = strchr (path, '?');
  if (query == NULL)
    query = path + strlen (path);

  return g_strdup_printf ("%.*s/%s%s", (int)(path - uri), uri, name, query);
}

static inline void
crm_test_postgresql_run (const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = crm_db_open (crm_test_postgresql_uri (), FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* A new, empty database on the test server: its URI. */
static inline char *
crm_test_postgresql_database_new (void)
{
  static guint counter;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (crm_test_postgresql_uri ());

  name = g_strdup_printf ("deals_t%ld_%u", (long)getpid (), ++counter);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  crm_test_postgresql_run (sql);

  return crm_test_postgresql_with_database (crm_test_postgresql_uri (), name);
}

/* Drops the database of crm_test_postgresql_database_new(), with any
 * connection a failed test left open. */
static inline void
crm_test_postgresql_database_drop (const char *uri)
{
  const char *name = strrchr (uri, '/');
  g_autofree char *sql = NULL;

  g_assert_nonnull (name);
  sql = g_strdup_printf ("DROP DATABASE %.*s WITH (FORCE)", (int)strcspn (name + 1, "?"), name + 1);
  crm_test_postgresql_run (sql);
}

/* A new database on the test server owned by a new login role @role with
 * @password (the cluster asks every role but its superuser for one): the
 * database's URI, as the superuser. crm_test_postgresql_role_drop() undoes
 * both. The owner sets the schema up, as a department's administrator
 * would: migration 11 creates the group roles and the people's logins, so
 * it has CREATEROLE. */
static inline char *
crm_test_postgresql_role_database_new (const char *role,
                                       const char *password)
{
  char *uri = crm_test_postgresql_database_new ();
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN CREATEROLE PASSWORD '%s'", role, password);
  g_autofree char *own = g_strdup_printf ("ALTER DATABASE %s OWNER TO %s", strrchr (uri, '/') + 1, role);

  crm_test_postgresql_run (create);
  crm_test_postgresql_run (own);
  return uri;
}

static inline void
crm_test_postgresql_role_drop (const char *uri,
                               const char *role)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE %s", role);

  crm_test_postgresql_database_drop (uri);
  crm_test_postgresql_run (sql);
}

/* The database of @uri as a team server that @role signs in to, without
 * encryption (the cluster is on the loopback). */
static inline CrmServer *
crm_test_postgresql_server_as (const char *uri,
                               const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmServer) super = crm_server_new_from_uri (uri, &error);
  CrmServer *server;

  g_assert_no_error (error);
  server = crm_server_new (crm_server_get_host (super), crm_server_get_port (super),
                           crm_server_get_database (super), role, CRM_SERVER_TLS_DISABLE, &error);
  g_assert_no_error (error);

  return server;
}

/* The tests' session runs a throwaway keyring (build-aux/deals-dev test);
 * without one, say so: skipped by hand, failed when the run needs it. */
static inline gboolean
crm_test_have_keyring (CrmServer *server)
{
  g_autoptr (GError) error = NULL;
  char *password = crm_server_lookup_password_sync (server, NULL, &error);

  crm_server_password_free (password);
  if (error == NULL)
    return TRUE;

  if (g_getenv ("CRM_TEST_KEYRING_REQUIRED") != NULL)
    g_error ("No keyring in this session: %s", error->message);
  g_test_skip_printf ("no keyring in this session: %s", error->message);
  return FALSE;
}

/* Takes --postgresql off the end of the command line, before
 * g_test_init(): whether the program runs its tests against the server. */
static inline gboolean
crm_test_postgresql_take_option (int   *argc,
                                 char **argv)
{
  if (*argc < 2 || !g_str_equal (argv[*argc - 1], "--postgresql"))
    return FALSE;

  argv[--*argc] = NULL;
  return TRUE;
}

/* Whether this program runs its store tests against the server: set once,
 * by crm_test_init_backends(), before any test is added. */
static inline gboolean *
crm_test_postgresql_flag (void)
{
  static gboolean on_postgresql;

  return &on_postgresql;
}

static inline gboolean
crm_test_on_postgresql (void)
{
  return *crm_test_postgresql_flag ();
}

/* g_test_init() for a program whose store tests run on either backend:
 * with --postgresql last on the command line they run on the server.
 * Returns FALSE when they should but there is no server: then the one test
 * saying so is added, as @group/postgresql/server, and main() has only
 * g_test_run() left to do. */
static inline gboolean
crm_test_init_backends (int         *argc,
                        char      ***argv,
                        const char  *group)
{
  g_autofree char *missing = NULL;

  *crm_test_postgresql_flag () = crm_test_postgresql_take_option (argc, *argv);
  g_test_init (argc, argv, NULL);

  if (!crm_test_on_postgresql () || crm_test_postgresql_uri () != NULL)
    return TRUE;

  missing = g_strconcat (group, "/postgresql/server", NULL);
  g_test_add_func (missing, crm_test_postgresql_missing);
  return FALSE;
}

/* A test's path as this run names it: on the server, /model/store/x is
 * /model/store/postgresql/x and /call/x is /call/postgresql/x, so that the
 * two variants never share a name in a log. */
static inline char *
crm_test_backend_path (const char *path)
{
  const char *group;
  const char *rest;

  if (!crm_test_on_postgresql ())
    return g_strdup (path);

  group = g_str_has_prefix (path, "/model/") ? path + strlen ("/model/") : path + 1;
  rest = strchr (group, '/');
  g_assert_nonnull (rest);

  return g_strdup_printf ("%.*s/postgresql%s", (int)(rest - path), path, rest);
}

/* g_test_add() and g_test_add_func() under crm_test_backend_path(). */
#define CRM_TEST_ADD(path, Fixture, data, set_up, func, tear_down)          \
  G_STMT_START {                                                            \
    g_autofree char *crm_test_path_ = crm_test_backend_path (path);         \
    g_test_add (crm_test_path_, Fixture, data, set_up, func, tear_down);    \
  } G_STMT_END

#define CRM_TEST_ADD_FUNC(path, func)                                       \
  G_STMT_START {                                                            \
    g_autofree char *crm_test_path_ = crm_test_backend_path (path);         \
    g_test_add_func (crm_test_path_, func);                                 \
  } G_STMT_END

/* A test run by the SQLite variant only: one that opens no store, or one
 * that only a file can pass (its header, WAL, permissions, another
 * account's file). The caller says which in a comment. */
static inline void
crm_test_add_func_sqlite (const char    *path,
                          GTestFunc      func)
{
  if (!crm_test_on_postgresql ())
    g_test_add_func (path, func);
}

/* Where a test keeps a store: the file @name in @dir, or on the server a
 * new database. Give it back to crm_test_store_path_release(). */
static inline char *
crm_test_store_path_named (const char *dir,
                           const char *name)
{
  if (crm_test_on_postgresql ())
    return crm_test_postgresql_database_new ();

  return g_build_filename (dir, name, NULL);
}

/* Where a test keeps its store. */
static inline char *
crm_test_store_path (const char *dir)
{
  return crm_test_store_path_named (dir, "deals.db");
}

/* Drops the database of crm_test_store_path(); a file goes with its
 * folder. */
static inline void
crm_test_store_path_release (const char *path)
{
  if (crm_db_is_postgresql_uri (path))
    crm_test_postgresql_database_drop (path);
}

/* Makes every @event ("INSERT", "UPDATE OF classification") on @table
 * fail with @message, for a test of what a failed write leaves behind: a
 * trigger named "refuse", which raises on SQLite and on the server. Its
 * text is the test's own, never input. */
static inline void
crm_test_refuse_writes (CrmDb      *db,
                        const char *event,
                        const char *table,
                        const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;

  if (crm_db_is_postgresql (db))
    sql = g_strdup_printf ("CREATE OR REPLACE FUNCTION crm_test_refuse () RETURNS trigger "
                           "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%%', TG_ARGV[0]; END $$; "
                           "CREATE TRIGGER refuse BEFORE %s ON %s "
                           "FOR EACH ROW EXECUTE FUNCTION crm_test_refuse ('%s')",
                           event, table, message);
  else
    sql = g_strdup_printf ("CREATE TRIGGER refuse BEFORE %s ON %s "
                           "BEGIN SELECT RAISE (ABORT, '%s'); END",
                           event, table, message);

  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Takes crm_test_refuse_writes()'s trigger off @table. */
static inline void
crm_test_refuse_writes_end (CrmDb      *db,
                            const char *table)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;

  if (crm_db_is_postgresql (db))
    sql = g_strdup_printf ("DROP TRIGGER refuse ON %s", table);
  else
    sql = g_strdup ("DROP TRIGGER refuse");

  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* @sqlite or @postgresql, for @db's backend: a test's own statement where
 * the two dialects differ. */
static inline const char *
crm_test_dialect (CrmDb      *db,
                  const char *sqlite,
                  const char *postgresql)
{
  return crm_db_is_postgresql (db) ? postgresql : sqlite;
}

/* Every reference of @db's rows holds. SQLite checks them when asked;
 * the server checks each at its write, so there no foreign key may have
 * been left unchecked (NOT VALID). */
static inline void
crm_test_assert_foreign_keys (CrmDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) check = NULL;

  check = crm_db_prepare (db,
                          crm_test_dialect (db, "PRAGMA foreign_key_check",
                                            "SELECT conname FROM pg_constraint "
                                            "WHERE contype = 'f' AND NOT convalidated"),
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (check, &error), ==, CRM_STEP_DONE);
  g_assert_no_error (error);
}
