/* crm-deal-details-section.c
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

#define G_LOG_DOMAIN "crm-deal-details-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-details-section.h"
#include "crm-field-editor.h"
#include "crm-ltr-text.h"
#include "crm-strings.h"

#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-user.h"

/* The deal's own details as the deal card edits them: title, amount and
 * currency, stage, owner, source, next step and expected close date. The
 * card checks the rows and lists their problems under them. */

struct _CrmDealDetailsSection
{
  AdwPreferencesGroup  parent_instance;

  /* Owned references */
  CrmStore            *store;
  GPtrArray           *source_keys;   /* (element-type utf8), NULL first for “None” */

  /* Template widgets */
  AdwEntryRow         *title_row;
  AdwEntryRow         *amount_row;
  GtkDropDown         *currency_dropdown;
  GtkStringList       *currency_list;
  AdwComboRow         *stage_row;
  AdwComboRow         *owner_row;
  AdwComboRow         *source_row;
  GtkStringList       *source_list;
  AdwEntryRow         *next_step_row;
  AdwEntryRow         *close_date_row;
  GtkLabel            *problems_label;
};

G_DEFINE_FINAL_TYPE (CrmDealDetailsSection, crm_deal_details_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_STORE,
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

/* The amount as the model's one parser reads it; the card has checked
 * it, and an empty row is no amount. */
static gint64
read_amount (CrmDealDetailsSection *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  gint64 amount = 0;

  if (crm_str_is_blank (text) || !crm_money_parse (text, NULL, &amount, NULL))
    return 0;

  return amount;
}

static void
show_amount (CrmDealDetailsSection *self,
             CrmDeal               *deal)
{
  gint64 amount = crm_deal_get_amount (deal);
  g_autofree char *text = amount != 0 ? crm_money_format_plain (amount) : g_strdup ("");

  set_row_text (self->amount_row, text);
}

static void
fill_sources (CrmDealDetailsSection *self,
              const char            *current)
{
  gboolean found = current == NULL;
  guint selected = 0;
  CrmProcedure *procedure = crm_store_get_procedure (self->store);
  guint n_sources = procedure != NULL ? crm_procedure_get_n_sources (procedure) : 0;

  /* Filled once per card: start from an empty list. */
  gtk_string_list_splice (self->source_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->source_list)), NULL);
  g_ptr_array_set_size (self->source_keys, 0);

  gtk_string_list_append (self->source_list, _("None"));
  g_ptr_array_add (self->source_keys, NULL);

  for (guint i = 0; i < n_sources; i++)
    {
      const CrmProcedureChoice *source = crm_procedure_get_source (procedure, i);

      gtk_string_list_append (self->source_list, crm_text_get (&source->name));
      g_ptr_array_add (self->source_keys, g_strdup (source->key));
      if (g_strcmp0 (source->key, current) == 0)
        {
          selected = i + 1;
          found = TRUE;
        }
    }

  /* Keep a source the procedure no longer lists rather than erase it. */
  if (!found)
    {
      gtk_string_list_append (self->source_list, current);
      g_ptr_array_add (self->source_keys, g_strdup (current));
      selected = self->source_keys->len - 1;
    }

  adw_combo_row_set_selected (self->source_row, selected);
}

static void
fill_currency (CrmDealDetailsSection *self,
               const char            *currency)
{
  GListModel *model = G_LIST_MODEL (self->currency_list);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->currency_list, i), currency) == 0)
        {
          gtk_drop_down_set_selected (self->currency_dropdown, i);
          return;
        }
    }

  gtk_string_list_append (self->currency_list, currency);
  gtk_drop_down_set_selected (self->currency_dropdown, n_items);
}

