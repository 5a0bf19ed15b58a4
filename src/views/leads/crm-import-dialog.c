/* crm-import-dialog.c
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

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-csv-import.h"
#include "crm-import-dialog.h"
#include "crm-procedure.h"
#include "crm-store.h"
#include "crm-toast.h"

/* Imports a list of leads from a CSV file (HS-1, AXL-6): the file is read
 * in the background, the dialog shows what was detected (encoding,
 * delimiter, rows) and one row per column of the file to say what the
 * column holds, preset from the headers. "Check" lists the rows the import
 * would refuse; "Import" is possible only when there are none, and imports
 * all or nothing. The checks and the import are the model's. */

#define N_SAMPLE_VALUES 3

struct _CrmImportDialog
{
  AdwWindow             parent_instance;

  CrmStore             *store;
  GFile                *file;
  CrmCsvImport         *import;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GtkStringList        *problems;
  GtkStringList        *field_labels;
  GtkStringList        *encoding_labels;
  GPtrArray            *column_rows;
  gboolean              can_import;
  guint                 building_rows : 1;
  guint                 showing_encoding : 1;
  guint                 encoding_chosen : 1;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwActionRow         *encoding_row;
  GtkWidget            *encoding_group;
  AdwComboRow          *encoding_choice_row;
  AdwActionRow         *delimiter_row;
  AdwActionRow         *rows_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *campaign_row;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *check_label;
  GtkWidget            *problems_frame;
  GtkListView          *problems_view;
};

G_DEFINE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The fields a column can hold, in the order the mapping offers them. */
static const CrmCsvField field_order[] = {
  CRM_CSV_FIELD_NAME,
  CRM_CSV_FIELD_LAST_NAME,
  CRM_CSV_FIELD_PHONE,
  CRM_CSV_FIELD_EMAIL,
  CRM_CSV_FIELD_COMPANY,
  CRM_CSV_FIELD_POSITION,
  CRM_CSV_FIELD_SOURCE,
  CRM_CSV_FIELD_CAMPAIGN,
  CRM_CSV_FIELD_NOTE,
  CRM_CSV_FIELD_IGNORE,
};

static guint
field_position (CrmCsvField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_order); i++)
    if (field_order[i] == field)
      return i;

  return G_N_ELEMENTS (field_order) - 1;
}

static char *
describe_delimiter (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      /* Translators: the character between the values of a CSV file */
      return g_strdup (_("Comma"));

    case ';':
      /* Translators: the character between the values of a CSV file */
      return g_strdup (_("Semicolon"));

    case '\t':
      /* Translators: the character between the values of a CSV file */
      return g_strdup (_("Tab"));

    case '|':
      /* Translators: the character between the values of a CSV file */
      return g_strdup (_("Vertical bar"));

    default:
      return g_strdup_printf ("%c", delimiter);
    }
}

/* The first values of a column, so that a column without a telling
 * header can still be recognised. */
static char *
sample_values (CrmCsvImport *import,
               guint         column)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  guint n_rows = crm_csv_import_get_n_rows (import);
  guint n_found = 0;

  for (guint i = 0; i < n_rows && n_found < N_SAMPLE_VALUES; i++)
    {
      const char * const *row = crm_csv_import_get_row (import, i, NULL);
      g_autofree char *value = NULL;

      if (row == NULL || g_strv_length ((char **) row) <= column || row[column][0] == '\0')
        continue;

      /* A quoted value may span lines: one line per value here. */
      value = g_strdup (row[column]);
      g_strdelimit (value, "\r\n", ' ');
      g_strv_builder_add (builder, value);
      n_found++;
    }

  values = g_strv_builder_end (builder);

  /* Translators: separates the first values of an imported column */
  return g_strjoinv (C_("sample values", ", "), values);
}

static void
crm_import_dialog_set_can_import (CrmImportDialog *self,
                                  gboolean         can_import)
{
  self->can_import = can_import;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", can_import);
}

static void
crm_import_dialog_show_problems (CrmImportDialog *self,
                                 GPtrArray       *problems)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = crm_csv_problem_to_string (g_ptr_array_index (problems, i));

      g_strv_builder_add (builder, text);
    }

  strings = g_strv_builder_end (builder);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *) strings);
  gtk_widget_set_visible (self->problems_frame, strings[0] != NULL);
}

