/* test-quote-preferences.c
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

/* What a sales manager sets in Preferences for quotes (issue 9, TW-5):
 * the product masters, the quote templates and the organisation's quote
 * header. The tests drive the real widgets and dialogs and check what the
 * store holds; a rep is shown the lists and refused by the store. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "crm-money.h"
#include "crm-preferences-window.h"
#include "crm-product.h"
#include "crm-product-dialog.h"
#include "crm-quote-template.h"
#include "crm-quote-template-dialog.h"
#include "crm-store.h"
#include "crm-views-resources.h"

#include "crm-test-utils.h"

#define PREFS_CHILD(window, name) crm_test_child ((window), CRM_TYPE_PREFERENCES_WINDOW, (name))
#define PRODUCT_CHILD(dialog, name) crm_test_child ((dialog), CRM_TYPE_PRODUCT_DIALOG, (name))
#define TEMPLATE_CHILD(dialog, name) crm_test_child ((dialog), CRM_TYPE_QUOTE_TEMPLATE_DIALOG, (name))

/* Helpers */

static void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  flush_events ();
}

static GtkWidget *
open_preferences (CrmStore   *store,
                  const char *page)
{
  GtkWidget *window = crm_preferences_window_new (store, NULL);

  /* GTK owns toplevels; the test keeps a reference to check the window
   * goes when closed. */
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 860);
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), page);
  crm_test_iterate (200);

  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  crm_test_iterate (50);
  g_assert_finalize_object (window);
}

static gpointer
wait_for_window (GType type)
{
  gpointer window = NULL;

  for (guint waited = 0; window == NULL && waited < 1000; waited += 50)
    {
      crm_test_iterate (50);
      window = crm_test_find_window (type);
    }
  g_assert_nonnull (window);

  return window;
}

static void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
  crm_test_iterate (100);
}

static gint64
add_rep (CrmStore   *store,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_store_add_user (store, name, CRM_ROLE_REP, &error);

  g_assert_no_error (error);

  return id;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static guint
count_products (CrmStore *store)
{
  g_autoptr(GListModel) products = crm_store_get_products (store);

  return g_list_model_get_n_items (products);
}

/* The stored product whose code is @code, or NULL. */
static CrmProduct *
find_product (CrmStore   *store,
              const char *code)
{
  g_autoptr(GListModel) products = crm_store_get_products (store);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(CrmProduct) product = g_list_model_get_item (products, i);

      if (g_strcmp0 (crm_product_get_code (product), code) == 0)
        return g_steal_pointer (&product);
    }

  return NULL;
}

