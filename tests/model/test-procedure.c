/* test-procedure.c
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

#define G_LOG_DOMAIN "test-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "crm-procedure.h"

/* The smallest valid template; the invalid-template tests each break one
 * thing in a copy of it, so a failure can only come from that change. */
static const char minimal_template[] =
  "{"
  "  \"format\": 1,"
  "  \"id\": \"mini\","
  "  \"name\": {\"en\": \"Mini\", \"he\": \"מיני\", \"ru\": \"Мини\"},"
  "  \"description\": {\"en\": \"A test template\"},"
  "  \"country\": \"IL\","
  "  \"currency\": \"ILS\","
  "  \"pipelines\": [{"
  "    \"key\": \"sales\","
  "    \"name\": {\"en\": \"Sales\"},"
  "    \"stages\": ["
  "      {\"key\": \"new\", \"name\": {\"en\": \"New\"}, \"kind\": \"open\"},"
  "      {\"key\": \"qualified\", \"name\": {\"en\": \"Qualified\"}, \"kind\": \"open\","
  "       \"rules\": {\"required\": [\"platform\", \"contact.phone\"],"
  "                   \"tasks\": [{\"title\": {\"en\": \"Call\"}, \"due\": \"PT30M\"}]}},"
  "      {\"key\": \"won\", \"name\": {\"en\": \"Won\"}, \"kind\": \"won\"},"
  "      {\"key\": \"lost\", \"name\": {\"en\": \"Lost\"}, \"kind\": \"lost\"}"
  "    ]"
  "  }],"
  "  \"fields\": [{"
  "    \"key\": \"platform\", \"entity\": \"deal\", \"type\": \"choice\","
  "    \"name\": {\"en\": \"Platform\"},"
  "    \"choices\": [{\"key\": \"tilda\", \"name\": {\"en\": \"Tilda\"}}]"
  "  }],"
  "  \"sources\": [{\"key\": \"website\", \"name\": {\"en\": \"Website\"}}],"
  "  \"loss_reasons\": [{\"key\": \"could_not_reach\", \"name\": {\"en\": \"Could not reach\"}}]"
  "}";

static CrmProcedure *
load_builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  CrmProcedure *procedure;

  procedure = crm_procedure_load_builtin (id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (procedure);
  g_assert_cmpstr (crm_procedure_get_id (procedure), ==, id);

  return procedure;
}

static const CrmProcedurePipeline *
find_pipeline (CrmProcedure *procedure,
               const char   *key)
{
  const CrmProcedurePipeline *pipeline = crm_procedure_find_pipeline (procedure, key);

  g_assert_nonnull (pipeline);

  return pipeline;
}

static const CrmProcedureStage *
find_stage (CrmProcedure *procedure,
            const char   *pipeline_key,
            const char   *stage_key)
{
  const CrmProcedureStage *stage = crm_procedure_find_stage (procedure, pipeline_key, stage_key);

  g_assert_nonnull (stage);

  return stage;
}

static void
assert_stages (const CrmProcedurePipeline *pipeline,
               const char * const         *keys,
               const CrmStageKind         *kinds)
{
  g_assert_cmpuint (pipeline->stages->len, ==, g_strv_length ((char **) keys));

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);

      g_assert_cmpstr (stage->key, ==, keys[i]);
      g_assert_cmpint (stage->kind, ==, kinds[i]);
    }
}

static JsonArray *
get_rule_array (const CrmProcedureStage *stage,
                const char              *member)
{
  g_assert_nonnull (stage->rules);
  g_assert_true (json_object_has_member (stage->rules, member));

  return json_object_get_array_member (stage->rules, member);
}

