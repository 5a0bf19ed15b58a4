/* crm-store-work.c
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

#define G_LOG_DOMAIN "crm-store-work"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-strings.h"
#include "crm-activity.h"
#include "crm-agenda-item.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-limits.h"
#include "crm-store-private.h"
#include "crm-task.h"
#include "crm-user.h"

/* The rep's daily work in the store: activities (CON-1, HS-7, TW-7),
 * tasks (RAD-5..7), the Today agenda (HS-5), the attempt ladder (TW-1,
 * AXL-1), refusals (HS-10, RAD-12, CON-8, AXL-10) and quotas (RAD-4,
 * TW-9). Every write is one transaction and uses the store's clock. */

static GDateTime *
parse_time (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Activities */

static CrmLadderAction record_failed_attempt (CrmStore         *self,
                                              gint64            deal_id,
                                              CrmCallOutcome    outcome,
                                              guint             duration,
                                              const char       *call_note,
                                              GDateTime       **next_attempt,
                                              gint64           *activity_id,
                                              GError          **error);

/**
 * _crm_store_insert_activity:
 * @self: a #CrmStore
 * @deal_id: the deal; its contact gets the activity too
 * @kind: call, meeting…
 * @outcome: how a call went; ignored for anything else
 * @duration: seconds
 * @note: (nullable): what was said or done
 * @script: (nullable): TW-3, the call script a call followed
 * @stages: (nullable): TW-3, its stages gone through, comma-separated keys
 * @at: when, formatted
 * @activity_id: (out) (optional): the new row's id
 * @error: return location for a #GError
 *
 * Inserts an activity by the current user inside the caller's transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_insert_activity (CrmStore         *self,
                            gint64            deal_id,
                            CrmActivityKind   kind,
                            CrmCallOutcome    outcome,
                            guint             duration,
                            const char       *note,
                            const char       *script,
                            const char       *stages,
                            const char       *at,
                            gint64           *activity_id,
                            GError          **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *clean_note = NULL;

  /* Every note, typed or a call's record, is bounded (docs/engine.md,
   * "Limits"). */
  if (!crm_limits_clean_text (_("Note"), note, CRM_LIMIT_NOTE, CRM_TEXT_LINES, &clean_note, error))
    return FALSE;
  note = clean_note;

  /* Logged on the contact, shown on the deal too (HS-7). */
  stmt = crm_db_prepare (db,
                         "INSERT INTO activities (contact_id, deal_id, user_id, kind, outcome, duration, note, "
                         "script, stages, at) "
                         "SELECT contact_id, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM deals WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_id (stmt, 2, _crm_store_current_user_id (self));
  crm_statement_bind_text (stmt, 3, crm_activity_kind_to_string (kind));
  crm_statement_bind_text (stmt, 4, kind == CRM_ACTIVITY_CALL ? crm_call_outcome_to_string (outcome) : NULL);
  crm_statement_bind_int64 (stmt, 5, duration);
  crm_statement_bind_text (stmt, 6, crm_str_is_blank (note) ? NULL : note);
  crm_statement_bind_text (stmt, 7, script);
  crm_statement_bind_text (stmt, 8, crm_str_is_blank (stages) ? NULL : stages);
  crm_statement_bind_text (stmt, 9, at);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  if (activity_id != NULL)
    *activity_id = crm_db_last_insert_id (db);

  _crm_store_note_change (self, CRM_STORE_CHANGED_ACTIVITIES);
  return TRUE;
}

/**
 * crm_store_log_activity:
 * @self: a #CrmStore
 * @deal_id: the deal it concerns (its contact gets it too)
 * @kind: call, meeting, email, document, note or customer training
 * @outcome: how a call went; %CRM_CALL_NONE for anything else
 * @duration_seconds: how long it took
 * @note: (nullable): what was said or done
 * @error: return location for a #GError
 *
 * Logs what the rep did, by the current user, now (CON-1, HS-7; TW-7 for
 * a customer training).
 *
 * Returns: the activity's id, or 0 on error
 */
gint64
crm_store_log_activity (CrmStore         *self,
                        gint64            deal_id,
                        CrmActivityKind   kind,
                        CrmCallOutcome    outcome,
                        guint             duration_seconds,
                        const char       *note,
                        GError          **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if ((kind == CRM_ACTIVITY_CALL) != (outcome != CRM_CALL_NONE))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("A call needs an outcome, and only a call has one."));
      return 0;
    }

  if (kind != CRM_ACTIVITY_CALL && crm_str_is_blank (note))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("Say what happened: the activity needs a note."));
      return 0;
    }

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return 0;

  /* A call that did not get through is an attempt of the ladder. */
  if (kind == CRM_ACTIVITY_CALL && (outcome == CRM_CALL_NO_ANSWER || outcome == CRM_CALL_BUSY) &&
      crm_procedure_get_attempt_ladder (crm_store_get_procedure (self)) != NULL)
    {
      CrmLadderAction action = record_failed_attempt (self, deal_id, outcome, duration_seconds, note,
                                                      NULL, &id, error);

      return action != CRM_LADDER_NONE ? id : 0;
    }

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);

  if (!_crm_store_begin (self, error))
    return 0;

  if (!_crm_store_commit_or_rollback (self,
                           _crm_store_insert_activity (self, deal_id, kind, outcome, duration_seconds, note,
                                                       NULL, NULL, now_text, &id, error) &&
                           _crm_store_add_audit (self, "activity", "deal", deal_id, NULL,
                                                 crm_activity_kind_to_string (kind), now_text, error),
                           error))
    return 0;

  /* The Today view and the quota in the header follow activities too. */
  _crm_store_emit_deal_changed (self, deal_id);
  return id;
}

