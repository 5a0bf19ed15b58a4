/* test-field-editor.c
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

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "crm-field-editor.h"
#include "crm-phone.h"
#include "crm-procedure.h"
#include "crm-store.h"

#include "crm-test-utils.h"

/* The one field editor of the deal card, the stage form and the call
 * question: the widget it builds for each type of the procedure format,
 * the value as text for the model, and the model's refusal shown. */

/* Helpers */

/* The TW procedure has a field of every type: clocks (number), modules
 * (text), agreements_module (yes/no), payment_term (choice) and
 * training_date (date). */
static CrmProcedure *
tw_procedure (CrmStore **out_store)
{
  CrmStore *store = crm_test_open_store ("tw", 0, NULL);

  *out_store = store;
  return crm_store_get_procedure (store);
}

static void
count_cb (CrmFieldEditor *editor,
          guint          *count)
{
  (*count)++;
}

static const char *
choice_name (GListModel *model,
             guint       position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (model), position);
}

/* The first descendant of @type, in tree order. */
static gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The names a choice offers, from a row or a bare drop-down. */
static GListModel *
choices_of (CrmFieldEditor *editor)
{
  GtkWidget *widget = crm_field_editor_get_widget (editor);

  if (ADW_IS_COMBO_ROW (widget))
    return adw_combo_row_get_model (ADW_COMBO_ROW (widget));

  return gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
}

static GtkInputPurpose
purpose_of (CrmFieldEditor *editor)
{
  return adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (crm_field_editor_get_widget (editor)));
}

/* The editor holds its widget, and lets it go with itself. */
static void
assert_finalize (CrmFieldEditor *editor)
{
  GtkWidget *widget = crm_field_editor_get_widget (editor);

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&widget);
  g_assert_finalize_object (editor);
  g_assert_null (widget);
}

/* Tests */

static void
test_text_row (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *editor = crm_field_editor_new (procedure, "modules", CRM_FIELD_EDITOR_ROW);
  GtkWidget *row = crm_field_editor_get_widget (editor);
  guint changes = 0;
  g_autofree char *empty = NULL;
  g_autofree char *typed = NULL;

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  g_assert_true (crm_field_editor_get_value_widget (editor) == row);
  g_assert_true (crm_field_editor_get_typed (editor));
  g_assert_cmpstr (crm_field_editor_get_field (editor)->key, ==, "modules");
  g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (row)));

  g_signal_connect (editor, "changed", G_CALLBACK (count_cb), &changes);

  empty = crm_field_editor_dup_value (editor);
  g_assert_cmpstr (empty, ==, "");

  /* Typed text reaches the model trimmed. */
  gtk_editable_set_text (GTK_EDITABLE (row), "  Payroll, access  ");
  typed = crm_field_editor_dup_value (editor);
  g_assert_cmpstr (typed, ==, "Payroll, access");
  g_assert_cmpuint (changes, >, 0);

  /* Field names are plain text, never markup. */
  crm_field_editor_set_title (editor, "Software <modules>");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   ==, "Software <modules>");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  assert_finalize (editor);
}

static void
test_number_and_date (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *number = crm_field_editor_new (procedure, "clocks", CRM_FIELD_EDITOR_ROW);
  CrmFieldEditor *date = crm_field_editor_new (procedure, "training_date", CRM_FIELD_EDITOR_ROW);
  CrmFieldEditor *bare = crm_field_editor_new (procedure, "training_date", CRM_FIELD_EDITOR_ASK);
  g_autofree char *shown = NULL;

  g_assert_cmpint (purpose_of (number), ==, GTK_INPUT_PURPOSE_NUMBER);

  /* A date row offers a calendar; a bare entry says how to type one. */
  g_assert_true (ADW_IS_ENTRY_ROW (crm_field_editor_get_widget (date)));
  g_assert_nonnull (find_descendant (crm_field_editor_get_widget (date), GTK_TYPE_MENU_BUTTON));
  g_assert_true (GTK_IS_ENTRY (crm_field_editor_get_widget (bare)));
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (crm_field_editor_get_widget (bare))),
                   ==, "YYYY-MM-DD");

  crm_field_editor_set_value (date, "2026-03-05");
  shown = crm_field_editor_dup_value (date);
  g_assert_cmpstr (shown, ==, "2026-03-05");

  assert_finalize (number);
  assert_finalize (date);
  assert_finalize (bare);
}

static void
test_choice (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *card = crm_field_editor_new (procedure, "payment_term", CRM_FIELD_EDITOR_ROW);
  CrmFieldEditor *form = crm_field_editor_new (procedure, "payment_term",
                                               CRM_FIELD_EDITOR_ROW | CRM_FIELD_EDITOR_ASK);
  CrmFieldEditor *question = crm_field_editor_new (procedure, "payment_term", CRM_FIELD_EDITOR_ASK);
  AdwComboRow *row = ADW_COMBO_ROW (crm_field_editor_get_widget (card));
  g_autofree char *chosen = NULL;
  g_autofree char *unknown = NULL;

  /* Position 0 leaves the field empty; the procedure's choices follow. */
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_false (crm_field_editor_get_typed (card));
  g_assert_cmpstr (choice_name (adw_combo_row_get_model (row), 0), ==, "Not set");
  g_assert_cmpstr (choice_name (adw_combo_row_get_model (row), 2), ==, "Bank transfer");

  crm_field_editor_set_value (card, "bank_transfer");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  chosen = crm_field_editor_dup_value (card);
  g_assert_cmpstr (chosen, ==, "bank_transfer");

  /* A key the procedure does not list shows as nothing chosen. */
  crm_field_editor_set_value (card, "barter");
  unknown = crm_field_editor_dup_value (card);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (unknown, ==, "");

  /* Where the rules ask, nothing is chosen by accident. */
  g_assert_cmpstr (choice_name (choices_of (form), 0), ==, "Choose…");
  g_assert_true (GTK_IS_DROP_DOWN (crm_field_editor_get_widget (question)));
  g_assert_cmpstr (choice_name (choices_of (question), 0), ==, "Choose…");

  assert_finalize (card);
  assert_finalize (form);
  assert_finalize (question);
}

