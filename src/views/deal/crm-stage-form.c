/* crm-stage-form.c
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

#define G_LOG_DOMAIN "crm-stage-form"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-stage-form.h"
#include "crm-field-editor.h"
#include "crm-strings.h"
#include "crm-toast.h"
#include "crm-deal.h"
#include "crm-email.h"
#include "crm-money.h"
#include "crm-phone.h"
#include "crm-procedure.h"
#include "crm-stage.h"
#include "crm-store.h"

/* Asks for exactly the fields a stage's rules require before a deal may
 * enter it (AXL-9 Platform, Niche and Source; RAD-8 the contact's phone;
 * RAD-10 the qualification; a loss reason for HS-10, RAD-12, CON-8 and
 * AXL-10). The board opens it when the store refuses a move with
 * CRM_STORE_ERROR_MISSING_FIELDS. The form only checks as the rep types so
 * that Move is never offered for values the store would refuse; the move
 * itself is crm_store_move_deal_with_values(), which checks everything
 * again and stores nothing when it says no. */

/* A new problem waits until typing pauses: "8 (49" is not wrong yet. */
#define SHOW_PROBLEM_DELAY_MS 700

typedef struct _FormRow FormRow;

struct _FormRow
{
  CrmStageForm       *form;          /* unowned: the form owns the row */
  char               *key;
  CrmFieldEditor     *editor;        /* builds the row, which the group holds */
  GtkWidget          *row;           /* AdwEntryRow or AdwComboRow, the editor's widget */
  GtkEventController *focus;
  char               *message;       /* the current problem, or NULL */
  guint               shown : 1;
  /* Once a problem was shown, the row's later problems show at once. */
  guint               eager : 1;
};

struct _CrmStageForm
{
  AdwWindow            parent_instance;

  /* Owned references */
  CrmStore            *store;
  char               **missing_keys;
  GPtrArray           *rows;         /* FormRow, in the order of the stage's rules */

  gint64               deal_id;
  gint64               stage_id;
  guint                show_problems_source;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *fields_group;
  GtkLabel            *problems_label;

  guint                can_move : 1;
};

G_DEFINE_FINAL_TYPE (CrmStageForm, crm_stage_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DEAL_ID,
  PROP_STAGE_ID,
  PROP_MISSING_KEYS,
  PROP_CAN_MOVE,
  N_PROPS
};

enum {
  MOVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
form_row_free (FormRow *form_row)
{
  g_signal_handlers_disconnect_by_data (form_row->editor, form_row);
  g_signal_handlers_disconnect_by_data (form_row->focus, form_row);
  g_clear_object (&form_row->editor);
  g_free (form_row->key);
  g_free (form_row->message);
  g_free (form_row);
}

/* Helpers */

static CrmProcedure *
procedure (CrmStageForm *self)
{
  return crm_store_get_procedure (self->store);
}

static const char *
region (CrmStageForm *self)
{
  const char *country = NULL;

  if (procedure (self) != NULL)
    country = crm_procedure_get_country (procedure (self));

  /* The store parses numbers with the same fallback. */
  return country != NULL ? country : "IL";
}

static const CrmProcedureField *
find_field (CrmStageForm *self,
            const char   *key)
{
  return procedure (self) != NULL ? crm_procedure_find_field (procedure (self), key) : NULL;
}

/* The value a row gives the move: the choice's key, or the typed text;
 * NULL while the row is not filled in. */
static char *
form_row_dup_value (FormRow *form_row)
{
  char *value = crm_field_editor_dup_value (form_row->editor);

  if (value[0] == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

static FormRow *
find_row (CrmStageForm *self,
          const char   *key)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FormRow *form_row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (form_row->key, key) == 0)
        return form_row;
    }

  return NULL;
}

/* Checking as the rep types */

