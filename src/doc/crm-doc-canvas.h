/* crm-doc-canvas.h
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
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A4 in points, and the margins every page keeps. */
#define CRM_DOC_PAGE_WIDTH  595.276
#define CRM_DOC_PAGE_HEIGHT 841.890
#define CRM_DOC_MARGIN      48.0
#define CRM_DOC_FOOTER      28.0
#define CRM_DOC_CONTENT_WIDTH (CRM_DOC_PAGE_WIDTH - 2 * CRM_DOC_MARGIN)

typedef enum
{
  CRM_DOC_REGULAR,
  CRM_DOC_BOLD,
  CRM_DOC_SMALL,
  CRM_DOC_HEADING,
  CRM_DOC_TITLE,
} CrmDocStyle;

/* Where text sits in its box, in the document's direction: START is the
 * right edge in Hebrew. */
typedef enum
{
  CRM_DOC_ALIGN_START,
  CRM_DOC_ALIGN_END,
  CRM_DOC_ALIGN_CENTER,
} CrmDocAlign;

typedef struct _CrmDocCanvas CrmDocCanvas;

/* The layout engine of a document: text is laid out once into pages of
 * placed items (pass one), then every page is drawn knowing how many
 * there are (pass two, for "Page N of M"). Positions are logical: x runs
 * from the start edge, and the canvas mirrors them for a right-to-left
 * language. A canvas is used by one thread; its Pango context is its own. */
CrmDocCanvas *crm_doc_canvas_new            (const char       *language,
                                             const char       *latin_family,
                                             const char       *hebrew_family,
                                             GError          **error);
void          crm_doc_canvas_free           (CrmDocCanvas     *self);
gboolean      crm_doc_canvas_is_rtl         (CrmDocCanvas     *self);
const char   *crm_doc_canvas_get_language   (CrmDocCanvas     *self);

PangoLayout  *crm_doc_canvas_layout         (CrmDocCanvas     *self,
                                             const char       *text,
                                             CrmDocStyle       style,
                                             double            width,
                                             CrmDocAlign       align);
PangoLayout  *crm_doc_canvas_layout_ltr     (CrmDocCanvas     *self,
                                             const char       *text,
                                             CrmDocStyle       style,
                                             double            width,
                                             CrmDocAlign       align);
double        crm_doc_layout_height         (PangoLayout      *layout);

double        crm_doc_canvas_get_y          (CrmDocCanvas     *self);
void          crm_doc_canvas_set_y          (CrmDocCanvas     *self,
                                             double            y);
double        crm_doc_canvas_get_bottom     (CrmDocCanvas     *self);
gboolean      crm_doc_canvas_fits           (CrmDocCanvas     *self,
                                             double            height);
void          crm_doc_canvas_new_page       (CrmDocCanvas     *self);
guint         crm_doc_canvas_get_n_pages    (CrmDocCanvas     *self);

void          crm_doc_canvas_place          (CrmDocCanvas     *self,
                                             PangoLayout      *layout,
                                             double            x,
                                             double            width,
                                             double            y);
void          crm_doc_canvas_rule           (CrmDocCanvas     *self,
                                             double            x,
                                             double            width,
                                             double            y,
                                             double            thickness);
void          crm_doc_canvas_fill           (CrmDocCanvas     *self,
                                             double            x,
                                             double            width,
                                             double            y,
                                             double            height,
                                             double            grey);
void          crm_doc_canvas_image          (CrmDocCanvas     *self,
                                             cairo_surface_t  *image,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height);

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *created;   /* ISO 8601, nullable: keeps the bytes reproducible */
  const char *page_of;   /* "Page %u of %u" in the document's language */
  const char *mark;      /* nullable: the diagonal mark of every page */
} CrmDocFinish;

GBytes       *crm_doc_canvas_finish         (CrmDocCanvas       *self,
                                             const CrmDocFinish *finish,
                                             GError            **error);

void          crm_doc_show_layout           (cairo_t          *cr,
                                             PangoLayout      *layout);

G_END_DECLS
