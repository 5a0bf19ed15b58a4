/* bench-board.c
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

/* Prints the board's figures for 1,000, 10,000, 100,000 and 1,000,000
 * deals: time from opening the database to the board's first frame, the
 * longest main-loop stall in the first 10 s and while the biggest column is
 * scrolled from top to end, memory, cards alive and deals cached per
 * column, statements and time per card move, and search time. Run it under
 * a display (xvfb-run) with GSK_RENDERER=cairo, as the README shows. It is
 * a benchmark, not a test: it prints, it does not judge.
 *
 * Each size runs in a process of its own, so that one size's memory does
 * not count in the next one's and a watchdog can end a size whose main
 * loop is stuck (the board once spent minutes in one idle callback) while
 * the figures printed before it stand. */

#include "config.h"
#include "bench-config.h"

#include <locale.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-deal-tile.h"
#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-window.h"

#define WATCHDOG_EXIT 3
#define SETTLE_SECONDS 10

static const guint default_sizes[] = { 1000, 10000, 100000, 1000000 };

/* The main loop's busy time: an iteration's wall time less the time it
 * spent blocked in poll(), which is waiting, not work. */
typedef struct
{
  gint64 polled;        /* in poll() during the current iteration */
  gint64 iteration_cpu; /* the main thread's processor time in the last iteration */
  gint64 most_cpu;      /* the most of it in one iteration since a phase reset it */
  gint   busy_since;    /* ms since start of the busy stretch, 0 idle (atomic) */
  gint64 origin;
  const char *phase;    /* what the watchdog says was running */
  guint  limit_s;
  char  *database_dir;  /* removed by the watchdog before it exits */
} Meter;

static Meter meter;

/* The calling thread's processor time, µs. On a loaded machine a stall's
 * wall time includes the time the thread waited for a processor; this is
 * the work itself. */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gint
meter_now_ms (void)
{
  return (gint)((g_get_monotonic_time () - meter.origin) / 1000) + 1;
}

static void
meter_busy (void)
{
  g_atomic_int_set (&meter.busy_since, meter_now_ms ());
}

static void
meter_idle (void)
{
  g_atomic_int_set (&meter.busy_since, 0);
}

static gint
metered_poll (GPollFD *fds,
              guint    nfds,
              gint     timeout)
{
  gint64 start;
  gint ret;

  meter_idle ();
  start = g_get_monotonic_time ();
  ret = g_poll (fds, nfds, timeout);
  meter.polled += g_get_monotonic_time () - start;
  meter_busy ();

  return ret;
}

static void remove_database_dir (const char *dir);

static gpointer
watchdog_thread (gpointer data)
{
  for (;;)
    {
      gint since;

      g_usleep (100 * G_USEC_PER_SEC / 1000);
      since = g_atomic_int_get (&meter.busy_since);
      if (since != 0 && meter_now_ms () - since > (gint)meter.limit_s * 1000)
        {
          g_print ("  stall longer than %u s (%s), giving up on this size\n", meter.limit_s, meter.phase);
          fflush (stdout);
          remove_database_dir (meter.database_dir);
          _exit (WATCHDOG_EXIT);
        }
    }

  return NULL;
}

/* One main-loop iteration, blocking; returns its busy time in µs. */
static gint64
iterate_once (void)
{
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();
  gint64 busy;

  meter.polled = 0;
  meter_busy ();
  g_main_context_iteration (NULL, TRUE);
  busy = g_get_monotonic_time () - start - meter.polled;
  meter.iteration_cpu = thread_cpu_us () - cpu;
  meter.most_cpu = MAX (meter.most_cpu, meter.iteration_cpu);
  meter_idle ();

  return busy;
}

