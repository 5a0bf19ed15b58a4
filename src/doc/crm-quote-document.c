/* crm-quote-document.c
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

#define G_LOG_DOMAIN "crm-doc"

#include "config.h"

#include <string.h>

#include "crm-doc-canvas.h"
#include "crm-doc-logo.h"
#include "crm-doc-private.h"
#include "crm-doc-strings.h"
#include "crm-procedure.h"
#include "crm-quote-document.h"

/* A quote laid out as an A4 document: the organisation, the customer,
 * each variant's lines with their totals and payment schedule, the terms,
 * the validity and a signature line. Everything it reads is the quote's;
 * nothing global is touched, so a worker thread may call it. */

G_DEFINE_QUARK (crm-document-error-quark, crm_document_error)

#define GAP       6.0
#define CELL_PAD  3.0
#define LOGO_W    120.0
#define LOGO_H    54.0

typedef struct
{
  CrmDocCanvas *canvas;
  CrmQuote     *quote;
  const char   *language;
  const char   *currency;
} Doc;

typedef struct
{
  CrmDocString label;
  double       width;   /* 0: takes what the others leave */
  CrmDocAlign  align;
  gboolean     ltr;     /* a value read left to right: a code, a number */
} Column;

/* The lines table: code, description, quantity, unit price, discount, net.
 * Money is laid out in the document's direction, not left to right: ICU
 * orders an amount and its sign for the language's own direction (Hebrew
 * "1,234.50 ₪" shows the sign at its left), and only then does the text
 * a PDF reader extracts give back the amount as formatted. */
static const Column line_columns[] = {
  { CRM_DOC_CODE,        72, CRM_DOC_ALIGN_START, TRUE },
  { CRM_DOC_DESCRIPTION,  0, CRM_DOC_ALIGN_START, FALSE },
  { CRM_DOC_QUANTITY,    44, CRM_DOC_ALIGN_END,   TRUE },
  { CRM_DOC_UNIT_PRICE,  78, CRM_DOC_ALIGN_END,   FALSE },
  { CRM_DOC_DISCOUNT,    48, CRM_DOC_ALIGN_END,   TRUE },
  { CRM_DOC_NET,         84, CRM_DOC_ALIGN_END,   FALSE },
};
#define N_LINE_COLUMNS G_N_ELEMENTS (line_columns)

static const char *
tr (Doc          *doc,
    CrmDocString  id)
{
  return crm_doc_string (id, doc->language);
}

static char *
money (Doc    *doc,
       gint64  minor)
{
  return crm_document_format_money (minor, doc->currency, doc->language);
}

/* A rate in basis points as a percentage: 1800 → "18%", 1250 → "12.5%". */
static char *
percent (Doc  *doc,
         guint basis_points)
{
  g_autofree char *number = crm_document_format_quantity ((gint64)basis_points * 10, doc->language);

  return g_strconcat (number, "%", NULL);
}

static double
place (Doc         *doc,
       PangoLayout *layout,
       double       x,
       double       width)
{
  double y = crm_doc_canvas_get_y (doc->canvas);

  crm_doc_canvas_place (doc->canvas, layout, x, width, y);
  return crm_doc_layout_height (layout);
}

/* A block of text across the content width, on a new page when it does
 * not fit on this one. */
static void
add_paragraph (Doc         *doc,
               const char  *text,
               CrmDocStyle  style,
               double       space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL || *text == '\0')
    return;

  layout = crm_doc_canvas_layout (doc->canvas, text, style, CRM_DOC_CONTENT_WIDTH, CRM_DOC_ALIGN_START);
  height = crm_doc_layout_height (layout);
  if (!crm_doc_canvas_fits (doc->canvas, height))
    crm_doc_canvas_new_page (doc->canvas);
  place (doc, layout, 0, CRM_DOC_CONTENT_WIDTH);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + height + space_after);
}

/* A label and its value on one line, from the logical x @x. */
static void
add_pair (Doc         *doc,
          double       x,
          double       label_width,
          double       value_width,
          const char  *label,
          const char  *value,
          gboolean     value_ltr,
          CrmDocStyle  style)
{
  g_autoptr(PangoLayout) label_layout = crm_doc_canvas_layout (doc->canvas, label, style,
                                                               label_width, CRM_DOC_ALIGN_START);
  g_autoptr(PangoLayout) value_layout = NULL;
  double height;

  if (value_ltr)
    value_layout = crm_doc_canvas_layout_ltr (doc->canvas, value, style, value_width, CRM_DOC_ALIGN_END);
  else
    value_layout = crm_doc_canvas_layout (doc->canvas, value, style, value_width, CRM_DOC_ALIGN_END);

  height = MAX (crm_doc_layout_height (label_layout), crm_doc_layout_height (value_layout));
  if (!crm_doc_canvas_fits (doc->canvas, height))
    crm_doc_canvas_new_page (doc->canvas);
  place (doc, label_layout, x, label_width);
  place (doc, value_layout, x + label_width, value_width);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + height + 2);
}

