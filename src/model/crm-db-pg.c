/* crm-db-pg.c
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
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "crm-db-private.h"

/*
 * The libpq backend of CrmDb (team mode). The store's statements are
 * written with SQLite's `?N` parameters; each text is rewritten to `$N`
 * once and prepared on the server under a name of its own, which the
 * private copies of a busy cached statement share. A statement's result is
 * fetched whole at its first step and walked row by row after.
 *
 * Parameters are sent as text (numbers in the C locale) and bytea in
 * binary; their types are the ones the server infers from the statement,
 * so a number bound where a text is compared is compared as text, as
 * SQLite's affinity would. Columns come back as text: a boolean (`x IS
 * NULL`) reads as 1 or 0, a bytea is unescaped.
 *
 * Like the SQLite connection, a PGconn is used by one thread at a time.
 */

/* A connection URI is short; one longer than this is refused before libpq
 * parses it. */
#define CRM_DB_PG_MAX_URI 4096

/* Notifications kept unread at most: a bulk write on another machine may
 * announce thousands of rows; past this the oldest are dropped and the
 * listener told, to read everything again instead. */
#define CRM_DB_PG_MAX_NOTICES 1024

/* pg_type's OID of text, fixed since PostgreSQL 7 (catalog/pg_type.h is a
 * server header). */
#define CRM_DB_PG_TEXT_OID 25

typedef struct
{
  PGconn   *conn;
  guint     n_prepared;
  /* lastval() fails (and aborts the transaction) until the session has
   * drawn from a sequence: asked only after an INSERT ran. */
  guint     inserted : 1;
  guint     overflowed : 1;

  /* What crm_db_listen() follows. libpq reads a notification with
   * whatever result it is reading, and then the socket no longer says it
   * is there: every call keeps those it read here, for the watch. */
  char     *channel;
  GQueue    notices;   /* PGnotify, oldest first */
  GSource  *watch;
} PgHandle;

typedef struct
{
  GSource          source;
  CrmDb           *db;   /* unowned: the connection destroys its watch */
  PgHandle        *handle;
  gpointer         fd_tag;
  CrmDbNotifyFunc  func;
  gpointer         user_data;
} PgWatch;

typedef struct
{
  PgHandle   *handle;
  char       *name;
  gboolean    inserts;
  int         n_params;
  char      **values;
  int        *lengths;
  int        *formats;
  /* Which values are ours to free; static text is not. */
  gboolean   *owned;
  PGresult   *result;
  int         row;
} PgStatement;

/**
 * crm_db_is_postgresql_uri:
 * @path: a database file or URI
 *
 * Returns: whether @path names a PostgreSQL server's database (team mode)
 */
gboolean
crm_db_is_postgresql_uri (const char *path)
{
  return g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://");
}

/**
 * _crm_db_pg_rewrite_parameters:
 * @sql: a statement with SQLite's `?N` (or bare `?`) parameters
 * @n_params: (out): the highest parameter number
 *
 * Rewrites the parameters to PostgreSQL's `$N`, leaving string literals,
 * quoted names and comments alone. A bare `?` is one more than the highest
 * number before it, as in SQLite.
 *
 * Returns: (transfer full): the statement for the server
 */
char *
_crm_db_pg_rewrite_parameters (const char *sql,
                               int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  const char *p = sql;
  int highest = 0;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *end = p + 1;

          /* A doubled quote is the quote itself, inside. */
          while (*end != '\0' && !(*end == quote && end[1] != quote))
            end += *end == quote ? 2 : 1;
          if (*end != '\0')
            end++;
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          if (end == NULL)
            end = p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          int number = 0;

          p++;
          if (g_ascii_isdigit (*p))
            {
              while (g_ascii_isdigit (*p) && number < 100000)
                number = number * 10 + (*p++ - '0');
            }
          else
            number = highest + 1;

          highest = MAX (highest, number);
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p++);
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