static gboolean
check_amount (const char  *label,
              const char  *text,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 amount = 0;

  /* The store's rule and its one parser: an amount above zero, "1,500"
   * read as the deal card and the command line read it. */
  if (!crm_money_parse (text, NULL, &amount, &local_error))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
                   "%s: %s", label, local_error->message);
      return FALSE;
    }

  if (amount > 0)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_AMOUNT,
               /* Translators: “Amount: “abc” is not an amount.” */
               _("%s: “%s” is not an amount."), label, trimmed);
  return FALSE;
}

static gboolean
check_text (CrmStageForm  *self,
            FormRow       *form_row,
            const char    *text,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;

  /* An empty row is not filled in yet, which Move shows; it is no error. */
  if (crm_str_is_blank (text))
    return TRUE;

  if (g_str_equal (form_row->key, "contact.phone"))
    {
      if (crm_phone_normalize (text, region (self), &normalized, &local_error))
        return TRUE;

      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_PHONE, local_error->message);
      return FALSE;
    }

  if (g_str_equal (form_row->key, "contact.email"))
    {
      if (crm_email_normalize (text, &normalized, &local_error))
        return TRUE;

      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_EMAIL, local_error->message);
      return FALSE;
    }

  if (g_str_equal (form_row->key, "amount"))
    return check_amount (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (form_row->row)), text, error);

  /* The store owns the field definitions; asking it keeps the form and
   * the move in agreement about what a number or a date is. */
  if (find_field (self, form_row->key) != NULL)
    return crm_store_check_field_value (self->store, form_row->key, text, NULL, error);

  /* Names and positions only need to be there. */
  return TRUE;
}

/* Showing problems */

static void
update_problems_label (CrmStageForm *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *form_row = g_ptr_array_index (self->rows, i);

      if (!form_row->shown)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, form_row->message);
    }

  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), text->len > 0);
}

static void
form_row_show (FormRow  *form_row,
               gboolean  show)
{
  show = show && form_row->message != NULL;
  form_row->shown = show;

  if (show)
    form_row->eager = TRUE;

  crm_field_editor_show_problem (form_row->editor, show ? form_row->message : NULL);

  update_problems_label (form_row->form);
}

static void
show_all_problems (CrmStageForm *self)
{
  g_clear_handle_id (&self->show_problems_source, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *form_row = g_ptr_array_index (self->rows, i);

      if (form_row->message != NULL && !form_row->shown)
        form_row_show (form_row, TRUE);
    }
}

static void
update_can_move (CrmStageForm *self)
{
  gboolean can_move = self->rows->len > 0;

  for (guint i = 0; can_move && i < self->rows->len; i++)
    {
      FormRow *form_row = g_ptr_array_index (self->rows, i);

      g_autofree char *value = form_row_dup_value (form_row);

      can_move = form_row->message == NULL && value != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.move", can_move);

  if (self->can_move == can_move)
    return;

  self->can_move = can_move;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_MOVE]);
}

/* The store's verdict on a refused move stands at its row until the row
 * is edited. */
static void
form_row_set_problem (FormRow    *form_row,
                      const char *message)
{
  g_free (form_row->message);
  form_row->message = g_strdup (message);
  form_row_show (form_row, TRUE);
}

/* Signal callbacks */

static gboolean
show_problems_cb (gpointer data)
{
  CrmStageForm *self = data;

  self->show_problems_source = 0;
  show_all_problems (self);

  return G_SOURCE_REMOVE;
}

static void
row_changed_cb (FormRow *form_row)
{
  CrmStageForm *self = form_row->form;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&form_row->message, g_free);

  if (crm_field_editor_get_typed (form_row->editor) &&
      !check_text (self, form_row, gtk_editable_get_text (GTK_EDITABLE (form_row->row)), &error))
    form_row->message = g_strdup (error->message);

  /* Good news shows at once, and so does any problem of a row that was
   * already red; a new problem waits until typing pauses. */
  if (form_row->message == NULL || form_row->eager)
    form_row_show (form_row, form_row->message != NULL);
  else
    {
      g_clear_handle_id (&self->show_problems_source, g_source_remove);
      self->show_problems_source = g_timeout_add (SHOW_PROBLEM_DELAY_MS, show_problems_cb, self);
    }

  update_can_move (self);
}

