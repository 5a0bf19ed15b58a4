/* crm-agenda-item.c
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

#define G_LOG_DOMAIN "crm-agenda-item"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-agenda-item.h"

/* One line of the Today view: a task (or a deal with none) and what the
 * rep needs to see to pick the next call (HS-5, HS-6). Immutable. */
struct _CrmAgendaItem
{
  GObject           parent_instance;

  CrmAgendaSection  section;
  gint64            task_id;
  char             *task_title;
  GDateTime        *due_at;
  gint64            deal_id;
  char             *deal_title;
  char             *company_name;
  GDateTime        *last_activity_at;
};

G_DEFINE_FINAL_TYPE (CrmAgendaItem, crm_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_TASK_TITLE,
  PROP_DEAL_TITLE,
  PROP_COMPANY_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_agenda_item_finalize (GObject *object)
{
  CrmAgendaItem *self = (CrmAgendaItem *)object;

  g_clear_pointer (&self->task_title, g_free);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->deal_title, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->last_activity_at, g_date_time_unref);

  G_OBJECT_CLASS (crm_agenda_item_parent_class)->finalize (object);
}

static void
crm_agenda_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmAgendaItem *self = CRM_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_int (value, self->section);
      break;

    case PROP_TASK_TITLE:
      g_value_set_string (value, self->task_title);
      break;

    case PROP_DEAL_TITLE:
      g_value_set_string (value, self->deal_title);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_agenda_item_class_init (CrmAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_agenda_item_finalize;
  object_class->get_property = crm_agenda_item_get_property;

  properties [PROP_SECTION] =
    g_param_spec_int ("section", NULL, NULL, 0, CRM_AGENDA_NO_TASK, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TASK_TITLE] =
    g_param_spec_string ("task-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_DEAL_TITLE] =
    g_param_spec_string ("deal-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_agenda_item_init (CrmAgendaItem *self)
{
}

CrmAgendaItem *
crm_agenda_item_new (CrmAgendaSection  section,
                     gint64            task_id,
                     const char       *task_title,
                     GDateTime        *due_at,
                     gint64            deal_id,
                     const char       *deal_title,
                     const char       *company_name,
                     GDateTime        *last_activity_at)
{
  CrmAgendaItem *self = g_object_new (CRM_TYPE_AGENDA_ITEM, NULL);

  self->section = section;
  self->task_id = task_id;
  self->task_title = g_strdup (task_title);
  self->due_at = due_at ? g_date_time_ref (due_at) : NULL;
  self->deal_id = deal_id;
  self->deal_title = g_strdup (deal_title);
  self->company_name = g_strdup (company_name);
  self->last_activity_at = last_activity_at ? g_date_time_ref (last_activity_at) : NULL;

  return self;
}

CrmAgendaSection
crm_agenda_item_get_section (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), CRM_AGENDA_NO_TASK);
  return self->section;
}

gint64
crm_agenda_item_get_task_id (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), 0);
  return self->task_id;
}

const char *
crm_agenda_item_get_task_title (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);
  return self->task_title;
}

/**
 * crm_agenda_item_get_due_at:
 * @self: a #CrmAgendaItem
 *
 * Returns: (transfer none) (nullable): when the task is due
 */
GDateTime *
crm_agenda_item_get_due_at (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);
  return self->due_at;
}

gint64
crm_agenda_item_get_deal_id (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), 0);
  return self->deal_id;
}

const char *
crm_agenda_item_get_deal_title (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);
  return self->deal_title;
}

const char *
crm_agenda_item_get_company_name (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);
  return self->company_name;
}

/**
 * crm_agenda_item_dup_deal_line:
 * @self: a #CrmAgendaItem
 *
 * The line that names the item's deal wherever a task is shown (a Today
 * row, a due task's notification): the deal, then its company if any.
 *
 * Returns: (transfer full): the line
 */
char *
crm_agenda_item_dup_deal_line (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);

  if (self->company_name == NULL || self->company_name[0] == '\0')
    return g_strdup (self->deal_title);

  /* Translators: the line naming a task's deal: the deal, then its company */
  return g_strdup_printf (C_("task's deal", "%s — %s"), self->deal_title, self->company_name);
}

/**
 * crm_agenda_item_get_last_activity:
 * @self: a #CrmAgendaItem
 *
 * Returns: (transfer none) (nullable): when the deal was last worked on
 */
GDateTime *
crm_agenda_item_get_last_activity (CrmAgendaItem *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_ITEM (self), NULL);
  return self->last_activity_at;
}
