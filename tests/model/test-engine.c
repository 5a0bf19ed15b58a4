/* test-engine.c
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

/* The procedure engine, rule by rule, on a clock the test moves. */

#include "config.h"

#include "crm-activity.h"
#include "crm-agenda-item.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-task.h"
#include "crm-user.h"

#include "../crm-test-common.h"

#define HOUR G_TIME_SPAN_HOUR
#define DAY  G_TIME_SPAN_DAY

typedef struct
{
  char         *dir;
  char         *path;
  CrmStore     *store;
  CrmTestClock  clock;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  procedure_id)
{
  fixture->dir = crm_test_make_dir ("deals-test-engine-XXXXXX");
  fixture->path = crm_test_store_path (fixture->dir);
  crm_test_clock_set (&fixture->clock, "2026-03-02T09:00:00Z");
  fixture->store = crm_test_store_new (fixture->path, NULL);
  crm_store_set_clock (fixture->store, crm_test_clock_now, &fixture->clock);
  crm_test_install_procedure (fixture->store, procedure_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  crm_test_store_path_release (fixture->path);
  g_assert_true (crm_test_remove_dir (fixture->dir));
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  crm_test_clock_clear (&fixture->clock);
}

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

/* A deal with a contact that has a name, a mobile and an email, in the
 * first stage of the first pipeline. */
static gint64
new_deal (CrmStore   *store,
          const char *title,
          const char *source)
{
  static const char * const il_phones[] = { "050-123-4567", NULL };
  static const char * const ru_phones[] = { "8 (916) 123-45-67", NULL };
  static const char * const emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  gboolean russian = g_strcmp0 (crm_procedure_get_country (crm_store_get_procedure (store)), "RU") == 0;

  crm_deal_set_title (deal, title);
  crm_deal_set_source (deal, source);
  crm_contact_set_name (contact, russian ? "Анна Смирнова" : "דנה לוי");
  crm_contact_set_position (contact, russian ? "Директор" : "מנכ״לית");
  crm_contact_set_phones (contact, russian ? ru_phones : il_phones);
  crm_contact_set_emails (contact, emails);

  g_assert_true (crm_store_save_deal (store, deal, contact, NULL, NULL, &error));
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static guint
count_rows (CrmStore   *store,
            const char *sql)
{
  return (guint)crm_test_query_int (store, sql);
}

static CrmTask *
only_open_task (CrmStore *store,
                gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = crm_store_get_open_tasks (store, deal_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);

  return g_list_model_get_item (tasks, 0);
}

static void
assert_due_in (CrmTask      *task,
               CrmTestClock *clock,
               GTimeSpan     span)
{
  g_assert_cmpint (g_date_time_difference (crm_task_get_due_at (task), clock->now), ==, span);
}

/* AXL-9: Taken into work requires the platform; entering it gives the rep
 * "Contact the client – qualify", due in 30 minutes, and web-form leads a
 * welcome email. */
static void
test_rule_axl_9_taken_into_work (Fixture       *fixture,
                                 gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 taken = stage_by_key (store, "sales", "taken_into_work");
  gint64 web = new_deal (store, "Landing page", "website");
  gint64 phoned = new_deal (store, "Online shop", "missed_call");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(CrmTask) task = NULL;

  missing = crm_store_list_missing_fields (store, web, taken, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { "platform", NULL }));

  g_assert_false (crm_store_move_deal (store, web, taken, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_assert_nonnull (strstr (error->message, "Platform"));
  g_clear_error (&error);
  g_assert_cmpstr (stage_key_of (store, web), ==, "new_request");

  /* A value that is not one of the platforms stores nothing. */
  g_hash_table_insert (values, "platform", "a typewriter");
  g_assert_false (crm_store_move_deal_with_values (store, web, taken, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpstr (stage_key_of (store, web), ==, "new_request");

  g_hash_table_insert (values, "platform", "tilda");
  g_assert_true (crm_store_move_deal_with_values (store, web, taken, values, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_key_of (store, web), ==, "taken_into_work");

  task = only_open_task (store, web);
  assert_due_in (task, &fixture->clock, 30 * G_TIME_SPAN_MINUTE);
  g_assert_cmpstr (crm_task_get_rule (task), ==, "AXL-9");
  g_assert_cmpuint (crm_store_count_queued_emails (store, web, "welcome"), ==, 1);
  {
    g_auto(GStrv) queued = crm_store_list_queued_emails (store, web);

    g_assert_cmpstrv (queued, ((const char *[]) { "welcome", NULL }));
    g_assert_cmpstr (crm_email_template_get_label ("welcome"), !=, "welcome");
  }

  /* Only web-form leads are welcomed. */
  g_assert_true (crm_store_move_deal_with_values (store, phoned, taken, values, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_queued_emails (store, phoned, "welcome"), ==, 0);
}

/* AXL-9: Qualified requires Niche and Source; "Send proposal" in 4 hours. */
static void
test_rule_axl_9_qualified (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Corporate site", NULL);
  gint64 qualified = stage_by_key (store, "sales", "qualified");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(GListModel) tasks = NULL;
  CrmTask *task;

  /* From New request, Taken into work's Platform is skipped too. */
  missing = crm_store_list_missing_fields (store, deal, qualified, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char *[]) { "platform", "niche", "source", NULL }));

  g_hash_table_insert (values, "platform", "wordpress");
  g_hash_table_insert (values, "niche", "Dentists");
  g_assert_false (crm_store_move_deal_with_values (store, deal, qualified, values, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);

  g_hash_table_insert (values, "source", "website");
  g_assert_true (crm_store_move_deal_with_values (store, deal, qualified, values, NULL, &error));
  g_assert_no_error (error);

  tasks = crm_store_get_open_tasks (store, deal, &error);
  g_assert_no_error (error);
  task = g_list_model_get_item (tasks, 0);
  assert_due_in (task, &fixture->clock, 4 * HOUR);
  g_object_unref (task);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM deal_field_values v JOIN field_defs f "
                                       "ON f.id = v.field_id WHERE f.key = 'niche' AND v.value = 'Dentists'"), ==, 1);
}

/* AXL-8: entering Launched passes the deal on to the Production pipeline. */
static void
test_rule_axl_8_launched_moves_to_production (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Web shop", "website");
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) loaded = NULL;

  /* Everything the stages on the way ask for (AXL-9). */
  g_hash_table_insert (values, "platform", "tilda");
  g_hash_table_insert (values, "niche", "Dentists");
  g_hash_table_insert (values, "amount", "120000");
  g_hash_table_insert (values, "contract_link", "https://example.com/contract");
  g_assert_true (crm_store_move_deal_with_values (store, deal, stage_by_key (store, "sales", "launched"),
                                                  values, NULL, &error));
  g_assert_no_error (error);

  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_pipeline_id (loaded), ==,
                   crm_pipeline_get_id (crm_store_find_pipeline (store, "production")));
  g_assert_cmpstr (stage_key_of (store, deal), ==, "kickoff");
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'move' "
                                       "AND new_value = 'kickoff'"), ==, 1);
}

