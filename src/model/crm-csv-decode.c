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

/* The single-byte encodings a guess chooses from: the Windows code pages
 * of Hebrew, Russian and Western European spreadsheets. */
static const char * const single_byte_encodings[] = {
  "WINDOWS-1255", "WINDOWS-1251", "WINDOWS-1252",
};

/* |log-likelihood| above which Hebrew against Russian is taken as known:
 * a few words of either language; one name may stay below it. */
#define CERTAIN_SCORE 8.0

static void
note_bad_line (CrmCsvDecoding *decoding,
               guint           line)
{
  guint last;

  if (decoding->bad_lines == NULL)
    decoding->bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  last = decoding->bad_lines->len > 0 ? g_array_index (decoding->bad_lines, guint, decoding->bad_lines->len - 1) : 0;
  if (last != line)
    g_array_append_val (decoding->bad_lines, line);
}

/* Counts line breaks as crm-csv-read.c does: "\r\n", "\n" and "\r". */
static guint
count_lines (const guint8 *p,
             const guint8 *end)
{
  guint n = 0;

  for (; p < end; p++)
    {
      if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
        n++;
    }

  return n;
}

/* @data as UTF-8, each byte that is not part of a character replaced by
 * U+FFFD and its line noted. Counts the characters of more than one byte
 * and the bytes that were replaced. */
