/* test-call.c
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

/* The call-script panel's model, rule by rule (TW-2, TW-3, TW-4, AXL-7,
 * CON-4, RAD-10), on a clock the test moves: the running call
 * (CrmCallSession), the store's answers, settings, products and call log,
 * and migration 4. The template is the test's own, so the tests do not
 * depend on what the shipped templates' scripts say. */

#define G_LOG_DOMAIN "test-call"

#include "config.h"

#include <string.h>

#include "crm-activity.h"
#include "crm-call-session.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-pipeline.h"
#include "crm-product.h"
#include "crm-stage.h"
#include "crm-task.h"
#include "crm-user.h"

#include "../crm-test-common.h"

#define MINUTE G_TIME_SPAN_MINUTE
#define HOUR   G_TIME_SPAN_HOUR
#define DAY    G_TIME_SPAN_DAY

/* A department with three call scripts: a sales call picked for hot leads
 * and the website (rapport, discovery with the mandatory agreements
 * question of TW-3, closing with the price rule of CON-4), an inbound
 * request for RAD-10's qualification fields, and a general call. */
static const char call_template[] =
  "{"
  "  \"format\": 1,"
  "  \"id\": \"calls\","
  "  \"name\": {\"en\": \"Calls\"},"
  "  \"description\": {\"en\": \"The call-script tests' department\"},"
  "  \"country\": \"IL\","
  "  \"currency\": \"ILS\","
  "  \"pipelines\": [{"
  "    \"key\": \"sales\", \"name\": {\"en\": \"Sales\"},"
  "    \"stages\": ["
  "      {\"key\": \"new\", \"name\": {\"en\": \"New\"}, \"kind\": \"open\"},"
  "      {\"key\": \"won\", \"name\": {\"en\": \"Won\"}, \"kind\": \"won\"},"
  "      {\"key\": \"lost\", \"name\": {\"en\": \"Lost\"}, \"kind\": \"lost\"}"
  "    ]"
  "  }],"
  "  \"fields\": ["
  "    {\"key\": \"agreements_module\", \"entity\": \"deal\", \"type\": \"boolean\","
  "     \"name\": {\"en\": \"Agreements module\"}, \"rule\": \"TW-3\"},"
  "    {\"key\": \"employees\", \"entity\": \"deal\", \"type\": \"number\", \"name\": {\"en\": \"Employees\"}},"
  "    {\"key\": \"radiator_model\", \"entity\": \"deal\", \"type\": \"choice\","
  "     \"name\": {\"en\": \"Radiator model\"}, \"rule\": \"RAD-10\","
  "     \"choices\": [{\"key\": \"bimetal\", \"name\": {\"en\": \"Bimetal\"}},"
  "                 {\"key\": \"steel\", \"name\": {\"en\": \"Steel panel\"}}]},"
  "    {\"key\": \"working_pressure\", \"entity\": \"deal\", \"type\": \"number\","
  "     \"name\": {\"en\": \"Working pressure\"}, \"rule\": \"RAD-10\"}"
  "  ],"
  "  \"sources\": ["
  "    {\"key\": \"hot_lead\", \"name\": {\"en\": \"a hot lead\"}},"
  "    {\"key\": \"website\", \"name\": {\"en\": \"our website\", \"he\": \"האתר שלנו\"}},"
  "    {\"key\": \"inbound_call\", \"name\": {\"en\": \"an inbound call\"}}"
  "  ],"
  "  \"loss_reasons\": [{\"key\": \"could_not_reach\", \"name\": {\"en\": \"Could not reach\"}}],"
  "  \"attempt_ladder\": ["
  "    {\"action\": \"call\", \"delay\": \"PT0S\", \"note\": {\"en\": \"No answer\"}, \"rule\": \"TW-1\"},"
  "    {\"action\": \"call\", \"delay\": \"PT2H\", \"note\": {\"en\": \"No answer again\"}, \"rule\": \"TW-1\"},"
  "    {\"action\": \"close\", \"loss_reason\": \"could_not_reach\", \"rule\": \"TW-1\"}"
  "  ],"
  "  \"call_script\": {"
  "    \"situation_check\": {\"en\": \"Can you talk now?\", \"he\": \"נוח לך לדבר עכשיו?\"},"
  "    \"situation_rule\": \"TW-2\","
  "    \"summary\": {"
  "      \"subject\": {\"en\": \"Call summary: {deal}\", \"he\": \"סיכום שיחה: {deal}\"},"
  "      \"body\": {\"en\": \"{rep} called {contact} ({phone}, {email}) of {company}: {outcome}, {duration}.\\n"
  "Stages: {stages}\\n{answers}\\n{note}\\nNext contact: {next_contact}\","
  "                 \"he\": \"{rep} התקשר אל {contact}: {outcome}\"},"
  "      \"rule\": \"TW-4\""
  "    },"
  "    \"scripts\": ["
  "      {"
  "        \"key\": \"sales_call\", \"name\": {\"en\": \"Sales call\"}, \"rule\": \"TW-3\","
  "        \"sources\": [\"hot_lead\", \"website\"],"
  "        \"opening\": {\"en\": \"Hello {contact}, my name is {rep}, company {company}. "
  "You left a request on {source}.\"},"
  "        \"stages\": ["
  "          {\"key\": \"rapport\", \"name\": {\"en\": \"Rapport\"},"
  "           \"checklist\": [{\"key\": \"asked_business\", \"text\": {\"en\": \"Asked about the business\"}}],"
  "           \"questions\": [{\"key\": \"team_size\", \"text\": {\"en\": \"How many people work with you?\"}}]},"
  "          {\"key\": \"discovery\", \"name\": {\"en\": \"Discovery\"}, \"rule\": \"TW-3\","
  "           \"questions\": ["
  "             {\"key\": \"agreements\", \"text\": {\"en\": \"Do you need the agreements module?\"},"
  "              \"field\": \"agreements_module\", \"mandatory\": true, \"rule\": \"TW-3\"},"
  "             {\"key\": \"employees\", \"text\": {\"en\": \"How many employees clock in?\"},"
  "              \"field\": \"employees\", \"mandatory\": true},"
  "             {\"key\": \"mobile\", \"text\": {\"en\": \"Which mobile reaches you?\"}, \"field\": \"contact.phone\"},"
  "             {\"key\": \"role\", \"text\": {\"en\": \"What is your role?\"}, \"field\": \"contact.position\"}"
  "           ]},"
  "          {\"key\": \"closing\", \"name\": {\"en\": \"Closing\"}, \"guards\": [\"price_rule\"], \"rule\": \"CON-4\","
  "           \"questions\": [{\"key\": \"budget\", \"text\": {\"en\": \"What budget is planned?\"},"
  "                           \"field\": \"amount\"}]}"
  "        ]"
  "      },"
  "      {"
  "        \"key\": \"inbound\", \"name\": {\"en\": \"Inbound request\"}, \"rule\": \"RAD-10\","
  "        \"sources\": [\"inbound_call\"],"
  "        \"stages\": ["
  "          {\"key\": \"qualification\", \"name\": {\"en\": \"Qualification\"}, \"rule\": \"RAD-10\","
  "           \"questions\": ["
  "             {\"key\": \"model\", \"text\": {\"en\": \"Which radiator model?\"},"
  "              \"field\": \"radiator_model\", \"mandatory\": true, \"rule\": \"RAD-10\"},"
  "             {\"key\": \"pressure\", \"text\": {\"en\": \"What is the working pressure?\"},"
  "              \"field\": \"working_pressure\", \"mandatory\": true, \"rule\": \"RAD-10\"},"
  "             {\"key\": \"buyer\", \"text\": {\"en\": \"Which company do you buy for?\"}, \"field\": \"company.name\"}"
  "           ]},"
  "          {\"key\": \"offer\", \"name\": {\"en\": \"Offer\"}}"
  "        ]"
  "      },"
  "      {\"key\": \"general\", \"name\": {\"en\": \"General call\"}, \"stages\": [{\"key\": \"talk\", \"name\": {\"en\": \"Talk\"}}]}"
  "    ]"
  "  }"
  "}";

typedef struct
{
  char         *dir;
  char         *path;
  CrmStore     *store;
  CrmTestClock  clock;
} Fixture;

/* The test template, or a copy without its call script for a plain call. */
static char *
dup_template (gboolean with_script)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  if (with_script)
    return g_strdup (call_template);

  json_parser_load_from_data (parser, call_template, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "call_script");

  return json_to_string (json_parser_get_root (parser), FALSE);
}

