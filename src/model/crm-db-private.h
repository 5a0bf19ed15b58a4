/* crm-db-private.h
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

#include "crm-db.h"

G_BEGIN_DECLS

/*
 * What a CrmDb backend provides. crm-db.c keeps what every backend shares
 * (the statement cache, the count, the transaction flag, refused writes)
 * and calls these for the rest: SQLite in crm-db.c itself, libpq in
 * crm-db-pg.c. A backend's statement is the opaque @stmt.
 */
typedef struct
{
  /* What BEGIN is spelled as: SQLite takes the write lock up front. */
  const char   *begin_sql;

  void        (*close)           (gpointer       handle,
                                  gboolean       wrote);
  /* @shared is the cached statement of the same text, busy with another
   * caller: the new one is that caller's private copy. */
  gpointer    (*prepare)         (CrmDb         *db,
                                  const char    *sql,
                                  gpointer       shared,
                                  GError       **error);
  gboolean    (*exec)            (CrmDb         *db,
                                  const char    *script,
                                  GError       **error);
  /* Whether the server still has a transaction open: a failed COMMIT may
   * have ended it already. */
  gboolean    (*in_transaction)  (CrmDb         *db);
  gint64      (*last_insert_id)  (CrmDb         *db);
  /* NULL where no other session can write (SQLite: one process a file). */
  gboolean    (*listen)          (CrmDb         *db,
                                  const char    *channel,
                                  CrmDbNotifyFunc func,
                                  gpointer       user_data,
                                  GError       **error);
  void        (*unlisten)        (CrmDb         *db);
  /* NULL where the connection cannot be lost (a file). */
  gboolean    (*connected)       (CrmDb         *db);

  void        (*free)            (gpointer       stmt);
  /* Back to before the first step, bindings cleared. */
  void        (*reset)           (gpointer       stmt);
  gboolean    (*writes)          (gpointer       stmt);
  void        (*bind_null)       (gpointer       stmt,
                                  int            index);
  void        (*bind_int64)      (gpointer       stmt,
                                  int            index,
                                  gint64         value);
  void        (*bind_double)     (gpointer       stmt,
                                  int            index,
                                  double         value);
  void        (*bind_text)       (gpointer       stmt,
                                  int            index,
                                  const char    *value,
                                  gboolean       copy);
  void        (*bind_blob)       (gpointer       stmt,
                                  int            index,
                                  gconstpointer  data,
                                  gsize          size);
  CrmStep     (*step)            (CrmDb         *db,
                                  gpointer       stmt,
                                  GError       **error);
  gint64      (*get_int64)       (gpointer       stmt,
                                  int            column);
  double      (*get_double)      (gpointer       stmt,
                                  int            column);
  const char *(*get_text)        (gpointer       stmt,
                                  int            column);
  GBytes     *(*dup_bytes)       (gpointer       stmt,
                                  int            column);
  gboolean    (*is_null)         (gpointer       stmt,
                                  int            column);
} CrmDbBackend;

CrmDb      *_crm_db_new                  (const CrmDbBackend  *backend,
                                          const char          *path,
                                          const char          *display);
void        _crm_db_set_handle           (CrmDb               *self,
                                          gpointer             handle);
gpointer    _crm_db_get_handle           (CrmDb               *self);
void        _crm_db_lose_connection      (CrmDb               *self,
                                          const char          *reason);

/* A server's password from crm_db_remember_password() (crm-db-passwords.c). */
char       *_crm_db_dup_password         (const char          *uri);
void        _crm_db_password_free        (char                *password);

CrmDb      *_crm_db_pg_open              (const char          *uri,
                                          gboolean             read_only,
                                          GError             **error);
char       *_crm_db_pg_rewrite_parameters (const char         *sql,
                                           int                *n_params);

G_END_DECLS