static char *
decode_utf8 (const guint8   *data,
             gsize           size,
             CrmCsvDecoding *decoding,
             gsize          *out_len,
             guint          *n_multibyte,
             guint          *n_invalid)
{
  GString *out = g_string_sized_new (size);
  const guint8 *end = data + size;
  const guint8 *p = data;
  guint line = 1;

  *n_multibyte = 0;
  *n_invalid = 0;

  while (p < end)
    {
      const char *valid_end = NULL;

      g_utf8_validate_len ((const char *) p, end - p, &valid_end);
      for (const guint8 *q = p; q < (const guint8 *) valid_end; q++)
        *n_multibyte += *q >= 0xC0;
      line += count_lines (p, (const guint8 *) valid_end);
      g_string_append_len (out, (const char *) p, (const guint8 *) valid_end - p);

      p = (const guint8 *) valid_end;
      if (p >= end)
        break;

      note_bad_line (decoding, line);
      (*n_invalid)++;
      g_string_append (out, "\xEF\xBF\xBD");
      p++;
    }

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Each byte's character in @encoding as UTF-8, empty where it has none. */
static void
build_table (const char *encoding,
             char        table[256][4])
{
  GIConv conv = g_iconv_open ("UTF-8", encoding);

  g_assert (conv != (GIConv) -1);

  for (guint b = 0; b < 256; b++)
    {
      char in = (char) b;
      char *in_p = &in;
      char *out_p = table[b];
      gsize in_left = 1, out_left = 3;

      memset (table[b], 0, 4);
      /* The flush matters: glibc's Windows-1255 holds a letter back in
       * case a vowel point follows to combine with it. */
      if (g_iconv (conv, &in_p, &in_left, &out_p, &out_left) == (gsize) -1 ||
          g_iconv (conv, NULL, NULL, &out_p, &out_left) == (gsize) -1)
        memset (table[b], 0, 4);
      g_iconv (conv, NULL, NULL, NULL, NULL);
    }

  g_iconv_close (conv);
}

/* @data in a single-byte @encoding as UTF-8; a byte the encoding has no
 * character for becomes U+FFFD and its line is noted. */
static char *
decode_single_byte (const guint8   *data,
                    gsize           size,
                    const char     *encoding,
                    CrmCsvDecoding *decoding,
                    gsize          *out_len)
{
  char table[256][4];
  GString *out = g_string_sized_new (size + size / 2);
  guint line = 1;

  build_table (encoding, table);

  for (gsize i = 0; i < size; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (table[b][0] != '\0')
        g_string_append (out, table[b]);
      else
        {
          note_bad_line (decoding, line);
          g_string_append (out, "\xEF\xBF\xBD");
        }

      if (b == '\n' || (b == '\r' && (i + 1 == size || data[i + 1] != '\n')))
        line++;
    }

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Words whose letters are all bytes above ASCII are Hebrew or Russian;
 * words that mix such bytes with Latin letters ("José", "Müller") are
 * Western European. Bytes above ASCII count as letters: they are letters,
 * or quotes and dashes, in all three code pages. */
static void
count_words (const guint8 *data,
             gsize         size,
             guint        *n_latin,
             guint        *n_script)
{
  gboolean ascii = FALSE;
  guint high = 0;

  *n_latin = 0;
  *n_script = 0;

  for (gsize i = 0; i <= size; i++)
    {
      guint8 c = i < size ? data[i] : ' ';

      if (c >= 0x80 || g_ascii_isalpha (c))
        {
          ascii |= c < 0x80;
          high += c >= 0x80;
          continue;
        }

      if (high > 0 && ascii)
        (*n_latin)++;
      else if (high >= 2)
        (*n_script)++;
      ascii = FALSE;
      high = 0;
    }
}

/* Not UTF-8: a spreadsheet saved it in the Windows code page of its
 * locale. The guess is certain when the words point one way only and,
 * between Hebrew and Russian, the letters say so clearly. */
static const char *
guess_single_byte (const guint8 *data,
                   gsize         size,
                   gboolean     *certain)
{
  double score = score_hebrew_over_russian (data, size);
  const char *script = score > 0 ? "WINDOWS-1255" : "WINDOWS-1251";
  guint n_latin, n_script;

  count_words (data, size, &n_latin, &n_script);
  g_debug ("Hebrew over Russian %.1f; %u Latin words, %u others", score, n_latin, n_script);

  if (n_latin > 0 && n_script == 0)
    {
      *certain = TRUE;
      return "WINDOWS-1252";
    }

  *certain = n_script > 0 && n_latin == 0 && fabs (score) >= CERTAIN_SCORE;

  if (n_latin > n_script)
    return "WINDOWS-1252";

  return script;
}

/**
 * _crm_csv_decode:
 * @data: the file
 * @size: its length
 * @encoding: (nullable): the encoding to read it in, or %NULL to work it out
 * @decoding: (out caller-allocates): the encoding used, whether it is
 *   certain, and the lines with bytes it has no character for
 * @out_len: (out): the length of the text
 * @error: return location for a #GError
 *
 * Returns the text of @data in UTF-8. Bytes that are not text in the
 * encoding become U+FFFD and their lines are noted, so that the import can
 * name them; only a file that is not text at all is an error.
 */
char *
_crm_csv_decode (const guint8    *data,
                 gsize            size,
                 const char      *encoding,
                 CrmCsvDecoding  *decoding,
                 gsize           *out_len,
                 GError         **error)
{
  g_autofree char *text = NULL;
  const char *utf16 = NULL;
  guint n_multibyte = 0, n_invalid = 0;
  gboolean bom8 = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;

  decoding->certain = TRUE;

  if (encoding == NULL && size >= 2 &&
      ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      decoding->encoding = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      return convert_to_utf8 (data + 2, size - 2, decoding->encoding, out_len, error);
    }

  if (encoding == NULL && !bom8 && (utf16 = guess_utf16 (data, size)) != NULL)
    {
      decoding->encoding = utf16;
      return convert_to_utf8 (data, size, utf16, out_len, error);
    }

  /* A NUL would end every C string after it: the file is not text. */
  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_ENCODING,
                           _("The file is not a text file"));
      return NULL;
    }

  if (bom8)
    {
      data += 3;
      size -= 3;
    }

  if (encoding != NULL && g_str_equal (encoding, "UTF-8"))
    {
      decoding->encoding = "UTF-8";
      return decode_utf8 (data, size, decoding, out_len, &n_multibyte, &n_invalid);
    }

  if (encoding != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (single_byte_encodings); i++)
        {
          if (g_str_equal (encoding, single_byte_encodings[i]))
            decoding->encoding = single_byte_encodings[i];
        }
      g_return_val_if_fail (decoding->encoding != NULL, NULL);
      return decode_single_byte (data, size, decoding->encoding, decoding, out_len);
    }

  text = decode_utf8 (data, size, decoding, out_len, &n_multibyte, &n_invalid);
  decoding->encoding = "UTF-8";

  /* UTF-8, or said to be: with a byte order mark, what is not UTF-8 in it
   * is named by line rather than read in another encoding. */
  if (n_invalid == 0 || bom8)
    {
      decoding->certain = n_invalid == 0;
      return g_steal_pointer (&text);
    }

  /* Much UTF-8 and some bytes that are not: rows pasted in from another
   * file. No one encoding reads it all; the lines are named. */
  if (n_multibyte >= 2 && n_multibyte * 4 >= n_invalid)
    {
      decoding->mixed = TRUE;
      decoding->certain = FALSE;
      return g_steal_pointer (&text);
    }

  g_clear_pointer (&text, g_free);
  g_clear_pointer (&decoding->bad_lines, g_array_unref);

  decoding->encoding = guess_single_byte (data, size, &decoding->certain);
  /* A few characters of UTF-8 among the other bytes may be chance, or
   * may not. */
  if (n_multibyte >= 2)
    decoding->certain = FALSE;

  text = decode_single_byte (data, size, decoding->encoding, decoding, out_len);

  /* Bytes the guess has no character for: another code page may have. */
  for (guint i = 0; decoding->bad_lines != NULL && i < G_N_ELEMENTS (single_byte_encodings); i++)
    {
      CrmCsvDecoding other = { single_byte_encodings[i], FALSE, FALSE, NULL };
      gsize other_len = 0;
      g_autofree char *other_text = decode_single_byte (data, size, other.encoding, &other, &other_len);

      if (other.bad_lines == NULL)
        {
          g_clear_pointer (&decoding->bad_lines, g_array_unref);
          g_free (text);
          text = g_steal_pointer (&other_text);
          *out_len = other_len;
          decoding->encoding = other.encoding;
        }
      else
        g_array_unref (other.bad_lines);
    }

  if (decoding->bad_lines != NULL)
    decoding->certain = FALSE;

  return g_steal_pointer (&text);
}

