/* test-today-view.c
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

#include "crm-agenda-item.h"
#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-deal-editor.h"
#include "crm-deal-list.h"
#include "crm-deal-tile.h"
#include "crm-task.h"
#include "crm-task-notifier.h"
#include "crm-today-view.h"
#include "crm-user.h"
#include "crm-window.h"

#include "crm-test-utils.h"

#define HOUR G_TIME_SPAN_HOUR
#define DAY  G_TIME_SPAN_DAY

/* Monday 09:00 UTC; the tests run in UTC, so "today" is that Monday. */
#define START "2026-03-02T09:00:00Z"

/* A store on a clock the test moves, set up with HS, whose first stage
 * gives every new deal a task due in a day. The clock lives as long as
 * the test case. */
static CrmStore *
open_store (CrmTestClock *clock)
{
  CrmStore *store = crm_test_open_store ("hs", 0, NULL);

  crm_test_clock_set (clock, START);
  crm_store_set_clock (store, crm_test_clock_now, clock);

  return store;
}

/* A deal whose contact has a name, a mobile and an email (HS-2). */
static gint64
new_deal (CrmStore   *store,
          const char *title,
          const char *company_name)
{
  static const char * const phones[] = { "050-123-4567", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, title);
  crm_contact_set_name (contact, "דנה לוי");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  if (company_name != NULL)
    {
      company = crm_company_new ();
      crm_company_set_name (company, company_name);
    }

  g_assert_true (crm_store_save_deal (store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static gint64
only_open_task (CrmStore *store,
                gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);
  g_autoptr(CrmTask) task = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  task = g_list_model_get_item (tasks, 0);

  return crm_task_get_id (task);
}

static void
close_task (CrmStore *store,
            gint64    task_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_close_task (store, task_id, TRUE, "Done", NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
current_user_id (CrmStore *store)
{
  return crm_user_get_id (crm_store_get_current_user (store));
}

/* Three deals that end up one per part of the agenda once the clock moved
 * a day and an hour (Tuesday 10:00): the first's task is an hour overdue,
 * the second's is due at 15:00 that day, the third has none. */
static void
make_agenda (CrmStore     *store,
             CrmTestClock *clock,
             gint64        ids[3])
{
  g_autoptr(GDateTime) afternoon = g_date_time_add (clock->now, DAY + 6 * HOUR);
  g_autoptr(GError) error = NULL;

  ids[0] = new_deal (store, "Pool heating", "Blue Lagoon Ltd");
  ids[1] = new_deal (store, "Office radiators", NULL);
  ids[2] = new_deal (store, "School boiler room", "Municipality");

  close_task (store, only_open_task (store, ids[1]));
  crm_store_add_task (store, ids[1], "Send the quote", afternoon, 0, &error);
  g_assert_no_error (error);
  close_task (store, only_open_task (store, ids[2]));

  crm_test_clock_advance (clock, DAY + HOUR);
}

static CrmWindow *
show_window (CrmStore *store)
{
  CrmWindow *window = crm_window_new (NULL, store, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (400);

  return window;
}

static void
show_page (CrmWindow  *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  crm_test_iterate (300);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (crm_window_get_view_stack (window)), ==, name);
}

static CrmAgendaItem *
agenda_row (CrmTodayView *view,
            guint         position)
{
  return g_list_model_get_item (crm_today_view_get_model (view), position);
}

/* The label on screen under @widget that reads @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static CrmDealTile *
find_tile (GtkWidget *widget,
           gint64     deal_id)
{
  if (CRM_IS_DEAL_TILE (widget))
    {
      CrmDeal *deal = crm_deal_tile_get_deal (CRM_DEAL_TILE (widget));

      if (deal != NULL && crm_deal_get_id (deal) == deal_id)
        return CRM_DEAL_TILE (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CrmDealTile *found = find_tile (child, deal_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static CrmDealEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CRM_IS_DEAL_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CRM_DEAL_EDITOR (window);
    }

  return NULL;
}

/* With nothing to do the page says so. */
static void
test_today_empty (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  CrmWindow *window = show_window (store);
  CrmTodayView *view = crm_window_get_today_view (window);

  show_page (window, "today");
  g_assert_cmpuint (g_list_model_get_n_items (crm_today_view_get_model (view)), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (view), _("Nothing to do today")));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (adw_view_stack_get_page (crm_window_get_view_stack (window),
                                                                                   GTK_WIDGET (view))), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

/* HS-5, RAD-5, RAD-6: overdue first, deals without a task last; the
 * switcher's badge counts what is due by tonight and asks for attention
 * while something is overdue. */
static void
test_today_sections_and_badge (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  g_autoptr(CrmAgendaItem) first = NULL;
  g_autoptr(CrmAgendaItem) second = NULL;
  g_autoptr(CrmAgendaItem) last = NULL;
  CrmWindow *window;
  CrmTodayView *view;
  AdwViewStackPage *page;
  GtkWidget *list;
  gint64 ids[3];

  make_agenda (store, &clock, ids);
  window = show_window (store);
  view = crm_window_get_today_view (window);
  page = adw_view_stack_get_page (crm_window_get_view_stack (window), GTK_WIDGET (view));

  /* The badge is right before the page was ever shown. */
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 2);
  g_assert_true (adw_view_stack_page_get_needs_attention (page));

  show_page (window, "today");
  g_assert_cmpuint (g_list_model_get_n_items (crm_today_view_get_model (view)), ==, 3);
  first = agenda_row (view, 0);
  second = agenda_row (view, 1);
  last = agenda_row (view, 2);
  g_assert_cmpint (crm_agenda_item_get_section (first), ==, CRM_AGENDA_OVERDUE);
  g_assert_cmpint (crm_agenda_item_get_deal_id (first), ==, ids[0]);
  g_assert_cmpint (crm_agenda_item_get_section (second), ==, CRM_AGENDA_TODAY);
  g_assert_cmpint (crm_agenda_item_get_deal_id (second), ==, ids[1]);
  g_assert_cmpint (crm_agenda_item_get_section (last), ==, CRM_AGENDA_NO_TASK);
  g_assert_cmpint (crm_agenda_item_get_deal_id (last), ==, ids[2]);

  /* What the rows say, section captions included. */
  list = GTK_WIDGET (crm_today_view_get_list_view (view));
  g_assert_nonnull (find_label (list, _("Overdue")));
  g_assert_nonnull (find_label (list, "overdue by 1 h"));
  g_assert_nonnull (find_label (list, "Pool heating — Blue Lagoon Ltd"));
  g_assert_nonnull (find_label (list, "today 15:00"));
  g_assert_nonnull (find_label (list, "Send the quote"));
  g_assert_true (gtk_widget_has_css_class (find_label (list, _("No task")), "warning"));
  g_assert_true (gtk_widget_has_css_class (find_label (list, "overdue by 1 h"), "error"));

  crm_test_screenshot (GTK_WIDGET (window), "today-en.png");

  /* Closing the overdue task empties "Overdue": the badge follows. */
  close_task (store, only_open_task (store, ids[0]));
  crm_test_iterate (100);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 1);
  g_assert_false (adw_view_stack_page_get_needs_attention (page));
  g_assert_cmpuint (g_list_model_get_n_items (crm_today_view_get_model (view)), ==, 3);

  /* Ctrl+1 is the board again. */
  show_page (window, "board");

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  /* A row at a time, never the list. */
  g_assert_cmpuint (removed, <=, 1);
  g_assert_cmpuint (added, <=, 1);
  (*changes)++;
}

/* HS-5: switching to Today reads nothing when nothing changed, and a task
 * closed while it is hidden changes its rows only. */
static void
test_today_switch_reads_nothing (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  CrmWindow *window;
  CrmTodayView *view;
  GListModel *model;
  guint changes = 0;
  gint64 ids[3];

  make_agenda (store, &clock, ids);
  window = show_window (store);
  view = crm_window_get_today_view (window);
  show_page (window, "today");
  model = crm_today_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  show_page (window, "board");
  show_page (window, "today");
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (crm_today_view_get_model (view) == model);

  /* The overdue task closed: its deal moves to the deals without a task,
   * one row out and one in, with the captions' rows bound again. */
  show_page (window, "board");
  close_task (store, only_open_task (store, ids[0]));
  show_page (window, "today");
  g_assert_cmpuint (changes, >, 0);
  g_assert_cmpuint (crm_today_view_get_n_overdue (view), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

/* Activating a row (click or Enter) opens its deal's card. */
static void
test_today_row_opens_deal (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  CrmWindow *window;
  CrmTodayView *view;
  CrmDealEditor *editor;
  gint64 ids[3];

  make_agenda (store, &clock, ids);
  window = show_window (store);
  view = crm_window_get_today_view (window);
  show_page (window, "today");

  g_assert_null (find_editor ());
  g_signal_emit_by_name (crm_today_view_get_list_view (view), "activate", 1);
  crm_test_iterate (200);

  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (crm_deal_editor_get_deal_id (editor), ==, ids[1]);
  gtk_window_destroy (GTK_WINDOW (editor));
  crm_test_iterate (100);

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

/* RAD-5, RAD-6 on the board: the card of an open deal without a task and
 * the card of a deal whose task is overdue say so. */
static void
test_today_card_warnings (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  gint64 late = new_deal (store, "Pool heating", "Blue Lagoon Ltd");
  gint64 idle = new_deal (store, "School boiler room", NULL);
  gint64 fine = new_deal (store, "Office radiators", NULL);
  g_autoptr(GDateTime) next_week = g_date_time_add (clock.now, 7 * DAY);
  g_autoptr(GError) error = NULL;
  CrmWindow *window = show_window (store);
  CrmBoard *board = crm_window_get_board (window);
  CrmBoardColumn *column = crm_board_get_column (board, 0);
  g_autofree char *text = NULL;
  CrmDealTile *tile;

  tile = find_tile (GTK_WIDGET (board), late);
  g_assert_nonnull (tile);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tile), "overdue"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tile), "no-task"));

  /* A task closed on the card's deal: the card learns it at once. */
  close_task (store, only_open_task (store, idle));
  crm_test_iterate (100);
  tile = find_tile (GTK_WIDGET (board), idle);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tile), "no-task"));
  text = crm_deal_tile_get_text (tile);
  g_assert_nonnull (strstr (text, _("No task")));

  /* Time passes: after the board reloads, the first deal's task is late
   * and the third's, moved to next week, is not. */
  close_task (store, only_open_task (store, fine));
  crm_store_add_task (store, fine, "Call back", next_week, 0, &error);
  g_assert_no_error (error);
  crm_test_clock_advance (&clock, DAY + HOUR);
  crm_deal_list_reload (crm_board_column_get_deals (column));
  crm_test_iterate (200);

  tile = find_tile (GTK_WIDGET (board), late);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tile), "overdue"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tile), "no-task"));
  g_clear_pointer (&text, g_free);
  text = crm_deal_tile_get_text (tile);
  g_assert_nonnull (strstr (text, _("Task overdue")));

  tile = find_tile (GTK_WIDGET (board), idle);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tile), "no-task"));
  tile = find_tile (GTK_WIDGET (board), fine);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tile), "overdue"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tile), "no-task"));

  crm_test_screenshot (GTK_WIDGET (window), "today-board-warnings.png");
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