static int
error_code_for_sqlstate (const char *state)
{
  if (state == NULL)
    return CRM_DB_ERROR_FAILED;
  /* Class 23: integrity constraint violation. */
  if (g_str_has_prefix (state, "23"))
    return CRM_DB_ERROR_CONSTRAINT;
  /* Serialization failure, deadlock, lock not available. */
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") || g_str_equal (state, "55P03"))
    return CRM_DB_ERROR_BUSY;
  /* A write in a read-only transaction; no privilege to write. */
  if (g_str_equal (state, "25006") || g_str_equal (state, "42501"))
    return CRM_DB_ERROR_READ_ONLY;
  /* Class 08: the connection went away. */
  if (g_str_has_prefix (state, "08"))
    return CRM_DB_ERROR_OPEN;
  return CRM_DB_ERROR_FAILED;
}

/* libpq's messages end with a newline; ours do not. */
static char *
chomped (const char *message)
{
  return g_strchomp (g_strdup (message != NULL && *message != '\0' ? message : "?"));
}

static void
set_error_from_result (CrmDb           *db,
                       const PGresult  *result,
                       GError         **error)
{
  PgHandle *handle = _crm_db_get_handle (db);
  const char *primary = NULL;
  g_autofree char *message = NULL;

  if (result != NULL)
    primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  message = chomped (primary != NULL ? primary : PQerrorMessage (handle->conn));

  g_set_error (error, CRM_DB_ERROR,
               error_code_for_sqlstate (result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL),
               /* Translators: first the database file, then SQLite's message */
               _("Database “%s”: %s"),
               crm_db_get_name (db), message);
}

