/* crm-stage-form.h
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

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_STAGE_FORM (crm_stage_form_get_type ())

G_DECLARE_FINAL_TYPE (CrmStageForm, crm_stage_form, CRM, STAGE_FORM, AdwWindow)

GtkWidget *crm_stage_form_new           (CrmStore           *store,
                                         gint64              deal_id,
                                         gint64              stage_id,
                                         const char * const *missing_keys);
CrmStore  *crm_stage_form_get_store     (CrmStageForm       *self);
gint64     crm_stage_form_get_deal_id   (CrmStageForm       *self);
gint64     crm_stage_form_get_stage_id  (CrmStageForm       *self);
gboolean   crm_stage_form_get_can_move  (CrmStageForm       *self);
GtkWidget *crm_stage_form_get_row       (CrmStageForm       *self,
                                         const char         *key);

G_END_DECLS
