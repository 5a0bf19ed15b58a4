/* crm-store-pipelines.c
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

#define G_LOG_DOMAIN "crm-store-pipelines"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"
#include "crm-strings.h"

/* The procedure's pipelines and stages in the database: installed once
 * from the template, then read into the store's lists that every view
 * shares. */

static const char *
pick_name (CrmStatement *stmt,
           int           first_column)
{
  CrmText text = {
    (char *)crm_statement_get_text (stmt, first_column),
    (char *)crm_statement_get_text (stmt, first_column + 1),
    (char *)crm_statement_get_text (stmt, first_column + 2),
  };

  return crm_text_get (&text);
}

static gboolean
insert_names (CrmStatement  *stmt,
              int            first_index,
              const CrmText *name)
{
  crm_statement_bind_text (stmt, first_index, name->en);
  crm_statement_bind_text (stmt, first_index + 1, name->he);
  crm_statement_bind_text (stmt, first_index + 2, name->ru);
  return TRUE;
}

static const char *
stage_kind_to_string (CrmStageKind kind)
{
  switch (kind)
    {
    case CRM_STAGE_WON:
      return "won";
    case CRM_STAGE_LOST:
      return "lost";
    case CRM_STAGE_OPEN:
    default:
      return "open";
    }
}

static const char *
field_type_to_string (CrmFieldType type)
{
  static const char * const names[] = { "text", "number", "choice", "boolean", "date" };

  return names[type];
}

