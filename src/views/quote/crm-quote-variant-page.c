/* crm-quote-variant-page.c
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

#define G_LOG_DOMAIN "crm-quote-variant-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-quote-variant-page.h"

#include "crm-ltr-text.h"
#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-quote-document.h"
#include "crm-quote-line.h"
#include "crm-quote-variant.h"
#include "crm-store.h"
#include "crm-strings.h"

/* One variant of a quote (AXL-9), as a tab of the editor: its lines in a
 * column view, each cell an entry edited in place, Tab and Shift+Tab going
 * from cell to cell; a product picker that works from the keyboard alone
 * (type, arrows, Enter); the variant's totals and what is wrong with its
 * lines, said at the cell and below the table. Numbers are read in the
 * interface's language with the parsers every other field of Deals uses,
 * and shown left to right in Hebrew too. */

typedef enum
{
  COLUMN_DESCRIPTION,
  COLUMN_QUANTITY,
  COLUMN_PRICE,
  COLUMN_DISCOUNT,
  COLUMN_VAT,
  N_EDIT_COLUMNS
} Column;

static const char * const column_keys[N_EDIT_COLUMNS] = {
  "description", "quantity", "price", "discount", "vat",
};

typedef struct
{
  CrmQuoteVariantPage *page;   /* unowned: the page owns the spec */
  Column               column;
} ColumnSpec;

struct _CrmQuoteVariantPage
{
  GtkBox               parent_instance;

  /* Owned references */
  CrmStore            *store;
  CrmQuote            *quote;
  CrmQuoteVariant     *variant;
  GtkSingleSelection  *selection;
  GtkFilterListModel  *products;
  GtkSingleSelection  *product_selection;
  char                *problems;
  ColumnSpec           specs[N_EDIT_COLUMNS];

  /* Template widgets */
  AdwEntryRow         *name_row;
  GtkStack            *lines_stack;
  GtkColumnView       *lines_view;
  GtkLabel            *problems_label;
  GtkLabel            *totals_label;
  GtkMenuButton       *product_button;
  GtkPopover          *product_popover;
  GtkSearchEntry      *product_search;
  GtkListView         *product_list;
  GtkButton           *free_line_button;

  guint                editable : 1;
};

