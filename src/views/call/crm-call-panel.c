/* crm-call-panel.c
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

#define G_LOG_DOMAIN "crm-call-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-panel-private.h"
#include "crm-strings.h"

#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-store.h"

/* The call-script panel beside the deal card: a running call with its
 * timer, the sales situation check (TW-2), the stages of the procedure's
 * script in order (TW-3) with their goal, opening line (AXL-7), prompts,
 * checklist, questions that feed the deal's fields (TW-3, RAD-10, CON-3),
 * the price rule (CON-4), the payment terms in order (TW-6) and the
 * answers to objections, and then the end of the call (TW-4). The rules
 * are the session's (CrmCallSession); the panel shows them and says why
 * when the session refuses. A procedure without a script gets a plain
 * call: timer, notes, end of call. */

G_DEFINE_FINAL_TYPE (CrmCallPanel, crm_call_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_RUNNING,
  N_PROPS
};

enum {
  ANSWER_SAVED,
  FINISHED,
  DISCARDED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static void
set_running (CrmCallPanel *self,
             gboolean      running)
{
  running = !!running;
  if (self->running == running)
    return;

  /* The timer follows by its binding in the template. */
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

/* Where the call is */

void
_crm_call_panel_set_progress (CrmCallPanel *self,
                              double        fraction,
                              const char   *text)
{
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

/* What the rep can do depends on the page and the stage: the script can
 * still be changed before the first stage is passed, and only a running
 * call can be ended. */
void
_crm_call_panel_update_chrome (CrmCallPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CrmProcedure *procedure = _crm_call_panel_get_procedure (self);
  gboolean on_situation = _crm_call_panel_on_page (self, "situation");
  gboolean on_stage = _crm_call_panel_on_page (self, "stage");
  gboolean scripted = on_situation || on_stage;
  gboolean several = procedure != NULL && crm_procedure_get_n_call_scripts (procedure) > 1;
  gboolean ending = _crm_call_panel_on_page (self, "end");
  int index = _crm_call_panel_get_stage_index (self);
  g_auto(GStrv) visited = self->session != NULL ? crm_call_session_dup_visited_stages (self->session) : NULL;
  /* Once the first stage is over the call follows its script to the end. */
  gboolean changeable = visited == NULL || g_strv_length (visited) <= 1;

  gtk_widget_set_visible (self->script_box, several && scripted && index <= 0 && changeable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), scripted);
  gtk_widget_set_visible (GTK_WIDGET (self->end_button), self->running && !ending);

  gtk_widget_action_set_enabled (widget, "call.situation", self->running && on_situation);
  gtk_widget_action_set_enabled (widget, "call.next", self->running && on_stage);
  gtk_widget_action_set_enabled (widget, "call.previous", self->running && on_stage && index > 0);
  gtk_widget_action_set_enabled (widget, "call.end", self->running && !ending);
  gtk_widget_action_set_enabled (widget, "call.demand-price",
                                 self->running && self->session != NULL &&
                                 crm_call_session_is_first_conversation (self->session) &&
                                 !crm_call_session_get_price_demanded (self->session));
}

void
_crm_call_panel_show_refusal (CrmCallPanel *self,
                              const char   *message)
{
  gtk_label_set_text (self->refusal_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->refusal_box, message != NULL);
}

static void
show_situation (CrmCallPanel *self)
{
  const CrmText *check = crm_procedure_get_situation_check (_crm_call_panel_get_procedure (self));
  const char *rule = crm_procedure_get_situation_rule (_crm_call_panel_get_procedure (self));

  gtk_label_set_text (self->situation_label, check != NULL ? crm_text_get (check) : "");
  gtk_label_set_text (self->situation_rule_label, rule != NULL ? rule : "");
  gtk_widget_set_visible (GTK_WIDGET (self->situation_rule_label), rule != NULL);
  /* Translators: the progress of a call before its script starts: the
   * check that the customer can talk now and listen (TW-2) */
  _crm_call_panel_set_progress (self, 0, _("Sales situation"));

  gtk_stack_set_visible_child_name (self->stack, "situation");
  _crm_call_panel_update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->yes_button));
}

