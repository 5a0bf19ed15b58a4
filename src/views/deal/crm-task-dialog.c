/* crm-task-dialog.c
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

#define G_LOG_DOMAIN "crm-task-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-task-dialog.h"
#include "crm-date-time-chooser.h"
#include "crm-problem.h"
#include "crm-strings.h"
#include "crm-toast.h"

#include "crm-deal.h"
#include "crm-store.h"
#include "crm-user.h"

/* Adds a task to a deal (RAD-5), or closes one with its written result
 * and, when it failed, the follow-up task (RAD-7). While a due day is
 * picked the dialog shows how many tasks the rep already has that day
 * (RAD-6). The dialog checks as the rep types so that its action is never
 * offered for what the store would refuse; the store checks again and
 * writes nothing when it says no. */

struct _CrmTaskDialog
{
  AdwWindow            parent_instance;

  /* Owned references */
  CrmStore            *store;
  CrmTask             *task;           /* nullable: the task being closed */

  gint64               deal_id;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkButton           *apply_button;
  AdwPreferencesGroup *close_group;
  GtkCheckButton      *done_check;
  GtkCheckButton      *failed_check;
  AdwEntryRow         *result_row;
  GtkLabel            *close_problems_label;
  AdwPreferencesGroup *task_group;
  AdwEntryRow         *title_row;
  CrmDateTimeChooser  *due_chooser;
  GtkLabel            *task_problems_label;

  /* Whether a row shows why the action is disabled: once it was typed in
   * and left, or the store refused it. */
  guint                result_touched : 1;
  guint                title_touched : 1;
  guint                can_apply : 1;
  /* Rows emit signals while the template is disposed (the focused one
   * loses focus); nothing is updated then. */
  guint                disposing : 1;
};

