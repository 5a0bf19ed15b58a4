/* crm-store-quote-send.c
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

#define G_LOG_DOMAIN "crm-store-quote-send"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-limits.h"
#include "crm-quote.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* A quote's life after the draft: sending it (the exact PDF kept with its
 * SHA-256, the deal's amount, the activity), the stored PDF, a new
 * revision of a sent quote, and the customer's answer. */

static gboolean
check_pdf (GBytes  *pdf,
           GError **error)
{
  gsize size = 0;
  const char *data = pdf != NULL ? g_bytes_get_data (pdf, &size) : NULL;

  if (data == NULL || size < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("What was sent is not a PDF document."));
      return FALSE;
    }

  if (size > CRM_QUOTE_MAX_PDF)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("A quote’s PDF takes at most %u MB."), (guint)(CRM_QUOTE_MAX_PDF / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_document (CrmStore    *self,
                gint64       quote_id,
                GBytes      *pdf,
                const char  *sha256,
                const char  *now,
                GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "INSERT INTO quote_documents (quote_id, pdf, sha256, size, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, quote_id);
  crm_statement_bind_bytes (stmt, 2, pdf);
  crm_statement_bind_text (stmt, 3, sha256);
  crm_statement_bind_int64 (stmt, 4, (gint64)g_bytes_get_size (pdf));
  crm_statement_bind_text (stmt, 5, now);
  return crm_statement_run (stmt, error);
}

static gboolean
mark_sent (CrmStore    *self,
           gint64       quote_id,
           const char  *how,
           const char  *now,
           GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (self->db,
                         "UPDATE quotes SET state = 'sent', sent_at = ?2, sent_how = ?3, sent_by = ?4, "
                         "updated_at = ?2 WHERE id = ?1 AND state = 'draft'",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, quote_id);
  crm_statement_bind_text (stmt, 2, now);
  crm_statement_bind_text (stmt, 3, how);
  crm_statement_bind_id (stmt, 4, _crm_store_current_user_id (self));
  return crm_statement_run (stmt, error);
}

/* TW-6: a pending or refused approval keeps the quote a draft. */
static gboolean
check_approval (CrmQuoteApproval   approval,
                const CrmQuoteRow *row,
                GError           **error)
{
  if (approval == CRM_QUOTE_APPROVAL_PENDING)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL,
                   _("Quote %s cannot be sent before the sales manager approves its payment term."), row->number);
      return FALSE;
    }

  if (approval == CRM_QUOTE_APPROVAL_REJECTED)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL,
                   _("The sales manager refused the payment term of quote %s; choose another term to send it."),
                   row->number);
      return FALSE;
    }

  return TRUE;
}

/* How a quote goes out: the editor's Send… (email), a printout handed
 * over, or Mark as Sent (other). Stored as the key; the timeline reads a
 * sentence in the sender's language (CON-1, HS-8). */
static const struct
{
  const char *key;
  const char *note;           /* the quote's number */
  const char *revision_note;  /* its number and revision */
} sent_ways[] = {
  { "email", N_("Quote %s sent by email"), N_("Quote %s, revision %u, sent by email") },
  { "print", N_("Quote %s printed and handed over"), N_("Quote %s, revision %u, printed and handed over") },
  { "other", N_("Quote %s marked as sent"), N_("Quote %s, revision %u, marked as sent") },
};

static gboolean
find_sent_way (const char  *how,
               guint       *out_index,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sent_ways); i++)
    {
      if (g_strcmp0 (how, sent_ways[i].key) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }

  /* It may come from a script: the message quotes a bounded part. */
  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
               _("“%.64s” is not a way a quote is sent (email, print or other)."),
               how != NULL ? how : "");
  return FALSE;
}

/* CON-1, HS-8: sending is logged on the deal's contact, naming the quote. */
static char *
dup_sent_note (const CrmQuoteRow *row,
               guint              way)
{
  if (row->revision > 1)
    return g_strdup_printf (_(sent_ways[way].revision_note), row->number, row->revision);

  return g_strdup_printf (_(sent_ways[way].note), row->number);
}

