/* test-csv-limits.c
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

#define G_LOG_DOMAIN "test-csv-limits"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "crm-csv-import.h"
#include "crm-limits.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Hostile lead lists: a file, a row count, a column count or a cell past
 * the limits of crm-limits.h is refused before anything parses it, and a
 * message quotes at most the first 40 characters of what it refuses.
 * Nothing of a refused list reaches the database.
 */

static CrmCsvImport *
import_string (GString  *csv,
               GError  **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv->str, csv->len);

  return crm_csv_import_new_from_bytes (bytes, "leads.csv", error);
}

static GPtrArray *
validate (CrmCsvImport *import,
          CrmStore     *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = crm_csv_import_validate (import, store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = crm_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
    }

  return problems;
}

/* The quote of a message (between “ and ”) has at most 40 characters and,
 * when it was cut, ends in "…". */
static void
assert_short_quote (const char *message)
{
  const char *open = strstr (message, "“");
  const char *close = open ? strstr (open, "”") : NULL;
  g_autofree char *quote = NULL;
  glong n_chars;

  g_assert_nonnull (open);
  g_assert_nonnull (close);
  open += strlen ("“");
  n_chars = g_utf8_strlen (open, close - open);
  g_assert_cmpint (n_chars, <=, 41);
  quote = g_strndup (open, close - open);
  g_assert_true (g_str_has_suffix (quote, "…"));
}

/* Refuses the commit of @import and checks that no contact was added. */
static void
assert_nothing_imported (CrmCsvImport *import,
                         CrmStore     *store)
{
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  g_assert_false (crm_csv_import_commit (import, store, NULL, NULL, &n_imported, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts"), ==, 0);
}

/* A 10 MB note is cut to its start while the file is read: the preview
 * and the message show 40 characters, and the row is refused. */
static void
test_long_cell (CrmTestFixture *fixture,
                gconstpointer   user_data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Note\nDana Levi,050-1234567,Call after ten\nAvi Cohen,052-7654321,");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const CrmCsvProblem *problem;
  const char * const *row;

  for (guint i = 0; i < 10 * 1024 * 1024 / 10; i++)
    g_string_append (csv, "Remember ");
  g_string_append (csv, "\n");

  import = import_string (csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_csv_import_get_n_rows (import), ==, 2);
  row = crm_csv_import_get_row (import, 1, NULL);
  g_assert_cmpint (g_utf8_strlen (row[2], -1), <=, 40);

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpint (problem->column, ==, 2);
  g_assert_nonnull (strstr (problem->message, "20000"));
  g_assert_cmpint (g_utf8_strlen (problem->message, -1), <, 120);
  assert_short_quote (problem->message);

  assert_nothing_imported (import, fixture->store);
}

/* A 30,000-digit phone never reaches libphonenumber, which would take
 * seconds over it; neither does one of 5,000 digits, under the cell's
 * limit but over the phone's. */
static void
test_long_phone (CrmTestFixture *fixture,
                 gconstpointer   user_data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone\nDana Levi,");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 start;

  for (guint i = 0; i < 30000; i++)
    g_string_append_c (csv, '0' + i % 10);
  g_string_append (csv, "\nAvi Cohen,");
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (csv, '0' + i % 10);
  g_string_append (csv, "\n");

  start = g_get_monotonic_time ();
  import = import_string (csv, &error);
  g_assert_no_error (error);
  problems = validate (import, fixture->store);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const CrmCsvProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, i + 2);
      g_assert_cmpint (problem->column, ==, 1);
      assert_short_quote (problem->message);
    }
  assert_nothing_imported (import, fixture->store);
}

/* Each field keeps the store's own limit: a name over 200 characters, a
 * company over 200, are the row's problems, quoting their start. */
