/* test-quote-document.c
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

/* Quotes rendered to PDF and read back through poppler: the text of each
 * page against what the quote holds, in en, he and ru; pages and their
 * numbers; the header repeated; the fonts; the draft mark (TW-6); the bad
 * input of issue 9 (bidi controls, long and mixed text, logos, fonts);
 * two renders at once; the metadata. No display. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "../crm-test-common.h"
#include "crm-doc-private.h"
#include "crm-doc-strings.h"
#include "crm-pdf.h"
#include "crm-procedure.h"
#include "crm-quote-document.h"

#define NUMBER      "Q-2026-0042"
#define VALID_UNTIL "2027-01-06"

typedef struct
{
  const char *language;
  const char *organization;
  const char *details;
  const char *customer;
  const char *company;
  const char *customer_details;
  const char *descriptions[2];
} Sample;

static const Sample samples[] = {
  { "en", "Time & Work Ltd", "12 Herzl St\nTel Aviv", "Dana Levi", "Levi Bakeries",
    "3 Harbour Rd, Haifa", { "Attendance clock TW-200", "Payroll module, one year" } },
  { "he", "טיים אנד וורק בע״מ", "רחוב הרצל 12\nתל אביב", "דנה לוי", "מאפיות לוי",
    /* Not "דרך הנמל 3, חיפה": poppler takes a comma after a number in a
     * right-to-left line into the number's word and gives back "‭,3‬". */
    "חיפה, דרך הנמל 3", { "שעון נוכחות TW-200", "מודול שכר לשנה" } },
  { "ru", "ООО «Время и труд»", "ул. Ленина, 12\nМосква", "Анна Петрова", "ООО «Радиатор»",
    "Москва, ул. Мира, 5", { "Терминал учёта TW-200", "Модуль расчёта зарплаты" } },
};

static CrmQuoteLine *
make_line (const char     *code,
           const char     *description,
           gint64          quantity,
           gint64          unit_price,
           guint           discount,
           CrmProductKind  kind)
{
  CrmQuoteLine *line = crm_quote_line_new ();

  crm_quote_line_set_code (line, code);
  crm_quote_line_set_description (line, description);
  crm_quote_line_set_quantity (line, quantity);
  crm_quote_line_set_unit_price (line, unit_price);
  crm_quote_line_set_discount (line, discount);
  crm_quote_line_set_vat_rate (line, 1800);
  crm_quote_line_set_kind (line, kind);

  return line;
}

static CrmQuoteVariant *
first_variant (CrmQuote *quote)
{
  return g_list_model_get_item (crm_quote_get_variants (quote), 0);
}

/* A TW quote as the store would hand it over: numbered, dated, with the
 * organisation's header and the customer's block, no lines yet. */
static CrmQuote *
make_empty_quote (const Sample *sample)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("tw", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 12, 7, 9, 30, 0);
  CrmQuote *quote;

  g_assert_nonnull (procedure);
  quote = crm_quote_new (procedure, sample->language, "ILS");
  _crm_quote_set_stored (quote, 1, 1, NUMBER, 1, CRM_QUOTE_DRAFT, CRM_QUOTE_APPROVAL_NONE, created, NULL);
  crm_quote_set_valid_until (quote, VALID_UNTIL);
  crm_quote_set_organization (quote, sample->organization, sample->details, NULL);
  crm_quote_set_customer (quote, sample->customer, sample->company, sample->customer_details);

  return quote;
}

/* A clock and a module, at 2 % off the clock. */
static CrmQuote *
make_quote (const Sample *sample)
{
  CrmQuote *quote = make_empty_quote (sample);
  g_autoptr(CrmQuoteVariant) variant = first_variant (quote);
  g_autoptr(CrmQuoteLine) clock = make_line ("TW-200", sample->descriptions[0], 2000, 189000, 200,
                                             CRM_PRODUCT_HARDWARE);
  g_autoptr(CrmQuoteLine) module = make_line ("TW-PAY", sample->descriptions[1], 1500, 120000, 0,
                                              CRM_PRODUCT_SOFTWARE);

  crm_quote_variant_append_line (variant, clock);
  crm_quote_variant_append_line (variant, module);

  return quote;
}