/* The pipeline choice is in the header on the board page only, and only
 * where the procedure has more than one pipeline (AXL: Sales and
 * Production). */
static void
test_today_pipeline_choice (void)
{
  g_autoptr(CrmStore) axl = crm_test_open_store ("axl", 0, NULL);
  g_autoptr(CrmStore) hs = crm_test_open_store ("hs", 0, NULL);
  CrmWindow *window = show_window (axl);
  GtkWidget *dropdown = find_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);

  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_mapped (dropdown));
  show_page (window, "today");
  g_assert_false (gtk_widget_get_mapped (dropdown));
  show_page (window, "board");
  g_assert_true (gtk_widget_get_mapped (dropdown));
  gtk_window_destroy (GTK_WINDOW (window));

  window = show_window (hs);
  dropdown = find_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);
  g_assert_false (gtk_widget_get_mapped (dropdown));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new database first asks for its procedure: no pages to switch yet. */
static void
test_today_setup_has_no_pages (void)
{
  g_autoptr(CrmStore) store = crm_test_open_store (NULL, 0, NULL);
  CrmWindow *window = show_window (store);
  GtkWidget *title = find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);

  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (ADW_VIEW_SWITCHER_TITLE (title)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (crm_window_get_view_stack (window))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (crm_window_get_quota_label (window))));
  /* Ctrl+2 does nothing here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "today"));
  crm_test_iterate (100);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (crm_window_get_today_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* RAD-4, TW-9: the header shows today's outgoing contacts against the
 * quota, and nothing without a quota. */
