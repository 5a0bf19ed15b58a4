/* test-deal-card-values.c
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

/* The deal card's values on the model's rules: amounts through the one
 * money parser (issue 8.4), RAD-11's prepayment range and TW-6's payment
 * terms. Each refusal is checked to have stored nothing. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "crm-contact.h"
#include "crm-deal-editor.h"
#include "crm-deal.h"
#include "crm-store.h"
#include "crm-views-resources.h"

#include "crm-test-utils.h"

/* Longer than the editor's pause before it shows a new problem. */
#define PROBLEM_WAIT_MS 1000

static void
fixture_set_up_hs (CrmTestFixture *fixture,
                   gconstpointer   data)
{
  crm_test_fixture_set_up (fixture, "hs");
}

static void
fixture_set_up_rad (CrmTestFixture *fixture,
                    gconstpointer   data)
{
  crm_test_fixture_set_up (fixture, "rad");
}

static void
fixture_set_up_tw (CrmTestFixture *fixture,
                   gconstpointer   data)
{
  crm_test_fixture_set_up (fixture, "tw");
}

static void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, wait_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static CrmDealEditor *
open_editor (CrmTestFixture *fixture,
             gint64          deal_id)
{
  GtkWidget *editor = crm_deal_editor_new (fixture->store, deal_id, 0);

  /* The test keeps its own reference to check the window goes away. */
  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  wait_ms (100);
  flush_events ();

  return CRM_DEAL_EDITOR (editor);
}

static void
close_editor (CrmDealEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  flush_events ();
  g_assert_finalize_object (editor);
}

static gboolean
has_error (GtkEditable *editable)
{
  return gtk_widget_has_css_class (GTK_WIDGET (editable), "error");
}

/* A deal whose contact has what every first stage asks for. */
static gint64
save_plain_deal (CrmStore   *store,
                 const char *title)
{
  const char *phones[] = { "+972501234567", NULL };
  const char *emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, title);
  crm_contact_set_name (contact, "Client");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  crm_store_save_deal (store, deal, contact, NULL, NULL, &error);
  g_assert_no_error (error);

  return crm_deal_get_id (deal);
}

static void
fill_new_deal (CrmDealEditor *editor)
{
  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Water heaters for the Cohen family");
  gtk_editable_set_text (crm_deal_editor_get_contact_editable (editor), "Dana Cohen");
  gtk_editable_set_text (crm_deal_editor_get_phone_editable (editor), "050-123-4567");
  gtk_editable_set_text (crm_deal_editor_get_email_editable (editor), "dana@example.com");
}

/* Issue 8.4: the card reads amounts with the model's one parser, so
 * "1,500" is what the stage form and the command line make of it; in
 * Russian the comma is the decimal mark and "1,500" is refused. */
static void
test_amount_one_parser (CrmTestFixture *fixture,
                        gconstpointer   data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *amount = crm_deal_editor_get_amount_editable (editor);
  char *saved_language;

  fill_new_deal (editor);
  gtk_editable_set_text (amount, "1,5,0");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (has_error (amount));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  g_assert_false (crm_deal_editor_save (editor, NULL));
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 0);

  saved_language = crm_test_use_language ("ru");
  gtk_editable_set_text (amount, "1,500");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (has_error (amount));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  crm_test_restore_language (saved_language);
  g_assert_cmpuint (crm_store_count_deals (fixture->store), ==, 0);

  gtk_editable_set_text (amount, "1,500");
  g_assert_false (has_error (amount));
  g_assert_true (crm_deal_editor_save (editor, NULL));

  {
    g_autoptr(CrmDeal) deal = crm_store_load_deal (fixture->store,
                                                   crm_deal_editor_get_deal_id (editor), NULL);

    g_assert_cmpint (crm_deal_get_amount (deal), ==, 150000);
  }

  close_editor (editor);
}

/* RAD-11 on the deal card: a prepayment outside 50–100 % is shown at its
 * field in the rule's words, Save waits, and nothing is stored. */
