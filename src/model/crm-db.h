/* crm-db.h
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

#include "crm-types.h"

G_BEGIN_DECLS

/*
 * CrmDb is the small driver interface of design.md: prepare, bind, step,
 * exec and transactions. Only the store talks to it, and only through
 * prepared statements with bound parameters. SQLite is the embedded backend;
 * team mode's libpq one (a `postgresql://` URI for the path) is behind the
 * same functions, and runs the same statements: where the dialects differ,
 * crm_db_prepare_dialect() takes the statement in each.
 */

#define CRM_DB_ERROR (crm_db_error_quark ())

typedef enum
{
  CRM_DB_ERROR_OPEN,
  CRM_DB_ERROR_NOT_A_DATABASE,
  CRM_DB_ERROR_CORRUPT,
  CRM_DB_ERROR_CONSTRAINT,
  CRM_DB_ERROR_BUSY,
  CRM_DB_ERROR_READ_ONLY,
  CRM_DB_ERROR_FAILED,
  /* A team server's connection was lost: refused at once until it is
   * back (crm_db_take_connection()). */
  CRM_DB_ERROR_OFFLINE,
} CrmDbError;

typedef enum
{
  CRM_STEP_ERROR,
  CRM_STEP_ROW,
  CRM_STEP_DONE,
} CrmStep;

typedef struct _CrmStatement CrmStatement;

/**
 * CrmDbNotifyFunc:
 * @db: the connection
 * @payloads: (array zero-terminated=1): what other sessions announced on
 *   the channel since the last call, oldest first
 * @overflowed: whether more came than the connection keeps, and the
 *   oldest were dropped
 * @user_data: the data given to crm_db_listen()
 *
 * Called from the main loop with a team server's notifications.
 */
typedef void (*CrmDbNotifyFunc) (CrmDb              *db,
                                 const char * const *payloads,
                                 gboolean            overflowed,
                                 gpointer            user_data);

#define CRM_TYPE_DB (crm_db_get_type ())

G_DECLARE_FINAL_TYPE (CrmDb, crm_db, CRM, DB, GObject)

GQuark        crm_db_error_quark          (void);
CrmDb        *crm_db_open                 (const char    *path,
                                           gboolean       create,
                                           GError       **error);
CrmDb        *crm_db_open_read_only       (const char    *path,
                                           GError       **error);
CrmDb        *crm_db_open_probe           (const char    *path,
                                           GError       **error);
const char   *crm_db_get_path             (CrmDb         *self);
const char   *crm_db_get_name             (CrmDb         *self);
gboolean      crm_db_is_postgresql_uri    (const char    *path);
gboolean      crm_db_is_postgresql        (CrmDb         *self);
void          crm_db_remember_password    (const char    *uri,
                                           const char    *password);
CrmStatement *crm_db_prepare_dialect      (CrmDb         *self,
                                           const char    *sqlite_sql,
                                           const char    *postgresql_sql,
                                           GError       **error);
CrmStatement *crm_db_prepare              (CrmDb         *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      crm_db_exec                 (CrmDb         *self,
                                           const char    *script,
                                           GError       **error);
gboolean      crm_db_begin                (CrmDb         *self,
                                           GError       **error);
gboolean      crm_db_commit               (CrmDb         *self,
                                           GError       **error);
void          crm_db_rollback             (CrmDb         *self);
gboolean      crm_db_in_transaction       (CrmDb         *self);
void          crm_db_refuse_writes        (CrmDb         *self,
                                           const GError  *error);
gint64        crm_db_last_insert_id       (CrmDb         *self);
gboolean      crm_db_listen               (CrmDb         *self,
                                           const char    *channel,
                                           CrmDbNotifyFunc func,
                                           gpointer       user_data,
                                           GError       **error);
void          crm_db_unlisten             (CrmDb         *self);
guint64       crm_db_get_statement_count  (CrmDb         *self);
gboolean      crm_db_is_connected         (CrmDb         *self);
const GError *crm_db_get_offline_error    (CrmDb         *self);
void          crm_db_take_connection      (CrmDb         *self,
                                           CrmDb         *fresh);

void          crm_statement_bind_int64    (CrmStatement  *stmt,
                                           int            index,
                                           gint64         value);
void          crm_statement_bind_double   (CrmStatement  *stmt,
                                           int            index,
                                           double         value);
void          crm_statement_bind_text     (CrmStatement  *stmt,
                                           int            index,
                                           const char    *value);
void          crm_statement_bind_text_static (CrmStatement *stmt,
                                              int           index,
                                              const char   *value);
void          crm_statement_bind_bytes    (CrmStatement  *stmt,
                                           int            index,
                                           GBytes        *value);
void          crm_statement_bind_id       (CrmStatement  *stmt,
                                           int            index,
                                           gint64         id);
CrmStep       crm_statement_step          (CrmStatement  *stmt,
                                           GError       **error);
gboolean      crm_statement_run           (CrmStatement  *stmt,
                                           GError       **error);
gint64        crm_statement_get_int64     (CrmStatement  *stmt,
                                           int            column);
double        crm_statement_get_double    (CrmStatement  *stmt,
                                           int            column);
const char   *crm_statement_get_text      (CrmStatement  *stmt,
                                           int            column);
GBytes       *crm_statement_dup_bytes     (CrmStatement  *stmt,
                                           int            column);
gboolean      crm_statement_is_null       (CrmStatement  *stmt,
                                           int            column);
void          crm_statement_release       (CrmStatement  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStatement, crm_statement_release)

G_END_DECLS
