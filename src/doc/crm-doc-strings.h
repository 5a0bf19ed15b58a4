/* crm-doc-strings.h
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

#include <glib.h>

G_BEGIN_DECLS

/* The document's own words. They follow the quote's language, not the
 * process locale, so they cannot go through gettext: see
 * docs/decisions.md, "Quotes: the document". Every entry has en, he, ru
 * (tests/doc checks it). */
typedef enum
{
  CRM_DOC_QUOTE,
  CRM_DOC_NUMBER,
  CRM_DOC_DATE,
  CRM_DOC_VALID_UNTIL,
  CRM_DOC_CUSTOMER,
  CRM_DOC_CODE,
  CRM_DOC_DESCRIPTION,
  CRM_DOC_QUANTITY,
  CRM_DOC_UNIT_PRICE,
  CRM_DOC_DISCOUNT,
  CRM_DOC_NET,
  CRM_DOC_NET_TOTAL,
  CRM_DOC_VAT_AT,
  CRM_DOC_TOTAL,
  CRM_DOC_SCHEDULE,
  CRM_DOC_INSTALMENTS,
  CRM_DOC_FIRST,
  CRM_DOC_THEN,
  CRM_DOC_PAYMENT_TERM,
  CRM_DOC_NOTES,
  CRM_DOC_VALIDITY,
  CRM_DOC_SIGNATURE,
  CRM_DOC_PAGE_OF,
  CRM_DOC_DRAFT_MARK,
  CRM_DOC_SUBJECT,
  CRM_DOC_N_STRINGS
} CrmDocString;

const char *crm_doc_string          (CrmDocString  id,
                                     const char   *language);
const char *crm_doc_string_for_slot (CrmDocString  id,
                                     guint         slot);
guint       crm_doc_language_slot   (const char   *language);

#define CRM_DOC_N_LANGUAGES 3

G_END_DECLS
