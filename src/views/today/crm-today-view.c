/* crm-today-view.c
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

#define G_LOG_DOMAIN "crm-today-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-agenda-item.h"
#include "crm-agenda-list.h"
#include "crm-store.h"
#include "crm-today-view.h"
#include "crm-user.h"

/* "Today": the current user's agenda (HS-5) in one list, overdue tasks
 * first and open deals without a task last (RAD-5, RAD-6). A row opens its
 * deal through the window's "win.open-deal" action.
 *
 * The rows come from a CrmAgendaList, which reads the agenda a page at a
 * time and follows the store's changes itself, row by row: switching to
 * the view reads nothing. A row shows, beyond its item, whether it starts
 * its section and times relative to the list's clock; both are worked out
 * when the row is bound. The minute tick moves the list's clock and binds
 * the rows on screen again, so the keyboard focus stays where it is. */

#define RELOAD_INTERVAL_SECONDS 60

struct _CrmTodayView
{
  AdwBin              parent_instance;

  CrmStore           *store;
  GSignalGroup       *store_signals;
  CrmAgendaList      *agenda;   /* NULL without a current user */
  GListStore         *empty;
  GHashTable         *bound;    /* GtkListItem: the rows on screen */
  GtkSingleSelection *selection;

  /* Like the board's columns, the list opens with its first rows and is
   * widened once they are on screen: GTK 4.8 builds ~200 rows for a
   * list, and a rep with 10,000 tasks sees a dozen. */
  GtkSliceListModel  *first_rows;
  gulong              after_paint_id;
  guint               reload_source;
  guint               n_overdue;
  guint               n_due;

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CrmTodayView, crm_today_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_OVERDUE,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
section_caption (CrmAgendaSection section)
{
  switch (section)
    {
    case CRM_AGENDA_OVERDUE:
      return _("Overdue");

    case CRM_AGENDA_TODAY:
      return _("Today");

    case CRM_AGENDA_UPCOMING:
      return _("Upcoming");

    case CRM_AGENDA_NO_TASK:
      /* Translators: the last part of the Today list (RAD-5) */
      return _("Open Deals Without a Task");

    default:
      return NULL;
    }
}

static GDateTime *
local_midnight (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  return g_date_time_new_local (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local),
                                0, 0, 0);
}

/* Calendar days from @then to @now, in local time. */
static int
days_between (GDateTime *then,
              GDateTime *now)
{
  g_autoptr(GDateTime) a = local_midnight (then);
  g_autoptr(GDateTime) b = local_midnight (now);

  /* Round: a day with a clock change is not 24 hours long. */
  return (int)((g_date_time_difference (b, a) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
}

static char *
format_overdue (GTimeSpan late)
{
  guint minutes = (guint)(late / G_TIME_SPAN_MINUTE);
  guint hours = (guint)(late / G_TIME_SPAN_HOUR);
  guint days = (guint)(late / G_TIME_SPAN_DAY);

  if (minutes < 60)
    /* Translators: how late a task is, in minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %u min", "overdue by %u min",
                                         MAX (minutes, 1)),
                            MAX (minutes, 1));

  if (hours < 48)
    /* Translators: how late a task is, in hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %u h", "overdue by %u h", hours),
                            hours);

  /* Translators: how late a task is, in days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %u day", "overdue by %u days", days),
                          days);
}

static char *
format_due (CrmAgendaItem *item,
            GDateTime     *now)
{
  GDateTime *due = crm_agenda_item_get_due_at (item);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  g_autofree char *day = NULL;
  int days;

  if (due == NULL)
    return NULL;

  if (g_date_time_compare (due, now) < 0)
    return format_overdue (g_date_time_difference (now, due));

  local = g_date_time_to_local (due);
  time = g_date_time_format (local, "%H:%M");
  days = days_between (now, due);

  if (days <= 0)
    /* Translators: when a task is due; %s is the time, as 14:30 */
    return g_strdup_printf (_("today %s"), time);

  if (days == 1)
    /* Translators: when a task is due; %s is the time, as 14:30 */
    return g_strdup_printf (_("tomorrow %s"), time);

  if (days < 7)
    /* Translators: when a task is due this week: the short day name, then
     * the time, as “Thu 10:00”; see the strftime manual.
     * xgettext:no-c-format */
    day = g_date_time_format (local, C_("task due this week", "%a %H:%M"));
  else
    /* Translators: when a task is due later: the date, then the time, as
     * “12 Mar 10:00”; see the strftime manual.
     * xgettext:no-c-format */
    day = g_date_time_format (local, C_("task due later", "%e %b %H:%M"));

  return g_strstrip (g_steal_pointer (&day));
}

/* HS-6: how long the client has not heard from us. */
static char *
format_last_contact (CrmAgendaItem *item,
                     GDateTime     *now)
{
  GDateTime *last = crm_agenda_item_get_last_activity (item);
  int days;

  if (last == NULL)
    return g_strdup (_("no contact yet"));

  days = days_between (last, now);
  if (days <= 0)
    return g_strdup (_("last contact today"));
  if (days == 1)
    return g_strdup (_("last contact yesterday"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "last contact %d day ago", "last contact %d days ago", days),
                          days);
}

static void
crm_today_view_set_counts (CrmTodayView *self,
                           guint         n_overdue,
                           guint         n_due)
{
  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OVERDUE]);
    }

  if (self->n_due != n_due)
    {
      self->n_due = n_due;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DUE]);
    }
}

