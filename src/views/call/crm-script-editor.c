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
#include "crm-script-editor-private.h"

#include "crm-procedure.h"
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
  gtk_widget_set_direction (GTK_WIDGET (self->summary_body_view),
                            _crm_script_editor_typing_direction (self));

  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->syncing = FALSE;
}

static void
build_call (CrmScriptEditor *self)
{
  _crm_script_editor_sync_text_row (self, self->situation_row);
  _crm_script_editor_sync_text_row (self, self->summary_subject_row);
  sync_summary_body (self);
}

/* Building the whole editor */

static void
build_stages (CrmScriptEditor *self)
{
  guint n = crm_script_draft_get_n_stages (self->draft, self->script);

  self->syncing = TRUE;
  _crm_script_editor_clear_list (self->stages_list);
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
      const char *key = g_object_get_qdata (G_OBJECT (check), _crm_script_editor_binding_quark ());

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
  _crm_script_editor_sync_text_row (self, self->script_name_row);
  _crm_script_editor_sync_text_row (self, self->opening_row);
  sync_sources (self);
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
void
_crm_script_editor_load_draft (CrmScriptEditor *self)
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

void
_crm_script_editor_rebuild (CrmScriptEditor *self)
{
  guint n_scripts = crm_script_draft_get_n_scripts (self->draft);
  guint n_stages;

  /* Without a call script there is no whole call to switch to either. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, n_scripts > 0);

  if (n_scripts == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      _crm_script_editor_update_actions (self);
      return;
    }

  self->script = MIN (self->script, n_scripts - 1);
  n_stages = crm_script_draft_get_n_stages (self->draft, self->script);
  self->stage = n_stages > 0 ? MIN (self->stage, n_stages - 1) : 0;

  gtk_stack_set_visible_child_name (self->content_stack, "script");
  build_call (self);
  build_scripts (self);
  build_stages (self);
  _crm_script_editor_build_stage (self);
  _crm_script_editor_update_actions (self);
}

static void
source_toggled_cb (GtkCheckButton  *check,
                   CrmScriptEditor *self)
{
  if (self->syncing || self->disposing)
    return;

  crm_script_draft_set_source (self->draft, self->script,
                               g_object_get_qdata (G_OBJECT (check),
                                                   _crm_script_editor_binding_quark ()),
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
      g_object_set_qdata_full (G_OBJECT (check), _crm_script_editor_binding_quark (),
                               g_strdup (source->key), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (source_toggled_cb), self, 0);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      adw_expander_row_add_row (self->sources_row, GTK_WIDGET (row));
      g_ptr_array_add (self->source_checks, check);
    }

  /* Without sources, every script is a general one. */
  gtk_widget_set_visible (GTK_WIDGET (self->sources_row), n_sources > 0);
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
    _crm_script_editor_update_call_actions (self);
}

static void
language_selected_cb (CrmScriptEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected >= G_N_ELEMENTS (languages) || selected == self->language)
    return;

  self->language = selected;
  _crm_script_editor_rebuild (self);
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
  _crm_script_editor_rebuild (self);
}

static void
stage_selected_cb (CrmScriptEditor *self,
                   GtkListBoxRow   *row)
{
  if (self->syncing || self->disposing || row == NULL ||
      (guint)gtk_list_box_row_get_index (row) == self->stage)
    return;

  self->stage = gtk_list_box_row_get_index (row);
  _crm_script_editor_build_stage (self);
  _crm_script_editor_update_actions (self);

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
  _crm_script_editor_load_draft (self);
  if (procedure != NULL)
    adw_view_switcher_title_set_subtitle (self->switcher_title,
                                          crm_text_get (crm_procedure_get_name (procedure)));

  _crm_script_editor_setup_fields (self);
  setup_sources (self);
  _crm_script_editor_rebuild (self);
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

  _crm_script_editor_class_stage_init (widget_class);
  _crm_script_editor_class_actions_init (widget_class);
}

static void
crm_script_editor_init (CrmScriptEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_keys = g_ptr_array_new_with_free_func (g_free);
  self->field_names = gtk_string_list_new (NULL);
  self->source_checks = g_ptr_array_new ();

  _crm_script_editor_bind_text_row (self, self->script_name_row, CRM_SCRIPT_TEXT_SCRIPT_NAME, 0,
                                    C_("script or stage", "Name"));
  _crm_script_editor_bind_text_row (self, self->opening_row, CRM_SCRIPT_TEXT_OPENING, 0,
                                    _("Opening Line"));
  _crm_script_editor_bind_text_row (self, self->stage_name_row, CRM_SCRIPT_TEXT_STAGE_NAME, 0,
                                    C_("script or stage", "Name"));
  _crm_script_editor_bind_text_row (self, self->goal_row, CRM_SCRIPT_TEXT_GOAL, 0,
                                    _("Goal"));
  _crm_script_editor_bind_text_row (self, self->situation_row, CRM_SCRIPT_TEXT_SITUATION_CHECK, 0,
                                    _("Question"));
  _crm_script_editor_bind_text_row (self, self->summary_subject_row, CRM_SCRIPT_TEXT_SUMMARY_SUBJECT, 0,
                                    _("Subject"));
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

/* Private API */

const char *
_crm_script_editor_current_language (CrmScriptEditor *self)
{
  return current_language (self);
}

void
_crm_script_editor_show_error (CrmScriptEditor *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The script's name, as typed, in the list of scripts. */
void
_crm_script_editor_sync_script_name (CrmScriptEditor *self)
{
  g_autofree char *label = dup_script_label (self, self->script);
  const char * const labels[] = { label, NULL };

  self->syncing = TRUE;
  gtk_string_list_splice (self->script_list, self->script, 1, labels);
  adw_combo_row_set_selected (self->script_row, self->script);
  self->syncing = FALSE;
}

/* The stage's name, as typed, in the list of stages. */
void
_crm_script_editor_sync_stage_name (CrmScriptEditor *self)
{
  GtkListBoxRow *stage_row = gtk_list_box_get_row_at_index (self->stages_list, self->stage);
  g_autofree char *label = dup_stage_label (self, self->stage);

  if (stage_row != NULL)
    gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (stage_row)), label);
}

void
_crm_script_editor_saved (CrmScriptEditor *self)
{
  g_signal_emit (self, signals [SAVED], 0);
}
