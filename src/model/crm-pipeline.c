/* crm-pipeline.c
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

#define G_LOG_DOMAIN "crm-pipeline"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-pipeline.h"

/**
 * CrmPipeline:
 *
 * A sales pipeline: an ordered set of stages that deals move through.
 *
 * The key is stable across translations and is what procedures refer to; the
 * name is what the user sees. Pipelines are immutable value objects.
 */

struct _CrmPipeline
{
  GObject  parent_instance;

  char    *key;
  char    *name;
  gint64   id;
};

G_DEFINE_FINAL_TYPE (CrmPipeline, crm_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_pipeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmPipeline *self = CRM_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_pipeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CrmPipeline *self = CRM_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_pipeline_finalize (GObject *object)
{
  CrmPipeline *self = CRM_PIPELINE (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_pipeline_parent_class)->finalize (object);
}

static void
crm_pipeline_class_init (CrmPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_pipeline_get_property;
  object_class->set_property = crm_pipeline_set_property;
  object_class->finalize = crm_pipeline_finalize;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_pipeline_init (CrmPipeline *self)
{
}

/**
 * crm_pipeline_new:
 * @id: the pipeline's row id
 * @key: the stable, untranslated key such as "sales"
 * @name: the display name
 *
 * Returns: (transfer full): a new #CrmPipeline
 */
CrmPipeline *
crm_pipeline_new (gint64      id,
                  const char *key,
                  const char *name)
{
  return g_object_new (CRM_TYPE_PIPELINE,
                       "id", id,
                       "key", key,
                       "name", name,
                       NULL);
}

gint64
crm_pipeline_get_id (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), 0);

  return self->id;
}

const char *
crm_pipeline_get_key (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);

  return self->key;
}

const char *
crm_pipeline_get_name (CrmPipeline *self)
{
  g_return_val_if_fail (CRM_IS_PIPELINE (self), NULL);

  return self->name;
}
