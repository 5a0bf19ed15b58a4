/* crm-product.c
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

#define G_LOG_DOMAIN "crm-product"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-product.h"
#include "crm-strings.h"

/* A product of the catalogue, as the store read it. Its lowest active
 * price in a currency is the lower bound a rep may name (CON-4); a quote
 * line starts from it (TW-5). Immutable: a change is a store action that
 * reads the catalogue again. */
struct _CrmProduct
{
  GObject         parent_instance;

  gint64          id;
  char           *code;
  char           *name;
  char           *name_he;
  char           *name_ru;
  gint64          price;
  gint64          floor_price;
  char           *currency;
  guint           vat_rate;
  CrmProductKind  kind;
  gboolean        active;
};

G_DEFINE_FINAL_TYPE (CrmProduct, crm_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_HE,
  PROP_NAME_RU,
  PROP_PRICE,
  PROP_FLOOR_PRICE,
  PROP_CURRENCY,
  PROP_VAT_RATE,
  PROP_KIND,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Indexed by CrmProductKind; the keys the store and the templates use. */
static const char * const kind_keys[CRM_N_PRODUCT_KINDS] = {
  "hardware", "software", "licence", "service", "other",
};

/**
 * crm_product_kind_to_key:
 * @kind: a #CrmProductKind
 *
 * Returns: (transfer none): the stored key of @kind, e.g. "licence"
 */
const char *
crm_product_kind_to_key (CrmProductKind kind)
{
  g_return_val_if_fail (kind < CRM_N_PRODUCT_KINDS, NULL);

  return kind_keys[kind];
}

/**
 * crm_product_kind_from_key:
 * @key: (nullable): a stored key such as "service"
 * @out_kind: (out): where the kind goes
 *
 * Returns: %TRUE if @key names a kind
 */
gboolean
crm_product_kind_from_key (const char     *key,
                           CrmProductKind *out_kind)
{
  guint index;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (!crm_str_find_key (kind_keys, CRM_N_PRODUCT_KINDS, key, &index))
    return FALSE;

  *out_kind = index;

  return TRUE;
}

static void
crm_product_finalize (GObject *object)
{
  CrmProduct *self = (CrmProduct *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->name_he, g_free);
  g_clear_pointer (&self->name_ru, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (crm_product_parent_class)->finalize (object);
}

static void
crm_product_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmProduct *self = CRM_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_NAME_HE:
      g_value_set_string (value, self->name_he);
      break;

    case PROP_NAME_RU:
      g_value_set_string (value, self->name_ru);
      break;

    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;

    case PROP_FLOOR_PRICE:
      g_value_set_int64 (value, self->floor_price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_VAT_RATE:
      g_value_set_uint (value, self->vat_rate);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_product_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmProduct *self = CRM_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_NAME_HE:
      self->name_he = g_value_dup_string (value);
      break;

    case PROP_NAME_RU:
      self->name_ru = g_value_dup_string (value);
      break;

    case PROP_PRICE:
      self->price = g_value_get_int64 (value);
      break;

    case PROP_FLOOR_PRICE:
      self->floor_price = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    case PROP_VAT_RATE:
      self->vat_rate = g_value_get_uint (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    case PROP_ACTIVE:
      self->active = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_product_class_init (CrmProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_product_finalize;
  object_class->get_property = crm_product_get_property;
  object_class->set_property = crm_product_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_NAME_HE] = g_param_spec_string ("name-he", NULL, NULL, NULL, flags);
  properties [PROP_NAME_RU] = g_param_spec_string ("name-ru", NULL, NULL, NULL, flags);
  /* Minor units (agorot, kopecks), like a deal's amount. */
  properties [PROP_PRICE] = g_param_spec_int64 ("price", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* -1 when a rep may go down to zero. */
  properties [PROP_FLOOR_PRICE] = g_param_spec_int64 ("floor-price", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties [PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  /* Basis points: 1800 is 18 %. */
  properties [PROP_VAT_RATE] = g_param_spec_uint ("vat-rate", NULL, NULL, 0, 10000, 0, flags);
  /* A CrmProductKind (there is no registered enum type for it). */
  properties [PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL,
                                              0, CRM_N_PRODUCT_KINDS - 1, CRM_PRODUCT_OTHER, flags);
  properties [PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_product_init (CrmProduct *self)
{
}

/**
 * crm_product_new:
 * @id: the product's row id
 * @name: what it is called in quotes and in Preferences
 * @price: the list price in minor units
 * @currency: ISO 4217 code of @price
 * @active: whether it is still sold
 *
 * Returns: (transfer full): a new #CrmProduct
 */
CrmProduct *
crm_product_new (gint64      id,
                 const char *name,
                 gint64      price,
                 const char *currency,
                 gboolean    active)
{
  return g_object_new (CRM_TYPE_PRODUCT,
                       "id", id,
                       "name", name,
                       "price", price,
                       "currency", currency,
                       "active", active,
                       NULL);
}

gint64
crm_product_get_id (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), 0);

  return self->id;
}

const char *
crm_product_get_name (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), NULL);

  return self->name;
}

/**
 * crm_product_get_price:
 * @self: a #CrmProduct
 *
 * Returns: the list price in minor units of crm_product_get_currency()
 */
gint64
crm_product_get_price (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), 0);

  return self->price;
}

const char *
crm_product_get_currency (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), NULL);

  return self->currency;
}