static void
show_plain (CrmCallPanel *self)
{
  gtk_stack_set_visible_child_name (self->stack, "plain");
  _crm_call_panel_update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static char *
dup_plain_notes (CrmCallPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_crm_call_panel_show_end (CrmCallPanel   *self,
                          CrmCallOutcome  outcome)
{
  g_autofree char *notes = dup_plain_notes (self);

  crm_call_end_page_prepare (self->end_page, self->session, outcome, self->situation_refused, notes);
  gtk_stack_set_visible_child_name (self->stack, "end");
  _crm_call_panel_update_chrome (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->end_page));
}

static void
fill_scripts (CrmCallPanel *self)
{
  CrmProcedure *proc = _crm_call_panel_get_procedure (self);
  guint n_scripts = proc != NULL ? crm_procedure_get_n_call_scripts (proc) : 0;
  const CrmCallScript *current = _crm_call_panel_get_script (self);
  guint selected = 0;

  self->filling_scripts = TRUE;
  gtk_string_list_splice (self->script_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->script_names)), NULL);

  for (guint i = 0; i < n_scripts; i++)
    {
      const CrmCallScript *each = crm_procedure_get_call_script (proc, i);

      gtk_string_list_append (self->script_names, crm_text_get (&each->name));
      if (current != NULL && g_strcmp0 (each->key, current->key) == 0)
        selected = i;
    }

  gtk_drop_down_set_selected (self->script_dropdown, selected);
  self->filling_scripts = FALSE;
}

/* Signal callbacks */

static void
script_selected_cb (CrmCallPanel *self)
{
  CrmProcedure *proc = _crm_call_panel_get_procedure (self);
  guint selected = gtk_drop_down_get_selected (self->script_dropdown);
  const CrmCallScript *current = _crm_call_panel_get_script (self);
  const CrmCallScript *chosen;
  g_autoptr(GError) error = NULL;

  if (self->filling_scripts || self->session == NULL || proc == NULL ||
      selected >= crm_procedure_get_n_call_scripts (proc))
    return;

  chosen = crm_procedure_get_call_script (proc, selected);
  if (current != NULL && g_strcmp0 (chosen->key, current->key) == 0)
    return;

  if (!crm_call_session_set_script (self->session, chosen->key, &error))
    {
      /* The drop-down goes back to the script the call follows. */
      fill_scripts (self);
      if (_crm_call_panel_on_page (self, "stage"))
        _crm_call_panel_show_refusal (self, error->message);
      return;
    }

  if (_crm_call_panel_on_page (self, "stage"))
    _crm_call_panel_show_stage (self);
}

static void
end_saved_cb (CrmCallPanel *self,
              gint64        activity_id)
{
  set_running (self, FALSE);
  _crm_call_panel_update_chrome (self);

  g_signal_emit (self, signals [FINISHED], 0, activity_id);
}

static void
end_back_cb (CrmCallPanel *self)
{
  if (_crm_call_panel_get_script (self) == NULL)
    show_plain (self);
  else if (_crm_call_panel_get_stage_index (self) < 0 &&
           crm_call_session_needs_situation_check (self->session))
    show_situation (self);
  else
    {
      _crm_call_panel_show_stage (self);
      _crm_call_panel_focus_stage (self);
    }
}

static void
discard_response_cb (CrmCallPanel     *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    crm_call_panel_discard (self);
}

/* GObject overrides */

static void
crm_call_panel_dispose (GObject *object)
{
  CrmCallPanel *self = (CrmCallPanel *)object;

  if (self->discard_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->discard_dialog));
  g_clear_weak_pointer (&self->discard_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CALL_PANEL);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_call_panel_parent_class)->dispose (object);
}

