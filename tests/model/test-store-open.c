/* test-store-open.c
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

#define G_LOG_DOMAIN "test-store-open"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-db.h"
#include "crm-deal.h"
#include "crm-store.h"
#include "crm-store-private.h"

#include "../crm-test-common.h"

/*
 * Opening a database: migrations, and the files that are refused before a
 * byte is written (not ours, damaged, too new, read-only, empty, missing).
 * A refusal names the file, changes nothing in it and creates nothing
 * beside it: no -wal, -shm or -journal, no folder.
 */

typedef struct
{
  char      *dir;
  char      *path;
  CrmStore  *store;
} Fixture;

/* user_data: the procedure to install, or NULL for a bare store. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = crm_test_make_dir ("deals-test-store-open-XXXXXX");
  fixture->path = crm_test_db_path (fixture->dir);
  fixture->store = crm_test_store_new (fixture->path, user_data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = crm_test_store_new (fixture->path, NULL);
}

static char *
query_text (CrmStore   *store,
            const char *sql)
{
  g_autoptr (CrmStatement) stmt = crm_test_query_row (store, sql);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

static CrmDeal *
new_deal (const char *title)
{
  CrmDeal *deal = crm_deal_new ();

  crm_deal_set_title (deal, title);
  crm_deal_set_amount (deal, 1250000);
  return deal;
}

/* Migrations */

static void
test_store_migrations_from_empty (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  static const char * const tables[] = {
    "meta", "users", "companies", "contacts", "contact_phones", "contact_emails",
    "pipelines", "stages", "deals", "field_defs", "field_choices", "deal_field_values",
    "contact_field_values", "audit_log", "search_index",
  };
  g_auto (GStrv) migrations = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *mark = NULL;
  guint n_migrations;

  migrations = g_resources_enumerate_children (CRM_STORE_MIGRATIONS_PATH, 0, NULL);
  g_assert_nonnull (migrations);
  n_migrations = g_strv_length (migrations);
  g_assert_cmpuint (n_migrations, >=, 1);

  g_assert_cmpstr (crm_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpuint (crm_store_get_schema_version (fixture->store), ==, n_migrations);
  g_assert_cmpint (crm_test_query_int (fixture->store, "PRAGMA user_version"), ==, n_migrations);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrmStatement) stmt = NULL;

      stmt = crm_db_prepare (_crm_store_get_db (fixture->store),
                             "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                             &error);
      g_assert_no_error (error);
      crm_statement_bind_text (stmt, 1, tables[i]);
      g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
      g_assert_no_error (error);
      if (crm_statement_get_int64 (stmt, 0) != 1)
        g_error ("Table %s is missing", tables[i]);
    }

  journal_mode = query_text (fixture->store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (crm_test_query_int (fixture->store, "PRAGMA foreign_keys"), ==, 1);

  mark = query_text (fixture->store, "SELECT value FROM meta WHERE key = 'application'");
  g_assert_cmpstr (mark, ==, "org.dealsdesk.Deals");

  /* A fresh file has no procedure yet, hence no pipelines and no deals. */
  g_assert_null (crm_store_get_procedure (fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_pipelines (fixture->store)), ==, 0);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 0);

  /* Opening again finds the schema current and runs no migration twice. */
  reopen (fixture);
  g_assert_cmpuint (crm_store_get_schema_version (fixture->store), ==, n_migrations);
  g_assert_cmpint (crm_test_query_int (fixture->store, "PRAGMA user_version"), ==, n_migrations);
  g_assert_cmpint (crm_test_query_int (fixture->store, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_store_creates_folder (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "nested", "deeper", "deals.db", NULL);
  g_autoptr (CrmStore) store = NULL;

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Files that are not (or no longer) ours */

typedef struct
{
  char  *path;
  char  *wal_path;
  char  *contents;
  gsize  length;
  char  *wal_contents;
  gsize  wal_length;
  char  *folder;
  char  *listing;
} Snapshot;

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  g_autoptr (GError) error = NULL;

  snapshot->path = g_strdup (path);
  snapshot->wal_path = g_strconcat (path, "-wal", NULL);
  snapshot->folder = g_path_get_dirname (path);
  snapshot->listing = crm_test_list_folder (snapshot->folder);
  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, &error));
  g_assert_no_error (error);
  if (g_file_test (snapshot->wal_path, G_FILE_TEST_EXISTS))
    {
      g_assert_true (g_file_get_contents (snapshot->wal_path, &snapshot->wal_contents,
                                          &snapshot->wal_length, &error));
      g_assert_no_error (error);
    }
}

