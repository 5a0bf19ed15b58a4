/* crm-preferences-window-catalogue.c
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

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-preferences-window-private.h"

#include "crm-product-dialog.h"
#include "crm-quote-template-dialog.h"

#include "crm-deal.h"
#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-quote-template.h"
#include "crm-store.h"

/* The Products page: the product masters (TW-5, and CON-4's price floor)
 * and the quote templates reps start a quote from. Both are a sales
 * manager's to change; a rep sees them with a note why, and the store
 * refuses a rep whatever the widgets allow. The store hands out lists as
 * they are when asked: both are read again after each change made here. */

/* The product a row shows, and whether the store has it offered. */
static GQuark product_quark;
static GQuark product_active_quark;
/* The template a row shows. */
static GQuark template_quark;

/* Helpers */

static const char *
ui_language (void)
{
  return crm_number_default_language ();
}

static char *
format_vat_rate (guint rate)
{
  g_autofree char *percent = crm_number_format_plain (rate, 2);

  /* Translators: a VAT rate; %s is a number such as 18 or 7.5 */
  return g_strdup_printf (_("VAT %s %%"), percent);
}

/* "TW-CLK-200 · Hardware · ₪1,250.50 · VAT 18 %": what tells products
 * apart at a glance, the code first since reps quote by it. */
static void
sync_product_row (AdwActionRow *row,
                  CrmProduct   *product,
                  gboolean      active)
{
  g_autofree char *price = crm_format_amount (crm_product_get_price (product),
                                              crm_product_get_currency (product));
  g_autofree char *vat = format_vat_rate (crm_product_get_vat_rate (product));
  const char *code = crm_product_get_code (product);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (code != NULL && *code != '\0')
    g_string_append_printf (subtitle, "%s · ", code);
  g_string_append_printf (subtitle, "%s · %s · %s",
                          crm_product_kind_get_label (crm_product_get_kind (product)),
                          price, vat);

  if (active)
    adw_action_row_set_subtitle (row, subtitle->str);
  else
    {
      /* Translators: a product's price, and that it is no longer offered */
      g_autofree char *not_offered = g_strdup_printf (_("%s · Not offered"), subtitle->str);

      adw_action_row_set_subtitle (row, not_offered);
    }
}