static gboolean
result_ok (const PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

/* Keeps the notifications on the followed channel from other sessions;
 * the connection's own were announced by the store when it committed. */
static void
keep_notices (PgHandle *handle)
{
  PGnotify *notice;

  while ((notice = PQnotifies (handle->conn)) != NULL)
    {
      if (handle->channel == NULL || strcmp (notice->relname, handle->channel) != 0 ||
          notice->be_pid == PQbackendPID (handle->conn))
        {
          PQfreemem (notice);
          continue;
        }

      g_queue_push_tail (&handle->notices, notice);
      if (handle->notices.length > CRM_DB_PG_MAX_NOTICES)
        {
          PQfreemem (g_queue_pop_head (&handle->notices));
          handle->overflowed = TRUE;
        }
    }
}

static void
clear_notices (PgHandle *handle)
{
  g_queue_clear_full (&handle->notices, PQfreemem);
  handle->overflowed = FALSE;
}

static void
stop_watch (PgHandle *handle)
{
  if (handle->watch != NULL)
    g_source_destroy (handle->watch);
  g_clear_pointer (&handle->watch, g_source_unref);
  g_clear_pointer (&handle->channel, g_free);
  clear_notices (handle);
}

static void
pg_close (gpointer data,
          gboolean wrote)
{
  PgHandle *handle = data;

  stop_watch (handle);
  PQfinish (handle->conn);
  g_free (handle);
}

/* Whether $@number stands in @text (which the rewrite wrote). */
static gboolean
uses_parameter (const char *text,
                int         number)
{
  char name[16];
  gsize length = g_snprintf (name, sizeof name, "$%d", number);

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      if (!g_ascii_isdigit (p[length]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_untyped (PGresult *result)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

  /* Indeterminate, or ambiguous (`?1 IS NULL, ?1`). */
  return g_strcmp0 (state, "42P18") == 0 || g_strcmp0 (state, "42P08") == 0;
}

/* The number of the first `$N` at @text, or 0. */
static int
parameter_at (const char *text)
{
  const char *dollar = text != NULL ? strchr (text, '$') : NULL;

  for (; dollar != NULL; dollar = strchr (dollar + 1, '$'))
    {
      if (g_ascii_isdigit (dollar[1]))
        return (int)strtol (dollar + 1, NULL, 10);
    }

  return 0;
}

/* The parameter the server could not type, or 0 when it names none: the
 * one at the error's position in @text (in characters, from 1) when it
 * stands beside one that typed it (`$2 IS NULL OR template = $2`), else
 * the one its message names (`$1` of `$1 IS NULL` alone), which reads the
 * same in every language. */
static int
untyped_parameter (PGresult   *result,
                   const char *text)
{
  const char *position = PQresultErrorField (result, PG_DIAG_STATEMENT_POSITION);
  glong offset = position != NULL ? strtol (position, NULL, 10) : 0;

  if (offset >= 1 && offset <= g_utf8_strlen (text, -1))
    {
      const char *at = g_utf8_offset_to_pointer (text, offset - 1);

      if (at[0] == '$')
        return parameter_at (at);
    }

  return parameter_at (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
}

/* The server infers each parameter's type from where it stands. Two kinds
 * it cannot: one the statement does not use (an UPDATE's id left out of
 * the INSERT beside it), which is then text; and one that stands where
 * nothing types it (`?2 IS NULL OR template = ?2`, where the test comes
 * first), which is then text too, one at a time, so that the others keep
 * the types the server infers for them (`deal_id = ?1` stays a bigint).
 * When the server names none (`SELECT ?1 IS NULL, ?1`), every parameter
 * is text, which is what SQLite would have compared them as.
 *
 * A statement that fails to prepare inside a transaction would abort it
 * on the server, where SQLite's goes on: there, the first preparation of
 * a text is fenced by a savepoint, which a failure rolls back to. */
static PGresult *
prepare_typed (PGconn     *conn,
               const char *name,
               const char *text,
               int         n_params)
{
  g_autofree Oid *types = g_new0 (Oid, MAX (n_params, 1));
  gboolean fenced = PQtransactionStatus (conn) == PQTRANS_INTRANS;
  PGresult *result;

  for (int i = 0; i < n_params; i++)
    {
      if (!uses_parameter (text, i + 1))
        types[i] = CRM_DB_PG_TEXT_OID;
    }

  if (fenced)
    PQclear (PQexec (conn, "SAVEPOINT crm_prepare"));

  result = PQprepare (conn, name, text, n_params, types);
  for (int tries = 0; is_untyped (result) && tries <= n_params; tries++)
    {
      int untyped = untyped_parameter (result, text);

      PQclear (result);
      if (fenced)
        PQclear (PQexec (conn, "ROLLBACK TO SAVEPOINT crm_prepare"));
      if (untyped >= 1 && untyped <= n_params && types[untyped - 1] == 0)
        types[untyped - 1] = CRM_DB_PG_TEXT_OID;
      else
        {
          for (int i = 0; i < n_params; i++)
            types[i] = CRM_DB_PG_TEXT_OID;
        }
      result = PQprepare (conn, name, text, n_params, types);
    }

  if (fenced)
    {
      if (!result_ok (result))
        PQclear (PQexec (conn, "ROLLBACK TO SAVEPOINT crm_prepare"));
      PQclear (PQexec (conn, "RELEASE SAVEPOINT crm_prepare"));
    }

  return result;
}

static gpointer
pg_prepare (CrmDb       *db,
            const char  *sql,
            gpointer     shared,
            GError     **error)
{
  PgHandle *handle = _crm_db_get_handle (db);
  PgStatement *stmt = g_new0 (PgStatement, 1);

  stmt->handle = handle;
  stmt->row = -1;

  if (shared != NULL)
    {
      PgStatement *other = shared;

      /* The server's prepared statement serves any number of results. */
      stmt->name = g_strdup (other->name);
      stmt->n_params = other->n_params;
      stmt->inserts = other->inserts;
    }
  else
    {
      g_autofree char *text = _crm_db_pg_rewrite_parameters (sql, &stmt->n_params);
      PGresult *result;

      stmt->name = g_strdup_printf ("crm_%u", ++handle->n_prepared);
      stmt->inserts = g_ascii_strncasecmp (g_strchug ((char *)text), "INSERT", 6) == 0;
      result = prepare_typed (handle->conn, stmt->name, text, stmt->n_params);
      keep_notices (handle);
      if (!result_ok (result))
        {
          set_error_from_result (db, result, error);
          PQclear (result);
          g_free (stmt->name);
          g_free (stmt);
          return NULL;
        }
      PQclear (result);
    }

  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->formats = g_new0 (int, MAX (stmt->n_params, 1));
  stmt->owned = g_new0 (gboolean, MAX (stmt->n_params, 1));

  return stmt;
}

static gboolean
pg_exec (CrmDb       *db,
         const char  *script,
         GError     **error)
{
  PgHandle *handle = _crm_db_get_handle (db);
  PGresult *result = PQexec (handle->conn, script);
  gboolean ok = result_ok (result);

  keep_notices (handle);
  if (!ok)
    set_error_from_result (db, result, error);
  PQclear (result);

  return ok;
}

static gboolean
pg_in_transaction (CrmDb *db)
{
  PgHandle *handle = _crm_db_get_handle (db);

  return PQtransactionStatus (handle->conn) != PQTRANS_IDLE;
}

static gint64
pg_last_insert_id (CrmDb *db)
{
  PgHandle *handle = _crm_db_get_handle (db);
  PGresult *result;
  gint64 id = 0;

  if (!handle->inserted)
    return 0;

  result = PQexec (handle->conn, "SELECT lastval ()");
  keep_notices (handle);
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);

  return id;
}

static void
clear_binding (PgStatement *stmt,
               int          i)
{
  if (stmt->owned[i])
    g_free (stmt->values[i]);
  stmt->values[i] = NULL;
  stmt->lengths[i] = 0;
  stmt->formats[i] = 0;
  stmt->owned[i] = FALSE;
}

static void
pg_reset (gpointer data)
{
  PgStatement *stmt = data;

  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  for (int i = 0; i < stmt->n_params; i++)
    clear_binding (stmt, i);
}

static void
pg_free (gpointer data)
{
  PgStatement *stmt = data;

  pg_reset (stmt);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt->owned);
  g_free (stmt->name);
  g_free (stmt);
}

static gboolean
pg_writes (gpointer data)
{
  return TRUE;
}

/* Parameters are numbered from 1; one past the statement's last is
 * ignored, as SQLite ignores it (with SQLITE_RANGE): the store's helpers
 * bind a ?2 that some of their statements do not have (a DELETE by ?1
 * alone). */
static gboolean
bind_slot (PgStatement *stmt,
           int          index)
{
  if (index < 1)
    {
      g_critical ("Parameter %d of a statement: they are numbered from 1", index);
      return FALSE;
    }
  if (index > stmt->n_params)
    return FALSE;

  clear_binding (stmt, index - 1);
  return TRUE;
}

static void
pg_bind_null (gpointer data,
              int      index)
{
  bind_slot (data, index);
}

static void
pg_bind_int64 (gpointer data,
               int      index,
               gint64   value)
{
  PgStatement *stmt = data;

  if (!bind_slot (stmt, index))
    return;
  stmt->values[index - 1] = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  stmt->owned[index - 1] = TRUE;
}

static void
pg_bind_double (gpointer data,
                int      index,
                double   value)
{
  PgStatement *stmt = data;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!bind_slot (stmt, index))
    return;
  stmt->values[index - 1] = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
  stmt->owned[index - 1] = TRUE;
}

static void
pg_bind_text (gpointer    data,
              int         index,
              const char *value,
              gboolean    copy)
{
  PgStatement *stmt = data;

  if (!bind_slot (stmt, index))
    return;
  stmt->values[index - 1] = copy ? g_strdup (value) : (char *)value;
  stmt->owned[index - 1] = copy;
}

static void
pg_bind_blob (gpointer      data,
              int           index,
              gconstpointer bytes,
              gsize         size)
{
  PgStatement *stmt = data;

  if (!bind_slot (stmt, index))
    return;
  g_return_if_fail (size <= G_MAXINT);
  /* Binary, so the bytes need no escaping; an empty blob is not NULL. */
  stmt->values[index - 1] = g_memdup2 (size > 0 ? bytes : "", MAX (size, 1));
  stmt->lengths[index - 1] = (int)size;
  stmt->formats[index - 1] = 1;
  stmt->owned[index - 1] = TRUE;
}

static CrmStep
pg_step (CrmDb    *db,
         gpointer  data,
         GError  **error)
{
  PgStatement *stmt = data;

  if (stmt->result == NULL)
    {
      PGresult *result = PQexecPrepared (stmt->handle->conn, stmt->name, stmt->n_params,
                                         (const char * const *)stmt->values,
                                         stmt->lengths, stmt->formats, 0);

      keep_notices (stmt->handle);
      if (!result_ok (result))
        {
          set_error_from_result (db, result, error);
          PQclear (result);
          return CRM_STEP_ERROR;
        }
      if (stmt->inserts)
        stmt->handle->inserted = TRUE;
      stmt->result = result;
      stmt->row = -1;
    }

  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return CRM_STEP_ROW;
    }

  stmt->row = PQntuples (stmt->result);
  return CRM_STEP_DONE;
}

