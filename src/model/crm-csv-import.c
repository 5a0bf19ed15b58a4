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
#include <csv.h>
#include <math.h>
#include <string.h>

#include "crm-csv-import.h"

#include "crm-contact.h"
#include "crm-db.h"
#include "crm-email.h"
#include "crm-leads.h"
#include "crm-limits.h"
#include "crm-phone.h"
#include "crm-store.h"
#include "crm-store-private.h"
#include "crm-user.h"

/**
 * CrmCsvImport:
 *
 * An imported lead list (HS-1): a CSV file as spreadsheets write it, read
 * whole into memory, its columns mapped to contact fields, every row checked
 * (HS-2) and then imported all at once or not at all.
 *
 * Files come from Excel and LibreOffice in Israel and Russia, so the reader
 * takes UTF-8 with or without a byte order mark, UTF-16 with one, and the
 * Windows code pages those spreadsheets still write, Windows-1255 (Hebrew)
 * and Windows-1251 (Russian); commas, semicolons (the separator of locales
 * whose decimal mark is a comma) and tabs. libcsv does the quoting: quoted
 * fields may hold delimiters, doubled quotes and line breaks.
 *
 * Problems are reported by the physical line where a row starts, the line
 * number a text editor shows, so that a user can find the row and fix it.
 */

/* Rows a thread checks at a time. Below two chunks, starting a thread
 * costs more than it saves. */
#define CHUNK_ROWS 1024
#define MAX_THREADS 8

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
  const char   *encoding;   /* static string */
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

/* Rows are checked in chunks by worker threads while the calling thread
 * takes the chunks that are done, in file order, to find duplicates and
 * write the leads; when the next chunk is not done yet, it checks one
 * itself rather than wait. */
typedef struct
{
  CrmCsvImport *self;
  const char   *region;
  GMutex        mutex;
  GCond         cond;
  guint         n_chunks;
  guint         next_chunk;  /* the first chunk nobody has taken */
  guint8       *done;        /* per chunk */
  GThread      *threads[MAX_THREADS];
  guint         n_threads;
  gboolean      stop;        /* the caller gave up: take no more chunks */
} Checker;

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

typedef struct
{
  const char  *alias;
  CrmCsvField  field;
} Alias;

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

/* How many problems the error of a refused import quotes. */
#define PROBLEMS_IN_ERROR 3

/* Rows per INSERT. Every statement that writes contacts makes the
 * full-text index flush what it has gathered (the search_index triggers of
 * migration 1), so one statement per contact costs three times the rest of
 * the import together. 120 rows of the contacts' 8 columns stay within the
 * 999 parameters of SQLite before 3.32, which meson.build still accepts. */
#define BATCH_ROWS 120

/*
 * Header names Deals recognises, in English, Hebrew and Russian, after
 * normalize_header(): case folded, punctuation such as the gershayim of
 * דוא"ל and the hyphen of e-mail removed, white space collapsed. Whole
 * headers are looked up first ("first name", "שם משפחה"), then each word of
 * the header (so "Mobile phone" and "Номер телефона" are phone columns).
 */
