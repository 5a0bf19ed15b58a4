/* test-cli.c
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

/* Runs the real deals binary the way scripts do and checks the database
 * through the store: bad input on the command line gets a clear message
 * and a non-zero status, and changes nothing. */

#include "config.h"

#include <glib/gstdio.h>

#include "crm-deal.h"
#include "crm-stage.h"
#include "crm-store.h"

#include "../crm-test-common.h"

static const char *deals_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = crm_test_make_dir ("deals-cli-XXXXXX");
  fixture->db = crm_test_db_path (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs deals with @args (NULL-terminated); returns its exit status. */
static int
run_deals (char       **out,
           char       **err,
           const char  *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *)deals_path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static gint64
stage_of (const char *db,
          gint64      deal_id,
          char      **key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (db, &error);
  g_autoptr(CrmDeal) deal = NULL;

  g_assert_no_error (error);
  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  if (key != NULL)
    *key = g_strdup (crm_stage_get_key (crm_store_find_stage (store, crm_deal_get_stage_id (deal))));

  return crm_deal_get_stage_id (deal);
}

static void
test_cli_move_deal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = NULL;
  int status;

  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "hs", "--demo",
                      "--deal", "1", "--move-to", "won", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Won"));
  stage_of (fixture->db, 1, &key);
  g_assert_cmpstr (key, ==, "won");
}

static void
test_cli_unknown_stage (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 before;
  int status;

  /* Set up with a valid move of another deal, without a window. */
  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "hs", "--demo",
                      "--deal", "2", "--move-to", "meeting", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  before = stage_of (fixture->db, 1, NULL);

  status = run_deals (&out, &err, "--database", fixture->db, "--deal", "1", "--move-to", "nowhere", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "nowhere"));
  g_assert_nonnull (strstr (err, "phone, meeting, quote, won, lost"));
  g_assert_cmpint (stage_of (fixture->db, 1, NULL), ==, before);
}

/* AXL-9 from a script: the stage's required field is named, and --set
 * supplies it; the same engine as the board. */
static void
test_cli_rule_axl_9_required_field (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = NULL;
  int status;

  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "axl", "--demo",
                      "--deal", "1", "--move-to", "taken_into_work", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Platform"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_deals (&out, &err, "--database", fixture->db, "--deal", "1", "--move-to", "taken_into_work",
                      "--set", "platform=nonsense", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "nonsense"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_deals (&out, &err, "--database", fixture->db, "--deal", "1", "--move-to", "taken_into_work",
                      "--set", "platform=tilda", NULL);
  g_assert_cmpint (status, ==, 0);
  stage_of (fixture->db, 1, &key);
  g_assert_cmpstr (key, ==, "taken_into_work");
}

/* AXL-1: a missed call from a new number becomes a deal to call back,
 * headless; the same number again is recognised, not added twice. */
static void
test_cli_rule_axl_1_new_lead (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "axl",
                      "--new-lead", "--phone", "+7 916 555-12-34", "--source", "missed-call", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "added"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_deals (&out, &err, "--database", fixture->db,
                      "--new-lead", "--phone", "8 (916) 555 12 34", "--source", "missed-call", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "already exists"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_deals (&out, &err, "--database", fixture->db, "--new-lead", "--phone", "12", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "12"));

  store = crm_store_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contact_phones WHERE number = '+79165551234'"), ==, 1);
  /* The missed call opened a deal (AXL-1) and each call left a call-back
   * task, which stays on Today until it is done. */
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'opportunity' "
                                              "AND source = 'missed-call'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM deals"), ==, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM tasks WHERE closed_at IS NULL"), ==, 2);
}

static void
test_cli_unknown_procedure (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "xyz", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "xyz"));
  g_assert_nonnull (strstr (err, "tw, hs, rad, con, axl"));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_cli_not_a_database (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, "Call Dana on Monday\n", -1, &error));
  status = run_deals (&out, &err, "--database", path, "--deal", "1", "--move-to", "won", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "not a Deals database"));

  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, "Call Dana on Monday\n");
}

static void
test_cli_other_procedure (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_deals (&out, &err, "--database", fixture->db, "--procedure", "hs", "--demo",
             "--deal", "1", "--move-to", "meeting", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = run_deals (&out, &err, "--database", fixture->db, "--procedure", "rad",
                      "--deal", "1", "--move-to", "won", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "hs"));
  g_assert_nonnull (strstr (err, "rad"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  deals_path = g_getenv ("DEALS_EXECUTABLE");
  g_assert_nonnull (deals_path);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/move-deal", test_cli_move_deal);
  ADD ("/cli/unknown-stage", test_cli_unknown_stage);
  ADD ("/cli/unknown-procedure", test_cli_unknown_procedure);
  ADD ("/cli/rule-axl-9-required-field", test_cli_rule_axl_9_required_field);
  ADD ("/cli/rule-axl-1-new-lead", test_cli_rule_axl_1_new_lead);
  ADD ("/cli/not-a-database", test_cli_not_a_database);
  ADD ("/cli/other-procedure", test_cli_other_procedure);

  return g_test_run ();
}