G_DEFINE_FINAL_TYPE (CrmTaskDialog, crm_task_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_TASK,
  PROP_CAN_APPLY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static gboolean
row_is_blank (gpointer row)
{
  return crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static char *
dup_row_text (gpointer row)
{
  if (row_is_blank (row))
    return NULL;

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_closing (CrmTaskDialog *self)
{
  return self->task != NULL;
}

static gboolean
failed (CrmTaskDialog *self)
{
  return is_closing (self) && gtk_check_button_get_active (self->failed_check);
}

/* Whether the task group describes a task to create: always when adding;
 * when closing, a follow-up that has a title or is required. */
static gboolean
wants_task (CrmTaskDialog *self)
{
  return !is_closing (self) || failed (self) || !row_is_blank (self->title_row);
}

static void
add_toast (CrmTaskDialog *self,
           const char    *text)
{
  crm_toast_show (self->toast_overlay, crm_toast_new_text (text));
}

static gint64
current_user_id (CrmTaskDialog *self)
{
  CrmUser *user = crm_store_get_current_user (self->store);

  return user != NULL ? crm_user_get_id (user) : 0;
}

/* The next full hour, the default due time. */
static GDateTime *
next_full_hour (CrmTaskDialog *self)
{
  g_autoptr(GDateTime) now = crm_store_now (self->store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) hour = g_date_time_new_local (g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local),
                                                     g_date_time_get_hour (local), 0, 0);

  return g_date_time_add_hours (hour, 1);
}

static gboolean
due_has_passed (CrmTaskDialog *self)
{
  g_autoptr(GDateTime) due = crm_task_dialog_dup_due (self);
  g_autoptr(GDateTime) now = crm_store_now (self->store);

  return g_date_time_compare (due, now) <= 0;
}

static const char *
find_result_problem (CrmTaskDialog *self)
{
  /* RAD-7: every task gets a written result. */
  if (is_closing (self) && row_is_blank (self->result_row))
    return _("Write what came of the task before closing it.");

  return NULL;
}

static const char *
find_title_problem (CrmTaskDialog *self)
{
  if (!wants_task (self) || !row_is_blank (self->title_row))
    return NULL;

  /* RAD-7: a failed task gets a follow-up task. */
  if (is_closing (self))
    return _("A task that failed needs a follow-up task: say what to do next.");

  return _("A task needs a title.");
}

static const char *
find_due_problem (CrmTaskDialog *self)
{
  /* RAD-6: no overdue tasks, so none is planned overdue. */
  if (wants_task (self) && due_has_passed (self))
    return _("This time has passed: pick a later one.");

  return NULL;
}

static void
show_problem (GtkWidget  *row,
              const char *message)
{
  crm_problem_show (row, message);
}

static void
set_label (GtkLabel   *label,
           const char *first,
           const char *second)
{
  g_autofree char *text = NULL;

  if (first != NULL && second != NULL)
    text = g_strconcat (first, "\n", second, NULL);
  else
    text = g_strdup (first != NULL ? first : second);

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
update_load (CrmTaskDialog *self)
{
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *load = NULL;
  gint64 user_id;

  if (self->disposing)
    return;

  due = crm_task_dialog_dup_due (self);
  user_id = current_user_id (self);

  /* RAD-6: the rep's load that day, read while the day is picked. */
  if (user_id != 0)
    {
      guint n_tasks = crm_store_count_tasks_due_on (self->store, user_id, due);

      if (n_tasks == 0)
        load = g_strdup (_("No tasks that day"));
      else
        load = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u task that day",
                                             "%u tasks that day",
                                             n_tasks),
                                n_tasks);
    }

  adw_action_row_set_subtitle (crm_date_time_chooser_get_date_row (self->due_chooser),
                               load != NULL ? load : "");
}

static void
update (CrmTaskDialog *self)
{
  const char *result_problem, *title_problem, *due_problem;
  const char *shown_result, *shown_title;
  gboolean can_apply;

  if (self->disposing)
    return;

  result_problem = find_result_problem (self);
  title_problem = find_title_problem (self);
  due_problem = find_due_problem (self);
  can_apply = result_problem == NULL && title_problem == NULL && due_problem == NULL;
  shown_result = self->result_touched ? result_problem : NULL;
  shown_title = self->title_touched ? title_problem : NULL;

  if (is_closing (self) && failed (self))
    adw_preferences_group_set_description (self->task_group,
                                           _("A failed task needs one: what is done next, and when"));
  else if (is_closing (self))
    adw_preferences_group_set_description (self->task_group, _("Optional: what is done next, and when"));

  show_problem (GTK_WIDGET (self->result_row), shown_result);
  show_problem (GTK_WIDGET (self->title_row), shown_title);
  /* A time in the past is shown at once: the rep just picked it. */
  show_problem (GTK_WIDGET (crm_date_time_chooser_get_date_row (self->due_chooser)), due_problem);
  show_problem (GTK_WIDGET (crm_date_time_chooser_get_time_row (self->due_chooser)), due_problem);
  set_label (self->close_problems_label, shown_result, NULL);
  set_label (self->task_problems_label, shown_title, due_problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", can_apply);

  if (self->can_apply == can_apply)
    return;

  self->can_apply = can_apply;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_APPLY]);
}

/* Where the store's refusal belongs. */
static void
show_store_error (CrmTaskDialog *self,
                  const GError  *error)
{
  if (find_result_problem (self) != NULL)
    {
      self->result_touched = TRUE;
      update (self);
    }
  else if (find_title_problem (self) != NULL)
    {
      self->title_touched = TRUE;
      update (self);
    }
  else if (is_closing (self))
    set_label (self->close_problems_label, error->message, NULL);
  else
    set_label (self->task_problems_label, error->message, NULL);

  add_toast (self, error->message);
}

/* Signal callbacks */

static void
result_changed_cb (CrmTaskDialog *self)
{
  if (!row_is_blank (self->result_row))
    self->result_touched = TRUE;

  update (self);
}

static void
result_focus_leave_cb (CrmTaskDialog *self)
{
  self->result_touched = TRUE;
  update (self);
}

static void
title_changed_cb (CrmTaskDialog *self)
{
  if (!row_is_blank (self->title_row))
    self->title_touched = TRUE;

  update (self);
}

