/* test-limits.c
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

#define G_LOG_DOMAIN "test-limits"

#include "config.h"

#include <string.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-email.h"
#include "crm-limits.h"
#include "crm-phone.h"
#include "crm-procedure.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Hostile input is bounded: every text is capped and cleaned by one model
 * function before any parser sees it, and templates are bounded in depth
 * before json-glib, which recurses, parses them.
 */

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);

  return g_string_free (out, FALSE);
}

static void
test_limits_too_long_is_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = repeat ("a", CRM_LIMIT_NAME + 1);
  g_autofree char *fits = repeat ("ש", CRM_LIMIT_NAME);
  g_autofree char *clean = NULL;

  g_assert_false (crm_limits_clean_text ("Name", name, CRM_LIMIT_NAME, CRM_TEXT_LINE, &clean, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_null (clean);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_assert_nonnull (strstr (error->message, "200"));
  /* The message quotes the start, not the whole value. */
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  /* Two-byte letters count as one character each. */
  g_assert_true (crm_limits_clean_text ("Name", fits, CRM_LIMIT_NAME, CRM_TEXT_LINE, &clean, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (clean, ==, fits);
}

static void
test_limits_huge_text_is_refused_unread (void)
{
  g_autoptr(GError) error = NULL;
  gsize size = 10 * 1024 * 1024;
  g_autofree char *field = g_malloc (size + 1);

  memset (field, 'x', size);
  field[size] = '\0';

  g_assert_false (crm_limits_clean_text ("Note", field, CRM_LIMIT_NOTE, CRM_TEXT_LINES, NULL, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
}

static void
test_limits_controls_are_stripped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *lines = NULL;

  /* An override that would show "evil" reversed, an isolate, a C1 and a C0
   * control: all gone. */
  g_assert_true (crm_limits_clean_text ("Name", "Dana\xe2\x80\xae" "live\xe2\x81\xa6x\xe2\x81\xa9\xc2\x85\x07!",
                                        CRM_LIMIT_NAME, CRM_TEXT_LINE, &line, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "Danalivex!");
  g_clear_pointer (&line, g_free);

  /* One line: breaks and tabs become spaces. */
  g_assert_true (crm_limits_clean_text (NULL, "a\tb\r\nc", CRM_LIMIT_TEXT, CRM_TEXT_LINE, &line, &error));
  g_assert_cmpstr (line, ==, "a b  c");

  /* A note keeps its lines and tabs; "\r\n" is one break. */
  g_assert_true (crm_limits_clean_text (NULL, "a\tb\r\nc\rd\x1b", CRM_LIMIT_NOTE, CRM_TEXT_LINES, &lines, &error));
  g_assert_cmpstr (lines, ==, "a\tb\nc\nd");
}

static void
test_limits_hebrew_and_russian_unchanged (void)
{
  static const char * const names[] = {
    "דנה לוי",
    "שרה כהן-אברהם",
    "Иван Петров",
    "Ёлкин Артём Юрьевич",
    /* The plain direction marks are text, not embeddings. */
    "\xe2\x80\x8f" "דנה" "\xe2\x80\x8e",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *clean = NULL;

      g_assert_true (crm_limits_clean_text ("Name", names[i], CRM_LIMIT_NAME, CRM_TEXT_LINE, &clean, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (clean, ==, names[i]);
    }
}

static void
test_limits_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;

  g_autofree char *lead_bytes = g_strnfill (300, '\xf0');

  g_assert_true (crm_limits_clean_text (NULL, "a\xff" "b", CRM_LIMIT_TEXT, CRM_TEXT_LINE, &clean, &error));
  g_assert_cmpstr (clean, ==, "a\xef\xbf\xbd" "b");

  /* Refused unread, and quoted without stepping past the end. */
  g_assert_false (crm_limits_clean_text ("Phone", lead_bytes, CRM_LIMIT_PHONE, CRM_TEXT_LINE, NULL, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* A 40,000-digit phone took 16 s in libphonenumber: it is refused before. */
static void
test_limits_long_phone_is_refused_quickly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = repeat ("5", 40000);
  g_autofree char *e164 = NULL;

  g_assert_false (crm_phone_normalize (digits, "IL", &e164, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_null (e164);
  g_clear_error (&error);

  /* A real number with controls in it still parses. */
  g_assert_true (crm_phone_normalize ("\xe2\x80\xaa" "050-123-4567" "\xe2\x80\xac", "IL", &e164, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (e164, ==, "+972501234567");
}

static void
test_limits_long_email_is_refused_quickly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local = repeat ("a", 1000000);
  g_autofree char *address = g_strconcat (local, "@example.com", NULL);

  g_assert_false (crm_email_normalize (address, NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL);
  g_assert_cmpuint (strlen (error->message), <, 200);
}

static void
test_limits_json_depth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *open = repeat ("[", 100000);
  g_autofree char *close = repeat ("]", 100000);
  g_autofree char *deep = g_strconcat ("{\"a\":", open, close, "}", NULL);
  g_autofree char *bracket_strings = NULL;
  g_autofree char *strings = repeat ("\"[{\\\"[\",", 1000);

  g_assert_false (crm_limits_check_json ("deep.json", deep, strlen (deep), &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, "64"));
  g_clear_error (&error);

  /* Brackets inside strings, escaped quotes included, do not nest. */
  bracket_strings = g_strconcat ("{\"a\":[", strings, "1]}", NULL);
  g_assert_true (crm_limits_check_json ("strings.json", bracket_strings, strlen (bracket_strings), &error));
  g_assert_no_error (error);
}

/* A stored template nested 100,000 deep crashed Deals on open (a stack
 * overflow in json-glib): it is refused with a message instead. */
static void
test_limits_deep_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *open = repeat ("[", 100000);
  g_autofree char *close = repeat ("]", 100000);
  g_autofree char *deep = g_strconcat ("{\"format\": 1, \"id\": \"deep\", \"a\": ", open, close, "}", NULL);
  g_autofree char *dir = crm_test_make_dir ("deals-limits-XXXXXX");
  g_autofree char *path = crm_test_store_path (dir);
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(CrmStore) store = NULL;

  /* As a template's text, from a file or the database alike. */
  procedure = crm_procedure_new_from_data (deep, -1, "deep.json", &error);
  g_assert_null (procedure);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, "64"));
  g_clear_error (&error);

  /* Stored in a database: opening it is refused, and nothing crashes. */
  store = crm_test_store_new (path, "hs");
  {
    g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store),
                                                   "UPDATE meta SET value = ?1 WHERE key = 'procedure-template'",
                                                   &error);

    g_assert_no_error (error);
    crm_statement_bind_text (stmt, 1, deep);
    g_assert_true (crm_statement_run (stmt, &error));
    g_assert_no_error (error);
  }
  g_assert_finalize_object (g_steal_pointer (&store));

  store = crm_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "64"));

  crm_test_store_path_release (path);
  g_assert_true (crm_test_remove_dir (dir));
}

/* The deal card: a 131,000-character name is refused and nothing is
 * stored; controls are stripped, Hebrew and Russian kept as typed. */
static void
test_limits_deal_card (void)
{
  static const char * const phones[] = { "8 912 345-67-89", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = crm_test_make_dir ("deals-limits-XXXXXX");
  g_autofree char *path = crm_test_store_path (dir);
  g_autofree char *huge = repeat ("n", 131000);
  g_autoptr(CrmStore) store = crm_test_store_new (path, "axl");
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmCompany) company = crm_company_new ();
  g_autoptr(CrmDeal) loaded = NULL;
  g_autoptr(CrmContact) person = NULL;
  g_autoptr(CrmCompany) firm = NULL;

  crm_deal_set_title (deal, "Сайт для клиники");
  crm_contact_set_name (contact, huge);
  crm_contact_set_phones (contact, phones);
  g_assert_false (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "200"));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts"), ==, 0);

  /* An override in the name, an isolate and a bell in the company. */
  crm_contact_set_name (contact, "דנה\xe2\x80\xae לוי");
  crm_contact_set_position (contact, "Директор\x07");
  crm_company_set_name (company, "\xe2\x81\xa7" "Клиника «Здоровье»\xe2\x81\xa9");
  g_assert_true (crm_store_save_deal (store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);

  loaded = crm_store_load_deal (store, crm_deal_get_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_deal_get_title (loaded), ==, "Сайт для клиники");
  person = crm_store_load_contact (store, crm_deal_get_contact_id (loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_contact_get_name (person), ==, "דנה לוי");
  g_assert_cmpstr (crm_contact_get_position (person), ==, "Директор");
  firm = crm_store_load_company (store, crm_deal_get_company_id (loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_company_get_name (firm), ==, "Клиника «Здоровье»");

  g_assert_finalize_object (g_steal_pointer (&store));
  crm_test_store_path_release (path);
  g_assert_true (crm_test_remove_dir (dir));
}

/* Notes, tasks and the values of a move: too long is refused, and nothing
 * of the write is stored. */
static void
test_limits_work_and_moves (void)
{
  static const char * const phones[] = { "8 912 345-67-89", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = crm_test_make_dir ("deals-limits-XXXXXX");
  g_autofree char *path = crm_test_store_path (dir);
  g_autofree char *note = repeat ("x", 10 * 1024 * 1024);
  g_autofree char *line = repeat ("y", CRM_LIMIT_TEXT + 1);
  g_autofree char *name = repeat ("n", 131000);
  g_autoptr(CrmStore) store = crm_test_store_new (path, "axl");
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) due = g_date_time_new_now_utc ();
  g_autoptr(CrmDeal) loaded = NULL;
  gint64 task, activities, tasks;

  crm_deal_set_title (deal, "Landing page");
  crm_contact_set_name (contact, "Анна");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  activities = crm_test_query_int (store, "SELECT count(*) FROM activities");
  tasks = crm_test_query_int (store, "SELECT count(*) FROM tasks");

  g_assert_cmpint (crm_store_log_activity (store, crm_deal_get_id (deal), CRM_ACTIVITY_NOTE, CRM_CALL_NONE, 0,
                                           note, &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities"), ==, activities);

  g_assert_cmpint (crm_store_add_task (store, crm_deal_get_id (deal), line, due, 0, &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM tasks"), ==, tasks);

  task = crm_store_add_task (store, crm_deal_get_id (deal), "Call back", due, 0, &error);
  g_assert_no_error (error);
  g_assert_false (crm_store_close_task (store, task, TRUE, note, NULL, NULL, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM tasks WHERE closed_at IS NULL"), ==, tasks + 1);

  /* A move's values: the command line's --set and a call's answers. */
  g_hash_table_insert (values, "contact.name", name);
  g_assert_false (crm_store_move_deal_with_values (store, crm_deal_get_id (deal),
                                                   crm_deal_get_stage_id (deal), values, NULL, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);
  loaded = crm_store_load_deal (store, crm_deal_get_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE name = 'Анна'"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&store));
  crm_test_store_path_release (path);
  g_assert_true (crm_test_remove_dir (dir));
}

/* The department's own texts: a user's name, the organisation AXL-7's
 * opening names, a product. */
static void
test_limits_department (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = crm_test_make_dir ("deals-limits-XXXXXX");
  g_autofree char *path = crm_test_store_path (dir);
  g_autofree char *huge = repeat ("n", 131000);
  g_autoptr(CrmStore) store = crm_test_store_new (path, "tw");
  g_autofree char *organization = NULL;
  gint64 users = crm_test_query_int (store, "SELECT count(*) FROM users");

  g_assert_cmpint (crm_store_add_user (store, huge, CRM_ROLE_REP, &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM users"), ==, users);

  g_assert_cmpint (crm_store_add_product (store, huge, 100, "ILS", &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM products"), ==, 0);

  g_assert_true (crm_store_set_setting (store, "organization-name", "\xe2\x80\xae" "שעוני זמן בע״מ", &error));
  g_assert_no_error (error);
  organization = crm_store_dup_setting (store, "organization-name");
  g_assert_cmpstr (organization, ==, "שעוני זמן בע״מ");

  g_assert_false (crm_store_set_setting (store, "organization-name", huge, &error));
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);

  g_assert_finalize_object (g_steal_pointer (&store));
  crm_test_store_path_release (path);
  g_assert_true (crm_test_remove_dir (dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/limits"))
    return g_test_run ();

  /* What is typed, bounded before any store sees it: once. */
  crm_test_add_func_sqlite ("/model/limits/too-long-is-refused", test_limits_too_long_is_refused);
  crm_test_add_func_sqlite ("/model/limits/huge-text-is-refused-unread", test_limits_huge_text_is_refused_unread);
  crm_test_add_func_sqlite ("/model/limits/controls-are-stripped", test_limits_controls_are_stripped);
  crm_test_add_func_sqlite ("/model/limits/hebrew-and-russian-unchanged", test_limits_hebrew_and_russian_unchanged);
  crm_test_add_func_sqlite ("/model/limits/invalid-utf8", test_limits_invalid_utf8);
  crm_test_add_func_sqlite ("/model/limits/long-phone-is-refused-quickly", test_limits_long_phone_is_refused_quickly);
  crm_test_add_func_sqlite ("/model/limits/long-email-is-refused-quickly", test_limits_long_email_is_refused_quickly);
  crm_test_add_func_sqlite ("/model/limits/json-depth", test_limits_json_depth);

  /* Stores, on either backend. */
  CRM_TEST_ADD_FUNC ("/model/limits/deep-template", test_limits_deep_template);
  CRM_TEST_ADD_FUNC ("/model/limits/deal-card", test_limits_deal_card);
  CRM_TEST_ADD_FUNC ("/model/limits/work-and-moves", test_limits_work_and_moves);
  CRM_TEST_ADD_FUNC ("/model/limits/department", test_limits_department);

  return g_test_run ();
}
