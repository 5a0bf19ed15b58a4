/* test-leads-view.c
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
#include <glib/gstdio.h>

#include "crm-contact.h"
#include "crm-csv-import.h"
#include "crm-db.h"
#include "crm-deal.h"
#include "crm-import-dialog.h"
#include "crm-leads.h"
#include "crm-leads-view.h"
#include "crm-pipeline.h"
#include "crm-stage.h"
#include "crm-window.h"

#include "crm-test-utils.h"

#define WAIT_MS 5000

typedef struct
{
  gint64 dana;    /* web form, with an email and a mobile */
  gint64 yossi;   /* web form, no email */
  gint64 noa;     /* an imported list */
} Leads;

static gint64
add_lead (CrmStore   *store,
          const char *name,
          const char *phone,
          const char *email,
          const char *company,
          const char *source,
          const char *campaign)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = crm_store_add_lead (store, name, phone, email, company, source, campaign, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static CrmStore *
open_store_with_leads (Leads *leads)
{
  CrmStore *store = crm_test_open_store ("hs", 0, NULL);

  leads->noa = add_lead (store, "Noa Mizrahi", "054-3333333", "noa@example.co.il", NULL, "imported_list", NULL);
  leads->yossi = add_lead (store, "Yossi Cohen", "052-7654321", NULL, NULL, "web_form", "Spring");
  leads->dana = add_lead (store, "Dana Levi", "050-1234567", "dana@example.co.il", "Acme Clocks",
                          "web_form", "Spring");

  return store;
}

static CrmLeadsView *
show_leads_page (CrmWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "leads"));
  crm_test_iterate (300);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (crm_window_get_view_stack (window)), ==, "leads");

  return crm_window_get_leads_view (window);
}

/* The texts of all labels under @widget, in tree order, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
labels_of (GtkWidget *widget)
{
  GString *out = g_string_new ("|");

  collect_labels (widget, out);

  return g_string_free (out, FALSE);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autofree char *labels = labels_of (widget);

  return strstr (labels, text) != NULL;
}

/* The widget under @widget that acts on @action_name with @target, as the
 * row of that lead offers it. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *target)
{
  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0 &&
      gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) != NULL &&
      g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), target))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The menu button of the row whose "Relevant" button is @relevant. */
static GtkMenuButton *
row_menu_button (GtkWidget *relevant)
{
  for (GtkWidget *sibling = gtk_widget_get_next_sibling (relevant);
       sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (GTK_IS_MENU_BUTTON (sibling))
      return GTK_MENU_BUTTON (sibling);

  return NULL;
}

static gboolean
menu_has_item (GMenuModel *menu,
               const char *action_name,
               GVariant   *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GVariant) item_target = NULL;
      g_autofree char *action = NULL;

      if (section != NULL && menu_has_item (section, action_name, target))
        return TRUE;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        continue;
      item_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      if (g_strcmp0 (action, action_name) == 0 && item_target != NULL && g_variant_equal (item_target, target))
        return TRUE;
    }

  return FALSE;
}

static gboolean
model_has_lead (GListModel *model,
                gint64      contact_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmContact) contact = g_list_model_get_item (model, i);

      if (crm_contact_get_id (contact) == contact_id)
        return TRUE;
    }

  return FALSE;
}

static guint
source_position (CrmLeadsView *view,
                 const char   *key)
{
  GListModel *sources = crm_leads_view_get_sources_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (sources, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), key) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static CrmContact *
load_contact (CrmStore *store,
              gint64    contact_id)
{
  g_autoptr(GError) error = NULL;
  CrmContact *contact = crm_store_load_contact (store, contact_id, &error);

  g_assert_no_error (error);

  return contact;
}

/* The store's contacts do not carry the classification: read it. */
static gboolean
is_classified_as (CrmStore   *store,
                  gint64      contact_id,
                  const char *classification)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contacts WHERE id = %" G_GINT64_FORMAT
                                          " AND classification = '%s'",
                                          contact_id, classification);

  return crm_test_query_int (store, sql) == 1;
}

