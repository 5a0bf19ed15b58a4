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

#include <string.h>

#include "crm-script-draft.h"
#include "crm-strings.h"

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

struct _CrmScriptDraft
{
  GObject     parent_instance;

  JsonObject *root;       /* nullable: the template has no call script */
  /* Objects added in this draft, whose keys still follow their English
   * text. (element-type JsonObject) set, owning a reference. */
  GHashTable *fresh;

  guint       modified : 1;
};

G_DEFINE_FINAL_TYPE (CrmScriptDraft, crm_script_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Keys are at most 64 characters; a made-up one leaves room for "_123". */
#define KEY_BASE_MAX 40

/* The format's names of the guards, by bit (CrmScriptGuards), in the
 * order the format's table lists them. */
static const char * const guard_names[] = { "price_rule", "payment_terms" };

static const char * const part_members[] = {
  [CRM_SCRIPT_PART_PROMPTS] = "prompts",
  [CRM_SCRIPT_PART_CHECKLIST] = "checklist",
  [CRM_SCRIPT_PART_QUESTIONS] = "questions",
  [CRM_SCRIPT_PART_OBJECTIONS] = "objections",
};

/* The object a text is a member of. */
typedef enum
{
  OWNER_CALL,       /* the call_script section itself */
  OWNER_SUMMARY,    /* its summary, made with its first text */
  OWNER_SCRIPT,
  OWNER_STAGE,
  OWNER_ITEM,       /* an element of a stage's list */
} TextOwner;

/* What a text is called inside its object, which object that is (and
 * for a list item, which list), and what a new key is made of when the
 * English text gives none. */
typedef struct
{
  const char    *member;     /* NULL: the list element is the text itself */
  TextOwner      owner;
  int            part;       /* -1: not in a stage's list */
  const char    *fallback;   /* NULL: the object has no key */
  gboolean       optional;   /* the text may be absent altogether */
} TextInfo;

static const TextInfo text_infos[] = {
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

static JsonObject *
get_object_member (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_array_object (JsonArray *array,
                  guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The list @member of @object, made when it is not there yet. */
static JsonArray *
ensure_array_member (JsonObject *object,
                     const char *member)
{
  JsonArray *array = get_array_member (object, member);

  if (array == NULL)
    {
      array = json_array_new ();
      json_object_set_array_member (object, member, array);
    }

  return array;
}

static JsonArray *
get_scripts (CrmScriptDraft *self)
{
  return get_array_member (self->root, "scripts");
}

static JsonObject *
get_script (CrmScriptDraft *self,
            guint           script)
{
  return get_array_object (get_scripts (self), script);
}

static JsonArray *
get_stages (CrmScriptDraft *self,
            guint           script)
{
  return get_array_member (get_script (self, script), "stages");
}

static JsonObject *
get_stage (CrmScriptDraft *self,
           guint           script,
           guint           stage)
{
  return get_array_object (get_stages (self, script), stage);
}

static JsonArray *
get_part (CrmScriptDraft *self,
          guint           script,
          guint           stage,
          CrmScriptPart   part)
{
  return get_array_member (get_stage (self, script, stage), part_members[part]);
}

/* The object a text belongs to: the script, the stage or the list item. */
static JsonObject *
find_owner (CrmScriptDraft *self,
            CrmScriptText   text,
            guint           script,
            guint           stage,
            guint           item)
{
  const TextInfo *info = &text_infos[text];

  switch (info->owner)
    {
    case OWNER_CALL:
      return self->root;

    case OWNER_SUMMARY:
      return get_object_member (self->root, "summary");

    case OWNER_SCRIPT:
      return get_script (self, script);

    case OWNER_STAGE:
      return get_stage (self, script, stage);

    case OWNER_ITEM:
    default:
      return get_array_object (get_part (self, script, stage, info->part), item);
    }
}

/* The localised text object itself ({"en": …, "he": …}), or NULL. */
static JsonObject *
find_text (CrmScriptDraft *self,
           CrmScriptText   text,
           guint           script,
           guint           stage,
           guint           item)
{
  JsonObject *owner = find_owner (self, text, script, stage, item);
  const char *member = text_infos[text].member;

  return member == NULL ? owner : get_object_member (owner, member);
}

/* Keys */

static void
add_keys_of (GHashTable *keys,
             JsonArray  *array,
             JsonObject *except)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = get_array_object (array, i);
      const char *key;

      if (object == NULL || object == except)
        continue;

      key = json_object_get_string_member_with_default (object, "key", NULL);
      if (key != NULL)
        g_hash_table_add (keys, (gpointer)key);
    }
}

/* The keys @object's must differ from: scripts among scripts, stages in
 * their script, questions in the whole script (a call's answers are kept
 * by question key), checklist items and objections in their stage. */
static GHashTable *
collect_sibling_keys (CrmScriptDraft *self,
                      CrmScriptText   text,
                      guint           script,
                      guint           stage,
                      JsonObject     *object)
{
  GHashTable *keys = g_hash_table_new (g_str_hash, g_str_equal);

  switch (text)
    {
    case CRM_SCRIPT_TEXT_SCRIPT_NAME:
      add_keys_of (keys, get_scripts (self), object);
      break;

    case CRM_SCRIPT_TEXT_STAGE_NAME:
      add_keys_of (keys, get_stages (self, script), object);
      break;

    case CRM_SCRIPT_TEXT_QUESTION:
      for (guint i = 0; i < crm_script_draft_get_n_stages (self, script); i++)
        add_keys_of (keys, get_part (self, script, i, CRM_SCRIPT_PART_QUESTIONS), object);
      break;

    case CRM_SCRIPT_TEXT_CHECKLIST:
      add_keys_of (keys, get_part (self, script, stage, CRM_SCRIPT_PART_CHECKLIST), object);
      break;

    case CRM_SCRIPT_TEXT_OBJECTION:
      add_keys_of (keys, get_part (self, script, stage, CRM_SCRIPT_PART_OBJECTIONS), object);
      break;

    case CRM_SCRIPT_TEXT_OPENING:
    case CRM_SCRIPT_TEXT_GOAL:
    case CRM_SCRIPT_TEXT_PROMPT:
    case CRM_SCRIPT_TEXT_ANSWER:
    default:
      break;
    }

  return keys;
}

/* Gives @object (keyed by @text, e.g. a stage by its name) a key made from
 * @english that none of its siblings has. */
static void
make_key (CrmScriptDraft *self,
          CrmScriptText   text,
          guint           script,
          guint           stage,
          JsonObject     *object,
          const char     *english)
{
  g_autoptr(GHashTable) taken = collect_sibling_keys (self, text, script, stage, object);
  g_autofree char *base = crm_script_key_from_text (english, text_infos[text].fallback);
  g_autofree char *key = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s_%u", base, n);
    }

  json_object_set_string_member (object, "key", key);
}

/* A new object keyed by @text, with an empty English text for the person
 * to fill in; until it is, the loader refuses the draft and says where. */
static JsonObject *
new_keyed_object (CrmScriptDraft *self,
                  CrmScriptText   text,
                  guint           script,
                  guint           stage,
                  const char     *english)
{
  JsonObject *object = json_object_new ();
  JsonObject *localised = json_object_new ();

  /* The key first, as the shipped templates write it. */
  make_key (self, text, script, stage, object, english);
  json_object_set_string_member (localised, "en", english != NULL ? english : "");
  json_object_set_object_member (object, text_infos[text].member, localised);
  g_hash_table_add (self->fresh, json_object_ref (object));

  return object;
}

static void
set_modified (CrmScriptDraft *self,
              gboolean        modified)
{
  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* Moves element @from of the list @member of @owner to @to; the others
 * keep their order. */
static gboolean
move_element (CrmScriptDraft *self,
              JsonObject     *owner,
              const char     *member,
              guint           from,
              guint           to)
{
  JsonArray *array = get_array_member (owner, member);
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
  set_modified (self, TRUE);

  return TRUE;
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
  set_modified (self, FALSE);
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

  scripts = ensure_array_member (self->root, "scripts");
  index = json_array_get_length (scripts);
  script = new_keyed_object (self, CRM_SCRIPT_TEXT_SCRIPT_NAME, index, 0, script_name);
  json_array_add_object_element (scripts, script);
  stage = new_keyed_object (self, CRM_SCRIPT_TEXT_STAGE_NAME, index, 0, stage_name);
  json_array_add_object_element (ensure_array_member (script, "stages"), stage);
  set_modified (self, TRUE);

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

  scripts = get_scripts (self);
  if (scripts == NULL || json_array_get_length (scripts) <= 1 || script >= json_array_get_length (scripts))
    return FALSE;

  json_array_remove_element (scripts, script);
  set_modified (self, TRUE);

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
  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  return find_source (get_array_member (get_script (self, script), "sources"), source) >= 0;
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

  object = get_script (self, script);
  sources = get_array_member (object, "sources");
  index = find_source (sources, source);
  if (object == NULL || (index >= 0) == !!picks)
    return FALSE;

  if (picks)
    json_array_add_string_element (ensure_array_member (object, "sources"), source);
  else if (json_array_get_length (sources) > 1)
    json_array_remove_element (sources, index);
  else
    json_object_remove_member (object, "sources");

  set_modified (self, TRUE);

  return TRUE;
}

guint
crm_script_draft_get_n_scripts (CrmScriptDraft *self)
{
  JsonArray *scripts;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), 0);

  scripts = get_scripts (self);

  return scripts != NULL ? json_array_get_length (scripts) : 0;
}