static guint
find_position (GListModel *model,
               gint64      id,
               gint64    (*get_id) (gpointer))
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (get_id (item) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gint64
stage_id_of (gpointer item)
{
  return crm_stage_get_id (item);
}

static gint64
user_id_of (gpointer item)
{
  return crm_user_get_id (item);
}

static void
select_source (CrmDealDetailsSection *self,
               const char            *key)
{
  for (guint i = 0; i < self->source_keys->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->source_keys, i), key) == 0)
        {
          adw_combo_row_set_selected (self->source_row, i);
          return;
        }
    }

  /* A source the procedure does not list is kept, as when loading. */
  gtk_string_list_append (self->source_list, key);
  g_ptr_array_add (self->source_keys, g_strdup (key));
  adw_combo_row_set_selected (self->source_row, self->source_keys->len - 1);
}

/* Overrides */

static void
crm_deal_details_section_dispose (GObject *object)
{
  CrmDealDetailsSection *self = (CrmDealDetailsSection *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_DETAILS_SECTION);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_deal_details_section_parent_class)->dispose (object);
}

static void
crm_deal_details_section_finalize (GObject *object)
{
  CrmDealDetailsSection *self = (CrmDealDetailsSection *)object;

  g_clear_pointer (&self->source_keys, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_deal_details_section_parent_class)->finalize (object);
}

static void
crm_deal_details_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CrmDealDetailsSection *self = CRM_DEAL_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_details_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CrmDealDetailsSection *self = CRM_DEAL_DETAILS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_deal_details_section_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_details_section_class_init (CrmDealDetailsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_details_section_dispose;
  object_class->finalize = crm_deal_details_section_finalize;
  object_class->get_property = crm_deal_details_section_get_property;
  object_class->set_property = crm_deal_details_section_set_property;

  /**
   * CrmDealDetailsSection:store:
   *
   * The store the stages, users and the procedure's sources come from.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-deal-details-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, title_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, currency_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, source_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, source_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, close_date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDealDetailsSection, problems_label);

  g_type_ensure (CRM_TYPE_STAGE);
  g_type_ensure (CRM_TYPE_USER);
}

static void
crm_deal_details_section_init (CrmDealDetailsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_keys = g_ptr_array_new_with_free_func (g_free);

  crm_field_editor_add_date_picker (self->close_date_row);
  crm_ltr_text_attach (GTK_WIDGET (self->amount_row));
  crm_ltr_text_attach (GTK_WIDGET (self->close_date_row));
}

/* Public API */

CrmStore *
crm_deal_details_section_get_store (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return self->store;
}

void
crm_deal_details_section_set_store (CrmDealDetailsSection *self,
                                    CrmStore              *store)
{
  g_return_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * crm_deal_details_section_show:
 * @self: a #CrmDealDetailsSection
 * @deal: the deal
 *
 * Fills the rows from @deal; a new deal's owner is the current user.
 */
void
crm_deal_details_section_show (CrmDealDetailsSection *self,
                               CrmDeal               *deal)
{
  GListModel *users;
  gint64 owner_id;
  guint position;

  g_return_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self));
  g_return_if_fail (CRM_IS_STORE (self->store));
  g_return_if_fail (CRM_IS_DEAL (deal));

  set_row_text (self->title_row, crm_deal_get_title (deal));
  show_amount (self, deal);
  fill_currency (self, crm_deal_get_currency (deal));
  crm_deal_details_section_show_stages (self, deal);

  users = crm_store_get_users (self->store);
  owner_id = crm_deal_get_owner_id (deal);
  if (owner_id == 0 && crm_store_get_current_user (self->store) != NULL)
    owner_id = crm_user_get_id (crm_store_get_current_user (self->store));
  adw_combo_row_set_model (self->owner_row, users);
  position = find_position (users, owner_id, user_id_of);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->owner_row, position);

  fill_sources (self, crm_deal_get_source (deal));
  set_row_text (self->next_step_row, crm_deal_get_next_step (deal));
  set_row_text (self->close_date_row, crm_deal_get_expected_close (deal));
}

/**
 * crm_deal_details_section_show_stages:
 * @self: a #CrmDealDetailsSection
 * @deal: the deal
 *
 * Offers the stages of @deal's pipeline, on the deal's stage.
 */
