/* test-csv-import.c
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

#define G_LOG_DOMAIN "test-csv-import"

#include "config.h"

#include <string.h>

#include "crm-contact.h"
#include "crm-csv-import.h"
#include "crm-db.h"
#include "crm-leads.h"
#include "crm-search-result.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Imported lead lists (HS-1): encodings and delimiters as spreadsheets
 * write them, quoting, line numbers, column mapping, the checks of HS-2
 * and the all-or-nothing import. Every list is made here; stores use the
 * HS procedure, whose region is Israel.
 */

/* Helpers */

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
import_text (const char *text)
{
  return import_data (text, strlen (text));
}

/* @text in @encoding, as a spreadsheet of that locale saves it. */
static CrmCsvImport *
import_converted (const char *text,
                  const char *encoding,
                  const char *bom,
                  gsize       bom_len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);

  data = g_malloc (bom_len + len);
  memcpy (data, bom, bom_len);
  memcpy (data + bom_len, converted, len);

  return import_data (data, bom_len + len);
}

static GPtrArray *
validate (CrmCsvImport *import,
          CrmStore     *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  problems = crm_csv_import_validate (import, store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = crm_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
    }

  return problems;
}

static void
assert_no_problems (CrmCsvImport *import,
                    CrmStore     *store)
{
  g_autoptr(GPtrArray) problems = validate (import, store);

  g_assert_cmpuint (problems->len, ==, 0);
}

/* Asserts that problem @index is on @line, in @column, and says @words. */
static void
assert_problem (GPtrArray  *problems,
                guint       index,
                guint       line,
                int         column,
                const char *words)
{
  const CrmCsvProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpint (problem->column, ==, column);
  if (words != NULL && strstr (problem->message, words) == NULL)
    g_error ("Problem %u, “%s”, does not say “%s”", index, problem->message, words);
}

static void
commit (CrmCsvImport *import,
        CrmStore     *store,
        const char   *source,
        const char   *campaign,
        guint         expected)
{
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  g_assert_true (crm_csv_import_commit (import, store, source, campaign, &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, expected);
}

static gint64
count_contacts (CrmStore *store)
{
  return crm_test_query_int (store, "SELECT count(*) FROM contacts");
}

/* The name of the contact with @e164. */
static char *
name_for_phone (CrmStore   *store,
                const char *e164)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "SELECT c.name FROM contacts c JOIN contact_phones p ON p.contact_id = c.id "
                         "WHERE p.number = ?1",
                         &error);
  g_assert_no_error (error);
  crm_statement_bind_text (stmt, 1, e164);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

static void
assert_mapping (CrmCsvImport      *import,
                const CrmCsvField *expected,
                guint              n_expected)
{
  const CrmCsvField *mapping;
  guint n_columns = 0;

  mapping = crm_csv_import_get_mapping (import, &n_columns);
  g_assert_cmpuint (n_columns, ==, n_expected);
  for (guint i = 0; i < n_columns; i++)
    {
      if (mapping[i] != expected[i])
        g_error ("Column %u (“%s”) is mapped to %s, not %s", i,
                 crm_csv_import_get_headers (import)[i],
                 crm_csv_field_get_label (mapping[i]), crm_csv_field_get_label (expected[i]));
    }
}

/* HS-1: a list imports whole */

static void
test_rule_hs_1_import_list (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  static const CrmCsvField expected[] = {
    CRM_CSV_FIELD_NAME, CRM_CSV_FIELD_PHONE, CRM_CSV_FIELD_EMAIL, CRM_CSV_FIELD_COMPANY,
    CRM_CSV_FIELD_POSITION, CRM_CSV_FIELD_NOTE,
  };

  import = import_text ("Name,Mobile phone,E-mail,Company name,Job title,Comments\n"
                        "Dana Levi,050-1234567,dana@example.co.il,Acme,Buyer,Asked for a quote\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il,ACME,,\n"
                        "  Noa   Mizrahi ,+972 54 333 3333,Noa@Example.CO.IL,Beta Ltd,,\n");

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpint (crm_csv_import_get_delimiter (import), ==, ',');
  g_assert_cmpuint (crm_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (crm_csv_import_get_n_columns (import), ==, 6);
  g_assert_cmpstr (crm_csv_import_get_headers (import)[2], ==, "E-mail");
  assert_mapping (import, expected, G_N_ELEMENTS (expected));

  assert_no_problems (import, store);
  commit (import, store, "Imported lead list", "Expo 2026", 3);

  g_assert_cmpint (count_contacts (store), ==, 3);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'lead' "
                                       "AND classification IS NULL AND source = 'imported_list' "
                                       "AND campaign = 'Expo 2026'"), ==, 3);

  /* Companies are found by name whatever the case: Acme once, Beta once. */
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM companies"), ==, 2);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(DISTINCT company_id) FROM contacts"), ==, 2);

  /* Values are normalised as the deal card would: E.164, one-line names. */
  name = name_for_phone (store, "+972543333333");
  g_assert_cmpstr (name, ==, "Noa Mizrahi");
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contact_emails "
                                       "WHERE address = 'Noa@example.co.il'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE position = 'Buyer'"), ==, 1);

  /* HS-6: the list's comment is a note on the contact. */
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities WHERE kind = 'note' "
                                       "AND note = 'Asked for a quote'"), ==, 1);

  /* One audit entry for the whole import, with the count. */
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                       "AND new_value = '3'"), ==, 1);

  /* The import's view (HS-1). */
  leads = crm_store_get_leads (store, "imported_list", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 3);
}

