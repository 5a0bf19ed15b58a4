/* crm-date-time-chooser.c
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

#define G_LOG_DOMAIN "crm-date-time-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-date-time-chooser.h"

/* A day and a time of day in the local time zone, as every form of the app
 * asks for one: a button that shows the day and opens a calendar, and the
 * hour and the minute below it. The two are rows of the boxed list the
 * chooser is put in, so that each keeps its title, its mnemonic and its
 * problem mark (crm_problem_show()) as the forms' own rows have them; the
 * chooser is itself a row of that list that only holds them, the way
 * AdwExpanderRow holds its rows. Forms that ask for a day alone hide the
 * time with #CrmDateTimeChooser:show-time. */

struct _CrmDateTimeChooser
{
  AdwPreferencesRow  parent_instance;

  /* Owned references */
  GDateTime         *date_time;

  /* Template widgets */
  AdwActionRow      *date_row;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  AdwActionRow      *time_row;
  GtkWidget         *time_box;
  GtkSpinButton     *hour_spin;
  GtkSpinButton     *minute_spin;

  guint              show_time : 1;
  /* crm_date_time_chooser_set_date_time() changes the day, the hour and
   * the minute one by one; the chooser notifies once, for the whole. */
  guint              setting : 1;
};

G_DEFINE_FINAL_TYPE (CrmDateTimeChooser, crm_date_time_chooser, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_SHOW_TIME,
  PROP_DATE_TITLE,
  PROP_TIME_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

/* What the widgets show: the picked day at the picked time, or at
 * midnight where only a day is asked for. */
static GDateTime *
read_date_time (CrmDateTimeChooser *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  int hour = 0;
  int minute = 0;

  if (self->show_time)
    {
      hour = gtk_spin_button_get_value_as_int (self->hour_spin);
      minute = gtk_spin_button_get_value_as_int (self->minute_spin);
    }

  return g_date_time_new_local (g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                hour, minute, 0);
}

static void
update (CrmDateTimeChooser *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *label = NULL;

  if (self->setting)
    return;

  date_time = read_date_time (self);
  /* Translators: a picked day, see g_date_time_format() */
  label = g_date_time_format (date_time, _("%a %-d %b %Y"));
  gtk_menu_button_set_label (self->date_button, label);

  if (self->date_time != NULL && g_date_time_equal (self->date_time, date_time))
    return;

  g_clear_pointer (&self->date_time, g_date_time_unref);
  self->date_time = g_steal_pointer (&date_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_TIME]);
}

/* Signal callbacks */

static void
changed_cb (CrmDateTimeChooser *self)
{
  update (self);
}

static void
calendar_clicked_cb (GtkGestureClick    *gesture,
                     int                 n_press,
                     double              x,
                     double              y,
                     CrmDateTimeChooser *self)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);

  /* A click on a day chooses it and closes the calendar; the arrows only
   * browse. This runs after the calendar's own click handler. */
  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_menu_button_popdown (self->date_button);
}

static gboolean
time_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* "09", as clocks show it. */
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Up from the day or down from the time moves on to the row above or
 * below the chooser, as the arrows move between the form's own rows. */
static gboolean
keynav_failed_cb (CrmDateTimeChooser *self,
                  GtkDirectionType    direction)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));

  if ((direction != GTK_DIR_UP && direction != GTK_DIR_DOWN) || !GTK_IS_LIST_BOX (list))
    return FALSE;

  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES,
                         direction == GTK_DIR_UP ? -1 : 1, FALSE, FALSE);

  return TRUE;
}

/* GtkWidget overrides */

static gboolean
crm_date_time_chooser_grab_focus (GtkWidget *widget)
{
  CrmDateTimeChooser *self = CRM_DATE_TIME_CHOOSER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Not focusable itself, the chooser passes the focus on when it comes
   * from outside: the list around moves it here as to one of its rows.
   * Coming up from a row below, it lands on the time, else on the day. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    return FALSE;

  if (self->show_time && focus != NULL)
    {
      for (GtkWidget *below = gtk_widget_get_next_sibling (widget);
           below != NULL;
           below = gtk_widget_get_next_sibling (below))
        {
          if (focus == below || gtk_widget_is_ancestor (focus, below))
            return gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
        }
    }

  return gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
}

