/* crm-script-draft-outline.c
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

#define G_LOG_DOMAIN "crm-script-draft-outline"

#include "config.h"

#include "crm-script-draft-private.h"

/* The outline of the call script: its scripts and the sources that pick
 * them, their stages, and the stages' lists of prompts, checklist items,
 * questions and objections, added, removed and moved. */

/* Moves element @from of the list @member of @owner to @to; the others
 * keep their order. */
static gboolean
move_element (CrmScriptDraft *self,
              JsonObject     *owner,
              const char     *member,
              guint           from,
              guint           to)
{
  JsonArray *array = _crm_script_draft_get_array_member (owner, member);
  g_autoptr(JsonArray) moved = NULL;
  g_autoptr(GPtrArray) order = NULL;
  guint n = array != NULL ? json_array_get_length (array) : 0;

  if (from >= n || to >= n || from == to)
    return FALSE;

  /* JsonArray cannot insert: the list is built again in the new order.
   * The new nodes hold the same objects, so a moved item added in this
   * draft still has its key follow its text. */
  order = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (i != from)
      g_ptr_array_add (order, json_array_get_element (array, i));
  g_ptr_array_insert (order, to, json_array_get_element (array, from));

  moved = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (moved, json_node_copy (g_ptr_array_index (order, i)));

  json_object_set_array_member (owner, member, g_steal_pointer (&moved));
  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_add_call_script:
 * @self: a #CrmScriptDraft
 * @script_name: the English name of the first script
 * @stage_name: the English name of its first stage
 *
 * Starts a call script for a template that has none: one script with one
 * stage, the least the format accepts.
 *
 * Returns: %FALSE when the draft already has a call script
 */
gboolean
crm_script_draft_add_call_script (CrmScriptDraft *self,
                                  const char     *script_name,
                                  const char     *stage_name)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  if (self->root != NULL)
    return FALSE;

  self->root = json_object_new ();
  crm_script_draft_add_script (self, script_name, stage_name);

  return TRUE;
}

/**
 * crm_script_draft_add_script:
 * @self: a #CrmScriptDraft
 * @script_name: (nullable): the English name of the script, or %NULL to
 *   leave it for the manager to type
 * @stage_name: (nullable): the English name of its first stage
 *
 * Adds a script at the end, with one stage, the least the format
 * accepts. It is picked by no source until sources are set: a general
 * script, which a call starts with when no script lists the deal's
 * source and no earlier script is a general one.
 *
 * Returns: the new script's index, or %G_MAXUINT without a call script
 */
guint
crm_script_draft_add_script (CrmScriptDraft *self,
                             const char     *script_name,
                             const char     *stage_name)
{
  JsonArray *scripts;
  JsonObject *script;
  JsonObject *stage;
  guint index;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), G_MAXUINT);

  if (self->root == NULL)
    return G_MAXUINT;

  scripts = _crm_script_draft_ensure_array_member (self->root, "scripts");
  index = json_array_get_length (scripts);
  script = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_SCRIPT_NAME, index, 0,
                                               script_name);
  json_array_add_object_element (scripts, script);
  stage = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_STAGE_NAME, index, 0,
                                              stage_name);
  json_array_add_object_element (_crm_script_draft_ensure_array_member (script, "stages"), stage);
  _crm_script_draft_set_modified (self, TRUE);

  return index;
}

/**
 * crm_script_draft_remove_script:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 *
 * Removes a script, unless it is the only one: a call script has at
 * least one, and the template's call script as a whole is not removed
 * here.
 *
 * Returns: whether the script was removed
 */
gboolean
crm_script_draft_remove_script (CrmScriptDraft *self,
                                guint           script)
{
  JsonArray *scripts;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  scripts = _crm_script_draft_get_scripts (self);
  if (scripts == NULL || json_array_get_length (scripts) <= 1 || script >= json_array_get_length (scripts))
    return FALSE;

  json_array_remove_element (scripts, script);
  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

/* The index of @source in a script's @sources, or -1. */
static int
find_source (JsonArray  *sources,
             const char *source)
{
  guint n = sources != NULL ? json_array_get_length (sources) : 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (json_array_get_string_element (sources, i), source) == 0)
      return i;

  return -1;
}

