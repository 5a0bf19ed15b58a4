/* crm-close-lost-dialog.h
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

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_CLOSE_LOST_DIALOG (crm_close_lost_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmCloseLostDialog, crm_close_lost_dialog, CRM, CLOSE_LOST_DIALOG, AdwWindow)

GtkWidget  *crm_close_lost_dialog_new                (CrmStore            *store,
                                                      gint64               deal_id);
CrmStore   *crm_close_lost_dialog_get_store          (CrmCloseLostDialog  *self);
gint64      crm_close_lost_dialog_get_deal_id        (CrmCloseLostDialog  *self);
const char *crm_close_lost_dialog_get_reason         (CrmCloseLostDialog  *self);
gboolean    crm_close_lost_dialog_set_reason         (CrmCloseLostDialog  *self,
                                                      const char          *reason);
gboolean    crm_close_lost_dialog_get_can_apply      (CrmCloseLostDialog  *self);
gboolean    crm_close_lost_dialog_apply              (CrmCloseLostDialog  *self,
                                                      GError             **error);

G_END_DECLS