/* A shipped template as a database made before Deals had call scripts
 * keeps it: without "call_script" and "payment_terms", or with only
 * @payment_terms (nullable, JSON) for terms of its own, and without the
 * fields' "holds" and "range", which came later still. */
static char *
dup_old_template (const char *id,
                  const char *payment_terms)
{
  g_autoptr(CrmProcedure) shipped = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  JsonObject *root;
  gsize length;

  shipped = crm_procedure_load_builtin (id, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (crm_procedure_get_bytes (shipped), &length);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "call_script");
  json_object_remove_member (root, "payment_terms");
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (root, "fields")); i++)
    {
      JsonObject *field = json_array_get_object_element (json_object_get_array_member (root, "fields"), i);

      json_object_remove_member (field, "holds");
      json_object_remove_member (field, "range");
    }

  if (payment_terms != NULL)
    {
      g_autoptr(JsonNode) terms = json_from_string (payment_terms, &error);

      g_assert_no_error (error);
      json_object_set_member (root, "payment_terms", g_steal_pointer (&terms));
    }

  return json_to_string (json_parser_get_root (parser), FALSE);
}

#define OWN_TERMS "[{\"key\": \"cash\", \"name\": {\"en\": \"Cash\"}, \"rule\": \"TW-6\"}]"

/* user_data: "calls" for the test template, "plain" for it without a
 * call script, "tw-old" for the shipped TW template as it was before call
 * scripts, "tw-old-terms" for the same with payment terms of its own, or
 * the id of a shipped procedure. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *which = data;
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = crm_test_make_dir ("deals-test-call-XXXXXX");
  fixture->path = crm_test_store_path (fixture->dir);
  crm_test_clock_set (&fixture->clock, "2026-03-02T09:00:00Z");
  fixture->store = crm_test_store_new (fixture->path, NULL);
  crm_store_set_clock (fixture->store, crm_test_clock_now, &fixture->clock);

  if (g_str_equal (which, "calls") || g_str_equal (which, "plain"))
    {
      g_autofree char *json = dup_template (g_str_equal (which, "calls"));

      procedure = crm_procedure_new_from_data (json, -1, "calls.json", &error);
      g_assert_no_error (error);
      g_assert_true (crm_store_install_procedure (fixture->store, procedure, &error));
      g_assert_no_error (error);
    }
  else if (g_str_has_prefix (which, "tw-old"))
    {
      g_autofree char *json = dup_old_template ("tw", g_str_equal (which, "tw-old-terms") ? OWN_TERMS : NULL);

      procedure = crm_procedure_new_from_data (json, -1, "tw.json", &error);
      g_assert_no_error (error);
      g_assert_true (crm_store_install_procedure (fixture->store, procedure, &error));
      g_assert_no_error (error);
    }
  else
    crm_test_install_procedure (fixture->store, which);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  crm_test_store_path_release (fixture->path);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  crm_test_clock_clear (&fixture->clock);
}

/* A deal from @source (nullable) whose contact has a name, a mobile and
 * an email, and whose company is "Negev Solar". */
static gint64
new_deal (CrmStore   *store,
          const char *title,
          const char *source)
{
  static const char * const phones[] = { "050-123-4567", NULL };
  static const char * const emails[] = { "anna@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmCompany) company = crm_company_new ();
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, title);
  crm_deal_set_source (deal, source);
  crm_contact_set_name (contact, "Anna Levi");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  crm_company_set_name (company, "Negev Solar");

  g_assert_true (crm_store_save_deal (store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

/* A deal with nothing but a title. */
static gint64
new_bare_deal (CrmStore   *store,
               const char *title)
{
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, title);
  g_assert_true (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static gint64
add_rep (CrmStore   *store,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_store_add_user (store, name, CRM_ROLE_REP, &error);

  g_assert_no_error (error);
  return id;
}

static CrmCallSession *
start_call (CrmStore   *store,
            gint64      deal_id,
            const char *script_key)
{
  g_autoptr(GError) error = NULL;
  CrmCallSession *call = crm_call_session_new (store, deal_id, script_key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (call);
  return call;
}

static void
answer (CrmCallSession *call,
        const char     *question,
        const char     *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_call_session_answer (call, question, value, &error));
  g_assert_no_error (error);
}

static void
advance (CrmCallSession *call)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_call_session_advance (call, &error));
  g_assert_no_error (error);
}

/* Through the situation check and every stage of the sales call, with its
 * mandatory questions answered. */
static void
walk_sales_call (CrmCallSession *call)
{
  crm_call_session_set_situation (call, TRUE);
  crm_call_session_set_checked (call, "asked_business", TRUE);
  answer (call, "team_size", "about twenty");
  advance (call);
  answer (call, "agreements", "true");
  answer (call, "employees", "40");
  advance (call);
  g_assert_true (crm_call_session_is_complete (call));
}

static gboolean
is_finished (CrmCallSession *call)
{
  gboolean finished = FALSE;

  g_object_get (call, "finished", &finished, NULL);
  return finished;
}

static guint
count_rows (CrmStore   *store,
            const char *sql)
{
  return (guint)crm_test_query_int (store, sql);
}

static char *
query_text (CrmStore   *store,
            const char *sql)
{
  g_autoptr(CrmStatement) stmt = crm_test_query_row (store, sql);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

static CrmActivity *
newest_activity (CrmStore *store,
                 gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = crm_store_get_timeline (store, deal_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), >, 0);
  return g_list_model_get_item (timeline, 0);
}

static CrmTask *
only_open_task (CrmStore *store,
                gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  return g_list_model_get_item (tasks, 0);
}

static void
count_cb (gpointer  instance,
          gint64    deal_id,
          gpointer  data)
{
  (*(guint *)data)++;
}

/* TW-2: the call opens with the situation check; the script waits for it. */
static void
test_rule_tw_2_situation_check_first (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 deal = new_deal (fixture->store, "Clocks for a factory", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (fixture->store, deal, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_call_session_needs_situation_check (call));
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, -1);
  g_assert_null (crm_call_session_get_stage (call));

  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER);
  g_clear_error (&error);

  crm_call_session_set_situation (call, TRUE);
  g_assert_false (crm_call_session_needs_situation_check (call));
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, 0);
  g_assert_cmpstr (crm_call_session_get_stage (call)->key, ==, "rapport");
}

/* TW-2: a customer who cannot talk now is called back: the call ends as
 * a call-back with the time agreed, which becomes the rep's task. */
static void
test_rule_tw_2_cannot_talk_ends_as_call_back (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a school", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmActivity) activity = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autofree char *note = NULL;
  gint64 id;

  crm_call_session_set_situation (call, FALSE);
  g_assert_false (crm_call_session_needs_situation_check (call));
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, -1);
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER);
  g_clear_error (&error);

  note = crm_call_session_dup_record_note (call);
  g_assert_nonnull (strstr (note, "could not talk"));

  /* TW-4: a call-back without its time is refused, and nothing written. */
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_CALL_BACK, note, NULL, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_clear_error (&error);
  g_assert_false (is_finished (call));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 0);

  crm_test_clock_advance (&fixture->clock, 40 * G_TIME_SPAN_SECOND);
  id = crm_call_session_finish (call, CRM_CALL_CALL_BACK, note, tomorrow, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  activity = newest_activity (store, deal);
  g_assert_cmpint (crm_activity_get_id (activity), ==, id);
  g_assert_cmpint (crm_activity_get_outcome (activity), ==, CRM_CALL_CALL_BACK);
  g_assert_cmpuint (crm_activity_get_duration (activity), ==, 40);
  g_assert_null (crm_activity_get_stages (activity));

  task = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Call back");
  g_assert_cmpstr (crm_task_get_rule (task), ==, "TW-4");
  g_assert_true (g_date_time_equal (crm_task_get_due_at (task), tomorrow));
  g_assert_cmpint (crm_task_get_owner_id (task), ==, crm_user_get_id (crm_store_get_current_user (store)));

  /* Only a call that reached the customer is summed up. */
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, NULL), ==, 0);
}

/* TW-3: the discovery is never skipped: Next is refused, naming the
 * unanswered mandatory questions, until they are answered. */
