/* crm-script-draft-text.c
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

#define G_LOG_DOMAIN "crm-script-draft-text"

#include "config.h"

#include "crm-script-draft-private.h"
#include "crm-strings.h"

/* The localised texts of the draft, read and set one language at a time;
 * optional texts go when cleared, and what belongs to them with them. */

/* The localised text object itself ({"en": …, "he": …}), or NULL. */
static JsonObject *
find_text (CrmScriptDraft *self,
           CrmScriptText   text,
           guint           script,
           guint           stage,
           guint           item)
{
  JsonObject *owner = _crm_script_draft_find_owner (self, text, script, stage, item);
  const char *member = _crm_script_draft_text_infos[text].member;

  return member == NULL ? owner : _crm_script_draft_get_object_member (owner, member);
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
  g_return_val_if_fail (text < G_N_ELEMENTS (_crm_script_draft_text_infos), NULL);
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
      summary = _crm_script_draft_get_object_member (self->root, "summary");
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
  g_return_val_if_fail (text < G_N_ELEMENTS (_crm_script_draft_text_infos), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  info = &_crm_script_draft_text_infos[text];
  english = g_str_equal (language, "en");
  if (!crm_str_is_blank (value))
    stripped = g_strstrip (g_strdup (value));

  owner = _crm_script_draft_find_owner (self, text, script, stage, item);
  /* The summary is made by the first text typed into it. */
  if (owner == NULL && info->owner == OWNER_SUMMARY && stripped != NULL && self->root != NULL)
    {
      owner = json_object_new ();
      json_object_set_object_member (self->root, "summary", owner);
    }
  if (owner == NULL)
    return FALSE;

  localised = info->member == NULL ? owner
                                    : _crm_script_draft_get_object_member (owner, info->member);
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
    _crm_script_draft_make_key (self, text, script, stage, owner, stripped);

  drop_emptied (self, info);
  _crm_script_draft_set_modified (self, TRUE);

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
  g_return_val_if_fail (text < G_N_ELEMENTS (_crm_script_draft_text_infos), FALSE);
  g_return_val_if_fail (_crm_script_draft_text_infos[text].optional, FALSE);

  info = &_crm_script_draft_text_infos[text];
  owner = _crm_script_draft_find_owner (self, text, script, stage, 0);
  if (owner == NULL || !json_object_has_member (owner, info->member))
    return FALSE;

  json_object_remove_member (owner, info->member);
  drop_emptied (self, info);
  _crm_script_draft_set_modified (self, TRUE);

  return TRUE;
}
