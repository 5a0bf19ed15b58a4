/* test-dbus.c
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

/* Runs the real deals binary as the desktop does, on the session bus, and
 * sends it leads the way a telephony bridge or a web form handler does:
 * through the org.dealsdesk.Deals.Leads interface, whose Add method
 * answers with the error that refused a lead, and through the older
 * "new-lead" action. Needs a display and a session bus (the view tests'
 * dbus-run-session and xvfb-run). */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "crm-store.h"

#include "../crm-test-common.h"

#define APP_NAME "org.dealsdesk.Deals"
#define APP_PATH "/org/dealsdesk/Deals"
#define LEADS_INTERFACE "org.dealsdesk.Deals.Leads"
#define LEADS_ERROR_REFUSED "org.dealsdesk.Deals.Leads.Error.Refused"

typedef struct
{
  char            *dir;
  char            *db;
  GPid             pid;
  GDBusConnection *bus;
} Fixture;

static gboolean
name_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { g_getenv ("DEALS_EXECUTABLE"), "--procedure", "axl", NULL };
  gint64 deadline;

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (name_has_owner (fixture->bus));

  /* The default database, so that the app is the unique one that owns
   * its name on the bus (--database would make it non-unique). */
  fixture->dir = crm_test_make_dir ("deals-dbus-XXXXXX");
  fixture->db = g_build_filename (fixture->dir, "deals", "deals.db", NULL);
  env = g_environ_setenv (env, "XDG_DATA_HOME", fixture->dir, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);

  g_assert_nonnull (argv[0]);
  g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &fixture->pid, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!name_has_owner (fixture->bus) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_true (name_has_owner (fixture->bus));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  gint64 deadline;

  /* Quit through the app's own action, then wait for it to be gone. */
  reply = g_dbus_connection_call_sync (fixture->bus, APP_NAME, APP_PATH, "org.gtk.Actions", "Activate",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (name_has_owner (fixture->bus) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  if (name_has_owner (fixture->bus))
    kill (fixture->pid, SIGTERM);
  waitpid (fixture->pid, NULL, 0);
  g_spawn_close_pid (fixture->pid);

  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_free (fixture->dir);
  g_free (fixture->db);
  g_clear_object (&fixture->bus);
}

static GVariant *
fields_new (const char *first_key,
            ...)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_variant_builder_add (builder, "{ss}", key, va_arg (args, const char *));
  va_end (args);

  return g_variant_builder_end (builder);
}

/* Calls Add; returns the reply, or NULL with @error set. */
static GVariant *
add_lead (Fixture  *fixture,
          GVariant *fields,
          GError  **error)
{
  return g_dbus_connection_call_sync (fixture->bus, APP_NAME, APP_PATH, LEADS_INTERFACE, "Add",
                                      g_variant_new ("(@a{ss})", fields), G_VARIANT_TYPE ("(xxb)"),
                                      G_DBUS_CALL_FLAGS_NONE, 30000, NULL, error);
}

static gint64
count_contacts (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (fixture->db, &error);

  g_assert_no_error (error);
  return crm_test_query_int (store, "SELECT count(*) FROM contacts");
}

static void
assert_refused (GError     *error,
                const char *part)
{
  g_autofree char *remote = NULL;

  g_assert_nonnull (error);
  g_assert_true (g_dbus_error_is_remote_error (error));
  remote = g_dbus_error_get_remote_error (error);
  g_assert_cmpstr (remote, ==, LEADS_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, part));
  g_assert_cmpuint (strlen (error->message), <, 400);
}

/* A 1 MB phone over D-Bus froze the window: it is refused by its length
 * before it is parsed (the message names the bound), the caller hears why,
 * and nothing is stored. How fast is a benchmark's question, not a test's:
 * a wall-clock limit here failed on a loaded machine. */
static void
test_dbus_long_phone_is_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *phone = g_strnfill (1024 * 1024, '5');

  reply = add_lead (fixture, fields_new ("phone", phone, "source", "missed_call", NULL), &error);
  g_assert_null (reply);
  assert_refused (error, "64");

  g_assert_cmpint (count_contacts (fixture), ==, 0);
}

/* HS-1: an unknown source is refused naming the procedure's, and the
 * caller is told instead of hearing success. */
static void
test_dbus_rule_hs_1_unknown_source (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = add_lead (fixture, fields_new ("phone", "+7 916 555-12-34", "email", "anna@example.ru",
                                         "source", "bogus", NULL), &error);
  g_assert_null (reply);
  assert_refused (error, "missed_call, website");
  g_clear_error (&error);

  reply = add_lead (fixture, fields_new ("phone", "call me maybe", NULL), &error);
  g_assert_null (reply);
  assert_refused (error, "call me maybe");

  g_assert_cmpint (count_contacts (fixture), ==, 0);
}

/* AXL-1: a good missed call answers with its lead and the deal waiting
 * for the call back; the same number again is known. The older action
 * still takes leads. */
static void
test_dbus_rule_axl_1_missed_call (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autoptr(GVariant) action = NULL;
  gint64 lead = 0, deal = 0;
  gboolean known = TRUE;

  reply = add_lead (fixture, fields_new ("phone", "+7 916 555-12-34", "source", "missed_call", NULL), &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(xxb)", &lead, &deal, &known);
  g_assert_cmpint (lead, >, 0);
  g_assert_cmpint (deal, >, 0);
  g_assert_false (known);

  again = add_lead (fixture, fields_new ("phone", "8 916 555 12 34", "source", "missed-call", NULL), &error);
  g_assert_no_error (error);
  g_variant_get (again, "(xxb)", &lead, &deal, &known);
  g_assert_true (known);

  action = g_dbus_connection_call_sync (fixture->bus, APP_NAME, APP_PATH, "org.gtk.Actions", "Activate",
                                        g_variant_new ("(s@ava{sv})", "new-lead",
                                                       g_variant_new_parsed ("[<{'phone': '+7 916 555-12-35', 'source': 'website'}>]"),
                                                       NULL),
                                        NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (count_contacts (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/dbus/long-phone-is-refused", test_dbus_long_phone_is_refused);
  ADD ("/dbus/rule-hs-1-unknown-source", test_dbus_rule_hs_1_unknown_source);
  ADD ("/dbus/rule-axl-1-missed-call", test_dbus_rule_axl_1_missed_call);

  return g_test_run ();
}
