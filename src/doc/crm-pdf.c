/* crm-pdf.c
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

#define G_LOG_DOMAIN "crm-pdf"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "crm-pdf.h"

/* Poppler's side of a quote: reading the PDF that src/doc wrote, for the
 * editor's preview and for printing. No GTK here, so that a worker thread
 * can rasterise a page while the main thread goes on; a PopplerDocument is
 * not safe to share between threads, so each thread opens its own from the
 * same immutable bytes. */

G_DEFINE_QUARK (crm-pdf-error-quark, crm_pdf_error)

/**
 * crm_pdf_open:
 * @bytes: the bytes of a PDF
 * @error: return location for a #GError
 *
 * Opens @bytes with poppler. The document keeps a reference on @bytes for
 * as long as it lives, so the caller may drop its own at once.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PopplerDocument *
crm_pdf_open (GBytes  *bytes,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CRM_PDF_ERROR, CRM_PDF_ERROR_INVALID,
                           _("The document is empty"));
      return NULL;
    }

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      /* Translators: %s is poppler's own reason */
      g_set_error (error, CRM_PDF_ERROR, CRM_PDF_ERROR_INVALID,
                   _("The document cannot be read: %s"), local_error->message);
      return NULL;
    }

  return document;
}

guint
crm_pdf_get_n_pages (PopplerDocument *document)
{
  int n_pages;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), 0);

  n_pages = poppler_document_get_n_pages (document);

  return n_pages > 0 ? (guint)n_pages : 0;
}

/**
 * crm_pdf_get_page_size:
 * @document: a #PopplerDocument
 * @index: a page, from 0
 * @out_width: (out): its width in points
 * @out_height: (out): its height in points
 *
 * Returns: %FALSE when @document has no page @index
 */
gboolean
crm_pdf_get_page_size (PopplerDocument *document,
                       guint            index,
                       double          *out_width,
                       double          *out_height)
{
  g_autoptr(CrmPdfPage) page = NULL;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);

  if (index >= crm_pdf_get_n_pages (document))
    return FALSE;

  page = poppler_document_get_page (document, (int)index);
  if (page == NULL)
    return FALSE;

  poppler_page_get_size (page, out_width, out_height);

  return TRUE;
}

static PopplerPage *
get_page (PopplerDocument  *document,
          guint             index,
          GError          **error)
{
  PopplerPage *page = NULL;

  if (index < crm_pdf_get_n_pages (document))
    page = poppler_document_get_page (document, (int)index);

  if (page == NULL)
    /* Translators: %u is a page number, from 1 */
    g_set_error (error, CRM_PDF_ERROR, CRM_PDF_ERROR_PAGE,
                 _("The document has no page %u"), index + 1);

  return page;
}

/**
 * crm_pdf_render_page:
 * @document: a #PopplerDocument only this thread uses
 * @index: a page, from 0
 * @scale: pixels per point (1.0 draws the page at 72 dpi)
 * @error: return location for a #GError
 *
 * Rasterises a page on white, for the screen. Meant for a worker thread.
 * The raster is bounded to %CRM_PDF_MAX_RASTER pixels a side: a larger
 * @scale is reduced to fit.
 *
 * Returns: (transfer full): a %CAIRO_FORMAT_ARGB32 image surface, or
 *   %NULL with @error set
 */
cairo_surface_t *
crm_pdf_render_page (PopplerDocument  *document,
                     guint             index,
                     double            scale,
                     GError          **error)
{
  g_autoptr(CrmPdfPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  page = get_page (document, index, error);
  if (page == NULL)
    return NULL;

  poppler_page_get_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, CRM_PDF_ERROR, CRM_PDF_ERROR_PAGE,
                   _("The document has no page %u"), index + 1);
      return NULL;
    }

  scale = MIN (scale, CRM_PDF_MAX_RASTER / MAX (width, height));
  pixel_width = MAX (1, (int)ceil (width * scale));
  pixel_height = MAX (1, (int)ceil (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);

  /* A PDF page has no background of its own: paper is white. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CRM_PDF_ERROR, CRM_PDF_ERROR_RENDER,
                   _("The page cannot be drawn: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * crm_pdf_print_page:
 * @document: a #PopplerDocument
 * @index: a page, from 0
 * @cr: the printer's context, in points
 * @width: the printable width, in @cr's units
 * @height: the printable height, in @cr's units
 * @error: return location for a #GError
 *
 * Draws a page for printing: poppler's printing path, which keeps text
 * and vectors as they are rather than a raster, scaled down (never up) to
 * fit @width × @height and centred.
 *
 * Returns: %FALSE with @error set when there is no such page
 */
gboolean
crm_pdf_print_page (PopplerDocument  *document,
                    guint             index,
                    cairo_t          *cr,
                    double            width,
                    double            height,
                    GError          **error)
{
  g_autoptr(CrmPdfPage) page = NULL;
  double page_width, page_height, scale;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  page = get_page (document, index, error);
  if (page == NULL)
    return FALSE;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = 1.0;
  if (page_width > 0 && page_height > 0 && width > 0 && height > 0)
    scale = MIN (1.0, MIN (width / page_width, height / page_height));

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);

  return TRUE;
}

/**
 * crm_pdf_dup_page_text:
 * @document: a #PopplerDocument
 * @index: a page, from 0
 *
 * The text of a page, selected from the corner where its reading starts.
 * Poppler reads a page's text as a selection between two corners, and a
 * selection from the top left (poppler_page_get_text()) starts a
 * right-to-left page after the end of its first lines: a Hebrew quote
 * lost its header, title, number and footer. From the top right a
 * left-to-right page loses its text the same way, so both are taken and
 * the longer kept; neither adds text that is not there.
 *
 * Returns: (transfer full) (nullable): the text of a page as poppler
 *   extracts it, %NULL when there is no such page
 */
char *
crm_pdf_dup_page_text (PopplerDocument *document,
                       guint            index)
{
  g_autoptr(CrmPdfPage) page = NULL;
  PopplerRectangle from_left = { 0 }, from_right = { 0 };
  char *ltr, *rtl;
  double width, height;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  page = get_page (document, index, NULL);
  if (page == NULL)
    return NULL;

  poppler_page_get_size (page, &width, &height);
  from_left.x2 = from_right.x1 = width;
  from_left.y2 = from_right.y2 = height;
  ltr = poppler_page_get_text_for_area (page, &from_left);
  rtl = poppler_page_get_text_for_area (page, &from_right);
  if (strlen (rtl) > strlen (ltr))
    {
      g_free (ltr);
      return rtl;
    }
  g_free (rtl);

  return ltr;
}
