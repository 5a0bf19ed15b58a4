/* crm-money.c
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

#define G_LOG_DOMAIN "crm-money"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-money.h"

/*
 * One reading of typed numbers for every path (deal card, stage form,
 * command line, call answers), so "1,500" cannot be 1500 on one and 1.50
 * on another. Values become integers scaled by 10^decimals: no floating
 * point, so 0.1 + 0.2 is 0.3 and an amount is exact to the agora.
 *
 * The conventions (docs/decisions.md, "Numbers"):
 *  - English and Hebrew write 1,500.50: a point for decimals, commas
 *    grouping thousands.
 *  - Russian writes 1 500,50: a comma for decimals, spaces (a no-break or
 *    narrow no-break space too) grouping thousands.
 *  - Spaces and apostrophes (12'345) group in every language.
 *  - With both a point and a comma, the last is the decimal mark and it
 *    appears once; the other groups.
 *  - A mark that repeats groups ("1,500,000", "1.500.000").
 *  - A mark that appears once is the decimal mark, except the language's
 *    grouping comma followed by exactly three digits: "1,500" is 1500 in
 *    English and Hebrew, and 1.500 in Russian (too many decimals for an
 *    amount, which is then refused rather than guessed).
 */

G_DEFINE_QUARK (crm-number-error-quark, crm_number_error)

typedef struct
{
  char        group;    /* the punctuation grouping thousands, or 0 */
  const char *example;  /* a number as this language writes it */
} Style;

static const Style style_dot = { ',', "1,500.50" };
/* U+00A0 keeps the example on one line. */
static const Style style_comma = { 0, "1\u00a0500,50" };

static const Style *
style_for (const char *language)
{
  if (language == NULL)
    language = crm_number_default_language ();

  if (g_ascii_strncasecmp (language, "ru", 2) == 0)
    return &style_comma;

  /* English, Hebrew ("he", the old "iw") and anything else. */
  return &style_dot;
}

/**
 * crm_number_default_language:
 *
 * The first of the user's languages whose numbers Deals reads ("en",
 * "he" or "ru"), for callers that have no language of their own; "en"
 * when none is.
 *
 * Returns: (transfer none): a language code
 */
const char *
crm_number_default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (names[i], "ru", 2) == 0)
        return "ru";
      if (g_ascii_strncasecmp (names[i], "he", 2) == 0 || g_ascii_strncasecmp (names[i], "iw", 2) == 0)
        return "he";
      if (g_ascii_strncasecmp (names[i], "en", 2) == 0)
        return "en";
    }

  return "en";
}

static gboolean
is_group_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 ||
         c == '\'' || c == 0x2019;
}

static gboolean
fail (GError         **error,
      CrmNumberError   code,
      const char      *text,
      gboolean         money,
      const Style     *style,
      guint            decimals)
{
  switch (code)
    {
    case CRM_NUMBER_ERROR_GROUPING:
      g_set_error (error, CRM_NUMBER_ERROR, code,
                   /* Translators: the second %s is an example, such as 1,500.50 */
                   _("“%s”: thousands are grouped by three digits, such as %s."),
                   text, style->example);
      break;

    case CRM_NUMBER_ERROR_DECIMALS:
      g_set_error (error, CRM_NUMBER_ERROR, code,
                   /* Translators: the first %s is what was typed, the second an example, such as 1,500.50 */
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has more than %u digit after the decimal mark; write it such as %s.",
                                "“%s” has more than %u digits after the decimal mark; write it such as %s.",
                                decimals),
                   text, decimals, style->example);
      break;

    case CRM_NUMBER_ERROR_TOO_LARGE:
      g_set_error (error, CRM_NUMBER_ERROR, code, _("“%s” is too large."), text);
      break;

    case CRM_NUMBER_ERROR_NEGATIVE:
      g_set_error_literal (error, CRM_NUMBER_ERROR, code, _("The amount must not be negative."));
      break;

    case CRM_NUMBER_ERROR_MALFORMED:
    default:
      if (money)
        g_set_error (error, CRM_NUMBER_ERROR, code,
                     /* Translators: the second %s is an example, such as 1,500.50 */
                     _("“%s” is not an amount, such as %s."), text, style->example);
      else
        g_set_error (error, CRM_NUMBER_ERROR, code,
                     /* Translators: the second %s is an example, such as 1,500.50 */
                     _("“%s” is not a number, such as %s."), text, style->example);
      break;
    }

  return FALSE;
}

