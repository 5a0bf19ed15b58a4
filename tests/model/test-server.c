/* test-server.c
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

#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "crm-server.h"

#include "../crm-test-postgresql.h"

/*
 * A team server's address (issue 10): read from a postgresql:// URI with
 * libpq's own parser, bounded first, never holding a password; and the
 * password in the keyring, one per user and server.
 */

static CrmServer *
server_from (const char *uri)
{
  g_autoptr(GError) error = NULL;
  CrmServer *server = crm_server_new_from_uri (uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (server);

  return server;
}

static void
assert_refused (const char     *uri,
                CrmServerError  code,
                const char     *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmServer) server = crm_server_new_from_uri (uri, &error);

  g_assert_null (server);
  g_assert_error (error, CRM_SERVER_ERROR, (int) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s”: the message “%s” does not name “%s”", uri, error->message, message_part);
}

/* The address round trip */

static void
test_server_uri_parts (void)
{
  g_autoptr(CrmServer) server = server_from ("postgresql://dana@crm.example.com:6432/deals?sslmode=verify-full");
  g_autoptr(CrmServer) again = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpstr (crm_server_get_host (server), ==, "crm.example.com");
  g_assert_cmpuint (crm_server_get_port (server), ==, 6432);
  g_assert_cmpstr (crm_server_get_database (server), ==, "deals");
  g_assert_cmpstr (crm_server_get_user (server), ==, "dana");
  g_assert_cmpint (crm_server_get_tls (server), ==, CRM_SERVER_TLS_VERIFY_FULL);

  uri = crm_server_dup_uri (server);
  g_assert_cmpstr (uri, ==, "postgresql://dana@crm.example.com:6432/deals?sslmode=verify-full");
  again = server_from (uri);
  g_assert_cmpstr (crm_server_get_host (again), ==, "crm.example.com");
  g_assert_cmpuint (crm_server_get_port (again), ==, 6432);

  label = crm_server_dup_label (server);
  g_assert_cmpstr (label, ==, "dana on crm.example.com/deals");
}

/* What libpq takes when the address leaves it out: port 5432, sslmode
 * prefer, and the person's login as the user. */
static void
test_server_uri_defaults (void)
{
  g_autoptr(CrmServer) server = server_from ("postgres://10.0.0.5/office");

  g_assert_cmpstr (crm_server_get_host (server), ==, "10.0.0.5");
  g_assert_cmpuint (crm_server_get_port (server), ==, 5432);
  g_assert_cmpstr (crm_server_get_user (server), ==, g_get_user_name ());
  g_assert_cmpint (crm_server_get_tls (server), ==, CRM_SERVER_TLS_PREFER);
}

/* IPv6, a local socket's folder, and names in Hebrew round-trip. */
static void
test_server_uri_forms (void)
{
  static const struct {
    const char *uri;
    const char *host;
    const char *user;
    const char *database;
    guint port;
  } cases[] = {
    { "postgresql://dana@[::1]:5433/deals", "::1", "dana", "deals", 5433 },
    { "postgresql://dana@/deals?host=/run/postgresql", "/run/postgresql", "dana", "deals", 5432 },
    { "postgresql://%D7%93%D7%A0%D7%94@server.local/%D7%9E%D7%9B%D7%99%D7%A8%D7%95%D7%AA",
      "server.local", "דנה", "מכירות", 5432 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrmServer) server = server_from (cases[i].uri);
      g_autoptr(CrmServer) again = NULL;
      g_autofree char *uri = NULL;

      g_assert_cmpstr (crm_server_get_host (server), ==, cases[i].host);
      g_assert_cmpstr (crm_server_get_user (server), ==, cases[i].user);
      g_assert_cmpstr (crm_server_get_database (server), ==, cases[i].database);
      g_assert_cmpuint (crm_server_get_port (server), ==, cases[i].port);

      uri = crm_server_dup_uri (server);
      again = server_from (uri);
      g_assert_cmpstr (crm_server_get_host (again), ==, cases[i].host);
      g_assert_cmpstr (crm_server_get_user (again), ==, cases[i].user);
      g_assert_cmpstr (crm_server_get_database (again), ==, cases[i].database);
      g_assert_cmpuint (crm_server_get_port (again), ==, cases[i].port);
    }
}

/* Bad input */

/* A password typed into the address is refused, and the refusal does not
 * repeat it. */
static void
test_server_uri_refuses_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmServer) server = NULL;

  assert_refused ("postgresql://dana:Canary-7f3a@crm.example.com/deals",
                  CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS, "keyring");
  assert_refused ("postgresql://dana@crm.example.com/deals?password=Canary-7f3a",
                  CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS, "keyring");

  server = crm_server_new_from_uri ("postgresql://dana:Canary-7f3a@crm.example.com/deals", &error);
  g_assert_null (server);
  g_assert_null (strstr (error->message, "Canary-7f3a"));
}

