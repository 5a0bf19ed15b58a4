/* crm-quote-document.h
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

#include <gio/gio.h>

#include "crm-quote.h"

G_BEGIN_DECLS

#define CRM_DOCUMENT_ERROR (crm_document_error_quark ())

/**
 * CrmDocumentError:
 * @CRM_DOCUMENT_ERROR_FONT: a font the document's language needs is not installed
 * @CRM_DOCUMENT_ERROR_RENDER: cairo could not write the PDF
 * @CRM_DOCUMENT_ERROR_MONEY: an amount does not fit
 * @CRM_DOCUMENT_ERROR_LOGO: the logo is not an image, or too large a one
 */
typedef enum
{
  CRM_DOCUMENT_ERROR_FONT,
  CRM_DOCUMENT_ERROR_RENDER,
  CRM_DOCUMENT_ERROR_MONEY,
  CRM_DOCUMENT_ERROR_LOGO,
} CrmDocumentError;

GQuark  crm_document_error_quark      (void);

/* A pure function from a quote to the bytes of its PDF (A4, fonts
 * embedded, text extractable). Safe in a worker thread on a quote no other
 * thread touches: hand it a crm_quote_copy(). The document's words,
 * numbers, dates and money follow the quote's language, never the process
 * locale, so two quotes in two languages may render at once. */
GBytes *crm_quote_document_render     (CrmQuote   *quote,
                                       GError    **error);

/* Whether the document can show @bytes as the organisation's logo, by
 * the same decoding it draws with; Preferences asks before it keeps one. */
gboolean crm_document_check_logo      (GBytes     *bytes,
                                       GError    **error);

/* Formatting in a document's language, through ICU on exact decimal text
 * (never a double). */
char   *crm_document_format_money     (gint64      minor,
                                       const char *currency,
                                       const char *language);
char   *crm_document_format_quantity  (gint64      thousandths,
                                       const char *language);
char   *crm_document_format_date      (const char *iso_date,
                                       const char *language);

G_END_DECLS
