/* crm-server-sign-in.c
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

#define G_LOG_DOMAIN "crm-server-sign-in"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-server.h"
#include "crm-server-sign-in.h"
#include "crm-store-copy.h"

/*
 * `--server URI` (issue 10): the command line signs in to a team server
 * with the password the keyring keeps for that user there, and
 * `--remember-password` puts it in the keyring, read from standard input
 * (without echo at a terminal), so that scripts never pass it as an
 * argument, which every process on the machine can read.
 */

/* One line of standard input, at most CRM_SERVER_MAX_PASSWORD bytes, into
 * @buffer; the terminal does not echo it. */
static gboolean
read_password (const char  *label,
               char        *buffer,
               gsize        size,
               GError     **error)
{
  struct termios saved, quiet;
  gboolean terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  gboolean ok;
  gsize length;

  if (terminal)
    {
      /* Translators: asked at a terminal; %s is a team server, as
       * “dana on crm.example.com/deals” */
      g_printerr (_("Password for %s: "), label);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  ok = fgets (buffer, (int) size, stdin) != NULL;

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  length = ok ? strlen (buffer) : 0;
  if (!ok || length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No password came on standard input."));
      return FALSE;
    }

  /* A line that filled the buffer without its end is too long. */
  if (buffer[length - 1] != '\n' && length >= size - 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A password is 1 to %d characters."), CRM_SERVER_MAX_PASSWORD);
      return FALSE;
    }

  buffer[strcspn (buffer, "\r\n")] = '\0';
  return TRUE;
}

static int
remember_password (CrmServer  *server,
                   const char *label)
{
  g_autoptr(GError) error = NULL;
  /* Room for the longest password, its line end and the NUL. */
  char buffer[CRM_SERVER_MAX_PASSWORD + 3] = { 0 };
  gboolean ok;

  ok = read_password (label, buffer, sizeof buffer, &error) &&
       crm_server_store_password_sync (server, buffer, NULL, &error);
  explicit_bzero (buffer, sizeof buffer);

  if (!ok)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  /* Translators: %s is a team server, as “dana on crm.example.com/deals” */
  g_print (_("The password for %s is in the keyring.\n"), label);
  return 0;
}

/**
 * crm_server_sign_in_command_line:
 * @uri: the `--server` address
 * @remember_password: whether `--remember-password` was given
 * @out_address: (out): the address to open, without a password
 *
 * Reads the server's address, then either puts its password in the
 * keyring (`--remember-password`) or hands the keyring's password to the
 * connections CrmDb will open to it. Messages go to standard error.
 *
 * Returns: -1 to go on and open @out_address, else the exit status
 */
int
crm_server_sign_in_command_line (const char  *uri,
                                 gboolean     remember,
                                 char       **out_address)
{
  g_autoptr(CrmServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *address = NULL;
  char *password;

  server = crm_server_new_from_uri (uri, &error);
  if (server == NULL)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  label = crm_server_dup_label (server);
  if (remember)
    return remember_password (server, label);

  password = crm_server_lookup_password_sync (server, NULL, &error);
  if (error != NULL)
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  if (password == NULL)
    {
      /* Translators: %s is a team server, as “dana on crm.example.com/deals” */
      g_printerr (_("deals: the keyring has no password for %s: give it once with --server and "
                    "--remember-password, which reads it from standard input\n"),
                  label);
      return 1;
    }

  address = crm_server_dup_uri (server);
  crm_db_remember_password (address, password);
  crm_server_password_free (password);

  /* The same check as Preferences' Connect: the server's reason, said
   * the same way, before anything is opened. */
  if (!crm_server_test_connection_sync (server, NULL, NULL, &error))
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  *out_address = g_steal_pointer (&address);
  return -1;
}

static void
print_counts (GPtrArray *counts)
{
  gint64 total = 0;

  /* Translators: the heading of the copy's table of rows; keep the columns */
  g_print ("  %-24s %10s %10s\n", _("table"), _("file"), _("server"));
  for (guint i = 0; i < counts->len; i++)
    {
      CrmStoreCopyCount *count = g_ptr_array_index (counts, i);

      g_print ("  %-24s %10" G_GINT64_FORMAT " %10" G_GINT64_FORMAT "\n",
               count->table, count->source_rows, count->target_rows);
      total += count->target_rows;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Every table’s rows agree: %lld row in %u tables.\n",
                        "Every table’s rows agree: %lld rows in %u tables.\n", (gulong)total),
           (long long)total, counts->len);
}

/**
 * crm_server_copy_command_line:
 * @store: the open database file
 * @uri: the `--copy-to-server` address
 *
 * Signs in to the team server at @uri as `--server` does, with the
 * keyring's password, and copies @store's every table into its empty
 * database (crm_store_copy_to_server()), printing the rows of each table
 * on both sides. Messages go to standard error.
 *
 * Returns: the exit status
 */
int
crm_server_copy_command_line (CrmStore   *store,
                              const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *address = NULL;
  int status;

  status = crm_server_sign_in_command_line (uri, FALSE, &address);
  if (status >= 0)
    return status;

  if (!crm_store_copy_to_server (store, address, &counts, &error))
    {
      g_printerr ("deals: %s\n", error->message);
      return 1;
    }

  /* Translators: %s is the database file, then the team server's address */
  g_print (_("Copied “%s” to %s:\n"), crm_store_get_path (store), address);
  print_counts (counts);
  return 0;
}

/* The window's start on a team server (the settings' "server"): the
 * keyring's password and the connection's check are asked without
 * waiting; the store is opened once the server has answered. */

static void
sign_in_tested_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  CrmStore *store;

  if (!crm_server_test_connection_finish (CRM_SERVER (object), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  address = crm_server_dup_uri (CRM_SERVER (object));
  store = crm_store_open_full (address, CRM_STORE_OPEN_NONE, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
sign_in_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CrmServer *server = CRM_SERVER (object);
  char *password;

  password = crm_server_lookup_password_finish (server, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (password == NULL)
    {
      g_autofree char *label = crm_server_dup_label (server);

      /* Translators: %s is a team server, as “dana on crm.example.com/deals” */
      g_task_return_new_error (task, CRM_SERVER_ERROR, CRM_SERVER_ERROR_KEYRING,
                               _("The keyring has no password for %s: connect again in Preferences → Team Server."),
                               label);
      return;
    }

  crm_server_test_connection_async (server, password, g_task_get_cancellable (task),
                                    sign_in_tested_cb, g_object_ref (task));
  crm_server_password_free (password);
}

/**
 * crm_server_sign_in_async:
 * @uri: the team server's address, as the settings keep it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the store
 * @user_data: data for @callback
 *
 * Signs in to the team server with the keyring's password and opens its
 * store, without waiting on the keyring or the network.
 */
void
crm_server_sign_in_async (const char          *uri,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(CrmServer) server = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, crm_server_sign_in_async);
  server = crm_server_new_from_uri (uri, &error);
  if (server == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  crm_server_lookup_password_async (server, cancellable, sign_in_lookup_cb, g_steal_pointer (&task));
}

/**
 * crm_server_sign_in_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the server's store
 */
CrmStore *
crm_server_sign_in_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