G_DEFINE_FINAL_TYPE (CrmQuoteVariantPage, crm_quote_variant_page, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Formatting and reading the cells */

static char *
format_cell (CrmQuoteLine *line,
             Column        column)
{
  switch (column)
    {
    case COLUMN_DESCRIPTION:
      return g_strdup (crm_quote_line_get_description (line));
    case COLUMN_QUANTITY:
      return crm_number_format_plain (crm_quote_line_get_quantity (line), CRM_QUANTITY_DECIMALS);
    case COLUMN_PRICE:
      return crm_money_format_plain (crm_quote_line_get_unit_price (line));
    case COLUMN_DISCOUNT:
      return crm_number_format_plain (crm_quote_line_get_discount (line), 2);
    case COLUMN_VAT:
      return crm_number_format_plain (crm_quote_line_get_vat_rate (line), 2);
    case N_EDIT_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* Reads @text into @line's @column. Percentages take two decimals: 12.5 %
 * is 1250 basis points. */
static gboolean
read_cell (CrmQuoteLine  *line,
           Column         column,
           const char    *text,
           GError       **error)
{
  const char *language = crm_number_default_language ();
  gint64 value = 0;

  switch (column)
    {
    case COLUMN_DESCRIPTION:
      crm_quote_line_set_description (line, text);
      return TRUE;

    case COLUMN_QUANTITY:
      if (!crm_number_parse (text, language, CRM_QUANTITY_DECIMALS, &value, error))
        return FALSE;
      crm_quote_line_set_quantity (line, value);
      return TRUE;

    case COLUMN_PRICE:
      if (!crm_money_parse (text, language, &value, error))
        return FALSE;
      crm_quote_line_set_unit_price (line, value);
      return TRUE;

    case COLUMN_DISCOUNT:
    case COLUMN_VAT:
      if (!crm_number_parse (text, language, 2, &value, error))
        return FALSE;
      if (value < 0 || value > G_MAXUINT)
        {
          g_set_error_literal (error, CRM_NUMBER_ERROR, CRM_NUMBER_ERROR_TOO_LARGE,
                               _("Give a percentage from 0 to 100"));
          return FALSE;
        }
      if (column == COLUMN_DISCOUNT)
        crm_quote_line_set_discount (line, (guint)value);
      else
        crm_quote_line_set_vat_rate (line, (guint)value);
      return TRUE;

    case N_EDIT_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The cell a line's problem belongs at. */
static Column
column_of_problem (const GError *error)
{
  if (error->domain != CRM_QUOTE_ERROR)
    return COLUMN_DESCRIPTION;

  switch (error->code)
    {
    case CRM_QUOTE_ERROR_INVALID_QUANTITY:
      return COLUMN_QUANTITY;
    case CRM_QUOTE_ERROR_INVALID_DISCOUNT:
      return COLUMN_DISCOUNT;
    case CRM_QUOTE_ERROR_BELOW_FLOOR:
    case CRM_QUOTE_ERROR_CURRENCY:
    case CRM_QUOTE_ERROR_TOO_LARGE:
      return COLUMN_PRICE;
    default:
      return COLUMN_DESCRIPTION;
    }
}

static char *
format_money (CrmQuoteVariantPage *self,
              gint64               minor)
{
  return crm_document_format_money (minor, crm_quote_get_currency (self->quote),
                                    crm_number_default_language ());
}

/* A cell shows its own reading problem first, then the line's. */
static void
update_cell_problem (GtkEntry *entry)
{
  CrmQuoteVariantPage *page = g_object_get_data (G_OBJECT (entry), "page");
  CrmQuoteLine *line = g_object_get_data (G_OBJECT (entry), "line");
  const char *own = g_object_get_data (G_OBJECT (entry), "problem");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "column"));
  g_autoptr(GError) error = NULL;
  const char *message = own;

  if (message == NULL && line != NULL &&
      !crm_quote_line_check (line, crm_quote_get_currency (page->quote), &error) &&
      column_of_problem (error) == column)
    message = error->message;

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "",
                                  -1);
}

static void
cell_changed_cb (GtkEntry   *entry,
                 ColumnSpec *spec)
{
  CrmQuoteLine *line = g_object_get_data (G_OBJECT (entry), "line");
  g_autoptr(GError) error = NULL;

  if (line == NULL || g_object_get_data (G_OBJECT (entry), "binding") != NULL)
    return;

  if (read_cell (line, spec->column, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    g_object_set_data (G_OBJECT (entry), "problem", NULL);
  else
    g_object_set_data_full (G_OBJECT (entry), "problem", g_strdup (error->message), g_free);

  update_cell_problem (entry);
}

/* The row of a focused cell is the selected line, which Remove Line and
 * the other actions act on. */
static void
cell_focus_enter_cb (GtkEventControllerFocus *focus,
                     GtkListItem             *list_item)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  CrmQuoteVariantPage *page = g_object_get_data (G_OBJECT (entry), "page");
  guint position = gtk_list_item_get_position (list_item);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (page->selection, position);
}

static void
line_notify_cb (GtkEntry *entry)
{
  update_cell_problem (entry);
}

static void
entry_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ColumnSpec               *spec)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (entry), "page", spec->page);
  g_object_set_data (G_OBJECT (entry), "column", GINT_TO_POINTER (spec->column));
  gtk_widget_set_name (entry, column_keys[spec->column]);
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);

  if (spec->column == COLUMN_DESCRIPTION)
    gtk_widget_set_hexpand (entry, TRUE);
  else
    {
      /* Numbers read left to right in Hebrew too. Their cells are as wide
       * as their numbers, not an entry's natural 20 characters, so the
       * description has the room. */
      int chars = spec->column == COLUMN_PRICE ? 9 : 5;

      gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), chars);
      crm_ltr_text_attach (entry);
    }

  g_signal_connect (entry, "changed", G_CALLBACK (cell_changed_cb), spec);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), list_item);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
