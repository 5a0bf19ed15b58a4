/* crm-quote.c
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


#define G_LOG_DOMAIN "crm-quote"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-quote-private.h"
#include "crm-strings.h"

/* A quote of a deal (issue 9): what the editor changes, the PDF is drawn
 * from and the store keeps. Every setter notifies and emits "changed", so
 * that the preview re-renders from one signal; a worker renders a
 * crm_quote_copy(), never the quote being edited. */
struct _CrmQuote
{
  GObject           parent_instance;

  CrmProcedure     *procedure;   /* immutable once loaded: shared by copies */

  gint64            id;
  gint64            deal_id;
  char             *number;
  guint             revision;
  CrmQuoteState     state;
  CrmQuoteApproval  approval;    /* as stored; see crm_quote_get_approval() */
  char             *approval_term; /* the term it was stored with */
  GDateTime        *created_at;
  GDateTime        *sent_at;

  char             *language;
  char             *currency;
  char             *valid_until;

  char             *customer_name;
  char             *customer_company;
  char             *customer_details;
  char             *organization_name;
  char             *organization_details;
  GBytes           *logo;
  char             *notes;

  char             *payment_term;
  guint             installments;
  guint             prepayment_percent;

  GListStore       *variants;    /* (element-type CrmQuoteVariant) */
};

G_DEFINE_FINAL_TYPE (CrmQuote, crm_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROCEDURE,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_NUMBER,
  PROP_REVISION,
  PROP_STATE,
  PROP_APPROVAL,
  PROP_LANGUAGE,
  PROP_CURRENCY,
  PROP_VALID_UNTIL,
  PROP_CUSTOMER_NAME,
  PROP_CUSTOMER_COMPANY,
  PROP_CUSTOMER_DETAILS,
  PROP_ORGANIZATION_NAME,
  PROP_ORGANIZATION_DETAILS,
  PROP_LOGO,
  PROP_NOTES,
  PROP_PAYMENT_TERM,
  PROP_INSTALLMENTS,
  PROP_PREPAYMENT_PERCENT,
  PROP_VARIANTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Indexed by CrmQuoteState and CrmQuoteApproval: the stored keys. */
static const char * const state_keys[] = {
  "draft", "sent", "accepted", "declined", "expired", "superseded",
};
static const char * const approval_keys[] = {
  "none", "pending", "approved", "rejected",
};

/* The languages a quote is written in: the document's words exist in
 * these (src/doc), and the store keeps no other. */
static const char * const languages[] = { "en", "he", "ru", NULL };

/**
 * crm_quote_language_is_supported:
 * @language: (nullable): a language code such as "he"
 *
 * Returns: %TRUE if a quote can be written in @language
 */
gboolean
crm_quote_language_is_supported (const char *language)
{
  return language != NULL && g_strv_contains (languages, language);
}

const char *
crm_quote_state_to_key (CrmQuoteState state)
{
  g_return_val_if_fail (state <= CRM_QUOTE_SUPERSEDED, NULL);

  return state_keys[state];
}

gboolean
crm_quote_state_from_key (const char    *key,
                          CrmQuoteState *out_state)
{
  guint index;

  g_return_val_if_fail (out_state != NULL, FALSE);

  if (!crm_str_find_key (state_keys, G_N_ELEMENTS (state_keys), key, &index))
    return FALSE;

  *out_state = index;

  return TRUE;
}

const char *
crm_quote_approval_to_key (CrmQuoteApproval approval)
{
  g_return_val_if_fail (approval <= CRM_QUOTE_APPROVAL_REJECTED, NULL);

  return approval_keys[approval];
}

gboolean
crm_quote_approval_from_key (const char       *key,
                             CrmQuoteApproval *out_approval)
{
  guint index;

  g_return_val_if_fail (out_approval != NULL, FALSE);

  if (!crm_str_find_key (approval_keys, G_N_ELEMENTS (approval_keys), key, &index))
    return FALSE;

  *out_approval = index;

  return TRUE;
}

static void
emit_changed (CrmQuote *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
set_string (CrmQuote    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (!_crm_quote_set_string (field, value))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  emit_changed (self);
}

static void
crm_quote_dispose (GObject *object)
{
  CrmQuote *self = (CrmQuote *)object;
  guint n_variants = self->variants != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->variants)) : 0;

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (G_LIST_MODEL (self->variants), i);

      g_signal_handlers_disconnect_by_func (variant, emit_changed, self);
    }

  g_clear_object (&self->variants);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (crm_quote_parent_class)->dispose (object);
}

static void
crm_quote_finalize (GObject *object)
{
  CrmQuote *self = (CrmQuote *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->valid_until, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->customer_company, g_free);
  g_clear_pointer (&self->customer_details, g_free);
  g_clear_pointer (&self->organization_name, g_free);
  g_clear_pointer (&self->organization_details, g_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->payment_term, g_free);
  g_clear_pointer (&self->approval_term, g_free);

  G_OBJECT_CLASS (crm_quote_parent_class)->finalize (object);
}