void
crm_deal_details_section_show_stages (CrmDealDetailsSection *self,
                                      CrmDeal               *deal)
{
  g_autoptr(GListModel) stages = NULL;
  guint position;

  g_return_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self));
  g_return_if_fail (CRM_IS_DEAL (deal));

  stages = crm_store_get_stages (self->store, crm_deal_get_pipeline_id (deal));
  adw_combo_row_set_model (self->stage_row, stages);
  position = find_position (stages, crm_deal_get_stage_id (deal), stage_id_of);
  adw_combo_row_set_selected (self->stage_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

/**
 * crm_deal_details_section_show_value:
 * @self: a #CrmDealDetailsSection
 * @key: a field key, “source” or “amount”
 * @value: (nullable): the value the store now holds
 * @stored: the deal as the store now holds it
 *
 * Shows a value saved elsewhere (an answer in the call-script panel) in
 * its row; the other rows keep what the rep typed.
 *
 * Returns: %TRUE when @key is one of the section's rows
 */
gboolean
crm_deal_details_section_show_value (CrmDealDetailsSection *self,
                                     const char            *key,
                                     const char            *value,
                                     CrmDeal               *stored)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (CRM_IS_DEAL (stored), FALSE);

  if (g_str_equal (key, "source"))
    select_source (self, value);
  else if (g_str_equal (key, "amount"))
    {
      show_amount (self, stored);
      fill_currency (self, crm_deal_get_currency (stored));
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * crm_deal_details_section_collect:
 * @self: a #CrmDealDetailsSection
 * @deal: the deal to save
 *
 * Puts what the rows hold into @deal.
 */
void
crm_deal_details_section_collect (CrmDealDetailsSection *self,
                                  CrmDeal               *deal)
{
  g_autofree char *title = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *close_date = NULL;
  CrmStage *stage;
  CrmUser *owner;
  guint source;
  guint currency;

  g_return_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self));
  g_return_if_fail (CRM_IS_DEAL (deal));

  title = dup_row_text (self->title_row);
  next_step = dup_row_text (self->next_step_row);
  close_date = dup_row_text (self->close_date_row);
  stage = adw_combo_row_get_selected_item (self->stage_row);
  owner = adw_combo_row_get_selected_item (self->owner_row);
  source = adw_combo_row_get_selected (self->source_row);
  currency = gtk_drop_down_get_selected (self->currency_dropdown);

  crm_deal_set_title (deal, title);
  crm_deal_set_amount (deal, read_amount (self));
  if (currency != GTK_INVALID_LIST_POSITION)
    crm_deal_set_currency (deal, gtk_string_list_get_string (self->currency_list, currency));
  if (stage != NULL)
    {
      crm_deal_set_pipeline_id (deal, crm_stage_get_pipeline_id (stage));
      crm_deal_set_stage_id (deal, crm_stage_get_id (stage));
    }
  crm_deal_set_owner_id (deal, owner != NULL ? crm_user_get_id (owner) : 0);
  crm_deal_set_source (deal, source < self->source_keys->len
                             ? g_ptr_array_index (self->source_keys, source) : NULL);
  crm_deal_set_next_step (deal, next_step);
  crm_deal_set_expected_close (deal, close_date);
}

GtkEditable *
crm_deal_details_section_get_title_row (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

GtkEditable *
crm_deal_details_section_get_amount_row (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return GTK_EDITABLE (self->amount_row);
}

AdwComboRow *
crm_deal_details_section_get_stage_row (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return self->stage_row;
}

GtkEditable *
crm_deal_details_section_get_close_date_row (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return GTK_EDITABLE (self->close_date_row);
}

/**
 * crm_deal_details_section_get_problems_label:
 * @self: a #CrmDealDetailsSection
 *
 * Returns: (transfer none): the label under the rows where the card lists
 *   what is wrong with them
 */
GtkLabel *
crm_deal_details_section_get_problems_label (CrmDealDetailsSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_DETAILS_SECTION (self), NULL);

  return self->problems_label;
}
