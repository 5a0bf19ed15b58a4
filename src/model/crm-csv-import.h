/* crm-csv-import.h
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

#pragma once

#include <gio/gio.h>

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_CSV_IMPORT_ERROR (crm_csv_import_error_quark ())

/**
 * CrmCsvImportError:
 * @CRM_CSV_IMPORT_ERROR_ENCODING: the file is in no text encoding Deals reads
 * @CRM_CSV_IMPORT_ERROR_EMPTY: the file has no header row, or no rows to import
 * @CRM_CSV_IMPORT_ERROR_MISSING_COLUMN: no column gives the name, or none
 *   gives a phone number or an email address; the message names it
 * @CRM_CSV_IMPORT_ERROR_INVALID_ROWS: some rows have problems, so nothing
 *   was imported; crm_csv_import_validate() lists them
 * @CRM_CSV_IMPORT_ERROR_TOO_BIG: the file is larger, or has more rows or
 *   columns, than `CRM_LIMIT_CSV_*` allow; nothing of it was read
 */
typedef enum
{
  CRM_CSV_IMPORT_ERROR_ENCODING,
  CRM_CSV_IMPORT_ERROR_EMPTY,
  CRM_CSV_IMPORT_ERROR_MISSING_COLUMN,
  CRM_CSV_IMPORT_ERROR_INVALID_ROWS,
  CRM_CSV_IMPORT_ERROR_TOO_BIG,
} CrmCsvImportError;

/**
 * CrmCsvField:
 * @CRM_CSV_FIELD_IGNORE: the column is not imported
 * @CRM_CSV_FIELD_NAME: the contact's name, or its first part
 * @CRM_CSV_FIELD_LAST_NAME: the family name, added after the name
 * @CRM_CSV_FIELD_PHONE: a phone number; several columns may give one each
 * @CRM_CSV_FIELD_EMAIL: an email address; likewise
 * @CRM_CSV_FIELD_COMPANY: the company, found by name or created
 * @CRM_CSV_FIELD_POSITION: the person's position (CON-2)
 * @CRM_CSV_FIELD_SOURCE: where the lead came from; overrides the import's source
 * @CRM_CSV_FIELD_CAMPAIGN: the campaign; overrides the import's campaign
 * @CRM_CSV_FIELD_NOTE: free text, logged as a note on the contact
 *
 * What a column of an imported list holds.
 */
typedef enum
{
  CRM_CSV_FIELD_IGNORE,
  CRM_CSV_FIELD_NAME,
  CRM_CSV_FIELD_LAST_NAME,
  CRM_CSV_FIELD_PHONE,
  CRM_CSV_FIELD_EMAIL,
  CRM_CSV_FIELD_COMPANY,
  CRM_CSV_FIELD_POSITION,
  CRM_CSV_FIELD_SOURCE,
  CRM_CSV_FIELD_CAMPAIGN,
  CRM_CSV_FIELD_NOTE,
} CrmCsvField;

#define CRM_CSV_N_FIELDS (CRM_CSV_FIELD_NOTE + 1)

/**
 * CrmCsvProblem:
 * @line: the physical line of the file where the row starts, from 1;
 *   line breaks inside quoted fields count
 * @column: the column at fault, from 0, or -1 for the whole row
 * @message: what is wrong, translated, without the line
 *
 * One problem of one row of an imported list.
 */
typedef struct
{
  guint  line;
  int    column;
  char  *message;
} CrmCsvProblem;

#define CRM_TYPE_CSV_PROBLEM (crm_csv_problem_get_type ())

GType          crm_csv_problem_get_type  (void) G_GNUC_CONST;
CrmCsvProblem *crm_csv_problem_copy      (const CrmCsvProblem *problem);
void           crm_csv_problem_free      (CrmCsvProblem       *problem);
char          *crm_csv_problem_to_string (const CrmCsvProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvProblem, crm_csv_problem_free)

const char    *crm_csv_field_get_label   (CrmCsvField          field);

#define CRM_TYPE_CSV_IMPORT (crm_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (CrmCsvImport, crm_csv_import, CRM, CSV_IMPORT, GObject)

GQuark              crm_csv_import_error_quark       (void);
CrmCsvImport       *crm_csv_import_new_from_bytes    (GBytes               *bytes,
                                                      const char           *file_name,
                                                      GError              **error);
CrmCsvImport       *crm_csv_import_new_from_file     (GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void                crm_csv_import_new_from_file_async  (GFile             *file,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
CrmCsvImport       *crm_csv_import_new_from_file_finish (GAsyncResult      *result,
                                                         GError           **error);
const char         *crm_csv_import_get_file_name     (CrmCsvImport         *self);
CrmCsvImport       *crm_csv_import_new_in_encoding   (CrmCsvImport         *self,
                                                      const char           *encoding,
                                                      GError              **error);
const char         *crm_csv_import_get_encoding      (CrmCsvImport         *self);
gboolean            crm_csv_import_get_encoding_certain (CrmCsvImport      *self);
gboolean            crm_csv_import_get_encoding_mixed   (CrmCsvImport      *self);
GPtrArray          *crm_csv_import_get_encoding_problems (CrmCsvImport     *self);
const char * const *crm_csv_list_encodings           (void);
const char         *crm_csv_encoding_get_label       (const char           *encoding);
char                crm_csv_import_get_delimiter     (CrmCsvImport         *self);
guint               crm_csv_import_get_n_rows        (CrmCsvImport         *self);
guint               crm_csv_import_get_n_columns     (CrmCsvImport         *self);
const char * const *crm_csv_import_get_headers       (CrmCsvImport         *self);
const CrmCsvField  *crm_csv_import_get_mapping       (CrmCsvImport         *self,
                                                      guint                *n_columns);
void                crm_csv_import_set_column        (CrmCsvImport         *self,
                                                      guint                 column_index,
                                                      CrmCsvField           field);
const char * const *crm_csv_import_get_row           (CrmCsvImport         *self,
                                                      guint                 row_index,
                                                      guint                *out_line);
GPtrArray          *crm_csv_import_validate          (CrmCsvImport         *self,
                                                      CrmStore             *store,
                                                      GError              **error);
gboolean            crm_csv_import_commit            (CrmCsvImport         *self,
                                                      CrmStore             *store,
                                                      const char           *source,
                                                      const char           *campaign,
                                                      guint                *n_imported,
                                                      GError              **error);

G_END_DECLS