guint
crm_script_draft_get_n_stages (CrmScriptDraft *self,
                               guint           script)
{
  JsonArray *stages;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), 0);

  stages = get_stages (self, script);

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

  object = get_script (self, script);
  if (object == NULL)
    return G_MAXUINT;

  stage = new_keyed_object (self, CRM_SCRIPT_TEXT_STAGE_NAME, script, 0, NULL);
  json_array_add_object_element (ensure_array_member (object, "stages"), stage);
  set_modified (self, TRUE);

  return crm_script_draft_get_n_stages (self, script) - 1;
}

gboolean
crm_script_draft_remove_stage (CrmScriptDraft *self,
                               guint           script,
                               guint           stage)
{
  JsonArray *stages;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);

  stages = get_stages (self, script);
  if (stages == NULL || stage >= json_array_get_length (stages))
    return FALSE;

  json_array_remove_element (stages, stage);
  set_modified (self, TRUE);

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

  return move_element (self, get_script (self, script), "stages", stage, to);
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

  items = get_part (self, script, stage, part);

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

  owner = get_stage (self, script, stage);
  if (owner == NULL)
    return G_MAXUINT;

  switch (part)
    {
    case CRM_SCRIPT_PART_PROMPTS:
      object = json_object_new ();
      json_object_set_string_member (object, "en", "");
      break;

    case CRM_SCRIPT_PART_CHECKLIST:
      object = new_keyed_object (self, CRM_SCRIPT_TEXT_CHECKLIST, script, stage, NULL);
      break;

    case CRM_SCRIPT_PART_QUESTIONS:
      object = new_keyed_object (self, CRM_SCRIPT_TEXT_QUESTION, script, stage, NULL);
      break;

    case CRM_SCRIPT_PART_OBJECTIONS:
      object = new_keyed_object (self, CRM_SCRIPT_TEXT_OBJECTION, script, stage, NULL);
      json_object_set_object_member (object, "answer", json_object_new ());
      json_object_set_string_member (get_object_member (object, "answer"), "en", "");
      break;

    default:
      g_assert_not_reached ();
    }

  items = ensure_array_member (owner, part_members[part]);
  json_array_add_object_element (items, object);
  set_modified (self, TRUE);

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

  items = get_part (self, script, stage, part);
  if (items == NULL || item >= json_array_get_length (items))
    return FALSE;

  json_array_remove_element (items, item);
  /* The lists are optional; an emptied one is left out. */
  if (json_array_get_length (items) == 0)
    json_object_remove_member (get_stage (self, script, stage), part_members[part]);

  set_modified (self, TRUE);

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

  return move_element (self, get_stage (self, script, stage), part_members[part], item, to);
}

