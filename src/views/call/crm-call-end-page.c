/* crm-call-end-page.c
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

#define G_LOG_DOMAIN "crm-call-end-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-end-page.h"
#include "crm-date-time-chooser.h"
#include "crm-problem.h"
#include "crm-strings.h"

#include "crm-deal.h"
#include "crm-stage.h"
#include "crm-store.h"

/* The end of a call in the call-script panel: how it went, the result
 * note (prefilled from what the script recorded), when to contact the
 * customer next (TW-4: it becomes the deal's next task) and whether the
 * call completes the deal's current task. Save hands it all to
 * crm_call_session_finish(), one transaction in the store. The page only
 * offers Save for what the store will take, and says why not otherwise. */

struct _CrmCallEndPage
{
  GtkBox               parent_instance;

  /* Owned references */
  CrmCallSession      *session;
  CrmDeal             *deal;            /* nullable: the deal as the call found it */
  CrmTask             *task;            /* nullable: the deal's current open task */
  GArray              *stage_ids;       /* (element-type gint64): stage_row's stages */

  /* Template widgets */
  GtkLabel            *refused_label;
  AdwComboRow         *outcome_row;
  AdwComboRow         *stage_row;
  GtkStringList       *stage_names;
  GtkTextView         *note_view;
  GtkTextBuffer       *note_buffer;
  AdwPreferencesGroup *next_group;
  AdwActionRow        *plan_row;
  GtkCheckButton      *plan_check;
  CrmDateTimeChooser  *next_chooser;
  AdwPreferencesGroup *task_group;
  AdwActionRow        *task_row;
  GtkCheckButton      *task_check;
  GtkLabel            *problems_label;
  GtkButton           *back_button;
  GtkButton           *save_button;

  guint                filling_stages : 1;
  /* The rep wrote in the note: going back to the call and ending it
   * again keeps what they wrote. */
  guint                note_edited : 1;
  guint                filling_note : 1;
  guint                can_save : 1;
  guint                disposing : 1;
};

G_DEFINE_FINAL_TYPE (CrmCallEndPage, crm_call_end_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  BACK,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static CrmStore *
store (CrmCallEndPage *self)
{
  return crm_call_session_get_store (self->session);
}

/* The stage picked in stage_row, 0 when the deal stays where it is. Only
 * a reached call moves a deal (the store refuses the others too). */
static gint64
move_to_stage (CrmCallEndPage *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (crm_call_end_page_get_outcome (self) != CRM_CALL_REACHED ||
      self->stage_ids == NULL || selected >= self->stage_ids->len)
    return 0;

  return g_array_index (self->stage_ids, gint64, selected);
}

/* TW-4, as the store decides it: whether this call promises the next
 * contact depends on its outcome and on the stage the deal ends up in. */
static gboolean
next_contact_required (CrmCallEndPage *self)
{
  return self->deal != NULL &&
         crm_store_call_needs_next_contact (store (self), self->deal,
                                            crm_call_end_page_get_outcome (self),
                                            move_to_stage (self));
}

static gboolean
next_contact_planned (CrmCallEndPage *self)
{
  return next_contact_required (self) || gtk_check_button_get_active (self->plan_check);
}

static gboolean
note_required (CrmCallEndPage *self)
{
  CrmCallOutcome outcome = crm_call_end_page_get_outcome (self);

  return outcome == CRM_CALL_REACHED || outcome == CRM_CALL_CALL_BACK;
}

static gboolean
next_contact_passed (CrmCallEndPage *self)
{
  g_autoptr(GDateTime) next = crm_call_end_page_dup_next_contact (self);
  g_autoptr(GDateTime) now = crm_store_now (store (self));

  return next != NULL && g_date_time_compare (next, now) <= 0;
}

/* What keeps the call from being saved, in the order of the page. */
static const char *
find_problem (CrmCallEndPage *self)
{
  g_autofree char *note = NULL;

  if (self->session == NULL)
    return _("No call is running.");

  if (crm_call_end_page_get_outcome (self) == CRM_CALL_NONE)
    return _("Say how the call went.");

  note = crm_call_end_page_dup_note (self);
  if (note_required (self) && note == NULL)
    return _("Write what came of the call.");

  if (next_contact_passed (self))
    return _("This time has passed: pick a later one.");

  return NULL;
}

static void
set_problem (CrmCallEndPage *self,
             const char     *message,
             gboolean        refused)
{
  gtk_label_set_text (self->problems_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), message != NULL);

  /* What is still to do reads quietly; what the store refused is an
   * error. */
  if (refused)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "dim-label");
    }
}

