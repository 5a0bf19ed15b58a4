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
