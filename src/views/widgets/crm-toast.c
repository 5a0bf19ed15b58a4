/* crm-toast.c
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

#define G_LOG_DOMAIN "crm-toast"

#include "config.h"

#include "crm-toast.h"

/* libadwaita 1.2 frees a toast that is replaced or dismissed while it is
 * still sliding in over the one before it, then finishes the slide on the
 * freed toast and crashes. Two quick No Answer clicks on a card, or two
 * quick moves on the board, were enough. So every overlay shows one toast
 * at a time, the newest replaces the last, and a replacement waits until
 * the toast on screen has finished sliding in: REPLACE_DURATION in
 * adw-toast-overlay.c is 500 ms, and this leaves a margin. */
#define SETTLE_MS 600

typedef struct
{
  AdwToastOverlay *overlay;
  AdwToast        *current;   /* weak: the overlay owns it while shown */
  gint64           shown_at;  /* monotonic µs */
  AdwToast        *waiting;   /* owned until it is shown */
  guint            waiting_source;
} CrmToastSlot;

static void
crm_toast_slot_free (gpointer data)
{
  CrmToastSlot *slot = data;

  g_clear_handle_id (&slot->waiting_source, g_source_remove);
  g_clear_object (&slot->waiting);
  g_clear_weak_pointer (&slot->current);
  g_free (slot);
}

static CrmToastSlot *
slot_for (AdwToastOverlay *overlay)
{
  CrmToastSlot *slot = g_object_get_data (G_OBJECT (overlay), "crm-toast-slot");

  if (slot == NULL)
    {
      slot = g_new0 (CrmToastSlot, 1);
      slot->overlay = overlay;
      g_object_set_data_full (G_OBJECT (overlay), "crm-toast-slot", slot, crm_toast_slot_free);
    }

  return slot;
}

static void
show_now (CrmToastSlot *slot,
          AdwToast     *toast)
{
  if (slot->current != NULL)
    adw_toast_dismiss (slot->current);

  /* Nothing else is ever queued on the overlay, so the priority only
   * matters to toasts added around this helper. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&slot->current, toast);
  slot->shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (slot->overlay, toast);
}

static void
show_waiting_cb (gpointer data)
{
  CrmToastSlot *slot = data;

  slot->waiting_source = 0;
  show_now (slot, g_steal_pointer (&slot->waiting));
}

/**
 * crm_toast_new_text:
 * @text: what the toast says, as plain text
 *
 * A toast saying @text. Toast titles are markup, and messages quote what
 * was typed and name deals ("Smith & Sons"), so @text is escaped.
 *
 * Returns: (transfer full): the toast
 */
AdwToast *
crm_toast_new_text (const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return adw_toast_new (markup);
}

/**
 * crm_toast_show:
 * @overlay: where to show @toast
 * @toast: (transfer full): the toast
 *
 * Shows @toast in @overlay in place of the toast shown there, if any. When
 * that one has only just appeared, @toast follows as soon as it has
 * settled; a newer toast in the meantime takes @toast's place.
 */
void
crm_toast_show (AdwToastOverlay *overlay,
                AdwToast        *toast)
{
  CrmToastSlot *slot;
  gint64 age_ms;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  slot = slot_for (overlay);
  age_ms = (g_get_monotonic_time () - slot->shown_at) / 1000;

  g_clear_object (&slot->waiting);

  if (slot->current == NULL || age_ms >= SETTLE_MS)
    {
      g_clear_handle_id (&slot->waiting_source, g_source_remove);
      show_now (slot, toast);
      return;
    }

  slot->waiting = toast;
  if (slot->waiting_source == 0)
    slot->waiting_source = g_timeout_add_once (SETTLE_MS - age_ms, show_waiting_cb, slot);
}