/* AXL-1: no answer → +1 hour; again → +1 day; next day two more an hour
 * apart; then the deal closes as "could not reach". AXL-3: "Can't reach
 * you" after the first failed call. */
static void
test_rule_axl_1_ladder (Fixture       *fixture,
                        gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Missed call", "missed_call");
  static const GTimeSpan delays[] = { HOUR, DAY, HOUR };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) loaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      g_autoptr(GDateTime) next = NULL;
      g_autoptr(CrmTask) task = NULL;

      g_assert_cmpint (crm_store_record_no_answer (store, deal, &next, &error), ==, CRM_LADDER_RESCHEDULED);
      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_difference (next, fixture->clock.now), ==, delays[i]);

      task = only_open_task (store, deal);
      assert_due_in (task, &fixture->clock, delays[i]);
      if (i == 0)
        g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "cant_reach"), ==, 1);

      crm_test_clock_advance (&fixture->clock, delays[i]);
    }

  g_assert_cmpuint (crm_store_count_attempts (store, deal), ==, 3);
  g_assert_cmpint (crm_store_record_no_answer (store, deal, NULL, &error), ==, CRM_LADDER_CLOSED);
  g_assert_no_error (error);

  /* Closed through the lost stage's rules (AXL-10). */
  g_assert_cmpstr (stage_key_of (store, deal), ==, "refused");
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM deals WHERE loss_reason = 'could_not_reach'"), ==, 1);
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "request_closed"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks t JOIN users u ON u.id = t.owner_id "
                                       "WHERE t.closed_at IS NULL AND t.rule = 'AXL-10' AND u.role = 'manager'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE outcome = 'failed' AND result IS NOT NULL"), ==, 3);
  loaded = crm_store_load_deal (store, deal, &error);
  g_assert_no_error (error);
}