/* Mapping changes invalidate the last check. */
static void
crm_import_dialog_invalidate (CrmImportDialog *self)
{
  crm_import_dialog_show_problems (self, NULL);
  gtk_label_set_label (self->check_label, _("The columns changed: check the list again."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  crm_import_dialog_set_can_import (self, FALSE);
}

static void
crm_import_dialog_check (CrmImportDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_rows;

  if (self->import == NULL)
    return;

  n_rows = crm_csv_import_get_n_rows (self->import);
  problems = crm_csv_import_validate (self->import, self->store, &error);
  crm_import_dialog_show_problems (self, problems);

  if (problems == NULL)
    summary = g_strdup (error->message);
  else if (problems->len == 0)
    /* Translators: the result of checking an imported list */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The row is fine.", "All %u rows are fine.", n_rows),
                               n_rows);
  else
    /* Translators: the result of checking an imported list */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u problem: nothing is imported until it is fixed in the file.",
                                            "%u problems: nothing is imported until they are fixed in the file.",
                                            problems->len),
                               problems->len);

  gtk_label_set_label (self->check_label, summary);
  if (problems != NULL && problems->len == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "success");
    }

  crm_import_dialog_set_can_import (self, problems != NULL && problems->len == 0 && n_rows > 0);
}

static void
column_field_changed_cb (AdwComboRow     *row,
                         GParamSpec      *pspec,
                         CrmImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "crm-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->building_rows || self->import == NULL || selected >= G_N_ELEMENTS (field_order))
    return;

  crm_csv_import_set_column (self->import, column, field_order[selected]);
  crm_import_dialog_invalidate (self);
}

static void
crm_import_dialog_clear_columns (CrmImportDialog *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));

  g_ptr_array_set_size (self->column_rows, 0);
}

static void
crm_import_dialog_build_columns (CrmImportDialog *self)
{
  const char * const *headers = crm_csv_import_get_headers (self->import);
  const CrmCsvField *mapping;
  guint n_columns = 0;

  crm_import_dialog_clear_columns (self);
  mapping = crm_csv_import_get_mapping (self->import, &n_columns);

  self->building_rows = TRUE;
  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *samples = sample_values (self->import, i);

      if (headers != NULL && headers[i] != NULL && headers[i][0] != '\0')
        title = g_strdup (headers[i]);
      else
        /* Translators: a column of an imported file without a header */
        title = g_strdup_printf (_("Column %u"), i + 1);

      /* The file's text is no markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), field_position (mapping[i]));
      g_object_set_data (G_OBJECT (row), "crm-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_field_changed_cb), self, 0);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->building_rows = FALSE;
}

/* A guess that is not certain, or bytes that are not text in it: the user
 * is asked, with the rows' values below to judge by, and may have the file
 * read again in another encoding. */
static void
crm_import_dialog_show_encoding_choice (CrmImportDialog *self)
{
  const char * const *encodings = crm_csv_list_encodings ();
  const char *current = crm_csv_import_get_encoding (self->import);
  gboolean certain = crm_csv_import_get_encoding_certain (self->import) &&
                     crm_csv_import_get_encoding_problems (self->import)->len == 0;
  guint position = GTK_INVALID_LIST_POSITION;
  const char *subtitle = NULL;

  for (guint i = 0; encodings[i] != NULL; i++)
    {
      if (g_str_equal (encodings[i], current))
        position = i;
    }

  if (crm_csv_import_get_encoding_mixed (self->import))
    subtitle = _("Some lines are in another encoding than the rest of the file: fix them in the file, "
                 "or pick the encoding that reads the names right");
  else if (!certain)
    subtitle = _("Deals is not sure of the encoding: if the names below look wrong, "
                 "pick the one the file was saved in");

  self->showing_encoding = TRUE;
  adw_combo_row_set_selected (self->encoding_choice_row, position);
  self->showing_encoding = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_choice_row), subtitle);
  gtk_widget_set_visible (self->encoding_group, !certain || self->encoding_chosen);
}

