/* test-server-connect.c
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

/*
 * Issue 10, item 3: connecting to a team server, the check Preferences'
 * Connect and the command line's --server share. Against the test run's
 * throwaway cluster, with a login role of the test's own (the cluster
 * asks every role but its superuser for a password).
 */

#include "config.h"

#include <string.h>

#include "crm-server.h"

#include "../crm-test-common.h"
#include "../crm-test-postgresql.h"

#define PASSWORD "Connect-5ecret"

typedef struct
{
  char      *uri;    /* the database, as the superuser */
  char      *role;
  CrmServer *server; /* the same database, as the role */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->role = g_strdup_printf ("connect_%ld", (long)getpid ());
  fixture->uri = crm_test_postgresql_role_database_new (fixture->role, PASSWORD);
  fixture->server = crm_test_postgresql_server_as (fixture->uri, fixture->role);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *address = crm_server_dup_uri (fixture->server);

  crm_db_remember_password (address, NULL);
  crm_test_postgresql_role_drop (fixture->uri, fixture->role);
  g_clear_object (&fixture->server);
  g_free (fixture->role);
  g_free (fixture->uri);
}

static void
run_sql (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (uri, FALSE, &error);

  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A new database: an answer (schema 0, to be set up), on a thread; the
 * password then stays for the store's connections. */
static void
test_connect_new_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *address = crm_server_dup_uri (fixture->server);
  guint version = 99;

  crm_server_test_connection_async (fixture->server, PASSWORD, NULL, connect_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (crm_server_test_connection_finish (fixture->server, result, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (version, ==, 0);

  store = crm_store_open (address, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), >, 0);
  g_clear_object (&store);

  /* Now a Deals database of this schema. */
  g_assert_true (crm_server_test_connection_sync (fixture->server, NULL, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (version, ==, _crm_store_latest_schema_version ());
}

/* A wrong password is the server's refusal, in its words, and does not
 * replace the password remembered before. */
static void
test_connect_wrong_password (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint version = 0;

  g_assert_false (crm_server_test_connection_sync (fixture->server, "not-" PASSWORD, &version, &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "password authentication failed"));
  g_assert_null (strstr (error->message, PASSWORD));
  g_clear_error (&error);

  g_assert_true (crm_server_test_connection_sync (fixture->server, PASSWORD, &version, &error));
  g_assert_no_error (error);
  g_assert_false (crm_server_test_connection_sync (fixture->server, "wrong", &version, &error));
  g_clear_error (&error);
  g_assert_true (crm_server_test_connection_sync (fixture->server, NULL, &version, &error));
  g_assert_no_error (error);
}

/* Nothing listening at the port: unreachable, not refused. */
static void
test_connect_unreachable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmServer) nowhere = crm_server_new ("127.0.0.1", 1, "deals", "dana",
                                                 CRM_SERVER_TLS_DISABLE, &error);

  g_assert_no_error (error);
  g_assert_false (crm_server_test_connection_sync (nowhere, PASSWORD, NULL, &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "port 1"));
}

/* Another program's tables, and a newer Deals' schema, are refused with
 * what they are. */
static void
test_connect_not_deals_or_newer (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *address = crm_server_dup_uri (fixture->server);

  run_sql (fixture->uri, "CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
  g_assert_false (crm_server_test_connection_sync (fixture->server, PASSWORD, NULL, &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_NOT_DEALS);
  g_clear_error (&error);

  run_sql (fixture->uri, "DROP TABLE invoices");
  /* Set up by the role itself, which then owns the tables. */
  crm_db_remember_password (address, PASSWORD);
  store = crm_store_open (address, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  run_sql (fixture->uri, "UPDATE meta SET value = '999' WHERE key = 'schema-version'");
  g_assert_false (crm_server_test_connection_sync (fixture->server, PASSWORD, NULL, &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (crm_test_postgresql_uri () == NULL)
    {
      g_test_add_func ("/model/server-connect/server", crm_test_postgresql_missing);
      return g_test_run ();
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/model/server-connect/new-database", test_connect_new_database);
  ADD ("/model/server-connect/wrong-password", test_connect_wrong_password);
  ADD ("/model/server-connect/unreachable", test_connect_unreachable);
  ADD ("/model/server-connect/not-deals-or-newer", test_connect_not_deals_or_newer);
#undef ADD

  return g_test_run ();
}
