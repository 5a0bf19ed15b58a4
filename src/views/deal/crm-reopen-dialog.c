/* crm-reopen-dialog.c
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

#define G_LOG_DOMAIN "crm-reopen-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-reopen-dialog.h"
#include "crm-strings.h"

/* Asks why a won or lost deal is reopened. Reopening is deliberate: the
 * "reopen" response stays off until there is a reason, and whoever opened
 * the dialog hands that reason to crm_store_reopen_deal(), which decides
 * and logs it. */

struct _CrmReopenDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (CrmReopenDialog, crm_reopen_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Signal callbacks */

static void
reason_changed_cb (CrmReopenDialog *self)
{
  g_autofree char *reason = crm_reopen_dialog_dup_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "reopen", reason != NULL);
}

/* GObject overrides */

static void
crm_reopen_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_REOPEN_DIALOG);

  G_OBJECT_CLASS (crm_reopen_dialog_parent_class)->dispose (object);
}

static void
crm_reopen_dialog_class_init (CrmReopenDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_reopen_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-reopen-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmReopenDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
crm_reopen_dialog_init (CrmReopenDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * crm_reopen_dialog_new:
 * @deal_title: the deal's title, for the heading
 *
 * Returns: (transfer floating): a dialog asking why the deal is reopened
 */
GtkWidget *
crm_reopen_dialog_new (const char *deal_title)
{
  CrmReopenDialog *self = g_object_new (CRM_TYPE_REOPEN_DIALOG, NULL);
  /* Translators: the heading of the dialog; the deal's title */
  g_autofree char *heading = g_strdup_printf (_("Reopen “%s”?"), deal_title != NULL ? deal_title : "");

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  return GTK_WIDGET (self);
}

/**
 * crm_reopen_dialog_dup_reason:
 * @self: a #CrmReopenDialog
 *
 * Returns: (transfer full) (nullable): the reason typed, trimmed, or
 *   %NULL while there is none
 */
char *
crm_reopen_dialog_dup_reason (CrmReopenDialog *self)
{
  const char *text;

  g_return_val_if_fail (CRM_IS_REOPEN_DIALOG (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  if (crm_str_is_blank (text))
    return NULL;

  return g_strstrip (g_strdup (text));
}

/**
 * crm_reopen_dialog_set_reason:
 * @self: a #CrmReopenDialog
 * @reason: why the deal is reopened
 *
 * Types @reason into the dialog, as the rep would.
 */
void
crm_reopen_dialog_set_reason (CrmReopenDialog *self,
                              const char      *reason)
{
  g_return_if_fail (CRM_IS_REOPEN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}
