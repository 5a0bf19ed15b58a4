/* crm-store.h
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

#include "crm-product.h"
#include "crm-quote.h"
#include "crm-quote-template.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_STORE_ERROR (crm_store_error_quark ())

/**
 * CrmStoreError:
 * @CRM_STORE_ERROR_NOT_DEALS: the file is an SQLite database of another program
 * @CRM_STORE_ERROR_TOO_NEW: the file was written by a newer Deals
 * @CRM_STORE_ERROR_PROCEDURE: the procedure is missing or does not match the file
 * @CRM_STORE_ERROR_NOT_FOUND: no such deal, contact, company or stage
 * @CRM_STORE_ERROR_UNKNOWN_STAGE: the stage is not one of the deal's pipeline
 * @CRM_STORE_ERROR_INVALID_TITLE: a deal title is empty
 * @CRM_STORE_ERROR_INVALID_PHONE: a phone number is malformed
 * @CRM_STORE_ERROR_INVALID_EMAIL: an email address is malformed
 * @CRM_STORE_ERROR_INVALID_NAME: a contact or company name is missing
 * @CRM_STORE_ERROR_INVALID_FIELD: a custom field value does not fit its type
 * @CRM_STORE_ERROR_INVALID_AMOUNT: the amount is negative or the currency unknown
 * @CRM_STORE_ERROR_MISSING_FIELDS: the stage's rules require fields the deal
 *   lacks; crm_store_list_missing_fields() names them
 * @CRM_STORE_ERROR_PERMISSION: the current user may not do this
 * @CRM_STORE_ERROR_TASK: a task cannot be closed so
 * @CRM_STORE_ERROR_REFUSAL: the procedure's closing rules refuse (AXL-10)
 * @CRM_STORE_ERROR_CLOSED: the deal is won or lost; only
 *   crm_store_reopen_deal() moves it
 * @CRM_STORE_ERROR_NEEDS_APPROVAL: the value (a payment term, TW-6) needs
 *   the sales manager's approval first
 * @CRM_STORE_ERROR_NOT_OWNER: the file belongs to another account on this
 *   computer; it is open read-only
 * @CRM_STORE_ERROR_LAST_MANAGER: the change would leave the department
 *   with no manager
 * @CRM_STORE_ERROR_CONFLICT: someone else saved the deal, its contact or
 *   its company after it was read; nothing was written
 * @CRM_STORE_ERROR_NO_PERSON: the server's login role is nobody of the
 *   department; it is open read-only
 * @CRM_STORE_ERROR_OLD_SCHEMA: the server's database has an older schema,
 *   and only its owner may upgrade it
 */
typedef enum
{
  CRM_STORE_ERROR_NOT_DEALS,
  CRM_STORE_ERROR_TOO_NEW,
  CRM_STORE_ERROR_PROCEDURE,
  CRM_STORE_ERROR_NOT_FOUND,
  CRM_STORE_ERROR_UNKNOWN_STAGE,
  CRM_STORE_ERROR_INVALID_TITLE,
  CRM_STORE_ERROR_INVALID_PHONE,
  CRM_STORE_ERROR_INVALID_EMAIL,
  CRM_STORE_ERROR_INVALID_NAME,
  CRM_STORE_ERROR_INVALID_FIELD,
  CRM_STORE_ERROR_INVALID_AMOUNT,
  CRM_STORE_ERROR_MISSING_FIELDS,
  CRM_STORE_ERROR_PERMISSION,
  CRM_STORE_ERROR_TASK,
  CRM_STORE_ERROR_REFUSAL,
  CRM_STORE_ERROR_CLOSED,
  CRM_STORE_ERROR_NEEDS_APPROVAL,
  CRM_STORE_ERROR_NOT_OWNER,
  CRM_STORE_ERROR_LAST_MANAGER,
  CRM_STORE_ERROR_CONFLICT,
  CRM_STORE_ERROR_NO_PERSON,
  CRM_STORE_ERROR_OLD_SCHEMA,
} CrmStoreError;

/**
 * CrmActivityKind:
 * The kinds of activity logged on a contact and shown on its deals
 * (CON-1, HS-7, TW-7).
 */
typedef enum
{
  CRM_ACTIVITY_CALL,
  CRM_ACTIVITY_MEETING,
  CRM_ACTIVITY_EMAIL,
  CRM_ACTIVITY_DOCUMENT,
  CRM_ACTIVITY_NOTE,
  CRM_ACTIVITY_TRAINING,
} CrmActivityKind;

/**
 * CrmCallOutcome:
 * How a call went; only calls have one.
 */
typedef enum
{
  CRM_CALL_NONE,
  CRM_CALL_REACHED,
  CRM_CALL_NO_ANSWER,
  CRM_CALL_BUSY,
  CRM_CALL_WRONG_NUMBER,
  CRM_CALL_CALL_BACK,
} CrmCallOutcome;

