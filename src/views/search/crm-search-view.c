/* crm-search-view.c
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

#define G_LOG_DOMAIN "crm-search-view"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-search-result.h"
#include "crm-search-view.h"
#include "crm-store.h"

#define MAX_RESULTS 200

struct _CrmSearchView
{
  AdwBin              parent_instance;

  CrmStore           *store;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CrmSearchView, crm_search_view, ADW_TYPE_BIN)

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Used by the row template through a <closure>. */
char *crm_search_result_icon_name (gpointer    item,
                                   const char *kind);

char *
crm_search_result_icon_name (gpointer    item,
                             const char *kind)
{
  if (g_strcmp0 (kind, "contact") == 0)
    return g_strdup ("avatar-default-symbolic");
  if (g_strcmp0 (kind, "company") == 0)
    return g_strdup ("system-users-symbolic");

  return g_strdup ("x-office-document-symbolic");
}

static void
list_activate_cb (CrmSearchView *self,
                  guint          position)
{
  g_autoptr(CrmSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (result != NULL)
    g_signal_emit (self, signals [RESULT_ACTIVATED], 0, result);
}

static void
crm_search_view_dispose (GObject *object)
{
  CrmSearchView *self = (CrmSearchView *)object;

  /* AdwBin keeps its own pointer to the template's root: let it drop the
   * child before the template's references go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_SEARCH_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_search_view_parent_class)->dispose (object);
}

static void
crm_search_view_class_init (CrmSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_search_view_dispose;

  /**
   * CrmSearchView::result-activated:
   * @self: a #CrmSearchView
   * @result: the #CrmSearchResult
   *
   * Emitted when a result is clicked or activated with Enter.
   */
  signals [RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_SEARCH_RESULT);

  g_type_ensure (CRM_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmSearchView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  /* The row template's <closure> is looked up in the template's scope. */
  gtk_widget_class_bind_template_callback (widget_class, crm_search_result_icon_name);
}

static void
crm_search_view_init (CrmSearchView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (CRM_TYPE_SEARCH_RESULT)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

void
crm_search_view_set_store (CrmSearchView *self,
                           CrmStore      *store)
{
  g_return_if_fail (CRM_IS_SEARCH_VIEW (self));

  g_set_object (&self->store, store);
}

/**
 * crm_search_view_set_query:
 * @self: a #CrmSearchView
 * @query: what the user typed
 *
 * Runs the search; the full-text index answers in milliseconds even for
 * 100,000 deals, so it runs on every keystroke (GtkSearchEntry already
 * waits for a pause in typing).
 */
void
crm_search_view_set_query (CrmSearchView *self,
                           const char    *query)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CRM_IS_SEARCH_VIEW (self));

  if (self->store == NULL)
    return;

  results = crm_store_search (self->store, query, MAX_RESULTS, &error);
  if (results == NULL)
    {
      g_warning ("Search for “%s” failed: %s", query, error->message);
      results = G_LIST_MODEL (g_list_store_new (CRM_TYPE_SEARCH_RESULT));
    }

  gtk_single_selection_set_model (self->selection, results);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (results) > 0 ? "results" : "empty");
}

/**
 * crm_search_view_get_results:
 * @self: a #CrmSearchView
 *
 * Returns: (transfer none): the current results
 */
GListModel *
crm_search_view_get_results (CrmSearchView *self)
{
  g_return_val_if_fail (CRM_IS_SEARCH_VIEW (self), NULL);

  return gtk_single_selection_get_model (self->selection);
}

void
crm_search_view_activate_first (CrmSearchView *self)
{
  g_return_if_fail (CRM_IS_SEARCH_VIEW (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    list_activate_cb (self, 0);
}