/* A column of the current row, or NULL when there is none or it is NULL. */
static const char *
value_at (PgStatement *stmt,
          int          column)
{
  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= PQntuples (stmt->result) ||
      column < 0 || column >= PQnfields (stmt->result) ||
      PQgetisnull (stmt->result, stmt->row, column))
    return NULL;

  return PQgetvalue (stmt->result, stmt->row, column);
}

static gint64
pg_get_int64 (gpointer data,
              int      column)
{
  const char *value = value_at (data, column);

  if (value == NULL)
    return 0;
  /* Booleans, which SQLite has as 1 and 0. */
  if (g_str_equal (value, "t"))
    return 1;
  if (g_str_equal (value, "f"))
    return 0;
  /* A numeric or a float read as an integer is truncated, like SQLite. */
  if (strpbrk (value, ".eE") != NULL)
    return (gint64)g_ascii_strtod (value, NULL);
  return g_ascii_strtoll (value, NULL, 10);
}

static double
pg_get_double (gpointer data,
               int      column)
{
  const char *value = value_at (data, column);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

static const char *
pg_get_text (gpointer data,
             int      column)
{
  return value_at (data, column);
}

static GBytes *
pg_dup_bytes (gpointer data,
              int      column)
{
  const char *value = value_at (data, column);
  unsigned char *bytes;
  size_t size = 0;
  GBytes *copy;

  if (value == NULL)
    return NULL;

  bytes = PQunescapeBytea ((const unsigned char *)value, &size);
  if (bytes == NULL)
    return NULL;
  copy = g_bytes_new (bytes, size);
  PQfreemem (bytes);

  return copy;
}

static gboolean
pg_is_null (gpointer data,
            int      column)
{
  return value_at (data, column) == NULL;
}

/* LISTEN/NOTIFY. The watch is a GSource on the connection's socket: when
 * the server sends, PQconsumeInput() reads what arrived without waiting
 * and the notifications are handed on. It also fires for notifications a
 * statement's call already read (keep_notices()), and holds them while a
 * transaction is open on the connection, so that the listener reads what
 * they name outside of anyone's transaction. */

static gboolean
watch_has_notices (PgWatch *watch)
{
  PgHandle *handle = watch->handle;

  return (handle->notices.length > 0 || handle->overflowed) &&
         PQtransactionStatus (handle->conn) == PQTRANS_IDLE;
}

static gboolean
watch_prepare (GSource *source,
               int     *timeout)
{
  *timeout = -1;
  return watch_has_notices ((PgWatch *)source);
}

static gboolean
watch_check (GSource *source)
{
  PgWatch *watch = (PgWatch *)source;

  return (g_source_query_unix_fd (source, watch->fd_tag) & (G_IO_IN | G_IO_HUP | G_IO_ERR)) != 0 ||
         watch_has_notices (watch);
}

/* The batch, as the listener gets it: the payloads in the order sent. */
static void
hand_on_notices (PgWatch *watch)
{
  PgHandle *handle = watch->handle;
  GQueue batch = handle->notices;
  gboolean overflowed = handle->overflowed;
  g_autoptr(GPtrArray) payloads = g_ptr_array_sized_new (batch.length + 1);

  /* The listener may run statements, which keep new notices meanwhile. */
  g_queue_init (&handle->notices);
  handle->overflowed = FALSE;

  for (GList *l = batch.head; l != NULL; l = l->next)
    g_ptr_array_add (payloads, ((PGnotify *)l->data)->extra);
  g_ptr_array_add (payloads, NULL);

  watch->func (watch->db, (const char * const *)payloads->pdata, overflowed, watch->user_data);
  g_queue_clear_full (&batch, PQfreemem);
}

static gboolean
watch_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  PgWatch *watch = (PgWatch *)source;
  PgHandle *handle = watch->handle;

  if ((g_source_query_unix_fd (source, watch->fd_tag) & (G_IO_IN | G_IO_HUP | G_IO_ERR)) != 0)
    {
      if (!PQconsumeInput (handle->conn))
        {
          g_autofree char *message = chomped (PQerrorMessage (handle->conn));

          /* The server is gone: the store hears it from the connection,
           * and a dead socket is polled no more. */
          _crm_db_lose_connection (watch->db, message);
          return G_SOURCE_REMOVE;
        }
      keep_notices (handle);
    }

  if (watch_has_notices (watch))
    hand_on_notices (watch);

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs watch_funcs = {
  .prepare = watch_prepare,
  .check = watch_check,
  .dispatch = watch_dispatch,
};

static gboolean
pg_listen (CrmDb            *db,
           const char       *channel,
           CrmDbNotifyFunc   func,
           gpointer          user_data,
           GError          **error)
{
  PgHandle *handle = _crm_db_get_handle (db);
  g_autofree char *sql = NULL;
  char *quoted;
  PgWatch *watch;
  int socket = PQsocket (handle->conn);

  g_return_val_if_fail (handle->watch == NULL, FALSE);

  quoted = PQescapeIdentifier (handle->conn, channel, strlen (channel));
  if (quoted == NULL || socket < 0)
    {
      g_autofree char *message = chomped (PQerrorMessage (handle->conn));

      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_FAILED,
                   _("Database “%s”: %s"), crm_db_get_name (db), message);
      PQfreemem (quoted);
      return FALSE;
    }
  sql = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);

  if (!crm_db_exec (db, sql, error))
    return FALSE;

  handle->channel = g_strdup (channel);
  watch = (PgWatch *)g_source_new (&watch_funcs, sizeof (PgWatch));
  watch->db = db;
  watch->handle = handle;
  watch->func = func;
  watch->user_data = user_data;
  watch->fd_tag = g_source_add_unix_fd ((GSource *)watch, socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_static_name ((GSource *)watch, "[crm] server notifications");
  g_source_attach ((GSource *)watch, g_main_context_get_thread_default ());
  handle->watch = (GSource *)watch;

  return TRUE;
}