static void
test_server_uri_bad_input (void)
{
  g_autofree char *long_uri = NULL;
  g_autofree char *long_user = NULL;
  GString *text = g_string_new ("postgresql://host/");

  while (text->len <= CRM_SERVER_MAX_URI)
    g_string_append_c (text, 'd');
  long_uri = g_string_free (text, FALSE);
  long_user = g_strdup_printf ("postgresql://%0*d@host/deals", CRM_SERVER_MAX_NAME + 1, 0);

  assert_refused (long_uri, CRM_SERVER_ERROR_INVALID, "2048");
  assert_refused ("mysql://host/deals", CRM_SERVER_ERROR_INVALID, "postgresql://");
  assert_refused ("host=crm.example.com dbname=deals", CRM_SERVER_ERROR_INVALID, "postgresql://");
  assert_refused ("postgresql://host/deals?application_name=x", CRM_SERVER_ERROR_INVALID, "application_name");
  assert_refused ("postgresql://host/deals?sslmode=verify-ca", CRM_SERVER_ERROR_INVALID, "verify-ca");
  assert_refused ("postgresql://host:99999/deals", CRM_SERVER_ERROR_INVALID, "99999");
  assert_refused ("postgresql://host:0/deals", CRM_SERVER_ERROR_INVALID, "port");
  assert_refused ("postgresql://host", CRM_SERVER_ERROR_INVALID, "database");
  assert_refused ("postgresql://a.example,b.example/deals", CRM_SERVER_ERROR_INVALID, "one host");
  assert_refused ("postgresql://bad_host!/deals", CRM_SERVER_ERROR_INVALID, "bad_host!");
  assert_refused ("postgresql://host/de%01als", CRM_SERVER_ERROR_INVALID, "control");
  assert_refused (long_user, CRM_SERVER_ERROR_INVALID, "63");
  /* libpq's own refusal, passed on. */
  assert_refused ("postgresql://host/deals?sslmode", CRM_SERVER_ERROR_INVALID, NULL);
}

static void
test_server_parts_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmServer) server = NULL;

  server = crm_server_new ("", 5432, "deals", "dana", CRM_SERVER_TLS_PREFER, &error);
  g_assert_null (server);
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID);
  g_clear_error (&error);

  server = crm_server_new ("crm.example.com", 70000, "deals", "dana", CRM_SERVER_TLS_PREFER, &error);
  g_assert_null (server);
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID);
  g_clear_error (&error);

  server = crm_server_new ("crm.example.com", 5432, "deals", "", CRM_SERVER_TLS_PREFER, &error);
  g_assert_null (server);
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID);
  g_clear_error (&error);

  server = crm_server_new ("crm.example.com", 5432, "deals", "dana", CRM_SERVER_TLS_REQUIRE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_server_tls_to_string (crm_server_get_tls (server)), ==, "require");
}

/* The keyring */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_main_loop_run (wait->loop);
  return wait->result;
}

static char *
store_and_lookup (CrmServer  *server,
                  const char *password)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Wait wait = { loop, NULL };
  char *found;

  crm_server_store_password_async (server, password, NULL, wait_cb, &wait);
  g_assert_true (crm_server_store_password_finish (server, wait_for (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  crm_server_lookup_password_async (server, NULL, wait_cb, &wait);
  found = crm_server_lookup_password_finish (server, wait_for (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  return found;
}

static void
test_server_keyring (void)
{
  g_autoptr(CrmServer) dana = server_from ("postgresql://dana@crm.example.com/deals");
  g_autoptr(CrmServer) noa = server_from ("postgresql://noa@crm.example.com/deals");
  g_autoptr(CrmServer) other_port = server_from ("postgresql://dana@crm.example.com:6432/deals");
  g_autoptr(GError) error = NULL;
  char *password;

  if (!crm_test_have_keyring (dana))
    return;

  password = store_and_lookup (dana, "first secret");
  g_assert_cmpstr (password, ==, "first secret");
  crm_server_password_free (password);

  /* Another person, or the same one on another server, has none. */
  password = crm_server_lookup_password_sync (noa, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);
  password = crm_server_lookup_password_sync (other_port, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);

  /* A new password replaces the old one. */
  password = store_and_lookup (dana, "סיסמה חדשה");
  g_assert_cmpstr (password, ==, "סיסמה חדשה");
  crm_server_password_free (password);

  g_assert_true (crm_server_forget_password_sync (dana, NULL, &error));
  g_assert_no_error (error);
  password = crm_server_lookup_password_sync (dana, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (password);
}

static void
test_server_keyring_refuses_bad_password (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CrmServer) server = server_from ("postgresql://dana@crm.example.com/deals");
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (CRM_SERVER_MAX_PASSWORD + 1, 'x');
  Wait wait = { loop, NULL };

  crm_server_store_password_async (server, "", NULL, wait_cb, &wait);
  g_assert_false (crm_server_store_password_finish (server, wait_for (&wait), &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_KEYRING);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  crm_server_store_password_async (server, huge, NULL, wait_cb, &wait);
  g_assert_false (crm_server_store_password_finish (server, wait_for (&wait), &error));
  g_assert_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_KEYRING);
  g_clear_object (&wait.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/server/uri-parts", test_server_uri_parts);
  g_test_add_func ("/model/server/uri-defaults", test_server_uri_defaults);
  g_test_add_func ("/model/server/uri-forms", test_server_uri_forms);
  g_test_add_func ("/model/server/uri-refuses-password", test_server_uri_refuses_password);
  g_test_add_func ("/model/server/uri-bad-input", test_server_uri_bad_input);
  g_test_add_func ("/model/server/parts-bad-input", test_server_parts_bad_input);
  g_test_add_func ("/model/server/keyring", test_server_keyring);
  g_test_add_func ("/model/server/keyring-refuses-bad-password", test_server_keyring_refuses_bad_password);

  return g_test_run ();
}
