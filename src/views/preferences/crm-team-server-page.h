/* crm-team-server-page.h
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

#define CRM_TYPE_TEAM_SERVER_PAGE (crm_team_server_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmTeamServerPage, crm_team_server_page, CRM, TEAM_SERVER_PAGE, AdwPreferencesPage)

GtkWidget *crm_team_server_page_new          (GSettings         *settings);
GSettings *crm_team_server_page_get_settings (CrmTeamServerPage *self);

G_END_DECLS
