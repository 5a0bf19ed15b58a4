/* crm-test-common.h
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

/* Helpers shared by the model, command-line and view tests: a temporary
 * folder per test, a store in it set up with a shipped procedure and demo
 * deals, and a quick look into the database. Header-only and without GTK,
 * since the model tests do not link it; each test is one program. */

#pragma once

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-store-private.h"

#include "crm-test-postgresql.h"

/* Makes a fresh folder from @template (as for g_dir_make_tmp()). */
static inline char *
crm_test_make_dir (const char *template)
{
  g_autoptr (GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  return dir;
}

/* The database file the tests keep in @dir. */
static inline char *
crm_test_db_path (const char *dir)
{
  return g_build_filename (dir, "deals.db", NULL);
}

/* Removes everything in @path (the database with its -wal and -shm files,
 * and any folder a test made), then @path itself. A folder that is not
 * there is nothing to remove. Returns FALSE when something could not be
 * removed; the model tests assert on it. */
static inline gboolean
crm_test_remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  gboolean removed = TRUE;
  const char *name;

  if (dir == NULL)
    return TRUE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        removed &= crm_test_remove_dir (child);
      else if (g_remove (child) != 0)
        {
          g_test_message ("Could not remove %s: %s", child, g_strerror (errno));
          removed = FALSE;
        }
    }

  if (g_rmdir (path) != 0)
    {
      g_test_message ("Could not remove %s: %s", path, g_strerror (errno));
      removed = FALSE;
    }

  return removed;
}

static inline int
crm_test_compare_names (gconstpointer a,
                        gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted, one a line: what a refused open must not add
 * to (no -wal, -shm or -journal, no folder). */
static inline char *
crm_test_list_folder (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (char *)name);
  g_ptr_array_sort (names, crm_test_compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **)names->pdata);
}

/* Runs the first @n migrations the store ships on @db, in order, so that
 * the file is as a Deals of that schema left it (the test sets
 * user_version itself). */
static inline void
crm_test_apply_migrations (CrmDb *db,
                           guint  n)
{
  g_auto (GStrv) names = g_resources_enumerate_children (CRM_STORE_MIGRATIONS_PATH, 0, NULL);

  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), >=, n);
  qsort (names, g_strv_length (names), sizeof (char *), crm_test_compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = g_build_path ("/", CRM_STORE_MIGRATIONS_PATH, names[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, &error);
      g_autofree char *sql = NULL;

      g_assert_no_error (error);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_true (crm_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
}

/* Writes a new file at @path as a Deals of schema @version left it, with
 * the rows of @sql in it: what a migration's test opens. */
static inline void
crm_test_write_old_file (const char *path,
                         guint       version,
                         const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDb) db = crm_db_open (path, TRUE, &error);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %u;", version);

  g_assert_no_error (error);
  crm_test_apply_migrations (db, version);
  g_assert_true (crm_db_exec (db, "INSERT INTO meta VALUES ('application', 'org.dealsdesk.Deals');", &error));
  g_assert_true (crm_db_exec (db, sql, &error));
  g_assert_true (crm_db_exec (db, pragma, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* Installs the shipped procedure @procedure_id into @store. */
static inline void
crm_test_install_procedure (CrmStore   *store,
                            const char *procedure_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmProcedure) procedure = NULL;

  procedure = crm_procedure_load_builtin (procedure_id, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_install_procedure (store, procedure, &error));
  g_assert_no_error (error);
}

/* Opens the store at @path and, unless @procedure_id is NULL, installs that
 * shipped procedure into it. */
static inline CrmStore *
crm_test_store_new (const char *path,
                    const char *procedure_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStore) store = NULL;

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (procedure_id != NULL)
    crm_test_install_procedure (store, procedure_id);

  return g_steal_pointer (&store);
}

/* A test case with a store of its own: a fresh folder named after the test
 * program, and in it a store (or, in a program run with --postgresql, a
 * fresh database on the server: crm_test_store_path()) set up with the
 * shipped procedure the test data names, or none when it is NULL.
 * Tear-down checks that nothing kept the store alive and that the folder
 * went away, and drops the database. For g_test_add(). */
typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
} CrmTestFixture;

static inline void
crm_test_fixture_set_up (CrmTestFixture *fixture,
                         gconstpointer   user_data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("deals-%s-XXXXXX", program);

  fixture->dir = crm_test_make_dir (template);
  fixture->path = crm_test_store_path (fixture->dir);
  fixture->store = crm_test_store_new (fixture->path, user_data);
}

static inline void
crm_test_fixture_tear_down (CrmTestFixture *fixture,
                            gconstpointer   user_data)
{
  g_assert_finalize_object (fixture->store);
  crm_test_store_path_release (fixture->path);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Adds a person to @store's department, as its current user (a manager)
 * may; returns their id. */
static inline gint64
crm_test_add_user (CrmStore   *store,
                   const char *name,
                   CrmRole     role)
{
  g_autoptr (GError) error = NULL;
  gint64 id = crm_store_add_user (store, name, role, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Adds @n_deals demo deals to @store, generated from @seed. */
static inline void
crm_test_populate (CrmStore *store,
                   guint     n_deals,
                   guint32   seed)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crm_demo_populate (store, n_deals, seed, &error));
  g_assert_no_error (error);
}

/* Runs @sql on @store's database; returns the statement on its first row,
 * which must be there. */
static inline CrmStatement *
crm_test_query_row (CrmStore   *store,
                    const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);
  g_assert_no_error (error);

  return g_steal_pointer (&stmt);
}

/* The integer in the first column of the first row @sql gives. */
static inline gint64
crm_test_query_int (CrmStore   *store,
                    const char *sql)
{
  g_autoptr (CrmStatement) stmt = crm_test_query_row (store, sql);

  return crm_statement_get_int64 (stmt, 0);
}

/* A clock the test moves by hand, for rules about time (AXL-10: three
 * weeks since the last contact). */
typedef struct
{
  GDateTime *now;
} CrmTestClock;

static inline GDateTime *
crm_test_clock_now (gpointer data)
{
  CrmTestClock *clock = data;

  return g_date_time_ref (clock->now);
}

static inline void
crm_test_clock_set (CrmTestClock *clock,
                    const char   *iso8601)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
  clock->now = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_assert_nonnull (clock->now);
}

