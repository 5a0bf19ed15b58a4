/* crm-preferences-window-private.h
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

#pragma once

#include "crm-preferences-window.h"

G_BEGIN_DECLS

/* The window is split by page: crm-preferences-window.c has the people,
 * quotas and calls; crm-preferences-window-catalogue.c the product
 * masters and quote templates; crm-preferences-window-header.c the
 * organisation's quote header. They share this struct. */
struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned references */
  CrmStore             *store;
  GSettings            *settings;
  GtkFilterListModel   *reps;
  GtkFilterListModel   *products;
  GtkCustomFilter      *product_filter;

  /* Template widgets */
  AdwComboRow          *color_scheme_row;
  AdwActionRow         *procedure_row;
  AdwActionRow         *database_row;
  AdwActionRow         *signed_in_row;
  GtkListBox           *users_list;
  GtkListBox           *add_person_list;
  AdwEntryRow          *add_person_row;
  AdwEntryRow          *login_row;      /* a team server's people sign in as one */
  GtkDropDown          *role_dropdown;
  GtkListBox           *quotas_list;
  AdwPreferencesGroup  *organization_group;
  AdwEntryRow          *organization_row;
  AdwActionRow         *logo_row;
  GtkPicture           *logo_picture;
  GtkLabel             *logo_problem_label;
  GtkWidget            *remove_logo_button;
  AdwPreferencesGroup  *details_group;
  GtkTextView          *details_view;
  AdwEntryRow          *summary_cc_row;
  GtkLabel             *summary_cc_problem_label;
  AdwActionRow         *call_scripts_row;
  AdwPreferencesGroup  *products_group;
  GtkWidget            *add_product_button;
  GtkSearchEntry       *product_search_entry;
  GtkListBox           *products_list;
  GtkLabel             *products_placeholder;
  AdwPreferencesGroup  *templates_group;
  GtkWidget            *add_template_button;
  GtkListBox           *templates_list;

  /* Set while the window itself moves the quota spin buttons, so that
   * only a person's change is sent to the store. */
  guint                 syncing_quotas : 1;
  /* And for the products' switches. */
  guint                 syncing_products : 1;
};

gboolean _crm_preferences_window_is_manager        (CrmPreferencesWindow *self);
void     _crm_preferences_window_add_toast         (CrmPreferencesWindow *self,
                                                    const char           *message);

void     _crm_preferences_window_class_init_catalogue (GtkWidgetClass    *widget_class);
void     _crm_preferences_window_setup_catalogue   (CrmPreferencesWindow *self);
void     _crm_preferences_window_sync_catalogue    (CrmPreferencesWindow *self);

void     _crm_preferences_window_class_init_header (GtkWidgetClass       *widget_class);
void     _crm_preferences_window_sync_header       (CrmPreferencesWindow *self);

G_END_DECLS
