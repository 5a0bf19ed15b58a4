/* crm-store-import.c
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

#define G_LOG_DOMAIN "crm-store-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-contact.h"
#include "crm-csv-import-private.h"
#include "crm-db.h"
#include "crm-leads.h"
#include "crm-limits.h"
#include "crm-store-private.h"
#include "crm-user.h"

/* The store's import writer: the leads a CrmCsvImport has checked go into
 * the database in one transaction, a few multi-row INSERTs at a time,
 * while later rows are still checked. It also answers the importer's
 * duplicate check with the phones and emails already known, so that no
 * SQL is written outside the store. */

/* A value of a multi-row INSERT. */
typedef enum
{
  CELL_ID,     /* 0 is NULL */
  CELL_INT,
  CELL_TEXT,
} CellType;

typedef struct
{
  CellType    type;
  gint64      number;
  const char *text;
} Cell;

/* Rows of one table, written a batch at a time. */
typedef struct
{
  const char *prefix;      /* "INSERT INTO table (columns) VALUES " */
  guint       n_columns;
  GArray     *cells;       /* Cell, row after row */
  char       *full_sql;    /* the statement of a full batch, once built */
} Batch;

/* How many problems the error of a refused import quotes. */
#define PROBLEMS_IN_ERROR 3

/* Rows per INSERT. Every statement that writes contacts makes the
 * full-text index flush what it has gathered (the search_index triggers of
 * migration 1), so one statement per contact costs three times the rest of
 * the import together. 120 rows of the contacts' 8 columns stay within the
 * 999 parameters of SQLite before 3.32, which meson.build still accepts. */
#define BATCH_ROWS 120

/* Issue 12: a list of at least this many rows, and of more rows than the
 * store has contacts, is written with the indexes of the tables it fills
 * set aside and built again afterwards, which costs less than keeping
 * them up to date row by row. */
#define REBUILD_MIN_ROWS 2000

/* The tables an import fills, whose indexes are set aside. */
#define REBUILD_TABLES "'contacts', 'contact_phones', 'contact_emails'"

/* Migration 1's trigger that fills the search index for every contact;
 * rebuild_finish() fills it for the imported contacts in one statement. */
#define CONTACTS_SEARCH_TRIGGER "contacts_search_insert"

typedef struct
{
  CrmStore   *store;
  CrmDb      *db;
  const char *now;
  gint64      user_id;
  gint64      first_id;    /* of the first contact imported */
  gint64      next_id;     /* of the next contact */
  const char *default_source;
  const char *default_campaign;
  GHashTable *companies;   /* case-folded name → id (gint64 *) */
  GHashTable *sources;     /* what the file says → what is stored */
  Batch       contacts;
  Batch       phones;
  Batch       emails;
  Batch       notes;
  GPtrArray  *set_aside;   /* SchemaItem: indexes and a trigger, or NULL */
} Writer;

/* An index or trigger, as sqlite_schema has it. */
typedef struct
{
  char *type;
  char *name;
  char *sql;
} SchemaItem;

static void
schema_item_free (SchemaItem *item)
{
  g_free (item->type);
  g_free (item->name);
  g_free (item->sql);
  g_free (item);
}

static void
batch_init (Batch      *batch,
            const char *prefix,
            guint       n_columns)
{
  batch->prefix = prefix;
  batch->n_columns = n_columns;
  batch->cells = g_array_sized_new (FALSE, FALSE, sizeof (Cell), n_columns * BATCH_ROWS);
}

static void
batch_add (Batch      *batch,
           CellType    type,
           gint64      number,
           const char *text)
{
  Cell cell = { type, number, text };

  g_array_append_val (batch->cells, cell);
}

/* Writes the rows gathered so far in one INSERT with a row of parameters
 * each. A full batch always has the same SQL, so the connection prepares it
 * once; only the last, shorter one of a list is prepared apart. */
static char *
build_insert (const char *prefix,
              guint       n_columns,
              guint       n_rows)
{
  GString *sql = g_string_new (prefix);
  guint parameter = 1;

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r == 0 ? "(" : ", (");
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (sql, c == 0 ? "?%u" : ", ?%u", parameter++);
      g_string_append_c (sql, ')');
    }

  return g_string_free (sql, FALSE);
}

