/* test-deal-card-work.c
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

/* The deal card's work on a deal: the history (HS-6, HS-7, CON-1), the
 * attempt ladder (TW-1, AXL-1), tasks (RAD-5..7) and closing as lost
 * (HS-10, RAD-12, CON-8, AXL-10), driven through the real card and dialogs
 * on a clock the test moves. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "crm-activity.h"
#include "crm-activity-dialog.h"
#include "crm-close-lost-dialog.h"
#include "crm-reopen-dialog.h"
#include "crm-contact.h"
#include "crm-date-time-chooser.h"
#include "crm-deal.h"
#include "crm-deal-details-section.h"
#include "crm-deal-editor.h"
#include "crm-deal-work-section.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-task.h"
#include "crm-task-dialog.h"
#include "crm-user.h"

#include "crm-test-utils.h"

#define HOUR G_TIME_SPAN_HOUR
#define DAY  G_TIME_SPAN_DAY

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

/* What the first stage of most procedures requires of a new deal: a
 * contact with a name, a phone and an email (RAD-8, HS-2, TW-1). */
static gint64
new_deal (CrmStore   *store,
          const char *title,
          const char *contact_name)
{
  static const char * const il_phones[] = { "050-123-4567", NULL };
  static const char * const ru_phones[] = { "8 (916) 123-45-67", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  gboolean russian = g_strcmp0 (crm_procedure_get_country (crm_store_get_procedure (store)), "RU") == 0;

  crm_deal_set_title (deal, title);
  crm_contact_set_name (contact, contact_name);
  crm_contact_set_phones (contact, russian ? ru_phones : il_phones);
  crm_contact_set_emails (contact, emails);

  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

/* A dialog the card opened through @action, with a reference the test
 * drops in close_dialog(). */
static gpointer
open_dialog (CrmDealEditor *editor,
             const char    *action,
             GVariant      *parameter,
             GType          type)
{
  gpointer dialog;

  g_assert_null (crm_test_find_window (type));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (editor), action, parameter));
  crm_test_iterate (200);

  dialog = crm_test_find_window (type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (editor));

  return g_object_ref (dialog);
}

/* Applies @dialog through its action; a dialog that succeeded is gone. */
static void
apply_dialog (gpointer dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.apply", NULL));
  crm_test_iterate (100);
}

static void
assert_dialog_gone (gpointer dialog)
{
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);
}

/* Where the task dialog picks the due day and time. */
static CrmDateTimeChooser *
due_chooser (CrmTaskDialog *dialog)
{
  return crm_test_child (dialog, CRM_TYPE_TASK_DIALOG, "due_chooser");
}

static gboolean
has_error (gpointer widget)
{
  return gtk_widget_has_css_class (GTK_WIDGET (widget), "error");
}

/* Whether the button naming @action can be pressed. */
static gboolean
button_sensitive (CrmDealEditor *editor,
                  const char    *name)
{
  return gtk_widget_is_sensitive (work_child (editor, name));
}

static char *
stage_key_of (CrmStore *store,
              gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_store_load_deal (store, deal_id, &error);
  CrmStage *stage;

  g_assert_no_error (error);
  stage = crm_store_find_stage (store, crm_deal_get_stage_id (deal));
  g_assert_nonnull (stage);

  return g_strdup (crm_stage_get_key (stage));
}

static char *
loss_reason_of (CrmStore *store,
                gint64    deal_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT loss_reason FROM deals WHERE id = %" G_GINT64_FORMAT,
                                          deal_id);
  g_autoptr(CrmStatement) stmt = crm_test_query_row (store, sql);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

static GListModel *
open_tasks (CrmStore *store,
            gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);

  return tasks;
}

static gint64
current_user_id (CrmStore *store)
{
  CrmUser *user = crm_store_get_current_user (store);

  g_assert_nonnull (user);

  return crm_user_get_id (user);
}

