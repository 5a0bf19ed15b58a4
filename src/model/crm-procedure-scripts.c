/* crm-procedure-scripts.c
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

#define G_LOG_DOMAIN "crm-procedure-scripts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-procedure-private.h"
#include "crm-model-resources.h"

/* The call scripts of a template (TW-2, TW-3, TW-4, AXL-7): how they are
 * read, what the call panel asks of them, and the templates rebuilt with a
 * manager's edited or the shipped scripts. */

static const char * const call_script_keys[] = {
  "situation_check", "situation_rule", "summary", "scripts", NULL
};
static const char * const summary_keys[] = { "subject", "body", "rule", NULL };
static const char * const script_keys[] = {
  "key", "name", "rule", "sources", "opening", "stages", NULL
};
static const char * const script_stage_keys[] = {
  "key", "name", "goal", "prompts", "checklist", "questions", "objections", "guards", "rule", NULL
};
static const char * const item_keys[] = { "key", "text", NULL };
static const char * const question_keys[] = { "key", "text", "field", "mandatory", "rule", NULL };
static const char * const objection_keys[] = { "key", "objection", "answer", NULL };
/* Keys a call-script question may fill besides the template's own fields:
 * what a rep can learn on the phone, so not the loss reason. */
static const char * const question_builtin_keys[] = {
  "contact.name",
  "contact.position",
  "contact.email",
  "contact.phone",
  "company.name",
  "amount",
  "source",
  NULL
};
/* What the call panel fills in: the opening line is said to the customer
 * (AXL-7), the summary is mailed to the sales manager (TW-4). */
static const char * const opening_placeholders[] = { "rep", "company", "contact", "source", NULL };
static const char * const summary_placeholders[] = {
  "deal", "rep", "contact", "phone", "email", "company", "outcome", "duration", "stages",
  "answers", "note", "next_contact", NULL
};
/* In the order of the CrmScriptGuards bits: bit 1 << index. */
static const char * const script_guards[] = { "price_rule", "payment_terms", NULL };

/* TW-4: the summary of a call that reached the customer, mailed to the
 * sales manager. */
static gboolean
parse_call_summary (const Loader *loader,
                    JsonObject   *summary,
                    GError      **error)
{
  CrmProcedure *self = loader->procedure;
  const char *path = "call_script.summary";
  const char *rule;

  if (!_crm_loader_check_members (loader, summary, summary_keys, path, error) ||
      !_crm_loader_parse_text (loader, summary, path, "subject", TRUE, &self->summary_subject, error) ||
      !_crm_loader_parse_text (loader, summary, path, "body", TRUE, &self->summary_body, error) ||
      !_crm_loader_lookup_rule_id (loader, summary, path, &rule, error) ||
      !_crm_loader_check_placeholders (loader, &self->summary_subject, "call_script.summary.subject",
                                       summary_placeholders, error) ||
      !_crm_loader_check_placeholders (loader, &self->summary_body, "call_script.summary.body",
                                       summary_placeholders, error))
    return FALSE;

  return TRUE;
}

/* The deal sources a script is picked for; each is one of the template's
 * sources. An empty list would be the same as none and is refused, so
 * that "the first script without sources" means one thing. */
static gboolean
parse_script_sources (const Loader  *loader,
                      JsonArray     *array,
                      const char    *path,
                      GStrv         *out_sources,
                      GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_sources = json_array_get_length (array);

  if (n_sources == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), path);

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      JsonNode *node = json_array_get_element (array, i);
      const char *key;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _crm_loader_invalid (loader, error, _("“%s” must be a string"), element);

      key = json_node_get_string (node);

      if (!_crm_loader_has_choice (loader->procedure->sources, key))
        return _crm_loader_invalid (loader, error, _("source “%s” in %s is not defined"), key, element);

      if (!g_hash_table_add (seen, (gpointer) key))
        return _crm_loader_invalid (loader, error, _("duplicate key “%s” in %s"), key, element);

      g_strv_builder_add (builder, key);
    }

  *out_sources = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
