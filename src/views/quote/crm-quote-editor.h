/* crm-quote-editor.h
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
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_QUOTE_EDITOR (crm_quote_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuoteEditor, crm_quote_editor, CRM, QUOTE_EDITOR, AdwWindow)

/* How long the editor waits after an edit before it saves the draft. */
#define CRM_QUOTE_EDITOR_SAVE_DELAY_MS 600

GtkWidget       *crm_quote_editor_new                (CrmStore        *store,
                                                      CrmQuote        *quote);
CrmQuote        *crm_quote_editor_get_quote          (CrmQuoteEditor  *self);
gboolean         crm_quote_editor_get_read_only      (CrmQuoteEditor  *self);
GtkWidget       *crm_quote_editor_get_preview        (CrmQuoteEditor  *self);
GtkWidget       *crm_quote_editor_get_variant_page   (CrmQuoteEditor  *self,
                                                      guint            position);
GtkWidget       *crm_quote_editor_get_current_page   (CrmQuoteEditor  *self);
gboolean         crm_quote_editor_save_now           (CrmQuoteEditor  *self,
                                                      GError         **error);

void             crm_quote_editor_render_async       (CrmQuoteEditor      *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GBytes          *crm_quote_editor_render_finish      (CrmQuoteEditor      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void             crm_quote_editor_save_pdf_async     (CrmQuoteEditor      *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         crm_quote_editor_save_pdf_finish    (CrmQuoteEditor      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
GtkPrintOperationResult
                 crm_quote_editor_print_pdf          (CrmQuoteEditor      *self,
                                                      GBytes              *pdf,
                                                      const char          *export_filename,
                                                      GError             **error);
void             crm_quote_editor_mark_sent_async    (CrmQuoteEditor      *self,
                                                      const char          *how,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean         crm_quote_editor_mark_sent_finish   (CrmQuoteEditor      *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
