/* crm-script-editor.c
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

#include "crm-script-editor.h"

#include "crm-procedure.h"
#include "crm-script-draft.h"
#include "crm-store.h"
#include "crm-strings.h"

/* The sales manager's editor of the procedure's call scripts: stages in
 * their order, and per stage the prompts, checklist, questions (with the
 * field an answer is saved to) and objections reps see during a call.
 * What belongs to every call whatever the script, the situation check
 * (TW-2) and the summary mailed afterwards (TW-4), has a page of its own
 * ("Whole Call"), so that it is neither repeated above each stage nor
 * mistaken for part of the script being edited.
 *
 * Everything is edited in a CrmScriptDraft and saved at once through the
 * store, which has the procedure loader check the result: a problem is
 * shown in the loader's words above the editor and nothing is saved. The
 * store also refuses anyone but a manager, whatever this window allows.
 *
 * Texts are edited one language at a time. English is the source; in
 * Hebrew or Russian each field's title also shows the English text, which
 * is what a call shows while the translation is empty.
 *
 * The widgets follow the draft by being built again after every change of
 * structure (a stage added, an item removed, another language); typing
 * only writes to the draft, so the focused entry is never replaced. */

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

G_DEFINE_FINAL_TYPE (CrmScriptEditor, crm_script_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LANGUAGE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The order of the language drop-down's items. */
static const char * const languages[] = { "en", "he", "ru" };

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

/* Which text an entry row edits; the script and stage are the editor's. */
typedef struct
{
  CrmScriptText  kind;
  guint          item;
  const char    *label;    /* what the field is called, translated */
} TextBinding;

static GQuark binding_quark;

/* Helpers */

static const char *
current_language (CrmScriptEditor *self)
{
  return languages[self->language];
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

static void
clear_list (GtkListBox *list)
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

static void
show_error (CrmScriptEditor *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static gboolean
has_text (CrmScriptEditor *self,
          CrmScriptText    kind)
{
  return crm_script_draft_get_text (self->draft, kind, 0, 0, 0, "en") != NULL;
}

/* The whole call's texts can be given up in every language at once. */
static void
update_call_actions (CrmScriptEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "editor.remove-situation-check",
                                 has_text (self, CRM_SCRIPT_TEXT_SITUATION_CHECK));
  gtk_widget_action_set_enabled (widget, "editor.remove-summary",
                                 has_text (self, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT) ||
                                 has_text (self, CRM_SCRIPT_TEXT_SUMMARY_BODY));
}

static char *
dup_stage_label (CrmScriptEditor *self,
                 guint            stage)
{
  g_autofree char *label = NULL;
  const char *name = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_STAGE_NAME,
                                                self->script, stage, 0, current_language (self));

  if (crm_str_is_blank (name))
    name = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_STAGE_NAME,
                                      self->script, stage, 0, "en");
  if (crm_str_is_blank (name))
    name = _("Unnamed stage");

  /* The number leads in the interface's direction even when the name is
   * in another script: a Hebrew name alone would turn the line around. */
  /* Translators: a stage in the list of a call script's stages: its
   * number in the call, and its name */
  label = g_strdup_printf (_("%u. %s"), stage + 1, name);

  return g_strconcat (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                      ? "\u200F" : "\u200E", label, NULL);
}

static char *
dup_script_label (CrmScriptEditor *self,
                  guint            script)
{
  const char *name = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_SCRIPT_NAME,
                                                script, 0, 0, current_language (self));

  if (crm_str_is_blank (name))
    name = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_SCRIPT_NAME, script, 0, 0, "en");

  return g_strdup (crm_str_is_blank (name) ? _("Unnamed script") : name);
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
static GtkTextDirection
typing_direction (CrmScriptEditor *self)
{
  return g_str_equal (current_language (self), "he") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

static void
sync_text_row (CrmScriptEditor *self,
               AdwEntryRow     *row)
{
  TextBinding *binding = g_object_get_qdata (G_OBJECT (row), binding_quark);
  const char *english = crm_script_draft_get_text (self->draft, binding->kind, self->script,
                                                   self->stage, binding->item, "en");
  const char *text = crm_script_draft_get_text (self->draft, binding->kind, self->script,
                                                self->stage, binding->item, current_language (self));
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_autofree char *title = dup_field_title (self, binding->label, english);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                               editing_english (self) || crm_str_is_blank (english) ? NULL : english);
  gtk_widget_set_direction (delegate, typing_direction (self));

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->syncing = FALSE;
}

