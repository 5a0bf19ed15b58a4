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

#include "crm-call-panel.h"
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

struct _CrmCallPanel
{
  GtkBox            parent_instance;

  /* Owned references */
  CrmStore         *store;
  CrmCallSession   *session;
  GPtrArray        *questions;        /* (element-type CrmCallQuestion): the stage's, unowned */

  gint64            deal_id;
  guint             timer_source;
  AdwMessageDialog *discard_dialog;   /* weak: open while asking */

  /* Template widgets */
  GtkLabel         *timer_label;
  GtkButton        *end_button;
  GtkWidget        *script_box;
  GtkDropDown      *script_dropdown;
  GtkStringList    *script_names;
  GtkProgressBar   *progress_bar;
  GtkStack         *stack;
  GtkLabel         *situation_label;
  GtkLabel         *situation_rule_label;
  GtkButton        *yes_button;
  GtkButton        *no_button;
  GtkScrolledWindow *stage_scroller;
  GtkLabel         *stage_name_label;
  GtkLabel         *goal_label;
  GtkWidget        *opening_box;
  GtkLabel         *opening_label;
  GtkWidget        *prompts_box;
  GtkWidget        *prompts_list;
  GtkWidget        *checklist_box;
  GtkListBox       *checklist_list;
  GtkWidget        *questions_box;
  GtkWidget        *questions_list;
  GtkWidget        *price_box;
  GtkLabel         *price_label;
  GtkButton        *demand_button;
  GtkWidget        *terms_box;
  GtkListBox       *terms_list;
  GtkWidget        *objections_box;
  GtkWidget        *objections_list;
  GtkWidget        *refusal_box;
  GtkLabel         *refusal_label;
  GtkButton        *previous_button;
  GtkButton        *next_button;
  GtkTextView      *notes_view;
  CrmCallEndPage   *end_page;

  guint             running : 1;
  /* TW-2: the customer could not talk; the call ends as a call-back. */
  guint             situation_refused : 1;
  /* The customer talked: the situation check said yes, or a stage was
   * passed. Ending such a call preselects “reached”. */
  guint             talked : 1;
  /* The script drop-down is being filled, or put back after a refusal. */
  guint             filling_scripts : 1;
};

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

static CrmProcedure *
procedure (CrmCallPanel *self)
{
  /* NULL while the panel is being built, before it has its store. */
  return self->store != NULL ? crm_store_get_procedure (self->store) : NULL;
}

static const CrmCallScript *
script (CrmCallPanel *self)
{
  return self->session != NULL ? crm_call_session_get_script (self->session) : NULL;
}

static guint
n_stages (CrmCallPanel *self)
{
  const CrmCallScript *current = script (self);

  return current != NULL && current->stages != NULL ? current->stages->len : 0;
}

static int
stage_index (CrmCallPanel *self)
{
  return self->session != NULL ? crm_call_session_get_stage_index (self->session) : -1;
}

