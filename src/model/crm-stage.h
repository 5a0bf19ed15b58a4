/* crm-stage.h
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

#define CRM_TYPE_STAGE (crm_stage_get_type ())

G_DECLARE_FINAL_TYPE (CrmStage, crm_stage, CRM, STAGE, GObject)

CrmStage     *crm_stage_new             (gint64        id,
                                         gint64        pipeline_id,
                                         const char   *key,
                                         const char   *name,
                                         guint         position,
                                         CrmStageKind  kind);
gint64        crm_stage_get_id          (CrmStage     *self);
gint64        crm_stage_get_pipeline_id (CrmStage     *self);
const char   *crm_stage_get_key         (CrmStage     *self);
const char   *crm_stage_get_name        (CrmStage     *self);
guint         crm_stage_get_position    (CrmStage     *self);
CrmStageKind  crm_stage_get_kind        (CrmStage     *self);
gboolean      crm_stage_is_final        (CrmStage     *self);

G_END_DECLS