static CrmActivity *
activity_from_row (CrmStore     *self,
                   CrmStatement *stmt)
{
  g_autoptr(GDateTime) at = parse_time (crm_statement_get_text (stmt, 7));
  const char *script = crm_statement_get_text (stmt, 8);
  const char *stages_text = crm_statement_get_text (stmt, 9);
  g_auto(GStrv) stages = stages_text ? g_strsplit (stages_text, ",", -1) : NULL;
  g_auto(GStrv) names = crm_procedure_dup_call_stage_names (crm_store_get_procedure (self), script, (const char * const *)stages);
  CrmActivityKind kind = CRM_ACTIVITY_NOTE;

  crm_activity_kind_from_string (crm_statement_get_text (stmt, 2), &kind);

  return g_object_new (CRM_TYPE_ACTIVITY,
                       "id", crm_statement_get_int64 (stmt, 0),
                       "deal-id", crm_statement_get_int64 (stmt, 1),
                       "kind", kind,
                       "outcome", crm_call_outcome_from_string (crm_statement_get_text (stmt, 3)),
                       "duration", (guint)crm_statement_get_int64 (stmt, 4),
                       "note", crm_statement_get_text (stmt, 5),
                       "user-name", crm_statement_get_text (stmt, 6),
                       "at", at,
                       "script", script,
                       "stages", stages,
                       "stage-names", names,
                       NULL);
}

/**
 * crm_store_get_timeline:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @error: return location for a #GError
 *
 * The deal's activities and its contact's (HS-6: read what was done
 * before calling), newest first.
 *
 * Returns: (transfer full) (nullable): a list of #CrmActivity
 */
GListModel *
crm_store_get_timeline (CrmStore  *self,
                        gint64     deal_id,
                        GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GListStore) list = g_list_store_new (CRM_TYPE_ACTIVITY);
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT a.id, a.deal_id, a.kind, a.outcome, a.duration, a.note, u.name, a.at, "
                         "a.script, a.stages "
                         "FROM activities a LEFT JOIN users u ON u.id = a.user_id "
                         "WHERE a.deal_id = ?1 "
                         "   OR a.contact_id = (SELECT contact_id FROM deals WHERE id = ?1) "
                         "ORDER BY a.at DESC, a.id DESC",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      g_autoptr(CrmActivity) activity = activity_from_row (self, stmt);

      g_list_store_append (list, activity);
    }

  if (step == CRM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Tasks */

/**
 * _crm_store_insert_task:
 * @self: a #CrmStore
 * @deal_id: the deal
 * @title: what is to be done
 * @due: when, formatted
 * @owner_id: who, or 0 for the deal's owner
 * @rule: (nullable): the procedure rule that asks for it
 * @now: the store's time, formatted
 * @task_id: (out) (optional): the new task's id
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_insert_task (CrmStore    *self,
                        gint64       deal_id,
                        const char  *title,
                        const char  *due,
                        gint64       owner_id,
                        const char  *rule,
                        const char  *now,
                        gint64      *task_id,
                        GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *clean_title = NULL;

  if (!crm_limits_clean_text (_("Task"), title, CRM_LIMIT_TEXT, CRM_TEXT_LINE, &clean_title, error))
    return FALSE;

  stmt = crm_db_prepare (db,
                         "INSERT INTO tasks (deal_id, title, due_at, owner_id, rule, created_at) "
                         "SELECT id, ?2, ?3, coalesce (?4, owner_id), ?5, ?6 FROM deals WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, clean_title);
  crm_statement_bind_text (stmt, 3, due);
  crm_statement_bind_id (stmt, 4, owner_id);
  crm_statement_bind_text (stmt, 5, rule);
  crm_statement_bind_text (stmt, 6, now);
  if (!crm_statement_run (stmt, error))
    return FALSE;

  if (task_id != NULL)
    *task_id = crm_db_last_insert_id (db);

  return TRUE;
}

/**
 * crm_store_add_task:
 * @self: a #CrmStore
 * @deal_id: the deal
 * @title: what is to be done
 * @due_at: when
 * @owner_id: who, or 0 for the deal's owner
 * @error: return location for a #GError
 *
 * Returns: the task's id, or 0 on error
 */
gint64
crm_store_add_task (CrmStore    *self,
                    gint64       deal_id,
                    const char  *title,
                    GDateTime   *due_at,
                    gint64       owner_id,
                    GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *due_text = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (crm_str_is_blank (title) || due_at == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("A task needs a title and a due time."));
      return 0;
    }

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return 0;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  due_text = _crm_store_format_timestamp (due_at);

  if (!_crm_store_begin (self, error) ||
      !_crm_store_commit_or_rollback (self,
                           _crm_store_insert_task (self, deal_id, title, due_text, owner_id, NULL,
                                                   now_text, &id, error) &&
                           _crm_store_add_audit (self, "task", "deal", deal_id, NULL, title, now_text, error),
                           error))
    return 0;

  _crm_store_emit_deal_changed (self, deal_id);
  return id;
}

