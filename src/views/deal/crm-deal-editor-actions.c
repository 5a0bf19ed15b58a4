/* crm-deal-editor-actions.c
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

#define G_LOG_DOMAIN "crm-deal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-editor-private.h"

#include "crm-activity.h"
#include "crm-activity-dialog.h"
#include "crm-close-lost-dialog.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-reopen-dialog.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-task.h"
#include "crm-task-dialog.h"

/* The deal card's actions: the rep's work on the deal (read again after
 * every change; log a call or an activity, No Answer, tasks, Close as
 * Lost, Reopen), the call-script panel beside the card, saving and
 * cancelling. */

/* How much wider the card grows while the call-script panel shows. */
#define CALL_PANEL_WIDTH 440

/* The rep's work on the deal: its open tasks and its history */

/* This process changed the deal (a ladder, a closing, a quote's amount):
 * the card follows, and saves on top of that write. */
static void
deal_changed_cb (CrmDealEditor *self,
                 gint64         deal_id,
                 CrmStore      *store)
{
  if (deal_id == self->deal_id)
    _crm_deal_editor_refresh_work (self);
}

static gboolean
deal_is_open (CrmDealEditor *self,
              CrmDeal       *stored)
{
  CrmStage *stage = crm_store_find_stage (self->store, crm_deal_get_stage_id (stored));

  return stage != NULL && crm_stage_get_kind (stage) == CRM_STAGE_OPEN;
}

/* Another person changed the deal on the team server: their tasks and
 * history show, but the card keeps the version it read, so that its save
 * finds the conflict instead of writing over their change. */
static void
remote_deal_changed_cb (CrmDealEditor *self,
                        gint64         deal_id,
                        CrmStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) stored = NULL;

  if (deal_id != self->deal_id || !self->loaded)
    return;

  stored = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (stored == NULL)
    return;

  if (!crm_deal_work_section_refresh (self->work_pane, deal_is_open (self, stored), &error))
    _crm_deal_editor_add_toast (self, error->message, FALSE);
}

/* What the store's current stage of the deal allows; the procedure's
 * attempt ladder is what "No Answer" follows (TW-1, AXL-1). */
void
_crm_deal_editor_update_work_actions (CrmDealEditor *self,
                                      gboolean       open)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean existing = self->deal_id != 0 && self->loaded;
  gboolean has_ladder = self->procedure != NULL &&
                        crm_procedure_get_attempt_ladder (self->procedure) != NULL;
  /* While the call-script panel runs a call, that call is the one to
   * log: no second call is logged or started beside it. */
  gboolean calling = self->call_panel != NULL;

  gtk_widget_action_set_enabled (widget, "editor.start-call", existing && !calling);
  gtk_widget_action_set_enabled (widget, "editor.log-call", existing && !calling);
  gtk_widget_action_set_enabled (widget, "editor.log-activity", existing);
  gtk_widget_action_set_enabled (widget, "editor.add-task", existing);
  gtk_widget_action_set_enabled (widget, "editor.close-task", existing);
  gtk_widget_action_set_enabled (widget, "editor.no-answer", existing && open && has_ladder && !calling);
  gtk_widget_action_set_enabled (widget, "editor.close-lost", existing && open);
  gtk_widget_action_set_enabled (widget, "editor.reopen", existing && !open);

  gtk_widget_set_visible (self->start_call_button, existing);
}

/* The card saves over the rows as they are stored now: what this process
 * wrote (a ladder, a closing), or, when the rep chose to, another
 * person's change. */
static void
take_stored_versions (CrmDealEditor *self,
                      CrmDeal       *stored)
{
  crm_deal_set_version (self->deal, crm_deal_get_version (stored));
  if (crm_contact_get_id (self->contact) > 0)
    {
      g_autoptr(CrmContact) contact = crm_store_load_contact (self->store, crm_contact_get_id (self->contact), NULL);

      if (contact != NULL)
        crm_contact_set_version (self->contact, crm_contact_get_version (contact));
    }
  if (crm_company_get_id (self->company) > 0)
    {
      g_autoptr(CrmCompany) company = crm_store_load_company (self->store, crm_company_get_id (self->company), NULL);

      if (company != NULL)
        crm_company_set_version (self->company, crm_company_get_version (company));
    }
}

/* A ladder or a closing moved the deal in the store: the stage row
 * follows, so that saving the card does not move it back. */