static void
crm_call_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmCallPanel *self = CRM_CALL_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmCallPanel *self = CRM_CALL_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_panel_class_init (CrmCallPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_call_panel_dispose;
  object_class->get_property = crm_call_panel_get_property;
  object_class->set_property = crm_call_panel_set_property;

  /**
   * CrmCallPanel:store:
   *
   * The store the call is logged in.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallPanel:deal-id:
   *
   * The deal called about.
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallPanel:running:
   *
   * Whether a call was started and is neither logged nor discarded.
   */
  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmCallPanel::answer-saved:
   * @self: a #CrmCallPanel
   * @field: the field of the deal an answer was saved to
   *
   * Emitted after an answer was written to a field of the deal, so that
   * the deal card can show the stored value.
   */
  signals [ANSWER_SAVED] =
    g_signal_new ("answer-saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CrmCallPanel::finished:
   * @self: a #CrmCallPanel
   * @activity_id: the call logged in the deal's history
   *
   * Emitted after the call was logged with its outcome, note and next
   * contact.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CrmCallPanel::discarded:
   * @self: a #CrmCallPanel
   *
   * Emitted when the rep discarded the running call without logging it.
   */
  signals [DISCARDED] =
    g_signal_new ("discarded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (CRM_TYPE_CALL_END_PAGE);
  g_type_ensure (CRM_TYPE_CALL_TIMER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-call-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, timer);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, end_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, script_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, script_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, script_names);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, situation_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, situation_rule_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, yes_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, no_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, stage_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, stage_name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, goal_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, opening_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, opening_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, prompts_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, questions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, questions_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, price_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, price_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, demand_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, terms_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, terms_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, objections_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, objections_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, previous_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, end_page);
  gtk_widget_class_bind_template_callback (widget_class, script_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_back_cb);

  _crm_call_panel_class_actions_init (widget_class);
}

static void
crm_call_panel_init (CrmCallPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new ();
  _crm_call_panel_add_shortcuts (self);
  _crm_call_panel_update_chrome (self);
}

/* Public API */

/**
 * crm_call_panel_new:
 * @store: the store
 * @deal_id: the deal to call about
 *
 * Returns: (transfer floating): a new call panel; crm_call_panel_start()
 *   starts the call
 */
GtkWidget *
crm_call_panel_new (CrmStore *store,
                    gint64    deal_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  return g_object_new (CRM_TYPE_CALL_PANEL,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);
}

CrmStore *
crm_call_panel_get_store (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), NULL);

  return self->store;
}

gint64
crm_call_panel_get_deal_id (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), 0);

  return self->deal_id;
}

/**
 * crm_call_panel_start:
 * @self: a #CrmCallPanel
 * @error: return location for a #GError
 *
 * Starts the call: a #CrmCallSession on the script the deal's source picks,
 * the timer, and the first page: the sales situation check (TW-2) where
 * the procedure has one, else the first stage, or the notes of a plain
 * call when the procedure has no script.
 *
 * Returns: %TRUE when the call runs
 */
gboolean
crm_call_panel_start (CrmCallPanel  *self,
                      GError       **error)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  self->session = crm_call_session_new (self->store, self->deal_id, NULL, error);
  if (self->session == NULL)
    return FALSE;

  crm_call_timer_set_session (self->timer, self->session);
  set_running (self, TRUE);
  fill_scripts (self);

  if (_crm_call_panel_get_script (self) == NULL)
    show_plain (self);
  else if (crm_call_session_needs_situation_check (self->session))
    show_situation (self);
  else
    {
      _crm_call_panel_show_stage (self);
      _crm_call_panel_focus_stage (self);
    }

  return TRUE;
}

gboolean
crm_call_panel_get_running (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), FALSE);

  return self->running;
}

/**
 * crm_call_panel_get_session:
 * @self: a #CrmCallPanel
 *
 * Returns: (transfer none) (nullable): the call, once started
 */
CrmCallSession *
crm_call_panel_get_session (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), NULL);

  return self->session;
}

/**
 * crm_call_panel_get_page:
 * @self: a #CrmCallPanel
 *
 * Returns: which page shows: "situation", "stage", "plain" or "end"
 */
const char *
crm_call_panel_get_page (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * crm_call_panel_find_question:
 * @self: a #CrmCallPanel
 * @key: a question key of the script
 *
 * Returns: (transfer none) (nullable): the question's widget when the
 *   current stage asks it
 */
CrmCallQuestion *
crm_call_panel_find_question (CrmCallPanel *self,
                              const char   *key)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      CrmCallQuestion *question = g_ptr_array_index (self->questions, i);

      if (g_strcmp0 (crm_call_question_get_question (question)->key, key) == 0)
        return question;
    }

  return NULL;
}

CrmCallEndPage *
crm_call_panel_get_end_page (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), NULL);

  return self->end_page;
}