/* Closes an open task with its result inside the caller's transaction;
 * @deal_id is set to the task's deal. */
gboolean
_crm_store_finish_task (CrmStore    *self,
                        gint64       task_id,
                        gboolean     succeeded,
                        const char  *result,
                        const char  *now,
                        gint64      *deal_id,
                        GError     **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autoptr(CrmStatement) read = NULL;
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *clean_result = NULL;
  CrmStep step;

  /* RAD-7's written result is a note like any other. */
  if (!crm_limits_clean_text (_("Result"), result, CRM_LIMIT_NOTE, CRM_TEXT_LINES, &clean_result, error))
    return FALSE;

  read = crm_db_prepare (db, "SELECT deal_id, closed_at FROM tasks WHERE id = ?1", error);
  if (read == NULL)
    return FALSE;

  crm_statement_bind_int64 (read, 1, task_id);
  step = crm_statement_step (read, error);
  if (step != CRM_STEP_ROW)
    {
      if (step == CRM_STEP_DONE)
        g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                     _("Task %lld does not exist."), (long long)task_id);
      return FALSE;
    }

  if (!crm_statement_is_null (read, 1))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("This task is already closed."));
      return FALSE;
    }

  *deal_id = crm_statement_get_int64 (read, 0);

  stmt = crm_db_prepare (db,
                         "UPDATE tasks SET closed_at = ?2, outcome = ?3, result = ?4 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, task_id);
  crm_statement_bind_text (stmt, 2, now);
  crm_statement_bind_text (stmt, 3, succeeded ? "done" : "failed");
  crm_statement_bind_text (stmt, 4, clean_result);

  return crm_statement_run (stmt, error);
}

/**
 * crm_store_close_task:
 * @self: a #CrmStore
 * @task_id: an open task
 * @succeeded: whether it was done
 * @result: what came of it; required (RAD-7)
 * @follow_up_title: (nullable): the next task
 * @follow_up_due: (nullable): when it is due
 * @error: return location for a #GError
 *
 * Closes a task with its written result (RAD-7). A failed task must name
 * its follow-up task, which is created in the same transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_close_task (CrmStore    *self,
                      gint64       task_id,
                      gboolean     succeeded,
                      const char  *result,
                      const char  *follow_up_title,
                      GDateTime   *follow_up_due,
                      GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *due_text = NULL;
  gboolean follow_up;
  gint64 deal_id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  /* RAD-7: every task gets a written result. */
  if (crm_str_is_blank (result))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("Write what came of the task before closing it."));
      return FALSE;
    }

  follow_up = !crm_str_is_blank (follow_up_title) && follow_up_due != NULL;

  /* RAD-7: a failed task gets a follow-up task. */
  if (!succeeded && !follow_up)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK,
                           _("A task that failed needs a follow-up task with a due time."));
      return FALSE;
    }

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  if (follow_up)
    due_text = _crm_store_format_timestamp (follow_up_due);

  if (!_crm_store_begin (self, error))
    return FALSE;

  if (!_crm_store_commit_or_rollback (self,
                           _crm_store_finish_task (self, task_id, succeeded, result, now_text, &deal_id, error) &&
                           (!follow_up ||
                            _crm_store_insert_task (self, deal_id, follow_up_title, due_text, 0, NULL,
                                                    now_text, NULL, error)) &&
                           _crm_store_add_audit (self, succeeded ? "task-done" : "task-failed", "task", task_id,
                                                 NULL, result, now_text, error),
                           error))
    return FALSE;

  _crm_store_emit_deal_changed (self, deal_id);
  return TRUE;
}

/**
 * crm_store_count_tasks_due_on:
 * @self: a #CrmStore
 * @owner_id: whose tasks
 * @day: any time on the day, in the local time zone
 *
 * How loaded a day is, shown while a due date is picked (RAD-6).
 *
 * Returns: the number of open tasks due that day
 */
guint
crm_store_count_tasks_due_on (CrmStore  *self,
                              gint64     owner_id,
                              GDateTime *day)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (day != NULL, 0);

  local = g_date_time_to_local (day);
  start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  start_text = _crm_store_format_timestamp (start);
  end_text = _crm_store_format_timestamp (end);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count (*) FROM tasks WHERE owner_id = ?1 AND closed_at IS NULL "
                         "AND due_at >= ?2 AND due_at < ?3",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, owner_id);
  crm_statement_bind_text (stmt, 2, start_text);
  crm_statement_bind_text (stmt, 3, end_text);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}

