/* crm-store-open.c
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

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-db.h"
#include "crm-store-private.h"

/*
 * Deciding whether a file may be opened to write, without writing. Every
 * check here reads: the file's size and permissions, its first 100 bytes,
 * then the schema through a connection that creates nothing beside the
 * file (crm_db_open_probe()). Only a file that passes them all is opened
 * for writing, which may add a WAL and turn the journal mode on.
 */

/* The 100-byte header every SQLite database starts with. */
#define SQLITE_HEADER_SIZE 100
#define SQLITE_MAGIC "SQLite format 3"

/* quick_check reads every page: some 5 ms a megabyte. Below this size the
 * file is checked before the store opens; above it, in a thread while the
 * board comes up, so a 100,000-deal file opens in well under 300 ms. */
static goffset sync_check_limit = 8 * 1024 * 1024;

void
_crm_store_set_sync_check_limit (goffset limit)
{
  sync_check_limit = limit;
}

guint
_crm_store_latest_schema_version (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (CRM_STORE_MIGRATIONS_PATH, 0, NULL);

  return names ? g_strv_length (names) : 0;
}

static gboolean
query_uint (CrmDb       *db,
            const char  *sql,
            guint       *value,
            GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (db, sql, error);

  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  *value = (guint)crm_statement_get_int64 (stmt, 0);
  return TRUE;
}

static char *
read_mark (CrmDb *db)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* A file without a meta table is not ours; that is an answer, not an
   * error. */
  stmt = crm_db_prepare (db, "SELECT value FROM meta WHERE key = 'application'", NULL);
  if (stmt == NULL || crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* Opening only reads the schema, so damage in the pages of deals or
 * contacts would surface later, half-way through a user's work. Every page
 * is read once instead (quick_check skips the slow index cross-check),
 * before anything is written to the file. */
gboolean
_crm_store_check_integrity (CrmDb   *db,
                            GError **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *result;

  stmt = crm_db_prepare (db, "PRAGMA quick_check (1)", &local_error);
  if (stmt == NULL || crm_statement_step (stmt, &local_error) != CRM_STEP_ROW)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT,
                   /* Translators: first the database file, then SQLite's finding */
                   _("“%s” is damaged and cannot be opened. It was left untouched. (%s)"),
                   crm_db_get_path (db),
                   local_error ? local_error->message : _("no answer to the integrity check"));
      return FALSE;
    }

  result = crm_statement_get_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. It was left untouched. (%s)"),
                   crm_db_get_path (db), result ? result : "");
      return FALSE;
    }

  return TRUE;
}

/* On a server, reading takes the group role deals_rep (migration 11): a
 * login role without it is nobody in the department, and is told so
 * rather than "permission denied for table meta". */
static gboolean
may_read_postgresql (CrmDb   *db,
                     GError **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (db, "SELECT session_user, has_table_privilege ('meta', 'SELECT')", error);
  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  if (crm_statement_get_int64 (stmt, 1) != 0)
    return TRUE;

  _crm_store_set_no_person_error (error, crm_statement_get_text (stmt, 0), crm_db_get_path (db), FALSE);
  return FALSE;
}

/* PostgreSQL has no user_version: the schema version is kept in meta,
 * written by the migration's own transaction (docs/decisions.md). */
static gboolean
read_postgresql_version (CrmDb    *db,
                         guint    *version,
                         guint    *n_tables,
                         GError  **error)
{
  guint has_meta = 0;

  *version = 0;
  if (!query_uint (db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema ()",
                   n_tables, error) ||
      !query_uint (db, "SELECT to_regclass ('meta') IS NOT NULL", &has_meta, error))
    return FALSE;

  return !has_meta ||
         (may_read_postgresql (db, error) &&
          query_uint (db, "SELECT coalesce (max (value::bigint), 0) FROM meta WHERE key = 'schema-version'",
                      version, error));
}

/* A file of another program, or one from a newer Deals, is reported and
 * left as it is. An SQLite file (or a server's schema) without a single
 * table is taken as new. */
