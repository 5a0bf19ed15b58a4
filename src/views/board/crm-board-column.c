/* crm-board-column.c
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

#define G_LOG_DOMAIN "crm-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-board-column.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-deal-tile.h"
#include "crm-stage.h"

/* One stage of the board: a header with the stage's count and total over a
 * list view of its deals. The list view recycles its tiles, so a column of
 * 100,000 deals holds at most the ~200 rows GTK 4.8 keeps around the view,
 * and the list reads their rows on the store's worker thread: a card shows
 * blank until its row comes.
 *
 * The list view gets the deal list itself, never a slice of it: a slice
 * reports every row after a change as changed, and GTK then looks at each
 * of them for the row it can keep, which asks the list for the whole stage. */
struct _CrmBoardColumn
{
  GtkBox              parent_instance;

  CrmStage           *stage;
  CrmDealList        *deals;
  GtkSingleSelection *selection;
  GtkDropTarget      *drop_target;

  /* Template widgets */
  GtkLabel           *name_label;
  GtkLabel           *count_label;
  GtkLabel           *total_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (CrmBoardColumn, crm_board_column, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_DEALS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
crm_board_column_update_header (CrmBoardColumn *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->deals));
  g_autofree char *count = g_strdup_printf ("%u", n_items);
  g_autofree char *description = NULL;

  gtk_label_set_label (self->count_label, count);
  gtk_label_set_label (self->total_label, crm_deal_list_get_total_label (self->deals));
  /* Blank while the stage is being counted, not "no deals". */
  gtk_stack_set_visible_child_name (self->stack,
                                    n_items > 0 || crm_deal_list_is_loading (self->deals) ? "list" : "empty");

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u deal", "%s: %u deals", n_items),
                                 crm_stage_get_name (self->stage), n_items);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
list_activate_cb (CrmBoardColumn *self,
                  guint           position)
{
  g_autoptr(CrmDeal) deal = g_list_model_get_item (G_LIST_MODEL (self->deals), position);

  /* A card still blank has no deal to open yet. */
  if (deal != NULL && crm_deal_get_id (deal) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.open-deal", "x", crm_deal_get_id (deal));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         CrmBoardColumn *self)
{
  CrmDeal *deal;

  if (!G_VALUE_HOLDS (value, CRM_TYPE_DEAL))
    return FALSE;

  deal = g_value_get_object (value);
  if (deal == NULL || crm_deal_get_stage_id (deal) == crm_stage_get_id (self->stage))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.move-deal", "(xx)",
                                     crm_deal_get_id (deal), crm_stage_get_id (self->stage));
}

/* The card that has the keyboard focus, which is what Ctrl+Shift+arrow and
 * the menu key act on; the selection follows the pointer and may be
 * elsewhere (or nowhere) while a keyboard user tabs to a card. */
static CrmDealTile *
focused_tile (CrmBoardColumn *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (focus);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CRM_IS_DEAL_TILE (child))
      return CRM_DEAL_TILE (child);

  return CRM_IS_DEAL_TILE (focus) ? CRM_DEAL_TILE (focus) : NULL;
}

static CrmDeal *
current_deal (CrmBoardColumn *self)
{
  CrmDealTile *tile = focused_tile (self);

  if (tile != NULL && crm_deal_tile_get_deal (tile) != NULL)
    return crm_deal_tile_get_deal (tile);

  return crm_board_column_get_selected (self);
}

static gboolean
move_selected (CrmBoardColumn *self,
               int             visual_step)
{
  CrmDeal *deal = current_deal (self);
  int step = visual_step;

  if (deal == NULL)
    return FALSE;

  /* The arrow keys follow what the user sees: in Hebrew the next stage is
   * the column to the left. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    step = -step;

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.move-deal-by", "(xi)",
                                     crm_deal_get_id (deal), step);
}

static gboolean
move_right_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  return move_selected (CRM_BOARD_COLUMN (widget), 1);
}

static gboolean
move_left_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return move_selected (CRM_BOARD_COLUMN (widget), -1);
}

static gboolean
show_menu_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  CrmDealTile *tile = focused_tile (CRM_BOARD_COLUMN (widget));

  if (tile == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (tile), "tile.show-menu", NULL);
}

static gboolean
focus_selected_row_cb (gpointer data)
{
  CrmBoardColumn *self = data;
  CrmDeal *selected = crm_board_column_get_selected (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL && selected != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *tile = gtk_widget_get_first_child (row);

      if (CRM_IS_DEAL_TILE (tile) && crm_deal_tile_get_deal (CRM_DEAL_TILE (tile)) == selected)
        {
          gtk_widget_grab_focus (row);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

/* A signal factory rather than a GtkBuilderListItemFactory: the builder
 * one parses its template for every row, and a column makes ~200 rows. */
static void
setup_tile_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrmBoardColumn           *self)
{
  /* The card learns its store from the column rather than by looking for
   * a board among its ancestors: a list view binds a row before the row
   * has a root, and the card then needs no knowledge of the board. */
  gtk_list_item_set_child (item, g_object_new (CRM_TYPE_DEAL_TILE,
                                               "store", crm_deal_list_get_store (self->deals),
                                               NULL));
}

static void
bind_tile_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  crm_deal_tile_set_deal (CRM_DEAL_TILE (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
}

static void
unbind_tile_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  crm_deal_tile_set_deal (CRM_DEAL_TILE (gtk_list_item_get_child (item)), NULL);
}

static void
items_changed_cb (CrmBoardColumn *self)
{
  crm_board_column_update_header (self);
}

