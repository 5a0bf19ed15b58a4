/* test-deal-editor.c
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

#include <adwaita.h>
#include <string.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal-editor.h"
#include "crm-deal.h"
#include "crm-preferences-window.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-user.h"
#include "crm-views-resources.h"

#include "crm-test-utils.h"

/* Longer than the editor's pause before it shows a new problem. */
#define PROBLEM_WAIT_MS 1000

/* The test's own store (CrmTestFixture), and what the card's "saved"
 * signal reported. */
typedef struct
{
  CrmTestFixture base;
  gint64         saved_id;
  guint          n_saved;
} Fixture;

/* Helpers */

static void
fixture_set_up_hs (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_fixture_set_up (&fixture->base, "hs");
}

static void
fixture_set_up_rad (Fixture       *fixture,
                    gconstpointer  data)
{
  crm_test_fixture_set_up (&fixture->base, "rad");
}

static void
fixture_set_up_tw (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_fixture_set_up (&fixture->base, "tw");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  crm_test_fixture_tear_down (&fixture->base, data);
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

static void
saved_cb (CrmDealEditor *editor,
          gint64         deal_id,
          Fixture       *fixture)
{
  fixture->saved_id = deal_id;
  fixture->n_saved++;
}

static CrmDealEditor *
open_editor (Fixture *fixture,
             gint64   deal_id)
{
  GtkWidget *editor = crm_deal_editor_new (fixture->base.store, deal_id, 0);

  /* GTK owns toplevels; the test keeps its own reference so that it can
   * check the window is gone after closing it. */
  g_object_ref (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), fixture);
  gtk_window_present (GTK_WINDOW (editor));

  /* Mapped, laid out and drawn once. */
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

/* Runs what a key press would run, through the window's own shortcuts. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget, NULL);
        }
    }

  return FALSE;
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

/* For the screenshot of the card's lower half on a small screen. */
static void
scroll_to_end (GtkWidget *window)
{
  GtkScrolledWindow *scrolled = find_descendant (window, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) -
                            gtk_adjustment_get_page_size (adjustment));
  wait_ms (100);
}

/* How many mapped labels under @widget show @text: one toast, not two. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

static gboolean
has_error (GtkEditable *editable)
{
  return gtk_widget_has_css_class (GTK_WIDGET (editable), "error");
}

static gint64
save_plain_deal (CrmStore   *store,
                 const char *title)
{
  const char *phones[] = { "+972501234567", NULL };
  const char *emails[] = { "client@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;

  /* What every procedure's first stage may require of a new deal: a
   * contact with a name, a phone and an email (RAD-8, HS-2, TW-1). */
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
  gtk_editable_set_text (crm_deal_editor_get_amount_editable (editor), "12,345.50");
  gtk_editable_set_text (crm_deal_editor_get_contact_editable (editor), "Dana Cohen");
  gtk_editable_set_text (crm_deal_editor_get_phone_editable (editor), "050-123-4567");
  gtk_editable_set_text (crm_deal_editor_get_email_editable (editor), "dana@example.com");
  gtk_editable_set_text (crm_deal_editor_get_company_editable (editor), "Cohen Plumbing");
}

/* Tests */

