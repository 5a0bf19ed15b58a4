/* crm-deal-fields-section.c
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

#define G_LOG_DOMAIN "crm-deal-fields-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-fields-section.h"

/* The custom fields the procedure asks about a deal (the radiator
 * qualification of RAD-10, for instance), one #CrmFieldEditor row each.
 * The section remembers each field's stored value, so that saving the
 * card sends only what the rep changed; whether a value is acceptable is
 * the model's to say, and the card shows its verdict under the rows. */

typedef struct
{
  CrmFieldEditor *editor;    /* owned */
  char           *original;  /* the stored value, NULL when unset */
} Field;

struct _CrmDealFieldsSection
{
  AdwPreferencesGroup  parent_instance;

  /* Owned references */
  CrmProcedure        *procedure;
  GPtrArray           *fields;           /* (element-type Field), in the procedure's order */

  /* Template widgets */
  GtkLabel            *problems_label;
};

G_DEFINE_FINAL_TYPE (CrmDealFieldsSection, crm_deal_fields_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PROCEDURE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
field_free (Field *field)
{
  g_clear_object (&field->editor);
  g_free (field->original);
  g_free (field);
}

/* Helpers */

static Field *
find_field (CrmDealFieldsSection *self,
            const char           *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (crm_field_editor_get_key (field->editor), key) == 0)
        return field;
    }

  return NULL;
}

/* Whether the rep changed @field from its stored value. */
static gboolean
field_changed (Field      *field,
               const char *value)
{
  const CrmProcedureField *definition = crm_field_editor_get_field (field->editor);
  const char *original = field->original != NULL ? field->original : "";

  /* An unanswered yes/no field shows as “no”; only toggling changes it. */
  if (definition->type == CRM_FIELD_BOOLEAN && original[0] == '\0')
    original = "false";

  return g_strcmp0 (value, original) != 0;
}

static void
add_field (CrmDealFieldsSection    *self,
           const CrmProcedureField *definition,
           const char              *value)
{
  Field *field = g_new0 (Field, 1);

  field->editor = crm_field_editor_new (self->procedure, definition->key, CRM_FIELD_EDITOR_ROW);
  field->original = g_strdup (value);

  crm_field_editor_set_title (field->editor, crm_text_get (&definition->name));
  crm_field_editor_set_value (field->editor, value);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self),
                             crm_field_editor_get_widget (field->editor));

  g_ptr_array_add (self->fields, field);
}

/* Overrides */

static void
crm_deal_fields_section_dispose (GObject *object)
{
  CrmDealFieldsSection *self = (CrmDealFieldsSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_FIELDS_SECTION);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (crm_deal_fields_section_parent_class)->dispose (object);
}

static void
crm_deal_fields_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrmDealFieldsSection *self = CRM_DEAL_FIELDS_SECTION (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_fields_section_class_init (CrmDealFieldsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_fields_section_dispose;
  object_class->get_property = crm_deal_fields_section_get_property;

  /**
   * CrmDealFieldsSection:procedure:
   *
   * The procedure whose fields the section shows, once loaded.
   */
  properties [PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL,
                         CRM_TYPE_PROCEDURE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-deal-fields-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealFieldsSection, problems_label);
}

static void
crm_deal_fields_section_init (CrmDealFieldsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)field_free);
}

/* Public API */

/**
 * crm_deal_fields_section_load:
 * @self: a #CrmDealFieldsSection
 * @procedure: (nullable): the procedure
 * @values: (nullable) (element-type utf8 utf8): the deal's stored values
 *
 * Builds a row for each of the procedure's deal fields, showing @values;
 * the section shows only when there is one. Contact fields belong to the
 * contact. Called once.
 */