static gboolean
wake_cb (gpointer data)
{
  gboolean *woken = data;

  *woken = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until nothing is pending; returns the longest busy time. */
static gint64
iterate (void)
{
  gint64 longest = 0;

  while (g_main_context_pending (NULL))
    {
      /* Not inside MAX (), which would run the iteration twice. */
      gint64 busy = iterate_once ();

      longest = MAX (longest, busy);
    }

  return longest;
}

typedef struct
{
  gboolean painted;
  guint    n_frames;
  gint64   painted_at;
  gint64   frame_started_at;  /* the first frame's before-paint */
  gint64   frame_started_cpu; /* the main thread's processor time then */
  gint64   painted_cpu;       /* and at the last after-paint */
} FrameWait;

static FrameWait frames;

/* Where the first frame's own work (layout and drawing) starts; before it,
 * the window is being mapped and the frame clock waits for its turn. */
static void
before_paint_cb (GdkFrameClock *clock,
                 FrameWait     *wait)
{
  if (wait->frame_started_at == 0)
    {
      wait->frame_started_at = g_get_monotonic_time ();
      wait->frame_started_cpu = thread_cpu_us ();
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->painted = TRUE;
  wait->n_frames++;
  wait->painted_at = g_get_monotonic_time ();
  wait->painted_cpu = thread_cpu_us ();
}

/* Waits for the next frame, at most @timeout_ms; returns the longest busy
 * time of the iterations on the way. */
static gint64
wait_frame (guint timeout_ms)
{
  gboolean woken = FALSE;
  guint timeout = g_timeout_add (timeout_ms, wake_cb, &woken);
  gint64 longest = 0;

  frames.painted = FALSE;
  while (!frames.painted && !woken)
    {
      /* Not inside MAX (), which would run the iteration twice. */
      gint64 busy = iterate_once ();

      longest = MAX (longest, busy);
    }
  if (!woken)
    g_source_remove (timeout);

  return longest;
}

static glong
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  return line ? strtol (line + strlen (field), NULL, 10) : -1;
}

static guint
count_tiles (GtkWidget *widget)
{
  guint n = CRM_IS_DEAL_TILE (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_tiles (child);

  return n;
}

/* A million deals make a file of gigabytes: leave nothing behind. */
static void
remove_database_dir (const char *dir)
{
  static const char * const names[] = { "deals.db", "deals.db-wal", "deals.db-shm" };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_build_filename (dir, names[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* In the parent process, so that the generator's memory does not count in
 * the measured process's peak. */
static char *
make_database (const char *dir,
               guint       n_deals)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "deals.db", NULL);
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmProcedure) procedure = NULL;
  GStatBuf st;
  gint64 start;

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  procedure = crm_procedure_load_builtin ("tw", &error);
  g_assert_no_error (error);
  crm_store_install_procedure (store, procedure, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  crm_demo_populate_bulk (store, n_deals, 42, &error);
  g_assert_no_error (error);
  g_print ("  generated %u deals in %.2f s", n_deals, (g_get_monotonic_time () - start) / 1e6);
  if (g_stat (path, &st) == 0)
    g_print (" (%.0f MB file)", st.st_size / 1e6);
  g_print ("\n");

  return g_steal_pointer (&path);
}

static void
print_cached (CrmBoard   *board,
              const char *when)
{
  g_print ("  deals cached per column (%s):", when);
  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    g_print (" %u", crm_deal_list_get_n_cached (crm_board_column_get_deals (crm_board_get_column (board, i))));
  g_print ("\n");
}

static guint
view_rows (CrmBoardColumn *column)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (crm_board_column_get_list_view (column)));

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* From gtk_window_present() on for SETTLE_SECONDS: the first frame, and
 * whatever the board does in idle time after it. */
static void
bench_first_seconds (gint64 presented,
                     gint64 first_frame_stall)
{
  gboolean woken = FALSE;
  gint64 later_stall = 0, later_at = 0, later_cpu = 0, longest_cpu = 0;

  meter.phase = "the first seconds after present";
  g_timeout_add_seconds (SETTLE_SECONDS, wake_cb, &woken);
  while (!woken)
    {
      gboolean painted_before = frames.n_frames > 0;
      gint64 start = g_get_monotonic_time ();
      gint64 busy = iterate_once ();

      if (!painted_before)
        first_frame_stall = MAX (first_frame_stall, busy);
      else
        {
          longest_cpu = MAX (longest_cpu, meter.iteration_cpu);
          if (busy > later_stall)
            {
              later_stall = busy;
              later_at = start - presented;
              later_cpu = meter.iteration_cpu;
            }
        }
    }

  g_print ("  longest main-loop stall in the first %u s: %.1f ms up to the first frame, "
           "%.1f ms after it (at +%.2f s, %.1f ms of processor time); %u frames\n",
           SETTLE_SECONDS, first_frame_stall / 1000.0, later_stall / 1000.0, later_at / 1e6,
           later_cpu / 1000.0, frames.n_frames);
  g_print ("    most processor time of one iteration after the first frame: %.1f ms\n", longest_cpu / 1000.0);
}

static void
bench_open (const char *path,
            CrmStore  **out_store,
            CrmWindow **out_window)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;
  CrmWindow *window;
  gint64 start, opened, built, presented;
  gint64 first_frame_stall = 0;
  glong rss_before = status_kib ("VmRSS:");
  guint max_tiles = 0;
  CrmBoard *board;
  GdkFrameClock *clock;

  start = g_get_monotonic_time ();
  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  opened = g_get_monotonic_time ();

  window = crm_window_new (NULL, store, NULL);
  built = g_get_monotonic_time ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  /* @frames is static: the clock may paint after any function returns. */
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  presented = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));

  meter.phase = "the first frame";
  while (frames.n_frames == 0)
    {
      gint64 busy = iterate_once ();

      first_frame_stall = MAX (first_frame_stall, busy);
    }

  g_print ("  open to first frame: %.1f ms (database %.1f ms, window %.1f ms, layout and paint %.1f ms)\n",
           (frames.painted_at - start) / 1000.0, (opened - start) / 1000.0,
           (built - opened) / 1000.0, (frames.painted_at - built) / 1000.0);
  g_print ("    of layout and paint: mapping and waiting for the frame %.1f ms, the frame's own work %.1f ms "
           "(%.1f ms of processor time)\n",
           (frames.frame_started_at - built) / 1000.0, (frames.painted_at - frames.frame_started_at) / 1000.0,
           (frames.painted_cpu - frames.frame_started_cpu) / 1000.0);

  bench_first_seconds (presented, first_frame_stall);
  board = crm_window_get_board (window);

  /* What a frame costs once everything exists: a repaint, and a relayout. */
  {
    gint64 t0 = g_get_monotonic_time ();

    meter.phase = "a repaint";
    gtk_widget_queue_draw (GTK_WIDGET (window));
    wait_frame (5000);
    g_print ("  repaint: %.1f ms\n", (frames.painted_at - t0) / 1000.0);

    t0 = g_get_monotonic_time ();
    meter.phase = "a relayout";
    gtk_widget_queue_resize (GTK_WIDGET (board));
    wait_frame (5000);
    g_print ("  relayout and repaint: %.1f ms\n", (frames.painted_at - t0) / 1000.0);
  }

  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    {
      guint n = count_tiles (GTK_WIDGET (crm_board_get_column (board, i)));

      max_tiles = MAX (max_tiles, n);
    }

  g_print ("  memory: %ld KiB resident (+%ld KiB for store and window), peak %ld KiB\n",
           status_kib ("VmRSS:"), status_kib ("VmRSS:") - rss_before, status_kib ("VmHWM:"));
  g_print ("  card widgets alive: at most %u in one column\n", max_tiles);
  print_cached (board, "after the first seconds");

  *out_store = store;
  *out_window = window;
}

