/* crm-call-session.h
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

#include "crm-procedure.h"
#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_CALL_ERROR (crm_call_error_quark ())

/**
 * CrmCallError:
 * @CRM_CALL_ERROR_ORDER: stages are visited in order (TW-3)
 * @CRM_CALL_ERROR_UNANSWERED: mandatory questions are unanswered; the message
 *   lists them
 * @CRM_CALL_ERROR_FINISHED: the call has ended
 * @CRM_CALL_ERROR_NO_SCRIPT: the procedure has no such call script
 * @CRM_CALL_ERROR_NO_QUESTION: the call's script has no such question
 */
typedef enum
{
  CRM_CALL_ERROR_ORDER,
  CRM_CALL_ERROR_UNANSWERED,
  CRM_CALL_ERROR_FINISHED,
  CRM_CALL_ERROR_NO_SCRIPT,
  CRM_CALL_ERROR_NO_QUESTION,
} CrmCallError;

#define CRM_TYPE_CALL_SESSION (crm_call_session_get_type ())

G_DECLARE_FINAL_TYPE (CrmCallSession, crm_call_session, CRM, CALL_SESSION, GObject)

GQuark                crm_call_error_quark                   (void);
CrmCallSession       *crm_call_session_new                   (CrmStore        *store,
                                                              gint64           deal_id,
                                                              const char      *script_key,
                                                              GError         **error);
CrmStore             *crm_call_session_get_store             (CrmCallSession  *self);
gint64                crm_call_session_get_deal_id           (CrmCallSession  *self);
const CrmCallScript  *crm_call_session_get_script            (CrmCallSession  *self);
gboolean              crm_call_session_set_script            (CrmCallSession  *self,
                                                              const char      *key,
                                                              GError         **error);
GDateTime            *crm_call_session_get_started_at        (CrmCallSession  *self);
guint                 crm_call_session_get_elapsed           (CrmCallSession  *self);
gboolean              crm_call_session_needs_situation_check (CrmCallSession  *self);
void                  crm_call_session_set_situation         (CrmCallSession  *self,
                                                              gboolean         can_talk);
int                   crm_call_session_get_stage_index       (CrmCallSession  *self);
const CrmScriptStage *crm_call_session_get_stage             (CrmCallSession  *self);
gboolean              crm_call_session_advance               (CrmCallSession  *self,
                                                              GError         **error);
gboolean              crm_call_session_go_back               (CrmCallSession  *self);
GPtrArray            *crm_call_session_list_unanswered       (CrmCallSession  *self,
                                                              int              up_to_stage);
gboolean              crm_call_session_answer                (CrmCallSession  *self,
                                                              const char      *question_key,
                                                              const char      *value,
                                                              GError         **error);
const char           *crm_call_session_get_answer            (CrmCallSession  *self,
                                                              const char      *question_key);
void                  crm_call_session_set_checked           (CrmCallSession  *self,
                                                              const char      *item_key,
                                                              gboolean         checked);
gboolean              crm_call_session_get_checked           (CrmCallSession  *self,
                                                              const char      *item_key);
gboolean              crm_call_session_is_first_conversation (CrmCallSession  *self);
void                  crm_call_session_set_price_demanded    (CrmCallSession  *self,
                                                              gboolean         demanded);
gboolean              crm_call_session_get_price_demanded    (CrmCallSession  *self);
void                  crm_call_session_set_move_to_stage     (CrmCallSession  *self,
                                                              gint64           stage_id);
gint64                crm_call_session_get_move_to_stage     (CrmCallSession  *self);
char                 *crm_call_session_dup_opening           (CrmCallSession  *self);
char                 *crm_call_session_dup_record_note       (CrmCallSession  *self);
GStrv                 crm_call_session_dup_visited_stages    (CrmCallSession  *self);
gboolean              crm_call_session_is_complete           (CrmCallSession  *self);
gint64                crm_call_session_finish                (CrmCallSession  *self,
                                                              CrmCallOutcome   outcome,
                                                              const char      *note,
                                                              GDateTime       *next_contact,
                                                              gint64           close_task_id,
                                                              GError         **error);

G_END_DECLS
