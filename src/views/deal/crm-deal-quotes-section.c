/* crm-deal-quotes-section.c
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

#define G_LOG_DOMAIN "crm-deal-quotes-section"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-quotes-section.h"

#include "crm-money.h"
#include "crm-quote-document.h"
#include "crm-quote-editor.h"
#include "crm-quote-template.h"
#include "crm-store.h"

/* The deal's quotes on its card: number, revision, state, the largest
 * variant's total (AXL-9), when, and for a sent one the start of the
 * SHA-256 of the PDF that went out, so the rep can tell it is the same
 * file as the one in the customer's mail. "New Quote" starts blank or from
 * a template (TW-5); a row opens the quote, a sent one read only. */
struct _CrmDealQuotesSection
{
  GtkBox          parent_instance;

  /* Owned references */
  CrmStore       *store;
  GListModel     *quotes;        /* (element-type CrmQuote) */

  gint64          deal_id;
  gulong          changed_id;

  /* Template widgets */
  GtkListBox     *quotes_list;
  GtkMenuButton  *new_button;
  GMenu          *new_menu;
};

G_DEFINE_FINAL_TYPE (CrmDealQuotesSection, crm_deal_quotes_section, GTK_TYPE_BOX)

static const char *
state_label (CrmQuoteState state)
{
  switch (state)
    {
    case CRM_QUOTE_DRAFT:
      return _("Draft");
    case CRM_QUOTE_SENT:
      return _("Sent");
    case CRM_QUOTE_ACCEPTED:
      return _("Accepted");
    case CRM_QUOTE_DECLINED:
      return _("Declined");
    case CRM_QUOTE_EXPIRED:
      return _("Expired");
    case CRM_QUOTE_SUPERSEDED:
      return _("Superseded");
    default:
      return "";
    }
}

static char *
dup_subtitle (CrmDealQuotesSection *self,
              CrmQuote             *quote)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *money = NULL;
  GDateTime *when = crm_quote_get_sent_at (quote);
  gint64 total = 0;

  if (crm_quote_find_largest_variant (quote, &total) != G_MAXUINT)
    {
      money = crm_document_format_money (total, crm_quote_get_currency (quote),
                                         crm_number_default_language ());
      g_string_append (text, money);
    }

  if (when == NULL)
    when = crm_quote_get_created_at (quote);
  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);
      /* Translators: the date of a quote, see g_date_time_format() */
      g_autofree char *date = g_date_time_format (local, _("%-d %b %Y"));

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, date);
    }

  if (crm_quote_get_state (quote) != CRM_QUOTE_DRAFT)
    {
      g_autofree char *sha256 = crm_store_dup_quote_sha256 (self->store, crm_quote_get_id (quote));

      if (sha256 != NULL)
        {
          if (text->len > 0)
            g_string_append (text, " · ");
          /* Translators: the start of the fingerprint of a sent quote's PDF */
          g_string_append_printf (text, _("SHA-256 %.12s"), sha256);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_quote_row (gpointer item,
                  gpointer user_data)
{
  CrmDealQuotesSection *self = user_data;
  CrmQuote *quote = item;
  g_autofree char *number = crm_quote_dup_display_number (quote);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = dup_subtitle (self, quote);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Translators: a quote on the deal card: its number and its state */
  title = g_strdup_printf (_("%s · %s"), number, state_label (crm_quote_get_state (quote)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "quote", g_object_ref (quote), g_object_unref);

  return row;
}

static void
fill_templates (CrmDealQuotesSection *self)
{
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (self->store);
  guint n_templates = templates != NULL ? g_list_model_get_n_items (templates) : 0;
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_remove_all (self->new_menu);
  g_menu_append (self->new_menu, _("Blank Quote"), "quotes.new(int64 0)");

  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(CrmQuoteTemplate) template = g_list_model_get_item (templates, i);
      g_autofree char *action = g_strdup_printf ("quotes.new(int64 %" G_GINT64_FORMAT ")",
                                                 crm_quote_template_get_id (template));

      g_menu_append (section, crm_quote_template_get_name (template), action);
    }

  if (n_templates > 0)
    g_menu_append_section (self->new_menu, _("From a Template"), G_MENU_MODEL (section));
}

void
crm_deal_quotes_section_refresh (CrmDealQuotesSection *self)
{
  g_return_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self));

  if (self->store == NULL || self->deal_id == 0)
    return;

  g_clear_object (&self->quotes);
  self->quotes = crm_store_get_deal_quotes (self->store, self->deal_id);
  gtk_list_box_bind_model (self->quotes_list, self->quotes, create_quote_row, self, NULL);
  fill_templates (self);
}

