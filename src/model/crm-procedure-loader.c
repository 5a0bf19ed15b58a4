/* crm-procedure-loader.c
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

#define G_LOG_DOMAIN "crm-procedure-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-procedure-private.h"

/* Reads a template: the top level, the custom fields, the pipelines with
 * their stages and stage rules, the attempt ladder, the refusal and the
 * payment terms. The loader is strict: a template a manager edited by hand
 * must fail loudly, naming the file and the JSON path of the mistake,
 * rather than run a sales process that quietly differs from the written
 * one. */

#define FORMAT_VERSION 1

/* Keys a stage's "required" list may name besides the template's own
 * fields: the built-in columns of deals, contacts and companies. */
static const char * const builtin_field_keys[] = {
  "source",
  "amount",
  "loss_reason",
  "contact.name",
  "contact.phone",
  "contact.email",
  "contact.position",
  "company.name",
  NULL
};
static const char * const top_level_keys[] = {
  "format", "id", "name", "description", "country", "currency", "pipelines", "fields",
  "sources", "loss_reasons", "attempt_ladder", "refusal", "call_script", "payment_terms", "quote", NULL
};
static const char * const refusal_keys[] = {
  "min_attempts", "min_silence", "attempt_reasons", "must_close_after", "rule", NULL
};
static const char * const field_keys[] = {
  "key", "entity", "type", "name", "rule", "choices", "range", "holds", NULL
};
static const char * const pipeline_keys[] = { "key", "name", "stages", NULL };
static const char * const stage_keys[] = { "key", "name", "kind", "rules", NULL };
static const char * const rules_keys[] = { "required", "tasks", "emails", "move_to", NULL };
static const char * const task_keys[] = { "title", "due", "assignee", "rule", NULL };
static const char * const email_keys[] = { "template", "to", "source", "rule", NULL };
static const char * const move_to_keys[] = { "pipeline", "stage", NULL };
static const char * const step_keys[] = {
  "action", "delay", "note", "template", "loss_reason", "rule", NULL
};
static const char * const payment_term_keys[] = {
  "key", "name", "max_installments", "approval", "rule", NULL
};
static const char * const approvals[] = { "manager", NULL };
/* In the order of CrmStageKind and CrmFieldType: the index is the value. */
static const char * const stage_kinds[] = { "open", "won", "lost", NULL };
static const char * const field_types[] = { "text", "number", "choice", "boolean", "date", NULL };
static const char * const entities[] = { "deal", "contact", NULL };
static const char * const assignees[] = { "owner", "manager", NULL };
static const char * const recipients[] = { "contact", "manager", NULL };
static const char * const step_actions[] = { "call", "call_hidden", "email", "close", NULL };

static gboolean
parse_field (const Loader       *loader,
             JsonObject         *object,
             const char         *path,
             CrmProcedureField  *field,
             GError            **error)
{
  JsonArray *choices;
  const char *key;
  const char *rule;
  int entity;
  int type;

  if (!_crm_loader_check_members (loader, object, field_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_lookup_enum (loader, object, path, "entity", TRUE, entities, &entity, error) ||
      !_crm_loader_lookup_enum (loader, object, path, "type", TRUE, field_types, &type, error) ||
      !_crm_loader_parse_text (loader, object, path, "name", TRUE, &field->name, error) ||
      !_crm_loader_lookup_rule_id (loader, object, path, &rule, error) ||
      !_crm_loader_lookup_array (loader, object, path, "choices", type == CRM_FIELD_CHOICE, &choices, error))
    return FALSE;

  /* A custom field must not shadow a built-in column. */
  if (g_strv_contains (builtin_field_keys, key))
    {
      g_autofree char *where = _crm_loader_member_path (path, "key");

      return _crm_loader_invalid (loader, error, _("“%s” in %s is a built-in field and cannot be redefined"),
                                  key, where);
    }

  field->key = g_strdup (key);
  field->entity = g_strdup (entities[entity]);
  field->type = (CrmFieldType) type;
  field->rule = g_strdup (rule);
  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_choice_free);

  /* Its range (RAD-11) and whether it holds a payment term (TW-6). */
  if (!_crm_loader_parse_field_values (loader, object, path, field, error))
    return FALSE;

  if (choices != NULL)
    {
      g_autofree char *where = _crm_loader_member_path (path, "choices");

      if (type != CRM_FIELD_CHOICE)
        return _crm_loader_invalid (loader, error, _("“%s” is only allowed in fields of type “choice”"), where);

      if (json_array_get_length (choices) == 0)
        return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), where);

      if (!_crm_loader_parse_choices (loader, choices, where, field->choices, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_fields (const Loader *loader,
              JsonArray    *array,
              GPtrArray    *out_fields,
              GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_fields = json_array_get_length (array);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *element = _crm_loader_element_path ("fields", i);
      g_autoptr(CrmProcedureField) field = g_new0 (CrmProcedureField, 1);
      JsonObject *object;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !parse_field (loader, object, element, field, error) ||
          !_crm_loader_check_unique (loader, seen, field->key, element, error))
        return FALSE;

      g_ptr_array_add (out_fields, g_steal_pointer (&field));
    }

  return TRUE;
}

