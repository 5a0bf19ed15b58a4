/* crm-stage-verdict.c
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

#define G_LOG_DOMAIN "crm-stage-verdict"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-stage-verdict.h"
#include "crm-strings.h"
#include "crm-store.h"

/* Everything a stage's rules decide about a move, decided here with no
 * SQL and no store: the fields it asks for (AXL-9, RAD-10, TW-3; a
 * closing's reason and who refused, HS-10, RAD-12, CON-8), AXL-10's
 * closing checks, the stage's tasks and emails, the contact's lifecycle
 * (HS-4) and the move on to another pipeline (AXL-8). The store reads the
 * deal, hands it over and applies what comes back in the move's one
 * transaction (crm-store-rules.c). */

static JsonObject *
rules_of (CrmProcedure *procedure,
          const char   *pipeline_key,
          CrmStage     *stage)
{
  const CrmProcedureStage *template_stage;

  if (procedure == NULL)
    return NULL;

  template_stage = crm_procedure_find_stage (procedure, pipeline_key, crm_stage_get_key (stage));
  return template_stage ? template_stage->rules : NULL;
}

static JsonArray *
array_of (JsonObject *rules,
          const char *member)
{
  if (rules == NULL || !json_object_has_member (rules, member))
    return NULL;

  return json_object_get_array_member (rules, member);
}

/**
 * crm_stage_verdict_who_refused_key:
 * @procedure: (nullable): the store's procedure
 *
 * CON-8 keeps who refused in a field of its own ("refused_by"), which its
 * lost stage requires; the other procedures in the deal's
 * "refused_by_name".
 *
 * Returns: (transfer none): the key a closing asks for who refused
 */
const char *
crm_stage_verdict_who_refused_key (CrmProcedure *procedure)
{
  if (procedure != NULL && crm_procedure_find_field (procedure, "refused_by") != NULL)
    return "refused_by";

  return "refused_by_name";
}

static void
add_key (GPtrArray  *keys,
         const char *key)
{
  if (key != NULL && !g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
    g_ptr_array_add (keys, g_strdup (key));
}

static void
add_required_of (const CrmStageMove *move,
                 CrmStage           *stage,
                 GPtrArray          *keys)
{
  JsonArray *required = array_of (rules_of (move->procedure, move->pipeline_key, stage), "required");

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    add_key (keys, json_array_get_string_element (required, i));
}

/**
 * crm_stage_verdict_required_keys:
 * @move: where the deal goes
 *
 * The fields a deal must have to make @move, in the pipeline's order:
 *
 *  - into an open or won stage, the required fields of that stage and of
 *    every open or won stage between the deal's stage and it, so a skip
 *    asks for everything it skips (AXL-9, RAD-10, TW-3); a new deal, or
 *    one from another pipeline, passes every stage up to it;
 *  - into a lost stage, that stage's own, the loss reason and who refused
 *    (a deal may be lost from any stage; what a closing needs is the
 *    closing's, HS-10, RAD-12, CON-8);
 *  - back to an earlier stage of the same pipeline, nothing: the deal met
 *    those rules on its way past them.
 *
 * Returns: (transfer full) (element-type utf8): the keys, each once
 */
GPtrArray *
crm_stage_verdict_required_keys (const CrmStageMove *move)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int target = (int)crm_stage_get_position (move->stage);
  int after = -1;

  /* A closing asks for its reason (HS-10, RAD-12) and who refused
   * (CON-8), whatever the template lists; the attempt ladder's closing
   * has nobody who refused. */
  if (crm_stage_get_kind (move->stage) == CRM_STAGE_LOST)
    {
      add_required_of (move, move->stage, keys);
      add_key (keys, "loss_reason");
      if ((move->flags & CRM_MOVE_FROM_LADDER) == 0)
        add_key (keys, crm_stage_verdict_who_refused_key (move->procedure));
      return g_steal_pointer (&keys);
    }

  /* A deal that came from an earlier stage of this pipeline met the rules
   * up to there on its way: only the stages it passes now are asked for,
   * which keeps a move to the next stage as cheap as its own rules. A move
   * back passes none. */
  if (move->from != NULL &&
      crm_stage_get_pipeline_id (move->from) == crm_stage_get_pipeline_id (move->stage))
    after = (int)crm_stage_get_position (move->from);

  for (guint i = 0; i < g_list_model_get_n_items (move->stages); i++)
    {
      g_autoptr(CrmStage) passed = g_list_model_get_item (move->stages, i);
      int position = (int)crm_stage_get_position (passed);

      if (position > target)
        break;
      if (position > after && crm_stage_get_kind (passed) != CRM_STAGE_LOST)
        add_required_of (move, passed, keys);
    }

  return g_steal_pointer (&keys);
}

