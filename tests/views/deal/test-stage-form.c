/* test-stage-form.c
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

#include <locale.h>
#include <glib/gi18n.h>

#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-stage-form.h"
#include "crm-task.h"
#include "crm-window.h"

#include "crm-test-utils.h"


/* Longer than the form's pause before it shows a new problem. */
#define PROBLEM_WAIT_MS 1000

static CrmWindow *
show_window (CrmStore *store)
{
  CrmWindow *window = crm_window_new (NULL, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (400);

  return window;
}

static gint64
column_stage_id (CrmBoard *board,
                 guint     index)
{
  return crm_stage_get_id (crm_board_column_get_stage (crm_board_get_column (board, index)));
}

static CrmDeal *
first_deal_of (CrmBoard *board,
               guint     column_index)
{
  CrmBoardColumn *column = crm_board_get_column (board, column_index);

  return g_list_model_get_item (G_LIST_MODEL (crm_board_column_get_deals (column)), 0);
}

static gint64
stored_stage_of (CrmStore *store,
                 gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_store_load_deal (store, deal_id, &error);

  g_assert_no_error (error);
  return crm_deal_get_stage_id (deal);
}

static CrmStageForm *
find_form (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CRM_IS_STAGE_FORM (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CRM_STAGE_FORM (window);
    }

  return NULL;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_PREFERENCES_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

/* Moves @deal_id with the board's own action, as a drop, the keyboard and
 * the card's menu do, and returns the form that asks for the fields. */
static CrmStageForm *
move_expecting_form (CrmBoard *board,
                     gint64    deal_id,
                     gint64    stage_id)
{
  CrmStore *store = crm_board_get_store (board);
  gint64 before = stored_stage_of (store, deal_id);
  CrmStageForm *form;

  g_assert_null (find_form ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-deal", "(xx)",
                                             deal_id, stage_id));
  crm_test_iterate (300);

  /* Nothing moved yet: the form asks first. */
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, before);
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (form)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (form)) ==
                 GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (board))));
  g_assert_cmpint (crm_stage_form_get_deal_id (form), ==, deal_id);
  g_assert_cmpint (crm_stage_form_get_stage_id (form), ==, stage_id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (form)), ==,
                   crm_stage_get_name (crm_store_find_stage (store, stage_id)));

  return form;
}

static guint
count_open_tasks (CrmStore *store,
                  gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (tasks);
}

/* AXL-9: Taken into work requires the Platform drop-down; entering it
 * creates “Contact the client – qualify”, due in 30 minutes. */