static CrmBoardColumn *
biggest_column (CrmBoard *board)
{
  CrmBoardColumn *biggest = NULL;
  guint most = 0;

  for (guint i = 0; i < crm_board_get_n_columns (board); i++)
    {
      CrmBoardColumn *column = crm_board_get_column (board, i);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (crm_board_column_get_deals (column)));

      if (biggest == NULL || n > most)
        {
          biggest = column;
          most = n;
        }
    }

  return biggest;
}

typedef struct
{
  GtkAdjustment *adjustment;
  GtkWidget     *list;
  gint64         longest;   /* the longest busy iteration of the scroll */
} Scroll;

/* One frame of a scroll: @delta pixels from where the list is, clamped.
 * Returns FALSE, with no frame waited for, when the list could not move. */
static gboolean
scroll_step (Scroll *scroll,
             double  delta)
{
  double value = gtk_adjustment_get_value (scroll->adjustment);
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);
  double target = CLAMP (value + delta, 0, MAX (0, end));
  gint64 busy;

  if (G_APPROX_VALUE (target, value, 0.5))
    return FALSE;

  gtk_adjustment_set_value (scroll->adjustment, target);
  busy = wait_frame (2000);
  scroll->longest = MAX (scroll->longest, busy);
  return TRUE;
}

/* Page steps, one per frame, until @n_frames or the list's edge; prints
 * the frames per second. */
