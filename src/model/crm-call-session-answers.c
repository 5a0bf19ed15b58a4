/* crm-call-session-answers.c
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

#define G_LOG_DOMAIN "crm-call-session-answers"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-session-private.h"
#include "crm-strings.h"

/* What the rep hears and ticks off: answers to the script's questions,
 * saved into the deal's fields as they are given, and checklist items. */

static const CrmScriptQuestion *
find_question (CrmCallSession *self,
               const char     *key)
{
  for (guint s = 0; s < _crm_call_session_n_stages (self); s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (g_str_equal (question->key, key))
            return question;
        }
    }

  return NULL;
}
/* Every question of the script that feeds @field shows what it now holds. */
static void
refresh_field_answers (CrmCallSession *self,
                       const char     *field)
{
  g_autofree char *value = crm_store_dup_field_value (self->store, self->deal_id, field);

  for (guint s = 0; s < _crm_call_session_n_stages (self); s++)
    {
      const CrmScriptStage *stage = _crm_call_session_stage_at (self, s);

      for (guint q = 0; q < stage->questions->len; q++)
        {
          const CrmScriptQuestion *question = g_ptr_array_index (stage->questions, q);

          if (g_strcmp0 (question->field, field) != 0)
            continue;

          if (value != NULL)
            g_hash_table_insert (self->answers, g_strdup (question->key), g_strdup (value));
          else
            g_hash_table_remove (self->answers, question->key);
        }
    }
}

/**
 * crm_call_session_answer:
 * @self: a #CrmCallSession
 * @question_key: a question of the call's script
 * @value: (nullable): the answer; empty takes it back. For a choice field
 *   the choice's key, for a boolean "true" or "false"
 * @error: return location for a #GError
 *
 * Records an answer. A question with a field saves it there at once
 * through crm_store_set_field_value(), checked like the deal card checks
 * it; a value the field refuses leaves the answer unrecorded and the deal
 * as it was. The answer kept is the field's value as stored (a phone in
 * E.164).
 *
 * Returns: %TRUE on success
 */
gboolean
crm_call_session_answer (CrmCallSession  *self,
                         const char      *question_key,
                         const char      *value,
                         GError         **error)
{
  const CrmScriptQuestion *question;

  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);
  g_return_val_if_fail (question_key != NULL, FALSE);

  if (!_crm_call_session_check_not_finished (self, error))
    return FALSE;

  question = find_question (self, question_key);
  if (question == NULL)
    {
      g_set_error (error, CRM_CALL_ERROR, CRM_CALL_ERROR_NO_QUESTION,
                   _("The call script has no question “%s”."), question_key);
      return FALSE;
    }

  if (question->field != NULL)
    {
      if (!crm_store_set_field_value (self->store, self->deal_id, question->field, value, error))
        return FALSE;

      refresh_field_answers (self, question->field);
    }
  else if (crm_str_is_blank (value))
    g_hash_table_remove (self->answers, question->key);
  else
    g_hash_table_insert (self->answers, g_strdup (question->key), g_strstrip (g_strdup (value)));

  g_hash_table_add (self->given, g_strdup (question->key));
  return TRUE;
}

/**
 * crm_call_session_get_answer:
 * @self: a #CrmCallSession
 * @question_key: a question of the call's script
 *
 * Returns: (transfer none) (nullable): the answer as stored, or %NULL
 */
const char *
crm_call_session_get_answer (CrmCallSession *self,
                             const char     *question_key)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), NULL);
  g_return_val_if_fail (question_key != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_key);
}

void
crm_call_session_set_checked (CrmCallSession *self,
                              const char     *item_key,
                              gboolean        checked)
{
  g_return_if_fail (CRM_IS_CALL_SESSION (self));
  g_return_if_fail (item_key != NULL);

  if (checked)
    g_hash_table_add (self->checked, g_strdup (item_key));
  else
    g_hash_table_remove (self->checked, item_key);
}

gboolean
crm_call_session_get_checked (CrmCallSession *self,
                              const char     *item_key)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (self), FALSE);
  g_return_val_if_fail (item_key != NULL, FALSE);

  return g_hash_table_contains (self->checked, item_key);
}