static CrmQuote *
make_long_quote (guint n_lines)
{
  CrmQuote *quote = make_empty_quote (&samples[0]);
  g_autoptr(CrmQuoteVariant) variant = first_variant (quote);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *code = g_strdup_printf ("L-%03u", i + 1);
      g_autofree char *description = g_strdup_printf ("Line number %u", i + 1);
      g_autoptr(CrmQuoteLine) line = make_line (code, description, 1000, 1000 + i, 0, CRM_PRODUCT_SERVICE);

      crm_quote_variant_append_line (variant, line);
    }

  return quote;
}

static PopplerDocument *
render (CrmQuote *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = crm_quote_document_render (quote, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  document = crm_pdf_open (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static char *
page_text (PopplerDocument *document,
           guint            index)
{
  char *text = crm_pdf_dup_page_text (document, index);

  g_assert_nonnull (text);
  return text;
}

/* Every page's text, whitespace removed, one string. */
static char *
document_text (PopplerDocument *document)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);
      g_autofree char *stripped = crm_test_dup_without_layout_spaces (text);

      g_string_append (all, stripped);
    }

  return g_string_free (all, FALSE);
}

static int
longer_first (gconstpointer a,
              gconstpointer b)
{
  return (int)strlen (*(const char * const *)b) - (int)strlen (*(const char * const *)a);
}

/* Takes each of @pieces out of @text (whitespace removed on both sides),
 * the longer first so that a short word is not found inside a long one;
 * asserts that each was there. Returns what is left. */
static char *
take_pieces (const char *text,
             GPtrArray  *pieces)
{
  char *rest = crm_test_dup_without_layout_spaces (text);

  g_ptr_array_sort (pieces, longer_first);
  for (guint i = 0; i < pieces->len; i++)
    {
      g_autofree char *piece = crm_test_dup_without_layout_spaces (g_ptr_array_index (pieces, i));
      char *found = strstr (rest, piece);

      if (*piece == '\0')
        continue;
      if (found == NULL)
        g_test_message ("«%s» is not in what is left: «%s»", piece, rest);
      g_assert_nonnull (found);
      memmove (found, found + strlen (piece), strlen (found + strlen (piece)) + 1);
    }

  return rest;
}

/* @text is @pieces, nothing missing and nothing more. */
static void
assert_text_is (const char *text,
                GPtrArray  *pieces)
{
  g_autofree char *rest = take_pieces (text, pieces);

  if (*rest != '\0')
    g_test_message ("left over: «%s»", rest);
  g_assert_cmpstr (rest, ==, "");
}

static void
add_piece (GPtrArray  *pieces,
           const char *piece)
{
  g_ptr_array_add (pieces, g_strdup (piece));
}

static void
add_string (GPtrArray    *pieces,
            CrmDocString  id,
            const char   *language)
{
  add_piece (pieces, crm_doc_string (id, language));
}

static void
add_money (GPtrArray  *pieces,
           gint64      minor,
           const char *language)
{
  g_ptr_array_add (pieces, crm_document_format_money (minor, "ILS", language));
}

/* What the quote shows, worked out from the model and the string table
 * rather than from the renderer's code. */