static gboolean
on_page (CrmCallPanel *self,
         const char   *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
new_wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

static void
set_running (CrmCallPanel *self,
             gboolean      running)
{
  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  if (!running)
    g_clear_handle_id (&self->timer_source, g_source_remove);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

/* The timer */

static void
update_timer (CrmCallPanel *self)
{
  guint elapsed = self->session != NULL ? crm_call_session_get_elapsed (self->session) : 0;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (elapsed >= 3600)
    text = g_strdup_printf ("%u:%02u:%02u", elapsed / 3600, elapsed / 60 % 60, elapsed % 60);
  else
    text = g_strdup_printf ("%02u:%02u", elapsed / 60, elapsed % 60);

  gtk_label_set_text (self->timer_label, text);

  /* Translators: what a screen reader says for the call timer; %s is 04:12 */
  spoken = g_strdup_printf (_("Call time %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static gboolean
timer_cb (gpointer user_data)
{
  update_timer (user_data);

  return G_SOURCE_CONTINUE;
}

/* Where the call is */

static void
set_progress (CrmCallPanel *self,
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
static void
update_chrome (CrmCallPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean scripted = on_page (self, "situation") || on_page (self, "stage");
  gboolean several = procedure (self) != NULL && crm_procedure_get_n_call_scripts (procedure (self)) > 1;
  gboolean ending = on_page (self, "end");
  int index = stage_index (self);
  g_auto(GStrv) visited = self->session != NULL ? crm_call_session_dup_visited_stages (self->session) : NULL;
  /* Once the first stage is over the call follows its script to the end. */
  gboolean changeable = visited == NULL || g_strv_length (visited) <= 1;

  gtk_widget_set_visible (self->script_box, several && scripted && index <= 0 && changeable);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), scripted);
  gtk_widget_set_visible (GTK_WIDGET (self->end_button), self->running && !ending);

  gtk_widget_action_set_enabled (widget, "call.situation", self->running && on_page (self, "situation"));
  gtk_widget_action_set_enabled (widget, "call.next", self->running && on_page (self, "stage"));
  gtk_widget_action_set_enabled (widget, "call.previous", self->running && on_page (self, "stage") && index > 0);
  gtk_widget_action_set_enabled (widget, "call.end", self->running && !ending);
  gtk_widget_action_set_enabled (widget, "call.demand-price",
                                 self->running && self->session != NULL &&
                                 crm_call_session_is_first_conversation (self->session) &&
                                 !crm_call_session_get_price_demanded (self->session));
}

static void
show_refusal (CrmCallPanel *self,
              const char   *message)
{
  gtk_label_set_text (self->refusal_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->refusal_box, message != NULL);
}

/* Guards */

static char *
dup_currency (CrmCallPanel *self)
{
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  const char *currency = deal != NULL ? crm_deal_get_currency (deal) : NULL;

  if (crm_str_is_blank (currency) && procedure (self) != NULL)
    currency = crm_procedure_get_currency (procedure (self));

  return g_strdup (currency);
}

/* CON-4: on a first conversation no price is named unless the customer
 * demands one, and then the lower bound of the price list; later calls
 * see the lower bound at once. */
static void
update_price (CrmCallPanel *self)
{
  gboolean first = crm_call_session_is_first_conversation (self->session);
  gboolean demanded = crm_call_session_get_price_demanded (self->session);
  g_autofree char *currency = NULL;
  g_autofree char *text = NULL;
  gint64 floor = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->demand_button), first && !demanded);

  if (first && !demanded)
    {
      gtk_label_set_text (self->price_label,
                          _("A first conversation: name no price unless the customer demands it."));
      return;
    }

  currency = dup_currency (self);
  if (currency != NULL && crm_store_get_price_floor (self->store, currency, &floor))
    {
      g_autofree char *amount = crm_format_amount (floor, currency);

      if (first)
        /* Translators: %s is an amount, ₪1,200 */
        text = g_strdup_printf (_("The customer demands the price: name the lower bound of the price list, from %s."),
                                amount);
      else
        /* Translators: %s is an amount, ₪1,200 */
        text = g_strdup_printf (_("The price list starts from %s."), amount);
    }
  else
    /* Translators: %s is a currency code, ILS */
    text = g_strdup_printf (_("The price list has no product in %s yet: ask the sales manager for the price."),
                            currency != NULL ? currency : "");

  gtk_label_set_text (self->price_label, text);
}

static char *
dup_term_details (const CrmPaymentTerm *term,
                  guint                 position)
{
  g_autoptr(GString) details = g_string_new (NULL);

  if (position == 0)
    /* Translators: said of the first payment term, the default (TW-6) */
    g_string_append (details, _("Offer this first"));

  if (term->max_installments > 0)
    {
      if (details->len > 0)
        /* Translators: between the details of a payment term */
        g_string_append (details, _(" · "));
      g_string_append_printf (details,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "Up to %u instalment",
                                           "Up to %u instalments",
                                           term->max_installments),
                              term->max_installments);
    }

  if (term->needs_approval)
    {
      if (details->len > 0)
        g_string_append (details, _(" · "));
      g_string_append (details, _("Needs the sales manager’s approval"));
    }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

/* TW-6: the terms in the procedure's order; the first is the default,
 * and the ones that need the manager say so. */
static void
fill_terms (CrmCallPanel *self)
{
  guint n_terms = crm_procedure_get_n_payment_terms (procedure (self));

  remove_children (GTK_WIDGET (self->terms_list));

  for (guint i = 0; i < n_terms; i++)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (procedure (self), i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *details = dup_term_details (term, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *prefix = gtk_label_new (number);

      /* Term names come from the procedure template, not from markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_text_get (&term->name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      gtk_widget_add_css_class (prefix, "numeric");
      gtk_widget_add_css_class (prefix, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

      if (term->needs_approval)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Needs the sales manager’s approval"),
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }

      gtk_list_box_append (self->terms_list, row);
    }
}

/* Building a stage */

static void
fill_prompts (CrmCallPanel         *self,
              const CrmScriptStage *stage)
{
  guint n_prompts = stage->prompts != NULL ? stage->prompts->len : 0;

  remove_children (self->prompts_list);

  for (guint i = 0; i < n_prompts; i++)
    {
      const CrmText *prompt = g_ptr_array_index (stage->prompts, i);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *bullet = gtk_label_new ("•");
      GtkWidget *label = new_wrapped_label (crm_text_get (prompt));

      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bullet),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                      -1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (line), bullet);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (self->prompts_list), line);
    }

  gtk_widget_set_visible (self->prompts_box, n_prompts > 0);
}

static void
item_toggled_cb (GtkCheckButton *check,
                 CrmCallPanel   *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "crm-item-key");

  if (self->session != NULL && self->running)
    crm_call_session_set_checked (self->session, key, gtk_check_button_get_active (check));
}

static void
fill_checklist (CrmCallPanel         *self,
                const CrmScriptStage *stage)
{
  guint n_items = stage->checklist != NULL ? stage->checklist->len : 0;

  remove_children (GTK_WIDGET (self->checklist_list));

  for (guint i = 0; i < n_items; i++)
    {
      const CrmScriptItem *item = g_ptr_array_index (stage->checklist, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Items come from the procedure template, not from markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_text_get (&item->text));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   crm_call_session_get_checked (self->session, item->key));
      g_object_set_data_full (G_OBJECT (check), "crm-item-key", g_strdup (item->key), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (item_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->checklist_list, row);
    }

  gtk_widget_set_visible (self->checklist_box, n_items > 0);
}

static void update_refusal_after_answer (CrmCallPanel *self);

static void
question_answered_cb (CrmCallPanel    *self,
                      const char      *field,
                      CrmCallQuestion *question)
{
  update_refusal_after_answer (self);

  if (field != NULL)
    g_signal_emit (self, signals [ANSWER_SAVED], 0, field);
}

static void
fill_questions (CrmCallPanel         *self,
                const CrmScriptStage *stage)
{
  guint n_questions = stage->questions != NULL ? stage->questions->len : 0;

  remove_children (self->questions_list);
  g_ptr_array_set_size (self->questions, 0);

  for (guint i = 0; i < n_questions; i++)
    {
      const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, i);
      GtkWidget *widget = crm_call_question_new (self->session, question);

      g_signal_connect_object (widget, "answered", G_CALLBACK (question_answered_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->questions_list), widget);
      g_ptr_array_add (self->questions, widget);
    }

  gtk_widget_set_visible (self->questions_box, n_questions > 0);
}