static int
compare_agenda (gconstpointer a,
                gconstpointer b)
{
  CrmAgendaItem *ia = *(CrmAgendaItem **)a;
  CrmAgendaItem *ib = *(CrmAgendaItem **)b;
  GDateTime *la, *lb, *da, *db;

  if (crm_agenda_item_get_section (ia) != crm_agenda_item_get_section (ib))
    return crm_agenda_item_get_section (ia) - crm_agenda_item_get_section (ib);

  /* HS-5: by last activity (least recently worked first), then by the
   * next activity. */
  la = crm_agenda_item_get_last_activity (ia);
  lb = crm_agenda_item_get_last_activity (ib);
  if ((la == NULL) != (lb == NULL))
    return la == NULL ? -1 : 1;
  if (la != NULL && g_date_time_compare (la, lb) != 0)
    return g_date_time_compare (la, lb);

  da = crm_agenda_item_get_due_at (ia);
  db = crm_agenda_item_get_due_at (ib);
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && g_date_time_compare (da, db) != 0)
    return g_date_time_compare (da, db);

  return crm_agenda_item_get_deal_id (ia) < crm_agenda_item_get_deal_id (ib) ? -1 : 1;
}

static gboolean
add_agenda_rows (CrmStore    *self,
                 const char  *sql,
                 gint64       owner_id,
                 GDateTime   *now,
                 GPtrArray   *items,
                 GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (local_now),
                                                      g_date_time_get_month (local_now),
                                                      g_date_time_get_day_of_month (local_now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  CrmStep step;

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, owner_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      g_autoptr(GDateTime) due = parse_time (crm_statement_get_text (stmt, 2));
      g_autoptr(GDateTime) last = parse_time (crm_statement_get_text (stmt, 6));
      CrmAgendaSection section;

      if (due == NULL)
        section = CRM_AGENDA_NO_TASK;
      else if (g_date_time_compare (due, now) < 0)
        section = CRM_AGENDA_OVERDUE;
      else if (g_date_time_compare (due, tomorrow) < 0)
        section = CRM_AGENDA_TODAY;
      else
        section = CRM_AGENDA_UPCOMING;

      g_ptr_array_add (items,
                       crm_agenda_item_new (section,
                                            crm_statement_get_int64 (stmt, 0),
                                            crm_statement_get_text (stmt, 1),
                                            due,
                                            crm_statement_get_int64 (stmt, 3),
                                            crm_statement_get_text (stmt, 4),
                                            crm_statement_get_text (stmt, 5),
                                            last));
    }

  return step == CRM_STEP_DONE;
}

/**
 * crm_store_get_agenda:
 * @self: a #CrmStore
 * @owner_id: whose day
 * @error: return location for a #GError
 *
 * The Today view: the owner's open tasks as overdue, today and upcoming,
 * then the owner's open deals that have no task (RAD-5), each part sorted
 * by last activity, then next activity (HS-5).
 *
 * Returns: (transfer full) (nullable): a list of #CrmAgendaItem
 */
GListModel *
crm_store_get_agenda (CrmStore  *self,
                      gint64     owner_id,
                      GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  GListStore *list;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  now = crm_store_now (self);

  if (!add_agenda_rows (self,
                        "SELECT t.id, t.title, t.due_at, d.id, d.title, co.name, "
                        "  (SELECT max (a.at) FROM activities a WHERE a.deal_id = d.id) "
                        "FROM tasks t JOIN deals d ON d.id = t.deal_id "
                        "LEFT JOIN companies co ON co.id = d.company_id "
                        "WHERE t.owner_id = ?1 AND t.closed_at IS NULL",
                        owner_id, now, items, error) ||
      !add_agenda_rows (self,
                        "SELECT 0, NULL, NULL, d.id, d.title, co.name, "
                        "  (SELECT max (a.at) FROM activities a WHERE a.deal_id = d.id) "
                        "FROM deals d JOIN stages s ON s.id = d.stage_id "
                        "LEFT JOIN companies co ON co.id = d.company_id "
                        "WHERE d.owner_id = ?1 AND s.kind = 'open' "
                        "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.closed_at IS NULL)",
                        owner_id, now, items, error))
    return NULL;

  g_ptr_array_sort (items, compare_agenda);

  list = g_list_store_new (CRM_TYPE_AGENDA_ITEM);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (list);
}

/* The agenda a page at a time (CrmAgendaList, HS-5, RAD-5).
 *
 * @bounds are the store's time and the next local midnight, formatted: a
 * task due before the first is overdue, before the second due today, and
 * upcoming after. The texts compare as the times do, so SQLite decides the
 * sections and CrmAgendaList counts them with the same comparisons. The
 * deal's last activity is read by the activities_deal index, one probe a
 * row. */
#define AGENDA_ACTIVITY "coalesce ((SELECT max (a.at) FROM activities a WHERE a.deal_id = d.id), '')"

#define AGENDA_TASKS \
  "SELECT t.id AS task_id, t.title, t.due_at AS due, d.id AS deal_id, d.title AS deal_title, " \
  "  co.name, " AGENDA_ACTIVITY " AS activity " \
  "FROM tasks t JOIN deals d ON d.id = t.deal_id " \
  "LEFT JOIN companies co ON co.id = d.company_id " \
  "WHERE t.owner_id = ?1 AND t.closed_at IS NULL AND t.due_at >= ?2 AND t.due_at < ?3"

