/* test-leads.c
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

#define G_LOG_DOMAIN "test-leads"

#include "config.h"

#include <string.h>

#include "crm-call-session.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-leads.h"
#include "crm-limits.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-store.h"

#include "../crm-test-common.h"

/*
 * Lead intake without anyone at the keyboard (HS-1, AXL-1..6), the lead
 * views by source, and classification (HS-3) with its lifecycle moves
 * (HS-4).
 */

/* Helpers */

static gint64
add_lead (CrmStore   *store,
          const char *name,
          const char *phone,
          const char *email,
          const char *company,
          const char *source)
{
  g_autoptr(GError) error = NULL;
  gboolean duplicate = TRUE;
  gint64 id;

  id = crm_store_add_lead (store, name, phone, email, company, source, NULL, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (duplicate);

  return id;
}

static gint64
count_rows (CrmStore   *store,
            const char *sql)
{
  return crm_test_query_int (store, sql);
}

static CrmContact *
load_contact (CrmStore *store,
              gint64    id)
{
  g_autoptr(GError) error = NULL;
  CrmContact *contact = crm_store_load_contact (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);

  return contact;
}

/* The first stage of the first pipeline: where HS-3 opens deals. */
static gint64
first_stage (CrmStore *store)
{
  g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  g_autoptr(GListModel) stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  g_autoptr(CrmStage) stage = g_list_model_get_item (stages, 0);

  return crm_stage_get_id (stage);
}

/* AXL-1: a missed call */

static void
test_rule_axl_1_missed_call_creates_lead (CrmTestFixture *fixture,
                                          gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = TRUE;
  gint64 id, again;

  /* AXL works in Russia: a number dialled with the national 8. */
  id = crm_store_add_lead (store, NULL, "8 912 345-67-89", NULL, NULL, "missed_call", NULL,
                           &duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (duplicate);

  contact = load_contact (store, id);
  g_assert_cmpstr (crm_contact_get_lifecycle (contact), ==, CRM_LIFECYCLE_LEAD);
  g_assert_null (crm_contact_get_classification (contact));
  g_assert_cmpstr (crm_contact_get_phones (contact)[0], ==, "+79123456789");
  /* No name on a missed call: the lead is called by its number. */
  g_assert_cmpstr (crm_contact_get_name (contact), ==, "8 (912) 345-67-89");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE source = 'missed_call'"), ==, 1);

  /* The same number calls again, written another way: the same lead. */
  again = crm_store_add_lead (store, "Иван", "+7 (912) 345 67 89", NULL, NULL, "missed_call", NULL,
                              &duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_true (duplicate);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'create' "
                               "AND entity = 'contact'"), ==, 1);
}

/* AXL-4: a request with an email only; duplicates by address, whatever
 * the case. */
static void
test_rule_axl_4_email_only (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = FALSE;
  gint64 id, again;

  id = add_lead (store, "Anna", NULL, "anna@example.ru", "Romashka", "email");
  again = crm_store_add_lead (store, "Anna S.", NULL, "Anna@EXAMPLE.ru", NULL, "email", NULL,
                              &duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_true (duplicate);

  /* A second lead of the same company joins it. */
  add_lead (store, "Boris", NULL, "boris@example.ru", "ROMASHKA", "email");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM companies"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE company_id IS NOT NULL"), ==, 2);
}

/* HS-1: a view per source */

static void
test_rule_hs_1_leads_by_source (CrmTestFixture *fixture,
                                gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) web = NULL;
  g_autoptr(GListModel) by_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmContact) first = NULL;
  g_auto(GStrv) sources = NULL;
  gint64 web_id;

  web_id = crm_store_add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", NULL,
                               "Web form (Leadometer)", "Spring", NULL, &error);
  g_assert_no_error (error);
  add_lead (store, "Yossi Cohen", "052-7654321", NULL, NULL, "referral");
  add_lead (store, "Noa Mizrahi", NULL, "noa@example.co.il", NULL, NULL);

  all = crm_store_get_leads (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  web = crm_store_get_leads (store, "web_form", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (web), ==, 1);
  first = g_list_model_get_item (web, 0);
  g_assert_cmpint (crm_contact_get_id (first), ==, web_id);
  g_assert_cmpstr (crm_contact_get_source (first), ==, "web_form");
  g_assert_cmpstr (crm_contact_get_campaign (first), ==, "Spring");
  g_assert_cmpstr (crm_contact_get_phones (first)[0], ==, "+972501234567");
  g_assert_cmpstr (crm_contact_get_emails (first)[0], ==, "dana@example.co.il");

  /* The view is found by the source's name too. */
  by_name = crm_store_get_leads (store, "טופס באתר (לידומטר)", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_name), ==, 1);

  sources = crm_store_list_lead_sources (store);
  g_assert_cmpuint (g_strv_length (sources), ==, 2);
  g_assert_cmpstr (sources[0], ==, "referral");
  g_assert_cmpstr (sources[1], ==, "web_form");
}

