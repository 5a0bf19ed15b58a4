/* crm-store.c
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

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-strings.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-email.h"
#include "crm-limits.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"
#include "crm-user.h"

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-store-error-quark, crm_store_error)

enum {
  PROP_0,
  PROP_PROCEDURE,
  PROP_CURRENT_USER,
  PROP_INTEGRITY_ERROR,
  N_PROPS
};

enum {
  DEAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GDateTime *
default_clock (gpointer user_data)
{
  return g_date_time_new_now_utc ();
}

/* Timestamps are stored as fixed-width UTC text so that they sort as text
 * on SQLite and compare as timestamps on PostgreSQL alike. */
char *
_crm_store_format_timestamp (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Migrations */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

char *
_crm_store_read_meta (CrmStore   *self,
                      const char *key)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_text (stmt, 1, key);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  return g_strdup (crm_statement_get_text (stmt, 0));
}

gboolean
_crm_store_write_meta (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, key);
  crm_statement_bind_text (stmt, 2, value);
  return crm_statement_run (stmt, error);
}

static void
check_integrity_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr(CrmDb) db = NULL;
  GError *error = NULL;

  /* A connection of its own: the store's stays on the main thread. */
  db = crm_db_open_read_only (task_data, &error);
  if (db == NULL || !_crm_store_check_integrity (db, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
check_integrity_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CrmStore *self = CRM_STORE (object);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;

  /* The store stays open to read, so the window can say what happened;
   * nothing more is written to the damaged file. */
  g_warning ("%s", error->message);
  crm_db_refuse_writes (self->db, error);
  self->integrity_error = g_steal_pointer (&error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTEGRITY_ERROR]);
}

static void
check_integrity_in_background (CrmStore *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, check_integrity_cb, NULL);

  g_task_set_source_tag (task, check_integrity_in_background);
  g_task_set_task_data (task, g_strdup (crm_db_get_path (self->db)), g_free);
  g_task_run_in_thread (task, check_integrity_thread);
}

static gboolean
apply_migration (CrmStore    *self,
                 const char  *name,
                 guint        version,
                 GError     **error)
{
  g_autofree char *path = g_build_path ("/", CRM_STORE_MIGRATIONS_PATH, name, NULL);
  g_autofree char *pragma = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;

  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return FALSE;

  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* PRAGMA takes no parameters; the number comes from the program. */
  pragma = g_strdup_printf ("PRAGMA user_version = %u", version);

  if (!crm_db_begin (self->db, error))
    return FALSE;

  if (!crm_db_exec (self->db, script, error) ||
      !_crm_store_write_meta (self, "application", CRM_STORE_APPLICATION_MARK, error) ||
      !crm_db_exec (self->db, pragma, error) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  g_debug ("Migrated %s to schema %u", crm_db_get_path (self->db), version);
  return TRUE;
}

static gboolean
migrate (CrmStore  *self,
         guint      from_version,
         GError   **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (CRM_STORE_MIGRATIONS_PATH, 0, error);
  guint n_names;

  if (names == NULL)
    return FALSE;

  n_names = g_strv_length (names);
  qsort (names, n_names, sizeof (char *), compare_strings);

  for (guint i = from_version; i < n_names; i++)
    {
      if (!apply_migration (self, names[i], i + 1, error))
        return FALSE;
    }

  self->schema_version = n_names;
  return TRUE;
}

/* Caches of the small tables */

static gboolean
load_users (CrmStore  *self,
            GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  CrmStep step;

  stmt = crm_db_prepare (self->db, "SELECT id, name, role FROM users ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      CrmRole role = g_strcmp0 (crm_statement_get_text (stmt, 2), "manager") == 0
                     ? CRM_ROLE_MANAGER : CRM_ROLE_REP;

      g_ptr_array_add (users, crm_user_new (crm_statement_get_int64 (stmt, 0),
                                            crm_statement_get_text (stmt, 1),
                                            role));
    }

  if (step == CRM_STEP_ERROR)
    return FALSE;

  g_list_store_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)),
                       users->pdata, users->len);
  return TRUE;
}

static gboolean
load_procedure (CrmStore  *self,
                GError   **error)
{
  g_autofree char *json = _crm_store_read_meta (self, "procedure-template");
  g_autofree char *id = _crm_store_read_meta (self, "procedure");

  if (json == NULL)
    return TRUE;

  g_clear_object (&self->procedure);
  self->procedure = crm_procedure_new_from_data (json, -1, id, error);

  return self->procedure != NULL;
}

static void
list_finalized_cb (gpointer  data,
                   GObject  *where_the_object_was)
{
  CrmStore *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer)where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

const char *
_crm_store_stage_key (CrmStore *self,
                      gint64    stage_id)
{
  CrmStage *stage = crm_store_find_stage (self, stage_id);

  return stage ? crm_stage_get_key (stage) : NULL;
}

static CrmDealList *
find_live_list (CrmStore *self,
                gint64    stage_id)
{
  return g_hash_table_lookup (self->lists, GSIZE_TO_POINTER ((gsize)stage_id));
}

/* Where a deal with this sort key stands in its stage: the number of deals
 * sorted before it (most recently touched first, newer id first on ties). */