static void
test_rule_axl_9_required_fields_form (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GDateTime) moved_after = NULL;
  g_autoptr(GDateTime) moved_before = NULL;
  g_autoptr(GDateTime) earliest = NULL;
  g_autoptr(GDateTime) latest = NULL;
  g_auto(GStrv) missing_keys = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStageForm *form;
  GtkWidget *row;
  gint64 deal_id, new_request, taken_into_work;
  gboolean found = FALSE;

  g_assert_cmpstr (crm_stage_get_key (crm_board_column_get_stage (crm_board_get_column (board, 0))), ==, "new_request");
  g_assert_cmpstr (crm_stage_get_key (crm_board_column_get_stage (crm_board_get_column (board, 1))), ==, "taken_into_work");
  new_request = column_stage_id (board, 0);
  taken_into_work = column_stage_id (board, 1);
  deal = first_deal_of (board, 0);
  g_assert_nonnull (deal);
  deal_id = crm_deal_get_id (deal);

  form = move_expecting_form (board, deal_id, taken_into_work);

  /* Exactly the Platform row, a drop-down starting on its placeholder. */
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_cmpstrv (missing_keys, ((const char * const []) { "platform", NULL }));
  g_assert_cmpuint (count_rows (GTK_WIDGET (form)), ==, 1);
  row = crm_stage_form_get_row (form, "platform");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_false (crm_stage_form_get_can_move (form));
  /* A disabled Move does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);

  crm_test_screenshot (GTK_WIDGET (form), "stage-form-en.png");

  /* The first real choice, Tilda. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_true (crm_stage_form_get_can_move (form));

  moved_before = crm_store_now (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  moved_after = crm_store_now (store);
  crm_test_iterate (300);

  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, taken_into_work);
  fields = crm_store_load_field_values (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "platform"), ==, "tilda");

  /* The board carries on as after any move: the deal is selected in its
   * new column. */
  g_assert_true (crm_board_column_get_selected (crm_board_get_column (board, 1)) != NULL);
  g_assert_cmpint (crm_deal_get_id (crm_board_column_get_selected (crm_board_get_column (board, 1))), ==, deal_id);

  /* The stage's automatic task, due 30 minutes after the move; the store
   * keeps whole seconds. */
  earliest = g_date_time_add_seconds (moved_before, 30 * 60 - 1);
  latest = g_date_time_add_seconds (moved_after, 30 * 60);
  tasks = crm_store_get_open_tasks (store, deal_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(CrmTask) task = g_list_model_get_item (tasks, i);
      GDateTime *due = crm_task_get_due_at (task);

      if (g_strcmp0 (crm_task_get_rule (task), "AXL-9") != 0)
        continue;

      g_test_message ("AXL-9 task “%s”", crm_task_get_title (task));
      g_assert_cmpint (g_date_time_compare (due, earliest), >=, 0);
      g_assert_cmpint (g_date_time_compare (due, latest), <=, 0);
      found = TRUE;
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* AXL-9: a refused drop runs the stage rules once. The board opens its
 * form with the keys the refusal found: its cost is the store's refused
 * move and the form's own, with no second look at the missing fields,
 * and nothing moved. */
static void
test_rule_axl_9_refusal_read_once (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) missing_keys = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  GtkWidget *alone;
  CrmStageForm *form;
  guint64 before, n_move, n_form, n_board;
  gint64 deal_id, new_request, taken_into_work;

  new_request = column_stage_id (board, 0);
  taken_into_work = column_stage_id (board, 1);
  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);

  before = crm_store_get_statement_count (store);
  g_assert_false (crm_store_move_deal_full (store, deal_id, taken_into_work, NULL, NULL, &missing, &error));
  n_move = crm_store_get_statement_count (store) - before;
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_cmpstrv (missing, ((const char * const []) { "platform", NULL }));

  before = crm_store_get_statement_count (store);
  alone = crm_stage_form_new (store, deal_id, taken_into_work, (const char * const *)missing);
  n_form = crm_store_get_statement_count (store) - before;
  gtk_window_destroy (GTK_WINDOW (alone));

  g_assert_null (find_form ());
  before = crm_store_get_statement_count (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-deal", "(xx)",
                                             deal_id, taken_into_work));
  n_board = crm_store_get_statement_count (store) - before;
  g_test_message ("refused move %" G_GUINT64_FORMAT ", form %" G_GUINT64_FORMAT ", board %" G_GUINT64_FORMAT,
                  n_move, n_form, n_board);
  g_assert_cmpuint (n_move, >, 0);
  g_assert_cmpuint (n_board, ==, n_move + n_form);

  crm_test_iterate (100);
  form = find_form ();
  g_assert_nonnull (form);
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_cmpstrv (missing_keys, missing);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* AXL-9: a form asked for fewer fields than the stage needs (the deal
 * changed since it opened) is refused by the store, nothing moves, and
 * the form adds the rows the refusal names, from the refusal itself. */
static void
test_rule_axl_9_refusal_adds_rows (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(CrmDeal) deal = NULL;
  g_auto(GStrv) missing_keys = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStageForm *form;
  gint64 deal_id, new_request, contract_issued;

  new_request = column_stage_id (board, 0);
  contract_issued = column_stage_id (board, 6);
  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);

  form = CRM_STAGE_FORM (crm_stage_form_new (store, deal_id, contract_issued,
                                             (const char * const []) { "contract_link", NULL }));
  gtk_window_present (GTK_WINDOW (form));
  gtk_editable_set_text (GTK_EDITABLE (crm_stage_form_get_row (form, "contract_link")), "https://example.com/c");
  crm_test_iterate (100);
  g_assert_true (crm_stage_form_get_can_move (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL);
  crm_test_iterate (100);

  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);
  g_assert_true (find_form () == form);
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_cmpstr (missing_keys[0], ==, "contract_link");
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "platform"));
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "niche"));
  g_assert_nonnull (crm_stage_form_get_row (form, "platform"));
  g_assert_cmpuint (count_rows (GTK_WIDGET (form)), ==, g_strv_length (missing_keys));
  g_assert_false (crm_stage_form_get_can_move (form));

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* AXL-9: a drop from New request onto Contract/invoice issued skips three
 * stages; the form asks for everything they require, exactly what the
 * store names, and a refused or cancelled form moves nothing. */
