/* crm-close-lost-dialog.c
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

#define G_LOG_DOMAIN "crm-close-lost-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-close-lost-dialog.h"
#include "crm-date-time-chooser.h"
#include "crm-problem.h"
#include "crm-strings.h"
#include "crm-toast.h"

#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-store.h"

/* Closes a deal as lost with what the procedures ask of a refusal: the
 * reason (HS-10, RAD-12), who refused, with their position, and when
 * (CON-8), and what was agreed. Whether the deal may be closed for this
 * reason yet is the store's decision (AXL-10: enough attempts, enough
 * silence); the dialog shows its refusal at the reason. */

struct _CrmCloseLostDialog
{
  AdwWindow            parent_instance;

  /* Owned references */
  CrmStore            *store;
  GPtrArray           *reason_keys;     /* (element-type utf8): NULL first, for the placeholder */
  char                *reason_problem;  /* the store's refusal, until the reason changes */

  gint64               deal_id;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwComboRow         *reason_row;
  GtkStringList       *reason_list;
  GtkLabel            *reason_problems_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *position_row;
  CrmDateTimeChooser  *date_chooser;
  AdwEntryRow         *agreed_row;
  GtkLabel            *who_problems_label;

  /* Whether the name row shows why Close is disabled: once it was typed
   * in and left, or the store refused it. */
  guint                name_touched : 1;
  /* The deal is closed; only the note of what was agreed failed. */
  guint                closed : 1;
  guint                can_apply : 1;
  /* Rows emit signals while the template is disposed (the focused one
   * loses focus); nothing is updated then. */
  guint                disposing : 1;
};

G_DEFINE_FINAL_TYPE (CrmCloseLostDialog, crm_close_lost_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_CAN_APPLY,
  N_PROPS
};

enum {
  DEAL_CLOSED,
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

static void
add_toast (CrmCloseLostDialog *self,
           const char         *text)
{
  crm_toast_show (self->toast_overlay, crm_toast_new_text (text));
}

static GDateTime *
today (CrmCloseLostDialog *self)
{
  g_autoptr(GDateTime) now = crm_store_now (self->store);

  return g_date_time_to_local (now);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* When the client refused: now for today, else noon of the picked day,
 * which stays that day in any time zone of the team. */
static GDateTime *
dup_refused_on (CrmCloseLostDialog *self)
{
  GDateTime *day = crm_date_time_chooser_get_date_time (self->date_chooser);
  g_autoptr(GDateTime) now = today (self);

  if (same_day (day, now))
    return NULL;

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 12, 0, 0);
}

static const char *
find_reason_problem (CrmCloseLostDialog *self)
{
  if (crm_close_lost_dialog_get_reason (self) == NULL)
    return _("Choose why the deal was lost.");

  return self->reason_problem;
}

static const char *
find_name_problem (CrmCloseLostDialog *self)
{
  /* CON-8: who refused is part of the record. */
  if (row_is_blank (self->name_row))
    return _("Say who refused: their name is needed.");

  return NULL;
}

static const char *
find_date_problem (CrmCloseLostDialog *self)
{
  GDateTime *day = crm_date_time_chooser_get_date_time (self->date_chooser);
  g_autoptr(GDateTime) now = today (self);

  if (!same_day (day, now) && g_date_time_compare (day, now) > 0)
    return _("The refusal cannot be in the future.");

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
update (CrmCloseLostDialog *self)
{
  const char *reason_problem, *name_problem, *date_problem, *shown_name;
  gboolean can_apply;

  if (self->disposing)
    return;

  reason_problem = find_reason_problem (self);
  name_problem = find_name_problem (self);
  date_problem = find_date_problem (self);
  can_apply = !self->closed &&
              reason_problem == NULL && name_problem == NULL && date_problem == NULL;
  shown_name = self->name_touched ? name_problem : NULL;

  /* An unchosen reason is no error yet; the store's refusal is. */
  show_problem (GTK_WIDGET (self->reason_row), self->reason_problem);
  set_label (self->reason_problems_label, self->reason_problem, NULL);

  show_problem (GTK_WIDGET (self->name_row), shown_name);
  show_problem (GTK_WIDGET (crm_date_time_chooser_get_date_row (self->date_chooser)), date_problem);
  set_label (self->who_problems_label, shown_name, date_problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", can_apply);

  if (self->can_apply == can_apply)
    return;

  self->can_apply = can_apply;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_APPLY]);
}

/* Where the store's refusal belongs: at the reason, unless it is about
 * who refused. The rows keep it until they are changed. */
static void
show_store_error (CrmCloseLostDialog *self,
                  const GError       *error)
{
  if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS) &&
      find_name_problem (self) != NULL)
    self->name_touched = TRUE;
  else
    {
      g_free (self->reason_problem);
      self->reason_problem = g_strdup (error->message);
    }

  update (self);
  add_toast (self, error->message);
}

