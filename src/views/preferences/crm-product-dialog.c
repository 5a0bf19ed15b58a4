/* crm-product-dialog.c
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

#define G_LOG_DOMAIN "crm-product-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-product-dialog.h"

#include "crm-problem.h"

#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-store.h"

/* A product master (TW-5), added or edited by a sales manager. What can
 * be read here is read here, in the UI's language: the prices and the VAT
 * rate; the rest is the store's to check (a code already taken, a name
 * missing). Either way the message shows under the field it is about, and
 * nothing is saved until every field is right. */

struct _CrmProductDialog
{
  AdwWindow       parent_instance;

  /* Owned references */
  CrmStore       *store;
  CrmProduct     *product;

  /* Template widgets */
  GtkLabel       *problem_label;
  AdwEntryRow    *code_row;
  AdwActionRow   *code_problem_row;
  AdwEntryRow    *name_row;
  AdwActionRow   *name_problem_row;
  AdwEntryRow    *name_he_row;
  AdwEntryRow    *name_ru_row;
  AdwComboRow    *kind_row;
  GtkStringList  *kind_list;
  AdwEntryRow    *price_row;
  AdwActionRow   *price_problem_row;
  AdwEntryRow    *floor_price_row;
  AdwActionRow   *floor_price_problem_row;
  AdwEntryRow    *currency_row;
  AdwActionRow   *currency_problem_row;
  AdwEntryRow    *vat_row;
  AdwActionRow   *vat_problem_row;
  GtkSwitch      *active_switch;
};

G_DEFINE_FINAL_TYPE (CrmProductDialog, crm_product_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRODUCT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* A VAT rate is typed in percent with up to two decimals: basis points. */
#define VAT_DECIMALS 2
#define MAX_VAT_RATE 10000

/* Helpers */

/* The problem row under each field, in the order of the form. */
static AdwActionRow *
problem_row_for (CrmProductDialog *self,
                 AdwEntryRow      *row)
{
  if (row == self->code_row)
    return self->code_problem_row;
  if (row == self->name_row)
    return self->name_problem_row;
  if (row == self->price_row)
    return self->price_problem_row;
  if (row == self->floor_price_row)
    return self->floor_price_problem_row;
  if (row == self->currency_row)
    return self->currency_problem_row;
  if (row == self->vat_row)
    return self->vat_problem_row;

  return NULL;
}

static void
show_problem (CrmProductDialog *self,
              AdwEntryRow      *row,
              const char       *message)
{
  AdwActionRow *problem = problem_row_for (self, row);

  crm_problem_show (GTK_WIDGET (row), message);
  if (problem == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (problem), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (problem), message != NULL);
}

static void
show_general_problem (CrmProductDialog *self,
                      const char       *message)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (self->problem_label),
                                              ADW_TYPE_PREFERENCES_GROUP);

  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
  /* Its group is there only for the label: hidden, it leaves no gap. */
  gtk_widget_set_visible (group, message != NULL);
}