static void
test_new_deal (Fixture       *fixture,
               gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(CrmContact) contact = NULL;
  g_autoptr(CrmCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *phones;
  const char * const *emails;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Deal");
  g_assert_false (crm_deal_editor_get_can_save (editor));

  fill_new_deal (editor);
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (crm_deal_editor_get_can_save (editor));
  g_assert_false (has_error (crm_deal_editor_get_phone_editable (editor)));
  crm_test_screenshot (GTK_WIDGET (editor), "deal-editor-en.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  flush_events ();

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, >, 0);
  g_assert_cmpint (crm_deal_editor_get_deal_id (editor), ==, fixture->saved_id);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 1);

  deal = crm_store_load_deal (fixture->base.store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_deal_get_title (deal), ==, "Water heaters for the Cohen family");
  g_assert_cmpint (crm_deal_get_amount (deal), ==, 1234550);
  g_assert_cmpstr (crm_deal_get_currency (deal), ==, "ILS");

  contact = crm_store_load_contact (fixture->base.store, crm_deal_get_contact_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_contact_get_name (contact), ==, "Dana Cohen");
  phones = crm_contact_get_phones (contact);
  g_assert_nonnull (phones);
  g_assert_cmpstr (phones[0], ==, "+972501234567");
  g_assert_null (phones[1]);
  emails = crm_contact_get_emails (contact);
  g_assert_cmpstr (emails[0], ==, "dana@example.com");

  company = crm_store_load_company (fixture->base.store, crm_deal_get_company_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_company_get_name (company), ==, "Cohen Plumbing");

  /* Saving from the action closes the card. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_finalize_object (editor);
}

static void
test_existing_deal_shows_national_phone (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(GError) error = NULL;
  const char *phones[] = { "+972501234567", NULL };
  const char *emails[] = { "avi@example.co.il", NULL };
  CrmDealEditor *editor;
  const char *shown;

  crm_deal_set_title (deal, "Boiler");
  crm_contact_set_name (contact, "Avi Levi");
  crm_contact_set_phones (contact, phones);
  /* HS-2: the first stage, Phone, needs an email and a mobile. */
  crm_contact_set_emails (contact, emails);
  crm_store_save_deal (fixture->base.store, deal, contact, NULL, NULL, &error);
  g_assert_no_error (error);

  editor = open_editor (fixture, crm_deal_get_id (deal));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Deal");
  g_assert_true (crm_deal_editor_get_can_save (editor));

  /* National format, not E.164. */
  shown = gtk_editable_get_text (crm_deal_editor_get_phone_editable (editor));
  g_assert_cmpstr (shown, !=, "+972501234567");
  g_assert_nonnull (strstr (shown, "050"));
  g_assert_cmpstr (gtk_editable_get_text (crm_deal_editor_get_contact_editable (editor)), ==, "Avi Levi");

  /* Saving the untouched card keeps the number. */
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  g_clear_object (&contact);
  contact = crm_store_load_contact (fixture->base.store, crm_deal_get_contact_id (deal), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_contact_get_phones (contact)[0], ==, "+972501234567");

  close_editor (editor);
}

static void
test_invalid_phone (Fixture       *fixture,
                    gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *phone = crm_deal_editor_get_phone_editable (editor);
  g_autoptr(GError) error = NULL;
  guint n_deals = crm_store_count_deals (fixture->base.store);

  fill_new_deal (editor);
  gtk_editable_set_text (phone, "050-12");

  /* Not flagged while typing; flagged once typing pauses. */
  g_assert_false (has_error (phone));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (has_error (phone));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (phone)));
  crm_test_screenshot (GTK_WIDGET (editor), "deal-editor-invalid-phone.png");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush_events ();
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, n_deals);
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, n_deals);

  /* A fixed number clears the problem at once. */
  gtk_editable_set_text (phone, "+972 50 123 4567");
  g_assert_false (has_error (phone));
  g_assert_true (crm_deal_editor_get_can_save (editor));

  close_editor (editor);
}

static void
test_invalid_email (Fixture       *fixture,
                    gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *email = crm_deal_editor_get_email_editable (editor);
  g_autoptr(GError) error = NULL;

  fill_new_deal (editor);
  gtk_editable_set_text (email, "dana@");
  wait_ms (PROBLEM_WAIT_MS);

  g_assert_true (has_error (email));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush_events ();
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);

  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);

  gtk_editable_set_text (email, "dana@example.com");
  g_assert_false (has_error (email));
  g_assert_true (crm_deal_editor_get_can_save (editor));

  close_editor (editor);
}

static void
test_invalid_amount (Fixture       *fixture,
                     gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *amount = crm_deal_editor_get_amount_editable (editor);

  fill_new_deal (editor);
  gtk_editable_set_text (amount, "12.3.4,5");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (has_error (amount));
  g_assert_false (crm_deal_editor_get_can_save (editor));

  gtk_editable_set_text (amount, "-5");
  g_assert_true (has_error (amount));
  g_assert_false (crm_deal_editor_get_can_save (editor));

  /* Russian grouping and decimal comma. */
  gtk_editable_set_text (amount, "12 345,5");
  g_assert_false (has_error (amount));
  g_assert_true (crm_deal_editor_save (editor, NULL));
  g_assert_cmpint (crm_deal_editor_get_deal_id (editor), >, 0);

  {
    g_autoptr(CrmDeal) deal = crm_store_load_deal (fixture->base.store,
                                                   crm_deal_editor_get_deal_id (editor), NULL);

    g_assert_cmpint (crm_deal_get_amount (deal), ==, 1234550);
  }

  close_editor (editor);
}

