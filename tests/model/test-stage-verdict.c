/* test-stage-verdict.c
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

#include "config.h"

#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-stage-verdict.h"
#include "crm-store.h"

/* The stage rules' verdict with no database and no store: a procedure,
 * stages made here, a snapshot of the deal and a fixed time in; what the
 * move needs and does out. */

typedef struct
{
  CrmProcedure *procedure;
  GListStore   *sales;        /* (element-type CrmStage) */
  GListStore   *production;
  GDateTime    *now;
} Fixture;

static GListStore *
stages_of (CrmProcedure *procedure,
           const char   *pipeline_key,
           gint64        pipeline_id)
{
  const CrmProcedurePipeline *pipeline = crm_procedure_find_pipeline (procedure, pipeline_key);
  GListStore *stages = g_list_store_new (CRM_TYPE_STAGE);

  g_assert_nonnull (pipeline);
  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);
      g_autoptr(CrmStage) object = crm_stage_new (pipeline_id * 100 + i, pipeline_id, stage->key,
                                                  stage->key, i, stage->kind);

      g_list_store_append (stages, object);
    }

  return stages;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->procedure = crm_procedure_load_builtin ("axl", &error);
  g_assert_no_error (error);
  fixture->sales = stages_of (fixture->procedure, "sales", 1);
  fixture->production = stages_of (fixture->procedure, "production", 2);
  fixture->now = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->procedure);
  g_clear_object (&fixture->sales);
  g_clear_object (&fixture->production);
  g_clear_pointer (&fixture->now, g_date_time_unref);
}

/* The stage of @key; the list keeps it alive. */
static CrmStage *
stage (GListStore *stages,
       const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stages)); i++)
    {
      g_autoptr(CrmStage) candidate = g_list_model_get_item (G_LIST_MODEL (stages), i);

      if (g_str_equal (crm_stage_get_key (candidate), key))
        return candidate;
    }

  g_assert_not_reached ();
}

static CrmStageMove
sales_move (Fixture    *fixture,
            const char *from,
            const char *to)
{
  CrmStageMove move = {
    fixture->procedure, "sales", G_LIST_MODEL (fixture->sales),
    from != NULL ? stage (fixture->sales, from) : NULL, stage (fixture->sales, to),
    CRM_MOVE_DEFAULT, FALSE,
  };

  return move;
}

static GHashTable *
keys_set (const char * const *keys)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_add (set, (gpointer)keys[i]);

  return set;
}

/* AXL-9: New request straight to Launched asks for every field of the
 * stages it skips, and a refused verdict does nothing. */
static void
test_rule_axl_9_skip_asks_everything (Fixture       *fixture,
                                      gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, "new_request", "launched");
  g_autoptr(GHashTable) has = keys_set ((const char * const []) { "source", NULL });
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  CrmDealSnapshot deal = { "website", NULL, has, 0, NULL };
  g_autoptr(CrmStageVerdict) verdict = NULL;

  g_hash_table_insert (values, "platform", "tilda");
  verdict = crm_stage_verdict_new (&move, &deal, values, fixture->now);

  g_assert_true (crm_stage_verdict_is_refused (verdict));
  g_assert_cmpstrv (verdict->missing, ((const char * const []) { "niche", "amount", "contract_link", NULL }));
  g_assert_null (verdict->refusal);
  g_assert_cmpuint (verdict->tasks->len, ==, 0);
  g_assert_cmpuint (verdict->emails->len, ==, 0);
  g_assert_null (verdict->hop_pipeline);
}

/* A move back asks nothing: the deal met those rules on its way. */
static void
test_move_back_asks_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, "contract_issued", "taken_into_work");
  g_autoptr(GPtrArray) required = crm_stage_verdict_required_keys (&move);

  g_assert_cmpuint (required->len, ==, 0);
}

/* AXL-9: entering Taken into work creates "Contact the client –
 * qualify" due in 30 minutes for the owner, and queues the welcome
 * email for a web-form lead only. */
