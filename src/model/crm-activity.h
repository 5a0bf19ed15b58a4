/* crm-activity.h
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

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_ACTIVITY (crm_activity_get_type ())

G_DECLARE_FINAL_TYPE (CrmActivity, crm_activity, CRM, ACTIVITY, GObject)

CrmActivity         *crm_activity_new              (gint64           id,
                                                    gint64           deal_id,
                                                    CrmActivityKind  kind,
                                                    CrmCallOutcome   outcome,
                                                    guint            duration,
                                                    const char      *note,
                                                    const char      *user_name,
                                                    GDateTime       *at);
gint64               crm_activity_get_id           (CrmActivity     *self);
gint64               crm_activity_get_deal_id      (CrmActivity     *self);
CrmActivityKind      crm_activity_get_kind         (CrmActivity     *self);
CrmCallOutcome       crm_activity_get_outcome      (CrmActivity     *self);
guint                crm_activity_get_duration     (CrmActivity     *self);
const char          *crm_activity_get_note         (CrmActivity     *self);
const char          *crm_activity_get_user_name    (CrmActivity     *self);
const char          *crm_activity_get_script       (CrmActivity     *self);
const char * const  *crm_activity_get_stages       (CrmActivity     *self);
const char * const  *crm_activity_get_stage_names  (CrmActivity     *self);
GDateTime           *crm_activity_get_at           (CrmActivity     *self);
char                *crm_activity_dup_summary      (CrmActivity     *self);

const char          *crm_activity_kind_to_string   (CrmActivityKind  kind);
gboolean             crm_activity_kind_from_string (const char      *text,
                                                    CrmActivityKind *kind);
const char          *crm_call_outcome_to_string    (CrmCallOutcome   outcome);
CrmCallOutcome       crm_call_outcome_from_string  (const char      *text);
const char          *crm_call_outcome_get_label    (CrmCallOutcome   outcome);

G_END_DECLS