static void
test_rule_axl_9_skip_asks_skipped_fields (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) missing_keys = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStageForm *form;
  gint64 deal_id, new_request, contract_issued;
  guint n_tasks;

  g_assert_cmpstr (crm_stage_get_key (crm_board_column_get_stage (crm_board_get_column (board, 6))), ==,
                   "contract_issued");
  new_request = column_stage_id (board, 0);
  contract_issued = column_stage_id (board, 6);
  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);
  n_tasks = count_open_tasks (store, deal_id);
  expected = crm_store_list_missing_fields (store, deal_id, contract_issued, NULL, &error);
  g_assert_no_error (error);

  form = move_expecting_form (board, deal_id, contract_issued);
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_cmpstrv (missing_keys, expected);
  /* Taken into work's, Qualified's and the stage's own. */
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "platform"));
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "niche"));
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "contract_link"));
  g_assert_cmpuint (count_rows (GTK_WIDGET (form)), ==, g_strv_length (missing_keys));
  g_assert_false (crm_stage_form_get_can_move (form));

  /* Only the stage's own field filled: Move stays off and nothing moves. */
  gtk_editable_set_text (GTK_EDITABLE (crm_stage_form_get_row (form, "contract_link")), "https://example.com/c");
  crm_test_iterate (100);
  g_assert_false (crm_stage_form_get_can_move (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);
  g_assert_cmpuint (count_open_tasks (store, deal_id), ==, n_tasks);

  for (guint i = 0; missing_keys[i] != NULL; i++)
    {
      GtkWidget *row = crm_stage_form_get_row (form, missing_keys[i]);

      if (ADW_IS_COMBO_ROW (row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
      else if (g_str_equal (missing_keys[i], "amount"))
        gtk_editable_set_text (GTK_EDITABLE (row), "90000");
      else if (!g_str_equal (missing_keys[i], "contract_link"))
        gtk_editable_set_text (GTK_EDITABLE (row), "Dentists");
    }
  crm_test_iterate (100);
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (300);

  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, contract_issued);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* AXL-10, CON-8 through the stage form: opened for Refused, it asks for
 * the reason and who refused, and Move with "could not reach" on a deal
 * without attempts is refused by the store, the form staying open and the
 * deal as it was. */
static void
test_rule_axl_10_closing_form (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_auto(GStrv) missing = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStage *refused = NULL;
  GtkWidget *form;
  GtkWidget *reason_row;
  gint64 deal_id, before, audit_before;
  guint n_tasks;

  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    if (crm_stage_get_kind (crm_board_column_get_stage (crm_board_get_column (board, i))) == CRM_STAGE_LOST)
      refused = crm_board_column_get_stage (crm_board_get_column (board, i));
  g_assert_nonnull (refused);

  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);
  before = stored_stage_of (store, deal_id);
  n_tasks = count_open_tasks (store, deal_id);
  audit_before = crm_test_query_int (store, "SELECT count (*) FROM audit_log");
  g_assert_cmpuint (crm_store_count_attempts (store, deal_id), <, 3);

  missing = crm_store_list_missing_fields (store, deal_id, crm_stage_get_id (refused), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char * const []) { "loss_reason", "refused_by_name", NULL }));

  form = crm_stage_form_new (store, deal_id, crm_stage_get_id (refused), (const char * const *)missing);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (form));
  crm_test_iterate (200);

  reason_row = crm_stage_form_get_row (CRM_STAGE_FORM (form), "loss_reason");
  g_assert_true (ADW_IS_COMBO_ROW (reason_row));
  /* Could not reach is the first of AXL's reasons, after the placeholder. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason_row), 1);
  gtk_editable_set_text (GTK_EDITABLE (crm_stage_form_get_row (CRM_STAGE_FORM (form), "refused_by_name")),
                         "Анна Смирнова");
  crm_test_iterate (100);
  g_assert_true (crm_stage_form_get_can_move (CRM_STAGE_FORM (form)));

  gtk_widget_activate_action (form, "form.move", NULL);
  crm_test_iterate (200);
  g_assert_true (find_form () == CRM_STAGE_FORM (form));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, before);
  g_assert_cmpuint (count_open_tasks (store, deal_id), ==, n_tasks);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count (*) FROM audit_log"), ==, audit_before);
  g_assert_nonnull (crm_test_wait_for_label (form, "contact attempts"));

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel leaves the deal where it was and stores nothing, not even a
 * value already chosen. */