/* A row's own source and campaign win over the import's. */
static void
test_rule_hs_1_source_column (CrmTestFixture *fixture,
                              gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmCsvImport) import = NULL;
  g_auto(GStrv) sources = NULL;

  import = import_text ("Name,Phone,Email,Lead source,Campaign\n"
                        "Dana Levi,050-1234567,dana@example.co.il,Web form (Leadometer),Spring\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il,,\n");

  assert_no_problems (import, store);
  commit (import, store, "imported_list", "Expo", 2);

  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE source = 'web_form' "
                                       "AND campaign = 'Spring'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE source = 'imported_list' "
                                       "AND campaign = 'Expo'"), ==, 1);

  sources = crm_store_list_lead_sources (store);
  g_assert_cmpuint (g_strv_length (sources), ==, 2);
  g_assert_cmpstr (sources[0], ==, "imported_list");
  g_assert_cmpstr (sources[1], ==, "web_form");
}

/* Sources are the procedure's keys: a row naming another one is a problem
 * of its row, named with the keys, and nothing of the list is stored; so
 * is an unknown source for the whole list. */
static void
test_rule_hs_1_unknown_source (CrmTestFixture *fixture,
                               gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(CrmCsvImport) plain = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  import = import_text ("Name,Phone,Email,Lead source\n"
                        "Dana Levi,050-1234567,dana@example.co.il,Web form (Leadometer)\n"
                        "Noa Mizrahi,054-3333333,noa@example.co.il,Facebook\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il,Facebook\n");

  problems = validate (import, store);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, 3, 3, "Facebook");
  assert_problem (problems, 0, 3, 3, "web_form, imported_list, referral, phone");
  assert_problem (problems, 1, 4, 3, "Facebook");

  g_assert_false (crm_csv_import_commit (import, store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_clear_error (&error);
  g_assert_cmpint (count_contacts (store), ==, 0);

  plain = import_text ("Name,Phone,Email\n"
                       "Dana Levi,050-1234567,dana@example.co.il\n");
  g_assert_false (crm_csv_import_commit (plain, store, "billboard", NULL, NULL, &error));
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE);
  g_assert_nonnull (strstr (error->message, "billboard"));
  g_assert_cmpint (count_contacts (store), ==, 0);
}

/* Encodings */

static void
test_encoding_utf8_bom (CrmTestFixture *fixture,
                        gconstpointer   user_data)
{
  static const char data[] = "\xEF\xBB\xBF" "שם,טלפון\nדנה לוי,050-1234567\n";
  g_autoptr(CrmCsvImport) import = import_data (data, sizeof data - 1);
  g_autofree char *name = NULL;

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "UTF-8");
  /* The mark is not part of the first header. */
  g_assert_cmpstr (crm_csv_import_get_headers (import)[0], ==, "שם");

  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 1);
  name = name_for_phone (fixture->store, "+972501234567");
  g_assert_cmpstr (name, ==, "דנה לוי");
}

static void
test_encoding_utf16 (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  static const char text[] = "Имя\tТелефон\tПочта\r\nАнна Смирнова\t+7 912 345-67-89\tanna@example.ru\r\n";
  g_autoptr(CrmCsvImport) little = import_converted (text, "UTF-16LE", "\xFF\xFE", 2);
  g_autoptr(CrmCsvImport) big = import_converted (text, "UTF-16BE", "\xFE\xFF", 2);
  g_autofree char *name = NULL;

  g_assert_cmpstr (crm_csv_import_get_encoding (little), ==, "UTF-16LE");
  g_assert_cmpstr (crm_csv_import_get_encoding (big), ==, "UTF-16BE");
  g_assert_cmpint (crm_csv_import_get_delimiter (little), ==, '\t');
  g_assert_cmpstr (crm_csv_import_get_headers (little)[0], ==, "Имя");
  g_assert_cmpstr (crm_csv_import_get_row (big, 0, NULL)[0], ==, "Анна Смирнова");

  assert_no_problems (little, fixture->store);
  commit (little, fixture->store, NULL, NULL, 1);
  name = name_for_phone (fixture->store, "+79123456789");
  g_assert_cmpstr (name, ==, "Анна Смирнова");
}

