/* crm-script-draft-keys.c
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

#define G_LOG_DOMAIN "crm-script-draft-keys"

#include "config.h"

#include <string.h>

#include "crm-script-draft-private.h"

/* The keys the draft gives what is added to it: made from the English
 * text, unique among their siblings, and fixed once saved. */

/* Keys are at most 64 characters; a made-up one leaves room for "_123". */
#define KEY_BASE_MAX 40

static void
add_keys_of (GHashTable *keys,
             JsonArray  *array,
             JsonObject *except)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = _crm_script_draft_get_array_object (array, i);
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
      add_keys_of (keys, _crm_script_draft_get_scripts (self), object);
      break;

    case CRM_SCRIPT_TEXT_STAGE_NAME:
      add_keys_of (keys, _crm_script_draft_get_stages (self, script), object);
      break;

    case CRM_SCRIPT_TEXT_QUESTION:
      for (guint i = 0; i < crm_script_draft_get_n_stages (self, script); i++)
        add_keys_of (keys,
                     _crm_script_draft_get_part (self, script, i, CRM_SCRIPT_PART_QUESTIONS),
                     object);
      break;

    case CRM_SCRIPT_TEXT_CHECKLIST:
      add_keys_of (keys,
                   _crm_script_draft_get_part (self, script, stage, CRM_SCRIPT_PART_CHECKLIST),
                   object);
      break;

    case CRM_SCRIPT_TEXT_OBJECTION:
      add_keys_of (keys,
                   _crm_script_draft_get_part (self, script, stage, CRM_SCRIPT_PART_OBJECTIONS),
                   object);
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
void
_crm_script_draft_make_key (CrmScriptDraft *self,
                            CrmScriptText   text,
                            guint           script,
                            guint           stage,
                            JsonObject     *object,
                            const char     *english)
{
  g_autoptr(GHashTable) taken = collect_sibling_keys (self, text, script, stage, object);
  g_autofree char *base = crm_script_key_from_text (english,
                                                    _crm_script_draft_text_infos[text].fallback);
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
JsonObject *
_crm_script_draft_new_keyed_object (CrmScriptDraft *self,
                                    CrmScriptText   text,
                                    guint           script,
                                    guint           stage,
                                    const char     *english)
{
  JsonObject *object = json_object_new ();
  JsonObject *localised = json_object_new ();

  /* The key first, as the shipped templates write it. */
  _crm_script_draft_make_key (self, text, script, stage, object, english);
  json_object_set_string_member (localised, "en", english != NULL ? english : "");
  json_object_set_object_member (object, _crm_script_draft_text_infos[text].member, localised);
  g_hash_table_add (self->fresh, json_object_ref (object));

  return object;
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
  g_return_val_if_fail (text < G_N_ELEMENTS (_crm_script_draft_text_infos), NULL);

  owner = _crm_script_draft_find_owner (self, text, script, stage, item);

  return owner != NULL ? json_object_get_string_member_with_default (owner, "key", NULL) : NULL;
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
