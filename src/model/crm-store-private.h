/* crm-store-private.h
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

#include "crm-agenda-item.h"
#include "crm-contact.h"
#include "crm-db.h"
#include "crm-procedure.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The store's state, shared by its parts (crm-store-*.c); nothing outside
 * the model includes this header. */
typedef struct _CrmStoreReader CrmStoreReader;

struct _CrmStore
{
  GObject       parent_instance;

  CrmDb        *db;
  CrmProcedure *procedure;

  CrmClockFunc  clock_func;
  gpointer      clock_data;

  GListStore   *pipelines;   /* CrmPipeline */
  GListStore   *users;       /* CrmUser */
  GHashTable   *stages;      /* id → CrmStage, every stage of every pipeline */
  GHashTable   *lists;       /* stage id → CrmDealList (weak) */
  gint64        current_user_id;
  guint         schema_version;
  GError       *integrity_error;
  GError       *owner_error;  /* the file belongs to another account */

  CrmStoreReader *reader;    /* the worker's connection, made on first use */
  guint         pending_changes;  /* CrmStoreChanged of the transaction under way */

  /* A team server out of reach (crm-store-offline.c). */
  GError       *offline_error;
  guint         reconnect_source;
  guint         reconnect_delay;  /* seconds, doubled up to a bound */
  guint         reconnecting : 1;
};

/* What a write changed besides its deals, noted inside the transaction and
 * announced after the commit, so that a view counts again only what a
 * change touched: a board move between open stages touches neither. */
typedef enum
{
  CRM_STORE_CHANGED_LEADS      = 1 << 0,  /* a contact's lifecycle or classification */
  CRM_STORE_CHANGED_ACTIVITIES = 1 << 1,  /* an activity logged */
} CrmStoreChanged;

void _crm_store_note_change       (CrmStore        *self,
                                   CrmStoreChanged  what);
void _crm_store_announce_changes  (CrmStore        *self);

/* Other sessions' changes on a team server (crm-store-live.c). */
void _crm_store_follow_others     (CrmStore        *self);
void _crm_store_stop_following    (CrmStore        *self);

/* The team server lost and found again (crm-store-offline.c). */
void _crm_store_watch_connection  (CrmStore        *self);
void _crm_store_stop_reconnecting (CrmStore        *self);
void _crm_store_go_offline        (CrmStore        *self,
                                   const GError    *error);
void _crm_store_notify_online     (CrmStore        *self);
void _crm_store_signal_remote_deal_changed (CrmStore *self,
                                            gint64    deal_id);

/* Reads off the main thread (crm-store-reader.c): @func runs on the
 * worker's own read-only connection and fills the job's data. */
typedef gboolean (*CrmReadFunc) (CrmDb    *db,
                                 gpointer  data,
                                 GError  **error);

