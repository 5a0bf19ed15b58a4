/* test-script-draft.c
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

#define G_LOG_DOMAIN "test-script-draft"

#include "config.h"

#include <string.h>

#include "crm-procedure.h"
#include "crm-script-draft.h"

/* A saved call script: its keys are what calls already refer to. */
static const char saved_script[] =
  "{"
  "  \"scripts\": [{"
  "    \"key\": \"sales_call\","
  "    \"name\": {\"en\": \"Sales call\", \"he\": \"שיחת מכירה\"},"
  "    \"stages\": ["
  "      {\"key\": \"greeting\", \"name\": {\"en\": \"Greeting\"},"
  "       \"goal\": {\"en\": \"Say who we are\"}},"
  "      {\"key\": \"discovery\", \"name\": {\"en\": \"Discovery\"},"
  "       \"questions\": [{\"key\": \"budget\", \"text\": {\"en\": \"What is your budget?\"},"
  "                       \"field\": \"amount\", \"mandatory\": true}]}"
  "    ]"
  "  }]"
  "}";

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (node));
}

static char *
to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static void
test_key_from_text (void)
{
  static const struct { const char *text; const char *key; } cases[] = {
    { "Needs analysis", "needs_analysis" },
    { "  What's your BUDGET?  ", "what_s_your_budget" },
    { "Café crème", "cafe_creme" },
    { "1C-Bitrix", "1c_bitrix" },
    { "שיחת מכירה", "stage" },
    { "", "stage" },
    { NULL, "stage" },
    { "A very long stage name that goes on and on beyond any reason", "a_very_long_stage_name_that_goes_on_and" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = crm_script_key_from_text (cases[i].text, "stage");

      g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpuint (strlen (key), <=, 40);
    }
}

/* The draft edits a copy: the procedure's own section stays as loaded
 * until the store saves. */
static void
test_edits_a_copy (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autofree char *before = to_string (original);
  g_autofree char *after = NULL;
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);

  g_assert_false (crm_script_draft_get_modified (draft));
  g_assert_true (crm_script_draft_get_json (draft) != original);

  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 0, 0, "en", "Hello"));
  g_assert_true (crm_script_draft_set_mandatory (draft, 0, 1, 0, FALSE));
  crm_script_draft_add_stage (draft, 0);
  crm_script_draft_move_stage (draft, 0, 2, 0);
  g_assert_true (crm_script_draft_get_modified (draft));

  after = to_string (original);
  g_assert_cmpstr (before, ==, after);
}

/* An empty translation is stored absent, so the text falls back to
 * English; an empty optional text goes altogether. */
static void
test_translations (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  JsonObject *script;

  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "he"), ==,
                   "שיחת מכירה");
  g_assert_null (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "ru"));

  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "ru", " Продажа "));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "ru"), ==,
                   "Продажа");
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "he", "  "));
  g_assert_null (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "he"));
  /* The saved key does not follow a renamed script. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "en", "Inbound"));
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0), ==, "sales_call");

  /* The goal is optional: cleared, it is gone. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_GOAL, 0, 0, 0, "en", ""));
  g_assert_false (json_object_has_member (json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (
      json_object_get_array_member (crm_script_draft_get_json (draft), "scripts"), 0), "stages"), 0), "goal"));
  g_assert_false (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_GOAL, 0, 0, 0, "en", NULL));

  /* A translated opening line without English is kept for the loader
   * to refuse: English is the source text. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_OPENING, 0, 0, 0, "he", "שלום"));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_OPENING, 0, 0, 0, "en"), ==, "");

  /* A required English text is kept blank for the loader to name. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 1, 0, "en", " "));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 1, 0, "en"), ==, "");

  script = json_array_get_object_element (json_object_get_array_member (crm_script_draft_get_json (draft),
                                                                         "scripts"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (script, "name"), "ru"), ==,
                   "Продажа");
}

/* New items get keys from their English text, unique where the format
 * wants them unique, and following the text until the draft is saved. */