parse_script_prompts (const Loader *loader,
                      JsonArray    *array,
                      const char   *path,
                      GPtrArray    *out_prompts,
                      GError      **error)
{
  guint n_prompts = json_array_get_length (array);

  for (guint i = 0; i < n_prompts; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      g_autoptr(CrmText) prompt = g_new0 (CrmText, 1);
      JsonObject *object;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_parse_text_object (loader, object, element, prompt, error))
        return FALSE;

      g_ptr_array_add (out_prompts, g_steal_pointer (&prompt));
    }

  return TRUE;
}

static gboolean
parse_script_checklist (const Loader *loader,
                        JsonArray    *array,
                        const char   *path,
                        GPtrArray    *out_items,
                        GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = json_array_get_length (array);

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      g_autoptr(CrmScriptItem) item = g_new0 (CrmScriptItem, 1);
      JsonObject *object;
      const char *key;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_check_members (loader, object, item_keys, element, error) ||
          !_crm_loader_lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !_crm_loader_check_unique (loader, seen, key, element, error) ||
          !_crm_loader_parse_text (loader, object, element, "text", TRUE, &item->text, error))
        return FALSE;

      item->key = g_strdup (key);
      g_ptr_array_add (out_items, g_steal_pointer (&item));
    }

  return TRUE;
}

/* A question's answer may be saved into a field as it is given (TW-3:
 * the agreements module), so the field must be one the deal card has. */
static gboolean
parse_script_question (const Loader       *loader,
                       JsonObject         *object,
                       const char         *path,
                       GHashTable         *seen,
                       CrmScriptQuestion  *question,
                       GError            **error)
{
  const char *key;
  const char *field;
  const char *rule;

  if (!_crm_loader_check_members (loader, object, question_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_check_unique (loader, seen, key, path, error) ||
      !_crm_loader_parse_text (loader, object, path, "text", TRUE, &question->text, error) ||
      !_crm_loader_lookup_string (loader, object, path, "field", FALSE, &field, error) ||
      !_crm_loader_lookup_boolean (loader, object, path, "mandatory", &question->mandatory, error) ||
      !_crm_loader_lookup_rule_id (loader, object, path, &rule, error))
    return FALSE;

  if (field != NULL &&
      !g_strv_contains (question_builtin_keys, field) &&
      crm_procedure_find_field (loader->procedure, field) == NULL)
    return _crm_loader_invalid (loader, error, _("question “%s” in %s names the unknown field “%s”"),
                                key, path, field);

  question->key = g_strdup (key);
  question->field = g_strdup (field);
  question->rule = g_strdup (rule);

  return TRUE;
}

static gboolean
parse_script_objections (const Loader *loader,
                         JsonArray    *array,
                         const char   *path,
                         GPtrArray    *out_objections,
                         GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_objections = json_array_get_length (array);

  for (guint i = 0; i < n_objections; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      g_autoptr(CrmScriptObjection) objection = g_new0 (CrmScriptObjection, 1);
      JsonObject *object;
      const char *key;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_check_members (loader, object, objection_keys, element, error) ||
          !_crm_loader_lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !_crm_loader_check_unique (loader, seen, key, element, error) ||
          !_crm_loader_parse_text (loader, object, element, "objection", TRUE, &objection->objection, error) ||
          !_crm_loader_parse_text (loader, object, element, "answer", TRUE, &objection->answer, error))
        return FALSE;

      objection->key = g_strdup (key);
      g_ptr_array_add (out_objections, g_steal_pointer (&objection));
    }

  return TRUE;
}

/* What the panel reminds the rep of during a stage: CON-4 (no price on a
 * first call unless the customer demands it) and TW-6 (the payment terms
 * in order, which the template must then have). */
