/* crm-board.c
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

#define G_LOG_DOMAIN "crm-board"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-board.h"
#include "crm-board-column.h"
#include "crm-close-lost-dialog.h"
#include "crm-deal.h"
#include "crm-deal-list.h"
#include "crm-pipeline.h"
#include "crm-reopen-dialog.h"
#include "crm-stage.h"
#include "crm-stage-form.h"
#include "crm-store.h"
#include "crm-toast.h"

/* The kanban board of one pipeline: a column per stage. Moves from every
 * entry point (drop, keyboard, context menu) arrive as the board.move-deal
 * action, so they share one path to the store and one undo toast. */
struct _CrmBoard
{
  AdwBin           parent_instance;

  CrmStore        *store;
  CrmPipeline     *pipeline;
  GListModel      *stages;
  GPtrArray       *columns;   /* CrmBoardColumn, in stage order */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkBox          *columns_box;
};

G_DEFINE_FINAL_TYPE (CrmBoard, crm_board, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PIPELINE,
  N_PROPS
};

enum {
  OPEN_DEAL,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
crm_board_update_empty (CrmBoard *self)
{
  gboolean counting = FALSE;
  guint n_deals = 0;

  /* Until the columns have counted their stages, the board is not known
   * to be empty: it shows the columns, not the empty page. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmDealList *deals = crm_board_column_get_deals (g_ptr_array_index (self->columns, i));

      n_deals += g_list_model_get_n_items (G_LIST_MODEL (deals));
      counting |= crm_deal_list_is_loading (deals);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    n_deals > 0 || counting || self->pipeline == NULL ? "columns" : "empty");
}

static void
crm_board_clear_columns (CrmBoard *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    gtk_box_remove (self->columns_box, g_ptr_array_index (self->columns, i));

  g_ptr_array_set_size (self->columns, 0);
  g_clear_object (&self->stages);
}

static void
crm_board_rebuild (CrmBoard *self)
{
  crm_board_clear_columns (self);

  if (self->store == NULL || self->pipeline == NULL)
    return;

  self->stages = crm_store_get_stages (self->store, crm_pipeline_get_id (self->pipeline));

  for (guint i = 0; i < g_list_model_get_n_items (self->stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (self->stages, i);
      g_autoptr(CrmDealList) deals = crm_store_get_stage_deals (self->store, crm_stage_get_id (stage));
      GtkWidget *column = crm_board_column_new (stage, deals);

      g_signal_connect_object (deals, "items-changed",
                               G_CALLBACK (crm_board_update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (deals, "notify::loading",
                               G_CALLBACK (crm_board_update_empty), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }

  crm_board_update_empty (self);
}

static CrmBoardColumn *
crm_board_find_column (CrmBoard *self,
                       gint64    stage_id,
                       guint    *index)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      CrmBoardColumn *column = g_ptr_array_index (self->columns, i);

      if (crm_stage_get_id (crm_board_column_get_stage (column)) == stage_id)
        {
          if (index != NULL)
            *index = i;
          return column;
        }
    }

  return NULL;
}

static void
crm_board_show_move_toast (CrmBoard *self,
                           gint64    deal_id,
                           gint64    from_stage_id,
                           gint64    to_stage_id)
{
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, deal_id, NULL);
  CrmStage *stage = crm_store_find_stage (self->store, to_stage_id);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (deal == NULL || stage == NULL)
    return;

  /* Toast titles are markup: a deal called "Smith & Sons" must not break it. */
  /* Translators: “Moved “Annual licence” to Quote” */
  title = g_markup_printf_escaped (_("Moved “%s” to %s"), crm_deal_get_title (deal), crm_stage_get_name (stage));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));

  /* The toast lives in the board's own overlay, so its button reaches the
   * board's actions. */
  adw_toast_set_action_name (toast, "board.undo-move");
  adw_toast_set_action_target (toast, "(xx)", deal_id, from_stage_id);

  crm_toast_show (self->toast_overlay, toast);
}

/* What every successful move ends with, whether it went straight through
 * or through the stage form. */