static gboolean
stage_requires (const CrmProcedureStage *stage,
                const char              *key)
{
  JsonArray *required;

  if (stage->rules == NULL || !json_object_has_member (stage->rules, "required"))
    return FALSE;

  required = json_object_get_array_member (stage->rules, "required");

  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      if (g_str_equal (json_array_get_string_element (required, i), key))
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
get_task (const CrmProcedureStage *stage,
          guint                    index)
{
  JsonArray *tasks = get_rule_array (stage, "tasks");

  g_assert_cmpuint (index, <, json_array_get_length (tasks));

  return json_array_get_object_element (tasks, index);
}

static void
assert_task (const CrmProcedureStage *stage,
             const char              *title_en,
             const char              *due,
             GTimeSpan                span)
{
  JsonObject *task = get_task (stage, 0);
  JsonObject *title = json_object_get_object_member (task, "title");
  GTimeSpan parsed;

  g_assert_cmpstr (json_object_get_string_member (title, "en"), ==, title_en);
  g_assert_cmpstr (json_object_get_string_member (task, "due"), ==, due);
  g_assert_true (crm_procedure_parse_duration (due, &parsed));
  g_assert_cmpint (parsed, ==, span);
}

static const char *
choice_key (const CrmProcedureField *field,
            guint                    index)
{
  g_assert_cmpuint (index, <, field->choices->len);

  return ((const CrmProcedureChoice *) g_ptr_array_index (field->choices, index))->key;
}

static void
assert_translated (const CrmText *text,
                   const char    *what)
{
  if (text->en == NULL || text->he == NULL || text->ru == NULL)
    g_error ("%s lacks a translation (en “%s”, he “%s”, ru “%s”)",
             what, text->en, text->he, text->ru);

  g_assert_cmpstr (text->en, !=, "");
  g_assert_cmpstr (text->he, !=, "");
  g_assert_cmpstr (text->ru, !=, "");
}

static void
assert_choices_translated (GPtrArray  *choices,
                           const char *what)
{
  for (guint i = 0; i < choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (choices, i);
      g_autofree char *label = g_strdup_printf ("%s “%s”", what, choice->key);

      assert_translated (&choice->name, label);
    }
}

static void
test_builtin_ids (void)
{
  const char * const *ids = crm_procedure_get_builtin_ids ();
  const char * const expected[] = { "tw", "hs", "rad", "con", "axl", NULL };

  g_assert_cmpstrv (ids, expected);
}

/* Every shipped template loads, is fully translated into Hebrew and
 * Russian, and survives a round trip through its own bytes (which is how
 * the store will read it back from the database). */
static void
test_builtin_loads (gconstpointer data)
{
  const char *id = data;
  g_autoptr(CrmProcedure) procedure = load_builtin (id);
  g_autoptr(CrmProcedure) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);
  g_autofree char *property_id = NULL;
  GBytes *bytes;
  gsize length;
  const char *json;

  assert_translated (crm_procedure_get_name (procedure), "procedure name");
  assert_translated (crm_procedure_get_description (procedure), "procedure description");

  g_object_get (procedure, "id", &property_id, NULL);
  g_assert_cmpstr (property_id, ==, id);

  for (guint i = 0; i < crm_procedure_get_n_pipelines (procedure); i++)
    {
      const CrmProcedurePipeline *pipeline = crm_procedure_get_pipeline (procedure, i);
      guint n_won = 0;
      guint n_lost = 0;

      assert_translated (&pipeline->name, pipeline->key);

      for (guint j = 0; j < pipeline->stages->len; j++)
        {
          const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, j);

          assert_translated (&stage->name, stage->key);
          n_won += stage->kind == CRM_STAGE_WON;
          n_lost += stage->kind == CRM_STAGE_LOST;
        }

      /* Every department's pipeline ends won or lost. */
      g_assert_cmpuint (n_won, ==, 1);
      g_assert_cmpuint (n_lost, ==, 1);
    }

  for (guint i = 0; i < crm_procedure_get_n_fields (procedure); i++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (procedure, i);

      assert_translated (&field->name, field->key);
      assert_choices_translated (field->choices, field->key);
      g_assert_true (g_str_equal (field->entity, "deal") || g_str_equal (field->entity, "contact"));
      g_assert_true (crm_procedure_find_field (procedure, field->key) == field);
      g_assert_cmpuint (field->choices->len > 0, ==, field->type == CRM_FIELD_CHOICE);
    }

  g_assert_cmpuint (crm_procedure_get_n_sources (procedure), >, 0);
  for (guint i = 0; i < crm_procedure_get_n_sources (procedure); i++)
    assert_translated (&crm_procedure_get_source (procedure, i)->name, "source");

  g_assert_cmpuint (crm_procedure_get_n_loss_reasons (procedure), >, 0);
  for (guint i = 0; i < crm_procedure_get_n_loss_reasons (procedure); i++)
    assert_translated (&crm_procedure_get_loss_reason (procedure, i)->name, "loss reason");

  bytes = crm_procedure_get_bytes (procedure);
  json = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >, 0);

  reloaded = crm_procedure_new_from_data (json, length, file_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_procedure_get_id (reloaded), ==, id);
  g_assert_cmpuint (crm_procedure_get_n_pipelines (reloaded), ==,
                    crm_procedure_get_n_pipelines (procedure));
  g_assert_cmpuint (crm_procedure_get_n_fields (reloaded), ==,
                    crm_procedure_get_n_fields (procedure));
  g_assert_true (g_bytes_equal (crm_procedure_get_bytes (reloaded), bytes));

  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&procedure));
}

static void
test_builtin_regions (void)
{
  const struct {
    const char *id;
    const char *country;
    const char *currency;
  } expected[] = {
    { "tw", "IL", "ILS" },
    { "hs", "IL", "ILS" },
    { "rad", "RU", "RUB" },
    { "con", "RU", "RUB" },
    { "axl", "RU", "RUB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CrmProcedure) procedure = load_builtin (expected[i].id);
      g_autofree char *country = NULL;

      g_assert_cmpstr (crm_procedure_get_country (procedure), ==, expected[i].country);
      g_assert_cmpstr (crm_procedure_get_currency (procedure), ==, expected[i].currency);

      g_object_get (procedure, "country", &country, NULL);
      g_assert_cmpstr (country, ==, expected[i].country);
    }
}

static void
test_rule_tw_pipeline (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("tw");
  const char * const keys[] = {
    "new_lead", "contacted", "needs_discovered", "presentation", "quote_sent",
    "awaiting_payment", "won", "lost", NULL
  };
  const CrmStageKind kinds[] = {
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN,
    CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST
  };
  const CrmProcedureField *field;

  g_assert_cmpuint (crm_procedure_get_n_pipelines (procedure), ==, 1);
  assert_stages (find_pipeline (procedure, "sales"), keys, kinds);

  /* TW-3: forgetting to ask about agreements kills the deal. */
  field = crm_procedure_find_field (procedure, "agreements_module");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, CRM_FIELD_BOOLEAN);
  g_assert_true (stage_requires (find_stage (procedure, "sales", "needs_discovered"),
                                 "agreements_module"));
}