static void
add_header (Doc *doc)
{
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) details = NULL;
  g_autofree char *name_text = _crm_doc_isolate_lines (crm_quote_get_organization_name (doc->quote));
  g_autofree char *details_text = _crm_doc_isolate_lines (crm_quote_get_organization_details (doc->quote));
  cairo_surface_t *logo = crm_doc_logo_load (crm_quote_get_logo (doc->quote));
  double text_width = CRM_DOC_CONTENT_WIDTH - (logo ? LOGO_W + GAP : 0);
  double height;

  name = crm_doc_canvas_layout (doc->canvas, name_text,
                                CRM_DOC_HEADING, text_width, CRM_DOC_ALIGN_START);
  height = place (doc, name, 0, text_width);
  details = crm_doc_canvas_layout (doc->canvas, details_text,
                                   CRM_DOC_SMALL, text_width, CRM_DOC_ALIGN_START);
  crm_doc_canvas_place (doc->canvas, details, 0, text_width, crm_doc_canvas_get_y (doc->canvas) + height + 2);
  height += 2 + crm_doc_layout_height (details);

  if (logo != NULL)
    {
      double w = cairo_image_surface_get_width (logo), h = cairo_image_surface_get_height (logo);
      double scale = MIN (LOGO_W / w, LOGO_H / h);

      /* At the end edge, at its own proportions. */
      crm_doc_canvas_image (doc->canvas, logo, CRM_DOC_CONTENT_WIDTH - w * scale,
                            crm_doc_canvas_get_y (doc->canvas), w * scale, h * scale);
      height = MAX (height, h * scale);
      cairo_surface_destroy (logo);
    }

  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + height + 10);
  crm_doc_canvas_rule (doc->canvas, 0, CRM_DOC_CONTENT_WIDTH, crm_doc_canvas_get_y (doc->canvas), 0.8);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 12);
}

static void
add_title (Doc *doc)
{
  g_autofree char *number = crm_quote_dup_display_number (doc->quote);
  g_autoptr(PangoLayout) title = crm_doc_canvas_layout (doc->canvas, tr (doc, CRM_DOC_QUOTE), CRM_DOC_TITLE,
                                                        240, CRM_DOC_ALIGN_START);
  GDateTime *created = crm_quote_get_created_at (doc->quote);
  const char *valid_until = crm_quote_get_valid_until (doc->quote);
  double top = crm_doc_canvas_get_y (doc->canvas);
  double pairs_x = CRM_DOC_CONTENT_WIDTH - 230;
  double title_height = place (doc, title, 0, 240);

  if (number != NULL && *number != '\0')
    add_pair (doc, pairs_x, 100, 130, tr (doc, CRM_DOC_NUMBER), number, TRUE, CRM_DOC_REGULAR);
  if (created != NULL)
    {
      g_autofree char *iso = g_date_time_format (created, "%Y-%m-%d");
      g_autofree char *date = crm_document_format_date (iso, doc->language);

      add_pair (doc, pairs_x, 100, 130, tr (doc, CRM_DOC_DATE), date, FALSE, CRM_DOC_REGULAR);
    }
  if (valid_until != NULL && *valid_until != '\0')
    {
      g_autofree char *date = crm_document_format_date (valid_until, doc->language);

      add_pair (doc, pairs_x, 100, 130, tr (doc, CRM_DOC_VALID_UNTIL), date, FALSE, CRM_DOC_REGULAR);
    }

  crm_doc_canvas_set_y (doc->canvas, MAX (crm_doc_canvas_get_y (doc->canvas), top + title_height) + 12);
}

