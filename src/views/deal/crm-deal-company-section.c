/* crm-deal-company-section.c
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

#define G_LOG_DOMAIN "crm-deal-company-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-company-section.h"
#include "crm-ltr-text.h"

#include "crm-phone.h"

/* The deal's company as the deal card edits it. The card checks the rows
 * and lists their problems under them. */

struct _CrmDealCompanySection
{
  AdwPreferencesGroup  parent_instance;

  char                *region;

  /* Template widgets */
  AdwEntryRow         *name_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *website_row;
  AdwEntryRow         *city_row;
  GtkLabel            *problems_label;
};

G_DEFINE_FINAL_TYPE (CrmDealCompanySection, crm_deal_company_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

/* The trimmed text of a row, or NULL when it holds only blanks. */
static char *
dup_row_text (gpointer row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
set_row_text (gpointer    row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* A stored phone shows as the procedure's country writes it. */
static void
set_phone_text (CrmDealCompanySection *self,
                gpointer               row,
                const char            *e164)
{
  g_autofree char *formatted = NULL;

  if (e164 != NULL && e164[0] != '\0')
    formatted = crm_phone_format (e164, self->region != NULL ? self->region : "IL");

  set_row_text (row, formatted != NULL ? formatted : e164);
}

/* Overrides */

static void
crm_deal_company_section_dispose (GObject *object)
{
  CrmDealCompanySection *self = (CrmDealCompanySection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_COMPANY_SECTION);

  G_OBJECT_CLASS (crm_deal_company_section_parent_class)->dispose (object);
}

static void
crm_deal_company_section_finalize (GObject *object)
{
  CrmDealCompanySection *self = (CrmDealCompanySection *)object;

  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (crm_deal_company_section_parent_class)->finalize (object);
}

static void
crm_deal_company_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrmDealCompanySection *self = CRM_DEAL_COMPANY_SECTION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_company_section_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CrmDealCompanySection *self = CRM_DEAL_COMPANY_SECTION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      crm_deal_company_section_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_company_section_class_init (CrmDealCompanySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_company_section_dispose;
  object_class->finalize = crm_deal_company_section_finalize;
  object_class->get_property = crm_deal_company_section_get_property;
  object_class->set_property = crm_deal_company_section_set_property;

  /**
   * CrmDealCompanySection:region:
   *
   * The country phone numbers are read and shown in, as the procedure
   * names it ("IL", "RU"); %NULL for the store's fallback.
   */
  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-deal-company-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, website_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, city_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealCompanySection, problems_label);
}

static void
crm_deal_company_section_init (CrmDealCompanySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  crm_ltr_text_attach (GTK_WIDGET (self->phone_row));
  crm_ltr_text_attach (GTK_WIDGET (self->email_row));
  crm_ltr_text_attach (GTK_WIDGET (self->website_row));
}

/* Public API */

void
crm_deal_company_section_show (CrmDealCompanySection *self,
                               CrmCompany            *company)
{
  g_return_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self));
  g_return_if_fail (CRM_IS_COMPANY (company));

  set_row_text (self->name_row, crm_company_get_name (company));
  set_phone_text (self, self->phone_row, crm_company_get_phone (company));
  set_row_text (self->email_row, crm_company_get_email (company));
  set_row_text (self->website_row, crm_company_get_website (company));
  set_row_text (self->city_row, crm_company_get_city (company));
}

/**
 * crm_deal_company_section_collect:
 * @self: a #CrmDealCompanySection
 * @company: the company to save
 *
 * Puts what the rows hold into @company.
 */
void
crm_deal_company_section_collect (CrmDealCompanySection *self,
                                  CrmCompany            *company)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *website = NULL;
  g_autofree char *city = NULL;

  g_return_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self));
  g_return_if_fail (CRM_IS_COMPANY (company));

  name = dup_row_text (self->name_row);
  phone = dup_row_text (self->phone_row);
  email = dup_row_text (self->email_row);
  website = dup_row_text (self->website_row);
  city = dup_row_text (self->city_row);

  crm_company_set_name (company, name);
  crm_company_set_phone (company, phone);
  crm_company_set_email (company, email);
  crm_company_set_website (company, website);
  crm_company_set_city (company, city);
}

/**
 * crm_deal_company_section_show_value:
 * @self: a #CrmDealCompanySection
 * @key: a field key, such as “company.name”
 * @value: (nullable): the value the store now holds
 *
 * Shows a value saved elsewhere (an answer in the call-script panel) in
 * its row; the other rows keep what the rep typed.
 *
 * Returns: %TRUE when @key is one of the section's rows
 */
gboolean
crm_deal_company_section_show_value (CrmDealCompanySection *self,
                                     const char            *key,
                                     const char            *value)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!g_str_equal (key, "company.name"))
    return FALSE;

  set_row_text (self->name_row, value);
  return TRUE;
}

/**
 * crm_deal_company_section_get_region:
 * @self: a #CrmDealCompanySection
 *
 * Returns: (nullable): the country phones are read in, as the procedure
 *   names it; %NULL for the store's fallback
 */
const char *
crm_deal_company_section_get_region (CrmDealCompanySection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), NULL);

  return self->region;
}

void
crm_deal_company_section_set_region (CrmDealCompanySection *self,
                                    const char            *region)
{
  g_return_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self));

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}

GtkEditable *
crm_deal_company_section_get_name_row (CrmDealCompanySection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
crm_deal_company_section_get_phone_row (CrmDealCompanySection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), NULL);

  return GTK_EDITABLE (self->phone_row);
}

GtkEditable *
crm_deal_company_section_get_email_row (CrmDealCompanySection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), NULL);

  return GTK_EDITABLE (self->email_row);
}

/**
 * crm_deal_company_section_get_problems_label:
 * @self: a #CrmDealCompanySection
 *
 * Returns: (transfer none): the label under the rows where the card lists
 *   what is wrong with them
 */
GtkLabel *
crm_deal_company_section_get_problems_label (CrmDealCompanySection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_COMPANY_SECTION (self), NULL);

  return self->problems_label;
}
