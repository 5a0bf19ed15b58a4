/* crm-csv-check.c
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

#include "crm-csv-import-private.h"
#include "crm-email.h"
#include "crm-limits.h"
#include "crm-phone.h"
#include "crm-leads.h"
#include "crm-store-private.h"

/*
 * Checking rows (HS-2): each row on its own, in worker threads, then
 * across rows and against the database for duplicates, in file order.
 */

/* Rows a thread checks at a time. Below two chunks, starting a thread
 * costs more than it saves. */
#define CHUNK_ROWS 1024
#define MAX_THREADS 8

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

/* The key under which names and addresses that differ only by case meet.
 * Most are ASCII, which folds without a table lookup per character. */
char *
_crm_csv_fold_key (const char *text)
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

void
_crm_csv_forget_checks (CrmCsvImport *self)
{
  if (self->leads != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        lead_clear (&self->leads[i]);
    }

  g_clear_pointer (&self->leads, g_free);
  g_clear_pointer (&self->leads_region, g_free);
}

CrmCsvProblem *
_crm_csv_problem_new_take (guint  line,
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

  g_ptr_array_add (lead->problems, _crm_csv_problem_new_take (line, column, message));
}

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
char *
_crm_csv_collapse_spaces (const char *text)
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

  /* The label is translated only for the message: a gettext lookup for
   * each cell shows in a 100k-row import. */
  if (!crm_limits_clean_text (NULL, text, max_chars, kind, &clean, NULL))
    {
      crm_limits_clean_text (crm_csv_field_get_label (field), text, max_chars, kind, NULL, &error);
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
  gsize cut = _crm_csv_prefix_length (text, len, QUOTE_CHARS);
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
            lead->company = _crm_csv_collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_POSITION:
          if (lead->position == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->position = _crm_csv_collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_SOURCE:
          if (lead->source == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->source = _crm_csv_collapse_spaces (clean);
          break;

        case CRM_CSV_FIELD_CAMPAIGN:
          if (lead->campaign == NULL &&
              (clean = bounded_value (lead, row, c, field_kind, field, CRM_LIMIT_TEXT, CRM_TEXT_LINE)))
            lead->campaign = _crm_csv_collapse_spaces (clean);
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
        g_string_truncate (name, _crm_csv_prefix_length (name->str, name->len, CRM_LIMIT_NAME));
    }
  lead->name = _crm_csv_collapse_spaces (name->str);

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

static void
add_existing_cb (gboolean    is_phone,
                 const char *value,
                 gint64      contact_id,
                 gpointer    data)
{
  Existing *existing = data;

  g_array_append_val (existing->ids, contact_id);
  if (is_phone)
    g_hash_table_insert (existing->phones, g_strdup (value), GUINT_TO_POINTER (existing->ids->len));
  else
    g_hash_table_insert (existing->emails, _crm_csv_fold_key (value), GUINT_TO_POINTER (existing->ids->len));
}

static gboolean
load_existing (CrmStore  *store,
               Existing  *existing,
               GError   **error)
{
  existing->phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  existing->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  existing->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  existing->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  return _crm_store_import_each_known (store, add_existing_cb, existing, error);
}

static const char *
existing_name (CrmStore *store,
               Existing *existing,
               guint     index)
{
  gint64 id = g_array_index (existing->ids, gint64, index - 1);
  g_autofree char *name = NULL;
  const char *known;

  known = g_hash_table_lookup (existing->names, &id);
  if (known != NULL)
    return known;

  name = _crm_store_import_dup_contact_name (store, id);
  if (name == NULL)
    return "?";

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
find_duplicates (CrmStore    *store,
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
                         _crm_csv_problem_new_take (row->line, phone->column,
                                           g_strdup_printf (_("Same phone number as line %u"), line)));
      else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (existing->phones, phone->text))) != 0)
        g_ptr_array_add (problems,
                         _crm_csv_problem_new_take (row->line, phone->column,
                                           /* Translators: %s is a contact's name */
                                           g_strdup_printf (_("Same phone number as the existing contact “%s”"),
                                                            existing_name (store, existing, index))));
      else
        g_hash_table_insert (seen->phones, phone->text, GUINT_TO_POINTER (row->line));
    }

  for (guint k = 0; k < lead->emails->len; k++)
    {
      const Value *email = &g_array_index (lead->emails, Value, k);
      g_autofree char *key = _crm_csv_fold_key (email->text);
      guint line = GPOINTER_TO_UINT (g_hash_table_lookup (seen->emails, key));
      guint index;

      if (line != 0)
        g_ptr_array_add (problems,
                         _crm_csv_problem_new_take (row->line, email->column,
                                           g_strdup_printf (_("Same email address as line %u"), line)));
      else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (existing->emails, key))) != 0)
        g_ptr_array_add (problems,
                         _crm_csv_problem_new_take (row->line, email->column,
                                           /* Translators: %s is a contact's name */
                                           g_strdup_printf (_("Same email address as the existing contact “%s”"),
                                                            existing_name (store, existing, index))));
      else
        g_hash_table_insert (seen->emails, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));
    }
}

