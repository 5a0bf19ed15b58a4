/* crm-store-live.c
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

#define G_LOG_DOMAIN "crm-store-live"

#include "config.h"

#include <string.h>

#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-store-private.h"

/* Live boards on a team server (issue 10, item 5). The server's triggers
 * (migration 9) announce each committed change on one channel; the store
 * listens on its own connection and turns what other sessions announce
 * into the signals its own writes raise, so a card another person moved
 * moves here, the column's count and sums follow, and Today and Leads read
 * again. The payloads come from the network: each is bounded and checked
 * whole before anything is taken from it, and one that does not fit is
 * dropped with a warning. */

#define CRM_STORE_LIVE_CHANNEL "crm_changes"

/* "deal 9223372036854775807 … 2026-11-25T10:00:00Z" is under 90 bytes. */
#define CRM_STORE_LIVE_MAX_PAYLOAD 128

/* More deals than this in one turn of the main loop (a bulk write on
 * another machine) read the board again instead of row by row. */
#define CRM_STORE_LIVE_MAX_DEALS 64

/* The store's timestamps: 2026-11-25T10:00:00Z. */
#define CRM_STORE_TIMESTAMP_LENGTH 20

typedef struct
{
  gint64 deal_id;
  gint64 from_stage_id;   /* 0: the deal was created */
  gint64 to_stage_id;     /* 0: the deal was deleted */
  char   old_key[CRM_STORE_TIMESTAMP_LENGTH + 1];  /* empty when created */
} DealNotice;

typedef struct
{
  GArray     *deals;     /* DealNotice, one per deal, first seen first */
  GHashTable *index;     /* deal id (a copy) → position in deals */
  gboolean    leads;
  gboolean    activities;
} Batch;