static void
snapshot_assert_unchanged (Snapshot *snapshot)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (snapshot->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, snapshot->contents, snapshot->length);

  /* Nothing new beside the file: a -wal would be replayed into it by the
   * next program that opens it, and -shm or -journal files are litter.
   * One exception: a WAL another program left without its -shm can only
   * be read through a -shm, which SQLite makes; it holds no data. */
  listing = crm_test_list_folder (snapshot->folder);
  if (snapshot->wal_contents != NULL && g_strcmp0 (listing, snapshot->listing) != 0)
    {
      g_autofree char *shm = g_strconcat (snapshot->path, "-shm", NULL);

      g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
      g_assert_cmpint (g_remove (shm), ==, 0);
      g_clear_pointer (&listing, g_free);
      listing = crm_test_list_folder (snapshot->folder);
    }
  g_assert_cmpstr (listing, ==, snapshot->listing);

  if (snapshot->wal_contents != NULL)
    {
      g_autofree char *wal = NULL;
      gsize wal_length = 0;

      g_assert_true (g_file_get_contents (snapshot->wal_path, &wal, &wal_length, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (wal, wal_length, snapshot->wal_contents, snapshot->wal_length);
    }
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->path, g_free);
  g_clear_pointer (&snapshot->wal_path, g_free);
  g_clear_pointer (&snapshot->contents, g_free);
  g_clear_pointer (&snapshot->wal_contents, g_free);
  g_clear_pointer (&snapshot->folder, g_free);
  g_clear_pointer (&snapshot->listing, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

/* Opens @path, which must fail with @domain/@code (or any code when @code
 * is -1), name the file, leave every byte of it as it was and create
 * nothing beside it. The store may create a missing file, so only the
 * probe's answer keeps it from making a database of @path. */
static void
assert_open_refused (const char *path,
                     GQuark      domain,
                     int         code)
{
  g_auto (Snapshot) snapshot = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;

  snapshot_take (&snapshot, path);

  store = crm_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  if (code >= 0)
    g_assert_error (error, domain, code);
  else
    g_assert_true (error->domain == domain);
  g_assert_nonnull (strstr (error->message, path));

  snapshot_assert_unchanged (&snapshot);

  /* Trying again gives the same answer: the first attempt left nothing
   * behind that changes the outcome. */
  g_clear_error (&error);
  store = crm_store_open (path, &error);
  g_assert_null (store);
  if (code >= 0)
    g_assert_error (error, domain, code);
  snapshot_assert_unchanged (&snapshot);
}

/* A real Deals database with some deals in it, closed cleanly. */
static void
make_deals_file (Fixture *fixture,
                 guint    n_deals)
{
  crm_test_populate (fixture->store, n_deals, 7);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, n_deals);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

static void
test_store_bad_file_text (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "hello", -1, &error));
  g_assert_no_error (error);
  assert_open_refused (path, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE);
}

static void
test_store_bad_file_random (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "random.bin", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (1234);
  g_autofree guint32 *data = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    data[i] = g_rand_int (rand);

  g_assert_true (g_file_set_contents (path, (const char *)data, 16384 * sizeof (guint32), &error));
  g_assert_no_error (error);
  assert_open_refused (path, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE);
}

