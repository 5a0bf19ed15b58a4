/* crm-quote-editor-private.h
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

#include "crm-date-time-chooser.h"
#include "crm-quote-editor.h"
#include "crm-quote-preview.h"
#include "crm-quote-variant-page.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Shared by the quote editor's files: crm-quote-editor.c (the form, the
 * variants, autosave, undo) and crm-quote-editor-output.c (print, save,
 * send, mark as sent, a new revision). */

struct _CrmQuoteEditor
{
  AdwWindow           parent_instance;

  /* Owned references */
  CrmStore           *store;
  CrmQuote           *quote;
  GBytes             *stored_pdf;      /* a sent quote's bytes, as they went out */
  CrmQuoteVariant    *removed_variant; /* the last removed line, for Undo */
  CrmQuoteLine       *removed_line;
  guint               removed_position;

  guint               save_source;
  guint               updating;        /* the form is being filled from the quote */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *approval_banner;
  GtkWidget          *sent_banner;
  GtkLabel           *sent_label;
  GtkWidget          *form_group;
  AdwComboRow        *language_row;
  CrmDateTimeChooser *validity_chooser;
  AdwActionRow       *customer_row;
  GtkLabel           *bidi_label;
  AdwComboRow        *term_row;
  AdwActionRow       *installments_row;
  GtkSpinButton      *installments_spin;
  AdwActionRow       *prepayment_row;
  GtkSpinButton      *prepayment_spin;
  GtkLabel           *schedule_label;
  AdwTabView         *tab_view;
  CrmQuotePreview    *preview;

  guint               read_only : 1;
};

void _crm_quote_editor_class_add_output_actions (GtkWidgetClass *widget_class);
void _crm_quote_editor_toast                    (CrmQuoteEditor *self,
                                                 const char     *message);
void _crm_quote_editor_show_sent                (CrmQuoteEditor *self,
                                                 CrmQuote       *stored);

G_END_DECLS
