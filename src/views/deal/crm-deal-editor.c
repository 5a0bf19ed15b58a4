/* crm-deal-editor.c
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

#define G_LOG_DOMAIN "crm-deal-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal-editor-private.h"
#include "crm-ltr-text.h"
#include "crm-strings.h"
#include "crm-toast.h"

#include "crm-call-panel.h"
#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-email.h"
#include "crm-phone.h"
#include "crm-money.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-user.h"

G_DEFINE_FINAL_TYPE (CrmDealEditor, crm_deal_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_PIPELINE_ID,
  PROP_CAN_SAVE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static const char *
region (CrmDealEditor *self)
{
  const char *country = NULL;

  if (self->procedure != NULL)
    country = crm_procedure_get_country (self->procedure);

  /* The store parses numbers with the same fallback. */
  return country != NULL ? country : "IL";
}

/* What people type for money, read by the model's one parser
 * (crm_money_parse()) as every other path reads it; empty is no amount. */
static gboolean
parse_amount (const char  *text,
              gint64      *out_amount,
              GError     **error)
{
  *out_amount = 0;
  if (crm_str_is_blank (text))
    return TRUE;

  return crm_money_parse (text, NULL, out_amount, error);
}

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (strlen (text) != 10)
    return FALSE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);

  return date != NULL;
}

/* Checks, one per kind of row */

static gboolean
check_title (CrmDealEditor  *self,
             Check          *check,
             const char     *text,
             GError        **error)
{
  if (!crm_str_is_blank (text))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_TITLE,
                       _("A deal needs a title."));
  return FALSE;
}

static gboolean
check_amount (CrmDealEditor  *self,
              Check          *check,
              const char     *text,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 amount;

  if (parse_amount (text, &amount, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT, local_error->message);
  return FALSE;
}

static gboolean
check_date (CrmDealEditor  *self,
            Check          *check,
            const char     *text,
            GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0' || is_iso_date (trimmed))
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD,
               /* Translators: %s is what was typed into the expected close date */
               _("Expected close date: “%s” is not a date (YYYY-MM-DD)."), trimmed);
  return FALSE;
}

static gboolean
check_phone (CrmDealEditor  *self,
             Check          *check,
             const char     *text,
             GError        **error)
{
  g_autofree char *e164 = NULL;
  g_autoptr(GError) local_error = NULL;

  if (crm_str_is_blank (text) || crm_phone_normalize (text, region (self), &e164, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE, local_error->message);
  return FALSE;
}

static gboolean
check_email (CrmDealEditor  *self,
             Check          *check,
             const char     *text,
             GError        **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GError) local_error = NULL;

  if (crm_str_is_blank (text) || crm_email_normalize (text, &normalized, &local_error))
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL, local_error->message);
  return FALSE;
}

static gboolean
check_field (CrmDealEditor  *self,
             Check          *check,
             const char     *text,
             GError        **error)
{
  /* The store owns the field definitions; asking it keeps the card and the
   * save in agreement about what a number or a date is. */
  return crm_store_check_field_value (self->store, check->key, text, NULL, error);
}

/* Building the card */

void
_crm_deal_editor_update_can_save (CrmDealEditor *self)
{
  gboolean can_save = self->loaded && _crm_deal_editor_first_problem (self) == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save);

  if (self->can_save == can_save)
    return;

  self->can_save = can_save;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_SAVE]);
}

static Check *
add_check (CrmDealEditor *self,
           gpointer       row,
           GtkLabel      *problems_label,
           CheckFunc      func,
           CrmStoreError  code)
{
  return _crm_deal_editor_add_check (self, row, problems_label, func, code);
}

