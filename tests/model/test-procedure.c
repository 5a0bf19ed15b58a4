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

/* Everything "call_script" and "payment_terms" can hold, for the minimal
 * template (whose "sources" it replaces, adding "referral"). The scripts
 * are ordered so that picking by source has to look past a general script
 * (follow_up) to a later one for that source (referral_call). */
static const char script_sections[] =
  "{"
  "  \"sources\": ["
  "    {\"key\": \"website\", \"name\": {\"en\": \"Website\"}},"
  "    {\"key\": \"referral\", \"name\": {\"en\": \"Referral\"}}"
  "  ],"
  "  \"call_script\": {"
  "    \"situation_check\": {\"en\": \"Can you talk now?\", \"he\": \"נוח לך לדבר עכשיו?\","
  "                          \"ru\": \"Вам удобно сейчас говорить?\"},"
  "    \"situation_rule\": \"TW-2\","
  "    \"summary\": {"
  "      \"subject\": {\"en\": \"Call summary: {deal}\", \"he\": \"סיכום שיחה: {deal}\","
  "                    \"ru\": \"Итоги звонка: {deal}\"},"
  "      \"body\": {\"en\": \"{rep} called {contact} ({phone}, {email}, {company}): {outcome}, "
  "{duration}. {stages} {answers} {note} Next contact: {next_contact}\","
  "                 \"he\": \"{rep} התקשר אל {contact}: {outcome}\","
  "                 \"ru\": \"{rep} позвонил {contact}: {outcome}\"},"
  "      \"rule\": \"TW-4\""
  "    },"
  "    \"scripts\": ["
  "      {"
  "        \"key\": \"sales_call\","
  "        \"name\": {\"en\": \"Sales call\", \"he\": \"שיחת מכירה\", \"ru\": \"Продающий звонок\"},"
  "        \"rule\": \"TW-3\","
  "        \"sources\": [\"website\"],"
  "        \"opening\": {\"en\": \"Hello, this is {rep} from {company}. You left a request on {source}.\","
  "                      \"he\": \"שלום, כאן {rep} מחברת {company}.\","
  "                      \"ru\": \"Здравствуйте, {contact}! Это {rep}, компания {company}.\"},"
  "        \"stages\": ["
  "          {"
  "            \"key\": \"discovery\","
  "            \"name\": {\"en\": \"Discovery\", \"he\": \"בירור צרכים\", \"ru\": \"Выявление потребностей\"},"
  "            \"goal\": {\"en\": \"Learn how they work\", \"he\": \"להבין איך הם עובדים\","
  "                       \"ru\": \"Понять, как они работают\"},"
  "            \"prompts\": ["
  "              {\"en\": \"Listen more than you talk\", \"he\": \"הקשב יותר משאתה מדבר\","
  "               \"ru\": \"Больше слушайте, чем говорите\"},"
  "              {\"en\": \"Ask about {agreements}\"}"
  "            ],"
  "            \"checklist\": ["
  "              {\"key\": \"asked_business\", \"text\": {\"en\": \"Asked about the business\","
  "               \"he\": \"שאלתי על העסק\", \"ru\": \"Спросил о бизнесе\"}}"
  "            ],"
  "            \"questions\": ["
  "              {\"key\": \"platform\", \"text\": {\"en\": \"Which platform?\", \"he\": \"איזו פלטפורמה?\","
  "               \"ru\": \"Какая платформа?\"}, \"field\": \"platform\", \"mandatory\": true,"
  "               \"rule\": \"TW-3\"},"
  "              {\"key\": \"role\", \"text\": {\"en\": \"What is your role?\"},"
  "               \"field\": \"contact.position\", \"mandatory\": false},"
  "              {\"key\": \"team_size\", \"text\": {\"en\": \"How many employees?\"}}"
  "            ],"
  "            \"objections\": ["
  "              {\"key\": \"too_expensive\","
  "               \"objection\": {\"en\": \"Too expensive\", \"he\": \"יקר מדי\", \"ru\": \"Слишком дорого\"},"
  "               \"answer\": {\"en\": \"Count the hours it saves\", \"he\": \"ספור את השעות שהוא חוסך\","
  "                           \"ru\": \"Посчитайте, сколько часов это экономит\"}}"
  "            ],"
  "            \"rule\": \"TW-3\""
  "          },"
  "          {"
  "            \"key\": \"closing\","
  "            \"name\": {\"en\": \"Closing\"},"
  "            \"guards\": [\"price_rule\", \"payment_terms\"]"
  "          }"
  "        ]"
  "      },"
  "      {"
  "        \"key\": \"follow_up\","
  "        \"name\": {\"en\": \"Follow-up call\"},"
  "        \"stages\": [{\"key\": \"check_in\", \"name\": {\"en\": \"Check in\"},"
  "                    \"guards\": [\"payment_terms\"]}]"
  "      },"
  "      {"
  "        \"key\": \"referral_call\","
  "        \"name\": {\"en\": \"Referral call\"},"
  "        \"sources\": [\"referral\", \"website\"],"
  "        \"stages\": [{\"key\": \"discovery\", \"name\": {\"en\": \"Discovery\"},"
  "                    \"questions\": [{\"key\": \"platform\", \"text\": {\"en\": \"Which platform?\"}}]}]"
  "      }"
  "    ]"
  "  },"
  "  \"payment_terms\": ["
  "    {\"key\": \"credit_card\", \"name\": {\"en\": \"Credit card\", \"he\": \"כרטיס אשראי\","
  "     \"ru\": \"Кредитная карта\"}, \"max_installments\": 12, \"rule\": \"TW-6\"},"
  "    {\"key\": \"bank_transfer\", \"name\": {\"en\": \"Bank transfer\"}, \"rule\": \"TW-6\"},"
  "    {\"key\": \"card_standing_order\", \"name\": {\"en\": \"Standing order on a card\"},"
  "     \"approval\": \"manager\", \"rule\": \"TW-6\"}"
  "  ]"
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
assert_texts_translated (GPtrArray  *texts,
                         const char *what)
{
  for (guint i = 0; i < texts->len; i++)
    assert_translated (g_ptr_array_index (texts, i), what);
}