/**
 * crm_script_draft_has_source:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @source: the key of one of the template's deal sources
 *
 * Returns: whether deals from @source start their calls with @script
 *   (unless an earlier script lists it too)
 */
gboolean
crm_script_draft_has_source (CrmScriptDraft *self,
                             guint           script,
                             const char     *source)
{
  JsonObject *object;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  object = _crm_script_draft_get_script (self, script);

  return find_source (_crm_script_draft_get_array_member (object, "sources"), source) >= 0;
}

/**
 * crm_script_draft_set_source:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @source: the key of one of the template's deal sources
 * @picks: whether deals from @source get @script
 *
 * Adds a source to the script's or takes it out. A script that is left
 * with none has no `sources` at all, which the format reads as a general
 * script (an empty list does not load).
 *
 * Returns: whether anything changed
 */
gboolean
crm_script_draft_set_source (CrmScriptDraft *self,
                             guint           script,
                             const char     *source,
                             gboolean        picks)
{
  JsonObject *object;
  JsonArray *sources;
  int index;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  object = _crm_script_draft_get_script (self, script);
  sources = _crm_script_draft_get_array_member (object, "sources");
  index = find_source (sources, source);
  if (object == NULL || (index >= 0) == !!picks)
    return FALSE;

  if (picks)
    json_array_add_string_element (_crm_script_draft_ensure_array_member (object, "sources"),
                                   source);
  else if (json_array_get_length (sources) > 1)
    json_array_remove_element (sources, index);
  else
    json_object_remove_member (object, "sources");

  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

guint
crm_script_draft_get_n_scripts (CrmScriptDraft *self)
{
  JsonArray *scripts;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), 0);

  scripts = _crm_script_draft_get_scripts (self);

  return scripts != NULL ? json_array_get_length (scripts) : 0;
}

guint
crm_script_draft_get_n_stages (CrmScriptDraft *self,
                               guint           script)
{
  JsonArray *stages;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), 0);

  stages = _crm_script_draft_get_stages (self, script);

  return stages != NULL ? json_array_get_length (stages) : 0;
}

/**
 * crm_script_draft_add_stage:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 *
 * Adds a stage without a name at the end of @script.
 *
 * Returns: the new stage's index, or %G_MAXUINT without such a script
 */
guint
crm_script_draft_add_stage (CrmScriptDraft *self,
                            guint           script)
{
  JsonObject *object;
  JsonObject *stage;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), G_MAXUINT);

  object = _crm_script_draft_get_script (self, script);
  if (object == NULL)
    return G_MAXUINT;

  stage = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_STAGE_NAME, script, 0, NULL);
  json_array_add_object_element (_crm_script_draft_ensure_array_member (object, "stages"), stage);
  _crm_script_draft_set_modified (self, TRUE);

  return crm_script_draft_get_n_stages (self, script) - 1;
}

gboolean
crm_script_draft_remove_stage (CrmScriptDraft *self,
                               guint           script,
                               guint           stage)
{
  JsonArray *stages;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  stages = _crm_script_draft_get_stages (self, script);
  if (stages == NULL || stage >= json_array_get_length (stages))
    return FALSE;

  json_array_remove_element (stages, stage);
  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_move_stage:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @to: where the stage goes
 *
 * Moves a stage; the others keep their order. Stages are gone through in
 * this order in a call (TW-3).
 *
 * Returns: whether the stage moved
 */
gboolean
crm_script_draft_move_stage (CrmScriptDraft *self,
                             guint           script,
                             guint           stage,
                             guint           to)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  return move_element (self, _crm_script_draft_get_script (self, script), "stages", stage, to);
}

