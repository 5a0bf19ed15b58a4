/* crm-call-session.c
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

#define G_LOG_DOMAIN "crm-call-session"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-session-private.h"
#include "crm-deal.h"
#include "crm-store-private.h"

/**
 * CrmCallSession:
 *
 * The call a rep is making with the call-script panel: the situation
 * check (TW-2), the script's stages in order with their mandatory
 * questions (TW-3), the answers saved into the deal's fields as they are
 * given, the price rule (CON-4), and at the end the record that
 * crm_store_log_call() writes (TW-4). The model decides; the panel shows.
 * Time comes from the store's clock, so a test walks a call in no time.
 */

G_DEFINE_FINAL_TYPE (CrmCallSession, crm_call_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-call-error-quark, crm_call_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_SCRIPT_KEY,
  PROP_STAGE_INDEX,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

guint
_crm_call_session_n_stages (CrmCallSession *self)
{
  return self->script != NULL ? self->script->stages->len : 0;
}

const CrmScriptStage *
_crm_call_session_stage_at (CrmCallSession *self,
                            int             index)
{
  if (index < 0 || (guint)index >= _crm_call_session_n_stages (self))
    return NULL;

  return g_ptr_array_index (self->script->stages, index);
}

void
_crm_call_session_set_stage_index (CrmCallSession *self,
                                   int             index)
{
  if (self->stage_index == index)
    return;

  self->stage_index = index;
  self->furthest = MAX (self->furthest, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_INDEX]);
}

/* A question whose field already has a value counts as answered: the rep
 * does not ask again what the deal card already says. */
static void
load_answers (CrmCallSession *self)
{
  g_hash_table_remove_all (self->answers);

  for (guint s = 0; s < _crm_call_session_n_stages (self); s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);
          char *value;

          if (question->field == NULL)
            continue;

          value = crm_store_dup_field_value (self->store, self->deal_id, question->field);
          if (value != NULL)
            g_hash_table_insert (self->answers, g_strdup (question->key), value);
        }
    }
}

/* The script a call follows: the one asked for, or the one the procedure
 * picks for the deal's source; none for a procedure without scripts, and
 * the call is then only timed and logged. */
static gboolean
choose_script (CrmCallSession  *self,
               const char      *key,
               GError         **error)
{
  const CrmCallScript *script = NULL;

  if (key != NULL)
    {
      script = self->procedure ? crm_procedure_find_call_script (self->procedure, key) : NULL;
      if (script == NULL)
        {
          g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT,
                       _("The procedure has no call script “%s”."), key);
          return FALSE;
        }
    }
  else if (self->procedure != NULL)
    {
      g_autofree char *source = crm_store_dup_field_value (self->store, self->deal_id, "source");

      script = crm_procedure_pick_call_script (self->procedure, source);
    }

  self->script = script;
  self->stage_index = -1;
  self->furthest = -1;
  /* TW-2 first, when the procedure asks it; else straight to the script. */
  if (!crm_call_session_needs_situation_check (self) && _crm_call_session_n_stages (self) > 0)
    _crm_call_session_set_stage_index (self, 0);

  load_answers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCRIPT_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STAGE_INDEX]);
  return TRUE;
}

gboolean
_crm_call_session_check_not_finished (CrmCallSession  *self,
                                      GError         **error)
{
  if (!self->finished)
    return TRUE;

  g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_FINISHED, _("This call has ended."));
  return FALSE;
}

static void
crm_call_session_constructed (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;
  CrmProcedure *procedure = crm_store_get_procedure (self->store);

  G_OBJECT_CLASS (crm_call_session_parent_class)->constructed (object);

  self->procedure = procedure ? g_object_ref (procedure) : NULL;
  self->started_at = crm_store_now (self->store);
  self->first_conversation = !crm_store_deal_had_conversation (self->store, self->deal_id);
}