static void
test_rule_tw_3_discovery_cannot_be_skipped (Fixture       *fixture,
                                            gconstpointer  data)
{
  gint64 deal = new_deal (fixture->store, "Clocks for a hotel", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (fixture->store, deal, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unanswered = NULL;
  g_auto(GStrv) visited = NULL;

  crm_call_session_set_situation (call, TRUE);
  advance (call);
  g_assert_cmpstr (crm_call_session_get_stage (call)->key, ==, "discovery");

  unanswered = crm_call_session_list_unanswered (call, 1);
  g_assert_cmpuint (unanswered->len, ==, 2);
  g_assert_cmpstr (((CrmScriptQuestion *)g_ptr_array_index (unanswered, 0))->key, ==, "agreements");

  /* The customer asks for the price early: still no way to closing. */
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED);
  g_assert_nonnull (strstr (error->message, "Do you need the agreements module?"));
  g_assert_nonnull (strstr (error->message, "How many employees clock in?"));
  g_clear_error (&error);
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, 1);

  answer (call, "agreements", "false");
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED);
  g_assert_null (strstr (error->message, "agreements module"));
  g_assert_nonnull (strstr (error->message, "How many employees clock in?"));
  g_clear_error (&error);

  answer (call, "employees", "40");
  advance (call);
  g_assert_cmpstr (crm_call_session_get_stage (call)->key, ==, "closing");
  g_assert_true (crm_call_session_is_complete (call));

  /* Past the last stage there is nowhere to go; back is always open. */
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER);
  g_assert_true (crm_call_session_go_back (call));
  g_assert_true (crm_call_session_go_back (call));
  g_assert_false (crm_call_session_go_back (call));
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, 0);

  /* The stages reached stay reached. */
  visited = crm_call_session_dup_visited_stages (call);
  g_assert_cmpstrv (visited, ((const char *[]) { "rapport", "discovery", "closing", NULL }));
}

/* TW-3, RAD-10: an answer lands in its deal field at once, stored as the
 * field stores it, and the board hears of the change. */
static void
test_rule_tw_3_answers_land_in_fields (Fixture       *fixture,
                                       gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a bakery", "website");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) loaded = NULL;
  g_autofree char *value = NULL;
  guint changed = 0;

  g_signal_connect (store, "deal-changed", G_CALLBACK (count_cb), &changed);
  crm_call_session_set_situation (call, TRUE);
  advance (call);
  crm_test_clock_advance (&fixture->clock, MINUTE);

  answer (call, "agreements", "true");
  answer (call, "employees", "1,5");
  answer (call, "mobile", "052-765-4321");
  answer (call, "role", "HR manager");
  g_assert_cmpuint (changed, ==, 4);

  values = crm_store_load_field_values (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "agreements_module"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (values, "employees"), ==, "1.5");

  value = crm_store_dup_field_value (store, deal, "agreements_module");
  g_assert_cmpstr (value, ==, "true");
  g_clear_pointer (&value, g_free);
  /* The mobile answered becomes the contact's first; the old one stays. */
  value = crm_store_dup_field_value (store, deal, "contact.phone");
  g_assert_cmpstr (value, ==, "+972527654321");
  g_clear_pointer (&value, g_free);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contact_phones"), ==, 2);
  value = crm_store_dup_field_value (store, deal, "contact.position");
  g_assert_cmpstr (value, ==, "HR manager");

  /* The session keeps the answer as stored. */
  g_assert_cmpstr (crm_call_session_get_answer (call, "mobile"), ==, "+972527654321");
  g_assert_cmpstr (crm_call_session_get_answer (call, "employees"), ==, "1.5");

  /* Saved like the deal card saves: touched now, audited. */
  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (crm_deal_get_updated_at (loaded), fixture->clock.now));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                       "AND entity = 'deal' AND new_value = 'contact.phone'"), ==, 1);
}

/* TW-3: what the deal card already says counts as answered. */
static void
test_rule_tw_3_known_values_count_as_answered (Fixture       *fixture,
                                               gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a garage", "website");
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(GPtrArray) unanswered = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_set_field_value (store, deal, "agreements_module", "false", &error));
  g_assert_no_error (error);

  call = start_call (store, deal, NULL);
  g_assert_cmpstr (crm_call_session_get_answer (call, "agreements"), ==, "false");
  g_assert_cmpstr (crm_call_session_get_answer (call, "mobile"), ==, "+972501234567");

  unanswered = crm_call_session_list_unanswered (call, 2);
  g_assert_cmpuint (unanswered->len, ==, 1);
  g_assert_cmpstr (((CrmScriptQuestion *)g_ptr_array_index (unanswered, 0))->key, ==, "employees");
}

/* TW-4: the end of a reached call records its result, makes the next
 * contact a task, completes the current task and mails the summary to
 * the sales manager and the copy address, rendered. */
static void
test_rule_tw_4_end_of_call_creates_task_and_summary (Fixture       *fixture,
                                                     gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a warehouse", "hot_lead");
  g_autoptr(GDateTime) next_week = g_date_time_add_days (fixture->clock.now, 7);
  g_autoptr(GDateTime) due = g_date_time_add_hours (fixture->clock.now, 1);
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(CrmActivity) activity = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) queued = NULL;
  gint64 call_task;
  gint64 id;

  g_assert_true (crm_store_set_setting (store, "call-summary-cc", " owner@Example.ORG ", &error));
  g_assert_no_error (error);
  call_task = crm_store_add_task (store, deal, "First call", due, 0, &error);
  g_assert_no_error (error);

  call = start_call (store, deal, NULL);
  walk_sales_call (call);
  crm_test_clock_advance (&fixture->clock, 7 * MINUTE + 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (crm_call_session_get_elapsed (call), ==, 425);

  id = crm_call_session_finish (call, CRM_CALL_REACHED, "Wants a demo of the agreements module",
                                next_week, call_task, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (is_finished (call));

  /* The call, with its length by the store's clock and its stages. */
  activity = newest_activity (store, deal);
  g_assert_cmpint (crm_activity_get_id (activity), ==, id);
  g_assert_cmpint (crm_activity_get_outcome (activity), ==, CRM_CALL_REACHED);
  g_assert_cmpuint (crm_activity_get_duration (activity), ==, 425);
  g_assert_cmpstr (crm_activity_get_script (activity), ==, "sales_call");
  g_assert_cmpstrv (crm_activity_get_stages (activity),
                    ((const char *[]) { "rapport", "discovery", "closing", NULL }));
  g_assert_cmpstrv (crm_activity_get_stage_names (activity),
                    ((const char *[]) { "Rapport", "Discovery", "Closing", NULL }));
  summary = crm_activity_dup_summary (activity);
  g_assert_cmpstr (summary, ==, "Call — reached; stages: Rapport, Discovery, Closing");

  /* The task the call completes is done with the note as its result; the
   * next contact is the rep's new task (TW-4). */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE title = 'First call' "
                                       "AND outcome = 'done' "
                                       "AND result = 'Wants a demo of the agreements module'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'task-done'"), ==, 1);
  task = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Next contact");
  g_assert_cmpstr (crm_task_get_rule (task), ==, "TW-4");
  g_assert_true (g_date_time_equal (crm_task_get_due_at (task), next_week));

  /* Two rendered summaries: the manager's and the copy. */
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "call_summary"), ==, 2);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM email_queue WHERE recipient = 'manager' "
                                       "AND address IS NULL AND rule = 'TW-4'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM email_queue WHERE recipient = 'address' "
                                       "AND address = 'owner@example.org' AND rule = 'TW-4'"), ==, 1);
  subject = query_text (store, "SELECT subject FROM email_queue WHERE recipient = 'manager'");
  g_assert_cmpstr (subject, ==, "Call summary: Clocks for a warehouse");
  body = query_text (store, "SELECT body FROM email_queue WHERE recipient = 'address'");
  g_assert_nonnull (strstr (body, "called Anna Levi (+972501234567, anna@example.org) of Negev Solar: reached, 7:05."));
  g_assert_nonnull (strstr (body, "Stages: Rapport, Discovery, Closing"));
  g_assert_nonnull (strstr (body, "Do you need the agreements module: yes"));
  g_assert_nonnull (strstr (body, "How many employees clock in: 40"));
  /* The lead's details the deal already had are in the summary too. */
  g_assert_nonnull (strstr (body, "Which mobile reaches you: +972501234567"));
  g_assert_nonnull (strstr (body, "Wants a demo of the agreements module"));

  queued = crm_store_list_queued_emails (store, deal);
  g_assert_cmpstrv (queued, ((const char *[]) { "Call summary: Clocks for a warehouse",
                                                "Call summary: Clocks for a warehouse (copy to owner@example.org)",
                                                NULL }));
  g_assert_cmpstr (crm_email_template_get_label (queued[0]), ==, queued[0]);
}

