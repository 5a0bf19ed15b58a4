/* crm-deal.c
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

#define G_LOG_DOMAIN "crm-deal"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-deal.h"
#include "crm-enums.h"

/**
 * CrmDeal:
 *
 * A deal as the views see it: a plain value object filled by the store.
 *
 * Every accessor is backed by a property of the same name so that views can
 * bind to it. The names of the linked contact, company and owner are carried
 * alongside their ids so that a board tile never has to query the store.
 */

struct _CrmDeal
{
  GObject    parent_instance;

  /* The row version read with it (0: not read), for the save to check. */
  gint64     version;

  char      *title;
  char      *contact_name;
  char      *company_name;
  char      *currency;
  char      *owner_name;
  char      *source;
  char      *next_step;
  char      *expected_close;

  GDateTime *created_at;
  GDateTime *updated_at;
  GDateTime *next_task_due;

  gint64     id;
  gint64     contact_id;
  gint64     company_id;
  gint64     pipeline_id;
  gint64     stage_id;
  gint64     amount;
  gint64     owner_id;

  CrmStageKind stage_kind;
};

G_DEFINE_FINAL_TYPE (CrmDeal, crm_deal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CONTACT_ID,
  PROP_CONTACT_NAME,
  PROP_COMPANY_ID,
  PROP_COMPANY_NAME,
  PROP_PIPELINE_ID,
  PROP_STAGE_ID,
  PROP_AMOUNT,
  PROP_CURRENCY,
  PROP_AMOUNT_LABEL,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_SOURCE,
  PROP_NEXT_STEP,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_EXPECTED_CLOSE,
  PROP_NEXT_TASK_DUE,
  PROP_STAGE_KIND,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

#define DEFAULT_CURRENCY "ILS"

/* U+202F NARROW NO-BREAK SPACE groups digits the way ru_RU and most euro
 * locales do; U+00A0 NO-BREAK SPACE keeps a trailing symbol or code on the
 * same line as its number.
 */
#define NARROW_NBSP "\xe2\x80\xaf"
#define NBSP        "\xc2\xa0"

typedef struct
{
  const char *code;
  const char *symbol;
  const char *group_separator;
  const char *decimal_separator;
  gboolean    symbol_first;
} CurrencyFormat;

static const CurrencyFormat currency_formats[] = {
  { "ILS", "₪", ",",         ".", TRUE },
  { "USD", "$", ",",         ".", TRUE },
  { "EUR", "€", NARROW_NBSP, ",", TRUE },
  { "RUB", "₽", NARROW_NBSP, ",", FALSE },
};

static char *
format_grouped (guint64     value,
                const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *str = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (str, separator);
      g_string_append_c (str, digits[i]);
    }

  return g_string_free (str, FALSE);
}

/**
 * crm_format_amount:
 * @amount: an amount in minor units (agorot, kopecks)
 * @currency: (nullable): an ISO 4217 code
 *
 * Formats an amount the way a card and a column total show it.
 *
 * Returns: (transfer full): the label
 */
char *
crm_format_amount (gint64      amount,
                   const char *currency)
{
  const CurrencyFormat *format = NULL;
  g_autofree char *number = NULL;
  GString *str;
  guint64 magnitude;
  guint64 major;
  guint minor;

  for (guint i = 0; i < G_N_ELEMENTS (currency_formats); i++)
    {
      if (currency != NULL && g_ascii_strcasecmp (currency, currency_formats[i].code) == 0)
        {
          format = &currency_formats[i];
          break;
        }
    }

  /* Negate in unsigned arithmetic so that G_MININT64 does not overflow. */
  magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;
  major = magnitude / 100;
  minor = magnitude % 100;

  number = format_grouped (major, format != NULL ? format->group_separator : ",");

  str = g_string_new (NULL);

  if (amount < 0)
    g_string_append (str, "-");

  if (format != NULL && format->symbol_first)
    g_string_append (str, format->symbol);

  g_string_append (str, number);

  /* Whole amounts are the norm in a pipeline; cents only when they exist. */
  if (minor != 0)
    g_string_append_printf (str, "%s%02u",
                            format != NULL ? format->decimal_separator : ".",
                            minor);

  if (format != NULL && !format->symbol_first)
    g_string_append_printf (str, NBSP "%s", format->symbol);
  else if (format == NULL && currency != NULL && currency[0] != '\0')
    g_string_append_printf (str, NBSP "%s", currency);

  return g_string_free (str, FALSE);
}