static void
follow_stored_stage (CrmDealEditor *self,
                     CrmDeal       *stored)
{
  take_stored_versions (self, stored);

  if (crm_deal_get_stage_id (stored) == crm_deal_get_stage_id (self->deal))
    return;

  crm_deal_set_pipeline_id (self->deal, crm_deal_get_pipeline_id (stored));
  crm_deal_set_stage_id (self->deal, crm_deal_get_stage_id (stored));
  crm_deal_details_section_show_stages (self->details_section, self->deal);
}

/* Reads the deal's work again from the store, after any change to it. */
void
_crm_deal_editor_refresh_work (CrmDealEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) stored = NULL;
  gboolean open;

  if (self->deal_id == 0 || !self->loaded)
    return;

  stored = crm_store_load_deal (self->store, self->deal_id, &error);
  if (stored == NULL)
    {
      _crm_deal_editor_add_toast (self, error->message, TRUE);
      _crm_deal_editor_update_work_actions (self, FALSE);
      return;
    }

  follow_stored_stage (self, stored);
  open = deal_is_open (self, stored);

  if (!crm_deal_work_section_refresh (self->work_pane, open, &error))
    _crm_deal_editor_add_toast (self, error->message, FALSE);

  _crm_deal_editor_update_work_actions (self, open);
}

/* An existing deal shows its work beside its fields. */
void
_crm_deal_editor_show_work (CrmDealEditor *self)
{
  if (self->deal_id == 0 || !self->loaded || gtk_widget_get_visible (GTK_WIDGET (self->work_pane)))
    return;

  g_signal_connect_object (self->store, "deal-changed::local", G_CALLBACK (deal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "deal-changed::remote", G_CALLBACK (remote_deal_changed_cb), self,
                           G_CONNECT_SWAPPED);

  crm_deal_work_section_set_deal_id (self->work_pane, self->deal_id);
  gtk_window_set_default_size (GTK_WINDOW (self), 1040, 720);
  gtk_widget_set_visible (self->work_separator, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->work_pane), TRUE);

  _crm_deal_editor_refresh_work (self);
}

