/* test-date-time-chooser.c
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

#include "crm-date-time-chooser.h"

#include "crm-test-utils.h"

/* A chooser between two rows of a boxed list, as the forms put it, in a
 * window of its own. */
static CrmDateTimeChooser *
open_chooser (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *chooser = crm_date_time_chooser_new ();
  GtkWidget *before = adw_action_row_new ();
  GtkWidget *after = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (before), "Before");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (after), "After");
  crm_date_time_chooser_set_date_title (CRM_DATE_TIME_CHOOSER (chooser), "Date");
  crm_date_time_chooser_set_time_title (CRM_DATE_TIME_CHOOSER (chooser), "Time");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), before);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chooser);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), after);
  gtk_widget_set_margin_top (group, 12);
  gtk_widget_set_margin_bottom (group, 12);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_window_set_child (GTK_WINDOW (window), group);
  gtk_window_set_default_size (GTK_WINDOW (window), 460, -1);
  gtk_window_present (GTK_WINDOW (window));
  crm_test_iterate (50);

  return CRM_DATE_TIME_CHOOSER (chooser);
}

static void
close_chooser (CrmDateTimeChooser *chooser)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (chooser))));
  crm_test_iterate (20);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
assert_shows (CrmDateTimeChooser *chooser,
              const char         *day,
              const char         *hour,
              const char         *minute)
{
  GtkMenuButton *button = crm_date_time_chooser_get_date_button (chooser);

  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_date_time_chooser_get_hour_spin (chooser))), ==, hour);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crm_date_time_chooser_get_minute_spin (chooser))), ==, minute);
}

static void
assert_date_time (CrmDateTimeChooser *chooser,
                  int                 year,
                  int                 month,
                  int                 day,
                  int                 hour,
                  int                 minute)
{
  g_autoptr(GDateTime) expected = g_date_time_new_local (year, month, day, hour, minute, 0);
  g_autoptr(GDateTime) property = NULL;
  GDateTime *picked = crm_date_time_chooser_get_date_time (chooser);

  g_assert_nonnull (picked);
  g_assert_true (g_date_time_equal (picked, expected));

  g_object_get (chooser, "date-time", &property, NULL);
  g_assert_true (g_date_time_equal (property, expected));
}

/* What is set is shown, as a clock shows it, and notified once. */
static void
test_set_shows (void)
{
  CrmDateTimeChooser *chooser = open_chooser ();
  g_autoptr(GDateTime) wednesday = g_date_time_new_local (2026, 3, 4, 9, 5, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (wednesday);
  guint count = 0;

  g_signal_connect (chooser, "notify::date-time", G_CALLBACK (count_cb), &count);

  crm_date_time_chooser_set_date_time (chooser, wednesday);
  g_assert_cmpuint (count, ==, 1);
  assert_date_time (chooser, 2026, 3, 4, 9, 5);
  assert_shows (chooser, "Wed 4 Mar 2026", "09", "05");

  /* The same moment, in any time zone, changes nothing. */
  g_object_set (chooser, "date-time", utc, NULL);
  g_assert_cmpuint (count, ==, 1);
  assert_date_time (chooser, 2026, 3, 4, 9, 5);

  crm_test_iterate (50);
  crm_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (chooser))), "date-time-chooser.png");
  close_chooser (chooser);
}

/* What the rep changes is the new value, notified. */
static void
test_rep_changes (void)
{
  CrmDateTimeChooser *chooser = open_chooser ();
  g_autoptr(GDateTime) wednesday = g_date_time_new_local (2026, 3, 4, 9, 5, 0);
  g_autoptr(GDateTime) friday = g_date_time_new_local (2026, 3, 6, 0, 0, 0);
  guint count = 0;

  crm_date_time_chooser_set_date_time (chooser, wednesday);
  g_signal_connect (chooser, "notify::date-time", G_CALLBACK (count_cb), &count);

  gtk_spin_button_set_value (crm_date_time_chooser_get_hour_spin (chooser), 14);
  g_assert_cmpuint (count, ==, 1);
  assert_date_time (chooser, 2026, 3, 4, 14, 5);

  gtk_spin_button_set_value (crm_date_time_chooser_get_minute_spin (chooser), 30);
  g_assert_cmpuint (count, ==, 2);
  assert_date_time (chooser, 2026, 3, 4, 14, 30);

  gtk_calendar_select_day (crm_date_time_chooser_get_calendar (chooser), friday);
  g_assert_cmpuint (count, ==, 3);
  assert_date_time (chooser, 2026, 3, 6, 14, 30);
  assert_shows (chooser, "Fri 6 Mar 2026", "14", "30");

  /* The day already picked changes nothing. */
  gtk_calendar_select_day (crm_date_time_chooser_get_calendar (chooser), friday);
  g_assert_cmpuint (count, ==, 3);

  close_chooser (chooser);
}