static gboolean
position_in_stage (CrmStore   *self,
                   gint64      stage_id,
                   const char *updated_at,
                   gint64      deal_id,
                   guint      *position)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "SELECT count(*) FROM deals WHERE stage_id = ?1 "
                         "AND (updated_at > ?2 OR (updated_at = ?2 AND id > ?3))",
                         NULL);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, stage_id);
  crm_statement_bind_text (stmt, 2, updated_at);
  crm_statement_bind_int64 (stmt, 3, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return FALSE;

  *position = (guint)crm_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* After a committed change, tells the live lists of the two stages where
 * the deal left and where it arrived, so each changes by one row. Runs
 * after the commit: the removed position is that of the old sort key among
 * the deals that stayed. */
void
_crm_store_relocate_in_lists (CrmStore   *self,
                              gint64      deal_id,
                              gint64      old_stage_id,
                              const char *old_updated_at,
                              gint64      new_stage_id,
                              const char *new_updated_at)
{
  CrmDealList *old_list = old_stage_id ? find_live_list (self, old_stage_id) : NULL;
  CrmDealList *new_list = find_live_list (self, new_stage_id);
  guint removed = 0, added = 0;
  gboolean have_removed, have_added;

  have_removed = old_list != NULL &&
                 position_in_stage (self, old_stage_id, old_updated_at, deal_id, &removed);
  have_added = new_list != NULL &&
               position_in_stage (self, new_stage_id, new_updated_at, deal_id, &added);

  if (old_list != NULL && old_list == new_list)
    {
      /* The same list: remove, then insert among the remaining rows. */
      if (have_removed && have_added)
        _crm_deal_list_changed_at (old_list, &removed, &added);
      else
        crm_deal_list_reload (old_list);
      return;
    }

  if (old_list != NULL)
    {
      if (have_removed)
        _crm_deal_list_changed_at (old_list, &removed, NULL);
      else
        crm_deal_list_reload (old_list);
    }

  if (new_list != NULL)
    {
      if (have_added)
        _crm_deal_list_changed_at (new_list, NULL, &added);
      else
        crm_deal_list_reload (new_list);
    }
}

gboolean
_crm_store_add_audit (CrmStore    *self,
                      const char  *action,
                      const char  *entity,
                      gint64       entity_id,
                      const char  *old_value,
                      const char  *new_value,
                      const char  *at,
                      GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO audit_log (at, user_id, action, entity, entity_id, old_value, new_value) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, at);
  crm_statement_bind_id (stmt, 2, self->current_user_id);
  crm_statement_bind_text (stmt, 3, action);
  crm_statement_bind_text (stmt, 4, entity);
  crm_statement_bind_int64 (stmt, 5, entity_id);
  crm_statement_bind_text (stmt, 6, old_value);
  crm_statement_bind_text (stmt, 7, new_value);

  return crm_statement_run (stmt, error);
}

/* GObject */

static void
crm_store_dispose (GObject *object)
{
  CrmStore *self = (CrmStore *)object;
  GHashTableIter iter;
  gpointer value;

  if (self->lists != NULL)
    {
      g_hash_table_iter_init (&iter, self->lists);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, list_finalized_cb, self);
      g_hash_table_remove_all (self->lists);
    }

  g_clear_object (&self->procedure);
  g_clear_object (&self->pipelines);
  g_clear_object (&self->users);

  G_OBJECT_CLASS (crm_store_parent_class)->dispose (object);
}

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *)object;

  g_clear_pointer (&self->stages, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_error (&self->integrity_error);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (crm_store_parent_class)->finalize (object);
}

static void
crm_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmStore *self = CRM_STORE (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;

    case PROP_CURRENT_USER:
      g_value_set_object (value, crm_store_get_current_user (self));
      break;

    case PROP_INTEGRITY_ERROR:
      g_value_set_boxed (value, self->integrity_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_store_class_init (CrmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_store_dispose;
  object_class->finalize = crm_store_finalize;
  object_class->get_property = crm_store_get_property;

  /**
   * CrmStore:procedure:
   *
   * The procedure template this database runs, or %NULL before the
   * department has picked one.
   */
  properties [PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL,
                         CRM_TYPE_PROCEDURE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENT_USER] =
    g_param_spec_object ("current-user", NULL, NULL,
                         CRM_TYPE_USER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmStore:integrity-error:
   *
   * Damage found by the integrity check that runs after a large file is
   * opened, or %NULL.
   */
  properties [PROP_INTEGRITY_ERROR] =
    g_param_spec_boxed ("integrity-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmStore::deal-changed:
   * @self: a #CrmStore
   * @deal_id: the deal that was created, edited or moved
   *
   * Emitted after a transaction that changed a deal has committed.
   */
  signals [DEAL_CHANGED] =
    g_signal_new ("deal-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
crm_store_init (CrmStore *self)
{
  self->clock_func = default_clock;
  self->pipelines = g_list_store_new (CRM_TYPE_PIPELINE);
  self->users = g_list_store_new (CRM_TYPE_USER);
  self->stages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->lists = g_hash_table_new (NULL, NULL);
}

/* Public API */

/**
 * crm_store_dup_default_path:
 *
 * Returns: (transfer full): the database file under the user data folder
 */
char *
crm_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "deals", "deals.db", NULL);
}

/**
 * crm_store_open:
 * @path: the database file; created with its folder when missing
 * @error: return location for a #GError
 *
 * Opens a Deals database, creating it (and its folder) when it is missing:
 * the default database, and the tests'. See crm_store_open_full().
 *
 * Returns: (transfer full) (nullable): the store
 */
CrmStore *
crm_store_open (const char  *path,
                GError     **error)
{
  return crm_store_open_full (path, CRM_STORE_OPEN_CREATE | CRM_STORE_OPEN_CREATE_FOLDER, error);
}

/**
 * crm_store_open_full:
 * @path: the database file
 * @flags: whether a missing file, and its folder, may be created
 * @error: return location for a #GError
 *
 * Opens (and on first use migrates) a Deals database. Before anything is
 * written, the file is looked at read-only (see `crm-store-open.c`): a
 * missing file that may not be created, an empty file, a file that is not
 * a Deals database, one that is damaged, comes from a newer Deals or is
 * read-only is reported with its name, and nothing is created beside it
 * or changed in it.
 *
 * Returns: (transfer full) (nullable): the store
 */
CrmStore *
crm_store_open_full (const char         *path,
                     CrmStoreOpenFlags   flags,
                     GError            **error)
{
  g_autoptr(CrmStore) self = NULL;
  gboolean background_check = FALSE;
  gboolean is_new;
  guint version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_crm_store_probe (path, flags, &version, &background_check, error))
    return NULL;

  is_new = !g_file_test (path, G_FILE_TEST_EXISTS);
  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->db = crm_db_open (path, is_new, error);
  if (self->db == NULL)
    return NULL;

  /* Only now, with the file known to be ours, may anything be written. */
  if (!crm_db_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error) ||
      !migrate (self, version, error) ||
      !load_procedure (self, error) ||
      !load_users (self, error) ||
      !_crm_store_load_pipelines (self, error))
    return NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->users)) > 0)
    {
      g_autoptr(CrmUser) first = g_list_model_get_item (G_LIST_MODEL (self->users), 0);

      self->current_user_id = crm_user_get_id (first);
    }

  if (background_check)
    check_integrity_in_background (self);

  return g_steal_pointer (&self);
}

