/* test-stage-rules.c
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

#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-stage.h"

#include "../crm-test-common.h"

/* Skipping a stage skips none of its rules: a field required at a stage is
 * asked for on entering it or any later stage, on every path; a move back
 * asks nothing. Each refusal leaves the deal as it was. */

typedef CrmTestClockedFixture Fixture;

static gint64
stage_by_key (CrmStore   *store,
              const char *pipeline_key,
              const char *stage_key)
{
  CrmPipeline *pipeline = crm_store_find_pipeline (store, pipeline_key);
  CrmStage *stage;

  g_assert_nonnull (pipeline);
  stage = crm_store_find_stage_by_key (store, crm_pipeline_get_id (pipeline), stage_key);
  g_assert_nonnull (stage);

  return crm_stage_get_id (stage);
}

static const char *
stage_key_of (CrmStore *store,
              gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_store_load_deal (store, deal_id, &error);

  g_assert_no_error (error);
  return crm_stage_get_key (crm_store_find_stage (store, crm_deal_get_stage_id (deal)));
}

/* A deal in the first stage with a contact that has a name, a position,
 * a phone and an email, and nothing else. */
static gint64
new_deal (CrmStore   *store,
          const char *title)
{
  static const char * const il_phones[] = { "050-123-4567", NULL };
  static const char * const ru_phones[] = { "8 (916) 123-45-67", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  gboolean russian = g_strcmp0 (crm_procedure_get_country (crm_store_get_procedure (store)), "RU") == 0;

  crm_deal_set_title (deal, title);
  crm_contact_set_name (contact, russian ? "Анна Смирнова" : "דנה לוי");
  crm_contact_set_position (contact, russian ? "Директор" : "מנכ״לית");
  crm_contact_set_phones (contact, russian ? ru_phones : il_phones);
  crm_contact_set_emails (contact, emails);

  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static gint64
count_of (CrmStore   *store,
          const char *sql,
          gint64      deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  crm_statement_bind_int64 (stmt, 1, deal_id);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);

  return crm_statement_get_int64 (stmt, 0);
}

/* What a refused move must leave as it was. */
typedef struct
{
  gint64  stage_id;
  gint64  audit;
  gint64  tasks;
  gint64  open_tasks;
  gint64  values;
  gint64  emails;
} Snapshot;

static void
snapshot_take (CrmStore *store,
               gint64    deal_id,
               Snapshot *snapshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = crm_store_load_deal (store, deal_id, &error);

  g_assert_no_error (error);
  snapshot->stage_id = crm_deal_get_stage_id (deal);
  snapshot->audit = count_of (store, "SELECT count (*) FROM audit_log WHERE entity = 'deal' AND entity_id = ?1", deal_id);
  snapshot->tasks = count_of (store, "SELECT count (*) FROM tasks WHERE deal_id = ?1", deal_id);
  snapshot->open_tasks = count_of (store, "SELECT count (*) FROM tasks WHERE deal_id = ?1 AND closed_at IS NULL", deal_id);
  snapshot->values = count_of (store, "SELECT count (*) FROM deal_field_values WHERE deal_id = ?1", deal_id);
  snapshot->emails = count_of (store, "SELECT count (*) FROM email_queue WHERE deal_id = ?1", deal_id);
}

static void
assert_unchanged (CrmStore       *store,
                  gint64          deal_id,
                  const Snapshot *before)
{
  Snapshot now;

  snapshot_take (store, deal_id, &now);
  g_assert_cmpint (now.stage_id, ==, before->stage_id);
  g_assert_cmpint (now.audit, ==, before->audit);
  g_assert_cmpint (now.tasks, ==, before->tasks);
  g_assert_cmpint (now.open_tasks, ==, before->open_tasks);
  g_assert_cmpint (now.values, ==, before->values);
  g_assert_cmpint (now.emails, ==, before->emails);
}

/* AXL-9: New request straight to Launched asks for Taken into work's
 * platform, Qualified's niche and source, Proposal sent's amount and the
 * contract link, on a single move, a bulk move and the deal card. */
static void
test_rule_axl_9_skip_to_launched (Fixture       *fixture,
                                  gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page");
  gint64 launched = stage_by_key (store, "sales", "launched");
  g_autoptr(GHashTable) some = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);

  missing = crm_store_list_missing_fields (store, deal_id, launched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { "platform", "niche", "source", "amount", "contract_link", NULL }));

  g_assert_false (crm_store_move_deal (store, deal_id, launched, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_cmpstr (error->message, ==, "“Launched” needs: Platform, Niche, Source, Amount, Contract link");
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  /* What the move brings is not asked for; the rest still is, and the
   * values given are not stored by a refused move. */
  g_hash_table_insert (some, "platform", "tilda");
  g_hash_table_insert (some, "niche", "Dentists");
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, launched, some, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_cmpstr (error->message, ==, "“Launched” needs: Source, Amount, Contract link");
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  g_assert_false (crm_store_move_deals (store, &deal_id, 1, launched, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Contract link"));
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  /* The deal card changing the stage meets the same rules. */
  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  crm_deal_set_stage_id (deal, launched);
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Platform"));
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "new_request");
}

/* RAD-10: a new request moved straight to Order paid needs the
 * qualification fields of the invoice stage as well as the prepayment. */
static void
test_rule_rad_10_skip_to_order_paid (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char * const rad_10[] = {
    "working_pressure", "radiator_model", "radiator_count", "section_count",
    "connection_diameter", "connection_type", "radiator_paint", "valves",
    "accessories", "valves_paint", "payment_form", "delivery_address",
  };
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Радиаторы для школы");
  gint64 order_paid = stage_by_key (store, "sales", "order_paid");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);

  missing = crm_store_list_missing_fields (store, deal_id, order_paid, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rad_10); i++)
    g_assert_true (g_strv_contains ((const char * const *)missing, rad_10[i]));
  g_assert_true (g_strv_contains ((const char * const *)missing, "amount"));
  g_assert_true (g_strv_contains ((const char * const *)missing, "prepayment"));
  /* RAD-8: the contact's name and phone are there. */
  g_assert_false (g_strv_contains ((const char * const *)missing, "contact.phone"));
  g_assert_cmpuint (g_strv_length (missing), ==, G_N_ELEMENTS (rad_10) + 2);

  g_assert_false (crm_store_move_deal (store, deal_id, order_paid, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Delivery address"));
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "new_request");
}

/* TW-3, TW-6: New lead → Won asks for the discovery (clocks, modules,
 * the agreements module), the quote's amount and the payment terms. */
static void
test_rule_tw_6_new_lead_to_won (Fixture       *fixture,
                                gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Annual licence");
  gint64 won = stage_by_key (store, "sales", "won");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);

  missing = crm_store_list_missing_fields (store, deal_id, won, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { "clocks", "modules", "agreements_module", "amount",
                                                 "payment_term", "installments", NULL }));

  g_assert_false (crm_store_move_deal (store, deal_id, won, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "new_lead");
}