static void
test_new_keys (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  guint stage;
  guint question;

  stage = crm_script_draft_add_stage (draft, 0);
  g_assert_cmpuint (stage, ==, 2);
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0), ==, "stage");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0, "en", "Discovery");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0), ==,
                   "discovery_2");
  /* A translation does not change the key. */
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0, "he", "בירור צרכים");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0), ==,
                   "discovery_2");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0, "en", "Closing");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0), ==, "closing");

  /* Question keys are unique in the whole script. */
  question = crm_script_draft_add_item (draft, 0, stage, CRM_SCRIPT_PART_QUESTIONS);
  g_assert_cmpuint (question, ==, 0);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_QUESTION, 0, stage, question, "en", "Budget");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_QUESTION, 0, stage, question), ==,
                   "budget_2");
  g_assert_true (crm_script_draft_set_field (draft, 0, stage, question, "contact.email"));
  g_assert_cmpstr (crm_script_draft_get_field (draft, 0, stage, question), ==, "contact.email");
  g_assert_true (crm_script_draft_set_field (draft, 0, stage, question, NULL));
  g_assert_null (crm_script_draft_get_field (draft, 0, stage, question));
  g_assert_true (crm_script_draft_set_mandatory (draft, 0, stage, question, TRUE));
  g_assert_true (crm_script_draft_get_mandatory (draft, 0, stage, question));

  /* Checklist keys are unique in their stage only. */
  crm_script_draft_add_item (draft, 0, stage, CRM_SCRIPT_PART_CHECKLIST);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, stage, 0, "en", "Budget");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, stage, 0), ==, "budget");
  crm_script_draft_add_item (draft, 0, stage, CRM_SCRIPT_PART_CHECKLIST);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, stage, 1, "en", "Budget!");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, stage, 1), ==, "budget_2");

  /* Once saved, keys stay put. */
  crm_script_draft_mark_saved (draft);
  g_assert_false (crm_script_draft_get_modified (draft));
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0, "en", "Wrap-up");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, stage, 0), ==, "closing");
  g_assert_true (crm_script_draft_get_modified (draft));
}

static void
test_lists (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  guint item;

  g_assert_cmpuint (crm_script_draft_get_n_items (draft, 0, 0, CRM_SCRIPT_PART_PROMPTS), ==, 0);
  item = crm_script_draft_add_item (draft, 0, 0, CRM_SCRIPT_PART_PROMPTS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 0, item, "en", "Smile");
  item = crm_script_draft_add_item (draft, 0, 0, CRM_SCRIPT_PART_PROMPTS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 0, item, "en", "Listen");
  g_assert_cmpuint (crm_script_draft_get_n_items (draft, 0, 0, CRM_SCRIPT_PART_PROMPTS), ==, 2);
  g_assert_true (crm_script_draft_remove_item (draft, 0, 0, CRM_SCRIPT_PART_PROMPTS, 0));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 0, 0, "en"), ==, "Listen");

  item = crm_script_draft_add_item (draft, 0, 0, CRM_SCRIPT_PART_OBJECTIONS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_OBJECTION, 0, 0, item, "en", "Too expensive");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_ANSWER, 0, 0, item, "en", "Compare with the cost of errors");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_OBJECTION, 0, 0, item), ==, "too_expensive");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_ANSWER, 0, 0, item, "en"), ==,
                   "Compare with the cost of errors");

  /* Stages move; the others keep their order. */
  crm_script_draft_add_stage (draft, 0);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 2, 0, "en", "Closing");
  g_assert_true (crm_script_draft_move_stage (draft, 0, 2, 0));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 0, 0, "en"), ==, "Closing");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 1, 0, "en"), ==, "Greeting");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, 0, "en"), ==, "Listen");
  g_assert_false (crm_script_draft_move_stage (draft, 0, 0, 3));
  /* A moved stage is still the same object: its key still follows it. */
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 0, 0, "en", "Wrap up");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 0, 0), ==, "wrap_up");

  g_assert_true (crm_script_draft_remove_stage (draft, 0, 0));
  g_assert_cmpuint (crm_script_draft_get_n_stages (draft, 0), ==, 2);
  g_assert_false (crm_script_draft_remove_stage (draft, 0, 2));
}

/* The whole call's texts (TW-2, TW-4), as the TW template has them. */
static const char call_texts[] =
  "{"
  "  \"situation_check\": {\"en\": \"Can you talk now?\", \"he\": \"נוח לך לדבר?\"},"
  "  \"situation_rule\": \"TW-2\","
  "  \"summary\": {\"subject\": {\"en\": \"Call summary: {deal}\"},"
  "              \"body\": {\"en\": \"{rep} called {contact}: {outcome}\"},"
  "              \"rule\": \"TW-4\"},"
  "  \"scripts\": [{\"key\": \"sales_call\", \"name\": {\"en\": \"Sales call\"},"
  "                \"stages\": [{\"key\": \"greeting\", \"name\": {\"en\": \"Greeting\"}}]}]"
  "}";

/* TW-2: the situation check is edited per language; cleared, the check
 * goes, and its rule ID with it. */