static void
fill_objections (CrmCallPanel         *self,
                 const CrmScriptStage *stage)
{
  guint n_objections = stage->objections != NULL ? stage->objections->len : 0;

  remove_children (self->objections_list);

  for (guint i = 0; i < n_objections; i++)
    {
      const CrmScriptObjection *objection = g_ptr_array_index (stage->objections, i);
      GtkWidget *expander = gtk_expander_new (NULL);
      GtkWidget *title = new_wrapped_label (crm_text_get (&objection->objection));
      GtkWidget *answer = new_wrapped_label (crm_text_get (&objection->answer));

      /* The objection is what the customer says; the answer is the
       * rep's, revealed on demand so the stage stays short. The answer is
       * not selectable: a hidden selectable label keeps the focus in a
       * collapsed expander for good (GTK 4.8). */
      gtk_widget_set_hexpand (title, TRUE);
      gtk_expander_set_label_widget (GTK_EXPANDER (expander), title);
      gtk_widget_set_margin_top (answer, 6);
      gtk_widget_set_margin_bottom (answer, 6);
      gtk_widget_set_margin_start (answer, 18);
      gtk_widget_add_css_class (answer, "dim-label");
      gtk_expander_set_child (GTK_EXPANDER (expander), answer);
      gtk_box_append (GTK_BOX (self->objections_list), expander);
    }

  gtk_widget_set_visible (self->objections_box, n_objections > 0);
}