static gint64
save_product (CrmStore       *store,
              const char     *code,
              const char     *name,
              gint64          price,
              CrmProductKind  kind)
{
  g_autoptr(GError) error = NULL;
  CrmProductInfo info = {
    .code = code, .name = name, .price = price, .floor_price = -1,
    .currency = "ILS", .vat_rate = 1800, .kind = kind, .active = TRUE,
  };
  gint64 id = crm_store_save_product (store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static CrmQuoteTemplate *
dup_template (CrmStore *store,
              guint     index)
{
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (store);

  return g_list_model_get_item (templates, index);
}

static guint
count_templates (CrmStore *store)
{
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (store);

  return g_list_model_get_n_items (templates);
}

static void
assert_problem_row (gpointer    dialog,
                    const char *name,
                    const char *message)
{
  AdwActionRow *row = PRODUCT_CHILD (dialog, name);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, message);
}

/* Fills the product dialog as a manager types it. */
static void
fill_clock (gpointer dialog)
{
  set_text (PRODUCT_CHILD (dialog, "code_row"), "TW-CLK-200");
  set_text (PRODUCT_CHILD (dialog, "name_row"), "Attendance clock TC-200");
  set_text (PRODUCT_CHILD (dialog, "name_he_row"), "שעון נוכחות TC-200");
  set_text (PRODUCT_CHILD (dialog, "name_ru_row"), "Терминал учёта TC-200");
  adw_combo_row_set_selected (PRODUCT_CHILD (dialog, "kind_row"), CRM_PRODUCT_HARDWARE);
  set_text (PRODUCT_CHILD (dialog, "price_row"), "1,250.50");
  set_text (PRODUCT_CHILD (dialog, "floor_price_row"), "1,100");
  set_text (PRODUCT_CHILD (dialog, "vat_row"), "18");
}

/* Tests */

/* TW-5: a manager adds a product master through the dialog, every field
 * of it, and finds it in the catalogue; then edits it from its row. */
static void
test_manager_adds_product (CrmTestFixture *fixture,
                           gconstpointer   data)
{
  GtkWidget *window = open_preferences (fixture->store, "products");
  GtkListBox *list = PREFS_CHILD (window, "products_list");
  g_autoptr(CrmProduct) product = NULL;
  g_autoptr(CrmProduct) edited = NULL;
  CrmProductDialog *dialog;
  CrmProductInfo info;

  g_assert_cmpuint (count_rows (list), ==, 0);
  activate (window, "preferences.add-product", NULL);
  dialog = wait_for_window (CRM_TYPE_PRODUCT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* A new product starts in the procedure's currency. */
  g_assert_cmpstr (gtk_editable_get_text (PRODUCT_CHILD (dialog, "currency_row")), ==, "ILS");

  fill_clock (dialog);
  gtk_switch_set_active (PRODUCT_CHILD (dialog, "active_switch"), FALSE);
  crm_test_iterate (200);
  crm_test_screenshot (GTK_WIDGET (dialog), "preferences-product-dialog.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  activate (dialog, "dialog.save", NULL);
  crm_test_iterate (100);
  g_assert_null (dialog);

  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  product = find_product (fixture->store, "TW-CLK-200");
  g_assert_nonnull (product);
  crm_product_get_info (product, &info);
  g_assert_cmpstr (info.name, ==, "Attendance clock TC-200");
  g_assert_cmpstr (info.name_he, ==, "שעון נוכחות TC-200");
  g_assert_cmpstr (info.name_ru, ==, "Терминал учёта TC-200");
  g_assert_cmpint (info.kind, ==, CRM_PRODUCT_HARDWARE);
  g_assert_cmpint (info.price, ==, 125050);
  g_assert_cmpint (info.floor_price, ==, 110000);
  g_assert_cmpstr (info.currency, ==, "ILS");
  g_assert_cmpuint (info.vat_rate, ==, 1800);
  g_assert_false (info.active);

  /* The list shows it, with its code, kind, price and rate. */
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Attendance clock TC-200");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0))),
                            "TW-CLK-200"));
  g_assert_nonnull (crm_test_wait_for_label (window, "Product saved"));

  /* Opened from its row, the dialog holds what is stored; a new price
   * and no floor are saved to the same product. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  dialog = wait_for_window (CRM_TYPE_PRODUCT_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (PRODUCT_CHILD (dialog, "price_row")), ==, "1250.50");
  g_assert_cmpstr (gtk_editable_get_text (PRODUCT_CHILD (dialog, "floor_price_row")), ==, "1100");
  g_assert_cmpstr (gtk_editable_get_text (PRODUCT_CHILD (dialog, "name_ru_row")), ==, "Терминал учёта TC-200");
  g_assert_cmpuint (adw_combo_row_get_selected (PRODUCT_CHILD (dialog, "kind_row")), ==, CRM_PRODUCT_HARDWARE);
  set_text (PRODUCT_CHILD (dialog, "price_row"), "1,300");
  set_text (PRODUCT_CHILD (dialog, "floor_price_row"), "");
  gtk_switch_set_active (PRODUCT_CHILD (dialog, "active_switch"), TRUE);
  activate (dialog, "dialog.save", NULL);
  g_assert_null (crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG));

  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  edited = find_product (fixture->store, "TW-CLK-200");
  g_assert_cmpint (crm_product_get_id (edited), ==, crm_product_get_id (product));
  g_assert_cmpint (crm_product_get_price (edited), ==, 130000);
  g_assert_cmpint (crm_product_get_floor_price (edited), ==, -1);
  g_assert_true (crm_product_get_active (edited));

  close_window (window);
}

/* A price that does not read, and a code another product has, are shown
 * under their fields, in the parser's and the store's words; nothing is
 * saved and the dialog stays open to correct them. */
static void
test_bad_input_at_the_field (CrmTestFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(GError) parse_error = NULL;
  GtkWidget *window;
  gpointer dialog;
  gint64 ignored;

  save_product (fixture->store, "TW-CLK-200", "Attendance clock", 125050, CRM_PRODUCT_HARDWARE);
  window = open_preferences (fixture->store, "products");
  activate (window, "preferences.add-product", NULL);
  dialog = wait_for_window (CRM_TYPE_PRODUCT_DIALOG);

  fill_clock (dialog);
  set_text (PRODUCT_CHILD (dialog, "price_row"), "12,34,5");
  g_assert_false (crm_money_parse ("12,34,5", crm_number_default_language (), &ignored, &parse_error));
  activate (dialog, "dialog.save", NULL);
  g_assert_true (crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG) == dialog);
  assert_problem_row (dialog, "price_problem_row", parse_error->message);
  g_assert_true (gtk_widget_has_css_class (PRODUCT_CHILD (dialog, "price_row"), "error"));
  g_assert_false (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "code_problem_row")));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);

  /* Typing on clears the mark; the taken code is the store's to refuse. */
  set_text (PRODUCT_CHILD (dialog, "price_row"), "1,250.50");
  g_assert_false (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "price_problem_row")));
  g_assert_false (gtk_widget_has_css_class (PRODUCT_CHILD (dialog, "price_row"), "error"));
  activate (dialog, "dialog.save", NULL);
  g_assert_true (crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "code_problem_row")));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (PRODUCT_CHILD (dialog, "code_problem_row")),
                            "TW-CLK-200"));
  g_assert_true (gtk_widget_has_css_class (PRODUCT_CHILD (dialog, "code_row"), "error"));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  crm_test_iterate (100);
  crm_test_screenshot (dialog, "preferences-product-dialog-taken-code.png");

  /* A lowest price above the list price goes under the lowest price. */
  set_text (PRODUCT_CHILD (dialog, "code_row"), "TW-CLK-300");
  set_text (PRODUCT_CHILD (dialog, "floor_price_row"), "2000");
  activate (dialog, "dialog.save", NULL);
  g_assert_true (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "floor_price_problem_row")));
  g_assert_false (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "code_problem_row")));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);

  /* A VAT rate over 100 % never reaches the store. */
  set_text (PRODUCT_CHILD (dialog, "floor_price_row"), "");
  set_text (PRODUCT_CHILD (dialog, "vat_row"), "180");
  activate (dialog, "dialog.save", NULL);
  g_assert_true (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "vat_problem_row")));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);

  gtk_widget_activate_action (dialog, "dialog.cancel", NULL);
  crm_test_iterate (50);
  g_assert_null (crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  close_window (window);
}