#define AGENDA_NO_TASK \
  "SELECT 0 AS task_id, NULL, '' AS due, d.id AS deal_id, d.title AS deal_title, " \
  "  co.name, " AGENDA_ACTIVITY " AS activity " \
  "FROM deals d JOIN stages s ON s.id = d.stage_id " \
  "LEFT JOIN companies co ON co.id = d.company_id " \
  "WHERE d.owner_id = ?1 AND s.kind = 'open' " \
  "AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.id AND t.closed_at IS NULL)"

/* The sections are read as subqueries in FROM, each with a name of its own:
 * PostgreSQL requires one where SQLite does not. */
#define AGENDA_KEY "(activity, due, deal_id, task_id)"

void
_crm_agenda_row_free (CrmAgendaRow *row)
{
  /* A row handed on leaves NULL in its array. */
  if (row == NULL)
    return;

  g_free (row->activity);
  g_free (row->due);
  g_clear_object (&row->item);
  g_free (row);
}

int
_crm_agenda_row_compare (const CrmAgendaRow *a,
                         const CrmAgendaRow *b)
{
  int cmp;

  if (a->section != b->section)
    return a->section < b->section ? -1 : 1;
  if ((cmp = strcmp (a->activity, b->activity)) != 0 || (cmp = strcmp (a->due, b->due)) != 0)
    return cmp;
  if (a->deal_id != b->deal_id)
    return a->deal_id < b->deal_id ? -1 : 1;
  if (a->task_id != b->task_id)
    return a->task_id < b->task_id ? -1 : 1;

  return 0;
}

/* A task section's due times, [lo, hi); "~" is after every timestamp. */
static void
section_range (const char * const  bounds[2],
               CrmAgendaSection    section,
               const char        **lo,
               const char        **hi)
{
  const char *edges[] = { "", bounds[0], bounds[1], "~" };

  *lo = edges[MIN (section, CRM_AGENDA_UPCOMING)];
  *hi = edges[MIN (section, CRM_AGENDA_UPCOMING) + 1];
}

static CrmAgendaSection
section_of_due (const char * const  bounds[2],
                const char         *due)
{
  if (due == NULL || due[0] == '\0')
    return CRM_AGENDA_NO_TASK;
  if (strcmp (due, bounds[0]) < 0)
    return CRM_AGENDA_OVERDUE;
  if (strcmp (due, bounds[1]) < 0)
    return CRM_AGENDA_TODAY;

  return CRM_AGENDA_UPCOMING;
}

/* Binds the owner and the section's range: ?1, ?2, ?3. */
static void
bind_section (CrmStatement        *stmt,
              gint64               owner_id,
              const char * const   bounds[2],
              CrmAgendaSection     section)
{
  const char *lo, *hi;

  section_range (bounds, section, &lo, &hi);
  crm_statement_bind_int64 (stmt, 1, owner_id);
  crm_statement_bind_text (stmt, 2, lo);
  crm_statement_bind_text (stmt, 3, hi);
}

/* Binds a row's key to ?4..?7. */
static void
bind_key (CrmStatement       *stmt,
          const CrmAgendaRow *row)
{
  crm_statement_bind_text (stmt, 4, row->activity);
  crm_statement_bind_text (stmt, 5, row->due);
  crm_statement_bind_int64 (stmt, 6, row->deal_id);
  crm_statement_bind_int64 (stmt, 7, row->task_id);
}

static CrmAgendaRow *
agenda_row_from_statement (CrmStatement       *stmt,
                           const char * const  bounds[2])
{
  CrmAgendaRow *row = g_new0 (CrmAgendaRow, 1);
  const char *activity = crm_statement_get_text (stmt, 6);
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) last = NULL;

  row->task_id = crm_statement_get_int64 (stmt, 0);
  row->due = g_strdup (crm_statement_get_text (stmt, 2));
  row->deal_id = crm_statement_get_int64 (stmt, 3);
  row->activity = g_strdup (activity != NULL ? activity : "");
  row->section = section_of_due (bounds, row->due);

  due = parse_time (row->due[0] ? row->due : NULL);
  last = parse_time (row->activity[0] ? row->activity : NULL);
  row->item = crm_agenda_item_new (row->section, row->task_id, crm_statement_get_text (stmt, 1), due,
                                   row->deal_id, crm_statement_get_text (stmt, 4),
                                   crm_statement_get_text (stmt, 5), last);

  return row;
}

static gboolean
collect_rows (CrmStatement        *stmt,
              const char * const   bounds[2],
              gboolean             backward,
              GPtrArray           *rows,
              GError             **error)
{
  guint first = rows->len;
  CrmStep step;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    g_ptr_array_add (rows, agenda_row_from_statement (stmt, bounds));

  /* Read backwards by the index: put them back in the list's order. */
  for (guint i = first, j = rows->len; backward && i + 1 < j; i++, j--)
    {
      gpointer tmp = rows->pdata[i];

      rows->pdata[i] = rows->pdata[j - 1];
      rows->pdata[j - 1] = tmp;
    }

  return step == CRM_STEP_DONE;
}