static void
text_changed_cb (AdwEntryRow     *row,
                 CrmScriptEditor *self)
{
  TextBinding *binding = g_object_get_qdata (G_OBJECT (row), binding_quark);
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
      {
        g_autofree char *label = dup_script_label (self, self->script);
        const char * const labels[] = { label, NULL };

        self->syncing = TRUE;
        gtk_string_list_splice (self->script_list, self->script, 1, labels);
        adw_combo_row_set_selected (self->script_row, self->script);
        self->syncing = FALSE;
      }
      break;

    case CRM_SCRIPT_TEXT_STAGE_NAME:
      {
        GtkListBoxRow *stage_row = gtk_list_box_get_row_at_index (self->stages_list, self->stage);
        g_autofree char *label = dup_stage_label (self, self->stage);

        if (stage_row != NULL)
          gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (stage_row)), label);
      }
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
      update_call_actions (self);
      break;

    case CRM_SCRIPT_TEXT_OPENING:
    case CRM_SCRIPT_TEXT_GOAL:
    case CRM_SCRIPT_TEXT_PROMPT:
    case CRM_SCRIPT_TEXT_CHECKLIST:
    default:
      break;
    }
}

static void
bind_text_row (CrmScriptEditor *self,
               AdwEntryRow     *row,
               CrmScriptText    kind,
               guint            item,
               const char      *label)
{
  TextBinding *binding = g_new0 (TextBinding, 1);

  binding->kind = kind;
  binding->item = item;
  binding->label = label;
  g_object_set_qdata_full (G_OBJECT (row), binding_quark, binding, g_free);

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

  bind_text_row (self, row, kind, item, label);
  sync_text_row (self, row);

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

  clear_list (list);

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
  guint question = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), binding_quark));
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
  guint question = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (toggle), binding_quark));
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
  g_object_set_qdata (G_OBJECT (row), binding_quark, GUINT_TO_POINTER (question));
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
  g_object_set_qdata (G_OBJECT (toggle), binding_quark, GUINT_TO_POINTER (question));
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

  clear_list (self->questions_list);

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

  clear_list (self->objections_list);

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

static void
build_stage (CrmScriptEditor *self)
{
  g_autofree char *title = NULL;

  /* Translators: the title above a call-script stage's name and goal */
  title = g_strdup_printf (_("Stage %u of %u"), self->stage + 1,
                           crm_script_draft_get_n_stages (self->draft, self->script));
  adw_preferences_group_set_title (self->stage_group, title);

  sync_text_row (self, self->stage_name_row);
  sync_text_row (self, self->goal_row);
  sync_guards (self);
  build_text_list (self, self->prompts_list, CRM_SCRIPT_PART_PROMPTS, CRM_SCRIPT_TEXT_PROMPT, _("Prompt"));
  build_text_list (self, self->checklist_list, CRM_SCRIPT_PART_CHECKLIST, CRM_SCRIPT_TEXT_CHECKLIST,
                   _("Item"));
  build_questions (self);
  build_objections (self);
}

/* Building the whole call's page */