CrmStoreReader *_crm_store_reader_new    (const char          *path);
void            _crm_store_reader_free   (CrmStoreReader      *reader);
void            _crm_store_reader_reconnect (CrmStoreReader   *reader);
void            _crm_store_read_async    (CrmStore            *self,
                                          CrmReadFunc          func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean        _crm_store_read_finish   (GAsyncResult        *result,
                                          gpointer            *data,
                                          GError             **error);

/* A stage's rows for CrmDealList, read on the worker's connection
 * (crm-store-deals.c). The list's order is most recently touched first,
 * the newer id first on ties; a page starts after (or, @backwards, before)
 * the sort key @key, @key_id, or @skip rows from the top (from the bottom
 * when @backwards) when there is no key. Rows come in list order. */
typedef struct
{
  char   currency[4];
  guint  n_deals;
  gint64 amount;
} CrmStageTotal;

gboolean _crm_store_read_stage_rows    (CrmDb       *db,
                                        gint64       stage_id,
                                        const char  *key,
                                        gint64       key_id,
                                        gboolean     backwards,
                                        guint        skip,
                                        guint        limit,
                                        GPtrArray   *deals,
                                        GPtrArray   *keys,
                                        GError     **error);
gboolean _crm_store_read_stage_totals  (CrmDb       *db,
                                        gint64       stage_id,
                                        GArray      *totals,
                                        GError     **error);
CrmDeal *_crm_store_read_card_row      (CrmStore    *self,
                                        gint64       deal_id,
                                        char       **key);

/* The pipelines part (crm-store-pipelines.c). */
gboolean    _crm_store_install_pipelines (CrmStore     *self,
                                          CrmProcedure *procedure,
                                          GError      **error);
gboolean    _crm_store_install_fields    (CrmStore     *self,
                                          CrmProcedure *procedure,
                                          GError      **error);
gboolean    _crm_store_load_pipelines    (CrmStore     *self,
                                          GError      **error);

/* The driver handle, for the store's parts and for white-box tests; no
 * view, importer or benchmark writes SQL of its own. */
CrmDb      *_crm_store_get_db             (CrmStore    *self);

/* The demo data's bulk writer (crm-store-demo.c), inside the caller's
 * transaction. */
typedef struct
{
  gint64      company_id;
  const char *name;
  const char *position;
  const char *lifecycle;
  const char *phone;
  const char *email_domain;
  const char *created_at;
} CrmDemoContact;

typedef struct
{
  const char *title;
  gint64      contact_id;
  gint64      company_id;
  gint64      pipeline_id;
  gint64      stage_id;
  gint64      amount;
  const char *currency;
  gint64      owner_id;
  const char *source;
  const char *next_step;
  const char *created_at;
  const char *updated_at;
} CrmDemoDeal;

/* The bulk writer's department (crm_demo_populate_bulk()): the lists are
 * JSON arrays of strings, except @stages, the first pipeline's stages in
 * board order as objects {"id", "final", "lifecycle"}, and @reps, user ids. */
typedef struct
{
  guint       n_deals;
  guint       n_companies;
  guint32     seed;
  gint64      pipeline_id;
  gint64      now;              /* Unix time the dates count back from */
  const char *now_text;
  const char *stages;
  const char *reps;
  const char *people;
  const char *companies;
  const char *cities;
  const char *positions;
  const char *subjects;
  const char *next_steps;
  const char *sources;
  const char *phone_prefix;
  const char *email_domain;
  const char *currency;
  const char *other_currency;   /* one deal in twenty is quoted in it */
} CrmDemoBulk;

gint64      _crm_store_demo_add_user         (CrmStore              *self,
                                              const char            *name,
                                              const char            *role,
                                              GError               **error);
gint64      _crm_store_demo_add_company      (CrmStore              *self,
                                              const char            *name,
                                              const char            *city,
                                              const char            *now,
                                              GError               **error);
gint64      _crm_store_demo_add_contact      (CrmStore              *self,
                                              const CrmDemoContact  *contact,
                                              GError               **error);
/* A demo template's line names its product by code. */
typedef struct
{
  const char *variant;
  const char *code;
  gint64      quantity;   /* thousandths */
  guint       discount;   /* basis points */
} CrmDemoTemplateLine;

gboolean    _crm_store_demo_add_product      (CrmStore              *self,
                                              const CrmProductInfo  *info,
                                              const char            *now,
                                              GError               **error);
gboolean    _crm_store_demo_add_template     (CrmStore                   *self,
                                              const char                 *name,
                                              const CrmDemoTemplateLine  *lines,
                                              guint                       n_lines,
                                              const char                 *now,
                                              GError                    **error);
guint       _crm_store_demo_pick_open_deals  (CrmStore              *self,
                                              gint64                *deal_ids,
                                              guint                  n_deals);
gboolean    _crm_store_demo_set_organization (CrmStore              *self,
                                              const char            *name,
                                              GError               **error);
gint64      _crm_store_demo_add_deal         (CrmStore              *self,
                                              const CrmDemoDeal     *deal,
                                              GError               **error);
gboolean    _crm_store_demo_add_task         (CrmStore              *self,
                                              gint64                 deal_id,
                                              const char            *title,
                                              const char            *due_at,
                                              gint64                 owner_id,
                                              const char            *created_at,
                                              GError               **error);

gboolean    _crm_store_demo_add_bulk         (CrmStore              *self,
                                              const CrmDemoBulk     *bulk,
                                              GError               **error);

/* The core's helpers for every part of the store. */
char       *_crm_store_now_text          (CrmStore    *self);
char       *_crm_store_query_text        (CrmStore    *self,
                                          const char  *sql,
                                          gint64       id,
                                          const char  *text);
gboolean    _crm_store_require_manager   (CrmStore    *self,
                                          const char  *message,
                                          GError     **error);

/* Shared with crm-store-rules.c, the procedure engine's half of the store. */
char       *_crm_store_format_timestamp  (GDateTime   *when);
const char *_crm_store_stage_key         (CrmStore    *self,
                                          gint64       stage_id);
const char *_crm_store_get_region        (CrmStore    *self);
gboolean    _crm_store_add_audit         (CrmStore    *self,
                                          const char  *action,
                                          const char  *entity,
                                          gint64       entity_id,
                                          const char  *old_value,
                                          const char  *new_value,
                                          const char  *at,
                                          GError     **error);
void        _crm_store_relocate_in_lists (CrmStore    *self,
                                          gint64       deal_id,
                                          gint64       old_stage_id,
                                          const char  *old_updated_at,
                                          gint64       new_stage_id,
                                          const char  *new_updated_at);
gboolean    _crm_store_write_fields      (CrmStore    *self,
                                          gint64       deal_id,
                                          GHashTable  *fields,
                                          GError     **error);
void        _crm_store_emit_deal_changed (CrmStore    *self,
                                          gint64       deal_id);
void        _crm_store_signal_deal_changed (CrmStore  *self,
                                            gint64     deal_id);
void        _crm_store_emit_quotes_changed (CrmStore  *self,
                                            gint64     deal_id);
gboolean    _crm_store_enter_stage_checked (CrmStore  *self,
                                            gint64     deal_id,
                                            gint64     from_stage_id,
                                            gint64     stage_id,
                                            gboolean   opened,
                                            GDateTime *now,
                                            gint64    *final_stage_id,
                                            GError   **error);

/* Which fields a move asks for (crm-stage-rules.c): a stage's own and
 * those of every stage before it, so a skip skips no rule. */
const char *_crm_store_pipeline_key      (CrmStore            *self,
                                          gint64               pipeline_id);
/* How a move was asked for: the engine's rules differ only for these. */
typedef enum
{
  CRM_MOVE_DEFAULT     = 0,
  CRM_MOVE_FROM_LADDER = 1 << 0,  /* the attempt ladder's closing: nobody refused (AXL-1) */
  CRM_MOVE_REOPEN      = 1 << 1,  /* crm_store_reopen_deal(): out of a won or lost stage */
} CrmMoveFlags;

GPtrArray  *_crm_store_dup_required_keys (CrmStore            *self,
                                          gint64               from_stage_id,
                                          CrmStage            *stage,
                                          CrmMoveFlags         flags);
void        _crm_store_set_missing_error (CrmStore            *self,
                                          CrmStage            *stage,
                                          const char * const  *missing,
                                          GError             **error);

/* A lead's deal inside the lead's transaction (crm-store-leads.c). */
gboolean    _crm_store_insert_deal       (CrmStore    *self,
                                          CrmDeal     *deal,
                                          GDateTime   *now,
                                          GError     **error);
void        _crm_store_announce_new_deal (CrmStore    *self,
                                          CrmDeal     *deal);
/* A sent quote's amount on its deal (AXL-9), through the deal card's save,
 * inside the caller's transaction. */
gboolean    _crm_store_save_deal_amount  (CrmStore    *self,
                                          gint64       deal_id,
                                          gint64       amount,
                                          const char  *currency,
                                          GDateTime   *now,
                                          char       **old_updated_at,
                                          GError     **error);
void        _crm_store_announce_saved_deal (CrmStore   *self,
                                            gint64      deal_id,
                                            const char *old_updated_at,
                                            GDateTime  *now);
/* Sources are the procedure's keys (crm-store-sources.c). */
gboolean    _crm_store_check_source_key  (CrmStore    *self,
                                          const char  *key,
                                          GError     **error);
char       *_crm_store_dup_one_line      (const char  *text);

/* Closing and reopening (crm-store-closing.c), asked by every move. */
const char *_crm_store_who_refused_key   (CrmStore      *self);
gboolean    _crm_store_check_leaving     (CrmStore      *self,
                                          gint64         from_stage_id,
                                          CrmStage      *stage,
                                          CrmMoveFlags   flags,
                                          GError       **error);
gboolean    _crm_store_fill_closing      (CrmStore      *self,
                                          CrmStage      *stage,
                                          GHashTable    *values,
                                          GDateTime     *now,
                                          GError       **error);
GDateTime  *_crm_store_last_contact     (CrmStore      *self,
                                          gint64         deal_id);
gboolean    _crm_store_close_open_tasks  (CrmStore      *self,
                                          gint64         deal_id,
                                          CrmStage      *stage,
                                          const char    *now,
                                          GError       **error);
gboolean    _crm_store_closing_values    (CrmStore      *self,
                                          gint64         deal_id,
                                          const char    *loss_reason,
                                          const char    *refused_by_name,
                                          const char    *refused_by_position,
                                          GDateTime     *refused_on,
                                          gint64        *stage_id,
                                          GHashTable    *values,
                                          GError       **error);

/* The one transaction of every write, and who writes it. */
gboolean    _crm_store_begin             (CrmStore    *self,
                                          GError     **error);
gboolean    _crm_store_commit_or_rollback (CrmStore   *self,
                                           gboolean    ok,
                                           GError    **error);
gint64      _crm_store_current_user_id   (CrmStore    *self);

/* Who signs in (crm-store-users.c). On SQLite the store signs in the
 * file's owner itself, by the account running Deals, when it opens; a
 * file with no owner yet binds one, once, audited. */
gboolean    _crm_store_load_users        (CrmStore    *self,
                                          GError     **error);
gboolean    _crm_store_insert_user       (CrmStore    *self,
                                          const char  *name,
                                          CrmRole      role,
                                          GError     **error);
void        _crm_store_set_no_person_error (GError     **error,
                                            const char  *login,
                                            const char  *database,
                                            gboolean     read_only);
gboolean    _crm_store_require_deal_owner (CrmStore   *self,
                                           gint64      owner_id,
                                           GError    **error);
gboolean    _crm_store_sign_in_owner     (CrmStore    *self,
                                          GError     **error);
void        _crm_store_notify_current_user (CrmStore  *self);

/* The sign-in hook: makes @user_id the current user, with no check and
 * nothing written. Team mode will call it once its own sign-in has said
 * who is working; the tests call it to act as another person. No view
 * may: on SQLite nobody switches identity (see docs/decisions.md). */
void        _crm_store_set_current_user  (CrmStore    *self,
                                          gint64       user_id);

/* One way to check and store a value, shared by the deal card's save
 * (crm-store.c), the engine's moves (crm-store-rules.c) and the call
 * panel's answers (crm-store-calls.c). */
gboolean    _crm_store_normalize_phone   (CrmStore    *self,
                                          const char  *input,
                                          char       **out,
                                          GError     **error);
gboolean    _crm_store_normalize_email   (const char  *input,
                                          char       **out,
                                          GError     **error);
GHashTable *_crm_store_normalize_values  (CrmStore    *self,
                                          GHashTable  *values,
                                          GError     **error);
gboolean    _crm_store_apply_values      (CrmStore    *self,
                                          gint64       deal_id,
                                          GHashTable  *values,
                                          const char  *now,
                                          GError     **error);
/* What a value may be (crm-store-values.c), on every path. */
gboolean    _crm_store_parse_amount      (CrmStore    *self,
                                          const char  *label,
                                          const char  *text,
                                          gint64      *out_minor,
                                          GError     **error);
gboolean    _crm_store_check_number      (CrmStore                 *self,
                                          const CrmProcedureField  *field,
                                          const char               *text,
                                          char                    **out_plain,
                                          GError                  **error);
gboolean    _crm_store_check_payment_values   (CrmStore                 *self,
                                               gint64                    deal_id,
                                               GHashTable               *fields,
                                               GError                  **error);
gboolean    _crm_store_refuse_unapproved_term (CrmStore                 *self,
                                               const CrmProcedureField  *field,
                                               const CrmPaymentTerm     *term,
                                               GError                  **error);
char       *_crm_store_read_meta         (CrmStore    *self,
                                          const char  *key);
gboolean    _crm_store_follow_given_ids  (CrmDb       *db,
                                          const char  *table,
                                          GError     **error);
gboolean    _crm_store_write_meta        (CrmStore    *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);
void        _crm_store_set_procedure     (CrmStore     *self,
                                          CrmProcedure *procedure);

/* The call-script panel's store (crm-store-calls.c), for the running call
 * and the timeline. */
char       *_crm_store_expand            (const char  *text,
                                          GHashTable  *values,
                                          const char  *unknown);

/* A move inside the caller's transaction (crm-store-rules.c): the lists
 * hear of it through _crm_store_announce_moves() once the caller has
 * committed. */
typedef struct
{
  gint64  deal_id;
  gint64  from_stage_id;
  gint64  to_stage_id;
  char   *from_updated_at;
} CrmMoveDone;

void        _crm_move_done_clear           (CrmMoveDone  *done);
gboolean    _crm_store_move_in_transaction (CrmStore     *self,
                                            gint64        deal_id,
                                            gint64        stage_id,
                                            GHashTable   *values,
                                            GDateTime    *now,
                                            CrmMoveFlags  flags,
                                            CrmMoveDone  *done,
                                            GError      **error);
void        _crm_store_announce_moves    (CrmStore    *self,
                                          CrmMoveDone *moves,
                                          guint        n_moves,
                                          GDateTime   *now);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmMoveDone, _crm_move_done_clear)

