/* bench-import.c
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

/* Prints the figures of lead intake (HS-1): a 100k-row lead list with
 * Hebrew and Russian names, valid mobile numbers and email addresses,
 * written to a file and imported side by side by the sqlite3 shell's
 * ".import" (every field as text, no checks: the floor of getting the
 * file's rows into SQLite) and by Deals into a fresh store with the HS
 * procedure (read, decode and split, check every row, write and commit).
 * The import's target is at most 3 times the shell's time. The shell also
 * writes the same rows into Deals' schema by INSERT … SELECT, which is
 * what SQLite alone costs there: the floor under Deals' ratio. Reading and
 * splitting, checking (crm_csv_import_validate) and importing
 * (crm_csv_import_commit, which checks again inside its transaction) are
 * also timed apart. No display is needed. It is a benchmark, not a test:
 * it prints, it does not judge. */

#define G_LOG_DOMAIN "bench-import"

#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-csv-import.h"
#include "crm-procedure.h"
#include "crm-store.h"

#define DEFAULT_ROWS 100000

/* The list's columns; the shell's table has as many, all text. */
static const char header[] = "Name,Phone,Email,Company,Campaign,Note";

static const char * const first_names[] = {
  "דנה", "יוסי", "מיכל", "אבי", "נועה", "רונית", "איתי", "שירה",
  "Анна", "Иван", "Мария", "Дмитрий", "Ольга", "Сергей", "Елена", "Алексей",
};

static const char * const last_names[] = {
  "לוי", "כהן", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא",
  "Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Лебедев", "Козлова",
};

static const char * const companies[] = {
  "שעוני נוכחות בע\"מ", "טכנולוגיות הצפון", "ООО «Ромашка»", "Тепло и Ко", "Acme Ltd",
  "", "", "",
};

/* Israeli mobile prefixes: the HS procedure's region is Israel. */
static const char * const mobile_prefixes[] = { "050", "052", "053", "054", "058" };

static GBytes *
make_list (guint n_rows)
{
  GString *csv = g_string_sized_new ((gsize) n_rows * 96);
  GRand *rand = g_rand_new_with_seed (20260101);

  g_string_append (csv, header);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < n_rows; i++)
    {
      const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      const char *last = last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))];
      const char *company = companies[g_rand_int_range (rand, 0, G_N_ELEMENTS (companies))];
      const char *prefix = mobile_prefixes[i % G_N_ELEMENTS (mobile_prefixes)];

      /* Every number and address unique: 2000000 + i stays inside the
       * allocated mobile ranges, and the address carries i. */
      g_string_append_printf (csv, "%s %s,%s-%03u-%04u,lead%u@example.co.il,", first, last,
                              prefix, 200 + i / 10000, i % 10000, i);
      if (strchr (company, '"') != NULL)
        {
          g_autofree char *quoted = NULL;
          g_auto(GStrv) parts = g_strsplit (company, "\"", -1);

          quoted = g_strjoinv ("\"\"", parts);
          g_string_append_printf (csv, "\"%s\"", quoted);
        }
      else
        g_string_append (csv, company);
      g_string_append_printf (csv, ",Expo %u,", 2020 + i % 7);
      if (i % 5 == 0)
        g_string_append (csv, "\"Asked about a quote;\nsecond line of the note\"");
      g_string_append (csv, "\r\n");
    }

  g_rand_free (rand);

  return g_string_free_to_bytes (csv);
}

/* Processor time of the whole process, every thread: compared with the
 * wall-clock time it shows whether the machine was busy with other work. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static CrmStore *
make_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(CrmStore) store = NULL;

  store = crm_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  procedure = crm_procedure_load_builtin ("hs", &error);
  if (procedure == NULL || !crm_store_install_procedure (store, procedure, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&store);
}

static CrmCsvImport *
read_list (const char *path,
           double     *seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CrmCsvImport *import;
  gint64 start = g_get_monotonic_time ();

  /* From the file on disk, as the import dialog reads it. */
  import = crm_csv_import_new_from_file (file, NULL, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  *seconds = (g_get_monotonic_time () - start) / 1e6;

  return import;
}

