/* crm-doc-canvas.c
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

#include <math.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "crm-doc-canvas.h"
#include "crm-doc-strings.h"
#include "crm-quote-document.h"

typedef enum
{
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_FILL,
  ITEM_IMAGE,
} ItemKind;

/* One thing placed on a page, in physical page coordinates. */
typedef struct
{
  ItemKind         kind;
  double           x, y, width, height;
  double           grey;
  PangoLayout     *layout;
  cairo_surface_t *image;
} Item;

struct _CrmDocCanvas
{
  char                 *language;
  gboolean              rtl;
  PangoContext         *context;      /* in the document's direction */
  PangoContext         *ltr_context;  /* for numbers, codes and money */
  PangoFontDescription *fonts[CRM_DOC_TITLE + 1];
  GPtrArray            *pages;        /* (element-type GArray<Item>) */
  double                y;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->image, cairo_surface_destroy);
}

static GArray *
page_new (void)
{
  GArray *page = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (page, item_clear);
  return page;
}

static gboolean
font_is_installed (PangoFontMap *map,
                   const char   *family)
{
  g_autofree PangoFontFamily **families = NULL;
  int n_families = 0;

  pango_font_map_list_families (map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    if (g_ascii_strcasecmp (pango_font_family_get_name (families[i]), family) == 0)
      return TRUE;

  return FALSE;
}

static PangoContext *
context_new (PangoFontMap   *map,
             const char     *language,
             PangoDirection  direction)
{
  PangoContext *context = pango_font_map_create_context (map);

  /* Points, not pixels: the PDF's unit. Set on the context, never on the
   * font map, which other code of this thread shares. */
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_language (context, pango_language_from_string (language));
  pango_context_set_base_dir (context, direction);
  return context;
}

/**
 * crm_doc_canvas_new:
 * @language: the document's language
 * @latin_family: the family for Latin and Cyrillic text ("Noto Sans")
 * @hebrew_family: the family for Hebrew ("Noto Sans Hebrew")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a canvas with one empty page, or %NULL with
 *   %CRM_DOCUMENT_ERROR_FONT when a family is not installed
 */
CrmDocCanvas *
crm_doc_canvas_new (const char  *language,
                    const char  *latin_family,
                    const char  *hebrew_family,
                    GError     **error)
{
  static const struct { const char *size; PangoWeight weight; } styles[] = {
    [CRM_DOC_REGULAR] = { "9",  PANGO_WEIGHT_NORMAL },
    [CRM_DOC_BOLD]    = { "9",  PANGO_WEIGHT_BOLD },
    [CRM_DOC_SMALL]   = { "7.5", PANGO_WEIGHT_NORMAL },
    [CRM_DOC_HEADING] = { "11", PANGO_WEIGHT_BOLD },
    [CRM_DOC_TITLE]   = { "18", PANGO_WEIGHT_BOLD },
  };
  /* The per-thread default font map: each thread has its own, so a
   * worker and the main thread never share one. */
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  CrmDocCanvas *self;
  const char *families[] = { latin_family, hebrew_family };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      if (!font_is_installed (map, families[i]))
        {
          g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_FONT,
                       /* Translators: %s is a font family, e.g. Noto Sans */
                       _("The font “%s” is not installed; the document needs it"),
                       families[i]);
          return NULL;
        }
    }

  self = g_new0 (CrmDocCanvas, 1);
  self->language = g_strdup (language ? language : "en");
  self->rtl = crm_doc_language_slot (self->language) == 1;
  self->context = context_new (map, self->language, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  self->ltr_context = context_new (map, self->language, PANGO_DIRECTION_LTR);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *spec = g_strdup_printf ("%s, %s %s", latin_family, hebrew_family, styles[i].size);

      self->fonts[i] = pango_font_description_from_string (spec);
      pango_font_description_set_weight (self->fonts[i], styles[i].weight);
    }
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  crm_doc_canvas_new_page (self);

  return self;
}

void
crm_doc_canvas_free (CrmDocCanvas *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->fonts); i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->ltr_context);
  g_free (self->language);
  g_free (self);
}

gboolean
crm_doc_canvas_is_rtl (CrmDocCanvas *self)
{
  return self->rtl;
}

