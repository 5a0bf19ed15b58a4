/* crm-field-editor.c
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

#define G_LOG_DOMAIN "crm-field-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-field-editor.h"
#include "crm-ltr-text.h"
#include "crm-problem.h"

#include "crm-phone.h"

/* One field of a deal as the rep fills it in, wherever that happens: the
 * deal card's procedure fields, the stage form and a call-script
 * question. Given a field key it builds the widget that suits the
 * field's type in the procedure (an entry for text, numbers and dates, a
 * drop-down for a choice or the source, a switch or a drop-down for
 * yes/no), gives the value as the text the model checks and stores (a
 * choice's key, “true”/“false”, the trimmed text; "" when empty), and
 * shows the model's refusal at the widget. Deciding whether a value is
 * acceptable stays in the model.
 *
 * The editor is an object beside its widget rather than a widget around
 * it, so that a row is itself the child of its #AdwPreferencesGroup and
 * looks like every other row of the group. */

struct _CrmFieldEditor
{
  GObject                  parent_instance;

  /* Owned references */
  CrmProcedure            *procedure;     /* nullable */
  char                    *key;
  GtkWidget               *widget;        /* the row or the bare editor */
  GPtrArray               *choice_keys;   /* (element-type utf8) (nullable): NULL first */

  const CrmProcedureField *field;         /* nullable: owned by the procedure */
  GtkWidget               *value_widget;  /* unowned: the widget itself, or its switch */

  CrmFieldEditorFlags      flags;
};

G_DEFINE_FINAL_TYPE (CrmFieldEditor, crm_field_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROCEDURE,
  PROP_KEY,
  PROP_FLAGS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static gboolean
key_is (CrmFieldEditor *self,
        const char     *key)
{
  return g_strcmp0 (self->key, key) == 0;
}

static gboolean
is_row (CrmFieldEditor *self)
{
  return (self->flags & CRM_FIELD_EDITOR_ROW) != 0;
}

static gboolean
asks (CrmFieldEditor *self)
{
  return (self->flags & CRM_FIELD_EDITOR_ASK) != 0;
}

static gboolean
has_type (CrmFieldEditor *self,
          CrmFieldType    type)
{
  return self->field != NULL && self->field->type == type;
}

static const char *
region (CrmFieldEditor *self)
{
  const char *country = NULL;

  if (self->procedure != NULL)
    country = crm_procedure_get_country (self->procedure);

  /* The store parses numbers with the same fallback. */
  return country != NULL ? country : "IL";
}

static gboolean
is_iso_date (const char *text)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (strlen (text) != 10)
    return FALSE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);

  return date != NULL;
}

static void
add_choice (CrmFieldEditor *self,
            GtkStringList  *names,
            const char     *key,
            const char     *name)
{
  g_ptr_array_add (self->choice_keys, g_strdup (key));
  gtk_string_list_append (names, name);
}

/* Signal callbacks */

static void
value_changed_cb (CrmFieldEditor *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
date_picked_cb (GtkCalendar *calendar,
                GtkWidget   *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
date_clicked_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkPopover      *popover)
{
  GtkWidget *calendar = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = g_object_get_data (G_OBJECT (calendar), "crm-row");

  /* A click on a day chooses it, even the day already selected (which
   * emits no ::day-selected); the arrows only browse. This runs after the
   * calendar's own click handler has selected the day. */
  if (picked == NULL || !gtk_widget_has_css_class (picked, "day-number"))
    return;

  date_picked_cb (GTK_CALENDAR (calendar), row);
  gtk_popover_popdown (popover);
}

static void
date_popover_show_cb (GtkPopover *popover,
                      GtkWidget  *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) date = NULL;

  /* Open the calendar on the date already typed, else on today. */
  if (is_iso_date (trimmed))
    {
      g_autofree char *iso = g_strconcat (trimmed, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      date = g_date_time_new_from_iso8601 (iso, local);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, date_picked_cb, row);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, date_picked_cb, row);
}

/* Building the widget */

/* Position 0 leaves the field empty (“Not set”) or not answered yet
 * (“Choose…”), so that nothing is chosen by accident; choice i sits at
 * i + 1. */
