/* crm-call-question.c
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

#define G_LOG_DOMAIN "crm-call-question"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-call-question.h"
#include "crm-field-editor.h"
#include "crm-problem.h"
#include "crm-strings.h"

#include "crm-procedure.h"
#include "crm-store.h"

/* One discovery question of a call script (TW-3, RAD-10, CON-3): the
 * question as the rep asks it, and what the customer answers. An answer
 * whose question feeds a field of the deal is saved at once through the
 * session, so that a dropped call loses nothing; typed answers are saved
 * when the rep presses Enter or leaves the entry, not on every key, since
 * “050-12” is no phone number yet. */

struct _CrmCallQuestion
{
  GtkBox                   parent_instance;

  /* Owned references */
  CrmCallSession          *session;
  CrmFieldEditor          *field_editor;  /* builds the editor and reads its value */
  char                    *committed;     /* what the editor showed when last saved or loaded */

  const CrmScriptQuestion *question;      /* owned by the session's procedure */
  GtkWidget               *editor;        /* the field editor's GtkEntry or GtkDropDown */

  /* Template widgets */
  GtkLabel                *text_label;
  GtkImage                *saved_image;
  GtkLabel                *required_label;
  AdwBin                  *editor_bin;
  GtkLabel                *field_label;
  GtkLabel                *problem_label;

  guint                    flagged : 1;
  guint                    has_problem : 1;
  /* The editor is being filled from the session: nothing to save. */
  guint                    loading : 1;
  /* The focused entry loses focus while the template is disposed; that
   * is no answer. */
  guint                    disposing : 1;
};

G_DEFINE_FINAL_TYPE (CrmCallQuestion, crm_call_question, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_QUESTION,
  PROP_FLAGGED,
  N_PROPS
};

