/* bench-quote.c
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

/* Prints the figures of a quote's PDF (issue 9), side by side in one run,
 * on a demo quote of the TW procedure in Hebrew (₪):
 *
 *  1. the quote rendered in process by crm_quote_document_render(), and
 *     the same text laid out by bare Pango and cairo on a PDF surface, the
 *     floor any layout of it pays (target: at most twice the floor);
 *  2. `deals --render-quote` as a whole process, and the same quote as an
 *     HTML file turned into PDF by wkhtmltopdf and by WeasyPrint (target:
 *     Deals at least 20 times faster than wkhtmltopdf);
 *  3. the quote with 500 lines (target: under 1 s), and its pages;
 *  4. with a display, the editor's preview after one keystroke in a line's
 *     description: to the new page shown (target: under 100 ms), and the
 *     longest main-loop stall meanwhile (target: at most 16 ms).
 *
 * Each figure is the median of several runs. It is a benchmark, not a
 * test: it prints, it does not judge. */

#include "config.h"
#include "bench-config.h"
#include "bench-floor.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "../tests/crm-test-common.h"
#include "crm-doc-strings.h"
#include "crm-pdf.h"
#include "crm-quote-document.h"
#include "crm-quote-editor.h"
#include "crm-quote-line.h"
#include "crm-quote-preview.h"
#include "crm-quote-variant.h"
#include "crm-quote-variant-page.h"

#define LANGUAGE      "he"
#define N_DEMO_DEALS  40
#define LONG_LINES    500

/* Runs: in process, as whole processes, of the 500-line quote, and
 * keystrokes in the editor. */
static guint n_runs = 20;
static guint n_process_runs = 5;
static guint n_long_runs = 5;
static guint n_keystrokes = 10;

/* Medians */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of @times (ms); sorts them. */
static double
median (GArray *times)
{
  guint n = times->len;

  if (n == 0)
    return 0;

  g_array_sort (times, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (times, double, n / 2);

  return (g_array_index (times, double, n / 2 - 1) + g_array_index (times, double, n / 2)) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The store: a real demo quote */

typedef struct
{
  char     *dir;
  char     *path;
  CrmStore *store;
  CrmQuote *quote;     /* a draft of the TW template, in Hebrew */
} Bench;

/* The demo writes two draft quotes from the procedure's template on the
 * deals at the top of the board; the first one found is the bench's. */
static CrmQuote *
find_demo_quote (CrmStore *store)
{
  for (gint64 deal_id = 1; deal_id <= 10 * N_DEMO_DEALS; deal_id++)
    {
      g_autoptr(GListModel) quotes = crm_store_get_deal_quotes (store, deal_id);

      if (g_list_model_get_n_items (quotes) > 0)
        return g_list_model_get_item (quotes, 0);
    }

  return NULL;
}

/* A store as the tests make it: a fresh folder, the TW procedure, demo
 * deals with their draft quotes. */
static gboolean
bench_open (Bench *bench)
{
  bench->dir = crm_test_make_dir ("deals-bench-quote-XXXXXX");
  bench->path = crm_test_db_path (bench->dir);
  bench->store = crm_test_store_new (bench->path, "tw");
  crm_test_populate (bench->store, N_DEMO_DEALS, 42);

  if ((bench->quote = find_demo_quote (bench->store)) == NULL)
    {
      g_printerr ("bench-quote: the demo wrote no quote\n");
      return FALSE;
    }

  /* As `deals --render-quote … --language he` does: nothing stored. */
  crm_quote_set_language (bench->quote, LANGUAGE);
  return TRUE;
}

static void
bench_close (Bench *bench)
{
  g_clear_object (&bench->quote);
  g_clear_object (&bench->store);
  if (bench->dir != NULL)
    crm_test_remove_dir (bench->dir);
  g_free (bench->path);
  g_free (bench->dir);
}

static CrmQuoteVariant *
first_variant (CrmQuote *quote)
{
  return g_list_model_get_item (crm_quote_get_variants (quote), 0);
}

static guint
count_lines (CrmQuote *quote)
{
  GListModel *variants = crm_quote_get_variants (quote);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, i);

      n += g_list_model_get_n_items (crm_quote_variant_get_lines (variant));
    }

  return n;
}

