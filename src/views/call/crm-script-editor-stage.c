/* crm-script-editor-stage.c
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

#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-strings.h"

/* The stage's page of the script editor: its name and goal, the guards,
 * and the lists of prompts, checklist items, questions (with the field
 * an answer is saved to) and objections, each row bound to one text of
 * the draft. The lists are built again after every change of structure;
 * typing only writes to the draft. */

/* The built-in keys a question's answer can be saved to, in the order
 * the drop-down lists them (before the procedure's own fields). */
static const char * const builtin_fields[] = {
  "contact.name", "contact.position", "contact.email", "contact.phone",
  "company.name", "amount", "source",
};

/* A stage's list as the editor names it in action targets, and what
 * the buttons of its items say. */
typedef struct
{
  const char *name;
  const char *remove;
  const char *move_up;
  const char *move_down;
} PartInfo;

static const PartInfo part_infos[] = {
  [CRM_SCRIPT_PART_PROMPTS] = {
    "prompts", N_("Remove Prompt"), N_("Move Prompt Up"), N_("Move Prompt Down"),
  },
  [CRM_SCRIPT_PART_CHECKLIST] = {
    "checklist", N_("Remove Item"), N_("Move Item Up"), N_("Move Item Down"),
  },
  [CRM_SCRIPT_PART_QUESTIONS] = {
    "questions", N_("Remove Question"), N_("Move Question Up"), N_("Move Question Down"),
  },
  [CRM_SCRIPT_PART_OBJECTIONS] = {
    "objections", N_("Remove Objection"), N_("Move Objection Up"), N_("Move Objection Down"),
  },
};

G_DEFINE_QUARK (crm-script-editor-binding, _crm_script_editor_binding)

/* Helpers */

static const char *
current_language (CrmScriptEditor *self)
{
  return _crm_script_editor_current_language (self);
}

static gboolean
editing_english (CrmScriptEditor *self)
{
  return self->language == 0;
}

/* What a text shows in lists and titles: the translation being edited,
 * else the English text, as a call would show it. */
static const char *
display_text (CrmScriptEditor *self,
              CrmScriptText    kind,
              guint            item)
{
  const char *text = crm_script_draft_get_text (self->draft, kind, self->script, self->stage, item,
                                                current_language (self));

  if (crm_str_is_blank (text))
    text = crm_script_draft_get_text (self->draft, kind, self->script, self->stage, item, "en");

  return crm_str_is_blank (text) ? NULL : text;
}


static guint
find_field (CrmScriptEditor *self,
            const char      *key)
{
  for (guint i = 0; i < self->field_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->field_keys, i), key) == 0)
      return i;

  /* A key the procedure no longer has: listed as it is, so that what is
   * saved is still what is shown. */
  g_ptr_array_add (self->field_keys, g_strdup (key));
  gtk_string_list_append (self->field_names, key);

  return self->field_keys->len - 1;
}

static char *
dup_question_subtitle (CrmScriptEditor *self,
                       guint            question)
{
  const char *field = crm_script_draft_get_field (self->draft, self->script, self->stage, question);
  g_autofree char *where = NULL;

  if (field != NULL)
    /* Translators: where the answer to a call-script question is kept;
     * %s is a field such as “Contact email” */
    where = g_strdup_printf (_("Saved to %s"),
                             gtk_string_list_get_string (self->field_names, find_field (self, field)));
  else
    where = g_strdup (_("Not saved to a field"));

  if (!crm_script_draft_get_mandatory (self->draft, self->script, self->stage, question))
    return g_steal_pointer (&where);

  /* Translators: a question's summary: where its answer is saved, and
   * that it must be answered */
  return g_strdup_printf (_("%s · %s"), where, _("Mandatory"));
}

static void
sync_expander_titles (CrmScriptEditor *self,
                      AdwExpanderRow  *expander,
                      CrmScriptText    kind,
                      guint            item)
{
  const char *title = display_text (self, kind, item);

  if (kind == CRM_SCRIPT_TEXT_QUESTION)
    {
      g_autofree char *subtitle = dup_question_subtitle (self, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     title != NULL ? title : _("New question"));
      adw_expander_row_set_subtitle (expander, subtitle);
    }
  else
    {
      const char *answer = display_text (self, CRM_SCRIPT_TEXT_ANSWER, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     title != NULL ? title : _("New objection"));
      adw_expander_row_set_subtitle (expander, answer != NULL ? answer : "");
    }
}