static const Alias header_aliases[] = {
  { "name", CRM_CSV_FIELD_NAME },
  { "full name", CRM_CSV_FIELD_NAME },
  { "first name", CRM_CSV_FIELD_NAME },
  { "given name", CRM_CSV_FIELD_NAME },
  { "contact name", CRM_CSV_FIELD_NAME },
  { "שם", CRM_CSV_FIELD_NAME },
  { "שם מלא", CRM_CSV_FIELD_NAME },
  { "שם פרטי", CRM_CSV_FIELD_NAME },
  { "שם איש קשר", CRM_CSV_FIELD_NAME },
  { "имя", CRM_CSV_FIELD_NAME },
  { "фио", CRM_CSV_FIELD_NAME },
  { "полное имя", CRM_CSV_FIELD_NAME },
  { "имя и фамилия", CRM_CSV_FIELD_NAME },
  { "контактное лицо", CRM_CSV_FIELD_NAME },

  { "last name", CRM_CSV_FIELD_LAST_NAME },
  { "family name", CRM_CSV_FIELD_LAST_NAME },
  { "surname", CRM_CSV_FIELD_LAST_NAME },
  { "lastname", CRM_CSV_FIELD_LAST_NAME },
  { "שם משפחה", CRM_CSV_FIELD_LAST_NAME },
  { "фамилия", CRM_CSV_FIELD_LAST_NAME },

  { "phone", CRM_CSV_FIELD_PHONE },
  { "phones", CRM_CSV_FIELD_PHONE },
  { "telephone", CRM_CSV_FIELD_PHONE },
  { "tel", CRM_CSV_FIELD_PHONE },
  { "mobile", CRM_CSV_FIELD_PHONE },
  { "cell", CRM_CSV_FIELD_PHONE },
  { "cellphone", CRM_CSV_FIELD_PHONE },
  { "טלפון", CRM_CSV_FIELD_PHONE },
  { "טל", CRM_CSV_FIELD_PHONE },
  { "נייד", CRM_CSV_FIELD_PHONE },
  { "פלאפון", CRM_CSV_FIELD_PHONE },
  { "телефон", CRM_CSV_FIELD_PHONE },
  { "телефона", CRM_CSV_FIELD_PHONE },
  { "тел", CRM_CSV_FIELD_PHONE },
  { "мобильный", CRM_CSV_FIELD_PHONE },
  { "сотовый", CRM_CSV_FIELD_PHONE },

  { "email", CRM_CSV_FIELD_EMAIL },
  { "mail", CRM_CSV_FIELD_EMAIL },
  { "emailaddress", CRM_CSV_FIELD_EMAIL },
  { "דואל", CRM_CSV_FIELD_EMAIL },
  { "דואר אלקטרוני", CRM_CSV_FIELD_EMAIL },
  { "אימייל", CRM_CSV_FIELD_EMAIL },
  { "מייל", CRM_CSV_FIELD_EMAIL },
  { "почта", CRM_CSV_FIELD_EMAIL },
  { "емейл", CRM_CSV_FIELD_EMAIL },
  { "имейл", CRM_CSV_FIELD_EMAIL },
  { "электронная почта", CRM_CSV_FIELD_EMAIL },

  { "company", CRM_CSV_FIELD_COMPANY },
  { "organization", CRM_CSV_FIELD_COMPANY },
  { "organisation", CRM_CSV_FIELD_COMPANY },
  { "business", CRM_CSV_FIELD_COMPANY },
  { "חברה", CRM_CSV_FIELD_COMPANY },
  { "החברה", CRM_CSV_FIELD_COMPANY },
  { "ארגון", CRM_CSV_FIELD_COMPANY },
  { "עסק", CRM_CSV_FIELD_COMPANY },
  { "компания", CRM_CSV_FIELD_COMPANY },
  { "компании", CRM_CSV_FIELD_COMPANY },
  { "организация", CRM_CSV_FIELD_COMPANY },
  { "организации", CRM_CSV_FIELD_COMPANY },
  { "фирма", CRM_CSV_FIELD_COMPANY },

  { "position", CRM_CSV_FIELD_POSITION },
  { "job title", CRM_CSV_FIELD_POSITION },
  { "role", CRM_CSV_FIELD_POSITION },
  { "תפקיד", CRM_CSV_FIELD_POSITION },
  { "должность", CRM_CSV_FIELD_POSITION },

  { "source", CRM_CSV_FIELD_SOURCE },
  { "lead source", CRM_CSV_FIELD_SOURCE },
  { "channel", CRM_CSV_FIELD_SOURCE },
  { "מקור", CRM_CSV_FIELD_SOURCE },
  { "המקור", CRM_CSV_FIELD_SOURCE },
  { "מקור הליד", CRM_CSV_FIELD_SOURCE },
  { "ערוץ", CRM_CSV_FIELD_SOURCE },
  { "источник", CRM_CSV_FIELD_SOURCE },
  { "канал", CRM_CSV_FIELD_SOURCE },

  { "campaign", CRM_CSV_FIELD_CAMPAIGN },
  { "utmcampaign", CRM_CSV_FIELD_CAMPAIGN },
  { "קמפיין", CRM_CSV_FIELD_CAMPAIGN },
  { "кампания", CRM_CSV_FIELD_CAMPAIGN },
  { "кампании", CRM_CSV_FIELD_CAMPAIGN },

  { "note", CRM_CSV_FIELD_NOTE },
  { "notes", CRM_CSV_FIELD_NOTE },
  { "comment", CRM_CSV_FIELD_NOTE },
  { "comments", CRM_CSV_FIELD_NOTE },
  { "remarks", CRM_CSV_FIELD_NOTE },
  { "description", CRM_CSV_FIELD_NOTE },
  { "הערה", CRM_CSV_FIELD_NOTE },
  { "הערות", CRM_CSV_FIELD_NOTE },
  { "תיאור", CRM_CSV_FIELD_NOTE },
  { "комментарий", CRM_CSV_FIELD_NOTE },
  { "комментарии", CRM_CSV_FIELD_NOTE },
  { "примечание", CRM_CSV_FIELD_NOTE },
  { "заметка", CRM_CSV_FIELD_NOTE },
};

/* When single words of a header name several fields, the more specific
 * one wins: "Company name" is a company, "Source name" a source, and
 * "Email or phone" an email column. */
static const CrmCsvField word_priority[] = {
  CRM_CSV_FIELD_COMPANY,
  CRM_CSV_FIELD_SOURCE,
  CRM_CSV_FIELD_CAMPAIGN,
  CRM_CSV_FIELD_EMAIL,
  CRM_CSV_FIELD_PHONE,
  CRM_CSV_FIELD_LAST_NAME,
  CRM_CSV_FIELD_POSITION,
  CRM_CSV_FIELD_NOTE,
  CRM_CSV_FIELD_NAME,
};

/*
 * Letter frequencies of running text, in hundredths of a percent, for the
 * bytes 0xC0–0xFF as Windows-1255 reads them (Hebrew) and as Windows-1251
 * reads them (Russian). Hebrew letters are 0xE0–0xFA, with vowel points
 * below them that modern text hardly uses; Russian has its capitals at
 * 0xC0–0xDF and its lower case at 0xE0–0xFF. The two ranges overlap, so the
 * guess weighs how likely the bytes are as either language.
 */
static const guint16 hebrew_frequencies[64] = {
  /* 0xC0–0xCF: vowel points and marks */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  /* 0xD0–0xDF: more marks, Yiddish ligatures, then nothing */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0,
  /* 0xE0–0xEF: א ב ג ד ה ו ז ח ט י ך כ ל ם מ ן */
  634, 474, 130, 275, 870, 1038, 94, 243, 124, 1106, 57, 272, 722, 255, 505, 132,
  /* 0xF0–0xFF: נ ס ע ף פ ץ צ ק ר ש ת, then nothing, LRM and RLM */
  323, 150, 317, 27, 162, 23, 116, 199, 557, 449, 527, 0, 0, 2, 2, 0,
};