static gboolean
parse_script_guards (const Loader     *loader,
                     JsonArray        *array,
                     const char       *path,
                     CrmScriptGuards  *out_guards,
                     GError          **error)
{
  guint n_guards = json_array_get_length (array);

  *out_guards = CRM_SCRIPT_GUARD_NONE;

  for (guint i = 0; i < n_guards; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      JsonNode *node = json_array_get_element (array, i);
      CrmScriptGuards guard = CRM_SCRIPT_GUARD_NONE;
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _crm_loader_invalid (loader, error, _("“%s” must be a string"), element);

      name = json_node_get_string (node);

      for (guint j = 0; script_guards[j] != NULL; j++)
        {
          if (g_str_equal (name, script_guards[j]))
            guard = (CrmScriptGuards) (1 << j);
        }

      if (guard == CRM_SCRIPT_GUARD_NONE)
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) script_guards);

          return _crm_loader_invalid (loader, error, _("unknown value “%s” in %s (expected one of: %s)"),
                                      name, element, expected);
        }

      if ((*out_guards & guard) != 0)
        return _crm_loader_invalid (loader, error, _("duplicate guard “%s” in %s"), name, element);

      if (guard == CRM_SCRIPT_GUARD_PAYMENT_TERMS && loader->procedure->payment_terms->len == 0)
        return _crm_loader_invalid (loader, error,
                                    _("the “%s” guard in %s needs a non-empty “payment_terms” list in the template"),
                                    name, element);

      *out_guards |= guard;
    }

  return TRUE;
}

/* A stage of the call (TW-3: rapport, discovery, presentation, closing). */
static gboolean
parse_script_stage (const Loader    *loader,
                    JsonObject      *object,
                    const char      *path,
                    GHashTable      *questions_seen,
                    CrmScriptStage  *stage,
                    GError         **error)
{
  g_autofree char *prompts_path = _crm_loader_member_path (path, "prompts");
  g_autofree char *checklist_path = _crm_loader_member_path (path, "checklist");
  g_autofree char *questions_path = _crm_loader_member_path (path, "questions");
  g_autofree char *objections_path = _crm_loader_member_path (path, "objections");
  g_autofree char *guards_path = _crm_loader_member_path (path, "guards");
  JsonArray *prompts;
  JsonArray *checklist;
  JsonArray *questions;
  JsonArray *objections;
  JsonArray *guards;
  const char *key;
  const char *rule;

  if (!_crm_loader_check_members (loader, object, script_stage_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_parse_text (loader, object, path, "name", TRUE, &stage->name, error) ||
      !_crm_loader_parse_text (loader, object, path, "goal", FALSE, &stage->goal, error) ||
      !_crm_loader_lookup_array (loader, object, path, "prompts", FALSE, &prompts, error) ||
      !_crm_loader_lookup_array (loader, object, path, "checklist", FALSE, &checklist, error) ||
      !_crm_loader_lookup_array (loader, object, path, "questions", FALSE, &questions, error) ||
      !_crm_loader_lookup_array (loader, object, path, "objections", FALSE, &objections, error) ||
      !_crm_loader_lookup_array (loader, object, path, "guards", FALSE, &guards, error) ||
      !_crm_loader_lookup_rule_id (loader, object, path, &rule, error))
    return FALSE;

  stage->key = g_strdup (key);
  stage->rule = g_strdup (rule);
  stage->prompts = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_text_free);
  stage->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_script_item_free);
  stage->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_script_question_free);
  stage->objections = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_script_objection_free);

  if (prompts != NULL &&
      !parse_script_prompts (loader, prompts, prompts_path, stage->prompts, error))
    return FALSE;

  if (checklist != NULL &&
      !parse_script_checklist (loader, checklist, checklist_path, stage->checklist, error))
    return FALSE;

  for (guint i = 0; questions != NULL && i < json_array_get_length (questions); i++)
    {
      g_autofree char *element = _crm_loader_element_path (questions_path, i);
      g_autoptr(CrmScriptQuestion) question = g_new0 (CrmScriptQuestion, 1);
      JsonObject *question_object;

      if (!_crm_loader_get_element_object (loader, questions, i, element, &question_object, error) ||
          !parse_script_question (loader, question_object, element, questions_seen, question,
                                  error))
        return FALSE;

      g_ptr_array_add (stage->questions, g_steal_pointer (&question));
    }

  if (objections != NULL &&
      !parse_script_objections (loader, objections, objections_path, stage->objections, error))
    return FALSE;

  if (guards != NULL && !parse_script_guards (loader, guards, guards_path, &stage->guards, error))
    return FALSE;

  return TRUE;
}

