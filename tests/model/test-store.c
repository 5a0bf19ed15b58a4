/* test-store.c
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

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-store-private.h"

#include "../crm-test-common.h"
#include "../crm-test-postgresql.h"

/*
 * The store: validation before any write, the audit log, and the live
 * stage lists the board shows. Opening and migrating: test-store-open.c.
 */

typedef struct
{
  GDateTime *now;
} FakeClock;

typedef struct
{
  char      *dir;
  char      *path;
  CrmStore  *store;
  FakeClock  clock;
} Fixture;

/* Helpers */

static GDateTime *
fake_clock_cb (gpointer user_data)
{
  FakeClock *clock = user_data;

  return g_date_time_ref (clock->now);
}

static void
fake_clock_advance (FakeClock *clock,
                    GTimeSpan  span)
{
  GDateTime *later = g_date_time_add (clock->now, span);

  g_date_time_unref (clock->now);
  clock->now = later;
}

static CrmStore *
open_store (Fixture *fixture)
{
  CrmStore *store = crm_test_store_new (fixture->path, NULL);

  crm_store_set_clock (store, fake_clock_cb, &fixture->clock);

  return store;
}

/* user_data: the procedure to install, or NULL for a bare store. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = crm_test_make_dir ("deals-test-store-XXXXXX");
  fixture->path = crm_test_store_path (fixture->dir);
  fixture->clock.now = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);

  fixture->store = open_store (fixture);
  if (user_data != NULL)
    crm_test_install_procedure (fixture->store, user_data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  crm_test_store_path_release (fixture->path);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_clear_pointer (&fixture->clock.now, g_date_time_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = open_store (fixture);
}

static char *
query_text (CrmStore   *store,
            const char *sql)
{
  g_autoptr (CrmStatement) stmt = crm_test_query_row (store, sql);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

static gint64
count_moves (CrmStore *store)
{
  return crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'move'");
}

/* The id of stage @index of pipeline @pipeline_key. */
static gint64
stage_id (CrmStore   *store,
          const char *pipeline_key,
          guint       index)
{
  CrmPipeline *pipeline = crm_store_find_pipeline (store, pipeline_key);
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (CrmStage) stage = NULL;

  g_assert_nonnull (pipeline);
  stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  stage = g_list_model_get_item (stages, index);
  g_assert_nonnull (stage);

  return crm_stage_get_id (stage);
}

static CrmDeal *
new_deal (const char *title)
{
  CrmDeal *deal = crm_deal_new ();

  crm_deal_set_title (deal, title);
  crm_deal_set_amount (deal, 1250000);
  return deal;
}

/* Saves a deal with nothing but a title into the first stage. */
static gint64
save_simple_deal (CrmStore   *store,
                  const char *title)
{
  static const char * const phones[] = { "050-123-4567", NULL };
  static const char * const emails[] = { "dana@example.co.il", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = new_deal (title);
  g_autoptr (CrmContact) contact = crm_contact_new ();

  /* A contact with a phone and an email: what the first stages of the
   * procedures require (TW-1, HS-2, RAD-8), so moves back there are allowed. */
  crm_contact_set_name (contact, "Dana Levi");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);

  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_id (deal), >, 0);

  return crm_deal_get_id (deal);
}

static void
count_cb (CrmStore *store,
          gint64    deal_id,
          GArray   *ids)
{
  g_array_append_val (ids, deal_id);
}

/* Asserts that nothing at all was written by a refused save. */
static void
assert_nothing_stored (CrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmContact) contact = NULL;
  g_autoptr (CrmCompany) company = NULL;

  g_assert_cmpuint (crm_store_count_deals (store), ==, 0);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (store)));

  contact = crm_store_load_contact (store, 1, &error);
  g_assert_null (contact);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  company = crm_store_load_company (store, 1, &error);
  g_assert_null (company);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contact_phones"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contact_emails"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM companies"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM deal_field_values"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action <> 'bind-owner'"), ==, 0);
}

/* Saves @deal with @contact and @company and expects @code, with nothing
 * written and no signal. */