const char *
crm_doc_canvas_get_language (CrmDocCanvas *self)
{
  return self->language;
}

static PangoLayout *
layout_new (CrmDocCanvas *self,
            PangoContext *context,
            const char   *text,
            CrmDocStyle   style,
            double        width,
            CrmDocAlign   align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAlignment alignment;

  /* The direction is the context's, never guessed from the text: a
   * Hebrew name in an English quote stays where English puts it. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int)(width * PANGO_SCALE));

  if (align == CRM_DOC_ALIGN_CENTER)
    alignment = PANGO_ALIGN_CENTER;
  else if ((align == CRM_DOC_ALIGN_START) != self->rtl)
    alignment = PANGO_ALIGN_LEFT;
  else
    alignment = PANGO_ALIGN_RIGHT;
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text ? text : "", -1);

  return layout;
}

/* Text in the document's direction. */
PangoLayout *
crm_doc_canvas_layout (CrmDocCanvas *self,
                       const char   *text,
                       CrmDocStyle   style,
                       double        width,
                       CrmDocAlign   align)
{
  return layout_new (self, self->context, text, style, width, align);
}

/* A value read left to right in every language (a number, an amount, a
 * product code), aligned in the document's direction. */
PangoLayout *
crm_doc_canvas_layout_ltr (CrmDocCanvas *self,
                           const char   *text,
                           CrmDocStyle   style,
                           double        width,
                           CrmDocAlign   align)
{
  return layout_new (self, self->ltr_context, text, style, width, align);
}

double
crm_doc_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
crm_doc_canvas_get_y (CrmDocCanvas *self)
{
  return self->y;
}

void
crm_doc_canvas_set_y (CrmDocCanvas *self,
                      double        y)
{
  self->y = y;
}

double
crm_doc_canvas_get_bottom (CrmDocCanvas *self)
{
  return CRM_DOC_PAGE_HEIGHT - CRM_DOC_MARGIN - CRM_DOC_FOOTER;
}

gboolean
crm_doc_canvas_fits (CrmDocCanvas *self,
                     double        height)
{
  return self->y + height <= crm_doc_canvas_get_bottom (self);
}

void
crm_doc_canvas_new_page (CrmDocCanvas *self)
{
  g_ptr_array_add (self->pages, page_new ());
  self->y = CRM_DOC_MARGIN;
}

guint
crm_doc_canvas_get_n_pages (CrmDocCanvas *self)
{
  return self->pages->len;
}

static void
add_item (CrmDocCanvas *self,
          Item         *item,
          double        x,
          double        width)
{
  GArray *page = g_ptr_array_index (self->pages, self->pages->len - 1);

  /* Logical x from the start edge to the page's own x. */
  item->x = self->rtl ? CRM_DOC_PAGE_WIDTH - CRM_DOC_MARGIN - x - width : CRM_DOC_MARGIN + x;
  item->width = width;
  g_array_append_val (page, *item);
}

/* Places @layout (a reference is taken) in the box from @x of @width. */
void
crm_doc_canvas_place (CrmDocCanvas *self,
                      PangoLayout  *layout,
                      double        x,
                      double        width,
                      double        y)
{
  Item item = { ITEM_TEXT, 0, y, 0, 0, 0, g_object_ref (layout), NULL };

  add_item (self, &item, x, width);
}

void
crm_doc_canvas_rule (CrmDocCanvas *self,
                     double        x,
                     double        width,
                     double        y,
                     double        thickness)
{
  Item item = { ITEM_RULE, 0, y, 0, thickness, 0, NULL, NULL };

  add_item (self, &item, x, width);
}

void
crm_doc_canvas_fill (CrmDocCanvas *self,
                     double        x,
                     double        width,
                     double        y,
                     double        height,
                     double        grey)
{
  Item item = { ITEM_FILL, 0, y, 0, height, grey, NULL, NULL };

  add_item (self, &item, x, width);
}

void
crm_doc_canvas_image (CrmDocCanvas    *self,
                      cairo_surface_t *image,
                      double           x,
                      double           y,
                      double           width,
                      double           height)
{
  Item item = { ITEM_IMAGE, 0, y, 0, height, 0, NULL, cairo_surface_reference (image) };

  add_item (self, &item, x, width);
}

/* Draws a layout run by run. A right-to-left run goes out as its glyphs
 * in visual order without cluster mapping: given clusters, cairo writes
 * Hebrew back to front in the content stream and PDF readers then break
 * its words apart when they extract the text. Left-to-right runs keep
 * their clusters, so ligatures extract as their letters. */
void
crm_doc_show_layout (cairo_t     *cr,
                     PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  double x0, y0;

  cairo_get_current_point (cr, &x0, &y0);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle extents;
      int baseline;

      if (run == NULL)
        continue;

      pango_layout_iter_get_run_extents (iter, NULL, &extents);
      baseline = pango_layout_iter_get_baseline (iter);
      cairo_move_to (cr, x0 + (double)extents.x / PANGO_SCALE, y0 + (double)baseline / PANGO_SCALE);
      if (run->item->analysis.level % 2 == 1)
        pango_cairo_show_glyph_string (cr, run->item->analysis.font, run->glyphs);
      else
        pango_cairo_show_glyph_item (cr, text, run);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static void
draw_item (cairo_t    *cr,
           const Item *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, item->x, item->y);
      crm_doc_show_layout (cr, item->layout);
      break;

    case ITEM_RULE:
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_rectangle (cr, item->x, item->y, item->width, item->height);
      cairo_fill (cr);
      break;

    case ITEM_FILL:
      cairo_set_source_rgb (cr, item->grey, item->grey, item->grey);
      cairo_rectangle (cr, item->x, item->y, item->width, item->height);
      cairo_fill (cr);
      break;

    case ITEM_IMAGE:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_scale (cr, item->width / cairo_image_surface_get_width (item->image),
                   item->height / cairo_image_surface_get_height (item->image));
      cairo_set_source_surface (cr, item->image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (CrmDocCanvas       *self,
             cairo_t            *cr,
             const CrmDocFinish *finish,
             guint               page)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  text = g_strdup_printf (finish->page_of, page + 1, self->pages->len);
#pragma GCC diagnostic pop
  layout = crm_doc_canvas_layout (self, text, CRM_DOC_SMALL, CRM_DOC_CONTENT_WIDTH, CRM_DOC_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_move_to (cr, CRM_DOC_MARGIN, CRM_DOC_PAGE_HEIGHT - CRM_DOC_MARGIN - crm_doc_layout_height (layout));
  crm_doc_show_layout (cr, layout);
}

/* The mark across the page, translucent so the quote stays readable. */
static void
draw_mark (CrmDocCanvas *self,
           cairo_t      *cr,
           const char   *mark)
{
  g_autoptr(PangoLayout) layout = crm_doc_canvas_layout (self, mark, CRM_DOC_TITLE, -1, CRM_DOC_ALIGN_CENTER);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (layout));
  int width, height;

  pango_font_description_set_size (font, 40 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_get_size (layout, &width, &height);

  cairo_save (cr);
  cairo_translate (cr, CRM_DOC_PAGE_WIDTH / 2, CRM_DOC_PAGE_HEIGHT / 2);
  cairo_rotate (cr, -atan2 (CRM_DOC_PAGE_HEIGHT, CRM_DOC_PAGE_WIDTH));
  cairo_move_to (cr, -(double)width / PANGO_SCALE / 2, -(double)height / PANGO_SCALE / 2);
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.18);
  crm_doc_show_layout (cr, layout);
  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Pass two: every page drawn, now that their number is known. */
GBytes *
crm_doc_canvas_finish (CrmDocCanvas       *self,
                       const CrmDocFinish *finish,
                       GError            **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes,
                                                 CRM_DOC_PAGE_WIDTH, CRM_DOC_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, finish->title ? finish->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, finish->author ? finish->author : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, finish->subject ? finish->subject : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Deals");
  if (finish->created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, finish->created);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      GArray *page = g_ptr_array_index (self->pages, i);

      for (guint j = 0; j < page->len; j++)
        draw_item (cr, &g_array_index (page, Item, j));
      draw_footer (self, cr, finish, i);
      if (finish->mark != NULL)
        draw_mark (self, cr, finish->mark);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_RENDER,
                   /* Translators: %s is cairo's own reason */
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
