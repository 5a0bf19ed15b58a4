/* crm-store-closing.c
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

#define G_LOG_DOMAIN "crm-store-closing"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-deal.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-stage-verdict.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* Closing a deal and reopening one. The procedures' closing rules (HS-10
 * and RAD-12 a reason, CON-8 who refused and when, AXL-10 enough attempts
 * and enough silence before "could not reach") hold on every path into a
 * lost stage, because the engine's one move (crm-store-rules.c) asks them
 * here: a drop on the board, the keyboard, the card's menu, the stage
 * form, the deal card, the command line, a bulk move, the end of a call
 * and crm_store_close_lost() itself. A won or lost deal leaves its stage
 * only through crm_store_reopen_deal(), with a reason, logged. */

static GDateTime *
parse_time (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static gboolean
run_with_id (CrmStore     *self,
             const char   *sql,
             gint64        id,
             const char   *text,
             const char   *more,
             GError      **error)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (self), sql, error);

  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, id);
  if (text != NULL)
    crm_statement_bind_text (stmt, 2, text);
  if (more != NULL)
    crm_statement_bind_text (stmt, 3, more);

  return crm_statement_run (stmt, error);
}

/* AXL-10's last conversation, for the verdict's closing check
 * (crm-stage-verdict.c). */
GDateTime *
_crm_store_last_contact (CrmStore *self,
                         gint64    deal_id)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* A contact is a conversation: a call that reached the client, a
   * meeting, a training. Attempts and notes are not. */
  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT max (at) FROM activities WHERE deal_id = ?1 AND "
                         "((kind = 'call' AND outcome IN ('reached', 'call-back')) OR kind IN ('meeting', 'training'))",
                         NULL);
  if (stmt == NULL)
    return NULL;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return NULL;

  return parse_time (crm_statement_get_text (stmt, 0));
}

static CrmStage *
lost_stage_of (CrmStore *self,
               gint64    pipeline_id)
{
  g_autoptr(GListModel) stages = crm_store_get_stages (self, pipeline_id);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_kind (stage) == CRM_STAGE_LOST)
        return stage;
    }

  return NULL;
}

/**
 * _crm_store_who_refused_key:
 * @self: a #CrmStore
 *
 * CON-8 keeps who refused in a field of its own ("refused_by"), which its
 * lost stage requires; the other procedures in the deal's
 * "refused_by_name".
 *
 * Returns: (transfer none): the key a closing asks for who refused
 */
const char *
_crm_store_who_refused_key (CrmStore *self)
{
  return crm_stage_verdict_who_refused_key (crm_store_get_procedure (self));
}

/**
 * _crm_store_check_leaving:
 * @self: a #CrmStore
 * @from_stage_id: the deal's stage, or 0 for a new deal
 * @stage: where it is to go
 * @flags: how it moves
 * @error: return location for a #GError
 *
 * A won or lost deal stays where it is unless it is reopened on purpose
 * (crm_store_reopen_deal()): a drag, a bulk move or a call does not undo
 * a closing.
 *
 * Returns: %TRUE when the deal may leave its stage
 */
gboolean
_crm_store_check_leaving (CrmStore      *self,
                          gint64         from_stage_id,
                          CrmStage      *stage,
                          CrmMoveFlags   flags,
                          GError       **error)
{
  CrmStage *from = from_stage_id != 0 ? crm_store_find_stage (self, from_stage_id) : NULL;

  if (from == NULL || !crm_stage_is_final (from) || from == stage ||
      (flags & CRM_MOVE_REOPEN) != 0)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CLOSED,
               crm_stage_get_kind (from) == CRM_STAGE_WON
               ? _("This deal is won. Reopen it, saying why, before moving it.")
               : _("This deal is lost. Reopen it, saying why, before moving it."));
  return FALSE;
}