static void
test_cancel_stores_nothing (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GHashTable) fields = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStageForm *form;
  gint64 deal_id, new_request;
  guint n_tasks, n_emails;

  new_request = column_stage_id (board, 0);
  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);
  n_tasks = count_open_tasks (store, deal_id);
  n_emails = crm_store_count_queued_emails (store, deal_id, NULL);

  form = move_expecting_form (board, deal_id, column_stage_id (board, 1));
  adw_combo_row_set_selected (ADW_COMBO_ROW (crm_stage_form_get_row (form, "platform")), 2);
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.cancel", NULL));
  crm_test_iterate (200);

  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);
  fields = crm_store_load_field_values (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_null (g_hash_table_lookup (fields, "platform"));
  g_assert_cmpuint (count_open_tasks (store, deal_id), ==, n_tasks);
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal_id, NULL), ==, n_emails);

  /* The board is usable again: the same move asks again. */
  form = move_expecting_form (board, deal_id, column_stage_id (board, 1));
  gtk_window_destroy (GTK_WINDOW (form));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* RAD-8: no phone, no work. A deal whose contact has no phone asks for
 * one, checked as it is typed. */
static void
test_rule_rad_8_contact_phone (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("rad", 20, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmContact) stored_contact = NULL;
  g_auto(GStrv) missing_keys = NULL;
  static const char * const old_phones[] = { "+7 812 555-01-02", NULL };
  static const char * const no_phones[] = { NULL };
  CrmWindow *window;
  CrmBoard *board;
  CrmStageForm *form;
  GtkWidget *row;

  /* New request itself requires a phone (RAD-8), so the deal enters it
   * with one; the rep then deletes the number from the deal card. */
  crm_deal_set_title (deal, "Радиаторы для школы");
  crm_contact_set_name (contact, "Иван Петров");
  crm_contact_set_phones (contact, old_phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  crm_contact_set_phones (contact, no_phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);
  stored_contact = crm_store_load_contact (store, crm_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv)crm_contact_get_phones (stored_contact)), ==, 0);
  g_clear_object (&stored_contact);

  window = show_window (store);
  board = crm_window_get_board (window);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, column_stage_id (board, 0));

  form = move_expecting_form (board, crm_deal_get_id (deal), column_stage_id (board, 1));
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_cmpstrv (missing_keys, ((const char * const []) { "contact.phone", NULL }));
  g_assert_cmpuint (count_rows (GTK_WIDGET (form)), ==, 1);
  row = crm_stage_form_get_row (form, "contact.phone");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_false (crm_stage_form_get_can_move (form));

  gtk_editable_set_text (GTK_EDITABLE (row), "12");
  g_assert_false (crm_stage_form_get_can_move (form));
  crm_test_iterate (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  crm_test_screenshot (GTK_WIDGET (form), "stage-form-phone-error.png");

  gtk_editable_set_text (GTK_EDITABLE (row), "8 (495) 123-45-67");
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (300);

  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, crm_deal_get_id (deal)), ==, column_stage_id (board, 1));
  stored_contact = crm_store_load_contact (store, crm_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (crm_contact_get_phones (stored_contact),
                    ((const char * const []) { "+74951234567", NULL }));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* RAD-10: the qualification asks for numbers, text and choices at once;
 * each gets the row of its type, and Move waits for all of them. */
static void
test_rule_rad_10_row_types (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("rad", 20, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_auto(GStrv) missing = NULL;
  CrmPipeline *sales = crm_store_find_pipeline (store, "sales");
  CrmStage *invoice = crm_store_find_stage_by_key (store, crm_pipeline_get_id (sales), "invoice");
  static const char * const phones[] = { "+7 495 123-45-67", NULL };
  GtkWidget *form;
  GtkWidget *row;

  crm_deal_set_title (deal, "Радиаторы для офиса");
  crm_contact_set_name (contact, "Мария Соколова");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);

  missing = crm_store_list_missing_fields (store, crm_deal_get_id (deal), crm_stage_get_id (invoice), NULL, &error);
  g_assert_no_error (error);
  form = crm_stage_form_new (store, crm_deal_get_id (deal), crm_stage_get_id (invoice),
                             (const char * const *)missing);
  gtk_window_present (GTK_WINDOW (form));
  crm_test_iterate (300);

  g_assert_cmpuint (count_rows (form), ==, g_strv_length (missing));
  for (guint i = 0; missing[i] != NULL; i++)
    g_assert_nonnull (crm_stage_form_get_row (CRM_STAGE_FORM (form), missing[i]));

  row = crm_stage_form_get_row (CRM_STAGE_FORM (form), "radiator_count");
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (row)), ==, GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (row), "шесть");
  crm_test_iterate (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "6");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  row = crm_stage_form_get_row (CRM_STAGE_FORM (form), "amount");
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (row)), ==, GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_text (GTK_EDITABLE (row), "-3");
  crm_test_iterate (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "48500,50");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  /* Issue 8.4: the one money parser, as the deal card and --set read. */
  gtk_editable_set_text (GTK_EDITABLE (row), "1,5,0");
  crm_test_iterate (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "1,500");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  g_assert_true (ADW_IS_COMBO_ROW (crm_stage_form_get_row (CRM_STAGE_FORM (form), "valves")));
  g_assert_true (ADW_IS_COMBO_ROW (crm_stage_form_get_row (CRM_STAGE_FORM (form), "payment_form")));
  g_assert_true (ADW_IS_ENTRY_ROW (crm_stage_form_get_row (CRM_STAGE_FORM (form), "delivery_address")));

  /* Every row but one filled in: Move still waits. */
  for (guint i = 0; missing[i] != NULL; i++)
    {
      row = crm_stage_form_get_row (CRM_STAGE_FORM (form), missing[i]);

      if (g_str_equal (missing[i], "delivery_address"))
        continue;
      if (ADW_IS_COMBO_ROW (row))
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
      else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "") == 0)
        gtk_editable_set_text (GTK_EDITABLE (row),
                               adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (row)) == GTK_INPUT_PURPOSE_NUMBER ? "2" : "Белый");
    }
  g_assert_false (crm_stage_form_get_can_move (CRM_STAGE_FORM (form)));
  crm_test_iterate (300);
  crm_test_screenshot (form, "stage-form-rad-10.png");

  gtk_editable_set_text (GTK_EDITABLE (crm_stage_form_get_row (CRM_STAGE_FORM (form), "delivery_address")),
                         "Тверская, 1");
  g_assert_true (crm_stage_form_get_can_move (CRM_STAGE_FORM (form)));
  g_assert_true (gtk_widget_activate_action (form, "form.move", NULL));
  crm_test_iterate (200);

  g_assert_cmpint (stored_stage_of (store, crm_deal_get_id (deal)), ==, crm_stage_get_id (invoice));
  {
    g_autoptr(CrmDeal) stored = crm_store_load_deal (store, crm_deal_get_id (deal), &error);

    g_assert_no_error (error);
    g_assert_cmpint (crm_deal_get_amount (stored), ==, 150000);
  }
}

