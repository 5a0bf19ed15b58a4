/* bench-team.c
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

/* Team mode's figures (issue 10, "Verified by: bench/"), against the
 * throwaway PostgreSQL cluster the tests use, on the loopback:
 *
 *   meson compile -C _rel
 *   GSK_RENDERER=cairo GSETTINGS_SCHEMA_DIR=_rel/data build-aux/with-postgresql \
 *     dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" _rel/bench/bench-team
 *
 * 1. One data set on both backends: 100,000 deals written by the demo's
 *    bulk writer into an SQLite file and into a new database on the
 *    server, from one seed; each stage's count and amounts are compared.
 *    With --copy the file is copied to the server instead, by the store's
 *    own copy (the one `deals --copy-to-server` runs: every id kept, the
 *    row counts verified; one INSERT a row, so minutes at 100k).
 * 2. Opening the board on each: from crm_store_open() until every column
 *    of the first pipeline has its count, totals and first page (its
 *    CrmDealList no longer loading), several times each, alternately; the
 *    ratio server/SQLite. With a display, a real CrmWindow too: its first
 *    frame and the moment its columns are filled.
 * 3. A move on each (crm_store_move_deal, the board's path): its time and
 *    statements, with the board's lists alive.
 * 4. Clients moving cards at once: 1, then 10 threads, each with its own
 *    CrmStore (its own connection) on the one server database and its own
 *    GMainContext, each moving deals of its own between two open stages
 *    for a fixed time. Commits per second in all, and the p50/p95/p99/max
 *    of one move. Each client also dispatches what it hears of the others'
 *    moves (LISTEN/NOTIFY) between its own, as a window would.
 *
 * The server runs with fsync and synchronous_commit off (the test
 * cluster's settings): a commit here does not wait for a disk, so these
 * are figures of the statements and the loopback, not of durability.
 * Processor time is printed beside wall time: the machine's cores are
 * shared, and on the server's side the backends' own work is in neither.
 *
 * A benchmark, not a test: it prints, it does not judge, and meson test
 * never runs it. The server's database and the file are deleted at the
 * end. */

#include "config.h"
#include "bench-config.h"

#include <locale.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-store-copy.h"
#include "crm-window.h"

#define MAX_CLIENTS 64

static guint n_deals = 100000;
static guint n_seconds = 10;
static guint n_clients = 10;
static guint n_opens = 3;
static gboolean use_copy = FALSE;
static gboolean deaf = FALSE;

static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The whole process's processor time, every thread's, µs. */
static gint64
process_cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return ((gint64) usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static double
ms (gint64 us)
{
  return us / 1000.0;
}

static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("load %s: %s", when, loadavg);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The value at @fraction of sorted @values: the smallest one that at least
 * that share of the values do not exceed. */
static gint64
percentile (GArray *values,
            double  fraction)
{
  guint rank;

  if (values->len == 0)
    return 0;

  rank = (guint) (fraction * values->len + 0.999999);
  return g_array_index (values, gint64, CLAMP (rank, 1, values->len) - 1);
}

static double
median (double *values,
        guint   n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof *values);

  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorted[j - 1] > sorted[j]; j--)
      {
        double swap = sorted[j];

        sorted[j] = sorted[j - 1];
        sorted[j - 1] = swap;
      }

  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* The server: its version, and databases made and dropped as its
 * superuser (the URI build-aux/with-postgresql hands over). */

