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

/* A product of the catalogue, as the store read it. Its lowest active
 * price in a currency is the lower bound a rep may name (CON-4); quotes
 * (TW-5) will build on it. Immutable: a change is a store action that
 * reads the catalogue again. */
struct _CrmProduct
{
  GObject   parent_instance;

  gint64    id;
  char     *name;
  gint64    price;
  char     *currency;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (CrmProduct, crm_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PRICE,
  PROP_CURRENCY,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_product_finalize (GObject *object)
{
  CrmProduct *self = (CrmProduct *)object;

  g_clear_pointer (&self->name, g_free);
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

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
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

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_PRICE:
      self->price = g_value_get_int64 (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
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
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /* Minor units (agorot, kopecks), like a deal's amount. */
  properties [PROP_PRICE] = g_param_spec_int64 ("price", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, flags);
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
