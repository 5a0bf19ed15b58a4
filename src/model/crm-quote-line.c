/* crm-quote-line.c
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


#define G_LOG_DOMAIN "crm-quote-line"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-product.h"
#include "crm-quote-private.h"

/* A row of a quote, as the rep edits it. The setters take what is typed
 * and only notify: a problem is shown at its field by
 * crm_quote_line_check(), never refused while typing. */
struct _CrmQuoteLine
{
  GObject         parent_instance;

  gint64          product_id;
  char           *code;
  char           *description;
  gint64          quantity;      /* thousandths */
  gint64          unit_price;    /* minor units */
  gint64          floor_price;   /* minor units, -1 for none */
  char           *currency;
  guint           discount;      /* basis points */
  guint           vat_rate;      /* basis points */
  CrmProductKind  kind;
};

G_DEFINE_FINAL_TYPE (CrmQuoteLine, crm_quote_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT_ID,
  PROP_CODE,
  PROP_DESCRIPTION,
  PROP_QUANTITY,
  PROP_UNIT_PRICE,
  PROP_FLOOR_PRICE,
  PROP_CURRENCY,
  PROP_DISCOUNT,
  PROP_VAT_RATE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_QUARK (crm-quote-error-quark, crm_quote_error)

gboolean
_crm_quote_fits (__int128  value,
                 gint64   *out_result)
{
  if (value > G_MAXINT64 || value < G_MININT64)
    return FALSE;

  *out_result = (gint64) value;

  return TRUE;
}

gboolean
_crm_quote_round_div (__int128  numerator,
                      __int128  denominator,
                      gint64   *out_result)
{
  __int128 quotient;
  __int128 remainder;

  g_return_val_if_fail (denominator > 0, FALSE);

  quotient = numerator / denominator;
  remainder = numerator % denominator;

  /* Half away from zero: 2.5 → 3 and −2.5 → −3, as a cashier rounds. */
  if (remainder < 0)
    remainder = -remainder;
  if (remainder >= denominator - remainder)
    quotient += numerator < 0 ? -1 : 1;

  return _crm_quote_fits (quotient, out_result);
}

gboolean
_crm_quote_set_string (char       **field,
                       const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

gboolean
_crm_quote_too_large (GError **error)
{
  g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_TOO_LARGE,
                       _("The amount is too large to compute"));

  return FALSE;
}

static void
set_string (CrmQuoteLine  *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (_crm_quote_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_int64 (CrmQuoteLine *self,
           gint64       *field,
           gint64        value,
           guint         prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_uint (CrmQuoteLine *self,
          guint        *field,
          guint         value,
          guint         prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
crm_quote_line_finalize (GObject *object)
{
  CrmQuoteLine *self = (CrmQuoteLine *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (crm_quote_line_parent_class)->finalize (object);
}

static void
crm_quote_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmQuoteLine *self = CRM_QUOTE_LINE (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_QUANTITY:
      g_value_set_int64 (value, self->quantity);
      break;

    case PROP_UNIT_PRICE:
      g_value_set_int64 (value, self->unit_price);
      break;

    case PROP_FLOOR_PRICE:
      g_value_set_int64 (value, self->floor_price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_DISCOUNT:
      g_value_set_uint (value, self->discount);
      break;

    case PROP_VAT_RATE:
      g_value_set_uint (value, self->vat_rate);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_line_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmQuoteLine *self = CRM_QUOTE_LINE (object);

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      crm_quote_line_set_product_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      crm_quote_line_set_code (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      crm_quote_line_set_description (self, g_value_get_string (value));
      break;

    case PROP_QUANTITY:
      crm_quote_line_set_quantity (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_PRICE:
      crm_quote_line_set_unit_price (self, g_value_get_int64 (value));
      break;

    case PROP_FLOOR_PRICE:
      crm_quote_line_set_floor_price (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      crm_quote_line_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DISCOUNT:
      crm_quote_line_set_discount (self, g_value_get_uint (value));
      break;

    case PROP_VAT_RATE:
      crm_quote_line_set_vat_rate (self, g_value_get_uint (value));
      break;

    case PROP_KIND:
      crm_quote_line_set_kind (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_line_class_init (CrmQuoteLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_quote_line_finalize;
  object_class->get_property = crm_quote_line_get_property;
  object_class->set_property = crm_quote_line_set_property;

  /* 0 for a line of free text. */
  properties [PROP_PRODUCT_ID] = g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  /* The ranges are wide on purpose: what was typed is kept and judged by
   * crm_quote_line_check(), so that the editor can say what is wrong. */
  properties [PROP_QUANTITY] = g_param_spec_int64 ("quantity", NULL, NULL,
                                                   G_MININT64, G_MAXINT64, 1000, flags);
  properties [PROP_UNIT_PRICE] = g_param_spec_int64 ("unit-price", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, flags);
  properties [PROP_FLOOR_PRICE] = g_param_spec_int64 ("floor-price", NULL, NULL,
                                                      -1, G_MAXINT64, -1, flags);
  properties [PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties [PROP_DISCOUNT] = g_param_spec_uint ("discount", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_VAT_RATE] = g_param_spec_uint ("vat-rate", NULL, NULL, 0, 10000, 0, flags);
  /* A CrmProductKind. */
  properties [PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL,
                                              0, CRM_N_PRODUCT_KINDS - 1, CRM_PRODUCT_OTHER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_quote_line_init (CrmQuoteLine *self)
{
  self->quantity = 1000;
  self->floor_price = -1;
  self->kind = CRM_PRODUCT_OTHER;
}

/**
 * crm_quote_line_new:
 *
 * Returns: (transfer full): an empty line of free text, quantity 1
 */
CrmQuoteLine *
crm_quote_line_new (void)
{
  return g_object_new (CRM_TYPE_QUOTE_LINE, NULL);
}

/**
 * crm_quote_line_new_for_product:
 * @product: a product master (TW-5)
 * @language: (nullable): the quote's language, for the product's name
 *
 * Returns: (transfer full): a line of one @product at its list price
 */
CrmQuoteLine *
crm_quote_line_new_for_product (CrmProduct *product,
                                const char *language)
{
  CrmQuoteLine *self;

  g_return_val_if_fail (CRM_IS_PRODUCT (product), NULL);

  self = crm_quote_line_new ();
  self->product_id = crm_product_get_id (product);
  self->code = g_strdup (crm_product_get_code (product));
  self->description = g_strdup (crm_product_get_name_for_language (product, language));
  self->unit_price = crm_product_get_price (product);
  self->floor_price = crm_product_get_floor_price (product);
  self->currency = g_strdup (crm_product_get_currency (product));
  self->vat_rate = crm_product_get_vat_rate (product);
  self->kind = crm_product_get_kind (product);

  return self;
}

/**
 * crm_quote_line_copy:
 * @self: a #CrmQuoteLine
 *
 * Returns: (transfer full): a line with the same fields, sharing nothing
 */
CrmQuoteLine *
crm_quote_line_copy (CrmQuoteLine *self)
{
  CrmQuoteLine *copy;

  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), NULL);

  copy = crm_quote_line_new ();
  copy->product_id = self->product_id;
  copy->code = g_strdup (self->code);
  copy->description = g_strdup (self->description);
  copy->quantity = self->quantity;
  copy->unit_price = self->unit_price;
  copy->floor_price = self->floor_price;
  copy->currency = g_strdup (self->currency);
  copy->discount = self->discount;
  copy->vat_rate = self->vat_rate;
  copy->kind = self->kind;

  return copy;
}

gint64
crm_quote_line_get_product_id (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), 0);

  return self->product_id;
}

void
crm_quote_line_set_product_id (CrmQuoteLine *self,
                               gint64        product_id)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_int64 (self, &self->product_id, product_id, PROP_PRODUCT_ID);
}

const char *
crm_quote_line_get_code (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), NULL);

  return self->code;
}

void
crm_quote_line_set_code (CrmQuoteLine *self,
                         const char   *code)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_string (self, &self->code, code, PROP_CODE);
}

const char *
crm_quote_line_get_description (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), NULL);

  return self->description;
}

void
crm_quote_line_set_description (CrmQuoteLine *self,
                                const char   *description)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

/**
 * crm_quote_line_get_quantity:
 * @self: a #CrmQuoteLine
 *
 * Returns: the quantity in thousandths (2.5 is 2500)
 */
gint64
crm_quote_line_get_quantity (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), 0);

  return self->quantity;
}

void
crm_quote_line_set_quantity (CrmQuoteLine *self,
                             gint64        thousandths)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_int64 (self, &self->quantity, thousandths, PROP_QUANTITY);
}

gint64
crm_quote_line_get_unit_price (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), 0);

  return self->unit_price;
}

