/* crm-problem.c
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

#define G_LOG_DOMAIN "crm-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-problem.h"

/* How every form of the app marks a field that cannot be saved as typed:
 * the "error" style, the message as tooltip, and for assistive
 * technologies the invalid state with the message as description, so a
 * screen reader says why and not only that. */

/**
 * crm_problem_show:
 * @row: the field's row or entry
 * @message: (nullable): what is wrong, or %NULL when nothing is
 *
 * Marks @row with @message, or clears the mark.
 */
void
crm_problem_show (GtkWidget  *row,
                  const char *message)
{
  GtkAccessible *accessible;

  g_return_if_fail (GTK_IS_WIDGET (row));

  accessible = GTK_ACCESSIBLE (row);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_state (accessible,
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (accessible, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
