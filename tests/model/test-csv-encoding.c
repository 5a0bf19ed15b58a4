/* test-csv-encoding.c
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

#define G_LOG_DOMAIN "test-csv-encoding"

#include "config.h"

#include <string.h>

#include "crm-csv-import.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Encodings a lead list may come in, past the plain cases of
 * test-csv-import.c: Latin-1 is not taken for Russian, a guess that is not
 * certain says so and the list can be read again in the encoding the user
 * picks, and bytes that are not text are named by line and keep the list
 * from being imported.
 */

static CrmCsvImport *
import_data (const char *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  CrmCsvImport *import;

  import = crm_csv_import_new_from_bytes (bytes, "leads.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static CrmCsvImport *
import_converted (const char *text,
                  const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize len = 0;

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);

  return import_data (converted, len);
}

static CrmCsvImport *
reread (CrmCsvImport *import,
        const char   *encoding)
{
  g_autoptr(GError) error = NULL;
  CrmCsvImport *again = crm_csv_import_new_in_encoding (import, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpstr (crm_csv_import_get_encoding (again), ==, encoding);

  return again;
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

/* The lines of @import's encoding problems, and of the first of
 * validate()'s problems, are @lines (0-terminated); nothing is imported. */
static void
assert_bad_lines (CrmCsvImport *import,
                  CrmStore     *store,
                  const guint  *lines)
{
  g_autoptr(GPtrArray) problems = validate (import, store);
  g_autoptr(GError) error = NULL;
  GPtrArray *encoding_problems = crm_csv_import_get_encoding_problems (import);
  guint n_lines = 0;
  guint n_imported = 0;

  while (lines[n_lines] != 0)
    n_lines++;

  g_assert_cmpuint (encoding_problems->len, ==, n_lines);
  g_assert_cmpuint (problems->len, >=, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const CrmCsvProblem *problem = g_ptr_array_index (encoding_problems, i);
      const CrmCsvProblem *listed = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_cmpint (problem->column, ==, -1);
      g_assert_cmpuint (listed->line, ==, lines[i]);
      g_assert_cmpstr (listed->message, ==, problem->message);
    }

  g_assert_false (crm_csv_import_commit (import, store, NULL, NULL, &n_imported, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts"), ==, 0);
}

static void
commit (CrmCsvImport *import,
        CrmStore     *store,
        guint         expected)
{
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  g_assert_true (crm_csv_import_commit (import, store, NULL, NULL, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, expected);
}

/* A Western European list was read as Windows-1251 and imported as
 * Cyrillic with no problem. Its words mix Latin letters with the accented
 * ones, which neither Hebrew nor Russian words do. */
static void
test_latin_1 (CrmTestFixture *fixture,
              gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_converted ("Name,Phone,Company\n"
                             "José García,050-1234567,Café Müller\n"
                             "François Lefèvre,052-7654321,Crème brûlée SA\n",
                             "WINDOWS-1252");
  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "WINDOWS-1252");
  g_assert_true (crm_csv_import_get_encoding_certain (import));
  g_assert_false (crm_csv_import_get_encoding_mixed (import));
  g_assert_cmpstr (crm_csv_import_get_row (import, 0, NULL)[0], ==, "José García");

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 0);
  commit (import, fixture->store, 2);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts "
                                       "WHERE name IN ('José García', 'François Lefèvre')"), ==, 2);
}

/* A UTF-8 list with a row pasted in from a Latin-1 file: no one encoding
 * reads it, so the row is named and nothing is imported. */
static void
test_mixed (CrmTestFixture *fixture,
            gconstpointer   user_data)
{
  static const char data[] =
    "Name,Phone\n"
    "דנה לוי,050-1234567\n"
    "Jos\xe9 Garc\xed" "a,052-7654321\n"
    "Анна Смирнова,053-1112233\n";
  static const guint lines[] = { 3, 0 };
  g_autoptr(CrmCsvImport) import = import_data (data, sizeof data - 1);

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_false (crm_csv_import_get_encoding_certain (import));
  g_assert_true (crm_csv_import_get_encoding_mixed (import));
  g_assert_cmpstr (crm_csv_import_get_row (import, 0, NULL)[0], ==, "דנה לוי");
  assert_bad_lines (import, fixture->store, lines);
}

/* A file that says it is UTF-8 (a byte order mark) and is not, in places:
 * each line with such bytes is named, however far down. */
static void
test_invalid_bytes_by_line (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  static const char data[] =
    "\xef\xbb\xbfName,Phone,Note\n"
    "Dana Levi,050-1234567,\xff\n"
    "Yossi Cohen,052-7654321,\"two\n"
    "lines \xc3\"\n"
    "Avi Mizrahi,053-1112233,fine\n"
    "Noa Peretz,054-2223344,\x80\x80\n";
  static const guint lines[] = { 2, 4, 6, 0 };
  g_autoptr(CrmCsvImport) import = import_data (data, sizeof data - 1);

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_false (crm_csv_import_get_encoding_certain (import));
  assert_bad_lines (import, fixture->store, lines);
}

/* Latin and non-Latin words side by side: the guess is not certain, the
 * import says so, and the list reads right once the user picks Latin-1. */
static void
test_uncertain_reread (CrmTestFixture *fixture,
                       gconstpointer   user_data)
{
  static const char data[] =
    "Name,Phone\n"
    "Jos\xe9,050-1234567\n"
    "\xc8\xe2\xe0\xed,052-7654321\n";
  static const guint utf8_lines[] = { 2, 3, 0 };
  g_autoptr(CrmCsvImport) import = import_data (data, sizeof data - 1);
  g_autoptr(CrmCsvImport) latin = NULL;
  g_autoptr(CrmCsvImport) utf8 = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_false (crm_csv_import_get_encoding_certain (import));
  g_assert_cmpuint (crm_csv_import_get_encoding_problems (import)->len, ==, 0);

  latin = reread (import, "WINDOWS-1252");
  g_assert_cmpstr (crm_csv_import_get_row (latin, 0, NULL)[0], ==, "José");
  g_assert_cmpstr (crm_csv_import_get_row (latin, 1, NULL)[0], ==, "Èâàí");
  g_assert_cmpuint (crm_csv_import_get_n_rows (latin), ==, 2);

  /* Read as UTF-8, every line with such bytes is named. */
  utf8 = reread (import, "UTF-8");
  assert_bad_lines (utf8, fixture->store, utf8_lines);

  problems = validate (latin, fixture->store);
  g_assert_cmpuint (problems->len, ==, 0);
  commit (latin, fixture->store, 2);
}

/* Windows-1251 has no character for 0x98: read in it, the line is named. */
static void
test_undefined_byte (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  static const char data[] =
    "\xc8\xec\xff,\xd2\xe5\xeb\xe5\xf4\xee\xed\n"
    "\xc8\xe2\xe0\xed \x98,050-1234567\n";
  static const guint lines[] = { 2, 0 };
  g_autoptr(CrmCsvImport) import = import_data (data, sizeof data - 1);
  g_autoptr(CrmCsvImport) russian = reread (import, "WINDOWS-1251");

  assert_bad_lines (russian, fixture->store, lines);
}

static void
test_labels (void)
{
  const char * const *encodings = crm_csv_list_encodings ();

  g_assert_cmpuint (g_strv_length ((char **) encodings), ==, 4);
  for (guint i = 0; encodings[i] != NULL; i++)
    {
      const char *label = crm_csv_encoding_get_label (encodings[i]);

      g_assert_nonnull (label);
      g_assert_nonnull (strstr (label, i == 0 ? "UTF-8" : "Windows-125"));
    }
  g_assert_nonnull (strstr (crm_csv_encoding_get_label ("WINDOWS-1252"), "Latin-1"));
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/csv-import"))
    return g_test_run ();

#define ADD(path, func) \
  CRM_TEST_ADD (path, CrmTestFixture, "hs", crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/csv-import/encoding/latin-1", test_latin_1);
  ADD ("/model/csv-import/encoding/mixed", test_mixed);
  ADD ("/model/csv-import/encoding/invalid-bytes-by-line", test_invalid_bytes_by_line);
  ADD ("/model/csv-import/encoding/uncertain-reread", test_uncertain_reread);
  ADD ("/model/csv-import/encoding/undefined-byte", test_undefined_byte);
  /* Reading the list alone: no store, so once. */
  crm_test_add_func_sqlite ("/model/csv-import/encoding/labels", test_labels);

#undef ADD

  return g_test_run ();
}