entry_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnSpec               *spec)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  CrmQuoteLine *line = gtk_list_item_get_item (list_item);
  g_autofree char *text = format_cell (line, spec->column);

  g_object_set_data (G_OBJECT (entry), "line", line);
  g_object_set_data (G_OBJECT (entry), "problem", NULL);
  g_object_set_data (G_OBJECT (entry), "binding", GINT_TO_POINTER (TRUE));
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (entry), "binding", NULL);
  gtk_editable_set_editable (GTK_EDITABLE (entry), spec->page->editable);

  g_signal_connect_object (line, "notify", G_CALLBACK (line_notify_cb), entry, G_CONNECT_SWAPPED);
  update_cell_problem (GTK_ENTRY (entry));
}

static void
entry_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ColumnSpec               *spec)
{
  GtkWidget *entry = gtk_list_item_get_child (list_item);
  CrmQuoteLine *line = gtk_list_item_get_item (list_item);

  if (line != NULL)
    g_signal_handlers_disconnect_by_func (line, line_notify_cb, entry);
  g_object_set_data (G_OBJECT (entry), "line", NULL);
}

/* The read-only cells: the product code and the line's net. */

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Codes and amounts read left to right in Hebrew too. */
  gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
update_net_label (GtkLabel *label)
{
  CrmQuoteVariantPage *page = g_object_get_data (G_OBJECT (label), "page");
  CrmQuoteLine *line = g_object_get_data (G_OBJECT (label), "line");
  g_autofree char *text = NULL;
  gint64 net = 0;

  if (line != NULL && crm_quote_line_compute_net (line, &net, NULL))
    text = format_money (page, net);

  gtk_label_set_text (label, text != NULL ? text : "—");
}

static void
net_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CrmQuoteVariantPage      *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  CrmQuoteLine *line = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (label), "page", self);
  g_object_set_data (G_OBJECT (label), "line", line);
  g_signal_connect_object (line, "notify", G_CALLBACK (update_net_label), label, G_CONNECT_SWAPPED);
  update_net_label (GTK_LABEL (label));
}

static void
net_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               CrmQuoteVariantPage      *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  CrmQuoteLine *line = gtk_list_item_get_item (list_item);

  if (line != NULL)
    g_signal_handlers_disconnect_by_func (line, update_net_label, label);
  g_object_set_data (G_OBJECT (label), "line", NULL);
}

static void
code_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CrmQuoteLine *line = gtk_list_item_get_item (list_item);
  const char *code = crm_quote_line_get_code (line);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), code != NULL ? code : "");
}

/* The description is what a rep reads and types most: it starts at a
 * readable width and takes what the other columns leave. */
#define DESCRIPTION_WIDTH 200

static void
add_column (CrmQuoteVariantPage *self,
            const char          *title,
            GtkListItemFactory  *factory,
            gboolean             expand)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_expand (column, expand);
  if (expand)
    gtk_column_view_column_set_fixed_width (column, DESCRIPTION_WIDTH);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->lines_view, column);
}

static GtkListItemFactory *
entry_factory_new (CrmQuoteVariantPage *self,
                   Column               column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnSpec *spec = &self->specs[column];

  spec->page = self;
  spec->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (entry_setup_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (entry_bind_cb), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (entry_unbind_cb), spec);

  return factory;
}

static void
setup_columns (CrmQuoteVariantPage *self)
{
  GtkListItemFactory *factory;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (code_bind_cb), NULL);
  add_column (self, _("Code"), factory, FALSE);

  add_column (self, _("Description"), entry_factory_new (self, COLUMN_DESCRIPTION), TRUE);
  add_column (self, _("Quantity"), entry_factory_new (self, COLUMN_QUANTITY), FALSE);
  add_column (self, _("Unit Price"), entry_factory_new (self, COLUMN_PRICE), FALSE);
  add_column (self, _("Discount %"), entry_factory_new (self, COLUMN_DISCOUNT), FALSE);
  add_column (self, _("VAT %"), entry_factory_new (self, COLUMN_VAT), FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (net_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (net_unbind_cb), self);
  add_column (self, _("Net"), factory, FALSE);
}

/* The variant as a whole */