void
crm_deal_fields_section_load (CrmDealFieldsSection *self,
                              CrmProcedure         *procedure,
                              GHashTable           *values)
{
  const CrmText *name;
  guint n_fields;

  g_return_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self));
  g_return_if_fail (procedure == NULL || CRM_IS_PROCEDURE (procedure));
  g_return_if_fail (self->fields->len == 0);

  if (!g_set_object (&self->procedure, procedure) || procedure == NULL)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROCEDURE]);

  n_fields = crm_procedure_get_n_fields (procedure);
  for (guint i = 0; i < n_fields; i++)
    {
      const CrmProcedureField *definition = crm_procedure_get_field (procedure, i);
      const char *value = values != NULL ? g_hash_table_lookup (values, definition->key) : NULL;

      /* Contact fields belong to the contact. */
      if (g_strcmp0 (definition->entity, "deal") == 0)
        add_field (self, definition, value);
    }

  if (self->fields->len == 0)
    return;

  name = crm_procedure_get_name (procedure);
  if (name != NULL && crm_text_get (name) != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), crm_text_get (name));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What this department’s procedure asks about a deal"));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

guint
crm_deal_fields_section_get_n_editors (CrmDealFieldsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), 0);

  return self->fields->len;
}

/**
 * crm_deal_fields_section_get_editor:
 * @self: a #CrmDealFieldsSection
 * @index: a position below crm_deal_fields_section_get_n_editors()
 *
 * Returns: (transfer none): the editor of the @index-th field
 */
CrmFieldEditor *
crm_deal_fields_section_get_editor (CrmDealFieldsSection *self,
                                    guint                 index)
{
  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return ((Field *)g_ptr_array_index (self->fields, index))->editor;
}

/**
 * crm_deal_fields_section_find_editor:
 * @self: a #CrmDealFieldsSection
 * @key: a custom field key
 *
 * Returns: (transfer none) (nullable): the field's editor, or %NULL when
 *   the section has no such field
 */
CrmFieldEditor *
crm_deal_fields_section_find_editor (CrmDealFieldsSection *self,
                                     const char           *key)
{
  Field *field;

  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);

  return field != NULL ? field->editor : NULL;
}

/**
 * crm_deal_fields_section_get_problems_label:
 * @self: a #CrmDealFieldsSection
 *
 * Returns: (transfer none): the label under the rows where the card lists
 *   what is wrong with them
 */
GtkLabel *
crm_deal_fields_section_get_problems_label (CrmDealFieldsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), NULL);

  return self->problems_label;
}

/**
 * crm_deal_fields_section_collect_changed:
 * @self: a #CrmDealFieldsSection
 *
 * Only changed fields are sent, so that opening and saving a card never
 * writes “no” into a yes/no field nobody answered.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the changed fields'
 *   values by key
 */
GHashTable *
crm_deal_fields_section_collect_changed (CrmDealFieldsSection *self)
{
  GHashTable *values;

  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autofree char *value = crm_field_editor_dup_value (field->editor);

      if (field_changed (field, value))
        g_hash_table_insert (values, g_strdup (crm_field_editor_get_key (field->editor)),
                             g_steal_pointer (&value));
    }

  return values;
}

/**
 * crm_deal_fields_section_remember_saved:
 * @self: a #CrmDealFieldsSection
 *
 * The values shown were saved: they are the stored ones now.
 */
void
crm_deal_fields_section_remember_saved (CrmDealFieldsSection *self)
{
  g_return_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_free (field->original);
      field->original = crm_field_editor_dup_value (field->editor);
    }
}

/**
 * crm_deal_fields_section_set_stored_value:
 * @self: a #CrmDealFieldsSection
 * @key: a custom field key
 * @value: (nullable): the value the store now holds
 *
 * Shows a value saved elsewhere (an answer in the call-script panel), so
 * that saving the card does not write it again. Other rows keep what the
 * rep typed.
 *
 * Returns: %TRUE when the section has the field
 */
gboolean
crm_deal_fields_section_set_stored_value (CrmDealFieldsSection *self,
                                          const char           *key,
                                          const char           *value)
{
  Field *field;

  g_return_val_if_fail (CRM_IS_DEAL_FIELDS_SECTION (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  field = find_field (self, key);
  if (field == NULL)
    return FALSE;

  crm_field_editor_set_value (field->editor, value);
  g_free (field->original);
  field->original = g_strdup (value);

  return TRUE;
}