/* TW-6: the payment terms in the order of preference. */
static void
test_rule_tw_6_payment_terms (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("tw");
  const char * const expected[] = {
    "credit_card", "bank_transfer", "card_standing_order", "bank_standing_order", "cheques",
  };
  const CrmProcedureField *field = crm_procedure_find_field (procedure, "payment_term");

  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, CRM_FIELD_CHOICE);
  g_assert_cmpstr (field->rule, ==, "TW-6");
  g_assert_cmpuint (field->choices->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (choice_key (field, i), ==, expected[i]);
}

static JsonObject *
get_step (JsonArray *ladder,
          guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (ladder));

  return json_array_get_object_element (ladder, index);
}

static const char *
step_action (JsonObject *step)
{
  return json_object_get_string_member (step, "action");
}

static GTimeSpan
step_delay (JsonObject *step)
{
  GTimeSpan span = 0;

  if (json_object_has_member (step, "delay"))
    g_assert_true (crm_procedure_parse_duration (json_object_get_string_member (step, "delay"),
                                                 &span));

  return span;
}

/* TW-1: three calls on the day, the fourth from a blocked number, then an
 * email asking the customer to get in touch. */
static void
test_rule_tw_1_attempt_ladder (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("tw");
  JsonArray *ladder = crm_procedure_get_attempt_ladder (procedure);
  GTimeSpan first_three = 0;

  g_assert_nonnull (ladder);
  g_assert_cmpuint (json_array_get_length (ladder), ==, 5);

  for (guint i = 0; i < 3; i++)
    {
      JsonObject *step = get_step (ladder, i);

      g_assert_cmpstr (step_action (step), ==, "call");
      first_three += step_delay (step);
    }

  g_assert_cmpint (first_three, <, G_TIME_SPAN_DAY);
  g_assert_cmpstr (step_action (get_step (ladder, 3)), ==, "call_hidden");
  g_assert_cmpstr (step_action (get_step (ladder, 4)), ==, "email");
  g_assert_true (json_object_has_member (get_step (ladder, 4), "template"));
}

/* HS: Phone → Meeting → Quote → Won | Lost, exactly. */
static void
test_rule_hs_stages (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("hs");
  const char * const keys[] = { "phone", "meeting", "quote", "won", "lost", NULL };
  const CrmStageKind kinds[] = {
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST
  };
  const char * const sources[] = { "web_form", "imported_list", "referral", "phone" };

  g_assert_cmpuint (crm_procedure_get_n_pipelines (procedure), ==, 1);
  assert_stages (find_pipeline (procedure, "sales"), keys, kinds);

  /* HS-2: a valid email and mobile phone before the deal is worked. */
  g_assert_true (stage_requires (find_stage (procedure, "sales", "phone"), "contact.email"));
  g_assert_true (stage_requires (find_stage (procedure, "sales", "phone"), "contact.phone"));

  /* HS-10: a lost deal needs a loss reason. */
  g_assert_true (stage_requires (find_stage (procedure, "sales", "lost"), "loss_reason"));

  /* HS-1: web forms (the Leadometer), imported lists, … */
  g_assert_cmpuint (crm_procedure_get_n_sources (procedure), ==, G_N_ELEMENTS (sources));
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_assert_cmpstr (crm_procedure_get_source (procedure, i)->key, ==, sources[i]);

  /* HS-3: the classification is a built-in contact column, not a custom field. */
  g_assert_null (crm_procedure_find_field (procedure, "classification"));
}

/* RAD-9: the funnel exactly as written; the ninth stage is the win. */
static void
test_rule_rad_9_stages (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("rad");
  const char * const keys[] = {
    "new_request", "stock_check", "qualification", "invoice", "order_approved", "order_paid",
    "delivery_preparation", "delivery", "documents_signed", "refused", NULL
  };
  const CrmStageKind kinds[] = {
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN,
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST
  };
  const CrmProcedurePipeline *pipeline;
  const CrmProcedureStage *signed_stage;

  g_assert_cmpuint (crm_procedure_get_n_pipelines (procedure), ==, 1);
  pipeline = find_pipeline (procedure, "sales");
  assert_stages (pipeline, keys, kinds);

  signed_stage = g_ptr_array_index (pipeline->stages, 8);
  g_assert_cmpstr (signed_stage->name.ru, ==, "Документы подписаны, возвращены в офис");
}

/* RAD-5: every open deal has a current task, so every open stage sets one. */
static void
test_rule_rad_5_open_stages_have_tasks (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("rad");
  const CrmProcedurePipeline *pipeline = find_pipeline (procedure, "sales");

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);

      if (stage->kind == CRM_STAGE_OPEN)
        g_assert_cmpuint (json_array_get_length (get_rule_array (stage, "tasks")), >=, 1);
    }
}

/* RAD-8: no contact name and phone, no work – from the first stage on. */
static void
test_rule_rad_8_contact_required (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("rad");
  const CrmProcedurePipeline *pipeline = find_pipeline (procedure, "sales");

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);

      if (stage->kind == CRM_STAGE_LOST)
        continue;

      g_assert_true (stage_requires (stage, "contact.name"));
      g_assert_true (stage_requires (stage, "contact.phone"));
    }
}

