/* crm-script-draft.c
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

#define G_LOG_DOMAIN "crm-script-draft"

#include "config.h"

#include "crm-script-draft-private.h"

/**
 * CrmScriptDraft:
 *
 * A manager's unsaved edit of a procedure's `call_script` section.
 *
 * The draft works on its own deep copy of the section, so the procedure
 * the rest of the app runs by is untouched until the store saves the
 * draft (crm_store_save_call_script(), which has the procedure loader
 * check it). The draft therefore does not validate: an empty stage name
 * is kept as typed and the loader names the problem, in the same words
 * as for a hand-edited template.
 *
 * What the draft does own is what a person should not have to think of:
 * keys. An item added in the draft gets a key made from its English text
 * (lower-case ASCII, unique where the format wants it unique), which
 * follows the English text until the draft is saved. Keys of items that
 * were already saved never change, since calls store them.
 */

G_DEFINE_FINAL_TYPE (CrmScriptDraft, crm_script_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

const char * const _crm_script_draft_part_members[_CRM_SCRIPT_N_PARTS] = {
  [CRM_SCRIPT_PART_PROMPTS] = "prompts",
  [CRM_SCRIPT_PART_CHECKLIST] = "checklist",
  [CRM_SCRIPT_PART_QUESTIONS] = "questions",
  [CRM_SCRIPT_PART_OBJECTIONS] = "objections",
};

const TextInfo _crm_script_draft_text_infos[_CRM_SCRIPT_N_TEXTS] = {
  [CRM_SCRIPT_TEXT_SCRIPT_NAME] = { "name", OWNER_SCRIPT, -1, "script", FALSE },
  [CRM_SCRIPT_TEXT_OPENING] = { "opening", OWNER_SCRIPT, -1, NULL, TRUE },
  [CRM_SCRIPT_TEXT_STAGE_NAME] = { "name", OWNER_STAGE, -1, "stage", FALSE },
  [CRM_SCRIPT_TEXT_GOAL] = { "goal", OWNER_STAGE, -1, NULL, TRUE },
  [CRM_SCRIPT_TEXT_PROMPT] = { NULL, OWNER_ITEM, CRM_SCRIPT_PART_PROMPTS, NULL, FALSE },
  [CRM_SCRIPT_TEXT_CHECKLIST] = { "text", OWNER_ITEM, CRM_SCRIPT_PART_CHECKLIST, "item", FALSE },
  [CRM_SCRIPT_TEXT_QUESTION] = { "text", OWNER_ITEM, CRM_SCRIPT_PART_QUESTIONS, "question", FALSE },
  [CRM_SCRIPT_TEXT_OBJECTION] = { "objection", OWNER_ITEM, CRM_SCRIPT_PART_OBJECTIONS, "objection", FALSE },
  [CRM_SCRIPT_TEXT_ANSWER] = { "answer", OWNER_ITEM, CRM_SCRIPT_PART_OBJECTIONS, NULL, FALSE },
  [CRM_SCRIPT_TEXT_SITUATION_CHECK] = { "situation_check", OWNER_CALL, -1, NULL, TRUE },
  /* Subject and body are both required in a summary, but the summary is
   * optional: each goes when cleared, and the summary with the last. */
  [CRM_SCRIPT_TEXT_SUMMARY_SUBJECT] = { "subject", OWNER_SUMMARY, -1, NULL, TRUE },
  [CRM_SCRIPT_TEXT_SUMMARY_BODY] = { "body", OWNER_SUMMARY, -1, NULL, TRUE },
};

/* Copying */

static JsonNode *copy_node (JsonNode *node);

static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, copy_node (json_object_get_member (object, l->data)));

  return copy;
}

static JsonArray *
copy_array (JsonArray *array)
{
  guint n = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, copy_node (json_array_get_element (array, i)));

  return copy;
}

/* A deep copy: objects and arrays are shared by reference otherwise, and
 * the procedure's own section must not change under an edit. */
