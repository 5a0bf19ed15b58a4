/* crm-agenda-list.c
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

#define G_LOG_DOMAIN "crm-agenda-list"

#include "config.h"

#include <string.h>

#include "crm-agenda-list.h"
#include "crm-store-private.h"

/* The Today agenda (HS-5, RAD-5, RAD-6) as a list model that never holds
 * the whole of it: a rep with 10,000 open tasks sees a dozen.
 *
 * - its length is the sum of four counting queries, one per section;
 * - it keeps one contiguous window of rows around the positions asked
 *   for, filled a page at a time by keyset from the window's first or last
 *   row (by OFFSET only when a position far from the window is asked for),
 *   and dropped at its far end when it grows past WINDOW_SIZE;
 * - a committed change of a deal ("deal-changed") removes the deal's rows
 *   and inserts its fresh ones where counting queries put them, so the
 *   list view keeps every other row's widget. When one of the deal's rows
 *   lay outside the window, its old position is unknown, and the list
 *   starts again (one items-changed over everything).
 *
 * The sections are decided by the time the list was last refreshed, not
 * the clock's every tick: crm_agenda_list_refresh() moves it on. */
#define PAGE_SIZE   100
#define WINDOW_SIZE 1000

struct _CrmAgendaList
{
  GObject     parent_instance;

  CrmStore   *store;
  gint64      owner_id;
  GDateTime  *now;
  char       *bounds[2];   /* now and the next local midnight, formatted */
  guint       counts[4];
  guint       n_items;

  guint       window_start;
  GPtrArray  *window;      /* CrmAgendaRow, positions from window_start */
};

static void crm_agenda_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmAgendaList, crm_agenda_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, crm_agenda_list_model_init))

static guint
section_start (CrmAgendaList    *self,
               CrmAgendaSection  section)
{
  guint start = 0;

  for (guint i = 0; i < section; i++)
    start += self->counts[i];

  return start;
}

static CrmAgendaSection
section_at (CrmAgendaList *self,
            guint          position)
{
  guint start = 0;

  for (guint i = 0; i < CRM_AGENDA_NO_TASK; i++)
    {
      start += self->counts[i];
      if (position < start)
        return i;
    }

  return CRM_AGENDA_NO_TASK;
}

static const char * const *
bounds_of (CrmAgendaList *self)
{
  return (const char * const *) self->bounds;
}

/* Sets the clock the sections are decided by. */
static void
set_now (CrmAgendaList *self,
         GDateTime     *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (local),
                                                      g_date_time_get_month (local),
                                                      g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  g_free (self->bounds[0]);
  g_free (self->bounds[1]);
  self->bounds[0] = _crm_store_format_timestamp (now);
  self->bounds[1] = _crm_store_format_timestamp (tomorrow);
}

static gboolean
count (CrmAgendaList *self,
       guint          counts[4])
{
  g_autoptr(GError) error = NULL;

  memset (counts, 0, sizeof (guint) * 4);
  if (self->store == NULL)
    return TRUE;

  if (!_crm_store_count_agenda (self->store, self->owner_id, bounds_of (self), counts, &error))
    {
      g_warning ("Cannot count the agenda: %s", error->message);
      memset (counts, 0, sizeof (guint) * 4);
      return FALSE;
    }

  return TRUE;
}

/* Reads up to a page of @section into @rows. */
static gboolean
read_page (CrmAgendaList      *self,
           CrmAgendaSection    section,
           const CrmAgendaRow *after,
           gboolean            backward,
           guint               offset,
           GPtrArray          *rows)
{
  g_autoptr(GError) error = NULL;

  if (_crm_store_read_agenda (self->store, self->owner_id, bounds_of (self), section, after, backward,
                              offset, PAGE_SIZE, rows, &error))
    return TRUE;

  g_warning ("Cannot read the agenda: %s", error->message);
  return FALSE;
}

/* Drops rows at the end of @window farthest from @position once it holds
 * more than @max_rows, moving @window_start with them: shared by the
 * paged lists (CrmAgendaList, CrmLeadList). */