/* Everything a rep reads or says during a call, in all three languages. */
static void
assert_call_script_translated (CrmProcedure *procedure)
{
  if (crm_procedure_get_situation_check (procedure) != NULL)
    assert_translated (crm_procedure_get_situation_check (procedure), "situation check");

  if (crm_procedure_get_summary_subject (procedure) != NULL)
    {
      assert_translated (crm_procedure_get_summary_subject (procedure), "summary subject");
      assert_translated (crm_procedure_get_summary_body (procedure), "summary body");
    }

  for (guint i = 0; i < crm_procedure_get_n_call_scripts (procedure); i++)
    {
      const CrmCallScript *script = crm_procedure_get_call_script (procedure, i);

      assert_translated (&script->name, script->key);
      if (script->opening.en != NULL)
        assert_translated (&script->opening, script->key);

      for (guint j = 0; j < script->stages->len; j++)
        {
          const CrmScriptStage *stage = g_ptr_array_index (script->stages, j);

          assert_translated (&stage->name, stage->key);
          if (stage->goal.en != NULL)
            assert_translated (&stage->goal, stage->key);
          assert_texts_translated (stage->prompts, stage->key);

          for (guint k = 0; k < stage->checklist->len; k++)
            {
              const CrmScriptItem *item = g_ptr_array_index (stage->checklist, k);

              assert_translated (&item->text, item->key);
            }

          for (guint k = 0; k < stage->questions->len; k++)
            {
              const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, k);

              assert_translated (&question->text, question->key);
            }

          for (guint k = 0; k < stage->objections->len; k++)
            {
              const CrmScriptObjection *objection = g_ptr_array_index (stage->objections, k);

              assert_translated (&objection->objection, objection->key);
              assert_translated (&objection->answer, objection->key);
            }
        }
    }

  for (guint i = 0; i < crm_procedure_get_n_payment_terms (procedure); i++)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (procedure, i);

      assert_translated (&term->name, term->key);
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

  assert_call_script_translated (procedure);

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

/* The minimal template with script_sections merged in. */
static void
add_script_sections (JsonObject *root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *sections;

  g_assert_true (json_parser_load_from_data (parser, script_sections, -1, NULL));
  sections = json_node_get_object (json_parser_get_root (parser));

  for (GList *l = json_object_get_members (sections); l != NULL; l = g_list_delete_link (l, l))
    json_object_set_member (root, l->data, json_object_dup_member (sections, l->data));
}

static char *
dup_script_template (void (*edit) (JsonObject *root))
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_true (json_parser_load_from_data (parser, minimal_template, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  add_script_sections (root);
  if (edit != NULL)
    edit (root);

  return json_to_string (json_parser_get_root (parser), TRUE);
}

static CrmProcedure *
load_script_template (void (*edit) (JsonObject *root))
{
  g_autofree char *json = dup_script_template (edit);
  g_autoptr(GError) error = NULL;
  CrmProcedure *procedure;

  procedure = crm_procedure_new_from_data (json, -1, "script.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (procedure);

  return procedure;
}

static const CrmScriptStage *
script_stage (const CrmCallScript *script,
              guint                index)
{
  g_assert_cmpuint (index, <, script->stages->len);

  return g_ptr_array_index (script->stages, index);
}

static void
assert_text (const CrmText *text,
             const char    *en,
             const char    *he,
             const char    *ru)
{
  g_assert_nonnull (text);
  g_assert_cmpstr (text->en, ==, en);
  g_assert_cmpstr (text->he, ==, he);
  g_assert_cmpstr (text->ru, ==, ru);
}

/* A template without the sections has no script, no summary and no
 * payment terms; the call panel then only times the call. */
static void
test_call_script_none (void)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  procedure = crm_procedure_new_from_data (minimal_template, -1, "mini.json", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 0);
  g_assert_null (crm_procedure_find_call_script (procedure, "sales_call"));
  g_assert_null (crm_procedure_pick_call_script (procedure, "website"));
  g_assert_null (crm_procedure_pick_call_script (procedure, NULL));
  g_assert_null (crm_procedure_get_situation_check (procedure));
  g_assert_null (crm_procedure_get_situation_rule (procedure));
  g_assert_null (crm_procedure_get_summary_subject (procedure));
  g_assert_null (crm_procedure_get_summary_body (procedure));
  g_assert_null (crm_procedure_get_call_script_json (procedure));
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (procedure), ==, 0);
}

/* TW-2: "can you talk now?" before anything else. */
static void
test_call_script_tw_2_situation_check (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);

  assert_text (crm_procedure_get_situation_check (procedure),
               "Can you talk now?", "נוח לך לדבר עכשיו?", "Вам удобно сейчас говорить?");
  g_assert_cmpstr (crm_procedure_get_situation_rule (procedure), ==, "TW-2");

  g_assert_finalize_object (g_steal_pointer (&procedure));
}

/* TW-4: the summary mailed after the call, placeholders left for the
 * store to fill in. */
static void
test_call_script_tw_4_summary (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  const CrmText *body = crm_procedure_get_summary_body (procedure);

  assert_text (crm_procedure_get_summary_subject (procedure),
               "Call summary: {deal}", "סיכום שיחה: {deal}", "Итоги звонка: {deal}");
  g_assert_nonnull (body);
  g_assert_true (g_str_has_prefix (body->en, "{rep} called {contact} ({phone}, {email}, "));
  g_assert_true (g_str_has_suffix (body->en, "Next contact: {next_contact}"));
  g_assert_cmpstr (body->he, ==, "{rep} התקשר אל {contact}: {outcome}");
  g_assert_cmpstr (body->ru, ==, "{rep} позвонил {contact}: {outcome}");
}

