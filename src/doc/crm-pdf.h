/* crm-pdf.h
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

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

#define CRM_PDF_ERROR (crm_pdf_error_quark ())

/**
 * CrmPdfError:
 * @CRM_PDF_ERROR_INVALID: the bytes are not a PDF poppler can read
 * @CRM_PDF_ERROR_PAGE: there is no such page
 * @CRM_PDF_ERROR_RENDER: cairo could not draw the page
 */
typedef enum
{
  CRM_PDF_ERROR_INVALID,
  CRM_PDF_ERROR_PAGE,
  CRM_PDF_ERROR_RENDER,
} CrmPdfError;

/* The largest raster a preview asks for, in pixels per side: past it a
 * zoom would cost hundreds of megabytes for no visible gain. */
#define CRM_PDF_MAX_RASTER 8192

/* poppler-glib (22.x on Debian 12) declares no g_autoptr() cleanups, and a
 * newer one may: these names are ours, so both build. */
typedef PopplerDocument CrmPdfDocument;
typedef PopplerPage     CrmPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPdfDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPdfPage, g_object_unref)

GQuark           crm_pdf_error_quark    (void);
PopplerDocument *crm_pdf_open           (GBytes           *bytes,
                                         GError          **error);
guint            crm_pdf_get_n_pages    (PopplerDocument  *document);
gboolean         crm_pdf_get_page_size  (PopplerDocument  *document,
                                         guint             index,
                                         double           *out_width,
                                         double           *out_height);
cairo_surface_t *crm_pdf_render_page    (PopplerDocument  *document,
                                         guint             index,
                                         double            scale,
                                         GError          **error);
gboolean         crm_pdf_print_page     (PopplerDocument  *document,
                                         guint             index,
                                         cairo_t          *cr,
                                         double            width,
                                         double            height,
                                         GError          **error);
char            *crm_pdf_dup_page_text  (PopplerDocument  *document,
                                         guint             index);

G_END_DECLS
