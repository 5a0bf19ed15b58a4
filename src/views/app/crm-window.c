/* crm-window.c
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

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-board.h"
#include "crm-deal-editor.h"
#include "crm-demo.h"
#include "crm-leads-view.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-procedure-chooser.h"
#include "crm-search-result.h"
#include "crm-search-view.h"
#include "crm-store.h"
#include "crm-toast.h"
#include "crm-today-view.h"
#include "crm-user.h"
#include "crm-window.h"

/* The main window: the board, the Today page and the Leads page in a view
 * stack under a view switcher, the search results over them, the procedure
 * chooser of a new database, and the page that says why a database cannot
 * be used.
 * A further page is one more AdwViewStackPage in the template and one more
 * line in page_shortcuts[]. */

#define QUOTA_REFRESH_SECONDS 60

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  CrmStore             *store;
  GSettings            *settings;
  guint                 demo_deals;
  guint                 quota_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *owner_banner;
  GtkLabel             *owner_label;
  GtkWidget            *offline_banner;
  GtkDropDown          *pipeline_dropdown;
  GtkWidget            *quota_box;
  GtkLabel             *quota_label;
  GtkLevelBar          *quota_bar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  CrmBoard             *board;
  CrmTodayView         *today_view;
  CrmLeadsView         *leads_view;
  CrmSearchView        *search_view;
  CrmProcedureChooser  *procedure_chooser;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Page shortcuts: Ctrl+1 for the first page, and so on. */
static const struct {
  guint       keyval;
  const char *page;
} page_shortcuts[] = {
  { GDK_KEY_1, "board" },
  { GDK_KEY_2, "today" },
  { GDK_KEY_3, "leads" },
};

/* Used by the template through a <closure>. */
static gboolean
is_nonzero (gpointer this,
            guint    value)
{
  return value != 0;
}

static gboolean
crm_window_shows_main (CrmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (name, "main") == 0 || g_strcmp0 (name, "search") == 0;
}

/* The header's parts that belong to the pages: the switcher, the pipeline
 * choice of the board, today's quota. */
static void
crm_window_update_header (CrmWindow *self)
{
  CrmProcedure *procedure = self->store ? crm_store_get_procedure (self->store) : NULL;
  gboolean main_shown, on_board;
  guint n_pipelines = 0;

  if (self->view_stack == NULL)
    return;

  main_shown = procedure != NULL && crm_window_shows_main (self);
  on_board = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "board") == 0;

  if (procedure != NULL)
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            crm_text_get (crm_procedure_get_name (procedure)));
      n_pipelines = g_list_model_get_n_items (crm_store_get_pipelines (self->store));
    }

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, main_shown);
  /* A pipeline choice only where there is something to choose (AXL). */
  gtk_widget_set_visible (GTK_WIDGET (self->pipeline_dropdown), main_shown && on_board && n_pipelines > 1);
}

/* RAD-4, TW-9: the outgoing contacts of the day against the quota the
 * head of sales set; nothing when there is no quota. */
static void
crm_window_update_quota (CrmWindow *self)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  CrmUser *user = NULL;
  guint quota = 0;
  guint done;

  /* The store and the window's own notifications can outlive the
   * template's widgets while the window is disposed. */
  if (self->quota_box == NULL)
    return;

  if (self->store != NULL && crm_store_get_procedure (self->store) != NULL && crm_window_shows_main (self))
    user = crm_store_get_current_user (self->store);
  if (user != NULL)
    quota = crm_store_get_quota (self->store, crm_user_get_id (user));

  gtk_widget_set_visible (self->quota_box, quota > 0);
  if (quota == 0)
    return;

  done = crm_store_count_outgoing_today (self->store, crm_user_get_id (user));

  /* Translators: today's outgoing contacts (calls and letters) of the
   * daily quota, as “12 / 40 contacts”; the plural follows the quota */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u / %u contact", "%u / %u contacts", quota),
                           done, quota);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Outgoing calls and letters today: %u of the daily quota of %u",
                                          "Outgoing calls and letters today: %u of the daily quota of %u",
                                          quota),
                             done, quota);

  gtk_label_set_label (self->quota_label, label);
  gtk_level_bar_set_max_value (self->quota_bar, quota);
  gtk_level_bar_set_value (self->quota_bar, MIN (done, quota));
  gtk_widget_set_tooltip_text (self->quota_box, tooltip);
}

static gboolean
quota_timeout_cb (gpointer user_data)
{
  /* The count starts again at midnight. */
  crm_window_update_quota (CRM_WINDOW (user_data));

  return G_SOURCE_CONTINUE;
}

static void
store_changed_cb (CrmWindow *self)
{
  crm_window_update_quota (self);
}