static void
add_checks (CrmDealEditor *self)
{
  CrmDealDetailsSection *details = self->details_section;
  CrmDealContactSection *contact = self->contact_section;
  CrmDealCompanySection *company = self->company_section;
  GtkLabel *deal_label = crm_deal_details_section_get_problems_label (details);
  GtkLabel *contact_label = crm_deal_contact_section_get_problems_label (contact);
  GtkLabel *company_label = crm_deal_company_section_get_problems_label (company);

  self->title_check = add_check (self, crm_deal_details_section_get_title_row (details),
                                 deal_label, check_title, CRM_STORE_ERROR_INVALID_TITLE);
  self->title_check->quiet = TRUE;
  self->amount_check = add_check (self, crm_deal_details_section_get_amount_row (details),
                                  deal_label, check_amount, CRM_STORE_ERROR_INVALID_AMOUNT);
  self->stage_check = add_check (self, crm_deal_details_section_get_stage_row (details),
                                 deal_label, NULL, CRM_STORE_ERROR_UNKNOWN_STAGE);
  add_check (self, crm_deal_details_section_get_close_date_row (details),
             deal_label, check_date, CRM_STORE_ERROR_INVALID_FIELD);

  self->contact_name_check = add_check (self, crm_deal_contact_section_get_name_row (contact),
                                        contact_label, NULL, CRM_STORE_ERROR_INVALID_NAME);
  self->phone_check = add_check (self, crm_deal_contact_section_get_phone_row (contact),
                                 contact_label, check_phone, CRM_STORE_ERROR_INVALID_PHONE);
  self->phone2_check = add_check (self, crm_deal_contact_section_get_phone2_row (contact),
                                  contact_label, check_phone, CRM_STORE_ERROR_INVALID_PHONE);
  self->email_check = add_check (self, crm_deal_contact_section_get_email_row (contact),
                                 contact_label, check_email, CRM_STORE_ERROR_INVALID_EMAIL);

  self->company_name_check = add_check (self, crm_deal_company_section_get_name_row (company),
                                        company_label, NULL, CRM_STORE_ERROR_INVALID_NAME);
  self->company_phone_check = add_check (self, crm_deal_company_section_get_phone_row (company),
                                         company_label, check_phone, CRM_STORE_ERROR_INVALID_PHONE);
  self->company_email_check = add_check (self, crm_deal_company_section_get_email_row (company),
                                         company_label, check_email, CRM_STORE_ERROR_INVALID_EMAIL);
}

static void
build_field_rows (CrmDealEditor *self,
                  GHashTable    *values)
{
  GtkLabel *problems_label = crm_deal_fields_section_get_problems_label (self->fields_section);
  guint n_editors;

  crm_deal_fields_section_load (self->fields_section, self->procedure, values);

  /* Yes/no and choice rows cannot hold a wrong value. */
  n_editors = crm_deal_fields_section_get_n_editors (self->fields_section);
  for (guint i = 0; i < n_editors; i++)
    {
      CrmFieldEditor *editor = crm_deal_fields_section_get_editor (self->fields_section, i);
      Check *check;

      if (!crm_field_editor_get_typed (editor))
        continue;

      check = add_check (self, crm_field_editor_get_widget (editor), problems_label,
                         check_field, CRM_STORE_ERROR_INVALID_FIELD);
      check->key = g_strdup (crm_field_editor_get_key (editor));
    }
}

static void
fill_rows (CrmDealEditor *self)
{
  crm_deal_details_section_show (self->details_section, self->deal);
  crm_deal_contact_section_set_region (self->contact_section, region (self));
  crm_deal_contact_section_show (self->contact_section, self->contact);
  crm_deal_company_section_set_region (self->company_section, region (self));
  crm_deal_company_section_show (self->company_section, self->company);
}

static gint64
first_pipeline_id (CrmDealEditor *self)
{
  GListModel *pipelines = crm_store_get_pipelines (self->store);
  g_autoptr(CrmPipeline) first = NULL;

  if (g_list_model_get_n_items (pipelines) == 0)
    return 0;

  first = g_list_model_get_item (pipelines, 0);
  return crm_pipeline_get_id (first);
}