static void
get_string_property (CrmQuote *self,
                     guint     prop_id,
                     GValue   *value)
{
  const char *strings[N_PROPS] = {
    [PROP_NUMBER] = self->number,
    [PROP_LANGUAGE] = self->language,
    [PROP_CURRENCY] = self->currency,
    [PROP_VALID_UNTIL] = self->valid_until,
    [PROP_CUSTOMER_NAME] = self->customer_name,
    [PROP_CUSTOMER_COMPANY] = self->customer_company,
    [PROP_CUSTOMER_DETAILS] = self->customer_details,
    [PROP_ORGANIZATION_NAME] = self->organization_name,
    [PROP_ORGANIZATION_DETAILS] = self->organization_details,
    [PROP_NOTES] = self->notes,
    [PROP_PAYMENT_TERM] = self->payment_term,
  };

  g_value_set_string (value, strings[prop_id]);
}

static void
crm_quote_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmQuote *self = CRM_QUOTE (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_APPROVAL:
      g_value_set_uint (value, crm_quote_get_approval (self));
      break;

    case PROP_LOGO:
      g_value_set_boxed (value, self->logo);
      break;

    case PROP_INSTALLMENTS:
      g_value_set_uint (value, self->installments);
      break;

    case PROP_PREPAYMENT_PERCENT:
      g_value_set_uint (value, self->prepayment_percent);
      break;

    case PROP_VARIANTS:
      g_value_set_object (value, self->variants);
      break;

    case PROP_NUMBER:
    case PROP_LANGUAGE:
    case PROP_CURRENCY:
    case PROP_VALID_UNTIL:
    case PROP_CUSTOMER_NAME:
    case PROP_CUSTOMER_COMPANY:
    case PROP_CUSTOMER_DETAILS:
    case PROP_ORGANIZATION_NAME:
    case PROP_ORGANIZATION_DETAILS:
    case PROP_NOTES:
    case PROP_PAYMENT_TERM:
      get_string_property (self, prop_id, value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrmQuote *self = CRM_QUOTE (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      self->procedure = g_value_dup_object (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      crm_quote_set_language (self, g_value_get_string (value));
      break;

    case PROP_VALID_UNTIL:
      crm_quote_set_valid_until (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      crm_quote_set_notes (self, g_value_get_string (value));
      break;

    case PROP_PREPAYMENT_PERCENT:
      crm_quote_set_prepayment_percent (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties [PROP_PROCEDURE] = g_param_spec_object ("procedure", NULL, NULL, CRM_TYPE_PROCEDURE, construct);
  properties [PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, construct);

  /* What the store assigns (_crm_quote_set_stored()). */
  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, readable);
  properties [PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, readable);
  properties [PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, readable);
  properties [PROP_REVISION] = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0, readable);
  /* A CrmQuoteState and a CrmQuoteApproval. */
  properties [PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, CRM_QUOTE_SUPERSEDED, 0, readable);
  properties [PROP_APPROVAL] = g_param_spec_uint ("approval", NULL, NULL,
                                                  0, CRM_QUOTE_APPROVAL_REJECTED, 0, readable);

  properties [PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, writable);
  properties [PROP_VALID_UNTIL] = g_param_spec_string ("valid-until", NULL, NULL, NULL, writable);
  properties [PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, writable);
  properties [PROP_PREPAYMENT_PERCENT] = g_param_spec_uint ("prepayment-percent", NULL, NULL,
                                                            0, G_MAXUINT, 0, writable);

  /* Set together through crm_quote_set_customer() and friends. */
  properties [PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, NULL, readable);
  properties [PROP_CUSTOMER_COMPANY] = g_param_spec_string ("customer-company", NULL, NULL, NULL, readable);
  properties [PROP_CUSTOMER_DETAILS] = g_param_spec_string ("customer-details", NULL, NULL, NULL, readable);
  properties [PROP_ORGANIZATION_NAME] = g_param_spec_string ("organization-name", NULL, NULL, NULL, readable);
  properties [PROP_ORGANIZATION_DETAILS] = g_param_spec_string ("organization-details", NULL, NULL,
                                                                NULL, readable);
  properties [PROP_LOGO] = g_param_spec_boxed ("logo", NULL, NULL, G_TYPE_BYTES, readable);
  properties [PROP_PAYMENT_TERM] = g_param_spec_string ("payment-term", NULL, NULL, NULL, readable);
  properties [PROP_INSTALLMENTS] = g_param_spec_uint ("installments", NULL, NULL, 0, G_MAXUINT, 1, readable);
  properties [PROP_VARIANTS] = g_param_spec_object ("variants", NULL, NULL, G_TYPE_LIST_MODEL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_quote_class_init (CrmQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_quote_dispose;
  object_class->finalize = crm_quote_finalize;
  object_class->get_property = crm_quote_get_property;
  object_class->set_property = crm_quote_set_property;

  install_properties (object_class);

  /**
   * CrmQuote::changed:
   *
   * A field, a variant or a line changed: whatever the PDF shows.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_quote_init (CrmQuote *self)
{
  self->installments = 1;
  self->variants = g_list_store_new (CRM_TYPE_QUOTE_VARIANT);
  g_signal_connect_object (self->variants, "items-changed",
                           G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
}

/* The first variant is named in the quote's language, which need not be
 * the UI's: gettext answers for the whole process, so the three names are
 * here, as the template's own texts are. */
static const char *
first_variant_name (const char *language)
{
  if (g_ascii_strncasecmp (language, "he", 2) == 0)
    return "חלופה 1";
  if (g_ascii_strncasecmp (language, "ru", 2) == 0)
    return "Вариант 1";

  return "Variant 1";
}

static char *
dup_date_in_days (guint days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static const CrmQuoteChargeRule *
find_ranged_charge (CrmProcedure *procedure)
{
  guint n_charges = crm_procedure_get_n_quote_charges (procedure);

  for (guint i = 0; i < n_charges; i++)
    {
      const CrmQuoteChargeRule *charge = crm_procedure_get_quote_charge (procedure, i);

      if (charge->ranged)
        return charge;
    }

  return NULL;
}

/**
 * crm_quote_new:
 * @procedure: the deal's procedure: its payment terms and charges
 * @language: (nullable): "en", "he" or "ru"; %NULL for the UI's
 * @currency: (nullable): ISO 4217; %NULL for the procedure's quote currency
 *
 * A draft with the procedure's defaults: its first payment term with as
 * many instalments as it allows (TW-6: 12 by credit card), the default
 * prepayment of a ranged charge (RAD-11: 50 %), validity from today and
 * one empty variant. The store replaces the validity from its clock.
 *
 * Returns: (transfer full): a new #CrmQuote
 */
CrmQuote *
crm_quote_new (CrmProcedure *procedure,
               const char   *language,
               const char   *currency)
{
  g_autoptr(CrmQuoteVariant) variant = NULL;
  const CrmQuoteChargeRule *ranged;
  CrmQuote *self;

  g_return_val_if_fail (CRM_IS_PROCEDURE (procedure), NULL);

  if (language == NULL)
    language = crm_number_default_language ();
  if (currency == NULL)
    currency = crm_procedure_get_quote_currency (procedure);

  self = g_object_new (CRM_TYPE_QUOTE, "procedure", procedure, "currency", currency, NULL);
  self->language = g_strdup (language);
  self->valid_until = dup_date_in_days (crm_procedure_get_quote_validity_days (procedure));

  if (crm_procedure_get_n_payment_terms (procedure) > 0)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (procedure, 0);

      self->payment_term = g_strdup (term->key);
      self->installments = MAX (term->max_installments, 1);
    }

  if ((ranged = find_ranged_charge (procedure)) != NULL)
    self->prepayment_percent = ranged->default_percent;

  variant = crm_quote_variant_new (first_variant_name (language));
  crm_quote_add_variant (self, variant);

  return self;
}

/**
 * crm_quote_copy:
 * @self: a #CrmQuote
 *
 * A copy for a worker thread: strings, variants and lines are copied; the
 * procedure, the logo and the dates are immutable and shared by reference.
 *
 * Returns: (transfer full): a copy sharing nothing mutable with @self
 */
CrmQuote *
crm_quote_copy (CrmQuote *self)
{
  CrmQuote *copy;
  guint n_variants;

  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  copy = g_object_new (CRM_TYPE_QUOTE, "procedure", self->procedure, "currency", self->currency, NULL);
  copy->id = self->id;
  copy->deal_id = self->deal_id;
  copy->number = g_strdup (self->number);
  copy->revision = self->revision;
  copy->state = self->state;
  copy->approval = self->approval;
  copy->approval_term = g_strdup (self->approval_term);
  copy->created_at = self->created_at ? g_date_time_ref (self->created_at) : NULL;
  copy->sent_at = self->sent_at ? g_date_time_ref (self->sent_at) : NULL;
  copy->language = g_strdup (self->language);
  copy->valid_until = g_strdup (self->valid_until);
  copy->customer_name = g_strdup (self->customer_name);
  copy->customer_company = g_strdup (self->customer_company);
  copy->customer_details = g_strdup (self->customer_details);
  copy->organization_name = g_strdup (self->organization_name);
  copy->organization_details = g_strdup (self->organization_details);
  copy->logo = self->logo ? g_bytes_ref (self->logo) : NULL;
  copy->notes = g_strdup (self->notes);
  copy->payment_term = g_strdup (self->payment_term);
  copy->installments = self->installments;
  copy->prepayment_percent = self->prepayment_percent;

  n_variants = g_list_model_get_n_items (G_LIST_MODEL (self->variants));

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (G_LIST_MODEL (self->variants), i);
      g_autoptr(CrmQuoteVariant) variant_copy = crm_quote_variant_copy (variant);

      crm_quote_add_variant (copy, variant_copy);
    }

  return copy;
}

gint64
crm_quote_get_id (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), 0);

  return self->id;
}

gint64
crm_quote_get_deal_id (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), 0);

  return self->deal_id;
}

/**
 * crm_quote_get_number:
 * @self: a #CrmQuote
 *
 * Returns: (nullable): the number the store assigned, e.g. "Q-2026-0001";
 *   %NULL before the quote is stored
 */
const char *
crm_quote_get_number (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->number;
}

guint
crm_quote_get_revision (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), 0);

  return self->revision;
}

