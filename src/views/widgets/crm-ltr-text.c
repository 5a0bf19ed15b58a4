/* crm-ltr-text.c
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

#define G_LOG_DOMAIN "crm-ltr-text"

#include "config.h"

#include "crm-ltr-text.h"

static void
direction_changed_cb (GtkWidget        *editable,
                      GtkTextDirection  previous,
                      gpointer          user_data)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (editable));
  gboolean rtl = gtk_widget_get_direction (editable) == GTK_TEXT_DIR_RTL;

  gtk_widget_set_direction (GTK_WIDGET (text), GTK_TEXT_DIR_LTR);
  gtk_editable_set_alignment (text, rtl ? 1.0 : 0.0);
}

/**
 * crm_ltr_text_attach:
 * @editable: an entry or entry row
 *
 * Phones, numbers, amounts, addresses and dates read left to right in
 * Hebrew too: in a right-to-left entry "8 (495) 12" would show as
 * "12 (495) 8". The text of @editable is laid out left to right from now
 * on, and still sits on the reading side of the interface, also after the
 * interface's direction changes.
 */
void
crm_ltr_text_attach (GtkWidget *editable)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (gtk_editable_get_delegate (GTK_EDITABLE (editable)) != NULL);

  g_signal_connect (editable, "direction-changed", G_CALLBACK (direction_changed_cb), NULL);
  direction_changed_cb (editable, GTK_TEXT_DIR_NONE, NULL);
}
