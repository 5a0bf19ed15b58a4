/* crm-deal-contact-section.c
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

#define G_LOG_DOMAIN "crm-deal-contact-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-contact-section.h"
#include "crm-ltr-text.h"

#include "crm-phone.h"
#include "crm-strings.h"

/* The deal's contact person as the deal card edits it: name, position,
 * the first two phones and the first email. Any further phones or
 * emails the contact has are kept behind the ones shown. The card checks
 * the rows and lists their problems under them. */

struct _CrmDealContactSection
{
  AdwPreferencesGroup  parent_instance;

  char                *region;

  /* Template widgets */
  AdwEntryRow         *name_row;
  AdwEntryRow         *position_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *phone2_row;
  AdwEntryRow         *email_row;
  GtkLabel            *problems_label;
};

G_DEFINE_FINAL_TYPE (CrmDealContactSection, crm_deal_contact_section, ADW_TYPE_PREFERENCES_GROUP)

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
set_phone_text (CrmDealContactSection *self,
                gpointer               row,
                const char            *e164)
{
  g_autofree char *formatted = NULL;

  if (e164 != NULL && e164[0] != '\0')
    formatted = crm_phone_format (e164, self->region != NULL ? self->region : "IL");

  set_row_text (row, formatted != NULL ? formatted : e164);
}

static const char *
nth_string (const char * const *strv,
            guint               n)
{
  if (strv == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    if (strv[i] == NULL)
      return NULL;

  return strv[n];
}

/* The first rows edit the first values of @stored; any further ones are
 * kept behind them. */
static GStrv
collect_list (gpointer             first_row,
              gpointer             second_row,
              const char * const  *stored,
              guint                n_edited)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_stored = stored != NULL ? g_strv_length ((char **)stored) : 0;
  g_autofree char *first = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (first_row))));
  g_autofree char *second = NULL;

  if (second_row != NULL)
    second = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (second_row))));

  g_strv_builder_add (builder, first);
  if (second != NULL)
    g_strv_builder_add (builder, second);

  for (guint i = n_edited; i < n_stored; i++)
    g_strv_builder_add (builder, stored[i]);

  return g_strv_builder_end (builder);
}

/* Overrides */

static void
crm_deal_contact_section_dispose (GObject *object)
{
  CrmDealContactSection *self = (CrmDealContactSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_CONTACT_SECTION);

  G_OBJECT_CLASS (crm_deal_contact_section_parent_class)->dispose (object);
}

static void
crm_deal_contact_section_finalize (GObject *object)
{
  CrmDealContactSection *self = (CrmDealContactSection *)object;

  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (crm_deal_contact_section_parent_class)->finalize (object);
}

static void
crm_deal_contact_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CrmDealContactSection *self = CRM_DEAL_CONTACT_SECTION (object);

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
crm_deal_contact_section_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CrmDealContactSection *self = CRM_DEAL_CONTACT_SECTION (object);

  switch (prop_id)
    {
    case PROP_REGION:
      crm_deal_contact_section_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_contact_section_class_init (CrmDealContactSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_contact_section_dispose;
  object_class->finalize = crm_deal_contact_section_finalize;
  object_class->get_property = crm_deal_contact_section_get_property;
  object_class->set_property = crm_deal_contact_section_set_property;

  /**
   * CrmDealContactSection:region:
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
                                               "/org/dealsdesk/Deals/crm-deal-contact-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, position_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, phone2_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealContactSection, problems_label);
}

static void
crm_deal_contact_section_init (CrmDealContactSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  crm_ltr_text_attach (GTK_WIDGET (self->phone_row));
  crm_ltr_text_attach (GTK_WIDGET (self->phone2_row));
  crm_ltr_text_attach (GTK_WIDGET (self->email_row));
}

/* Public API */

void
crm_deal_contact_section_show (CrmDealContactSection *self,
                               CrmContact            *contact)
{
  const char * const *phones;
  const char * const *emails;

  g_return_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self));
  g_return_if_fail (CRM_IS_CONTACT (contact));

  phones = crm_contact_get_phones (contact);
  emails = crm_contact_get_emails (contact);

  set_row_text (self->name_row, crm_contact_get_name (contact));
  set_row_text (self->position_row, crm_contact_get_position (contact));
  set_phone_text (self, self->phone_row, nth_string (phones, 0));
  set_phone_text (self, self->phone2_row, nth_string (phones, 1));
  set_row_text (self->email_row, nth_string (emails, 0));
}