/* а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я */
static const guint16 russian_frequencies[32] = {
  801, 159, 454, 170, 298, 845, 94, 165, 735, 121, 349, 440, 321, 670, 1097, 281,
  473, 547, 626, 262, 26, 97, 48, 144, 73, 36, 4, 190, 174, 32, 64, 201,
};

/* The key under which names and addresses that differ only by case meet.
 * Most are ASCII, which folds without a table lookup per character. */
static char *
fold_key (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80)
        return g_utf8_casefold (text, -1);
    }

  return g_ascii_strdown (text, -1);
}

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->text, g_free);
}

static void
lead_clear (Lead *lead)
{
  g_clear_pointer (&lead->name, g_free);
  g_clear_pointer (&lead->company, g_free);
  g_clear_pointer (&lead->position, g_free);
  g_clear_pointer (&lead->source, g_free);
  g_clear_pointer (&lead->campaign, g_free);
  g_clear_pointer (&lead->note, g_free);
  g_clear_pointer (&lead->phones, g_array_unref);
  g_clear_pointer (&lead->emails, g_array_unref);
  g_clear_pointer (&lead->problems, g_ptr_array_unref);
}

static void
forget_checks (CrmCsvImport *self)
{
  if (self->leads != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        lead_clear (&self->leads[i]);
    }

  g_clear_pointer (&self->leads, g_free);
  g_clear_pointer (&self->leads_region, g_free);
}

static CrmCsvProblem *
problem_new_take (guint  line,
                  int    column,
                  char  *message)
{
  CrmCsvProblem *problem = g_new0 (CrmCsvProblem, 1);

  problem->line = line;
  problem->column = column;
  problem->message = message;

  return problem;
}

static void
lead_add_problem (Lead  *lead,
                  guint  line,
                  int    column,
                  char  *message)
{
  if (lead->problems == NULL)
    lead->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_csv_problem_free);

  g_ptr_array_add (lead->problems, problem_new_take (line, column, message));
}

/* Encodings */

/* Log-likelihood that the high bytes of @data are Hebrew in Windows-1255
 * rather than Russian in Windows-1251: positive for Hebrew. */
static double
score_hebrew_over_russian (const guint8 *data,
                           gsize         size)
{
  /* A byte neither language uses is not impossible (a stray symbol), only
   * very unlikely: half a hundredth of a percent. */
  const double floor_frequency = 0.5;
  guint64 counts[64] = { 0 };
  double score = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] >= 0xC0)
        counts[data[i] - 0xC0]++;
    }

  for (guint i = 0; i < 64; i++)
    {
      double hebrew, russian;

      if (counts[i] == 0)
        continue;

      hebrew = MAX (hebrew_frequencies[i], floor_frequency);

      /* Names and sentences start with a capital: about one letter in
       * seven of a contact list is one. */
      if (i < 32)
        russian = russian_frequencies[i] * 0.15;
      else
        russian = russian_frequencies[i - 32] * 0.85;
      russian = MAX (russian, floor_frequency);

      score += counts[i] * (log (hebrew) - log (russian));
    }

  return score;
}

/* UTF-16 written without a byte order mark still shows itself: nearly every
 * character of a CSV file (digits, delimiters, Latin letters) has a zero
 * byte, the high one, on the same side. Returns NULL when it is not. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         size)
{
  gsize n = MIN (size, 4096) & ~(gsize) 1;
  guint even = 0, odd = 0;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }

  if (n < 4)
    return NULL;
  if (odd > n / 8 && even == 0)
    return "UTF-16LE";
  if (even > n / 8 && odd == 0)
    return "UTF-16BE";

  return NULL;
}

static char *
convert_to_utf8 (const guint8  *data,
                 gsize          size,
                 const char    *from,
                 gsize         *out_len,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  text = g_convert ((const char *) data, size, "UTF-8", from, NULL, out_len, &local_error);
  if (text == NULL)
    g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                 /* Translators: the first %s is an encoding such as UTF-16LE,
                  * the second why the text could not be read in it */
                 _("The file looks like %s text but cannot be read as such: %s"),
                 from, local_error->message);

  return text;
}

/* Returns the text of @data in UTF-8 and the encoding it was in. */
static char *
decode (const guint8  *data,
        gsize          size,
        const char   **out_encoding,
        gsize         *out_len,
        GError       **error)
{
  const char *utf16;
  char *text;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *out_encoding = "UTF-8";
      if (!g_utf8_validate_len ((const char *) data + 3, size - 3, NULL))
        {
          g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                               _("The file says it is UTF-8 text but is not"));
          return NULL;
        }
      *out_len = size - 3;
      return g_strndup ((const char *) data + 3, size - 3);
    }

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      *out_encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      return convert_to_utf8 (data + 2, size - 2, *out_encoding, out_len, error);
    }

  if ((utf16 = guess_utf16 (data, size)) != NULL)
    {
      *out_encoding = utf16;
      return convert_to_utf8 (data, size, utf16, out_len, error);
    }

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      *out_encoding = "UTF-8";
      *out_len = size;
      return g_strndup ((const char *) data, size);
    }

  /* Not UTF-8: a spreadsheet saved it in the Windows code page of its
   * locale. Should the bytes not fit the likelier one, try the other. */
  if (score_hebrew_over_russian (data, size) > 0)
    *out_encoding = "WINDOWS-1255";
  else
    *out_encoding = "WINDOWS-1251";

  text = g_convert ((const char *) data, size, "UTF-8", *out_encoding, NULL, out_len, NULL);
  if (text != NULL)
    return text;

  *out_encoding = g_str_equal (*out_encoding, "WINDOWS-1255") ? "WINDOWS-1251" : "WINDOWS-1255";
  text = g_convert ((const char *) data, size, "UTF-8", *out_encoding, NULL, out_len, NULL);
  if (text != NULL)
    return text;

  g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                       _("The file is not text in UTF-8, UTF-16, Windows-1255 or Windows-1251; "
                         "save it from the spreadsheet as “CSV UTF-8”"));
  return NULL;
}