static GListModel *
build_choices (CrmFieldEditor *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  self->choice_keys = g_ptr_array_new_with_free_func (g_free);

  if (asks (self))
    /* Translators: the placeholder of a drop-down nothing was chosen from yet */
    add_choice (self, names, NULL, _("Choose…"));
  else
    add_choice (self, names, NULL, _("Not set"));

  if (key_is (self, "source") && self->procedure != NULL)
    {
      for (guint i = 0; i < crm_procedure_get_n_sources (self->procedure); i++)
        {
          const CrmProcedureChoice *choice = crm_procedure_get_source (self->procedure, i);

          add_choice (self, names, choice->key, crm_text_get (&choice->name));
        }
    }
  else if (key_is (self, "loss_reason") && self->procedure != NULL)
    {
      for (guint i = 0; i < crm_procedure_get_n_loss_reasons (self->procedure); i++)
        {
          const CrmProcedureChoice *choice = crm_procedure_get_loss_reason (self->procedure, i);

          add_choice (self, names, choice->key, crm_text_get (&choice->name));
        }
    }
  else if (has_type (self, CRM_FIELD_BOOLEAN))
    {
      add_choice (self, names, "true", _("Yes"));
      add_choice (self, names, "false", _("No"));
    }
  else if (self->field != NULL)
    {
      for (guint i = 0; self->field->choices != NULL && i < self->field->choices->len; i++)
        {
          const CrmProcedureChoice *choice = g_ptr_array_index (self->field->choices, i);

          add_choice (self, names, choice->key, crm_text_get (&choice->name));
        }
    }

  return G_LIST_MODEL (names);
}

static void
build_choice (CrmFieldEditor *self)
{
  g_autoptr(GListModel) names = build_choices (self);

  if (is_row (self))
    {
      self->widget = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (self->widget), names);
    }
  else
    self->widget = gtk_drop_down_new (g_steal_pointer (&names), NULL);

  self->value_widget = self->widget;
  g_signal_connect_object (self->widget, "notify::selected",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
build_switch (CrmFieldEditor *self)
{
  self->value_widget = gtk_switch_new ();
  gtk_widget_set_valign (self->value_widget, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->value_widget, "notify::active",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);

  if (!is_row (self))
    {
      self->widget = self->value_widget;
      return;
    }

  self->widget = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->widget), self->value_widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->widget), self->value_widget);
}

/* Public so that the deal card's own date row picks dates the same way. */
void
crm_field_editor_add_date_picker (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* Keyboard selection fills the row as it goes; a click also closes. */
  g_object_set_data (G_OBJECT (calendar), "crm-row", row);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (date_picked_cb), row);
  g_signal_connect (click, "pressed", G_CALLBACK (date_clicked_cb), popover);
  gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (popover, "show", G_CALLBACK (date_popover_show_cb), row);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  adw_entry_row_add_suffix (row, button);
}

static GtkInputPurpose
input_purpose (CrmFieldEditor *self)
{
  if (key_is (self, "amount") || has_type (self, CRM_FIELD_NUMBER))
    return GTK_INPUT_PURPOSE_NUMBER;
  if (key_is (self, "contact.phone"))
    return GTK_INPUT_PURPOSE_PHONE;
  if (key_is (self, "contact.email"))
    return GTK_INPUT_PURPOSE_EMAIL;
  if (key_is (self, "contact.name"))
    return GTK_INPUT_PURPOSE_NAME;

  return GTK_INPUT_PURPOSE_FREE_FORM;
}

static void
build_entry (CrmFieldEditor *self)
{
  GtkInputPurpose purpose = input_purpose (self);
  gboolean is_date = has_type (self, CRM_FIELD_DATE);

  if (is_row (self))
    {
      self->widget = adw_entry_row_new ();
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->widget), purpose);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->widget), TRUE);
      if (is_date)
        crm_field_editor_add_date_picker (ADW_ENTRY_ROW (self->widget));
    }
  else
    {
      self->widget = gtk_entry_new ();
      gtk_entry_set_input_purpose (GTK_ENTRY (self->widget), purpose);
      if (is_date)
        /* Translators: how a date is typed into a call-script answer */
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->widget), _("YYYY-MM-DD"));
    }

  /* Numbers, dates, phones and addresses read left to right in Hebrew. */
  if (is_date || purpose == GTK_INPUT_PURPOSE_NUMBER || purpose == GTK_INPUT_PURPOSE_PHONE ||
      purpose == GTK_INPUT_PURPOSE_EMAIL)
    crm_ltr_text_attach (self->widget);

  self->value_widget = self->widget;
  g_signal_connect_object (self->widget, "changed",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* GObject overrides */

static void
crm_field_editor_constructed (GObject *object)
{
  CrmFieldEditor *self = (CrmFieldEditor *)object;

  G_OBJECT_CLASS (crm_field_editor_parent_class)->constructed (object);

  if (self->procedure != NULL && self->key != NULL)
    self->field = crm_procedure_find_field (self->procedure, self->key);

  if (key_is (self, "source") || key_is (self, "loss_reason") ||
      has_type (self, CRM_FIELD_CHOICE) || (has_type (self, CRM_FIELD_BOOLEAN) && asks (self)))
    build_choice (self);
  else if (has_type (self, CRM_FIELD_BOOLEAN))
    build_switch (self);
  else
    build_entry (self);

  g_object_ref_sink (self->widget);

  /* Field names come from the procedure template, not from markup. */
  if (is_row (self))
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->widget), FALSE);
}

