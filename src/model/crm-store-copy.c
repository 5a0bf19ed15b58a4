/* crm-store-copy.c
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

#define G_LOG_DOMAIN "crm-store-copy"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-store-copy.h"
#include "crm-store-private.h"
#include "crm-user.h"

/*
 * Moving a file to a team server (issue 10, item 3): every table of an
 * SQLite store is copied into an empty Deals database on a PostgreSQL
 * server, in one transaction of the server's, with the rows' ids kept.
 *
 * The tables and their columns are the server's schema, read from its
 * catalogue after it was migrated to the file's version: what the server
 * has is what a server store reads, so nothing it needs is left behind,
 * and a table of the file that the server lacks is refused rather than
 * dropped. Names are read from the catalogue, never from outside, and are
 * quoted where a statement needs them (a name cannot be a parameter);
 * every value is a bound parameter.
 */

/* What derives from other tables is rebuilt by the server's own triggers
 * as the rows arrive, and only counted. */
static const char * const derived_tables[] = { "search_index", NULL };

/* The marks a migrated database already has; the file's other settings
 * are copied. */
#define META_FILTER " WHERE key NOT IN ('application', 'schema-version')"

typedef struct
{
  char      *name;
  GPtrArray *columns;     /* char*, in the table's order */
  GArray    *kinds;       /* ColumnKind, one per column */
  int        identity;    /* the identity column's index, or -1 */
  gint64     max_id;
  gboolean   derived;
} CopyTable;

typedef enum
{
  COLUMN_TEXT,
  COLUMN_INTEGER,
  COLUMN_BYTES,
} ColumnKind;

G_DEFINE_QUARK (crm-store-copy-error-quark, crm_store_copy_error)

static void
copy_table_free (gpointer data)
{
  CopyTable *table = data;

  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_array_unref (table->kinds);
  g_free (table);
}

static void
copy_count_free (gpointer data)
{
  CrmStoreCopyCount *count = data;

  g_free (count->table);
  g_free (count);
}

/* A name from the catalogue as SQL writes it: in double quotes, any quote
 * in it doubled. */
static char *
quote_name (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

static ColumnKind
kind_of_type (const char *data_type)
{
  if (g_strcmp0 (data_type, "bigint") == 0 || g_strcmp0 (data_type, "integer") == 0 ||
      g_strcmp0 (data_type, "smallint") == 0)
    return COLUMN_INTEGER;
  if (g_strcmp0 (data_type, "bytea") == 0)
    return COLUMN_BYTES;
  return COLUMN_TEXT;
}

static gboolean
read_columns (CrmDb      *target,
              CopyTable  *table,
              GError    **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  /* A generated column (the search document) is the server's to compute. */
  stmt = crm_db_prepare (target,
                         "SELECT column_name, data_type, is_identity FROM information_schema.columns "
                         "WHERE table_schema = current_schema () AND table_name = ?1 "
                         "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, table->name);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      ColumnKind kind = kind_of_type (crm_statement_get_text (stmt, 1));

      if (g_strcmp0 (crm_statement_get_text (stmt, 2), "YES") == 0)
        table->identity = (int)table->columns->len;
      g_ptr_array_add (table->columns, g_strdup (crm_statement_get_text (stmt, 0)));
      g_array_append_val (table->kinds, kind);
    }

  return step == CRM_STEP_DONE;
}

static GPtrArray *
read_target_tables (CrmDb   *target,
                    GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (copy_table_free);
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (target,
                         "SELECT table_name FROM information_schema.tables "
                         "WHERE table_schema = current_schema () AND table_type = 'BASE TABLE' "
                         "ORDER BY table_name",
                         error);
  if (stmt == NULL)
    return NULL;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      CopyTable *table = g_new0 (CopyTable, 1);

      if (tables->len >= CRM_STORE_COPY_MAX_TABLES)
        {
          g_free (table);
          g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA,
                       _("The server’s database has more than %d tables: it is not a Deals database."),
                       CRM_STORE_COPY_MAX_TABLES);
          return NULL;
        }

      table->name = g_strdup (crm_statement_get_text (stmt, 0));
      table->columns = g_ptr_array_new_with_free_func (g_free);
      table->kinds = g_array_new (FALSE, FALSE, sizeof (ColumnKind));
      table->identity = -1;
      table->derived = g_strv_contains (derived_tables, table->name);
      g_ptr_array_add (tables, table);
    }
  if (step != CRM_STEP_DONE)
    return NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      if (!read_columns (target, g_ptr_array_index (tables, i), error))
        return NULL;
    }

  return g_steal_pointer (&tables);
}

