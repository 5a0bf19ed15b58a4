/* crm-quote-template-dialog.c
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

#define G_LOG_DOMAIN "crm-quote-template-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-quote-template-dialog.h"

#include "crm-problem.h"

#include "crm-money.h"
#include "crm-product.h"
#include "crm-quote-template.h"
#include "crm-store.h"

/* A quote template (a "master" of TW-5): a name and the lines a rep's
 * quote starts with. A line is a product from the catalogue, picked in a
 * drop-down that searches as one types, or free text; a quantity, a
 * discount and the name of the variant it belongs to (AXL-9). The lines
 * are edited in place and saved together; the store refuses a rep. */

struct _CrmQuoteTemplateDialog
{
  AdwWindow         parent_instance;

  /* Owned references */
  CrmStore         *store;
  CrmQuoteTemplate *template_;
  /* What a line's drop-down offers: "Free text", then the catalogue. */
  GListStore       *choices;

  /* Template widgets */
  AdwEntryRow      *name_row;
  GtkLabel         *problem_label;
  GtkListBox       *lines_list;
};

/* The widgets of one line's row. */
typedef struct
{
  GtkDropDown *product;
  GtkEntry    *description;
  GtkEntry    *quantity;
  GtkEntry    *discount;
  GtkEntry    *variant;
  GtkLabel    *problem;
} LineWidgets;

G_DEFINE_FINAL_TYPE (CrmQuoteTemplateDialog, crm_quote_template_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEMPLATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GQuark line_quark;

/* Quantities in thousandths, discounts in basis points (percent with two
 * decimals), as the model keeps them. */
#define QUANTITY_DECIMALS 3
#define DISCOUNT_DECIMALS 2
#define MAX_DISCOUNT 10000

/* Helpers */

static LineWidgets *
line_widgets (GtkListBoxRow *row)
{
  LineWidgets *line = g_object_get_qdata (G_OBJECT (row), line_quark);

  g_assert (line != NULL);

  return line;
}

static void
show_line_problem (GtkListBoxRow *row,
                   GtkWidget     *field,
                   const char    *message)
{
  LineWidgets *line = line_widgets (row);

  if (field != NULL)
    crm_problem_show (field, message);
  gtk_label_set_text (line->problem, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (line->problem), message != NULL);
}

static void
show_problem (CrmQuoteTemplateDialog *self,
              const char             *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
clear_problems (CrmQuoteTemplateDialog *self)
{
  GtkListBoxRow *row;

  crm_problem_show (GTK_WIDGET (self->name_row), NULL);
  show_problem (self, NULL);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->lines_list, i)) != NULL; i++)
    {
      LineWidgets *line = line_widgets (row);

      crm_problem_show (GTK_WIDGET (line->description), NULL);
      crm_problem_show (GTK_WIDGET (line->quantity), NULL);
      crm_problem_show (GTK_WIDGET (line->discount), NULL);
      show_line_problem (row, NULL, NULL);
    }
}

static char *
product_label (CrmProduct *product)
{
  const char *name = crm_product_get_name_for_language (product, crm_number_default_language ());
  const char *code = crm_product_get_code (product);

  if (crm_product_get_id (product) == 0 || code == NULL || *code == '\0')
    return g_strdup (name);

  /* Translators: a product in a quote template's picker: its name, then its code */
  return g_strdup_printf (_("%s (%s)"), name, code);
}

/* The expression the drop-down shows and searches by. */
static char *
product_label_cb (CrmProduct *product,
                  gpointer    user_data)
{
  return product != NULL ? product_label (product) : g_strdup ("");
}

static guint
find_choice (CrmQuoteTemplateDialog *self,
             gint64                  product_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmProduct) product = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (crm_product_get_id (product) == product_id)
        return i;
    }

  return 0;
}

static void
fill_choices (CrmQuoteTemplateDialog *self)
{
  g_autoptr(GListModel) products = crm_store_get_products (self->store);
  g_autoptr(CrmProduct) free_text = crm_product_new (0, _("Free text"), 0, "", TRUE);
  guint n = g_list_model_get_n_items (products);

  g_list_store_append (self->choices, free_text);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmProduct) product = g_list_model_get_item (products, i);

      g_list_store_append (self->choices, product);
    }
}

