/* crm-script-draft.h
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

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "crm-procedure.h"

G_BEGIN_DECLS

/**
 * CrmScriptPart:
 * @CRM_SCRIPT_PART_PROMPTS: what the rep may say
 * @CRM_SCRIPT_PART_CHECKLIST: what the rep ticks off
 * @CRM_SCRIPT_PART_QUESTIONS: what the rep asks; answers may feed a field
 * @CRM_SCRIPT_PART_OBJECTIONS: what clients object, with the answer
 *
 * The lists a call-script stage holds.
 */
typedef enum
{
  CRM_SCRIPT_PART_PROMPTS,
  CRM_SCRIPT_PART_CHECKLIST,
  CRM_SCRIPT_PART_QUESTIONS,
  CRM_SCRIPT_PART_OBJECTIONS,
} CrmScriptPart;

/**
 * CrmScriptText:
 * @CRM_SCRIPT_TEXT_SCRIPT_NAME: a script's name
 * @CRM_SCRIPT_TEXT_OPENING: a script's opening line (optional)
 * @CRM_SCRIPT_TEXT_STAGE_NAME: a stage's name
 * @CRM_SCRIPT_TEXT_GOAL: a stage's goal (optional)
 * @CRM_SCRIPT_TEXT_PROMPT: a prompt
 * @CRM_SCRIPT_TEXT_CHECKLIST: a checklist item's text
 * @CRM_SCRIPT_TEXT_QUESTION: a question's text
 * @CRM_SCRIPT_TEXT_OBJECTION: an objection
 * @CRM_SCRIPT_TEXT_ANSWER: the answer to an objection
 * @CRM_SCRIPT_TEXT_SITUATION_CHECK: the question every call opens with
 *   (TW-2, optional)
 * @CRM_SCRIPT_TEXT_SUMMARY_SUBJECT: the call summary's subject (TW-4)
 * @CRM_SCRIPT_TEXT_SUMMARY_BODY: the call summary's body (TW-4)
 *
 * Which localised text of a call script. A text is found by the script,
 * stage and item it belongs to, as far as it needs them; the situation
 * check and the summary belong to the whole call, whatever the script.
 */
typedef enum
{
  CRM_SCRIPT_TEXT_SCRIPT_NAME,
  CRM_SCRIPT_TEXT_OPENING,
  CRM_SCRIPT_TEXT_STAGE_NAME,
  CRM_SCRIPT_TEXT_GOAL,
  CRM_SCRIPT_TEXT_PROMPT,
  CRM_SCRIPT_TEXT_CHECKLIST,
  CRM_SCRIPT_TEXT_QUESTION,
  CRM_SCRIPT_TEXT_OBJECTION,
  CRM_SCRIPT_TEXT_ANSWER,
  CRM_SCRIPT_TEXT_SITUATION_CHECK,
  CRM_SCRIPT_TEXT_SUMMARY_SUBJECT,
  CRM_SCRIPT_TEXT_SUMMARY_BODY,
} CrmScriptText;

#define CRM_TYPE_SCRIPT_DRAFT (crm_script_draft_get_type ())

G_DECLARE_FINAL_TYPE (CrmScriptDraft, crm_script_draft, CRM, SCRIPT_DRAFT, GObject)

CrmScriptDraft *crm_script_draft_new             (JsonObject     *call_script);
JsonObject     *crm_script_draft_get_json        (CrmScriptDraft *self);
gboolean        crm_script_draft_get_modified    (CrmScriptDraft *self);
void            crm_script_draft_mark_saved      (CrmScriptDraft *self);
gboolean        crm_script_draft_add_call_script (CrmScriptDraft *self,
                                                  const char     *script_name,
                                                  const char     *stage_name);
guint           crm_script_draft_get_n_scripts   (CrmScriptDraft *self);
guint           crm_script_draft_add_script      (CrmScriptDraft *self,
                                                  const char     *script_name,
                                                  const char     *stage_name);
gboolean        crm_script_draft_remove_script   (CrmScriptDraft *self,
                                                  guint           script);
gboolean        crm_script_draft_has_source      (CrmScriptDraft *self,
                                                  guint           script,
                                                  const char     *source);
gboolean        crm_script_draft_set_source      (CrmScriptDraft *self,
                                                  guint           script,
                                                  const char     *source,
                                                  gboolean        picks);
guint           crm_script_draft_get_n_stages    (CrmScriptDraft *self,
                                                  guint           script);
guint           crm_script_draft_add_stage       (CrmScriptDraft *self,
                                                  guint           script);
gboolean        crm_script_draft_remove_stage    (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage);
gboolean        crm_script_draft_move_stage      (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           to);
guint           crm_script_draft_get_n_items     (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  CrmScriptPart   part);
guint           crm_script_draft_add_item        (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  CrmScriptPart   part);
gboolean        crm_script_draft_remove_item     (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  CrmScriptPart   part,
                                                  guint           item);
gboolean        crm_script_draft_move_item       (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  CrmScriptPart   part,
                                                  guint           item,
                                                  guint           to);
const char     *crm_script_draft_get_text        (CrmScriptDraft *self,
                                                  CrmScriptText   text,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           item,
                                                  const char     *language);
gboolean        crm_script_draft_set_text        (CrmScriptDraft *self,
                                                  CrmScriptText   text,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           item,
                                                  const char     *language,
                                                  const char     *value);
gboolean        crm_script_draft_remove_text     (CrmScriptDraft *self,
                                                  CrmScriptText   text,
                                                  guint           script,
                                                  guint           stage);
const char     *crm_script_draft_get_key         (CrmScriptDraft *self,
                                                  CrmScriptText   text,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           item);
const char     *crm_script_draft_get_field       (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           question);
gboolean        crm_script_draft_set_field       (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           question,
                                                  const char     *field);
gboolean        crm_script_draft_get_mandatory   (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           question);
gboolean        crm_script_draft_set_mandatory   (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  guint           question,
                                                  gboolean        mandatory);
CrmScriptGuards crm_script_draft_get_guards      (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage);
gboolean        crm_script_draft_set_guard       (CrmScriptDraft *self,
                                                  guint           script,
                                                  guint           stage,
                                                  CrmScriptGuards guard,
                                                  gboolean        on);

char           *crm_script_key_from_text         (const char     *text,
                                                  const char     *fallback);

G_END_DECLS