/* Text rows */

/* What a text field is called: while a translation is edited, with the
 * English text, so that a translator sees what they translate (an empty
 * translation is what makes a call show this English text). */
static char *
dup_field_title (CrmScriptEditor *self,
                 const char      *label,
                 const char      *english)
{
  if (editing_english (self) || crm_str_is_blank (english))
    return g_strdup (label);

  /* Translators: the title of a text field while a translation is
   * edited: the field's name and the English text, e.g.
   * “Name (English: Discovery)” */
  return g_strdup_printf (_("%s (English: %s)"), label, english);
}

/* Hebrew is typed right to left whatever the interface's direction. */
GtkTextDirection
_crm_script_editor_typing_direction (CrmScriptEditor *self)
{
  return g_str_equal (current_language (self), "he") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

void
_crm_script_editor_sync_text_row (CrmScriptEditor *self,
                                  AdwEntryRow     *row)
{
  TextBinding *binding = g_object_get_qdata (G_OBJECT (row), _crm_script_editor_binding_quark ());
  const char *english = crm_script_draft_get_text (self->draft, binding->kind, self->script,
                                                   self->stage, binding->item, "en");
  const char *text = crm_script_draft_get_text (self->draft, binding->kind, self->script,
                                                self->stage, binding->item, current_language (self));
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_autofree char *title = dup_field_title (self, binding->label, english);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                               editing_english (self) || crm_str_is_blank (english) ? NULL : english);
  gtk_widget_set_direction (delegate, _crm_script_editor_typing_direction (self));

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->syncing = FALSE;
}

static void
text_changed_cb (AdwEntryRow     *row,
                 CrmScriptEditor *self)
{
  TextBinding *binding = g_object_get_qdata (G_OBJECT (row), _crm_script_editor_binding_quark ());
  GtkWidget *expander;

  if (self->syncing || self->disposing)
    return;

  if (!crm_script_draft_set_text (self->draft, binding->kind, self->script, self->stage, binding->item,
                                  current_language (self), gtk_editable_get_text (GTK_EDITABLE (row))))
    return;

  /* The names shown elsewhere follow as they are typed. */
  switch (binding->kind)
    {
    case CRM_SCRIPT_TEXT_SCRIPT_NAME:
      _crm_script_editor_sync_script_name (self);
      break;

    case CRM_SCRIPT_TEXT_STAGE_NAME:
      _crm_script_editor_sync_stage_name (self);
      break;

    case CRM_SCRIPT_TEXT_QUESTION:
    case CRM_SCRIPT_TEXT_OBJECTION:
    case CRM_SCRIPT_TEXT_ANSWER:
      expander = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);
      if (expander != NULL)
        sync_expander_titles (self, ADW_EXPANDER_ROW (expander),
                              binding->kind == CRM_SCRIPT_TEXT_QUESTION
                              ? CRM_SCRIPT_TEXT_QUESTION : CRM_SCRIPT_TEXT_OBJECTION,
                              binding->item);
      break;

    case CRM_SCRIPT_TEXT_SITUATION_CHECK:
    case CRM_SCRIPT_TEXT_SUMMARY_SUBJECT:
      _crm_script_editor_update_call_actions (self);
      break;

    case CRM_SCRIPT_TEXT_OPENING:
    case CRM_SCRIPT_TEXT_GOAL:
    case CRM_SCRIPT_TEXT_PROMPT:
    case CRM_SCRIPT_TEXT_CHECKLIST:
    default:
      break;
    }
}

