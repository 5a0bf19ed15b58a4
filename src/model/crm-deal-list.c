/* crm-deal-list.c
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

#define G_LOG_DOMAIN "crm-deal-list"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-store-private.h"

/* A board column holds up to the whole table (a million deals in the
 * benchmark), so the list never holds a stage at once, and the main thread
 * never waits for SQLite:
 *
 * - its length and totals come from one read on the store's worker
 *   connection, and then follow each committed move in place;
 * - it keeps a window of slots around the position last asked for, and
 *   evicts the slots farthest from it, never the whole cache at once;
 * - a position asked for before its row is read gets a blank deal (id 0)
 *   at once; the worker reads the missing rows by keyset from a
 *   neighbour's sort key (the deals_stage_order index), and the blank deal
 *   takes the row's values when it comes, so the card redraws in place.
 *
 * A committed move removes one slot here and inserts one there, with the
 * moved deal's own object, so the list view keeps every other card's
 * widget as it is. Reads that were asked for before a change are dropped
 * when they come (their positions moved) and asked for again. */
#define WINDOW_SIZE 1000  /* slots kept around the last position asked for */
#define MAX_READ    200   /* rows per read: the list view's own reach */
#define FIRST_READ  50    /* rows read with the count, for the first frame */

typedef struct
{
  CrmDeal *deal;     /* NULL until asked for or read */
  char    *key;      /* updated_at as stored; NULL until the row is read */
  guint    request;  /* the read that will fill it, or 0 */
} Slot;

struct _CrmDealList
{
  GObject     parent_instance;

  CrmStore   *store;      /* weak: the store owns the lists' lifetime */
  gint64      stage_id;
  guint       n_items;
  char       *total_label;
  GArray     *totals;     /* CrmStageTotal, per currency */

  /* positions [window_start, window_start + window->len) */
  guint       window_start;
  GArray     *window;     /* Slot */

  guint       generation; /* changes with every change of positions */
  guint       last_request;
  guint       n_reads;    /* reads in flight */
  guint       fetch_source;

  guint       counted : 1;        /* the first count has come */
  guint       count_pending : 1;  /* a count is in flight */
  guint       totals_pending : 1; /* a recount of the totals is */
};

/* What one read on the worker brings back: the count and totals (for the
 * first read and a reload), then rows, in list order from @start. */
typedef struct
{
  GWeakRef   list;
  gint64     stage_id;
  guint      generation;
  guint      request;
  gboolean   count;
  gboolean   totals_only;
  guint      start;
  char      *key;
  gint64     key_id;
  gboolean   backwards;
  guint      skip;
  guint      limit;
  GArray    *totals;
  GPtrArray *deals;
  GPtrArray *keys;
} ListRead;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDealList, crm_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STAGE_ID,
  PROP_N_ITEMS,
  PROP_TOTAL_LABEL,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void crm_deal_list_request_count (CrmDealList *self);
static void crm_deal_list_reload_totals (CrmDealList *self);
static void crm_deal_list_schedule_fetch (CrmDealList *self);

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_clear_object (&slot->deal);
  g_clear_pointer (&slot->key, g_free);
}

static void
list_read_free (gpointer data)
{
  ListRead *read = data;

  g_weak_ref_clear (&read->list);
  g_free (read->key);
  g_clear_pointer (&read->totals, g_array_unref);
  g_clear_pointer (&read->deals, g_ptr_array_unref);
  g_clear_pointer (&read->keys, g_ptr_array_unref);
  g_free (read);
}

static ListRead *
list_read_new (CrmDealList *self)
{
  ListRead *read = g_new0 (ListRead, 1);

  g_weak_ref_init (&read->list, self);
  read->stage_id = self->stage_id;
  read->generation = self->generation;
  read->deals = g_ptr_array_new_with_free_func (g_object_unref);
  read->keys = g_ptr_array_new_with_free_func (g_free);

  return read;
}