/* The rep's work (crm-store-work.c), inside the caller's transaction. */
gboolean    _crm_store_insert_activity   (CrmStore        *self,
                                          gint64           deal_id,
                                          CrmActivityKind  kind,
                                          CrmCallOutcome   outcome,
                                          guint            duration,
                                          const char      *note,
                                          const char      *script,
                                          const char      *stages,
                                          const char      *at,
                                          gint64          *activity_id,
                                          GError         **error);
gboolean    _crm_store_insert_task       (CrmStore    *self,
                                          gint64       deal_id,
                                          const char  *title,
                                          const char  *due,
                                          gint64       owner_id,
                                          const char  *rule,
                                          const char  *now,
                                          gint64      *task_id,
                                          GError     **error);
gboolean    _crm_store_finish_task       (CrmStore    *self,
                                          gint64       task_id,
                                          gboolean     succeeded,
                                          const char  *result,
                                          const char  *now,
                                          gint64      *deal_id,
                                          GError     **error);
CrmLadderAction
            _crm_store_walk_ladder       (CrmStore    *self,
                                          gint64       deal_id,
                                          GDateTime   *now,
                                          GDateTime  **next_attempt,
                                          CrmMoveDone *closing,
                                          GError     **error);

/* Quotes (crm-store-quotes.c, crm-store-quote-send.c): what a write reads
 * of the stored quote inside its transaction, and the draft's content. */