static void
test_encoding_windows_1255 (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  static const char text[] =
    "שם,טלפון,דוא\"ל,חברה,הערות\r\n"
    "דנה לוי,050-1234567,dana@example.co.il,שעוני נוכחות בע\"מ,מבקשת הצעת מחיר לשעון\r\n"
    "יוסי כהן,052-7654321,yossi@example.co.il,,להתקשר בערב\r\n";
  static const CrmCsvField expected[] = {
    CRM_CSV_FIELD_NAME, CRM_CSV_FIELD_PHONE, CRM_CSV_FIELD_EMAIL, CRM_CSV_FIELD_COMPANY,
    CRM_CSV_FIELD_NOTE,
  };
  g_autoptr(CrmCsvImport) import = import_converted (text, "WINDOWS-1255", NULL, 0);
  g_autofree char *name = NULL;

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "WINDOWS-1255");
  g_assert_cmpstr (crm_csv_import_get_headers (import)[2], ==, "דוא\"ל");
  assert_mapping (import, expected, G_N_ELEMENTS (expected));

  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 2);
  name = name_for_phone (fixture->store, "+972501234567");
  g_assert_cmpstr (name, ==, "דנה לוי");
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies "
                                       "WHERE name = 'שעוני נוכחות בע\"מ'"), ==, 1);
}

/* Russian Excel: Windows-1251 and, since the decimal mark is a comma, a
 * semicolon between values. */
static void
test_encoding_windows_1251 (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  static const char text[] =
    "ФИО;Телефон;Эл. почта;Компания;Источник;Кампания;Комментарий\r\n"
    "Иван Петров;+7 912 345-67-89;ivan@example.ru;ООО «Ромашка»;Веб-форма (Лидометр);Весна;Перезвонить вечером\r\n"
    "Ольга Кузнецова;+7 (916) 123-45-67;olga@example.ru;;;;\r\n";
  static const CrmCsvField expected[] = {
    CRM_CSV_FIELD_NAME, CRM_CSV_FIELD_PHONE, CRM_CSV_FIELD_EMAIL, CRM_CSV_FIELD_COMPANY,
    CRM_CSV_FIELD_SOURCE, CRM_CSV_FIELD_CAMPAIGN, CRM_CSV_FIELD_NOTE,
  };
  g_autoptr(CrmCsvImport) import = import_converted (text, "WINDOWS-1251", NULL, 0);
  g_autofree char *name = NULL;

  g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "WINDOWS-1251");
  g_assert_cmpint (crm_csv_import_get_delimiter (import), ==, ';');
  assert_mapping (import, expected, G_N_ELEMENTS (expected));

  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 2);
  name = name_for_phone (fixture->store, "+79161234567");
  g_assert_cmpstr (name, ==, "Ольга Кузнецова");

  /* The Russian name of the HS web form is its key. */
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts "
                                       "WHERE source = 'web_form' AND campaign = 'Весна'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies "
                                       "WHERE name = 'ООО «Ромашка»'"), ==, 1);
}

/* The guess between the two code pages, on real sentences alone: short
 * names, capitals only, lower case only. */
static void
test_encoding_guess_sentences (void)
{
  static const char * const hebrew[] = {
    "התקשר לליד מהר ככל האפשר, לפחות שלושה ניסיונות ביום שבו התקבל הליד",
    "שלום, מדבר דני מחברת שעוני הנוכחות",
    "הצעת המחיר נשלחת רק כקובץ PDF",
    "דנה לוי",
    "מכירות",
  };
  static const char * const russian[] = {
    "Здравствуйте, меня зовут Анна, компания Ромашка",
    "Причина отказа обязательна и должна быть объективной",
    "Иван Петров",
    "ООО РОМАШКА",
    "спасибо за заявку",
    "Щёлково",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hebrew); i++)
    {
      g_autoptr(CrmCsvImport) import = import_converted (hebrew[i], "WINDOWS-1255", NULL, 0);
      g_autofree char *first = g_strndup (hebrew[i], strcspn (hebrew[i], ","));

      g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "WINDOWS-1255");
      g_assert_cmpstr (crm_csv_import_get_headers (import)[0], ==, first);
    }

  for (guint i = 0; i < G_N_ELEMENTS (russian); i++)
    {
      g_autoptr(CrmCsvImport) import = import_converted (russian[i], "WINDOWS-1251", NULL, 0);
      g_autofree char *first = g_strndup (russian[i], strcspn (russian[i], ","));

      g_assert_cmpstr (crm_csv_import_get_encoding (import), ==, "WINDOWS-1251");
      g_assert_cmpstr (crm_csv_import_get_headers (import)[0], ==, first);
    }
}

static void
test_encoding_not_text (void)
{
  static const char data[] = "Name,Phone\n\x01\x02\x00\x03";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(CrmCsvImport) import = NULL;

  import = crm_csv_import_new_from_bytes (bytes, "leads.csv", &error);
  g_assert_null (import);
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING);
}

/* Delimiters */