static void
crm_call_session_dispose (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;

  self->script = NULL;
  g_clear_object (&self->procedure);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_call_session_parent_class)->dispose (object);
}

static void
crm_call_session_finalize (GObject *object)
{
  CrmCallSession *self = (CrmCallSession *)object;

  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->given, g_hash_table_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);

  G_OBJECT_CLASS (crm_call_session_parent_class)->finalize (object);
}

static void
crm_call_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmCallSession *self = CRM_CALL_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_SCRIPT_KEY:
      g_value_set_string (value, self->script ? self->script->key : NULL);
      break;

    case PROP_STAGE_INDEX:
      g_value_set_int (value, self->stage_index);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmCallSession *self = CRM_CALL_SESSION (object);

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
crm_call_session_class_init (CrmCallSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_call_session_constructed;
  object_class->dispose = crm_call_session_dispose;
  object_class->finalize = crm_call_session_finalize;
  object_class->get_property = crm_call_session_get_property;
  object_class->set_property = crm_call_session_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:script-key:
   *
   * The key of the call script followed, or %NULL for a call without one.
   */
  properties [PROP_SCRIPT_KEY] =
    g_param_spec_string ("script-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:stage-index:
   *
   * The stage of the script the call is at; -1 before the first stage,
   * during the situation check (TW-2).
   */
  properties [PROP_STAGE_INDEX] =
    g_param_spec_int ("stage-index", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallSession:finished:
   *
   * Whether the call has been logged.
   */
  properties [PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_call_session_init (CrmCallSession *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stage_index = -1;
  self->furthest = -1;
}

/**
 * crm_call_session_new:
 * @store: a #CrmStore
 * @deal_id: the deal called about
 * @script_key: (nullable): the script to follow, or %NULL for the one the
 *   procedure picks by the deal's source
 * @error: return location for a #GError
 *
 * Starts a call now, by the store's clock.
 *
 * Returns: (transfer full) (nullable): the call, or %NULL when the deal
 *   does not exist (%CRM_STORE_ERROR_NOT_FOUND) or the procedure has no
 *   such script (%CRM_CALL_ERROR_NO_SCRIPT)
 */
CrmCallSession *
crm_call_session_new (CrmStore    *store,
                      gint64       deal_id,
                      const char  *script_key,
                      GError     **error)
{
  g_autoptr(CrmCallSession) self = NULL;
  g_autoptr(CrmDeal) deal = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  deal = crm_store_load_deal (store, deal_id, error);
  if (deal == NULL)
    return NULL;

  self = g_object_new (CRM_TYPE_CALL_SESSION,
                       "store", store,
                       "deal-id", deal_id,
                       NULL);

  if (!choose_script (self, script_key, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_call_session_get_store:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none): the store
 */
CrmStore *
crm_call_session_get_store (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->store;
}

gint64
crm_call_session_get_deal_id (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  return self->deal_id;
}

/**
 * crm_call_session_get_script:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none) (nullable): the script followed, or %NULL for a
 *   procedure without scripts: a plain call, timed and logged
 */
const CrmCallScript *
crm_call_session_get_script (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->script;
}

/**
 * crm_call_session_set_script:
 * @self: a #CrmCallSession
 * @key: (nullable): a script of the procedure, or %NULL for the one picked
 *   by the deal's source
 * @error: return location for a #GError
 *
 * The rep may follow another script before the first stage is left; the
 * call then starts that script from its beginning.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_call_session_set_script (CrmCallSession  *self,
                             const char      *key,
                             GError         **error)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (!_crm_call_session_check_not_finished (self, error))
    return FALSE;

  if (self->furthest > 0)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           _("The script can only be changed before the first stage is over."));
      return FALSE;
    }

  return choose_script (self, key, error);
}

/**
 * crm_call_session_get_started_at:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none): when the call started, by the store's clock
 */
GDateTime *
crm_call_session_get_started_at (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return self->started_at;
}

/**
 * crm_call_session_get_elapsed:
 * @self: a #CrmCallSession
 *
 * Returns: the seconds since the call started, by the store's clock; an
 *   ended call keeps its length
 */
guint
crm_call_session_get_elapsed (CrmCallSession *self)
{
  g_autoptr(GDateTime) end = NULL;
  GTimeSpan span;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  end = self->ended_at ? g_date_time_ref (self->ended_at) : crm_store_now (self->store);
  span = g_date_time_difference (end, self->started_at);

  return span > 0 ? (guint)(span / G_TIME_SPAN_SECOND) : 0;
}

/**
 * crm_call_session_is_first_conversation:
 * @self: a #CrmCallSession
 *
 * CON-4: on a first conversation no price is named unless the customer
 * demands it, and then only the lower bound.
 *
 * Returns: %TRUE when no call on the deal reached the customer and no
 *   meeting took place before this call
 */
gboolean
crm_call_session_is_first_conversation (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->first_conversation;
}

/**
 * crm_call_session_set_price_demanded:
 * @self: a #CrmCallSession
 * @demanded: whether the customer demanded the price
 *
 * CON-4: the rep gave the lower bound because the customer demanded a
 * price; the call's note says so.
 */
void
crm_call_session_set_price_demanded (CrmCallSession *self,
                                     gboolean        demanded)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  self->price_demanded = !!demanded;
}

gboolean
crm_call_session_get_price_demanded (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->price_demanded;
}

/**
 * crm_call_session_set_move_to_stage:
 * @self: a #CrmCallSession
 * @stage_id: the stage of the deal's pipeline the call moves it into, or 0
 *
 * What the call achieved, on the board: a reached call that found out the
 * customer's needs can move the deal on as it is logged, through the stage's
 * rules (required fields, tasks, emails) like any other move, in the same
 * transaction as the call.
 */
void
crm_call_session_set_move_to_stage (CrmCallSession *self,
                                    gint64          stage_id)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  self->move_to_stage_id = MAX (stage_id, 0);
}

gint64
crm_call_session_get_move_to_stage (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  return self->move_to_stage_id;
}

/**
 * crm_call_session_finish:
 * @self: a #CrmCallSession
 * @outcome: how the call went
 * @note: (nullable): the result note; required for a reached call and a
 *   call-back
 * @next_contact: (nullable): TW-4, when to contact the customer next
 * @close_task_id: 0, or the deal's open task this call completes
 * @error: return location for a #GError
 *
 * Ends the call: crm_store_log_call() writes it with its length by the
 * store's clock, the stages gone through and the answers for the summary
 * (TW-4). A call is logged once; a refused record leaves it running, to
 * be corrected.
 *
 * Returns: the call activity's id, or 0 on error
 */
gint64
crm_call_session_finish (CrmCallSession  *self,
                         CrmCallOutcome   outcome,
                         const char      *note,
                         GDateTime       *next_contact,
                         gint64           close_task_id,
                         GError         **error)
{
  g_auto(GStrv) visited = NULL;
  g_autofree char *answers = NULL;
  CrmCallRecord record = { 0 };
  gint64 id;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), 0);

  if (!_crm_call_session_check_not_finished (self, error))
    return 0;

  visited = crm_call_session_dup_visited_stages (self);
  answers = _crm_call_session_dup_summary_answers (self);

  record.deal_id = self->deal_id;
  record.script_key = self->script ? self->script->key : NULL;
  record.outcome = outcome;
  record.duration = crm_call_session_get_elapsed (self);
  record.stages = visited[0] != NULL ? (const char * const *)visited : NULL;
  record.note = note;
  record.next_contact = next_contact;
  record.close_task_id = close_task_id;
  record.summary_answers = answers;
  record.move_to_stage_id = self->move_to_stage_id;

  id = crm_store_log_call (self->store, &record, error);
  if (id == 0)
    return 0;

  self->ended_at = crm_store_now (self->store);
  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FINISHED]);
  return id;
}