static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == b)
    return TRUE;

  if (a == NULL || b == NULL)
    return FALSE;

  return g_date_time_equal (a, b);
}

static void
crm_deal_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrmDeal *self = CRM_DEAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_PIPELINE_ID:
      g_value_set_int64 (value, self->pipeline_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_AMOUNT_LABEL:
      g_value_take_string (value, crm_deal_dup_amount_label (self));
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_NEXT_STEP:
      g_value_set_string (value, self->next_step);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_EXPECTED_CLOSE:
      g_value_set_string (value, self->expected_close);
      break;

    case PROP_NEXT_TASK_DUE:
      g_value_set_boxed (value, self->next_task_due);
      break;

    case PROP_STAGE_KIND:
      g_value_set_enum (value, self->stage_kind);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CrmDeal *self = CRM_DEAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_deal_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      crm_deal_set_title (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_ID:
      crm_deal_set_contact_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONTACT_NAME:
      crm_deal_set_contact_name (self, g_value_get_string (value));
      break;

    case PROP_COMPANY_ID:
      crm_deal_set_company_id (self, g_value_get_int64 (value));
      break;

    case PROP_COMPANY_NAME:
      crm_deal_set_company_name (self, g_value_get_string (value));
      break;

    case PROP_PIPELINE_ID:
      crm_deal_set_pipeline_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE_ID:
      crm_deal_set_stage_id (self, g_value_get_int64 (value));
      break;

    case PROP_AMOUNT:
      crm_deal_set_amount (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      crm_deal_set_currency (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      crm_deal_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_OWNER_NAME:
      crm_deal_set_owner_name (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      crm_deal_set_source (self, g_value_get_string (value));
      break;

    case PROP_NEXT_STEP:
      crm_deal_set_next_step (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      crm_deal_set_created_at (self, g_value_get_boxed (value));
      break;

    case PROP_UPDATED_AT:
      crm_deal_set_updated_at (self, g_value_get_boxed (value));
      break;

    case PROP_EXPECTED_CLOSE:
      crm_deal_set_expected_close (self, g_value_get_string (value));
      break;

    case PROP_NEXT_TASK_DUE:
      crm_deal_set_next_task_due (self, g_value_get_boxed (value));
      break;

    case PROP_STAGE_KIND:
      crm_deal_set_stage_kind (self, g_value_get_enum (value));
      break;

    case PROP_VERSION:
      crm_deal_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_finalize (GObject *object)
{
  CrmDeal *self = CRM_DEAL (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->expected_close, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->next_task_due, g_date_time_unref);

  G_OBJECT_CLASS (crm_deal_parent_class)->finalize (object);
}

/* GObject hands a round of notifications over here at once: every
 * property a setter changed, or all that changed between a freeze and its
 * thaw. After the usual ::notify of each comes one ::changed, so a board
 * card that takes a whole row again (crm_deal_update_from() changes some
 * fifteen properties) redraws once rather than fifteen times. */
static void
crm_deal_dispatch_properties_changed (GObject     *object,
                                      guint        n_pspecs,
                                      GParamSpec **pspecs)
{
  G_OBJECT_CLASS (crm_deal_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  if (n_pspecs > 0)
    g_signal_emit (object, signals [CHANGED], 0);
}

static void
crm_deal_class_init (CrmDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_deal_get_property;
  object_class->set_property = crm_deal_set_property;
  object_class->dispatch_properties_changed = crm_deal_dispatch_properties_changed;
  object_class->finalize = crm_deal_finalize;

#define INT64_PROPERTY(prop, name) \
  properties [prop] = \
    g_param_spec_int64 (name, NULL, NULL, \
                        G_MININT64, G_MAXINT64, 0, \
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define STRING_PROPERTY(prop, name, default_value) \
  properties [prop] = \
    g_param_spec_string (name, NULL, NULL, \
                         default_value, \
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))
#define DATE_TIME_PROPERTY(prop, name) \
  properties [prop] = \
    g_param_spec_boxed (name, NULL, NULL, \
                        G_TYPE_DATE_TIME, \
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS))

  INT64_PROPERTY (PROP_ID, "id");
  STRING_PROPERTY (PROP_TITLE, "title", NULL);
  INT64_PROPERTY (PROP_CONTACT_ID, "contact-id");
  STRING_PROPERTY (PROP_CONTACT_NAME, "contact-name", NULL);
  INT64_PROPERTY (PROP_COMPANY_ID, "company-id");
  STRING_PROPERTY (PROP_COMPANY_NAME, "company-name", NULL);
  INT64_PROPERTY (PROP_PIPELINE_ID, "pipeline-id");
  INT64_PROPERTY (PROP_STAGE_ID, "stage-id");

  /**
   * CrmDeal:amount:
   *
   * The value of the deal in minor units of [property@Deal:currency]:
   * 1234500 is 12,345.00.
   */
  INT64_PROPERTY (PROP_AMOUNT, "amount");

  /**
   * CrmDeal:currency:
   *
   * The ISO 4217 code of the deal's currency, "ILS" unless set.
   */
  STRING_PROPERTY (PROP_CURRENCY, "currency", DEFAULT_CURRENCY);

  INT64_PROPERTY (PROP_OWNER_ID, "owner-id");
  STRING_PROPERTY (PROP_OWNER_NAME, "owner-name", NULL);
  STRING_PROPERTY (PROP_SOURCE, "source", NULL);
  STRING_PROPERTY (PROP_NEXT_STEP, "next-step", NULL);
  DATE_TIME_PROPERTY (PROP_CREATED_AT, "created-at");
  DATE_TIME_PROPERTY (PROP_UPDATED_AT, "updated-at");
  STRING_PROPERTY (PROP_EXPECTED_CLOSE, "expected-close", NULL);

  /**
   * CrmDeal:next-task-due:
   *
   * When the deal's earliest open task is due, or %NULL when it has no
   * open task (RAD-5). Filled by the store with the deal.
   */
  DATE_TIME_PROPERTY (PROP_NEXT_TASK_DUE, "next-task-due");

#undef INT64_PROPERTY
#undef STRING_PROPERTY
#undef DATE_TIME_PROPERTY

  /**
   * CrmDeal:amount-label:
   *
   * The amount formatted for display with its currency symbol, such as
   * "₪12,345". Notified whenever [property@Deal:amount] or
   * [property@Deal:currency] change.
   */
  properties [PROP_AMOUNT_LABEL] =
    g_param_spec_string ("amount-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDeal:stage-kind:
   *
   * Whether the deal's stage is still open or one of the final stages,
   * won or lost. Filled by the store with the deal.
   */
  properties [PROP_STAGE_KIND] =
    g_param_spec_enum ("stage-kind", NULL, NULL,
                       CRM_TYPE_STAGE_KIND,
                       CRM_STAGE_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDeal:version:
   *
   * The version of the stored row this object was read at: every write
   * of the row counts it up, and a save that finds another version
   * refuses to overwrite it (CRM_STORE_ERROR_CONFLICT). 0 when unknown.
   */
  properties [PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmDeal::changed:
   * @self: the deal
   *
   * Emitted once after each round of #GObject::notify emissions: after a
   * setter that changed its property, and after a thaw (such as
   * crm_deal_update_from()) however many properties it changed. For a
   * view that redraws the whole deal, not one property.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_deal_init (CrmDeal *self)
{
  self->currency = g_strdup (DEFAULT_CURRENCY);
}

/**
 * crm_deal_new:
 *
 * Creates an empty deal in the default currency.
 *
 * Returns: (transfer full): a new #CrmDeal
 */
CrmDeal *
crm_deal_new (void)
{
  return g_object_new (CRM_TYPE_DEAL, NULL);
}

gint64
crm_deal_get_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->id;
}

void
crm_deal_set_id (CrmDeal *self,
                 gint64   id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
crm_deal_get_title (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->title;
}

void
crm_deal_set_title (CrmDeal    *self,
                    const char *title)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

gint64
crm_deal_get_contact_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->contact_id;
}

void
crm_deal_set_contact_id (CrmDeal *self,
                         gint64   contact_id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_ID]);
}

const char *
crm_deal_get_contact_name (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->contact_name;
}

void
crm_deal_set_contact_name (CrmDeal    *self,
                           const char *contact_name)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->contact_name, contact_name) == 0)
    return;

  g_free (self->contact_name);
  self->contact_name = g_strdup (contact_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_NAME]);
}

gint64
crm_deal_get_company_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->company_id;
}

void
crm_deal_set_company_id (CrmDeal *self,
                         gint64   company_id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->company_id == company_id)
    return;

  self->company_id = company_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_ID]);
}