static void
test_boolean (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *card = crm_field_editor_new (procedure, "agreements_module",
                                               CRM_FIELD_EDITOR_ROW);
  CrmFieldEditor *form = crm_field_editor_new (procedure, "agreements_module",
                                               CRM_FIELD_EDITOR_ROW | CRM_FIELD_EDITOR_ASK);
  GtkWidget *toggle = crm_field_editor_get_value_widget (card);
  g_autofree char *off = NULL;
  g_autofree char *on = NULL;
  g_autofree char *unanswered = NULL;
  g_autofree char *yes = NULL;

  /* The card shows yes/no as a switch in its row. */
  g_assert_true (ADW_IS_ACTION_ROW (crm_field_editor_get_widget (card)));
  g_assert_true (GTK_IS_SWITCH (toggle));
  off = crm_field_editor_dup_value (card);
  g_assert_cmpstr (off, ==, "false");
  crm_field_editor_set_value (card, "true");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  on = crm_field_editor_dup_value (card);
  g_assert_cmpstr (on, ==, "true");

  /* A form asks, since a switch cannot say “not answered yet”. */
  g_assert_true (ADW_IS_COMBO_ROW (crm_field_editor_get_widget (form)));
  unanswered = crm_field_editor_dup_value (form);
  g_assert_cmpstr (unanswered, ==, "");
  crm_field_editor_set_value (form, "true");
  yes = crm_field_editor_dup_value (form);
  g_assert_cmpstr (yes, ==, "true");

  assert_finalize (card);
  assert_finalize (form);
}

/* The deal's own values the rules ask for: the source and the loss
 * reason choose from the procedure's lists; a phone shows as the
 * procedure's country writes it. */
static void
test_deal_values (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *source = crm_field_editor_new (procedure, "source", CRM_FIELD_EDITOR_ASK);
  CrmFieldEditor *reason = crm_field_editor_new (procedure, "loss_reason",
                                                 CRM_FIELD_EDITOR_ROW | CRM_FIELD_EDITOR_ASK);
  CrmFieldEditor *phone = crm_field_editor_new (procedure, "contact.phone", CRM_FIELD_EDITOR_ROW);
  GListModel *sources = choices_of (source);
  GListModel *reasons = choices_of (reason);
  const CrmProcedureChoice *first_source = crm_procedure_get_source (procedure, 0);
  const CrmProcedureChoice *first_reason = crm_procedure_get_loss_reason (procedure, 0);
  g_autofree char *chosen = NULL;
  const char *country = crm_procedure_get_country (procedure);
  g_autofree char *formatted = crm_phone_format ("+972501234567", country);

  g_assert_null (crm_field_editor_get_field (source));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==,
                    crm_procedure_get_n_sources (procedure) + 1);
  g_assert_cmpstr (choice_name (sources, 1), ==, crm_text_get (&first_source->name));
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==,
                    crm_procedure_get_n_loss_reasons (procedure) + 1);
  g_assert_cmpstr (choice_name (reasons, 1), ==, crm_text_get (&first_reason->name));

  crm_field_editor_set_value (source, first_source->key);
  chosen = crm_field_editor_dup_value (source);
  g_assert_cmpstr (chosen, ==, first_source->key);

  g_assert_cmpint (purpose_of (phone), ==, GTK_INPUT_PURPOSE_PHONE);
  crm_field_editor_set_value (phone, "+972501234567");
  g_assert_nonnull (formatted);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_field_editor_get_widget (phone))),
                   ==, formatted);

  assert_finalize (source);
  assert_finalize (reason);
  assert_finalize (phone);
}

/* The model decides; the editor shows its refusal at the widget and
 * takes the mark away when the value is right again. */
static void
test_model_refusal (void)
{
  g_autoptr(CrmStore) store = NULL;
  CrmProcedure *procedure = tw_procedure (&store);
  CrmFieldEditor *editor = crm_field_editor_new (procedure, "clocks", CRM_FIELD_EDITOR_ROW);
  GtkWidget *row = crm_field_editor_get_widget (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), "a dozen");
  wrong = crm_field_editor_dup_value (editor);
  g_assert_false (crm_store_check_field_value (store, "clocks", wrong, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);

  crm_field_editor_show_problem (editor, error->message);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, error->message);

  gtk_editable_set_text (GTK_EDITABLE (row), "12");
  right = crm_field_editor_dup_value (editor);
  g_assert_true (crm_store_check_field_value (store, "clocks", right, NULL, NULL));
  crm_field_editor_show_problem (editor, NULL);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (row));

  assert_finalize (editor);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/field-editor/text-row", test_text_row);
  g_test_add_func ("/views/field-editor/number-and-date", test_number_and_date);
  g_test_add_func ("/views/field-editor/choice", test_choice);
  g_test_add_func ("/views/field-editor/boolean", test_boolean);
  g_test_add_func ("/views/field-editor/deal-values", test_deal_values);
  g_test_add_func ("/views/field-editor/model-refusal", test_model_refusal);

  return g_test_run ();
}