/* TW-1: three attempts on the day, the fourth from a blocked number, then
 * the "please get in touch" email. */
static void
test_rule_tw_1_ladder (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Hot lead", NULL);
  g_autoptr(GError) error = NULL;
  GDateTime *start = g_date_time_ref (fixture->clock.now);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) next = NULL;
      g_autoptr(CrmTask) task = NULL;

      g_assert_cmpint (crm_store_record_no_answer (store, deal, &next, &error), ==, CRM_LADDER_RESCHEDULED);
      g_assert_no_error (error);
      task = only_open_task (store, deal);
      if (i == 2)
        g_assert_nonnull (strstr (crm_task_get_title (task), "blocked"));
      else
        g_assert_null (strstr (crm_task_get_title (task), "blocked"));

      crm_test_clock_advance (&fixture->clock, g_date_time_difference (next, fixture->clock.now));
    }

  /* All four attempts fell on the day the lead came in. */
  g_assert_cmpint (g_date_time_get_day_of_year (fixture->clock.now), ==, g_date_time_get_day_of_year (start));
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "please_get_in_touch"), ==, 0);

  g_assert_cmpint (crm_store_record_no_answer (store, deal, NULL, &error), ==, CRM_LADDER_FINISHED);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_queued_emails (store, deal, "please_get_in_touch"), ==, 1);
  g_assert_cmpuint (crm_store_count_attempts (store, deal), ==, 4);
  g_date_time_unref (start);
}

/* AXL-1: a call logged as busy is an attempt of the ladder too, so the No
 * Answer button carries on from it instead of counting twice. */
static void
test_rule_axl_1_logged_busy_call_is_an_attempt (Fixture       *fixture,
                                                gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Busy line", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(CrmTask) task = NULL;

  g_assert_cmpint (crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_BUSY, 10, "Busy", &error), >, 0);
  g_assert_no_error (error);
  task = only_open_task (store, deal);
  assert_due_in (task, &fixture->clock, HOUR);
  g_assert_cmpuint (crm_store_count_attempts (store, deal), ==, 1);

  crm_test_clock_advance (&fixture->clock, HOUR);
  g_assert_cmpint (crm_store_record_no_answer (store, deal, &next, &error), ==, CRM_LADDER_RESCHEDULED);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_difference (next, fixture->clock.now), ==, DAY);
}