/* Parsing */

/* Picks the delimiter that splits the header into the most columns, the
 * next rows breaking ties: a header "Name;Phone" has one semicolon and no
 * comma, while "Name,Phone,Note" rows may hold "Tel Aviv; north". */
static char
detect_delimiter (const char *text,
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

/* Case folded, without the punctuation people put in headers (the
 * gershayim of דוא"ל, the hyphen of e-mail, the dot of "Эл. почта"), one
 * space between words. */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '/' || c == '\\')
        {
          space = out->len > 0;
          continue;
        }

      if (g_unichar_ispunct (c) || c == 0x05F3 || c == 0x05F4)
        continue;

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
lookup_alias (const char  *text,
              CrmCsvField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    {
      if (g_str_equal (header_aliases[i].alias, text))
        {
          *field = header_aliases[i].field;
          return TRUE;
        }
    }

  return FALSE;
}

static CrmCsvField
guess_field (const char *header)
{
  g_autofree char *normalized = normalize_header (header);
  g_auto(GStrv) words = NULL;
  gboolean found[CRM_CSV_N_FIELDS] = { FALSE };
  CrmCsvField field;

  if (lookup_alias (normalized, &field))
    return field;

  /* "E-mail" became "email" above; "E mail" becomes it here. */
  words = g_strsplit (normalized, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (lookup_alias (words[i], &field))
        found[field] = TRUE;
      if (words[i + 1] != NULL)
        {
          g_autofree char *pair = g_strconcat (words[i], words[i + 1], NULL);

          if (lookup_alias (pair, &field))
            found[field] = TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (word_priority); i++)
    {
      if (found[word_priority[i]])
        return word_priority[i];
    }

  return CRM_CSV_FIELD_IGNORE;
}

/* How much of a cell over the limit is kept: its start, for the message
 * and the preview. The rest is never stored, so a 10 MB cell costs no
 * more memory than a line. */
#define QUOTE_CHARS 40

/* The length of the first @n_chars characters of @text. */
static gsize
prefix_length (const char *text,
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
      len = prefix_length (text, len, QUOTE_CHARS);
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
          CrmCsvField field = guess_field (header);

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
static gboolean
parse_text (CrmCsvImport  *self,
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

/* Checking rows */

/* Whether @text may hold white space other than single ASCII spaces
 * between words: a control character, two spaces, or a lead byte of the
 * Unicode spaces (U+00A0, U+1680, U+2000–U+205F, U+3000). Letters of
 * Hebrew and Cyrillic never start with these bytes. */
static gboolean
may_need_collapsing (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p == 0xC2 || *p == 0xE1 || *p == 0xE2 || *p == 0xE3 ||
          (*p == ' ' && p[1] == ' '))
        return TRUE;
    }

  return text[0] == ' ';
}

/* One line of text with single spaces: a name or company that a
 * spreadsheet cell held over two lines, or padded. */
static char *
collapse_spaces (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  /* Most values are clean already; this runs for every name of a list. */
  if (!may_need_collapsing (text))
    {
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == ' ')
        len--;
      return g_strndup (text, len);
    }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
append_part (GString    *string,
             const char *separator,
             const char *part)
{
  if (string->len > 0)
    g_string_append (string, separator);
  g_string_append (string, part);
}

static void
add_value (GArray     *values,
           char       *text,
           int         column)
{
  Value value = { text, column };

  /* The same number in the "Phone" and the "Mobile" column is one number. */
  for (guint i = 0; i < values->len; i++)
    {
      if (g_str_equal (g_array_index (values, Value, i).text, text))
        {
          g_free (text);
          return;
        }
    }

  g_array_append_val (values, value);
}

/* The value of a field as the store would take it (crm-limits.h), or NULL
 * with the row's problem, which quotes only the start of the value. */
static char *
bounded_value (Lead        *lead,
               const Row   *row,
               int          column,
               CrmCsvField  field,
               const char  *text,
               gsize        max_chars,
               CrmTextKind  kind)
{
  g_autoptr(GError) error = NULL;
  char *clean = NULL;

  if (!crm_limits_clean_text (crm_csv_field_get_label (field), text, max_chars, kind, &clean, &error))
    {
      lead_add_problem (lead, row->line, column, g_strdup (error->message));
      return NULL;
    }

  return clean;
}

/* The start of a text for a message, on one line: at most QUOTE_CHARS,
 * and "…" after them when @mark_cut and there was more. */
static char *
quote_start (const char *text,
             gboolean    mark_cut)
{
  gsize len = strlen (text);
  gsize cut = prefix_length (text, len, QUOTE_CHARS);
  g_autofree char *start = g_strndup (text, cut);
  g_autofree char *clean = NULL;

  crm_limits_clean_text (NULL, start, QUOTE_CHARS, CRM_TEXT_LINE, &clean, NULL);
  return g_strconcat (clean, mark_cut && cut < len ? "…" : "", NULL);
}

/* Checks one row on its own: its shape, its phone numbers and email
 * addresses, and HS-2. Runs in worker threads, so it touches nothing but
 * the row and its lead. */
static void
check_row (CrmCsvImport *self,
           const char   *region,
           const Row    *row,
           Lead         *lead)
{
  const char * const *fields = (const char * const *) self->fields->pdata + row->first;
  guint n_columns = self->mapping->len;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) last_name = g_string_new (NULL);
  g_autoptr(GString) note = NULL;

  lead->phones = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (lead->phones, value_clear);
  lead->emails = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (lead->emails, value_clear);

  if (row->unclosed)
    {
      lead_add_problem (lead, row->line, -1,
                        g_strdup (_("A quoted value starts on this line and its closing quote is missing")));
      return;
    }

  /* Only the start of the cell was kept (parse_field_cb()). */
  if (row->long_column >= 0)
    {
      g_autofree char *quote = quote_start (fields[row->long_column], FALSE);

      lead_add_problem (lead, row->line, row->long_column,
                        /* Translators: %u is a number of characters, %s the start of the value */
                        g_strdup_printf (ngettext ("The value is longer than %u character (“%s…”)",
                                                   "The value is longer than %u characters (“%s…”)",
                                                   CRM_LIMIT_CSV_CELL),
                                         (guint) CRM_LIMIT_CSV_CELL, quote));
      return;
    }

  if (row->n_fields != n_columns)
    {
      lead_add_problem (lead, row->line, -1,
                        g_strdup_printf (ngettext ("The row has %u value where the header has %u columns",
                                                   "The row has %u values where the header has %u columns",
                                                   row->n_fields),
                                         row->n_fields, n_columns));
      return;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *field = fields[c];
      g_autoptr(GError) error = NULL;
      g_autofree char *clean = NULL;
      char *normalized = NULL;
      CrmCsvField field_kind;

      if (field[0] == '\0')
        continue;

      field_kind = g_array_index (self->mapping, CrmCsvField, c);
      switch (field_kind)
        {
        case CRM_CSV_FIELD_NAME:
        case CRM_CSV_FIELD_LAST_NAME:
          clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_NAME, CRM_TEXT_LINE);
          if (clean != NULL)
            append_part (field_kind == CRM_CSV_FIELD_NAME ? name : last_name, " ", clean);
          break;

        case CRM_CSV_FIELD_PHONE:
          if (crm_phone_normalize (field, region, &normalized, &error))
            add_value (lead->phones, normalized, c);
          else
            lead_add_problem (lead, row->line, c, g_strdup (error->message));
          break;

        case CRM_CSV_FIELD_EMAIL:
          if (crm_email_normalize (field, &normalized, &error))
            add_value (lead->emails, normalized, c);
          else
            lead_add_problem (lead, row->line, c, g_strdup (error->message));
          break;

        case CRM_CSV_FIELD_COMPANY:
          if (lead->company == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_COMPANY, CRM_TEXT_LINE)))
            lead->company = collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_POSITION:
          if (lead->position == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->position = collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_SOURCE:
          if (lead->source == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->source = collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_CAMPAIGN:
          if (lead->campaign == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->campaign = collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_NOTE:
          if (note == NULL)
            note = g_string_new (NULL);
          append_part (note, "\n", field);
          break;

        case CRM_CSV_FIELD_IGNORE:
        default:
          break;
        }
    }

  /* HS-2: someone must be able to follow the lead up, by email or on a
   * mobile. A wrong value was reported above; this is for rows that are
   * right but not enough. crm_phone_is_mobile() parses the number again,
   * so it only runs when there is no email. */
  if (lead->problems == NULL && lead->emails->len == 0)
    {
      gboolean mobile = FALSE;

      for (guint i = 0; i < lead->phones->len && !mobile; i++)
        mobile = crm_phone_is_mobile (g_array_index (lead->phones, Value, i).text);

      if (lead->phones->len == 0)
        lead_add_problem (lead, row->line, -1,
                          g_strdup (_("The row has neither a mobile phone number nor an email address")));
      else if (!mobile)
        {
          const Value *phone = &g_array_index (lead->phones, Value, 0);
          g_autofree char *formatted = crm_phone_format (phone->text, region);

          lead_add_problem (lead, row->line, phone->column,
                            /* Translators: %s is a phone number */
                            g_strdup_printf (_("%s is not a mobile number and the row has no email address"),
                                             formatted));
        }
    }

  append_part (name, " ", last_name->str);
  if (name->len > CRM_LIMIT_NAME)
    {
      g_autofree char *joined = bounded_value (lead, row, -1, CRM_CSV_FIELD_NAME, name->str,
                                               CRM_LIMIT_NAME, CRM_TEXT_LINE);

      if (joined == NULL)
        g_string_truncate (name, prefix_length (name->str, name->len, CRM_LIMIT_NAME));
    }
  lead->name = collapse_spaces (name->str);

  /* AXL-1: a lead may come without a name; it is then called by its
   * number, or its address, until someone learns the name. */
  if (lead->name[0] == '\0')
    {
      g_clear_pointer (&lead->name, g_free);
      if (lead->phones->len > 0)
        lead->name = crm_phone_format (g_array_index (lead->phones, Value, 0).text, region);
      else if (lead->emails->len > 0)
        lead->name = g_strdup (g_array_index (lead->emails, Value, 0).text);
    }

  /* Every note column of the row goes into one note. */
  if (note != NULL)
    lead->note = bounded_value (lead, row, -1, CRM_CSV_FIELD_NOTE, note->str, CRM_LIMIT_NOTE, CRM_TEXT_LINES);
}

