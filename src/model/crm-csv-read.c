/* crm-csv-read.c
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
#include <csv.h>
#include <string.h>

#include "crm-csv-import-private.h"
#include "crm-limits.h"

/*
 * Reading rows: the delimiter, then libcsv over the text, one physical line
 * at a time so that every row knows the line it starts on. Cells, rows and
 * columns are bounded here (crm-limits.h), before anything parses them; a
 * cell over the limit keeps only its first QUOTE_CHARS characters, for the
 * preview and the message, so a 10 MB cell costs no more memory than a
 * line.
 */

/* The state of one pass of libcsv over the text. */
typedef struct
{
  CrmCsvImport *self;
  GPtrArray    *row;        /* the fields read so far of the current row */
  guint         line;       /* the physical line being fed to the parser */
  guint         row_line;   /* where the current row started */
  int           long_column;  /* of the current row, as in Row */
  GError       *error;      /* a limit of the whole file was passed */
  guint         in_row : 1;
  guint         unclosed : 1;
} Parse;

/* Picks the delimiter that splits the header into the most columns, the
 * next rows breaking ties: a header "Name;Phone" has one semicolon and no
 * comma, while "Name,Phone,Note" rows may hold "Tel Aviv; north". */
char
_crm_csv_detect_delimiter (const char *text,
                           gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint header[G_N_ELEMENTS (candidates)] = { 0 };
  guint agreeing[G_N_ELEMENTS (candidates)] = { 0 };
  guint current[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint line = 0;
  guint best = 0;

  for (gsize i = 0; i < len && line < 6; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            {
              if (line == 0)
                header[k] = current[k];
              else if (current[k] == header[k])
                agreeing[k]++;
              current[k] = 0;
            }
          line++;
        }
      else if (!quoted)
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            current[k] += c == candidates[k];
        }
    }

  if (line == 0)
    {
      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        header[k] = current[k];
    }

  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    {
      if (header[k] > header[best] ||
          (header[k] == header[best] && agreeing[k] > agreeing[best]))
        best = k;
    }

  return candidates[best];
}

/* The length of the first @n_chars characters of @text. */
gsize
_crm_csv_prefix_length (const char *text,
                        gsize       len,
                        guint       n_chars)
{
  const char *p = text;

  for (guint i = 0; i < n_chars && p < text + len; i++)
    p = g_utf8_next_char (p);

  return MIN ((gsize) (p - text), len);
}

static void
parse_field_cb (void   *data,
                size_t  len,
                void   *user_data)
{
  Parse *parse = user_data;
  const char *text = data ? data : "";

  /* Cells are bounded here, before anything parses them: the text is
   * UTF-8 already, so only a cell of more bytes than characters allowed
   * needs counting. */
  if (len > CRM_LIMIT_CSV_CELL &&
      (len > CRM_LIMIT_CSV_CELL * 4 || g_utf8_strlen (text, len) > CRM_LIMIT_CSV_CELL))
    {
      if (parse->long_column < 0)
        parse->long_column = (int) parse->row->len;
      len = _crm_csv_prefix_length (text, len, QUOTE_CHARS);
    }

  g_ptr_array_add (parse->row, g_string_chunk_insert_len (parse->self->strings, text, len));
}

