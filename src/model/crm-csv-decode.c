/* crm-csv-decode.c
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

#define G_LOG_DOMAIN "crm-csv-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "crm-csv-import-private.h"

/*
 * Encodings: the text of a lead list in UTF-8, whatever the spreadsheet
 * saved it in (see crm-csv-import.c).
 */

/*
 * Letter frequencies of running text, in hundredths of a percent, for the
 * bytes 0xC0–0xFF as Windows-1255 reads them (Hebrew) and as Windows-1251
 * reads them (Russian). Hebrew letters are 0xE0–0xFA, with vowel points
 * below them that modern text hardly uses; Russian has its capitals at
 * 0xC0–0xDF and its lower case at 0xE0–0xFF. The two ranges overlap, so the
 * guess weighs how likely the bytes are as either language.
 */
static const guint16 hebrew_frequencies[64] = {
  /* 0xC0–0xCF: vowel points and marks */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  /* 0xD0–0xDF: more marks, Yiddish ligatures, then nothing */
  2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0,
  /* 0xE0–0xEF: א ב ג ד ה ו ז ח ט י ך כ ל ם מ ן */
  634, 474, 130, 275, 870, 1038, 94, 243, 124, 1106, 57, 272, 722, 255, 505, 132,
  /* 0xF0–0xFF: נ ס ע ף פ ץ צ ק ר ש ת, then nothing, LRM and RLM */
  323, 150, 317, 27, 162, 23, 116, 199, 557, 449, 527, 0, 0, 2, 2, 0,
};

/* а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я */
static const guint16 russian_frequencies[32] = {
  801, 159, 454, 170, 298, 845, 94, 165, 735, 121, 349, 440, 321, 670, 1097, 281,
  473, 547, 626, 262, 26, 97, 48, 144, 73, 36, 4, 190, 174, 32, 64, 201,
};

/* Log-likelihood that the high bytes of @data are Hebrew in Windows-1255
 * rather than Russian in Windows-1251: positive for Hebrew. */
static double
score_hebrew_over_russian (const guint8 *data,
                           gsize         size)
{
  /* A byte neither language uses is not impossible (a stray symbol), only
   * very unlikely: half a hundredth of a percent. */
  const double floor_frequency = 0.5;
  guint64 counts[64] = { 0 };
  double score = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] >= 0xC0)
        counts[data[i] - 0xC0]++;
    }

  for (guint i = 0; i < 64; i++)
    {
      double hebrew, russian;

      if (counts[i] == 0)
        continue;

      hebrew = MAX (hebrew_frequencies[i], floor_frequency);

      /* Names and sentences start with a capital: about one letter in
       * seven of a contact list is one. */
      if (i < 32)
        russian = russian_frequencies[i] * 0.15;
      else
        russian = russian_frequencies[i - 32] * 0.85;
      russian = MAX (russian, floor_frequency);

      score += counts[i] * (log (hebrew) - log (russian));
    }

  return score;
}

/* UTF-16 written without a byte order mark still shows itself: nearly every
 * character of a CSV file (digits, delimiters, Latin letters) has a zero
 * byte, the high one, on the same side. Returns NULL when it is not. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         size)
{
  gsize n = MIN (size, 4096) & ~(gsize) 1;
  guint even = 0, odd = 0;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }

  if (n < 4)
    return NULL;
  if (odd > n / 8 && even == 0)
    return "UTF-16LE";
  if (even > n / 8 && odd == 0)
    return "UTF-16BE";

  return NULL;
}

static char *
convert_to_utf8 (const guint8  *data,
                 gsize          size,
                 const char    *from,
                 gsize         *out_len,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text;

  text = g_convert ((const char *) data, size, "UTF-8", from, NULL, out_len, &local_error);
  if (text == NULL)
    g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                 /* Translators: the first %s is an encoding such as UTF-16LE,
                  * the second why the text could not be read in it */
                 _("The file looks like %s text but cannot be read as such: %s"),
                 from, local_error->message);

  return text;
}

/* Returns the text of @data in UTF-8 and the encoding it was in. */
char *
_crm_csv_decode (const guint8  *data,
                 gsize          size,
                 const char   **out_encoding,
                 gsize         *out_len,
                 GError       **error)
{
  const char *utf16;
  char *text;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *out_encoding = "UTF-8";
      if (!g_utf8_validate_len ((const char *) data + 3, size - 3, NULL))
        {
          g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                               _("The file says it is UTF-8 text but is not"));
          return NULL;
        }
      *out_len = size - 3;
      return g_strndup ((const char *) data + 3, size - 3);
    }

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      *out_encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      return convert_to_utf8 (data + 2, size - 2, *out_encoding, out_len, error);
    }

  if ((utf16 = guess_utf16 (data, size)) != NULL)
    {
      *out_encoding = utf16;
      return convert_to_utf8 (data, size, utf16, out_len, error);
    }

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      *out_encoding = "UTF-8";
      *out_len = size;
      return g_strndup ((const char *) data, size);
    }

  /* Not UTF-8: a spreadsheet saved it in the Windows code page of its
   * locale. Should the bytes not fit the likelier one, try the other. */
  if (score_hebrew_over_russian (data, size) > 0)
    *out_encoding = "WINDOWS-1255";
  else
    *out_encoding = "WINDOWS-1251";

  text = g_convert ((const char *) data, size, "UTF-8", *out_encoding, NULL, out_len, NULL);
  if (text != NULL)
    return text;

  *out_encoding = g_str_equal (*out_encoding, "WINDOWS-1255") ? "WINDOWS-1251" : "WINDOWS-1255";
  text = g_convert ((const char *) data, size, "UTF-8", *out_encoding, NULL, out_len, NULL);
  if (text != NULL)
    return text;

  g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                       _("The file is not text in UTF-8, UTF-16, Windows-1255 or Windows-1251; "
                         "save it from the spreadsheet as “CSV UTF-8”"));
  return NULL;
}

