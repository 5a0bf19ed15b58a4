/* crm-lead-list.c
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


#define G_LOG_DOMAIN "crm-lead-list"

#include "config.h"

#include "crm-lead-list.h"
#include "crm-store-private.h"

/* The leads of one source still to classify (HS-1, HS-3), newest first, as
 * a list model that never holds all of them: with 100,000 leads the Leads
 * view reads the page it shows.
 *
 * - its length is one counting query;
 * - it keeps one contiguous window of rows around the positions asked
 *   for, filled a page at a time by keyset from the window's first or last
 *   row (by OFFSET only when a position far from the window is asked for),
 *   and dropped at its far end when it grows past WINDOW_SIZE;
 * - crm_lead_list_reload() counts again and forgets the window, in two
 *   items-changed (all removed, then all added): in one, GTK 4.8's list
 *   view would ask for every item to keep its selection. */
#define PAGE_SIZE   100
#define WINDOW_SIZE 1000

struct _CrmLeadList
{
  GObject                  parent_instance;

  CrmStore                *store;
  char                    *source;
  guint                    n_items;

  guint                    window_start;
  GPtrArray               *window;      /* CrmLeadRow, positions from window_start */

  CrmLeadListAnnotateFunc  annotate;
  gpointer                 annotate_data;
};

static void crm_lead_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmLeadList, crm_lead_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, crm_lead_list_model_init))

static guint
count (CrmLeadList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!_crm_store_count_leads (self->store, self->source, &n, &error))
    {
      g_warning ("Cannot count the leads: %s", error->message);
      return 0;
    }

  return n;
}

/* Reads up to a page into @rows, annotated. */
static gboolean
read_page (CrmLeadList      *self,
           const CrmLeadRow *after,
           gboolean          backward,
           guint             offset,
           GPtrArray        *rows)
{
  g_autoptr(GError) error = NULL;

  if (!_crm_store_read_leads (self->store, self->source, after, backward, offset, PAGE_SIZE, rows, &error))
    {
      g_warning ("Cannot read the leads: %s", error->message);
      return FALSE;
    }

  for (guint i = 0; self->annotate != NULL && i < rows->len; i++)
    self->annotate (((CrmLeadRow *) g_ptr_array_index (rows, i))->contact, self->annotate_data);

  return TRUE;
}

static void
trim_window (CrmLeadList *self,
             guint        position)
{
  _crm_window_trim (self->window, &self->window_start, position, WINDOW_SIZE);
}

/* Widens the window towards @position by one page; FALSE when no row
 * came, so the caller does not loop. */
static gboolean
extend_towards (CrmLeadList *self,
                guint        position)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_lead_row_free);
  guint window_end = self->window_start + self->window->len;

  if (self->window->len == 0 || position + PAGE_SIZE < self->window_start ||
      position >= window_end + PAGE_SIZE)
    {
      /* Far from what is read: start a window at @position. */
      if (!read_page (self, NULL, FALSE, position, rows) || rows->len == 0)
        return FALSE;

      g_ptr_array_set_size (self->window, 0);
      self->window_start = position;
    }
  else if (position >= window_end)
    {
      if (!read_page (self, g_ptr_array_index (self->window, self->window->len - 1), FALSE, 0, rows) ||
          rows->len == 0)
        return FALSE;
    }
  else
    {
      if (!read_page (self, g_ptr_array_index (self->window, 0), TRUE, 0, rows) || rows->len == 0)
        return FALSE;

      /* More rows before the window than positions: the count is stale. */
      if (rows->len > self->window_start)
        g_ptr_array_remove_range (rows, 0, rows->len - self->window_start);

      g_ptr_array_extend_and_steal (rows, g_steal_pointer (&self->window));
      self->window = g_steal_pointer (&rows);
      self->window_start -= self->window->len - (window_end - self->window_start);
      trim_window (self, position);
      return TRUE;
    }

  g_ptr_array_extend_and_steal (self->window, g_steal_pointer (&rows));
  trim_window (self, position);
  return TRUE;
}