void
crm_quote_line_set_unit_price (CrmQuoteLine *self,
                               gint64        minor)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_int64 (self, &self->unit_price, minor, PROP_UNIT_PRICE);
}

/**
 * crm_quote_line_get_floor_price:
 * @self: a #CrmQuoteLine
 *
 * Returns: the lowest unit price the product may be quoted at, -1 for none
 */
gint64
crm_quote_line_get_floor_price (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), -1);

  return self->floor_price;
}

void
crm_quote_line_set_floor_price (CrmQuoteLine *self,
                                gint64        minor)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));
  g_return_if_fail (minor >= -1);

  set_int64 (self, &self->floor_price, minor, PROP_FLOOR_PRICE);
}

/**
 * crm_quote_line_get_currency:
 * @self: a #CrmQuoteLine
 *
 * Returns: (nullable): the product's currency; %NULL for free text, which
 *   is in the quote's currency
 */
const char *
crm_quote_line_get_currency (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), NULL);

  return self->currency;
}

void
crm_quote_line_set_currency (CrmQuoteLine *self,
                             const char   *currency)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_string (self, &self->currency, currency, PROP_CURRENCY);
}

guint
crm_quote_line_get_discount (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), 0);

  return self->discount;
}

void
crm_quote_line_set_discount (CrmQuoteLine *self,
                             guint         basis_points)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));

  set_uint (self, &self->discount, basis_points, PROP_DISCOUNT);
}