static void
pg_unlisten (CrmDb *db)
{
  PgHandle *handle = _crm_db_get_handle (db);

  if (handle->watch == NULL)
    return;
  stop_watch (handle);
  /* A connection still up stops the server queueing for it. */
  if (PQstatus (handle->conn) == CONNECTION_OK && PQtransactionStatus (handle->conn) == PQTRANS_IDLE)
    PQclear (PQexec (handle->conn, "UNLISTEN *"));
}

/* A connection the server ended (pg_terminate_backend(), a restart) or
 * the network lost is bad for good: libpq does not connect again. */
static gboolean
pg_connected (CrmDb *db)
{
  PgHandle *handle = _crm_db_get_handle (db);

  return PQstatus (handle->conn) == CONNECTION_OK;
}

static const CrmDbBackend pg_backend = {
  .begin_sql = "BEGIN",
  .close = pg_close,
  .prepare = pg_prepare,
  .exec = pg_exec,
  .in_transaction = pg_in_transaction,
  .last_insert_id = pg_last_insert_id,
  .listen = pg_listen,
  .unlisten = pg_unlisten,
  .connected = pg_connected,
  .free = pg_free,
  .reset = pg_reset,
  .writes = pg_writes,
  .bind_null = pg_bind_null,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_blob = pg_bind_blob,
  .step = pg_step,
  .get_int64 = pg_get_int64,
  .get_double = pg_get_double,
  .get_text = pg_get_text,
  .dup_bytes = pg_dup_bytes,
  .is_null = pg_is_null,
};

