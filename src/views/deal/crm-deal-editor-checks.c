/* crm-deal-editor-checks.c
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
#include "crm-problem.h"
#include "crm-strings.h"

#include "crm-contact.h"

/* How the deal card checks its rows: each row that can hold a wrong
 * value has a Check, run as the rep types and shown after a pause (or at
 * once when the row was red before); a refused save puts the store's
 * verdict at the row it is about. */

/* A value that has just become wrong waits this long before the row turns
 * red, so that a phone number is not flagged after its first digit. */
#define SHOW_PROBLEM_DELAY_MS 700

static gboolean show_problems_cb             (gpointer                 user_data);
static void     check_text_changed_cb        (GtkEditable             *editable,
                                              Check                   *check);
static void     check_selected_changed_cb    (GObject                 *object,
                                              GParamSpec              *pspec,
                                              Check                   *check);
static void     check_focus_leave_cb         (GtkEventControllerFocus *controller,
                                              Check                   *check);

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

void
_crm_deal_editor_check_free (Check *check)
{
  g_signal_handlers_disconnect_by_data (check->row, check);
  if (check->focus != NULL)
    g_signal_handlers_disconnect_by_data (check->focus, check);
  g_free (check->key);
  g_free (check->message);
  g_free (check);
}

/* Showing problems */

static void
update_problems_label (CrmDealEditor *self,
                       GtkLabel      *label)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (label == NULL)
    return;

  for (guint i = 0; i < self->checks->len; i++)
    {
      Check *check = g_ptr_array_index (self->checks, i);

      if (check->problems_label != label || !check->shown || check->message == NULL)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, check->message);
    }

  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

static void
check_show (Check    *check,
            gboolean  show)
{
  show = show && check->message != NULL;
  check->shown = show;

  if (show)
    check->eager = TRUE;

  crm_problem_show (check->row, show ? check->message : NULL);
  update_problems_label (check->editor, check->problems_label);
}

void
_crm_deal_editor_show_problems (CrmDealEditor *self,
                   gboolean       include_quiet)
{
  g_clear_handle_id (&self->show_problems_source, g_source_remove);

  for (guint i = 0; i < self->checks->len; i++)
    {
      Check *check = g_ptr_array_index (self->checks, i);

      if (check->message != NULL && !check->shown && (include_quiet || !check->quiet))
        check_show (check, TRUE);
    }
}

Check *
_crm_deal_editor_first_problem (CrmDealEditor *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      Check *check = g_ptr_array_index (self->checks, i);

      if (check->message != NULL)
        return check;
    }

  return NULL;
}

/* Runs the row's own check; the store's verdict from a failed save stands
 * until the row is edited. */
static void
check_run (Check *check)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&check->message, g_free);

  if (check->func != NULL &&
      !check->func (check->editor, check, row_text (check->row), &error))
    check->message = g_strdup (error->message);
}

static void
check_set_store_problem (Check      *check,
                         const char *message)
{
  g_free (check->message);
  check->message = g_strdup (message);
  check_show (check, TRUE);
}

static void
check_changed (Check *check)
{
  CrmDealEditor *self = check->editor;

  check_run (check);

  /* Good news shows at once, and so does any problem of a row that was red
   * since it last had focus (replacing its text passes through an empty,
   * valid one); a new problem waits until typing pauses. */
  if (check->message == NULL || check->eager)
    check_show (check, check->message != NULL);
  else if (!check->quiet)
    {
      g_clear_handle_id (&self->show_problems_source, g_source_remove);
      self->show_problems_source = g_timeout_add (SHOW_PROBLEM_DELAY_MS, show_problems_cb, self);
    }

  _crm_deal_editor_update_can_save (self);
}

/* Adding checks */