static void
sync_products_group (CrmPreferencesWindow *self)
{
  gboolean can_change = _crm_preferences_window_is_manager (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->product_search_entry));

  adw_preferences_group_set_description (self->products_group,
                                         can_change
                                         ? _("Product masters quotes are made from. On a call, the "
                                             "lowest price of the products offered is the lower bound "
                                             "a rep may name (CON-4).")
                                         : _("Only a sales manager can change the product catalogue."));
  gtk_label_set_text (self->products_placeholder,
                      *search != '\0' ? _("No product matches the search") : _("No products yet"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-product", can_change);
}

static void
sync_templates_group (CrmPreferencesWindow *self)
{
  gboolean can_change = _crm_preferences_window_is_manager (self);

  adw_preferences_group_set_description (self->templates_group,
                                         can_change
                                         ? _("Named bundles of lines a rep starts a quote from")
                                         : _("Only a sales manager can edit the quote templates."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-template", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.delete-template", can_change);
}

static gboolean
contains_folded (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

/* A product matches by its code or its name in any language: a manager
 * may look for a Russian name from an English desktop. */
static gboolean
product_matches_cb (gpointer item,
                    gpointer user_data)
{
  CrmPreferencesWindow *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->product_search_entry));
  g_autofree char *needle = NULL;
  CrmProductInfo info;

  if (*search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  crm_product_get_info (CRM_PRODUCT (item), &info);

  return contains_folded (info.code, needle) || contains_folded (info.name, needle) ||
         contains_folded (info.name_he, needle) || contains_folded (info.name_ru, needle);
}

static void
product_saved_cb (CrmPreferencesWindow *self)
{
  _crm_preferences_window_add_toast (self, _("Product saved"));
  _crm_preferences_window_sync_catalogue (self);
}

static void
open_product_dialog (CrmPreferencesWindow *self,
                     CrmProduct           *product)
{
  GtkWidget *dialog = crm_product_dialog_new (self->store, product);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (product_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
template_saved_cb (CrmPreferencesWindow *self)
{
  _crm_preferences_window_add_toast (self, _("Quote template saved"));
  _crm_preferences_window_sync_catalogue (self);
}

static void
open_template_dialog (CrmPreferencesWindow *self,
                      CrmQuoteTemplate     *template_)
{
  GtkWidget *dialog = crm_quote_template_dialog_new (self->store, template_);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (template_saved_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "3 lines · Basic, Premium": the variants in the order of their lines. */
static char *
dup_template_summary (CrmQuoteTemplate *template_)
{
  guint n = crm_quote_template_get_n_lines (template_);
  g_autoptr(GPtrArray) variants = g_ptr_array_new ();
  g_autoptr(GString) summary = g_string_new (NULL);

  g_string_append_printf (summary, ngettext ("%u line", "%u lines", n), n);

  for (guint i = 0; i < n; i++)
    {
      const char *variant = crm_quote_template_get_line (template_, i)->variant;

      if (variant != NULL && !g_ptr_array_find_with_equal_func (variants, variant, g_str_equal, NULL))
        g_ptr_array_add (variants, (gpointer)variant);
    }

  for (guint i = 0; i < variants->len; i++)
    g_string_append_printf (summary, i == 0 ? " · %s" : ", %s", (const char *)variants->pdata[i]);

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

/* Signal callbacks */

static void
product_active_cb (CrmPreferencesWindow *self,
                   GParamSpec           *pspec,
                   GtkSwitch            *toggle)
{
  CrmProduct *product = g_object_get_qdata (G_OBJECT (toggle), product_quark);
  gboolean stored = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (toggle), product_active_quark));
  gboolean active = gtk_switch_get_active (toggle);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_ACTION_ROW);
  g_autoptr(GError) error = NULL;

  if (self->syncing_products || active == stored)
    return;

  if (!crm_store_set_product_active (self->store, crm_product_get_id (product), active, &error))
    {
      _crm_preferences_window_add_toast (self, error->message);
      /* What the store holds. */
      self->syncing_products = TRUE;
      gtk_switch_set_active (toggle, stored);
      self->syncing_products = FALSE;
      return;
    }

  g_object_set_qdata (G_OBJECT (toggle), product_active_quark, GINT_TO_POINTER (active));
  if (row != NULL)
    sync_product_row (ADW_ACTION_ROW (row), product, active);
}

static GtkWidget *
create_product_row_cb (gpointer item,
                       gpointer user_data)
{
  CrmPreferencesWindow *self = user_data;
  CrmProduct *product = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  gboolean active = crm_product_get_active (product);
  gboolean can_change = _crm_preferences_window_is_manager (self);
  const char *name = crm_product_get_name_for_language (product, ui_language ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  sync_product_row (ADW_ACTION_ROW (row), product, active);
  /* A manager opens the product to edit it; a rep only reads the row. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), can_change);
  g_object_set_qdata_full (G_OBJECT (row), product_quark, g_object_ref (product), g_object_unref);

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_sensitive (toggle, can_change);
  gtk_widget_set_tooltip_text (toggle, _("Offered to clients"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_qdata_full (G_OBJECT (toggle), product_quark, g_object_ref (product), g_object_unref);
  g_object_set_qdata (G_OBJECT (toggle), product_active_quark, GINT_TO_POINTER (active));
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (product_active_cb),
                           self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

  if (can_change)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Product"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
    }

  return row;
}

static void
product_search_changed_cb (CrmPreferencesWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->product_filter), GTK_FILTER_CHANGE_DIFFERENT);
  sync_products_group (self);
}

static void
product_row_activated_cb (CrmPreferencesWindow *self,
                          GtkListBoxRow        *row)
{
  CrmProduct *product = g_object_get_qdata (G_OBJECT (row), product_quark);

  if (product != NULL)
    open_product_dialog (self, product);
}

static GtkWidget *
create_template_row_cb (gpointer item,
                        gpointer user_data)
{
  CrmPreferencesWindow *self = user_data;
  CrmQuoteTemplate *template_ = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *summary = dup_template_summary (template_);
  gboolean can_change = _crm_preferences_window_is_manager (self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_quote_template_get_name (template_));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), can_change);
  g_object_set_qdata_full (G_OBJECT (row), template_quark, g_object_ref (template_), g_object_unref);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete Template"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "preferences.delete-template");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", crm_quote_template_get_id (template_));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  return row;
}

static void
template_row_activated_cb (CrmPreferencesWindow *self,
                           GtkListBoxRow        *row)
{
  CrmQuoteTemplate *template_ = g_object_get_qdata (G_OBJECT (row), template_quark);

  if (template_ != NULL)
    open_template_dialog (self, template_);
}

static CrmQuoteTemplate *
find_template (CrmPreferencesWindow *self,
               gint64                template_id)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->templates_list, i)) != NULL; i++)
    {
      CrmQuoteTemplate *template_ = g_object_get_qdata (G_OBJECT (row), template_quark);

      if (template_ != NULL && crm_quote_template_get_id (template_) == template_id)
        return template_;
    }

  return NULL;
}

static void
delete_template_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  gint64 template_id = *(gint64 *)user_data;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;

  if (!crm_store_delete_quote_template (self->store, template_id, &error))
    {
      _crm_preferences_window_add_toast (self, error->message);
      return;
    }

  _crm_preferences_window_add_toast (self, _("Quote template deleted"));
  _crm_preferences_window_sync_catalogue (self);
}

/* Actions */

static void
add_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_product_dialog (CRM_PREFERENCES_WINDOW (widget), NULL);
}

static void
add_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_template_dialog (CRM_PREFERENCES_WINDOW (widget), NULL);
}

/* Quotes already made from a template keep their lines: deleting one
 * loses only the bundle, but it cannot be undone, so it is asked. */
static void
delete_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  gint64 template_id = g_variant_get_int64 (parameter);
  CrmQuoteTemplate *template_ = find_template (self, template_id);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (template_ == NULL)
    return;

  /* Translators: %s is a quote template's name */
  heading = g_strdup_printf (_("Delete “%s”?"), crm_quote_template_get_name (template_));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Quotes made from it keep their lines."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_template_response_cb),
                         g_memdup2 (&template_id, sizeof template_id),
                         (GClosureNotify)(void (*) (void))g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Private API */

void
_crm_preferences_window_class_init_catalogue (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, products_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, add_product_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, product_search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, products_list);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, products_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, templates_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, add_template_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, templates_list);
  gtk_widget_class_bind_template_callback (widget_class, product_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "preferences.add-product", NULL,
                                   add_product_action);
  gtk_widget_class_install_action (widget_class, "preferences.add-template", NULL,
                                   add_template_action);
  gtk_widget_class_install_action (widget_class, "preferences.delete-template", "x",
                                   delete_template_action);

  product_quark = g_quark_from_static_string ("crm-preferences-product");
  product_active_quark = g_quark_from_static_string ("crm-preferences-product-active");
  template_quark = g_quark_from_static_string ("crm-preferences-template");
}

void
_crm_preferences_window_setup_catalogue (CrmPreferencesWindow *self)
{
  self->product_filter = gtk_custom_filter_new (product_matches_cb, self, NULL);
  _crm_preferences_window_sync_catalogue (self);
}

/* Reads both lists again, and builds their rows for who works now. */
void
_crm_preferences_window_sync_catalogue (CrmPreferencesWindow *self)
{
  g_autoptr(GListModel) products = crm_store_get_products (self->store);
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (self->store);

  g_assert (self->product_filter != NULL);

  g_clear_object (&self->products);
  self->products = gtk_filter_list_model_new (g_object_ref (products),
                                              g_object_ref (GTK_FILTER (self->product_filter)));
  gtk_list_box_bind_model (self->products_list, G_LIST_MODEL (self->products),
                           create_product_row_cb, self, NULL);
  gtk_list_box_bind_model (self->templates_list, templates,
                           create_template_row_cb, self, NULL);

  sync_products_group (self);
  sync_templates_group (self);
}