static gboolean
is_unclassified (CrmStore *store,
                 gint64    contact_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contacts WHERE id = %" G_GINT64_FORMAT
                                          " AND classification IS NULL",
                                          contact_id);

  return crm_test_query_int (store, sql) == 1;
}

static gint64
first_stage_id (CrmStore *store)
{
  g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  g_autoptr(GListModel) stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  g_autoptr(CrmStage) stage = g_list_model_get_item (stages, 0);

  return crm_stage_get_id (stage);
}

static void
test_leads_sources (void)
{
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *sidebar = NULL;
  CrmLeadsView *view;
  CrmWindow *window;
  GListModel *sources;
  GListModel *model;
  Leads leads;

  store = open_store_with_leads (&leads);
  window = crm_window_new (NULL, store, NULL);
  view = show_leads_page (window);
  sources = crm_leads_view_get_sources_model (view);
  model = crm_leads_view_get_model (view);

  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 3);
  /* All leads, then the sources in order. */
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);
  g_assert_cmpuint (source_position (view, ""), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  sidebar = labels_of (GTK_WIDGET (crm_leads_view_get_sources_view (view)));
  g_assert_nonnull (strstr (sidebar, "|All Leads|3|"));
  g_assert_nonnull (strstr (sidebar, "|Imported lead list|1|"));
  /* HS-1: the web form's view is the Leadometer. */
  g_assert_nonnull (strstr (sidebar, "(Leadometer)|2|"));

  /* A row shows the phone in the national format, the email and company. */
  g_assert_true (shows_text (GTK_WIDGET (crm_leads_view_get_list_view (view)), "dana@example.co.il"));
  g_assert_true (shows_text (GTK_WIDGET (crm_leads_view_get_list_view (view)), "Acme Clocks"));
  g_assert_true (shows_text (GTK_WIDGET (crm_leads_view_get_list_view (view)), "050-123-4567"));

  crm_test_screenshot (GTK_WIDGET (window), "leads-en.png");

  /* Enter on a lead offers the classifications and classifies nothing. */
  gtk_widget_grab_focus (GTK_WIDGET (crm_leads_view_get_list_view (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (crm_leads_view_get_list_view (view)),
                                             "list.activate-item", "u", 0));
  crm_test_iterate (100);
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_widget_get_last_child (GTK_WIDGET (view))));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_last_child (GTK_WIDGET (view))));
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_last_child (GTK_WIDGET (view))));
  crm_test_iterate (100);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 3);

  /* Choosing a source filters the list. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (sources), source_position (view, "imported_list"));
  crm_test_iterate (100);
  g_assert_cmpstr (crm_leads_view_get_source (view), ==, "imported_list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (model_has_lead (model, leads.noa));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (sources), source_position (view, "web_form"));
  crm_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_false (model_has_lead (model, leads.noa));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* HS-3, HS-4: "Relevant" opens a deal in the first stage and makes the
 * contact an opportunity; a lead the first stage does not accept (HS-2)
 * stays, with the store's reason. */