static void
fill_guards (CrmCallPanel         *self,
             const CrmScriptStage *stage)
{
  gboolean price = (stage->guards & CRM_SCRIPT_GUARD_PRICE_RULE) != 0;
  gboolean terms = (stage->guards & CRM_SCRIPT_GUARD_PAYMENT_TERMS) != 0 &&
                   crm_procedure_get_n_payment_terms (procedure (self)) > 0;

  gtk_widget_set_visible (self->price_box, price);
  if (price)
    update_price (self);

  gtk_widget_set_visible (self->terms_box, terms);
  if (terms)
    fill_terms (self);
}

static void
fill_heading (CrmCallPanel         *self,
              const CrmScriptStage *stage)
{
  int index = stage_index (self);
  g_autofree char *opening = index == 0 ? crm_call_session_dup_opening (self->session) : NULL;
  /* Translators: where a call is in its script, “Stage 2 of 4” */
  g_autofree char *progress = g_strdup_printf (_("Stage %u of %u"), (guint)index + 1, n_stages (self));

  set_progress (self, (double)(index + 1) / MAX (n_stages (self), 1), progress);

  gtk_label_set_text (self->stage_name_label, crm_text_get (&stage->name));
  gtk_widget_set_visible (GTK_WIDGET (self->goal_label), stage->goal.en != NULL);
  if (stage->goal.en != NULL)
    {
      /* Translators: %s is the goal of a call-script stage */
      g_autofree char *goal = g_strdup_printf (_("Goal: %s"), crm_text_get (&stage->goal));

      gtk_label_set_text (self->goal_label, goal);
    }

  gtk_label_set_text (self->opening_label, opening != NULL ? opening : "");
  gtk_widget_set_visible (self->opening_box, opening != NULL);
}

/* The stage the session is at, built afresh: the answers live in the
 * session, not in the widgets. */