static GPtrArray *
expected_pieces (CrmQuote     *quote,
                 const Sample *sample)
{
  const char *lang = sample->language;
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmQuoteVariant) variant = first_variant (quote);
  GListModel *lines = crm_quote_variant_get_lines (variant);
  CrmQuoteTotals totals = { 0 };
  g_autoptr(GArray) charges = NULL;
  g_autofree char *valid = crm_document_format_date (VALID_UNTIL, lang);
  g_autofree char *created = crm_document_format_date ("2026-12-07", lang);
  const CrmPaymentTerm *term = crm_procedure_find_payment_term (crm_quote_get_procedure (quote),
                                                                crm_quote_get_payment_term (quote));
  g_autofree char *page = g_strdup_printf (crm_doc_string (CRM_DOC_PAGE_OF, lang), 1, 1);
  g_autofree char *customer = g_strdup_printf ("%s · %s", sample->customer, sample->company);

  add_piece (pieces, sample->organization);
  add_piece (pieces, sample->details);
  add_string (pieces, CRM_DOC_QUOTE, lang);
  add_string (pieces, CRM_DOC_NUMBER, lang);
  add_piece (pieces, NUMBER);
  add_string (pieces, CRM_DOC_DATE, lang);
  add_piece (pieces, created);
  add_string (pieces, CRM_DOC_VALID_UNTIL, lang);
  add_piece (pieces, valid);
  add_string (pieces, CRM_DOC_CUSTOMER, lang);
  add_piece (pieces, customer);
  add_piece (pieces, sample->customer_details);
  add_piece (pieces, crm_quote_variant_get_name (variant));
  for (CrmDocString id = CRM_DOC_CODE; id <= CRM_DOC_NET; id++)
    add_string (pieces, id, lang);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);
      gint64 net = 0;

      g_assert_true (crm_quote_line_compute_net (line, &net, NULL));
      add_piece (pieces, crm_quote_line_get_code (line));
      add_piece (pieces, crm_quote_line_get_description (line));
      g_ptr_array_add (pieces, crm_document_format_quantity (crm_quote_line_get_quantity (line), lang));
      add_money (pieces, crm_quote_line_get_unit_price (line), lang);
      if (crm_quote_line_get_discount (line) != 0)
        {
          g_autofree char *number = crm_document_format_quantity (crm_quote_line_get_discount (line) * 10, lang);

          g_ptr_array_add (pieces, g_strconcat (number, "%", NULL));
        }
      add_money (pieces, net, lang);
    }

  g_assert_true (crm_quote_variant_compute_totals (variant, &totals, NULL));
  add_string (pieces, CRM_DOC_NET_TOTAL, lang);
  add_money (pieces, totals.net, lang);
  for (guint i = 0; i < totals.rates->len; i++)
    {
      const CrmVatTotal *rate = &g_array_index (totals.rates, CrmVatTotal, i);
      g_autofree char *number = crm_document_format_quantity (rate->vat_rate * 10, lang);

      add_string (pieces, CRM_DOC_VAT_AT, lang);
      g_ptr_array_add (pieces, g_strconcat (number, "%", NULL));
      add_money (pieces, rate->vat, lang);
    }
  add_string (pieces, CRM_DOC_TOTAL, lang);
  add_money (pieces, totals.total, lang);

  /* TW-7: the clock before it ships, the module after the training, each
   * in the TW-6 card instalments. */
  charges = crm_quote_compute_schedule (quote, variant, NULL);
  g_assert_nonnull (charges);
  g_assert_cmpuint (charges->len, ==, 2);
  add_string (pieces, CRM_DOC_SCHEDULE, lang);
  for (guint i = 0; i < charges->len; i++)
    {
      const CrmQuoteCharge *charge = &g_array_index (charges, CrmQuoteCharge, i);

      add_piece (pieces, charge->name);
      add_money (pieces, charge->amount, lang);
      if (charge->installments > 1)
        {
          g_ptr_array_add (pieces, g_strdup_printf ("%u", charge->installments));
          add_string (pieces, CRM_DOC_INSTALMENTS, lang);
          add_string (pieces, CRM_DOC_FIRST, lang);
          add_money (pieces, charge->first_part, lang);
          add_string (pieces, CRM_DOC_THEN, lang);
          g_ptr_array_add (pieces, g_strdup_printf ("%u×", charge->installments - 1));
          add_money (pieces, charge->other_part, lang);
        }
    }

  g_assert_nonnull (term);
  add_string (pieces, CRM_DOC_PAYMENT_TERM, lang);
  add_piece (pieces, crm_text_get_for_language (&term->name, lang));
  add_string (pieces, CRM_DOC_VALIDITY, lang);
  add_piece (pieces, valid);
  add_string (pieces, CRM_DOC_SIGNATURE, lang);
  add_piece (pieces, page);

  crm_quote_totals_clear (&totals);
  return pieces;
}

/* The text poppler extracts is the text the quote shows, nothing missing
 * and nothing extra, in the quote's language. */
static void
test_text (gconstpointer data)
{
  const Sample *sample = data;
  g_autoptr(CrmQuote) quote = make_quote (sample);
  g_autoptr(CrmPdfDocument) document = render (quote);
  g_autoptr(GPtrArray) pieces = expected_pieces (quote, sample);
  g_autofree char *text = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  text = page_text (document, 0);
  assert_text_is (text, pieces);
}

static CrmQuote *
make_one_line_quote (void)
{
  CrmQuote *quote = make_empty_quote (&samples[0]);
  g_autoptr(CrmQuoteVariant) variant = first_variant (quote);
  g_autoptr(CrmQuoteLine) line = make_line ("TW-200", "Attendance clock", 1000, 189000, 0,
                                            CRM_PRODUCT_HARDWARE);

  crm_quote_variant_append_line (variant, line);
  return quote;
}