static gboolean
parse_call_script_script (const Loader   *loader,
                          JsonObject     *object,
                          const char     *path,
                          CrmCallScript  *script,
                          GError        **error)
{
  /* Question keys are unique in the whole script: the answers of a call
   * are kept by question key, whatever the stage. */
  g_autoptr(GHashTable) questions_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stages_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sources_path = _crm_loader_member_path (path, "sources");
  g_autofree char *opening_path = _crm_loader_member_path (path, "opening");
  g_autofree char *stages_path = _crm_loader_member_path (path, "stages");
  JsonArray *sources;
  JsonArray *stages;
  const char *key;
  const char *rule;
  guint n_stages;

  if (!_crm_loader_check_members (loader, object, script_keys, path, error) ||
      !_crm_loader_lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !_crm_loader_parse_text (loader, object, path, "name", TRUE, &script->name, error) ||
      !_crm_loader_lookup_rule_id (loader, object, path, &rule, error) ||
      !_crm_loader_lookup_array (loader, object, path, "sources", FALSE, &sources, error) ||
      !_crm_loader_parse_text (loader, object, path, "opening", FALSE, &script->opening, error) ||
      !_crm_loader_lookup_array (loader, object, path, "stages", TRUE, &stages, error))
    return FALSE;

  script->key = g_strdup (key);
  script->rule = g_strdup (rule);
  script->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_script_stage_free);

  if (sources != NULL &&
      !parse_script_sources (loader, sources, sources_path, &script->sources, error))
    return FALSE;

  /* AXL-7: the rep introduces themselves and the company; the panel fills
   * these in, so a name it does not know would be read out as written. */
  if (script->opening.en != NULL &&
      !_crm_loader_check_placeholders (loader, &script->opening, opening_path, opening_placeholders, error))
    return FALSE;

  n_stages = json_array_get_length (stages);
  if (n_stages == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), stages_path);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *element = _crm_loader_element_path (stages_path, i);
      g_autoptr(CrmScriptStage) stage = g_new0 (CrmScriptStage, 1);
      JsonObject *stage_object;

      if (!_crm_loader_get_element_object (loader, stages, i, element, &stage_object, error) ||
          !parse_script_stage (loader, stage_object, element, questions_seen, stage, error) ||
          !_crm_loader_check_unique (loader, stages_seen, stage->key, element, error))
        return FALSE;

      g_ptr_array_add (script->stages, g_steal_pointer (&stage));
    }

  return TRUE;
}

/* The call script: the situation check (TW-2), the scripts a rep follows
 * stage by stage (TW-3) and the summary sent after the call (TW-4). */