static guint
count_pages (GBytes *pdf)
{
  g_autoptr(CrmPdfDocument) document = crm_pdf_open (pdf, NULL);

  return document != NULL ? crm_pdf_get_n_pages (document) : 0;
}

/* 1. In process, against bare Pango and cairo */

/* The text of the document's first page, as poppler reads it back: the
 * same words, numbers and money the document shows, one line each. */
static char **
document_lines (GBytes *pdf)
{
  g_autoptr(CrmPdfDocument) document = crm_pdf_open (pdf, NULL);
  g_autofree char *text = document != NULL ? crm_pdf_dup_page_text (document, 0) : NULL;

  return g_strsplit (text != NULL ? text : "", "\n", -1);
}

static GBytes *
render_median (CrmQuote  *quote,
               guint      runs,
               double    *out_median)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GBytes *pdf = NULL;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      g_clear_pointer (&pdf, g_bytes_unref);
      pdf = crm_quote_document_render (quote, &error);
      elapsed = ms_since (start);
      if (pdf == NULL)
        {
          g_print ("  could not render: %s\n", error->message);
          return NULL;
        }
      g_array_append_val (times, elapsed);
    }

  *out_median = median (times);
  return pdf;
}

static void
bench_in_process (Bench *bench)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) lines = NULL;
  double deals_ms, floor_ms;
  guint n_chars = 0;

  g_print ("1. one-page quote in process: crm_quote_document_render() against bare Pango + cairo\n");
  /* The first render of the process loads the fonts: warm up both. */
  g_clear_pointer (&pdf, g_bytes_unref);
  if ((pdf = render_median (bench->quote, 1, &deals_ms)) == NULL)
    return;
  lines = document_lines (pdf);
  bench_floor_render (lines, NULL);
  g_clear_pointer (&pdf, g_bytes_unref);

  if ((pdf = render_median (bench->quote, n_runs, &deals_ms)) == NULL)
    return;
  for (guint i = 0; i < n_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      bench_floor_render (lines, NULL);
      elapsed = ms_since (start);
      g_array_append_val (floor_times, elapsed);
    }
  floor_ms = median (floor_times);
  for (guint i = 0; lines[i] != NULL; i++)
    n_chars += g_utf8_strlen (lines[i], -1);

  g_print ("  the quote: %s, %u lines, %u page(s), %zu bytes; its text: %u lines, %u characters\n",
           crm_quote_get_number (bench->quote), count_lines (bench->quote), count_pages (pdf),
           g_bytes_get_size (pdf), g_strv_length (lines), n_chars);
  g_print ("  Deals:               %7.2f ms (median of %u)\n", deals_ms, n_runs);
  g_print ("  bare Pango + cairo:  %7.2f ms (median of %u)\n", floor_ms, n_runs);
  g_print ("  ratio Deals / floor: %7.2f (target: at most 2)\n", floor_ms > 0 ? deals_ms / floor_ms : 0);
}

/* 3. The long quote */

static CrmQuote *
make_long_quote (CrmQuote *quote)
{
  CrmQuote *copy = crm_quote_copy (quote);
  g_autoptr(CrmQuoteVariant) variant = first_variant (copy);
  GListModel *lines = crm_quote_variant_get_lines (variant);
  guint n_template = g_list_model_get_n_items (lines);

  /* The template's own lines over and over, each numbered, so that every
   * line is shaped afresh. */
  for (guint i = n_template; n_template > 0 && i < LONG_LINES; i++)
    {
      g_autoptr(CrmQuoteLine) model = g_list_model_get_item (lines, i % n_template);
      g_autoptr(CrmQuoteLine) line = crm_quote_line_copy (model);
      g_autofree char *description = g_strdup_printf ("%s (%u)", crm_quote_line_get_description (model), i + 1);

      crm_quote_line_set_description (line, description);
      crm_quote_variant_append_line (variant, line);
    }

  return copy;
}

static void
bench_long (Bench *bench)
{
  g_autoptr(CrmQuote) quote = make_long_quote (bench->quote);
  g_autoptr(GBytes) pdf = NULL;
  double ms;

  g_print ("3. the quote with %u lines in process\n", LONG_LINES);
  if ((pdf = render_median (quote, n_long_runs, &ms)) == NULL)
    return;
  g_print ("  %u lines in all, %u pages, %zu bytes: %.1f ms (median of %u; target: under 1000 ms)\n",
           count_lines (quote), count_pages (pdf), g_bytes_get_size (pdf), ms, n_long_runs);
}

