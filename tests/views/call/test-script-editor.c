/* test-script-editor.c
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

/* The sales manager's side of the call-script panel (issue 4): the
 * call-script editor and, in Preferences, the organisation's name, the
 * call summary's copy address and the product catalogue. The tests work
 * the real widgets and check what the store holds. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "crm-preferences-window.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-product-dialog.h"
#include "crm-script-draft.h"
#include "crm-script-editor.h"
#include "crm-store.h"
#include "crm-user.h"
#include "crm-views-resources.h"

#include "crm-test-utils.h"

/* Helpers */

static void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget under @widget, in tree order, that @matches with
 * @data. */
static gpointer
find_widget (gpointer      widget,
             gboolean    (*matches) (GtkWidget *widget, const char *data),
             const char   *data)
{
  if (matches (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_widget (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The preferences row titled @title under @widget. */
static gpointer
find_row (gpointer    widget,
          const char *title)
{
  return find_widget (widget, is_row_titled, title);
}

/* The switch of a question's "Mandatory" row (an expander row has a
 * switch of its own). */
static GtkSwitch *
mandatory_switch (gpointer question)
{
  gpointer row = find_row (question, "Mandatory");

  g_assert_nonnull (row);

  return crm_test_find_descendant (row, GTK_TYPE_SWITCH, 0);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* A mapped label under @widget that shows @text: what people read. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_widget (widget, shows_text, text);
}

#define EDITOR_CHILD(editor, name) crm_test_child ((editor), CRM_TYPE_SCRIPT_EDITOR, (name))
#define PREFS_CHILD(window, name) crm_test_child ((window), CRM_TYPE_PREFERENCES_WINDOW, (name))

static void
set_text (gpointer    row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  flush_events ();
}

static GtkWidget *
open_preferences (CrmStore *store)
{
  GtkWidget *window = crm_preferences_window_new (store, NULL);

  /* GTK owns toplevels; the test keeps a reference to check the window
   * goes when closed. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (100);

  return window;
}

static GtkWidget *
open_editor (CrmStore *store)
{
  GtkWidget *editor = crm_script_editor_new (store);

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  crm_test_iterate (100);

  return editor;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (window);
}

/* The department's procedure as shipped, but without a call script: a
 * department that has none yet. */
static void
install_without_call_script (CrmStore   *store,
                             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmProcedure) shipped = crm_procedure_load_builtin (id, &error);
  g_autofree char *file_name = g_strconcat (id, ".json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(CrmProcedure) procedure = NULL;

  g_assert_no_error (error);
  json = crm_procedure_dup_with_call_script (shipped, NULL, &error);
  g_assert_no_error (error);
  procedure = crm_procedure_new_from_data (json, -1, file_name, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_install_procedure (store, procedure, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up_tw (CrmTestFixture *fixture,
                   gconstpointer   data)
{
  crm_test_fixture_set_up (fixture, NULL);
  install_without_call_script (fixture->store, "tw");
}

static void
reopen_store (CrmTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->store);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
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

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static gpointer
row_at (gpointer list,
        guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);

  return row;
}

static void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
  flush_events ();
}

/* Saves the call scripts, which closes the editor for good. */
static void
save_and_close (GtkWidget *editor)
{
  activate (editor, "editor.save", NULL);
  crm_test_iterate (100);
  g_assert_finalize_object (editor);
}

/* Chooses the drop-down item that reads @label. */
static void
choose (AdwComboRow *row,
        const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          flush_events ();
          return;
        }
    }

  g_assert_not_reached ();
}

static const CrmCallScript *
first_script (CrmStore *store)
{
  CrmProcedure *procedure = crm_store_get_procedure (store);

  g_assert_nonnull (procedure);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 1);

  return crm_procedure_get_call_script (procedure, 0);
}

static const CrmScriptStage *
stage_at (const CrmCallScript *script,
          guint                index)
{
  g_assert_cmpuint (index, <, script->stages->len);

  return g_ptr_array_index (script->stages, index);
}

/* What the manager wrote in test_tw_3_manager_writes_a_script(), as the
 * procedure gives it to a call. */
static void
assert_written_script (CrmStore *store)
{
  const CrmCallScript *script = first_script (store);
  const CrmScriptStage *greeting;
  const CrmScriptStage *discovery;
  const CrmScriptQuestion *question;
  const CrmScriptItem *item;
  const CrmScriptObjection *objection;

  g_assert_cmpstr (script->key, ==, "sales_call");
  g_assert_cmpstr (script->name.en, ==, "Sales call");
  g_assert_cmpstr (script->opening.en, ==, "Hello, my name is {rep}, company {company}.");
  g_assert_cmpstr (script->opening.he, ==, "שלום, שמי {rep}, מחברת {company}.");
  g_assert_cmpuint (script->stages->len, ==, 2);

  greeting = stage_at (script, 0);
  g_assert_cmpstr (greeting->key, ==, "greeting");
  g_assert_cmpstr (greeting->goal.en, ==, "Say who we are");
  g_assert_cmpuint (greeting->prompts->len, ==, 1);
  g_assert_cmpstr (((CrmText *)g_ptr_array_index (greeting->prompts, 0))->en, ==, "Smile while you talk");

  discovery = stage_at (script, 1);
  g_assert_cmpstr (discovery->key, ==, "discovery");
  g_assert_cmpstr (discovery->name.en, ==, "Discovery");
  g_assert_cmpstr (discovery->name.he, ==, "בירור צרכים");
  /* An empty translation is stored absent: a call shows the English. */
  g_assert_null (discovery->name.ru);
  g_assert_null (discovery->goal.he);
  g_assert_cmpstr (discovery->goal.en, ==, "Learn how the business works");

  g_assert_cmpuint (discovery->questions->len, ==, 1);
  question = g_ptr_array_index (discovery->questions, 0);
  g_assert_cmpstr (question->key, ==, "do_you_have_collective_agreements");
  g_assert_cmpstr (question->text.en, ==, "Do you have collective agreements?");
  g_assert_cmpstr (question->text.he, ==, "יש לכם הסכמים קיבוציים?");
  g_assert_cmpstr (question->field, ==, "agreements_module");
  g_assert_true (question->mandatory);

  g_assert_cmpuint (discovery->checklist->len, ==, 1);
  item = g_ptr_array_index (discovery->checklist, 0);
  g_assert_cmpstr (item->key, ==, "asked_what_the_business_does");
  g_assert_cmpstr (item->text.en, ==, "Asked what the business does");

  g_assert_cmpuint (discovery->objections->len, ==, 1);
  objection = g_ptr_array_index (discovery->objections, 0);
  g_assert_cmpstr (objection->key, ==, "it_is_too_expensive");
  g_assert_cmpstr (objection->objection.en, ==, "It is too expensive");
  g_assert_cmpstr (objection->answer.en, ==, "Count the hours it saves every month");
}

/* TW-3: the sales manager writes the call script reps are led through: a
 * new stage with a mandatory question whose answer goes into a field of
 * the deal, in English and in Hebrew. It is stored with the procedure
 * and survives reopening the database. */
static void
test_tw_3_manager_writes_a_script (CrmTestFixture *fixture,
                                   gconstpointer   data)
{
  g_autofree char *field_label = crm_store_dup_field_label (fixture->store, "agreements_module");
  GtkWidget *preferences = open_preferences (fixture->store);
  AdwExpanderRow *question;
  AdwExpanderRow *objection;
  GtkWidget *editor;

  /* The manager opens the editor from Preferences. */
  activate (preferences, "preferences.edit-call-scripts", NULL);
  editor = g_object_ref (crm_test_find_window (CRM_TYPE_SCRIPT_EDITOR));
  crm_test_iterate (100);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (preferences));

  /* The template has no call script: the editor offers to add one. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (EDITOR_CHILD (editor, "content_stack")), ==, "empty");
  crm_test_screenshot (editor, "script-editor-empty.png");
  activate (editor, "editor.add-call-script", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (EDITOR_CHILD (editor, "content_stack")), ==, "script");
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, "Sales call");
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Greeting");

  set_text (EDITOR_CHILD (editor, "opening_row"), "Hello, my name is {rep}, company {company}.");
  set_text (EDITOR_CHILD (editor, "goal_row"), "Say who we are");
  activate (editor, "editor.add-item", g_variant_new_string ("prompts"));
  set_text (row_at (EDITOR_CHILD (editor, "prompts_list"), 0), "Smile while you talk");

  /* A second stage, with a mandatory question saved to a field. */
  activate (editor, "editor.add-stage", NULL);
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "");
  set_text (EDITOR_CHILD (editor, "stage_name_row"), "Discovery");
  g_assert_nonnull (find_label (editor, "2. Discovery"));
  set_text (EDITOR_CHILD (editor, "goal_row"), "Learn how the business works");

  activate (editor, "editor.add-item", g_variant_new_string ("questions"));
  question = row_at (EDITOR_CHILD (editor, "questions_list"), 0);
  g_assert_true (adw_expander_row_get_expanded (question));
  set_text (crm_test_find_descendant (question, ADW_TYPE_ENTRY_ROW, 0), "Do you have collective agreements?");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (question)), ==,
                   "Do you have collective agreements?");
  choose (crm_test_find_descendant (question, ADW_TYPE_COMBO_ROW, 0), field_label);
  gtk_switch_set_active (mandatory_switch (question), TRUE);
  flush_events ();
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (question), field_label));

  activate (editor, "editor.add-item", g_variant_new_string ("checklist"));
  set_text (row_at (EDITOR_CHILD (editor, "checklist_list"), 0), "Asked what the business does");
  activate (editor, "editor.add-item", g_variant_new_string ("objections"));
  objection = row_at (EDITOR_CHILD (editor, "objections_list"), 0);
  set_text (crm_test_find_descendant (objection, ADW_TYPE_ENTRY_ROW, 0), "It is too expensive");
  set_text (crm_test_find_descendant (objection, ADW_TYPE_ENTRY_ROW, 1), "Count the hours it saves every month");
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-en.png");

  /* In Hebrew the fields are empty until translated, and show the
   * English a call would fall back to. */
  gtk_drop_down_set_selected (EDITOR_CHILD (editor, "language_dropdown"), 1);
  flush_events ();
  g_assert_cmpstr (crm_script_editor_get_language (CRM_SCRIPT_EDITOR (editor)), ==, "he");
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (EDITOR_CHILD (editor, "stage_name_row")),
                            "Discovery"));
  set_text (EDITOR_CHILD (editor, "stage_name_row"), "בירור צרכים");
  g_assert_nonnull (find_label (editor, "2. בירור צרכים"));
  question = row_at (EDITOR_CHILD (editor, "questions_list"), 0);
  adw_expander_row_set_expanded (question, TRUE);
  set_text (crm_test_find_descendant (question, ADW_TYPE_ENTRY_ROW, 0), "יש לכם הסכמים קיבוציים?");

  /* The opening line is the script's, on the first stage's page too. */
  gtk_list_box_select_row (EDITOR_CHILD (editor, "stages_list"), row_at (EDITOR_CHILD (editor, "stages_list"), 0));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "");
  set_text (EDITOR_CHILD (editor, "opening_row"), "שלום, שמי {rep}, מחברת {company}.");
  gtk_list_box_select_row (EDITOR_CHILD (editor, "stages_list"), row_at (EDITOR_CHILD (editor, "stages_list"), 1));
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-he.png");

  /* Nothing reaches the store before Save. */
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), ==, 0);
  g_assert_true (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));

  save_and_close (editor);
  g_assert_nonnull (find_label (preferences, "Call scripts saved"));
  assert_written_script (fixture->store);

  close_window (preferences);
  reopen_store (fixture);
  assert_written_script (fixture->store);
}

