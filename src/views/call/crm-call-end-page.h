/* crm-call-end-page.h
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

#include <adwaita.h>

#include "crm-call-session.h"
#include "crm-task.h"

G_BEGIN_DECLS

#define CRM_TYPE_CALL_END_PAGE (crm_call_end_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmCallEndPage, crm_call_end_page, CRM, CALL_END_PAGE, GtkBox)

GtkWidget      *crm_call_end_page_new               (void);
void            crm_call_end_page_prepare           (CrmCallEndPage  *self,
                                                     CrmCallSession  *session,
                                                     CrmCallOutcome   outcome,
                                                     gboolean         situation_refused,
                                                     const char      *notes);
CrmCallSession *crm_call_end_page_get_session       (CrmCallEndPage  *self);
CrmCallOutcome  crm_call_end_page_get_outcome       (CrmCallEndPage  *self);
void            crm_call_end_page_set_outcome       (CrmCallEndPage  *self,
                                                     CrmCallOutcome   outcome);
char           *crm_call_end_page_dup_note          (CrmCallEndPage  *self);
void            crm_call_end_page_set_note          (CrmCallEndPage  *self,
                                                     const char      *note);
GDateTime      *crm_call_end_page_dup_next_contact  (CrmCallEndPage  *self);
void            crm_call_end_page_set_next_contact  (CrmCallEndPage  *self,
                                                     GDateTime       *when);
CrmTask        *crm_call_end_page_get_task          (CrmCallEndPage  *self);
void            crm_call_end_page_set_close_task    (CrmCallEndPage  *self,
                                                     gboolean         close_task);
gboolean        crm_call_end_page_get_can_save      (CrmCallEndPage  *self);
gint64          crm_call_end_page_save              (CrmCallEndPage  *self,
                                                     GError         **error);

G_END_DECLS
