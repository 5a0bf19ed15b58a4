/* crm-procedure.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_PROCEDURE_ERROR (crm_procedure_error_quark ())

/**
 * CrmProcedureError:
 * @CRM_PROCEDURE_ERROR_UNKNOWN_ID: no shipped procedure has that ID
 * @CRM_PROCEDURE_ERROR_INVALID: the template is malformed; the message names
 *   the file and the offending key
 */
typedef enum
{
  CRM_PROCEDURE_ERROR_UNKNOWN_ID,
  CRM_PROCEDURE_ERROR_INVALID,
} CrmProcedureError;

/**
 * CrmFieldType:
 * The value type of a per-procedure custom field.
 */
typedef enum
{
  CRM_FIELD_TEXT,
  CRM_FIELD_NUMBER,
  CRM_FIELD_CHOICE,
  CRM_FIELD_BOOLEAN,
  CRM_FIELD_DATE,
} CrmFieldType;

/* A localised text of a template: English is the source, he and ru follow. */
typedef struct
{
  char *en;
  char *he;
  char *ru;
} CrmText;

typedef struct
{
  char    *key;
  CrmText  name;
} CrmProcedureChoice;

/**
 * CrmFieldHolds:
 * @CRM_FIELD_HOLDS_NOTHING: an ordinary field
 * @CRM_FIELD_HOLDS_PAYMENT_TERM: a choice field whose choices are the
 *   template's payment terms (TW-6)
 * @CRM_FIELD_HOLDS_INSTALLMENTS: a number field: how many instalments the
 *   chosen payment term is paid in
 *
 * What the store knows a field to mean, so it can check it against the
 * payment terms.
 */
typedef enum
{
  CRM_FIELD_HOLDS_NOTHING,
  CRM_FIELD_HOLDS_PAYMENT_TERM,
  CRM_FIELD_HOLDS_INSTALLMENTS,
} CrmFieldHolds;

/* The values a number field may take (RAD-11: 50 to 100 %). Bounds are
 * scaled by 10^CRM_NUMBER_DECIMALS, as crm_number_parse() reads values. */
typedef struct
{
  gboolean  has_min;
  gint64    min;
  gboolean  has_max;
  gint64    max;
  gboolean  whole_numbers;
  CrmText   message;          /* the rule's words, shown on a refusal */
  char     *rule;             /* nullable */
} CrmFieldRange;

typedef struct
{
  char          *key;
  CrmText        name;
  CrmFieldType   type;
  char          *entity;      /* "deal" or "contact" */
  char          *rule;        /* the procedure rule that asks for it, e.g. "RAD-10"; nullable */
  GPtrArray     *choices;     /* (element-type CrmProcedureChoice) */
  CrmFieldRange *range;       /* nullable; number fields only */
  CrmFieldHolds  holds;
} CrmProcedureField;

typedef struct
{
  char         *key;
  CrmText       name;
  CrmStageKind  kind;
  /* Stage rules (required fields, automatic tasks, emails, moves) are kept
   * as parsed JSON until the procedure engine interprets them. */
  JsonObject   *rules;        /* nullable */
} CrmProcedureStage;

typedef struct
{
  char      *key;
  CrmText    name;
  GPtrArray *stages;          /* (element-type CrmProcedureStage) */
} CrmProcedurePipeline;

/**
 * CrmScriptGuards:
 * @CRM_SCRIPT_GUARD_NONE: no guard
 * @CRM_SCRIPT_GUARD_PRICE_RULE: CON-4, no price on a first call unless demanded
 * @CRM_SCRIPT_GUARD_PAYMENT_TERMS: TW-6, the payment terms in order of preference
 *
 * What a call-script stage reminds the rep of while they talk.
 */
typedef enum
{
  CRM_SCRIPT_GUARD_NONE          = 0,
  CRM_SCRIPT_GUARD_PRICE_RULE    = 1 << 0,
  CRM_SCRIPT_GUARD_PAYMENT_TERMS = 1 << 1,
} CrmScriptGuards;

