/* crm-store-sources.c
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

#define G_LOG_DOMAIN "crm-store-sources"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-leads.h"

#include "crm-limits.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/*
 * One vocabulary of sources: the keys of the procedure's `sources`. Every
 * intake (a web form, a missed call, the command line, D-Bus, the deal
 * card) stores one of them or none, so the lead views (HS-1), the call
 * scripts (AXL-7's opening names the source) and the stage rules' emails
 * all find it.
 */

/* One line, single spaces, NULL when nothing is left. */
char *
_crm_store_dup_one_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static gboolean
matches_folded (const char *folded,
                const char *text)
{
  g_autofree char *other = NULL;

  if (text == NULL)
    return FALSE;

  other = g_utf8_casefold (text, -1);

  return g_str_equal (folded, other);
}

static gboolean
matches_source (const CrmProcedureChoice *choice,
                const char               *folded)
{
  return matches_folded (folded, choice->key) ||
         matches_folded (folded, choice->name.en) ||
         matches_folded (folded, choice->name.he) ||
         matches_folded (folded, choice->name.ru);
}

/* The key of the source @clean names, or NULL. "missed-call" is how the
 * missed-call intake spelled its source before it was checked, and how
 * telephony bridges set up then still send it. */
static const char *
find_source_key (CrmProcedure *procedure,
                 const char   *clean)
{
  g_autofree char *folded = g_utf8_casefold (clean, -1);

  if (g_str_equal (folded, "missed-call"))
    {
      g_free (folded);
      folded = g_strdup (CRM_SOURCE_MISSED_CALL);
    }

  for (guint i = 0; procedure != NULL && i < crm_procedure_get_n_sources (procedure); i++)
    {
      const CrmProcedureChoice *choice = crm_procedure_get_source (procedure, i);

      if (matches_source (choice, folded))
        return choice->key;
    }

  return NULL;
}

/**
 * crm_store_normalize_lead_source:
 * @store: a #CrmStore
 * @text: (nullable): a source as a form, a list or a person gives it
 *
 * Lead sources are stored as the keys of the procedure's sources, so that
 * "Imported lead list", "imported_list" and the Hebrew or Russian name all
 * land in the same view (HS-1). For looking leads up: text that is none of
 * them is given back as it is, on one line. Intake checks its source with
 * crm_store_check_lead_source() instead, which refuses it.
 *
 * Returns: (transfer full) (nullable): the source's key, %NULL for none
 */
char *
crm_store_normalize_lead_source (CrmStore   *store,
                                 const char *text)
{
  g_autofree char *clean = NULL;
  const char *key;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  clean = _crm_store_dup_one_line (text);
  if (clean == NULL)
    return NULL;

  key = find_source_key (crm_store_get_procedure (store), clean);

  return key != NULL ? g_strdup (key) : g_steal_pointer (&clean);
}

static char *
dup_source_keys (CrmProcedure *procedure)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; procedure != NULL && i < crm_procedure_get_n_sources (procedure); i++)
    {
      if (keys->len > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, crm_procedure_get_source (procedure, i)->key);
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
set_unknown_source (CrmStore    *store,
                    const char  *text,
                    GError     **error)
{
  g_autofree char *keys = dup_source_keys (crm_store_get_procedure (store));
  g_autofree char *quote = NULL;
  const char *end = text;

  /* A name-sized quote is enough to recognise it. */
  for (guint i = 0; i < 40 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  quote = *end != '\0' ? g_strdup_printf ("%.*s…", (int) (end - text), text) : g_strdup (text);

  if (keys[0] == '\0')
    g_set_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE,
                 /* Translators: %s is the source a lead was given */
                 _("“%s” is not a source of this procedure, which has none"), quote);
  else
    g_set_error (error, CRM_LEAD_ERROR, CRM_LEAD_ERROR_UNKNOWN_SOURCE,
                 /* Translators: the first %s is the source a lead was given,
                  * the second the procedure's source keys, which stay untranslated */
                 _("“%s” is not a source of this procedure; use one of: %s"), quote, keys);
}

/**
 * crm_store_check_lead_source:
 * @store: a #CrmStore
 * @text: (nullable): a source as a form, a list, a script or a person gives
 *   it: a key of the procedure's sources or one of its names
 * @out_key: (out) (transfer full) (optional): the key to store, %NULL for none
 * @error: return location for a #GError
 *
 * Sources are the procedure's keys, the one vocabulary the lead views
 * (HS-1), the call scripts (AXL-7's opening names the source) and the stage
 * rules use. A key or any of a source's names is taken as that source's
 * key; blank text is no source; anything else is refused, naming the keys.
 *
 * Returns: %TRUE with @out_key set, %FALSE with
 *   %CRM_LEAD_ERROR_UNKNOWN_SOURCE
 */
gboolean
crm_store_check_lead_source (CrmStore    *store,
                             const char  *text,
                             char       **out_key,
                             GError     **error)
{
  g_autofree char *bounded = NULL;
  g_autofree char *clean = NULL;
  const char *key;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (out_key != NULL)
    *out_key = NULL;

  if (!crm_limits_clean_text (_("Source"), text, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &bounded, error))
    return FALSE;

  clean = _crm_store_dup_one_line (bounded);
  if (clean == NULL)
    return TRUE;

  key = find_source_key (crm_store_get_procedure (store), clean);
  if (key == NULL)
    {
      set_unknown_source (store, clean, error);
      return FALSE;
    }

  if (out_key != NULL)
    *out_key = g_strdup (key);
  return TRUE;
}

/* The deal card and a lead's deal store a key as it is: it must be one of
 * the procedure's, or none. */
gboolean
_crm_store_check_source_key (CrmStore    *store,
                             const char  *key,
                             GError     **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (store);

  if (crm_str_is_blank (key))
    return TRUE;

  for (guint i = 0; procedure != NULL && i < crm_procedure_get_n_sources (procedure); i++)
    if (g_str_equal (crm_procedure_get_source (procedure, i)->key, key))
      return TRUE;

  set_unknown_source (store, key, error);
  return FALSE;
}

/**
 * crm_store_is_missed_call_source:
 * @store: a #CrmStore
 * @text: (nullable): a source as the command line or D-Bus gives it
 *
 * Whether @text asks for the missed-call intake (AXL-1): the procedure's
 * #CRM_SOURCE_MISSED_CALL source by key or name, or the key itself (or its
 * old spelling "missed-call") with a procedure whose template predates it.
 * crm_store_add_missed_call() then stores the source the procedure has.
 *
 * Returns: %TRUE for a missed call
 */
gboolean
crm_store_is_missed_call_source (CrmStore   *store,
                                 const char *text)
{
  g_autofree char *bounded = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  /* Bounded before it is read; too long is no missed call, and the
   * intake's own check then says so. */
  if (!crm_limits_clean_text (NULL, text, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &bounded, NULL))
    return FALSE;

  clean = _crm_store_dup_one_line (bounded);
  if (clean == NULL)
    return FALSE;

  if (g_strcmp0 (find_source_key (crm_store_get_procedure (store), clean), CRM_SOURCE_MISSED_CALL) == 0)
    return TRUE;

  folded = g_utf8_casefold (clean, -1);
  return g_str_equal (folded, CRM_SOURCE_MISSED_CALL) || g_str_equal (folded, "missed-call");
}
