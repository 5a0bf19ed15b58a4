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

#include <glib/gi18n.h>

#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-store-private.h"

/* A board column holds up to the whole table (100,000 deals in the
 * benchmark), so the list never loads a stage at once: it knows its length
 * from one COUNT and loads pages of deals as the list view asks for them.
 * Only a bounded number of pages is kept. */
#define PAGE_SIZE 50
#define MAX_CACHED_PAGES 40

struct _CrmDealList
{
  GObject     parent_instance;

  CrmStore   *store;      /* weak: the store owns the lists' lifetime */
  gint64      stage_id;
  guint       n_items;
  char       *total_label;

  /* page number → GPtrArray of CrmDeal */
  GHashTable *pages;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmDealList, crm_deal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STAGE_ID,
  PROP_N_ITEMS,
  PROP_TOTAL_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GPtrArray *
crm_deal_list_load_page (CrmDealList *self,
                         guint        page)
{
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cached;

  cached = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (cached != NULL)
    return cached;

  if (self->store == NULL)
    return NULL;

  if (g_hash_table_size (self->pages) >= MAX_CACHED_PAGES)
    g_hash_table_remove_all (self->pages);

  deals = g_ptr_array_new_with_free_func (g_object_unref);
  if (!_crm_store_fetch_stage_page (self->store, self->stage_id,
                                    page * PAGE_SIZE, PAGE_SIZE, deals, &error))
    {
      g_critical ("Cannot load deals of stage %" G_GINT64_FORMAT ": %s",
                  self->stage_id, error->message);
      return NULL;
    }

  cached = g_steal_pointer (&deals);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), cached);

  return cached;
}

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
  GPtrArray *page;
  guint index;

  if (position >= self->n_items)
    return NULL;

  page = crm_deal_list_load_page (self, position / PAGE_SIZE);
  index = position % PAGE_SIZE;
  if (page == NULL || index >= page->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page, index));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_deal_list_get_item_type;
  iface->get_n_items = crm_deal_list_get_n_items;
  iface->get_item = crm_deal_list_get_item;
}

static void
crm_deal_list_finalize (GObject *object)
{
  CrmDealList *self = (CrmDealList *)object;

  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_deal_list_init (CrmDealList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
}

CrmDealList *
_crm_deal_list_new (CrmStore *store,
                    gint64    stage_id)
{
  CrmDealList *self;

  self = g_object_new (CRM_TYPE_DEAL_LIST, NULL);
  self->stage_id = stage_id;
  g_set_weak_pointer (&self->store, store);
  crm_deal_list_reload (self);

  return self;
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
 * The number of deal objects the list holds in memory right now; the
 * benchmark reports it to show that a column never loads a whole stage.
 *
 * Returns: the number of cached deals
 */
guint
crm_deal_list_get_n_cached (CrmDealList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *)value)->len;

  return n;
}

/**
 * crm_deal_list_reload:
 * @self: a #CrmDealList
 *
 * Drops the cached pages and reads the stage's count and total again,
 * emitting #GListModel::items-changed for the whole list.
 */
void
crm_deal_list_reload (CrmDealList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *total_label = NULL;
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  if (self->store == NULL)
    return;

  if (!_crm_store_fetch_stage_summary (self->store, self->stage_id,
                                       &n_items, &total_label, &error))
    {
      g_critical ("Cannot count deals of stage %" G_GINT64_FORMAT ": %s",
                  self->stage_id, error->message);
      return;
    }

  old_n_items = self->n_items;
  self->n_items = n_items;
  g_hash_table_remove_all (self->pages);

  if (g_strcmp0 (total_label, self->total_label) != 0)
    {
      g_free (self->total_label);
      self->total_label = g_steal_pointer (&total_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_LABEL]);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}