/**
 * CrmLadderAction:
 * @CRM_LADDER_NONE: nothing; an error was set
 * @CRM_LADDER_RESCHEDULED: a task for the next attempt was created
 * @CRM_LADDER_CLOSED: the ladder ended in closing the deal (AXL-1)
 * @CRM_LADDER_FINISHED: no attempt is left (TW-1 ends with an email)
 *
 * What the attempt ladder did after a failed attempt (TW-1, AXL-1).
 */
typedef enum
{
  CRM_LADDER_NONE,
  CRM_LADDER_RESCHEDULED,
  CRM_LADDER_CLOSED,
  CRM_LADDER_FINISHED,
} CrmLadderAction;

/**
 * CrmCallRecord:
 * @deal_id: the deal called about
 * @script_key: (nullable): the call script followed
 * @outcome: how the call went; not %CRM_CALL_NONE
 * @duration: the length of the call in seconds
 * @stages: (nullable) (array zero-terminated=1): keys of the stages gone through, in order
 * @note: (nullable): the result note; required for reached calls and call-backs
 * @next_contact: (nullable): TW-4, when to contact the customer next; becomes a task
 * @close_task_id: 0, or an open task of the deal that this call completes
 * @summary_answers: (nullable): "question: answer" lines for the call summary
 * @move_to_stage_id: 0, or the stage a reached call moves the deal into
 *   (through the stage's rules, like any move)
 *
 * What the call-script panel hands the store at the end of a call.
 */
typedef struct
{
  gint64               deal_id;
  const char          *script_key;
  CrmCallOutcome       outcome;
  guint                duration;
  const char * const  *stages;
  const char          *note;
  GDateTime           *next_contact;
  gint64               close_task_id;
  const char          *summary_answers;
  gint64               move_to_stage_id;
} CrmCallRecord;

/**
 * CrmStoreOpenFlags:
 * @CRM_STORE_OPEN_NONE: open an existing Deals database only
 * @CRM_STORE_OPEN_CREATE: a missing file may be created, in an existing folder
 * @CRM_STORE_OPEN_CREATE_FOLDER: with %CRM_STORE_OPEN_CREATE, the missing
 *   folders may be created too (the default location)
 */
typedef enum
{
  CRM_STORE_OPEN_NONE          = 0,
  CRM_STORE_OPEN_CREATE        = 1 << 0,
  CRM_STORE_OPEN_CREATE_FOLDER = 1 << 1,
} CrmStoreOpenFlags;

#define CRM_TYPE_STORE (crm_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

GQuark        crm_store_error_quark          (void);
char         *crm_store_dup_default_path     (void);
CrmStore     *crm_store_open                 (const char    *path,
                                              GError       **error);
CrmStore     *crm_store_open_full            (const char         *path,
                                              CrmStoreOpenFlags   flags,
                                              GError            **error);
const char   *crm_store_get_path             (CrmStore      *self);
gboolean      crm_store_is_team_server       (CrmStore      *self);
gboolean      crm_store_is_online            (CrmStore      *self);
const GError *crm_store_get_offline_error    (CrmStore      *self);
void          crm_store_reconnect            (CrmStore      *self);
guint64       crm_store_get_statement_count  (CrmStore      *self);
guint         crm_store_get_schema_version   (CrmStore      *self);
const GError *crm_store_get_integrity_error  (CrmStore      *self);
void          crm_store_set_clock            (CrmStore      *self,
                                              CrmClockFunc   func,
                                              gpointer       user_data);
GDateTime    *crm_store_now                  (CrmStore      *self);
CrmProcedure *crm_store_get_procedure        (CrmStore      *self);
gboolean      crm_store_install_procedure    (CrmStore      *self,
                                              CrmProcedure  *procedure,
                                              GError       **error);
GListModel   *crm_store_get_pipelines        (CrmStore      *self);
CrmPipeline  *crm_store_find_pipeline        (CrmStore      *self,
                                              const char    *key);
GListModel   *crm_store_get_stages           (CrmStore      *self,
                                              gint64         pipeline_id);
CrmStage     *crm_store_find_stage           (CrmStore      *self,
                                              gint64         stage_id);
CrmStage     *crm_store_find_stage_by_key    (CrmStore      *self,
                                              gint64         pipeline_id,
                                              const char    *key);
GListModel   *crm_store_get_users            (CrmStore      *self);
CrmUser      *crm_store_get_current_user     (CrmStore      *self);
const GError *crm_store_get_owner_error      (CrmStore      *self);
gint64        crm_store_add_user             (CrmStore      *self,
                                              const char    *name,
                                              CrmRole        role,
                                              GError       **error);
gint64        crm_store_add_person           (CrmStore      *self,
                                              const char    *name,
                                              const char    *login,
                                              CrmRole        role,
                                              GError       **error);
