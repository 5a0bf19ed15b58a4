/* test-import-dialog.c
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

#include <string.h>

#include "crm-csv-import.h"
#include "crm-import-dialog.h"
#include "crm-store.h"

#include "crm-test-utils.h"

/*
 * The import dialog and the encoding of a list: when the guess is not
 * certain, the dialog asks, with the names of the list to judge by, and
 * reads the file again in the encoding picked; lines with bytes that are
 * not text are listed and keep the import off. The real dialog, driven
 * through its widgets.
 */

#define WAIT_MS 5000

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

/* Whether a label on screen under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GString) out = g_string_new ("|");

  collect_labels (widget, out);
  return strstr (out->str, text) != NULL;
}

static GFile *
write_file (const char *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = crm_test_make_dir ("deals-import-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "leads.csv", NULL);

  g_test_queue_destroy (crm_test_remove_dir_free, g_strdup (dir));
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static CrmImportDialog *
open_dialog (CrmStore *store,
             GFile    *file)
{
  CrmImportDialog *dialog = CRM_IMPORT_DIALOG (crm_import_dialog_new (store, file));
  gint64 end = g_get_monotonic_time () + WAIT_MS * 1000;

  g_object_ref_sink (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 1400);
  gtk_window_present (GTK_WINDOW (dialog));

  while (crm_import_dialog_get_import (dialog) == NULL && g_get_monotonic_time () < end)
    crm_test_iterate (20);
  g_assert_nonnull (crm_import_dialog_get_import (dialog));
  crm_test_iterate (300);

  return dialog;
}

static void
close_dialog (CrmImportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  crm_test_iterate (50);
}

static AdwComboRow *
encoding_choice (CrmImportDialog *dialog)
{
  return ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), CRM_TYPE_IMPORT_DIALOG,
                                                       "encoding_choice_row"));
}

static guint
encoding_position (const char *encoding)
{
  const char * const *encodings = crm_csv_list_encodings ();

  for (guint i = 0; encodings[i] != NULL; i++)
    {
      if (g_str_equal (encodings[i], encoding))
        return i;
    }

  g_assert_not_reached ();
}

/* The header bar's Import button, by its action. */
static GtkWidget *
find_import_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "import.commit") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_import_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
can_import (CrmImportDialog *dialog)
{
  GtkWidget *button = find_import_button (GTK_WIDGET (dialog));

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static gint64
count_contacts (CrmStore *store)
{
  return crm_test_query_int (store, "SELECT count(*) FROM contacts");
}

/* A list whose words are partly Latin with accents, partly of accented
 * bytes alone: the guess is not certain, the dialog asks; picking Latin-1
 * reads "José" right, and then the list imports. */
static void
test_uncertain_asks_and_rereads (void)
{
  static const char data[] =
    "Name,Phone\n"
    "Jos\xe9,050-1234567\n"
    "\xc8\xe2\xe0\xed,052-7654321\n";
  g_autoptr(CrmStore) store = crm_test_open_store ("hs", 0, NULL);
  g_autoptr(GFile) file = write_file (data, sizeof data - 1);
  CrmImportDialog *dialog = open_dialog (store, file);
  AdwComboRow *choice = encoding_choice (dialog);

  g_assert_false (crm_csv_import_get_encoding_certain (crm_import_dialog_get_import (dialog)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (choice)));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Deals is not sure of the encoding"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "José"));
  crm_test_screenshot (GTK_WIDGET (dialog), "import-dialog-encoding.png");

  adw_combo_row_set_selected (choice, encoding_position ("WINDOWS-1252"));
  crm_test_iterate (200);

  g_assert_cmpstr (crm_csv_import_get_encoding (crm_import_dialog_get_import (dialog)), ==, "WINDOWS-1252");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "José"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (choice)));
  g_assert_cmpuint (adw_combo_row_get_selected (choice), ==, encoding_position ("WINDOWS-1252"));
  g_assert_cmpuint (crm_import_dialog_get_n_problems (dialog), ==, 0);
  g_assert_true (can_import (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  crm_test_iterate (200);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM contacts WHERE name = 'José'"), ==, 1);
  g_assert_cmpint (count_contacts (store), ==, 2);
  g_object_unref (dialog);
}

/* UTF-8 with a line of Latin-1 pasted in: the line is listed, the dialog
 * asks, and nothing can be imported; read as UTF-8 there is no way to. */
static void
test_mixed_lists_lines (void)
{
  static const char data[] =
    "Name,Phone\n"
    "דנה לוי,050-1234567\n"
    "Jos\xe9 Garc\xed" "a,052-7654321\n";
  g_autoptr(CrmStore) store = crm_test_open_store ("hs", 0, NULL);
  g_autoptr(GFile) file = write_file (data, sizeof data - 1);
  CrmImportDialog *dialog = open_dialog (store, file);
  g_autoptr(GtkStringObject) problem = NULL;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (encoding_choice (dialog))));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Some lines are in another encoding"));
  g_assert_cmpuint (crm_import_dialog_get_n_problems (dialog), >=, 1);
  problem = g_list_model_get_item (crm_import_dialog_get_problems_model (dialog), 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (problem), "Line 3: "));
  g_assert_false (can_import (dialog));

  /* Even activated, the import writes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  crm_test_iterate (100);
  g_assert_cmpint (count_contacts (store), ==, 0);
  close_dialog (dialog);
}

/* A list in plain UTF-8 does not ask. */
static void
test_certain_does_not_ask (void)
{
  static const char data[] = "Name,Phone\nדנה לוי,050-1234567\n";
  g_autoptr(CrmStore) store = crm_test_open_store ("hs", 0, NULL);
  g_autoptr(GFile) file = write_file (data, sizeof data - 1);
  CrmImportDialog *dialog = open_dialog (store, file);

  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (encoding_choice (dialog))));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "UTF-8"));
  g_assert_true (can_import (dialog));
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/import-dialog/encoding/uncertain-asks-and-rereads", test_uncertain_asks_and_rereads);
  g_test_add_func ("/views/import-dialog/encoding/mixed-lists-lines", test_mixed_lists_lines);
  g_test_add_func ("/views/import-dialog/encoding/certain-does-not-ask", test_certain_does_not_ask);

  return g_test_run ();
}