/**
 * crm_call_panel_next:
 * @self: a #CrmCallPanel
 *
 * Saves what is typed in the stage's questions and goes on to the next
 * stage, or from the last one to the end of the call. Refused while a
 * mandatory question of this or an earlier stage is unanswered (TW-3):
 * the stage stays and a message lists the questions.
 *
 * Returns: %TRUE when the call went on
 */
gboolean
crm_call_panel_next (CrmCallPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), FALSE);

  if (!self->running || !_crm_call_panel_on_page (self, "stage") ||
      !_crm_call_panel_commit_questions (self))
    return FALSE;

  if (_crm_call_panel_get_stage_index (self) + 1 >= (int)_crm_call_panel_get_n_stages (self))
    {
      if (_crm_call_panel_show_unanswered (self))
        return FALSE;

      self->talked = TRUE;
      _crm_call_panel_show_end (self, CRM_CALL_REACHED);
      return TRUE;
    }

  if (!crm_call_session_advance (self->session, &error))
    {
      if (!g_error_matches (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED) ||
          !_crm_call_panel_show_unanswered (self))
        _crm_call_panel_show_refusal (self, error->message);
      return FALSE;
    }

  self->talked = TRUE;
  _crm_call_panel_show_stage (self);
  _crm_call_panel_focus_stage (self);

  return TRUE;
}

/**
 * crm_call_panel_previous:
 * @self: a #CrmCallPanel
 *
 * Saves what is typed and goes back one stage.
 *
 * Returns: %TRUE when the call went back
 */
gboolean
crm_call_panel_previous (CrmCallPanel *self)
{
  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), FALSE);

  if (!self->running || !_crm_call_panel_on_page (self, "stage") ||
      !_crm_call_panel_commit_questions (self))
    return FALSE;

  if (!crm_call_session_go_back (self->session))
    return FALSE;

  _crm_call_panel_show_stage (self);
  _crm_call_panel_focus_stage (self);

  return TRUE;
}

/**
 * crm_call_panel_end:
 * @self: a #CrmCallPanel
 *
 * Ends the conversation and shows the end of the call, whatever stage it
 * is at (the customer may hang up): the outcome, the note and the next
 * contact.
 *
 * Returns: %TRUE when the end of the call shows
 */
gboolean
crm_call_panel_end (CrmCallPanel *self)
{
  CrmCallOutcome outcome = CRM_CALL_NONE;

  g_return_val_if_fail (CRM_IS_CALL_PANEL (self), FALSE);

  if (!self->running || _crm_call_panel_on_page (self, "end"))
    return FALSE;

  if (_crm_call_panel_on_page (self, "stage") && !_crm_call_panel_commit_questions (self))
    return FALSE;

  if (self->situation_refused)
    outcome = CRM_CALL_CALL_BACK;
  else if (self->talked)
    outcome = CRM_CALL_REACHED;

  _crm_call_panel_show_end (self, outcome);

  return TRUE;
}

/**
 * crm_call_panel_ask_discard:
 * @self: a #CrmCallPanel
 *
 * Asks whether to discard the running call; Escape and closing the card
 * come here, so that a call is never lost by a stray key.
 */
void
crm_call_panel_ask_discard (CrmCallPanel *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (CRM_IS_CALL_PANEL (self));

  if (!self->running)
    return;

  if (self->discard_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->discard_dialog));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard the Call?"),
                                   _("The call is not logged. Answers already saved to the deal stay there."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Calling"),
                                    "discard", _("_Discard Call"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->discard_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * crm_call_panel_discard:
 * @self: a #CrmCallPanel
 *
 * Stops the running call without logging it. Answers saved to the deal's
 * fields during the call stay.
 */
void
crm_call_panel_discard (CrmCallPanel *self)
{
  g_return_if_fail (CRM_IS_CALL_PANEL (self));

  if (!self->running)
    return;

  set_running (self, FALSE);
  _crm_call_panel_update_chrome (self);

  g_signal_emit (self, signals [DISCARDED], 0);
}

/* Private API */

void
_crm_call_panel_answer_saved (CrmCallPanel *self,
                              const char   *field)
{
  g_signal_emit (self, signals [ANSWER_SAVED], 0, field);
}