static void
test_empty_title (Fixture       *fixture,
                  gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *title = crm_deal_editor_get_title_editable (editor);
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (crm_deal_editor_get_contact_editable (editor), "Dana Cohen");
  g_assert_false (crm_deal_editor_get_can_save (editor));

  gtk_editable_set_text (title, "   ");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_false (crm_deal_editor_get_can_save (editor));
  /* An empty title is not shouted at while the card is being filled… */
  g_assert_false (has_error (title));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush_events ();
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);

  /* …but it is when saving is tried anyway. */
  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_TITLE);
  g_assert_true (has_error (title));
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);

  gtk_editable_set_text (title, "Solar boiler");
  g_assert_false (has_error (title));
  g_assert_true (crm_deal_editor_get_can_save (editor));

  close_editor (editor);
}

static void
test_store_error_shown_at_field (Fixture       *fixture,
                                 gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  GtkEditable *contact = crm_deal_editor_get_contact_editable (editor);
  g_autoptr(GError) error = NULL;

  /* Only the store knows a phone needs a contact name. */
  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Boiler");
  gtk_editable_set_text (crm_deal_editor_get_phone_editable (editor), "050-123-4567");
  g_assert_true (crm_deal_editor_get_can_save (editor));

  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME);
  g_assert_true (has_error (contact));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);

  gtk_editable_set_text (contact, "Dana Cohen");
  g_assert_false (has_error (contact));
  /* HS-2: the first stage also wants an email. */
  gtk_editable_set_text (crm_deal_editor_get_email_editable (editor), "dana@example.co.il");
  g_assert_true (crm_deal_editor_save (editor, NULL));
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 1);

  close_editor (editor);
}

static void
test_save_shortcut (Fixture       *fixture,
                    gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);

  fill_new_deal (editor);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), "<Control>s"));
  flush_events ();

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 1);
  g_assert_finalize_object (editor);
}

static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);

  fill_new_deal (editor);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), "Escape"));
  flush_events ();

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);
  g_assert_finalize_object (editor);
}