static void
test_delimiter_semicolon (CrmTestFixture *fixture,
                          gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;

  /* Commas inside the values do not mislead the guess. */
  import = import_text ("Name;Phone;Email;Note\n"
                        "Levi, Dana;050-1234567;dana@example.co.il;Tel Aviv, north\n"
                        "Cohen, Yossi;052-7654321;yossi@example.co.il;Haifa, port\n");

  g_assert_cmpint (crm_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (crm_csv_import_get_n_columns (import), ==, 4);
  g_assert_cmpstr (crm_csv_import_get_row (import, 0, NULL)[0], ==, "Levi, Dana");
  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 2);
}

static void
test_delimiter_tab (void)
{
  g_autoptr(CrmCsvImport) import = import_text ("Name\tPhone\n"
                                                "Dana Levi\t050-1234567\n");

  g_assert_cmpint (crm_csv_import_get_delimiter (import), ==, '\t');
  g_assert_cmpstr (crm_csv_import_get_row (import, 0, NULL)[1], ==, "050-1234567");
}

/* Quoting and line numbers */

static void
test_quoted_fields (CrmTestFixture *fixture,
                    gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char * const *row;
  guint line = 0;

  import = import_text ("Name,Phone,Email,Note\r\n"                                   /* 1 */
                        "\"Dana\r\nLevi\",050-1234567,dana@example.co.il,\"Line one\r\n" /* 2, 3 */
                        "line two, with \"\"quotes\"\"\r\n"                              /* 4 */
                        "line three\"\r\n"                                              /* 5 */
                        "\r\n"                                                          /* 6 */
                        "Yossi Cohen,052-7654321,\"yossi@example.co.il\",plain\r\n"     /* 7 */
                        ",,,\r\n"                                                       /* 8 */
                        "Bad Phone,12,bad@example.co.il,\"a \"\"b\"\", c\"\r\n"         /* 9 */
                        "Last Row,053-2222222,last@example.co.il,no newline at the end"); /* 10 */

  /* The blank line and the row of empty cells are no rows. */
  g_assert_cmpuint (crm_csv_import_get_n_rows (import), ==, 4);

  row = crm_csv_import_get_row (import, 0, &line);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (row[0], ==, "Dana\r\nLevi");
  g_assert_cmpstr (row[3], ==, "Line one\r\nline two, with \"quotes\"\r\nline three");
  g_assert_null (row[4]);

  row = crm_csv_import_get_row (import, 1, &line);
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpstr (row[2], ==, "yossi@example.co.il");

  row = crm_csv_import_get_row (import, 2, &line);
  g_assert_cmpuint (line, ==, 9);
  g_assert_cmpstr (row[3], ==, "a \"b\", c");

  crm_csv_import_get_row (import, 3, &line);
  g_assert_cmpuint (line, ==, 10);

  /* The problem of the row after the multi-line one names its own line. */
  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, 9, 1, "12");

  /* Remapping a column checks its rows again. */
  crm_csv_import_set_column (import, 1, CRM_CSV_FIELD_IGNORE);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 0);

  crm_csv_import_set_column (import, 1, CRM_CSV_FIELD_PHONE);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_quoted_field_names_line (CrmTestFixture *fixture,
                              gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;

  import = import_text ("Name,Phone,Email\n"
                        "\"Dana\nLevi\",050-1234567,dana@example.co.il\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il\n");
  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 2);

  name = name_for_phone (fixture->store, "+972501234567");
  g_assert_cmpstr (name, ==, "Dana Levi");
}

static void
test_unclosed_quote (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text ("Name,Phone,Email\n"
                        "Dana Levi,050-1234567,dana@example.co.il\n"
                        "\"Yossi Cohen,052-7654321,yossi@example.co.il\n"
                        "Noa Mizrahi,054-3333333,noa@example.co.il\n");

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, 3, -1, "quote");
}

