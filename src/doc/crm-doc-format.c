/* crm-doc-format.c
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

#include <string.h>

#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "crm-doc-strings.h"
#include "crm-quote-document.h"

/* Numbers, dates and money in a document's language through ICU, each
 * call with its own formatter opened on the language's locale: the process
 * locale is never read or changed, so two languages format at once. */

static const char *
icu_locale_of (const char *language)
{
  static const char * const locales[CRM_DOC_N_LANGUAGES] = { "en", "he_IL", "ru_RU" };

  return locales[crm_doc_language_slot (language)];
}

/* ICU's Hebrew patterns start with a right-to-left mark; the document
 * sets the direction of every cell itself, and a mark is a character a
 * reader extracts but never sees, so the format characters go. */
static char *
utf16_to_shown_utf8 (const UChar *text,
                     int32_t      length)
{
  g_autofree char *utf8 = g_utf16_to_utf8 ((const gunichar2 *)text, length, NULL, NULL, NULL);
  GString *shown;

  if (utf8 == NULL)
    return g_strdup ("");

  shown = g_string_sized_new (strlen (utf8));
  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (shown, c);
    }

  return g_string_free (shown, FALSE);
}

/* Exact decimal text of @value / 10^@decimals, e.g. (-12345, 2) → "-123.45". */
static char *
decimal_text (gint64 value,
              guint  decimals)
{
  guint64 magnitude = value < 0 ? (guint64)(-(value + 1)) + 1 : (guint64)value;
  guint64 scale = 1;

  for (guint i = 0; i < decimals; i++)
    scale *= 10;

  if (decimals == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          value < 0 ? "-" : "", magnitude / scale, (int)decimals, magnitude % scale);
}

static char *
format_decimal (UNumberFormat *format,
                const char    *decimal)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  int32_t length;

  length = unum_formatDecimal (format, decimal, -1, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  if (U_FAILURE (status))
    {
      g_debug ("ICU could not format %s: %s", decimal, u_errorName (status));
      return g_strdup (decimal);
    }

  return utf16_to_shown_utf8 (buffer, length);
}

/**
 * crm_document_format_money:
 * @minor: an amount in minor units of @currency
 * @currency: an ISO 4217 code
 * @language: the document's language
 *
 * Returns: (transfer full): the amount as the language writes it, with
 *   the currency's symbol, e.g. "₪1,234.50", "1 234,50 ₽"
 */
char *
crm_document_format_money (gint64      minor,
                           const char *currency,
                           const char *language)
{
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  UChar code[4] = { 0 };
  g_autofree char *decimal = NULL;
  char *text;
  int digits;

  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, NULL);

  for (guint i = 0; i < 3; i++)
    code[i] = (UChar)currency[i];

  format = unum_open (UNUM_CURRENCY, NULL, 0, icu_locale_of (language), NULL, &status);
  if (U_FAILURE (status))
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", minor, currency);

  unum_setTextAttribute (format, UNUM_CURRENCY_CODE, code, 3, &status);
  /* The currency's own number of minor units (2 for ILS and RUB). */
  digits = unum_getAttribute (format, UNUM_MAX_FRACTION_DIGITS);
  decimal = decimal_text (minor, digits < 0 ? 2 : (guint)digits);
  text = format_decimal (format, decimal);
  unum_close (format);

  return text;
}

/**
 * crm_document_format_quantity:
 * @thousandths: a quantity in thousandths
 * @language: the document's language
 *
 * Returns: (transfer full): the quantity with as many decimals as it
 *   has (at most 3): "2", "1.5", "0,125"
 */
char *
crm_document_format_quantity (gint64      thousandths,
                              const char *language)
{
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  g_autofree char *decimal = decimal_text (thousandths, CRM_QUANTITY_DECIMALS);
  char *text;

  format = unum_open (UNUM_DECIMAL, NULL, 0, icu_locale_of (language), NULL, &status);
  if (U_FAILURE (status))
    return g_steal_pointer (&decimal);

  unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, 0);
  unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, CRM_QUANTITY_DECIMALS);
  text = format_decimal (format, decimal);
  unum_close (format);

  return text;
}

/**
 * crm_document_format_date:
 * @iso_date: a date as YYYY-MM-DD
 * @language: the document's language
 *
 * Returns: (transfer full): the date written out in @language, or a copy
 *   of @iso_date when it is not a date
 */
char *
crm_document_format_date (const char *iso_date,
                          const char *language)
{
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format;
  UChar buffer[128];
  int32_t length;

  g_return_val_if_fail (iso_date != NULL, NULL);

  midnight = g_strdup_printf ("%sT00:00:00Z", iso_date);
  date = g_date_time_new_from_iso8601 (midnight, NULL);
  if (date == NULL)
    return g_strdup (iso_date);

  format = udat_open (UDAT_NONE, UDAT_LONG, icu_locale_of (language), utc, -1, NULL, 0, &status);
  if (U_FAILURE (status))
    return g_strdup (iso_date);

  length = udat_format (format, (UDate)g_date_time_to_unix (date) * 1000.0,
                        buffer, G_N_ELEMENTS (buffer), NULL, &status);
  udat_close (format);
  if (U_FAILURE (status))
    return g_strdup (iso_date);

  return utf16_to_shown_utf8 (buffer, length);
}