/* The server's notices (an IF EXISTS that found nothing) are for
 * debugging, not for the terminal. */
static void
log_notice (void       *user_data,
            const char *message)
{
  g_autofree char *line = chomped (message);

  g_debug ("%s", line);
}

/* What messages call the database: its URI without a password. */
static char *
display_name (const char  *uri,
              GError     **error)
{
  char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (uri, &parse_error);
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL;
  GString *name;

  if (options == NULL)
    {
      g_autofree char *message = chomped (parse_error);

      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), "postgresql://…", message);
      PQfreemem (parse_error);
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL)
        continue;
      if (g_str_equal (option->keyword, "user"))
        user = option->val;
      else if (g_str_equal (option->keyword, "host"))
        host = option->val;
      else if (g_str_equal (option->keyword, "port"))
        port = option->val;
      else if (g_str_equal (option->keyword, "dbname"))
        dbname = option->val;
    }

  name = g_string_new ("postgresql://");
  if (user != NULL)
    g_string_append_printf (name, "%s@", user);
  g_string_append (name, host != NULL ? host : "");
  if (port != NULL)
    g_string_append_printf (name, ":%s", port);
  g_string_append_printf (name, "/%s", dbname != NULL ? dbname : "");
  PQconninfoFree (options);

  return g_string_free (name, FALSE);
}