gboolean
_crm_loader_parse_call_script (const Loader *loader,
                               JsonObject   *call_script,
                               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CrmProcedure *self = loader->procedure;
  const char *path = "call_script";
  const char *scripts_path = "call_script.scripts";
  const char *situation_rule;
  JsonObject *summary;
  JsonArray *scripts;
  guint n_scripts;

  if (!_crm_loader_check_members (loader, call_script, call_script_keys, path, error) ||
      !_crm_loader_parse_text (loader, call_script, path, "situation_check", FALSE, &self->situation_check,
                               error) ||
      !_crm_loader_lookup_rule_id_member (loader, call_script, path, "situation_rule", &situation_rule,
                                          error) ||
      !_crm_loader_lookup_object (loader, call_script, path, "summary", FALSE, &summary, error) ||
      !_crm_loader_lookup_array (loader, call_script, path, "scripts", TRUE, &scripts, error))
    return FALSE;

  self->situation_rule = g_strdup (situation_rule);

  if (summary != NULL && !parse_call_summary (loader, summary, error))
    return FALSE;

  n_scripts = json_array_get_length (scripts);
  if (n_scripts == 0)
    return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), scripts_path);

  for (guint i = 0; i < n_scripts; i++)
    {
      g_autofree char *element = _crm_loader_element_path (scripts_path, i);
      g_autoptr(CrmCallScript) script = g_new0 (CrmCallScript, 1);
      JsonObject *object;

      if (!_crm_loader_get_element_object (loader, scripts, i, element, &object, error) ||
          !parse_call_script_script (loader, object, element, script, error) ||
          !_crm_loader_check_unique (loader, seen, script->key, element, error))
        return FALSE;

      g_ptr_array_add (self->call_scripts, g_steal_pointer (&script));
    }

  return TRUE;
}

guint
crm_procedure_get_n_call_scripts (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->call_scripts->len;
}

/**
 * crm_procedure_get_call_script:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_call_scripts()
 *
 * Returns: (transfer none): the script, in the template's order
 */
const CrmCallScript *
crm_procedure_get_call_script (CrmProcedure *self,
                               guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->call_scripts->len, NULL);

  return g_ptr_array_index (self->call_scripts, index);
}

/**
 * crm_procedure_find_call_script:
 * @self: a #CrmProcedure
 * @key: a script key, e.g. "sales_call"
 *
 * Returns: (transfer none) (nullable): the script, or %NULL if there is
 *   none with @key
 */
const CrmCallScript *
crm_procedure_find_call_script (CrmProcedure *self,
                                const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->call_scripts->len; i++)
    {
      const CrmCallScript *script = g_ptr_array_index (self->call_scripts, i);

      if (g_str_equal (script->key, key))
        return script;
    }

  return NULL;
}

/**
 * crm_procedure_dup_call_stage_names:
 * @self: (nullable): a #CrmProcedure
 * @script_key: (nullable): a call script of the procedure
 * @call_stages: (nullable): keys of its stages
 *
 * The names of a call's stages in the user's language; a stage the script
 * no longer has keeps its key, so an old call still says where it got.
 *
 * Returns: (transfer full) (nullable): the names, or %NULL without stages
 */
GStrv
crm_procedure_dup_call_stage_names (CrmProcedure       *self,
                                    const char         *script_key,
                                    const char * const *call_stages)
{
  const CrmCallScript *script = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (call_stages == NULL || call_stages[0] == NULL)
    return NULL;

  if (self != NULL && script_key != NULL)
    script = crm_procedure_find_call_script (self, script_key);

  for (guint i = 0; call_stages[i] != NULL; i++)
    {
      const char *name = call_stages[i];

      for (guint s = 0; script != NULL && s < script->stages->len; s++)
        {
          const CrmScriptStage *stage = g_ptr_array_index (script->stages, s);

          if (g_str_equal (stage->key, call_stages[i]))
            name = crm_text_get (&stage->name);
        }

      g_strv_builder_add (names, name);
    }

  return g_strv_builder_end (names);
}

/**
 * crm_procedure_pick_call_script:
 * @self: a #CrmProcedure
 * @source: (nullable): the deal's source key
 *
 * The script a call on a deal from @source starts with: the first one that
 * lists @source in its "sources", otherwise the first one without
 * "sources" (the general script), otherwise the first one.
 *
 * Returns: (transfer none) (nullable): the script, or %NULL when the
 *   template has no call script
 */