static void
title_focus_leave_cb (CrmTaskDialog *self)
{
  self->title_touched = TRUE;
  update (self);
}

static void
outcome_toggled_cb (CrmTaskDialog *self)
{
  update (self);
}

static void
due_changed_cb (CrmTaskDialog *self)
{
  update_load (self);
  update (self);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmTaskDialog *self = CRM_TASK_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* Problems are shown by crm_task_dialog_apply(). */
  if (crm_task_dialog_apply (self, &error) > 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("Task not saved: %s", error->message);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject overrides */

static void
crm_task_dialog_constructed (GObject *object)
{
  CrmTaskDialog *self = (CrmTaskDialog *)object;
  g_autoptr(GDateTime) due = NULL;

  G_OBJECT_CLASS (crm_task_dialog_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  if (is_closing (self))
    {
      self->deal_id = crm_task_get_deal_id (self->task);
      gtk_window_set_title (GTK_WINDOW (self), _("Close Task"));
      adw_window_title_set_subtitle (self->window_title, crm_task_get_title (self->task));
      gtk_button_set_label (self->apply_button, _("_Close Task"));
      adw_preferences_group_set_title (self->task_group, _("Follow-up Task"));
      gtk_widget_set_visible (GTK_WIDGET (self->close_group), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->result_row));
    }
  else
    {
      g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, self->deal_id, NULL);

      if (deal != NULL)
        adw_window_title_set_subtitle (self->window_title, crm_deal_get_title (deal));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }

  due = next_full_hour (self);
  crm_task_dialog_set_due (self, due);
  update (self);
}

static void
crm_task_dialog_dispose (GObject *object)
{
  CrmTaskDialog *self = (CrmTaskDialog *)object;

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TASK_DIALOG);

  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_task_dialog_parent_class)->dispose (object);
}

static void
crm_task_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmTaskDialog *self = CRM_TASK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;

    case PROP_CAN_APPLY:
      g_value_set_boolean (value, self->can_apply);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_task_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmTaskDialog *self = CRM_TASK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_TASK:
      self->task = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_task_dialog_class_init (CrmTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_task_dialog_constructed;
  object_class->dispose = crm_task_dialog_dispose;
  object_class->get_property = crm_task_dialog_get_property;
  object_class->set_property = crm_task_dialog_set_property;

  /**
   * CrmTaskDialog:store:
   *
   * The store the task is written to.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmTaskDialog:deal-id:
   *
   * The deal the new task is for; when closing a task, its deal.
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmTaskDialog:task:
   *
   * The open task being closed, or %NULL when a task is added.
   */
  properties [PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL,
                         CRM_TYPE_TASK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmTaskDialog:can-apply:
   *
   * Whether everything the store will ask for is filled in, so that Add
   * or Close Task is enabled.
   */
  properties [PROP_CAN_APPLY] =
    g_param_spec_boolean ("can-apply", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmTaskDialog::saved:
   * @self: a #CrmTaskDialog
   * @task_id: the added task, or the closed one
   *
   * Emitted after the store added the task, or closed it together with
   * its follow-up.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CRM_TYPE_DATE_TIME_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, close_group);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, done_check);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, failed_check);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, result_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, close_problems_label);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, task_group);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, due_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmTaskDialog, task_problems_label);
  gtk_widget_class_bind_template_callback (widget_class, result_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
crm_task_dialog_init (CrmTaskDialog *self)
{
  GtkSpinButton *hour_spin, *minute_spin;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in the time applies, as in the other rows. */
  hour_spin = crm_date_time_chooser_get_hour_spin (self->due_chooser);
  minute_spin = crm_date_time_chooser_get_minute_spin (self->due_chooser);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (hour_spin))), TRUE);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (minute_spin))), TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", FALSE);
}

/* Public API */