static CopyTable *
find_table (GPtrArray  *tables,
            const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);

      if (g_strcmp0 (table->name, name) == 0)
        return table;
    }

  return NULL;
}

/* The tables a table's foreign keys point at, other than itself (its own
 * rows arrive in id order, parents first). */
static GHashTable *
read_references (CrmDb   *target,
                 GError **error)
{
  g_autoptr(GHashTable) references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (target,
                         "SELECT child.relname, parent.relname FROM pg_catalog.pg_constraint c "
                         "JOIN pg_catalog.pg_class child ON child.oid = c.conrelid "
                         "JOIN pg_catalog.pg_class parent ON parent.oid = c.confrelid "
                         "WHERE c.contype = 'f' AND c.conrelid <> c.confrelid "
                         "AND child.relnamespace = current_schema ()::regnamespace",
                         error);
  if (stmt == NULL)
    return NULL;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      const char *child = crm_statement_get_text (stmt, 0);
      GPtrArray *parents = g_hash_table_lookup (references, child);

      if (parents == NULL)
        {
          parents = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (references, g_strdup (child), parents);
        }
      g_ptr_array_add (parents, g_strdup (crm_statement_get_text (stmt, 1)));
    }

  return step == CRM_STEP_DONE ? g_steal_pointer (&references) : NULL;
}

static gboolean
all_placed (GPtrArray  *parents,
            GHashTable *placed)
{
  for (guint i = 0; parents != NULL && i < parents->len; i++)
    {
      if (!g_hash_table_contains (placed, g_ptr_array_index (parents, i)))
        return FALSE;
    }

  return TRUE;
}

/* The tables in an order where every row's parents are there before it:
 * the server checks each foreign key as the row arrives. */
static GPtrArray *
order_by_references (CrmDb      *target,
                     GPtrArray  *tables,
                     GError    **error)
{
  g_autoptr(GHashTable) references = read_references (target, error);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  if (references == NULL)
    return NULL;

  while (ordered->len < tables->len)
    {
      guint before = ordered->len;

      for (guint i = 0; i < tables->len; i++)
        {
          CopyTable *table = g_ptr_array_index (tables, i);

          if (!g_hash_table_contains (placed, table->name) &&
              all_placed (g_hash_table_lookup (references, table->name), placed))
            {
              g_ptr_array_add (ordered, table);
              g_hash_table_add (placed, table->name);
            }
        }

      if (ordered->len == before)
        {
          g_set_error_literal (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA,
                               _("The server’s tables refer to each other in a circle; Deals’ never do."));
          return NULL;
        }
    }

  return g_steal_pointer (&ordered);
}

/* Every table of the file is one the server has: one it lacks would be
 * left behind without a word. SQLite's own tables and the shadow tables of
 * the full-text index are not the store's. */
static gboolean
check_source_tables (CrmDb      *source,
                     GPtrArray  *tables,
                     GError    **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (source,
                         "SELECT t.name FROM sqlite_schema t WHERE t.type = 'table' "
                         "AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                         "AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' "
                         "AND v.sql LIKE 'CREATE VIRTUAL TABLE%' "
                         "AND t.name LIKE v.name || '\\_%' ESCAPE '\\')",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      const char *name = crm_statement_get_text (stmt, 0);

      if (find_table (tables, name) == NULL)
        {
          g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA,
                       _("The server’s database has no table “%s”, which the file has. Nothing was copied."),
                       name);
          return FALSE;
        }
    }

  return step == CRM_STEP_DONE;
}

