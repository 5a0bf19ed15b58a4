/* crm-date-time-chooser.h
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

G_BEGIN_DECLS

#define CRM_TYPE_DATE_TIME_CHOOSER (crm_date_time_chooser_get_type ())

G_DECLARE_FINAL_TYPE (CrmDateTimeChooser, crm_date_time_chooser, CRM, DATE_TIME_CHOOSER, AdwPreferencesRow)

GtkWidget     *crm_date_time_chooser_new             (void);
GDateTime     *crm_date_time_chooser_get_date_time   (CrmDateTimeChooser *self);
void           crm_date_time_chooser_set_date_time   (CrmDateTimeChooser *self,
                                                      GDateTime          *date_time);
gboolean       crm_date_time_chooser_get_show_time   (CrmDateTimeChooser *self);
void           crm_date_time_chooser_set_show_time   (CrmDateTimeChooser *self,
                                                      gboolean            show_time);
const char    *crm_date_time_chooser_get_date_title  (CrmDateTimeChooser *self);
void           crm_date_time_chooser_set_date_title  (CrmDateTimeChooser *self,
                                                      const char         *title);
const char    *crm_date_time_chooser_get_time_title  (CrmDateTimeChooser *self);
void           crm_date_time_chooser_set_time_title  (CrmDateTimeChooser *self,
                                                      const char         *title);
AdwActionRow  *crm_date_time_chooser_get_date_row    (CrmDateTimeChooser *self);
AdwActionRow  *crm_date_time_chooser_get_time_row    (CrmDateTimeChooser *self);
GtkMenuButton *crm_date_time_chooser_get_date_button (CrmDateTimeChooser *self);
GtkCalendar   *crm_date_time_chooser_get_calendar    (CrmDateTimeChooser *self);
GtkSpinButton *crm_date_time_chooser_get_hour_spin   (CrmDateTimeChooser *self);
GtkSpinButton *crm_date_time_chooser_get_minute_spin (CrmDateTimeChooser *self);

G_END_DECLS