static void
add_customer (Doc *doc)
{
  const char *name = crm_quote_get_customer_name (doc->quote);
  const char *company = crm_quote_get_customer_company (doc->quote);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *customer_details = NULL;

  add_paragraph (doc, tr (doc, CRM_DOC_CUSTOMER), CRM_DOC_BOLD, 2);
  if (name != NULL && *name != '\0')
    {
      g_autofree char *isolated = _crm_doc_isolate (name);

      g_string_append (line, isolated);
    }
  if (company != NULL && *company != '\0')
    {
      g_autofree char *isolated = _crm_doc_isolate (company);

      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, isolated);
    }
  add_paragraph (doc, line->str, CRM_DOC_REGULAR, 2);
  customer_details = _crm_doc_isolate_lines (crm_quote_get_customer_details (doc->quote));
  add_paragraph (doc, customer_details, CRM_DOC_SMALL, 14);
}

static void
column_extent (guint   index,
               double *out_x,
               double *out_width)
{
  double fixed = 0, x = 0;

  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    fixed += line_columns[i].width;
  for (guint i = 0; i < index; i++)
    x += line_columns[i].width ? line_columns[i].width : CRM_DOC_CONTENT_WIDTH - fixed;

  *out_x = x;
  *out_width = line_columns[index].width ? line_columns[index].width : CRM_DOC_CONTENT_WIDTH - fixed;
}

static PangoLayout *
cell_layout (Doc         *doc,
             guint        column,
             const char  *text,
             CrmDocStyle  style)
{
  double x, width;

  column_extent (column, &x, &width);
  width -= 2 * CELL_PAD;
  if (line_columns[column].ltr)
    return crm_doc_canvas_layout_ltr (doc->canvas, text, style, width, line_columns[column].align);

  return crm_doc_canvas_layout (doc->canvas, text, style, width, line_columns[column].align);
}

/* A row of the lines table at the canvas's y; returns its height. */
static double
place_row (Doc          *doc,
           PangoLayout **cells,
           double        shade)
{
  double y = crm_doc_canvas_get_y (doc->canvas);
  double height = 0;

  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    height = MAX (height, crm_doc_layout_height (cells[i]));
  height += 2 * CELL_PAD;

  if (shade > 0)
    crm_doc_canvas_fill (doc->canvas, 0, CRM_DOC_CONTENT_WIDTH, y, height, shade);
  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    {
      double x, width;

      column_extent (i, &x, &width);
      crm_doc_canvas_place (doc->canvas, cells[i], x + CELL_PAD, width - 2 * CELL_PAD, y + CELL_PAD);
    }
  crm_doc_canvas_rule (doc->canvas, 0, CRM_DOC_CONTENT_WIDTH, y + height, 0.3);
  crm_doc_canvas_set_y (doc->canvas, y + height);

  return height;
}

static void
add_table_header (Doc *doc)
{
  PangoLayout *cells[N_LINE_COLUMNS];

  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    cells[i] = cell_layout (doc, i, tr (doc, line_columns[i].label), CRM_DOC_BOLD);
  place_row (doc, cells, 0.92);
  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    g_object_unref (cells[i]);
}

static double
row_height (PangoLayout **cells)
{
  double height = 0;

  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    height = MAX (height, crm_doc_layout_height (cells[i]));

  return height + 2 * CELL_PAD;
}

/* The bytes of @text that the first lines of @layout hold, as many as fit
 * in @space; at least one line. */
static int
split_index (PangoLayout *layout,
             double       space)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int index = -1;

  do
    {
      PangoRectangle extents;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      if ((double)(extents.y + extents.height) / PANGO_SCALE > space && index >= 0)
        break;
      index = pango_layout_iter_get_line_readonly (iter)->start_index +
              pango_layout_iter_get_line_readonly (iter)->length;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return index;
}

/* A line of the table. A row that does not fit goes to the next page
 * under a repeated header; a description longer than a page is cut
 * between its lines and goes on there. */