/**
 * crm_store_send_quote:
 * @self: a #CrmStore
 * @quote: a stored draft, as it was rendered into @pdf
 * @pdf: the PDF that went out, byte for byte
 * @how: how it went out: "email", "print" or "other" (Mark as Sent)
 * @error: return location for a #GError
 *
 * Marks the quote sent in one transaction: its content as given is saved
 * (after crm_quote_check()), @pdf is stored with its SHA-256, the deal's
 * amount becomes the largest variant's total (AXL-9) through the deal
 * card's save, so the board hears of it, and a document activity naming
 * the quote is logged (CON-1, HS-8). From then on the quote never changes.
 * A quote whose payment term awaits or was refused the sales manager's
 * approval (TW-6) is refused with %CRM_QUOTE_ERROR_NEEDS_APPROVAL; one
 * sent already with %CRM_QUOTE_ERROR_IMMUTABLE. A rep may send.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_send_quote (CrmStore    *self,
                      CrmQuote    *quote,
                      GBytes      *pdf,
                      const char  *how,
                      GError     **error)
{
  g_auto(CrmQuoteRow) row = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *old_updated_at = NULL;
  CrmQuoteApproval approval = CRM_QUOTE_APPROVAL_NONE;
  gint64 total = 0;
  guint way = 0;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_QUOTE (quote), FALSE);

  if ((id = _crm_store_quote_stored_id (quote, error)) == 0 ||
      !check_pdf (pdf, error) ||
      !find_sent_way (how, &way, error) ||
      !crm_quote_check (quote, error))
    return FALSE;

  /* AXL-9: the deal is worth the largest variant. */
  crm_quote_find_largest_variant (quote, &total);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);

  if (!_crm_store_begin (self, error))
    return FALSE;

  if (!_crm_store_commit_or_rollback (self,
                                      _crm_store_rewrite_draft (self, id, quote, &row, &approval, now_text, error) &&
                                      check_approval (approval, &row, error) &&
                                      write_document (self, id, pdf, sha256, now_text, error) &&
                                      mark_sent (self, id, sent_ways[way].key, now_text, error) &&
                                      _crm_store_save_deal_amount (self, row.deal_id, total,
                                                                   crm_quote_get_currency (quote), now,
                                                                   &old_updated_at, error) &&
                                      (note = dup_sent_note (&row, way)) != NULL &&
                                      _crm_store_insert_activity (self, row.deal_id, CRM_ACTIVITY_DOCUMENT,
                                                                  CRM_CALL_NONE, 0, note, NULL, NULL, now_text,
                                                                  NULL, error) &&
                                      _crm_store_add_audit (self, "send", "quote", id, NULL, sha256, now_text,
                                                            error),
                                      error))
    return FALSE;

  _crm_quote_set_stored (quote, id, row.deal_id, row.number, row.revision, CRM_QUOTE_SENT, approval,
                         row.created_at, now);
  _crm_store_announce_saved_deal (self, row.deal_id, old_updated_at, now);
  _crm_store_emit_quotes_changed (self, row.deal_id);
  return TRUE;
}

/**
 * crm_store_load_quote_pdf:
 * @self: a #CrmStore
 * @quote_id: a sent quote
 * @out_sha256: (out) (optional) (transfer full): the SHA-256 stored with it,
 *   in hex
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the PDF exactly as it was sent
 */
GBytes *
crm_store_load_quote_pdf (CrmStore   *self,
                          gint64      quote_id,
                          char      **out_sha256,
                          GError    **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = _crm_store_query_quote (self, "SELECT pdf, sha256 FROM quote_documents WHERE quote_id = ?1", quote_id,
                                 TRUE, error);
  if (stmt == NULL)
    return NULL;

  if (out_sha256 != NULL)
    *out_sha256 = g_strdup (crm_statement_get_text (stmt, 1));

  return crm_statement_dup_bytes (stmt, 0);
}

/**
 * crm_store_dup_quote_sha256:
 * @self: a #CrmStore
 * @quote_id: a quote
 *
 * The fingerprint of what went out, without reading the PDF itself (up
 * to %CRM_QUOTE_MAX_PDF): for a list of a deal's quotes.
 *
 * Returns: (transfer full) (nullable): the SHA-256 in hex, %NULL for a
 *   quote that was not sent
 */
char *
crm_store_dup_quote_sha256 (CrmStore *self,
                            gint64    quote_id)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return _crm_store_query_text (self, "SELECT sha256 FROM quote_documents WHERE quote_id = ?1",
                                quote_id, NULL);
}