static void
test_ragged_rows (CrmTestFixture *fixture,
                  gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_contacts (fixture->store);

  import = import_text ("Name,Phone,Email\n"
                        "Dana Levi,050-1234567,dana@example.co.il\n"
                        "Yossi Cohen,052-7654321\n"
                        "Noa Mizrahi,054-3333333,noa@example.co.il,extra,values\n");

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, 3, -1, "2 values");
  assert_problem (problems, 0, 3, -1, "3 columns");
  assert_problem (problems, 1, 4, -1, "5 values");

  g_assert_false (crm_csv_import_commit (import, fixture->store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpint (count_contacts (fixture->store), ==, before);
}

/* Columns */

static void
test_missing_column (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) no_name = import_text ("Phone,Email\n050-1234567,dana@example.co.il\n");
  g_autoptr(CrmCsvImport) no_phone = import_text ("Name,Company\nDana Levi,Acme\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = crm_csv_import_validate (no_name, fixture->store, &error);
  g_assert_null (problems);
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Name”"));
  g_clear_error (&error);

  g_assert_false (crm_csv_import_commit (no_phone, fixture->store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "“Phone”"));
  g_assert_nonnull (strstr (error->message, "“Email”"));
  g_clear_error (&error);

  /* Once a column is an email column, its values are checked as such. */
  crm_csv_import_set_column (no_phone, 1, CRM_CSV_FIELD_EMAIL);
  problems = crm_csv_import_validate (no_phone, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, 2, 1, "Acme");
}

static void
test_column_mapping (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  static const CrmCsvField hebrew_expected[] = {
    CRM_CSV_FIELD_NAME, CRM_CSV_FIELD_LAST_NAME, CRM_CSV_FIELD_PHONE, CRM_CSV_FIELD_EMAIL,
    CRM_CSV_FIELD_COMPANY, CRM_CSV_FIELD_SOURCE, CRM_CSV_FIELD_CAMPAIGN, CRM_CSV_FIELD_NOTE,
    CRM_CSV_FIELD_IGNORE,
  };
  static const CrmCsvField russian_expected[] = {
    CRM_CSV_FIELD_LAST_NAME, CRM_CSV_FIELD_NAME, CRM_CSV_FIELD_PHONE, CRM_CSV_FIELD_EMAIL,
    CRM_CSV_FIELD_COMPANY, CRM_CSV_FIELD_POSITION, CRM_CSV_FIELD_IGNORE,
  };
  g_autoptr(CrmCsvImport) hebrew = NULL;
  g_autoptr(CrmCsvImport) russian = NULL;
  g_autoptr(CrmCsvImport) unknown = NULL;
  g_autofree char *name = NULL;

  hebrew = import_text ("שם פרטי,שם משפחה,נייד,אימייל,שם החברה,מקור,קמפיין,הערה,תאריך\n"
                        "דנה,לוי,050-1234567,dana@example.co.il,,,,,2026-01-01\n");
  assert_mapping (hebrew, hebrew_expected, G_N_ELEMENTS (hebrew_expected));

  russian = import_text ("Фамилия,Имя,Номер телефона,E-mail,Название компании,Должность,Дата\n"
                         "Петров,Иван,+7 912 345-67-89,ivan@example.ru,,Директор,\n");
  assert_mapping (russian, russian_expected, G_N_ELEMENTS (russian_expected));

  /* Family name first in the file, last in the contact's name. */
  commit (russian, fixture->store, NULL, NULL, 1);
  name = name_for_phone (fixture->store, "+79123456789");
  g_assert_cmpstr (name, ==, "Иван Петров");

  /* Headers Deals does not know are left out until the user maps them. */
  unknown = import_text ("Who,Number\nDana Levi,050-1234567\n");
  g_assert_cmpint (crm_csv_import_get_mapping (unknown, NULL)[0], ==, CRM_CSV_FIELD_IGNORE);
  crm_csv_import_set_column (unknown, 0, CRM_CSV_FIELD_NAME);
  crm_csv_import_set_column (unknown, 1, CRM_CSV_FIELD_PHONE);
  assert_no_problems (unknown, fixture->store);
}

/* HS-2: a valid email and mobile phone */

static void
test_rule_hs_2_validate_email_and_mobile (CrmTestFixture *fixture,
                                          gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text ("Name,Phone,Email\n"                        /* 1 */
                        "Dana Levi,050-1234567,dana@example.co.il\n" /* 2: fine */
                        "Bad Phone,050-12,yossi@example.co.il\n"     /* 3 */
                        "Bad Email,052-7654321,noa@example\n"        /* 4 */
                        "Landline Only,03-6123456,\n"                /* 5 */
                        "Landline And Email,02-5812345,avi@example.co.il\n" /* 6: fine */
                        "Email Only,,rina@example.co.il\n"           /* 7: fine */
                        "Mobile Only,054-3333333,\n"                 /* 8: fine */
                        "Nothing,,\n"                                /* 9 */
                        ",053-2222222,\n");                          /* 10: fine, no name */

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 4);
  assert_problem (problems, 0, 3, 1, "050-12");
  assert_problem (problems, 1, 4, 2, "noa@example");
  assert_problem (problems, 2, 5, 1, "mobile");
  assert_problem (problems, 2, 5, 1, "03-612-3456");
  assert_problem (problems, 3, 9, -1, "neither");
}

/* AXL-1: a lead known only by its number is called by it. */
static void
test_row_without_name (CrmTestFixture *fixture,
                       gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autofree char *name = NULL;

  import = import_text ("Name,Phone,Email\n"
                        ",053-2222222,\n"
                        ",,rina@example.co.il\n");
  assert_no_problems (import, fixture->store);
  commit (import, fixture->store, NULL, NULL, 2);

  name = name_for_phone (fixture->store, "+972532222222");
  g_assert_cmpstr (name, ==, "053-222-2222");
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contacts "
                                       "WHERE name = 'rina@example.co.il'"), ==, 1);
}

static void
test_rule_hs_2_duplicates_in_file (CrmTestFixture *fixture,
                                   gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  import = import_text ("Name,Phone,Mobile,Email\n"                          /* 1 */
                        "Dana Levi,050-1234567,050-1234567,dana@example.co.il\n" /* 2 */
                        "Yossi Cohen,052-7654321,,yossi@example.co.il\n"    /* 3 */
                        "Noa Mizrahi,054-3333333,,noa@example.co.il\n"      /* 4 */
                        "\n"                                                /* 5 */
                        "Yossi Again,+972 52-765-4321,,other@example.co.il\n" /* 6 */
                        "Noa Again,058-1234567,,NOA@example.co.il\n");      /* 7 */

  /* The same number twice in one row is one number, not a duplicate. */
  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, 6, 1, "phone number as line 3");
  assert_problem (problems, 1, 7, 3, "email address as line 4");
}