static void
crm_board_finish_move (CrmBoard *self,
                       gint64    deal_id,
                       gint64    from_stage_id,
                       gint64    to_stage_id)
{
  CrmBoardColumn *column;

  if (from_stage_id == to_stage_id)
    return;

  /* The moved deal is the most recently touched one, at the top of its new
   * column: select it there so the keyboard can carry on from it. */
  column = crm_board_find_column (self, to_stage_id, NULL);
  if (column != NULL)
    crm_board_column_select (column, 0);

  crm_board_show_move_toast (self, deal_id, from_stage_id, to_stage_id);
}

static void
stage_form_moved_cb (CrmStageForm *form,
                     gint64        from_stage_id,
                     CrmBoard     *self)
{
  crm_board_finish_move (self,
                         crm_stage_form_get_deal_id (form),
                         from_stage_id,
                         crm_stage_form_get_stage_id (form));
}

/* Dialogs the board opens belong to its window. */
static void
crm_board_present (CrmBoard  *self,
                   GtkWidget *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  gtk_window_present (GTK_WINDOW (window));
}

/* AXL-9, RAD-8, RAD-10: a stage whose rules require
 * fields the deal lacks asks for exactly those, and the move happens when
 * the form has them. @missing is what the refused move found, so the
 * rules run once per drop. Returns FALSE when there is nothing to ask
 * for. */
static gboolean
crm_board_ask_missing_fields (CrmBoard           *self,
                              gint64              deal_id,
                              gint64              stage_id,
                              const char * const *missing)
{
  GtkWidget *form;

  if (missing == NULL || missing[0] == NULL)
    return FALSE;

  form = crm_stage_form_new (self->store, deal_id, stage_id, missing);
  g_signal_connect_object (form, "moved", G_CALLBACK (stage_form_moved_cb), self, G_CONNECT_DEFAULT);
  crm_board_present (self, form);

  return TRUE;
}

static void
close_lost_dialog_closed_cb (CrmCloseLostDialog *dialog,
                             gint64              deal_id,
                             CrmBoard           *self)
{
  gint64 *from_stage_id = g_object_get_data (G_OBJECT (dialog), "crm-board-from-stage");
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, deal_id, NULL);

  if (deal != NULL && from_stage_id != NULL)
    crm_board_finish_move (self, deal_id, *from_stage_id, crm_deal_get_stage_id (deal));
}

/* HS-10, RAD-12, CON-8, AXL-10: a drop, a key or the menu into a lost
 * stage is a closing. It asks in the closing dialog for what the closing
 * needs (the reason, who refused and when, what was agreed), and the
 * store's closing rules decide there, as on every other path. */
static void
crm_board_ask_closing (CrmBoard *self,
                       gint64    deal_id)
{
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, deal_id, NULL);
  GtkWidget *dialog;
  gint64 from_stage_id;

  if (deal == NULL)
    return;

  from_stage_id = crm_deal_get_stage_id (deal);
  dialog = crm_close_lost_dialog_new (self->store, deal_id);
  g_object_set_data_full (G_OBJECT (dialog), "crm-board-from-stage",
                          g_memdup2 (&from_stage_id, sizeof from_stage_id), g_free);
  g_signal_connect_object (dialog, "deal-closed", G_CALLBACK (close_lost_dialog_closed_cb), self,
                           G_CONNECT_DEFAULT);
  crm_board_present (self, dialog);
}

static void
crm_board_move_with_undo (CrmBoard *self,
                          gint64    deal_id,
                          gint64    stage_id)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  CrmStage *stage = crm_store_find_stage (self->store, stage_id);
  gint64 from_stage_id = 0;

  if (!crm_store_move_deal_full (self->store, deal_id, stage_id, NULL, &from_stage_id, &missing, &error))
    {
      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS) &&
          stage != NULL && crm_stage_get_kind (stage) == CRM_STAGE_LOST)
        {
          crm_board_ask_closing (self, deal_id);
          return;
        }

      if (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MISSING_FIELDS) &&
          crm_board_ask_missing_fields (self, deal_id, stage_id, (const char * const *)missing))
        return;

      crm_toast_show (self->toast_overlay, crm_toast_new_text (error->message));
      return;
    }

  crm_board_finish_move (self, deal_id, from_stage_id, stage_id);
}