/* TW-3: the scripts, their stages and everything in a stage, as written. */
static void
test_call_script_tw_3_scripts (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  const CrmCallScript *script;
  const CrmScriptStage *stage;
  const CrmScriptQuestion *question;
  const CrmScriptItem *item;
  const CrmScriptObjection *objection;
  const char * const website[] = { "website", NULL };
  const char * const referral[] = { "referral", "website", NULL };

  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 3);

  script = crm_procedure_get_call_script (procedure, 0);
  g_assert_true (crm_procedure_find_call_script (procedure, "sales_call") == script);
  g_assert_cmpstr (script->key, ==, "sales_call");
  assert_text (&script->name, "Sales call", "שיחת מכירה", "Продающий звонок");
  g_assert_cmpstr (script->rule, ==, "TW-3");
  g_assert_cmpstrv (script->sources, website);
  assert_text (&script->opening,
               "Hello, this is {rep} from {company}. You left a request on {source}.",
               "שלום, כאן {rep} מחברת {company}.",
               "Здравствуйте, {contact}! Это {rep}, компания {company}.");
  g_assert_cmpuint (script->stages->len, ==, 2);

  stage = script_stage (script, 0);
  g_assert_cmpstr (stage->key, ==, "discovery");
  assert_text (&stage->name, "Discovery", "בירור צרכים", "Выявление потребностей");
  assert_text (&stage->goal, "Learn how they work", "להבין איך הם עובדים",
               "Понять, как они работают");
  g_assert_cmpstr (stage->rule, ==, "TW-3");
  g_assert_cmpint (stage->guards, ==, CRM_SCRIPT_GUARD_NONE);

  g_assert_cmpuint (stage->prompts->len, ==, 2);
  assert_text (g_ptr_array_index (stage->prompts, 0), "Listen more than you talk",
               "הקשב יותר משאתה מדבר", "Больше слушайте, чем говорите");
  /* Prompts are read, not filled in: braces there are plain text. */
  assert_text (g_ptr_array_index (stage->prompts, 1), "Ask about {agreements}", NULL, NULL);

  g_assert_cmpuint (stage->checklist->len, ==, 1);
  item = g_ptr_array_index (stage->checklist, 0);
  g_assert_cmpstr (item->key, ==, "asked_business");
  assert_text (&item->text, "Asked about the business", "שאלתי על העסק", "Спросил о бизнесе");

  g_assert_cmpuint (stage->questions->len, ==, 3);
  question = g_ptr_array_index (stage->questions, 0);
  g_assert_cmpstr (question->key, ==, "platform");
  assert_text (&question->text, "Which platform?", "איזו פלטפורמה?", "Какая платформа?");
  g_assert_cmpstr (question->field, ==, "platform");
  g_assert_true (question->mandatory);
  g_assert_cmpstr (question->rule, ==, "TW-3");

  question = g_ptr_array_index (stage->questions, 1);
  g_assert_cmpstr (question->key, ==, "role");
  g_assert_cmpstr (question->field, ==, "contact.position");
  g_assert_false (question->mandatory);
  g_assert_null (question->rule);

  /* Not mandatory unless it says so, and not saved anywhere without a field. */
  question = g_ptr_array_index (stage->questions, 2);
  g_assert_cmpstr (question->key, ==, "team_size");
  g_assert_null (question->field);
  g_assert_false (question->mandatory);

  g_assert_cmpuint (stage->objections->len, ==, 1);
  objection = g_ptr_array_index (stage->objections, 0);
  g_assert_cmpstr (objection->key, ==, "too_expensive");
  assert_text (&objection->objection, "Too expensive", "יקר מדי", "Слишком дорого");
  assert_text (&objection->answer, "Count the hours it saves", "ספור את השעות שהוא חוסך",
               "Посчитайте, сколько часов это экономит");

  /* Everything optional in a stage is absent, not missing. */
  stage = script_stage (script, 1);
  g_assert_cmpstr (stage->key, ==, "closing");
  g_assert_null (stage->goal.en);
  g_assert_null (stage->rule);
  g_assert_cmpuint (stage->prompts->len, ==, 0);
  g_assert_cmpuint (stage->checklist->len, ==, 0);
  g_assert_cmpuint (stage->questions->len, ==, 0);
  g_assert_cmpuint (stage->objections->len, ==, 0);

  script = crm_procedure_find_call_script (procedure, "follow_up");
  g_assert_true (script == crm_procedure_get_call_script (procedure, 1));
  g_assert_null (script->sources);
  g_assert_null (script->opening.en);
  g_assert_null (script->rule);

  /* Stage and question keys are unique within one script only. */
  script = crm_procedure_get_call_script (procedure, 2);
  g_assert_cmpstr (script->key, ==, "referral_call");
  g_assert_cmpstrv (script->sources, referral);
  g_assert_cmpstr (script_stage (script, 0)->key, ==, "discovery");

  g_assert_null (crm_procedure_find_call_script (procedure, "cold_call"));

  g_assert_finalize_object (g_steal_pointer (&procedure));
}

/* CON-4 and TW-6: what a stage reminds the rep of. */
static void
test_call_script_guards (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  const CrmCallScript *sales_call = crm_procedure_find_call_script (procedure, "sales_call");
  const CrmCallScript *follow_up = crm_procedure_find_call_script (procedure, "follow_up");

  g_assert_cmpint (script_stage (sales_call, 0)->guards, ==, CRM_SCRIPT_GUARD_NONE);
  g_assert_cmpint (script_stage (sales_call, 1)->guards, ==,
                   CRM_SCRIPT_GUARD_PRICE_RULE | CRM_SCRIPT_GUARD_PAYMENT_TERMS);
  g_assert_cmpint (script_stage (follow_up, 0)->guards, ==, CRM_SCRIPT_GUARD_PAYMENT_TERMS);
}

/* TW-6: the payment terms in the order of preference, the first the default. */
static void
test_call_script_tw_6_payment_terms (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  const CrmPaymentTerm *term;

  g_assert_cmpuint (crm_procedure_get_n_payment_terms (procedure), ==, 3);

  term = crm_procedure_get_payment_term (procedure, 0);
  g_assert_cmpstr (term->key, ==, "credit_card");
  assert_text (&term->name, "Credit card", "כרטיס אשראי", "Кредитная карта");
  g_assert_cmpuint (term->max_installments, ==, 12);
  g_assert_false (term->needs_approval);
  g_assert_cmpstr (term->rule, ==, "TW-6");

  term = crm_procedure_get_payment_term (procedure, 1);
  g_assert_cmpstr (term->key, ==, "bank_transfer");
  g_assert_cmpuint (term->max_installments, ==, 0);
  g_assert_false (term->needs_approval);

  term = crm_procedure_get_payment_term (procedure, 2);
  g_assert_cmpstr (term->key, ==, "card_standing_order");
  assert_text (&term->name, "Standing order on a card", NULL, NULL);
  g_assert_true (term->needs_approval);
}

static void
edit_drop_general_script (JsonObject *root)
{
  JsonObject *call_script = json_object_get_object_member (root, "call_script");

  json_array_remove_element (json_object_get_array_member (call_script, "scripts"), 1);
}

static const char *
picked_key (CrmProcedure *procedure,
            const char   *source)
{
  const CrmCallScript *script = crm_procedure_pick_call_script (procedure, source);

  g_assert_nonnull (script);

  return script->key;
}

/* A deal gets the first script for its source, otherwise the first general
 * one (without "sources"), otherwise the first. */
static void
test_call_script_pick (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  g_autoptr(CrmProcedure) sourced_only = load_script_template (edit_drop_general_script);

  g_assert_cmpstr (picked_key (procedure, "website"), ==, "sales_call");
  g_assert_cmpstr (picked_key (procedure, "referral"), ==, "referral_call");
  g_assert_cmpstr (picked_key (procedure, "fair"), ==, "follow_up");
  g_assert_cmpstr (picked_key (procedure, NULL), ==, "follow_up");

  g_assert_cmpuint (crm_procedure_get_n_call_scripts (sourced_only), ==, 2);
  g_assert_cmpstr (picked_key (sourced_only, "referral"), ==, "referral_call");
  g_assert_cmpstr (picked_key (sourced_only, "fair"), ==, "sales_call");
  g_assert_cmpstr (picked_key (sourced_only, NULL), ==, "sales_call");
}