/* On the worker thread: touches only @data. */
static gboolean
list_read_run (CrmDb     *db,
               gpointer   data,
               GError   **error)
{
  ListRead *read = data;

  if (read->count)
    {
      read->totals = g_array_new (FALSE, FALSE, sizeof (CrmStageTotal));
      if (!_crm_store_read_stage_totals (db, read->stage_id, read->totals, error))
        return FALSE;
    }

  if (read->limit == 0)
    return TRUE;

  return _crm_store_read_stage_rows (db, read->stage_id, read->key, read->key_id, read->backwards,
                                     read->skip, read->limit, read->deals, read->keys, error);
}

static void
crm_deal_list_set_loading (CrmDealList *self,
                           gboolean     was_loading)
{
  if (was_loading != crm_deal_list_is_loading (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

/* Totals: the column header's sum per currency. */

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const CrmStageTotal *ta = a, *tb = b;

  if (ta->n_deals != tb->n_deals)
    return ta->n_deals > tb->n_deals ? -1 : 1;

  return strcmp (ta->currency, tb->currency);
}

static void
crm_deal_list_update_total_label (CrmDealList *self)
{
  g_autoptr(GString) label = g_string_new (NULL);

  /* The biggest share first: shekels before the odd dollar deal. */
  g_array_sort (self->totals, compare_totals);
  for (guint i = 0; i < self->totals->len; i++)
    {
      const CrmStageTotal *total = &g_array_index (self->totals, CrmStageTotal, i);
      g_autofree char *amount = crm_format_amount (total->amount, total->currency);

      if (label->len > 0)
        g_string_append (label, " + ");
      g_string_append (label, amount);
    }

  if (g_strcmp0 (label->str, self->total_label) != 0)
    {
      g_free (self->total_label);
      self->total_label = g_string_free (g_steal_pointer (&label), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_LABEL]);
    }
}

/* A deal came (@sign 1) or went (-1): its amount joins or leaves its
 * currency's total, with no query. */
static void
crm_deal_list_add_to_totals (CrmDealList *self,
                             CrmDeal     *deal,
                             int          sign)
{
  const char *currency = crm_deal_get_currency (deal);
  CrmStageTotal *found = NULL;
  guint i;

  for (i = 0; i < self->totals->len; i++)
    {
      found = &g_array_index (self->totals, CrmStageTotal, i);
      if (g_strcmp0 (found->currency, currency) == 0)
        break;
      found = NULL;
    }

  if (found == NULL)
    {
      CrmStageTotal total = { { 0 }, 0, 0 };

      if (sign < 0)
        return;
      g_strlcpy (total.currency, currency ? currency : "", sizeof total.currency);
      g_array_append_val (self->totals, total);
      found = &g_array_index (self->totals, CrmStageTotal, self->totals->len - 1);
      i = self->totals->len - 1;
    }

  found->n_deals += sign;
  found->amount += sign * crm_deal_get_amount (deal);
  if (found->n_deals == 0)
    g_array_remove_index (self->totals, i);
}

/* The window of slots. */

static Slot *
window_slot (CrmDealList *self,
             guint        position)
{
  if (position < self->window_start || position >= self->window_start + self->window->len)
    return NULL;

  return &g_array_index (self->window, Slot, position - self->window_start);
}

static void
crm_deal_list_clear_window (CrmDealList *self,
                            guint        start)
{
  g_array_set_size (self->window, 0);
  self->window_start = start;
}

/* Makes @position a slot of the window, and lets go of the slots farthest
 * from it once the window is full. */
static Slot *
crm_deal_list_ensure_slot (CrmDealList *self,
                           guint        position)
{
  guint end = self->window_start + self->window->len;

  if (self->window->len == 0 ||
      (position < self->window_start && self->window_start - position > WINDOW_SIZE) ||
      (position >= end && position - end >= WINDOW_SIZE))
    {
      crm_deal_list_clear_window (self, position);
      g_array_set_size (self->window, 1);
      return window_slot (self, position);
    }

  if (position < self->window_start)
    {
      guint n = self->window_start - position;

      g_array_set_size (self->window, self->window->len + n);
      memmove (self->window->data + n * sizeof (Slot), self->window->data,
               (self->window->len - n) * sizeof (Slot));
      memset (self->window->data, 0, n * sizeof (Slot));
      self->window_start = position;
    }
  else if (position >= end)
    g_array_set_size (self->window, position + 1 - self->window_start);

  if (self->window->len > WINDOW_SIZE)
    {
      guint excess = self->window->len - WINDOW_SIZE;
      guint from_start = position - self->window_start;

      /* Nearer the end: the start is farthest, and goes. */
      if (from_start >= self->window->len - 1 - from_start)
        {
          g_array_remove_range (self->window, 0, excess);
          self->window_start += excess;
        }
      else
        g_array_set_size (self->window, WINDOW_SIZE);
    }

  return window_slot (self, position);
}

static guint
crm_deal_list_count_loaded (CrmDealList *self)
{
  guint n = 0;

  for (guint i = 0; i < self->window->len; i++)
    n += g_array_index (self->window, Slot, i).key != NULL;

  return n;
}

/* Reading rows. */

static void crm_deal_list_read_done_cb (GObject      *object,
                                        GAsyncResult *result,
                                        gpointer      user_data);

static void
crm_deal_list_push_read (CrmDealList *self,
                         ListRead    *read)
{
  gboolean was_loading = crm_deal_list_is_loading (self);

  self->n_reads++;
  _crm_store_read_async (self->store, list_read_run, read, list_read_free,
                         crm_deal_list_read_done_cb, NULL);
  crm_deal_list_set_loading (self, was_loading);
}

/* Which neighbour a read of [start, end) seeks from: the row just above,
 * the row just below, or (after a jump, nothing read near) a position
 * from the nearer end of the stage, found on the index alone. */
static void
crm_deal_list_place_read (CrmDealList *self,
                          ListRead    *read,
                          guint        start,
                          guint        end)
{
  Slot *above = start > 0 ? window_slot (self, start - 1) : NULL;
  Slot *below = window_slot (self, end);

  read->start = start;
  read->limit = end - start;

  if (above != NULL && above->key != NULL)
    {
      read->key = g_strdup (above->key);
      read->key_id = crm_deal_get_id (above->deal);
    }
  else if (below != NULL && below->key != NULL)
    {
      read->key = g_strdup (below->key);
      read->key_id = crm_deal_get_id (below->deal);
      read->backwards = TRUE;
    }
  else if (start <= self->n_items - end)
    read->skip = start;
  else
    {
      read->backwards = TRUE;
      read->skip = self->n_items - end;
    }
}

static gboolean
slot_wants_read (CrmDealList *self,
                 guint        position)
{
  Slot *slot = window_slot (self, position);

  return slot == NULL || (slot->key == NULL && slot->request == 0);
}

/* Widens a run of asked-for slots to whole pages around it, so scrolling
 * a row or two at a time reads a page ahead, not a row per frame. The run
 * only grows into slots that need a read, and the window only grows while
 * it is not full (growing a full window would evict the run itself). */
static void
crm_deal_list_widen_run (CrmDealList *self,
                         guint       *start,
                         guint       *end)
{
  guint page_start = *start - *start % FIRST_READ;
  guint page_end = MIN (self->n_items, *end + (FIRST_READ - *end % FIRST_READ) % FIRST_READ);

  while (*start > page_start && slot_wants_read (self, *start - 1) &&
         (*start - 1 >= self->window_start || self->window->len < WINDOW_SIZE))
    {
      crm_deal_list_ensure_slot (self, *start - 1);
      (*start)--;
    }

  while (*end < page_end && *end - *start < MAX_READ && slot_wants_read (self, *end) &&
         (*end < self->window_start + self->window->len || self->window->len < WINDOW_SIZE))
    {
      crm_deal_list_ensure_slot (self, *end);
      (*end)++;
    }
}

static void
crm_deal_list_read_run (CrmDealList *self,
                        guint        start,
                        guint        end)
{
  ListRead *read = list_read_new (self);

  crm_deal_list_widen_run (self, &start, &end);
  read->request = ++self->last_request;
  crm_deal_list_place_read (self, read, start, end);
  for (guint p = start; p < end; p++)
    window_slot (self, p)->request = read->request;
  crm_deal_list_push_read (self, read);
}

/* Asks for every blank slot that was handed out and is not being read,
 * in runs of neighbours: one read per run. */
static gboolean
fetch_missing_cb (gpointer data)
{
  CrmDealList *self = data;
  gboolean was_loading = crm_deal_list_is_loading (self);
  guint i = 0;

  self->fetch_source = 0;

  while (self->store != NULL && self->counted && i < self->window->len)
    {
      Slot *slot = &g_array_index (self->window, Slot, i);
      guint run_start = i;
      guint window_start = self->window_start;

      if (slot->deal == NULL || slot->key != NULL || slot->request != 0)
        {
          i++;
          continue;
        }

      while (i < self->window->len && i - run_start < MAX_READ &&
             slot_wants_read (self, self->window_start + i))
        i++;

      crm_deal_list_read_run (self, window_start + run_start, window_start + i);
      /* Widening may have grown the window at its start. */
      i += self->window_start < window_start ? window_start - self->window_start : 0;
    }

  crm_deal_list_set_loading (self, was_loading);
  return G_SOURCE_REMOVE;
}

/* Once per main-loop turn: the list view asks for a screenful of
 * positions in one layout, and they become one read. */
static void
crm_deal_list_schedule_fetch (CrmDealList *self)
{
  gboolean was_loading = crm_deal_list_is_loading (self);

  if (self->fetch_source == 0)
    self->fetch_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fetch_missing_cb, self, NULL);
  crm_deal_list_set_loading (self, was_loading);
}