/* A script stored earlier; its stages are what calls have referred to. */
static void
save_three_stages (CrmStore *store)
{
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (NULL);
  g_autoptr(GError) error = NULL;

  crm_script_draft_add_call_script (draft, "Sales call", "Greeting");
  crm_script_draft_add_stage (draft, 0);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 1, 0, "en", "Discovery");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 1, 0, "he", "בירור צרכים");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_GOAL, 0, 1, 0, "en", "Learn how the business works");
  crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_QUESTIONS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_QUESTION, 0, 1, 0, "en", "How many employees do you have?");
  crm_script_draft_set_field (draft, 0, 1, 0, "clocks");
  crm_script_draft_set_mandatory (draft, 0, 1, 0, TRUE);
  crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_PROMPTS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_PROMPT, 0, 1, 0, "en", "Listen more than you talk");
  crm_script_draft_add_item (draft, 0, 1, CRM_SCRIPT_PART_OBJECTIONS);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_OBJECTION, 0, 1, 0, "en", "We already have a system");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_ANSWER, 0, 1, 0, "en",
                             "Ask what it costs them in hours every month");
  crm_script_draft_add_stage (draft, 0);
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_STAGE_NAME, 0, 2, 0, "en", "Closing");
  crm_script_draft_set_guard (draft, 0, 2, CRM_SCRIPT_GUARD_PAYMENT_TERMS, TRUE);
  crm_script_draft_set_source (draft, 0, "hot_lead", TRUE);

  /* The whole call's texts, in English and Hebrew. */
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "en", "Is this a good time to talk?");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0, 0, "he", "נוח לך לדבר עכשיו?");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "en", "Call summary: {deal}");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0, 0, "he", "סיכום שיחה: {deal}");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "en",
                             "{rep} called {contact} ({phone}): {outcome}, {duration}.\n\n{answers}\n\n"
                             "Next contact: {next_contact}");
  crm_script_draft_set_text (draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0, "he",
                             "{rep} התקשר אל {contact} ({phone}): {outcome}, {duration}.\n\n{answers}\n\n"
                             "השיחה הבאה: {next_contact}");

  g_assert_true (crm_store_save_call_script (store, crm_script_draft_get_json (draft), &error));
  g_assert_no_error (error);
}

/* TW-3: stages are gone through in order; the manager reorders and
 * removes them. The stages that stay keep their keys, which calls
 * already stored. */
static void
test_tw_3_reorder_and_remove_stages (CrmTestFixture *fixture,
                                     gconstpointer   data)
{
  const CrmCallScript *script;
  GtkWidget *editor;
  GtkListBox *stages;

  save_three_stages (fixture->store);
  editor = open_editor (fixture->store);
  stages = EDITOR_CHILD (editor, "stages_list");
  g_assert_cmpuint (count_rows (stages), ==, 3);

  /* Closing first, then away with the greeting. */
  gtk_list_box_select_row (stages, row_at (stages, 2));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Closing");
  activate (editor, "editor.move-stage-up", NULL);
  activate (editor, "editor.move-stage-up", NULL);
  g_assert_nonnull (find_label (editor, "1. Closing"));
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Closing");
  gtk_list_box_select_row (stages, row_at (stages, 1));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Greeting");
  activate (editor, "editor.remove-stage", NULL);
  g_assert_cmpuint (count_rows (stages), ==, 2);

  /* The discovery's question loses its mandatory mark and a prompt. */
  gtk_list_box_select_row (stages, row_at (stages, 1));
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Discovery");
  gtk_switch_set_active (mandatory_switch (row_at (EDITOR_CHILD (editor, "questions_list"), 0)), FALSE);
  activate (editor, "editor.remove-item", g_variant_new ("(su)", "prompts", 0));
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "prompts_list")), ==, 0);

  save_and_close (editor);

  script = first_script (fixture->store);
  g_assert_cmpuint (script->stages->len, ==, 2);
  g_assert_cmpstr (stage_at (script, 0)->key, ==, "closing");
  g_assert_cmpstr (stage_at (script, 1)->key, ==, "discovery");
  g_assert_cmpstr (stage_at (script, 1)->name.he, ==, "בירור צרכים");
  g_assert_cmpuint (stage_at (script, 1)->prompts->len, ==, 0);
  g_assert_false (((CrmScriptQuestion *)g_ptr_array_index (stage_at (script, 1)->questions, 0))->mandatory);
}