/**
 * _crm_store_fill_closing:
 * @self: a #CrmStore
 * @stage: the stage a deal is to enter
 * @values: (element-type utf8 utf8): the move's values, normalised, with
 *   g_free() for keys and values
 * @now: the store's time
 * @error: return location for a #GError
 *
 * Completes the values of a move into a lost stage as the closing records
 * them (CON-8): who refused in both the deal's columns and CON's field,
 * whichever was given, and when, checked (never in the future) or now.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_fill_closing (CrmStore    *self,
                         CrmStage    *stage,
                         GHashTable  *values,
                         GDateTime   *now,
                         GError     **error)
{
  const char *name, *position, *by, *on;
  g_autoptr(GDateTime) when = NULL;

  if (crm_stage_get_kind (stage) != CRM_STAGE_LOST)
    return TRUE;

  name = g_hash_table_lookup (values, "refused_by_name");
  position = g_hash_table_lookup (values, "refused_by_position");
  by = g_hash_table_lookup (values, "refused_by");

  if (by == NULL && name != NULL && g_str_equal (_crm_store_who_refused_key (self), "refused_by"))
    g_hash_table_insert (values, g_strdup ("refused_by"),
                         position == NULL ? g_strdup (name) : g_strdup_printf ("%s, %s", name, position));
  else if (name == NULL && by != NULL)
    g_hash_table_insert (values, g_strdup ("refused_by_name"), g_strdup (by));

  on = g_hash_table_lookup (values, "refused_on");
  if (on != NULL)
    {
      when = parse_time (on);
      if (when == NULL)
        {
          g_autofree char *day = g_strconcat (on, "T12:00:00", NULL);
          g_autoptr(GTimeZone) local = g_time_zone_new_local ();

          when = g_date_time_new_from_iso8601 (day, local);
        }
      if (when == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                       _("When the client refused: “%s” is not a date."), on);
          return FALSE;
        }
      if (g_date_time_difference (when, now) > G_TIME_SPAN_DAY)
        {
          g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                               _("The refusal cannot be in the future."));
          return FALSE;
        }
    }
  else
    when = g_date_time_ref (now);

  g_hash_table_insert (values, g_strdup ("refused_on"), _crm_store_format_timestamp (when));
  return TRUE;
}

/**
 * _crm_store_close_open_tasks:
 * @self: a #CrmStore
 * @deal_id: a deal that just entered @stage
 * @stage: its new stage
 * @now: the store's time, formatted
 * @error: return location for a #GError
 *
 * A deal that is won or lost has no work left: its open tasks are closed
 * with a note saying so (RAD-7: every task gets a written result), before
 * the stage's own rules give the head of sales "Check this closing"
 * (AXL-10).
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_close_open_tasks (CrmStore    *self,
                             gint64       deal_id,
                             CrmStage    *stage,
                             const char  *now,
                             GError     **error)
{
  g_autofree char *note = NULL;

  if (!crm_stage_is_final (stage))
    return TRUE;

  /* Translators: the result of a task closed because its deal was closed;
   * the stage's name */
  note = g_strdup_printf (_("Closed with the deal, which moved to “%s”."), crm_stage_get_name (stage));

  return run_with_id (self,
                      "UPDATE tasks SET closed_at = ?2, outcome = 'done', result = ?3 "
                      "WHERE deal_id = ?1 AND closed_at IS NULL",
                      deal_id, now, note, error);
}

/**
 * crm_store_close_lost:
 * @self: a #CrmStore
 * @deal_id: an open deal
 * @loss_reason: a key of the procedure's loss reasons
 * @refused_by_name: who refused
 * @refused_by_position: (nullable): their position
 * @refused_on: (nullable): when, or now
 * @error: return location for a #GError
 *
 * Closes a deal as lost (HS-10, RAD-12, CON-8, AXL-10): into its
 * pipeline's lost stage, through the stage rules (which queue the
 * "request closed" email and give the head of sales a "Check this
 * closing" task where the procedure says so) and the closing's rules,
 * the same as any other move into that stage. Closing for no answer is
 * refused before the procedure's minimum of attempts and of silence.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_close_lost (CrmStore    *self,
                      gint64       deal_id,
                      const char  *loss_reason,
                      const char  *refused_by_name,
                      const char  *refused_by_position,
                      GDateTime   *refused_on,
                      GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gint64 stage_id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return _crm_store_closing_values (self, deal_id, loss_reason, refused_by_name, refused_by_position,
                                    refused_on, &stage_id, values, error) &&
         crm_store_move_deal_with_values (self, deal_id, stage_id, values, NULL, error);
}

/**
 * _crm_store_closing_values:
 * @self: a #CrmStore
 * @deal_id: a deal
 * @loss_reason: (nullable): a key of the procedure's loss reasons
 * @refused_by_name: (nullable): who refused
 * @refused_by_position: (nullable): their position
 * @refused_on: (nullable): when, or now
 * @stage_id: (out): the deal's pipeline's lost stage
 * @values: (element-type utf8 utf8): filled with the move's values, the
 *   keys static, the values for g_free()
 * @error: return location for a #GError
 *
 * What closing a deal as lost moves: the pipeline's lost stage, with the
 * reason and who refused as values of the move, whose rules decide.
 *
 * Returns: %TRUE on success
 */