/**
 * crm_quote_dup_display_number:
 * @self: a #CrmQuote
 *
 * The number as the quote shows it: "Q-2026-0001" for the first revision,
 * "Q-2026-0001/2" for the second. Latin digits in every language, like a
 * product code, so that it reads the same on the phone.
 *
 * Returns: (transfer full) (nullable): the number, %NULL before the quote
 *   is stored
 */
char *
crm_quote_dup_display_number (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  if (self->number == NULL)
    return NULL;

  if (self->revision <= 1)
    return g_strdup (self->number);

  return g_strdup_printf ("%s/%u", self->number, self->revision);
}

CrmProcedure *
crm_quote_get_procedure (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->procedure;
}

const char *
crm_quote_get_language (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->language;
}

void
crm_quote_set_language (CrmQuote   *self,
                        const char *language)
{
  g_return_if_fail (CRM_IS_QUOTE (self));

  set_string (self, &self->language, language, PROP_LANGUAGE);
}

const char *
crm_quote_get_currency (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->currency;
}

CrmQuoteState
crm_quote_get_state (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), CRM_QUOTE_DRAFT);

  return self->state;
}

static const CrmPaymentTerm *
find_term (CrmQuote *self)
{
  if (self->payment_term == NULL)
    return NULL;

  return crm_procedure_find_payment_term (self->procedure, self->payment_term);
}

