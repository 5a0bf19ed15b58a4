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
 * one money parser (issue 8.4), the template's ranges (RAD-11) and the
 * payment terms' limits (TW-6). Each refusal is checked to have changed
 * nothing, by reading the deal back from the store. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "crm-call-session.h"
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

/* The template format: ranges and the fields holding the payment terms. */

static void
test_procedure_shipped_values (void)
{
  g_autoptr(CrmProcedure) rad = crm_procedure_load_builtin ("rad", NULL);
  g_autoptr(CrmProcedure) tw = crm_procedure_load_builtin ("tw", NULL);
  const CrmProcedureField *field;

  /* RAD-11: 50 to 100 %, in the rule's words in every language. */
  field = crm_procedure_find_field (rad, "prepayment");
  g_assert_nonnull (field->range);
  g_assert_true (field->range->has_min && field->range->has_max);
  g_assert_cmpint (field->range->min, ==, G_GINT64_CONSTANT (50000000));
  g_assert_cmpint (field->range->max, ==, G_GINT64_CONSTANT (100000000));
  g_assert_false (field->range->whole_numbers);
  g_assert_cmpstr (field->range->rule, ==, "RAD-11");
  g_assert_nonnull (field->range->message.he);
  g_assert_nonnull (field->range->message.ru);
  g_assert_null (crm_procedure_find_field_holding (rad, CRM_FIELD_HOLDS_PAYMENT_TERM));

  /* TW-6: the term is a choice among the payment terms, its instalments a
   * whole number; a credit card allows 12, the card standing order needs
   * the sales manager. */
  field = crm_procedure_find_field_holding (tw, CRM_FIELD_HOLDS_PAYMENT_TERM);
  g_assert_cmpstr (field->key, ==, "payment_term");
  field = crm_procedure_find_field_holding (tw, CRM_FIELD_HOLDS_INSTALLMENTS);
  g_assert_cmpstr (field->key, ==, "installments");
  g_assert_true (field->range->whole_numbers);
  g_assert_cmpint (field->range->min, ==, G_GINT64_CONSTANT (1000000));
  g_assert_cmpuint (crm_procedure_find_payment_term (tw, "credit_card")->max_installments, ==, 12);
  g_assert_true (crm_procedure_find_payment_term (tw, "card_standing_order")->needs_approval);
  g_assert_null (crm_procedure_find_payment_term (tw, "barter"));
}

static const char values_template[] =
  "{\"format\": 1, \"id\": \"vals\", \"name\": {\"en\": \"Values\"}, \"description\": {\"en\": \"Test\"},"
  " \"country\": \"IL\", \"currency\": \"ILS\","
  " \"pipelines\": [{\"key\": \"sales\", \"name\": {\"en\": \"Sales\"},"
  "   \"stages\": [{\"key\": \"new\", \"name\": {\"en\": \"New\"}, \"kind\": \"open\"}]}],"
  " \"fields\": ["
  "   {\"key\": \"share\", \"entity\": \"deal\", \"type\": \"number\", \"name\": {\"en\": \"Share\"},"
  "    \"range\": {\"min\": 0.5, \"max\": 1.5, \"message\": {\"en\": \"Half to one and a half.\"}}},"
  "   {\"key\": \"term\", \"entity\": \"deal\", \"type\": \"choice\", \"name\": {\"en\": \"Term\"},"
  "    \"holds\": \"payment_term\", \"choices\": [{\"key\": \"card\", \"name\": {\"en\": \"Card\"}}]},"
  "   {\"key\": \"payments\", \"entity\": \"deal\", \"type\": \"number\", \"name\": {\"en\": \"Payments\"},"
  "    \"holds\": \"installments\"}"
  " ],"
  " \"payment_terms\": [{\"key\": \"card\", \"name\": {\"en\": \"Card\"}, \"max_installments\": 12}]}";

typedef struct
{
  const char *from;
  const char *to;
  const char *message;
} Mutation;