static void
test_close_date_picker (Fixture       *fixture,
                        gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 5, 0, 0, 0);
  g_autoptr(CrmDeal) deal = NULL;
  GtkCalendar *calendar;
  GtkEditable *close_date;

  /* The first calendar of the card is the expected close date's. */
  calendar = find_descendant (GTK_WIDGET (editor), GTK_TYPE_CALENDAR);
  g_assert_nonnull (calendar);
  close_date = GTK_EDITABLE (gtk_widget_get_ancestor (GTK_WIDGET (calendar), ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (close_date);
  g_assert_cmpstr (gtk_editable_get_text (close_date), ==, "");

  gtk_calendar_select_day (calendar, date);
  g_assert_cmpstr (gtk_editable_get_text (close_date), ==, "2026-03-05");

  /* Typed dates are checked too. */
  gtk_editable_set_text (close_date, "2026-02-30");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (has_error (close_date));
  g_assert_false (crm_deal_editor_get_can_save (editor));
  gtk_editable_set_text (close_date, "2026-03-05");
  g_assert_false (has_error (close_date));

  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Boiler");
  /* HS-2: the first stage needs the contact's email and mobile. */
  gtk_editable_set_text (crm_deal_editor_get_contact_editable (editor), "Noa Peretz");
  gtk_editable_set_text (crm_deal_editor_get_phone_editable (editor), "052-111-2233");
  gtk_editable_set_text (crm_deal_editor_get_email_editable (editor), "noa@example.co.il");
  g_assert_true (crm_deal_editor_save (editor, NULL));
  deal = crm_store_load_deal (fixture->base.store, crm_deal_editor_get_deal_id (editor), NULL);
  g_assert_cmpstr (crm_deal_get_expected_close (deal), ==, "2026-03-05");

  close_editor (editor);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  CrmDealEditor *editor = open_editor (fixture, 0);

  fill_new_deal (editor);
  g_assert_true (crm_deal_editor_get_can_save (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  flush_events ();

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 0);
  g_assert_finalize_object (editor);
}

static void
test_rad_10_edit_persists_across_restart (Fixture       *fixture,
                                          gconstpointer  data)
{
  CrmProcedure *procedure = crm_store_get_procedure (fixture->base.store);
  const CrmProcedureField *field = crm_procedure_find_field (procedure, "working_pressure");
  const CrmProcedureField *choice = crm_procedure_find_field (procedure, "connection_type");
  gint64 deal_id = save_plain_deal (fixture->base.store, "Radiators for school 12");
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  CrmDealEditor *editor;
  GtkWidget *pressure;
  GtkWidget *connection;

  /* RAD-10: the qualification fields are numbers, text and choices. */
  g_assert_nonnull (field);
  g_assert_cmpstr (field->rule, ==, "RAD-10");
  g_assert_cmpstr (field->entity, ==, "deal");
  g_assert_cmpint (field->type, ==, CRM_FIELD_NUMBER);
  g_assert_nonnull (choice);
  g_assert_cmpint (choice->type, ==, CRM_FIELD_CHOICE);

  editor = open_editor (fixture, deal_id);
  pressure = crm_deal_editor_get_field_widget (editor, field->key);
  connection = crm_deal_editor_get_field_widget (editor, choice->key);
  g_assert_true (ADW_IS_ENTRY_ROW (pressure));
  g_assert_true (ADW_IS_COMBO_ROW (connection));
  g_assert_null (crm_deal_editor_get_field_widget (editor, "no_such_field"));

  /* A number field rejects words. */
  gtk_editable_set_text (GTK_EDITABLE (pressure), "high");
  wait_ms (PROBLEM_WAIT_MS);
  g_assert_true (gtk_widget_has_css_class (pressure, "error"));
  g_assert_false (crm_deal_editor_get_can_save (editor));

  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Radiators for school 12, wing B");
  gtk_editable_set_text (GTK_EDITABLE (pressure), "1,6");
  adw_combo_row_set_selected (ADW_COMBO_ROW (connection), 2);   /* “Bottom” */
  g_assert_false (gtk_widget_has_css_class (pressure, "error"));
  g_assert_true (crm_deal_editor_get_can_save (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  flush_events ();
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, ==, deal_id);
  g_assert_finalize_object (editor);

  /* Restart: a fresh store on the same file. */
  g_assert_finalize_object (fixture->base.store);
  fixture->base.store = crm_test_store_new (fixture->base.path, NULL);

  deal = crm_store_load_deal (fixture->base.store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_deal_get_title (deal), ==, "Radiators for school 12, wing B");
  g_assert_cmpuint (crm_store_count_deals (fixture->base.store), ==, 1);

  values = crm_store_load_field_values (fixture->base.store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "working_pressure"), ==, "1.6");
  g_assert_cmpstr (g_hash_table_lookup (values, "connection_type"), ==, "bottom");
  /* Untouched fields stay unset. */
  g_assert_false (g_hash_table_contains (values, "radiator_model"));
}

static void
test_tw_yes_no_and_choice_fields (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 deal_id = save_plain_deal (fixture->base.store, "Clocks for the bakery");
  CrmDealEditor *editor = open_editor (fixture, deal_id);
  GtkWidget *agreements = crm_deal_editor_get_field_widget (editor, "agreements_module");
  GtkWidget *payment = crm_deal_editor_get_field_widget (editor, "payment_term");
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_SWITCH (agreements));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (agreements)));
  g_assert_true (ADW_IS_COMBO_ROW (payment));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (payment)), ==, 0);

  /* An untouched card writes no answers nobody gave. */
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  values = crm_store_load_field_values (fixture->base.store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (values), ==, 0);
  g_clear_pointer (&values, g_hash_table_unref);

  /* TW-3 and TW-6 (“Bank transfer” is the second choice). */
  gtk_switch_set_active (GTK_SWITCH (agreements), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (payment), 2);
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);

  values = crm_store_load_field_values (fixture->base.store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "agreements_module"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (values, "payment_term"), ==, "bank_transfer");
  g_clear_pointer (&values, g_hash_table_unref);

  /* “Not set” clears the choice again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (payment), 0);
  g_assert_true (crm_deal_editor_save (editor, &error));
  values = crm_store_load_field_values (fixture->base.store, deal_id, &error);
  g_assert_false (g_hash_table_contains (values, "payment_term"));
  g_assert_cmpstr (g_hash_table_lookup (values, "agreements_module"), ==, "true");

  close_editor (editor);
}

static void
test_rad_screenshots (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *languages[] = { "ru", "he" };
  const char *names[] = { "deal-editor-ru.png", "deal-editor-rtl.png" };
  const char *end_names[] = { "deal-editor-ru-end.png", "deal-editor-rtl-end.png" };
  gint64 deal_id = save_plain_deal (fixture->base.store, "Радиаторы для школы № 12");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      /* Stage and field names are picked when the store loads. */
      char *saved_language = crm_test_use_language (languages[i]);
      CrmDealEditor *editor;

      g_assert_finalize_object (fixture->base.store);
      fixture->base.store = crm_test_store_new (fixture->base.path, NULL);

      editor = open_editor (fixture, deal_id);
      gtk_editable_set_text (crm_deal_editor_get_phone_editable (editor), "8 (495) 12");
      gtk_editable_set_text (crm_deal_editor_get_email_editable (editor), "ivan@example.ru");
      gtk_editable_set_text (GTK_EDITABLE (crm_deal_editor_get_field_widget (editor, "working_pressure")),
                             "1,6");
      wait_ms (PROBLEM_WAIT_MS);
      crm_test_screenshot (GTK_WIDGET (editor), names[i]);
      scroll_to_end (GTK_WIDGET (editor));
      crm_test_screenshot (GTK_WIDGET (editor), end_names[i]);
      close_editor (editor);
      crm_test_restore_language (saved_language);
    }
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.dealsdesk.Deals");
  GtkWidget *window = crm_preferences_window_new (fixture->base.store, settings);
  GType type = CRM_TYPE_PREFERENCES_WINDOW;
  AdwActionRow *signed_in_row;
  AdwComboRow *color_scheme_row;
  GtkEditable *add_person_row;
  CrmUser *current;
  gint64 first_id;
  g_autoptr(CrmUser) added = NULL;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (100);

  signed_in_row = ADW_ACTION_ROW (gtk_widget_get_template_child (window, type, "signed_in_row"));
  color_scheme_row = ADW_COMBO_ROW (gtk_widget_get_template_child (window, type, "color_scheme_row"));
  add_person_row = GTK_EDITABLE (gtk_widget_get_template_child (window, type, "add_person_row"));

  /* Installing the procedure made its installer the first manager. */
  current = crm_store_get_current_user (fixture->base.store);
  g_assert_nonnull (current);
  first_id = crm_user_get_id (current);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signed_in_row)), ==,
                   crm_user_get_name (current));
  g_assert_cmpstr (adw_action_row_get_subtitle (signed_in_row), ==, "You · Manager");

  gtk_editable_set_text (add_person_row, "Yael Mizrahi");
  g_signal_emit_by_name (add_person_row, "apply");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_users (fixture->base.store)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (add_person_row), ==, "");
  /* Adding someone does not change who is working. */
  g_assert_cmpint (crm_user_get_id (crm_store_get_current_user (fixture->base.store)), ==, first_id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (signed_in_row)), ==,
                   crm_user_get_name (crm_store_get_current_user (fixture->base.store)));

  /* A nameless person is refused with a toast. */
  gtk_editable_set_text (add_person_row, "  ");
  g_signal_emit_by_name (add_person_row, "apply");
  g_assert_cmpuint (g_list_model_get_n_items (crm_store_get_users (fixture->base.store)), ==, 2);

  added = g_list_model_get_item (crm_store_get_users (fixture->base.store), 1);
  g_assert_cmpstr (crm_user_get_name (added), ==, "Yael Mizrahi");
  g_assert_cmpint (crm_user_get_role (added), ==, CRM_ROLE_REP);

  adw_combo_row_set_selected (color_scheme_row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (color_scheme_row), ==, 1);
  g_settings_reset (settings, "color-scheme");

  wait_ms (100);
  crm_test_screenshot (window, "preferences-en.png");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (window);
}

