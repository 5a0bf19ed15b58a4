/* test-call-panel.c
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

/* The call-script panel beside the deal card (issue 4), driven through
 * the real card and panel with the shipped procedures on a clock the test
 * moves: the sales situation (TW-2), stages in order that refuse to skip
 * mandatory questions (TW-3), answers that land in the deal's fields
 * (TW-3, RAD-10), the payment terms in order (TW-6), the price rule
 * (CON-4), the end of the call with its next contact (TW-4) and summary,
 * a plain call where there is no script (HS), and the keyboard. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "crm-activity.h"
#include "crm-call-end-page.h"
#include "crm-call-panel.h"
#include "crm-call-question.h"
#include "crm-call-session.h"
#include "crm-contact.h"
#include "crm-date-time-chooser.h"
#include "crm-deal.h"
#include "crm-deal-details-section.h"
#include "crm-deal-editor.h"
#include "crm-deal-work-section.h"
#include "crm-stage.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-strings.h"
#include "crm-task.h"
#include "crm-user.h"

#include "crm-test-utils.h"

#define MINUTE G_TIME_SPAN_MINUTE
#define DAY    G_TIME_SPAN_DAY

/* On a Monday morning, by the test clock. */
typedef CrmTestClockedFixture Fixture;

/* Helpers */

/* The deal card's details section's template child @name. */
static gpointer
details_child (gpointer    editor,
               const char *name)
{
  return crm_test_child (crm_test_child (editor, CRM_TYPE_DEAL_EDITOR, "details_section"),
                         CRM_TYPE_DEAL_DETAILS_SECTION, name);
}

/* The deal card's work section's template child @name. */
static gpointer
work_child (gpointer    editor,
            const char *name)
{
  return crm_test_child (crm_test_child (editor, CRM_TYPE_DEAL_EDITOR, "work_pane"),
                         CRM_TYPE_DEAL_WORK_SECTION, name);
}

/* A deal with a named contact, a position, a phone and an email (the
 * first stage of most procedures asks for them), from @source. */
static gint64
new_deal (CrmStore   *store,
          const char *title,
          const char *contact_name,
          const char *source)
{
  static const char * const il_phones[] = { "050-123-4567", NULL };
  static const char * const ru_phones[] = { "8 (916) 123-45-67", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  gboolean russian = g_strcmp0 (crm_procedure_get_country (crm_store_get_procedure (store)), "RU") == 0;

  crm_deal_set_title (deal, title);
  crm_deal_set_source (deal, source);
  /* In the procedure's currency, as the card makes a new deal. */
  crm_deal_set_currency (deal, crm_procedure_get_currency (crm_store_get_procedure (store)));
  crm_contact_set_name (contact, contact_name);
  /* CON's first stage asks for the contact's position too. */
  crm_contact_set_position (contact, "Owner");
  crm_contact_set_phones (contact, russian ? ru_phones : il_phones);
  crm_contact_set_emails (contact, emails);

  crm_store_save_deal (store, deal, contact, NULL, NULL, &error);
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static gpointer
panel_child (CrmCallPanel *panel,
             const char   *name)
{
  return crm_test_child (panel, CRM_TYPE_CALL_PANEL, name);
}

/* Runs what a key press would run, through @widget's own shortcut
 * controllers (the panel's are managed by the card). */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* Whether the focus of @window is @widget or inside it (a menu button
 * passes its focus to its button). */
static gboolean
has_focus_within (GtkWidget *window,
                  gpointer   widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static CrmCallPanel *
start_call (CrmDealEditor *editor)
{
  CrmCallPanel *panel;

  g_assert_null (crm_deal_editor_get_call_panel (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.start-call", NULL));
  crm_test_iterate (400);

  panel = crm_deal_editor_get_call_panel (editor);
  g_assert_nonnull (panel);
  g_assert_true (crm_call_panel_get_running (panel));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));

  return panel;
}

static const char *
stage_key (CrmCallPanel *panel)
{
  const CrmScriptStage *stage = crm_call_session_get_stage (crm_call_panel_get_session (panel));

  g_assert_nonnull (stage);

  return stage->key;
}

static gboolean
next (CrmCallPanel *panel)
{
  gboolean went_on = crm_call_panel_next (panel);

  crm_test_iterate (50);

  return went_on;
}

static GtkWidget *
question_editor (CrmCallPanel *panel,
                 const char   *key)
{
  CrmCallQuestion *question = crm_call_panel_find_question (panel, key);

  g_assert_nonnull (question);

  return crm_call_question_get_editor (question);
}

/* Types the answer and presses Enter, as the rep does. */
static void
answer_text (CrmCallPanel *panel,
             const char   *key,
             const char   *text)
{
  GtkWidget *entry = question_editor (panel, key);

  g_assert_true (GTK_IS_ENTRY (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

/* Picks a choice of a drop-down answer by its key: position 0 is
 * “Choose…”, then the choices in the field's order. */
static void
answer_choice (CrmCallPanel *panel,
               const char   *key,
               const char   *choice)
{
  CrmCallQuestion *question = crm_call_panel_find_question (panel, key);
  CrmProcedure *procedure = crm_store_get_procedure (crm_call_panel_get_store (panel));
  const CrmProcedureField *field;
  GtkWidget *drop_down;
  guint position = 0;

  g_assert_nonnull (question);
  drop_down = crm_call_question_get_editor (question);
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  field = crm_procedure_find_field (procedure, crm_call_question_get_question (question)->field);
  g_assert_nonnull (field);

  if (field->type == CRM_FIELD_BOOLEAN)
    position = g_str_equal (choice, "true") ? 1 : 2;
  else
    for (guint i = 0; i < field->choices->len; i++)
      if (g_str_equal (((CrmProcedureChoice *)g_ptr_array_index (field->choices, i))->key, choice))
        position = i + 1;

  g_assert_cmpuint (position, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position);
}

static char *
stored_value (CrmStore   *store,
              gint64      deal_id,
              const char *key)
{
  return crm_store_dup_field_value (store, deal_id, key);
}

static const char *
refusal (CrmCallPanel *panel)
{
  if (!gtk_widget_get_visible (panel_child (panel, "refusal_box")))
    return NULL;

  return gtk_label_get_text (panel_child (panel, "refusal_label"));
}

static GDateTime *
local_time (Fixture *fixture,
            int      days,
            int      hour)
{
  g_autoptr(GDateTime) later = g_date_time_add (fixture->clock.now, days * DAY);
  g_autoptr(GDateTime) local = g_date_time_to_local (later);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), hour, 0, 0);
}

static CrmTask *
find_task_due (CrmStore  *store,
               gint64     deal_id,
               GDateTime *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CrmTask) task = g_list_model_get_item (tasks, i);

      if (g_date_time_to_unix (crm_task_get_due_at (task)) == g_date_time_to_unix (due))
        return g_steal_pointer (&task);
    }

  return NULL;
}

static gboolean
task_is_open (CrmStore *store,
              gint64    deal_id,
              gint64    task_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CrmTask) task = g_list_model_get_item (tasks, i);

      if (crm_task_get_id (task) == task_id)
        return TRUE;
    }

  return FALSE;
}

