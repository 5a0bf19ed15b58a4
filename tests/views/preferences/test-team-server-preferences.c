/* test-team-server-preferences.c
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

/* Preferences → Team Server (issue 10, item 3), driven as a person does:
 * the rows filled, Connect clicked against the test run's cluster, the
 * window never waiting. A wrong password shows the server's reason and
 * keeps nothing; the right one puts the password in the keyring and the
 * address, without it, in the settings; "Use This Computer's File" clears
 * the address. Screenshots in English and Hebrew. */

#include "config.h"

#include <string.h>

#include "crm-preferences-window.h"
#include "crm-server.h"
#include "crm-store.h"
#include "crm-team-server-page.h"
#include "crm-views-resources.h"

#include "crm-test-utils.h"
#include "../crm-test-postgresql.h"

#define PASSWORD "Team-Page-5ecret"
#define PAGE_CHILD(page, name) crm_test_child ((page), CRM_TYPE_TEAM_SERVER_PAGE, (name))

typedef struct
{
  CrmTestFixture base;
  char          *uri;      /* the database, as the superuser */
  char          *role;
  CrmServer     *server;   /* the same database, as the role */
  GSettings     *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  crm_test_fixture_set_up (&fixture->base, "tw");
  fixture->settings = g_settings_new (SCHEMA_ID);
  g_settings_reset (fixture->settings, "server");
  if (crm_test_postgresql_uri () == NULL)
    return;

  fixture->role = g_strdup_printf ("page_%ld", (long)getpid ());
  fixture->uri = crm_test_postgresql_role_database_new (fixture->role, PASSWORD);
  fixture->server = crm_test_postgresql_server_as (fixture->uri, fixture->role);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->server != NULL)
    {
      g_autofree char *address = crm_server_dup_uri (fixture->server);

      crm_server_forget_password_sync (fixture->server, NULL, NULL);
      crm_db_remember_password (address, NULL);
      crm_test_postgresql_role_drop (fixture->uri, fixture->role);
    }
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->settings);
  g_free (fixture->role);
  g_free (fixture->uri);
  crm_test_fixture_tear_down (&fixture->base, data);
}

/* The server's cluster and the keyring are this run's; without them the
 * test says so (and fails when the run requires them). */
static gboolean
have_server_and_keyring (Fixture *fixture)
{
  if (fixture->server != NULL)
    return crm_test_have_keyring (fixture->server);

  crm_test_postgresql_missing ();
  return FALSE;
}

static GtkWidget *
open_page (Fixture            *fixture,
           CrmTeamServerPage **page)
{
  GtkWidget *window = crm_preferences_window_new (fixture->base.store, fixture->settings);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "team-server");
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (200);

  *page = crm_test_find_descendant (window, CRM_TYPE_TEAM_SERVER_PAGE, 0);
  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate (50);
  g_assert_finalize_object (window);
}

static void
fill_rows (Fixture           *fixture,
           CrmTeamServerPage *page,
           const char        *password)
{
  g_autofree char *port = g_strdup_printf ("%u", crm_server_get_port (fixture->server));

  gtk_editable_set_text (PAGE_CHILD (page, "host_row"), crm_server_get_host (fixture->server));
  gtk_editable_set_text (PAGE_CHILD (page, "port_row"), port);
  gtk_editable_set_text (PAGE_CHILD (page, "database_row"), crm_server_get_database (fixture->server));
  gtk_editable_set_text (PAGE_CHILD (page, "user_row"), crm_server_get_user (fixture->server));
  adw_combo_row_set_selected (PAGE_CHILD (page, "tls_row"), CRM_SERVER_TLS_DISABLE);
  gtk_editable_set_text (PAGE_CHILD (page, "password_row"), password);
}

/* Clicks Connect and waits, the main loop running all along, until the
 * spinner stops: the window keeps drawing while the thread signs in. */
