/* crm-csv-import.c
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

#define G_LOG_DOMAIN "crm-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-csv-import.h"
#include "crm-csv-import-private.h"
#include "crm-limits.h"

/**
 * CrmCsvImport:
 *
 * An imported lead list (HS-1): a CSV file as spreadsheets write it, read
 * whole into memory, its columns mapped to contact fields, every row checked
 * (HS-2) and then imported all at once or not at all.
 *
 * Files come from Excel and LibreOffice in Israel and Russia, so the reader
 * takes UTF-8 with or without a byte order mark, UTF-16 with one, and the
 * Windows code pages those spreadsheets still write, Windows-1255 (Hebrew),
 * Windows-1251 (Russian) and Windows-1252 (Latin-1); commas, semicolons (the separator of locales
 * whose decimal mark is a comma) and tabs. libcsv does the quoting: quoted
 * fields may hold delimiters, doubled quotes and line breaks.
 *
 * Problems are reported by the physical line where a row starts, the line
 * number a text editor shows, so that a user can find the row and fix it.
 *
 * This file holds the type and its API; each job of an import has a file
 * of its own, listed in crm-csv-import-private.h.
 */

G_DEFINE_FINAL_TYPE (CrmCsvImport, crm_csv_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-csv-import-error-quark, crm_csv_import_error)

G_DEFINE_BOXED_TYPE (CrmCsvProblem, crm_csv_problem, crm_csv_problem_copy, crm_csv_problem_free)

enum {
  PROP_0,
  PROP_FILE_NAME,
  PROP_ENCODING,
  PROP_DELIMITER,
  PROP_N_ROWS,
  PROP_N_COLUMNS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* GObject */

static void
crm_csv_import_finalize (GObject *object)
{
  CrmCsvImport *self = (CrmCsvImport *)object;

  _crm_csv_forget_checks (self);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->encoding_problems, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (crm_csv_import_parent_class)->finalize (object);
}

static void
crm_csv_import_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmCsvImport *self = CRM_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    case PROP_DELIMITER:
      g_value_set_schar (value, self->delimiter);
      break;

    case PROP_N_ROWS:
      g_value_set_uint (value, crm_csv_import_get_n_rows (self));
      break;

