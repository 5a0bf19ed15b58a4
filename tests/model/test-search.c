/* test-search.c
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

#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <glib/gstdio.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-search-result.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Full-text search over deals, contacts and companies, as typed into the
 * search bar: every word is a prefix, in Hebrew, Russian or English, and no
 * character of the input is query syntax.
 */

typedef CrmTestFixture Fixture;

/* Saves a deal, with a contact and a company when their names are given.
 * Returns the deal; the ids land in @contact_id and @company_id. */
static CrmDeal *
save (CrmStore   *store,
      const char *title,
      const char *contact_name,
      const char *company_name,
      gint64     *contact_id,
      gint64     *company_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmContact) contact = NULL;
  g_autoptr (CrmCompany) company = NULL;
  CrmDeal *deal = crm_deal_new ();

  crm_deal_set_title (deal, title);
  if (contact_name != NULL)
    {
      contact = crm_contact_new ();
      crm_contact_set_name (contact, contact_name);
    }
  if (company_name != NULL)
    {
      company = crm_company_new ();
      crm_company_set_name (company, company_name);
    }

  g_assert_true (crm_store_save_deal (store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);

  if (contact_id != NULL)
    *contact_id = contact ? crm_contact_get_id (contact) : 0;
  if (company_id != NULL)
    *company_id = company ? crm_company_get_id (company) : 0;

  return deal;
}

static GListModel *
search (CrmStore   *store,
        const char *text,
        guint       limit)
{
  g_autoptr (GError) error = NULL;
  GListModel *results;

  results = crm_store_search (store, text, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_true (g_list_model_get_item_type (results) == CRM_TYPE_SEARCH_RESULT);

  return results;
}

/* Whether @results hold an entry of @kind and @id, titled @title. */
static gboolean
has_result (GListModel *results,
            const char *kind,
            gint64      id,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CrmSearchResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (crm_search_result_get_kind (result), kind) == 0 &&
          crm_search_result_get_id (result) == id)
        {
          g_assert_cmpstr (crm_search_result_get_title (result), ==, title);
          return TRUE;
        }
    }

  return FALSE;
}

static guint
count_kind (GListModel *results,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CrmSearchResult) result = g_list_model_get_item (results, i);

      n += g_strcmp0 (crm_search_result_get_kind (result), kind) == 0;
    }

  return n;
}