static void
crm_field_editor_dispose (GObject *object)
{
  CrmFieldEditor *self = (CrmFieldEditor *)object;

  self->value_widget = NULL;
  g_clear_object (&self->widget);
  g_clear_object (&self->procedure);

  G_OBJECT_CLASS (crm_field_editor_parent_class)->dispose (object);
}

static void
crm_field_editor_finalize (GObject *object)
{
  CrmFieldEditor *self = (CrmFieldEditor *)object;

  g_clear_pointer (&self->choice_keys, g_ptr_array_unref);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (crm_field_editor_parent_class)->finalize (object);
}

static void
crm_field_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CrmFieldEditor *self = CRM_FIELD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_field_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CrmFieldEditor *self = CRM_FIELD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROCEDURE:
      self->procedure = g_value_dup_object (value);
      break;

    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_field_editor_class_init (CrmFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crm_field_editor_constructed;
  object_class->dispose = crm_field_editor_dispose;
  object_class->finalize = crm_field_editor_finalize;
  object_class->get_property = crm_field_editor_get_property;
  object_class->set_property = crm_field_editor_set_property;

  /**
   * CrmFieldEditor:procedure:
   *
   * The procedure that defines the field; %NULL when there is none, and
   * every key is then plain text.
   */
  properties [PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL,
                         CRM_TYPE_PROCEDURE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmFieldEditor:key:
   *
   * The field edited: a custom field of the procedure, or a deal's own
   * value the rules ask for (“source”, “loss_reason”, “amount”,
   * “contact.phone”, “contact.email”, “contact.name”…); %NULL for free
   * text that goes into no field (a call-script answer, say).
   */
  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmFieldEditor:flags:
   *
   * The #CrmFieldEditorFlags the widget is built with.
   */
  properties [PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmFieldEditor::changed:
   * @self: a #CrmFieldEditor
   *
   * Emitted whenever the value shown changes, typed, chosen or set.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_field_editor_init (CrmFieldEditor *self)
{
}

/* Public API */

/**
 * crm_field_editor_new:
 * @procedure: (nullable): the procedure defining the field
 * @key: (nullable): the field's key; %NULL for free text stored in no field
 * @flags: how to show it
 *
 * Returns: (transfer full): a new field editor, whose widget is empty
 */
CrmFieldEditor *
crm_field_editor_new (CrmProcedure        *procedure,
                      const char          *key,
                      CrmFieldEditorFlags  flags)
{
  g_return_val_if_fail (procedure == NULL || CRM_IS_PROCEDURE (procedure), NULL);
  return g_object_new (CRM_TYPE_FIELD_EDITOR,
                       "procedure", procedure,
                       "key", key,
                       "flags", (guint)flags,
                       NULL);
}

/**
 * crm_field_editor_get_key:
 * @self: a #CrmFieldEditor
 *
 * Returns: (nullable): the field's key, or %NULL for free text
 */
const char *
crm_field_editor_get_key (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->key;
}

/**
 * crm_field_editor_get_field:
 * @self: a #CrmFieldEditor
 *
 * Returns: (transfer none) (nullable): the procedure's definition of the
 *   field, or %NULL for a deal's own value
 */
const CrmProcedureField *
crm_field_editor_get_field (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->field;
}

CrmFieldEditorFlags
crm_field_editor_get_flags (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), 0);

  return self->flags;
}

/**
 * crm_field_editor_get_widget:
 * @self: a #CrmFieldEditor
 *
 * The widget to put in a container: with %CRM_FIELD_EDITOR_ROW an
 * #AdwEntryRow, #AdwComboRow or #AdwActionRow; else a #GtkEntry,
 * #GtkDropDown or #GtkSwitch.
 *
 * Returns: (transfer none): the widget
 */
GtkWidget *
crm_field_editor_get_widget (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->widget;
}

/**
 * crm_field_editor_get_value_widget:
 * @self: a #CrmFieldEditor
 *
 * The widget holding the value: the widget itself, or the #GtkSwitch of
 * a yes/no row.
 *
 * Returns: (transfer none): the widget
 */
GtkWidget *
crm_field_editor_get_value_widget (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  return self->value_widget;
}

/**
 * crm_field_editor_get_typed:
 * @self: a #CrmFieldEditor
 *
 * Whether the value is typed (a #GtkEditable), so that it can be wrong
 * as typed; choices and switches cannot hold a wrong value.
 *
 * Returns: %TRUE for an entry
 */
gboolean
crm_field_editor_get_typed (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), FALSE);

  return GTK_IS_EDITABLE (self->value_widget);
}