    case PROP_N_COLUMNS:
      g_value_set_uint (value, crm_csv_import_get_n_columns (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_csv_import_class_init (CrmCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_csv_import_finalize;
  object_class->get_property = crm_csv_import_get_property;

  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCsvImport:encoding:
   *
   * The encoding the file was read in: "UTF-8", "UTF-16LE", "UTF-16BE",
   * "WINDOWS-1255", "WINDOWS-1251" or "WINDOWS-1252".
   */
  properties [PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCsvImport:delimiter:
   *
   * The character between values: a comma, a semicolon or a tab.
   */
  properties [PROP_DELIMITER] =
    g_param_spec_char ("delimiter", NULL, NULL,
                       G_MININT8, G_MAXINT8, ',',
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_csv_import_init (CrmCsvImport *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->fields = g_ptr_array_new ();
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->delimiter = ',';
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  CrmCsvImport *self;

  self = crm_csv_import_new_from_file (task_data, cancellable, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/* A file of more than CRM_LIMIT_CSV_BYTES is refused before it is read. */
static gboolean
check_size (goffset   size,
            GError  **error)
{
  if (size <= CRM_LIMIT_CSV_BYTES)
    return TRUE;

  g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG,
               /* Translators: %u is a number of megabytes */
               _("The file is larger than %u MB; import the list in parts"),
               (guint) (CRM_LIMIT_CSV_BYTES / (1024 * 1024)));
  return FALSE;
}

/* The lines with bytes that are not text in the encoding, as problems
 * that keep the list from being imported until it is read right. */
static GPtrArray *
encoding_problems (const CrmCsvDecoding *decoding)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_csv_problem_free);

  for (guint i = 0; decoding->bad_lines != NULL && i < decoding->bad_lines->len; i++)
    {
      guint line = g_array_index (decoding->bad_lines, guint, i);
      char *message;

      if (decoding->mixed)
        message = g_strdup (_("The line holds bytes that are not UTF-8 text, unlike the rest of the file"));
      else
        /* Translators: %s is an encoding, e.g. “Hebrew (Windows-1255)” */
        message = g_strdup_printf (_("The line holds bytes that are not text in %s"),
                                   crm_csv_encoding_get_label (decoding->encoding));
      g_ptr_array_add (problems, _crm_csv_problem_new_take (line, -1, message));
    }

  return problems;
}

/* Reads @bytes in @encoding, or in the encoding it seems to be in. */
static CrmCsvImport *
import_new (GBytes      *bytes,
            const char  *file_name,
            const char  *encoding,
            GError     **error)
{
  g_autoptr(CrmCsvImport) self = NULL;
  g_autofree char *text = NULL;
  CrmCsvDecoding decoding = { NULL, TRUE, FALSE, NULL };
  const guint8 *data;
  gsize size;
  gsize len = 0;

  self = g_object_new (CRM_TYPE_CSV_IMPORT, NULL);
  self->file_name = g_strdup (file_name);
  self->bytes = g_bytes_ref (bytes);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, error))
    return NULL;

  if (size > 0)
    {
      text = _crm_csv_decode (data, size, encoding, &decoding, &len, error);
      if (text == NULL)
        return NULL;
    }

  /* A NUL would end every C string after it: the file is not text. */
  if (len > 0 && memchr (text, '\0', len) != NULL)
    {
      g_clear_pointer (&decoding.bad_lines, g_array_unref);
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                           _("The file is not a text file"));
      return NULL;
    }

  self->encoding = decoding.encoding != NULL ? decoding.encoding : "UTF-8";
  self->encoding_certain = decoding.certain;
  self->encoding_mixed = decoding.mixed;
  self->encoding_problems = encoding_problems (&decoding);
  g_clear_pointer (&decoding.bad_lines, g_array_unref);
  self->delimiter = _crm_csv_detect_delimiter (text, len);

  if (!_crm_csv_parse_text (self, text, len, error))
    return NULL;

  if (self->headers == NULL)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY,
                           _("The file is empty; a lead list starts with a row of column names"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Public API */

/**
 * crm_csv_problem_copy:
 * @problem: a #CrmCsvProblem
 *
 * Returns: (transfer full): a copy of @problem
 */
CrmCsvProblem *
crm_csv_problem_copy (const CrmCsvProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return _crm_csv_problem_new_take (problem->line, problem->column, g_strdup (problem->message));
}

void
crm_csv_problem_free (CrmCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/**
 * crm_csv_problem_to_string:
 * @problem: a #CrmCsvProblem
 *
 * Returns: (transfer full): the problem as one sentence with its line,
 *   "Line 7: Same phone number as line 3"
 */
char *
crm_csv_problem_to_string (const CrmCsvProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  /* Translators: %u is a line of the imported file, %s what is wrong with it */
  return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
}

/**
 * crm_csv_import_new_from_bytes:
 * @bytes: the contents of a CSV file
 * @file_name: (nullable): the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads a lead list: works out its encoding and delimiter, splits it into
 * rows, takes the first as the header and maps the columns whose header it
 * recognises. Nothing is checked against the procedure or the database
 * yet; see crm_csv_import_validate().
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 *   when the file cannot be read as text or has no header row
 */
CrmCsvImport *
crm_csv_import_new_from_bytes (GBytes      *bytes,
                               const char  *file_name,
                               GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_new (bytes, file_name, NULL, error);
}

/**
 * crm_csv_import_new_in_encoding:
 * @self: a #CrmCsvImport
 * @encoding: one of crm_csv_list_encodings()
 * @error: return location for a #GError
 *
 * Reads the same file again in @encoding, for when the guess was not
 * certain (crm_csv_import_get_encoding_certain()) and the user picked
 * another. The column mapping is guessed afresh from the headers as they
 * now read.
 *
 * Returns: (transfer full) (nullable): the list read in @encoding
 */
CrmCsvImport *
crm_csv_import_new_in_encoding (CrmCsvImport  *self,
                                const char    *encoding,
                                GError       **error)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (g_strv_contains (crm_csv_list_encodings (), encoding), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return import_new (self->bytes, self->file_name, encoding, error);
}

/**
 * crm_csv_import_new_from_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like crm_csv_import_new_from_bytes(), reading @file first. Blocks; see
 * crm_csv_import_new_from_file_async().
 *
 * Returns: (transfer full) (nullable): the list
 */
CrmCsvImport *
crm_csv_import_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL || !check_size (g_file_info_get_size (info), error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);

  return crm_csv_import_new_from_bytes (bytes, name, error);
}

/**
 * crm_csv_import_new_from_file_async:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file has been read
 * @user_data: data for @callback
 *
 * Reads and splits @file in a thread, for the import dialog.
 */
void
crm_csv_import_new_from_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_csv_import_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * crm_csv_import_new_from_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the list
 */
CrmCsvImport *
crm_csv_import_new_from_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == crm_csv_import_new_from_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
crm_csv_import_get_file_name (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);

  return self->file_name;
}

/**
 * crm_csv_import_get_encoding:
 * @self: a #CrmCsvImport
 *
 * Returns: the encoding the file was in; see #CrmCsvImport:encoding
 */
const char *
crm_csv_import_get_encoding (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);

  return self->encoding;
}

/**
 * crm_csv_import_get_encoding_certain:
 * @self: a #CrmCsvImport
 *
 * Whether the encoding is known rather than guessed: a byte order mark,
 * valid UTF-8, or a guess whose every sign pointed one way. When it is
 * not, the user should look at the rows and may pick another encoding
 * (crm_csv_import_new_in_encoding()).
 *
 * Returns: %TRUE when the encoding is certain
 */
gboolean
crm_csv_import_get_encoding_certain (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), FALSE);