static gboolean
batch_flush (Batch   *batch,
             CrmDb   *db,
             GError **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *partial_sql = NULL;
  guint n_rows = batch->cells->len / batch->n_columns;

  if (n_rows == 0)
    return TRUE;

  if (n_rows == BATCH_ROWS)
    {
      if (batch->full_sql == NULL)
        batch->full_sql = build_insert (batch->prefix, batch->n_columns, BATCH_ROWS);
      stmt = crm_db_prepare (db, batch->full_sql, error);
    }
  else
    {
      partial_sql = build_insert (batch->prefix, batch->n_columns, n_rows);
      stmt = crm_db_prepare (db, partial_sql, error);
    }
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < batch->cells->len; i++)
    {
      const Cell *cell = &g_array_index (batch->cells, Cell, i);

      switch (cell->type)
        {
        case CELL_ID:
          crm_statement_bind_id (stmt, i + 1, cell->number);
          break;

        case CELL_INT:
          crm_statement_bind_int64 (stmt, i + 1, cell->number);
          break;

        /* The leads, the sources and the writer hold every text until the
         * batch has run: SQLite need not copy half a million of them. */
        case CELL_TEXT:
        default:
          crm_statement_bind_text_static (stmt, i + 1, cell->text);
          break;
        }
    }

  g_array_set_size (batch->cells, 0);

  return crm_statement_run (stmt, error);
}

static gboolean
batch_row_done (Batch   *batch,
                CrmDb   *db,
                GError **error)
{
  if (batch->cells->len < batch->n_columns * BATCH_ROWS)
    return TRUE;

  return batch_flush (batch, db, error);
}