/* Two scripts: one for the deals from a source, one for the rest. */
static const char two_scripts[] =
  "{"
  "  \"scripts\": ["
  "    {\"key\": \"inbound\", \"name\": {\"en\": \"Inbound request\", \"ru\": \"Входящая заявка\"},"
  "     \"rule\": \"TW-3\","
  "     \"stages\": [{\"key\": \"greeting\", \"name\": {\"en\": \"Greeting\"}}]},"
  "    {\"key\": \"cold_call\", \"name\": {\"en\": \"Cold call\"},"
  "     \"stages\": [{\"key\": \"hook\", \"name\": {\"en\": \"Hook\"}},"
  "                  {\"key\": \"offer\", \"name\": {\"en\": \"Offer\"}, \"guards\": [\"price_rule\"]}]}"
  "  ]"
  "}";

/* A procedure with several scripts: the manager picks which to edit; the
 * others, and what the editor does not show (rules, guards), stay as
 * they were. */
static void
test_choose_among_scripts (CrmTestFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (two_scripts, &error);
  CrmProcedure *procedure;
  const CrmCallScript *inbound;
  const CrmCallScript *cold;
  AdwComboRow *script_row;
  GtkWidget *editor;

  g_assert_no_error (error);
  g_assert_true (crm_store_save_call_script (fixture->store, json_node_get_object (node), &error));
  g_assert_no_error (error);

  editor = open_editor (fixture->store);
  script_row = EDITOR_CHILD (editor, "script_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (script_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (script_row), ==, 0);
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 1);

  choose (script_row, "Cold call");
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, "Cold call");
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Hook");

  /* Renamed, in Russian: the list of scripts follows as it is typed. */
  crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), "ru");
  flush_events ();
  g_assert_cmpstr (gtk_string_list_get_string (EDITOR_CHILD (editor, "script_list"), 0), ==,
                   "Входящая заявка");
  set_text (EDITOR_CHILD (editor, "script_name_row"), "Холодный звонок");
  g_assert_cmpstr (gtk_string_list_get_string (EDITOR_CHILD (editor, "script_list"), 1), ==,
                   "Холодный звонок");
  g_assert_cmpuint (adw_combo_row_get_selected (script_row), ==, 1);

  save_and_close (editor);

  procedure = crm_store_get_procedure (fixture->store);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 2);
  inbound = crm_procedure_get_call_script (procedure, 0);
  cold = crm_procedure_get_call_script (procedure, 1);
  g_assert_cmpstr (inbound->name.ru, ==, "Входящая заявка");
  g_assert_cmpstr (inbound->rule, ==, "TW-3");
  g_assert_cmpstr (cold->key, ==, "cold_call");
  g_assert_cmpstr (cold->name.en, ==, "Cold call");
  g_assert_cmpstr (cold->name.ru, ==, "Холодный звонок");
  g_assert_cmpint (stage_at (cold, 1)->guards, ==, CRM_SCRIPT_GUARD_PRICE_RULE);
}

static void
select_stage (GtkWidget *editor,
              guint      stage)
{
  GtkListBox *stages = EDITOR_CHILD (editor, "stages_list");

  gtk_list_box_select_row (stages, row_at (stages, stage));
  flush_events ();
}

static void
toggle (gpointer switch_,
        gboolean active)
{
  gtk_switch_set_active (GTK_SWITCH (switch_), active);
  flush_events ();
}

/* CON-4, TW-6: the manager says per stage what the call panel reminds the
 * rep of: the price rule, and (the template has payment terms) the
 * payment terms. The switches follow the stage chosen, and what they
 * say is in the procedure after reopening the database. */
static void
test_con_4_tw_6_stage_guards (CrmTestFixture *fixture,
                              gconstpointer   data)
{
  const CrmCallScript *script;
  GtkWidget *editor = open_editor (fixture->store);
  GtkSwitch *price_rule = EDITOR_CHILD (editor, "price_rule_switch");
  GtkSwitch *payment_terms = EDITOR_CHILD (editor, "payment_terms_switch");

  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "payment_terms_row")));
  g_assert_false (gtk_switch_get_active (price_rule));
  g_assert_false (gtk_switch_get_active (payment_terms));

  /* Closing shows the payment terms, as shipped; now the price rule too. */
  select_stage (editor, 3);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Closing");
  g_assert_true (gtk_switch_get_active (payment_terms));
  toggle (price_rule, TRUE);
  g_assert_true (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-guards.png");

  /* The presentation shows the terms instead of the closing. */
  select_stage (editor, 2);
  g_assert_false (gtk_switch_get_active (price_rule));
  g_assert_false (gtk_switch_get_active (payment_terms));
  toggle (payment_terms, TRUE);
  select_stage (editor, 3);
  g_assert_true (gtk_switch_get_active (price_rule));
  toggle (payment_terms, FALSE);

  save_and_close (editor);

  reopen_store (fixture);
  script = first_script (fixture->store);
  g_assert_cmpint (stage_at (script, 0)->guards, ==, CRM_SCRIPT_GUARD_NONE);
  g_assert_cmpint (stage_at (script, 2)->guards, ==, CRM_SCRIPT_GUARD_PAYMENT_TERMS);
  g_assert_cmpint (stage_at (script, 3)->guards, ==, CRM_SCRIPT_GUARD_PRICE_RULE);
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The button under @widget that says @tooltip, for those that show an
 * icon only. */
static GtkWidget *
icon_button (gpointer    widget,
             const char *tooltip)
{
  GtkWidget *button = find_widget (widget, has_tooltip, tooltip);

  g_assert_true (GTK_IS_BUTTON (button));

  return button;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static const char *
prompt_text (const CrmScriptStage *stage,
             guint                 index)
{
  return ((CrmText *)g_ptr_array_index (stage->prompts, index))->en;
}

/* The manager puts a stage's prompts, checklist and questions in the
 * order the rep should go through them, with each row's arrows: the
 * first row cannot go up, the last cannot go down, and the focus stays
 * on the arrow for the next step. */
static void
test_reorder_items (CrmTestFixture *fixture,
                    gconstpointer   data)
{
  const CrmScriptStage *discovery;
  const CrmScriptQuestion *question;
  GtkWidget *editor;
  GtkWidget *button;
  GtkListBox *questions;
  GtkListBox *prompts;
  GtkListBox *checklist;

  save_three_stages (fixture->store);
  editor = open_editor (fixture->store);
  questions = EDITOR_CHILD (editor, "questions_list");
  prompts = EDITOR_CHILD (editor, "prompts_list");
  checklist = EDITOR_CHILD (editor, "checklist_list");
  select_stage (editor, 1);

  /* Who decides is asked first, before the head count. */
  g_assert_false (gtk_widget_is_sensitive (icon_button (row_at (questions, 0), "Move Question Up")));
  g_assert_false (gtk_widget_is_sensitive (icon_button (row_at (questions, 0), "Move Question Down")));
  activate (editor, "editor.add-item", g_variant_new_string ("questions"));
  set_text (crm_test_find_descendant (row_at (questions, 1), ADW_TYPE_ENTRY_ROW, 0), "Who decides?");
  g_assert_false (gtk_widget_is_sensitive (icon_button (row_at (questions, 1), "Move Question Down")));
  click (icon_button (row_at (questions, 1), "Move Question Up"));
  g_assert_cmpstr (adw_preferences_row_get_title (row_at (questions, 0)), ==, "Who decides?");
  g_assert_cmpstr (adw_preferences_row_get_title (row_at (questions, 1)), ==, "How many employees do you have?");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row_at (questions, 1)), "Mandatory"));

  /* Three prompts; the last goes first, then one down again. */
  activate (editor, "editor.add-item", g_variant_new_string ("prompts"));
  set_text (row_at (prompts, 1), "Smile");
  activate (editor, "editor.add-item", g_variant_new_string ("prompts"));
  set_text (row_at (prompts, 2), "Take notes");
  click (icon_button (row_at (prompts, 2), "Move Prompt Up"));
  /* The arrow that moved it has the focus, for the next step. */
  button = icon_button (row_at (prompts, 1), "Move Prompt Up");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == button);
  click (button);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (editor)) == GTK_WIDGET (row_at (prompts, 0)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), GTK_WIDGET (row_at (prompts, 0))));
  click (icon_button (row_at (prompts, 1), "Move Prompt Down"));
  g_assert_cmpstr (gtk_editable_get_text (row_at (prompts, 0)), ==, "Take notes");
  g_assert_cmpstr (gtk_editable_get_text (row_at (prompts, 1)), ==, "Smile");
  g_assert_cmpstr (gtk_editable_get_text (row_at (prompts, 2)), ==, "Listen more than you talk");

  /* Two checklist items, swapped. */
  activate (editor, "editor.add-item", g_variant_new_string ("checklist"));
  set_text (row_at (checklist, 0), "Asked about the head count");
  activate (editor, "editor.add-item", g_variant_new_string ("checklist"));
  set_text (row_at (checklist, 1), "Asked who decides");
  click (icon_button (row_at (checklist, 0), "Move Item Down"));
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-reorder.png");

  save_and_close (editor);

  reopen_store (fixture);
  discovery = stage_at (first_script (fixture->store), 1);
  g_assert_cmpuint (discovery->questions->len, ==, 2);
  question = g_ptr_array_index (discovery->questions, 0);
  g_assert_cmpstr (question->key, ==, "who_decides");
  question = g_ptr_array_index (discovery->questions, 1);
  g_assert_cmpstr (question->key, ==, "how_many_employees_do_you_have");
  g_assert_true (question->mandatory);
  g_assert_cmpstr (question->field, ==, "clocks");
  g_assert_cmpstr (prompt_text (discovery, 0), ==, "Take notes");
  g_assert_cmpstr (prompt_text (discovery, 1), ==, "Smile");
  g_assert_cmpstr (prompt_text (discovery, 2), ==, "Listen more than you talk");
  g_assert_cmpstr (((CrmScriptItem *)g_ptr_array_index (discovery->checklist, 0))->key, ==, "asked_who_decides");
  g_assert_cmpstr (((CrmScriptItem *)g_ptr_array_index (discovery->checklist, 1))->key, ==,
                   "asked_about_the_head_count");
}

