/* bench-today.c
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

/* Prints how long the Today agenda of a rep with 10,000 open tasks takes
 * to read, and, when there is a display, how long the Today view takes
 * from being created to its first frame. */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "crm-agenda-item.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-today-view.h"
#include "crm-user.h"

#define N_TASKS 10000

static void
record_paint (gint64 *painted_at)
{
  if (*painted_at == 0)
    *painted_at = g_get_monotonic_time ();
}

/* The frame's own work (updating, laying out and drawing the rows) starts
 * here; what comes before it is the frame clock waiting for its turn,
 * which on Xvfb without a compositor varies from run to run. */
static void
record_frame_start (gint64 *started_at)
{
  if (*started_at == 0)
    *started_at = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("deals-bench-today-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(CrmPipeline) pipeline = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(CrmStage) first = NULL;
  g_autoptr(CrmDealList) deals = NULL;
  g_autoptr(GDateTime) now = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  gint64 owner, start, best = G_MAXINT64;
  guint n_existing = 0;
  guint n_deals;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  path = g_build_filename (dir, "deals.db", NULL);

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  procedure = crm_procedure_load_builtin ("hs", &error);
  g_assert_no_error (error);
  crm_store_install_procedure (store, procedure, &error);
  g_assert_no_error (error);
  crm_demo_populate (store, 2000, 42, &error);
  g_assert_no_error (error);

  owner = crm_user_get_id (crm_store_get_current_user (store));
  pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  first = g_list_model_get_item (stages, 0);
  deals = crm_store_get_stage_deals (store, crm_stage_get_id (first));
  n_deals = MIN (g_list_model_get_n_items (G_LIST_MODEL (deals)), 2000);
  now = crm_store_now (store);

  /* The demo deals come with their own tasks, for three reps; the rep
   * measured here gets enough more to own ten thousand open tasks, spread
   * over the two weeks around today. */
  {
    g_autoptr(GListModel) agenda = crm_store_get_agenda (store, owner, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
      {
        g_autoptr(CrmAgendaItem) item = g_list_model_get_item (agenda, i);

        n_existing += crm_agenda_item_get_task_id (item) != 0;
      }
  }

  start = g_get_monotonic_time ();
  for (guint i = n_existing; i < N_TASKS; i++)
    {
      g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (deals), i % n_deals);
      g_autoptr(GDateTime) due = g_date_time_add_hours (now, (int)(i % 336) - 168);
      g_autofree char *title = g_strdup_printf ("Call back %u", i);

      crm_store_add_task (store, crm_deal_get_id (deal), title, due, owner, &error);
      g_assert_no_error (error);
    }
  g_print ("open tasks of the rep: %u (%u from the demo data)\n", MAX (N_TASKS, n_existing), n_existing);

  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(GListModel) agenda = NULL;
      gint64 elapsed;

      start = g_get_monotonic_time ();
      agenda = crm_store_get_agenda (store, owner, &error);
      elapsed = g_get_monotonic_time () - start;
      g_assert_no_error (error);
      best = MIN (best, elapsed);
      if (run == 0)
        g_print ("agenda: %u items\n", g_list_model_get_n_items (agenda));
    }
  g_print ("agenda read and sorted: %.1f ms (best of 5)\n", best / 1000.0);

  if (gtk_init_check ())
    {
      GtkWidget *window, *stack, *view;
      gint64 painted_at = 0;
      gint64 frame_at = 0;
      gulong handler, frame_handler;

      adw_init ();

      /* In Deals the Today view is a page of a window already on screen:
       * what counts is the time from switching to it to the frame that
       * shows it, with the agenda read and the rows built on the way. */
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
      stack = gtk_stack_new ();
      gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Board"), "board");
      view = g_object_new (CRM_TYPE_TODAY_VIEW, NULL);
      gtk_stack_add_named (GTK_STACK (stack), view, "today");
      gtk_window_set_child (GTK_WINDOW (window), stack);
      gtk_widget_realize (window);
      handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (window), "after-paint",
                                          G_CALLBACK (record_paint), &painted_at);
      gtk_window_present (GTK_WINDOW (window));
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);

      crm_today_view_set_store (CRM_TODAY_VIEW (view), store);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      painted_at = 0;
      frame_handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (window), "before-paint",
                                                G_CALLBACK (record_frame_start), &frame_at);
      start = g_get_monotonic_time ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "today");
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);

      g_print ("Today view, switched to until shown: %.1f ms\n", (painted_at - start) / 1000.0);
      g_print ("  of which the frame clock waiting: %.1f ms, the frame's own work: %.1f ms\n",
               (frame_at - start) / 1000.0, (painted_at - frame_at) / 1000.0);

      /* The same switch to a page with one label: what any page costs. */
      painted_at = frame_at = 0;
      start = g_get_monotonic_time ();
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "board");
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
      g_print ("A page with one label, for comparison: %.1f ms (frame clock waiting %.1f ms)\n",
               (painted_at - start) / 1000.0, (frame_at - start) / 1000.0);

      g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), frame_handler);
      g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_clear_object (&deals);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
