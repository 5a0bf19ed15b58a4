/* crm-procedure-chooser.c
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

#define G_LOG_DOMAIN "crm-procedure-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-procedure.h"
#include "crm-procedure-chooser.h"

/* The first-run page: one row per shipped procedure template. Five rows,
 * known at build time, so a plain boxed list box is the right widget. */
struct _CrmProcedureChooser
{
  AdwBin      parent_instance;

  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (CrmProcedureChooser, crm_procedure_chooser, ADW_TYPE_BIN)

enum {
  PROCEDURE_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
row_activated_cb (CrmProcedureChooser *self,
                  GtkListBoxRow       *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "procedure-id");

  g_signal_emit (self, signals [PROCEDURE_CHOSEN], 0, id);
}

static void
crm_procedure_chooser_add_rows (CrmProcedureChooser *self)
{
  const char * const *ids = crm_procedure_get_builtin_ids ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CrmProcedure) procedure = NULL;
      g_autoptr(GError) error = NULL;
      GtkWidget *row;

      procedure = crm_procedure_load_builtin (ids[i], &error);
      if (procedure == NULL)
        {
          g_critical ("Shipped procedure “%s” does not load: %s", ids[i], error->message);
          continue;
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     crm_text_get (crm_procedure_get_name (procedure)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   crm_text_get (crm_procedure_get_description (procedure)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "procedure-id", g_strdup (ids[i]), g_free);
      gtk_list_box_append (self->list_box, row);
    }
}

static void
crm_procedure_chooser_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_PROCEDURE_CHOOSER);

  G_OBJECT_CLASS (crm_procedure_chooser_parent_class)->dispose (object);
}

static void
crm_procedure_chooser_class_init (CrmProcedureChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_procedure_chooser_dispose;

  /**
   * CrmProcedureChooser::procedure-chosen:
   * @self: a #CrmProcedureChooser
   * @id: the procedure's ID
   *
   * Emitted when the user picks a procedure.
   */
  signals [PROCEDURE_CHOSEN] =
    g_signal_new ("procedure-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-procedure-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmProcedureChooser, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
crm_procedure_chooser_init (CrmProcedureChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  crm_procedure_chooser_add_rows (self);
}

/**
 * crm_procedure_chooser_get_list_box:
 * @self: a #CrmProcedureChooser
 *
 * Returns: (transfer none): the list of procedures
 */
GtkListBox *
crm_procedure_chooser_get_list_box (CrmProcedureChooser *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE_CHOOSER (self), NULL);

  return self->list_box;
}