gboolean
_crm_store_install_pipelines (CrmStore      *self,
                              CrmProcedure  *procedure,
                              GError       **error)
{
  for (guint p = 0; p < crm_procedure_get_n_pipelines (procedure); p++)
    {
      const CrmProcedurePipeline *pipeline = crm_procedure_get_pipeline (procedure, p);
      g_autoptr(CrmStatement) stmt = NULL;
      gint64 pipeline_id;

      stmt = crm_db_prepare (self->db,
                             "INSERT INTO pipelines (key, position, name_en, name_he, name_ru) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_text (stmt, 1, pipeline->key);
      crm_statement_bind_int64 (stmt, 2, p);
      insert_names (stmt, 3, &pipeline->name);
      if (!crm_statement_run (stmt, error))
        return FALSE;

      pipeline_id = crm_db_last_insert_id (self->db);

      for (guint s = 0; s < pipeline->stages->len; s++)
        {
          const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, s);
          g_autoptr(CrmStatement) insert = NULL;

          insert = crm_db_prepare (self->db,
                                   "INSERT INTO stages (pipeline_id, key, position, kind, name_en, name_he, name_ru) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   error);
          if (insert == NULL)
            return FALSE;

          crm_statement_bind_int64 (insert, 1, pipeline_id);
          crm_statement_bind_text (insert, 2, stage->key);
          crm_statement_bind_int64 (insert, 3, s);
          crm_statement_bind_text (insert, 4, stage_kind_to_string (stage->kind));
          insert_names (insert, 5, &stage->name);
          if (!crm_statement_run (insert, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_crm_store_install_fields (CrmStore      *self,
                           CrmProcedure  *procedure,
                           GError       **error)
{
  for (guint f = 0; f < crm_procedure_get_n_fields (procedure); f++)
    {
      const CrmProcedureField *field = crm_procedure_get_field (procedure, f);
      g_autoptr(CrmStatement) stmt = NULL;
      gint64 field_id;

      stmt = crm_db_prepare (self->db,
                             "INSERT INTO field_defs (key, entity, type, position, rule, name_en, name_he, name_ru) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
      if (stmt == NULL)
        return FALSE;

      crm_statement_bind_text (stmt, 1, field->key);
      crm_statement_bind_text (stmt, 2, field->entity);
      crm_statement_bind_text (stmt, 3, field_type_to_string (field->type));
      crm_statement_bind_int64 (stmt, 4, f);
      crm_statement_bind_text (stmt, 5, field->rule);
      insert_names (stmt, 6, &field->name);
      if (!crm_statement_run (stmt, error))
        return FALSE;

      field_id = crm_db_last_insert_id (self->db);

      for (guint c = 0; field->choices != NULL && c < field->choices->len; c++)
        {
          const CrmProcedureChoice *choice = g_ptr_array_index (field->choices, c);
          g_autoptr(CrmStatement) insert = NULL;

          insert = crm_db_prepare (self->db,
                                   "INSERT INTO field_choices (field_id, key, position, name_en, name_he, name_ru) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
          if (insert == NULL)
            return FALSE;

          crm_statement_bind_int64 (insert, 1, field_id);
          crm_statement_bind_text (insert, 2, choice->key);
          crm_statement_bind_int64 (insert, 3, c);
          insert_names (insert, 4, &choice->name);
          if (!crm_statement_run (insert, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
_crm_store_load_pipelines (CrmStore  *self,
                           GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GPtrArray) pipelines = g_ptr_array_new_with_free_func (g_object_unref);
  CrmStep step;

  stmt = crm_db_prepare (self->db,
                         "SELECT id, key, name_en, name_he, name_ru FROM pipelines ORDER BY position",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    g_ptr_array_add (pipelines, crm_pipeline_new (crm_statement_get_int64 (stmt, 0),
                                                  crm_statement_get_text (stmt, 1),
                                                  pick_name (stmt, 2)));
  if (step == CRM_STEP_ERROR)
    return FALSE;

  crm_statement_release (g_steal_pointer (&stmt));

  stmt = crm_db_prepare (self->db,
                         "SELECT id, pipeline_id, key, position, kind, name_en, name_he, name_ru "
                         "FROM stages ORDER BY pipeline_id, position",
                         error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_remove_all (self->stages);
  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      const char *kind_text = crm_statement_get_text (stmt, 4);
      CrmStageKind kind = CRM_STAGE_OPEN;
      CrmStage *stage;

      if (g_strcmp0 (kind_text, "won") == 0)
        kind = CRM_STAGE_WON;
      else if (g_strcmp0 (kind_text, "lost") == 0)
        kind = CRM_STAGE_LOST;

      stage = crm_stage_new (crm_statement_get_int64 (stmt, 0),
                             crm_statement_get_int64 (stmt, 1),
                             crm_statement_get_text (stmt, 2),
                             pick_name (stmt, 5),
                             (guint)crm_statement_get_int64 (stmt, 3),
                             kind);
      g_hash_table_insert (self->stages, GSIZE_TO_POINTER ((gsize)crm_stage_get_id (stage)), stage);
    }
  if (step == CRM_STEP_ERROR)
    return FALSE;

  g_list_store_splice (self->pipelines, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->pipelines)),
                       pipelines->pdata, pipelines->len);
  return TRUE;
}

/**
 * crm_store_get_pipelines:
 * @self: a #CrmStore
 *
 * Returns: (transfer none): the pipelines, in the procedure's order
 */
GListModel *
crm_store_get_pipelines (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->pipelines);
}

/**
 * crm_store_find_pipeline:
 * @self: a #CrmStore
 * @key: a pipeline key of the procedure
 *
 * Returns: (transfer none) (nullable): the pipeline
 */
CrmPipeline *
crm_store_find_pipeline (CrmStore   *self,
                         const char *key)
{
  GListModel *model = G_LIST_MODEL (self->pipelines);

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (model, i);

      if (g_strcmp0 (crm_pipeline_get_key (pipeline), key) == 0)
        return pipeline;
    }

  return NULL;
}

static int
compare_stage_position (gconstpointer a,
                        gconstpointer b)
{
  guint pa = crm_stage_get_position (*(CrmStage **)a);
  guint pb = crm_stage_get_position (*(CrmStage **)b);

  return pa < pb ? -1 : pa > pb;
}

/**
 * crm_store_get_stages:
 * @self: a #CrmStore
 * @pipeline_id: a pipeline
 *
 * Returns: (transfer full): the pipeline's stages in order
 */
GListModel *
crm_store_get_stages (CrmStore *self,
                      gint64    pipeline_id)
{
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  GListStore *store;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (crm_stage_get_pipeline_id (value) == pipeline_id)
      g_ptr_array_add (stages, value);

  g_ptr_array_sort (stages, compare_stage_position);

  store = g_list_store_new (CRM_TYPE_STAGE);
  g_list_store_splice (store, 0, 0, stages->pdata, stages->len);

  return G_LIST_MODEL (store);
}

/**
 * crm_store_find_stage:
 * @self: a #CrmStore
 * @stage_id: a stage
 *
 * Returns: (transfer none) (nullable): the stage
 */
CrmStage *
crm_store_find_stage (CrmStore *self,
                      gint64    stage_id)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->stages, GSIZE_TO_POINTER ((gsize)stage_id));
}

/**
 * crm_store_find_stage_by_key:
 * @self: a #CrmStore
 * @pipeline_id: a pipeline
 * @key: a stage key of the procedure, e.g. "quote"
 *
 * Returns: (transfer none) (nullable): the stage of that pipeline
 */
CrmStage *
crm_store_find_stage_by_key (CrmStore   *self,
                             gint64      pipeline_id,
                             const char *key)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (crm_stage_get_pipeline_id (value) == pipeline_id &&
        g_strcmp0 (crm_stage_get_key (value), key) == 0)
      return value;

  return NULL;
}