/* RAD-10: the twelve qualification fields, all required before the invoice. */
static void
test_rule_rad_10_qualification_fields (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("rad");
  const CrmProcedureStage *invoice = find_stage (procedure, "sales", "invoice");
  const CrmProcedureStage *qualification = find_stage (procedure, "sales", "qualification");
  const CrmProcedureField *field;
  guint n_rad_10 = 0;

  for (guint i = 0; i < crm_procedure_get_n_fields (procedure); i++)
    {
      field = crm_procedure_get_field (procedure, i);

      if (g_strcmp0 (field->rule, "RAD-10") != 0)
        continue;

      n_rad_10++;
      g_assert_cmpstr (field->entity, ==, "deal");
      g_assert_true (stage_requires (invoice, field->key));
      g_assert_false (stage_requires (qualification, field->key));
    }

  g_assert_cmpuint (n_rad_10, ==, 12);

  field = crm_procedure_find_field (procedure, "valves");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, CRM_FIELD_CHOICE);
  g_assert_cmpuint (field->choices->len, ==, 2);
  g_assert_cmpstr (choice_key (field, 0), ==, "angled");
  g_assert_cmpstr (choice_key (field, 1), ==, "straight");

  field = crm_procedure_find_field (procedure, "payment_form");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, CRM_FIELD_CHOICE);
  g_assert_cmpuint (field->choices->len, ==, 2);
  g_assert_cmpstr (choice_key (field, 0), ==, "cash");
  g_assert_cmpstr (choice_key (field, 1), ==, "bank");

  field = crm_procedure_find_field (procedure, "working_pressure");
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, CRM_FIELD_NUMBER);
  g_assert_cmpstr (field->name.ru, ==, "Рабочее давление");
}

/* CON-1..11: the contract-driven pipeline and the CON-9 deal parameters. */
static void
test_rule_con_pipeline (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("con");
  const char * const keys[] = {
    "first_contact", "needs_recorded", "questionnaire_sent", "meeting", "proposal",
    "contract_drafting", "contract_signed", "invoiced", "paid", "refused", NULL
  };
  const CrmStageKind kinds[] = {
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN,
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST
  };
  const char * const con_9[] = {
    "legal_details", "subject", "terms", "deadlines", "preferred_executor", "client_location",
  };
  const CrmProcedureStage *drafting;

  assert_stages (find_pipeline (procedure, "sales"), keys, kinds);

  drafting = find_stage (procedure, "sales", "contract_drafting");
  for (guint i = 0; i < G_N_ELEMENTS (con_9); i++)
    {
      const CrmProcedureField *field = crm_procedure_find_field (procedure, con_9[i]);

      g_assert_nonnull (field);
      g_assert_cmpstr (field->rule, ==, "CON-9");
    }

  g_assert_true (stage_requires (drafting, "amount"));
  g_assert_true (stage_requires (drafting, "legal_details"));
  /* "Preferred executor (possibly)": asked, never required. */
  g_assert_false (stage_requires (drafting, "preferred_executor"));

  /* CON-2: name and position on first contact; CON-8: who refused. */
  g_assert_true (stage_requires (find_stage (procedure, "sales", "first_contact"),
                                 "contact.position"));
  g_assert_true (stage_requires (find_stage (procedure, "sales", "refused"), "refused_by"));
}

/* AXL-8: the sales pipeline exactly, and Launched moves to production. */
static void
test_rule_axl_8_pipelines (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");
  const char * const keys[] = {
    "new_request", "taken_into_work", "qualified", "proposal_sent", "two_plus_attempts",
    "start_agreed", "contract_issued", "launched", "refused", NULL
  };
  const CrmStageKind kinds[] = {
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_OPEN,
    CRM_STAGE_OPEN, CRM_STAGE_OPEN, CRM_STAGE_WON, CRM_STAGE_LOST
  };
  const CrmProcedureStage *launched;
  JsonObject *move_to;

  g_assert_cmpuint (crm_procedure_get_n_pipelines (procedure), ==, 2);
  g_assert_cmpstr (crm_procedure_get_pipeline (procedure, 0)->key, ==, "sales");
  g_assert_cmpstr (crm_procedure_get_pipeline (procedure, 1)->key, ==, "production");
  assert_stages (find_pipeline (procedure, "sales"), keys, kinds);

  launched = find_stage (procedure, "sales", "launched");
  g_assert_nonnull (launched->rules);
  move_to = json_object_get_object_member (launched->rules, "move_to");
  g_assert_nonnull (move_to);
  g_assert_cmpstr (json_object_get_string_member (move_to, "pipeline"), ==, "production");
  g_assert_nonnull (find_stage (procedure, "production",
                                json_object_get_string_member (move_to, "stage")));
}

/* AXL-9: Taken into work requires the platform and sets "Contact the client
 * – qualify", due in 30 minutes; web-form leads get the welcome email. */