gboolean      crm_store_set_user_role        (CrmStore      *self,
                                              gint64         user_id,
                                              CrmRole        role,
                                              GError       **error);
CrmDealList  *crm_store_get_stage_deals      (CrmStore      *self,
                                              gint64         stage_id);
CrmDeal      *crm_store_load_deal            (CrmStore      *self,
                                              gint64         deal_id,
                                              GError       **error);
CrmContact   *crm_store_load_contact         (CrmStore      *self,
                                              gint64         contact_id,
                                              GError       **error);
CrmCompany   *crm_store_load_company         (CrmStore      *self,
                                              gint64         company_id,
                                              GError       **error);
GHashTable   *crm_store_load_field_values    (CrmStore      *self,
                                              gint64         deal_id,
                                              GError       **error);
gboolean      crm_store_check_field_value    (CrmStore      *self,
                                              const char    *key,
                                              const char    *value,
                                              char         **normalized,
                                              GError       **error);
gboolean      crm_store_save_deal            (CrmStore      *self,
                                              CrmDeal       *deal,
                                              CrmContact    *contact,
                                              CrmCompany    *company,
                                              GHashTable    *field_values,
                                              GError       **error);
gboolean      crm_store_move_deal            (CrmStore      *self,
                                              gint64         deal_id,
                                              gint64         stage_id,
                                              gint64        *previous_stage_id,
                                              GError       **error);
gboolean      crm_store_move_deal_with_values (CrmStore     *self,
                                              gint64         deal_id,
                                              gint64         stage_id,
                                              GHashTable    *values,
                                              gint64        *previous_stage_id,
                                              GError       **error);
gboolean      crm_store_move_deal_full       (CrmStore      *self,
                                              gint64         deal_id,
                                              gint64         stage_id,
                                              GHashTable    *values,
                                              gint64        *previous_stage_id,
                                              GStrv         *out_missing,
                                              GError       **error);
gboolean      crm_store_move_deals           (CrmStore      *self,
                                              const gint64  *deal_ids,
                                              guint          n_deals,
                                              gint64         stage_id,
                                              GError       **error);
GStrv         crm_store_list_missing_fields  (CrmStore      *self,
                                              gint64         deal_id,
                                              gint64         stage_id,
                                              GHashTable    *values,
                                              GError       **error);
char         *crm_store_dup_field_label      (CrmStore      *self,
                                              const char    *key);
GListModel   *crm_store_get_open_tasks       (CrmStore      *self,
                                              gint64         deal_id,
                                              GError       **error);
GStrv         crm_store_list_queued_emails   (CrmStore      *self,
                                              gint64         deal_id);
const char   *crm_email_template_get_label   (const char    *key);
guint         crm_store_count_queued_emails  (CrmStore      *self,
                                              gint64         deal_id,
                                              const char    *template_key);
gint64        crm_store_log_activity         (CrmStore      *self,
                                              gint64         deal_id,
                                              CrmActivityKind kind,
                                              CrmCallOutcome outcome,
                                              guint          duration_seconds,
                                              const char    *note,
                                              GError       **error);
GListModel   *crm_store_get_timeline         (CrmStore      *self,
                                              gint64         deal_id,
                                              GError       **error);
gint64        crm_store_add_task             (CrmStore      *self,
                                              gint64         deal_id,
                                              const char    *title,
                                              GDateTime     *due_at,
                                              gint64         owner_id,
                                              GError       **error);
gboolean      crm_store_close_task           (CrmStore      *self,
                                              gint64         task_id,
                                              gboolean       succeeded,
                                              const char    *result,
                                              const char    *follow_up_title,
                                              GDateTime     *follow_up_due,
                                              GError       **error);
guint         crm_store_count_tasks_due_on   (CrmStore      *self,
                                              gint64         owner_id,
                                              GDateTime     *day);
GListModel   *crm_store_get_agenda           (CrmStore      *self,
                                              gint64         owner_id,
                                              GError       **error);
CrmLadderAction crm_store_record_no_answer   (CrmStore      *self,
                                              gint64         deal_id,
                                              GDateTime    **next_attempt,
                                              GError       **error);
guint         crm_store_count_attempts       (CrmStore      *self,
                                              gint64         deal_id);
gboolean      crm_store_close_lost           (CrmStore      *self,
                                              gint64         deal_id,
                                              const char    *loss_reason,
                                              const char    *refused_by_name,
                                              const char    *refused_by_position,
                                              GDateTime     *refused_on,
                                              GError       **error);
gboolean      crm_store_deal_must_close      (CrmStore      *self,
                                              gint64         deal_id);
gboolean      crm_store_reopen_deal          (CrmStore      *self,
                                              gint64         deal_id,
                                              gint64         stage_id,
                                              const char    *reason,
                                              GError       **error);