/**
 * crm_script_draft_get_text:
 * @self: a #CrmScriptDraft
 * @text: which text
 * @script: the script's index
 * @stage: the stage's index, for a stage's texts and its items'
 * @item: the item's index, for the texts of a stage's list items
 * @language: "en", "he" or "ru"
 *
 * Returns: (nullable): the text in exactly that language, without falling
 *   back to English; %NULL when it has none
 */
const char *
crm_script_draft_get_text (CrmScriptDraft *self,
                           CrmScriptText   text,
                           guint           script,
                           guint           stage,
                           guint           item,
                           const char     *language)
{
  JsonObject *localised;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), NULL);
  g_return_val_if_fail (text < G_N_ELEMENTS (text_infos), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  localised = find_text (self, text, script, stage, item);
  if (localised == NULL)
    return NULL;

  return json_object_get_string_member_with_default (localised, language, NULL);
}

/* Stores @value (stripped, non-blank) or takes the language out. */
static gboolean
store_text (JsonObject *localised,
            const char *language,
            const char *value,
            gboolean    keep_blank)
{
  const char *old = json_object_get_string_member_with_default (localised, language, NULL);

  if (value == NULL && !keep_blank)
    {
      if (old == NULL)
        return FALSE;

      json_object_remove_member (localised, language);
      return TRUE;
    }

  if (g_strcmp0 (old, value != NULL ? value : "") == 0)
    return FALSE;

  json_object_set_string_member (localised, language, value != NULL ? value : "");

  return TRUE;
}