void
_crm_window_trim (GPtrArray *window,
                  guint     *window_start,
                  guint      position,
                  guint      max_rows)
{
  guint excess;

  if (window->len <= max_rows)
    return;

  excess = window->len - max_rows;
  if (position - *window_start >= window->len / 2)
    {
      g_ptr_array_remove_range (window, 0, excess);
      *window_start += excess;
    }
  else
    g_ptr_array_remove_range (window, window->len - excess, excess);
}

static void
trim_window (CrmAgendaList *self,
             guint          position)
{
  _crm_window_trim (self->window, &self->window_start, position, WINDOW_SIZE);
}

/* Widens the window towards @position by one page; FALSE when no row
 * came, so the caller does not loop. */
static gboolean
extend_towards (CrmAgendaList *self,
                guint          position)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_agenda_row_free);
  guint window_end = self->window_start + self->window->len;

  if (self->window->len == 0 || position + PAGE_SIZE < self->window_start ||
      position >= window_end + PAGE_SIZE)
    {
      /* Far from what is read: start a window at @position. */
      CrmAgendaSection section = section_at (self, position);

      if (!read_page (self, section, NULL, FALSE, position - section_start (self, section), rows) ||
          rows->len == 0)
        return FALSE;

      g_ptr_array_set_size (self->window, 0);
      self->window_start = position;
    }
  else if (position >= window_end)
    {
      CrmAgendaRow *last = g_ptr_array_index (self->window, self->window->len - 1);
      CrmAgendaSection section = section_at (self, window_end);

      /* The next section starts from its first row. */
      if (!read_page (self, section, section == last->section ? last : NULL, FALSE, 0, rows) ||
          rows->len == 0)
        return FALSE;
    }
  else
    {
      CrmAgendaRow *first = g_ptr_array_index (self->window, 0);
      CrmAgendaSection section = section_at (self, self->window_start - 1);
      guint start = section_start (self, section);

      if (section == first->section)
        {
          if (!read_page (self, section, first, TRUE, 0, rows))
            return FALSE;
        }
      else
        {
          /* The window starts a section: the previous one's last page. */
          guint from = MAX (start, self->window_start > PAGE_SIZE ? self->window_start - PAGE_SIZE : 0);

          if (!read_page (self, section, NULL, FALSE, from - start, rows))
            return FALSE;
          if (rows->len > self->window_start - from)
            g_ptr_array_set_size (rows, self->window_start - from);
        }
      if (rows->len == 0)
        return FALSE;

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

static CrmAgendaRow *
row_at (CrmAgendaList *self,
        guint          position)
{
  if (position >= self->n_items || self->store == NULL)
    return NULL;

  while (position < self->window_start || position >= self->window_start + self->window->len)
    if (!extend_towards (self, position))
      return NULL;

  return g_ptr_array_index (self->window, position - self->window_start);
}

/* GListModel */

static GType
crm_agenda_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_AGENDA_ITEM;
}

static guint
crm_agenda_list_get_n_items (GListModel *model)
{
  return CRM_AGENDA_LIST (model)->n_items;
}

static gpointer
crm_agenda_list_get_item (GListModel *model,
                          guint       position)
{
  CrmAgendaRow *row = row_at (CRM_AGENDA_LIST (model), position);

  return row != NULL ? g_object_ref (row->item) : NULL;
}

static void
crm_agenda_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_agenda_list_get_item_type;
  iface->get_n_items = crm_agenda_list_get_n_items;
  iface->get_item = crm_agenda_list_get_item;
}

/* Changes */

