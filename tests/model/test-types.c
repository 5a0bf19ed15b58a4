/* test-types.c
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

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-enums.h"
#include "crm-pipeline.h"
#include "crm-search-result.h"
#include "crm-stage.h"
#include "crm-user.h"

/* Thin and no-break spaces spelled out so the expectations are unambiguous. */
#define NARROW_NBSP "\xe2\x80\xaf"
#define NBSP        "\xc2\xa0"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
watch (gpointer    object,
       const char *property,
       guint      *count)
{
  g_autofree char *signal = g_strdup_printf ("notify::%s", property);

  *count = 0;
  g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), count);
}

static void
test_deal_notify (void)
{
  CrmDeal *deal = crm_deal_new ();
  g_autoptr (GDateTime) when = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GDateTime) same = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  guint title = 0;
  guint id = 0;
  guint created = 0;

  watch (deal, "title", &title);
  watch (deal, "id", &id);
  watch (deal, "created-at", &created);

  crm_deal_set_title (deal, "Office fit-out");
  g_assert_cmpuint (title, ==, 1);
  g_assert_cmpstr (crm_deal_get_title (deal), ==, "Office fit-out");

  crm_deal_set_title (deal, "Office fit-out");
  g_assert_cmpuint (title, ==, 1);

  g_object_set (deal, "title", "Office fit-out", NULL);
  g_assert_cmpuint (title, ==, 1);

  crm_deal_set_title (deal, NULL);
  g_assert_cmpuint (title, ==, 2);
  g_assert_null (crm_deal_get_title (deal));

  crm_deal_set_id (deal, 42);
  crm_deal_set_id (deal, 42);
  g_assert_cmpuint (id, ==, 1);
  g_assert_cmpint (crm_deal_get_id (deal), ==, 42);

  crm_deal_set_created_at (deal, when);
  g_assert_cmpuint (created, ==, 1);
  g_assert_true (crm_deal_get_created_at (deal) == when);

  /* An equal instant is no change. */
  crm_deal_set_created_at (deal, same);
  g_assert_cmpuint (created, ==, 1);

  crm_deal_set_created_at (deal, NULL);
  g_assert_cmpuint (created, ==, 2);
  g_assert_null (crm_deal_get_created_at (deal));

  g_assert_finalize_object (deal);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* A round of notifications ends in one ::changed (issue 12: a card that
 * takes a whole row again redraws once, not once per property). */
static void
test_deal_changed_once (void)
{
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmDeal) row = crm_deal_new ();
  guint changed = 0, title = 0;

  g_signal_connect (deal, "changed", G_CALLBACK (count_cb), &changed);
  watch (deal, "title", &title);

  crm_deal_set_title (deal, "Office fit-out");
  g_assert_cmpuint (changed, ==, 1);

  /* No change, no signal. */
  crm_deal_set_title (deal, "Office fit-out");
  g_assert_cmpuint (changed, ==, 1);

  crm_deal_set_id (row, 7);
  crm_deal_set_title (row, "Warehouse radiators");
  crm_deal_set_company_name (row, "Levi Ltd");
  crm_deal_set_amount (row, 1250000);
  crm_deal_set_owner_name (row, "Dana");
  crm_deal_update_from (deal, row);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (title, ==, 2);
  g_assert_cmpstr (crm_deal_get_company_name (deal), ==, "Levi Ltd");

  /* The same row again changes nothing. */
  crm_deal_update_from (deal, row);
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_deal_defaults (void)
{
  CrmDeal *deal = crm_deal_new ();
  g_autofree char *currency = NULL;

  g_assert_cmpstr (crm_deal_get_currency (deal), ==, "ILS");
  g_object_get (deal, "currency", &currency, NULL);
  g_assert_cmpstr (currency, ==, "ILS");
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 0);

  g_assert_finalize_object (deal);
}

typedef struct
{
  const char *currency;
  gint64      amount;
  const char *label;
} AmountCase;