static void
test_rule_hs_2_duplicates_in_database (CrmTestFixture *fixture,
                                       gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = crm_store_add_lead (fixture->store, "Dana Levi", "050-1234567", "dana@example.co.il",
                           NULL, "web_form", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  import = import_text ("Name,Phone,Email\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il\n"
                        "D. Levi,+972501234567,\n"
                        "Dana L.,054-3333333,Dana@Example.co.il\n");

  problems = validate (import, fixture->store);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_problem (problems, 0, 3, 1, "phone number as the existing contact “Dana Levi”");
  assert_problem (problems, 1, 4, 2, "email address as the existing contact “Dana Levi”");
}

/* A contact added between validating and importing is still found. */
static void
test_duplicate_added_after_validation (CrmTestFixture *fixture,
                                       gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = import_text ("Name,Phone,Email\n"
                        "Dana Levi,050-1234567,dana@example.co.il\n");
  assert_no_problems (import, fixture->store);

  crm_store_add_lead (fixture->store, NULL, "050-1234567", NULL, NULL, "phone", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (crm_csv_import_commit (import, fixture->store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpint (count_contacts (fixture->store), ==, 1);
}

/* All or nothing */

static void
test_all_or_nothing (CrmTestFixture *fixture,
                     gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contacts, phones, companies, audit;
  guint n_imported = 42;

  crm_store_add_lead (fixture->store, "Existing", "058-1234567", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  contacts = count_contacts (fixture->store);
  phones = crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_phones");
  companies = crm_test_query_int (fixture->store, "SELECT count(*) FROM companies");
  audit = crm_test_query_int (fixture->store, "SELECT count(*) FROM audit_log");

  import = import_text ("Name,Phone,Email,Company\n"
                        "Dana Levi,050-1234567,dana@example.co.il,New Company\n"
                        "Yossi Cohen,052-7654321,yossi@example.co.il,Another\n"
                        "Bad Row,not a number,noa@example.co.il,\n"
                        "Noa Mizrahi,054-3333333,noa2@example.co.il,\n");

  g_assert_false (crm_csv_import_commit (import, fixture->store, "imported_list", NULL, &n_imported, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_nonnull (strstr (error->message, "1 row"));
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_assert_cmpuint (n_imported, ==, 0);

  g_assert_cmpint (count_contacts (fixture->store), ==, contacts);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_phones"), ==, phones);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies"), ==, companies);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM audit_log"), ==, audit);
}

/* How many contacts the search index finds titled @name. */
static guint
count_found (CrmStore   *store,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = crm_store_search (store, name, 50, &error);
  guint n_found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(CrmSearchResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (crm_search_result_get_kind (result), "contact") == 0 &&
          g_strcmp0 (crm_search_result_get_title (result), name) == 0)
        n_found++;
    }

  return n_found;
}

/* More rows than one thread checks at a time: the checks run in threads
 * while the rows are written, and a problem far down still stops it all. */
static void
test_large_list (CrmTestFixture *fixture,
                 gconstpointer   user_data)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Email,Company\n");
  g_autoptr(CrmCsvImport) good = NULL;
  g_autoptr(CrmCsvImport) bad = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_rows = 5000;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "Lead %u,050-2%03u-%03u,lead%u@example.co.il,Company %u\n",
                            i, i / 1000, i % 1000, i, i % 7);

  good = import_text (csv->str);
  commit (good, fixture->store, "imported_list", NULL, n_rows);
  g_assert_cmpint (count_contacts (fixture->store), ==, n_rows);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_phones"), ==, n_rows);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM contact_emails"), ==, n_rows);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM companies"), ==, 7);

  /* Each contact got its own number and address, not a neighbour's. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM contacts c "
                                       "JOIN contact_emails e ON e.contact_id = c.id "
                                       "WHERE e.address = 'lead' || substr (c.name, 6) || '@example.co.il'"),
                   ==, n_rows);

  /* Issue 12: the search index finds the leads of the first batch, a
   * middle one and the last, shorter one, once each. */
  g_assert_cmpuint (count_found (fixture->store, "Lead 0"), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "Lead 2500"), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "Lead 4999"), ==, 1);

  /* The same list again: every row is a duplicate of the database now. */
  g_string_truncate (csv, 0);
  g_string_append (csv, "Name,Phone,Email\n");
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "Other %u,052-2%03u-%03u,other%u@example.co.il\n",
                            i, i / 1000, i % 1000, i);
  g_string_append (csv, "Late Duplicate,050-2004-999,late@example.co.il\n");
  bad = import_text (csv->str);

  g_assert_false (crm_csv_import_commit (bad, fixture->store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_assert_cmpint (count_contacts (fixture->store), ==, n_rows);
  /* Rows written before the late problem left nothing in the index. */
  g_assert_cmpuint (count_found (fixture->store, "Other 0"), ==, 0);
  g_assert_cmpuint (count_found (fixture->store, "Other 4999"), ==, 0);

  problems = validate (bad, fixture->store);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, n_rows + 2, 1, "existing contact “Lead 4999”");

  /* The import gave its contacts their ids: a lead added after it takes
   * the next one (on a server, the identity followed them). */
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_lead (fixture->store, "After Import", "050-9999-999", NULL, NULL, NULL,
                                       NULL, NULL, &error),
                   ==, n_rows + 1);
  g_assert_no_error (error);
}

