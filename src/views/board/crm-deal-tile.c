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

#include "crm-deal.h"
#include "crm-deal-menu.h"
#include "crm-deal-tile.h"
#include "crm-store.h"

/* A card on the board.
 *
 * GTK 4.8's list view keeps about 200 rows alive per column, so a board of
 * eight columns builds some 1,600 cards before its first frame, of which
 * forty are on screen. A card made of a template with seven labels costs
 * 0.2 ms to build and as much again to measure. This one is a single
 * widget with one line per field: its height follows from the font
 * metrics and from which fields are set, so measuring it shapes no text,
 * and it lays its lines out with Pango only when it is drawn. The card's
 * frame, colours and fonts still come from the stylesheet (the "card"
 * class and the widget's own CSS node); long lines end in an ellipsis and
 * the whole text is in the tooltip and in the one label assistive
 * technologies read.
 *
 * An open deal without a task (RAD-5) or with an overdue one (RAD-6) gets
 * one more line in the theme's warning or error colour, and the CSS class
 * "no-task" or "overdue". Whether a task is overdue depends on the store's
 * clock, which the card reaches through its board once it is in one. */

#define PADDING_X   12
#define PADDING_Y   10
#define LINE_GAP    4
#define COLUMN_GAP  8

struct _CrmDealTile
{
  GtkWidget    parent_instance;

  CrmDeal     *deal;
  GtkPopover  *menu;

  /* One layout per line; rebuilt when the deal or the style changes. */
  PangoLayout *title;
  PangoLayout *company;
  PangoLayout *amount;
  PangoLayout *owner;
  PangoLayout *next_step;
  PangoLayout *warning;

  /* The store of the board's column that made the card: its clock
   * decides what is overdue, its stages make the context menu. */
  CrmStore    *store;
  CrmTaskWarning task_warning;

  /* Line heights from the font metrics: normal and small text. */
  int          line_height;
  int          small_height;
};

G_DEFINE_FINAL_TYPE (CrmDealTile, crm_deal_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DEAL,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static PangoLayout *
make_layout (CrmDealTile    *self,
             const char     *text,
             PangoWeight     weight,
             double          scale)
{
  PangoLayout *layout;
  PangoAttrList *attrs;

  if (text == NULL || text[0] == '\0')
    return NULL;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  /* The interface direction, not the text's, decides the alignment: a
   * Hebrew company name in an English board still starts at the left. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

  attrs = pango_attr_list_new ();
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (scale != 1.0)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
crm_deal_tile_clear_layouts (CrmDealTile *self)
{
  g_clear_object (&self->title);
  g_clear_object (&self->company);
  g_clear_object (&self->amount);
  g_clear_object (&self->owner);
  g_clear_object (&self->next_step);
  g_clear_object (&self->warning);
}

static const char *
warning_text (CrmTaskWarning warning)
{
  switch (warning)
    {
    case CRM_TASK_WARNING_NO_TASK:
      /* Translators: on a card whose open deal has no task (RAD-5) */
      return _("No task");

    case CRM_TASK_WARNING_OVERDUE:
      /* Translators: on a card whose next task is overdue (RAD-6) */
      return _("Task overdue");

    case CRM_TASK_WARNING_NONE:
    default:
      return NULL;
    }
}

static gboolean has_text (const char *text);

/* A deal whose row the list has not read yet (id 0): a blank card of the
 * usual height, with no text, no warning, no menu and nothing to drag,
 * until the row comes and the deal notifies. */
static gboolean
crm_deal_tile_is_blank (CrmDealTile *self)
{
  return self->deal != NULL && crm_deal_get_id (self->deal) == 0;
}