static inline void
crm_test_clock_advance (CrmTestClock *clock,
                        GTimeSpan     span)
{
  GDateTime *later = g_date_time_add (clock->now, span);

  g_date_time_unref (clock->now);
  clock->now = later;
}

static inline void
crm_test_clock_clear (CrmTestClock *clock)
{
  g_clear_pointer (&clock->now, g_date_time_unref);
}

/* A CrmTestFixture whose store runs on a test clock set to a Monday
 * morning, 2 March 2026 at 09:00 UTC, for the rules that count time
 * (due tasks, call lengths). For g_test_add(). */
typedef struct
{
  CrmTestFixture base;
  CrmTestClock   clock;
} CrmTestClockedFixture;

static inline void
crm_test_clocked_fixture_set_up (CrmTestClockedFixture *fixture,
                                 gconstpointer          procedure_id)
{
  crm_test_fixture_set_up (&fixture->base, procedure_id);
  crm_test_clock_set (&fixture->clock, "2026-03-02T09:00:00Z");
  crm_store_set_clock (fixture->base.store, crm_test_clock_now, &fixture->clock);
}

static inline void
crm_test_clocked_fixture_tear_down (CrmTestClockedFixture *fixture,
                                    gconstpointer          procedure_id)
{
  crm_test_fixture_tear_down (&fixture->base, procedure_id);
  crm_test_clock_clear (&fixture->clock);
}

/* A stage's list counts its deals and reads their rows on the store's
 * worker thread: this runs the main loop until what was asked for came. */
