/* crm-db-passwords.c
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

#include <string.h>

#include "crm-db.h"
#include "crm-db-private.h"

/*
 * A team server's password, between the keyring and libpq (issue 10).
 *
 * The store opens more than one connection to a server (its own, the
 * board's worker, later the listener of changes), each by the server's
 * address, which never holds the password: the settings and messages
 * carry the address. The password the keyring gave is kept here, in this
 * process's memory only, for the connections that address opens, and
 * cleared when it is forgotten.
 */

static GMutex lock;
static GHashTable *passwords;   /* address → password */

static void
password_free (gpointer data)
{
  char *password = data;

  if (password == NULL)
    return;

  /* A plain memset before free() may be optimised away. */
  explicit_bzero (password, strlen (password));
  g_free (password);
}

/**
 * crm_db_remember_password:
 * @uri: a server's `postgresql://` address, without a password
 * @password: (nullable): the password of its user, or %NULL to forget it
 *
 * Gives the connections CrmDb opens to @uri this password, until it is
 * forgotten. It is never written anywhere.
 */
void
crm_db_remember_password (const char *uri,
                          const char *password)
{
  g_return_if_fail (uri != NULL);

  g_mutex_lock (&lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, password_free);
  if (password != NULL)
    g_hash_table_replace (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&lock);
}

/* A copy of @uri's password for a connection being opened, to be freed
 * with _crm_db_password_free(); %NULL when none was given. */
char *
_crm_db_dup_password (const char *uri)
{
  char *password = NULL;

  g_mutex_lock (&lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&lock);

  return password;
}

void
_crm_db_password_free (char *password)
{
  password_free (password);
}