static gboolean
activates (GtkWidget  *widget,
           const char *action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the button for @action is there to be clicked, as a person
 * sees it: the action's state shows in its button. */
static gboolean
action_can_be_clicked (GtkWidget  *editor,
                       const char *action)
{
  GtkWidget *button = find_widget (editor, activates, action);

  g_assert_nonnull (button);

  return gtk_widget_is_sensitive (button);
}

static void
set_body (GtkWidget  *editor,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (EDITOR_CHILD (editor, "summary_body_view")), text, -1);
  flush_events ();
}

static char *
dup_body (GtkWidget *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (EDITOR_CHILD (editor, "summary_body_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_whole_call (GtkWidget *editor)
{
  adw_view_stack_set_visible_child_name (EDITOR_CHILD (editor, "view_stack"), "call");
  /* The summary's text view lays its lines out over several frames. */
  crm_test_iterate (500);
}

/* TW-2, TW-4: the situation check and the call summary belong to every
 * call, whatever the script: the manager rewords the check in English
 * and the summary's body in Hebrew, on a page of their own, and both are
 * in the procedure after reopening the database. */
static void
test_tw_2_tw_4_whole_call (CrmTestFixture *fixture,
                           gconstpointer   data)
{
  g_autofree char *body = NULL;
  CrmProcedure *procedure;
  GtkWidget *editor = open_editor (fixture->store);

  show_whole_call (editor);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "situation_row")), ==,
                   crm_procedure_get_situation_check (crm_store_get_procedure (fixture->store))->en);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "summary_subject_row")), ==,
                   "Call summary: {deal}");
  body = dup_body (editor);
  g_assert_nonnull (strstr (body, "Next contact: {next_contact}"));
  g_assert_nonnull (find_label (editor, "{next_contact}"));
  crm_test_screenshot (editor, "script-editor-whole-call.png");

  set_text (EDITOR_CHILD (editor, "situation_row"), "Can you talk for two minutes?");

  /* In Hebrew, the body shows the Hebrew text and says what the English is. */
  crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), "he");
  flush_events ();
  g_clear_pointer (&body, g_free);
  body = dup_body (editor);
  g_assert_true (g_str_has_prefix (body, "סיכום שיחה – {deal}"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (EDITOR_CHILD (editor, "summary_body_english")),
                                   "English: Call summary"));
  g_assert_cmpint (gtk_widget_get_direction (EDITOR_CHILD (editor, "summary_body_view")), ==, GTK_TEXT_DIR_RTL);
  set_body (editor, "סיכום שיחה עם {contact} ({phone})\n{answers}\n\nהשיחה הבאה: {next_contact}");
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-whole-call-he.png");

  save_and_close (editor);

  reopen_store (fixture);
  procedure = crm_store_get_procedure (fixture->store);
  g_assert_cmpstr (crm_procedure_get_situation_check (procedure)->en, ==, "Can you talk for two minutes?");
  g_assert_cmpstr (crm_procedure_get_situation_rule (procedure), ==, "TW-2");
  g_assert_cmpstr (crm_procedure_get_summary_body (procedure)->he, ==,
                   "סיכום שיחה עם {contact} ({phone})\n{answers}\n\nהשיחה הבאה: {next_contact}");
  g_assert_true (g_str_has_prefix (crm_procedure_get_summary_body (procedure)->en, "Call summary – {deal}"));
  g_assert_cmpstr (crm_procedure_get_summary_subject (procedure)->he, ==, "סיכום שיחה: {deal}");
}

/* A translated check or summary is given up in every language at once;
 * an English-only check goes when it is cleared. Calls then start with
 * the script, and no summary is mailed. */
static void
test_tw_2_tw_4_remove_whole_call (CrmTestFixture *fixture,
                                  gconstpointer   data)
{
  g_autofree char *body = NULL;
  CrmProcedure *procedure;
  GtkWidget *editor = open_editor (fixture->store);
  GtkRevealer *revealer = EDITOR_CHILD (editor, "error_revealer");

  show_whole_call (editor);

  /* Cleared in English only, the translations are still there: the
   * loader says what is missing, nothing is saved. */
  set_text (EDITOR_CHILD (editor, "situation_row"), "");
  activate (editor, "editor.save", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (EDITOR_CHILD (editor, "error_label")), "situation_check"));
  g_assert_nonnull (crm_procedure_get_situation_check (crm_store_get_procedure (fixture->store)));

  activate (editor, "editor.remove-situation-check", NULL);
  g_assert_false (action_can_be_clicked (editor, "editor.remove-situation-check"));
  activate (editor, "editor.remove-summary", NULL);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "summary_subject_row")), ==, "");
  body = dup_body (editor);
  g_assert_cmpstr (body, ==, "");
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-whole-call-removed.png");

  save_and_close (editor);

  procedure = crm_store_get_procedure (fixture->store);
  g_assert_null (crm_procedure_get_situation_check (procedure));
  g_assert_null (crm_procedure_get_situation_rule (procedure));
  g_assert_null (crm_procedure_get_summary_subject (procedure));
  g_assert_null (crm_procedure_get_summary_body (procedure));

  /* Typed again, English only: clearing it is enough. */
  editor = open_editor (fixture->store);
  show_whole_call (editor);
  set_text (EDITOR_CHILD (editor, "situation_row"), "Is now a good time?");
  g_assert_true (action_can_be_clicked (editor, "editor.remove-situation-check"));
  set_text (EDITOR_CHILD (editor, "situation_row"), "");
  g_assert_false (action_can_be_clicked (editor, "editor.remove-situation-check"));
  save_and_close (editor);
  g_assert_null (crm_procedure_get_situation_check (crm_store_get_procedure (fixture->store)));
}