static CrmLeadRow *
row_at (CrmLeadList *self,
        guint        position)
{
  if (position >= self->n_items)
    return NULL;

  while (position < self->window_start || position >= self->window_start + self->window->len)
    if (!extend_towards (self, position))
      return NULL;

  return g_ptr_array_index (self->window, position - self->window_start);
}

/* GListModel */

static GType
crm_lead_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_CONTACT;
}

static guint
crm_lead_list_get_n_items (GListModel *model)
{
  return CRM_LEAD_LIST (model)->n_items;
}

static gpointer
crm_lead_list_get_item (GListModel *model,
                        guint       position)
{
  CrmLeadRow *row = row_at (CRM_LEAD_LIST (model), position);

  return row != NULL ? g_object_ref (row->contact) : NULL;
}

static void
crm_lead_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_lead_list_get_item_type;
  iface->get_n_items = crm_lead_list_get_n_items;
  iface->get_item = crm_lead_list_get_item;
}

/* GObject */

static void
crm_lead_list_finalize (GObject *object)
{
  CrmLeadList *self = (CrmLeadList *)object;

  g_clear_pointer (&self->window, g_ptr_array_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_lead_list_parent_class)->finalize (object);
}

static void
crm_lead_list_class_init (CrmLeadListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_lead_list_finalize;
}

static void
crm_lead_list_init (CrmLeadList *self)
{
  self->window = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_lead_row_free);
}

/* Public API */

/**
 * crm_lead_list_new:
 * @store: a #CrmStore
 * @source: (nullable): a source key, or %NULL (or empty) for all leads
 *
 * The leads of @source still to be classified, newest first, as
 * crm_store_get_leads() orders them, read a page at a time.
 *
 * Returns: (transfer full): a list of #CrmContact, with their phones and
 *   emails
 */
CrmLeadList *
crm_lead_list_new (CrmStore   *store,
                   const char *source)
{
  CrmLeadList *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_LEAD_LIST, NULL);
  self->store = g_object_ref (store);
  self->source = source != NULL && source[0] != '\0' ? g_strdup (source) : NULL;
  self->n_items = count (self);

  return self;
}

/**
 * crm_lead_list_get_source:
 * @self: a #CrmLeadList
 *
 * Returns: (nullable): the source whose leads the list holds, %NULL for all
 */
const char *
crm_lead_list_get_source (CrmLeadList *self)
{
  g_return_val_if_fail (CRM_IS_LEAD_LIST (self), NULL);

  return self->source;
}

/**
 * crm_lead_list_set_annotate_func:
 * @self: a #CrmLeadList
 * @func: (nullable): called on each lead as it is read
 * @user_data: for @func, which must outlive the list or be unset
 *
 * Lets a view work out what a row shows for the leads read, never all.
 */
void
crm_lead_list_set_annotate_func (CrmLeadList             *self,
                                 CrmLeadListAnnotateFunc  func,
                                 gpointer                 user_data)
{
  g_return_if_fail (CRM_IS_LEAD_LIST (self));

  self->annotate = func;
  self->annotate_data = user_data;
}

/**
 * crm_lead_list_get_n_cached:
 * @self: a #CrmLeadList
 *
 * Returns: how many rows the list holds in memory, for tests and benchmarks
 */
guint
crm_lead_list_get_n_cached (CrmLeadList *self)
{
  g_return_val_if_fail (CRM_IS_LEAD_LIST (self), 0);

  return self->window->len;
}

/**
 * crm_lead_list_reload:
 * @self: a #CrmLeadList
 *
 * Counts the leads again and forgets the rows held, so that those asked
 * for next are read fresh: after leads were classified or added.
 */
void
crm_lead_list_reload (CrmLeadList *self)
{
  guint removed;

  g_return_if_fail (CRM_IS_LEAD_LIST (self));

  removed = self->n_items;
  g_ptr_array_set_size (self->window, 0);
  self->window_start = 0;
  self->n_items = 0;
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  self->n_items = count (self);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
}