static void
test_situation_check (void)
{
  g_autoptr(JsonObject) original = parse_object (call_texts);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  JsonObject *root = crm_script_draft_get_json (draft);

  /* The script and stage do not matter: the check is the whole call's. */
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 7, 7, 7, "he"), ==,
                   "נוח לך לדבר?");
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "ru",
                                            "Вам удобно говорить?"));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "ru"), ==,
                   "Вам удобно говорить?");

  /* English cleared while translations remain: kept for the loader. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "en", ""));
  g_assert_true (json_object_has_member (root, "situation_check"));
  g_assert_true (json_object_has_member (root, "situation_rule"));

  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "he", NULL);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "ru", " ");
  g_assert_false (json_object_has_member (root, "situation_check"));
  g_assert_false (json_object_has_member (root, "situation_rule"));
  g_assert_null (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "en"));

  /* And typed again, it is back. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "en",
                                            "Is this a good time?"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "situation_check"),
                                                  "en"), ==, "Is this a good time?");

  /* Given up in every language at once. */
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "he", "עכשיו זמן טוב?");
  g_assert_true (crm_script_draft_remove_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0));
  g_assert_false (json_object_has_member (root, "situation_check"));
  g_assert_false (crm_script_draft_remove_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0));
}

/* TW-4: the summary's subject and body are edited per language, the body
 * keeps its lines; a summary is made by its first text and goes with
 * its last. */
static void
test_summary (void)
{
  g_autoptr(JsonObject) original = parse_object (call_texts);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  JsonObject *root = crm_script_draft_get_json (draft);
  JsonObject *summary;

  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "he",
                                            "{rep} התקשר אל {contact}\n{answers}\n"));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "he"), ==,
                   "{rep} התקשר אל {contact}\n{answers}");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "en"), ==,
                   "Call summary: {deal}");

  /* Without a subject the summary stays, for the loader to say so. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "en", ""));
  summary = json_object_get_object_member (root, "summary");
  g_assert_false (json_object_has_member (summary, "subject"));
  g_assert_cmpstr (json_object_get_string_member (summary, "rule"), ==, "TW-4");

  /* Without both, no summary is sent: it is gone, rule and all. */
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "he", "");
  g_assert_true (json_object_has_member (root, "summary"));
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "en", NULL));
  g_assert_false (json_object_has_member (root, "summary"));
  g_assert_null (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "en"));
  g_assert_false (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "en", " "));
  g_assert_false (json_object_has_member (root, "summary"));

  /* A call script without a summary gets one from the first text. */
  g_assert_true (crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "ru",
                                            "Итоги звонка: {deal}"));
  summary = json_object_get_object_member (root, "summary");
  g_assert_nonnull (summary);
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "en"), ==, "");
  g_assert_false (json_object_has_member (summary, "body"));

  /* Given up, translations and all. */
  g_assert_true (crm_script_draft_remove_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0));
  g_assert_false (json_object_has_member (root, "summary"));
  g_assert_false (crm_script_draft_remove_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0));
}

static JsonObject *
stage_object (CrmScriptDraft *draft,
              guint           stage)
{
  JsonArray *scripts = json_object_get_array_member (crm_script_draft_get_json (draft), "scripts");
  JsonObject *script = json_array_get_object_element (scripts, 0);

  return json_array_get_object_element (json_object_get_array_member (script, "stages"), stage);
}

/* CON-4, TW-6: a stage's guards are switched one at a time, written in
 * the format's order, and left out when none is on. */
static void
test_guards (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  g_autofree char *json = NULL;

  g_assert_cmpint (crm_script_draft_get_guards (draft, 0, 1), ==, CRM_SCRIPT_GUARD_NONE);
  g_assert_true (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PAYMENT_TERMS, TRUE));
  g_assert_true (crm_script_draft_get_modified (draft));
  g_assert_true (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PRICE_RULE, TRUE));
  g_assert_false (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PRICE_RULE, TRUE));
  g_assert_cmpint (crm_script_draft_get_guards (draft, 0, 1), ==,
                   CRM_SCRIPT_GUARD_PRICE_RULE | CRM_SCRIPT_GUARD_PAYMENT_TERMS);
  json = to_string (stage_object (draft, 1));
  g_assert_nonnull (strstr (json, "\"guards\":[\"price_rule\",\"payment_terms\"]"));

  /* The other stage is not touched. */
  g_assert_cmpint (crm_script_draft_get_guards (draft, 0, 0), ==, CRM_SCRIPT_GUARD_NONE);

  g_assert_true (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PRICE_RULE, FALSE));
  g_assert_cmpint (crm_script_draft_get_guards (draft, 0, 1), ==, CRM_SCRIPT_GUARD_PAYMENT_TERMS);
  g_assert_true (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PAYMENT_TERMS, FALSE));
  g_assert_false (json_object_has_member (stage_object (draft, 1), "guards"));
  g_assert_false (crm_script_draft_set_guard (draft, 0, 1, CRM_SCRIPT_GUARD_PAYMENT_TERMS, FALSE));

  /* No such stage. */
  g_assert_false (crm_script_draft_set_guard (draft, 0, 5, CRM_SCRIPT_GUARD_PRICE_RULE, TRUE));
}