/* A rep sees the catalogue and the templates, with a note why they cannot
 * change them; the actions are off, and the store refuses what is forced
 * past the widgets. */
static void
test_rep_reads_only (CrmTestFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  CrmQuoteTemplateLine line = { .product_id = 0, .description = "Setup", .quantity = 1000 };
  CrmProductInfo info = { .code = "TW-X", .name = "X", .currency = "ILS", .floor_price = -1, .active = TRUE };
  GtkWidget *window;
  GtkListBox *list;
  g_autoptr(CrmProduct) stored = NULL;
  GtkWidget *dialog;
  gint64 product_id;

  product_id = save_product (fixture->store, "TW-CLK-200", "Attendance clock", 125050, CRM_PRODUCT_HARDWARE);
  crm_store_save_quote_template (fixture->store, 0, "Starter", &line, 1, &error);
  g_assert_no_error (error);
  _crm_store_set_current_user (fixture->store, add_rep (fixture->store, "Noa Peretz"));

  window = open_preferences (fixture->store, "products");
  list = PREFS_CHILD (window, "products_list");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_false (gtk_widget_get_sensitive (crm_test_find_descendant (gtk_list_box_get_row_at_index (list, 0),
                                                             GTK_TYPE_SWITCH, 0)));
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (window, "add_product_button")));
  g_assert_false (gtk_widget_get_sensitive (PREFS_CHILD (window, "add_template_button")));
  /* Disabled actions open nothing. */
  gtk_widget_activate_action (window, "preferences.add-product", NULL);
  gtk_widget_activate_action (window, "preferences.add-template", NULL);
  crm_test_iterate (100);
  g_assert_null (crm_test_find_window (CRM_TYPE_PRODUCT_DIALOG));
  g_assert_null (crm_test_find_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG));
  g_assert_cmpstr (adw_preferences_group_get_description (PREFS_CHILD (window, "products_group")), ==,
                   _("Only a sales manager can change the product catalogue."));
  g_assert_cmpuint (count_rows (PREFS_CHILD (window, "templates_list")), ==, 1);
  g_assert_false (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (PREFS_CHILD (window, "templates_list"), 0)));
  crm_test_iterate (200);
  crm_test_screenshot (window, "preferences-catalogue-rep.png");

  /* The store refuses a rep, whatever the widgets allow. */
  g_assert_cmpint (crm_store_save_product (fixture->store, &info, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_save_quote_template (fixture->store, 0, "Mine", &line, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  g_assert_cmpuint (count_templates (fixture->store), ==, 1);

  /* A dialog opened anyway shows the store's refusal. */
  dialog = crm_product_dialog_new (fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  crm_test_iterate (100);
  fill_clock (dialog);
  activate (dialog, "dialog.save", NULL);
  g_assert_true (gtk_widget_get_visible (PRODUCT_CHILD (dialog, "problem_label")));
  g_assert_cmpstr (gtk_label_get_text (PRODUCT_CHILD (dialog, "problem_label")), ==,
                   _("Only a sales manager can change the product catalogue."));
  g_assert_cmpuint (count_products (fixture->store), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  stored = crm_store_find_product (fixture->store, product_id);
  g_assert_cmpstr (crm_product_get_code (stored), ==, "TW-CLK-200");

  close_window (window);
}

/* The line rows of the template dialog. */
static GtkListBoxRow *
line_row (gpointer dialog,
          guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (TEMPLATE_CHILD (dialog, "lines_list"), index);

  g_assert_nonnull (row);

  return row;
}

static void
select_product (GtkListBoxRow *row,
                gint64         product_id)
{
  GtkDropDown *dropdown = crm_test_find_descendant (row, GTK_TYPE_DROP_DOWN, 0);
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(CrmProduct) product = g_list_model_get_item (choices, i);

      if (crm_product_get_id (product) == product_id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          flush_events ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The entries of a line, in the row's order: description, variant,
 * quantity, discount. */
static void
fill_line (GtkListBoxRow *row,
           const char    *description,
           const char    *variant,
           const char    *quantity,
           const char    *discount)
{
  set_text (crm_test_find_descendant (row, GTK_TYPE_ENTRY, 0), description);
  set_text (crm_test_find_descendant (row, GTK_TYPE_ENTRY, 1), variant);
  set_text (crm_test_find_descendant (row, GTK_TYPE_ENTRY, 2), quantity);
  set_text (crm_test_find_descendant (row, GTK_TYPE_ENTRY, 3), discount);
}

static void
activate_line (GtkListBoxRow *row,
               const char    *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), action, NULL));
  flush_events ();
}

/* TW-5, AXL-9: a manager writes a template of two variants: a line per
 * variant, one added too many and removed, one moved up; a bad quantity
 * is shown at its line first. Then the template is deleted. */
static void
test_template_with_two_variants (CrmTestFixture *fixture,
                                 gconstpointer   data)
{
  gint64 clock_id = save_product (fixture->store, "TW-CLK-200", "Attendance clock", 125050, CRM_PRODUCT_HARDWARE);
  gint64 module_id = save_product (fixture->store, "TW-MOD-PAY", "Payroll module", 40000, CRM_PRODUCT_SOFTWARE);
  g_autoptr(CrmQuoteTemplate) template_ = NULL;
  const CrmQuoteTemplateLine *line;
  GtkWidget *window = open_preferences (fixture->store, "products");
  AdwMessageDialog *confirm;
  gpointer dialog;

  activate (window, "preferences.add-template", NULL);
  dialog = wait_for_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG);
  set_text (TEMPLATE_CHILD (dialog, "name_row"), "Clock and payroll");

  activate (dialog, "dialog.add-line", NULL);
  activate (dialog, "dialog.add-line", NULL);
  activate (dialog, "dialog.add-line", NULL);
  g_assert_cmpuint (count_rows (TEMPLATE_CHILD (dialog, "lines_list")), ==, 3);
  select_product (line_row (dialog, 0), module_id);
  fill_line (line_row (dialog, 0), "", "Premium", "2", "12.5");
  select_product (line_row (dialog, 1), clock_id);
  fill_line (line_row (dialog, 1), "Wall clock, installed", "Basic", "1", "0");
  fill_line (line_row (dialog, 2), "Free text here", "", "0", "");

  /* The third line's quantity is refused at its line; nothing is saved. */
  activate (dialog, "dialog.save", NULL);
  g_assert_true (crm_test_find_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG) == dialog);
  g_assert_nonnull (crm_test_find_label (GTK_WIDGET (line_row (dialog, 2)), "more than zero"));
  g_assert_cmpuint (count_templates (fixture->store), ==, 0);
  crm_test_iterate (100);
  crm_test_screenshot (dialog, "preferences-template-dialog-bad-line.png");

  activate_line (line_row (dialog, 2), "line.remove");
  activate_line (line_row (dialog, 1), "line.move-up");
  g_assert_cmpuint (count_rows (TEMPLATE_CHILD (dialog, "lines_list")), ==, 2);
  crm_test_iterate (100);
  crm_test_screenshot (dialog, "preferences-template-dialog.png");
  activate (dialog, "dialog.save", NULL);
  g_assert_null (crm_test_find_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG));

  g_assert_cmpuint (count_templates (fixture->store), ==, 1);
  template_ = dup_template (fixture->store, 0);
  g_assert_cmpstr (crm_quote_template_get_name (template_), ==, "Clock and payroll");
  g_assert_cmpuint (crm_quote_template_get_n_lines (template_), ==, 2);
  line = crm_quote_template_get_line (template_, 0);
  g_assert_cmpint (line->product_id, ==, clock_id);
  g_assert_cmpstr (line->description, ==, "Wall clock, installed");
  g_assert_cmpstr (line->variant, ==, "Basic");
  g_assert_cmpint (line->quantity, ==, 1000);
  g_assert_cmpuint (line->discount, ==, 0);
  line = crm_quote_template_get_line (template_, 1);
  g_assert_cmpint (line->product_id, ==, module_id);
  g_assert_null (line->description);
  g_assert_cmpstr (line->variant, ==, "Premium");
  g_assert_cmpint (line->quantity, ==, 2000);
  g_assert_cmpuint (line->discount, ==, 1250);

  /* The list names its lines and variants. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (PREFS_CHILD (window, "templates_list"), 0))),
                            "Basic, Premium"));
  crm_test_iterate (200);
  crm_test_screenshot (window, "preferences-catalogue.png");

  /* A second template of the same name is refused at the name. */
  activate (window, "preferences.add-template", NULL);
  dialog = wait_for_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG);
  set_text (TEMPLATE_CHILD (dialog, "name_row"), "Clock and payroll");
  activate (dialog, "dialog.add-line", NULL);
  select_product (line_row (dialog, 0), clock_id);
  activate (dialog, "dialog.save", NULL);
  g_assert_true (gtk_widget_get_visible (TEMPLATE_CHILD (dialog, "problem_label")));
  g_assert_true (gtk_widget_has_css_class (TEMPLATE_CHILD (dialog, "name_row"), "error"));
  g_assert_cmpuint (count_templates (fixture->store), ==, 1);
  gtk_widget_activate_action (dialog, "dialog.cancel", NULL);
  crm_test_iterate (50);

  /* Deleting asks first. */
  activate (window, "preferences.delete-template",
            g_variant_new_int64 (crm_quote_template_get_id (template_)));
  confirm = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (confirm, "delete");
  crm_test_iterate (100);
  g_assert_cmpuint (count_templates (fixture->store), ==, 0);
  g_assert_cmpuint (count_rows (PREFS_CHILD (window, "templates_list")), ==, 0);

  close_window (window);
}

