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
/* SCHED_IDLE, for the integrity check's thread. */
#define _GNU_SOURCE

#include "config.h"

#include <sched.h>

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
  PROP_ONLINE,
  N_PROPS
};

enum {
  DEAL_CHANGED,
  QUOTES_CHANGED,
  LEADS_CHANGED,
  ACTIVITIES_CHANGED,
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

/* After rows written with ids of their own (an import, the bulk demo):
 * SQLite's next rowid follows the largest by itself, but a PostgreSQL
 * identity would hand those ids out again, so it is moved past them. A
 * table's name cannot be a parameter, so each table the writers give ids
 * to has its statement written out here. */
static const struct
{
  const char *table;
  const char *sql;
} follow_statements[] = {
  { "companies", "SELECT setval (pg_get_serial_sequence ('companies', 'id'), "
                 "coalesce (max (id), 0) + 1, false) FROM companies" },
  { "contacts",  "SELECT setval (pg_get_serial_sequence ('contacts', 'id'), "
                 "coalesce (max (id), 0) + 1, false) FROM contacts" },
  { "deals",     "SELECT setval (pg_get_serial_sequence ('deals', 'id'), "
                 "coalesce (max (id), 0) + 1, false) FROM deals" },
};

gboolean
_crm_store_follow_given_ids (CrmDb       *db,
                             const char  *table,
                             GError     **error)
{
  if (!crm_db_is_postgresql (db))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (follow_statements); i++)
    if (g_str_equal (follow_statements[i].table, table))
      return crm_db_exec (db, follow_statements[i].sql, error);

  g_assert_not_reached ();
}

/* The check reads every page of the file, some 5 ms a megabyte: seconds
 * for a large one, while the window builds its first frames and the
 * board's worker reads its pages. It runs on a thread of its own at the
 * idle priority, so that on a machine with two cores it takes only what
 * the window and the worker leave (issue 12: no frame waits for it). A
 * pool thread would keep that priority for later work, and an
 * unprivileged thread cannot take it back. */
static gpointer
check_integrity_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(CrmDb) db = NULL;
  GError *error = NULL;

#ifdef SCHED_IDLE
  {
    struct sched_param param = { 0 };

    /* For this thread alone (0: the caller); failing is harmless. */
    sched_setscheduler (0, SCHED_IDLE, &param);
  }
#endif

  /* A connection of its own: the store's stays on the main thread. */
  db = crm_db_open_read_only (g_task_get_task_data (task), &error);
  if (db == NULL || !_crm_store_check_integrity (db, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  return NULL;
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
  GTask *task = g_task_new (self, NULL, check_integrity_cb, NULL);

  g_task_set_source_tag (task, check_integrity_in_background);
  g_task_set_task_data (task, g_strdup (crm_db_get_path (self->db)), g_free);
  /* The thread owns the task; its result comes back to this context. */
  g_thread_unref (g_thread_new ("deals-integrity", check_integrity_thread, task));
}

/* SQLite's schema version is its user_version; PostgreSQL has none, so
 * there it is a row of meta. Either is written in the migration's own
 * transaction. */
static gboolean
write_schema_version (CrmStore  *self,
                      guint      version,
                      GError   **error)
{
  g_autofree char *text = NULL;

  if (crm_db_is_postgresql (self->db))
    {
      text = g_strdup_printf ("%u", version);
      return _crm_store_write_meta (self, "schema-version", text, error);
    }

  /* PRAGMA takes no parameters; the number comes from the program. */
  text = g_strdup_printf ("PRAGMA user_version = %u", version);
  return crm_db_exec (self->db, text, error);
}

/* PostgreSQL's migrations are the same, one for one, in its dialect. */
static const char *
migrations_path (CrmStore *self)
{
  return crm_db_is_postgresql (self->db) ? CRM_STORE_MIGRATIONS_PATH_POSTGRESQL
                                         : CRM_STORE_MIGRATIONS_PATH;
}

static gboolean
apply_migration (CrmStore    *self,
                 const char  *name,
                 guint        version,
                 GError     **error)
{
  g_autofree char *path = g_build_path ("/", migrations_path (self), name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;

  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return FALSE;

  script = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!crm_db_begin (self->db, error))
    return FALSE;

  if (!crm_db_exec (self->db, script, error) ||
      !_crm_store_write_meta (self, "application", CRM_STORE_APPLICATION_MARK, error) ||
      !write_schema_version (self, version, error) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  g_debug ("Migrated %s to schema %u", crm_db_get_path (self->db), version);
  return TRUE;
}

/* Migrations run as the connecting role. On a server only the schema's
 * owner (or a role acting as it) may upgrade it: for anyone else the
 * first ALTER would fail with the server's "must be owner", half way
 * through nothing, so a rep opening an older schema is told whom to ask. */
static gboolean
may_migrate_server (CrmStore  *self,
                    guint      from_version,
                    guint      to_version,
                    GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "SELECT pg_has_role (session_user, c.relowner, 'USAGE'), pg_get_userbyid (c.relowner) "
                         "FROM pg_class c WHERE c.oid = 'meta'::regclass",
                         error);
  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  if (crm_statement_get_int64 (stmt, 0) != 0)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_OLD_SCHEMA,
               /* Translators: the database, its schema version, this Deals' version, the owner's role */
               _("“%s” has schema %u and this Deals needs schema %u. Only its owner can upgrade it: ask your administrator to open it once as “%s”."),
               crm_db_get_path (self->db), from_version, to_version,
               crm_statement_get_text (stmt, 1));
  return FALSE;
}