/* The check button of the source named @name in the script's sources. */
static GtkCheckButton *
source_check (GtkWidget  *editor,
              const char *name)
{
  gpointer row = find_row (EDITOR_CHILD (editor, "sources_row"), name);

  g_assert_nonnull (row);

  return crm_test_find_descendant (row, GTK_TYPE_CHECK_BUTTON, 0);
}

static void
tick (GtkCheckButton *check,
      gboolean        active)
{
  gtk_check_button_set_active (check, active);
  flush_events ();
}

/* RAD-2, CON-4, TW-4: a sales manager shapes the department's calls in
 * one sitting: the price rule at the product presentation, a summary
 * with its Hebrew body, a script of its own for deals that come by phone
 * (taken from the inbound script), and the contact's phone asked before
 * the name. All of it is in the procedure after reopening the
 * database, and a deal from the phone now starts with the new script. */
static void
test_manager_shapes_the_calls (CrmTestFixture *fixture,
                               gconstpointer   data)
{
  const CrmCallScript *base;
  const CrmCallScript *inbound;
  const CrmCallScript *repeat;
  const CrmScriptStage *contact;
  CrmProcedure *procedure;
  GtkWidget *editor = open_editor (fixture->store);
  AdwComboRow *script_row = EDITOR_CHILD (editor, "script_row");
  GtkListBox *questions = EDITOR_CHILD (editor, "questions_list");

  /* RAD pays by bank or in cash (RAD-10), so its terms can be shown;
   * one script cannot be removed. */
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "payment_terms_row")));
  g_assert_true (action_can_be_clicked (editor, "editor.remove-script"));

  /* CON-4 at the presentation of the general script. */
  select_stage (editor, 3);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Product presentation");
  toggle (EDITOR_CHILD (editor, "price_rule_switch"), TRUE);

  /* The phone before the name: the rep reads it off the screen first. */
  select_stage (editor, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (row_at (questions, 1)), ==,
                   "Which phone number is best to reach you on?");
  click (icon_button (row_at (questions, 1), "Move Question Up"));

  /* The general script is picked by no source. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (EDITOR_CHILD (editor, "sources_row")), ==,
                   "Any source that no other script is used for");

  /* The inbound script gives up the phone ... */
  choose (script_row, "Inbound request");
  g_assert_true (gtk_check_button_get_active (source_check (editor, "Phone")));
  g_assert_cmpstr (adw_expander_row_get_subtitle (EDITOR_CHILD (editor, "sources_row")), ==,
                   "Website, Email, Office visit, Phone");
  tick (source_check (editor, "Phone"), FALSE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (EDITOR_CHILD (editor, "sources_row")), ==,
                   "Website, Email, Office visit");

  /* ... to a script of its own, named by the manager. */
  activate (editor, "editor.add-script", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (script_row), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, "");
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==, "Greeting");
  g_assert_false (gtk_check_button_get_active (source_check (editor, "Phone")));
  set_text (EDITOR_CHILD (editor, "script_name_row"), "Repeat order");
  g_assert_cmpstr (gtk_string_list_get_string (EDITOR_CHILD (editor, "script_list"), 2), ==, "Repeat order");
  adw_expander_row_set_expanded (EDITOR_CHILD (editor, "sources_row"), TRUE);
  tick (source_check (editor, "Phone"), TRUE);
  crm_test_iterate (200);
  crm_test_screenshot (editor, "script-editor-new-script.png");

  /* TW-4's summary, which RAD had not: English first, then the Hebrew. */
  show_whole_call (editor);
  set_text (EDITOR_CHILD (editor, "summary_subject_row"), "Call summary: {deal}");
  set_body (editor, "{rep} called {contact} ({phone}): {outcome}.\n{answers}");
  crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), "he");
  flush_events ();
  set_body (editor, "{rep} התקשר אל {contact} ({phone}): {outcome}.\n{answers}");

  save_and_close (editor);

  reopen_store (fixture);
  procedure = crm_store_get_procedure (fixture->store);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, 3);
  base = crm_procedure_get_call_script (procedure, 0);
  inbound = crm_procedure_get_call_script (procedure, 1);
  repeat = crm_procedure_get_call_script (procedure, 2);

  g_assert_cmpint (stage_at (base, 3)->guards, ==, CRM_SCRIPT_GUARD_PRICE_RULE);
  contact = stage_at (base, 1);
  g_assert_cmpstr (((CrmScriptQuestion *)g_ptr_array_index (contact->questions, 0))->key, ==, "contact_phone");
  g_assert_cmpstr (((CrmScriptQuestion *)g_ptr_array_index (contact->questions, 1))->key, ==, "contact_name");

  g_assert_cmpstr (crm_procedure_get_summary_subject (procedure)->en, ==, "Call summary: {deal}");
  g_assert_cmpstr (crm_procedure_get_summary_body (procedure)->he, ==,
                   "{rep} התקשר אל {contact} ({phone}): {outcome}.\n{answers}");

  g_assert_null (base->sources);
  g_assert_cmpuint (g_strv_length (inbound->sources), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *)inbound->sources, "phone"));
  g_assert_cmpstr (repeat->key, ==, "repeat_order");
  g_assert_cmpstr (repeat->name.en, ==, "Repeat order");
  g_assert_cmpuint (g_strv_length (repeat->sources), ==, 1);
  g_assert_cmpstr (repeat->sources[0], ==, "phone");
  g_assert_cmpstr (stage_at (repeat, 0)->key, ==, "greeting");

  g_assert_true (crm_procedure_pick_call_script (procedure, "phone") == repeat);
  g_assert_true (crm_procedure_pick_call_script (procedure, "email") == inbound);
  g_assert_true (crm_procedure_pick_call_script (procedure, "past_customers") == base);
}

/* A script is removed, but never the last one; a script whose sources
 * are all unticked has none, and is a general script again. */
static void
test_remove_scripts (CrmTestFixture *fixture,
                     gconstpointer   data)
{
  const CrmCallScript *script;
  GtkWidget *editor = open_editor (fixture->store);

  activate (editor, "editor.add-call-script", NULL);
  g_assert_false (action_can_be_clicked (editor, "editor.remove-script"));
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "sources_row")));

  activate (editor, "editor.add-script", NULL);
  set_text (EDITOR_CHILD (editor, "script_name_row"), "Cold call");
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "script_row")));
  g_assert_true (action_can_be_clicked (editor, "editor.remove-script"));
  tick (source_check (editor, "Cold lead from the CRM"), TRUE);
  tick (source_check (editor, "Cold lead from the CRM"), FALSE);

  /* The first script goes; the cold call is left, and stays. */
  choose (EDITOR_CHILD (editor, "script_row"), "Sales call");
  activate (editor, "editor.remove-script", NULL);
  g_assert_false (gtk_widget_get_visible (EDITOR_CHILD (editor, "script_row")));
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, "Cold call");
  g_assert_false (action_can_be_clicked (editor, "editor.remove-script"));

  save_and_close (editor);

  script = first_script (fixture->store);
  g_assert_cmpstr (script->key, ==, "cold_call");
  g_assert_null (script->sources);
}

/* What the loader says of a draft, as the store will say it. */
static char *
dup_loader_message (CrmStore       *store,
                    CrmScriptDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = crm_procedure_dup_with_call_script (crm_store_get_procedure (store),
                                                              crm_script_draft_get_json (draft), &error);

  g_assert_null (json);
  g_assert_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID);

  return g_strdup (error->message);
}

