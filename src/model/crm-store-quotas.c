/* crm-store-quotas.c
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

#define G_LOG_DOMAIN "crm-store-quotas"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-store-private.h"
#include "crm-user.h"

/* The daily quotas of outgoing contacts (RAD-4, TW-9): the head of sales
 * sets one per rep, and the day's count is read from the activities. */

/**
 * crm_store_set_quota:
 * @self: a #CrmStore
 * @user_id: a rep
 * @per_day: outgoing contacts a day
 * @error: return location for a #GError
 *
 * RAD-4, TW-9: only the head of sales sets quotas; the model checks the
 * current user's role, so no view can let a rep do it.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_store_set_quota (CrmStore  *self,
                     gint64     user_id,
                     guint      per_day,
                     GError   **error)
{
  CrmUser *me;
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *value = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!_crm_store_require_manager (self, _("Only a sales manager can set quotas."), error))
    return FALSE;

  me = crm_store_get_current_user (self);
  now_text = _crm_store_now_text (self);
  value = g_strdup_printf ("%u", per_day);

  if (!_crm_store_begin (self, error))
    return FALSE;

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "INSERT INTO quotas (user_id, per_day, set_by, set_at) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (user_id) DO UPDATE SET per_day = excluded.per_day, "
                         "set_by = excluded.set_by, set_at = excluded.set_at",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_statement_bind_int64 (stmt, 1, user_id);
      crm_statement_bind_int64 (stmt, 2, per_day);
      crm_statement_bind_int64 (stmt, 3, crm_user_get_id (me));
      crm_statement_bind_text (stmt, 4, now_text);
      ok = crm_statement_run (stmt, error);
    }

  return _crm_store_commit_or_rollback (self,
                             ok && _crm_store_add_audit (self, "quota", "user", user_id, NULL, value, now_text, error),
                             error);
}

guint
crm_store_get_quota (CrmStore *self,
                     gint64    user_id)
{
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_db_prepare (_crm_store_get_db (self), "SELECT per_day FROM quotas WHERE user_id = ?1", NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, user_id);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}

/**
 * crm_store_count_outgoing_today:
 * @self: a #CrmStore
 * @user_id: a rep
 *
 * RAD-4: outgoing contacts (first and follow-up calls, letters) the rep
 * logged today, local time.
 *
 * Returns: the count
 */
guint
crm_store_count_outgoing_today (CrmStore *self,
                                gint64    user_id)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;
  g_autoptr(CrmStatement) stmt = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  now = crm_store_now (self);
  local = g_date_time_to_local (now);
  start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  start_text = _crm_store_format_timestamp (start);

  stmt = crm_db_prepare (_crm_store_get_db (self),
                         "SELECT count (*) FROM activities WHERE user_id = ?1 AND at >= ?2 "
                         "AND kind IN ('call', 'email', 'document')",
                         NULL);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_int64 (stmt, 1, user_id);
  crm_statement_bind_text (stmt, 2, start_text);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return (guint)crm_statement_get_int64 (stmt, 0);
}