static GListModel *
current_model (CrmTodayView *self)
{
  return self->agenda != NULL ? G_LIST_MODEL (self->agenda) : G_LIST_MODEL (self->empty);
}

/* The counts and the page follow the list. */
static void
agenda_changed_cb (CrmTodayView *self)
{
  guint n_overdue = 0, n_due = 0;

  if (self->agenda != NULL)
    {
      n_overdue = crm_agenda_list_get_count (self->agenda, CRM_AGENDA_OVERDUE);
      n_due = n_overdue + crm_agenda_list_get_count (self->agenda, CRM_AGENDA_TODAY);
    }

  crm_today_view_set_counts (self, n_overdue, n_due);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (current_model (self)) > 0 ? "list" : "empty");
}

static void
crm_today_view_set_agenda (CrmTodayView  *self,
                           CrmAgendaList *agenda)
{
  if (self->agenda != NULL)
    g_signal_handlers_disconnect_by_func (self->agenda, agenda_changed_cb, self);
  g_set_object (&self->agenda, agenda);
  if (agenda != NULL)
    g_signal_connect_object (agenda, "items-changed", G_CALLBACK (agenda_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->first_rows != NULL)
    gtk_slice_list_model_set_model (self->first_rows, current_model (self));
  else
    gtk_single_selection_set_model (self->selection, current_model (self));

  agenda_changed_cb (self);
}

/* Row template closures: pure functions of the item. */

/* The rows: a signal factory builds them in code. Parsing a builder
 * template for each of the first rows cost most of the time between
 * switching to Today and seeing it (bench-today). GTK 4.8 list views have
 * no section headers, so the first row of each section shows its caption. */

typedef struct
{
  GtkLabel *caption;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *due;
  GtkLabel *last_contact;
} RowWidgets;

static GtkLabel *
row_label_new (GtkBox     *box,
               float       xalign,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *times = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  g_object_set (outer,
                "margin-start", 6, "margin-end", 6,
                "margin-top", 4, "margin-bottom", 4,
                NULL);

  row->caption = row_label_new (GTK_BOX (outer), 0, "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (row->caption), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (row->caption), 6);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (times, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (outer), line);
  gtk_box_append (GTK_BOX (line), texts);
  gtk_box_append (GTK_BOX (line), times);

  row->title = row_label_new (GTK_BOX (texts), 0, NULL);
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (row->title, bold);
  row->subtitle = row_label_new (GTK_BOX (texts), 0, "dim-label");
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (row->subtitle, PANGO_ELLIPSIZE_END);

  row->due = row_label_new (GTK_BOX (times), 1, "numeric");
  row->last_contact = row_label_new (GTK_BOX (times), 1, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->last_contact), "dim-label");

  g_object_set_data_full (G_OBJECT (list_item), "crm-today-row", row, g_free);
  gtk_list_item_set_child (list_item, outer);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  CrmTodayView *self = user_data;
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "crm-today-row");
  CrmAgendaItem *item = gtk_list_item_get_item (list_item);
  CrmAgendaSection section;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  g_autofree char *last_contact = NULL;
  GDateTime *now;
  gboolean starts;

  if (item == NULL || self->agenda == NULL)
    return;

  g_hash_table_add (self->bound, list_item);
  now = crm_agenda_list_get_now (self->agenda);
  section = crm_agenda_item_get_section (item);
  subtitle = crm_agenda_item_dup_deal_line (item);
  due = format_due (item, now);
  last_contact = format_last_contact (item, now);
  starts = crm_agenda_list_starts_section (self->agenda, gtk_list_item_get_position (list_item));

  gtk_label_set_label (row->caption, starts ? section_caption (section) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->caption), starts);

  /* RAD-5: an open deal must have a current task. */
  if (section == CRM_AGENDA_NO_TASK)
    gtk_label_set_label (row->title, _("No task"));
  else
    gtk_label_set_label (row->title, crm_agenda_item_get_task_title (item));
  if (section == CRM_AGENDA_NO_TASK)
    gtk_widget_add_css_class (GTK_WIDGET (row->title), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->title), "warning");

  gtk_label_set_label (row->subtitle, subtitle);

  /* RAD-6: no task may be overdue. */
  gtk_label_set_label (row->due, due);
  if (section == CRM_AGENDA_OVERDUE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->due), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row->due), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->due), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (row->due), "error");
    }

  gtk_label_set_label (row->last_contact, last_contact);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  CrmTodayView *self = user_data;

  g_hash_table_remove (self->bound, list_item);
}

