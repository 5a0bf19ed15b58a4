/* crm-call-session-stages.c
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

#define G_LOG_DOMAIN "crm-call-session-stages"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-session-private.h"

/* The way through the call: the situation check first (TW-2), then the
 * script's stages in order, each left only with its mandatory questions
 * answered (TW-3), and the stages the call reached. */

/**
 * crm_call_session_needs_situation_check:
 * @self: a #CrmCallSession
 *
 * TW-2: whether the rep must first ask if the customer can talk now.
 *
 * Returns: %TRUE when the procedure has a situation check not yet answered
 */
gboolean
crm_call_session_needs_situation_check (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return self->procedure != NULL &&
         crm_procedure_get_situation_check (self->procedure) != NULL &&
         !self->situation_answered;
}

/**
 * crm_call_session_set_situation:
 * @self: a #CrmCallSession
 * @can_talk: the customer's answer to the situation check
 *
 * TW-2: a customer who can talk goes on to the script's first stage; one
 * who cannot is called back: the call should end as
 * %CRM_CALL_CALL_BACK with the time agreed.
 */
void
crm_call_session_set_situation (CrmCallSession *self,
                                gboolean        can_talk)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));

  if (self->finished)
    return;

  self->situation_answered = TRUE;
  self->can_talk = !!can_talk;

  if (can_talk && self->stage_index < 0 && _crm_call_session_n_stages (self) > 0)
    _crm_call_session_set_stage_index (self, 0);
}

int
crm_call_session_get_stage_index (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), -1);

  return self->stage_index;
}

/**
 * crm_call_session_get_stage:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer none) (nullable): the current stage, or %NULL before
 *   the first
 */
const CrmScriptStage *
crm_call_session_get_stage (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  return _crm_call_session_stage_at (self, self->stage_index);
}

static gboolean
check_can_advance (CrmCallSession  *self,
                   GError         **error)
{
  if (!_crm_call_session_check_not_finished (self, error))
    return FALSE;

  if (self->script == NULL)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_SCRIPT,
                           _("This call has no script to follow."));
      return FALSE;
    }

  if (self->stage_index < 0)
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           self->situation_answered
                           ? _("The customer cannot talk now: end the call and agree when to call back.")
                           : _("Ask first whether the customer can talk now."));
      return FALSE;
    }

  return TRUE;
}

static void
set_unanswered_error (GPtrArray  *unanswered,
                      GError    **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *list = NULL;
  const char *format;

  for (guint i = 0; i < unanswered->len; i++)
    {
      const CrmScriptQuestion *question = g_ptr_array_index (unanswered, i);

      g_ptr_array_add (texts, (gpointer)crm_text_get (&question->text));
    }
  g_ptr_array_add (texts, NULL);
  list = g_strjoinv (" ", (char **)texts->pdata);

  /* Translators: then the texts of the mandatory questions not yet
   * answered, e.g. "Do you need the agreements module?" */
  format = g_dngettext (GETTEXT_PACKAGE, "Ask this first: %s", "Ask these first: %s", unanswered->len);
  g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_UNANSWERED, format, list);
}

/**
 * crm_call_session_advance:
 * @self: a #CrmCallSession
 * @error: return location for a #GError
 *
 * TW-3: goes on to the next stage, only when every mandatory question of
 * this stage and the ones before is answered (never skip the discovery,
 * even when the customer asks for the price early); otherwise
 * %CRM_CALL_ERROR_UNANSWERED lists them. Past the last stage, and before
 * the situation check (TW-2), %CRM_CALL_ERROR_ORDER.
 *
 * Returns: %TRUE when the call moved on
 */
gboolean
crm_call_session_advance (CrmCallSession  *self,
                          GError         **error)
{
  g_autoptr(GPtrArray) unanswered = NULL;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (!check_can_advance (self, error))
    return FALSE;

  unanswered = crm_call_session_list_unanswered (self, self->stage_index);
  if (unanswered->len > 0)
    {
      set_unanswered_error (unanswered, error);
      return FALSE;
    }

  if ((guint)self->stage_index + 1 >= _crm_call_session_n_stages (self))
    {
      g_set_error_literal (error, CRM_CALL_ERROR, CRM_CALL_ERROR_ORDER,
                           _("This is the last stage of the call."));
      return FALSE;
    }

  _crm_call_session_set_stage_index (self, self->stage_index + 1);
  return TRUE;
}

/**
 * crm_call_session_go_back:
 * @self: a #CrmCallSession
 *
 * Returns: %TRUE when the call went back a stage; %FALSE at the first
 */
gboolean
crm_call_session_go_back (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  if (self->finished || self->stage_index <= 0)
    return FALSE;

  _crm_call_session_set_stage_index (self, self->stage_index - 1);
  return TRUE;
}

/**
 * crm_call_session_list_unanswered:
 * @self: a #CrmCallSession
 * @up_to_stage: the last stage to look at
 *
 * Returns: (transfer container) (element-type CrmScriptQuestion): the
 *   mandatory questions of the stages up to @up_to_stage without an
 *   answer, in the script's order
 */
GPtrArray *
crm_call_session_list_unanswered (CrmCallSession *self,
                                  int             up_to_stage)
{
  GPtrArray *unanswered = g_ptr_array_new ();

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), unanswered);

  for (int s = 0; s <= up_to_stage && (guint)s < _crm_call_session_n_stages (self); s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (question->mandatory && !g_hash_table_contains (self->answers, question->key))
            g_ptr_array_add (unanswered, (gpointer)question);
        }
    }

  return unanswered;
}

/**
 * crm_call_session_dup_visited_stages:
 * @self: a #CrmCallSession
 *
 * Returns: (transfer full): the keys of the stages the call reached, in
 *   order; empty before the first
 */
GStrv
crm_call_session_dup_visited_stages (CrmCallSession *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);

  for (int s = 0; s <= self->furthest; s++)
    g_strv_builder_add (keys, _crm_call_session_stage_at (self, s)->key);

  return g_strv_builder_end (keys);
}

/**
 * crm_call_session_is_complete:
 * @self: a #CrmCallSession
 *
 * Returns: %TRUE when the call reached the script's last stage
 */
gboolean
crm_call_session_is_complete (CrmCallSession *self)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);

  return _crm_call_session_n_stages (self) > 0 &&
         (guint)self->furthest + 1 == _crm_call_session_n_stages (self);
}
