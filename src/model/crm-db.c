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
#include <string.h>

#include "crm-db-private.h"

/*
 * A connection is used by one thread at a time (SQLite is opened with
 * NOMUTEX, a libpq connection is not thread-safe either): the store's
 * connection on the main thread, each worker its own read-only one.
 */

struct _CrmStatement
{
  CrmDb        *db;       /* unowned: the cache lives inside the db */
  gpointer      impl;     /* the backend's statement */
  guint         in_use : 1;
  guint         cached : 1;
  guint         started : 1;
};

struct _CrmDb
{
  GObject     parent_instance;

  const CrmDbBackend *backend;
  char       *path;
  /* The path, or the URI without its password: what messages name. */
  char       *display;
  gpointer    handle;

  /* Prepared statements by SQL text. Statements are prepared once and
   * reused: a card move must stay within a few microseconds of SQL work. */
  GHashTable *statements;

  guint64     statement_count;

  /* Set when the file was found damaged after opening: writes are refused
   * with this error so nothing is added to a broken file. */
  GError     *write_error;
  /* Set when a team server's connection was lost: everything is refused
   * with it, at once, until crm_db_take_connection() brings another. */
  GError     *offline_error;
  guint       in_transaction : 1;
  guint       wrote : 1;
};

G_DEFINE_FINAL_TYPE (CrmDb, crm_db, G_TYPE_OBJECT)

