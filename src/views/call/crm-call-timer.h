/* crm-call-timer.h
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

#include <gtk/gtk.h>

#include "crm-call-session.h"

G_BEGIN_DECLS

#define CRM_TYPE_CALL_TIMER (crm_call_timer_get_type ())

G_DECLARE_FINAL_TYPE (CrmCallTimer, crm_call_timer, CRM, CALL_TIMER, GtkWidget)

GtkWidget      *crm_call_timer_new         (void);
CrmCallSession *crm_call_timer_get_session (CrmCallTimer   *self);
void            crm_call_timer_set_session (CrmCallTimer   *self,
                                            CrmCallSession *session);
gboolean        crm_call_timer_get_running (CrmCallTimer   *self);
void            crm_call_timer_set_running (CrmCallTimer   *self,
                                            gboolean        running);
const char     *crm_call_timer_get_text    (CrmCallTimer   *self);

G_END_DECLS
