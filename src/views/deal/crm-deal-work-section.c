/* crm-deal-work-section.c
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

#define G_LOG_DOMAIN "crm-deal-work-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-work-section.h"
#include "crm-deal-quotes-section.h"
#include "crm-strings.h"

#include "crm-activity.h"
#include "crm-email.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-task.h"

/* The rep's work on an existing deal, beside its fields: what is to be
 * done (its open tasks), what was done (its timeline; HS-6: read it
 * before calling), what waits to be sent and whether the deal must be
 * closed (AXL-10). Its buttons name the deal card's `editor.*` actions;
 * the card says when the section reads the deal again. */
struct _CrmDealWorkSection
{
  GtkBox                parent_instance;

  /* Owned references */
  CrmStore             *store;
  GListModel           *tasks;         /* (element-type CrmTask): the open tasks shown */

  gint64                deal_id;

  /* Template widgets */
  GtkWidget            *must_close_box;
  GtkLabel             *must_close_label;
  GtkLabel             *outbox_label;
  GtkListBox           *tasks_list;
  GtkButton            *no_answer_button;
  GtkButton            *close_lost_button;
  GtkButton            *reopen_button;
  GtkStack             *timeline_stack;
  CrmDealQuotesSection *quotes_section;
  GListStore           *timeline;      /* (element-type CrmActivity), newest first */

  /* The tasks list's placeholder (RAD-5), owned by the list */
  GtkLabel             *no_task_label;
};

G_DEFINE_FINAL_TYPE (CrmDealWorkSection, crm_deal_work_section, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

/* "Today 10:00", "Tomorrow 10:00", "Thu 5 Mar, 10:00", "5 Mar 2025, 10:00":
 * when something happened or is due, as seen from @now. */
static char *
format_when (GDateTime *when,
             GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (local_now),
                                                      g_date_time_get_month (local_now),
                                                      g_date_time_get_day_of_month (local_now), 0, 0, 0);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  GTimeSpan difference = g_date_time_difference (day, today);
  gint64 days;

  /* Rounded to the nearest day, so that a day of 23 or 25 hours still
   * counts as one, before and after today alike. */
  if (difference >= 0)
    days = (difference + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;
  else
    days = (difference - G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (days == 0)
    /* Translators: when something is due or happened; %s is the time */
    return g_strdup_printf (_("Today %s"), time);

  if (days == 1)
    /* Translators: when something is due; %s is the time */
    return g_strdup_printf (_("Tomorrow %s"), time);

  if (days == -1)
    /* Translators: when something happened; %s is the time */
    return g_strdup_printf (_("Yesterday %s"), time);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date this year, see g_date_time_format() */
    return g_date_time_format (local, _("%a %-d %b, %H:%M"));

  /* Translators: a date of another year, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* AXL-10: how long a deal may stay silent, as the procedure says; the
 * store decides whether this deal has been. */
static char *
dup_must_close_text (CrmDealWorkSection *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  JsonObject *refusal = NULL;
  const char *limit = NULL;
  GTimeSpan span = 0;
  guint days;

  if (procedure != NULL)
    refusal = crm_procedure_get_refusal (procedure);
  if (refusal != NULL)
    limit = json_object_get_string_member_with_default (refusal, "must_close_after", NULL);

  if (limit == NULL || !crm_procedure_parse_duration (limit, &span) || span < G_TIME_SPAN_DAY)
    return g_strdup (_("Must be closed: no activity for too long"));

  days = (guint)(span / G_TIME_SPAN_DAY);
  if (days % 7 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Must be closed: no activity for %u week",
                                         "Must be closed: no activity for %u weeks",
                                         days / 7),
                            days / 7);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Must be closed: no activity for %u day",
                                       "Must be closed: no activity for %u days",
                                       days),
                          days);
}

static GtkWidget *
create_task_row (gpointer item,
                 gpointer user_data)
{
  CrmDealWorkSection *self = user_data;
  CrmTask *task = item;
  GDateTime *due_at = crm_task_get_due_at (task);
  g_autoptr(GDateTime) now = crm_store_now (self->store);
  g_autofree char *close_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *due = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_label (_("Close…"));

  /* Task titles come from people and procedures, not from markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_task_get_title (task));

  if (due_at != NULL)
    {
      g_autofree char *when = format_when (due_at, now);

      /* RAD-6: an overdue task stands out. */
      if (g_date_time_compare (due_at, now) < 0)
        {
          g_autofree char *text = g_strdup_printf (_("Overdue: %s"), when);

          gtk_label_set_text (GTK_LABEL (due), text);
          gtk_widget_add_css_class (due, "warning");
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (due), when);
          gtk_widget_add_css_class (due, "dim-label");
        }
    }
  /* The title wraps; the due time stays on one line. */
  gtk_widget_add_css_class (due, "caption");
  gtk_widget_add_css_class (due, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);

  /* Translators: the accessible name of a task's Close… button; %s is the task */
  close_label = g_strdup_printf (_("Close “%s”"), crm_task_get_title (task));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, close_label,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.close-task");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", crm_task_get_id (task));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_timeline (CrmDealWorkSection  *self,
                  GError             **error)
{
  g_autoptr(GListModel) timeline = crm_store_get_timeline (self->store, self->deal_id, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  if (timeline == NULL)
    return;

  n_items = g_list_model_get_n_items (timeline);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (timeline, i));

  g_list_store_splice (self->timeline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->timeline)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->timeline_stack, n_items > 0 ? "timeline" : "empty");
}