static GtkWidget *
open_preferences (Fixture *fixture)
{
  GtkWidget *window = crm_preferences_window_new (fixture->base.store, NULL);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (100);
  flush_events ();

  return window;
}

static void
close_preferences (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_assert_finalize_object (window);
}

static guint
count_quota_rows (GtkWidget *window)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (window, CRM_TYPE_PREFERENCES_WINDOW,
                                                                  "quotas_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* The Daily Quotas row titled @name. */
static AdwActionRow *
find_quota_row (GtkWidget  *window,
                const char *name)
{
  return crm_test_find_row_titled (gtk_widget_get_template_child (window, CRM_TYPE_PREFERENCES_WINDOW,
                                                                 "quotas_list"),
                                   name);
}

static GtkSpinButton *
quota_spin (GtkWidget  *window,
            const char *name)
{
  GtkSpinButton *spin = find_descendant (GTK_WIDGET (find_quota_row (window, name)), GTK_TYPE_SPIN_BUTTON);

  g_assert_nonnull (spin);

  return spin;
}

/* RAD-4: the head of sales sets each rep's daily quota of outgoing
 * contacts in Preferences; the row follows the people as they are added. */
static void
test_rad_4_manager_sets_quota (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkEditable *add_person_row;
  GtkSpinButton *spin;
  gint64 noa_id;
  gint64 yael_id;
  g_autoptr(CrmUser) yael = NULL;

  /* The installer is the manager; a quota set before the window opens. */
  g_assert_cmpint (crm_user_get_role (crm_store_get_current_user (fixture->base.store)), ==, CRM_ROLE_MANAGER);
  noa_id = crm_test_add_user (fixture->base.store, "Noa Peretz", CRM_ROLE_REP);
  crm_store_set_quota (fixture->base.store, noa_id, 30, &error);
  g_assert_no_error (error);

  window = open_preferences (fixture);

  /* One row per rep, none for the manager. */
  g_assert_cmpuint (count_quota_rows (window), ==, 1);
  spin = quota_spin (window, "Noa Peretz");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));

  /* A rep added in the window gets a row at once, with no quota. */
  add_person_row = GTK_EDITABLE (gtk_widget_get_template_child (window, CRM_TYPE_PREFERENCES_WINDOW,
                                                                "add_person_row"));
  gtk_editable_set_text (add_person_row, "Yael Mizrahi");
  g_signal_emit_by_name (add_person_row, "apply");
  flush_events ();
  g_assert_cmpuint (count_quota_rows (window), ==, 2);
  yael = g_list_model_get_item (crm_store_get_users (fixture->base.store), 2);
  yael_id = crm_user_get_id (yael);
  g_assert_cmpstr (crm_user_get_name (yael), ==, "Yael Mizrahi");
  spin = quota_spin (window, "Yael Mizrahi");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (find_quota_row (window, "Yael Mizrahi")), ==, "No quota");

  /* Changing the value sets the quota in the store. */
  gtk_spin_button_set_value (spin, 40);
  flush_events ();
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, yael_id), ==, 40);
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, noa_id), ==, 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (find_quota_row (window, "Yael Mizrahi")), ==, "");

  /* A manager added later gets no row. */
  crm_test_add_user (fixture->base.store, "Dan Shapiro", CRM_ROLE_MANAGER);
  flush_events ();
  g_assert_cmpuint (count_quota_rows (window), ==, 2);

  /* Back to 0: no quota. */
  gtk_spin_button_set_value (quota_spin (window, "Noa Peretz"), 0);
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, noa_id), ==, 0);
  gtk_spin_button_set_value (quota_spin (window, "Noa Peretz"), 25);
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, noa_id), ==, 25);

  /* Laid out with the new rows before scrolling down to them. */
  wait_ms (100);
  scroll_to_end (window);
  crm_test_screenshot (window, "preferences-quotas.png");

  close_preferences (window);
}