static void
crm_import_dialog_show_import (CrmImportDialog *self)
{
  const char *encoding = crm_csv_encoding_get_label (crm_csv_import_get_encoding (self->import));
  g_autofree char *delimiter = describe_delimiter (crm_csv_import_get_delimiter (self->import));
  g_autofree char *rows = NULL;
  g_autofree char *campaign = NULL;
  guint n_rows = crm_csv_import_get_n_rows (self->import);

  rows = g_strdup_printf ("%u", n_rows);
  adw_action_row_set_subtitle (self->encoding_row, encoding);
  adw_action_row_set_subtitle (self->delimiter_row, delimiter);
  adw_action_row_set_subtitle (self->rows_row, rows);

  /* Each import has its own campaign unless the user says otherwise
   * (HS-1): the file's name is the one the user knows it by. */
  if (crm_csv_import_get_file_name (self->import) != NULL)
    {
      char *dot;

      campaign = g_path_get_basename (crm_csv_import_get_file_name (self->import));
      dot = strrchr (campaign, '.');
      if (dot != NULL && dot != campaign)
        *dot = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), campaign);
    }

  crm_import_dialog_show_encoding_choice (self);
  crm_import_dialog_build_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  crm_import_dialog_check (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", TRUE);
}

static void
encoding_choice_changed_cb (AdwComboRow     *row,
                            GParamSpec      *pspec,
                            CrmImportDialog *self)
{
  const char * const *encodings = crm_csv_list_encodings ();
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(CrmCsvImport) again = NULL;
  g_autoptr(GError) error = NULL;

  if (self->showing_encoding || self->import == NULL || selected >= g_strv_length ((char **) encodings) ||
      g_str_equal (encodings[selected], crm_csv_import_get_encoding (self->import)))
    return;

  /* The same bytes, read again: the headers and so the mapping may read
   * differently now. */
  again = crm_csv_import_new_in_encoding (self->import, encodings[selected], &error);
  if (again == NULL)
    {
      crm_toast_show (self->toast_overlay, crm_toast_new_text (error->message));
      return;
    }

  self->encoding_chosen = TRUE;
  g_set_object (&self->import, again);
  crm_import_dialog_show_import (self);
}

static void
crm_import_dialog_show_error (CrmImportDialog *self,
                              const char      *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(CrmImportDialog) self = user_data;
  g_autoptr(CrmCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = crm_csv_import_new_from_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (import == NULL)
    {
      crm_import_dialog_show_error (self, error->message);
      return;
    }

  g_set_object (&self->import, import);
  crm_import_dialog_show_import (self);
}

static void
crm_import_dialog_load (CrmImportDialog *self,
                        GFile           *file)
{
  g_autofree char *name = NULL;

  g_set_object (&self->file, file);
  g_clear_object (&self->import);
  self->encoding_chosen = FALSE;
  crm_import_dialog_clear_columns (self);
  crm_import_dialog_show_problems (self, NULL);
  crm_import_dialog_set_can_import (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", FALSE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  crm_csv_import_new_from_file_async (file, self->cancellable, load_cb, g_object_ref (self));
}

static void
chooser_response_cb (CrmImportDialog *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    crm_import_dialog_load (self, file);
}

/* Actions */

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose a List of Leads"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  crm_import_dialog_check (CRM_IMPORT_DIALOG (widget));
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (widget);
  g_autofree char *source = entry_text (self->source_row);
  g_autofree char *campaign = entry_text (self->campaign_row);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  guint n_imported = 0;

  if (self->import == NULL || !self->can_import)
    return;

  /* All or nothing: the store checks the rows again as it writes. */
  if (!crm_csv_import_commit (self->import, self->store, source, campaign, &n_imported, &error))
    {
      AdwToast *toast = crm_toast_new_text (error->message);

      /* Why nothing happened is shown at once, not after other news. */
      adw_toast_set_timeout (toast, 0);
      crm_toast_show (self->toast_overlay, toast);
      crm_import_dialog_check (self);
      return;
    }

  /* Translators: a toast after a list of leads was imported */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u lead", "Imported %u leads", n_imported),
                                   n_imported);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", title);

  /**
   * CrmImportDialog::imported:
   * @self: a #CrmImportDialog
   * @n_imported: how many leads were imported
   *
   * Emitted after the list was imported, before the dialog closes, so
   * that the views that show leads read them again.
   */
  g_signal_emit (self, signals [IMPORTED], 0, n_imported);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
crm_import_dialog_constructed (GObject *object)
{
  CrmImportDialog *self = (CrmImportDialog *)object;
  CrmProcedure *procedure;

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->constructed (object);

  /* HS-1: a list is an imported list unless the user names its source. */
  procedure = self->store != NULL ? crm_store_get_procedure (self->store) : NULL;
  for (guint i = 0; procedure != NULL && i < crm_procedure_get_n_sources (procedure); i++)
    {
      const CrmProcedureChoice *choice = crm_procedure_get_source (procedure, i);

      if (g_strcmp0 (choice->key, "imported_list") == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->source_row), crm_text_get (&choice->name));
    }

  if (self->file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      crm_import_dialog_load (self, file);
    }
}

