/* crm-procedure-private.h
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

#pragma once

#include "crm-procedure.h"

G_BEGIN_DECLS

/* Shared by the files of CrmProcedure; nothing outside them includes this. */

struct _CrmProcedure
{
  GObject     parent_instance;

  char       *id;
  CrmText     name;
  CrmText     description;
  char       *country;
  char       *currency;

  GPtrArray  *pipelines;      /* (element-type CrmProcedurePipeline) */
  GPtrArray  *fields;         /* (element-type CrmProcedureField) */
  GPtrArray  *sources;        /* (element-type CrmProcedureChoice) */
  GPtrArray  *loss_reasons;   /* (element-type CrmProcedureChoice) */

  /* Kept as parsed JSON until the engine that interprets them lands. */
  JsonArray  *attempt_ladder;
  JsonObject *refusal;

  /* The call script (TW-2, TW-3, TW-4), parsed; the section itself is kept
   * too, for the script editor to start from. */
  JsonObject *call_script;
  CrmText     situation_check;
  char       *situation_rule;
  CrmText     summary_subject;
  CrmText     summary_body;
  GPtrArray  *call_scripts;   /* (element-type CrmCallScript) */
  GPtrArray  *payment_terms;  /* (element-type CrmPaymentTerm) */

  /* The "quote" section, or its defaults (crm-procedure-quote.c). */
  char       *quote_currency;
  guint       quote_vat_rate;
  guint       quote_validity_days;
  GPtrArray  *quote_charges;  /* (element-type CrmQuoteChargeRule) */

  /* The name messages refer to, so that a template rebuilt from this one
   * (crm_procedure_dup_with_call_script()) is reported under it too. */
  char       *file_name;
  GBytes     *bytes;
};

/* State shared by the validation helpers while one template is read. */
typedef struct
{
  const char   *file;
  CrmProcedure *procedure;

  /* json-glib keeps the last of two members with the same name; the
   * parser's signal lets us catch the first such repetition. */
  GHashTable   *n_members_seen;  /* JsonObject* → number of members parsed */
  JsonObject   *duplicate_object;
  char         *duplicate_member;
} Loader;

/* Free functions of the parsed parts (crm-procedure.c). */
void _crm_procedure_field_free    (CrmProcedureField    *field);
void _crm_procedure_pipeline_free (CrmProcedurePipeline *pipeline);
void _crm_call_script_free        (CrmCallScript        *script);
void _crm_payment_term_free       (CrmPaymentTerm       *term);
void _crm_quote_charge_rule_free  (CrmQuoteChargeRule   *charge);
void _crm_procedure_choice_free   (CrmProcedureChoice   *choice);
void _crm_procedure_stage_free    (CrmProcedureStage    *stage);
void _crm_text_free               (CrmText              *text);
void _crm_script_item_free        (CrmScriptItem        *item);
void _crm_script_question_free    (CrmScriptQuestion    *question);
void _crm_script_objection_free   (CrmScriptObjection   *objection);
void _crm_script_stage_free       (CrmScriptStage       *stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureChoice, _crm_procedure_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureField, _crm_procedure_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureStage, _crm_procedure_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedurePipeline, _crm_procedure_pipeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmText, _crm_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptItem, _crm_script_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptQuestion, _crm_script_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptObjection, _crm_script_objection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptStage, _crm_script_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCallScript, _crm_call_script_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPaymentTerm, _crm_payment_term_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmQuoteChargeRule, _crm_quote_charge_rule_free)

/* Reading JSON strictly (crm-procedure-reader.c). */
gboolean    _crm_loader_invalid               (const Loader        *loader,
                                               GError             **error,
                                               const char          *format,
                                               ...) G_GNUC_PRINTF (3, 4);
const char *_crm_loader_describe_path         (const char          *path);
char       *_crm_loader_member_path           (const char          *path,
                                               const char          *member);
char       *_crm_loader_element_path          (const char          *path,
                                               guint                index);
gboolean    _crm_loader_check_members         (const Loader        *loader,
                                               JsonObject          *object,
                                               const char * const  *allowed,
                                               const char          *path,
                                               GError             **error);
gboolean    _crm_loader_lookup_string         (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               const char         **out_string,
                                               GError             **error);
gboolean    _crm_loader_lookup_object         (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               JsonObject         **out_object,
                                               GError             **error);
gboolean    _crm_loader_lookup_array          (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               JsonArray          **out_array,
                                               GError             **error);
gboolean    _crm_loader_get_element_object    (const Loader        *loader,
                                               JsonArray           *array,
                                               guint                index,
                                               const char          *element,
                                               JsonObject         **out_object,
                                               GError             **error);
gboolean    _crm_loader_lookup_key            (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               const char         **out_key,
                                               GError             **error);
gboolean    _crm_loader_lookup_rule_id_member (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               const char         **out_rule,
                                               GError             **error);
gboolean    _crm_loader_lookup_rule_id        (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char         **out_rule,
                                               GError             **error);
gboolean    _crm_loader_lookup_boolean        (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean            *out_value,
                                               GError             **error);
gboolean    _crm_loader_lookup_positive       (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               guint               *out_value,
                                               GError             **error);
gboolean    _crm_loader_lookup_enum           (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               const char * const  *allowed,
                                               int                 *out_index,
                                               GError             **error);
gboolean    _crm_loader_lookup_duration       (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               GError             **error);
gboolean    _crm_loader_parse_text_object     (const Loader        *loader,
                                               JsonObject          *text,
                                               const char          *path,
                                               CrmText             *out_text,
                                               GError             **error);
gboolean    _crm_loader_parse_text            (const Loader        *loader,
                                               JsonObject          *object,
                                               const char          *path,
                                               const char          *member,
                                               gboolean             required,
                                               CrmText             *out_text,
                                               GError             **error);
gboolean    _crm_loader_check_placeholders    (const Loader        *loader,
                                               const CrmText       *text,
                                               const char          *path,
                                               const char * const  *allowed,
                                               GError             **error);
gboolean    _crm_loader_check_unique          (const Loader        *loader,
                                               GHashTable          *seen,
                                               const char          *key,
                                               const char          *path,
                                               GError             **error);
gboolean    _crm_loader_parse_choices         (const Loader        *loader,
                                               JsonArray           *array,
                                               const char          *path,
                                               GPtrArray           *out_choices,
                                               GError             **error);

/* The loader (crm-procedure-loader.c). */
gboolean _crm_loader_has_choice       (GPtrArray     *choices,
                                       const char    *key);
void     _crm_loader_object_member_cb (JsonParser    *parser,
                                       JsonObject    *object,
                                       const char    *member,
                                       Loader        *loader);
gboolean _crm_procedure_parse         (CrmProcedure  *self,
                                       JsonObject    *root,
                                       const Loader  *loader,
                                       GError       **error);

/* What a value may be (crm-procedure-values.c). */
gboolean _crm_loader_parse_field_values   (const Loader        *loader,
                                           JsonObject          *object,
                                           const char          *path,
                                           CrmProcedureField   *field,
                                           GError             **error);
gboolean _crm_loader_check_payment_fields (const Loader        *loader,
                                           GError             **error);

/* The "quote" section (crm-procedure-quote.c). */
gboolean _crm_loader_parse_quote (const Loader  *loader,
                                  JsonObject    *quote,
                                  GError       **error);

/* Call scripts (crm-procedure-scripts.c). */
gboolean _crm_loader_parse_call_script (const Loader  *loader,
                                        JsonObject    *call_script,
                                        GError       **error);

G_END_DECLS