static void
check_chunk (Checker *checker,
             guint    chunk)
{
  CrmCsvImport *self = checker->self;
  guint from = chunk * CHUNK_ROWS;
  guint to = MIN (from + CHUNK_ROWS, self->rows->len);

  for (guint i = from; i < to; i++)
    check_row (self, checker->region, &g_array_index (self->rows, Row, i), &self->leads[i]);
}

/* Takes the next chunk nobody has taken; called with the mutex held. */
static gboolean
take_chunk (Checker *checker,
            guint   *chunk)
{
  if (checker->stop || checker->next_chunk >= checker->n_chunks)
    return FALSE;

  *chunk = checker->next_chunk++;
  return TRUE;
}

static void
finish_chunk (Checker *checker,
              guint    chunk)
{
  g_mutex_lock (&checker->mutex);
  checker->done[chunk] = TRUE;
  g_cond_broadcast (&checker->cond);
  g_mutex_unlock (&checker->mutex);
}

static gpointer
check_thread (gpointer data)
{
  Checker *checker = data;

  for (;;)
    {
      guint chunk;
      gboolean taken;

      g_mutex_lock (&checker->mutex);
      taken = take_chunk (checker, &chunk);
      g_mutex_unlock (&checker->mutex);

      if (!taken)
        return NULL;

      check_chunk (checker, chunk);
      finish_chunk (checker, chunk);
    }
}

