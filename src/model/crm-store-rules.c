/* crm-store-rules.c
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

#define G_LOG_DOMAIN "crm-store-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-strings.h"
#include "crm-db.h"
#include "crm-email.h"
#include "crm-phone.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-limits.h"
#include "crm-stage-verdict.h"
#include "crm-store-private.h"
#include "crm-task.h"
#include "crm-user.h"

/* The procedure engine's half of the store: what happens when a deal
 * enters a stage. Every move (a drop, the keyboard, the card's menu, the
 * command line, and later imports and automation) goes through
 * crm_store_move_deal_with_values(), so no path skips a rule:
 *
 *  - the stage's required fields must have values, or be given with the
 *    move (AXL-9 Platform; Niche and Source; RAD-8; RAD-10; a loss reason
 *    on entering a lost stage, HS-10, RAD-12, CON-8, AXL-10);
 *  - its automatic tasks are created with their due offsets (AXL-9: 30
 *    minutes, 4 hours, 1 day);
 *  - its emails are queued (AXL-9 welcome, AXL-10 request closed);
 *  - and a stage may pass the deal on to another pipeline (AXL-8:
 *    Launched → Production).
 *
 * What the rules say is decided without SQL by the verdict
 * (crm-stage-verdict.c); this file reads the deal for it and applies it.
 * All of it is one transaction with the move. */

#define MAX_AUTOMATIC_MOVES 4


void
_crm_deal_row_clear (DealRow *row)
{
  g_clear_pointer (&row->updated_at, g_free);
  g_clear_pointer (&row->source, g_free);
  g_clear_pointer (&row->loss_reason, g_free);
  g_clear_pointer (&row->refused_by_name, g_free);
}


gboolean
_crm_store_read_deal_row (CrmDb    *db,
                          gint64    deal_id,
                          DealRow  *row,
                          GError  **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  CrmStep step;

  stmt = crm_db_prepare (db,
                         "SELECT stage_id, pipeline_id, updated_at, contact_id, company_id, "
                         "owner_id, amount, source, loss_reason, refused_by_name FROM deals WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  step = crm_statement_step (stmt, error);
  if (step == CRM_STEP_DONE)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                 _("Deal %lld does not exist."), (long long)deal_id);
  if (step != CRM_STEP_ROW)
    return FALSE;

  row->stage_id = crm_statement_get_int64 (stmt, 0);
  row->pipeline_id = crm_statement_get_int64 (stmt, 1);
  row->updated_at = g_strdup (crm_statement_get_text (stmt, 2));
  row->contact_id = crm_statement_get_int64 (stmt, 3);
  row->company_id = crm_statement_get_int64 (stmt, 4);
  row->owner_id = crm_statement_get_int64 (stmt, 5);
  row->amount = crm_statement_get_int64 (stmt, 6);
  row->source = g_strdup (crm_statement_get_text (stmt, 7));
  row->loss_reason = g_strdup (crm_statement_get_text (stmt, 8));
  row->refused_by_name = g_strdup (crm_statement_get_text (stmt, 9));

  return TRUE;
}

/* Whether one row of SQL answers with any row: the existence checks of
 * the required built-in fields. */
gboolean
_crm_store_query_has_row (CrmDb       *db,
                          const char  *sql,
                          gint64       id,
                          const char  *text,
                          gboolean    *has_row,
                          GError     **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (db, sql, error);
  CrmStep step;

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, id);
  if (text != NULL)
    crm_statement_bind_text (stmt, 2, text);

  step = crm_statement_step (stmt, error);
  *has_row = step == CRM_STEP_ROW;

  return step != CRM_STEP_ERROR;
}

static gint64
first_manager (CrmStore *self)
{
  GListModel *users = crm_store_get_users (self);

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (users, i);

      if (crm_user_get_role (user) == CRM_ROLE_MANAGER)
        return crm_user_get_id (user);
    }

  return 0;
}