static void
update_totals (CrmQuoteVariantPage *self)
{
  CrmQuoteTotals totals = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *net = NULL;
  g_autofree char *vat = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (!crm_quote_variant_compute_totals (self->variant, &totals, &error))
    {
      gtk_label_set_text (self->totals_label, error->message);
      return;
    }

  net = format_money (self, totals.net);
  vat = format_money (self, totals.vat);
  total = format_money (self, totals.total);
  /* Translators: a variant's totals: net, VAT and with VAT */
  text = g_strdup_printf (_("Net %s · VAT %s · Total %s"), net, vat, total);
  gtk_label_set_text (self->totals_label, text);
  crm_quote_totals_clear (&totals);
}

/* Every line's problem below the table, by line number: a cell's tooltip
 * is not enough for a rep who reads the table from the keyboard. */
static void
update_problems (CrmQuoteVariantPage *self)
{
  GListModel *lines = crm_quote_variant_get_lines (self->variant);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_lines = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(CrmQuoteLine) line = g_list_model_get_item (lines, i);
      g_autoptr(GError) error = NULL;

      if (crm_quote_line_check (line, crm_quote_get_currency (self->quote), &error))
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      /* Translators: a problem of a quote's line; %u is its number, %s the problem */
      g_string_append_printf (problems, _("Line %u: %s"), i + 1, error->message);
    }

  g_free (self->problems);
  self->problems = problems->len > 0 ? g_strdup (problems->str) : NULL;
  gtk_label_set_text (self->problems_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
}

static void
variant_changed_cb (CrmQuoteVariantPage *self)
{
  update_totals (self);
  update_problems (self);
}

static void
lines_changed_cb (CrmQuoteVariantPage *self)
{
  GListModel *lines = crm_quote_variant_get_lines (self->variant);

  gtk_stack_set_visible_child_name (self->lines_stack,
                                    g_list_model_get_n_items (lines) > 0 ? "lines" : "empty");
  variant_changed_cb (self);
}

static void
name_changed_cb (CrmQuoteVariantPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (g_strcmp0 (name, crm_quote_variant_get_name (self->variant)) == 0)
    return;

  crm_quote_variant_set_name (self->variant, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/* The product picker */

static gboolean
product_matches (gpointer item,
                 gpointer user_data)
{
  CrmQuoteVariantPage *self = user_data;
  CrmProduct *product = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->product_search));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (!crm_product_get_active (product))
    return FALSE;
  if (crm_str_is_blank (search))
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  name = g_utf8_casefold (crm_product_get_name_for_language (product, crm_quote_get_language (self->quote)), -1);
  code = g_utf8_casefold (crm_product_get_code (product) != NULL ? crm_product_get_code (product) : "", -1);

  return strstr (name, needle) != NULL || strstr (code, needle) != NULL;
}

static void
product_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *price = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_direction (price, GTK_TEXT_DIR_LTR);
  gtk_widget_add_css_class (price, "numeric");
  gtk_widget_add_css_class (price, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), price);
  gtk_list_item_set_child (list_item, box);
}

static void
product_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CrmQuoteVariantPage      *self)
{
  CrmProduct *product = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *price = gtk_widget_get_next_sibling (name);
  g_autofree char *money = crm_document_format_money (crm_product_get_price (product),
                                                      crm_product_get_currency (product),
                                                      crm_number_default_language ());
  g_autofree char *text = NULL;

  if (crm_product_get_code (product) != NULL)
    /* Translators: a product in the picker: its code and its name */
    text = g_strdup_printf (_("%s — %s"), crm_product_get_code (product),
                            crm_product_get_name_for_language (product, crm_quote_get_language (self->quote)));
  else
    text = g_strdup (crm_product_get_name_for_language (product, crm_quote_get_language (self->quote)));

  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_label_set_text (GTK_LABEL (price), money);
}

static void
append_line (CrmQuoteVariantPage *self,
             CrmQuoteLine        *line)
{
  GListModel *lines = crm_quote_variant_get_lines (self->variant);

  crm_quote_variant_append_line (self->variant, line);
  gtk_single_selection_set_selected (self->selection, g_list_model_get_n_items (lines) - 1);
}