/* The title of the card's @index-th task row, or NULL past the last. */
static const char *
task_row_title (CrmDealEditor *editor,
                int            index)
{
  GtkListBox *tasks_list = work_child (editor, "tasks_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (tasks_list, index);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static const char *
card_stage_key (CrmDealEditor *editor)
{
  AdwComboRow *stage_row = details_child (editor, "stage_row");

  return crm_stage_get_key (adw_combo_row_get_selected_item (stage_row));
}

/* Tests */

/* HS-7, CON-1: a call logged through the dialog is in the store's history
 * and in the card's, newest first (HS-6). */
static void
test_log_call (Fixture       *fixture,
               gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Online shop for the bakery", "Dana Cohen");
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(CrmActivity) activity = NULL;
  g_autoptr(CrmActivity) shown = NULL;
  g_autoptr(GError) error = NULL;
  CrmActivityDialog *dialog;
  GListModel *card_timeline;
  GType type = CRM_TYPE_ACTIVITY_DIALOG;

  /* A new card has nothing logged yet. */
  card_timeline = work_child (editor, "timeline");
  g_assert_cmpuint (g_list_model_get_n_items (card_timeline), ==, 0);
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Nothing logged yet"));

  dialog = open_dialog (editor, "editor.log-call", NULL, type);
  g_assert_cmpint (crm_activity_dialog_get_kind (dialog), ==, CRM_ACTIVITY_CALL);
  g_assert_true (gtk_widget_get_visible (crm_test_child (dialog, type, "outcome_row")));
  g_assert_true (gtk_widget_get_visible (crm_test_child (dialog, type, "duration_row")));

  /* How the call went is chosen, never preselected. */
  g_assert_false (crm_activity_dialog_get_can_apply (dialog));
  apply_dialog (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  adw_combo_row_set_selected (crm_test_child (dialog, type, "outcome_row"), CRM_CALL_REACHED);
  gtk_spin_button_set_value (crm_test_child (dialog, type, "duration_spin"), 7);
  gtk_editable_set_text (crm_test_child (dialog, type, "note_row"), "Wants a shop with delivery");
  g_assert_true (crm_activity_dialog_get_can_apply (dialog));
  crm_test_iterate (100);
  crm_test_screenshot (GTK_WIDGET (dialog), "log-call-en.png");

  apply_dialog (dialog);
  assert_dialog_gone (dialog);

  timeline = crm_store_get_timeline (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);
  activity = g_list_model_get_item (timeline, 0);
  g_assert_cmpint (crm_activity_get_kind (activity), ==, CRM_ACTIVITY_CALL);
  g_assert_cmpint (crm_activity_get_outcome (activity), ==, CRM_CALL_REACHED);
  g_assert_cmpuint (crm_activity_get_duration (activity), ==, 7 * 60);
  g_assert_cmpstr (crm_activity_get_note (activity), ==, "Wants a shop with delivery");

  /* The card shows it without being reopened. */
  g_assert_cmpuint (g_list_model_get_n_items (card_timeline), ==, 1);
  shown = g_list_model_get_item (card_timeline, 0);
  g_assert_cmpint (crm_activity_get_id (shown), ==, crm_activity_get_id (activity));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Call — reached"));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Wants a shop with delivery"));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "7 minutes"));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Call logged"));

  /* A note needs its text (TW-7's training too). */
  dialog = open_dialog (editor, "editor.log-activity", NULL, type);
  g_assert_cmpint (crm_activity_dialog_get_kind (dialog), ==, CRM_ACTIVITY_NOTE);
  g_assert_false (gtk_widget_get_visible (crm_test_child (dialog, type, "outcome_row")));
  crm_activity_dialog_set_kind (dialog, CRM_ACTIVITY_TRAINING);
  g_assert_false (crm_activity_dialog_get_can_apply (dialog));
  gtk_editable_set_text (crm_test_child (dialog, type, "note_row"), "x");
  gtk_editable_set_text (crm_test_child (dialog, type, "note_row"), "");
  g_assert_true (has_error (crm_test_child (dialog, type, "note_row")));
  gtk_editable_set_text (crm_test_child (dialog, type, "note_row"), "Trained two clerks on the reports module");
  g_assert_false (has_error (crm_test_child (dialog, type, "note_row")));
  crm_test_clock_advance (&fixture->clock, HOUR);
  apply_dialog (dialog);
  assert_dialog_gone (dialog);

  /* Newest first. */
  g_clear_object (&shown);
  g_assert_cmpuint (g_list_model_get_n_items (card_timeline), ==, 2);
  shown = g_list_model_get_item (card_timeline, 0);
  g_assert_cmpint (crm_activity_get_kind (shown), ==, CRM_ACTIVITY_TRAINING);

  /* After the first toast has gone. */
  crm_test_iterate (500);
  crm_test_screenshot (GTK_WIDGET (editor), "deal-card-activity-en.png");

  crm_test_close_card (editor);
}