/* Indexes set aside for a large import (issue 12) */

/* Every index and trigger of the store, with its SQL, in one text. */
static char *
schema_text (CrmStore *store)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_test_query_row (store,
                             "SELECT group_concat (type || ' ' || name || ' ' || tbl_name || ': ' || sql, '\n') "
                             "FROM (SELECT type, name, tbl_name, sql FROM sqlite_schema "
                             "      WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
                             "      ORDER BY type, name)");

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* Where the phone number index starts: another page once it is built
 * again. */
static gint64
phone_index_root (CrmStore *store)
{
  return crm_test_query_int (store, "SELECT rootpage FROM sqlite_schema WHERE name = 'contact_phones_number'");
}

/* The tables, their indexes and the search index agree. */
static void
assert_intact (CrmStore *store)
{
  g_autoptr(CrmStatement) stmt = crm_test_query_row (store, "PRAGMA integrity_check");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (crm_statement_get_text (stmt, 0), ==, "ok");
  g_assert_true (crm_db_exec (_crm_store_get_db (store),
                              "INSERT INTO search_index (search_index) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
}

/* A list with a position for every second lead, more rows than the 2000
 * from which an import into a store with fewer contacts builds the indexes
 * again; @last, when given, is one more row at the end. */
static CrmCsvImport *
import_leads (const char *prefix,
              guint       n_rows,
              const char *last)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Email,Position\n");
  g_autofree char *local = g_ascii_strdown (prefix, -1);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "%s %u,050-3%03u-%03u,%s%u@example.co.il,%s\n",
                            prefix, i, i / 1000, i % 1000, local, i, i % 2 == 0 ? "Buyer" : "");
  if (last != NULL)
    g_string_append (csv, last);

  return import_text (csv->str);
}

static void
test_rebuilt_indexes (CrmTestFixture *fixture,
                      gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) large = import_leads ("Lead", 3000, NULL);
  g_autoptr(CrmCsvImport) small = NULL;
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Position\n");
  g_autofree char *before = schema_text (fixture->store);
  g_autofree char *after = NULL;
  gint64 root = phone_index_root (fixture->store);

  commit (large, fixture->store, "imported_list", NULL, 3000);

  /* The indexes were made again, from the same definitions, and the
   * search index trigger is back. */
  g_assert_cmpint (phone_index_root (fixture->store), !=, root);
  after = schema_text (fixture->store);
  g_assert_cmpstr (after, ==, before);
  assert_intact (fixture->store);

  /* A smaller list than what is there keeps the indexes and the trigger
   * fills the search index. */
  root = phone_index_root (fixture->store);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (csv, "Small %u,052-4000-%03u,%s\n", i, i, i % 2 == 0 ? "Buyer" : "");
  small = import_text (csv->str);
  commit (small, fixture->store, "imported_list", NULL, 10);
  g_assert_cmpint (phone_index_root (fixture->store), ==, root);
  assert_intact (fixture->store);

  /* Both ways, every contact is in the search index as the trigger has it:
   * its name as the title, its position as the body. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM contacts c "
                                       "JOIN search_index s ON s.rowid = c.id * 4 + 2 "
                                       "WHERE s.title = c.name AND s.body = coalesce (c.position, '')"),
                   ==, 3010);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM search_index WHERE rowid % 4 = 2"),
                   ==, 3010);
  g_assert_cmpuint (count_found (fixture->store, "Lead 0"), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "Lead 2999"), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "Small 9"), ==, 1);

  /* The lookups by number and address the indexes serve. */
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM contact_phones INDEXED BY contact_phones_number "
                                       "WHERE number = '+972503002999'"),
                   ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM contact_emails INDEXED BY contact_emails_address "
                                       "WHERE address = 'lead1500@example.co.il'"),
                   ==, 1);
}