static void
update (CrmCallEndPage *self)
{
  gboolean required, planned, can_save;
  const char *problem;

  if (self->disposing || self->session == NULL)
    return;

  required = next_contact_required (self);
  planned = next_contact_planned (self);

  /* Only a call that reached the customer moves the deal on. */
  gtk_widget_set_visible (GTK_WIDGET (self->stage_row),
                          crm_call_end_page_get_outcome (self) == CRM_CALL_REACHED &&
                          self->deal != NULL &&
                          crm_deal_get_stage_kind (self->deal) == CRM_STAGE_OPEN &&
                          self->stage_ids->len > 1);

  /* An optional next contact is asked for with a check box; a required
   * one is simply there. */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row),
                          !required && crm_call_end_page_get_outcome (self) != CRM_CALL_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_chooser), planned);

  problem = find_problem (self);
  can_save = problem == NULL;
  set_problem (self, problem, FALSE);
  crm_problem_show (GTK_WIDGET (crm_date_time_chooser_get_time_row (self->next_chooser)),
                    planned && next_contact_passed (self) ? problem : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "end.save", can_save);

  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_SAVE]);
}

/* The next full hour tomorrow: a call-back is rarely asked for within the
 * hour, and the rep changes it to what the customer says. */
static GDateTime *
default_next_contact (CrmCallEndPage *self)
{
  g_autoptr(GDateTime) now = crm_store_now (store (self));
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) hour = g_date_time_new_local (g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local),
                                                     g_date_time_get_hour (local), 0, 0);

  return g_date_time_add_full (hour, 0, 0, 1, 1, 0, 0);
}

/* The stages a reached call may move the deal into: those of its pipeline
 * but the lost ones, whose closing asks for a reason (HS-10, AXL-10) in
 * the deal card's Close as Lost. The deal's own stage comes selected. */
static void
load_stages (CrmCallEndPage *self)
{
  CrmDeal *deal = self->deal;
  g_autoptr(GListModel) stages = NULL;
  guint current = 0;

  self->filling_stages = TRUE;
  g_array_set_size (self->stage_ids, 0);
  gtk_string_list_splice (self->stage_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->stage_names)), NULL);

  if (deal != NULL)
    stages = crm_store_get_stages (store (self), crm_deal_get_pipeline_id (deal));

  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      gint64 id = crm_stage_get_id (stage);

      if (crm_stage_get_kind (stage) == CRM_STAGE_LOST)
        continue;
      if (id == crm_deal_get_stage_id (deal))
        current = self->stage_ids->len;
      g_array_append_val (self->stage_ids, id);
      gtk_string_list_append (self->stage_names, crm_stage_get_name (stage));
    }

  adw_combo_row_set_selected (self->stage_row, current);
  self->filling_stages = FALSE;
}

/* The deal's current task is the open one due first. */
static void
load_task (CrmCallEndPage *self)
{
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store (self),
                                                          crm_call_session_get_deal_id (self->session),
                                                          NULL);

  g_clear_object (&self->task);
  if (tasks != NULL && g_list_model_get_n_items (tasks) > 0)
    self->task = g_list_model_get_item (tasks, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->task_group), self->task != NULL);
  /* Task titles come from people and procedures; the row takes no
   * markup. */
  adw_action_row_set_subtitle (self->task_row, self->task != NULL ? crm_task_get_title (self->task) : "");
}

/* The rep's own notes (a call without a script) first, then what the
 * script recorded. */
static char *
dup_prefilled_note (CrmCallEndPage *self,
                    const char     *notes)
{
  g_autofree char *recorded = crm_call_session_dup_record_note (self->session);
  g_autofree char *own = notes != NULL ? g_strstrip (g_strdup (notes)) : NULL;

  if (crm_str_is_blank (own))
    return g_strdup (recorded != NULL ? recorded : "");
  if (crm_str_is_blank (recorded))
    return g_steal_pointer (&own);

  return g_strconcat (own, "\n\n", recorded, NULL);
}

/* Signal callbacks */

static void
outcome_selected_cb (CrmCallEndPage *self)
{
  update (self);
}

static void
stage_selected_cb (CrmCallEndPage *self)
{
  if (!self->filling_stages)
    update (self);
}

static void
note_changed_cb (CrmCallEndPage *self)
{
  if (!self->filling_note)
    self->note_edited = TRUE;

  update (self);
}

static void
plan_toggled_cb (CrmCallEndPage *self)
{
  update (self);
}