/* A stage without a name does not load: the editor shows the loader's
 * message above its content and nothing is saved; once the name is
 * typed, the script saves. */
static void
test_invalid_edit_shows_loader_message (CrmTestFixture *fixture,
                                        gconstpointer   data)
{
  g_autoptr(CrmScriptDraft) same = crm_script_draft_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *template_before = NULL;
  GtkWidget *editor = open_editor (fixture->store);
  GtkRevealer *revealer = EDITOR_CHILD (editor, "error_revealer");

  /* The same edit made on a draft of its own, for the loader's words. */
  crm_script_draft_add_call_script (same, "Sales call", "Greeting");
  crm_script_draft_add_stage (same, 0);
  expected = dup_loader_message (fixture->store, same);
  g_assert_nonnull (strstr (expected, "stages[1]"));
  template_before = g_strndup (g_bytes_get_data (crm_procedure_get_bytes (crm_store_get_procedure (fixture->store)), NULL),
                               g_bytes_get_size (crm_procedure_get_bytes (crm_store_get_procedure (fixture->store))));

  activate (editor, "editor.add-call-script", NULL);
  activate (editor, "editor.add-stage", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  activate (editor, "editor.save", NULL);
  crm_test_iterate (300);

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_text (EDITOR_CHILD (editor, "error_label")), ==, expected);
  g_assert_nonnull (find_label (editor, expected));
  crm_test_screenshot (editor, "script-editor-error.png");

  /* Nothing was saved, and the editor is still open with the work. */
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), ==, 0);
  g_assert_cmpmem (template_before, strlen (template_before),
                   g_bytes_get_data (crm_procedure_get_bytes (crm_store_get_procedure (fixture->store)), NULL),
                   g_bytes_get_size (crm_procedure_get_bytes (crm_store_get_procedure (fixture->store))));
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));

  /* An unknown placeholder in a translation is the loader's to name too. */
  set_text (EDITOR_CHILD (editor, "stage_name_row"), "Discovery");
  set_text (EDITOR_CHILD (editor, "opening_row"), "Hello, this is {rep} of {company}");
  crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), "ru");
  flush_events ();
  set_text (EDITOR_CHILD (editor, "opening_row"), "Здравствуйте, это {rep} из {компания}");
  activate (editor, "editor.save", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (EDITOR_CHILD (editor, "error_label")), "{компания}"));
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), ==, 0);

  /* Corrected, it saves. */
  set_text (EDITOR_CHILD (editor, "opening_row"), "Здравствуйте, это {rep} из {company}");
  save_and_close (editor);
  g_assert_cmpuint (first_script (fixture->store)->stages->len, ==, 2);
  g_assert_cmpstr (first_script (fixture->store)->opening.ru, ==, "Здравствуйте, это {rep} из {company}");
  g_assert_cmpstr (stage_at (first_script (fixture->store), 1)->key, ==, "discovery");
}

static gboolean
is_labelled (GtkWidget  *widget,
             const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks the message dialog's button labelled @label. */
static void
respond (const char *label)
{
  GtkWidget *dialog = crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  GtkButton *button;

  g_assert_nonnull (dialog);
  button = find_widget (dialog, is_labelled, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  crm_test_iterate (100);
}

/* Cancel, Escape or closing the window with unsaved changes asks first;
 * without changes the editor just closes. */
static void
test_cancel_asks_before_discarding (CrmTestFixture *fixture,
                                    gconstpointer   data)
{
  GtkWidget *editor = open_editor (fixture->store);

  /* Nothing changed: Cancel closes at once. */
  activate (editor, "editor.cancel", NULL);
  crm_test_iterate (100);
  g_assert_null (crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (editor);

  editor = open_editor (fixture->store);
  activate (editor, "editor.add-call-script", NULL);
  activate (editor, "editor.cancel", NULL);
  crm_test_iterate (100);
  g_assert_nonnull (crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG))) ==
                 GTK_WINDOW (editor));
  crm_test_screenshot (crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG), "script-editor-discard.png");
  respond ("_Keep Editing");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_null (crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* Closing the window asks too. */
  gtk_window_close (GTK_WINDOW (editor));
  crm_test_iterate (100);
  respond ("_Discard");
  g_assert_finalize_object (editor);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), ==, 0);
}

/* Call scripts are the sales manager's: a rep sees the row but cannot
 * open the editor, and an editor that is open anyway cannot save, in the
 * store's words. */
static void
test_rep_cannot_edit_call_scripts (CrmTestFixture *fixture,
                                   gconstpointer   data)
{
  g_autoptr(CrmScriptDraft) draft = crm_script_draft_new (NULL);
  g_autoptr(GError) expected = NULL;
  gint64 manager_id = crm_user_get_id (crm_store_get_current_user (fixture->store));
  GtkWidget *preferences;
  GtkWidget *editor;

  _crm_store_set_current_user (fixture->store, add_rep (fixture->store, "Noa Peretz"));

  preferences = open_preferences (fixture->store);
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (preferences, "call_scripts_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (PREFS_CHILD (preferences, "call_scripts_row")), ==,
                   "Only a sales manager can edit the call scripts.");
  gtk_widget_activate_action (preferences, "preferences.edit-call-scripts", NULL);
  crm_test_iterate (100);
  g_assert_null (crm_test_find_window (CRM_TYPE_SCRIPT_EDITOR));

  /* What the store says to a rep who saves a script. */
  crm_script_draft_add_call_script (draft, "Sales call", "Greeting");
  g_assert_false (crm_store_save_call_script (fixture->store, crm_script_draft_get_json (draft), &expected));
  g_assert_error (expected, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);

  editor = open_editor (fixture->store);
  activate (editor, "editor.add-call-script", NULL);
  activate (editor, "editor.save", NULL);
  crm_test_iterate (300);
  g_assert_cmpstr (gtk_label_get_text (EDITOR_CHILD (editor, "error_label")), ==, expected->message);
  g_assert_nonnull (find_label (editor, expected->message));
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (crm_store_get_procedure (fixture->store)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
  flush_events ();
  g_assert_finalize_object (editor);

  /* The manager back at the computer: the row opens the editor. */
  _crm_store_set_current_user (fixture->store, manager_id);
  flush_events ();
  g_assert_true (gtk_widget_get_sensitive (PREFS_CHILD (preferences, "call_scripts_row")));
  activate (preferences, "preferences.edit-call-scripts", NULL);
  editor = g_object_ref (crm_test_find_window (CRM_TYPE_SCRIPT_EDITOR));
  gtk_window_destroy (GTK_WINDOW (editor));
  flush_events ();
  g_assert_finalize_object (editor);

  close_window (preferences);
}

/* The catalogue as the store has it now: active first, by name. */
static CrmProduct *
dup_product (CrmStore *store,
             guint     index)
{
  g_autoptr(GListModel) products = crm_store_get_products (store);
  CrmProduct *product = g_list_model_get_item (products, index);

  g_assert_nonnull (product);

  return product;
}

static guint
count_products (CrmStore *store)
{
  g_autoptr(GListModel) products = crm_store_get_products (store);

  return g_list_model_get_n_items (products);
}

/* Adds a product through its dialog, as a manager would: a code, a name
 * and a price typed in. A refused product leaves the dialog open; it is
 * cancelled. */
static void
add_product (GtkWidget  *window,
             const char *code,
             const char *name,
             const char *price)
{
  GtkWidget *dialog = NULL;

  activate (window, "preferences.add-product", NULL);
  for (guint waited = 0; dialog == NULL && waited < 1000; waited += 50)
    {
      crm_test_iterate (50);
      dialog = crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG);
    }
  g_assert_nonnull (dialog);

  set_text (crm_test_child (dialog, CRM_TYPE_PRODUCT_DIALOG, "code_row"), code);
  set_text (crm_test_child (dialog, CRM_TYPE_PRODUCT_DIALOG, "name_row"), name);
  set_text (crm_test_child (dialog, CRM_TYPE_PRODUCT_DIALOG, "price_row"), price);
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  crm_test_iterate (50);

  dialog = crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG);
  if (dialog != NULL)
    {
      gtk_widget_activate_action (dialog, "dialog.cancel", NULL);
      crm_test_iterate (50);
    }
}

