/* crm-deal-editor.h
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

#include <adwaita.h>

#include "crm-call-panel.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_DEAL_EDITOR (crm_deal_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmDealEditor, crm_deal_editor, CRM, DEAL_EDITOR, AdwWindow)

GtkWidget   *crm_deal_editor_new                    (CrmStore      *store,
                                                     gint64         deal_id,
                                                     gint64         pipeline_id);
CrmStore    *crm_deal_editor_get_store              (CrmDealEditor *self);
gint64       crm_deal_editor_get_deal_id            (CrmDealEditor *self);
gboolean     crm_deal_editor_get_can_save           (CrmDealEditor *self);
const char  *crm_deal_editor_get_conflict           (CrmDealEditor *self);
gboolean     crm_deal_editor_save                   (CrmDealEditor *self,
                                                     GError       **error);
GtkEditable *crm_deal_editor_get_title_editable     (CrmDealEditor *self);
GtkEditable *crm_deal_editor_get_amount_editable    (CrmDealEditor *self);
GtkEditable *crm_deal_editor_get_contact_editable   (CrmDealEditor *self);
GtkEditable *crm_deal_editor_get_phone_editable     (CrmDealEditor *self);
GtkEditable *crm_deal_editor_get_email_editable     (CrmDealEditor *self);
GtkEditable *crm_deal_editor_get_company_editable   (CrmDealEditor *self);
GtkWidget   *crm_deal_editor_get_field_widget       (CrmDealEditor *self,
                                                     const char    *key);
CrmCallPanel *crm_deal_editor_get_call_panel        (CrmDealEditor *self);

G_END_DECLS
