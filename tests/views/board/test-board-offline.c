/* test-board-offline.c
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

#include "crm-window.h"

#include "crm-test-utils.h"
#include "../../crm-test-common.h"
#include "../../crm-test-postgresql.h"

/*
 * Issue 10, item 6: the window while the team server is out of reach. The
 * server ends the store's connections (pg_terminate_backend()); the bar
 * under the header says so, New Deal is off, and Try Now brings the store
 * back, the bar going with it.
 */

static gint64
cut_connections (const char *uri)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = crm_db_open (uri, FALSE, &error);
  g_autoptr (CrmStatement) stmt = NULL;

  g_assert_no_error (error);
  stmt = crm_db_prepare (db, "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                             "WHERE datname = current_database () AND pid <> pg_backend_pid ()", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  return crm_statement_get_int64 (stmt, 0);
}

static void
test_board_offline_banner (void)
{
  g_autofree char *uri = NULL;
  g_autoptr (CrmStore) store = NULL;
  g_autoptr (GError) error = NULL;
  CrmWindow *window;
  GtkWidget *banner;
  GtkLabel *label;
  char *saved;
  gint64 deal_id;
  gint64 deadline;

  if (crm_test_postgresql_uri () == NULL)
    {
      crm_test_postgresql_missing ();
      return;
    }

  uri = crm_test_postgresql_database_new ();
  store = crm_test_store_new (uri, "tw");
  deal_id = crm_test_save_tw_deal (store, "Fleet renewal");

  window = crm_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (400);

  banner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), CRM_TYPE_WINDOW, "offline_banner"));
  g_assert_nonnull (banner);
  g_assert_false (gtk_widget_get_visible (banner));

  g_assert_cmpint (cut_connections (uri), >=, 1);
  g_assert_false (crm_store_move_deal (store, deal_id, crm_test_tw_stage_id (store, 1), NULL, &error));
  g_assert_error (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE);
  crm_test_iterate (200);

  g_assert_true (gtk_widget_get_visible (banner));
  label = GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (banner)));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   _("The team server cannot be reached. The board is read-only until it is back."));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (banner), ==, error->message);
  crm_test_screenshot (GTK_WIDGET (window), "board-offline.png");

  saved = crm_test_use_language ("he");
  /* The window was built in English: its texts again, in Hebrew. */
  gtk_label_set_text (label, _("The team server cannot be reached. The board is read-only until it is back."));
  gtk_button_set_label (GTK_BUTTON (gtk_widget_get_last_child (banner)), _("_Try Now"));
  gtk_widget_set_direction (GTK_WIDGET (window), GTK_TEXT_DIR_RTL);
  crm_test_iterate (200);
  crm_test_screenshot (GTK_WIDGET (window), "board-offline-he.png");
  gtk_widget_set_direction (GTK_WIDGET (window), GTK_TEXT_DIR_NONE);
  crm_test_restore_language (saved);

  /* Try Now, rather than the store's timer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reconnect", NULL));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!crm_store_is_online (store) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (crm_store_is_online (store));
  crm_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_true (crm_store_move_deal (store, deal_id, crm_test_tw_stage_id (store, 1), NULL, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate (100);
  g_clear_object (&store);
  crm_test_postgresql_database_drop (uri);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/board/offline-banner", test_board_offline_banner);

  return g_test_run ();
}