/* 2. Whole processes: deals --render-quote, wkhtmltopdf, WeasyPrint */

static void
append_cell (GString    *html,
             const char *tag,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append_printf (html, "<%s>%s</%s>", tag, escaped, tag);
}

static void
append_money_row (GString    *html,
                  const char *label,
                  gint64      amount,
                  const char *currency)
{
  g_autofree char *money = crm_document_format_money (amount, currency, LANGUAGE);

  g_string_append (html, "<tr class=\"sum\"><td colspan=\"5\">");
  g_string_append (html, label);
  g_string_append (html, "</td>");
  append_cell (html, "td", money);
  g_string_append (html, "</tr>\n");
}

static void
append_pair (GString    *html,
             const char *label,
             const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "", -1);

  g_string_append_printf (html, "<p><b>%s</b> %s</p>\n", label, escaped);
}

/* The variant's payment schedule, as Deals' document shows it: each
 * charge, its amount and its instalments. */
static void
append_schedule (GString         *html,
                 CrmQuote        *quote,
                 CrmQuoteVariant *variant)
{
  g_autoptr(GArray) charges = crm_quote_compute_schedule (quote, variant, NULL);
  const char *currency = crm_quote_get_currency (quote);

  if (charges == NULL || charges->len == 0)
    return;

  append_cell (html, "h3", crm_doc_string (CRM_DOC_SCHEDULE, LANGUAGE));
  g_string_append (html, "<table><tbody>\n");
  for (guint i = 0; i < charges->len; i++)
    {
      const CrmQuoteCharge *charge = &g_array_index (charges, CrmQuoteCharge, i);
      g_autofree char *amount = crm_document_format_money (charge->amount, currency, LANGUAGE);
      g_autofree char *first = crm_document_format_money (charge->first_part, currency, LANGUAGE);
      g_autofree char *then = crm_document_format_money (charge->other_part, currency, LANGUAGE);
      g_autofree char *parts = g_strdup_printf ("%u %s, %s %s, %s %u × %s", charge->installments,
                                                crm_doc_string (CRM_DOC_INSTALMENTS, LANGUAGE),
                                                crm_doc_string (CRM_DOC_FIRST, LANGUAGE), first,
                                                crm_doc_string (CRM_DOC_THEN, LANGUAGE), charge->installments - 1, then);

      g_string_append (html, "<tr>");
      append_cell (html, "td", charge->name);
      append_cell (html, "td", amount);
      append_cell (html, "td", charge->installments > 1 ? parts : "");
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody></table>\n");
}

/* The quote as an HTML page of the kind a web CRM prints: right to left,
 * the header, customer, the lines, totals and payment schedule of each
 * variant, the terms and the signature, with the same words and the same
 * formatted money and dates as Deals' document (but no page numbers,
 * which wkhtmltopdf would draw as a page of HTML of their own). */
static char *
quote_to_html (CrmQuote *quote)
{
  GString *html = g_string_new (NULL);
  GListModel *variants = crm_quote_get_variants (quote);
  const char *currency = crm_quote_get_currency (quote);
  CrmProcedure *procedure = crm_quote_get_procedure (quote);
  const CrmPaymentTerm *term = procedure != NULL && crm_quote_get_payment_term (quote) != NULL
                               ? crm_procedure_find_payment_term (procedure, crm_quote_get_payment_term (quote))
                               : NULL;
  g_autofree char *valid_until = crm_quote_get_valid_until (quote) != NULL
                                 ? crm_document_format_date (crm_quote_get_valid_until (quote), LANGUAGE)
                                 : NULL;
  static const CrmDocString headings[] = {
    CRM_DOC_CODE, CRM_DOC_DESCRIPTION, CRM_DOC_QUANTITY, CRM_DOC_UNIT_PRICE, CRM_DOC_DISCOUNT, CRM_DOC_NET,
  };

  g_string_append (html,
                   "<!DOCTYPE html>\n<html dir=\"rtl\" lang=\"he\"><head><meta charset=\"utf-8\">\n"
                   "<style>@page { size: A4; margin: 20mm }\n"
                   "body { font-family: 'Noto Sans Hebrew', 'Noto Sans', sans-serif; font-size: 9pt }\n"
                   "table { width: 100%; border-collapse: collapse }\n"
                   "th, td { padding: 2pt 4pt; border-bottom: 0.5pt solid #999; text-align: start }\n"
                   "td.n, tr.sum td { text-align: end }\n"
                   ".org { white-space: pre-line }</style></head><body>\n");
  append_cell (html, "h2", crm_quote_get_organization_name (quote));
  g_string_append (html, "<div class=\"org\">");
  g_string_append (html, crm_quote_get_organization_details (quote) ? crm_quote_get_organization_details (quote) : "");
  g_string_append (html, "</div>\n");
  append_cell (html, "h1", crm_doc_string (CRM_DOC_QUOTE, LANGUAGE));
  append_pair (html, crm_doc_string (CRM_DOC_NUMBER, LANGUAGE), crm_quote_get_number (quote));
  append_pair (html, crm_doc_string (CRM_DOC_VALID_UNTIL, LANGUAGE), valid_until);
  append_cell (html, "h3", crm_doc_string (CRM_DOC_CUSTOMER, LANGUAGE));
  append_cell (html, "p", crm_quote_get_customer_name (quote));
  append_cell (html, "p", crm_quote_get_customer_company (quote));
  append_cell (html, "p", crm_quote_get_customer_details (quote));

  for (guint v = 0; v < g_list_model_get_n_items (variants); v++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, v);
      GListModel *lines = crm_quote_variant_get_lines (variant);
      CrmQuoteTotals totals = { 0 };

      append_cell (html, "h3", crm_quote_variant_get_name (variant));
      g_string_append (html, "<table><thead><tr>");
      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        append_cell (html, "th", crm_doc_string (headings[h], LANGUAGE));
      g_string_append (html, "</tr></thead><tbody>\n");

      for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
        {
          g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);
          g_autofree char *quantity = crm_document_format_quantity (crm_quote_line_get_quantity (line), LANGUAGE);
          g_autofree char *price = crm_document_format_money (crm_quote_line_get_unit_price (line), currency, LANGUAGE);
          g_autofree char *discount = g_strdup_printf ("%u%%", crm_quote_line_get_discount (line) / 100);
          g_autofree char *net_text = NULL;
          gint64 net = 0;

          crm_quote_line_compute_net (line, &net, NULL);
          net_text = crm_document_format_money (net, currency, LANGUAGE);
          g_string_append (html, "<tr>");
          append_cell (html, "td", crm_quote_line_get_code (line));
          append_cell (html, "td", crm_quote_line_get_description (line));
          g_string_append (html, "<td class=\"n\">");
          g_string_append (html, quantity);
          g_string_append (html, "</td><td class=\"n\">");
          g_string_append (html, price);
          g_string_append (html, "</td><td class=\"n\">");
          g_string_append (html, discount);
          g_string_append (html, "</td><td class=\"n\">");
          g_string_append (html, net_text);
          g_string_append (html, "</td></tr>\n");
        }

      if (crm_quote_variant_compute_totals (variant, &totals, NULL))
        {
          append_money_row (html, crm_doc_string (CRM_DOC_NET_TOTAL, LANGUAGE), totals.net, currency);
          for (guint r = 0; totals.rates != NULL && r < totals.rates->len; r++)
            {
              CrmVatTotal *rate = &g_array_index (totals.rates, CrmVatTotal, r);
              g_autofree char *label = g_strdup_printf ("%s %u%%", crm_doc_string (CRM_DOC_VAT_AT, LANGUAGE),
                                                        rate->vat_rate / 100);

              append_money_row (html, label, rate->vat, currency);
            }
          append_money_row (html, crm_doc_string (CRM_DOC_TOTAL, LANGUAGE), totals.total, currency);
        }
      crm_quote_totals_clear (&totals);
      g_string_append (html, "</tbody></table>\n");
      append_schedule (html, quote, variant);
    }

  if (term != NULL)
    append_pair (html, crm_doc_string (CRM_DOC_PAYMENT_TERM, LANGUAGE), crm_text_get_for_language (&term->name, LANGUAGE));
  append_pair (html, crm_doc_string (CRM_DOC_VALIDITY, LANGUAGE), valid_until);
  append_cell (html, "p", crm_doc_string (CRM_DOC_SIGNATURE, LANGUAGE));
  g_string_append (html, "</body></html>\n");

  return g_string_free (html, FALSE);
}