/* The verdict's tasks, each for the deal's owner or the head of sales. */
static gboolean
create_tasks (CrmStore         *self,
              gint64            deal_id,
              DealRow          *row,
              CrmStageVerdict  *verdict,
              const char       *now,
              GError          **error)
{
  CrmDb *db = _crm_store_get_db (self);

  for (guint i = 0; i < verdict->tasks->len; i++)
    {
      CrmVerdictTask *task = g_ptr_array_index (verdict->tasks, i);
      g_autoptr(CrmStatement) stmt = NULL;
      g_autofree char *due_text = _crm_store_format_timestamp (task->due);

      stmt = crm_db_prepare (db,
                             "INSERT INTO tasks (deal_id, title, due_at, owner_id, rule, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, deal_id);
      crm_statement_bind_text (stmt, 2, task->title);
      crm_statement_bind_text (stmt, 3, due_text);
      crm_statement_bind_id (stmt, 4, task->assignee == CRM_VERDICT_ASSIGN_MANAGER ? first_manager (self)
                                                                                 : row->owner_id);
      crm_statement_bind_text (stmt, 5, task->rule);
      crm_statement_bind_text (stmt, 6, now);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
queue_emails (CrmStore         *self,
              gint64            deal_id,
              CrmStageVerdict  *verdict,
              const char       *now,
              GError          **error)
{
  CrmDb *db = _crm_store_get_db (self);

  for (guint i = 0; i < verdict->emails->len; i++)
    {
      CrmVerdictEmail *email = g_ptr_array_index (verdict->emails, i);
      g_autoptr(CrmStatement) stmt = NULL;

      stmt = crm_db_prepare (db,
                             "INSERT INTO email_queue (deal_id, template, recipient, rule, queued_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_int64 (stmt, 1, deal_id);
      crm_statement_bind_text (stmt, 2, email->template_key);
      crm_statement_bind_text (stmt, 3, email->recipient);
      crm_statement_bind_text (stmt, 4, email->rule);
      crm_statement_bind_text (stmt, 5, now);
      if (!crm_statement_run (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_stage (CrmDb       *db,
           gint64       deal_id,
           CrmStage    *stage,
           const char  *now,
           GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare (db,
                         "UPDATE deals SET pipeline_id = ?2, stage_id = ?3, updated_at = ?4 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_int64 (stmt, 2, crm_stage_get_pipeline_id (stage));
  crm_statement_bind_int64 (stmt, 3, crm_stage_get_id (stage));
  crm_statement_bind_text (stmt, 4, now);

  return crm_statement_run (stmt, error);
}

/* HS-4: the verdict's lifecycle for the stage the deal ends in; moves
 * between open stages change nothing, and cost no statement. */
static gboolean
update_lifecycle (CrmStore         *self,
                  DealRow          *row,
                  CrmStageVerdict  *verdict,
                  const char       *now,
                  gint64            deal_id,
                  GError          **error)
{
  CrmDb *db = _crm_store_get_db (self);

  if (verdict->closes &&
      !_crm_store_run_update (db, "UPDATE deals SET closed_at = coalesce (closed_at, ?2) WHERE id = ?1",
                              deal_id, now, error))
    return FALSE;

  if (verdict->lifecycle == NULL || row->contact_id == 0)
    return TRUE;

  _crm_store_note_change (self, CRM_STORE_CHANGED_LEADS);
  return _crm_store_run_update (db,
                                verdict->lifecycle_of_lead_only
                                ? "UPDATE contacts SET lifecycle = ?2 WHERE id = ?1 AND lifecycle = 'lead'"
                                : "UPDATE contacts SET lifecycle = ?2 WHERE id = ?1",
                                row->contact_id, verdict->lifecycle, error);
}

/* Applies the verdict of a deal that just entered @stage: its tasks and
 * emails, then its move on into the next pipeline (AXL-8: Launched →
 * Production), whose stage's own verdict applies in turn, and the
 * lifecycle of the stage the deal ends in. Returns that stage. */
static CrmStage *
enter_stage (CrmStore         *self,
             gint64            deal_id,
             DealRow          *row,
             CrmStage         *stage,
             CrmStageVerdict  *verdict,
             gboolean          opened,
             GDateTime        *now,
             GError          **error)
{
  g_autoptr(CrmStageVerdict) next_verdict = NULL;
  g_autofree char *now_text = _crm_store_format_timestamp (now);

  for (guint depth = 0; depth < MAX_AUTOMATIC_MOVES; depth++)
    {
      CrmPipeline *pipeline;
      CrmStage *next;

      if (!create_tasks (self, deal_id, row, verdict, now_text, error) ||
          !queue_emails (self, deal_id, verdict, now_text, error))
        return NULL;

      if (verdict->hop_pipeline == NULL)
        break;

      pipeline = crm_store_find_pipeline (self, verdict->hop_pipeline);
      next = pipeline ? crm_store_find_stage_by_key (self, crm_pipeline_get_id (pipeline), verdict->hop_stage)
                      : NULL;
      if (next == NULL)
        break;

      if (!set_stage (_crm_store_get_db (self), deal_id, next, now_text, error) ||
          !_crm_store_add_audit (self, "move", "deal", deal_id, crm_stage_get_key (stage),
                                 crm_stage_get_key (next), now_text, error))
        return NULL;

      g_clear_pointer (&next_verdict, crm_stage_verdict_free);
      next_verdict = crm_stage_verdict_new_entry (crm_store_get_procedure (self), verdict->hop_pipeline,
                                                  next, opened, row->source, now);
      verdict = next_verdict;
      stage = next;
    }

  if (!update_lifecycle (self, row, verdict, now_text, deal_id, error))
    return NULL;

  return stage;
}

/* A refused verdict as the move's error; the missing keys go to the
 * caller that wants them. */
static gboolean
accept_verdict (CrmStore         *self,
                CrmStage         *stage,
                CrmStageVerdict  *verdict,
                GStrv            *out_missing,
                GError          **error)
{
  if (verdict->missing[0] != NULL)
    {
      /* The refusal carries what it found, so the board's form asks for
       * exactly these without running the rules a second time. */
      _crm_store_set_missing_error (self, stage, (const char * const *)verdict->missing, error);
      if (out_missing != NULL)
        *out_missing = g_steal_pointer (&verdict->missing);
      return FALSE;
    }

  if (verdict->refusal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&verdict->refusal));
      return FALSE;
    }

  return TRUE;
}

/**
 * _crm_store_enter_stage_checked:
 * @self: a #CrmStore
 * @deal_id: a deal just created in, or saved into, a stage
 * @from_stage_id: the stage it was in, or 0 for a new deal
 * @stage_id: that stage
 * @opened: whether the deal was just created
 * @now: the store's time
 * @final_stage_id: (out): where the deal ends (after a move_to)
 * @error: return location for a #GError
 *
 * The engine's check and entry effects for the deal card's saves, inside
 * the caller's transaction: a new deal enters its first stage, an edited
 * one may have changed stage.
 *
 * Returns: %TRUE when the stage's rules are met and applied
 */
gboolean
_crm_store_enter_stage_checked (CrmStore   *self,
                                gint64      deal_id,
                                gint64      from_stage_id,
                                gint64      stage_id,
                                gboolean    opened,
                                GDateTime  *now,
                                gint64     *final_stage_id,
                                GError    **error)
{
  g_auto(DealRow) row = { 0 };
  g_autoptr(CrmStageVerdict) verdict = NULL;
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  CrmStage *stage = crm_store_find_stage (self, stage_id);
  CrmStage *final;

  if (stage == NULL || !_crm_store_read_deal_row (_crm_store_get_db (self), deal_id, &row, error) ||
      !_crm_store_check_leaving (self, from_stage_id, stage, CRM_MOVE_DEFAULT, error))
    return FALSE;

  verdict = _crm_store_judge_move (self, deal_id, &row, from_stage_id, stage, CRM_MOVE_DEFAULT, opened, NULL,
                                   TRUE, now, error);
  if (verdict == NULL || !accept_verdict (self, stage, verdict, NULL, error) ||
      !_crm_store_close_open_tasks (self, deal_id, stage, now_text, error))
    return FALSE;

  final = enter_stage (self, deal_id, &row, stage, verdict, opened, now, error);
  if (final == NULL)
    return FALSE;

  *final_stage_id = crm_stage_get_id (final);
  return TRUE;
}

/**
 * crm_store_list_missing_fields:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @stage_id: the stage it is to enter
 * @values: (nullable) (element-type utf8 utf8): values the move would bring
 * @error: return location for a #GError
 *
 * The fields the stage's rules require that the deal lacks, as keys
 * (custom field keys, or built-ins such as "contact.phone"), so that the
 * board can ask for exactly these.
 *
 * Returns: (transfer full) (nullable): the keys, empty when nothing is missing
 */
GStrv
crm_store_list_missing_fields (CrmStore    *self,
                               gint64       deal_id,
                               gint64       stage_id,
                               GHashTable  *values,
                               GError     **error)
{
  g_auto(DealRow) row = { 0 };
  CrmStage *stage;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stage = crm_store_find_stage (self, stage_id);
  if (stage == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("There is no stage %lld."), (long long)stage_id);
      return NULL;
    }

  if (!_crm_store_read_deal_row (_crm_store_get_db (self), deal_id, &row, error))
    return NULL;

  return _crm_store_missing_fields (self, deal_id, &row, row.stage_id, stage, CRM_MOVE_DEFAULT, values, error);
}

/* What one move did (CrmMoveDone), for the lists and the caller after
 * the commit. */
void
_crm_move_done_clear (CrmMoveDone *done)
{
  g_clear_pointer (&done->from_updated_at, g_free);
}

/* One deal's move inside the caller's transaction: the check, the values,
 * the stage, the audit and the stage's entry rules. A deal already in the
 * stage is left as it is (to_stage_id == from_stage_id). A closed deal
 * moves only when reopened; a move into a lost stage is a closing, with
 * the closing's rules (crm-store-closing.c). */
static gboolean
move_one (CrmStore     *self,
          gint64        deal_id,
          CrmStage     *stage,
          GHashTable   *clean,
          GDateTime    *now,
          CrmMoveFlags  flags,
          CrmMoveDone  *done,
          GStrv        *out_missing,
          GError      **error)
{
  CrmDb *db = _crm_store_get_db (self);
  g_autofree char *now_text = _crm_store_format_timestamp (now);
  g_auto(DealRow) row = { 0 };
  g_autoptr(CrmStageVerdict) verdict = NULL;
  CrmStage *final;

  if (!_crm_store_read_deal_row (db, deal_id, &row, error) ||
      !_crm_store_require_deal_owner (self, row.owner_id, error))
    return FALSE;

  done->deal_id = deal_id;
  done->from_stage_id = row.stage_id;
  done->to_stage_id = row.stage_id;
  done->from_updated_at = g_strdup (row.updated_at);

  if (row.pipeline_id != crm_stage_get_pipeline_id (stage))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("“%s” is not a stage of this deal’s pipeline."), crm_stage_get_name (stage));
      return FALSE;
    }

  if (row.stage_id == crm_stage_get_id (stage))
    return TRUE;

  if (!_crm_store_check_leaving (self, row.stage_id, stage, flags, error) ||
      !_crm_store_fill_closing (self, stage, clean, now, error))
    return FALSE;

  verdict = _crm_store_judge_move (self, deal_id, &row, row.stage_id, stage, flags, FALSE, clean, TRUE, now, error);
  if (verdict == NULL || !accept_verdict (self, stage, verdict, out_missing, error))
    return FALSE;

  if (!_crm_store_apply_row_values (self, deal_id, &row, clean, now_text, error) ||
      !set_stage (db, deal_id, stage, now_text, error) ||
      !_crm_store_add_audit (self, "move", "deal", deal_id, _crm_store_stage_key (self, row.stage_id),
                             crm_stage_get_key (stage), now_text, error) ||
      !_crm_store_close_open_tasks (self, deal_id, stage, now_text, error))
    return FALSE;

  final = enter_stage (self, deal_id, &row, stage, verdict, FALSE, now, error);
  if (final == NULL)
    return FALSE;

  done->to_stage_id = crm_stage_get_id (final);
  return TRUE;
}

void
_crm_store_announce_moves (CrmStore    *self,
                           CrmMoveDone *moves,
                           guint        n_moves,
                           GDateTime   *now)
{
  g_autofree char *now_text = _crm_store_format_timestamp (now);

  for (guint i = 0; i < n_moves; i++)
    {
      if (moves[i].from_stage_id == moves[i].to_stage_id)
        continue;

      /* The lists' copy of the deal is the committed row now: only the
       * signal is left to send. */
      _crm_store_relocate_in_lists (self, moves[i].deal_id, moves[i].from_stage_id,
                                    moves[i].from_updated_at, moves[i].to_stage_id, now_text);
      _crm_store_signal_deal_changed (self, moves[i].deal_id);
    }
}

static CrmStage *
find_stage_or_error (CrmStore  *self,
                     gint64     stage_id,
                     GError   **error)
{
  CrmStage *stage = crm_store_find_stage (self, stage_id);

  if (stage == NULL)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                 _("There is no stage %lld."), (long long)stage_id);

  return stage;
}

/**
 * _crm_store_move_in_transaction:
 * @self: a #CrmStore
 * @deal_id: the deal to move
 * @stage_id: the stage to move it to
 * @values: (nullable) (element-type utf8 utf8): values for the stage's
 *   required fields, as typed
 * @now: the store's time
 * @flags: %CRM_MOVE_FROM_LADDER for the attempt ladder's closing,
 *   %CRM_MOVE_REOPEN for crm_store_reopen_deal()
 * @done: (out caller-allocates): what moved, for
 *   _crm_store_announce_moves() after the commit
 * @error: return location for a #GError
 *
 * A move through the procedure engine inside the caller's transaction:
 * the attempt ladder's closing is part of the failed attempt's write.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_move_in_transaction (CrmStore     *self,
                                gint64        deal_id,
                                gint64        stage_id,
                                GHashTable   *values,
                                GDateTime    *now,
                                CrmMoveFlags  flags,
                                CrmMoveDone  *done,
                                GError      **error)
{
  g_autoptr(GHashTable) clean = NULL;
  CrmStage *stage;

  stage = find_stage_or_error (self, stage_id, error);
  if (stage == NULL)
    return FALSE;

  clean = _crm_store_normalize_values (self, values, error);

  return clean != NULL && move_one (self, deal_id, stage, clean, now, flags, done, NULL, error);
}

/**
 * crm_store_move_deal_with_values:
 * @self: a #CrmStore
 * @deal_id: the deal to move
 * @stage_id: the stage to move it to, in the deal's pipeline
 * @values: (nullable) (element-type utf8 utf8): values for the stage's
 *   required fields, by key, stored with the move
 * @previous_stage_id: (out) (optional): where the deal was, for undo
 * @error: return location for a #GError
 *
 * Moves a deal through the procedure engine, in one transaction: checks
 * the stage's required fields (with @values), stores @values, moves the
 * deal, creates the stage's tasks, queues its emails, follows its move to
 * another pipeline, and writes the audit log. A move into a stage without
 * rules is five statements.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_move_deal_with_values (CrmStore    *self,
                                 gint64       deal_id,
                                 gint64       stage_id,
                                 GHashTable  *values,
                                 gint64      *previous_stage_id,
                                 GError     **error)
{
  return crm_store_move_deal_full (self, deal_id, stage_id, values, previous_stage_id, NULL, error);
}

/**
 * crm_store_move_deal_full:
 * @self: a #CrmStore
 * @deal_id: the deal to move
 * @stage_id: the stage to move it to, in the deal's pipeline
 * @values: (nullable) (element-type utf8 utf8): values for the stage's
 *   required fields, by key, stored with the move
 * @previous_stage_id: (out) (optional): where the deal was, for undo
 * @out_missing: (out) (optional) (transfer full) (nullable): on a
 *   refusal for %CRM_STORE_ERROR_MISSING_FIELDS, the keys the deal lacks,
 *   as crm_store_list_missing_fields() names them; %NULL otherwise
 * @error: return location for a #GError
 *
 * crm_store_move_deal_with_values(), and a refusal that says what it
 * found: the board asks for @out_missing in its stage form and the
 * command line names their keys, without running the rules again.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_move_deal_full (CrmStore    *self,
                          gint64       deal_id,
                          gint64       stage_id,
                          GHashTable  *values,
                          gint64      *previous_stage_id,
                          GStrv       *out_missing,
                          GError     **error)
{
  g_auto(CrmMoveDone) done = { 0 };
  g_autoptr(GHashTable) clean = NULL;
  g_autoptr(GDateTime) now = NULL;
  CrmStage *stage;
  CrmDb *db;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_missing == NULL || *out_missing == NULL, FALSE);

  db = _crm_store_get_db (self);
  stage = find_stage_or_error (self, stage_id, error);
  if (stage == NULL)
    return FALSE;

  clean = _crm_store_normalize_values (self, values, error);
  if (clean == NULL)
    return FALSE;

  now = crm_store_now (self);

  if (!crm_db_begin (db, error))
    return FALSE;

  if (!move_one (self, deal_id, stage, clean, now, CRM_MOVE_DEFAULT, &done, out_missing, error))
    {
      crm_db_rollback (db);
      return FALSE;
    }

  /* Nothing to do for a deal already there: no empty transaction. */
  if (done.from_stage_id == done.to_stage_id && done.from_stage_id == stage_id)
    crm_db_rollback (db);
  else if (!crm_db_commit (db, error))
    return FALSE;

  if (previous_stage_id != NULL)
    *previous_stage_id = done.from_stage_id;

  _crm_store_announce_moves (self, &done, 1, now);
  return TRUE;
}

/**
 * crm_store_move_deals:
 * @self: a #CrmStore
 * @deal_ids: (array length=n_deals): the deals to move
 * @n_deals: how many
 * @stage_id: the stage to move them to
 * @error: return location for a #GError
 *
 * A bulk move: every deal passes the same stage rules as a single move,
 * and all move or none does (web CRMs' bulk actions are a known way
 * around required fields and loss reasons; here they are not). The error
 * names the first deal that cannot move and why.
 *
 * Returns: %TRUE when every deal moved
 */
gboolean
crm_store_move_deals (CrmStore      *self,
                      const gint64  *deal_ids,
                      guint          n_deals,
                      gint64         stage_id,
                      GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) clean = NULL;
  g_autofree CrmMoveDone *done = NULL;
  CrmStage *stage;
  CrmDb *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (deal_ids != NULL || n_deals == 0, FALSE);

  db = _crm_store_get_db (self);
  stage = find_stage_or_error (self, stage_id, error);
  if (stage == NULL)
    return FALSE;

  /* No values: a bulk move into a lost stage is refused for its reason. */
  clean = _crm_store_normalize_values (self, NULL, error);
  now = crm_store_now (self);
  done = g_new0 (CrmMoveDone, n_deals);

  if (!crm_db_begin (db, error))
    return FALSE;

  for (guint i = 0; ok && i < n_deals; i++)
    {
      g_autoptr(GError) local_error = NULL;

      ok = move_one (self, deal_ids[i], stage, clean, now, CRM_MOVE_DEFAULT, &done[i], NULL, &local_error);
      if (!ok)
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: the deal's id, then why it cannot move */
                     _("Deal %lld cannot move, so none was moved: %s"),
                     (long long)deal_ids[i], local_error->message);
    }

  if (ok)
    ok = crm_db_commit (db, error);
  else
    crm_db_rollback (db);

  if (ok)
    _crm_store_announce_moves (self, done, n_deals, now);

  for (guint i = 0; i < n_deals; i++)
    _crm_move_done_clear (&done[i]);

  return ok;
}