static void
writer_clear (Writer *writer)
{
  Batch *batches[] = { &writer->contacts, &writer->phones, &writer->emails, &writer->notes };

  g_clear_pointer (&writer->companies, g_hash_table_unref);
  g_clear_pointer (&writer->sources, g_hash_table_unref);
  g_clear_pointer (&writer->set_aside, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (batches); i++)
    {
      g_clear_pointer (&batches[i]->cells, g_array_unref);
      g_clear_pointer (&batches[i]->full_sql, g_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static gboolean
load_companies (Writer  *writer,
                GError **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  writer->companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = crm_db_prepare (writer->db, "SELECT id, name FROM companies ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (stmt, 0);
      char *key = _crm_csv_fold_key (crm_statement_get_text (stmt, 1));

      /* The oldest company of a name is the one leads join. */
      if (!g_hash_table_contains (writer->companies, key))
        g_hash_table_insert (writer->companies, key, g_memdup2 (&id, sizeof id));
      else
        g_free (key);
    }

  return step != CRM_STEP_ERROR;
}

/* Companies are found by name, whatever its case, or created once. */
static gboolean
company_id_for (Writer      *writer,
                const char  *name,
                gint64      *out_id,
                GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *key = NULL;
  gint64 *id;

  *out_id = 0;
  if (name == NULL || name[0] == '\0')
    return TRUE;

  if (writer->companies == NULL && !load_companies (writer, error))
    return FALSE;

  key = _crm_csv_fold_key (name);
  id = g_hash_table_lookup (writer->companies, key);
  if (id != NULL)
    {
      *out_id = *id;
      return TRUE;
    }

  stmt = crm_db_prepare (writer->db,
                         "INSERT INTO companies (name, created_at) VALUES (?1, ?2)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, writer->now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  *out_id = crm_db_last_insert_id (writer->db);
  g_hash_table_insert (writer->companies, g_steal_pointer (&key), g_memdup2 (out_id, sizeof *out_id));

  return TRUE;
}

static const char *
resolve_source (Writer     *writer,
                const char *text)
{
  char *resolved;

  if (text == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (writer->sources, text, NULL, (gpointer *) &resolved))
    return resolved;

  resolved = crm_store_normalize_lead_source (writer->store, text);
  g_hash_table_insert (writer->sources, g_strdup (text), resolved);

  return resolved;
}

/* Phones, emails and notes refer to their contact: the contacts gathered
 * so far go in first. */
static gboolean
dependent_row_done (Writer  *writer,
                    Batch   *batch,
                    GError **error)
{
  if (batch->cells->len < batch->n_columns * BATCH_ROWS)
    return TRUE;

  return batch_flush (&writer->contacts, writer->db, error) &&
         batch_flush (batch, writer->db, error);
}

static gboolean
add_values (Writer      *writer,
            Batch       *batch,
            gint64       contact_id,
            GArray      *values,
            GError     **error)
{
  for (guint i = 0; i < values->len; i++)
    {
      batch_add (batch, CELL_INT, contact_id, NULL);
      batch_add (batch, CELL_INT, i, NULL);
      batch_add (batch, CELL_TEXT, 0, g_array_index (values, Value, i).text);
      if (!dependent_row_done (writer, batch, error))
        return FALSE;
    }

  return TRUE;
}

/* Contacts get their ids from the import rather than from SQLite, so that
 * their phones and emails can be batched too: the import holds the write
 * lock from crm_db_begin(), so nobody else takes the ids in between. */
static gboolean
add_lead (Writer      *writer,
          const Lead  *lead,
          const char  *default_source,
          const char  *default_campaign,
          GError     **error)
{
  Batch *contacts = &writer->contacts;
  const char *source;
  gint64 company_id;
  gint64 contact_id = writer->next_id++;

  if (!company_id_for (writer, lead->company, &company_id, error))
    return FALSE;

  source = lead->source != NULL ? resolve_source (writer, lead->source) : default_source;

  batch_add (contacts, CELL_INT, contact_id, NULL);
  batch_add (contacts, CELL_ID, company_id, NULL);
  batch_add (contacts, CELL_TEXT, 0, lead->name);
  batch_add (contacts, CELL_TEXT, 0, lead->position);
  batch_add (contacts, CELL_TEXT, 0, CRM_LIFECYCLE_LEAD);
  batch_add (contacts, CELL_TEXT, 0, source);
  batch_add (contacts, CELL_TEXT, 0, lead->campaign != NULL ? lead->campaign : default_campaign);
  batch_add (contacts, CELL_TEXT, 0, writer->now);
  if (!batch_row_done (contacts, writer->db, error))
    return FALSE;

  if (!add_values (writer, &writer->phones, contact_id, lead->phones, error) ||
      !add_values (writer, &writer->emails, contact_id, lead->emails, error))
    return FALSE;

  /* HS-6: what the list said about the lead is there before the first call. */
  if (lead->note != NULL)
    {
      Batch *notes = &writer->notes;

      batch_add (notes, CELL_INT, contact_id, NULL);
      batch_add (notes, CELL_ID, writer->user_id, NULL);
      batch_add (notes, CELL_TEXT, 0, "note");
      batch_add (notes, CELL_TEXT, 0, lead->note);
      batch_add (notes, CELL_TEXT, 0, writer->now);
      if (!dependent_row_done (writer, notes, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
writer_start (Writer  *writer,
              GError **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (writer->db, "SELECT coalesce (max (id), 0) + 1 FROM contacts", error);
  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;
  writer->next_id = crm_statement_get_int64 (stmt, 0);
  writer->first_id = writer->next_id;

  batch_init (&writer->contacts,
              "INSERT INTO contacts (id, company_id, name, position, lifecycle, source, campaign, "
              "created_at) VALUES ",
              8);
  batch_init (&writer->phones, "INSERT INTO contact_phones (contact_id, position, number) VALUES ", 3);
  batch_init (&writer->emails, "INSERT INTO contact_emails (contact_id, position, address) VALUES ", 3);
  batch_init (&writer->notes, "INSERT INTO activities (contact_id, user_id, kind, note, at) VALUES ", 5);

  return TRUE;
}

/* Leads are written while later rows are still being checked; once a row
 * has a problem, nothing more is, and the transaction is rolled back. */
static gboolean
write_row_cb (CrmCsvImport  *self,
              const Lead    *lead,
              gboolean       clean,
              gpointer       user_data,
              GError       **error)
{
  Writer *writer = user_data;

  if (!clean)
    return TRUE;

  return add_lead (writer, lead, writer->default_source, writer->default_campaign, error);
}

/* Reads the definitions of what rebuild_start() drops, so that they are
 * made again exactly as the migrations made them. */
static GPtrArray *
read_set_aside (CrmDb   *db,
                GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) schema_item_free);
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  /* An index without SQL stands for a UNIQUE or PRIMARY KEY constraint of
   * its table, which cannot be dropped. */
  stmt = crm_db_prepare (db,
                         "SELECT type, name, sql FROM sqlite_schema "
                         "WHERE tbl_name IN (" REBUILD_TABLES ") AND sql IS NOT NULL "
                         "  AND (type = 'index' OR (type = 'trigger' AND name = ?1)) "
                         "ORDER BY rowid",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_text (stmt, 1, CONTACTS_SEARCH_TRIGGER);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      SchemaItem *item = g_new0 (SchemaItem, 1);

      item->type = g_strdup (crm_statement_get_text (stmt, 0));
      item->name = g_strdup (crm_statement_get_text (stmt, 1));
      item->sql = g_strdup (crm_statement_get_text (stmt, 2));
      g_ptr_array_add (items, item);
    }

  if (step == CRM_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

/* Drops the indexes of the tables an import fills, and the search index
 * trigger of contacts, inside the import's transaction: a refused or failed
 * import rolls the drops back with the rows. */
static gboolean
rebuild_start (Writer  *writer,
               GError **error)
{
  writer->set_aside = read_set_aside (writer->db, error);
  if (writer->set_aside == NULL)
    return FALSE;

  for (guint i = 0; i < writer->set_aside->len; i++)
    {
      const SchemaItem *item = g_ptr_array_index (writer->set_aside, i);
      g_autofree char *drop = NULL;

      /* DDL takes no parameters. The names are the migrations' own, which
       * have no double quotes; sqlite_schema's type is a keyword. */
      g_assert (strchr (item->name, '"') == NULL);
      drop = g_strdup_printf ("DROP %s \"%s\"",
                              g_str_equal (item->type, "trigger") ? "TRIGGER" : "INDEX",
                              item->name);
      if (!crm_db_exec (writer->db, drop, error))
        return FALSE;
    }

  return TRUE;
}

/* Fills the search index for the imported contacts as migration 1's
 * trigger does for each (a contact's rowid is id * 4 + 2). */
static gboolean
fill_search_index (Writer  *writer,
                   GError **error)
{
  g_autoptr(CrmStatement) fill = NULL;

  fill = crm_db_prepare (writer->db,
                         "INSERT INTO search_index (rowid, title, body) "
                         "SELECT id * 4 + 2, name, coalesce (position, '') FROM contacts "
                         "WHERE id >= ?1 ORDER BY id",
                         error);
  if (fill == NULL)
    return FALSE;

  crm_statement_bind_int64 (fill, 1, writer->first_id);
  return crm_statement_run (fill, error);
}

/* Makes again what rebuild_start() dropped, from the definitions it read,
 * and fills the search index that the dropped trigger did not. */
static gboolean
rebuild_finish (Writer  *writer,
                GError **error)
{
  gboolean ok = TRUE;
  gboolean had_trigger = FALSE;

  /* With SQLite's 2 MiB page cache, the sorts of CREATE INDEX go through
   * temporary files; 64 MiB keeps those of a 100k-row list in memory. */
  if (!crm_db_exec (writer->db, "PRAGMA cache_size = -65536", error))
    return FALSE;

  for (guint i = 0; i < writer->set_aside->len && ok; i++)
    {
      const SchemaItem *item = g_ptr_array_index (writer->set_aside, i);

      had_trigger |= g_str_equal (item->type, "trigger");
      ok = crm_db_exec (writer->db, item->sql, error);
    }

  /* A store without the trigger has no contacts in its search index. */
  ok = ok && (!had_trigger || fill_search_index (writer, error));

  /* Back to SQLite's default, which the store keeps. */
  return crm_db_exec (writer->db, "PRAGMA cache_size = -2000", ok ? error : NULL) && ok;
}

static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  return batch_flush (&writer->contacts, writer->db, error) &&
         batch_flush (&writer->phones, writer->db, error) &&
         batch_flush (&writer->emails, writer->db, error) &&
         batch_flush (&writer->notes, writer->db, error) &&
         _crm_store_follow_given_ids (writer->db, "contacts", error) &&
         (writer->set_aside == NULL || rebuild_finish (writer, error));
}

static void
set_invalid_rows_error (GPtrArray  *problems,
                        GError    **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_rows = 0;
  guint last_line = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const CrmCsvProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line != last_line)
        n_rows++;
      last_line = problem->line;
    }

  g_string_append_printf (message,
                          ngettext ("%u row has a problem, so nothing was imported.",
                                    "%u rows have problems, so nothing was imported.",
                                    n_rows),
                          n_rows);

  for (guint i = 0; i < problems->len && i < PROBLEMS_IN_ERROR; i++)
    {
      g_autofree char *text = crm_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_c (message, '\n');
      g_string_append (message, text);
    }

  if (problems->len > PROBLEMS_IN_ERROR)
    g_string_append (message, "\n…");

  g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS, message->str);
}

/* The work of crm_csv_import_commit(), whose arguments were checked. */
gboolean
_crm_csv_commit (CrmCsvImport  *self,
                 CrmStore      *store,
                 const char    *source,
                 const char    *campaign,
                 guint         *n_imported,
                 GError       **error)
{
  g_auto(Writer) writer = { NULL };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *default_source = NULL;
  g_autofree char *default_campaign = NULL;
  g_autofree char *count = NULL;
  CrmUser *user;
  guint n_rows;

  if (n_imported != NULL)
    *n_imported = 0;

  n_rows = self->rows->len;
  if (n_rows == 0)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY,
                           _("The file has no rows below its header"));
      return FALSE;
    }

  if (!_crm_csv_check_columns (self, error))
    return FALSE;

  writer.store = store;
  writer.db = _crm_store_get_db (store);
  writer.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  user = crm_store_get_current_user (store);
  writer.user_id = user != NULL ? crm_user_get_id (user) : 0;

  now = crm_store_now (store);
  now_text = _crm_store_format_timestamp (now);
  writer.now = now_text;

  /* The source the whole list came from is one of the procedure's too. */
  if (!crm_store_check_lead_source (store, source, &default_source, error))
    return FALSE;
  /* The campaign the user typed for the whole list meets the limit of the
   * campaign column (crm-limits.h). */
  if (campaign != NULL)
    {
      g_autofree char *clean = NULL;

      if (!crm_limits_clean_text (crm_csv_field_get_label (CRM_CSV_FIELD_CAMPAIGN), campaign,
                                  CRM_LIMIT_TEXT, CRM_TEXT_LINE, &clean, error))
        return FALSE;
      default_campaign = _crm_csv_collapse_spaces (clean);
    }
  if (default_campaign != NULL && default_campaign[0] == '\0')
    g_clear_pointer (&default_campaign, g_free);

  writer.default_source = default_source;
  writer.default_campaign = default_campaign;

  if (!crm_db_begin (writer.db, error))
    return FALSE;

  /* A list larger than what is there is written faster without the
   * indexes, which are built again at the end. The largest id so far is
   * no fewer than the contacts there are. The definitions come from
   * SQLite's schema table: on a server the indexes stay, and the list is
   * written as a small one is. */
  if (!writer_start (&writer, error) ||
      (n_rows >= REBUILD_MIN_ROWS && n_rows > writer.first_id - 1 && !crm_db_is_postgresql (writer.db) &&
       !rebuild_start (&writer, error)) ||
      !_crm_csv_check_all (self, store, write_row_cb, &writer, &problems, error))
    {
      crm_db_rollback (writer.db);
      return FALSE;
    }

  if (problems->len > 0)
    {
      crm_db_rollback (writer.db);
      set_invalid_rows_error (problems, error);
      return FALSE;
    }

  /* One audit entry for the whole list: the first contact it made and how
   * many there are. */
  count = g_strdup_printf ("%u", n_rows);
  if (!writer_finish (&writer, error) ||
      !_crm_store_add_audit (store, "import", "contact", writer.first_id, NULL, count, now_text, error) ||
      !crm_db_commit (writer.db, error))
    {
      crm_db_rollback (writer.db);
      return FALSE;
    }

  _crm_store_note_change (store, CRM_STORE_CHANGED_LEADS);
  _crm_store_announce_changes (store);

  if (n_imported != NULL)
    *n_imported = n_rows;

  return TRUE;
}

/**
 * _crm_store_import_each_known:
 * @self: a #CrmStore
 * @func: called for every phone (@is_phone %TRUE) and email already known
 * @data: for @func
 * @error: return location for a #GError
 *
 * Hands the importer every contact phone and email, for its duplicate
 * check, in two statements rather than one per row.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_import_each_known (CrmStore          *self,
                              CrmStoreKnownFunc  func,
                              gpointer           data,
                              GError           **error)
{
  static const char * const queries[] = {
    "SELECT number, contact_id FROM contact_phones",
    "SELECT address, contact_id FROM contact_emails",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, queries[i], error);
      CrmStep step;

      if (stmt == NULL)
        return FALSE;

      while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
        func (i == 0, crm_statement_get_text (stmt, 0), crm_statement_get_int64 (stmt, 1), data);

      if (step == CRM_STEP_ERROR)
        return FALSE;
    }

  return TRUE;
}

/* A known contact's name, for a duplicate's message; %NULL if it is gone. */
char *
_crm_store_import_dup_contact_name (CrmStore *self,
                                    gint64    contact_id)
{
  return _crm_store_query_text (self, "SELECT name FROM contacts WHERE id = ?1", contact_id, NULL);
}
