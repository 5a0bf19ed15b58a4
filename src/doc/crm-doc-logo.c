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
#include <glib/gi18n.h>

#include "crm-doc-logo.h"
#include "crm-limits.h"
#include "crm-quote-document.h"

typedef struct
{
  int width;
  int height;
} Declared;

/* Bounds the decoded image before the decoder allocates it. A logo that
 * declares too many pixels is not decoded at all: a zero size makes the
 * decoder stop (most read the whole image before they scale it). Past
 * that, the logo is drawn a few centimetres wide anyway, so the longer
 * side is decoded at CRM_QUOTE_MAX_LOGO_SIDE at most. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Declared *declared = user_data;
  int longer = MAX (width, height);

  declared->width = width;
  declared->height = height;

  if ((gint64)width * height > CRM_QUOTE_MAX_LOGO_PIXELS)
    {
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  if (longer <= CRM_QUOTE_MAX_LOGO_SIDE)
    return;

  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int)((gint64)width * CRM_QUOTE_MAX_LOGO_SIDE / longer)),
                              MAX (1, (int)((gint64)height * CRM_QUOTE_MAX_LOGO_SIDE / longer)));
}

/* The one decoding of a logo, for the document and for its check. */
static GdkPixbuf *
decode_logo (GBytes  *bytes,
             GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  Declared declared = { 0, 0 };
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &declared);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    gdk_pixbuf_loader_close (loader, NULL);

  if ((gint64)declared.width * declared.height > CRM_QUOTE_MAX_LOGO_PIXELS)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_LOGO,
                   /* Translators: the image's width and height in pixels, then the most a logo may have */
                   _("The image is %d × %d pixels; a logo may have at most %d million pixels."),
                   declared.width, declared.height, CRM_QUOTE_MAX_LOGO_PIXELS / 1000000);
      return NULL;
    }

  pixbuf = local_error == NULL ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL || gdk_pixbuf_get_bits_per_sample (pixbuf) != 8)
    {
      g_debug ("Not a logo: %s", local_error != NULL ? local_error->message : "no 8-bit image");
      g_set_error_literal (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_LOGO,
                           _("The file is not an image."));
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/**
 * crm_document_check_logo:
 * @bytes: (nullable): the logo file's bytes
 * @error: return location for a #GError
 *
 * Returns: %TRUE if a document would show @bytes as the logo
 */
gboolean
crm_document_check_logo (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0 || g_bytes_get_size (bytes) > CRM_QUOTE_MAX_LOGO)
    {
      g_set_error (error, CRM_DOCUMENT_ERROR, CRM_DOCUMENT_ERROR_LOGO,
                   _("A logo is an image file of at most %d MiB."), CRM_QUOTE_MAX_LOGO / (1024 * 1024));
      return FALSE;
    }

  pixbuf = decode_logo (bytes, error);

  return pixbuf != NULL;
}

/* The organisation's logo as a cairo image. A logo that cannot be shown
 * is left out of the document (logged), never an error: the quote still
 * goes out. */
cairo_surface_t *
crm_doc_logo_load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  cairo_surface_t *surface;
  const guchar *src;
  guchar *dst;
  int width, height, channels, src_stride, dst_stride;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  pixbuf = decode_logo (bytes, &error);
  if (pixbuf == NULL)
    {
      g_debug ("The logo is left out: %s", error->message);
      return NULL;
    }

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
