/* crm-leads.h
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

#include "crm-types.h"

G_BEGIN_DECLS

/*
 * Lead intake and classification, the marketing half of HS: leads arrive
 * from forms, missed calls and imported lists (HS-1, AXL-1..6), are checked
 * (HS-2) and classified (HS-3); a relevant one becomes a deal and its
 * contact an opportunity (HS-4). A lead is a contact whose lifecycle is
 * "lead" and that nobody has classified yet.
 */

#define CRM_LEAD_ERROR (crm_lead_error_quark ())

/**
 * CrmLeadError:
 * @CRM_LEAD_ERROR_NO_CONTACT_DETAILS: neither a phone number nor an email
 *   address was given, so nobody could follow the lead up
 * @CRM_LEAD_ERROR_NOT_A_LEAD: the contact is not an unclassified lead
 * @CRM_LEAD_ERROR_UNKNOWN_CLASSIFICATION: the classification is not one of
 *   the `CRM_CLASSIFICATION_*` values
 * @CRM_LEAD_ERROR_UNKNOWN_SOURCE: the source is none of the procedure's
 *
 * Invalid phone numbers, email addresses and missing contacts are reported
 * in the %CRM_STORE_ERROR domain, as everywhere else in the store.
 */
typedef enum
{
  CRM_LEAD_ERROR_NO_CONTACT_DETAILS,
  CRM_LEAD_ERROR_NOT_A_LEAD,
  CRM_LEAD_ERROR_UNKNOWN_CLASSIFICATION,
  CRM_LEAD_ERROR_UNKNOWN_SOURCE,
} CrmLeadError;

/* AXL-1: the source key a missed call's lead and deal are stored with,
 * as the procedures' templates spell it. */
#define CRM_SOURCE_MISSED_CALL "missed_call"

/* HS-3: what the marketing coordinator decides about a lead. */
#define CRM_CLASSIFICATION_RELEVANT     "relevant"
#define CRM_CLASSIFICATION_SUPPLIER     "supplier"
#define CRM_CLASSIFICATION_PARTNER      "partner"
#define CRM_CLASSIFICATION_NOT_RELEVANT "not-relevant"
#define CRM_CLASSIFICATION_JUNK         "junk"

GQuark      crm_lead_error_quark            (void);
gint64      crm_store_add_lead              (CrmStore    *store,
                                             const char  *name,
                                             const char  *phone,
                                             const char  *email,
                                             const char  *company,
                                             const char  *source,
                                             const char  *campaign,
                                             gboolean    *out_was_duplicate,
                                             GError     **error);
GListModel *crm_store_get_leads             (CrmStore    *store,
                                             const char  *source,
                                             GError     **error);
GStrv       crm_store_list_lead_sources     (CrmStore    *store);
GHashTable *crm_store_count_leads_by_source (CrmStore    *store,
                                             guint       *out_total,
                                             GError     **error);
gboolean    crm_store_classify_lead         (CrmStore    *store,
                                             gint64       contact_id,
                                             const char  *classification,
                                             gint64      *out_deal_id,
                                             GError     **error);
char       *crm_store_normalize_lead_source (CrmStore    *store,
                                             const char  *text);
gboolean    crm_store_is_missed_call_source (CrmStore    *store,
                                             const char  *text);
gboolean    crm_store_check_lead_source     (CrmStore    *store,
                                             const char  *text,
                                             char       **out_key,
                                             GError     **error);

gint64      crm_store_add_missed_call       (CrmStore    *store,
                                             const char  *phone,
                                             const char  *name,
                                             gint64      *out_deal_id,
                                             gboolean    *out_known_caller,
                                             GError     **error);

G_END_DECLS
