/* crm-script-editor-actions.c
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

#define G_LOG_DOMAIN "crm-script-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-script-editor-private.h"

#include "crm-store.h"

/* What the script editor's buttons and keys do: each action changes the
 * draft, then has the editor build what changed again; which actions
 * are offered follows the draft and the stage being edited. */

/* Helpers */

static gboolean
has_text (CrmScriptEditor *self,
          CrmScriptText    kind)
{
  return crm_script_draft_get_text (self->draft, kind, 0, 0, 0, "en") != NULL;
}
static void
move_stage (CrmScriptEditor *self,
            guint            to)
{
  if (!crm_script_draft_move_stage (self->draft, self->script, self->stage, to))
    return;

  self->stage = to;
  _crm_script_editor_rebuild (self);
  /* Keyboard users keep moving the same stage. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->stages_list, to)));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  /* The store has the loader check the draft and refuses reps; either
   * way its message says what to change, and nothing was written. */
  if (!crm_store_save_call_script (self->store, crm_script_draft_get_json (self->draft), &error))
    {
      _crm_script_editor_show_error (self, error->message);
      return;
    }

  _crm_script_editor_show_error (self, NULL);
  crm_script_draft_mark_saved (self->draft);
  _crm_script_editor_saved (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
hide_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _crm_script_editor_show_error (CRM_SCRIPT_EDITOR (widget), NULL);
}

static void
add_call_script_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  /* English on purpose, whatever the interface's language: it is the
   * source text of a template, which translations follow. */
  if (!crm_script_draft_add_call_script (self->draft, "Sales call", "Greeting"))
    return;

  self->script = 0;
  self->stage = 0;
  _crm_script_editor_rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->script_name_row));
}

/* The shipped call scripts are stored at once: there is nothing of the
 * manager's to lose, and the payment terms they need come with them. */
static void
use_shipped_call_script_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!crm_store_use_shipped_call_script (self->store, &error))
    {
      _crm_script_editor_show_error (self, error->message);
      return;
    }

  _crm_script_editor_show_error (self, NULL);
  _crm_script_editor_load_draft (self);
  self->script = 0;
  self->stage = 0;
  _crm_script_editor_rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->script_name_row));
}

static void
add_script_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  /* The first stage is named in English, like a new call script's: the
   * source text, which translations follow. The script is named by the
   * manager, whose name row has the focus. */
  guint script = crm_script_draft_add_script (self->draft, NULL, "Greeting");

  if (script == G_MAXUINT)
    return;

  self->script = script;
  self->stage = 0;
  _crm_script_editor_rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->script_name_row));
}

static void
remove_script_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  if (!crm_script_draft_remove_script (self->draft, self->script))
    return;

  if (self->script > 0)
    self->script--;
  self->stage = 0;
  _crm_script_editor_rebuild (self);
}

static void
remove_situation_check_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  if (crm_script_draft_remove_text (self->draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0))
    _crm_script_editor_rebuild (self);
}

static void
remove_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  gboolean removed;

  /* The summary goes with the last of its two texts. */
  removed = crm_script_draft_remove_text (self->draft, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, 0);
  removed |= crm_script_draft_remove_text (self->draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0);
  if (removed)
    _crm_script_editor_rebuild (self);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  guint stage = crm_script_draft_add_stage (self->draft, self->script);

  if (stage == G_MAXUINT)
    return;

  self->stage = stage;
  _crm_script_editor_rebuild (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->stage_name_row));
}

static void
remove_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  if (crm_script_draft_get_n_stages (self->draft, self->script) <= 1 ||
      !crm_script_draft_remove_stage (self->draft, self->script, self->stage))
    return;

  if (self->stage > 0)
    self->stage--;
  _crm_script_editor_rebuild (self);
}

static void
move_stage_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  if (self->stage > 0)
    move_stage (self, self->stage - 1);
}

