/* crm-procedure-text.c
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

#define G_LOG_DOMAIN "crm-procedure-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-procedure-private.h"

/* Localised text, in the user's language or in one asked for, and the
 * ISO 8601 durations the templates write ("PT30M", "P1W"). */

/**
 * crm_procedure_parse_duration:
 * @text: an ISO 8601 duration such as "PT30M", "PT4H", "P1D" or "P1W"
 * @out_span: (out) (optional): the duration
 *
 * Parses the due offsets and delays of stage rules (AXL-9: "due in 30
 * minutes"). Weeks, days, hours, minutes and seconds are accepted; years
 * and months are not, because their length depends on the calendar.
 *
 * Returns: %TRUE if @text is a valid duration
 */
gboolean
crm_procedure_parse_duration (const char *text,
                              GTimeSpan  *out_span)
{
  /* Designators in the order ISO 8601 requires them. */
  static const struct {
    char      designator;
    gboolean  time_part;
    GTimeSpan unit;
  } units[] = {
    { 'W', FALSE, 7 * G_TIME_SPAN_DAY },
    { 'D', FALSE, G_TIME_SPAN_DAY },
    { 'H', TRUE, G_TIME_SPAN_HOUR },
    { 'M', TRUE, G_TIME_SPAN_MINUTE },
    { 'S', TRUE, G_TIME_SPAN_SECOND },
  };
  const char *p = text;
  gboolean in_time = FALSE;
  gboolean any = FALSE;
  gboolean any_in_time = FALSE;
  GTimeSpan total = 0;
  guint next_unit = 0;

  if (out_span != NULL)
    *out_span = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p++ != 'P')
    return FALSE;

  while (*p != '\0')
    {
      guint64 value = 0;
      guint unit;

      if (*p == 'T')
        {
          if (in_time)
            return FALSE;

          in_time = TRUE;
          p++;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        return FALSE;

      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value > G_MAXINT32)
            return FALSE;
          p++;
        }

      for (unit = next_unit; unit < G_N_ELEMENTS (units); unit++)
        {
          if (units[unit].designator == *p && units[unit].time_part == in_time)
            break;
        }

      if (unit == G_N_ELEMENTS (units))
        return FALSE;

      if ((guint64) (G_MAXINT64 - total) / (guint64) units[unit].unit < value)
        return FALSE;

      total += (GTimeSpan) value * units[unit].unit;
      next_unit = unit + 1;
      any = TRUE;
      any_in_time |= in_time;
      p++;
    }

  if (!any || (in_time && !any_in_time))
    return FALSE;

  if (out_span != NULL)
    *out_span = total;

  return TRUE;
}

static const char *
text_for_language (const CrmText *text,
                   const char    *language)
{
  gsize length = strcspn (language, "_.@");

  if (length == 2 && (strncmp (language, "he", 2) == 0 || strncmp (language, "iw", 2) == 0))
    return text->he;

  if (length == 2 && strncmp (language, "ru", 2) == 0)
    return text->ru;

  if ((length == 2 && strncmp (language, "en", 2) == 0) ||
      g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return text->en;

  return NULL;
}

/**
 * crm_text_get:
 * @text: a template text
 *
 * Picks the translation for the user's languages, in the order of
 * g_get_language_names(); English when none of them is available.
 *
 * Returns: (transfer none): the text
 */
const char *
crm_text_get (const CrmText *text)
{
  const char * const *languages;

  g_return_val_if_fail (text != NULL, NULL);

  languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *translation = text_for_language (text, languages[i]);

      if (translation != NULL)
        return translation;
    }

  return text->en;
}

/**
 * crm_text_get_for_language:
 * @text: a template text
 * @language: (nullable): a language code such as "he" or "ru_RU.UTF-8", or
 *   %NULL for the user's languages
 *
 * Returns: (transfer none): the text in @language, or English when the
 *   template has no such translation
 */
const char *
crm_text_get_for_language (const CrmText *text,
                           const char    *language)
{
  const char *translation;

  g_return_val_if_fail (text != NULL, NULL);

  if (language == NULL)
    return crm_text_get (text);

  translation = text_for_language (text, language);

  return translation != NULL ? translation : text->en;
}