/* Leaving a row shows its problem without waiting. */
static void
row_focus_leave_cb (GtkEventControllerFocus *focus,
                    FormRow                 *form_row)
{
  if (form_row->message != NULL && !form_row->shown)
    form_row_show (form_row, TRUE);
}

/* Building the form */

static void
add_row (CrmStageForm *self,
         const char   *key)
{
  g_autofree char *label = crm_store_dup_field_label (self->store, key);
  FormRow *form_row = g_new0 (FormRow, 1);

  form_row->form = self;
  form_row->key = g_strdup (key);

  /* The rules ask the rep to choose: no choice is preselected where Enter
   * could submit it, and yes/no is asked the same way, since a switch
   * could not say "not answered yet". */
  form_row->editor = crm_field_editor_new (procedure (self), key,
                                           CRM_FIELD_EDITOR_ROW | CRM_FIELD_EDITOR_ASK);
  form_row->row = crm_field_editor_get_widget (form_row->editor);
  crm_field_editor_set_title (form_row->editor, label);
  g_signal_connect_swapped (form_row->editor, "changed", G_CALLBACK (row_changed_cb), form_row);

  form_row->focus = gtk_event_controller_focus_new ();
  g_signal_connect (form_row->focus, "leave", G_CALLBACK (row_focus_leave_cb), form_row);
  gtk_widget_add_controller (form_row->row, form_row->focus);

  adw_preferences_group_add (self->fields_group, form_row->row);
  g_ptr_array_add (self->rows, form_row);
}

static void
build_rows (CrmStageForm *self)
{
  CrmStage *stage = crm_store_find_stage (self->store, self->stage_id);
  g_autoptr(CrmDeal) deal = crm_store_load_deal (self->store, self->deal_id, NULL);
  const char *stage_name = stage != NULL ? crm_stage_get_name (stage) : "";
  g_autofree char *explanation = NULL;
  g_autofree char *markup = NULL;

  gtk_window_set_title (GTK_WINDOW (self), stage_name);
  if (deal != NULL)
    adw_window_title_set_subtitle (self->window_title, crm_deal_get_title (deal));

  /* Translators: %s is a stage of the pipeline, as in
   * “Qualified” needs these before the deal can move */
  explanation = g_strdup_printf (_("“%s” needs these before the deal can move"), stage_name);
  /* The group's description is markup; stage names are plain text. */
  markup = g_markup_escape_text (explanation, -1);
  adw_preferences_group_set_description (self->fields_group, markup);

  for (guint i = 0; self->missing_keys != NULL && self->missing_keys[i] != NULL; i++)
    if (find_row (self, self->missing_keys[i]) == NULL)
      add_row (self, self->missing_keys[i]);

  update_can_move (self);

  /* Typing can start at once. */
  if (self->rows->len > 0)
    gtk_widget_grab_focus (((FormRow *)g_ptr_array_index (self->rows, 0))->row);
}

/* The row a refused move is about: the store names the problem by its
 * code, and custom fields by their label at the start of the message. */
static FormRow *
find_row_for_error (CrmStageForm *self,
                    const GError *error)
{
  FormRow *form_row = NULL;

  if (error->domain != CRM_STORE_ERROR)
    return NULL;

  switch (error->code)
    {
    case CRM_STORE_ERROR_INVALID_PHONE:
      return find_row (self, "contact.phone");

    case CRM_STORE_ERROR_INVALID_EMAIL:
      return find_row (self, "contact.email");

    case CRM_STORE_ERROR_INVALID_AMOUNT:
      return find_row (self, "amount");

    case CRM_STORE_ERROR_INVALID_NAME:
      form_row = find_row (self, "contact.name");
      return form_row != NULL ? form_row : find_row (self, "company.name");

    /* Both name their field first: "Payment terms: the sales manager
     * must approve …" (TW-6). */
    case CRM_STORE_ERROR_INVALID_FIELD:
    case CRM_STORE_ERROR_NEEDS_APPROVAL:
      for (guint i = 0; i < self->rows->len; i++)
        {
          FormRow *candidate = g_ptr_array_index (self->rows, i);
          g_autofree char *label = crm_store_dup_field_label (self->store, candidate->key);
          g_autofree char *prefix = g_strconcat (label, ":", NULL);

          if (g_str_has_prefix (error->message, prefix))
            return candidate;
        }
      return NULL;

    default:
      return NULL;
    }
}

