/* crm-user.c
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

#define G_LOG_DOMAIN "crm-user"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-enums.h"
#include "crm-user.h"

/**
 * CrmUser:
 *
 * A person who signs in to Deals: a sales rep or the head of sales.
 *
 * Users are immutable; the store creates a new object when one changes.
 */

struct _CrmUser
{
  GObject  parent_instance;

  char    *name;
  gint64   id;
  CrmRole  role;
};

G_DEFINE_FINAL_TYPE (CrmUser, crm_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrmUser *self = CRM_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_user_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CrmUser *self = CRM_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_user_finalize (GObject *object)
{
  CrmUser *self = CRM_USER (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_user_parent_class)->finalize (object);
}

static void
crm_user_class_init (CrmUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_user_get_property;
  object_class->set_property = crm_user_set_property;
  object_class->finalize = crm_user_finalize;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       CRM_TYPE_ROLE,
                       CRM_ROLE_REP,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_user_init (CrmUser *self)
{
}

/**
 * crm_user_new:
 * @id: the user's row id
 * @name: the display name
 * @role: what the user may do
 *
 * Returns: (transfer full): a new #CrmUser
 */
CrmUser *
crm_user_new (gint64      id,
              const char *name,
              CrmRole     role)
{
  return g_object_new (CRM_TYPE_USER,
                       "id", id,
                       "name", name,
                       "role", role,
                       NULL);
}

gint64
crm_user_get_id (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), 0);

  return self->id;
}

const char *
crm_user_get_name (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), NULL);

  return self->name;
}

CrmRole
crm_user_get_role (CrmUser *self)
{
  g_return_val_if_fail (CRM_IS_USER (self), CRM_ROLE_REP);

  return self->role;
}
