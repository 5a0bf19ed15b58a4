/* crm-quote-editor-output.c
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
#include <glib/gstdio.h>
#include <libportal-gtk4/portal-gtk4.h>
#include <libportal/portal.h>

#include "crm-quote-editor-private.h"

#include "crm-pdf.h"
#include "crm-quote-document.h"

/* What leaves the editor: the quote's PDF printed, saved, handed to the
 * mail client, or marked as sent. Each starts by rendering the PDF in a
 * worker thread on a copy of the quote, as the preview does; a sent quote
 * gives the bytes that went out instead, never a new rendering. */

/* Rendering */

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = crm_quote_document_render (task_data, &error);

  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify)g_bytes_unref);
}

/**
 * crm_quote_editor_render_async:
 * @self: a #CrmQuoteEditor
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the bytes
 * @user_data: for @callback
 *
 * The PDF of the quote as it is now, rendered in a worker thread; for a
 * sent quote the stored bytes.
 */
void
crm_quote_editor_render_async (CrmQuoteEditor      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_QUOTE_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_quote_editor_render_async);

  if (self->read_only && self->stored_pdf != NULL)
    {
      g_task_return_pointer (task, g_bytes_ref (self->stored_pdf), (GDestroyNotify)g_bytes_unref);
      return;
    }

  g_task_set_task_data (task, crm_quote_copy (self->quote), g_object_unref);
  g_task_run_in_thread (task, render_thread);
}

GBytes *
crm_quote_editor_render_finish (CrmQuoteEditor  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
dup_file_name (CrmQuoteEditor *self)
{
  g_autofree char *number = crm_quote_dup_display_number (self->quote);

  g_strdelimit (number, "/\\:", '-');

  return g_strconcat (number, ".pdf", NULL);
}

/* Save as PDF */

static void
save_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = crm_quote_editor_render_finish (CRM_QUOTE_EDITOR (object), result, &error);
  GFile *file = g_task_get_task_data (task);

  if (pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_file_replace_contents_bytes_async (file, pdf, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task), save_written_cb,
                                       g_object_ref (task));
}

/**
 * crm_quote_editor_save_pdf_async:
 * @self: a #CrmQuoteEditor
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is written
 * @user_data: for @callback
 *
 * Writes the quote's PDF to @file, replacing it as a whole.
 */
void
crm_quote_editor_save_pdf_async (CrmQuoteEditor      *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_QUOTE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_quote_editor_save_pdf_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  crm_quote_editor_render_async (self, cancellable, save_rendered_cb, g_steal_pointer (&task));
}

gboolean
crm_quote_editor_save_pdf_finish (CrmQuoteEditor  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);
  g_autoptr(GError) error = NULL;

  if (crm_quote_editor_save_pdf_finish (self, result, &error))
    _crm_quote_editor_toast (self, _("PDF saved"));
  else
    _crm_quote_editor_toast (self, error->message);
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          CrmQuoteEditor  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    crm_quote_editor_save_pdf_async (self, file, NULL, saved_cb, NULL);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  g_autofree char *name = dup_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  /* GTK 4.8 has no GtkFileDialog; the native chooser goes through the
   * portal inside Flatpak. */
  chooser = gtk_file_chooser_native_new (_("Save Quote as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Print */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *document)
{
  g_autoptr(GError) error = NULL;

  if (!crm_pdf_print_page (document, (guint)page_nr, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context), &error))
    g_warning ("Page %d of the quote was not printed: %s", page_nr + 1, error->message);
}

/**
 * crm_quote_editor_print_pdf:
 * @self: a #CrmQuoteEditor
 * @pdf: the quote's PDF
 * @export_filename: (nullable): a PDF file to print to without asking,
 *   or %NULL for the print dialog
 * @error: return location for a #GError
 *
 * Prints @pdf through GtkPrintOperation, its pages drawn by poppler's
 * printing path at their size on A4.
 *
 * Returns: how the operation ended; %GTK_PRINT_OPERATION_RESULT_ERROR
 *   with @error set
 */
GtkPrintOperationResult
crm_quote_editor_print_pdf (CrmQuoteEditor  *self,
                            GBytes          *pdf,
                            const char      *export_filename,
                            GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(CrmPdfDocument) document = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRM_IS_QUOTE_EDITOR (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (pdf != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  document = crm_pdf_open (pdf, error);
  if (document == NULL)
    return GTK_PRINT_OPERATION_RESULT_ERROR;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The PDF has its own margins: draw it on the whole sheet. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int)crm_pdf_get_n_pages (document));
  name = crm_quote_dup_display_number (self->quote);
  gtk_print_operation_set_job_name (operation, name);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);

  if (export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_filename);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                      GTK_WINDOW (self), error);
    }

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  GTK_WINDOW (self), error);
}