guint
crm_quote_line_get_vat_rate (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), 0);

  return self->vat_rate;
}

void
crm_quote_line_set_vat_rate (CrmQuoteLine *self,
                             guint         basis_points)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));
  g_return_if_fail (basis_points <= 10000);

  set_uint (self, &self->vat_rate, basis_points, PROP_VAT_RATE);
}

CrmProductKind
crm_quote_line_get_kind (CrmQuoteLine *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), CRM_PRODUCT_OTHER);

  return self->kind;
}

void
crm_quote_line_set_kind (CrmQuoteLine   *self,
                         CrmProductKind  kind)
{
  g_return_if_fail (CRM_IS_QUOTE_LINE (self));
  g_return_if_fail (kind < CRM_N_PRODUCT_KINDS);

  set_uint (self, &self->kind, kind, PROP_KIND);
}

/**
 * crm_quote_line_compute_net:
 * @self: a #CrmQuoteLine
 * @out_net: (out): the line's net amount in minor units
 * @error: return location for a #GError
 *
 * quantity × unit price × (100 % − discount), computed exactly in 128 bits
 * and rounded once, half away from zero (docs/decisions.md).
 *
 * Returns: %TRUE, or %FALSE with %CRM_QUOTE_ERROR_INVALID_DISCOUNT over
 *   100 % or %CRM_QUOTE_ERROR_TOO_LARGE when the net does not fit
 */
gboolean
crm_quote_line_compute_net (CrmQuoteLine  *self,
                            gint64        *out_net,
                            GError       **error)
{
  __int128 product;

  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), FALSE);
  g_return_val_if_fail (out_net != NULL, FALSE);

  if (self->discount > 10000)
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_DISCOUNT,
                           _("The discount cannot be more than 100 %"));
      return FALSE;
    }

  /* Two gint64 fit 128 bits, but times the discount they may not. */
  if (__builtin_mul_overflow ((__int128) self->quantity * self->unit_price,
                              (__int128) (10000 - self->discount), &product))
    return _crm_quote_too_large (error);

  if (!_crm_quote_round_div (product, (__int128) 1000 * 10000, out_net))
    return _crm_quote_too_large (error);

  return TRUE;
}

static gboolean
check_description (CrmQuoteLine  *self,
                   GError       **error)
{
  g_autofree char *stripped = NULL;

  if (self->description == NULL || !g_utf8_validate (self->description, -1, NULL))
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_DESCRIPTION,
                           _("The line needs a description"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (self->description));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_DESCRIPTION,
                           _("The line needs a description"));
      return FALSE;
    }

  if (g_utf8_strlen (self->description, -1) > CRM_QUOTE_MAX_DESCRIPTION)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_DESCRIPTION,
                   _("The description is longer than %d characters"),
                   CRM_QUOTE_MAX_DESCRIPTION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_price (CrmQuoteLine  *self,
             const char    *currency,
             GError       **error)
{
  if (self->unit_price < 0)
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_BELOW_FLOOR,
                           _("The unit price cannot be negative"));
      return FALSE;
    }

  /* TW-5: a product master may set the lowest price a rep may quote. */
  if (self->floor_price >= 0 && self->unit_price < self->floor_price)
    {
      g_autofree char *plain = crm_money_format_plain (self->floor_price);
      /* "120 ILS": the amount as the rep types it, with what it is in. */
      g_autofree char *floor = g_strdup_printf ("%s %s", plain, currency);

      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_BELOW_FLOOR,
                   _("The unit price is below this product’s lowest price of %s"),
                   floor);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_quote_line_check:
 * @self: a #CrmQuoteLine
 * @currency: the quote's currency
 * @error: return location for a #GError
 *
 * Whether the line can go into a quote: the first problem, with a message
 * meant for the field it is about.
 *
 * Returns: %TRUE if the line is whole
 */
gboolean
crm_quote_line_check (CrmQuoteLine  *self,
                      const char    *currency,
                      GError       **error)
{
  gint64 net;

  g_return_val_if_fail (CRM_IS_QUOTE_LINE (self), FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);

  if (!check_description (self, error))
    return FALSE;

  if (self->quantity <= 0)
    {
      g_set_error_literal (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_QUANTITY,
                           _("The quantity must be more than zero"));
      return FALSE;
    }

  if (!check_price (self, currency, error))
    return FALSE;

  if (self->currency != NULL && g_strcmp0 (self->currency, currency) != 0)
    {
      g_set_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_CURRENCY,
                   _("The line is in %s but the quote is in %s"),
                   self->currency, currency);
      return FALSE;
    }

  return crm_quote_line_compute_net (self, &net, error);
}