/* GObject overrides */

static void
crm_date_time_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_DATE_TIME_CHOOSER);

  G_OBJECT_CLASS (crm_date_time_chooser_parent_class)->dispose (object);
}

static void
crm_date_time_chooser_finalize (GObject *object)
{
  CrmDateTimeChooser *self = (CrmDateTimeChooser *)object;

  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (crm_date_time_chooser_parent_class)->finalize (object);
}

static void
crm_date_time_chooser_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CrmDateTimeChooser *self = CRM_DATE_TIME_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;

    case PROP_SHOW_TIME:
      g_value_set_boolean (value, self->show_time);
      break;

    case PROP_DATE_TITLE:
      g_value_set_string (value, crm_date_time_chooser_get_date_title (self));
      break;

    case PROP_TIME_TITLE:
      g_value_set_string (value, crm_date_time_chooser_get_time_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_time_chooser_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CrmDateTimeChooser *self = CRM_DATE_TIME_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      crm_date_time_chooser_set_date_time (self, g_value_get_boxed (value));
      break;

    case PROP_SHOW_TIME:
      crm_date_time_chooser_set_show_time (self, g_value_get_boolean (value));
      break;

    case PROP_DATE_TITLE:
      crm_date_time_chooser_set_date_title (self, g_value_get_string (value));
      break;

    case PROP_TIME_TITLE:
      crm_date_time_chooser_set_time_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_date_time_chooser_class_init (CrmDateTimeChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_date_time_chooser_dispose;
  object_class->finalize = crm_date_time_chooser_finalize;
  object_class->get_property = crm_date_time_chooser_get_property;
  object_class->set_property = crm_date_time_chooser_set_property;

  widget_class->grab_focus = crm_date_time_chooser_grab_focus;

  /**
   * CrmDateTimeChooser:date-time:
   *
   * The picked day and time, in the local time zone; at midnight while
   * #CrmDateTimeChooser:show-time is %FALSE. Notified when the rep picks
   * another day, browses the calendar to another month (the day moves
   * along) or changes the hour or the minute.
   */
  properties [PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDateTimeChooser:show-time:
   *
   * Whether the time row is shown; without it only a day is picked.
   */
  properties [PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDateTimeChooser:date-title:
   *
   * The title of the day's row; with #AdwPreferencesRow:use-underline, an
   * underscore marks its mnemonic.
   */
  properties [PROP_DATE_TITLE] =
    g_param_spec_string ("date-title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDateTimeChooser:time-title:
   *
   * The title of the time's row; with #AdwPreferencesRow:use-underline,
   * an underscore marks its mnemonic.
   */
  properties [PROP_TIME_TITLE] =
    g_param_spec_string ("time-title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dealsdesk/Deals/crm-date-time-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, date_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, calendar);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, time_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmDateTimeChooser, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, keynav_failed_cb);
}

static void
crm_date_time_chooser_init (CrmDateTimeChooser *self)
{
  self->show_time = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The titles' mnemonics are the forms' choice, as for any row. */
  g_object_bind_property (self, "use-underline", self->date_row, "use-underline", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "use-underline", self->time_row, "use-underline", G_BINDING_SYNC_CREATE);

  /* Times read left to right in Hebrew too. */
  gtk_widget_set_direction (self->time_box, GTK_TEXT_DIR_LTR);

  /* The button is never blank: until a form picks a day, today's. */
  update (self);
}

/* Public API */

/**
 * crm_date_time_chooser_new:
 *
 * Returns: (transfer floating): a new chooser showing today at midnight
 */
GtkWidget *
crm_date_time_chooser_new (void)
{
  return g_object_new (CRM_TYPE_DATE_TIME_CHOOSER, NULL);
}

/**
 * crm_date_time_chooser_get_date_time:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the picked day and time, in the local time
 *   zone; at midnight while #CrmDateTimeChooser:show-time is %FALSE
 */
GDateTime *
crm_date_time_chooser_get_date_time (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->date_time;
}

/**
 * crm_date_time_chooser_set_date_time:
 * @self: a #CrmDateTimeChooser
 * @date_time: the day and time to show
 *
 * Picks @date_time's day in the calendar and its local time, as the rep
 * would. Notifies #CrmDateTimeChooser:date-time once, and only when the
 * picked value changed.
 */
void
crm_date_time_chooser_set_date_time (CrmDateTimeChooser *self,
                                     GDateTime          *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (CRM_IS_DATE_TIME_CHOOSER (self));
  g_return_if_fail (date_time != NULL);

  local = g_date_time_to_local (date_time);

  self->setting = TRUE;
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  gtk_calendar_select_day (self->calendar, local);
  self->setting = FALSE;

  update (self);
}

gboolean
crm_date_time_chooser_get_show_time (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), FALSE);

  return self->show_time;
}

/**
 * crm_date_time_chooser_set_show_time:
 * @self: a #CrmDateTimeChooser
 * @show_time: whether a time of day is picked too
 *
 * Shows or hides the time row. Without it the picked value is the day at
 * midnight.
 */
void
crm_date_time_chooser_set_show_time (CrmDateTimeChooser *self,
                                     gboolean            show_time)
{
  g_return_if_fail (CRM_IS_DATE_TIME_CHOOSER (self));

  show_time = !!show_time;
  if (self->show_time == show_time)
    return;

  self->show_time = show_time;
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), show_time);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_TIME]);

  update (self);
}