/**
 * crm_quote_get_approval:
 * @self: a #CrmQuote
 *
 * While the quote is a draft, a term that needs the sales manager (TW-6:
 * the card standing order) makes it %CRM_QUOTE_APPROVAL_PENDING unless the
 * store read a decision for that term; a term that needs none,
 * %CRM_QUOTE_APPROVAL_NONE (see _crm_quote_derive_approval()). Once sent,
 * what was stored.
 *
 * Returns: the approval state
 */
CrmQuoteApproval
crm_quote_get_approval (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), CRM_QUOTE_APPROVAL_NONE);

  if (self->state != CRM_QUOTE_DRAFT)
    return self->approval;

  return _crm_quote_derive_approval (self->procedure, self->payment_term,
                                     self->approval_term, self->approval);
}

/**
 * _crm_quote_derive_approval:
 * @procedure: the procedure whose payment terms decide
 * @term: (nullable): the draft's payment term
 * @decided_term: (nullable): the term a stored decision was given for
 * @decided: the stored decision
 *
 * TW-6, decided once for the quote object and the store: a term the
 * procedure marks as needing the sales manager's approval (the card
 * standing order) leaves a draft pending; an approval or a refusal holds
 * only for the term it was given for, so changing the term asks again.
 * A term that needs none needs no approval.
 *
 * Returns: the draft's approval state
 */
CrmQuoteApproval
_crm_quote_derive_approval (CrmProcedure     *procedure,
                            const char       *term,
                            const char       *decided_term,
                            CrmQuoteApproval  decided)
{
  const CrmPaymentTerm *found = NULL;

  if (term != NULL && procedure != NULL)
    found = crm_procedure_find_payment_term (procedure, term);

  if (found == NULL || !found->needs_approval)
    return CRM_QUOTE_APPROVAL_NONE;

  if (g_strcmp0 (term, decided_term) == 0 &&
      (decided == CRM_QUOTE_APPROVAL_APPROVED || decided == CRM_QUOTE_APPROVAL_REJECTED))
    return decided;

  return CRM_QUOTE_APPROVAL_PENDING;
}

/**
 * crm_quote_get_created_at:
 * @self: a #CrmQuote
 *
 * Returns: (transfer none) (nullable): when the store created it
 */
GDateTime *
crm_quote_get_created_at (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->created_at;
}

/**
 * crm_quote_get_sent_at:
 * @self: a #CrmQuote
 *
 * Returns: (transfer none) (nullable): when it was sent
 */
GDateTime *
crm_quote_get_sent_at (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->sent_at;
}

/**
 * crm_quote_get_valid_until:
 * @self: a #CrmQuote
 *
 * Returns: (nullable): the last day the offer holds, as "YYYY-MM-DD"
 */