/**
 * _crm_store_count_agenda:
 * @self: a #CrmStore
 * @owner_id: whose agenda
 * @bounds: the store's time and the next local midnight, formatted
 * @counts: (out caller-allocates): the rows of each #CrmAgendaSection
 * @error: return location for a #GError
 *
 * Counts the sections of the agenda without reading their rows: the open
 * tasks by the tasks_owner_due index, and the open deals with none.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_count_agenda (CrmStore            *self,
                         gint64               owner_id,
                         const char * const   bounds[2],
                         guint                counts[4],
                         GError             **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* One statement for the four sections: the agenda follows every deal
   * change, and a board move's budget is a handful of statements (issue
   * 12). */
  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count (*) FILTER (WHERE due_at < ?2), "
                         "  count (*) FILTER (WHERE due_at >= ?2 AND due_at < ?3), "
                         "  count (*) FILTER (WHERE due_at >= ?3), "
                         "  (SELECT count (*) FROM (" AGENDA_NO_TASK ") AS untasked) "
                         "FROM tasks WHERE owner_id = ?1 AND closed_at IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, owner_id);
  crm_statement_bind_text (stmt, 2, bounds[0]);
  crm_statement_bind_text (stmt, 3, bounds[1]);
  if (crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    counts[i] = (guint) crm_statement_get_int64 (stmt, i);

  return TRUE;
}

/**
 * _crm_store_read_agenda:
 * @self: a #CrmStore
 * @owner_id: whose agenda
 * @bounds: the store's time and the next local midnight, formatted
 * @section: the section to read in
 * @after: (nullable): read the rows after this one, by keyset, or before
 *   it when @backward; %NULL to start at @offset
 * @backward: whether to read the rows before @after
 * @offset: without @after, the section's first row to read
 * @limit: at most this many rows
 * @rows: (element-type CrmAgendaRow): where the rows go, in the list's order
 * @error: return location for a #GError
 *
 * Reads a page of one section of the agenda, ordered by last activity,
 * then next activity (HS-5).
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_read_agenda (CrmStore            *self,
                        gint64               owner_id,
                        const char * const   bounds[2],
                        CrmAgendaSection     section,
                        const CrmAgendaRow  *after,
                        gboolean             backward,
                        guint                offset,
                        guint                limit,
                        GPtrArray           *rows,
                        GError             **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *where = after == NULL ? "" : backward ? " WHERE " AGENDA_KEY " < (?4, ?5, ?6, ?7)"
                                                     : " WHERE " AGENDA_KEY " > (?4, ?5, ?6, ?7)";
  const char *order = backward ? " ORDER BY activity DESC, due DESC, deal_id DESC, task_id DESC"
                               : " ORDER BY activity, due, deal_id, task_id";

  sql = g_strconcat ("SELECT * FROM (",
                     section == CRM_AGENDA_NO_TASK ? AGENDA_NO_TASK : AGENDA_TASKS,
                     ") AS agenda", where, order, " LIMIT ?8 OFFSET ?9", NULL);
  stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_section (stmt, owner_id, bounds, section);
  if (after != NULL)
    bind_key (stmt, after);
  crm_statement_bind_int64 (stmt, 8, limit);
  crm_statement_bind_int64 (stmt, 9, after != NULL ? 0 : offset);

  return collect_rows (stmt, bounds, backward, rows, error);
}

/**
 * _crm_store_count_agenda_before:
 * @self: a #CrmStore
 * @owner_id: whose agenda
 * @bounds: the store's time and the next local midnight, formatted
 * @row: a row of the agenda
 * @count: (out): the rows of its section before it
 * @error: return location for a #GError
 *
 * Where a row is in its section, for a change that moved it.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_count_agenda_before (CrmStore            *self,
                                gint64               owner_id,
                                const char * const   bounds[2],
                                const CrmAgendaRow  *row,
                                guint               *count,
                                GError             **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strconcat ("SELECT count (*) FROM (",
                     row->section == CRM_AGENDA_NO_TASK ? AGENDA_NO_TASK : AGENDA_TASKS,
                     ") AS agenda WHERE " AGENDA_KEY " < (?4, ?5, ?6, ?7)", NULL);
  stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);
  if (stmt == NULL)
    return FALSE;

  bind_section (stmt, owner_id, bounds, row->section);
  bind_key (stmt, row);
  if (crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  *count = (guint) crm_statement_get_int64 (stmt, 0);
  return TRUE;
}

/**
 * _crm_store_read_agenda_of_deal:
 * @self: a #CrmStore
 * @owner_id: whose agenda
 * @bounds: the store's time and the next local midnight, formatted
 * @deal_id: a deal
 * @rows: (element-type CrmAgendaRow): where the deal's rows go
 * @error: return location for a #GError
 *
 * The rows one deal has in the agenda now: its open tasks, or itself when
 * it is open and has none.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_read_agenda_of_deal (CrmStore            *self,
                                gint64               owner_id,
                                const char * const   bounds[2],
                                gint64               deal_id,
                                GPtrArray           *rows,
                                GError             **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* Its open tasks, in every task section at once (due from "" to "~"),
   * and itself when it has none: one statement, as it runs on every deal
   * change. */
  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT * FROM (" AGENDA_TASKS " AND d.id = ?4) AS tasked "
                         "UNION ALL SELECT * FROM (" AGENDA_NO_TASK " AND d.id = ?4) AS untasked",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, owner_id);
  crm_statement_bind_text (stmt, 2, "");
  crm_statement_bind_text (stmt, 3, "~");
  crm_statement_bind_int64 (stmt, 4, deal_id);

  return collect_rows (stmt, bounds, FALSE, rows, error);
}

