/* crm-quote.h
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

#pragma once

#include <gio/gio.h>

#include "crm-quote-line.h"
#include "crm-quote-variant.h"
#include "crm-types.h"

G_BEGIN_DECLS

/**
 * CrmQuoteState:
 * @CRM_QUOTE_DRAFT: being written; the only state that can change
 * @CRM_QUOTE_SENT: went out; its PDF is kept as sent and never changes
 * @CRM_QUOTE_ACCEPTED: the customer accepted it
 * @CRM_QUOTE_DECLINED: the customer declined it
 * @CRM_QUOTE_EXPIRED: its validity ran out unanswered
 * @CRM_QUOTE_SUPERSEDED: a sent quote of which a newer revision exists
 *
 * Stored as "draft", "sent", "accepted", "declined", "expired", "superseded".
 */
typedef enum
{
  CRM_QUOTE_DRAFT,
  CRM_QUOTE_SENT,
  CRM_QUOTE_ACCEPTED,
  CRM_QUOTE_DECLINED,
  CRM_QUOTE_EXPIRED,
  CRM_QUOTE_SUPERSEDED,
} CrmQuoteState;

/**
 * CrmQuoteApproval:
 * @CRM_QUOTE_APPROVAL_NONE: the payment term needs no approval
 * @CRM_QUOTE_APPROVAL_PENDING: the term needs the sales manager (TW-6) and
 *   is not approved yet: the quote cannot be sent and its PDF is marked
 * @CRM_QUOTE_APPROVAL_APPROVED: the sales manager approved the term
 * @CRM_QUOTE_APPROVAL_REJECTED: the sales manager refused it
 *
 * The state the approval flow works on. Stored as "none", "pending",
 * "approved", "rejected".
 */
typedef enum
{
  CRM_QUOTE_APPROVAL_NONE,
  CRM_QUOTE_APPROVAL_PENDING,
  CRM_QUOTE_APPROVAL_APPROVED,
  CRM_QUOTE_APPROVAL_REJECTED,
} CrmQuoteApproval;

#define CRM_QUOTE_ERROR (crm_quote_error_quark ())

typedef enum
{
  CRM_QUOTE_ERROR_INVALID_QUANTITY,
  CRM_QUOTE_ERROR_INVALID_DISCOUNT,
  CRM_QUOTE_ERROR_BELOW_FLOOR,
  CRM_QUOTE_ERROR_CURRENCY,
  CRM_QUOTE_ERROR_INVALID_DESCRIPTION,
  CRM_QUOTE_ERROR_TOO_LARGE,
  CRM_QUOTE_ERROR_TOO_MANY_LINES,
  CRM_QUOTE_ERROR_NO_LINES,
  CRM_QUOTE_ERROR_INVALID_TERM,
  CRM_QUOTE_ERROR_INVALID_VALIDITY,
  CRM_QUOTE_ERROR_IMMUTABLE,
  CRM_QUOTE_ERROR_NEEDS_APPROVAL,
} CrmQuoteError;

/* One charge of a variant's payment schedule (TW-6, TW-7, AXL-9, RAD-11). */
typedef struct
{
  char   *key;            /* the procedure's charge key: "prepayment", "before_shipping", … */
  char   *name;           /* in the quote's language */
  gint64  amount;
  guint   installments;   /* >= 1 */
  gint64  first_part;     /* the first instalment */
  gint64  other_part;     /* each further instalment; equals first_part when even */
  char   *rule;           /* nullable, e.g. "TW-7" */
} CrmQuoteCharge;

#define CRM_TYPE_QUOTE (crm_quote_get_type ())

G_DECLARE_FINAL_TYPE (CrmQuote, crm_quote, CRM, QUOTE, GObject)

GQuark           crm_quote_error_quark              (void);
gboolean         crm_quote_language_is_supported    (const char       *language);
const char      *crm_quote_state_to_key             (CrmQuoteState     state);
gboolean         crm_quote_state_from_key           (const char       *key,
                                                     CrmQuoteState    *out_state);
const char      *crm_quote_approval_to_key          (CrmQuoteApproval  approval);
gboolean         crm_quote_approval_from_key        (const char       *key,
                                                     CrmQuoteApproval *out_approval);