/* A deal with a contact, put straight into @stage_key: the tests below
 * are about the values the next stage asks for, not the way there. */
static gint64
deal_in_stage (CrmStore   *store,
               const char *phone,
               const char *stage_key)
{
  const char * const phones[] = { phone, NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, "Deal");
  crm_contact_set_name (contact, "Client");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));

  stmt = crm_db_prepare (_crm_store_get_db (store),
                         "UPDATE deals SET stage_id = (SELECT id FROM stages WHERE key = ?2) WHERE id = ?1",
                         &error);
  g_assert_no_error (error);
  crm_statement_bind_int64 (stmt, 1, crm_deal_get_id (deal));
  crm_statement_bind_text (stmt, 2, stage_key);
  g_assert_true (crm_statement_run (stmt, &error));

  return crm_deal_get_id (deal);
}

static gint64
stage_id_of_key (CrmStore   *store,
                 const char *key)
{
  CrmPipeline *pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  CrmStage *stage = crm_store_find_stage_by_key (store, crm_pipeline_get_id (pipeline), key);

  g_object_unref (pipeline);
  return crm_stage_get_id (stage);
}

static CrmStageForm *
open_form (CrmStore   *store,
           gint64      deal_id,
           const char *stage_key)
{
  g_auto(GStrv) missing = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *form;

  missing = crm_store_list_missing_fields (store, deal_id, stage_id_of_key (store, stage_key), NULL, &error);
  g_assert_no_error (error);
  form = crm_stage_form_new (store, deal_id, stage_id_of_key (store, stage_key), (const char * const *)missing);
  gtk_window_present (GTK_WINDOW (form));
  crm_test_iterate (300);

  return CRM_STAGE_FORM (form);
}