static gboolean
check_revisable (CrmStore           *self,
                 const CrmQuoteRow  *row,
                 GError            **error)
{
  g_autofree char *newest = NULL;

  if (row->state == CRM_QUOTE_DRAFT)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Quote %s is still a draft: change it as it is."), row->number);
      return FALSE;
    }

  newest = _crm_store_query_text (self, "SELECT max (revision) FROM quotes WHERE number = ?2",
                                  0, row->number);
  if (newest == NULL || g_ascii_strtoull (newest, NULL, 10) != row->revision)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Quote %s has a newer revision than %u; revise that one."), row->number, row->revision);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_revise_quote:
 * @self: a #CrmStore
 * @quote_id: the newest revision of a quote that is no longer a draft
 * @error: return location for a #GError
 *
 * Makes the next revision of a quote as a draft with the same number, its
 * content copied, valid again from today. A sent revision becomes
 * superseded and keeps its PDF; the customer's answer (accepted, declined,
 * expired) stays on the one it was given to.
 *
 * Returns: (transfer full) (nullable): the new draft
 */
CrmQuote *
crm_store_revise_quote (CrmStore  *self,
                        gint64     quote_id,
                        GError   **error)
{
  g_auto(CrmQuoteRow) row = { 0 };
  g_autoptr(CrmQuote) old = NULL;
  g_autofree char *now = NULL;
  g_autofree char *valid_until = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  old = crm_store_load_quote (self, quote_id, error);
  if (old == NULL)
    return NULL;

  /* The copy is a draft: its header is the organisation's as it is now. */
  valid_until = _crm_store_quote_valid_until (self);
  crm_quote_set_valid_until (old, valid_until);
  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return NULL;

  if (!_crm_store_commit_or_rollback (self,
                                      _crm_store_read_quote_row (self, quote_id, &row, error) &&
                                      check_revisable (self, &row, error) &&
                                      (id = _crm_store_insert_quote (self, row.deal_id, row.number, row.revision + 1,
                                                                     old, now, error)) != 0 &&
                                      (row.state != CRM_QUOTE_SENT ||
                                       _crm_store_run_update (self->db,
                                                              "UPDATE quotes SET state = 'superseded', updated_at = ?2 "
                                                              "WHERE id = ?1 AND state = 'sent'",
                                                              quote_id, now, error)) &&
                                      _crm_store_add_audit (self, "revise", "quote", id, NULL, row.number, now, error),
                                      error))
    return NULL;

  _crm_store_emit_quotes_changed (self, row.deal_id);
  return crm_store_load_quote (self, id, error);
}

/**
 * crm_store_set_quote_state:
 * @self: a #CrmStore
 * @quote_id: a sent quote
 * @state: %CRM_QUOTE_ACCEPTED, %CRM_QUOTE_DECLINED or %CRM_QUOTE_EXPIRED
 * @error: return location for a #GError
 *
 * Records the customer's answer to a sent quote, or that its validity ran
 * out. Only a sent quote gets one, once.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_set_quote_state (CrmStore       *self,
                           gint64          quote_id,
                           CrmQuoteState   state,
                           GError        **error)
{
  g_auto(CrmQuoteRow) row = { 0 };
  g_autofree char *now = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (state != CRM_QUOTE_ACCEPTED && state != CRM_QUOTE_DECLINED && state != CRM_QUOTE_EXPIRED)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("A sent quote can only become accepted, declined or expired."));
      return FALSE;
    }

  now = _crm_store_now_text (self);

  if (!_crm_store_begin (self, error))
    return FALSE;

  ok = _crm_store_read_quote_row (self, quote_id, &row, error);
  if (ok && row.state != CRM_QUOTE_SENT)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                   _("Only a sent quote can be accepted, declined or expired; quote %s, revision %u, is not."),
                   row.number, row.revision);
      ok = FALSE;
    }

  if (!_crm_store_commit_or_rollback (self,
                                      ok &&
                                      _crm_store_run_update (self->db,
                                                             state == CRM_QUOTE_ACCEPTED
                                                             ? "UPDATE quotes SET state = 'accepted', updated_at = ?2 WHERE id = ?1"
                                                             : state == CRM_QUOTE_DECLINED
                                                             ? "UPDATE quotes SET state = 'declined', updated_at = ?2 WHERE id = ?1"
                                                             : "UPDATE quotes SET state = 'expired', updated_at = ?2 WHERE id = ?1",
                                                             quote_id, now, error) &&
                                      _crm_store_add_audit (self, "state", "quote", quote_id, "sent",
                                                            crm_quote_state_to_key (state), now, error),
                                      error))
    return FALSE;

  _crm_store_emit_quotes_changed (self, row.deal_id);
  return TRUE;
}