static const Mutation invalid_values[] = {
  { "\"min\": 0.5, \"max\": 1.5", "\"min\": 2, \"max\": 1.5",
    "vals.json: “fields[0].range.min” is greater than “fields[0].range.max”" },
  { "\"min\": 0.5, \"max\": 1.5, ", "",
    "vals.json: “fields[0].range” needs “min”, “max” or “whole_numbers”" },
  { "\"min\": 0.5", "\"min\": \"half\"", "vals.json: “fields[0].range.min” must be a number" },
  { "\"min\": 0.5", "\"min\": 0.0000001",
    "vals.json: “fields[0].range.min” must be a number with at most 6 decimals" },
  { "\"min\": 0.5", "\"minimum\": 0.5", "vals.json: unknown key “minimum” in fields[0].range" },
  { ", \"message\": {\"en\": \"Half to one and a half.\"}", "",
    "vals.json: missing key “message” in fields[0].range" },
  { "\"type\": \"number\", \"name\": {\"en\": \"Share\"}", "\"type\": \"text\", \"name\": {\"en\": \"Share\"}",
    "vals.json: “fields[0].range” is only allowed in fields of type “number”" },
  { "\"holds\": \"installments\"", "\"holds\": \"instalments\"",
    "vals.json: unknown value “instalments” in fields[2].holds (expected one of: payment_term, installments)" },
  { "\"holds\": \"installments\"", "\"holds\": \"payment_term\"",
    "vals.json: the field “term” already holds what fields[2].holds names" },
  { "{\"key\": \"card\", \"name\": {\"en\": \"Card\"}}]", "{\"key\": \"cash\", \"name\": {\"en\": \"Cash\"}}]",
    "vals.json: the choice “cash” of the field in fields[1].holds is not one of the payment terms" },
  { "\"holds\": \"payment_term\", ", "",
    "vals.json: the field “payments” holds the instalments, but no field holds the payment term" },
  { "\"type\": \"number\", \"name\": {\"en\": \"Payments\"}", "\"type\": \"text\", \"name\": {\"en\": \"Payments\"}",
    "vals.json: a field holding the instalments must be a number field (fields[2].holds)" },
};

static void
test_procedure_invalid_values (void)
{
  g_autoptr(CrmProcedure) valid = NULL;
  g_autoptr(GError) error = NULL;

  valid = crm_procedure_new_from_data (values_template, -1, "vals.json", &error);
  g_assert_no_error (error);
  /* 0.5 as a JSON decimal is exactly half, scaled. */
  g_assert_cmpint (crm_procedure_find_field (valid, "share")->range->min, ==, 500000);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_values); i++)
    {
      g_autoptr(GString) json = g_string_new (values_template);
      g_autoptr(CrmProcedure) procedure = NULL;

      g_test_message ("%s", invalid_values[i].message);
      g_assert_cmpuint (g_string_replace (json, invalid_values[i].from, invalid_values[i].to, 1), ==, 1);
      procedure = crm_procedure_new_from_data (json->str, -1, "vals.json", &error);
      g_assert_null (procedure);
      g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, invalid_values[i].message);
      g_clear_error (&error);
    }
}

/* Puts @deal_id straight into @stage_key, as if it had walked there: the
 * tests here are about the values of the next stage, not the way to it. */
static void
place_in_stage (CrmStore   *store,
                gint64      deal_id,
                const char *stage_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store),
                                                 "UPDATE deals SET stage_id = ?2 WHERE id = ?1", &error);

  g_assert_no_error (error);
  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_int64 (stmt, 2, stage_by_key (store, stage_key));
  g_assert_true (crm_statement_run (stmt, &error));
  g_assert_no_error (error);
}

static char *
stored_field (CrmStore   *store,
              gint64      deal_id,
              const char *key)
{
  return crm_store_dup_field_value (store, deal_id, key);
}

/* Saves @deal_id's card with one custom field changed. */
static gboolean
save_field (CrmStore    *store,
            gint64       deal_id,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autoptr(CrmDeal) deal = reload (store, deal_id);
  g_autoptr(GHashTable) fields = one_value (key, value);

  return crm_store_save_deal (store, deal, NULL, NULL, fields, error);
}

static void
assert_refused (gboolean     ok,
                GError     **error,
                int          code,
                const char  *words)
{
  g_assert_false (ok);
  g_assert_error (*error, CRM_STORE_ERROR, code);
  g_test_message ("%s", (*error)->message);
  if (words != NULL && strstr ((*error)->message, words) == NULL)
    g_error ("“%s” not in “%s”", words, (*error)->message);
  g_clear_error (error);
}