static void
print_rendered_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = crm_quote_editor_render_finish (self, result, &error);

  if (pdf == NULL ||
      crm_quote_editor_print_pdf (self, pdf, NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _crm_quote_editor_toast (self, error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  crm_quote_editor_render_async (CRM_QUOTE_EDITOR (widget), NULL, print_rendered_cb, NULL);
}

/* Sending: the store keeps the bytes that went out */

typedef struct
{
  GBytes *pdf;
  char   *how;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_pointer (&data->pdf, g_bytes_unref);
  g_free (data->how);
  g_free (data);
}

/* Records @pdf as sent @how, and shows the quote as the store now holds
 * it. CRM_QUOTE_ERROR_NEEDS_APPROVAL when the term waits for the sales
 * manager (TW-6). */
static gboolean
record_sent (CrmQuoteEditor  *self,
             GBytes          *pdf,
             const char      *how,
             GError         **error)
{
  g_autoptr(CrmQuote) stored = NULL;

  if (!crm_quote_editor_save_now (self, error))
    return FALSE;

  if (!crm_store_send_quote (self->store, self->quote, pdf, how, error))
    return FALSE;

  stored = crm_store_load_quote (self->store, crm_quote_get_id (self->quote), error);
  if (stored == NULL)
    return FALSE;

  _crm_quote_editor_show_sent (self, stored);

  return TRUE;
}

static void
mark_sent_rendered_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = crm_quote_editor_render_finish (self, result, &error);
  const char *how = g_task_get_task_data (task);

  if (pdf == NULL || !record_sent (self, pdf, how, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * crm_quote_editor_mark_sent_async:
 * @self: a #CrmQuoteEditor
 * @how: how it went out: "email", "other"
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store holds it as sent
 * @user_data: for @callback
 *
 * Renders the quote and records it as sent, with the PDF that went out.
 */
void
crm_quote_editor_mark_sent_async (CrmQuoteEditor      *self,
                                  const char          *how,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_QUOTE_EDITOR (self));
  g_return_if_fail (how != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_quote_editor_mark_sent_async);
  g_task_set_task_data (task, g_strdup (how), g_free);

  /* TW-6: no need to render what the store will refuse. */
  if (crm_quote_get_approval (self->quote) == CRM_QUOTE_APPROVAL_PENDING)
    {
      g_task_return_new_error (task, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL,
                               "%s", _("This payment term needs the sales manager’s approval; the quote cannot be sent until then"));
      return;
    }

  crm_quote_editor_render_async (self, cancellable, mark_sent_rendered_cb, g_steal_pointer (&task));
}

gboolean
crm_quote_editor_mark_sent_finish (CrmQuoteEditor  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
marked_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);
  g_autoptr(GError) error = NULL;

  if (crm_quote_editor_mark_sent_finish (self, result, &error))
    _crm_quote_editor_toast (self, _("The quote is marked as sent"));
  else
    _crm_quote_editor_toast (self, error->message);
}

static void
mark_sent_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CrmQuoteEditor   *self)
{
  if (g_strcmp0 (response, "mark") == 0)
    crm_quote_editor_mark_sent_async (self, "other", NULL, marked_sent_cb, NULL);
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  GtkWidget *dialog;

  if (crm_quote_get_approval (self->quote) == CRM_QUOTE_APPROVAL_PENDING)
    {
      _crm_quote_editor_toast (self, _("This payment term needs the sales manager’s approval; the quote cannot be sent until then"));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Mark the Quote as Sent?"),
                                   _("Use this for a quote that went out another way. It is kept as it is now, with its PDF, and can no longer change."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mark", _("_Mark as Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (mark_sent_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Send…: the Email portal hands the PDF to the user's mail client, in a
 * Flatpak and outside it alike; sending over SMTP comes later. */

static void
show_no_mail_client (CrmQuoteEditor *self,
                     const GError   *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  /* Translators: %s is the reason the mail client could not be reached */
  body = g_strdup_printf (_("No mail client could take the quote (%s). Save it as PDF, send it yourself, then use Mark as Sent."),
                          error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Quote Was Not Sent"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
compose_email_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CrmQuoteEditor *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!xdp_portal_compose_email_finish (XDP_PORTAL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_no_mail_client (self, error);
      return;
    }

  if (!record_sent (self, data->pdf, "email", &error))
    _crm_quote_editor_toast (self, error->message);
  else
    _crm_quote_editor_toast (self, _("The quote was handed to your mail client and is marked as sent"));
}

/* The mail client reads the attachment from a file: the user's cache,
 * which the portal may read from inside a sandbox. */
static char *
write_attachment (CrmQuoteEditor  *self,
                  GBytes          *pdf,
                  GError         **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "deals", "quotes", NULL);
  g_autofree char *name = dup_file_name (self);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder %s cannot be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize)g_bytes_get_size (pdf), error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
send_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = crm_quote_editor_render_finish (self, result, &error);
  g_autoptr(XdpPortal) portal = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subject = NULL;
  XdpParent *parent;
  SendData *data;

  if (pdf == NULL || (path = write_attachment (self, pdf, &error)) == NULL)
    {
      _crm_quote_editor_toast (self, error->message);
      return;
    }

  number = crm_quote_dup_display_number (self->quote);
  /* Translators: the subject of the mail a quote goes out with; %s is its number */
  subject = g_strdup_printf (_("Quote %s"), number);

  data = g_new0 (SendData, 1);
  data->pdf = g_bytes_ref (pdf);
  data->how = g_strdup ("email");
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify)send_data_free);

  portal = xdp_portal_new ();
  parent = xdp_parent_new_gtk (GTK_WINDOW (self));
  xdp_portal_compose_email (portal, parent, NULL, NULL, NULL, subject, NULL,
                            (const char * const []) { path, NULL },
                            XDP_EMAIL_FLAG_NONE, NULL, compose_email_cb, g_steal_pointer (&task));
  xdp_parent_free (parent);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);

  if (crm_quote_get_approval (self->quote) == CRM_QUOTE_APPROVAL_PENDING)
    {
      _crm_quote_editor_toast (self, _("This payment term needs the sales manager’s approval; the quote cannot be sent until then"));
      return;
    }

  crm_quote_editor_render_async (self, NULL, send_rendered_cb, NULL);
}

/* A new revision of a sent quote, in an editor of its own. */
static void
new_revision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmQuoteEditor *self = CRM_QUOTE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) revision = crm_store_revise_quote (self->store, crm_quote_get_id (self->quote), &error);
  GtkWidget *editor;

  if (revision == NULL)
    {
      _crm_quote_editor_toast (self, error->message);
      return;
    }

  editor = crm_quote_editor_new (self->store, revision);
  gtk_window_set_transient_for (GTK_WINDOW (editor), gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
_crm_quote_editor_class_add_output_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "quote.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "quote.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "quote.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "quote.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "quote.new-revision", NULL, new_revision_action);
}