const char *
crm_quote_get_valid_until (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->valid_until;
}

void
crm_quote_set_valid_until (CrmQuote   *self,
                           const char *iso_date)
{
  g_return_if_fail (CRM_IS_QUOTE (self));

  set_string (self, &self->valid_until, iso_date, PROP_VALID_UNTIL);
}

const char *
crm_quote_get_customer_name (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->customer_name;
}

const char *
crm_quote_get_customer_company (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->customer_company;
}

const char *
crm_quote_get_customer_details (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->customer_details;
}

/* Sets several strings, notifying each; TRUE if one changed. */
static gboolean
set_strings (CrmQuote           *self,
             char              **fields[],
             const char * const  values[],
             const guint         prop_ids[],
             guint               n_fields)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < n_fields; i++)
    {
      if (_crm_quote_set_string (fields[i], values[i]))
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties [prop_ids[i]]);
          changed = TRUE;
        }
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changed;
}

/**
 * crm_quote_set_customer:
 * @self: a #CrmQuote
 * @name: (nullable): the contact's name
 * @company: (nullable): the company's name
 * @details: (nullable): address, tax number: free lines
 *
 * The customer block, copied from the deal's contact and company when the
 * quote is made and then the quote's own.
 */
void
crm_quote_set_customer (CrmQuote   *self,
                        const char *name,
                        const char *company,
                        const char *details)
{
  char **fields[] = { &self->customer_name, &self->customer_company, &self->customer_details };
  const char * const values[] = { name, company, details };
  const guint prop_ids[] = { PROP_CUSTOMER_NAME, PROP_CUSTOMER_COMPANY, PROP_CUSTOMER_DETAILS };

  g_return_if_fail (CRM_IS_QUOTE (self));

  if (set_strings (self, fields, values, prop_ids, G_N_ELEMENTS (fields)))
    emit_changed (self);
}

const char *
crm_quote_get_organization_name (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->organization_name;
}

const char *
crm_quote_get_organization_details (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->organization_details;
}

/**
 * crm_quote_get_logo:
 * @self: a #CrmQuote
 *
 * Returns: (transfer none) (nullable): the organisation's logo file as read
 */
GBytes *
crm_quote_get_logo (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->logo;
}

/**
 * crm_quote_set_organization:
 * @self: a #CrmQuote
 * @name: (nullable): the organisation's name
 * @details: (nullable): its address and numbers
 * @logo: (nullable): the bytes of its logo file
 *
 * The header of the quote, snapshotted by the store from Preferences.
 */
void
crm_quote_set_organization (CrmQuote   *self,
                            const char *name,
                            const char *details,
                            GBytes     *logo)
{
  char **fields[] = { &self->organization_name, &self->organization_details };
  const char * const values[] = { name, details };
  const guint prop_ids[] = { PROP_ORGANIZATION_NAME, PROP_ORGANIZATION_DETAILS };
  gboolean same_logo;

  g_return_if_fail (CRM_IS_QUOTE (self));

  same_logo = self->logo == logo || (self->logo && logo && g_bytes_equal (self->logo, logo));

  if (!same_logo)
    {
      g_clear_pointer (&self->logo, g_bytes_unref);
      self->logo = logo ? g_bytes_ref (logo) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOGO]);
    }

  if (set_strings (self, fields, values, prop_ids, G_N_ELEMENTS (fields)) || !same_logo)
    emit_changed (self);
}

const char *
crm_quote_get_notes (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->notes;
}

void
crm_quote_set_notes (CrmQuote   *self,
                     const char *notes)
{
  g_return_if_fail (CRM_IS_QUOTE (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

/**
 * crm_quote_get_payment_term:
 * @self: a #CrmQuote
 *
 * Returns: (nullable): the key of the procedure's payment term
 */
const char *
crm_quote_get_payment_term (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return self->payment_term;
}

guint
crm_quote_get_installments (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), 1);

  return self->installments;
}

/**
 * crm_quote_set_payment_term:
 * @self: a #CrmQuote
 * @key: (nullable): a payment term of the procedure
 * @installments: how many instalments it is paid in, 1 for none
 *
 * Takes what was chosen; crm_quote_check() says if it is not a term or too
 * many instalments. A term that needs approval makes the approval pending
 * (crm_quote_get_approval()).
 */
void
crm_quote_set_payment_term (CrmQuote   *self,
                            const char *key,
                            guint       installments)
{
  gboolean changed;

  g_return_if_fail (CRM_IS_QUOTE (self));

  g_object_freeze_notify (G_OBJECT (self));

  changed = _crm_quote_set_string (&self->payment_term, key);
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAYMENT_TERM]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APPROVAL]);
    }

  if (self->installments != installments)
    {
      self->installments = installments;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INSTALLMENTS]);
      changed = TRUE;
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    emit_changed (self);
}