/* Without the time the value is the day at midnight. */
static void
test_day_only (void)
{
  CrmDateTimeChooser *chooser = open_chooser ();
  g_autoptr(GDateTime) wednesday = g_date_time_new_local (2026, 3, 4, 9, 5, 0);
  guint count = 0;

  crm_date_time_chooser_set_date_time (chooser, wednesday);
  g_signal_connect (chooser, "notify::date-time", G_CALLBACK (count_cb), &count);

  g_object_set (chooser, "show-time", FALSE, NULL);
  g_assert_false (crm_date_time_chooser_get_show_time (chooser));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (crm_date_time_chooser_get_time_row (chooser))));
  g_assert_cmpuint (count, ==, 1);
  assert_date_time (chooser, 2026, 3, 4, 0, 0);
  g_assert_cmpstr (gtk_menu_button_get_label (crm_date_time_chooser_get_date_button (chooser)),
                   ==, "Wed 4 Mar 2026");

  crm_test_iterate (50);
  crm_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (chooser))), "date-time-chooser-day.png");

  crm_date_time_chooser_set_show_time (chooser, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (crm_date_time_chooser_get_time_row (chooser))));
  g_assert_cmpuint (count, ==, 2);
  assert_date_time (chooser, 2026, 3, 4, 9, 5);

  close_chooser (chooser);
}

/* The rows carry the form's titles and their mnemonics. */
static void
test_titles (void)
{
  CrmDateTimeChooser *chooser = open_chooser ();
  AdwPreferencesRow *date_row = ADW_PREFERENCES_ROW (crm_date_time_chooser_get_date_row (chooser));
  AdwPreferencesRow *time_row = ADW_PREFERENCES_ROW (crm_date_time_chooser_get_time_row (chooser));

  g_object_set (chooser,
                "date-title", "_Date",
                "time-title", "T_ime",
                "use-underline", TRUE,
                NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (date_row), ==, "_Date");
  g_assert_cmpstr (adw_preferences_row_get_title (time_row), ==, "T_ime");
  g_assert_cmpstr (crm_date_time_chooser_get_date_title (chooser), ==, "_Date");
  g_assert_cmpstr (crm_date_time_chooser_get_time_title (chooser), ==, "T_ime");
  g_assert_true (adw_preferences_row_get_use_underline (date_row));
  g_assert_true (adw_preferences_row_get_use_underline (time_row));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (date_row)) ==
                 GTK_WIDGET (crm_date_time_chooser_get_date_button (chooser)));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (time_row)) ==
                 GTK_WIDGET (crm_date_time_chooser_get_hour_spin (chooser)));

  close_chooser (chooser);
}

static void
press_arrow (CrmDateTimeChooser *chooser,
             int                 count)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (chooser)));
  GtkWidget *list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);

  /* What the Up and Down keys do in a list. */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, count, FALSE, FALSE);
}

static GtkWidget *
focused_row (CrmDateTimeChooser *chooser)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (chooser)));

  return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
}

/* The arrows move through the day and the time as through the rows around
 * them. */
static void
test_arrows (void)
{
  CrmDateTimeChooser *chooser = open_chooser ();
  GtkWidget *date_row = GTK_WIDGET (crm_date_time_chooser_get_date_row (chooser));
  GtkWidget *time_row = GTK_WIDGET (crm_date_time_chooser_get_time_row (chooser));
  GtkWidget *before = gtk_widget_get_prev_sibling (GTK_WIDGET (chooser));
  GtkWidget *after = gtk_widget_get_next_sibling (GTK_WIDGET (chooser));

  g_assert_true (gtk_widget_grab_focus (before));
  press_arrow (chooser, 1);
  g_assert_true (focused_row (chooser) == date_row);
  press_arrow (chooser, 1);
  g_assert_true (focused_row (chooser) == time_row);
  press_arrow (chooser, 1);
  g_assert_true (focused_row (chooser) == after);
  press_arrow (chooser, -1);
  g_assert_true (focused_row (chooser) == time_row);
  press_arrow (chooser, -1);
  g_assert_true (focused_row (chooser) == date_row);
  press_arrow (chooser, -1);
  g_assert_true (focused_row (chooser) == before);

  close_chooser (chooser);
}

int
main (int   argc,
      char *argv[])
{
  crm_test_init (&argc, &argv);

  g_test_add_func ("/views/date-time-chooser/set-shows", test_set_shows);
  g_test_add_func ("/views/date-time-chooser/rep-changes", test_rep_changes);
  g_test_add_func ("/views/date-time-chooser/day-only", test_day_only);
  g_test_add_func ("/views/date-time-chooser/titles", test_titles);
  g_test_add_func ("/views/date-time-chooser/arrows", test_arrows);

  return g_test_run ();
}