/* Runs @argv to its end @runs times; returns the median wall time (ms),
 * or a negative number when it could not run or failed. */
static double
time_process (const char * const *argv,
              const char         *output,
              guint               runs,
              guint              *out_pages)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      g_unlink (output);
      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
      if (process != NULL)
        {
          g_autofree char *err = NULL;

          /* Read to its end so that a chatty tool never blocks on a full
           * pipe; shown only when it fails. */
          if (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error) &&
              !g_subprocess_get_successful (process))
            g_set_error (&error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s exited with %d: %s", argv[0],
                         g_subprocess_get_exit_status (process), err != NULL ? g_strstrip (err) : "");
        }
      elapsed = ms_since (start);
      if (error == NULL && !g_file_test (output, G_FILE_TEST_IS_REGULAR))
        g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s wrote no %s", argv[0], output);
      if (error != NULL)
        {
          g_print ("  %s: could not run: %s\n", argv[0], error->message);
          return -1;
        }
      g_array_append_val (times, elapsed);
    }

  {
    g_autoptr(GMappedFile) file = g_mapped_file_new (output, FALSE, NULL);
    g_autoptr(GBytes) bytes = file != NULL ? g_mapped_file_get_bytes (file) : NULL;

    *out_pages = bytes != NULL ? count_pages (bytes) : 0;
  }

  return median (times);
}