static inline void
crm_test_wait_for_list (CrmDealList *list)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (crm_deal_list_is_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The deal at @position, read: blank deals take their row in place. */
static inline gpointer
crm_test_list_get (CrmDealList *list,
                   guint        position)
{
  gpointer deal = g_list_model_get_item (G_LIST_MODEL (list), position);

  crm_test_wait_for_list (list);
  return deal;
}

/* A stage's list with its count read. */
static inline CrmDealList *
crm_test_stage_deals (CrmStore *store,
                      gint64    stage_id)
{
  CrmDealList *list = crm_store_get_stage_deals (store, stage_id);

  crm_test_wait_for_list (list);
  return list;
}

/* The id of the sales pipeline's stage at @index. */
static inline gint64
crm_test_tw_stage_id (CrmStore *store,
                      guint     index)
{
  CrmPipeline *pipeline = crm_store_find_pipeline (store, "sales");
  g_autoptr (GListModel) stages = NULL;
  g_autoptr (CrmStage) stage = NULL;

  g_assert_nonnull (pipeline);
  stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  stage = g_list_model_get_item (stages, index);
  g_assert_nonnull (stage);

  return crm_stage_get_id (stage);
}

/* A deal in TW's first stage, with the contact its rules ask for (TW-1). */
static inline gint64
crm_test_save_tw_deal (CrmStore   *store,
                       const char *title)
{
  static const char * const phones[] = { "050-123-4567", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrmDeal) deal = crm_deal_new ();
  g_autoptr (CrmContact) contact = crm_contact_new ();

  crm_deal_set_title (deal, title);
  crm_deal_set_amount (deal, 1250000);
  crm_contact_set_name (contact, "Dana Levi");
  crm_contact_set_phones (contact, phones);
  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static inline int
crm_test_compare_unichars (gconstpointer a,
                           gconstpointer b)
{
  gunichar x = *(const gunichar *)a, y = *(const gunichar *)b;

  return x < y ? -1 : x > y;
}

/* The characters of @text but white space, sorted: what a PDF's text
 * keeps when poppler joins a line's runs in another order, or scatters
 * text drawn at an angle. */
static inline char *
crm_test_dup_sorted_chars (const char *text)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *sorted = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_array_append_val (chars, c);
    }
  g_array_sort (chars, crm_test_compare_unichars);
  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (sorted, g_array_index (chars, gunichar, i));

  return g_string_free (sorted, FALSE);
}

/* The characters a layout may add or drop between words: spaces, line
 * breaks, no-break spaces, and the invisible direction marks and isolates
 * a PDF reader may or may not give back. */
static inline gboolean
crm_test_is_layout_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x200E || c == 0x200F ||
         c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* @text without them: a rendered document's text compared with what it
 * shows, whatever the lines it was broken into. */
static inline char *
crm_test_dup_without_layout_spaces (const char *text)
{
  GString *stripped = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!crm_test_is_layout_space (c))
        g_string_append_unichar (stripped, c);
    }

  return g_string_free (stripped, FALSE);
}

/* PNG's CRC-32 (ISO 3309), for the chunks below. */
static inline guint32
crm_test_png_crc (const guint8 *data,
                  gsize         length,
                  guint32       crc)
{
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }

  return crc;
}

static inline void
crm_test_png_chunk (GByteArray   *png,
                    const char   *type,
                    const guint8 *data,
                    gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc;

  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  crc = crm_test_png_crc ((const guint8 *) type, 4, 0xFFFFFFFFu);
  crc = GUINT32_TO_BE (crm_test_png_crc (data, length, crc) ^ 0xFFFFFFFFu);
  g_byte_array_append (png, (const guint8 *) &crc, 4);
}

/* A small, valid black PNG that declares @width × @height pixels (1 bit
 * each): a 20,000 × 20,000 one is some 50 KB on disk and more than a
 * gigabyte once decoded, the logo a hostile or careless file may be. */
static inline GBytes *
crm_test_declared_png (guint32 width,
                       guint32 height)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zlib = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *row = g_malloc0 (1 + (width + 7) / 8);
  guint32 header[2] = { GUINT32_TO_BE (width), GUINT32_TO_BE (height) };
  const guint8 rest[5] = { 1, 0, 0, 0, 0 };   /* 1 bit, grey, deflate, no filter, no interlace */
  guint8 ihdr[13];

  for (guint32 y = 0; y < height; y++)
    g_assert_true (g_output_stream_write_all (zlib, row, 1 + (width + 7) / 8, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (zlib, NULL, &error));
  g_assert_no_error (error);

  memcpy (ihdr, header, 8);
  memcpy (ihdr + 8, rest, 5);
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  crm_test_png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  crm_test_png_chunk (png, "IDAT", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  crm_test_png_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
