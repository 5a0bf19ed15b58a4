/* crm-phone.cc
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

#define G_LOG_DOMAIN "crm-phone"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-phone.h"
#include "crm-limits.h"

#include <exception>
#include <string>

#include <phonenumbers/phonenumberutil.h>

/*
 * libphonenumber is C++; the model layer is C. Everything here is reached
 * through the C functions of crm-phone.h, and no exception may cross them:
 * each entry point catches everything and turns it into a GError or a
 * fallback value.
 */

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/* libphonenumber's "unknown region": only numbers written with "+" and a
 * country code parse against it, which is exactly what E.164 is. */
#define UNKNOWN_REGION "ZZ"

static std::string
region_or_unknown (const char *region)
{
  g_autofree char *upper = NULL;

  if (region == NULL || region[0] == '\0')
    return UNKNOWN_REGION;

  upper = g_ascii_strup (region, -1);

  return std::string (upper);
}

static gboolean
parse_e164 (const char  *e164,
            PhoneNumber *number)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();

  g_assert (number != NULL);

  if (e164 == NULL || !g_utf8_validate (e164, -1, NULL))
    return FALSE;

  return util->Parse (e164, UNKNOWN_REGION, number) == PhoneNumberUtil::NO_PARSING_ERROR;
}

/* libphonenumber's parse runs its regular expressions over every
 * character, and a fifth of its time on a number written "050-123-4567"
 * goes to the separators (issue 12: the parse is most of a lead list's
 * import). A number of ASCII digits with single spaces or hyphens between
 * digits, and at most a leading "+", is given to the parse with the
 * separators left out: they are punctuation it drops, and no extension,
 * second number or phone context can be written with digits, spaces and
 * hyphens alone. From three digits up, both forms are viable to it, so the
 * answer is the same. Anything else (brackets, dots, letters, a space
 * after "+") goes as typed. Returns FALSE when @text does not qualify. */
static gboolean
without_plain_separators (const char  *text,
                          std::string &digits)
{
  const char *p = text;
  guint n_digits = 0;

  digits.clear ();
  if (*p == '+')
    digits.push_back (*p++);

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits.push_back (*p);
          n_digits++;
        }
      else if ((*p != ' ' && *p != '-') || n_digits == 0 ||
               !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[1]))
        return FALSE;
    }

  return n_digits >= 3;
}

/* @text is the trimmed, valid UTF-8 input; it also names the input in
 * messages. The checks go from the most specific reason to the generic one so
 * that the message tells the user what to fix. */
static gboolean
normalize_phone (const char  *text,
                 const char  *default_region,
                 char       **out_e164,
                 GError     **error)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
  PhoneNumber number;
  std::string e164;
  std::string digits;

  g_assert (text != NULL);

  if (!without_plain_separators (text, digits))
    digits = text;

  switch (util->Parse (digits, region_or_unknown (default_region), &number))
    {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;

    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      if (text[0] == '+')
        g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                     /* Translators: %s is the phone number as the user typed it */
                     _("“%s” starts with an unknown country code"),
                     text);
      else
        g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                     /* Translators: %s is the phone number as the user typed it */
                     _("“%s” has no country code; write it with “+” and the country code"),
                     text);
      return FALSE;

    case PhoneNumberUtil::NOT_A_NUMBER:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is not a phone number"),
                   text);
      return FALSE;

    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is too short for a phone number"),
                   text);
      return FALSE;

    case PhoneNumberUtil::TOO_LONG_NSN:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is too long for a phone number"),
                   text);
      return FALSE;

    default:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is not a valid phone number"),
                   text);
      return FALSE;
    }

  /* E.164 has no room for an extension; dropping it silently would lose
   * what the user typed, so ask for the bare number instead. */
  if (number.has_extension ())
    {
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” has an extension; enter the number without it"),
                   text);
      return FALSE;
    }

  switch (util->IsPossibleNumberWithReason (number))
    {
    case PhoneNumberUtil::IS_POSSIBLE:
      break;

    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
      /* Dialable within its area only: not reachable from a sales office
       * elsewhere, so it is not enough for RAD-8. */
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is incomplete; include the area code"),
                   text);
      return FALSE;

    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” starts with an unknown country code"),
                   text);
      return FALSE;

    case PhoneNumberUtil::TOO_SHORT:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is too short for a phone number"),
                   text);
      return FALSE;

    case PhoneNumberUtil::TOO_LONG:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is too long for a phone number"),
                   text);
      return FALSE;

    case PhoneNumberUtil::INVALID_LENGTH:
    default:
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is not a valid phone number"),
                   text);
      return FALSE;
    }

  /* Possible only checks the length; valid checks the number against the
   * ranges its country actually allocates. */
  if (!util->IsValidNumber (number))
    {
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is not a valid phone number"),
                   text);
      return FALSE;
    }

  util->Format (number, PhoneNumberUtil::E164, &e164);

  if (out_e164 != NULL)
    *out_e164 = g_strdup (e164.c_str ());

  return TRUE;
}

