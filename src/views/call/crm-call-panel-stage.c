/* crm-call-panel-stage.c
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

#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-strings.h"

/* The call panel's stage page: the stage the session is at, built afresh
 * each time (the answers live in the session, not in the widgets), with
 * its heading and opening line (AXL-7), prompts, checklist, questions
 * (TW-3), the price rule (CON-4) and payment terms (TW-6), and the
 * answers to objections; and what the panel says when an answer is
 * refused or missing. */

/* Helpers */

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

/* Guards */

static char *
dup_currency (CrmCallPanel *self)
{
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  const char *currency = deal != NULL ? crm_deal_get_currency (deal) : NULL;

  if (crm_str_is_blank (currency) && _crm_call_panel_get_procedure (self) != NULL)
    currency = crm_procedure_get_currency (_crm_call_panel_get_procedure (self));

  return g_strdup (currency);
}

/* CON-4: on a first conversation no price is named unless the customer
 * demands one, and then the lower bound of the price list; later calls
 * see the lower bound at once. */
void
_crm_call_panel_update_price (CrmCallPanel *self)
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
  CrmProcedure *procedure = _crm_call_panel_get_procedure (self);
  guint n_terms = crm_procedure_get_n_payment_terms (procedure);

  remove_children (GTK_WIDGET (self->terms_list));

  for (guint i = 0; i < n_terms; i++)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (procedure, i);
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
    _crm_call_panel_answer_saved (self, field);
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
                   crm_procedure_get_n_payment_terms (_crm_call_panel_get_procedure (self)) > 0;

  gtk_widget_set_visible (self->price_box, price);
  if (price)
    _crm_call_panel_update_price (self);

  gtk_widget_set_visible (self->terms_box, terms);
  if (terms)
    fill_terms (self);
}

static void
fill_heading (CrmCallPanel         *self,
              const CrmScriptStage *stage)
{
  int index = _crm_call_panel_get_stage_index (self);
  guint n_stages = _crm_call_panel_get_n_stages (self);
  g_autofree char *opening = index == 0 ? crm_call_session_dup_opening (self->session) : NULL;
  /* Translators: where a call is in its script, “Stage 2 of 4” */
  g_autofree char *progress = g_strdup_printf (_("Stage %u of %u"), (guint)index + 1, n_stages);

  _crm_call_panel_set_progress (self, (double)(index + 1) / MAX (n_stages, 1), progress);

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
void
_crm_call_panel_show_stage (CrmCallPanel *self)
{
  const CrmScriptStage *stage = crm_call_session_get_stage (self->session);
  int index = _crm_call_panel_get_stage_index (self);
  gboolean last = index + 1 >= (int)_crm_call_panel_get_n_stages (self);

  g_return_if_fail (stage != NULL);

  fill_heading (self, stage);
  fill_prompts (self, stage);
  fill_checklist (self, stage);
  fill_questions (self, stage);
  fill_guards (self, stage);
  fill_objections (self, stage);
  _crm_call_panel_show_refusal (self, NULL);

  gtk_button_set_label (self->next_button, last ? _("_Finish") : _("N_ext Stage"));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->stage_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "stage");
  _crm_call_panel_update_chrome (self);
}

void
_crm_call_panel_focus_stage (CrmCallPanel *self)
{
  /* The first question is what the rep fills in next; without one, the
   * way on. */
  if (self->questions->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->questions, 0));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
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
gboolean
_crm_call_panel_commit_questions (CrmCallPanel *self)
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

  _crm_call_panel_show_refusal (self, _("An answer could not be saved: correct it, or clear it."));
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
gboolean
_crm_call_panel_show_unanswered (CrmCallPanel *self)
{
  g_autoptr(GPtrArray) unanswered = NULL;
  g_autoptr(GString) text = g_string_new (_("Ask these before going on:"));
  CrmCallQuestion *first = NULL;

  unanswered = crm_call_session_list_unanswered (self->session,
                                                 _crm_call_panel_get_stage_index (self));

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
      _crm_call_panel_show_refusal (self, NULL);
      return FALSE;
    }

  _crm_call_panel_show_refusal (self, text->str);
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

  unanswered = crm_call_session_list_unanswered (self->session,
                                                 _crm_call_panel_get_stage_index (self));
  if (unanswered == NULL || unanswered->len == 0)
    _crm_call_panel_show_refusal (self, NULL);
}
