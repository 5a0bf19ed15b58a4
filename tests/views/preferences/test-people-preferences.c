/* test-people-preferences.c
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

/* People in Preferences (issue 10): the window says who is signed in and
 * offers no way to be someone else; a manager adds people and chooses each
 * one's role, audited by the store; a rep sees the list and cannot reach
 * Add Person. */

#include "config.h"

#include "crm-deal-editor.h"
#include "crm-preferences-window.h"
#include "crm-store.h"
#include "crm-user.h"
#include "crm-views-resources.h"
#include "crm-window.h"

#include "crm-test-utils.h"
#include "../../crm-test-postgresql.h"

#define PREFS_CHILD(window, name) crm_test_child ((window), CRM_TYPE_PREFERENCES_WINDOW, (name))

static GtkWidget *
open_preferences (CrmStore *store)
{
  GtkWidget *window = crm_preferences_window_new (store, NULL);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (200);

  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate (50);
  g_assert_finalize_object (window);
}

/* The People row titled @name. */
static AdwActionRow *
person_row (GtkWidget  *window,
            const char *name)
{
  return crm_test_find_row_titled (PREFS_CHILD (window, "users_list"), name);
}

static GtkDropDown *
role_dropdown (GtkWidget  *window,
               const char *name)
{
  guint first = 0;

  return crm_test_find_nth_descendant (GTK_WIDGET (person_row (window, name)), GTK_TYPE_DROP_DOWN, &first);
}

/* No row anywhere in the window lists the people to pick from: whatever
 * a combo row or drop-down offers, no name of a user is among it. */
static void
assert_no_identity_switcher (GtkWidget *window,
                             CrmStore  *store)
{
  GListModel *users = crm_store_get_users (store);
  GType types[] = { ADW_TYPE_COMBO_ROW, GTK_TYPE_DROP_DOWN };

  g_assert_null (gtk_widget_get_template_child (window, CRM_TYPE_PREFERENCES_WINDOW, "current_user_row"));

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      gpointer chooser;

      for (guint n = 0; (chooser = crm_test_find_nth_descendant (window, types[t], &(guint){ n })) != NULL; n++)
        {
          GListModel *model = types[t] == ADW_TYPE_COMBO_ROW ? adw_combo_row_get_model (chooser)
                                                             : gtk_drop_down_get_model (chooser);

          if (!GTK_IS_STRING_LIST (model))
            continue;

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            for (guint u = 0; u < g_list_model_get_n_items (users); u++)
              {
                g_autoptr(CrmUser) user = g_list_model_get_item (users, u);

                g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), !=,
                                 crm_user_get_name (user));
              }
        }
    }
}

/* The manager sees who they are, adds a person and makes them a manager
 * from the person's row; the store audits both. */
static void
test_manager_chooses_roles (CrmTestFixture *fixture,
                            gconstpointer   data)
{
  CrmStore *store = fixture->store;
  /* The store makes new user objects when its people change. */
  g_autoptr(CrmUser) me = g_object_ref (crm_store_get_current_user (store));
  g_autoptr(CrmUser) added = NULL;
  AdwActionRow *signed_in;
  GtkEditable *add_person_row;
  GtkWidget *window;

  crm_test_add_user (store, "Noa Peretz", CRM_ROLE_REP);
  window = open_preferences (store);

  signed_in = PREFS_CHILD (window, "signed_in_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signed_in)), ==, crm_user_get_name (me));
  g_assert_cmpstr (adw_action_row_get_subtitle (signed_in), ==, "You · Manager");
  assert_no_identity_switcher (window, store);

  /* Add Person is there, and adds. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (PREFS_CHILD (window, "add_person_list"))));
  add_person_row = PREFS_CHILD (window, "add_person_row");
  gtk_editable_set_text (add_person_row, "Yael Mizrahi");
  g_signal_emit_by_name (add_person_row, "apply");
  crm_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_users (store)), ==, 3);
  added = g_list_model_get_item (crm_store_get_users (store), 2);
  g_assert_cmpstr (crm_user_get_name (added), ==, "Yael Mizrahi");
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'add-user' "
                                              "AND new_value = 'rep'"), ==, 2);

  /* Each person's row chooses their role; nobody switches to them. */
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (window, "Yael Mizrahi")), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (window, crm_user_get_name (me))), ==, 1);
  gtk_drop_down_set_selected (role_dropdown (window, "Yael Mizrahi"), 1);
  crm_test_iterate (50);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM users WHERE role = 'manager'"), ==, 2);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'change-role' "
                                              "AND old_value = 'rep' AND new_value = 'manager'"), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (window, "Yael Mizrahi")), ==, 1);
  assert_no_identity_switcher (window, store);

  close_window (window);
}

