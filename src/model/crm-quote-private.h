/* crm-quote-private.h
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

#include "crm-quote.h"

G_BEGIN_DECLS

/* Shared by the files of the quote; nothing outside them includes this. */

/* The one rounding rule of quote money (docs/decisions.md, "Quotes:
 * money"): @numerator / @denominator rounded half away from zero, in
 * 128 bits so that no product of a quantity, a price and a discount can
 * wrap. FALSE when the result does not fit a gint64. */
gboolean _crm_quote_round_div  (__int128  numerator,
                                __int128  denominator,
                                gint64   *out_result);
gboolean _crm_quote_fits       (__int128  value,
                                gint64   *out_result);
gboolean _crm_quote_too_large  (GError  **error);

/* g_set_str() of GLib 2.76, which Debian 12 does not have yet. */
gboolean _crm_quote_set_string (char      **field,
                                const char *value);

G_END_DECLS
