/* crm-deal-menu.c
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

#define G_LOG_DOMAIN "crm-deal-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-deal.h"
#include "crm-deal-menu.h"
#include "crm-stage.h"
#include "crm-store.h"

/**
 * crm_deal_menu_new:
 * @store: the store the deal is in
 * @deal: the deal a context menu is for
 *
 * Builds a deal card's context menu: Open, and "Move to" with every other
 * stage of the deal's pipeline, the menu path of a drag; for a won or
 * lost deal, "Reopen Deal…" instead of the moves. The items name
 * the board's actions, so the menu works wherever a board is an ancestor,
 * and the card that shows it need not know the board.
 *
 * Returns: (transfer full): the menu
 */
GMenuModel *
crm_deal_menu_new (CrmStore *store,
                   CrmDeal  *deal)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) stages_menu = g_menu_new ();
  g_autoptr(GMenuItem) open = NULL;
  g_autoptr(GListModel) stages = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (CRM_IS_DEAL (deal), NULL);

  open = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target (open, "board.open-deal", "x", crm_deal_get_id (deal));
  g_menu_append_item (menu, open);

  /* A won or lost deal moves only when reopened on purpose, so its menu
   * offers that instead of moves the store would refuse. */
  if (crm_deal_get_stage_kind (deal) != CRM_STAGE_OPEN)
    {
      g_autoptr(GMenuItem) reopen = g_menu_item_new (_("_Reopen Deal…"), NULL);

      g_menu_item_set_action_and_target (reopen, "board.reopen-deal", "x", crm_deal_get_id (deal));
      g_menu_append_item (menu, reopen);

      return G_MENU_MODEL (g_steal_pointer (&menu));
    }

  stages = crm_store_get_stages (store, crm_deal_get_pipeline_id (deal));

  for (guint i = 0; stages != NULL && i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GMenuItem) item = NULL;

      if (crm_stage_get_id (stage) == crm_deal_get_stage_id (deal))
        continue;

      item = g_menu_item_new (crm_stage_get_name (stage), NULL);
      g_menu_item_set_action_and_target (item, "board.move-deal", "(xx)",
                                         crm_deal_get_id (deal), crm_stage_get_id (stage));
      g_menu_append_item (stages_menu, item);
    }

  g_menu_append_submenu (menu, _("_Move to"), G_MENU_MODEL (stages_menu));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