/**
 * crm_store_get_integrity_error:
 * @self: a #CrmStore
 *
 * For a large file the integrity check runs after opening; when it finds
 * damage, this says what, #CrmStore:integrity-error is notified, and every
 * write is refused from then on.
 *
 * Returns: (transfer none) (nullable): the damage found, if any
 */
const GError *
crm_store_get_integrity_error (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->integrity_error;
}

const char *
crm_store_get_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_db_get_path (self->db);
}

/* The connection, for the store's parts and for white-box tests. */
CrmDb *
crm_store_get_db (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->db;
}

/**
 * crm_store_get_statement_count:
 * @self: a #CrmStore
 *
 * How many SQL statements the store has run since it was opened: the
 * benchmarks read the SQL budget of a move from it.
 *
 * Returns: the count
 */
guint64
crm_store_get_statement_count (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return crm_db_get_statement_count (self->db);
}

guint
crm_store_get_schema_version (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * crm_store_set_clock:
 * @self: a #CrmStore
 * @func: (nullable): the clock, or %NULL for the system clock
 * @user_data: data for @func
 *
 * Replaces the clock every timestamp of the store comes from.
 */
void
crm_store_set_clock (CrmStore     *self,
                     CrmClockFunc  func,
                     gpointer      user_data)
{
  g_return_if_fail (CRM_IS_STORE (self));

  self->clock_func = func ? func : default_clock;
  self->clock_data = user_data;
}

/**
 * crm_store_now:
 * @self: a #CrmStore
 *
 * Returns: (transfer full): the current time by the store's clock
 */
GDateTime *
crm_store_now (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->clock_func (self->clock_data);
}

/**
 * crm_store_get_procedure:
 * @self: a #CrmStore
 *
 * Returns: (transfer none) (nullable): the procedure of this database
 */
CrmProcedure *
crm_store_get_procedure (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->procedure;
}

/* The one transaction of a user action, for the store's other files. */
gboolean
_crm_store_begin (CrmStore  *self,
                  GError   **error)
{
  return crm_db_begin (self->db, error);
}

/* Commits when everything inside went well, else rolls back: a write
 * either happens whole or not at all. */
gboolean
_crm_store_commit_or_rollback (CrmStore  *self,
                               gboolean   ok,
                               GError   **error)
{
  if (ok && crm_db_commit (self->db, error))
    return TRUE;

  crm_db_rollback (self->db);
  return FALSE;
}

/* The first column of the first row of @sql, with @id bound to ?1 and
 * @text, when given, to ?2; %NULL when there is none or on an error. */
char *
_crm_store_query_text (CrmStore    *self,
                       const char  *sql,
                       gint64       id,
                       const char  *text)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, NULL);

  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, id);
  if (text != NULL)
    crm_statement_bind_text (stmt, 2, text);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* The store's clock as the text every timestamp column holds. */
char *
_crm_store_now_text (CrmStore *self)
{
  g_autoptr(GDateTime) now = crm_store_now (self);

  return _crm_store_format_timestamp (now);
}

/* The procedures reserve some decisions for the head of sales; the model
 * checks the role, so no view can let a rep make them. */
gboolean
_crm_store_require_manager (CrmStore    *self,
                            const char  *message,
                            GError     **error)
{
  CrmUser *me = crm_store_get_current_user (self);

  if (me != NULL && crm_user_get_role (me) == CRM_ROLE_MANAGER)
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION, message);
  return FALSE;
}

/* Who the activities and tasks of a write belong to: 0 when the current
 * user is not (or no longer) one of the department's. */
gint64
_crm_store_current_user_id (CrmStore *self)
{
  CrmUser *user = crm_store_get_current_user (self);

  return user ? crm_user_get_id (user) : 0;
}

/* A manager saved the procedure's call scripts (crm-store-calls.c): the
 * new template replaces the old one for everything read from now on. A
 * running call keeps a reference to the procedure it started with. */
void
_crm_store_set_procedure (CrmStore     *self,
                          CrmProcedure *procedure)
{
  if (g_set_object (&self->procedure, procedure))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROCEDURE]);
}

static gboolean
insert_user (CrmStore    *self,
             const char  *name,
             CrmRole      role,
             GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db, "INSERT INTO users (name, role) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, role == CRM_ROLE_MANAGER ? "manager" : "rep");
  return crm_statement_run (stmt, error);
}

/**
 * crm_store_install_procedure:
 * @self: a #CrmStore
 * @procedure: the template the department picked
 * @error: return location for a #GError
 *
 * Copies the procedure's pipelines, stages and custom fields into a fresh
 * database, in one transaction. A database runs one procedure: installing
 * another over it is refused (it would orphan the deals' stages).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_install_procedure (CrmStore      *self,
                             CrmProcedure  *procedure,
                             GError       **error)
{
  GBytes *bytes;   /* owned by the procedure */
  g_autofree char *json = NULL;
  gboolean first_user;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_PROCEDURE (procedure), FALSE);

  if (self->procedure != NULL)
    {
      if (g_strcmp0 (crm_procedure_get_id (self->procedure), crm_procedure_get_id (procedure)) == 0)
        return TRUE;

      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                   _("“%s” already runs the procedure “%s”; it cannot switch to “%s”."),
                   crm_store_get_path (self),
                   crm_procedure_get_id (self->procedure),
                   crm_procedure_get_id (procedure));
      return FALSE;
    }

  bytes = crm_procedure_get_bytes (procedure);
  json = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  first_user = g_list_model_get_n_items (G_LIST_MODEL (self->users)) == 0;

  if (!crm_db_begin (self->db, error))
    return FALSE;

  /* Whoever sets the procedure up is the department's first manager; more
   * people are added from Preferences (or by the demo data). */
  if (!_crm_store_install_pipelines (self, procedure, error) ||
      !_crm_store_install_fields (self, procedure, error) ||
      !_crm_store_write_meta (self, "procedure", crm_procedure_get_id (procedure), error) ||
      !_crm_store_write_meta (self, "procedure-template", json, error) ||
      (first_user && !insert_user (self, g_get_real_name (), CRM_ROLE_MANAGER, error)) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  self->procedure = g_object_ref (procedure);

  if (!load_users (self, error) || !_crm_store_load_pipelines (self, error))
    return FALSE;

  if (self->current_user_id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->users)) > 0)
    {
      g_autoptr(CrmUser) first = g_list_model_get_item (G_LIST_MODEL (self->users), 0);

      self->current_user_id = crm_user_get_id (first);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROCEDURE]);
  return TRUE;
}