static void
new_objects (CrmDealEditor *self)
{
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(CrmStage) first = NULL;
  gint64 pipeline_id = self->pipeline_id != 0 ? self->pipeline_id : first_pipeline_id (self);

  self->deal = crm_deal_new ();
  self->contact = crm_contact_new ();
  self->company = crm_company_new ();

  crm_deal_set_pipeline_id (self->deal, pipeline_id);
  if (self->procedure != NULL && crm_procedure_get_currency (self->procedure) != NULL)
    crm_deal_set_currency (self->deal, crm_procedure_get_currency (self->procedure));

  /* New deals start in the first stage of their pipeline. */
  stages = crm_store_get_stages (self->store, pipeline_id);
  if (g_list_model_get_n_items (stages) > 0)
    {
      first = g_list_model_get_item (stages, 0);
      crm_deal_set_stage_id (self->deal, crm_stage_get_id (first));
    }
}

static gboolean
load_objects (CrmDealEditor  *self,
              GHashTable    **values,
              GError        **error)
{
  gint64 contact_id;
  gint64 company_id;

  self->deal = crm_store_load_deal (self->store, self->deal_id, error);
  if (self->deal == NULL)
    return FALSE;

  contact_id = crm_deal_get_contact_id (self->deal);
  company_id = crm_deal_get_company_id (self->deal);

  self->contact = contact_id > 0 ? crm_store_load_contact (self->store, contact_id, error)
                                 : crm_contact_new ();
  if (self->contact == NULL)
    return FALSE;

  self->company = company_id > 0 ? crm_store_load_company (self->store, company_id, error)
                                 : crm_company_new ();
  if (self->company == NULL)
    return FALSE;

  *values = crm_store_load_field_values (self->store, self->deal_id, error);

  return *values != NULL;
}

/* One problem at a time: a newer one replaces the toast of the last. */
void
_crm_deal_editor_add_toast (CrmDealEditor *self,
                            const char    *message,
                            gboolean       persistent)
{
  AdwToast *toast = crm_toast_new_text (message);

  if (persistent)
    adw_toast_set_timeout (toast, 0);
  crm_toast_show (self->toast_overlay, toast);
}

static void
load (CrmDealEditor *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  g_set_object (&self->procedure, crm_store_get_procedure (self->store));

  self->loaded = self->deal_id == 0 || load_objects (self, &values, &error);

  /* A deal that cannot be read still gets an (empty, unsavable) card, so
   * that the toast explaining why has somewhere to appear. */
  if (!self->loaded || self->deal_id == 0)
    {
      g_clear_object (&self->deal);
      g_clear_object (&self->contact);
      g_clear_object (&self->company);
      new_objects (self);
    }

  if (error != NULL)
    _crm_deal_editor_add_toast (self, error->message, TRUE);

  fill_rows (self);
  add_checks (self);
  build_field_rows (self, values);

  /* A stored value the rules no longer accept shows at once, so that a
   * disabled Save never comes without a reason. */
  _crm_deal_editor_run_checks (self);
  _crm_deal_editor_show_problems (self, FALSE);
  _crm_deal_editor_update_can_save (self);

  _crm_deal_editor_show_work (self);
}

/* The deal as the store has it now, after someone else saved it: the
 * rows show the stored values, the typed ones are dropped. Only the field
 * rows' values change, so no row or check is built twice. */
gboolean
_crm_deal_editor_show_stored (CrmDealEditor  *self,
                              GError        **error)
{
  g_autoptr(GHashTable) values = NULL;
  guint n_editors;

  g_clear_object (&self->deal);
  g_clear_object (&self->contact);
  g_clear_object (&self->company);
  if (!load_objects (self, &values, error))
    return FALSE;

  fill_rows (self);
  n_editors = crm_deal_fields_section_get_n_editors (self->fields_section);
  for (guint i = 0; i < n_editors; i++)
    {
      CrmFieldEditor *editor = crm_deal_fields_section_get_editor (self->fields_section, i);
      const char *field = crm_field_editor_get_key (editor);

      crm_deal_fields_section_set_stored_value (self->fields_section, field,
                                                g_hash_table_lookup (values, field));
    }
  _crm_deal_editor_run_checks (self);
  _crm_deal_editor_show_problems (self, FALSE);
  _crm_deal_editor_update_can_save (self);
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  return TRUE;
}