/* The text as digits and one character per mark: ' ' for any grouping
 * space, '.' and ','. Anything else, or two marks in a row, is no number. */
static char *
simplify (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean after_mark = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char mark;

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (plain, (char)c);
          after_mark = FALSE;
          continue;
        }

      if (c == '.' || c == ',')
        mark = (char)c;
      else if (is_group_space (c))
        mark = ' ';
      else
        return NULL;

      /* ".5" is fine; "1,,5" and "1 ,5" are not. */
      if (after_mark && plain->len > 0)
        return NULL;
      g_string_append_c (plain, mark);
      after_mark = TRUE;
    }

  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/* Which character of @plain is the decimal mark: NULL when there is none. */
static const char *
find_decimal_mark (const char  *plain,
                   const Style *style)
{
  const char *last_dot = strrchr (plain, '.');
  const char *last_comma = strrchr (plain, ',');
  const char *last;
  gboolean repeats;

  if (last_dot == NULL && last_comma == NULL)
    return NULL;

  if (last_dot != NULL && last_comma != NULL)
    return MAX (last_dot, last_comma);

  last = last_dot != NULL ? last_dot : last_comma;
  repeats = strchr (plain, *last) != last;
  if (repeats)
    return NULL;

  /* The one ambiguous case: "1,500" in a language grouping with commas. */
  if (*last == style->group && strchr (plain, ' ') == NULL &&
      last > plain && strlen (last + 1) == 3)
    return NULL;

  return last;
}

/* The whole part: digits, or groups of three after a first of one to three
 * separated by one kind of mark. */