/* RAD-11: the Order paid form refuses a prepayment outside 50–100 % at
 * its row, in the rule's words, and Move waits. */
static void
test_rule_rad_11_prepayment_row (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("rad", 0, NULL);
  g_autoptr(GError) error = NULL;
  gint64 deal_id = deal_in_stage (store, "+7 812 555-01-02", "order_approved");
  gint64 before = stored_stage_of (store, deal_id);
  CrmStageForm *form = open_form (store, deal_id, "order_paid");
  GtkWidget *row = crm_stage_form_get_row (form, "prepayment");
  const char *refused[] = { "5", "0", "250" };
  g_autofree char *value = NULL;

  g_assert_nonnull (row);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), refused[i]);
      crm_test_iterate (PROBLEM_WAIT_MS);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (row), "RAD-11"));
      g_assert_false (crm_stage_form_get_can_move (form));
      /* A disabled Move does nothing. */
      gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL);
      crm_test_iterate (100);
      g_assert_cmpint (stored_stage_of (store, deal_id), ==, before);
      g_assert_null (crm_store_dup_field_value (store, deal_id, "prepayment"));
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "50");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (200);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, stage_id_of_key (store, "order_paid"));
  value = crm_store_dup_field_value (store, deal_id, "prepayment");
  g_assert_cmpstr (value, ==, "50");
}

/* TW-6: the Awaiting payment form's move is refused by the store for the
 * card standing order (the sales manager must approve it) and for 36
 * payments by credit card; the form stays open and nothing is stored. */
static void
test_rule_tw_6_payment_rows (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("tw", 0, NULL);
  gint64 deal_id = deal_in_stage (store, "050-123-4567", "quote_sent");
  gint64 before = stored_stage_of (store, deal_id);
  CrmStageForm *form = open_form (store, deal_id, "awaiting_payment");
  GtkWidget *term = crm_stage_form_get_row (form, "payment_term");
  GtkWidget *installments = crm_stage_form_get_row (form, "installments");
  g_autofree char *value = NULL;

  g_assert_true (ADW_IS_COMBO_ROW (term));
  /* Position 0 is “Choose…”, 1 the credit card, 3 the card standing order. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (term), 3);
  gtk_editable_set_text (GTK_EDITABLE (installments), "12");
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (200);
  g_assert_true (find_form () == form);
  /* The refusal is shown at the term's row. */
  g_assert_true (gtk_widget_has_css_class (term, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (term), "sales manager"));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, before);
  g_assert_null (crm_store_dup_field_value (store, deal_id, "payment_term"));
  g_assert_null (crm_store_dup_field_value (store, deal_id, "installments"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (term), 1);
  gtk_editable_set_text (GTK_EDITABLE (installments), "36");
  /* Only the store knows the chosen term's limit: Move is offered. */
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (200);
  g_assert_true (find_form () == form);
  g_assert_true (gtk_widget_has_css_class (installments, "error"));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, before);
  g_assert_null (crm_store_dup_field_value (store, deal_id, "payment_term"));
  g_assert_null (crm_store_dup_field_value (store, deal_id, "installments"));

  gtk_editable_set_text (GTK_EDITABLE (installments), "12");
  g_assert_true (crm_stage_form_get_can_move (form));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.move", NULL));
  crm_test_iterate (200);
  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, stage_id_of_key (store, "awaiting_payment"));
  value = crm_store_dup_field_value (store, deal_id, "installments");
  g_assert_cmpstr (value, ==, "12");
}

/* The keyboard alone: the form opens with the first row focused, Enter
 * moves once every row is filled in, Escape cancels. */
