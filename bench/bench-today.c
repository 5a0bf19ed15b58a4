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
 * from being switched to until its frame is shown, the first time and the
 * times after, and the same for the Leads view with 100,000 leads to
 * classify. */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "crm-agenda-item.h"
#include "crm-agenda-list.h"
#include "crm-csv-import.h"
#include "crm-demo.h"
#include "crm-leads-view.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-today-view.h"
#include "crm-user.h"

#define N_DEALS 2000
#define N_TASKS 10000
#define N_LEADS 100000
#define N_SWITCHES 3

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

/* A lead list of @n_rows rows, every phone and address its own. */
static GBytes *
make_lead_list (guint first,
                guint n_rows)
{
  GString *csv = g_string_sized_new ((gsize) n_rows * 64);

  g_string_append (csv, "Name,Phone,Email,Campaign\r\n");
  for (guint i = first; i < first + n_rows; i++)
    g_string_append_printf (csv, "Lead %u,05%u-%03u-%04u,lead%u@example.co.il,Expo %u\r\n",
                            i, 2 + (i / 10000000) % 2, 200 + (i / 10000) % 800, i % 10000, i, 2020 + i % 7);

  return g_string_free_to_bytes (csv);
}

/* Half the leads from an imported list, half as referrals: the sidebar
 * has more than one source to count. */
static void
add_leads (CrmStore *store)
{
  static const char * const sources[] = { "imported_list", "referral" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GBytes) bytes = make_lead_list (i * (N_LEADS / 2), N_LEADS / 2);
      g_autoptr(CrmCsvImport) import = crm_csv_import_new_from_bytes (bytes, "leads.csv", &error);
      guint n_imported = 0;

      g_assert_no_error (error);
      crm_csv_import_commit (import, store, sources[i], NULL, &n_imported, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_imported, ==, N_LEADS / 2);
    }
}

/* Shows @name in @stack, and returns the milliseconds until the frame
 * that shows it was painted; @frame_ms gets the time the frame clock
 * waited for its turn. */
static double
switch_to (GtkWidget  *window,
           GtkStack   *stack,
           const char *name,
           double     *frame_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 painted_at = 0, frame_at = 0, start;
  gulong handler, frame_handler;

  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (record_paint), &painted_at);
  frame_handler = g_signal_connect_swapped (clock, "before-paint", G_CALLBACK (record_frame_start), &frame_at);
  start = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (stack, name);
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, frame_handler);
  g_signal_handler_disconnect (clock, handler);

  /* Whatever the switch left to do after the frame is done before the
   * next one is timed. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  if (frame_ms != NULL)
    *frame_ms = (frame_at - start) / 1000.0;
  return (painted_at - start) / 1000.0;
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
  g_autoptr(GDateTime) now = NULL;
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  gint64 owner, start, best = G_MAXINT64;
  guint n_existing = 0;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  path = g_build_filename (dir, "deals.db", NULL);

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  procedure = crm_procedure_load_builtin ("hs", &error);
  g_assert_no_error (error);
  crm_store_install_procedure (store, procedure, &error);
  g_assert_no_error (error);
  crm_demo_populate (store, N_DEALS, 42, &error);
  g_assert_no_error (error);

  owner = crm_user_get_id (crm_store_get_current_user (store));
  now = crm_store_now (store);

  /* The demo deals come with their own tasks, for three reps; the rep
   * measured here gets enough more to own ten thousand open tasks, spread
   * over the two weeks around today, on the demo's deals (a fresh
   * database numbers them from 1). */
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
      g_autoptr(GDateTime) due = g_date_time_add_hours (now, (int)(i % 336) - 168);
      g_autofree char *title = g_strdup_printf ("Call back %u", i);

      crm_store_add_task (store, 1 + i % N_DEALS, title, due, owner, &error);
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

  /* What the Today view reads: the sections' counts and a first page. */
  best = G_MAXINT64;
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(CrmAgendaList) list = NULL;
      gint64 elapsed;

      start = g_get_monotonic_time ();
      list = crm_agenda_list_new (store, owner);
      for (guint i = 0; i < MIN (50, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      elapsed = g_get_monotonic_time () - start;
      best = MIN (best, elapsed);
    }
  g_print ("agenda list counted and its first 50 rows read: %.1f ms (best of 5)\n", best / 1000.0);

  if (gtk_init_check ())
    {
      GtkWidget *window, *stack, *view, *leads;
      gint64 painted_at = 0;
      gulong handler;
      double ms, waiting = 0;

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
      leads = g_object_new (CRM_TYPE_LEADS_VIEW, NULL);
      gtk_stack_add_named (GTK_STACK (stack), leads, "leads");
      gtk_window_set_child (GTK_WINDOW (window), stack);
      gtk_widget_realize (window);
      handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (window), "after-paint",
                                          G_CALLBACK (record_paint), &painted_at);
      gtk_window_present (GTK_WINDOW (window));
      while (painted_at == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (gtk_widget_get_frame_clock (window), handler);

      crm_today_view_set_store (CRM_TODAY_VIEW (view), store);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      ms = switch_to (window, GTK_STACK (stack), "today", &waiting);
      g_print ("Today view, switched to until shown: %.1f ms\n", ms);
      g_print ("  of which the frame clock waiting: %.1f ms, the frame's own work: %.1f ms\n",
               waiting, ms - waiting);

      /* The same switch to a page with one label: what any page costs. */
      ms = switch_to (window, GTK_STACK (stack), "board", &waiting);
      g_print ("A page with one label, for comparison: %.1f ms (frame clock waiting %.1f ms)\n",
               ms, waiting);

      /* Back to Today with nothing changed in between: the rows it has
       * are current, so this should cost about what the label's page does. */
      for (guint i = 0; i < N_SWITCHES; i++)
        {
          ms = switch_to (window, GTK_STACK (stack), "today", &waiting);
          g_print ("Today view, switch %u: %.1f ms (frame clock waiting %.1f ms)\n", i + 2, ms, waiting);
          switch_to (window, GTK_STACK (stack), "board", NULL);
        }

      /* The lead intake of a busy campaign: 100,000 leads to classify. */
      start = g_get_monotonic_time ();
      add_leads (store);
      g_print ("leads to classify: %u (imported in %.1f s)\n", N_LEADS,
               (g_get_monotonic_time () - start) / 1e6);
      crm_leads_view_set_store (CRM_LEADS_VIEW (leads), store);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      for (guint i = 0; i < 1 + N_SWITCHES; i++)
        {
          ms = switch_to (window, GTK_STACK (stack), "leads", &waiting);
          g_print ("Leads view, switch %u: %.1f ms (frame clock waiting %.1f ms)\n", i + 1, ms, waiting);
          switch_to (window, GTK_STACK (stack), "board", NULL);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