static void
test_rule_hs_3_relevant_opens_deal (void)
{
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmContact) dana = NULL;
  g_autoptr(CrmContact) yossi = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(GListModel) deals_before = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GListModel) opened = NULL;
  g_autoptr(GError) error = NULL;
  CrmLeadsView *view;
  CrmWindow *window;
  GtkListView *list;
  GtkWidget *button;
  GtkMenuButton *menu_button;
  GListModel *model;
  GListModel *leads_list;
  gint64 deal_id;
  Leads leads;

  store = open_store_with_leads (&leads);
  window = crm_window_new (NULL, store, NULL);
  view = show_leads_page (window);
  list = crm_leads_view_get_list_view (view);
  model = crm_leads_view_get_model (view);

  /* The store's own reason, which it gives without changing anything. */
  g_assert_false (crm_store_classify_lead (store, leads.yossi, CRM_CLASSIFICATION_RELEVANT, NULL, &expected));
  g_assert_nonnull (expected);

  /* Without an email: refused, shown, nothing changes. */
  target = g_variant_ref_sink (g_variant_new ("(xs)", leads.yossi, CRM_CLASSIFICATION_RELEVANT));
  button = find_actionable (GTK_WIDGET (list), "leads.classify", target);
  g_assert_nonnull (button);
  g_clear_pointer (&target, g_variant_unref);
  gtk_widget_activate (button);
  crm_test_iterate (300);

  g_assert_true (shows_text (GTK_WIDGET (window), expected->message));
  g_assert_true (model_has_lead (model, leads.yossi));
  yossi = load_contact (store, leads.yossi);
  g_assert_cmpstr (crm_contact_get_lifecycle (yossi), ==, CRM_LIFECYCLE_LEAD);
  g_assert_true (is_unclassified (store, leads.yossi));
  g_clear_object (&yossi);

  /* With an email and a mobile: a deal in the first stage. */
  target = g_variant_ref_sink (g_variant_new ("(xs)", leads.dana, CRM_CLASSIFICATION_RELEVANT));
  button = find_actionable (GTK_WIDGET (list), "leads.classify", target);
  g_assert_nonnull (button);
  g_clear_pointer (&target, g_variant_unref);
  gtk_widget_activate (button);
  crm_test_iterate (300);

  g_assert_false (model_has_lead (model, leads.dana));
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 2);
  dana = load_contact (store, leads.dana);
  g_assert_cmpstr (crm_contact_get_lifecycle (dana), ==, CRM_LIFECYCLE_OPPORTUNITY);
  g_assert_true (is_classified_as (store, leads.dana, CRM_CLASSIFICATION_RELEVANT));

  deal_id = crm_store_find_latest_deal (store, "contact", leads.dana);
  g_assert_cmpint (deal_id, >, 0);
  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_deal_get_stage_id (deal), ==, first_stage_id (store));
  g_assert_cmpint (crm_deal_get_contact_id (deal), ==, leads.dana);

  /* Junk, from the row's menu: the lead leaves the list. */
  target = g_variant_ref_sink (g_variant_new ("(xs)", leads.yossi, CRM_CLASSIFICATION_RELEVANT));
  button = find_actionable (GTK_WIDGET (list), "leads.classify", target);
  g_assert_nonnull (button);
  g_clear_pointer (&target, g_variant_unref);
  menu_button = row_menu_button (button);
  g_assert_nonnull (menu_button);
  target = g_variant_ref_sink (g_variant_new ("(xs)", leads.yossi, CRM_CLASSIFICATION_JUNK));
  g_assert_true (menu_has_item (gtk_menu_button_get_menu_model (menu_button), "leads.classify", target));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (menu_button), "leads.classify", target));
  g_clear_pointer (&target, g_variant_unref);
  crm_test_iterate (200);

  g_assert_false (model_has_lead (model, leads.yossi));
  yossi = load_contact (store, leads.yossi);
  g_assert_true (is_classified_as (store, leads.yossi, CRM_CLASSIFICATION_JUNK));
  g_assert_cmpstr (crm_contact_get_lifecycle (yossi), ==, CRM_LIFECYCLE_OTHER);

  /* The web form has no leads left: its view goes, the list shows all. */
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_sources_model (view)), ==, 2);
  leads_list = crm_leads_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (leads_list), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Writes @text in Windows-1255 to a temporary file. */
static GFile *
write_hebrew_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;

  bytes = g_convert (text, -1, "WINDOWS-1255", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);

  dir = crm_test_make_dir ("deals-import-XXXXXX");
  g_test_queue_destroy (crm_test_remove_dir_free, g_strdup (dir));
  path = g_build_filename (dir, "leads-tel-aviv.csv", NULL);
  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static CrmImportDialog *
