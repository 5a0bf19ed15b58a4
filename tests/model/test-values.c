/* test-values.c
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

/* What a value may be, on every path of the model: amounts read by the
 * one money parser (issue 8.4). Each refusal is checked to have changed
 * nothing, by reading the deal back from the store. */

#include "config.h"

#include <locale.h>

#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-stage.h"

#include "../crm-test-common.h"

static gint64
stage_by_key (CrmStore   *store,
              const char *stage_key)
{
  CrmPipeline *pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  CrmStage *stage = crm_store_find_stage_by_key (store, crm_pipeline_get_id (pipeline), stage_key);

  g_object_unref (pipeline);
  g_assert_nonnull (stage);
  return crm_stage_get_id (stage);
}

/* A deal with a named contact, a phone and an email in the first stage. */
static gint64
new_deal (CrmStore *store)
{
  static const char * const il_phones[] = { "050-123-4567", NULL };
  static const char * const ru_phones[] = { "8 (916) 123-45-67", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  gboolean russian = g_strcmp0 (crm_procedure_get_country (crm_store_get_procedure (store)), "RU") == 0;

  crm_deal_set_title (deal, "Deal");
  crm_contact_set_name (contact, "Client");
  crm_contact_set_phones (contact, russian ? ru_phones : il_phones);
  crm_contact_set_emails (contact, emails);
  crm_store_save_deal (store, deal, contact, NULL, NULL, &error);
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static CrmDeal *
reload (CrmStore *store,
        gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  CrmDeal *deal = crm_store_load_deal (store, deal_id, &error);

  g_assert_no_error (error);
  return deal;
}

static GHashTable *
one_value (const char *key,
           const char *value)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (values, g_strdup (key), g_strdup (value));
  return values;
}

static char *
use_language (const char *language)
{
  char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", language, TRUE);
  return saved;
}

static void
restore_language (char *saved)
{
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_free (saved);
}

/* A move's amount (the board's form, --set) is read as the deal card
 * reads it: "1,500" is 1500 in English, refused in Russian. */
static void
test_money_move (CrmTestFixture *fixture,
                 gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  gint64 first = stage_by_key (store, "phone");
  gint64 meeting = stage_by_key (store, "meeting");
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  char *saved;

  values = one_value ("amount", "1,5,0");
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, meeting, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_assert_nonnull (strstr (error->message, "1,5,0"));
  g_clear_error (&error);
  g_clear_pointer (&values, g_hash_table_unref);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, first);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 0);
  g_clear_object (&deal);

  saved = use_language ("ru");
  values = one_value ("amount", "1,500");
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, meeting, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_clear_pointer (&values, g_hash_table_unref);
  restore_language (saved);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, first);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 0);
  g_clear_object (&deal);

  values = one_value ("amount", "1,500");
  g_assert_true (crm_store_move_deal_with_values (store, deal_id, meeting, values, NULL, &error));
  g_assert_no_error (error);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, meeting);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 150000);
}

/* A call's answer into the amount: the same parser. */
static void
test_money_answer (CrmTestFixture *fixture,
                   gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *value = NULL;
  char *saved;

  g_assert_true (crm_store_set_field_value (store, deal_id, "amount", "1,500", &error));
  g_assert_no_error (error);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 150000);
  g_clear_object (&deal);
  value = crm_store_dup_field_value (store, deal_id, "amount");
  g_assert_cmpstr (value, ==, "1500");

  g_assert_false (crm_store_set_field_value (store, deal_id, "amount", "12abc", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);

  saved = use_language ("ru");
  g_assert_false (crm_store_set_field_value (store, deal_id, "amount", "2,500", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_assert_true (crm_store_set_field_value (store, deal_id, "amount", "2 500,50", &error));
  g_assert_no_error (error);
  restore_language (saved);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 250050);
}

int
main (int   argc,
      char *argv[])
{
  /* Error messages are asserted in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, procedure, func) \
  g_test_add (path, CrmTestFixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/values/money/move", "hs", test_money_move);
  ADD ("/model/values/money/answer", "hs", test_money_answer);

  return g_test_run ();
}