static void
crm_deal_list_fill (CrmDealList *self,
                    ListRead    *read)
{
  for (guint i = 0; i < read->deals->len; i++)
    {
      Slot *slot = window_slot (self, read->start + i);
      CrmDeal *deal = g_ptr_array_index (read->deals, i);

      if (slot == NULL || slot->request != read->request)
        continue;

      slot->request = 0;
      g_free (slot->key);
      slot->key = g_strdup (g_ptr_array_index (read->keys, i));
      if (slot->deal != NULL)
        crm_deal_update_from (slot->deal, deal);
      else
        slot->deal = g_object_ref (deal);
    }
}

/* Positions moved while the read was on its way: what it brings may sit
 * elsewhere now, so its slots are asked for again. */
static void
crm_deal_list_forget_read (CrmDealList *self,
                           ListRead    *read)
{
  for (guint i = 0; i < self->window->len; i++)
    {
      Slot *slot = &g_array_index (self->window, Slot, i);

      if (slot->request == read->request)
        slot->request = 0;
    }

  crm_deal_list_schedule_fetch (self);
}

static void
crm_deal_list_apply_count (CrmDealList *self,
                           ListRead    *read)
{
  guint old_n_items = self->n_items;
  guint n_items = 0;

  g_array_set_size (self->totals, 0);
  g_array_append_vals (self->totals, read->totals->data, read->totals->len);
  for (guint i = 0; i < self->totals->len; i++)
    n_items += g_array_index (self->totals, CrmStageTotal, i).n_deals;

  self->counted = TRUE;
  crm_deal_list_clear_window (self, 0);

  /* Everything goes, then everything comes, in two signals: GTK 4.8 looks
   * through all the rows one signal adds for the widgets it removed, which
   * would ask for every deal of the stage. */
  if (old_n_items > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
    }

  self->n_items = n_items;
  g_array_set_size (self->window, MIN (n_items, read->deals->len));
  for (guint i = 0; i < self->window->len; i++)
    g_array_index (self->window, Slot, i).request = read->request;
  crm_deal_list_fill (self, read);

  crm_deal_list_update_total_label (self);
  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n_items);
  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/* The totals counted again: taken if the stage still has the deals the
 * list has, a reload otherwise (a write went around the store). */