/* Attempts and refusals */

static guint
count_failed_attempts (CrmStore *self,
                       gint64    deal_id)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count (*) FROM activities WHERE deal_id = ?1 AND kind = 'call' "
                         "AND outcome IN ('no-answer', 'busy')",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}

/**
 * crm_store_count_attempts:
 * @self: a #CrmStore
 * @deal_id: a deal
 *
 * Returns: the contact attempts that did not reach the client
 */
guint
crm_store_count_attempts (CrmStore *self,
                          gint64    deal_id)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return count_failed_attempts (self, deal_id);
}

/* The attempt ladder's steps that are attempts: calls, and the closing. */
static gboolean
is_attempt_step (JsonObject *step)
{
  return !g_str_equal (json_object_get_string_member (step, "action"), "email");
}

/**
 * crm_store_record_no_answer:
 * @self: a #CrmStore
 * @deal_id: the deal whose client did not answer
 * @next_attempt: (out) (optional) (transfer full): when to try again
 * @error: return location for a #GError
 *
 * Logs a call that did not reach the client and takes the next step of
 * the procedure's attempt ladder (TW-1, AXL-1): the open tasks are closed
 * with the ladder's note, emails between this attempt and the next are
 * queued (AXL-3 "Can't reach you", TW-1 "please get in touch"), and
 * either a task for the next attempt is created, due after the step's
 * delay, or, at the ladder's end, the deal is closed with its reason
 * ("could not reach").
 *
 * Returns: what the ladder did, or %CRM_LADDER_NONE with @error set
 */
CrmLadderAction
crm_store_record_no_answer (CrmStore    *self,
                            gint64       deal_id,
                            GDateTime  **next_attempt,
                            GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), CRM_LADDER_NONE);

  return record_failed_attempt (self, deal_id, CRM_CALL_NO_ANSWER, 0, NULL, next_attempt, NULL, error);
}

/* The attempt ladder's emails between a failed attempt and the next. */
static gboolean
queue_ladder_email (CrmStore    *self,
                    gint64       deal_id,
                    JsonObject  *step,
                    const char  *now,
                    GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "INSERT INTO email_queue (deal_id, template, recipient, rule, queued_at) "
                         "VALUES (?1, ?2, 'contact', ?3, ?4)",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, json_object_get_string_member (step, "template"));
  crm_statement_bind_text (stmt, 3, json_object_get_string_member_with_default (step, "rule", NULL));
  crm_statement_bind_text (stmt, 4, now);

  return crm_statement_run (stmt, error);
}

/* The attempt's task is done, and failed. */
static gboolean
fail_open_tasks (CrmStore    *self,
                 gint64       deal_id,
                 const char  *note,
                 const char  *now,
                 GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "UPDATE tasks SET closed_at = ?2, outcome = 'failed', result = ?3 "
                         "WHERE deal_id = ?1 AND closed_at IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, now);
  crm_statement_bind_text (stmt, 3, note);

  return crm_statement_run (stmt, error);
}

static gboolean
schedule_attempt (CrmStore    *self,
                  gint64       deal_id,
                  JsonObject  *next,
                  guint        attempt,
                  GDateTime   *now,
                  GDateTime  **due,
                  GError     **error)
{
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_autofree char *due_text = NULL;
  g_autofree char *title = NULL;
  gboolean hidden = g_str_equal (json_object_get_string_member (next, "action"), "call_hidden");
  GTimeSpan delay = 0;

  crm_procedure_parse_duration (json_object_get_string_member_with_default (next, "delay", "PT0S"), &delay);
  *due = g_date_time_add (now, delay);
  due_text = _crm_store_format_timestamp (*due);
  /* TW-1: the fourth call is made from a blocked number. */
  title = hidden
          ? g_strdup_printf (_("Call again from a blocked number (attempt %u)"), attempt)
          : g_strdup_printf (_("Call again (attempt %u)"), attempt);

  return _crm_store_insert_task (self, deal_id, title, due_text, 0,
                                 json_object_get_string_member_with_default (next, "rule", NULL),
                                 now_text, NULL, error);
}

static gboolean
close_from_ladder (CrmStore     *self,
                   gint64        deal_id,
                   JsonObject   *step,
                   GDateTime    *now,
                   CrmMoveDone  *closing,
                   GError      **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 stage_id = 0;

  return _crm_store_closing_values (self, deal_id, json_object_get_string_member (step, "loss_reason"),
                                    NULL, NULL, NULL, &stage_id, values, error) &&
         _crm_store_move_in_transaction (self, deal_id, stage_id, values, now, CRM_MOVE_FROM_LADDER,
                                         closing, error);
}