/* AXL-1: no answer → +1 hour, +1 day, +1 hour, then closed with "could
 * not reach"; the card only reports what the store's ladder did. */
static void
test_rule_axl_1_no_answer (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page", "Dana Cohen");
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);
  g_autofree char *stage = NULL;
  g_autofree char *reason = NULL;

  g_assert_true (button_sensitive (editor, "no_answer_button"));

  for (guint attempt = 1; attempt <= 3; attempt++)
    {
      g_autoptr(GListModel) tasks = NULL;
      g_autoptr(CrmTask) task = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.no-answer", NULL));
      crm_test_iterate (100);

      g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Next attempt"));
      /* AXL-3: after the first, the "can't reach you" email. */
      if (attempt == 1)
        g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "email"));

      tasks = open_tasks (store, deal_id);
      g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
      task = g_list_model_get_item (tasks, 0);

      /* The card lists the next attempt; the rep calls when it is due. */
      g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), crm_task_get_title (task)));
      crm_test_clock_advance (&fixture->clock,
                              g_date_time_difference (crm_task_get_due_at (task), fixture->clock.now));
    }

  g_assert_cmpuint (crm_store_count_attempts (store, deal_id), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.no-answer", NULL));
  crm_test_iterate (100);

  stage = stage_key_of (store, deal_id);
  reason = loss_reason_of (store, deal_id);
  g_assert_cmpstr (stage, ==, "refused");
  g_assert_cmpstr (reason, ==, "could_not_reach");
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Closed: could not reach the client"));

  /* The card follows the store: saving it does not move the deal back. */
  g_assert_cmpstr (card_stage_key (editor), ==, "refused");
  g_assert_false (button_sensitive (editor, "no_answer_button"));
  g_assert_true (crm_deal_editor_save (editor, NULL));
  g_clear_pointer (&stage, g_free);
  stage = stage_key_of (store, deal_id);
  g_assert_cmpstr (stage, ==, "refused");

  crm_test_close_card (editor);
}

/* TW-1: three calls on the day, a fourth from a blocked number, then the
 * "please get in touch" email. */
static void
test_rule_tw_1_no_answer (Fixture       *fixture,
                          gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Clocks for the bakery", "Dana Cohen");
  CrmDealEditor *editor = crm_test_open_card (store, deal_id);

  for (guint attempt = 1; attempt <= 3; attempt++)
    {
      g_autoptr(GListModel) tasks = NULL;
      g_autoptr(CrmTask) task = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.no-answer", NULL));
      crm_test_iterate (100);
      g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Next attempt today at"));

      tasks = open_tasks (store, deal_id);
      g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
      task = g_list_model_get_item (tasks, 0);
      if (attempt == 3)
        g_assert_nonnull (strstr (crm_task_get_title (task), "blocked number"));
      crm_test_clock_advance (&fixture->clock,
                              g_date_time_difference (crm_task_get_due_at (task), fixture->clock.now));
    }

  g_assert_cmpuint (crm_store_count_queued_emails (store, deal_id, "please_get_in_touch"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.no-answer", NULL));
  crm_test_iterate (100);
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal_id, "please_get_in_touch"), ==, 1);
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor),
                                "No attempts left: an email asking the client to get in touch is queued"));

  crm_test_close_card (editor);
}

/* RAD-7: a task is closed with a written result; a failed one with a
 * follow-up task. */
