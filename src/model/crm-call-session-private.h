/* crm-call-session-private.h
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

#include "crm-call-session.h"

G_BEGIN_DECLS

/* Shared by the files of CrmCallSession; nothing outside them includes this. */

struct _CrmCallSession
{
  GObject              parent_instance;

  /* Owned references */
  CrmStore            *store;
  /* The procedure the call started with: a manager saving the scripts
   * meanwhile does not pull the script from under a running call. */
  CrmProcedure        *procedure;
  GDateTime           *started_at;
  GDateTime           *ended_at;
  GHashTable          *answers;      /* question key → value as stored */
  GHashTable          *given;        /* keys of the questions answered on this call */
  GHashTable          *checked;      /* checklist item keys */

  const CrmCallScript *script;       /* owned by the procedure; nullable */
  gint64               deal_id;
  int                  stage_index;  /* -1 during the situation check */
  int                  furthest;     /* the last stage reached, -1 for none */
  gint64               move_to_stage_id; /* 0: the deal stays where it is */

  guint                situation_answered : 1;
  guint                can_talk : 1;
  guint                first_conversation : 1;
  guint                price_demanded : 1;
  guint                finished : 1;
};

/* The script's stages and the call's state (crm-call-session.c). */
guint                 _crm_call_session_n_stages            (CrmCallSession  *self);
const CrmScriptStage *_crm_call_session_stage_at            (CrmCallSession  *self,
                                                             int              index);
void                  _crm_call_session_set_stage_index     (CrmCallSession  *self,
                                                             int              index);
gboolean              _crm_call_session_check_not_finished  (CrmCallSession  *self,
                                                             GError         **error);

/* The record's texts (crm-call-session-notes.c). */
char                 *_crm_call_session_dup_summary_answers (CrmCallSession  *self);

G_END_DECLS