static CrmActivity *
latest_activity (CrmStore *store,
                 gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = crm_store_get_timeline (store, deal_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), >, 0);

  return g_list_model_get_item (timeline, 0);
}

static gint64
count_rows (CrmStore   *store,
            const char *format,
            gint64      deal_id)
{
  g_autofree char *sql = g_strdup_printf (format, deal_id);

  return crm_test_query_int (store, sql);
}

/* The title of the @index-th row of a boxed list of the panel. */
static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static const char *
row_subtitle (GtkListBox *list,
              int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

/* Scrolls the stage so that the panel's @name is at the top, as the rep
 * would to read it. */
static void
scroll_to (CrmCallPanel *panel,
           const char   *name)
{
  GtkScrolledWindow *scroller = panel_child (panel, "stage_scroller");
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  double x, y;

  crm_test_iterate (100);
  g_assert_true (gtk_widget_translate_coordinates (panel_child (panel, name), content, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), y - 12);
}

/* Lets the page transition end before the picture is taken. */
static void
screenshot (gpointer    widget,
            const char *name)
{
  crm_test_iterate (300);
  crm_test_screenshot (GTK_WIDGET (widget), name);
}

static void
save_call (CrmCallPanel *panel)
{
  CrmCallEndPage *end_page = crm_call_panel_get_end_page (panel);

  g_assert_true (crm_call_end_page_get_can_save (end_page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (end_page), "end.save", NULL));
  crm_test_iterate (400);
}

/* Tests */

/* A whole TW call through the panel: the sales situation (TW-2), the
 * stages in order, discovery that cannot be cut short (TW-3) and feeds
 * the deal, the payment terms at closing (TW-6), and the end of the call
 * with its next contact and summary (TW-4). */
static void
test_rule_tw_3_whole_call (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Attendance clocks for the bakery", "Dana Levi", "website");
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  int width_before = gtk_widget_get_width (GTK_WIDGET (editor));
  g_autoptr(GDateTime) next_contact = local_time (fixture, 2, 10);
  g_autoptr(CrmActivity) call = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *note = NULL;
  g_autofree char *value = NULL;
  CrmCallEndPage *end_page;
  GtkListBox *terms;
  CrmCallPanel *panel;
  const char *message;
  gint64 current_task_id;

  g_assert_true (crm_store_set_setting (store, "call-summary-cc", "owner@example.org", &error));
  g_assert_no_error (error);

  /* Start Call opens the panel beside the card, which widens, and asks
   * about the situation first. */
  panel = start_call (editor);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), >, width_before);
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "situation");
  g_assert_cmpstr (gtk_label_get_text (panel_child (panel, "situation_label")), ==,
                   "Is this a good time to talk? Do you have a few minutes to hear me out?");
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "script_box")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.situation", "b", TRUE));
  crm_test_iterate (50);
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "stage");
  g_assert_cmpstr (stage_key (panel), ==, "rapport");
  g_assert_cmpstr (gtk_progress_bar_get_text (panel_child (panel, "progress_bar")), ==, "Stage 1 of 4");

  answer_text (panel, "business", "An industrial bakery, three shifts");
  crm_test_clock_advance (&fixture->clock, 2 * MINUTE);
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  g_assert_cmpstr (gtk_progress_bar_get_text (panel_child (panel, "progress_bar")), ==, "Stage 2 of 4");

  /* TW-3: discovery is never cut short; the panel says what is missing
   * and stays. */
  g_assert_false (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  message = refusal (panel);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "How many attendance clocks do you need?"));
  g_assert_nonnull (strstr (message, "Which software modules do you need"));
  g_assert_nonnull (strstr (message, "Do you need the agreements module?"));
  g_assert_null (strstr (message, "Who else takes part in the decision?"));
  g_assert_true (crm_call_question_get_flagged (crm_call_panel_find_question (panel, "clocks")));
  g_assert_false (crm_call_question_get_flagged (crm_call_panel_find_question (panel, "decision")));
  screenshot (editor, "call-panel-discovery-en.png");

  /* The rep edits the card's title without saving; answers land in the
   * deal and in the card's rows, and the title edit stays. */
  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Clocks for the bakery, 3 sites");
  answer_text (panel, "employees", "About 120");
  answer_text (panel, "clocks", "3");
  answer_text (panel, "modules", "Reporting and payroll export");
  answer_choice (panel, "agreements", "true");
  crm_test_iterate (50);

  value = stored_value (store, deal_id, "clocks");
  g_assert_cmpstr (value, ==, "3");
  g_clear_pointer (&value, g_free);
  value = stored_value (store, deal_id, "modules");
  g_assert_cmpstr (value, ==, "Reporting and payroll export");
  g_clear_pointer (&value, g_free);
  value = stored_value (store, deal_id, "agreements_module");
  g_assert_cmpstr (value, ==, "true");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_deal_editor_get_field_widget (editor, "clocks"))),
                   ==, "3");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_deal_editor_get_field_widget (editor, "modules"))),
                   ==, "Reporting and payroll export");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (crm_deal_editor_get_field_widget (editor, "agreements_module"))));
  g_assert_cmpstr (gtk_editable_get_text (crm_deal_editor_get_title_editable (editor)), ==,
                   "Clocks for the bakery, 3 sites");

  /* The last answer took the refusal away. */
  g_assert_null (refusal (panel));
  g_assert_false (crm_call_question_get_flagged (crm_call_panel_find_question (panel, "clocks")));

  crm_test_clock_advance (&fixture->clock, 3 * MINUTE);
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "presentation");
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "terms_box")));
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "closing");

  /* TW-6: the payment terms in the procedure's order, the first offered
   * as the terms, the standing order by card with the manager. */
  g_assert_true (gtk_widget_get_visible (panel_child (panel, "terms_box")));
  terms = panel_child (panel, "terms_list");
  g_assert_cmpstr (row_title (terms, 0), ==, "Credit card, up to 12 instalments");
  g_assert_cmpstr (row_title (terms, 1), ==, "Bank transfer");
  g_assert_cmpstr (row_title (terms, 2), ==, "Credit card standing order");
  g_assert_cmpstr (row_title (terms, 3), ==, "Bank standing order (Masav)");
  g_assert_cmpstr (row_title (terms, 4), ==, "Cheques");
  g_assert_null (row_title (terms, 5));
  g_assert_nonnull (strstr (row_subtitle (terms, 0), "Offer this first"));
  g_assert_nonnull (strstr (row_subtitle (terms, 0), "Up to 12 instalments"));
  g_assert_nonnull (strstr (row_subtitle (terms, 2), "approval"));
  g_assert_null (strstr (row_subtitle (terms, 1), "approval"));
  scroll_to (panel, "terms_box");
  screenshot (editor, "call-panel-closing-en.png");

  answer_choice (panel, "payment_term", "credit_card");
  answer_text (panel, "installments", "12");
  crm_test_clock_advance (&fixture->clock, 2 * MINUTE);

  /* Finish: the end of the call, reached, with the note the script
   * recorded. */
  g_assert_true (next (panel));
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "end");
  end_page = crm_call_panel_get_end_page (panel);
  g_assert_cmpint (crm_call_end_page_get_outcome (end_page), ==, CRM_CALL_REACHED);
  recorded = crm_call_session_dup_record_note (crm_call_panel_get_session (panel));
  note = crm_call_end_page_dup_note (end_page);
  g_assert_false (crm_str_is_blank (recorded));
  g_strstrip (recorded);
  g_assert_cmpstr (note, ==, recorded);

  crm_call_end_page_set_next_contact (end_page, next_contact);

  /* The call completes the deal's current task. */
  g_assert_nonnull (crm_call_end_page_get_task (end_page));
  g_assert_cmpstr (crm_task_get_title (crm_call_end_page_get_task (end_page)), ==, "Call the new lead");
  current_task_id = crm_task_get_id (crm_call_end_page_get_task (end_page));
  crm_call_end_page_set_close_task (end_page, TRUE);

  /* The call found out the needs, so it moves the deal on as it is
   * logged; the lost stage is not offered (its closing has a form). */
  {
    AdwComboRow *stage_row = crm_test_child (end_page, CRM_TYPE_CALL_END_PAGE, "stage_row");
    GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (stage_row));
    guint n = g_list_model_get_n_items (G_LIST_MODEL (names));
    guint discovered = GTK_INVALID_LIST_POSITION;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (stage_row)));
    g_assert_cmpstr (gtk_string_list_get_string (names, adw_combo_row_get_selected (stage_row)), ==, "New lead");
    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpstr (gtk_string_list_get_string (names, i), !=, "Lost");
        if (g_str_equal (gtk_string_list_get_string (names, i), "Needs discovered"))
          discovered = i;
      }
    g_assert_cmpuint (discovered, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (stage_row, discovered);
  }
  crm_test_iterate (50);
  screenshot (editor, "call-panel-end-en.png");
  save_call (panel);

  /* The deal is in Needs discovered, and the card's stage row follows. */
  {
    g_autoptr(CrmDeal) moved = crm_store_load_deal (store, deal_id, &error);
    AdwComboRow *card_stage_row = details_child (editor, "stage_row");

    g_assert_no_error (error);
    g_assert_cmpstr (crm_stage_get_key (crm_store_find_stage (store, crm_deal_get_stage_id (moved))),
                     ==, "needs_discovered");
    g_assert_cmpstr (crm_stage_get_key (adw_combo_row_get_selected_item (card_stage_row)),
                     ==, "needs_discovered");
  }

  /* The panel is gone, the card is as wide as before. */
  g_assert_null (crm_deal_editor_get_call_panel (editor));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), ==, width_before);

  /* The card says so. */
  g_assert_nonnull (crm_test_find_label (GTK_WIDGET (editor), "Call logged"));
  screenshot (editor, "call-panel-after-en.png");

  /* TW-4: the next contact is the deal's task at that time, and the task
   * the call completed is closed. */
  task = find_task_due (store, deal_id, next_contact);
  g_assert_nonnull (task);
  g_assert_false (task_is_open (store, deal_id, current_task_id));

  /* The call is in the history with its length, script and four stages. */
  call = latest_activity (store, deal_id);
  g_assert_cmpint (crm_activity_get_kind (call), ==, CRM_ACTIVITY_CALL);
  g_assert_cmpint (crm_activity_get_outcome (call), ==, CRM_CALL_REACHED);
  g_assert_cmpuint (crm_activity_get_duration (call), ==, 7 * 60);
  g_assert_cmpstr (crm_activity_get_script (call), ==, "sales_call");
  g_assert_nonnull (crm_activity_get_stages (call));
  g_assert_cmpuint (g_strv_length ((char **)crm_activity_get_stages (call)), ==, 4);
  g_assert_cmpstr (crm_activity_get_stages (call)[3], ==, "closing");

  /* TW-4: the summary is queued for the manager and the copy address. */
  g_assert_cmpint (count_rows (store,
                               "SELECT COUNT(*) FROM email_queue WHERE deal_id = %" G_GINT64_FORMAT
                               " AND recipient = 'manager' AND subject IS NOT NULL", deal_id), ==, 1);
  g_assert_cmpint (count_rows (store,
                               "SELECT COUNT(*) FROM email_queue WHERE deal_id = %" G_GINT64_FORMAT
                               " AND recipient = 'address' AND address = 'owner@example.org'", deal_id), ==, 1);

  /* The card's timeline and tasks were read again. */
  {
    GListModel *timeline = work_child (editor, "timeline");
    GtkListBox *tasks_list = work_child (editor, "tasks_list");
    g_autoptr(CrmActivity) shown = g_list_model_get_item (timeline, 0);

    g_assert_cmpint (crm_activity_get_id (shown), ==, crm_activity_get_id (call));
    g_assert_nonnull (gtk_list_box_get_row_at_index (tasks_list, 0));
  }

  /* The edited title was never saved by the panel. */
  {
    g_autoptr(CrmDeal) stored = crm_store_load_deal (store, deal_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (crm_deal_get_title (stored), ==, "Attendance clocks for the bakery");
  }

  /* Saving the card now keeps the answers and its own edit. */
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = stored_value (store, deal_id, "clocks");
  g_assert_cmpstr (value, ==, "3");
  {
    g_autoptr(CrmDeal) saved = crm_store_load_deal (store, deal_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (crm_stage_get_key (crm_store_find_stage (store, crm_deal_get_stage_id (saved))),
                     ==, "needs_discovered");
  }

  crm_test_close_card (editor);
}

/* TW-2: a customer who cannot talk now gets a call back, and the rep
 * asks when. */
static void
test_rule_tw_2_call_back (Fixture       *fixture,
                          gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Clocks for the print shop", "Yossi Mizrahi", NULL);
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autoptr(GDateTime) call_back = local_time (fixture, 1, 16);
  g_autoptr(CrmActivity) call = NULL;
  g_autoptr(CrmTask) task = NULL;
  CrmDateTimeChooser *next_chooser;
  CrmCallEndPage *end_page;
  CrmCallPanel *panel;

  panel = start_call (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.situation", "b", FALSE));
  crm_test_iterate (100);

  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "end");
  end_page = crm_call_panel_get_end_page (panel);
  g_assert_cmpint (crm_call_end_page_get_outcome (end_page), ==, CRM_CALL_CALL_BACK);
  g_assert_true (gtk_widget_get_visible (crm_test_child (end_page, CRM_TYPE_CALL_END_PAGE, "refused_label")));
  g_assert_false (gtk_widget_get_visible (crm_test_child (end_page, CRM_TYPE_CALL_END_PAGE, "back_button")));
  /* The question is when: the date has the focus. */
  next_chooser = crm_test_child (end_page, CRM_TYPE_CALL_END_PAGE, "next_chooser");
  g_assert_true (has_focus_within (GTK_WIDGET (editor), crm_date_time_chooser_get_date_button (next_chooser)));
  screenshot (editor, "call-panel-call-back-en.png");

  crm_call_end_page_set_note (end_page, "Driving; asked to call tomorrow after four");
  crm_call_end_page_set_next_contact (end_page, call_back);
  save_call (panel);

  g_assert_null (crm_deal_editor_get_call_panel (editor));
  task = find_task_due (store, deal_id, call_back);
  g_assert_nonnull (task);
  call = latest_activity (store, deal_id);
  g_assert_cmpint (crm_activity_get_outcome (call), ==, CRM_CALL_CALL_BACK);
  g_assert_cmpstr (crm_activity_get_note (call), ==, "Driving; asked to call tomorrow after four");

  crm_test_close_card (editor);
}

/* RAD-10: an inbound request gets the inbound script, whose
 * qualification questions fill the deal's fields; a malformed phone is
 * refused at its question. */
static void
test_rule_rad_10_inbound_call (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct { const char *key; const char *field; const char *value; } answers[] = {
    { "working_pressure", "working_pressure", "10" },
    { "radiator_model", "radiator_model", "Rifar Base 500" },
    { "radiator_count", "radiator_count", "8" },
    { "section_count", "section_count", "10" },
    { "connection_diameter", "connection_diameter", "1/2\"" },
    { "radiator_paint", "radiator_paint", "RAL 9016" },
    { "accessories", "accessories", "Brackets, air vents" },
    { "valves_paint", "valves_paint", "Chrome" },
    { "delivery_address", "delivery_address", "Moscow, Lesnaya 5; Ivan receives" },
  };
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Radiators for a cottage", "Ivan Petrov", "website");
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  CrmCallQuestion *phone;
  CrmCallPanel *panel;
  CrmUser *user = crm_store_get_current_user (store);
  const char *opening;

  g_assert_true (crm_store_set_setting (store, "organization-name", "Teplo Trade", &error));
  g_assert_no_error (error);

  /* The deal's source picks the inbound script, and the rep can see and
   * change which script runs; there is no situation check in RAD. */
  panel = start_call (editor);
  g_assert_cmpstr (crm_call_session_get_script (crm_call_panel_get_session (panel))->key, ==, "inbound_call");
  g_assert_true (gtk_widget_get_visible (panel_child (panel, "script_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (panel_child (panel, "script_dropdown")), ==, 1);
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "stage");
  g_assert_cmpstr (stage_key (panel), ==, "greeting");
  g_assert_cmpstr (gtk_progress_bar_get_text (panel_child (panel, "progress_bar")), ==, "Stage 1 of 6");

  /* Before the first stage is over the rep may follow the other script;
   * the panel shows it from its start. */
  gtk_drop_down_set_selected (panel_child (panel, "script_dropdown"), 0);
  crm_test_iterate (50);
  g_assert_cmpstr (crm_call_session_get_script (crm_call_panel_get_session (panel))->key, ==, "base_call");
  g_assert_cmpstr (gtk_label_get_text (panel_child (panel, "stage_name_label")), ==, "Greeting");
  gtk_drop_down_set_selected (panel_child (panel, "script_dropdown"), 1);
  crm_test_iterate (50);
  g_assert_cmpstr (crm_call_session_get_script (crm_call_panel_get_session (panel))->key, ==, "inbound_call");

  /* AXL-7 style opening: the rep's name and our company filled in. */
  opening = gtk_label_get_text (panel_child (panel, "opening_label"));
  g_assert_nonnull (strstr (opening, crm_user_get_name (user)));
  g_assert_nonnull (strstr (opening, "Teplo Trade"));
  g_assert_null (strstr (opening, "{"));

  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "contact");

  /* The contact's name and phone were known: the questions show them. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (question_editor (panel, "contact_name"))), ==,
                   "Ivan Petrov");

  /* A malformed phone is refused at its question, and not saved. */
  answer_text (panel, "contact_phone", "12");
  crm_test_iterate (50);
  phone = crm_call_panel_find_question (panel, "contact_phone");
  g_assert_true (gtk_widget_has_css_class (crm_call_question_get_editor (phone), "error"));
  g_assert_true (gtk_widget_get_visible (crm_test_child (phone, CRM_TYPE_CALL_QUESTION, "problem_label")));
  value = stored_value (store, deal_id, "contact.phone");
  g_assert_cmpstr (value, ==, "+79161234567");
  g_clear_pointer (&value, g_free);
  g_assert_false (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "contact");

  answer_text (panel, "contact_phone", "8 (916) 765-43-21");
  crm_test_iterate (50);
  g_assert_false (gtk_widget_has_css_class (crm_call_question_get_editor (phone), "error"));
  value = stored_value (store, deal_id, "contact.phone");
  g_assert_cmpstr (value, ==, "+79167654321");
  g_clear_pointer (&value, g_free);
  /* The card's phone row follows. */
  g_assert_nonnull (strstr (gtk_editable_get_text (crm_deal_editor_get_phone_editable (editor)), "765"));

  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "qualification");
  g_assert_false (next (panel));
  g_assert_nonnull (strstr (refusal (panel), "What is the working pressure of the heating system"));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    answer_text (panel, answers[i].key, answers[i].value);
  answer_choice (panel, "connection_type", "side");
  answer_choice (panel, "valves", "angled");
  answer_choice (panel, "payment_form", "bank");
  crm_test_iterate (50);
  screenshot (editor, "call-panel-rad-qualification-en.png");

  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "offer");

  /* RAD-10: the qualification is in the store. */
  values = crm_store_load_field_values (store, deal_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    g_assert_cmpstr (g_hash_table_lookup (values, answers[i].field), ==, answers[i].value);
  g_assert_cmpstr (g_hash_table_lookup (values, "connection_type"), ==, "side");
  g_assert_cmpstr (g_hash_table_lookup (values, "valves"), ==, "angled");
  g_assert_cmpstr (g_hash_table_lookup (values, "payment_form"), ==, "bank");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_deal_editor_get_field_widget (editor, "radiator_model"))),
                   ==, "Rifar Base 500");

  /* The customer hangs up: the call ends wherever it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.end", NULL));
  crm_test_iterate (100);
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "end");
  g_assert_cmpint (crm_call_end_page_get_outcome (crm_call_panel_get_end_page (panel)), ==, CRM_CALL_REACHED);
  {
    g_autoptr(GDateTime) next_contact = local_time (fixture, 1, 11);

    crm_call_end_page_set_next_contact (crm_call_panel_get_end_page (panel), next_contact);
  }
  save_call (panel);
  g_assert_null (crm_deal_editor_get_call_panel (editor));

  {
    g_autoptr(CrmActivity) call = latest_activity (store, deal_id);

    g_assert_cmpstr (crm_activity_get_script (call), ==, "inbound_call");
    g_assert_cmpuint (g_strv_length ((char **)crm_activity_get_stages (call)), ==, 4);
  }

  crm_test_close_card (editor);
}

/* CON-4: no price on a first call unless the customer demands it, then
 * the lower bound of the price list; a later call sees it at once. */