static char *
stripped_page_text (PopplerDocument *document,
                    guint            index)
{
  g_autofree char *text = page_text (document, index);

  return crm_test_dup_without_layout_spaces (text);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

/* A one-line quote is one page; 500 lines run over several, each with its
 * own "Page N of M" and every line in order. */
static void
test_pages (void)
{
  g_autoptr(CrmQuote) short_quote = make_one_line_quote ();
  g_autoptr(CrmQuote) long_quote = make_long_quote (500);
  g_autoptr(CrmPdfDocument) short_document = render (short_quote);
  g_autoptr(CrmPdfDocument) long_document = render (long_quote);
  g_autofree char *short_text = stripped_page_text (short_document, 0);
  g_autofree char *all = document_text (long_document);
  int n_pages = poppler_document_get_n_pages (long_document);
  const char *at = all;

  g_assert_cmpint (poppler_document_get_n_pages (short_document), ==, 1);
  g_assert_nonnull (strstr (short_text, "Page1of1"));

  g_assert_cmpint (n_pages, >, 2);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = stripped_page_text (long_document, i);
      g_autofree char *page_of = g_strdup_printf ("Page%dof%d", i + 1, n_pages);

      g_assert_cmpuint (count (text, "Page"), ==, 1);
      g_assert_nonnull (strstr (text, page_of));
    }

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *code = g_strdup_printf ("L-%03u", i + 1);

      at = strstr (at, code);
      g_assert_nonnull (at);
    }
}

/* The lines table's header stands again at the top of page 2, above every
 * line there. */
static void
test_header_repeated (void)
{
  g_autoptr(CrmQuote) quote = make_long_quote (500);
  g_autoptr(CrmPdfDocument) document = render (quote);
  g_autoptr(CrmPdfPage) page = poppler_document_get_page (document, 1);
  GList *codes;

  g_assert_nonnull (page);
  for (CrmDocString id = CRM_DOC_CODE; id <= CRM_DOC_NET; id++)
    {
      const char *label = crm_doc_string (id, "en");
      GList *found = poppler_page_find_text_with_options (page, label, POPPLER_FIND_CASE_SENSITIVE |
                                                                       POPPLER_FIND_WHOLE_WORDS_ONLY);
      PopplerRectangle *header;

      g_assert_cmpuint (g_list_length (found), ==, 1);
      header = found->data;

      /* Found text is in PDF space, its y up from the bottom edge. */
      codes = poppler_page_find_text (page, "L-");
      g_assert_cmpuint (g_list_length (codes), >, 10);
      for (GList *l = codes; l != NULL; l = l->next)
        g_assert_cmpfloat (((PopplerRectangle *)l->data)->y2, <=, header->y1);

      g_list_free_full (codes, (GDestroyNotify)poppler_rectangle_free);
      g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
    }
}

/* Every font is embedded and is the one chosen by name: Noto Sans, and
 * Noto Sans Hebrew in a Hebrew quote. */
static void
test_fonts_embedded (gconstpointer data)
{
  const Sample *sample = data;
  g_autoptr(CrmQuote) quote = make_quote (sample);
  g_autoptr(CrmPdfDocument) document = render (quote);
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  gboolean hebrew = FALSE;
  guint n_fonts = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter));
  g_assert_nonnull (iter);
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);

      g_test_message ("%s: %s", name, poppler_fonts_iter_is_embedded (iter) ? "embedded" : "not embedded");
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_nonnull (strstr (name, "NotoSans"));
      hebrew |= strstr (name, "NotoSansHebrew") != NULL;
      n_fonts++;
    }
  while (poppler_fonts_iter_next (iter));

  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_true (hebrew == (strcmp (sample->language, "he") == 0));
  poppler_fonts_iter_free (iter);
  g_object_unref (info);
}

/* The letters of @text, sorted: what is left of text drawn at an angle,
 * which poppler gives back scattered. */
static char *
sorted_letters (const char *text)
{
  g_autofree char *stripped = crm_test_dup_without_layout_spaces (text);

  return crm_test_dup_sorted_chars (stripped);
}

/* TW-6: the card standing order needs the sales manager, so its draft
 * carries the mark; a card in instalments does not. The mark is drawn
 * across the page, at an angle: poppler neither finds it nor gives it
 * back in one piece, so what is left of the page once the quote's own
 * text is taken out must be the mark's letters, and on a long quote each
 * page holds its dash. */