open_import_dialog (CrmStore  *store,
                    CrmWindow *window,
                    GFile     *file)
{
  CrmImportDialog *dialog = CRM_IMPORT_DIALOG (crm_import_dialog_new (store, file));
  gint64 end = g_get_monotonic_time () + WAIT_MS * 1000;

  g_object_ref (dialog);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));

  while (crm_import_dialog_get_import (dialog) == NULL && g_get_monotonic_time () < end)
    crm_test_iterate (20);
  g_assert_nonnull (crm_import_dialog_get_import (dialog));
  crm_test_iterate (300);

  return dialog;
}

static GtkWidget *
import_button (CrmImportDialog *dialog)
{
  GtkWidget *button = NULL;

  /* The header bar's button, by its action. */
  for (GtkWidget *w = find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_HEADER_BAR); w != NULL; w = NULL)
    {
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, w);
      while (stack->len > 0 && button == NULL)
        {
          GtkWidget *current = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_BUTTON (current) &&
              g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (current)), "import.commit") == 0)
            button = current;

          for (GtkWidget *child = gtk_widget_get_first_child (current); child; child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (stack, child);
        }
    }

  g_assert_nonnull (button);

  return button;
}

/* HS-1: an imported list, in the encoding Hebrew spreadsheets save in, is
 * checked row by row and imported all or nothing. */
static void
test_rule_hs_1_import_list (void)
{
  static const char ragged[] =
    "שם,טלפון,דוא\"ל,חברה\r\n"
    "רונית אברהם,050-2223344,ronit@example.co.il,גלים בע\"מ\r\n"
    "אבי ישראלי,052-5556677\r\n"
    "שרה לוי,053-1112233,sara@example.co.il,\r\n";
  static const char clean[] =
    "שם,טלפון,דוא\"ל,חברה\r\n"
    "רונית אברהם,050-2223344,ronit@example.co.il,גלים בע\"מ\r\n"
    "שרה לוי,053-1112233,sara@example.co.il,\r\n";
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) ragged_file = NULL;
  g_autoptr(GFile) clean_file = NULL;
  g_autoptr(GtkStringObject) problem = NULL;
  CrmImportDialog *dialog;
  CrmLeadsView *view;
  CrmWindow *window;
  GListModel *model;
  Leads leads;

  store = open_store_with_leads (&leads);
  window = crm_window_new (NULL, store, NULL);
  view = show_leads_page (window);
  model = crm_leads_view_get_model (view);

  /* A ragged row: listed by its line, nothing can be imported. */
  ragged_file = write_hebrew_csv (ragged);
  dialog = open_import_dialog (store, window, ragged_file);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Windows-1255"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "רונית אברהם"));
  g_assert_cmpuint (crm_import_dialog_get_n_problems (dialog), ==, 1);
  problem = g_list_model_get_item (crm_import_dialog_get_problems_model (dialog), 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (problem), "Line 3: "));
  g_assert_true (shows_text (GTK_WIDGET (dialog), gtk_string_object_get_string (problem)));
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  crm_test_screenshot (GTK_WIDGET (dialog), "import-dialog-en.png");

  /* A column ignored, a check: the rows are still ragged. */
  crm_import_dialog_set_column_field (dialog, 3, CRM_CSV_FIELD_IGNORE);
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL));
  g_assert_cmpuint (crm_import_dialog_get_n_problems (dialog), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* A clean list: no problems, imported. */
  clean_file = write_hebrew_csv (clean);
  dialog = open_import_dialog (store, window, clean_file);
  g_assert_cmpuint (crm_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "All 2 rows are fine."));
  g_assert_true (gtk_widget_is_sensitive (import_button (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  crm_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  g_assert_true (shows_text (GTK_WIDGET (window), "Imported 2 leads"));
  crm_leads_view_reload (view);
  crm_test_iterate (200);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 5);
  g_assert_true (shows_text (GTK_WIDGET (crm_leads_view_get_list_view (view)), "רונית אברהם"));
  g_assert_true (shows_text (GTK_WIDGET (crm_leads_view_get_list_view (view)), "leads-tel-aviv"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hebrew is right-to-left: the sources are on the right. */
static void
test_leads_rtl (void)
{
  g_autoptr(CrmStore) store = NULL;
  graphene_point_t sources, list;
  CrmLeadsView *view;
  CrmWindow *window;
  Leads leads;

  g_setenv ("LANGUAGE", "he", TRUE);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  store = open_store_with_leads (&leads);
  add_lead (store, "דנה לוי", "050-7654321", "dana.l@example.co.il", "שעוני נוכחות", "web_form", "אביב");
  window = crm_window_new (NULL, store, NULL);
  view = show_leads_page (window);

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (crm_leads_view_get_sources_view (view)), GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &sources));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (crm_leads_view_get_list_view (view)), GTK_WIDGET (view),
                                           &GRAPHENE_POINT_INIT (0, 0), &list));
  g_assert_cmpfloat (sources.x, >, list.x);

  crm_test_screenshot (GTK_WIDGET (window), "leads-he.png");
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_unsetenv ("LANGUAGE");
}