static void
assert_save_refused (CrmStore   *store,
                     CrmDeal    *deal,
                     CrmContact *contact,
                     CrmCompany *company,
                     GHashTable *fields,
                     int         code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gulong handler;

  handler = g_signal_connect (store, "deal-changed", G_CALLBACK (count_cb), changed);
  g_assert_false (crm_store_save_deal (store, deal, contact, company, fields, &error));
  g_signal_handler_disconnect (store, handler);

  g_assert_error (error, CRM_STORE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpint (crm_deal_get_id (deal), ==, 0);
  if (contact != NULL)
    g_assert_cmpint (crm_contact_get_id (contact), ==, 0);
  if (company != NULL)
    g_assert_cmpint (crm_company_get_id (company), ==, 0);
}

static void
test_store_reopen_keeps_data (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = new_deal ("Annual licence for 40 clocks");
  g_autoptr (CrmContact) contact = crm_contact_new ();
  g_autoptr (CrmCompany) company = crm_company_new ();
  g_autoptr (CrmDeal) loaded = NULL;
  g_autoptr (CrmContact) loaded_contact = NULL;
  g_autoptr (CrmCompany) loaded_company = NULL;
  g_autoptr (GDateTime) saved_at = g_date_time_ref (fixture->clock.now);
  const char *phones[] = { "050-123-4567", NULL };
  const char *emails[] = { "dana@example.co.il", NULL };
  gint64 deal_id;
  gint64 stage;

  stage = stage_id (fixture->store, "sales", 1);
  crm_deal_set_pipeline_id (deal, crm_pipeline_get_id (crm_store_find_pipeline (fixture->store, "sales")));
  crm_deal_set_stage_id (deal, stage);
  crm_deal_set_next_step (deal, "Send the quote");
  crm_contact_set_name (contact, "דנה לוי");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  crm_company_set_name (company, "אלקטרה מערכות");
  crm_company_set_city (company, "חיפה");

  g_assert_true (crm_store_save_deal (fixture->store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);
  deal_id = crm_deal_get_id (deal);

  reopen (fixture);

  g_assert_nonnull (crm_store_get_procedure (fixture->store));
  g_assert_cmpstr (crm_procedure_get_id (crm_store_get_procedure (fixture->store)), ==, "tw");
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 1);
  g_assert_cmpint (stage_id (fixture->store, "sales", 1), ==, stage);

  loaded = crm_store_load_deal (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (crm_deal_get_id (loaded), ==, deal_id);
  g_assert_cmpstr (crm_deal_get_title (loaded), ==, "Annual licence for 40 clocks");
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, stage);
  g_assert_cmpint (crm_deal_get_amount (loaded), ==, 1250000);
  g_assert_cmpstr (crm_deal_get_currency (loaded), ==, "ILS");
  g_assert_cmpstr (crm_deal_get_next_step (loaded), ==, "Send the quote");
  g_assert_cmpstr (crm_deal_get_contact_name (loaded), ==, "דנה לוי");
  g_assert_cmpstr (crm_deal_get_company_name (loaded), ==, "אלקטרה מערכות");
  g_assert_true (g_date_time_equal (crm_deal_get_created_at (loaded), saved_at));
  g_assert_true (g_date_time_equal (crm_deal_get_updated_at (loaded), saved_at));
  /* Whoever installed the procedure owns what they create. */
  g_assert_cmpint (crm_deal_get_owner_id (loaded), >, 0);

  loaded_contact = crm_store_load_contact (fixture->store, crm_deal_get_contact_id (loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_contact_get_name (loaded_contact), ==, "דנה לוי");
  g_assert_cmpint (crm_contact_get_company_id (loaded_contact), ==, crm_deal_get_company_id (loaded));
  g_assert_cmpuint (g_strv_length ((char **)crm_contact_get_phones (loaded_contact)), ==, 1);
  g_assert_cmpstr (crm_contact_get_phones (loaded_contact)[0], ==, "+972501234567");
  g_assert_cmpuint (g_strv_length ((char **)crm_contact_get_emails (loaded_contact)), ==, 1);
  g_assert_cmpstr (crm_contact_get_emails (loaded_contact)[0], ==, "dana@example.co.il");

  loaded_company = crm_store_load_company (fixture->store, crm_deal_get_company_id (loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_company_get_name (loaded_company), ==, "אלקטרה מערכות");
  g_assert_cmpstr (crm_company_get_city (loaded_company), ==, "חיפה");
}

/* Procedures */

static void
test_store_install_procedure (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmProcedure) same = crm_procedure_load_builtin ("hs", NULL);
  g_autoptr (CrmProcedure) other = crm_procedure_load_builtin ("tw", NULL);
  gint64 n_pipelines;
  gint64 n_stages;
  gint64 n_fields;
  gint64 n_users;

  g_assert_cmpstr (crm_procedure_get_id (crm_store_get_procedure (fixture->store)), ==, "hs");
  g_assert_nonnull (crm_store_find_pipeline (fixture->store, "sales"));
  n_pipelines = crm_test_query_int (fixture->store, "SELECT count(*) FROM pipelines");
  n_stages = crm_test_query_int (fixture->store, "SELECT count(*) FROM stages");
  n_fields = crm_test_query_int (fixture->store, "SELECT count(*) FROM field_defs");
  n_users = crm_test_query_int (fixture->store, "SELECT count(*) FROM users");
  g_assert_cmpint (n_pipelines, ==, crm_procedure_get_n_pipelines (same));
  g_assert_cmpint (n_fields, ==, crm_procedure_get_n_fields (same));
  g_assert_cmpint (n_users, ==, 1);
  g_assert_nonnull (crm_store_get_current_user (fixture->store));

  /* The same procedure again is a no-op, not a second set of pipelines. */
  g_assert_true (crm_store_install_procedure (fixture->store, same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM pipelines"),
                   ==, n_pipelines);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM stages"),
                   ==, n_stages);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM field_defs"),
                   ==, n_fields);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM users"), ==, n_users);

  /* Another one would orphan the deals' stages. */
  g_assert_false (crm_store_install_procedure (fixture->store, other, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_assert_cmpstr (crm_procedure_get_id (crm_store_get_procedure (fixture->store)), ==, "hs");
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM pipelines"),
                   ==, n_pipelines);

  /* The choice is in the file, not in the session. */
  reopen (fixture);
  g_assert_cmpstr (crm_procedure_get_id (crm_store_get_procedure (fixture->store)), ==, "hs");
  g_assert_false (crm_store_install_procedure (fixture->store, other, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE);
  g_clear_error (&error);
  g_assert_true (crm_store_install_procedure (fixture->store, same, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM stages"),
                   ==, n_stages);
}

/* Validation */

static void
test_store_invalid_title (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char * const titles[] = { "", "   ", " \t\n ", "\xe2\x80\x83" /* em space */ };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr (CrmDeal) deal = new_deal (titles[i]);

      assert_save_refused (fixture->store, deal, NULL, NULL, NULL, CRM_STORE_ERROR_INVALID_TITLE);
    }

  {
    g_autoptr (CrmDeal) deal = crm_deal_new ();

    assert_save_refused (fixture->store, deal, NULL, NULL, NULL, CRM_STORE_ERROR_INVALID_TITLE);
  }

  assert_nothing_stored (fixture->store);

  /* The title is kept trimmed. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CrmDeal) loaded = NULL;
    gint64 id = save_simple_deal (fixture->store, "  Renewal  ");

    loaded = crm_store_load_deal (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (crm_deal_get_title (loaded), ==, "Renewal");
  }
}

static void
test_store_invalid_phone (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *bad[] = { "050-123-4567", "050-12", NULL };

  /* One bad number among good ones refuses the whole save. */
  {
    g_autoptr (CrmDeal) deal = new_deal ("Pilot project");
    g_autoptr (CrmContact) contact = crm_contact_new ();
    g_autoptr (CrmCompany) company = crm_company_new ();

    crm_contact_set_name (contact, "יוסי כהן");
    crm_contact_set_phones (contact, bad);
    crm_company_set_name (company, "גולן טכנולוגיות");
    assert_save_refused (fixture->store, deal, contact, company, NULL, CRM_STORE_ERROR_INVALID_PHONE);
  }

  /* The company's phone is checked as well. */
  {
    g_autoptr (CrmDeal) deal = new_deal ("Pilot project");
    g_autoptr (CrmContact) contact = crm_contact_new ();
    g_autoptr (CrmCompany) company = crm_company_new ();

    crm_contact_set_name (contact, "יוסי כהן");
    crm_company_set_name (company, "גולן טכנולוגיות");
    crm_company_set_phone (company, "050-12");
    assert_save_refused (fixture->store, deal, contact, company, NULL, CRM_STORE_ERROR_INVALID_PHONE);
  }

  assert_nothing_stored (fixture->store);
}

static void
test_store_invalid_email (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char *bad[] = { "dana@", NULL };

  {
    g_autoptr (CrmDeal) deal = new_deal ("Renewal");
    g_autoptr (CrmContact) contact = crm_contact_new ();

    crm_contact_set_name (contact, "דנה לוי");
    crm_contact_set_emails (contact, bad);
    assert_save_refused (fixture->store, deal, contact, NULL, NULL, CRM_STORE_ERROR_INVALID_EMAIL);
  }

  {
    g_autoptr (CrmDeal) deal = new_deal ("Renewal");
    g_autoptr (CrmCompany) company = crm_company_new ();

    crm_company_set_name (company, "Orbit Systems");
    crm_company_set_email (company, "sales at orbit");
    assert_save_refused (fixture->store, deal, NULL, company, NULL, CRM_STORE_ERROR_INVALID_EMAIL);
  }

  assert_nothing_stored (fixture->store);
}

static void
test_store_unknown_stage (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr (CrmDeal) deal = new_deal ("Upgrade");

  crm_deal_set_stage_id (deal, 999999);
  assert_save_refused (fixture->store, deal, NULL, NULL, NULL, CRM_STORE_ERROR_UNKNOWN_STAGE);
  assert_nothing_stored (fixture->store);
}

static void
test_store_stage_of_other_pipeline (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrmDeal) deal = new_deal ("Landing page");
  g_autoptr (CrmDeal) loaded = NULL;
  CrmPipeline *sales = crm_store_find_pipeline (fixture->store, "sales");
  CrmPipeline *production = crm_store_find_pipeline (fixture->store, "production");
  gint64 production_stage;
  gint64 sales_stage;
  gint64 deal_id;
  gint64 previous = -1;

  g_assert_nonnull (sales);
  g_assert_nonnull (production);
  sales_stage = stage_id (fixture->store, "sales", 0);
  production_stage = stage_id (fixture->store, "production", 0);

  crm_deal_set_pipeline_id (deal, crm_pipeline_get_id (sales));
  crm_deal_set_stage_id (deal, production_stage);
  assert_save_refused (fixture->store, deal, NULL, NULL, NULL, CRM_STORE_ERROR_UNKNOWN_STAGE);
  assert_nothing_stored (fixture->store);

  crm_deal_set_stage_id (deal, sales_stage);
  g_assert_true (crm_store_save_deal (fixture->store, deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  deal_id = crm_deal_get_id (deal);

  g_signal_connect (fixture->store, "deal-changed", G_CALLBACK (count_cb), changed);
  g_assert_false (crm_store_move_deal (fixture->store, deal_id, production_stage, &previous, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));
  g_assert_cmpint (count_moves (fixture->store), ==, 0);

  loaded = crm_store_load_deal (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, sales_stage);
  g_assert_cmpint (crm_deal_get_pipeline_id (loaded), ==, crm_pipeline_get_id (sales));
}

static void
test_store_invalid_field (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const struct {
    const char *key;
    const char *value;
  } cases[] = {
    { "working_pressure", "abc" },
    { "working_pressure", "10 bar" },
    { "section_count", "nan" },
    { "connection_type", "zigzag" },
    { "valves", "Angled" },
    { "payment_form", "barter" },
    { "no_such_field", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (CrmDeal) deal = new_deal ("Радиаторы для школы");
      g_autofree char *normalized = NULL;

      g_test_message ("%s = %s", cases[i].key, cases[i].value);

      /* The deal card checks as the rep types... */
      g_assert_false (crm_store_check_field_value (fixture->store, cases[i].key, cases[i].value,
                                                   &normalized, &error));
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
      g_assert_null (normalized);

      /* ...and the store checks again on save. */
      g_hash_table_insert (fields, (char *)"radiator_model", (char *)"Rifar Base 500");
      g_hash_table_insert (fields, (char *)cases[i].key, (char *)cases[i].value);
      assert_save_refused (fixture->store, deal, NULL, NULL, fields, CRM_STORE_ERROR_INVALID_FIELD);
    }

  assert_nothing_stored (fixture->store);
}

static char *
valid_value_for (const CrmProcedureField *field,
                 guint                    index)
{
  switch (field->type)
    {
    case CRM_FIELD_NUMBER:
      return g_strdup_printf ("%u", 3 + index);
    case CRM_FIELD_CHOICE:
      g_assert_nonnull (field->choices);
      g_assert_cmpuint (field->choices->len, >, 0);
      {
        const CrmProcedureChoice *choice = g_ptr_array_index (field->choices,
                                                              index % field->choices->len);
        return g_strdup (choice->key);
      }
    case CRM_FIELD_BOOLEAN:
      return g_strdup ("true");
    case CRM_FIELD_DATE:
      return g_strdup ("2026-04-15");
    case CRM_FIELD_TEXT:
    default:
      return g_strdup_printf ("Значение «%s» №%u", field->key, index);
    }
}

static void
test_store_rule_rad_10_fields (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const char * const phones[] = { "8 (495) 123-45-67", NULL };
  g_autoptr (CrmContact) contact = crm_contact_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) edit = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) loaded = NULL;
  g_autoptr (CrmDeal) deal = new_deal ("Радиаторы для школы №5");
  CrmProcedure *procedure = crm_store_get_procedure (fixture->store);
  GHashTableIter iter;
  gpointer key, value;
  guint n_rad_10 = 0;
  gint64 deal_id;

  /* RAD-10: the qualification fields are the procedure's, not ours. */
  for (guint i = 0; i < crm_procedure_get_n_fields (procedure); i++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (procedure, i);

      if (g_strcmp0 (field->rule, "RAD-10") != 0)
        continue;

      g_assert_cmpstr (field->entity, ==, "deal");
      g_hash_table_insert (fields, g_strdup (field->key), valid_value_for (field, i));
      n_rad_10++;
    }
  g_assert_cmpuint (n_rad_10, >=, 12);

  /* Numbers are stored as typed, whatever their size or decimal comma. */
  g_hash_table_insert (fields, g_strdup ("working_pressure"), g_strdup ("1,5"));
  g_hash_table_insert (fields, g_strdup ("radiator_count"), g_strdup ("1234567"));
  g_hash_table_insert (fields, g_strdup ("section_count"), g_strdup (" 12 "));

  /* RAD-8: no phone, no work. */
  crm_contact_set_name (contact, "Игорь Петров");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (fixture->store, deal, contact, NULL, fields, &error));
  g_assert_no_error (error);
  deal_id = crm_deal_get_id (deal);

  g_hash_table_insert (fields, g_strdup ("working_pressure"), g_strdup ("1.5"));
  g_hash_table_insert (fields, g_strdup ("section_count"), g_strdup ("12"));

  reopen (fixture);

  loaded = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (g_hash_table_size (loaded), ==, g_hash_table_size (fields));
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s", (char *)key);
      g_assert_cmpstr (g_hash_table_lookup (loaded, key), ==, value);
    }
  g_clear_pointer (&loaded, g_hash_table_unref);

  /* Editing one field changes that one; an empty value clears it. */
  {
    g_autoptr (CrmDeal) again = crm_store_load_deal (fixture->store, deal_id, &error);

    g_assert_no_error (error);
    g_hash_table_insert (edit, (char *)"valves", (char *)"straight");
    g_hash_table_insert (edit, (char *)"accessories", (char *)"  ");
    g_assert_true (crm_store_save_deal (fixture->store, again, NULL, NULL, edit, &error));
    g_assert_no_error (error);
  }

  loaded = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (loaded), ==, g_hash_table_size (fields) - 1);
  g_assert_false (g_hash_table_contains (loaded, "accessories"));
  g_assert_cmpstr (g_hash_table_lookup (loaded, "valves"), ==, "straight");
  g_assert_cmpstr (g_hash_table_lookup (loaded, "radiator_count"), ==, "1234567");
}