enum {
  CONNECTION_LOST,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_QUARK (crm-db-error-quark, crm_db_error)

static void
statement_free (gpointer data)
{
  CrmStatement *stmt = data;

  stmt->db->backend->free (stmt->impl);
  g_free (stmt);
}

static void
crm_db_finalize (GObject *object)
{
  CrmDb *self = (CrmDb *)object;

  if (self->in_transaction)
    crm_db_rollback (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    self->backend->close (g_steal_pointer (&self->handle), self->wrote);
  g_clear_error (&self->write_error);
  g_clear_error (&self->offline_error);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display, g_free);

  G_OBJECT_CLASS (crm_db_parent_class)->finalize (object);
}

static void
crm_db_class_init (CrmDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_db_finalize;

  /**
   * CrmDb::connection-lost:
   * @db: the connection
   *
   * A team server's connection was found lost, once, in the thread that
   * found it; crm_db_get_offline_error() says why.
   */
  signals [CONNECTION_LOST] =
    g_signal_new ("connection-lost",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_db_init (CrmDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
}

CrmDb *
_crm_db_new (const CrmDbBackend *backend,
             const char         *path,
             const char         *display)
{
  CrmDb *self = g_object_new (CRM_TYPE_DB, NULL);

  self->backend = backend;
  self->path = g_strdup (path);
  self->display = g_strdup (display);
  return self;
}

void
_crm_db_set_handle (CrmDb    *self,
                    gpointer  handle)
{
  g_assert (self->handle == NULL);

  self->handle = handle;
}

gpointer
_crm_db_get_handle (CrmDb *self)
{
  return self->handle;
}

/**
 * _crm_db_lose_connection:
 * @self: a #CrmDb
 * @reason: (nullable): what the backend said, on its first line
 *
 * The server went away: from now on every call is refused at once with
 * one message, and #CrmDb::connection-lost is emitted, the first time.
 */
void
_crm_db_lose_connection (CrmDb      *self,
                         const char *reason)
{
  g_autofree char *line = g_strdup (reason != NULL && *reason != '\0' ? reason : "?");
  g_autofree char *prefix = g_strdup_printf (_("Database “%s”: %s"), self->display, "");

  if (self->offline_error != NULL)
    return;

  line[strcspn (line, "\n")] = '\0';
  g_set_error (&self->offline_error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE,
               /* Translators: first the server's address, then why */
               _("The team server “%s” cannot be reached (%s). Nothing can be changed until it is back."),
               self->display, g_str_has_prefix (line, prefix) ? line + strlen (prefix) : line);
  g_signal_emit (self, signals [CONNECTION_LOST], 0);
}

/* After a backend's failure: a lost connection makes @error the offline
 * error, so that every caller says the same. */
static void
check_connection (CrmDb   *self,
                  GError **error)
{
  if (self->backend->connected == NULL || self->offline_error != NULL ||
      self->backend->connected (self))
    return;

  _crm_db_lose_connection (self, error != NULL && *error != NULL ? (*error)->message : NULL);
  if (error != NULL)
    {
      g_clear_error (error);
      *error = g_error_copy (self->offline_error);
    }
}

/* Before calling the backend: offline, nothing is asked of it. */
static gboolean
refuse_offline (CrmDb   *self,
                GError **error)
{
  if (self->offline_error == NULL)
    return FALSE;

  g_propagate_error (error, g_error_copy (self->offline_error));
  return TRUE;
}

/* The SQLite backend. */

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
sqlite_close (gpointer handle,
              gboolean wrote)
{
  /* Closing the last connection to a WAL database folds the WAL into the
   * file. A connection that only looked (the store deciding that a file is
   * not its own, or too new) must leave the file and its WAL as it found
   * them, even when another program left changes in the WAL. */
  if (!wrote)
    sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  sqlite3_close (handle);
}

static gpointer
sqlite_prepare (CrmDb       *db,
                const char  *sql,
                gpointer     shared,
                GError     **error)
{
  sqlite3_stmt *raw = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (db->handle, sql, -1,
                           shared == NULL ? SQLITE_PREPARE_PERSISTENT : 0,
                           &raw, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_handle (db, rc, error);
      return NULL;
    }

  return raw;
}

static gboolean
sqlite_exec (CrmDb       *db,
             const char  *script,
             GError     **error)
{
  int rc = sqlite3_exec (db->handle, script, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_from_handle (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_in_transaction (CrmDb *db)
{
  return sqlite3_get_autocommit (db->handle) == 0;
}

static gint64
sqlite_last_insert_id (CrmDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

static void
sqlite_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sqlite_reset (gpointer stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
sqlite_writes (gpointer stmt)
{
  return !sqlite3_stmt_readonly (stmt);
}

static void
sqlite_bind_null (gpointer stmt,
                  int      index)
{
  sqlite3_bind_null (stmt, index);
}

static void
sqlite_bind_int64 (gpointer stmt,
                   int      index,
                   gint64   value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

static void
sqlite_bind_double (gpointer stmt,
                    int      index,
                    double   value)
{
  sqlite3_bind_double (stmt, index, value);
}

static void
sqlite_bind_text (gpointer    stmt,
                  int         index,
                  const char *value,
                  gboolean    copy)
{
  sqlite3_bind_text (stmt, index, value, -1, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_blob (gpointer      stmt,
                  int           index,
                  gconstpointer data,
                  gsize         size)
{
  sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

static CrmStep
sqlite_step (CrmDb    *db,
             gpointer  stmt,
             GError  **error)
{
  sqlite3 *handle;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return CRM_STEP_ROW;

  handle = sqlite3_db_handle (stmt);

  if (rc == SQLITE_DONE)
    return CRM_STEP_DONE;

  g_set_error (error, CRM_DB_ERROR, error_code_for_sqlite (rc),
               _("Database “%s”: %s"),
               sqlite3_db_filename (handle, "main"), sqlite3_errmsg (handle));
  return CRM_STEP_ERROR;
}

static gint64
sqlite_get_int64 (gpointer stmt,
                  int      column)
{
  return sqlite3_column_int64 (stmt, column);
}

static double
sqlite_get_double (gpointer stmt,
                   int      column)
{
  return sqlite3_column_double (stmt, column);
}

static const char *
sqlite_get_text (gpointer stmt,
                 int      column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static GBytes *
sqlite_dup_bytes (gpointer stmt,
                  int      column)
{
  const void *data;
  int size;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  /* The data first, then its size, as SQLite documents. */
  data = sqlite3_column_blob (stmt, column);
  size = sqlite3_column_bytes (stmt, column);

  return g_bytes_new (data, (gsize)MAX (size, 0));
}

static gboolean
sqlite_is_null (gpointer stmt,
                int      column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

static const CrmDbBackend sqlite_backend = {
  .begin_sql = "BEGIN IMMEDIATE",
  .close = sqlite_close,
  .prepare = sqlite_prepare,
  .exec = sqlite_exec,
  .in_transaction = sqlite_in_transaction,
  .last_insert_id = sqlite_last_insert_id,
  .free = sqlite_free,
  .reset = sqlite_reset,
  .writes = sqlite_writes,
  .bind_null = sqlite_bind_null,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,
  .step = sqlite_step,
  .get_int64 = sqlite_get_int64,
  .get_double = sqlite_get_double,
  .get_text = sqlite_get_text,
  .dup_bytes = sqlite_dup_bytes,
  .is_null = sqlite_is_null,
};

/* @path names the file in messages; @filename is what SQLite opens, the
 * same or a URI for it. */
static CrmDb *
crm_db_open_with_flags (const char  *path,
                        const char  *filename,
                        int          flags,
                        GError     **error)
{
  g_autoptr(CrmDb) self = NULL;
  sqlite3 *handle = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = _crm_db_new (&sqlite_backend, path, path);

  rc = sqlite3_open_v2 (filename, &handle, flags, NULL);
  _crm_db_set_handle (self, handle);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   path, handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (handle, TRUE);
  sqlite3_busy_timeout (handle, 5000);

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
 * @path: the database file, or a `postgresql://` URI
 * @create: whether a missing file may be created
 * @error: return location for a #GError
 *
 * Opens the SQLite file at @path and sets the connection up: foreign keys on
 * and a busy timeout. The journal mode is left alone here on purpose: turning
 * WAL on writes to the file, and the store must first make sure the file is a
 * Deals database before it changes a single byte of it.
 *
 * A `postgresql://` (or `postgres://`) URI connects to that server's
 * database instead (team mode); the database must exist, @create is not
 * used.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
crm_db_open (const char  *path,
             gboolean     create,
             GError     **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);

  if (crm_db_is_postgresql_uri (path))
    return _crm_db_pg_open (path, FALSE, error);

  if (create)
    flags |= SQLITE_OPEN_CREATE;

  return crm_db_open_with_flags (path, path, flags, error);
}

/**
 * crm_db_open_read_only:
 * @path: the database file, or a `postgresql://` URI
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
  g_return_val_if_fail (path != NULL, NULL);

  if (crm_db_is_postgresql_uri (path))
    return _crm_db_pg_open (path, TRUE, error);

  return crm_db_open_with_flags (path, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, error);
}

/**
 * crm_db_open_probe:
 * @path: an existing database file, or a `postgresql://` URI
 * @error: return location for a #GError
 *
 * Opens @path to look at, with nothing created beside it. A read-only
 * SQLite connection still makes `-wal` and `-shm` files next to a WAL
 * database; when neither a WAL nor a rollback journal is there, there is
 * nothing in them to read, so the file is opened as immutable, which
 * creates and locks nothing. When one of them is there, another program may
 * have changes in it, and a plain read-only connection reads them. A
 * server's database is looked at through a read-only connection.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
crm_db_open_probe (const char  *path,
                   GError     **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (crm_db_is_postgresql_uri (path))
    return _crm_db_pg_open (path, TRUE, error);

  wal = g_strconcat (path, "-wal", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (journal, G_FILE_TEST_EXISTS))
    return crm_db_open_read_only (path, error);

  /* SQLite decodes %XX in a URI, so a name with '?', '#' or '%' stays
   * the same file. */
  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  return crm_db_open_with_flags (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                 error);
}

/**
 * crm_db_get_path:
 * @self: a #CrmDb
 *
 * Returns: the file or URI the connection was opened with, to open
 *   another connection to the same database
 */
const char *
crm_db_get_path (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), NULL);

  return self->path;
}

/**
 * crm_db_get_name:
 * @self: a #CrmDb
 *
 * Returns: what messages call the database: its file, or its URI without
 *   a password
 */
const char *
crm_db_get_name (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), NULL);

  return self->display;
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
  gpointer impl;

  g_return_val_if_fail (CRM_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL && self->offline_error == NULL)
    {
      /* A statement is used by one caller at a time; a second user (a
       * recursive query) gets a private, uncached copy. */
      if (!stmt->in_use)
        {
          stmt->in_use = TRUE;
          return stmt;
        }
    }

  if (refuse_offline (self, error))
    return NULL;

  impl = self->backend->prepare (self, sql, stmt != NULL ? stmt->impl : NULL, error);
  if (impl == NULL)
    {
      check_connection (self, error);
      return NULL;
    }

  if (stmt != NULL)
    {
      CrmStatement *copy = g_new0 (CrmStatement, 1);

      copy->db = self;
      copy->impl = impl;
      copy->in_use = TRUE;
      return copy;
    }

  stmt = g_new0 (CrmStatement, 1);
  stmt->db = self;
  stmt->impl = impl;
  stmt->in_use = TRUE;
  stmt->cached = TRUE;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * crm_db_is_postgresql:
 * @self: a #CrmDb
 *
 * Returns: whether @self is a connection to a PostgreSQL server
 */
gboolean
crm_db_is_postgresql (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);

  return self->backend != &sqlite_backend;
}

/**
 * crm_db_prepare_dialect:
 * @self: a #CrmDb
 * @sqlite_sql: the statement in SQLite's SQL
 * @postgresql_sql: the same statement in PostgreSQL's, with the same
 *   `?N` parameters and columns
 * @error: return location for a #GError
 *
 * crm_db_prepare() of the text in @self's dialect, for the few statements
 * the two do not share (JSON, dates, full-text search).
 *
 * Returns: (transfer full) (nullable): the statement
 */
CrmStatement *
crm_db_prepare_dialect (CrmDb       *self,
                        const char  *sqlite_sql,
                        const char  *postgresql_sql,
                        GError     **error)
{
  g_return_val_if_fail (CRM_IS_DB (self), NULL);

  return crm_db_prepare (self, crm_db_is_postgresql (self) ? postgresql_sql : sqlite_sql, error);
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
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);

  /* Scripts are migrations, pragmas and transaction control: writes. */
  self->statement_count++;
  self->wrote = TRUE;
  if (refuse_offline (self, error))
    return FALSE;
  if (self->backend->exec (self, script, error))
    return TRUE;

  check_connection (self, error);
  return FALSE;
}

/**
 * crm_db_begin:
 * @self: a #CrmDb
 * @error: return location for a #GError
 *
 * Starts the one transaction of a user action. On SQLite, IMMEDIATE takes
 * the write lock up front so that a second Deals on the same file waits
 * (busy timeout) instead of failing half-way through.
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
  if (refuse_offline (self, error))
    return FALSE;

  if (!crm_db_exec (self, self->backend->begin_sql, error))
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
  if (self->backend->in_transaction (self))
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

  return self->backend->last_insert_id (self);
}

/**
 * crm_db_listen:
 * @self: a #CrmDb
 * @channel: the channel's name, a plain identifier
 * @func: called from the thread-default main context with what other
 *   sessions announce on @channel after their commit
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Follows a team server's notifications (LISTEN), watching the
 * connection's socket from the main loop: no call waits on the network.
 * The connection's own notifications are not passed on, since the store
 * announced its own writes already. On SQLite, where one process writes a
 * file, there is nothing to follow and this does nothing. Only the
 * thread that runs the main context may use the connection.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_db_listen (CrmDb            *self,
               const char       *channel,
               CrmDbNotifyFunc   func,
               gpointer          user_data,
               GError          **error)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);
  g_return_val_if_fail (channel != NULL && func != NULL, FALSE);

  if (self->backend->listen == NULL)
    return TRUE;

  return self->backend->listen (self, channel, func, user_data, error);
}

/**
 * crm_db_unlisten:
 * @self: a #CrmDb
 *
 * Stops what crm_db_listen() started; @func is not called again.
 */
void
crm_db_unlisten (CrmDb *self)
{
  g_return_if_fail (CRM_IS_DB (self));

  if (self->backend->unlisten != NULL && self->handle != NULL)
    self->backend->unlisten (self);
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

/**
 * crm_db_is_connected:
 * @self: a #CrmDb
 *
 * Returns: %FALSE once a team server's connection was found lost, until
 *   crm_db_take_connection() gives it another; a file's is always there
 */
gboolean
crm_db_is_connected (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), FALSE);

  return self->offline_error == NULL;
}

/**
 * crm_db_get_offline_error:
 * @self: a #CrmDb
 *
 * Returns: (transfer none) (nullable): why the connection is lost, the
 *   message every call is refused with meanwhile
 */
const GError *
crm_db_get_offline_error (CrmDb *self)
{
  g_return_val_if_fail (CRM_IS_DB (self), NULL);

  return self->offline_error;
}

/**
 * crm_db_take_connection:
 * @self: a #CrmDb whose connection was lost
 * @fresh: (transfer none): a new connection to the same database, made
 *   off the main thread; left without one
 *
 * Replaces @self's connection by @fresh's. The statements prepared on
 * the old one are dropped: a server's prepared names belonged to it. A
 * followed channel is not: the caller listens again. No statement of
 * @self may be in use.
 */
void
crm_db_take_connection (CrmDb *self,
                        CrmDb *fresh)
{
  g_return_if_fail (CRM_IS_DB (self) && CRM_IS_DB (fresh));
  g_return_if_fail (self->backend == fresh->backend && fresh->handle != NULL);

  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL)
    self->backend->close (g_steal_pointer (&self->handle), self->wrote);
  self->handle = g_steal_pointer (&fresh->handle);
  self->in_transaction = FALSE;
  g_clear_error (&self->offline_error);
}

void
crm_statement_bind_int64 (CrmStatement *stmt,
                          int           index,
                          gint64        value)
{
  g_return_if_fail (stmt != NULL);

  stmt->db->backend->bind_int64 (stmt->impl, index, value);
}

/* An id of 0 means "none" in the domain objects and NULL in the database. */
void
crm_statement_bind_id (CrmStatement *stmt,
                       int           index,
                       gint64        id)
{
  g_return_if_fail (stmt != NULL);

  if (id > 0)
    stmt->db->backend->bind_int64 (stmt->impl, index, id);
  else
    stmt->db->backend->bind_null (stmt->impl, index);
}

void
crm_statement_bind_double (CrmStatement *stmt,
                           int           index,
                           double        value)
{
  g_return_if_fail (stmt != NULL);

  stmt->db->backend->bind_double (stmt->impl, index, value);
}

static void
bind_text (CrmStatement *stmt,
           int           index,
           const char   *value,
           gboolean      copy)
{
  g_return_if_fail (stmt != NULL);

  if (value == NULL)
    stmt->db->backend->bind_null (stmt->impl, index);
  else
    stmt->db->backend->bind_text (stmt->impl, index, value, copy);
}

void
crm_statement_bind_text (CrmStatement *stmt,
                         int           index,
                         const char   *value)
{
  bind_text (stmt, index, value, TRUE);
}

/**
 * crm_statement_bind_text_static:
 * @stmt: a #CrmStatement
 * @index: the parameter, from 1
 * @value: (nullable): text that stays as it is until @stmt has run
 *
 * Like crm_statement_bind_text() without the backend's copy of @value: for
 * bulk writers that bind thousands of values they hold anyway. The binding
 * is cleared when the statement goes back to the cache.
 */
void
crm_statement_bind_text_static (CrmStatement *stmt,
                                int           index,
                                const char   *value)
{
  bind_text (stmt, index, value, FALSE);
}

/**
 * crm_statement_bind_bytes:
 * @stmt: a #CrmStatement
 * @index: the parameter, from 1
 * @value: (nullable): the bytes, bound as a blob; %NULL binds NULL
 *
 * The bytes are copied, so @value may go away before the statement runs.
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
      stmt->db->backend->bind_null (stmt->impl, index);
      return;
    }

  data = g_bytes_get_data (value, &size);
  /* An empty blob is a blob, not NULL. */
  stmt->db->backend->bind_blob (stmt->impl, index, data != NULL ? data : "", size);
}

CrmStep
crm_statement_step (CrmStatement  *stmt,
                    GError       **error)
{
  CrmDb *db;
  CrmStep step;

  g_return_val_if_fail (stmt != NULL, CRM_STEP_ERROR);

  db = stmt->db;
  if (!stmt->started)
    {
      db->statement_count++;
      stmt->started = TRUE;
      if (db->backend->writes (stmt->impl))
        db->wrote = TRUE;
    }

  if (refuse_offline (db, error))
    return CRM_STEP_ERROR;

  step = db->backend->step (db, stmt->impl, error);
  if (step == CRM_STEP_ERROR)
    check_connection (db, error);

  return step;
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
  return stmt->db->backend->get_int64 (stmt->impl, column);
}

double
crm_statement_get_double (CrmStatement *stmt,
                          int           column)
{
  return stmt->db->backend->get_double (stmt->impl, column);
}

const char *
crm_statement_get_text (CrmStatement *stmt,
                        int           column)
{
  return stmt->db->backend->get_text (stmt->impl, column);
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
  g_return_val_if_fail (stmt != NULL, NULL);

  return stmt->db->backend->dup_bytes (stmt->impl, column);
}

gboolean
crm_statement_is_null (CrmStatement *stmt,
                       int           column)
{
  return stmt->db->backend->is_null (stmt->impl, column);
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

  stmt->db->backend->reset (stmt->impl);
  stmt->started = FALSE;

  if (!stmt->cached)
    statement_free (stmt);
  else
    stmt->in_use = FALSE;
}