static void
server_exec (const char *uri,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (uri, FALSE, &error);

  if (db == NULL || !crm_db_exec (db, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

static char *
server_version (const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (uri, FALSE, &error);
  g_autoptr(CrmStatement) stmt = NULL;

  if (db == NULL || (stmt = crm_db_prepare (db, "SHOW server_version", &error)) == NULL ||
      crm_statement_step (stmt, &error) != CRM_STEP_ROW)
    return g_strdup (error != NULL ? error->message : "?");

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* @uri with its database replaced by @name. */
static char *
uri_with_database (const char *uri,
                   const char *name)
{
  const char *authority = strstr (uri, "://");
  const char *path = authority != NULL ? strchr (authority + 3, '/') : NULL;
  const char *query;

  if (path == NULL)
    path = uri + strlen (uri);
  query = strchr (path, '?');

  return g_strdup_printf ("%.*s/%s%s", (int) (path - uri), uri, name, query != NULL ? query : "");
}

/* The data set. */

/* The TW procedure and the bulk demo data of one seed, on either backend:
 * the writer draws every row from the seed, so both get the same rows. */
static void
populate (const char *name,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmProcedure) procedure = NULL;
  gint64 start;

  store = crm_store_open_full (path, CRM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  procedure = crm_procedure_load_builtin ("tw", &error);
  g_assert_no_error (error);
  crm_store_install_procedure (store, procedure, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!crm_demo_populate_bulk (store, n_deals, 42, &error))
    g_error ("%s: the bulk writer failed: %s", name, error->message);
  g_print ("%s: %u deals written by the bulk writer in %.2f s\n", name, n_deals,
           (g_get_monotonic_time () - start) / 1e6);
}

/* What the board shows of a data set, as text: each stage's count and sum. */
static char *
fingerprint (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (path, FALSE, &error);
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  CrmStep step;

  if (db == NULL ||
      (stmt = crm_db_prepare (db, "SELECT stage_id, count(*), sum(amount) FROM deals "
                                  "GROUP BY stage_id ORDER BY stage_id", &error)) == NULL)
    g_error ("Cannot count the deals: %s", error->message);

  while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
    g_string_append_printf (text, "%s:%s:%s ", crm_statement_get_text (stmt, 0),
                            crm_statement_get_text (stmt, 1), crm_statement_get_text (stmt, 2));
  if (step == CRM_STEP_ERROR)
    g_error ("Cannot count the deals: %s", error->message);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
compare_data_sets (const char *path,
                   const char *uri)
{
  g_autofree char *file = fingerprint (path);
  g_autofree char *server = fingerprint (uri);

  g_print ("the same data set on both (each stage's deals and amounts): %s\n",
           g_str_equal (file, server) ? "yes" : "NO");
  if (!g_str_equal (file, server))
    g_print ("  SQLite:     %s\n  PostgreSQL: %s\n", file, server);
}

static void
copy_to_server (const char *path,
                const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(GPtrArray) counts = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 rows = 0;

  g_assert_no_error (error);
  if (!crm_store_copy_to_server (store, uri, &counts, &error))
    g_error ("Cannot copy the file to the server: %s", error->message);

  for (guint i = 0; i < counts->len; i++)
    {
      CrmStoreCopyCount *count = g_ptr_array_index (counts, i);

      rows += count->target_rows;
    }
  g_print ("PostgreSQL: the same file copied to the server (crm_store_copy_to_server) in %.2f s, "
           "%" G_GINT64_FORMAT " rows in %u tables, counts verified\n",
           (g_get_monotonic_time () - start) / 1e6, rows, counts->len);
}

/* The first pipeline's stages, by position. */
static gint64
stage_at (CrmStore *store,
          guint     position)
{
  g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  g_autoptr(GListModel) stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  g_autoptr(CrmStage) stage = g_list_model_get_item (stages, position);

  g_assert_nonnull (stage);
  return crm_stage_get_id (stage);
}

/* Opening a board. */

typedef struct
{
  CrmStore  *store;
  GPtrArray *lists;   /* CrmDealList, one a column */
  gint64     open_us;
  gint64     filled_us;
  gint64     main_cpu_us;
  gint64     process_cpu_us;
  guint64    statements;
  guint      n_deals;
} Board;

static void
board_free (Board *board)
{
  g_clear_pointer (&board->lists, g_ptr_array_unref);
  g_clear_object (&board->store);
}

static gboolean
lists_loading (GPtrArray *lists)
{
  for (guint i = 0; i < lists->len; i++)
    if (crm_deal_list_is_loading (g_ptr_array_index (lists, i)))
      return TRUE;

  return FALSE;
}

static void
wait_lists (GPtrArray *lists)
{
  while (lists_loading (lists))
    g_main_context_iteration (NULL, TRUE);
}

/* What the board's columns do when a window opens, without the window:
 * a CrmDealList a stage, each of which reads its count, totals and first
 * page on the store's worker. */
static void
board_open (Board      *board,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPipeline) pipeline = NULL;
  g_autoptr(GListModel) stages = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 all_cpu = process_cpu_us ();

  board->store = crm_store_open (path, &error);
  g_assert_no_error (error);
  board->open_us = g_get_monotonic_time () - start;

  pipeline = g_list_model_get_item (crm_store_get_pipelines (board->store), 0);
  stages = crm_store_get_stages (board->store, crm_pipeline_get_id (pipeline));
  board->lists = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (board->lists, crm_store_get_stage_deals (board->store, crm_stage_get_id (stage)));
    }
  wait_lists (board->lists);

  board->filled_us = g_get_monotonic_time () - start;
  board->main_cpu_us = thread_cpu_us () - cpu;
  board->process_cpu_us = process_cpu_us () - all_cpu;
  board->statements = crm_store_get_statement_count (board->store);
  board->n_deals = 0;
  for (guint i = 0; i < board->lists->len; i++)
    board->n_deals += g_list_model_get_n_items (g_ptr_array_index (board->lists, i));
}

static void
bench_open (const char *path,
            const char *uri)
{
  const char *const names[] = { "SQLite", "PostgreSQL" };
  const char *const paths[] = { path, uri };
  double filled[2][16];

  g_print ("\nOpening the board (crm_store_open() until every column has its count, totals and first page):\n");
  for (guint run = 0; run < n_opens; run++)
    for (guint b = 0; b < 2; b++)
      {
        Board board = { 0 };

        board_open (&board, paths[b]);
        filled[b][run] = ms (board.filled_us);
        g_print ("  %-10s run %u: %7.1f ms (store open %.1f ms, %u columns filled after %.1f ms more); "
                 "processor: main thread %.1f ms, whole process %.1f ms; %" G_GUINT64_FORMAT
                 " statements; %u deals counted\n",
                 names[b], run + 1, ms (board.filled_us), ms (board.open_us), board.lists->len,
                 ms (board.filled_us - board.open_us), ms (board.main_cpu_us), ms (board.process_cpu_us),
                 board.statements, board.n_deals);
        board_free (&board);
      }

  g_print ("  median of %u: SQLite %.1f ms, PostgreSQL %.1f ms, ratio server/SQLite %.2f\n", n_opens,
           median (filled[0], n_opens), median (filled[1], n_opens),
           median (filled[1], n_opens) / median (filled[0], n_opens));
}

/* A move's time and statements, the board's lists alive: the commit, then
 * the columns' own reads of what changed, until they settle. */
static void
bench_move (const char *name,
            const char *path)
{
  Board board = { 0 };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 stage_a, stage_b, settled = 0;
  guint64 statements = 0;
  const guint n_moves = 200;

  board_open (&board, path);
  /* TW's Needs discovered and Presentation: open stages side by side,
   * with no rules between them, the board's everyday move. */
  stage_a = stage_at (board.store, 2);
  stage_b = stage_at (board.store, 3);
  for (guint i = 0; i < n_moves; i++)
    {
      CrmDealList *from = g_ptr_array_index (board.lists, i % 2 == 0 ? 2 : 3);
      g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (from), 0);
      g_autoptr(GError) error = NULL;
      guint64 before = crm_store_get_statement_count (board.store);
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      g_assert_cmpint (crm_deal_get_id (deal), >, 0);
      if (!crm_store_move_deal (board.store, crm_deal_get_id (deal), i % 2 == 0 ? stage_b : stage_a, NULL, &error))
        g_error ("%s: cannot move deal %" G_GINT64_FORMAT ": %s", name, crm_deal_get_id (deal), error->message);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
      statements = MAX (statements, crm_store_get_statement_count (board.store) - before);
      wait_lists (board.lists);
      settled += g_get_monotonic_time () - start;
    }

  g_array_sort (times, compare_int64);
  g_print ("  %-10s %u moves: %.2f ms median, %.2f ms p95, %.2f ms max; %" G_GUINT64_FORMAT
           " statements at most; %.2f ms average until the columns settled\n",
           name, n_moves, ms (percentile (times, 0.5)), ms (percentile (times, 0.95)),
           ms (percentile (times, 1.0)), statements, ms (settled) / n_moves);
  board_free (&board);
}

/* A real window, when there is a display: its first frame, and when its
 * board's columns are filled. */

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (painted_at == 0)
    painted_at = g_get_monotonic_time ();
}

static void
bench_window (const char *name,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func (g_object_unref);
  CrmStore *store;
  CrmWindow *window;
  CrmBoard *board;
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 frame_cpu, filled;

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  window = crm_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_widget_realize (GTK_WIDGET (window));
  painted_at = 0;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  frame_cpu = thread_cpu_us () - cpu;

  board = crm_window_get_board (window);
  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    g_ptr_array_add (lists, g_object_ref (crm_board_column_get_deals (crm_board_get_column (board, i))));
  wait_lists (lists);
  filled = g_get_monotonic_time () - start;

  g_print ("  %-10s first frame %.1f ms (main thread's processor %.1f ms), columns filled %.1f ms\n",
           name, ms (painted_at - start), ms (frame_cpu), ms (MAX (filled, painted_at - start)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (store);
}

/* Clients moving cards at once. */

typedef struct
{
  const char       *uri;
  GArray           *ids;        /* its own deals, all in stage_a at the start */
  gint64            stage_a;
  gint64            stage_b;
  gint64            duration_us;
  pthread_barrier_t *start;
  GArray           *latencies;  /* µs, one a committed move */
  gint64            wall_us;
  gint64            cpu_us;
  guint64           statements;  /* of its own moves */
  guint64           heard;       /* of what it heard of the others' */
  guint             n_errors;
  char             *first_error;
} Client;

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  gint64 start, deadline, cpu;
  guint i = 0;

  /* The store's LISTEN source goes to the thread's own context, which
   * this thread alone dispatches. */
  g_main_context_push_thread_default (context);
  store = crm_store_open (client->uri, &error);
  pthread_barrier_wait (client->start);
  if (store == NULL)
    {
      client->first_error = g_strdup (error->message);
      client->n_errors++;
      g_main_context_pop_thread_default (context);
      return NULL;
    }

  cpu = thread_cpu_us ();
  start = g_get_monotonic_time ();
  deadline = start + client->duration_us;
  while (g_get_monotonic_time () < deadline)
    {
      /* Each deal there and back: move 2k takes deal k to B, 2k+1 home. */
      gint64 deal = g_array_index (client->ids, gint64, (i / 2) % client->ids->len);
      gint64 before = g_get_monotonic_time ();
      guint64 count = crm_store_get_statement_count (store);
      g_autoptr(GError) move_error = NULL;

      if (crm_store_move_deal (store, deal, i % 2 == 0 ? client->stage_b : client->stage_a, NULL, &move_error))
        {
          gint64 elapsed = g_get_monotonic_time () - before;

          g_array_append_val (client->latencies, elapsed);
          i++;
        }
      else
        {
          if (client->first_error == NULL)
            client->first_error = g_strdup (move_error->message);
          client->n_errors++;
        }
      client->statements += crm_store_get_statement_count (store) - count;

      /* What the others committed meanwhile, as a window hears it. With
       * --deaf the store still listens, and the server still tells it. */
      count = crm_store_get_statement_count (store);
      while (!deaf && g_main_context_iteration (context, FALSE))
        ;
      client->heard += crm_store_get_statement_count (store) - count;
    }
  client->wall_us = g_get_monotonic_time () - start;
  client->cpu_us = thread_cpu_us () - cpu;

  /* The last deal home again, so that the next round starts as this one. */
  if (i % 2 == 1)
    crm_store_move_deal (store, g_array_index (client->ids, gint64, (i / 2) % client->ids->len),
                         client->stage_a, NULL, NULL);

  g_clear_object (&store);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* The first @n ids of @stage_id's deals, lowest first. */
static GArray *
read_stage_ids (const char *uri,
                gint64      stage_id,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDb) db = crm_db_open (uri, FALSE, &error);
  g_autoptr(CrmStatement) stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrmStep step;

  if (db == NULL ||
      (stmt = crm_db_prepare (db, "SELECT id FROM deals WHERE stage_id = ?1 ORDER BY id LIMIT ?2", &error)) == NULL)
    g_error ("Cannot read the deals to move: %s", error->message);

  crm_statement_bind_int64 (stmt, 1, stage_id);
  crm_statement_bind_int64 (stmt, 2, n);
  while ((step = crm_statement_step (stmt, &error)) == CRM_STEP_ROW)
    {
      gint64 id = crm_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (step == CRM_STEP_ERROR)
    g_error ("Cannot read the deals to move: %s", error->message);

  return ids;
}

static void
bench_clients (const char *uri,
               gint64      stage_a,
               gint64      stage_b,
               guint       n)
{
  g_autoptr(GArray) ids = read_stage_ids (uri, stage_a, n * 50);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  Client clients[MAX_CLIENTS] = { 0 };
  GThread *threads[MAX_CLIENTS];
  pthread_barrier_t start;
  gint64 wall = 0, cpu = 0, process_cpu;
  guint64 statements = 0, heard = 0;
  guint n_errors = 0;
  const char *first_error = NULL;

  /* Up to 50 deals a client; two are enough to go there and back. */
  if (ids->len < n * 2)
    g_error ("The stage holds %u deals, %u clients need %u", ids->len, n, n * 2);

  pthread_barrier_init (&start, NULL, n);
  process_cpu = process_cpu_us ();
  for (guint c = 0; c < n; c++)
    {
      clients[c].uri = uri;
      clients[c].ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* Client c has every n-th deal from c: none is moved by two. */
      for (guint k = c; k < ids->len; k += n)
        g_array_append_val (clients[c].ids, g_array_index (ids, gint64, k));
      clients[c].stage_a = stage_a;
      clients[c].stage_b = stage_b;
      clients[c].duration_us = (gint64) n_seconds * G_USEC_PER_SEC;
      clients[c].start = &start;
      clients[c].latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
      threads[c] = g_thread_new ("client", client_thread, &clients[c]);
    }

  for (guint c = 0; c < n; c++)
    {
      g_thread_join (threads[c]);
      g_array_append_vals (all, clients[c].latencies->data, clients[c].latencies->len);
      wall = MAX (wall, clients[c].wall_us);
      cpu += clients[c].cpu_us;
      statements += clients[c].statements;
      heard += clients[c].heard;
      n_errors += clients[c].n_errors;
      if (first_error == NULL)
        first_error = clients[c].first_error;
    }
  process_cpu = process_cpu_us () - process_cpu;
  pthread_barrier_destroy (&start);

  g_array_sort (all, compare_int64);
  g_print ("  %2u client%s: %u moves committed in %.2f s = %.0f commits/s; one move p50 %.2f ms, p95 %.2f ms, "
           "p99 %.2f ms, max %.2f ms; %.1f statements a move, and %.1f a move hearing the others'; "
           "processor: the clients' threads %.2f s (%.0f %% of one core), the whole process %.2f s; "
           "%u failed%s%s\n",
           n, n == 1 ? " " : "s", all->len, wall / 1e6, all->len / (wall / 1e6),
           ms (percentile (all, 0.5)), ms (percentile (all, 0.95)), ms (percentile (all, 0.99)),
           ms (percentile (all, 1.0)), all->len > 0 ? (double) statements / all->len : 0.0,
           all->len > 0 ? (double) heard / all->len : 0.0,
           cpu / 1e6, 100.0 * cpu / wall, process_cpu / 1e6, n_errors,
           first_error != NULL ? ": " : "", first_error != NULL ? first_error : "");

  for (guint c = 0; c < n; c++)
    {
      g_array_unref (clients[c].ids);
      g_array_unref (clients[c].latencies);
      g_free (clients[c].first_error);
    }
}

static void
remove_file_dir (const char *dir)
{
  static const char *const names[] = { "deals.db", "deals.db-wal", "deals.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (dir, names[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "deals", 0, 0, G_OPTION_ARG_INT, &n_deals, "Deals in the data set (100000)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &n_seconds, "How long the clients move cards (10)", "S" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Clients moving at once (10)", "N" },
    { "opens", 0, 0, G_OPTION_ARG_INT, &n_opens, "Board openings on each backend (3)", "N" },
    { "copy", 0, 0, G_OPTION_ARG_NONE, &use_copy, "Copy the file to the server instead of writing it there", NULL },
    { "deaf", 0, 0, G_OPTION_ARG_NONE, &deaf, "Clients do not dispatch what they hear of the others", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— team mode's figures");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autofree char *drop = NULL;
  g_autofree char *create = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *version = NULL;
  const char *server = g_getenv ("CRM_TEST_POSTGRESQL_URI");
  gboolean display;

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  setvbuf (stdout, NULL, _IOLBF, 0);

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("bench-team: %s\n", error->message);
      return 2;
    }
  n_clients = CLAMP (n_clients, 1, MAX_CLIENTS);
  n_opens = CLAMP (n_opens, 1, 16);
  n_deals = MAX (n_deals, 1000);
  if (server == NULL || *server == '\0')
    {
      g_printerr ("bench-team: CRM_TEST_POSTGRESQL_URI is not set: run it under build-aux/with-postgresql\n");
      return 2;
    }

  display = gtk_init_check ();
  if (display)
    adw_init ();

  version = server_version (server);
  g_print ("build: %s, -O%s, ndebug %s; SQLite %s, PostgreSQL %s on the loopback; %ld processors online\n",
           BENCH_BUILDTYPE, BENCH_OPTIMIZATION, BENCH_NDEBUG, sqlite3_libversion (), version,
           sysconf (_SC_NPROCESSORS_ONLN));
  print_load ("at the start");

  dir = g_dir_make_tmp ("deals-bench-team-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "deals.db", NULL);
  populate ("SQLite", path);
  database = g_strdup_printf ("deals_bench_%ld", (long) getpid ());
  create = g_strdup_printf ("CREATE DATABASE %s", database);
  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", database);
  server_exec (server, create);
  uri = uri_with_database (server, database);
  if (use_copy)
    copy_to_server (path, uri);
  else
    populate ("PostgreSQL", uri);
  compare_data_sets (path, uri);

  bench_open (path, uri);

  g_print ("\nA move on the board (crm_store_move_deal(), the board's lists alive):\n");
  bench_move ("SQLite", path);
  bench_move ("PostgreSQL", uri);

  g_print ("\nA window (CrmWindow, GSK_RENDERER=%s):\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
  if (display)
    {
      /* The first window of a process pays GTK's own start (styles,
       * fonts, the accessibility bus): two rounds, alternately. */
      for (guint round = 0; round < 2; round++)
        {
          g_print (" round %u%s\n", round + 1, round == 0 ? " (the process's first windows)" : "");
          bench_window ("SQLite", path);
          bench_window ("PostgreSQL", uri);
        }
    }
  else
    g_print ("  no display: run under xvfb-run for the window's figures\n");

  {
    g_autoptr(CrmStore) store = crm_store_open (uri, &error);

    g_assert_no_error (error);
    g_print ("\nClients moving cards at once, each its own store and connection, for %u s each "
             "(own deals, Needs discovered ⇄ Presentation%s):\n", n_seconds,
             deaf ? "; not dispatching what they hear" : "");
    print_load ("before");
    bench_clients (uri, stage_at (store, 2), stage_at (store, 3), 1);
    if (n_clients > 1)
      bench_clients (uri, stage_at (store, 2), stage_at (store, 3), n_clients);
    print_load ("after");
  }

  server_exec (server, drop);
  remove_file_dir (dir);
  return 0;
}