/* A checklist item of a call-script stage. */
typedef struct
{
  char    *key;
  CrmText  text;
} CrmScriptItem;

/* A question of a call-script stage; its answer may feed a field. */
typedef struct
{
  char     *key;
  CrmText   text;
  char     *field;            /* a custom or built-in field key; nullable */
  gboolean  mandatory;
  char     *rule;             /* nullable */
} CrmScriptQuestion;

typedef struct
{
  char    *key;
  CrmText  objection;
  CrmText  answer;
} CrmScriptObjection;

typedef struct
{
  char            *key;
  CrmText          name;
  CrmText          goal;        /* goal.en is NULL when the stage has none */
  GPtrArray       *prompts;     /* (element-type CrmText) */
  GPtrArray       *checklist;   /* (element-type CrmScriptItem) */
  GPtrArray       *questions;   /* (element-type CrmScriptQuestion) */
  GPtrArray       *objections;  /* (element-type CrmScriptObjection) */
  CrmScriptGuards  guards;
  char            *rule;        /* nullable */
} CrmScriptStage;

typedef struct
{
  char      *key;
  CrmText    name;
  CrmText    opening;           /* opening.en is NULL when the script has none */
  GStrv      sources;           /* nullable: deal sources that pick this script */
  GPtrArray *stages;            /* (element-type CrmScriptStage) */
  char      *rule;              /* nullable */
} CrmCallScript;

/* A payment term, in the procedure's order of preference (TW-6). */
typedef struct
{
  char     *key;
  CrmText   name;
  guint     max_installments;   /* 0 when the term has no instalments */
  gboolean  needs_approval;     /* the sales manager must approve it */
  char     *rule;               /* nullable */
} CrmPaymentTerm;

/* A charge of a quote's payment schedule, in the procedure's order (the
 * "charges" of its "quote" section). A charge takes a share of the total:
 * a percentage per product kind (AXL-9: 50 % of the services, 100 % of a
 * licence; TW-7: the clocks before they ship), or one percentage the rep
 * picks within a range (RAD-11: 50-100 % before the order is launched);
 * the last charge takes what is left. */
typedef struct
{
  char     *key;
  CrmText   name;
  gboolean  by_kind;                             /* percent_by_kind holds */
  guint     percent_by_kind[CRM_N_PRODUCT_KINDS];
  gboolean  ranged;                              /* the rep picks within min..max */
  guint     min_percent;
  guint     max_percent;
  guint     default_percent;
  char     *rule;                                /* nullable */
} CrmQuoteChargeRule;

#define CRM_TYPE_PROCEDURE (crm_procedure_get_type ())

G_DECLARE_FINAL_TYPE (CrmProcedure, crm_procedure, CRM, PROCEDURE, GObject)

GQuark                      crm_procedure_error_quark         (void);
const char * const         *crm_procedure_get_builtin_ids     (void);
CrmProcedure               *crm_procedure_load_builtin        (const char    *id,
                                                               GError       **error);
CrmProcedure               *crm_procedure_load_file           (const char    *path,
                                                               GError       **error);
CrmProcedure               *crm_procedure_load                (const char    *id_or_path,
                                                               GError       **error);
CrmProcedure               *crm_procedure_new_from_data       (const char    *data,
                                                               gssize         length,
                                                               const char    *file_name,
                                                               GError       **error);
const char                 *crm_procedure_get_id              (CrmProcedure  *self);
const CrmText              *crm_procedure_get_name            (CrmProcedure  *self);
const CrmText              *crm_procedure_get_description     (CrmProcedure  *self);
const char                 *crm_procedure_get_country         (CrmProcedure  *self);
const char                 *crm_procedure_get_currency        (CrmProcedure  *self);
guint                       crm_procedure_get_n_pipelines     (CrmProcedure  *self);
const CrmProcedurePipeline *crm_procedure_get_pipeline        (CrmProcedure  *self,
                                                               guint          index);
