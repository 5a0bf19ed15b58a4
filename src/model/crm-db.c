/* crm-db.c
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

#define G_LOG_DOMAIN "crm-db"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "crm-db.h"

struct _CrmStatement
{
  CrmDb        *db;       /* unowned: the cache lives inside the db */
  sqlite3_stmt *stmt;
  guint         in_use : 1;
  guint         cached : 1;
  guint         started : 1;
};

struct _CrmDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;

  /* Prepared statements by SQL text. Statements are prepared once and
   * reused: a card move must stay within a few microseconds of SQL work. */
  GHashTable *statements;

  guint64     statement_count;

  /* Set when the file was found damaged after opening: writes are refused
   * with this error so nothing is added to a broken file. */
  GError     *write_error;
  guint       in_transaction : 1;
  guint       wrote : 1;
};

G_DEFINE_FINAL_TYPE (CrmDb, crm_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-db-error-quark, crm_db_error)

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return CRM_DB_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return CRM_DB_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
      return CRM_DB_ERROR_CONSTRAINT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CRM_DB_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return CRM_DB_ERROR_READ_ONLY;
    default:
      return CRM_DB_ERROR_FAILED;
    }
}

static void
set_error_from_handle (CrmDb   *self,
                       int      rc,
                       GError **error)
{
  g_set_error (error, CRM_DB_ERROR, error_code_for_sqlite (rc),
               /* Translators: first the database file, then SQLite's message */
               _("Database “%s”: %s"),
               self->path, sqlite3_errmsg (self->handle));
}

