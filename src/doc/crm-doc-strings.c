/* crm-doc-strings.c
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

#include "config.h"

#include <string.h>

#include "crm-doc-private.h"
#include "crm-doc-strings.h"

/* Hebrew entries avoid punctuation between Hebrew words and numbers or
 * Latin text: a label and its value sit in separate cells, so that the
 * text a PDF reader extracts keeps the order shown (see decisions.md). */
static const char * const strings[CRM_DOC_N_STRINGS][CRM_DOC_N_LANGUAGES] = {
  /*                         en                      he                      ru */
  [CRM_DOC_QUOTE]        = { "Quote",                "הצעת מחיר",            "Коммерческое предложение" },
  [CRM_DOC_NUMBER]       = { "Number",               "מספר",                 "Номер" },
  [CRM_DOC_DATE]         = { "Date",                 "תאריך",                "Дата" },
  [CRM_DOC_VALID_UNTIL]  = { "Valid until",          "בתוקף עד",             "Действительно до" },
  [CRM_DOC_CUSTOMER]     = { "Customer",             "לקוח",                 "Клиент" },
  [CRM_DOC_CODE]         = { "Code",                 "קוד",                  "Код" },
  [CRM_DOC_DESCRIPTION]  = { "Description",          "תיאור",                "Описание" },
  [CRM_DOC_QUANTITY]     = { "Qty",                  "כמות",                 "Кол-во" },
  [CRM_DOC_UNIT_PRICE]   = { "Unit price",           "מחיר יחידה",           "Цена" },
  [CRM_DOC_DISCOUNT]     = { "Discount",             "הנחה",                 "Скидка" },
  [CRM_DOC_NET]          = { "Net",                  "נטו",                  "Сумма" },
  [CRM_DOC_NET_TOTAL]    = { "Total before VAT",     "סה״כ לפני מע״מ",       "Итого без НДС" },
  [CRM_DOC_VAT_AT]       = { "VAT",                  "מע״מ",                 "НДС" },
  [CRM_DOC_TOTAL]        = { "Total",                "סה״כ לתשלום",          "Всего к оплате" },
  [CRM_DOC_SCHEDULE]     = { "Payment schedule",     "לוח תשלומים",          "График платежей" },
  [CRM_DOC_INSTALMENTS]  = { "Instalments",          "תשלומים",              "Платежей" },
  [CRM_DOC_FIRST]        = { "First",                "ראשון",                "Первый" },
  [CRM_DOC_THEN]         = { "Then",                 "ואחריו",               "Затем" },
  [CRM_DOC_PAYMENT_TERM] = { "Payment terms",        "תנאי תשלום",           "Условия оплаты" },
  [CRM_DOC_NOTES]        = { "Notes",                "הערות",                "Примечания" },
  [CRM_DOC_VALIDITY]     = { "This quote is valid until", "הצעה זו בתוקף עד", "Предложение действительно до" },
  [CRM_DOC_SIGNATURE]    = { "Signature and stamp",  "חתימה וחותמת",         "Подпись и печать" },
  [CRM_DOC_PAGE_OF]      = { "Page %u of %u",        "עמוד %u מתוך %u",      "Страница %u из %u" },
  [CRM_DOC_DRAFT_MARK]   = { "Draft – awaiting approval", "טיוטה – ממתינה לאישור", "Черновик – ожидает утверждения" },
  [CRM_DOC_SUBJECT]      = { "Quote for",            "הצעת מחיר עבור",       "Предложение для" },
};

/* en, he, ru; anything else reads English. */
guint
crm_doc_language_slot (const char *language)
{
  if (language != NULL && strncmp (language, "he", 2) == 0)
    return 1;
  if (language != NULL && strncmp (language, "ru", 2) == 0)
    return 2;
  return 0;
}

const char *
crm_doc_string_for_slot (CrmDocString id,
                         guint        slot)
{
  g_return_val_if_fail (id < CRM_DOC_N_STRINGS, "");
  g_return_val_if_fail (slot < CRM_DOC_N_LANGUAGES, "");

  return strings[id][slot];
}

const char *
crm_doc_string (CrmDocString  id,
                const char   *language)
{
  return crm_doc_string_for_slot (id, crm_doc_language_slot (language));
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

/* Text from outside (a customer's name) loses its bidi controls and is
 * isolated (U+2068 … U+2069), so it can neither reorder the rest of its
 * line nor be reordered by it. */
char *
_crm_doc_isolate (const char *text)
{
  GString *isolated = g_string_new ("\xe2\x81\xa8");

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_control (c))
        g_string_append_unichar (isolated, c);
    }
  g_string_append (isolated, "\xe2\x81\xa9");

  return g_string_free (isolated, FALSE);
}

/* The same for text of several lines (an address, the organisation's
 * details), line by line: each line takes the direction of its own first
 * letter, so "ООО «Сделки»" or "+972 50…" in a Hebrew quote keeps its
 * order, and an isolate never runs across a line break. NULL stays NULL. */
char *
_crm_doc_isolate_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *isolated = _crm_doc_isolate (lines[i]);

      g_free (lines[i]);
      lines[i] = isolated;
    }

  return g_strjoinv ("\n", lines);
}