static void
test_store_bad_file_corrupt (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize middle;

  make_deals_file (fixture, 400);

  /* Scribble over a few pages in the middle of the file. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 64 * 1024);
  middle = (length / 2) & ~(gsize)4095;
  for (gsize i = 0; i < 3 * 4096; i++)
    contents[middle + i] = (char)(0xa5 ^ (i * 31));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);

  assert_open_refused (fixture->path, CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT);
}

static void
integrity_notified_cb (CrmStore   *store,
                       GParamSpec *pspec,
                       gboolean   *notified)
{
  *notified = TRUE;
}

/* A file above the size checked while opening is checked in a thread: the
 * store opens, then learns of the damage, says so, and writes nothing. */
static void
test_store_bad_file_corrupt_checked_later (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_auto (Snapshot) snapshot = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;
  g_autoptr (CrmDeal) deal = NULL;
  g_autofree char *contents = NULL;
  gboolean notified = FALSE;
  gsize length = 0;
  gsize middle;

  make_deals_file (fixture, 400);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  middle = (length / 2) & ~(gsize)4095;
  for (gsize i = 0; i < 3 * 4096; i++)
    contents[middle + i] = (char)(0xa5 ^ (i * 31));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, &error));
  g_assert_no_error (error);
  snapshot_take (&snapshot, fixture->path);

  _crm_store_set_sync_check_limit (0);
  store = crm_store_open (fixture->path, &error);
  _crm_store_set_sync_check_limit (8 * 1024 * 1024);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (crm_store_get_integrity_error (store));

  g_signal_connect (store, "notify::integrity-error", G_CALLBACK (integrity_notified_cb), &notified);
  g_test_expect_message ("crm-store", G_LOG_LEVEL_WARNING, "*is damaged*");
  while (!notified)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();

  g_assert_error ((GError *)crm_store_get_integrity_error (store), CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT);
  g_assert_nonnull (strstr (crm_store_get_integrity_error (store)->message, fixture->path));

  deal = new_deal ("After the damage");
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT);
  g_assert_cmpint (crm_deal_get_id (deal), ==, 0);

  /* The check's task lets go of the store once its thread has finished,
   * which can be just after the callback ran. */
  for (guint i = 0; i < 5000 && G_OBJECT (store)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&store));
  snapshot_assert_unchanged (&snapshot);
}

static void
test_store_bad_file_truncated (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_deals_file (fixture, 400);

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (fixture->path, contents, length / 2, &error));
  g_assert_no_error (error);

  assert_open_refused (fixture->path, CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT);
}

static void
test_store_bad_file_other_program (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "places.sqlite", NULL);
  g_autoptr (CrmDb) db = NULL;

  db = crm_db_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db,
                              "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT);"
                              "INSERT INTO bookmarks (url) VALUES ('https://gnome.org');",
                              &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  assert_open_refused (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_DEALS);
}

static void
test_store_bad_file_other_program_meta (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr (CrmDb) db = NULL;

  /* Another program that happens to have a "meta" table of its own, in
   * WAL mode like ours. */
  db = crm_db_open (path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db,
                              "PRAGMA journal_mode = WAL;"
                              "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                              "INSERT INTO meta VALUES ('application', 'org.example.Other');"
                              "PRAGMA user_version = 1;",
                              &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  assert_open_refused (path, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_DEALS);
}

static void
test_store_bad_file_too_new (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = NULL;

  make_deals_file (fixture, 20);

  db = crm_db_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db, "PRAGMA user_version = 999", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  assert_open_refused (fixture->path, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, contents, length, &error));
  g_assert_no_error (error);
}

static void
test_store_bad_file_too_new_with_wal (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

  make_deals_file (fixture, 20);

  /* A newer Deals that stopped without checkpointing: its last changes are
   * still in the WAL file next to the database. Opening and closing must
   * not fold them into the file either. */
  db = crm_db_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db,
                              "PRAGMA wal_autocheckpoint = 0;"
                              "PRAGMA user_version = 999;"
                              "UPDATE deals SET title = title || ' (v999)';",
                              &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  copy_file (fixture->path, copy);
  copy_file (wal, copy_wal);
  g_assert_finalize_object (g_steal_pointer (&db));

  assert_open_refused (copy, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW);
}

static void
test_store_bad_file_empty (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  GStatBuf st;

  /* SQLite takes an empty file for a new database; the store must not. */
  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);
  assert_open_refused (path, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

static void
test_store_bad_file_folder (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;
  g_autofree char *before = crm_test_list_folder (fixture->dir);
  g_autofree char *after = NULL;

  store = crm_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->dir));
  after = crm_test_list_folder (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

/* A file its owner made read-only is refused before SQLite sees it, and
 * gets no -wal or -shm beside it, though it is a WAL database. */
static void
test_store_bad_file_read_only (Fixture       *fixture,
                               gconstpointer  user_data)
{
  make_deals_file (fixture, 20);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_open_refused (fixture->path, CRM_DB_ERROR, CRM_DB_ERROR_READ_ONLY);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  /* Writable again, it opens with its deals. */
  fixture->store = crm_test_store_new (fixture->path, NULL);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 20);
}