static void
add_selected_product (CrmQuoteVariantPage *self)
{
  CrmProduct *product = gtk_single_selection_get_selected_item (self->product_selection);
  g_autoptr(CrmQuoteLine) line = NULL;

  if (product == NULL || !self->editable)
    return;

  line = crm_quote_line_new_for_product (product, crm_quote_get_language (self->quote));
  append_line (self, line);
  gtk_popover_popdown (self->product_popover);
}

static void
product_search_changed_cb (CrmQuoteVariantPage *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->products);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->product_selection, 0);
}

static void
product_activate_cb (CrmQuoteVariantPage *self,
                     guint                position)
{
  gtk_single_selection_set_selected (self->product_selection, position);
  add_selected_product (self);
}

/* Up and Down in the search move the choice; Enter takes it. */
static gboolean
product_search_key_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CrmQuoteVariantPage   *self)
{
  guint selected = gtk_single_selection_get_selected (self->product_selection);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->product_selection));

  if (n_items == 0)
    return FALSE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (selected == GTK_INVALID_LIST_POSITION)
        selected = 0;
      else if (selected + 1 < n_items)
        selected++;
      gtk_single_selection_set_selected (self->product_selection, selected);
      return TRUE;
    }

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        gtk_single_selection_set_selected (self->product_selection, selected - 1);
      return TRUE;
    }

  return FALSE;
}

static void
product_popover_show_cb (CrmQuoteVariantPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->product_search), "");
  product_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->product_search));
}

static void
setup_products (CrmQuoteVariantPage *self)
{
  g_autoptr(GListModel) products = crm_store_get_products (self->store);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomFilter *filter = gtk_custom_filter_new (product_matches, self, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->products = gtk_filter_list_model_new (g_object_ref (products), GTK_FILTER (filter));
  self->product_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->products)));
  gtk_single_selection_set_autoselect (self->product_selection, TRUE);
  gtk_list_view_set_model (self->product_list, GTK_SELECTION_MODEL (self->product_selection));

  g_signal_connect (factory, "setup", G_CALLBACK (product_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (product_bind_cb), self);
  gtk_list_view_set_factory (self->product_list, factory);
  g_object_unref (factory);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (product_search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->product_search), keys);

  g_signal_connect_swapped (self->product_search, "search-changed", G_CALLBACK (product_search_changed_cb), self);
  g_signal_connect_swapped (self->product_search, "activate", G_CALLBACK (add_selected_product), self);
  g_signal_connect_swapped (self->product_list, "activate", G_CALLBACK (product_activate_cb), self);
  g_signal_connect_swapped (self->product_popover, "map", G_CALLBACK (product_popover_show_cb), self);
}

/* Overrides */

static void
crm_quote_variant_page_dispose (GObject *object)
{
  CrmQuoteVariantPage *self = (CrmQuoteVariantPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUOTE_VARIANT_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->product_selection);
  g_clear_object (&self->products);
  g_clear_object (&self->variant);
  g_clear_object (&self->quote);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problems, g_free);

  G_OBJECT_CLASS (crm_quote_variant_page_parent_class)->dispose (object);
}

static void
crm_quote_variant_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CrmQuoteVariantPage *self = CRM_QUOTE_VARIANT_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, crm_quote_variant_page_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_variant_page_class_init (CrmQuoteVariantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_quote_variant_page_dispose;
  object_class->get_property = crm_quote_variant_page_get_property;

  /**
   * CrmQuoteVariantPage:title:
   *
   * The variant's name, for its tab.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-quote-variant-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, lines_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, lines_view);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, product_button);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, product_popover);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, product_search);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, product_list);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteVariantPage, free_line_button);
}

static void
crm_quote_variant_page_init (CrmQuoteVariantPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
}

/* Public API */

GtkWidget *
crm_quote_variant_page_new (CrmStore        *store,
                            CrmQuote        *quote,
                            CrmQuoteVariant *variant)
{
  CrmQuoteVariantPage *self;
  GListModel *lines;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_QUOTE (quote), NULL);
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT (variant), NULL);

  self = g_object_new (CRM_TYPE_QUOTE_VARIANT_PAGE, NULL);
  self->store = g_object_ref (store);
  self->quote = g_object_ref (quote);
  self->variant = g_object_ref (variant);

  lines = crm_quote_variant_get_lines (variant);
  self->selection = gtk_single_selection_new (g_object_ref (lines));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->lines_view, GTK_SELECTION_MODEL (self->selection));
  setup_columns (self);
  setup_products (self);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), crm_quote_variant_get_name (variant));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_object (lines, "items-changed", G_CALLBACK (lines_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (variant, "changed", G_CALLBACK (variant_changed_cb), self, G_CONNECT_SWAPPED);
  lines_changed_cb (self);

  return GTK_WIDGET (self);
}

CrmQuoteVariant *
crm_quote_variant_page_get_variant (CrmQuoteVariantPage *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), NULL);

  return self->variant;
}