guint
crm_quote_get_prepayment_percent (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), 0);

  return self->prepayment_percent;
}

/**
 * crm_quote_set_prepayment_percent:
 * @self: a #CrmQuote
 * @percent: the share the ranged charge takes (RAD-11: 50 to 100)
 */
void
crm_quote_set_prepayment_percent (CrmQuote *self,
                                  guint     percent)
{
  g_return_if_fail (CRM_IS_QUOTE (self));

  if (self->prepayment_percent == percent)
    return;

  self->prepayment_percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREPAYMENT_PERCENT]);
  emit_changed (self);
}

/**
 * crm_quote_get_variants:
 * @self: a #CrmQuote
 *
 * Returns: (transfer none): a #GListModel of #CrmQuoteVariant, at least
 *   one for a quote that can be sent; change it through the quote
 */
GListModel *
crm_quote_get_variants (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);

  return G_LIST_MODEL (self->variants);
}

void
crm_quote_add_variant (CrmQuote        *self,
                       CrmQuoteVariant *variant)
{
  g_return_if_fail (CRM_IS_QUOTE (self));
  g_return_if_fail (CRM_IS_QUOTE_VARIANT (variant));

  g_signal_connect_object (variant, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->variants, variant);
}

/**
 * crm_quote_remove_variant:
 * @self: a #CrmQuote
 * @position: a variant's position
 *
 * Returns: (transfer full): the removed variant, for an undo
 */
CrmQuoteVariant *
crm_quote_remove_variant (CrmQuote *self,
                          guint     position)
{
  CrmQuoteVariant *variant;

  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);
  g_return_val_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->variants)), NULL);

  variant = g_list_model_get_item (G_LIST_MODEL (self->variants), position);
  g_signal_handlers_disconnect_by_func (variant, emit_changed, self);
  g_list_store_remove (self->variants, position);

  return variant;
}

/**
 * crm_quote_find_largest_variant:
 * @self: a #CrmQuote
 * @out_total: (out) (optional): its total
 *
 * AXL-9: the variant whose total becomes the deal's amount when the quote
 * is sent; the first of equal totals. A variant whose total cannot be
 * computed is passed over (crm_quote_check() refuses it first).
 *
 * Returns: its position, or %G_MAXUINT when no variant has a total
 */
guint
crm_quote_find_largest_variant (CrmQuote *self,
                                gint64   *out_total)
{
  guint n_variants;
  guint largest = G_MAXUINT;
  gint64 largest_total = 0;

  g_return_val_if_fail (CRM_IS_QUOTE (self), G_MAXUINT);

  n_variants = g_list_model_get_n_items (G_LIST_MODEL (self->variants));

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (G_LIST_MODEL (self->variants), i);
      CrmQuoteTotals totals;

      if (!crm_quote_variant_compute_totals (variant, &totals, NULL))
        continue;

      if (largest == G_MAXUINT || totals.total > largest_total)
        {
          largest = i;
          largest_total = totals.total;
        }

      crm_quote_totals_clear (&totals);
    }

  if (out_total != NULL)
    *out_total = largest_total;

  return largest;
}

/* "YYYY-MM-DD" and a day that exists. */
static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static gboolean
check_term (CrmQuote  *self,
            GError   **error)
{
  const CrmPaymentTerm *term = find_term (self);
  guint max_installments;

  /* A template with no payment terms quotes without one. */
  if (term == NULL && (self->payment_term != NULL || crm_procedure_get_n_payment_terms (self->procedure) > 0))
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_TERM,
                   _("“%s” is not a payment term of this procedure"),
                   self->payment_term != NULL ? self->payment_term : "");
      return FALSE;
    }

  max_installments = term != NULL ? MAX (term->max_installments, 1) : 1;

  if (self->installments < 1 || self->installments > max_installments)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_TERM,
                   _("The payment term allows from 1 to %u instalments"),
                   max_installments);
      return FALSE;
    }

  return TRUE;
}

/* RAD-11: the share paid before the order is launched is the rep's pick
 * within the procedure's range. */
static gboolean
check_prepayment (CrmQuote  *self,
                  GError   **error)
{
  const CrmQuoteChargeRule *ranged = find_ranged_charge (self->procedure);

  if (ranged == NULL ||
      (self->prepayment_percent >= ranged->min_percent && self->prepayment_percent <= ranged->max_percent))
    return TRUE;

  g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_TERM,
               _("The prepayment must be from %u %% to %u %%"),
               ranged->min_percent, ranged->max_percent);

  return FALSE;
}