static void
sync_summary_body (CrmScriptEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_body_view);
  const char *english = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_SUMMARY_BODY,
                                                   0, 0, 0, "en");
  const char *text = crm_script_draft_get_text (self->draft, CRM_SCRIPT_TEXT_SUMMARY_BODY,
                                                0, 0, 0, current_language (self));
  gboolean translating = !editing_english (self) && !crm_str_is_blank (english);

  /* Too long for the title, as other fields show it: the English a
   * translator works from follows the translation. */
  if (translating)
    {
      /* Translators: below a translation of the call summary's body,
       * the English body it translates */
      g_autofree char *source = g_strstrip (g_strdup (english));
      g_autofree char *label = g_strdup_printf (_("English: %s"), source);

      gtk_label_set_text (self->summary_body_english, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->summary_body_english), translating);
  gtk_widget_set_direction (GTK_WIDGET (self->summary_body_view), typing_direction (self));

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->syncing = FALSE;
}

static void
build_call (CrmScriptEditor *self)
{
  sync_text_row (self, self->situation_row);
  sync_text_row (self, self->summary_subject_row);
  sync_summary_body (self);
}

/* Building the whole editor */

static void
build_stages (CrmScriptEditor *self)
{
  guint n = crm_script_draft_get_n_stages (self->draft, self->script);

  self->syncing = TRUE;
  clear_list (self->stages_list);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = dup_stage_label (self, i);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_append (self->stages_list, label);
    }
  gtk_list_box_select_row (self->stages_list, gtk_list_box_get_row_at_index (self->stages_list, self->stage));
  self->syncing = FALSE;
}

/* The sources that pick the script, as the expander's subtitle: what the
 * manager sees without opening it. */
static void
sync_sources_subtitle (CrmScriptEditor *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) picked = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->source_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->source_checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_PREFERENCES_ROW);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (names, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  picked = g_strv_builder_end (names);
  /* Translators: the list of deal sources that pick a call script */
  subtitle = g_strjoinv (C_("list of deal sources", ", "), picked);
  adw_expander_row_set_subtitle (self->sources_row,
                                 picked[0] != NULL ? subtitle
                                 : _("Any source that no other script is used for"));
}

static void
sync_sources (CrmScriptEditor *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->source_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->source_checks, i);
      const char *key = g_object_get_qdata (G_OBJECT (check), binding_quark);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   crm_script_draft_has_source (self->draft, self->script, key));
    }
  self->syncing = FALSE;

  sync_sources_subtitle (self);
}

static void
build_scripts (CrmScriptEditor *self)
{
  guint n = crm_script_draft_get_n_scripts (self->draft);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (labels, dup_script_label (self, i));
  g_ptr_array_add (labels, NULL);

  self->syncing = TRUE;
  gtk_string_list_splice (self->script_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->script_list)),
                          (const char * const *)labels->pdata);
  adw_combo_row_set_selected (self->script_row, self->script);
  self->syncing = FALSE;

  /* One script needs no choosing. */
  gtk_widget_set_visible (GTK_WIDGET (self->script_row), n > 1);
  sync_text_row (self, self->script_name_row);
  sync_text_row (self, self->opening_row);
  sync_sources (self);
}

static void
update_actions (CrmScriptEditor *self)
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
  update_call_actions (self);
}

/* Save is offered once the draft differs from what is stored. */
static void
draft_modified_cb (CrmScriptEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 crm_script_draft_get_modified (self->draft));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* A draft of the procedure's call scripts as they are stored. */
static void
load_draft (CrmScriptEditor *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  gboolean has_shipped;

  g_clear_object (&self->draft);
  self->draft = crm_script_draft_new (procedure != NULL ? crm_procedure_get_call_script_json (procedure)
                                                        : NULL);
  g_signal_connect_object (self->draft, "notify::modified", G_CALLBACK (draft_modified_cb),
                           self, G_CONNECT_SWAPPED);

  /* The loader refuses the payment-terms guard (TW-6) in a template
   * without payment terms: there is nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->payment_terms_row),
                          procedure != NULL && crm_procedure_get_n_payment_terms (procedure) > 0);

  /* A template from before Deals had call scripts can take the shipped
   * ones; starting from scratch is then the second choice. */
  has_shipped = procedure != NULL && crm_procedure_get_n_call_scripts (procedure) == 0 &&
                crm_procedure_has_shipped_call_script (procedure);
  gtk_widget_set_visible (GTK_WIDGET (self->use_shipped_button), has_shipped);
  if (has_shipped)
    gtk_widget_remove_css_class (GTK_WIDGET (self->add_call_script_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->add_call_script_button), "suggested-action");
}