static const char *rad_11_refused[] = { "5", "0", "250", "49,99", "-50", NULL };

/* RAD-11: a prepayment of 50 to 100 % before an order is launched; the
 * deal card's save refuses anything else in the rule's words. */
static void
test_rule_rad_11_save_deal (CrmTestFixture *fixture,
                            gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  for (guint i = 0; rad_11_refused[i] != NULL; i++)
    {
      assert_refused (save_field (store, deal_id, "prepayment", rad_11_refused[i], &error), &error,
                      CRM_STORE_ERROR_INVALID_FIELD, "not allowed (rule RAD-11). An order is launched after a prepayment of 50 % to 100 %.");
      g_assert_null (stored_field (store, deal_id, "prepayment"));
    }

  g_assert_true (save_field (store, deal_id, "prepayment", "50", &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "50");
  g_clear_pointer (&value, g_free);

  g_assert_true (save_field (store, deal_id, "prepayment", "100", &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "100");
  g_clear_pointer (&value, g_free);

  /* A refusal leaves the value before it. */
  assert_refused (save_field (store, deal_id, "prepayment", "250", &error), &error,
                  CRM_STORE_ERROR_INVALID_FIELD, "RAD-11");
  value = stored_field (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "100");
}

/* RAD-11 on a move into "Order paid", the stage that requires it: the
 * board's form and --set come this way. */
static void
test_rule_rad_11_move (CrmTestFixture *fixture,
                       gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  gint64 order_approved, order_paid;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *value = NULL;

  place_in_stage (store, deal_id, "order_approved");
  order_approved = stage_by_key (store, "order_approved");
  order_paid = stage_by_key (store, "order_paid");

  for (guint i = 0; rad_11_refused[i] != NULL; i++)
    {
      g_autoptr(GHashTable) values = one_value ("prepayment", rad_11_refused[i]);

      assert_refused (crm_store_move_deal_with_values (store, deal_id, order_paid, values, NULL, &error),
                      &error, CRM_STORE_ERROR_INVALID_FIELD, "RAD-11");
      deal = reload (store, deal_id);
      g_assert_cmpint (crm_deal_get_stage_id (deal), ==, order_approved);
      g_clear_object (&deal);
      g_assert_null (stored_field (store, deal_id, "prepayment"));
    }

  {
    g_autoptr(GHashTable) values = one_value ("prepayment", "50");

    g_assert_true (crm_store_move_deal_with_values (store, deal_id, order_paid, values, NULL, &error));
    g_assert_no_error (error);
  }
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, order_paid);
  value = stored_field (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "50");
}

/* RAD-11 on a call's answer (crm_store_set_field_value()). */
static void
test_rule_rad_11_answer (CrmTestFixture *fixture,
                         gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  for (guint i = 0; rad_11_refused[i] != NULL; i++)
    {
      assert_refused (crm_store_set_field_value (store, deal_id, "prepayment", rad_11_refused[i], &error),
                      &error, CRM_STORE_ERROR_INVALID_FIELD, "RAD-11");
      g_assert_null (stored_field (store, deal_id, "prepayment"));
    }

  g_assert_true (crm_store_set_field_value (store, deal_id, "prepayment", "100", &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "100");
}

/* The rule's words come in the user's language. */
static void
test_rule_rad_11_words_translated (CrmTestFixture *fixture,
                                   gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  char *saved = use_language ("ru");

  g_assert_false (crm_store_check_field_value (store, "prepayment", "5", NULL, &error));
  restore_language (saved);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, "от 50 % до 100 %"));
}

/* TW-6: the standing order on a credit card is offered only after the
 * sales manager approves it; with no approval yet, choosing it is
 * refused on every path, and says who must approve. */