/* RAD-4: a rep cannot set quotas. The spin buttons are insensitive while a
 * rep works, but the store is the guard: a change forced through refuses
 * with the store's message and the row goes back to the stored value. */
static void
test_rad_4_rep_cannot_set_quota (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  GtkSpinButton *spin;
  GtkWidget *window;
  gint64 manager_id;
  gint64 noa_id;

  manager_id = crm_user_get_id (crm_store_get_current_user (fixture->base.store));
  noa_id = crm_test_add_user (fixture->base.store, "Noa Peretz", CRM_ROLE_REP);
  crm_store_set_quota (fixture->base.store, noa_id, 30, &error);
  g_assert_no_error (error);

  window = open_preferences (fixture);
  spin = quota_spin (window, "Noa Peretz");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));

  /* Noa, a rep, signs in (the hook team mode's sign-in will call). */
  _crm_store_set_current_user (fixture->base.store, noa_id);
  flush_events ();
  g_assert_cmpint (crm_user_get_id (crm_store_get_current_user (fixture->base.store)), ==, noa_id);

  /* The value still shows, but cannot be changed. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  g_assert_cmpstr (adw_action_row_get_subtitle (find_quota_row (window, "Noa Peretz")), ==,
                   "Only a sales manager can change quotas");

  /* What the store says to a rep who tries. */
  g_assert_false (crm_store_set_quota (fixture->base.store, noa_id, 99, &expected));
  g_assert_error (expected, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_assert_null (crm_test_find_label (window, expected->message));

  /* Forced past the insensitive spin button, the store refuses. */
  gtk_spin_button_set_value (spin, 99);
  wait_ms (100);
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, noa_id), ==, 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_nonnull (crm_test_find_label (window, expected->message));
  g_assert_cmpuint (count_labels (window, expected->message), ==, 1);

  /* A rep the manager adds while Noa works (at another desk, in team
   * mode) gets an insensitive row too. */
  _crm_store_set_current_user (fixture->base.store, manager_id);
  crm_test_add_user (fixture->base.store, "Yael Mizrahi", CRM_ROLE_REP);
  _crm_store_set_current_user (fixture->base.store, noa_id);
  flush_events ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (quota_spin (window, "Yael Mizrahi"))));

  scroll_to_end (window);
  crm_test_screenshot (window, "preferences-quotas-rep.png");

  /* The manager again: the spin buttons work. Adding someone rebuilt
   * the rows, so look the spin button up again. */
  _crm_store_set_current_user (fixture->base.store, manager_id);
  flush_events ();
  spin = quota_spin (window, "Noa Peretz");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  gtk_spin_button_set_value (spin, 35);
  g_assert_cmpuint (crm_store_get_quota (fixture->base.store, noa_id), ==, 35);

  close_preferences (window);
}

