/* crm-call-timer.c
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

#define G_LOG_DOMAIN "crm-call-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-timer.h"

/* How long a call has run, as the panel's header shows it: 04:12, or
 * 1:04:12 past an hour. The length is the session's (the store's clock),
 * so the timer only says when to look again: every second while the call
 * runs. A screen reader hears it as a timer, "Call time 04:12". */

struct _CrmCallTimer
{
  GtkWidget       parent_instance;

  /* Owned references */
  CrmCallSession *session;

  guint           tick_source;

  /* Template widgets */
  GtkLabel       *label;

  guint           running : 1;
};

G_DEFINE_FINAL_TYPE (CrmCallTimer, crm_call_timer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static void
update_text (CrmCallTimer *self)
{
  guint elapsed = self->session != NULL ? crm_call_session_get_elapsed (self->session) : 0;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  if (elapsed >= 3600)
    text = g_strdup_printf ("%u:%02u:%02u", elapsed / 3600, elapsed / 60 % 60, elapsed % 60);
  else
    text = g_strdup_printf ("%02u:%02u", elapsed / 60, elapsed % 60);

  gtk_label_set_text (self->label, text);

  /* Translators: what a screen reader says for the call timer; %s is 04:12 */
  spoken = g_strdup_printf (_("Call time %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_text (user_data);

  return G_SOURCE_CONTINUE;
}

/* GObject overrides */

static void
crm_call_timer_dispose (GObject *object)
{
  CrmCallTimer *self = (CrmCallTimer *)object;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CALL_TIMER);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_call_timer_parent_class)->dispose (object);
}

static void
crm_call_timer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmCallTimer *self = CRM_CALL_TIMER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_timer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmCallTimer *self = CRM_CALL_TIMER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      crm_call_timer_set_session (self, g_value_get_object (value));
      break;

    case PROP_RUNNING:
      crm_call_timer_set_running (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_timer_class_init (CrmCallTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_call_timer_dispose;
  object_class->get_property = crm_call_timer_get_property;
  object_class->set_property = crm_call_timer_set_property;

  /**
   * CrmCallTimer:session:
   *
   * The call whose length is shown.
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_CALL_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallTimer:running:
   *
   * Whether the timer follows the call second by second; stopped, it
   * keeps the length it last showed.
   */
  properties [PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-call-timer.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCallTimer, label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
crm_call_timer_init (CrmCallTimer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
crm_call_timer_new (void)
{
  return g_object_new (CRM_TYPE_CALL_TIMER, NULL);
}

/**
 * crm_call_timer_get_session:
 * @self: a #CrmCallTimer
 *
 * Returns: (transfer none) (nullable): the call whose length is shown
 */
CrmCallSession *
crm_call_timer_get_session (CrmCallTimer *self)
{
  g_return_val_if_fail (CRM_IS_CALL_TIMER (self), NULL);

  return self->session;
}

/**
 * crm_call_timer_set_session:
 * @self: a #CrmCallTimer
 * @session: (nullable): the call to show the length of
 */
void
crm_call_timer_set_session (CrmCallTimer   *self,
                            CrmCallSession *session)
{
  g_return_if_fail (CRM_IS_CALL_TIMER (self));
  g_return_if_fail (session == NULL || CRM_IS_CALL_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

gboolean
crm_call_timer_get_running (CrmCallTimer *self)
{
  g_return_val_if_fail (CRM_IS_CALL_TIMER (self), FALSE);

  return self->running;
}

/**
 * crm_call_timer_set_running:
 * @self: a #CrmCallTimer
 * @running: whether to follow the call
 *
 * Starts or stops the ticking; either way the length is read again.
 */
void
crm_call_timer_set_running (CrmCallTimer *self,
                            gboolean      running)
{
  g_return_if_fail (CRM_IS_CALL_TIMER (self));

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  g_clear_handle_id (&self->tick_source, g_source_remove);
  /* The session counts whole seconds; so does the timer. */
  if (running)
    self->tick_source = g_timeout_add_seconds (1, tick_cb, self);
  update_text (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RUNNING]);
}

/**
 * crm_call_timer_get_text:
 * @self: a #CrmCallTimer
 *
 * Returns: the length shown, 04:12
 */
const char *
crm_call_timer_get_text (CrmCallTimer *self)
{
  g_return_val_if_fail (CRM_IS_CALL_TIMER (self), NULL);

  return gtk_label_get_text (self->label);
}