static void
rebuild (CrmScriptEditor *self)
{
  guint n_scripts = crm_script_draft_get_n_scripts (self->draft);
  guint n_stages;

  /* Without a call script there is no whole call to switch to either. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, n_scripts > 0);

  if (n_scripts == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  self->script = MIN (self->script, n_scripts - 1);
  n_stages = crm_script_draft_get_n_stages (self->draft, self->script);
  self->stage = n_stages > 0 ? MIN (self->stage, n_stages - 1) : 0;

  gtk_stack_set_visible_child_name (self->content_stack, "script");
  build_call (self);
  build_scripts (self);
  build_stages (self);
  build_stage (self);
  update_actions (self);
}

static void
setup_fields (CrmScriptEditor *self)
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

static void
source_toggled_cb (GtkCheckButton  *check,
                   CrmScriptEditor *self)
{
  if (self->syncing || self->disposing)
    return;

  crm_script_draft_set_source (self->draft, self->script,
                               g_object_get_qdata (G_OBJECT (check), binding_quark),
                               gtk_check_button_get_active (check));
  sync_sources_subtitle (self);
}

/* A row with a check button for each of the template's deal sources;
 * they do not change while the editor is open, only which are ticked. */
static void
setup_sources (CrmScriptEditor *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  guint n_sources = procedure != NULL ? crm_procedure_get_n_sources (procedure) : 0;

  for (guint i = 0; i < n_sources; i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (procedure, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_text_get (&source->name));
      g_object_set_qdata_full (G_OBJECT (check), binding_quark, g_strdup (source->key), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (source_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      adw_expander_row_add_row (self->sources_row, GTK_WIDGET (row));
      g_ptr_array_add (self->source_checks, check);
    }

  /* Without sources, every script is a general one. */
  gtk_widget_set_visible (GTK_WIDGET (self->sources_row), n_sources > 0);
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

/* Focuses the first entry of the item just added. */
static void
focus_item (CrmScriptEditor *self,
            GtkListBox      *list,
            guint            item)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, item);

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

/* Signal callbacks */

static void
summary_body_changed_cb (GtkTextBuffer   *buffer,
                         CrmScriptEditor *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing || self->disposing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (crm_script_draft_set_text (self->draft, CRM_SCRIPT_TEXT_SUMMARY_BODY, 0, 0, 0,
                                 current_language (self), text))
    update_call_actions (self);
}

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

static void
language_selected_cb (CrmScriptEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected >= G_N_ELEMENTS (languages) || selected == self->language)
    return;

  self->language = selected;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

static void
script_selected_cb (CrmScriptEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->script_row);

  if (self->syncing || self->disposing || selected == GTK_INVALID_LIST_POSITION ||
      selected == self->script)
    return;

  self->script = selected;
  self->stage = 0;
  rebuild (self);
}

static void
stage_selected_cb (CrmScriptEditor *self,
                   GtkListBoxRow   *row)
{
  if (self->syncing || self->disposing || row == NULL ||
      (guint)gtk_list_box_row_get_index (row) == self->stage)
    return;

  self->stage = gtk_list_box_row_get_index (row);
  build_stage (self);
  update_actions (self);

  /* Another stage is read from its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CrmScriptEditor  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->discarding = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ask_discard (CrmScriptEditor *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The call scripts have changes that were not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  crm_script_draft_mark_saved (self->draft);
  g_signal_emit (self, signals [SAVED], 0);
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
  show_error (CRM_SCRIPT_EDITOR (widget), NULL);
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
  rebuild (self);
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
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  load_draft (self);
  self->script = 0;
  self->stage = 0;
  rebuild (self);
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
  rebuild (self);
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
  rebuild (self);
}

static void
remove_situation_check_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);

  if (crm_script_draft_remove_text (self->draft, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, 0))
    rebuild (self);
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
    rebuild (self);
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
  rebuild (self);
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
  rebuild (self);
}

static void
move_stage (CrmScriptEditor *self,
            guint            to)
{
  if (!crm_script_draft_move_stage (self->draft, self->script, self->stage, to))
    return;

  self->stage = to;
  rebuild (self);
  /* Keyboard users keep moving the same stage. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->stages_list, to)));
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

static gboolean
parse_part (const char    *name,
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

static GtkListBox *
get_part_list (CrmScriptEditor *self,
               CrmScriptPart    part)
{
  GtkListBox *lists[] = { self->prompts_list, self->checklist_list,
                          self->questions_list, self->objections_list };

  return lists[part];
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  CrmScriptPart part;
  guint item;

  if (!parse_part (g_variant_get_string (parameter, NULL), &part))
    return;

  item = crm_script_draft_add_item (self->draft, self->script, self->stage, part);
  if (item == G_MAXUINT)
    return;

  build_stage (self);
  focus_item (self, get_part_list (self, part), item);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (widget);
  const char *name;
  CrmScriptPart part;
  GtkListBoxRow *row;
  GtkWidget *button;
  guint item;
  guint to;

  g_variant_get (parameter, "(&suu)", &name, &item, &to);
  if (!parse_part (name, &part) ||
      !crm_script_draft_move_item (self->draft, self->script, self->stage, part, item, to))
    return;

  build_stage (self);

  /* Keyboard users keep moving the same item, the same way, until it
   * cannot go further; then the item itself keeps the focus. */
  row = gtk_list_box_get_row_at_index (get_part_list (self, part), to);
  button = find_widget (GTK_WIDGET (row), has_tooltip,
                        _(to < item ? part_infos[part].move_up : part_infos[part].move_down));
  if (button == NULL || !gtk_widget_get_sensitive (button))
    button = GTK_WIDGET (row);
  gtk_widget_grab_focus (button);
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
  if (!parse_part (name, &part) ||
      !crm_script_draft_remove_item (self->draft, self->script, self->stage, part, item))
    return;

  build_stage (self);
}

/* GtkWindow overrides */

static gboolean
crm_script_editor_close_request (GtkWindow *window)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (window);

  if (!self->discarding && crm_script_draft_get_modified (self->draft))
    {
      ask_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (crm_script_editor_parent_class)->close_request (window);
}

/* GObject overrides */

static void
crm_script_editor_constructed (GObject *object)
{
  CrmScriptEditor *self = (CrmScriptEditor *)object;
  CrmProcedure *procedure;

  G_OBJECT_CLASS (crm_script_editor_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  procedure = crm_store_get_procedure (self->store);
  load_draft (self);
  if (procedure != NULL)
    adw_view_switcher_title_set_subtitle (self->switcher_title,
                                          crm_text_get (crm_procedure_get_name (procedure)));

  setup_fields (self);
  setup_sources (self);
  rebuild (self);
}

static void
crm_script_editor_dispose (GObject *object)
{
  CrmScriptEditor *self = (CrmScriptEditor *)object;

  self->disposing = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_SCRIPT_EDITOR);

  g_clear_object (&self->draft);
  g_clear_object (&self->field_names);
  g_clear_pointer (&self->field_keys, g_ptr_array_unref);
  g_clear_pointer (&self->source_checks, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_script_editor_parent_class)->dispose (object);
}

static void
crm_script_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, crm_script_editor_get_language (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, crm_script_editor_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_script_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmScriptEditor *self = CRM_SCRIPT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_LANGUAGE:
      crm_script_editor_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_script_editor_class_init (CrmScriptEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_script_editor_constructed;
  object_class->dispose = crm_script_editor_dispose;
  object_class->get_property = crm_script_editor_get_property;
  object_class->set_property = crm_script_editor_set_property;

  window_class->close_request = crm_script_editor_close_request;

  /**
   * CrmScriptEditor:store:
   *
   * The store whose procedure's call scripts are edited.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmScriptEditor:language:
   *
   * The language whose texts are edited: "en", "he" or "ru".
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "en",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmScriptEditor:modified:
   *
   * Whether there are changes that were not saved.
   */
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmScriptEditor::saved:
   *
   * The store took the call scripts; the window closes next.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-script-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, add_call_script_button);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, use_shipped_button);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, stages_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, script_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, script_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, script_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, opening_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, sources_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, stage_group);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, stage_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, goal_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, price_rule_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, payment_terms_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, payment_terms_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, prompts_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, questions_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, objections_list);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, situation_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, summary_subject_row);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, summary_body_english);
  gtk_widget_class_bind_template_child (widget_class, CrmScriptEditor, summary_body_view);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, script_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, guard_changed_cb);

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

  binding_quark = g_quark_from_static_string ("crm-script-editor-binding");
}