static void
test_tw_6_draft_mark (void)
{
  g_autoptr(CrmQuote) normal = make_quote (&samples[0]);
  g_autoptr(CrmQuote) pending = make_quote (&samples[0]);
  g_autoptr(CrmQuote) pending_long = make_long_quote (120);
  const char *mark = crm_doc_string (CRM_DOC_DRAFT_MARK, "en");
  g_autofree char *mark_letters = sorted_letters (mark);
  g_autoptr(CrmPdfDocument) normal_document = NULL;
  g_autoptr(CrmPdfDocument) pending_document = NULL;
  g_autoptr(CrmPdfDocument) long_document = NULL;
  g_autoptr(GPtrArray) normal_pieces = NULL;
  g_autoptr(GPtrArray) pending_pieces = NULL;
  g_autofree char *normal_text = NULL;
  g_autofree char *pending_text = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *rest_letters = NULL;

  crm_quote_set_payment_term (pending, "card_standing_order", 1);
  crm_quote_set_payment_term (pending_long, "card_standing_order", 1);
  g_assert_cmpint (crm_quote_get_approval (normal), ==, CRM_QUOTE_APPROVAL_NONE);
  g_assert_cmpint (crm_quote_get_approval (pending), ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_true (crm_quote_check (pending, NULL));

  normal_document = render (normal);
  normal_text = page_text (normal_document, 0);
  normal_pieces = expected_pieces (normal, &samples[0]);
  assert_text_is (normal_text, normal_pieces);

  pending_document = render (pending);
  pending_text = page_text (pending_document, 0);
  pending_pieces = expected_pieces (pending, &samples[0]);
  rest = take_pieces (pending_text, pending_pieces);
  rest_letters = sorted_letters (rest);
  g_assert_cmpstr (rest_letters, ==, mark_letters);

  long_document = render (pending_long);
  g_assert_cmpint (poppler_document_get_n_pages (long_document), >, 1);
  for (int i = 0; i < poppler_document_get_n_pages (long_document); i++)
    {
      g_autofree char *text = page_text (long_document, i);

      g_assert_cmpuint (count (text, "–"), ==, 1);
    }
}

/* A customer name holding every bidi control (U+202A–U+202E,
 * U+2066–U+2069), unbalanced: it shows without them, and the company
 * after it, the address below it and the rest of the page keep their
 * order. */
static void
test_bidi_name (gconstpointer data)
{
  const Sample *sample = data;
  Sample clean = *sample;
  g_autofree char *name = g_strdup_printf ("\u202e%s\u202a\u202b\u202c\u202d \u2066\u2067\u2068x\u2069\u2067",
                                           sample->customer);
  g_autofree char *shown = g_strdup_printf ("%s x", sample->customer);
  g_autofree char *in_order = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmPdfDocument) document = NULL;
  g_autoptr(GPtrArray) pieces = NULL;

  clean.customer = shown;
  quote = make_quote (sample);
  crm_quote_set_customer (quote, name, sample->company, sample->customer_details);
  g_assert_true (crm_quote_has_bidi_controls (quote));
  document = render (quote);
  text = page_text (document, 0);

  in_order = g_strdup_printf ("%s%s · %s%s", crm_doc_string (CRM_DOC_CUSTOMER, sample->language),
                              shown, sample->company, sample->customer_details);
  {
    g_autofree char *stripped = crm_test_dup_without_layout_spaces (text);
    g_autofree char *expected = crm_test_dup_without_layout_spaces (in_order);

    g_assert_nonnull (strstr (stripped, expected));
  }

  pieces = expected_pieces (quote, &clean);
  assert_text_is (text, pieces);
}

/* Issue 9's bad input: a 2,000-character description, and Hebrew, Latin
 * and Cyrillic in one line; all of it is in the PDF, the description in
 * order across the pages it takes. */
