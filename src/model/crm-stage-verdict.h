/* crm-stage-verdict.h
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

#include <json-glib/json-glib.h>

#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store-private.h"

G_BEGIN_DECLS

/* The stage rules as one decision with no SQL and no store (see
 * docs/engine.md, "The verdict"): the move, the deal as the store read it
 * and the values the move brings go in; what the move needs and does
 * comes out, and the store applies it in the move's transaction. */

/* Where a deal goes. The stages are plain objects the store hands over;
 * the verdict never asks the store for more. */
typedef struct
{
  CrmProcedure  *procedure;     /* nullable: a store without a template */
  const char    *pipeline_key;  /* the key of @stage's pipeline */
  GListModel    *stages;        /* (element-type CrmStage): @stage's pipeline, in order */
  CrmStage      *from;          /* nullable: a new deal, or one from another pipeline's stage */
  CrmStage      *stage;
  CrmMoveFlags   flags;
  gboolean       opened;        /* a deal just created, entering its first stage */
} CrmStageMove;

/* The deal as the store read it before the move. */
typedef struct
{
  const char *source;           /* for AXL-9's web-form-only email */
  const char *loss_reason;
  GHashTable *has;              /* (element-type utf8): required keys with a value */
  guint       attempts;         /* AXL-10, read only when asked for */
  GDateTime  *last_contact;     /* nullable: the last conversation */
} CrmDealSnapshot;

typedef enum
{
  CRM_VERDICT_ASSIGN_OWNER,
  CRM_VERDICT_ASSIGN_MANAGER,
} CrmVerdictAssignee;

typedef struct
{
  char               *title;    /* in the user's language */
  GDateTime          *due;
  CrmVerdictAssignee  assignee;
  char               *rule;     /* nullable */
} CrmVerdictTask;

typedef struct
{
  char *template_key;
  char *recipient;
  char *rule;                   /* nullable */
} CrmVerdictEmail;

typedef struct _CrmStageVerdict
{
  GStrv        missing;         /* the required keys the deal lacks, in order */
  GError      *refusal;         /* nullable: a closing rule refused (AXL-10, HS-10) */
  GPtrArray   *tasks;           /* (element-type CrmVerdictTask) */
  GPtrArray   *emails;          /* (element-type CrmVerdictEmail) */
  gboolean     closes;          /* into a won or lost stage: closed_at, open tasks done */
  const char  *lifecycle;       /* nullable: "customer", "other" or "opportunity" (HS-4) */
  gboolean     lifecycle_of_lead_only; /* "opportunity" only for a lead */
  char        *hop_pipeline;    /* nullable: AXL-8's move on, a pipeline key */
  char        *hop_stage;       /* nullable: and its stage key */
} CrmStageVerdict;

const char      *crm_stage_verdict_who_refused_key (CrmProcedure          *procedure);
GPtrArray       *crm_stage_verdict_required_keys   (const CrmStageMove    *move);
gboolean         crm_stage_verdict_wants_attempts  (const CrmStageMove    *move,
                                                    const char            *loss_reason);
CrmStageVerdict *crm_stage_verdict_new             (const CrmStageMove    *move,
                                                    const CrmDealSnapshot *deal,
                                                    GHashTable            *values,
                                                    GDateTime             *now);
CrmStageVerdict *crm_stage_verdict_new_entry       (CrmProcedure          *procedure,
                                                    const char            *pipeline_key,
                                                    CrmStage              *stage,
                                                    gboolean               opened,
                                                    const char            *source,
                                                    GDateTime             *now);
gboolean         crm_stage_verdict_is_refused      (const CrmStageVerdict *self);
void             crm_stage_verdict_free            (CrmStageVerdict       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStageVerdict, crm_stage_verdict_free)

G_END_DECLS
