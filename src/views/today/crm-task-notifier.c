/* crm-task-notifier.c
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

#define G_LOG_DOMAIN "crm-task-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-agenda-item.h"
#include "crm-store.h"
#include "crm-task-notifier.h"
#include "crm-user.h"

/* Tells the rep when one of their tasks comes due while Deals runs
 * (RAD-6: no overdue tasks). Once a minute it reads the current user's
 * agenda by the store's clock and emits CrmTaskNotifier::task-due for each
 * task whose due time passed since the previous look; the application
 * turns that into a desktop notification. Tasks already overdue when the
 * notifier starts are on the Today page and its badge, not in a burst of
 * notifications. A task is announced once per due time: moved to a later
 * time, it is announced again when that comes. */

#define CHECK_INTERVAL_SECONDS 60

struct _CrmTaskNotifier
{
  GObject     parent_instance;

  CrmStore   *store;
  GDateTime  *last_check;
  /* task id → the due time (Unix seconds) it was announced for */
  GHashTable *announced;
  guint       check_source;
};

G_DEFINE_FINAL_TYPE (CrmTaskNotifier, crm_task_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TASK_DUE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static gboolean
check_timeout_cb (gpointer user_data)
{
  crm_task_notifier_check (CRM_TASK_NOTIFIER (user_data));

  return G_SOURCE_CONTINUE;
}

static void
crm_task_notifier_constructed (GObject *object)
{
  CrmTaskNotifier *self = (CrmTaskNotifier *)object;

  G_OBJECT_CLASS (crm_task_notifier_parent_class)->constructed (object);

  self->last_check = crm_store_now (self->store);
  self->check_source = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_timeout_cb, self);
}

static void
crm_task_notifier_dispose (GObject *object)
{
  CrmTaskNotifier *self = (CrmTaskNotifier *)object;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_task_notifier_parent_class)->dispose (object);
}

static void
crm_task_notifier_finalize (GObject *object)
{
  CrmTaskNotifier *self = (CrmTaskNotifier *)object;

  g_clear_pointer (&self->last_check, g_date_time_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);

  G_OBJECT_CLASS (crm_task_notifier_parent_class)->finalize (object);
}

static void
crm_task_notifier_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmTaskNotifier *self = CRM_TASK_NOTIFIER (object);

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
crm_task_notifier_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmTaskNotifier *self = CRM_TASK_NOTIFIER (object);

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
crm_task_notifier_class_init (CrmTaskNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_task_notifier_constructed;
  object_class->dispose = crm_task_notifier_dispose;
  object_class->finalize = crm_task_notifier_finalize;
  object_class->get_property = crm_task_notifier_get_property;
  object_class->set_property = crm_task_notifier_set_property;

  /**
   * CrmTaskNotifier:store:
   *
   * The store whose current user's tasks are watched.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmTaskNotifier::task-due:
   * @self: a #CrmTaskNotifier
   * @item: the #CrmAgendaItem of the task, with its deal and company
   *
   * Emitted once when a task of the current user comes due.
   */
  signals [TASK_DUE] =
    g_signal_new ("task-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CRM_TYPE_AGENDA_ITEM);
}

static void
crm_task_notifier_init (CrmTaskNotifier *self)
{
  self->announced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * crm_task_notifier_new:
 * @store: the store
 *
 * Creates a notifier that looks at the agenda once a minute, starting
 * from the store's present time.
 *
 * Returns: (transfer full): a new #CrmTaskNotifier
 */
CrmTaskNotifier *
crm_task_notifier_new (CrmStore *store)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return g_object_new (CRM_TYPE_TASK_NOTIFIER,
                       "store", store,
                       NULL);
}

/**
 * crm_task_notifier_get_store:
 * @self: a #CrmTaskNotifier
 *
 * Returns: (transfer none): the store
 */
CrmStore *
crm_task_notifier_get_store (CrmTaskNotifier *self)
{
  g_return_val_if_fail (CRM_IS_TASK_NOTIFIER (self), NULL);

  return self->store;
}

static gboolean
crm_task_notifier_take (CrmTaskNotifier *self,
                        gint64           task_id,
                        GDateTime       *due)
{
  gint64 *announced_due = g_hash_table_lookup (self->announced, &task_id);
  gint64 unix_due = g_date_time_to_unix (due);

  if (announced_due != NULL && *announced_due == unix_due)
    return FALSE;

  g_hash_table_insert (self->announced,
                       g_memdup2 (&task_id, sizeof task_id),
                       g_memdup2 (&unix_due, sizeof unix_due));
  return TRUE;
}

/**
 * crm_task_notifier_check:
 * @self: a #CrmTaskNotifier
 *
 * Looks at the agenda now, by the store's clock, and emits
 * #CrmTaskNotifier::task-due for each task that came due since the last
 * look. The notifier calls this once a minute; tests call it after moving
 * the clock.
 *
 * Returns: how many tasks came due
 */
guint
crm_task_notifier_check (CrmTaskNotifier *self)
{
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  CrmUser *user;

  g_return_val_if_fail (CRM_IS_TASK_NOTIFIER (self), 0);

  now = crm_store_now (self->store);
  user = crm_store_get_current_user (self->store);
  if (user != NULL)
    agenda = crm_store_get_agenda (self->store, crm_user_get_id (user), &error);
  if (error != NULL)
    g_warning ("Cannot read the agenda: %s", error->message);

  /* Collected first: a handler may well change the store. */
  due = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; agenda != NULL && i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(CrmAgendaItem) item = g_list_model_get_item (agenda, i);
      GDateTime *due_at = crm_agenda_item_get_due_at (item);

      if (crm_agenda_item_get_task_id (item) == 0 || due_at == NULL ||
          g_date_time_compare (due_at, now) > 0 ||
          g_date_time_compare (due_at, self->last_check) <= 0)
        continue;

      if (crm_task_notifier_take (self, crm_agenda_item_get_task_id (item), due_at))
        g_ptr_array_add (due, g_steal_pointer (&item));
    }

  g_clear_pointer (&self->last_check, g_date_time_unref);
  self->last_check = g_steal_pointer (&now);

  for (guint i = 0; i < due->len; i++)
    g_signal_emit (self, signals [TASK_DUE], 0, g_ptr_array_index (due, i));

  return due->len;
}