/* The rows on screen again, by the list's clock now. */
static void
rebind_rows (CrmTodayView *self)
{
  g_autoptr(GList) items = g_hash_table_get_keys (self->bound);

  for (GList *l = items; l != NULL; l = l->next)
    bind_row_cb (NULL, l->data, self);
}

/* Signal callbacks */

static void
list_activate_cb (CrmTodayView *self,
                  guint         position)
{
  g_autoptr(CrmAgendaItem) item = g_list_model_get_item (current_model (self), position);

  if (item == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-deal", "x",
                              crm_agenda_item_get_deal_id (item));
}

static void
current_user_changed_cb (CrmTodayView *self)
{
  crm_today_view_reload (self);
}

/* Time moves tasks into "Overdue" without any change in the store, and
 * every "overdue by" on screen. */
static gboolean
reload_timeout_cb (gpointer user_data)
{
  CrmTodayView *self = CRM_TODAY_VIEW (user_data);

  if (self->agenda != NULL && !crm_agenda_list_refresh (self->agenda))
    rebind_rows (self);

  return G_SOURCE_CONTINUE;
}

/* Overrides */

static void
widen_after_paint_cb (GdkFrameClock *clock,
                      CrmTodayView  *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);

  if (self->first_rows == NULL)
    return;

  gtk_single_selection_set_model (self->selection, current_model (self));
  g_clear_object (&self->first_rows);
}