static void
present_dialog (CrmDealEditor *self,
                GtkWidget     *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Signal callbacks */

static void
activity_logged_cb (CrmDealEditor     *self,
                    gint64             activity_id,
                    CrmActivityDialog *dialog)
{
  gboolean call = crm_activity_dialog_get_kind (dialog) == CRM_ACTIVITY_CALL;

  /* Logging changes no deal, so the store says nothing about it. */
  _crm_deal_editor_refresh_work (self);
  _crm_deal_editor_add_toast (self, call ? _("Call logged") : _("Activity logged"), FALSE);
}

static void
task_saved_cb (CrmDealEditor *self,
               gint64         task_id,
               CrmTaskDialog *dialog)
{
  gboolean closed = crm_task_dialog_get_task (dialog) != NULL;

  _crm_deal_editor_refresh_work (self);
  _crm_deal_editor_add_toast (self, closed ? _("Task closed") : _("Task added"), FALSE);
}

static void
deal_closed_cb (CrmDealEditor      *self,
                gint64              deal_id,
                CrmCloseLostDialog *dialog)
{
  _crm_deal_editor_refresh_work (self);
  _crm_deal_editor_add_toast (self, _("The deal is closed as lost"), FALSE);
}

/* The store decides and logs the reopening, with the reason given; the
 * card follows the deal back into its open stage. */
static void
reopen_response_cb (CrmDealEditor   *self,
                    const char      *response,
                    CrmReopenDialog *dialog)
{
  g_autofree char *reason = crm_reopen_dialog_dup_reason (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reopen"))
    return;

  if (!crm_store_reopen_deal (self->store, self->deal_id, 0, reason, &error))
    {
      _crm_deal_editor_add_toast (self, error->message, FALSE);
      return;
    }

  _crm_deal_editor_refresh_work (self);
  _crm_deal_editor_add_toast (self, _("The deal is reopened"), FALSE);
}

/* The call-script panel */

/* The card grows by the panel's width, within the screen it is on. */
static void
widen_for_call (CrmDealEditor *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  int width = 0, height = 0;
  int wanted;

  /* The default size follows what the rep made of the window. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  self->width_before_call = width;
  wanted = width + CALL_PANEL_WIDTH;

  if (surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          wanted = MIN (wanted, geometry.width);
        }
    }

  gtk_window_set_default_size (GTK_WINDOW (self), wanted, height);
}

static void
narrow_after_call (CrmDealEditor *self)
{
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (self->width_before_call > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), self->width_before_call, height);
}

/* The call is logged or discarded: the panel goes and the card is as
 * before, with the deal's work read again. */
static void
close_call_panel (CrmDealEditor *self)
{
  if (self->call_panel == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->call_panel, self);
  self->call_panel = NULL;
  gtk_revealer_set_reveal_child (self->call_revealer, FALSE);
  adw_bin_set_child (self->call_bin, NULL);
  narrow_after_call (self);

  _crm_deal_editor_refresh_work (self);
}

static void
call_answer_saved_cb (CrmDealEditor *self,
                      const char    *field,
                      CrmCallPanel  *panel)
{
  _crm_deal_editor_refresh_field (self, field);
}

static void
call_finished_cb (CrmDealEditor *self,
                  gint64         activity_id,
                  CrmCallPanel  *panel)
{
  close_call_panel (self);
  _crm_deal_editor_add_toast (self, _("Call logged"), FALSE);
}

static void
call_discarded_cb (CrmDealEditor *self,
                   CrmCallPanel  *panel)
{
  close_call_panel (self);

  if (self->close_after_discard)
    gtk_window_close (GTK_WINDOW (self));
  else
    _crm_deal_editor_add_toast (self, _("Call discarded"), FALSE);
}

/* Whether a running call kept the card open: the rep is asked first. */
gboolean
_crm_deal_editor_ask_before_discarding_call (CrmDealEditor *self,
                                             gboolean       close_after)
{
  if (self->call_panel == NULL || !crm_call_panel_get_running (self->call_panel))
    return FALSE;

  self->close_after_discard = close_after;
  crm_call_panel_ask_discard (self->call_panel);

  return TRUE;
}

/* Actions */

static void
open_activity_dialog (CrmDealEditor   *self,
                      CrmActivityKind  kind)
{
  GtkWidget *dialog = crm_activity_dialog_new (self->store, self->deal_id, kind);

  g_signal_connect_object (dialog, "logged",
                           G_CALLBACK (activity_logged_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
log_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_activity_dialog (CRM_DEAL_EDITOR (widget), CRM_ACTIVITY_CALL);
}

static void
log_activity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_activity_dialog (CRM_DEAL_EDITOR (widget), CRM_ACTIVITY_NOTE);
}

/* "Next attempt today at 10:00", "Next attempt Thu 10:00". */
static char *
dup_next_attempt_text (GDateTime *next,
                       GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (next);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *when = NULL;

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: %s is a time, 10:00 */
    return g_strdup_printf (_("Next attempt today at %s"), time);

  /* Translators: when the next call is due, see g_date_time_format() */
  when = g_date_time_format (local, _("%a %H:%M"));
  /* Translators: %s is a day and time, Thu 10:00 */
  return g_strdup_printf (_("Next attempt %s"), when);
}

static void
no_answer_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = crm_store_now (self->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint queued = crm_store_count_queued_emails (self->store, self->deal_id, NULL);
  gboolean emailed;
  CrmLadderAction action;

  /* TW-1, AXL-1: the procedure's ladder decides what comes next; the card
   * says what it did. */
  action = crm_store_record_no_answer (self->store, self->deal_id, &next, &error);
  emailed = crm_store_count_queued_emails (self->store, self->deal_id, NULL) > queued;

  switch (action)
    {
    case CRM_LADDER_RESCHEDULED:
      text = next != NULL ? dup_next_attempt_text (next, now)
                          : g_strdup (_("Next attempt planned"));
      if (emailed)
        {
          g_autofree char *attempt = g_steal_pointer (&text);

          /* Translators: %s is “Next attempt Thu 10:00” */
          text = g_strdup_printf (_("%s; an email asking the client to get in touch is queued"),
                                  attempt);
        }
      break;

    case CRM_LADDER_CLOSED:
      text = g_strdup (_("Closed: could not reach the client"));
      break;

    case CRM_LADDER_FINISHED:
      text = g_strdup (emailed
                       ? _("No attempts left: an email asking the client to get in touch is queued")
                       : _("No attempts left"));
      break;

    case CRM_LADDER_NONE:
    default:
      text = g_strdup (error != NULL ? error->message : _("The call could not be logged."));
      break;
    }

  _crm_deal_editor_refresh_work (self);
  _crm_deal_editor_add_toast (self, text, FALSE);
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  GtkWidget *dialog = crm_task_dialog_new_add (self->store, self->deal_id);

  g_signal_connect_object (dialog, "saved",
                           G_CALLBACK (task_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
close_task_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  gint64 task_id = g_variant_get_int64 (parameter);
  CrmTask *task = crm_deal_work_section_find_task (self->work_pane, task_id);
  GtkWidget *dialog;

  if (task == NULL)
    {
      g_debug ("Task %" G_GINT64_FORMAT " is not open on this deal", task_id);
      return;
    }

  dialog = crm_task_dialog_new_close (self->store, task);
  g_signal_connect_object (dialog, "saved",
                           G_CALLBACK (task_saved_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

static void
close_lost_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  GtkWidget *dialog = crm_close_lost_dialog_new (self->store, self->deal_id);

  g_signal_connect_object (dialog, "deal-closed",
                           G_CALLBACK (deal_closed_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

/* A won or lost deal is reopened on purpose, saying why. */
static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  GtkWidget *dialog;

  if (deal == NULL)
    return;

  dialog = crm_reopen_dialog_new (crm_deal_get_title (deal));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, G_CONNECT_SWAPPED);
  present_dialog (self, dialog);
}

/* Issue 4: a call with the procedure's script, in a panel beside the
 * deal. */
static void
start_call_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  if (self->call_panel != NULL)
    return;

  /* Shown before the call starts, so that its first page can take the
   * focus. */
  panel = crm_call_panel_new (self->store, self->deal_id);
  adw_bin_set_child (self->call_bin, panel);
  widen_for_call (self);
  gtk_revealer_set_reveal_child (self->call_revealer, TRUE);

  if (!crm_call_panel_start (CRM_CALL_PANEL (panel), &error))
    {
      gtk_revealer_set_reveal_child (self->call_revealer, FALSE);
      adw_bin_set_child (self->call_bin, NULL);
      narrow_after_call (self);
      _crm_deal_editor_add_toast (self, error->message, FALSE);
      return;
    }

  self->call_panel = CRM_CALL_PANEL (panel);
  self->close_after_discard = FALSE;
  g_signal_connect_object (panel, "answer-saved", G_CALLBACK (call_answer_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (panel, "finished", G_CALLBACK (call_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (panel, "discarded", G_CALLBACK (call_discarded_cb), self,
                           G_CONNECT_SWAPPED);

  _crm_deal_editor_refresh_work (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  /* Problems are shown by crm_deal_editor_save(); the card stays open. */
  if (crm_deal_editor_save (self, &error))
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("Deal not saved: %s", error->message);
}

/* Issue 10, item 5: someone else saved the deal, its contact or its
 * company after the card read them. The card keeps everything typed and
 * asks which version stays; nothing is decided for the rep. */
void
_crm_deal_editor_show_conflict (CrmDealEditor *self,
                                const GError  *error)
{
  gtk_label_set_text (self->conflict_label, error->message);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
}

static void
reload_theirs_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!_crm_deal_editor_show_stored (self, &error))
    _crm_deal_editor_add_toast (self, error->message, TRUE);
}

/* Saving over the other person's change is the rep's decision: the card
 * takes the versions stored now, so the save writes what was typed. */
static void
save_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) stored = crm_store_load_deal (self->store, self->deal_id, &error);

  if (stored == NULL)
    {
      _crm_deal_editor_add_toast (self, error->message, TRUE);
      return;
    }

  take_stored_versions (self, stored);
  save_action (widget, "editor.save", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* Escape during a call is about the call: the rep is asked whether to
   * discard it, and the card stays. */
  if (_crm_deal_editor_ask_before_discarding_call (CRM_DEAL_EDITOR (widget), FALSE))
    return;

  gtk_window_close (GTK_WINDOW (widget));
}

void
_crm_deal_editor_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.reload-theirs", NULL, reload_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.save-over", NULL, save_over_action);
  gtk_widget_class_install_action (widget_class, "editor.log-call", NULL, log_call_action);
  gtk_widget_class_install_action (widget_class, "editor.log-activity", NULL, log_activity_action);
  gtk_widget_class_install_action (widget_class, "editor.no-answer", NULL, no_answer_action);
  gtk_widget_class_install_action (widget_class, "editor.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "editor.close-task", "x", close_task_action);
  gtk_widget_class_install_action (widget_class, "editor.close-lost", NULL, close_lost_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.start-call", NULL, start_call_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.start-call", NULL);
}