const CrmCallScript *
crm_procedure_pick_call_script (CrmProcedure *self,
                                const char   *source)
{
  const CrmCallScript *general = NULL;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  if (self->call_scripts->len == 0)
    return NULL;

  for (guint i = 0; i < self->call_scripts->len; i++)
    {
      const CrmCallScript *script = g_ptr_array_index (self->call_scripts, i);

      if (script->sources == NULL)
        {
          if (general == NULL)
            general = script;
        }
      else if (source != NULL && g_strv_contains ((const char * const *) script->sources, source))
        {
          return script;
        }
    }

  if (general != NULL)
    return general;

  return g_ptr_array_index (self->call_scripts, 0);
}

/**
 * crm_procedure_get_situation_check:
 * @self: a #CrmProcedure
 *
 * The question a call opens with (TW-2: "can you talk now?").
 *
 * Returns: (transfer none) (nullable): the question, or %NULL if the
 *   template asks none
 */
const CrmText *
crm_procedure_get_situation_check (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->situation_check.en != NULL ? &self->situation_check : NULL;
}

/**
 * crm_procedure_get_situation_rule:
 * @self: a #CrmProcedure
 *
 * Returns: (nullable): the rule the situation check implements, e.g. "TW-2"
 */
const char *
crm_procedure_get_situation_rule (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->situation_rule;
}

/**
 * crm_procedure_get_summary_subject:
 * @self: a #CrmProcedure
 *
 * The subject of the call summary mailed to the sales manager (TW-4), with
 * its "{name}" placeholders unfilled.
 *
 * Returns: (transfer none) (nullable): the subject, or %NULL if the
 *   template sends no summary
 */
const CrmText *
crm_procedure_get_summary_subject (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->summary_subject.en != NULL ? &self->summary_subject : NULL;
}

/**
 * crm_procedure_get_summary_body:
 * @self: a #CrmProcedure
 *
 * Returns: (transfer none) (nullable): the body of the call summary (TW-4),
 *   or %NULL if the template sends no summary
 */
const CrmText *
crm_procedure_get_summary_body (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->summary_body.en != NULL ? &self->summary_body : NULL;
}

/**
 * crm_procedure_get_call_script_json:
 * @self: a #CrmProcedure
 *
 * The validated "call_script" section as it was written, for the script
 * editor to start from. It is the procedure's own: edit a copy, and save
 * it with crm_procedure_dup_with_call_script().
 *
 * Returns: (transfer none) (nullable): the section, or %NULL if the
 *   template has none
 */
JsonObject *
crm_procedure_get_call_script_json (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->call_script;
}

/* The template's JSON text rebuilt with @call_script in place of its call
 * script (%NULL removes it) and, unless it is %NULL, @payment_terms in
 * place of its payment terms; loaded once to validate it. */
static char *
dup_with_sections (CrmProcedure  *self,
                   JsonObject    *call_script,
                   JsonArray     *payment_terms,
                   GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(CrmProcedure) check = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *json = NULL;
  gconstpointer data;
  JsonObject *root;
  gsize length;

  /* Start from the text rather than from what was parsed out of it: the
   * stage rules and the attempt ladder are only kept as JSON, and nothing
   * the manager did not edit may change. */
  data = g_bytes_get_data (self->bytes, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* It was parsed once already: only a broken invariant gets here. */
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), self->file_name, json_error->message);
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));

  /* json-glib keeps the member's place when it is replaced; a new one
   * goes last. */
  if (call_script != NULL)
    json_object_set_object_member (root, "call_script", json_object_ref (call_script));
  else if (json_object_has_member (root, "call_script"))
    json_object_remove_member (root, "call_script");

  if (payment_terms != NULL)
    json_object_set_array_member (root, "payment_terms", json_array_ref (payment_terms));

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  generated = json_generator_to_data (generator, NULL);
  /* A text file, like the shipped templates. */
  json = g_strconcat (generated, "\n", NULL);

  check = crm_procedure_new_from_data (json, -1, self->file_name, error);
  if (check == NULL)
    return NULL;

  return g_steal_pointer (&json);
}