/* The section as written, for the script editor. */
static void
test_call_script_json (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  JsonObject *call_script = crm_procedure_get_call_script_json (procedure);

  g_assert_nonnull (call_script);
  g_assert_cmpstr (json_object_get_string_member (call_script, "situation_rule"), ==, "TW-2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (call_script, "scripts")),
                    ==, 3);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

/* What the store does when a manager saves the script editor: the new
 * section goes into the template text, everything else stays, and the
 * result loads. */
static void
test_call_script_dup_round_trip (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  g_autoptr(CrmProcedure) reloaded = NULL;
  g_autoptr(CrmProcedure) edited = NULL;
  g_autoptr(JsonObject) call_script = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *same = NULL;
  g_autofree char *json = NULL;
  const CrmCallScript *script;

  /* The section it has: the same procedure again, in readable JSON. */
  same = crm_procedure_dup_with_call_script (procedure,
                                             crm_procedure_get_call_script_json (procedure),
                                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (same);
  g_assert_nonnull (strstr (same, "\n  \"call_script\""));
  g_assert_true (g_str_has_suffix (same, "}\n"));

  reloaded = crm_procedure_new_from_data (same, -1, "script.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (reloaded), ==, 3);
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (reloaded), ==, 3);
  g_assert_cmpuint (crm_procedure_get_n_sources (reloaded), ==, 2);
  g_assert_nonnull (crm_procedure_find_stage (reloaded, "sales", "qualified")->rules);
  assert_text (crm_procedure_get_situation_check (reloaded),
               "Can you talk now?", "נוח לך לדבר עכשיו?", "Вам удобно сейчас говорить?");
  g_assert_cmpstr (crm_procedure_get_summary_body (reloaded)->en, ==,
                   crm_procedure_get_summary_body (procedure)->en);

  /* A new section replaces the old one entirely. */
  call_script = parse_object ("{\"scripts\": [{\"key\": \"short\", \"name\": {\"en\": \"Short\"},"
                              " \"stages\": [{\"key\": \"hello\", \"name\": {\"en\": \"Hello\","
                              " \"he\": \"שלום\", \"ru\": \"Привет\"}}]}]}");
  json = crm_procedure_dup_with_call_script (procedure, call_script, &error);
  g_assert_no_error (error);

  edited = crm_procedure_new_from_data (json, -1, "script.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (edited), ==, 1);
  script = crm_procedure_get_call_script (edited, 0);
  g_assert_cmpstr (script->key, ==, "short");
  assert_text (&script_stage (script, 0)->name, "Hello", "שלום", "Привет");
  g_assert_null (crm_procedure_get_situation_check (edited));
  g_assert_null (crm_procedure_get_summary_subject (edited));
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (edited), ==, 3);

  /* The procedure it was made from is left as it was. */
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&edited));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&procedure));
}

/* NULL removes the section; a template without one gains it. */
static void
test_call_script_dup_remove_and_add (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  g_autoptr(CrmProcedure) minimal = NULL;
  g_autoptr(CrmProcedure) without = NULL;
  g_autoptr(CrmProcedure) with = NULL;
  g_autoptr(JsonObject) call_script = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;

  removed = crm_procedure_dup_with_call_script (procedure, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (removed, "call_script"));

  without = crm_procedure_new_from_data (removed, -1, "script.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (without), ==, 0);
  g_assert_null (crm_procedure_get_call_script_json (without));
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (without), ==, 3);

  minimal = crm_procedure_new_from_data (minimal_template, -1, "mini.json", &error);
  g_assert_no_error (error);
  call_script = parse_object ("{\"situation_check\": {\"en\": \"Is this a good time?\"},"
                              " \"scripts\": [{\"key\": \"short\", \"name\": {\"en\": \"Short\"},"
                              " \"stages\": [{\"key\": \"hello\", \"name\": {\"en\": \"Hello\"}}]}]}");
  added = crm_procedure_dup_with_call_script (minimal, call_script, &error);
  g_assert_no_error (error);

  with = crm_procedure_new_from_data (added, -1, "mini.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (with), ==, 1);
  g_assert_cmpstr (crm_procedure_get_situation_check (with)->en, ==, "Is this a good time?");
  g_assert_cmpstr (crm_procedure_get_id (with), ==, "mini");
}

static void
edit_unknown_question_field (JsonObject *call_script)
{
  JsonObject *script = json_array_get_object_element (
    json_object_get_array_member (call_script, "scripts"), 0);
  JsonObject *stage = json_array_get_object_element (
    json_object_get_array_member (script, "stages"), 0);
  JsonObject *question = json_array_get_object_element (
    json_object_get_array_member (stage, "questions"), 0);

  json_object_set_string_member (question, "field", "platfrom");
}

/* A copy to edit: json_node_copy() would share the object. */
static JsonObject *
dup_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *json = json_to_string (node, FALSE);

  return parse_object (json);
}

/* An edit the loader would refuse is refused with the loader's message,
 * under the procedure's own file name. */
static void
test_call_script_dup_refuses_invalid (void)
{
  g_autoptr(CrmProcedure) procedure = load_script_template (NULL);
  g_autoptr(CrmProcedure) minimal = NULL;
  g_autoptr(JsonObject) call_script = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const CrmScriptQuestion *question;

  call_script = dup_object (crm_procedure_get_call_script_json (procedure));
  edit_unknown_question_field (call_script);

  json = crm_procedure_dup_with_call_script (procedure, call_script, &error);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_null (json);
  g_assert_cmpstr (error->message, ==,
                   "script.json: question “platform” in "
                   "call_script.scripts[0].stages[0].questions[0] "
                   "names the unknown field “platfrom”");
  g_clear_error (&error);

  /* A script is valid for its own template only: the minimal one has no
   * payment terms for the guard (TW-6). */
  minimal = crm_procedure_new_from_data (minimal_template, -1, "mini.json", &error);
  g_assert_no_error (error);

  json = crm_procedure_dup_with_call_script (minimal,
                                             crm_procedure_get_call_script_json (procedure),
                                             &error);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);
  g_assert_null (json);
  g_assert_cmpstr (error->message, ==,
                   "mini.json: the “payment_terms” guard in "
                   "call_script.scripts[0].stages[1].guards[1] "
                   "needs a non-empty “payment_terms” list in the template");

  /* Neither procedure changed. */
  question = g_ptr_array_index (script_stage (crm_procedure_get_call_script (procedure, 0),
                                              0)->questions, 0);
  g_assert_cmpstr (question->field, ==, "platform");
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (minimal), ==, 0);
}

/* Invalid templates: each case edits a copy of the minimal template. */

typedef void (*MutateFunc) (JsonObject *root);