static void
test_rule_con_4_price (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Audit of the warehouse", "Olga Smirnova", NULL);
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autofree char *floor_text = crm_format_amount (4500000, "RUB");
  g_autoptr(GError) error = NULL;
  CrmCallPanel *panel;
  GtkLabel *price;

  g_assert_cmpint (crm_store_add_product (store, "Express audit", 4500000, "RUB", &error), >, 0);
  g_assert_cmpint (crm_store_add_product (store, "Full audit", 12000000, "RUB", &error), >, 0);
  g_assert_no_error (error);

  panel = start_call (editor);
  g_assert_cmpstr (stage_key (panel), ==, "who");
  answer_text (panel, "contact_position", "Head of logistics");
  g_assert_true (next (panel));
  answer_text (panel, "needs", "Cut the picking errors before the season");
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "offer");

  price = panel_child (panel, "price_label");
  g_assert_true (gtk_widget_get_visible (panel_child (panel, "price_box")));
  g_assert_null (strstr (gtk_label_get_text (price), floor_text));
  g_assert_true (gtk_widget_get_visible (panel_child (panel, "demand_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.demand-price", NULL));
  crm_test_iterate (50);
  g_assert_nonnull (strstr (gtk_label_get_text (price), floor_text));
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "demand_button")));
  g_assert_true (crm_call_session_get_price_demanded (crm_call_panel_get_session (panel)));
  screenshot (editor, "call-panel-price-en.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.end", NULL));
  crm_test_iterate (100);
  {
    g_autoptr(GDateTime) next_contact = local_time (fixture, 3, 12);

    crm_call_end_page_set_next_contact (crm_call_panel_get_end_page (panel), next_contact);
  }
  save_call (panel);

  /* A second call: the customer was talked to, the price is no secret. */
  panel = start_call (editor);
  g_assert_true (next (panel));
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "offer");
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "demand_button")));
  g_assert_nonnull (strstr (gtk_label_get_text (panel_child (panel, "price_label")), floor_text));

  crm_call_panel_discard (panel);
  crm_test_iterate (100);
  g_assert_null (crm_deal_editor_get_call_panel (editor));

  crm_test_close_card (editor);
}