static void
move_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmBoard *self = CRM_BOARD (widget);
  gint64 deal_id, stage_id;

  g_variant_get (param, "(xx)", &deal_id, &stage_id);
  crm_board_move_with_undo (self, deal_id, stage_id);
}

static void
move_deal_by_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CrmBoard *self = CRM_BOARD (widget);
  g_autoptr(CrmDeal) deal = NULL;
  gint64 deal_id;
  guint index = 0;
  int step;

  g_variant_get (param, "(xi)", &deal_id, &step);

  deal = crm_store_load_deal (self->store, deal_id, NULL);
  if (deal == NULL || crm_board_find_column (self, crm_deal_get_stage_id (deal), &index) == NULL)
    return;

  if ((step < 0 && index == 0) || (step > 0 && index + 1 >= self->columns->len))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  crm_board_move_with_undo (self, deal_id,
                            crm_stage_get_id (crm_board_column_get_stage (g_ptr_array_index (self->columns, index + step))));
}

/* Undo puts the deal back without a toast of its own. */
static void
undo_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CrmBoard *self = CRM_BOARD (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  CrmStage *stage = NULL;
  gint64 deal_id, stage_id;
  gboolean ok;

  g_variant_get (param, "(xx)", &deal_id, &stage_id);
  deal = crm_store_load_deal (self->store, deal_id, NULL);
  if (deal != NULL)
    stage = crm_store_find_stage (self->store, crm_deal_get_stage_id (deal));

  /* A closed deal leaves its stage only reopened: undoing a closing is a
   * reopening, logged with why like any other. */
  if (stage != NULL && crm_stage_is_final (stage))
    ok = crm_store_reopen_deal (self->store, deal_id, stage_id, _("Undone on the board right after closing"),
                                &error);
  else
    ok = crm_store_move_deal (self->store, deal_id, stage_id, NULL, &error);

  if (!ok)
    crm_toast_show (self->toast_overlay, crm_toast_new_text (error->message));
}

static void
reopen_response_cb (CrmReopenDialog *dialog,
                    const char      *response,
                    CrmBoard        *self)
{
  gint64 *deal_id = g_object_get_data (G_OBJECT (dialog), "crm-board-deal");
  g_autofree char *reason = crm_reopen_dialog_dup_reason (dialog);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  CrmBoardColumn *column;
  CrmStage *stage;

  if (!g_str_equal (response, "reopen") || deal_id == NULL)
    return;

  /* The store decides and logs the reopening, with the reason. */
  if (!crm_store_reopen_deal (self->store, *deal_id, 0, reason, &error) ||
      (deal = crm_store_load_deal (self->store, *deal_id, &error)) == NULL)
    {
      crm_toast_show (self->toast_overlay, crm_toast_new_text (error->message));
      return;
    }

  stage = crm_store_find_stage (self->store, crm_deal_get_stage_id (deal));
  column = crm_board_find_column (self, crm_deal_get_stage_id (deal), NULL);
  if (column != NULL)
    crm_board_column_select (column, 0);

  /* Translators: “Reopened “Annual licence” in Quote” */
  title = g_markup_printf_escaped (_("Reopened “%s” in %s"), crm_deal_get_title (deal),
                                   stage != NULL ? crm_stage_get_name (stage) : "");
  crm_toast_show (self->toast_overlay, adw_toast_new (title));
}

/* A won or lost deal is reopened on purpose, with a reason: the deal
 * card's menu offers it instead of the moves a closed deal refuses. */
static void
reopen_deal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  CrmBoard *self = CRM_BOARD (widget);
  gint64 deal_id = g_variant_get_int64 (param);
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, deal_id, NULL);
  GtkWidget *dialog;

  if (deal == NULL)
    return;

  dialog = crm_reopen_dialog_new (crm_deal_get_title (deal));
  g_object_set_data_full (G_OBJECT (dialog), "crm-board-deal", g_memdup2 (&deal_id, sizeof deal_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, G_CONNECT_DEFAULT);
  crm_board_present (self, dialog);
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals [OPEN_DEAL], 0, g_variant_get_int64 (param));
}