static void
test_search_hebrew (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr (CrmDeal) deal = NULL;
  g_autoptr (CrmDeal) other = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 dana = 0;
  gint64 yossi = 0;
  gint64 company = 0;

  deal = save (fixture->store, "Annual licence", "דנה לוי", "אלקטרה מערכות", &dana, &company);
  other = save (fixture->store, "Renewal", "יוסי כהן", NULL, &yossi, NULL);

  results = search (fixture->store, "דנ", 20);
  g_assert_true (has_result (results, "contact", dana, "דנה לוי"));
  g_assert_false (has_result (results, "contact", yossi, "יוסי כהן"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* The family name is a word of its own. */
  results = search (fixture->store, "לוי", 20);
  g_assert_true (has_result (results, "contact", dana, "דנה לוי"));
  g_clear_object (&results);

  results = search (fixture->store, "אלקט", 20);
  g_assert_true (has_result (results, "company", company, "אלקטרה מערכות"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* A letter in the middle of a word is no prefix. */
  results = search (fixture->store, "נה", 20);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
test_search_russian (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (CrmDeal) deal = NULL;
  g_autoptr (CrmDeal) other = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 anna = 0;
  gint64 igor = 0;
  gint64 company = 0;

  deal = save (fixture->store, "Радиаторы для школы", "Анна Смирнова", "ООО «ТеплоСтрой»", &anna, &company);
  other = save (fixture->store, "Поставка клапанов", "Игорь Петров", NULL, &igor, NULL);

  results = search (fixture->store, "Смир", 20);
  g_assert_true (has_result (results, "contact", anna, "Анна Смирнова"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  /* Cyrillic case folds like Latin does. */
  results = search (fixture->store, "смир", 20);
  g_assert_true (has_result (results, "contact", anna, "Анна Смирнова"));
  g_clear_object (&results);
  results = search (fixture->store, "АННА", 20);
  g_assert_true (has_result (results, "contact", anna, "Анна Смирнова"));
  g_clear_object (&results);

  /* Guillemets are punctuation, not part of the company's name. */
  results = search (fixture->store, "теплострой", 20);
  g_assert_true (has_result (results, "company", company, "ООО «ТеплоСтрой»"));
  g_clear_object (&results);

  results = search (fixture->store, "радиат", 20);
  g_assert_true (has_result (results, "deal", crm_deal_get_id (deal), "Радиаторы для школы"));
  g_assert_false (has_result (results, "deal", crm_deal_get_id (other), "Поставка клапанов"));
}

static void
test_search_latin_case (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr (CrmDeal) deal = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 tamar = 0;
  gint64 company = 0;

  deal = save (fixture->store, "Maintenance Contract", "Tamar Friedman", "Orbit Systems", &tamar, &company);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const queries[] = { "tamar", "TAMAR", "fRIED", "Tam" };

      results = search (fixture->store, queries[i], 20);
      g_assert_true (has_result (results, "contact", tamar, "Tamar Friedman"));
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
      g_clear_object (&results);
    }

  results = search (fixture->store, "maint", 20);
  g_assert_true (has_result (results, "deal", crm_deal_get_id (deal), "Maintenance Contract"));
  g_clear_object (&results);

  results = search (fixture->store, "ORBIT", 20);
  g_assert_true (has_result (results, "company", company, "Orbit Systems"));
}

static void
test_search_all_words (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (CrmDeal) a = NULL;
  g_autoptr (CrmDeal) b = NULL;
  g_autoptr (CrmDeal) c = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 dana_levi = 0;
  gint64 dana_cohen = 0;
  gint64 yossi_levi = 0;

  a = save (fixture->store, "Upgrade", "דנה לוי", NULL, &dana_levi, NULL);
  b = save (fixture->store, "Upgrade", "דנה כהן", NULL, &dana_cohen, NULL);
  c = save (fixture->store, "Upgrade", "יוסי לוי", NULL, &yossi_levi, NULL);

  results = search (fixture->store, "דנה", 20);
  g_assert_cmpuint (count_kind (results, "contact"), ==, 2);
  g_clear_object (&results);

  /* Both words must match, in any order, with any spacing. */
  results = search (fixture->store, "דנ לו", 20);
  g_assert_true (has_result (results, "contact", dana_levi, "דנה לוי"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  results = search (fixture->store, "  לוי \t דנה  ", 20);
  g_assert_true (has_result (results, "contact", dana_levi, "דנה לוי"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  results = search (fixture->store, "דנה שפירא", 20);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
test_search_syntax_escaped (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"Orbit", "Orbit\"", "Or\"bit", "*", "**", "Orbit*", "*Orbit",
    "(", ")", "(Orbit", "Orbit)", "Orbit OR Negev", "OR", "AND", "NOT", "NOT Orbit",
    "NEAR(", "NEAR(Orbit Negev)", "NEAR(Orbit Negev, 2)", "title:Orbit", "-Orbit",
    "^Orbit", "+", "{title}: Orbit", "Orbit:", ":", "'", "';DROP TABLE deals;--",
    "%", "_", "\\", "Orbit\\", "[Orbit]", "Orbit & Negev", "Orbit | Negev",
  };
  g_autoptr (CrmDeal) deal = NULL;
  gint64 company = 0;

  deal = save (fixture->store, "Solar panels", NULL, "Orbit Systems", NULL, &company);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GListModel) results = NULL;

      g_test_message ("query: %s", queries[i]);
      results = crm_store_search (fixture->store, queries[i], 20, &error);
      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* Syntax characters are not operators: "OR" is a word to find... */
  {
    g_autoptr (GListModel) results = search (fixture->store, "Orbit OR Negev", 20);

    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }

  /* ...and a word that starts with quotes or brackets is still found. */
  {
    g_autoptr (GListModel) results = search (fixture->store, "(Orbit", 20);

    g_assert_true (has_result (results, "company", company, "Orbit Systems"));
  }

  /* The database is intact after the attempt above. */
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 1);
}

static void
test_search_empty (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char * const queries[] = { "", " ", "\t\n", "   " };
  g_autoptr (CrmDeal) deal = NULL;

  deal = save (fixture->store, "Renewal", "Tamar Friedman", "Orbit Systems", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GListModel) results = search (fixture->store, queries[i], 20);

      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListModel) results = crm_store_search (fixture->store, NULL, 20, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
}

static void
test_search_renamed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 deal_id;

  deal = save (fixture->store, "Turbine overhaul", NULL, NULL, NULL, NULL);
  deal_id = crm_deal_get_id (deal);

  results = search (fixture->store, "turb", 20);
  g_assert_true (has_result (results, "deal", deal_id, "Turbine overhaul"));
  g_clear_object (&results);

  crm_deal_set_title (deal, "Pump replacement");
  g_assert_true (crm_store_save_deal (fixture->store, deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_id (deal), ==, deal_id);

  results = search (fixture->store, "pump", 20);
  g_assert_true (has_result (results, "deal", deal_id, "Pump replacement"));
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);

  results = search (fixture->store, "turbine", 20);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  results = search (fixture->store, "overhaul", 20);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr (GListModel) all = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Widget order %u", i);
      g_autoptr (CrmDeal) deal = save (fixture->store, title, NULL, NULL, NULL, NULL);
    }

  all = search (fixture->store, "widget", 100);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 12);
  g_assert_cmpuint (count_kind (all, "deal"), ==, 12);

  for (guint limit = 1; limit <= 13; limit += 4)
    {
      g_autoptr (GListModel) results = search (fixture->store, "widget", limit);

      g_assert_cmpuint (g_list_model_get_n_items (results), ==, MIN (limit, 12));
    }

  {
    g_autoptr (GListModel) results = search (fixture->store, "widget", 0);

    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  }
}

static void
test_search_result_fields (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr (CrmDeal) deal = NULL;
  g_autoptr (GListModel) results = NULL;
  gint64 contact = 0;
  gint64 company = 0;
  guint n_deal = 0;
  guint n_contact = 0;
  guint n_company = 0;

  /* One word in all three: each is a result of its own kind and id. */
  deal = save (fixture->store, "Kestrel expansion", "Kestrel Brown", "Kestrel Logistics", &contact, &company);

  results = search (fixture->store, "kestrel", 20);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (CrmSearchResult) result = g_list_model_get_item (results, i);
      const char *kind = crm_search_result_get_kind (result);

      if (g_strcmp0 (kind, "deal") == 0)
        {
          g_assert_cmpint (crm_search_result_get_id (result), ==, crm_deal_get_id (deal));
          g_assert_cmpstr (crm_search_result_get_title (result), ==, "Kestrel expansion");
          /* A deal's subtitle is its company. */
          g_assert_cmpstr (crm_search_result_get_subtitle (result), ==, "Kestrel Logistics");
          n_deal++;
        }
      else if (g_strcmp0 (kind, "contact") == 0)
        {
          g_assert_cmpint (crm_search_result_get_id (result), ==, contact);
          g_assert_cmpstr (crm_search_result_get_title (result), ==, "Kestrel Brown");
          g_assert_cmpstr (crm_search_result_get_subtitle (result), ==, "Kestrel Logistics");
          n_contact++;
        }
      else if (g_strcmp0 (kind, "company") == 0)
        {
          g_assert_cmpint (crm_search_result_get_id (result), ==, company);
          g_assert_cmpstr (crm_search_result_get_title (result), ==, "Kestrel Logistics");
          n_company++;
        }
      else
        g_assert_not_reached ();
    }

  g_assert_cmpuint (n_deal, ==, 1);
  g_assert_cmpuint (n_contact, ==, 1);
  g_assert_cmpuint (n_company, ==, 1);
}

/* Hostile input is bounded: a pasted megabyte searches its first line's
 * worth and answers at once. */
static void
test_search_long_text (CrmTestFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) results = NULL;
  g_autoptr (GString) text = g_string_new ("Orbit");
  g_autoptr (CrmDeal) deal = NULL;
  gint64 company = 0;
  gint64 start;

  deal = save (fixture->store, "Solar panels", NULL, "Orbit Systems", NULL, &company);
  while (text->len < 1024 * 1024)
    g_string_append (text, " Орбита");

  start = g_get_monotonic_time ();
  results = crm_store_search (fixture->store, text->str, 20, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/search"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  /* AXL's first stage requires nothing, so these deals need no contact
   * details to be created (the other procedures' first stages do). */
  ADD ("/model/search/hebrew-prefix", "axl", test_search_hebrew);
  ADD ("/model/search/russian-prefix", "axl", test_search_russian);
  ADD ("/model/search/latin-case-insensitive", "axl", test_search_latin_case);
  ADD ("/model/search/all-words", "axl", test_search_all_words);
  ADD ("/model/search/syntax-escaped", "axl", test_search_syntax_escaped);
  ADD ("/model/search/empty-query", "axl", test_search_empty);
  ADD ("/model/search/renamed-deal", "axl", test_search_renamed);
  ADD ("/model/search/limit", "axl", test_search_limit);
  ADD ("/model/search/result-fields", "axl", test_search_result_fields);
  ADD ("/model/search/long-text", "axl", test_search_long_text);

#undef ADD

  return g_test_run ();
}