/* Prompts, checklist items, questions and objections are moved within
 * their list; the others keep their order, and a saved question keeps
 * its key, which calls store answers by. */
static void
test_move_items (void)
{
  static const char * const prompts[] = { "Smile", "Listen", "Take notes" };
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  guint question;

  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    {
      guint item = crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_PROMPTS);

      crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, item, "en", prompts[i]);
    }

  g_assert_true (crm_script_draft_move_item (draft, 0, 1, CRM_SCRIPT_PART_PROMPTS, 2, 0));
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, 0, "en"), ==, "Take notes");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, 1, "en"), ==, "Smile");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, 2, "en"), ==, "Listen");
  g_assert_false (crm_script_draft_move_item (draft, 0, 1, CRM_SCRIPT_PART_PROMPTS, 0, 3));
  g_assert_false (crm_script_draft_move_item (draft, 0, 1, CRM_SCRIPT_PART_PROMPTS, 1, 1));
  g_assert_false (crm_script_draft_move_item (draft, 0, 0, CRM_SCRIPT_PART_CHECKLIST, 0, 1));

  /* A new question goes before the saved one; the saved one keeps its
   * key and the new one's key still follows its text. */
  question = crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_QUESTIONS);
  g_assert_true (crm_script_draft_move_item (draft, 0, 1, CRM_SCRIPT_PART_QUESTIONS, question, 0));
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_QUESTION, 0, 1, 1), ==, "budget");
  g_assert_true (crm_script_draft_get_mandatory (draft, 0, 1, 1));
  g_assert_cmpstr (crm_script_draft_get_field (draft, 0, 1, 1), ==, "amount");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_QUESTION, 0, 1, 0, "en", "Who decides?");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_QUESTION, 0, 1, 0), ==, "who_decides");

  crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_CHECKLIST);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, 1, 0, "en", "Asked the budget");
  crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_CHECKLIST);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, 1, 1, "en", "Asked who decides");
  g_assert_true (crm_script_draft_move_item (draft, 0, 1, CRM_SCRIPT_PART_CHECKLIST, 0, 1));
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_CHECKLIST, 0, 1, 0), ==,
                   "asked_who_decides");
}

/* Scripts are added, each with a stage and a key of its own, and
 * removed, all but the last one. */
static void
test_scripts (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  g_autoptr(CrmScriptDraft) empty = crm_script_draft_new (NULL);
  guint script;

  g_assert_cmpuint (crm_script_draft_add_script (empty, "Sales call", "Greeting"), ==, G_MAXUINT);

  script = crm_script_draft_add_script (draft, NULL, "Greeting");
  g_assert_cmpuint (script, ==, 1);
  g_assert_cmpuint (crm_script_draft_get_n_scripts (draft), ==, 2);
  g_assert_cmpuint (crm_script_draft_get_n_stages (draft, script), ==, 1);
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0, "en"), ==, "");
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, script, 0, 0, "en"), ==,
                   "Greeting");
  /* The stage's key is unique in its own script only. */
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_STAGE_NAME, script, 0, 0), ==, "greeting");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0), ==, "script");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0, "en", "Sales call");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0), ==,
                   "sales_call_2");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0, "en", "Repeat order");
  g_assert_cmpstr (crm_script_draft_get_key (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0), ==,
                   "repeat_order");

  /* The saved script goes; the new one is the only one and stays. */
  crm_script_draft_mark_saved (draft);
  g_assert_true (crm_script_draft_remove_script (draft, 0));
  g_assert_true (crm_script_draft_get_modified (draft));
  g_assert_cmpuint (crm_script_draft_get_n_scripts (draft), ==, 1);
  g_assert_cmpstr (crm_script_draft_get_text (draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, 0, 0, "en"), ==,
                   "Repeat order");
  g_assert_false (crm_script_draft_remove_script (draft, 0));
  g_assert_false (crm_script_draft_remove_script (draft, 1));
}

