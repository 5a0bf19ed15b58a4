/* crm-quote-preview.h
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

#include <adwaita.h>

#include "crm-quote.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUOTE_PREVIEW (crm_quote_preview_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuotePreview, crm_quote_preview, CRM, QUOTE_PREVIEW, GtkWidget)

/* How long the preview waits after an edit before it renders: short
 * enough that the page follows a keystroke within 100 ms (a render takes
 * some 15 ms in its worker, the frame 15 more; bench-quote), long enough
 * that a burst of changes (a paste, a key held down) renders once. A
 * render under way for an older edit is dropped. */
#define CRM_QUOTE_PREVIEW_DELAY_MS 40

GtkWidget  *crm_quote_preview_new            (void);
CrmQuote   *crm_quote_preview_get_quote      (CrmQuotePreview *self);
void        crm_quote_preview_set_quote      (CrmQuotePreview *self,
                                              CrmQuote        *quote);
void        crm_quote_preview_set_pdf        (CrmQuotePreview *self,
                                              GBytes          *pdf);
void        crm_quote_preview_queue_render   (CrmQuotePreview *self);
GBytes     *crm_quote_preview_get_pdf        (CrmQuotePreview *self);
guint       crm_quote_preview_get_page       (CrmQuotePreview *self);
void        crm_quote_preview_set_page       (CrmQuotePreview *self,
                                              guint            page);
guint       crm_quote_preview_get_n_pages    (CrmQuotePreview *self);
double      crm_quote_preview_get_zoom       (CrmQuotePreview *self);
void        crm_quote_preview_set_zoom       (CrmQuotePreview *self,
                                              double           zoom);
gboolean    crm_quote_preview_get_busy       (CrmQuotePreview *self);
guint       crm_quote_preview_get_generation (CrmQuotePreview *self);
GdkTexture *crm_quote_preview_get_texture    (CrmQuotePreview *self);
const char *crm_quote_preview_get_error      (CrmQuotePreview *self);

G_END_DECLS
