/* crm-script-draft-rules.c
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

#define G_LOG_DOMAIN "crm-script-draft-rules"

#include "config.h"

#include "crm-script-draft-private.h"

/* What the script holds a call to: the field a question's answer is
 * saved to, whether it must be answered (TW-3), and the guards a stage
 * reminds the rep of (CON-4, TW-6). */

/* The format's names of the guards, by bit (CrmScriptGuards), in the
 * order the format's table lists them. */
static const char * const guard_names[] = { "price_rule", "payment_terms" };

static JsonObject *
get_question (CrmScriptDraft *self,
              guint           script,
              guint           stage,
              guint           question)
{
  JsonArray *questions = _crm_script_draft_get_part (self, script, stage,
                                                     CRM_SCRIPT_PART_QUESTIONS);

  return _crm_script_draft_get_array_object (questions, question);
}

/**
 * crm_script_draft_get_field:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @question: the question's index
 *
 * Returns: (nullable): the key of the field the answer is saved to
 */
const char *
crm_script_draft_get_field (CrmScriptDraft *self,
                            guint           script,
                            guint           stage,
                            guint           question)
{
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), NULL);

  object = get_question (self, script, stage, question);

  return object != NULL ? json_object_get_string_member_with_default (object, "field", NULL) : NULL;
}

/**
 * crm_script_draft_set_field:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @question: the question's index
 * @field: (nullable): a custom field's key or a built-in key such as
 *   "contact.email"; %NULL when the answer is not saved to a field
 *
 * Returns: whether anything changed
 */
gboolean
crm_script_draft_set_field (CrmScriptDraft *self,
                            guint           script,
                            guint           stage,
                            guint           question,
                            const char     *field)
{
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  object = get_question (self, script, stage, question);
  if (object == NULL)
    return FALSE;

  if (field != NULL && *field == '\0')
    field = NULL;

  if (g_strcmp0 (field, crm_script_draft_get_field (self, script, stage, question)) == 0)
    return FALSE;

  if (field == NULL)
    json_object_remove_member (object, "field");
  else
    json_object_set_string_member (object, "field", field);

  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

gboolean
crm_script_draft_get_mandatory (CrmScriptDraft *self,
                                guint           script,
                                guint           stage,
                                guint           question)
{
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  object = get_question (self, script, stage, question);

  return object != NULL && json_object_get_boolean_member_with_default (object, "mandatory", FALSE);
}

/**
 * crm_script_draft_set_mandatory:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @question: the question's index
 * @mandatory: whether the call may not go past the stage unanswered (TW-3)
 *
 * Returns: whether anything changed
 */
gboolean
crm_script_draft_set_mandatory (CrmScriptDraft *self,
                                guint           script,
                                guint           stage,
                                guint           question,
                                gboolean        mandatory)
{
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  object = get_question (self, script, stage, question);
  if (object == NULL || crm_script_draft_get_mandatory (self, script, stage, question) == !!mandatory)
    return FALSE;

  /* Not mandatory is the format's default and is left out. */
  if (mandatory)
    json_object_set_boolean_member (object, "mandatory", TRUE);
  else
    json_object_remove_member (object, "mandatory");

  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_get_guards:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 *
 * Returns: what the call panel reminds the rep of during the stage
 */
CrmScriptGuards
crm_script_draft_get_guards (CrmScriptDraft *self,
                             guint           script,
                             guint           stage)
{
  JsonArray *guards;
  CrmScriptGuards result = CRM_SCRIPT_GUARD_NONE;
  guint n;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), CRM_SCRIPT_GUARD_NONE);

  guards = _crm_script_draft_get_array_member (_crm_script_draft_get_stage (self, script, stage),
                                              "guards");
  n = guards != NULL ? json_array_get_length (guards) : 0;

  for (guint i = 0; i < n; i++)
    for (guint bit = 0; bit < G_N_ELEMENTS (guard_names); bit++)
      if (g_strcmp0 (json_array_get_string_element (guards, i), guard_names[bit]) == 0)
        result |= 1 << bit;

  return result;
}

/* @guards as the format writes them, in its order. */
static JsonArray *
new_guard_array (CrmScriptGuards guards)
{
  JsonArray *array = json_array_new ();

  for (guint bit = 0; bit < G_N_ELEMENTS (guard_names); bit++)
    if ((guards & (1 << bit)) != 0)
      json_array_add_string_element (array, guard_names[bit]);

  return array;
}

/**
 * crm_script_draft_set_guard:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @guard: one guard: the price rule (CON-4) or the payment terms (TW-6)
 * @on: whether the stage shows it
 *
 * Turns a stage's guard on or off. The draft does not ask whether the
 * template has payment terms; the loader refuses the payment-terms guard
 * without them.
 *
 * Returns: whether anything changed
 */
gboolean
crm_script_draft_set_guard (CrmScriptDraft  *self,
                            guint            script,
                            guint            stage,
                            CrmScriptGuards  guard,
                            gboolean         on)
{
  JsonObject *object;
  CrmScriptGuards old;
  CrmScriptGuards guards;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (guard == CRM_SCRIPT_GUARD_PRICE_RULE || guard == CRM_SCRIPT_GUARD_PAYMENT_TERMS, FALSE);

  object = _crm_script_draft_get_stage (self, script, stage);
  old = crm_script_draft_get_guards (self, script, stage);
  guards = on ? old | guard : old & ~guard;
  if (object == NULL || guards == old)
    return FALSE;

  /* No guards is the format's default and is left out. */
  if (guards == CRM_SCRIPT_GUARD_NONE)
    json_object_remove_member (object, "guards");
  else
    json_object_set_array_member (object, "guards", new_guard_array (guards));
  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}