static void
clear_problems (CrmProductDialog *self)
{
  AdwEntryRow *rows[] = { self->code_row, self->name_row, self->price_row,
                          self->floor_price_row, self->currency_row, self->vat_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    show_problem (self, rows[i], NULL);
  show_general_problem (self, NULL);
}

/* The store says what is wrong by its error's code; with what this form
 * has already checked (a price that reads, a VAT rate within range), each
 * code can be about one field only. Anything else (a rep refused, a text
 * too long, the disk) is about the whole product. */
static AdwEntryRow *
row_for_store_error (CrmProductDialog     *self,
                     const CrmProductInfo *info,
                     const GError         *error)
{
  if (error->domain != CRM_STORE_ERROR)
    return NULL;

  switch (error->code)
    {
    case CRM_STORE_ERROR_INVALID_NAME:
      return self->name_row;

    /* The kind is picked from a list: only the code is left. */
    case CRM_STORE_ERROR_INVALID_FIELD:
      return self->code_row;

    /* The price is never negative once read: the lowest price above it,
     * or a currency that is not one. */
    case CRM_STORE_ERROR_INVALID_AMOUNT:
      return info->floor_price > info->price ? self->floor_price_row : self->currency_row;

    default:
      return NULL;
    }
}

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
nullable (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* Reads a money field; @optional fields left empty give -1. */
static gboolean
read_money (CrmProductDialog *self,
            AdwEntryRow      *row,
            gboolean          optional,
            gint64           *out_minor)
{
  g_autofree char *text = dup_trimmed (row);
  g_autoptr(GError) error = NULL;

  if (*text == '\0' && optional)
    {
      *out_minor = -1;
      return TRUE;
    }

  if (!crm_money_parse (text, crm_number_default_language (), out_minor, &error))
    {
      show_problem (self, row, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_vat_rate (CrmProductDialog *self,
               guint            *out_rate)
{
  g_autofree char *text = dup_trimmed (self->vat_row);
  g_autoptr(GError) error = NULL;
  gint64 rate = 0;

  if (*text == '\0')
    {
      *out_rate = 0;
      return TRUE;
    }

  if (!crm_number_parse (text, crm_number_default_language (), VAT_DECIMALS, &rate, &error))
    {
      show_problem (self, self->vat_row, error->message);
      return FALSE;
    }

  if (rate < 0 || rate > MAX_VAT_RATE)
    {
      show_problem (self, self->vat_row, _("A VAT rate is between 0 and 100 %."));
      return FALSE;
    }

  *out_rate = (guint)rate;
  return TRUE;
}

static void
set_money_text (AdwEntryRow *row,
                gint64       minor)
{
  g_autofree char *text = minor >= 0 ? crm_money_format_plain (minor) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_from_product (CrmProductDialog *self)
{
  CrmProductInfo info;
  g_autofree char *vat = NULL;

  crm_product_get_info (self->product, &info);
  vat = crm_number_format_plain (info.vat_rate, VAT_DECIMALS);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), info.code != NULL ? info.code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), info.name != NULL ? info.name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_he_row), info.name_he != NULL ? info.name_he : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_ru_row), info.name_ru != NULL ? info.name_ru : "");
  adw_combo_row_set_selected (self->kind_row, info.kind);
  set_money_text (self->price_row, info.price);
  set_money_text (self->floor_price_row, info.floor_price);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), info.currency != NULL ? info.currency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->vat_row), vat);
  gtk_switch_set_active (self->active_switch, info.active);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Product"));
}

/* A new product starts in the procedure's currency and VAT rate: most of a
 * department's catalogue is priced so. */
static void
fill_defaults (CrmProductDialog *self)
{
  CrmProcedure *procedure = crm_store_get_procedure (self->store);

  if (procedure == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         crm_procedure_get_currency (procedure));
  adw_combo_row_set_selected (self->kind_row, CRM_PRODUCT_OTHER);
}