static void
move_stage_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  move_stage (self, self->stage + 1);
}
static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  CrmScriptPart part;
  guint item;

  if (!_crm_script_editor_parse_part (g_variant_get_string (parameter, NULL), &part))
    return;

  item = crm_script_draft_add_item (self->draft, self->script, self->stage, part);
  if (item == G_MAXUINT)
    return;

  _crm_script_editor_build_stage (self);
  _crm_script_editor_focus_item (self, part, item);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  const char *name;
  CrmScriptPart part;
  guint item;
  guint to;

  g_variant_get (parameter, "(&suu)", &name, &item, &to);
  if (!_crm_script_editor_parse_part (name, &part) ||
      !crm_script_draft_move_item (self->draft, self->script, self->stage, part, item, to))
    return;

  _crm_script_editor_build_stage (self);
  _crm_script_editor_focus_moved_item (self, part, item, to);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  const char *name;
  CrmScriptPart part;
  guint item;

  g_variant_get (parameter, "(&su)", &name, &item);
  if (!_crm_script_editor_parse_part (name, &part) ||
      !crm_script_draft_remove_item (self->draft, self->script, self->stage, part, item))
    return;

  _crm_script_editor_build_stage (self);
}
/* Private API */

/* The whole call's texts can be given up in every language at once. */
void
_crm_script_editor_update_call_actions (CrmScriptEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "editor.remove-situation-check",
                                 has_text (self, CRM_SCRIPT_TEXT_SITUATION_CHECK));
  gtk_widget_action_set_enabled (widget, "editor.remove-summary",
                                 has_text (self, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT) ||
                                 has_text (self, CRM_SCRIPT_TEXT_SUMMARY_BODY));
}

void
_crm_script_editor_update_actions (CrmScriptEditor *self)
{
  gboolean has_script = crm_script_draft_get_n_scripts (self->draft) > 0;
  guint n_stages = crm_script_draft_get_n_stages (self->draft, self->script);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "editor.save", crm_script_draft_get_modified (self->draft));
  gtk_widget_action_set_enabled (widget, "editor.add-call-script", !has_script);
  gtk_widget_action_set_enabled (widget, "editor.add-script", has_script);
  /* The format wants at least one script. */
  gtk_widget_action_set_enabled (widget, "editor.remove-script",
                                 crm_script_draft_get_n_scripts (self->draft) > 1);
  gtk_widget_action_set_enabled (widget, "editor.add-stage", has_script);
  gtk_widget_action_set_enabled (widget, "editor.add-item", n_stages > 0);
  gtk_widget_action_set_enabled (widget, "editor.move-stage-up", self->stage > 0);
  gtk_widget_action_set_enabled (widget, "editor.move-stage-down", self->stage + 1 < n_stages);
  /* The format wants at least one stage; the loader would say so too. */
  gtk_widget_action_set_enabled (widget, "editor.remove-stage", n_stages > 1);
  _crm_script_editor_update_call_actions (self);
}

void
_crm_script_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.hide-error", NULL, hide_error_action);
  gtk_widget_class_install_action (widget_class, "editor.add-call-script", NULL, add_call_script_action);
  gtk_widget_class_install_action (widget_class, "editor.use-shipped-call-script", NULL,
                                   use_shipped_call_script_action);
  gtk_widget_class_install_action (widget_class, "editor.add-script", NULL, add_script_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-script", NULL, remove_script_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-situation-check", NULL,
                                   remove_situation_check_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-summary", NULL, remove_summary_action);
  gtk_widget_class_install_action (widget_class, "editor.add-stage", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-stage", NULL, remove_stage_action);
  gtk_widget_class_install_action (widget_class, "editor.move-stage-up", NULL, move_stage_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-stage-down", NULL, move_stage_down_action);
  gtk_widget_class_install_action (widget_class, "editor.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-item", "(su)", remove_item_action);
  gtk_widget_class_install_action (widget_class, "editor.move-item", "(suu)", move_item_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}
