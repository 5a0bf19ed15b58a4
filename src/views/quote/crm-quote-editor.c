/* crm-quote-editor.c
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

#define G_LOG_DOMAIN "crm-quote-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-quote-editor-private.h"

#include "crm-money.h"
#include "crm-procedure.h"
#include "crm-quote-document.h"
#include "crm-quote-variant.h"
#include "crm-strings.h"
#include "crm-toast.h"

/* A quote, edited beside its real PDF (TW-5, TW-6, TW-7, AXL-9, RAD-11):
 * the header (language, validity, customer, payment term), the variants
 * as tabs, and the preview. A draft saves itself a moment after each edit,
 * and only when the whole quote passes crm_quote_check(): the store never
 * holds a half-edited quote. A sent quote opens read only, showing the
 * bytes that went out; changing it takes a new revision. */

static const struct {
  const char *key;
  const char *name;   /* each language in itself: not translated */
} languages[] = {
  { "en", "English" },
  { "he", "עברית" },
  { "ru", "Русский" },
};

G_DEFINE_FINAL_TYPE (CrmQuoteEditor, crm_quote_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_crm_quote_editor_toast (CrmQuoteEditor *self,
                         const char     *message)
{
  crm_toast_show (self->toast_overlay, crm_toast_new_text (message));
}

/* The payment term and its schedule */

static const CrmPaymentTerm *
get_term (CrmQuoteEditor *self)
{
  CrmProcedure *procedure = crm_quote_get_procedure (self->quote);
  const char *key = crm_quote_get_payment_term (self->quote);

  if (procedure == NULL || key == NULL)
    return NULL;

  return crm_procedure_find_payment_term (procedure, key);
}

static const CrmQuoteChargeRule *
find_ranged_charge (CrmQuoteEditor *self)
{
  CrmProcedure *procedure = crm_quote_get_procedure (self->quote);
  guint n_charges = procedure != NULL ? crm_procedure_get_n_quote_charges (procedure) : 0;

  for (guint i = 0; i < n_charges; i++)
    {
      const CrmQuoteChargeRule *charge = crm_procedure_get_quote_charge (procedure, i);

      if (charge->ranged)
        return charge;
    }

  return NULL;
}

static char *
format_money (CrmQuoteEditor *self,
              gint64          minor)
{
  return crm_document_format_money (minor, crm_quote_get_currency (self->quote),
                                    crm_number_default_language ());
}

/* What the customer pays when, for the variant on screen (TW-6, TW-7,
 * AXL-9, RAD-11): one line per charge, split into its instalments. */
static void
update_schedule (CrmQuoteEditor *self)
{
  GtkWidget *page = crm_quote_editor_get_current_page (self);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) charges = NULL;

  if (page == NULL)
    {
      gtk_label_set_text (self->schedule_label, "");
      return;
    }

  charges = crm_quote_compute_schedule (self->quote,
                                        crm_quote_variant_page_get_variant (CRM_QUOTE_VARIANT_PAGE (page)),
                                        &error);
  if (charges == NULL)
    {
      gtk_label_set_text (self->schedule_label, error->message);
      return;
    }

  for (guint i = 0; i < charges->len; i++)
    {
      const CrmQuoteCharge *charge = &g_array_index (charges, CrmQuoteCharge, i);
      g_autofree char *amount = format_money (self, charge->amount);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      if (charge->installments > 1)
        {
          g_autofree char *part = format_money (self, charge->first_part);

          /* Translators: a charge of the payment schedule: its name, amount,
           * and in how many instalments of how much */
          g_string_append_printf (text, _("%s: %s, in %u instalments of %s"),
                                  charge->name, amount, charge->installments, part);
          if (charge->other_part != charge->first_part)
            {
              g_autofree char *other = format_money (self, charge->other_part);

              /* Translators: after "in N instalments of X", when the later ones differ */
              g_string_append_printf (text, _(" (then %s)"), other);
            }
        }
      else
        /* Translators: a charge of the payment schedule: its name and amount */
        g_string_append_printf (text, _("%s: %s"), charge->name, amount);
    }

  gtk_label_set_text (self->schedule_label, text->str);
}