static void
test_rule_axl_9_required_platform (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");
  const CrmProcedureStage *stage = find_stage (procedure, "sales", "taken_into_work");
  const CrmProcedureField *platform = crm_procedure_find_field (procedure, "platform");
  JsonObject *email;
  gboolean has_tilda = FALSE;

  g_assert_true (stage_requires (stage, "platform"));
  g_assert_false (stage_requires (find_stage (procedure, "sales", "new_request"), "platform"));
  assert_task (stage, "Contact the client – qualify", "PT30M", 30 * G_TIME_SPAN_MINUTE);

  email = json_array_get_object_element (get_rule_array (stage, "emails"), 0);
  g_assert_cmpstr (json_object_get_string_member (email, "template"), ==, "welcome");
  g_assert_cmpstr (json_object_get_string_member (email, "source"), ==, "website");

  /* "Platform" is a drop-down. */
  g_assert_nonnull (platform);
  g_assert_cmpint (platform->type, ==, CRM_FIELD_CHOICE);
  for (guint i = 0; i < platform->choices->len; i++)
    has_tilda |= g_str_equal (choice_key (platform, i), "tilda");
  g_assert_true (has_tilda);
}

/* AXL-9: Qualified requires niche and source, then "Send proposal" in 4 h. */
static void
test_rule_axl_9_qualified (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");
  const CrmProcedureStage *stage = find_stage (procedure, "sales", "qualified");
  const CrmProcedureField *niche = crm_procedure_find_field (procedure, "niche");

  g_assert_true (stage_requires (stage, "niche"));
  g_assert_true (stage_requires (stage, "source"));
  assert_task (stage, "Send proposal", "PT4H", 4 * G_TIME_SPAN_HOUR);

  /* "source" is the deal's built-in column, "niche" a custom field. */
  g_assert_null (crm_procedure_find_field (procedure, "source"));
  g_assert_nonnull (niche);
  g_assert_cmpint (niche->type, ==, CRM_FIELD_TEXT);
}

/* AXL-9: the later stages' tasks, each due in one day. */
static void
test_rule_axl_9_later_tasks (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");

  assert_task (find_stage (procedure, "sales", "proposal_sent"),
               "Handle objections", "P1D", G_TIME_SPAN_DAY);
  assert_task (find_stage (procedure, "sales", "start_agreed"),
               "Prepare contract and invoice", "P1D", G_TIME_SPAN_DAY);
  g_assert_true (stage_requires (find_stage (procedure, "sales", "contract_issued"),
                                 "contract_link"));
}

/* AXL-10: closing sends the client an email and gives the head of sales a
 * "Check this closing" task. */
static void
test_rule_axl_10_refusal (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");
  const CrmProcedureStage *refused = find_stage (procedure, "sales", "refused");
  JsonObject *task = get_task (refused, 0);

  g_assert_cmpint (refused->kind, ==, CRM_STAGE_LOST);
  g_assert_true (stage_requires (refused, "loss_reason"));
  g_assert_cmpstr (json_object_get_string_member (task, "assignee"), ==, "manager");
  g_assert_cmpuint (json_array_get_length (get_rule_array (refused, "emails")), ==, 1);
}

/* AXL-1: no answer → +1 hour → +1 day → two attempts an hour apart → close
 * as "could not reach". */
static void
test_rule_axl_1_attempt_ladder (void)
{
  g_autoptr(CrmProcedure) procedure = load_builtin ("axl");
  JsonArray *ladder = crm_procedure_get_attempt_ladder (procedure);
  const GTimeSpan call_delays[] = { 0, G_TIME_SPAN_HOUR, G_TIME_SPAN_DAY, G_TIME_SPAN_HOUR };
  guint n_calls = 0;
  JsonObject *last;
  gboolean reason_defined = FALSE;

  g_assert_nonnull (ladder);

  for (guint i = 0; i < json_array_get_length (ladder); i++)
    {
      JsonObject *step = get_step (ladder, i);

      if (!g_str_equal (step_action (step), "call"))
        continue;

      g_assert_cmpuint (n_calls, <, G_N_ELEMENTS (call_delays));
      g_assert_cmpint (step_delay (step), ==, call_delays[n_calls]);
      n_calls++;
    }

  g_assert_cmpuint (n_calls, ==, G_N_ELEMENTS (call_delays));

  last = get_step (ladder, json_array_get_length (ladder) - 1);
  g_assert_cmpstr (step_action (last), ==, "close");
  g_assert_cmpstr (json_object_get_string_member (last, "loss_reason"), ==, "could_not_reach");

  for (guint i = 0; i < crm_procedure_get_n_loss_reasons (procedure); i++)
    reason_defined |= g_str_equal (crm_procedure_get_loss_reason (procedure, i)->key,
                                   "could_not_reach");
  g_assert_true (reason_defined);
}

static void
test_minimal (void)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  procedure = crm_procedure_new_from_data (minimal_template, -1, "mini.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (procedure);

  g_assert_cmpstr (crm_procedure_get_id (procedure), ==, "mini");
  g_assert_cmpuint (crm_procedure_get_n_pipelines (procedure), ==, 1);
  g_assert_cmpuint (crm_procedure_get_n_fields (procedure), ==, 1);
  g_assert_null (crm_procedure_get_description (procedure)->he);
  g_assert_null (crm_procedure_get_attempt_ladder (procedure));
  g_assert_null (crm_procedure_get_call_script_json (procedure));
  g_assert_null (crm_procedure_find_stage (procedure, "sales", "nope"));
  g_assert_null (crm_procedure_find_stage (procedure, "nope", "new"));

  g_assert_finalize_object (g_steal_pointer (&procedure));
}

