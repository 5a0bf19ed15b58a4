/* crm-import-dialog.h
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

#include "crm-csv-import.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_DIALOG (crm_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, CRM, IMPORT_DIALOG, AdwWindow)

GtkWidget    *crm_import_dialog_new                (CrmStore        *store,
                                                    GFile           *file);
CrmStore     *crm_import_dialog_get_store          (CrmImportDialog *self);
CrmCsvImport *crm_import_dialog_get_import         (CrmImportDialog *self);
GListModel   *crm_import_dialog_get_problems_model (CrmImportDialog *self);
guint         crm_import_dialog_get_n_problems     (CrmImportDialog *self);
void          crm_import_dialog_set_column_field   (CrmImportDialog *self,
                                                    guint            column,
                                                    CrmCsvField      field);

G_END_DECLS