static void
save (CrmProductDialog *self)
{
  g_autofree char *code = dup_trimmed (self->code_row);
  g_autofree char *name = dup_trimmed (self->name_row);
  g_autofree char *name_he = dup_trimmed (self->name_he_row);
  g_autofree char *name_ru = dup_trimmed (self->name_ru_row);
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);
  g_autoptr(GError) error = NULL;
  CrmProductInfo info = { 0 };
  gboolean ok = TRUE;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gint64 id;

  clear_problems (self);

  /* Every field is read, so that each problem shows at once. */
  ok &= read_money (self, self->price_row, FALSE, &info.price);
  ok &= read_money (self, self->floor_price_row, TRUE, &info.floor_price);
  ok &= read_vat_rate (self, &info.vat_rate);
  if (!ok)
    return;

  info.id = self->product != NULL ? crm_product_get_id (self->product) : 0;
  info.code = nullable (code);
  info.name = name;
  info.name_he = nullable (name_he);
  info.name_ru = nullable (name_ru);
  info.currency = g_strstrip (currency);
  info.kind = kind < CRM_N_PRODUCT_KINDS ? (CrmProductKind)kind : CRM_PRODUCT_OTHER;
  info.active = gtk_switch_get_active (self->active_switch);

  id = crm_store_save_product (self->store, &info, &error);
  if (id == 0)
    {
      AdwEntryRow *row = row_for_store_error (self, &info, error);

      if (row != NULL)
        {
          show_problem (self, row, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (row));
        }
      else
        show_general_problem (self, error->message);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Signal callbacks */

static void
field_changed_cb (CrmProductDialog *self,
                  AdwEntryRow      *row)
{
  /* A problem was about what was typed before. */
  show_problem (self, row, NULL);
}

static void
entry_activated_cb (CrmProductDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CRM_PRODUCT_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject overrides */

static void
crm_product_dialog_constructed (GObject *object)
{
  CrmProductDialog *self = (CrmProductDialog *)object;

  G_OBJECT_CLASS (crm_product_dialog_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  for (guint kind = 0; kind < CRM_N_PRODUCT_KINDS; kind++)
    gtk_string_list_append (self->kind_list, crm_product_kind_get_label (kind));

  if (self->product != NULL)
    fill_from_product (self);
  else
    fill_defaults (self);

  /* Filling the rows is not a change to clear a problem for. */
  clear_problems (self);
}

static void
crm_product_dialog_dispose (GObject *object)
{
  CrmProductDialog *self = (CrmProductDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_PRODUCT_DIALOG);

  g_clear_object (&self->product);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_product_dialog_parent_class)->dispose (object);
}

static void
crm_product_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CrmProductDialog *self = CRM_PRODUCT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PRODUCT:
      g_value_set_object (value, self->product);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_product_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CrmProductDialog *self = CRM_PRODUCT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PRODUCT:
      self->product = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_product_dialog_class_init (CrmProductDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_product_dialog_constructed;
  object_class->dispose = crm_product_dialog_dispose;
  object_class->get_property = crm_product_dialog_get_property;
  object_class->set_property = crm_product_dialog_set_property;

  /**
   * CrmProductDialog:store:
   *
   * The store the product is saved to.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmProductDialog:product:
   *
   * The product edited, or %NULL for a new one.
   */
  properties [PROP_PRODUCT] =
    g_param_spec_object ("product", NULL, NULL,
                         CRM_TYPE_PRODUCT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmProductDialog::saved:
   * @self: the dialog
   * @product_id: the id of the product saved
   *
   * Emitted when the store has saved the product, just before the dialog
   * closes.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-product-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, code_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, name_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, name_he_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, name_ru_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, price_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, price_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, floor_price_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, floor_price_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, currency_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, vat_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, vat_problem_row);
  gtk_widget_class_bind_template_child (widget_class, CrmProductDialog, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
crm_product_dialog_init (CrmProductDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * crm_product_dialog_new:
 * @store: the store
 * @product: (nullable): the product to edit, or %NULL to add one
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
crm_product_dialog_new (CrmStore   *store,
                        CrmProduct *product)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (product == NULL || CRM_IS_PRODUCT (product), NULL);

  return g_object_new (CRM_TYPE_PRODUCT_DIALOG,
                       "store", store,
                       "product", product,
                       NULL);
}

/**
 * crm_product_dialog_get_product:
 * @self: a #CrmProductDialog
 *
 * Returns: (transfer none) (nullable): the product edited
 */
CrmProduct *
crm_product_dialog_get_product (CrmProductDialog *self)
{
  g_return_val_if_fail (CRM_IS_PRODUCT_DIALOG (self), NULL);

  return self->product;
}

/**
 * crm_product_kind_get_label:
 * @kind: a #CrmProductKind
 *
 * Returns: (transfer none): what @kind is called in the UI's language
 */
const char *
crm_product_kind_get_label (CrmProductKind kind)
{
  switch (kind)
    {
    case CRM_PRODUCT_HARDWARE:
      return C_("product kind", "Hardware");

    case CRM_PRODUCT_SOFTWARE:
      return C_("product kind", "Software Module");

    case CRM_PRODUCT_LICENCE:
      return C_("product kind", "Licence");

    case CRM_PRODUCT_SERVICE:
      return C_("product kind", "Service");

    case CRM_PRODUCT_OTHER:
    default:
      return C_("product kind", "Other");
    }
}