static void
update_term_rows (CrmQuoteEditor *self)
{
  const CrmPaymentTerm *term = get_term (self);
  const CrmQuoteChargeRule *ranged = find_ranged_charge (self);
  guint max = term != NULL ? term->max_installments : 0;

  self->updating++;

  gtk_widget_set_visible (GTK_WIDGET (self->installments_row), max > 1);
  gtk_spin_button_set_range (self->installments_spin, 1, MAX (max, 1));
  gtk_spin_button_set_value (self->installments_spin, crm_quote_get_installments (self->quote));

  gtk_widget_set_visible (GTK_WIDGET (self->prepayment_row), ranged != NULL);
  if (ranged != NULL)
    {
      gtk_spin_button_set_range (self->prepayment_spin, ranged->min_percent, ranged->max_percent);
      gtk_spin_button_set_value (self->prepayment_spin, crm_quote_get_prepayment_percent (self->quote));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->prepayment_row), crm_text_get (&ranged->name));
    }

  /* TW-6: a term that needs the sales manager can be chosen, but the
   * quote cannot go out until it is approved. */
  gtk_widget_set_visible (self->approval_banner,
                          crm_quote_get_approval (self->quote) == CRM_QUOTE_APPROVAL_PENDING);

  self->updating--;
}

static void
update_customer (CrmQuoteEditor *self)
{
  const char *name = crm_quote_get_customer_name (self->quote);
  const char *company = crm_quote_get_customer_company (self->quote);

  adw_action_row_set_subtitle (self->customer_row, !crm_str_is_blank (company) ? company : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->customer_row),
                                 !crm_str_is_blank (name) ? name : _("No customer"));
  /* The PDF isolates them; the rep should still know they are there. */
  gtk_widget_set_visible (GTK_WIDGET (self->bidi_label), crm_quote_has_bidi_controls (self->quote));
}

static void
update_title (CrmQuoteEditor *self)
{
  g_autofree char *number = crm_quote_dup_display_number (self->quote);

  adw_window_title_set_title (self->window_title, number);
  gtk_window_set_title (GTK_WINDOW (self), number);
}

/* Autosave */

gboolean
crm_quote_editor_save_now (CrmQuoteEditor  *self,
                           GError         **error)
{
  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->read_only)
    return TRUE;

  if (!crm_quote_check (self->quote, error))
    return FALSE;

  return crm_store_save_quote (self->store, self->quote, error);
}

static gboolean
save_cb (gpointer user_data)
{
  CrmQuoteEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;

  if (crm_quote_editor_save_now (self, &error))
    adw_window_title_set_subtitle (self->window_title, _("Draft saved"));
  else if (error->domain == CRM_QUOTE_ERROR)
    {
      /* Translators: why the draft was not saved; %s is the problem */
      g_autofree char *text = g_strdup_printf (_("Not saved yet: %s"), error->message);

      adw_window_title_set_subtitle (self->window_title, text);
    }
  else
    _crm_quote_editor_toast (self, error->message);

  return G_SOURCE_REMOVE;
}

/* After every edit: the schedule follows at once, the preview and the
 * save a moment later. */
static void
quote_edited (CrmQuoteEditor *self)
{
  if (self->updating > 0 || self->read_only)
    return;

  update_term_rows (self);
  update_customer (self);
  update_schedule (self);
  crm_quote_preview_queue_render (self->preview);

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CRM_QUOTE_EDITOR_SAVE_DELAY_MS, save_cb, self);
}

/* The header's rows */

static void
language_selected_cb (CrmQuoteEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->updating > 0 || selected >= G_N_ELEMENTS (languages))
    return;

  crm_quote_set_language (self->quote, languages[selected].key);
  quote_edited (self);
}

static void
validity_changed_cb (CrmQuoteEditor *self)
{
  GDateTime *date = crm_date_time_chooser_get_date_time (self->validity_chooser);
  g_autofree char *iso = NULL;

  if (self->updating > 0 || date == NULL)
    return;

  iso = g_date_time_format (date, "%Y-%m-%d");
  crm_quote_set_valid_until (self->quote, iso);
  quote_edited (self);
}

static void
term_selected_cb (CrmQuoteEditor *self)
{
  CrmProcedure *procedure = crm_quote_get_procedure (self->quote);
  guint selected = adw_combo_row_get_selected (self->term_row);
  const CrmPaymentTerm *term;

  if (self->updating > 0 || procedure == NULL || selected >= crm_procedure_get_n_payment_terms (procedure))
    return;

  /* TW-6: a term with instalments starts at its most. */
  term = crm_procedure_get_payment_term (procedure, selected);
  crm_quote_set_payment_term (self->quote, term->key, MAX (term->max_installments, 1));
  quote_edited (self);
}