/* libphonenumber takes some 20 µs a number, which for a 100k-row list is
 * most of the import: the checks are spread over the processors, the
 * calling thread being one of them. */
static void
checker_start (Checker      *checker,
               CrmCsvImport *self,
               const char   *region)
{
  guint n_rows = self->rows->len;
  guint n_processors = MIN (g_get_num_processors (), MAX_THREADS);

  memset (checker, 0, sizeof *checker);
  checker->self = self;
  checker->region = region;
  checker->n_chunks = (n_rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
  checker->done = g_new0 (guint8, MAX (checker->n_chunks, 1));
  g_mutex_init (&checker->mutex);
  g_cond_init (&checker->cond);

  /* libphonenumber sets up its tables on first use; do that here, before
   * threads share them. */
  crm_phone_is_mobile ("+972501234567");

  for (guint t = 0; t + 1 < n_processors && t + 1 < checker->n_chunks; t++)
    {
      GThread *thread = g_thread_try_new ("crm-csv-check", check_thread, checker, NULL);

      /* Without threads the calling thread checks everything itself. */
      if (thread == NULL)
        break;
      checker->threads[checker->n_threads++] = thread;
    }
}

/* Returns once @chunk has been checked, checking others meanwhile. */
static void
checker_wait (Checker *checker,
              guint    chunk)
{
  g_mutex_lock (&checker->mutex);
  while (!checker->done[chunk])
    {
      guint other;

      if (take_chunk (checker, &other))
        {
          g_mutex_unlock (&checker->mutex);
          check_chunk (checker, other);
          finish_chunk (checker, other);
          g_mutex_lock (&checker->mutex);
        }
      else
        g_cond_wait (&checker->cond, &checker->mutex);
    }
  g_mutex_unlock (&checker->mutex);
}

/* Stops the threads; rows not checked by then stay unchecked. */
static void
checker_finish (Checker *checker)
{
  g_mutex_lock (&checker->mutex);
  checker->stop = TRUE;
  g_mutex_unlock (&checker->mutex);

  for (guint t = 0; t < checker->n_threads; t++)
    g_thread_join (checker->threads[t]);

  g_clear_pointer (&checker->done, g_free);
  g_mutex_clear (&checker->mutex);
  g_cond_clear (&checker->cond);
}

/* Numbers and addresses already in the database, to find duplicates
 * without a query per row. The values are indexes into @ids. */
typedef struct
{
  GHashTable *phones;   /* E.164 → index + 1 */
  GHashTable *emails;   /* case-folded address → index + 1 */
  GArray     *ids;      /* gint64 contact ids */
  GHashTable *names;    /* contact id → name, filled on demand */
} Existing;

static void
existing_clear (Existing *existing)
{
  g_clear_pointer (&existing->phones, g_hash_table_unref);
  g_clear_pointer (&existing->emails, g_hash_table_unref);
  g_clear_pointer (&existing->ids, g_array_unref);
  g_clear_pointer (&existing->names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Existing, existing_clear)

static gboolean
load_existing (CrmDb     *db,
               Existing  *existing,
               GError   **error)
{
  g_autoptr(CrmStatement) phones = NULL;
  g_autoptr(CrmStatement) emails = NULL;
  CrmStep step;

  existing->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  existing->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  existing->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  existing->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  phones = crm_db_prepare (db, "SELECT number, contact_id FROM contact_phones", error);
  if (phones == NULL)
    return FALSE;

  while ((step = crm_statement_step (phones, error)) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (phones, 1);

      g_array_append_val (existing->ids, id);
      g_hash_table_insert (existing->phones,
                           g_strdup (crm_statement_get_text (phones, 0)),
                           GUINT_TO_POINTER (existing->ids->len));
    }
  if (step == CRM_STEP_ERROR)
    return FALSE;

  emails = crm_db_prepare (db, "SELECT address, contact_id FROM contact_emails", error);
  if (emails == NULL)
    return FALSE;

  while ((step = crm_statement_step (emails, error)) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (emails, 1);

      g_array_append_val (existing->ids, id);
      g_hash_table_insert (existing->emails,
                           fold_key (crm_statement_get_text (emails, 0)),
                           GUINT_TO_POINTER (existing->ids->len));
    }

  return step != CRM_STEP_ERROR;
}

static const char *
existing_name (CrmDb    *db,
               Existing *existing,
               guint     index)
{
  gint64 id = g_array_index (existing->ids, gint64, index - 1);
  g_autoptr(CrmStatement) stmt = NULL;
  const char *name;

  name = g_hash_table_lookup (existing->names, &id);
  if (name != NULL)
    return name;

  stmt = crm_db_prepare (db, "SELECT name FROM contacts WHERE id = ?1", NULL);
  if (stmt == NULL)
    return "?";

  crm_statement_bind_int64 (stmt, 1, id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return "?";

  name = crm_statement_get_text (stmt, 0);
  /* Names are for messages, which quote only their start. */
  g_hash_table_insert (existing->names, g_memdup2 (&id, sizeof id), quote_start (name, TRUE));

  return g_hash_table_lookup (existing->names, &id);
}

/* Hash tables of what earlier rows had, for find_duplicates(). */
typedef struct
{
  GHashTable *phones;   /* E.164 (owned by the lead) → line */
  GHashTable *emails;   /* case-folded address → line */
} Seen;

/* HS-2 again, across rows: a lead that is in the list twice, or already in
 * the database, would be called twice. Rows are taken in file order, so a
 * duplicate always points back at an earlier line. */
static void
find_duplicates (CrmDb       *db,
                 Existing    *existing,
                 Seen        *seen,
                 const Row   *row,
                 const Lead  *lead,
                 GPtrArray   *problems)
{
  for (guint k = 0; k < lead->phones->len; k++)
    {
      const Value *phone = &g_array_index (lead->phones, Value, k);
      guint line = GPOINTER_TO_UINT (g_hash_table_lookup (seen->phones, phone->text));
      guint index;

      if (line != 0)
        g_ptr_array_add (problems,
                         problem_new_take (row->line, phone->column,
                                           g_strdup_printf (_("Same phone number as line %u"), line)));
      else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (existing->phones, phone->text))) != 0)
        g_ptr_array_add (problems,
                         problem_new_take (row->line, phone->column,
                                           /* Translators: %s is a contact's name */
                                           g_strdup_printf (_("Same phone number as the existing contact “%s”"),
                                                            existing_name (db, existing, index))));
      else
        g_hash_table_insert (seen->phones, phone->text, GUINT_TO_POINTER (row->line));
    }

  for (guint k = 0; k < lead->emails->len; k++)
    {
      const Value *email = &g_array_index (lead->emails, Value, k);
      g_autofree char *key = fold_key (email->text);
      guint line = GPOINTER_TO_UINT (g_hash_table_lookup (seen->emails, key));
      guint index;

      if (line != 0)
        g_ptr_array_add (problems,
                         problem_new_take (row->line, email->column,
                                           g_strdup_printf (_("Same email address as line %u"), line)));
      else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (existing->emails, key))) != 0)
        g_ptr_array_add (problems,
                         problem_new_take (row->line, email->column,
                                           /* Translators: %s is a contact's name */
                                           g_strdup_printf (_("Same email address as the existing contact “%s”"),
                                                            existing_name (db, existing, index))));
      else
        g_hash_table_insert (seen->emails, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
    }
}