static void
next_changed_cb (CrmCallEndPage *self)
{
  update (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  /* Problems are shown by crm_call_end_page_save(). */
  if (crm_call_end_page_save (CRM_CALL_END_PAGE (widget), &error) == 0)
    g_debug ("Call not saved: %s", error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals [BACK], 0);
}

/* GtkWidget overrides */

static gboolean
crm_call_end_page_grab_focus (GtkWidget *widget)
{
  CrmCallEndPage *self = CRM_CALL_END_PAGE (widget);

  /* After “no” at the situation check the question is when; otherwise
   * how the call went. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->refused_label)))
    return gtk_widget_grab_focus (GTK_WIDGET (crm_date_time_chooser_get_date_button (self->next_chooser)));

  return gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
}

/* GObject overrides */

static void
crm_call_end_page_dispose (GObject *object)
{
  CrmCallEndPage *self = (CrmCallEndPage *)object;

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CALL_END_PAGE);

  g_clear_object (&self->task);
  g_clear_object (&self->deal);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stage_ids, g_array_unref);

  G_OBJECT_CLASS (crm_call_end_page_parent_class)->dispose (object);
}

static void
crm_call_end_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmCallEndPage *self = CRM_CALL_END_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_end_page_class_init (CrmCallEndPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_call_end_page_dispose;
  object_class->get_property = crm_call_end_page_get_property;

  widget_class->grab_focus = crm_call_end_page_grab_focus;

  /**
   * CrmCallEndPage:session:
   *
   * The call being ended; set by crm_call_end_page_prepare().
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_CALL_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallEndPage:can-save:
   *
   * Whether everything the store asks of the call is given, so that
   * Save Call is enabled.
   */
  properties [PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmCallEndPage::saved:
   * @self: a #CrmCallEndPage
   * @activity_id: the call logged in the deal's history
   *
   * Emitted after crm_call_session_finish() logged the call.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CrmCallEndPage::back:
   * @self: a #CrmCallEndPage
   *
   * Emitted when the rep goes back to the call from its end.
   */
  signals [BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (CRM_TYPE_DATE_TIME_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-call-end-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, refused_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, stage_names);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, note_buffer);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, plan_check);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, next_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, task_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, task_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, task_check);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCallEndPage, save_button);
  gtk_widget_class_bind_template_callback (widget_class, outcome_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_changed_cb);

  gtk_widget_class_install_action (widget_class, "end.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "end.back", NULL, back_action);
}

static void
crm_call_end_page_init (CrmCallEndPage *self)
{
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "end.save", FALSE);
}

/* Public API */

/**
 * crm_call_end_page_new:
 *
 * Returns: (transfer floating): a new end-of-call page; it shows a call
 *   once crm_call_end_page_prepare() gave it one
 */
GtkWidget *
crm_call_end_page_new (void)
{
  return g_object_new (CRM_TYPE_CALL_END_PAGE, NULL);
}

/**
 * crm_call_end_page_prepare:
 * @self: a #CrmCallEndPage
 * @session: the call that ends
 * @outcome: the outcome to select, or %CRM_CALL_NONE to let the rep choose
 * @situation_refused: whether the customer could not talk (TW-2): the page
 *   asks when to call back
 * @notes: (nullable): what the rep wrote during a call without a script
 *
 * Shows the end of @session. The note is filled in from
 * crm_call_session_dup_record_note() unless the rep already wrote in it
 * when they ended the call before.
 */
void
crm_call_end_page_prepare (CrmCallEndPage *self,
                           CrmCallSession *session,
                           CrmCallOutcome  outcome,
                           gboolean        situation_refused,
                           const char     *notes)
{
  g_return_if_fail (CRM_IS_CALL_END_PAGE (self));
  g_return_if_fail (CRM_IS_CALL_SESSION (session));

  if (g_set_object (&self->session, session))
    {
      g_autoptr(GDateTime) next = NULL;

      self->note_edited = FALSE;
      next = default_next_contact (self);
      crm_call_end_page_set_next_contact (self, next);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
    }

  g_clear_object (&self->deal);
  self->deal = crm_store_load_deal (store (self), crm_call_session_get_deal_id (session), NULL);
  load_stages (self);
  load_task (self);

  gtk_widget_set_visible (GTK_WIDGET (self->refused_label), situation_refused);
  /* After “no” at the situation check there is no call to go back to. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !situation_refused);

  if (outcome != CRM_CALL_NONE)
    crm_call_end_page_set_outcome (self, outcome);

  if (!self->note_edited)
    {
      g_autofree char *note = dup_prefilled_note (self, notes);

      crm_call_end_page_set_note (self, note);
      self->note_edited = FALSE;
    }

  update (self);
}

CrmCallSession *
crm_call_end_page_get_session (CrmCallEndPage *self)
{
  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), NULL);

  return self->session;
}

/**
 * crm_call_end_page_get_outcome:
 * @self: a #CrmCallEndPage
 *
 * Returns: the chosen outcome, or %CRM_CALL_NONE while none is
 */
CrmCallOutcome
crm_call_end_page_get_outcome (CrmCallEndPage *self)
{
  guint selected;

  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), CRM_CALL_NONE);

  /* The row lists the outcomes in the order of #CrmCallOutcome, behind a
   * placeholder at the place of “none”. */
  selected = adw_combo_row_get_selected (self->outcome_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected > CRM_CALL_CALL_BACK)
    return CRM_CALL_NONE;

  return (CrmCallOutcome)selected;
}

