/* test-money.c
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
#include <string.h>

#include "crm-money.h"

#define NBSP        "\xc2\xa0"
#define NARROW_NBSP "\xe2\x80\xaf"

typedef struct
{
  const char *text;
  gint64      minor;
} Amount;

static void
assert_amounts (const char   *language,
                const Amount *amounts,
                gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_test_message ("%s: %s", language, amounts[i].text);
      g_assert_true (crm_money_parse (amounts[i].text, language, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, amounts[i].minor);
    }
}

static void
assert_refused (const char *language,
                const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 42;

  g_test_message ("%s: %s", language, text);
  g_assert_false (crm_money_parse (text, language, &minor, &error));
  g_assert_error (error, CRM_NUMBER_ERROR, code);
  /* Nothing is half-read into the result. */
  g_assert_cmpint (minor, ==, 42);
}

/* English and Hebrew: a decimal point, commas grouping thousands. */
static void
test_money_en_he (void)
{
  static const Amount amounts[] = {
    { "1500", 150000 },
    { "1,500", 150000 },
    { "1,500.50", 150050 },
    { "1,500.5", 150050 },
    { "1,234,567.89", 123456789 },
    { "12.3", 1230 },
    { ".5", 50 },
    { "0", 0 },
    { " 42 ", 4200 },
    /* A comma that cannot group is a decimal comma. */
    { "1,5", 150 },
    { "12,34", 1234 },
    /* Spaces and apostrophes group in every language. */
    { "12 345.50", 1234550 },
    { "12" NBSP "345", 1234500 },
    { "12'345", 1234500 },
    /* Both marks: the last is the decimal mark. */
    { "1.500,50", 150050 },
    { "1.500.000", 150000000 },
  };
  const char *languages[] = { "en", "he", "he_IL.UTF-8", "en_US", "de" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      assert_amounts (languages[i], amounts, G_N_ELEMENTS (amounts));
      assert_refused (languages[i], "1,5,0", CRM_NUMBER_ERROR_GROUPING);
      assert_refused (languages[i], "1,50,000", CRM_NUMBER_ERROR_GROUPING);
      assert_refused (languages[i], "1234,567.5", CRM_NUMBER_ERROR_GROUPING);
      assert_refused (languages[i], "12.3.4,5", CRM_NUMBER_ERROR_GROUPING);
      assert_refused (languages[i], "1.500", CRM_NUMBER_ERROR_DECIMALS);
      assert_refused (languages[i], "1.505", CRM_NUMBER_ERROR_DECIMALS);
    }
}

/* Russian: a decimal comma, spaces grouping thousands. */
static void
test_money_ru (void)
{
  static const Amount amounts[] = {
    { "1500", 150000 },
    { "1 500", 150000 },
    { "1 500,50", 150050 },
    { "1" NBSP "500,5", 150050 },
    { "1" NARROW_NBSP "234" NARROW_NBSP "567,89", 123456789 },
    { "12,3", 1230 },
    { "12.3", 1230 },
    { "1500.50", 150050 },
    { "1,500.50", 150050 },
  };

  assert_amounts ("ru", amounts, G_N_ELEMENTS (amounts));
  assert_amounts ("ru_RU.UTF-8", amounts, G_N_ELEMENTS (amounts));

  /* The ambiguous case: a comma is the decimal mark, so "1,500" has three
   * decimals, which no amount has. Refused rather than guessed. */
  assert_refused ("ru", "1,500", CRM_NUMBER_ERROR_DECIMALS);
  assert_refused ("ru", "1 50,5", CRM_NUMBER_ERROR_GROUPING);
  assert_refused ("ru", "1,5,0", CRM_NUMBER_ERROR_GROUPING);
}

static void
test_money_malformed (void)
{
  const char *languages[] = { "en", "he", "ru" };
  const char *malformed[] = {
    "", "   ", "abc", "12abc", "1e5", "0x10", "1,,5", "1..5", "1 ,5",
    "1.", ",", ".", "+5", "5-", "١٢٣", "nan", "inf", "1_000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (malformed); j++)
        assert_refused (languages[i], malformed[j], CRM_NUMBER_ERROR_MALFORMED);

      assert_refused (languages[i], "-5", CRM_NUMBER_ERROR_NEGATIVE);
      assert_refused (languages[i], "\u22125", CRM_NUMBER_ERROR_NEGATIVE);
      assert_refused (languages[i], "1.234", CRM_NUMBER_ERROR_DECIMALS);
      /* G_MAXINT64 minor units is 92233720368547758.07. */
      assert_refused (languages[i], "92233720368547759", CRM_NUMBER_ERROR_TOO_LARGE);
      assert_refused (languages[i], "99999999999999999999999", CRM_NUMBER_ERROR_TOO_LARGE);
    }

  assert_amounts ("en", (Amount[]) { { "92233720368547758.07", G_MAXINT64 } }, 1);
}

