/* crm-limits.c
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

#define G_LOG_DOMAIN "crm-limits"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-limits.h"
#include "crm-strings.h"

/* How much of a refused text a message quotes: enough to recognise it. */
#define QUOTE_CHARS 40

G_DEFINE_QUARK (crm-limit-error-quark, crm_limit_error)

/* Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * reorder everything after them on screen, so a name can show as another;
 * C0 and C1 controls have no business in a field. Hebrew and Russian
 * letters, and the plain marks U+200E and U+200F, are text and stay. */
static gboolean
is_stripped (gunichar c)
{
  return (c < 0x20) || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static char *
strip_controls (const char  *valid,
                CrmTextKind  kind)
{
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (kind == CRM_TEXT_LINE && (c == '\t' || is_line_break (c)))
        {
          g_string_append_c (out, ' ');
          continue;
        }

      if (kind == CRM_TEXT_LINES && is_line_break (c))
        {
          /* "\r\n" is one break. */
          if (c == '\r' && p[1] == '\n')
            p++;
          g_string_append_c (out, '\n');
          continue;
        }

      if (kind == CRM_TEXT_LINES && c == '\t')
        {
          g_string_append_c (out, '\t');
          continue;
        }

      if (is_stripped (c))
        continue;

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
set_too_long (GError     **error,
              const char  *label,
              const char  *text,
              gsize        max_chars)
{
  /* Made valid before it is walked: a stray lead byte must not step past
   * the end. */
  g_autofree char *start = g_utf8_make_valid (text, strnlen (text, QUOTE_CHARS * 4));
  g_autofree char *quote = NULL;
  char *end = start;

  for (guint i = 0; i < QUOTE_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  *end = '\0';

  /* The quote is cleaned like a single line, so that no control of the
   * refused text reaches the message. */
  quote = strip_controls (start, CRM_TEXT_LINE);

  g_set_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_LONG,
               /* Translators: the first %s is a field ("Phone", "Name"), %u
                * its length limit, the last %s the start of what was given */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s is too long: at most %u character (“%s…”)",
                            "%s is too long: at most %u characters (“%s…”)",
                            max_chars),
               label != NULL ? label : _("The text"), (guint) max_chars, quote);
}

/**
 * crm_limits_clean_text:
 * @label: (nullable): the field, as the message names it ("Phone")
 * @text: (nullable): the text as it was given
 * @max_chars: the most characters the field takes, a `CRM_LIMIT_*` value
 * @kind: whether line breaks are kept
 * @out_clean: (out) (optional) (transfer full): the text to go on with
 * @error: return location for a #GError
 *
 * The one check every text goes through before it is parsed or stored.
 * Text longer than @max_chars characters is refused, quoting only its
 * start; the length is bounded in bytes first, so a megabyte costs no more
 * than a line. Invalid UTF-8 becomes U+FFFD. Bidi embeddings, overrides and
 * isolates and the C0 and C1 controls are removed; a one-line field turns
 * tabs and line breaks into spaces, a multi-line one keeps them. Nothing
 * is trimmed: that is the caller's business.
 *
 * Returns: %TRUE with @out_clean set (%NULL for a %NULL @text), %FALSE with
 *   @error set to %CRM_LIMIT_ERROR_TOO_LONG
 */
gboolean
crm_limits_clean_text (const char   *label,
                       const char   *text,
                       gsize         max_chars,
                       CrmTextKind   kind,
                       char        **out_clean,
                       GError      **error)
{
  g_autofree char *valid = NULL;
  gsize max_bytes = max_chars * 4;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_clean != NULL)
    *out_clean = NULL;

  if (text == NULL)
    return TRUE;

  /* No character takes more than four bytes (an invalid byte becomes a
   * three-byte U+FFFD): more bytes than that is too long, unread. */
  length = strnlen (text, max_bytes + 1);
  if (length > max_bytes)
    {
      set_too_long (error, label, text, max_chars);
      return FALSE;
    }

  valid = g_utf8_make_valid (text, length);
  if ((gsize) g_utf8_strlen (valid, -1) > max_chars)
    {
      set_too_long (error, label, valid, max_chars);
      return FALSE;
    }

  if (out_clean != NULL)
    *out_clean = strip_controls (valid, kind);

  return TRUE;
}

/**
 * crm_limits_dup_trimmed:
 * @label: (nullable): the field, as the message names it
 * @text: (nullable): the text as it was given
 * @max_chars: the most characters the field takes
 * @kind: whether line breaks are kept
 * @out_clean: (out) (transfer full): the cleaned text without surrounding
 *   white space, %NULL when nothing is left
 * @error: return location for a #GError
 *
 * crm_limits_clean_text() for a field that stores nothing for blank text.
 *
 * Returns: %TRUE with @out_clean set, %FALSE when @text is too long
 */
gboolean
crm_limits_dup_trimmed (const char   *label,
                        const char   *text,
                        gsize         max_chars,
                        CrmTextKind   kind,
                        char        **out_clean,
                        GError      **error)
{
  g_autofree char *clean = NULL;

  *out_clean = NULL;

  if (!crm_limits_clean_text (label, text, max_chars, kind, &clean, error))
    return FALSE;

  if (!crm_str_is_blank (clean))
    *out_clean = g_strstrip (g_steal_pointer (&clean));

  return TRUE;
}

/**
 * crm_limits_check_json:
 * @label: the name messages use for the text, e.g. "axl.json"
 * @data: JSON text
 * @length: the length of @data in bytes
 * @error: return location for a #GError
 *
 * json-glib parses recursively: a template nested a hundred thousand deep
 * overflows the stack before any of its own checks run. This scan counts
 * the nesting of arrays and objects outside strings, without parsing, and
 * refuses text that nests deeper than %CRM_LIMIT_TEMPLATE_DEPTH or is
 * bigger than %CRM_LIMIT_TEMPLATE_BYTES. Whether it is valid JSON is the
 * parser's to say.
 *
 * Returns: %TRUE when @data may be given to the parser
 */
gboolean
crm_limits_check_json (const char  *label,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > CRM_LIMIT_TEMPLATE_BYTES)
    {
      g_set_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_DEEP,
                   /* Translators: %s is a template's file name, %u a number of megabytes */
                   _("%s: a procedure template may be at most %u MB"),
                   label, (guint) (CRM_LIMIT_TEMPLATE_BYTES / (1024 * 1024)));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > CRM_LIMIT_TEMPLATE_DEPTH)
            {
              g_set_error (error, CRM_LIMIT_ERROR, CRM_LIMIT_ERROR_TOO_DEEP,
                           /* Translators: %s is a template's file name, %u a number */
                           _("%s: a procedure template may nest arrays and objects at most %u deep"),
                           label, (guint) CRM_LIMIT_TEMPLATE_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
