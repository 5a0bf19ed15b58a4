/* crm-agenda-list.h
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

#include <gio/gio.h>

#include "crm-agenda-item.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_AGENDA_LIST (crm_agenda_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmAgendaList, crm_agenda_list, CRM, AGENDA_LIST, GObject)

CrmAgendaList *crm_agenda_list_new              (CrmStore         *store,
                                                 gint64            owner_id);
gint64         crm_agenda_list_get_owner_id     (CrmAgendaList    *self);
GDateTime     *crm_agenda_list_get_now          (CrmAgendaList    *self);
guint          crm_agenda_list_get_count        (CrmAgendaList    *self,
                                                 CrmAgendaSection  section);
gboolean       crm_agenda_list_starts_section   (CrmAgendaList    *self,
                                                 guint             position);
guint          crm_agenda_list_get_n_cached     (CrmAgendaList    *self);
gboolean       crm_agenda_list_refresh          (CrmAgendaList    *self);
void           crm_agenda_list_reload           (CrmAgendaList    *self);

G_END_DECLS