static void
installments_changed_cb (CrmQuoteEditor *self)
{
  if (self->updating > 0)
    return;

  crm_quote_set_payment_term (self->quote, crm_quote_get_payment_term (self->quote),
                              (guint)gtk_spin_button_get_value_as_int (self->installments_spin));
  quote_edited (self);
}

static void
prepayment_changed_cb (CrmQuoteEditor *self)
{
  if (self->updating > 0)
    return;

  crm_quote_set_prepayment_percent (self->quote, (guint)gtk_spin_button_get_value_as_int (self->prepayment_spin));
  quote_edited (self);
}

static void
fill_terms (CrmQuoteEditor *self)
{
  CrmProcedure *procedure = crm_quote_get_procedure (self->quote);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_terms = procedure != NULL ? crm_procedure_get_n_payment_terms (procedure) : 0;
  guint selected = 0;

  for (guint i = 0; i < n_terms; i++)
    {
      const CrmPaymentTerm *term = crm_procedure_get_payment_term (procedure, i);

      gtk_string_list_append (names, crm_text_get (&term->name));
      if (g_strcmp0 (term->key, crm_quote_get_payment_term (self->quote)) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->term_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->term_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->term_row), n_terms > 0);
}

static void
fill_form (CrmQuoteEditor *self)
{
  const char *valid_until = crm_quote_get_valid_until (self->quote);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  self->updating++;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (names, languages[i].name);
      if (g_strcmp0 (languages[i].key, crm_quote_get_language (self->quote)) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);

  if (valid_until != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%sT12:00:00", valid_until);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (text, local);

      if (date != NULL)
        crm_date_time_chooser_set_date_time (self->validity_chooser, date);
    }

  fill_terms (self);
  self->updating--;

  update_term_rows (self);
  update_customer (self);
  update_title (self);
}

/* The variants, as tabs */

static AdwTabPage *
append_variant_page (CrmQuoteEditor  *self,
                     CrmQuoteVariant *variant)
{
  GtkWidget *page = crm_quote_variant_page_new (self->store, self->quote, variant);
  AdwTabPage *tab = adw_tab_view_append (self->tab_view, page);

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (variant, "changed", G_CALLBACK (quote_edited), self, G_CONNECT_SWAPPED);
  crm_quote_variant_page_set_editable (CRM_QUOTE_VARIANT_PAGE (page), !self->read_only);

  return tab;
}

static void
fill_variants (CrmQuoteEditor *self)
{
  GListModel *variants = crm_quote_get_variants (self->quote);
  guint n_variants = g_list_model_get_n_items (variants);

  for (guint i = 0; i < n_variants; i++)
    {
      g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (variants, i);

      append_variant_page (self, variant);
    }
}

/* Closing a tab removes its variant, unless it is the last. */
static gboolean
close_page_cb (CrmQuoteEditor *self,
               AdwTabPage     *tab)
{
  GListModel *variants = crm_quote_get_variants (self->quote);
  int position = adw_tab_view_get_page_position (self->tab_view, tab);
  gboolean allowed = !self->read_only && g_list_model_get_n_items (variants) > 1;

  if (allowed)
    {
      g_autoptr(CrmQuoteVariant) removed = crm_quote_remove_variant (self->quote, (guint)position);

      g_signal_handlers_disconnect_by_func (removed, quote_edited, self);
    }

  adw_tab_view_close_page_finish (self->tab_view, tab, allowed);
  if (allowed)
    quote_edited (self);

  return GDK_EVENT_STOP;
}

/* Actions */

static CrmQuoteVariantPage *
current_page (CrmQuoteEditor *self)
{
  GtkWidget *page = crm_quote_editor_get_current_page (self);

  return page != NULL ? CRM_QUOTE_VARIANT_PAGE (page) : NULL;
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmQuoteVariantPage *page = current_page (CRM_QUOTE_EDITOR (widget));

  if (page != NULL)
    crm_quote_variant_page_show_products (page);
}