static gboolean
parse_stage (const char *text,
             gint64     *id)
{
  if (strcmp (text, "-") == 0)
    {
      *id = 0;
      return TRUE;
    }

  return g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

/* A timestamp as the store writes them, digit by digit. */
static gboolean
parse_key (const char *text,
           char       *key)
{
  static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";

  if (strcmp (text, "-") == 0)
    {
      *key = '\0';
      return TRUE;
    }

  if (strlen (text) != CRM_STORE_TIMESTAMP_LENGTH)
    return FALSE;
  for (guint i = 0; i < CRM_STORE_TIMESTAMP_LENGTH; i++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
        return FALSE;
    }

  memcpy (key, text, CRM_STORE_TIMESTAMP_LENGTH + 1);
  return TRUE;
}

/* "deal ID FROM TO UPDATED", the words already split. */
static gboolean
parse_deal (char       **words,
            DealNotice  *notice)
{
  if (g_strv_length (words) != 5)
    return FALSE;

  return g_ascii_string_to_signed (words[1], 10, 1, G_MAXINT64, &notice->deal_id, NULL) &&
         parse_stage (words[2], &notice->from_stage_id) &&
         parse_stage (words[3], &notice->to_stage_id) &&
         parse_key (words[4], notice->old_key) &&
         (notice->from_stage_id != 0 || notice->to_stage_id != 0);
}

/* Several writes of one deal in a turn are one change: from where it was
 * first to where it is last. */
static void
add_deal (Batch            *batch,
          const DealNotice *notice)
{
  gpointer position;

  if (g_hash_table_lookup_extended (batch->index, &notice->deal_id, NULL, &position))
    {
      g_array_index (batch->deals, DealNotice, GPOINTER_TO_UINT (position)).to_stage_id = notice->to_stage_id;
      return;
    }

  g_array_append_val (batch->deals, *notice);
  g_hash_table_insert (batch->index, g_memdup2 (&notice->deal_id, sizeof notice->deal_id),
                       GUINT_TO_POINTER (batch->deals->len - 1));
}

/* Takes one payload into the batch; a payload that is too long or not
 * one of the shapes of migration 9 is dropped, with a warning. */
static void
take_payload (Batch      *batch,
              const char *payload)
{
  g_auto(GStrv) words = NULL;
  DealNotice notice = { 0 };

  if (strnlen (payload, CRM_STORE_LIVE_MAX_PAYLOAD + 1) > CRM_STORE_LIVE_MAX_PAYLOAD)
    {
      g_warning ("Ignoring a change announced by the server: longer than %d bytes",
                 CRM_STORE_LIVE_MAX_PAYLOAD);
      return;
    }

  if (!g_utf8_validate (payload, -1, NULL))
    {
      g_warning ("Ignoring a change announced by the server: not UTF-8");
      return;
    }

  if (strcmp (payload, "leads") == 0)
    batch->leads = TRUE;
  else if (strcmp (payload, "activities") == 0)
    batch->activities = TRUE;
  else if (g_str_has_prefix (payload, "deal ") &&
           (words = g_strsplit (payload, " ", 6)) != NULL &&
           parse_deal (words, &notice))
    add_deal (batch, &notice);
  else
    g_warning ("Ignoring a change announced by the server: “%s” is not one Deals sends", payload);
}

/* The board reads again: too many rows changed to follow one by one, or
 * some of the announcements were lost. */
static void
reload_lists (CrmStore *self)
{
  GHashTableIter iter;
  gpointer list;

  g_hash_table_iter_init (&iter, self->lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    crm_deal_list_reload (list);
}

/* One deal's change, row by row. A deal this session may not read (the
 * server's row-level security hides another rep's) was never on its
 * board: nothing to follow, and nothing to announce. A deleted one may
 * or may not have been: its column reads again. */
static gboolean
follow_deal (CrmStore         *self,
             const DealNotice *notice)
{
  g_autoptr(CrmDeal) visible = NULL;
  g_autofree char *key = NULL;

  if (notice->to_stage_id == 0)
    {
      CrmDealList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER ((gsize)notice->from_stage_id));

      if (list != NULL)
        crm_deal_list_reload (list);
      return TRUE;
    }

  visible = _crm_store_read_card_row (self, notice->deal_id, &key);
  if (visible == NULL)
    return FALSE;

  _crm_store_relocate_in_lists (self, notice->deal_id, notice->from_stage_id,
                                notice->old_key[0] != '\0' ? notice->old_key : NULL,
                                notice->to_stage_id, NULL);
  return TRUE;
}

static void
announce_batch (CrmStore *self,
                Batch    *batch,
                gboolean  overflowed)
{
  gboolean row_by_row = !overflowed && batch->deals->len <= CRM_STORE_LIVE_MAX_DEALS;

  if (!row_by_row)
    reload_lists (self);

  for (guint i = 0; i < batch->deals->len; i++)
    {
      DealNotice *notice = &g_array_index (batch->deals, DealNotice, i);

      if (row_by_row && !follow_deal (self, notice))
        continue;
      _crm_store_signal_remote_deal_changed (self, notice->deal_id);
    }

  /* Lost announcements may have been of either. */
  if (batch->leads || overflowed)
    _crm_store_note_change (self, CRM_STORE_CHANGED_LEADS);
  if (batch->activities || overflowed)
    _crm_store_note_change (self, CRM_STORE_CHANGED_ACTIVITIES);
  _crm_store_announce_changes (self);
}

/* From the main loop, outside of any transaction of this connection. */
static void
notices_cb (CrmDb              *db,
            const char * const *payloads,
            gboolean            overflowed,
            gpointer            user_data)
{
  CrmStore *self = user_data;
  Batch batch = {
    .deals = g_array_new (FALSE, TRUE, sizeof (DealNotice)),
    .index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
  };

  if (overflowed)
    g_warning ("%s: more changes came at once than are kept; reading the board again",
               crm_db_get_name (db));

  for (guint i = 0; payloads[i] != NULL; i++)
    take_payload (&batch, payloads[i]);

  announce_batch (self, &batch, overflowed);

  g_hash_table_unref (batch.index);
  g_array_unref (batch.deals);
}

/* Called once the store is open: on a team server, follow the others.
 * Live changes are a convenience: a server that refuses LISTEN leaves a
 * store that works as before, with a warning. */
void
_crm_store_follow_others (CrmStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_db_is_postgresql (self->db))
    return;

  if (!crm_db_listen (self->db, CRM_STORE_LIVE_CHANNEL, notices_cb, self, &error))
    g_warning ("Not following other sessions' changes: %s", error->message);
}

/* The store is going away: no callback may reach it after. */
void
_crm_store_stop_following (CrmStore *self)
{
  if (self->db != NULL)
    crm_db_unlisten (self->db);
}