/**
 * crm_csv_list_encodings:
 *
 * Returns: (transfer none): the encodings a list can be read in by
 *   choice, for crm_csv_import_new_in_encoding()
 */
const char * const *
crm_csv_list_encodings (void)
{
  static const char * const encodings[] = {
    "UTF-8", "WINDOWS-1255", "WINDOWS-1251", "WINDOWS-1252", NULL,
  };

  return encodings;
}

/**
 * crm_csv_encoding_get_label:
 * @encoding: an encoding as crm_csv_import_get_encoding() gives it
 *
 * Returns: the encoding as people know it, translated
 */
const char *
crm_csv_encoding_get_label (const char *encoding)
{
  if (g_strcmp0 (encoding, "WINDOWS-1255") == 0)
    /* Translators: a file's text encoding */
    return _("Windows-1255 (Hebrew)");
  if (g_strcmp0 (encoding, "WINDOWS-1251") == 0)
    /* Translators: a file's text encoding */
    return _("Windows-1251 (Cyrillic)");
  if (g_strcmp0 (encoding, "WINDOWS-1252") == 0)
    /* Translators: a file's text encoding */
    return _("Windows-1252 (Latin-1, Western European)");
  if (g_strcmp0 (encoding, "UTF-16LE") == 0 || g_strcmp0 (encoding, "UTF-16BE") == 0)
    return "UTF-16";

  /* UTF-8 is known by that name in every language. */
  return encoding;
}