/* What goes with the last of the texts it belongs to: the summary with
 * its subject and body (its rule has nothing left to describe), and the
 * situation check's rule ID with the check. */
static void
drop_emptied (CrmScriptDraft *self,
              const TextInfo *info)
{
  JsonObject *summary;

  switch (info->owner)
    {
    case OWNER_CALL:
      if (!json_object_has_member (self->root, info->member))
        json_object_remove_member (self->root, "situation_rule");
      break;

    case OWNER_SUMMARY:
      summary = get_object_member (self->root, "summary");
      if (summary != NULL && !json_object_has_member (summary, "subject") &&
          !json_object_has_member (summary, "body"))
        json_object_remove_member (self->root, "summary");
      break;

    case OWNER_SCRIPT:
    case OWNER_STAGE:
    case OWNER_ITEM:
    default:
      break;
    }
}

/**
 * crm_script_draft_set_text:
 * @self: a #CrmScriptDraft
 * @text: which text
 * @script: the script's index
 * @stage: the stage's index, for a stage's texts and its items'
 * @item: the item's index, for the texts of a stage's list items
 * @language: "en", "he" or "ru"
 * @value: (nullable): the text as typed
 *
 * Sets one translation of a text. A blank translation is stored absent,
 * so that the text falls back to English; a blank English text of an
 * optional text (goal, opening line, situation check, the summary's
 * subject and body) without translations removes the text, and the
 * summary goes with the last of its two. A blank English text that is
 * required is kept blank for the loader to refuse.
 *
 * Returns: whether anything changed
 */
