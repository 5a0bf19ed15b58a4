/* crm-call-panel.h
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

#include "crm-call-end-page.h"
#include "crm-call-question.h"
#include "crm-call-timer.h"
#include "crm-call-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_CALL_PANEL (crm_call_panel_get_type ())

G_DECLARE_FINAL_TYPE (CrmCallPanel, crm_call_panel, CRM, CALL_PANEL, GtkBox)

GtkWidget       *crm_call_panel_new           (CrmStore      *store,
                                               gint64         deal_id);
CrmStore        *crm_call_panel_get_store     (CrmCallPanel  *self);
gint64           crm_call_panel_get_deal_id   (CrmCallPanel  *self);
gboolean         crm_call_panel_start         (CrmCallPanel  *self,
                                               GError       **error);
gboolean         crm_call_panel_get_running   (CrmCallPanel  *self);
CrmCallSession  *crm_call_panel_get_session   (CrmCallPanel  *self);
const char      *crm_call_panel_get_page      (CrmCallPanel  *self);
CrmCallQuestion *crm_call_panel_find_question (CrmCallPanel  *self,
                                               const char    *key);
CrmCallEndPage  *crm_call_panel_get_end_page  (CrmCallPanel  *self);
gboolean         crm_call_panel_next          (CrmCallPanel  *self);
gboolean         crm_call_panel_previous      (CrmCallPanel  *self);
gboolean         crm_call_panel_end           (CrmCallPanel  *self);
void             crm_call_panel_ask_discard   (CrmCallPanel  *self);
void             crm_call_panel_discard       (CrmCallPanel  *self);

G_END_DECLS
