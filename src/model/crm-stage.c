/* crm-stage.c
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

#define G_LOG_DOMAIN "crm-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-enums.h"
#include "crm-stage.h"

/**
 * CrmStage:
 *
 * One column of a pipeline's board.
 *
 * Stages are ordered by position within their pipeline; the kind says whether
 * a deal in the stage is still open or has been closed as won or lost.
 * Stages are immutable value objects.
 */

struct _CrmStage
{
  GObject       parent_instance;

  char         *key;
  char         *name;
  gint64        id;
  gint64        pipeline_id;
  guint         position;
  CrmStageKind  kind;
};

G_DEFINE_FINAL_TYPE (CrmStage, crm_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PIPELINE_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_POSITION,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_stage_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmStage *self = CRM_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PIPELINE_ID:
      g_value_set_int64 (value, self->pipeline_id);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrmStage *self = CRM_STAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PIPELINE_ID:
      self->pipeline_id = g_value_get_int64 (value);
      break;

    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_finalize (GObject *object)
{
  CrmStage *self = CRM_STAGE (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (crm_stage_parent_class)->finalize (object);
}

static void
crm_stage_class_init (CrmStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_stage_get_property;
  object_class->set_property = crm_stage_set_property;
  object_class->finalize = crm_stage_finalize;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PIPELINE_ID] =
    g_param_spec_int64 ("pipeline-id", NULL, NULL,
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

  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CRM_TYPE_STAGE_KIND,
                       CRM_STAGE_OPEN,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_stage_init (CrmStage *self)
{
}

/**
 * crm_stage_new:
 * @id: the stage's row id
 * @pipeline_id: the row id of the pipeline the stage belongs to
 * @key: the stable, untranslated key such as "qualified"
 * @name: the display name
 * @position: the stage's place in the pipeline, from 0
 * @kind: whether deals in the stage are open, won or lost
 *
 * Returns: (transfer full): a new #CrmStage
 */
CrmStage *
crm_stage_new (gint64        id,
               gint64        pipeline_id,
               const char   *key,
               const char   *name,
               guint         position,
               CrmStageKind  kind)
{
  return g_object_new (CRM_TYPE_STAGE,
                       "id", id,
                       "pipeline-id", pipeline_id,
                       "key", key,
                       "name", name,
                       "position", position,
                       "kind", kind,
                       NULL);
}

gint64
crm_stage_get_id (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);

  return self->id;
}

gint64
crm_stage_get_pipeline_id (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);

  return self->pipeline_id;
}

const char *
crm_stage_get_key (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), NULL);

  return self->key;
}

const char *
crm_stage_get_name (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), NULL);

  return self->name;
}

guint
crm_stage_get_position (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), 0);

  return self->position;
}

CrmStageKind
crm_stage_get_kind (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), CRM_STAGE_OPEN);

  return self->kind;
}

/**
 * crm_stage_is_final:
 * @self: a #CrmStage
 *
 * Whether a deal in this stage is closed, won or lost. Final stages end the
 * deal's procedures and leave it out of the open pipeline's totals.
 *
 * Returns: %TRUE for %CRM_STAGE_WON and %CRM_STAGE_LOST
 */
gboolean
crm_stage_is_final (CrmStage *self)
{
  g_return_val_if_fail (CRM_IS_STAGE (self), FALSE);

  return self->kind == CRM_STAGE_WON || self->kind == CRM_STAGE_LOST;
}
