/* crm-store-offline.c
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

#define G_LOG_DOMAIN "crm-store-offline"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-store-private.h"

/*
 * A team server out of reach (issue 10, item 6). The store's connection
 * says when it is lost (a statement failing so, or the LISTEN watch); the
 * worker's reads say it through the lists. The store then goes offline
 * once: every write is refused at once with the one message, the lists
 * keep what they hold, and a timer tries again after 1, 2, 4 … 30 s.
 * Each attempt connects on a thread of its own, so the main loop never
 * waits for a server that does not answer, and checks there that the
 * server still has this Deals' schema. A good one replaces the
 * connection (its prepared statements were the old one's), follows the
 * others again and reloads what the lists show, as after an import.
 */

#define CRM_STORE_RECONNECT_FIRST 1
#define CRM_STORE_RECONNECT_LAST  30

static void schedule_reconnect (CrmStore *self);

static void
connection_lost_cb (CrmDb    *db,
                    CrmStore *self)
{
  _crm_store_go_offline (self, crm_db_get_offline_error (db));
}

/* Called once the store is open: a server's connection may be lost. */
void
_crm_store_watch_connection (CrmStore *self)
{
  if (crm_db_is_postgresql (self->db))
    g_signal_connect_object (self->db, "connection-lost", G_CALLBACK (connection_lost_cb), self, 0);
}

void
_crm_store_stop_reconnecting (CrmStore *self)
{
  g_clear_handle_id (&self->reconnect_source, g_source_remove);
}

/**
 * _crm_store_go_offline:
 * @self: a #CrmStore
 * @error: why: a #CRM_DB_ERROR_OFFLINE error, from either connection
 *
 * On the main thread. The first time, #CrmStore:online is notified and
 * the store starts trying to connect again; later calls change nothing.
 */
void
_crm_store_go_offline (CrmStore     *self,
                       const GError *error)
{
  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (error != NULL);

  if (self->offline_error != NULL)
    return;

  g_message ("%s", error->message);
  self->offline_error = g_error_copy (error);
  _crm_store_stop_following (self);
  self->reconnect_delay = CRM_STORE_RECONNECT_FIRST;
  schedule_reconnect (self);
  _crm_store_notify_online (self);
}

/* On the attempt's thread: what the server's meta says of its schema. */
static gboolean
check_schema (CrmDb   *db,
              guint    expected,
              GError **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (db, "SELECT coalesce (max (value::bigint), 0) FROM meta "
                                                     "WHERE key = 'schema-version'", error);
  guint version;

  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  version = (guint)crm_statement_get_int64 (stmt, 0);
  if (version == expected)
    return TRUE;

  g_set_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE,
               _("The team server “%s” is back with another Deals database (schema %u; this one had %u). Open it again to use it."),
               crm_db_get_name (db), version, expected);
  return FALSE;
}

static void
reconnect_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CrmStore *self = source_object;
  g_autoptr(CrmDb) fresh = NULL;
  GError *error = NULL;

  fresh = crm_db_open (task_data, FALSE, &error);
  if (fresh == NULL || !check_schema (fresh, self->schema_version, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&fresh), g_object_unref);
}

/* Back: the new connection in, the others followed, everything read. */
static void
come_back (CrmStore *self,
           CrmDb    *fresh)
{
  g_autoptr(GError) error = NULL;

  crm_db_take_connection (self->db, fresh);
  _crm_store_reader_reconnect (self->reader);
  g_clear_error (&self->offline_error);
  _crm_store_follow_others (self);
  if (!crm_store_reload (self, &error))
    g_warning ("Cannot read the team server again: %s", error->message);
  _crm_store_notify_online (self);
}

static void
reconnect_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CrmStore *self = CRM_STORE (object);
  g_autoptr(CrmDb) fresh = NULL;
  g_autoptr(GError) error = NULL;

  self->reconnecting = FALSE;
  fresh = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->offline_error == NULL)
    return;

  if (fresh != NULL)
    {
      come_back (self, fresh);
      return;
    }

  g_debug ("Still offline: %s", error->message);
  /* Another schema is a reason of its own to stay offline: said. */
  if (g_error_matches (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE))
    {
      g_clear_error (&self->offline_error);
      self->offline_error = g_steal_pointer (&error);
      _crm_store_notify_online (self);
    }
  self->reconnect_delay = MIN (self->reconnect_delay * 2, CRM_STORE_RECONNECT_LAST);
  schedule_reconnect (self);
}

static gboolean
reconnect_timeout_cb (gpointer user_data)
{
  CrmStore *self = user_data;

  self->reconnect_source = 0;
  crm_store_reconnect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (CrmStore *self)
{
  _crm_store_stop_reconnecting (self);
  self->reconnect_source = g_timeout_add_seconds (self->reconnect_delay, reconnect_timeout_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->reconnect_source),
                            "[crm] reconnect to the team server");
}

/**
 * crm_store_reconnect:
 * @self: a #CrmStore
 *
 * Offline, tries to connect again now rather than when the timer says
 * (the window's Try Now). Returns at once; #CrmStore:online is notified
 * when the server is back.
 */
void
crm_store_reconnect (CrmStore *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_STORE (self));

  if (self->offline_error == NULL || self->reconnecting)
    return;

  _crm_store_stop_reconnecting (self);
  self->reconnecting = TRUE;
  task = g_task_new (self, NULL, reconnect_cb, NULL);
  g_task_set_source_tag (task, crm_store_reconnect);
  g_task_set_task_data (task, g_strdup (crm_db_get_path (self->db)), g_free);
  g_task_run_in_thread (task, reconnect_thread);
}

/**
 * crm_store_is_online:
 * @self: a #CrmStore
 *
 * Returns: whether the team server is reachable (#CrmStore:online)
 */
gboolean
crm_store_is_online (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return self->offline_error == NULL;
}

/**
 * crm_store_get_offline_error:
 * @self: a #CrmStore
 *
 * Returns: (transfer none) (nullable): while offline, why, the message
 *   writes are refused with
 */
const GError *
crm_store_get_offline_error (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->offline_error;
}