static void
crm_deal_list_apply_totals (CrmDealList *self,
                            ListRead    *read)
{
  guint n_items = 0;

  for (guint i = 0; i < read->totals->len; i++)
    n_items += g_array_index (read->totals, CrmStageTotal, i).n_deals;

  if (n_items != self->n_items)
    {
      crm_deal_list_reload (self);
      return;
    }

  g_array_set_size (self->totals, 0);
  g_array_append_vals (self->totals, read->totals->data, read->totals->len);
  crm_deal_list_update_total_label (self);
}

static void
crm_deal_list_read_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDealList) self = NULL;
  ListRead *read = NULL;
  gboolean was_loading;

  _crm_store_read_finish (result, (gpointer *)&read, &error);
  self = g_weak_ref_get (&read->list);
  if (self == NULL)
    return;

  was_loading = crm_deal_list_is_loading (self);
  self->n_reads--;
  if (read->totals_only)
    self->totals_pending = FALSE;
  else if (read->count)
    self->count_pending = FALSE;

  if (g_error_matches (error, CRM_DB_ERROR, CRM_DB_ERROR_OFFLINE))
    {
      /* The server is out of reach: the column keeps what it shows, and
       * reads again when the store is back. */
      if (self->store != NULL)
        _crm_store_go_offline (self->store, error);
    }
  else if (error != NULL)
    g_critical ("Cannot read the deals of stage %" G_GINT64_FORMAT ": %s", self->stage_id, error->message);
  else if (self->store == NULL)
    ;
  else if (read->generation != self->generation)
    {
      if (read->totals_only)
        crm_deal_list_reload_totals (self);
      else if (read->count)
        crm_deal_list_request_count (self);
      else
        crm_deal_list_forget_read (self, read);
    }
  else if (read->totals_only)
    crm_deal_list_apply_totals (self, read);
  else if (read->count)
    crm_deal_list_apply_count (self, read);
  else
    crm_deal_list_fill (self, read);

  crm_deal_list_set_loading (self, was_loading);
}

