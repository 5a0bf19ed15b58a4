/* crm-task.c
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

#define G_LOG_DOMAIN "crm-task"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-task.h"

/* A task of a deal (RAD-5: every open deal has one), as the store read it.
 * Immutable: closing a task is a store action that reads it again. */
struct _CrmTask
{
  GObject    parent_instance;

  gint64     id;
  gint64     deal_id;
  char      *title;
  GDateTime *due_at;
  gint64     owner_id;
  char      *rule;
};

G_DEFINE_FINAL_TYPE (CrmTask, crm_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEAL_ID,
  PROP_TITLE,
  PROP_DUE_AT,
  PROP_OWNER_ID,
  PROP_RULE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_task_finalize (GObject *object)
{
  CrmTask *self = (CrmTask *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->rule, g_free);

  G_OBJECT_CLASS (crm_task_parent_class)->finalize (object);
}

static void
crm_task_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CrmTask *self = CRM_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DUE_AT:
      g_value_set_boxed (value, self->due_at);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_task_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CrmTask *self = CRM_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_DUE_AT:
      self->due_at = g_value_dup_boxed (value);
      break;

    case PROP_OWNER_ID:
      self->owner_id = g_value_get_int64 (value);
      break;

    case PROP_RULE:
      self->rule = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_task_class_init (CrmTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_task_finalize;
  object_class->get_property = crm_task_get_property;
  object_class->set_property = crm_task_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_DEAL_ID] = g_param_spec_int64 ("deal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties [PROP_DUE_AT] = g_param_spec_boxed ("due-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_task_init (CrmTask *self)
{
}

CrmTask *
crm_task_new (gint64      id,
              gint64      deal_id,
              const char *title,
              GDateTime  *due_at,
              gint64      owner_id,
              const char *rule)
{
  return g_object_new (CRM_TYPE_TASK,
                       "id", id,
                       "deal-id", deal_id,
                       "title", title,
                       "due-at", due_at,
                       "owner-id", owner_id,
                       "rule", rule,
                       NULL);
}

gint64
crm_task_get_id (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), 0);

  return self->id;
}

gint64
crm_task_get_deal_id (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), 0);

  return self->deal_id;
}

const char *
crm_task_get_title (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), NULL);

  return self->title;
}

/**
 * crm_task_get_due_at:
 * @self: a #CrmTask
 *
 * Returns: (transfer none): when the task is due
 */
GDateTime *
crm_task_get_due_at (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), NULL);

  return self->due_at;
}

gint64
crm_task_get_owner_id (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), 0);

  return self->owner_id;
}

const char *
crm_task_get_rule (CrmTask *self)
{
  g_return_val_if_fail (CRM_IS_TASK (self), NULL);

  return self->rule;
}