static void
test_store_phone_e164 (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = new_deal ("Cleaning contract");
  g_autoptr (CrmContact) contact = crm_contact_new ();
  g_autoptr (CrmCompany) company = crm_company_new ();
  g_autoptr (CrmContact) loaded = NULL;
  g_autoptr (CrmCompany) loaded_company = NULL;
  g_autofree char *stored = NULL;
  const char *phones[] = { "050-123-4567", "", " +7 916 123-45-67 ", NULL };
  const char *emails[] = { "  Dana@Example.co.il ", NULL };

  crm_contact_set_name (contact, "  דנה לוי ");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  crm_company_set_name (company, "מאפיית השרון");
  crm_company_set_phone (company, "03-123-4567");

  g_assert_true (crm_store_save_deal (fixture->store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);

  /* The caller's objects get what was stored... */
  g_assert_cmpint (crm_contact_get_id (contact), >, 0);
  g_assert_cmpint (crm_company_get_id (company), >, 0);
  g_assert_cmpint (crm_contact_get_company_id (contact), ==, crm_company_get_id (company));
  g_assert_cmpuint (g_strv_length ((char **)crm_contact_get_phones (contact)), ==, 2);
  g_assert_cmpstr (crm_contact_get_phones (contact)[0], ==, "+972501234567");
  g_assert_cmpstr (crm_contact_get_phones (contact)[1], ==, "+79161234567");

  /* ...and so does the file. */
  stored = query_text (fixture->store, "SELECT number FROM contact_phones ORDER BY position LIMIT 1");
  g_assert_cmpstr (stored, ==, "+972501234567");

  loaded = crm_store_load_contact (fixture->store, crm_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_contact_get_name (loaded), ==, "דנה לוי");
  g_assert_cmpuint (g_strv_length ((char **)crm_contact_get_phones (loaded)), ==, 2);
  g_assert_cmpstr (crm_contact_get_phones (loaded)[0], ==, "+972501234567");
  g_assert_cmpstr (crm_contact_get_phones (loaded)[1], ==, "+79161234567");
  g_assert_cmpuint (g_strv_length ((char **)crm_contact_get_emails (loaded)), ==, 1);
  /* The domain is case-insensitive, the mailbox name is left as typed. */
  g_assert_cmpstr (crm_contact_get_emails (loaded)[0], ==, "Dana@example.co.il");

  loaded_company = crm_store_load_company (fixture->store, crm_company_get_id (company), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_company_get_phone (loaded_company), ==, "+97231234567");
}

/* Moves and the audit log */

static void
count_emission (guint *count)
{
  (*count)++;
}

static void
test_store_move_deal (Fixture       *fixture,
                      gconstpointer  user_data)
{
  guint leads_changed = 0, activities_changed = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) loaded = NULL;
  g_autoptr (GDateTime) moved_at = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  CrmDb *db = _crm_store_get_db (fixture->store);
  gint64 first = stage_id (fixture->store, "sales", 0);
  /* TW's "Contacted" has no stage rules and skips none: the move is the
   * bare move. */
  gint64 second = stage_id (fixture->store, "sales", 1);
  gint64 previous = 0;
  gint64 deal_id;
  guint64 before;

  deal_id = save_simple_deal (fixture->store, "Renewal");
  fake_clock_advance (&fixture->clock, 3 * G_TIME_SPAN_HOUR);
  moved_at = g_date_time_ref (fixture->clock.now);

  g_signal_connect_swapped (fixture->store, "leads-changed", G_CALLBACK (count_emission), &leads_changed);
  g_signal_connect_swapped (fixture->store, "activities-changed", G_CALLBACK (count_emission),
                            &activities_changed);
  before = crm_db_get_statement_count (db);
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, second, &previous, &error));
  g_assert_no_error (error);
  /* Begin, read, update, audit, commit: a card move stays cheap. */
  g_assert_cmpuint (crm_db_get_statement_count (db) - before, <=, 5);
  /* Issue 12: a move between open stages changes no lead and logs no
   * activity, so neither the Leads badge nor the quota counts again. */
  g_assert_cmpuint (leads_changed, ==, 0);
  g_assert_cmpuint (activities_changed, ==, 0);
  g_assert_cmpint (previous, ==, first);
  g_assert_false (crm_db_in_transaction (db));

  loaded = crm_store_load_deal (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, second);
  g_assert_true (g_date_time_equal (crm_deal_get_updated_at (loaded), moved_at));
  g_assert_false (g_date_time_equal (crm_deal_get_created_at (loaded), moved_at));

  g_assert_cmpint (count_moves (fixture->store), ==, 1);
  old_value = query_text (fixture->store, "SELECT old_value FROM audit_log WHERE action = 'move'");
  new_value = query_text (fixture->store, "SELECT new_value FROM audit_log WHERE action = 'move'");
  g_assert_cmpstr (old_value, ==, crm_stage_get_key (crm_store_find_stage (fixture->store, first)));
  g_assert_cmpstr (new_value, ==, crm_stage_get_key (crm_store_find_stage (fixture->store, second)));
  g_assert_cmpint (crm_test_query_int (fixture->store,
                                       "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'move' AND at = '2026-03-02T12:30:00Z' "
                                       "AND user_id IS NOT NULL"),
                   ==, 1);

  /* And back: undo is just another move, logged as well. */
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, previous, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = crm_store_load_deal (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, first);
  g_assert_cmpint (count_moves (fixture->store), ==, 2);
  g_assert_cmpuint (leads_changed, ==, 0);

  /* RAD-4: what the quota counts is announced once it is committed. */
  g_assert_cmpint (crm_store_log_activity (fixture->store, deal_id, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 60,
                                           NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (activities_changed, ==, 1);
  g_assert_cmpuint (leads_changed, ==, 0);
  g_signal_handlers_disconnect_by_func (fixture->store, count_emission, &leads_changed);
  g_signal_handlers_disconnect_by_func (fixture->store, count_emission, &activities_changed);
}

static void
test_store_audit_log_append_only (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  CrmDb *db = _crm_store_get_db (fixture->store);
  gint64 deal_id = save_simple_deal (fixture->store, "Renewal");
  gint64 n_rows;

  g_assert_true (crm_store_move_deal (fixture->store, deal_id, stage_id (fixture->store, "sales", 1),
                                      NULL, &error));
  g_assert_no_error (error);
  n_rows = crm_test_query_int (fixture->store, "SELECT count(*) FROM audit_log WHERE action <> 'bind-owner'");
  g_assert_cmpint (n_rows, ==, 2);   /* the create and the move */

  g_assert_false (crm_db_exec (db, "UPDATE audit_log SET new_value = 'won'", &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (crm_db_exec (db, "DELETE FROM audit_log", &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Through a prepared statement as well. */
  {
    g_autoptr (CrmStatement) stmt = crm_db_prepare (db, "DELETE FROM audit_log WHERE entity_id = ?1", &error);

    g_assert_no_error (error);
    crm_statement_bind_int64 (stmt, 1, deal_id);
    g_assert_false (crm_statement_run (stmt, &error));
    g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  g_assert_cmpint (crm_test_query_int (fixture->store, "SELECT count(*) FROM audit_log WHERE action <> 'bind-owner'"),
                   ==, n_rows);
  g_assert_cmpint (count_moves (fixture->store), ==, 1);
}

static void
test_store_move_same_stage (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrmDeal) loaded = NULL;
  g_autoptr (GDateTime) saved_at = g_date_time_ref (fixture->clock.now);
  gint64 first = stage_id (fixture->store, "sales", 0);
  gint64 previous = 0;
  gint64 deal_id;

  deal_id = save_simple_deal (fixture->store, "Renewal");
  fake_clock_advance (&fixture->clock, G_TIME_SPAN_DAY);

  g_signal_connect (fixture->store, "deal-changed", G_CALLBACK (count_cb), changed);
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, first, &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (previous, ==, first);
  g_assert_cmpuint (changed->len, ==, 0);
  g_assert_cmpint (count_moves (fixture->store), ==, 0);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));

  loaded = crm_store_load_deal (fixture->store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, first);
  g_assert_true (g_date_time_equal (crm_deal_get_updated_at (loaded), saved_at));
}

static void
test_store_move_unknown (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  gint64 deal_id = save_simple_deal (fixture->store, "Renewal");
  gint64 second = stage_id (fixture->store, "sales", 1);
  gint64 previous = -1;

  g_assert_false (crm_store_move_deal (fixture->store, deal_id + 1000, second, &previous, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (previous, ==, -1);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));

  g_assert_false (crm_store_move_deal (fixture->store, deal_id, 424242, &previous, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  g_assert_false (crm_db_in_transaction (_crm_store_get_db (fixture->store)));

  g_assert_cmpint (count_moves (fixture->store), ==, 0);

  /* The store is still usable afterwards. */
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_moves (fixture->store), ==, 1);
}

/* Live stage lists and the change signal */

typedef struct
{
  guint n_items;
  guint n_signals;
  guint added;
  guint n_notify;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  /* The model already has its new length when the signal is emitted. */
  g_assert_cmpuint (position + removed, <=, record->n_items);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, record->n_items - removed + added);
  record->n_items = g_list_model_get_n_items (model);
  record->n_signals++;
  record->added = added;
}

static void
n_items_notify_cb (GObject      *object,
                   GParamSpec   *pspec,
                   ItemsChanged *record)
{
  record->n_notify++;
}

static void
watch_list (CrmDealList  *list,
            ItemsChanged *record)
{
  record->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), record);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (n_items_notify_cb), record);
}