  return self->encoding_certain;
}

/**
 * crm_csv_import_get_encoding_mixed:
 * @self: a #CrmCsvImport
 *
 * Returns: %TRUE when the file is UTF-8 with lines in another encoding,
 *   which no one encoding reads whole
 */
gboolean
crm_csv_import_get_encoding_mixed (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), FALSE);

  return self->encoding_mixed;
}

/**
 * crm_csv_import_get_encoding_problems:
 * @self: a #CrmCsvImport
 *
 * The lines that hold bytes which are not text in the encoding the file
 * was read in. crm_csv_import_validate() lists them too, so a list with
 * any is not imported.
 *
 * Returns: (transfer none) (element-type CrmCsvProblem): the problems, by line
 */
GPtrArray *
crm_csv_import_get_encoding_problems (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);

  return self->encoding_problems;
}

char
crm_csv_import_get_delimiter (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), ',');

  return self->delimiter;
}

/**
 * crm_csv_import_get_n_rows:
 * @self: a #CrmCsvImport
 *
 * Returns: the number of rows below the header, rows of empty cells left out
 */
guint
crm_csv_import_get_n_rows (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

guint
crm_csv_import_get_n_columns (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), 0);

  return self->mapping != NULL ? self->mapping->len : 0;
}

/**
 * crm_csv_import_get_headers:
 * @self: a #CrmCsvImport
 *
 * Returns: (transfer none) (array zero-terminated=1): the column names
 */
const char * const *
crm_csv_import_get_headers (CrmCsvImport *self)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->headers->pdata;
}

/**
 * crm_csv_import_get_mapping:
 * @self: a #CrmCsvImport
 * @n_columns: (out) (optional): the number of columns
 *
 * Returns: (transfer none) (array length=n_columns): what each column holds
 */
