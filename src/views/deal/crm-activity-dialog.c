/* crm-activity-dialog.c
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

#define G_LOG_DOMAIN "crm-activity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-activity-dialog.h"
#include "crm-problem.h"
#include "crm-strings.h"
#include "crm-toast.h"

#include "crm-deal.h"

/* Logs what the rep did on a deal: a call with its outcome and length, a
 * meeting, an email, a document sent, a note or a customer training
 * (CON-1, HS-7, TW-7). The dialog only checks what the store will ask
 * for, as the rep types, so that Log is never offered for an entry the
 * store would refuse; crm_store_log_activity() checks again and writes
 * nothing when it says no. */

struct _CrmActivityDialog
{
  AdwWindow            parent_instance;

  /* Owned references */
  CrmStore            *store;

  gint64               deal_id;
  CrmActivityKind      kind;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwComboRow         *kind_row;
  AdwComboRow         *outcome_row;
  AdwActionRow        *duration_row;
  GtkSpinButton       *duration_spin;
  AdwEntryRow         *note_row;
  GtkLabel            *problems_label;

  /* Whether the note row shows why Log is disabled: once it was typed in
   * and left, or the store refused it. */
  guint                note_touched : 1;
  guint                can_apply : 1;
  /* Rows emit signals while the template is disposed (the focused one
   * loses focus); nothing is updated then. */
  guint                disposing : 1;
};

G_DEFINE_FINAL_TYPE (CrmActivityDialog, crm_activity_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_KIND,
  PROP_CAN_APPLY,
  N_PROPS
};

enum {
  LOGGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static void
add_toast (CrmActivityDialog *self,
           const char        *text)
{
  crm_toast_show (self->toast_overlay, crm_toast_new_text (text));
}

/* The outcome row lists the outcomes in the order of #CrmCallOutcome,
 * behind a placeholder at the place of "none": how a call went is chosen,
 * never preselected, since a call that reached the client counts as a
 * conversation (AXL-10). */
static CrmCallOutcome
selected_outcome (CrmActivityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected > CRM_CALL_CALL_BACK)
    return CRM_CALL_NONE;

  return (CrmCallOutcome)selected;
}

static char *
dup_note (CrmActivityDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  return crm_str_is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/* What keeps the entry from being logged, or NULL. The same rules as the
 * store's: a call needs an outcome, anything else a note. */
static const char *
find_problem (CrmActivityDialog *self)
{
  if (self->kind == CRM_ACTIVITY_CALL)
    return selected_outcome (self) == CRM_CALL_NONE ? _("Say how the call went.") : NULL;

  if (crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->note_row))))
    return _("Say what happened: the activity needs a note.");

  return NULL;
}

static void
show_problem (CrmActivityDialog *self,
              GtkWidget         *row,
              const char        *message)
{
  crm_problem_show (row, message);

  gtk_label_set_text (self->problems_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), message != NULL);
}

static void
update (CrmActivityDialog *self)
{
  const char *problem;
  gboolean is_call = self->kind == CRM_ACTIVITY_CALL;
  gboolean can_apply;

  if (self->disposing)
    return;

  problem = find_problem (self);
  can_apply = problem == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), is_call);
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row), is_call);

  /* A blank note is only pointed at once the rep has been there: a new
   * dialog opens with Log disabled, not with a red row. */
  show_problem (self, GTK_WIDGET (self->note_row),
                problem != NULL && !is_call && self->note_touched ? problem : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", can_apply);

  if (self->can_apply == can_apply)
    return;

  self->can_apply = can_apply;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_APPLY]);
}

/* Signal callbacks */

static void
kind_selected_cb (CrmActivityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected != GTK_INVALID_LIST_POSITION && selected <= CRM_ACTIVITY_TRAINING)
    crm_activity_dialog_set_kind (self, (CrmActivityKind)selected);
}

static void
outcome_selected_cb (CrmActivityDialog *self)
{
  update (self);
}

static void
note_changed_cb (CrmActivityDialog *self)
{
  /* Once the note was there, removing it again is pointed at at once. */
  if (!crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->note_row))))
    self->note_touched = TRUE;

  update (self);
}

