/* test-db.c
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

#define G_LOG_DOMAIN "test-db"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-db.h"

#include "../crm-test-common.h"

/*
 * The driver interface of design.md (prepare, bind, step, exec,
 * transactions) that the store is written against, so that team mode can
 * put libpq behind the same functions.
 */

typedef struct
{
  char  *dir;
  char  *path;
  CrmDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = crm_test_make_dir ("deals-test-db-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);

  fixture->db = crm_db_open (fixture->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);

  crm_db_exec (fixture->db,
               "CREATE TABLE items ("
               "  id   INTEGER PRIMARY KEY,"
               "  name TEXT NOT NULL UNIQUE CHECK (length (name) > 0),"
               "  size REAL"
               ")",
               &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->db);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
insert_item (CrmDb      *db,
             const char *name,
             double      size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (db, "INSERT INTO items (name, size) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_double (stmt, 2, size);
  g_assert_true (crm_statement_run (stmt, &error));
  g_assert_no_error (error);
}

static gint64
count_items (CrmDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (db, "SELECT count(*) FROM items", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  g_assert_no_error (error);

  return crm_statement_get_int64 (stmt, 0);
}

static void
test_db_prepare_bind_step (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;
  const char *names[3] = { NULL };
  guint n = 0;
  CrmStep step;

  g_assert_cmpstr (crm_db_get_path (fixture->db), ==, fixture->path);

  insert_item (fixture->db, "дерево", 1.5);
  g_assert_cmpint (crm_db_last_insert_id (fixture->db), ==, 1);
  insert_item (fixture->db, "עץ", 2.25);
  g_assert_cmpint (crm_db_last_insert_id (fixture->db), ==, 2);
  insert_item (fixture->db, "tree", 0);
  g_assert_cmpint (crm_db_last_insert_id (fixture->db), ==, 3);

  stmt = crm_db_prepare (fixture->db,
                         "SELECT id, name, size, NULL FROM items WHERE size >= ?1 ORDER BY id",
                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  crm_statement_bind_double (stmt, 1, 1.0);

  while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (names));
      g_assert_cmpint (crm_statement_get_int64 (stmt, 0), ==, n + 1);
      g_assert_false (crm_statement_is_null (stmt, 1));
      g_assert_true (crm_statement_is_null (stmt, 3));
      names[n] = g_intern_string (crm_statement_get_text (stmt, 1));
      if (n == 1)
        g_assert_cmpfloat (crm_statement_get_double (stmt, 2), ==, 2.25);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (step, ==, CRM_STEP_DONE);

  /* Non-ASCII text survives the round trip byte for byte. */
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (names[0], ==, "дерево");
  g_assert_cmpstr (names[1], ==, "עץ");
}

static void
test_db_bind_id_null (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;

  /* Id 0 means "none" and is bound as NULL; a real id as a number. */
  stmt = crm_db_prepare (fixture->db, "SELECT ?1 IS NULL, ?2 IS NULL, ?2, ?3 IS NULL", &error);
  g_assert_no_error (error);
  crm_statement_bind_id (stmt, 1, 0);
  crm_statement_bind_id (stmt, 2, 42);
  crm_statement_bind_text (stmt, 3, NULL);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_get_int64 (stmt, 0), ==, 1);
  g_assert_cmpint (crm_statement_get_int64 (stmt, 1), ==, 0);
  g_assert_cmpint (crm_statement_get_int64 (stmt, 2), ==, 42);
  g_assert_cmpint (crm_statement_get_int64 (stmt, 3), ==, 1);
}

/* A text bound without a copy is what the statement stores; once the
 * statement is back in the cache its binding is gone, so the caller may
 * free the text. */
static void
test_db_bind_text_static (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup ("עץ");
  const char *sql = "SELECT ?1 IS NULL, ?1";

  {
    g_autoptr (CrmStatement) stmt = crm_db_prepare (fixture->db, sql, &error);

    g_assert_no_error (error);
    crm_statement_bind_text_static (stmt, 1, name);
    g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
    g_assert_cmpint (crm_statement_get_int64 (stmt, 0), ==, 0);
    g_assert_cmpstr (crm_statement_get_text (stmt, 1), ==, "עץ");
  }

  g_clear_pointer (&name, g_free);

  {
    g_autoptr (CrmStatement) stmt = crm_db_prepare (fixture->db, sql, &error);

    g_assert_no_error (error);
    g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
    g_assert_cmpint (crm_statement_get_int64 (stmt, 0), ==, 1);
  }
}

static void
test_db_statement_cache (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  const char *sql = "SELECT ?1 * 2";
  CrmStatement *first;
  CrmStatement *again;

  first = crm_db_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  crm_statement_bind_int64 (first, 1, 21);
  g_assert_cmpint (crm_statement_step (first, &error), ==, CRM_STEP_ROW);
  g_assert_cmpint (crm_statement_get_int64 (first, 0), ==, 42);
  crm_statement_release (first);

  /* The same SQL gets the same prepared statement back, reset and with
   * its old bindings cleared. */
  again = crm_db_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_cmpint (crm_statement_step (again, &error), ==, CRM_STEP_ROW);
  g_assert_true (crm_statement_is_null (again, 0));
  crm_statement_release (again);

  again = crm_db_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  crm_statement_bind_int64 (again, 1, 50);
  g_assert_cmpint (crm_statement_step (again, &error), ==, CRM_STEP_ROW);
  g_assert_cmpint (crm_statement_get_int64 (again, 0), ==, 100);
  crm_statement_release (again);
}

static void
test_db_statement_nested (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) outer = NULL;
  const char *sql = "SELECT id, name FROM items WHERE id >= ?1 ORDER BY id";
  guint n_outer = 0;
  guint n_inner_total = 0;

  insert_item (fixture->db, "a", 1);
  insert_item (fixture->db, "b", 2);
  insert_item (fixture->db, "c", 3);

  outer = crm_db_prepare (fixture->db, sql, &error);
  g_assert_no_error (error);
  crm_statement_bind_int64 (outer, 1, 1);

  /* While the cached statement is stepping, the same SQL is run again (a
   * recursive query): the second user must get a working statement of its
   * own and must not disturb the first one's position. */
  while (crm_statement_step (outer, &error) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (outer, 0);
      g_autoptr (CrmStatement) inner = crm_db_prepare (fixture->db, sql, &error);
      guint n_inner = 0;

      g_assert_no_error (error);
      g_assert_nonnull (inner);
      g_assert_true (inner != outer);
      crm_statement_bind_int64 (inner, 1, id);
      while (crm_statement_step (inner, &error) == CRM_STEP_ROW)
        {
          g_assert_cmpint (crm_statement_get_int64 (inner, 0), ==, id + n_inner);
          n_inner++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (n_inner, ==, 3 - (id - 1));
      n_inner_total += n_inner;

      g_assert_cmpint (crm_statement_get_int64 (outer, 0), ==, id);
      n_outer++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_outer, ==, 3);
  g_assert_cmpuint (n_inner_total, ==, 3 + 2 + 1);
}

static void
test_db_transaction_commit (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) other = NULL;

  g_assert_false (crm_db_in_transaction (fixture->db));
  g_assert_true (crm_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_true (crm_db_in_transaction (fixture->db));

  insert_item (fixture->db, "one", 1);
  insert_item (fixture->db, "two", 2);
  g_assert_cmpint (count_items (fixture->db), ==, 2);

  g_assert_true (crm_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_false (crm_db_in_transaction (fixture->db));

  /* Committed means visible to another connection on the same file. */
  other = crm_db_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_items (other), ==, 2);
}

static void
test_db_transaction_rollback (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;

  insert_item (fixture->db, "kept", 1);

  g_assert_true (crm_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  insert_item (fixture->db, "discarded", 2);
  insert_item (fixture->db, "discarded too", 3);
  g_assert_cmpint (count_items (fixture->db), ==, 3);

  crm_db_rollback (fixture->db);
  g_assert_false (crm_db_in_transaction (fixture->db));
  g_assert_cmpint (count_items (fixture->db), ==, 1);

  /* Rolling back outside a transaction does nothing, and a new one can
   * start straight away. */
  crm_db_rollback (fixture->db);
  g_assert_true (crm_db_begin (fixture->db, &error));
  g_assert_no_error (error);
  insert_item (fixture->db, "discarded", 2);
  g_assert_true (crm_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (fixture->db), ==, 2);
}

static void
test_db_statement_count (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  CrmStatement *stmt;
  guint64 before;

  before = crm_db_get_statement_count (fixture->db);

  /* Preparing costs nothing; the first step of a run counts once, however
   * many rows it returns. */
  stmt = crm_db_prepare (fixture->db, "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before);
  g_assert_true (crm_statement_run (stmt, &error));
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 1);
  crm_statement_release (stmt);

  /* A reused cached statement counts again. */
  stmt = crm_db_prepare (fixture->db, "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3", &error);
  g_assert_no_error (error);
  g_assert_true (crm_statement_run (stmt, &error));
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 2);
  crm_statement_release (stmt);

  /* Transaction control is included. */
  g_assert_true (crm_db_begin (fixture->db, &error));
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 3);
  insert_item (fixture->db, "x", 1);
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 4);
  g_assert_true (crm_db_commit (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 5);

  g_assert_true (crm_db_exec (fixture->db, "UPDATE items SET size = 2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_db_get_statement_count (fixture->db), ==, before + 6);
}

static void
test_db_constraint (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;

  insert_item (fixture->db, "unique", 1);

  stmt = crm_db_prepare (fixture->db, "INSERT INTO items (name, size) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, "unique");
  crm_statement_bind_double (stmt, 2, 2);
  g_assert_false (crm_statement_run (stmt, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  crm_statement_release (g_steal_pointer (&stmt));

  /* CHECK and NOT NULL are constraints too. */
  stmt = crm_db_prepare (fixture->db, "INSERT INTO items (name, size) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, "");
  g_assert_false (crm_statement_run (stmt, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  crm_statement_release (g_steal_pointer (&stmt));

  stmt = crm_db_prepare (fixture->db, "INSERT INTO items (name, size) VALUES (?1, ?2)", &error);
  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, NULL);
  g_assert_false (crm_statement_run (stmt, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);
  crm_statement_release (g_steal_pointer (&stmt));

  /* The failed statement is reusable afterwards. */
  insert_item (fixture->db, "another", 3);
  g_assert_cmpint (count_items (fixture->db), ==, 2);
}

static void
test_db_errors (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "text.db", NULL);
  CrmStatement *stmt;
  CrmDb *db;

  /* Bad SQL is reported with the file's name. */
  stmt = crm_db_prepare (fixture->db, "SELEKT nothing", &error);
  g_assert_null (stmt);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_false (crm_db_exec (fixture->db, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_FAILED);
  g_clear_error (&error);

  /* Without create, a missing file is not made up. */
  db = crm_db_open (missing, FALSE, &error);
  g_assert_null (db);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "hello, this is not a database\n", -1, &error));
  db = crm_db_open (text, FALSE, &error);
  g_assert_null (db);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, text));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/db/prepare-bind-step", test_db_prepare_bind_step);
  ADD ("/model/db/bind-id-null", test_db_bind_id_null);
  ADD ("/model/db/bind-text-static", test_db_bind_text_static);
  ADD ("/model/db/statement-cache", test_db_statement_cache);
  ADD ("/model/db/statement-nested", test_db_statement_nested);
  ADD ("/model/db/transaction-commit", test_db_transaction_commit);
  ADD ("/model/db/transaction-rollback", test_db_transaction_rollback);
  ADD ("/model/db/statement-count", test_db_statement_count);
  ADD ("/model/db/constraint", test_db_constraint);
  ADD ("/model/db/errors", test_db_errors);

#undef ADD

  return g_test_run ();
}