static void
test_today_quota (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  gint64 deal = new_deal (store, "Pool heating", NULL);
  g_autoptr(GError) error = NULL;
  CrmWindow *window = show_window (store);
  GtkLabel *label = crm_window_get_quota_label (window);

  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (label)));

  /* The first user of a new database is the head of sales. */
  g_assert_true (crm_store_set_quota (store, current_user_id (store), 5, &error));
  g_assert_no_error (error);

  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 120, NULL, &error);
  g_assert_no_error (error);
  /* RAD-7: the call's task gets its result; that commits a change. */
  close_task (store, only_open_task (store, deal));
  crm_test_iterate (100);

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (label), "1 / 5"));

  crm_test_screenshot (GTK_WIDGET (window), "today-quota.png");

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_clock_clear (&clock);
}

static void
task_due_cb (CrmTaskNotifier *notifier,
             CrmAgendaItem   *item,
             GPtrArray       *seen)
{
  g_ptr_array_add (seen, g_object_ref (item));
}

/* RAD-6: a task that comes due while Deals runs is announced once. */
static void
test_today_notifier (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = open_store (&clock);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) earlier = g_date_time_add (clock.now, -HOUR);
  g_autoptr(GError) error = NULL;
  CrmTaskNotifier *notifier;
  CrmAgendaItem *item;
  gint64 deal = new_deal (store, "Pool heating", "Blue Lagoon Ltd");
  gint64 old = new_deal (store, "Office radiators", NULL);

  /* Already overdue when the notifier starts: the Today page shows it. */
  close_task (store, only_open_task (store, old));
  crm_store_add_task (store, old, "Call back", earlier, 0, &error);
  g_assert_no_error (error);

  notifier = crm_task_notifier_new (store);
  g_signal_connect (notifier, "task-due", G_CALLBACK (task_due_cb), seen);

  g_assert_cmpuint (crm_task_notifier_check (notifier), ==, 0);
  crm_test_clock_advance (&clock, DAY - HOUR);
  g_assert_cmpuint (crm_task_notifier_check (notifier), ==, 0);

  crm_test_clock_advance (&clock, 2 * HOUR);
  g_assert_cmpuint (crm_task_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (seen->len, ==, 1);
  item = g_ptr_array_index (seen, 0);
  g_assert_cmpint (crm_agenda_item_get_deal_id (item), ==, deal);
  g_assert_cmpint (crm_agenda_item_get_task_id (item), !=, 0);
  g_assert_cmpstr (crm_agenda_item_get_company_name (item), ==, "Blue Lagoon Ltd");

  /* Once. */
  crm_test_clock_advance (&clock, G_TIME_SPAN_MINUTE);
  g_assert_cmpuint (crm_task_notifier_check (notifier), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);

  g_assert_finalize_object (notifier);
  crm_test_clock_clear (&clock);
}