/* AXL-7, TW-4, CON-4: the organisation's name a call opens with, the
 * address call summaries are also sent to, and the product catalogue
 * whose lowest price is a call's lower bound, all set in Preferences. */
static void
test_organization_and_products (CrmTestFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr(GError) expected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *cc = NULL;
  GtkWidget *window = open_preferences (fixture->store);
  AdwEntryRow *cc_row = PREFS_CHILD (window, "summary_cc_row");
  GtkLabel *problem = PREFS_CHILD (window, "summary_cc_problem_label");
  GtkListBox *products = PREFS_CHILD (window, "products_list");
  g_autoptr(CrmProduct) clock = NULL;
  g_autoptr(CrmProduct) licence = NULL;
  gint64 floor = 0;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "calls");
  crm_test_iterate (100);

  set_text (PREFS_CHILD (window, "organization_row"), "Mizrahi Time Systems ");
  g_signal_emit_by_name (PREFS_CHILD (window, "organization_row"), "apply");
  name = crm_store_dup_setting (fixture->store, "organization-name");
  g_assert_cmpstr (name, ==, "Mizrahi Time Systems");

  /* A malformed address is refused, in the store's words, at the row. */
  g_assert_false (crm_store_set_setting (fixture->store, "call-summary-cc", "boss at example", &expected));
  g_assert_nonnull (expected);
  set_text (cc_row, "boss at example");
  g_signal_emit_by_name (cc_row, "apply");
  crm_test_iterate (100);
  g_assert_null (crm_store_dup_setting (fixture->store, "call-summary-cc"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_text (problem), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cc_row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cc_row)), ==, "boss at example");
  crm_test_screenshot (window, "preferences-calls-bad-email.png");

  /* Typing on clears the mark; a good address is kept. */
  set_text (cc_row, "boss@example.com");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cc_row), "error"));
  g_signal_emit_by_name (cc_row, "apply");
  cc = crm_store_dup_setting (fixture->store, "call-summary-cc");
  g_assert_cmpstr (cc, ==, "boss@example.com");
  crm_test_iterate (100);
  crm_test_screenshot (window, "preferences-calls.png");

  /* The catalogue, in the procedure's currency. */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "products");
  g_assert_cmpuint (count_rows (products), ==, 0);
  add_product (window, "TW-CLK", "Attendance clock", "1,250.50");
  add_product (window, "TW-LIC", "Cloud licence", "300");
  g_assert_cmpuint (count_products (fixture->store), ==, 2);
  g_assert_cmpuint (count_rows (products), ==, 2);
  clock = dup_product (fixture->store, 0);
  g_assert_cmpstr (crm_product_get_name (clock), ==, "Attendance clock");
  g_assert_cmpint (crm_product_get_price (clock), ==, 125050);
  g_assert_cmpstr (crm_product_get_currency (clock), ==, "ILS");
  g_assert_true (crm_product_get_active (clock));
  g_assert_true (crm_store_get_price_floor (fixture->store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 30000);

  /* A nameless product is refused; nothing is added. */
  add_product (window, "TW-NONE", "  ", "10");
  g_assert_cmpuint (count_products (fixture->store), ==, 2);

  /* The licence is no longer offered: the lower bound is the clock's. */
  gtk_switch_set_active (crm_test_find_descendant (row_at (products, 1), GTK_TYPE_SWITCH, 0), FALSE);
  crm_test_iterate (100);
  g_assert_true (crm_store_get_price_floor (fixture->store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 125050);
  g_assert_nonnull (find_label (window, "Not offered"));
  licence = dup_product (fixture->store, 1);
  g_assert_cmpstr (crm_product_get_name (licence), ==, "Cloud licence");
  g_assert_false (crm_product_get_active (licence));

  /* And offered again. */
  gtk_switch_set_active (crm_test_find_descendant (row_at (products, 1), GTK_TYPE_SWITCH, 0), TRUE);
  g_assert_true (crm_store_get_price_floor (fixture->store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 30000);
  gtk_switch_set_active (crm_test_find_descendant (row_at (products, 1), GTK_TYPE_SWITCH, 0), FALSE);
  g_assert_true (crm_store_get_price_floor (fixture->store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 125050);
  crm_test_iterate (200);
  crm_test_screenshot (window, "preferences-products.png");

  close_window (window);

  /* All of it is in the database. */
  reopen_store (fixture);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&cc, g_free);
  name = crm_store_dup_setting (fixture->store, "organization-name");
  cc = crm_store_dup_setting (fixture->store, "call-summary-cc");
  g_assert_cmpstr (name, ==, "Mizrahi Time Systems");
  g_assert_cmpstr (cc, ==, "boss@example.com");
  g_assert_cmpuint (count_products (fixture->store), ==, 2);
  g_assert_true (crm_store_get_price_floor (fixture->store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 125050);
}

/* A rep sees the organisation's settings and the catalogue but cannot
 * change them; what is forced past the widgets, the store refuses. */
static void
test_rep_cannot_change_organization (CrmTestFixture *fixture,
                                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CrmProduct) product = NULL;
  GtkWidget *window;
  GtkSwitch *toggle;

  crm_store_set_setting (fixture->store, "organization-name", "Mizrahi Time Systems", &error);
  g_assert_no_error (error);
  crm_store_add_product (fixture->store, "Attendance clock", 125050, "ILS", &error);
  g_assert_no_error (error);
  _crm_store_set_current_user (fixture->store, add_rep (fixture->store, "Noa Peretz"));

  window = open_preferences (fixture->store);
  g_assert_cmpstr (gtk_editable_get_text (PREFS_CHILD (window, "organization_row")), ==, "Mizrahi Time Systems");
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (window, "organization_row")));
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (window, "summary_cc_row")));
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (window, "add_product_button")));

  /* Forced through, the store refuses, with its message shown. */
  product = dup_product (fixture->store, 0);
  g_assert_false (crm_store_set_product_active (fixture->store, crm_product_get_id (product),
                                                FALSE, &expected));
  g_assert_error (expected, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "products");
  toggle = crm_test_find_descendant (row_at (PREFS_CHILD (window, "products_list"), 0), GTK_TYPE_SWITCH, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle)));
  gtk_switch_set_active (toggle, FALSE);
  crm_test_iterate (200);
  g_clear_object (&product);
  product = dup_product (fixture->store, 0);
  g_assert_true (crm_product_get_active (product));
  g_assert_nonnull (find_label (window, expected->message));

  set_text (PREFS_CHILD (window, "organization_row"), "Someone Else");
  g_signal_emit_by_name (PREFS_CHILD (window, "organization_row"), "apply");
  name = crm_store_dup_setting (fixture->store, "organization-name");
  g_assert_cmpstr (name, ==, "Mizrahi Time Systems");
  crm_test_iterate (200);
  crm_test_screenshot (window, "preferences-products-rep.png");

  close_window (window);
}

/* TW-3, TW-6: a department whose database predates call scripts takes
 * the shipped ones from the empty editor, payment terms included, and can
 * edit them from there. */