static gboolean
migrate (CrmStore  *self,
         guint      from_version,
         GError   **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (migrations_path (self), 0, error);
  guint n_names;

  if (names == NULL)
    return FALSE;

  n_names = g_strv_length (names);
  qsort (names, n_names, sizeof (char *), compare_strings);

  if (crm_db_is_postgresql (self->db) && from_version > 0 && from_version < n_names &&
      !may_migrate_server (self, from_version, n_names, error))
    return FALSE;

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

/* Where a deal whose row is not in the list's window stands or stood:
 * a count on the deals_stage_order index, up to that position. */
static gboolean
count_position (CrmStore    *self,
                CrmDealList *list,
                const char  *key,
                gint64       deal_id,
                guint       *position)
{
  return _crm_deal_list_locate (list, key, deal_id, position) ||
         position_in_stage (self, crm_deal_list_get_stage_id (list), key, deal_id, position);
}

static CrmDeal *
leave_list (CrmStore    *self,
            CrmDealList *list,
            gint64       deal_id,
            const char  *old_key,
            const char  *new_key,
            gboolean     stays)
{
  g_autoptr(CrmDeal) copy = NULL;
  CrmDeal *found;
  guint removed;

  if ((found = _crm_deal_list_find (list, deal_id, &removed)) != NULL)
    copy = g_object_ref (found);
  else if (old_key == NULL || !position_in_stage (self, crm_deal_list_get_stage_id (list), old_key, deal_id, &removed))
    {
      crm_deal_list_reload (list);
      return NULL;
    }
  else if (stays && new_key != NULL && strcmp (new_key, old_key) > 0)
    /* The count ran after the commit, and the deal itself now sorts
     * before its old place in the same stage. */
    removed--;

  _crm_deal_list_remove (list, removed, copy);
  return g_steal_pointer (&copy);
}

/* After a committed change, tells the live lists of the two stages where
 * the deal left and where it arrived, so each changes by one row, and the
 * totals by the deal's amount. The deal's object goes along: the card the
 * rep dragged keeps its object in the new column. With the deal in the
 * list's window, this costs one query, the row as committed. */
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
  g_autoptr(CrmDeal) fresh = NULL;
  g_autoptr(CrmDeal) copy = NULL;
  g_autofree char *key = NULL;
  guint added;

  if (old_list == NULL && new_list == NULL)
    return;

  /* Only the column the deal arrives in needs its row. */
  if (new_list != NULL)
    fresh = _crm_store_read_card_row (self, deal_id, &key);
  if (old_list != NULL)
    copy = leave_list (self, old_list, deal_id, old_updated_at, key, old_list == new_list);

  if (new_list == NULL)
    return;

  if (fresh == NULL || !count_position (self, new_list, key, deal_id, &added))
    {
      crm_deal_list_reload (new_list);
      return;
    }

  if (copy != NULL)
    crm_deal_update_from (copy, fresh);
  _crm_deal_list_insert (new_list, added, copy != NULL ? copy : fresh, key);
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

  _crm_store_stop_following (self);
  _crm_store_stop_reconnecting (self);

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
  g_clear_pointer (&self->reader, _crm_store_reader_free);
  g_clear_error (&self->integrity_error);
  g_clear_error (&self->owner_error);
  g_clear_error (&self->offline_error);
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

    case PROP_ONLINE:
      g_value_set_boolean (value, crm_store_is_online (self));
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

  /**
   * CrmStore:online:
   *
   * Whether the team server is reachable. While it is not, every write
   * is refused with crm_store_get_offline_error()'s message, the lists
   * keep what they hold, and the store connects again by itself
   * (crm-store-offline.c). A file is always online.
   */
  properties [PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmStore::deal-changed:
   * @self: a #CrmStore
   * @deal_id: the deal that was created, edited or moved
   *
   * Emitted after a transaction that changed a deal has committed. The
   * detail says whose: `local` for this store's own writes, `remote` for
   * another session's on a team server (crm-store-live.c). A deal card
   * takes in its own writes (`deal-changed::local`) and leaves another
   * person's to the conflict check of its save.
   */
  signals [DEAL_CHANGED] =
    g_signal_new ("deal-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CrmStore::quotes-changed:
   * @self: a #CrmStore
   * @deal_id: the deal whose quotes changed
   *
   * Emitted after a transaction that created, saved, sent, revised or
   * changed the state of one of the deal's quotes has committed.
   */
  signals [QUOTES_CHANGED] =
    g_signal_new ("quotes-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CrmStore::leads-changed:
   * @self: a #CrmStore
   *
   * Emitted after a transaction that may have changed which contacts are
   * leads to classify has committed: a lead added, imported or
   * classified, or a contact's lifecycle changed by a deal (HS-4). A
   * board move between open stages emits none.
   */
  signals [LEADS_CHANGED] =
    g_signal_new ("leads-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CrmStore::activities-changed:
   * @self: a #CrmStore
   *
   * Emitted after a transaction that logged an activity (a call, a
   * letter, a note, a document sent) has committed: what the daily
   * quota counts (RAD-4).
   */
  signals [ACTIVITIES_CHANGED] =
    g_signal_new ("activities-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
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

/* The store's own, for crm-store-offline.c. */
void
_crm_store_notify_online (CrmStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ONLINE]);
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

  /* Only now, with the file known to be ours, may anything be written. A
   * server keeps its own journal. */
  if ((!crm_db_is_postgresql (self->db) &&
       !crm_db_exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error)) ||
      !migrate (self, version, error) ||
      !load_procedure (self, error) ||
      !_crm_store_load_users (self, error) ||
      !_crm_store_load_pipelines (self, error))
    return NULL;

  if (!_crm_store_sign_in_owner (self, error))
    return NULL;

  if (background_check)
    check_integrity_in_background (self);

  _crm_store_follow_others (self);
  _crm_store_watch_connection (self);

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

/**
 * crm_store_is_team_server:
 * @self: a #CrmStore
 *
 * Whether @self is a team server's database, where people sign in as
 * login roles of their own (a new person is given one), rather than a
 * file whose one person is its owner.
 *
 * Returns: %TRUE on a PostgreSQL server
 */
gboolean
crm_store_is_team_server (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return crm_db_is_postgresql (self->db);
}

const char *
crm_store_get_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return crm_db_get_path (self->db);
}

/* The connection, for the store's parts and for white-box tests. */
CrmDb *
_crm_store_get_db (CrmStore *self)
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
  /* What a rolled-back transaction noted was never written. */
  self->pending_changes = 0;

  /* Offline, refused at once, with the one message. */
  if (self->offline_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->offline_error));
      return FALSE;
    }

  return crm_db_begin (self->db, error);
}