static void
add_line_row (Doc          *doc,
              CrmQuoteLine *line,
              gint64        net)
{
  g_autofree char *quantity = crm_document_format_quantity (crm_quote_line_get_quantity (line), doc->language);
  g_autofree char *price = money (doc, crm_quote_line_get_unit_price (line));
  g_autofree char *discount = crm_quote_line_get_discount (line) ? percent (doc, crm_quote_line_get_discount (line))
                                                                  : g_strdup ("");
  g_autofree char *net_text = money (doc, net);
  const char *description = crm_quote_line_get_description (line);
  const char *texts[N_LINE_COLUMNS] = {
    crm_quote_line_get_code (line), description, quantity, price, discount, net_text,
  };
  PangoLayout *cells[N_LINE_COLUMNS];
  double page_space = crm_doc_canvas_get_bottom (doc->canvas) - CRM_DOC_MARGIN - 40;

  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    cells[i] = cell_layout (doc, i, texts[i] ? texts[i] : "", CRM_DOC_REGULAR);

  while (!crm_doc_canvas_fits (doc->canvas, row_height (cells)))
    {
      double space = crm_doc_canvas_get_bottom (doc->canvas) - crm_doc_canvas_get_y (doc->canvas) - 2 * CELL_PAD;
      const char *rest = pango_layout_get_text (cells[1]);
      int index;

      if (row_height (cells) <= page_space || space < 40)
        {
          crm_doc_canvas_new_page (doc->canvas);
          add_table_header (doc);
          continue;
        }

      /* Cut the description: its first part here, the rest below. */
      index = split_index (cells[1], space);
      if (index <= 0 || rest[index] == '\0')
        break;
      {
        g_autofree char *head = g_strndup (rest, index);
        g_autofree char *tail = g_strdup (rest + index);

        g_object_unref (cells[1]);
        cells[1] = cell_layout (doc, 1, head, CRM_DOC_REGULAR);
        place_row (doc, cells, 0);
        for (guint i = 0; i < N_LINE_COLUMNS; i++)
          {
            g_object_unref (cells[i]);
            cells[i] = cell_layout (doc, i, i == 1 ? tail : "", CRM_DOC_REGULAR);
          }
        crm_doc_canvas_new_page (doc->canvas);
        add_table_header (doc);
      }
    }

  place_row (doc, cells, 0);
  for (guint i = 0; i < N_LINE_COLUMNS; i++)
    g_object_unref (cells[i]);
}

static void
add_totals (Doc                  *doc,
            const CrmQuoteTotals *totals)
{
  double x = CRM_DOC_CONTENT_WIDTH - 250;
  g_autofree char *net = money (doc, totals->net);
  g_autofree char *total = money (doc, totals->total);

  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 6);
  add_pair (doc, x, 150, 100, tr (doc, CRM_DOC_NET_TOTAL), net, FALSE, CRM_DOC_REGULAR);
  for (guint i = 0; totals->rates != NULL && i < totals->rates->len; i++)
    {
      const CrmVatTotal *rate = &g_array_index (totals->rates, CrmVatTotal, i);
      g_autofree char *rate_text = percent (doc, rate->vat_rate);
      g_autofree char *label = g_strdup_printf ("%s %s", tr (doc, CRM_DOC_VAT_AT), rate_text);
      g_autofree char *vat = money (doc, rate->vat);

      add_pair (doc, x, 150, 100, label, vat, FALSE, CRM_DOC_REGULAR);
    }
  add_pair (doc, x, 150, 100, tr (doc, CRM_DOC_TOTAL), total, FALSE, CRM_DOC_BOLD);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 8);
}

/* The schedule: each charge's name and amount, and its instalments as
 * "N · first X · then N−1 × Y" in cells of their own. */