static gboolean
check_variant (CrmQuote         *self,
               CrmQuoteVariant  *variant,
               GError          **error)
{
  GListModel *lines = crm_quote_variant_get_lines (variant);
  guint n_lines = g_list_model_get_n_items (lines);
  const char *name = crm_quote_variant_get_name (variant);
  CrmQuoteTotals totals;

  if (name == NULL)
    name = "";

  if (n_lines == 0)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NO_LINES,
                   _("“%s” has no lines"), name);
      return FALSE;
    }

  if (n_lines > CRM_QUOTE_MAX_LINES)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_TOO_MANY_LINES,
                   _("“%s” has %u lines; a variant holds at most %d"),
                   name, n_lines, CRM_QUOTE_MAX_LINES);
      return FALSE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);

      if (!crm_quote_line_check (line, self->currency, error))
        {
          g_prefix_error (error, _("Line %u of “%s”: "), i + 1, name);
          return FALSE;
        }
    }

  if (!crm_quote_variant_compute_totals (variant, &totals, error))
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  crm_quote_totals_clear (&totals);

  return TRUE;
}

/**
 * crm_quote_check:
 * @self: a #CrmQuote
 * @error: return location for a #GError
 *
 * Whether the quote is whole: its validity date, payment term, instalments
 * and prepayment, then every variant and line. The error is the first
 * problem found, its code saying which field, its message meant for it.
 * A term that needs approval is not a problem here: it may be chosen, and
 * only sending is refused (crm_quote_get_approval()).
 *
 * Returns: %TRUE if the quote can be stored and sent
 */
gboolean
crm_quote_check (CrmQuote  *self,
                 GError   **error)
{
  GListModel *variants;
  guint n_variants;

  g_return_val_if_fail (CRM_IS_QUOTE (self), FALSE);

  if (!is_iso_date (self->valid_until))
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_VALIDITY,
                   _("“%s” is not a date such as 2026-12-31"),
                   self->valid_until != NULL ? self->valid_until : "");
      return FALSE;
    }

  if (!check_term (self, error) || !check_prepayment (self, error))
    return FALSE;

  variants = G_LIST_MODEL (self->variants);
  n_variants = g_list_model_get_n_items (variants);

  if (n_variants == 0)
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NO_LINES,
                           _("The quote has no variant"));
      return FALSE;
    }

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, i);

      if (!check_variant (self, variant, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_bidi_controls (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }

  return FALSE;
}

/**
 * crm_quote_has_bidi_controls:
 * @self: a #CrmQuote
 *
 * Whether the customer block holds explicit bidi embeddings, overrides or
 * isolates (U+202A–U+202E, U+2066–U+2069): pasted from elsewhere, they can
 * reorder what is shown, so the editor flags them and the PDF isolates them.
 *
 * Returns: %TRUE if the customer's name, company or details hold one
 */
gboolean
crm_quote_has_bidi_controls (CrmQuote *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE (self), FALSE);

  return has_bidi_controls (self->customer_name) ||
         has_bidi_controls (self->customer_company) ||
         has_bidi_controls (self->customer_details);
}

static void
clear_charge (gpointer data)
{
  CrmQuoteCharge *charge = data;

  g_free (charge->key);
  g_free (charge->name);
  g_free (charge->rule);
}

/* AXL-9, TW-7: total × Σ_k (percent_k × net_k) / (100 × Σ net), so that the
 * share of the VAT follows the share of the nets. */
static gboolean
compute_by_kind (const CrmQuoteChargeRule  *rule,
                 CrmQuoteVariant           *variant,
                 const CrmQuoteTotals      *totals,
                 gint64                    *out_amount,
                 GError                   **error)
{
  GListModel *lines = crm_quote_variant_get_lines (variant);
  guint n_lines = g_list_model_get_n_items (lines);
  __int128 weighted = 0;

  *out_amount = 0;

  if (totals->net == 0)
    return TRUE;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);
      gint64 net;

      if (!crm_quote_line_compute_net (line, &net, error))
        return FALSE;

      weighted += (__int128) rule->percent_by_kind[crm_quote_line_get_kind (line)] * net;
    }

  /* |weighted| ≤ 100 × |Σ net| < 2^70: the product fits 128 bits while the
   * total is below 2^56 minor units, far beyond any real quote. */
  if ((totals->total < 0 ? -totals->total : totals->total) >= ((gint64) 1 << 56))
    return _crm_quote_too_large (error);

  if (!_crm_quote_round_div (weighted * totals->total, (__int128) 100 * totals->net, out_amount))
    return _crm_quote_too_large (error);

  return TRUE;
}

static gboolean
compute_charge_amount (CrmQuote                  *self,
                       const CrmQuoteChargeRule  *rule,
                       gboolean                   last,
                       CrmQuoteVariant           *variant,
                       const CrmQuoteTotals      *totals,
                       gint64                     remaining,
                       gint64                    *out_amount,
                       GError                   **error)
{
  *out_amount = 0;

  if (last)
    *out_amount = remaining;
  else if (rule->by_kind && !compute_by_kind (rule, variant, totals, out_amount, error))
    return FALSE;
  else if (rule->ranged &&
           !_crm_quote_round_div ((__int128) totals->total * self->prepayment_percent, 100, out_amount))
    return _crm_quote_too_large (error);

  /* Each charge rounds on its own: never let two of them ask for more
   * than the whole. */
  *out_amount = CLAMP (*out_amount, 0, remaining);

  return TRUE;
}