guint
crm_script_draft_get_n_items (CrmScriptDraft *self,
                              guint           script,
                              guint           stage,
                              CrmScriptPart   part)
{
  JsonArray *items;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), 0);
  g_return_val_if_fail (part <= CRM_SCRIPT_PART_OBJECTIONS, 0);

  items = _crm_script_draft_get_part (self, script, stage, part);

  return items != NULL ? json_array_get_length (items) : 0;
}

/**
 * crm_script_draft_add_item:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @part: which list of the stage
 *
 * Adds an empty prompt, checklist item, question (not mandatory, saved to
 * no field) or objection at the end of the list.
 *
 * Returns: the new item's index, or %G_MAXUINT without such a stage
 */
guint
crm_script_draft_add_item (CrmScriptDraft *self,
                           guint           script,
                           guint           stage,
                           CrmScriptPart   part)
{
  JsonObject *object = NULL;
  JsonObject *owner;
  JsonArray *items;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), G_MAXUINT);
  g_return_val_if_fail (part <= CRM_SCRIPT_PART_OBJECTIONS, G_MAXUINT);

  owner = _crm_script_draft_get_stage (self, script, stage);
  if (owner == NULL)
    return G_MAXUINT;

  switch (part)
    {
    case CRM_SCRIPT_PART_PROMPTS:
      object = json_object_new ();
      json_object_set_string_member (object, "en", "");
      break;

    case CRM_SCRIPT_PART_CHECKLIST:
      object = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_CHECKLIST,
                                                   script, stage, NULL);
      break;

    case CRM_SCRIPT_PART_QUESTIONS:
      object = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_QUESTION,
                                                   script, stage, NULL);
      break;

    case CRM_SCRIPT_PART_OBJECTIONS:
      object = _crm_script_draft_new_keyed_object (self, CRM_SCRIPT_TEXT_OBJECTION,
                                                   script, stage, NULL);
      json_object_set_object_member (object, "answer", json_object_new ());
      json_object_set_string_member (_crm_script_draft_get_object_member (object, "answer"),
                                     "en", "");
      break;

    default:
      g_assert_not_reached ();
    }

  items = _crm_script_draft_ensure_array_member (owner, _crm_script_draft_part_members[part]);
  json_array_add_object_element (items, object);
  _crm_script_draft_set_modified (self, TRUE);

  return json_array_get_length (items) - 1;
}

gboolean
crm_script_draft_remove_item (CrmScriptDraft *self,
                              guint           script,
                              guint           stage,
                              CrmScriptPart   part,
                              guint           item)
{
  JsonArray *items;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (part <= CRM_SCRIPT_PART_OBJECTIONS, FALSE);

  items = _crm_script_draft_get_part (self, script, stage, part);
  if (items == NULL || item >= json_array_get_length (items))
    return FALSE;

  json_array_remove_element (items, item);
  /* The lists are optional; an emptied one is left out. */
  if (json_array_get_length (items) == 0)
    json_object_remove_member (_crm_script_draft_get_stage (self, script, stage),
                               _crm_script_draft_part_members[part]);

  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_move_item:
 * @self: a #CrmScriptDraft
 * @script: the script's index
 * @stage: the stage's index
 * @part: which list of the stage
 * @item: the item's index
 * @to: where the item goes
 *
 * Moves a prompt, checklist item, question or objection within its list;
 * the others keep their order. The call panel shows them in this order,
 * and a rep asks the questions in it.
 *
 * Returns: whether the item moved
 */
gboolean
crm_script_draft_move_item (CrmScriptDraft *self,
                            guint           script,
                            guint           stage,
                            CrmScriptPart   part,
                            guint           item,
                            guint           to)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (part <= CRM_SCRIPT_PART_OBJECTIONS, FALSE);

  return move_element (self, _crm_script_draft_get_stage (self, script, stage),
                       _crm_script_draft_part_members[part], item, to);
}