/* Saving */

/* Signal callbacks */

/* The call-script panel */

/* The store may have given the deal a contact or a company it did not
 * have (a name answered during the call): the card saves into those,
 * not into new ones. */
static void
follow_stored_parties (CrmDealEditor *self,
                       CrmDeal       *stored)
{
  gint64 contact_id = crm_deal_get_contact_id (stored);
  gint64 company_id = crm_deal_get_company_id (stored);

  crm_deal_set_contact_id (self->deal, contact_id);
  crm_deal_set_company_id (self->deal, company_id);

  if (contact_id > 0)
    {
      g_autoptr(CrmContact) contact = crm_store_load_contact (self->store, contact_id, NULL);

      if (contact != NULL)
        g_set_object (&self->contact, contact);
    }

  if (company_id > 0)
    {
      g_autoptr(CrmCompany) company = crm_store_load_company (self->store, company_id, NULL);

      if (company != NULL)
        g_set_object (&self->company, company);
    }
}

/* An answer given in the call-script panel was saved to @key: its row
 * shows the stored value. Only that row changes, so what the rep typed
 * into other rows and has not saved stays. */
void
_crm_deal_editor_refresh_field (CrmDealEditor *self,
                                const char    *key)
{
  g_autofree char *value = crm_store_dup_field_value (self->store, self->deal_id, key);
  g_autoptr(CrmDeal) stored = NULL;

  if (crm_deal_fields_section_set_stored_value (self->fields_section, key, value))
    return;

  stored = crm_store_load_deal (self->store, self->deal_id, NULL);
  if (stored == NULL)
    return;

  follow_stored_parties (self, stored);

  if (!crm_deal_contact_section_show_value (self->contact_section, key, value) &&
      !crm_deal_company_section_show_value (self->company_section, key, value))
    crm_deal_details_section_show_value (self->details_section, key, value, stored);
}

/* GtkWindow overrides */

static gboolean
crm_deal_editor_close_request (GtkWindow *window)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (window);

  /* Closing the card would lose the running call: ask, then close. */
  if (_crm_deal_editor_ask_before_discarding_call (self, TRUE))
    return TRUE;

  return GTK_WINDOW_CLASS (crm_deal_editor_parent_class)->close_request (window);
}

/* GObject overrides */

static void
crm_deal_editor_constructed (GObject *object)
{
  CrmDealEditor *self = (CrmDealEditor *)object;

  G_OBJECT_CLASS (crm_deal_editor_parent_class)->constructed (object);

  g_assert (CRM_IS_STORE (self->store));

  crm_deal_details_section_set_store (self->details_section, self->store);
  crm_deal_work_section_set_store (self->work_pane, self->store);

  if (self->deal_id == 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Deal"));
      gtk_button_set_label (self->save_button, _("C_reate"));
    }

  load (self);
}

static void
crm_deal_editor_dispose (GObject *object)
{
  CrmDealEditor *self = (CrmDealEditor *)object;

  g_clear_handle_id (&self->show_problems_source, g_source_remove);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_EDITOR);

  g_clear_object (&self->deal);
  g_clear_object (&self->contact);
  g_clear_object (&self->company);
  g_clear_object (&self->procedure);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_deal_editor_parent_class)->dispose (object);
}

