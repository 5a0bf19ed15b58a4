/* crm-deal-tile.c
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

#define G_LOG_DOMAIN "crm-deal-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-board.h"
#include "crm-deal.h"
#include "crm-deal-tile.h"

/* A card on the board. Tiles are recycled by the column's list view: one
 * tile shows many deals over its life, so everything it shows is bound to
 * the current deal through one binding group. */
struct _CrmDealTile
{
  AdwBin         parent_instance;

  CrmDeal       *deal;
  GBindingGroup *bindings;
  GtkPopover    *menu;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *company_label;
  GtkLabel      *amount_label;
  GtkLabel      *owner_label;
  GtkWidget     *next_step_box;
  GtkLabel      *next_step_label;
};

G_DEFINE_FINAL_TYPE (CrmDealTile, crm_deal_tile, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
text_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && text[0] != '\0');
  return TRUE;
}

static void
crm_deal_tile_update_accessible (CrmDealTile *self)
{
  g_autofree char *label = NULL;

  if (self->deal == NULL)
    return;

  label = g_strdup_printf ("%s, %s, %s",
                           crm_deal_get_title (self->deal),
                           crm_deal_get_company_name (self->deal) ? crm_deal_get_company_name (self->deal) : "",
                           gtk_label_get_label (self->amount_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrmDealTile   *self)
{
  if (self->deal == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CRM_TYPE_DEAL, self->deal);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               CrmDealTile   *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 20, 20);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             CrmDealTile   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
crm_deal_tile_popup_menu (CrmDealTile *self,
                          double       x,
                          double       y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *board;

  board = gtk_widget_get_ancestor (GTK_WIDGET (self), CRM_TYPE_BOARD);
  if (board == NULL || self->deal == NULL)
    return;

  model = crm_board_build_deal_menu (CRM_BOARD (board), self->deal);

  if (self->menu == NULL)
    {
      self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
      gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
      gtk_popover_set_has_arrow (self->menu, FALSE);
      gtk_widget_set_halign (GTK_WIDGET (self->menu), GTK_ALIGN_START);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  gtk_popover_set_pointing_to (self->menu, &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (self->menu);
}

static void
secondary_click_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    CrmDealTile     *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  crm_deal_tile_popup_menu (self, x, y);
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmDealTile *self = CRM_DEAL_TILE (widget);

  crm_deal_tile_popup_menu (self,
                            gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0);
}

static void
crm_deal_tile_dispose (GObject *object)
{
  CrmDealTile *self = (CrmDealTile *)object;

  g_clear_pointer ((GtkWidget **)&self->menu, gtk_widget_unparent);
  /* AdwBin keeps its own pointer to the template's root: let it drop the
   * child before the template's references go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DEAL_TILE);
  g_clear_object (&self->bindings);
  g_clear_object (&self->deal);

  G_OBJECT_CLASS (crm_deal_tile_parent_class)->dispose (object);
}

static void
crm_deal_tile_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmDealTile *self = CRM_DEAL_TILE (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_tile_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrmDealTile *self = CRM_DEAL_TILE (object);

  switch (prop_id)
    {
    case PROP_DEAL:
      crm_deal_tile_set_deal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_deal_tile_class_init (CrmDealTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_deal_tile_dispose;
  object_class->get_property = crm_deal_tile_get_property;
  object_class->set_property = crm_deal_tile_set_property;

  /**
   * CrmDealTile:deal:
   *
   * The deal the card shows.
   */
  properties [PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         CRM_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-deal-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, company_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, amount_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, owner_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, next_step_box);
  gtk_widget_class_bind_template_child (widget_class, CrmDealTile, next_step_label);

  gtk_widget_class_install_action (widget_class, "tile.show-menu", NULL, show_menu_action);

  gtk_widget_class_set_css_name (widget_class, "dealtile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_deal_tile_init (CrmDealTile *self)
{
  GtkDragSource *drag_source;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "company-name", self->company_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "company-name", self->company_label, "visible",
                             G_BINDING_SYNC_CREATE, text_to_visible, NULL, NULL, NULL);
  g_binding_group_bind (self->bindings, "amount-label", self->amount_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "owner-name", self->owner_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "next-step", self->next_step_label, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "next-step", self->next_step_box, "visible",
                             G_BINDING_SYNC_CREATE, text_to_visible, NULL, NULL, NULL);

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (drag_source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag_source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * crm_deal_tile_get_deal:
 * @self: a #CrmDealTile
 *
 * Returns: (transfer none) (nullable): the deal shown
 */
CrmDeal *
crm_deal_tile_get_deal (CrmDealTile *self)
{
  g_return_val_if_fail (CRM_IS_DEAL_TILE (self), NULL);

  return self->deal;
}

void
crm_deal_tile_set_deal (CrmDealTile *self,
                        CrmDeal     *deal)
{
  g_return_if_fail (CRM_IS_DEAL_TILE (self));
  g_return_if_fail (!deal || CRM_IS_DEAL (deal));

  if (!g_set_object (&self->deal, deal))
    return;

  g_binding_group_set_source (self->bindings, deal);
  crm_deal_tile_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEAL]);
}