enum {
  ANSWERED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static CrmStore *
store (CrmCallQuestion *self)
{
  return crm_call_session_get_store (self->session);
}

static CrmProcedure *
procedure (CrmCallQuestion *self)
{
  return crm_store_get_procedure (store (self));
}

static const char *
field_key (CrmCallQuestion *self)
{
  return self->question->field;
}

/* The value the editor holds, as the session takes it: a choice's key,
 * or the trimmed text; "" while nothing is chosen or typed. */
static char *
dup_value (CrmCallQuestion *self)
{
  return crm_field_editor_dup_value (self->field_editor);
}

static void
show_problem (CrmCallQuestion *self,
              const char      *message)
{
  self->has_problem = message != NULL;

  crm_problem_show (self->editor, message);
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

/* What a question that must be answered says while it is not; a problem
 * with the answer itself says more and goes first. */
static void
update_flag (CrmCallQuestion *self)
{
  if (self->flagged)
    gtk_widget_add_css_class (GTK_WIDGET (self->required_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->required_label), "error");

  if (!self->has_problem)
    {
      const char *message = self->flagged ? _("Ask this before the call goes on.") : NULL;

      crm_problem_show (self->editor, message);
      gtk_label_set_text (self->problem_label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
    }
}

static void
update_saved_image (CrmCallQuestion *self)
{
  g_autofree char *value = dup_value (self);
  const char *answer = crm_call_session_get_answer (self->session, self->question->key);

  /* The tick says the answer is in the deal, and goes while the rep types
   * something that is not saved yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->saved_image),
                          field_key (self) != NULL && !crm_str_is_blank (answer) &&
                          g_strcmp0 (value, self->committed) == 0 && !self->has_problem);
}

/* Shows the session's answer, which a field of the deal may have given
 * before the call started. */
static void
load_answer (CrmCallQuestion *self)
{
  const char *answer = crm_call_session_get_answer (self->session, self->question->key);

  self->loading = TRUE;
  /* A phone shows as the procedure's country writes it. */
  crm_field_editor_set_value (self->field_editor, answer);

  g_free (self->committed);
  self->committed = dup_value (self);
  self->loading = FALSE;
}

/* Signal callbacks */

static void
entry_activate_cb (CrmCallQuestion *self)
{
  crm_call_question_commit (self);
}

static void
entry_changed_cb (CrmCallQuestion *self)
{
  if (!self->loading)
    update_saved_image (self);
}

static void
focus_leave_cb (CrmCallQuestion *self)
{
  crm_call_question_commit (self);
}

static void
selected_changed_cb (CrmCallQuestion *self)
{
  if (!self->loading)
    crm_call_question_commit (self);
}

/* A drop-down starts on a placeholder, so that nothing is answered by
 * accident; yes/no questions are asked the same way, since a switch could
 * not say “not asked yet” (as in the stage form). */
static void
build_editor (CrmCallQuestion *self)
{
  GtkEventController *focus;

  self->field_editor = crm_field_editor_new (procedure (self), field_key (self), CRM_FIELD_EDITOR_ASK);
  self->editor = crm_field_editor_get_widget (self->field_editor);

  if (!crm_field_editor_get_typed (self->field_editor))
    {
      g_signal_connect_object (self->field_editor, "changed",
                               G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_signal_connect_object (self->editor, "activate",
                               G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->field_editor, "changed",
                               G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);

      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (self->editor, focus);
    }

  adw_bin_set_child (self->editor_bin, self->editor);

  /* Screen readers name the editor by the question, and say where the
   * answer goes. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->text_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->field_label, NULL,
                                  -1);
}

static void
fill_labels (CrmCallQuestion *self)
{
  gtk_label_set_text (self->text_label, crm_text_get (&self->question->text));
  gtk_widget_set_visible (GTK_WIDGET (self->required_label), self->question->mandatory);

  if (field_key (self) != NULL)
    {
      g_autofree char *name = crm_store_dup_field_label (store (self), field_key (self));
      /* Translators: under a call-script question; %s is a field of the deal */
      g_autofree char *text = g_strdup_printf (_("Saved to the deal as “%s”"), name);

      gtk_label_set_text (self->field_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->field_label), TRUE);
    }
}

/* GObject overrides */

static void
crm_call_question_constructed (GObject *object)
{
  CrmCallQuestion *self = (CrmCallQuestion *)object;

  G_OBJECT_CLASS (crm_call_question_parent_class)->constructed (object);

  g_assert (CRM_IS_CALL_SESSION (self->session));
  g_assert (self->question != NULL);

  fill_labels (self);
  build_editor (self);
  load_answer (self);
  update_saved_image (self);
}

static void
crm_call_question_dispose (GObject *object)
{
  CrmCallQuestion *self = (CrmCallQuestion *)object;

  self->disposing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CALL_QUESTION);
  self->editor = NULL;

  g_clear_object (&self->field_editor);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (crm_call_question_parent_class)->dispose (object);
}

static void
crm_call_question_finalize (GObject *object)
{
  CrmCallQuestion *self = (CrmCallQuestion *)object;

  g_clear_pointer (&self->committed, g_free);

  G_OBJECT_CLASS (crm_call_question_parent_class)->finalize (object);
}

static gboolean
crm_call_question_grab_focus (GtkWidget *widget)
{
  CrmCallQuestion *self = CRM_CALL_QUESTION (widget);

  /* Focusing a question means answering it. */
  return self->editor != NULL && gtk_widget_grab_focus (self->editor);
}

static void
crm_call_question_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmCallQuestion *self = CRM_CALL_QUESTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_QUESTION:
      g_value_set_pointer (value, (gpointer)self->question);
      break;

    case PROP_FLAGGED:
      g_value_set_boolean (value, self->flagged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_question_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CrmCallQuestion *self = CRM_CALL_QUESTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_QUESTION:
      self->question = g_value_get_pointer (value);
      break;

    case PROP_FLAGGED:
      crm_call_question_set_flagged (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_call_question_class_init (CrmCallQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = crm_call_question_constructed;
  object_class->dispose = crm_call_question_dispose;
  object_class->finalize = crm_call_question_finalize;
  object_class->get_property = crm_call_question_get_property;
  object_class->set_property = crm_call_question_set_property;

  widget_class->grab_focus = crm_call_question_grab_focus;

  /**
   * CrmCallQuestion:session:
   *
   * The running call the answer is recorded in.
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CRM_TYPE_CALL_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallQuestion:question:
   *
   * The #CrmScriptQuestion asked, owned by the session's procedure.
   */
  properties [PROP_QUESTION] =
    g_param_spec_pointer ("question", NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmCallQuestion:flagged:
   *
   * Whether the question is pointed at as one that must be answered
   * before the call goes on (TW-3).
   */
  properties [PROP_FLAGGED] =
    g_param_spec_boolean ("flagged", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrmCallQuestion::answered:
   * @self: a #CrmCallQuestion
   * @field: (nullable): the field of the deal the answer was saved to
   *
   * Emitted after the session recorded a new answer.
   */
  signals [ANSWERED] =
    g_signal_new ("answered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dealsdesk/Deals/crm-call-question.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, text_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, saved_image);
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, required_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, field_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCallQuestion, problem_label);
}

static void
crm_call_question_init (CrmCallQuestion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * crm_call_question_new:
 * @session: the running call
 * @question: a question of the session's script
 *
 * Returns: (transfer floating): a new question widget
 */
GtkWidget *
crm_call_question_new (CrmCallSession          *session,
                       const CrmScriptQuestion *question)
{
  g_return_val_if_fail (CRM_IS_CALL_SESSION (session), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  return g_object_new (CRM_TYPE_CALL_QUESTION,
                       "session", session,
                       "question", question,
                       NULL);
}

CrmCallSession *
crm_call_question_get_session (CrmCallQuestion *self)
{
  g_return_val_if_fail (CRM_IS_CALL_QUESTION (self), NULL);

  return self->session;
}

const CrmScriptQuestion *
crm_call_question_get_question (CrmCallQuestion *self)
{
  g_return_val_if_fail (CRM_IS_CALL_QUESTION (self), NULL);

  return self->question;
}

/**
 * crm_call_question_get_editor:
 * @self: a #CrmCallQuestion
 *
 * The widget the answer is given in: a #GtkDropDown for choices, yes/no
 * and the source (position 0 is “Choose…”), else a #GtkEntry.
 *
 * Returns: (transfer none): the editor
 */
GtkWidget *
crm_call_question_get_editor (CrmCallQuestion *self)
{
  g_return_val_if_fail (CRM_IS_CALL_QUESTION (self), NULL);

  return self->editor;
}

/**
 * crm_call_question_commit:
 * @self: a #CrmCallQuestion
 *
 * Records what the editor holds with crm_call_session_answer(), unless it
 * was recorded already. A refused answer (a malformed phone) is shown at
 * the question and stays unrecorded.
 *
 * Returns: %TRUE when the answer is recorded, or there was nothing new
 */
gboolean
crm_call_question_commit (CrmCallQuestion *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (CRM_IS_CALL_QUESTION (self), FALSE);

  if (self->editor == NULL || self->loading || self->disposing)
    return TRUE;

  value = dup_value (self);
  if (g_strcmp0 (value, self->committed) == 0 && !self->has_problem)
    return TRUE;

  if (!crm_call_session_answer (self->session, self->question->key, value, &error))
    {
      show_problem (self, error->message);
      update_saved_image (self);
      return FALSE;
    }

  g_free (self->committed);
  self->committed = g_steal_pointer (&value);
  show_problem (self, NULL);
  if (!crm_str_is_blank (self->committed))
    crm_call_question_set_flagged (self, FALSE);
  else
    update_flag (self);
  update_saved_image (self);

  g_signal_emit (self, signals [ANSWERED], 0, field_key (self));

  return TRUE;
}

/**
 * crm_call_question_set_flagged:
 * @self: a #CrmCallQuestion
 * @flagged: whether to point at the question
 *
 * Points at a mandatory question the call cannot go on without (TW-3).
 */
void
crm_call_question_set_flagged (CrmCallQuestion *self,
                               gboolean         flagged)
{
  g_return_if_fail (CRM_IS_CALL_QUESTION (self));

  flagged = !!flagged;
  if (self->flagged == flagged)
    return;

  self->flagged = flagged;
  update_flag (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FLAGGED]);
}

gboolean
crm_call_question_get_flagged (CrmCallQuestion *self)
{
  g_return_val_if_fail (CRM_IS_CALL_QUESTION (self), FALSE);

  return self->flagged;
}
