/* crm-limits.h
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

#include <glib.h>

G_BEGIN_DECLS

/*
 * How long a text may be, in characters (Unicode code points), whoever sends
 * it: the deal card, the command line, D-Bus, an imported list. The store
 * refuses longer text before any parsing, so no parser (libphonenumber, the
 * IDN conversion, SQLite) ever sees ten megabytes of phone number. The
 * numbers are documented in docs/engine.md, "Limits".
 */

/* E.164 has at most 15 digits; the rest is room for spaces, dashes,
 * parentheses and a "+". */
#define CRM_LIMIT_PHONE     64
/* RFC 5321: a forward path of at most 256 octets, less the angle brackets. */
#define CRM_LIMIT_EMAIL     254
/* A person's name. */
#define CRM_LIMIT_NAME      200
/* A PostgreSQL role name: NAMEDATALEN - 1 bytes. */
#define CRM_LIMIT_LOGIN     63
/* A company's name. */
#define CRM_LIMIT_COMPANY   200
/* A deal's title, which a lead's deal builds from a name and a company. */
#define CRM_LIMIT_TITLE     500
/* One line of free text: a position, a source, a campaign, a website, an
 * address, the next step, a custom text field, a task's title. */
#define CRM_LIMIT_TEXT      1000
/* Several lines: an activity's note, a task's result, a call's record. */
#define CRM_LIMIT_NOTE      20000
/* One cell of an imported list: no field takes more than a note. */
#define CRM_LIMIT_CSV_CELL  CRM_LIMIT_NOTE
/* An imported list as a whole: its size in bytes, its rows below the
 * header and its columns. A 100,000-row list of the benchmark is 10 MB. */
#define CRM_LIMIT_CSV_BYTES    (64 * 1024 * 1024)
#define CRM_LIMIT_CSV_ROWS     250000
#define CRM_LIMIT_CSV_COLUMNS  200

/* A procedure template as stored or given as a file: its size in bytes and
 * how deeply its arrays and objects nest (the shipped ones nest 9 deep). */
#define CRM_LIMIT_TEMPLATE_BYTES  (4 * 1024 * 1024)
#define CRM_LIMIT_TEMPLATE_DEPTH  64

/* A quote (TW-5): its number as typed on the command line, a variant's
 * name (AXL-9), the logo read
 * into its header, and the PDF stored as it was sent. */
#define CRM_LIMIT_QUOTE_NUMBER  64
#define CRM_LIMIT_QUOTE_VARIANT 100
#define CRM_QUOTE_MAX_LOGO      (2 * 1024 * 1024)
/* A small file may still declare a huge image: the logo is decoded at
 * most this many pixels on its longer side. */
#define CRM_QUOTE_MAX_LOGO_SIDE 2048
/* And since most decoders read the whole image before scaling it down, a
 * logo declaring more pixels than this is refused before it is decoded:
 * a 100 KB PNG may declare 30,000 × 30,000, gigabytes once decoded. */
#define CRM_QUOTE_MAX_LOGO_PIXELS (4096 * 4096)
#define CRM_QUOTE_MAX_PDF       (64 * 1024 * 1024)

#define CRM_LIMIT_ERROR (crm_limit_error_quark ())

/**
 * CrmLimitError:
 * @CRM_LIMIT_ERROR_TOO_LONG: the text is longer than its field allows
 * @CRM_LIMIT_ERROR_TOO_DEEP: a template nests deeper, or is bigger, than
 *   %CRM_LIMIT_TEMPLATE_DEPTH or %CRM_LIMIT_TEMPLATE_BYTES allow
 */
typedef enum
{
  CRM_LIMIT_ERROR_TOO_LONG,
  CRM_LIMIT_ERROR_TOO_DEEP,
} CrmLimitError;

/**
 * CrmTextKind:
 * @CRM_TEXT_LINE: one line; tabs and line breaks become spaces
 * @CRM_TEXT_LINES: several lines; line breaks and tabs are kept
 */
typedef enum
{
  CRM_TEXT_LINE,
  CRM_TEXT_LINES,
} CrmTextKind;

GQuark   crm_limit_error_quark (void);
gboolean crm_limits_clean_text (const char   *label,
                                const char   *text,
                                gsize         max_chars,
                                CrmTextKind   kind,
                                char        **out_clean,
                                GError      **error);
gboolean crm_limits_dup_trimmed (const char  *label,
                                 const char  *text,
                                 gsize        max_chars,
                                 CrmTextKind  kind,
                                 char       **out_clean,
                                 GError     **error);
gboolean crm_limits_check_json (const char   *label,
                                const char   *data,
                                gsize         length,
                                GError      **error);

G_END_DECLS