/**
 * crm_field_editor_set_title:
 * @self: a #CrmFieldEditor
 * @title: the field's name, as plain text
 *
 * Names the field: the row's title, and the accessible name of a yes/no
 * switch. A bare editor is named by the caller's own label.
 */
void
crm_field_editor_set_title (CrmFieldEditor *self,
                            const char     *title)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  if (is_row (self))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->widget), title != NULL ? title : "");

  if (GTK_IS_SWITCH (self->value_widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}

/**
 * crm_field_editor_dup_value:
 * @self: a #CrmFieldEditor
 *
 * Returns: (transfer full): the value as the model takes it: a choice's
 *   key, “true” or “false”, or the trimmed text; "" while nothing is
 *   chosen or typed
 */
char *
crm_field_editor_dup_value (CrmFieldEditor *self)
{
  g_return_val_if_fail (CRM_IS_FIELD_EDITOR (self), NULL);

  if (self->choice_keys != NULL)
    {
      guint selected = ADW_IS_COMBO_ROW (self->widget)
                       ? adw_combo_row_get_selected (ADW_COMBO_ROW (self->widget))
                       : gtk_drop_down_get_selected (GTK_DROP_DOWN (self->widget));
      const char *key = NULL;

      if (selected != GTK_INVALID_LIST_POSITION && selected < self->choice_keys->len)
        key = g_ptr_array_index (self->choice_keys, selected);

      return g_strdup (key != NULL ? key : "");
    }

  if (GTK_IS_SWITCH (self->value_widget))
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (self->value_widget)) ? "true" : "false");

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_widget))));
}

/**
 * crm_field_editor_set_value:
 * @self: a #CrmFieldEditor
 * @value: (nullable): a stored value, as crm_field_editor_dup_value() gives it
 *
 * Shows @value: a choice it does not know shows as nothing chosen, and a
 * stored phone number as the procedure's country writes it.
 */
void
crm_field_editor_set_value (CrmFieldEditor *self,
                            const char     *value)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  if (self->choice_keys != NULL)
    {
      guint selected = 0;

      for (guint i = 1; value != NULL && i < self->choice_keys->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->choice_keys, i), value) == 0)
          selected = i;

      if (ADW_IS_COMBO_ROW (self->widget))
        adw_combo_row_set_selected (ADW_COMBO_ROW (self->widget), selected);
      else
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->widget), selected);
    }
  else if (GTK_IS_SWITCH (self->value_widget))
    gtk_switch_set_active (GTK_SWITCH (self->value_widget), g_strcmp0 (value, "true") == 0);
  else
    {
      g_autofree char *formatted = NULL;

      if (key_is (self, "contact.phone") && value != NULL && value[0] != '\0')
        formatted = crm_phone_format (value, region (self));

      gtk_editable_set_text (GTK_EDITABLE (self->value_widget),
                             formatted != NULL ? formatted : value != NULL ? value : "");
    }
}

/**
 * crm_field_editor_show_problem:
 * @self: a #CrmFieldEditor
 * @message: (nullable): what is wrong with the value, or %NULL when nothing is
 *
 * Shows at the widget why the model refuses the value (or takes the
 * mark away); the caller also shows @message as text where it lists
 * problems.
 */
void
crm_field_editor_show_problem (CrmFieldEditor *self,
                               const char     *message)
{
  g_return_if_fail (CRM_IS_FIELD_EDITOR (self));

  crm_problem_show (self->widget, message);
}
