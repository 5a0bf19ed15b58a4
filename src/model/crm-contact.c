/* crm-contact.c
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

#define G_LOG_DOMAIN "crm-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-contact.h"

/**
 * CrmContact:
 *
 * A person at a company: a plain value object filled by the store, every
 * accessor backed by a property. Phone numbers and e-mail addresses are
 * lists because people have several; the first one is the primary.
 */

struct _CrmContact
{
  GObject  parent_instance;

  /* The row version read with it (0: not read), for the save to check. */
  gint64     version;

  char    *name;
  char    *position;
  char    *lifecycle;
  char    *classification;
  char    *source;
  char    *campaign;

  char   **phones;
  char   **emails;

  gint64   id;
  gint64   company_id;
};

G_DEFINE_FINAL_TYPE (CrmContact, crm_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPANY_ID,
  PROP_NAME,
  PROP_POSITION,
  PROP_LIFECYCLE,
  PROP_CLASSIFICATION,
  PROP_PHONES,
  PROP_EMAILS,
  PROP_SOURCE,
  PROP_CAMPAIGN,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const empty_strv[] = { NULL };

static gboolean
strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* An unset list and an empty one read the same through the getter, so
 * changing one into the other must not notify.
 */
static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (strv_is_empty (a) || strv_is_empty (b))
    return strv_is_empty (a) && strv_is_empty (b);

  return g_strv_equal (a, b);
}

static void
crm_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmContact *self = CRM_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_COMPANY_ID:
      g_value_set_int64 (value, self->company_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    case PROP_LIFECYCLE:
      g_value_set_string (value, self->lifecycle);
      break;

    case PROP_CLASSIFICATION:
      g_value_set_string (value, self->classification);
      break;

    case PROP_PHONES:
      g_value_set_boxed (value, self->phones);
      break;

    case PROP_EMAILS:
      g_value_set_boxed (value, self->emails);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_CAMPAIGN:
      g_value_set_string (value, self->campaign);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmContact *self = CRM_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      crm_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_COMPANY_ID:
      crm_contact_set_company_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      crm_contact_set_name (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      crm_contact_set_position (self, g_value_get_string (value));
      break;

    case PROP_LIFECYCLE:
      crm_contact_set_lifecycle (self, g_value_get_string (value));
      break;

    case PROP_CLASSIFICATION:
      crm_contact_set_classification (self, g_value_get_string (value));
      break;

    case PROP_PHONES:
      crm_contact_set_phones (self, g_value_get_boxed (value));
      break;

    case PROP_EMAILS:
      crm_contact_set_emails (self, g_value_get_boxed (value));
      break;

    case PROP_SOURCE:
      crm_contact_set_source (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN:
      crm_contact_set_campaign (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      crm_contact_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_contact_finalize (GObject *object)
{
  CrmContact *self = CRM_CONTACT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->lifecycle, g_free);
  g_clear_pointer (&self->classification, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->campaign, g_free);
  g_clear_pointer (&self->phones, g_strfreev);
  g_clear_pointer (&self->emails, g_strfreev);

  G_OBJECT_CLASS (crm_contact_parent_class)->finalize (object);
}

static void
crm_contact_class_init (CrmContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_contact_get_property;
  object_class->set_property = crm_contact_set_property;
  object_class->finalize = crm_contact_finalize;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPANY_ID] =
    g_param_spec_int64 ("company-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmContact:lifecycle:
   *
   * One of the `CRM_LIFECYCLE_*` stages (HS-4); new contacts start as leads.
   */
  properties [PROP_LIFECYCLE] =
    g_param_spec_string ("lifecycle", NULL, NULL,
                         CRM_LIFECYCLE_LEAD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLASSIFICATION] =
    g_param_spec_string ("classification", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PHONES] =
    g_param_spec_boxed ("phones", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAILS] =
    g_param_spec_boxed ("emails", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmContact:source:
   *
   * Where the lead came from (HS-1): the key of one of the procedure's
   * sources, or the text an imported list gave.
   */
  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmContact:campaign:
   *
   * The marketing campaign that brought the lead, if any (HS-1).
   */
  properties [PROP_CAMPAIGN] =
    g_param_spec_string ("campaign", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmContact:version:
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
crm_contact_init (CrmContact *self)
{
  self->lifecycle = g_strdup (CRM_LIFECYCLE_LEAD);
}

/**
 * crm_contact_new:
 *
 * Creates an empty contact.
 *
 * Returns: (transfer full): a new #CrmContact
 */
CrmContact *
crm_contact_new (void)
{
  return g_object_new (CRM_TYPE_CONTACT, NULL);
}

gint64
crm_contact_get_id (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), 0);

  return self->id;
}

void
crm_contact_set_id (CrmContact *self,
                    gint64      id)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

gint64
crm_contact_get_company_id (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), 0);

  return self->company_id;
}

void
crm_contact_set_company_id (CrmContact *self,
                            gint64      company_id)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (self->company_id == company_id)
    return;

  self->company_id = company_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPANY_ID]);
}