const char *
crm_deal_get_company_name (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->company_name;
}

void
crm_deal_set_company_name (CrmDeal    *self,
                           const char *company_name)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->company_name, company_name) == 0)
    return;

  g_free (self->company_name);
  self->company_name = g_strdup (company_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_NAME]);
}

gint64
crm_deal_get_pipeline_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->pipeline_id;
}

void
crm_deal_set_pipeline_id (CrmDeal *self,
                          gint64   pipeline_id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->pipeline_id == pipeline_id)
    return;

  self->pipeline_id = pipeline_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIPELINE_ID]);
}

gint64
crm_deal_get_stage_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->stage_id;
}

void
crm_deal_set_stage_id (CrmDeal *self,
                       gint64   stage_id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->stage_id == stage_id)
    return;

  self->stage_id = stage_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_ID]);
}

gint64
crm_deal_get_amount (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->amount;
}

void
crm_deal_set_amount (CrmDeal *self,
                     gint64   amount)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->amount == amount)
    return;

  self->amount = amount;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AMOUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AMOUNT_LABEL]);
}

const char *
crm_deal_get_currency (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->currency;
}

void
crm_deal_set_currency (CrmDeal    *self,
                       const char *currency)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENCY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AMOUNT_LABEL]);
}

gint64
crm_deal_get_owner_id (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->owner_id;
}

