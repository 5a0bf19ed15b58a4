/* crm-company.c
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

#define G_LOG_DOMAIN "crm-company"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-company.h"

/**
 * CrmCompany:
 *
 * A company (account) that contacts and deals belong to: a plain value
 * object filled by the store, every accessor backed by a property.
 */

struct _CrmCompany
{
  GObject  parent_instance;

  /* The row version read with it (0: not read), for the save to check. */
  gint64     version;

  char    *name;
  char    *phone;
  char    *email;
  char    *website;
  char    *city;
  char    *address;

  gint64   id;
};

G_DEFINE_FINAL_TYPE (CrmCompany, crm_company, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WEBSITE,
  PROP_CITY,
  PROP_ADDRESS,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_company_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmCompany *self = CRM_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_WEBSITE:
      g_value_set_string (value, self->website);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_company_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmCompany *self = CRM_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_company_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      crm_company_set_name (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      crm_company_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      crm_company_set_email (self, g_value_get_string (value));
      break;

    case PROP_WEBSITE:
      crm_company_set_website (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      crm_company_set_city (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      crm_company_set_address (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      crm_company_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_company_finalize (GObject *object)
{
  CrmCompany *self = CRM_COMPANY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->website, g_free);
  g_clear_pointer (&self->city, g_free);
  g_clear_pointer (&self->address, g_free);

  G_OBJECT_CLASS (crm_company_parent_class)->finalize (object);
}

static void
crm_company_class_init (CrmCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_company_get_property;
  object_class->set_property = crm_company_set_property;
  object_class->finalize = crm_company_finalize;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WEBSITE] =
    g_param_spec_string ("website", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCompany:version:
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
}

static void
crm_company_init (CrmCompany *self)
{
}

/**
 * crm_company_new:
 *
 * Creates an empty company.
 *
 * Returns: (transfer full): a new #CrmCompany
 */
CrmCompany *
crm_company_new (void)
{
  return g_object_new (CRM_TYPE_COMPANY, NULL);
}

gint64
crm_company_get_id (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), 0);

  return self->id;
}

void
crm_company_set_id (CrmCompany *self,
                    gint64      id)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
crm_company_get_name (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->name;
}

void
crm_company_set_name (CrmCompany *self,
                      const char *name)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
crm_company_get_phone (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->phone;
}

void
crm_company_set_phone (CrmCompany *self,
                       const char *phone)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->phone, phone) == 0)
    return;

  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONE]);
}

const char *
crm_company_get_email (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->email;
}

void
crm_company_set_email (CrmCompany *self,
                       const char *email)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->email, email) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
}

const char *
crm_company_get_website (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->website;
}

void
crm_company_set_website (CrmCompany *self,
                         const char *website)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->website, website) == 0)
    return;

  g_free (self->website);
  self->website = g_strdup (website);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEBSITE]);
}

const char *
crm_company_get_city (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->city;
}

void
crm_company_set_city (CrmCompany *self,
                      const char *city)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->city, city) == 0)
    return;

  g_free (self->city);
  self->city = g_strdup (city);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CITY]);
}

const char *
crm_company_get_address (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), NULL);

  return self->address;
}

void
crm_company_set_address (CrmCompany *self,
                         const char *address)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (g_strcmp0 (self->address, address) == 0)
    return;

  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ADDRESS]);
}

gint64
crm_company_get_version (CrmCompany *self)
{
  g_return_val_if_fail (CRM_IS_COMPANY (self), 0);

  return self->version;
}

void
crm_company_set_version (CrmCompany *self,
                         gint64      version)
{
  g_return_if_fail (CRM_IS_COMPANY (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}
