/* crm-server-connect.c
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

#define G_LOG_DOMAIN "crm-server"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "crm-db.h"
#include "crm-db-private.h"
#include "crm-server.h"
#include "crm-store.h"
#include "crm-store-private.h"

/*
 * Connecting to a team server (issue 10, item 3): the one check that
 * Preferences' Connect and the command line's --server share. It signs in
 * with the password given, and looks at the database as opening it would
 * (crm-store-open.c): a new one, a Deals database of this schema or an
 * older one, which opening will migrate, are answers; another program's
 * tables, a newer schema, a wrong password or a server that does not
 * answer are errors that say which.
 */

typedef struct
{
  char *uri;
  char *password;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *connect = data;

  g_free (connect->uri);
  crm_server_password_free (connect->password);
  g_free (connect);
}

/* Whether a server answers at @uri at all, whatever it then thinks of who
 * signs in: PQping() tells a refused sign-in from no server. */
static gboolean
server_answers (const char *uri)
{
  const char * const keywords[] = { "dbname", NULL };
  const char * const values[] = { uri, NULL };

  return PQpingParams (keywords, values, TRUE) != PQPING_NO_RESPONSE;
}

/* A connection's failure as the server's kind of error, with the
 * server's own reason kept in the message. */
static void
set_connection_error (CrmServer  *self,
                      const char *uri,
                      GError     *failure,
                      GError    **error)
{
  g_autofree char *label = crm_server_dup_label (self);

  if (g_error_matches (failure, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_DEALS))
    g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_NOT_DEALS, failure->message);
  else if (g_error_matches (failure, CRM_STORE_ERROR, CRM_STORE_ERROR_TOO_NEW))
    g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_TOO_NEW, failure->message);
  else if (!g_error_matches (failure, CRM_DB_ERROR, CRM_DB_ERROR_OPEN))
    g_propagate_error (error, g_error_copy (failure));
  else if (server_answers (uri))
    g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_REFUSED,
                 /* Translators: %s is a team server, as “dana on crm.example.com/deals”,
                  * then the server's own words */
                 _("The server refused to sign in %s. (%s)"), label, failure->message);
  else
    g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_UNREACHABLE,
                 /* Translators: %s is a team server's host, %u its port, then libpq's words */
                 _("No server answers at %s, port %u. (%s)"),
                 crm_server_get_host (self), crm_server_get_port (self), failure->message);
}

static gboolean
test_connection (CrmServer   *self,
                 const char  *uri,
                 const char  *password,
                 guint       *version,
                 GError     **error)
{
  g_autoptr(GError) failure = NULL;
  char *previous = password != NULL ? _crm_db_dup_password (uri) : NULL;
  gboolean check_later = FALSE;
  gboolean ok;

  /* The password joins the address in this process's memory only; a
   * wrong one does not stay there in place of the one before. */
  if (password != NULL)
    crm_db_remember_password (uri, password);

  ok = _crm_store_probe (uri, CRM_STORE_OPEN_NONE, version, &check_later, &failure);
  if (!ok)
    {
      if (password != NULL)
        crm_db_remember_password (uri, previous);
      set_connection_error (self, uri, failure, error);
    }

  _crm_db_password_free (previous);
  return ok;
}

static void
test_connection_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ConnectData *connect = task_data;
  GError *error = NULL;
  guint version = 0;

  if (test_connection (source_object, connect->uri, connect->password, &version, &error))
    g_task_return_int (task, version);
  else
    g_task_return_error (task, error);
}

/**
 * crm_server_test_connection_async:
 * @self: a #CrmServer
 * @password: (nullable): the password to sign in with; %NULL for the one
 *   crm_db_remember_password() was given
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Signs in to the server on a thread, so that a slow or silent network
 * never holds up the window, and looks at its database. On success the
 * password stays remembered for the connections the store opens.
 */
void
crm_server_test_connection_async (CrmServer           *self,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ConnectData *connect;

  g_return_if_fail (CRM_IS_SERVER (self));

  connect = g_new0 (ConnectData, 1);
  connect->uri = crm_server_dup_uri (self);
  connect->password = g_strdup (password);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_server_test_connection_async);
  g_task_set_task_data (task, connect, connect_data_free);
  g_task_run_in_thread (task, test_connection_thread);
}

/**
 * crm_server_test_connection_finish:
 * @self: a #CrmServer
 * @result: the #GAsyncResult
 * @out_version: (out) (optional): the database's schema version, 0 for a
 *   new database, which opening it sets up
 * @error: return location for a #GError, in %CRM_SERVER_ERROR for the
 *   server's answers
 *
 * Returns: %TRUE when the database may be opened
 */
gboolean
crm_server_test_connection_finish (CrmServer     *self,
                                   GAsyncResult  *result,
                                   guint         *out_version,
                                   GError       **error)
{
  gssize version;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  version = g_task_propagate_int (G_TASK (result), error);
  if (version < 0)
    return FALSE;

  if (out_version != NULL)
    *out_version = (guint)version;
  return TRUE;
}

/**
 * crm_server_test_connection_sync:
 * @self: a #CrmServer
 * @password: (nullable): as for crm_server_test_connection_async()
 * @out_version: (out) (optional): as for crm_server_test_connection_finish()
 * @error: return location for a #GError
 *
 * The command line's check, which may wait.
 *
 * Returns: %TRUE when the database may be opened
 */
gboolean
crm_server_test_connection_sync (CrmServer   *self,
                                 const char  *password,
                                 guint       *out_version,
                                 GError     **error)
{
  g_autofree char *uri = NULL;
  guint version = 0;

  g_return_val_if_fail (CRM_IS_SERVER (self), FALSE);

  uri = crm_server_dup_uri (self);
  if (!test_connection (self, uri, password, &version, error))
    return FALSE;

  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

/**
 * crm_server_get_known_schema_version:
 *
 * The schema this version of Deals writes: a server's database of an
 * older one is migrated to it when opened.
 *
 * Returns: the schema version
 */
guint
crm_server_get_known_schema_version (void)
{
  return _crm_store_latest_schema_version ();
}