static GtkWidget *
new_entry (const char *placeholder,
           int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);

  return entry;
}

/* A caption before @entry, so a filled entry still says what it holds. */
static GtkWidget *
new_labelled (const char *caption,
              GtkEntry   *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (entry));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (entry));

  return box;
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void line_entry_changed_cb    (GtkEditable   *entry);
static void line_product_selected_cb (GtkDropDown   *dropdown,
                                      GParamSpec    *pspec,
                                      GtkListBoxRow *row);

/* Each line's row has its own "line" actions, for its buttons. */
static void
move_line (GtkListBoxRow *row,
           int            delta)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));
  int index = gtk_list_box_row_get_index (row) + delta;

  if (index < 0 || gtk_list_box_get_row_at_index (list, index) == NULL)
    return;

  g_object_ref (row);
  gtk_list_box_remove (list, GTK_WIDGET (row));
  gtk_list_box_insert (list, GTK_WIDGET (row), index);
  g_object_unref (row);
}

static void
line_move_up_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       row)
{
  move_line (row, -1);
}

static void
line_move_down_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       row)
{
  move_line (row, 1);
}

static void
line_remove_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       row)
{
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
}

static const GActionEntry line_actions[] = {
  { "move-up", line_move_up_cb },
  { "move-down", line_move_down_cb },
  { "remove", line_remove_cb },
};

/* A line's row: the product and its description, then the variant, the
 * quantity and the discount; the buttons move and remove it. */
static GtkListBoxRow *
add_line_row (CrmQuoteTemplateDialog     *self,
              const CrmQuoteTemplateLine *from)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkExpression *expression;
  LineWidgets *line = g_new0 (LineWidgets, 1);
  g_autofree char *quantity = crm_number_format_plain (from != NULL ? from->quantity : 1000, QUANTITY_DECIMALS);
  g_autofree char *discount = crm_number_format_plain (from != NULL ? from->discount : 0, DISCOUNT_DECIMALS);

  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), line_actions, G_N_ELEMENTS (line_actions), row);
  gtk_widget_insert_action_group (row, "line", G_ACTION_GROUP (actions));
  g_object_set_qdata_full (G_OBJECT (row), line_quark, line, g_free);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 8);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (product_label_cb), NULL, NULL);
  line->product = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->choices)), expression));
  gtk_drop_down_set_enable_search (line->product, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->product), _("Product"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->product),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Product"),
                                  -1);
  gtk_widget_set_size_request (GTK_WIDGET (line->product), 240, -1);
  line->description = GTK_ENTRY (new_entry (C_("quote line", "Description"), 20));
  gtk_widget_set_hexpand (GTK_WIDGET (line->description), TRUE);
  line->variant = GTK_ENTRY (new_entry (C_("quote line", "Variant"), 12));
  gtk_widget_set_hexpand (GTK_WIDGET (line->variant), TRUE);
  line->quantity = GTK_ENTRY (new_entry (C_("quote line", "Quantity"), 6));
  line->discount = GTK_ENTRY (new_entry (C_("quote line", "Discount, %"), 6));
  line->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (line->problem, TRUE);
  gtk_label_set_xalign (line->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (line->problem), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (line->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (line->problem), FALSE);

  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (line->product), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (line->description), 1, 0, 3, 1);
  gtk_grid_attach (GTK_GRID (grid), new_labelled (C_("quote line", "Variant"), line->variant), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_labelled (C_("quote line", "Quantity"), line->quantity), 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_labelled (C_("quote line", "Discount, %"), line->discount), 2, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_icon_button ("go-up-symbolic", _("Move Up"), "line.move-up"), 4, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_icon_button ("go-down-symbolic", _("Move Down"), "line.move-down"), 5, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_icon_button ("user-trash-symbolic", _("Remove Line"), "line.remove"), 6, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (line->problem), 0, 2, 7, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  gtk_editable_set_text (GTK_EDITABLE (line->quantity), quantity);
  gtk_editable_set_text (GTK_EDITABLE (line->discount), discount);
  if (from != NULL)
    {
      gtk_drop_down_set_selected (line->product, find_choice (self, from->product_id));
      gtk_editable_set_text (GTK_EDITABLE (line->description), from->description != NULL ? from->description : "");
      gtk_editable_set_text (GTK_EDITABLE (line->variant), from->variant != NULL ? from->variant : "");
    }

  g_signal_connect (line->description, "changed", G_CALLBACK (line_entry_changed_cb), NULL);
  g_signal_connect (line->quantity, "changed", G_CALLBACK (line_entry_changed_cb), NULL);
  g_signal_connect (line->discount, "changed", G_CALLBACK (line_entry_changed_cb), NULL);
  g_signal_connect (line->product, "notify::selected", G_CALLBACK (line_product_selected_cb), row);
  line_product_selected_cb (line->product, NULL, GTK_LIST_BOX_ROW (row));

  gtk_list_box_append (self->lines_list, row);

  return GTK_LIST_BOX_ROW (row);
}