void
_crm_script_editor_bind_text_row (CrmScriptEditor *self,
                                  AdwEntryRow     *row,
                                  CrmScriptText    kind,
                                  guint            item,
                                  const char      *label)
{
  TextBinding *binding = g_new0 (TextBinding, 1);

  binding->kind = kind;
  binding->item = item;
  binding->label = label;
  g_object_set_qdata_full (G_OBJECT (row), _crm_script_editor_binding_quark (), binding, g_free);

  /* Titles quote what people typed (“R&D”): never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect_object (row, "changed", G_CALLBACK (text_changed_cb), self, 0);
}

static AdwEntryRow *
new_text_row (CrmScriptEditor *self,
              CrmScriptText    kind,
              guint            item,
              const char      *label)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  _crm_script_editor_bind_text_row (self, row, kind, item, label);
  _crm_script_editor_sync_text_row (self, row);

  return row;
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* An icon says nothing to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* Moves item @item of @part one up or down, or shows that it cannot go
 * further (the first item up, the last one down). */
static GtkWidget *
new_move_button (CrmScriptPart  part,
                 guint          item,
                 guint          n_items,
                 gboolean       up)
{
  GtkWidget *button = new_icon_button (up ? "go-up-symbolic" : "go-down-symbolic",
                                       _(up ? part_infos[part].move_up : part_infos[part].move_down));

  /* An action's state is the same for all its targets: a move that
   * cannot be made gets no action, and is insensitive instead. */
  if (up ? item == 0 : item + 1 >= n_items)
    {
      gtk_widget_set_sensitive (button, FALSE);
      return button;
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.move-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(suu)", part_infos[part].name, item,
                                    up ? item - 1 : item + 1);

  return button;
}

/* The buttons of an item's row: move up, move down, remove. */
static GtkWidget *
new_item_buttons (CrmScriptPart part,
                  guint         item,
                  guint         n_items)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *remove = new_icon_button ("user-trash-symbolic", _(part_infos[part].remove));

  gtk_box_append (GTK_BOX (box), new_move_button (part, item, n_items, TRUE));
  gtk_box_append (GTK_BOX (box), new_move_button (part, item, n_items, FALSE));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(su)", part_infos[part].name, item);
  gtk_box_append (GTK_BOX (box), remove);

  return box;
}

/* Building the stage's lists */

static void
build_text_list (CrmScriptEditor *self,
                 GtkListBox      *list,
                 CrmScriptPart    part,
                 CrmScriptText    kind,
                 const char      *label)
{
  guint n = crm_script_draft_get_n_items (self->draft, self->script, self->stage, part);

  _crm_script_editor_clear_list (list);

  for (guint i = 0; i < n; i++)
    {
      AdwEntryRow *row = new_text_row (self, kind, i, label);

      adw_entry_row_add_suffix (row, new_item_buttons (part, i, n));
      gtk_list_box_append (list, GTK_WIDGET (row));
    }
}

static void
field_selected_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   CrmScriptEditor *self)
{
  guint question = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row),
                                                         _crm_script_editor_binding_quark ()));
  guint selected = adw_combo_row_get_selected (row);
  GtkWidget *expander;

  if (self->syncing || self->disposing || selected >= self->field_keys->len)
    return;

  crm_script_draft_set_field (self->draft, self->script, self->stage, question,
                              g_ptr_array_index (self->field_keys, selected));

  expander = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_EXPANDER_ROW);
  if (expander != NULL)
    sync_expander_titles (self, ADW_EXPANDER_ROW (expander), CRM_SCRIPT_TEXT_QUESTION, question);
}

static void
mandatory_changed_cb (GtkSwitch       *toggle,
                      GParamSpec      *pspec,
                      CrmScriptEditor *self)
{
  guint question = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (toggle),
                                                         _crm_script_editor_binding_quark ()));
  GtkWidget *expander;

  if (self->syncing || self->disposing)
    return;

  crm_script_draft_set_mandatory (self->draft, self->script, self->stage, question,
                                  gtk_switch_get_active (toggle));

  expander = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_EXPANDER_ROW);
  if (expander != NULL)
    sync_expander_titles (self, ADW_EXPANDER_ROW (expander), CRM_SCRIPT_TEXT_QUESTION, question);
}

static GtkWidget *
new_field_row (CrmScriptEditor *self,
               guint            question)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  const char *field = crm_script_draft_get_field (self->draft, self->script, self->stage, question);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Answer Saved To"));
  adw_combo_row_set_model (row, G_LIST_MODEL (self->field_names));
  adw_combo_row_set_selected (row, field != NULL ? find_field (self, field) : 0);
  g_object_set_qdata (G_OBJECT (row), _crm_script_editor_binding_quark (), GUINT_TO_POINTER (question));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (field_selected_cb), self, 0);

  return GTK_WIDGET (row);
}