/* Issue 10, item 5: someone else saves the deal while the card is open
 * (a second store on the same database, as another machine's). The card
 * keeps what was typed and says so; @language is the screenshot's. */
static CrmDealEditor *
open_conflict (Fixture    *fixture,
               gint64      deal_id,
               const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) theirs = crm_test_store_new (fixture->base.path, NULL);
  g_autoptr(CrmDeal) their_deal = crm_store_load_deal (theirs, deal_id, &error);
  g_autofree char *shot = g_strdup_printf ("deal-editor-conflict-%s.png", language);
  CrmDealEditor *editor = open_editor (fixture, deal_id);

  g_assert_no_error (error);
  g_assert_null (crm_deal_editor_get_conflict (editor));
  gtk_editable_set_text (crm_deal_editor_get_title_editable (editor), "Boiler service, two floors");

  crm_deal_set_title (their_deal, "Boiler service (their title)");
  crm_deal_set_next_step (their_deal, "Send the price list");
  g_assert_true (crm_store_save_deal (theirs, their_deal, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (crm_deal_editor_save (editor, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (crm_deal_editor_get_conflict (editor), ==, error->message);
  /* Nothing typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (crm_deal_editor_get_title_editable (editor)), ==,
                   "Boiler service, two floors");
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  wait_ms (400);
  crm_test_screenshot (GTK_WIDGET (editor), shot);
  return editor;
}

static void
test_conflict_keeps_typed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CrmDeal) stored = NULL;
  gint64 deal_id = save_plain_deal (fixture->base.store, "Boiler service");
  CrmDealEditor *editor = open_conflict (fixture, deal_id, "en");

  /* Save Mine: what was typed goes over theirs, as the rep chose. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-over", NULL);
  flush_events ();
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  stored = crm_store_load_deal (fixture->base.store, deal_id, NULL);
  g_assert_cmpstr (crm_deal_get_title (stored), ==, "Boiler service, two floors");
  g_assert_finalize_object (editor);
}

static void
test_conflict_reload_theirs (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) stored = NULL;
  char *saved_language = crm_test_use_language ("he");
  gint64 deal_id = save_plain_deal (fixture->base.store, "Boiler service");
  CrmDealEditor *editor = open_conflict (fixture, deal_id, "he");

  crm_test_restore_language (saved_language);

  /* Reload Theirs: the rows show what they saved, and saving now keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reload-theirs", NULL);
  flush_events ();
  g_assert_null (crm_deal_editor_get_conflict (editor));
  g_assert_cmpstr (gtk_editable_get_text (crm_deal_editor_get_title_editable (editor)), ==,
                   "Boiler service (their title)");
  g_assert_true (crm_deal_editor_save (editor, &error));
  g_assert_no_error (error);
  stored = crm_store_load_deal (fixture->base.store, deal_id, NULL);
  g_assert_cmpstr (crm_deal_get_title (stored), ==, "Boiler service (their title)");
  g_assert_cmpstr (crm_deal_get_next_step (stored), ==, "Send the price list");
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
  g_test_add (path, Fixture, NULL, set_up, func, fixture_tear_down)

  ADD ("/views/deal-editor/new-deal", fixture_set_up_hs, test_new_deal);
  ADD ("/views/deal-editor/existing-deal-shows-national-phone", fixture_set_up_hs,
       test_existing_deal_shows_national_phone);
  ADD ("/views/deal-editor/invalid-phone", fixture_set_up_hs, test_invalid_phone);
  ADD ("/views/deal-editor/invalid-email", fixture_set_up_hs, test_invalid_email);
  ADD ("/views/deal-editor/invalid-amount", fixture_set_up_hs, test_invalid_amount);
  ADD ("/views/deal-editor/empty-title", fixture_set_up_hs, test_empty_title);
  ADD ("/views/deal-editor/store-error-shown-at-field", fixture_set_up_hs,
       test_store_error_shown_at_field);
  ADD ("/views/deal-editor/close-date-picker", fixture_set_up_hs, test_close_date_picker);
  ADD ("/views/deal-editor/save-shortcut", fixture_set_up_hs, test_save_shortcut);
  ADD ("/views/deal-editor/cancel", fixture_set_up_hs, test_cancel);
  ADD ("/views/deal-editor/escape", fixture_set_up_hs, test_escape);
  ADD ("/views/deal-editor/rule-rad-10-edit-persists-across-restart", fixture_set_up_rad,
       test_rad_10_edit_persists_across_restart);
  ADD ("/views/deal-editor/tw-yes-no-and-choice-fields", fixture_set_up_tw,
       test_tw_yes_no_and_choice_fields);
  ADD ("/views/deal-editor/screenshots-ru-rtl", fixture_set_up_rad, test_rad_screenshots);
  ADD ("/views/deal-editor/conflict-keeps-typed", fixture_set_up_tw, test_conflict_keeps_typed);
  ADD ("/views/deal-editor/conflict-reload-theirs", fixture_set_up_tw, test_conflict_reload_theirs);
  ADD ("/views/preferences-window/people-and-style", fixture_set_up_hs, test_preferences);
  ADD ("/views/preferences/rule-rad-4-manager-sets-quota", fixture_set_up_rad,
       test_rad_4_manager_sets_quota);
  ADD ("/views/preferences/rule-rad-4-rep-cannot-set-quota", fixture_set_up_rad,
       test_rad_4_rep_cannot_set_quota);

#undef ADD

  return g_test_run ();
}