void
crm_call_end_page_set_outcome (CrmCallEndPage *self,
                               CrmCallOutcome  outcome)
{
  g_return_if_fail (CRM_IS_CALL_END_PAGE (self));
  g_return_if_fail (outcome <= CRM_CALL_CALL_BACK);

  adw_combo_row_set_selected (self->outcome_row, outcome);
}

/**
 * crm_call_end_page_dup_note:
 * @self: a #CrmCallEndPage
 *
 * Returns: (transfer full) (nullable): the trimmed note, or %NULL when it
 *   is blank
 */
char *
crm_call_end_page_dup_note (CrmCallEndPage *self)
{
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), NULL);

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

void
crm_call_end_page_set_note (CrmCallEndPage *self,
                            const char     *note)
{
  g_return_if_fail (CRM_IS_CALL_END_PAGE (self));

  self->filling_note = TRUE;
  gtk_text_buffer_set_text (self->note_buffer, note != NULL ? note : "", -1);
  self->filling_note = FALSE;
  self->note_edited = TRUE;
}

/**
 * crm_call_end_page_dup_next_contact:
 * @self: a #CrmCallEndPage
 *
 * Returns: (transfer full) (nullable): the picked next contact in the
 *   local time zone, or %NULL when none is planned
 */
GDateTime *
crm_call_end_page_dup_next_contact (CrmCallEndPage *self)
{
  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), NULL);

  if (!next_contact_planned (self))
    return NULL;

  return g_date_time_ref (crm_date_time_chooser_get_date_time (self->next_chooser));
}

/**
 * crm_call_end_page_set_next_contact:
 * @self: a #CrmCallEndPage
 * @when: the next contact to show
 *
 * Picks @when's day and time as the rep would. Where the next contact is
 * optional, it is planned as well.
 */
void
crm_call_end_page_set_next_contact (CrmCallEndPage *self,
                                    GDateTime      *when)
{
  g_return_if_fail (CRM_IS_CALL_END_PAGE (self));
  g_return_if_fail (when != NULL);

  crm_date_time_chooser_set_date_time (self->next_chooser, when);

  if (gtk_widget_get_visible (GTK_WIDGET (self->plan_row)))
    gtk_check_button_set_active (self->plan_check, TRUE);

  /* Picking the time already picked notifies nothing. */
  next_changed_cb (self);
}

/**
 * crm_call_end_page_get_task:
 * @self: a #CrmCallEndPage
 *
 * Returns: (transfer none) (nullable): the deal's current open task, which
 *   the call can complete
 */
CrmTask *
crm_call_end_page_get_task (CrmCallEndPage *self)
{
  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), NULL);

  return self->task;
}

void
crm_call_end_page_set_close_task (CrmCallEndPage *self,
                                  gboolean        close_task)
{
  g_return_if_fail (CRM_IS_CALL_END_PAGE (self));

  gtk_check_button_set_active (self->task_check, close_task);
}

gboolean
crm_call_end_page_get_can_save (CrmCallEndPage *self)
{
  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), FALSE);

  return self->can_save;
}

/**
 * crm_call_end_page_save:
 * @self: a #CrmCallEndPage
 * @error: return location for a #GError
 *
 * Ends the call with crm_call_session_finish(): the call activity, the
 * next contact's task, the closed current task and the call summary are
 * written in one transaction. On failure nothing is written and the
 * problem is shown above Save Call.
 *
 * Returns: the id of the logged call, or 0 on error
 */
gint64
crm_call_end_page_save (CrmCallEndPage  *self,
                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *note = NULL;
  const char *problem;
  gint64 task_id = 0;
  gint64 activity_id;

  g_return_val_if_fail (CRM_IS_CALL_END_PAGE (self), 0);

  problem = find_problem (self);
  if (problem != NULL)
    {
      set_problem (self, problem, TRUE);
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD, problem);
      return 0;
    }

  note = crm_call_end_page_dup_note (self);
  next = crm_call_end_page_dup_next_contact (self);
  if (self->task != NULL && gtk_check_button_get_active (self->task_check))
    task_id = crm_task_get_id (self->task);

  crm_call_session_set_move_to_stage (self->session, move_to_stage (self));
  activity_id = crm_call_session_finish (self->session, crm_call_end_page_get_outcome (self),
                                         note, next, task_id, &local_error);
  if (activity_id <= 0)
    {
      set_problem (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "end.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "end.back", FALSE);
  g_signal_emit (self, signals [SAVED], 0, activity_id);

  return activity_id;
}
