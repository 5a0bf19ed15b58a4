/* crm-server-sign-in.h
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

int crm_server_sign_in_command_line (const char  *uri,
                                     gboolean     remember_password,
                                     char       **out_address);
int crm_server_copy_command_line    (CrmStore    *store,
                                     const char  *uri);

void      crm_server_sign_in_async  (const char           *uri,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
CrmStore *crm_server_sign_in_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