static gboolean
parse_stage (const Loader       *loader,
             JsonObject         *object,
             const char         *path,
             CrmProcedureStage  *stage,
             GError            **error)
{
  JsonObject *rules;
  const char *key;
  int kind;

  if (!_crm_loader_check_members (loader, object, stage_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_parse_text (loader, object, path, "name", TRUE, &stage->name, error) ||
      !_crm_loader_lookup_enum (loader, object, path, "kind", TRUE, stage_kinds, &kind, error) ||
      !_crm_loader_lookup_object (loader, object, path, "rules", FALSE, &rules, error))
    return FALSE;

  stage->key = g_strdup (key);
  stage->kind = (CrmStageKind) kind;

  /* Validated in a second pass, once every field and pipeline is known. */
  if (rules != NULL)
    stage->rules = json_object_ref (rules);

  return TRUE;
}

static gboolean
parse_pipeline (const Loader          *loader,
                JsonObject            *object,
                const char            *path,
                CrmProcedurePipeline  *pipeline,
                GError               **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *stages_path = _crm_loader_member_path (path, "stages");
  JsonArray *stages;
  const char *key;
  guint n_stages;

  if (!_crm_loader_check_members (loader, object, pipeline_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_parse_text (loader, object, path, "name", TRUE, &pipeline->name, error) ||
      !_crm_loader_lookup_array (loader, object, path, "stages", TRUE, &stages, error))
    return FALSE;

  pipeline->key = g_strdup (key);
  pipeline->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_stage_free);

  n_stages = json_array_get_length (stages);
  if (n_stages == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), stages_path);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *element = _crm_loader_element_path (stages_path, i);
      g_autoptr(CrmProcedureStage) stage = g_new0 (CrmProcedureStage, 1);
      JsonObject *stage_object;

      if (!_crm_loader_get_element_object (loader, stages, i, element, &stage_object, error) ||
          !parse_stage (loader, stage_object, element, stage, error) ||
          !_crm_loader_check_unique (loader, seen, stage->key, element, error))
        return FALSE;

      /* New deals enter the first stage; it cannot be a final one. */
      if (i == 0 && stage->kind != CRM_STAGE_OPEN)
        {
          g_autofree char *where = _crm_loader_member_path (element, "kind");

          return _crm_loader_invalid (loader, error, _("the first stage of a pipeline must be open (%s)"),
                                      where);
        }

      g_ptr_array_add (pipeline->stages, g_steal_pointer (&stage));
    }

  return TRUE;
}

static gboolean
parse_pipelines (const Loader *loader,
                 JsonArray    *array,
                 GPtrArray    *out_pipelines,
                 GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pipelines = json_array_get_length (array);

  if (n_pipelines == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), "pipelines");

  for (guint i = 0; i < n_pipelines; i++)
    {
      g_autofree char *element = _crm_loader_element_path ("pipelines", i);
      g_autoptr(CrmProcedurePipeline) pipeline = g_new0 (CrmProcedurePipeline, 1);
      JsonObject *object;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !parse_pipeline (loader, object, element, pipeline, error) ||
          !_crm_loader_check_unique (loader, seen, pipeline->key, element, error))
        return FALSE;

      g_ptr_array_add (out_pipelines, g_steal_pointer (&pipeline));
    }

  return TRUE;
}

gboolean
_crm_loader_has_choice (GPtrArray  *choices,
                        const char *key)
{
  for (guint i = 0; i < choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (choices, i);

      if (g_str_equal (choice->key, key))
        return TRUE;
    }

  return FALSE;
}