static void
test_rule_rad_7_close_task (Fixture       *fixture,
                            gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Radiators for school 12", "Ivan Petrov");
  g_autoptr(GListModel) tasks = open_tasks (store, deal_id);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(CrmTask) follow_up = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  CrmDealEditor *editor;
  CrmTaskDialog *dialog;
  GType type = CRM_TYPE_TASK_DIALOG;
  gpointer result_row;
  gpointer title_row;

  /* RAD-5: the first stage gives the deal its first task. */
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  task = g_list_model_get_item (tasks, 0);

  editor = crm_test_open_card (store, deal_id);
  g_assert_null (task_row_title (editor, 1));
  g_assert_cmpstr (task_row_title (editor, 0), ==, crm_task_get_title (task));

  dialog = open_dialog (editor, "editor.close-task",
                        g_variant_new_int64 (crm_task_get_id (task)), type);
  g_assert_true (crm_task_dialog_get_task (dialog) != NULL);
  result_row = crm_test_child (dialog, type, "result_row");
  title_row = crm_test_child (dialog, type, "title_row");

  /* No result, no closing: Close Task is disabled, and asking anyway
   * points at the result. */
  g_assert_false (crm_task_dialog_get_can_apply (dialog));
  g_assert_false (gtk_widget_is_sensitive (crm_test_child (dialog, type, "apply_button")));
  g_assert_false (has_error (result_row));
  apply_dialog (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpint (crm_task_dialog_apply (dialog, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_clear_error (&error);
  g_assert_true (has_error (result_row));
  after = open_tasks (store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_clear_object (&after);

  gtk_editable_set_text (result_row, "Called: twelve radiators, bottom connection");
  g_assert_false (has_error (result_row));
  g_assert_true (crm_task_dialog_get_can_apply (dialog));
  g_assert_true (gtk_widget_is_sensitive (crm_test_child (dialog, type, "apply_button")));

  /* Failed: the follow-up is required. */
  gtk_check_button_set_active (crm_test_child (dialog, type, "failed_check"), TRUE);
  g_assert_false (crm_task_dialog_get_can_apply (dialog));
  g_assert_false (gtk_widget_is_sensitive (crm_test_child (dialog, type, "apply_button")));
  apply_dialog (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_editable_set_text (title_row, "S");
  gtk_editable_set_text (title_row, "");
  g_assert_true (has_error (title_row));
  after = open_tasks (store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  g_clear_object (&after);

  gtk_editable_set_text (title_row, "Send the invoice");
  g_assert_false (has_error (title_row));
  day = g_date_time_new_local (2026, 3, 4, 0, 0, 0);
  gtk_calendar_select_day (crm_date_time_chooser_get_calendar (due_chooser (dialog)), day);
  gtk_spin_button_set_value (crm_date_time_chooser_get_hour_spin (due_chooser (dialog)), 11);
  gtk_spin_button_set_value (crm_date_time_chooser_get_minute_spin (due_chooser (dialog)), 30);
  g_assert_true (crm_task_dialog_get_can_apply (dialog));
  crm_test_iterate (100);
  crm_test_screenshot (GTK_WIDGET (dialog), "close-task-en.png");
  apply_dialog (dialog);
  assert_dialog_gone (dialog);

  after = open_tasks (store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  follow_up = g_list_model_get_item (after, 0);
  g_assert_cmpint (crm_task_get_id (follow_up), !=, crm_task_get_id (task));
  g_assert_cmpstr (crm_task_get_title (follow_up), ==, "Send the invoice");
  {
    g_autoptr(GDateTime) due = g_date_time_to_local (crm_task_get_due_at (follow_up));

    g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 4);
    g_assert_cmpint (g_date_time_get_hour (due), ==, 11);
    g_assert_cmpint (g_date_time_get_minute (due), ==, 30);
  }

  /* The card lists the follow-up in place of the closed task. */
  g_assert_cmpstr (task_row_title (editor, 0), ==, "Send the invoice");
  g_assert_null (task_row_title (editor, 1));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Task closed"));

  crm_test_close_card (editor);
}

/* AXL-10: no closing for "not responding" before three attempts; a price
 * refusal closes at once. */
static void
test_rule_axl_10_close_lost (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Corporate website", "Dana Cohen");
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GListModel) timeline = NULL;
  CrmCloseLostDialog *dialog;
  CrmDealEditor *editor;
  GType type = CRM_TYPE_CLOSE_LOST_DIALOG;
  GtkLabel *problems;
  gpointer reason_row;
  guint n_tasks;

  g_assert_cmpint (crm_store_record_no_answer (store, deal_id, NULL, &error),
                   ==, CRM_LADDER_RESCHEDULED);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_attempts (store, deal_id), ==, 1);
  tasks = open_tasks (store, deal_id);
  n_tasks = g_list_model_get_n_items (tasks);

  editor = crm_test_open_card (store, deal_id);
  dialog = open_dialog (editor, "editor.close-lost", NULL, type);
  reason_row = crm_test_child (dialog, type, "reason_row");
  problems = crm_test_child (dialog, type, "reason_problems_label");

  /* No reason is preselected. */
  g_assert_null (crm_close_lost_dialog_get_reason (dialog));
  g_assert_false (crm_close_lost_dialog_get_can_apply (dialog));

  g_assert_true (crm_close_lost_dialog_set_reason (dialog, "no_response"));
  g_assert_false (crm_close_lost_dialog_get_can_apply (dialog));
  gtk_editable_set_text (crm_test_child (dialog, type, "name_row"), "Dana Cohen");
  gtk_editable_set_text (crm_test_child (dialog, type, "position_row"), "Owner");
  gtk_editable_set_text (crm_test_child (dialog, type, "agreed_row"),
                         "She will write when the budget is approved");
  g_assert_true (crm_close_lost_dialog_get_can_apply (dialog));

  /* The store refuses; the refusal shows at the reason. */
  apply_dialog (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (has_error (reason_row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "3"));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (dialog), gtk_label_get_text (problems)));
  crm_test_iterate (100);
  crm_test_screenshot (GTK_WIDGET (dialog), "close-lost-en.png");

  /* … and stores nothing: not the closing, nor its email and task, nor
   * the note of what was agreed. */
  stage = stage_key_of (store, deal_id);
  g_assert_cmpstr (stage, ==, "new_request");
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal_id, "request_closed"), ==, 0);
  g_clear_object (&tasks);
  tasks = open_tasks (store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, n_tasks);
  timeline = crm_store_get_timeline (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 1);
  g_clear_object (&timeline);

  /* Another reason clears the refusal, and the store accepts it. */
  g_assert_true (crm_close_lost_dialog_set_reason (dialog, "price"));
  g_assert_false (has_error (reason_row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problems)));
  apply_dialog (dialog);
  assert_dialog_gone (dialog);

  g_clear_pointer (&stage, g_free);
  stage = stage_key_of (store, deal_id);
  reason = loss_reason_of (store, deal_id);
  g_assert_cmpstr (stage, ==, "refused");
  g_assert_cmpstr (reason, ==, "price");
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal_id, "request_closed"), ==, 1);
  timeline = crm_store_get_timeline (store, deal_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 2);

  g_assert_cmpstr (card_stage_key (editor), ==, "refused");
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "She will write when the budget is approved"));
  g_assert_false (button_sensitive (editor, "close_lost_button"));

  crm_test_close_card (editor);
}