typedef struct
{
  const char *name;
  MutateFunc  mutate;
  const char *expected[3];   /* substrings of the message besides the file name */
  const char *message;       /* or the whole message */
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

/* The call-script cases break one thing in script_sections. */

static JsonObject *
add_call_script (JsonObject *root)
{
  add_script_sections (root);

  return json_object_get_object_member (root, "call_script");
}

static JsonObject *
call_script_at (JsonObject *root,
                guint       index)
{
  return element_of (add_call_script (root), "scripts", index);
}

static JsonObject *
script_stage_at (JsonObject *root,
                 guint       script,
                 guint       stage)
{
  return element_of (call_script_at (root, script), "stages", stage);
}

static JsonObject *
payment_term_at (JsonObject *root,
                 guint       index)
{
  add_script_sections (root);

  return element_of (root, "payment_terms", index);
}

static JsonObject *
text_new (const char *en)
{
  JsonObject *text = json_object_new ();

  json_object_set_string_member (text, "en", en);

  return text;
}

static void
mutate_call_script_unknown_key (JsonObject *root)
{
  json_object_set_string_member (add_call_script (root), "greeting", "Hello");
}

static void
mutate_call_script_without_scripts (JsonObject *root)
{
  json_object_remove_member (add_call_script (root), "scripts");
}

static void
mutate_call_script_empty_scripts (JsonObject *root)
{
  json_object_set_array_member (add_call_script (root), "scripts", json_array_new ());
}

static void
mutate_situation_check_without_english (JsonObject *root)
{
  JsonObject *check = json_object_get_object_member (add_call_script (root), "situation_check");

  json_object_remove_member (check, "en");
}

static void
mutate_situation_rule (JsonObject *root)
{
  json_object_set_string_member (add_call_script (root), "situation_rule", "tw2");
}

static void
mutate_summary_without_body (JsonObject *root)
{
  JsonObject *summary = json_object_get_object_member (add_call_script (root), "summary");

  json_object_remove_member (summary, "body");
}

static void
mutate_summary_unknown_placeholder (JsonObject *root)
{
  JsonObject *summary = json_object_get_object_member (add_call_script (root), "summary");
  JsonObject *body = json_object_get_object_member (summary, "body");

  json_object_set_string_member (body, "ru", "{rep} позвонил {manager}");
}

static void
mutate_summary_unclosed_placeholder (JsonObject *root)
{
  JsonObject *summary = json_object_get_object_member (add_call_script (root), "summary");
  JsonObject *subject = json_object_get_object_member (summary, "subject");

  json_object_set_string_member (subject, "en", "Call summary: {deal");
}

static void
mutate_duplicate_script_key (JsonObject *root)
{
  json_object_set_string_member (call_script_at (root, 2), "key", "sales_call");
}

static void
mutate_script_without_name (JsonObject *root)
{
  json_object_remove_member (call_script_at (root, 1), "name");
}

static void
mutate_script_unknown_key (JsonObject *root)
{
  json_object_set_boolean_member (call_script_at (root, 1), "default", TRUE);
}

static void
mutate_script_undefined_source (JsonObject *root)
{
  JsonObject *script = call_script_at (root, 0);

  json_array_add_string_element (json_object_get_array_member (script, "sources"), "fair");
}

static void
mutate_script_duplicate_source (JsonObject *root)
{
  JsonObject *script = call_script_at (root, 2);

  json_array_add_string_element (json_object_get_array_member (script, "sources"), "referral");
}

static void
mutate_script_empty_sources (JsonObject *root)
{
  json_object_set_array_member (call_script_at (root, 0), "sources", json_array_new ());
}

static void
mutate_opening_unknown_placeholder (JsonObject *root)
{
  JsonObject *opening = json_object_get_object_member (call_script_at (root, 0), "opening");

  json_object_set_string_member (opening, "he", "שלום, כאן {agent} מחברת {company}.");
}

static void
mutate_script_empty_stages (JsonObject *root)
{
  json_object_set_array_member (call_script_at (root, 1), "stages", json_array_new ());
}

static void
mutate_duplicate_script_stage (JsonObject *root)
{
  json_object_set_string_member (script_stage_at (root, 0, 1), "key", "discovery");
}

static void
mutate_script_stage_without_name (JsonObject *root)
{
  json_object_remove_member (script_stage_at (root, 0, 1), "name");
}

static void
mutate_script_stage_unknown_key (JsonObject *root)
{
  json_object_set_string_member (script_stage_at (root, 0, 0), "timer", "PT5M");
}

static void
mutate_prompt_not_text (JsonObject *root)
{
  JsonArray *prompts = json_object_get_array_member (script_stage_at (root, 0, 0), "prompts");

  json_array_add_string_element (prompts, "Smile");
}

static void
mutate_duplicate_checklist_item (JsonObject *root)
{
  JsonArray *checklist = json_object_get_array_member (script_stage_at (root, 0, 0), "checklist");
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "key", "asked_business");
  json_object_set_object_member (item, "text", text_new ("Asked again"));
  json_array_add_object_element (checklist, item);
}

static void
mutate_duplicate_question (JsonObject *root)
{
  JsonObject *closing = script_stage_at (root, 0, 1);
  JsonArray *questions = json_array_new ();
  JsonObject *question = json_object_new ();

  json_object_set_string_member (question, "key", "platform");
  json_object_set_object_member (question, "text", text_new ("Which platform, again?"));
  json_array_add_object_element (questions, question);
  json_object_set_array_member (closing, "questions", questions);
}

static void
mutate_question_without_text (JsonObject *root)
{
  json_object_remove_member (element_of (script_stage_at (root, 0, 0), "questions", 2), "text");
}

static void
mutate_question_unknown_field (JsonObject *root)
{
  JsonObject *question = element_of (script_stage_at (root, 0, 0), "questions", 0);

  json_object_set_string_member (question, "field", "agreement_module");
}

static void
mutate_question_loss_reason_field (JsonObject *root)
{
  JsonObject *question = element_of (script_stage_at (root, 0, 0), "questions", 2);

  json_object_set_string_member (question, "field", "loss_reason");
}

static void
mutate_question_mandatory_not_boolean (JsonObject *root)
{
  JsonObject *question = element_of (script_stage_at (root, 0, 0), "questions", 0);

  json_object_set_string_member (question, "mandatory", "yes");
}

static void
mutate_objection_without_answer (JsonObject *root)
{
  json_object_remove_member (element_of (script_stage_at (root, 0, 0), "objections", 0), "answer");
}

static void
mutate_duplicate_objection (JsonObject *root)
{
  JsonArray *objections = json_object_get_array_member (script_stage_at (root, 0, 0), "objections");
  JsonObject *objection = json_object_new ();

  json_object_set_string_member (objection, "key", "too_expensive");
  json_object_set_object_member (objection, "objection", text_new ("Way too expensive"));
  json_object_set_object_member (objection, "answer", text_new ("Compare the plans"));
  json_array_add_object_element (objections, objection);
}

static void
mutate_unknown_guard (JsonObject *root)
{
  JsonArray *guards = json_array_new ();

  json_array_add_string_element (guards, "discount");
  json_object_set_array_member (script_stage_at (root, 0, 0), "guards", guards);
}