static gboolean
count_rows (CrmDb      *db,
            CopyTable  *table,
            gint64     *count,
            GError    **error)
{
  g_autofree char *name = quote_name (table->name);
  g_autofree char *sql = NULL;
  g_autoptr(CrmStatement) stmt = NULL;

  sql = g_strdup_printf ("SELECT count(*) FROM %s%s", name,
                         g_str_equal (table->name, "meta") ? META_FILTER : "");
  stmt = crm_db_prepare (db, sql, error);
  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  *count = crm_statement_get_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_target_empty (CrmDb      *target,
                    GPtrArray  *tables,
                    GError    **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      gint64 count = 0;

      if (!count_rows (target, table, &count, error))
        return FALSE;

      if (count > 0)
        {
          g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_NOT_EMPTY,
                       /* Translators: %s is a table, %lld its rows */
                       _("The server’s database is not empty (its table “%s” has %lld rows): "
                         "a file is copied only into an empty one. Nothing was copied."),
                       table->name, (long long)count);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
column_list (CopyTable  *table,
             gboolean    placeholders)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < table->columns->len; i++)
    {
      g_autofree char *name = quote_name (g_ptr_array_index (table->columns, i));

      if (i > 0)
        g_string_append (list, ", ");
      if (placeholders)
        g_string_append_printf (list, "?%u", i + 1);
      else
        g_string_append (list, name);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
value_too_large (CopyTable  *table,
                 guint       column,
                 gsize       size,
                 GError    **error)
{
  if (size <= CRM_STORE_COPY_MAX_VALUE)
    return FALSE;

  g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_TOO_LARGE,
               /* Translators: a table and its column, then the limit in MiB */
               _("A value in %s.%s is larger than %d MiB. Nothing was copied."),
               table->name, (const char *)g_ptr_array_index (table->columns, column),
               CRM_STORE_COPY_MAX_VALUE / (1024 * 1024));
  return TRUE;
}

/* One source row's value into the insert's parameter @column + 1. */
static gboolean
bind_value (CrmStatement  *from,
            CrmStatement  *to,
            CopyTable     *table,
            guint          column,
            GError       **error)
{
  ColumnKind kind = g_array_index (table->kinds, ColumnKind, column);
  int index = (int)column + 1;

  if (crm_statement_is_null (from, (int)column))
    {
      crm_statement_bind_text (to, index, NULL);
      return TRUE;
    }

  if (kind == COLUMN_INTEGER)
    {
      gint64 value = crm_statement_get_int64 (from, (int)column);

      if ((int)column == table->identity)
        table->max_id = MAX (table->max_id, value);
      crm_statement_bind_int64 (to, index, value);
    }
  else if (kind == COLUMN_BYTES)
    {
      g_autoptr(GBytes) bytes = crm_statement_dup_bytes (from, (int)column);

      if (value_too_large (table, column, g_bytes_get_size (bytes), error))
        return FALSE;
      crm_statement_bind_bytes (to, index, bytes);
    }
  else
    {
      const char *text = crm_statement_get_text (from, (int)column);

      if (value_too_large (table, column, strnlen (text, CRM_STORE_COPY_MAX_VALUE + 1), error))
        return FALSE;
      crm_statement_bind_text (to, index, text);
    }

  return TRUE;
}

static gboolean
copy_rows (CrmDb      *source,
           CrmDb      *target,
           CopyTable  *table,
           GError    **error)
{
  g_autofree char *name = quote_name (table->name);
  g_autofree char *columns = column_list (table, FALSE);
  g_autofree char *parameters = column_list (table, TRUE);
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  g_autoptr(CrmStatement) from = NULL;
  gboolean meta = g_str_equal (table->name, "meta");
  CrmStep step;

  /* In rowid order: a row that refers to one of its own table (a
   * revision) comes after it. */
  select_sql = g_strdup_printf ("SELECT %s FROM %s%s ORDER BY rowid", columns, name,
                                meta ? META_FILTER : "");
  insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", name, columns, parameters);
  from = crm_db_prepare (source, select_sql, error);
  if (from == NULL)
    return FALSE;

  while ((step = crm_statement_step (from, error)) == CRM_STEP_ROW)
    {
      /* The cache gives the prepared insert back, reset, for each row. */
      g_autoptr(CrmStatement) to = crm_db_prepare (target, insert_sql, error);

      if (to == NULL)
        return FALSE;
      for (guint i = 0; i < table->columns->len; i++)
        {
          if (!bind_value (from, to, table, i, error))
            return FALSE;
        }
      if (!crm_statement_run (to, error))
        return FALSE;
    }

  return step == CRM_STEP_DONE;
}

/* The ids came with the rows, so the identity's sequence never moved: it
 * goes on from the largest, or starts at 1 for an empty table. */
static gboolean
reset_sequence (CrmDb      *target,
                CopyTable  *table,
                GError    **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  if (table->identity < 0)
    return TRUE;

  stmt = crm_db_prepare (target, "SELECT setval (pg_get_serial_sequence (?1, ?2), ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, table->name);
  crm_statement_bind_text (stmt, 2, g_ptr_array_index (table->columns, table->identity));
  crm_statement_bind_int64 (stmt, 3, MAX (table->max_id, 1));
  crm_statement_bind_int64 (stmt, 4, table->max_id > 0);
  return crm_statement_step (stmt, error) == CRM_STEP_ROW;
}

/* Both sides counted, the server's inside the copy's transaction: any
 * difference undoes the copy. */
static GPtrArray *
verify_counts (CrmDb      *source,
               CrmDb      *target,
               GPtrArray  *tables,
               GError    **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (copy_count_free);
  g_autoptr(GString) differ = g_string_new (NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);
      CrmStoreCopyCount *count = g_new0 (CrmStoreCopyCount, 1);

      count->table = g_strdup (table->name);
      g_ptr_array_add (counts, count);
      if (!count_rows (source, table, &count->source_rows, error) ||
          !count_rows (target, table, &count->target_rows, error))
        return NULL;

      if (count->source_rows != count->target_rows)
        g_string_append_printf (differ, "%s%s %lld ≠ %lld", differ->len ? ", " : "", table->name,
                                (long long)count->source_rows, (long long)count->target_rows);
    }

  if (differ->len > 0)
    {
      g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_MISMATCH,
                   /* Translators: %s lists tables with the file's and the server's rows */
                   _("The rows copied do not add up (%s), so the copy was undone."), differ->str);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* A file's logins are accounts of its computer, not the server's login
 * roles: the person copying (the file's owner, else its first manager)
 * becomes the login role that copies, who owns the new database and is
 * its first manager; nobody else keeps a login, so an account name that
 * happens to be a role's signs nobody in. A manager gives the others
 * theirs by adding them. */
static gboolean
bind_copier (CrmDb    *target,
             gint64    owner_id,
             GError  **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (target,
                         "UPDATE users SET login = CASE WHEN id = coalesce (?1, "
                         "(SELECT id FROM users ORDER BY CASE role WHEN 'manager' THEN 0 ELSE 1 END, id LIMIT 1)) "
                         "THEN session_user END",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_id (stmt, 1, owner_id);
  return crm_statement_run (stmt, error);
}

static GPtrArray *
copy_in_transaction (CrmDb      *source,
                     CrmDb      *target,
                     GPtrArray  *tables,
                     gint64      owner_id,
                     GError    **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      CopyTable *table = g_ptr_array_index (tables, i);

      if (!table->derived &&
          (!copy_rows (source, target, table, error) || !reset_sequence (target, table, error)))
        return NULL;
    }

  if (!bind_copier (target, owner_id, error))
    return NULL;

  return verify_counts (source, target, tables, error);
}

/* The server's database, migrated to the file's schema if it is new: one
 * of another version is refused before anything is written to it. */
static CrmStore *
open_target (CrmStore    *self,
             const char  *uri,
             GError     **error)
{
  g_autoptr(CrmStore) target = NULL;
  gboolean check_later = FALSE;
  guint version = 0;

  if (!_crm_store_probe (uri, CRM_STORE_OPEN_NONE, &version, &check_later, error))
    return NULL;

  if (version != 0 && version != crm_store_get_schema_version (self))
    {
      g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA,
                   _("The server’s database has schema %u and the file %u: a file is copied only into "
                     "a new database or one of the same schema. Nothing was copied."),
                   version, crm_store_get_schema_version (self));
      return NULL;
    }

  target = crm_store_open_full (uri, CRM_STORE_OPEN_NONE, error);
  if (target != NULL && crm_store_get_schema_version (target) != crm_store_get_schema_version (self))
    {
      g_set_error (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SCHEMA,
                   _("The server’s database has schema %u and the file %u. Nothing was copied."),
                   crm_store_get_schema_version (target), crm_store_get_schema_version (self));
      return NULL;
    }

  return g_steal_pointer (&target);
}

/**
 * crm_store_copy_to_server:
 * @self: a store on an SQLite file
 * @uri: the team server's database, a `postgresql://` address
 * @out_counts: (out) (optional) (element-type CrmStoreCopyCount): every
 *   table's rows on both sides, as verified
 * @error: return location for a #GError
 *
 * Copies every table of @self into the database @uri names, which must be
 * new (it is migrated to @self's schema) or a Deals database of the same
 * schema with no rows. The copy is one transaction of the server's: the
 * rows keep their ids, the identities go on after them, the search index
 * is rebuilt by the server's triggers, and the rows of every table are
 * counted on both sides before it commits. On any error or difference it
 * is rolled back, and nothing of the file stays on the server. The file
 * is read in one snapshot and not changed.
 *
 * Returns: %TRUE when the copy was committed
 */
gboolean
crm_store_copy_to_server (CrmStore    *self,
                          const char  *uri,
                          GPtrArray  **out_counts,
                          GError     **error)
{
  CrmDb *source;
  CrmDb *target_db;
  g_autoptr(CrmStore) target = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  CrmUser *owner;
  gint64 owner_id;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  source = _crm_store_get_db (self);
  owner = crm_store_get_current_user (self);
  owner_id = owner != NULL ? crm_user_get_id (owner) : 0;
  if (crm_db_is_postgresql (source) || !crm_db_is_postgresql_uri (uri))
    {
      g_set_error_literal (error, CRM_STORE_COPY_ERROR, CRM_STORE_COPY_ERROR_SOURCE,
                           _("A database file is copied to a team server’s postgresql:// address."));
      return FALSE;
    }

  if ((target = open_target (self, uri, error)) == NULL)
    return FALSE;

  target_db = _crm_store_get_db (target);
  if ((tables = read_target_tables (target_db, error)) == NULL ||
      (ordered = order_by_references (target_db, tables, error)) == NULL ||
      !check_source_tables (source, tables, error) ||
      !check_target_empty (target_db, tables, error))
    return FALSE;

  /* One snapshot of the file: a write by another program mid-copy would
   * make the counts disagree with what was read. */
  if (!crm_db_exec (source, "BEGIN", error))
    return FALSE;

  if (crm_db_begin (target_db, error))
    {
      counts = copy_in_transaction (source, target_db, ordered, owner_id, error);
      if (counts == NULL || !crm_db_commit (target_db, error))
        {
          g_clear_pointer (&counts, g_ptr_array_unref);
          crm_db_rollback (target_db);
        }
    }

  crm_db_exec (source, "ROLLBACK", NULL);

  if (counts == NULL)
    return FALSE;

  if (out_counts != NULL)
    *out_counts = g_steal_pointer (&counts);
  return TRUE;
}