/* Asks for the count and totals: with the first rows for the first frame
 * (the list keeps its length until they come), or alone when a deal left
 * without the list knowing its amount. */
static void
crm_deal_list_request_totals (CrmDealList *self,
                              gboolean     with_rows)
{
  ListRead *read;

  if (self->store == NULL || (with_rows ? self->count_pending : self->totals_pending))
    return;

  read = list_read_new (self);
  read->count = TRUE;
  read->totals_only = !with_rows;
  if (with_rows)
    {
      read->request = ++self->last_request;
      read->limit = FIRST_READ;
      self->count_pending = TRUE;
    }
  else
    self->totals_pending = TRUE;
  crm_deal_list_push_read (self, read);
}

static void
crm_deal_list_request_count (CrmDealList *self)
{
  crm_deal_list_request_totals (self, TRUE);
}

static void
crm_deal_list_reload_totals (CrmDealList *self)
{
  crm_deal_list_request_totals (self, FALSE);
}

/* GListModel */

static GType
crm_deal_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_DEAL;
}

static guint
crm_deal_list_get_n_items (GListModel *model)
{
  return CRM_DEAL_LIST (model)->n_items;
}

static gpointer
crm_deal_list_get_item (GListModel *model,
                        guint       position)
{
  CrmDealList *self = CRM_DEAL_LIST (model);
  Slot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = crm_deal_list_ensure_slot (self, position);
  if (slot->deal == NULL)
    {
      /* A blank deal of this stage until its row is read. */
      slot->deal = crm_deal_new ();
      crm_deal_set_stage_id (slot->deal, self->stage_id);
      if (slot->request == 0)
        crm_deal_list_schedule_fetch (self);
    }

  return g_object_ref (slot->deal);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_deal_list_get_item_type;
  iface->get_n_items = crm_deal_list_get_n_items;
  iface->get_item = crm_deal_list_get_item;
}

/* GObject */

static void
crm_deal_list_finalize (GObject *object)
{
  CrmDealList *self = (CrmDealList *)object;

  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->window, g_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);
  g_clear_pointer (&self->total_label, g_free);

  G_OBJECT_CLASS (crm_deal_list_parent_class)->finalize (object);
}