static double
bench_tool (const char *tool,
            const char *html,
            const char *output)
{
  g_autofree char *path = g_find_program_in_path (tool);
  double ms;
  guint pages = 0;

  if (path == NULL)
    {
      g_print ("  %s: not installed (run build-aux/deals-dev bench-deps)\n", tool);
      return -1;
    }

  if (g_str_equal (tool, "wkhtmltopdf"))
    {
      const char *argv[] = { path, "--quiet", "--encoding", "utf-8", "--page-size", "A4", html, output, NULL };

      ms = time_process (argv, output, n_process_runs, &pages);
    }
  else
    {
      const char *argv[] = { path, "--quiet", html, output, NULL };

      ms = time_process (argv, output, n_process_runs, &pages);
    }

  if (ms >= 0)
    g_print ("  %-28s %8.1f ms (median of %u), %u page(s)\n", tool, ms, n_process_runs, pages);

  return ms;
}

static void
print_ratio (const char *tool,
             double      tool_ms,
             double      deals_ms,
             const char *target)
{
  if (tool_ms > 0 && deals_ms > 0)
    g_print ("  %s / deals: %.1f×%s\n", tool, tool_ms / deals_ms, target);
}

/* What the process costs before it does anything: `deals --version`
 * starts and ends the same program, reading no database and no font. */
static void
bench_start_only (void)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { BENCH_DEALS, "--version", NULL };

  for (guint i = 0; i < n_process_runs; i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
      if (process == NULL || !g_subprocess_wait_check (process, NULL, NULL))
        return;
      elapsed = ms_since (start);
      g_array_append_val (times, elapsed);
    }

  g_print ("    of which the process's start and end (deals --version): %.1f ms (median of %u)\n",
           median (times), n_process_runs);
}

/* The same quote's text drawn by a process that links Pango and cairo
 * only (bench-quote-floor): what a whole process pays at least to lay a
 * quote out with Pango, whatever else it does. */