void
crm_deal_set_owner_id (CrmDeal *self,
                       gint64   owner_id)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER_ID]);
}

const char *
crm_deal_get_owner_name (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->owner_name;
}

void
crm_deal_set_owner_name (CrmDeal    *self,
                         const char *owner_name)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->owner_name, owner_name) == 0)
    return;

  g_free (self->owner_name);
  self->owner_name = g_strdup (owner_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER_NAME]);
}

const char *
crm_deal_get_source (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->source;
}

void
crm_deal_set_source (CrmDeal    *self,
                     const char *source)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->source, source) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

const char *
crm_deal_get_next_step (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->next_step;
}

void
crm_deal_set_next_step (CrmDeal    *self,
                        const char *next_step)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->next_step, next_step) == 0)
    return;

  g_free (self->next_step);
  self->next_step = g_strdup (next_step);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_STEP]);
}

/**
 * crm_deal_get_created_at:
 * @self: a #CrmDeal
 *
 * Returns: (transfer none) (nullable): when the deal was created
 */
GDateTime *
crm_deal_get_created_at (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->created_at;
}

void
crm_deal_set_created_at (CrmDeal   *self,
                         GDateTime *created_at)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (date_time_equal (self->created_at, created_at))
    return;

  if (created_at != NULL)
    g_date_time_ref (created_at);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

/**
 * crm_deal_get_updated_at:
 * @self: a #CrmDeal
 *
 * Returns: (transfer none) (nullable): when the deal last changed
 */
GDateTime *
crm_deal_get_updated_at (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->updated_at;
}

void
crm_deal_set_updated_at (CrmDeal   *self,
                         GDateTime *updated_at)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (date_time_equal (self->updated_at, updated_at))
    return;

  if (updated_at != NULL)
    g_date_time_ref (updated_at);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  self->updated_at = updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UPDATED_AT]);
}

/**
 * crm_deal_get_expected_close:
 * @self: a #CrmDeal
 *
 * Returns: (nullable): the expected close date as an ISO 8601 date
 */
const char *
crm_deal_get_expected_close (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->expected_close;
}

void
crm_deal_set_expected_close (CrmDeal    *self,
                             const char *expected_close)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (g_strcmp0 (self->expected_close, expected_close) == 0)
    return;

  g_free (self->expected_close);
  self->expected_close = g_strdup (expected_close);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPECTED_CLOSE]);
}

/**
 * crm_deal_get_next_task_due:
 * @self: a #CrmDeal
 *
 * Returns: (transfer none) (nullable): when the earliest open task is due,
 *   or %NULL when the deal has no open task
 */
GDateTime *
crm_deal_get_next_task_due (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return self->next_task_due;
}