/* The emails the stage rules queued: sending comes later, but the rep
 * sees what will go out (AXL-9, AXL-10, TW-4). */
static void
refresh_outbox (CrmDealWorkSection *self)
{
  g_auto(GStrv) keys = crm_store_list_queued_emails (self->store, self->deal_id);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, crm_email_template_get_label (keys[i]));
    }

  /* Translators: the emails of a deal waiting in the outgoing queue */
  text = g_strdup_printf (_("Waiting to be sent: %s"), names->str);
  gtk_label_set_text (self->outbox_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->outbox_label), keys[0] != NULL);
}

static void
refresh_tasks (CrmDealWorkSection  *self,
               gboolean             open,
               GError             **error)
{
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (self->store, self->deal_id, error);

  if (tasks == NULL)
    return;

  g_set_object (&self->tasks, tasks);
  gtk_list_box_bind_model (self->tasks_list, self->tasks, create_task_row, self, NULL);

  /* RAD-5: every open deal has a current task. */
  gtk_label_set_text (self->no_task_label,
                      open ? _("No task: add the next step") : _("No open tasks"));
  if (open)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->no_task_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->no_task_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->no_task_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->no_task_label), "dim-label");
    }
}

/* The timeline's rows; @activity is NULL while a row is not bound. */

static char *
activity_icon_cb (GtkListItem *list_item,
                  CrmActivity *activity)
{
  if (activity == NULL)
    return NULL;

  switch (crm_activity_get_kind (activity))
    {
    case CRM_ACTIVITY_CALL:
      switch (crm_activity_get_outcome (activity))
        {
        case CRM_CALL_NO_ANSWER:
        case CRM_CALL_BUSY:
        case CRM_CALL_WRONG_NUMBER:
          return g_strdup ("call-missed-symbolic");
        case CRM_CALL_NONE:
        case CRM_CALL_REACHED:
        case CRM_CALL_CALL_BACK:
        default:
          return g_strdup ("call-start-symbolic");
        }
    case CRM_ACTIVITY_MEETING:
      return g_strdup ("system-users-symbolic");
    case CRM_ACTIVITY_EMAIL:
      return g_strdup ("mail-send-symbolic");
    case CRM_ACTIVITY_DOCUMENT:
      return g_strdup ("document-send-symbolic");
    case CRM_ACTIVITY_TRAINING:
      return g_strdup ("x-office-presentation-symbolic");
    case CRM_ACTIVITY_NOTE:
    default:
      return g_strdup ("document-edit-symbolic");
    }
}

static char *
activity_summary_cb (GtkListItem *list_item,
                     CrmActivity *activity)
{
  return activity != NULL ? crm_activity_dup_summary (activity) : NULL;
}

static char *
activity_when_cb (GtkListItem *list_item,
                  CrmActivity *activity)
{
  g_autoptr(GDateTime) now = NULL;

  if (activity == NULL || crm_activity_get_at (activity) == NULL)
    return NULL;

  /* Seen from the reader's clock: the history says when things happened
   * as the rep reads it. */
  now = g_date_time_new_now_local ();

  return format_when (crm_activity_get_at (activity), now);
}

static char *
activity_note_cb (GtkListItem *list_item,
                  CrmActivity *activity)
{
  return activity != NULL ? g_strdup (crm_activity_get_note (activity)) : NULL;
}

static gboolean
activity_has_note_cb (GtkListItem *list_item,
                      CrmActivity *activity)
{
  return activity != NULL && !crm_str_is_blank (crm_activity_get_note (activity));
}

/* Who logged it and, for a call, how long it took. */
static char *
activity_details_cb (GtkListItem *list_item,
                     CrmActivity *activity)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *who;
  guint duration;

  if (activity == NULL)
    return NULL;

  who = crm_activity_get_user_name (activity);
  if (!crm_str_is_blank (who))
    g_string_append (details, who);

  duration = crm_activity_get_duration (activity);
  if (crm_activity_get_kind (activity) == CRM_ACTIVITY_CALL && duration > 0)
    {
      guint minutes = (duration + 30) / 60;

      if (details->len > 0)
        /* Translators: between who logged an activity and how long it took */
        g_string_append (details, _(" · "));

      if (minutes == 0)
        g_string_append (details, _("less than a minute"));
      else
        g_string_append_printf (details,
                                g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                                minutes);
    }

  return g_string_free (g_steal_pointer (&details), FALSE);
}

static gboolean
activity_has_details_cb (GtkListItem *list_item,
                         CrmActivity *activity)
{
  g_autofree char *details = activity_details_cb (list_item, activity);

  return !crm_str_is_blank (details);
}

/* Overrides */