gboolean
_crm_store_closing_values (CrmStore     *self,
                           gint64        deal_id,
                           const char   *loss_reason,
                           const char   *refused_by_name,
                           const char   *refused_by_position,
                           GDateTime    *refused_on,
                           gint64       *stage_id,
                           GHashTable   *values,
                           GError      **error)
{
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self, deal_id, error);
  CrmStage *stage;

  if (deal == NULL)
    return FALSE;

  stage = lost_stage_of (self, crm_deal_get_pipeline_id (deal));
  if (stage == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                           _("This deal’s pipeline has no stage for lost deals."));
      return FALSE;
    }

  if (!crm_str_is_blank (loss_reason))
    g_hash_table_insert (values, "loss_reason", g_strdup (loss_reason));
  if (refused_on != NULL)
    g_hash_table_insert (values, "refused_on", _crm_store_format_timestamp (refused_on));
  if (!crm_str_is_blank (refused_by_name))
    g_hash_table_insert (values, "refused_by_name", g_strdup (refused_by_name));
  if (!crm_str_is_blank (refused_by_position))
    g_hash_table_insert (values, "refused_by_position", g_strdup (refused_by_position));

  *stage_id = crm_stage_get_id (stage);
  return TRUE;
}

/**
 * crm_store_deal_must_close:
 * @self: a #CrmStore
 * @deal_id: a deal
 *
 * AXL-10: an open deal without any activity for the procedure's
 * "must close" time must be closed.
 *
 * Returns: %TRUE when the deal is silent for too long
 */
gboolean
crm_store_deal_must_close (CrmStore *self,
                           gint64    deal_id)
{
  JsonObject *refusal;
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) last = NULL;
  GTimeSpan limit = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  refusal = crm_procedure_get_refusal (crm_store_get_procedure (self));
  if (refusal == NULL || !json_object_has_member (refusal, "must_close_after") ||
      !crm_procedure_parse_duration (json_object_get_string_member (refusal, "must_close_after"), &limit))
    return FALSE;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT coalesce ((SELECT max (at) FROM activities WHERE deal_id = d.id), d.created_at) "
                         "FROM deals d JOIN stages s ON s.id = d.stage_id "
                         "WHERE d.id = ?1 AND s.kind = 'open'",
                         NULL);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, deal_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return FALSE;

  now = crm_store_now (self);
  last = parse_time (crm_statement_get_text (stmt, 0));

  return last != NULL && g_date_time_difference (now, last) >= limit;
}

/* Reopening */

/* Where a closed deal goes back to: the stage it was closed from, as the
 * audit log remembers the move, or its pipeline's first open stage. */
static CrmStage *
reopen_stage_of (CrmStore  *self,
                 gint64     deal_id,
                 CrmStage  *closed)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GListModel) stages = crm_store_get_stages (self, crm_stage_get_pipeline_id (closed));

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT old_value FROM audit_log WHERE action = 'move' AND entity = 'deal' "
                         "AND entity_id = ?1 AND new_value = ?2 ORDER BY id DESC LIMIT 1",
                         NULL);
  if (stmt != NULL)
    {
      crm_statement_bind_int64 (stmt, 1, deal_id);
      crm_statement_bind_text (stmt, 2, crm_stage_get_key (closed));
      if (crm_statement_step (stmt, NULL) == CRM_STEP_ROW)
        {
          CrmStage *before = crm_store_find_stage_by_key (self, crm_stage_get_pipeline_id (closed),
                                                          crm_statement_get_text (stmt, 0));

          if (before != NULL && crm_stage_get_kind (before) == CRM_STAGE_OPEN)
            return before;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      if (crm_stage_get_kind (stage) == CRM_STAGE_OPEN)
        return crm_store_find_stage (self, crm_stage_get_id (stage));
    }

  return NULL;
}