static void
fill_from_template (CrmQuoteTemplateDialog *self)
{
  guint n = crm_quote_template_get_n_lines (self->template_);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), crm_quote_template_get_name (self->template_));
  for (guint i = 0; i < n; i++)
    add_line_row (self, crm_quote_template_get_line (self->template_, i));

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Quote Template"));
}

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* Reads one line's fields into @out; the strings are added to @strings,
 * which keeps them while the line is saved. */
static gboolean
read_line (GtkListBoxRow        *row,
           GPtrArray            *strings,
           CrmQuoteTemplateLine *out)
{
  LineWidgets *line = line_widgets (row);
  g_autoptr(CrmProduct) product = gtk_drop_down_get_selected_item (line->product) != NULL
                                  ? g_object_ref (gtk_drop_down_get_selected_item (line->product))
                                  : NULL;
  char *description = dup_trimmed (GTK_EDITABLE (line->description));
  char *variant = dup_trimmed (GTK_EDITABLE (line->variant));
  g_autofree char *quantity = dup_trimmed (GTK_EDITABLE (line->quantity));
  g_autofree char *discount = dup_trimmed (GTK_EDITABLE (line->discount));
  const char *language = crm_number_default_language ();
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  g_ptr_array_add (strings, description);
  g_ptr_array_add (strings, variant);

  out->product_id = product != NULL ? crm_product_get_id (product) : 0;
  out->description = *description != '\0' ? description : NULL;
  out->variant = *variant != '\0' ? variant : NULL;

  if (out->product_id == 0 && out->description == NULL)
    {
      show_line_problem (row, GTK_WIDGET (line->description),
                         _("A free-text line needs a description."));
      return FALSE;
    }

  if (!crm_number_parse (quantity, language, QUANTITY_DECIMALS, &value, &error))
    {
      show_line_problem (row, GTK_WIDGET (line->quantity), error->message);
      return FALSE;
    }
  if (value <= 0)
    {
      show_line_problem (row, GTK_WIDGET (line->quantity), _("A quantity must be more than zero."));
      return FALSE;
    }
  out->quantity = value;

  value = 0;
  if (*discount != '\0' && !crm_number_parse (discount, language, DISCOUNT_DECIMALS, &value, &error))
    {
      show_line_problem (row, GTK_WIDGET (line->discount), error->message);
      return FALSE;
    }
  if (value < 0 || value > MAX_DISCOUNT)
    {
      show_line_problem (row, GTK_WIDGET (line->discount), _("A discount is between 0 and 100 %."));
      return FALSE;
    }
  out->discount = (guint)value;

  return TRUE;
}

static void
save (CrmQuoteTemplateDialog *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (CrmQuoteTemplateLine));
  g_autofree char *name = dup_trimmed (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  gboolean ok = TRUE;
  gint64 id;

  clear_problems (self);

  /* Every line is read, so that each problem shows at once. */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->lines_list, i)) != NULL; i++)
    {
      CrmQuoteTemplateLine line = { 0 };

      if (read_line (row, strings, &line))
        g_array_append_val (lines, line);
      else
        ok = FALSE;
    }
  if (!ok)
    return;

  id = crm_store_save_quote_template (self->store,
                                      self->template_ != NULL ? crm_quote_template_get_id (self->template_) : 0,
                                      name,
                                      (const CrmQuoteTemplateLine *)(gpointer)lines->data, lines->len,
                                      &error);
  if (id == 0)
    {
      /* The name is the one field the store checks alone (missing, or
       * another template's); the rest is about the lines or the user. */
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME))
        crm_problem_show (GTK_WIDGET (self->name_row), error->message);
      show_problem (self, error->message);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Signal callbacks */