typedef struct
{
  gint64            deal_id;
  char             *number;
  guint             revision;
  CrmQuoteState     state;
  CrmQuoteApproval  approval;
  char             *payment_term;
  GDateTime        *created_at;
} CrmQuoteRow;

void             _crm_quote_row_clear        (CrmQuoteRow        *row);
CrmStatement    *_crm_store_query_quote      (CrmStore           *self,
                                              const char         *sql,
                                              gint64              quote_id,
                                              gboolean            document,
                                              GError            **error);
gboolean         _crm_store_read_quote_row   (CrmStore           *self,
                                              gint64              quote_id,
                                              CrmQuoteRow        *row,
                                              GError            **error);
gboolean         _crm_store_require_draft    (const CrmQuoteRow  *row,
                                              GError            **error);
gboolean         _crm_store_write_quote      (CrmStore           *self,
                                              gint64              quote_id,
                                              CrmQuote           *quote,
                                              CrmQuoteApproval    approval,
                                              const char         *now,
                                              GError            **error);
gint64           _crm_store_insert_quote     (CrmStore           *self,
                                              gint64              deal_id,
                                              const char         *number,
                                              guint               revision,
                                              CrmQuote           *quote,
                                              const char         *now,
                                              GError            **error);
char            *_crm_store_quote_valid_until (CrmStore          *self);
gint64           _crm_store_quote_stored_id  (CrmQuote           *quote,
                                              GError            **error);
