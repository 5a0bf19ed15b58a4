/* crm-procedure.c
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

#define G_LOG_DOMAIN "crm-procedure"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crm-limits.h"
#include "crm-procedure-private.h"
#include "crm-model-resources.h"

/* A procedure template: the pipelines, stages, stage rules and custom fields
 * a department works by (see docs/procedure-format.md). This file holds the
 * object and what it answers; reading a template is crm-procedure-loader.c
 * (with the JSON helpers of crm-procedure-reader.c), its call scripts are
 * crm-procedure-scripts.c, and localised text and durations are
 * crm-procedure-text.c. */

G_DEFINE_FINAL_TYPE (CrmProcedure, crm_procedure, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-procedure-error-quark, crm_procedure_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_COUNTRY,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define RESOURCE_PATH "/org/dealsdesk/Deals/model/procedures/"

static const char * const builtin_ids[] = { "tw", "hs", "rad", "con", "axl", NULL };

static void
crm_text_clear (CrmText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->he, g_free);
  g_clear_pointer (&text->ru, g_free);
}

void
_crm_procedure_choice_free (CrmProcedureChoice *choice)
{
  g_free (choice->key);
  crm_text_clear (&choice->name);
  g_free (choice);
}

static void
crm_field_range_free (CrmFieldRange *range)
{
  crm_text_clear (&range->message);
  g_free (range->rule);
  g_free (range);
}

void
_crm_procedure_field_free (CrmProcedureField *field)
{
  g_clear_pointer (&field->range, crm_field_range_free);
  g_free (field->key);
  crm_text_clear (&field->name);
  g_free (field->entity);
  g_free (field->rule);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_free (field);
}

void
_crm_procedure_stage_free (CrmProcedureStage *stage)
{
  g_free (stage->key);
  crm_text_clear (&stage->name);
  g_clear_pointer (&stage->rules, json_object_unref);
  g_free (stage);
}

void
_crm_procedure_pipeline_free (CrmProcedurePipeline *pipeline)
{
  g_free (pipeline->key);
  crm_text_clear (&pipeline->name);
  g_clear_pointer (&pipeline->stages, g_ptr_array_unref);
  g_free (pipeline);
}

void
_crm_text_free (CrmText *text)
{
  crm_text_clear (text);
  g_free (text);
}

void
_crm_script_item_free (CrmScriptItem *item)
{
  g_free (item->key);
  crm_text_clear (&item->text);
  g_free (item);
}

void
_crm_script_question_free (CrmScriptQuestion *question)
{
  g_free (question->key);
  crm_text_clear (&question->text);
  g_free (question->field);
  g_free (question->rule);
  g_free (question);
}

void
_crm_script_objection_free (CrmScriptObjection *objection)
{
  g_free (objection->key);
  crm_text_clear (&objection->objection);
  crm_text_clear (&objection->answer);
  g_free (objection);
}

void
_crm_script_stage_free (CrmScriptStage *stage)
{
  g_free (stage->key);
  crm_text_clear (&stage->name);
  crm_text_clear (&stage->goal);
  g_clear_pointer (&stage->prompts, g_ptr_array_unref);
  g_clear_pointer (&stage->checklist, g_ptr_array_unref);
  g_clear_pointer (&stage->questions, g_ptr_array_unref);
  g_clear_pointer (&stage->objections, g_ptr_array_unref);
  g_free (stage->rule);
  g_free (stage);
}

void
_crm_call_script_free (CrmCallScript *script)
{
  g_free (script->key);
  crm_text_clear (&script->name);
  crm_text_clear (&script->opening);
  g_clear_pointer (&script->sources, g_strfreev);
  g_clear_pointer (&script->stages, g_ptr_array_unref);
  g_free (script->rule);
  g_free (script);
}

void
_crm_payment_term_free (CrmPaymentTerm *term)
{
  g_free (term->key);
  crm_text_clear (&term->name);
  g_free (term->rule);
  g_free (term);
}

void
_crm_quote_charge_rule_free (CrmQuoteChargeRule *charge)
{
  g_free (charge->key);
  crm_text_clear (&charge->name);
  g_free (charge->rule);
  g_free (charge);
}

