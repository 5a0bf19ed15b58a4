/* crm-script-editor.h
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

#define CRM_TYPE_SCRIPT_EDITOR (crm_script_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmScriptEditor, crm_script_editor, CRM, SCRIPT_EDITOR, AdwWindow)

GtkWidget  *crm_script_editor_new          (CrmStore        *store);
CrmStore   *crm_script_editor_get_store    (CrmScriptEditor *self);
const char *crm_script_editor_get_language (CrmScriptEditor *self);
void        crm_script_editor_set_language (CrmScriptEditor *self,
                                            const char      *language);
gboolean    crm_script_editor_get_modified (CrmScriptEditor *self);

G_END_DECLS