/* The message names what was typed and shows the language's own way. */
static void
test_money_messages (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  g_assert_false (crm_money_parse ("1,500", "ru", &minor, &error));
  g_assert_nonnull (strstr (error->message, "“1,500”"));
  g_assert_nonnull (strstr (error->message, "1" NBSP "500,50"));
  g_clear_error (&error);

  g_assert_false (crm_money_parse ("abc", "en", &minor, &error));
  g_assert_cmpstr (error->message, ==, "“abc” is not an amount, such as 1,500.50.");
  g_clear_error (&error);

  g_assert_false (crm_number_parse ("abc", "en", 6, &minor, &error));
  g_assert_cmpstr (error->message, ==, "“abc” is not a number, such as 1,500.50.");
}

/* Numbers other than money: signs, more decimals, the stored form. */
static void
test_number (void)
{
  g_autoptr(GError) error = NULL;
  gint64 scaled = 0;
  g_autofree char *plain = NULL;

  g_assert_true (crm_number_parse ("-1,5", "ru", 6, &scaled, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scaled, ==, -1500000);

  g_assert_true (crm_number_parse ("1,500", "ru", 6, &scaled, &error));
  g_assert_cmpint (scaled, ==, 1500000);
  g_assert_true (crm_number_parse ("1,500", "en", 6, &scaled, &error));
  g_assert_cmpint (scaled, ==, 1500000000);
  g_assert_true (crm_number_parse ("0.000001", "he", 6, &scaled, &error));
  g_assert_cmpint (scaled, ==, 1);
  g_assert_false (crm_number_parse ("0.0000001", "he", 6, &scaled, &error));
  g_assert_error (error, CRM_NUMBER_ERROR, CRM_NUMBER_ERROR_DECIMALS);
  g_clear_error (&error);

  /* The stored form reads back the same in every language. */
  plain = crm_number_format_plain (1234500000, 6);
  g_assert_cmpstr (plain, ==, "1234.5");
  g_clear_pointer (&plain, g_free);
  plain = crm_number_format_plain (-1500000, 6);
  g_assert_cmpstr (plain, ==, "-1.5");
  g_clear_pointer (&plain, g_free);
  plain = crm_number_format_plain (1, 6);
  g_assert_cmpstr (plain, ==, "0.000001");
  g_clear_pointer (&plain, g_free);
  plain = crm_number_format_plain (12000000, 6);
  g_assert_cmpstr (plain, ==, "12");
  g_clear_pointer (&plain, g_free);

  for (guint i = 0; i < 3; i++)
    {
      const char *language = (const char *[]) { "en", "he", "ru" }[i];

      g_assert_true (crm_number_parse ("1234.5", language, 6, &scaled, &error));
      g_assert_cmpint (scaled, ==, 1234500000);
      g_assert_true (crm_number_parse ("0.123", language, 6, &scaled, &error));
      g_assert_cmpint (scaled, ==, 123000);
    }
  g_assert_no_error (error);

  plain = crm_money_format_plain (150050);
  g_assert_cmpstr (plain, ==, "1500.50");
  g_clear_pointer (&plain, g_free);
  plain = crm_money_format_plain (150000);
  g_assert_cmpstr (plain, ==, "1500");
}

/* Without a language the user's first one Deals reads decides. */
static void
test_default_language (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  gint64 minor = 0;

  g_setenv ("LANGUAGE", "ru_RU:en", TRUE);
  g_assert_cmpstr (crm_number_default_language (), ==, "ru");
  g_assert_false (crm_money_parse ("1,500", NULL, &minor, NULL));

  g_setenv ("LANGUAGE", "de:he_IL", TRUE);
  g_assert_cmpstr (crm_number_default_language (), ==, "he");
  g_assert_true (crm_money_parse ("1,500", NULL, &minor, NULL));
  g_assert_cmpint (minor, ==, 150000);

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpstr (crm_number_default_language (), ==, "en");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  /* Error messages are asserted in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/money/en-he", test_money_en_he);
  g_test_add_func ("/model/money/ru", test_money_ru);
  g_test_add_func ("/model/money/malformed", test_money_malformed);
  g_test_add_func ("/model/money/messages", test_money_messages);
  g_test_add_func ("/model/money/number", test_number);
  g_test_add_func ("/model/money/default-language", test_default_language);

  return g_test_run ();
}