static void
mutate_guard_twice (JsonObject *root)
{
  JsonArray *guards = json_object_get_array_member (script_stage_at (root, 0, 1), "guards");

  json_array_add_string_element (guards, "price_rule");
}

static void
mutate_guard_without_payment_terms (JsonObject *root)
{
  add_script_sections (root);
  json_object_set_array_member (root, "payment_terms", json_array_new ());
}

static void
mutate_payment_terms_not_array (JsonObject *root)
{
  add_script_sections (root);
  json_object_set_object_member (root, "payment_terms", json_object_new ());
}

static void
mutate_duplicate_payment_term (JsonObject *root)
{
  json_object_set_string_member (payment_term_at (root, 2), "key", "credit_card");
}

static void
mutate_payment_term_without_name (JsonObject *root)
{
  json_object_remove_member (payment_term_at (root, 1), "name");
}

static void
mutate_payment_term_unknown_key (JsonObject *root)
{
  json_object_set_int_member (payment_term_at (root, 1), "discount", 5);
}

static void
mutate_zero_installments (JsonObject *root)
{
  json_object_set_int_member (payment_term_at (root, 0), "max_installments", 0);
}

static void
mutate_unknown_approval (JsonObject *root)
{
  json_object_set_string_member (payment_term_at (root, 2), "approval", "director");
}

static void
mutate_first_term_needs_approval (JsonObject *root)
{
  json_object_set_string_member (payment_term_at (root, 0), "approval", "manager");
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

/* The quote cases (TW-7, AXL-9, RAD-11) break one thing in a whole
 * "quote" section. */
static const char quote_section[] =
  "{ \"currency\": \"ILS\", \"vat_rate\": 1800, \"validity_days\": 30,"
  "  \"charges\": ["
  "    { \"key\": \"prepayment\", \"name\": { \"en\": \"Prepayment\" },"
  "      \"percent_range\": { \"min\": 50, \"max\": 100, \"default\": 50 }, \"rule\": \"RAD-11\" },"
  "    { \"key\": \"before_shipping\", \"name\": { \"en\": \"Before shipping\" },"
  "      \"percent_by_kind\": { \"hardware\": 0 }, \"rule\": \"TW-7\" },"
  "    { \"key\": \"rest\", \"name\": { \"en\": \"The rest\" } }"
  "  ] }";

static JsonObject *
add_quote (JsonObject *root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, quote_section, -1, NULL));
  json_object_set_member (root, "quote", json_node_copy (json_parser_get_root (parser)));

  return json_object_get_object_member (root, "quote");
}

static JsonObject *
quote_charge_at (JsonObject *root,
                 guint       index)
{
  return element_of (add_quote (root), "charges", index);
}

static void
mutate_quote_unknown_key (JsonObject *root)
{
  json_object_set_int_member (add_quote (root), "discount", 5);
}

static void
mutate_quote_bad_currency (JsonObject *root)
{
  json_object_set_string_member (add_quote (root), "currency", "shekel");
}

static void
mutate_quote_vat_too_large (JsonObject *root)
{
  json_object_set_int_member (add_quote (root), "vat_rate", 10001);
}

static void
mutate_quote_zero_validity (JsonObject *root)
{
  json_object_set_int_member (add_quote (root), "validity_days", 0);
}

static void
mutate_quote_without_charges (JsonObject *root)
{
  json_object_remove_member (add_quote (root), "charges");
}

static void
mutate_quote_empty_charges (JsonObject *root)
{
  json_object_set_array_member (add_quote (root), "charges", json_array_new ());
}

static void
mutate_quote_unknown_kind (JsonObject *root)
{
  JsonObject *by_kind = json_object_get_object_member (quote_charge_at (root, 1), "percent_by_kind");

  json_object_set_int_member (by_kind, "clocks", 100);
}

static void
mutate_quote_percent_over_100 (JsonObject *root)
{
  JsonObject *by_kind = json_object_get_object_member (quote_charge_at (root, 1), "percent_by_kind");

  json_object_set_int_member (by_kind, "hardware", 101);
}

static void
mutate_quote_both_shares (JsonObject *root)
{
  json_object_set_object_member (quote_charge_at (root, 1), "percent_range",
                                 json_object_ref (json_object_get_object_member (quote_charge_at (root, 0),
                                                                                 "percent_range")));
}

static void
mutate_quote_last_has_share (JsonObject *root)
{
  JsonObject *by_kind = json_object_new ();

  json_object_set_int_member (by_kind, "service", 100);
  json_object_set_object_member (quote_charge_at (root, 2), "percent_by_kind", by_kind);
}

static void
mutate_quote_middle_without_share (JsonObject *root)
{
  json_object_remove_member (quote_charge_at (root, 1), "percent_by_kind");
}

static void
mutate_quote_range_out_of_order (JsonObject *root)
{
  JsonObject *range = json_object_get_object_member (quote_charge_at (root, 0), "percent_range");

  json_object_set_int_member (range, "min", 80);
}

/* RAD-11's 100 % and TW-7's clock before it: more than the whole clock. */
static void
mutate_quote_shares_over_100 (JsonObject *root)
{
  JsonObject *by_kind = json_object_get_object_member (quote_charge_at (root, 1), "percent_by_kind");

  json_object_set_int_member (by_kind, "hardware", 10);
}

static void
mutate_quote_duplicate_charge (JsonObject *root)
{
  json_object_set_string_member (quote_charge_at (root, 1), "key", "prepayment");
}

static void
mutate_quote_bad_rule (JsonObject *root)
{
  json_object_set_string_member (quote_charge_at (root, 1), "rule", "tw7");
}

/* The section the quote cases break loads whole, in its order: RAD-11's
 * range, TW-7's share by kind, and the rest; a template without one
 * quotes with a single payment of the whole. */