gboolean
crm_product_get_active (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), FALSE);

  return self->active;
}

/**
 * crm_product_new_from_info:
 * @info: what the product master holds; strings are copied
 *
 * Returns: (transfer full): a new #CrmProduct
 */
CrmProduct *
crm_product_new_from_info (const CrmProductInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (info->kind < CRM_N_PRODUCT_KINDS, NULL);

  return g_object_new (CRM_TYPE_PRODUCT,
                       "id", info->id,
                       "code", info->code,
                       "name", info->name,
                       "name-he", info->name_he,
                       "name-ru", info->name_ru,
                       "price", info->price,
                       "floor-price", info->floor_price,
                       "currency", info->currency,
                       "vat-rate", info->vat_rate,
                       "kind", (guint) info->kind,
                       "active", info->active,
                       NULL);
}

/**
 * crm_product_get_info:
 * @self: a #CrmProduct
 * @out_info: (out caller-allocates): filled with strings borrowed from @self
 */
void
crm_product_get_info (CrmProduct     *self,
                      CrmProductInfo *out_info)
{
  g_return_if_fail (CRM_IS_PRODUCT (self));
  g_return_if_fail (out_info != NULL);

  *out_info = (CrmProductInfo) {
    .id = self->id,
    .code = self->code,
    .name = self->name,
    .name_he = self->name_he,
    .name_ru = self->name_ru,
    .price = self->price,
    .floor_price = self->floor_price,
    .currency = self->currency,
    .vat_rate = self->vat_rate,
    .kind = self->kind,
    .active = self->active,
  };
}

/**
 * crm_product_get_code:
 * @self: a #CrmProduct
 *
 * Returns: (nullable): the Latin product code, %NULL for a product stored
 *   before codes existed
 */
const char *
crm_product_get_code (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), NULL);

  return self->code;
}

/**
 * crm_product_get_name_for_language:
 * @self: a #CrmProduct
 * @language: (nullable): "he", "ru", "en" or a locale such as "he_IL.UTF-8"
 *
 * A quote names its products in its own language, whatever the UI's.
 *
 * Returns: (transfer none): the name in @language, or the English name
 *   when the product has none in it
 */
const char *
crm_product_get_name_for_language (CrmProduct *self,
                                   const char *language)
{
  const char *name = NULL;

  g_return_val_if_fail (CRM_IS_PRODUCT (self), NULL);

  if (language != NULL && g_str_has_prefix (language, "he"))
    name = self->name_he;
  else if (language != NULL && g_str_has_prefix (language, "ru"))
    name = self->name_ru;

  return name != NULL && name[0] != '\0' ? name : self->name;
}

/**
 * crm_product_get_floor_price:
 * @self: a #CrmProduct
 *
 * Returns: the lowest unit price a rep may quote, or -1 for none
 */
gint64
crm_product_get_floor_price (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), -1);

  return self->floor_price;
}

guint
crm_product_get_vat_rate (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), 0);

  return self->vat_rate;
}

CrmProductKind
crm_product_get_kind (CrmProduct *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT (self), CRM_PRODUCT_OTHER);

  return self->kind;
}