static void
view_stack_page_changed_cb (CrmWindow *self)
{
  /* Another page: the search results made way for it. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  crm_window_update_header (self);
}

static void
crm_window_set_page (CrmWindow  *self,
                     const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  crm_window_update_header (self);
  crm_window_update_quota (self);
}

static void
crm_window_show_board (CrmWindow *self)
{
  GListModel *pipelines = crm_store_get_pipelines (self->store);
  g_autofree char *last = g_settings_get_string (self->settings, "last-pipeline");
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (pipelines, i);

      if (g_strcmp0 (crm_pipeline_get_key (pipeline), last) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->pipeline_dropdown, pipelines);
  gtk_drop_down_set_selected (self->pipeline_dropdown, selected);

  crm_window_set_page (self, "main");
  crm_today_view_reload (self->today_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);

  /* Nothing can be written to another account's file: no New Deal, and
   * a bar says whose it is for as long as it is open. */
  if (crm_store_get_owner_error (self->store) != NULL)
    {
      gtk_label_set_text (self->owner_label, crm_store_get_owner_error (self->store)->message);
      gtk_widget_set_visible (self->owner_banner, TRUE);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal", TRUE);
}

static void
pipeline_selected_cb (CrmWindow *self)
{
  CrmPipeline *pipeline = gtk_drop_down_get_selected_item (self->pipeline_dropdown);

  crm_board_set_pipeline (self->board, pipeline);

  if (pipeline != NULL)
    g_settings_set_string (self->settings, "last-pipeline", crm_pipeline_get_key (pipeline));
}

static void
procedure_chosen_cb (CrmWindow  *self,
                     const char *procedure_id)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GError) error = NULL;

  procedure = crm_procedure_load_builtin (procedure_id, &error);
  if (procedure == NULL ||
      !crm_store_install_procedure (self->store, procedure, &error) ||
      (self->demo_deals > 0 && !crm_demo_populate (self->store, self->demo_deals, CRM_DEMO_SEED, &error)))
    {
      crm_toast_show (self->toast_overlay, crm_toast_new_text (error->message));
      return;
    }

  crm_window_show_board (self);
}

static void
search_changed_cb (CrmWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->store == NULL || crm_store_get_procedure (self->store) == NULL)
    return;

  crm_search_view_set_query (self->search_view, text);
  gtk_stack_set_visible_child_name (self->stack, text[0] ? "search" : "main");
  crm_window_update_header (self);
}

static void
search_activate_cb (CrmWindow *self)
{
  crm_search_view_activate_first (self->search_view);
}