/**
 * crm_deal_contact_section_collect:
 * @self: a #CrmDealContactSection
 * @contact: the contact to save
 *
 * Puts what the rows hold into @contact, keeping the phones and emails
 * beyond those the card edits.
 */
void
crm_deal_contact_section_collect (CrmDealContactSection *self,
                                  CrmContact            *contact)
{
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) emails = NULL;

  g_return_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self));
  g_return_if_fail (CRM_IS_CONTACT (contact));

  name = dup_row_text (self->name_row);
  position = dup_row_text (self->position_row);
  phones = collect_list (self->phone_row, self->phone2_row, crm_contact_get_phones (contact), 2);
  emails = collect_list (self->email_row, NULL, crm_contact_get_emails (contact), 1);

  crm_contact_set_name (contact, name);
  crm_contact_set_position (contact, position);
  crm_contact_set_phones (contact, (const char * const *)phones);
  crm_contact_set_emails (contact, (const char * const *)emails);
}

/**
 * crm_deal_contact_section_show_value:
 * @self: a #CrmDealContactSection
 * @key: a field key, such as “contact.phone”
 * @value: (nullable): the value the store now holds
 *
 * Shows a value saved elsewhere (an answer in the call-script panel) in
 * its row; the other rows keep what the rep typed.
 *
 * Returns: %TRUE when @key is one of the section's rows
 */
gboolean
crm_deal_contact_section_show_value (CrmDealContactSection *self,
                                     const char            *key,
                                     const char            *value)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_str_equal (key, "contact.name"))
    set_row_text (self->name_row, value);
  else if (g_str_equal (key, "contact.position"))
    set_row_text (self->position_row, value);
  else if (g_str_equal (key, "contact.phone"))
    set_phone_text (self, self->phone_row, value);
  else if (g_str_equal (key, "contact.email"))
    set_row_text (self->email_row, value);
  else
    return FALSE;

  return TRUE;
}

/**
 * crm_deal_contact_section_has_reachable_data:
 * @self: a #CrmDealContactSection
 *
 * Returns: %TRUE when a phone or an email is typed, so that the contact
 *   is someone to reach and needs a name
 */
gboolean
crm_deal_contact_section_has_reachable_data (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), FALSE);

  return !crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))) ||
         !crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->phone2_row))) ||
         !crm_str_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
}

/**
 * crm_deal_contact_section_get_region:
 * @self: a #CrmDealContactSection
 *
 * Returns: (nullable): the country phones are read in, as the procedure
 *   names it; %NULL for the store's fallback
 */
const char *
crm_deal_contact_section_get_region (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return self->region;
}

void
crm_deal_contact_section_set_region (CrmDealContactSection *self,
                                    const char            *region)
{
  g_return_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self));

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}

GtkEditable *
crm_deal_contact_section_get_name_row (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
crm_deal_contact_section_get_phone_row (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return GTK_EDITABLE (self->phone_row);
}

GtkEditable *
crm_deal_contact_section_get_phone2_row (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return GTK_EDITABLE (self->phone2_row);
}

GtkEditable *
crm_deal_contact_section_get_email_row (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return GTK_EDITABLE (self->email_row);
}

/**
 * crm_deal_contact_section_get_problems_label:
 * @self: a #CrmDealContactSection
 *
 * Returns: (transfer none): the label under the rows where the card lists
 *   what is wrong with them
 */
GtkLabel *
crm_deal_contact_section_get_problems_label (CrmDealContactSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_CONTACT_SECTION (self), NULL);

  return self->problems_label;
}
