/* crm-script-editor-private.h
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
#include "crm-script-editor.h"

G_BEGIN_DECLS

/* The editor is one class in three files that share this struct:
 * crm-script-editor.c (the window, its scripts and stages, the whole
 * call's page), crm-script-editor-stage.c (the rows that edit a stage's
 * texts, items and questions) and crm-script-editor-actions.c (what the
 * buttons and keys do to the draft). */

struct _CrmScriptEditor
{
  AdwWindow             parent_instance;

  /* Owned references */
  CrmStore             *store;
  CrmScriptDraft       *draft;
  GPtrArray            *field_keys;       /* (element-type utf8): NULL first, "not saved to a field" */
  GtkStringList        *field_names;      /* the same order, for the drop-downs */
  GPtrArray            *source_checks;    /* (element-type GtkCheckButton): the template's sources */

  guint                 script;           /* the script and stage being edited */
  guint                 stage;
  guint                 language;         /* index into languages[] */

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkDropDown          *language_dropdown;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *content_stack;
  GtkButton            *add_call_script_button;
  GtkButton            *use_shipped_button;
  AdwViewStack         *view_stack;
  GtkListBox           *stages_list;
  GtkScrolledWindow    *details_scroller;
  AdwComboRow          *script_row;
  GtkStringList        *script_list;
  AdwEntryRow          *script_name_row;
  AdwEntryRow          *opening_row;
  AdwExpanderRow       *sources_row;
  AdwPreferencesGroup  *stage_group;
  AdwEntryRow          *stage_name_row;
  AdwEntryRow          *goal_row;
  GtkSwitch            *price_rule_switch;
  AdwActionRow         *payment_terms_row;
  GtkSwitch            *payment_terms_switch;
  GtkListBox           *prompts_list;
  GtkListBox           *checklist_list;
  GtkListBox           *questions_list;
  GtkListBox           *objections_list;
  AdwEntryRow          *situation_row;
  AdwEntryRow          *summary_subject_row;
  GtkLabel             *summary_body_english;
  GtkTextView          *summary_body_view;

  /* Set while the editor fills its widgets, so that only a person's
   * edits reach the draft. */
  guint                 syncing : 1;
  /* Cancel was confirmed: close without asking again. */
  guint                 discarding : 1;
  /* Entries emit signals while the template is disposed. */
  guint                 disposing : 1;
};

/* Which text an entry row edits; the script and stage are the editor's. */
typedef struct
{
  CrmScriptText  kind;
  guint          item;
  const char    *label;    /* what the field is called, translated */
} TextBinding;

/* crm-script-editor.c */
const char *_crm_script_editor_current_language      (CrmScriptEditor *self);
void        _crm_script_editor_show_error            (CrmScriptEditor *self,
                                                      const char      *message);
void        _crm_script_editor_load_draft            (CrmScriptEditor *self);
void        _crm_script_editor_rebuild               (CrmScriptEditor *self);
void        _crm_script_editor_sync_script_name      (CrmScriptEditor *self);
void        _crm_script_editor_sync_stage_name       (CrmScriptEditor *self);
void        _crm_script_editor_saved                 (CrmScriptEditor *self);

/* crm-script-editor-stage.c */
GQuark      _crm_script_editor_binding_quark         (void);
void        _crm_script_editor_class_stage_init      (GtkWidgetClass  *widget_class);
void        _crm_script_editor_clear_list            (GtkListBox      *list);
GtkTextDirection
            _crm_script_editor_typing_direction      (CrmScriptEditor *self);
void        _crm_script_editor_bind_text_row         (CrmScriptEditor *self,
                                                      AdwEntryRow     *row,
                                                      CrmScriptText    kind,
                                                      guint            item,
                                                      const char      *label);
void        _crm_script_editor_sync_text_row         (CrmScriptEditor *self,
                                                      AdwEntryRow     *row);
void        _crm_script_editor_setup_fields          (CrmScriptEditor *self);
void        _crm_script_editor_build_stage           (CrmScriptEditor *self);
gboolean    _crm_script_editor_parse_part            (const char      *name,
                                                      CrmScriptPart   *out_part);
void        _crm_script_editor_focus_item            (CrmScriptEditor *self,
                                                      CrmScriptPart    part,
                                                      guint            item);
void        _crm_script_editor_focus_moved_item      (CrmScriptEditor *self,
                                                      CrmScriptPart    part,
                                                      guint            from,
                                                      guint            to);

/* crm-script-editor-actions.c */
void        _crm_script_editor_class_actions_init    (GtkWidgetClass  *widget_class);
void        _crm_script_editor_update_actions        (CrmScriptEditor *self);
void        _crm_script_editor_update_call_actions   (CrmScriptEditor *self);

G_END_DECLS