static void
test_rule_tw_6_approval (CrmTestFixture *fixture,
                         gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  gint64 quote_sent = stage_by_key (store, "quote_sent");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *value = NULL;

  assert_refused (save_field (store, deal_id, "payment_term", "card_standing_order", &error), &error,
                  CRM_STORE_ERROR_NEEDS_APPROVAL, "the sales manager must approve");
  g_assert_null (stored_field (store, deal_id, "payment_term"));

  assert_refused (crm_store_set_field_value (store, deal_id, "payment_term", "card_standing_order", &error),
                  &error, CRM_STORE_ERROR_NEEDS_APPROVAL, "(rule TW-6)");
  g_assert_null (stored_field (store, deal_id, "payment_term"));

  place_in_stage (store, deal_id, "quote_sent");
  values = one_value ("payment_term", "card_standing_order");
  g_hash_table_insert (values, g_strdup ("installments"), g_strdup ("12"));
  assert_refused (crm_store_move_deal_with_values (store, deal_id, stage_by_key (store, "awaiting_payment"),
                                                   values, NULL, &error),
                  &error, CRM_STORE_ERROR_NEEDS_APPROVAL, "sales manager");
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, quote_sent);
  g_assert_null (stored_field (store, deal_id, "payment_term"));
  g_assert_null (stored_field (store, deal_id, "installments"));

  /* Terms that need no approval are chosen as before. */
  g_assert_true (save_field (store, deal_id, "payment_term", "bank_standing_order", &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "payment_term");
  g_assert_cmpstr (value, ==, "bank_standing_order");
}

/* A term stored before this rule (or, later, approved) is not refused
 * again when the card saves other fields. */
static void
test_rule_tw_6_stored_term_kept (CrmTestFixture *fixture,
                                 gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *value = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "INSERT INTO deal_field_values (deal_id, field_id, value) "
                         "SELECT ?1, id, 'card_standing_order' FROM field_defs WHERE key = 'payment_term'",
                         &error);
  g_assert_no_error (error);
  crm_statement_bind_int64 (stmt, 1, deal_id);
  g_assert_true (crm_statement_run (stmt, &error));

  deal = reload (store, deal_id);
  fields = one_value ("payment_term", "card_standing_order");
  g_hash_table_insert (fields, g_strdup ("installments"), g_strdup ("24"));
  g_assert_true (crm_store_save_deal (store, deal, NULL, NULL, fields, &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "installments");
  g_assert_cmpstr (value, ==, "24");
}

/* TW-6: a credit card is 12 instalments or fewer; the number of payments
 * is a whole number of at least one whatever the term. */
static void
test_rule_tw_6_installments (CrmTestFixture *fixture,
                             gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  gint64 quote_sent = stage_by_key (store, "quote_sent");
  gint64 awaiting_payment = stage_by_key (store, "awaiting_payment");
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *value = NULL;

  /* The deal card. */
  g_assert_true (save_field (store, deal_id, "payment_term", "credit_card", &error));
  g_assert_no_error (error);
  assert_refused (save_field (store, deal_id, "installments", "36", &error), &error,
                  CRM_STORE_ERROR_INVALID_FIELD, "at most 12 payments, not 36 (rule TW-6)");
  g_assert_null (stored_field (store, deal_id, "installments"));
  for (guint i = 0; i < 3; i++)
    {
      assert_refused (save_field (store, deal_id, "installments", (const char *[]) { "0", "1.5", "-12" }[i],
                                  &error),
                      &error, CRM_STORE_ERROR_INVALID_FIELD, "(rule TW-6)");
      g_assert_null (stored_field (store, deal_id, "installments"));
    }

  /* A call's answer. */
  assert_refused (crm_store_set_field_value (store, deal_id, "installments", "13", &error), &error,
                  CRM_STORE_ERROR_INVALID_FIELD, "TW-6");
  g_assert_null (stored_field (store, deal_id, "installments"));
  g_assert_true (crm_store_set_field_value (store, deal_id, "installments", "12", &error));
  g_assert_no_error (error);

  /* Another term allows more; going back to the card with 36 is refused. */
  g_assert_true (save_field (store, deal_id, "payment_term", "bank_transfer", &error));
  g_assert_true (save_field (store, deal_id, "installments", "36", &error));
  g_assert_no_error (error);
  assert_refused (save_field (store, deal_id, "payment_term", "credit_card", &error), &error,
                  CRM_STORE_ERROR_INVALID_FIELD, "at most 12");
  value = stored_field (store, deal_id, "payment_term");
  g_assert_cmpstr (value, ==, "bank_transfer");
  g_clear_pointer (&value, g_free);

  /* A move that brings both. */
  place_in_stage (store, deal_id, "quote_sent");
  values = one_value ("payment_term", "credit_card");
  g_hash_table_insert (values, g_strdup ("installments"), g_strdup ("36"));
  assert_refused (crm_store_move_deal_with_values (store, deal_id, awaiting_payment, values, NULL, &error),
                  &error, CRM_STORE_ERROR_INVALID_FIELD, "at most 12");
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, quote_sent);
  g_clear_object (&deal);
  value = stored_field (store, deal_id, "payment_term");
  g_assert_cmpstr (value, ==, "bank_transfer");
  g_clear_pointer (&value, g_free);

  g_hash_table_insert (values, g_strdup ("installments"), g_strdup ("12"));
  g_assert_true (crm_store_move_deal_with_values (store, deal_id, awaiting_payment, values, NULL, &error));
  g_assert_no_error (error);
  deal = reload (store, deal_id);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, awaiting_payment);
  value = stored_field (store, deal_id, "installments");
  g_assert_cmpstr (value, ==, "12");
}

