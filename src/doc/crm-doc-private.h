/* crm-doc-private.h
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

#include "crm-quote-document.h"

G_BEGIN_DECLS

/* The fonts a document is set in, chosen by name (see decisions.md). */
#define CRM_DOC_LATIN_FONT  "Noto Sans"
#define CRM_DOC_HEBREW_FONT "Noto Sans Hebrew"

char   *_crm_doc_isolate                      (const char  *text);
char   *_crm_doc_isolate_lines                (const char  *text);
GBytes *_crm_quote_document_render_with_fonts (CrmQuote    *quote,
                                               const char  *latin_family,
                                               const char  *hebrew_family,
                                               GError     **error);

G_END_DECLS
