/* crm-script-draft-private.h
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

#include "crm-script-draft.h"

G_BEGIN_DECLS

/* Shared by the files of CrmScriptDraft; nothing outside them includes this. */

struct _CrmScriptDraft
{
  GObject     parent_instance;

  JsonObject *root;       /* nullable: the template has no call script */
  /* Objects added in this draft, whose keys still follow their English
   * text. (element-type JsonObject) set, owning a reference. */
  GHashTable *fresh;

  guint       modified : 1;
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

#define _CRM_SCRIPT_N_PARTS (CRM_SCRIPT_PART_OBJECTIONS + 1)
#define _CRM_SCRIPT_N_TEXTS (CRM_SCRIPT_TEXT_SUMMARY_BODY + 1)

/* The format's member of each list of a stage, and where each text lives
 * (crm-script-draft.c). */
extern const char * const _crm_script_draft_part_members[_CRM_SCRIPT_N_PARTS];
extern const TextInfo     _crm_script_draft_text_infos[_CRM_SCRIPT_N_TEXTS];

/* Finding things in the section (crm-script-draft.c). */
JsonObject *_crm_script_draft_get_object_member   (JsonObject     *object,
                                                   const char     *member);
JsonArray  *_crm_script_draft_get_array_member    (JsonObject     *object,
                                                   const char     *member);
JsonObject *_crm_script_draft_get_array_object    (JsonArray      *array,
                                                   guint           index);
JsonArray  *_crm_script_draft_ensure_array_member (JsonObject     *object,
                                                   const char     *member);
JsonArray  *_crm_script_draft_get_scripts         (CrmScriptDraft *self);
JsonObject *_crm_script_draft_get_script          (CrmScriptDraft *self,
                                                   guint           script);
JsonArray  *_crm_script_draft_get_stages          (CrmScriptDraft *self,
                                                   guint           script);
JsonObject *_crm_script_draft_get_stage           (CrmScriptDraft *self,
                                                   guint           script,
                                                   guint           stage);
JsonArray  *_crm_script_draft_get_part            (CrmScriptDraft *self,
                                                   guint           script,
                                                   guint           stage,
                                                   CrmScriptPart   part);
JsonObject *_crm_script_draft_find_owner          (CrmScriptDraft *self,
                                                   CrmScriptText   text,
                                                   guint           script,
                                                   guint           stage,
                                                   guint           item);
void        _crm_script_draft_set_modified        (CrmScriptDraft *self,
                                                   gboolean        modified);

/* Keys (crm-script-draft-keys.c). */
void        _crm_script_draft_make_key            (CrmScriptDraft *self,
                                                   CrmScriptText   text,
                                                   guint           script,
                                                   guint           stage,
                                                   JsonObject     *object,
                                                   const char     *english);
JsonObject *_crm_script_draft_new_keyed_object    (CrmScriptDraft *self,
                                                   CrmScriptText   text,
                                                   guint           script,
                                                   guint           stage,
                                                   const char     *english);

G_END_DECLS