/**
 * crm_task_dialog_new_add:
 * @store: the store
 * @deal_id: the deal the task is for
 *
 * A dialog that adds a task, owned by the current user, whose load on
 * the picked day it shows (RAD-6).
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_task_dialog_new_add (CrmStore *store,
                         gint64    deal_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  return g_object_new (CRM_TYPE_TASK_DIALOG,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);
}

/**
 * crm_task_dialog_new_close:
 * @store: the store
 * @task: an open task
 *
 * A dialog that closes @task with its written result and, when it failed,
 * a follow-up task (RAD-7).
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_task_dialog_new_close (CrmStore *store,
                           CrmTask  *task)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_TASK (task), NULL);

  return g_object_new (CRM_TYPE_TASK_DIALOG,
                       "store", store,
                       "task", task,
                       NULL);
}

CrmStore *
crm_task_dialog_get_store (CrmTaskDialog *self)
{
  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), NULL);

  return self->store;
}

gint64
crm_task_dialog_get_deal_id (CrmTaskDialog *self)
{
  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), 0);

  return self->deal_id;
}

/**
 * crm_task_dialog_get_task:
 * @self: a #CrmTaskDialog
 *
 * Returns: (transfer none) (nullable): the task being closed, or %NULL
 *   when a task is added
 */
CrmTask *
crm_task_dialog_get_task (CrmTaskDialog *self)
{
  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), NULL);

  return self->task;
}

/**
 * crm_task_dialog_dup_due:
 * @self: a #CrmTaskDialog
 *
 * Returns: (transfer full): the picked due time, in the local time zone
 */
GDateTime *
crm_task_dialog_dup_due (CrmTaskDialog *self)
{
  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), NULL);

  return g_date_time_ref (crm_date_time_chooser_get_date_time (self->due_chooser));
}

/**
 * crm_task_dialog_set_due:
 * @self: a #CrmTaskDialog
 * @due: the due time to show
 *
 * Picks @due's day in the calendar and its time, as the rep would.
 */
void
crm_task_dialog_set_due (CrmTaskDialog *self,
                         GDateTime     *due)
{
  g_return_if_fail (CRM_IS_TASK_DIALOG (self));
  g_return_if_fail (due != NULL);

  crm_date_time_chooser_set_date_time (self->due_chooser, due);

  /* Picking the time already picked notifies nothing. */
  due_changed_cb (self);
}

gboolean
crm_task_dialog_get_can_apply (CrmTaskDialog *self)
{
  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), FALSE);

  return self->can_apply;
}

/**
 * crm_task_dialog_apply:
 * @self: a #CrmTaskDialog
 * @error: return location for a #GError
 *
 * Adds the task with crm_store_add_task(), or closes it with
 * crm_store_close_task(), which creates the follow-up in the same
 * transaction. On failure nothing is written, the problem shows at its row
 * and in a toast, and @error holds it. The dialog stays open either way;
 * the `dialog.apply` action closes it after success.
 *
 * Returns: the added task's id, or the closed task's; 0 on error
 */
gint64
crm_task_dialog_apply (CrmTaskDialog  *self,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *title = NULL;
  g_autofree char *result = NULL;
  const char *problem;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_TASK_DIALOG (self), 0);

  problem = find_result_problem (self);
  if (problem == NULL)
    problem = find_title_problem (self);
  if (problem == NULL)
    problem = find_due_problem (self);
  if (problem != NULL)
    {
      self->result_touched = TRUE;
      self->title_touched = TRUE;
      update (self);
      add_toast (self, problem);
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK, problem);
      return 0;
    }

  title = dup_row_text (self->title_row);
  due = crm_task_dialog_dup_due (self);

  if (is_closing (self))
    {
      result = dup_row_text (self->result_row);
      if (crm_store_close_task (self->store, crm_task_get_id (self->task), !failed (self), result,
                                title, title != NULL ? due : NULL, &local_error))
        id = crm_task_get_id (self->task);
    }
  else
    {
      id = crm_store_add_task (self->store, self->deal_id, title, due, current_user_id (self),
                               &local_error);
    }

  if (id == 0)
    {
      show_store_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_signal_emit (self, signals [SAVED], 0, id);

  return id;
}