static gboolean
add_schedule (Doc              *doc,
              CrmQuoteVariant  *variant,
              GError          **error)
{
  g_autoptr(GArray) charges = crm_quote_compute_schedule (doc->quote, variant, error);
  static const double widths[] = { 190, 90, 50, 80, 89.3 };

  if (charges == NULL)
    return FALSE;
  if (charges->len == 0)
    return TRUE;

  if (!crm_doc_canvas_fits (doc->canvas, 60))
    crm_doc_canvas_new_page (doc->canvas);
  add_paragraph (doc, tr (doc, CRM_DOC_SCHEDULE), CRM_DOC_BOLD, 3);

  for (guint i = 0; i < charges->len; i++)
    {
      const CrmQuoteCharge *charge = &g_array_index (charges, CrmQuoteCharge, i);
      g_autofree char *amount = money (doc, charge->amount);
      g_autofree char *count = NULL, *first = NULL, *then = NULL, *first_cell = NULL, *then_cell = NULL;
      g_autofree char *count_cell = NULL;
      PangoLayout *cells[5];
      double x = 0, height = 0;

      if (charge->installments > 1)
        {
          count = g_strdup_printf ("%u", charge->installments);
          first = money (doc, charge->first_part);
          then = money (doc, charge->other_part);
          count_cell = g_strdup_printf ("%s %s", count, tr (doc, CRM_DOC_INSTALMENTS));
          first_cell = g_strdup_printf ("%s %s", tr (doc, CRM_DOC_FIRST), first);
          then_cell = g_strdup_printf ("%s %u × %s", tr (doc, CRM_DOC_THEN), charge->installments - 1, then);
        }

      cells[0] = crm_doc_canvas_layout (doc->canvas, charge->name, CRM_DOC_REGULAR, widths[0] - GAP, CRM_DOC_ALIGN_START);
      cells[1] = crm_doc_canvas_layout (doc->canvas, amount, CRM_DOC_REGULAR, widths[1] - GAP, CRM_DOC_ALIGN_END);
      cells[2] = crm_doc_canvas_layout (doc->canvas, count_cell, CRM_DOC_SMALL, widths[2] + 30, CRM_DOC_ALIGN_END);
      cells[3] = crm_doc_canvas_layout (doc->canvas, first_cell, CRM_DOC_SMALL, widths[3] + 20 - GAP, CRM_DOC_ALIGN_END);
      cells[4] = crm_doc_canvas_layout (doc->canvas, then_cell, CRM_DOC_SMALL, widths[4] - 50 + 40, CRM_DOC_ALIGN_END);
      for (guint j = 0; j < 5; j++)
        height = MAX (height, crm_doc_layout_height (cells[j]));
      if (!crm_doc_canvas_fits (doc->canvas, height))
        crm_doc_canvas_new_page (doc->canvas);
      place (doc, cells[0], 0, widths[0] - GAP);
      place (doc, cells[1], widths[0], widths[1] - GAP);
      x = widths[0] + widths[1];
      place (doc, cells[2], x - 30 + GAP, widths[2] + 30 - GAP);
      place (doc, cells[3], x + widths[2], widths[3] + 20 - GAP);
      place (doc, cells[4], x + widths[2] + widths[3] + 20, widths[4] - 20);
      for (guint j = 0; j < 5; j++)
        g_object_unref (cells[j]);
      crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + height + 2);
    }
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 8);

  return TRUE;
}

static gboolean add_variant_body (Doc *doc, CrmQuoteVariant *variant, const CrmQuoteTotals *totals, GError **error);

static gboolean
add_variant (Doc              *doc,
             CrmQuoteVariant  *variant,
             GError          **error)
{
  CrmQuoteTotals totals = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (!crm_quote_variant_compute_totals (variant, &totals, &local_error))
    {
      g_set_error_literal (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_MONEY, local_error->message);
      return FALSE;
    }
  ok = add_variant_body (doc, variant, &totals, error);
  crm_quote_totals_clear (&totals);

  return ok;
}

static gboolean
add_variant_body (Doc                  *doc,
                  CrmQuoteVariant      *variant,
                  const CrmQuoteTotals *totals,
                  GError              **error)
{
  GListModel *lines = crm_quote_variant_get_lines (variant);
  g_autoptr(GError) local_error = NULL;

  if (!crm_doc_canvas_fits (doc->canvas, 80))
    crm_doc_canvas_new_page (doc->canvas);
  add_paragraph (doc, crm_quote_variant_get_name (variant), CRM_DOC_HEADING, 4);
  add_table_header (doc);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);
      gint64 net = 0;

      if (!crm_quote_line_compute_net (line, &net, &local_error))
        {
          g_set_error_literal (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_MONEY, local_error->message);
          return FALSE;
        }
      add_line_row (doc, line, net);
    }

  add_totals (doc, totals);
  if (!add_schedule (doc, variant, &local_error))
    {
      g_set_error_literal (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_MONEY, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
add_terms (Doc *doc)
{
  CrmProcedure *procedure = crm_quote_get_procedure (doc->quote);
  const char *key = crm_quote_get_payment_term (doc->quote);
  const CrmPaymentTerm *term = NULL;
  const char *valid_until = crm_quote_get_valid_until (doc->quote);

  if (procedure != NULL && key != NULL)
    term = crm_procedure_find_payment_term (procedure, key);
  if (term != NULL)
    add_pair (doc, 0, 140, CRM_DOC_CONTENT_WIDTH - 140, tr (doc, CRM_DOC_PAYMENT_TERM),
              crm_text_get_for_language (&term->name, doc->language), FALSE, CRM_DOC_REGULAR);

  if (crm_quote_get_notes (doc->quote) != NULL && *crm_quote_get_notes (doc->quote) != '\0')
    {
      crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 6);
      add_paragraph (doc, tr (doc, CRM_DOC_NOTES), CRM_DOC_BOLD, 2);
      add_paragraph (doc, crm_quote_get_notes (doc->quote), CRM_DOC_REGULAR, 6);
    }

  if (valid_until != NULL && *valid_until != '\0')
    {
      g_autofree char *date = crm_document_format_date (valid_until, doc->language);

      crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 6);
      add_pair (doc, 0, 200, 160, tr (doc, CRM_DOC_VALIDITY), date, FALSE, CRM_DOC_REGULAR);
    }
}