static gboolean
check_groups (const char *whole,
              gsize       length,
              gboolean   *grouping_error)
{
  char group = 0;
  guint run = 0;
  gboolean first = TRUE;

  *grouping_error = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isdigit (whole[i]))
        {
          run++;
          continue;
        }

      if ((group != 0 && whole[i] != group) || run == 0)
        return FALSE;
      group = whole[i];
      if ((first && run > 3) || (!first && run != 3))
        {
          *grouping_error = TRUE;
          return FALSE;
        }
      first = FALSE;
      run = 0;
    }

  if (group != 0 && run != 3)
    {
      *grouping_error = TRUE;
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse (const char  *text,
       const char  *language,
       guint        decimals,
       gboolean     money,
       gint64      *out_scaled,
       GError     **error)
{
  const Style *style = style_for (language);
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *plain = NULL;
  const char *body = trimmed;
  const char *mark;
  const char *fraction = "";
  gsize whole_length;
  gboolean negative = FALSE;
  gboolean grouping_error;
  guint64 value = 0;
  guint64 limit = G_MAXINT64;

  g_return_val_if_fail (decimals <= 9, FALSE);

  /* A hyphen or the minus sign U+2212. */
  negative = g_str_has_prefix (body, "-") || g_str_has_prefix (body, "\u2212");
  if (negative)
    body = g_utf8_next_char (body);

  plain = simplify (body);
  if (plain == NULL || plain[0] == '\0' || plain[0] == ' ')
    return fail (error, CRM_NUMBER_ERROR_MALFORMED, trimmed, money, style, decimals);

  mark = find_decimal_mark (plain, style);
  whole_length = mark != NULL ? (gsize)(mark - plain) : strlen (plain);
  if (mark != NULL)
    {
      fraction = mark + 1;
      if (*fraction == '\0' || strspn (fraction, "0123456789") != strlen (fraction))
        return fail (error,
                     strpbrk (fraction, ".,") != NULL ? CRM_NUMBER_ERROR_GROUPING : CRM_NUMBER_ERROR_MALFORMED,
                     trimmed, money, style, decimals);
    }

  if (!check_groups (plain, whole_length, &grouping_error))
    return fail (error, grouping_error ? CRM_NUMBER_ERROR_GROUPING : CRM_NUMBER_ERROR_MALFORMED,
                 trimmed, money, style, decimals);

  if (strlen (fraction) > decimals)
    return fail (error, CRM_NUMBER_ERROR_DECIMALS, trimmed, money, style, decimals);

  if (negative && money)
    return fail (error, CRM_NUMBER_ERROR_NEGATIVE, trimmed, money, style, decimals);

  /* The whole part, then the fraction padded to @decimals digits, checked
   * against overflow digit by digit. */
  for (gsize i = 0; i < whole_length + decimals; i++)
    {
      guint digit = 0;

      if (i < whole_length)
        {
          if (!g_ascii_isdigit (plain[i]))
            continue;
          digit = plain[i] - '0';
        }
      else if (i - whole_length < strlen (fraction))
        digit = fraction[i - whole_length] - '0';

      if (value > (limit - digit) / 10)
        return fail (error, CRM_NUMBER_ERROR_TOO_LARGE, trimmed, money, style, decimals);
      value = value * 10 + digit;
    }

  *out_scaled = negative ? -(gint64)value : (gint64)value;
  return TRUE;
}

/**
 * crm_number_parse:
 * @text: a number as someone typed it: "1,500.5", "1 500,5", "-3"
 * @language: (nullable): "en", "he" or "ru" (a locale name such as
 *   "ru_RU" also does), which decides how "1,500" is read; %NULL for
 *   crm_number_default_language()
 * @decimals: how many digits may follow the decimal mark, at most 9
 * @out_scaled: (out): the value times 10^@decimals
 * @error: return location for a #GError in %CRM_NUMBER_ERROR
 *
 * Reads a number the one way every path of Deals reads numbers (see the
 * top of this file). Surrounding white space is ignored.
 *
 * Returns: %TRUE when @text is a number with at most @decimals decimals
 */
gboolean
crm_number_parse (const char  *text,
                  const char  *language,
                  guint        decimals,
                  gint64      *out_scaled,
                  GError     **error)
{
  g_return_val_if_fail (out_scaled != NULL, FALSE);

  return parse (text, language, decimals, FALSE, out_scaled, error);
}

/**
 * crm_number_format_plain:
 * @scaled: a value from crm_number_parse()
 * @decimals: the @decimals it was parsed with
 *
 * The value as the store keeps numbers: a point for decimals, no grouping,
 * no trailing zeros ("1500", "1.5"). Every language reads it back as the
 * same value, since a point never groups alone.
 *
 * Returns: (transfer full): the text
 */
char *
crm_number_format_plain (gint64 scaled,
                         guint  decimals)
{
  guint64 magnitude = scaled < 0 ? -(guint64)scaled : (guint64)scaled;
  guint64 unit = 1;
  g_autofree char *fraction = NULL;
  gsize length;

  for (guint i = 0; i < decimals; i++)
    unit *= 10;

  if (decimals == 0 || magnitude % unit == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, scaled < 0 ? "-" : "", magnitude / unit);

  fraction = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int)decimals, magnitude % unit);
  length = strlen (fraction);
  while (length > 0 && fraction[length - 1] == '0')
    fraction[--length] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", scaled < 0 ? "-" : "", magnitude / unit, fraction);
}

/**
 * crm_money_parse:
 * @text: an amount as someone typed it: "1,500.50", "1 500,50"
 * @language: (nullable): as for crm_number_parse()
 * @out_minor: (out): the amount in minor units (150050)
 * @error: return location for a #GError in %CRM_NUMBER_ERROR
 *
 * Reads an amount of money: a number that is not negative, with at most
 * %CRM_MONEY_DECIMALS decimals. The deal card, the stage form, the
 * command line and a call's answers all read amounts here.
 *
 * Returns: %TRUE when @text is an amount
 */
gboolean
crm_money_parse (const char  *text,
                 const char  *language,
                 gint64      *out_minor,
                 GError     **error)
{
  g_return_val_if_fail (out_minor != NULL, FALSE);

  return parse (text, language, CRM_MONEY_DECIMALS, TRUE, out_minor, error);
}

/**
 * crm_money_format_plain:
 * @minor: an amount in minor units
 *
 * The amount as an entry shows it for editing and a script reads it:
 * "1500" or "1500.50", which crm_money_parse() reads back in every
 * language.
 *
 * Returns: (transfer full): the text
 */
char *
crm_money_format_plain (gint64 minor)
{
  guint64 magnitude = minor < 0 ? -(guint64)minor : (guint64)minor;

  if (magnitude % 100 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude / 100);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}
