/* crm-store-private.h
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

#include "crm-store.h"

G_BEGIN_DECLS

/* Used by CrmDealList, which pages a stage's deals out of the store. */
gboolean _crm_store_fetch_stage_page    (CrmStore   *self,
                                         gint64      stage_id,
                                         guint       offset,
                                         guint       limit,
                                         GPtrArray  *deals,
                                         GError    **error);
gboolean _crm_store_fetch_stage_summary (CrmStore   *self,
                                         gint64      stage_id,
                                         guint      *n_deals,
                                         char      **total_label,
                                         GError    **error);

/* Shared with crm-store-rules.c, the procedure engine's half of the store. */
char       *_crm_store_format_timestamp  (GDateTime   *when);
const char *_crm_store_stage_key         (CrmStore    *self,
                                          gint64       stage_id);
const char *_crm_store_get_region        (CrmStore    *self);
gboolean    _crm_store_add_audit         (CrmStore    *self,
                                          const char  *action,
                                          const char  *entity,
                                          gint64       entity_id,
                                          const char  *old_value,
                                          const char  *new_value,
                                          const char  *at,
                                          GError     **error);
void        _crm_store_relocate_in_lists (CrmStore    *self,
                                          gint64       deal_id,
                                          gint64       old_stage_id,
                                          const char  *old_updated_at,
                                          gint64       new_stage_id,
                                          const char  *new_updated_at);
gboolean    _crm_store_write_fields      (CrmStore    *self,
                                          gint64       deal_id,
                                          GHashTable  *fields,
                                          GError     **error);
void        _crm_store_emit_deal_changed (CrmStore    *self,
                                          gint64       deal_id);
gboolean    _crm_store_enter_stage_checked (CrmStore  *self,
                                            gint64     deal_id,
                                            gint64     stage_id,
                                            gboolean   opened,
                                            GDateTime *now,
                                            gint64    *final_stage_id,
                                            GError   **error);

/* Tests lower it to check large files the way the store does: afterwards. */
void     _crm_store_set_sync_check_limit (goffset     limit);

G_END_DECLS
