/* crm-store-reader.c
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

#define G_LOG_DOMAIN "crm-store-reader"

#include "config.h"

#include "crm-db.h"
#include "crm-store-private.h"

/* Reads the board needs while the rep works (a column's pages, its count
 * and totals) run on a connection of their own in one worker thread, so the
 * main loop never waits for SQLite. SQLite in WAL mode lets that reader see
 * every committed write without blocking the writer, and one thread keeps
 * the reads in the order they were asked for.
 *
 * Nothing a job holds keeps the store alive: the store waits for the thread
 * to finish its queue before it closes the reader, so the thread never
 * drops the last reference to the object that owns it. */

struct _CrmStoreReader
{
  GThreadPool *pool;
  char        *path;
  CrmDb       *db;     /* opened by the worker thread, on its first job */
  /* Set by the main thread when the store connected again: the worker's
   * connection may be one the server ended without its knowing yet. */
  gint         stale;
};

typedef struct
{
  CrmReadFunc    func;
  gpointer       data;
  GDestroyNotify data_free;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
reader_thread (gpointer data,
               gpointer user_data)
{
  g_autoptr(GTask) task = data;
  CrmStoreReader *reader = user_data;
  ReadJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  /* A server's connection lost is made again by the next job, here, off
   * the main thread; until the server answers, the job fails as offline
   * and the list keeps what it holds. */
  if (g_atomic_int_compare_and_exchange (&reader->stale, TRUE, FALSE) ||
      (reader->db != NULL && !crm_db_is_connected (reader->db)))
    g_clear_object (&reader->db);
  if (reader->db == NULL)
    {
      reader->db = crm_db_open_read_only (reader->path, &error);
      if (reader->db == NULL && crm_db_is_postgresql_uri (reader->path))
        error->code = CRM_DB_ERROR_OFFLINE;
    }

  if (reader->db != NULL && job->func (reader->db, job->data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

CrmStoreReader *
_crm_store_reader_new (const char *path)
{
  CrmStoreReader *reader = g_new0 (CrmStoreReader, 1);

  reader->path = g_strdup (path);
  /* One thread, not exclusive: it ends when idle and is started again
   * by the next job. */
  reader->pool = g_thread_pool_new (reader_thread, reader, 1, FALSE, NULL);

  return reader;
}

/* The store is back on its server: the next job connects anew. */
void
_crm_store_reader_reconnect (CrmStoreReader *reader)
{
  if (reader != NULL)
    g_atomic_int_set (&reader->stale, TRUE);
}

/* Waits for the jobs already queued; their callbacks still run later, on
 * the main context, and find their list or store gone. */
void
_crm_store_reader_free (CrmStoreReader *reader)
{
  if (reader == NULL)
    return;

  g_thread_pool_free (reader->pool, FALSE, TRUE);
  g_clear_object (&reader->db);
  g_free (reader->path);
  g_free (reader);
}

/**
 * _crm_store_read_async:
 * @self: a #CrmStore
 * @func: the read, run on the worker's connection
 * @data: what @func reads into; owned by the job
 * @data_free: (nullable): frees @data when the job is done
 * @callback: called on the current main context once @func ran
 * @user_data: for @callback
 *
 * Runs @func off the main thread. In the callback,
 * _crm_store_read_finish() returns @data with what @func stored in it.
 */
void
_crm_store_read_async (CrmStore            *self,
                       CrmReadFunc          func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (CRM_IS_STORE (self));

  job = g_new0 (ReadJob, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, _crm_store_read_async);
  g_task_set_task_data (task, job, read_job_free);

  if (self->reader == NULL)
    self->reader = _crm_store_reader_new (crm_db_get_path (self->db));

  g_thread_pool_push (self->reader->pool, g_steal_pointer (&task), NULL);
}

/**
 * _crm_store_read_finish:
 * @result: the #GAsyncResult of _crm_store_read_async()
 * @data: (out) (transfer none): the job's data, valid for the callback,
 *   whether the read succeeded or not
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the read succeeded
 */
gboolean
_crm_store_read_finish (GAsyncResult  *result,
                        gpointer      *data,
                        GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_get_source_tag (task) == _crm_store_read_async, FALSE);

  *data = ((ReadJob *)g_task_get_task_data (task))->data;
  return g_task_propagate_boolean (task, error);
}