/* Issue 12: a deal change that leaves the leads as they were (a move on
 * the board) costs the view nothing; a write that changed them (a lead
 * classified, one added over D-Bus) shows at once, and while the page is
 * hidden the badge follows for one counting query, the rows being read
 * when it is shown again. */
static void
test_leads_deal_change_reads_no_leads (void)
{
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CrmLeadsView *view;
  GtkWindow *window;
  guint64 before;
  gint64 deal_id = 0, ruth;
  Leads leads;

  store = open_store_with_leads (&leads);
  window = GTK_WINDOW (gtk_window_new ());
  view = g_object_new (CRM_TYPE_LEADS_VIEW, "store", store, NULL);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  crm_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_model (view)), ==, 3);

  before = crm_store_get_statement_count (store);
  g_signal_emit_by_name (store, "deal-changed", (gint64) 1);
  crm_test_iterate (50);
  g_assert_cmpuint (crm_store_get_statement_count (store) - before, ==, 0);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 3);

  /* A lead classified behind the view's back shows at once. */
  g_assert_true (crm_store_classify_lead (store, leads.noa, CRM_CLASSIFICATION_JUNK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_model (view)), ==, 2);

  g_assert_true (crm_store_classify_lead (store, leads.dana, CRM_CLASSIFICATION_RELEVANT, &deal_id, &error));
  g_assert_no_error (error);
  crm_test_iterate (50);
  g_assert_cmpint (deal_id, >, 0);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_model (view)), ==, 1);
  g_assert_true (model_has_lead (crm_leads_view_get_model (view), leads.yossi));
  g_assert_false (model_has_lead (crm_leads_view_get_model (view), leads.dana));

  /* Hidden, as when another page is shown: a lead that came in (over
   * D-Bus, say) moves the badge for one count and reads no rows. */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  crm_test_iterate (50);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  ruth = add_lead (store, "Ruth Azulay", "053-5555555", NULL, NULL, "web_form", NULL);
  g_assert_cmpuint (crm_leads_view_get_n_leads (view), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_model (view)), ==, 1);
  before = crm_store_get_statement_count (store);
  g_signal_emit_by_name (store, "leads-changed");
  g_assert_cmpuint (crm_store_get_statement_count (store) - before, ==, 1);

  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  crm_test_iterate (100);
  g_assert_true (model_has_lead (crm_leads_view_get_model (view), ruth));
  g_assert_cmpuint (g_list_model_get_n_items (crm_leads_view_get_model (view)), ==, 2);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/leads/sources", test_leads_sources);
  g_test_add_func ("/views/leads/rule-hs-3-relevant-opens-deal", test_rule_hs_3_relevant_opens_deal);
  g_test_add_func ("/views/leads/rule-hs-1-import-list", test_rule_hs_1_import_list);
  g_test_add_func ("/views/leads/rtl-sources-on-right", test_leads_rtl);
  g_test_add_func ("/views/leads/deal-change-reads-no-leads", test_leads_deal_change_reads_no_leads);

  return g_test_run ();
}