/* Inside a transaction: @what changed, to be announced after the commit. */
void
_crm_store_note_change (CrmStore        *self,
                        CrmStoreChanged  what)
{
  self->pending_changes |= what;
}

/* After a commit: the signals of what its transaction noted, once each.
 * The deal and quote announcements call it, so a write that announces a
 * deal announces the rest with it. */
void
_crm_store_announce_changes (CrmStore *self)
{
  guint changes = self->pending_changes;

  self->pending_changes = 0;
  if (changes & CRM_STORE_CHANGED_LEADS)
    g_signal_emit (self, signals [LEADS_CHANGED], 0);
  if (changes & CRM_STORE_CHANGED_ACTIVITIES)
    g_signal_emit (self, signals [ACTIVITIES_CHANGED], 0);
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

  /* Nobody is signed in to another account's file: say whose it is. */
  if (self->owner_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->owner_error));
      return FALSE;
    }

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

/* The current user changed: signed in on opening, or their role changed
 * (crm-store-users.c). */
void
_crm_store_notify_current_user (CrmStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_USER]);
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
      (first_user && !_crm_store_insert_user (self, g_get_real_name (), CRM_ROLE_MANAGER, error)) ||
      !crm_db_commit (self->db, error))
    {
      crm_db_rollback (self->db);
      return FALSE;
    }

  self->procedure = g_object_ref (procedure);

  if (!_crm_store_load_users (self, error) || !_crm_store_load_pipelines (self, error))
    return FALSE;

  /* The person who set the department up is its first manager, and the
   * file's owner from now on. */
  if (!_crm_store_sign_in_owner (self, error))
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROCEDURE]);
  return TRUE;
}

