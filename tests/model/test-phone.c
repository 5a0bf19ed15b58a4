/* test-phone.c
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

#define G_LOG_DOMAIN "test-phone"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-email.h"
#include "crm-phone.h"

/*
 * Phone numbers and email addresses as sales reps type them. RAD-8 (contact
 * name and phone are mandatory on every deal) and HS-2 (a lead needs an email
 * and a mobile phone in a valid format) rest on these checks.
 */

static void
assert_phone (const char *input,
              const char *region,
              const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *e164 = NULL;
  gboolean ok;

  ok = crm_phone_normalize (input, region, &e164, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (e164, ==, expected);
}

static void
assert_phone_rejected (const char *input,
                       const char *region)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *e164 = NULL;
  g_autofree char *typed = NULL;
  gboolean ok;

  ok = crm_phone_normalize (input, region, &e164, &error);

  g_assert_false (ok);
  g_assert_null (e164);
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  /* The message names what was typed, so a form can show it as it is. */
  typed = g_strstrip (g_strdup (input != NULL ? input : ""));
  if (g_utf8_validate (typed, -1, NULL))
    g_assert_nonnull (strstr (error->message, typed));
}

static void
assert_phone_format (const char *e164,
                     const char *region,
                     const char *expected)
{
  g_autofree char *formatted = crm_phone_format (e164, region);

  g_assert_cmpstr (formatted, ==, expected);
}

static void
assert_email (const char *input,
              const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  gboolean ok;

  ok = crm_email_normalize (input, &normalized, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (normalized, ==, expected);
}

static void
assert_email_rejected (const char *input)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *typed = NULL;
  gboolean ok;

  ok = crm_email_normalize (input, &normalized, &error);

  g_assert_false (ok);
  g_assert_null (normalized);
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  typed = g_strstrip (g_strdup (input != NULL ? input : ""));
  if (g_utf8_validate (typed, -1, NULL))
    g_assert_nonnull (strstr (error->message, typed));
}

static void
test_error_domain (void)
{
  g_assert_cmpstr (g_quark_to_string (CRM_VALIDATION_ERROR), ==, "crm-validation-error-quark");
  g_assert_cmpuint (CRM_VALIDATION_ERROR, ==, crm_validation_error_quark ());
}

static void
test_phone_normalize_israeli_mobile (void)
{
  assert_phone ("050-123-4567", "IL", "+972501234567");
  assert_phone ("0501234567", "IL", "+972501234567");
  assert_phone ("050 123 4567", "IL", "+972501234567");
  assert_phone ("(050) 123-4567", "IL", "+972501234567");
  assert_phone ("054-7654321", "IL", "+972547654321");
  /* Regions come from settings; their case should not matter. */
  assert_phone ("050-123-4567", "il", "+972501234567");
}

static void
test_phone_normalize_israeli_international (void)
{
  assert_phone ("+972 50 123 4567", "IL", "+972501234567");
  assert_phone ("+972-50-1234567", "IL", "+972501234567");
  assert_phone ("00972 50 123 4567", "IL", "+972501234567");
  assert_phone ("tel:+972-50-123-4567", "IL", "+972501234567");
}

static void
test_phone_normalize_israeli_landline (void)
{
  assert_phone ("03-1234567", "IL", "+97231234567");
  assert_phone ("02 123 4567", "IL", "+97221234567");
  assert_phone ("+972 3 123 4567", "IL", "+97231234567");
}

static void
test_phone_normalize_russian_landline (void)
{
  assert_phone ("8 (495) 123-45-67", "RU", "+74951234567");
  assert_phone ("+7 (495) 123-45-67", "RU", "+74951234567");
  assert_phone ("84951234567", "RU", "+74951234567");
}

static void
test_phone_normalize_russian_mobile (void)
{
  assert_phone ("+7 916 123-45-67", "RU", "+79161234567");
  assert_phone ("8 916 123 45 67", "RU", "+79161234567");
  assert_phone ("8-916-123-45-67", "RU", "+79161234567");
}