static void
quotes_changed_cb (CrmDealQuotesSection *self,
                   gint64                deal_id)
{
  if (deal_id == self->deal_id)
    crm_deal_quotes_section_refresh (self);
}

static void
show_error (CrmDealQuotesSection *self,
            const GError         *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

/* The editor of @quote over the deal card, or the reason there is no
 * @quote told in a toast. */
static GtkWidget *
present_editor (CrmDealQuotesSection *self,
                CrmQuote             *quote,
                const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (quote == NULL)
    {
      show_error (self, error);
      return NULL;
    }

  editor = crm_quote_editor_new (self->store, quote);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

/**
 * crm_deal_quotes_section_open_quote:
 * @self: a #CrmDealQuotesSection
 * @quote_id: a quote of the deal
 *
 * Opens the editor of a quote: a draft to edit, a sent one read only.
 *
 * Returns: (transfer none) (nullable): the editor, %NULL when the quote
 *   could not be read (the rep is told why)
 */
GtkWidget *
crm_deal_quotes_section_open_quote (CrmDealQuotesSection *self,
                                    gint64                quote_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;

  g_return_val_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self), NULL);

  quote = crm_store_load_quote (self->store, quote_id, &error);

  return present_editor (self, quote, error);
}

/**
 * crm_deal_quotes_section_new_quote:
 * @self: a #CrmDealQuotesSection
 * @template_id: a quote template, or 0 for a blank quote
 *
 * Creates a quote for the deal, in the interface's language, and opens it.
 *
 * Returns: (transfer none) (nullable): the editor
 */
GtkWidget *
crm_deal_quotes_section_new_quote (CrmDealQuotesSection *self,
                                   gint64                template_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;

  g_return_val_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self), NULL);

  quote = crm_store_create_quote (self->store, self->deal_id, template_id,
                                  crm_number_default_language (), &error);

  return present_editor (self, quote, error);
}

static void
new_quote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crm_deal_quotes_section_new_quote (CRM_DEAL_QUOTES_SECTION (widget), g_variant_get_int64 (parameter));
}

static void
row_activated_cb (CrmDealQuotesSection *self,
                  GtkListBoxRow        *row)
{
  CrmQuote *quote = g_object_get_data (G_OBJECT (row), "quote");

  if (quote != NULL)
    crm_deal_quotes_section_open_quote (self, crm_quote_get_id (quote));
}

/* Overrides */

static void
crm_deal_quotes_section_dispose (GObject *object)
{
  CrmDealQuotesSection *self = (CrmDealQuotesSection *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_QUOTES_SECTION);

  g_clear_object (&self->quotes);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_deal_quotes_section_parent_class)->dispose (object);
}

static void
crm_deal_quotes_section_class_init (CrmDealQuotesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_quotes_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-deal-quotes-section.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealQuotesSection, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDealQuotesSection, new_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealQuotesSection, new_menu);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "quotes.new", "x", new_quote_action);
}

static void
crm_deal_quotes_section_init (CrmDealQuotesSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No quotes yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->quotes_list, placeholder);
}

/* Public API */

void
crm_deal_quotes_section_set_store (CrmDealQuotesSection *self,
                                   CrmStore             *store)
{
  g_return_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "quotes-changed", G_CALLBACK (quotes_changed_cb),
                                                self, G_CONNECT_SWAPPED);
}

void
crm_deal_quotes_section_set_deal_id (CrmDealQuotesSection *self,
                                     gint64                deal_id)
{
  g_return_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self));

  if (self->deal_id == deal_id)
    return;

  self->deal_id = deal_id;
  crm_deal_quotes_section_refresh (self);
}

/* Returns: (transfer none) (nullable): the quotes shown */
GListModel *
crm_deal_quotes_section_get_quotes (CrmDealQuotesSection *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_QUOTES_SECTION (self), NULL);

  return self->quotes;
}