static void
name_changed_cb (CrmQuoteTemplateDialog *self)
{
  crm_problem_show (GTK_WIDGET (self->name_row), NULL);
}

static void
line_entry_changed_cb (GtkEditable *entry)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW);

  crm_problem_show (GTK_WIDGET (entry), NULL);
  if (row != NULL)
    show_line_problem (GTK_LIST_BOX_ROW (row), NULL, NULL);
}

/* A product line shows the product's name as the description it gets
 * when none is typed. */
static void
line_product_selected_cb (GtkDropDown   *dropdown,
                          GParamSpec    *pspec,
                          GtkListBoxRow *row)
{
  LineWidgets *line = line_widgets (row);
  CrmProduct *product = gtk_drop_down_get_selected_item (dropdown);

  if (product != NULL && crm_product_get_id (product) != 0)
    gtk_entry_set_placeholder_text (line->description,
                                    crm_product_get_name_for_language (product, crm_number_default_language ()));
  else
    gtk_entry_set_placeholder_text (line->description, C_("quote line", "Description"));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CRM_QUOTE_TEMPLATE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmQuoteTemplateDialog *self = CRM_QUOTE_TEMPLATE_DIALOG (widget);
  GtkListBoxRow *row = add_line_row (self, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (line_widgets (row)->product));
}

/* GObject overrides */

static void
crm_quote_template_dialog_constructed (GObject *object)
{
  CrmQuoteTemplateDialog *self = (CrmQuoteTemplateDialog *)object;

  G_OBJECT_CLASS (crm_quote_template_dialog_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  fill_choices (self);
  if (self->template_ != NULL)
    fill_from_template (self);
  clear_problems (self);
}

static void
crm_quote_template_dialog_dispose (GObject *object)
{
  CrmQuoteTemplateDialog *self = (CrmQuoteTemplateDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUOTE_TEMPLATE_DIALOG);

  g_clear_object (&self->choices);
  g_clear_object (&self->template_);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_quote_template_dialog_parent_class)->dispose (object);
}

static void
crm_quote_template_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  CrmQuoteTemplateDialog *self = CRM_QUOTE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TEMPLATE:
      g_value_set_object (value, self->template_);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_template_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  CrmQuoteTemplateDialog *self = CRM_QUOTE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TEMPLATE:
      self->template_ = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_template_dialog_class_init (CrmQuoteTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_quote_template_dialog_constructed;
  object_class->dispose = crm_quote_template_dialog_dispose;
  object_class->get_property = crm_quote_template_dialog_get_property;
  object_class->set_property = crm_quote_template_dialog_set_property;

  /**
   * CrmQuoteTemplateDialog:store:
   *
   * The store the template is saved to.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuoteTemplateDialog:template:
   *
   * The template edited, or %NULL for a new one.
   */
  properties [PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL,
                         CRM_TYPE_QUOTE_TEMPLATE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmQuoteTemplateDialog::saved:
   * @self: the dialog
   * @template_id: the id of the template saved
   *
   * Emitted when the store has saved the template, just before the dialog
   * closes.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-quote-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteTemplateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteTemplateDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteTemplateDialog, lines_list);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-line", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);

  line_quark = g_quark_from_static_string ("crm-quote-template-line");
}

static void
crm_quote_template_dialog_init (CrmQuoteTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_list_store_new (CRM_TYPE_PRODUCT);
}

/* Public API */

/**
 * crm_quote_template_dialog_new:
 * @store: the store
 * @template_: (nullable): the template to edit, or %NULL to add one
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_quote_template_dialog_new (CrmStore         *store,
                               CrmQuoteTemplate *template_)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (template_ == NULL || CRM_IS_QUOTE_TEMPLATE (template_), NULL);

  return g_object_new (CRM_TYPE_QUOTE_TEMPLATE_DIALOG,
                       "store", store,
                       "template", template_,
                       NULL);
}

/**
 * crm_quote_template_dialog_get_template:
 * @self: a #CrmQuoteTemplateDialog
 *
 * Returns: (transfer none) (nullable): the template edited
 */
CrmQuoteTemplate *
crm_quote_template_dialog_get_template (CrmQuoteTemplateDialog *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_TEMPLATE_DIALOG (self), NULL);

  return self->template_;
}
