/* crm-csv-columns.c
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
#include <string.h>

#include "crm-csv-import-private.h"

/*
 * Mapping columns: which contact field each header names, in English,
 * Hebrew and Russian, and whether the mapping can make leads at all.
 */

typedef struct
{
  const char  *alias;
  CrmCsvField  field;
} Alias;

/*
 * Header names Deals recognises, in English, Hebrew and Russian, after
 * normalize_header(): case folded, punctuation such as the gershayim of
 * דוא"ל and the hyphen of e-mail removed, white space collapsed. Whole
 * headers are looked up first ("first name", "שם משפחה"), then each word of
 * the header (so "Mobile phone" and "Номер телефона" are phone columns).
 */
static const Alias header_aliases[] = {
  { "name", CRM_CSV_FIELD_NAME },
  { "full name", CRM_CSV_FIELD_NAME },
  { "first name", CRM_CSV_FIELD_NAME },
  { "given name", CRM_CSV_FIELD_NAME },
  { "contact name", CRM_CSV_FIELD_NAME },
  { "שם", CRM_CSV_FIELD_NAME },
  { "שם מלא", CRM_CSV_FIELD_NAME },
  { "שם פרטי", CRM_CSV_FIELD_NAME },
  { "שם איש קשר", CRM_CSV_FIELD_NAME },
  { "имя", CRM_CSV_FIELD_NAME },
  { "фио", CRM_CSV_FIELD_NAME },
  { "полное имя", CRM_CSV_FIELD_NAME },
  { "имя и фамилия", CRM_CSV_FIELD_NAME },
  { "контактное лицо", CRM_CSV_FIELD_NAME },

  { "last name", CRM_CSV_FIELD_LAST_NAME },
  { "family name", CRM_CSV_FIELD_LAST_NAME },
  { "surname", CRM_CSV_FIELD_LAST_NAME },
  { "lastname", CRM_CSV_FIELD_LAST_NAME },
  { "שם משפחה", CRM_CSV_FIELD_LAST_NAME },
  { "фамилия", CRM_CSV_FIELD_LAST_NAME },

  { "phone", CRM_CSV_FIELD_PHONE },
  { "phones", CRM_CSV_FIELD_PHONE },
  { "telephone", CRM_CSV_FIELD_PHONE },
  { "tel", CRM_CSV_FIELD_PHONE },
  { "mobile", CRM_CSV_FIELD_PHONE },
  { "cell", CRM_CSV_FIELD_PHONE },
  { "cellphone", CRM_CSV_FIELD_PHONE },
  { "טלפון", CRM_CSV_FIELD_PHONE },
  { "טל", CRM_CSV_FIELD_PHONE },
  { "נייד", CRM_CSV_FIELD_PHONE },
  { "פלאפון", CRM_CSV_FIELD_PHONE },
  { "телефон", CRM_CSV_FIELD_PHONE },
  { "телефона", CRM_CSV_FIELD_PHONE },
  { "тел", CRM_CSV_FIELD_PHONE },
  { "мобильный", CRM_CSV_FIELD_PHONE },
  { "сотовый", CRM_CSV_FIELD_PHONE },

  { "email", CRM_CSV_FIELD_EMAIL },
  { "mail", CRM_CSV_FIELD_EMAIL },
  { "emailaddress", CRM_CSV_FIELD_EMAIL },
  { "דואל", CRM_CSV_FIELD_EMAIL },
  { "דואר אלקטרוני", CRM_CSV_FIELD_EMAIL },
  { "אימייל", CRM_CSV_FIELD_EMAIL },
  { "מייל", CRM_CSV_FIELD_EMAIL },
  { "почта", CRM_CSV_FIELD_EMAIL },
  { "емейл", CRM_CSV_FIELD_EMAIL },
  { "имейл", CRM_CSV_FIELD_EMAIL },
  { "электронная почта", CRM_CSV_FIELD_EMAIL },

  { "company", CRM_CSV_FIELD_COMPANY },
  { "organization", CRM_CSV_FIELD_COMPANY },
  { "organisation", CRM_CSV_FIELD_COMPANY },
  { "business", CRM_CSV_FIELD_COMPANY },
  { "חברה", CRM_CSV_FIELD_COMPANY },
  { "החברה", CRM_CSV_FIELD_COMPANY },
  { "ארגון", CRM_CSV_FIELD_COMPANY },
  { "עסק", CRM_CSV_FIELD_COMPANY },
  { "компания", CRM_CSV_FIELD_COMPANY },
  { "компании", CRM_CSV_FIELD_COMPANY },
  { "организация", CRM_CSV_FIELD_COMPANY },
  { "организации", CRM_CSV_FIELD_COMPANY },
  { "фирма", CRM_CSV_FIELD_COMPANY },

  { "position", CRM_CSV_FIELD_POSITION },
  { "job title", CRM_CSV_FIELD_POSITION },
  { "role", CRM_CSV_FIELD_POSITION },
  { "תפקיד", CRM_CSV_FIELD_POSITION },
  { "должность", CRM_CSV_FIELD_POSITION },

  { "source", CRM_CSV_FIELD_SOURCE },
  { "lead source", CRM_CSV_FIELD_SOURCE },
  { "channel", CRM_CSV_FIELD_SOURCE },
  { "מקור", CRM_CSV_FIELD_SOURCE },
  { "המקור", CRM_CSV_FIELD_SOURCE },
  { "מקור הליד", CRM_CSV_FIELD_SOURCE },
  { "ערוץ", CRM_CSV_FIELD_SOURCE },
  { "источник", CRM_CSV_FIELD_SOURCE },
  { "канал", CRM_CSV_FIELD_SOURCE },

  { "campaign", CRM_CSV_FIELD_CAMPAIGN },
  { "utmcampaign", CRM_CSV_FIELD_CAMPAIGN },
  { "קמפיין", CRM_CSV_FIELD_CAMPAIGN },
  { "кампания", CRM_CSV_FIELD_CAMPAIGN },
  { "кампании", CRM_CSV_FIELD_CAMPAIGN },

  { "note", CRM_CSV_FIELD_NOTE },
  { "notes", CRM_CSV_FIELD_NOTE },
  { "comment", CRM_CSV_FIELD_NOTE },
  { "comments", CRM_CSV_FIELD_NOTE },
  { "remarks", CRM_CSV_FIELD_NOTE },
  { "description", CRM_CSV_FIELD_NOTE },
  { "הערה", CRM_CSV_FIELD_NOTE },
  { "הערות", CRM_CSV_FIELD_NOTE },
  { "תיאור", CRM_CSV_FIELD_NOTE },
  { "комментарий", CRM_CSV_FIELD_NOTE },
  { "комментарии", CRM_CSV_FIELD_NOTE },
  { "примечание", CRM_CSV_FIELD_NOTE },
  { "заметка", CRM_CSV_FIELD_NOTE },
};