static CrmStage *
check_reopen (CrmStore    *self,
              CrmDeal     *deal,
              gint64       stage_id,
              const char  *reason,
              CrmStage   **closed,
              GError     **error)
{
  CrmStage *stage;

  if (crm_str_is_blank (reason))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
                           _("Say why the deal is reopened."));
      return NULL;
    }

  *closed = crm_store_find_stage (self, crm_deal_get_stage_id (deal));
  if (*closed == NULL || !crm_stage_is_final (*closed))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL,
                           _("Only a won or lost deal can be reopened."));
      return NULL;
    }

  stage = stage_id != 0 ? crm_store_find_stage (self, stage_id) : reopen_stage_of (self, crm_deal_get_id (deal), *closed);
  if (stage == NULL || crm_stage_get_kind (stage) != CRM_STAGE_OPEN ||
      crm_stage_get_pipeline_id (stage) != crm_deal_get_pipeline_id (deal))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE,
                   _("A reopened deal goes to an open stage of its pipeline; there is no such stage %lld."),
                   (long long)stage_id);
      return NULL;
    }

  return stage;
}

/* A reopened deal is open again: no reason, no one who refused, no
 * closing date, and a contact the loss made "other" is an opportunity
 * again (HS-4). The closing stays in the audit log and the timeline. */
static gboolean
clear_closing (CrmStore    *self,
               gint64       deal_id,
               GError     **error)
{
  return run_with_id (self,
                      "UPDATE deals SET loss_reason = NULL, refused_by_name = NULL, "
                      "refused_by_position = NULL, closed_at = NULL WHERE id = ?1",
                      deal_id, NULL, NULL, error) &&
         run_with_id (self,
                      "DELETE FROM deal_field_values WHERE deal_id = ?1 "
                      "AND field_id IN (SELECT id FROM field_defs WHERE key = 'refused_by')",
                      deal_id, NULL, NULL, error) &&
         run_with_id (self,
                      "UPDATE contacts SET lifecycle = 'opportunity' WHERE lifecycle = 'other' "
                      "AND id = (SELECT contact_id FROM deals WHERE id = ?1)",
                      deal_id, NULL, NULL, error);
}

/**
 * crm_store_reopen_deal:
 * @self: a #CrmStore
 * @deal_id: a won or lost deal
 * @stage_id: the open stage of its pipeline to reopen it in, or 0 for the
 *   stage it was closed from
 * @reason: why it is reopened
 * @error: return location for a #GError
 *
 * Reopens a closed deal on purpose; no other move takes a deal out of a
 * won or lost stage (%CRM_STORE_ERROR_CLOSED). In one transaction: the
 * move back (which asks for no fields; the stage's tasks are created as
 * on any entry), the closing's reason, who refused and date cleared, a
 * note on the timeline with @reason, and a "reopen" row in the audit log.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_reopen_deal (CrmStore    *self,
                       gint64       deal_id,
                       gint64       stage_id,
                       const char  *reason,
                       GError     **error)
{
  g_auto(CrmMoveDone) done = { 0 };
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *clean = NULL;
  CrmStage *closed = NULL;
  CrmStage *stage;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  deal = crm_store_load_deal (self, deal_id, error);
  if (deal == NULL)
    return FALSE;

  stage = check_reopen (self, deal, stage_id, reason, &closed, error);
  if (stage == NULL)
    return FALSE;

  now = crm_store_now (self);
  now_text = _crm_store_format_timestamp (now);
  clean = g_strstrip (g_strdup (reason));
  /* Translators: a note on the deal's timeline; the closed stage's name,
   * then why the deal was reopened */
  note = g_strdup_printf (_("Reopened from “%s”: %s"), crm_stage_get_name (closed), clean);

  if (!_crm_store_begin (self, error))
    return FALSE;

  ok = _crm_store_move_in_transaction (self, deal_id, crm_stage_get_id (stage), NULL, now,
                                       CRM_MOVE_REOPEN, &done, error) &&
       clear_closing (self, deal_id, error) &&
       _crm_store_insert_activity (self, deal_id, CRM_ACTIVITY_NOTE, CRM_CALL_NONE, 0, note,
                                   NULL, NULL, now_text, NULL, error) &&
       _crm_store_add_audit (self, "reopen", "deal", deal_id, crm_stage_get_key (closed), clean,
                             now_text, error);

  if (!_crm_store_commit_or_rollback (self, ok, error))
    return FALSE;

  _crm_store_emit_deal_changed (self, deal_id);
  _crm_store_announce_moves (self, &done, 1, now);
  return TRUE;
}