/**
 * _crm_store_walk_ladder:
 * @self: a #CrmStore
 * @deal_id: a deal whose call just failed; the call is already inserted
 * @now: the store's time
 * @next_attempt: (out) (optional) (transfer full): when to try again
 * @closing: (out caller-allocates): the closing, when the ladder ended in
 *   one, for _crm_store_announce_moves() after the commit
 * @error: return location for a #GError
 *
 * One step of the procedure's attempt ladder (TW-1, AXL-1) after a failed
 * attempt, inside the caller's transaction, so the call, the ladder's
 * emails and tasks and the closing are written together or not at all:
 * the open tasks are closed with the ladder's note, the emails between
 * this attempt and the next are queued (AXL-3 "Can't reach you", TW-1
 * "please get in touch"), and either a task for the next attempt is
 * created, due after the step's delay, or, at the ladder's end, the deal
 * is closed with its reason ("could not reach").
 *
 * Returns: what the ladder did, or %CRM_LADDER_NONE with @error set
 */
CrmLadderAction
_crm_store_walk_ladder (CrmStore     *self,
                        gint64        deal_id,
                        GDateTime    *now,
                        GDateTime   **next_attempt,
                        CrmMoveDone  *closing,
                        GError      **error)
{
  JsonArray *ladder = crm_procedure_get_attempt_ladder (crm_store_get_procedure (self));
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_autofree char *note = NULL;
  g_autoptr(GDateTime) due = NULL;
  JsonObject *next = NULL;
  /* The failed call is in already: it is attempt number "failures". */
  guint failures = count_failed_attempts (self, deal_id);
  guint attempt = 0;
  gboolean ok = TRUE;

  /* Attempt k failed: queue the emails between attempt k and k + 1, and
   * find attempt k + 1. */
  for (guint i = 0; ok && ladder != NULL && i < json_array_get_length (ladder) && next == NULL; i++)
    {
      JsonObject *step = json_array_get_object_element (ladder, i);

      if (is_attempt_step (step))
        {
          attempt++;
          if (attempt == failures && json_object_has_member (step, "note"))
            {
              JsonObject *text = json_object_get_object_member (step, "note");
              CrmText pick = {
                (char *)json_object_get_string_member_with_default (text, "en", NULL),
                (char *)json_object_get_string_member_with_default (text, "he", NULL),
                (char *)json_object_get_string_member_with_default (text, "ru", NULL),
              };

              note = g_strdup (crm_text_get (&pick));
            }
          if (attempt == failures + 1)
            next = step;
        }
      else if (attempt == failures)
        ok = queue_ladder_email (self, deal_id, step, now_text, error);
    }

  if (note == NULL)
    note = g_strdup (_("No answer"));

  if (!ok || !fail_open_tasks (self, deal_id, note, now_text, error))
    return CRM_LADDER_NONE;

  if (next == NULL)
    return CRM_LADDER_FINISHED;

  if (g_str_equal (json_object_get_string_member (next, "action"), "close"))
    return close_from_ladder (self, deal_id, next, now, closing, error)
           ? CRM_LADDER_CLOSED : CRM_LADDER_NONE;

  if (!schedule_attempt (self, deal_id, next, failures + 1, now, &due, error))
    return CRM_LADDER_NONE;

  if (next_attempt != NULL)
    *next_attempt = g_steal_pointer (&due);

  return CRM_LADDER_RESCHEDULED;
}

/* A call that did not reach the client, however it was logged (the No
 * Answer button, or Log Call with "no answer" or "busy"): one attempt, one
 * step of the ladder, so the two ways cannot count differently. */
static CrmLadderAction
record_failed_attempt (CrmStore         *self,
                       gint64            deal_id,
                       CrmCallOutcome    outcome,
                       guint             duration,
                       const char       *call_note,
                       GDateTime       **next_attempt,
                       gint64           *activity_id,
                       GError          **error)
{
  g_auto(CrmMoveDone) closing = { 0 };
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *now_text = NULL;
  CrmLadderAction action = CRM_LADDER_NONE;

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return CRM_LADDER_NONE;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);

  if (!_crm_store_begin (self, error))
    return CRM_LADDER_NONE;

  if (_crm_store_insert_activity (self, deal_id, CRM_ACTIVITY_CALL, outcome, duration, call_note,
                                  NULL, NULL, now_text, activity_id, error))
    action = _crm_store_walk_ladder (self, deal_id, now, &next, &closing, error);

  if (!_crm_store_commit_or_rollback (self, action != CRM_LADDER_NONE, error))
    {
      if (activity_id != NULL)
        *activity_id = 0;
      return CRM_LADDER_NONE;
    }

  _crm_store_emit_deal_changed (self, deal_id);
  _crm_store_announce_moves (self, &closing, 1, now);

  if (next_attempt != NULL)
    *next_attempt = g_steal_pointer (&next);

  return action;
}

/* Quotas */