/**
 * crm_store_get_stage_deals:
 * @self: a #CrmStore
 * @stage_id: a stage
 *
 * Returns the live list of a stage's deals. The store keeps it current:
 * a move or an edit changes the row it touches. The list counts its stage
 * and reads its rows on the store's worker thread, so it is empty (and
 * #CrmDealList:loading) until the main loop has run.
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

/* Only the signal: for a save, whose lists are already relocated and
 * whose copies of the deal were updated with it. */
void
_crm_store_signal_deal_changed (CrmStore *self,
                                gint64    deal_id)
{
  g_signal_emit (self, signals [DEAL_CHANGED], g_quark_from_static_string ("local"), deal_id);
  _crm_store_announce_changes (self);
}

/* Another session committed a change of the deal (crm-store-live.c); the
 * lists have followed it already. */
void
_crm_store_signal_remote_deal_changed (CrmStore *self,
                                       gint64    deal_id)
{
  g_signal_emit (self, signals [DEAL_CHANGED], g_quark_from_static_string ("remote"), deal_id);
  _crm_store_announce_changes (self);
}

/* After a committed quote write (crm-store-quotes.c). */
void
_crm_store_emit_quotes_changed (CrmStore *self,
                                gint64    deal_id)
{
  g_signal_emit (self, signals [QUOTES_CHANGED], 0, deal_id);
  _crm_store_announce_changes (self);
}

void
_crm_store_emit_deal_changed (CrmStore *self,
                              gint64    deal_id)
{
  g_autoptr(CrmDeal) fresh = NULL;
  g_autofree char *key = NULL;
  GHashTableIter iter;
  gpointer list;

  /* A task added or closed changes what a card warns about (RAD-5, RAD-6)
   * without moving the deal: the lists' copy of the deal learns it here,
   * once, and the card follows its deal's notifications. */
  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    {
      CrmDeal *cached = _crm_deal_list_find (list, deal_id, NULL);

      if (cached == NULL)
        continue;

      if (fresh == NULL)
        fresh = _crm_store_read_card_row (self, deal_id, &key);
      if (fresh == NULL)
        break;

      _crm_deal_list_update (list, cached, fresh);
    }

  g_signal_emit (self, signals [DEAL_CHANGED], g_quark_from_static_string ("local"), deal_id);
  _crm_store_announce_changes (self);
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

  if (!_crm_store_load_users (self, error) || !_crm_store_load_pipelines (self, error))
    return FALSE;

  if (!_crm_store_sign_in_owner (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    crm_deal_list_reload (value);

  return TRUE;
}