static void
test_rule_axl_9_tasks_and_welcome (Fixture       *fixture,
                                   gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, "new_request", "taken_into_work");
  g_autoptr(GHashTable) has = keys_set ((const char * const []) { "platform", NULL });
  CrmDealSnapshot web = { "website", NULL, has, 0, NULL };
  CrmDealSnapshot phoned = { "missed_call", NULL, has, 0, NULL };
  g_autoptr(CrmStageVerdict) verdict = crm_stage_verdict_new (&move, &web, NULL, fixture->now);
  g_autoptr(CrmStageVerdict) other = crm_stage_verdict_new (&move, &phoned, NULL, fixture->now);
  g_autoptr(GDateTime) due = g_date_time_add_minutes (fixture->now, 30);
  CrmVerdictTask *task;
  CrmVerdictEmail *email;

  g_assert_false (crm_stage_verdict_is_refused (verdict));
  g_assert_cmpuint (verdict->tasks->len, ==, 1);
  task = g_ptr_array_index (verdict->tasks, 0);
  g_assert_cmpstr (task->rule, ==, "AXL-9");
  g_assert_true (g_date_time_equal (task->due, due));
  g_assert_cmpint (task->assignee, ==, CRM_VERDICT_ASSIGN_OWNER);
  g_assert_nonnull (task->title);

  g_assert_cmpuint (verdict->emails->len, ==, 1);
  email = g_ptr_array_index (verdict->emails, 0);
  g_assert_cmpstr (email->template_key, ==, "welcome");
  g_assert_cmpstr (email->recipient, ==, "contact");

  g_assert_cmpuint (other->tasks->len, ==, 1);
  g_assert_cmpuint (other->emails->len, ==, 0);

  /* HS-4: between open stages the contact stays as it is. */
  g_assert_null (verdict->lifecycle);
  g_assert_false (verdict->closes);
  g_assert_null (verdict->hop_pipeline);
}

/* AXL-8: Launched is won and passes the deal on to Production's
 * kickoff; HS-4 makes the contact a customer. */
static void
test_rule_axl_8_hop (Fixture       *fixture,
                     gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, "contract_issued", "launched");
  CrmDealSnapshot deal = { "website", NULL, NULL, 0, NULL };
  g_autoptr(CrmStageVerdict) verdict = crm_stage_verdict_new (&move, &deal, NULL, fixture->now);
  g_autoptr(CrmStageVerdict) entry = NULL;

  g_assert_false (crm_stage_verdict_is_refused (verdict));
  g_assert_cmpstr (verdict->hop_pipeline, ==, "production");
  g_assert_cmpstr (verdict->hop_stage, ==, "kickoff");
  g_assert_true (verdict->closes);
  g_assert_cmpstr (verdict->lifecycle, ==, "customer");

  entry = crm_stage_verdict_new_entry (fixture->procedure, "production", stage (fixture->production, "kickoff"),
                                       FALSE, "website", fixture->now);
  g_assert_false (crm_stage_verdict_is_refused (entry));
  g_assert_null (entry->hop_pipeline);
  g_assert_false (entry->closes);
  g_assert_null (entry->lifecycle);
}

/* AXL-10: a closing for no answer needs three attempts and three weeks
 * of silence since the last conversation; the closing's task is the head
 * of sales', and its email is queued. */