/* Everything again: the counts, and an empty window. */
static void
start_again (CrmAgendaList *self)
{
  guint removed = self->n_items;

  count (self, self->counts);
  self->n_items = section_start (self, CRM_AGENDA_NO_TASK) + self->counts[CRM_AGENDA_NO_TASK];
  g_ptr_array_set_size (self->window, 0);
  self->window_start = 0;

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/* The row at @position gets a new item object, with the same values, so
 * that a list view binds it again: its caption may have come or gone. */
static void
renew_row (CrmAgendaList *self,
           guint          position)
{
  CrmAgendaRow *row;
  CrmAgendaItem *item;

  if (position >= self->n_items)
    return;

  if (position >= self->window_start && position < self->window_start + self->window->len)
    {
      row = g_ptr_array_index (self->window, position - self->window_start);
      item = row->item;
      row->item = crm_agenda_item_new (crm_agenda_item_get_section (item),
                                       crm_agenda_item_get_task_id (item),
                                       crm_agenda_item_get_task_title (item),
                                       crm_agenda_item_get_due_at (item),
                                       crm_agenda_item_get_deal_id (item),
                                       crm_agenda_item_get_deal_title (item),
                                       crm_agenda_item_get_company_name (item),
                                       crm_agenda_item_get_last_activity (item));
      g_object_unref (item);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
remove_at (CrmAgendaList *self,
           guint          position)
{
  CrmAgendaRow *row = g_ptr_array_index (self->window, position - self->window_start);

  self->counts[row->section]--;
  self->n_items--;
  g_ptr_array_remove_index (self->window, position - self->window_start);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static gboolean
insert_row (CrmAgendaList *self,
            CrmAgendaRow  *row)
{
  g_autoptr(GError) error = NULL;
  guint before = 0, position;
  guint window_end = self->window_start + self->window->len;

  if (!_crm_store_count_agenda_before (self->store, self->owner_id, bounds_of (self), row, &before, &error))
    {
      g_warning ("Cannot place a row of the agenda: %s", error->message);
      _crm_agenda_row_free (row);
      return FALSE;
    }

  position = section_start (self, row->section) + before;
  self->counts[row->section]++;
  self->n_items++;

  if (self->window->len == 0 || position < self->window_start)
    {
      if (self->window->len > 0)
        self->window_start++;
      _crm_agenda_row_free (row);
    }
  else if (position <= window_end)
    g_ptr_array_insert (self->window, position - self->window_start, row);
  else
    _crm_agenda_row_free (row);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return _crm_agenda_row_compare (*(CrmAgendaRow **) a, *(CrmAgendaRow **) b);
}

static void
deal_changed_cb (CrmAgendaList *self,
                 gint64         deal_id)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_agenda_row_free);
  g_autoptr(GError) error = NULL;
  guint old_starts[4], counts[4];
  guint n_old = 0;

  if (deal_id <= 0 ||
      !_crm_store_read_agenda_of_deal (self->store, self->owner_id, bounds_of (self), deal_id, fresh, &error) ||
      !count (self, counts))
    {
      if (error != NULL)
        g_warning ("Cannot read a deal's agenda: %s", error->message);
      start_again (self);
      return;
    }

  for (guint i = 0; i < self->window->len; i++)
    n_old += ((CrmAgendaRow *) g_ptr_array_index (self->window, i))->deal_id == deal_id;

  /* Nothing of the deal was or is in the agenda: nothing to do. */
  if (n_old == 0 && fresh->len == 0 && memcmp (counts, self->counts, sizeof counts) == 0)
    return;

  /* A row of the deal outside the window: where it was is unknown. */
  if (self->n_items - n_old + fresh->len != counts[0] + counts[1] + counts[2] + counts[3])
    {
      start_again (self);
      return;
    }

  for (guint i = 0; i < 4; i++)
    old_starts[i] = section_start (self, i);

  for (guint i = self->window->len; i > 0; i--)
    if (((CrmAgendaRow *) g_ptr_array_index (self->window, i - 1))->deal_id == deal_id)
      remove_at (self, self->window_start + i - 1);

  /* In the list's order, so each insert's position counts the ones
   * before it. */
  g_ptr_array_sort (fresh, compare_rows);
  for (guint i = 0; i < fresh->len; i++)
    if (!insert_row (self, g_steal_pointer (&fresh->pdata[i])))
      {
        start_again (self);
        return;
      }

  /* The first row of a section shows its caption. */
  for (guint i = 0; i < 4; i++)
    if (old_starts[i] != section_start (self, i))
      {
        renew_row (self, old_starts[i]);
        renew_row (self, section_start (self, i));
      }
}

/* GObject */

static void
crm_agenda_list_finalize (GObject *object)
{
  CrmAgendaList *self = (CrmAgendaList *)object;

  g_clear_pointer (&self->window, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_free (self->bounds[0]);
  g_free (self->bounds[1]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_agenda_list_parent_class)->finalize (object);
}

static void
crm_agenda_list_class_init (CrmAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_agenda_list_finalize;
}

static void
crm_agenda_list_init (CrmAgendaList *self)
{
  self->window = g_ptr_array_new_with_free_func ((GDestroyNotify) _crm_agenda_row_free);
}

/* Public API */

/**
 * crm_agenda_list_new:
 * @store: a #CrmStore
 * @owner_id: whose agenda
 *
 * The agenda of @owner_id by the store's clock now, kept current by the
 * store's "deal-changed": the open tasks as overdue, today and upcoming,
 * then the open deals without a task (RAD-5), each part ordered by last
 * activity, then next activity (HS-5).
 *
 * Returns: (transfer full): a list of #CrmAgendaItem
 */
CrmAgendaList *
crm_agenda_list_new (CrmStore *store,
                     gint64    owner_id)
{
  CrmAgendaList *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_AGENDA_LIST, NULL);
  self->store = g_object_ref (store);
  self->owner_id = owner_id;
  now = crm_store_now (store);
  set_now (self, now);
  count (self, self->counts);
  self->n_items = section_start (self, CRM_AGENDA_NO_TASK) + self->counts[CRM_AGENDA_NO_TASK];

  g_signal_connect_object (store, "deal-changed", G_CALLBACK (deal_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

gint64
crm_agenda_list_get_owner_id (CrmAgendaList *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), 0);

  return self->owner_id;
}

/**
 * crm_agenda_list_get_now:
 * @self: a #CrmAgendaList
 *
 * Returns: (transfer none): the time the sections are decided by
 */
GDateTime *
crm_agenda_list_get_now (CrmAgendaList *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), NULL);

  return self->now;
}

/**
 * crm_agenda_list_get_count:
 * @self: a #CrmAgendaList
 * @section: a section
 *
 * Returns: the rows of @section
 */
guint
crm_agenda_list_get_count (CrmAgendaList    *self,
                           CrmAgendaSection  section)
{
  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), 0);
  g_return_val_if_fail (section <= CRM_AGENDA_NO_TASK, 0);

  return self->counts[section];
}

