/* crm-doc-logo.c
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

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "crm-doc-logo.h"
#include "crm-limits.h"

/* Bounds the decoded image before the decoder allocates it: a 2 MiB file
 * may declare 30,000 × 30,000 pixels, and the logo is drawn a few
 * centimetres wide anyway. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int longer = MAX (width, height);

  if (longer <= CRM_QUOTE_MAX_LOGO_SIDE)
    return;

  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int)((gint64)width * CRM_QUOTE_MAX_LOGO_SIDE / longer)),
                              MAX (1, (int)((gint64)height * CRM_QUOTE_MAX_LOGO_SIDE / longer)));
}

/* The organisation's logo as a cairo image. A logo gdk-pixbuf cannot
 * read is left out of the document (logged), never an error: the quote
 * still goes out. */
cairo_surface_t *
crm_doc_logo_load (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  const guchar *src;
  guchar *dst;
  int width, height, channels, src_stride, dst_stride;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) || !gdk_pixbuf_loader_close (loader, &error))
    {
      g_debug ("The logo is left out: %s", error->message);
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || gdk_pixbuf_get_bits_per_sample (pixbuf) != 8)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  /* RGB(A) rows to cairo's native-endian premultiplied ARGB. */
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize)y * src_stride;
      guint32 *d = (guint32 *)(dst + (gsize)y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = s[0] * a / 255, g = s[1] * a / 255, b = s[2] * a / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}