static void
test_keyboard (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_auto(GStrv) missing_keys = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmStageForm *form;
  GtkWidget *niche;
  GtkWidget *focus;
  gint64 deal_id, new_request, qualified;

  new_request = column_stage_id (board, 0);
  qualified = column_stage_id (board, 2);
  deal = first_deal_of (board, 0);
  deal_id = crm_deal_get_id (deal);

  /* AXL-9: Qualified requires Niche (and Source, unless the deal has one). */
  form = move_expecting_form (board, deal_id, qualified);
  g_object_get (form, "missing-keys", &missing_keys, NULL);
  g_assert_true (g_strv_contains ((const char * const *)missing_keys, "niche"));
  focus = gtk_root_get_focus (GTK_ROOT (form));
  g_assert_nonnull (focus);
  g_assert_true (focus == crm_stage_form_get_row (form, missing_keys[0]) ||
                 gtk_widget_is_ancestor (focus, crm_stage_form_get_row (form, missing_keys[0])));

  if (!crm_test_xdotool (GTK_WIDGET (form), "key Escape"))
    {
      g_test_skip ("xdotool and an X11 display are needed to type keys");
      gtk_window_destroy (GTK_WINDOW (form));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, new_request);

  form = move_expecting_form (board, deal_id, qualified);
  niche = crm_stage_form_get_row (form, "niche");
  gtk_widget_grab_focus (niche);
  crm_test_xdotool (GTK_WIDGET (form), "type Dental");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (niche)), ==, "Dental");

  for (guint i = 0; missing_keys[i] != NULL; i++)
    {
      GtkWidget *row = crm_stage_form_get_row (form, missing_keys[i]);

      if (ADW_IS_COMBO_ROW (row))
        {
          /* Enter with a choice still to make does nothing. */
          g_assert_false (crm_stage_form_get_can_move (form));
          crm_test_xdotool (GTK_WIDGET (form), "key Return");
          g_assert_true (find_form () == form);
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
        }
    }
  g_assert_true (crm_stage_form_get_can_move (form));

  gtk_widget_grab_focus (niche);
  crm_test_xdotool (GTK_WIDGET (form), "key Return");
  g_assert_null (find_form ());
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, qualified);
  fields = crm_store_load_field_values (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "niche"), ==, "Dental");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hebrew is right-to-left: the form mirrors, stage names come from the
 * template's Hebrew. */
static void
test_stage_form_rtl (void)
{
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  CrmWindow *window;
  CrmBoard *board;
  CrmStageForm *form;

  g_setenv ("LANGUAGE", "he", TRUE);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  store = crm_test_open_store ("axl", 40, NULL);
  window = show_window (store);
  board = crm_window_get_board (window);
  deal = first_deal_of (board, 0);

  form = move_expecting_form (board, crm_deal_get_id (deal), column_stage_id (board, 1));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (form)), ==, GTK_TEXT_DIR_RTL);
  crm_test_screenshot (GTK_WIDGET (form), "stage-form-he.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.cancel", NULL));
  crm_test_iterate (100);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/stage-form/rule-axl-9-required-fields-form", test_rule_axl_9_required_fields_form);
  g_test_add_func ("/views/stage-form/rule-axl-9-refusal-read-once", test_rule_axl_9_refusal_read_once);
  g_test_add_func ("/views/stage-form/rule-axl-9-refusal-adds-rows", test_rule_axl_9_refusal_adds_rows);
  g_test_add_func ("/views/stage-form/rule-axl-9-skip-asks-skipped-fields", test_rule_axl_9_skip_asks_skipped_fields);
  g_test_add_func ("/views/stage-form/rule-axl-10-closing-form", test_rule_axl_10_closing_form);
  g_test_add_func ("/views/stage-form/cancel-stores-nothing", test_cancel_stores_nothing);
  g_test_add_func ("/views/stage-form/rule-rad-8-contact-phone", test_rule_rad_8_contact_phone);
  g_test_add_func ("/views/stage-form/rule-rad-10-row-types", test_rule_rad_10_row_types);
  g_test_add_func ("/views/stage-form/rule-rad-11-prepayment-row", test_rule_rad_11_prepayment_row);
  g_test_add_func ("/views/stage-form/rule-tw-6-payment-rows", test_rule_tw_6_payment_rows);
  g_test_add_func ("/views/stage-form/keyboard", test_keyboard);
  g_test_add_func ("/views/stage-form/rtl", test_stage_form_rtl);

  return g_test_run ();
}