/* AXL-10: a "no answer" closing needs three attempts. */
static void
test_rule_axl_10_three_attempts (Fixture       *fixture,
                                 gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Silent lead", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_NO_ANSWER, 0, NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_false (crm_store_close_lost (store, deal, "no_response", "Олег", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_clear_error (&error);
  g_assert_cmpstr (stage_key_of (store, deal), ==, "new_request");

  /* Other reasons are not held back. */
  g_assert_true (crm_store_close_lost (store, deal, "price", "Олег", "Директор", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_key_of (store, deal), ==, "refused");
}

/* AXL-10: not closed before three weeks since the last contact: refused at
 * two weeks, allowed at three. */
static void
test_rule_axl_10_three_weeks (Fixture       *fixture,
                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Went quiet", NULL);
  g_autoptr(GError) error = NULL;

  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 300, "Asked for a quote", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      crm_test_clock_advance (&fixture->clock, DAY);
      crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_NO_ANSWER, 0, NULL, &error);
      g_assert_no_error (error);
    }

  crm_test_clock_set (&fixture->clock, "2026-03-16T09:00:00Z");
  g_assert_false (crm_store_close_lost (store, deal, "no_response", "Олег", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_REFUSAL);
  g_clear_error (&error);

  crm_test_clock_set (&fixture->clock, "2026-03-23T09:00:00Z");
  g_assert_true (crm_store_close_lost (store, deal, "no_response", "Олег", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM deals WHERE refused_by_name = 'Олег' "
                                       "AND closed_at = '2026-03-23T09:00:00Z'"), ==, 1);
}

/* AXL-10: a deal silent for eight weeks must be closed. */
static void
test_rule_axl_10_must_close (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Forgotten", NULL);
  g_autoptr(GError) error = NULL;

  crm_store_log_activity (store, deal, CRM_ACTIVITY_EMAIL, CRM_CALL_NONE, 0, "Sent the proposal", &error);
  g_assert_no_error (error);

  crm_test_clock_advance (&fixture->clock, 7 * 7 * DAY);
  g_assert_false (crm_store_deal_must_close (store, deal));
  crm_test_clock_advance (&fixture->clock, 7 * DAY);
  g_assert_true (crm_store_deal_must_close (store, deal));
}

/* HS-10: lost needs a loss reason; HS-4: the contact becomes "other", and
 * a won deal makes it a customer. */