/* A procedure without a call script (HS) gets a plain call: timer, notes
 * and the end of the call. */
static void
test_plain_call (Fixture       *fixture,
                 gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Website for the florist", "Noa Katz", NULL);
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autoptr(CrmActivity) call = NULL;
  g_autofree char *note = NULL;
  CrmCallEndPage *end_page;
  CrmCallPanel *panel;
  GtkTextBuffer *notes;

  panel = start_call (editor);
  g_assert_cmpstr (crm_call_panel_get_page (panel), ==, "plain");
  g_assert_false (gtk_widget_get_visible (panel_child (panel, "progress_bar")));
  g_assert_cmpstr (crm_call_timer_get_text (panel_child (panel, "timer")), ==, "00:00");

  /* The timer ticks on whole seconds of the main loop: within two. */
  crm_test_clock_advance (&fixture->clock, 65 * G_TIME_SPAN_SECOND);
  for (guint i = 0;
       i < 25 && g_str_equal (crm_call_timer_get_text (panel_child (panel, "timer")), "00:00");
       i++)
    crm_test_iterate (100);
  g_assert_cmpstr (crm_call_timer_get_text (panel_child (panel, "timer")), ==, "01:05");

  notes = gtk_text_view_get_buffer (panel_child (panel, "notes_view"));
  gtk_text_buffer_set_text (notes, "Was out; her assistant will call back", -1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.end", NULL));
  crm_test_iterate (100);
  end_page = crm_call_panel_get_end_page (panel);
  /* Nobody talked yet: how the call went is the rep's to say. */
  g_assert_cmpint (crm_call_end_page_get_outcome (end_page), ==, CRM_CALL_NONE);
  g_assert_false (crm_call_end_page_get_can_save (end_page));
  note = crm_call_end_page_dup_note (end_page);
  g_assert_nonnull (strstr (note, "her assistant will call back"));

  crm_call_end_page_set_outcome (end_page, CRM_CALL_NO_ANSWER);
  save_call (panel);

  call = latest_activity (store, deal_id);
  g_assert_cmpint (crm_activity_get_outcome (call), ==, CRM_CALL_NO_ANSWER);
  g_assert_cmpuint (crm_activity_get_duration (call), ==, 65);

  crm_test_close_card (editor);
}

/* The panel from the keyboard: Ctrl+Shift+C, focus where the rep types
 * next, Alt+arrows following what the rep sees (mirrored in Hebrew, as on
 * the board), every control reachable with Tab, and Escape asking before
 * a call is lost. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Clocks for the garage", "Avi Ben-David", NULL);
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  AdwMessageDialog *dialog;
  CrmCallPanel *panel;
  GtkWidget *first;

  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  crm_test_iterate (400);
  panel = crm_deal_editor_get_call_panel (editor);
  g_assert_nonnull (panel);
  g_assert_true (has_focus_within (GTK_WIDGET (editor), panel_child (panel, "yes_button")));
  /* A second call cannot start beside the first. */
  g_assert_false (gtk_widget_is_sensitive (crm_test_child (editor, CRM_TYPE_DEAL_EDITOR, "start_call_button")));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.start-call", NULL);
  g_assert_true (crm_deal_editor_get_call_panel (editor) == panel);

  /* Accessible names of what changes on its own. */
  g_assert_true (gtk_test_accessible_has_role (panel_child (panel, "timer"), GTK_ACCESSIBLE_ROLE_TIMER));
  g_assert_true (gtk_test_accessible_has_property (panel_child (panel, "timer"),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (panel_child (panel, "progress_bar"),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Alt+Y: a button shows itself pressed for a moment before it acts. */
  g_assert_true (gtk_widget_mnemonic_activate (panel_child (panel, "yes_button"), FALSE));
  crm_test_iterate (400);
  g_assert_cmpstr (stage_key (panel), ==, "rapport");
  /* The first question has the focus. */
  first = question_editor (panel, "business");
  g_assert_true (has_focus_within (GTK_WIDGET (editor), first));

  /* Alt+Right is the next stage in English, Ctrl+Page Up the previous. */
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Right, GDK_ALT_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "rapport");
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  crm_test_iterate (50);
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Left, GDK_ALT_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "rapport");

  /* Right to left, the next stage is to the left. */
  gtk_widget_set_direction (GTK_WIDGET (panel), GTK_TEXT_DIR_RTL);
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Left, GDK_ALT_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Right, GDK_ALT_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "rapport");
  gtk_widget_set_direction (GTK_WIDGET (panel), GTK_TEXT_DIR_NONE);

  /* Tab reaches the question, the checklist, the stage buttons and End
   * Call. */
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_Right, GDK_ALT_MASK));
  crm_test_iterate (50);
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  gtk_widget_grab_focus (panel_child (panel, "end_button"));
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_window_get_focus (GTK_WINDOW (editor));
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }
  g_assert_true (g_hash_table_contains (reached, question_editor (panel, "clocks")));
  g_assert_true (g_hash_table_contains (reached, question_editor (panel, "agreements")));
  g_assert_true (g_hash_table_contains (reached, panel_child (panel, "checklist_list")));
  g_assert_true (g_hash_table_contains (reached, panel_child (panel, "objections_list")));
  g_assert_true (g_hash_table_contains (reached, panel_child (panel, "previous_button")));
  g_assert_true (g_hash_table_contains (reached, panel_child (panel, "next_button")));
  g_assert_true (g_hash_table_contains (reached, panel_child (panel, "end_button")));

  /* Every button of the panel has a mnemonic. */
  g_assert_true (gtk_button_get_use_underline (panel_child (panel, "next_button")));
  g_assert_true (gtk_button_get_use_underline (panel_child (panel, "previous_button")));
  g_assert_true (gtk_button_get_use_underline (panel_child (panel, "end_button")));

  /* Escape asks; keeping the call keeps it. */
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  crm_test_iterate (200);
  dialog = crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  screenshot (dialog, "call-panel-discard-en.png");
  adw_message_dialog_response (dialog, "keep");
  crm_test_iterate (200);
  g_assert_true (crm_call_panel_get_running (panel));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));

  /* Discarding it leaves the card open. */
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  crm_test_iterate (200);
  dialog = crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  crm_test_iterate (200);
  g_assert_null (crm_deal_editor_get_call_panel (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (count_rows (store,
                               "SELECT COUNT(*) FROM activities WHERE deal_id = %" G_GINT64_FORMAT,
                               deal_id), ==, 0);

  /* Closing the card during a call asks too, then closes it. */
  panel = start_call (editor);
  gtk_window_close (GTK_WINDOW (editor));
  crm_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  dialog = crm_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  crm_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));

  g_assert_finalize_object (editor);
}