static void
crm_import_dialog_dispose (GObject *object)
{
  CrmImportDialog *self = (CrmImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->problems);
  g_clear_object (&self->field_labels);
  g_clear_object (&self->encoding_labels);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = (CrmImportDialog *)object;

  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->finalize (object);
}

static void
crm_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_import_dialog_class_init (CrmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_import_dialog_constructed;
  object_class->dispose = crm_import_dialog_dispose;
  object_class->finalize = crm_import_dialog_finalize;
  object_class->get_property = crm_import_dialog_get_property;
  object_class->set_property = crm_import_dialog_set_property;

  /**
   * CrmImportDialog:store:
   *
   * The store the leads are imported into.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmImportDialog:file:
   *
   * The CSV file, or %NULL until the user chose one.
   */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, encoding_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, encoding_choice_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, rows_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, check_label);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, problems_frame);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, problems_view);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_import_dialog_init (CrmImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->problems = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));

  self->field_labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (field_order); i++)
    gtk_string_list_append (self->field_labels, crm_csv_field_get_label (field_order[i]));

  self->encoding_labels = gtk_string_list_new (NULL);
  for (const char * const *e = crm_csv_list_encodings (); *e != NULL; e++)
    gtk_string_list_append (self->encoding_labels, crm_csv_encoding_get_label (*e));
  adw_combo_row_set_model (self->encoding_choice_row, G_LIST_MODEL (self->encoding_labels));
  g_signal_connect_object (self->encoding_choice_row, "notify::selected",
                           G_CALLBACK (encoding_choice_changed_cb), self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", FALSE);
  crm_import_dialog_set_can_import (self, FALSE);
}

/* Public API */

/**
 * crm_import_dialog_new:
 * @store: the store to import into
 * @file: (nullable): the CSV file, or %NULL to let the user choose one
 *
 * Returns: (transfer full): a new import dialog
 */
GtkWidget *
crm_import_dialog_new (CrmStore *store,
                       GFile    *file)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (!file || G_IS_FILE (file), NULL);

  return g_object_new (CRM_TYPE_IMPORT_DIALOG,
                       "store", store,
                       "file", file,
                       NULL);
}

CrmStore *
crm_import_dialog_get_store (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);

  return self->store;
}

/**
 * crm_import_dialog_get_import:
 * @self: a #CrmImportDialog
 *
 * Returns: (transfer none) (nullable): the list read from the file, %NULL
 *   until it is loaded
 */
CrmCsvImport *
crm_import_dialog_get_import (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * crm_import_dialog_get_problems_model:
 * @self: a #CrmImportDialog
 *
 * Returns: (transfer none): the problems of the last check, as
 *   #GtkStringObject items such as “Line 7: …”
 */
GListModel *
crm_import_dialog_get_problems_model (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->problems);
}

guint
crm_import_dialog_get_n_problems (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->problems));
}

/**
 * crm_import_dialog_set_column_field:
 * @self: a #CrmImportDialog
 * @column: a column of the file, from 0
 * @field: what the column holds
 *
 * Chooses the field of a column as its row in the dialog does; the list
 * must be checked again before it can be imported.
 */
void
crm_import_dialog_set_column_field (CrmImportDialog *self,
                                    guint            column,
                                    CrmCsvField      field)
{
  g_return_if_fail (CRM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field_position (field));
}
