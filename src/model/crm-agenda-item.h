/* crm-agenda-item.h
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

#pragma once

#include "crm-types.h"

G_BEGIN_DECLS

/**
 * CrmAgendaSection:
 * Where a line of the Today view belongs.
 */
typedef enum
{
  CRM_AGENDA_OVERDUE,
  CRM_AGENDA_TODAY,
  CRM_AGENDA_UPCOMING,
  CRM_AGENDA_NO_TASK,
} CrmAgendaSection;

#define CRM_TYPE_AGENDA_ITEM (crm_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (CrmAgendaItem, crm_agenda_item, CRM, AGENDA_ITEM, GObject)

CrmAgendaItem    *crm_agenda_item_new                (CrmAgendaSection  section,
                                                      gint64            task_id,
                                                      const char       *task_title,
                                                      GDateTime        *due_at,
                                                      gint64            deal_id,
                                                      const char       *deal_title,
                                                      const char       *company_name,
                                                      GDateTime        *last_activity_at);
CrmAgendaSection  crm_agenda_item_get_section        (CrmAgendaItem    *self);
gint64            crm_agenda_item_get_task_id        (CrmAgendaItem    *self);
const char       *crm_agenda_item_get_task_title     (CrmAgendaItem    *self);
GDateTime        *crm_agenda_item_get_due_at         (CrmAgendaItem    *self);
gint64            crm_agenda_item_get_deal_id        (CrmAgendaItem    *self);
const char       *crm_agenda_item_get_deal_title     (CrmAgendaItem    *self);
const char       *crm_agenda_item_get_company_name   (CrmAgendaItem    *self);
char             *crm_agenda_item_dup_deal_line      (CrmAgendaItem    *self);
GDateTime        *crm_agenda_item_get_last_activity  (CrmAgendaItem    *self);

G_END_DECLS