static void
test_phone_normalize_russian_toll_free (void)
{
  assert_phone ("8-800-555-35-35", "RU", "+78005553535");
  assert_phone ("8 (800) 555-35-35", "RU", "+78005553535");
}

static void
test_phone_normalize_foreign (void)
{
  /* Written with "+", a number keeps its own country whatever the region. */
  assert_phone ("+1 650 253 0000", "IL", "+16502530000");
  assert_phone ("+7 916 123-45-67", "IL", "+79161234567");
  assert_phone ("+972 50 123 4567", "RU", "+972501234567");
  assert_phone ("+44 20 7946 0958", "RU", "+442079460958");
  /* +7 is shared: a Kazakh mobile entered from Russia. */
  assert_phone ("+7 701 123 4567", "RU", "+77011234567");
  /* An Israeli mobile in national form means something else in Russia. */
  assert_phone_rejected ("050-123-4567", "RU");
}

static void
test_phone_normalize_surrounding_space (void)
{
  assert_phone ("  050-123-4567 \n", "IL", "+972501234567");
  assert_phone ("\t+7 916 123-45-67  ", "RU", "+79161234567");
}

static void
test_phone_normalize_without_region (void)
{
  assert_phone ("+972 50 123 4567", NULL, "+972501234567");
  assert_phone ("+972 50 123 4567", "", "+972501234567");
  assert_phone_rejected ("050-123-4567", NULL);
  assert_phone_rejected ("050-123-4567", "");
}

static void
test_phone_normalize_optional_out (void)
{
  g_autoptr (GError) error = NULL;

  /* Checking only, without keeping the result. */
  g_assert_true (crm_phone_normalize ("050-123-4567", "IL", NULL, NULL));
  g_assert_false (crm_phone_normalize ("050-12", "IL", NULL, NULL));
  g_assert_false (crm_phone_normalize ("050-12", "IL", NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE);
}

/* @message with the number it quotes, @typed, put as "#". */
static char *
message_without (const char  *message,
                 const char  *typed)
{
  g_auto(GStrv) parts = g_strsplit (message, typed, -1);

  return g_strjoinv ("#", parts);
}

/* Issue 12: numbers of digits with spaces or hyphens reach libphonenumber
 * without their separators. That must never change an answer, so each
 * such number is checked against its twin written with dots, which goes
 * to the parse as typed: the same E.164 number, or the same refusal. */
static void
test_phone_plain_separators_same_answer (void)
{
  static const char * const starts[] = {
    "", "0", "05", "050", "8", "810", "00", "00972", "+", "+7", "+972", "+1", "1", "9",
  };
  static const char * const regions[] = { "IL", "RU", "US", NULL };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guint n_valid = 0;

  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(GString) plain = g_string_new (starts[g_rand_int_range (rand, 0, G_N_ELEMENTS (starts))]);
      g_autoptr(GString) dotted = NULL;
      g_autoptr(GError) plain_error = NULL;
      g_autoptr(GError) dotted_error = NULL;
      g_autofree char *plain_e164 = NULL;
      g_autofree char *dotted_e164 = NULL;
      const char *region = regions[i % G_N_ELEMENTS (regions)];
      guint n_groups = g_rand_int_range (rand, 1, 5);
      gboolean plain_ok, dotted_ok;

      for (guint g = 0; g < n_groups; g++)
        {
          guint n_digits = g_rand_int_range (rand, 1, 5);

          if (g > 0 || (plain->len > 0 && g_ascii_isdigit (plain->str[plain->len - 1])))
            g_string_append_c (plain, g_rand_boolean (rand) ? '-' : ' ');
          for (guint d = 0; d < n_digits; d++)
            g_string_append_c (plain, '0' + g_rand_int_range (rand, 0, 10));
        }

      dotted = g_string_new (plain->str);
      for (char *p = dotted->str; *p != '\0'; p++)
        if (*p == '-' || *p == ' ')
          *p = '.';

      plain_ok = crm_phone_normalize (plain->str, region, &plain_e164, &plain_error);
      dotted_ok = crm_phone_normalize (dotted->str, region, &dotted_e164, &dotted_error);

      g_assert_cmpint (plain_ok, ==, dotted_ok);
      g_assert_cmpstr (plain_e164, ==, dotted_e164);
      if (!plain_ok)
        {
          g_autofree char *plain_message = message_without (plain_error->message, plain->str);
          g_autofree char *dotted_message = message_without (dotted_error->message, dotted->str);

          g_assert_cmpstr (plain_message, ==, dotted_message);
        }
      n_valid += plain_ok;
    }

  /* Both answers were seen, so both were compared. */
  g_assert_cmpuint (n_valid, >, 50);
  g_assert_cmpuint (n_valid, <, 9900);
}