static double
bench_process_floor (Bench *bench)
{
  g_autofree char *lines_path = g_build_filename (bench->dir, "lines.txt", NULL);
  g_autofree char *output = g_build_filename (bench->dir, "floor.pdf", NULL);
  g_autoptr(GBytes) pdf = crm_quote_document_render (bench->quote, NULL);
  g_auto(GStrv) lines = pdf != NULL ? document_lines (pdf) : NULL;
  g_autofree char *text = lines != NULL ? g_strjoinv ("\n", lines) : NULL;
  const char *argv[] = { BENCH_QUOTE_FLOOR, lines_path, output, NULL };
  guint pages = 0;
  double ms;

  if (text == NULL || !g_file_set_contents (lines_path, text, -1, NULL))
    return -1;

  ms = time_process (argv, output, n_process_runs, &pages);
  if (ms >= 0)
    g_print ("  %-28s %8.1f ms (median of %u), %u page(s)\n", "bare Pango + cairo process", ms,
             n_process_runs, pages);

  return ms;
}

static void
bench_processes (Bench *bench)
{
  g_autofree char *output = g_build_filename (bench->dir, "deals.pdf", NULL);
  g_autofree char *html_path = g_build_filename (bench->dir, "quote.html", NULL);
  g_autofree char *html_output = g_build_filename (bench->dir, "html.pdf", NULL);
  g_autofree char *html = quote_to_html (bench->quote);
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    BENCH_DEALS, "--database", bench->path, "--render-quote", crm_quote_get_number (bench->quote),
    "--output", output, "--language", LANGUAGE, NULL
  };
  double deals_ms, floor_ms, wkhtml_ms, weasy_ms;
  guint pages = 0;

  g_print ("2. whole processes: deals --render-quote against the quote as HTML (%zu bytes)\n", strlen (html));
  if (!g_file_set_contents (html_path, html, -1, &error))
    {
      g_print ("  could not write the HTML: %s\n", error->message);
      return;
    }

  deals_ms = time_process (argv, output, n_process_runs, &pages);
  if (deals_ms >= 0)
    g_print ("  %-28s %8.1f ms (median of %u), %u page(s)\n", "deals --render-quote", deals_ms, n_process_runs, pages);
  bench_start_only ();
  floor_ms = bench_process_floor (bench);
  wkhtml_ms = bench_tool ("wkhtmltopdf", html_path, html_output);
  weasy_ms = bench_tool ("weasyprint", html_path, html_output);
  print_ratio ("wkhtmltopdf", wkhtml_ms, deals_ms, " (target: at least 20×)");
  print_ratio ("weasyprint", weasy_ms, deals_ms, "");
  if (wkhtml_ms > 0 && floor_ms > 0)
    g_print ("  wkhtmltopdf / the Pango floor process: %.1f× (the most any Pango renderer's process can reach)\n",
             wkhtml_ms / floor_ms);
}

/* 4. The preview after a keystroke */

/* The main loop's busy time: an iteration's wall time less the time it
 * spent blocked in poll(), which is waiting, not work (as bench-board). */
static gint64 polled;

static gint
metered_poll (GPollFD *fds,
              guint    nfds,
              gint     timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint ret = g_poll (fds, nfds, timeout);

  polled += g_get_monotonic_time () - start;
  return ret;
}

/* One main-loop iteration, blocking; returns its busy time in µs. */
static gint64
iterate_once (void)
{
  gint64 start = g_get_monotonic_time ();

  polled = 0;
  g_main_context_iteration (NULL, TRUE);

  return g_get_monotonic_time () - start - polled;
}

/* One iteration, @longest raised to its busy time when that is longer. */
static void
iterate_noting (gint64 *longest)
{
  gint64 busy = iterate_once ();

  *longest = MAX (*longest, busy);
}