/* Keys reserved for later issues are accepted and kept. */
static void
test_reserved_sections (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;
  JsonObject *script;

  g_assert_true (json_parser_load_from_data (parser, minimal_template, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  script = json_object_new ();
  json_object_set_string_member (script, "greeting", "Hello");
  json_object_set_object_member (root, "call_script", script);
  json_object_set_array_member (root, "payment_terms", json_array_new ());

  json = json_to_string (json_parser_get_root (parser), FALSE);
  procedure = crm_procedure_new_from_data (json, -1, "mini.json", &error);
  g_assert_no_error (error);

  g_assert_nonnull (crm_procedure_get_call_script_json (procedure));
  g_assert_cmpstr (json_object_get_string_member (crm_procedure_get_call_script_json (procedure),
                                                  "greeting"), ==, "Hello");
}

/* Invalid templates: each case edits a copy of the minimal template. */

typedef void (*MutateFunc) (JsonObject *root);

typedef struct
{
  const char *name;
  MutateFunc  mutate;
  const char *expected[3];   /* substrings of the message besides the file name */
} InvalidCase;

static JsonObject *
element_of (JsonObject *object,
            const char *member,
            guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (object, member), index);
}

static JsonObject *
stage_at (JsonObject *root,
          guint       index)
{
  return element_of (element_of (root, "pipelines", 0), "stages", index);
}

static JsonObject *
rules_of_qualified (JsonObject *root)
{
  return json_object_get_object_member (stage_at (root, 1), "rules");
}

static void
mutate_unknown_top_level_key (JsonObject *root)
{
  json_object_set_string_member (root, "colour", "red");
}

static void
mutate_unknown_stage_key (JsonObject *root)
{
  json_object_set_string_member (stage_at (root, 2), "colour", "green");
}

static void
mutate_unknown_kind (JsonObject *root)
{
  json_object_set_string_member (stage_at (root, 2), "kind", "finished");
}

static void
mutate_duplicate_stage_key (JsonObject *root)
{
  json_object_set_string_member (stage_at (root, 3), "key", "won");
}

static void
mutate_undefined_required_field (JsonObject *root)
{
  JsonArray *required = json_object_get_array_member (rules_of_qualified (root), "required");

  json_array_add_string_element (required, "budget");
}

static void
mutate_bad_duration (JsonObject *root)
{
  JsonArray *tasks = json_object_get_array_member (rules_of_qualified (root), "tasks");

  json_object_set_string_member (json_array_get_object_element (tasks, 0), "due", "30 minutes");
}

static void
mutate_unknown_rules_key (JsonObject *root)
{
  json_object_set_boolean_member (rules_of_qualified (root), "notify", TRUE);
}

static void
mutate_unknown_field_type (JsonObject *root)
{
  JsonObject *field = element_of (root, "fields", 0);

  json_object_set_string_member (field, "type", "colour");
}

static void
mutate_unknown_choice_key (JsonObject *root)
{
  JsonObject *choice = element_of (element_of (root, "fields", 0), "choices", 0);

  json_object_set_string_member (choice, "icon", "tilda.png");
}

static void
mutate_missing_english_name (JsonObject *root)
{
  JsonObject *name = json_object_get_object_member (stage_at (root, 1), "name");

  json_object_remove_member (name, "en");
  json_object_set_string_member (name, "ru", "Квалифицирован");
}

static void
mutate_move_to_undefined_stage (JsonObject *root)
{
  JsonObject *rules = json_object_new ();
  JsonObject *move_to = json_object_new ();

  json_object_set_string_member (move_to, "pipeline", "sales");
  json_object_set_string_member (move_to, "stage", "production");
  json_object_set_object_member (rules, "move_to", move_to);
  json_object_set_object_member (stage_at (root, 2), "rules", rules);
}

static void
mutate_ladder_undefined_loss_reason (JsonObject *root)
{
  JsonArray *ladder = json_array_new ();
  JsonObject *step = json_object_new ();

  json_object_set_string_member (step, "action", "close");
  json_object_set_string_member (step, "loss_reason", "bored");
  json_array_add_object_element (ladder, step);
  json_object_set_array_member (root, "attempt_ladder", ladder);
}

static void
mutate_wrong_format (JsonObject *root)
{
  json_object_set_int_member (root, "format", 2);
}

static void
mutate_field_shadows_builtin (JsonObject *root)
{
  JsonObject *field = element_of (root, "fields", 0);
  JsonArray *required = json_object_get_array_member (rules_of_qualified (root), "required");

  json_object_set_string_member (field, "key", "source");
  json_array_remove_element (required, 0);
}

static const InvalidCase invalid_cases[] = {
  { "unknown-top-level-key", mutate_unknown_top_level_key,
    { "“colour”", "top-level", NULL } },
  { "unknown-stage-key", mutate_unknown_stage_key,
    { "“colour”", "pipelines[0].stages[2]", NULL } },
  { "unknown-kind", mutate_unknown_kind,
    { "“finished”", "pipelines[0].stages[2].kind", NULL } },
  { "duplicate-stage-key", mutate_duplicate_stage_key,
    { "duplicate", "“won”", "pipelines[0].stages[3].key" } },
  { "undefined-required-field", mutate_undefined_required_field,
    { "“budget”", "pipelines[0].stages[1].rules.required[2]", "not defined" } },
  { "bad-duration", mutate_bad_duration,
    { "“30 minutes”", "pipelines[0].stages[1].rules.tasks[0].due", NULL } },
  { "unknown-rules-key", mutate_unknown_rules_key,
    { "“notify”", "pipelines[0].stages[1].rules", NULL } },
  { "unknown-field-type", mutate_unknown_field_type,
    { "“colour”", "fields[0].type", NULL } },
  { "unknown-choice-key", mutate_unknown_choice_key,
    { "“icon”", "fields[0].choices[0]", NULL } },
  { "missing-english-name", mutate_missing_english_name,
    { "“en”", "pipelines[0].stages[1].name", NULL } },
  { "move-to-undefined-stage", mutate_move_to_undefined_stage,
    { "“production”", "pipelines[0].stages[2].rules.move_to.stage", NULL } },
  { "ladder-undefined-loss-reason", mutate_ladder_undefined_loss_reason,
    { "“bored”", "attempt_ladder[0].loss_reason", NULL } },
  { "unsupported-format", mutate_wrong_format,
    { "“format”", NULL, NULL } },
  { "field-shadows-builtin", mutate_field_shadows_builtin,
    { "“source”", "fields[0].key", NULL } },
};

static void
assert_invalid (const char        *json,
                const char        *file_name,
                const char * const *expected)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  procedure = crm_procedure_new_from_data (json, -1, file_name, &error);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_null (procedure);

  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, file_name));

  for (guint i = 0; i < 3 && expected[i] != NULL; i++)
    {
      if (strstr (error->message, expected[i]) == NULL)
        g_error ("“%s” not in the message “%s”", expected[i], error->message);
    }
}

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *test_case = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;

  g_assert_true (json_parser_load_from_data (parser, minimal_template, -1, NULL));
  test_case->mutate (json_node_get_object (json_parser_get_root (parser)));
  json = json_to_string (json_parser_get_root (parser), TRUE);

  assert_invalid (json, "broken.json", test_case->expected);
}