static void
crm_board_dispose (GObject *object)
{
  CrmBoard *self = (CrmBoard *)object;

  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);
  /* AdwBin keeps its own pointer to the template's root: let it drop the
   * child before the template's references go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_BOARD);
  g_clear_object (&self->stages);
  g_clear_object (&self->pipeline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_board_parent_class)->dispose (object);
}

static void
crm_board_finalize (GObject *object)
{
  CrmBoard *self = (CrmBoard *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_board_parent_class)->finalize (object);
}

static void
crm_board_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrmBoard *self = CRM_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PIPELINE:
      g_value_set_object (value, self->pipeline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_board_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrmBoard *self = CRM_BOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      crm_board_set_store (self, g_value_get_object (value));
      break;

    case PROP_PIPELINE:
      crm_board_set_pipeline (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_board_class_init (CrmBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_board_dispose;
  object_class->finalize = crm_board_finalize;
  object_class->get_property = crm_board_get_property;
  object_class->set_property = crm_board_set_property;


  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmBoard:pipeline:
   *
   * The pipeline whose stages are the board's columns.
   */
  properties [PROP_PIPELINE] =
    g_param_spec_object ("pipeline", NULL, NULL,
                         CRM_TYPE_PIPELINE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmBoard::open-deal:
   * @self: a #CrmBoard
   * @deal_id: the deal to open
   *
   * Emitted when a card is activated (click or Enter).
   */
  signals [OPEN_DEAL] =
    g_signal_new ("open-deal",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-board.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmBoard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmBoard, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmBoard, columns_box);

  gtk_widget_class_install_action (widget_class, "board.move-deal", "(xx)", move_deal_action);
  gtk_widget_class_install_action (widget_class, "board.move-deal-by", "(xi)", move_deal_by_action);
  gtk_widget_class_install_action (widget_class, "board.undo-move", "(xx)", undo_move_action);
  gtk_widget_class_install_action (widget_class, "board.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "board.reopen-deal", "x", reopen_deal_action);
}

static void
crm_board_init (CrmBoard *self)
{
  self->columns = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_board_get_store:
 * @self: a #CrmBoard
 *
 * Returns: (transfer none) (nullable): the store
 */
CrmStore *
crm_board_get_store (CrmBoard *self)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), NULL);

  return self->store;
}

void
crm_board_set_store (CrmBoard *self,
                     CrmStore *store)
{
  g_return_if_fail (CRM_IS_BOARD (self));

  if (!g_set_object (&self->store, store))
    return;

  g_clear_object (&self->pipeline);
  crm_board_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

/**
 * crm_board_get_pipeline:
 * @self: a #CrmBoard
 *
 * Returns: (transfer none) (nullable): the pipeline shown
 */
CrmPipeline *
crm_board_get_pipeline (CrmBoard *self)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), NULL);

  return self->pipeline;
}

void
crm_board_set_pipeline (CrmBoard    *self,
                        CrmPipeline *pipeline)
{
  g_return_if_fail (CRM_IS_BOARD (self));

  if (!g_set_object (&self->pipeline, pipeline))
    return;

  crm_board_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PIPELINE]);
}

/**
 * crm_board_get_stages:
 * @self: a #CrmBoard
 *
 * Returns: (transfer none) (nullable): the stages of the pipeline shown
 */
GListModel *
crm_board_get_stages (CrmBoard *self)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), NULL);

  return self->stages;
}

guint
crm_board_get_n_columns (CrmBoard *self)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), 0);

  return self->columns->len;
}

/**
 * crm_board_get_column:
 * @self: a #CrmBoard
 * @index: a column, in stage order
 *
 * Returns: (transfer none) (nullable): the column
 */
CrmBoardColumn *
crm_board_get_column (CrmBoard *self,
                      guint     index)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), NULL);

  if (index >= self->columns->len)
    return NULL;

  return g_ptr_array_index (self->columns, index);
}

/**
 * crm_board_get_is_empty:
 * @self: a #CrmBoard
 *
 * Returns: %TRUE when the pipeline has no deals and the board shows its
 *   empty state instead of columns
 */
gboolean
crm_board_get_is_empty (CrmBoard *self)
{
  g_return_val_if_fail (CRM_IS_BOARD (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
