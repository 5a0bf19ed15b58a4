/* crm-field-editor.h
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

#include "crm-procedure.h"

G_BEGIN_DECLS

/**
 * CrmFieldEditorFlags:
 * @CRM_FIELD_EDITOR_ROW: build a preferences row for an #AdwPreferencesGroup;
 *   without it, a bare #GtkEntry or #GtkDropDown
 * @CRM_FIELD_EDITOR_ASK: a choice starts on “Choose…” and a yes/no field is
 *   asked as a choice, since a switch cannot say “not answered yet”;
 *   without it, a choice starts on “Not set” and yes/no is a switch
 *
 * How a #CrmFieldEditor shows its field.
 */
typedef enum
{
  CRM_FIELD_EDITOR_ROW = 1 << 0,
  CRM_FIELD_EDITOR_ASK = 1 << 1,
} CrmFieldEditorFlags;

#define CRM_TYPE_FIELD_EDITOR (crm_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrmFieldEditor, crm_field_editor, CRM, FIELD_EDITOR, GObject)

CrmFieldEditor          *crm_field_editor_new              (CrmProcedure        *procedure,
                                                            const char          *key,
                                                            CrmFieldEditorFlags  flags);
const char              *crm_field_editor_get_key          (CrmFieldEditor      *self);
const CrmProcedureField *crm_field_editor_get_field        (CrmFieldEditor      *self);
CrmFieldEditorFlags      crm_field_editor_get_flags        (CrmFieldEditor      *self);
GtkWidget               *crm_field_editor_get_widget       (CrmFieldEditor      *self);
GtkWidget               *crm_field_editor_get_value_widget (CrmFieldEditor      *self);
gboolean                 crm_field_editor_get_typed        (CrmFieldEditor      *self);
void                     crm_field_editor_set_title        (CrmFieldEditor      *self,
                                                            const char          *title);
char                    *crm_field_editor_dup_value        (CrmFieldEditor      *self);
void                     crm_field_editor_set_value        (CrmFieldEditor      *self,
                                                            const char          *value);
void                     crm_field_editor_show_problem     (CrmFieldEditor      *self,
                                                            const char          *message);
void                     crm_field_editor_add_date_picker  (AdwEntryRow         *row);

G_END_DECLS