static gboolean
wake_cb (gpointer data)
{
  gboolean *woken = data;

  *woken = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms; returns its longest busy iteration (µs). */
static gint64
run_for (guint ms)
{
  gboolean woken = FALSE;
  gint64 longest = 0;

  g_timeout_add (ms, wake_cb, &woken);
  while (!woken)
    iterate_noting (&longest);

  return longest;
}

typedef struct
{
  guint  n_frames;
  gint64 painted_at;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->n_frames++;
  frames->painted_at = g_get_monotonic_time ();
}

static gboolean
preview_ready (CrmQuotePreview *preview)
{
  return !crm_quote_preview_get_busy (preview) && crm_quote_preview_get_generation (preview) > 0;
}

/* What one keystroke cost, in ms; all doubles, one array each. */
typedef struct
{
  double texture_ms;   /* to the preview's new texture */
  double shown_ms;     /* to the frame that shows it */
  double stall_ms;     /* the longest busy iteration on the way: */
  double input_ms;     /*   the keystroke's own handlers */
  double waiting_ms;   /*   while the preview waited and rendered */
  double frame_ms;     /*   from the texture to the frame */
} Keystroke;

/* One keystroke: a letter added at the end of the first line's
 * description, in its cell as the column view has it (or on the line when
 * the row is not built, said in @in_cell). Measures to the preview's new
 * texture, to the frame that shows it, and the longest busy iteration on
 * the way; FALSE when the preview did not follow in 10 s. */
static gboolean
keystroke (CrmQuoteEditor *editor,
           Frames         *frames,
           guint           n,
           gboolean       *in_cell,
           Keystroke      *out)
{
  CrmQuotePreview *preview = CRM_QUOTE_PREVIEW (crm_quote_editor_get_preview (editor));
  CrmQuoteVariantPage *page = CRM_QUOTE_VARIANT_PAGE (crm_quote_editor_get_variant_page (editor, 0));
  GtkEntry *cell = crm_quote_variant_page_get_cell (page, 0, "description");
  guint generation = crm_quote_preview_get_generation (preview);
  gint64 start, texture_at = 0, deadline, input, waiting = 0, frame = 0;
  guint frames_then = 0;
  const char *letter = n % 2 == 0 ? "א" : "ב";

  start = g_get_monotonic_time ();
  deadline = start + 10 * G_USEC_PER_SEC;
  if (cell != NULL)
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (cell), letter, -1, &position);
    }
  else
    {
      g_autoptr(CrmQuoteVariant) variant = first_variant (crm_quote_editor_get_quote (editor));
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (crm_quote_variant_get_lines (variant), 0);
      g_autofree char *text = g_strconcat (crm_quote_line_get_description (line), letter, NULL);

      crm_quote_line_set_description (line, text);
    }
  /* The keystroke's own handlers ran in this iteration of the loop. */
  input = g_get_monotonic_time () - start;

  while (g_get_monotonic_time () < deadline)
    {
      iterate_noting (texture_at == 0 ? &waiting : &frame);
      if (texture_at == 0 && crm_quote_preview_get_generation (preview) > generation)
        {
          texture_at = g_get_monotonic_time ();
          frames_then = frames->n_frames;
        }
      if (texture_at != 0 && frames->n_frames > frames_then)
        break;
    }

  if (texture_at == 0 || frames->n_frames == frames_then)
    return FALSE;

  out->texture_ms = (texture_at - start) / 1000.0;
  out->shown_ms = (frames->painted_at - start) / 1000.0;
  out->input_ms = input / 1000.0;
  out->waiting_ms = waiting / 1000.0;
  out->frame_ms = frame / 1000.0;
  out->stall_ms = MAX (MAX (out->input_ms, out->waiting_ms), out->frame_ms);
  *in_cell &= cell != NULL;
  return TRUE;
}

static void
bench_preview (Bench *bench)
{
  static Frames frames;
  GArray *figures[sizeof (Keystroke) / sizeof (double)];
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  CrmQuoteEditor *editor;
  CrmQuotePreview *preview;
  gint64 deadline, after_stall = 0;
  double worst_stall = 0;
  gboolean in_cell = TRUE;
  guint n_done = 0;

  g_print ("4. the editor's preview after one keystroke\n");
  if (!gtk_init_check ())
    {
      g_print ("  no display: run it under xvfb-run (see the README)\n");
      return;
    }
  adw_init ();
  g_main_context_set_poll_func (NULL, metered_poll);

  if ((quote = crm_store_load_quote (bench->store, crm_quote_get_id (bench->quote), &error)) == NULL)
    {
      g_print ("  could not load the quote: %s\n", error->message);
      return;
    }

  editor = CRM_QUOTE_EDITOR (crm_quote_editor_new (bench->store, quote));
  preview = CRM_QUOTE_PREVIEW (crm_quote_editor_get_preview (editor));
  gtk_window_set_default_size (GTK_WINDOW (editor), 1400, 900);
  gtk_widget_realize (GTK_WIDGET (editor));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (editor)), "after-paint",
                    G_CALLBACK (after_paint_cb), &frames);
  gtk_window_present (GTK_WINDOW (editor));

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!preview_ready (preview) && g_get_monotonic_time () < deadline)
    iterate_once ();
  if (!preview_ready (preview))
    {
      g_print ("  the preview showed nothing in 30 s%s%s\n", crm_quote_preview_get_error (preview) ? ": " : "",
               crm_quote_preview_get_error (preview) ? crm_quote_preview_get_error (preview) : "");
      gtk_window_destroy (GTK_WINDOW (editor));
      return;
    }
  /* Let the first render's frames and the window's settling pass. */
  run_for (1000);

  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    figures[f] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_keystrokes; i++)
    {
      Keystroke figure;

      if (!keystroke (editor, &frames, i, &in_cell, &figure))
        {
          g_print ("  keystroke %u: the preview did not follow in 10 s\n", i + 1);
          break;
        }
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        g_array_append_val (figures[f], ((double *)&figure)[f]);
      worst_stall = MAX (worst_stall, figure.stall_ms);
      n_done++;
      /* The draft saves itself CRM_QUOTE_EDITOR_SAVE_DELAY_MS after the
       * edit: wait it out, and say what it cost the main loop. */
      after_stall = MAX (after_stall, run_for (CRM_QUOTE_EDITOR_SAVE_DELAY_MS + 400));
    }