static void
test_deal_amount_label (void)
{
  static const AmountCase cases[] = {
    { "ILS", 1234500, "₪12,345" },
    { "ILS", 1234550, "₪12,345.50" },
    { "ILS", 0, "₪0" },
    { "ILS", 5, "₪0.05" },
    { "ILS", 123456789000, "₪1,234,567,890" },
    { "ILS", -1234500, "-₪12,345" },
    { "USD", 1234500, "$12,345" },
    { "USD", 99999, "$999.99" },
    { "EUR", 1234500, "€12" NARROW_NBSP "345" },
    { "EUR", 1234501, "€12" NARROW_NBSP "345,01" },
    { "RUB", 1234500, "12" NARROW_NBSP "345" NBSP "₽" },
    { "RUB", 123456710, "1" NARROW_NBSP "234" NARROW_NBSP "567,10" NBSP "₽" },
    { "GBP", 1234500, "12,345" NBSP "GBP" },
    { "GBP", 1234599, "12,345.99" NBSP "GBP" },
  };
  CrmDeal *deal = crm_deal_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *property = NULL;

      crm_deal_set_currency (deal, cases[i].currency);
      crm_deal_set_amount (deal, cases[i].amount);

      label = crm_deal_dup_amount_label (deal);
      g_assert_cmpstr (label, ==, cases[i].label);

      g_object_get (deal, "amount-label", &property, NULL);
      g_assert_cmpstr (property, ==, cases[i].label);
    }

  g_assert_finalize_object (deal);
}

static void
test_deal_amount_label_notify (void)
{
  CrmDeal *deal = crm_deal_new ();
  guint label = 0;
  guint amount = 0;

  watch (deal, "amount-label", &label);
  watch (deal, "amount", &amount);

  crm_deal_set_amount (deal, 1000);
  g_assert_cmpuint (amount, ==, 1);
  g_assert_cmpuint (label, ==, 1);

  crm_deal_set_amount (deal, 1000);
  g_assert_cmpuint (amount, ==, 1);
  g_assert_cmpuint (label, ==, 1);

  crm_deal_set_currency (deal, "USD");
  g_assert_cmpuint (label, ==, 2);

  crm_deal_set_currency (deal, "USD");
  g_assert_cmpuint (label, ==, 2);

  /* Unrelated properties leave the label alone. */
  crm_deal_set_title (deal, "Renewal");
  g_assert_cmpuint (label, ==, 2);

  g_assert_finalize_object (deal);
}

static void
test_contact (void)
{
  static const char * const phones[] = { "+972 3 555 0101", "+972 50 555 0102", NULL };
  static const char * const same[] = { "+972 3 555 0101", "+972 50 555 0102", NULL };
  static const char * const empty[] = { NULL };
  CrmContact *contact = crm_contact_new ();
  g_auto (GStrv) from_property = NULL;
  guint name = 0;
  guint count = 0;

  g_assert_cmpstr (crm_contact_get_lifecycle (contact), ==, CRM_LIFECYCLE_LEAD);
  g_assert_nonnull (crm_contact_get_phones (contact));
  g_assert_null (crm_contact_get_phones (contact)[0]);
  g_assert_nonnull (crm_contact_get_emails (contact));
  g_assert_null (crm_contact_get_emails (contact)[0]);

  watch (contact, "name", &name);
  crm_contact_set_name (contact, "Dana Levi");
  crm_contact_set_name (contact, "Dana Levi");
  g_assert_cmpuint (name, ==, 1);

  watch (contact, "phones", &count);
  crm_contact_set_phones (contact, phones);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (g_strv_equal (crm_contact_get_phones (contact), phones));

  crm_contact_set_phones (contact, same);
  g_assert_cmpuint (count, ==, 1);

  g_object_get (contact, "phones", &from_property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) from_property, phones));

  crm_contact_set_phones (contact, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_nonnull (crm_contact_get_phones (contact));
  g_assert_null (crm_contact_get_phones (contact)[0]);

  /* Unset and empty read the same, so they are the same. */
  crm_contact_set_phones (contact, empty);
  g_assert_cmpuint (count, ==, 2);

  g_assert_finalize_object (contact);
}