static void
statement_free (gpointer data)
{
  CrmStatement *stmt = data;

  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static void
crm_db_finalize (GObject *object)
{
  CrmDb *self = (CrmDb *)object;

  if (self->in_transaction)
    crm_db_rollback (self);

  /* Closing the last connection to a WAL database folds the WAL into the
   * file. A connection that only looked (the store deciding that a file is
   * not its own, or too new) must leave the file and its WAL as it found
   * them, even when another program left changes in the WAL. */
  if (self->handle != NULL && !self->wrote)
    sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_error (&self->write_error);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (crm_db_parent_class)->finalize (object);
}

static void
crm_db_class_init (CrmDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_db_finalize;
}

static void
crm_db_init (CrmDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
}

/* @path names the file in messages; @filename is what SQLite opens, the
 * same or a URI for it. */
static CrmDb *
crm_db_open_with_flags (const char  *path,
                        const char  *filename,
                        int          flags,
                        GError     **error)
{
  g_autoptr(CrmDb) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CRM_TYPE_DB, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (filename, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   path, self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  /* Reading the schema is the first thing that touches the file: a text
   * file or a truncated database fails here, before anything is written. */
  if (!crm_db_exec (self, "PRAGMA foreign_keys = ON; SELECT count(*) FROM sqlite_master;", error))
    return NULL;

  /* That was a read; only what the caller runs next counts as writing. */
  self->wrote = FALSE;

  return g_steal_pointer (&self);
}

/**
 * crm_db_open:
 * @path: the database file
 * @create: whether a missing file may be created
 * @error: return location for a #GError
 *
 * Opens the SQLite file at @path and sets the connection up: foreign keys on
 * and a busy timeout. The journal mode is left alone here on purpose: turning
 * WAL on writes to the file, and the store must first make sure the file is a
 * Deals database before it changes a single byte of it.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
crm_db_open (const char  *path,
             gboolean     create,
             GError     **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  if (create)
    flags |= SQLITE_OPEN_CREATE;

  return crm_db_open_with_flags (path, path, flags, error);
}

/**
 * crm_db_open_read_only:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens a second, read-only connection, for checks that run in a thread.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
crm_db_open_read_only (const char  *path,
                       GError     **error)
{
  return crm_db_open_with_flags (path, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, error);
}

/**
 * crm_db_open_probe:
 * @path: an existing database file
 * @error: return location for a #GError
 *
 * Opens @path to look at, with nothing created beside it. A read-only
 * SQLite connection still makes `-wal` and `-shm` files next to a WAL
 * database; when neither a WAL nor a rollback journal is there, there is
 * nothing in them to read, so the file is opened as immutable, which
 * creates and locks nothing. When one of them is there, another program may
 * have changes in it, and a plain read-only connection reads them.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
crm_db_open_probe (const char  *path,
                   GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (journal, G_FILE_TEST_EXISTS))
    return crm_db_open_read_only (path, error);

  /* SQLite decodes %XX in a URI, so a name with '?', '#' or '%' stays
   * the same file. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  return crm_db_open_with_flags (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                 error);
}

const char *
crm_db_get_path (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), NULL);

  return self->path;
}

/**
 * crm_db_prepare:
 * @self: a #CrmDb
 * @sql: one SQL statement with `?N` parameters
 * @error: return location for a #GError
 *
 * Returns the cached prepared statement for @sql. Release it with
 * crm_statement_release() (or g_autoptr) so it can be used again.
 *
 * Returns: (transfer full) (nullable): the statement
 */
CrmStatement *
crm_db_prepare (CrmDb       *self,
                const char  *sql,
                GError     **error)
{
  CrmStatement *stmt;
  sqlite3_stmt *raw = NULL;
  int rc;

  g_return_val_if_fail (CRM_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A statement is used by one caller at a time; a second user (a
       * recursive query) gets a private, uncached copy. */
      if (!stmt->in_use)
        {
          stmt->in_use = TRUE;
          return stmt;
        }
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1,
                           stmt == NULL ? SQLITE_PREPARE_PERSISTENT : 0,
                           &raw, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (self, rc, error);
      return NULL;
    }

  if (stmt != NULL)
    {
      CrmStatement *copy = g_new0 (CrmStatement, 1);

      copy->db = self;
      copy->stmt = raw;
      copy->in_use = TRUE;
      return copy;
    }

  stmt = g_new0 (CrmStatement, 1);
  stmt->db = self;
  stmt->stmt = raw;
  stmt->in_use = TRUE;
  stmt->cached = TRUE;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * crm_db_exec:
 * @self: a #CrmDb
 * @script: SQL text without parameters, from the program itself (migrations,
 *   pragmas); never text that contains user input
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
crm_db_exec (CrmDb       *self,
             const char  *script,
             GError     **error)
{
  int rc;

  g_return_val_if_fail (CRM_IS_DB (self), FALSE);

  /* Scripts are migrations, pragmas and transaction control: writes. */
  self->statement_count++;
  self->wrote = TRUE;
  rc = sqlite3_exec (self->handle, script, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_db_begin:
 * @self: a #CrmDb
 * @error: return location for a #GError
 *
 * Starts the one transaction of a user action. IMMEDIATE takes the write
 * lock up front so that a second Deals on the same file waits (busy timeout)
 * instead of failing half-way through.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_db_begin (CrmDb   *self,
              GError **error)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->write_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->write_error));
      return FALSE;
    }

  if (!crm_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

/**
 * crm_db_refuse_writes:
 * @self: a #CrmDb
 * @error: why, shown to whoever tries to write
 *
 * Makes every later crm_db_begin() fail with @error.
 */
void
crm_db_refuse_writes (CrmDb        *self,
                      const GError *error)
{
  g_return_if_fail (CRM_IS_DB (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->write_error);
  self->write_error = g_error_copy (error);
}

gboolean
crm_db_commit (CrmDb   *self,
               GError **error)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!crm_db_exec (self, "COMMIT", error))
    {
      crm_db_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  return TRUE;
}

void
crm_db_rollback (CrmDb *self)
{
  g_return_if_fail (CRM_IS_DB (self));

  if (!self->in_transaction)
    return;

  self->in_transaction = FALSE;
  if (sqlite3_get_autocommit (self->handle) == 0)
    crm_db_exec (self, "ROLLBACK", NULL);
}

gboolean
crm_db_in_transaction (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);

  return self->in_transaction;
}

gint64
crm_db_last_insert_id (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), 0);

  return sqlite3_last_insert_rowid (self->handle);
}

/**
 * crm_db_get_statement_count:
 * @self: a #CrmDb
 *
 * The number of statements executed so far, transaction control included.
 * The benchmark reads it to check that a card move stays within budget.
 *
 * Returns: the count
 */
guint64
crm_db_get_statement_count (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), 0);

  return self->statement_count;
}

void
crm_statement_bind_int64 (CrmStatement *stmt,
                          int           index,
                          gint64        value)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_bind_int64 (stmt->stmt, index, value);
}

/* An id of 0 means "none" in the domain objects and NULL in the database. */
void
crm_statement_bind_id (CrmStatement *stmt,
                       int           index,
                       gint64        id)
{
  g_return_if_fail (stmt != NULL);

  if (id > 0)
    sqlite3_bind_int64 (stmt->stmt, index, id);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

void
crm_statement_bind_double (CrmStatement *stmt,
                           int           index,
                           double        value)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_bind_double (stmt->stmt, index, value);
}