const char *
crm_contact_get_name (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->name;
}

void
crm_contact_set_name (CrmContact *self,
                      const char *name)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
crm_contact_get_position (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->position;
}

void
crm_contact_set_position (CrmContact *self,
                          const char *position)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->position, position) == 0)
    return;

  g_free (self->position);
  self->position = g_strdup (position);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
}

const char *
crm_contact_get_lifecycle (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->lifecycle;
}

void
crm_contact_set_lifecycle (CrmContact *self,
                           const char *lifecycle)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->lifecycle, lifecycle) == 0)
    return;

  g_free (self->lifecycle);
  self->lifecycle = g_strdup (lifecycle);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIFECYCLE]);
}

const char *
crm_contact_get_classification (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->classification;
}

void
crm_contact_set_classification (CrmContact *self,
                                const char *classification)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->classification, classification) == 0)
    return;

  g_free (self->classification);
  self->classification = g_strdup (classification);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLASSIFICATION]);
}

/**
 * crm_contact_get_phones:
 * @self: a #CrmContact
 *
 * Returns: (transfer none) (array zero-terminated=1): the phone numbers, possibly
 *   empty but never %NULL
 */
const char * const *
crm_contact_get_phones (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), empty_strv);

  if (self->phones == NULL)
    return empty_strv;

  return (const char * const *) self->phones;
}

/**
 * crm_contact_set_phones:
 * @self: a #CrmContact
 * @phones: (nullable) (array zero-terminated=1): the new phone numbers
 *
 * Replaces the phone numbers. %NULL and an empty array are the same.
 */
void
crm_contact_set_phones (CrmContact         *self,
                        const char * const *phones)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (strv_equal ((const char * const *) self->phones, phones))
    return;

  g_strfreev (self->phones);
  self->phones = strv_is_empty (phones) ? NULL : g_strdupv ((char **) phones);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PHONES]);
}

/**
 * crm_contact_get_emails:
 * @self: a #CrmContact
 *
 * Returns: (transfer none) (array zero-terminated=1): the e-mail addresses, possibly
 *   empty but never %NULL
 */
const char * const *
crm_contact_get_emails (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), empty_strv);

  if (self->emails == NULL)
    return empty_strv;

  return (const char * const *) self->emails;
}

/**
 * crm_contact_set_emails:
 * @self: a #CrmContact
 * @emails: (nullable) (array zero-terminated=1): the new e-mail addresses
 *
 * Replaces the e-mail addresses. %NULL and an empty array are the same.
 */
void
crm_contact_set_emails (CrmContact         *self,
                        const char * const *emails)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (strv_equal ((const char * const *) self->emails, emails))
    return;

  g_strfreev (self->emails);
  self->emails = strv_is_empty (emails) ? NULL : g_strdupv ((char **) emails);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAILS]);
}

const char *
crm_contact_get_source (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->source;
}

void
crm_contact_set_source (CrmContact *self,
                        const char *source)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->source, source) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

const char *
crm_contact_get_campaign (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), NULL);

  return self->campaign;
}

void
crm_contact_set_campaign (CrmContact *self,
                          const char *campaign)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (g_strcmp0 (self->campaign, campaign) == 0)
    return;

  g_free (self->campaign);
  self->campaign = g_strdup (campaign);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN]);
}

gint64
crm_contact_get_version (CrmContact *self)
{
  g_return_val_if_fail (CRM_IS_CONTACT (self), 0);

  return self->version;
}

void
crm_contact_set_version (CrmContact *self,
                         gint64      version)
{
  g_return_if_fail (CRM_IS_CONTACT (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}