static void
fill_reasons (CrmCloseLostDialog *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  guint n_reasons = procedure != NULL ? crm_procedure_get_n_loss_reasons (procedure) : 0;

  /* Nothing is preselected: the reason must be the rep's choice
   * (AXL-10: objective). */
  g_ptr_array_add (self->reason_keys, NULL);
  /* Translators: the placeholder of a drop-down nothing was chosen from yet */
  gtk_string_list_append (self->reason_list, _("Choose…"));

  for (guint i = 0; i < n_reasons; i++)
    {
      const CrmProcedureChoice *reason = crm_procedure_get_loss_reason (procedure, i);

      g_ptr_array_add (self->reason_keys, g_strdup (reason->key));
      gtk_string_list_append (self->reason_list, crm_text_get (&reason->name));
    }

  adw_combo_row_set_selected (self->reason_row, 0);
}

/* Signal callbacks */

static void
reason_selected_cb (CrmCloseLostDialog *self)
{
  /* A refusal was about the reason it was given for. */
  g_clear_pointer (&self->reason_problem, g_free);
  update (self);
}

static void
name_changed_cb (CrmCloseLostDialog *self)
{
  if (!row_is_blank (self->name_row))
    self->name_touched = TRUE;

  update (self);
}

static void
name_focus_leave_cb (CrmCloseLostDialog *self)
{
  self->name_touched = TRUE;
  update (self);
}

static void
date_changed_cb (CrmCloseLostDialog *self)
{
  update (self);
}

/* Actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CrmCloseLostDialog *self = CRM_CLOSE_LOST_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  /* Problems are shown by crm_close_lost_dialog_apply(). */
  if (crm_close_lost_dialog_apply (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("Deal not closed: %s", error->message);
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
crm_close_lost_dialog_constructed (GObject *object)
{
  CrmCloseLostDialog *self = (CrmCloseLostDialog *)object;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GDateTime) now = NULL;

  G_OBJECT_CLASS (crm_close_lost_dialog_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (deal != NULL)
    adw_window_title_set_subtitle (self->window_title, crm_deal_get_title (deal));

  fill_reasons (self);

  now = today (self);
  crm_date_time_chooser_set_date_time (self->date_chooser, now);
  update (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
crm_close_lost_dialog_dispose (GObject *object)
{
  CrmCloseLostDialog *self = (CrmCloseLostDialog *)object;

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CLOSE_LOST_DIALOG);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_close_lost_dialog_parent_class)->dispose (object);
}

static void
crm_close_lost_dialog_finalize (GObject *object)
{
  CrmCloseLostDialog *self = (CrmCloseLostDialog *)object;

  g_clear_pointer (&self->reason_keys, g_ptr_array_unref);
  g_clear_pointer (&self->reason_problem, g_free);

  G_OBJECT_CLASS (crm_close_lost_dialog_parent_class)->finalize (object);
}

static void
crm_close_lost_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrmCloseLostDialog *self = CRM_CLOSE_LOST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_CAN_APPLY:
      g_value_set_boolean (value, self->can_apply);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_close_lost_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrmCloseLostDialog *self = CRM_CLOSE_LOST_DIALOG (object);

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
crm_close_lost_dialog_class_init (CrmCloseLostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_close_lost_dialog_constructed;
  object_class->dispose = crm_close_lost_dialog_dispose;
  object_class->finalize = crm_close_lost_dialog_finalize;
  object_class->get_property = crm_close_lost_dialog_get_property;
  object_class->set_property = crm_close_lost_dialog_set_property;

  /**
   * CrmCloseLostDialog:store:
   *
   * The store that closes the deal.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCloseLostDialog:deal-id:
   *
   * The deal to close as lost.
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCloseLostDialog:can-apply:
   *
   * Whether a reason is chosen and who refused is named, so that Close
   * is enabled. The store may still refuse (AXL-10).
   */
  properties [PROP_CAN_APPLY] =
    g_param_spec_boolean ("can-apply", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmCloseLostDialog::deal-closed:
   * @self: a #CrmCloseLostDialog
   * @deal_id: the deal
   *
   * Emitted after the store closed the deal as lost.
   */
  signals [DEAL_CLOSED] =
    g_signal_new ("deal-closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CRM_TYPE_DATE_TIME_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-close-lost-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, reason_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, reason_problems_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, agreed_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCloseLostDialog, who_problems_label);
  gtk_widget_class_bind_template_callback (widget_class, reason_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
crm_close_lost_dialog_init (CrmCloseLostDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reason_keys = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.apply", FALSE);
}

/* Public API */

/**
 * crm_close_lost_dialog_new:
 * @store: the store
 * @deal_id: an open deal
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_close_lost_dialog_new (CrmStore *store,
                           gint64    deal_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);

  return g_object_new (CRM_TYPE_CLOSE_LOST_DIALOG,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);
}

CrmStore *
crm_close_lost_dialog_get_store (CrmCloseLostDialog *self)
{
  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), NULL);

  return self->store;
}

gint64
crm_close_lost_dialog_get_deal_id (CrmCloseLostDialog *self)
{
  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), 0);

  return self->deal_id;
}

/**
 * crm_close_lost_dialog_get_reason:
 * @self: a #CrmCloseLostDialog
 *
 * Returns: (nullable): the key of the chosen loss reason, or %NULL while
 *   none is chosen
 */
const char *
crm_close_lost_dialog_get_reason (CrmCloseLostDialog *self)
{
  guint selected;

  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->reason_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->reason_keys->len)
    return NULL;

  return g_ptr_array_index (self->reason_keys, selected);
}

/**
 * crm_close_lost_dialog_set_reason:
 * @self: a #CrmCloseLostDialog
 * @reason: (nullable): a loss reason key of the procedure, or %NULL
 *
 * Chooses the reason in the reason row, as the rep would.
 *
 * Returns: %TRUE when the procedure has that reason
 */
gboolean
crm_close_lost_dialog_set_reason (CrmCloseLostDialog *self,
                                  const char         *reason)
{
  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), FALSE);

  for (guint i = 0; i < self->reason_keys->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->reason_keys, i), reason) == 0)
        {
          adw_combo_row_set_selected (self->reason_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
crm_close_lost_dialog_get_can_apply (CrmCloseLostDialog *self)
{
  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), FALSE);

  return self->can_apply;
}

/**
 * crm_close_lost_dialog_apply:
 * @self: a #CrmCloseLostDialog
 * @error: return location for a #GError
 *
 * Closes the deal with crm_store_close_lost(), then logs what was agreed
 * as a note. When the store refuses (%CRM_STORE_ERROR_REFUSAL for AXL-10)
 * nothing is written, the refusal shows at the reason and in a toast, and
 * @error holds it. The dialog stays open either way; the `dialog.apply`
 * action closes it after success.
 *
 * Returns: %TRUE when the deal was closed
 */
gboolean
crm_close_lost_dialog_apply (CrmCloseLostDialog  *self,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) refused_on = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *agreed = NULL;
  const char *problem;

  g_return_val_if_fail (CRM_IS_CLOSE_LOST_DIALOG (self), FALSE);

  problem = find_reason_problem (self);
  if (problem == NULL)
    problem = find_name_problem (self);
  if (problem == NULL)
    problem = find_date_problem (self);
  if (problem != NULL || self->closed)
    {
      if (problem == NULL)
        problem = _("The deal is already closed.");
      self->name_touched = TRUE;
      update (self);
      add_toast (self, problem);
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS, problem);
      return FALSE;
    }

  name = dup_row_text (self->name_row);
  position = dup_row_text (self->position_row);
  agreed = dup_row_text (self->agreed_row);
  refused_on = dup_refused_on (self);

  if (!crm_store_close_lost (self->store, self->deal_id, crm_close_lost_dialog_get_reason (self),
                             name, position, refused_on, &local_error))
    {
      show_store_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->closed = TRUE;
  update (self);

  /* The store keeps no note with a closing; what was agreed goes into the
   * deal's history, after the closing so that a refused closing leaves
   * nothing behind. */
  if (agreed != NULL &&
      crm_store_log_activity (self->store, self->deal_id, CRM_ACTIVITY_NOTE, CRM_CALL_NONE, 0,
                              agreed, &local_error) == 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The deal is closed, but what was agreed was not saved: %s"),
                                 local_error->message);

      g_signal_emit (self, signals [DEAL_CLOSED], 0, self->deal_id);
      add_toast (self, message);
      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return FALSE;
    }

  g_signal_emit (self, signals [DEAL_CLOSED], 0, self->deal_id);

  return TRUE;
}