static void
test_rule_axl_10_closing_checks (Fixture       *fixture,
                                 gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, "qualified", "refused");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) recent = g_date_time_add_days (fixture->now, -5);
  g_autoptr(GDateTime) long_ago = g_date_time_add_weeks (fixture->now, -4);
  CrmDealSnapshot deal = { "website", NULL, NULL, 2, long_ago };
  g_autoptr(CrmStageVerdict) few = NULL;
  g_autoptr(CrmStageVerdict) soon = NULL;
  g_autoptr(CrmStageVerdict) allowed = NULL;
  g_autoptr(CrmStageVerdict) other_reason = NULL;
  CrmVerdictTask *task;

  g_hash_table_insert (values, "loss_reason", "no_response");
  g_hash_table_insert (values, "refused_by_name", "Dana");
  g_assert_true (crm_stage_verdict_wants_attempts (&move, "no_response"));
  g_assert_false (crm_stage_verdict_wants_attempts (&move, "too_expensive"));

  few = crm_stage_verdict_new (&move, &deal, values, fixture->now);
  g_assert_true (crm_stage_verdict_is_refused (few));
  g_assert_cmpstrv (few->missing, ((const char * const []) { NULL }));
  g_assert_error (few->refusal, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_assert_cmpuint (few->tasks->len, ==, 0);

  deal.attempts = 3;
  deal.last_contact = recent;
  soon = crm_stage_verdict_new (&move, &deal, values, fixture->now);
  g_assert_error (soon->refusal, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);

  deal.last_contact = long_ago;
  allowed = crm_stage_verdict_new (&move, &deal, values, fixture->now);
  g_assert_false (crm_stage_verdict_is_refused (allowed));
  g_assert_true (allowed->closes);
  g_assert_cmpstr (allowed->lifecycle, ==, "other");
  g_assert_false (allowed->lifecycle_of_lead_only);
  g_assert_cmpuint (allowed->tasks->len, ==, 1);
  task = g_ptr_array_index (allowed->tasks, 0);
  g_assert_cmpint (task->assignee, ==, CRM_VERDICT_ASSIGN_MANAGER);
  g_assert_cmpstr (task->rule, ==, "AXL-10");
  g_assert_cmpuint (allowed->emails->len, ==, 1);
  g_assert_cmpstr (((CrmVerdictEmail *)g_ptr_array_index (allowed->emails, 0))->template_key, ==,
                   "request_closed");

  /* Another reason is not a closing for no answer: no attempts asked. */
  deal.attempts = 0;
  g_hash_table_insert (values, "loss_reason", "too_expensive");
  other_reason = crm_stage_verdict_new (&move, &deal, values, fixture->now);
  g_assert_false (crm_stage_verdict_is_refused (other_reason));

  /* HS-10, CON-8: a closing asks for its reason and who refused. */
  g_hash_table_remove_all (values);
  g_clear_pointer (&few, crm_stage_verdict_free);
  few = crm_stage_verdict_new (&move, &deal, values, fixture->now);
  g_assert_cmpstrv (few->missing, ((const char * const []) { "loss_reason", "refused_by_name", NULL }));
}

/* HS-4: a deal opened for a lead makes the lead an opportunity, and
 * only a lead. */
static void
test_rule_hs_4_opened (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmStageMove move = sales_move (fixture, NULL, "new_request");
  CrmDealSnapshot deal = { NULL, NULL, NULL, 0, NULL };
  g_autoptr(CrmStageVerdict) verdict = NULL;

  move.opened = TRUE;
  verdict = crm_stage_verdict_new (&move, &deal, NULL, fixture->now);
  g_assert_false (crm_stage_verdict_is_refused (verdict));
  g_assert_cmpstr (verdict->lifecycle, ==, "opportunity");
  g_assert_true (verdict->lifecycle_of_lead_only);
  g_assert_false (verdict->closes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/stage-verdict/rule-axl-9/skip-asks-everything", test_rule_axl_9_skip_asks_everything);
  ADD ("/model/stage-verdict/move-back-asks-nothing", test_move_back_asks_nothing);
  ADD ("/model/stage-verdict/rule-axl-9/tasks-and-welcome", test_rule_axl_9_tasks_and_welcome);
  ADD ("/model/stage-verdict/rule-axl-8/hop", test_rule_axl_8_hop);
  ADD ("/model/stage-verdict/rule-axl-10/closing-checks", test_rule_axl_10_closing_checks);
  ADD ("/model/stage-verdict/rule-hs-4/opened", test_rule_hs_4_opened);

  return g_test_run ();
}
