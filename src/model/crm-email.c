/* crm-email.c
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

#define G_LOG_DOMAIN "crm-email"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-email.h"
#include "crm-limits.h"

/*
 * One address as people type it into a contact: local@domain, no display
 * name, no quoted local part, no address literal. Internationalized domains
 * (пример.рф) and non-ASCII local parts (RFC 6531) are allowed.
 */

/* RFC 5321 §4.5.3.1.1. */
#define LOCAL_PART_MAX 64
/* RFC 5321 §4.5.3.1.2 allows 255 octets, but a DNS name written out is at
 * most 253 characters (RFC 1035 §2.3.4), so nothing longer can be reached. */
#define DOMAIN_MAX 253
/* RFC 1035 §2.3.4. */
#define LABEL_MAX 63
/* RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets. */
#define ADDRESS_MAX 254

static gboolean email_error (GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (2, 3);

G_DEFINE_QUARK (crm-validation-error-quark, crm_validation_error)

/* Always returns %FALSE, so that checks read "return email_error (…)". */
static gboolean
email_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL, message);

  return FALSE;
}

/* RFC 5322 atext, the characters of a dot-atom besides the dots. Anything
 * outside ASCII is allowed too (RFC 6531). */
static gboolean
is_local_char (gunichar c)
{
  if (c >= 0x80)
    return TRUE;

  if (g_ascii_isalnum ((char) c))
    return TRUE;

  return strchr ("!#$%&'*+-/=?^_`{|}~", (int) c) != NULL;
}

static gboolean
check_local_part (const char  *text,
                  const char  *local,
                  gsize        local_len,
                  GError     **error)
{
  const char *end = local + local_len;

  if (local_len == 0)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” has nothing before the “@”"), text);

  if (local_len > LOCAL_PART_MAX)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The part before the “@” in “%s” is longer than 64 characters"),
                        text);

  if (local[0] == '.')
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” cannot start with a dot"), text);

  if (end[-1] == '.')
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The part before the “@” in “%s” cannot end with a dot"), text);

  for (const char *p = local; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.')
        {
          if (p[1] == '.')
            /* Translators: %s is the email address as the user typed it */
            return email_error (error, _("“%s” has two dots in a row"), text);
        }
      else if (!is_local_char (c))
        {
          char bad[8] = { 0 };

          g_unichar_to_utf8 (c, bad);

          /* Translators: the first %s is the email address as the user typed
           * it, the second the character that is not allowed, such as “,” */
          return email_error (error,
                              _("“%s” contains “%s”, which is not allowed in an email address"),
                              text, bad);
        }
    }

  return TRUE;
}

/* Checks the ASCII (punycode) form of the domain: what DNS will see. */
static gboolean
check_domain_labels (const char  *text,
                     const char  *ascii,
                     GError     **error)
{
  g_auto (GStrv) labels = NULL;
  guint n_labels;

  if (strlen (ascii) > DOMAIN_MAX)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The domain of “%s” is too long"), text);

  if (strchr (ascii, '.') == NULL)
    /* Translators: %s is the email address as the user typed it; keep
     * example.com as it is */
    return email_error (error, _("The domain of “%s” needs a dot, as in example.com"), text);

  labels = g_strsplit (ascii, ".", -1);
  n_labels = g_strv_length (labels);

  for (guint i = 0; i < n_labels; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0)
        {
          if (i == 0 || i == n_labels - 1)
            /* Translators: %s is the email address as the user typed it */
            return email_error (error, _("The domain of “%s” cannot start or end with a dot"),
                                text);

          /* Translators: %s is the email address as the user typed it */
          return email_error (error, _("“%s” has two dots in a row"), text);
        }

      if (len > LABEL_MAX)
        /* Translators: %s is the email address as the user typed it */
        return email_error (error, _("The domain of “%s” has a part longer than 63 characters"),
                            text);

      if (label[0] == '-' || label[len - 1] == '-')
        /* Translators: %s is the email address as the user typed it */
        return email_error (error,
                            _("The domain of “%s” has a part that starts or ends with a hyphen"),
                            text);

      for (const char *p = label; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-')
            {
              char bad[2] = { *p, '\0' };

              /* Translators: the first %s is the email address as the user
               * typed it, the second the character that is not allowed,
               * such as “_” */
              return email_error (error,
                                  _("The domain of “%s” contains “%s”, which is not allowed"),
                                  text, bad);
            }
        }
    }

  /* RFC 3696 §2: a top-level domain is never all digits, which also keeps
   * out IP addresses written without brackets. */
  if (strspn (labels[n_labels - 1], "0123456789") == strlen (labels[n_labels - 1]))
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The domain of “%s” cannot end in a number"), text);

  return TRUE;
}