gboolean         _crm_store_rewrite_draft    (CrmStore           *self,
                                              gint64              quote_id,
                                              CrmQuote           *quote,
                                              CrmQuoteRow        *row,
                                              CrmQuoteApproval   *approval,
                                              const char         *now,
                                              GError            **error);
gboolean         _crm_store_check_quote_language (const char     *language,
                                                  GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmQuoteRow, _crm_quote_row_clear)

/* Opening (crm-store-open.c): what is decided before a byte is written. */
#define CRM_STORE_MIGRATIONS_PATH "/org/dealsdesk/Deals/model/migrations"
#define CRM_STORE_MIGRATIONS_PATH_POSTGRESQL "/org/dealsdesk/Deals/model/migrations-postgresql"
#define CRM_STORE_APPLICATION_MARK "org.dealsdesk.Deals"

guint       _crm_store_latest_schema_version (void);
gboolean    _crm_store_check_integrity   (CrmDb              *db,
                                          GError            **error);
gboolean    _crm_store_probe             (const char         *path,
                                          CrmStoreOpenFlags   flags,
                                          guint              *version,
                                          gboolean           *check_later,
                                          GError            **error);

/* Tests lower it to check large files the way the store does: afterwards. */
void     _crm_store_set_sync_check_limit (goffset     limit);