static void
test_invalid_not_json (void)
{
  const char * const expected[] = { "JSON", NULL, NULL };
  const char * const expected_array[] = { "object", NULL, NULL };

  assert_invalid ("pipelines: [sales]", "notes.json", expected);
  assert_invalid ("[1, 2, 3]", "list.json", expected_array);
}

/* json-glib keeps the last of two same-named members; the loader must not
 * let a hand edit like a second "kind" pass silently. */
static void
test_invalid_duplicate_member (void)
{
  const char * const expected[] = { "duplicate", "“kind”", "pipelines[0].stages[2]" };
  const char * const expected_reserved[] = { "duplicate", "“step”", NULL };
  g_autoptr(GString) json = g_string_new (minimal_template);
  g_autoptr(GString) reserved = g_string_new (minimal_template);

  g_assert_cmpuint (g_string_replace (json, "\"kind\": \"won\"",
                                      "\"kind\": \"won\", \"kind\": \"lost\"", 1), ==, 1);
  assert_invalid (json->str, "twice.json", expected);

  /* Also inside the sections the loader keeps without walking. */
  g_assert_cmpuint (g_string_replace (reserved, "\"format\": 1,",
                                      "\"format\": 1, "
                                      "\"call_script\": {\"step\": 1, \"step\": 2},", 1), ==, 1);
  assert_invalid (reserved->str, "twice.json", expected_reserved);
}

static void
test_invalid_unknown_builtin (void)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  procedure = crm_procedure_load_builtin ("xyz", &error);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID);
  g_assert_null (procedure);
  g_assert_nonnull (strstr (error->message, "“xyz”"));
  g_assert_nonnull (strstr (error->message, "tw, hs, rad, con, axl"));
}

