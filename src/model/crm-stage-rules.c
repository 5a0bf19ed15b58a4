/* crm-stage-rules.c
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

#define G_LOG_DOMAIN "crm-stage-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"

/* Which fields a move into a stage asks for. The procedures write each
 * required field at the stage where it is first needed (AXL-9 Platform at
 * "Taken into work", RAD-10 at the invoice, TW-6 before the payment); a
 * deal that skips that stage still needs it at every later one, or a drag
 * from New request to Launched would skip every rule in between. So the
 * fields of a stage are its own and those of every stage before it in the
 * pipeline that the deal passes on its way, decided here once for the board, the stage form, the deal card,
 * the command line, a bulk move and the end of a call. */

static const char *
pipeline_key (CrmStore *self,
              gint64    pipeline_id)
{
  GListModel *pipelines = crm_store_get_pipelines (self);

  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (crm_pipeline_get_id (pipeline) == pipeline_id)
        return crm_pipeline_get_key (pipeline);
    }

  return NULL;
}

/**
 * _crm_store_stage_rules:
 * @self: a #CrmStore
 * @stage: a stage of the store
 *
 * Returns: (transfer none) (nullable): the template's rules of @stage
 */
JsonObject *
_crm_store_stage_rules (CrmStore *self,
                        CrmStage *stage)
{
  CrmProcedure *procedure = crm_store_get_procedure (self);
  const CrmProcedureStage *template_stage;

  if (procedure == NULL)
    return NULL;

  template_stage = crm_procedure_find_stage (procedure,
                                             pipeline_key (self, crm_stage_get_pipeline_id (stage)),
                                             crm_stage_get_key (stage));

  return template_stage ? template_stage->rules : NULL;
}

static void
add_key (GPtrArray  *keys,
         const char *key)
{
  if (key != NULL && !g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
    g_ptr_array_add (keys, g_strdup (key));
}

static void
add_required_of (CrmStore   *self,
                 CrmStage   *stage,
                 GPtrArray  *keys)
{
  JsonObject *rules = _crm_store_stage_rules (self, stage);
  JsonArray *required;

  if (rules == NULL || !json_object_has_member (rules, "required"))
    return;

  required = json_object_get_array_member (rules, "required");
  for (guint i = 0; i < json_array_get_length (required); i++)
    add_key (keys, json_array_get_string_element (required, i));
}

/**
 * _crm_store_dup_required_keys:
 * @self: a #CrmStore
 * @from_stage_id: the stage the deal leaves, or 0 for a new deal
 * @stage: the stage it enters
 * @flags: how it moves
 *
 * The fields a deal must have to enter @stage from @from_stage_id, in the
 * pipeline's order:
 *
 *  - into an open or won stage, the required fields of that stage and of
 *    every open or won stage between the deal's stage and it, so a skip
 *    asks for everything it skips (AXL-9, RAD-10, TW-3); a new deal, or
 *    one from another pipeline, passes every stage up to @stage;
 *  - into a lost stage, that stage's own, the loss reason and who refused
 *    (a deal may be lost from any stage; what a closing needs is the
 *    closing's, HS-10, RAD-12, CON-8);
 *  - back to an earlier stage of the same pipeline, nothing: the deal met
 *    those rules on its way past them.
 *
 * Returns: (transfer full) (element-type utf8): the keys, each once
 */
GPtrArray *
_crm_store_dup_required_keys (CrmStore     *self,
                              gint64        from_stage_id,
                              CrmStage     *stage,
                              CrmMoveFlags  flags)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) stages = NULL;
  CrmStage *from = from_stage_id != 0 ? crm_store_find_stage (self, from_stage_id) : NULL;
  int after = -1;

  /* A closing asks for its reason (HS-10, RAD-12) and who refused
   * (CON-8), whatever the template lists; the attempt ladder's closing
   * has nobody who refused. */
  if (crm_stage_get_kind (stage) == CRM_STAGE_LOST)
    {
      add_required_of (self, stage, keys);
      add_key (keys, "loss_reason");
      if ((flags & CRM_MOVE_FROM_LADDER) == 0)
        add_key (keys, _crm_store_who_refused_key (self));
      return g_steal_pointer (&keys);
    }

  /* A deal that came from an earlier stage of this pipeline met the rules
   * up to there on its way: only the stages it passes now are asked for,
   * which keeps a move to the next stage as cheap as its own rules. A move
   * back passes none. */
  if (from != NULL && crm_stage_get_pipeline_id (from) == crm_stage_get_pipeline_id (stage))
    after = (int)crm_stage_get_position (from);

  stages = crm_store_get_stages (self, crm_stage_get_pipeline_id (stage));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) passed = g_list_model_get_item (stages, i);
      int position = (int)crm_stage_get_position (passed);

      if (position > (int)crm_stage_get_position (stage))
        break;
      if (position > after && crm_stage_get_kind (passed) != CRM_STAGE_LOST)
        add_required_of (self, passed, keys);
    }

  return g_steal_pointer (&keys);
}

/**
 * _crm_store_set_missing_error:
 * @self: a #CrmStore
 * @stage: the stage refused
 * @missing: the keys the deal lacks
 * @error: return location for a #GError
 *
 * Sets %CRM_STORE_ERROR_MISSING_FIELDS naming every field missing, so
 * the command line's message lists all a skip asks for.
 */
void
_crm_store_set_missing_error (CrmStore            *self,
                              CrmStage            *stage,
                              const char * const  *missing,
                              GError             **error)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_autofree char *label = crm_store_dup_field_label (self, missing[i]);

      if (labels->len > 0)
        g_string_append (labels, ", ");
      g_string_append (labels, label);
    }

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS,
               /* Translators: “Qualified” needs: Niche, Source */
               _("“%s” needs: %s"), crm_stage_get_name (stage), labels->str);
}

/**
 * crm_store_dup_field_label:
 * @self: a #CrmStore
 * @key: a custom field key or a built-in key of stage rules
 *
 * Returns: (transfer full): what to call the field in the interface
 */
char *
crm_store_dup_field_label (CrmStore   *self,
                           const char *key)
{
  static const struct { const char *key; const char *label; } builtins[] = {
    { "source", N_("Source") },
    { "amount", N_("Amount") },
    { "loss_reason", N_("Loss reason") },
    { "refused_by_name", N_("Who refused") },
    { "refused_by_position", N_("Their position") },
    { "contact.name", N_("Contact name") },
    { "contact.position", N_("Contact position") },
    { "contact.phone", N_("Contact phone") },
    { "contact.email", N_("Contact email") },
    { "company.name", N_("Company name") },
  };
  CrmProcedure *procedure;
  const CrmProcedureField *field;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_strcmp0 (builtins[i].key, key) == 0)
      return g_strdup (_(builtins[i].label));

  procedure = crm_store_get_procedure (self);
  field = procedure ? crm_procedure_find_field (procedure, key) : NULL;

  return g_strdup (field ? crm_text_get (&field->name) : key);
}