/* A move back asks nothing, even for a field the deal lost since: it met
 * those rules on its way past them. A move forward again asks. */
static void
test_move_back_asks_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Corporate site");
  gint64 taken = stage_by_key (store, "sales", "taken_into_work");
  gint64 qualified = stage_by_key (store, "sales", "qualified");
  gint64 proposal = stage_by_key (store, "sales", "proposal_sent");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) forward = NULL;

  g_hash_table_insert (values, "platform", "tilda");
  g_hash_table_insert (values, "niche", "Dentists");
  g_hash_table_insert (values, "source", "website");
  g_hash_table_insert (values, "amount", "50000");
  g_assert_true (crm_store_move_deal_with_values (store, deal_id, proposal, values, NULL, &error));
  g_assert_no_error (error);

  /* The platform is cleared on the card inside the stage. */
  g_assert_true (crm_store_set_field_value (store, deal_id, "platform", NULL, &error));
  g_assert_no_error (error);

  missing = crm_store_list_missing_fields (store, deal_id, taken, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { NULL }));
  g_assert_true (crm_store_move_deal (store, deal_id, qualified, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "qualified");

  /* Forward again from Qualified passes only Proposal sent. */
  forward = crm_store_list_missing_fields (store, deal_id, proposal, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (forward, ((const char *[]) { NULL }));
}

/* Closing rules on every path into a lost stage */

static gint64
count_open_tasks (CrmStore *store,
                  gint64    deal_id)
{
  return count_of (store, "SELECT count (*) FROM tasks WHERE deal_id = ?1 AND closed_at IS NULL", deal_id);
}

static char *
dup_deal_text (CrmStore   *store,
               const char *column_sql,
               gint64      deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStatement) stmt = crm_db_prepare (_crm_store_get_db (store), column_sql, &error);

  g_assert_no_error (error);
  crm_statement_bind_int64 (stmt, 1, deal_id);
  g_assert_cmpint (crm_statement_step (stmt, &error), ==, CRM_STEP_ROW);

  return g_strdup (crm_statement_get_text (stmt, 0));
}

