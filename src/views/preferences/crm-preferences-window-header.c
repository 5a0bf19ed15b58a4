/* crm-preferences-window-header.c
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

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-preferences-window-private.h"

#include "crm-limits.h"
#include "crm-problem.h"
#include "crm-quote-document.h"

#include "crm-store.h"

/* The organisation's quote header: the details printed under its name and
 * its logo, kept in the store's settings "organization-details" and
 * "organization-logo" (a file's path). The store reads the logo when a
 * quote is made and quietly leaves out one it cannot read; so the problem
 * is told here, at the logo's row, both when a file is chosen (and then
 * refused, keeping the logo there was) and when the stored file has since
 * gone. */

/* Helpers */

static gboolean
check_logo (const char  *path,
            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  GStatBuf info;

  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The logo file is missing."));
      return FALSE;
    }

  if (info.st_size > CRM_QUOTE_MAX_LOGO)
    {
      /* Translators: %s is a file's name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is larger than 2 MiB, too large for a logo."), name);
      return FALSE;
    }

  /* The document's own check, so that a logo kept here is one the PDF
   * shows: decoded as it draws it, and never decoded at all when it
   * declares more pixels than a logo may have. */
  if (g_file_get_contents (path, &contents, &length, &local_error))
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (bytes == NULL || !crm_document_check_logo (bytes, &local_error))
    {
      /* Translators: %s is a file's name, then why it will not do */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” cannot be the logo: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
show_logo_problem (CrmPreferencesWindow *self,
                   const char           *message)
{
  crm_problem_show (GTK_WIDGET (self->logo_row), message);
  gtk_label_set_text (self->logo_problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->logo_problem_label), message != NULL);
}

static void
sync_logo (CrmPreferencesWindow *self)
{
  g_autofree char *path = crm_store_dup_setting (self->store, "organization-logo");
  g_autoptr(GError) error = NULL;
  gboolean can_change = _crm_preferences_window_is_manager (self);
  gboolean usable = path != NULL && check_logo (path, &error);

  if (path != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      adw_action_row_set_subtitle (self->logo_row, name);
    }
  else
    adw_action_row_set_subtitle (self->logo_row, _("No logo"));

  gtk_picture_set_filename (self->logo_picture, usable ? path : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), usable);
  show_logo_problem (self, error != NULL ? error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.choose-logo", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.set-logo", can_change);
  gtk_widget_set_visible (self->remove_logo_button, path != NULL);
}

static void
sync_details (CrmPreferencesWindow *self)
{
  g_autofree char *details = crm_store_dup_setting (self->store, "organization-details");
  gboolean can_change = _crm_preferences_window_is_manager (self);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view),
                            details != NULL ? details : "", -1);
  gtk_text_view_set_editable (self->details_view, can_change);
  gtk_text_view_set_cursor_visible (self->details_view, can_change);
  crm_problem_show (GTK_WIDGET (self->details_view), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.save-organization-details", can_change);
}

static void
set_logo (CrmPreferencesWindow *self,
          const char           *path)
{
  g_autoptr(GError) error = NULL;
  gboolean removing = path == NULL || *path == '\0';

  /* A file that will not do is refused here: the logo there was stays. */
  if (!removing && !check_logo (path, &error))
    {
      show_logo_problem (self, error->message);
      return;
    }

  if (!crm_store_set_setting (self->store, "organization-logo", removing ? NULL : path, &error))
    {
      show_logo_problem (self, error->message);
      _crm_preferences_window_add_toast (self, error->message);
      return;
    }

  sync_logo (self);
  _crm_preferences_window_add_toast (self, removing ? _("Logo removed") : _("Logo saved"));
}

/* Signal callbacks */

static void
logo_chosen_cb (GtkNativeDialog      *chooser,
                int                   response,
                CrmPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "preferences.set-logo", "s", path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actions */

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (logo_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_logo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_logo (CRM_PREFERENCES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->details_view);
  GtkTextIter start, end;
  g_autofree char *details = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  details = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (!crm_store_set_setting (self->store, "organization-details", details, &error))
    {
      crm_problem_show (GTK_WIDGET (self->details_view), error->message);
      _crm_preferences_window_add_toast (self, error->message);
      return;
    }

  sync_details (self);
  _crm_preferences_window_add_toast (self, _("Details saved"));
}

/* Private API */

void
_crm_preferences_window_class_init_header (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, logo_problem_label);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, remove_logo_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, details_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, details_view);

  gtk_widget_class_install_action (widget_class, "preferences.choose-logo", NULL,
                                   choose_logo_action);
  gtk_widget_class_install_action (widget_class, "preferences.set-logo", "s",
                                   set_logo_action);
  gtk_widget_class_install_action (widget_class, "preferences.save-organization-details", NULL,
                                   save_details_action);
}

/* Shows what the store holds, for who works now. */
void
_crm_preferences_window_sync_header (CrmPreferencesWindow *self)
{
  sync_logo (self);
  sync_details (self);
}