/* HS-3 and HS-4: classification */

static void
test_rule_hs_3_relevant_opens_deal (CrmTestFixture *fixture,
                                    gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, deal_id = 0;

  id = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", "Acme", "web_form");

  g_assert_true (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, &deal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deal_id, >, 0);

  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  /* HS: the first stage is "Phone". */
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, first_stage (store));
  g_assert_cmpint (crm_deal_get_contact_id (deal), ==, id);
  g_assert_cmpint (crm_deal_get_company_id (deal), >, 0);
  g_assert_cmpstr (crm_deal_get_title (deal), ==, "Dana Levi — Acme");
  g_assert_cmpstr (crm_deal_get_source (deal), ==, "web_form");
  g_assert_cmpstr (crm_deal_get_currency (deal), ==, "ILS");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 1);
}

static void
test_rule_hs_4_relevant_lead_becomes_opportunity (CrmTestFixture *fixture,
                                                  gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmContact) contact = NULL;
  g_autoptr(GListModel) leads = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other;

  id = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", NULL, "web_form");
  other = add_lead (store, "Yossi Cohen", "052-7654321", "yossi@example.co.il", NULL, "web_form");

  g_assert_true (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, NULL, &error));
  g_assert_no_error (error);

  contact = load_contact (store, id);
  g_assert_cmpstr (crm_contact_get_lifecycle (contact), ==, CRM_LIFECYCLE_OPPORTUNITY);
  g_assert_cmpstr (crm_contact_get_classification (contact), ==, CRM_CLASSIFICATION_RELEVANT);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'classify' "
                               "AND new_value = 'relevant'"), ==, 1);

  /* Classified, it has left the leads' view. */
  leads = crm_store_get_leads (store, "web_form", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 1);
  g_clear_object (&contact);
  contact = g_list_model_get_item (leads, 0);
  g_assert_cmpint (crm_contact_get_id (contact), ==, other);
}

static void
count_emission (guint *count)
{
  (*count)++;
}

/* HS-1, HS-3, HS-4: every committed write that may change the leads to
 * classify says so once, whatever path it came by, so that the Leads
 * page's badge follows; a refused one says nothing. */