/* A lost deal's card offers Reopen instead of Close as Lost; Reopen asks
 * why before anything happens, then the store logs it and the card
 * follows the deal back to the stage it was closed from. */
static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Corporate website", "Dana Cohen");
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = NULL;
  CrmReopenDialog *dialog;
  CrmDealEditor *editor;
  GtkWidget *reopen_button;

  g_assert_true (crm_store_close_lost (store, deal_id, "price", "Dana Cohen", NULL, NULL, &error));
  g_assert_no_error (error);

  editor = crm_test_open_card (store, deal_id);
  reopen_button = work_child (editor, "reopen_button");
  g_assert_true (gtk_widget_get_visible (reopen_button));
  g_assert_true (gtk_widget_is_sensitive (reopen_button));
  g_assert_false (button_sensitive (editor, "close_lost_button"));

  dialog = open_dialog (editor, "editor.reopen", NULL, CRM_TYPE_REOPEN_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  crm_reopen_dialog_set_reason (dialog, "The budget was approved after all");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  /* A response button emits the response, then closes the dialog. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate (200);
  assert_dialog_gone (dialog);

  stage = stage_key_of (store, deal_id);
  g_assert_cmpstr (stage, ==, "new_request");
  g_assert_cmpint (crm_test_query_int (store, "SELECT count (*) FROM audit_log WHERE action = 'reopen' "
                                              "AND new_value = 'The budget was approved after all'"), ==, 1);
  g_assert_cmpstr (card_stage_key (editor), ==, "new_request");
  g_assert_true (button_sensitive (editor, "close_lost_button"));
  g_assert_false (gtk_widget_get_visible (reopen_button));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "The budget was approved after all"));

  crm_test_close_card (editor);
}

/* RAD-6: while a due day is picked, the rep sees their load that day. */
static void
test_rule_rad_6_day_load (Fixture       *fixture,
                          gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page", "Dana Cohen");
  gint64 other_id = new_deal (store, "Online shop", "Avi Levi");
  gint64 me = current_user_id (store);
  const guint hours[] = { 10, 11, 14 };
  g_autoptr(GDateTime) thursday = g_date_time_new_local (2026, 3, 5, 0, 0, 0);
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 3, 6, 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 3, 9, 0, 0, 0);
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(CrmTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CrmDealEditor *editor;
  CrmTaskDialog *dialog;
  GType type = CRM_TYPE_TASK_DIALOG;
  AdwActionRow *due_row;
  GtkCalendar *calendar;

  /* Three tasks on Thursday, on two deals; one on Friday. */
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_hours (thursday, hours[i]);
      gint64 id = crm_store_add_task (store, i == 0 ? other_id : deal_id, "Call", due, me, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
    }
  {
    g_autoptr(GDateTime) due = g_date_time_add_hours (friday, 9);

    g_assert_cmpint (crm_store_add_task (store, deal_id, "Send the proposal", due, me, &error), >, 0);
    g_assert_no_error (error);
  }

  editor = crm_test_open_card (store, deal_id);
  dialog = open_dialog (editor, "editor.add-task", NULL, type);
  due_row = crm_date_time_chooser_get_date_row (due_chooser (dialog));
  calendar = crm_date_time_chooser_get_calendar (due_chooser (dialog));

  /* Today (Monday 2 March) is free. */
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "No tasks that day");

  gtk_calendar_select_day (calendar, thursday);
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "3 tasks that day");
  gtk_editable_set_text (crm_test_child (dialog, type, "title_row"), "Present the design");
  crm_test_iterate (100);
  crm_test_screenshot (GTK_WIDGET (dialog), "add-task-en.png");
  gtk_editable_set_text (crm_test_child (dialog, type, "title_row"), "");
  gtk_calendar_select_day (calendar, friday);
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "1 task that day");
  gtk_calendar_select_day (calendar, monday);
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "No tasks that day");

  /* A title is needed; then the task is the rep's own, due that day. */
  g_assert_false (crm_task_dialog_get_can_apply (dialog));
  gtk_editable_set_text (crm_test_child (dialog, type, "title_row"), "Present the design");
  gtk_spin_button_set_value (crm_date_time_chooser_get_hour_spin (due_chooser (dialog)), 10);
  gtk_spin_button_set_value (crm_date_time_chooser_get_minute_spin (due_chooser (dialog)), 0);
  g_assert_true (crm_task_dialog_get_can_apply (dialog));
  apply_dialog (dialog);
  assert_dialog_gone (dialog);

  g_assert_cmpuint (crm_store_count_tasks_due_on (store, me, monday), ==, 1);
  tasks = open_tasks (store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 4);
  task = g_list_model_get_item (tasks, 3);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Present the design");
  g_assert_cmpint (crm_task_get_owner_id (task), ==, me);

  /* The next dialog shows Monday's new load. */
  dialog = open_dialog (editor, "editor.add-task", NULL, type);
  gtk_calendar_select_day (crm_date_time_chooser_get_calendar (due_chooser (dialog)), monday);
  due_row = crm_date_time_chooser_get_date_row (due_chooser (dialog));
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "1 task that day");

  /* A time that has passed is refused at the field. */
  gtk_editable_set_text (crm_test_child (dialog, type, "title_row"), "Too late");
  {
    g_autoptr(GDateTime) sunday = g_date_time_new_local (2026, 3, 1, 0, 0, 0);

    gtk_calendar_select_day (crm_date_time_chooser_get_calendar (due_chooser (dialog)), sunday);
  }
  g_assert_false (crm_task_dialog_get_can_apply (dialog));
  g_assert_true (has_error (crm_date_time_chooser_get_date_row (due_chooser (dialog))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  crm_test_iterate (50);
  assert_dialog_gone (dialog);

  crm_test_close_card (editor);
}

/* RAD-5: an open deal without a task says so; AXL-10: one silent for
 * eight weeks must be closed. A new deal has no work to show. */
static void
test_rules_rad_5_axl_10_warnings (Fixture       *fixture,
                                  gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page", "Dana Cohen");
  CrmDealEditor *editor;
  GtkLabel *label;

  editor = crm_test_open_card (store, 0);
  g_assert_false (gtk_widget_get_visible (crm_test_child (editor, CRM_TYPE_DEAL_EDITOR, "work_pane")));
  crm_test_close_card (editor);

  editor = crm_test_open_card (store, deal_id);
  g_assert_true (gtk_widget_get_visible (crm_test_child (editor, CRM_TYPE_DEAL_EDITOR, "work_pane")));
  label = crm_test_find_label (GTK_WIDGET (editor), "No task");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "warning"));
  g_assert_false (gtk_widget_get_visible (work_child (editor, "must_close_box")));
  crm_test_close_card (editor);

  crm_test_clock_advance (&fixture->clock, 8 * 7 * DAY);
  g_assert_true (crm_store_deal_must_close (store, deal_id));
  editor = crm_test_open_card (store, deal_id);
  g_assert_true (gtk_widget_get_visible (work_child (editor, "must_close_box")));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (editor), "Must be closed: no activity for 8 weeks"));
  crm_test_close_card (editor);
}