/* TW-4: the summary is written in the rep's language. */
static void
test_rule_tw_4_summary_in_the_users_language (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "שעונים למפעל", "hot_lead");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  CrmCallRecord record = {
    .deal_id = deal,
    .outcome = CRM_CALL_REACHED,
    .duration = 60,
    .note = "רוצה הדגמה",
    .next_contact = tomorrow,
  };

  g_setenv ("LANGUAGE", "he", TRUE);
  g_assert_cmpint (crm_store_log_call (store, &record, &error), >, 0);
  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_no_error (error);

  subject = query_text (store, "SELECT subject FROM email_queue WHERE recipient = 'manager'");
  g_assert_cmpstr (subject, ==, "סיכום שיחה: שעונים למפעל");
  /* No copy address is set: the manager's summary only. */
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "call_summary"), ==, 1);
}

/* TW-4: a reached call needs its result and the next contact, unless the
 * deal is closed; a refused record writes nothing and the call goes on. */
static void
test_rule_tw_4_reached_call_needs_note_and_next_contact (Fixture       *fixture,
                                                          gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a clinic", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(GError) error = NULL;
  CrmPipeline *pipeline = crm_store_find_pipeline (store, "sales");

  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "  ", tomorrow, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Interested", NULL, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_clear_error (&error);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_NONE, "Interested", tomorrow, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (is_finished (call));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM email_queue"), ==, 0);

  /* A won deal has no next contact to agree. */
  g_assert_true (crm_store_move_deal (store, deal,
                                      crm_stage_get_id (crm_store_find_stage_by_key (store, crm_pipeline_get_id (pipeline), "won")),
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Thanked them", NULL, 0, &error), >, 0);
  g_assert_no_error (error);
}

/* TW-1: a call with no answer walks the attempt ladder as the No Answer
 * button does, to the closing; an agreed next contact stops it. */
static void
test_rule_tw_1_no_answer_walks_the_ladder (Fixture       *fixture,
                                           gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a mall", "hot_lead");
  gint64 other = new_deal (store, "Clocks for a port", "hot_lead");
  g_autoptr(GDateTime) evening = g_date_time_add_hours (fixture->clock.now, 8);
  g_autoptr(CrmCallSession) first = start_call (store, deal, NULL);
  g_autoptr(CrmCallSession) second = NULL;
  g_autoptr(CrmCallSession) busy = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(CrmDeal) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_call_session_finish (first, CRM_CALL_NO_ANSWER, NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_attempts (store, deal), ==, 1);
  task = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Call again (attempt 2)");
  g_assert_cmpint (g_date_time_difference (crm_task_get_due_at (task), fixture->clock.now), ==, 2 * HOUR);

  crm_test_clock_advance (&fixture->clock, 2 * HOUR);
  second = start_call (store, deal, NULL);
  g_assert_cmpint (crm_call_session_finish (second, CRM_CALL_BUSY, NULL, NULL, crm_task_get_id (task), &error), >, 0);
  g_assert_no_error (error);

  /* The ladder's end closes the deal, in the same write as the attempt. */
  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_kind (loaded), ==, CRM_STAGE_LOST);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM deals WHERE loss_reason = 'could_not_reach'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE outcome = 'failed'"), ==, 1);

  /* Busy, but the customer's secretary named a time: no ladder. */
  busy = start_call (store, other, NULL);
  g_assert_cmpint (crm_call_session_finish (busy, CRM_CALL_BUSY, "Secretary: call at six", evening, 0, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&task);
  task = only_open_task (store, other);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Next contact");
  g_assert_true (g_date_time_equal (crm_task_get_due_at (task), evening));
}

/* A wrong number asks for the right one tomorrow. */
static void
test_wrong_number_asks_for_the_right_one (Fixture       *fixture,
                                          gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a farm", "website");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_WRONG_NUMBER, NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  task = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Find the right phone number");
  g_assert_cmpint (g_date_time_difference (crm_task_get_due_at (task), fixture->clock.now), ==, DAY);
  g_assert_cmpuint (crm_store_count_attempts (store, deal), ==, 0);
}

/* AXL-7: the opening line names the rep, our company, the contact and
 * where the request came from. */
static void
test_rule_axl_7_opening_filled_in (Fixture       *fixture,
                                   gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 web = new_deal (store, "Landing page", "website");
  gint64 inbound = new_deal (store, "Radiators", "inbound_call");
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(CrmCallSession) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opening = NULL;
  gint64 manager = crm_user_get_id (crm_store_get_current_user (store));
  gint64 rep = add_rep (store, "Dan Cohen");

  _crm_store_set_current_user (store, rep);
  call = start_call (store, web, NULL);

  /* Nothing known of our company yet: the rep says it in their words. */
  opening = crm_call_session_dup_opening (call);
  g_assert_cmpstr (opening, ==, "Hello Anna Levi, my name is Dan Cohen, company …. You left a request on our website.");
  g_clear_pointer (&opening, g_free);

  _crm_store_set_current_user (store, manager);
  g_assert_true (crm_store_set_setting (store, "organization-name", "  TimeWise Ltd ", &error));
  g_assert_no_error (error);
  _crm_store_set_current_user (store, rep);
  opening = crm_call_session_dup_opening (call);
  g_assert_cmpstr (opening, ==, "Hello Anna Levi, my name is Dan Cohen, company TimeWise Ltd. "
                                "You left a request on our website.");

  /* A script without an opening has none. */
  other = start_call (store, inbound, NULL);
  g_assert_null (crm_call_session_dup_opening (other));
}

/* CON-4: no price on a first conversation unless demanded, and then the
 * lower bound of the catalogue; a later call is not a first one. */
static void
test_rule_con_4_first_conversation_and_price_floor (Fixture       *fixture,
                                                    gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a bank", "hot_lead");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(CrmCallSession) later = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(CrmProduct) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *floor_text = NULL;
  g_autofree char *expected = NULL;
  gint64 cheapest, basic, floor = 0;

  g_assert_false (crm_store_get_price_floor (store, "ILS", &floor));
  cheapest = crm_store_add_product (store, "Reporting module", 90000, "ILS", &error);
  basic = crm_store_add_product (store, "Attendance clock", 189000, "ils", &error);
  crm_store_add_product (store, "Cloud licence", 5000, "USD", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cheapest, >, 0);
  g_assert_cmpint (basic, >, 0);

  g_assert_true (crm_store_get_price_floor (store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 90000);
  g_assert_true (crm_store_set_product_active (store, cheapest, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_get_price_floor (store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 189000);
  g_assert_false (crm_store_get_price_floor (store, "EUR", &floor));

  /* Active first, then by name; currencies as upper-case codes. */
  products = crm_store_get_products (store);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 3);
  first = g_list_model_get_item (products, 0);
  g_assert_cmpstr (crm_product_get_name (first), ==, "Attendance clock");
  g_assert_cmpstr (crm_product_get_currency (first), ==, "ILS");
  g_assert_true (crm_product_get_active (first));

  call = start_call (store, deal, NULL);
  g_assert_true (crm_call_session_is_first_conversation (call));
  walk_sales_call (call);
  note = crm_call_session_dup_record_note (call);
  g_assert_nonnull (strstr (note, "No price was named in this first conversation."));
  g_clear_pointer (&note, g_free);

  crm_call_session_set_price_demanded (call, TRUE);
  g_assert_true (crm_call_session_get_price_demanded (call));
  note = crm_call_session_dup_record_note (call);
  floor_text = crm_format_amount (189000, "ILS");
  expected = g_strdup_printf ("The customer asked for the price; the lower bound, %s, was given.", floor_text);
  g_assert_nonnull (strstr (note, expected));

  g_assert_false (crm_store_deal_had_conversation (store, deal));
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, note, tomorrow, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (crm_store_deal_had_conversation (store, deal));

  later = start_call (store, deal, NULL);
  g_assert_false (crm_call_session_is_first_conversation (later));
}

/* CON-4: a call-back or an attempt is no conversation; a meeting is. */
static void
test_rule_con_4_what_counts_as_a_conversation (Fixture       *fixture,
                                               gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a port", "hot_lead");
  g_autoptr(GError) error = NULL;

  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_CALL_BACK, 20, "Driving", &error);
  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_NO_ANSWER, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (crm_store_deal_had_conversation (store, deal));

  crm_store_log_activity (store, deal, CRM_ACTIVITY_MEETING, CRM_CALL_NONE, 3600, "Met at the office", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_deal_had_conversation (store, deal));
}

/* RAD-10: an inbound request gets the inbound script by its source, and
 * the qualification is filled in from the call. */
static void
test_rule_rad_10_inbound_fills_qualification (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_bare_deal (store, "Radiators for a school");
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) loaded = NULL;
  g_autofree char *note = NULL;

  g_assert_true (crm_store_set_field_value (store, deal, "source", "inbound_call", &error));
  g_assert_no_error (error);

  call = start_call (store, deal, NULL);
  g_assert_cmpstr (crm_call_session_get_script (call)->key, ==, "inbound");
  crm_call_session_set_situation (call, TRUE);

  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED);
  g_assert_nonnull (strstr (error->message, "Which radiator model?"));
  g_assert_nonnull (strstr (error->message, "What is the working pressure?"));
  g_clear_error (&error);

  /* A choice is answered by its key; anything else stores nothing. */
  g_assert_false (crm_call_session_answer (call, "model", "copper", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_null (crm_call_session_get_answer (call, "model"));

  answer (call, "model", "bimetal");
  answer (call, "pressure", "10");
  answer (call, "buyer", "ТеплоСтрой");
  advance (call);

  values = crm_store_load_field_values (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "radiator_model"), ==, "bimetal");
  g_assert_cmpstr (g_hash_table_lookup (values, "working_pressure"), ==, "10");

  /* The deal had no company: the answer made one. */
  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_deal_get_company_name (loaded), ==, "ТеплоСтрой");

  /* The note names the choice, not its key. */
  note = crm_call_session_dup_record_note (call);
  g_assert_null (strstr (note, "Stages:"));
  g_assert_nonnull (strstr (note, "Radiator model: Bimetal"));
  g_assert_nonnull (strstr (note, "Working pressure: 10"));
}