static void
crm_procedure_finalize (GObject *object)
{
  CrmProcedure *self = (CrmProcedure *)object;

  g_clear_pointer (&self->id, g_free);
  crm_text_clear (&self->name);
  crm_text_clear (&self->description);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->pipelines, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->loss_reasons, g_ptr_array_unref);
  g_clear_pointer (&self->attempt_ladder, json_array_unref);
  g_clear_pointer (&self->refusal, json_object_unref);
  g_clear_pointer (&self->call_script, json_object_unref);
  crm_text_clear (&self->situation_check);
  g_clear_pointer (&self->situation_rule, g_free);
  crm_text_clear (&self->summary_subject);
  crm_text_clear (&self->summary_body);
  g_clear_pointer (&self->call_scripts, g_ptr_array_unref);
  g_clear_pointer (&self->payment_terms, g_ptr_array_unref);
  g_clear_pointer (&self->quote_currency, g_free);
  g_clear_pointer (&self->quote_charges, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (crm_procedure_parent_class)->finalize (object);
}

static void
crm_procedure_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmProcedure *self = CRM_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_procedure_class_init (CrmProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_procedure_finalize;
  object_class->get_property = crm_procedure_get_property;

  /**
   * CrmProcedure:id:
   *
   * The template's ID, e.g. "axl".
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmProcedure:country:
   *
   * The ISO 3166 region phone numbers are parsed for, e.g. "IL".
   */
  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmProcedure:currency:
   *
   * The ISO 4217 currency of new deals, e.g. "RUB".
   */
  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_procedure_init (CrmProcedure *self)
{
  self->pipelines = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_pipeline_free);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_field_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_choice_free);
  self->loss_reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_procedure_choice_free);
  self->call_scripts = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_call_script_free);
  self->payment_terms = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_payment_term_free);
  self->quote_charges = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_quote_charge_rule_free);
}

/**
 * crm_procedure_get_builtin_ids:
 *
 * The IDs of the procedure templates Deals ships, one per department in
 * procedures.md.
 *
 * Returns: (transfer none): a %NULL-terminated array
 */
const char * const *
crm_procedure_get_builtin_ids (void)
{
  return builtin_ids;
}

/**
 * crm_procedure_load_file:
 * @path: a template's JSON file
 * @error: return location for a #GError
 *
 * Loads a template from a file, as `deals --procedure FILE.json` does. Its
 * size is checked before it is read and its nesting before it is parsed
 * (crm-limits.h), so a hostile file is refused, not read into memory or
 * handed to json-glib.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set
 */
CrmProcedure *
crm_procedure_load_file (const char  *path,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (path);

  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }

  if (info.st_size > CRM_LIMIT_TEMPLATE_BYTES)
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   /* Translators: %s is a template's file name, %u a number of megabytes */
                   _("%s: a procedure template may be at most %u MB"),
                   name, (guint) (CRM_LIMIT_TEMPLATE_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return crm_procedure_new_from_data (data, length, name, error);
}

/**
 * crm_procedure_load:
 * @id_or_path: a shipped template's ID, or the path of a template file
 *   (one that ends in ".json" or names a folder)
 * @error: return location for a #GError
 *
 * What `deals --procedure` takes.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set
 */
CrmProcedure *
crm_procedure_load (const char  *id_or_path,
                    GError     **error)
{
  g_return_val_if_fail (id_or_path != NULL, NULL);

  if (g_str_has_suffix (id_or_path, ".json") || strchr (id_or_path, G_DIR_SEPARATOR) != NULL)
    return crm_procedure_load_file (id_or_path, error);

  return crm_procedure_load_builtin (id_or_path, error);
}

/**
 * crm_procedure_load_builtin:
 * @id: a template ID from crm_procedure_get_builtin_ids()
 * @error: return location for a #GError
 *
 * Loads one of the shipped templates from the model's resources.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set to
 *   %CRM_PROCEDURE_ERROR_UNKNOWN_ID or %CRM_PROCEDURE_ERROR_INVALID
 */
CrmProcedure *
crm_procedure_load_builtin (const char  *id,
                            GError     **error)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_strv_contains (builtin_ids, id))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) builtin_ids);

      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID,
                   _("Unknown procedure “%s” (known: %s)"), id, known);
      return NULL;
    }

  /* Look up in the model's own resource bundle rather than the global
   * registry: in a static library the generated constructor that registers
   * it is only linked when something references the bundle. */
  path = g_strconcat (RESOURCE_PATH, id, ".json", NULL);
  bytes = g_resource_lookup_data (crm_model_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  file_name = g_strconcat (id, ".json", NULL);
  data = g_bytes_get_data (bytes, &length);

  procedure = crm_procedure_new_from_data (data, length, file_name, error);
  if (procedure == NULL)
    return NULL;

  if (!g_str_equal (procedure->id, id))
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: “id” is “%s”, expected “%s”"), file_name, procedure->id, id);
      return NULL;
    }

  return g_steal_pointer (&procedure);
}