static double
import_list (CrmCsvImport *import,
             CrmStore     *store,
             guint         n_rows,
             double       *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();
  guint n_imported = 0;

  if (!crm_csv_import_commit (import, store, "imported_list", "Expo", &n_imported, &error))
    g_error ("%s", error->message);
  if (n_imported != n_rows)
    g_error ("Imported %u leads of %u", n_imported, n_rows);

  *cpu = cpu_seconds () - cpu_start;
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Runs one command of the sqlite3 shell on @db_path; its output, when
 * asked for, in @out. */
static void
run_shell (const char  *shell,
           const char  *db_path,
           const char  *command,
           char       **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  const char *argv[] = { shell, "-batch", db_path, command, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT,
                     NULL, NULL, out, &errors, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", shell, command, error->message);
  /* .import warns on stderr, and goes on, about rows it cannot take. */
  if (errors != NULL && errors[0] != '\0')
    g_error ("%s %s: %s", shell, command, errors);
}

/* Runs @command in the shell, timed from its start to its exit, and
 * checks that @table then holds @n_rows rows. */
static double
run_shell_timed (const char *shell,
                 const char *db_path,
                 const char *command,
                 const char *table,
                 guint       n_rows)
{
  g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *count = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  run_shell (shell, db_path, command, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  run_shell (shell, db_path, query, &count);
  if (g_ascii_strtoull (count, NULL, 10) != n_rows)
    g_error ("The shell wrote %s rows of %u into %s", g_strstrip (count), n_rows, table);

  return seconds;
}

/* The floor: the sqlite3 shell's .import of the same file into an empty
 * table of as many text columns, in its one transaction, timed from the
 * shell's start to its exit. Returns -1 when there is no shell. */
static double
shell_import (const char *dir,
              const char *csv_path,
              guint       n_rows)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *db_path = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *import = NULL;
  g_autoptr(GString) create = g_string_new ("CREATE TABLE leads (c0 TEXT");
  guint n_columns = 1;

  if (shell == NULL)
    return -1;

  for (const char *p = header; *p != '\0'; p++)
    {
      if (*p == ',')
        g_string_append_printf (create, ", c%u TEXT", n_columns++);
    }
  g_string_append (create, ")");
  run_shell (shell, db_path, create->str, NULL);

  /* --skip 1: the header row is not a lead, as it is not in Deals. */
  import = g_strdup_printf (".import --csv --skip 1 '%s' leads", csv_path);

  return run_shell_timed (shell, db_path, import, "leads", n_rows);
}

/* What SQLite alone costs in Deals' schema: the shell's .import of the
 * same file into a temporary table, then, in one transaction, its rows
 * written into a fresh store's companies, contacts (with the search index
 * trigger and the lead indexes), phones, emails and notes by one
 * INSERT … SELECT each, with no Deals code and no checks. The store has no
 * contacts yet, so the rows' numbers are their ids, and phones are made
 * E.164 by text surgery that fits only the generated list. Deals' import
 * can hardly be faster than this, so it shows how much of the target is left
 * to Deals' own code. Returns -1 when there is no shell. */
static double
shell_into_schema (const char *dir,
                   const char *csv_path,
                   guint       n_rows)
{
  static const char script[] =
    "PRAGMA foreign_keys = ON;\n"
    "CREATE TEMP TABLE floor_leads (name TEXT, phone TEXT, email TEXT, company TEXT, campaign TEXT, note TEXT);\n"
    ".import --csv --skip 1 --schema temp '%s' floor_leads\n"
    "BEGIN IMMEDIATE;\n"
    "INSERT INTO companies (name, created_at)\n"
    "  SELECT DISTINCT company, '2026-01-01T09:00:00Z' FROM floor_leads WHERE company <> '';\n"
    "INSERT INTO contacts (id, company_id, name, lifecycle, source, campaign, created_at)\n"
    "  SELECT l.rowid, (SELECT min (id) FROM companies WHERE name = l.company),\n"
    "         l.name, 'lead', 'imported_list', l.campaign, '2026-01-01T09:00:00Z'\n"
    "  FROM floor_leads AS l ORDER BY l.rowid;\n"
    "INSERT INTO contact_phones (contact_id, position, number)\n"
    "  SELECT l.rowid, 0, '+972' || substr (replace (l.phone, '-', ''), 2)\n"
    "  FROM floor_leads AS l ORDER BY l.rowid;\n"
    "INSERT INTO contact_emails (contact_id, position, address)\n"
    "  SELECT l.rowid, 0, l.email FROM floor_leads AS l ORDER BY l.rowid;\n"
    "INSERT INTO activities (contact_id, kind, note, at)\n"
    "  SELECT l.rowid, 'note', l.note, '2026-01-01T09:00:00Z' FROM floor_leads AS l\n"
    "  WHERE l.note <> '' ORDER BY l.rowid;\n"
    "COMMIT;\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *db_path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *script_path = g_build_filename (dir, "floor.sql", NULL);
  g_autofree char *text = NULL;
  g_autofree char *read = NULL;

  if (shell == NULL)
    return -1;

  /* The store made the schema and its journal mode; it is closed before
   * the shell opens the file. */
  g_object_unref (make_store (db_path));

  text = g_strdup_printf (script, csv_path);
  if (!g_file_set_contents (script_path, text, -1, &error))
    g_error ("%s", error->message);

  read = g_strdup_printf (".read '%s'", script_path);

  return run_shell_timed (shell, db_path, read, "contacts", n_rows);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  /* The databases with their -wal and -shm files, and the list. */
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  guint n_rows = DEFAULT_ROWS;
  double shell_s, floor_s, read_s, import_s, read2_s, validate_s, commit_s;
  double import_cpu, validate_cpu, commit_cpu;

  setlocale (LC_ALL, "");

  if (argc > 1)
    n_rows = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  if (n_rows == 0)
    n_rows = DEFAULT_ROWS;

  dir = g_dir_make_tmp ("deals-bench-import-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  csv_path = g_build_filename (dir, "leads.csv", NULL);

  bytes = make_list (n_rows);
  if (!g_file_set_contents (csv_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);

  /* Figures of a debug build say little about the code: say which it is. */
  g_print ("Lead list: %u rows, %.1f MB, %u processors, %s build\n",
           n_rows, g_bytes_get_size (bytes) / 1e6, g_get_num_processors (), BENCH_BUILD_TYPE);

  shell_s = shell_import (dir, csv_path, n_rows);
  floor_s = shell_into_schema (dir, csv_path, n_rows);

  /* The import as one step: read the file, then commit, which checks every
   * row while it writes. */
  {
    g_autofree char *db_path = g_build_filename (dir, "import.db", NULL);
    g_autoptr(CrmStore) store = make_store (db_path);
    g_autoptr(CrmCsvImport) import = read_list (csv_path, &read_s);

    import_s = import_list (import, store, n_rows, &import_cpu);

    g_print ("Encoding %s, delimiter '%c', %u rows read\n",
             crm_csv_import_get_encoding (import), crm_csv_import_get_delimiter (import),
             crm_csv_import_get_n_rows (import));
  }

  /* The import dialog's way: validate, show the problems, then commit. */
  {
    g_autofree char *db_path = g_build_filename (dir, "validated.db", NULL);
    g_autoptr(CrmStore) store = make_store (db_path);
    g_autoptr(CrmCsvImport) import = read_list (csv_path, &read2_s);
    g_autoptr(GPtrArray) problems = NULL;
    gint64 start = g_get_monotonic_time ();
    double cpu_start = cpu_seconds ();

    problems = crm_csv_import_validate (import, store, &error);
    if (problems == NULL)
      g_error ("%s", error->message);
    if (problems->len > 0)
      {
        g_autofree char *first = crm_csv_problem_to_string (g_ptr_array_index (problems, 0));

        g_error ("The generated list has %u problems, the first: %s", problems->len, first);
      }
    validate_s = (g_get_monotonic_time () - start) / 1e6;
    validate_cpu = cpu_seconds () - cpu_start;

    commit_s = import_list (import, store, n_rows, &commit_cpu);
  }

  g_print ("Side by side, file to committed rows:\n");
  if (shell_s >= 0)
    g_print ("  sqlite3 shell .import   %6.3f s  (text columns, no checks)\n", shell_s);
  else
    g_print ("  sqlite3 shell .import   not run: no sqlite3 in PATH\n");
  if (floor_s >= 0)
    g_print ("  shell into Deals' schema %5.3f s  (the same rows by INSERT … SELECT, no checks)\n", floor_s);
  g_print ("  Deals import            %6.3f s  %8.0f rows/s\n",
           read_s + import_s, n_rows / (read_s + import_s));
  g_print ("    read and split        %6.3f s\n", read_s);
  g_print ("    checks and writes     %6.3f s  (processor time %.3f s)\n", import_s, import_cpu);
  if (shell_s > 0)
    g_print ("  ratio                   %6.1f ×  (target at most 3 ×)\n", (read_s + import_s) / shell_s);
  if (shell_s > 0 && floor_s > 0)
    g_print ("  ratio of Deals' schema  %6.1f ×  (SQLite alone, the floor of Deals' ratio)\n",
             floor_s / shell_s);
  if (floor_s > 0)
    g_print ("  Deals beside that floor %6.1f ×\n", (read_s + import_s) / floor_s);
  g_print ("Validate, then commit:\n");
  g_print ("  read and split          %6.3f s\n", read2_s);
  g_print ("  validate alone          %6.3f s  %8.0f rows/s  (processor time %.3f s)\n",
           validate_s, n_rows / validate_s, validate_cpu);
  g_print ("  commit after validating %6.3f s  %8.0f rows/s  (processor time %.3f s)\n",
           commit_s, n_rows / commit_s, commit_cpu);

  remove_dir (dir);

  return 0;
}