static void
test_tw_3_use_shipped_scripts (CrmTestFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(CrmProcedure) shipped = crm_procedure_load_builtin ("tw", NULL);
  const CrmCallScript *script = crm_procedure_get_call_script (shipped, 0);
  GtkWidget *editor = open_editor (fixture->store);
  GtkWidget *use_shipped = EDITOR_CHILD (editor, "use_shipped_button");
  CrmProcedure *procedure;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (EDITOR_CHILD (editor, "content_stack")), ==, "empty");
  g_assert_true (gtk_widget_get_visible (use_shipped));
  g_assert_true (gtk_widget_has_css_class (use_shipped, "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (EDITOR_CHILD (editor, "add_call_script_button"), "suggested-action"));

  g_signal_emit_by_name (use_shipped, "clicked");
  flush_events ();

  procedure = crm_store_get_procedure (fixture->store);
  g_assert_cmpuint (crm_procedure_get_n_call_scripts (procedure), ==, crm_procedure_get_n_call_scripts (shipped));
  g_assert_cmpuint (crm_procedure_get_n_payment_terms (procedure), >, 0);

  /* Stored already: nothing waits for Save, and the editor shows them. */
  g_assert_false (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (EDITOR_CHILD (editor, "content_stack")), ==, "script");
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, script->name.en);
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, 4);
  g_assert_false (gtk_revealer_get_reveal_child (EDITOR_CHILD (editor, "error_revealer")));

  /* And edited like any other. */
  set_text (EDITOR_CHILD (editor, "goal_row"), "Make the customer want to talk");
  g_assert_true (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));

  close_window (editor);
}

/* Every shipped procedure opens in the editor as it is: its first
 * script, with its stages, or the offer to add one. */
static void
test_shipped_procedures_open (void)
{
  const char * const *ids = crm_procedure_get_builtin_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CrmStore) store = crm_test_open_store (ids[i], 0, NULL);
      CrmProcedure *procedure = crm_store_get_procedure (store);
      g_autofree char *screenshot = g_strdup_printf ("script-editor-%s-ru.png", ids[i]);
      const CrmCallScript *script;
      GtkWidget *editor = open_editor (store);

      if (crm_procedure_get_n_call_scripts (procedure) == 0)
        {
          g_assert_cmpstr (gtk_stack_get_visible_child_name (EDITOR_CHILD (editor, "content_stack")), ==,
                           "empty");
          /* HS ships no call script: nothing to take. */
          g_assert_false (gtk_widget_get_visible (EDITOR_CHILD (editor, "use_shipped_button")));
          close_window (editor);
          continue;
        }

      script = crm_procedure_get_call_script (procedure, 0);
      g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "script_name_row")), ==, script->name.en);
      g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "stages_list")), ==, script->stages->len);
      g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==,
                       stage_at (script, 0)->name.en);
      g_assert_cmpuint (gtk_widget_get_visible (EDITOR_CHILD (editor, "script_row")), ==,
                        crm_procedure_get_n_call_scripts (procedure) > 1);

      /* As a Russian-speaking manager checks the translation. */
      crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), "ru");
      flush_events ();
      g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "stage_name_row")), ==,
                       stage_at (script, 0)->name.ru != NULL ? stage_at (script, 0)->name.ru : "");
      gtk_list_box_select_row (EDITOR_CHILD (editor, "stages_list"),
                               row_at (EDITOR_CHILD (editor, "stages_list"), script->stages->len > 1 ? 1 : 0));
      crm_test_iterate (300);
      crm_test_screenshot (editor, screenshot);
      g_assert_false (crm_script_editor_get_modified (CRM_SCRIPT_EDITOR (editor)));
      close_window (editor);
    }
}

static void
scroll_details_to_end (GtkWidget *editor)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (EDITOR_CHILD (editor, "details_scroller"));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  crm_test_iterate (200);
}

/* The editor with a script that has everything, as an English-speaking
 * manager sees it and as a Hebrew-speaking one translating it does,
 * right to left: for people to look at. */
static void
test_screenshots (CrmTestFixture *fixture,
                  gconstpointer   data)
{
  static const struct {
    const char    *language;
    GtkTextDirection direction;
    const char    *top;
    const char    *end;
    const char    *sources;
    const char    *call;
  } looks[] = {
    { "en", GTK_TEXT_DIR_LTR, "script-editor-stage.png", "script-editor-questions.png",
      "script-editor-sources.png", "script-editor-call.png" },
    { "he", GTK_TEXT_DIR_RTL, "script-editor-rtl.png", "script-editor-rtl-questions.png",
      "script-editor-rtl-sources.png", "script-editor-rtl-call.png" },
  };

  save_three_stages (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      GtkWidget *editor;

      gtk_widget_set_default_direction (looks[i].direction);
      editor = open_editor (fixture->store);
      gtk_list_box_select_row (EDITOR_CHILD (editor, "stages_list"),
                               row_at (EDITOR_CHILD (editor, "stages_list"), 1));
      crm_script_editor_set_language (CRM_SCRIPT_EDITOR (editor), looks[i].language);
      flush_events ();
      adw_expander_row_set_expanded (row_at (EDITOR_CHILD (editor, "questions_list"), 0), TRUE);
      adw_expander_row_set_expanded (row_at (EDITOR_CHILD (editor, "objections_list"), 0), TRUE);
      crm_test_iterate (300);
      crm_test_screenshot (editor, looks[i].top);
      scroll_details_to_end (editor);
      crm_test_screenshot (editor, looks[i].end);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (EDITOR_CHILD (editor, "details_scroller")), 0);
      adw_expander_row_set_expanded (EDITOR_CHILD (editor, "sources_row"), TRUE);
      crm_test_iterate (300);
      crm_test_screenshot (editor, looks[i].sources);
      show_whole_call (editor);
      crm_test_iterate (100);
      crm_test_screenshot (editor, looks[i].call);
      close_window (editor);
    }

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  /* Pull the views' resources (and their registration) into the test. */
  g_assert_nonnull (crm_views_get_resource ());

#define ADD(path, func) \
  g_test_add (path, CrmTestFixture, NULL, fixture_set_up_tw, func, crm_test_fixture_tear_down)

  ADD ("/views/script-editor/rule-tw-3-manager-writes-a-script", test_tw_3_manager_writes_a_script);
  ADD ("/views/script-editor/rule-tw-3-reorder-and-remove-stages", test_tw_3_reorder_and_remove_stages);
  ADD ("/views/script-editor/rule-tw-3-use-shipped-scripts", test_tw_3_use_shipped_scripts);
  ADD ("/views/script-editor/choose-among-scripts", test_choose_among_scripts);
  ADD ("/views/script-editor/reorder-items", test_reorder_items);
  ADD ("/views/script-editor/remove-scripts", test_remove_scripts);
  g_test_add ("/views/script-editor/manager-shapes-the-calls", CrmTestFixture, "rad",
              crm_test_fixture_set_up, test_manager_shapes_the_calls, crm_test_fixture_tear_down);
  g_test_add ("/views/script-editor/rule-con-4-tw-6-stage-guards", CrmTestFixture, "tw",
              crm_test_fixture_set_up, test_con_4_tw_6_stage_guards, crm_test_fixture_tear_down);
  g_test_add ("/views/script-editor/rule-tw-2-tw-4-whole-call", CrmTestFixture, "tw",
              crm_test_fixture_set_up, test_tw_2_tw_4_whole_call, crm_test_fixture_tear_down);
  g_test_add ("/views/script-editor/rule-tw-2-tw-4-remove-whole-call", CrmTestFixture, "tw",
              crm_test_fixture_set_up, test_tw_2_tw_4_remove_whole_call, crm_test_fixture_tear_down);
  ADD ("/views/script-editor/invalid-edit-shows-loader-message", test_invalid_edit_shows_loader_message);
  ADD ("/views/script-editor/cancel-asks-before-discarding", test_cancel_asks_before_discarding);
  ADD ("/views/script-editor/rep-cannot-edit-call-scripts", test_rep_cannot_edit_call_scripts);
  ADD ("/views/script-editor/screenshots", test_screenshots);
  g_test_add_func ("/views/script-editor/shipped-procedures-open", test_shipped_procedures_open);
  ADD ("/views/preferences/rule-tw-4-organization-and-products", test_organization_and_products);
  ADD ("/views/preferences/rep-cannot-change-organization", test_rep_cannot_change_organization);

#undef ADD

  return g_test_run ();
}