static void
note_focus_leave_cb (CrmActivityDialog *self)
{
  self->note_touched = TRUE;
  update (self);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* Problems are shown by crm_activity_dialog_apply(). */
  if (crm_activity_dialog_apply (self, &error) > 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("Activity not logged: %s", error->message);
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
crm_activity_dialog_constructed (GObject *object)
{
  CrmActivityDialog *self = (CrmActivityDialog *)object;
  g_autoptr(CrmDeal) deal = NULL;

  G_OBJECT_CLASS (crm_activity_dialog_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  gtk_window_set_title (GTK_WINDOW (self),
                        self->kind == CRM_ACTIVITY_CALL ? _("Log Call") : _("Log Activity"));

  deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (deal != NULL)
    adw_window_title_set_subtitle (self->window_title, crm_deal_get_title (deal));

  adw_combo_row_set_selected (self->kind_row, self->kind);
  update (self);

  /* A call is mostly its outcome; anything else is its note. */
  if (self->kind == CRM_ACTIVITY_CALL)
    gtk_widget_grab_focus (GTK_WIDGET (self->outcome_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

static void
crm_activity_dialog_dispose (GObject *object)
{
  CrmActivityDialog *self = (CrmActivityDialog *)object;

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_ACTIVITY_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_activity_dialog_parent_class)->dispose (object);
}

static void
crm_activity_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_CAN_APPLY:
      g_value_set_boolean (value, self->can_apply);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_activity_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrmActivityDialog *self = CRM_ACTIVITY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      crm_activity_dialog_set_kind (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_activity_dialog_class_init (CrmActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_activity_dialog_constructed;
  object_class->dispose = crm_activity_dialog_dispose;
  object_class->get_property = crm_activity_dialog_get_property;
  object_class->set_property = crm_activity_dialog_set_property;

  /**
   * CrmActivityDialog:store:
   *
   * The store the activity is logged in.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmActivityDialog:deal-id:
   *
   * The deal the activity concerns; its contact gets it too (HS-7).
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmActivityDialog:kind:
   *
   * The #CrmActivityKind being logged; only a call asks for an outcome
   * and a duration.
   */
  properties [PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       CRM_ACTIVITY_CALL, CRM_ACTIVITY_TRAINING, CRM_ACTIVITY_CALL,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmActivityDialog:can-apply:
   *
   * Whether the entry is complete, so that Log is enabled.
   */
  properties [PROP_CAN_APPLY] =
    g_param_spec_boolean ("can-apply", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmActivityDialog::logged:
   * @self: a #CrmActivityDialog
   * @activity_id: the new activity
   *
   * Emitted after the store logged the activity.
   */
  signals [LOGGED] =
    g_signal_new ("logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, CrmActivityDialog, problems_label);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_focus_leave_cb);

  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
crm_activity_dialog_init (CrmActivityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in the duration logs, as in the other rows. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->duration_spin))),
                                  TRUE);

  /* Nothing can be logged before the dialog is filled. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", FALSE);
}

/* Public API */

/**
 * crm_activity_dialog_new:
 * @store: the store
 * @deal_id: the deal the activity concerns
 * @kind: what is logged first; the rep can change it
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_activity_dialog_new (CrmStore        *store,
                         gint64           deal_id,
                         CrmActivityKind  kind)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);
  g_return_val_if_fail (kind <= CRM_ACTIVITY_TRAINING, NULL);

  return g_object_new (CRM_TYPE_ACTIVITY_DIALOG,
                       "store", store,
                       "deal-id", deal_id,
                       "kind", kind,
                       NULL);
}

CrmStore *
crm_activity_dialog_get_store (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), NULL);

  return self->store;
}

gint64
crm_activity_dialog_get_deal_id (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), 0);

  return self->deal_id;
}

CrmActivityKind
crm_activity_dialog_get_kind (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), CRM_ACTIVITY_NOTE);

  return self->kind;
}

void
crm_activity_dialog_set_kind (CrmActivityDialog *self,
                              CrmActivityKind    kind)
{
  g_return_if_fail (CRM_IS_ACTIVITY_DIALOG (self));
  g_return_if_fail (kind <= CRM_ACTIVITY_TRAINING);

  if (adw_combo_row_get_selected (self->kind_row) != kind)
    adw_combo_row_set_selected (self->kind_row, kind);

  if (self->kind == kind)
    return;

  self->kind = kind;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KIND]);
}

gboolean
crm_activity_dialog_get_can_apply (CrmActivityDialog *self)
{
  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), FALSE);

  return self->can_apply;
}

/**
 * crm_activity_dialog_apply:
 * @self: a #CrmActivityDialog
 * @error: return location for a #GError
 *
 * Logs the activity with crm_store_log_activity(). On failure nothing is
 * written, the problem shows at its row and in a toast, and @error holds
 * it. The dialog stays open either way; the `dialog.apply` action closes
 * it after the activity was logged.
 *
 * Returns: the new activity's id, or 0 on error
 */
gint64
crm_activity_dialog_apply (CrmActivityDialog  *self,
                           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;
  CrmCallOutcome outcome = CRM_CALL_NONE;
  guint duration = 0;
  const char *problem;
  gint64 id;

  g_return_val_if_fail (CRM_IS_ACTIVITY_DIALOG (self), 0);

  problem = find_problem (self);
  if (problem != NULL)
    {
      self->note_touched = TRUE;
      update (self);
      add_toast (self, problem);
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD, problem);
      return 0;
    }

  if (self->kind == CRM_ACTIVITY_CALL)
    {
      outcome = selected_outcome (self);
      duration = (guint)gtk_spin_button_get_value_as_int (self->duration_spin) * 60;
    }
  note = dup_note (self);

  id = crm_store_log_activity (self->store, self->deal_id, self->kind, outcome, duration, note,
                               &local_error);
  if (id == 0)
    {
      /* The store's own words, at the note: the only row it can refuse. */
      show_problem (self, GTK_WIDGET (self->note_row), local_error->message);
      add_toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  g_signal_emit (self, signals [LOGGED], 0, id);

  return id;
}
