/* bench-floor.h
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

/* The floor of a quote's PDF, shared by bench-quote (in process) and
 * bench-quote-floor (as a whole process): every line of text the document
 * shows, each shaped by Pango in the document's fonts and drawn on an A4
 * PDF surface, right to left, with nothing decided about it (no table, no
 * money, no page breaks). */

#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* Draws @lines to the PDF file @path, or to nowhere when @path is NULL
 * (which only lowers the floor: Deals keeps its bytes). */
static inline void
bench_floor_render (char       **lines,
                    const char  *path)
{
  cairo_surface_t *surface = path != NULL
                             ? cairo_pdf_surface_create (path, 595.28, 841.89)
                             : cairo_pdf_surface_create_for_stream (NULL, NULL, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans, Noto Sans Hebrew 9");
  double y = 40;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (595 - 80) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_RTL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int height;

      pango_layout_set_text (layout, lines[i], -1);
      cairo_move_to (cr, 40, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &height);
      y += (double)height / PANGO_SCALE;
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}