gboolean      crm_store_set_quota            (CrmStore      *self,
                                              gint64         user_id,
                                              guint          per_day,
                                              GError       **error);
guint         crm_store_get_quota            (CrmStore      *self,
                                              gint64         user_id);
guint         crm_store_count_outgoing_today (CrmStore      *self,
                                              gint64         user_id);
GListModel   *crm_store_search               (CrmStore      *self,
                                              const char    *text,
                                              guint          limit,
                                              GError       **error);
guint         crm_store_count_deals          (CrmStore      *self);
gboolean      crm_store_reload               (CrmStore      *self,
                                              GError       **error);
gint64        crm_store_find_latest_deal     (CrmStore      *self,
                                              const char    *kind,
                                              gint64         id);

char         *crm_store_dup_field_value      (CrmStore      *self,
                                              gint64         deal_id,
                                              const char    *key);
gboolean      crm_store_set_field_value      (CrmStore      *self,
                                              gint64         deal_id,
                                              const char    *key,
                                              const char    *value,
                                              GError       **error);
char         *crm_store_dup_setting          (CrmStore      *self,
                                              const char    *key);
gboolean      crm_store_set_setting          (CrmStore      *self,
                                              const char    *key,
                                              const char    *value,
                                              GError       **error);
gint64        crm_store_add_product          (CrmStore      *self,
                                              const char    *name,
                                              gint64         price,
                                              const char    *currency,
                                              GError       **error);
gboolean      crm_store_set_product_active   (CrmStore      *self,
                                              gint64         product_id,
                                              gboolean       active,
                                              GError       **error);
GListModel   *crm_store_get_products         (CrmStore      *self);
gboolean      crm_store_get_price_floor      (CrmStore      *self,
                                              const char    *currency,
                                              gint64        *out_price);

/* Product masters and quote templates (TW-5). Saving or deleting either is
 * the sales manager's: a rep gets CRM_STORE_ERROR_PERMISSION. */
gint64        crm_store_save_product         (CrmStore      *self,
                                              const CrmProductInfo *info,
                                              GError       **error);
CrmProduct   *crm_store_find_product         (CrmStore      *self,
                                              gint64         product_id);
GListModel   *crm_store_get_quote_templates  (CrmStore      *self);
gint64        crm_store_save_quote_template  (CrmStore      *self,
                                              gint64         template_id,
                                              const char    *name,
                                              const CrmQuoteTemplateLine *lines,
                                              guint          n_lines,
                                              GError       **error);
gboolean      crm_store_delete_quote_template (CrmStore     *self,
                                              gint64         template_id,
                                              GError       **error);

/* Quotes (TW-5, AXL-9, TW-6). See crm-store-quotes.c. */
CrmQuote     *crm_store_create_quote         (CrmStore      *self,
                                              gint64         deal_id,
                                              gint64         template_id,
                                              const char    *language,
                                              GError       **error);
CrmQuote     *crm_store_load_quote           (CrmStore      *self,
                                              gint64         quote_id,
                                              GError       **error);
CrmQuote     *crm_store_find_quote           (CrmStore      *self,
                                              const char    *number,
                                              GError       **error);
GListModel   *crm_store_get_deal_quotes      (CrmStore      *self,
                                              gint64         deal_id);
gboolean      crm_store_save_quote           (CrmStore      *self,
                                              CrmQuote      *quote,
                                              GError       **error);
gboolean      crm_store_send_quote           (CrmStore      *self,
                                              CrmQuote      *quote,
                                              GBytes        *pdf,
                                              const char    *how,
                                              GError       **error);
GBytes       *crm_store_load_quote_pdf       (CrmStore      *self,
                                              gint64         quote_id,
                                              char         **out_sha256,
                                              GError       **error);
char         *crm_store_dup_quote_sha256     (CrmStore      *self,
                                              gint64         quote_id);
CrmQuote     *crm_store_revise_quote         (CrmStore      *self,
                                              gint64         quote_id,
                                              GError       **error);
gboolean      crm_store_set_quote_state      (CrmStore      *self,
                                              gint64         quote_id,
                                              CrmQuoteState  state,
                                              GError       **error);

gboolean      crm_store_deal_had_conversation (CrmStore     *self,
                                              gint64         deal_id);
gboolean      crm_store_save_call_script     (CrmStore      *self,
                                              JsonObject    *call_script,
                                              GError       **error);
gboolean      crm_store_use_shipped_call_script (CrmStore   *self,
                                                 GError    **error);
gboolean      crm_store_call_needs_next_contact (CrmStore   *self,
                                              CrmDeal       *deal,
                                              CrmCallOutcome outcome,
                                              gint64         move_to_stage_id);
gint64        crm_store_log_call             (CrmStore      *self,
                                              const CrmCallRecord *record,
                                              GError       **error);

G_END_DECLS
