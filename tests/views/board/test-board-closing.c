/* test-board-closing.c
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

#include <glib/gi18n.h>

#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-close-lost-dialog.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-deal-menu.h"
#include "crm-reopen-dialog.h"
#include "crm-stage.h"
#include "crm-stage-form.h"
#include "crm-window.h"

#include "crm-test-utils.h"

/* The board's paths into a lost stage (a drop, the keyboard, the card's
 * menu) ask what the closing needs in the closing dialog, whose store
 * refuses what the procedure refuses (AXL-10); a closed deal stays where
 * it is until it is reopened on purpose. Each refusal leaves the deal as
 * it was, as the store reads it. */

static CrmWindow *
show_window (CrmStore *store)
{
  CrmWindow *window = crm_window_new (NULL, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (400);

  return window;
}

static CrmBoardColumn *
column_of_kind (CrmBoard     *board,
                CrmStageKind  kind)
{
  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    {
      CrmBoardColumn *column = crm_board_get_column (board, i);

      if (crm_stage_get_kind (crm_board_column_get_stage (column)) == kind)
        return column;
    }

  g_assert_not_reached ();
}

static gint64
column_stage_id (CrmBoardColumn *column)
{
  return crm_stage_get_id (crm_board_column_get_stage (column));
}

static CrmDeal *
first_deal_of (CrmBoard *board,
               guint     index)
{
  CrmBoardColumn *column = crm_board_get_column (board, index);

  return g_list_model_get_item (G_LIST_MODEL (crm_board_column_get_deals (column)), 0);
}

/* What a refused move must leave as it was. */
typedef struct
{
  gint64 stage_id;
  gint64 audit;
  gint64 tasks;
  gint64 open_tasks;
} Snapshot;

static gint64
count_for (CrmStore   *store,
           const char *sql,
           gint64      deal_id)
{
  g_autofree char *text = g_strdup_printf (sql, (long long)deal_id);

  return crm_test_query_int (store, text);
}

static void
snapshot_take (CrmStore *store,
               gint64    deal_id,
               Snapshot *snapshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_store_load_deal (store, deal_id, &error);

  g_assert_no_error (error);
  snapshot->stage_id = crm_deal_get_stage_id (deal);
  snapshot->audit = count_for (store, "SELECT count (*) FROM audit_log WHERE entity_id = %lld", deal_id);
  snapshot->tasks = count_for (store, "SELECT count (*) FROM tasks WHERE deal_id = %lld", deal_id);
  snapshot->open_tasks = count_for (store, "SELECT count (*) FROM tasks WHERE deal_id = %lld "
                                           "AND closed_at IS NULL", deal_id);
}

static void
assert_unchanged (CrmStore       *store,
                  gint64          deal_id,
                  const Snapshot *before)
{
  Snapshot now;

  snapshot_take (store, deal_id, &now);
  g_assert_cmpint (now.stage_id, ==, before->stage_id);
  g_assert_cmpint (now.audit, ==, before->audit);
  g_assert_cmpint (now.tasks, ==, before->tasks);
  g_assert_cmpint (now.open_tasks, ==, before->open_tasks);
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

static gboolean
drop_on (CrmBoardColumn *column,
         CrmDeal        *deal)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, CRM_TYPE_DEAL);
  g_value_set_object (&value, deal);
  g_signal_emit_by_name (crm_board_column_get_drop_target (column), "drop", &value, 10.0, 10.0, &accepted);
  crm_test_iterate (200);

  return accepted;
}

/* AXL-10, CON-8: a drop on Refused opens the closing dialog, not a move;
 * the dialog's store refuses "could not reach" for a deal without
 * attempts, and closes it for an objective reason with who refused. The
 * closing closes the deal's open tasks; the menu of the closed deal
 * offers only Reopen. */