static void
crm_deal_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_PIPELINE_ID:
      g_value_set_int64 (value, self->pipeline_id);
      break;

    case PROP_CAN_SAVE:
      g_value_set_boolean (value, self->can_save);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrmDealEditor *self = CRM_DEAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_PIPELINE_ID:
      self->pipeline_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_editor_class_init (CrmDealEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_deal_editor_constructed;
  object_class->dispose = crm_deal_editor_dispose;
  object_class->get_property = crm_deal_editor_get_property;
  object_class->set_property = crm_deal_editor_set_property;

  window_class->close_request = crm_deal_editor_close_request;

  /**
   * CrmDealEditor:store:
   *
   * The store the deal is read from and saved to.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealEditor:deal-id:
   *
   * The deal being edited; 0 while a new deal is not saved yet. Notified
   * when saving gives a new deal its id.
   */
  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealEditor:pipeline-id:
   *
   * The pipeline a new deal starts in (its first stage); 0 for the first
   * pipeline. Ignored for an existing deal.
   */
  properties [PROP_PIPELINE_ID] =
    g_param_spec_int64 ("pipeline-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealEditor:can-save:
   *
   * Whether every row holds an acceptable value, so that Save is enabled.
   */
  properties [PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmDealEditor::saved:
   * @self: a #CrmDealEditor
   * @deal_id: the id of the saved deal
   *
   * Emitted after the deal, its contact, company and custom fields were
   * saved in one transaction.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-deal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, start_call_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, details_section);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, contact_section);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, company_section);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, fields_section);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, work_separator);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, work_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, call_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, call_bin);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmDealEditor, conflict_label);

  _crm_deal_editor_class_add_actions (widget_class);

  g_type_ensure (CRM_TYPE_CALL_PANEL);
  g_type_ensure (CRM_TYPE_DEAL_COMPANY_SECTION);
  g_type_ensure (CRM_TYPE_DEAL_DETAILS_SECTION);
  g_type_ensure (CRM_TYPE_DEAL_CONTACT_SECTION);
  g_type_ensure (CRM_TYPE_DEAL_FIELDS_SECTION);
  g_type_ensure (CRM_TYPE_DEAL_WORK_SECTION);
  g_type_ensure (CRM_TYPE_STAGE);
  g_type_ensure (CRM_TYPE_USER);
}

static void
crm_deal_editor_init (CrmDealEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new_with_free_func ((GDestroyNotify)_crm_deal_editor_check_free);



  /* Nothing can be saved before the card is filled, and a new deal has no
   * work to log yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  _crm_deal_editor_update_work_actions (self, FALSE);
}

/* Public API */

/**
 * crm_deal_editor_new:
 * @store: the store
 * @deal_id: the deal to edit, or 0 for a new deal
 * @pipeline_id: for a new deal, the pipeline whose first stage it starts
 *   in; 0 for the first pipeline
 *
 * Returns: (transfer floating): a new deal card window
 */
GtkWidget *
crm_deal_editor_new (CrmStore *store,
                     gint64    deal_id,
                     gint64    pipeline_id)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id >= 0, NULL);

  return g_object_new (CRM_TYPE_DEAL_EDITOR,
                       "store", store,
                       "deal-id", deal_id,
                       "pipeline-id", pipeline_id,
                       NULL);
}

CrmStore *
crm_deal_editor_get_store (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return self->store;
}

gint64
crm_deal_editor_get_deal_id (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), 0);

  return self->deal_id;
}

/**
 * crm_deal_editor_get_conflict:
 * @self: a #CrmDealEditor
 *
 * Returns: (nullable): what the conflict bar says while it is shown:
 *   someone else saved the deal after the card read it
 */
const char *
crm_deal_editor_get_conflict (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->conflict_revealer))
    return NULL;

  return gtk_label_get_text (self->conflict_label);
}

gboolean
crm_deal_editor_get_can_save (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), FALSE);

  return self->can_save;
}