const CrmCsvField *
crm_csv_import_get_mapping (CrmCsvImport *self,
                            guint        *n_columns)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);

  if (n_columns != NULL)
    *n_columns = self->mapping->len;

  return (const CrmCsvField *) (gpointer) self->mapping->data;
}

/**
 * crm_csv_import_set_column:
 * @self: a #CrmCsvImport
 * @column_index: a column, from 0
 * @field: what it holds
 *
 * Overrides what the header of a column was taken to mean.
 */
void
crm_csv_import_set_column (CrmCsvImport *self,
                           guint         column_index,
                           CrmCsvField   field)
{
  g_return_if_fail (CRM_IS_CSV_IMPORT (self));
  g_return_if_fail (column_index < self->mapping->len);
  g_return_if_fail ((guint) field < CRM_CSV_N_FIELDS);

  if (g_array_index (self->mapping, CrmCsvField, column_index) == field)
    return;

  g_array_index (self->mapping, CrmCsvField, column_index) = field;
  _crm_csv_forget_checks (self);
}

/**
 * crm_csv_import_get_row:
 * @self: a #CrmCsvImport
 * @row_index: a row below the header, from 0
 * @out_line: (out) (optional): the line of the file where it starts
 *
 * For a preview of the list before it is imported.
 *
 * Returns: (transfer none) (array zero-terminated=1): the row's values
 */
const char * const *
crm_csv_import_get_row (CrmCsvImport *self,
                        guint         row_index,
                        guint        *out_line)
{
  const Row *row;

  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row_index < self->rows->len, NULL);

  row = &g_array_index (self->rows, Row, row_index);
  if (out_line != NULL)
    *out_line = row->line;

  return (const char * const *) self->fields->pdata + row->first;
}

/**
 * crm_csv_import_validate:
 * @self: a #CrmCsvImport
 * @store: the store the leads would go into
 * @error: return location for a #GError
 *
 * Checks every row as crm_csv_import_commit() will, without writing:
 * the number of values, phone numbers in the procedure's region and email
 * addresses, that each lead can be reached by email or on a mobile (HS-2),
 * and that no phone number or address is twice in the list or already in
 * the database.
 *
 * Returns: (transfer container) (element-type CrmCsvProblem) (nullable): the
 *   problems in file order, empty when the list can be imported; %NULL with
 *   @error set when the name column or both the phone and email columns are
 *   missing, or the database cannot be read
 */
GPtrArray *
crm_csv_import_validate (CrmCsvImport  *self,
                         CrmStore      *store,
                         GError       **error)
{
  GPtrArray *problems = NULL;

  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_crm_csv_check_all (self, store, NULL, NULL, &problems, error))
    return NULL;

  return problems;
}

/**
 * crm_csv_import_commit:
 * @self: a #CrmCsvImport
 * @store: the store to import into
 * @source: (nullable): where the leads came from (HS-1), a key of the
 *   procedure's sources or any text; rows with a source of their own keep it
 * @campaign: (nullable): the campaign, likewise
 * @n_imported: (out) (optional): how many leads were imported
 * @error: return location for a #GError
 *
 * Imports the list all or nothing: when any row has a problem (see
 * crm_csv_import_validate()) nothing is written and @error says how many
 * rows are wrong. Otherwise every row becomes a contact in lifecycle
 * "lead" with its phone numbers, email addresses, company (found by name
 * or created) and note, in one transaction with one audit entry.
 *
 * The rows are checked again inside the transaction, so a contact added
 * since the last validation is still found as a duplicate.
 *
 * Returns: %TRUE when the leads were imported
 */
gboolean
crm_csv_import_commit (CrmCsvImport  *self,
                       CrmStore      *store,
                       const char    *source,
                       const char    *campaign,
                       guint         *n_imported,
                       GError       **error)
{
  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _crm_csv_commit (self, store, source, campaign, n_imported, error);
}