static GtkWidget *
new_mandatory_row (CrmScriptEditor *self,
                   guint            question)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Mandatory"));
  adw_action_row_set_subtitle (row, _("The call cannot go on to the next stage without an answer"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle),
                         crm_script_draft_get_mandatory (self->draft, self->script, self->stage, question));
  g_object_set_qdata (G_OBJECT (toggle), _crm_script_editor_binding_quark (), GUINT_TO_POINTER (question));
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (mandatory_changed_cb), self, 0);
  adw_action_row_add_suffix (row, toggle);
  adw_action_row_set_activatable_widget (row, toggle);

  return GTK_WIDGET (row);
}

static AdwExpanderRow *
new_expander (GtkListBox    *list,
              CrmScriptPart  part,
              guint          item,
              guint          n_items)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_add_action (expander, new_item_buttons (part, item, n_items));
  gtk_list_box_append (list, GTK_WIDGET (expander));

  return expander;
}

static void
build_questions (CrmScriptEditor *self)
{
  guint n = crm_script_draft_get_n_items (self->draft, self->script, self->stage,
                                          CRM_SCRIPT_PART_QUESTIONS);

  _crm_script_editor_clear_list (self->questions_list);

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      AdwExpanderRow *expander = new_expander (self->questions_list, CRM_SCRIPT_PART_QUESTIONS, i, n);

      adw_expander_row_add_row (expander, GTK_WIDGET (new_text_row (self, CRM_SCRIPT_TEXT_QUESTION, i,
                                                                    _("Question"))));
      adw_expander_row_add_row (expander, new_field_row (self, i));
      adw_expander_row_add_row (expander, new_mandatory_row (self, i));
      sync_expander_titles (self, expander, CRM_SCRIPT_TEXT_QUESTION, i);
    }
  self->syncing = FALSE;
}

static void
build_objections (CrmScriptEditor *self)
{
  guint n = crm_script_draft_get_n_items (self->draft, self->script, self->stage,
                                          CRM_SCRIPT_PART_OBJECTIONS);

  _crm_script_editor_clear_list (self->objections_list);

  for (guint i = 0; i < n; i++)
    {
      AdwExpanderRow *expander = new_expander (self->objections_list, CRM_SCRIPT_PART_OBJECTIONS, i, n);

      adw_expander_row_add_row (expander, GTK_WIDGET (new_text_row (self, CRM_SCRIPT_TEXT_OBJECTION, i,
                                                                    _("Objection"))));
      adw_expander_row_add_row (expander, GTK_WIDGET (new_text_row (self, CRM_SCRIPT_TEXT_ANSWER, i,
                                                                    _("Answer"))));
      sync_expander_titles (self, expander, CRM_SCRIPT_TEXT_OBJECTION, i);
    }
}

static void
sync_guards (CrmScriptEditor *self)
{
  CrmScriptGuards guards = crm_script_draft_get_guards (self->draft, self->script, self->stage);

  self->syncing = TRUE;
  gtk_switch_set_active (self->price_rule_switch, (guards & CRM_SCRIPT_GUARD_PRICE_RULE) != 0);
  gtk_switch_set_active (self->payment_terms_switch, (guards & CRM_SCRIPT_GUARD_PAYMENT_TERMS) != 0);
  self->syncing = FALSE;
}

void
_crm_script_editor_build_stage (CrmScriptEditor *self)
{
  g_autofree char *title = NULL;

  /* Translators: the title above a call-script stage's name and goal */
  title = g_strdup_printf (_("Stage %u of %u"), self->stage + 1,
                           crm_script_draft_get_n_stages (self->draft, self->script));
  adw_preferences_group_set_title (self->stage_group, title);

  _crm_script_editor_sync_text_row (self, self->stage_name_row);
  _crm_script_editor_sync_text_row (self, self->goal_row);
  sync_guards (self);
  build_text_list (self, self->prompts_list, CRM_SCRIPT_PART_PROMPTS, CRM_SCRIPT_TEXT_PROMPT, _("Prompt"));
  build_text_list (self, self->checklist_list, CRM_SCRIPT_PART_CHECKLIST, CRM_SCRIPT_TEXT_CHECKLIST,
                   _("Item"));
  build_questions (self);
  build_objections (self);
}
/* The first widget under @widget, itself included, depth first, that
 * @matches with @data. */