static void
stop_search_cb (CrmWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_result_activated_cb (CrmWindow       *self,
                            CrmSearchResult *result)
{
  gint64 deal_id;

  deal_id = crm_store_find_latest_deal (self->store,
                                        crm_search_result_get_kind (result),
                                        crm_search_result_get_id (result));
  if (deal_id == 0)
    {
      crm_toast_show (self->toast_overlay,
                                   adw_toast_new (_("No deal is linked to this yet")));
      return;
    }

  crm_window_open_deal (self, deal_id);
}

static void
board_open_deal_cb (CrmWindow *self,
                    gint64     deal_id)
{
  crm_window_open_deal (self, deal_id);
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  crm_window_open_deal (CRM_WINDOW (widget), g_variant_get_int64 (param));
}

/* The dialogs and the application tell the window's user what happened
 * through this action, so none of them needs to know the window's type. */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  crm_toast_show (self->toast_overlay, crm_toast_new_text (g_variant_get_string (param, NULL)));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (!crm_window_shows_main (self) || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* From the keyboard, the keyboard goes along. */
  gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

static void
new_deal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  crm_window_open_deal (self, 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
crm_window_show_error (CrmWindow  *self,
                       const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  crm_window_set_page (self, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-deal", FALSE);
}

/* Try Now: the store connects again at once rather than when its timer
 * says; the banner goes when it is back. */
static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmWindow *self = CRM_WINDOW (widget);

  if (self->store != NULL)
    crm_store_reconnect (self->store);
}

/* The team server out of reach: a bar says so, with why as its tooltip,
 * and nothing new can be made; the board keeps what it shows, and the
 * store refuses its moves with the same message. Back: a toast. */
static void
online_cb (CrmWindow *self)
{
  const GError *error = crm_store_get_offline_error (self->store);
  gboolean online = error == NULL;

  gtk_widget_set_visible (self->offline_banner, !online);
  gtk_widget_set_tooltip_text (self->offline_banner, online ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal",
                                 online && crm_store_get_owner_error (self->store) == NULL &&
                                 crm_store_get_procedure (self->store) != NULL);
  if (online)
    crm_toast_show (self->toast_overlay, adw_toast_new (_("The team server is back")));
}

/* A large file is checked after it opened; damage found then replaces the
 * board, since the store no longer accepts writes. */
static void
integrity_error_cb (CrmWindow *self)
{
  const GError *error = crm_store_get_integrity_error (self->store);

  if (error != NULL)
    crm_window_show_error (self, error->message);
}

static void
crm_window_constructed (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  G_OBJECT_CLASS (crm_window_parent_class)->constructed (object);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-deal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);

  if (self->store == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-deal", FALSE);
      return;
    }

  crm_board_set_store (self->board, self->store);
  crm_today_view_set_store (self->today_view, self->store);
  crm_leads_view_set_store (self->leads_view, self->store);
  crm_search_view_set_store (self->search_view, self->store);
  g_signal_connect_object (self->store, "notify::integrity-error",
                           G_CALLBACK (integrity_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::online",
                           G_CALLBACK (online_cb), self, G_CONNECT_SWAPPED);
  /* The quota counts logged activities (RAD-4): a board move logs none
   * and costs the count nothing. */
  g_signal_connect_object (self->store, "activities-changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::current-user",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  /* A quota set in Preferences, or what another program logged, shows
   * when the window is active again; the day's count starts again at
   * midnight, which the minute's timer catches. */
  g_signal_connect_object (self, "notify::is-active",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->quota_source = g_timeout_add_seconds (QUOTA_REFRESH_SECONDS, quota_timeout_cb, self);

  if (crm_store_get_procedure (self->store) == NULL)
    crm_window_set_page (self, "setup");
  else
    crm_window_show_board (self);
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  g_clear_handle_id (&self->quota_source, g_source_remove);
  /* Taking the pages down switches pages: nothing is to follow that. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, view_stack_page_changed_cb, self);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_finalize (GObject *object)
{
  CrmWindow *self = (CrmWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_window_parent_class)->finalize (object);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_window_constructed;
  object_class->dispose = crm_window_dispose;
  object_class->finalize = crm_window_finalize;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;

  /**
   * CrmWindow:store:
   *
   * The store the window shows, or %NULL when the database could not be
   * opened (the window then explains why).
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_BOARD);
  g_type_ensure (CRM_TYPE_TODAY_VIEW);
  g_type_ensure (CRM_TYPE_LEADS_VIEW);
  g_type_ensure (CRM_TYPE_SEARCH_VIEW);
  g_type_ensure (CRM_TYPE_PROCEDURE_CHOOSER);
  g_type_ensure (CRM_TYPE_PIPELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, owner_banner);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, owner_label);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, quota_box);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, quota_label);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, quota_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, board);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leads_view);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, procedure_chooser);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, procedure_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, is_nonzero);

  gtk_widget_class_install_action (widget_class, "win.new-deal", NULL, new_deal_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    gtk_widget_class_add_binding_action (widget_class, page_shortcuts[i].keyval, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_shortcuts[i].page);
}

static void
crm_window_init (CrmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_signal_connect_object (self->pipeline_dropdown, "notify::selected-item",
                           G_CALLBACK (pipeline_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "open-deal",
                           G_CALLBACK (board_open_deal_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (view_stack_page_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * crm_window_new:
 * @application: the application
 * @store: (nullable): the open store
 * @open_error: (nullable): why the store could not be opened
 *
 * Returns: (transfer full): a new window
 */
CrmWindow *
crm_window_new (GtkApplication *application,
                CrmStore       *store,
                const GError   *open_error)
{
  CrmWindow *self;

  self = g_object_new (CRM_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);

  if (store == NULL)
    crm_window_show_error (self, open_error ? open_error->message : NULL);

  return self;
}

CrmStore *
crm_window_get_store (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * crm_window_get_board:
 * @self: a #CrmWindow
 *
 * Returns: (transfer none): the pipeline board
 */
CrmBoard *
crm_window_get_board (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->board;
}

/**
 * crm_window_get_today_view:
 * @self: a #CrmWindow
 *
 * Returns: (transfer none): the Today page
 */
CrmTodayView *
crm_window_get_today_view (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->today_view;
}

/**
 * crm_window_get_leads_view:
 * @self: a #CrmWindow
 *
 * Returns: (transfer none): the Leads page
 */
CrmLeadsView *
crm_window_get_leads_view (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->leads_view;
}

/**
 * crm_window_get_view_stack:
 * @self: a #CrmWindow
 *
 * Returns: (transfer none): the stack of the pages the switcher shows
 */
AdwViewStack *
crm_window_get_view_stack (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->view_stack;
}

/**
 * crm_window_get_quota_label:
 * @self: a #CrmWindow
 *
 * Returns: (transfer none): the header's label of today's quota (RAD-4),
 *   hidden when no quota is set
 */
GtkLabel *
crm_window_get_quota_label (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->quota_label;
}

/**
 * crm_window_open_deal:
 * @self: a #CrmWindow
 * @deal_id: the deal, or 0 for a new deal in the board's pipeline
 *
 * Opens the deal card.
 *
 * Returns: (transfer none): the deal card window
 */
GtkWidget *
crm_window_open_deal (CrmWindow *self,
                      gint64     deal_id)
{
  CrmPipeline *pipeline;
  GtkWidget *editor;

  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  pipeline = crm_board_get_pipeline (self->board);
  editor = crm_deal_editor_new (self->store, deal_id, pipeline ? crm_pipeline_get_id (pipeline) : 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

/**
 * crm_window_set_demo_on_setup:
 * @self: a #CrmWindow
 * @n_deals: how many demo deals to add once a procedure is picked
 *
 * With --demo and no --procedure, the demo data waits for the procedure
 * the user picks on the welcome page.
 */
void
crm_window_set_demo_on_setup (CrmWindow *self,
                              guint      n_deals)
{
  g_return_if_fail (CRM_IS_WINDOW (self));

  self->demo_deals = n_deals;
}