/* The move engine's view of a deal (crm-store-rules.c) and the values a
 * move brings (crm-store-move-values.c). */
typedef struct
{
  gint64  stage_id;
  gint64  pipeline_id;
  gint64  contact_id;
  gint64  company_id;
  gint64  owner_id;
  gint64  amount;
  char   *updated_at;
  char   *source;
  char   *loss_reason;
  char   *refused_by_name;
} DealRow;

void        _crm_deal_row_clear          (DealRow      *row);
gboolean    _crm_store_read_deal_row     (CrmDb        *db,
                                          gint64        deal_id,
                                          DealRow      *row,
                                          GError      **error);
gboolean    _crm_store_query_has_row     (CrmDb        *db,
                                          const char   *sql,
                                          gint64        id,
                                          const char   *text,
                                          gboolean     *has_row,
                                          GError      **error);
gboolean    _crm_store_run_update        (CrmDb        *db,
                                          const char   *sql,
                                          gint64        id,
                                          const char   *text,
                                          GError      **error);
GStrv       _crm_store_missing_fields    (CrmStore     *self,
                                          gint64        deal_id,
                                          DealRow      *row,
                                          gint64        from_stage_id,
                                          CrmStage     *stage,
                                          CrmMoveFlags  flags,
                                          GHashTable   *values,
                                          GError      **error);
gboolean    _crm_store_deal_has_value    (CrmStore     *self,
                                          gint64        deal_id,
                                          DealRow      *row,
                                          const char   *key,
                                          gboolean     *has,
                                          GError      **error);