/* TW-3: the script follows the deal's source, and the rep may pick
 * another one before the first stage is over. */
static void
test_rule_tw_3_script_picked_by_source (Fixture       *fixture,
                                        gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 hot = new_deal (store, "Hot", "hot_lead");
  gint64 unknown = new_deal (store, "No source", NULL);
  g_autoptr(CrmCallSession) call = start_call (store, hot, NULL);
  g_autoptr(CrmCallSession) general = start_call (store, unknown, NULL);
  g_autoptr(CrmCallSession) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  g_assert_cmpstr (crm_call_session_get_script (call)->key, ==, "sales_call");
  g_assert_cmpstr (crm_call_session_get_script (general)->key, ==, "general");

  crm_call_session_set_situation (call, TRUE);
  g_assert_true (crm_call_session_set_script (call, "inbound", &error));
  g_assert_no_error (error);
  g_object_get (call, "script-key", &key, NULL);
  g_assert_cmpstr (key, ==, "inbound");
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, 0);

  g_assert_false (crm_call_session_set_script (call, "nope", &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT);
  g_clear_error (&error);

  answer (call, "model", "steel");
  answer (call, "pressure", "6");
  advance (call);
  g_assert_false (crm_call_session_set_script (call, "sales_call", &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER);
  g_clear_error (&error);

  missing = crm_call_session_new (store, hot, "nope", &error);
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT);
  g_assert_null (missing);
  g_clear_error (&error);
  g_assert_null (crm_call_session_new (store, 999, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

/* RAD-4, TW-9 style: the department's settings, its catalogue and its
 * call scripts are the sales manager's; the model refuses a rep. */
static void
test_permissions_rep_cannot_set_settings_products_or_script (Fixture       *fixture,
                                                             gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 product;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) script = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autofree char *name = NULL;

  g_assert_true (crm_store_set_setting (store, "organization-name", "TimeWise", &error));
  product = crm_store_add_product (store, "Clock", 100000, "ILS", &error);
  g_assert_no_error (error);

  _crm_store_set_current_user (store, add_rep (store, "Rep"));
  g_assert_false (crm_store_set_setting (store, "organization-name", "Mine", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_product (store, "Free clock", 0, "ILS", &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (crm_store_set_product_active (store, product, FALSE, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  script = json_from_string ("{\"scripts\": [{\"key\": \"mine\", \"name\": {\"en\": \"Mine\"},"
                             " \"stages\": [{\"key\": \"talk\", \"name\": {\"en\": \"Talk\"}}]}]}", &error);
  g_assert_no_error (error);
  g_assert_false (crm_store_save_call_script (store, json_node_get_object (script), &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  name = crm_store_dup_setting (store, "organization-name");
  g_assert_cmpstr (name, ==, "TimeWise");
  products = crm_store_get_products (store);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 1);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (store)), ==, 3);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM products WHERE active = 1"), ==, 1);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  (*(guint *)data)++;
}

/* A manager's edit of the call scripts replaces the procedure, is kept in
 * the file, and is refused with the loader's message when invalid; a call
 * already running keeps its script. */
static void
test_manager_saves_call_script (Fixture       *fixture,
                                gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(JsonNode) good = NULL;
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  CrmProcedure *procedure = crm_store_get_procedure (store);
  guint notified = 0;

  g_signal_connect (store, "notify::procedure", G_CALLBACK (notify_cb), &notified);

  bad = json_from_string ("{\"scripts\": [{\"key\": \"mine\", \"name\": {\"en\": \"Mine\"}, "
                          "\"opening\": {\"en\": \"I am {nobody}\"},"
                          " \"stages\": [{\"key\": \"talk\", \"name\": {\"en\": \"Talk\"}}]}]}", &error);
  g_assert_no_error (error);
  g_assert_false (crm_store_save_call_script (store, json_node_get_object (bad), &error));
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);
  g_assert_true (crm_store_get_procedure (store) == procedure);
  g_assert_cmpuint (notified, ==, 0);

  good = json_from_string ("{\"scripts\": [{\"key\": \"mine\", \"name\": {\"en\": \"Mine\"},"
                           " \"stages\": [{\"key\": \"talk\", \"name\": {\"en\": \"Talk\"}}]}]}", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_save_call_script (store, json_node_get_object (good), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (store)), ==, 1);
  g_assert_null (crm_procedure_get_situation_check (crm_store_get_procedure (store)));

  /* The running call still follows the script it started with. */
  crm_call_session_set_situation (call, TRUE);
  g_assert_cmpstr (crm_call_session_get_stage (call)->key, ==, "rapport");
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Fine", tomorrow, 0, &error), >, 0);
  g_assert_no_error (error);

  /* Kept in the file. */
  g_assert_finalize_object (g_steal_pointer (&call));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = crm_test_store_new (fixture->path, NULL);
  g_assert_nonnull (crm_procedure_find_call_script (crm_store_get_procedure (fixture->store), "mine"));
}

/* Settings are checked: the copy address is an email; empty unsets. */
static void
test_settings_are_checked (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *cc = NULL;

  g_assert_null (crm_store_dup_setting (store, "call-summary-cc"));
  g_assert_false (crm_store_set_setting (store, "call-summary-cc", "the boss", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL);
  g_clear_error (&error);
  g_assert_false (crm_store_set_setting (store, "procedure-template", "{}", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  g_assert_true (crm_store_set_setting (store, "call-summary-cc", "Boss@Example.ORG", &error));
  g_assert_no_error (error);
  cc = crm_store_dup_setting (store, "call-summary-cc");
  g_assert_cmpstr (cc, ==, "Boss@example.org");
  g_assert_true (crm_store_set_setting (store, "call-summary-cc", "", &error));
  g_assert_no_error (error);
  g_assert_null (crm_store_dup_setting (store, "call-summary-cc"));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'setting'"), ==, 2);

  g_assert_cmpint (crm_store_add_product (store, " ", 100, "ILS", &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_product (store, "Clock", -1, "ILS", &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_product (store, "Clock", 100, "shekel", &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);
  g_assert_false (crm_store_set_product_active (store, 999, TRUE, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM products"), ==, 0);
}

/* A malformed phone answer is refused and saves nothing. */
static void
test_bad_input_malformed_phone_saves_nothing (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a theatre", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  guint audits = count_rows (store, "SELECT count(*) FROM audit_log");
  guint changed = 0;

  g_signal_connect (store, "deal-changed", G_CALLBACK (count_cb), &changed);
  crm_call_session_set_situation (call, TRUE);
  advance (call);

  g_assert_false (crm_call_session_answer (call, "mobile", "call me maybe", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE);
  g_clear_error (&error);
  g_assert_false (crm_call_session_answer (call, "employees", "forty", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (crm_call_session_answer (call, "agreements", "maybe", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  g_assert_cmpstr (crm_call_session_get_answer (call, "mobile"), ==, "+972501234567");
  g_assert_null (crm_call_session_get_answer (call, "employees"));
  phone = crm_store_dup_field_value (store, deal, "contact.phone");
  g_assert_cmpstr (phone, ==, "+972501234567");
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contact_phones"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_cmpuint (changed, ==, 0);
}

/* An unknown question, and a call ended twice, are refused. */
static void
test_bad_input_unknown_question_and_finish_twice (Fixture       *fixture,
                                                  gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a zoo", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_call_session_answer (call, "favourite_colour", "blue", &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_QUESTION);
  g_clear_error (&error);

  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_NO_ANSWER, NULL, NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_NO_ANSWER, NULL, NULL, 0, &error), ==, 0);
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_FINISHED);
  g_clear_error (&error);
  g_assert_false (crm_call_session_answer (call, "team_size", "ten", &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_FINISHED);
  g_clear_error (&error);
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_FINISHED);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 1);

  /* The call's length stopped with the call. */
  crm_test_clock_advance (&fixture->clock, HOUR);
  g_assert_cmpuint (crm_call_session_get_elapsed (call), ==, 0);
}

/* A task that is not the deal's is not closed by its call. */
static void
test_bad_input_task_of_another_deal (Fixture       *fixture,
                                     gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a gym", "hot_lead");
  gint64 other = new_deal (store, "Clocks for a pool", "hot_lead");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(GError) error = NULL;
  gint64 task = crm_store_add_task (store, other, "Call", tomorrow, 0, &error);
  CrmCallRecord record = {
    .deal_id = deal,
    .outcome = CRM_CALL_REACHED,
    .note = "Talked",
    .next_contact = tomorrow,
    .close_task_id = task,
  };

  g_assert_no_error (error);
  g_assert_cmpint (crm_store_log_call (store, &record, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE closed_at IS NOT NULL"), ==, 0);
}

/* Built-in fields one at a time: a contact and a company are made for a
 * name, the amount is in major units, the board's column follows. */
static void
test_set_field_value_builtins (Fixture       *fixture,
                               gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 older = new_bare_deal (store, "Older deal");
  gint64 deal = new_bare_deal (store, "Bare deal");
  g_autoptr(CrmDeal) loaded = NULL;
  g_autoptr(CrmDeal) top = NULL;
  g_autoptr(CrmDealList) list = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;

  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  list = crm_test_stage_deals (store, crm_deal_get_stage_id (loaded));
  g_clear_object (&loaded);

  /* A phone needs a contact, and a contact a name. */
  g_assert_false (crm_store_set_field_value (store, older, "contact.phone", "050-111-2222", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (crm_store_set_field_value (store, older, "contact.name", "", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (crm_store_set_field_value (store, older, "source", "a billboard", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (crm_store_set_field_value (store, older, "loss_reason", "could_not_reach", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (crm_store_set_field_value (store, older, "amount", "-5", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT);
  g_clear_error (&error);

  crm_test_clock_advance (&fixture->clock, MINUTE);
  g_assert_true (crm_store_set_field_value (store, older, "contact.name", "Yossi Mizrahi", &error));
  g_assert_true (crm_store_set_field_value (store, older, "contact.phone", "050-111-2222", &error));
  g_assert_true (crm_store_set_field_value (store, older, "company.name", "Orbit Systems", &error));
  g_assert_true (crm_store_set_field_value (store, older, "amount", "12500,50", &error));
  g_assert_no_error (error);

  amount = crm_store_dup_field_value (store, older, "amount");
  g_assert_cmpstr (amount, ==, "12500.50");
  loaded = crm_store_load_deal (store, older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_amount (loaded), ==, 1250050);
  g_assert_cmpstr (crm_deal_get_contact_name (loaded), ==, "Yossi Mizrahi");
  g_assert_cmpstr (crm_deal_get_company_name (loaded), ==, "Orbit Systems");
  /* The contact works at the company made for the deal. */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contacts ct JOIN companies co "
                                       "ON co.id = ct.company_id WHERE co.name = 'Orbit Systems'"), ==, 1);

  /* The touched deal is now on top of its column, as after a save. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  top = crm_test_list_get (list, 0);
  g_assert_cmpint (crm_deal_get_id (top), ==, older);
  g_assert_cmpint (crm_deal_get_amount (top), ==, 1250050);

  /* Search follows. */
  found = crm_store_search (store, "Orbit", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Empty clears what may be empty. */
  g_assert_true (crm_store_set_field_value (store, older, "amount", "", &error));
  g_assert_no_error (error);
  g_assert_null (crm_store_dup_field_value (store, older, "amount"));
  g_assert_null (crm_store_dup_field_value (store, deal, "contact.name"));
}

/* A procedure without call scripts still has the panel: a timed call
 * and its outcome, nothing else. */
static void
test_plain_call_without_script (Fixture       *fixture,
                                gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Plain", NULL);
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(CrmActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) visited = NULL;
  g_autofree char *note = NULL;

  g_assert_null (crm_call_session_get_script (call));
  g_assert_false (crm_call_session_needs_situation_check (call));
  g_assert_cmpint (crm_call_session_get_stage_index (call), ==, -1);
  g_assert_null (crm_call_session_dup_opening (call));
  g_assert_false (crm_call_session_is_complete (call));
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT);
  g_clear_error (&error);
  visited = crm_call_session_dup_visited_stages (call);
  g_assert_cmpstrv (visited, ((const char *[]) { NULL }));
  note = crm_call_session_dup_record_note (call);
  g_assert_cmpstr (note, ==, "");

  crm_test_clock_advance (&fixture->clock, 90 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Talked", tomorrow, 0, &error), >, 0);
  g_assert_no_error (error);
  activity = newest_activity (store, deal);
  g_assert_cmpuint (crm_activity_get_duration (activity), ==, 90);
  g_assert_null (crm_activity_get_script (activity));
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, NULL), ==, 0);
}

/* The call's record note: readable lines of what the call went through;
 * what the deal already knew (the contact's phone) is not news. */
static void
test_record_note_lines (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 deal = new_deal (fixture->store, "Clocks for an airport", "hot_lead");
  g_autoptr(CrmCallSession) call = start_call (fixture->store, deal, NULL);
  g_autofree char *note = NULL;

  walk_sales_call (call);
  note = crm_call_session_dup_record_note (call);
  g_assert_cmpstr (note, ==,
                   "How many people work with you: about twenty\n"
                   "Agreements module: yes\n"
                   "Employees: 40\n"
                   "Done: Asked about the business\n"
                   "No price was named in this first conversation.");
}

static const CrmScriptQuestion *
find_question (const CrmCallScript *script,
               const char          *key)
{
  for (guint s = 0; s < script->stages->len; s++)
    {
      const CrmScriptStage *stage = g_ptr_array_index (script->stages, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (g_str_equal (question->key, key))
            return question;
        }
    }

  g_assert_not_reached ();
}

/* TW-2, TW-3, TW-4 on the shipped TW template: a hot lead's call from the
 * situation check through every stage to the summary, whatever the
 * template's words are. */
static void
test_rule_tw_shipped_template_full_call (Fixture       *fixture,
                                         gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "שעונים לרשת מרפאות", "hot_lead");
  g_autoptr(GDateTime) next_week = g_date_time_add_days (fixture->clock.now, 7);
  g_autoptr(CrmTask) first_task = only_open_task (store, deal);
  g_autoptr(CrmCallSession) call = NULL;
  g_autoptr(CrmActivity) activity = NULL;
  g_autoptr(CrmTask) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *agreements_line = NULL;
  g_auto(GStrv) names = NULL;
  const CrmCallScript *script;
  const CrmScriptQuestion *agreements;
  g_autofree char *stages_line = NULL;

  g_assert_true (crm_store_set_setting (store, "call-summary-cc", "ceo@example.co.il", &error));
  g_assert_no_error (error);

  call = start_call (store, deal, NULL);
  script = crm_call_session_get_script (call);
  g_assert_nonnull (script);
  g_assert_cmpuint (script->stages->len, ==, 4);
  agreements = find_question (script, "agreements");
  g_assert_true (agreements->mandatory);
  g_assert_cmpstr (agreements->field, ==, "agreements_module");

  /* TW-2 first. */
  g_assert_true (crm_call_session_needs_situation_check (call));
  crm_call_session_set_situation (call, TRUE);
  advance (call);

  /* TW-3: no closing without the agreements question. */
  answer (call, "clocks", "3");
  answer (call, "modules", "reports");
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED);
  g_assert_nonnull (strstr (error->message, crm_text_get (&agreements->text)));
  g_clear_error (&error);

  answer (call, "agreements", "true");
  advance (call);
  advance (call);
  g_assert_true (crm_call_session_is_complete (call));
  g_assert_true (crm_call_session_get_stage (call)->guards & CRM_SCRIPT_GUARD_PAYMENT_TERMS);
  answer (call, "payment_term", crm_procedure_get_payment_term (crm_store_get_procedure (store), 0)->key);
  answer (call, "installments", "12");

  crm_test_clock_advance (&fixture->clock, 12 * MINUTE);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Wants the agreements module for 3 sites",
                                            next_week, crm_task_get_id (first_task), &error), >, 0);
  g_assert_no_error (error);

  /* The call with its four stages and twelve minutes. */
  activity = newest_activity (store, deal);
  g_assert_cmpuint (crm_activity_get_duration (activity), ==, 720);
  g_assert_cmpstr (crm_activity_get_script (activity), ==, script->key);
  g_assert_cmpuint (g_strv_length ((char **)crm_activity_get_stages (activity)), ==, 4);

  /* The lead's first task done, the next contact the new one (TW-4). */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE outcome = 'done'"), ==, 1);
  next = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_rule (next), ==, "TW-4");
  g_assert_true (g_date_time_equal (crm_task_get_due_at (next), next_week));

  /* The summary to the manager and the copy, with the answers. */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM email_queue WHERE template = 'call_summary' "
                                       "AND subject IS NOT NULL AND rule = 'TW-4'"), ==, 2);
  body = query_text (store, "SELECT body FROM email_queue WHERE recipient = 'address' "
                            "AND address = 'ceo@example.co.il'");
  g_assert_nonnull (strstr (body, "שעונים לרשת מרפאות"));
  g_assert_nonnull (strstr (body, "Negev Solar"));
  g_assert_nonnull (strstr (body, "+972501234567"));
  g_assert_nonnull (strstr (body, "12:00"));
  g_assert_nonnull (strstr (body, "Wants the agreements module for 3 sites"));
  g_assert_null (strstr (body, "{"));
  agreements_line = g_strdup_printf ("%.*s: yes", (int)strcspn (crm_text_get (&agreements->text), "?"),
                                     crm_text_get (&agreements->text));
  g_assert_nonnull (strstr (body, agreements_line));
  names = g_strdupv ((char **)crm_activity_get_stage_names (activity));
  stages_line = g_strjoinv (", ", names);
  g_assert_nonnull (strstr (body, stages_line));
}

static gint64
sales_stage_id (CrmStore   *store,
                const char *key)
{
  CrmPipeline *pipeline = crm_store_find_pipeline (store, "sales");

  return crm_stage_get_id (crm_store_find_stage_by_key (store, crm_pipeline_get_id (pipeline), key));
}

/* TW-3 on the shipped template: a reached call that found out the needs
 * moves the deal to "Needs discovered" as it is logged, through that
 * stage's required fields, in the call's transaction. */
static void
test_rule_tw_3_reached_call_moves_the_deal (Fixture       *fixture,
                                            gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Clocks for a clinic", "hot_lead");
  gint64 discovered = sales_stage_id (store, "needs_discovered");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(CrmCallSession) call = start_call (store, deal, NULL);
  g_autoptr(CrmDeal) loaded = NULL;
  g_autoptr(GError) error = NULL;

  crm_call_session_set_situation (call, TRUE);
  advance (call);
  answer (call, "clocks", "2");
  answer (call, "modules", "reports");
  crm_call_session_set_move_to_stage (call, discovered);
  g_assert_cmpint (crm_call_session_get_move_to_stage (call), ==, discovered);

  /* The stage asks for the agreements answer: nothing is logged. */
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Two sites", tomorrow, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "agreements"));
  g_clear_error (&error);
  g_assert_false (is_finished (call));
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 0);

  /* A call that did not reach the customer moves nothing. */
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_BUSY, NULL, tomorrow, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  /* Nor does a call close a deal as lost without what the closing needs:
   * the same closing rules as every path into a lost stage (HS-10, CON-8,
   * AXL-10). */
  crm_call_session_set_move_to_stage (call, sales_stage_id (store, "lost"));
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Two sites", tomorrow, 0, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Loss reason"));
  g_assert_nonnull (strstr (error->message, "Who refused"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'move'"), ==, 0);
  g_assert_false (is_finished (call));

  answer (call, "agreements", "false");
  crm_call_session_set_move_to_stage (call, discovered);
  g_assert_cmpint (crm_call_session_finish (call, CRM_CALL_REACHED, "Two sites", tomorrow, 0, &error), >, 0);
  g_assert_no_error (error);

  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (loaded), ==, discovered);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM activities WHERE kind = 'call'"), ==, 1);
}

/* AXL-7 on a newcomer's demo: the shipped opening line comes out whole,
 * with our organisation's name and the request's source. */
static void
test_rule_axl_7_demo_opening_filled_in (Fixture       *fixture,
                                        gconstpointer  data)
{
  CrmStore *store = fixture->store;
  CrmProcedure *procedure = crm_store_get_procedure (store);
  g_autoptr(CrmCallSession) call = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *organization = NULL;
  const char *website = NULL;
  gint64 deal;

  crm_test_populate (store, 40, CRM_DEMO_SEED);
  deal = crm_test_query_int (store, "SELECT min (id) FROM deals WHERE source = 'website'");
  g_assert_cmpint (deal, >, 0);
  for (guint i = 0; i < crm_procedure_get_n_sources (procedure); i++)
    if (g_str_equal (crm_procedure_get_source (procedure, i)->key, "website"))
      website = crm_text_get (&crm_procedure_get_source (procedure, i)->name);

  call = start_call (store, deal, NULL);
  opening = crm_call_session_dup_opening (call);
  organization = crm_store_dup_setting (store, "organization-name");
  g_assert_nonnull (opening);
  g_assert_nonnull (strstr (opening, organization));
  g_assert_nonnull (strstr (opening, crm_user_get_name (crm_store_get_current_user (store))));
  g_assert_nonnull (strstr (opening, website));
  g_assert_null (strstr (opening, "{"));
  g_assert_null (strstr (opening, "…"));
}

/* TW-3, TW-6: a database made before call scripts keeps its template; its
 * manager takes the shipped scripts and payment terms, a rep cannot, and
 * the rest of the template stays as it was. */
static void
test_rule_tw_3_old_database_takes_shipped_scripts (Fixture       *fixture,
                                                  gconstpointer  data)
{
  CrmStore *store = fixture->store;
  CrmProcedure *before = crm_store_get_procedure (store);
  g_autoptr(CrmProcedure) shipped = crm_procedure_load_builtin ("tw", NULL);
  g_autoptr(GError) error = NULL;
  CrmCallSession *call;
  CrmProcedure *after;
  guint n_fields = crm_procedure_get_n_fields (before);
  gint64 manager = crm_user_get_id (crm_store_get_current_user (store));
  gint64 deal_id;

  g_assert_cmpuint (crm_procedure_get_n_call_scripts (before), ==, 0);
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (before), ==, 0);
  g_assert_true (crm_procedure_has_shipped_call_script (before));

  /* Not even a rep can take them. */
  _crm_store_set_current_user (store, add_rep (store, "Rep"));
  g_assert_false (crm_store_use_shipped_call_script (store, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (crm_store_get_procedure (store) == before);

  _crm_store_set_current_user (store, manager);
  g_assert_true (crm_store_use_shipped_call_script (store, &error));
  g_assert_no_error (error);

  after = crm_store_get_procedure (store);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (after), ==, crm_procedure_get_n_call_scripts (shipped));
  g_assert_cmpuint (crm_procedure_get_call_script (after, 0)->stages->len, ==, 4);
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (after), ==, crm_procedure_get_n_payment_terms (shipped));
  g_assert_cmpuint (crm_procedure_get_n_fields (after), ==, n_fields);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'use-shipped'"
                                       " AND entity = 'call-script'"), ==, 1);

  /* The mandatory discovery question now holds a call (TW-3). */
  deal_id = new_deal (store, "Clocks for a hotel", NULL);
  call = start_call (store, deal_id, NULL);
  crm_call_session_set_situation (call, TRUE);
  advance (call);
  g_assert_false (crm_call_session_advance (call, &error));
  g_assert_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED);
  g_clear_error (&error);
  g_assert_finalize_object (call);

  /* Kept in the file. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = crm_test_store_new (fixture->path, NULL);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), >, 0);
}

/* TW-6: a template with payment terms of its own keeps them. */
static void
test_rule_tw_6_shipped_scripts_keep_own_payment_terms (Fixture       *fixture,
                                                      gconstpointer  data)
{
  CrmStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  CrmProcedure *after;

  g_assert_true (crm_store_use_shipped_call_script (store, &error));
  g_assert_no_error (error);

  after = crm_store_get_procedure (store);
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (after), ==, 1);
  g_assert_cmpstr (crm_procedure_get_payment_term (after, 0)->key, ==, "cash");
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (after), >, 0);
}

/* HS ships no call script (a plain timed call): nothing to take, and the
 * message says so. */
static void
test_no_shipped_scripts_to_take (Fixture       *fixture,
                                 gconstpointer  data)
{
  CrmStore *store = fixture->store;
  CrmProcedure *before = crm_store_get_procedure (store);
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_procedure_has_shipped_call_script (before));
  g_assert_false (crm_store_use_shipped_call_script (store, &error));
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "“hs”"));
  g_assert_true (crm_store_get_procedure (store) == before);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE entity = 'call-script'"), ==, 0);
}

/* Migration 4 keeps what a version-3 file queued. */
static void
test_migration_from_version_3_keeps_queued_emails (void)
{
  g_autofree char *dir = crm_test_make_dir ("deals-test-call-XXXXXX");
  g_autofree char *path = crm_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_auto(GStrv) queued = NULL;

  crm_test_write_old_file (path, 3,
                           "INSERT INTO pipelines (id, key, position, name_en) VALUES (1, 'sales', 0, 'Sales');"
                           "INSERT INTO stages (id, pipeline_id, key, position, kind, name_en) "
                           "  VALUES (1, 1, 'new', 0, 'open', 'New');"
                           "INSERT INTO deals (id, title, pipeline_id, stage_id, currency, created_at, updated_at) "
                           "  VALUES (1, 'Old deal', 1, 1, 'ILS', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                           "INSERT INTO email_queue (deal_id, template, recipient, rule, queued_at) "
                           "  VALUES (1, 'welcome', 'contact', 'AXL-9', '2026-01-01T00:00:00Z');"
                           "INSERT INTO email_queue (deal_id, template, recipient, rule, queued_at) "
                           "  VALUES (1, 'call_summary', 'manager', 'TW-4', '2026-01-02T00:00:00Z');"
                           "INSERT INTO activities (deal_id, kind, outcome, at) "
                           "  VALUES (1, 'call', 'reached', '2026-01-01T00:00:00Z');");

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, _crm_store_latest_schema_version ());

  queued = crm_store_list_queued_emails (store, 1);
  g_assert_cmpstrv (queued, ((const char *[]) { "welcome", "call_summary", NULL }));
  g_assert_cmpuint (crm_store_count_queued_emails (store, 1, "call_summary"), ==, 1);
  g_assert_cmpuint (crm_test_query_int (store, "SELECT count(*) FROM email_queue WHERE subject IS NULL "
                                               "AND address IS NULL AND rule IS NOT NULL"), ==, 2);
  g_assert_cmpuint (crm_test_query_int (store, "SELECT count(*) FROM activities WHERE script IS NULL "
                                               "AND stages IS NULL"), ==, 1);
  g_assert_cmpuint (crm_test_query_int (store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                               "AND name = 'email_queue_unsent'"), ==, 1);
  g_assert_cmpuint (crm_test_query_int (store, "SELECT count(*) FROM products"), ==, 0);
  g_assert_true (crm_store_deal_had_conversation (store, 1));

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_true (crm_test_remove_dir (dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/call"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, fixture_set_up, func, fixture_tear_down)

  ADD ("/call/tw-2/situation-check-comes-first", "calls", test_rule_tw_2_situation_check_first);
  ADD ("/call/tw-2/cannot-talk-ends-as-call-back", "calls", test_rule_tw_2_cannot_talk_ends_as_call_back);
  ADD ("/call/tw-3/discovery-cannot-be-skipped", "calls", test_rule_tw_3_discovery_cannot_be_skipped);
  ADD ("/call/tw-3/answers-land-in-fields", "calls", test_rule_tw_3_answers_land_in_fields);
  ADD ("/call/tw-3/known-values-count-as-answered", "calls", test_rule_tw_3_known_values_count_as_answered);
  ADD ("/call/tw-3/script-picked-by-source", "calls", test_rule_tw_3_script_picked_by_source);
  ADD ("/call/tw-4/end-of-call-creates-task-and-summary", "calls", test_rule_tw_4_end_of_call_creates_task_and_summary);
  ADD ("/call/tw-4/summary-in-the-users-language", "calls", test_rule_tw_4_summary_in_the_users_language);
  ADD ("/call/tw-4/reached-call-needs-note-and-next-contact", "calls",
       test_rule_tw_4_reached_call_needs_note_and_next_contact);
  ADD ("/call/tw-1/no-answer-walks-the-ladder", "calls", test_rule_tw_1_no_answer_walks_the_ladder);
  ADD ("/call/wrong-number-asks-for-the-right-one", "calls", test_wrong_number_asks_for_the_right_one);
  ADD ("/call/axl-7/opening-filled-in", "calls", test_rule_axl_7_opening_filled_in);
  ADD ("/call/con-4/first-conversation-and-price-floor", "calls", test_rule_con_4_first_conversation_and_price_floor);
  ADD ("/call/con-4/what-counts-as-a-conversation", "calls", test_rule_con_4_what_counts_as_a_conversation);
  ADD ("/call/rad-10/inbound-fills-qualification", "calls", test_rule_rad_10_inbound_fills_qualification);
  ADD ("/call/record-note-lines", "calls", test_record_note_lines);
  ADD ("/call/permissions/rep-cannot-set-settings-products-or-script", "calls",
       test_permissions_rep_cannot_set_settings_products_or_script);
  ADD ("/call/permissions/manager-saves-call-script", "calls", test_manager_saves_call_script);
  ADD ("/call/settings-are-checked", "calls", test_settings_are_checked);
  ADD ("/call/bad-input/malformed-phone-saves-nothing", "calls", test_bad_input_malformed_phone_saves_nothing);
  ADD ("/call/bad-input/unknown-question-and-finish-twice", "calls", test_bad_input_unknown_question_and_finish_twice);
  ADD ("/call/bad-input/task-of-another-deal", "calls", test_bad_input_task_of_another_deal);
  ADD ("/call/set-field-value/builtins", "calls", test_set_field_value_builtins);
  ADD ("/call/plain-call-without-script", "plain", test_plain_call_without_script);
  ADD ("/call/tw/shipped-template-full-call", "tw", test_rule_tw_shipped_template_full_call);
  ADD ("/call/tw-3/reached-call-moves-the-deal", "tw", test_rule_tw_3_reached_call_moves_the_deal);
  ADD ("/call/axl-7/demo-opening-filled-in", "axl", test_rule_axl_7_demo_opening_filled_in);
  ADD ("/call/tw-3/old-database-takes-shipped-scripts", "tw-old", test_rule_tw_3_old_database_takes_shipped_scripts);
  ADD ("/call/tw-6/shipped-scripts-keep-own-payment-terms", "tw-old-terms",
       test_rule_tw_6_shipped_scripts_keep_own_payment_terms);
  ADD ("/call/no-shipped-scripts-to-take", "hs", test_no_shipped_scripts_to_take);
  /* An old file as an earlier Deals left it: no server database predates
   * team mode, so the migration from it is a file's. */
  crm_test_add_func_sqlite ("/call/migration/from-version-3-keeps-queued-emails",
                            test_migration_from_version_3_keeps_queued_emails);

  return g_test_run ();
}