const char *
crm_quote_variant_page_get_title (CrmQuoteVariantPage *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), NULL);

  if (self->variant == NULL || crm_str_is_blank (crm_quote_variant_get_name (self->variant)))
    return _("Variant");

  return crm_quote_variant_get_name (self->variant);
}

/* A sent quote is shown, never edited. */
void
crm_quote_variant_page_set_editable (CrmQuoteVariantPage *self,
                                     gboolean             editable)
{
  g_return_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self));

  self->editable = !!editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->product_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->free_line_button), editable);
  /* Rebinds the cells, which read the flag. */
  gtk_column_view_set_model (self->lines_view, NULL);
  gtk_column_view_set_model (self->lines_view, GTK_SELECTION_MODEL (self->selection));
}

void
crm_quote_variant_page_show_products (CrmQuoteVariantPage *self)
{
  g_return_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self));

  if (self->editable)
    gtk_menu_button_popup (self->product_button);
}

void
crm_quote_variant_page_add_free_line (CrmQuoteVariantPage *self)
{
  g_autoptr(CrmQuoteLine) line = NULL;
  CrmProcedure *procedure;

  g_return_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self));

  if (!self->editable)
    return;

  line = crm_quote_line_new ();
  crm_quote_line_set_currency (line, crm_quote_get_currency (self->quote));
  crm_quote_line_set_quantity (line, 1000);
  procedure = crm_quote_get_procedure (self->quote);
  if (procedure != NULL)
    crm_quote_line_set_vat_rate (line, crm_procedure_get_quote_vat_rate (procedure));
  append_line (self, line);
}

guint
crm_quote_variant_page_get_selected (CrmQuoteVariantPage *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}

void
crm_quote_variant_page_select (CrmQuoteVariantPage *self,
                               guint                position)
{
  g_return_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self));

  gtk_single_selection_set_selected (self->selection, position);
}

GtkSearchEntry *
crm_quote_variant_page_get_search_entry (CrmQuoteVariantPage *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), NULL);

  return self->product_search;
}

static GtkEntry *
find_cell (GtkWidget    *widget,
           CrmQuoteLine *line,
           const char   *column)
{
  if (GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), "line") == line &&
      g_strcmp0 (gtk_widget_get_name (widget), column) == 0)
    return GTK_ENTRY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEntry *found = find_cell (child, line, column);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * crm_quote_variant_page_get_cell:
 * @self: a #CrmQuoteVariantPage
 * @position: a line
 * @column: "description", "quantity", "price", "discount" or "vat"
 *
 * Returns: (transfer none) (nullable): the entry of a cell on screen
 */
GtkEntry *
crm_quote_variant_page_get_cell (CrmQuoteVariantPage *self,
                                 guint                position,
                                 const char          *column)
{
  g_autoptr(CrmQuoteLine) line = NULL;

  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), NULL);

  line = g_list_model_get_item (crm_quote_variant_get_lines (self->variant), position);
  if (line == NULL)
    return NULL;

  return find_cell (GTK_WIDGET (self->lines_view), line, column);
}

/* Returns: (nullable): what is wrong with the lines, one line each */
const char *
crm_quote_variant_page_get_problems (CrmQuoteVariantPage *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_VARIANT_PAGE (self), NULL);

  return self->problems;
}