static void
crm_board_column_constructed (GObject *object)
{
  CrmBoardColumn *self = (CrmBoardColumn *)object;

  G_OBJECT_CLASS (crm_board_column_parent_class)->constructed (object);

  gtk_label_set_label (self->name_label, crm_stage_get_name (self->stage));
  if (crm_stage_is_final (self->stage))
    gtk_widget_add_css_class (GTK_WIDGET (self),
                              crm_stage_get_kind (self->stage) == CRM_STAGE_WON ? "won" : "lost");

  /* Nothing is selected until the user picks a card: set the flags before
   * the model, or the first deal of every column comes up selected. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->deals));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->deals, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "notify::total-label",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->deals, "notify::loading",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  crm_board_column_update_header (self);
}

static void
crm_board_column_dispose (GObject *object)
{
  CrmBoardColumn *self = (CrmBoardColumn *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_BOARD_COLUMN);
  g_clear_object (&self->selection);
  g_clear_object (&self->deals);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (crm_board_column_parent_class)->dispose (object);
}

static void
crm_board_column_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmBoardColumn *self = CRM_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_DEALS:
      g_value_set_object (value, self->deals);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_board_column_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmBoardColumn *self = CRM_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_DEALS:
      self->deals = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_board_column_class_init (CrmBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_board_column_constructed;
  object_class->dispose = crm_board_column_dispose;
  object_class->get_property = crm_board_column_get_property;
  object_class->set_property = crm_board_column_set_property;

  properties [PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         CRM_TYPE_STAGE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEALS] =
    g_param_spec_object ("deals", NULL, NULL,
                         CRM_TYPE_DEAL_LIST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRM_TYPE_DEAL_TILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrmBoardColumn, total_label);
  gtk_widget_class_bind_template_child (widget_class, CrmBoardColumn, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmBoardColumn, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

}

/* The keyboard path of a drag (design.md: every move also works without a
 * pointer, for accessibility and for AT-SPI tests). The list view binds
 * Ctrl+Shift+arrows to its own cursor moves, so these shortcuts run in the
 * capture phase, before the focused row sees the key. */
static void
crm_board_column_add_shortcuts (CrmBoardColumn *self)
{
  static const struct {
    const char        *trigger;
    GtkShortcutFunc    func;
  } shortcuts[] = {
    { "<Control><Shift>Right", move_right_cb },
    { "<Control><Shift>Left", move_left_cb },
    { "<Shift>F10|Menu", show_menu_cb },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_callback_action_new (shortcuts[i].func, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
crm_board_column_init (CrmBoardColumn *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  crm_board_column_add_shortcuts (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_tile_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_tile_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_tile_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  /* Dropping anywhere on the column moves the deal; GTK marks the column
   * :drop(active) while a card hovers it, and the stylesheet shows that. */
  self->drop_target = gtk_drop_target_new (CRM_TYPE_DEAL, GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

GtkWidget *
crm_board_column_new (CrmStage    *stage,
                      CrmDealList *deals)
{
  g_return_val_if_fail (CRM_IS_STAGE (stage), NULL);
  g_return_val_if_fail (CRM_IS_DEAL_LIST (deals), NULL);

  return g_object_new (CRM_TYPE_BOARD_COLUMN,
                       "stage", stage,
                       "deals", deals,
                       NULL);
}

/**
 * crm_board_column_get_stage:
 * @self: a #CrmBoardColumn
 *
 * Returns: (transfer none): the column's stage
 */
CrmStage *
crm_board_column_get_stage (CrmBoardColumn *self)
{
  g_return_val_if_fail (CRM_IS_BOARD_COLUMN (self), NULL);

  return self->stage;
}

/**
 * crm_board_column_get_deals:
 * @self: a #CrmBoardColumn
 *
 * Returns: (transfer none): the stage's deals
 */
CrmDealList *
crm_board_column_get_deals (CrmBoardColumn *self)
{
  g_return_val_if_fail (CRM_IS_BOARD_COLUMN (self), NULL);

  return self->deals;
}

/**
 * crm_board_column_get_list_view:
 * @self: a #CrmBoardColumn
 *
 * Returns: (transfer none): the list view
 */
GtkListView *
crm_board_column_get_list_view (CrmBoardColumn *self)
{
  g_return_val_if_fail (CRM_IS_BOARD_COLUMN (self), NULL);

  return self->list_view;
}

/**
 * crm_board_column_get_drop_target:
 * @self: a #CrmBoardColumn
 *
 * Returns: (transfer none): the drop target that receives dragged cards
 */
GtkDropTarget *
crm_board_column_get_drop_target (CrmBoardColumn *self)
{
  g_return_val_if_fail (CRM_IS_BOARD_COLUMN (self), NULL);

  return self->drop_target;
}

/**
 * crm_board_column_get_selected:
 * @self: a #CrmBoardColumn
 *
 * Returns: (transfer none) (nullable): the selected deal
 */
CrmDeal *
crm_board_column_get_selected (CrmBoardColumn *self)
{
  g_return_val_if_fail (CRM_IS_BOARD_COLUMN (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * crm_board_column_select:
 * @self: a #CrmBoardColumn
 * @position: the deal to select and focus
 *
 * Selects a deal and moves the keyboard focus to it, so that a deal moved
 * from the keyboard stays under the user's fingers.
 */
void
crm_board_column_select (CrmBoardColumn *self,
                         guint           position)
{
  g_return_if_fail (CRM_IS_BOARD_COLUMN (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->deals)))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  /* The row exists once the list view has laid the item out. */
  g_idle_add_full (G_PRIORITY_LOW, focus_selected_row_cb, g_object_ref (self), g_object_unref);
}