static void
crm_script_editor_init (CrmScriptEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_keys = g_ptr_array_new_with_free_func (g_free);
  self->field_names = gtk_string_list_new (NULL);
  self->source_checks = g_ptr_array_new ();

  bind_text_row (self, self->script_name_row, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0, C_("script or stage", "Name"));
  bind_text_row (self, self->opening_row, CRM_SCRIPT_TEXT_OPENING, 0, _("Opening Line"));
  bind_text_row (self, self->stage_name_row, CRM_SCRIPT_TEXT_STAGE_NAME, 0, C_("script or stage", "Name"));
  bind_text_row (self, self->goal_row, CRM_SCRIPT_TEXT_GOAL, 0, _("Goal"));
  bind_text_row (self, self->situation_row, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0, _("Question"));
  bind_text_row (self, self->summary_subject_row, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0, _("Subject"));
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_body_view), "changed",
                           G_CALLBACK (summary_body_changed_cb), self, 0);
}

/* Public API */

/**
 * crm_script_editor_new:
 * @store: the store
 *
 * Returns: (transfer floating): a new editor of the store's call scripts
 */
GtkWidget *
crm_script_editor_new (CrmStore *store)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return g_object_new (CRM_TYPE_SCRIPT_EDITOR,
                       "store", store,
                       NULL);
}

CrmStore *
crm_script_editor_get_store (CrmScriptEditor *self)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_EDITOR (self), NULL);

  return self->store;
}

/**
 * crm_script_editor_get_language:
 * @self: a #CrmScriptEditor
 *
 * Returns: the language whose texts are edited: "en", "he" or "ru"
 */
const char *
crm_script_editor_get_language (CrmScriptEditor *self)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_EDITOR (self), NULL);

  return current_language (self);
}

/**
 * crm_script_editor_set_language:
 * @self: a #CrmScriptEditor
 * @language: "en", "he" or "ru"
 *
 * Chooses the language whose texts are edited, as the header bar's
 * drop-down does.
 */
void
crm_script_editor_set_language (CrmScriptEditor *self,
                                const char      *language)
{
  g_return_if_fail (CRM_IS_SCRIPT_EDITOR (self));
  g_return_if_fail (language != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      gtk_drop_down_set_selected (self->language_dropdown, i);
}

gboolean
crm_script_editor_get_modified (CrmScriptEditor *self)
{
  g_return_val_if_fail (CRM_IS_SCRIPT_EDITOR (self), FALSE);

  return self->draft != NULL && crm_script_draft_get_modified (self->draft);
}