static void
test_rule_hs_10_and_hs_4 (Fixture       *fixture,
                          gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 lost = new_deal (store, "Lost one", NULL);
  gint64 won = new_deal (store, "Won one", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'opportunity'"), ==, 2);

  g_assert_false (crm_store_close_lost (store, lost, NULL, "דני", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  g_assert_false (crm_store_close_lost (store, lost, "price", NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  g_assert_false (crm_store_move_deal (store, lost, stage_by_key (store, "sales", "lost"), NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);

  g_assert_true (crm_store_close_lost (store, lost, "price", "דני כהן", "רכש", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stage_key_of (store, lost), ==, "lost");

  g_assert_true (crm_store_move_deal (store, won, stage_by_key (store, "sales", "won"), NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'other'"), ==, 1);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM contacts WHERE lifecycle = 'customer'"), ==, 1);
}

/* CON-8: the refusal records who refused, in CON's own field too. */
static void
test_rule_con_8_who_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Audit services", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_close_lost (store, deal, crm_procedure_get_loss_reason (crm_store_get_procedure (store), 0)->key,
                                       "Сергей Лебедев", "Финансовый директор", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM deal_field_values v JOIN field_defs f ON f.id = v.field_id "
                                       "WHERE f.key = 'refused_by' AND v.value = 'Сергей Лебедев, Финансовый директор'"), ==, 1);
}

/* RAD-7: a task is closed only with a written result; a failed one needs
 * its follow-up. RAD-6: the day's load. */
static void
test_rule_rad_7_task_results (Fixture       *fixture,
                              gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Radiators for a school", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmTask) task = only_open_task (store, deal);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->clock.now, 1);
  gint64 owner = crm_task_get_owner_id (task);

  g_assert_cmpint (owner, >, 0);
  g_assert_false (crm_store_close_task (store, crm_task_get_id (task), TRUE, "  ", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_clear_error (&error);
  g_assert_false (crm_store_close_task (store, crm_task_get_id (task), FALSE, "Не дозвонился", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_TASK);
  g_clear_error (&error);

  g_assert_cmpuint (crm_store_count_tasks_due_on (store, owner, tomorrow), ==, 1);
  g_assert_true (crm_store_close_task (store, crm_task_get_id (task), FALSE, "Не дозвонился",
                                       "Перезвонить", tomorrow, &error));
  g_assert_no_error (error);
  /* The failed task's day is one task lighter, the follow-up's one heavier. */
  g_clear_object (&task);
  task = only_open_task (store, deal);
  g_assert_cmpstr (crm_task_get_title (task), ==, "Перезвонить");
  g_assert_cmpuint (crm_store_count_tasks_due_on (store, owner, tomorrow), ==, 1);

  g_assert_false (crm_store_close_task (store, 999, TRUE, "x", NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

/* RAD-4: the head of sales sets quotas, a rep cannot, and the header
 * counts today's outgoing contacts. */
static void
test_rule_rad_4_quota (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Pool pump", NULL);
  g_autoptr(GError) error = NULL;
  gint64 manager = crm_user_get_id (crm_store_get_current_user (store));
  gint64 rep = crm_store_add_user (store, "Игорь Петров", CRM_ROLE_REP, &error);

  g_assert_no_error (error);
  g_assert_true (crm_store_set_quota (store, rep, 40, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_quota (store, rep), ==, 40);

  _crm_store_set_current_user (store, rep);
  g_assert_false (crm_store_set_quota (store, rep, 5, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpuint (crm_store_get_quota (store, rep), ==, 40);

  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 120, NULL, &error);
  crm_store_log_activity (store, deal, CRM_ACTIVITY_EMAIL, CRM_CALL_NONE, 0, "Прайс", &error);
  crm_store_log_activity (store, deal, CRM_ACTIVITY_NOTE, CRM_CALL_NONE, 0, "Думает", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_outgoing_today (store, rep), ==, 2);
  g_assert_cmpuint (crm_store_count_outgoing_today (store, manager), ==, 0);

  crm_test_clock_advance (&fixture->clock, DAY);
  g_assert_cmpuint (crm_store_count_outgoing_today (store, rep), ==, 0);
}

/* CON-1, HS-7: activities are logged on the contact and shown on each of
 * its deals, newest first, with who did them. */
static void
test_rule_hs_7_timeline (Fixture       *fixture,
                         gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 deal = new_deal (store, "Annual licence", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(CrmActivity) newest = NULL;

  g_assert_cmpint (crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_NONE, 0, NULL, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  crm_store_log_activity (store, deal, CRM_ACTIVITY_CALL, CRM_CALL_REACHED, 420, "Needs the agreements module", &error);
  crm_test_clock_advance (&fixture->clock, HOUR);
  crm_store_log_activity (store, deal, CRM_ACTIVITY_TRAINING, CRM_CALL_NONE, 3600, "Trained two HR clerks", &error);
  g_assert_no_error (error);

  timeline = crm_store_get_timeline (store, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, 2);
  newest = g_list_model_get_item (timeline, 0);
  g_assert_cmpint (crm_activity_get_kind (newest), ==, CRM_ACTIVITY_TRAINING);
  g_assert_nonnull (crm_activity_get_user_name (newest));
  g_assert_true (g_date_time_equal (crm_activity_get_at (newest), fixture->clock.now));
}

/* HS-5 and RAD-5: the Today agenda, overdue first, deals without a task at
 * the end, each part by last activity then next activity. */
static void
test_rule_hs_5_agenda (Fixture       *fixture,
                       gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 owner = crm_user_get_id (crm_store_get_current_user (store));
  gint64 a = new_deal (store, "Overdue one", NULL);
  gint64 b = new_deal (store, "Today one", NULL);
  gint64 c = new_deal (store, "No task", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_hours (fixture->clock.now, 2);
  g_autoptr(CrmTask) task_c = only_open_task (store, c);
  g_autoptr(CrmTask) task_a = only_open_task (store, a);
  g_autoptr(CrmTask) task_b = only_open_task (store, b);
  g_autoptr(CrmAgendaItem) first = NULL;
  g_autoptr(CrmAgendaItem) last = NULL;

  /* HS's first stage gives each deal a task due in a day. */
  g_assert_true (crm_store_close_task (store, crm_task_get_id (task_c), TRUE, "Done", NULL, NULL, &error));
  g_assert_true (crm_store_close_task (store, crm_task_get_id (task_b), TRUE, "Done", NULL, NULL, &error));
  g_assert_no_error (error);
  crm_store_add_task (store, b, "Call back", later, owner, &error);
  g_assert_no_error (error);

  crm_test_clock_advance (&fixture->clock, DAY + HOUR);
  agenda = crm_store_get_agenda (store, owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 3);

  first = g_list_model_get_item (agenda, 0);
  last = g_list_model_get_item (agenda, 2);
  g_assert_cmpint (crm_agenda_item_get_section (last), ==, CRM_AGENDA_NO_TASK);
  g_assert_cmpint (crm_agenda_item_get_deal_id (last), ==, c);
  g_assert_cmpint (crm_agenda_item_get_section (first), ==, CRM_AGENDA_OVERDUE);
  (void)task_a;
}

/* A bulk move meets the same rules: a bulk "mark lost" without a loss
 * reason is refused and moves nothing (HS-10); a valid one moves all. */
static void
test_bulk_move_same_rules (Fixture       *fixture,
                           gconstpointer  data)
{
  CrmStore *store = fixture->store;
  gint64 ids[3];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = new_deal (store, "Bulk", NULL);

  g_assert_false (crm_store_move_deals (store, ids, G_N_ELEMENTS (ids), stage_by_key (store, "sales", "lost"), &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (stage_key_of (store, ids[i]), ==, "phone");

  g_assert_true (crm_store_move_deals (store, ids, G_N_ELEMENTS (ids), stage_by_key (store, "sales", "meeting"), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (stage_key_of (store, ids[i]), ==, "meeting");
  /* Each got Meeting's task as well as Phone's. */
  g_assert_cmpuint (count_rows (store, "SELECT count(*) FROM tasks WHERE closed_at IS NULL"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/model/engine"))
    return g_test_run ();

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, fixture_set_up, func, fixture_tear_down)

  ADD ("/model/engine/rule-axl-9-taken-into-work", "axl", test_rule_axl_9_taken_into_work);
  ADD ("/model/engine/rule-axl-9-qualified", "axl", test_rule_axl_9_qualified);
  ADD ("/model/engine/rule-axl-8-launched-moves-to-production", "axl", test_rule_axl_8_launched_moves_to_production);
  ADD ("/model/engine/rule-axl-1-ladder", "axl", test_rule_axl_1_ladder);
  ADD ("/model/engine/rule-tw-1-ladder", "tw", test_rule_tw_1_ladder);
  ADD ("/model/engine/rule-axl-1-logged-busy-call-is-an-attempt", "axl", test_rule_axl_1_logged_busy_call_is_an_attempt);
  ADD ("/model/engine/rule-axl-10-three-attempts", "axl", test_rule_axl_10_three_attempts);
  ADD ("/model/engine/rule-axl-10-three-weeks", "axl", test_rule_axl_10_three_weeks);
  ADD ("/model/engine/rule-axl-10-must-close-after-8-weeks", "axl", test_rule_axl_10_must_close);
  ADD ("/model/engine/rule-hs-10-loss-reason-and-hs-4-lifecycle", "hs", test_rule_hs_10_and_hs_4);
  ADD ("/model/engine/rule-con-8-who-refused", "con", test_rule_con_8_who_refused);
  ADD ("/model/engine/rule-rad-7-task-results", "rad", test_rule_rad_7_task_results);
  ADD ("/model/engine/rule-rad-4-quota", "rad", test_rule_rad_4_quota);
  ADD ("/model/engine/rule-hs-7-timeline", "tw", test_rule_hs_7_timeline);
  ADD ("/model/engine/rule-hs-5-agenda", "hs", test_rule_hs_5_agenda);
  ADD ("/model/engine/rule-hs-10-bulk-move-same-rules", "hs", test_bulk_move_same_rules);

  return g_test_run ();
}