/* The last manager making themselves a rep is refused: the toast says
 * why and the row goes back to Manager. */
static void
test_last_manager_row_goes_back (CrmTestFixture *fixture,
                                 gconstpointer   data)
{
  CrmStore *store = fixture->store;
  CrmUser *me = crm_store_get_current_user (store);
  g_autofree char *name = g_strdup (crm_user_get_name (me));
  GtkWidget *window = open_preferences (store);

  gtk_drop_down_set_selected (role_dropdown (window, name), 0);
  crm_test_iterate (100);
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (store)), ==, CRM_ROLE_MANAGER);
  g_assert_cmpuint (gtk_drop_down_get_selected (role_dropdown (window, name)), ==, 1);
  g_assert_nonnull (crm_test_find_label (window, "make someone else a manager first"));
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'change-role'"), ==, 0);

  close_window (window);
}

/* A rep sees the people and their roles, with nothing to change, and no
 * Add Person to reach. */
static void
test_rep_reads_people (CrmTestFixture *fixture,
                       gconstpointer   data)
{
  CrmStore *store = fixture->store;
  g_autoptr(CrmUser) manager = g_object_ref (crm_store_get_current_user (store));
  gint64 noa = crm_test_add_user (store, "Noa Peretz", CRM_ROLE_REP);
  AdwActionRow *signed_in;
  GtkWidget *window;
  guint first = 0;

  /* The sign-in hook team mode will call; on SQLite the owner is fixed. */
  _crm_store_set_current_user (store, noa);
  window = open_preferences (store);

  signed_in = PREFS_CHILD (window, "signed_in_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signed_in)), ==, "Noa Peretz");
  g_assert_cmpstr (adw_action_row_get_subtitle (signed_in), ==, "You · Rep");
  assert_no_identity_switcher (window, store);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (PREFS_CHILD (window, "add_person_list"))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (PREFS_CHILD (window, "add_person_row"))));
  g_assert_null (crm_test_find_nth_descendant (GTK_WIDGET (PREFS_CHILD (window, "users_list")),
                                               GTK_TYPE_DROP_DOWN, &first));
  g_assert_cmpstr (adw_action_row_get_subtitle (person_row (window, crm_user_get_name (manager))), ==, "Manager");
  g_assert_cmpstr (adw_action_row_get_subtitle (person_row (window, "Noa Peretz")), ==, "Rep");

  /* Made a manager at another desk, Noa gets the manager's rows. */
  _crm_store_set_current_user (store, crm_user_get_id (manager));
  g_assert_true (crm_store_set_user_role (store, noa, CRM_ROLE_MANAGER, NULL));
  _crm_store_set_current_user (store, noa);
  crm_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (PREFS_CHILD (window, "add_person_list"))));
  g_assert_nonnull (role_dropdown (window, "Noa Peretz"));
  g_assert_cmpstr (adw_action_row_get_subtitle (signed_in), ==, "You · Manager");

  close_window (window);
}

/* Another account's file: nobody is signed in, Preferences says whose the
 * file is, and the main window says it is read-only and offers no New
 * Deal. */