void
crm_deal_set_next_task_due (CrmDeal   *self,
                            GDateTime *next_task_due)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (date_time_equal (self->next_task_due, next_task_due))
    return;

  if (next_task_due != NULL)
    g_date_time_ref (next_task_due);
  g_clear_pointer (&self->next_task_due, g_date_time_unref);
  self->next_task_due = next_task_due;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_TASK_DUE]);
}

CrmStageKind
crm_deal_get_stage_kind (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), CRM_STAGE_OPEN);

  return self->stage_kind;
}

void
crm_deal_set_stage_kind (CrmDeal      *self,
                         CrmStageKind  stage_kind)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->stage_kind == stage_kind)
    return;

  self->stage_kind = stage_kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_KIND]);
}

/**
 * crm_deal_get_task_warning:
 * @self: a #CrmDeal
 * @now: the current time by the store's clock
 *
 * What the deal's card warns about: an open deal must have a current task
 * (RAD-5), and no task may be overdue (RAD-6). Deals in the final stages
 * need neither.
 *
 * Returns: the warning, or %CRM_TASK_WARNING_NONE
 */
CrmTaskWarning
crm_deal_get_task_warning (CrmDeal   *self,
                           GDateTime *now)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), CRM_TASK_WARNING_NONE);
  g_return_val_if_fail (now != NULL, CRM_TASK_WARNING_NONE);

  if (self->stage_kind != CRM_STAGE_OPEN)
    return CRM_TASK_WARNING_NONE;

  if (self->next_task_due == NULL)
    return CRM_TASK_WARNING_NO_TASK;

  if (g_date_time_compare (self->next_task_due, now) < 0)
    return CRM_TASK_WARNING_OVERDUE;

  return CRM_TASK_WARNING_NONE;
}

/**
 * crm_deal_dup_amount_label:
 * @self: a #CrmDeal
 *
 * Formats the amount for display with the currency's symbol and digit
 * grouping: "₪12,345", "$12,345", "€12 345", "12 345 ₽", or "12,345 XYZ" for
 * a currency without a known symbol. Decimals appear only when the minor
 * part is not zero ("₪12,345.50", "12 345,50 ₽").
 *
 * Returns: (transfer full): the formatted amount
 */
char *
crm_deal_dup_amount_label (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), NULL);

  return crm_format_amount (self->amount, self->currency);
}

/**
 * crm_deal_update_from:
 * @self: a #CrmDeal
 * @from: the same deal read again
 *
 * Takes every value of @from, with one round of notifications: a board
 * card keeps showing its object while the store reads the row behind it
 * (a page that arrives, a committed change), and redraws once.
 */
void
crm_deal_update_from (CrmDeal *self,
                      CrmDeal *from)
{
  g_return_if_fail (CRM_IS_DEAL (self));
  g_return_if_fail (CRM_IS_DEAL (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  crm_deal_set_id (self, from->id);
  crm_deal_set_title (self, from->title);
  crm_deal_set_contact_id (self, from->contact_id);
  crm_deal_set_contact_name (self, from->contact_name);
  crm_deal_set_company_id (self, from->company_id);
  crm_deal_set_company_name (self, from->company_name);
  crm_deal_set_pipeline_id (self, from->pipeline_id);
  crm_deal_set_stage_id (self, from->stage_id);
  crm_deal_set_amount (self, from->amount);
  crm_deal_set_currency (self, from->currency);
  crm_deal_set_owner_id (self, from->owner_id);
  crm_deal_set_version (self, from->version);
  crm_deal_set_owner_name (self, from->owner_name);
  crm_deal_set_source (self, from->source);
  crm_deal_set_next_step (self, from->next_step);
  crm_deal_set_created_at (self, from->created_at);
  crm_deal_set_updated_at (self, from->updated_at);
  crm_deal_set_expected_close (self, from->expected_close);
  crm_deal_set_next_task_due (self, from->next_task_due);
  crm_deal_set_stage_kind (self, from->stage_kind);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
crm_deal_get_version (CrmDeal *self)
{
  g_return_val_if_fail (CRM_IS_DEAL (self), 0);

  return self->version;
}

void
crm_deal_set_version (CrmDeal *self,
                      gint64   version)
{
  g_return_if_fail (CRM_IS_DEAL (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}