static gint64
list_item_id (CrmDealList *list,
              guint        position)
{
  g_autoptr (CrmDeal) deal = crm_test_list_get (list, position);

  g_assert_nonnull (deal);
  return crm_deal_get_id (deal);
}

static void
test_store_stage_lists (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const phones[] = { "052-765-4321", NULL };
  g_autoptr (CrmContact) contact = crm_contact_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDealList) first_list = NULL;
  g_autoptr (CrmDealList) second_list = NULL;
  g_autoptr (CrmDealList) same = NULL;
  g_autoptr (CrmDeal) deal = new_deal ("Renewal");
  gint64 first = stage_id (fixture->store, "sales", 0);
  gint64 second = stage_id (fixture->store, "sales", 1);
  ItemsChanged first_changes = { 0 };
  ItemsChanged second_changes = { 0 };
  gint64 older_id;
  gint64 deal_id;

  first_list = crm_test_stage_deals (fixture->store, first);
  second_list = crm_test_stage_deals (fixture->store, second);
  same = crm_store_get_stage_deals (fixture->store, first);
  g_assert_true (same == first_list);
  g_assert_cmpint (crm_deal_list_get_stage_id (first_list), ==, first);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (first_list)) == CRM_TYPE_DEAL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_list)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second_list)), ==, 0);
  watch_list (first_list, &first_changes);
  watch_list (second_list, &second_changes);

  /* A save adds the deal to its stage's list. */
  older_id = save_simple_deal (fixture->store, "Maintenance contract");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_list)), ==, 1);
  g_assert_cmpuint (first_changes.n_signals, ==, 1);
  g_assert_cmpuint (first_changes.added, ==, 1);
  g_assert_cmpuint (first_changes.n_notify, ==, 1);
  g_assert_cmpint (list_item_id (first_list, 0), ==, older_id);
  g_assert_cmpuint (second_changes.n_signals, ==, 0);

  fake_clock_advance (&fixture->clock, G_TIME_SPAN_MINUTE);
  /* TW-1: a new lead comes with a name and a phone. */
  crm_contact_set_name (contact, "Yossi Cohen");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (fixture->store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  deal_id = crm_deal_get_id (deal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_list)), ==, 2);
  g_assert_cmpuint (first_changes.n_signals, ==, 2);
  /* Most recently touched first. */
  g_assert_cmpint (list_item_id (first_list, 0), ==, deal_id);
  g_assert_cmpint (list_item_id (first_list, 1), ==, older_id);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (first_list), 2));
  g_assert_nonnull (crm_deal_list_get_total_label (first_list));
  g_assert_cmpstr (crm_deal_list_get_total_label (first_list), !=, "");

  /* A move takes it out of one list and into the other. */
  fake_clock_advance (&fixture->clock, G_TIME_SPAN_MINUTE);
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_list)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second_list)), ==, 1);
  g_assert_cmpuint (first_changes.n_signals, ==, 3);
  g_assert_cmpuint (first_changes.n_notify, ==, 3);
  g_assert_cmpuint (second_changes.n_signals, ==, 1);
  g_assert_cmpuint (second_changes.added, ==, 1);
  g_assert_cmpuint (second_changes.n_notify, ==, 1);
  g_assert_cmpint (list_item_id (first_list, 0), ==, older_id);
  g_assert_cmpint (list_item_id (second_list, 0), ==, deal_id);

  /* An edit that changes the stage through the deal card updates both. */
  fake_clock_advance (&fixture->clock, G_TIME_SPAN_MINUTE);
  {
    g_autoptr (CrmDeal) edit = crm_store_load_deal (fixture->store, older_id, &error);

    g_assert_no_error (error);
    crm_deal_set_stage_id (edit, second);
    crm_deal_set_title (edit, "Maintenance contract, 2 years");
    g_assert_true (crm_store_save_deal (fixture->store, edit, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first_list)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second_list)), ==, 2);
  g_assert_cmpuint (first_changes.n_signals, ==, 4);
  g_assert_cmpuint (second_changes.n_signals, ==, 2);
  g_assert_cmpint (list_item_id (second_list, 0), ==, older_id);

  /* A refused save changes no list. */
  {
    g_autoptr (CrmDeal) bad = new_deal (" ");

    assert_save_refused (fixture->store, bad, NULL, NULL, NULL, CRM_STORE_ERROR_INVALID_TITLE);
  }
  g_assert_cmpuint (first_changes.n_signals, ==, 4);
  g_assert_cmpuint (second_changes.n_signals, ==, 2);

  g_signal_handlers_disconnect_by_data (first_list, &first_changes);
  g_signal_handlers_disconnect_by_data (second_list, &second_changes);
}