/**
 * crm_store_get_users:
 * @self: a #CrmStore
 *
 * Returns: (transfer none): the department's users
 */
GListModel *
crm_store_get_users (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->users);
}

/**
 * crm_store_get_current_user:
 * @self: a #CrmStore
 *
 * Returns: (transfer none) (nullable): who is working
 */
CrmUser *
crm_store_get_current_user (CrmStore *self)
{
  GListModel *model;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  model = G_LIST_MODEL (self->users);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (model, i);

      if (crm_user_get_id (user) == self->current_user_id)
        return user;
    }

  return NULL;
}

void
crm_store_set_current_user (CrmStore *self,
                            gint64    user_id)
{
  g_return_if_fail (CRM_IS_STORE (self));

  if (self->current_user_id == user_id)
    return;

  self->current_user_id = user_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_USER]);
}

/**
 * crm_store_add_user:
 * @self: a #CrmStore
 * @name: the person's name
 * @role: rep or manager
 * @error: return location for a #GError
 *
 * Returns: the new user's id, or 0 on error
 */
gint64
crm_store_add_user (CrmStore    *self,
                    const char  *name,
                    CrmRole      role,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!crm_limits_dup_trimmed (_("Name"), name, CRM_LIMIT_NAME, CRM_TEXT_LINE, &trimmed, error))
    return 0;

  if (trimmed == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("A user needs a name."));
      return 0;
    }

  if (!crm_db_begin (self->db, error))
    return 0;

  if (!insert_user (self, trimmed, role, error))
    {
      crm_db_rollback (self->db);
      return 0;
    }

  id = crm_db_last_insert_id (self->db);
  if (!crm_db_commit (self->db, error))
    return 0;

  if (!load_users (self, error))
    return 0;

  return id;
}

/**
 * crm_store_get_stage_deals:
 * @self: a #CrmStore
 * @stage_id: a stage
 *
 * Returns the live list of a stage's deals. The store keeps it current:
 * moves and edits reload the lists they touch.
 *
 * Returns: (transfer full): the stage's deals, most recently touched first
 */
CrmDealList *
crm_store_get_stage_deals (CrmStore *self,
                           gint64    stage_id)
{
  CrmDealList *list;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER ((gsize)stage_id));
  if (list != NULL)
    return g_object_ref (list);

  list = _crm_deal_list_new (self, stage_id);
  g_hash_table_insert (self->lists, GSIZE_TO_POINTER ((gsize)stage_id), list);
  g_object_weak_ref (G_OBJECT (list), list_finalized_cb, self);

  return list;
}

const char *
_crm_store_get_region (CrmStore *self)
{
  if (self->procedure != NULL && crm_procedure_get_country (self->procedure) != NULL)
    return crm_procedure_get_country (self->procedure);

  return "IL";
}

/**
 * crm_store_check_field_value:
 * @self: a #CrmStore
 * @key: a custom field key of the procedure
 * @value: the text typed for it
 * @normalized: (out) (optional): the value as it will be stored
 * @error: return location for a #GError
 *
 * Checks one custom field value against its definition, so that the deal
 * card can show a problem at the field as it is typed. The store runs the
 * same check again when saving.
 *
 * Returns: %TRUE when @value fits the field
 */
gboolean
crm_store_check_field_value (CrmStore    *self,
                             const char  *key,
                             const char  *value,
                             char       **normalized,
                             GError     **error)
{
  const CrmProcedureField *field = NULL;
  g_autofree char *trimmed = NULL;
  const char *name;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->procedure != NULL)
    field = crm_procedure_find_field (self->procedure, key);

  if (field == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("The procedure has no field “%s”."), key);
      return FALSE;
    }

  name = crm_text_get (&field->name);

  /* Bounded before a number or a date is parsed out of it. */
  if (!crm_limits_dup_trimmed (name, value, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &trimmed, error))
    return FALSE;

  if (trimmed != NULL)
    {
      switch (field->type)
        {
        case CRM_FIELD_NUMBER:
          {
            g_autofree char *plain = NULL;

            if (!_crm_store_check_number (self, field, trimmed, &plain, error))
              return FALSE;
            g_free (trimmed);
            trimmed = g_steal_pointer (&plain);
          }
          break;

        case CRM_FIELD_CHOICE:
          {
            gboolean found = FALSE;

            for (guint i = 0; field->choices != NULL && i < field->choices->len; i++)
              {
                const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, i);

                found |= g_strcmp0 (choice->key, trimmed) == 0;
              }

            if (!found)
              {
                g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                             _("%s: “%s” is not one of the choices."), name, trimmed);
                return FALSE;
              }
          }
          break;

        case CRM_FIELD_BOOLEAN:
          if (g_strcmp0 (trimmed, "true") != 0 && g_strcmp0 (trimmed, "false") != 0)
            {
              g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("%s: “%s” is neither yes nor no."), name, trimmed);
              return FALSE;
            }
          break;

        case CRM_FIELD_DATE:
          {
            g_autofree char *iso = g_strconcat (trimmed, "T00:00:00Z", NULL);
            g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

            if (date == NULL || strlen (trimmed) != 10)
              {
                g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                             _("%s: “%s” is not a date (YYYY-MM-DD)."), name, trimmed);
                return FALSE;
              }
          }
          break;

        case CRM_FIELD_TEXT:
        default:
          break;
        }
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&trimmed);

  return TRUE;
}