static void
add_free_line_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmQuoteVariantPage *page = current_page (CRM_QUOTE_EDITOR (widget));

  if (page != NULL)
    crm_quote_variant_page_add_free_line (page);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  CrmQuoteVariantPage *page = current_page (self);
  AdwToast *toast;
  guint position;

  if (page == NULL || self->read_only)
    return;

  position = crm_quote_variant_page_get_selected (page);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      _crm_quote_editor_toast (self, _("Choose a line to remove first"));
      return;
    }

  g_set_object (&self->removed_variant, crm_quote_variant_page_get_variant (page));
  g_clear_object (&self->removed_line);
  self->removed_line = crm_quote_variant_remove_line (self->removed_variant, position);
  self->removed_position = position;

  toast = crm_toast_new_text (_("Line removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "quote.undo-remove-line");
  crm_toast_show (self->toast_overlay, toast);
}

static void
undo_remove_line_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  GListModel *lines;

  if (self->removed_line == NULL || self->read_only)
    return;

  lines = crm_quote_variant_get_lines (self->removed_variant);
  crm_quote_variant_insert_line (self->removed_variant,
                                 MIN (self->removed_position, g_list_model_get_n_items (lines)),
                                 self->removed_line);
  g_clear_object (&self->removed_line);
  g_clear_object (&self->removed_variant);
}

static void
add_variant_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  GListModel *variants = crm_quote_get_variants (self->quote);
  g_autoptr(CrmQuoteVariant) variant = NULL;
  g_autofree char *name = NULL;
  AdwTabPage *tab;

  if (self->read_only)
    return;

  /* Translators: the name a new variant of a quote starts with; %u counts them */
  name = g_strdup_printf (_("Variant %u"), g_list_model_get_n_items (variants) + 1);
  variant = crm_quote_variant_new (name);
  crm_quote_add_variant (self->quote, variant);
  tab = append_variant_page (self, variant);
  adw_tab_view_set_selected_page (self->tab_view, tab);
  quote_edited (self);
}

/* Read only: a sent quote */

static void
set_read_only (CrmQuoteEditor *self,
               gboolean        read_only)
{
  static const char * const edit_actions[] = {
    "quote.add-line", "quote.add-free-line", "quote.remove-line", "quote.undo-remove-line",
    "quote.add-variant", "quote.send", "quote.mark-sent",
  };
  guint n_pages = (guint)adw_tab_view_get_n_pages (self->tab_view);

  self->read_only = !!read_only;
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quote.new-revision", read_only);

  gtk_widget_set_sensitive (self->form_group, !read_only);
  for (guint i = 0; i < n_pages; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, (int)i);

      crm_quote_variant_page_set_editable (CRM_QUOTE_VARIANT_PAGE (adw_tab_page_get_child (tab)), !read_only);
    }
  gtk_widget_set_visible (self->sent_banner, read_only);
}

/* Shows @stored, as the store now holds it after sending: read only, with
 * the PDF that went out. */
void
_crm_quote_editor_show_sent (CrmQuoteEditor *self,
                             CrmQuote       *stored)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (stored != NULL && stored != self->quote)
    {
      g_set_object (&self->quote, stored);
      crm_quote_preview_set_quote (self->preview, NULL);
    }

  pdf = crm_store_load_quote_pdf (self->store, crm_quote_get_id (self->quote), &sha256, &error);
  if (pdf == NULL)
    _crm_quote_editor_toast (self, error->message);
  else
    {
      g_clear_pointer (&self->stored_pdf, g_bytes_unref);
      self->stored_pdf = g_bytes_ref (pdf);
      crm_quote_preview_set_pdf (self->preview, pdf);
    }

  number = crm_quote_dup_display_number (self->quote);
  /* Translators: the banner of a sent quote; %s is its number */
  text = g_strdup_printf (_("%s was sent and can no longer change: make a new revision to change it"),
                          number);
  gtk_label_set_text (self->sent_label, text);
  adw_window_title_set_subtitle (self->window_title, _("Sent"));
  set_read_only (self, TRUE);
}

/* Overrides */

static void
crm_quote_editor_close_request (GtkWindow *window)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (window);
  g_autoptr(GError) error = NULL;

  /* An edit still waiting to be saved is saved now, if it can be. */
  if (self->save_source != 0 && !crm_quote_editor_save_now (self, &error))
    g_debug ("The draft was not saved on closing: %s", error->message);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  crm_quote_editor_close_request (window);

  return GDK_EVENT_PROPAGATE;
}