static gboolean
json_array_has_string (JsonObject *object,
                       const char *member,
                       const char *value)
{
  JsonArray *array = array_of (object, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;

  return FALSE;
}

/**
 * crm_stage_verdict_wants_attempts:
 * @move: where the deal goes
 * @loss_reason: (nullable): the reason the move brings or the deal has
 *
 * Whether AXL-10's checks apply, so the store reads the deal's attempts
 * and last conversation only for a closing that needs them.
 *
 * Returns: %TRUE for a closing for no answer
 */
gboolean
crm_stage_verdict_wants_attempts (const CrmStageMove *move,
                                  const char         *loss_reason)
{
  return crm_stage_get_kind (move->stage) == CRM_STAGE_LOST &&
         (move->flags & CRM_MOVE_FROM_LADDER) == 0 &&
         move->procedure != NULL &&
         json_array_has_string (crm_procedure_get_refusal (move->procedure), "attempt_reasons", loss_reason);
}

/* AXL-10: no "no answer" closing before enough attempts, nor before
 * enough silence since the last conversation. HS-10, RAD-12: no closing
 * without a reason. */
static GError *
check_closing (const CrmStageMove    *move,
               const CrmDealSnapshot *deal,
               const char            *loss_reason,
               GDateTime             *now)
{
  JsonObject *refusal;
  GTimeSpan min_silence = 0;
  guint min_attempts;

  if (crm_stage_get_kind (move->stage) != CRM_STAGE_LOST)
    return NULL;

  if (crm_str_is_blank (loss_reason))
    return g_error_new_literal (CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS,
                                _("Closing a deal as lost needs a reason."));

  if (!crm_stage_verdict_wants_attempts (move, loss_reason))
    return NULL;

  refusal = crm_procedure_get_refusal (move->procedure);
  min_attempts = (guint)json_object_get_int_member_with_default (refusal, "min_attempts", 0);
  if (deal->attempts < min_attempts)
    return g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "A deal is closed for no answer only after %u contact attempt; this one has %u.",
                                     "A deal is closed for no answer only after %u contact attempts; this one has %u.",
                                     min_attempts),
                        min_attempts, deal->attempts);

  crm_procedure_parse_duration (json_object_get_string_member_with_default (refusal, "min_silence", "PT0S"),
                                &min_silence);
  if (deal->last_contact != NULL && g_date_time_difference (now, deal->last_contact) < min_silence)
    {
      g_autoptr(GDateTime) allowed = g_date_time_add (deal->last_contact, min_silence);
      g_autoptr(GDateTime) local = g_date_time_to_local (allowed);
      g_autofree char *date = g_date_time_format (local, "%x");

      return g_error_new (CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL,
                          _("Too soon to close for no answer: the last conversation was recent. It can be closed from %s."),
                          date);
    }

  return NULL;
}

static const char *
localized (JsonObject *object,
           const char *member)
{
  JsonObject *text = json_object_get_object_member (object, member);
  CrmText pick = {
    (char *)json_object_get_string_member_with_default (text, "en", NULL),
    (char *)json_object_get_string_member_with_default (text, "he", NULL),
    (char *)json_object_get_string_member_with_default (text, "ru", NULL),
  };

  return crm_text_get (&pick);
}

static void
verdict_task_free (gpointer data)
{
  CrmVerdictTask *task = data;

  g_free (task->title);
  g_clear_pointer (&task->due, g_date_time_unref);
  g_free (task->rule);
  g_free (task);
}

static void
verdict_email_free (gpointer data)
{
  CrmVerdictEmail *email = data;

  g_free (email->template_key);
  g_free (email->recipient);
  g_free (email->rule);
  g_free (email);
}

/* The stage's own tasks with their due offsets (AXL-9: 30 minutes, 4
 * hours, 1 day), its emails (AXL-9's welcome for web-form leads only,
 * AXL-10's request closed), and where it passes the deal on (AXL-8). */
static void
add_entry (CrmStageVerdict *self,
           JsonObject      *rules,
           const char      *source,
           GDateTime       *now)
{
  JsonArray *tasks = array_of (rules, "tasks");
  JsonArray *emails = array_of (rules, "emails");

  for (guint i = 0; tasks != NULL && i < json_array_get_length (tasks); i++)
    {
      JsonObject *rule = json_array_get_object_element (tasks, i);
      const char *assignee = json_object_get_string_member_with_default (rule, "assignee", "owner");
      CrmVerdictTask *task = g_new0 (CrmVerdictTask, 1);
      GTimeSpan offset = 0;

      crm_procedure_parse_duration (json_object_get_string_member (rule, "due"), &offset);
      task->title = g_strdup (localized (rule, "title"));
      task->due = g_date_time_add (now, offset);
      task->assignee = g_str_equal (assignee, "manager") ? CRM_VERDICT_ASSIGN_MANAGER : CRM_VERDICT_ASSIGN_OWNER;
      task->rule = g_strdup (json_object_get_string_member_with_default (rule, "rule", NULL));
      g_ptr_array_add (self->tasks, task);
    }

  for (guint i = 0; emails != NULL && i < json_array_get_length (emails); i++)
    {
      JsonObject *rule = json_array_get_object_element (emails, i);
      const char *only_source = json_object_get_string_member_with_default (rule, "source", NULL);
      CrmVerdictEmail *email;

      if (only_source != NULL && g_strcmp0 (only_source, source) != 0)
        continue;

      email = g_new0 (CrmVerdictEmail, 1);
      email->template_key = g_strdup (json_object_get_string_member (rule, "template"));
      email->recipient = g_strdup (json_object_get_string_member_with_default (rule, "to", "contact"));
      email->rule = g_strdup (json_object_get_string_member_with_default (rule, "rule", NULL));
      g_ptr_array_add (self->emails, email);
    }

  if (rules != NULL && json_object_has_member (rules, "move_to"))
    {
      JsonObject *move_to = json_object_get_object_member (rules, "move_to");

      self->hop_pipeline = g_strdup (json_object_get_string_member_with_default (move_to, "pipeline", NULL));
      self->hop_stage = g_strdup (json_object_get_string_member_with_default (move_to, "stage", NULL));
    }
}