static void
test_leads_changes_are_announced (CrmTestFixture *fixture,
                                  gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  guint leads_changed = 0, activities_changed = 0;
  gint64 dana, yossi, deal_id = 0;

  g_signal_connect_swapped (store, "leads-changed", G_CALLBACK (count_emission), &leads_changed);
  g_signal_connect_swapped (store, "activities-changed", G_CALLBACK (count_emission), &activities_changed);

  dana = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", "Acme", "web_form");
  g_assert_cmpuint (leads_changed, ==, 1);
  yossi = add_lead (store, "Yossi Cohen", "052-7654321", NULL, NULL, "web_form");
  g_assert_cmpuint (leads_changed, ==, 2);

  /* HS-2 by way of the first stage's rules: refused, nothing changed. */
  g_assert_false (crm_store_classify_lead (store, yossi, CRM_CLASSIFICATION_RELEVANT, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (leads_changed, ==, 2);

  g_assert_true (crm_store_classify_lead (store, dana, CRM_CLASSIFICATION_RELEVANT, &deal_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (deal_id, >, 0);
  g_assert_cmpuint (leads_changed, ==, 3);

  g_assert_true (crm_store_classify_lead (store, yossi, CRM_CLASSIFICATION_JUNK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (leads_changed, ==, 4);

  /* A call logged on the new deal is an activity, not a lead change. */
  g_assert_cmpint (crm_store_log_activity (store, deal_id, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 30, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (activities_changed, ==, 1);
  g_assert_cmpuint (leads_changed, ==, 4);

  g_signal_handlers_disconnect_by_func (store, count_emission, &leads_changed);
  g_signal_handlers_disconnect_by_func (store, count_emission, &activities_changed);
}

static void
test_rule_hs_3_other_classifications (CrmTestFixture *fixture,
                                      gconstpointer   user_data)
{
  static const char * const classifications[] = {
    CRM_CLASSIFICATION_SUPPLIER,
    CRM_CLASSIFICATION_PARTNER,
    CRM_CLASSIFICATION_NOT_RELEVANT,
    CRM_CLASSIFICATION_JUNK,
  };
  CrmStore *store = fixture->store;

  for (guint i = 0; i < G_N_ELEMENTS (classifications); i++)
    {
      g_autofree char *phone = g_strdup_printf ("050-123456%u", i);
      g_autoptr(CrmContact) contact = NULL;
      g_autoptr(GError) error = NULL;
      gint64 deal_id = -1;
      gint64 id;

      id = add_lead (store, "Someone", phone, NULL, NULL, "imported_list");
      g_assert_true (crm_store_classify_lead (store, id, classifications[i], &deal_id, &error));
      g_assert_no_error (error);
      g_assert_cmpint (deal_id, ==, 0);

      contact = load_contact (store, id);
      g_assert_cmpstr (crm_contact_get_classification (contact), ==, classifications[i]);
      g_assert_cmpstr (crm_contact_get_lifecycle (contact), ==, CRM_LIFECYCLE_OTHER);
    }

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'lead'"), ==, 0);
}

/* HS-2 by way of the "Phone" stage's rules: a relevant lead without an
 * email cannot enter it, and nothing changes. */
static void
test_rule_hs_3_relevant_needs_stage_fields (CrmTestFixture *fixture,
                                            gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deal_id = -1;
  gint64 id;

  id = add_lead (store, NULL, "050-1234567", NULL, NULL, "phone");

  g_assert_false (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, &deal_id, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_cmpint (deal_id, ==, 0);

  contact = load_contact (store, id);
  g_assert_cmpstr (crm_contact_get_lifecycle (contact), ==, CRM_LIFECYCLE_LEAD);
  g_assert_null (crm_contact_get_classification (contact));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 0);
}

/* Bad input */

static void
test_bad_input (CrmTestFixture *fixture,
                gconstpointer   user_data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (crm_store_add_lead (store, "Dana", "050-12", NULL, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE);
  g_assert_nonnull (strstr (error->message, "050-12"));
  g_clear_error (&error);

  g_assert_cmpint (crm_store_add_lead (store, "Dana", "050-1234567", "dana@", NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_add_lead (store, "Dana", "  ", "", "Acme", NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_NO_CONTACT_DETAILS);
  g_clear_error (&error);

  /* Nothing was written by any of them. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM companies"), ==, 0);

  id = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", NULL, NULL);

  g_assert_false (crm_store_classify_lead (store, id, "maybe", NULL, &error));
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_CLASSIFICATION);
  g_assert_nonnull (strstr (error->message, "maybe"));
  g_clear_error (&error);

  g_assert_false (crm_store_classify_lead (store, id + 100, CRM_CLASSIFICATION_JUNK, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Classified once, a lead is no longer one. */
  g_assert_true (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, NULL, &error));
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_NOT_A_LEAD);
  g_assert_nonnull (strstr (error->message, "Dana Levi"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 1);
}

/* One vocabulary of sources (AXL-7, HS-1) */

/* AXL-1, AXL-7: the missed call's lead and deal carry the template's key,
 * so the call's opening names the source instead of "…". */
static void
test_rule_axl_7_missed_call_source_is_key (CrmTestFixture *fixture,
                                           gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(CrmCallSession) call = NULL;
  g_autofree char *opening = NULL;
  gint64 deal_id = 0;
  gint64 id;

  id = crm_store_add_missed_call (store, "8 912 345-67-89", NULL, &deal_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (deal_id, >, 0);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE source = 'missed_call'"), ==, 1);
  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_deal_get_source (deal), ==, CRM_SOURCE_MISSED_CALL);

  call = crm_call_session_new (store, deal_id, NULL, &error);
  g_assert_no_error (error);
  opening = crm_call_session_dup_opening (call);
  g_assert_nonnull (strstr (opening, "Missed call"));
}

/* HS-1: a source is one of the procedure's keys or names; anything else
 * is refused, naming the keys, and nothing is stored. */
static void
test_rule_hs_1_unknown_source_is_refused (CrmTestFixture *fixture,
                                          gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (crm_store_add_lead (store, "Dana", "050-1234567", NULL, NULL, "bogus", NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE);
  g_assert_nonnull (strstr (error->message, "bogus"));
  g_assert_nonnull (strstr (error->message, "web_form, imported_list, referral, phone"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts"), ==, 0);

  /* A name of the source, in any case, is its key. */
  id = add_lead (store, "Dana", "050-1234567", NULL, NULL, "imported LEAD list");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE source = 'imported_list'"), ==, 1);
  g_assert_cmpint (id, >, 0);
}

/* The deal card stores what it is given: an unknown source is refused
 * there too, while a deal stored with one before can still be edited. */
static void
test_rule_hs_1_deal_card_source (CrmTestFixture *fixture,
                                 gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmDeal) loaded = NULL;

  crm_deal_set_title (deal, "Website redesign");
  crm_deal_set_source (deal, "billboard");
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE);
  g_assert_nonnull (strstr (error->message, "website"));
  g_clear_error (&error);
  g_assert_cmpint (crm_deal_get_id (deal), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 0);

  crm_deal_set_source (deal, "website");
  g_assert_true (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Stored before sources were checked. */
  g_assert_true (crm_db_exec (_crm_store_get_db (store), "UPDATE deals SET source = 'fax'", &error));
  loaded = crm_store_load_deal (store, crm_deal_get_id (deal), &error);
  g_assert_no_error (error);
  crm_deal_set_title (loaded, "Website redesign and shop");
  g_assert_true (crm_store_save_deal (store, loaded, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  crm_deal_set_source (loaded, "telex");
  g_assert_false (crm_store_save_deal (store, loaded, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals WHERE source = 'fax'"), ==, 1);
}

/* A database whose missed calls were stored as "missed-call" gets the key
 * when it is opened: a file of schema 4 as the intake left it (beside the
 * fixture's own, which the tear-down removes with it). */
static void
test_rule_axl_7_old_missed_call_key_migrated (CrmTestFixture *fixture,
                                              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "old.db", NULL);
  g_autoptr(CrmStore) reopened = NULL;

  {
    g_autoptr(CrmDb) db = crm_db_open (path, TRUE, &error);

    g_assert_no_error (error);
    crm_test_apply_migrations (db, 4);
    g_assert_true (crm_db_exec (db,
                                "INSERT INTO meta VALUES ('application', 'org.dealsdesk.Deals');"
                                "INSERT INTO pipelines (id, key, position, name_en) VALUES (1, 'sales', 0, 'Sales');"
                                "INSERT INTO stages (id, pipeline_id, key, position, kind, name_en) "
                                "  VALUES (1, 1, 'new', 0, 'open', 'New');"
                                "INSERT INTO contacts (id, name, source, created_at) "
                                "  VALUES (1, '+79123456789', 'missed-call', '2026-01-01T00:00:00Z');"
                                "INSERT INTO deals (title, contact_id, pipeline_id, stage_id, currency, source, "
                                "  created_at, updated_at) VALUES ('Missed call', 1, 1, 1, 'RUB', 'missed-call', "
                                "  '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                "PRAGMA user_version = 4;",
                                &error));
    g_assert_no_error (error);
    g_assert_finalize_object (g_steal_pointer (&db));
  }

  reopened = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM contacts WHERE source = 'missed_call'"), ==, 1);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM deals WHERE source = 'missed_call'"), ==, 1);
  g_assert_cmpint (count_rows (reopened, "SELECT count(*) FROM deals WHERE source = 'missed-call'"), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&reopened));
}

/* AXL-1: the lead, its deal and the call-back task are one transaction. A
 * write that fails after the lead (here the task, then the deal) leaves
 * nothing behind: no lead without its deal. */
static void
test_rule_axl_1_missed_call_is_one_transaction (CrmTestFixture *fixture,
                                                gconstpointer   data)
{
  static const char * const failures[] = { "tasks", "deals" };
  CrmStore *store = fixture->store;
  CrmDb *db = _crm_store_get_db (store);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 deal_id = -1;

      crm_test_refuse_writes (db, "INSERT", failures[i], "forced");
      g_assert_cmpint (crm_store_add_missed_call (store, "8 912 345-67-89", "Иван", &deal_id, NULL, &error),
                       ==, 0);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "forced"));
      g_assert_cmpint (deal_id, ==, 0);
      g_assert_false (crm_db_in_transaction (db));

      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts"), ==, 0);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contact_phones"), ==, 0);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 0);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM tasks"), ==, 0);
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action <> 'bind-owner'"), ==, 0);

      crm_test_refuse_writes_end (db, failures[i]);
    }

  /* Without the failure the same call writes all three. */
  {
    g_autoptr(GError) error = NULL;
    gint64 deal_id = 0;

    g_assert_cmpint (crm_store_add_missed_call (store, "8 912 345-67-89", "Иван", &deal_id, NULL, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (deal_id, >, 0);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM tasks WHERE closed_at IS NULL"), ==, 1);
  }
}

/* HS-3, HS-4: a relevant lead's deal and its classification are one
 * transaction too. */
static void
test_rule_hs_3_classification_is_one_transaction (CrmTestFixture *fixture,
                                                  gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 id = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", NULL, NULL);
  gint64 deal_id = -1;

  crm_test_refuse_writes (_crm_store_get_db (store), "UPDATE OF classification", "contacts", "forced");
  g_assert_false (crm_store_classify_lead (store, id, CRM_CLASSIFICATION_RELEVANT, &deal_id, &error));
  g_assert_nonnull (strstr (error->message, "forced"));
  g_assert_cmpint (deal_id, ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM deals"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'lead' "
                                      "AND classification IS NULL"), ==, 1);
}

/* Hostile input is bounded */

static void
test_lead_long_values_are_refused (CrmTestFixture *fixture,
                                   gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (131000, 'a');
  g_autofree char *phone = g_strnfill (40000, '5');
  g_autofree char *company = g_strnfill (10 * 1024 * 1024, 'c');

  g_assert_cmpint (crm_store_add_lead (store, name, "050-1234567", NULL, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_assert_nonnull (strstr (error->message, "200"));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_add_lead (store, "Dana", phone, NULL, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "64"));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_add_missed_call (store, phone, NULL, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "64"));
  g_clear_error (&error);

  g_assert_cmpint (crm_store_add_lead (store, "Dana", "050-1234567", NULL, company, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM companies"), ==, 0);
}

static void
test_lead_controls_are_stripped (CrmTestFixture *fixture,
                                 gconstpointer   data)
{
  static const struct {
    const char *given;
    const char *stored;
  } names[] = {
    /* An override would show the name reversed; an isolate and a C1
     * control hide in it. */
    { "Dana\xe2\x80\xae" "Levi\xe2\x80\xac", "DanaLevi" },
    { "\xe2\x81\xa6" "Acme\xc2\x9b" "\xe2\x81\xa9 Ltd", "Acme Ltd" },
    { "דנה לוי", "דנה לוי" },
    { "Ёлкин Артём", "Ёлкин Артём" },
  };
  CrmStore *store = fixture->store;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *phone = g_strdup_printf ("050-123-45%02u", i);
      g_autoptr(CrmContact) contact = NULL;
      gint64 id = add_lead (store, names[i].given, phone, NULL, NULL, NULL);

      contact = load_contact (store, id);
      g_assert_cmpstr (crm_contact_get_name (contact), ==, names[i].stored);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/leads"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, CrmTestFixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/model/leads/rule-axl-1-missed-call-creates-lead", "axl", test_rule_axl_1_missed_call_creates_lead);
  ADD ("/model/leads/rule-axl-4-email-only", "axl", test_rule_axl_4_email_only);
  ADD ("/model/leads/rule-hs-1-leads-by-source", "hs", test_rule_hs_1_leads_by_source);
  ADD ("/model/leads/rule-hs-3-relevant-opens-deal", "hs", test_rule_hs_3_relevant_opens_deal);
  ADD ("/model/leads/rule-hs-4-relevant-lead-becomes-opportunity", "hs",
       test_rule_hs_4_relevant_lead_becomes_opportunity);
  ADD ("/model/leads/rule-hs-3-other-classifications", "hs", test_rule_hs_3_other_classifications);
  ADD ("/model/leads/changes-are-announced", "hs", test_leads_changes_are_announced);
  ADD ("/model/leads/rule-hs-3-relevant-needs-stage-fields", "hs", test_rule_hs_3_relevant_needs_stage_fields);
  ADD ("/model/leads/bad-input", "hs", test_bad_input);
  ADD ("/model/leads/rule-axl-7-missed-call-source-is-key", "axl", test_rule_axl_7_missed_call_source_is_key);
  /* An old file as an earlier Deals left it: no server database predates
   * team mode, so the migration from it is a file's. */
  if (!crm_test_on_postgresql ())
    ADD ("/model/leads/rule-axl-7-old-missed-call-key-migrated", "axl",
         test_rule_axl_7_old_missed_call_key_migrated);
  ADD ("/model/leads/rule-hs-1-unknown-source-is-refused", "hs", test_rule_hs_1_unknown_source_is_refused);
  ADD ("/model/leads/rule-hs-1-deal-card-source", "axl", test_rule_hs_1_deal_card_source);
  ADD ("/model/leads/rule-axl-1-missed-call-is-one-transaction", "axl",
       test_rule_axl_1_missed_call_is_one_transaction);
  ADD ("/model/leads/rule-hs-3-classification-is-one-transaction", "hs",
       test_rule_hs_3_classification_is_one_transaction);
  ADD ("/model/leads/long-values-are-refused", "hs", test_lead_long_values_are_refused);
  ADD ("/model/leads/controls-are-stripped", "hs", test_lead_controls_are_stripped);

#undef ADD

  return g_test_run ();
}