/**
 * crm_procedure_dup_with_call_script:
 * @self: a #CrmProcedure
 * @call_script: (nullable): the new "call_script" section, or %NULL to
 *   remove it
 * @error: return location for a #GError
 *
 * Rebuilds the template's JSON text with @call_script in place of its call
 * script, and loads the result to validate it, so that a manager's edit is
 * refused with the loader's message before the store keeps it. Everything
 * else in the template is kept as it was read.
 *
 * Returns: (transfer full) (nullable): the new template text, pretty-printed,
 *   or %NULL with @error set to %CRM_PROCEDURE_ERROR_INVALID
 */
char *
crm_procedure_dup_with_call_script (CrmProcedure  *self,
                                    JsonObject    *call_script,
                                    GError       **error)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dup_with_sections (self, call_script, NULL, error);
}

/* The shipped template @self was made from, if it has call scripts. */
static CrmProcedure *
load_shipped_with_scripts (CrmProcedure *self)
{
  g_autoptr(CrmProcedure) shipped = NULL;

  if (!g_strv_contains (crm_procedure_get_builtin_ids (), self->id))
    return NULL;

  /* A shipped template that does not load is a build failure, which the
   * procedure tests catch; here it only means there is nothing to offer. */
  shipped = crm_procedure_load_builtin (self->id, NULL);
  if (shipped == NULL || shipped->call_script == NULL)
    return NULL;

  return g_steal_pointer (&shipped);
}

/**
 * crm_procedure_has_shipped_call_script:
 * @self: a #CrmProcedure
 *
 * Whether the shipped template with @self's ID has call scripts, so that
 * a template without them (one installed before Deals had call scripts)
 * can take them with crm_procedure_dup_with_shipped_call_script().
 *
 * Returns: %TRUE if there are shipped call scripts to take
 */
gboolean
crm_procedure_has_shipped_call_script (CrmProcedure *self)
{
  g_autoptr(CrmProcedure) shipped = NULL;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), FALSE);

  shipped = load_shipped_with_scripts (self);

  return shipped != NULL;
}

/**
 * crm_procedure_dup_with_shipped_call_script:
 * @self: a #CrmProcedure
 * @error: return location for a #GError
 *
 * Rebuilds the template's JSON text with the call scripts of the shipped
 * template with the same ID, as crm_procedure_dup_with_call_script() does
 * with a manager's. The shipped payment terms come too when @self has
 * none, since the closing stage's TW-6 guard shows them; a template's own
 * payment terms are kept. A template that no longer fits the shipped
 * scripts (a field they fill was removed) is refused with the loader's
 * message.
 *
 * Returns: (transfer full) (nullable): the new template text, or %NULL
 *   with @error set to %CRM_PROCEDURE_ERROR_UNKNOWN_ID (no shipped call
 *   scripts for this ID) or %CRM_PROCEDURE_ERROR_INVALID
 */
char *
crm_procedure_dup_with_shipped_call_script (CrmProcedure  *self,
                                            GError       **error)
{
  g_autoptr(CrmProcedure) shipped = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *payment_terms = NULL;
  JsonObject *root;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shipped = load_shipped_with_scripts (self);
  if (shipped == NULL)
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID,
                   _("Deals ships no call scripts for the procedure “%s”."), self->id);
      return NULL;
    }

  /* The shipped text, for its payment terms as they were written. */
  data = g_bytes_get_data (shipped->bytes, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));

  if (self->payment_terms->len == 0 && json_object_has_member (root, "payment_terms"))
    payment_terms = json_object_get_array_member (root, "payment_terms");

  return dup_with_sections (self, shipped->call_script, payment_terms, error);
}