static void
test_long_and_mixed (gconstpointer data)
{
  const Sample *sample = data;
  const char *mixed = "Терминал TW-200 и שעון נוכחות for the front desk";
  g_autoptr(CrmQuote) quote = make_empty_quote (sample);
  g_autoptr(CrmQuoteVariant) variant = first_variant (quote);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(CrmQuoteLine) long_line = NULL;
  g_autoptr(CrmQuoteLine) mixed_line = NULL;
  g_autoptr(CrmPdfDocument) document = NULL;
  g_autofree char *all = NULL;
  const char *at;

  for (guint i = 1; description->len < 2000; i++)
    g_string_append_printf (description, "w%04u ", i);
  g_string_truncate (description, 2000);
  g_assert_cmpuint (g_utf8_strlen (description->str, -1), ==, 2000);

  long_line = make_line ("LONG", description->str, 1000, 100, 0, CRM_PRODUCT_SERVICE);
  mixed_line = make_line ("MIX", mixed, 1000, 100, 0, CRM_PRODUCT_SERVICE);
  crm_quote_variant_append_line (variant, long_line);
  crm_quote_variant_append_line (variant, mixed_line);
  g_assert_true (crm_quote_check (quote, NULL));
  document = render (quote);
  all = document_text (document);

  at = all;
  for (guint i = 1; i * 6 <= 2000; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%04u", i);

      at = strstr (at, word);
      if (at == NULL)
        g_test_message ("%s is missing or out of order", word);
      g_assert_nonnull (at);
    }

  /* Each word of the mixed line, each in its own order. Poppler orders
   * the words of a run against its line's direction by the line's
   * majority of letters, so their order is not asserted here. */
  {
    g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
    g_auto(GStrv) split = g_strsplit (mixed, " ", -1);
    g_autofree char *rest = NULL;

    for (guint i = 0; split[i] != NULL; i++)
      add_piece (words, split[i]);
    rest = take_pieces (at, words);
  }
}

static cairo_status_t
write_png (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 20);
  GByteArray *png = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, write_png, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static guint
count_images (PopplerDocument *document)
{
  g_autoptr(CrmPdfPage) page = poppler_document_get_page (document, 0);
  GList *images = poppler_page_get_image_mapping (page);
  guint n = g_list_length (images);

  poppler_page_free_image_mapping (images);
  return n;
}

/* A logo that is not an image, one that declares more pixels than a logo
 * may have (never decoded: 20,000 × 20,000 would be 1.2 GB), or none at
 * all, leaves the logo out and the rest of the quote whole; a real one is
 * drawn. */
static void
test_logo (void)
{
  g_autoptr(GBytes) broken = g_bytes_new_static ("not an image, only text", 23);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) huge = crm_test_declared_png (20000, 20000);
  GBytes *logos[] = { NULL, broken, png, huge };

  for (guint i = 0; i < G_N_ELEMENTS (logos); i++)
    {
      g_autoptr(CrmQuote) quote = make_quote (&samples[0]);
      g_autoptr(CrmPdfDocument) document = NULL;
      g_autoptr(GPtrArray) pieces = NULL;
      g_autofree char *text = NULL;

      crm_quote_set_organization (quote, samples[0].organization, samples[0].details, logos[i]);
      document = render (quote);
      text = page_text (document, 0);
      pieces = expected_pieces (quote, &samples[0]);
      assert_text_is (text, pieces);
      g_assert_cmpuint (count_images (document), ==, logos[i] == png ? 1 : 0);
    }
}

/* Preferences keeps a logo by the document's own check: a real image, a
 * large one (decoded at 2,048 pixels), not a text, an empty file or an
 * image declaring more than 16 million pixels, named with its size. */
static void
test_check_logo (void)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) wide = crm_test_declared_png (6000, 1000);
  g_autoptr(GBytes) huge = crm_test_declared_png (20000, 20000);
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image, only text", 23);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  struct {
    GBytes     *bytes;
    const char *message;
  } cases[] = {
    { png, NULL },
    { wide, NULL },
    { huge, "The image is 20000 × 20000 pixels; a logo may have at most 16 million pixels." },
    { text, "The file is not an image." },
    { empty, "A logo is an image file of at most 2 MiB." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean usable = crm_document_check_logo (cases[i].bytes, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (usable);
          continue;
        }

      g_assert_false (usable);
      g_assert_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_LOGO);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A family that is not installed is a clear error naming it, for the
 * Latin and for the Hebrew family alike. */
static void
test_font_missing (void)
{
  g_autoptr(CrmQuote) quote = make_quote (&samples[1]);
  const char *missing = "Deals Missing Sans";
  const char *pairs[][2] = {
    { missing, CRM_DOC_HEBREW_FONT },
    { CRM_DOC_LATIN_FONT, missing },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = _crm_quote_document_render_with_fonts (quote, pairs[i][0], pairs[i][1], &error);

      g_assert_null (bytes);
      g_assert_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_FONT);
      g_assert_nonnull (strstr (error->message, missing));
    }
}

