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
#include "crm-stage-verdict.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* The store's side of the stage rules: the verdict (crm-stage-verdict.c)
 * decides which fields a move asks for, and what it does, with no SQL;
 * this part reads what it needs of the deal and hands it over, once for
 * the board, the stage form, the deal card, the command line, a bulk move
 * and the end of a call. */

/**
 * _crm_store_pipeline_key:
 * @self: a #CrmStore
 * @pipeline_id: a pipeline of the store
 *
 * Returns: (transfer none) (nullable): its key
 */
const char *
_crm_store_pipeline_key (CrmStore *self,
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

/* The verdict's question, from the store's stages. @stages keeps the
 * pipeline's list alive for as long as @move is used. */
static void
stage_move_init (CrmStore      *self,
                 CrmStageMove  *move,
                 GListModel   **stages,
                 gint64         from_stage_id,
                 CrmStage      *stage,
                 CrmMoveFlags   flags,
                 gboolean       opened)
{
  gint64 pipeline_id = crm_stage_get_pipeline_id (stage);

  *stages = crm_store_get_stages (self, pipeline_id);
  move->procedure = crm_store_get_procedure (self);
  move->pipeline_key = _crm_store_pipeline_key (self, pipeline_id);
  move->stages = *stages;
  move->from = from_stage_id != 0 ? crm_store_find_stage (self, from_stage_id) : NULL;
  move->stage = stage;
  move->flags = flags;
  move->opened = opened;
}

/**
 * _crm_store_dup_required_keys:
 * @self: a #CrmStore
 * @from_stage_id: the stage the deal leaves, or 0 for a new deal
 * @stage: the stage it enters
 * @flags: how it moves
 *
 * crm_stage_verdict_required_keys() for a move of the store.
 *
 * Returns: (transfer full) (element-type utf8): the keys, each once
 */
GPtrArray *
_crm_store_dup_required_keys (CrmStore     *self,
                              gint64        from_stage_id,
                              CrmStage     *stage,
                              CrmMoveFlags  flags)
{
  g_autoptr(GListModel) stages = NULL;
  CrmStageMove move;

  stage_move_init (self, &move, &stages, from_stage_id, stage, flags, FALSE);
  return crm_stage_verdict_required_keys (&move);
}

/**
 * _crm_store_judge_move:
 * @self: a #CrmStore
 * @deal_id: the deal
 * @row: its row, as read in the move's transaction
 * @from_stage_id: the stage it leaves, or 0 for a new deal
 * @stage: the stage it enters
 * @flags: how it moves
 * @opened: whether the deal was just created
 * @values: (nullable): the values the move brings, normalised
 * @with_closing: whether to read what AXL-10's checks need
 * @now: the store's time
 * @error: return location for a #GError
 *
 * Reads the deal as the verdict needs it, and no more: the value of each
 * required field the move does not bring (the row's built-ins cost
 * nothing), and the attempts and the last conversation only for a
 * closing for no answer with every field there. Then asks the verdict.
 *
 * Returns: (transfer full) (nullable): the verdict, or %NULL when reading
 *   failed
 */
CrmStageVerdict *
_crm_store_judge_move (CrmStore     *self,
                       gint64        deal_id,
                       DealRow      *row,
                       gint64        from_stage_id,
                       CrmStage     *stage,
                       CrmMoveFlags  flags,
                       gboolean      opened,
                       GHashTable   *values,
                       gboolean      with_closing,
                       GDateTime    *now,
                       GError      **error)
{
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GPtrArray) required = NULL;
  g_autoptr(GHashTable) has = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) last_contact = NULL;
  CrmDealSnapshot deal = { row->source, row->loss_reason, has, 0, NULL };
  const char *reason = values != NULL ? g_hash_table_lookup (values, "loss_reason") : NULL;
  gboolean complete = TRUE;
  CrmStageMove move;

  stage_move_init (self, &move, &stages, from_stage_id, stage, flags, opened);
  required = crm_stage_verdict_required_keys (&move);

  for (guint i = 0; i < required->len; i++)
    {
      const char *key = g_ptr_array_index (required, i);
      gboolean found = FALSE;

      if (values != NULL && !crm_str_is_blank (g_hash_table_lookup (values, key)))
        continue;
      if (!_crm_store_deal_has_value (self, deal_id, row, key, &found, error))
        return NULL;
      if (found)
        g_hash_table_add (has, (gpointer)key);
      else
        complete = FALSE;
    }

  if (with_closing && complete &&
      crm_stage_verdict_wants_attempts (&move, reason != NULL ? reason : row->loss_reason))
    {
      deal.attempts = crm_store_count_attempts (self, deal_id);
      last_contact = _crm_store_last_contact (self, deal_id);
      deal.last_contact = last_contact;
    }

  return crm_stage_verdict_new (&move, &deal, values, now);
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