/* Checks every row and gathers their problems in file order: each row's
 * own (checked once per mapping and region, and kept), then its duplicates
 * (looked for every time, since the database changes). @row_func is told
 * whether all rows so far, this one included, are clean. */
/* Sources are the procedure's keys (docs/decisions.md): a row naming
 * another is a problem of that row. Lists repeat a handful of sources, so
 * each text is looked up once; @known maps it to the refusal, or to NULL. */
static void
check_source (CrmStore     *store,
              GHashTable   *known,
              int           column,
              const Row    *row,
              const Lead   *lead,
              GPtrArray    *problems)
{
  const char *message;

  if (lead->source == NULL)
    return;

  if (!g_hash_table_lookup_extended (known, lead->source, NULL, (gpointer *) &message))
    {
      g_autoptr(GError) error = NULL;

      crm_store_check_lead_source (store, lead->source, NULL, &error);
      message = error != NULL ? g_strdup (error->message) : NULL;
      g_hash_table_insert (known, g_strdup (lead->source), (gpointer) message);
    }

  if (message != NULL)
    g_ptr_array_add (problems, _crm_csv_problem_new_take (row->line, column, g_strdup (message)));
}

static int
source_column (CrmCsvImport *self)
{
  for (guint c = 0; c < self->mapping->len; c++)
    if (g_array_index (self->mapping, CrmCsvField, c) == CRM_CSV_FIELD_SOURCE)
      return (int) c;

  return -1;
}

gboolean
_crm_csv_check_all (CrmCsvImport   *self,
                    CrmStore       *store,
                    CrmCsvRowFunc   row_func,
                    gpointer        user_data,
                    GPtrArray     **out_problems,
                    GError        **error)
{
  g_auto(Existing) existing = { NULL };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) seen_phones = NULL;
  g_autoptr(GHashTable) seen_emails = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int column = source_column (self);
  const char *region = _crm_store_get_region (store);
  Checker checker;
  gboolean checking = FALSE;
  gboolean ok = TRUE;
  Seen seen;

  if (!_crm_csv_check_columns (self, error))
    return FALSE;

  if (!load_existing (store, &existing, error))
    return FALSE;

  if (self->leads == NULL || g_strcmp0 (self->leads_region, region) != 0)
    {
      _crm_csv_forget_checks (self);
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

  /* Bytes that are not text in the encoding come first: the list is not
   * imported until it is read in one that fits. */
  for (guint i = 0; self->encoding_problems != NULL && i < self->encoding_problems->len; i++)
    g_ptr_array_add (problems, crm_csv_problem_copy (g_ptr_array_index (self->encoding_problems, i)));
  for (guint i = 0; i < self->rows->len && ok; i++)
    {
      const Lead *lead = &self->leads[i];

      if (checking && i % CHUNK_ROWS == 0)
        checker_wait (&checker, i / CHUNK_ROWS);

      for (guint k = 0; lead->problems != NULL && k < lead->problems->len; k++)
        g_ptr_array_add (problems, crm_csv_problem_copy (g_ptr_array_index (lead->problems, k)));

      find_duplicates (store, &existing, &seen, &g_array_index (self->rows, Row, i), lead, problems);
      check_source (store, sources, column, &g_array_index (self->rows, Row, i), lead, problems);

      if (row_func != NULL)
        ok = row_func (self, lead, problems->len == 0, user_data, error);
    }

  if (checking)
    {
      checker_finish (&checker);

      /* Rows left unchecked after an error must be checked next time. */
      if (!ok)
        _crm_csv_forget_checks (self);
    }

  if (!ok)
    return FALSE;

  *out_problems = g_steal_pointer (&problems);
  return TRUE;
}