/**
 * crm_agenda_list_starts_section:
 * @self: a #CrmAgendaList
 * @position: a position
 *
 * Returns: whether the row at @position is its section's first
 */
gboolean
crm_agenda_list_starts_section (CrmAgendaList *self,
                                guint          position)
{
  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), FALSE);

  if (position >= self->n_items)
    return FALSE;

  return position == section_start (self, section_at (self, position));
}

/**
 * crm_agenda_list_get_n_cached:
 * @self: a #CrmAgendaList
 *
 * Returns: how many rows the list holds in memory, for tests and benchmarks
 */
guint
crm_agenda_list_get_n_cached (CrmAgendaList *self)
{
  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), 0);

  return self->window->len;
}

/**
 * crm_agenda_list_refresh:
 * @self: a #CrmAgendaList
 *
 * Moves the list to the store's time now. Time alone moves tasks from
 * "Today" to "Overdue" and, at midnight, from "Upcoming" to "Today": when
 * no task changed section the rows stay as they are, and the list says
 * nothing; else it starts again.
 *
 * Returns: whether the rows changed
 */
gboolean
crm_agenda_list_refresh (CrmAgendaList *self)
{
  g_autoptr(GDateTime) now = NULL;
  guint counts[4];

  g_return_val_if_fail (CRM_IS_AGENDA_LIST (self), FALSE);

  now = crm_store_now (self->store);
  set_now (self, now);
  count (self, counts);
  if (memcmp (counts, self->counts, sizeof counts) == 0)
    return FALSE;

  start_again (self);
  return TRUE;
}

/**
 * crm_agenda_list_reload:
 * @self: a #CrmAgendaList
 *
 * Reads the agenda again by the store's time now, all of it.
 */
void
crm_agenda_list_reload (CrmAgendaList *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (CRM_IS_AGENDA_LIST (self));

  now = crm_store_now (self->store);
  set_now (self, now);
  start_again (self);
}