static void
test_quote_section (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(CrmProcedure) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const CrmQuoteChargeRule *charge;

  g_assert_true (json_parser_load_from_data (parser, minimal_template, -1, NULL));
  add_quote (json_node_get_object (json_parser_get_root (parser)));
  json = json_to_string (json_parser_get_root (parser), FALSE);
  procedure = crm_procedure_new_from_data (json, -1, "quote.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (crm_procedure_get_quote_currency (procedure), ==, "ILS");
  g_assert_cmpuint (crm_procedure_get_quote_vat_rate (procedure), ==, 1800);
  g_assert_cmpuint (crm_procedure_get_quote_validity_days (procedure), ==, 30);
  g_assert_cmpuint (crm_procedure_get_n_quote_charges (procedure), ==, 3);
  charge = crm_procedure_get_quote_charge (procedure, 0);
  g_assert_true (charge->ranged);
  g_assert_cmpuint (charge->min_percent, ==, 50);
  g_assert_cmpuint (charge->default_percent, ==, 50);
  g_assert_cmpstr (charge->rule, ==, "RAD-11");
  charge = crm_procedure_get_quote_charge (procedure, 1);
  g_assert_true (charge->by_kind);
  g_assert_cmpuint (charge->percent_by_kind[CRM_PRODUCT_HARDWARE], ==, 0);
  charge = crm_procedure_get_quote_charge (procedure, 2);
  g_assert_cmpstr (charge->key, ==, "rest");
  g_assert_false (charge->by_kind || charge->ranged);

  plain = crm_procedure_new_from_data (minimal_template, -1, "mini.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_procedure_get_n_quote_charges (plain), ==, 1);
  g_assert_cmpstr (crm_procedure_get_quote_charge (plain, 0)->key, ==, "payment");
  g_assert_cmpuint (crm_procedure_get_quote_vat_rate (plain), ==, 0);
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

  /* The call script and the payment terms: the whole message each. */
  { "call-script-unknown-key", mutate_call_script_unknown_key, { NULL },
    "broken.json: unknown key “greeting” in call_script" },
  { "call-script-without-scripts", mutate_call_script_without_scripts, { NULL },
    "broken.json: missing key “scripts” in call_script" },
  { "call-script-empty-scripts", mutate_call_script_empty_scripts, { NULL },
    "broken.json: “call_script.scripts” must not be empty" },
  { "tw-2-situation-check-without-english", mutate_situation_check_without_english, { NULL },
    "broken.json: missing key “en” in call_script.situation_check" },
  { "tw-2-situation-rule", mutate_situation_rule, { NULL },
    "broken.json: “tw2” in call_script.situation_rule is not a rule ID such as “AXL-9”" },
  { "tw-4-summary-without-body", mutate_summary_without_body, { NULL },
    "broken.json: missing key “body” in call_script.summary" },
  { "tw-4-summary-unknown-placeholder", mutate_summary_unknown_placeholder, { NULL },
    "broken.json: unknown placeholder “{manager}” in call_script.summary.body.ru "
    "(expected one of: {deal}, {rep}, {contact}, {phone}, {email}, {company}, {outcome}, "
    "{duration}, {stages}, {answers}, {note}, {next_contact})" },
  { "tw-4-summary-unclosed-placeholder", mutate_summary_unclosed_placeholder, { NULL },
    "broken.json: “{” without a matching “}” in call_script.summary.subject.en" },
  { "tw-3-duplicate-script", mutate_duplicate_script_key, { NULL },
    "broken.json: duplicate key “sales_call” in call_script.scripts[2].key" },
  { "tw-3-script-without-name", mutate_script_without_name, { NULL },
    "broken.json: missing key “name” in call_script.scripts[1]" },
  { "tw-3-script-unknown-key", mutate_script_unknown_key, { NULL },
    "broken.json: unknown key “default” in call_script.scripts[1]" },
  { "script-undefined-source", mutate_script_undefined_source, { NULL },
    "broken.json: source “fair” in call_script.scripts[0].sources[1] is not defined" },
  { "script-duplicate-source", mutate_script_duplicate_source, { NULL },
    "broken.json: duplicate key “referral” in call_script.scripts[2].sources[2]" },
  { "script-empty-sources", mutate_script_empty_sources, { NULL },
    "broken.json: “call_script.scripts[0].sources” must not be empty" },
  { "axl-7-opening-unknown-placeholder", mutate_opening_unknown_placeholder, { NULL },
    "broken.json: unknown placeholder “{agent}” in call_script.scripts[0].opening.he "
    "(expected one of: {rep}, {company}, {contact}, {source})" },
  { "tw-3-script-without-stages", mutate_script_empty_stages, { NULL },
    "broken.json: “call_script.scripts[1].stages” must not be empty" },
  { "tw-3-duplicate-stage", mutate_duplicate_script_stage, { NULL },
    "broken.json: duplicate key “discovery” in call_script.scripts[0].stages[1].key" },
  { "tw-3-stage-without-name", mutate_script_stage_without_name, { NULL },
    "broken.json: missing key “name” in call_script.scripts[0].stages[1]" },
  { "tw-3-stage-unknown-key", mutate_script_stage_unknown_key, { NULL },
    "broken.json: unknown key “timer” in call_script.scripts[0].stages[0]" },
  { "tw-3-prompt-not-text", mutate_prompt_not_text, { NULL },
    "broken.json: “call_script.scripts[0].stages[0].prompts[2]” must be an object" },
  { "tw-3-duplicate-checklist-item", mutate_duplicate_checklist_item, { NULL },
    "broken.json: duplicate key “asked_business” in "
    "call_script.scripts[0].stages[0].checklist[1].key" },
  { "tw-3-duplicate-question", mutate_duplicate_question, { NULL },
    "broken.json: duplicate key “platform” in call_script.scripts[0].stages[1].questions[0].key" },
  { "tw-3-question-without-text", mutate_question_without_text, { NULL },
    "broken.json: missing key “text” in call_script.scripts[0].stages[0].questions[2]" },
  { "tw-3-question-unknown-field", mutate_question_unknown_field, { NULL },
    "broken.json: question “platform” in call_script.scripts[0].stages[0].questions[0] "
    "names the unknown field “agreement_module”" },
  { "tw-3-question-loss-reason-field", mutate_question_loss_reason_field, { NULL },
    "broken.json: question “team_size” in call_script.scripts[0].stages[0].questions[2] "
    "names the unknown field “loss_reason”" },
  { "tw-3-question-mandatory-not-boolean", mutate_question_mandatory_not_boolean, { NULL },
    "broken.json: “call_script.scripts[0].stages[0].questions[0].mandatory” "
    "must be true or false" },
  { "objection-without-answer", mutate_objection_without_answer, { NULL },
    "broken.json: missing key “answer” in call_script.scripts[0].stages[0].objections[0]" },
  { "duplicate-objection", mutate_duplicate_objection, { NULL },
    "broken.json: duplicate key “too_expensive” in "
    "call_script.scripts[0].stages[0].objections[1].key" },
  { "con-4-unknown-guard", mutate_unknown_guard, { NULL },
    "broken.json: unknown value “discount” in call_script.scripts[0].stages[0].guards[0] "
    "(expected one of: price_rule, payment_terms)" },
  { "con-4-guard-twice", mutate_guard_twice, { NULL },
    "broken.json: duplicate guard “price_rule” in call_script.scripts[0].stages[1].guards[2]" },
  { "tw-6-guard-without-payment-terms", mutate_guard_without_payment_terms, { NULL },
    "broken.json: the “payment_terms” guard in call_script.scripts[0].stages[1].guards[1] "
    "needs a non-empty “payment_terms” list in the template" },
  { "tw-6-payment-terms-not-array", mutate_payment_terms_not_array, { NULL },
    "broken.json: “payment_terms” must be an array" },
  { "tw-6-duplicate-payment-term", mutate_duplicate_payment_term, { NULL },
    "broken.json: duplicate key “credit_card” in payment_terms[2].key" },
  { "tw-6-payment-term-without-name", mutate_payment_term_without_name, { NULL },
    "broken.json: missing key “name” in payment_terms[1]" },
  { "tw-6-payment-term-unknown-key", mutate_payment_term_unknown_key, { NULL },
    "broken.json: unknown key “discount” in payment_terms[1]" },
  { "tw-6-zero-installments", mutate_zero_installments, { NULL },
    "broken.json: “payment_terms[0].max_installments” must be a whole number greater than zero" },
  { "tw-6-unknown-approval", mutate_unknown_approval, { NULL },
    "broken.json: unknown value “director” in payment_terms[2].approval "
    "(expected one of: manager)" },
  { "tw-6-first-term-needs-approval", mutate_first_term_needs_approval, { NULL },
    "broken.json: the first payment term is the default and must not need approval "
    "(payment_terms[0].approval)" },

  /* The quote section: the whole message each. */
  { "quote-unknown-key", mutate_quote_unknown_key, { NULL },
    "broken.json: unknown key “discount” in quote" },
  { "quote-bad-currency", mutate_quote_bad_currency, { NULL },
    "broken.json: “shekel” in quote.currency must be 3 upper-case letters" },
  { "quote-vat-too-large", mutate_quote_vat_too_large, { NULL },
    "broken.json: “quote.vat_rate” must be a whole number from 0 to 10000" },
  { "quote-zero-validity", mutate_quote_zero_validity, { NULL },
    "broken.json: “quote.validity_days” must be a whole number greater than zero" },
  { "quote-without-charges", mutate_quote_without_charges, { NULL },
    "broken.json: missing key “charges” in quote" },
  { "quote-empty-charges", mutate_quote_empty_charges, { NULL },
    "broken.json: “quote.charges” needs at least one charge" },
  { "tw-7-unknown-kind", mutate_quote_unknown_kind, { NULL },
    "broken.json: unknown product kind “clocks” in quote.charges[1].percent_by_kind "
    "(use hardware, software, licence, service or other)" },
  { "tw-7-percent-over-100", mutate_quote_percent_over_100, { NULL },
    "broken.json: “quote.charges[1].percent_by_kind.hardware” must be a whole number "
    "from 0 to 100" },
  { "rad-11-both-shares", mutate_quote_both_shares, { NULL },
    "broken.json: quote.charges[1] has both “percent_by_kind” and “percent_range”; give one" },
  { "quote-last-has-share", mutate_quote_last_has_share, { NULL },
    "broken.json: quote.charges[2] is the last charge and takes the rest: it has no "
    "“percent_by_kind” or “percent_range”" },
  { "quote-middle-without-share", mutate_quote_middle_without_share, { NULL },
    "broken.json: quote.charges[1] needs “percent_by_kind” or “percent_range” (only "
    "the last charge takes the rest)" },
  { "rad-11-range-out-of-order", mutate_quote_range_out_of_order, { NULL },
    "broken.json: “quote.charges[0].percent_range” must have min ≤ default ≤ max" },
  { "axl-9-shares-over-100", mutate_quote_shares_over_100, { NULL },
    "broken.json: the charges in quote.charges ask for more than 100 % of a product "
    "of kind “hardware”" },
  { "quote-duplicate-charge", mutate_quote_duplicate_charge, { NULL },
    "broken.json: duplicate key “prepayment” in quote.charges[1].key" },
  { "quote-bad-rule", mutate_quote_bad_rule, { NULL },
    "broken.json: “tw7” in quote.charges[1].rule is not a rule ID such as “AXL-9”" },
};

static void
assert_invalid (const char        *json,
                const char        *file_name,
                const char * const *expected,
                const char        *message)
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

  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
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

  assert_invalid (json, "broken.json", test_case->expected, test_case->message);
}

static void
test_invalid_not_json (void)
{
  const char * const expected[] = { "JSON", NULL, NULL };
  const char * const expected_array[] = { "object", NULL, NULL };

  assert_invalid ("pipelines: [sales]", "notes.json", expected, NULL);
  assert_invalid ("[1, 2, 3]", "list.json", expected_array, NULL);
}

/* json-glib keeps the last of two same-named members; the loader must not
 * let a hand edit like a second "kind" pass silently. */
static void
test_invalid_duplicate_member (void)
{
  const char * const expected[] = { "duplicate", "“kind”", "pipelines[0].stages[2]" };
  const char * const expected_script[] = { "duplicate", "“scripts”", "call_script" };
  g_autoptr(GString) json = g_string_new (minimal_template);
  g_autoptr(GString) script = g_string_new (minimal_template);

  g_assert_cmpuint (g_string_replace (json, "\"kind\": \"won\"",
                                      "\"kind\": \"won\", \"kind\": \"lost\"", 1), ==, 1);
  assert_invalid (json->str, "twice.json", expected, NULL);

  /* Also where the second would be valid on its own: the script editor
   * reads back only the last. */
  g_assert_cmpuint (g_string_replace (script, "\"format\": 1,",
                                      "\"format\": 1, "
                                      "\"call_script\": {\"scripts\": 1, \"scripts\": 2},",
                                      1), ==, 1);
  assert_invalid (script->str, "twice.json", expected_script, NULL);
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
  g_test_add_func ("/model/procedure/quote-section", test_quote_section);
  g_test_add_func ("/model/procedure/call-script/none", test_call_script_none);
  g_test_add_func ("/model/procedure/call-script/tw-2-situation-check",
                   test_call_script_tw_2_situation_check);
  g_test_add_func ("/model/procedure/call-script/tw-4-summary", test_call_script_tw_4_summary);
  g_test_add_func ("/model/procedure/call-script/tw-3-scripts", test_call_script_tw_3_scripts);
  g_test_add_func ("/model/procedure/call-script/con-4-tw-6-guards", test_call_script_guards);
  g_test_add_func ("/model/procedure/call-script/tw-6-payment-terms",
                   test_call_script_tw_6_payment_terms);
  g_test_add_func ("/model/procedure/call-script/pick-by-source", test_call_script_pick);
  g_test_add_func ("/model/procedure/call-script/json", test_call_script_json);
  g_test_add_func ("/model/procedure/call-script/dup-round-trip", test_call_script_dup_round_trip);
  g_test_add_func ("/model/procedure/call-script/dup-remove-and-add",
                   test_call_script_dup_remove_and_add);
  g_test_add_func ("/model/procedure/call-script/dup-refuses-invalid",
                   test_call_script_dup_refuses_invalid);
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
