/* crm-call-panel-private.h
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

#include "crm-call-panel.h"
#include "crm-procedure.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The panel is one class in three files that share this struct:
 * crm-call-panel.c (the widget, its pages, the timer and the end of the
 * call), crm-call-panel-stage.c (the stage page and its answers) and
 * crm-call-panel-actions.c (the call.* actions and their keys). */

struct _CrmCallPanel
{
  GtkBox            parent_instance;

  /* Owned references */
  CrmStore         *store;
  CrmCallSession   *session;
  GPtrArray        *questions;        /* (element-type CrmCallQuestion): the stage's, unowned */

  gint64            deal_id;
  AdwMessageDialog *discard_dialog;   /* weak: open while asking */

  /* Template widgets */
  CrmCallTimer     *timer;
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

static inline CrmProcedure *
_crm_call_panel_get_procedure (CrmCallPanel *self)
{
  /* NULL while the panel is being built, before it has its store. */
  return self->store != NULL ? crm_store_get_procedure (self->store) : NULL;
}

static inline const CrmCallScript *
_crm_call_panel_get_script (CrmCallPanel *self)
{
  return self->session != NULL ? crm_call_session_get_script (self->session) : NULL;
}

static inline guint
_crm_call_panel_get_n_stages (CrmCallPanel *self)
{
  const CrmCallScript *current = _crm_call_panel_get_script (self);

  return current != NULL && current->stages != NULL ? current->stages->len : 0;
}

static inline int
_crm_call_panel_get_stage_index (CrmCallPanel *self)
{
  return self->session != NULL ? crm_call_session_get_stage_index (self->session) : -1;
}

static inline gboolean
_crm_call_panel_on_page (CrmCallPanel *self,
                         const char   *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

/* crm-call-panel.c */
void     _crm_call_panel_update_chrome      (CrmCallPanel   *self);
void     _crm_call_panel_set_progress       (CrmCallPanel   *self,
                                             double          fraction,
                                             const char     *text);
void     _crm_call_panel_show_refusal       (CrmCallPanel   *self,
                                             const char     *message);
void     _crm_call_panel_show_end           (CrmCallPanel   *self,
                                             CrmCallOutcome  outcome);
void     _crm_call_panel_answer_saved       (CrmCallPanel   *self,
                                             const char     *field);

/* crm-call-panel-stage.c */
void     _crm_call_panel_show_stage         (CrmCallPanel   *self);
void     _crm_call_panel_focus_stage        (CrmCallPanel   *self);
void     _crm_call_panel_update_price       (CrmCallPanel   *self);
gboolean _crm_call_panel_commit_questions   (CrmCallPanel   *self);
gboolean _crm_call_panel_show_unanswered    (CrmCallPanel   *self);

/* crm-call-panel-actions.c */
void     _crm_call_panel_class_actions_init (GtkWidgetClass *widget_class);
void     _crm_call_panel_add_shortcuts      (CrmCallPanel   *self);

G_END_DECLS