/**
 * crm_quote_compute_schedule:
 * @self: a #CrmQuote
 * @variant: one of its variants
 * @error: return location for a #GError
 *
 * The charges of @variant's total in the procedure's order (TW-7, AXL-9,
 * RAD-11): a charge by kind takes its percentages of the products of each
 * kind, a ranged charge the quote's prepayment percent, the last what is
 * left; a charge of zero is left out. Each is split into the quote's
 * instalments (TW-6), the first instalment taking the remainder so that
 * they sum exactly (docs/decisions.md, "Quotes: money").
 *
 * Returns: (transfer full) (element-type CrmQuoteCharge): the charges, or
 *   %NULL with a line's error or %CRM_QUOTE_ERROR_TOO_LARGE
 */
GArray *
crm_quote_compute_schedule (CrmQuote         *self,
                            CrmQuoteVariant  *variant,
                            GError          **error)
{
  g_autoptr(GArray) charges = NULL;
  CrmQuoteTotals totals;
  guint n_rules;
  guint n_parts;
  gint64 remaining;

  g_return_val_if_fail (CRM_IS_QUOTE (self), NULL);
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (variant), NULL);

  if (!crm_quote_variant_compute_totals (variant, &totals, error))
    return NULL;

  charges = g_array_new (FALSE, TRUE, sizeof (CrmQuoteCharge));
  g_array_set_clear_func (charges, clear_charge);
  n_rules = crm_procedure_get_n_quote_charges (self->procedure);
  n_parts = MAX (self->installments, 1);
  remaining = MAX (totals.total, 0);

  for (guint i = 0; i < n_rules; i++)
    {
      const CrmQuoteChargeRule *rule = crm_procedure_get_quote_charge (self->procedure, i);
      CrmQuoteCharge charge = { 0 };

      if (!compute_charge_amount (self, rule, i + 1 == n_rules, variant, &totals,
                                  remaining, &charge.amount, error))
        {
          crm_quote_totals_clear (&totals);
          return NULL;
        }

      remaining -= charge.amount;
      if (charge.amount == 0)
        continue;

      charge.key = g_strdup (rule->key);
      charge.name = g_strdup (crm_text_get_for_language (&rule->name, self->language));
      charge.rule = g_strdup (rule->rule);
      charge.installments = n_parts;
      charge.other_part = charge.amount / n_parts;
      /* The struct holds one first and one further part, so the whole
       * remainder goes to the first: the parts then sum exactly. */
      charge.first_part = charge.other_part + charge.amount % n_parts;
      g_array_append_val (charges, charge);
    }

  crm_quote_totals_clear (&totals);

  return g_steal_pointer (&charges);
}

/**
 * _crm_quote_set_stored:
 * @self: a #CrmQuote
 * @id: its row id
 * @deal_id: its deal's row id
 * @number: the number assigned in the create transaction
 * @revision: its revision, from 1
 * @state: its state
 * @approval: the approval as stored; APPROVED or REJECTED stand over what
 *   the term would derive (crm_quote_get_approval())
 * @created_at: (nullable): when it was created
 * @sent_at: (nullable): when it was sent
 *
 * For the store only.
 */
void
_crm_quote_set_stored (CrmQuote         *self,
                       gint64            id,
                       gint64            deal_id,
                       const char       *number,
                       guint             revision,
                       CrmQuoteState     state,
                       CrmQuoteApproval  approval,
                       GDateTime        *created_at,
                       GDateTime        *sent_at)
{
  const guint prop_ids[] = { PROP_ID, PROP_DEAL_ID, PROP_NUMBER, PROP_REVISION, PROP_STATE, PROP_APPROVAL };

  g_return_if_fail (CRM_IS_QUOTE (self));
  g_return_if_fail (state <= CRM_QUOTE_SUPERSEDED);
  g_return_if_fail (approval <= CRM_QUOTE_APPROVAL_REJECTED);

  self->id = id;
  self->deal_id = deal_id;
  _crm_quote_set_string (&self->number, number);
  self->revision = revision;
  self->state = state;
  self->approval = approval;
  _crm_quote_set_string (&self->approval_term, self->payment_term);

  if (created_at != NULL)
    g_date_time_ref (created_at);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  self->created_at = created_at;

  if (sent_at != NULL)
    g_date_time_ref (sent_at);
  g_clear_pointer (&self->sent_at, g_date_time_unref);
  self->sent_at = sent_at;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < G_N_ELEMENTS (prop_ids); i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop_ids[i]]);
  g_object_thaw_notify (G_OBJECT (self));

  emit_changed (self);
}
