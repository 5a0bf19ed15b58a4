/* crm-call-question.h
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

#include "crm-call-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_CALL_QUESTION (crm_call_question_get_type ())

G_DECLARE_FINAL_TYPE (CrmCallQuestion, crm_call_question, CRM, CALL_QUESTION, GtkBox)

GtkWidget               *crm_call_question_new          (CrmCallSession          *session,
                                                         const CrmScriptQuestion *question);
CrmCallSession          *crm_call_question_get_session  (CrmCallQuestion         *self);
const CrmScriptQuestion *crm_call_question_get_question (CrmCallQuestion         *self);
GtkWidget               *crm_call_question_get_editor   (CrmCallQuestion         *self);
gboolean                 crm_call_question_commit       (CrmCallQuestion         *self);
void                     crm_call_question_set_flagged  (CrmCallQuestion         *self,
                                                         gboolean                 flagged);
gboolean                 crm_call_question_get_flagged  (CrmCallQuestion         *self);

G_END_DECLS