static void
crm_deal_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmDealList *self = CRM_DEAL_LIST (object);

  switch (prop_id)
    {
    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_TOTAL_LABEL:
      g_value_set_string (value, self->total_label);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, crm_deal_list_is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_list_class_init (CrmDealListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_deal_list_finalize;
  object_class->get_property = crm_deal_list_get_property;

  properties [PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealList:n-items:
   *
   * The number of deals in the stage; the column header shows it.
   */
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealList:total-label:
   *
   * The stage's total amount, formatted per currency.
   */
  properties [PROP_TOTAL_LABEL] =
    g_param_spec_string ("total-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealList:loading:
   *
   * Whether the list is still counting its stage or reading rows that
   * were asked for; blank deals take their values as the rows come.
   */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_deal_list_init (CrmDealList *self)
{
  self->window = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_clear_func (self->window, slot_clear);
  self->totals = g_array_new (FALSE, TRUE, sizeof (CrmStageTotal));
  self->total_label = g_strdup ("");
}

CrmDealList *
_crm_deal_list_new (CrmStore *store,
                    gint64    stage_id)
{
  CrmDealList *self;

  self = g_object_new (CRM_TYPE_DEAL_LIST, NULL);
  self->stage_id = stage_id;
  g_set_weak_pointer (&self->store, store);
  crm_deal_list_request_count (self);

  return self;
}

/**
 * crm_deal_list_get_store:
 * @self: a #CrmDealList
 *
 * Returns: (transfer none) (nullable): the store the list reads from, or
 *   %NULL once the store is gone
 */
CrmStore *
crm_deal_list_get_store (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), NULL);

  return self->store;
}

gint64
crm_deal_list_get_stage_id (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), 0);

  return self->stage_id;
}

const char *
crm_deal_list_get_total_label (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), NULL);

  return self->total_label;
}

/**
 * crm_deal_list_get_n_cached:
 * @self: a #CrmDealList
 *
 * The number of deals the list holds read right now; the benchmark
 * reports it to show that a column never holds a whole stage.
 *
 * Returns: the number of cached deals
 */
guint
crm_deal_list_get_n_cached (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), 0);

  return crm_deal_list_count_loaded (self);
}

/**
 * crm_deal_list_is_loading:
 * @self: a #CrmDealList
 *
 * Returns: %TRUE while the list has reads on their way
 */
gboolean
crm_deal_list_is_loading (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), FALSE);

  return !self->counted || self->n_reads > 0 || self->fetch_source != 0;
}

/**
 * crm_deal_list_reload:
 * @self: a #CrmDealList
 *
 * Counts the stage again and reads its rows again, after writes that went
 * around the store; the list emits #GListModel::items-changed for the
 * whole list when the count comes.
 */
void
crm_deal_list_reload (CrmDealList *self)
{
  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  self->generation++;
  self->count_pending = FALSE;
  crm_deal_list_request_count (self);
}

/* Changes from the store, after a commit. */

/**
 * _crm_deal_list_find:
 * @self: a #CrmDealList
 * @deal_id: a deal
 * @position: (out) (optional): where the deal is
 *
 * Looks for a deal among the rows the list holds read, with no query.
 *
 * Returns: (transfer none) (nullable): the list's copy of the deal
 */
CrmDeal *
_crm_deal_list_find (CrmDealList *self,
                     gint64       deal_id,
                     guint       *position)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), NULL);

  for (guint i = 0; i < self->window->len; i++)
    {
      Slot *slot = &g_array_index (self->window, Slot, i);

      if (slot->key != NULL && crm_deal_get_id (slot->deal) == deal_id)
        {
          if (position != NULL)
            *position = self->window_start + i;
          return slot->deal;
        }
    }

  return NULL;
}

/* Whether (key_a, id_a) comes before (key_b, id_b) in the list: the
 * most recently touched first, the newer id first on ties. */
static gboolean
sorts_before (const char *key_a,
              gint64      id_a,
              const char *key_b,
              gint64      id_b)
{
  int cmp = strcmp (key_a, key_b);

  return cmp > 0 || (cmp == 0 && id_a > id_b);
}