/* The deal sources that pick a script: added and taken out one by one;
 * a script left with none has no list at all, as the format wants. */
static void
test_sources (void)
{
  g_autoptr(JsonObject) original = parse_object (saved_script);
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (original);
  JsonObject *script = json_array_get_object_element (
    json_object_get_array_member (crm_script_draft_get_json (draft), "scripts"), 0);
  g_autofree char *json = NULL;

  g_assert_false (crm_script_draft_has_source (draft, 0, "phone"));
  g_assert_false (crm_script_draft_set_source (draft, 0, "phone", FALSE));
  g_assert_true (crm_script_draft_set_source (draft, 0, "phone", TRUE));
  g_assert_true (crm_script_draft_set_source (draft, 0, "website", TRUE));
  g_assert_false (crm_script_draft_set_source (draft, 0, "website", TRUE));
  g_assert_true (crm_script_draft_has_source (draft, 0, "phone"));
  json = to_string (script);
  g_assert_nonnull (strstr (json, "\"sources\":[\"phone\",\"website\"]"));

  g_assert_true (crm_script_draft_set_source (draft, 0, "phone", FALSE));
  g_assert_false (crm_script_draft_has_source (draft, 0, "phone"));
  g_assert_true (crm_script_draft_has_source (draft, 0, "website"));
  g_assert_true (crm_script_draft_set_source (draft, 0, "website", FALSE));
  g_assert_false (json_object_has_member (script, "sources"));

  /* No such script. */
  g_assert_false (crm_script_draft_set_source (draft, 3, "phone", TRUE));
}

/* A template without a call script starts one: a script with a stage. */
static void
test_add_call_script (void)
{
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (NULL);
  g_autofree char *json = NULL;

  g_assert_null (crm_script_draft_get_json (draft));
  g_assert_cmpuint (crm_script_draft_get_n_scripts (draft), ==, 0);
  g_assert_true (crm_script_draft_add_call_script (draft, "Sales call", "Greeting"));
  g_assert_false (crm_script_draft_add_call_script (draft, "Again", "Again"));
  g_assert_true (crm_script_draft_get_modified (draft));
  g_assert_cmpuint (crm_script_draft_get_n_scripts (draft), ==, 1);
  g_assert_cmpuint (crm_script_draft_get_n_stages (draft, 0), ==, 1);

  json = to_string (crm_script_draft_get_json (draft));
  g_assert_cmpstr (json, ==,
                   "{\"scripts\":[{\"key\":\"sales_call\",\"name\":{\"en\":\"Sales call\"},"
                   "\"stages\":[{\"key\":\"greeting\",\"name\":{\"en\":\"Greeting\"}}]}]}");
}

/* A draft of a shipped script, untouched, gives back the same template:
 * the copy loses nothing the editor does not show (sources, guards,
 * rules, the summary). */
static void
test_shipped_scripts_survive_a_copy (void)
{
  const char * const *ids = crm_procedure_get_builtin_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin (ids[i], &error);
      g_autoptr(CrmScriptDraft) draft = NULL;
      g_autofree char *original = NULL;
      g_autofree char *copied = NULL;

      g_assert_no_error (error);
      draft = crm_script_draft_new (crm_procedure_get_call_script_json (procedure));
      original = crm_procedure_dup_with_call_script (procedure, crm_procedure_get_call_script_json (procedure),
                                                     &error);
      g_assert_no_error (error);
      copied = crm_procedure_dup_with_call_script (procedure, crm_script_draft_get_json (draft), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (copied, ==, original);
      g_assert_false (crm_script_draft_get_modified (draft));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/script-draft/key-from-text", test_key_from_text);
  g_test_add_func ("/script-draft/edits-a-copy", test_edits_a_copy);
  g_test_add_func ("/script-draft/translations", test_translations);
  g_test_add_func ("/script-draft/new-keys", test_new_keys);
  g_test_add_func ("/script-draft/lists", test_lists);
  g_test_add_func ("/script-draft/move-items", test_move_items);
  g_test_add_func ("/script-draft/rule-con-4-tw-6-guards", test_guards);
  g_test_add_func ("/script-draft/rule-tw-2-situation-check", test_situation_check);
  g_test_add_func ("/script-draft/rule-tw-4-summary", test_summary);
  g_test_add_func ("/script-draft/add-call-script", test_add_call_script);
  g_test_add_func ("/script-draft/scripts", test_scripts);
  g_test_add_func ("/script-draft/sources", test_sources);
  g_test_add_func ("/script-draft/shipped-scripts-survive-a-copy", test_shipped_scripts_survive_a_copy);

  return g_test_run ();
}