/**
 * crm_deal_editor_save:
 * @self: a #CrmDealEditor
 * @error: return location for a #GError
 *
 * Saves the deal, its contact, company and changed custom fields with one
 * call of crm_store_save_deal(). On failure nothing is written, the
 * problem is shown at its row and in a toast, and @error holds it in the
 * %CRM_STORE_ERROR domain. The card stays open either way; the
 * `editor.save` action closes it after a successful save.
 *
 * Returns: %TRUE when the deal was saved
 */
gboolean
crm_deal_editor_save (CrmDealEditor  *self,
                      GError        **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) local_error = NULL;
  Check *problem;
  gboolean created;

  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), FALSE);
  g_return_val_if_fail (self->checks != NULL, FALSE);

  if (!self->loaded)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                           _("The deal could not be loaded, so it cannot be saved."));
      return FALSE;
    }

  problem = _crm_deal_editor_first_problem (self);
  if (problem != NULL)
    {
      _crm_deal_editor_show_problems (self, TRUE);
      _crm_deal_editor_add_toast (self, problem->message, FALSE);
      g_set_error_literal (error, CRM_STORE_ERROR, problem->code, problem->message);
      return FALSE;
    }

  crm_deal_details_section_collect (self->details_section, self->deal);
  crm_deal_contact_section_collect (self->contact_section, self->contact);
  crm_deal_company_section_collect (self->company_section, self->company);
  values = crm_deal_fields_section_collect_changed (self->fields_section);

  if (!crm_store_save_deal (self->store, self->deal, self->contact, self->company, values, &local_error))
    {
      if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT))
        _crm_deal_editor_show_conflict (self, local_error);
      else
        _crm_deal_editor_show_save_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  crm_deal_fields_section_remember_saved (self->fields_section);
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);

  created = self->deal_id != crm_deal_get_id (self->deal);
  self->deal_id = crm_deal_get_id (self->deal);
  if (created)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Deal"));
      gtk_button_set_label (self->save_button, _("_Save"));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEAL_ID]);
      _crm_deal_editor_show_work (self);
    }

  g_signal_emit (self, signals [SAVED], 0, self->deal_id);

  return TRUE;
}

GtkEditable *
crm_deal_editor_get_title_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_details_section_get_title_row (self->details_section);
}

GtkEditable *
crm_deal_editor_get_amount_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_details_section_get_amount_row (self->details_section);
}

GtkEditable *
crm_deal_editor_get_contact_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_contact_section_get_name_row (self->contact_section);
}

GtkEditable *
crm_deal_editor_get_phone_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_contact_section_get_phone_row (self->contact_section);
}

GtkEditable *
crm_deal_editor_get_email_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_contact_section_get_email_row (self->contact_section);
}

GtkEditable *
crm_deal_editor_get_company_editable (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return crm_deal_company_section_get_name_row (self->company_section);
}

/**
 * crm_deal_editor_get_field_widget:
 * @self: a #CrmDealEditor
 * @key: a custom field key of the procedure
 *
 * Returns the widget holding a custom field's value: an #AdwEntryRow
 * (a #GtkEditable) for text, number and date fields, an #AdwComboRow for
 * a choice (position 0 is “Not set”) and a #GtkSwitch for a yes/no field.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL when the card
 *   has no such field
 */
GtkWidget *
crm_deal_editor_get_field_widget (CrmDealEditor *self,
                                  const char    *key)
{
  CrmFieldEditor *editor;

  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  editor = crm_deal_fields_section_find_editor (self->fields_section, key);

  return editor != NULL ? crm_field_editor_get_value_widget (editor) : NULL;
}

/**
 * crm_deal_editor_get_call_panel:
 * @self: a #CrmDealEditor
 *
 * Returns: (transfer none) (nullable): the call-script panel while a call
 *   started with `editor.start-call` runs
 */
CrmCallPanel *
crm_deal_editor_get_call_panel (CrmDealEditor *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_EDITOR (self), NULL);

  return self->call_panel;
}