static gboolean
check_columns (CrmCsvImport  *self,
               GError       **error)
{
  gboolean name = FALSE, phone = FALSE, email = FALSE;

  for (guint i = 0; i < self->mapping->len; i++)
    {
      CrmCsvField field = g_array_index (self->mapping, CrmCsvField, i);

      name |= field == CRM_CSV_FIELD_NAME || field == CRM_CSV_FIELD_LAST_NAME;
      phone |= field == CRM_CSV_FIELD_PHONE;
      email |= field == CRM_CSV_FIELD_EMAIL;
    }

  if (!name)
    {
      g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: %s is the name of a column, “Name” */
                   _("The file has no “%s” column; choose the column that holds the names"),
                   crm_csv_field_get_label (CRM_CSV_FIELD_NAME));
      return FALSE;
    }

  if (!phone && !email)
    {
      g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: the %s are names of columns, “Phone” and “Email” */
                   _("The file has no “%s” or “%s” column; choose the column that holds "
                     "the phone numbers or the email addresses"),
                   crm_csv_field_get_label (CRM_CSV_FIELD_PHONE),
                   crm_csv_field_get_label (CRM_CSV_FIELD_EMAIL));
      return FALSE;
    }

  return TRUE;
}

/* Called for each row once its problems are known, in file order. */
typedef gboolean (*RowFunc) (CrmCsvImport  *self,
                             const Lead    *lead,
                             gboolean       clean,
                             gpointer       user_data,
                             GError       **error);

/* Checks every row and gathers their problems in file order: each row's
 * own (checked once per mapping and region, and kept), then its duplicates
 * (looked for every time, since the database changes). @row_func is told
 * whether all rows so far, this one included, are clean. */