static char *
all_text (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPdfDocument) document = crm_pdf_open (bytes, &error);

  g_assert_no_error (error);
  return document_text (document);
}

#define N_RENDERS 4

static gpointer
render_thread (gpointer data)
{
  CrmQuote *quote = data;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint i = 0; i < N_RENDERS; i++)
    g_ptr_array_add (results, crm_quote_document_render (quote, NULL));

  return results;
}

/* An English and a Hebrew quote rendered at once, each in its own
 * thread, come out as each rendered alone: no locale, font map or
 * language is shared between them. */
static void
test_threads (void)
{
  g_autoptr(CrmQuote) en = make_quote (&samples[0]);
  g_autoptr(CrmQuote) he = make_quote (&samples[1]);
  g_autoptr(CrmQuote) en_copy = crm_quote_copy (en);
  g_autoptr(CrmQuote) he_copy = crm_quote_copy (he);
  g_autoptr(GBytes) en_alone = crm_quote_document_render (en, NULL);
  g_autoptr(GBytes) he_alone = crm_quote_document_render (he, NULL);
  g_autofree char *en_text = all_text (en_alone);
  g_autofree char *he_text = all_text (he_alone);
  GThread *en_thread = g_thread_new ("render-en", render_thread, en_copy);
  GThread *he_thread = g_thread_new ("render-he", render_thread, he_copy);
  g_autoptr(GPtrArray) en_results = g_thread_join (en_thread);
  g_autoptr(GPtrArray) he_results = g_thread_join (he_thread);

  g_assert_nonnull (en_alone);
  g_assert_nonnull (he_alone);
  g_assert_cmpstr (en_text, !=, he_text);
  for (guint i = 0; i < N_RENDERS; i++)
    {
      GBytes *en_bytes = g_ptr_array_index (en_results, i);
      GBytes *he_bytes = g_ptr_array_index (he_results, i);
      g_autofree char *en_again = NULL;
      g_autofree char *he_again = NULL;

      g_assert_nonnull (en_bytes);
      g_assert_nonnull (he_bytes);
      en_again = all_text (en_bytes);
      he_again = all_text (he_bytes);
      g_assert_cmpstr (en_again, ==, en_text);
      g_assert_cmpstr (he_again, ==, he_text);
      /* The creation date is the quote's, so even the bytes agree. */
      g_assert_true (g_bytes_equal (en_bytes, en_alone));
      g_assert_true (g_bytes_equal (he_bytes, he_alone));
    }
}

/* The PDF's title is the quote's number, its author the organisation and
 * its subject the customer, in the quote's language. */
static void
test_metadata (gconstpointer data)
{
  const Sample *sample = data;
  g_autoptr(CrmQuote) quote = make_quote (sample);
  g_autoptr(CrmPdfDocument) document = render (quote);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);
  g_autofree char *expected_subject = g_strdup_printf ("%s %s", crm_doc_string (CRM_DOC_SUBJECT, sample->language),
                                                       sample->company);

  g_assert_cmpstr (title, ==, NUMBER);
  g_assert_cmpstr (author, ==, sample->organization);
  g_assert_cmpstr (subject, ==, expected_subject);
}

static void
add_per_language (const char    *name,
                  GTestDataFunc  func)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/doc/quote/%s/%s", name, samples[i].language);

      g_test_add_data_func (path, &samples[i], func);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_per_language ("text", test_text);
  g_test_add_func ("/doc/quote/pages", test_pages);
  g_test_add_func ("/doc/quote/header-repeated", test_header_repeated);
  add_per_language ("fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/doc/quote/tw-6-draft-mark", test_tw_6_draft_mark);
  add_per_language ("bidi-name", test_bidi_name);
  add_per_language ("long-and-mixed", test_long_and_mixed);
  g_test_add_func ("/doc/quote/logo", test_logo);
  g_test_add_func ("/doc/quote/check-logo", test_check_logo);
  g_test_add_func ("/doc/quote/font-missing", test_font_missing);
  g_test_add_func ("/doc/quote/threads", test_threads);
  add_per_language ("metadata", test_metadata);

  return g_test_run ();
}