CrmQuote        *crm_quote_new                      (CrmProcedure     *procedure,
                                                     const char       *language,
                                                     const char       *currency);
CrmQuote        *crm_quote_copy                     (CrmQuote         *self);

gint64           crm_quote_get_id                   (CrmQuote         *self);
gint64           crm_quote_get_deal_id              (CrmQuote         *self);
const char      *crm_quote_get_number               (CrmQuote         *self);
guint            crm_quote_get_revision             (CrmQuote         *self);
char            *crm_quote_dup_display_number       (CrmQuote         *self);
CrmProcedure    *crm_quote_get_procedure            (CrmQuote         *self);
const char      *crm_quote_get_language             (CrmQuote         *self);
void             crm_quote_set_language             (CrmQuote         *self,
                                                     const char       *language);
const char      *crm_quote_get_currency             (CrmQuote         *self);
CrmQuoteState    crm_quote_get_state                (CrmQuote         *self);
CrmQuoteApproval crm_quote_get_approval             (CrmQuote         *self);
GDateTime       *crm_quote_get_created_at           (CrmQuote         *self);
GDateTime       *crm_quote_get_sent_at              (CrmQuote         *self);
const char      *crm_quote_get_valid_until          (CrmQuote         *self);
void             crm_quote_set_valid_until          (CrmQuote         *self,
                                                     const char       *iso_date);

const char      *crm_quote_get_customer_name        (CrmQuote         *self);
const char      *crm_quote_get_customer_company     (CrmQuote         *self);
const char      *crm_quote_get_customer_details     (CrmQuote         *self);
void             crm_quote_set_customer             (CrmQuote         *self,
                                                     const char       *name,
                                                     const char       *company,
                                                     const char       *details);
const char      *crm_quote_get_organization_name    (CrmQuote         *self);
const char      *crm_quote_get_organization_details (CrmQuote         *self);
GBytes          *crm_quote_get_logo                 (CrmQuote         *self);
void             crm_quote_set_organization         (CrmQuote         *self,
                                                     const char       *name,
                                                     const char       *details,
                                                     GBytes           *logo);
const char      *crm_quote_get_notes                (CrmQuote         *self);
void             crm_quote_set_notes                (CrmQuote         *self,
                                                     const char       *notes);

const char      *crm_quote_get_payment_term         (CrmQuote         *self);
guint            crm_quote_get_installments         (CrmQuote         *self);
void             crm_quote_set_payment_term         (CrmQuote         *self,
                                                     const char       *key,
                                                     guint             installments);
guint            crm_quote_get_prepayment_percent   (CrmQuote         *self);
void             crm_quote_set_prepayment_percent   (CrmQuote         *self,
                                                     guint             percent);

GListModel      *crm_quote_get_variants             (CrmQuote         *self);
void             crm_quote_add_variant              (CrmQuote         *self,
                                                     CrmQuoteVariant  *variant);
CrmQuoteVariant *crm_quote_remove_variant           (CrmQuote         *self,
                                                     guint             position);
guint            crm_quote_find_largest_variant     (CrmQuote         *self,
                                                     gint64           *out_total);

gboolean         crm_quote_check                    (CrmQuote         *self,
                                                     GError          **error);
gboolean         crm_quote_has_bidi_controls        (CrmQuote         *self);
GArray          *crm_quote_compute_schedule         (CrmQuote         *self,
                                                     CrmQuoteVariant  *variant,
                                                     GError          **error);

/* For the store only: what it assigns and reads back. */
void             _crm_quote_set_stored              (CrmQuote         *self,
                                                     gint64            id,
                                                     gint64            deal_id,
                                                     const char       *number,
                                                     guint             revision,
                                                     CrmQuoteState     state,
                                                     CrmQuoteApproval  approval,
                                                     GDateTime        *created_at,
                                                     GDateTime        *sent_at);
CrmQuoteApproval _crm_quote_derive_approval         (CrmProcedure     *procedure,
                                                     const char       *term,
                                                     const char       *decided_term,
                                                     CrmQuoteApproval  decided);

G_END_DECLS
