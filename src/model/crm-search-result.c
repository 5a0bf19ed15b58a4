/* crm-search-result.c
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

#define G_LOG_DOMAIN "crm-search-result"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-search-result.h"

/**
 * CrmSearchResult:
 *
 * One hit of a global search: enough to show a row and to open the record
 * it points at, without loading the record itself.
 */

struct _CrmSearchResult
{
  GObject  parent_instance;

  char    *kind;
  char    *title;
  char    *subtitle;
  gint64   id;
};

G_DEFINE_FINAL_TYPE (CrmSearchResult, crm_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_search_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmSearchResult *self = CRM_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_search_result_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmSearchResult *self = CRM_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBTITLE:
      self->subtitle = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_search_result_finalize (GObject *object)
{
  CrmSearchResult *self = CRM_SEARCH_RESULT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (crm_search_result_parent_class)->finalize (object);
}

static void
crm_search_result_class_init (CrmSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_search_result_get_property;
  object_class->set_property = crm_search_result_set_property;
  object_class->finalize = crm_search_result_finalize;

  /**
   * CrmSearchResult:kind:
   *
   * What the result points at: "deal", "contact" or "company".
   */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmSearchResult:id:
   *
   * The row id of the record, in the table named by [property@SearchResult:kind].
   */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmSearchResult:subtitle: (nullable)
   *
   * A second line giving context, such as a contact's company.
   */
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_search_result_init (CrmSearchResult *self)
{
}

/**
 * crm_search_result_new:
 * @kind: "deal", "contact" or "company"
 * @id: the row id of the record
 * @title: the text of the result's first line
 * @subtitle: (nullable): the text of its second line
 *
 * Returns: (transfer full): a new #CrmSearchResult
 */
CrmSearchResult *
crm_search_result_new (const char *kind,
                       gint64      id,
                       const char *title,
                       const char *subtitle)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (CRM_TYPE_SEARCH_RESULT,
                       "kind", kind,
                       "id", id,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
}

const char *
crm_search_result_get_kind (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), NULL);

  return self->kind;
}

gint64
crm_search_result_get_id (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), 0);

  return self->id;
}

const char *
crm_search_result_get_title (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

/**
 * crm_search_result_get_subtitle:
 * @self: a #CrmSearchResult
 *
 * Returns: (nullable): the second line of the result
 */
const char *
crm_search_result_get_subtitle (CrmSearchResult *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_RESULT (self), NULL);

  return self->subtitle;
}