/**
 * _crm_deal_list_locate:
 * @self: a #CrmDealList
 * @key: a sort key (updated_at as stored)
 * @deal_id: the deal's id
 * @position: (out): where a deal with that key goes
 *
 * Finds where a deal goes from the rows the list holds read: between two
 * read neighbours, or at either end of the stage.
 *
 * Returns: %TRUE if the rows held tell; the store counts otherwise
 */
gboolean
_crm_deal_list_locate (CrmDealList *self,
                       const char  *key,
                       gint64       deal_id,
                       guint       *position)
{
  Slot *prev = NULL;

  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), FALSE);

  if (self->n_items == 0)
    {
      *position = 0;
      return self->counted;
    }

  for (guint i = 0; i < self->window->len; i++)
    {
      Slot *slot = &g_array_index (self->window, Slot, i);
      guint here = self->window_start + i;

      if (slot->key == NULL)
        {
          prev = NULL;
          continue;
        }

      if (sorts_before (key, deal_id, slot->key, crm_deal_get_id (slot->deal)))
        {
          if (here == 0 || prev != NULL)
            {
              *position = here;
              return TRUE;
            }
          return FALSE;
        }

      prev = slot;
    }

  /* After the last row of the stage. */
  if (prev != NULL && self->window_start + self->window->len == self->n_items)
    {
      *position = self->n_items;
      return TRUE;
    }

  return FALSE;
}

/**
 * _crm_deal_list_remove:
 * @self: a #CrmDealList
 * @position: where the deal was
 * @deal: (nullable): the list's copy of it, before the change
 *
 * A deal left the list. Its amount leaves the totals; without its copy
 * the list counts its totals again on the worker.
 */
void
_crm_deal_list_remove (CrmDealList *self,
                       guint        position,
                       CrmDeal     *deal)
{
  Slot *slot;

  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  if (!self->counted || position >= self->n_items)
    {
      crm_deal_list_reload (self);
      return;
    }

  self->generation++;
  if ((slot = window_slot (self, position)) != NULL)
    g_array_remove_index (self->window, position - self->window_start);
  else if (position < self->window_start)
    self->window_start--;
  self->n_items--;

  if (deal != NULL)
    crm_deal_list_add_to_totals (self, deal, -1);
  else
    crm_deal_list_reload_totals (self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  crm_deal_list_update_total_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * _crm_deal_list_insert:
 * @self: a #CrmDealList
 * @position: where the deal goes
 * @deal: the deal as committed
 * @key: its sort key
 *
 * A deal entered the list, as @deal: the list keeps that object, so a
 * card moved from another column keeps its object.
 */
void
_crm_deal_list_insert (CrmDealList *self,
                       guint        position,
                       CrmDeal     *deal,
                       const char  *key)
{
  g_return_if_fail (CRM_IS_DEAL_LIST (self));
  g_return_if_fail (CRM_IS_DEAL (deal));

  if (!self->counted || position > self->n_items)
    {
      crm_deal_list_reload (self);
      return;
    }

  self->generation++;
  if (position >= self->window_start && position <= self->window_start + self->window->len)
    {
      Slot slot = { g_object_ref (deal), g_strdup (key), 0 };

      g_array_insert_val (self->window, position - self->window_start, slot);
    }
  else if (position < self->window_start)
    self->window_start++;
  self->n_items++;

  crm_deal_list_add_to_totals (self, deal, 1);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  crm_deal_list_update_total_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * _crm_deal_list_update:
 * @self: a #CrmDealList
 * @deal: the list's copy of a deal, from _crm_deal_list_find()
 * @fresh: the deal as committed
 *
 * A deal changed where it stands (a task added or closed): the copy takes
 * the committed values, the totals their difference.
 */
void
_crm_deal_list_update (CrmDealList *self,
                       CrmDeal     *deal,
                       CrmDeal     *fresh)
{
  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  crm_deal_list_add_to_totals (self, deal, -1);
  crm_deal_update_from (deal, fresh);
  crm_deal_list_add_to_totals (self, deal, 1);
  crm_deal_list_update_total_label (self);
}