static JsonNode *
copy_node (JsonNode *node)
{
  JsonNode *copy;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, copy_object (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, copy_array (json_node_get_array (node)));
      return copy;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Finding things */

JsonObject *
_crm_script_draft_get_object_member (JsonObject *object,
                                     const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
_crm_script_draft_get_array_member (JsonObject *object,
                                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_crm_script_draft_get_array_object (JsonArray *array,
                                    guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The list @member of @object, made when it is not there yet. */
JsonArray *
_crm_script_draft_ensure_array_member (JsonObject *object,
                                       const char *member)
{
  JsonArray *array = _crm_script_draft_get_array_member (object, member);

  if (array == NULL)
    {
      array = json_array_new ();
      json_object_set_array_member (object, member, array);
    }

  return array;
}

JsonArray *
_crm_script_draft_get_scripts (CrmScriptDraft *self)
{
  return _crm_script_draft_get_array_member (self->root, "scripts");
}

JsonObject *
_crm_script_draft_get_script (CrmScriptDraft *self,
                              guint           script)
{
  return _crm_script_draft_get_array_object (_crm_script_draft_get_scripts (self), script);
}

JsonArray *
_crm_script_draft_get_stages (CrmScriptDraft *self,
                              guint           script)
{
  return _crm_script_draft_get_array_member (_crm_script_draft_get_script (self, script), "stages");
}

JsonObject *
_crm_script_draft_get_stage (CrmScriptDraft *self,
                             guint           script,
                             guint           stage)
{
  return _crm_script_draft_get_array_object (_crm_script_draft_get_stages (self, script), stage);
}

JsonArray *
_crm_script_draft_get_part (CrmScriptDraft *self,
                            guint           script,
                            guint           stage,
                            CrmScriptPart   part)
{
  return _crm_script_draft_get_array_member (_crm_script_draft_get_stage (self, script, stage),
                                             _crm_script_draft_part_members[part]);
}

/* The object a text belongs to: the script, the stage or the list item. */
JsonObject *
_crm_script_draft_find_owner (CrmScriptDraft *self,
                              CrmScriptText   text,
                              guint           script,
                              guint           stage,
                              guint           item)
{
  const TextInfo *info = &_crm_script_draft_text_infos[text];
  JsonArray *part;

  switch (info->owner)
    {
    case OWNER_CALL:
      return self->root;

    case OWNER_SUMMARY:
      return _crm_script_draft_get_object_member (self->root, "summary");

    case OWNER_SCRIPT:
      return _crm_script_draft_get_script (self, script);

    case OWNER_STAGE:
      return _crm_script_draft_get_stage (self, script, stage);

    case OWNER_ITEM:
    default:
      part = _crm_script_draft_get_part (self, script, stage, info->part);
      return _crm_script_draft_get_array_object (part, item);
    }
}

void
_crm_script_draft_set_modified (CrmScriptDraft *self,
                                gboolean        modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* GObject overrides */

static void
crm_script_draft_finalize (GObject *object)
{
  CrmScriptDraft *self = (CrmScriptDraft *)object;

  g_clear_pointer (&self->root, json_object_unref);
  g_clear_pointer (&self->fresh, g_hash_table_unref);

  G_OBJECT_CLASS (crm_script_draft_parent_class)->finalize (object);
}

static void
crm_script_draft_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmScriptDraft *self = CRM_SCRIPT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_script_draft_class_init (CrmScriptDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_script_draft_finalize;
  object_class->get_property = crm_script_draft_get_property;

  /**
   * CrmScriptDraft:modified:
   *
   * Whether the draft differs from what was last saved.
   */
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_script_draft_init (CrmScriptDraft *self)
{
  self->fresh = g_hash_table_new_full (NULL, NULL, (GDestroyNotify)json_object_unref, NULL);
}

/* Public API */

/**
 * crm_script_draft_new:
 * @call_script: (nullable): the procedure's `call_script` section, as
 *   crm_procedure_get_call_script_json() gives it
 *
 * Returns: (transfer full): a draft of a copy of @call_script
 */
CrmScriptDraft *
crm_script_draft_new (JsonObject *call_script)
{
  CrmScriptDraft *self = g_object_new (CRM_TYPE_SCRIPT_DRAFT, NULL);

  if (call_script != NULL)
    self->root = copy_object (call_script);

  return self;
}

/**
 * crm_script_draft_get_json:
 * @self: a #CrmScriptDraft
 *
 * Returns: (transfer none) (nullable): the edited section, to hand to
 *   crm_store_save_call_script(); %NULL while there is no call script
 */
JsonObject *
crm_script_draft_get_json (CrmScriptDraft *self)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), NULL);

  return self->root;
}

gboolean
crm_script_draft_get_modified (CrmScriptDraft *self)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  return self->modified;
}

/**
 * crm_script_draft_mark_saved:
 * @self: a #CrmScriptDraft
 *
 * Records that the store now holds the draft: it is no longer modified,
 * and the keys of the items added so far are fixed, since calls may
 * refer to them from now on.
 */
void
crm_script_draft_mark_saved (CrmScriptDraft *self)
{
  g_return_if_fail (CRM_IS_SCRIPT_DRAFT (self));

  g_hash_table_remove_all (self->fresh);
  _crm_script_draft_set_modified (self, FALSE);
}
