/* crm-store-copy.h
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

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* The largest value a copied row may hold: a quote's stored PDF, the
 * largest thing Deals keeps. */
#define CRM_STORE_COPY_MAX_VALUE  (64 * 1024 * 1024)
/* More tables than this in a schema is not one of Deals'. */
#define CRM_STORE_COPY_MAX_TABLES 256

#define CRM_STORE_COPY_ERROR (crm_store_copy_error_quark ())

/**
 * CrmStoreCopyError:
 * @CRM_STORE_COPY_ERROR_SOURCE: the store to copy is not a file
 * @CRM_STORE_COPY_ERROR_NOT_EMPTY: the server's database already holds rows
 * @CRM_STORE_COPY_ERROR_SCHEMA: the two schemas differ (version or tables)
 * @CRM_STORE_COPY_ERROR_TOO_LARGE: a value is larger than the copy reads
 * @CRM_STORE_COPY_ERROR_MISMATCH: a table's rows differ in number after the copy
 *
 * Why a copy to a team server was refused or undone.
 */
typedef enum
{
  CRM_STORE_COPY_ERROR_SOURCE,
  CRM_STORE_COPY_ERROR_NOT_EMPTY,
  CRM_STORE_COPY_ERROR_SCHEMA,
  CRM_STORE_COPY_ERROR_TOO_LARGE,
  CRM_STORE_COPY_ERROR_MISMATCH,
} CrmStoreCopyError;

/**
 * CrmStoreCopyCount:
 * @table: the table's name
 * @source_rows: its rows in the file
 * @target_rows: its rows on the server, counted inside the copy's transaction
 *
 * One line of a copy's verification.
 */
typedef struct
{
  char   *table;
  gint64  source_rows;
  gint64  target_rows;
} CrmStoreCopyCount;

GQuark        crm_store_copy_error_quark     (void);
gboolean      crm_store_copy_to_server       (CrmStore      *self,
                                              const char    *uri,
                                              GPtrArray    **out_counts,
                                              GError       **error);

G_END_DECLS
