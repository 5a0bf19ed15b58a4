/* crm-lead-list.h
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

#include "crm-contact.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_LEAD_LIST (crm_lead_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmLeadList, crm_lead_list, CRM, LEAD_LIST, GObject)

/* Called on each lead as its page is read, so that what a row shows
 * beyond the contact is worked out for the rows read only. */
typedef void (*CrmLeadListAnnotateFunc) (CrmContact *contact,
                                         gpointer    user_data);

CrmLeadList *crm_lead_list_new                (CrmStore                *store,
                                               const char              *source);
const char  *crm_lead_list_get_source         (CrmLeadList             *self);
void         crm_lead_list_set_annotate_func  (CrmLeadList             *self,
                                               CrmLeadListAnnotateFunc  func,
                                               gpointer                 user_data);
guint        crm_lead_list_get_n_cached       (CrmLeadList             *self);
void         crm_lead_list_reload             (CrmLeadList             *self);

G_END_DECLS