static void
test_rule_axl_10_drop_asks_closing (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("axl", 40, NULL);
  g_autoptr(GError) error = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmBoardColumn *refused = column_of_kind (board, CRM_STAGE_LOST);
  g_autoptr(CrmDeal) deal = first_deal_of (board, 0);
  g_autoptr(CrmDeal) closed = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *action = NULL;
  CrmCloseLostDialog *dialog;
  gint64 deal_id = crm_deal_get_id (deal);
  Snapshot before;

  g_assert_cmpint (crm_store_count_attempts (store, deal_id), <, 3);
  snapshot_take (store, deal_id, &before);

  g_assert_true (drop_on (refused, deal));
  g_assert_null (crm_test_find_window (CRM_TYPE_STAGE_FORM));
  dialog = crm_test_find_window (CRM_TYPE_CLOSE_LOST_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (crm_close_lost_dialog_get_deal_id (dialog), ==, deal_id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  assert_unchanged (store, deal_id, &before);

  /* Nothing chosen: Close is off and does nothing. */
  g_assert_false (crm_close_lost_dialog_get_can_apply (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL);
  assert_unchanged (store, deal_id, &before);

  g_assert_true (crm_close_lost_dialog_set_reason (dialog, "could_not_reach"));
  gtk_editable_set_text (GTK_EDITABLE (crm_test_child (dialog, CRM_TYPE_CLOSE_LOST_DIALOG, "name_row")),
                         "Анна Смирнова");
  g_assert_true (crm_close_lost_dialog_get_can_apply (dialog));
  g_assert_false (crm_close_lost_dialog_apply (dialog, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_clear_error (&error);
  crm_test_iterate (100);
  assert_unchanged (store, deal_id, &before);
  g_assert_true (crm_test_find_window (CRM_TYPE_CLOSE_LOST_DIALOG) == dialog);

  g_assert_true (crm_close_lost_dialog_set_reason (dialog, "price"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.apply", NULL));
  crm_test_iterate (300);
  g_assert_null (crm_test_find_window (CRM_TYPE_CLOSE_LOST_DIALOG));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, column_stage_id (refused));
  /* The deal's own tasks are closed; "Check this closing" is the head of
   * sales'. */
  g_assert_cmpint (count_for (store, "SELECT count (*) FROM tasks WHERE deal_id = %lld "
                                     "AND closed_at IS NULL AND rule IS NOT 'AXL-10'", deal_id), ==, 0);
  g_assert_cmpint (count_for (store, "SELECT count (*) FROM tasks WHERE deal_id = %lld "
                                     "AND closed_at IS NULL AND rule = 'AXL-10'", deal_id), ==, 1);

  closed = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  menu = crm_deal_menu_new (store, closed);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_null (g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SUBMENU));
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "board.reopen-deal");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A won deal stays won: the keyboard into the lost column, the menu's
 * moves and a drop are refused with a toast, and nothing changes. Reopen
 * asks why before it does anything, then logs it. */
static void
test_closed_deal_needs_reopen (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("hs", 40, NULL);
  g_autoptr(GError) error = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmBoardColumn *won = column_of_kind (board, CRM_STAGE_WON);
  g_autoptr(CrmDeal) deal = first_deal_of (board, 0);
  gint64 deal_id = crm_deal_get_id (deal);
  gint64 first = crm_deal_get_stage_id (deal);
  CrmReopenDialog *dialog;
  Snapshot before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-deal", "(xx)",
                                             deal_id, column_stage_id (won)));
  crm_test_iterate (200);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, column_stage_id (won));
  snapshot_take (store, deal_id, &before);

  /* Won is followed by Lost: Ctrl+Shift+Right's move. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-deal-by", "(xi)", deal_id, 1));
  crm_test_iterate (200);
  g_assert_null (crm_test_find_window (CRM_TYPE_CLOSE_LOST_DIALOG));
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (window), "Reopen it"));
  assert_unchanged (store, deal_id, &before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-deal", "(xx)",
                                             deal_id, first));
  crm_test_iterate (200);
  assert_unchanged (store, deal_id, &before);

  g_assert_true (drop_on (crm_board_get_column (board, 1), deal));
  assert_unchanged (store, deal_id, &before);

  /* Reopen: nothing happens until there is a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.reopen-deal", "x", deal_id));
  crm_test_iterate (200);
  dialog = crm_test_find_window (CRM_TYPE_REOPEN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  /* A response button emits the response, then closes the dialog. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate (200);
  assert_unchanged (store, deal_id, &before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.reopen-deal", "x", deal_id));
  crm_test_iterate (200);
  dialog = crm_test_find_window (CRM_TYPE_REOPEN_DIALOG);
  g_assert_nonnull (dialog);
  crm_reopen_dialog_set_reason (dialog, "  Signed with the wrong company  ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reopen"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  gtk_window_close (GTK_WINDOW (dialog));
  crm_test_iterate (300);

  g_assert_null (crm_test_find_window (CRM_TYPE_REOPEN_DIALOG));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, first);
  g_assert_cmpint (count_for (store, "SELECT count (*) FROM audit_log WHERE action = 'reopen' "
                                     "AND entity_id = %lld AND new_value = 'Signed with the wrong company'",
                              deal_id), ==, 1);
  g_assert_nonnull (crm_test_wait_for_label (GTK_WIDGET (window), "Reopened"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo right after a drop on Won is a reopening, logged with why. */
static void
test_undo_closing_reopens (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store ("hs", 40, NULL);
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmBoardColumn *won = column_of_kind (board, CRM_STAGE_WON);
  g_autoptr(CrmDeal) deal = first_deal_of (board, 0);
  gint64 deal_id = crm_deal_get_id (deal);
  gint64 first = crm_deal_get_stage_id (deal);

  g_assert_true (drop_on (won, deal));
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, column_stage_id (won));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.undo-move", "(xx)", deal_id, first));
  crm_test_iterate (200);
  g_assert_cmpint (stored_stage_of (store, deal_id), ==, first);
  g_assert_cmpint (count_for (store, "SELECT count (*) FROM audit_log WHERE action = 'reopen' "
                                     "AND entity_id = %lld AND old_value = 'won'", deal_id), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/board/closing/rule-axl-10-drop-asks-closing", test_rule_axl_10_drop_asks_closing);
  g_test_add_func ("/views/board/closing/closed-deal-needs-reopen", test_closed_deal_needs_reopen);
  g_test_add_func ("/views/board/closing/undo-closing-reopens", test_undo_closing_reopens);

  return g_test_run ();
}