/* Hebrew is right-to-left: the due time sits left of the task. */
static void
test_today_rtl (void)
{
  CrmTestClock clock = { NULL };
  g_autoptr(CrmStore) store = NULL;
  CrmWindow *window;
  g_autofree char *due_text = NULL;
  GtkWidget *list, *title, *due;
  graphene_point_t title_at, due_at;
  gint64 ids[3];
  char *saved_language = crm_test_use_language ("he");

  store = open_store (&clock);
  make_agenda (store, &clock, ids);
  window = show_window (store);
  show_page (window, "today");

  list = GTK_WIDGET (crm_today_view_get_list_view (crm_window_get_today_view (window)));
  title = find_label (list, "Send the quote");
  due_text = g_strdup_printf (_("today %s"), "15:00");
  due = find_label (list, due_text);
  g_assert_nonnull (title);
  g_assert_nonnull (due);
  g_assert_true (gtk_widget_compute_point (title, list, &GRAPHENE_POINT_INIT (0, 0), &title_at));
  g_assert_true (gtk_widget_compute_point (due, list, &GRAPHENE_POINT_INIT (0, 0), &due_at));
  g_assert_cmpfloat (due_at.x, <, title_at.x);

  crm_test_screenshot (GTK_WIDGET (window), "today-he.png");
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_restore_language (saved_language);
  crm_test_clock_clear (&clock);
}

int
main (int   argc,
      char *argv[])
{
  /* "Today" and the times on the rows are local: pin the zone. */
  g_setenv ("TZ", "UTC", TRUE);
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/today/empty", test_today_empty);
  g_test_add_func ("/views/today/sections-and-badge", test_today_sections_and_badge);
  g_test_add_func ("/views/today/switch-reads-nothing", test_today_switch_reads_nothing);
  g_test_add_func ("/views/today/row-opens-deal", test_today_row_opens_deal);
  g_test_add_func ("/views/today/card-warnings", test_today_card_warnings);
  g_test_add_func ("/views/today/pipeline-choice", test_today_pipeline_choice);
  g_test_add_func ("/views/today/setup-has-no-pages", test_today_setup_has_no_pages);
  g_test_add_func ("/views/today/quota", test_today_quota);
  g_test_add_func ("/views/today/notifier", test_today_notifier);
  g_test_add_func ("/views/today/rtl", test_today_rtl);

  return g_test_run ();
}