static void
scroll_pages (Scroll     *scroll,
              guint       n_frames,
              double      direction,
              const char *label)
{
  guint first_frame = frames.n_frames;
  gint64 start = g_get_monotonic_time ();
  gint64 longest_before = scroll->longest;
  gint64 elapsed;
  guint n_steps = 0;

  scroll->longest = 0;
  while (n_steps < n_frames &&
         scroll_step (scroll, direction * gtk_adjustment_get_page_size (scroll->adjustment)))
    n_steps++;
  elapsed = g_get_monotonic_time () - start;

  g_print ("    %s: %u page steps in %.2f s, %.1f frames/s, longest stall %.1f ms\n", label, n_steps,
           elapsed / 1e6, n_steps > 0 ? (frames.n_frames - first_frame) / (elapsed / 1e6) : 0.0,
           scroll->longest / 1000.0);
  scroll->longest = MAX (scroll->longest, longest_before);
}

typedef struct
{
  double upper;
  double value;
  guint  cached;
  guint  rows;
} ListState;

static ListState
list_state (Scroll         *scroll,
            CrmBoardColumn *column)
{
  ListState state = {
    gtk_adjustment_get_upper (scroll->adjustment),
    gtk_adjustment_get_value (scroll->adjustment),
    crm_deal_list_get_n_cached (crm_board_column_get_deals (column)),
    view_rows (column),
  };

  return state;
}

/* Jumps to @fraction of the list and lets the pages it asks for arrive:
 * settled is when the list's length, position and loaded deals last
 * changed before half a second without a change (at most 60 s). The end
 * is asked for again while the list grows under it. */
static gint64
scroll_jump (Scroll         *scroll,
             CrmBoardColumn *column,
             double          fraction)
{
  gint64 start = g_get_monotonic_time ();
  gint64 settled_at;
  double end = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);
  ListState before = list_state (scroll, column);
  guint quiet = 0;

  scroll_step (scroll, fraction * MAX (0, end) - gtk_adjustment_get_value (scroll->adjustment));
  settled_at = g_get_monotonic_time ();
  while (quiet < 5 && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      ListState now;
      gint64 busy;

      if (fraction >= 1.0)
        scroll_step (scroll, G_MAXDOUBLE);
      busy = wait_frame (100);
      scroll->longest = MAX (scroll->longest, busy);
      now = list_state (scroll, column);
      if (memcmp (&now, &before, sizeof now) != 0)
        {
          quiet = 0;
          settled_at = g_get_monotonic_time ();
        }
      else
        quiet++;
      before = now;
    }

  return settled_at - start;
}

/* The biggest column from its top to its end: smooth page steps, jumps to
 * a quarter, half, three quarters and the end, and page steps back up. */
static void
bench_scroll (CrmBoard *board)
{
  static const double fractions[] = { 0.25, 0.5, 0.75, 1.0 };
  CrmBoardColumn *column = biggest_column (board);
  GtkListView *list = crm_board_column_get_list_view (column);
  Scroll scroll = {
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list)),
    GTK_WIDGET (list),
    0,
  };
  gint64 start;

  g_print ("  scroll %s (%u deals, %u rows in its list view):\n",
           crm_stage_get_name (crm_board_column_get_stage (column)),
           g_list_model_get_n_items (G_LIST_MODEL (crm_board_column_get_deals (column))), view_rows (column));

  meter.phase = "the scroll";
  meter.most_cpu = 0;
  start = g_get_monotonic_time ();
  scroll_pages (&scroll, 300, 1, "from the top");
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      gint64 longest_before = scroll.longest;
      gint64 settled;

      scroll.longest = 0;
      settled = scroll_jump (&scroll, column, fractions[i]);
      g_print ("    jump to %.0f %%: settled in %.1f ms, longest stall %.1f ms\n",
               fractions[i] * 100, settled / 1000.0, scroll.longest / 1000.0);
      scroll.longest = MAX (scroll.longest, longest_before);
    }
  g_print ("    reached the end %.2f s after the first step\n", (g_get_monotonic_time () - start) / 1e6);
  scroll_pages (&scroll, 100, -1, "up from the end");

  g_print ("    longest main-loop stall of the scroll: %.1f ms (the most processor time of one iteration: %.1f ms); "
           "%u rows in the list view\n",
           scroll.longest / 1000.0, meter.most_cpu / 1000.0, view_rows (column));
}

