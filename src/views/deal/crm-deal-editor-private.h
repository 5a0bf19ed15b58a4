/* crm-deal-editor-private.h
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

#include "crm-deal-editor.h"
#include "crm-deal-company-section.h"
#include "crm-deal-contact-section.h"
#include "crm-deal-details-section.h"
#include "crm-deal-fields-section.h"
#include "crm-deal-work-section.h"
#include "crm-procedure.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Shared by the deal card's files: crm-deal-editor.c (loading, the form
 * and saving), crm-deal-editor-checks.c (checking its rows) and
 * crm-deal-editor-actions.c (its actions and the call panel). */

typedef struct _Check Check;

typedef gboolean (*CheckFunc) (CrmDealEditor  *self,
                               Check          *check,
                               const char     *text,
                               GError        **error);

/* One row whose value can be wrong, either as typed or as the store found
 * it when saving. */
struct _Check
{
  CrmDealEditor      *editor;          /* unowned */
  GtkWidget          *row;             /* unowned: the page holds it */
  GtkLabel           *problems_label;  /* unowned: the row's group shows messages here */
  GtkEventController *focus;           /* unowned: the row owns it */
  CheckFunc           func;            /* nullable: only the store checks the row */
  char               *key;             /* a custom field key, or NULL */
  CrmStoreError       code;            /* how the store names a problem of this row */
  char               *message;         /* the current problem, NULL when fine */
  guint               shown : 1;       /* whether the row shows the problem */
  guint               eager : 1;       /* shown once: answers every change at once */
  guint               quiet : 1;       /* shown only when saving is tried */
};

struct _CrmDealEditor
{
  AdwWindow             parent_instance;

  /* Owned references */
  CrmStore             *store;
  CrmProcedure         *procedure;
  CrmDeal              *deal;
  CrmContact           *contact;
  CrmCompany           *company;
  GPtrArray            *checks;        /* (element-type Check) */

  gint64                deal_id;
  gint64                pipeline_id;
  guint                 show_problems_source;
  CrmCallPanel         *call_panel;    /* nullable: the running call, owned by call_bin */
  int                   width_before_call;

  /* Named checks, owned by the checks array */
  Check                *title_check;
  Check                *amount_check;
  Check                *stage_check;
  Check                *contact_name_check;
  Check                *phone_check;
  Check                *phone2_check;
  Check                *email_check;
  Check                *company_name_check;
  Check                *company_phone_check;
  Check                *company_email_check;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkButton            *save_button;
  GtkWidget            *start_call_button;
  CrmDealFieldsSection *fields_section;
  CrmDealDetailsSection *details_section;
  CrmDealContactSection *contact_section;
  CrmDealCompanySection *company_section;
  GtkWidget            *work_separator;
  CrmDealWorkSection   *work_pane;
  GtkRevealer          *call_revealer;
  AdwBin               *call_bin;
  GtkRevealer          *conflict_revealer;
  GtkLabel             *conflict_label;

  guint                 loaded : 1;
  guint                 can_save : 1;
  /* The rep closed the card during a call: once the call is discarded,
   * the card closes. */
  guint                 close_after_discard : 1;
};

void     _crm_deal_editor_class_add_actions           (GtkWidgetClass *widget_class);
void     _crm_deal_editor_add_toast                   (CrmDealEditor  *self,
                                                       const char     *message,
                                                       gboolean        persistent);
void     _crm_deal_editor_refresh_work                (CrmDealEditor  *self);
void     _crm_deal_editor_show_conflict               (CrmDealEditor  *self,
                                                       const GError   *error);
gboolean _crm_deal_editor_show_stored                 (CrmDealEditor  *self,
                                                       GError        **error);
void     _crm_deal_editor_update_work_actions         (CrmDealEditor  *self,
                                                       gboolean        open);
void     _crm_deal_editor_show_work                   (CrmDealEditor  *self);
void     _crm_deal_editor_refresh_field               (CrmDealEditor  *self,
                                                       const char     *key);
gboolean _crm_deal_editor_ask_before_discarding_call  (CrmDealEditor  *self,
                                                       gboolean        close_after);

/* crm-deal-editor-checks.c */
Check   *_crm_deal_editor_add_check                   (CrmDealEditor  *self,
                                                       gpointer        row,
                                                       GtkLabel       *problems_label,
                                                       CheckFunc       func,
                                                       CrmStoreError   code);
void     _crm_deal_editor_check_free                  (Check          *check);
void     _crm_deal_editor_run_checks                  (CrmDealEditor  *self);
void     _crm_deal_editor_show_problems               (CrmDealEditor  *self,
                                                       gboolean        include_quiet);
Check   *_crm_deal_editor_first_problem               (CrmDealEditor  *self);
void     _crm_deal_editor_show_save_error             (CrmDealEditor  *self,
                                                       const GError   *error);
void     _crm_deal_editor_update_can_save             (CrmDealEditor  *self);

G_END_DECLS