static void
crm_deal_tile_update_accessible (CrmDealTile *self)
{
  g_autofree char *amount = NULL;
  g_autofree char *label = NULL;
  const char *company, *owner, *next_step, *warning;

  if (self->deal == NULL)
    return;

  if (crm_deal_tile_is_blank (self))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading deal…"),
                                      -1);
      return;
    }

  amount = crm_deal_dup_amount_label (self->deal);
  company = crm_deal_get_company_name (self->deal);
  owner = crm_deal_get_owner_name (self->deal);
  next_step = crm_deal_get_next_step (self->deal);

  if (company != NULL && company[0] != '\0')
    /* Translators: what a screen reader says for a card: title, company,
     * amount, owner, next step */
    label = g_strdup_printf (_("%s, %s, %s, owner %s, next step: %s"),
                             crm_deal_get_title (self->deal), company, amount,
                             owner ? owner : _("nobody"),
                             next_step ? next_step : _("none"));
  else
    /* Translators: the same for a card without a company */
    label = g_strdup_printf (_("%s, %s, owner %s, next step: %s"),
                             crm_deal_get_title (self->deal), amount,
                             owner ? owner : _("nobody"),
                             next_step ? next_step : _("none"));

  warning = warning_text (self->task_warning);
  if (warning != NULL)
    {
      g_autofree char *with_warning = NULL;

      /* Translators: a card's screen reader label, then its warning */
      with_warning = g_strdup_printf (_("%s, warning: %s"), label, warning);
      g_free (label);
      label = g_steal_pointer (&with_warning);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The tooltip is made when it is about to show: setting tooltip text on
 * every bind would cost each recycled row a markup parse and an
 * accessibility update. */
static gboolean
query_tooltip_cb (CrmDealTile *self,
                  int          x,
                  int          y,
                  gboolean     keyboard_mode,
                  GtkTooltip  *tooltip)
{
  g_autofree char *amount = NULL;
  g_autoptr(GString) text = NULL;
  const char *lines[4];

  if (self->deal == NULL)
    return FALSE;

  amount = crm_deal_dup_amount_label (self->deal);
  lines[0] = crm_deal_get_title (self->deal);
  lines[1] = crm_deal_get_company_name (self->deal);
  lines[2] = crm_deal_get_owner_name (self->deal);
  lines[3] = crm_deal_get_next_step (self->deal);

  text = g_string_new (lines[0]);
  for (guint i = 1; i < G_N_ELEMENTS (lines); i++)
    if (has_text (lines[i]))
      g_string_append_printf (text, "\n%s", lines[i]);
  g_string_append_printf (text, "\n%s", amount);
  if (warning_text (self->task_warning) != NULL)
    g_string_append_printf (text, "\n%s", warning_text (self->task_warning));

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* RAD-5, RAD-6: the warning follows the deal and the store's clock; off a
 * board there is no clock and no warning. Returns whether it changed. */
static gboolean
crm_deal_tile_update_warning (CrmDealTile *self)
{
  CrmTaskWarning warning = CRM_TASK_WARNING_NONE;

  if (self->deal != NULL && self->store != NULL && !crm_deal_tile_is_blank (self))
    {
      g_autoptr(GDateTime) now = crm_store_now (self->store);

      warning = crm_deal_get_task_warning (self->deal, now);
    }

  if (warning == self->task_warning)
    return FALSE;

  self->task_warning = warning;

  if (warning == CRM_TASK_WARNING_NO_TASK)
    gtk_widget_add_css_class (GTK_WIDGET (self), "no-task");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "no-task");

  if (warning == CRM_TASK_WARNING_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  return TRUE;
}

/* The deal changed: drop the layouts (the next draw makes new ones) and
 * remeasure only if the set of lines changed. */
static void
crm_deal_tile_invalidate (CrmDealTile *self)
{
  crm_deal_tile_update_warning (self);
  crm_deal_tile_clear_layouts (self);
  crm_deal_tile_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
crm_deal_tile_ensure_layouts (CrmDealTile *self)
{
  g_autofree char *amount = NULL;

  if (self->deal == NULL || self->amount != NULL || crm_deal_tile_is_blank (self))
    return;

  amount = crm_deal_dup_amount_label (self->deal);
  self->title = make_layout (self, crm_deal_get_title (self->deal), PANGO_WEIGHT_BOLD, 1.0);
  self->company = make_layout (self, crm_deal_get_company_name (self->deal), PANGO_WEIGHT_NORMAL, 1.0);
  self->amount = make_layout (self, amount, PANGO_WEIGHT_BOLD, 1.0);
  self->owner = make_layout (self, crm_deal_get_owner_name (self->deal), PANGO_WEIGHT_NORMAL, PANGO_SCALE_SMALL);
  self->next_step = make_layout (self, crm_deal_get_next_step (self->deal), PANGO_WEIGHT_NORMAL, PANGO_SCALE_SMALL);
  self->warning = make_layout (self, warning_text (self->task_warning), PANGO_WEIGHT_BOLD, PANGO_SCALE_SMALL);
}

static int
metrics_height (PangoContext               *context,
                const PangoFontDescription *font)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (context, font, NULL);
  int height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));

  pango_font_metrics_unref (metrics);

  return height;
}

/* Pango shapes a sample text for each metrics it is asked for, some 35 µs
 * a call, and each card has a context of its own. With about 1,600 cards
 * in the first frame (GTK 4.8 keeps ~200 rows per column), and the heights
 * asked for again after every style change, that was most of the first
 * frame's work. The cards share one table instead, keyed by everything a
 * line's height depends on: the font, the language, the resolution and
 * the font options. */
static GHashTable *line_heights;  /* key → height */

#define MAX_LINE_HEIGHTS 64  /* distinct fonts: a handful; a bound anyway */