static gboolean
check_all (CrmCsvImport  *self,
           CrmStore      *store,
           RowFunc        row_func,
           gpointer       user_data,
           GPtrArray    **out_problems,
           GError       **error)
{
  g_auto(Existing) existing = { NULL };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) seen_phones = NULL;
  g_autoptr(GHashTable) seen_emails = NULL;
  CrmDb *db = crm_store_get_db (store);
  const char *region = _crm_store_get_region (store);
  Checker checker;
  gboolean checking = FALSE;
  gboolean ok = TRUE;
  Seen seen;

  if (!check_columns (self, error))
    return FALSE;

  if (!load_existing (db, &existing, error))
    return FALSE;

  if (self->leads == NULL || g_strcmp0 (self->leads_region, region) != 0)
    {
      forget_checks (self);
      self->leads = g_new0 (Lead, self->rows->len);
      self->leads_region = g_strdup (region);
      checker_start (&checker, self, region);
      checking = TRUE;
    }

  seen_phones = g_hash_table_new (g_str_hash, g_str_equal);
  seen_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seen.phones = seen_phones;
  seen.emails = seen_emails;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_csv_problem_free);
  for (guint i = 0; i < self->rows->len && ok; i++)
    {
      const Lead *lead = &self->leads[i];

      if (checking && i % CHUNK_ROWS == 0)
        checker_wait (&checker, i / CHUNK_ROWS);

      for (guint k = 0; lead->problems != NULL && k < lead->problems->len; k++)
        g_ptr_array_add (problems, crm_csv_problem_copy (g_ptr_array_index (lead->problems, k)));

      find_duplicates (db, &existing, &seen, &g_array_index (self->rows, Row, i), lead, problems);

      if (row_func != NULL)
        ok = row_func (self, lead, problems->len == 0, user_data, error);
    }

  if (checking)
    {
      checker_finish (&checker);

      /* Rows left unchecked after an error must be checked next time. */
      if (!ok)
        forget_checks (self);
    }

  if (!ok)
    return FALSE;

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}

/* Writing */

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
} Writer;

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

        case CELL_TEXT:
        default:
          crm_statement_bind_text (stmt, i + 1, cell->text);
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
      char *key = fold_key (crm_statement_get_text (stmt, 1));

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

  key = fold_key (name);
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

static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  return batch_flush (&writer->contacts, writer->db, error) &&
         batch_flush (&writer->phones, writer->db, error) &&
         batch_flush (&writer->emails, writer->db, error) &&
         batch_flush (&writer->notes, writer->db, error);
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

/* GObject */

static void
crm_csv_import_finalize (GObject *object)
{
  CrmCsvImport *self = (CrmCsvImport *)object;

  forget_checks (self);
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
   * "WINDOWS-1255" or "WINDOWS-1251".
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

  return problem_new_take (problem->line, problem->column, g_strdup (problem->message));
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
 * crm_csv_field_get_label:
 * @field: a #CrmCsvField
 *
 * Returns: the field's name as the column mapping shows it, translated
 */
const char *
crm_csv_field_get_label (CrmCsvField field)
{
  static const char * const labels[] = {
    [CRM_CSV_FIELD_IGNORE] = N_("Do not import"),
    [CRM_CSV_FIELD_NAME] = N_("Name"),
    [CRM_CSV_FIELD_LAST_NAME] = N_("Last name"),
    [CRM_CSV_FIELD_PHONE] = N_("Phone"),
    [CRM_CSV_FIELD_EMAIL] = N_("Email"),
    [CRM_CSV_FIELD_COMPANY] = N_("Company"),
    [CRM_CSV_FIELD_POSITION] = N_("Position"),
    [CRM_CSV_FIELD_SOURCE] = N_("Source"),
    [CRM_CSV_FIELD_CAMPAIGN] = N_("Campaign"),
    [CRM_CSV_FIELD_NOTE] = N_("Note"),
  };

  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (labels), NULL);

  return _(labels[field]);
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
  g_autoptr(CrmCsvImport) self = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  const guint8 *data;
  gsize size;
  gsize len = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CRM_TYPE_CSV_IMPORT, NULL);
  self->file_name = g_strdup (file_name);

  data = g_bytes_get_data (bytes, &size);
  if (!check_size (size, error))
    return NULL;

  if (size > 0)
    {
      text = decode (data, size, &encoding, &len, error);
      if (text == NULL)
        return NULL;
    }

  /* A NUL would end every C string after it: the file is not text. */
  if (len > 0 && memchr (text, '\0', len) != NULL)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                           _("The file is not a text file"));
      return NULL;
    }

  self->encoding = encoding != NULL ? encoding : "UTF-8";
  self->delimiter = detect_delimiter (text, len);

  if (!parse_text (self, text, len, error))
    return NULL;

  if (self->headers == NULL)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY,
                           _("The file is empty; a lead list starts with a row of column names"));
      return NULL;
    }

  return g_steal_pointer (&self);
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
  forget_checks (self);
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

  if (!check_all (self, store, NULL, NULL, &problems, error))
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
  g_auto(Writer) writer = { NULL };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *default_source = NULL;
  g_autofree char *default_campaign = NULL;
  g_autofree char *count = NULL;
  CrmUser *user;
  guint n_rows;

  g_return_val_if_fail (CRM_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  n_rows = self->rows->len;
  if (n_rows == 0)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY,
                           _("The file has no rows below its header"));
      return FALSE;
    }

  if (!check_columns (self, error))
    return FALSE;

  writer.store = store;
  writer.db = crm_store_get_db (store);
  writer.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  user = crm_store_get_current_user (store);
  writer.user_id = user != NULL ? crm_user_get_id (user) : 0;

  now = crm_store_now (store);
  now_text = _crm_store_format_timestamp (now);
  writer.now = now_text;

  default_source = crm_store_normalize_lead_source (store, source);
  if (campaign != NULL)
    default_campaign = collapse_spaces (campaign);
  if (default_campaign != NULL && default_campaign[0] == '\0')
    g_clear_pointer (&default_campaign, g_free);

  writer.default_source = default_source;
  writer.default_campaign = default_campaign;

  if (!crm_db_begin (writer.db, error))
    return FALSE;

  if (!writer_start (&writer, error) ||
      !check_all (self, store, write_row_cb, &writer, &problems, error))
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

  if (n_imported != NULL)
    *n_imported = n_rows;

  return TRUE;
}