/* Everything a deal card saves, checked and normalised before the
 * transaction starts so that a bad field never leaves half a save behind. */
typedef struct
{
  char       *title;
  gint64      pipeline_id;
  gint64      stage_id;
  char       *contact_name;
  GStrv       phones;
  GStrv       emails;
  char       *company_name;
  char       *company_email;
  char       *company_phone;
  /* Bounded and cleaned (crm-limits.h), as they are written. */
  char       *position;
  char       *website;
  char       *city;
  char       *address;
  char       *next_step;
  GHashTable *fields;   /* key → normalised value, NULL value to clear */
} SaveData;

static void
save_data_clear (SaveData *data)
{
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->contact_name, g_free);
  g_clear_pointer (&data->phones, g_strfreev);
  g_clear_pointer (&data->emails, g_strfreev);
  g_clear_pointer (&data->company_name, g_free);
  g_clear_pointer (&data->company_email, g_free);
  g_clear_pointer (&data->company_phone, g_free);
  g_clear_pointer (&data->fields, g_hash_table_unref);
  g_clear_pointer (&data->position, g_free);
  g_clear_pointer (&data->website, g_free);
  g_clear_pointer (&data->city, g_free);
  g_clear_pointer (&data->address, g_free);
  g_clear_pointer (&data->next_step, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaveData, save_data_clear)

static gint64
first_stage_of (CrmStore *self,
                gint64    pipeline_id)
{
  g_autoptr(GListModel) stages = crm_store_get_stages (self, pipeline_id);
  g_autoptr(CrmStage) first = g_list_model_get_item (stages, 0);

  return first ? crm_stage_get_id (first) : 0;
}

static gboolean
normalize_list (const char * const  *input,
                gboolean           (*normalize) (const char *, char **, GError **, gpointer),
                gpointer             data,
                GStrv               *output,
                GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; input != NULL && input[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (crm_str_is_blank (input[i]))
        continue;

      if (!normalize (input[i], &value, error, data))
        return FALSE;

      g_strv_builder_add (builder, value);
    }

  *output = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * _crm_store_normalize_phone:
 * @self: a #CrmStore
 * @input: a phone number as typed
 * @out: (out): the number in E.164
 * @error: return location for a #GError
 *
 * Parses a phone number with the procedure's country, the one way every
 * save, move and call answer checks a phone.
 *
 * Returns: %TRUE when @input is a valid number
 */
gboolean
_crm_store_normalize_phone (CrmStore    *self,
                            const char  *input,
                            char       **out,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (crm_phone_normalize (input, _crm_store_get_region (self), out, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE, local_error->message);
  return FALSE;
}

gboolean
_crm_store_normalize_email (const char  *input,
                            char       **out,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (crm_email_normalize (input, out, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL, local_error->message);
  return FALSE;
}

static gboolean
normalize_phone_cb (const char  *input,
                    char       **out,
                    GError     **error,
                    gpointer     data)
{
  return _crm_store_normalize_phone (data, input, out, error);
}

static gboolean
normalize_email_cb (const char  *input,
                    char       **out,
                    GError     **error,
                    gpointer     data)
{
  return _crm_store_normalize_email (input, out, error);
}

static gboolean
prepare_save (CrmStore    *self,
              CrmDeal     *deal,
              CrmContact  *contact,
              CrmCompany  *company,
              GHashTable  *field_values,
              SaveData    *data,
              GError     **error)
{
  const char *currency = crm_deal_get_currency (deal);
  CrmStage *stage;

  /* Every text is bounded and cleaned before anything parses it
   * (docs/engine.md, "Limits"). */
  if (!crm_limits_dup_trimmed (_("Title"), crm_deal_get_title (deal), CRM_LIMIT_TITLE, CRM_TEXT_LINE,
                               &data->title, error) ||
      !crm_limits_dup_trimmed (_("Next Step"), crm_deal_get_next_step (deal), CRM_LIMIT_TEXT, CRM_TEXT_LINE,
                               &data->next_step, error))
    return FALSE;

  if (data->title == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_TITLE,
                           _("A deal needs a title."));
      return FALSE;
    }

  if (crm_deal_get_amount (deal) < 0 || currency == NULL || strlen (currency) != 3)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                           _("The amount must not be negative and needs a three-letter currency (ILS, RUB, USD…)."));
      return FALSE;
    }

  /* A new deal without a stage starts in the first stage of its pipeline. */
  data->pipeline_id = crm_deal_get_pipeline_id (deal);
  if (data->pipeline_id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)) > 0)
    {
      g_autoptr(CrmPipeline) first = g_list_model_get_item (G_LIST_MODEL (self->pipelines), 0);

      data->pipeline_id = crm_pipeline_get_id (first);
    }

  data->stage_id = crm_deal_get_stage_id (deal);
  if (data->stage_id == 0)
    data->stage_id = first_stage_of (self, data->pipeline_id);

  stage = crm_store_find_stage (self, data->stage_id);
  if (stage == NULL || crm_stage_get_pipeline_id (stage) != data->pipeline_id)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("Stage %lld is not a stage of this deal’s pipeline."),
                   (long long)data->stage_id);
      return FALSE;
    }

  if (contact != NULL)
    {
      if (!crm_limits_dup_trimmed (_("Name"), crm_contact_get_name (contact), CRM_LIMIT_NAME, CRM_TEXT_LINE,
                                   &data->contact_name, error) ||
          !crm_limits_dup_trimmed (_("Position"), crm_contact_get_position (contact), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->position, error))
        return FALSE;

      if (!normalize_list (crm_contact_get_phones (contact), normalize_phone_cb,
                           self, &data->phones, error) ||
          !normalize_list (crm_contact_get_emails (contact), normalize_email_cb,
                           NULL, &data->emails, error))
        return FALSE;

      if (data->contact_name == NULL &&
          (data->phones[0] != NULL || data->emails[0] != NULL || crm_contact_get_id (contact) > 0))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                               _("The contact needs a name."));
          return FALSE;
        }
    }

  if (company != NULL)
    {
      const char *phone = crm_company_get_phone (company);
      const char *email = crm_company_get_email (company);

      if (!crm_limits_dup_trimmed (_("Company"), crm_company_get_name (company), CRM_LIMIT_COMPANY,
                                   CRM_TEXT_LINE, &data->company_name, error) ||
          !crm_limits_dup_trimmed (_("Website"), crm_company_get_website (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->website, error) ||
          !crm_limits_dup_trimmed (_("City"), crm_company_get_city (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->city, error) ||
          !crm_limits_dup_trimmed (_("Address"), crm_company_get_address (company), CRM_LIMIT_TEXT,
                                   CRM_TEXT_LINE, &data->address, error))
        return FALSE;

      if (!crm_str_is_blank (phone) && !_crm_store_normalize_phone (self, phone, &data->company_phone, error))
        return FALSE;
      if (!crm_str_is_blank (email) && !_crm_store_normalize_email (email, &data->company_email, error))
        return FALSE;

      if (data->company_name == NULL &&
          (data->company_phone != NULL || data->company_email != NULL || crm_company_get_id (company) > 0))
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                               _("The company needs a name."));
          return FALSE;
        }
    }

  data->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (field_values != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, field_values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autofree char *normalized = NULL;

          if (!crm_store_check_field_value (self, key, value, &normalized, error))
            return FALSE;

          g_hash_table_insert (data->fields, g_strdup (key), g_steal_pointer (&normalized));
        }
    }

  return TRUE;
}