/**
 * crm_store_get_open_tasks:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the deal's open #CrmTask<!-- -->s, soonest first
 */
GListModel *
crm_store_get_open_tasks (CrmStore  *self,
                          gint64     deal_id,
                          GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GListStore) tasks = g_list_store_new (CRM_TYPE_TASK);
  CrmStep step;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT id, title, due_at, owner_id, rule FROM tasks "
                         "WHERE deal_id = ?1 AND closed_at IS NULL ORDER BY due_at, id",
                         error);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      g_autoptr(GDateTime) due = g_date_time_new_from_iso8601 (crm_statement_get_text (stmt, 2), NULL);
      g_autoptr(CrmTask) task = crm_task_new (crm_statement_get_int64 (stmt, 0), deal_id,
                                              crm_statement_get_text (stmt, 1), due,
                                              crm_statement_get_int64 (stmt, 3),
                                              crm_statement_get_text (stmt, 4));

      g_list_store_append (tasks, task);
    }

  if (step == CRM_STEP_ERROR)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&tasks));
}

/**
 * crm_store_count_queued_emails:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @template_key: (nullable): only this email template
 *
 * Returns: how many emails of the deal wait in the outgoing queue
 */
guint
crm_store_count_queued_emails (CrmStore   *self,
                               gint64      deal_id,
                               const char *template_key)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count (*) FROM email_queue WHERE deal_id = ?1 "
                         "AND sent_at IS NULL AND (?2 IS NULL OR template = ?2)",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  crm_statement_bind_text (stmt, 2, template_key);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}

