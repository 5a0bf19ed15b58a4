/* crm-store-search.c
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

#define G_LOG_DOMAIN "crm-store-search"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "crm-db.h"
#include "crm-limits.h"
#include "crm-search-result.h"
#include "crm-store-private.h"

/* The search part of the store: the full-text index over deals, contacts
 * and companies that the triggers of migration 2 keep current. */

/* Turns what the user typed into an FTS5 query of quoted prefix terms, so
 * that no character of the input is read as query syntax. */
static char *
build_match_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *copy = g_strdup (text);

  words = g_strsplit_set (g_strstrip (copy), " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) quote_split = NULL;

      if (words[i][0] == '\0')
        continue;

      quote_split = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quote_split);

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_printf (query, "\"%s\"*", escaped);
    }

  /* Read the length before the string is handed over: the order in which
   * arguments are evaluated is unspecified. */
  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Appends one word of the input as a tsquery: its runs of letters, digits
 * and marks (what FTS5's unicode61 keeps of it) as a phrase whose last
 * term is a prefix, each quoted, so that nothing of the input is read as
 * tsquery syntax. FALSE when the word has no such run. */
static gboolean
append_tsquery_word (GString    *query,
                     const char *word)
{
  g_autoptr(GString) phrase = g_string_new (NULL);
  gboolean in_term = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean term = g_unichar_isalnum (c) || g_unichar_ismark (c);

      if (term && !in_term)
        g_string_append (phrase, phrase->len > 0 ? " <-> '" : "'");
      else if (!term && in_term)
        g_string_append_c (phrase, '\'');
      if (term)
        g_string_append_unichar (phrase, c);
      in_term = term;
    }
  if (in_term)
    g_string_append_c (phrase, '\'');
  if (phrase->len == 0)
    return FALSE;

  if (query->len > 0)
    g_string_append (query, " & ");
  g_string_append_printf (query, "(%s:*)", phrase->str);
  return TRUE;
}

/* The same query for PostgreSQL's to_tsquery(): every word a phrase of
 * prefix terms, all of them required. */
static char *
build_tsquery (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  words = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    append_tsquery_word (query, words[i]);

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* What a result shows under its title: a deal's or a contact's company,
 * a company's city. */
#define SEARCH_DETAIL \
  "  CASE m.id % 4 " \
  "    WHEN 1 THEN (SELECT co.name FROM deals d " \
  "                 LEFT JOIN companies co ON co.id = d.company_id " \
  "                 WHERE d.id = m.id / 4) " \
  "    WHEN 2 THEN (SELECT co.name FROM contacts ct " \
  "                 LEFT JOIN companies co ON co.id = ct.company_id " \
  "                 WHERE ct.id = m.id / 4) " \
  "    ELSE (SELECT city FROM companies WHERE id = m.id / 4) " \
  "  END "

/**
 * crm_store_search:
 * @self: a #CrmStore
 * @text: what the user typed
 * @limit: the most results to return
 * @error: return location for a #GError
 *
 * Full-text search over deals, contacts and companies; every word of @text
 * must match the start of a word (in any script: Hebrew, Cyrillic, Latin).
 * Of the 200 most recently created matches, the best @limit are returned.
 *
 * Returns: (transfer full) (nullable): a list of #CrmSearchResult, best first
 */
GListModel *
crm_store_search (CrmStore    *self,
                  const char  *text,
                  guint        limit,
                  GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GListStore) results = g_list_store_new (CRM_TYPE_SEARCH_RESULT);
  g_autofree char *bounded = NULL;
  g_autofree char *query = NULL;
  gsize length;
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  /* A search reads at most a line of free text (crm-limits.h): a pasted
   * megabyte would be a query of half a million words. The cut falls
   * between characters. */
  text = text != NULL ? text : "";
  length = strnlen (text, CRM_LIMIT_TEXT);
  while (length > 0 && ((guchar) text[length] & 0xC0) == 0x80)
    length--;
  bounded = g_utf8_make_valid (text, length);

  if (crm_db_is_postgresql (_crm_store_get_db (self)))
    query = build_tsquery (bounded);
  else
    query = build_match_query (bounded);
  if (query == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  /* bm25 over every match costs 40 ms when a prefix matches 16,000 rows
   * of a 100,000-deal database; ranking the 200 most recent matches keeps
   * a search under 5 ms and still puts the best of them first. On a
   * server the rank is ts_rank's, negated so that the best sorts first as
   * bm25's does. */
  stmt = crm_db_prepare_dialect (_crm_store_get_db (self),
                                 "SELECT m.id, s.title, " SEARCH_DETAIL
                                 "FROM (SELECT rowid AS id, rank AS score FROM search_index "
                                 "      WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 200) m "
                                 "JOIN search_index s ON s.rowid = m.id "
                                 "ORDER BY m.score, m.id DESC LIMIT ?2",
                                 "SELECT m.id, s.title, " SEARCH_DETAIL
                                 "FROM (SELECT rowid AS id, -ts_rank (document, q) AS score "
                                 "      FROM search_index, to_tsquery ('simple', ?1) AS q "
                                 "      WHERE document @@ q ORDER BY rowid DESC LIMIT 200) m "
                                 "JOIN search_index s ON s.rowid = m.id "
                                 "ORDER BY m.score, m.id DESC LIMIT ?2",
                                 error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_text (stmt, 1, query);
  crm_statement_bind_int64 (stmt, 2, limit);

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      static const char * const kinds[] = { NULL, "deal", "contact", "company" };
      gint64 rowid = crm_statement_get_int64 (stmt, 0);
      g_autoptr(CrmSearchResult) result = NULL;

      if (rowid % 4 == 0)
        continue;

      result = crm_search_result_new (kinds[rowid % 4], rowid / 4,
                                      crm_statement_get_text (stmt, 1),
                                      crm_statement_get_text (stmt, 2));
      g_list_store_append (results, result);
    }

  if (step == CRM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&results));
}