static gboolean
write_company (CrmStore    *self,
               CrmCompany  *company,
               SaveData    *data,
               const char  *now,
               gint64      *company_id,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_company_get_id (company);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE companies SET name = ?2, phone = ?3, email = ?4, website = ?5, "
                           "city = ?6, address = ?7 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO companies (name, phone, email, website, city, address, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, data->company_name);
  crm_statement_bind_text (stmt, 3, data->company_phone);
  crm_statement_bind_text (stmt, 4, data->company_email);
  crm_statement_bind_text (stmt, 5, data->website);
  crm_statement_bind_text (stmt, 6, data->city);
  crm_statement_bind_text (stmt, 7, data->address);
  if (id == 0)
    crm_statement_bind_text (stmt, 8, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *company_id = id > 0 ? id : crm_db_last_insert_id (self->db);
  return TRUE;
}

static gboolean
write_strings (CrmStore            *self,
               const char          *delete_sql,
               const char          *insert_sql,
               gint64               owner_id,
               const char * const  *values,
               GError             **error)
{
  g_autoptr(CrmStatement) del = crm_db_prepare (self->db, delete_sql, error);

  if (del == NULL)
    return FALSE;

  crm_statement_bind_int64 (del, 1, owner_id);
  if (!crm_statement_run (del, error))
    return FALSE;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(CrmStatement) insert = crm_db_prepare (self->db, insert_sql, error);

      if (insert == NULL)
        return FALSE;

      crm_statement_bind_int64 (insert, 1, owner_id);
      crm_statement_bind_int64 (insert, 2, i);
      crm_statement_bind_text (insert, 3, values[i]);
      if (!crm_statement_run (insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_contact (CrmStore    *self,
               CrmContact  *contact,
               SaveData    *data,
               gint64       company_id,
               const char  *now,
               gint64      *contact_id,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_contact_get_id (contact);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE contacts SET company_id = ?2, name = ?3, position = ?4, "
                           "lifecycle = ?5, classification = ?6 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO contacts (company_id, name, position, lifecycle, classification, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_id (stmt, 2, company_id);
  crm_statement_bind_text (stmt, 3, data->contact_name);
  crm_statement_bind_text (stmt, 4, data->position);
  crm_statement_bind_text (stmt, 5, crm_contact_get_lifecycle (contact));
  crm_statement_bind_text (stmt, 6, crm_contact_get_classification (contact));
  if (id == 0)
    crm_statement_bind_text (stmt, 7, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *contact_id = id > 0 ? id : crm_db_last_insert_id (self->db);

  return write_strings (self,
                        "DELETE FROM contact_phones WHERE contact_id = ?1",
                        "INSERT INTO contact_phones (contact_id, position, number) VALUES (?1, ?2, ?3)",
                        *contact_id, (const char * const *)data->phones, error) &&
         write_strings (self,
                        "DELETE FROM contact_emails WHERE contact_id = ?1",
                        "INSERT INTO contact_emails (contact_id, position, address) VALUES (?1, ?2, ?3)",
                        *contact_id, (const char * const *)data->emails, error);
}

static gboolean
write_deal (CrmStore    *self,
            CrmDeal     *deal,
            SaveData    *data,
            gint64       contact_id,
            gint64       company_id,
            const char  *now,
            gint64      *deal_id,
            GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  gint64 id = crm_deal_get_id (deal);

  if (id > 0)
    stmt = crm_db_prepare (self->db,
                           "UPDATE deals SET title = ?2, contact_id = ?3, company_id = ?4, pipeline_id = ?5, "
                           "stage_id = ?6, amount = ?7, currency = ?8, owner_id = ?9, source = ?10, "
                           "next_step = ?11, expected_close = ?12, updated_at = ?13 WHERE id = ?1",
                           error);
  else
    stmt = crm_db_prepare (self->db,
                           "INSERT INTO deals (title, contact_id, company_id, pipeline_id, stage_id, amount, "
                           "currency, owner_id, source, next_step, expected_close, updated_at, created_at) "
                           "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    crm_statement_bind_int64 (stmt, 1, id);
  crm_statement_bind_text (stmt, 2, data->title);
  crm_statement_bind_id (stmt, 3, contact_id);
  crm_statement_bind_id (stmt, 4, company_id);
  crm_statement_bind_int64 (stmt, 5, data->pipeline_id);
  crm_statement_bind_int64 (stmt, 6, data->stage_id);
  crm_statement_bind_int64 (stmt, 7, crm_deal_get_amount (deal));
  crm_statement_bind_text (stmt, 8, crm_deal_get_currency (deal));
  crm_statement_bind_id (stmt, 9, crm_deal_get_owner_id (deal) > 0 ? crm_deal_get_owner_id (deal)
                                                                   : self->current_user_id);
  crm_statement_bind_text (stmt, 10, crm_deal_get_source (deal));
  crm_statement_bind_text (stmt, 11, data->next_step);
  crm_statement_bind_text (stmt, 12, crm_deal_get_expected_close (deal));
  crm_statement_bind_text (stmt, 13, now);

  if (!crm_statement_run (stmt, error))
    return FALSE;

  *deal_id = id > 0 ? id : crm_db_last_insert_id (self->db);
  return TRUE;
}

gboolean
_crm_store_write_fields (CrmStore    *self,
                         gint64       deal_id,
                         GHashTable  *fields,
                         GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  /* TW-6 on every path that writes fields: checked before the first
   * statement, inside the caller's transaction. */
  if (!_crm_store_check_payment_values (self, deal_id, fields, error))
    return FALSE;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(CrmStatement) stmt = NULL;

      if (value == NULL)
        stmt = crm_db_prepare (self->db,
                               "DELETE FROM deal_field_values WHERE deal_id = ?1 "
                               "AND field_id = (SELECT id FROM field_defs WHERE key = ?2)",
                               error);
      else
        stmt = crm_db_prepare (self->db,
                               "INSERT INTO deal_field_values (deal_id, field_id, value) "
                               "SELECT ?1, id, ?3 FROM field_defs WHERE key = ?2 "
                               "ON CONFLICT (deal_id, field_id) DO UPDATE SET value = excluded.value",
                               error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, deal_id);
      crm_statement_bind_text (stmt, 2, key);
      if (value != NULL)
        crm_statement_bind_text (stmt, 3, value);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_save_deal:
 * @self: a #CrmStore
 * @deal: the deal; id 0 creates it
 * @contact: (nullable): its contact, created when its id is 0 and it has a name
 * @company: (nullable): its company, likewise
 * @field_values: (nullable) (element-type utf8 utf8): custom field values by
 *   key; an empty value clears the field
 * @error: return location for a #GError
 *
 * Saves what the deal card edits in one transaction. Every value is checked
 * first (title, phones and emails through libphonenumber and the email
 * rules, custom fields against their type); on any problem nothing is
 * written and @error names it. On success the objects get their new ids.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_save_deal (CrmStore    *self,
                     CrmDeal     *deal,
                     CrmContact  *contact,
                     CrmCompany  *company,
                     GHashTable  *field_values,
                     GError     **error)
{
  g_auto(SaveData) data = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  gint64 old_stage_id = 0;
  gint64 final_stage_id = 0;
  g_autofree char *old_updated_at = NULL;
  g_autofree char *old_source = NULL;
  gint64 company_id;
  gint64 contact_id;
  gint64 deal_id = 0;
  gboolean creating;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_DEAL (deal), FALSE);

  if (!prepare_save (self, deal, contact, company, field_values, &data, error))
    return FALSE;

  creating = crm_deal_get_id (deal) == 0;
  if (!creating)
    {
      g_autoptr(CrmDeal) old = crm_store_load_deal (self, crm_deal_get_id (deal), error);

      if (old == NULL)
        return FALSE;
      old_stage_id = crm_deal_get_stage_id (old);
      old_updated_at = _crm_store_format_timestamp (crm_deal_get_updated_at (old));
      old_source = g_strdup (crm_deal_get_source (old));
    }

  /* A source given or changed must be one of the procedure's; one stored
   * before sources were checked does not stop other edits. */
  if ((creating || g_strcmp0 (old_source, crm_deal_get_source (deal)) != 0) &&
      !_crm_store_check_source_key (self, crm_deal_get_source (deal), error))
    return FALSE;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  company_id = crm_deal_get_company_id (deal);
  contact_id = crm_deal_get_contact_id (deal);

  if (!crm_db_begin (self->db, error))
    return FALSE;

  if ((data.company_name != NULL &&
       !write_company (self, company, &data, now_text, &company_id, error)) ||
      (data.contact_name != NULL &&
       !write_contact (self, contact, &data, company_id, now_text, &contact_id, error)) ||
      !write_deal (self, deal, &data, contact_id, company_id, now_text, &deal_id, error) ||
      !_crm_store_write_fields (self, deal_id, data.fields, error) ||
      ((creating || old_stage_id != data.stage_id) &&
       !_crm_store_enter_stage_checked (self, deal_id, old_stage_id, data.stage_id, creating, now,
                                        &final_stage_id, error)) ||
      !_crm_store_add_audit (self, creating ? "create" : "update", "deal", deal_id, NULL, NULL, now_text, error) ||
      (old_stage_id != 0 && old_stage_id != data.stage_id &&
       !_crm_store_add_audit (self, "move", "deal", deal_id,
                              _crm_store_stage_key (self, old_stage_id),
                              _crm_store_stage_key (self, data.stage_id), now_text, error)) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  /* Only a committed save changes the caller's objects. */
  if (company != NULL && data.company_name != NULL)
    crm_company_set_id (company, company_id);
  if (contact != NULL && data.contact_name != NULL)
    {
      crm_contact_set_id (contact, contact_id);
      crm_contact_set_company_id (contact, company_id);
      crm_contact_set_phones (contact, (const char * const *)data.phones);
      crm_contact_set_emails (contact, (const char * const *)data.emails);
    }
  crm_deal_set_id (deal, deal_id);
  crm_deal_set_title (deal, data.title);
  crm_deal_set_pipeline_id (deal, data.pipeline_id);
  /* A stage's rule may have passed the deal on (AXL-8). */
  if (final_stage_id != 0 && final_stage_id != data.stage_id)
    {
      data.stage_id = final_stage_id;
      data.pipeline_id = crm_stage_get_pipeline_id (crm_store_find_stage (self, final_stage_id));
      crm_deal_set_pipeline_id (deal, data.pipeline_id);
    }
  crm_deal_set_stage_id (deal, data.stage_id);
  crm_deal_set_contact_id (deal, contact_id);
  crm_deal_set_company_id (deal, company_id);
  crm_deal_set_updated_at (deal, now);
  if (creating)
    crm_deal_set_created_at (deal, now);

  _crm_store_relocate_in_lists (self, deal_id, old_stage_id, old_updated_at, data.stage_id, now_text);

  g_signal_emit (self, signals [DEAL_CHANGED], 0, deal_id);
  return TRUE;
}

/**
 * _crm_store_insert_deal:
 * @self: a #CrmStore
 * @deal: a new deal, its contact and company given by id
 * @now: the time of the write
 * @error: return location for a #GError
 *
 * crm_store_save_deal() for a new deal without contact or company objects,
 * inside the caller's transaction, so that a lead and its deal (AXL-1,
 * HS-3) are written together or not at all. The same checks and the first
 * stage's rules apply. @deal gets its id and stage; once the transaction
 * is committed, _crm_store_announce_new_deal() tells the board.
 *
 * Returns: %TRUE on success; the caller rolls back otherwise
 */
gboolean
_crm_store_insert_deal (CrmStore    *self,
                        CrmDeal     *deal,
                        GDateTime   *now,
                        GError     **error)
{
  g_auto(SaveData) data = { 0 };
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  gint64 final_stage_id = 0;
  gint64 deal_id = 0;

  g_return_val_if_fail (crm_deal_get_id (deal) == 0, FALSE);
  g_return_val_if_fail (crm_db_in_transaction (self->db), FALSE);

  if (!_crm_store_check_source_key (self, crm_deal_get_source (deal), error) ||
      !prepare_save (self, deal, NULL, NULL, NULL, &data, error) ||
      !write_deal (self, deal, &data, crm_deal_get_contact_id (deal), crm_deal_get_company_id (deal),
                   now_text, &deal_id, error) ||
      !_crm_store_enter_stage_checked (self, deal_id, 0, data.stage_id, TRUE, now, &final_stage_id, error) ||
      !_crm_store_add_audit (self, "create", "deal", deal_id, NULL, NULL, now_text, error))
    return FALSE;

  if (final_stage_id != 0)
    data.stage_id = final_stage_id;

  crm_deal_set_id (deal, deal_id);
  crm_deal_set_title (deal, data.title);
  crm_deal_set_stage_id (deal, data.stage_id);
  crm_deal_set_pipeline_id (deal, crm_stage_get_pipeline_id (crm_store_find_stage (self, data.stage_id)));
  crm_deal_set_updated_at (deal, now);
  crm_deal_set_created_at (deal, now);

  return TRUE;
}

/* After the commit of _crm_store_insert_deal(). */
void
_crm_store_announce_new_deal (CrmStore *self,
                              CrmDeal  *deal)
{
  g_autofree char *now_text = _crm_store_format_timestamp (crm_deal_get_updated_at (deal));

  _crm_store_relocate_in_lists (self, crm_deal_get_id (deal), 0, NULL, crm_deal_get_stage_id (deal), now_text);
  g_signal_emit (self, signals [DEAL_CHANGED], 0, crm_deal_get_id (deal));
}

/**
 * crm_store_move_deal:
 * @self: a #CrmStore
 * @deal_id: the deal to move
 * @stage_id: the stage to move it to, in the deal's pipeline
 * @previous_stage_id: (out) (optional): where the deal was, for undo
 * @error: return location for a #GError
 *
 * Moves a deal to another stage through the procedure engine, with no
 * values to fill in: a stage whose rules require a field the deal lacks is
 * refused with %CRM_STORE_ERROR_MISSING_FIELDS. See
 * crm_store_move_deal_with_values().
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_move_deal (CrmStore  *self,
                     gint64     deal_id,
                     gint64     stage_id,
                     gint64    *previous_stage_id,
                     GError   **error)
{
  return crm_store_move_deal_with_values (self, deal_id, stage_id, NULL, previous_stage_id, error);
}

void
_crm_store_emit_deal_changed (CrmStore *self,
                              gint64    deal_id)
{
  g_autoptr(CrmDeal) fresh = NULL;
  GHashTableIter iter;
  gpointer list;

  /* A task added or closed changes what a card warns about (RAD-5, RAD-6)
   * without moving the deal: the lists' copy of the deal learns it here,
   * once, and the card follows its deal's notifications. */
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    {
      CrmDeal *cached = _crm_deal_list_lookup (list, deal_id);

      if (cached == NULL)
        continue;

      if (fresh == NULL)
        fresh = crm_store_load_deal (self, deal_id, NULL);
      if (fresh == NULL)
        break;

      crm_deal_set_next_task_due (cached, crm_deal_get_next_task_due (fresh));
      crm_deal_set_stage_kind (cached, crm_deal_get_stage_kind (fresh));
    }

  g_signal_emit (self, signals [DEAL_CHANGED], 0, deal_id);
}

/**
 * crm_store_reload:
 * @self: a #CrmStore
 * @error: return location for a #GError
 *
 * Reads users and pipelines again and reloads every live stage list, after
 * a bulk write that went around the store (demo data, an import).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_reload (CrmStore  *self,
                  GError   **error)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!load_users (self, error) || !_crm_store_load_pipelines (self, error))
    return FALSE;

  if (self->current_user_id == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->users)) > 0)
    {
      g_autoptr(CrmUser) first = g_list_model_get_item (G_LIST_MODEL (self->users), 0);

      crm_store_set_current_user (self, crm_user_get_id (first));
    }

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    crm_deal_list_reload (value);

  return TRUE;
}