Check *
_crm_deal_editor_add_check (CrmDealEditor *self,
           gpointer       row,
           GtkLabel      *problems_label,
           CheckFunc      func,
           CrmStoreError  code)
{
  Check *check = g_new0 (Check, 1);

  check->editor = self;
  check->row = GTK_WIDGET (row);
  check->problems_label = problems_label;
  check->func = func;
  check->code = code;

  if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (check_selected_changed_cb), check);
  else
    g_signal_connect (row, "changed", G_CALLBACK (check_text_changed_cb), check);

  check->focus = gtk_event_controller_focus_new ();
  g_signal_connect (check->focus, "leave", G_CALLBACK (check_focus_leave_cb), check);
  gtk_widget_add_controller (check->row, check->focus);

  g_ptr_array_add (self->checks, check);

  return check;
}

/* Which of @candidates the store meant: the first that fails its own
 * check, else @fallback. */
static Check *
find_failing (CrmDealEditor *self,
              Check         *fallback,
              Check        **candidates,
              guint          n_candidates)
{
  for (guint i = 0; i < n_candidates; i++)
    {
      if (candidates[i]->func != NULL &&
          !candidates[i]->func (self, candidates[i], row_text (candidates[i]->row), NULL))
        return candidates[i];
    }

  return fallback;
}

static Check *
find_failing_field (CrmDealEditor *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      Check *check = g_ptr_array_index (self->checks, i);

      if (check->key != NULL && !check->func (self, check, row_text (check->row), NULL))
        return check;
    }

  return NULL;
}

/* Mirrors the store's order: a contact without a name is reported before
 * a company without one. */
static Check *
find_unnamed (CrmDealEditor *self)
{
  gboolean contact_has_data = crm_contact_get_id (self->contact) > 0 ||
                              crm_deal_contact_section_has_reachable_data (self->contact_section);

  if (crm_str_is_blank (row_text (crm_deal_contact_section_get_name_row (self->contact_section))) &&
      contact_has_data)
    return self->contact_name_check;

  return self->company_name_check;
}

static Check *
check_for_store_error (CrmDealEditor *self,
                       const GError  *error)
{
  Check *phones[] = { self->phone_check, self->phone2_check, self->company_phone_check };
  Check *emails[] = { self->email_check, self->company_email_check };

  if (error->domain != CRM_STORE_ERROR)
    return NULL;

  switch (error->code)
    {
    case CRM_STORE_ERROR_INVALID_TITLE:
      return self->title_check;
    case CRM_STORE_ERROR_INVALID_AMOUNT:
      return self->amount_check;
    case CRM_STORE_ERROR_UNKNOWN_STAGE:
      return self->stage_check;
    case CRM_STORE_ERROR_INVALID_PHONE:
      return find_failing (self, self->phone_check, phones, G_N_ELEMENTS (phones));
    case CRM_STORE_ERROR_INVALID_EMAIL:
      return find_failing (self, self->email_check, emails, G_N_ELEMENTS (emails));
    case CRM_STORE_ERROR_INVALID_NAME:
      return find_unnamed (self);
    case CRM_STORE_ERROR_INVALID_FIELD:
      return find_failing_field (self);
    default:
      return NULL;
    }
}

void
_crm_deal_editor_show_save_error (CrmDealEditor *self,
                 const GError  *error)
{
  Check *check = check_for_store_error (self, error);

  if (check != NULL)
    {
      check_set_store_problem (check, error->message);
      gtk_widget_grab_focus (check->row);
    }

  _crm_deal_editor_add_toast (self, error->message, FALSE);
  _crm_deal_editor_update_can_save (self);
}

/* Signal callbacks */

static gboolean
show_problems_cb (gpointer user_data)
{
  CrmDealEditor *self = user_data;

  self->show_problems_source = 0;
  _crm_deal_editor_show_problems (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
check_text_changed_cb (GtkEditable *editable,
                       Check       *check)
{
  check_changed (check);
}

static void
check_selected_changed_cb (GObject    *object,
                           GParamSpec *pspec,
                           Check      *check)
{
  check_changed (check);
}

static void
check_focus_leave_cb (GtkEventControllerFocus *controller,
                      Check                   *check)
{
  if (check->message == NULL)
    check->eager = FALSE;
  else if (!check->quiet && !check->shown)
    check_show (check, TRUE);
}

/* Runs every row's own check, as when the card is filled. */
void
_crm_deal_editor_run_checks (CrmDealEditor *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    check_run (g_ptr_array_index (self->checks, i));
}