/* TW-6 at the end of a call: the closing stage's questions save into the
 * payment fields through the same checks, and a refused answer is not
 * recorded. */
static void
test_rule_tw_6_call_answers (CrmTestFixture *fixture,
                             gconstpointer   data)
{
  CrmStore *store = fixture->store;
  gint64 deal_id = new_deal (store);
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  call = crm_call_session_new (store, deal_id, NULL, &error);
  g_assert_no_error (error);

  assert_refused (crm_call_session_answer (call, "payment_term", "card_standing_order", &error), &error,
                  CRM_STORE_ERROR_NEEDS_APPROVAL, "the sales manager must approve");
  g_assert_null (crm_call_session_get_answer (call, "payment_term"));
  g_assert_null (stored_field (store, deal_id, "payment_term"));

  g_assert_true (crm_call_session_answer (call, "payment_term", "credit_card", &error));
  g_assert_no_error (error);
  assert_refused (crm_call_session_answer (call, "installments", "36", &error), &error,
                  CRM_STORE_ERROR_INVALID_FIELD, "at most 12");
  g_assert_null (crm_call_session_get_answer (call, "installments"));
  g_assert_null (stored_field (store, deal_id, "installments"));

  g_assert_true (crm_call_session_answer (call, "installments", "12", &error));
  g_assert_no_error (error);
  value = stored_field (store, deal_id, "installments");
  g_assert_cmpstr (value, ==, "12");
}

int
main (int   argc,
      char *argv[])
{
  /* Error messages are asserted in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  if (!crm_test_init_backends (&argc, &argv, "/model/values"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, CrmTestFixture, procedure, crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  /* The procedure's values alone: no store, so once. */
  crm_test_add_func_sqlite ("/model/values/procedure/shipped", test_procedure_shipped_values);
  crm_test_add_func_sqlite ("/model/values/procedure/invalid", test_procedure_invalid_values);
  ADD ("/model/values/money/move", "hs", test_money_move);
  ADD ("/model/values/money/answer", "hs", test_money_answer);
  ADD ("/model/values/rule-rad-11/save-deal", "rad", test_rule_rad_11_save_deal);
  ADD ("/model/values/rule-rad-11/move", "rad", test_rule_rad_11_move);
  ADD ("/model/values/rule-rad-11/answer", "rad", test_rule_rad_11_answer);
  ADD ("/model/values/rule-rad-11/words-translated", "rad", test_rule_rad_11_words_translated);
  ADD ("/model/values/rule-tw-6/approval", "tw", test_rule_tw_6_approval);
  ADD ("/model/values/rule-tw-6/stored-term-kept", "tw", test_rule_tw_6_stored_term_kept);
  ADD ("/model/values/rule-tw-6/installments", "tw", test_rule_tw_6_installments);
  ADD ("/model/values/rule-tw-6/call-answers", "tw", test_rule_tw_6_call_answers);

  return g_test_run ();
}