static void
test_rule_rad_11_card_prepayment (CrmTestFixture *fixture,
                                  gconstpointer   data)
{
  gint64 deal_id = save_plain_deal (fixture->store, "Radiators for school 12");
  CrmDealEditor *editor = open_editor (fixture, deal_id);
  GtkWidget *prepayment = crm_deal_editor_get_field_widget (editor, "prepayment");
  const char *refused[] = { "5", "0", "250" };
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ADW_IS_ENTRY_ROW (prepayment));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (prepayment), refused[i]);
      wait_ms (PROBLEM_WAIT_MS);
      g_assert_true (gtk_widget_has_css_class (prepayment, "error"));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (prepayment), "RAD-11"));
      g_assert_false (crm_deal_editor_get_can_save (editor));
      g_assert_false (crm_deal_editor_save (editor, &error));
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
      g_clear_error (&error);

      values = crm_store_load_field_values (fixture->store, deal_id, &error);
      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (values, "prepayment"));
      g_clear_pointer (&values, g_hash_table_unref);
    }

  gtk_editable_set_text (GTK_EDITABLE (prepayment), "50");
  g_assert_false (gtk_widget_has_css_class (prepayment, "error"));
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  values = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_cmpstr (g_hash_table_lookup (values, "prepayment"), ==, "50");

  close_editor (editor);
}

/* TW-6 on the deal card: the card standing order needs the sales manager,
 * a credit card takes 12 payments or fewer; a refused save stores
 * nothing, not even the other field changed with it. */
static void
test_rule_tw_6_card_payment_terms (CrmTestFixture *fixture,
                                   gconstpointer   data)
{
  gint64 deal_id = save_plain_deal (fixture->store, "Clocks for the bakery");
  CrmDealEditor *editor = open_editor (fixture, deal_id);
  GtkWidget *payment = crm_deal_editor_get_field_widget (editor, "payment_term");
  GtkWidget *installments = crm_deal_editor_get_field_widget (editor, "installments");
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  /* Position 3 is “Credit card standing order”. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (payment), 3);
  gtk_editable_set_text (GTK_EDITABLE (installments), "12");
  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NEEDS_APPROVAL);
  g_assert_nonnull (strstr (error->message, "the sales manager must approve"));
  g_clear_error (&error);
  values = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 0);
  g_clear_pointer (&values, g_hash_table_unref);

  /* Position 1 is the credit card, up to 12 payments. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (payment), 1);
  gtk_editable_set_text (GTK_EDITABLE (installments), "36");
  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, "at most 12 payments, not 36"));
  g_clear_error (&error);
  values = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 0);
  g_clear_pointer (&values, g_hash_table_unref);

  /* Not a whole number: shown at the field as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (installments), "1.5");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (installments, "error"));
  g_assert_false (crm_deal_editor_get_can_save (editor));

  gtk_editable_set_text (GTK_EDITABLE (installments), "12");
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  values = crm_store_load_field_values (fixture->store, deal_id, &error);
  g_assert_cmpstr (g_hash_table_lookup (values, "payment_term"), ==, "credit_card");
  g_assert_cmpstr (g_hash_table_lookup (values, "installments"), ==, "12");

  close_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  /* Pull the views' resources (and their registration) into the test. */
  g_assert_nonnull (crm_views_get_resource ());

#define ADD(path, set_up, func) \
  g_test_add (path, CrmTestFixture, NULL, set_up, func, crm_test_fixture_tear_down)

  ADD ("/views/deal-card-values/amount-one-parser", fixture_set_up_hs, test_amount_one_parser);
  ADD ("/views/deal-card-values/rule-rad-11-prepayment", fixture_set_up_rad, test_rule_rad_11_card_prepayment);
  ADD ("/views/deal-card-values/rule-tw-6-payment-terms", fixture_set_up_tw, test_rule_tw_6_card_payment_terms);

  return g_test_run ();
}