static void
test_company (void)
{
  CrmCompany *company = crm_company_new ();
  guint city = 0;

  watch (company, "city", &city);
  crm_company_set_city (company, "Haifa");
  crm_company_set_city (company, "Haifa");
  g_assert_cmpuint (city, ==, 1);
  g_assert_cmpstr (crm_company_get_city (company), ==, "Haifa");

  crm_company_set_id (company, 7);
  g_assert_cmpint (crm_company_get_id (company), ==, 7);

  g_assert_finalize_object (company);
}

static void
test_stage (void)
{
  CrmStage *open = crm_stage_new (1, 10, "qualified", "Qualified", 1, CRM_STAGE_OPEN);
  CrmStage *won = crm_stage_new (2, 10, "won", "Won", 5, CRM_STAGE_WON);
  CrmStage *lost = crm_stage_new (3, 10, "lost", "Lost", 6, CRM_STAGE_LOST);
  CrmStageKind kind;

  g_assert_false (crm_stage_is_final (open));
  g_assert_true (crm_stage_is_final (won));
  g_assert_true (crm_stage_is_final (lost));

  g_assert_cmpint (crm_stage_get_id (won), ==, 2);
  g_assert_cmpint (crm_stage_get_pipeline_id (won), ==, 10);
  g_assert_cmpstr (crm_stage_get_key (won), ==, "won");
  g_assert_cmpstr (crm_stage_get_name (won), ==, "Won");
  g_assert_cmpuint (crm_stage_get_position (won), ==, 5);
  g_assert_cmpint (crm_stage_get_kind (lost), ==, CRM_STAGE_LOST);

  g_object_get (won, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, CRM_STAGE_WON);

  g_assert_finalize_object (open);
  g_assert_finalize_object (won);
  g_assert_finalize_object (lost);
}

static void
test_user (void)
{
  CrmUser *user = crm_user_new (3, "Noa Katz", CRM_ROLE_MANAGER);

  g_assert_cmpint (crm_user_get_id (user), ==, 3);
  g_assert_cmpstr (crm_user_get_name (user), ==, "Noa Katz");
  g_assert_cmpint (crm_user_get_role (user), ==, CRM_ROLE_MANAGER);

  g_assert_finalize_object (user);
}

static void
test_pipeline (void)
{
  CrmPipeline *pipeline = crm_pipeline_new (10, "sales", "Sales");

  g_assert_cmpint (crm_pipeline_get_id (pipeline), ==, 10);
  g_assert_cmpstr (crm_pipeline_get_key (pipeline), ==, "sales");
  g_assert_cmpstr (crm_pipeline_get_name (pipeline), ==, "Sales");

  g_assert_finalize_object (pipeline);
}

static void
test_search_result (void)
{
  CrmSearchResult *result = crm_search_result_new ("contact", 12, "Dana Levi", "Acme Ltd");
  CrmSearchResult *bare = crm_search_result_new ("deal", 5, "Renewal", NULL);

  g_assert_cmpstr (crm_search_result_get_kind (result), ==, "contact");
  g_assert_cmpint (crm_search_result_get_id (result), ==, 12);
  g_assert_cmpstr (crm_search_result_get_title (result), ==, "Dana Levi");
  g_assert_cmpstr (crm_search_result_get_subtitle (result), ==, "Acme Ltd");
  g_assert_null (crm_search_result_get_subtitle (bare));

  g_assert_finalize_object (result);
  g_assert_finalize_object (bare);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/types/deal/notify", test_deal_notify);
  g_test_add_func ("/model/types/deal/changed-once", test_deal_changed_once);
  g_test_add_func ("/model/types/deal/defaults", test_deal_defaults);
  g_test_add_func ("/model/types/deal/amount-label", test_deal_amount_label);
  g_test_add_func ("/model/types/deal/amount-label-notify", test_deal_amount_label_notify);
  g_test_add_func ("/model/types/contact", test_contact);
  g_test_add_func ("/model/types/company", test_company);
  g_test_add_func ("/model/types/stage", test_stage);
  g_test_add_func ("/model/types/user", test_user);
  g_test_add_func ("/model/types/pipeline", test_pipeline);
  g_test_add_func ("/model/types/search-result", test_search_result);

  return g_test_run ();
}