/* A PNG of @size pixels at @path. */
static void
write_png (const char *path,
           int         size)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
}

static void
set_logo (GtkWidget  *window,
          const char *path)
{
  activate (window, "preferences.set-logo", g_variant_new_string (path));
}

/* The quote header: the details over several lines, and a logo checked
 * when chosen: a missing file or one that is not an image is told at the
 * row and the logo there was stays; a real PNG is stored. */
static void
test_quote_header (CrmTestFixture *fixture,
                   gconstpointer   data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-logo.png", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.png", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.png", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *details = NULL;
  GtkWidget *window = open_preferences (fixture->store, "organization");
  GtkLabel *problem = PREFS_CHILD (window, "logo_problem_label");

  g_assert_true (g_file_set_contents (text, "not a picture", -1, NULL));
  write_png (png, 64);

  set_logo (window, missing);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_text (problem), ==, _("The logo file is missing."));
  g_assert_null (crm_store_dup_setting (fixture->store, "organization-logo"));

  set_logo (window, png);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));
  stored = crm_store_dup_setting (fixture->store, "organization-logo");
  g_assert_cmpstr (stored, ==, png);
  g_assert_cmpstr (adw_action_row_get_subtitle (PREFS_CHILD (window, "logo_row")), ==, "logo.png");

  /* Not an image: refused, and the PNG stays. */
  set_logo (window, text);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "notes.png"));
  g_clear_pointer (&stored, g_free);
  stored = crm_store_dup_setting (fixture->store, "organization-logo");
  g_assert_cmpstr (stored, ==, png);

  /* A small file declaring a huge image: refused by its size, undecoded. */
  {
    g_autoptr(GBytes) declared = crm_test_declared_png (20000, 20000);

    g_assert_true (g_file_set_contents (huge, g_bytes_get_data (declared, NULL),
                                        g_bytes_get_size (declared), NULL));
  }
  set_logo (window, huge);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "huge.png"));
  g_assert_nonnull (strstr (gtk_label_get_text (problem), "20000 × 20000"));
  g_clear_pointer (&stored, g_free);
  stored = crm_store_dup_setting (fixture->store, "organization-logo");
  g_assert_cmpstr (stored, ==, png);

  /* Details, a line each. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (PREFS_CHILD (window, "details_view")),
                            "12 HaBarzel St, Tel Aviv\nCompany no. 51-555555-5\n", -1);
  activate (window, "preferences.save-organization-details", NULL);
  details = crm_store_dup_setting (fixture->store, "organization-details");
  g_assert_cmpstr (details, ==, "12 HaBarzel St, Tel Aviv\nCompany no. 51-555555-5");
  crm_test_iterate (200);
  crm_test_screenshot (window, "preferences-organization-not-an-image.png");

  close_window (window);

  /* A stored logo that has since gone is told when Preferences opens. */
  g_assert_cmpint (g_unlink (png), ==, 0);
  window = open_preferences (fixture->store, "organization");
  problem = PREFS_CHILD (window, "logo_problem_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_text (problem), ==, _("The logo file is missing."));
  close_window (window);
}