/* The stage rules' verdict on a move (crm-stage-verdict.h), from what
 * the store reads of the deal (crm-stage-rules.c). */
struct _CrmStageVerdict;
struct _CrmStageVerdict *
            _crm_store_judge_move        (CrmStore     *self,
                                          gint64        deal_id,
                                          DealRow      *row,
                                          gint64        from_stage_id,
                                          CrmStage     *stage,
                                          CrmMoveFlags  flags,
                                          gboolean      opened,
                                          GHashTable   *values,
                                          gboolean      with_closing,
                                          GDateTime    *now,
                                          GError      **error);
gboolean    _crm_store_apply_row_values  (CrmStore     *self,
                                          gint64        deal_id,
                                          DealRow      *row,
                                          GHashTable   *values,
                                          const char   *now,
                                          GError      **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DealRow, _crm_deal_row_clear)

/* The Today agenda read a page at a time (crm-store-work.c) for
 * CrmAgendaList. A row's sort key within its section is (activity, due,
 * deal_id, task_id), the texts empty rather than NULL so that the key
 * compares as SQLite's row values do. */
typedef struct
{
  CrmAgendaSection  section;
  char             *activity;
  char             *due;
  gint64            deal_id;
  gint64            task_id;
  CrmAgendaItem    *item;
} CrmAgendaRow;

void        _crm_agenda_row_free           (CrmAgendaRow        *row);
int         _crm_agenda_row_compare        (const CrmAgendaRow  *a,
                                            const CrmAgendaRow  *b);
gboolean    _crm_store_count_agenda        (CrmStore            *self,
                                            gint64               owner_id,
                                            const char * const   bounds[2],
                                            guint                counts[4],
                                            GError             **error);
gboolean    _crm_store_read_agenda         (CrmStore            *self,
                                            gint64               owner_id,
                                            const char * const   bounds[2],
                                            CrmAgendaSection     section,
                                            const CrmAgendaRow  *after,
                                            gboolean             backward,
                                            guint                offset,
                                            guint                limit,
                                            GPtrArray           *rows,
                                            GError             **error);
gboolean    _crm_store_count_agenda_before (CrmStore            *self,
                                            gint64               owner_id,
                                            const char * const   bounds[2],
                                            const CrmAgendaRow  *row,
                                            guint               *count,
                                            GError             **error);
gboolean    _crm_store_read_agenda_of_deal (CrmStore            *self,
                                            gint64               owner_id,
                                            const char * const   bounds[2],
                                            gint64               deal_id,
                                            GPtrArray           *rows,
                                            GError             **error);

/* The leads to classify read a page at a time (crm-store-leads.c) for
 * CrmLeadList, newest first: a row's key is (created_at, id). */
typedef struct
{
  char       *created_at;
  gint64      id;
  CrmContact *contact;
} CrmLeadRow;

void        _crm_window_trim               (GPtrArray           *window,
                                            guint               *window_start,
                                            guint                position,
                                            guint                max_rows);
void        _crm_lead_row_free             (CrmLeadRow          *row);
gboolean    _crm_store_count_leads         (CrmStore            *self,
                                            const char          *source,
                                            guint               *count,
                                            GError             **error);
gboolean    _crm_store_read_leads          (CrmStore            *self,
                                            const char          *source,
                                            const CrmLeadRow    *after,
                                            gboolean             backward,
                                            guint                offset,
                                            guint                limit,
                                            GPtrArray           *rows,
                                            GError             **error);

/* The importer's half in the store (crm-store-import.c). */
typedef void (*CrmStoreKnownFunc) (gboolean    is_phone,
                                   const char *value,
                                   gint64      contact_id,
                                   gpointer    data);

gboolean    _crm_store_import_each_known       (CrmStore           *self,
                                                CrmStoreKnownFunc   func,
                                                gpointer            data,
                                                GError            **error);
char       *_crm_store_import_dup_contact_name (CrmStore           *self,
                                                gint64              contact_id);

G_END_DECLS
