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
 *
 * The cache is a slot per position (NULL until loaded), kept in step with
 * the database by the store: a move removes one slot here and inserts one
 * there, so the list view keeps every other card's widget as it is. */
#define PAGE_SIZE 50
#define MAX_CACHED 2000

struct _CrmDealList
{
  GObject     parent_instance;

  CrmStore   *store;      /* weak: the store owns the lists' lifetime */
  gint64      stage_id;
  guint       n_items;
  char       *total_label;

  /* position → CrmDeal or NULL while not loaded */
  GPtrArray  *slots;
  guint       n_cached;
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

/* Slots that were never loaded are NULL. */
static void
unref_if_loaded (gpointer deal)
{
  if (deal != NULL)
    g_object_unref (deal);
}

static void
crm_deal_list_drop_cache (CrmDealList *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    g_clear_object (&g_ptr_array_index (self->slots, i));

  self->n_cached = 0;
}

static void
crm_deal_list_load_page (CrmDealList *self,
                         guint        position)
{
  g_autoptr(GPtrArray) deals = NULL;
  g_autoptr(GError) error = NULL;
  guint offset = position - position % PAGE_SIZE;

  if (self->store == NULL)
    return;

  /* Objects the list view shows stay alive in its rows; dropping ours only
   * means those positions are read again when they are asked for. */
  if (self->n_cached >= MAX_CACHED)
    crm_deal_list_drop_cache (self);

  deals = g_ptr_array_new_with_free_func (g_object_unref);
  if (!_crm_store_fetch_stage_page (self->store, self->stage_id,
                                    offset, PAGE_SIZE, deals, &error))
    {
      g_critical ("Cannot load deals of stage %" G_GINT64_FORMAT ": %s",
                  self->stage_id, error->message);
      return;
    }

  for (guint i = 0; i < deals->len && offset + i < self->slots->len; i++)
    {
      gpointer *slot = &g_ptr_array_index (self->slots, offset + i);

      if (*slot == NULL)
        {
          *slot = g_object_ref (g_ptr_array_index (deals, i));
          self->n_cached++;
        }
    }
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
  gpointer deal;

  if (position >= self->n_items)
    return NULL;

  if (g_ptr_array_index (self->slots, position) == NULL)
    crm_deal_list_load_page (self, position);

  deal = g_ptr_array_index (self->slots, position);
  return deal ? g_object_ref (deal) : NULL;
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
  g_clear_pointer (&self->slots, g_ptr_array_unref);
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
  self->slots = g_ptr_array_new_with_free_func (unref_if_loaded);
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
 * The number of deal objects the list holds in memory right now; the
 * benchmark reports it to show that a column never loads a whole stage.
 *
 * Returns: the number of cached deals
 */
guint
crm_deal_list_get_n_cached (CrmDealList *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), 0);

  return self->n_cached;
}

/**
 * crm_deal_list_reload:
 * @self: a #CrmDealList
 *
 * Drops the cached pages and reads the stage's count and total again,
 * emitting #GListModel::items-changed for the whole list.
 */
static gboolean
crm_deal_list_update_summary (CrmDealList *self,
                              guint       *n_items)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *total_label = NULL;

  if (!_crm_store_fetch_stage_summary (self->store, self->stage_id,
                                       n_items, &total_label, &error))
    {
      g_critical ("Cannot count deals of stage %" G_GINT64_FORMAT ": %s",
                  self->stage_id, error->message);
      return FALSE;
    }

  if (g_strcmp0 (total_label, self->total_label) != 0)
    {
      g_free (self->total_label);
      self->total_label = g_steal_pointer (&total_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL_LABEL]);
    }

  return TRUE;
}

void
crm_deal_list_reload (CrmDealList *self)
{
  guint old_n_items;
  guint n_items = 0;

  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  if (self->store == NULL || !crm_deal_list_update_summary (self, &n_items))
    return;

  old_n_items = self->n_items;
  crm_deal_list_drop_cache (self);
  g_ptr_array_set_size (self->slots, n_items);
  self->n_items = n_items;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);

  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * _crm_deal_list_changed_at:
 * @self: a #CrmDealList
 * @removed: (nullable): where a deal left the list, or %NULL
 * @added: (nullable): where a deal entered the list, or %NULL
 *
 * Applies one committed change to the cached slots: the store computes
 * the positions from the deal's sort key, so only that row changes in the
 * view. The count and total are read again.
 */
void
_crm_deal_list_changed_at (CrmDealList *self,
                           const guint *removed,
                           const guint *added)
{
  guint n_items = 0;

  g_return_if_fail (CRM_IS_DEAL_LIST (self));

  if (self->store == NULL || !crm_deal_list_update_summary (self, &n_items))
    return;

  /* Out of step (a write that went around the store): start over. */
  if (n_items != self->n_items - (removed ? 1 : 0) + (added ? 1 : 0) ||
      (removed && *removed >= self->n_items) ||
      (added && *added > self->n_items - (removed ? 1 : 0)))
    {
      crm_deal_list_reload (self);
      return;
    }

  if (removed != NULL)
    {
      if (g_ptr_array_index (self->slots, *removed) != NULL)
        self->n_cached--;
      g_ptr_array_remove_index (self->slots, *removed);
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), *removed, 1, 0);
    }

  if (added != NULL)
    {
      g_ptr_array_insert (self->slots, *added, NULL);
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), *added, 0, 1);
    }

  if ((removed != NULL) != (added != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * _crm_deal_list_lookup:
 * @self: a #CrmDealList
 * @deal_id: a deal
 *
 * Returns: (transfer none) (nullable): the list's loaded copy of the deal
 */
CrmDeal *
_crm_deal_list_lookup (CrmDealList *self,
                       gint64       deal_id)
{
  g_return_val_if_fail (CRM_IS_DEAL_LIST (self), NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      CrmDeal *deal = g_ptr_array_index (self->slots, i);

      if (deal != NULL && crm_deal_get_id (deal) == deal_id)
        return deal;
    }

  return NULL;
}