static void
bench_moves (CrmStore *store,
             CrmBoard *board)
{
  /* TW's Needs discovered and Presentation, next to each other
   * (no rules): moves between them are the board's everyday moves. */
  CrmDealList *first = crm_board_column_get_deals (crm_board_get_column (board, 2));
  CrmDealList *second = crm_board_column_get_deals (crm_board_get_column (board, 3));
  gint64 first_stage = crm_deal_list_get_stage_id (first);
  gint64 second_stage = crm_deal_list_get_stage_id (second);
  const guint n_moves = 200;
  gint64 total = 0, worst = 0, longest = 0;
  guint64 statements = 0;

  meter.phase = "the board's moves";
  meter.most_cpu = 0;
  for (guint i = 0; i < n_moves; i++)
    {
      CrmDealList *from = i % 2 == 0 ? first : second;
      g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (from), 0);
      g_autoptr(GError) error = NULL;
      guint64 count_before = crm_store_get_statement_count (store);
      gint64 start, elapsed, settle;

      /* Only the store's transaction is timed: the SQL budget of a move.
       * The column reloads it sets off run in it too, so the watchdog
       * watches it. */
      meter_busy ();
      start = g_get_monotonic_time ();
      crm_store_move_deal (store, crm_deal_get_id (deal), i % 2 == 0 ? second_stage : first_stage, NULL, &error);
      g_assert_no_error (error);
      elapsed = g_get_monotonic_time () - start;
      meter_idle ();

      /* The statements of the move itself, not of the reload that follows. */
      statements = MAX (statements, crm_store_get_statement_count (store) - count_before);
      total += elapsed;
      worst = MAX (worst, elapsed);
      settle = iterate ();
      longest = MAX (longest, settle);
    }

  g_print ("  move: %.2f ms average, %.2f ms worst (with the two column reloads), %" G_GUINT64_FORMAT
           " statements at most; longest main-loop stall after a move %.1f ms "
           "(the most processor time of one iteration: %.1f ms)\n",
           total / 1000.0 / n_moves, worst / 1000.0, statements, longest / 1000.0, meter.most_cpu / 1000.0);
}

static void
bench_moves_sql_only (CrmStore *store,
                      gint64    stage_a,
                      gint64    stage_b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 before;
  gint64 start, elapsed;

  /* The deals to move come from the stage's list, which is let go before
   * the timing starts. */
  {
    g_autoptr(CrmDealList) list = crm_store_get_stage_deals (store, stage_a);

    for (guint i = 0; i < MIN (100, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
      {
        g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (list), i);
        gint64 id = crm_deal_get_id (deal);

        g_array_append_val (ids, id);
      }
  }

  /* With no list alive for these stages, this is the commit alone. Each
   * deal goes there and back, so that the board opened next has the
   * columns it was generated with. */
  before = crm_store_get_statement_count (store);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < ids->len * 2; i++)
    {
      crm_store_move_deal (store, g_array_index (ids, gint64, i % ids->len), i < ids->len ? stage_b : stage_a,
                           NULL, &error);
      g_assert_no_error (error);
    }
  elapsed = g_get_monotonic_time () - start;

  if (ids->len > 0)
    g_print ("  move (store only): %.3f ms per move, %.1f statements per move\n",
             elapsed / 1000.0 / (ids->len * 2),
             (double)(crm_store_get_statement_count (store) - before) / (ids->len * 2));
}

static void
bench_search (CrmStore *store)
{
  static const char * const queries[] = { "דנה", "Orbit", "לוי", "חידוש", "TechHub Herz", "אלקטרה 12" };
  gint64 worst = 0, total = 0;
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      results = crm_store_search (store, queries[i], 50, &error);
      g_assert_no_error (error);
      elapsed = g_get_monotonic_time () - start;
      total += elapsed;
      worst = MAX (worst, elapsed);
      found += g_list_model_get_n_items (results) > 0;
    }

  g_print ("  search (50 results): %.2f ms average, %.2f ms worst; %u of %u queries found something\n",
           total / 1000.0 / G_N_ELEMENTS (queries), worst / 1000.0, found, (guint)G_N_ELEMENTS (queries));
}

/* What needs no window: the store's own moves and the search, first, so
 * that they stand even if the board's main loop is stuck later. */
static void
bench_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (path, &error);
  g_autoptr(CrmPipeline) pipeline = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(CrmStage) presentation = NULL;
  g_autoptr(CrmStage) discovered = NULL;

  g_assert_no_error (error);
  pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  /* From Needs discovered into Presentation, the next stage, which has
   * no rules: the bare move the five-statement budget is about. (A move
   * that skips a stage also checks the skipped stage's fields.) */
  presentation = g_list_model_get_item (stages, 3);
  discovered = g_list_model_get_item (stages, 2);
  bench_moves_sql_only (store, crm_stage_get_id (discovered), crm_stage_get_id (presentation));
  bench_search (store);
}