gboolean
crm_script_draft_set_text (CrmScriptDraft *self,
                           CrmScriptText   text,
                           guint           script,
                           guint           stage,
                           guint           item,
                           const char     *language,
                           const char     *value)
{
  const TextInfo *info;
  JsonObject *owner;
  JsonObject *localised;
  g_autofree char *stripped = NULL;
  gboolean english;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (text < G_N_ELEMENTS (text_infos), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  info = &text_infos[text];
  english = g_str_equal (language, "en");
  if (!crm_str_is_blank (value))
    stripped = g_strstrip (g_strdup (value));

  owner = find_owner (self, text, script, stage, item);
  /* The summary is made by the first text typed into it. */
  if (owner == NULL && info->owner == OWNER_SUMMARY && stripped != NULL && self->root != NULL)
    {
      owner = json_object_new ();
      json_object_set_object_member (self->root, "summary", owner);
    }
  if (owner == NULL)
    return FALSE;

  localised = info->member == NULL ? owner : get_object_member (owner, info->member);
  if (localised == NULL)
    {
      if (stripped == NULL)
        return FALSE;

      localised = json_object_new ();
      json_object_set_object_member (owner, info->member, localised);
      /* A translation without English would not load: English is the
       * source text. */
      if (!english)
        json_object_set_string_member (localised, "en", "");
    }

  if (!store_text (localised, language, stripped, english))
    return FALSE;

  if (info->optional && json_object_get_size (localised) == 1 &&
      crm_str_is_blank (json_object_get_string_member_with_default (localised, "en", NULL)))
    json_object_remove_member (owner, info->member);

  if (english && info->fallback != NULL && g_hash_table_contains (self->fresh, owner))
    make_key (self, text, script, stage, owner, stripped);

  drop_emptied (self, info);
  set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_remove_text:
 * @self: a #CrmScriptDraft
 * @text: an optional text: a goal, an opening line, the situation check,
 *   the summary's subject or body
 * @script: the script's index
 * @stage: the stage's index, for a stage's goal
 *
 * Removes an optional text in every language at once. Clearing the
 * English text keeps the translations (they are the manager's work, and
 * a text typed over is cleared between two keys), so this is how a
 * translated text is given up.
 *
 * Returns: whether there was such a text
 */
gboolean
crm_script_draft_remove_text (CrmScriptDraft *self,
                              CrmScriptText   text,
                              guint           script,
                              guint           stage)
{
  const TextInfo *info;
  JsonObject *owner;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), FALSE);
  g_return_val_if_fail (text < G_N_ELEMENTS (text_infos), FALSE);
  g_return_val_if_fail (text_infos[text].optional, FALSE);

  info = &text_infos[text];
  owner = find_owner (self, text, script, stage, 0);
  if (owner == NULL || !json_object_has_member (owner, info->member))
    return FALSE;

  json_object_remove_member (owner, info->member);
  drop_emptied (self, info);
  set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_draft_get_key:
 * @self: a #CrmScriptDraft
 * @text: the text of the keyed object: a script's or stage's name, a
 *   checklist item, question or objection
 * @script: the script's index
 * @stage: the stage's index
 * @item: the item's index
 *
 * Keys are not shown; this is for tests and for the call panel's
 * preview.
 *
 * Returns: (nullable): the object's key
 */
const char *
crm_script_draft_get_key (CrmScriptDraft *self,
                          CrmScriptText   text,
                          guint           script,
                          guint           stage,
                          guint           item)
{
  JsonObject *owner;

  g_return_val_if_fail (CRM_IS_SCRIPT_DRAFT (self), NULL);
  g_return_val_if_fail (text < G_N_ELEMENTS (text_infos), NULL);

  owner = find_owner (self, text, script, stage, item);

  return owner != NULL ? json_object_get_string_member_with_default (owner, "key", NULL) : NULL;
}

static JsonObject *
get_question (CrmScriptDraft *self,
              guint           script,
              guint           stage,
              guint           question)
{
  return get_array_object (get_part (self, script, stage, CRM_SCRIPT_PART_QUESTIONS), question);
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

  set_modified (self, TRUE);

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

  set_modified (self, TRUE);

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

  guards = get_array_member (get_stage (self, script, stage), "guards");
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

  object = get_stage (self, script, stage);
  old = crm_script_draft_get_guards (self, script, stage);
  guards = on ? old | guard : old & ~guard;
  if (object == NULL || guards == old)
    return FALSE;

  /* No guards is the format's default and is left out. */
  if (guards == CRM_SCRIPT_GUARD_NONE)
    json_object_remove_member (object, "guards");
  else
    json_object_set_array_member (object, "guards", new_guard_array (guards));
  set_modified (self, TRUE);

  return TRUE;
}

/**
 * crm_script_key_from_text:
 * @text: (nullable): an English text, e.g. "Needs analysis"
 * @fallback: the key when @text has no letters or digits to make one of
 *
 * Makes a key in the template format's spelling: lower-case ASCII letters
 * and digits, words joined by "_", at most 40 characters ("needs_analysis").
 * Accented letters lose their accents; other scripts give @fallback.
 *
 * Returns: (transfer full): the key
 */
char *
crm_script_key_from_text (const char *text,
                          const char *fallback)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean gap = FALSE;

  g_return_val_if_fail (fallback != NULL, NULL);

  ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  for (const char *p = ascii; *p != '\0' && key->len <= KEY_BASE_MAX; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          gap = TRUE;
          continue;
        }

      if (gap && key->len > 0)
        g_string_append_c (key, '_');
      g_string_append_c (key, g_ascii_tolower (*p));
      gap = FALSE;
    }

  /* A long text is cut after its last whole word that fits. */
  if (key->len > KEY_BASE_MAX)
    {
      char *space;

      g_string_truncate (key, KEY_BASE_MAX + 1);
      space = strrchr (key->str, '_');
      g_string_truncate (key, space != NULL ? (gsize)(space - key->str) : KEY_BASE_MAX);
    }

  if (key->len == 0)
    return g_strdup (fallback);

  return g_string_free (g_steal_pointer (&key), FALSE);
}
