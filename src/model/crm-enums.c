/* crm-enums.c
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

#define G_LOG_DOMAIN "crm-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-enums.h"
#include "crm-store.h"

/* The nicks double as the values stored in the database and in GSettings, so
 * they must never change once released.
 */
static const GEnumValue role_values[] = {
  { CRM_ROLE_REP, "CRM_ROLE_REP", "rep" },
  { CRM_ROLE_MANAGER, "CRM_ROLE_MANAGER", "manager" },
  { 0, NULL, NULL }
};

static const GEnumValue stage_kind_values[] = {
  { CRM_STAGE_OPEN, "CRM_STAGE_OPEN", "open" },
  { CRM_STAGE_WON, "CRM_STAGE_WON", "won" },
  { CRM_STAGE_LOST, "CRM_STAGE_LOST", "lost" },
  { 0, NULL, NULL }
};

static const GEnumValue activity_kind_values[] = {
  { CRM_ACTIVITY_CALL, "CRM_ACTIVITY_CALL", "call" },
  { CRM_ACTIVITY_MEETING, "CRM_ACTIVITY_MEETING", "meeting" },
  { CRM_ACTIVITY_EMAIL, "CRM_ACTIVITY_EMAIL", "email" },
  { CRM_ACTIVITY_DOCUMENT, "CRM_ACTIVITY_DOCUMENT", "document" },
  { CRM_ACTIVITY_NOTE, "CRM_ACTIVITY_NOTE", "note" },
  { CRM_ACTIVITY_TRAINING, "CRM_ACTIVITY_TRAINING", "training" },
  { 0, NULL, NULL }
};

static const GEnumValue call_outcome_values[] = {
  { CRM_CALL_NONE, "CRM_CALL_NONE", "none" },
  { CRM_CALL_REACHED, "CRM_CALL_REACHED", "reached" },
  { CRM_CALL_NO_ANSWER, "CRM_CALL_NO_ANSWER", "no-answer" },
  { CRM_CALL_BUSY, "CRM_CALL_BUSY", "busy" },
  { CRM_CALL_WRONG_NUMBER, "CRM_CALL_WRONG_NUMBER", "wrong-number" },
  { CRM_CALL_CALL_BACK, "CRM_CALL_CALL_BACK", "call-back" },
  { 0, NULL, NULL }
};

GType
crm_role_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("CrmRole"), role_values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

GType
crm_stage_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("CrmStageKind"),
                                         stage_kind_values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

GType
crm_activity_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("CrmActivityKind"),
                                         activity_kind_values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

GType
crm_call_outcome_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("CrmCallOutcome"),
                                         call_outcome_values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}
