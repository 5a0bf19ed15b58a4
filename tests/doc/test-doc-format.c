/* test-doc-format.c
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

#include "config.h"

#include <locale.h>

#include "crm-doc-private.h"
#include "crm-doc-strings.h"
#include "crm-quote-document.h"

/* Every word of the document exists in en, he and ru. */
static void
test_strings_complete (void)
{
  for (guint id = 0; id < CRM_DOC_N_STRINGS; id++)
    for (guint slot = 0; slot < CRM_DOC_N_LANGUAGES; slot++)
      {
        const char *text = crm_doc_string_for_slot (id, slot);

        g_assert_nonnull (text);
        g_assert_cmpstr (text, !=, "");
        g_assert_true (g_utf8_validate (text, -1, NULL));
      }
  g_assert_cmpstr (crm_doc_string (CRM_DOC_TOTAL, "he"), ==, "סה״כ לתשלום");
  g_assert_cmpstr (crm_doc_string (CRM_DOC_TOTAL, "xx"), ==, "Total");
}

/* Money from exact decimal text, in the document's language whatever the
 * process locale; ICU's invisible direction marks are left out. */
static void
test_money (void)
{
  struct { gint64 minor; const char *currency, *language, *expected; } cases[] = {
    { 123450,        "ILS", "en", "₪1,234.50" },
    { 123450,        "ILS", "he", "1,234.50\u00a0₪" },
    { 123450,        "RUB", "ru", "1\u00a0234,50\u00a0₽" },
    { 5,             "RUB", "en", "RUB\u00a00.05" },
    { G_MAXINT64,    "ILS", "en", "₪92,233,720,368,547,758.07" },
  };

  setlocale (LC_ALL, "C");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = crm_document_format_money (cases[i].minor, cases[i].currency, cases[i].language);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_quantity_and_date (void)
{
  g_autofree char *whole = crm_document_format_quantity (2000, "en");
  g_autofree char *half = crm_document_format_quantity (1500, "ru");
  g_autofree char *fine = crm_document_format_quantity (1234567, "en");
  g_autofree char *date_en = crm_document_format_date ("2027-01-06", "en");
  g_autofree char *date_ru = crm_document_format_date ("2027-01-06", "ru");
  g_autofree char *date_he = crm_document_format_date ("2027-01-06", "he");
  g_autofree char *bad = crm_document_format_date ("not a date", "en");

  g_assert_cmpstr (whole, ==, "2");
  g_assert_cmpstr (half, ==, "1,5");
  g_assert_cmpstr (fine, ==, "1,234.567");
  g_assert_cmpstr (date_en, ==, "January 6, 2027");
  g_assert_cmpstr (date_ru, ==, "6 января 2027\u202fг.");
  g_assert_cmpstr (date_he, ==, "6 בינואר 2027");
  g_assert_cmpstr (bad, ==, "not a date");
}

/* A customer's bidi controls go, and the name is isolated. */
static void
test_isolate (void)
{
  g_autofree char *isolated = _crm_doc_isolate ("Evil\u202e Corp\u202c\u2066x\u2069");

  g_assert_cmpstr (isolated, ==, "\u2068Evil Corpx\u2069");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doc/strings/complete", test_strings_complete);
  g_test_add_func ("/doc/format/money", test_money);
  g_test_add_func ("/doc/format/quantity-and-date", test_quantity_and_date);
  g_test_add_func ("/doc/isolate", test_isolate);

  return g_test_run ();
}