static void
test_field_limits (CrmTestFixture *fixture,
                   gconstpointer   user_data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Company\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append (csv, "Dana Levi ");
  g_string_append (csv, ",050-1234567,Levi Dental\nAvi Cohen,052-7654321,");
  for (guint i = 0; i < 25; i++)
    g_string_append (csv, "Cohen Ltd ");
  g_string_append (csv, "\n");

  import = import_string (csv, &error);
  g_assert_no_error (error);
  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 2);

  g_assert_cmpuint (((CrmCsvProblem *) g_ptr_array_index (problems, 0))->line, ==, 2);
  g_assert_cmpint (((CrmCsvProblem *) g_ptr_array_index (problems, 0))->column, ==, 0);
  g_assert_nonnull (strstr (((CrmCsvProblem *) g_ptr_array_index (problems, 0))->message, "200"));
  /* The column's label is translated only for the message, and named. */
  g_assert_nonnull (strstr (((CrmCsvProblem *) g_ptr_array_index (problems, 0))->message, "Name is too long"));
  g_assert_nonnull (strstr (((CrmCsvProblem *) g_ptr_array_index (problems, 1))->message, "Company is too long"));
  assert_short_quote (((CrmCsvProblem *) g_ptr_array_index (problems, 0))->message);

  g_assert_cmpuint (((CrmCsvProblem *) g_ptr_array_index (problems, 1))->line, ==, 3);
  g_assert_cmpint (((CrmCsvProblem *) g_ptr_array_index (problems, 1))->column, ==, 2);
  assert_short_quote (((CrmCsvProblem *) g_ptr_array_index (problems, 1))->message);

  assert_nothing_imported (import, fixture->store);
}

/* The campaign typed for the whole list is bounded like the column. */
static void
test_long_campaign (CrmTestFixture *fixture,
                    gconstpointer   user_data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone\nDana Levi,050-1234567\n");
  g_autoptr(GString) campaign = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = NULL;
  guint n_imported = 0;

  for (guint i = 0; i < 200; i++)
    g_string_append (campaign, "Expo 2026 ");

  import = import_string (csv, &error);
  g_assert_no_error (error);
  g_assert_false (crm_csv_import_commit (import, fixture->store, NULL, campaign->str, &n_imported, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  assert_short_quote (error->message);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts"), ==, 0);
}

static void
assert_too_big (GString    *csv,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = import_string (csv, &error);

  g_assert_null (import);
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_too_many_rows (void)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone\n");

  for (guint i = 0; i <= CRM_LIMIT_CSV_ROWS; i++)
    g_string_append (csv, "a,1\n");
  assert_too_big (csv, "250000");
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) csv = g_string_new ("Name");

  for (guint i = 0; i < CRM_LIMIT_CSV_COLUMNS; i++)
    g_string_append_printf (csv, ",Column %u", i);
  g_string_append (csv, "\nDana,050-1234567\n");
  assert_too_big (csv, "200");
}

static void
test_long_header (void)
{
  g_autoptr(GString) csv = g_string_new ("Name,");

  for (guint i = 0; i < CRM_LIMIT_CSV_CELL + 1; i++)
    g_string_append_c (csv, 'P');
  g_string_append (csv, "\nDana,050-1234567\n");
  assert_too_big (csv, "Line 1");
}

/* A file over the size limit is refused from its size, unread: this one
 * is sparse and would read as zeros. */
static void
test_too_big_file (CrmTestFixture *fixture,
                   gconstpointer   user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvImport) import = NULL;
  int fd;

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, CRM_LIMIT_CSV_BYTES + 1), ==, 0);
  close (fd);

  import = crm_csv_import_new_from_file (file, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "64 MB"));
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/csv-import"))
    return g_test_run ();

#define ADD(path, func) \
  CRM_TEST_ADD (path, CrmTestFixture, "hs", crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/csv-import/limits/long-cell", test_long_cell);
  ADD ("/model/csv-import/limits/long-phone", test_long_phone);
  ADD ("/model/csv-import/limits/field-limits", test_field_limits);
  ADD ("/model/csv-import/limits/too-big-file", test_too_big_file);
  ADD ("/model/csv-import/limits/long-campaign", test_long_campaign);
  /* Reading the list alone: no store, so once. */
  crm_test_add_func_sqlite ("/model/csv-import/limits/too-many-rows", test_too_many_rows);
  crm_test_add_func_sqlite ("/model/csv-import/limits/too-many-columns", test_too_many_columns);
  crm_test_add_func_sqlite ("/model/csv-import/limits/long-header", test_long_header);

#undef ADD

  return g_test_run ();
}