static void
test_phone_reject_too_short (void)
{
  g_autoptr (GError) error = NULL;

  assert_phone_rejected ("12", "IL");
  assert_phone_rejected ("050-12", "IL");
  assert_phone_rejected ("8 916 123", "RU");
  assert_phone_rejected ("+972 5", "IL");

  g_assert_false (crm_phone_normalize ("050-12", "IL", NULL, &error));
  g_assert_nonnull (strstr (error->message, "“050-12”"));
}

static void
test_phone_reject_not_a_number (void)
{
  assert_phone_rejected ("abc", "IL");
  assert_phone_rejected ("call me", "RU");
  assert_phone_rejected ("-", "IL");
}

static void
test_phone_reject_empty (void)
{
  assert_phone_rejected ("", "IL");
  assert_phone_rejected ("   ", "IL");
  assert_phone_rejected (NULL, "IL");
}

static void
test_phone_reject_too_long (void)
{
  g_autofree char *huge = g_strnfill (300, '5');
  g_autoptr(GError) error = NULL;

  assert_phone_rejected ("+972 50 123 4567 8901 2345", "IL");
  assert_phone_rejected ("050-123-4567-890", "IL");
  assert_phone_rejected ("8 916 123 45 67 89", "RU");

  /* Past the field's limit the number is refused before libphonenumber
   * reads it, quoting only its start. */
  g_assert_false (crm_phone_normalize (huge, "IL", NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE);
  g_assert_null (strstr (error->message, huge));
  g_assert_nonnull (strstr (error->message, "5555555555"));
  /* The label is translated only once the number is refused: the message
   * still names the field. */
  g_assert_nonnull (strstr (error->message, "Phone is too long"));
}

static void
test_phone_reject_invalid (void)
{
  /* The right length for Israel, but not a range Israel allocates. */
  assert_phone_rejected ("050 1234 567 89", "IL");
  assert_phone_rejected ("+999 123 4567", "IL");
  assert_phone_rejected ("+7 000 000-00-00", "RU");
  /* Not valid UTF-8: the message still has to be. */
  assert_phone_rejected ("050-123\xff-4567", "IL");
}

static void
test_phone_reject_extension (void)
{
  /* E.164 cannot hold an extension; refuse rather than drop it. */
  assert_phone_rejected ("03-1234567 ext. 12", "IL");
  assert_phone_rejected ("+7 495 123-45-67 доб. 123", "RU");
}

static void
test_phone_format_national (void)
{
  assert_phone_format ("+972501234567", "IL", "050-123-4567");
  assert_phone_format ("+97231234567", "IL", "03-123-4567");
  assert_phone_format ("+74951234567", "RU", "8 (495) 123-45-67");
  assert_phone_format ("+79161234567", "RU", "8 (916) 123-45-67");
  assert_phone_format ("+972501234567", "il", "050-123-4567");
}

static void
test_phone_format_international (void)
{
  assert_phone_format ("+16502530000", "IL", "+1 650-253-0000");
  assert_phone_format ("+972501234567", "RU", "+972 50-123-4567");
  assert_phone_format ("+74951234567", "IL", "+7 495 123-45-67");
  /* Same country code, other country. */
  assert_phone_format ("+77011234567", "RU", "+7 701 123 4567");
  assert_phone_format ("+972501234567", NULL, "+972 50-123-4567");
  assert_phone_format ("+972501234567", "", "+972 50-123-4567");
}

static void
test_phone_format_round_trip (void)
{
  struct {
    const char *input;
    const char *region;
    const char *shown;
  } cases[] = {
    { "0501234567", "IL", "050-123-4567" },
    { "+972 3 123 4567", "IL", "03-123-4567" },
    { "8 (495) 123-45-67", "RU", "8 (495) 123-45-67" },
    { "+7 916 1234567", "RU", "8 (916) 123-45-67" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *e164 = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *again = NULL;

      g_assert_true (crm_phone_normalize (cases[i].input, cases[i].region, &e164, &error));
      g_assert_no_error (error);

      shown = crm_phone_format (e164, cases[i].region);
      g_assert_cmpstr (shown, ==, cases[i].shown);

      /* What we show must be accepted back unchanged. */
      g_assert_true (crm_phone_normalize (shown, cases[i].region, &again, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, e164);
    }
}

static void
test_phone_format_unparsable (void)
{
  assert_phone_format ("not a number", "IL", "not a number");
  assert_phone_format ("050-123-4567", "IL", "050-123-4567");
  assert_phone_format ("", "IL", "");
  assert_phone_format (NULL, "IL", NULL);
}

static void
test_phone_is_mobile (void)
{
  g_assert_true (crm_phone_is_mobile ("+972501234567"));
  g_assert_true (crm_phone_is_mobile ("+79161234567"));
  g_assert_false (crm_phone_is_mobile ("+97231234567"));
  g_assert_false (crm_phone_is_mobile ("+74951234567"));
  g_assert_false (crm_phone_is_mobile ("+78005553535"));
  g_assert_false (crm_phone_is_mobile ("050-123-4567"));
  g_assert_false (crm_phone_is_mobile ("+97205012"));
  g_assert_false (crm_phone_is_mobile (""));
  g_assert_false (crm_phone_is_mobile (NULL));
}

/* RAD-8: contact name and phone are mandatory on every deal; no phone, no
 * work. An empty or unusable phone must be refused with a message the deal
 * editor can show. */
static void
test_phone_rule_rad_8 (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (crm_phone_normalize ("", "RU", NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_PHONE);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  assert_phone_rejected ("   ", "RU");
  assert_phone_rejected ("нет", "RU");
  assert_phone_rejected ("8 495", "RU");

  assert_phone ("8 (495) 123-45-67", "RU", "+74951234567");
}

/* HS-2: check that the contact has an email and a mobile phone in a valid
 * format. */
static void
test_phone_rule_hs_2 (void)
{
  g_autofree char *e164 = NULL;
  g_autofree char *landline = NULL;

  g_assert_true (crm_phone_normalize ("050-123-4567", "IL", &e164, NULL));
  g_assert_true (crm_phone_is_mobile (e164));

  /* A valid number, but not a mobile one. */
  g_assert_true (crm_phone_normalize ("03-1234567", "IL", &landline, NULL));
  g_assert_false (crm_phone_is_mobile (landline));

  /* Not in a valid format at all. */
  assert_phone_rejected ("050-12", "IL");
  assert_phone_rejected ("050-123-45678", "IL");
}

static void
test_email_normalize (void)
{
  assert_email ("Dana@Example.CO.IL", "Dana@example.co.il");
  assert_email ("dana@example.com", "dana@example.com");
  assert_email ("  dana@example.com \t\n", "dana@example.com");
  assert_email ("first.last+crm@sub.example.com", "first.last+crm@sub.example.com");
  assert_email ("o'brien@example.ie", "o'brien@example.ie");
  assert_email ("a@b.co", "a@b.co");
  assert_email ("sales@my-company.example", "sales@my-company.example");
  assert_email ("x@123.example.com", "x@123.example.com");
}

static void
test_email_normalize_idn (void)
{
  assert_email ("info@пример.рф", "info@пример.рф");
  assert_email ("info@ПРИМЕР.РФ", "info@пример.рф");
  assert_email ("info@xn--e1afmkfd.xn--p1ai", "info@пример.рф");
  assert_email ("Info@München.DE", "Info@münchen.de");
  assert_email ("дана@пример.рф", "дана@пример.рф");
  assert_email ("office@דוגמה.ישראל", "office@דוגמה.ישראל");
}

static void
test_email_optional_out (void)
{
  g_assert_true (crm_email_normalize ("dana@example.com", NULL, NULL));
  g_assert_false (crm_email_normalize ("dana@example", NULL, NULL));
}

static void
test_email_reject_no_dot (void)
{
  assert_email_rejected ("a@b");
  assert_email_rejected ("dana@localhost");
}

static void
test_email_reject_no_at (void)
{
  assert_email_rejected ("no at");
  assert_email_rejected ("dana.example.com");
}

static void
test_email_reject_two_at (void)
{
  assert_email_rejected ("a@@b.com");
  assert_email_rejected ("a@b@c.com");
}

static void
test_email_reject_space (void)
{
  assert_email_rejected ("a b@c.com");
  assert_email_rejected ("a@b .com");
  assert_email_rejected ("Dana <dana@example.com>");
  /* A no-break space pasted from a web page. */
  assert_email_rejected ("dana\xc2\xa0@example.com");
}

static void
test_email_reject_invisible (void)
{
  assert_email_rejected ("dana@exa\x01mple.com");
  /* Zero-width space. */
  assert_email_rejected ("dana@exa\xe2\x80\x8bmple.com");
}

static void
test_email_reject_local_dots (void)
{
  assert_email_rejected (".a@b.com");
  assert_email_rejected ("a.@b.com");
  assert_email_rejected ("a..b@c.com");
}

static void
test_email_reject_hyphen (void)
{
  assert_email_rejected ("a@-b.com");
  assert_email_rejected ("a@b-.com");
  assert_email_rejected ("a@b.-com");
}

static void
test_email_reject_domain_dots (void)
{
  assert_email_rejected ("a@b..com");
  assert_email_rejected ("a@.b.com");
  assert_email_rejected ("a@b.com.");
}

static void
test_email_reject_characters (void)
{
  assert_email_rejected ("a,b@c.com");
  assert_email_rejected ("a(b)@c.com");
  assert_email_rejected ("\"a\"@c.com");
  assert_email_rejected ("a@b_c.com");
  assert_email_rejected ("a@[192.168.0.1]");
  assert_email_rejected ("a@1.2.3.4");
  assert_email_rejected ("a@b.c/m");
}

static void
test_email_reject_nothing_around_at (void)
{
  assert_email_rejected ("@example.com");
  assert_email_rejected ("dana@");
  assert_email_rejected ("@");
}

static void
test_email_reject_empty (void)
{
  assert_email_rejected ("");
  assert_email_rejected (" \t ");
  assert_email_rejected (NULL);
}

/* Past the field's limit an address is refused before it is read,
 * quoting only its start. */
static void
assert_email_past_limit (const char *input)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start = g_strndup (input, 40);

  g_assert_false (crm_email_normalize (input, NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL);
  g_assert_nonnull (strstr (error->message, start));
  g_assert_nonnull (strstr (error->message, "254"));
  g_assert_null (strstr (error->message, input));
  /* Named although the label is translated only for the message. */
  g_assert_nonnull (strstr (error->message, "Email is too long"));
}

static void
test_email_reject_too_long (void)
{
  g_autofree char *local_64 = g_strnfill (64, 'a');
  g_autofree char *local_65 = g_strnfill (65, 'a');
  g_autofree char *label_63 = g_strnfill (63, 'b');
  g_autofree char *label_64 = g_strnfill (64, 'b');
  g_autofree char *ok_local = NULL;
  g_autofree char *long_local = NULL;
  g_autofree char *ok_label = NULL;
  g_autofree char *long_label = NULL;
  g_autofree char *address_254 = NULL;
  g_autofree char *address_255 = NULL;
  g_autofree char *address_300 = NULL;
  g_autofree char *idn = NULL;

  /* RFC 5321: 64 octets before the "@". */
  ok_local = g_strconcat (local_64, "@example.com", NULL);
  assert_email (ok_local, ok_local);
  long_local = g_strconcat (local_65, "@example.com", NULL);
  assert_email_rejected (long_local);

  /* 63 characters per domain label. */
  ok_label = g_strconcat ("a@", label_63, ".com", NULL);
  assert_email (ok_label, ok_label);
  long_label = g_strconcat ("a@", label_64, ".com", NULL);
  assert_email_rejected (long_label);

  /* 254 octets in all: 64 + 1 + 63 + 1 + 63 + 1 + 57 + 4 ("." + "com"). */
  {
    g_autofree char *label_57 = g_strnfill (57, 'c');
    g_autofree char *label_58 = g_strnfill (58, 'c');

    address_254 = g_strconcat (local_64, "@", label_63, ".", label_63, ".", label_57, ".com", NULL);
    g_assert_cmpuint (strlen (address_254), ==, 254);
    assert_email (address_254, address_254);

    address_255 = g_strconcat (local_64, "@", label_63, ".", label_63, ".", label_58, ".com", NULL);
    g_assert_cmpuint (strlen (address_255), ==, 255);
    assert_email_past_limit (address_255);
  }

  address_300 = g_strconcat ("a@", label_63, ".", label_63, ".", label_63, ".", label_63, ".",
                             label_63, ".com", NULL);
  g_assert_cmpuint (strlen (address_300), >, 300);
  assert_email_past_limit (address_300);

  /* Short in UTF-8, too long once the domain is punycode for DNS. */
  {
    g_autofree char *local_20 = g_strnfill (20, 'd');
    g_autoptr (GString) domain = g_string_new (NULL);
    g_autofree char *ascii = NULL;

    for (guint i = 0; i < 4; i++)
      g_string_append (domain, "中文字符测试域名长度检查中文字符测试.");
    g_string_append (domain, "com");

    idn = g_strconcat (local_20, "@", domain->str, NULL);
    ascii = g_hostname_to_ascii (domain->str);
    g_assert_cmpuint (strlen (idn), <=, 254);
    g_assert_cmpuint (strlen (local_20) + 1 + strlen (ascii), >, 254);
    assert_email_rejected (idn);
  }
}

static void
test_email_reject_bad_punycode (void)
{
  assert_email_rejected ("a@xn--.com");
  assert_email_rejected ("a@b.xn--");
}

static void
test_email_reject_invalid_utf8 (void)
{
  assert_email_rejected ("dana@exa\xffmple.com");
}

/* HS-2: check that the contact has an email and a mobile phone in a valid
 * format. */
static void
test_email_rule_hs_2 (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (crm_email_normalize ("", NULL, &error));
  g_assert_error (error, CRM_VALIDATION_ERROR, CRM_VALIDATION_ERROR_EMAIL);
  g_clear_error (&error);

  assert_email_rejected ("dana@gmail");
  assert_email_rejected ("dana gmail.com");
  assert_email ("Dana.Levi@Gmail.com", "Dana.Levi@gmail.com");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/validation/error-domain", test_error_domain);

  g_test_add_func ("/model/phone/normalize-israeli-mobile", test_phone_normalize_israeli_mobile);
  g_test_add_func ("/model/phone/normalize-israeli-international",
                   test_phone_normalize_israeli_international);
  g_test_add_func ("/model/phone/normalize-israeli-landline",
                   test_phone_normalize_israeli_landline);
  g_test_add_func ("/model/phone/normalize-russian-landline",
                   test_phone_normalize_russian_landline);
  g_test_add_func ("/model/phone/normalize-russian-mobile", test_phone_normalize_russian_mobile);
  g_test_add_func ("/model/phone/normalize-russian-toll-free",
                   test_phone_normalize_russian_toll_free);
  g_test_add_func ("/model/phone/normalize-foreign", test_phone_normalize_foreign);
  g_test_add_func ("/model/phone/normalize-surrounding-space",
                   test_phone_normalize_surrounding_space);
  g_test_add_func ("/model/phone/normalize-without-region", test_phone_normalize_without_region);
  g_test_add_func ("/model/phone/normalize-optional-out", test_phone_normalize_optional_out);
  g_test_add_func ("/model/phone/plain-separators-same-answer", test_phone_plain_separators_same_answer);
  g_test_add_func ("/model/phone/reject-too-short", test_phone_reject_too_short);
  g_test_add_func ("/model/phone/reject-not-a-number", test_phone_reject_not_a_number);
  g_test_add_func ("/model/phone/reject-empty", test_phone_reject_empty);
  g_test_add_func ("/model/phone/reject-too-long", test_phone_reject_too_long);
  g_test_add_func ("/model/phone/reject-invalid", test_phone_reject_invalid);
  g_test_add_func ("/model/phone/reject-extension", test_phone_reject_extension);
  g_test_add_func ("/model/phone/format-national", test_phone_format_national);
  g_test_add_func ("/model/phone/format-international", test_phone_format_international);
  g_test_add_func ("/model/phone/format-round-trip", test_phone_format_round_trip);
  g_test_add_func ("/model/phone/format-unparsable", test_phone_format_unparsable);
  g_test_add_func ("/model/phone/is-mobile", test_phone_is_mobile);
  g_test_add_func ("/model/phone/rule-rad-8-phone-mandatory", test_phone_rule_rad_8);
  g_test_add_func ("/model/phone/rule-hs-2-mobile-required-format", test_phone_rule_hs_2);

  g_test_add_func ("/model/email/normalize", test_email_normalize);
  g_test_add_func ("/model/email/normalize-idn", test_email_normalize_idn);
  g_test_add_func ("/model/email/optional-out", test_email_optional_out);
  g_test_add_func ("/model/email/reject-no-dot", test_email_reject_no_dot);
  g_test_add_func ("/model/email/reject-no-at", test_email_reject_no_at);
  g_test_add_func ("/model/email/reject-two-at", test_email_reject_two_at);
  g_test_add_func ("/model/email/reject-space", test_email_reject_space);
  g_test_add_func ("/model/email/reject-invisible", test_email_reject_invisible);
  g_test_add_func ("/model/email/reject-local-dots", test_email_reject_local_dots);
  g_test_add_func ("/model/email/reject-hyphen", test_email_reject_hyphen);
  g_test_add_func ("/model/email/reject-domain-dots", test_email_reject_domain_dots);
  g_test_add_func ("/model/email/reject-characters", test_email_reject_characters);
  g_test_add_func ("/model/email/reject-nothing-around-at", test_email_reject_nothing_around_at);
  g_test_add_func ("/model/email/reject-empty", test_email_reject_empty);
  g_test_add_func ("/model/email/reject-too-long", test_email_reject_too_long);
  g_test_add_func ("/model/email/reject-bad-punycode", test_email_reject_bad_punycode);
  g_test_add_func ("/model/email/reject-invalid-utf8", test_email_reject_invalid_utf8);
  g_test_add_func ("/model/email/rule-hs-2-email-required-format", test_email_rule_hs_2);

  return g_test_run ();
}