/**
 * crm_procedure_new_from_data:
 * @data: the template's JSON text
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @file_name: (nullable): the name error messages refer to, e.g. "axl.json"
 * @error: return location for a #GError
 *
 * Parses and validates a procedure template (docs/procedure-format.md).
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set to
 *   %CRM_PROCEDURE_ERROR_INVALID
 */
CrmProcedure *
crm_procedure_new_from_data (const char  *data,
                             gssize       length,
                             const char  *file_name,
                             GError     **error)
{
  g_autoptr(CrmProcedure) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GHashTable) n_members_seen = NULL;
  g_autofree char *duplicate_member = NULL;
  Loader loader = { 0 };
  JsonNode *root;
  gboolean parsed;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  loader.file = file_name != NULL ? file_name : "procedure.json";

  /* json-glib recurses: a template stored or given nested a hundred
   * thousand deep would overflow the stack on open. Bounded first. */
  if (!crm_limits_check_json (loader.file, data, length, &json_error))
    {
      g_set_error_literal (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID, json_error->message);
      return NULL;
    }

  n_members_seen = g_hash_table_new (NULL, NULL);
  loader.n_members_seen = n_members_seen;

  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (_crm_loader_object_member_cb), &loader);
  parsed = json_parser_load_from_data (parser, data, length, &json_error);
  /* Freed here; the loader only borrows it. */
  duplicate_member = loader.duplicate_member;

  if (!parsed)
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), loader.file, json_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: a procedure template must be a JSON object"), loader.file);
      return NULL;
    }

  self = g_object_new (CRM_TYPE_PROCEDURE, NULL);
  loader.procedure = self;

  if (!_crm_procedure_parse (self, json_node_get_object (root), &loader, error))
    return NULL;

  self->file_name = g_strdup (loader.file);
  self->bytes = g_bytes_new (data, length);

  return g_steal_pointer (&self);
}

const char *
crm_procedure_get_id (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->id;
}

const CrmText *
crm_procedure_get_name (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return &self->name;
}

const CrmText *
crm_procedure_get_description (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return &self->description;
}

/**
 * crm_procedure_get_country:
 * @self: a #CrmProcedure
 *
 * Returns: the ISO 3166 region used to parse phone numbers without an
 *   international prefix ("IL", "RU")
 */
const char *
crm_procedure_get_country (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->country;
}

const char *
crm_procedure_get_currency (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->currency;
}

guint
crm_procedure_get_n_pipelines (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->pipelines->len;
}

const CrmProcedurePipeline *
crm_procedure_get_pipeline (CrmProcedure *self,
                            guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->pipelines->len, NULL);

  return g_ptr_array_index (self->pipelines, index);
}

/**
 * crm_procedure_find_pipeline:
 * @self: a #CrmProcedure
 * @key: a pipeline key, e.g. "production"
 *
 * Returns: (nullable): the pipeline, or %NULL if there is none with @key
 */
const CrmProcedurePipeline *
crm_procedure_find_pipeline (CrmProcedure *self,
                             const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->pipelines->len; i++)
    {
      const CrmProcedurePipeline *pipeline = g_ptr_array_index (self->pipelines, i);

      if (g_str_equal (pipeline->key, key))
        return pipeline;
    }

  return NULL;
}

/**
 * crm_procedure_find_stage:
 * @self: a #CrmProcedure
 * @pipeline_key: a pipeline key
 * @stage_key: a stage key of that pipeline
 *
 * Returns: (nullable): the stage, or %NULL if there is none
 */
const CrmProcedureStage *
crm_procedure_find_stage (CrmProcedure *self,
                          const char   *pipeline_key,
                          const char   *stage_key)
{
  const CrmProcedurePipeline *pipeline;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (stage_key != NULL, NULL);

  pipeline = crm_procedure_find_pipeline (self, pipeline_key);
  if (pipeline == NULL)
    return NULL;

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);

      if (g_str_equal (stage->key, stage_key))
        return stage;
    }

  return NULL;
}

guint
crm_procedure_get_n_fields (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->fields->len;
}

const CrmProcedureField *
crm_procedure_get_field (CrmProcedure *self,
                         guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, index);
}