static const char *
click_connect (CrmTeamServerPage *page)
{
  GtkSpinner *spinner = PAGE_CHILD (page, "spinner");
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_signal_emit_by_name (PAGE_CHILD (page, "connect_button"), "clicked");
  g_assert_true (gtk_spinner_get_spinning (spinner));
  while (gtk_spinner_get_spinning (spinner) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  crm_test_iterate (50);

  return gtk_label_get_text (PAGE_CHILD (page, "status_label"));
}

static char *
keyring_password (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *password = crm_server_lookup_password_sync (fixture->server, NULL, &error);

  g_assert_no_error (error);
  return password;
}

/* Issue 10, item 3: a wrong password is refused with the server's reason
 * and keeps nothing; the right one is kept in the keyring only, and the
 * address (without it) in the settings. */
static void
test_connect_wrong_then_right (Fixture       *fixture,
                               gconstpointer  data)
{
  CrmTeamServerPage *page = NULL;
  GtkWidget *window;
  g_autofree char *uri = NULL;
  g_autofree char *expected = NULL;
  char *kept;
  const char *status;

  if (!have_server_and_keyring (fixture))
    return;

  window = open_page (fixture, &page);
  fill_rows (fixture, page, "not-" PASSWORD);
  status = click_connect (page);
  g_assert_nonnull (strstr (status, "password authentication failed"));
  g_assert_true (gtk_widget_has_css_class (PAGE_CHILD (page, "status_label"), "error"));
  uri = g_settings_get_string (fixture->settings, "server");
  g_assert_cmpstr (uri, ==, "");
  g_assert_null (keyring_password (fixture));
  crm_test_screenshot (window, "preferences-team-server-refused-en.png");

  gtk_editable_set_text (PAGE_CHILD (page, "password_row"), PASSWORD);
  status = click_connect (page);
  g_assert_nonnull (strstr (status, "Connected as"));
  g_assert_nonnull (strstr (status, "empty"));
  g_clear_pointer (&uri, g_free);
  uri = g_settings_get_string (fixture->settings, "server");
  expected = crm_server_dup_uri (fixture->server);
  g_assert_cmpstr (uri, ==, expected);
  g_assert_null (strstr (uri, PASSWORD));
  kept = keyring_password (fixture);
  g_assert_cmpstr (kept, ==, PASSWORD);
  crm_server_password_free (kept);
  /* The row does not hold the password once the keyring does. */
  g_assert_cmpstr (gtk_editable_get_text (PAGE_CHILD (page, "password_row")), ==, "");
  crm_test_screenshot (window, "preferences-team-server-connected-en.png");
  close_window (window);

  /* Opened again: the rows show the address kept, and an empty password
   * row connects with the keyring's. */
  window = open_page (fixture, &page);
  g_assert_cmpstr (gtk_editable_get_text (PAGE_CHILD (page, "user_row")), ==, fixture->role);
  g_assert_cmpuint (adw_combo_row_get_selected (PAGE_CHILD (page, "tls_row")), ==, CRM_SERVER_TLS_DISABLE);
  status = click_connect (page);
  g_assert_nonnull (strstr (status, "Connected as"));

  /* Back to this computer's file: the address goes, the password stays
   * in the keyring for a later Connect. */
  g_signal_emit_by_name (PAGE_CHILD (page, "local_button"), "clicked");
  crm_test_iterate (50);
  g_clear_pointer (&uri, g_free);
  uri = g_settings_get_string (fixture->settings, "server");
  g_assert_cmpstr (uri, ==, "");
  g_assert_false (gtk_widget_is_sensitive (PAGE_CHILD (page, "local_button")));
  close_window (window);
}

/* Rows that make no address are refused at once, by CrmServer's checks,
 * with nothing asked of the network. */
static void
test_connect_bad_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmTeamServerPage *page = NULL;
  GtkWidget *window = open_page (fixture, &page);

  gtk_editable_set_text (PAGE_CHILD (page, "host_row"), "crm.example.com");
  gtk_editable_set_text (PAGE_CHILD (page, "port_row"), "70000");
  gtk_editable_set_text (PAGE_CHILD (page, "database_row"), "deals");
  gtk_editable_set_text (PAGE_CHILD (page, "user_row"), "dana");
  g_signal_emit_by_name (PAGE_CHILD (page, "connect_button"), "clicked");
  g_assert_false (gtk_spinner_get_spinning (PAGE_CHILD (page, "spinner")));
  g_assert_nonnull (strstr (gtk_label_get_text (PAGE_CHILD (page, "status_label")), "65535"));

  gtk_editable_set_text (PAGE_CHILD (page, "port_row"), "5432");
  gtk_editable_set_text (PAGE_CHILD (page, "user_row"), "");
  g_signal_emit_by_name (PAGE_CHILD (page, "connect_button"), "clicked");
  g_assert_false (gtk_spinner_get_spinning (PAGE_CHILD (page, "spinner")));
  g_assert_true (gtk_widget_has_css_class (PAGE_CHILD (page, "status_label"), "error"));
  close_window (window);
}

/* The page in Hebrew, right to left, with the server's refusal. */
static void
test_screenshot_hebrew (Fixture       *fixture,
                        gconstpointer  data)
{
  CrmTeamServerPage *page = NULL;
  GtkWidget *window;
  char *saved;
  const char *status;

  if (!have_server_and_keyring (fixture))
    return;

  saved = crm_test_use_language ("he");
  window = open_page (fixture, &page);
  fill_rows (fixture, page, "not-" PASSWORD);
  adw_combo_row_set_selected (PAGE_CHILD (page, "tls_row"), CRM_SERVER_TLS_VERIFY_FULL);
  adw_combo_row_set_selected (PAGE_CHILD (page, "tls_row"), CRM_SERVER_TLS_DISABLE);
  status = click_connect (page);
  g_assert_nonnull (strstr (status, "password authentication failed"));
  g_assert_null (strstr (status, "The server refused"));
  crm_test_screenshot (window, "preferences-team-server-refused-he.png");
  close_window (window);
  crm_test_restore_language (saved);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_assert_nonnull (crm_views_get_resource ());

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/views/preferences/team-server/connect-wrong-then-right", test_connect_wrong_then_right);
  ADD ("/views/preferences/team-server/bad-rows", test_connect_bad_rows);
  ADD ("/views/preferences/team-server/screenshot-hebrew", test_screenshot_hebrew);
#undef ADD

  return g_test_run ();
}