/* When single words of a header name several fields, the more specific
 * one wins: "Company name" is a company, "Source name" a source, and
 * "Email or phone" an email column. */
static const CrmCsvField word_priority[] = {
  CRM_CSV_FIELD_COMPANY,
  CRM_CSV_FIELD_SOURCE,
  CRM_CSV_FIELD_CAMPAIGN,
  CRM_CSV_FIELD_EMAIL,
  CRM_CSV_FIELD_PHONE,
  CRM_CSV_FIELD_LAST_NAME,
  CRM_CSV_FIELD_POSITION,
  CRM_CSV_FIELD_NOTE,
  CRM_CSV_FIELD_NAME,
};

/* Case folded, without the punctuation people put in headers (the
 * gershayim of דוא"ל, the hyphen of e-mail, the dot of "Эл. почта"), one
 * space between words. */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '/' || c == '\\')
        {
          space = out->len > 0;
          continue;
        }

      if (g_unichar_ispunct (c) || c == 0x05F3 || c == 0x05F4)
        continue;

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
lookup_alias (const char  *text,
              CrmCsvField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
    {
      if (g_str_equal (header_aliases[i].alias, text))
        {
          *field = header_aliases[i].field;
          return TRUE;
        }
    }

  return FALSE;
}

CrmCsvField
_crm_csv_guess_field (const char *header)
{
  g_autofree char *normalized = normalize_header (header);
  g_auto(GStrv) words = NULL;
  gboolean found[CRM_CSV_N_FIELDS] = { FALSE };
  CrmCsvField field;

  if (lookup_alias (normalized, &field))
    return field;

  /* "E-mail" became "email" above; "E mail" becomes it here. */
  words = g_strsplit (normalized, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (lookup_alias (words[i], &field))
        found[field] = TRUE;
      if (words[i + 1] != NULL)
        {
          g_autofree char *pair = g_strconcat (words[i], words[i + 1], NULL);

          if (lookup_alias (pair, &field))
            found[field] = TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (word_priority); i++)
    {
      if (found[word_priority[i]])
        return word_priority[i];
    }

  return CRM_CSV_FIELD_IGNORE;
}

gboolean
_crm_csv_check_columns (CrmCsvImport  *self,
                        GError       **error)
{
  gboolean name = FALSE, phone = FALSE, email = FALSE;

  for (guint i = 0; i < self->mapping->len; i++)
    {
      CrmCsvField field = g_array_index (self->mapping, CrmCsvField, i);

      name |= field == CRM_CSV_FIELD_NAME || field == CRM_CSV_FIELD_LAST_NAME;
      phone |= field == CRM_CSV_FIELD_PHONE;
      email |= field == CRM_CSV_FIELD_EMAIL;
    }

  if (!name)
    {
      g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: %s is the name of a column, “Name” */
                   _("The file has no “%s” column; choose the column that holds the names"),
                   crm_csv_field_get_label (CRM_CSV_FIELD_NAME));
      return FALSE;
    }

  if (!phone && !email)
    {
      g_set_error (error, CRM_CSV_IMPORT_ERROR, CRM_CSV_IMPORT_ERROR_MISSING_COLUMN,
                   /* Translators: the %s are names of columns, “Phone” and “Email” */
                   _("The file has no “%s” or “%s” column; choose the column that holds "
                     "the phone numbers or the email addresses"),
                   crm_csv_field_get_label (CRM_CSV_FIELD_PHONE),
                   crm_csv_field_get_label (CRM_CSV_FIELD_EMAIL));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_csv_field_get_label:
 * @field: a #CrmCsvField
 *
 * Returns: the field's name as the column mapping shows it, translated
 */
const char *
crm_csv_field_get_label (CrmCsvField field)
{
  static const char * const labels[] = {
    [CRM_CSV_FIELD_IGNORE] = N_("Do not import"),
    [CRM_CSV_FIELD_NAME] = N_("Name"),
    [CRM_CSV_FIELD_LAST_NAME] = N_("Last name"),
    [CRM_CSV_FIELD_PHONE] = N_("Phone"),
    [CRM_CSV_FIELD_EMAIL] = N_("Email"),
    [CRM_CSV_FIELD_COMPANY] = N_("Company"),
    [CRM_CSV_FIELD_POSITION] = N_("Position"),
    [CRM_CSV_FIELD_SOURCE] = N_("Source"),
    [CRM_CSV_FIELD_CAMPAIGN] = N_("Campaign"),
    [CRM_CSV_FIELD_NOTE] = N_("Note"),
  };

  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (labels), NULL);

  return _(labels[field]);
}