/**
 * crm_procedure_find_field:
 * @self: a #CrmProcedure
 * @key: a custom field key, e.g. "platform"
 *
 * Built-in columns ("source", "contact.phone", …) are not custom fields and
 * are not found here.
 *
 * Returns: (nullable): the field, or %NULL if the template defines none
 *   with @key
 */
const CrmProcedureField *
crm_procedure_find_field (CrmProcedure *self,
                          const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const CrmProcedureField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->key, key))
        return field;
    }

  return NULL;
}

guint
crm_procedure_get_n_sources (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->sources->len;
}

const CrmProcedureChoice *
crm_procedure_get_source (CrmProcedure *self,
                          guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

guint
crm_procedure_get_n_loss_reasons (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->loss_reasons->len;
}

/**
 * crm_procedure_get_loss_reason:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_loss_reasons()
 *
 * The reasons a rep picks from when a deal is lost (HS-10, RAD-12, CON-8,
 * AXL-10), in the template's order.
 *
 * Returns: (transfer none): the loss reason
 */
const CrmProcedureChoice *
crm_procedure_get_loss_reason (CrmProcedure *self,
                               guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->loss_reasons->len, NULL);

  return g_ptr_array_index (self->loss_reasons, index);
}

/**
 * crm_procedure_get_attempt_ladder:
 * @self: a #CrmProcedure
 *
 * The validated attempt ladder for unreachable leads (AXL-1, TW-1); see
 * docs/procedure-format.md for the step objects.
 *
 * Returns: (transfer none) (nullable): the steps, or %NULL if the template has none
 */
JsonArray *
crm_procedure_get_attempt_ladder (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->attempt_ladder;
}

/**
 * crm_procedure_get_refusal:
 * @self: a #CrmProcedure
 *
 * The refusal rules (AXL-10): "min_attempts", "min_silence",
 * "attempt_reasons" (the loss reasons they apply to) and
 * "must_close_after".
 *
 * Returns: (transfer none) (nullable): the validated rules
 */
JsonObject *
crm_procedure_get_refusal (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->refusal;
}

guint
crm_procedure_get_n_payment_terms (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->payment_terms->len;
}

/**
 * crm_procedure_get_payment_term:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_payment_terms()
 *
 * The payment terms in the order of preference (TW-6); the first is the
 * default, offered as the terms.
 *
 * Returns: (transfer none): the payment term
 */
const CrmPaymentTerm *
crm_procedure_get_payment_term (CrmProcedure *self,
                                guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->payment_terms->len, NULL);

  return g_ptr_array_index (self->payment_terms, index);
}

/**
 * crm_procedure_get_quote_currency:
 * @self: a #CrmProcedure
 *
 * Returns: (transfer none): the ISO 4217 currency of new quotes; the
 *   deal currency when the template has no "quote" section
 */
const char *
crm_procedure_get_quote_currency (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->quote_currency != NULL ? self->quote_currency : self->currency;
}

/**
 * crm_procedure_get_quote_vat_rate:
 * @self: a #CrmProcedure
 *
 * Returns: the VAT rate of a free-text line, in basis points (1800 = 18 %)
 */
guint
crm_procedure_get_quote_vat_rate (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->quote_vat_rate;
}

/**
 * crm_procedure_get_quote_validity_days:
 * @self: a #CrmProcedure
 *
 * Returns: how many days a new quote is valid for
 */
guint
crm_procedure_get_quote_validity_days (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->quote_validity_days;
}

/**
 * crm_procedure_get_n_quote_charges:
 * @self: a #CrmProcedure
 *
 * Returns: the number of charges of a quote's schedule, at least one
 */
guint
crm_procedure_get_n_quote_charges (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->quote_charges->len;
}

/**
 * crm_procedure_get_quote_charge:
 * @self: a #CrmProcedure
 * @index: below crm_procedure_get_n_quote_charges()
 *
 * The charges in the order they are paid (TW-7, AXL-9, RAD-11); the last
 * takes what the others leave.
 *
 * Returns: (transfer none): the charge
 */
const CrmQuoteChargeRule *
crm_procedure_get_quote_charge (CrmProcedure *self,
                                guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->quote_charges->len, NULL);

  return g_ptr_array_index (self->quote_charges, index);
}

/**
 * crm_procedure_get_bytes:
 * @self: a #CrmProcedure
 *
 * The template exactly as it was read; the store keeps it in the database
 * so that a running team does not change process when Deals is upgraded.
 *
 * Returns: (transfer none): the raw JSON
 */
GBytes *
crm_procedure_get_bytes (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->bytes;
}