/* AXL-10 on a plain move into Refused (the board's drop, the keyboard,
 * the menu, the stage form and the command line all make it): a deal
 * minutes old with no attempts is not closed for "could not reach", nor
 * without who refused; a bulk move without a reason closes nothing. Once
 * the attempts are made, the same move closes it, and its open tasks are
 * closed with a note. */
static void
test_rule_axl_10_move_to_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page");
  gint64 refused = stage_by_key (store, "sales", "refused");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *result = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);

  /* The board's form asks for what the closing needs. */
  missing = crm_store_list_missing_fields (store, deal_id, refused, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { "loss_reason", "refused_by_name", NULL }));

  g_hash_table_insert (values, "loss_reason", "could_not_reach");
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, refused, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Who refused"));
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  g_hash_table_insert (values, "refused_by_name", "Анна Смирнова");
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, refused, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_assert_nonnull (strstr (error->message, "3 contact attempts"));
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  reason = dup_deal_text (store, "SELECT loss_reason FROM deals WHERE id = ?1", deal_id);
  g_assert_null (reason);

  g_assert_false (crm_store_move_deals (store, &deal_id, 1, refused, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  /* The deal card choosing Refused as its stage. */
  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  crm_deal_set_stage_id (deal, refused);
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (crm_store_record_no_answer (store, deal_id, NULL, &error), ==, CRM_LADDER_RESCHEDULED);
      g_assert_no_error (error);
      crm_test_clock_advance (&fixture->clock, G_TIME_SPAN_HOUR);
    }
  g_assert_cmpint (count_open_tasks (store, deal_id), ==, 1);

  g_assert_true (crm_store_move_deal_with_values (store, deal_id, refused, values, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "refused");

  /* The next attempt's task is closed with the deal; the stage's own
   * "Check this closing" for the head of sales is what stays open. */
  g_assert_cmpint (count_open_tasks (store, deal_id), ==, 1);
  g_assert_cmpint (count_of (store, "SELECT count (*) FROM tasks WHERE deal_id = ?1 AND closed_at IS NULL "
                                    "AND rule = 'AXL-10'", deal_id), ==, 1);
  result = dup_deal_text (store, "SELECT result FROM tasks WHERE deal_id = ?1 AND rule = 'AXL-1' "
                                 "ORDER BY id DESC LIMIT 1", deal_id);
  g_assert_cmpstr (result, ==, "Closed with the deal, which moved to “Refused/postponed”.");
}

/* CON-8: who refused is part of the record on a plain move too, kept in
 * CON's own field. */
static void
test_rule_con_8_move_needs_who_refused (Fixture       *fixture,
                                        gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Audit services");
  gint64 refused = stage_by_key (store, "sales", "refused");
  CrmProcedure *procedure = crm_store_get_procedure (store);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);
  g_hash_table_insert (values, "loss_reason", (char *)crm_procedure_get_loss_reason (procedure, 0)->key);
  g_assert_false (crm_store_move_deal_with_values (store, deal_id, refused, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  g_hash_table_insert (values, "refused_by_name", "Сергей Лебедев");
  g_hash_table_insert (values, "refused_by_position", "Финансовый директор");
  g_assert_true (crm_store_move_deal_with_values (store, deal_id, refused, values, NULL, &error));
  g_assert_no_error (error);

  fields = crm_store_load_field_values (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "refused_by"), ==, "Сергей Лебедев, Финансовый директор");
  name = dup_deal_text (store, "SELECT refused_by_name FROM deals WHERE id = ?1", deal_id);
  g_assert_cmpstr (name, ==, "Сергей Лебедев");
  g_assert_cmpint (count_open_tasks (store, deal_id), ==, 0);
}

/* A won or lost deal leaves its stage only when reopened, with a reason:
 * not by a move, a bulk move, the deal card or a call. Reopening is
 * logged in the audit log and on the timeline, and clears the closing. */
static void
test_reopen_is_deliberate (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Annual licence");
  gint64 meeting = stage_by_key (store, "sales", "meeting");
  gint64 lost = stage_by_key (store, "sales", "lost");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *closed_at = NULL;
  g_autofree char *lifecycle = NULL;
  CrmCallRecord record = { 0 };
  Snapshot before;

  g_assert_true (crm_store_move_deal (store, deal_id, meeting, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_close_lost (store, deal_id, "price", "דנה לוי", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_open_tasks (store, deal_id), ==, 0);
  snapshot_take (store, deal_id, &before);

  g_assert_false (crm_store_move_deal (store, deal_id, meeting, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  g_assert_false (crm_store_move_deals (store, &deal_id, 1, meeting, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  crm_deal_set_stage_id (deal, meeting);
  g_assert_false (crm_store_save_deal (store, deal, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  /* The end of a call that would move it on. */
  record.deal_id = deal_id;
  record.outcome = CRM_CALL_REACHED;
  record.note = "They want to talk again";
  record.next_contact = tomorrow;
  record.move_to_stage_id = meeting;
  g_assert_cmpint (crm_store_log_call (store, &record, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CLOSED);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  g_assert_cmpint (count_of (store, "SELECT count (*) FROM activities WHERE deal_id = ?1", deal_id), ==, 0);

  /* Reopening needs a reason, and only a closed deal is reopened. */
  g_assert_false (crm_store_reopen_deal (store, deal_id, 0, "  ", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);
  g_assert_false (crm_store_reopen_deal (store, deal_id, lost, "Back", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  assert_unchanged (store, deal_id, &before);

  g_assert_true (crm_store_reopen_deal (store, deal_id, 0, "The client called back: budget found", &error));
  g_assert_no_error (error);
  /* Back where it was closed from. */
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "meeting");
  g_assert_cmpint (count_of (store, "SELECT count (*) FROM audit_log WHERE action = 'reopen' AND entity_id = ?1 "
                                    "AND old_value = 'lost' AND new_value = 'The client called back: budget found'",
                             deal_id), ==, 1);
  g_assert_cmpint (count_of (store, "SELECT count (*) FROM activities WHERE deal_id = ?1 AND kind = 'note' "
                                    "AND note LIKE 'Reopened from “Lost”: The client called back%'",
                             deal_id), ==, 1);
  reason = dup_deal_text (store, "SELECT loss_reason FROM deals WHERE id = ?1", deal_id);
  closed_at = dup_deal_text (store, "SELECT closed_at FROM deals WHERE id = ?1", deal_id);
  lifecycle = dup_deal_text (store, "SELECT c.lifecycle FROM deals d JOIN contacts c ON c.id = d.contact_id "
                                    "WHERE d.id = ?1", deal_id);
  g_assert_null (reason);
  g_assert_null (closed_at);
  g_assert_cmpstr (lifecycle, ==, "opportunity");
  /* Meeting's task again: the deal has work (RAD-5). */
  g_assert_cmpint (count_open_tasks (store, deal_id), ==, 1);

  /* Open again: reopening it once more is refused, closing asks again. */
  g_assert_false (crm_store_reopen_deal (store, deal_id, 0, "Again", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_clear_error (&error);
  g_assert_false (crm_store_move_deal (store, deal_id, lost, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "meeting");
}

/* The first stage of a pipeline other than @stage_id's. */
static gint64
other_pipeline_stage (CrmStore *store,
                      gint64    stage_id)
{
  GListModel *pipelines = crm_store_get_pipelines (store);
  gint64 pipeline_id = crm_stage_get_pipeline_id (crm_store_find_stage (store, stage_id));

  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);
      g_autoptr(GListModel) stages = NULL;
      g_autoptr(CrmStage) first = NULL;

      if (crm_pipeline_get_id (pipeline) == pipeline_id)
        continue;

      stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
      first = g_list_model_get_item (stages, 0);
      g_assert_nonnull (first);
      return crm_stage_get_id (first);
    }

  g_assert_not_reached ();
}

/* AXL-9: a refused move says what it found, so the board's form and the
 * command line ask for it without running the rules a second time: the
 * keys are those crm_store_list_missing_fields() names, the values the
 * move brings are not among them, and nothing changed. A move that is not
 * refused for missing fields carries no keys. */
static void
test_rule_axl_9_refusal_carries_missing (Fixture       *fixture,
                                         gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  gint64 deal_id = new_deal (store, "Landing page");
  gint64 launched = stage_by_key (store, "sales", "launched");
  gint64 taken = stage_by_key (store, "sales", "taken_into_work");
  g_autoptr(GHashTable) some = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) none = NULL;
  Snapshot before;

  snapshot_take (store, deal_id, &before);
  g_hash_table_insert (some, "platform", "tilda");
  listed = crm_store_list_missing_fields (store, deal_id, launched, some, &error);
  g_assert_no_error (error);

  g_assert_false (crm_store_move_deal_full (store, deal_id, launched, some, NULL, &missing, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  g_assert_cmpstrv (missing, listed);
  g_assert_cmpstrv (missing, ((const char *[]) { "niche", "source", "amount", "contract_link", NULL }));
  assert_unchanged (store, deal_id, &before);

  /* Into a stage of another pipeline: refused, but not for fields. */
  g_assert_false (crm_store_move_deal_full (store, deal_id, other_pipeline_stage (store, launched),
                                            NULL, NULL, &none, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_UNKNOWN_STAGE);
  g_clear_error (&error);
  g_assert_null (none);
  assert_unchanged (store, deal_id, &before);

  g_hash_table_remove_all (some);
  g_hash_table_insert (some, "platform", "tilda");
  g_assert_true (crm_store_move_deal_full (store, deal_id, taken, some, NULL, &none, &error));
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpstr (stage_key_of (store, deal_id), ==, "taken_into_work");
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/stage-rules"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, crm_test_clocked_fixture_set_up, func, \
              crm_test_clocked_fixture_tear_down)

  ADD ("/model/stage-rules/rule-axl-9/skip-to-launched", "axl", test_rule_axl_9_skip_to_launched);
  ADD ("/model/stage-rules/rule-axl-9/refusal-carries-missing", "axl", test_rule_axl_9_refusal_carries_missing);
  ADD ("/model/stage-rules/rule-rad-10/skip-to-order-paid", "rad", test_rule_rad_10_skip_to_order_paid);
  ADD ("/model/stage-rules/rule-tw-6/new-lead-to-won", "tw", test_rule_tw_6_new_lead_to_won);
  ADD ("/model/stage-rules/move-back-asks-nothing", "axl", test_move_back_asks_nothing);
  ADD ("/model/stage-rules/closing/rule-axl-10/move-to-refused", "axl", test_rule_axl_10_move_to_refused);
  ADD ("/model/stage-rules/closing/rule-con-8/move-needs-who-refused", "con", test_rule_con_8_move_needs_who_refused);
  ADD ("/model/stage-rules/closing/rule-hs-10/reopen-is-deliberate", "hs", test_reopen_is_deliberate);

  return g_test_run ();
}