static void
test_other_account_file (CrmTestFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = g_strdup (crm_user_get_name (crm_store_get_current_user (fixture->store)));
  AdwActionRow *signed_in;
  GtkWidget *window;
  CrmWindow *main_window;

  g_assert_true (crm_db_exec (_crm_store_get_db (fixture->store),
                              "UPDATE users SET login = 'someone-else' WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (fixture->store);
  fixture->store = crm_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (crm_store_get_current_user (fixture->store));

  window = open_preferences (fixture->store);
  signed_in = PREFS_CHILD (window, "signed_in_row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signed_in)), ==, "Nobody Signed In");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (signed_in), "someone-else"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (signed_in), owner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (PREFS_CHILD (window, "add_person_list"))));
  close_window (window);

  main_window = crm_window_new (NULL, fixture->store, NULL);
  g_object_ref (main_window);
  gtk_window_present (GTK_WINDOW (main_window));
  crm_test_iterate (200);
  g_assert_true (gtk_widget_get_mapped (crm_test_child (main_window, CRM_TYPE_WINDOW, "owner_banner")));
  g_assert_nonnull (strstr (gtk_label_get_text (crm_test_child (main_window, CRM_TYPE_WINDOW, "owner_label")),
                            "read-only"));
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.new-deal", NULL);
  crm_test_iterate (200);
  g_assert_null (crm_test_find_window (CRM_TYPE_DEAL_EDITOR));
  g_assert_nonnull (crm_test_find_label (GTK_WIDGET (main_window), "someone-else"));
  crm_test_screenshot (GTK_WIDGET (main_window), "window-other-account.png");
  close_window (GTK_WIDGET (main_window));
}

static void
test_screenshots (CrmTestFixture *fixture,
                  gconstpointer   data)
{
  const char *languages[] = { "en", "he" };
  const char *names[] = { "preferences-people-en.png", "preferences-people-he.png" };

  crm_test_add_user (fixture->store, "Noa Peretz", CRM_ROLE_REP);
  crm_test_add_user (fixture->store, "Yael Mizrahi", CRM_ROLE_MANAGER);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      char *saved = crm_test_use_language (languages[i]);
      GtkWidget *window = open_preferences (fixture->store);

      crm_test_screenshot (window, names[i]);
      close_window (window);
      crm_test_restore_language (saved);
    }
}

/* On a file the one person is its owner: no login is asked for. On a team
 * server (issue 10, item 4) a manager gives the new person the login role
 * they sign in as, which the server makes, a rep, in the same transaction. */
static void
test_server_asks_login (CrmTestFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *login = g_strdup_printf ("deals_v%ld_yael", (long)getpid ());
  g_autofree char *made = g_strdup_printf ("SELECT count(*) FROM pg_roles WHERE rolname = '%s' "
                                           "AND pg_has_role (oid, 'deals_rep', 'MEMBER')", login);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE IF EXISTS %s", login);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) server = NULL;
  GtkWidget *window = open_preferences (fixture->store);
  GtkEditable *add_person_row;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (PREFS_CHILD (window, "login_row"))));
  close_window (window);

  if (crm_test_postgresql_uri () == NULL)
    {
      crm_test_postgresql_missing ();
      return;
    }

  uri = crm_test_postgresql_database_new ();
  server = crm_store_open (uri, &error);
  g_assert_no_error (error);
  crm_test_install_procedure (server, "hs");

  window = open_preferences (server);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (PREFS_CHILD (window, "login_row"))));
  gtk_editable_set_text (PREFS_CHILD (window, "login_row"), login);
  add_person_row = PREFS_CHILD (window, "add_person_row");
  gtk_editable_set_text (add_person_row, "Yael Mizrahi");
  g_signal_emit_by_name (add_person_row, "apply");
  crm_test_iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (PREFS_CHILD (window, "login_row")), ==, "");
  close_window (window);

  g_assert_cmpint (crm_test_query_int (server, "SELECT count(*) FROM users WHERE name = 'Yael Mizrahi' "
                                               "AND login LIKE 'deals_v%_yael'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (server, made), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&server));
  crm_test_postgresql_database_drop (uri);
  crm_test_postgresql_run (drop);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_assert_nonnull (crm_views_get_resource ());

#define ADD(path, func) \
  g_test_add (path, CrmTestFixture, "hs", crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/views/preferences/people/manager-chooses-roles", test_manager_chooses_roles);
  ADD ("/views/preferences/people/last-manager-row-goes-back", test_last_manager_row_goes_back);
  ADD ("/views/preferences/people/rep-reads-people", test_rep_reads_people);
  ADD ("/views/preferences/people/other-account-file", test_other_account_file);
  ADD ("/views/preferences/people/screenshots", test_screenshots);
  ADD ("/views/preferences/people/server-asks-login", test_server_asks_login);

#undef ADD

  return g_test_run ();
}