/**
 * crm_email_normalize:
 * @input: (nullable): one email address as the user typed it, without a
 *   display name
 * @out_normalized: (out) (optional) (transfer full): the address with
 *   surrounding white space removed and the domain in lower case
 * @error: return location for a #GError
 *
 * Checks that @input is a single deliverable-looking address: local@domain,
 * a domain with a dot and valid labels (internationalized domains allowed),
 * no white space, and the length limits of RFC 5321. HS-2 wants every lead's
 * email in a valid format before a deal is opened.
 *
 * The local part is kept as typed since mail servers may treat it as case
 * sensitive; the domain is returned in its lower-case Unicode form, so
 * “info@ПРИМЕР.РФ” becomes “info@пример.рф”.
 *
 * Returns: %TRUE on success, %FALSE with @error set in the
 *   %CRM_VALIDATION_ERROR domain, code %CRM_VALIDATION_ERROR_EMAIL
 */
gboolean
crm_email_normalize (const char  *input,
                     char       **out_normalized,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) limit_error = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *unicode = NULL;
  g_autofree char *domain = NULL;
  const char *at;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_normalized != NULL)
    *out_normalized = NULL;

  /* Bounded before anything reads it: the IDN conversion and the message
   * below must not see a megabyte. Invisible characters are not dropped
   * but refused below, as an address has no room for them. The label is
   * translated only for the message, as in crm_phone_normalize(). */
  if (!crm_limits_clean_text (NULL, input, CRM_LIMIT_EMAIL, CRM_TEXT_LINE, NULL, NULL))
    {
      crm_limits_clean_text (_("Email"), input, CRM_LIMIT_EMAIL, CRM_TEXT_LINE, NULL, &limit_error);
      g_set_error_literal (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL, limit_error->message);
      return FALSE;
    }

  /* Name what was typed even when it is not valid UTF-8. */
  text = g_strstrip (g_utf8_make_valid (input != NULL ? input : "", -1));

  /* HS-2: the contact must have an email. */
  if (text[0] == '\0')
    {
      g_set_error_literal (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL,
                           _("An email address is required"));
      return FALSE;
    }

  if (!g_utf8_validate (input, -1, NULL))
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” is not a valid email address"), text);

  if (strlen (text) > ADDRESS_MAX)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” is too long for an email address"), text);

  /* Before anything else: the IDN conversion below would quietly drop some
   * invisible characters instead of refusing them. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        /* Translators: %s is the email address as the user typed it */
        return email_error (error, _("“%s” contains a space"), text);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        /* Translators: %s is the email address as the user typed it */
        return email_error (error, _("“%s” contains an invisible character"), text);
    }

  at = strchr (text, '@');
  if (at == NULL)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” has no “@”"), text);

  if (strchr (at + 1, '@') != NULL)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” has more than one “@”"), text);

  if (!check_local_part (text, text, (gsize) (at - text), error))
    return FALSE;

  if (at[1] == '\0')
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” has nothing after the “@”"), text);

  ascii = g_hostname_to_ascii (at + 1);
  if (ascii == NULL)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The domain of “%s” is not valid"), text);

  if (!check_domain_labels (text, ascii, error))
    return FALSE;

  /* Limits apply to what goes on the wire, where the domain is ASCII. */
  if ((gsize) (at - text) + 1 + strlen (ascii) > ADDRESS_MAX)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("“%s” is too long for an email address"), text);

  /* Decoding also catches malformed "xn--" labels. */
  unicode = g_hostname_to_unicode (ascii);
  if (unicode == NULL)
    /* Translators: %s is the email address as the user typed it */
    return email_error (error, _("The domain of “%s” is not valid"), text);

  domain = g_utf8_strdown (unicode, -1);

  if (out_normalized != NULL)
    *out_normalized = g_strdup_printf ("%.*s@%s", (int) (at - text), text, domain);

  return TRUE;
}