/* The panel in Hebrew, right to left, with the template's Hebrew texts. */
static void
test_screenshot_he (void)
{
  char *saved_language;
  g_autoptr(CrmStore) store = NULL;
  CrmTestClock clock = { NULL };
  CrmDealEditor *editor;
  CrmCallPanel *panel;
  gint64 deal_id;

  /* Procedure texts are picked when the store loads. */
  saved_language = crm_test_use_language ("he");
  store = crm_test_open_store ("tw", 0, NULL);
  crm_test_clock_set (&clock, "2026-03-02T09:00:00Z");
  crm_store_set_clock (store, crm_test_clock_now, &clock);

  deal_id = new_deal (store, "שעוני נוכחות למאפייה", "דנה לוי", NULL);
  editor = crm_test_open_card (store, deal_id);
  panel = start_call (editor);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (panel)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (gtk_label_get_text (panel_child (panel, "situation_label")), ==,
                   "נוח לך לדבר עכשיו? יש לך כמה דקות פנויות להקשיב?");
  screenshot (editor, "call-panel-situation-he.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "call.situation", "b", TRUE));
  crm_test_clock_advance (&clock, 3 * MINUTE);
  crm_test_iterate (1100);
  g_assert_true (next (panel));
  g_assert_cmpstr (stage_key (panel), ==, "discovery");
  g_assert_false (next (panel));
  crm_test_iterate (100);
  screenshot (editor, "call-panel-discovery-he.png");

  crm_call_panel_discard (panel);
  crm_test_close_card (editor);

  crm_test_restore_language (saved_language);

  g_assert_finalize_object (g_steal_pointer (&store));
  crm_test_clock_clear (&clock);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

#define ADD(path, procedure, func) \
  g_test_add (path, Fixture, procedure, crm_test_clocked_fixture_set_up, func, \
              crm_test_clocked_fixture_tear_down)

  ADD ("/views/call-panel/rule-tw-3-whole-call", "tw", test_rule_tw_3_whole_call);
  ADD ("/views/call-panel/rule-tw-2-call-back", "tw", test_rule_tw_2_call_back);
  ADD ("/views/call-panel/rule-rad-10-inbound-call", "rad", test_rule_rad_10_inbound_call);
  ADD ("/views/call-panel/rule-con-4-price", "con", test_rule_con_4_price);
  ADD ("/views/call-panel/plain-call", "hs", test_plain_call);
  ADD ("/views/call-panel/keyboard", "tw", test_keyboard);
  g_test_add_func ("/views/call-panel/screenshot-he", test_screenshot_he);

#undef ADD

  return g_test_run ();
}
