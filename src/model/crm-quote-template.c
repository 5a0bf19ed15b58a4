/* crm-quote-template.c
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


#define G_LOG_DOMAIN "crm-quote-template"

#include "config.h"

#include "crm-quote-template.h"

/* A quote template (a "master" of TW-5), as the store read it. Immutable,
 * so that the editor and a worker may read one at once. */
struct _CrmQuoteTemplate
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  GArray  *lines;   /* (element-type CrmQuoteTemplateLine), strings owned */
};

G_DEFINE_FINAL_TYPE (CrmQuoteTemplate, crm_quote_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
clear_line (gpointer data)
{
  CrmQuoteTemplateLine *line = data;

  g_free ((char *) line->variant);
  g_free ((char *) line->description);
}

static void
crm_quote_template_finalize (GObject *object)
{
  CrmQuoteTemplate *self = (CrmQuoteTemplate *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->lines, g_array_unref);

  G_OBJECT_CLASS (crm_quote_template_parent_class)->finalize (object);
}

static void
crm_quote_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmQuoteTemplate *self = CRM_QUOTE_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_template_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmQuoteTemplate *self = CRM_QUOTE_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_template_class_init (CrmQuoteTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crm_quote_template_finalize;
  object_class->get_property = crm_quote_template_get_property;
  object_class->set_property = crm_quote_template_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_quote_template_init (CrmQuoteTemplate *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (CrmQuoteTemplateLine));
  g_array_set_clear_func (self->lines, clear_line);
}

/**
 * crm_quote_template_new:
 * @id: the template's row id, 0 for one not stored yet
 * @name: what Preferences and the "New Quote" menu call it
 * @lines: (array length=n_lines) (nullable): its lines; strings are copied
 * @n_lines: the number of @lines
 *
 * Returns: (transfer full): a new #CrmQuoteTemplate
 */
CrmQuoteTemplate *
crm_quote_template_new (gint64                      id,
                        const char                 *name,
                        const CrmQuoteTemplateLine *lines,
                        guint                       n_lines)
{
  CrmQuoteTemplate *self;

  g_return_val_if_fail (lines != NULL || n_lines == 0, NULL);

  self = g_object_new (CRM_TYPE_QUOTE_TEMPLATE, "id", id, "name", name, NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      CrmQuoteTemplateLine line = lines[i];

      line.variant = g_strdup (lines[i].variant);
      line.description = g_strdup (lines[i].description);
      g_array_append_val (self->lines, line);
    }

  return self;
}

gint64
crm_quote_template_get_id (CrmQuoteTemplate *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_TEMPLATE (self), 0);

  return self->id;
}

const char *
crm_quote_template_get_name (CrmQuoteTemplate *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_TEMPLATE (self), NULL);

  return self->name;
}

guint
crm_quote_template_get_n_lines (CrmQuoteTemplate *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_TEMPLATE (self), 0);

  return self->lines->len;
}

/**
 * crm_quote_template_get_line:
 * @self: a #CrmQuoteTemplate
 * @index: below crm_quote_template_get_n_lines()
 *
 * Returns: (transfer none): the line, with strings owned by @self
 */
const CrmQuoteTemplateLine *
crm_quote_template_get_line (CrmQuoteTemplate *self,
                             guint             index)
{
  g_return_val_if_fail (CRM_IS_QUOTE_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);

  return &g_array_index (self->lines, CrmQuoteTemplateLine, index);
}