static GtkWidget *
find_widget (GtkWidget     *widget,
             gboolean     (*matches) (GtkWidget *widget, const char *data),
             const char    *data)
{
  if (matches (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_entry_row (GtkWidget  *widget,
              const char *data)
{
  return ADW_IS_ENTRY_ROW (widget);
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkListBox *
get_part_list (CrmScriptEditor *self,
               CrmScriptPart    part)
{
  GtkListBox *lists[] = { self->prompts_list, self->checklist_list,
                          self->questions_list, self->objections_list };

  return lists[part];
}

/* Signal callbacks */

static void
guard_changed_cb (GtkSwitch       *toggle,
                  GParamSpec      *pspec,
                  CrmScriptEditor *self)
{
  CrmScriptGuards guard = toggle == self->price_rule_switch ? CRM_SCRIPT_GUARD_PRICE_RULE
                                                            : CRM_SCRIPT_GUARD_PAYMENT_TERMS;

  if (self->syncing || self->disposing)
    return;

  crm_script_draft_set_guard (self->draft, self->script, self->stage, guard,
                              gtk_switch_get_active (toggle));
}

/* Private API */

void
_crm_script_editor_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      /* The placeholder is a child too, but not a row. */
      if (!GTK_IS_LIST_BOX_ROW (child))
        child = gtk_widget_get_next_sibling (child);
      if (child == NULL)
        break;
      gtk_list_box_remove (list, child);
    }
}

void
_crm_script_editor_setup_fields (CrmScriptEditor *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  guint n_fields = procedure != NULL ? crm_procedure_get_n_fields (procedure) : 0;

  g_ptr_array_add (self->field_keys, NULL);
  gtk_string_list_append (self->field_names, _("Not saved to a field"));

  for (guint i = 0; i < G_N_ELEMENTS (builtin_fields); i++)
    {
      g_autofree char *label = crm_store_dup_field_label (self->store, builtin_fields[i]);

      g_ptr_array_add (self->field_keys, g_strdup (builtin_fields[i]));
      gtk_string_list_append (self->field_names, label);
    }

  for (guint i = 0; i < n_fields; i++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (procedure, i);

      g_ptr_array_add (self->field_keys, g_strdup (field->key));
      gtk_string_list_append (self->field_names, crm_text_get (&field->name));
    }
}

gboolean
_crm_script_editor_parse_part (const char    *name,
                               CrmScriptPart *out_part)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_infos); i++)
    {
      if (g_str_equal (name, part_infos[i].name))
        {
          *out_part = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Focuses the first entry of the item just added. */
void
_crm_script_editor_focus_item (CrmScriptEditor *self,
                               CrmScriptPart    part,
                               guint            item)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_part_list (self, part), item);

  if (row == NULL)
    return;

  /* A question or objection opens on its text, the first entry in it. */
  if (ADW_IS_EXPANDER_ROW (row))
    {
      GtkWidget *entry = find_widget (GTK_WIDGET (row), is_entry_row, NULL);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      if (entry != NULL)
        gtk_widget_grab_focus (entry);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Keyboard users keep moving the same item, the same way, until it
 * cannot go further; then the item itself keeps the focus. */
void
_crm_script_editor_focus_moved_item (CrmScriptEditor *self,
                                     CrmScriptPart    part,
                                     guint            from,
                                     guint            to)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_part_list (self, part), to);
  GtkWidget *button;

  button = find_widget (GTK_WIDGET (row), has_tooltip,
                        _(to < from ? part_infos[part].move_up : part_infos[part].move_down));
  if (button == NULL || !gtk_widget_get_sensitive (button))
    button = GTK_WIDGET (row);
  gtk_widget_grab_focus (button);
}

void
_crm_script_editor_class_stage_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, guard_changed_cb);
}