/* What the outbox shows for one queued email: a stage rule's by its
 * template key (crm_email_template_get_label() names it), a call summary
 * by its rendered subject, and the copy with its address (TW-4). */
static char *
queued_email_label (CrmStatement *stmt)
{
  const char *subject = crm_statement_get_text (stmt, 1);
  const char *address = crm_statement_get_text (stmt, 2);

  if (subject == NULL)
    return g_strdup (crm_statement_get_text (stmt, 0));

  if (address == NULL)
    return g_strdup (subject);

  /* Translators: a call summary's subject, then the address it is copied to */
  return g_strdup_printf (_("%s (copy to %s)"), subject, address);
}

/**
 * crm_store_list_queued_emails:
 * @self: a #CrmStore
 * @deal_id: a deal
 *
 * The emails queued for the deal that wait to be sent, oldest first: the
 * stage rules' as email template keys (AXL-9 "welcome", AXL-10
 * "request_closed", TW-4 "call_summary"…), a call summary rendered at the
 * end of a call as its subject ("Call summary: Annual licence", and
 * "… (copy to …)" for the copy). crm_email_template_get_label() turns
 * either into what the outbox shows.
 *
 * Returns: (transfer full): the template keys and subjects
 */
GStrv
crm_store_list_queued_emails (CrmStore *self,
                              gint64    deal_id)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT template, subject, address FROM email_queue "
                         "WHERE deal_id = ?1 AND sent_at IS NULL ORDER BY queued_at, id",
                         NULL);
  if (stmt != NULL)
    {
      crm_statement_bind_int64 (stmt, 1, deal_id);
      while (crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
        {
          g_autofree char *label = queued_email_label (stmt);

          g_strv_builder_add (keys, label);
        }
    }

  return g_strv_builder_end (keys);
}

/**
 * crm_email_template_get_label:
 * @key: an email template key of the procedures
 *
 * Returns: (transfer none): what to call the email in the interface; a
 *   subject from crm_store_list_queued_emails() is returned as it is
 */
const char *
crm_email_template_get_label (const char *key)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "call_summary", N_("Call summary to the sales manager") },
    { "please_get_in_touch", N_("“Please get in touch”") },
    { "pricing_questionnaire", N_("Pricing questionnaire") },
    { "welcome", N_("Welcome: request received") },
    { "cant_reach", N_("“We can’t reach you”") },
    { "request_closed", N_("“Your request was closed”") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].key, key) == 0)
      return _(labels[i].label);

  return key;
}