static void
parse_row_cb (int   c,
              void *user_data)
{
  Parse *parse = user_data;
  CrmCsvImport *self = parse->self;
  gboolean empty = TRUE;
  int long_column = parse->long_column;

  parse->in_row = FALSE;
  parse->long_column = -1;

  if (parse->error != NULL)
    {
      g_ptr_array_set_size (parse->row, 0);
      return;
    }

  /* Spreadsheets pad values and leave rows of empty cells below the
   * data; neither means anything. */
  for (guint i = 0; i < parse->row->len; i++)
    {
      char *field = g_strstrip ((char *) g_ptr_array_index (parse->row, i));

      empty &= field[0] == '\0';
    }

  if (empty && !parse->unclosed)
    {
      g_ptr_array_set_size (parse->row, 0);
      return;
    }

  if (self->headers == NULL && (long_column >= 0 || parse->row->len > CRM_LIMIT_CSV_COLUMNS))
    {
      if (long_column >= 0)
        g_set_error (&parse->error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG,
                     /* Translators: %u is a line number, then a number of characters */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "Line %u should name the columns, but one of its cells is longer than %u character",
                                  "Line %u should name the columns, but one of its cells is longer than %u characters",
                                  CRM_LIMIT_CSV_CELL),
                     parse->row_line, (guint) CRM_LIMIT_CSV_CELL);
      else
        g_set_error (&parse->error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG,
                     /* Translators: %u is a number of columns */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The file has more than %u column; a lead list has a few",
                                  "The file has more than %u columns; a lead list has a few",
                                  CRM_LIMIT_CSV_COLUMNS),
                     (guint) CRM_LIMIT_CSV_COLUMNS);
      g_ptr_array_set_size (parse->row, 0);
      return;
    }

  if (self->headers != NULL && self->rows->len >= CRM_LIMIT_CSV_ROWS)
    {
      g_set_error (&parse->error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG,
                   /* Translators: %u is a number of rows */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The file has more than %u row below its header; import it in parts",
                                "The file has more than %u rows below its header; import it in parts",
                                CRM_LIMIT_CSV_ROWS),
                   (guint) CRM_LIMIT_CSV_ROWS);
      g_ptr_array_set_size (parse->row, 0);
      return;
    }

  if (self->headers == NULL)
    {
      self->headers = g_ptr_array_new ();
      self->mapping = g_array_new (FALSE, FALSE, sizeof (CrmCsvField));
      for (guint i = 0; i < parse->row->len; i++)
        {
          const char *header = g_ptr_array_index (parse->row, i);
          CrmCsvField field = _crm_csv_guess_field (header);

          /* One column per name part: a second "Name" column is more
           * likely a company's or a manager's. */
          for (guint k = 0; k < self->mapping->len; k++)
            {
              if ((field == CRM_CSV_FIELD_NAME || field == CRM_CSV_FIELD_LAST_NAME) &&
                  g_array_index (self->mapping, CrmCsvField, k) == field)
                field = CRM_CSV_FIELD_IGNORE;
            }

          g_ptr_array_add (self->headers, (gpointer) header);
          g_array_append_val (self->mapping, field);
        }
      g_ptr_array_add (self->headers, NULL);
    }
  else
    {
      Row row = { 0 };

      row.line = parse->row_line;
      row.first = self->fields->len;
      row.n_fields = parse->row->len;
      row.long_column = long_column;
      row.unclosed = parse->unclosed;
      g_array_append_val (self->rows, row);

      g_ptr_array_extend (self->fields, parse->row, NULL, NULL);
      g_ptr_array_add (self->fields, NULL);
    }

  g_ptr_array_set_size (parse->row, 0);
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
        return FALSE;
    }

  return TRUE;
}

/* libcsv reports fields and rows but not where they are in the file. It
 * is fed one physical line at a time, so the line being fed when a row
 * begins is the line where the row starts, however many line breaks its
 * quoted fields hold. */
gboolean
_crm_csv_parse_text (CrmCsvImport  *self,
                     const char    *text,
                     gsize          len,
                     GError       **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  struct csv_parser parser;
  const char *end = text + len;
  const char *p = text;
  Parse parse = { 0 };

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("Could not set up the CSV parser");

  csv_set_delim (&parser, (unsigned char) self->delimiter);
  /* libcsv grows a field's buffer by this much at a time, 128 bytes by
   * default: a hostile 10 MB cell, refused only once it is whole, then
   * cost 80,000 reallocations, minutes under AddressSanitizer. */
  csv_set_blk_size (&parser, 64 * 1024);

  parse.self = self;
  parse.row = row;
  parse.line = 1;
  parse.long_column = -1;

  while (p < end)
    {
      const char *q = p;

      while (q < end && *q != '\n' && *q != '\r')
        q++;
      if (q < end)
        q += (*q == '\r' && q + 1 < end && q[1] == '\n') ? 2 : 1;

      if (!parse.in_row && !is_blank (p, q))
        {
          parse.in_row = TRUE;
          parse.row_line = parse.line;
        }

      if (csv_parse (&parser, p, q - p, parse_field_cb, parse_row_cb, &parse) != (size_t) (q - p))
        {
          g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                       _("Line %u of the file cannot be read: %s"),
                       parse.line, csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_clear_error (&parse.error);
          return FALSE;
        }

      if (parse.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parse.error));
          csv_free (&parser);
          return FALSE;
        }

      parse.line++;
      p = q;
    }

  /* End the last line, so that a row still open afterwards can only be a
   * quoted field whose closing quote is missing. */
  if (parse.in_row)
    csv_parse (&parser, "\n", 1, parse_field_cb, parse_row_cb, &parse);
  parse.unclosed = parse.in_row;

  csv_fini (&parser, parse_field_cb, parse_row_cb, &parse);
  csv_free (&parser);

  if (parse.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse.error));
      return FALSE;
    }

  return TRUE;
}