static int
line_height (PangoContext *context,
             double        scale)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  gpointer height;

  pango_font_description_set_size (font, (int)(pango_font_description_get_size (font) * scale));
  name = pango_font_description_to_string (font);
  key = g_strdup_printf ("%s|%s|%g|%lx", name,
                         pango_language_to_string (pango_context_get_language (context)),
                         pango_cairo_context_get_resolution (context),
                         options != NULL ? cairo_font_options_hash (options) : 0);

  if (line_heights == NULL)
    line_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  else if (g_hash_table_lookup_extended (line_heights, key, NULL, &height))
    return GPOINTER_TO_INT (height);

  if (g_hash_table_size (line_heights) >= MAX_LINE_HEIGHTS)
    g_hash_table_remove_all (line_heights);

  height = GINT_TO_POINTER (metrics_height (context, font));
  g_hash_table_insert (line_heights, g_steal_pointer (&key), height);

  return GPOINTER_TO_INT (height);
}

static void
crm_deal_tile_ensure_metrics (CrmDealTile *self)
{
  PangoContext *context;

  if (self->line_height > 0)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  self->line_height = line_height (context, 1.0);
  self->small_height = line_height (context, PANGO_SCALE_SMALL);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* The card's height from which lines it has; no text is shaped. */
static int
crm_deal_tile_get_height (CrmDealTile *self)
{
  int height = 2 * PADDING_Y;

  if (self->deal == NULL)
    return height;

  crm_deal_tile_ensure_metrics (self);

  height += self->line_height;                            /* title */
  if (has_text (crm_deal_get_company_name (self->deal)) || crm_deal_tile_is_blank (self))
    height += LINE_GAP + self->line_height;
  height += LINE_GAP + self->line_height;                 /* amount and owner */
  if (has_text (crm_deal_get_next_step (self->deal)))
    height += LINE_GAP + self->small_height;
  if (self->task_warning != CRM_TASK_WARNING_NONE)
    height += LINE_GAP + self->small_height;

  return height;
}

static GtkSizeRequestMode
crm_deal_tile_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
crm_deal_tile_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CrmDealTile *self = CRM_DEAL_TILE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 260;
    }
  else
    {
      *minimum = *natural = crm_deal_tile_get_height (self);
    }
}

static int
natural_width (PangoLayout *layout)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
draw_line (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           int            x,
           int            y,
           int            width,
           PangoAlignment align,
           const GdkRGBA *color)
{
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_alignment (layout, align);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
crm_deal_tile_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CrmDealTile *self = CRM_DEAL_TILE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  PangoAlignment start = rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  int width = gtk_widget_get_width (widget);
  int inner = MAX (width - 2 * PADDING_X, 1);
  GdkRGBA color, dim;
  int y = PADDING_Y;

  if (self->deal == NULL)
    return;

  crm_deal_tile_ensure_metrics (self);
  crm_deal_tile_ensure_layouts (self);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  dim = color;
  dim.alpha *= 0.55;

  if (self->title != NULL)
    draw_line (snapshot, self->title, PADDING_X, y, inner, start, &color);
  y += self->line_height + LINE_GAP;

  if (self->company != NULL)
    {
      draw_line (snapshot, self->company, PADDING_X, y, inner, start, &dim);
      y += self->line_height + LINE_GAP;
    }

  /* The amount keeps its natural width; the owner's name is ellipsized
   * into what remains, at the far end of the line. */
  {
    int amount_w = self->amount ? MIN (natural_width (self->amount), inner) : 0;
    int owner_w = MAX (inner - amount_w - COLUMN_GAP, 1);
    int owner_y = y + (self->line_height - self->small_height) / 2;

    if (self->amount != NULL)
      draw_line (snapshot, self->amount, rtl ? width - PADDING_X - amount_w : PADDING_X, y,
                 amount_w, start, &color);
    if (self->owner != NULL)
      draw_line (snapshot, self->owner, rtl ? PADDING_X : width - PADDING_X - owner_w, owner_y,
                 owner_w, end, &dim);
    y += self->line_height + LINE_GAP;
  }

  if (self->next_step != NULL)
    {
      draw_line (snapshot, self->next_step, PADDING_X, y, inner, start, &color);
      y += self->small_height + LINE_GAP;
    }

  if (self->warning != NULL)
    {
      GtkStyleContext *context = gtk_widget_get_style_context (widget);
      const char *name = self->task_warning == CRM_TASK_WARNING_OVERDUE ? "error_color" : "warning_color";
      GdkRGBA warning = color;

      /* The theme's named colours follow the light and dark styles. */
      gtk_style_context_lookup_color (context, name, &warning);
      draw_line (snapshot, self->warning, PADDING_X, y, inner, start, &warning);
    }
}

static void
crm_deal_tile_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (crm_deal_tile_parent_class)->css_changed (widget, change);

  /* Fonts come from the style: a new one means new metrics and layouts.
   * Most style changes (hover, selection) keep the font; the layouts are
   * cheap to keep for those only when nothing is cleared, so clear both. */
  CRM_DEAL_TILE (widget)->line_height = 0;
  crm_deal_tile_clear_layouts (CRM_DEAL_TILE (widget));
}