/* The card in Hebrew, right to left, with a history and tasks. */
static void
test_screenshot_he (void)
{
  char *saved_language;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CrmTestClock clock = { NULL };
  CrmDealEditor *editor;
  gint64 deal_id;

  /* Stage and field names are picked when the store loads. */
  saved_language = crm_test_use_language ("he");
  store = crm_test_open_store ("tw", 0, NULL);
  crm_test_clock_set (&clock, "2026-03-02T09:00:00Z");
  crm_store_set_clock (store, crm_test_clock_now, &clock);

  deal_id = new_deal (store, "שעוני נוכחות למאפייה", "דנה לוי");
  g_assert_cmpint (crm_store_record_no_answer (store, deal_id, NULL, &error),
                   ==, CRM_LADDER_RESCHEDULED);
  crm_test_clock_advance (&clock, 2 * HOUR);
  g_assert_cmpint (crm_store_log_activity (store, deal_id, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 540,
                                           "רוצה שני שעונים ומודול הסכמים", &error), >, 0);
  crm_test_clock_advance (&clock, HOUR);
  g_assert_cmpint (crm_store_log_activity (store, deal_id, CRM_ACTIVITY_DOCUMENT, CRM_CALL_NONE, 0,
                                           "הצעת מחיר נשלחה כ-PDF", &error), >, 0);
  g_assert_no_error (error);

  editor = crm_test_open_card (store, deal_id);
  crm_test_screenshot (GTK_WIDGET (editor), "deal-card-activity-he.png");
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

  ADD ("/views/deal-card/log-call", "hs", test_log_call);
  ADD ("/views/deal-card/rule-axl-1-no-answer", "axl", test_rule_axl_1_no_answer);
  ADD ("/views/deal-card/rule-tw-1-no-answer", "tw", test_rule_tw_1_no_answer);
  ADD ("/views/deal-card/rule-rad-7-close-task", "rad", test_rule_rad_7_close_task);
  ADD ("/views/deal-card/rule-axl-10-close-lost", "axl", test_rule_axl_10_close_lost);
  ADD ("/views/deal-card/reopen", "axl", test_reopen);
  ADD ("/views/deal-card/rule-rad-6-day-load", "axl", test_rule_rad_6_day_load);
  ADD ("/views/deal-card/rules-rad-5-axl-10-warnings", "axl", test_rules_rad_5_axl_10_warnings);
  g_test_add_func ("/views/deal-card/screenshot-he", test_screenshot_he);

#undef ADD

  return g_test_run ();
}
