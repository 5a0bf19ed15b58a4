/* crm-call-panel-actions.c
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

#define G_LOG_DOMAIN "crm-call-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-panel-private.h"

/* What the rep does to a running call: the call.* actions the panel's
 * buttons name, and the keys that step through the stages. */

/* Keyboard: Alt+arrows follow what the rep sees, as the board's
 * Ctrl+Shift+arrows do: in Hebrew the next stage is to the left.
 * Ctrl+Page Down and Up mean next and previous in every direction. */
static gboolean
go_step (CrmCallPanel *self,
         int           step)
{
  if (!self->running || !_crm_call_panel_on_page (self, "stage"))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), step > 0 ? "call.next" : "call.previous", NULL);
}

static gboolean
step_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return go_step (CRM_CALL_PANEL (widget), g_variant_get_int32 (args));
}

static gboolean
visual_step_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  int step = g_variant_get_int32 (args);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    step = -step;

  return go_step (CRM_CALL_PANEL (widget), step);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              GtkShortcutFunc        func,
              int                    step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (func, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The shortcuts work anywhere in the deal card while a call runs, not only
 * with the focus in the panel: the rep may be typing in the card. */
void
_crm_call_panel_add_shortcuts (CrmCallPanel *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, GDK_KEY_Right, GDK_ALT_MASK, visual_step_cb, 1);
  add_shortcut (shortcuts, GDK_KEY_Left, GDK_ALT_MASK, visual_step_cb, -1);
  add_shortcut (shortcuts, GDK_KEY_Page_Down, GDK_CONTROL_MASK, step_cb, 1);
  add_shortcut (shortcuts, GDK_KEY_Page_Up, GDK_CONTROL_MASK, step_cb, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Actions */

static void
situation_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmCallPanel *self = CRM_CALL_PANEL (widget);
  gboolean can_talk = g_variant_get_boolean (parameter);

  crm_call_session_set_situation (self->session, can_talk);

  if (can_talk)
    {
      self->talked = TRUE;
      _crm_call_panel_show_stage (self);
      _crm_call_panel_focus_stage (self);
    }
  else
    {
      self->situation_refused = TRUE;
      _crm_call_panel_show_end (self, CRM_CALL_CALL_BACK);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  crm_call_panel_next (CRM_CALL_PANEL (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  crm_call_panel_previous (CRM_CALL_PANEL (widget));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  crm_call_panel_end (CRM_CALL_PANEL (widget));
}

static void
demand_price_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmCallPanel *self = CRM_CALL_PANEL (widget);

  crm_call_session_set_price_demanded (self->session, TRUE);
  _crm_call_panel_update_price (self);
  _crm_call_panel_update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->price_label));
}

/* Private API */

void
_crm_call_panel_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "call.situation", "b", situation_action);
  gtk_widget_class_install_action (widget_class, "call.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "call.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "call.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "call.demand-price", NULL, demand_price_action);
}