guint                       crm_procedure_get_n_fields        (CrmProcedure  *self);
const CrmProcedureField    *crm_procedure_get_field           (CrmProcedure  *self,
                                                               guint          index);
const CrmProcedureField    *crm_procedure_find_field          (CrmProcedure  *self,
                                                               const char    *key);
guint                       crm_procedure_get_n_sources       (CrmProcedure  *self);
const CrmProcedureChoice   *crm_procedure_get_source          (CrmProcedure  *self,
                                                               guint          index);
guint                       crm_procedure_get_n_loss_reasons  (CrmProcedure  *self);
const CrmProcedureChoice   *crm_procedure_get_loss_reason     (CrmProcedure  *self,
                                                               guint          index);
const CrmProcedurePipeline *crm_procedure_find_pipeline       (CrmProcedure  *self,
                                                               const char    *key);
const CrmProcedureStage    *crm_procedure_find_stage          (CrmProcedure  *self,
                                                               const char    *pipeline_key,
                                                               const char    *stage_key);
JsonArray                  *crm_procedure_get_attempt_ladder  (CrmProcedure  *self);
JsonObject                 *crm_procedure_get_refusal         (CrmProcedure  *self);
guint                       crm_procedure_get_n_call_scripts  (CrmProcedure  *self);
const CrmCallScript        *crm_procedure_get_call_script     (CrmProcedure  *self,
                                                               guint          index);
const CrmCallScript        *crm_procedure_find_call_script    (CrmProcedure  *self,
                                                               const char    *key);
const CrmCallScript        *crm_procedure_pick_call_script    (CrmProcedure  *self,
                                                               const char    *source);
GStrv                       crm_procedure_dup_call_stage_names (CrmProcedure       *self,
                                                                const char         *script_key,
                                                                const char * const *call_stages);
const CrmText              *crm_procedure_get_situation_check (CrmProcedure  *self);
const char                 *crm_procedure_get_situation_rule  (CrmProcedure  *self);
const CrmText              *crm_procedure_get_summary_subject (CrmProcedure  *self);
const CrmText              *crm_procedure_get_summary_body    (CrmProcedure  *self);
JsonObject                 *crm_procedure_get_call_script_json (CrmProcedure *self);
char                       *crm_procedure_dup_with_call_script (CrmProcedure *self,
                                                               JsonObject    *call_script,
                                                               GError       **error);
gboolean                    crm_procedure_has_shipped_call_script (CrmProcedure *self);
char                       *crm_procedure_dup_with_shipped_call_script (CrmProcedure  *self,
                                                                       GError       **error);
guint                       crm_procedure_get_n_payment_terms (CrmProcedure  *self);
const CrmPaymentTerm       *crm_procedure_get_payment_term    (CrmProcedure  *self,
                                                               guint          index);
const CrmPaymentTerm       *crm_procedure_find_payment_term   (CrmProcedure  *self,
                                                               const char    *key);
const char                 *crm_procedure_get_quote_currency  (CrmProcedure  *self);
guint                       crm_procedure_get_quote_vat_rate  (CrmProcedure  *self);
guint                       crm_procedure_get_quote_validity_days (CrmProcedure *self);
guint                       crm_procedure_get_n_quote_charges (CrmProcedure  *self);
const CrmQuoteChargeRule   *crm_procedure_get_quote_charge    (CrmProcedure  *self,
                                                               guint          index);
const CrmProcedureField    *crm_procedure_find_field_holding  (CrmProcedure  *self,
                                                               CrmFieldHolds  holds);
GBytes                     *crm_procedure_get_bytes           (CrmProcedure  *self);

gboolean                    crm_procedure_parse_duration      (const char    *text,
                                                               GTimeSpan     *out_span);

const char                 *crm_text_get                      (const CrmText *text);
const char                 *crm_text_get_for_language         (const CrmText *text,
                                                               const char    *language);

G_END_DECLS
