/* test-toast.c
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

#include "crm-toast.h"

#include "crm-test-utils.h"

static AdwToastOverlay *
open_overlay (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new ("Content"));
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 300);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (50);

  return ADW_TOAST_OVERLAY (overlay);
}

/* The toast titles a toast overlay has on screen, in order. */
static void
collect_titles (GtkWidget *widget,
                GString   *titles)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0' &&
      gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL)
    g_string_append_printf (titles, "%s%s", titles->len > 0 ? "|" : "",
                            gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static char *
titles_on_screen (AdwToastOverlay *overlay)
{
  GString *titles = g_string_new (NULL);

  collect_titles (GTK_WIDGET (overlay), titles);

  return g_string_free (titles, FALSE);
}

static void
mark_finalized (gpointer  data,
                GObject  *where)
{
  *(gboolean *) data = TRUE;
}

/* Quick toasts, as quick No Answer clicks on a card make: the first stays
 * until it has slid in, the ones in between are never shown, and the last
 * replaces the first. libadwaita 1.2 crashed on a toast replaced while it
 * was sliding in. */
static void
test_quick_toasts (void)
{
  AdwToastOverlay *overlay = open_overlay ();
  gboolean second_gone = FALSE;
  AdwToast *second = adw_toast_new ("Second");
  g_autofree char *titles = NULL;

  g_object_weak_ref (G_OBJECT (second), mark_finalized, &second_gone);

  crm_toast_show (overlay, adw_toast_new ("First"));
  crm_test_iterate (20);
  crm_toast_show (overlay, second);
  crm_toast_show (overlay, adw_toast_new ("Third"));
  crm_test_iterate (20);

  titles = titles_on_screen (overlay);
  g_assert_cmpstr (titles, ==, "First");
  /* Replaced before it was shown: let go of, never added. */
  g_assert_true (second_gone);

  crm_test_iterate (1000);
  g_clear_pointer (&titles, g_free);
  titles = titles_on_screen (overlay);
  g_assert_cmpstr (titles, ==, "Third");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (overlay))));
  crm_test_iterate (20);
}

/* Once the toast on screen has settled, a new one replaces it at once. */
static void
test_settled_toast_replaced (void)
{
  AdwToastOverlay *overlay = open_overlay ();
  g_autofree char *titles = NULL;

  crm_toast_show (overlay, adw_toast_new ("First"));
  crm_test_iterate (800);
  crm_toast_show (overlay, adw_toast_new ("Second"));
  crm_test_iterate (1000);

  titles = titles_on_screen (overlay);
  g_assert_cmpstr (titles, ==, "Second");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (overlay))));
  crm_test_iterate (20);
}

/* A toast still waiting when its overlay goes is let go of, and nothing
 * fires on the overlay afterwards. */
static void
test_waiting_toast_dropped (void)
{
  AdwToastOverlay *overlay = open_overlay ();
  gboolean waiting_gone = FALSE;
  AdwToast *waiting = adw_toast_new ("Waiting");

  g_object_weak_ref (G_OBJECT (waiting), mark_finalized, &waiting_gone);

  crm_toast_show (overlay, adw_toast_new ("First"));
  crm_toast_show (overlay, waiting);
  g_assert_false (waiting_gone);

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (overlay))));
  crm_test_iterate (20);
  g_assert_true (waiting_gone);
  crm_test_iterate (800);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/toast/quick-toasts", test_quick_toasts);
  g_test_add_func ("/views/toast/settled-toast-replaced", test_settled_toast_replaced);
  g_test_add_func ("/views/toast/waiting-toast-dropped", test_waiting_toast_dropped);

  return g_test_run ();
}