static void
crm_deal_tile_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  crm_deal_tile_clear_layouts (CRM_DEAL_TILE (widget));
  gtk_widget_queue_draw (widget);
}

/* Once per round of notifications, not once per property: a page of rows
 * arriving for the blank cards of the first frame changes some fifteen
 * properties of each of a thousand deals. */
static void
deal_changed_cb (CrmDealTile *self)
{
  crm_deal_tile_invalidate (self);
}

/* A task added or closed leaves the deal where it is on the board, so no
 * list reloads: the card showing the deal reads its next task again. */
static void
crm_deal_tile_drop_store (CrmDealTile *self)
{
  g_clear_object (&self->store);
}

/**
 * crm_deal_tile_set_store:
 * @self: a #CrmDealTile
 * @store: (nullable): the store the deal is in
 *
 * Sets #CrmDealTile:store.
 */
void
crm_deal_tile_set_store (CrmDealTile *self,
                         CrmStore    *store)
{
  g_return_if_fail (CRM_IS_DEAL_TILE (self));
  g_return_if_fail (store == NULL || CRM_IS_STORE (store));

  if (self->store == store)
    return;

  crm_deal_tile_drop_store (self);
  self->store = store ? g_object_ref (store) : NULL;

  if (crm_deal_tile_update_warning (self))
    crm_deal_tile_invalidate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CrmDealTile   *self)
{
  if (self->deal == NULL || crm_deal_tile_is_blank (self))
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

  if (self->store == NULL || self->deal == NULL || crm_deal_tile_is_blank (self))
    return;

  model = crm_deal_menu_new (self->store, self->deal);

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
  crm_deal_tile_popup_menu (CRM_DEAL_TILE (widget),
                            gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0);
}

static void
crm_deal_tile_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CrmDealTile *self = CRM_DEAL_TILE (widget);

  if (self->menu != NULL)
    gtk_popover_present (self->menu);
}

static void
crm_deal_tile_dispose (GObject *object)
{
  CrmDealTile *self = (CrmDealTile *)object;

  crm_deal_tile_drop_store (self);
  /* Not g_clear_pointer() on a cast: an optimised build warns that the
   * cast breaks strict aliasing. */
  if (self->menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu));
      self->menu = NULL;
    }
  crm_deal_tile_clear_layouts (self);
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

    case PROP_STORE:
      g_value_set_object (value, self->store);
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

    case PROP_STORE:
      crm_deal_tile_set_store (self, g_value_get_object (value));
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

  widget_class->get_request_mode = crm_deal_tile_get_request_mode;
  widget_class->measure = crm_deal_tile_measure;
  widget_class->size_allocate = crm_deal_tile_size_allocate;
  widget_class->snapshot = crm_deal_tile_snapshot;
  widget_class->css_changed = crm_deal_tile_css_changed;
  widget_class->direction_changed = crm_deal_tile_direction_changed;

  /**
   * CrmDealTile:deal:
   *
   * The deal the card shows.
   */
  properties [PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         CRM_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmDealTile:store:
   *
   * The store the deal is in: its clock decides whether the deal's task
   * is overdue, and its stages fill the card's "Move to" menu.
   */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "tile.show-menu", NULL, show_menu_action);

  gtk_widget_class_set_css_name (widget_class, "dealtile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_deal_tile_init (CrmDealTile *self)
{
  GtkDragSource *drag_source;
  GtkGesture *click;

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

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

  if (self->deal == deal)
    return;

  if (self->deal != NULL)
    g_signal_handlers_disconnect_by_func (self->deal, deal_changed_cb, self);

  g_set_object (&self->deal, deal);

  if (deal != NULL)
    g_signal_connect_object (deal, "changed", G_CALLBACK (deal_changed_cb), self, G_CONNECT_SWAPPED);

  crm_deal_tile_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEAL]);
}

/**
 * crm_deal_tile_get_text:
 * @self: a #CrmDealTile
 *
 * Returns: (transfer full): the lines the card shows, one per line, for
 *   tests and for assistive technologies
 */
char *
crm_deal_tile_get_text (CrmDealTile *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoLayout *lines[6];

  g_return_val_if_fail (CRM_IS_DEAL_TILE (self), NULL);

  crm_deal_tile_ensure_layouts (self);
  lines[0] = self->title;
  lines[1] = self->company;
  lines[2] = self->amount;
  lines[3] = self->owner;
  lines[4] = self->next_step;
  lines[5] = self->warning;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL)
      g_string_append_printf (text, "%s\n", pango_layout_get_text (lines[i]));

  return g_string_free (g_steal_pointer (&text), FALSE);
}