static void
bind_text (CrmStatement            *stmt,
           int                      index,
           const char              *value,
           sqlite3_destructor_type  copy)
{
  g_return_if_fail (stmt != NULL);

  if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, value, -1, copy);
}

void
crm_statement_bind_text (CrmStatement *stmt,
                         int           index,
                         const char   *value)
{
  bind_text (stmt, index, value, SQLITE_TRANSIENT);
}

/**
 * crm_statement_bind_text_static:
 * @stmt: a #CrmStatement
 * @index: the parameter, from 1
 * @value: (nullable): text that stays as it is until @stmt has run
 *
 * Like crm_statement_bind_text() without SQLite's copy of @value: for bulk
 * writers that bind thousands of values they hold anyway. The binding is
 * cleared when the statement goes back to the cache.
 */
void
crm_statement_bind_text_static (CrmStatement *stmt,
                                int           index,
                                const char   *value)
{
  bind_text (stmt, index, value, SQLITE_STATIC);
}

/**
 * crm_statement_bind_bytes:
 * @stmt: a #CrmStatement
 * @index: the parameter, from 1
 * @value: (nullable): the bytes, bound as a blob; %NULL binds NULL
 *
 * SQLite copies the bytes, so @value may go away before the statement runs.
 */
void
crm_statement_bind_bytes (CrmStatement *stmt,
                          int           index,
                          GBytes       *value)
{
  gsize size;
  gconstpointer data;

  g_return_if_fail (stmt != NULL);

  if (value == NULL)
    {
      sqlite3_bind_null (stmt->stmt, index);
      return;
    }

  data = g_bytes_get_data (value, &size);
  /* An empty blob is a blob, not NULL. */
  sqlite3_bind_blob64 (stmt->stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
}

CrmStep
crm_statement_step (CrmStatement  *stmt,
                    GError       **error)
{
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (stmt != NULL, CRM_STEP_ERROR);

  if (!stmt->started)
    {
      stmt->db->statement_count++;
      stmt->started = TRUE;
      if (!sqlite3_stmt_readonly (stmt->stmt))
        stmt->db->wrote = TRUE;
    }

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return CRM_STEP_ROW;

  handle = sqlite3_db_handle (stmt->stmt);

  if (rc == SQLITE_DONE)
    return CRM_STEP_DONE;

  g_set_error (error, CRM_DB_ERROR, error_code_for_sqlite (rc),
               _("Database “%s”: %s"),
               sqlite3_db_filename (handle, "main"), sqlite3_errmsg (handle));
  return CRM_STEP_ERROR;
}

/**
 * crm_statement_run:
 * @stmt: a statement that returns no rows (or whose rows are not wanted)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the statement ran to completion
 */
gboolean
crm_statement_run (CrmStatement  *stmt,
                   GError       **error)
{
  CrmStep step;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    ;

  return step == CRM_STEP_DONE;
}

gint64
crm_statement_get_int64 (CrmStatement *stmt,
                         int           column)
{
  return sqlite3_column_int64 (stmt->stmt, column);
}

double
crm_statement_get_double (CrmStatement *stmt,
                          int           column)
{
  return sqlite3_column_double (stmt->stmt, column);
}

const char *
crm_statement_get_text (CrmStatement *stmt,
                        int           column)
{
  return (const char *)sqlite3_column_text (stmt->stmt, column);
}

/**
 * crm_statement_dup_bytes:
 * @stmt: a #CrmStatement on a row
 * @column: the column, from 0
 *
 * Returns: (transfer full) (nullable): a copy of the column's bytes,
 *   %NULL for NULL
 */
GBytes *
crm_statement_dup_bytes (CrmStatement *stmt,
                         int           column)
{
  const void *data;
  int size;

  g_return_val_if_fail (stmt != NULL, NULL);

  if (sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL)
    return NULL;

  /* The data first, then its size, as SQLite documents. */
  data = sqlite3_column_blob (stmt->stmt, column);
  size = sqlite3_column_bytes (stmt->stmt, column);

  return g_bytes_new (data, (gsize)MAX (size, 0));
}

gboolean
crm_statement_is_null (CrmStatement *stmt,
                       int           column)
{
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

/**
 * crm_statement_release:
 * @stmt: a statement from crm_db_prepare()
 *
 * Resets @stmt and returns it to its connection's cache.
 */
void
crm_statement_release (CrmStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
  stmt->started = FALSE;

  if (!stmt->cached)
    statement_free (stmt);
  else
    stmt->in_use = FALSE;
}