/* The pages in English and Hebrew, for people to look at. */
static void
test_screenshots (CrmTestFixture *fixture,
                  gconstpointer   data)
{
  static const char *languages[] = { "en", "he" };
  g_autofree char *png = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autoptr(GError) error = NULL;
  CrmQuoteTemplateLine lines[] = {
    { .variant = "Basic", .quantity = 1000 },
    { .variant = "Premium", .quantity = 2000, .discount = 1000 },
  };
  g_autoptr(CrmQuoteTemplate) template_ = NULL;

  write_png (png, 64);
  lines[0].product_id = save_product (fixture->store, "TW-CLK-200", "Attendance clock", 125050, CRM_PRODUCT_HARDWARE);
  lines[1].product_id = save_product (fixture->store, "TW-MOD-PAY", "Payroll module", 40000, CRM_PRODUCT_SOFTWARE);
  crm_store_save_quote_template (fixture->store, 0, "Clock and payroll", lines, G_N_ELEMENTS (lines), &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (fixture->store, "organization-name", "Mizrahi Time Systems", &error));
  g_assert_true (crm_store_set_setting (fixture->store, "organization-details", "12 HaBarzel St, Tel Aviv", &error));
  g_assert_true (crm_store_set_setting (fixture->store, "organization-logo", png, &error));
  g_assert_no_error (error);
  template_ = dup_template (fixture->store, 0);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      char *saved = crm_test_use_language (languages[i]);
      g_autofree char *products = g_strdup_printf ("preferences-products-%s.png", languages[i]);
      g_autofree char *organization = g_strdup_printf ("preferences-organization-%s.png", languages[i]);
      g_autofree char *product = g_strdup_printf ("preferences-product-dialog-%s.png", languages[i]);
      g_autofree char *template_shot = g_strdup_printf ("preferences-template-dialog-%s.png", languages[i]);
      GtkWidget *window = open_preferences (fixture->store, "products");
      GtkListBox *list = PREFS_CHILD (window, "products_list");
      gpointer dialog;

      crm_test_iterate (200);
      crm_test_screenshot (window, products);

      g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
      dialog = wait_for_window (CRM_TYPE_PRODUCT_DIALOG);
      crm_test_iterate (200);
      crm_test_screenshot (dialog, product);
      gtk_widget_activate_action (dialog, "dialog.cancel", NULL);

      g_signal_emit_by_name (PREFS_CHILD (window, "templates_list"), "row-activated",
                             gtk_list_box_get_row_at_index (PREFS_CHILD (window, "templates_list"), 0));
      dialog = wait_for_window (CRM_TYPE_QUOTE_TEMPLATE_DIALOG);
      g_assert_cmpuint (count_rows (TEMPLATE_CHILD (dialog, "lines_list")), ==, 2);
      crm_test_iterate (200);
      crm_test_screenshot (dialog, template_shot);
      gtk_widget_activate_action (dialog, "dialog.cancel", NULL);

      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "organization");
      crm_test_iterate (300);
      crm_test_screenshot (window, organization);
      close_window (window);
      crm_test_restore_language (saved);
    }
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  /* Pull the views' resources (and their registration) into the test. */
  g_assert_nonnull (crm_views_get_resource ());

#define ADD(path, func) \
  g_test_add (path, CrmTestFixture, "tw", crm_test_fixture_set_up, func, crm_test_fixture_tear_down)

  ADD ("/views/preferences/rule-tw-5-manager-adds-product", test_manager_adds_product);
  ADD ("/views/preferences/product-bad-input-at-the-field", test_bad_input_at_the_field);
  ADD ("/views/preferences/rep-reads-only", test_rep_reads_only);
  ADD ("/views/preferences/rule-axl-9-template-with-two-variants", test_template_with_two_variants);
  ADD ("/views/preferences/quote-header", test_quote_header);
  ADD ("/views/preferences/screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
