/* crm-csv-import-private.h
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

#include "crm-csv-import.h"
#include "crm-store.h"

G_BEGIN_DECLS

/*
 * The parts of CrmCsvImport (crm-csv-import.c), one file per job:
 * crm-csv-decode.c works out the encoding and makes the text UTF-8,
 * crm-csv-read.c splits it into rows, crm-csv-columns.c maps the columns,
 * crm-csv-check.c checks the rows (HS-2) and the store's crm-store-import.c
 * writes them.
 */

/* How much of a cell over the limit is kept, and how much of a text a
 * message quotes: enough to recognise it. */
#define QUOTE_CHARS 40

typedef struct _Lead Lead;

typedef struct
{
  guint line;          /* physical line where the row starts, from 1 */
  guint first;         /* index of its first field in self->fields */
  guint n_fields;
  int   long_column;   /* the first cell over CRM_LIMIT_CSV_CELL, or -1 */
  guint unclosed : 1;  /* a quoted field runs on to the end of the file */
} Row;

struct _CrmCsvImport
{
  GObject       parent_instance;

  char         *file_name;
  GBytes       *bytes;      /* the file, to read again in another encoding */
  const char   *encoding;   /* static string */
  gboolean      encoding_certain;
  gboolean      encoding_mixed;
  GPtrArray    *encoding_problems;  /* CrmCsvProblem, by line */
  char          delimiter;

  /* Every field of every row is one string of this chunk: a 100k-row list
   * is a few large blocks rather than half a million small ones. */
  GStringChunk *strings;
  GPtrArray    *fields;     /* each row's fields, then NULL, row after row */
  GArray       *rows;       /* Row; the header row is not one of them */
  GPtrArray    *headers;    /* NULL-terminated */
  GArray       *mapping;    /* CrmCsvField, one per header column */

  /* The rows as checked on their own (check_row()), kept until the
   * mapping or the region changes: validating and then importing checks
   * each phone number once, which is most of the work. */
  Lead         *leads;
  char         *leads_region;
};

/* A phone number or email address of a row, normalised, with the column it
 * came from so that a duplicate can point at it. */
typedef struct
{
  char *text;
  int   column;
} Value;

/* What a row becomes once checked: the lead that would be imported, or the
 * reasons it cannot be. */
struct _Lead
{
  char      *name;
  char      *company;
  char      *position;
  char      *source;
  char      *campaign;
  char      *note;
  GArray    *phones;     /* Value, E.164 */
  GArray    *emails;     /* Value, as crm_email_normalize() gives them */
  GPtrArray *problems;   /* CrmCsvProblem; NULL while there are none */
};

/* Called for each row once its problems are known, in file order. */
typedef gboolean (*CrmCsvRowFunc) (CrmCsvImport  *self,
                                   const Lead    *lead,
                                   gboolean       clean,
                                   gpointer       user_data,
                                   GError       **error);

/* crm-csv-decode.c: how a file was read. */
typedef struct
{
  const char *encoding;   /* static string */
  gboolean    certain;    /* FALSE: a guess the user should confirm */
  gboolean    mixed;      /* UTF-8 and bytes of another encoding */
  GArray     *bad_lines;  /* guint; lines with bytes that are not text */
} CrmCsvDecoding;

char        *_crm_csv_decode           (const guint8    *data,
                                        gsize            size,
                                        const char      *encoding,
                                        CrmCsvDecoding  *decoding,
                                        gsize           *out_len,
                                        GError         **error);

/* crm-csv-read.c */
char         _crm_csv_detect_delimiter (const char     *text,
                                        gsize           len);
gboolean     _crm_csv_parse_text       (CrmCsvImport   *self,
                                        const char     *text,
                                        gsize           len,
                                        GError        **error);
gsize        _crm_csv_prefix_length    (const char     *text,
                                        gsize           len,
                                        guint           n_chars);

/* crm-csv-columns.c */
CrmCsvField  _crm_csv_guess_field      (const char     *header);
gboolean     _crm_csv_check_columns    (CrmCsvImport   *self,
                                        GError        **error);

/* crm-csv-check.c */
CrmCsvProblem *_crm_csv_problem_new_take (guint        line,
                                          int          column,
                                          char        *message);
char        *_crm_csv_fold_key         (const char     *text);
char        *_crm_csv_collapse_spaces  (const char     *text);
void         _crm_csv_forget_checks    (CrmCsvImport   *self);
gboolean     _crm_csv_check_all        (CrmCsvImport   *self,
                                        CrmStore       *store,
                                        CrmCsvRowFunc   row_func,
                                        gpointer        user_data,
                                        GPtrArray     **out_problems,
                                        GError        **error);

/* crm-store-import.c */
gboolean     _crm_csv_commit           (CrmCsvImport   *self,
                                        CrmStore       *store,
                                        const char     *source,
                                        const char     *campaign,
                                        guint          *n_imported,
                                        GError        **error);

G_END_DECLS