static void
test_store_lists_outlive_nothing (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  gint64 first = stage_id (fixture->store, "sales", 0);
  CrmDealList *list;
  CrmDealList *again;

  /* A list nobody holds is dropped, and asking again makes a fresh one
   * that is still kept current. */
  list = crm_store_get_stage_deals (fixture->store, first);
  g_assert_finalize_object (list);

  save_simple_deal (fixture->store, "Renewal");
  again = crm_test_stage_deals (fixture->store, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  save_simple_deal (fixture->store, "Upgrade");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);

  /* A list that outlives its store stays valid, just frozen. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  crm_deal_list_reload (again);
  g_assert_finalize_object (again);
}

static void
test_store_deal_changed (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrmDeal) deal = new_deal ("Renewal");
  g_autoptr (CrmContact) contact = crm_contact_new ();
  g_autoptr (CrmContact) first_contact = crm_contact_new ();
  const char *bad_phones[] = { "050-12", NULL };
  const char *good_phones[] = { "054-555-1234", NULL };
  gint64 second = stage_id (fixture->store, "sales", 1);
  gint64 deal_id;

  g_signal_connect (fixture->store, "deal-changed", G_CALLBACK (count_cb), changed);

  /* Create, with the name and phone TW's first stage requires (TW-1). */
  crm_contact_set_name (first_contact, "Tamar Friedman");
  crm_contact_set_phones (first_contact, good_phones);
  g_assert_true (crm_store_save_deal (fixture->store, deal, first_contact, NULL, NULL, &error));
  g_assert_no_error (error);
  deal_id = crm_deal_get_id (deal);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, deal_id);

  /* A failed edit emits nothing. */
  crm_contact_set_name (contact, "Anna");
  crm_contact_set_phones (contact, bad_phones);
  g_assert_false (crm_store_save_deal (fixture->store, deal, contact, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE);
  g_clear_error (&error);
  g_assert_cmpuint (changed->len, ==, 1);

  /* Edit. */
  crm_deal_set_title (deal, "Renewal, 3 years");
  g_assert_true (crm_store_save_deal (fixture->store, deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpint (g_array_index (changed, gint64, 1), ==, deal_id);

  /* Move, then a move to where it is, then a refused one. */
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_true (crm_store_move_deal (fixture->store, deal_id, second, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_false (crm_store_move_deal (fixture->store, deal_id + 1, second, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changed->len, ==, 3);

  /* Saving a deal that is not there is refused too. */
  {
    g_autoptr (CrmDeal) ghost = new_deal ("Ghost");

    crm_deal_set_id (ghost, 4242);
    g_assert_false (crm_store_save_deal (fixture->store, ghost, NULL, NULL, NULL, &error));
    g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpuint (changed->len, ==, 3);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/store"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/store/reopen-keeps-data", "tw", test_store_reopen_keeps_data);
  ADD ("/model/store/install-procedure", "hs", test_store_install_procedure);
  ADD ("/model/store/invalid-title", "tw", test_store_invalid_title);
  ADD ("/model/store/invalid-phone", "hs", test_store_invalid_phone);
  ADD ("/model/store/invalid-email", "hs", test_store_invalid_email);
  ADD ("/model/store/unknown-stage", "tw", test_store_unknown_stage);
  ADD ("/model/store/stage-of-other-pipeline", "axl", test_store_stage_of_other_pipeline);
  ADD ("/model/store/invalid-field", "rad", test_store_invalid_field);
  ADD ("/model/store/rule-rad-10-qualification-fields-persist", "rad", test_store_rule_rad_10_fields);
  ADD ("/model/store/phone-e164", "hs", test_store_phone_e164);
  ADD ("/model/store/move-deal", "tw", test_store_move_deal);
  ADD ("/model/store/audit-log-append-only", "tw", test_store_audit_log_append_only);
  ADD ("/model/store/move-same-stage", "tw", test_store_move_same_stage);
  ADD ("/model/store/move-unknown", "tw", test_store_move_unknown);
  ADD ("/model/store/stage-lists", "tw", test_store_stage_lists);
  ADD ("/model/store/stage-lists-lifetime", "tw", test_store_lists_outlive_nothing);
  ADD ("/model/store/deal-changed", "tw", test_store_deal_changed);

#undef ADD

  return g_test_run ();
}