/* Newer and read-only, as a copy from a colleague's newer Deals may be: the
 * newer schema is what the message names. */
static void
test_store_bad_file_too_new_read_only (Fixture       *fixture,
                                       gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = NULL;

  make_deals_file (fixture, 20);

  db = crm_db_open (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (crm_db_exec (db, "PRAGMA user_version = 999", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_open_refused (fixture->path, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
}

/* Opens @path with @flags, which must fail with G_IO_ERROR_NOT_FOUND naming
 * @named, and leave the fixture's folder as it was. */
static void
assert_not_created (Fixture           *fixture,
                    const char        *path,
                    CrmStoreOpenFlags  flags,
                    const char        *named)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;
  g_autofree char *before = crm_test_list_folder (fixture->dir);
  g_autofree char *after = NULL;

  store = crm_store_open_full (path, flags, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, named));
  g_assert_nonnull (strstr (error->message, "Nothing was created"));

  after = crm_test_list_folder (fixture->dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_store_open_missing (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "deal.db", NULL);
  g_autofree char *nested = g_build_filename (fixture->dir, "typo", "deals.db", NULL);

  assert_not_created (fixture, path, CRM_STORE_OPEN_NONE, path);
  assert_not_created (fixture, nested, CRM_STORE_OPEN_NONE, nested);
}

/* Asked to create a file, the store still makes no folder for it unless
 * told to (the default location). */
static void
test_store_open_missing_folder (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "typo", "deeper", NULL);
  g_autofree char *path = g_build_filename (folder, "deals.db", NULL);
  g_autofree char *top = g_build_filename (fixture->dir, "typo", NULL);

  assert_not_created (fixture, path, CRM_STORE_OPEN_CREATE, folder);
  g_assert_false (g_file_test (top, G_FILE_TEST_EXISTS));
}

static void
test_store_open_creates_when_asked (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "new.db", NULL);

  store = crm_store_open_full (path, CRM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, _crm_store_latest_schema_version ());
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Once made, it opens without being allowed to create. */
  store = crm_store_open_full (path, CRM_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, procedure, func) \
  g_test_add (path, Fixture, procedure, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/store/migrations-from-empty", NULL, test_store_migrations_from_empty);
  ADD ("/model/store/creates-folder", NULL, test_store_creates_folder);
  ADD ("/model/store/open/missing", NULL, test_store_open_missing);
  ADD ("/model/store/open/missing-folder", NULL, test_store_open_missing_folder);
  ADD ("/model/store/open/creates-when-asked", NULL, test_store_open_creates_when_asked);
  ADD ("/model/store/bad-file/text", NULL, test_store_bad_file_text);
  ADD ("/model/store/bad-file/random", NULL, test_store_bad_file_random);
  ADD ("/model/store/bad-file/empty", NULL, test_store_bad_file_empty);
  ADD ("/model/store/bad-file/folder", NULL, test_store_bad_file_folder);
  ADD ("/model/store/bad-file/corrupt", "tw", test_store_bad_file_corrupt);
  ADD ("/model/store/bad-file/corrupt-checked-later", "tw", test_store_bad_file_corrupt_checked_later);
  ADD ("/model/store/bad-file/truncated", "tw", test_store_bad_file_truncated);
  ADD ("/model/store/bad-file/other-program", NULL, test_store_bad_file_other_program);
  ADD ("/model/store/bad-file/other-program-meta", NULL, test_store_bad_file_other_program_meta);
  ADD ("/model/store/bad-file/too-new", "rad", test_store_bad_file_too_new);
  ADD ("/model/store/bad-file/too-new-with-wal", "rad", test_store_bad_file_too_new_with_wal);
  ADD ("/model/store/bad-file/too-new-read-only", "rad", test_store_bad_file_too_new_read_only);
  ADD ("/model/store/bad-file/read-only", "tw", test_store_bad_file_read_only);

#undef ADD

  return g_test_run ();
}