static int
run_size (guint       n_deals,
          const char *dir)
{
  g_autofree char *path = NULL;
  CrmStore *store = NULL;
  CrmWindow *window = NULL;
  CrmBoard *board;

  gtk_init ();
  adw_init ();
  meter.origin = g_get_monotonic_time ();
  meter.database_dir = g_strdup (dir);
  g_main_context_set_poll_func (NULL, metered_poll);
  g_thread_unref (g_thread_new ("watchdog", watchdog_thread, NULL));

  path = g_build_filename (dir, "deals.db", NULL);
  bench_store (path);
  bench_open (path, &store, &window);
  board = crm_window_get_board (window);
  bench_scroll (board);
  print_cached (board, "after the scroll");
  bench_moves (store, board);
  g_print ("  memory after the scroll and moves: %ld KiB resident, peak %ld KiB\n",
           status_kib ("VmRSS:"), status_kib ("VmHWM:"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (store);

  return 0;
}

static void
print_build (void)
{
  g_print ("build: %s, -O%s, ndebug %s\n", BENCH_BUILDTYPE, BENCH_OPTIMIZATION, BENCH_NDEBUG);
  g_print ("GTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u, SQLite %s, GSK_RENDERER=%s\n",
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
           glib_major_version, glib_minor_version, glib_micro_version, sqlite3_libversion (),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
}

/* Each size in a process of its own (see the top of the file). */
static void
spawn_size (const char *self,
            guint       n_deals,
            guint       watchdog_s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("deals-bench-XXXXXX", &error);
  g_autofree char *size = g_strdup_printf ("%u", n_deals);
  g_autofree char *limit = g_strdup_printf ("--watchdog=%u", watchdog_s);
  const char *argv[] = { self, limit, "--one", size, dir, NULL };
  gint status = 0;

  g_assert_no_error (error);
  g_print ("%u deals\n", n_deals);
  g_free (make_database (dir, n_deals));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error))
    g_print ("  could not run: %s\n", error->message);
  else if (WIFEXITED (status) && WEXITSTATUS (status) == WATCHDOG_EXIT)
    g_print ("  (stopped by the watchdog after %u s)\n", watchdog_s);
  else if (!g_spawn_check_wait_status (status, &error))
    g_print ("  (did not finish: %s)\n", error->message);
  remove_database_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  guint watchdog_s = 30;
  int i = 1;

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  /* Each line as it comes, also into a pipe: a size may be ended. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  if (i < argc && g_str_has_prefix (argv[i], "--watchdog="))
    {
      watchdog_s = MAX (1, atoi (argv[i] + strlen ("--watchdog=")));
      i++;
    }
  meter.limit_s = watchdog_s;

  if (i + 2 < argc && g_str_equal (argv[i], "--one"))
    return run_size ((guint) atoi (argv[i + 1]), argv[i + 2]);

  /* One small number is how many of the default sizes to run, as it always
   * was; otherwise the numbers are the sizes. */
  if (argc - i == 1 && atoi (argv[i]) >= 0 && atoi (argv[i]) <= (int) G_N_ELEMENTS (default_sizes))
    g_array_append_vals (sizes, default_sizes, atoi (argv[i]));
  else if (argc - i == 0)
    g_array_append_vals (sizes, default_sizes, G_N_ELEMENTS (default_sizes));
  else
    for (; i < argc; i++)
      {
        guint n = (guint) g_ascii_strtoull (argv[i], NULL, 10);

        if (n == 0)
          {
            g_printerr ("usage: bench-board [--watchdog=SECONDS] [N | SIZE…]\n"
                        "  N: how many of 1000 10000 100000 1000000 to run; SIZE: numbers of deals\n");
            return 2;
          }
        g_array_append_val (sizes, n);
      }

  gtk_init ();
  adw_init ();
  print_build ();
  g_print ("watchdog: a main-loop stall longer than %u s ends the size\n", watchdog_s);
  for (guint s = 0; s < sizes->len; s++)
    spawn_size (self != NULL ? self : argv[0], g_array_index (sizes, guint, s), watchdog_s);

  return 0;
}