/* HS-4: a won deal makes its contact a customer, a lost one "other"; a
 * deal opened for a lead makes the lead an opportunity. */
static void
set_lifecycle (CrmStageVerdict *self,
               CrmStage        *stage,
               gboolean         opened)
{
  self->closes = crm_stage_is_final (stage);
  self->lifecycle_of_lead_only = FALSE;

  if (crm_stage_get_kind (stage) == CRM_STAGE_WON)
    self->lifecycle = "customer";
  else if (crm_stage_get_kind (stage) == CRM_STAGE_LOST)
    self->lifecycle = "other";
  else if (opened)
    {
      self->lifecycle = "opportunity";
      self->lifecycle_of_lead_only = TRUE;
    }
  else
    self->lifecycle = NULL;
}

static CrmStageVerdict *
verdict_alloc (void)
{
  CrmStageVerdict *self = g_new0 (CrmStageVerdict, 1);

  self->tasks = g_ptr_array_new_with_free_func (verdict_task_free);
  self->emails = g_ptr_array_new_with_free_func (verdict_email_free);

  return self;
}

/**
 * crm_stage_verdict_new_entry:
 * @procedure: (nullable): the store's procedure
 * @pipeline_key: the key of @stage's pipeline
 * @stage: a stage the deal enters without a check, after a move on
 * @opened: whether the deal was just created
 * @source: (nullable): the deal's source
 * @now: the store's time
 *
 * What entering @stage does, with nothing to check: AXL-8's Production
 * applies its own tasks on the way in, as the move's target does.
 *
 * Returns: (transfer full): the verdict
 */
CrmStageVerdict *
crm_stage_verdict_new_entry (CrmProcedure *procedure,
                             const char   *pipeline_key,
                             CrmStage     *stage,
                             gboolean      opened,
                             const char   *source,
                             GDateTime    *now)
{
  CrmStageVerdict *self = verdict_alloc ();

  self->missing = g_new0 (char *, 1);
  add_entry (self, rules_of (procedure, pipeline_key, stage), source, now);
  set_lifecycle (self, stage, opened);

  return self;
}

/**
 * crm_stage_verdict_new:
 * @move: where the deal goes
 * @deal: the deal as the store read it
 * @values: (nullable) (element-type utf8 utf8): the values the move
 *   brings, normalised
 * @now: the store's time
 *
 * The stage rules' decision on @move. A refused verdict
 * (crm_stage_verdict_is_refused()) lists what is missing or why the
 * closing is refused, and nothing to do; any other lists what the move
 * does.
 *
 * Returns: (transfer full): the verdict
 */
CrmStageVerdict *
crm_stage_verdict_new (const CrmStageMove    *move,
                       const CrmDealSnapshot *deal,
                       GHashTable            *values,
                       GDateTime             *now)
{
  g_autoptr(GPtrArray) required = crm_stage_verdict_required_keys (move);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  CrmStageVerdict *self = verdict_alloc ();
  const char *reason = values != NULL ? g_hash_table_lookup (values, "loss_reason") : NULL;

  for (guint i = 0; i < required->len; i++)
    {
      const char *key = g_ptr_array_index (required, i);

      if (values != NULL && !crm_str_is_blank (g_hash_table_lookup (values, key)))
        continue;
      if (deal->has == NULL || !g_hash_table_contains (deal->has, key))
        g_strv_builder_add (missing, key);
    }
  self->missing = g_strv_builder_end (missing);
  if (self->missing[0] != NULL)
    return self;

  self->refusal = check_closing (move, deal, reason != NULL ? reason : deal->loss_reason, now);
  if (self->refusal != NULL)
    return self;

  add_entry (self, rules_of (move->procedure, move->pipeline_key, move->stage), deal->source, now);
  set_lifecycle (self, move->stage, move->opened);

  return self;
}

/**
 * crm_stage_verdict_is_refused:
 * @self: a verdict
 *
 * Returns: whether the move may not happen
 */
gboolean
crm_stage_verdict_is_refused (const CrmStageVerdict *self)
{
  return self->missing[0] != NULL || self->refusal != NULL;
}

void
crm_stage_verdict_free (CrmStageVerdict *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->missing);
  g_clear_error (&self->refusal);
  g_ptr_array_unref (self->tasks);
  g_ptr_array_unref (self->emails);
  g_free (self->hop_pipeline);
  g_free (self->hop_stage);
  g_free (self);
}