/* Stage rules: "required", "tasks", "emails", "move_to" (AXL-9 is the
 * richest example: required fields, a task with a deadline, a welcome email
 * and, on Launched, the move to the production pipeline). */
static gboolean
validate_required (const Loader *loader,
                   JsonArray    *required,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_required = json_array_get_length (required);

  for (guint i = 0; i < n_required; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      JsonNode *node = json_array_get_element (required, i);
      const char *key;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _crm_loader_invalid (loader, error, _("“%s” must be a string"), element);

      key = json_node_get_string (node);

      if (!g_strv_contains (builtin_field_keys, key) &&
          crm_procedure_find_field (loader->procedure, key) == NULL)
        return _crm_loader_invalid (loader, error, _("required field “%s” in %s is not defined"),
                                    key, element);

      if (!g_hash_table_add (seen, (gpointer) key))
        return _crm_loader_invalid (loader, error, _("duplicate key “%s” in %s"), key, element);
    }

  return TRUE;
}

static gboolean
validate_tasks (const Loader *loader,
                JsonArray    *tasks,
                const char   *path,
                GError      **error)
{
  guint n_tasks = json_array_get_length (tasks);

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      JsonObject *task;
      const char *rule;
      int assignee;

      if (!_crm_loader_get_element_object (loader, tasks, i, element, &task, error) ||
          !_crm_loader_check_members (loader, task, task_keys, element, error) ||
          !_crm_loader_parse_text (loader, task, element, "title", TRUE, NULL, error) ||
          !_crm_loader_lookup_duration (loader, task, element, "due", TRUE, error) ||
          !_crm_loader_lookup_enum (loader, task, element, "assignee", FALSE, assignees, &assignee, error) ||
          !_crm_loader_lookup_rule_id (loader, task, element, &rule, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_emails (const Loader *loader,
                 JsonArray    *emails,
                 const char   *path,
                 GError      **error)
{
  guint n_emails = json_array_get_length (emails);

  for (guint i = 0; i < n_emails; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      JsonObject *email;
      const char *template_key;
      const char *source;
      const char *rule;
      int to;

      if (!_crm_loader_get_element_object (loader, emails, i, element, &email, error) ||
          !_crm_loader_check_members (loader, email, email_keys, element, error) ||
          !_crm_loader_lookup_key (loader, email, element, "template", TRUE, &template_key, error) ||
          !_crm_loader_lookup_enum (loader, email, element, "to", FALSE, recipients, &to, error) ||
          !_crm_loader_lookup_key (loader, email, element, "source", FALSE, &source, error) ||
          !_crm_loader_lookup_rule_id (loader, email, element, &rule, error))
        return FALSE;

      if (source != NULL && !_crm_loader_has_choice (loader->procedure->sources, source))
        {
          g_autofree char *where = _crm_loader_member_path (element, "source");

          return _crm_loader_invalid (loader, error, _("source “%s” in %s is not defined"), source, where);
        }
    }

  return TRUE;
}

static gboolean
validate_move_to (const Loader *loader,
                  JsonObject   *move_to,
                  const char   *path,
                  GError      **error)
{
  const char *pipeline_key;
  const char *stage_key;

  if (!_crm_loader_check_members (loader, move_to, move_to_keys, path, error) ||
      !_crm_loader_lookup_key (loader, move_to, path, "pipeline", TRUE, &pipeline_key, error) ||
      !_crm_loader_lookup_key (loader, move_to, path, "stage", TRUE, &stage_key, error))
    return FALSE;

  if (crm_procedure_find_pipeline (loader->procedure, pipeline_key) == NULL)
    {
      g_autofree char *where = _crm_loader_member_path (path, "pipeline");

      return _crm_loader_invalid (loader, error, _("pipeline “%s” in %s is not defined"), pipeline_key, where);
    }

  if (crm_procedure_find_stage (loader->procedure, pipeline_key, stage_key) == NULL)
    {
      g_autofree char *where = _crm_loader_member_path (path, "stage");

      return _crm_loader_invalid (loader, error, _("stage “%s” in %s is not defined"), stage_key, where);
    }

  return TRUE;
}

static gboolean
validate_rules (const Loader *loader,
                JsonObject   *rules,
                const char   *path,
                GError      **error)
{
  g_autofree char *required_path = _crm_loader_member_path (path, "required");
  g_autofree char *tasks_path = _crm_loader_member_path (path, "tasks");
  g_autofree char *emails_path = _crm_loader_member_path (path, "emails");
  g_autofree char *move_to_path = _crm_loader_member_path (path, "move_to");
  JsonArray *required;
  JsonArray *tasks;
  JsonArray *emails;
  JsonObject *move_to;

  if (!_crm_loader_check_members (loader, rules, rules_keys, path, error) ||
      !_crm_loader_lookup_array (loader, rules, path, "required", FALSE, &required, error) ||
      !_crm_loader_lookup_array (loader, rules, path, "tasks", FALSE, &tasks, error) ||
      !_crm_loader_lookup_array (loader, rules, path, "emails", FALSE, &emails, error) ||
      !_crm_loader_lookup_object (loader, rules, path, "move_to", FALSE, &move_to, error))
    return FALSE;

  if (required != NULL && !validate_required (loader, required, required_path, error))
    return FALSE;

  if (tasks != NULL && !validate_tasks (loader, tasks, tasks_path, error))
    return FALSE;

  if (emails != NULL && !validate_emails (loader, emails, emails_path, error))
    return FALSE;

  if (move_to != NULL && !validate_move_to (loader, move_to, move_to_path, error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_all_rules (const Loader *loader,
                    GError      **error)
{
  GPtrArray *pipelines = loader->procedure->pipelines;

  for (guint i = 0; i < pipelines->len; i++)
    {
      const CrmProcedurePipeline *pipeline = g_ptr_array_index (pipelines, i);

      for (guint j = 0; j < pipeline->stages->len; j++)
        {
          const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, j);
          g_autofree char *path = NULL;

          if (stage->rules == NULL)
            continue;

          path = g_strdup_printf ("pipelines[%u].stages[%u].rules", i, j);

          if (!validate_rules (loader, stage->rules, path, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The attempt ladder for leads that do not answer (AXL-1, TW-1): call,
 * call from a hidden number, email, and finally close as lost. */
static gboolean
validate_attempt_ladder (const Loader *loader,
                         JsonArray    *ladder,
                         GError      **error)
{
  guint n_steps = json_array_get_length (ladder);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *element = _crm_loader_element_path ("attempt_ladder", i);
      JsonObject *step;
      const char *template_key;
      const char *loss_reason;
      const char *rule;
      gboolean is_email;
      gboolean is_close;
      int action;

      if (!_crm_loader_get_element_object (loader, ladder, i, element, &step, error) ||
          !_crm_loader_check_members (loader, step, step_keys, element, error) ||
          !_crm_loader_lookup_enum (loader, step, element, "action", TRUE, step_actions, &action, error))
        return FALSE;

      is_email = g_str_equal (step_actions[action], "email");
      is_close = g_str_equal (step_actions[action], "close");

      if (!_crm_loader_lookup_duration (loader, step, element, "delay", FALSE, error) ||
          !_crm_loader_parse_text (loader, step, element, "note", FALSE, NULL, error) ||
          !_crm_loader_lookup_key (loader, step, element, "template", is_email, &template_key, error) ||
          !_crm_loader_lookup_key (loader, step, element, "loss_reason", is_close, &loss_reason, error) ||
          !_crm_loader_lookup_rule_id (loader, step, element, &rule, error))
        return FALSE;

      if (template_key != NULL && !is_email)
        return _crm_loader_invalid (loader, error, _("“template” in %s is only allowed with action “email”"),
                                    element);

      if (loss_reason != NULL && !is_close)
        return _crm_loader_invalid (loader, error, _("“loss_reason” in %s is only allowed with action “close”"),
                                    element);

      if (loss_reason != NULL && !_crm_loader_has_choice (loader->procedure->loss_reasons, loss_reason))
        {
          g_autofree char *where = _crm_loader_member_path (element, "loss_reason");

          return _crm_loader_invalid (loader, error, _("loss reason “%s” in %s is not defined"),
                                      loss_reason, where);
        }

      /* Closing the deal ends the ladder (AXL-1: "could not reach"). */
      if (is_close && i + 1 < n_steps)
        return _crm_loader_invalid (loader, error, _("the “close” step in %s must be the last one"), element);
    }

  return TRUE;
}

/* The refusal rules (AXL-10): closing for lack of an answer needs enough
 * attempts and enough silence since the last contact, and a deal silent
 * for long enough must be closed. */
static gboolean
validate_refusal (const Loader *loader,
                  JsonObject   *refusal,
                  GError      **error)
{
  const char *rule;

  if (!_crm_loader_check_members (loader, refusal, refusal_keys, "refusal", error) ||
      !_crm_loader_lookup_duration (loader, refusal, "refusal", "min_silence", FALSE, error) ||
      !_crm_loader_lookup_duration (loader, refusal, "refusal", "must_close_after", FALSE, error) ||
      !_crm_loader_lookup_rule_id (loader, refusal, "refusal", &rule, error))
    return FALSE;

  if (json_object_has_member (refusal, "min_attempts"))
    {
      JsonNode *node = json_object_get_member (refusal, "min_attempts");

      if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
        return _crm_loader_invalid (loader, error, _("“min_attempts” in refusal must be a whole number"));
    }

  if (json_object_has_member (refusal, "attempt_reasons"))
    {
      JsonNode *node = json_object_get_member (refusal, "attempt_reasons");
      JsonArray *reasons;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return _crm_loader_invalid (loader, error, _("“attempt_reasons” in refusal must be a list of loss reasons"));

      reasons = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (reasons); i++)
        {
          const char *key = json_array_get_string_element (reasons, i);

          if (key == NULL || !_crm_loader_has_choice (loader->procedure->loss_reasons, key))
            return _crm_loader_invalid (loader, error, _("loss reason “%s” in refusal.attempt_reasons[%u] is not defined"),
                                        key ? key : "", i);
        }
    }

  return TRUE;
}

/* The payment terms in the order of preference (TW-6). The first is what
 * the rep offers as *the* terms, so it cannot be one that needs the sales
 * manager's approval. */
static gboolean
parse_payment_terms (const Loader *loader,
                     JsonArray    *array,
                     GPtrArray    *out_terms,
                     GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_terms = json_array_get_length (array);

  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *element = _crm_loader_element_path ("payment_terms", i);
      g_autoptr(CrmPaymentTerm) term = g_new0 (CrmPaymentTerm, 1);
      JsonObject *object;
      const char *key;
      const char *rule;
      int approval;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_check_members (loader, object, payment_term_keys, element, error) ||
          !_crm_loader_lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !_crm_loader_check_unique (loader, seen, key, element, error) ||
          !_crm_loader_parse_text (loader, object, element, "name", TRUE, &term->name, error) ||
          !_crm_loader_lookup_positive (loader, object, element, "max_installments",
                                        &term->max_installments, error) ||
          !_crm_loader_lookup_enum (loader, object, element, "approval", FALSE, approvals, &approval, error) ||
          !_crm_loader_lookup_rule_id (loader, object, element, &rule, error))
        return FALSE;

      term->key = g_strdup (key);
      term->needs_approval = approval >= 0;
      term->rule = g_strdup (rule);

      if (i == 0 && term->needs_approval)
        {
          g_autofree char *where = _crm_loader_member_path (element, "approval");

          return _crm_loader_invalid (loader, error,
                                      _("the first payment term is the default and must not need approval (%s)"),
                                      where);
        }

      g_ptr_array_add (out_terms, g_steal_pointer (&term));
    }

  return TRUE;
}

static gboolean
parse_region_code (const Loader  *loader,
                   JsonObject    *root,
                   const char    *member,
                   guint          length,
                   char         **out_code,
                   GError       **error)
{
  const char *value;

  if (!_crm_loader_lookup_string (loader, root, "", member, TRUE, &value, error))
    return FALSE;

  for (guint i = 0; i <= length; i++)
    {
      if ((i < length && !g_ascii_isupper (value[i])) || (i == length && value[i] != '\0'))
        return _crm_loader_invalid (loader, error,
                                    _("“%s” in %s must be %u upper-case letters"),
                                    value, member, length);
    }

  *out_code = g_strdup (value);

  return TRUE;
}

void
_crm_loader_object_member_cb (JsonParser *parser,
                              JsonObject *object,
                              const char *member,
                              Loader     *loader)
{
  guint n_seen = GPOINTER_TO_UINT (g_hash_table_lookup (loader->n_members_seen, object)) + 1;

  g_hash_table_insert (loader->n_members_seen, object, GUINT_TO_POINTER (n_seen));

  /* The object did not grow: @member was already there. */
  if (n_seen > json_object_get_size (object) && loader->duplicate_object == NULL)
    {
      loader->duplicate_object = object;
      loader->duplicate_member = g_strdup (member);
    }
}

gboolean
_crm_procedure_parse (CrmProcedure  *self,
                      JsonObject    *root,
                      const Loader  *loader,
                      GError       **error)
{
  JsonArray *fields;
  JsonArray *sources;
  JsonArray *loss_reasons;
  JsonArray *pipelines;
  JsonArray *attempt_ladder;
  JsonObject *call_script;
  JsonObject *refusal;
  JsonArray *payment_terms;
  JsonObject *quote;
  JsonNode *format;
  const char *id;

  if (!_crm_loader_check_members (loader, root, top_level_keys, "", error))
    return FALSE;

  format = json_object_get_member (root, "format");
  if (format == NULL)
    return _crm_loader_invalid (loader, error, _("missing key “%s” in %s"), "format", _crm_loader_describe_path (""));

  if (!JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT_VERSION)
    return _crm_loader_invalid (loader, error,
                                _("unsupported “format” (this version of Deals reads format %d)"),
                                FORMAT_VERSION);

  if (!_crm_loader_lookup_key (loader, root, "", "id", TRUE, &id, error) ||
      !_crm_loader_parse_text (loader, root, "", "name", TRUE, &self->name, error) ||
      !_crm_loader_parse_text (loader, root, "", "description", TRUE, &self->description, error) ||
      !parse_region_code (loader, root, "country", 2, &self->country, error) ||
      !parse_region_code (loader, root, "currency", 3, &self->currency, error) ||
      !_crm_loader_lookup_array (loader, root, "", "fields", FALSE, &fields, error) ||
      !_crm_loader_lookup_array (loader, root, "", "sources", FALSE, &sources, error) ||
      !_crm_loader_lookup_array (loader, root, "", "loss_reasons", FALSE, &loss_reasons, error) ||
      !_crm_loader_lookup_array (loader, root, "", "pipelines", TRUE, &pipelines, error) ||
      !_crm_loader_lookup_array (loader, root, "", "attempt_ladder", FALSE, &attempt_ladder, error) ||
      !_crm_loader_lookup_object (loader, root, "", "refusal", FALSE, &refusal, error) ||
      !_crm_loader_lookup_object (loader, root, "", "call_script", FALSE, &call_script, error) ||
      !_crm_loader_lookup_array (loader, root, "", "payment_terms", FALSE, &payment_terms, error) ||
      !_crm_loader_lookup_object (loader, root, "", "quote", FALSE, &quote, error))
    return FALSE;

  self->id = g_strdup (id);

  if (fields != NULL && !parse_fields (loader, fields, self->fields, error))
    return FALSE;

  if (sources != NULL && !_crm_loader_parse_choices (loader, sources, "sources", self->sources, error))
    return FALSE;

  if (loss_reasons != NULL &&
      !_crm_loader_parse_choices (loader, loss_reasons, "loss_reasons", self->loss_reasons, error))
    return FALSE;

  if (!parse_pipelines (loader, pipelines, self->pipelines, error) ||
      !validate_all_rules (loader, error))
    return FALSE;

  if (attempt_ladder != NULL)
    {
      if (!validate_attempt_ladder (loader, attempt_ladder, error))
        return FALSE;

      self->attempt_ladder = json_array_ref (attempt_ladder);
    }

  if (refusal != NULL)
    {
      if (!validate_refusal (loader, refusal, error))
        return FALSE;

      self->refusal = json_object_ref (refusal);
    }

  /* Before the call script: its "payment_terms" guard needs them (TW-6). */
  if (payment_terms != NULL &&
      !parse_payment_terms (loader, payment_terms, self->payment_terms, error))
    return FALSE;

  /* The fields holding the payment term and its instalments (TW-6). */
  if (!_crm_loader_check_payment_fields (loader, error))
    return FALSE;

  /* A template without one (edited before quotes existed) still quotes. */
  if (!_crm_loader_parse_quote (loader, quote, error))
    return FALSE;

  if (call_script != NULL)
    {
      if (!_crm_loader_parse_call_script (loader, call_script, error))
        return FALSE;

      self->call_script = json_object_ref (call_script);
    }

  /* Every object is walked by now, and _crm_loader_check_members() reports a
   * repetition where it is; this is the net for one that was not. */
  if (loader->duplicate_object != NULL)
    return _crm_loader_invalid (loader, error, _("duplicate key “%s”"), loader->duplicate_member);

  return TRUE;
}