static void
crm_quote_editor_constructed (GObject *object)
{
  CrmQuoteEditor *self = (CrmQuoteEditor *)object;

  G_OBJECT_CLASS (crm_quote_editor_parent_class)->constructed (object);

  g_return_if_fail (CRM_IS_STORE (self->store));
  g_return_if_fail (CRM_IS_QUOTE (self->quote));

  fill_form (self);
  fill_variants (self);
  update_schedule (self);

  if (crm_quote_get_state (self->quote) != CRM_QUOTE_DRAFT)
    _crm_quote_editor_show_sent (self, NULL);
  else
    {
      crm_quote_preview_set_quote (self->preview, self->quote);
      set_read_only (self, FALSE);
    }

  g_signal_connect_swapped (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self);
  g_signal_connect_swapped (self->tab_view, "notify::selected-page", G_CALLBACK (update_schedule), self);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

static void
crm_quote_editor_dispose (GObject *object)
{
  CrmQuoteEditor *self = (CrmQuoteEditor *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_QUOTE_EDITOR);

  g_clear_object (&self->removed_line);
  g_clear_object (&self->removed_variant);
  g_clear_pointer (&self->stored_pdf, g_bytes_unref);
  g_clear_object (&self->quote);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_quote_editor_parent_class)->dispose (object);
}

static void
crm_quote_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_QUOTE:
      self->quote = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_quote_editor_class_init (CrmQuoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_quote_editor_constructed;
  object_class->dispose = crm_quote_editor_dispose;
  object_class->get_property = crm_quote_editor_get_property;
  object_class->set_property = crm_quote_editor_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmQuoteEditor:quote:
   *
   * The quote edited, as the store read it.
   */
  properties [PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL,
                         CRM_TYPE_QUOTE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-quote-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, approval_banner);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, sent_banner);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, sent_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, form_group);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, validity_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, customer_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, bidi_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, term_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, installments_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, installments_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, prepayment_row);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, prepayment_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, tab_view);
  gtk_widget_class_bind_template_child (widget_class, CrmQuoteEditor, preview);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, validity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, term_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, installments_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, prepayment_changed_cb);

  gtk_widget_class_install_action (widget_class, "quote.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "quote.add-free-line", NULL, add_free_line_action);
  gtk_widget_class_install_action (widget_class, "quote.remove-line", NULL, remove_line_action);
  gtk_widget_class_install_action (widget_class, "quote.undo-remove-line", NULL, undo_remove_line_action);
  gtk_widget_class_install_action (widget_class, "quote.add-variant", NULL, add_variant_action);
  _crm_quote_editor_class_add_output_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "quote.add-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "quote.remove-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "quote.undo-remove-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "quote.add-variant", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "quote.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "quote.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  g_type_ensure (CRM_TYPE_DATE_TIME_CHOOSER);
  g_type_ensure (CRM_TYPE_QUOTE_PREVIEW);
}

static void
crm_quote_editor_init (CrmQuoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_date_time_chooser_set_show_time (self->validity_chooser, FALSE);
}

/* Public API */

/**
 * crm_quote_editor_new:
 * @store: the store @quote is kept in
 * @quote: a quote the store read
 *
 * Returns: (transfer floating): the editor of @quote; read only when it
 *   was sent
 */
GtkWidget *
crm_quote_editor_new (CrmStore *store,
                      CrmQuote *quote)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_QUOTE (quote), NULL);

  return g_object_new (CRM_TYPE_QUOTE_EDITOR,
                       "store", store,
                       "quote", quote,
                       NULL);
}

CrmQuote *
crm_quote_editor_get_quote (CrmQuoteEditor *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), NULL);

  return self->quote;
}

gboolean
crm_quote_editor_get_read_only (CrmQuoteEditor *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), FALSE);

  return self->read_only;
}

GtkWidget *
crm_quote_editor_get_preview (CrmQuoteEditor *self)
{
  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), NULL);

  return GTK_WIDGET (self->preview);
}

GtkWidget *
crm_quote_editor_get_variant_page (CrmQuoteEditor *self,
                                   guint           position)
{
  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), NULL);

  if (position >= (guint)adw_tab_view_get_n_pages (self->tab_view))
    return NULL;

  return adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, (int)position));
}

GtkWidget *
crm_quote_editor_get_current_page (CrmQuoteEditor *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);

  return tab != NULL ? adw_tab_page_get_child (tab) : NULL;
}