static void
crm_deal_work_section_dispose (GObject *object)
{
  CrmDealWorkSection *self = (CrmDealWorkSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_WORK_SECTION);

  g_clear_object (&self->tasks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_deal_work_section_parent_class)->dispose (object);
}

static void
crm_deal_work_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrmDealWorkSection *self = CRM_DEAL_WORK_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_work_section_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrmDealWorkSection *self = CRM_DEAL_WORK_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_deal_work_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_DEAL_ID:
      crm_deal_work_section_set_deal_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_work_section_class_init (CrmDealWorkSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_work_section_dispose;
  object_class->get_property = crm_deal_work_section_get_property;
  object_class->set_property = crm_deal_work_section_set_property;

  /**
   * CrmDealWorkSection:store:
   *
   * The store the deal's work is read from.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealWorkSection:deal-id:
   *
   * The deal whose work is shown; 0 for none.
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-deal-work-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, must_close_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, must_close_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, outbox_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, no_answer_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, close_lost_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, quotes_section);
  gtk_widget_class_bind_template_child (widget_class, CrmDealWorkSection, timeline);
  gtk_widget_class_bind_template_callback (widget_class, activity_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_summary_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_when_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_has_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_details_cb);
  gtk_widget_class_bind_template_callback (widget_class, activity_has_details_cb);

  g_type_ensure (CRM_TYPE_ACTIVITY);
  g_type_ensure (CRM_TYPE_DEAL_QUOTES_SECTION);
}

static void
crm_deal_work_section_init (CrmDealWorkSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->no_task_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->no_task_label, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->no_task_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->no_task_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->no_task_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->no_task_label), 12);
  gtk_list_box_set_placeholder (self->tasks_list, GTK_WIDGET (self->no_task_label));
}

/* Public API */

CrmStore *
crm_deal_work_section_get_store (CrmDealWorkSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_WORK_SECTION (self), NULL);

  return self->store;
}

void
crm_deal_work_section_set_store (CrmDealWorkSection *self,
                                 CrmStore           *store)
{
  g_return_if_fail (CRM_IS_DEAL_WORK_SECTION (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      crm_deal_quotes_section_set_store (self->quotes_section, store);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
    }
}

gint64
crm_deal_work_section_get_deal_id (CrmDealWorkSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_WORK_SECTION (self), 0);

  return self->deal_id;
}

void
crm_deal_work_section_set_deal_id (CrmDealWorkSection *self,
                                   gint64              deal_id)
{
  g_return_if_fail (CRM_IS_DEAL_WORK_SECTION (self));
  g_return_if_fail (deal_id >= 0);

  if (self->deal_id == deal_id)
    return;

  self->deal_id = deal_id;
  crm_deal_quotes_section_set_deal_id (self->quotes_section, deal_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEAL_ID]);
}

/**
 * crm_deal_work_section_refresh:
 * @self: a #CrmDealWorkSection
 * @open: whether the deal's stage is still open
 * @error: return location for a #GError
 *
 * Reads the deal's timeline, open tasks, queued emails and whether it must
 * be closed again from the store. What could be read is shown even when a
 * part fails; @error holds the first failure.
 *
 * Returns: %TRUE when every part was read
 */
gboolean
crm_deal_work_section_refresh (CrmDealWorkSection  *self,
                               gboolean             open,
                               GError             **error)
{
  g_autoptr(GError) timeline_error = NULL;
  g_autoptr(GError) tasks_error = NULL;
  CrmProcedure *procedure;

  g_return_val_if_fail (CRM_IS_DEAL_WORK_SECTION (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (self->store), FALSE);

  procedure = crm_store_get_procedure (self->store);
  /* TW-1, AXL-1: "No Answer" follows the procedure's attempt ladder. */
  gtk_widget_set_visible (GTK_WIDGET (self->no_answer_button),
                          procedure != NULL && crm_procedure_get_attempt_ladder (procedure) != NULL);

  refresh_timeline (self, &timeline_error);
  refresh_tasks (self, open, &tasks_error);
  refresh_outbox (self);

  /* AXL-10: a deal silent for too long must be closed. */
  if (crm_store_deal_must_close (self->store, self->deal_id))
    {
      g_autofree char *text = dup_must_close_text (self);

      gtk_label_set_text (self->must_close_label, text);
      gtk_widget_set_visible (self->must_close_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->must_close_box, FALSE);

  if (timeline_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&timeline_error));
      return FALSE;
    }

  if (tasks_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&tasks_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_deal_work_section_find_task:
 * @self: a #CrmDealWorkSection
 * @task_id: a task's id
 *
 * Returns: (transfer none) (nullable): the open task @task_id of those
 *   shown, or %NULL when the section does not show it
 */
CrmTask *
crm_deal_work_section_find_task (CrmDealWorkSection *self,
                                 gint64              task_id)
{
  guint n_tasks;

  g_return_val_if_fail (CRM_IS_DEAL_WORK_SECTION (self), NULL);

  n_tasks = self->tasks != NULL ? g_list_model_get_n_items (self->tasks) : 0;
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(CrmTask) task = g_list_model_get_item (self->tasks, i);

      /* The list holds its own reference. */
      if (crm_task_get_id (task) == task_id)
        return task;
    }

  return NULL;
}