static void
crm_today_view_map (GtkWidget *widget)
{
  CrmTodayView *self = CRM_TODAY_VIEW (widget);
  GdkFrameClock *clock;

  /* Shown again: nothing to read. The list follows every change and the
   * clock's minutes by itself. */
  GTK_WIDGET_CLASS (crm_today_view_parent_class)->map (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (self->first_rows != NULL && clock != NULL && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (clock, "after-paint",
                                             G_CALLBACK (widen_after_paint_cb), self);
}

static void
crm_today_view_unmap (GtkWidget *widget)
{
  CrmTodayView *self = CRM_TODAY_VIEW (widget);

  g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (crm_today_view_parent_class)->unmap (widget);
}

static void
crm_today_view_dispose (GObject *object)
{
  CrmTodayView *self = (CrmTodayView *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);

  /* AdwBin keeps its own pointer to the template's root: let it drop the
   * child before the template's references go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_TODAY_VIEW);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->agenda);
  g_clear_object (&self->empty);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_today_view_parent_class)->dispose (object);
}

static void
crm_today_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmTodayView *self = CRM_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;

    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_today_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmTodayView *self = CRM_TODAY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_today_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_today_view_class_init (CrmTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_today_view_dispose;
  object_class->get_property = crm_today_view_get_property;
  object_class->set_property = crm_today_view_set_property;

  widget_class->map = crm_today_view_map;
  widget_class->unmap = crm_today_view_unmap;

  /**
   * CrmTodayView:store:
   *
   * The store whose current user's agenda the view shows.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmTodayView:n-overdue:
   *
   * How many of the user's tasks are overdue (RAD-6).
   */
  properties [PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmTodayView:n-due:
   *
   * How many of the user's tasks are due by the end of today, overdue
   * ones included: the number on the page's badge.
   */
  properties [PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_AGENDA_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmTodayView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
crm_today_view_init (CrmTodayView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->empty = g_list_store_new (CRM_TYPE_AGENDA_ITEM);
  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->empty)), 0, 14);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->store_signals = g_signal_group_new (CRM_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "notify::current-user",
                                 G_CALLBACK (current_user_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * crm_today_view_get_store:
 * @self: a #CrmTodayView
 *
 * Returns: (transfer none) (nullable): the store
 */
CrmStore *
crm_today_view_get_store (CrmTodayView *self)
{
  g_return_val_if_fail (CRM_IS_TODAY_VIEW (self), NULL);

  return self->store;
}

void
crm_today_view_set_store (CrmTodayView *self,
                          CrmStore     *store)
{
  g_return_if_fail (CRM_IS_TODAY_VIEW (self));
  g_return_if_fail (!store || CRM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (store != NULL)
    self->reload_source = g_timeout_add_seconds (RELOAD_INTERVAL_SECONDS, reload_timeout_cb, self);

  /* The list of the old store's agenda would follow the old store. */
  crm_today_view_set_agenda (self, NULL);
  crm_today_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * crm_today_view_reload:
 * @self: a #CrmTodayView
 *
 * Reads the current user's agenda again, by the store's clock: a new list
 * when the user changed. The view needs this only when the user changes;
 * tests that move the clock call it.
 */
void
crm_today_view_reload (CrmTodayView *self)
{
  g_autoptr(CrmAgendaList) agenda = NULL;
  CrmUser *user;

  g_return_if_fail (CRM_IS_TODAY_VIEW (self));

  user = self->store != NULL ? crm_store_get_current_user (self->store) : NULL;
  if (user == NULL)
    {
      crm_today_view_set_agenda (self, NULL);
      return;
    }

  if (self->agenda != NULL && crm_agenda_list_get_owner_id (self->agenda) == crm_user_get_id (user))
    {
      crm_agenda_list_reload (self->agenda);
      rebind_rows (self);
      return;
    }

  agenda = crm_agenda_list_new (self->store, crm_user_get_id (user));
  crm_today_view_set_agenda (self, agenda);
}

/**
 * crm_today_view_get_list_view:
 * @self: a #CrmTodayView
 *
 * Returns: (transfer none): the list of the agenda
 */
GtkListView *
crm_today_view_get_list_view (CrmTodayView *self)
{
  g_return_val_if_fail (CRM_IS_TODAY_VIEW (self), NULL);

  return self->list_view;
}

/**
 * crm_today_view_get_model:
 * @self: a #CrmTodayView
 *
 * Returns: (transfer none): the #CrmAgendaItem rows the view shows, in
 *   order
 */
GListModel *
crm_today_view_get_model (CrmTodayView *self)
{
  g_return_val_if_fail (CRM_IS_TODAY_VIEW (self), NULL);

  return current_model (self);
}

guint
crm_today_view_get_n_overdue (CrmTodayView *self)
{
  g_return_val_if_fail (CRM_IS_TODAY_VIEW (self), 0);

  return self->n_overdue;
}

guint
crm_today_view_get_n_due (CrmTodayView *self)
{
  g_return_val_if_fail (CRM_IS_TODAY_VIEW (self), 0);

  return self->n_due;
}