static void
add_toast (CrmStageForm *self,
           const char   *text)
{
  crm_toast_show (self->toast_overlay, crm_toast_new_text (text));
}

static GHashTable *
collect_values (CrmStageForm *self)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FormRow *form_row = g_ptr_array_index (self->rows, i);
      char *value = form_row_dup_value (form_row);

      if (value != NULL)
        g_hash_table_insert (values, g_strdup (form_row->key), value);
    }

  return values;
}

/* A refusal for missing fields names every key the deal still lacks
 * (a value cleared, or the deal changed since the form opened): the form
 * asks for any it has no row for yet, from what the refusal found rather
 * than by running the rules again. Returns the first row refused. */
static FormRow *
ask_refused_fields (CrmStageForm       *self,
                    const char * const *missing)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; missing[i] != NULL; i++)
    if (find_row (self, missing[i]) == NULL)
      add_row (self, missing[i]);

  for (guint i = 0; i < self->rows->len; i++)
    g_strv_builder_add (keys, ((FormRow *)g_ptr_array_index (self->rows, i))->key);
  g_clear_pointer (&self->missing_keys, g_strfreev);
  self->missing_keys = g_strv_builder_end (keys);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MISSING_KEYS]);

  return missing[0] != NULL ? find_row (self, missing[0]) : NULL;
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CrmStageForm *self = CRM_STAGE_FORM (widget);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  gint64 previous_stage_id = 0;

  if (!self->can_move)
    return;

  values = collect_values (self);
  if (!crm_store_move_deal_full (self->store, self->deal_id, self->stage_id, values,
                                 &previous_stage_id, &missing, &error))
    {
      FormRow *form_row = missing != NULL ? ask_refused_fields (self, (const char * const *)missing)
                                          : find_row_for_error (self, error);

      /* Nothing was stored; the form stays open with the problem at its
       * row, so the rep can correct it and try again. */
      if (form_row != NULL)
        {
          form_row_set_problem (form_row, error->message);
          update_can_move (self);
          gtk_widget_grab_focus (form_row->row);
        }
      add_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals [MOVED], 0, previous_stage_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Overrides */

static void
crm_stage_form_constructed (GObject *object)
{
  CrmStageForm *self = (CrmStageForm *)object;

  G_OBJECT_CLASS (crm_stage_form_parent_class)->constructed (object);

  g_return_if_fail (CRM_IS_STORE (self->store));

  build_rows (self);
}

static void
crm_stage_form_dispose (GObject *object)
{
  CrmStageForm *self = (CrmStageForm *)object;

  g_clear_handle_id (&self->show_problems_source, g_source_remove);
  /* The rows' handlers point into the row records: drop them while the
   * row widgets still exist. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_STAGE_FORM);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_stage_form_parent_class)->dispose (object);
}

static void
crm_stage_form_finalize (GObject *object)
{
  CrmStageForm *self = (CrmStageForm *)object;

  g_clear_pointer (&self->missing_keys, g_strfreev);

  G_OBJECT_CLASS (crm_stage_form_parent_class)->finalize (object);
}

static void
crm_stage_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CrmStageForm *self = CRM_STAGE_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_MISSING_KEYS:
      g_value_set_boxed (value, self->missing_keys);
      break;

    case PROP_CAN_MOVE:
      g_value_set_boolean (value, self->can_move);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_form_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CrmStageForm *self = CRM_STAGE_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    case PROP_STAGE_ID:
      self->stage_id = g_value_get_int64 (value);
      break;

    case PROP_MISSING_KEYS:
      self->missing_keys = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_stage_form_class_init (CrmStageFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_stage_form_constructed;
  object_class->dispose = crm_stage_form_dispose;
  object_class->finalize = crm_stage_form_finalize;
  object_class->get_property = crm_stage_form_get_property;
  object_class->set_property = crm_stage_form_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CRM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmStageForm:stage-id:
   *
   * The stage the deal is to enter.
   */
  properties [PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmStageForm:missing-keys:
   *
   * The fields to ask for, as crm_store_list_missing_fields() names them.
   */
  properties [PROP_MISSING_KEYS] =
    g_param_spec_boxed ("missing-keys", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmStageForm:can-move:
   *
   * Whether every row is filled in and none has a problem, so that Move
   * is offered.
   */
  properties [PROP_CAN_MOVE] =
    g_param_spec_boolean ("can-move", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmStageForm::moved:
   * @self: a #CrmStageForm
   * @previous_stage_id: the stage the deal was in, for undo
   *
   * Emitted when the store has moved the deal with the form's values, just
   * before the form closes.
   */
  signals [MOVED] =
    g_signal_new ("moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-stage-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmStageForm, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrmStageForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmStageForm, fields_group);
  gtk_widget_class_bind_template_child (widget_class, CrmStageForm, problems_label);

  gtk_widget_class_install_action (widget_class, "form.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
}

static void
crm_stage_form_init (CrmStageForm *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)form_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.move", FALSE);
}

/* Public API */

/**
 * crm_stage_form_new:
 * @store: the store
 * @deal_id: the deal that is to move
 * @stage_id: the stage it is to enter
 * @missing_keys: the fields the stage requires that the deal lacks, from
 *   crm_store_list_missing_fields()
 *
 * Creates a form asking for @missing_keys; its Move button moves the deal
 * with them. Set it transient for the board's window and present it.
 *
 * Returns: (transfer none): the form; GTK keeps it until it is destroyed
 */
GtkWidget *
crm_stage_form_new (CrmStore           *store,
                    gint64              deal_id,
                    gint64              stage_id,
                    const char * const *missing_keys)
{
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (deal_id > 0, NULL);
  g_return_val_if_fail (stage_id > 0, NULL);

  return g_object_new (CRM_TYPE_STAGE_FORM,
                       "store", store,
                       "deal-id", deal_id,
                       "stage-id", stage_id,
                       "missing-keys", missing_keys,
                       NULL);
}

/**
 * crm_stage_form_get_store:
 * @self: a #CrmStageForm
 *
 * Returns: (transfer none): the store
 */
CrmStore *
crm_stage_form_get_store (CrmStageForm *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_FORM (self), NULL);

  return self->store;
}

gint64
crm_stage_form_get_deal_id (CrmStageForm *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_FORM (self), 0);

  return self->deal_id;
}

gint64
crm_stage_form_get_stage_id (CrmStageForm *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_FORM (self), 0);

  return self->stage_id;
}

gboolean
crm_stage_form_get_can_move (CrmStageForm *self)
{
  g_return_val_if_fail (CRM_IS_STAGE_FORM (self), FALSE);

  return self->can_move;
}

/**
 * crm_stage_form_get_row:
 * @self: a #CrmStageForm
 * @key: a key of the missing fields
 *
 * Returns: (transfer none) (nullable): the row asking for @key: an
 *   #AdwEntryRow for text, numbers and dates, an #AdwComboRow for choices
 *   and yes/no
 */
GtkWidget *
crm_stage_form_get_row (CrmStageForm *self,
                        const char   *key)
{
  FormRow *form_row;

  g_return_val_if_fail (CRM_IS_STAGE_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  form_row = find_row (self, key);

  return form_row != NULL ? form_row->row : NULL;
}