const char *
crm_date_time_chooser_get_date_title (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->date_row));
}

void
crm_date_time_chooser_set_date_title (CrmDateTimeChooser *self,
                                      const char         *title)
{
  g_return_if_fail (CRM_IS_DATE_TIME_CHOOSER (self));

  if (g_strcmp0 (crm_date_time_chooser_get_date_title (self), title) == 0)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE_TITLE]);
}

const char *
crm_date_time_chooser_get_time_title (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->time_row));
}

void
crm_date_time_chooser_set_time_title (CrmDateTimeChooser *self,
                                      const char         *title)
{
  g_return_if_fail (CRM_IS_DATE_TIME_CHOOSER (self));

  if (g_strcmp0 (crm_date_time_chooser_get_time_title (self), title) == 0)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row), title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_TITLE]);
}

/**
 * crm_date_time_chooser_get_date_row:
 * @self: a #CrmDateTimeChooser
 *
 * The day's row, for what a form shows there: a subtitle, a problem.
 *
 * Returns: (transfer none): the row of the day
 */
AdwActionRow *
crm_date_time_chooser_get_date_row (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->date_row;
}

/**
 * crm_date_time_chooser_get_time_row:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the row of the time, hidden while
 *   #CrmDateTimeChooser:show-time is %FALSE
 */
AdwActionRow *
crm_date_time_chooser_get_time_row (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->time_row;
}

/**
 * crm_date_time_chooser_get_date_button:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the button that shows the day and opens the
 *   calendar
 */
GtkMenuButton *
crm_date_time_chooser_get_date_button (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->date_button;
}

/**
 * crm_date_time_chooser_get_calendar:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the calendar the day is picked in
 */
GtkCalendar *
crm_date_time_chooser_get_calendar (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->calendar;
}

/**
 * crm_date_time_chooser_get_hour_spin:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the hour, 0 to 23
 */
GtkSpinButton *
crm_date_time_chooser_get_hour_spin (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->hour_spin;
}

/**
 * crm_date_time_chooser_get_minute_spin:
 * @self: a #CrmDateTimeChooser
 *
 * Returns: (transfer none): the minute, 0 to 59
 */
GtkSpinButton *
crm_date_time_chooser_get_minute_spin (CrmDateTimeChooser *self)
{
  g_return_val_if_fail (CRM_IS_DATE_TIME_CHOOSER (self), NULL);

  return self->minute_spin;
}