static void
add_signature (Doc *doc)
{
  g_autoptr(PangoLayout) label = crm_doc_canvas_layout (doc->canvas, tr (doc, CRM_DOC_SIGNATURE),
                                                        CRM_DOC_SMALL, 200, CRM_DOC_ALIGN_START);
  double x = CRM_DOC_CONTENT_WIDTH - 200;

  if (!crm_doc_canvas_fits (doc->canvas, 50 + crm_doc_layout_height (label)))
    crm_doc_canvas_new_page (doc->canvas);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 40);
  crm_doc_canvas_rule (doc->canvas, x, 200, crm_doc_canvas_get_y (doc->canvas), 0.6);
  crm_doc_canvas_set_y (doc->canvas, crm_doc_canvas_get_y (doc->canvas) + 3);
  place (doc, label, x, 200);
}

/**
 * _crm_quote_document_render_with_fonts:
 * @quote: a quote no other thread touches
 * @latin_family: the family for Latin and Cyrillic
 * @hebrew_family: the family for Hebrew
 * @error: return location for a #GError
 *
 * crm_quote_document_render() with other fonts, for the tests of a font
 * that is not installed.
 *
 * Returns: (transfer full): the PDF's bytes, or %NULL with @error set
 */
GBytes *
_crm_quote_document_render_with_fonts (CrmQuote    *quote,
                                       const char  *latin_family,
                                       const char  *hebrew_family,
                                       GError     **error)
{
  GListModel *variants;
  CrmDocCanvas *canvas;
  g_autofree char *number = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *created = NULL;
  CrmQuoteApproval approval;
  CrmDocFinish finish = { 0 };
  Doc doc = { 0 };
  GBytes *bytes;

  g_return_val_if_fail (CRM_IS_QUOTE (quote), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  canvas = crm_doc_canvas_new (crm_quote_get_language (quote), latin_family, hebrew_family, error);
  if (canvas == NULL)
    return NULL;

  doc.canvas = canvas;
  doc.quote = quote;
  doc.language = crm_doc_canvas_get_language (canvas);
  doc.currency = crm_quote_get_currency (quote) ? crm_quote_get_currency (quote) : "USD";

  add_header (&doc);
  add_title (&doc);
  add_customer (&doc);

  variants = crm_quote_get_variants (quote);
  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, i);

      if (!add_variant (&doc, variant, error))
        {
          crm_doc_canvas_free (canvas);
          return NULL;
        }
    }
  add_terms (&doc);
  add_signature (&doc);

  number = crm_quote_dup_display_number (quote);
  subject = g_strdup_printf ("%s %s", tr (&doc, CRM_DOC_SUBJECT),
                             crm_quote_get_customer_company (quote) && *crm_quote_get_customer_company (quote)
                               ? crm_quote_get_customer_company (quote)
                               : (crm_quote_get_customer_name (quote) ? crm_quote_get_customer_name (quote) : ""));
  if (crm_quote_get_created_at (quote) != NULL)
    created = g_date_time_format (crm_quote_get_created_at (quote), "%Y-%m-%dT%H:%M:%SZ");

  approval = crm_quote_get_approval (quote);
  finish.title = number;
  finish.author = crm_quote_get_organization_name (quote);
  finish.subject = subject;
  finish.created = created;
  finish.page_of = tr (&doc, CRM_DOC_PAGE_OF);
  if (approval == CRM_QUOTE_APPROVAL_PENDING || approval == CRM_QUOTE_APPROVAL_REJECTED)
    finish.mark = tr (&doc, CRM_DOC_DRAFT_MARK);

  bytes = crm_doc_canvas_finish (canvas, &finish, error);
  crm_doc_canvas_free (canvas);

  return bytes;
}

GBytes *
crm_quote_document_render (CrmQuote  *quote,
                           GError   **error)
{
  return _crm_quote_document_render_with_fonts (quote, CRM_DOC_LATIN_FONT, CRM_DOC_HEBREW_FONT, error);
}