/**
 * _crm_db_pg_open:
 * @uri: a `postgresql://` URI
 * @read_only: whether every transaction of the connection is read-only
 * @error: return location for a #GError
 *
 * Connects to the database @uri names, in UTF-8.
 *
 * Returns: (transfer full) (nullable): the connection
 */
CrmDb *
_crm_db_pg_open (const char  *uri,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(CrmDb) self = NULL;
  g_autofree char *display = NULL;
  char *password = NULL;
  PgHandle *handle;

  if (strnlen (uri, CRM_DB_PG_MAX_URI + 1) > CRM_DB_PG_MAX_URI)
    {
      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), "postgresql://…",
                   _("the address is too long"));
      return NULL;
    }

  display = display_name (uri, error);
  if (display == NULL)
    return NULL;

  self = _crm_db_new (&pg_backend, uri, display);
  handle = g_new0 (PgHandle, 1);
  /* The address is expanded as libpq's dbname; the keyring's password
   * joins it here, in memory (crm-db-passwords.c). */
  password = _crm_db_dup_password (uri);
  {
    const char * const keywords[] = { "dbname", password != NULL ? "password" : NULL, NULL };
    const char * const values[] = { uri, password, NULL };

    handle->conn = PQconnectdbParams (keywords, values, TRUE);
  }
  _crm_db_password_free (password);
  _crm_db_set_handle (self, handle);

  if (PQstatus (handle->conn) != CONNECTION_OK)
    {
      g_autofree char *message = chomped (PQerrorMessage (handle->conn));

      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), display, message);
      return NULL;
    }

  PQsetNoticeProcessor (handle->conn, log_notice, NULL);
  if (PQsetClientEncoding (handle->conn, "UTF8") != 0)
    {
      g_autofree char *message = chomped (PQerrorMessage (handle->conn));

      g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), display, message);
      return NULL;
    }

  if (read_only && !crm_db_exec (self, "SET default_transaction_read_only = on", error))
    return NULL;

  return g_steal_pointer (&self);
}