static void
test_duration (void)
{
  const struct {
    const char *text;
    gboolean    valid;
    GTimeSpan   span;
  } cases[] = {
    { "PT30M", TRUE, 30 * G_TIME_SPAN_MINUTE },
    { "PT4H", TRUE, 4 * G_TIME_SPAN_HOUR },
    { "P1D", TRUE, G_TIME_SPAN_DAY },
    { "P1W", TRUE, 7 * G_TIME_SPAN_DAY },
    { "P1DT2H30M15S", TRUE,
      G_TIME_SPAN_DAY + 2 * G_TIME_SPAN_HOUR + 30 * G_TIME_SPAN_MINUTE + 15 * G_TIME_SPAN_SECOND },
    { "PT0S", TRUE, 0 },
    { "PT90M", TRUE, 90 * G_TIME_SPAN_MINUTE },
    { "P", FALSE, 0 },
    { "PT", FALSE, 0 },
    { "P1DT", FALSE, 0 },
    { "PT30", FALSE, 0 },
    { "30M", FALSE, 0 },
    { "P1M", FALSE, 0 },       /* months: calendar-dependent */
    { "P1Y", FALSE, 0 },
    { "PT1H1H", FALSE, 0 },
    { "PT1M1H", FALSE, 0 },
    { "P1H", FALSE, 0 },
    { "PT1D", FALSE, 0 },
    { "PT1.5H", FALSE, 0 },
    { "P-1D", FALSE, 0 },
    { "pt30m", FALSE, 0 },
    { "PT30M ", FALSE, 0 },
    { "", FALSE, 0 },
    { "P99999999999D", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GTimeSpan span = -1;
      gboolean valid = crm_procedure_parse_duration (cases[i].text, &span);

      if (valid != cases[i].valid)
        g_error ("“%s” should be %s", cases[i].text, cases[i].valid ? "valid" : "invalid");

      g_assert_cmpint (span, ==, cases[i].span);
    }

  g_assert_true (crm_procedure_parse_duration ("PT1H", NULL));
}

static void
test_text_for_language (void)
{
  const CrmText full = { (char *) "Refused", (char *) "סירוב", (char *) "Отказ" };
  const CrmText english_only = { (char *) "Refused", NULL, NULL };

  g_assert_cmpstr (crm_text_get_for_language (&full, "he"), ==, "סירוב");
  g_assert_cmpstr (crm_text_get_for_language (&full, "he_IL.UTF-8"), ==, "סירוב");
  g_assert_cmpstr (crm_text_get_for_language (&full, "ru"), ==, "Отказ");
  g_assert_cmpstr (crm_text_get_for_language (&full, "ru_RU"), ==, "Отказ");
  g_assert_cmpstr (crm_text_get_for_language (&full, "en_GB"), ==, "Refused");
  g_assert_cmpstr (crm_text_get_for_language (&full, "de"), ==, "Refused");
  g_assert_cmpstr (crm_text_get_for_language (&full, "rus"), ==, "Refused");
  g_assert_cmpstr (crm_text_get_for_language (&english_only, "he"), ==, "Refused");
}

/* crm_text_get() follows the user's language list, skipping languages the
 * template has no translation for. */
static void
test_text_user_language (void)
{
  const CrmText full = { (char *) "Refused", (char *) "סירוב", (char *) "Отказ" };
  const CrmText no_hebrew = { (char *) "Refused", NULL, (char *) "Отказ" };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "he_IL:ru", TRUE);
  g_assert_cmpstr (crm_text_get (&full), ==, "סירוב");
  g_assert_cmpstr (crm_text_get (&no_hebrew), ==, "Отказ");

  g_setenv ("LANGUAGE", "ru_RU", TRUE);
  g_assert_cmpstr (crm_text_get (&full), ==, "Отказ");
  g_assert_cmpstr (crm_text_get_for_language (&full, NULL), ==, "Отказ");

  g_setenv ("LANGUAGE", "de:en", TRUE);
  g_assert_cmpstr (crm_text_get (&full), ==, "Refused");

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

  g_test_add_func ("/model/procedure/builtin-ids", test_builtin_ids);
  for (const char * const *id = crm_procedure_get_builtin_ids (); *id != NULL; id++)
    {
      g_autofree char *path = g_strdup_printf ("/model/procedure/builtin/%s", *id);

      g_test_add_data_func (path, *id, test_builtin_loads);
    }
  g_test_add_func ("/model/procedure/builtin-regions", test_builtin_regions);
  g_test_add_func ("/model/procedure/rule-tw-3-pipeline", test_rule_tw_pipeline);
  g_test_add_func ("/model/procedure/rule-tw-6-payment-terms", test_rule_tw_6_payment_terms);
  g_test_add_func ("/model/procedure/rule-tw-1-attempt-ladder", test_rule_tw_1_attempt_ladder);
  g_test_add_func ("/model/procedure/rule-hs-stages", test_rule_hs_stages);
  g_test_add_func ("/model/procedure/rule-rad-9-stages", test_rule_rad_9_stages);
  g_test_add_func ("/model/procedure/rule-rad-5-open-stages-have-tasks",
                   test_rule_rad_5_open_stages_have_tasks);
  g_test_add_func ("/model/procedure/rule-rad-8-contact-required",
                   test_rule_rad_8_contact_required);
  g_test_add_func ("/model/procedure/rule-rad-10-qualification-fields",
                   test_rule_rad_10_qualification_fields);
  g_test_add_func ("/model/procedure/rule-con-9-pipeline", test_rule_con_pipeline);
  g_test_add_func ("/model/procedure/rule-axl-8-pipelines", test_rule_axl_8_pipelines);
  g_test_add_func ("/model/procedure/rule-axl-9-required-platform",
                   test_rule_axl_9_required_platform);
  g_test_add_func ("/model/procedure/rule-axl-9-qualified", test_rule_axl_9_qualified);
  g_test_add_func ("/model/procedure/rule-axl-9-later-tasks", test_rule_axl_9_later_tasks);
  g_test_add_func ("/model/procedure/rule-axl-10-refusal", test_rule_axl_10_refusal);
  g_test_add_func ("/model/procedure/rule-axl-1-attempt-ladder", test_rule_axl_1_attempt_ladder);
  g_test_add_func ("/model/procedure/minimal", test_minimal);
  g_test_add_func ("/model/procedure/reserved-sections", test_reserved_sections);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = NULL;

      path = g_strdup_printf ("/model/procedure/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/model/procedure/invalid/not-json", test_invalid_not_json);
  g_test_add_func ("/model/procedure/invalid/duplicate-member", test_invalid_duplicate_member);
  g_test_add_func ("/model/procedure/invalid/unknown-builtin-id", test_invalid_unknown_builtin);
  g_test_add_func ("/model/procedure/duration", test_duration);
  g_test_add_func ("/model/procedure/text/for-language", test_text_for_language);
  g_test_add_func ("/model/procedure/text/user-language", test_text_user_language);

  return g_test_run ();
}