static gboolean
check_ownership (CrmDb    *db,
                 guint    *version,
                 GError  **error)
{
  g_autofree char *mark = NULL;
  guint n_tables = 0;
  guint latest;

  if (crm_db_is_postgresql (db))
    {
      if (!read_postgresql_version (db, version, &n_tables, error))
        return FALSE;
    }
  else if (!query_uint (db, "PRAGMA user_version", version, error) ||
           !query_uint (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", &n_tables, error))
    return FALSE;

  if (*version == 0 && n_tables == 0)
    return TRUE;

  mark = read_mark (db);
  if (g_strcmp0 (mark, CRM_STORE_APPLICATION_MARK) != 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_DEALS,
                   _("“%s” is not a Deals database. It was left untouched."),
                   crm_db_get_name (db));
      return FALSE;
    }

  latest = _crm_store_latest_schema_version ();
  if (*version > latest)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Deals (schema %u; this version knows %u). It was left untouched."),
                   crm_db_get_name (db), *version, latest);
      return FALSE;
    }

  return TRUE;
}

/* A missing file is made only when the caller asked for one, and its
 * folder only at the default location: a mistyped --database path leaves
 * no folders and no stray database behind. */
static gboolean
probe_missing (const char         *path,
               CrmStoreOpenFlags   flags,
               GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!(flags & CRM_STORE_OPEN_CREATE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” does not exist. Nothing was created."), path);
      return FALSE;
    }

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (!(flags & CRM_STORE_OPEN_CREATE_FOLDER))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder “%s” does not exist. Nothing was created."), dir);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

static gboolean
has_sqlite_header (const char  *path,
                   GError     **error)
{
  char header[SQLITE_HEADER_SIZE];
  ssize_t n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot open the database “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  n_read = read (fd, header, sizeof header);
  close (fd);

  if (n_read != sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Deals database: it is not a database file at all. It was left untouched."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* Deals writes as the rep works, and SQLite needs the folder for its WAL.
 * The permission bits are looked at as well as access(): root may write to
 * a file its owner marked read-only, but the owner meant it to stay so. */
static gboolean
check_writable (const char  *path,
                GStatBuf    *st,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if ((st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_READ_ONLY,
                   _("“%s” is read-only, and Deals writes to its database as you work. It was left untouched."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * _crm_store_probe:
 * @path: the database file
 * @flags: whether a missing file (and its folder) may be created
 * @version: (out): the file's schema version, 0 for a new file
 * @check_later: (out): whether the integrity check is left to a thread
 * @error: return location for a #GError
 *
 * Decides, reading only, whether @path may be opened to write: it is
 * missing and may be created, or it is a Deals database of a schema this
 * version knows, undamaged, that can be written. Whatever the answer,
 * nothing is created or changed beside or in an existing file.
 *
 * Returns: %TRUE when the store may open @path to write
 */
gboolean
_crm_store_probe (const char         *path,
                  CrmStoreOpenFlags   flags,
                  guint              *version,
                  gboolean           *check_later,
                  GError            **error)
{
  g_autoptr(CrmDb) db = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  *version = 0;
  *check_later = FALSE;

  /* A server's database exists or the connection fails; its integrity is
   * the server's business. */
  if (crm_db_is_postgresql_uri (path))
    {
      db = crm_db_open_probe (path, error);
      return db != NULL && check_ownership (db, version, error);
    }

  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        return probe_missing (path, flags, error);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot open the database “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Deals database: it is not a file. It was left untouched."),
                   path);
      return FALSE;
    }

  /* SQLite would take an empty file for a new database and Deals would
   * fill it; but nobody asked for a database there. */
  if (st.st_size == 0)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is empty, not a Deals database. It was left untouched."),
                   path);
      return FALSE;
    }

  if (!has_sqlite_header (path, error))
    return FALSE;

  db = crm_db_open_probe (path, &local_error);
  if (db == NULL)
    {
      if (g_error_matches (local_error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE))
        g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Deals database: it is not a database file at all. It was left untouched."),
                     path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!check_ownership (db, version, error))
    return FALSE;

  /* A file about to be migrated is checked first, whatever its size. */
  if (*version > 0)
    {
      if (st.st_size <= sync_check_limit || *version < _crm_store_latest_schema_version ())
        {
          if (!_crm_store_check_integrity (db, error))
            return FALSE;
        }
      else
        *check_later = TRUE;
    }

  return check_writable (path, &st, error);
}