/* A refused large import leaves the schema as it was, not only the rows. */
static void
test_rebuild_refused (CrmTestFixture *fixture,
                      gconstpointer   user_data)
{
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 root;

  crm_store_add_lead (fixture->store, "Existing", "058-1234567", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = schema_text (fixture->store);
  root = phone_index_root (fixture->store);

  import = import_leads ("Lead", 3000, "Bad Row,not a number,bad@example.co.il,\n");
  g_assert_false (crm_csv_import_commit (import, fixture->store, "imported_list", NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_INVALID_ROWS);
  g_clear_error (&error);

  after = schema_text (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (phone_index_root (fixture->store), ==, root);
  g_assert_cmpint (count_contacts (fixture->store), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM search_index WHERE rowid % 4 = 2"),
                   ==, 1);
  assert_intact (fixture->store);

  /* The store still writes, with its trigger. */
  crm_store_add_lead (fixture->store, "Later", "058-7654321", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (fixture->store, "Later"), ==, 1);
}

static void
test_empty (CrmTestFixture *fixture,
            gconstpointer   user_data)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("\n\n", 2);
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(CrmCsvImport) header_only = NULL;
  g_autoptr(GError) error = NULL;

  import = crm_csv_import_new_from_bytes (empty, "empty.csv", &error);
  g_assert_null (import);
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  header_only = import_text ("Name,Phone\n");
  g_assert_cmpuint (crm_csv_import_get_n_rows (header_only), ==, 0);
  g_assert_false (crm_csv_import_commit (header_only, fixture->store, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_EMPTY);
}

static void
test_from_file (CrmTestFixture *fixture,
                gconstpointer   user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "leads.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Name,Phone\nDana Levi,050-1234567\n", -1, &error));
  import = crm_csv_import_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_csv_import_get_file_name (import), ==, "leads.csv");
  commit (import, fixture->store, NULL, NULL, 1);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CrmCsvImport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = crm_csv_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_from_file_async (CrmTestFixture *fixture,
                      gconstpointer   user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "leads.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "Name;Phone\nDana Levi;050-1234567\n", -1, &error));
  crm_csv_import_new_from_file_async (file, NULL, loaded_cb, &import);
  while (import == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (crm_csv_import_get_delimiter (import), ==, ';');
  g_assert_cmpuint (crm_csv_import_get_n_rows (import), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/csv-import"))
    return g_test_run ();

#define ADD(path, func) \
  CRM_TEST_ADD (path, CrmTestFixture, "hs", crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/csv-import/rule-hs-1-import-list", test_rule_hs_1_import_list);
  ADD ("/model/csv-import/rule-hs-1-source-column", test_rule_hs_1_source_column);
  ADD ("/model/csv-import/rule-hs-1-unknown-source", test_rule_hs_1_unknown_source);
  ADD ("/model/csv-import/encoding/utf-8-bom", test_encoding_utf8_bom);
  ADD ("/model/csv-import/encoding/utf-16-bom", test_encoding_utf16);
  ADD ("/model/csv-import/encoding/windows-1255", test_encoding_windows_1255);
  ADD ("/model/csv-import/encoding/windows-1251", test_encoding_windows_1251);
  /* Reading the list alone: no store, so once. */
  crm_test_add_func_sqlite ("/model/csv-import/encoding/guess-sentences", test_encoding_guess_sentences);
  crm_test_add_func_sqlite ("/model/csv-import/encoding/not-text", test_encoding_not_text);
  ADD ("/model/csv-import/delimiter/semicolon", test_delimiter_semicolon);
  crm_test_add_func_sqlite ("/model/csv-import/delimiter/tab", test_delimiter_tab);
  ADD ("/model/csv-import/quoted-fields", test_quoted_fields);
  ADD ("/model/csv-import/quoted-name", test_quoted_field_names_line);
  ADD ("/model/csv-import/unclosed-quote", test_unclosed_quote);
  ADD ("/model/csv-import/ragged-rows", test_ragged_rows);
  ADD ("/model/csv-import/missing-column", test_missing_column);
  ADD ("/model/csv-import/column-mapping", test_column_mapping);
  ADD ("/model/csv-import/rule-hs-2-validate-email-and-mobile", test_rule_hs_2_validate_email_and_mobile);
  ADD ("/model/csv-import/rule-axl-1-row-without-name", test_row_without_name);
  ADD ("/model/csv-import/rule-hs-2-duplicates-in-file", test_rule_hs_2_duplicates_in_file);
  ADD ("/model/csv-import/rule-hs-2-duplicates-in-database", test_rule_hs_2_duplicates_in_database);
  ADD ("/model/csv-import/duplicate-added-after-validation", test_duplicate_added_after_validation);
  ADD ("/model/csv-import/all-or-nothing", test_all_or_nothing);
  ADD ("/model/csv-import/large-list", test_large_list);
  /* The indexes set aside and built again are SQLite's (its schema table,
   * root pages, integrity checks): on a server they stay. */
  if (!crm_test_on_postgresql ())
    {
      ADD ("/model/csv-import/rebuilt-indexes", test_rebuilt_indexes);
      ADD ("/model/csv-import/rebuild-refused", test_rebuild_refused);
    }
  ADD ("/model/csv-import/empty", test_empty);
  ADD ("/model/csv-import/from-file", test_from_file);
  ADD ("/model/csv-import/from-file-async", test_from_file_async);

#undef ADD

  return g_test_run ();
}