#define FIGURE(field) median (figures[G_STRUCT_OFFSET (Keystroke, field) / sizeof (double)])
  if (n_done > 0)
    {
      g_print ("  the edit: a letter typed into the first line's description %s\n",
               in_cell ? "cell" : "(set on the line: no cell was built)");
      g_print ("  keystroke to the new page shown: %.1f ms (median of %u; target: under 100 ms), "
               "of which the preview's wait for quiet %u ms\n",
               FIGURE (shown_ms), n_done, CRM_QUOTE_PREVIEW_DELAY_MS);
      g_print ("    to the new texture set: %.1f ms (median)\n", FIGURE (texture_ms));
      g_print ("  longest main-loop stall during it: %.1f ms median, %.1f ms worst (target: at most 16 ms)\n",
               FIGURE (stall_ms), worst_stall);
      g_print ("    medians of its parts: the keystroke's handlers %.1f ms, while the preview waited and "
               "rendered %.1f ms, from the texture to its frame %.1f ms\n",
               FIGURE (input_ms), FIGURE (waiting_ms), FIGURE (frame_ms));
      g_print ("  longest main-loop stall in the %u ms after, the draft's autosave included: %.1f ms\n",
               CRM_QUOTE_EDITOR_SAVE_DELAY_MS + 400, after_stall / 1000.0);
    }
#undef FIGURE
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    g_array_unref (figures[f]);

  gtk_window_destroy (GTK_WINDOW (editor));
  /* A render under way holds the preview until it ends. */
  run_for (500);
}

static void
print_build (void)
{
  g_print ("build: %s, -O%s, ndebug %s\n", BENCH_BUILDTYPE, BENCH_OPTIMIZATION, BENCH_NDEBUG);
  g_print ("cairo %s, Pango %s, poppler %s, GLib %u.%u.%u\n", cairo_version_string (), pango_version_string (),
           poppler_get_version (), glib_major_version, glib_minor_version, glib_micro_version);
  g_print ("runs: %u in process, %u of each process, %u of the %u-line quote, %u keystrokes\n",
           n_runs, n_process_runs, n_long_runs, LONG_LINES, n_keystrokes);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  setvbuf (stdout, NULL, _IOLBF, 0);

  if (argc > 1)
    n_runs = MAX (1, atoi (argv[1]));
  if (argc > 2)
    n_process_runs = MAX (1, atoi (argv[2]));
  if (argc > 3 || (argc > 1 && atoi (argv[1]) <= 0))
    {
      g_printerr ("usage: bench-quote [RUNS [PROCESS-RUNS]]\n"
                  "  RUNS: renders in process (20); PROCESS-RUNS: runs of each whole process (5)\n");
      return 2;
    }

  print_build ();
  if (!bench_open (&bench))
    {
      bench_close (&bench);
      return 1;
    }

  bench_in_process (&bench);
  bench_processes (&bench);
  bench_long (&bench);
  bench_preview (&bench);

  bench_close (&bench);
  return 0;
}