/**
 * crm_phone_normalize:
 * @input: (nullable): the phone number as the user typed it
 * @default_region: (nullable): ISO 3166-1 region for numbers written without
 *   "+" and a country code, such as "IL" or "RU"
 * @out_e164: (out) (optional) (transfer full): the number in E.164 form
 * @error: return location for a #GError
 *
 * Parses @input in any of the ways people write numbers (spaces, dashes,
 * parentheses, a national prefix such as Israel's 0 or Russia's 8, or "+"
 * and a country code) and gives back its E.164 form, "+972501234567".
 *
 * RAD-8 makes a phone mandatory on every deal and HS-2 wants it in a valid
 * format, so empty input is an error, and so is a number that is not both
 * possible and valid for its region.
 *
 * Returns: %TRUE on success, %FALSE with @error set in the
 *   %CRM_VALIDATION_ERROR domain, code %CRM_VALIDATION_ERROR_PHONE
 */
gboolean
crm_phone_normalize (const char  *input,
                     const char  *default_region,
                     char       **out_e164,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *bounded = NULL;
  g_autoptr(GError) limit_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_e164 != NULL)
    *out_e164 = NULL;

  /* libphonenumber takes seconds over a few thousand digits: bound the
   * length before it sees anything, and drop bidi and other controls a
   * copied number may carry. The label is translated only for the message:
   * a gettext lookup per number shows in a 100k-row import. */
  if (!crm_limits_clean_text (NULL, input, CRM_LIMIT_PHONE, CRM_TEXT_LINE, &bounded, NULL))
    {
      crm_limits_clean_text (_("Phone"), input, CRM_LIMIT_PHONE, CRM_TEXT_LINE, NULL, &limit_error);
      g_set_error_literal (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE, limit_error->message);
      return FALSE;
    }

  /* Name what was typed even when it is not valid UTF-8. */
  text = g_strstrip (g_strdup (bounded != NULL ? bounded : ""));

  /* RAD-8: no phone, no work. */
  if (text[0] == '\0')
    {
      g_set_error_literal (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                           _("A phone number is required"));
      return FALSE;
    }

  if (!g_utf8_validate (input, -1, NULL))
    {
      g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
                   /* Translators: %s is the phone number as the user typed it */
                   _("“%s” is not a valid phone number"),
                   text);
      return FALSE;
    }

  try
    {
      return normalize_phone (text, default_region, out_e164, error);
    }
  catch (const std::exception &e)
    {
      g_warning ("Could not parse a phone number: %s", e.what ());
    }
  catch (...)
    {
      g_warning ("Could not parse a phone number: unknown exception");
    }

  g_set_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE,
               /* Translators: %s is the phone number as the user typed it */
               _("“%s” could not be checked as a phone number"),
               text);

  return FALSE;
}

/**
 * crm_phone_format:
 * @e164: (nullable): a phone number in E.164 form, as stored
 * @region: (nullable): the user's ISO 3166-1 region, such as "IL"
 *
 * Formats a stored number for display: in national format ("050-123-4567")
 * when it belongs to @region, else in international format
 * ("+1 650-253-0000").
 *
 * Returns: (transfer full) (nullable): the formatted number, or a copy of
 *   @e164 when it cannot be parsed
 */
char *
crm_phone_format (const char *e164,
                  const char *region)
{
  if (e164 == NULL)
    return NULL;

  try
    {
      PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
      PhoneNumberUtil::PhoneNumberFormat format = PhoneNumberUtil::INTERNATIONAL;
      PhoneNumber number;
      std::string number_region;
      std::string formatted;

      if (!parse_e164 (e164, &number))
        return g_strdup (e164);

      util->GetRegionCodeForNumber (number, &number_region);

      if (number_region != UNKNOWN_REGION && number_region == region_or_unknown (region))
        format = PhoneNumberUtil::NATIONAL;

      util->Format (number, format, &formatted);

      return g_strdup (formatted.c_str ());
    }
  catch (const std::exception &e)
    {
      g_warning ("Could not format a phone number: %s", e.what ());
    }
  catch (...)
    {
      g_warning ("Could not format a phone number: unknown exception");
    }

  return g_strdup (e164);
}

/**
 * crm_phone_is_mobile:
 * @e164: (nullable): a phone number in E.164 form, as stored
 *
 * HS-2 asks for a mobile phone, not just any phone. Numbers whose type
 * cannot be told from the number alone (North America's fixed-line-or-mobile
 * ranges) count as mobile.
 *
 * Returns: %TRUE if @e164 is a valid mobile number
 */
gboolean
crm_phone_is_mobile (const char *e164)
{
  try
    {
      PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
      PhoneNumber number;

      if (!parse_e164 (e164, &number) || !util->IsValidNumber (number))
        return FALSE;

      switch (util->GetNumberType (number))
        {
        case PhoneNumberUtil::MOBILE:
        case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
          return TRUE;

        default:
          return FALSE;
        }
    }
  catch (const std::exception &e)
    {
      g_warning ("Could not check a phone number: %s", e.what ());
    }
  catch (...)
    {
      g_warning ("Could not check a phone number: unknown exception");
    }

  return FALSE;
}