static void
show_stage (CrmCallPanel *self)
{
  const CrmScriptStage *stage = crm_call_session_get_stage (self->session);
  gboolean last = stage_index (self) + 1 >= (int)n_stages (self);

  g_return_if_fail (stage != NULL);

  fill_heading (self, stage);
  fill_prompts (self, stage);
  fill_checklist (self, stage);
  fill_questions (self, stage);
  fill_guards (self, stage);
  fill_objections (self, stage);
  show_refusal (self, NULL);

  gtk_button_set_label (self->next_button, last ? _("_Finish") : _("N_ext Stage"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->stage_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "stage");
  update_chrome (self);
}

static void
focus_stage (CrmCallPanel *self)
{
  /* The first question is what the rep fills in next; without one, the
   * way on. */
  if (self->questions->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->questions, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
show_situation (CrmCallPanel *self)
{
  const CrmText *check = crm_procedure_get_situation_check (procedure (self));
  const char *rule = crm_procedure_get_situation_rule (procedure (self));

  gtk_label_set_text (self->situation_label, check != NULL ? crm_text_get (check) : "");
  gtk_label_set_text (self->situation_rule_label, rule != NULL ? rule : "");
  gtk_widget_set_visible (GTK_WIDGET (self->situation_rule_label), rule != NULL);
  /* Translators: the progress of a call before its script starts: the
   * check that the customer can talk now and listen (TW-2) */
  set_progress (self, 0, _("Sales situation"));

  gtk_stack_set_visible_child_name (self->stack, "situation");
  update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->yes_button));
}

static void
show_plain (CrmCallPanel *self)
{
  gtk_stack_set_visible_child_name (self->stack, "plain");
  update_chrome (self);
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

static void
show_end (CrmCallPanel   *self,
          CrmCallOutcome  outcome)
{
  g_autofree char *notes = dup_plain_notes (self);

  crm_call_end_page_prepare (self->end_page, self->session, outcome, self->situation_refused, notes);
  gtk_stack_set_visible_child_name (self->stack, "end");
  update_chrome (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->end_page));
}

static void
fill_scripts (CrmCallPanel *self)
{
  CrmProcedure *proc = procedure (self);
  guint n_scripts = proc != NULL ? crm_procedure_get_n_call_scripts (proc) : 0;
  const CrmCallScript *current = script (self);
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

/* Answers */

/* Gives @widget the focus and scrolls the stage to put it at the top;
 * GTK 4.8's viewport does not follow the focus by itself. The page is
 * about to shrink when a refusal appears under it, so the widget goes to
 * the top rather than just into view. */
static void
focus_in_stage (CrmCallPanel *self,
                GtkWidget    *widget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->stage_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->stage_scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  double x, y;

  gtk_widget_grab_focus (widget);

  if (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, y - 12);
}

/* Records what is typed in every question of the stage; a refused answer
 * stays at its question. */
static gboolean
commit_questions (CrmCallPanel *self)
{
  CrmCallQuestion *first_refused = NULL;

  for (guint i = 0; i < self->questions->len; i++)
    {
      CrmCallQuestion *question = g_ptr_array_index (self->questions, i);

      if (!crm_call_question_commit (question) && first_refused == NULL)
        first_refused = question;
    }

  if (first_refused == NULL)
    return TRUE;

  show_refusal (self, _("An answer could not be saved: correct it, or clear it."));
  focus_in_stage (self, GTK_WIDGET (first_refused));

  return FALSE;
}

static gboolean
question_in (GPtrArray               *questions,
             const CrmScriptQuestion *question)
{
  for (guint i = 0; questions != NULL && i < questions->len; i++)
    if (g_ptr_array_index (questions, i) == question ||
        g_strcmp0 (((CrmScriptQuestion *)g_ptr_array_index (questions, i))->key, question->key) == 0)
      return TRUE;

  return FALSE;
}

/* TW-3: the questions the call cannot go on without, listed by their
 * text and pointed at. Returns whether any is left. */
static gboolean
show_unanswered (CrmCallPanel *self)
{
  g_autoptr(GPtrArray) unanswered = crm_call_session_list_unanswered (self->session, stage_index (self));
  g_autoptr(GString) text = g_string_new (_("Ask these before going on:"));
  CrmCallQuestion *first = NULL;

  for (guint i = 0; unanswered != NULL && i < unanswered->len; i++)
    {
      const CrmScriptQuestion *question = g_ptr_array_index (unanswered, i);

      g_string_append_printf (text, "\n• %s", crm_text_get (&question->text));
    }

  for (guint i = 0; i < self->questions->len; i++)
    {
      CrmCallQuestion *widget = g_ptr_array_index (self->questions, i);
      gboolean flagged = question_in (unanswered, crm_call_question_get_question (widget));

      crm_call_question_set_flagged (widget, flagged);
      if (flagged && first == NULL)
        first = widget;
    }

  if (unanswered == NULL || unanswered->len == 0)
    {
      show_refusal (self, NULL);
      return FALSE;
    }

  show_refusal (self, text->str);
  if (first != NULL)
    focus_in_stage (self, GTK_WIDGET (first));

  return TRUE;
}

/* Once the refusal is on screen it follows the answers, and goes when
 * the last missing one is given. */
static void
update_refusal_after_answer (CrmCallPanel *self)
{
  g_autoptr(GPtrArray) unanswered = NULL;

  if (!gtk_widget_get_visible (self->refusal_box) || self->session == NULL)
    return;

  unanswered = crm_call_session_list_unanswered (self->session, stage_index (self));
  if (unanswered == NULL || unanswered->len == 0)
    show_refusal (self, NULL);
}

/* Signal callbacks */

static void
script_selected_cb (CrmCallPanel *self)
{
  CrmProcedure *proc = procedure (self);
  guint selected = gtk_drop_down_get_selected (self->script_dropdown);
  const CrmCallScript *chosen;
  g_autoptr(GError) error = NULL;

  if (self->filling_scripts || self->session == NULL || proc == NULL ||
      selected >= crm_procedure_get_n_call_scripts (proc))
    return;

  chosen = crm_procedure_get_call_script (proc, selected);
  if (script (self) != NULL && g_strcmp0 (chosen->key, script (self)->key) == 0)
    return;

  if (!crm_call_session_set_script (self->session, chosen->key, &error))
    {
      /* The drop-down goes back to the script the call follows. */
      fill_scripts (self);
      if (on_page (self, "stage"))
        show_refusal (self, error->message);
      return;
    }

  if (on_page (self, "stage"))
    show_stage (self);
}

static void
end_saved_cb (CrmCallPanel *self,
              gint64        activity_id)
{
  set_running (self, FALSE);
  update_timer (self);
  update_chrome (self);

  g_signal_emit (self, signals [FINISHED], 0, activity_id);
}

static void
end_back_cb (CrmCallPanel *self)
{
  if (script (self) == NULL)
    show_plain (self);
  else if (stage_index (self) < 0 && crm_call_session_needs_situation_check (self->session))
    show_situation (self);
  else
    {
      show_stage (self);
      focus_stage (self);
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

/* Keyboard: Alt+arrows follow what the rep sees, as the board's
 * Ctrl+Shift+arrows do: in Hebrew the next stage is to the left.
 * Ctrl+Page Down and Up mean next and previous in every direction. */
static gboolean
go_step (CrmCallPanel *self,
         int           step)
{
  if (!self->running || !on_page (self, "stage"))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), step > 0 ? "call.next" : "call.previous", NULL);
}

static gboolean
step_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return go_step (CRM_CALL_PANEL (widget), g_variant_get_int32 (args));
}

static gboolean
visual_step_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  int step = g_variant_get_int32 (args);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    step = -step;

  return go_step (CRM_CALL_PANEL (widget), step);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              GtkShortcutFunc        func,
              int                    step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (func, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The shortcuts work anywhere in the deal card while a call runs, not only
 * with the focus in the panel: the rep may be typing in the card. */
static void
add_shortcuts (CrmCallPanel *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, GDK_KEY_Right, GDK_ALT_MASK, visual_step_cb, 1);
  add_shortcut (shortcuts, GDK_KEY_Left, GDK_ALT_MASK, visual_step_cb, -1);
  add_shortcut (shortcuts, GDK_KEY_Page_Down, GDK_CONTROL_MASK, step_cb, 1);
  add_shortcut (shortcuts, GDK_KEY_Page_Up, GDK_CONTROL_MASK, step_cb, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
situation_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmCallPanel *self = CRM_CALL_PANEL (widget);
  gboolean can_talk = g_variant_get_boolean (parameter);

  crm_call_session_set_situation (self->session, can_talk);

  if (can_talk)
    {
      self->talked = TRUE;
      show_stage (self);
      focus_stage (self);
    }
  else
    {
      self->situation_refused = TRUE;
      show_end (self, CRM_CALL_CALL_BACK);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  crm_call_panel_next (CRM_CALL_PANEL (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  crm_call_panel_previous (CRM_CALL_PANEL (widget));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  crm_call_panel_end (CRM_CALL_PANEL (widget));
}

static void
demand_price_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmCallPanel *self = CRM_CALL_PANEL (widget);

  crm_call_session_set_price_demanded (self->session, TRUE);
  update_price (self);
  update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->price_label));
}

/* GObject overrides */

static void
crm_call_panel_dispose (GObject *object)
{
  CrmCallPanel *self = (CrmCallPanel *)object;

  g_clear_handle_id (&self->timer_source, g_source_remove);
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

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-call-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCallPanel, timer_label);
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

  gtk_widget_class_install_action (widget_class, "call.situation", "b", situation_action);
  gtk_widget_class_install_action (widget_class, "call.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "call.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "call.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "call.demand-price", NULL, demand_price_action);
}

static void
crm_call_panel_init (CrmCallPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new ();
  add_shortcuts (self);
  update_chrome (self);
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

  self->timer_source = g_timeout_add_seconds (1, timer_cb, self);
  set_running (self, TRUE);
  update_timer (self);
  fill_scripts (self);

  if (script (self) == NULL)
    show_plain (self);
  else if (crm_call_session_needs_situation_check (self->session))
    show_situation (self);
  else
    {
      show_stage (self);
      focus_stage (self);
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

  if (!self->running || !on_page (self, "stage") || !commit_questions (self))
    return FALSE;

  if (stage_index (self) + 1 >= (int)n_stages (self))
    {
      if (show_unanswered (self))
        return FALSE;

      self->talked = TRUE;
      show_end (self, CRM_CALL_REACHED);
      return TRUE;
    }

  if (!crm_call_session_advance (self->session, &error))
    {
      if (!g_error_matches (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED) || !show_unanswered (self))
        show_refusal (self, error->message);
      return FALSE;
    }

  self->talked = TRUE;
  show_stage (self);
  focus_stage (self);

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

  if (!self->running || !on_page (self, "stage") || !commit_questions (self))
    return FALSE;

  if (!crm_call_session_go_back (self->session))
    return FALSE;

  show_stage (self);
  focus_stage (self);

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

  if (!self->running || on_page (self, "end"))
    return FALSE;

  if (on_page (self, "stage") && !commit_questions (self))
    return FALSE;

  if (self->situation_refused)
    outcome = CRM_CALL_CALL_BACK;
  else if (self->talked)
    outcome = CRM_CALL_REACHED;

  show_end (self, outcome);

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
  update_chrome (self);

  g_signal_emit (self, signals [DISCARDED], 0);
}
